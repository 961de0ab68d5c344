from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'timeline.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_year = resolve('year')
    l_0_page = resolve('page')
    l_0_years = resolve('years')
    l_0_recent = resolve('recent')
    l_0_parts = resolve('parts')
    l_0_routines = resolve('routines')
    l_0_earlier = resolve('earlier')
    l_0_listing = resolve('listing')
    l_0_whole = resolve('whole')
    l_0_urls = resolve('urls')
    l_0_months = missing
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
        t_3 = environment.tests['none']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No test named 'none' found.")
    pass
    yield '<div class="ws-news-page" data-ws-scope>\n<nav class="ws-years" aria-label="按年份查看">\n'
    if t_3((undefined(name='year') if l_0_year is missing else l_0_year)):
        pass
        yield '<a aria-current="page" href="'
        yield escape(context.call((undefined(name='page') if l_0_page is missing else l_0_page), 'timeline/index.md'))
        yield '">最近一年</a>'
    else:
        pass
        yield '<a href="'
        yield escape(context.call((undefined(name='page') if l_0_page is missing else l_0_page), 'timeline/index.md'))
        yield '">最近一年</a>'
    for (l_1_y, l_1_count) in (undefined(name='years') if l_0_years is missing else l_0_years):
        _loop_vars = {}
        pass
        if (l_1_y == (undefined(name='year') if l_0_year is missing else l_0_year)):
            pass
            yield '<a aria-current="page" href="'
            yield escape(context.call((undefined(name='page') if l_0_page is missing else l_0_page), markup_join(('timeline/', l_1_y, '/index.md', )), _loop_vars=_loop_vars))
            yield '">'
            yield escape(l_1_y)
            yield '年</a>'
        else:
            pass
            yield '<a href="'
            yield escape(context.call((undefined(name='page') if l_0_page is missing else l_0_page), markup_join(('timeline/', l_1_y, '/index.md', )), _loop_vars=_loop_vars))
            yield '">'
            yield escape(l_1_y)
            yield '年</a>'
    l_1_y = l_1_count = missing
    yield '</nav>\n'
    def macro(l_1_first, l_1_last):
        t_4 = []
        if l_1_first is missing:
            l_1_first = undefined("parameter 'first' was not provided", name='first')
        if l_1_last is missing:
            l_1_last = undefined("parameter 'last' was not provided", name='last')
        pass
        t_4.extend((
            escape(environment.getattr(l_1_first, 'year')),
            '年',
            escape(environment.getattr(l_1_first, 'month')),
            '月至',
            escape(environment.getattr(l_1_last, 'year')),
            '年',
            escape(environment.getattr(l_1_last, 'month')),
            '月',
        ))
        return concat(t_4)
    context.exported_vars.add('months')
    context.vars['months'] = l_0_months = Macro(environment, macro, 'months', ('first', 'last'), False, False, False, context.eval_ctx.autoescape)
    yield '<div class="ws-news-page__main">\n'
    if ((t_3((undefined(name='year') if l_0_year is missing else l_0_year)) and (undefined(name='recent') if l_0_recent is missing else l_0_recent)) and environment.getattr((undefined(name='recent') if l_0_recent is missing else l_0_recent), 'older_first')):
        pass
        yield '<p class="ws-stale">最近一年（'
        yield escape(context.call((undefined(name='months') if l_0_months is missing else l_0_months), environment.getattr((undefined(name='recent') if l_0_recent is missing else l_0_recent), 'first'), environment.getattr((undefined(name='recent') if l_0_recent is missing else l_0_recent), 'last')))
        yield '）没有'
        yield escape(environment.getattr((undefined(name='recent') if l_0_recent is missing else l_0_recent), 'missing'))
        yield '，下面是最后有'
        yield escape(environment.getattr((undefined(name='recent') if l_0_recent is missing else l_0_recent), 'missing'))
        yield '的一年（'
        yield escape(context.call((undefined(name='months') if l_0_months is missing else l_0_months), environment.getattr((undefined(name='recent') if l_0_recent is missing else l_0_recent), 'older_first'), environment.getattr((undefined(name='recent') if l_0_recent is missing else l_0_recent), 'older_last')))
        yield '）。</p>'
    if (undefined(name='parts') if l_0_parts is missing else l_0_parts):
        pass
        template = environment.get_template('parts.html', 'timeline.html')
        gen = template.root_render_func(template.new_context(context.get_all(), True, {'months': l_0_months}))
        try:
            for event in gen:
                yield event
        finally: gen.close()
        l_1_summaries = (undefined(name='routines') if l_0_routines is missing else l_0_routines)
        pass
        template = environment.get_template('routines.html', 'timeline.html')
        gen = template.root_render_func(template.new_context(context.get_all(), True, {'summaries': l_1_summaries, 'months': l_0_months}))
        try:
            for event in gen:
                yield event
        finally: gen.close()
        l_1_summaries = missing
    elif (undefined(name='earlier') if l_0_earlier is missing else l_0_earlier):
        pass
        l_1_routines = []
        pass
        template = environment.get_template('listing.html', 'timeline.html')
        gen = template.root_render_func(template.new_context(context.get_all(), True, {'routines': l_1_routines, 'months': l_0_months}))
        try:
            for event in gen:
                yield event
        finally: gen.close()
        l_1_routines = missing
        template = environment.get_template('earlier.html', 'timeline.html')
        gen = template.root_render_func(template.new_context(context.get_all(), True, {'months': l_0_months}))
        try:
            for event in gen:
                yield event
        finally: gen.close()
        yield '<div class="ws-listing">'
        l_1_summaries = (undefined(name='routines') if l_0_routines is missing else l_0_routines)
        pass
        template = environment.get_template('routines.html', 'timeline.html')
        gen = template.root_render_func(template.new_context(context.get_all(), True, {'summaries': l_1_summaries, 'months': l_0_months}))
        try:
            for event in gen:
                yield event
        finally: gen.close()
        l_1_summaries = missing
        yield '</div>\n'
    else:
        pass
        template = environment.get_template('listing.html', 'timeline.html')
        gen = template.root_render_func(template.new_context(context.get_all(), True, {'months': l_0_months}))
        try:
            for event in gen:
                yield event
        finally: gen.close()
    yield '</div>\n<aside class="ws-news-page__side" aria-label="筛选和统计">\n'
    if ((environment.getattr((undefined(name='listing') if l_0_listing is missing else l_0_listing), 'themed_months') or (undefined(name='routines') if l_0_routines is missing else l_0_routines)) and (not (undefined(name='parts') if l_0_parts is missing else l_0_parts))):
        pass
        template = environment.get_template('filter.html', 'timeline.html')
        gen = template.root_render_func(template.new_context(context.get_all(), True, {'months': l_0_months}))
        try:
            for event in gen:
                yield event
        finally: gen.close()
    if environment.getattr((undefined(name='whole') if l_0_whole is missing else l_0_whole), 'count'):
        pass
        yield '<p class="ws-lead">'
        if (not t_3((undefined(name='year') if l_0_year is missing else l_0_year))):
            pass
            yield escape((undefined(name='year') if l_0_year is missing else l_0_year))
            yield '年'
        elif environment.getattr((undefined(name='recent') if l_0_recent is missing else l_0_recent), 'older_first'):
            pass
            yield '最后有'
            yield escape(environment.getattr((undefined(name='recent') if l_0_recent is missing else l_0_recent), 'missing'))
            yield '的一年（'
            yield escape(context.call((undefined(name='months') if l_0_months is missing else l_0_months), environment.getattr((undefined(name='recent') if l_0_recent is missing else l_0_recent), 'older_first'), environment.getattr((undefined(name='recent') if l_0_recent is missing else l_0_recent), 'older_last')))
            yield '）'
        else:
            pass
            yield '最近一年（'
            yield escape(context.call((undefined(name='months') if l_0_months is missing else l_0_months), environment.getattr((undefined(name='recent') if l_0_recent is missing else l_0_recent), 'first'), environment.getattr((undefined(name='recent') if l_0_recent is missing else l_0_recent), 'last')))
            yield '）'
        yield '：'
        yield escape(t_2([(environment.getattr((undefined(name='whole') if l_0_whole is missing else l_0_whole), 'themed'), '项主题活动'), (environment.getattr((undefined(name='whole') if l_0_whole is missing else l_0_whole), 'routine_occurrences'), '次例行活动')]))
        if environment.getattr((undefined(name='whole') if l_0_whole is missing else l_0_whole), 'pages'):
            pass
            yield '，其中活动纪实 '
            yield escape(t_1(environment.getattr((undefined(name='whole') if l_0_whole is missing else l_0_whole), 'pages')))
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
    yield '</p>\n</aside>\n</div>'

blocks = {}
debug_info = '10=41&11=51&12=54&15=70&17=91&18=102&19=119&20=123&21=149&24=156&25=164&26=167&28=192'
# timeline.html: generated by `python tools/compile_templates.py`, do not edit.
