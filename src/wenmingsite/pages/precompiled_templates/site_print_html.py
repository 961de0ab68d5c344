from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'print.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_unit = resolve('unit')
    l_0_today = resolve('today')
    l_0_internal = resolve('internal')
    l_0_sections = resolve('sections')
    l_0_honours_html = resolve('honours_html')
    l_0_organization_html = resolve('organization_html')
    l_0_more = resolve('more')
    l_0_stats_html = resolve('stats_html')
    l_0_coverage_html = resolve('coverage_html')
    l_0_appendix = resolve('appendix')
    l_0_shown = missing
    try:
        t_1 = environment.filters['cn_date']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'cn_date' found.")
    try:
        t_2 = environment.filters['cn_date_range']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'cn_date_range' found.")
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
        t_5 = environment.filters['number']
    except KeyError:
        @internalcode
        def t_5(*unused):
            raise TemplateRuntimeError("No filter named 'number' found.")
    try:
        t_6 = environment.filters['safe']
    except KeyError:
        @internalcode
        def t_6(*unused):
            raise TemplateRuntimeError("No filter named 'safe' found.")
    try:
        t_7 = environment.filters['selectattr']
    except KeyError:
        @internalcode
        def t_7(*unused):
            raise TemplateRuntimeError("No filter named 'selectattr' found.")
    try:
        t_8 = environment.tests['none']
    except KeyError:
        @internalcode
        def t_8(*unused):
            raise TemplateRuntimeError("No test named 'none' found.")
    pass
    yield '<style>.ws-print .ws-print-toc ul { list-style: none; padding-left: 0; margin-left: 0; }\n.ws-print .ws-print-toc li { margin-left: 0; }\n.ws-print #p-stats .ws-note { display: none; }\n.ws-print .ws-crumbs, .ws-print .ws-byline { display: none; } /* a chapter\'s web trail and byline are not for paper */</style>\n<div class="ws-print">\n<section class="ws-print-cover">\n  <p class="ws-print-cover__kind">'
    yield escape(environment.getattr((undefined(name='unit') if l_0_unit is missing else l_0_unit), 'term'))
    yield escape(environment.getattr((undefined(name='unit') if l_0_unit is missing else l_0_unit), 'title_sought'))
    yield '创建工作汇报材料</p>\n  <h1 class="ws-print-cover__name">'
    yield escape(environment.getattr((undefined(name='unit') if l_0_unit is missing else l_0_unit), 'name'))
    yield '</h1>\n  <p>创建周期：'
    yield escape(t_1(environment.getattr((undefined(name='unit') if l_0_unit is missing else l_0_unit), 'term_start')))
    yield '至'
    yield escape(t_1(environment.getattr((undefined(name='unit') if l_0_unit is missing else l_0_unit), 'term_end')))
    yield '</p>\n  <p>材料生成日期：'
    yield escape(t_1((undefined(name='today') if l_0_today is missing else l_0_today)))
    yield '</p>\n  <p class="ws-print-hint">在浏览器中打开本页，选择“打印”→“另存为 PDF”即可得到纸质材料'
    if (undefined(name='internal') if l_0_internal is missing else l_0_internal):
        pass
        yield '；也可以运行 <code>wenming pack</code> 生成带页码目录的汇报材料、佐证材料目录和创建台账（仅在本机预览中显示此提示）'
    yield '。</p>\n</section>\n<nav class="ws-print-toc" aria-label="目录">\n  <h2>目录</h2>\n  <ul>\n'
    l_1_loop = missing
    for (l_1_section, l_1_html), l_1_loop in LoopContext((undefined(name='sections') if l_0_sections is missing else l_0_sections), undefined):
        _loop_vars = {}
        pass
        yield '<li><a href="#p-'
        yield escape(environment.getattr(l_1_loop, 'index'))
        yield '">'
        yield escape(environment.getattr(l_1_section, 'title'))
        yield '</a></li>'
    l_1_loop = l_1_section = l_1_html = missing
    yield '    <li><a href="#p-stats">主要数据</a></li>\n    <li><a href="#p-coverage">测评体系对照</a></li>\n'
    if (undefined(name='honours_html') if l_0_honours_html is missing else l_0_honours_html):
        pass
        yield '<li><a href="#p-honours">荣誉</a></li>'
    if (undefined(name='organization_html') if l_0_organization_html is missing else l_0_organization_html):
        pass
        yield '<li><a href="#p-organization">组织领导</a></li>'
    for (l_1_id, l_1_title, l_1_html) in (undefined(name='more') if l_0_more is missing else l_0_more):
        _loop_vars = {}
        pass
        yield '<li><a href="#p-'
        yield escape(l_1_id)
        yield '">'
        yield escape(l_1_title)
        yield '</a></li>'
    l_1_id = l_1_title = l_1_html = missing
    yield '    <li><a href="#p-appendix">附录：活动一览</a></li>\n  </ul>\n</nav>\n'
    l_1_loop = missing
    for (l_1_section, l_1_html), l_1_loop in LoopContext((undefined(name='sections') if l_0_sections is missing else l_0_sections), undefined):
        _loop_vars = {}
        pass
        yield '<section class="ws-print-part" id="p-'
        yield escape(environment.getattr(l_1_loop, 'index'))
        yield '">'
        if ('<h1' not in l_1_html):
            pass
            yield '<h1>'
            yield escape(environment.getattr(l_1_section, 'title'))
            yield '</h1>'
        yield escape(t_6(l_1_html))
        yield '</section>\n'
    l_1_loop = l_1_section = l_1_html = missing
    yield '<section class="ws-print-part" id="p-stats"><h1>主要数据</h1>'
    yield escape(t_6((undefined(name='stats_html') if l_0_stats_html is missing else l_0_stats_html)))
    yield '</section>\n<section class="ws-print-part" id="p-coverage"><h1>测评体系对照</h1>'
    yield escape(t_6((undefined(name='coverage_html') if l_0_coverage_html is missing else l_0_coverage_html)))
    yield '</section>\n'
    if (undefined(name='honours_html') if l_0_honours_html is missing else l_0_honours_html):
        pass
        yield '<section class="ws-print-part" id="p-honours"><h1>荣誉</h1>'
        yield escape(t_6((undefined(name='honours_html') if l_0_honours_html is missing else l_0_honours_html)))
        yield '</section>'
    if (undefined(name='organization_html') if l_0_organization_html is missing else l_0_organization_html):
        pass
        yield '<section class="ws-print-part" id="p-organization"><h1>组织领导</h1>'
        yield escape(t_6((undefined(name='organization_html') if l_0_organization_html is missing else l_0_organization_html)))
        yield '</section>'
    for (l_1_id, l_1_title, l_1_html) in (undefined(name='more') if l_0_more is missing else l_0_more):
        _loop_vars = {}
        pass
        yield '<section class="ws-print-part" id="p-'
        yield escape(l_1_id)
        yield '"><h1>'
        yield escape(l_1_title)
        yield '</h1>'
        yield escape(t_6(l_1_html))
        yield '</section>\n'
    l_1_id = l_1_title = l_1_html = missing
    yield '<section class="ws-print-part" id="p-appendix">\n  <h1>附录：活动一览</h1>\n  <p>本届共有活动纪实和活动记录 '
    yield escape(t_3((undefined(name='appendix') if l_0_appendix is missing else l_0_appendix)))
    yield ' 项（例行活动见“主要数据”），按时间排列'
    l_0_shown = t_3(t_4(context.eval_ctx, t_7(context, (undefined(name='appendix') if l_0_appendix is missing else l_0_appendix), 1)))
    context.vars['shown'] = l_0_shown
    context.exported_vars.add('shown')
    if ((undefined(name='shown') if l_0_shown is missing else l_0_shown) and ((undefined(name='shown') if l_0_shown is missing else l_0_shown) == t_3((undefined(name='appendix') if l_0_appendix is missing else l_0_appendix)))):
        pass
        yield '，每项附照片一张'
    elif (undefined(name='shown') if l_0_shown is missing else l_0_shown):
        pass
        yield '，其中 '
        yield escape((undefined(name='shown') if l_0_shown is missing else l_0_shown))
        yield ' 项附照片一张'
    yield '。</p>\n'
    for (l_1_a, l_1_shot) in (undefined(name='appendix') if l_0_appendix is missing else l_0_appendix):
        l_1_print_row = resolve('print_row')
        _loop_vars = {}
        pass
        def macro():
            t_9 = []
            l_2_t = resolve('t')
            l_2_photo_url = resolve('photo_url')
            pass
            t_9.append(
                '<article>',
            )
            if l_1_shot:
                pass
                l_2_t = context.call(environment.getattr(environment.getattr(l_1_shot, 'published'), 'output'), 't800j')
                t_9.extend((
                    '<img src="',
                    escape(context.call((undefined(name='photo_url') if l_2_photo_url is missing else l_2_photo_url), (undefined(name='t') if l_2_t is missing else l_2_t))),
                    '" width="',
                    escape(environment.getattr((undefined(name='t') if l_2_t is missing else l_2_t), 'width')),
                    '" height="',
                    escape(environment.getattr((undefined(name='t') if l_2_t is missing else l_2_t), 'height')),
                    '" alt="',
                    escape(environment.getattr(l_1_shot, 'alt')),
                    '">',
                ))
            t_9.extend((
                '<div><h2>',
                escape(environment.getattr(l_1_a, 'title')),
                '</h2><p>',
                escape(t_2(l_1_a)),
                ' · ',
                escape(environment.getattr(l_1_a, 'category')),
            ))
            if environment.getattr(l_1_a, 'department'):
                pass
                t_9.extend((
                    ' · ',
                    escape(environment.getattr(l_1_a, 'department')),
                ))
            if (not t_8(environment.getattr(l_1_a, 'participants'))):
                pass
                t_9.extend((
                    ' · ',
                    escape(t_5(environment.getattr(l_1_a, 'participants'))),
                    ' 人次',
                ))
            t_9.append(
                '</p>',
            )
            if environment.getattr(l_1_a, 'summary'):
                pass
                t_9.extend((
                    '<p>',
                    escape(environment.getattr(l_1_a, 'summary')),
                    '</p>',
                ))
            t_9.append(
                '</div></article>',
            )
            return concat(t_9)
        caller = Macro(environment, macro, None, (), False, False, False, context.eval_ctx.autoescape)
        yield context.call((undefined(name='print_row') if l_1_print_row is missing else l_1_print_row), l_1_a, l_1_shot, caller=caller, _loop_vars=_loop_vars)
        yield '\n'
    l_1_a = l_1_shot = l_1_print_row = missing
    yield '</section>\n</div>'

blocks = {}
debug_info = '15=71&16=74&17=76&18=80&19=82&24=87&27=97&28=100&29=103&33=114&34=118&36=129&37=131&38=133&39=138&40=143&43=155&48=169&49=173'
# print.html: generated by `python tools/compile_templates.py`, do not edit.
