"""MkDocs glue for 文明创建展示站 — the only module that touches MkDocs objects.

Everything else lives in the ``wenmingsite`` package beside this file, which MkDocs
puts on ``sys.path`` only while this file is executed: import it here, at the top.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace
from typing import cast

import jinja2
from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Link, Section
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import TableOfContents

import wenmingsite
from wenmingsite import gate, images, loader, memo, share
from wenmingsite.records import Content
from wenmingsite.render import relative_url
from wenmingsite.segments import SegmentCache
from wenmingsite.site import PHOTOS_MARK, Site

log = get_plugin_logger("wenming")

REPORT_PLACEHOLDER = "report/"
ASSETS = Path(wenmingsite.__file__).parent / "assets"
ASSET_DIR = "assets/wenming"
SEARCH_CACHE_DIR = ".cache/search"
# Set WENMING_TODAY=YYYY-MM-DD to build as of another day (tests, reproducible builds).
TODAY_ENV = "WENMING_TODAY"
# WENMING_SEGMENT_CACHE=0 turns the segmentation cache off (to compare indexes);
# WENMING_NO_SEGMENTATION=1 skips Chinese segmentation altogether (benchmarks only).
SEGMENT_CACHE_ENV = "WENMING_SEGMENT_CACHE"
NO_SEGMENTATION_ENV = "WENMING_NO_SEGMENTATION"
# WENMING_INCREMENTAL=0 makes every `mkdocs serve` rebuild a full one (to compare).
# WENMING_PREVIEW=1 builds the editors' view (evidence gaps shown) as `mkdocs serve` does,
# e.g. a site for the staff preparing the inspection; never for the public site.
PREVIEW_ENV = "WENMING_PREVIEW"
INCREMENTAL_ENV = "WENMING_INCREMENTAL"
MEMO_TEMPLATE = "wenming-reused-output.html"


_site: Site | None = None  # the build in progress (see wenmingsite.site)
_lightbox: dict = {}  # way up to the root -> glightbox's (head, body) tags, per build
_command = "build"
_segments: SegmentCache | None = None  # kept across `mkdocs serve` rebuilds
_memo: memo.Memo | None = None  # idem, `mkdocs serve` only


@dataclass
class Incremental:
    """One serve rebuild's use of the memo (see wenmingsite.memo)."""

    memo: memo.Memo
    config_key: str
    search_index: object | None
    nav: object = None
    files: Files | None = None
    files_digest: str | None = None
    keys: dict = field(default_factory=dict)  # src -> output key
    reused: dict = field(default_factory=dict)  # src -> memo.Output
    search_start: dict = field(default_factory=dict)  # src -> index length before the page

    def files_key(self) -> str:
        if self.files_digest is None:
            self.files_digest = memo.digest("\n".join(f"{f.src_uri}\0{f.url}" for f in self.files or ()))
        return self.files_digest


_incremental: Incremental | None = None


class _Bytecode(jinja2.BytecodeCache):
    """Compiled theme templates kept in memory across serve rebuilds (the bucket carries
    the template source's checksum, so an edited override compiles again)."""

    def __init__(self) -> None:
        self.store: dict[str, bytes] = {}

    def load_bytecode(self, bucket) -> None:
        if (data := self.store.get(bucket.key)) is not None:
            bucket.bytecode_from_string(data)

    def dump_bytecode(self, bucket) -> None:
        self.store[bucket.key] = bucket.bytecode_to_string()


_bytecode = _Bytecode()


def on_startup(command, dirty):
    global _command, _memo
    _command = command
    if command == "serve" and os.environ.get(INCREMENTAL_ENV) != "0":
        _memo = memo.Memo()
    memo.keep_between_builds(_memo is not None)


def _today() -> dt.date:
    value = os.environ.get(TODAY_ENV)
    return dt.date.fromisoformat(value) if value else dt.date.today()


def on_config(config):
    global _site, _incremental
    _site = _incremental = None  # module globals survive serve rebuilds: start every build clean
    _lightbox.clear()
    try:
        import jieba  # noqa: F401 - Material's search silently skips segmentation without it
    except ImportError:
        raise PluginError(
            "没有安装中文分词库 jieba，站内搜索将几乎搜不到中文内容。"
            "请在项目文件夹运行 pip install -e . 安装全部依赖后重试"
        ) from None
    _cache_segmentation(config)
    css = f"{ASSET_DIR}/wenming.css"
    if css not in config.extra_css:
        config.extra_css.insert(0, css)
        script = ExtraScriptValue(f"{ASSET_DIR}/wenming.js")
        script.defer = True
        config.extra_javascript.append(script)
    if _memo is not None:
        _memo.start_build()
        search = config.plugins.get("material/search")
        _incremental = Incremental(
            _memo,
            memo.config_key(config.config_file_path, config.site_url, config.theme.custom_dir),
            getattr(search, "search_index", None),
        )
    return config


def _cache_segmentation(config) -> None:
    """Wrap the segmentation of Material's search index with our persistent cache."""
    global _segments
    plugin = config.plugins.get("material/search")
    index = getattr(plugin, "search_index", None)
    if index is None or not hasattr(index, "_segment_chinese"):
        return  # another search plugin, or a Material version that segments elsewhere
    if os.environ.get(NO_SEGMENTATION_ENV) == "1":
        index._segment_chinese = lambda text: text
        return
    if os.environ.get(SEGMENT_CACHE_ENV) == "0":
        _segments = None
        return
    if _segments is None:
        _segments = SegmentCache(Path(config.config_file_path).parent / SEARCH_CACHE_DIR)
    index._segment_chinese = _segments.wrap(index._segment_chinese)


def on_pre_build(config):
    """Load and validate everything before MkDocs wipes site/: a failed build keeps the
    last good site in place."""
    global _site
    root = Path(config.config_file_path).parent
    _site = Site(
        root,
        Path(config.docs_dir),
        root / "data",
        today=_today(),
        site_config=_gate_config(config),
        internal=_command == "serve" or os.environ.get(PREVIEW_ENV) == "1",
        serving=_command == "serve",
        photo_cache=images.PhotoCache(root / images.CACHE_DIR),
        memo=_memo is not None,
    )
    # MkDocs would find URL collisions and broken links only after wiping site/. Links are
    # errors where MkDocs makes them so (--strict); otherwise (serve, a plain build) MkDocs'
    # own warnings report them, as before.
    problems = _site.load(with_links=bool(config.strict))
    for notice in _site.notices:  # info, not warning: a notice must not fail --strict
        log.info(f"提示 {notice}")
    _fail_or_report(problems)
    import logging

    import jieba  # on_config made sure it is installed

    jieba.setLogLevel(logging.WARNING)  # its "Building prefix dict" lines are not for editors
    if _segments is not None:
        _segments.configure(wenmingsite.search_words(_site.content))  # jieba starts only on a miss
    elif os.environ.get(NO_SEGMENTATION_ENV) != "1":
        _teach_jieba(_site.content)


def _gate_config(config) -> gate.SiteConfig:
    """What the publication gate needs from this configuration (see wenmingsite.gate)."""
    ours = config.extra.get("wenming") if isinstance(config.extra.get("wenming"), dict) else {}
    status = config.extra.get("status") if isinstance(config.extra.get("status"), dict) else {}
    return gate.site_config(
        config.extra_css,
        config.extra_javascript,
        ours.get("publish_as_is") or [],
        config.theme.custom_dir,
        status.keys(),
        [e for e in config.markdown_extensions if isinstance(e, str)],
        config.mdx_configs,
    )


def _build() -> Site:
    """The build in progress (on_pre_build makes it before any other event needs it)."""
    if _site is None:
        raise PluginError("内部错误：文明创建展示站的构建状态缺失（on_pre_build 没有运行）。请重新运行构建")
    return _site


def _inc() -> Incremental:
    if _incremental is None:
        raise PluginError("内部错误：预览的增量重建状态缺失。请重新启动 mkdocs serve")
    return _incremental


def _fail_or_report(problems) -> None:
    for p in problems:
        log.error(str(p))
    if problems and _command != "serve":
        raise PluginError(
            f"内容共有 {len(_build().problems)} 处问题，网站没有生成。请按上面每一行的提示修改对应文件后重新构建。"
        )


def _teach_jieba(content: Content) -> None:
    """Keep domain words whole in the search index (the browser does not segment Chinese
    queries, so a query matches only tokens that start with it)."""
    import jieba  # checked in on_config; imported here so that plain imports stay fast

    for word in wenmingsite.search_words(content):
        jieba.add_word(word)


@event_priority(100)  # before search and other plugins see the files
def on_files(files: Files, config):
    site = _build()
    content = site.content
    _fail_or_report(site.publish_photos(progress=_photo_progress()))
    specs = site.page_specs()
    generated = [File.generated(config, s.src, content="", inclusion=InclusionLevel.NOT_IN_NAV) for s in specs]
    generated += [
        File.generated(config, f"{ASSET_DIR}/{p.name}", abs_src_path=str(p))
        for p in sorted(ASSETS.iterdir())
        if p.is_file()
    ]
    # One stylesheet for visitors, kept in parts by concern (assets/css/NN-name.css).
    generated.append(
        File.generated(
            config,
            f"{ASSET_DIR}/wenming.css",
            content="\n".join(p.read_text(encoding="utf-8") for p in sorted((ASSETS / "css").glob("*.css"))),
        )
    )
    generated += _finish(config)
    reserved = {f.dest_uri: f.src_uri for f in generated}
    reserved.update((dest, dest) for dest in site.photo_outputs)
    # Found before the build already (wenmingsite.links), unless the configuration's URLs differ.
    _fail_or_report(
        site.report(
            wenmingsite.url_collisions(
                ((f.src_uri, f.dest_uri) for f in files if not f.generated_by), site.docs_rel, reserved=reserved
            )
        )
    )

    for f in files.documentation_pages():
        if f.src_uri.startswith(f"{loader.ACTIVITIES_DIR}/"):
            # Activities stay out of the nav by design; don't list them as omitted.
            f.inclusion = InclusionLevel.NOT_IN_NAV
    if _command != "serve":
        for page in site.drafts():
            if draft := files.get_file_from_path(page):
                files.remove(draft)
    _through_gate(files, config)
    for f in generated:
        files.append(f)

    for line in site.bind({f.src_uri: f.url for f in files.documentation_pages()}):
        log.info(line)

    def converted(src: str) -> tuple[str, str] | None:
        found = files.get_file_from_path(src)
        if found is None or found.page is None:
            return None
        return found.page.content or "", found.page.url

    site.converted = converted
    for path, text in site.outputs(config.site_url, config.site_name).items():
        files.append(File.generated(config, path, content=text))
    if not config.site_url:
        log.info("mkdocs.yml 没有设置 site_url，本次不生成 RSS 订阅（feed.xml）")
    _expand_report_nav(config, content)
    if _incremental is not None:
        _incremental.files = files
        titled = set(_titled_nav_paths(config.nav or []))
        for f in files.documentation_pages():
            if f.page is None and f.src_uri not in titled:
                MemoPage(None, f, config)  # what MkDocs would make, plus the memo
    return files


def _through_gate(files: Files, config) -> None:
    """Only what the publication gate let through goes on from docs/, each file in its
    class's form: photos never as they are (their variants are linked in later), other
    images and SVG as their cleaned copies (wenmingsite.gate lists the classes)."""
    docs_dir = os.path.normpath(config.docs_dir)
    for f in list(files):
        if f.generated_by or os.path.normpath(f.src_dir or "") != docs_dir:
            continue  # the theme's own files and generated ones
        form = _build().published_form(f.src_uri)
        if form is not True:
            files.remove(f)
            if form:
                files.append(File.generated(config, f.src_uri, abs_src_path=str(form)))


def _titled_nav_paths(items):
    """Pages that nav gives a title of its own (MkDocs creates those pages itself)."""
    for item in items:
        if isinstance(item, dict):
            for value in item.values():
                if isinstance(value, str):
                    yield value
                elif isinstance(value, list):
                    yield from _titled_nav_paths(value)


class MemoPage(Page):
    """A page of `mkdocs serve` that reuses its last Markdown conversion when the text it
    converts (and, for text with links, the file list) is unchanged."""

    def render(self, config, files) -> None:
        inc, src = _inc(), self.file.src_uri
        key = inc.memo.conversion_key(src, self.markdown or "", inc.config_key, inc.files_key)
        if found := inc.memo.conversion(src, key):
            # memo.py imports no MkDocs: the table of contents it keeps is the one made here.
            self.content, self._title_from_render = found.content, found.title
            self.toc = cast(TableOfContents, found.toc)
            self.present_anchor_ids = set(found.anchors)
            return
        super().render(config, files)
        if not self.links_to_anchors:  # links into other pages are re-validated every time
            inc.memo.keep_conversion(
                src,
                memo.Conversion(
                    key, self.content or "", self.toc, self._title_from_render, set(self.present_anchor_ids or ())
                ),
            )


def _photo_progress():
    """The photo work's progress line, every two seconds on a large first build."""
    last = [0.0]

    def progress(done: int, total: int, elapsed: float) -> None:
        if total < 20 or (elapsed - last[0] < 2 and done < total):
            return
        last[0] = elapsed
        rate = done / elapsed if elapsed else 0
        left = (total - done) / rate if rate else 0
        log.info(f"正在处理照片：{done}/{total}，每秒 {rate:.1f} 张，预计还需 {left:.0f} 秒")

    return progress


def _expand_report_nav(config, content: Content) -> None:
    """Replace the ``report/`` entry of nav with the report sections in their order."""

    def expand(items):
        out = []
        for item in items:
            if isinstance(item, dict):
                ((title, value),) = item.items()
                if value == REPORT_PLACEHOLDER:
                    value = [{s.title: s.page} for s in content.report]
                elif isinstance(value, list):
                    value = expand(value)
                out.append({title: value})
            else:
                out.append(item)
        return out

    if config.nav:
        config.nav = expand(config.nav)


def on_page_read_source(page, config):
    """Serve the body we already read: MkDocs must not re-parse front matter it would
    silently get wrong, nor read a non-UTF-8 file and crash."""
    if _site is None:
        return None
    meta = _site.content.pages.get(page.file.src_uri)
    if meta is None:
        return None
    # The leading blank line stops MkDocs from taking a first "Key: value" line as meta.
    return "\n" + meta.body


def on_page_markdown(markdown, page, config, files):
    if _site is not None and (meta := _site.page_meta(page.file.src_uri, markdown)) is not None:
        page.meta = meta
    return markdown


def on_page_content(html_text, page, config, files):
    if _site is None:
        return html_text
    return _site.decorate(page.file.src_uri, page.url, html_text, is_homepage=page.is_homepage)


def _finish(config) -> list[File]:
    """Icons from the unit's logo, share metadata and footer details for the theme
    templates (``config.extra.wenming_site``, see wenmingsite.share); the icon files."""
    finish = _build().finish(config.site_name, config.site_url)
    if finish.plain_icon:
        log.info(
            "没有找到中文字体，网站图标（favicon）画成了不带文字的主题色圆标。"
            "安装 fonts-noto-cjk 等中文字体后重新构建，图标上会显示单位名称的第一个字"
        )
    config.extra["wenming_site"] = finish.context
    if _incremental is not None:  # every page's head and footer show these: part of each page's key
        shared = {k: v for k, v in finish.context.items() if k != "pages"}  # a page's own photo is in its key already
        _incremental.config_key = memo.digest(
            _incremental.config_key, json.dumps(shared, ensure_ascii=False, sort_keys=True)
        )
    return [File.generated(config, f"{share.ICON_DIR}/{name}", content=data) for name, data in finish.icons.items()]


def on_nav(nav, config, files):
    if _incremental is not None:
        _incremental.nav = nav
    return nav


def _nav_state(items) -> list:
    out = []
    for item in items:
        if isinstance(item, Section):
            out.append(["S", item.title, _nav_state(item.children)])
        elif isinstance(item, Link):
            out.append(["L", item.title, item.url])
        else:
            out.append(["P", item.title, item.url, item.is_homepage])
    return out


def _toc_state(items) -> list:
    return [[t.title, t.url, t.level, _toc_state(t.children)] for t in items]


@event_priority(-100)  # every page is read and converted; before anything is written
def on_env(env, config, files):
    """Reuse the theme output and search entries of every page whose inputs are unchanged
    since the last serve build."""
    inc = _incremental
    if inc is None:
        return env
    env.loader = jinja2.ChoiceLoader([env.loader, jinja2.DictLoader({MEMO_TEMPLATE: "reused"})])
    env.bytecode_cache = _bytecode  # the theme compiles once per serve session, not per build
    site = memo.digest(inc.config_key, json.dumps(_nav_state(inc.nav.items if inc.nav else []), ensure_ascii=False))
    present = set()
    for f in files.documentation_pages(inclusion=InclusionLevel.is_in_serve):
        page = f.page
        if page is None or page.content is None:
            continue
        present.add(f.src_uri)
        key = memo.digest(
            site,
            f.src_uri,
            page.url,
            page.title or "",
            json.dumps(page.meta, ensure_ascii=False, sort_keys=True, default=str),
            json.dumps(_toc_state(page.toc), ensure_ascii=False),
            page.content,
            _site.late.get(f.src_uri, ""),
        )
        inc.keys[f.src_uri] = key
        if found := inc.memo.output(f.src_uri, key):
            inc.reused[f.src_uri] = found
            # A template that costs nothing; the output is replaced in on_post_page.
            page.meta = {**page.meta, "template": MEMO_TEMPLATE, "search": {"exclude": True}, "glightbox": False}
    inc.memo.forget_missing(present)
    return env


@event_priority(100)  # before the search plugin indexes the page
def on_page_context(context, page, config, nav):
    inc = _incremental
    if inc is not None and inc.search_index is not None:
        src = page.file.src_uri
        if src in inc.reused:
            inc.search_index.entries.extend(inc.reused[src].search_entries)
            page.content = ""  # its output is known: spare the search plugin's pass over it
        else:
            inc.search_start[src] = len(inc.search_index.entries)
    return context


def on_post_build(config):
    if _site is not None:
        _site.link_photos(config.site_dir)
    if _segments is not None:
        _segments.save()
        log.debug(f"search segmentation cache: {_segments.hits} hits, {_segments.misses} misses")
    if _incremental is not None:
        m = _incremental.memo
        log.info(
            f"预览增量重建：{m.rendered} 页重新生成（其中 {m.converted} 页重新转换 Markdown），"
            f"{m.outputs_reused} 页未受影响、沿用上次结果"
        )


SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'


@event_priority(-100)  # last: what is kept for the next serve build is what gets written
def on_post_page(output, page, config):
    inc, src = _incremental, page.file.src_uri
    if inc is not None and src in inc.reused:
        inc.memo.outputs_reused += 1
        return inc.reused[src].html
    # Material's search dialog has no accessible name (axe: aria-dialog-name).
    output = output.replace(SEARCH_DIALOG, SEARCH_DIALOG[:-1] + ' aria-label="站内搜索">', 1)
    if _site is not None:
        if photos := _site.late.get(src):
            output = output.replace(PHOTOS_MARK, photos, 1)
        if page.meta.get("glightbox") is False and 'class="glightbox' in output:
            output = _with_lightbox(output, page.url, config)
    if inc is not None and src in inc.keys:
        inc.memo.rendered += 1
        entries = inc.search_index.entries[inc.search_start[src] :] if src in inc.search_start else []
        inc.memo.keep_output(src, memo.Output(inc.keys[src], output, list(entries)))
    return output


def on_post_template(output_content, template_name, config):
    """The 404 page (a theme template, not a page): the search dialog's name as on pages."""
    if template_name == "404.html":
        output_content = output_content.replace(SEARCH_DIALOG, SEARCH_DIALOG[:-1] + ' aria-label="站内搜索">', 1)
    return output_content


def _with_lightbox(output: str, page_url: str, config) -> str:
    """The tags mkdocs-glightbox adds to a page with pictures, without its full re-parse of
    every such page: the plugin adds them once to an empty page at the same depth, and the
    result is spliced in."""
    up = relative_url("", page_url)
    if (tags := _lightbox.get(up)) is None:
        plugin = config.plugins.get("glightbox")
        tags = ("", "")
        if plugin is not None:
            probe = plugin.on_post_page(
                "<html><head></head><body></body></html>", page=SimpleNamespace(url=page_url, meta={}), config=config
            )
            tags = (
                probe[probe.index("<head>") + 6 : probe.index("</head>")],
                probe[probe.index("<body>") + 6 : probe.rindex("</body>")],
            )
        _lightbox[up] = tags
    head, body = tags
    output = output.replace("</head>", head + "</head>", 1)
    end = output.rindex("</body>")
    return output[:end] + body + output[end:]


def on_serve(server, config, builder):
    # MkDocs watches docs/ and mkdocs.yml only; data/ feeds every page. (Edits to the
    # hook package itself still need a restart: serve reuses the module objects.)
    data = Path(config.config_file_path).parent / "data"
    if data.is_dir():
        server.watch(str(data))
    return server
