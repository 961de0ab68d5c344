from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'evidence_group.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_g = resolve('g')
    l_0_rel = resolve('rel')
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
        t_3 = environment.filters['number']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'number' found.")
    pass
    yield '<section class="ws-evidence" id="'
    yield escape(environment.getattr((undefined(name='g') if l_0_g is missing else l_0_g), 'anchor'))
    yield '" aria-labelledby="'
    yield escape(environment.getattr((undefined(name='g') if l_0_g is missing else l_0_g), 'anchor'))
    yield '-h">\n  <h2 id="'
    yield escape(environment.getattr((undefined(name='g') if l_0_g is missing else l_0_g), 'anchor'))
    yield '-h">'
    yield escape(environment.getattr((undefined(name='g') if l_0_g is missing else l_0_g), 'number'))
    yield '. '
    yield escape(environment.getattr((undefined(name='g') if l_0_g is missing else l_0_g), 'title'))
    yield '</h2>\n'
    if environment.getattr((undefined(name='g') if l_0_g is missing else l_0_g), 'criterion'):
        pass
        yield '<p class="ws-tl__meta">'
        if environment.getattr((undefined(name='g') if l_0_g is missing else l_0_g), 'themed'):
            pass
            yield '<span>主题活动 '
            yield escape(t_3(environment.getattr((undefined(name='g') if l_0_g is missing else l_0_g), 'themed')))
            yield ' 项</span>'
        if environment.getattr((undefined(name='g') if l_0_g is missing else l_0_g), 'routines'):
            pass
            yield '<span>例行活动 '
            yield escape(environment.getattr((undefined(name='g') if l_0_g is missing else l_0_g), 'routines'))
            yield ' 项（'
            yield escape(t_3(environment.getattr((undefined(name='g') if l_0_g is missing else l_0_g), 'occurrences')))
            yield ' 次）</span>'
        if environment.getattr((undefined(name='g') if l_0_g is missing else l_0_g), 'photos'):
            pass
            yield '<span>照片 '
            yield escape(t_3(environment.getattr((undefined(name='g') if l_0_g is missing else l_0_g), 'photos')))
            yield ' 张</span>'
        if environment.getattr((undefined(name='g') if l_0_g is missing else l_0_g), 'last'):
            pass
            yield '<span>最近一次 '
            yield escape(t_1(environment.getattr((undefined(name='g') if l_0_g is missing else l_0_g), 'last')))
            yield '</span>'
        if environment.getattr((undefined(name='g') if l_0_g is missing else l_0_g), 'url'):
            pass
            yield '<a href="'
            yield escape(context.call((undefined(name='rel') if l_0_rel is missing else l_0_rel), environment.getattr((undefined(name='g') if l_0_g is missing else l_0_g), 'url')))
            yield '">本项目的全部活动</a>'
        yield '</p>'
    if environment.getattr((undefined(name='g') if l_0_g is missing else l_0_g), 'sections'):
        pass
        yield '<p class="ws-note">对应汇报章节：'
        l_1_loop = missing
        for (l_1_title, l_1_url), l_1_loop in LoopContext(environment.getattr((undefined(name='g') if l_0_g is missing else l_0_g), 'sections'), undefined):
            _loop_vars = {}
            pass
            yield '<a href="'
            yield escape(context.call((undefined(name='rel') if l_0_rel is missing else l_0_rel), l_1_url, _loop_vars=_loop_vars))
            yield '">'
            yield escape(l_1_title)
            yield '</a>'
            if (not environment.getattr(l_1_loop, 'last')):
                pass
                yield '；'
        l_1_loop = l_1_title = l_1_url = missing
        yield '</p>'
    if environment.getattr((undefined(name='g') if l_0_g is missing else l_0_g), 'items'):
        pass
        yield '  <div class="ws-table-wrap" role="region" aria-label="'
        yield escape(environment.getattr((undefined(name='g') if l_0_g is missing else l_0_g), 'title'))
        yield '的佐证材料"><table class="ws-table ws-table--cards ws-evidence__table">\n    <thead><tr><th scope="col">编号</th><th scope="col">材料</th><th scope="col">日期</th><th scope="col">部门</th><th scope="col">数据</th></tr></thead>\n    <tbody>\n'
        for l_1_i in environment.getattr((undefined(name='g') if l_0_g is missing else l_0_g), 'items'):
            _loop_vars = {}
            pass
            yield '      <tr><th scope="row">'
            yield escape(environment.getattr(l_1_i, 'number'))
            yield '</th><td class="ws-evidence__item" data-label="材料"><a href="'
            yield escape(context.call((undefined(name='rel') if l_0_rel is missing else l_0_rel), environment.getattr(l_1_i, 'url'), _loop_vars=_loop_vars))
            yield '">'
            yield escape(environment.getattr(l_1_i, 'title'))
            yield '</a> <small>'
            yield escape(environment.getattr(l_1_i, 'label'))
            if environment.getattr(l_1_i, 'note'):
                pass
                yield ' · '
                yield escape(environment.getattr(l_1_i, 'note'))
            yield '</small></td><td data-label="日期">'
            yield escape(environment.getattr(l_1_i, 'when'))
            yield '</td><td data-label="部门">'
            yield escape((environment.getattr(l_1_i, 'department') or '—'))
            yield '</td><td data-label="数据">'
            yield escape((t_2(context.eval_ctx, environment.getattr(l_1_i, 'figures'), '，') or '—'))
            yield '</td></tr>\n'
        l_1_i = missing
        yield '    </tbody>\n  </table></div>\n'
    else:
        pass
        yield '  <p>'
        if environment.getattr((undefined(name='g') if l_0_g is missing else l_0_g), 'sections'):
            pass
            yield '除上面的汇报章节外，本届还没有对应这个项目的活动和文件。'
        else:
            pass
            yield '本届还没有对应这个项目的材料。'
        yield '</p>\n'
    yield '</section>'

blocks = {}
debug_info = '3=32&4=36&5=42&6=73&7=90&8=93&11=95&12=99&17=122'
# evidence_group.html: generated by `python tools/compile_templates.py`, do not edit.
