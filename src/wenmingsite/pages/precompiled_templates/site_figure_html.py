from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'figure.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_s = resolve('s')
    l_0_root = resolve('root')
    l_0_photo_dir = resolve('photo_dir')
    l_0_group = resolve('group')
    l_0_d = l_0_t4 = l_0_t8 = l_0_tj = l_0_r = missing
    try:
        t_1 = environment.filters['format']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'format' found.")
    try:
        t_2 = environment.filters['int']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'int' found.")
    try:
        t_3 = environment.filters['min']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'min' found.")
    try:
        t_4 = environment.filters['round']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No filter named 'round' found.")
    pass
    l_0_d = context.call(environment.getattr(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'published'), 'output'), 'd1600')
    context.vars['d'] = l_0_d
    context.exported_vars.add('d')
    l_0_t4 = context.call(environment.getattr(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'published'), 'output'), 't400')
    context.vars['t4'] = l_0_t4
    context.exported_vars.add('t4')
    l_0_t8 = context.call(environment.getattr(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'published'), 'output'), 't800')
    context.vars['t8'] = l_0_t8
    context.exported_vars.add('t8')
    l_0_tj = context.call(environment.getattr(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'published'), 'output'), 't800j')
    context.vars['tj'] = l_0_tj
    context.exported_vars.add('tj')
    l_0_r = environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'ratio')
    context.vars['r'] = l_0_r
    context.exported_vars.add('r')
    yield '<figure class="ws-photo" style="--r: '
    yield escape(t_1('%.4f', (undefined(name='r') if l_0_r is missing else l_0_r)))
    yield '">\n  <a class="glightbox" href="'
    yield escape((undefined(name='root') if l_0_root is missing else l_0_root))
    yield escape((undefined(name='photo_dir') if l_0_photo_dir is missing else l_0_photo_dir))
    yield '/'
    yield escape(environment.getattr((undefined(name='d') if l_0_d is missing else l_0_d), 'path'))
    yield '" data-type="image" data-gallery="'
    yield escape((undefined(name='group') if l_0_group is missing else l_0_group))
    yield '">    <span class="glightbox-desc" hidden>'
    yield escape((environment.getattr(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'photo'), 'caption') or environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'alt')))
    yield '</span>\n    <picture>\n      <source type="image/webp" srcset="'
    yield escape((undefined(name='root') if l_0_root is missing else l_0_root))
    yield escape((undefined(name='photo_dir') if l_0_photo_dir is missing else l_0_photo_dir))
    yield '/'
    yield escape(environment.getattr((undefined(name='t4') if l_0_t4 is missing else l_0_t4), 'path'))
    yield ' '
    yield escape(environment.getattr((undefined(name='t4') if l_0_t4 is missing else l_0_t4), 'width'))
    yield 'w, '
    yield escape((undefined(name='root') if l_0_root is missing else l_0_root))
    yield escape((undefined(name='photo_dir') if l_0_photo_dir is missing else l_0_photo_dir))
    yield '/'
    yield escape(environment.getattr((undefined(name='t8') if l_0_t8 is missing else l_0_t8), 'path'))
    yield ' '
    yield escape(environment.getattr((undefined(name='t8') if l_0_t8 is missing else l_0_t8), 'width'))
    yield 'w" sizes="(max-width: 37.5em) '
    yield escape(t_3(environment, [100, t_2(t_4(((undefined(name='r') if l_0_r is missing else l_0_r) * 50)))]))
    yield 'vw, '
    yield escape(t_2(t_4(((undefined(name='r') if l_0_r is missing else l_0_r) * 290))))
    yield 'px">\n      <img src="'
    yield escape((undefined(name='root') if l_0_root is missing else l_0_root))
    yield escape((undefined(name='photo_dir') if l_0_photo_dir is missing else l_0_photo_dir))
    yield '/'
    yield escape(environment.getattr((undefined(name='tj') if l_0_tj is missing else l_0_tj), 'path'))
    yield '" width="'
    yield escape(environment.getattr((undefined(name='tj') if l_0_tj is missing else l_0_tj), 'width'))
    yield '" height="'
    yield escape(environment.getattr((undefined(name='tj') if l_0_tj is missing else l_0_tj), 'height'))
    yield '" alt="'
    yield escape(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'alt'))
    yield '" loading="lazy" decoding="async">\n    </picture>\n  </a>\n'
    if environment.getattr(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'photo'), 'caption'):
        pass
        yield '<figcaption>'
        yield escape(environment.getattr(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'photo'), 'caption'))
        yield '</figcaption>'
    yield '</figure>'

blocks = {}
debug_info = '5=40&6=52&7=56&8=58&10=65&12=67&13=85&16=96'
# figure.html: generated by `python tools/compile_templates.py`, do not edit.
