from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'main.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    parent_template = None
    pass
    parent_template = environment.get_template('base.html', 'main.html')
    for name, parent_block in parent_template.blocks.items():
        context.blocks.setdefault(name, []).append(parent_block)
    yield from parent_template.root_render_func(context)

def block_extrahead(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_page = resolve('page')
    l_0_config = resolve('config')
    l_0_share_title = resolve('share_title')
    l_0_share_text = resolve('share_text')
    l_0_own = resolve('own')
    l_0_image = resolve('image')
    l_0_ws = missing
    try:
        t_1 = environment.filters['e']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'e' found.")
    try:
        t_2 = environment.filters['striptags']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'striptags' found.")
    try:
        t_3 = environment.filters['url']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'url' found.")
    pass
    if (((undefined(name='page') if l_0_page is missing else l_0_page) and environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'meta')) and environment.getattr(environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'meta'), 'robots')):
        pass
        yield '\n  <meta name="robots" content="'
        yield str(t_1(environment.getattr(environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'meta'), 'robots')))
        yield '">'
    if environment.getattr((undefined(name='config') if l_0_config is missing else l_0_config), 'site_url'):
        pass
        yield '<link rel="alternate" type="application/rss+xml" title="'
        yield str(t_1(environment.getattr((undefined(name='config') if l_0_config is missing else l_0_config), 'site_name')))
        yield ' · 创建动态" href="'
        yield str(t_3(context, 'feed.xml'))
        yield '">'
    yield '<script>document.documentElement.classList.replace("no-js", "js")</script><script>try{if(localStorage.getItem("wenming-elder")==="1")document.documentElement.classList.add("ws-elder")}catch(e){}</script>'
    l_0_ws = environment.getattr(environment.getattr((undefined(name='config') if l_0_config is missing else l_0_config), 'extra'), 'wenming_site')
    _block_vars['ws'] = l_0_ws
    if (undefined(name='ws') if l_0_ws is missing else l_0_ws):
        pass
        if environment.getattr(environment.getattr((undefined(name='ws') if l_0_ws is missing else l_0_ws), 'icons'), 'svg'):
            pass
            yield '\n  <link rel="icon" type="image/svg+xml" href="'
            yield str(t_3(context, environment.getattr(environment.getattr((undefined(name='ws') if l_0_ws is missing else l_0_ws), 'icons'), 'svg')))
            yield '">'
        yield '\n  <link rel="apple-touch-icon" sizes="180x180" href="'
        yield str(t_3(context, environment.getattr(environment.getattr((undefined(name='ws') if l_0_ws is missing else l_0_ws), 'icons'), 'touch')))
        yield '">'
        if (((undefined(name='page') if l_0_page is missing else l_0_page) and environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'title')) and (not environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'is_homepage'))):
            pass
            l_0_share_title = t_2(environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'title'))
            _block_vars['share_title'] = l_0_share_title
        else:
            pass
            l_0_share_title = environment.getattr((undefined(name='config') if l_0_config is missing else l_0_config), 'site_name')
            _block_vars['share_title'] = l_0_share_title
        if (((undefined(name='page') if l_0_page is missing else l_0_page) and environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'meta')) and environment.getattr(environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'meta'), 'description')):
            pass
            l_0_share_text = t_2(environment.getattr(environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'meta'), 'description'))
            _block_vars['share_text'] = l_0_share_text
        else:
            pass
            l_0_share_text = (environment.getattr((undefined(name='config') if l_0_config is missing else l_0_config), 'site_description') or '')
            _block_vars['share_text'] = l_0_share_text
        l_0_own = (context.call(environment.getattr(environment.getattr((undefined(name='ws') if l_0_ws is missing else l_0_ws), 'pages'), 'get'), environment.getattr(environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'file'), 'src_uri'), _block_vars=_block_vars) if ((undefined(name='page') if l_0_page is missing else l_0_page) and environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'file')) else None)
        _block_vars['own'] = l_0_own
        l_0_image = ((undefined(name='own') if l_0_own is missing else l_0_own) or environment.getattr((undefined(name='ws') if l_0_ws is missing else l_0_ws), 'image'))
        _block_vars['image'] = l_0_image
        yield '\n  <meta property="og:site_name" content="'
        yield str(t_1(environment.getattr((undefined(name='config') if l_0_config is missing else l_0_config), 'site_name')))
        yield '">\n  <meta property="og:title" content="'
        yield str(t_1((undefined(name='share_title') if l_0_share_title is missing else l_0_share_title)))
        yield '">'
        if (undefined(name='share_text') if l_0_share_text is missing else l_0_share_text):
            pass
            yield '\n  <meta property="og:description" content="'
            yield str(t_1((undefined(name='share_text') if l_0_share_text is missing else l_0_share_text)))
            yield '">'
        yield '\n  <meta property="og:type" content="'
        yield str(('article' if (((undefined(name='page') if l_0_page is missing else l_0_page) and environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'file')) and (environment.getattr(environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'file'), 'src_uri') in environment.getattr((undefined(name='ws') if l_0_ws is missing else l_0_ws), 'pages'))) else 'website'))
        yield '">\n  <meta property="og:locale" content="'
        yield str(environment.getattr((undefined(name='ws') if l_0_ws is missing else l_0_ws), 'locale'))
        yield '">'
        if ((environment.getattr((undefined(name='ws') if l_0_ws is missing else l_0_ws), 'site_url') and (undefined(name='page') if l_0_page is missing else l_0_page)) and environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'canonical_url')):
            pass
            yield '\n  <meta property="og:url" content="'
            yield str(t_1(environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'canonical_url')))
            yield '">'
        if ((undefined(name='image') if l_0_image is missing else l_0_image) and environment.getattr((undefined(name='image') if l_0_image is missing else l_0_image), 'url')):
            pass
            yield '\n  <meta property="og:image" content="'
            yield str(t_1(environment.getattr((undefined(name='image') if l_0_image is missing else l_0_image), 'url')))
            yield '">\n  <meta property="og:image:type" content="'
            yield str(environment.getattr((undefined(name='image') if l_0_image is missing else l_0_image), 'type'))
            yield '">\n  <meta property="og:image:width" content="'
            yield str(environment.getattr((undefined(name='image') if l_0_image is missing else l_0_image), 'width'))
            yield '">\n  <meta property="og:image:height" content="'
            yield str(environment.getattr((undefined(name='image') if l_0_image is missing else l_0_image), 'height'))
            yield '">'
    yield '\n'

blocks = {'extrahead': block_extrahead}
debug_info = '1=12&2=17&4=50&5=53&8=55&9=58&17=63&18=65&20=67&21=70&23=73&26=75&27=77&29=81&31=83&32=85&34=89&36=91&37=93&38=96&39=98&40=100&41=103&43=106&44=108&45=110&46=113&48=115&49=118&50=120&51=122&52=124'
# main.html: generated by `python tools/compile_templates.py`, do not edit.
