from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'partials/footer.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_features = resolve('features')
    l_0_page = resolve('page')
    l_0_hidden = resolve('hidden')
    l_0_lang = resolve('lang')
    l_0_direction = resolve('direction')
    l_0_config = resolve('config')
    l_0_icon = resolve('icon')
    l_0_ws = l_0_f = missing
    try:
        t_1 = environment.filters['e']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'e' found.")
    try:
        t_2 = environment.filters['replace']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'replace' found.")
    try:
        t_3 = environment.filters['url']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'url' found.")
    pass
    yield '<footer class="md-footer">\n  '
    if ('navigation.footer' in (undefined(name='features') if l_0_features is missing else l_0_features)):
        pass
        yield '\n    '
        if (environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'previous_page') or environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'next_page')):
            pass
            yield '\n      '
            if (environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'meta') and environment.getattr(environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'meta'), 'hide')):
                pass
                yield '\n        '
                l_0_hidden = ('hidden' if ('footer' in environment.getattr(environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'meta'), 'hide')) else cond_expr_undefined("the inline if-expression on line 8 in 'partials/footer.html' evaluated to false and no else section was defined."))
                context.vars['hidden'] = l_0_hidden
                context.exported_vars.add('hidden')
                yield '\n      '
            yield '\n      <nav class="md-footer__inner md-grid" aria-label="'
            yield str(context.call(environment.getattr((undefined(name='lang') if l_0_lang is missing else l_0_lang), 't'), 'footer'))
            yield '" '
            yield str((undefined(name='hidden') if l_0_hidden is missing else l_0_hidden))
            yield '>\n        '
            if environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'previous_page'):
                pass
                yield '\n          '
                l_0_direction = context.call(environment.getattr((undefined(name='lang') if l_0_lang is missing else l_0_lang), 't'), 'footer.previous')
                context.vars['direction'] = l_0_direction
                context.exported_vars.add('direction')
                yield '\n          <a href="'
                yield str(t_3(context, environment.getattr(environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'previous_page'), 'url')))
                yield '" class="md-footer__link md-footer__link--prev" aria-label="'
                yield str((undefined(name='direction') if l_0_direction is missing else l_0_direction))
                yield ': '
                yield str(t_1(environment.getattr(environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'previous_page'), 'title')))
                yield '">\n            <div class="md-footer__button md-icon">\n              '
                l_0_icon = (environment.getattr(environment.getattr(environment.getattr((undefined(name='config') if l_0_config is missing else l_0_config), 'theme'), 'icon'), 'previous') or 'material/arrow-left')
                context.vars['icon'] = l_0_icon
                context.exported_vars.add('icon')
                yield '\n              '
                template = environment.get_or_select_template(str_join(('.icons/', (undefined(name='icon') if l_0_icon is missing else l_0_icon), '.svg', )), 'partials/footer.html')
                gen = template.root_render_func(template.new_context(context.get_all(), True, {'direction': l_0_direction, 'f': l_0_f, 'hidden': l_0_hidden, 'icon': l_0_icon, 'ws': l_0_ws}))
                try:
                    for event in gen:
                        yield event
                finally: gen.close()
                yield '\n            </div>\n            <div class="md-footer__title">\n              <span class="md-footer__direction">\n                '
                yield str((undefined(name='direction') if l_0_direction is missing else l_0_direction))
                yield '\n              </span>\n              <div class="md-ellipsis">\n                '
                yield str(environment.getattr(environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'previous_page'), 'title'))
                yield '\n              </div>\n            </div>\n          </a>\n        '
            yield '\n        '
            if environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'next_page'):
                pass
                yield '\n          '
                l_0_direction = context.call(environment.getattr((undefined(name='lang') if l_0_lang is missing else l_0_lang), 't'), 'footer.next')
                context.vars['direction'] = l_0_direction
                context.exported_vars.add('direction')
                yield '\n          <a href="'
                yield str(t_3(context, environment.getattr(environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'next_page'), 'url')))
                yield '" class="md-footer__link md-footer__link--next" aria-label="'
                yield str((undefined(name='direction') if l_0_direction is missing else l_0_direction))
                yield ': '
                yield str(t_1(environment.getattr(environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'next_page'), 'title')))
                yield '">\n            <div class="md-footer__title">\n              <span class="md-footer__direction">\n                '
                yield str((undefined(name='direction') if l_0_direction is missing else l_0_direction))
                yield '\n              </span>\n              <div class="md-ellipsis">\n                '
                yield str(environment.getattr(environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'next_page'), 'title'))
                yield '\n              </div>\n            </div>\n            <div class="md-footer__button md-icon">\n              '
                l_0_icon = (environment.getattr(environment.getattr(environment.getattr((undefined(name='config') if l_0_config is missing else l_0_config), 'theme'), 'icon'), 'next') or 'material/arrow-right')
                context.vars['icon'] = l_0_icon
                context.exported_vars.add('icon')
                yield '\n              '
                template = environment.get_or_select_template(str_join(('.icons/', (undefined(name='icon') if l_0_icon is missing else l_0_icon), '.svg', )), 'partials/footer.html')
                gen = template.root_render_func(template.new_context(context.get_all(), True, {'direction': l_0_direction, 'f': l_0_f, 'hidden': l_0_hidden, 'icon': l_0_icon, 'ws': l_0_ws}))
                try:
                    for event in gen:
                        yield event
                finally: gen.close()
                yield '\n            </div>\n          </a>\n        '
            yield '\n      </nav>\n    '
        yield '\n  '
    l_0_ws = environment.getattr(environment.getattr((undefined(name='config') if l_0_config is missing else l_0_config), 'extra'), 'wenming_site')
    context.vars['ws'] = l_0_ws
    context.exported_vars.add('ws')
    l_0_f = (environment.getattr((undefined(name='ws') if l_0_ws is missing else l_0_ws), 'footer') if (undefined(name='ws') if l_0_ws is missing else l_0_ws) else {})
    context.vars['f'] = l_0_f
    context.exported_vars.add('f')
    yield '\n  <div class="md-footer-meta md-typeset">\n    <div class="md-footer-meta__inner md-grid ws-footer">\n      <div class="ws-footer__unit">'
    if environment.getattr((undefined(name='f') if l_0_f is missing else l_0_f), 'name'):
        pass
        yield '\n        <p class="ws-footer__name">'
        yield str(t_1(environment.getattr((undefined(name='f') if l_0_f is missing else l_0_f), 'name')))
        yield '</p>'
    if (environment.getattr((undefined(name='f') if l_0_f is missing else l_0_f), 'address') or environment.getattr((undefined(name='f') if l_0_f is missing else l_0_f), 'phone')):
        pass
        yield '\n        <p>'
        if environment.getattr((undefined(name='f') if l_0_f is missing else l_0_f), 'address'):
            pass
            yield '<span>地址：'
            yield str(t_1(environment.getattr((undefined(name='f') if l_0_f is missing else l_0_f), 'address')))
            yield '</span>'
        if environment.getattr((undefined(name='f') if l_0_f is missing else l_0_f), 'phone'):
            pass
            yield '<span>办公电话：<a href="tel:'
            yield str(t_1(t_2(context.eval_ctx, t_2(context.eval_ctx, environment.getattr((undefined(name='f') if l_0_f is missing else l_0_f), 'phone'), ' ', ''), '-', '')))
            yield '">'
            yield str(t_1(environment.getattr((undefined(name='f') if l_0_f is missing else l_0_f), 'phone')))
            yield '</a></span>'
        yield '\n        </p>'
    if (environment.getattr((undefined(name='f') if l_0_f is missing else l_0_f), 'icp') or environment.getattr((undefined(name='f') if l_0_f is missing else l_0_f), 'police')):
        pass
        yield '\n        <p class="ws-footer__filing">'
        if environment.getattr((undefined(name='f') if l_0_f is missing else l_0_f), 'icp'):
            pass
            yield '<a href="'
            yield str(environment.getattr((undefined(name='f') if l_0_f is missing else l_0_f), 'icp_url'))
            yield '" target="_blank" rel="noopener">'
            yield str(t_1(environment.getattr((undefined(name='f') if l_0_f is missing else l_0_f), 'icp')))
            yield '</a>'
        if environment.getattr((undefined(name='f') if l_0_f is missing else l_0_f), 'police'):
            pass
            yield '<a href="'
            yield str(t_1(environment.getattr((undefined(name='f') if l_0_f is missing else l_0_f), 'police_url')))
            yield '" target="_blank" rel="noopener">'
            yield str(t_1(environment.getattr((undefined(name='f') if l_0_f is missing else l_0_f), 'police')))
            yield '</a>'
        yield '\n        </p>'
    yield '\n        <p class="ws-footer__links">'
    if ((undefined(name='ws') if l_0_ws is missing else l_0_ws) and environment.getattr((undefined(name='ws') if l_0_ws is missing else l_0_ws), 'print')):
        pass
        yield '<a href="'
        yield str(t_3(context, environment.getattr((undefined(name='ws') if l_0_ws is missing else l_0_ws), 'print')))
        yield '">汇报材料（打印版）</a>'
    if ((undefined(name='ws') if l_0_ws is missing else l_0_ws) and environment.getattr((undefined(name='ws') if l_0_ws is missing else l_0_ws), 'open_data')):
        pass
        yield '<a href="'
        yield str(t_3(context, environment.getattr((undefined(name='ws') if l_0_ws is missing else l_0_ws), 'open_data')))
        yield '">开放数据</a>'
    yield '\n        </p>'
    if environment.getattr((undefined(name='f') if l_0_f is missing else l_0_f), 'links'):
        pass
        yield '\n        <p class="ws-footer__friends"><span>友情链接：</span>'
        for l_1_link in environment.getattr((undefined(name='f') if l_0_f is missing else l_0_f), 'links'):
            _loop_vars = {}
            pass
            yield '<a href="'
            yield str(t_1(environment.getattr(l_1_link, 'url')))
            yield '" target="_blank" rel="noopener">'
            yield str(t_1(environment.getattr(l_1_link, 'name')))
            yield '</a>'
        l_1_link = missing
        yield '\n        </p>'
    yield '\n        '
    template = environment.get_template('partials/copyright.html', 'partials/footer.html')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {'direction': l_0_direction, 'f': l_0_f, 'hidden': l_0_hidden, 'icon': l_0_icon, 'ws': l_0_ws}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    yield '\n      </div>'
    if (environment.getattr((undefined(name='f') if l_0_f is missing else l_0_f), 'wechat') or environment.getattr((undefined(name='f') if l_0_f is missing else l_0_f), 'wechat_qr')):
        pass
        yield '\n      <figure class="ws-footer__wechat">'
        if environment.getattr((undefined(name='f') if l_0_f is missing else l_0_f), 'wechat_qr'):
            pass
            yield '\n        <img src="'
            yield str(t_3(context, environment.getattr((undefined(name='f') if l_0_f is missing else l_0_f), 'wechat_qr')))
            yield '" alt="'
            yield str((t_1(str_join(('微信公众号“', environment.getattr((undefined(name='f') if l_0_f is missing else l_0_f), 'wechat'), '”二维码', ))) if environment.getattr((undefined(name='f') if l_0_f is missing else l_0_f), 'wechat') else '微信公众号二维码'))
            yield '" width="96" height="96" loading="lazy">'
        yield '\n        <figcaption>'
        if environment.getattr((undefined(name='f') if l_0_f is missing else l_0_f), 'wechat'):
            pass
            yield '微信公众号：'
            yield str(t_1(environment.getattr((undefined(name='f') if l_0_f is missing else l_0_f), 'wechat')))
        else:
            pass
            yield '微信扫码关注公众号'
        yield '</figcaption>\n      </figure>'
    yield '\n      '
    if environment.getattr(environment.getattr((undefined(name='config') if l_0_config is missing else l_0_config), 'extra'), 'social'):
        pass
        yield '\n        '
        template = environment.get_template('partials/social.html', 'partials/footer.html')
        gen = template.root_render_func(template.new_context(context.get_all(), True, {'direction': l_0_direction, 'f': l_0_f, 'hidden': l_0_hidden, 'icon': l_0_icon, 'ws': l_0_ws}))
        try:
            for event in gen:
                yield event
        finally: gen.close()
        yield '\n      '
    yield '\n    </div>\n  </div>\n</footer>'

blocks = {}
debug_info = '5=38&6=41&7=44&8=47&10=52&11=56&12=59&13=63&15=69&16=73&20=80&23=82&28=85&29=88&30=92&33=98&36=100&40=102&41=106&48=115&49=118&53=122&54=125&56=127&58=130&59=135&62=143&64=146&65=153&69=162&70=167&72=173&74=176&77=187&79=194&81=197&82=200&84=205&87=214&88=217'
# partials/footer.html: generated by `python tools/compile_templates.py`, do not edit.
