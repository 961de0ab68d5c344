from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'organization.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_org = resolve('org')
    l_0_group = missing
    try:
        t_1 = environment.filters['cn_date']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'cn_date' found.")
    pass
    def macro(l_1_g):
        t_2 = []
        if l_1_g is missing:
            l_1_g = undefined("parameter 'g' was not provided", name='g')
        pass
        if (environment.getattr(l_1_g, 'established') or environment.getattr(l_1_g, 'document')):
            pass
            t_2.append(
                '<p class="ws-note">',
            )
            if environment.getattr(l_1_g, 'established'):
                pass
                t_2.extend((
                    '成立于',
                    escape(t_1(environment.getattr(l_1_g, 'established'))),
                ))
            if environment.getattr(l_1_g, 'document'):
                pass
                t_2.extend((
                    '，文件：',
                    escape(environment.getattr(l_1_g, 'document')),
                ))
            if environment.getattr(l_1_g, 'location'):
                pass
                t_2.extend((
                    '。设在',
                    escape(environment.getattr(l_1_g, 'location')),
                ))
            t_2.append(
                '</p>',
            )
        elif environment.getattr(l_1_g, 'location'):
            pass
            t_2.extend((
                '<p class="ws-note">设在',
                escape(environment.getattr(l_1_g, 'location')),
                '</p>',
            ))
        if environment.getattr(l_1_g, 'members'):
            pass
            t_2.extend((
                '<div class="ws-table-wrap" tabindex="0" role="region" aria-label="',
                escape(environment.getattr(l_1_g, 'name')),
                '组成人员"><table class="ws-table ws-table--compact">\n  <caption>',
                escape(environment.getattr(l_1_g, 'name')),
                '组成人员</caption>\n  <thead><tr><th scope="col">职务</th><th scope="col">姓名</th><th scope="col">本职</th></tr></thead>\n  <tbody>',
            ))
            for l_2_m in environment.getattr(l_1_g, 'members'):
                _loop_vars = {}
                pass
                t_2.extend((
                    '<tr><th scope="row">',
                    escape(environment.getattr(l_2_m, 'role')),
                    '</th><td>',
                    escape(environment.getattr(l_2_m, 'name')),
                    '</td><td>',
                    escape((environment.getattr(l_2_m, 'position') or '')),
                    '</td></tr>',
                ))
            l_2_m = missing
            t_2.append(
                '</tbody>\n</table></div>\n',
            )
        if environment.getattr(l_1_g, 'duties'):
            pass
            t_2.append(
                '<h3>主要职责</h3><ol>',
            )
            for l_2_d in environment.getattr(l_1_g, 'duties'):
                _loop_vars = {}
                pass
                t_2.extend((
                    '<li>',
                    escape(l_2_d),
                    '</li>',
                ))
            l_2_d = missing
            t_2.append(
                '</ol>',
            )
        return concat(t_2)
    context.exported_vars.add('group')
    context.vars['group'] = l_0_group = Macro(environment, macro, 'group', ('g',), False, False, False, context.eval_ctx.autoescape)
    yield '<h2 id="group">'
    yield escape(environment.getattr(environment.getattr((undefined(name='org') if l_0_org is missing else l_0_org), 'leading_group'), 'name'))
    yield '</h2>\n'
    yield escape(context.call((undefined(name='group') if l_0_group is missing else l_0_group), environment.getattr((undefined(name='org') if l_0_org is missing else l_0_org), 'leading_group')))
    yield '\n'
    if environment.getattr((undefined(name='org') if l_0_org is missing else l_0_org), 'office'):
        pass
        yield '<h2 id="office">'
        yield escape(environment.getattr(environment.getattr((undefined(name='org') if l_0_org is missing else l_0_org), 'office'), 'name'))
        yield '</h2>\n'
        yield escape(context.call((undefined(name='group') if l_0_group is missing else l_0_group), environment.getattr((undefined(name='org') if l_0_org is missing else l_0_org), 'office')))
        yield '\n'
    if environment.getattr((undefined(name='org') if l_0_org is missing else l_0_org), 'changes'):
        pass
        yield '<h2 id="changes">调整情况</h2>\n<ul class="ws-changes">\n'
        for l_1_c in environment.getattr((undefined(name='org') if l_0_org is missing else l_0_org), 'changes'):
            _loop_vars = {}
            pass
            yield '<li><time datetime="'
            yield escape(context.call(environment.getattr(environment.getattr(l_1_c, 'date'), 'isoformat'), _loop_vars=_loop_vars))
            yield '">'
            yield escape(t_1(environment.getattr(l_1_c, 'date')))
            yield '</time> '
            yield escape(environment.getattr(l_1_c, 'description'))
            if environment.getattr(l_1_c, 'document'):
                pass
                yield '（'
                yield escape(environment.getattr(l_1_c, 'document'))
                yield '）'
            yield '</li>'
        l_1_c = missing
        yield '</ul>\n'

blocks = {}
debug_info = '2=19&3=24&4=57&5=61&6=63&8=66&11=82&13=103&14=105&15=107&16=110&17=112&19=114&22=117'
# organization.html: generated by `python tools/compile_templates.py`, do not edit.
