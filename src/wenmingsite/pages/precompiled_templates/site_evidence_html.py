from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'evidence.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_index = resolve('index')
    try:
        t_1 = environment.filters['cn_date']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'cn_date' found.")
    try:
        t_2 = environment.filters['join']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'join' found.")
    try:
        t_3 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
    try:
        t_4 = environment.filters['number']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No filter named 'number' found.")
    pass
    yield '<p class="ws-lead">统计范围：<time datetime="'
    yield escape(context.call(environment.getattr(environment.getattr((undefined(name='index') if l_0_index is missing else l_0_index), 'start'), 'isoformat')))
    yield '">'
    yield escape(t_1(environment.getattr((undefined(name='index') if l_0_index is missing else l_0_index), 'start')))
    yield '</time>至<time datetime="'
    yield escape(context.call(environment.getattr(environment.getattr((undefined(name='index') if l_0_index is missing else l_0_index), 'end'), 'isoformat')))
    yield '">'
    yield escape(t_1(environment.getattr((undefined(name='index') if l_0_index is missing else l_0_index), 'end')))
    yield '</time>。共 '
    yield escape(t_3(environment.getattr((undefined(name='index') if l_0_index is missing else l_0_index), 'groups')))
    yield ' 组、'
    yield escape(t_4(environment.getattr((undefined(name='index') if l_0_index is missing else l_0_index), 'items')))
    yield ' 项佐证材料，编号“6-3”表示第 6 个测评项目的第 3 项材料，与纸质佐证材料盒的编号一致。</p>\n<ul class="ws-evidence-toc">\n'
    for l_1_g in environment.getattr((undefined(name='index') if l_0_index is missing else l_0_index), 'groups'):
        _loop_vars = {}
        pass
        yield '<li><a href="#'
        yield escape(environment.getattr(l_1_g, 'anchor'))
        yield '">'
        yield escape(environment.getattr(l_1_g, 'number'))
        yield '. '
        yield escape(environment.getattr(l_1_g, 'title'))
        yield '</a>'
        if environment.getattr(l_1_g, 'items'):
            pass
            yield '（'
            yield escape(t_3(environment.getattr(l_1_g, 'items')))
            yield ' 项）'
        yield '</li>\n'
    l_1_g = missing
    yield '</ul>\n'
    l_1_loop = missing
    for l_1_g, l_1_loop in LoopContext(environment.getattr((undefined(name='index') if l_0_index is missing else l_0_index), 'groups'), undefined):
        l_1_rel = resolve('rel')
        _loop_vars = {}
        pass
        yield '<section class="ws-evidence" id="'
        yield escape(environment.getattr(l_1_g, 'anchor'))
        yield '" aria-labelledby="'
        yield escape(environment.getattr(l_1_g, 'anchor'))
        yield '-h">\n  <h2 id="'
        yield escape(environment.getattr(l_1_g, 'anchor'))
        yield '-h">'
        yield escape(environment.getattr(l_1_g, 'number'))
        yield '. '
        yield escape(environment.getattr(l_1_g, 'title'))
        yield '</h2>\n'
        if environment.getattr(l_1_g, 'criterion'):
            pass
            yield '<p class="ws-tl__meta">'
            if environment.getattr(l_1_g, 'themed'):
                pass
                yield '<span>主题活动 '
                yield escape(t_4(environment.getattr(l_1_g, 'themed')))
                yield ' 项</span>'
            if environment.getattr(l_1_g, 'routines'):
                pass
                yield '<span>例行活动 '
                yield escape(environment.getattr(l_1_g, 'routines'))
                yield ' 项（'
                yield escape(t_4(environment.getattr(l_1_g, 'occurrences')))
                yield ' 次）</span>'
            if environment.getattr(l_1_g, 'photos'):
                pass
                yield '<span>照片 '
                yield escape(t_4(environment.getattr(l_1_g, 'photos')))
                yield ' 张</span>'
            if environment.getattr(l_1_g, 'last'):
                pass
                yield '<span>最近一次 '
                yield escape(t_1(environment.getattr(l_1_g, 'last')))
                yield '</span>'
            if environment.getattr(l_1_g, 'url'):
                pass
                yield '<a href="'
                yield escape(context.call((undefined(name='rel') if l_1_rel is missing else l_1_rel), environment.getattr(l_1_g, 'url'), _loop_vars=_loop_vars))
                yield '">本项目的全部活动</a>'
            yield '</p>'
        if environment.getattr(l_1_g, 'sections'):
            pass
            yield '<p class="ws-note">对应汇报章节：'
            l_2_loop = missing
            for (l_2_title, l_2_url), l_2_loop in LoopContext(environment.getattr(l_1_g, 'sections'), undefined):
                _loop_vars = {}
                pass
                yield '<a href="'
                yield escape(context.call((undefined(name='rel') if l_1_rel is missing else l_1_rel), l_2_url, _loop_vars=_loop_vars))
                yield '">'
                yield escape(l_2_title)
                yield '</a>'
                if (not environment.getattr(l_2_loop, 'last')):
                    pass
                    yield '；'
            l_2_loop = l_2_title = l_2_url = missing
            yield '</p>'
        if environment.getattr(l_1_g, 'items'):
            pass
            yield '  <div class="ws-table-wrap" role="region" aria-label="'
            yield escape(environment.getattr(l_1_g, 'title'))
            yield '的佐证材料"><table class="ws-table ws-table--cards ws-evidence__table">\n    <thead><tr><th scope="col">编号</th><th scope="col">材料</th><th scope="col">日期</th><th scope="col">部门</th><th scope="col">数据</th></tr></thead>\n    <tbody>\n'
            for l_2_i in environment.getattr(l_1_g, 'items'):
                _loop_vars = {}
                pass
                yield '      <tr><th scope="row">'
                yield escape(environment.getattr(l_2_i, 'number'))
                yield '</th><td class="ws-evidence__item" data-label="材料"><a href="'
                yield escape(context.call((undefined(name='rel') if l_1_rel is missing else l_1_rel), environment.getattr(l_2_i, 'url'), _loop_vars=_loop_vars))
                yield '">'
                yield escape(environment.getattr(l_2_i, 'title'))
                yield '</a> <small>'
                yield escape(environment.getattr(l_2_i, 'label'))
                if environment.getattr(l_2_i, 'note'):
                    pass
                    yield ' · '
                    yield escape(environment.getattr(l_2_i, 'note'))
                yield '</small></td><td data-label="日期">'
                yield escape(environment.getattr(l_2_i, 'when'))
                yield '</td><td data-label="部门">'
                yield escape((environment.getattr(l_2_i, 'department') or '—'))
                yield '</td><td data-label="数据">'
                yield escape((t_2(context.eval_ctx, environment.getattr(l_2_i, 'figures'), '，') or '—'))
                yield '</td></tr>\n'
            l_2_i = missing
            yield '    </tbody>\n  </table></div>\n'
        else:
            pass
            yield '  <p>'
            if environment.getattr(l_1_g, 'sections'):
                pass
                yield '除上面的汇报章节外，本届还没有对应这个项目的活动和文件。'
            else:
                pass
                yield '本届还没有对应这个项目的材料。'
            yield '</p>\n'
        yield '</section>\n'
    l_1_loop = l_1_g = l_1_rel = missing
    if environment.getattr((undefined(name='index') if l_0_index is missing else l_0_index), 'outside'):
        pass
        yield '<p class="ws-note">另有 '
        yield escape(t_4(environment.getattr((undefined(name='index') if l_0_index is missing else l_0_index), 'outside')))
        yield ' 项活动记录不在本届统计范围内，没有列入。</p>'

blocks = {}
debug_info = '3=37&5=49&8=68&9=73&10=77&11=83&12=114&13=131&14=134&17=136&18=140&23=163&27=172'
# evidence.html: generated by `python tools/compile_templates.py`, do not edit.
