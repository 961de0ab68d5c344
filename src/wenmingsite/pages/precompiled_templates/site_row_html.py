from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'row.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_e = resolve('e')
    l_0_cover = resolve('cover')
    l_0_t4 = resolve('t4')
    l_0_root = resolve('root')
    l_0_photo_dir = resolve('photo_dir')
    l_0_look = resolve('look')
    l_0_category_url = resolve('category_url')
    l_0_mark = missing
    try:
        t_1 = environment.filters['entry_date']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'entry_date' found.")
    try:
        t_2 = environment.filters['format']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'format' found.")
    try:
        t_3 = environment.filters['join']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'join' found.")
    try:
        t_4 = environment.filters['number']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No filter named 'number' found.")
    pass
    included_template = environment.get_template('mark.html', 'row.html')._get_default_module(context)
    l_0_mark = getattr(included_template, 'mark', missing)
    if l_0_mark is missing:
        l_0_mark = undefined(f"the template {included_template.__name__!r} (imported on line 7 in 'row.html') does not export the requested name 'mark'", name='mark')
    context.vars['mark'] = l_0_mark
    context.exported_vars.discard('mark')
    yield '<li class="ws-tl__item ws-news__item" id="'
    yield escape(environment.getattr((undefined(name='e') if l_0_e is missing else l_0_e), 'anchor'))
    yield '" data-kind="themed" data-category="'
    yield escape(environment.getattr((undefined(name='e') if l_0_e is missing else l_0_e), 'category_slug'))
    yield '" data-criteria="'
    yield escape(t_3(context.eval_ctx, environment.getattr((undefined(name='e') if l_0_e is missing else l_0_e), 'criteria'), ' '))
    yield '" data-department="'
    yield escape((environment.getattr((undefined(name='e') if l_0_e is missing else l_0_e), 'department') or ''))
    yield '" data-count="'
    yield escape(environment.getattr((undefined(name='e') if l_0_e is missing else l_0_e), 'count'))
    yield '">\n<time class="ws-news__date" datetime="'
    yield escape(context.call(environment.getattr(environment.getattr((undefined(name='e') if l_0_e is missing else l_0_e), 'date'), 'isoformat')))
    yield '"><span class="ws-news__d" aria-hidden="true">'
    yield escape(environment.getattr(environment.getattr((undefined(name='e') if l_0_e is missing else l_0_e), 'date'), 'day'))
    yield '</span><span class="ws-news__ym" aria-hidden="true">'
    yield escape(environment.getattr(environment.getattr((undefined(name='e') if l_0_e is missing else l_0_e), 'date'), 'year'))
    yield '.'
    yield escape(t_2('%02d', environment.getattr(environment.getattr((undefined(name='e') if l_0_e is missing else l_0_e), 'date'), 'month')))
    yield '</span><span class="ws-news__full">'
    yield escape(t_1((undefined(name='e') if l_0_e is missing else l_0_e)))
    yield '</span></time>\n'
    if (undefined(name='cover') if l_0_cover is missing else l_0_cover):
        pass
        l_0_t4 = context.call(environment.getattr(environment.getattr((undefined(name='cover') if l_0_cover is missing else l_0_cover), 'published'), 'output'), 't400')
        context.vars['t4'] = l_0_t4
        context.exported_vars.add('t4')
        yield '<picture class="ws-news__thumb"><source type="image/webp" srcset="'
        yield escape((undefined(name='root') if l_0_root is missing else l_0_root))
        yield escape((undefined(name='photo_dir') if l_0_photo_dir is missing else l_0_photo_dir))
        yield '/'
        yield escape(environment.getattr((undefined(name='t4') if l_0_t4 is missing else l_0_t4), 'path'))
        yield '"><img src="'
        yield escape((undefined(name='root') if l_0_root is missing else l_0_root))
        yield escape((undefined(name='photo_dir') if l_0_photo_dir is missing else l_0_photo_dir))
        yield '/'
        yield escape(environment.getattr(context.call(environment.getattr(environment.getattr((undefined(name='cover') if l_0_cover is missing else l_0_cover), 'published'), 'output'), 't800j'), 'path'))
        yield '" width="'
        yield escape(environment.getattr((undefined(name='t4') if l_0_t4 is missing else l_0_t4), 'width'))
        yield '" height="'
        yield escape(environment.getattr((undefined(name='t4') if l_0_t4 is missing else l_0_t4), 'height'))
        yield '" alt="'
        yield escape((environment.getattr((undefined(name='cover') if l_0_cover is missing else l_0_cover), 'alt') or environment.getattr((undefined(name='e') if l_0_e is missing else l_0_e), 'title')))
        yield '" loading="lazy" decoding="async"></picture>'
    else:
        pass
        yield escape(context.call((undefined(name='mark') if l_0_mark is missing else l_0_mark), (undefined(name='look') if l_0_look is missing else l_0_look), environment.getattr((undefined(name='e') if l_0_e is missing else l_0_e), 'category'), 'ws-news__thumb', shared=True))
    yield '<div class="ws-news__body">\n<p class="ws-news__title ws-tl__title">'
    if environment.getattr((undefined(name='e') if l_0_e is missing else l_0_e), 'url'):
        pass
        yield '<a href="'
        yield escape((undefined(name='root') if l_0_root is missing else l_0_root))
        yield escape(environment.getattr((undefined(name='e') if l_0_e is missing else l_0_e), 'url'))
        yield '">'
        yield escape(environment.getattr((undefined(name='e') if l_0_e is missing else l_0_e), 'title'))
        yield '</a>'
    else:
        pass
        yield escape(environment.getattr((undefined(name='e') if l_0_e is missing else l_0_e), 'title'))
    if environment.getattr((undefined(name='e') if l_0_e is missing else l_0_e), 'pending'):
        pass
        yield '<span class="ws-pending">待审核</span>'
    yield '</p>\n'
    if environment.getattr((undefined(name='e') if l_0_e is missing else l_0_e), 'summary'):
        pass
        yield '<p class="ws-news__summary">'
        yield escape(environment.getattr((undefined(name='e') if l_0_e is missing else l_0_e), 'summary'))
        yield '</p>'
    yield '<p class="ws-news__meta ws-tl__meta">'
    if environment.getattr((undefined(name='e') if l_0_e is missing else l_0_e), 'department'):
        pass
        yield '<span class="ws-news__source">来源：'
        yield escape(environment.getattr((undefined(name='e') if l_0_e is missing else l_0_e), 'department'))
        yield '</span>'
    yield '<a class="ws-tag" href="'
    yield escape((undefined(name='root') if l_0_root is missing else l_0_root))
    yield escape((undefined(name='category_url') if l_0_category_url is missing else l_0_category_url))
    yield '">'
    yield escape(environment.getattr((undefined(name='e') if l_0_e is missing else l_0_e), 'category'))
    yield '</a>'
    if environment.getattr((undefined(name='e') if l_0_e is missing else l_0_e), 'participants'):
        pass
        yield '<span>'
        yield escape(t_4(environment.getattr((undefined(name='e') if l_0_e is missing else l_0_e), 'participants')))
        yield ' 人次</span>'
    yield '</p>\n</div>\n</li>'

blocks = {}
debug_info = '7=43&8=50&9=60&10=70&12=96&13=111&14=117'
# row.html: generated by `python tools/compile_templates.py`, do not edit.
