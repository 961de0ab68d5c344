from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'honours.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_total = resolve('total')
    l_0_levels = resolve('levels')
    l_0_years = resolve('years')
    pass
    yield '<p class="ws-lead">共 '
    yield escape((undefined(name='total') if l_0_total is missing else l_0_total))
    yield ' 项荣誉：'
    def t_1(fiter):
        for (l_1_level, l_1_count) in fiter:
            if l_1_count:
                yield (l_1_level, l_1_count)
    l_1_loop = missing
    for (l_1_level, l_1_count), l_1_loop in LoopContext(t_1((undefined(name='levels') if l_0_levels is missing else l_0_levels)), undefined):
        _loop_vars = {}
        pass
        yield escape(l_1_level)
        yield ' '
        yield escape(l_1_count)
        yield ' 项'
        if (not environment.getattr(l_1_loop, 'last')):
            pass
            yield '，'
    l_1_loop = l_1_level = l_1_count = missing
    yield '。</p>\n'
    t_2 = 1
    for (l_1_year, l_1_items) in (undefined(name='years') if l_0_years is missing else l_0_years):
        _loop_vars = {}
        pass
        yield '<h2 id="y'
        yield escape(l_1_year)
        yield '">'
        yield escape(l_1_year)
        yield '年</h2>\n<ul class="ws-honours">\n'
        for l_2_h in l_1_items:
            l_2_shots = resolve('shots')
            l_2_t4 = resolve('t4')
            l_2_photo_url = resolve('photo_url')
            l_2_level_class = resolve('level_class')
            l_2_p = missing
            _loop_vars = {}
            pass
            yield '  <li class="ws-honour">\n'
            l_2_p = context.call(environment.getattr((undefined(name='shots') if l_2_shots is missing else l_2_shots), 'get'), environment.getattr(l_2_h, 'photo'), _loop_vars=_loop_vars)
            _loop_vars['p'] = l_2_p
            if (undefined(name='p') if l_2_p is missing else l_2_p):
                pass
                l_2_t4 = context.call(environment.getattr((undefined(name='p') if l_2_p is missing else l_2_p), 'output'), 't400', _loop_vars=_loop_vars)
                _loop_vars['t4'] = l_2_t4
                yield '    <a class="glightbox ws-honour__photo" href="'
                yield escape(context.call((undefined(name='photo_url') if l_2_photo_url is missing else l_2_photo_url), context.call(environment.getattr((undefined(name='p') if l_2_p is missing else l_2_p), 'output'), 'd1600', _loop_vars=_loop_vars), _loop_vars=_loop_vars))
                yield '" data-type="image" data-gallery="honours">\n      <span class="glightbox-desc" hidden>'
                yield escape(environment.getattr(l_2_h, 'title'))
                yield '证书</span>\n      <picture><source type="image/webp" srcset="'
                yield escape(context.call((undefined(name='photo_url') if l_2_photo_url is missing else l_2_photo_url), (undefined(name='t4') if l_2_t4 is missing else l_2_t4), _loop_vars=_loop_vars))
                yield '"><img src="'
                yield escape(context.call((undefined(name='photo_url') if l_2_photo_url is missing else l_2_photo_url), context.call(environment.getattr((undefined(name='p') if l_2_p is missing else l_2_p), 'output'), 't800j', _loop_vars=_loop_vars), _loop_vars=_loop_vars))
                yield '" width="'
                yield escape(environment.getattr((undefined(name='t4') if l_2_t4 is missing else l_2_t4), 'width'))
                yield '" height="'
                yield escape(environment.getattr((undefined(name='t4') if l_2_t4 is missing else l_2_t4), 'height'))
                yield '" alt="'
                yield escape(environment.getattr(l_2_h, 'title'))
                yield '证书" loading="lazy" decoding="async"></picture>\n    </a>\n'
            yield '    <div>\n      <p class="ws-honour__title">'
            yield escape(environment.getattr(l_2_h, 'title'))
            yield ' <span class="ws-level ws-level--'
            yield escape(environment.getitem((undefined(name='level_class') if l_2_level_class is missing else l_2_level_class), environment.getattr(l_2_h, 'level')))
            yield '">'
            yield escape(environment.getattr(l_2_h, 'level'))
            yield '</span>'
            if environment.getattr(l_2_h, 'pending'):
                pass
                yield '<span class="ws-pending">待审核</span>'
            yield '</p>\n      <p class="ws-tl__meta"><span>'
            yield escape(environment.getattr(l_2_h, 'year'))
            yield '年'
            if environment.getattr(l_2_h, 'month'):
                pass
                yield escape(environment.getattr(l_2_h, 'month'))
                yield '月'
            yield '</span><span>'
            yield escape(environment.getattr(l_2_h, 'awarded_by'))
            yield '</span></p>\n'
            if environment.getattr(l_2_h, 'note'):
                pass
                yield '<p class="ws-note">'
                yield escape(environment.getattr(l_2_h, 'note'))
                yield '</p>'
            yield '    </div>\n  </li>\n'
        l_2_h = l_2_shots = l_2_p = l_2_t4 = l_2_photo_url = l_2_level_class = missing
        yield '</ul>\n'
        t_2 = 0
    l_1_year = l_1_items = missing
    if t_2:
        pass
        yield '<p>还没有登记荣誉。</p>\n'

blocks = {}
debug_info = '2=15&3=35&4=39&6=43&8=52&9=54&10=59&11=61&12=63&16=74&17=84&18=93'
# honours.html: generated by `python tools/compile_templates.py`, do not edit.
