from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'pack/report.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_unit = resolve('unit')
    l_0_css = resolve('css')
    l_0_unit_css = resolve('unit_css')
    l_0_today = resolve('today')
    l_0_site_qr = resolve('site_qr')
    l_0_sections = resolve('sections')
    l_0_content = resolve('content')
    l_0_routines = resolve('routines')
    l_0_s = resolve('s')
    l_0_range = resolve('range')
    l_0_months = resolve('months')
    l_0_breakdowns = resolve('breakdowns')
    l_0_coverage = resolve('coverage')
    l_0_org = resolve('org')
    l_0_appendix = resolve('appendix')
    l_0_parts = l_0_figures = missing
    try:
        t_1 = environment.filters['batch']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'batch' found.")
    try:
        t_2 = environment.filters['cn_date']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'cn_date' found.")
    try:
        t_3 = environment.filters['join']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'join' found.")
    try:
        t_4 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
    try:
        t_5 = environment.filters['list']
    except KeyError:
        @internalcode
        def t_5(*unused):
            raise TemplateRuntimeError("No filter named 'list' found.")
    try:
        t_6 = environment.filters['money']
    except KeyError:
        @internalcode
        def t_6(*unused):
            raise TemplateRuntimeError("No filter named 'money' found.")
    try:
        t_7 = environment.filters['number']
    except KeyError:
        @internalcode
        def t_7(*unused):
            raise TemplateRuntimeError("No filter named 'number' found.")
    try:
        t_8 = environment.filters['number_or_dash']
    except KeyError:
        @internalcode
        def t_8(*unused):
            raise TemplateRuntimeError("No filter named 'number_or_dash' found.")
    try:
        t_9 = environment.filters['rule_pieces']
    except KeyError:
        @internalcode
        def t_9(*unused):
            raise TemplateRuntimeError("No filter named 'rule_pieces' found.")
    try:
        t_10 = environment.filters['safe']
    except KeyError:
        @internalcode
        def t_10(*unused):
            raise TemplateRuntimeError("No filter named 'safe' found.")
    try:
        t_11 = environment.filters['select']
    except KeyError:
        @internalcode
        def t_11(*unused):
            raise TemplateRuntimeError("No filter named 'select' found.")
    try:
        t_12 = environment.filters['sum']
    except KeyError:
        @internalcode
        def t_12(*unused):
            raise TemplateRuntimeError("No filter named 'sum' found.")
    try:
        t_13 = environment.tests['none']
    except KeyError:
        @internalcode
        def t_13(*unused):
            raise TemplateRuntimeError("No test named 'none' found.")
    pass
    l_0_parts = context.vars['parts'] = environment.get_template('pack/parts.html', 'pack/report.html').make_module(context.get_all(), True, {'figures': l_0_figures, 'org': l_0_org, 'parts': l_0_parts})
    context.exported_vars.discard('parts')
    yield '<!DOCTYPE html>\n<html lang="zh-CN">\n<head><meta charset="utf-8"><title>'
    yield escape(environment.getattr((undefined(name='unit') if l_0_unit is missing else l_0_unit), 'name'))
    yield escape(environment.getattr((undefined(name='unit') if l_0_unit is missing else l_0_unit), 'term'))
    yield escape(environment.getattr((undefined(name='unit') if l_0_unit is missing else l_0_unit), 'title_sought'))
    yield '创建工作汇报材料</title>\n<meta name="author" content="'
    yield escape(environment.getattr((undefined(name='unit') if l_0_unit is missing else l_0_unit), 'name'))
    yield '"><style>'
    yield escape(t_10((undefined(name='css') if l_0_css is missing else l_0_css)))
    yield '</style>\n'
    if (undefined(name='unit_css') if l_0_unit_css is missing else l_0_unit_css):
        pass
        yield '<link rel="stylesheet" href="'
        yield escape((undefined(name='unit_css') if l_0_unit_css is missing else l_0_unit_css))
        yield '">'
    yield '</head>\n<body>\n'
    yield escape(context.call(environment.getattr((undefined(name='parts') if l_0_parts is missing else l_0_parts), 'cover'), (undefined(name='unit') if l_0_unit is missing else l_0_unit), markup_join((environment.getattr((undefined(name='unit') if l_0_unit is missing else l_0_unit), 'term'), environment.getattr((undefined(name='unit') if l_0_unit is missing else l_0_unit), 'title_sought'), '创建工作汇报材料', )), (undefined(name='today') if l_0_today is missing else l_0_today), (undefined(name='site_qr') if l_0_site_qr is missing else l_0_site_qr)))
    yield '\n<nav class="contents">\n  <h1>目录</h1>\n  <ul>\n'
    l_1_loop = missing
    for (l_1_section, l_1_html, l_1_names), l_1_loop in LoopContext((undefined(name='sections') if l_0_sections is missing else l_0_sections), undefined):
        _loop_vars = {}
        pass
        yield '<li><a href="#s-'
        yield escape(environment.getattr(l_1_loop, 'index'))
        yield '">'
        yield escape(environment.getattr(l_1_section, 'title'))
        yield '</a></li>'
    l_1_loop = l_1_section = l_1_html = l_1_names = missing
    yield '    <li><a href="#p-stats">主要数据</a></li>\n    <li><a href="#p-coverage">测评体系对照</a></li>\n'
    if environment.getattr((undefined(name='content') if l_0_content is missing else l_0_content), 'honours'):
        pass
        yield '<li><a href="#p-honours">荣誉</a></li>'
    if environment.getattr((undefined(name='content') if l_0_content is missing else l_0_content), 'organization'):
        pass
        yield '<li><a href="#p-organization">组织领导</a></li>'
    if environment.getattr((undefined(name='content') if l_0_content is missing else l_0_content), 'documents'):
        pass
        yield '<li><a href="#p-documents">制度文件</a></li>'
    yield '    <li><a href="#p-appendix">附录一：主题活动一览</a></li>\n'
    if (undefined(name='routines') if l_0_routines is missing else l_0_routines):
        pass
        yield '<li><a href="#p-routines">附录二：例行活动一览</a></li>'
    yield '  </ul>\n</nav>\n\n<div class="report">\n'
    l_1_loop = missing
    for (l_1_section, l_1_html, l_1_names), l_1_loop in LoopContext((undefined(name='sections') if l_0_sections is missing else l_0_sections), undefined):
        _loop_vars = {}
        pass
        yield '<section id="sec-'
        yield escape(environment.getattr(l_1_loop, 'index'))
        yield '">\n  <h1 id="s-'
        yield escape(environment.getattr(l_1_loop, 'index'))
        yield '">'
        yield escape(environment.getattr(l_1_section, 'title'))
        yield '</h1>\n'
        if l_1_names:
            pass
            yield '<p class="criteria-note">（对应测评项目：'
            yield escape(t_3(context.eval_ctx, l_1_names, '、'))
            yield '）</p>'
        yield '  '
        yield escape(t_10(l_1_html))
        yield '\n</section>\n'
    l_1_loop = l_1_section = l_1_html = l_1_names = missing
    yield '</div>\n\n<section>\n<h1 id="p-stats">主要数据</h1>\n<p>统计范围：'
    yield escape(t_2(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'start')))
    yield '至'
    yield escape(t_2(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'end')))
    if (environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'end') < environment.getattr((undefined(name='unit') if l_0_unit is missing else l_0_unit), 'term_end')):
        pass
        yield '（创建周期至'
        yield escape(t_2(environment.getattr((undefined(name='unit') if l_0_unit is missing else l_0_unit), 'term_end')))
        yield '）'
    yield '。主题活动指有活动纪实或登记在册的单项活动；例行活动（如工间操、升国旗）按实际发生的每一次计数，法定节假日和例外日期已扣除。</p>\n'
    l_0_figures = t_5(context.eval_ctx, t_11(context, [((t_7(environment.getattr(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'term'), 'one_off')), '项主题活动') if environment.getattr(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'term'), 'one_off') else None), ((t_7(environment.getattr(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'term'), 'routine_occurrences')), '次例行活动') if environment.getattr(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'term'), 'routine_occurrences') else None), ((t_7(environment.getattr(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'term'), 'participants')), '参与人次') if environment.getattr(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'term'), 'participants') else None), ((t_7(environment.getattr(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'term'), 'volunteer_hours')), '志愿服务小时') if environment.getattr(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'term'), 'volunteer_hours') else None), ((t_6(environment.getattr(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'term'), 'amount')), '投入和捐助') if environment.getattr(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'term'), 'amount') else None), ((t_7(environment.getattr(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'term'), 'photos')), '张照片') if environment.getattr(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'term'), 'photos') else None)]))
    context.vars['figures'] = l_0_figures
    context.exported_vars.add('figures')
    if (undefined(name='figures') if l_0_figures is missing else l_0_figures):
        pass
        yield '<table class="figures">\n'
        for l_1_row in t_1((undefined(name='figures') if l_0_figures is missing else l_0_figures), 3, None):
            _loop_vars = {}
            pass
            yield '<tr>'
            for l_2_f in l_1_row:
                _loop_vars = {}
                pass
                yield '<td>'
                if l_2_f:
                    pass
                    yield '<strong>'
                    yield escape(environment.getitem(l_2_f, 0))
                    yield '</strong><span>'
                    yield escape(environment.getitem(l_2_f, 1))
                    yield '</span>'
                yield '</td>'
            l_2_f = missing
            yield '</tr>'
        l_1_row = missing
        yield '</table>'
    yield '<div class="keep">\n<h2>分年度主要数据</h2>\n<table class="stats">\n  <colgroup><col class="year">'
    for l_1__ in context.call((undefined(name='range') if l_0_range is missing else l_0_range), 6):
        _loop_vars = {}
        pass
        yield '<col>'
    l_1__ = missing
    yield '</colgroup>\n  <thead><tr><th>年度</th><th class="num"><span class="nowrap">主题活动</span><span class="nowrap">（项）</span></th><th class="num"><span class="nowrap">例行活动</span><span class="nowrap">（次）</span></th><th class="num"><span class="nowrap">参与人次</span></th><th class="num"><span class="nowrap">志愿服务</span><span class="nowrap">（小时）</span></th><th class="num"><span class="nowrap">金额</span><span class="nowrap">（元）</span></th><th class="num"><span class="nowrap">照片</span><span class="nowrap">（张）</span></th></tr></thead>\n  <tbody>'
    for (l_1_year, l_1_t) in context.call(environment.getattr(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'years'), 'items')):
        _loop_vars = {}
        pass
        yield '<tr><th class="nowrap">'
        yield escape(l_1_year)
        yield '年</th><td class="num">'
        yield escape(t_8(environment.getattr(l_1_t, 'one_off')))
        yield '</td><td class="num">'
        yield escape(t_8(environment.getattr(l_1_t, 'routine_occurrences')))
        yield '</td><td class="num">'
        yield escape(t_8(environment.getattr(l_1_t, 'participants')))
        yield '</td><td class="num">'
        yield escape(t_8(environment.getattr(l_1_t, 'volunteer_hours')))
        yield '</td><td class="num">'
        yield escape(t_8(environment.getattr(l_1_t, 'amount')))
        yield '</td><td class="num">'
        yield escape(t_8(environment.getattr(l_1_t, 'photos')))
        yield '</td></tr>'
    l_1_year = l_1_t = missing
    yield '</tbody>\n  <tfoot><tr><th>合计</th><td class="num">'
    yield escape(t_7(environment.getattr(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'term'), 'one_off')))
    yield '</td><td class="num">'
    yield escape(t_7(environment.getattr(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'term'), 'routine_occurrences')))
    yield '</td><td class="num">'
    yield escape(t_7(environment.getattr(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'term'), 'participants')))
    yield '</td><td class="num">'
    yield escape(t_7(environment.getattr(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'term'), 'volunteer_hours')))
    yield '</td><td class="num">'
    yield escape(t_8(environment.getattr(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'term'), 'amount')))
    yield '</td><td class="num">'
    yield escape(t_8(environment.getattr(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'term'), 'photos')))
    yield '</td></tr></tfoot>\n</table>\n</div>\n<h2>各月活动（主题活动项数 / 例行活动次数）</h2>\n<table>\n  <thead><tr><th>月份</th>'
    for l_1_year in environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'years'):
        _loop_vars = {}
        pass
        yield '<th class="num">'
        yield escape(l_1_year)
        yield '年</th>'
    l_1_year = missing
    yield '</tr></thead>\n  <tbody>'
    for (l_1_month, l_1_cells) in (undefined(name='months') if l_0_months is missing else l_0_months):
        _loop_vars = {}
        pass
        yield '<tr><th>'
        yield escape(l_1_month)
        yield '月</th>'
        for l_2_cell in l_1_cells:
            _loop_vars = {}
            pass
            yield '<td class="num">'
            if l_2_cell:
                pass
                yield escape(t_7(environment.getitem(l_2_cell, 0)))
                yield ' / '
                yield escape(t_7(environment.getitem(l_2_cell, 1)))
            else:
                pass
                yield '—'
            yield '</td>'
        l_2_cell = missing
        yield '</tr>'
    l_1_month = l_1_cells = missing
    yield '</tbody>\n</table>\n'
    for (l_1_key, l_1_heading, l_1_rows, l_1_svg) in (undefined(name='breakdowns') if l_0_breakdowns is missing else l_0_breakdowns):
        _loop_vars = {}
        pass
        yield '<div class="keep">\n<h2>'
        yield escape(l_1_heading)
        yield '</h2>\n<div class="chart">'
        yield escape(t_10(l_1_svg))
        yield '</div>\n</div>\n<table class="stats">\n  <colgroup><col>'
        for l_2__ in context.call((undefined(name='range') if l_0_range is missing else l_0_range), 5, _loop_vars=_loop_vars):
            _loop_vars = {}
            pass
            yield '<col class="n">'
        l_2__ = missing
        yield '</colgroup>\n  <thead><tr><th>名称</th><th class="num"><span class="nowrap">主题活动</span><span class="nowrap">（项）</span></th><th class="num"><span class="nowrap">例行活动</span><span class="nowrap">（次）</span></th><th class="num"><span class="nowrap">参与人次</span></th><th class="num"><span class="nowrap">志愿服务</span><span class="nowrap">（小时）</span></th><th class="num"><span class="nowrap">金额</span><span class="nowrap">（元）</span></th></tr></thead>\n  <tbody>'
        for (l_2_label, l_2_t) in l_1_rows:
            _loop_vars = {}
            pass
            yield '<tr><th>'
            yield escape(l_2_label)
            yield '</th><td class="num">'
            yield escape(t_8(environment.getattr(l_2_t, 'one_off')))
            yield '</td><td class="num">'
            yield escape(t_8(environment.getattr(l_2_t, 'routine_occurrences')))
            yield '</td><td class="num">'
            yield escape(t_8(environment.getattr(l_2_t, 'participants')))
            yield '</td><td class="num">'
            yield escape(t_8(environment.getattr(l_2_t, 'volunteer_hours')))
            yield '</td><td class="num">'
            yield escape(t_8(environment.getattr(l_2_t, 'amount')))
            yield '</td></tr>'
        l_2_label = l_2_t = missing
        yield '</tbody>\n</table>\n'
    l_1_key = l_1_heading = l_1_rows = l_1_svg = missing
    yield '</section>\n\n<section>\n<h1 id="p-coverage">测评体系对照</h1>\n<p class="lead">测评体系'
    yield escape(t_4((undefined(name='coverage') if l_0_coverage is missing else l_0_coverage)))
    yield '个项目逐项对照本届的活动和材料（'
    yield escape(t_2(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'start')))
    yield '至'
    yield escape(t_2(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'end')))
    yield '），各项目的佐证材料见另册《佐证材料目录》中的同一编号。</p>\n<table class="coverage">\n  <colgroup><col class="no"><col><col class="n"><col class="n"><col class="n"><col class="day"><col class="ev"></colgroup>\n  <thead><tr><th>序号</th><th>测评项目</th><th class="num"><span class="nowrap">主题活动</span><span class="nowrap">（项）</span></th><th class="num"><span class="nowrap">例行活动</span><span class="nowrap">（项/次）</span></th><th class="num"><span class="nowrap">照片</span><span class="nowrap">（张）</span></th><th>最近一次</th><th>佐证材料编号</th></tr></thead>\n  <tbody>'
    l_1_loop = missing
    for (l_1_c, l_1_g), l_1_loop in LoopContext((undefined(name='coverage') if l_0_coverage is missing else l_0_coverage), undefined):
        _loop_vars = {}
        pass
        yield '<tr><td>'
        yield escape(environment.getattr(l_1_loop, 'index'))
        yield '</td><th>'
        yield escape(environment.getattr(environment.getattr(l_1_c, 'criterion'), 'name'))
        yield '</th><td class="num">'
        yield escape(t_8(environment.getattr(l_1_c, 'themed')))
        yield '</td><td class="num">'
        if environment.getattr(l_1_c, 'routines'):
            pass
            yield escape(environment.getattr(l_1_c, 'routines'))
            yield ' / '
            yield escape((environment.getattr(l_1_c, 'occurrences') - environment.getattr(l_1_c, 'themed')))
        else:
            pass
            yield '—'
        yield '</td><td class="num">'
        yield escape(t_8(environment.getattr(l_1_c, 'photos')))
        yield '</td><td class="nowrap">'
        yield escape((context.call(environment.getattr(environment.getattr(l_1_c, 'last'), 'isoformat'), _loop_vars=_loop_vars) if environment.getattr(l_1_c, 'last') else '—'))
        yield '</td><td>'
        if (l_1_g and environment.getattr(l_1_g, 'items')):
            pass
            yield '<span class="nowrap">'
            yield escape(environment.getattr(environment.getitem(environment.getattr(l_1_g, 'items'), 0), 'number'))
            yield '～'
            yield escape(environment.getattr(environment.getitem(environment.getattr(l_1_g, 'items'), -1), 'number'))
            yield '</span><br><span class="nowrap">（'
            yield escape(t_4(environment.getattr(l_1_g, 'items')))
            yield ' 项）</span>'
        else:
            pass
            yield '—'
        yield '</td></tr>'
    l_1_loop = l_1_c = l_1_g = missing
    yield '</tbody>\n</table>\n</section>\n\n'
    if environment.getattr((undefined(name='content') if l_0_content is missing else l_0_content), 'honours'):
        pass
        yield '<section>\n<h1 id="p-honours">荣誉</h1>\n<table>\n  <thead><tr><th>时间</th><th>荣誉</th><th>级别</th><th>授予单位</th></tr></thead>\n  <tbody>'
        l_1_loop = missing
        for l_1_h, l_1_loop in LoopContext(environment.getattr((undefined(name='content') if l_0_content is missing else l_0_content), 'honours'), undefined):
            l_1_anchor = resolve('anchor')
            _loop_vars = {}
            pass
            yield '<tr id="'
            yield escape(context.call((undefined(name='anchor') if l_1_anchor is missing else l_1_anchor), markup_join(('honour:', environment.getattr(l_1_loop, 'index0'), )), _loop_vars=_loop_vars))
            yield '"><td class="nowrap">'
            yield escape(environment.getattr(l_1_h, 'year'))
            yield '年'
            if environment.getattr(l_1_h, 'month'):
                pass
                yield escape(environment.getattr(l_1_h, 'month'))
                yield '月'
            yield '</td><th>'
            yield escape(environment.getattr(l_1_h, 'title'))
            if environment.getattr(l_1_h, 'note'):
                pass
                yield '<br><small>'
                yield escape(environment.getattr(l_1_h, 'note'))
                yield '</small>'
            yield '</th><td class="nowrap">'
            yield escape(environment.getattr(l_1_h, 'level'))
            yield '</td><td>'
            yield escape(environment.getattr(l_1_h, 'awarded_by'))
            yield '</td></tr>'
        l_1_loop = l_1_h = l_1_anchor = missing
        yield '</tbody>\n</table>\n</section>\n'
    yield '\n'
    if environment.getattr((undefined(name='content') if l_0_content is missing else l_0_content), 'organization'):
        pass
        l_0_org = environment.getattr((undefined(name='content') if l_0_content is missing else l_0_content), 'organization')
        context.vars['org'] = l_0_org
        context.exported_vars.add('org')
        yield '<section>\n<h1 id="p-organization">组织领导</h1>\n'
        def t_14(fiter):
            for l_1_g in fiter:
                if l_1_g:
                    yield l_1_g
        for l_1_g in t_14([environment.getattr((undefined(name='org') if l_0_org is missing else l_0_org), 'leading_group'), environment.getattr((undefined(name='org') if l_0_org is missing else l_0_org), 'office')]):
            _loop_vars = {}
            pass
            yield '<h2>'
            yield escape(environment.getattr(l_1_g, 'name'))
            yield '</h2>\n'
            if (environment.getattr(l_1_g, 'established') or environment.getattr(l_1_g, 'document')):
                pass
                yield '<p class="group-meta">'
                if environment.getattr(l_1_g, 'established'):
                    pass
                    yield '成立于'
                    yield escape(t_2(environment.getattr(l_1_g, 'established')))
                if environment.getattr(l_1_g, 'document'):
                    pass
                    yield '（'
                    yield escape(environment.getattr(l_1_g, 'document'))
                    yield '）'
                if environment.getattr(l_1_g, 'location'):
                    pass
                    yield '，设在'
                    yield escape(environment.getattr(l_1_g, 'location'))
                if environment.getattr(l_1_g, 'director'):
                    pass
                    yield '，主任：'
                    yield escape(environment.getattr(l_1_g, 'director'))
                yield '</p>'
            if environment.getattr(l_1_g, 'members'):
                pass
                yield '<table>\n  <thead><tr><th>职务</th><th>姓名</th><th>本职</th></tr></thead>\n  <tbody>'
                for l_2_m in environment.getattr(l_1_g, 'members'):
                    _loop_vars = {}
                    pass
                    yield '<tr><td class="nowrap">'
                    yield escape(environment.getattr(l_2_m, 'role'))
                    yield '</td><td class="nowrap">'
                    yield escape(environment.getattr(l_2_m, 'name'))
                    yield '</td><td>'
                    yield escape((environment.getattr(l_2_m, 'position') or ''))
                    yield '</td></tr>'
                l_2_m = missing
                yield '</tbody>\n</table>'
            if environment.getattr(l_1_g, 'duties'):
                pass
                yield '<ul>'
                for l_2_d in environment.getattr(l_1_g, 'duties'):
                    _loop_vars = {}
                    pass
                    yield '<li>'
                    yield escape(l_2_d)
                    yield '</li>'
                l_2_d = missing
                yield '</ul>'
        l_1_g = missing
        if environment.getattr((undefined(name='org') if l_0_org is missing else l_0_org), 'changes'):
            pass
            yield '<h2>调整情况</h2><ul>'
            for l_1_c in environment.getattr((undefined(name='org') if l_0_org is missing else l_0_org), 'changes'):
                _loop_vars = {}
                pass
                yield '<li>'
                yield escape(t_2(environment.getattr(l_1_c, 'date')))
                yield '：'
                yield escape(environment.getattr(l_1_c, 'description'))
                if environment.getattr(l_1_c, 'document'):
                    pass
                    yield '（'
                    yield escape(environment.getattr(l_1_c, 'document'))
                    yield '）'
                yield '</li>'
            l_1_c = missing
            yield '</ul>'
        yield '</section>\n'
    yield '\n'
    if environment.getattr((undefined(name='content') if l_0_content is missing else l_0_content), 'documents'):
        pass
        yield '<section>\n<h1 id="p-documents">制度文件</h1>\n<table>\n  <thead><tr><th>印发日期</th><th>文件名称</th><th>文号</th><th>类别</th><th>对应测评项目</th></tr></thead>\n  <tbody>'
        l_1_loop = missing
        for l_1_d, l_1_loop in LoopContext(environment.getattr((undefined(name='content') if l_0_content is missing else l_0_content), 'documents'), undefined):
            l_1_anchor = resolve('anchor')
            _loop_vars = {}
            pass
            yield '<tr id="'
            yield escape(context.call((undefined(name='anchor') if l_1_anchor is missing else l_1_anchor), markup_join(('document:', environment.getattr(l_1_loop, 'index0'), )), _loop_vars=_loop_vars))
            yield '"><td class="nowrap">'
            yield escape(t_2(environment.getattr(l_1_d, 'issued')))
            yield '</td><th>《'
            yield escape(environment.getattr(l_1_d, 'title'))
            yield '》</th><td class="nowrap">'
            yield escape((environment.getattr(l_1_d, 'number') or '—'))
            yield '</td><td class="nowrap">'
            yield escape((environment.getattr(l_1_d, 'kind') or '—'))
            yield '</td><td>'
            l_2_loop = missing
            for l_2_cid, l_2_loop in LoopContext(environment.getattr(l_1_d, 'criteria'), undefined):
                l_2_names = resolve('names')
                _loop_vars = {}
                pass
                yield escape(environment.getitem((undefined(name='names') if l_2_names is missing else l_2_names), l_2_cid))
                if (not environment.getattr(l_2_loop, 'last')):
                    pass
                    yield '、'
            l_2_loop = l_2_cid = l_2_names = missing
            yield '</td></tr>'
        l_1_loop = l_1_d = l_1_anchor = missing
        yield '</tbody>\n</table>\n</section>\n'
    yield '\n<section class="appendix">\n<h1 id="p-appendix">附录一：主题活动一览</h1>\n<p class="lead">本届共有主题活动'
    yield escape(t_7(t_4((undefined(name='appendix') if l_0_appendix is missing else l_0_appendix))))
    yield '项（例行活动见“主要数据”），按时间排列。</p>\n<table>\n  <thead><tr><th>序号</th><th>日期</th><th>活动名称</th><th>类别</th><th>部门</th><th class="num"><span class="nowrap">参与人次</span></th><th class="num"><span class="nowrap">照片</span></th></tr></thead>\n  <tbody>'
    l_1_loop = missing
    for l_1_r, l_1_loop in LoopContext((undefined(name='appendix') if l_0_appendix is missing else l_0_appendix), undefined):
        l_1_anchor = resolve('anchor')
        _loop_vars = {}
        pass
        yield '<tr id="'
        yield escape(context.call((undefined(name='anchor') if l_1_anchor is missing else l_1_anchor), markup_join(('activity:', environment.getattr(l_1_r, 'id'), )), _loop_vars=_loop_vars))
        yield '"><td>'
        yield escape(environment.getattr(l_1_loop, 'index'))
        yield '</td><td class="nowrap">'
        yield escape(environment.getattr(l_1_r, 'date'))
        yield '</td><td>'
        yield escape(environment.getattr(l_1_r, 'title'))
        yield '</td><td class="nowrap">'
        yield escape(environment.getattr(l_1_r, 'category'))
        yield '</td><td>'
        yield escape((environment.getattr(l_1_r, 'department') or '—'))
        yield '</td><td class="num">'
        yield escape((t_7(environment.getattr(l_1_r, 'participants')) if (not t_13(environment.getattr(l_1_r, 'participants'))) else '—'))
        yield '</td><td class="num">'
        yield escape((environment.getattr(l_1_r, 'photos') or '—'))
        yield '</td></tr>'
    l_1_loop = l_1_r = l_1_anchor = missing
    yield '</tbody>\n</table>\n</section>\n\n'
    if (undefined(name='routines') if l_0_routines is missing else l_0_routines):
        pass
        yield '<section class="appendix">\n<h1 id="p-routines">附录二：例行活动一览</h1>\n<p class="lead">本届共有例行活动'
        yield escape(t_7(t_4((undefined(name='routines') if l_0_routines is missing else l_0_routines))))
        yield '项、'
        yield escape(t_7(t_12(environment, (undefined(name='routines') if l_0_routines is missing else l_0_routines), attribute='count')))
        yield '次，按实际发生的每一次计数（法定节假日和例外日期已扣除）。</p>\n<table class="routines">\n  <thead><tr><th>序号</th><th>例行活动</th><th>安排</th><th>起止日期</th><th class="num">次数</th><th>部门</th><th class="num"><span class="nowrap">参与人次</span></th></tr></thead>\n  <tbody>'
        l_1_loop = missing
        for l_1_r, l_1_loop in LoopContext((undefined(name='routines') if l_0_routines is missing else l_0_routines), undefined):
            l_1_anchor = resolve('anchor')
            _loop_vars = {}
            pass
            yield '<tr id="'
            yield escape(context.call((undefined(name='anchor') if l_1_anchor is missing else l_1_anchor), markup_join(('routine:', environment.getattr(l_1_r, 'id'), )), _loop_vars=_loop_vars))
            yield '"><td>'
            yield escape(environment.getattr(l_1_loop, 'index'))
            yield '</td><td>'
            yield escape(environment.getattr(l_1_r, 'title'))
            yield '</td><td>'
            for l_2_piece in t_9((environment.getattr(l_1_r, 'rule') or '—')):
                _loop_vars = {}
                pass
                yield '<span class="nowrap">'
                yield escape(l_2_piece)
                yield '</span>'
            l_2_piece = missing
            yield '</td><td><span class="nowrap">'
            yield escape(t_2(environment.getattr(l_1_r, 'first')))
            yield '至</span><span class="nowrap">'
            yield escape(t_2(environment.getattr(l_1_r, 'last')))
            yield '</span></td><td class="num">'
            yield escape(t_7(environment.getattr(l_1_r, 'count')))
            yield '</td><td>'
            yield escape((environment.getattr(l_1_r, 'department') or '—'))
            yield '</td><td class="num">'
            yield escape(t_8(environment.getattr(l_1_r, 'participants')))
            yield '</td></tr>'
        l_1_loop = l_1_r = l_1_anchor = missing
        yield '</tbody>\n</table>\n</section>\n'
    yield '</body>\n</html>'

blocks = {}
debug_info = '8=105&11=108&12=112&13=116&15=122&19=125&22=135&23=138&24=141&26=145&31=150&32=154&33=156&34=160&35=166&42=170&43=179&51=182&52=185&57=206&59=212&60=232&65=244&66=252&68=275&70=279&71=281&74=283&76=289&83=309&87=316&91=354&96=358&101=386&104=392&105=400&106=402&107=423&109=426&111=438&113=450&117=470&122=474&129=503&132=506&136=529&139=532&145=537'
# pack/report.html: generated by `python tools/compile_templates.py`, do not edit.
