from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'partials/consent.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_config = resolve('config')
    l_0_checked = resolve('checked')
    l_0_render_cookie = l_0_actions = l_0_cookies = missing
    try:
        t_1 = environment.tests['string']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No test named 'string' found.")
    pass
    def macro(l_1_cookie, l_1_type):
        t_2 = []
        l_1_checked = l_0_checked
        l_1_name = resolve('name')
        if l_1_cookie is missing:
            l_1_cookie = undefined("parameter 'cookie' was not provided", name='cookie')
        if l_1_type is missing:
            l_1_type = undefined("parameter 'type' was not provided", name='type')
        pass
        t_2.append(
            '\n  ',
        )
        l_1_checked = ''
        t_2.append(
            '\n  ',
        )
        if t_1(l_1_cookie):
            pass
            t_2.append(
                '\n    ',
            )
            l_1_name = l_1_cookie
            t_2.append(
                '\n    ',
            )
            l_1_checked = 'checked'
            t_2.append(
                '\n  ',
            )
        else:
            pass
            t_2.append(
                '\n    ',
            )
            l_1_name = environment.getattr(l_1_cookie, 'name')
            t_2.append(
                '\n    ',
            )
            if environment.getattr(l_1_cookie, 'checked'):
                pass
                t_2.append(
                    '\n      ',
                )
                l_1_checked = 'checked'
                t_2.append(
                    '\n    ',
                )
            t_2.append(
                '\n  ',
            )
        t_2.extend((
            '\n  <li class="task-list-item">\n    <label class="task-list-control">\n      <input type="checkbox" name="',
            str(l_1_type),
            '" ',
            str((undefined(name='checked') if l_1_checked is missing else l_1_checked)),
            '>\n      <span class="task-list-indicator"></span>\n      ',
            str((undefined(name='name') if l_1_name is missing else l_1_name)),
            '\n    </label>\n  </li>\n',
        ))
        return concat(t_2)
    context.exported_vars.add('render_cookie')
    context.vars['render_cookie'] = l_0_render_cookie = Macro(environment, macro, 'render_cookie', ('cookie', 'type'), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    l_0_actions = environment.getattr(environment.getattr(environment.getattr((undefined(name='config') if l_0_config is missing else l_0_config), 'extra'), 'consent'), 'actions')
    context.vars['actions'] = l_0_actions
    context.exported_vars.add('actions')
    yield '\n'
    if (not (undefined(name='actions') if l_0_actions is missing else l_0_actions)):
        pass
        yield '\n  '
        l_0_actions = ['accept', 'manage']
        context.vars['actions'] = l_0_actions
        context.exported_vars.add('actions')
        yield '\n'
    yield '\n'
    if ('manage' not in (undefined(name='actions') if l_0_actions is missing else l_0_actions)):
        pass
        yield '\n  '
        l_0_checked = 'checked'
        context.vars['checked'] = l_0_checked
        context.exported_vars.add('checked')
        yield '\n'
    yield '\n<h4>'
    yield str(environment.getattr(environment.getattr(environment.getattr((undefined(name='config') if l_0_config is missing else l_0_config), 'extra'), 'consent'), 'title'))
    yield '</h4>\n<p>'
    yield str(environment.getattr(environment.getattr(environment.getattr((undefined(name='config') if l_0_config is missing else l_0_config), 'extra'), 'consent'), 'description'))
    yield '</p>\n<input class="md-toggle" type="checkbox" id="__settings" '
    yield str((undefined(name='checked') if l_0_checked is missing else l_0_checked))
    yield '>\n<div class="md-consent__settings">\n  <ul class="task-list">\n    '
    l_0_cookies = environment.getattr(environment.getattr(environment.getattr((undefined(name='config') if l_0_config is missing else l_0_config), 'extra'), 'consent'), 'cookies')
    context.vars['cookies'] = l_0_cookies
    context.exported_vars.add('cookies')
    yield '\n    '
    if ('analytics' not in (undefined(name='cookies') if l_0_cookies is missing else l_0_cookies)):
        pass
        yield '\n      '
        if environment.getattr(environment.getattr((undefined(name='config') if l_0_config is missing else l_0_config), 'extra'), 'analytics'):
            pass
            yield '\n        '
            yield str(context.call((undefined(name='render_cookie') if l_0_render_cookie is missing else l_0_render_cookie), 'Google Analytics', 'analytics'))
            yield '\n      '
        yield '\n    '
    yield '\n    '
    if ('github' not in (undefined(name='cookies') if l_0_cookies is missing else l_0_cookies)):
        pass
        yield '\n      '
        if (environment.getattr((undefined(name='config') if l_0_config is missing else l_0_config), 'repo_url') and ('github.com' in environment.getattr((undefined(name='config') if l_0_config is missing else l_0_config), 'repo_url'))):
            pass
            yield '\n        '
            yield str(context.call((undefined(name='render_cookie') if l_0_render_cookie is missing else l_0_render_cookie), 'GitHub', 'github'))
            yield '\n      '
        yield '\n    '
    yield '\n    '
    for l_1_type in (undefined(name='cookies') if l_0_cookies is missing else l_0_cookies):
        _loop_vars = {}
        pass
        yield '\n      '
        if environment.getitem((undefined(name='cookies') if l_0_cookies is missing else l_0_cookies), l_1_type):
            pass
            yield '\n        '
            yield str(context.call((undefined(name='render_cookie') if l_0_render_cookie is missing else l_0_render_cookie), environment.getitem((undefined(name='cookies') if l_0_cookies is missing else l_0_cookies), l_1_type), l_1_type, _loop_vars=_loop_vars))
            yield '\n      '
        yield '\n    '
    l_1_type = missing
    yield '\n  </ul>\n</div>\n<div class="md-consent__controls">\n  '
    for l_1_action in (undefined(name='actions') if l_0_actions is missing else l_0_actions):
        l_1_lang = resolve('lang')
        _loop_vars = {}
        pass
        yield '\n    '
        if (l_1_action == 'accept'):
            pass
            yield '\n      <button class="md-button md-button--primary">'
            yield str(context.call(environment.getattr((undefined(name='lang') if l_1_lang is missing else l_1_lang), 't'), 'consent.accept', _loop_vars=_loop_vars))
            yield '</button>\n    '
        yield '\n    '
        if (l_1_action == 'reject'):
            pass
            yield '\n      <button type="reset" class="md-button md-button--primary">'
            yield str(context.call(environment.getattr((undefined(name='lang') if l_1_lang is missing else l_1_lang), 't'), 'consent.reject', _loop_vars=_loop_vars))
            yield '</button>\n    '
        yield '\n    '
        if (l_1_action == 'manage'):
            pass
            yield '\n      <label class="md-button" for="__settings">'
            yield str(context.call(environment.getattr((undefined(name='lang') if l_1_lang is missing else l_1_lang), 't'), 'consent.manage', _loop_vars=_loop_vars))
            yield '</label>\n    '
        yield '\n  '
    l_1_action = l_1_lang = missing
    yield '\n</div>'

blocks = {}
debug_info = '4=20&5=32&6=36&7=41&8=45&10=54&11=58&12=63&17=72&19=76&23=83&24=87&25=90&27=95&28=98&30=103&31=105&32=107&35=109&36=113&37=116&38=119&41=123&42=126&43=129&46=133&47=137&48=140&54=145&55=150&57=153&60=156&62=159&65=162&67=165'
# partials/consent.html: generated by `python tools/compile_templates.py`, do not edit.
