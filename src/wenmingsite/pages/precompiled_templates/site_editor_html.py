from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'editor.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_rel = resolve('rel')
    l_0_style = resolve('style')
    l_0_max_side = resolve('max_side')
    l_0_layout = resolve('layout')
    l_0_labels = resolve('labels')
    l_0_closing = resolve('closing')
    l_0_rules_json = resolve('rules_json')
    l_0_script = resolve('script')
    l_0_ui = l_0_control = missing
    try:
        t_1 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
    try:
        t_2 = environment.filters['safe']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'safe' found.")
    try:
        t_3 = environment.filters['tojson']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'tojson' found.")
    pass
    l_0_ui = {'heic': '“{name}”是 HEIC 格式的照片，这个浏览器无法读取。请在手机上导出为 JPEG 后重新选择：iPhone 打开“设置 → 相机 → 格式”选“兼容性最佳”，以后拍的照片就是 JPEG；已经拍好的照片，在“设置 → 照片 → 传输到 Mac 或 PC”中选“自动”，再用数据线传到电脑，就是 JPEG。也可以在 iPhone 或 Mac 上用 Safari 打开本页，它能读取 HEIC。', 'unreadable': '“{name}”无法作为图片读取（不是图片，或文件没有传完整）。请移除它，重新选择手机里的原图（JPG、PNG 或 WebP）', 'processing': '正在处理照片 {i}/{n}：{name}……', 'processed': '{width}×{height} 像素，已摆正方向，已去掉拍摄地点等隐藏信息', 'busy': '照片还在处理，请等处理完再点“生成文件”', 'errors': '还有 {n} 处需要修改，已在对应位置用红字标出。', 'generated': '已生成 {zip}（{size}），浏览器已开始下载。请按下面“上传到网站”的步骤上传。', 'remove': '移除', 'caption_label': '第 {i} 张照片的说明', 'caption_hint': '一句话说明照片内容（视障读者也靠它了解照片）', 'photo_removed': '已移除第 {i} 张照片', 'own_criterion': '（类别自带）', 'name_placeholder': '日期-简短名称', 'year_placeholder': '年份'}
    context.vars['ui'] = l_0_ui
    context.exported_vars.add('ui')
    def macro(l_1_f):
        t_4 = []
        l_1_criteria = resolve('criteria')
        l_1_choices = resolve('choices')
        l_1_review = resolve('review')
        l_1_c = l_1_id = l_1_described = missing
        if l_1_f is missing:
            l_1_f = undefined("parameter 'f' was not provided", name='f')
        pass
        l_1_c = environment.getattr(l_1_f, 'control')
        l_1_id = markup_join(('ws-ed-', environment.getattr(l_1_f, 'name'), ))
        l_1_described = markup_join(((markup_join(((undefined(name='id') if l_1_id is missing else l_1_id), '-hint ', )) if environment.getattr((undefined(name='c') if l_1_c is missing else l_1_c), 'hint') else ''), (undefined(name='id') if l_1_id is missing else l_1_id), '-error', ))
        if (environment.getattr((undefined(name='c') if l_1_c is missing else l_1_c), 'widget') == 'checkboxes'):
            pass
            if (undefined(name='criteria') if l_1_criteria is missing else l_1_criteria):
                pass
                t_4.extend((
                    '<fieldset class="ws-ed-field ws-ed-criteria" aria-describedby="',
                    escape((undefined(name='id') if l_1_id is missing else l_1_id)),
                    '-hint">\n  <legend>',
                    escape(environment.getattr(l_1_f, 'label')),
                    '</legend>\n  <p class="ws-ed-hint" id="',
                    escape((undefined(name='id') if l_1_id is missing else l_1_id)),
                    '-hint">',
                    escape(environment.getattr((undefined(name='c') if l_1_c is missing else l_1_c), 'hint')),
                    '</p>\n  <div class="ws-ed-checks">\n',
                ))
                for l_2_item in (undefined(name='criteria') if l_1_criteria is missing else l_1_criteria):
                    _loop_vars = {}
                    pass
                    t_4.extend((
                        '  <label class="ws-ed-check"><input type="checkbox" name="',
                        escape(environment.getattr(l_1_f, 'name')),
                        '" value="',
                        escape(environment.getattr(l_2_item, 'id')),
                        '"> ',
                        escape(environment.getattr(l_2_item, 'name')),
                        '</label>\n',
                    ))
                l_2_item = missing
                t_4.append(
                    '  </div>\n</fieldset>\n',
                )
        elif (environment.getattr((undefined(name='c') if l_1_c is missing else l_1_c), 'widget') == 'checkbox'):
            pass
            t_4.extend((
                '<div class="ws-ed-field">\n  <label class="ws-ed-check"><input id="',
                escape((undefined(name='id') if l_1_id is missing else l_1_id)),
                '" name="',
                escape(environment.getattr(l_1_f, 'name')),
                '" type="checkbox"> ',
                escape(environment.getattr(l_1_f, 'label')),
                '：',
                escape(environment.getattr((undefined(name='c') if l_1_c is missing else l_1_c), 'hint')),
                '</label>\n</div>\n',
            ))
        else:
            pass
            t_4.extend((
                '<div class="ws-ed-field">\n  <label for="',
                escape((undefined(name='id') if l_1_id is missing else l_1_id)),
                '">',
                escape(environment.getattr(l_1_f, 'label')),
            ))
            if environment.getattr(l_1_f, 'required'):
                pass
                t_4.append(
                    '<span class="ws-ed-req">（必填）</span>',
                )
            t_4.append(
                '</label>\n',
            )
            if ((environment.getattr((undefined(name='c') if l_1_c is missing else l_1_c), 'widget') == 'select') or ((environment.getattr((undefined(name='c') if l_1_c is missing else l_1_c), 'widget') == 'select_or_text') and environment.getitem((undefined(name='choices') if l_1_choices is missing else l_1_choices), environment.getattr(l_1_f, 'name')))):
                pass
                t_4.extend((
                    '  <select id="',
                    escape((undefined(name='id') if l_1_id is missing else l_1_id)),
                    '" name="',
                    escape(environment.getattr(l_1_f, 'name')),
                    '"',
                ))
                if environment.getattr(l_1_f, 'required'):
                    pass
                    t_4.append(
                        ' required',
                    )
                t_4.extend((
                    ' aria-describedby="',
                    escape((undefined(name='described') if l_1_described is missing else l_1_described)),
                    '">\n    <option value="">',
                    escape(('（请选择）' if environment.getattr(l_1_f, 'required') else '（不填）')),
                    '</option>\n',
                ))
                for l_2_choice in environment.getitem((undefined(name='choices') if l_1_choices is missing else l_1_choices), environment.getattr(l_1_f, 'name')):
                    _loop_vars = {}
                    pass
                    t_4.extend((
                        '    <option value="',
                        escape(l_2_choice),
                        '">',
                        escape(l_2_choice),
                        '</option>\n',
                    ))
                l_2_choice = missing
                t_4.append(
                    '  </select>\n',
                )
            else:
                pass
                t_4.extend((
                    '  <input id="',
                    escape((undefined(name='id') if l_1_id is missing else l_1_id)),
                    '" name="',
                    escape(environment.getattr(l_1_f, 'name')),
                    '" type="text"',
                ))
                if environment.getattr((undefined(name='c') if l_1_c is missing else l_1_c), 'inputmode'):
                    pass
                    t_4.extend((
                        ' inputmode="',
                        escape(environment.getattr((undefined(name='c') if l_1_c is missing else l_1_c), 'inputmode')),
                        '"',
                    ))
                t_4.extend((
                    ' autocomplete="',
                    escape(environment.getattr((undefined(name='c') if l_1_c is missing else l_1_c), 'autocomplete')),
                    '"',
                ))
                if environment.getattr(l_1_f, 'required'):
                    pass
                    t_4.append(
                        ' required',
                    )
                if environment.getattr((undefined(name='c') if l_1_c is missing else l_1_c), 'placeholder'):
                    pass
                    t_4.extend((
                        ' placeholder="',
                        escape(environment.getattr((undefined(name='c') if l_1_c is missing else l_1_c), 'placeholder')),
                        '"',
                    ))
                t_4.extend((
                    ' aria-describedby="',
                    escape((undefined(name='described') if l_1_described is missing else l_1_described)),
                    '">\n',
                ))
            if environment.getattr((undefined(name='c') if l_1_c is missing else l_1_c), 'hint'):
                pass
                t_4.extend((
                    '  <p class="ws-ed-hint" id="',
                    escape((undefined(name='id') if l_1_id is missing else l_1_id)),
                    '-hint">',
                    escape(environment.getattr((undefined(name='c') if l_1_c is missing else l_1_c), 'hint')),
                ))
                if (undefined(name='review') if l_1_review is missing else l_1_review):
                    pass
                    t_4.append(
                        escape(environment.getattr((undefined(name='c') if l_1_c is missing else l_1_c), 'review_hint')),
                    )
                t_4.append(
                    '</p>\n',
                )
            t_4.extend((
                '  <p class="ws-ed-error" id="',
                escape((undefined(name='id') if l_1_id is missing else l_1_id)),
                '-error" hidden></p>\n</div>\n',
            ))
        return concat(t_4)
    context.exported_vars.add('control')
    context.vars['control'] = l_0_control = Macro(environment, macro, 'control', ('f',), False, False, False, context.eval_ctx.autoescape)
    yield '<link rel="stylesheet" href="'
    yield escape(context.call((undefined(name='rel') if l_0_rel is missing else l_0_rel), (undefined(name='style') if l_0_style is missing else l_0_style)))
    yield '">\n<p class="ws-lead">填好下面的活动信息，选好照片，点“生成文件”，会得到一个压缩包；按页面最下方的步骤把它上传到 GitHub，网站就会多出这项活动。不需要安装任何软件。</p>\n<p class="ws-ed-privacy">本页不联网：填写的内容和照片都只在这台电脑或手机上处理，不会发送到任何地方。照片会自动摆正方向、缩小到长边不超过 '
    yield escape((undefined(name='max_side') if l_0_max_side is missing else l_0_max_side))
    yield ' 像素，并去掉拍摄地点（GPS）、手机型号等隐藏信息。</p>\n<noscript><p class="ws-ed-error">这个页面需要浏览器允许运行脚本（JavaScript）。请换用电脑或手机上的 Chrome、Edge、Safari、Firefox 等浏览器打开。</p></noscript>\n\n<form id="ws-editor" class="ws-ed" novalidate hidden>\n'
    for l_1_group in (undefined(name='layout') if l_0_layout is missing else l_0_layout):
        _loop_vars = {}
        pass
        if (t_1(l_1_group) > 1):
            pass
            yield '<div class="ws-ed-row'
            yield escape((' ws-ed-row--3' if (t_1(l_1_group) == 3) else ''))
            yield '">\n'
        for l_2_f in l_1_group:
            _loop_vars = {}
            pass
            yield escape(context.call((undefined(name='control') if l_0_control is missing else l_0_control), l_2_f, _loop_vars=_loop_vars))
        l_2_f = missing
        if (t_1(l_1_group) > 1):
            pass
            yield '</div>\n'
    l_1_group = missing
    yield '<div class="ws-ed-field">\n  <label for="ws-ed-body">正文</label>\n  <textarea id="ws-ed-body" name="body" rows="8" aria-describedby="ws-ed-body-hint"></textarea>\n  <p class="ws-ed-hint" id="ws-ed-body-hint">活动的经过和成效。空一行另起一段。不要写群众和职工的个人手机号、身份证号。</p>\n</div>\n<div class="ws-ed-field">\n  <label for="ws-ed-photos">'
    yield escape(environment.getattr((undefined(name='labels') if l_0_labels is missing else l_0_labels), 'photos'))
    yield '</label>\n  <input id="ws-ed-photos" name="photos" type="file" multiple accept="image/jpeg,image/png,image/webp,image/heic,image/heif,.jpg,.jpeg,.png,.webp,.heic,.heif" aria-describedby="ws-ed-photos-hint">\n  <p class="ws-ed-hint" id="ws-ed-photos-hint">可以一次选多张手机里的原图（JPG、PNG、WebP；HEIC 要看浏览器能否读取）。每张照片都要写一句说明。</p>\n  <ol class="ws-ed-photos" id="ws-ed-photo-list"></ol>\n</div>\n'
    for l_1_f in (undefined(name='closing') if l_0_closing is missing else l_0_closing):
        _loop_vars = {}
        pass
        yield escape(context.call((undefined(name='control') if l_0_control is missing else l_0_control), l_1_f, _loop_vars=_loop_vars))
    l_1_f = missing
    yield '<p class="ws-ed-file">将生成的文件：<code id="ws-ed-filename">日期-简短名称.md</code></p>\n<p><button type="submit" class="md-button md-button--primary" id="ws-ed-generate">生成文件</button></p>\n<p class="ws-ed-status" id="ws-ed-status" role="status" aria-live="polite"></p>\n</form>\n\n<h2 id="ws-ed-upload">上传到网站</h2>\n<ol class="ws-ed-steps">\n  <li>点“生成文件”，浏览器会下载 <code data-ws-ed="zip">日期-简短名称.zip</code>。</li>\n  <li>解压这个压缩包。里面是活动文件 <code data-ws-ed="md">日期-简短名称.md</code> 和同名文件夹 <code data-ws-ed="folder">日期-简短名称/</code>（照片在文件夹里）。两样都要上传，不要改名。</li>\n  <li>用电脑浏览器打开本网站的 GitHub 仓库，进入文件夹 <code data-ws-ed="year">docs/activities/年份/</code>，点 “Add file → Upload files”。</li>\n  <li>把解压出来的 .md 文件和文件夹一起拖进上传区域（拖文件夹需要电脑上的 Chrome、Edge 或 Firefox；手机上的浏览器不能上传文件夹）。</li>\n  <li>在 “Commit changes” 下写一句说明，例如“新增活动”，点 “Commit changes”。几分钟后网站更新；如果有问题，GitHub 的 “Actions” 会标出出错的文件和行号，网站保持原样。</li>\n</ol>\n<p class="ws-ed-hint">还没有这一年的文件夹时：进入 <code>docs/activities/</code>，先在电脑上新建一个以年份命名的文件夹（例如 <code data-ws-ed="yearname">2026</code>），把 .md 文件和照片文件夹放进去，再把这个年份文件夹拖进上传区域。</p>\n\n<script type="application/json" id="ws-editor-rules">'
    yield escape(t_2((undefined(name='rules_json') if l_0_rules_json is missing else l_0_rules_json)))
    yield '</script>\n<script type="application/json" id="ws-editor-ui">'
    yield escape(t_3(context.eval_ctx, (undefined(name='ui') if l_0_ui is missing else l_0_ui)))
    yield '</script>\n<script src="'
    yield escape(context.call((undefined(name='rel') if l_0_rel is missing else l_0_rel), (undefined(name='script') if l_0_script is missing else l_0_script)))
    yield '" defer></script>'

blocks = {}
debug_info = '5=38&22=41&23=50&24=51&25=52&26=53&27=55&28=59&29=61&30=63&32=68&33=73&38=84&40=88&44=101&45=113&46=117&47=131&48=134&49=139&53=152&55=186&56=190&58=204&62=211&64=213&68=215&69=218&70=221&72=223&73=226&75=228&85=233&90=235&91=238&108=241&109=243&110=245'
# editor.html: generated by `python tools/compile_templates.py`, do not edit.
