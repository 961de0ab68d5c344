from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'partials/tabs-item.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_render_content = l_0_render = missing
    try:
        t_1 = environment.filters['first']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'first' found.")
    try:
        t_2 = environment.filters['url']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'url' found.")
    pass
    def macro(l_1_nav_item, l_1_ref):
        t_3 = []
        l_1_features = resolve('features')
        if l_1_nav_item is missing:
            l_1_nav_item = undefined("parameter 'nav_item' was not provided", name='nav_item')
        if l_1_ref is missing:
            l_1_ref = undefined("parameter 'ref' was not provided", name='ref')
        pass
        t_3.append(
            '\n  ',
        )
        l_1_ref = (l_1_ref or l_1_nav_item)
        t_3.append(
            '\n  ',
        )
        if ((l_1_nav_item == l_1_ref) or ('navigation.indexes' in (undefined(name='features') if l_1_features is missing else l_1_features))):
            pass
            t_3.append(
                '\n    ',
            )
            if (environment.getattr(l_1_nav_item, 'is_index') and environment.getattr(environment.getattr(l_1_nav_item, 'meta'), 'icon')):
                pass
                t_3.append(
                    '\n      ',
                )
                template = environment.get_or_select_template(str_join(('.icons/', environment.getattr(environment.getattr(l_1_nav_item, 'meta'), 'icon'), '.svg', )), 'partials/tabs-item.html')
                gen = template.root_render_func(template.new_context(context.get_all(), True, {'nav_item': l_1_nav_item, 'ref': l_1_ref, 'render': l_0_render, 'render_content': l_0_render_content}))
                try:
                    for event in gen:
                        t_3.append(event)
                finally: gen.close()
                t_3.append(
                    '\n    ',
                )
            t_3.append(
                '\n  ',
            )
        t_3.extend((
            '\n  ',
            str(environment.getattr(l_1_ref, 'title')),
            '\n',
        ))
        return concat(t_3)
    context.exported_vars.add('render_content')
    context.vars['render_content'] = l_0_render_content = Macro(environment, macro, 'render_content', ('nav_item', 'ref'), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_nav_item, l_1_ref):
        t_4 = []
        l_1_first = resolve('first')
        l_1_class = missing
        if l_1_nav_item is missing:
            l_1_nav_item = undefined("parameter 'nav_item' was not provided", name='nav_item')
        if l_1_ref is missing:
            l_1_ref = undefined("parameter 'ref' was not provided", name='ref')
        pass
        t_4.append(
            '\n  ',
        )
        l_1_ref = (l_1_ref or l_1_nav_item)
        t_4.append(
            '\n  ',
        )
        l_1_class = 'md-tabs__item'
        t_4.append(
            '\n  ',
        )
        if environment.getattr(l_1_ref, 'active'):
            pass
            t_4.append(
                '\n    ',
            )
            l_1_class = str_join(((undefined(name='class') if l_1_class is missing else l_1_class), ' md-tabs__item--active', ))
            t_4.append(
                '\n  ',
            )
        t_4.append(
            '\n  ',
        )
        if environment.getattr(l_1_nav_item, 'children'):
            pass
            t_4.append(
                '\n    ',
            )
            l_1_first = t_1(environment, environment.getattr(l_1_nav_item, 'children'))
            t_4.append(
                '\n    ',
            )
            if environment.getattr((undefined(name='first') if l_1_first is missing else l_1_first), 'children'):
                pass
                t_4.extend((
                    '\n      ',
                    str(context.call((undefined(name='render') if l_0_render is missing else l_0_render), (undefined(name='first') if l_1_first is missing else l_1_first), l_1_ref)),
                    '\n    ',
                ))
            else:
                pass
                t_4.extend((
                    '\n      <li class="',
                    str((undefined(name='class') if l_1_class is missing else l_1_class)),
                    '">\n        <a href="',
                    str(t_2(context, environment.getattr((undefined(name='first') if l_1_first is missing else l_1_first), 'url'))),
                    '" class="md-tabs__link">\n          ',
                    str(context.call((undefined(name='render_content') if l_0_render_content is missing else l_0_render_content), (undefined(name='first') if l_1_first is missing else l_1_first), l_1_ref)),
                    '\n        </a>\n      </li>\n    ',
                ))
            t_4.append(
                '\n  ',
            )
        else:
            pass
            t_4.extend((
                '\n    <li class="',
                str((undefined(name='class') if l_1_class is missing else l_1_class)),
                '">\n      <a href="',
                str(t_2(context, environment.getattr(l_1_nav_item, 'url'))),
                '" class="md-tabs__link">\n        ',
                str(context.call((undefined(name='render_content') if l_0_render_content is missing else l_0_render_content), l_1_nav_item)),
                '\n      </a>\n    </li>\n  ',
            ))
        t_4.append(
            '\n',
        )
        return concat(t_4)
    context.exported_vars.add('render')
    context.vars['render'] = l_0_render = Macro(environment, macro, 'render', ('nav_item', 'ref'), False, False, False, context.eval_ctx.autoescape)

blocks = {}
debug_info = '4=24&5=35&6=39&7=44&8=49&11=63&13=70&14=82&15=86&16=90&17=95&19=102&20=107&21=111&22=115&24=122&25=124&26=126&31=136&32=138&33=140'
# partials/tabs-item.html: generated by `python tools/compile_templates.py`, do not edit.
