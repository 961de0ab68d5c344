from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'home.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_banner = resolve('banner')
    l_0_p = resolve('p')
    l_0_alt = resolve('alt')
    l_0_source = resolve('source')
    l_0_d = resolve('d')
    l_0_t8 = resolve('t8')
    l_0_photo_url = resolve('photo_url')
    l_0_unit = resolve('unit')
    l_0_rel = resolve('rel')
    l_0_urls = resolve('urls')
    l_0_page = resolve('page')
    l_0_figures = resolve('figures')
    l_0_amount = resolve('amount')
    l_0_entries = resolve('entries')
    l_0_latest = resolve('latest')
    l_0_honours = resolve('honours')
    l_0_coverage = resolve('coverage')
    l_0_supported = resolve('supported')
    l_0_internal = resolve('internal')
    l_0_thin = resolve('thin')
    l_0_mark = l_0_paragraphs = missing
    try:
        t_1 = environment.filters['category_look']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'category_look' found.")
    try:
        t_2 = environment.filters['cn_date']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'cn_date' found.")
    try:
        t_3 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
    try:
        t_4 = environment.filters['list']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No filter named 'list' found.")
    try:
        t_5 = environment.filters['map']
    except KeyError:
        @internalcode
        def t_5(*unused):
            raise TemplateRuntimeError("No filter named 'map' found.")
    try:
        t_6 = environment.filters['number']
    except KeyError:
        @internalcode
        def t_6(*unused):
            raise TemplateRuntimeError("No filter named 'number' found.")
    try:
        t_7 = environment.filters['select']
    except KeyError:
        @internalcode
        def t_7(*unused):
            raise TemplateRuntimeError("No filter named 'select' found.")
    try:
        t_8 = environment.filters['selectattr']
    except KeyError:
        @internalcode
        def t_8(*unused):
            raise TemplateRuntimeError("No filter named 'selectattr' found.")
    pass
    included_template = environment.get_template('mark.html', 'home.html')._get_default_module(context)
    l_0_mark = getattr(included_template, 'mark', missing)
    if l_0_mark is missing:
        l_0_mark = undefined(f"the template {included_template.__name__!r} (imported on line 6 in 'home.html') does not export the requested name 'mark'", name='mark')
    context.vars['mark'] = l_0_mark
    context.exported_vars.discard('mark')
    yield '<div class="ws-home">\n<section class="ws-banner'
    if (not (undefined(name='banner') if l_0_banner is missing else l_0_banner)):
        pass
        yield ' ws-banner--plain'
    yield '" aria-labelledby="ws-unit-name">\n'
    if (undefined(name='banner') if l_0_banner is missing else l_0_banner):
        pass
        (l_0_p, l_0_alt, l_0_source) = (undefined(name='banner') if l_0_banner is missing else l_0_banner)
        context.vars.update({'alt': l_0_alt, 'p': l_0_p, 'source': l_0_source})
        context.exported_vars.update(('alt', 'p', 'source'))
        l_0_d = context.call(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'output'), 'd1600')
        context.vars['d'] = l_0_d
        context.exported_vars.add('d')
        l_0_t8 = context.call(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'output'), 't800')
        context.vars['t8'] = l_0_t8
        context.exported_vars.add('t8')
        yield '  <picture class="ws-banner__photo">\n    <source type="image/webp" srcset="'
        yield escape(context.call((undefined(name='photo_url') if l_0_photo_url is missing else l_0_photo_url), (undefined(name='t8') if l_0_t8 is missing else l_0_t8)))
        yield ' '
        yield escape(environment.getattr((undefined(name='t8') if l_0_t8 is missing else l_0_t8), 'width'))
        yield 'w, '
        yield escape(context.call((undefined(name='photo_url') if l_0_photo_url is missing else l_0_photo_url), (undefined(name='d') if l_0_d is missing else l_0_d)))
        yield ' '
        yield escape(environment.getattr((undefined(name='d') if l_0_d is missing else l_0_d), 'width'))
        yield 'w" sizes="(max-width: 76.1875em) 100vw, 61rem">\n    <img src="'
        yield escape(context.call((undefined(name='photo_url') if l_0_photo_url is missing else l_0_photo_url), context.call(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'output'), 't800j')))
        yield '" width="'
        yield escape(environment.getattr((undefined(name='t8') if l_0_t8 is missing else l_0_t8), 'width'))
        yield '" height="'
        yield escape(environment.getattr((undefined(name='t8') if l_0_t8 is missing else l_0_t8), 'height'))
        yield '" alt="'
        yield escape((undefined(name='alt') if l_0_alt is missing else l_0_alt))
        yield '" fetchpriority="high" decoding="async">\n  </picture>\n'
    yield '  <div class="ws-banner__text">\n'
    if environment.getattr((undefined(name='unit') if l_0_unit is missing else l_0_unit), 'logo'):
        pass
        yield '<img class="ws-banner__logo" src="'
        yield escape(context.call((undefined(name='rel') if l_0_rel is missing else l_0_rel), environment.getattr((undefined(name='unit') if l_0_unit is missing else l_0_unit), 'logo')))
        yield '" alt="'
        yield escape(environment.getattr((undefined(name='unit') if l_0_unit is missing else l_0_unit), 'short_name'))
        yield '标志" width="56" height="56">'
    yield '    <div>\n      <h1 id="ws-unit-name">'
    yield escape(environment.getattr((undefined(name='unit') if l_0_unit is missing else l_0_unit), 'name'))
    yield '</h1>\n      <p class="ws-banner__goal">'
    yield escape(environment.getattr((undefined(name='unit') if l_0_unit is missing else l_0_unit), 'term'))
    yield escape(environment.getattr((undefined(name='unit') if l_0_unit is missing else l_0_unit), 'title_sought'))
    yield '创建展示</p>\n      <p class="ws-banner__term">创建周期 <time datetime="'
    yield escape(context.call(environment.getattr(environment.getattr((undefined(name='unit') if l_0_unit is missing else l_0_unit), 'term_start'), 'isoformat')))
    yield '">'
    yield escape(t_2(environment.getattr((undefined(name='unit') if l_0_unit is missing else l_0_unit), 'term_start')))
    yield '</time>至<time datetime="'
    yield escape(context.call(environment.getattr(environment.getattr((undefined(name='unit') if l_0_unit is missing else l_0_unit), 'term_end'), 'isoformat')))
    yield '">'
    yield escape(t_2(environment.getattr((undefined(name='unit') if l_0_unit is missing else l_0_unit), 'term_end')))
    yield '</time>'
    if environment.getattr((undefined(name='unit') if l_0_unit is missing else l_0_unit), 'headcount'):
        pass
        yield '<span class="ws-banner__sep" aria-hidden="true"> · </span><span class="ws-nowrap">职工 '
        yield escape(t_6(environment.getattr((undefined(name='unit') if l_0_unit is missing else l_0_unit), 'headcount')))
        yield ' 人</span>'
    yield '</p>\n    </div>\n  </div>\n'
    if ((((undefined(name='banner') if l_0_banner is missing else l_0_banner) and (undefined(name='source') if l_0_source is missing else l_0_source)) and environment.getattr((undefined(name='source') if l_0_source is missing else l_0_source), 'page')) and (environment.getattr((undefined(name='source') if l_0_source is missing else l_0_source), 'page') in (undefined(name='urls') if l_0_urls is missing else l_0_urls))):
        pass
        yield '<a class="ws-banner__credit" href="'
        yield escape(context.call((undefined(name='page') if l_0_page is missing else l_0_page), environment.getattr((undefined(name='source') if l_0_source is missing else l_0_source), 'page')))
        yield '">照片：'
        yield escape(environment.getattr((undefined(name='source') if l_0_source is missing else l_0_source), 'title'))
        yield '</a>'
    yield '</section>\n'
    if ((undefined(name='figures') if l_0_figures is missing else l_0_figures) and (((environment.getattr((undefined(name='figures') if l_0_figures is missing else l_0_figures), 'one_off') or environment.getattr((undefined(name='figures') if l_0_figures is missing else l_0_figures), 'participants')) or environment.getattr((undefined(name='figures') if l_0_figures is missing else l_0_figures), 'volunteer_hours')) or environment.getattr((undefined(name='figures') if l_0_figures is missing else l_0_figures), 'amount'))):
        pass
        yield '<ul class="ws-keyfigs" aria-label="本届主要数据">'
        if environment.getattr((undefined(name='figures') if l_0_figures is missing else l_0_figures), 'one_off'):
            pass
            yield '<li><span class="ws-keyfig"><strong>'
            yield escape(t_6(environment.getattr((undefined(name='figures') if l_0_figures is missing else l_0_figures), 'one_off')))
            yield '</strong> 项</span><span class="ws-keyfig__label">主题活动</span>'
            if environment.getattr((undefined(name='figures') if l_0_figures is missing else l_0_figures), 'routine_occurrences'):
                pass
                yield '<span class="ws-keyfig__more">另有例行活动 '
                yield escape(t_6(environment.getattr((undefined(name='figures') if l_0_figures is missing else l_0_figures), 'routine_occurrences')))
                yield ' 次</span>'
            yield '</li>'
        if environment.getattr((undefined(name='figures') if l_0_figures is missing else l_0_figures), 'participants'):
            pass
            yield '<li><span class="ws-keyfig"><strong>'
            yield escape(t_6(environment.getattr((undefined(name='figures') if l_0_figures is missing else l_0_figures), 'participants')))
            yield '</strong> 人次</span><span class="ws-keyfig__label">参与</span></li>'
        if environment.getattr((undefined(name='figures') if l_0_figures is missing else l_0_figures), 'volunteer_hours'):
            pass
            yield '<li><span class="ws-keyfig"><strong>'
            yield escape(t_6(environment.getattr((undefined(name='figures') if l_0_figures is missing else l_0_figures), 'volunteer_hours')))
            yield '</strong> 小时</span><span class="ws-keyfig__label">志愿服务</span></li>'
        if environment.getattr((undefined(name='figures') if l_0_figures is missing else l_0_figures), 'amount'):
            pass
            yield '<li><span class="ws-keyfig"><strong>'
            yield escape(environment.getitem((undefined(name='amount') if l_0_amount is missing else l_0_amount), 0))
            yield '</strong> '
            yield escape(environment.getitem((undefined(name='amount') if l_0_amount is missing else l_0_amount), 1))
            yield '</span><span class="ws-keyfig__label">投入和捐助</span></li>'
        yield '</ul>\n'
    if (undefined(name='entries') if l_0_entries is missing else l_0_entries):
        pass
        yield '<nav class="ws-entries" aria-label="栏目">\n  <ul>\n'
        for (l_1_title, l_1_src, l_1_what) in (undefined(name='entries') if l_0_entries is missing else l_0_entries):
            _loop_vars = {}
            pass
            yield '    <li><a href="'
            yield escape(context.call((undefined(name='page') if l_0_page is missing else l_0_page), l_1_src, _loop_vars=_loop_vars))
            yield '"><span class="ws-entries__title">'
            yield escape(l_1_title)
            yield '</span><span class="ws-entries__what">'
            yield escape(l_1_what)
            yield '</span></a></li>\n'
        l_1_title = l_1_src = l_1_what = missing
        yield '  </ul>\n</nav>\n'
    yield '<div class="ws-home__cols">\n'
    if (undefined(name='latest') if l_0_latest is missing else l_0_latest):
        pass
        yield '<section class="ws-home__latest" aria-labelledby="latest">\n<h2 id="latest">最新动态</h2>\n<ul class="ws-latest">\n'
        for (l_1_a, l_1_url, l_1_cover) in (undefined(name='latest') if l_0_latest is missing else l_0_latest):
            l_1_content = resolve('content')
            l_1_t4 = resolve('t4')
            l_1_category = l_1_category_url = missing
            _loop_vars = {}
            pass
            l_1_category = context.call(environment.getattr((undefined(name='content') if l_1_content is missing else l_1_content), 'category'), environment.getattr(l_1_a, 'category'), _loop_vars=_loop_vars)
            _loop_vars['category'] = l_1_category
            l_1_category_url = (context.call(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'get'), markup_join(('categories/', environment.getattr((undefined(name='category') if l_1_category is missing else l_1_category), 'slug'), '/index.md', )), _loop_vars=_loop_vars) if (undefined(name='category') if l_1_category is missing else l_1_category) else None)
            _loop_vars['category_url'] = l_1_category_url
            yield '  <li>\n'
            if l_1_cover:
                pass
                l_1_t4 = context.call(environment.getattr(environment.getattr(l_1_cover, 'published'), 'output'), 't400', _loop_vars=_loop_vars)
                _loop_vars['t4'] = l_1_t4
                yield '    <picture class="ws-latest__thumb"><source type="image/webp" srcset="'
                yield escape(context.call((undefined(name='photo_url') if l_0_photo_url is missing else l_0_photo_url), (undefined(name='t4') if l_1_t4 is missing else l_1_t4), _loop_vars=_loop_vars))
                yield '"><img src="'
                yield escape(context.call((undefined(name='photo_url') if l_0_photo_url is missing else l_0_photo_url), context.call(environment.getattr(environment.getattr(l_1_cover, 'published'), 'output'), 't800j', _loop_vars=_loop_vars), _loop_vars=_loop_vars))
                yield '" width="'
                yield escape(environment.getattr((undefined(name='t4') if l_1_t4 is missing else l_1_t4), 'width'))
                yield '" height="'
                yield escape(environment.getattr((undefined(name='t4') if l_1_t4 is missing else l_1_t4), 'height'))
                yield '" alt="'
                yield escape((environment.getattr(l_1_cover, 'alt') or environment.getattr(l_1_a, 'title')))
                yield '" loading="lazy" decoding="async"></picture>\n'
            else:
                pass
                yield '    '
                yield escape(context.call((undefined(name='mark') if l_0_mark is missing else l_0_mark), t_1(environment.getattr(l_1_a, 'category')), environment.getattr(l_1_a, 'category'), 'ws-latest__thumb', _loop_vars=_loop_vars))
                yield '\n'
            yield '    <div class="ws-latest__body">\n      <p class="ws-latest__title">'
            if l_1_url:
                pass
                yield '<a href="'
                yield escape(context.call((undefined(name='rel') if l_0_rel is missing else l_0_rel), l_1_url, _loop_vars=_loop_vars))
                yield '">'
                yield escape(environment.getattr(l_1_a, 'title'))
                yield '</a>'
            else:
                pass
                yield escape(environment.getattr(l_1_a, 'title'))
            if environment.getattr(l_1_a, 'pending'):
                pass
                yield '<span class="ws-pending">待审核</span>'
            yield '</p>\n      <p class="ws-latest__meta"><time datetime="'
            yield escape(context.call(environment.getattr(environment.getattr(l_1_a, 'date'), 'isoformat'), _loop_vars=_loop_vars))
            yield '">'
            yield escape(t_2(environment.getattr(l_1_a, 'date')))
            yield '</time>'
            if (undefined(name='category_url') if l_1_category_url is missing else l_1_category_url):
                pass
                yield '<a class="ws-tag" href="'
                yield escape(context.call((undefined(name='rel') if l_0_rel is missing else l_0_rel), (undefined(name='category_url') if l_1_category_url is missing else l_1_category_url), _loop_vars=_loop_vars))
                yield '">'
                yield escape(environment.getattr(l_1_a, 'category'))
                yield '</a>'
            else:
                pass
                yield '<span class="ws-tag">'
                yield escape(environment.getattr(l_1_a, 'category'))
                yield '</span>'
            yield '</p>\n    </div>\n  </li>\n'
        l_1_a = l_1_url = l_1_cover = l_1_content = l_1_category = l_1_category_url = l_1_t4 = missing
        yield '</ul>\n'
        if ('timeline/index.md' in (undefined(name='urls') if l_0_urls is missing else l_0_urls)):
            pass
            yield '<p><a class="md-button" href="'
            yield escape(context.call((undefined(name='page') if l_0_page is missing else l_0_page), 'timeline/index.md'))
            yield '">查看全部创建动态</a></p>'
        yield '</section>\n'
    yield '<div class="ws-home__side">\n'
    template = environment.get_template('home_notices.html', 'home.html')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {'alt': l_0_alt, 'd': l_0_d, 'mark': l_0_mark, 'p': l_0_p, 'paragraphs': l_0_paragraphs, 'source': l_0_source, 'supported': l_0_supported, 't8': l_0_t8}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    if (undefined(name='honours') if l_0_honours is missing else l_0_honours):
        pass
        yield '<section aria-labelledby="honours">\n<h2 id="honours">最新荣誉</h2>\n<ul class="ws-home-honours">\n'
        for l_1_h in (undefined(name='honours') if l_0_honours is missing else l_0_honours):
            l_1_level_class = resolve('level_class')
            _loop_vars = {}
            pass
            yield '  <li><span class="ws-home-honours__title">'
            yield escape(environment.getattr(l_1_h, 'title'))
            yield '</span> <span class="ws-level ws-level--'
            yield escape(environment.getitem((undefined(name='level_class') if l_1_level_class is missing else l_1_level_class), environment.getattr(l_1_h, 'level')))
            yield '">'
            yield escape(environment.getattr(l_1_h, 'level'))
            yield '</span>'
            if environment.getattr(l_1_h, 'pending'):
                pass
                yield '<span class="ws-pending">待审核</span>'
            yield '<br><span class="ws-note">'
            yield escape(environment.getattr(l_1_h, 'year'))
            yield '年'
            if environment.getattr(l_1_h, 'month'):
                pass
                yield escape(environment.getattr(l_1_h, 'month'))
                yield '月'
            yield ' · '
            yield escape(environment.getattr(l_1_h, 'awarded_by'))
            yield '</span></li>\n'
        l_1_h = l_1_level_class = missing
        yield '</ul>\n'
        if ('honours/index.md' in (undefined(name='urls') if l_0_urls is missing else l_0_urls)):
            pass
            yield '<p><a href="'
            yield escape(context.call((undefined(name='page') if l_0_page is missing else l_0_page), 'honours/index.md'))
            yield '">查看荣誉墙</a></p>'
        yield '</section>\n'
    if (undefined(name='coverage') if l_0_coverage is missing else l_0_coverage):
        pass
        yield '<section aria-labelledby="coverage">\n<h2 id="coverage">测评体系对照</h2>\n'
        l_0_supported = t_3(t_4(context.eval_ctx, t_8(context, (undefined(name='coverage') if l_0_coverage is missing else l_0_coverage), 'activities')))
        context.vars['supported'] = l_0_supported
        context.exported_vars.add('supported')
        if (undefined(name='internal') if l_0_internal is missing else l_0_internal):
            pass
            yield '<p>'
            yield escape(t_3((undefined(name='coverage') if l_0_coverage is missing else l_0_coverage)))
            yield ' 个测评项目中，'
            yield escape((t_3((undefined(name='coverage') if l_0_coverage is missing else l_0_coverage)) - t_3((undefined(name='thin') if l_0_thin is missing else l_0_thin))))
            yield ' 项证据充足'
            if (undefined(name='thin') if l_0_thin is missing else l_0_thin):
                pass
                yield '，'
                yield escape(t_3((undefined(name='thin') if l_0_thin is missing else l_0_thin)))
                yield ' 项待加强'
            yield '。'
            if ('criteria/index.md' in (undefined(name='urls') if l_0_urls is missing else l_0_urls)):
                pass
                yield '<a href="'
                yield escape(context.call((undefined(name='page') if l_0_page is missing else l_0_page), 'criteria/index.md'))
                yield '">逐项查看</a>'
            yield '</p>\n'
        elif ((undefined(name='supported') if l_0_supported is missing else l_0_supported) == t_3((undefined(name='coverage') if l_0_coverage is missing else l_0_coverage))):
            pass
            yield '<p>'
            yield escape(t_3((undefined(name='coverage') if l_0_coverage is missing else l_0_coverage)))
            yield ' 个测评项目均有活动支撑。'
            if ('criteria/index.md' in (undefined(name='urls') if l_0_urls is missing else l_0_urls)):
                pass
                yield '<a href="'
                yield escape(context.call((undefined(name='page') if l_0_page is missing else l_0_page), 'criteria/index.md'))
                yield '">逐项查看</a>'
            yield '</p>\n'
        else:
            pass
            yield '<p>对照 '
            yield escape(t_3((undefined(name='coverage') if l_0_coverage is missing else l_0_coverage)))
            yield ' 个测评项目，逐项列出创建活动和制度文件。'
            if ('criteria/index.md' in (undefined(name='urls') if l_0_urls is missing else l_0_urls)):
                pass
                yield '<a href="'
                yield escape(context.call((undefined(name='page') if l_0_page is missing else l_0_page), 'criteria/index.md'))
                yield '">逐项查看</a>'
            yield '</p>\n'
        if ('criteria/index.md' in (undefined(name='urls') if l_0_urls is missing else l_0_urls)):
            pass
            yield '<ul class="ws-coverage-strip" aria-label="'
            yield escape(('各测评项目证据情况' if (undefined(name='internal') if l_0_internal is missing else l_0_internal) else '测评项目'))
            yield '">\n'
            for l_1_c in (undefined(name='coverage') if l_0_coverage is missing else l_0_coverage):
                _loop_vars = {}
                pass
                if (undefined(name='internal') if l_0_internal is missing else l_0_internal):
                    pass
                    yield '<li class="'
                    yield escape(('ws-thin' if environment.getattr(l_1_c, 'thin') else 'ws-ok'))
                    yield '"><a href="'
                    yield escape(context.call((undefined(name='page') if l_0_page is missing else l_0_page), 'criteria/index.md', _loop_vars=_loop_vars))
                    yield '#'
                    yield escape(environment.getattr(environment.getattr(l_1_c, 'criterion'), 'id'))
                    yield '" title="'
                    yield escape(environment.getattr(environment.getattr(l_1_c, 'criterion'), 'name'))
                    yield '：'
                    yield escape(('待加强' if environment.getattr(l_1_c, 'thin') else '充足'))
                    yield '">'
                    yield escape(environment.getattr(environment.getattr(l_1_c, 'criterion'), 'name'))
                    yield '</a></li>'
                else:
                    pass
                    yield '<li><a href="'
                    yield escape(context.call((undefined(name='page') if l_0_page is missing else l_0_page), 'criteria/index.md', _loop_vars=_loop_vars))
                    yield '#'
                    yield escape(environment.getattr(environment.getattr(l_1_c, 'criterion'), 'id'))
                    yield '">'
                    yield escape(environment.getattr(environment.getattr(l_1_c, 'criterion'), 'name'))
                    yield '</a></li>'
            l_1_c = missing
            yield '</ul>\n'
        yield '</section>\n'
    yield '</div>\n</div>\n'
    l_0_paragraphs = t_4(context.eval_ctx, t_7(context, t_5(context, context.call(environment.getattr(environment.getattr((undefined(name='unit') if l_0_unit is missing else l_0_unit), 'introduction'), 'split'), '\n'), 'trim')))
    context.vars['paragraphs'] = l_0_paragraphs
    context.exported_vars.add('paragraphs')
    if (undefined(name='paragraphs') if l_0_paragraphs is missing else l_0_paragraphs):
        pass
        yield '<section aria-labelledby="about-unit">\n<h2 id="about-unit">单位简介</h2>\n'
        for l_1_paragraph in (undefined(name='paragraphs') if l_0_paragraphs is missing else l_0_paragraphs):
            _loop_vars = {}
            pass
            yield '<p class="ws-intro">'
            yield escape(l_1_paragraph)
            yield '</p>\n'
        l_1_paragraph = missing
        yield '</section>\n'
    yield '</div>'

blocks = {}
debug_info = '6=80&8=87&9=91&11=103&12=111&16=120&18=128&19=130&20=133&23=147&25=155&28=158&29=169&30=174&31=179&34=187&37=190&38=194&44=203&48=206&49=212&51=217&52=222&54=235&57=238&58=252&63=271&67=278&68=284&72=287&73=292&76=313&79=319&82=322&83=325&84=328&85=344&86=347&88=358&90=366&91=369&92=371&99=402&100=405&103=408&104=412'
# home.html: generated by `python tools/compile_templates.py`, do not edit.
