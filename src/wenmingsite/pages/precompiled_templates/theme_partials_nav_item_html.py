from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'partials/nav-item.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_render_status = l_0_render_title = l_0_render_content = l_0_render_pruned = l_0_render = missing
    try:
        t_1 = environment.filters['first']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'first' found.")
    try:
        t_2 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
    try:
        t_3 = environment.filters['tojson']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'tojson' found.")
    try:
        t_4 = environment.filters['url']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No filter named 'url' found.")
    try:
        t_5 = environment.tests['none']
    except KeyError:
        @internalcode
        def t_5(*unused):
            raise TemplateRuntimeError("No test named 'none' found.")
    pass
    def macro(l_1_nav_item, l_1_type):
        t_6 = []
        l_1_config = resolve('config')
        l_1_class = missing
        if l_1_nav_item is missing:
            l_1_nav_item = undefined("parameter 'nav_item' was not provided", name='nav_item')
        if l_1_type is missing:
            l_1_type = undefined("parameter 'type' was not provided", name='type')
        pass
        t_6.append(
            '\n  ',
        )
        l_1_class = str_join(('md-status md-status--', l_1_type, ))
        t_6.append(
            '\n  ',
        )
        if (environment.getattr(environment.getattr((undefined(name='config') if l_1_config is missing else l_1_config), 'extra'), 'status') and environment.getitem(environment.getattr(environment.getattr((undefined(name='config') if l_1_config is missing else l_1_config), 'extra'), 'status'), l_1_type)):
            pass
            t_6.extend((
                '\n    <span class="',
                str((undefined(name='class') if l_1_class is missing else l_1_class)),
                '" title="',
                str(environment.getitem(environment.getattr(environment.getattr((undefined(name='config') if l_1_config is missing else l_1_config), 'extra'), 'status'), l_1_type)),
                '">\n    </span>\n  ',
            ))
        else:
            pass
            t_6.extend((
                '\n    <span class="',
                str((undefined(name='class') if l_1_class is missing else l_1_class)),
                '"></span>\n  ',
            ))
        t_6.append(
            '\n',
        )
        return concat(t_6)
    context.exported_vars.add('render_status')
    context.vars['render_status'] = l_0_render_status = Macro(environment, macro, 'render_status', ('nav_item', 'type'), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_nav_item):
        t_7 = []
        if l_1_nav_item is missing:
            l_1_nav_item = undefined("parameter 'nav_item' was not provided", name='nav_item')
        pass
        t_7.append(
            '\n  ',
        )
        if environment.getattr(l_1_nav_item, 'typeset'):
            pass
            t_7.extend((
                '\n    <span class="md-typeset">\n      ',
                str(environment.getattr(environment.getattr(l_1_nav_item, 'typeset'), 'title')),
                '\n    </span>\n  ',
            ))
        else:
            pass
            t_7.extend((
                '\n    ',
                str(environment.getattr(l_1_nav_item, 'title')),
                '\n  ',
            ))
        t_7.append(
            '\n',
        )
        return concat(t_7)
    context.exported_vars.add('render_title')
    context.vars['render_title'] = l_0_render_title = Macro(environment, macro, 'render_title', ('nav_item',), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_nav_item, l_1_ref):
        t_8 = []
        if l_1_nav_item is missing:
            l_1_nav_item = undefined("parameter 'nav_item' was not provided", name='nav_item')
        if l_1_ref is missing:
            l_1_ref = undefined("parameter 'ref' was not provided", name='ref')
        pass
        t_8.append(
            '\n  ',
        )
        l_1_ref = (l_1_ref or l_1_nav_item)
        t_8.append(
            '\n  ',
        )
        if (environment.getattr(l_1_nav_item, 'meta') and environment.getattr(environment.getattr(l_1_nav_item, 'meta'), 'icon')):
            pass
            t_8.append(
                '\n    ',
            )
            template = environment.get_or_select_template(str_join(('.icons/', environment.getattr(environment.getattr(l_1_nav_item, 'meta'), 'icon'), '.svg', )), 'partials/nav-item.html')
            gen = template.root_render_func(template.new_context(context.get_all(), True, {'nav_item': l_1_nav_item, 'ref': l_1_ref, 'render': l_0_render, 'render_content': l_0_render_content, 'render_pruned': l_0_render_pruned, 'render_status': l_0_render_status, 'render_title': l_0_render_title}))
            try:
                for event in gen:
                    t_8.append(event)
            finally: gen.close()
            t_8.append(
                '\n  ',
            )
        t_8.extend((
            '\n  <span class="md-ellipsis">\n    ',
            str(context.call((undefined(name='render_title') if l_0_render_title is missing else l_0_render_title), l_1_ref)),
            '\n    ',
        ))
        if (environment.getattr(l_1_nav_item, 'meta') and environment.getattr(environment.getattr(l_1_nav_item, 'meta'), 'subtitle')):
            pass
            t_8.extend((
                '\n      <br>\n      <small>',
                str(environment.getattr(environment.getattr(l_1_nav_item, 'meta'), 'subtitle')),
                '</small>\n    ',
            ))
        t_8.append(
            '\n  </span>\n  ',
        )
        if (environment.getattr(l_1_nav_item, 'meta') and environment.getattr(l_1_nav_item, 'encrypted')):
            pass
            t_8.extend((
                '\n    ',
                str(context.call((undefined(name='render_status') if l_0_render_status is missing else l_0_render_status), l_1_nav_item, 'encrypted')),
                '\n  ',
            ))
        t_8.append(
            '\n  ',
        )
        if (environment.getattr(l_1_nav_item, 'meta') and environment.getattr(environment.getattr(l_1_nav_item, 'meta'), 'status')):
            pass
            t_8.extend((
                '\n    ',
                str(context.call((undefined(name='render_status') if l_0_render_status is missing else l_0_render_status), l_1_nav_item, environment.getattr(environment.getattr(l_1_nav_item, 'meta'), 'status'))),
                '\n  ',
            ))
        t_8.append(
            '\n',
        )
        return concat(t_8)
    context.exported_vars.add('render_content')
    context.vars['render_content'] = l_0_render_content = Macro(environment, macro, 'render_content', ('nav_item', 'ref'), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_nav_item, l_1_ref):
        t_9 = []
        l_1_first = missing
        if l_1_nav_item is missing:
            l_1_nav_item = undefined("parameter 'nav_item' was not provided", name='nav_item')
        if l_1_ref is missing:
            l_1_ref = undefined("parameter 'ref' was not provided", name='ref')
        pass
        t_9.append(
            '\n  ',
        )
        l_1_ref = (l_1_ref or l_1_nav_item)
        t_9.append(
            '\n  ',
        )
        l_1_first = t_1(environment, environment.getattr(l_1_nav_item, 'children'))
        t_9.append(
            '\n  ',
        )
        if ((undefined(name='first') if l_1_first is missing else l_1_first) and environment.getattr((undefined(name='first') if l_1_first is missing else l_1_first), 'children')):
            pass
            t_9.extend((
                '\n    ',
                str(context.call((undefined(name='render_pruned') if l_0_render_pruned is missing else l_0_render_pruned), (undefined(name='first') if l_1_first is missing else l_1_first), l_1_ref)),
                '\n  ',
            ))
        else:
            pass
            t_9.extend((
                '\n    <a href="',
                str(t_4(context, environment.getattr((undefined(name='first') if l_1_first is missing else l_1_first), 'url'))),
                '" class="md-nav__link">\n      ',
                str(context.call((undefined(name='render_content') if l_0_render_content is missing else l_0_render_content), l_1_ref)),
                '\n      ',
            ))
            if (t_2(environment.getattr(l_1_nav_item, 'children')) > 0):
                pass
                t_9.append(
                    '\n        <span class="md-nav__icon md-icon"></span>\n      ',
                )
            t_9.append(
                '\n    </a>\n  ',
            )
        t_9.append(
            '\n',
        )
        return concat(t_9)
    context.exported_vars.add('render_pruned')
    context.vars['render_pruned'] = l_0_render_pruned = Macro(environment, macro, 'render_pruned', ('nav_item', 'ref'), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_nav_item, l_1_path, l_1_level, l_1_parent):
        t_10 = []
        l_1_page = resolve('page')
        l_1_namespace = resolve('namespace')
        l_1__ = resolve('_')
        l_1_features = resolve('features')
        l_1_index = resolve('index')
        l_1_is_section = resolve('is_section')
        l_1_is_pruned = resolve('is_pruned')
        l_1_checked = resolve('checked')
        l_1_indeterminate = resolve('indeterminate')
        l_1_tabindex = resolve('tabindex')
        l_1_toc = resolve('toc')
        l_1_first = resolve('first')
        l_1_class = missing
        if l_1_nav_item is missing:
            l_1_nav_item = undefined("parameter 'nav_item' was not provided", name='nav_item')
        if l_1_path is missing:
            l_1_path = undefined("parameter 'path' was not provided", name='path')
        if l_1_level is missing:
            l_1_level = undefined("parameter 'level' was not provided", name='level')
        if l_1_parent is missing:
            l_1_parent = undefined("parameter 'parent' was not provided", name='parent')
        pass
        t_10.append(
            '\n  ',
        )
        l_1_class = 'md-nav__item'
        t_10.append(
            '\n  ',
        )
        if environment.getattr(l_1_nav_item, 'active'):
            pass
            t_10.append(
                '\n    ',
            )
            l_1_class = str_join(((undefined(name='class') if l_1_class is missing else l_1_class), ' md-nav__item--active', ))
            t_10.append(
                '\n  ',
            )
        t_10.append(
            '\n  ',
        )
        if environment.getattr(l_1_nav_item, 'pages'):
            pass
            t_10.append(
                '\n    ',
            )
            if ((undefined(name='page') if l_1_page is missing else l_1_page) in environment.getattr(l_1_nav_item, 'pages')):
                pass
                t_10.append(
                    '\n      ',
                )
                l_1_nav_item = (undefined(name='page') if l_1_page is missing else l_1_page)
                t_10.append(
                    '\n    ',
                )
            t_10.append(
                '\n  ',
            )
        t_10.append(
            '\n  ',
        )
        if environment.getattr(l_1_nav_item, 'children'):
            pass
            t_10.append(
                '\n    ',
            )
            l_1__ = context.call((undefined(name='namespace') if l_1_namespace is missing else l_1_namespace), index=None)
            t_10.append(
                '\n    ',
            )
            if ('navigation.indexes' in (undefined(name='features') if l_1_features is missing else l_1_features)):
                pass
                t_10.append(
                    '\n      ',
                )
                for l_2_item in environment.getattr(l_1_nav_item, 'children'):
                    _loop_vars = {}
                    pass
                    t_10.append(
                        '\n        ',
                    )
                    if (environment.getattr(l_2_item, 'is_index') and t_5(environment.getattr((undefined(name='_') if l_1__ is missing else l_1__), 'index'))):
                        pass
                        t_10.append(
                            '\n          ',
                        )
                        if not isinstance(l_1__, Namespace):
                            raise TemplateRuntimeError("cannot assign attribute on non-namespace object")
                        l_1__['index'] = l_2_item
                        t_10.append(
                            '\n        ',
                        )
                    t_10.append(
                        '\n      ',
                    )
                l_2_item = missing
                t_10.append(
                    '\n    ',
                )
            t_10.append(
                '\n    ',
            )
            l_1_index = environment.getattr((undefined(name='_') if l_1__ is missing else l_1__), 'index')
            t_10.append(
                '\n    ',
            )
            if ('navigation.tabs' in (undefined(name='features') if l_1_features is missing else l_1_features)):
                pass
                t_10.append(
                    '\n      ',
                )
                if ((l_1_level == 1) and environment.getattr(l_1_nav_item, 'active')):
                    pass
                    t_10.append(
                        '\n        ',
                    )
                    l_1_class = str_join(((undefined(name='class') if l_1_class is missing else l_1_class), ' md-nav__item--section', ))
                    t_10.append(
                        '\n        ',
                    )
                    l_1_is_section = True
                    t_10.append(
                        '\n      ',
                    )
                t_10.append(
                    '\n      ',
                )
                if ('navigation.sections' in (undefined(name='features') if l_1_features is missing else l_1_features)):
                    pass
                    t_10.append(
                        '\n        ',
                    )
                    if ((l_1_level == 2) and environment.getattr(l_1_parent, 'active')):
                        pass
                        t_10.append(
                            '\n          ',
                        )
                        l_1_class = str_join(((undefined(name='class') if l_1_class is missing else l_1_class), ' md-nav__item--section', ))
                        t_10.append(
                            '\n          ',
                        )
                        l_1_is_section = True
                        t_10.append(
                            '\n        ',
                        )
                    t_10.append(
                        '\n      ',
                    )
                t_10.append(
                    '\n    ',
                )
            elif ('navigation.sections' in (undefined(name='features') if l_1_features is missing else l_1_features)):
                pass
                t_10.append(
                    '\n      ',
                )
                if (l_1_level == 1):
                    pass
                    t_10.append(
                        '\n        ',
                    )
                    l_1_class = str_join(((undefined(name='class') if l_1_class is missing else l_1_class), ' md-nav__item--section', ))
                    t_10.append(
                        '\n        ',
                    )
                    l_1_is_section = True
                    t_10.append(
                        '\n      ',
                    )
                t_10.append(
                    '\n    ',
                )
            t_10.append(
                '\n    ',
            )
            if ('navigation.prune' in (undefined(name='features') if l_1_features is missing else l_1_features)):
                pass
                t_10.append(
                    '\n      ',
                )
                if ((not (undefined(name='is_section') if l_1_is_section is missing else l_1_is_section)) and (not environment.getattr(l_1_nav_item, 'active'))):
                    pass
                    t_10.append(
                        '\n        ',
                    )
                    l_1_class = str_join(((undefined(name='class') if l_1_class is missing else l_1_class), ' md-nav__item--pruned', ))
                    t_10.append(
                        '\n        ',
                    )
                    l_1_is_pruned = True
                    t_10.append(
                        '\n      ',
                    )
                t_10.append(
                    '\n    ',
                )
            t_10.extend((
                '\n    <li class="',
                str((undefined(name='class') if l_1_class is missing else l_1_class)),
                ' md-nav__item--nested">\n      ',
            ))
            if (not (undefined(name='is_pruned') if l_1_is_pruned is missing else l_1_is_pruned)):
                pass
                t_10.append(
                    '\n        ',
                )
                l_1_checked = ('checked' if environment.getattr(l_1_nav_item, 'active') else cond_expr_undefined("the inline if-expression on line 100 in 'partials/nav-item.html' evaluated to false and no else section was defined."))
                t_10.append(
                    '\n        ',
                )
                if (('navigation.expand' in (undefined(name='features') if l_1_features is missing else l_1_features)) and (not (undefined(name='checked') if l_1_checked is missing else l_1_checked))):
                    pass
                    t_10.append(
                        '\n          ',
                    )
                    l_1_indeterminate = 'md-toggle--indeterminate'
                    t_10.append(
                        '\n        ',
                    )
                t_10.extend((
                    '\n        <input class="md-nav__toggle md-toggle ',
                    str((undefined(name='indeterminate') if l_1_indeterminate is missing else l_1_indeterminate)),
                    '" type="checkbox" id="',
                    str(l_1_path),
                    '" ',
                    str((undefined(name='checked') if l_1_checked is missing else l_1_checked)),
                    '>\n        ',
                ))
                if (not (undefined(name='index') if l_1_index is missing else l_1_index)):
                    pass
                    t_10.append(
                        '\n          ',
                    )
                    l_1_tabindex = ('0' if (not (undefined(name='is_section') if l_1_is_section is missing else l_1_is_section)) else cond_expr_undefined("the inline if-expression on line 106 in 'partials/nav-item.html' evaluated to false and no else section was defined."))
                    t_10.extend((
                        '\n          <label class="md-nav__link" for="',
                        str(l_1_path),
                        '" id="',
                        str(l_1_path),
                        '_label" tabindex="',
                        str((undefined(name='tabindex') if l_1_tabindex is missing else l_1_tabindex)),
                        '">\n            ',
                        str(context.call((undefined(name='render_content') if l_0_render_content is missing else l_0_render_content), l_1_nav_item)),
                        '\n            <span class="md-nav__icon md-icon"></span>\n          </label>\n        ',
                    ))
                else:
                    pass
                    t_10.append(
                        '\n          ',
                    )
                    l_1_class = ('md-nav__link--active' if ((undefined(name='index') if l_1_index is missing else l_1_index) == (undefined(name='page') if l_1_page is missing else l_1_page)) else cond_expr_undefined("the inline if-expression on line 112 in 'partials/nav-item.html' evaluated to false and no else section was defined."))
                    t_10.extend((
                        '\n          <div class="md-nav__link md-nav__container">\n            <a href="',
                        str(t_4(context, environment.getattr((undefined(name='index') if l_1_index is missing else l_1_index), 'url'))),
                        '" class="md-nav__link ',
                        str((undefined(name='class') if l_1_class is missing else l_1_class)),
                        '">\n              ',
                        str(context.call((undefined(name='render_content') if l_0_render_content is missing else l_0_render_content), (undefined(name='index') if l_1_index is missing else l_1_index), l_1_nav_item)),
                        '\n            </a>\n            ',
                    ))
                    if (t_2(environment.getattr(l_1_nav_item, 'children')) > 1):
                        pass
                        t_10.append(
                            '\n              ',
                        )
                        l_1_tabindex = ('0' if (not (undefined(name='is_section') if l_1_is_section is missing else l_1_is_section)) else cond_expr_undefined("the inline if-expression on line 118 in 'partials/nav-item.html' evaluated to false and no else section was defined."))
                        t_10.extend((
                            '\n              <label class="md-nav__link ',
                            str((undefined(name='class') if l_1_class is missing else l_1_class)),
                            '" for="',
                            str(l_1_path),
                            '" id="',
                            str(l_1_path),
                            '_label" tabindex="',
                            str((undefined(name='tabindex') if l_1_tabindex is missing else l_1_tabindex)),
                            '">\n                <span class="md-nav__icon md-icon"></span>\n              </label>\n            ',
                        ))
                    t_10.append(
                        '\n          </div>\n        ',
                    )
                t_10.extend((
                    '\n        <nav class="md-nav" data-md-level="',
                    str(l_1_level),
                    '" aria-labelledby="',
                    str(l_1_path),
                    '_label" aria-expanded="',
                    str(t_3(context.eval_ctx, environment.getattr(l_1_nav_item, 'active'))),
                    '">\n          <label class="md-nav__title" for="',
                    str(l_1_path),
                    '">\n            <span class="md-nav__icon md-icon"></span>\n            ',
                    str(context.call((undefined(name='render_title') if l_0_render_title is missing else l_0_render_title), l_1_nav_item)),
                    '\n          </label>\n          <ul class="md-nav__list" data-md-scrollfix>\n            ',
                ))
                l_2_loop = missing
                for l_2_item, l_2_loop in LoopContext(environment.getattr(l_1_nav_item, 'children'), undefined):
                    _loop_vars = {}
                    pass
                    t_10.append(
                        '\n              ',
                    )
                    if ((not (undefined(name='index') if l_1_index is missing else l_1_index)) or (l_2_item != (undefined(name='index') if l_1_index is missing else l_1_index))):
                        pass
                        t_10.extend((
                            '\n                ',
                            str(context.call((undefined(name='render') if l_0_render is missing else l_0_render), l_2_item, str_join((l_1_path, '_', environment.getattr(l_2_loop, 'index'), )), (l_1_level + 1), l_1_nav_item, _loop_vars=_loop_vars)),
                            '\n              ',
                        ))
                    t_10.append(
                        '\n            ',
                    )
                l_2_loop = l_2_item = missing
                t_10.append(
                    '\n          </ul>\n        </nav>\n      ',
                )
            else:
                pass
                t_10.extend((
                    '\n        ',
                    str(context.call((undefined(name='render_pruned') if l_0_render_pruned is missing else l_0_render_pruned), l_1_nav_item)),
                    '\n      ',
                ))
            t_10.append(
                '\n    </li>\n  ',
            )
        elif (l_1_nav_item == (undefined(name='page') if l_1_page is missing else l_1_page)):
            pass
            t_10.extend((
                '\n    <li class="',
                str((undefined(name='class') if l_1_class is missing else l_1_class)),
                '">\n      ',
            ))
            l_1_toc = environment.getattr((undefined(name='page') if l_1_page is missing else l_1_page), 'toc')
            t_10.append(
                '\n      <input class="md-nav__toggle md-toggle" type="checkbox" id="__toc">\n      ',
            )
            l_1_first = t_1(environment, (undefined(name='toc') if l_1_toc is missing else l_1_toc))
            t_10.append(
                '\n      ',
            )
            if ((undefined(name='first') if l_1_first is missing else l_1_first) and (environment.getattr((undefined(name='first') if l_1_first is missing else l_1_first), 'level') == 1)):
                pass
                t_10.append(
                    '\n        ',
                )
                l_1_toc = environment.getattr((undefined(name='first') if l_1_first is missing else l_1_first), 'children')
                t_10.append(
                    '\n      ',
                )
            t_10.append(
                '\n      ',
            )
            if (undefined(name='toc') if l_1_toc is missing else l_1_toc):
                pass
                t_10.extend((
                    '\n        <label class="md-nav__link md-nav__link--active" for="__toc">\n          ',
                    str(context.call((undefined(name='render_content') if l_0_render_content is missing else l_0_render_content), l_1_nav_item)),
                    '\n          <span class="md-nav__icon md-icon"></span>\n        </label>\n      ',
                ))
            t_10.extend((
                '\n      <a href="',
                str(t_4(context, environment.getattr(l_1_nav_item, 'url'))),
                '" class="md-nav__link md-nav__link--active">\n        ',
                str(context.call((undefined(name='render_content') if l_0_render_content is missing else l_0_render_content), l_1_nav_item)),
                '\n      </a>\n      ',
            ))
            if (undefined(name='toc') if l_1_toc is missing else l_1_toc):
                pass
                t_10.append(
                    '\n        ',
                )
                template = environment.get_template('partials/toc.html', 'partials/nav-item.html')
                gen = template.root_render_func(template.new_context(context.get_all(), True, {'_': l_1__, 'checked': l_1_checked, 'class': l_1_class, 'first': l_1_first, 'indeterminate': l_1_indeterminate, 'index': l_1_index, 'is_pruned': l_1_is_pruned, 'is_section': l_1_is_section, 'level': l_1_level, 'nav_item': l_1_nav_item, 'parent': l_1_parent, 'path': l_1_path, 'tabindex': l_1_tabindex, 'toc': l_1_toc, 'render': l_0_render, 'render_content': l_0_render_content, 'render_pruned': l_0_render_pruned, 'render_status': l_0_render_status, 'render_title': l_0_render_title}))
                try:
                    for event in gen:
                        t_10.append(event)
                finally: gen.close()
                t_10.append(
                    '\n      ',
                )
            t_10.append(
                '\n    </li>\n  ',
            )
        else:
            pass
            t_10.extend((
                '\n    <li class="',
                str((undefined(name='class') if l_1_class is missing else l_1_class)),
                '">\n      <a href="',
                str(t_4(context, environment.getattr(l_1_nav_item, 'url'))),
                '" class="md-nav__link">\n        ',
                str(context.call((undefined(name='render_content') if l_0_render_content is missing else l_0_render_content), l_1_nav_item)),
                '\n      </a>\n    </li>\n  ',
            ))
        t_10.append(
            '\n',
        )
        return concat(t_10)
    context.exported_vars.add('render')
    context.vars['render'] = l_0_render = Macro(environment, macro, 'render', ('nav_item', 'path', 'level', 'parent'), False, False, False, context.eval_ctx.autoescape)

blocks = {}
debug_info = '4=42&5=54&6=58&7=62&10=71&13=81&14=89&16=93&19=100&22=110&23=120&24=124&25=129&28=140&29=143&31=147&34=153&35=157&37=163&38=167&41=177&42=188&43=192&44=196&45=200&47=207&48=209&49=212&55=227&56=254&57=258&58=263&60=270&61=275&62=280&65=290&66=295&67=299&68=304&69=310&70=317&74=331&75=335&76=340&77=345&78=349&80=356&81=361&82=366&83=370&86=380&87=385&88=390&89=394&92=404&93=409&94=414&95=418&98=427&99=430&100=435&101=439&102=444&104=450&105=457&106=462&107=465&108=471&112=479&114=482&115=486&117=489&118=494&119=497&125=511&126=517&128=519&131=523&132=529&133=533&139=547&142=553&143=557&144=560&146=564&147=568&148=573&150=580&152=584&156=589&157=591&159=594&160=599&164=615&165=617&166=619'
# partials/nav-item.html: generated by `python tools/compile_templates.py`, do not edit.
