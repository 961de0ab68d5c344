from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'stats.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_s = resolve('s')
    l_0_unit = resolve('unit')
    l_0_month_charts = resolve('month_charts')
    l_0_breakdowns = resolve('breakdowns')
    l_0_urls = resolve('urls')
    l_0_page = resolve('page')
    try:
        t_1 = environment.filters['cn_date']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'cn_date' found.")
    try:
        t_2 = environment.filters['money']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'money' found.")
    try:
        t_3 = environment.filters['money_or_dash']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'money_or_dash' found.")
    try:
        t_4 = environment.filters['number']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No filter named 'number' found.")
    try:
        t_5 = environment.filters['number_or_dash']
    except KeyError:
        @internalcode
        def t_5(*unused):
            raise TemplateRuntimeError("No filter named 'number_or_dash' found.")
    try:
        t_6 = environment.filters['present']
    except KeyError:
        @internalcode
        def t_6(*unused):
            raise TemplateRuntimeError("No filter named 'present' found.")
    try:
        t_7 = environment.filters['safe']
    except KeyError:
        @internalcode
        def t_7(*unused):
            raise TemplateRuntimeError("No filter named 'safe' found.")
    pass
    yield '<p class="ws-lead">统计范围：<time datetime="'
    yield escape(context.call(environment.getattr(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'start'), 'isoformat')))
    yield '">'
    yield escape(t_1(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'start')))
    yield '</time>至<time datetime="'
    yield escape(context.call(environment.getattr(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'end'), 'isoformat')))
    yield '">'
    yield escape(t_1(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'end')))
    yield '</time>'
    if ((undefined(name='unit') if l_0_unit is missing else l_0_unit) and (environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'end') < environment.getattr((undefined(name='unit') if l_0_unit is missing else l_0_unit), 'term_end'))):
        pass
        yield '（创建周期至'
        yield escape(t_1(environment.getattr((undefined(name='unit') if l_0_unit is missing else l_0_unit), 'term_end')))
        yield '）'
    yield '。主题活动指有活动纪实或登记在册的单项活动；例行活动（如工间操、升国旗）按实际发生的每一次计数，法定节假日和例外日期已扣除；草稿不计入。</p>\n<ul class="ws-figures" aria-label="本届主要数据">'
    if environment.getattr(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'term'), 'one_off'):
        pass
        yield '<li><strong>'
        yield escape(t_4(environment.getattr(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'term'), 'one_off')))
        yield '</strong><span>项主题活动</span></li>'
    if environment.getattr(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'term'), 'routine_occurrences'):
        pass
        yield '<li><strong>'
        yield escape(t_4(environment.getattr(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'term'), 'routine_occurrences')))
        yield '</strong><span>次例行活动</span></li>'
    if environment.getattr(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'term'), 'participants'):
        pass
        yield '<li><strong>'
        yield escape(t_4(environment.getattr(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'term'), 'participants')))
        yield '</strong><span>参与人次</span></li>'
    if environment.getattr(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'term'), 'volunteer_hours'):
        pass
        yield '<li><strong>'
        yield escape(t_4(environment.getattr(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'term'), 'volunteer_hours')))
        yield '</strong><span>志愿服务小时</span></li>'
    if environment.getattr(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'term'), 'amount'):
        pass
        yield '<li><strong>'
        yield escape(t_2(environment.getattr(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'term'), 'amount')))
        yield '</strong><span>投入和捐助</span></li>'
    if environment.getattr(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'term'), 'photos'):
        pass
        yield '<li><strong>'
        yield escape(t_4(environment.getattr(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'term'), 'photos')))
        yield '</strong><span>张照片</span></li>'
    yield '</ul>\n'
    if environment.getattr(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'term'), 'activities'):
        pass
        yield '<p class="ws-split">'
        yield escape(t_6([(environment.getattr(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'term'), 'one_off'), '项主题活动'), (environment.getattr(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'term'), 'routine_occurrences'), '次例行活动')]))
        yield '（合计 '
        yield escape(t_4(environment.getattr(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'term'), 'activities')))
        yield ' 项次'
        if environment.getattr(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'term'), 'pages'):
            pass
            yield '；主题活动中有活动纪实 '
            yield escape(t_4(environment.getattr(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'term'), 'pages')))
            yield ' 篇'
        yield '）</p>'
    yield '\n<h2 id="years">分年度</h2>\n<div class="ws-table-wrap" role="region" aria-label="分年度主要数据"><table class="ws-table ws-table--cards">\n  <caption>分年度主要数据</caption>\n  <thead><tr><th scope="col">年度</th><th scope="col">主题活动（项）</th><th scope="col">例行活动（次）</th><th scope="col">参与人次</th><th scope="col">志愿服务（小时）</th><th scope="col">金额</th><th scope="col">照片（张）</th></tr></thead>\n  <tbody>\n'
    for (l_1_year, l_1_t) in context.call(environment.getattr(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'years'), 'items')):
        _loop_vars = {}
        pass
        yield '    <tr><th scope="row">'
        yield escape(l_1_year)
        yield '年</th><td data-label="主题活动（项）">'
        yield escape(t_5(environment.getattr(l_1_t, 'one_off')))
        yield '</td><td data-label="例行活动（次）">'
        yield escape(t_5(environment.getattr(l_1_t, 'routine_occurrences')))
        yield '</td><td data-label="参与人次">'
        yield escape(t_5(environment.getattr(l_1_t, 'participants')))
        yield '</td><td data-label="志愿服务（小时）">'
        yield escape(t_5(environment.getattr(l_1_t, 'volunteer_hours')))
        yield '</td><td data-label="金额">'
        yield escape(t_3(environment.getattr(l_1_t, 'amount')))
        yield '</td><td data-label="照片（张）">'
        yield escape(t_5(environment.getattr(l_1_t, 'photos')))
        yield '</td></tr>\n'
    l_1_year = l_1_t = missing
    yield '  </tbody>\n  <tfoot><tr><th scope="row">合计</th><td data-label="主题活动（项）">'
    yield escape(t_5(environment.getattr(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'term'), 'one_off')))
    yield '</td><td data-label="例行活动（次）">'
    yield escape(t_5(environment.getattr(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'term'), 'routine_occurrences')))
    yield '</td><td data-label="参与人次">'
    yield escape(t_5(environment.getattr(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'term'), 'participants')))
    yield '</td><td data-label="志愿服务（小时）">'
    yield escape(t_5(environment.getattr(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'term'), 'volunteer_hours')))
    yield '</td><td data-label="金额">'
    yield escape(t_3(environment.getattr(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'term'), 'amount')))
    yield '</td><td data-label="照片（张）">'
    yield escape(t_5(environment.getattr(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'term'), 'photos')))
    yield '</td></tr></tfoot>\n</table></div>\n\n'
    if (undefined(name='month_charts') if l_0_month_charts is missing else l_0_month_charts):
        pass
        yield '<h2 id="months">按月份</h2>\n'
    for (l_1_year, (l_1_chart, l_1_rows)) in context.call(environment.getattr((undefined(name='month_charts') if l_0_month_charts is missing else l_0_month_charts), 'items')):
        l_1_fold = resolve('fold')
        _loop_vars = {}
        pass
        yield '<div class="ws-chart-block">\n'
        if l_1_chart:
            pass
            yield '  <figure>'
            yield escape(t_7(l_1_chart))
            yield '<figcaption>'
            yield escape(l_1_year)
            yield '年各月主题活动（项）</figcaption></figure>\n'
        else:
            pass
            yield '  <p>'
            yield escape(l_1_year)
            yield '年没有主题活动，例行活动见下表。</p>\n'
        if (undefined(name='fold') if l_1_fold is missing else l_1_fold):
            pass
            yield '<details class="ws-data">\n    <summary>查看数据表（'
            yield escape(l_1_year)
            yield '年各月，含例行活动）</summary>'
        else:
            pass
            yield '<div class="ws-data">'
        yield '    <div class="ws-table-wrap" role="region" aria-label="'
        yield escape(l_1_year)
        yield '年各月活动"><table class="ws-table ws-table--compact">\n    <caption>'
        yield escape(l_1_year)
        yield '年各月活动</caption>\n      <thead><tr><th scope="col">月份</th><th scope="col">主题活动（项）</th><th scope="col">例行活动（次）</th></tr></thead>\n      <tbody>'
        for (l_2_label, l_2_themed, l_2_routine) in l_1_rows:
            _loop_vars = {}
            pass
            yield '<tr><th scope="row">'
            yield escape(l_2_label)
            yield '</th><td>'
            yield escape(t_5(l_2_themed))
            yield '</td><td>'
            yield escape(t_5(l_2_routine))
            yield '</td></tr>'
        l_2_label = l_2_themed = l_2_routine = missing
        yield '</tbody>\n    </table></div>\n'
        if (undefined(name='fold') if l_1_fold is missing else l_1_fold):
            pass
            yield '</details>'
        else:
            pass
            yield '</div>'
        yield '</div>\n'
    l_1_year = l_1_chart = l_1_rows = l_1_fold = missing
    yield '\n'
    for (l_1_key, l_1_heading, l_1_rows, l_1_chart) in (undefined(name='breakdowns') if l_0_breakdowns is missing else l_0_breakdowns):
        l_1_fold = resolve('fold')
        _loop_vars = {}
        pass
        yield '<h2 id="'
        yield escape(l_1_key)
        yield '">'
        yield escape(l_1_heading)
        yield '</h2>\n<div class="ws-chart-block">\n  <figure>'
        yield escape(t_7(l_1_chart))
        yield '<figcaption>'
        yield escape(l_1_heading)
        yield '的主题活动（项）</figcaption></figure>\n'
        if (undefined(name='fold') if l_1_fold is missing else l_1_fold):
            pass
            yield '<details class="ws-data">\n    <summary>查看数据表（'
            yield escape(l_1_heading)
            yield '，含例行活动、参与人次和金额）</summary>'
        else:
            pass
            yield '<div class="ws-data">'
        yield '    <div class="ws-table-wrap" tabindex="0" role="region" aria-label="'
        yield escape(l_1_heading)
        yield '"><table class="ws-table ws-table--cards">\n    <caption>'
        yield escape(l_1_heading)
        yield '</caption>\n      <thead><tr><th scope="col">名称</th><th scope="col">主题活动（项）</th><th scope="col">例行活动（次）</th><th scope="col">参与人次</th><th scope="col">志愿服务（小时）</th><th scope="col">金额</th></tr></thead>\n      <tbody>'
        for (l_2_label, l_2_t) in l_1_rows:
            _loop_vars = {}
            pass
            yield '<tr><th scope="row">'
            yield escape(l_2_label)
            yield '</th><td data-label="主题活动（项）">'
            yield escape(t_5(environment.getattr(l_2_t, 'one_off')))
            yield '</td><td data-label="例行活动（次）">'
            yield escape(t_5(environment.getattr(l_2_t, 'routine_occurrences')))
            yield '</td><td data-label="参与人次">'
            yield escape(t_5(environment.getattr(l_2_t, 'participants')))
            yield '</td><td data-label="志愿服务（小时）">'
            yield escape(t_5(environment.getattr(l_2_t, 'volunteer_hours')))
            yield '</td><td data-label="金额">'
            yield escape(t_3(environment.getattr(l_2_t, 'amount')))
            yield '</td></tr>'
        l_2_label = l_2_t = missing
        yield '</tbody>\n    </table></div>\n'
        if (undefined(name='fold') if l_1_fold is missing else l_1_fold):
            pass
            yield '</details>'
        else:
            pass
            yield '</div>'
        yield '</div>\n'
    l_1_key = l_1_heading = l_1_rows = l_1_chart = l_1_fold = missing
    if ('open-data/index.md' in (undefined(name='urls') if l_0_urls is missing else l_0_urls)):
        pass
        yield '<p class="ws-note">以上数字所依据的逐条活动记录和汇总数据，可以在<a href="'
        yield escape(context.call((undefined(name='page') if l_0_page is missing else l_0_page), 'open-data/index.md'))
        yield '">开放数据</a>中查看和下载。</p>'

blocks = {}
debug_info = '4=60&7=74&8=79&9=84&10=89&11=94&12=99&14=105&21=119&22=123&25=139&28=151&31=154&33=159&34=162&36=169&38=171&39=174&40=180&41=182&43=184&45=196&49=205&50=210&52=214&53=218&54=221&55=227&56=229&58=231&60=249&63=257'
# stats.html: generated by `python tools/compile_templates.py`, do not edit.
