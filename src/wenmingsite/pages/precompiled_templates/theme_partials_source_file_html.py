from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'partials/source-file.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_page = resolve('page')
    l_0_updated = resolve('updated')
    l_0_created = resolve('created')
    l_0_git_info = resolve('git_info')
    l_0_committers = resolve('committers')
    l_0_render_updated = l_0_render_created = l_0_render_authors = l_0_render_committers_github = l_0_render_committers_gitlab = l_0_render_committers = missing
    try:
        t_1 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
    try:
        t_2 = environment.filters['replace']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'replace' found.")
    pass
    def macro(l_1_date):
        t_3 = []
        l_1_lang = resolve('lang')
        if l_1_date is missing:
            l_1_date = undefined("parameter 'date' was not provided", name='date')
        pass
        t_3.extend((
            '\n  <span class="md-source-file__fact">\n    <span class="md-icon" title="',
            str(context.call(environment.getattr((undefined(name='lang') if l_1_lang is missing else l_1_lang), 't'), 'source.file.date.updated')),
            '">\n      ',
        ))
        template = environment.get_template('.icons/material/clock-edit-outline.svg', 'partials/source-file.html')
        gen = template.root_render_func(template.new_context(context.get_all(), True, {'date': l_1_date, 'created': l_0_created, 'render_authors': l_0_render_authors, 'render_committers': l_0_render_committers, 'render_committers_github': l_0_render_committers_github, 'render_committers_gitlab': l_0_render_committers_gitlab, 'render_created': l_0_render_created, 'render_updated': l_0_render_updated, 'updated': l_0_updated}))
        try:
            for event in gen:
                t_3.append(event)
        finally: gen.close()
        t_3.extend((
            '\n    </span>\n    ',
            str(l_1_date),
            '\n  </span>\n',
        ))
        return concat(t_3)
    context.exported_vars.add('render_updated')
    context.vars['render_updated'] = l_0_render_updated = Macro(environment, macro, 'render_updated', ('date',), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_date):
        t_4 = []
        l_1_lang = resolve('lang')
        if l_1_date is missing:
            l_1_date = undefined("parameter 'date' was not provided", name='date')
        pass
        t_4.extend((
            '\n  <span class="md-source-file__fact">\n    <span class="md-icon" title="',
            str(context.call(environment.getattr((undefined(name='lang') if l_1_lang is missing else l_1_lang), 't'), 'source.file.date.created')),
            '">\n      ',
        ))
        template = environment.get_template('.icons/material/clock-plus-outline.svg', 'partials/source-file.html')
        gen = template.root_render_func(template.new_context(context.get_all(), True, {'date': l_1_date, 'created': l_0_created, 'render_authors': l_0_render_authors, 'render_committers': l_0_render_committers, 'render_committers_github': l_0_render_committers_github, 'render_committers_gitlab': l_0_render_committers_gitlab, 'render_created': l_0_render_created, 'render_updated': l_0_render_updated, 'updated': l_0_updated}))
        try:
            for event in gen:
                t_4.append(event)
        finally: gen.close()
        t_4.extend((
            '\n    </span>\n    ',
            str(l_1_date),
            '\n  </span>\n',
        ))
        return concat(t_4)
    context.exported_vars.add('render_created')
    context.vars['render_created'] = l_0_render_created = Macro(environment, macro, 'render_created', ('date',), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_authors):
        t_5 = []
        l_1_config = resolve('config')
        l_1_lang = resolve('lang')
        l_1_git_authors = missing
        if l_1_authors is missing:
            l_1_authors = undefined("parameter 'authors' was not provided", name='authors')
        pass
        t_5.append(
            '\n  ',
        )
        l_1_git_authors = environment.getitem(environment.getattr((undefined(name='config') if l_1_config is missing else l_1_config), 'plugins'), 'git-authors')
        t_5.extend((
            '\n  <span class="md-source-file__fact">\n    <span class="md-icon" title="',
            str(context.call(environment.getattr((undefined(name='lang') if l_1_lang is missing else l_1_lang), 't'), 'source.file.contributors')),
            '">\n      ',
        ))
        if (t_1(l_1_authors) == 1):
            pass
            t_5.append(
                '\n        ',
            )
            template = environment.get_template('.icons/material/account.svg', 'partials/source-file.html')
            gen = template.root_render_func(template.new_context(context.get_all(), True, {'authors': l_1_authors, 'git_authors': l_1_git_authors, 'created': l_0_created, 'render_authors': l_0_render_authors, 'render_committers': l_0_render_committers, 'render_committers_github': l_0_render_committers_github, 'render_committers_gitlab': l_0_render_committers_gitlab, 'render_created': l_0_render_created, 'render_updated': l_0_render_updated, 'updated': l_0_updated}))
            try:
                for event in gen:
                    t_5.append(event)
            finally: gen.close()
            t_5.append(
                '\n      ',
            )
        else:
            pass
            t_5.append(
                '\n        ',
            )
            template = environment.get_template('.icons/material/account-group.svg', 'partials/source-file.html')
            gen = template.root_render_func(template.new_context(context.get_all(), True, {'authors': l_1_authors, 'git_authors': l_1_git_authors, 'created': l_0_created, 'render_authors': l_0_render_authors, 'render_committers': l_0_render_committers, 'render_committers_github': l_0_render_committers_github, 'render_committers_gitlab': l_0_render_committers_gitlab, 'render_created': l_0_render_created, 'render_updated': l_0_render_updated, 'updated': l_0_updated}))
            try:
                for event in gen:
                    t_5.append(event)
            finally: gen.close()
            t_5.append(
                '\n      ',
            )
        t_5.append(
            '\n    </span>\n    <nav>\n      ',
        )
        l_2_loop = missing
        for l_2_author, l_2_loop in LoopContext(l_1_authors, undefined):
            _loop_vars = {}
            pass
            if environment.getattr(environment.getattr((undefined(name='git_authors') if l_1_git_authors is missing else l_1_git_authors), 'config'), 'show_email_address'):
                pass
                t_5.extend((
                    '\n        <a href="mailto:',
                    str(environment.getattr(l_2_author, 'email')),
                    '">',
                    str(environment.getattr(l_2_author, 'name')),
                    '</a>',
                ))
            else:
                pass
                t_5.append(
                    str(environment.getattr(l_2_author, 'name')),
                )
            if (environment.getattr(l_2_loop, 'revindex') > 1):
                pass
                t_5.append(
                    ', ',
                )
        l_2_loop = l_2_author = missing
        t_5.append(
            '\n    </nav>\n  </span>\n',
        )
        return concat(t_5)
    context.exported_vars.add('render_authors')
    context.vars['render_authors'] = l_0_render_authors = Macro(environment, macro, 'render_authors', ('authors',), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_title):
        t_6 = []
        l_1_lang = resolve('lang')
        if l_1_title is missing:
            l_1_title = undefined("parameter 'title' was not provided", name='title')
        pass
        t_6.extend((
            '\n  <span class="md-icon" title="',
            str(context.call(environment.getattr((undefined(name='lang') if l_1_lang is missing else l_1_lang), 't'), 'source.file.contributors')),
            '">\n    ',
        ))
        template = environment.get_template('.icons/material/github.svg', 'partials/source-file.html')
        gen = template.root_render_func(template.new_context(context.get_all(), True, {'title': l_1_title, 'created': l_0_created, 'render_authors': l_0_render_authors, 'render_committers': l_0_render_committers, 'render_committers_github': l_0_render_committers_github, 'render_committers_gitlab': l_0_render_committers_gitlab, 'render_created': l_0_render_created, 'render_updated': l_0_render_updated, 'updated': l_0_updated}))
        try:
            for event in gen:
                t_6.append(event)
        finally: gen.close()
        t_6.extend((
            '\n  </span>\n  <span>',
            str(l_1_title),
            '</span>\n',
        ))
        return concat(t_6)
    context.exported_vars.add('render_committers_github')
    context.vars['render_committers_github'] = l_0_render_committers_github = Macro(environment, macro, 'render_committers_github', ('title',), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_title):
        t_7 = []
        l_1_lang = resolve('lang')
        if l_1_title is missing:
            l_1_title = undefined("parameter 'title' was not provided", name='title')
        pass
        t_7.extend((
            '\n  <span class="md-icon" title="',
            str(context.call(environment.getattr((undefined(name='lang') if l_1_lang is missing else l_1_lang), 't'), 'source.file.contributors')),
            '">\n    ',
        ))
        template = environment.get_template('.icons/material/gitlab.svg', 'partials/source-file.html')
        gen = template.root_render_func(template.new_context(context.get_all(), True, {'title': l_1_title, 'created': l_0_created, 'render_authors': l_0_render_authors, 'render_committers': l_0_render_committers, 'render_committers_github': l_0_render_committers_github, 'render_committers_gitlab': l_0_render_committers_gitlab, 'render_created': l_0_render_created, 'render_updated': l_0_render_updated, 'updated': l_0_updated}))
        try:
            for event in gen:
                t_7.append(event)
        finally: gen.close()
        t_7.extend((
            '\n  </span>\n  <span>',
            str(l_1_title),
            '</span>\n',
        ))
        return concat(t_7)
    context.exported_vars.add('render_committers_gitlab')
    context.vars['render_committers_gitlab'] = l_0_render_committers_gitlab = Macro(environment, macro, 'render_committers_gitlab', ('title',), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_authors):
        t_8 = []
        l_1_committers_source = resolve('committers_source')
        l_1_more = missing
        if l_1_authors is missing:
            l_1_authors = undefined("parameter 'authors' was not provided", name='authors')
        pass
        t_8.append(
            '\n  <span class="md-source-file__fact">\n    ',
        )
        if ((undefined(name='committers_source') if l_1_committers_source is missing else l_1_committers_source) == 'gitlab'):
            pass
            t_8.extend((
                '\n      ',
                str(context.call((undefined(name='render_committers_gitlab') if l_0_render_committers_gitlab is missing else l_0_render_committers_gitlab), 'GitLab')),
                '\n    ',
            ))
        else:
            pass
            t_8.extend((
                '\n      ',
                str(context.call((undefined(name='render_committers_github') if l_0_render_committers_github is missing else l_0_render_committers_github), 'GitHub')),
                '\n    ',
            ))
        t_8.append(
            '\n    <nav>\n      ',
        )
        for l_2_author in l_1_authors[:4]:
            l_2_separator = missing
            _loop_vars = {}
            pass
            t_8.extend((
                '\n        <a href="',
                str(environment.getattr(l_2_author, 'url')),
                '" class="md-author" title="@',
                str(environment.getattr(l_2_author, 'login')),
                '">\n          ',
            ))
            l_2_separator = ('&' if ('?' in environment.getattr(l_2_author, 'avatar')) else '?')
            _loop_vars['separator'] = l_2_separator
            t_8.extend((
                '\n          <img src="',
                str(environment.getattr(l_2_author, 'avatar')),
                str((undefined(name='separator') if l_2_separator is missing else l_2_separator)),
                'size=72" alt="',
                str((environment.getattr(l_2_author, 'name') or 'GitHub user')),
                '">\n        </a>\n      ',
            ))
        l_2_author = l_2_separator = missing
        t_8.append(
            '\n      ',
        )
        l_1_more = t_1(l_1_authors[4:])
        t_8.append(
            '\n      ',
        )
        if ((undefined(name='more') if l_1_more is missing else l_1_more) > 0):
            pass
            t_8.append(
                '\n        ',
            )
            if environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'edit_url'):
                pass
                t_8.extend((
                    '\n          <a href="',
                    str(t_2(context.eval_ctx, environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'edit_url'), 'edit', 'blob')),
                    '" class="md-author md-author--more">\n            +',
                    str((undefined(name='more') if l_1_more is missing else l_1_more)),
                    '\n          </a>\n        ',
                ))
            else:
                pass
                t_8.extend((
                    '\n          <span class="md-author md-author--more">\n            +',
                    str((undefined(name='more') if l_1_more is missing else l_1_more)),
                    '\n          </span>\n        ',
                ))
            t_8.append(
                '\n      ',
            )
        t_8.append(
            '\n    </nav>\n  </span>\n',
        )
        return concat(t_8)
    context.exported_vars.add('render_committers')
    context.vars['render_committers'] = l_0_render_committers = Macro(environment, macro, 'render_committers', ('authors',), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    if environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'meta'):
        pass
        yield '\n  '
        if environment.getattr(environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'meta'), 'git_revision_date_localized'):
            pass
            yield '\n    '
            l_0_updated = environment.getattr(environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'meta'), 'git_revision_date_localized')
            context.vars['updated'] = l_0_updated
            context.exported_vars.add('updated')
            yield '\n  '
        elif environment.getattr(environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'meta'), 'revision_date'):
            pass
            yield '\n    '
            l_0_updated = environment.getattr(environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'meta'), 'revision_date')
            context.vars['updated'] = l_0_updated
            context.exported_vars.add('updated')
            yield '\n  '
        yield '\n  '
        if environment.getattr(environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'meta'), 'git_creation_date_localized'):
            pass
            yield '\n    '
            l_0_created = environment.getattr(environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'meta'), 'git_creation_date_localized')
            context.vars['created'] = l_0_created
            context.exported_vars.add('created')
            yield '\n  '
        yield '\n'
    yield '\n'
    if ((((undefined(name='updated') if l_0_updated is missing else l_0_updated) or (undefined(name='created') if l_0_created is missing else l_0_created)) or (undefined(name='git_info') if l_0_git_info is missing else l_0_git_info)) or (undefined(name='committers') if l_0_committers is missing else l_0_committers)):
        pass
        yield '\n  <aside class="md-source-file">\n    '
        if (undefined(name='updated') if l_0_updated is missing else l_0_updated):
            pass
            yield '\n      '
            yield str(context.call((undefined(name='render_updated') if l_0_render_updated is missing else l_0_render_updated), (undefined(name='updated') if l_0_updated is missing else l_0_updated)))
            yield '\n    '
        yield '\n    '
        if (undefined(name='created') if l_0_created is missing else l_0_created):
            pass
            yield '\n      '
            yield str(context.call((undefined(name='render_created') if l_0_render_created is missing else l_0_render_created), (undefined(name='created') if l_0_created is missing else l_0_created)))
            yield '\n    '
        yield '\n    '
        if (undefined(name='git_info') if l_0_git_info is missing else l_0_git_info):
            pass
            yield '\n      '
            yield str(context.call((undefined(name='render_authors') if l_0_render_authors is missing else l_0_render_authors), environment.getitem((undefined(name='git_info') if l_0_git_info is missing else l_0_git_info), 'page_authors')))
            yield '\n    '
        yield '\n    '
        if (undefined(name='committers') if l_0_committers is missing else l_0_committers):
            pass
            yield '\n      '
            yield str(context.call((undefined(name='render_committers') if l_0_render_committers is missing else l_0_render_committers), (undefined(name='committers') if l_0_committers is missing else l_0_committers)))
            yield '\n    '
        yield '\n  </aside>\n'

blocks = {}
debug_info = '4=29&6=37&7=40&9=48&12=55&14=63&15=66&17=74&20=81&21=92&23=95&24=98&25=103&27=117&31=130&32=133&33=137&34=139&37=145&39=147&44=160&45=168&46=171&48=179&50=186&51=194&52=197&54=205&56=212&58=222&59=226&61=233&64=239&65=245&66=250&67=254&70=264&71=268&72=273&73=277&74=279&78=286&85=299&86=302&87=305&88=309&89=312&91=317&92=320&95=326&97=329&98=332&100=335&101=338&103=341&104=344&106=347&107=350'
# partials/source-file.html: generated by `python tools/compile_templates.py`, do not edit.
