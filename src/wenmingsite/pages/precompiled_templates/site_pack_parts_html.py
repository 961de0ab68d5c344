from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'pack/parts.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_cover = l_0_evidence_intro = l_0_evidence_groups = missing
    try:
        t_1 = environment.filters['cn_date']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'cn_date' found.")
    try:
        t_2 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
    try:
        t_3 = environment.filters['number']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'number' found.")
    pass
    yield '\n'
    def macro(l_1_unit, l_1_kind, l_1_today, l_1_site_qr):
        t_4 = []
        l_1_chinese_date = resolve('chinese_date')
        if l_1_unit is missing:
            l_1_unit = undefined("parameter 'unit' was not provided", name='unit')
        if l_1_kind is missing:
            l_1_kind = undefined("parameter 'kind' was not provided", name='kind')
        if l_1_today is missing:
            l_1_today = undefined("parameter 'today' was not provided", name='today')
        if l_1_site_qr is missing:
            l_1_site_qr = undefined("parameter 'site_qr' was not provided", name='site_qr')
        pass
        t_4.extend((
            '<section class="cover">\n  <h1 class="cover__title">',
            escape(environment.getattr(l_1_unit, 'name')),
            '<br>',
            escape(l_1_kind),
            '</h1>\n  <p class="cover__term">创建周期：',
            escape(t_1(environment.getattr(l_1_unit, 'term_start'))),
            '至',
            escape(t_1(environment.getattr(l_1_unit, 'term_end'))),
            '</p>\n  <p class="cover__sign">',
            escape(environment.getattr(l_1_unit, 'name')),
            '</p>\n  <p class="cover__date">',
            escape(context.call((undefined(name='chinese_date') if l_1_chinese_date is missing else l_1_chinese_date), l_1_today)),
            '</p>\n',
        ))
        if l_1_site_qr:
            pass
            t_4.extend((
                '<div class="cover__qr"><img src="',
                escape(l_1_site_qr),
                '" alt=""><p>扫码访问创建展示网站</p></div>',
            ))
        t_4.append(
            '</section>\n',
        )
        return concat(t_4)
    context.exported_vars.add('cover')
    context.vars['cover'] = l_0_cover = Macro(environment, macro, 'cover', ('unit', 'kind', 'today', 'site_qr'), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_index):
        t_5 = []
        if l_1_index is missing:
            l_1_index = undefined("parameter 'index' was not provided", name='index')
        pass
        t_5.extend((
            '<div class="evidence-intro">\n<p>本目录按测评体系的顺序，逐项列出支撑各测评项目的制度文件、主题活动、例行活动和荣誉，统计范围为',
            escape(t_1(environment.getattr(l_1_index, 'start'))),
            '至',
            escape(t_1(environment.getattr(l_1_index, 'end'))),
            '，共',
            escape(t_2(environment.getattr(l_1_index, 'groups'))),
            '组、',
            escape(t_3(environment.getattr(l_1_index, 'items'))),
            '项。编号“6-3”表示第6个测评项目的第3项材料，与纸质佐证材料盒中的编号一致；同一项活动支撑多个测评项目时，在每个项目下各列一次。</p>\n<p>每个项目的表头印有该项目的测评内容和标准。“材料形式”说明这项材料以什么形式存在：纸质（印发的文件）、电子文件、网页（活动纪实）、照片、台账记录（活动记录和例行活动）、证书。“页码”是这项材料在《创建工作汇报材料》中的页码（活动一览、例行活动一览、制度文件和荣誉表中的那一行）。用手机扫描每项材料右侧的二维码，可以打开这项材料在展示网站上的页面（活动纪实的全文和照片；没有单独页面的活动记录和例行活动，打开它所在月份的创建动态）。</p>\n',
        ))
        if environment.getattr(l_1_index, 'outside'):
            pass
            t_5.extend((
                '<p>另有',
                escape(t_3(environment.getattr(l_1_index, 'outside'))),
                '项活动记录不在本届统计范围内，没有列入。</p>',
            ))
        t_5.append(
            '</div>\n',
        )
        return concat(t_5)
    context.exported_vars.add('evidence_intro')
    context.vars['evidence_intro'] = l_0_evidence_intro = Macro(environment, macro, 'evidence_intro', ('index',), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_index, l_1_tag):
        t_6 = []
        if l_1_index is missing:
            l_1_index = undefined("parameter 'index' was not provided", name='index')
        if l_1_tag is missing:
            l_1_tag = undefined("parameter 'tag' was not provided", name='tag')
        pass
        l_2_loop = missing
        for l_2_g, l_2_loop in LoopContext(environment.getattr(l_1_index, 'groups'), undefined):
            l_2_qr = resolve('qr')
            _loop_vars = {}
            pass
            t_6.extend((
                '<section class="group" id="ev-',
                escape(environment.getattr(l_2_g, 'anchor')),
                '">\n  <div class="keep">\n  <',
                escape(l_1_tag),
                ' id="ev-',
                escape(environment.getattr(l_2_g, 'anchor')),
                '-h">',
                escape(environment.getattr(l_2_g, 'number')),
                '. ',
                escape(environment.getattr(l_2_g, 'title')),
                '</',
                escape(l_1_tag),
                '>\n  <table class="group-head"><tr><td>\n',
            ))
            if environment.getattr(l_2_g, 'criterion'):
                pass
                t_6.extend((
                    '  <p class="group-meta"><span class="nowrap">主题活动 ',
                    escape(t_3(environment.getattr(l_2_g, 'themed'))),
                    ' 项</span>',
                ))
                if environment.getattr(l_2_g, 'routines'):
                    pass
                    t_6.extend((
                        ' · <span class="nowrap">例行活动 ',
                        escape(environment.getattr(l_2_g, 'routines')),
                        ' 项（',
                        escape(t_3(environment.getattr(l_2_g, 'occurrences'))),
                        ' 次）</span>',
                    ))
                if environment.getattr(l_2_g, 'photos'):
                    pass
                    t_6.extend((
                        ' · <span class="nowrap">照片 ',
                        escape(t_3(environment.getattr(l_2_g, 'photos'))),
                        ' 张</span>',
                    ))
                if environment.getattr(l_2_g, 'last'):
                    pass
                    t_6.extend((
                        ' · <span class="nowrap">最近一次 ',
                        escape(t_1(environment.getattr(l_2_g, 'last'))),
                        '</span>',
                    ))
                t_6.append(
                    '</p>\n',
                )
                if environment.getattr(l_2_g, 'sections'):
                    pass
                    t_6.append(
                        '<p class="group-meta">对应汇报章节：',
                    )
                    l_3_loop = missing
                    for (l_3_title, l_3_url), l_3_loop in LoopContext(environment.getattr(l_2_g, 'sections'), undefined):
                        l_3_page_of = resolve('page_of')
                        _loop_vars = {}
                        pass
                        t_6.extend((
                            escape(l_3_title),
                            escape(context.call((undefined(name='page_of') if l_3_page_of is missing else l_3_page_of), markup_join(('section:', l_3_url, )), '', '（第 {} 页）', _loop_vars=_loop_vars)),
                        ))
                        if (not environment.getattr(l_3_loop, 'last')):
                            pass
                            t_6.append(
                                '；',
                            )
                    l_3_loop = l_3_title = l_3_url = l_3_page_of = missing
                    t_6.append(
                        '</p>',
                    )
            else:
                pass
                t_6.append(
                    '  <p class="group-meta">以下材料没有登记对应的测评项目。需要时请在活动、制度文件的 criteria 中补上测评项目。</p>\n',
                )
            t_6.append(
                '  </td>',
            )
            if environment.getattr(l_2_g, 'url'):
                pass
                t_6.extend((
                    '<td class="group-qr"><img src="',
                    escape(context.call((undefined(name='qr') if l_2_qr is missing else l_2_qr), environment.getattr(l_2_g, 'url'), _loop_vars=_loop_vars)),
                    '" alt="">本项目全部活动</td>',
                ))
            t_6.append(
                '</tr></table>\n  </div>\n',
            )
            if environment.getattr(l_2_g, 'items'):
                pass
                t_6.append(
                    '  <table class="ev">\n    <colgroup><col class="no"><col><col class="form"><col class="page"><col class="pics"><col class="qr"></colgroup>\n    <thead>\n',
                )
                if environment.getattr(l_2_g, 'criterion'):
                    pass
                    t_6.extend((
                        '<tr><th class="standard" colspan="6">',
                        escape(environment.getattr(l_2_g, 'number')),
                        '. ',
                        escape(environment.getattr(l_2_g, 'title')),
                        '\u3000测评内容和标准：',
                        escape((environment.getattr(environment.getattr(l_2_g, 'criterion'), 'description') or '（data/criteria.yml 中没有写这个项目的说明）')),
                        '</th></tr>',
                    ))
                t_6.append(
                    '      <tr><th>编号</th><th>佐证材料（日期 · 部门 · 数据）</th><th>材料形式</th><th>页码</th><th>照片</th><th>网上查看</th></tr>\n    </thead>\n    <tbody>\n',
                )
                l_3_loop = missing
                for l_3_i, l_3_loop in LoopContext(environment.getattr(l_2_g, 'items'), undefined):
                    l_3_page_of = resolve('page_of')
                    _loop_vars = {}
                    pass
                    t_6.extend((
                        '      <tr>\n        <td class="no">',
                        escape(environment.getattr(l_3_i, 'number')),
                        '</td>\n        <td><span class="label">',
                        escape(environment.getattr(l_3_i, 'label')),
                        '</span><span class="title">',
                        escape(environment.getattr(l_3_i, 'title')),
                        '</span>\n          <br><span class="meta">',
                    ))
                    l_4_loop = missing
                    for l_4_part, l_4_loop in LoopContext(context.call(environment.getattr(environment.getattr(l_3_i, 'when'), 'split'), '至', _loop_vars=_loop_vars), undefined):
                        _loop_vars = {}
                        pass
                        t_6.extend((
                            '<span class="nowrap">',
                            escape(l_4_part),
                            '</span>',
                        ))
                        if (not environment.getattr(l_4_loop, 'last')):
                            pass
                            t_6.append(
                                '至',
                            )
                    l_4_loop = l_4_part = missing
                    if environment.getattr(l_3_i, 'department'):
                        pass
                        t_6.extend((
                            ' · ',
                            escape(environment.getattr(l_3_i, 'department')),
                        ))
                    if environment.getattr(l_3_i, 'note'):
                        pass
                        t_6.extend((
                            ' · ',
                            escape(environment.getattr(l_3_i, 'note')),
                        ))
                    l_4_loop = missing
                    for l_4_f, l_4_loop in LoopContext(environment.getattr(l_3_i, 'figures'), undefined):
                        _loop_vars = {}
                        pass
                        t_6.extend((
                            escape((' · ' if environment.getattr(l_4_loop, 'first') else '，')),
                            '<span class="nowrap">',
                            escape(l_4_f),
                            '</span>',
                        ))
                    l_4_loop = l_4_f = missing
                    t_6.append(
                        '</span></td>\n        <td class="form">',
                    )
                    for l_4_f in environment.getattr(l_3_i, 'forms'):
                        _loop_vars = {}
                        pass
                        t_6.extend((
                            '<span>',
                            escape(l_4_f),
                            '</span>',
                        ))
                    l_4_f = missing
                    t_6.extend((
                        '</td>\n        <td class="page">',
                        escape(context.call((undefined(name='page_of') if l_3_page_of is missing else l_3_page_of), environment.getattr(l_3_i, 'key'), '见网页', _loop_vars=_loop_vars)),
                        '</td>\n        <td class="pics">',
                    ))
                    for l_4_s in environment.getattr(l_3_i, 'photos')[:1]:
                        l_4_photo = resolve('photo')
                        _loop_vars = {}
                        pass
                        t_6.extend((
                            '<img src="',
                            escape(context.call((undefined(name='photo') if l_4_photo is missing else l_4_photo), l_4_s, _loop_vars=_loop_vars)),
                            '" alt="">',
                        ))
                    l_4_s = l_4_photo = missing
                    if (t_2(environment.getattr(l_3_i, 'photos')) > 1):
                        pass
                        t_6.extend((
                            '<br>共 ',
                            escape(t_2(environment.getattr(l_3_i, 'photos'))),
                            ' 张',
                        ))
                    t_6.extend((
                        '</td>\n        <td class="qr"><img src="',
                        escape(context.call((undefined(name='qr') if l_2_qr is missing else l_2_qr), environment.getattr(l_3_i, 'url'), _loop_vars=_loop_vars)),
                        '" alt=""></td>\n      </tr>\n',
                    ))
                l_3_loop = l_3_i = l_3_page_of = missing
                t_6.append(
                    '    </tbody>\n  </table>\n',
                )
            else:
                pass
                t_6.append(
                    '  <p class="group-meta">',
                )
                if environment.getattr(l_2_g, 'sections'):
                    pass
                    t_6.append(
                        '除上面的汇报章节外，本届还没有对应这个项目的活动和文件。',
                    )
                else:
                    pass
                    t_6.append(
                        '本届还没有对应这个项目的材料。',
                    )
                t_6.append(
                    '</p>\n',
                )
            t_6.append(
                '</section>\n',
            )
        l_2_loop = l_2_g = l_2_qr = missing
        return concat(t_6)
    context.exported_vars.add('evidence_groups')
    context.vars['evidence_groups'] = l_0_evidence_groups = Macro(environment, macro, 'evidence_groups', ('index', 'tag'), False, False, False, context.eval_ctx.autoescape)

blocks = {}
debug_info = '6=31&8=45&9=49&10=53&11=55&12=58&16=72&18=79&20=88&24=102&25=110&26=116&28=118&30=129&31=133&32=162&36=193&38=203&42=208&46=223&48=229&49=231&50=237&51=277&52=288&53=291&54=310&60=322'
# pack/parts.html: generated by `python tools/compile_templates.py`, do not edit.
