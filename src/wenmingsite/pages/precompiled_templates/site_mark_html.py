from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'mark.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_path = l_0_icon = l_0_mark = l_0_symbols = missing
    pass
    def macro(l_1_look):
        t_1 = []
        if l_1_look is missing:
            l_1_look = undefined("parameter 'look' was not provided", name='look')
        pass
        if (l_1_look == 'volunteer'):
            pass
            t_1.append(
                'M20 17q.86 0 1.45.6t.58 1.4L14 22l-7-2v-9h1.95l7.27 2.69q.78.31.78 1.12 0 .47-.34.82t-.86.37H13l-1.75-.67-.33.94L13 17zM16 3.23Q17.06 2 18.7 2q1.36 0 2.3 1t1 2.3q0 1.03-1 2.46t-1.97 2.39T16 13q-2.08-1.89-3.06-2.85t-1.97-2.39T10 5.3q0-1.36.97-2.3t2.34-1q1.6 0 2.69 1.23M.984 11H5v11H.984z',
            )
        elif (l_1_look == 'study'):
            pass
            t_1.append(
                'M12 21.5c-1.35-.85-3.8-1.5-5.5-1.5-1.65 0-3.35.3-4.75 1.05-.1.05-.15.05-.25.05-.25 0-.5-.25-.5-.5V6c.6-.45 1.25-.75 2-1 1.11-.35 2.33-.5 3.5-.5 1.95 0 4.05.4 5.5 1.5 1.45-1.1 3.55-1.5 5.5-1.5 1.17 0 2.39.15 3.5.5.75.25 1.4.55 2 1v14.6c0 .25-.25.5-.5.5-.1 0-.15 0-.25-.05-1.4-.75-3.1-1.05-4.75-1.05-1.7 0-4.15.65-5.5 1.5M12 8v11.5c1.35-.85 3.8-1.5 5.5-1.5 1.2 0 2.4.15 3.5.5V7c-1.1-.35-2.3-.5-3.5-.5-1.7 0-4.15.65-5.5 1.5m1 3.5c1.11-.68 2.6-1 4.5-1 .91 0 1.76.09 2.5.28V9.23c-.87-.15-1.71-.23-2.5-.23q-2.655 0-4.5.84zm4.5.17c-1.71 0-3.21.26-4.5.79v1.69c1.11-.65 2.6-.99 4.5-.99 1.04 0 1.88.08 2.5.24v-1.5c-.87-.16-1.71-.23-2.5-.23m2.5 2.9c-.87-.16-1.71-.24-2.5-.24-1.83 0-3.33.27-4.5.8v1.69c1.11-.66 2.6-.99 4.5-.99 1.04 0 1.88.08 2.5.24z',
            )
        elif (l_1_look == 'culture'):
            pass
            t_1.append(
                'M21 3v12.5a3.5 3.5 0 0 1-3.5 3.5 3.5 3.5 0 0 1-3.5-3.5 3.5 3.5 0 0 1 3.5-3.5c.54 0 1.05.12 1.5.34V6.47L9 8.6v8.9A3.5 3.5 0 0 1 5.5 21 3.5 3.5 0 0 1 2 17.5 3.5 3.5 0 0 1 5.5 14c.54 0 1.05.12 1.5.34V6z',
            )
        elif (l_1_look == 'publicity'):
            pass
            t_1.append(
                'M12 8H4a2 2 0 0 0-2 2v4a2 2 0 0 0 2 2h1v4a1 1 0 0 0 1 1h2a1 1 0 0 0 1-1v-4h3l5 4V4zm9.5 4c0 1.71-.96 3.26-2.5 4V8c1.53.75 2.5 2.3 2.5 4',
            )
        elif (l_1_look == 'service'):
            pass
            t_1.append(
                'M2 22v-2s5-2 10-2 10 2 10 2v2zm9.3-12.9c-1.2-3.9-7.3-3-7.3-3s.2 7.8 5.9 6.6C9.5 9.8 8 9 8 9c2.8 0 3 3.4 3 3.4V17h2v-4.2s0-3.9 3-4.9c0 0-2 3-2 5 7 .7 7-8.9 7-8.9s-8.9-1-9.7 5.1',
            )
        elif (l_1_look == 'aid'):
            pass
            t_1.append(
                'M11 6h3l3.29-3.3a1 1 0 0 1 1.42 0l2.58 2.59a1 1 0 0 1 0 1.41L19 9h-8v2a1 1 0 0 1-1 1 1 1 0 0 1-1-1V8a2 2 0 0 1 2-2m-6 5v4l-2.29 2.29a1 1 0 0 0 0 1.41l2.58 2.59a1 1 0 0 0 1.42 0L11 17h4a1 1 0 0 0 1-1v-1h1a1 1 0 0 0 1-1v-1h1a1 1 0 0 0 1-1v-1h-7v1a2 2 0 0 1-2 2H9a2 2 0 0 1-2-2V9Z',
            )
        elif (l_1_look == 'environment'):
            pass
            t_1.append(
                'M11 21v-4.26c-.47.17-.97.26-1.5.26C7 17 5 15 5 12.5c0-1.27.5-2.41 1.36-3.23C6.13 8.73 6 8.13 6 7.5 6 5 8 3 10.5 3c1.56 0 2.94.8 3.75 2h.25a5.5 5.5 0 0 1 5.5 5.5 5.5 5.5 0 0 1-5.5 5.5q-.75 0-1.5-.21V21z',
            )
        elif (l_1_look == 'mechanism'):
            pass
            t_1.append(
                'M17 9H7V7h10m0 6H7v-2h10m-3 6H7v-2h7M12 3a1 1 0 0 1 1 1 1 1 0 0 1-1 1 1 1 0 0 1-1-1 1 1 0 0 1 1-1m7 0h-4.18C14.4 1.84 13.3 1 12 1s-2.4.84-2.82 2H5a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h14a2 2 0 0 0 2-2V5a2 2 0 0 0-2-2',
            )
        else:
            pass
            t_1.append(
                'M6 3a1 1 0 0 1 1 1v.88C8.06 4.44 9.5 4 11 4c3 0 3 2 5 2 3 0 4-2 4-2v8s-1 2-4 2-3-2-5-2c-3 0-4 2-4 2v7H5V4a1 1 0 0 1 1-1',
            )
        return concat(t_1)
    context.exported_vars.add('path')
    context.vars['path'] = l_0_path = Macro(environment, macro, 'path', ('look',), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_look, l_1_shared):
        t_2 = []
        if l_1_look is missing:
            l_1_look = undefined("parameter 'look' was not provided", name='look')
        if l_1_shared is missing:
            l_1_shared = False
        pass
        if l_1_shared:
            pass
            t_2.extend((
                '<svg class="ws-mark__icon" width="32" height="32"><use href="#ws-mark-',
                escape(l_1_look),
                '"/></svg>',
            ))
        else:
            pass
            t_2.extend((
                '<svg class="ws-mark__icon" viewBox="0 0 24 24" width="32" height="32" aria-hidden="true" focusable="false"><path d="',
                escape(context.call((undefined(name='path') if l_0_path is missing else l_0_path), l_1_look)),
                '"/></svg>',
            ))
        return concat(t_2)
    context.exported_vars.add('icon')
    context.vars['icon'] = l_0_icon = Macro(environment, macro, 'icon', ('look', 'shared'), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_look, l_1_category, l_1_cls, l_1_shared):
        t_3 = []
        if l_1_look is missing:
            l_1_look = undefined("parameter 'look' was not provided", name='look')
        if l_1_category is missing:
            l_1_category = undefined("parameter 'category' was not provided", name='category')
        if l_1_cls is missing:
            l_1_cls = undefined("parameter 'cls' was not provided", name='cls')
        if l_1_shared is missing:
            l_1_shared = False
        pass
        t_3.extend((
            '<span class="',
            escape(l_1_cls),
            ' ws-mark ws-mark--',
            escape(l_1_look),
            '" aria-hidden="true">',
            escape(context.call((undefined(name='icon') if l_0_icon is missing else l_0_icon), l_1_look, l_1_shared)),
            '<span class="ws-mark__name">',
            escape(l_1_category),
            '</span></span>',
        ))
        return concat(t_3)
    context.exported_vars.add('mark')
    context.vars['mark'] = l_0_mark = Macro(environment, macro, 'mark', ('look', 'category', 'cls', 'shared'), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_looks):
        t_4 = []
        if l_1_looks is missing:
            l_1_looks = undefined("parameter 'looks' was not provided", name='looks')
        pass
        t_4.append(
            '<svg class="ws-marks" aria-hidden="true" focusable="false">',
        )
        for l_2_look in l_1_looks:
            _loop_vars = {}
            pass
            t_4.extend((
                '<symbol id="ws-mark-',
                escape(l_2_look),
                '" viewBox="0 0 24 24"><path d="',
                escape(context.call((undefined(name='path') if l_0_path is missing else l_0_path), l_2_look, _loop_vars=_loop_vars)),
                '"/></symbol>',
            ))
        l_2_look = missing
        t_4.append(
            '</svg>',
        )
        return concat(t_4)
    context.exported_vars.add('symbols')
    context.vars['symbols'] = l_0_symbols = Macro(environment, macro, 'symbols', ('looks',), False, False, False, context.eval_ctx.autoescape)

blocks = {}
debug_info = '4=12&5=17&6=22&7=27&8=32&9=37&10=42&11=47&12=52&18=65&19=72&20=83&26=89&27=102&29=114&30=122'
# mark.html: generated by `python tools/compile_templates.py`, do not edit.
