from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'volunteer.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_figures = resolve('figures')
    l_0_s_start = resolve('s_start')
    l_0_v = resolve('v')
    l_0_latest = resolve('latest')
    l_0_category_pages = resolve('category_pages')
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
    yield '<div class="ws-section">\n'
    if (undefined(name='figures') if l_0_figures is missing else l_0_figures):
        pass
        yield '<ul class="ws-keyfigs" aria-label="本届志愿服务数据">\n'
        if environment.getattr((undefined(name='figures') if l_0_figures is missing else l_0_figures), 'one_off'):
            pass
            yield '<li><span class="ws-keyfig"><strong>'
            yield escape(t_3(environment.getattr((undefined(name='figures') if l_0_figures is missing else l_0_figures), 'one_off')))
            yield '</strong> 项</span><span class="ws-keyfig__label">志愿服务活动</span>'
            if environment.getattr((undefined(name='figures') if l_0_figures is missing else l_0_figures), 'routine_occurrences'):
                pass
                yield '<span class="ws-keyfig__more">另有常态服务 '
                yield escape(t_3(environment.getattr((undefined(name='figures') if l_0_figures is missing else l_0_figures), 'routine_occurrences')))
                yield ' 次</span>'
            yield '</li>'
        elif environment.getattr((undefined(name='figures') if l_0_figures is missing else l_0_figures), 'routine_occurrences'):
            pass
            yield '<li><span class="ws-keyfig"><strong>'
            yield escape(t_3(environment.getattr((undefined(name='figures') if l_0_figures is missing else l_0_figures), 'routine_occurrences')))
            yield '</strong> 次</span><span class="ws-keyfig__label">常态志愿服务</span></li>'
        if environment.getattr((undefined(name='figures') if l_0_figures is missing else l_0_figures), 'participants'):
            pass
            yield '<li><span class="ws-keyfig"><strong>'
            yield escape(t_3(environment.getattr((undefined(name='figures') if l_0_figures is missing else l_0_figures), 'participants')))
            yield '</strong> 人次</span><span class="ws-keyfig__label">参与志愿服务</span></li>'
        if environment.getattr((undefined(name='figures') if l_0_figures is missing else l_0_figures), 'volunteer_hours'):
            pass
            yield '<li><span class="ws-keyfig"><strong>'
            yield escape(t_3(environment.getattr((undefined(name='figures') if l_0_figures is missing else l_0_figures), 'volunteer_hours')))
            yield '</strong> 小时</span><span class="ws-keyfig__label">志愿服务时长</span></li>'
        if environment.getattr((undefined(name='figures') if l_0_figures is missing else l_0_figures), 'members'):
            pass
            yield '<li><span class="ws-keyfig"><strong>'
            yield escape(t_3(environment.getattr((undefined(name='figures') if l_0_figures is missing else l_0_figures), 'members')))
            yield '</strong> 人</span><span class="ws-keyfig__label">注册志愿者</span></li>'
        yield '</ul>\n<p class="ws-note">数据为本届创建周期（<time datetime="'
        yield escape(context.call(environment.getattr((undefined(name='s_start') if l_0_s_start is missing else l_0_s_start), 'isoformat')))
        yield '">'
        yield escape(t_1((undefined(name='s_start') if l_0_s_start is missing else l_0_s_start)))
        yield '</time>起）'
        yield escape(t_2(context.eval_ctx, environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'categories'), '、'))
        yield '类活动的合计，与“数据统计”一致。</p>\n'
    yield '<h2 id="teams">志愿服务队伍</h2>\n<ul class="ws-cards">\n'
    for l_1_t in environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'teams'):
        _loop_vars = {}
        pass
        yield '  <li class="ws-card">\n    <p class="ws-card__title">'
        yield escape(environment.getattr(l_1_t, 'name'))
        yield '</p>\n'
        if ((environment.getattr(l_1_t, 'founded') or environment.getattr(l_1_t, 'members')) or environment.getattr(l_1_t, 'leader')):
            pass
            yield '<p class="ws-card__meta">'
            if environment.getattr(l_1_t, 'founded'):
                pass
                yield '<span>成立于 <time datetime="'
                yield escape(context.call(environment.getattr(environment.getattr(l_1_t, 'founded'), 'isoformat'), _loop_vars=_loop_vars))
                yield '">'
                yield escape(t_1(environment.getattr(l_1_t, 'founded')))
                yield '</time></span>'
            if environment.getattr(l_1_t, 'members'):
                pass
                yield '<span>队员 '
                yield escape(t_3(environment.getattr(l_1_t, 'members')))
                yield ' 人</span>'
            if environment.getattr(l_1_t, 'leader'):
                pass
                yield '<span>负责人：'
                yield escape(environment.getattr(l_1_t, 'leader'))
                yield '</span>'
            yield '</p>'
        if environment.getattr(l_1_t, 'description'):
            pass
            yield '<p>'
            yield escape(environment.getattr(l_1_t, 'description'))
            yield '</p>'
        yield '  </li>\n'
    l_1_t = missing
    yield '</ul>\n'
    if environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'projects'):
        pass
        yield '<h2 id="projects">服务项目</h2>\n<ul class="ws-cards">\n'
        for l_1_p in environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'projects'):
            _loop_vars = {}
            pass
            yield '  <li class="ws-card">\n    <p class="ws-card__title">'
            yield escape(environment.getattr(l_1_p, 'name'))
            yield '</p>\n    <p>'
            yield escape(environment.getattr(l_1_p, 'description'))
            yield '</p>\n'
            if ((environment.getattr(l_1_p, 'schedule') or environment.getattr(l_1_p, 'place')) or environment.getattr(l_1_p, 'partner')):
                pass
                yield '    <dl class="ws-card__facts">\n'
                if environment.getattr(l_1_p, 'schedule'):
                    pass
                    yield '<div><dt>服务时间</dt><dd>'
                    yield escape(environment.getattr(l_1_p, 'schedule'))
                    yield '</dd></div>'
                if environment.getattr(l_1_p, 'place'):
                    pass
                    yield '<div><dt>服务地点</dt><dd>'
                    yield escape(environment.getattr(l_1_p, 'place'))
                    yield '</dd></div>'
                if environment.getattr(l_1_p, 'partner'):
                    pass
                    yield '<div><dt>合作单位</dt><dd>'
                    yield escape(environment.getattr(l_1_p, 'partner'))
                    yield '</dd></div>'
                yield '    </dl>\n'
            yield '  </li>\n'
        l_1_p = missing
        yield '</ul>\n'
    if (undefined(name='latest') if l_0_latest is missing else l_0_latest):
        pass
        yield '<h2 id="latest">志愿服务动态</h2>\n<ul class="ws-latest">\n'
        for (l_1_a, l_1_cover) in (undefined(name='latest') if l_0_latest is missing else l_0_latest):
            l_1_t4 = resolve('t4')
            l_1_photo_url = resolve('photo_url')
            l_1_page = resolve('page')
            _loop_vars = {}
            pass
            yield '  <li>\n'
            if l_1_cover:
                pass
                l_1_t4 = context.call(environment.getattr(environment.getattr(l_1_cover, 'published'), 'output'), 't400', _loop_vars=_loop_vars)
                _loop_vars['t4'] = l_1_t4
                yield '    <picture class="ws-latest__thumb"><source type="image/webp" srcset="'
                yield escape(context.call((undefined(name='photo_url') if l_1_photo_url is missing else l_1_photo_url), (undefined(name='t4') if l_1_t4 is missing else l_1_t4), _loop_vars=_loop_vars))
                yield '"><img src="'
                yield escape(context.call((undefined(name='photo_url') if l_1_photo_url is missing else l_1_photo_url), context.call(environment.getattr(environment.getattr(l_1_cover, 'published'), 'output'), 't800j', _loop_vars=_loop_vars), _loop_vars=_loop_vars))
                yield '" width="'
                yield escape(environment.getattr((undefined(name='t4') if l_1_t4 is missing else l_1_t4), 'width'))
                yield '" height="'
                yield escape(environment.getattr((undefined(name='t4') if l_1_t4 is missing else l_1_t4), 'height'))
                yield '" alt="" loading="lazy" decoding="async"></picture>\n'
            yield '    <div class="ws-latest__body">\n      <p class="ws-latest__title"><a href="'
            yield escape(context.call((undefined(name='page') if l_1_page is missing else l_1_page), environment.getattr(l_1_a, 'page'), _loop_vars=_loop_vars))
            yield '">'
            yield escape(environment.getattr(l_1_a, 'title'))
            yield '</a></p>\n      <p class="ws-latest__meta"><time datetime="'
            yield escape(context.call(environment.getattr(environment.getattr(l_1_a, 'date'), 'isoformat'), _loop_vars=_loop_vars))
            yield '">'
            yield escape(t_1(environment.getattr(l_1_a, 'date')))
            yield '</time>'
            if environment.getattr(l_1_a, 'department'):
                pass
                yield '<span>'
                yield escape(environment.getattr(l_1_a, 'department'))
                yield '</span>'
            if environment.getattr(l_1_a, 'volunteer_hours'):
                pass
                yield '<span class="ws-nowrap">'
                yield escape(t_3(environment.getattr(l_1_a, 'volunteer_hours')))
                yield ' 小时</span>'
            yield '</p>\n    </div>\n  </li>\n'
        l_1_a = l_1_cover = l_1_t4 = l_1_photo_url = l_1_page = missing
        yield '</ul>\n'
        for (l_1_name, l_1_src) in (undefined(name='category_pages') if l_0_category_pages is missing else l_0_category_pages):
            l_1_page = resolve('page')
            _loop_vars = {}
            pass
            yield '<p><a class="md-button" href="'
            yield escape(context.call((undefined(name='page') if l_1_page is missing else l_1_page), l_1_src, _loop_vars=_loop_vars))
            yield '">查看全部'
            yield escape(l_1_name)
            yield '活动</a></p>'
        l_1_name = l_1_src = l_1_page = missing
    yield '</div>'

blocks = {}
debug_info = '5=35&7=38&8=54&9=59&10=64&12=70&16=77&18=81&19=83&20=104&24=112&27=115&29=119&30=121&31=123&33=126&34=131&35=136&42=145&45=148&47=155&48=160&51=169&52=173&57=190'
# volunteer.html: generated by `python tools/compile_templates.py`, do not edit.
