from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'partials/nav.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_wenming_theme_memo = resolve('wenming_theme_memo')
    l_0_page = resolve('page')
    l_0_nav = resolve('nav')
    try:
        t_1 = environment.filters['d']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'd' found.")
    try:
        t_2 = environment.filters['e']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'e' found.")
    try:
        t_3 = environment.filters['url']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'url' found.")
    pass
    def macro():
        t_4 = []
        l_1_features = resolve('features')
        l_1_lang = resolve('lang')
        l_1_config = resolve('config')
        l_1_item = l_1_class = missing
        pass
        l_1_item = environment.get_template('partials/nav-item.html', 'partials/nav.html').make_module(context.get_all(), True, {'class': l_1_class, 'item': l_1_item})
        t_4.append(
            '\n',
        )
        l_1_class = 'md-nav md-nav--primary'
        t_4.append(
            '\n',
        )
        if ('navigation.tabs' in (undefined(name='features') if l_1_features is missing else l_1_features)):
            pass
            t_4.append(
                '\n  ',
            )
            l_1_class = str_join(((undefined(name='class') if l_1_class is missing else l_1_class), ' md-nav--lifted', ))
            t_4.append(
                '\n',
            )
        t_4.append(
            '\n',
        )
        if ('toc.integrate' in (undefined(name='features') if l_1_features is missing else l_1_features)):
            pass
            t_4.append(
                '\n  ',
            )
            l_1_class = str_join(((undefined(name='class') if l_1_class is missing else l_1_class), ' md-nav--integrated', ))
            t_4.append(
                '\n',
            )
        t_4.extend((
            '\n<nav class="',
            str((undefined(name='class') if l_1_class is missing else l_1_class)),
            '" aria-label="',
            str(context.call(environment.getattr((undefined(name='lang') if l_1_lang is missing else l_1_lang), 't'), 'nav')),
            '" data-md-level="0">\n  <label class="md-nav__title" for="__drawer">\n    <a href="',
            str(t_3(context, t_1(environment.getattr(environment.getattr((undefined(name='config') if l_1_config is missing else l_1_config), 'extra'), 'homepage'), environment.getattr(environment.getattr((undefined(name='nav') if l_0_nav is missing else l_0_nav), 'homepage'), 'url'), True))),
            '" title="',
            str(t_2(environment.getattr((undefined(name='config') if l_1_config is missing else l_1_config), 'site_name'))),
            '" class="md-nav__button md-logo" aria-label="',
            str(environment.getattr((undefined(name='config') if l_1_config is missing else l_1_config), 'site_name')),
            '" data-md-component="logo">\n      ',
        ))
        template = environment.get_template('partials/logo.html', 'partials/nav.html')
        gen = template.root_render_func(template.new_context(context.get_all(), True, {'class': l_1_class, 'item': l_1_item}))
        try:
            for event in gen:
                t_4.append(event)
        finally: gen.close()
        t_4.extend((
            '\n    </a>\n    ',
            str(environment.getattr((undefined(name='config') if l_1_config is missing else l_1_config), 'site_name')),
            '\n  </label>\n  ',
        ))
        if environment.getattr((undefined(name='config') if l_1_config is missing else l_1_config), 'repo_url'):
            pass
            t_4.append(
                '\n    <div class="md-nav__source">\n      ',
            )
            template = environment.get_template('partials/source.html', 'partials/nav.html')
            gen = template.root_render_func(template.new_context(context.get_all(), True, {'class': l_1_class, 'item': l_1_item}))
            try:
                for event in gen:
                    t_4.append(event)
            finally: gen.close()
            t_4.append(
                '\n    </div>\n  ',
            )
        t_4.append(
            '\n  <ul class="md-nav__list" data-md-scrollfix>\n    ',
        )
        l_2_loop = missing
        for l_2_nav_item, l_2_loop in LoopContext(environment.getattr((undefined(name='nav') if l_0_nav is missing else l_0_nav), 'items'), undefined):
            l_2_path = missing
            _loop_vars = {}
            pass
            t_4.append(
                '\n      ',
            )
            l_2_path = str_join(('__nav_', environment.getattr(l_2_loop, 'index'), ))
            _loop_vars['path'] = l_2_path
            t_4.extend((
                '\n      ',
                str(context.call(environment.getattr((undefined(name='item') if l_1_item is missing else l_1_item), 'render'), l_2_nav_item, (undefined(name='path') if l_2_path is missing else l_2_path), 1, _loop_vars=_loop_vars)),
                '\n    ',
            ))
        l_2_loop = l_2_nav_item = l_2_path = missing
        t_4.append(
            '\n  </ul>\n</nav>',
        )
        return concat(t_4)
    caller = Macro(environment, macro, None, (), False, False, False, context.eval_ctx.autoescape)
    yield context.call((undefined(name='wenming_theme_memo') if l_0_wenming_theme_memo is missing else l_0_wenming_theme_memo), 'nav.html', (undefined(name='page') if l_0_page is missing else l_0_page), (undefined(name='nav') if l_0_nav is missing else l_0_nav), caller=caller)

blocks = {}
debug_info = '7=32&8=43&9=47&10=52&12=59&13=64&15=70&17=74&18=81&20=89&22=92&24=97&28=110&29=117&30=121&7=130'
# partials/nav.html: generated by `python tools/compile_templates.py`, do not edit.
