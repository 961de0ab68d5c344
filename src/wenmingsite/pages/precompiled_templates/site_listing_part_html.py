from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'listing_part.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_years = resolve('years')
    l_0_page = resolve('page')
    l_0_listing_src = resolve('listing_src')
    l_0_title = resolve('title')
    l_0_all_parts = resolve('all_parts')
    l_0_part = resolve('part')
    l_0_siblings = resolve('siblings')
    l_0_parts = resolve('parts')
    l_0_listing = resolve('listing')
    l_0_urls = resolve('urls')
    l_0_older = resolve('older')
    l_0_newer = resolve('newer')
    try:
        t_1 = environment.filters['number']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'number' found.")
    try:
        t_2 = environment.filters['present']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'present' found.")
    try:
        t_3 = environment.filters['reverse']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'reverse' found.")
    pass
    yield '<div class="ws-news-page" data-ws-scope>\n<div class="ws-part-nav">\n'
    if (undefined(name='years') if l_0_years is missing else l_0_years):
        pass
        yield '<nav class="ws-years" aria-label="按年份查看">\n  <a href="'
        yield escape(context.call((undefined(name='page') if l_0_page is missing else l_0_page), 'timeline/index.md'))
        yield '">最近一年</a>\n'
        for (l_1_y, l_1__) in (undefined(name='years') if l_0_years is missing else l_0_years):
            _loop_vars = {}
            pass
            yield '<a'
            if (l_1_y == environment.getattr((undefined(name='part') if l_0_part is missing else l_0_part), 'year')):
                pass
                yield ' aria-current="true"'
            yield ' href="'
            yield escape(context.call((undefined(name='page') if l_0_page is missing else l_0_page), markup_join(('timeline/', l_1_y, '/index.md', )), _loop_vars=_loop_vars))
            yield '">'
            yield escape(l_1_y)
            yield '年</a>'
        l_1_y = l_1__ = missing
        yield '</nav>\n'
    else:
        pass
        yield '<nav class="ws-years" aria-label="按年份查看">\n  <a href="'
        yield escape(context.call((undefined(name='page') if l_0_page is missing else l_0_page), (undefined(name='listing_src') if l_0_listing_src is missing else l_0_listing_src)))
        yield '">'
        yield escape((undefined(name='title') if l_0_title is missing else l_0_title))
        yield '（全部）</a>\n'
        def t_4(fiter):
            for l_1_p in fiter:
                if (not environment.getattr(l_1_p, 'month')):
                    yield l_1_p
        for l_1_p in t_4((undefined(name='all_parts') if l_0_all_parts is missing else l_0_all_parts)):
            _loop_vars = {}
            pass
            if (l_1_p == (undefined(name='part') if l_0_part is missing else l_0_part)):
                pass
                yield '<a aria-current="page" href="'
                yield escape(context.call((undefined(name='page') if l_0_page is missing else l_0_page), environment.getattr(l_1_p, 'src'), _loop_vars=_loop_vars))
                yield '">'
            elif (environment.getattr(l_1_p, 'year') == environment.getattr((undefined(name='part') if l_0_part is missing else l_0_part), 'year')):
                pass
                yield '<a aria-current="true" href="'
                yield escape(context.call((undefined(name='page') if l_0_page is missing else l_0_page), environment.getattr(l_1_p, 'src'), _loop_vars=_loop_vars))
                yield '">'
            else:
                pass
                yield '<a href="'
                yield escape(context.call((undefined(name='page') if l_0_page is missing else l_0_page), environment.getattr(l_1_p, 'src'), _loop_vars=_loop_vars))
                yield '">'
            yield escape(environment.getattr(l_1_p, 'year'))
            yield '年</a>'
        l_1_p = missing
        yield '</nav>\n'
    if environment.getattr((undefined(name='part') if l_0_part is missing else l_0_part), 'month'):
        pass
        yield '<nav class="ws-years" aria-label="'
        yield escape(environment.getattr((undefined(name='part') if l_0_part is missing else l_0_part), 'year'))
        yield '年各月">\n'
        for l_1_p in t_3((undefined(name='siblings') if l_0_siblings is missing else l_0_siblings)):
            _loop_vars = {}
            pass
            if (l_1_p == (undefined(name='part') if l_0_part is missing else l_0_part)):
                pass
                yield '<a aria-current="page" href="'
                yield escape(context.call((undefined(name='page') if l_0_page is missing else l_0_page), environment.getattr(l_1_p, 'src'), _loop_vars=_loop_vars))
                yield '">'
            else:
                pass
                yield '<a href="'
                yield escape(context.call((undefined(name='page') if l_0_page is missing else l_0_page), environment.getattr(l_1_p, 'src'), _loop_vars=_loop_vars))
                yield '">'
            yield escape(environment.getattr(l_1_p, 'month'))
            yield '月</a>'
        l_1_p = missing
        yield '</nav>\n'
    yield '</div>\n<div class="ws-news-page__main">\n'
    if (undefined(name='parts') if l_0_parts is missing else l_0_parts):
        pass
        template = environment.get_template('parts.html', 'listing_part.html')
        gen = template.root_render_func(template.new_context(context.get_all(), True, {}))
        try:
            for event in gen:
                yield event
        finally: gen.close()
        l_1_summaries = environment.getattr((undefined(name='listing') if l_0_listing is missing else l_0_listing), 'routine_summaries')
        pass
        template = environment.get_template('routines.html', 'listing_part.html')
        gen = template.root_render_func(template.new_context(context.get_all(), True, {'summaries': l_1_summaries}))
        try:
            for event in gen:
                yield event
        finally: gen.close()
        l_1_summaries = missing
    else:
        pass
        template = environment.get_template('listing.html', 'listing_part.html')
        gen = template.root_render_func(template.new_context(context.get_all(), True, {}))
        try:
            for event in gen:
                yield event
        finally: gen.close()
    yield '</div>\n<aside class="ws-news-page__side" aria-label="筛选和统计">\n'
    if ((environment.getattr((undefined(name='listing') if l_0_listing is missing else l_0_listing), 'themed_months') or environment.getattr((undefined(name='listing') if l_0_listing is missing else l_0_listing), 'routine_summaries')) and (not (undefined(name='parts') if l_0_parts is missing else l_0_parts))):
        pass
        template = environment.get_template('filter.html', 'listing_part.html')
        gen = template.root_render_func(template.new_context(context.get_all(), True, {}))
        try:
            for event in gen:
                yield event
        finally: gen.close()
    if environment.getattr((undefined(name='listing') if l_0_listing is missing else l_0_listing), 'count'):
        pass
        yield '<p class="ws-lead">'
        yield escape(environment.getattr((undefined(name='part') if l_0_part is missing else l_0_part), 'period'))
        yield '：'
        yield escape(t_2([(environment.getattr((undefined(name='listing') if l_0_listing is missing else l_0_listing), 'themed'), '项主题活动'), (environment.getattr((undefined(name='listing') if l_0_listing is missing else l_0_listing), 'routine_occurrences'), '次例行活动')]))
        if environment.getattr((undefined(name='listing') if l_0_listing is missing else l_0_listing), 'pages'):
            pass
            yield '，其中活动纪实 '
            yield escape(t_1(environment.getattr((undefined(name='listing') if l_0_listing is missing else l_0_listing), 'pages')))
            yield ' 篇'
        yield '。例行活动逐次计入统计。</p>\n'
    yield '<p class="ws-news-page__more"><a href="'
    yield escape(context.call((undefined(name='page') if l_0_page is missing else l_0_page), 'categories/index.md'))
    yield '">按类别浏览</a><a href="'
    yield escape(context.call((undefined(name='page') if l_0_page is missing else l_0_page), 'criteria/index.md'))
    yield '">按测评项目浏览</a>'
    if ('stats/index.md' in (undefined(name='urls') if l_0_urls is missing else l_0_urls)):
        pass
        yield '<a href="'
        yield escape(context.call((undefined(name='page') if l_0_page is missing else l_0_page), 'stats/index.md'))
        yield '">数据统计</a>'
    yield '</p>\n</aside>\n</div>\n<nav class="ws-prevnext" aria-label="按时间浏览" data-search-exclude>\n'
    if (undefined(name='older') if l_0_older is missing else l_0_older):
        pass
        yield '<a class="ws-prevnext__prev" href="'
        yield escape(context.call((undefined(name='page') if l_0_page is missing else l_0_page), environment.getattr((undefined(name='older') if l_0_older is missing else l_0_older), 'src')))
        yield '" rel="prev"><span>'
        if environment.getattr((undefined(name='part') if l_0_part is missing else l_0_part), 'month'):
            pass
            yield '上一月'
        else:
            pass
            yield '上一年'
        yield '</span>'
        yield escape(environment.getattr((undefined(name='older') if l_0_older is missing else l_0_older), 'period'))
        yield '</a>'
    if (undefined(name='newer') if l_0_newer is missing else l_0_newer):
        pass
        yield '<a class="ws-prevnext__next" href="'
        yield escape(context.call((undefined(name='page') if l_0_page is missing else l_0_page), environment.getattr((undefined(name='newer') if l_0_newer is missing else l_0_newer), 'src')))
        yield '" rel="next"><span>'
        if environment.getattr((undefined(name='part') if l_0_part is missing else l_0_part), 'month'):
            pass
            yield '下一月'
        else:
            pass
            yield '下一年'
        yield '</span>'
        yield escape(environment.getattr((undefined(name='newer') if l_0_newer is missing else l_0_newer), 'period'))
        yield '</a>'
    yield '</nav>'

blocks = {}
debug_info = '11=42&13=45&14=47&18=64&19=68&22=94&23=97&24=99&29=117&32=143&33=151&34=154&36=164&40=174&41=188'
# listing_part.html: generated by `python tools/compile_templates.py`, do not edit.
