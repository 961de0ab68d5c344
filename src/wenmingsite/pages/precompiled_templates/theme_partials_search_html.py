from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'partials/search.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_lang = resolve('lang')
    l_0_config = resolve('config')
    l_0_features = resolve('features')
    l_0_icon = missing
    pass
    yield '<div class="md-search" data-md-component="search" role="dialog">\n  <label class="md-search__overlay" for="__search"></label>\n  <div class="md-search__inner" role="search">\n    <form class="md-search__form" name="search">\n      <input type="text" class="md-search__input" name="query" aria-label="'
    yield str(context.call(environment.getattr((undefined(name='lang') if l_0_lang is missing else l_0_lang), 't'), 'search.placeholder'))
    yield '" placeholder="'
    yield str(context.call(environment.getattr((undefined(name='lang') if l_0_lang is missing else l_0_lang), 't'), 'search.placeholder'))
    yield '" autocapitalize="off" autocorrect="off" autocomplete="off" spellcheck="false" data-md-component="search-query" required>\n      <label class="md-search__icon md-icon" for="__search">\n        '
    l_0_icon = (environment.getattr(environment.getattr(environment.getattr((undefined(name='config') if l_0_config is missing else l_0_config), 'theme'), 'icon'), 'search') or 'material/magnify')
    context.vars['icon'] = l_0_icon
    context.exported_vars.add('icon')
    yield '\n        '
    template = environment.get_or_select_template(str_join(('.icons/', (undefined(name='icon') if l_0_icon is missing else l_0_icon), '.svg', )), 'partials/search.html')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {'icon': l_0_icon}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    yield '\n        '
    l_0_icon = (environment.getattr(environment.getattr(environment.getattr((undefined(name='config') if l_0_config is missing else l_0_config), 'theme'), 'icon'), 'previous') or 'material/arrow-left')
    context.vars['icon'] = l_0_icon
    context.exported_vars.add('icon')
    yield '\n        '
    template = environment.get_or_select_template(str_join(('.icons/', (undefined(name='icon') if l_0_icon is missing else l_0_icon), '.svg', )), 'partials/search.html')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {'icon': l_0_icon}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    yield '\n      </label>\n      <nav class="md-search__options" aria-label="'
    yield str(context.call(environment.getattr((undefined(name='lang') if l_0_lang is missing else l_0_lang), 't'), 'search'))
    yield '">\n        '
    if ('search.share' in (undefined(name='features') if l_0_features is missing else l_0_features)):
        pass
        yield '\n          <a href="javascript:void(0)" class="md-search__icon md-icon" title="'
        yield str(context.call(environment.getattr((undefined(name='lang') if l_0_lang is missing else l_0_lang), 't'), 'search.share'))
        yield '" aria-label="'
        yield str(context.call(environment.getattr((undefined(name='lang') if l_0_lang is missing else l_0_lang), 't'), 'search.share'))
        yield '" data-clipboard data-clipboard-text="" data-md-component="search-share" tabindex="-1">\n            '
        l_0_icon = (environment.getattr(environment.getattr(environment.getattr((undefined(name='config') if l_0_config is missing else l_0_config), 'theme'), 'icon'), 'share') or 'material/share-variant')
        context.vars['icon'] = l_0_icon
        context.exported_vars.add('icon')
        yield '\n            '
        template = environment.get_or_select_template(str_join(('.icons/', (undefined(name='icon') if l_0_icon is missing else l_0_icon), '.svg', )), 'partials/search.html')
        gen = template.root_render_func(template.new_context(context.get_all(), True, {'icon': l_0_icon}))
        try:
            for event in gen:
                yield event
        finally: gen.close()
        yield '\n          </a>\n        '
    yield '\n        <button type="reset" class="md-search__icon md-icon" title="'
    yield str(context.call(environment.getattr((undefined(name='lang') if l_0_lang is missing else l_0_lang), 't'), 'search.reset'))
    yield '" aria-label="'
    yield str(context.call(environment.getattr((undefined(name='lang') if l_0_lang is missing else l_0_lang), 't'), 'search.reset'))
    yield '" tabindex="-1">\n          '
    l_0_icon = (environment.getattr(environment.getattr(environment.getattr((undefined(name='config') if l_0_config is missing else l_0_config), 'theme'), 'icon'), 'close') or 'material/close')
    context.vars['icon'] = l_0_icon
    context.exported_vars.add('icon')
    yield '\n          '
    template = environment.get_or_select_template(str_join(('.icons/', (undefined(name='icon') if l_0_icon is missing else l_0_icon), '.svg', )), 'partials/search.html')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {'icon': l_0_icon}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    yield '\n        </button>\n      </nav>\n      '
    if ('search.suggest' in (undefined(name='features') if l_0_features is missing else l_0_features)):
        pass
        yield '\n        <div class="md-search__suggest" data-md-component="search-suggest"></div>\n      '
    yield '\n    </form>\n    <div class="md-search__output">\n      <div class="md-search__scrollwrap" tabindex="0" data-md-scrollfix>\n        <div class="md-search-result" data-md-component="search-result">\n          <div class="md-search-result__meta">\n            '
    yield str(context.call(environment.getattr((undefined(name='lang') if l_0_lang is missing else l_0_lang), 't'), 'search.result.initializer'))
    yield '\n          </div>\n          <ol class="md-search-result__list" role="presentation"></ol>\n        </div>\n      </div>\n    </div>\n  </div>\n</div>'

blocks = {}
debug_info = '8=16&10=20&11=24&12=31&13=35&15=42&16=44&17=47&18=51&19=55&22=63&23=67&24=71&27=78&35=82'
# partials/search.html: generated by `python tools/compile_templates.py`, do not edit.
