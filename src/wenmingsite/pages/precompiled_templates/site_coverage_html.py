from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'coverage.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_items = resolve('items')
    l_0_internal = resolve('internal')
    l_0_thin = resolve('thin')
    l_0_reference = resolve('reference')
    l_0_urls = resolve('urls')
    l_0_page = resolve('page')
    try:
        t_1 = environment.filters['cn_date']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'cn_date' found.")
    try:
        t_2 = environment.filters['int']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'int' found.")
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
    try:
        t_5 = environment.filters['present']
    except KeyError:
        @internalcode
        def t_5(*unused):
            raise TemplateRuntimeError("No filter named 'present' found.")
    pass
    yield '<p class="ws-lead">对照测评体系的 '
    yield escape(t_3((undefined(name='items') if l_0_items is missing else l_0_items)))
    yield ' 个项目，列出每一项的主题活动、例行活动、活动纪实、照片、汇报章节和制度文件。'
    if (undefined(name='internal') if l_0_internal is missing else l_0_internal):
        pass
        if (undefined(name='thin') if l_0_thin is missing else l_0_thin):
            pass
            yield '<strong>'
            yield escape((undefined(name='thin') if l_0_thin is missing else l_0_thin))
            yield ' 项证据不足</strong>，已标出原因。'
        else:
            pass
            yield '各项证据均已达到要求。'
    yield '统计截至 '
    yield escape(t_1((undefined(name='reference') if l_0_reference is missing else l_0_reference)))
    yield '。'
    if ('evidence/index.md' in (undefined(name='urls') if l_0_urls is missing else l_0_urls)):
        pass
        yield '逐项编号的材料清单见<a href="'
        yield escape(context.call((undefined(name='page') if l_0_page is missing else l_0_page), 'evidence/index.md'))
        yield '">佐证材料目录</a>。'
    yield '</p>\n'
    if (undefined(name='internal') if l_0_internal is missing else l_0_internal):
        pass
        yield '<p class="ws-internal-note">仅在编辑预览（mkdocs serve）中显示“待加强”和“证据不足”，正式网站不显示；迎检前可用 <code>wenming gaps</code> 列出。</p>'
    yield '<div class="ws-table-wrap" role="region" aria-label="测评项目佐证一览"><table class="ws-table ws-coverage ws-table--cards">\n  <caption>测评项目佐证一览</caption>\n  <thead><tr><th scope="col">测评项目</th><th scope="col">佐证材料</th><th scope="col">最近一次</th>'
    if (undefined(name='internal') if l_0_internal is missing else l_0_internal):
        pass
        yield '<th scope="col">状态</th>'
    yield '</tr></thead>\n  <tbody>\n'
    for l_1_c in (undefined(name='items') if l_0_items is missing else l_0_items):
        _loop_vars = {}
        pass
        yield '    <tr'
        if ((undefined(name='internal') if l_0_internal is missing else l_0_internal) and environment.getattr(l_1_c, 'thin')):
            pass
            yield ' class="ws-thin"'
        yield '>\n      <th scope="row"><a href="#'
        yield escape(environment.getattr(environment.getattr(l_1_c, 'criterion'), 'id'))
        yield '">'
        yield escape(environment.getattr(environment.getattr(l_1_c, 'criterion'), 'name'))
        yield '</a></th>\n      <td data-label="佐证材料" class="ws-coverage__evidence">'
        yield escape((t_5([(environment.getattr(l_1_c, 'themed'), '项主题活动'), (environment.getattr(l_1_c, 'routines'), '项例行活动'), (environment.getattr(l_1_c, 'photos'), '张照片'), (t_3(environment.getattr(l_1_c, 'documents')), '份制度文件'), (t_3(environment.getattr(l_1_c, 'sections')), '个汇报章节')]) or '—'))
        yield '</td>\n      <td data-label="最近一次">'
        if environment.getattr(l_1_c, 'last'):
            pass
            yield '<time datetime="'
            yield escape(context.call(environment.getattr(environment.getattr(l_1_c, 'last'), 'isoformat'), _loop_vars=_loop_vars))
            yield '">'
            yield escape(t_1(environment.getattr(l_1_c, 'last')))
            yield '</time>'
        else:
            pass
            yield '—'
        yield '</td>\n'
        if (undefined(name='internal') if l_0_internal is missing else l_0_internal):
            pass
            yield '<td data-label="状态">'
            if environment.getattr(l_1_c, 'thin'):
                pass
                yield '<span class="ws-status ws-status--thin">待加强</span>'
            else:
                pass
                yield '<span class="ws-status ws-status--ok">充足</span>'
            yield '</td>'
        yield '    </tr>\n'
    l_1_c = missing
    yield '  </tbody>\n</table></div>\n'
    l_1_loop = missing
    for l_1_c, l_1_loop in LoopContext((undefined(name='items') if l_0_items is missing else l_0_items), undefined):
        _loop_vars = {}
        pass
        yield '<section class="ws-criterion'
        if ((undefined(name='internal') if l_0_internal is missing else l_0_internal) and environment.getattr(l_1_c, 'thin')):
            pass
            yield ' ws-thin'
        yield '" id="'
        yield escape(environment.getattr(environment.getattr(l_1_c, 'criterion'), 'id'))
        yield '" aria-labelledby="'
        yield escape(environment.getattr(environment.getattr(l_1_c, 'criterion'), 'id'))
        yield '-h">\n  <h2 id="'
        yield escape(environment.getattr(environment.getattr(l_1_c, 'criterion'), 'id'))
        yield '-h">'
        yield escape(environment.getattr(l_1_loop, 'index'))
        yield '. '
        yield escape(environment.getattr(environment.getattr(l_1_c, 'criterion'), 'name'))
        if ((undefined(name='internal') if l_0_internal is missing else l_0_internal) and environment.getattr(l_1_c, 'thin')):
            pass
            yield ' <span class="ws-status ws-status--thin">待加强</span>'
        yield '</h2>\n'
        if environment.getattr(environment.getattr(l_1_c, 'criterion'), 'description'):
            pass
            yield '<p class="ws-note">'
            yield escape(environment.getattr(environment.getattr(l_1_c, 'criterion'), 'description'))
            yield '</p>'
        if ((undefined(name='internal') if l_0_internal is missing else l_0_internal) and environment.getattr(l_1_c, 'thin')):
            pass
            yield '<div class="admonition warning"><p class="admonition-title">证据不足</p><ul>'
            for l_2_g in environment.getattr(l_1_c, 'gaps'):
                _loop_vars = {}
                pass
                yield '<li>'
                yield escape(l_2_g)
                yield '</li>'
            l_2_g = missing
            yield '</ul></div>'
        yield '  <ul class="ws-evidence">\n'
        if (environment.getattr(l_1_c, 'themed') or environment.getattr(l_1_c, 'routines')):
            pass
            yield '<li>活动：<a href="'
            yield escape(context.call((undefined(name='page') if l_0_page is missing else l_0_page), markup_join(('criteria/', environment.getattr(environment.getattr(l_1_c, 'criterion'), 'id'), '/index.md', )), _loop_vars=_loop_vars))
            yield '">'
            yield escape(t_5([(environment.getattr(l_1_c, 'themed'), '项主题活动'), (environment.getattr(l_1_c, 'routines'), '项例行活动')], '，'))
            yield '</a>'
            if environment.getattr(l_1_c, 'routines'):
                pass
                yield '（例行活动共 '
                yield escape(t_4((environment.getattr(l_1_c, 'occurrences') - environment.getattr(l_1_c, 'themed'))))
                yield ' 次）'
            if (environment.getattr(l_1_c, 'pages') or environment.getattr(l_1_c, 'photos')):
                pass
                yield '，'
                yield escape(t_5([(environment.getattr(l_1_c, 'pages'), '篇活动纪实'), (environment.getattr(l_1_c, 'photos'), '张照片')], '，'))
            yield '</li>'
        if environment.getattr(l_1_c, 'latest'):
            pass
            yield '<li>近期主题活动：'
            l_2_loop = missing
            for l_2_r, l_2_loop in LoopContext(environment.getattr(l_1_c, 'latest'), undefined):
                l_2_rel = resolve('rel')
                _loop_vars = {}
                pass
                if environment.getattr(l_2_r, 'url'):
                    pass
                    yield '<a href="'
                    yield escape(context.call((undefined(name='rel') if l_2_rel is missing else l_2_rel), environment.getattr(l_2_r, 'url'), _loop_vars=_loop_vars))
                    yield '">'
                    yield escape(environment.getattr(l_2_r, 'title'))
                    yield '</a>'
                else:
                    pass
                    yield escape(environment.getattr(l_2_r, 'title'))
                yield '（<time datetime="'
                yield escape(environment.getattr(l_2_r, 'date'))
                yield '">'
                yield escape(t_2(environment.getattr(l_2_r, 'date')[:4]))
                yield '年'
                yield escape(t_2(environment.getattr(l_2_r, 'date')[5:7]))
                yield '月</time>）'
                if (not environment.getattr(l_2_loop, 'last')):
                    pass
                    yield '、'
            l_2_loop = l_2_r = l_2_rel = missing
            yield '</li>'
        if environment.getattr(l_1_c, 'sections'):
            pass
            yield '<li>汇报章节：'
            l_2_loop = missing
            for l_2_s, l_2_loop in LoopContext(environment.getattr(l_1_c, 'sections'), undefined):
                _loop_vars = {}
                pass
                yield '<a href="'
                yield escape(context.call((undefined(name='page') if l_0_page is missing else l_0_page), environment.getattr(l_2_s, 'page'), _loop_vars=_loop_vars))
                yield '">'
                yield escape(environment.getattr(l_2_s, 'title'))
                yield '</a>'
                if (not environment.getattr(l_2_loop, 'last')):
                    pass
                    yield '、'
            l_2_loop = l_2_s = missing
            yield '</li>'
        if environment.getattr(l_1_c, 'documents'):
            pass
            yield '<li>制度文件：'
            l_2_loop = missing
            for l_2_d, l_2_loop in LoopContext(environment.getattr(l_1_c, 'documents'), undefined):
                _loop_vars = {}
                pass
                yield escape(markup_join(('《', environment.getattr(l_2_d, 'title'), '》', )))
                if (not environment.getattr(l_2_loop, 'last')):
                    pass
                    yield '、'
            l_2_loop = l_2_d = missing
            yield '</li>'
        yield '  </ul>\n</section>\n'
    l_1_loop = l_1_c = missing

blocks = {}
debug_info = '4=48&5=69&8=73&10=77&11=81&12=85&13=89&14=91&15=102&20=116&21=120&22=128&23=137&24=142&26=154&27=171&28=201&29=218'
# coverage.html: generated by `python tools/compile_templates.py`, do not edit.
