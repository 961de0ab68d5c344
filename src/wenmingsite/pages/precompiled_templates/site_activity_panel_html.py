from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'activity_panel.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_panel = resolve('panel')
    try:
        t_1 = environment.filters['cn_date_range']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'cn_date_range' found.")
    try:
        t_2 = environment.filters['join']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'join' found.")
    try:
        t_3 = environment.filters['money']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'money' found.")
    try:
        t_4 = environment.filters['number']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No filter named 'number' found.")
    try:
        t_5 = environment.tests['none']
    except KeyError:
        @internalcode
        def t_5(*unused):
            raise TemplateRuntimeError("No test named 'none' found.")
    pass
    yield '<section class="ws-activity" aria-label="活动信息">\n  <dl class="ws-facts" data-search-exclude>\n'
    def t_6(fiter):
        for l_1_f in fiter:
            if (environment.getattr(environment.getattr(l_1_f, 'panel'), 'show') != 'paragraph'):
                yield l_1_f
    l_1_loop = missing
    for l_1_f, l_1_loop in LoopContext(t_6((undefined(name='panel') if l_0_panel is missing else l_0_panel)), undefined):
        l_1_a = resolve('a')
        l_1_page = resolve('page')
        l_1_category = resolve('category')
        l_1_criteria = resolve('criteria')
        l_1_v = l_1_show = missing
        _loop_vars = {}
        pass
        l_1_v = context.call(environment.getattr(l_1_f, 'value'), (undefined(name='a') if l_1_a is missing else l_1_a), _loop_vars=_loop_vars)
        _loop_vars['v'] = l_1_v
        l_1_show = environment.getattr(environment.getattr(l_1_f, 'panel'), 'show')
        _loop_vars['show'] = l_1_show
        if ((undefined(name='show') if l_1_show is missing else l_1_show) == 'date'):
            pass
            yield '    <div><dt>'
            yield escape(environment.getattr(environment.getattr(l_1_f, 'panel'), 'label'))
            yield '</dt><dd><time datetime="'
            yield escape(context.call(environment.getattr((undefined(name='v') if l_1_v is missing else l_1_v), 'isoformat'), _loop_vars=_loop_vars))
            yield '">'
            yield escape(t_1((undefined(name='a') if l_1_a is missing else l_1_a)))
            yield '</time></dd></div>\n'
        elif ((undefined(name='show') if l_1_show is missing else l_1_show) == 'category'):
            pass
            yield '    <div><dt>'
            yield escape(environment.getattr(environment.getattr(l_1_f, 'panel'), 'label'))
            yield '</dt><dd><a href="'
            yield escape(context.call((undefined(name='page') if l_1_page is missing else l_1_page), markup_join(('categories/', environment.getattr((undefined(name='category') if l_1_category is missing else l_1_category), 'slug'), '/index.md', )), _loop_vars=_loop_vars))
            yield '">'
            yield escape((undefined(name='v') if l_1_v is missing else l_1_v))
            yield '</a></dd></div>\n'
        elif ((undefined(name='show') if l_1_show is missing else l_1_show) == 'criteria'):
            pass
            if (undefined(name='criteria') if l_1_criteria is missing else l_1_criteria):
                pass
                yield '<div class="ws-facts__wide"><dt>'
                yield escape(environment.getattr(environment.getattr(l_1_f, 'panel'), 'label'))
                yield '</dt><dd>'
                l_2_loop = missing
                for l_2_c, l_2_loop in LoopContext((undefined(name='criteria') if l_1_criteria is missing else l_1_criteria), undefined):
                    _loop_vars = {}
                    pass
                    yield '<a href="'
                    yield escape(context.call((undefined(name='page') if l_1_page is missing else l_1_page), markup_join(('criteria/', environment.getattr(l_2_c, 'id'), '/index.md', )), _loop_vars=_loop_vars))
                    yield '">'
                    yield escape(environment.getattr(l_2_c, 'name'))
                    yield '</a>'
                    if (not environment.getattr(l_2_loop, 'last')):
                        pass
                        yield '、'
                l_2_loop = l_2_c = missing
                yield '</dd></div>'
        elif ((undefined(name='show') if l_1_show is missing else l_1_show) == 'number'):
            pass
            if (not t_5((undefined(name='v') if l_1_v is missing else l_1_v))):
                pass
                yield '<div><dt>'
                yield escape(environment.getattr(environment.getattr(l_1_f, 'panel'), 'label'))
                yield '</dt><dd>'
                yield escape(t_4((undefined(name='v') if l_1_v is missing else l_1_v)))
                yield ' '
                yield escape(environment.getattr(environment.getattr(l_1_f, 'panel'), 'unit'))
                yield '</dd></div>'
        elif ((undefined(name='show') if l_1_show is missing else l_1_show) == 'money'):
            pass
            if (not t_5((undefined(name='v') if l_1_v is missing else l_1_v))):
                pass
                yield '<div><dt>'
                yield escape(environment.getattr(environment.getattr(l_1_f, 'panel'), 'label'))
                yield '</dt><dd>'
                yield escape(t_3((undefined(name='v') if l_1_v is missing else l_1_v)))
                yield '</dd></div>'
        elif ((undefined(name='show') if l_1_show is missing else l_1_show) == 'list'):
            pass
            if (undefined(name='v') if l_1_v is missing else l_1_v):
                pass
                yield '<div><dt>'
                yield escape(environment.getattr(environment.getattr(l_1_f, 'panel'), 'label'))
                yield '</dt><dd>'
                yield escape(t_2(context.eval_ctx, (undefined(name='v') if l_1_v is missing else l_1_v), '、'))
                yield '</dd></div>'
        else:
            pass
            if (undefined(name='v') if l_1_v is missing else l_1_v):
                pass
                yield '<div><dt>'
                yield escape(environment.getattr(environment.getattr(l_1_f, 'panel'), 'label'))
                yield '</dt><dd>'
                yield escape((undefined(name='v') if l_1_v is missing else l_1_v))
                yield '</dd></div>'
    l_1_loop = l_1_f = l_1_a = l_1_v = l_1_show = l_1_page = l_1_category = l_1_criteria = missing
    yield '  </dl>\n'
    def t_7(fiter):
        for l_1_f in fiter:
            if (environment.getattr(environment.getattr(l_1_f, 'panel'), 'show') == 'paragraph'):
                yield l_1_f
    for l_1_f in t_7((undefined(name='panel') if l_0_panel is missing else l_0_panel)):
        l_1_a = resolve('a')
        l_1_v = missing
        _loop_vars = {}
        pass
        l_1_v = context.call(environment.getattr(l_1_f, 'value'), (undefined(name='a') if l_1_a is missing else l_1_a), _loop_vars=_loop_vars)
        _loop_vars['v'] = l_1_v
        if (undefined(name='v') if l_1_v is missing else l_1_v):
            pass
            yield '<p class="ws-summary">'
            yield escape((undefined(name='v') if l_1_v is missing else l_1_v))
            yield '</p>'
    l_1_f = l_1_a = l_1_v = missing
    yield '</section>'

blocks = {}
debug_info = '5=43&6=56&7=58&8=60&9=63&10=69&11=72&12=78&13=80&14=99&15=101&16=110&17=112&18=119&19=121&21=130&25=139&26=148&27=150'
# activity_panel.html: generated by `python tools/compile_templates.py`, do not edit.
