"""The MkDocs plugin ``wenming`` — the only module that touches MkDocs' build objects.

A unit's ``mkdocs.yml`` names it under ``plugins:`` (after ``search`` and ``glightbox``); the
entry point in ``pyproject.toml`` makes an installed wenming-site findable by that name, as
MkDocs finds Material's own plugins. Everything else lives in this package and imports no
MkDocs: this module translates MkDocs' events into calls on :class:`wenmingsite.site.Site`,
and hands the events to the objects that keep what `mkdocs serve` reuses between rebuilds
(:class:`wenmingsite.pages.memo.ServeMemo`) and what a build takes from the build cache
(:class:`wenmingsite.pages.pagecache.BuildCache`).

The plugin defines ``on_startup``, so MkDocs keeps one instance for a whole `mkdocs serve`
session; per-build state is reset in ``on_config``.
"""

from __future__ import annotations

import datetime as dt
import functools
import gc
import json
import logging
import os
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

import markdown
from mkdocs import utils as mkdocs_utils
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.exceptions import Abort, PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure import pages as mkdocs_pages
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Section
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, TableOfContents, get_toc
from mkdocs.utils import CountHandler

from wenmingsite import gate, search_words, url_collisions
from wenmingsite.gate import images, outputs_scan, publication
from wenmingsite.loading import loader, settings, signoff
from wenmingsite.loading.records import Content
from wenmingsite.outputs import search_index, shipped, sitefolder
from wenmingsite.pages import memo, pagecache, precompiled, share, themefiles
from wenmingsite.pages.render import relative_url
from wenmingsite.pages.segments import EntryCache, SegmentCache, keep_dictionary_in
from wenmingsite.pages.timeline import LISTING_LIMIT
from wenmingsite.site import PHOTOS_MARK, Site

if TYPE_CHECKING:  # imported by on_serve: a build does not load watchdog
    from wenmingsite.outputs import servewatch

log = get_plugin_logger("wenming")

REPORT_PLACEHOLDER = "report/"
PACKAGE = Path(__file__).parent
ASSETS = PACKAGE / "assets"
THEME = PACKAGE / "theme"  # templates over Material's (header, footer, 404, sitemap)
ASSET_DIR = "assets/wenming"
SEARCH_CACHE_DIR = ".cache/search"
OUTPUTS_CACHE_DIR = ".cache/outputs"
STATIC_CACHE_DIR = ".cache/static"  # the theme's static files, linked into each new site folder
JIEBA_CACHE_DIR = ".cache/jieba"
SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'


class _Day(c.OptionallyRequired[dt.date]):
    """A day written as ``2026-11-27`` (YAML reads it as a date already) or as text."""

    def run_validation(self, value: object) -> dt.date:
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        try:
            return dt.date.fromisoformat(str(value).strip())
        except ValueError:
            raise base.ValidationError(f"“{value}”不是日期，请写成 2026-11-27 这样的形式") from None


class WenmingConfig(base.Config):
    """Settings of the ``wenming`` plugin (each optional; the defaults suit a public site)."""

    preview = c.Type(bool, default=False)
    """Build the editors' view (evidence gaps, thresholds, drafts marked) as `mkdocs serve`
    does — for the staff preparing an inspection, never for the public site."""

    today = c.Optional(_Day())
    """Build as of this day instead of the real date (reproducible builds, tests). The
    environment variable ``WENMING_TODAY`` overrides it, for test runs of a fixed site."""

    publish_as_is = c.ListOfItems(c.Type(str), default=[])
    """Files under docs/ the maintainer allows as they are, past the publication gate's
    classes (for example a vendor's verification file). Each is named, never a pattern."""

    deploy = c.Type(dict, default={})
    """Where ``wenming deploy`` publishes (target, endpoint_url, …; never a key): read and
    checked by that command (README, 发布到国内云存储或自己的服务器); the build ignores it."""

    incremental = c.Type(bool, default=True)
    """`mkdocs serve` rebuilds only what an edit changes and writes only the files that
    changed; off makes each rebuild a full one."""

    search_cache = c.Type(bool, default=True)
    """Keep jieba's segmentation of the search index in .cache/search between builds."""

    segmentation = c.Type(bool, default=True)
    """Chinese word segmentation of the search index. Off only for benchmarks: without it
    the search finds almost nothing in Chinese."""

    build_cache = c.Type(bool, default=True)
    """`mkdocs build` reuses, from .cache/pages, the HTML of activity pages whose inputs are
    unchanged since an earlier build (wenmingsite.pages.pagecache); off renders every page."""

    listing_limit = c.Type(int, default=LISTING_LIMIT)
    """Headlines a listing shows on one page. A year of the timeline with more is split into
    its months, a category or criterion into years (and a year still over it into months), so
    that editing one activity rewrites one small page; a unit's listings below it stay whole."""


# Maintainers' overrides of the benchmark and test knobs above, for runs of a site they do
# not edit (the benchmark's comparison builds, the suite's fixed day). A unit never sets them.
TODAY_ENV = "WENMING_TODAY"
KNOB_ENV = {
    "incremental": "WENMING_INCREMENTAL",
    "search_cache": "WENMING_SEGMENT_CACHE",
    "build_cache": "WENMING_BUILD_CACHE",
}
NO_SEGMENTATION_ENV = "WENMING_NO_SEGMENTATION"
# The benchmark's comparison build without the output scan (bench/outputs.py); never a unit's.
NO_OUTPUT_SCAN_ENV = "WENMING_BENCH_NO_OUTPUT_SCAN"


class ThemeMemo:
    """Material's navigation partials (``theme/partials/nav.html`` and ``tabs.html`` call this)
    rendered once per folder for the pages that are not in the nav.

    Such a page (an activity, a notice) makes no nav item active, so Material's sidebar and tabs
    differ between two of them only by the relative URLs of the nav's targets. Those are the same
    for two pages in the same folder unless a target lies under one of the pages' own URL, which
    is checked. Everything else the partials show is the same for the whole build. Off when the
    unit's theme folder has its own version of a partial they include."""

    def __init__(self) -> None:
        self.kept: dict[tuple, str] = {}
        self.nav: Any = None
        self.in_nav: set[int] = set()
        self.targets: list[str] = []
        self.off = False

    # The unit's own versions of what the memoised parts include could show the page.
    INCLUDED = (
        "nav-item.html",
        "tabs-item.html",
        "logo.html",
        "source.html",
        "palette.html",
        "search.html",
        "javascripts/palette.html",
    )

    def start(self, nav, custom_dir: str | None = None) -> None:
        self.kept.clear()
        own = Path(custom_dir) / "partials" if custom_dir else None
        self.off = own is not None and any((own / n).exists() for n in self.INCLUDED)
        self.nav = None if self.off else nav  # off: every page renders them as Material does
        self.in_nav = {id(p) for p in nav.pages} if nav is not None else set()
        self.targets = [item.url for item in _nav_items(nav.items)] if nav is not None else []

    def __call__(self, name: str, page, nav, caller) -> str:
        if (
            self.nav is None
            or nav is not self.nav
            or not isinstance(page, Page)
            or id(page) in self.in_nav
            or page.meta.get("hide")
            or any(t.startswith(page.url) or t == page.url.rstrip("/") for t in self.targets)
        ):
            return caller()
        key = (name, page.url.rstrip("/").rpartition("/")[0])
        if (found := self.kept.get(key)) is None:
            found = self.kept[key] = caller()
        return found

    def once(self, name: str, caller) -> str:
        """A part of the theme that shows nothing of the page and links nowhere: once per build."""
        if self.off:
            return caller()
        if (found := self.kept.get((name,))) is None:
            found = self.kept[(name,)] = caller()
        return found


def _nav_items(items):
    for item in items:
        if isinstance(item, Section):
            yield from _nav_items(item.children)
        else:
            yield item


class SharedMarkdownPage(Page):
    """A page converted by one Markdown instance per build, reset between pages, instead of a
    new one per page as MkDocs' ``Page.render`` makes (a third of the conversion time goes to
    setting up the extensions, pymdownx's copying of its settings most). The conversion is
    ``Page.render``'s of MkDocs 1.6.1 (the last 1.x, pinned) step for step, with MkDocs' own
    per-page processors registered again under their names, which replaces the last page's."""

    _shared: tuple[Any, markdown.Markdown] | None = None  # (the build's config, its converter)

    @classmethod
    def _markdown(cls, config) -> markdown.Markdown:
        shared = SharedMarkdownPage._shared
        if shared is None or shared[0] is not config:
            md = markdown.Markdown(
                extensions=config["markdown_extensions"], extension_configs=config["mdx_configs"] or {}
            )
            SharedMarkdownPage._shared = shared = (config, md)
        return shared[1]

    def render(self, config, files) -> None:
        if self.markdown is None:
            raise RuntimeError("`markdown` field hasn't been set (via `read_source`)")
        md = self._markdown(config)
        md.reset()
        raw_html_ext = mkdocs_pages._RawHTMLPreprocessor()
        raw_html_ext._register(md)
        extract_anchors_ext = mkdocs_pages._ExtractAnchorsTreeprocessor(self.file, files, config)
        extract_anchors_ext._register(md)
        relative_path_ext = mkdocs_pages._RelativePathTreeprocessor(self.file, files, config)
        relative_path_ext._register(md)
        extract_title_ext = mkdocs_pages._ExtractTitleTreeprocessor()
        extract_title_ext._register(md)
        self.content = md.convert(self.markdown)
        self.toc = get_toc(getattr(md, "toc_tokens", []))
        self._title_from_render = extract_title_ext.title
        self.present_anchor_ids = extract_anchors_ext.present_anchor_ids | raw_html_ext.present_anchor_ids
        if mkdocs_pages.log.getEffectiveLevel() > logging.DEBUG:
            self.links_to_anchors = relative_path_ext.links_to_anchors


class MemoPage(SharedMarkdownPage):
    """A page of `mkdocs serve` that reuses its last Markdown conversion when the text it
    converts (and, for text with links, the file list) is unchanged (ServeMemo.convert)."""

    def __init__(self, serve: memo.ServeMemo, file: File, config) -> None:
        self.serve = serve
        super().__init__(None, file, config)

    def render(self, config, files) -> None:
        self.serve.convert(self, lambda: super(MemoPage, self).render(config, files))


class _QuietSkips(logging.Filter):
    """MkDocs' "Page/Template skipped … empty output" for what the preview did not need to write."""

    def __init__(self) -> None:
        super().__init__()
        self.skipped: set[str] = set()

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        for start in ("Page skipped: '", "Template skipped: '"):
            if message.startswith(start):
                return message[len(start) :].split("'", 1)[0] not in self.skipped
        return True


def _toc_from(data) -> TableOfContents:
    def links(rows):
        out = []
        for title, anchor, level, children in rows:
            link = AnchorLink(title, anchor, level)
            link.children = links(children)
            out.append(link)
        return out

    return TableOfContents(links(data))


class CachedPage(SharedMarkdownPage):
    """An activity page of `mkdocs build` taken from the build cache when its key is found
    there (BuildCache.render): no conversion, blocks, template or search indexing."""

    def __init__(self, cache: pagecache.BuildCache, file: File, config) -> None:
        self.cache = cache
        super().__init__(None, file, config)

    def render(self, config, files) -> None:
        if found := self.cache.render(self, config, files, lambda: super(CachedPage, self).render(config, files)):
            self.toc = _toc_from(found["toc"])


def _entries_from(page: Page) -> str | None:
    """What Material's search plugin makes a page's entries from besides its HTML body
    (SearchIndex.create_entry_for_section), for the entry cache; None: not indexed."""
    search = page.meta.get("search") or {}
    if search.get("exclude"):
        return None
    title = str(page.meta.get("title", page.title))
    state = [page.url, title, memo.toc_state(page.toc), page.meta.get("tags"), search]
    return json.dumps(state, ensure_ascii=False, sort_keys=True, default=str)


class WenmingPlugin(BasePlugin[WenmingConfig]):
    """文明创建展示站: a unit's creation material as a showcase site."""

    def __init__(self) -> None:
        self.command = "build"
        self.site: Site | None = None  # the build in progress (see wenmingsite.site)
        self.lightbox: dict[str, tuple[str, str]] = {}  # way up to the root -> glightbox's tags
        self.segments: SegmentCache | None = None  # kept across `mkdocs serve` rebuilds
        self.entries: EntryCache | None = None  # idem: whole pages' search entries
        self.memo: memo.ServeMemo | None = None  # idem, `mkdocs serve` only
        self.dirty = False
        self.folder: sitefolder.Beside | None = None  # the new folder a build writes, beside site/
        self.warnings: CountHandler | None = None  # what --strict will count, known before the switch
        self.page_sources: dict[str, str] = {}  # output path -> docs path of the page it comes from
        self.theirs: set[str] = set()  # output paths of the theme's and this package's own assets
        self.cache: pagecache.BuildCache | None = None  # `mkdocs build` only
        self.serve_folder: sitefolder.ServeFolder | None = None  # `mkdocs serve`: only changes written
        self.quiet = _QuietSkips()
        self.theme_memo = ThemeMemo()
        self.watcher: servewatch.TwinObserver | None = None  # `mkdocs serve`: the system's change notices
        self.worker: sitefolder.Worker | None = None  # makes the new folder's folders, places reused pages
        self.search_plan = search_index.Planned()  # the theme's search index, split as it is made

    # --- settings -----------------------------------------------------------------------

    def _knob(self, name: str) -> bool:
        env = os.environ.get(KNOB_ENV[name])
        return env != "0" if env is not None else bool(self.config[name])

    def _segmentation(self) -> bool:
        return os.environ.get(NO_SEGMENTATION_ENV) != "1" and self.config.segmentation

    def _today(self) -> dt.date:
        if value := os.environ.get(TODAY_ENV):
            return dt.date.fromisoformat(value)
        return self.config.today or dt.date.today()

    # --- events -------------------------------------------------------------------------

    def on_startup(self, *, command, dirty) -> None:
        _freeze_startup_objects()
        self.command = command
        self.dirty = dirty
        if command == "serve" and self._knob("incremental"):
            self.memo = memo.ServeMemo()
        if self.memo is not None or (command == "build" and not dirty):
            _skip_reused_pages()
        memo.keep_between_builds(self.memo is not None)
        if (self.memo is not None or command == "build") and not dirty:
            logging.getLogger("mkdocs.commands.build").addFilter(self.quiet)

    def on_config(self, config):
        self.site = None  # one instance serves every rebuild: start clean
        self.lightbox.clear()
        try:
            import jieba  # noqa: F401 - Material's search silently skips segmentation without it
        except ImportError:
            raise PluginError(
                "没有安装中文分词库 jieba，站内搜索将几乎搜不到中文内容。"
                "请按 requirements/lock-build.txt 安装全部依赖后重试"
            ) from None
        self._use_theme(config)
        self._cache_segmentation(config)
        if (index := getattr(config.plugins.get("material/search"), "search_index", None)) is not None:
            self.search_plan.wrap(index)  # split as the theme makes it (search_index.Planned)
        css = f"{ASSET_DIR}/wenming.css"
        if css not in config.extra_css:
            config.extra_css.insert(0, css)
            script = ExtraScriptValue(f"{ASSET_DIR}/wenming.js")
            script.defer = True
            config.extra_javascript.append(script)
        if self.memo is not None:
            search = getattr(config.plugins.get("material/search"), "search_index", None)
            self.memo.start(config.config_file_path, config.site_url, theme_dirs(config), search)
        self._write_beside(config)
        self._use_page_cache(config)
        return config

    @event_priority(100)  # before Material's search plugin makes a theme environment of its own
    def _serve_theme(self, config):
        self._list_theme_once(config)
        self._precompiled_theme(config, kept_files=self.command != "serve")
        return config

    on_config = CombinedEvent(_serve_theme, on_config)

    def _list_theme_once(self, config) -> None:
        """`mkdocs serve`: each theme environment MkDocs and Material make at a rebuild takes
        its compiled templates and the theme folders' file list from the serve memo
        (ServeMemo.theme_env)."""
        theme, serve = config.theme, self.memo
        make_env = theme.get_env
        if serve is None or getattr(make_env, "wenming", False):
            return

        def get_env():
            env = make_env()
            serve.theme_env(env, tuple(theme.dirs))
            return env

        get_env.wenming = True  # type: ignore[attr-defined]
        theme.get_env = get_env

    @staticmethod
    def _precompiled_theme(config, kept_files: bool) -> None:
        """Every theme environment MkDocs and Material make takes the templates compiled ahead of
        time that are exactly what it would compile (wenmingsite.pages.precompiled); outside
        `mkdocs serve` (whose rebuilds reuse their theme list when incremental), MkDocs' list of the theme's
        static files is kept in .cache for as long as the theme folders hold the same names
        (wenmingsite.pages.themefiles)."""
        theme = config.theme
        make_env = theme.get_env
        if getattr(make_env, "wenming_precompiled", False):
            return
        root = Path(config.config_file_path).parent

        def reads() -> tuple:
            return (sorted(theme.static_templates), mkdocs_utils.markdown_extensions)

        def get_env():
            env = precompiled.install(make_env())
            return themefiles.install(env, root, reads) if kept_files else env

        get_env.wenming_precompiled = True  # type: ignore[attr-defined]
        theme.get_env = get_env

    # --- the site folder: written beside, switched into place (wenmingsite.outputs.sitefolder) ----

    def _write_beside(self, config) -> None:
        """A build writes into a new folder next to site_dir; on_post_build switches it into
        place once everything (the output scan included) has succeeded. Not for `mkdocs serve`
        (its site_dir is a temporary folder) nor --dirty builds (which keep what is there)."""
        self.folder = None
        self._stop_worker()  # an earlier build of this process that was interrupted
        if self.command == "serve":
            return
        if self.dirty:
            # --dirty writes into the files there: none of them may be one a build linked
            # from .cache (the cache and other site folders share it)
            try:
                sitefolder.unshare(config.site_dir)
            except sitefolder.WriteFailure as exc:
                raise PluginError(str(exc)) from None
            return
        root = Path(config.config_file_path).parent
        self.folder = sitefolder.Beside(config.site_dir, _shown(Path(config.site_dir), root))
        try:
            config.site_dir = str(self.folder.start())
        except sitefolder.WriteFailure as exc:
            self.folder = None
            raise PluginError(str(exc)) from None
        if config.strict:
            self.warnings = CountHandler(level=logging.WARNING)
            logging.getLogger("mkdocs").addHandler(self.warnings)

    def _switch(self, config) -> None:
        """Put the new folder in place of site_dir, unless --strict is going to refuse the
        build for a warning (MkDocs counts them only after this event)."""
        if self.folder is None:
            return
        counted = self._stop_counting()
        if counted:
            return  # MkDocs aborts next; on_build_error discards the new folder
        try:
            notice = self.folder.switch()
        except sitefolder.WriteFailure as exc:
            raise PluginError(str(exc)) from None
        finally:
            config.site_dir = str(self.folder.target)
        if notice:
            log.info(f"提示 {notice}")

    def _stop_counting(self) -> int:
        if self.warnings is None:
            return 0
        logging.getLogger("mkdocs").removeHandler(self.warnings)
        counted = sum(n for _, n in self.warnings.get_counts())
        self.warnings = None
        return counted

    @event_priority(-100)  # after the other plugins have cleaned up: last
    def on_build_error(self, *, error: Exception) -> None:
        """A failed build leaves the last good site as it was; a write failure (a full
        disk, a read-only folder) is one Chinese line, not a traceback."""
        self._stop_counting()
        if self.serve_folder is not None:
            self.serve_folder.close()
            self.quiet.skipped.clear()
        self._stop_worker()  # before its folder is removed
        if self.cache is not None:  # the cache keeps what the last good build left
            self.cache.close()
            self.cache = None
        shown, new = self._site_shown, self.folder.new if self.folder else None
        if self.folder is not None:
            self.folder.discard()
            self.folder = None
        if isinstance(error, OSError):
            root = self.site.root if self.site is not None else Path.cwd()
            log.error(sitefolder.write_failure(error, shown, new, root))
            raise Abort("Aborted with a BuildError!") from None

    def _start_worker(self, files: Files, config) -> None:
        """on_nav of a build writing into a new folder: a thread makes the folders of every
        file the build writes and places the reused pages (sitefolder.Worker)."""
        self._stop_worker()
        if self.folder is None or self.folder.new is None:
            return
        self.worker = sitefolder.Worker(config.site_dir)
        self.worker.folders(f.dest_uri for f in files if f.inclusion.is_included())
        if self.cache is not None:
            self.cache.worker = self.worker
            if self.command != "serve" and os.environ.get(NO_OUTPUT_SCAN_ENV) != "1":
                self.cache.read_back = outputs_scan.read_back  # for the output scan

    def _finish_worker(self) -> None:
        """on_post_build, before anything reads the new folder: the worker's fault (an
        OSError: the Chinese write-failure line) raised; the pages it could not place written."""
        if (worker := self.worker) is None:
            return
        self.worker = None
        failed = worker.finish()
        if self.cache is not None:
            self.cache.worker = None
            self.cache.write_unplaced(failed)

    def _stop_worker(self) -> None:
        if self.worker is not None:
            self.worker.stop()
            self.worker = None

    @property
    def _site_shown(self) -> str:
        return self.folder.shown if self.folder is not None else "site"

    @staticmethod
    def _use_theme(config) -> None:
        """The package's templates go between the unit's own overrides (``custom_dir``,
        which still win) and Material's, so a new version of the tool brings new ones."""
        dirs = config.theme.dirs
        if str(THEME) not in dirs:
            dirs.insert(1 if config.theme.custom_dir else 0, str(THEME))

    def _cache_segmentation(self, config) -> None:
        """Wrap the segmentation of Material's search index with our persistent cache."""
        plugin = config.plugins.get("material/search")
        index = getattr(plugin, "search_index", None)
        if index is None or not hasattr(index, "_segment_chinese"):
            return  # another search plugin, or a Material version that segments elsewhere
        if not self._segmentation():
            index._segment_chinese = lambda text: text
            return
        if not self._knob("search_cache"):
            self.segments = self.entries = None
            return
        if self.segments is None:
            self.segments = SegmentCache(Path(config.config_file_path).parent / SEARCH_CACHE_DIR)
            self.entries = EntryCache(Path(config.config_file_path).parent / SEARCH_CACHE_DIR, self.segments)
        index._segment_chinese = self.segments.wrap(index._segment_chinese)
        if self.entries is not None and hasattr(index, "add_entry_from_context"):
            index.add_entry_from_context = self.entries.wrap(index, index.add_entry_from_context, _entries_from)

    # --- the build cache (wenmingsite.pages.pagecache) ---------------------------------------------

    def _use_page_cache(self, config) -> None:
        """A `mkdocs build` (not serve, not --dirty) with nothing the cache key cannot see."""
        if self.cache is not None:
            self.cache.close()
        self.cache = None
        if self.command == "build":
            self.quiet.skipped.clear()
        if self.command != "build" or self.dirty or not self._knob("build_cache"):
            return
        self.cache = pagecache.BuildCache.open(
            config,
            site=None,
            theme_dirs=theme_dirs(config)[:-1],  # our own theme: in the package's fingerprint
            segmentation=self._segmentation(),
            preview=self.config.preview,
        )

    def _save_page_cache(self) -> None:
        if self.cache is None:
            return
        if not (self.folder is not None and self.folder.new is not None):
            if line := self.cache.save():  # a build that switched its folder into place (or wrote in place)
                log.info(line)
        self.cache.close()

    def on_pre_build(self, *, config) -> None:
        """Load and validate everything before MkDocs wipes site/: a failed build keeps the
        last good site in place."""
        root = Path(config.config_file_path).parent
        # Before anything segments text (the sensitive-information check in the load does).
        keep_dictionary_in(root / JIEBA_CACHE_DIR)
        self.site = Site(
            root,
            Path(config.docs_dir),
            root / "data",
            today=self._today(),
            site_config=self._gate_config(config),
            internal=self.command == "serve" or self.config.preview,
            serving=self.command == "serve",
            photo_cache=images.PhotoCache(root / images.CACHE_DIR),
            memo=self.memo is not None,
            listing_limit=max(1, self.config.listing_limit),
            load_memo=self.memo.load if self.memo is not None else None,
        )
        if self.cache is not None:
            self.cache.site = self.site
        # MkDocs would find URL collisions and broken links only after wiping site/. Links are
        # errors where MkDocs makes them so (--strict); otherwise (serve, a plain build) MkDocs'
        # own warnings report them, as before.
        problems = list(self.site.load(with_links=bool(config.strict)))
        unit = self.site.content.unit
        problems += self.site.report(
            publication.config_problems(
                Path(config.config_file_path),
                _shown(Path(config.config_file_path), root),
                publication.allowed_numbers(unit.phone if unit else None),
            )
        )
        for notice in self.site.notices:  # info, not warning: a notice must not fail --strict
            log.info(f"提示 {notice}")
        if self.site.withheld:  # never silently (wenmingsite.loading.signoff)
            if self.site.internal:
                log.info(f"{len(self.site.withheld)} 篇待审核材料只在预览中显示（标有“待审核”），正式网站不会发布")
            elif line := signoff.build_line(self.site.withheld):
                log.info(line)
        self._fail_or_report(problems)
        import jieba  # on_config made sure it is installed

        jieba.setLogLevel(logging.WARNING)  # its "Building prefix dict" lines are not for editors
        if self.segments is not None:
            self.segments.configure(search_words(self.site.content))  # jieba starts only on a miss
            if self.entries is not None:
                self.entries.configure()
        elif self._segmentation():
            for word in search_words(self.site.content):
                # Domain words stay whole in the index (the browser does not segment queries).
                jieba.add_word(word)
        if self.memo is not None and not self.dirty:  # last: MkDocs empties the folder next
            if self.serve_folder is None or self.serve_folder.folder != Path(config.site_dir):
                self.serve_folder = sitefolder.ServeFolder(config.site_dir)  # kept: what it wrote last
            try:
                self.serve_folder.hide()
            except OSError:  # a file in use (Windows): this rebuild writes everything, as MkDocs does
                self.serve_folder = None

    def _gate_config(self, config) -> gate.SiteConfig:
        """What the publication gate needs from this configuration (see wenmingsite.gate)."""
        status = config.extra.get("status") if isinstance(config.extra.get("status"), dict) else {}
        return gate.site_config(
            config.extra_css,
            config.extra_javascript,
            self.config.publish_as_is,
            config.theme.custom_dir,
            status.keys(),
            [e for e in config.markdown_extensions if isinstance(e, str)],
            config.mdx_configs,
        )

    def _build(self) -> Site:
        """The build in progress (on_pre_build makes it before any other event needs it)."""
        if self.site is None:
            raise PluginError("内部错误：文明创建展示站的构建状态缺失（on_pre_build 没有运行）。请重新运行构建")
        return self.site

    def _fail_or_report(self, problems) -> None:
        if problems and self.command != "serve" and self.site is not None:
            problems = [*problems, *self.site.finish_photos()]  # all of a failed build's problems at once
        for p in problems:
            log.error(str(p))
        if problems and self.command != "serve":
            raise PluginError(
                f"内容共有 {len(self._build().problems)} 处问题，网站没有生成。"
                "请按上面每一行的提示修改对应文件后重新构建。"
            )

    @event_priority(100)  # before search and other plugins see the files
    def on_files(self, files: Files, *, config) -> Files:
        if self.serve_folder is not None:
            self.serve_folder.restore()
        site = self._build()
        content = site.content
        # A build (not serve, not --dirty: it fails before its new folder replaces site/) makes the
        # new photos' variants while it renders pages; on_post_build waits for them.
        background = self.command == "build" and not self.dirty
        self._fail_or_report(site.publish_photos(progress=_photo_progress(), background=background))
        specs = site.page_specs()
        self._fail_or_report(
            site.report(
                signoff.nav_note(
                    settings.nav_problems(Path(config.config_file_path), config.nav, {s.src for s in specs}),
                    site.withheld,
                )
            )
        )
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
        generated += self._finish(config)
        reserved = {f.dest_uri: f.src_uri for f in generated}
        reserved.update((dest, dest) for dest in site.photo_outputs)
        # Found before the build already (wenmingsite.gate.links), unless the configuration's URLs differ.
        self._fail_or_report(
            site.report(
                url_collisions(
                    ((f.src_uri, f.dest_uri) for f in files if not f.generated_by), site.docs_rel, reserved=reserved
                )
            )
        )

        for f in files.documentation_pages():
            if f.src_uri.startswith((f"{loader.ACTIVITIES_DIR}/", f"{loader.NOTICES_DIR}/")):
                # Activities and notices stay out of the nav by design; don't list them as omitted.
                f.inclusion = InclusionLevel.NOT_IN_NAV
        if self.command != "serve":
            for page in site.drafts():
                if draft := files.get_file_from_path(page):
                    files.remove(draft)
        self._through_gate(files, config)
        self._theme_through_gate(files, config)
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
        if self.command != "serve":  # the preview's outputs are not scanned (see on_post_build)
            self._remember_outputs(files, config)
        if self.cache is not None:
            for f in files.documentation_pages():
                if f.page is None and f.src_uri in site.activity_by_page:
                    CachedPage(self.cache, f, config)
        if self.memo is not None:
            self.memo.files = files
        titled = set(_titled_nav_paths(config.nav or []))  # MkDocs makes those, with their nav title
        for f in files.documentation_pages():
            if f.page is None and f.src_uri not in titled:  # what MkDocs would make, converted faster
                if self.memo is not None:
                    MemoPage(self.memo, f, config)  # plus the memo
                else:
                    SharedMarkdownPage(None, f, config)
        return files

    def _remember_outputs(self, files: Files, config) -> None:
        """For the output scan: which page each output comes from, and which outputs are
        the theme's and this package's own (not read: no content reaches them)."""
        self.page_sources = {
            f.dest_uri: f.src_uri for f in files.documentation_pages() if not f.generated_by and f.src_uri
        }
        custom = os.path.normpath(config.theme.custom_dir) if config.theme.custom_dir else None
        docs_dir = os.path.normpath(config.docs_dir)
        self.theirs = {
            f.dest_uri
            for f in files
            if (f.src_dir and os.path.normpath(f.src_dir) not in (docs_dir, custom) and not f.generated_by)
            # Only a path that names the folder can lie in it (also as Windows compares names):
            # most files skip making a Path.
            or (
                f.abs_src_path and ASSETS.name in f.abs_src_path.lower() and Path(f.abs_src_path).is_relative_to(ASSETS)
            )
            or f.dest_uri.startswith(f"{ASSET_DIR}/")
        }

    def _through_gate(self, files: Files, config) -> None:
        """Only what the publication gate let through goes on from docs/, each file in its
        class's form: photos never as they are (their variants are linked in later), other
        images and SVG as their cleaned copies (wenmingsite.gate lists the classes)."""
        docs_dir = os.path.normpath(config.docs_dir)
        for f in list(files):
            if f.generated_by or os.path.normpath(f.src_dir or "") != docs_dir:
                continue  # the theme's own files and generated ones
            form = self._build().published_form(f.src_uri)
            if form is not True:
                files.remove(f)
                if form:
                    files.append(File.generated(config, f.src_uri, abs_src_path=str(form)))

    def _theme_through_gate(self, files: Files, config) -> None:
        """Files MkDocs copies from the unit's theme folder (``custom_dir``) pass the same
        gate as docs/ (publication.theme_files), or are refused; links out of the project
        are refused there, templates included."""
        if not config.theme.custom_dir:
            return
        site = self._build()
        custom = Path(os.path.normpath(config.theme.custom_dir))
        root = Path(config.config_file_path).parent
        shown = _shown(custom, root)
        theme = {
            f.src_uri: f for f in files if not f.generated_by and Path(os.path.normpath(f.src_dir or "")) == custom
        }
        unit = site.content.unit
        allowed = publication.allowed_numbers(unit.phone if unit else None)
        forms, problems = publication.theme_files(root, custom, shown, theme, self._gate_config(config), allowed)
        problems = publication.theme_links(root, custom, shown) + problems
        self._fail_or_report(site.report(problems))
        for src, f in theme.items():
            form = forms.get(src, False)
            if form is not True:
                files.remove(f)
                if form:
                    files.append(File.generated(config, src, abs_src_path=str(form)))

    def _finish(self, config) -> list[File]:
        """Icons from the unit's logo, share metadata and footer details for the theme
        templates (``config.extra.wenming_site``, see wenmingsite.pages.share); the icon files."""
        finish = self._build().finish(config.site_name, config.site_url)
        if finish.plain_icon:
            log.info(
                "没有找到中文字体，网站图标（favicon）画成了不带文字的主题色圆标。"
                "安装 fonts-noto-cjk 等中文字体后重新构建，图标上会显示单位名称的第一个字"
            )
        config.extra["wenming_site"] = finish.context
        if self.memo is not None:  # a page's own photo is in its key
            self.memo.shared({k: v for k, v in finish.context.items() if k != "pages"})
        return [File.generated(config, f"{share.ICON_DIR}/{name}", content=data) for name, data in finish.icons.items()]

    def on_page_read_source(self, *, page, config):
        """Serve the body we already read: MkDocs must not re-parse front matter it would
        silently get wrong, nor read a non-UTF-8 file and crash."""
        if self.site is None:
            return None
        meta = self.site.content.pages.get(page.file.src_uri)
        if meta is None:
            return None
        # The leading blank line stops MkDocs from taking a first "Key: value" line as meta.
        return "\n" + meta.body

    def on_page_markdown(self, markdown, *, page, config, files):
        if self.site is not None and (meta := self.site.page_meta(page.file.src_uri, markdown)) is not None:
            page.meta = meta
        return markdown

    def on_page_content(self, html, *, page, config, files):
        if self.site is None or (self.cache is not None and self.cache.reused(page.file.src_uri)):
            return html
        site, src = self.site, page.file.src_uri
        if self.cache is not None and self.cache.body(page, config, lambda: site.body_inputs(src, page.url)):
            return ""  # a generated page whose body is made of what it was made of before
        if self.memo is not None and not page.is_homepage:  # an unchanged activity page: its last blocks
            return self.memo.decorate(
                src,
                html,
                site.decorate_inputs(src, page.url),
                site.late,
                lambda: site.decorate(src, page.url, html, is_homepage=False),
            )
        return site.decorate(src, page.url, html, is_homepage=page.is_homepage)

    def on_nav(self, nav, *, config, files):
        self.theme_memo.start(nav, config.theme.custom_dir)
        self._start_worker(files, config)
        if self.cache is not None:
            self.cache.nav = nav
        if self.memo is not None:
            self.memo.nav = nav
        return nav

    @event_priority(-100)  # every page is read and converted; before anything is written
    def on_env(self, env, *, config, files):
        """Reuse the theme output and search entries of every page whose inputs are unchanged
        (since the last serve build, or in the build cache)."""
        env.globals["wenming_theme_memo"] = self.theme_memo  # theme/partials/nav.html, tabs.html
        if self.serve_folder is not None:  # the preview copies a static file only when it changed
            folder = self.serve_folder
            for f in files:
                if not f.is_documentation_page():
                    f.copy_file = lambda dirty=False, f=f: folder.copy(f.dest_uri, f.abs_src_path, f._content)
        if self.folder is not None and self.folder.new is not None and self.serve_folder is None:
            self._link_static_files(files, config)
        if self.memo is not None:
            pages = [f.page for f in files.documentation_pages(inclusion=InclusionLevel.is_in_serve)]
            self.memo.mark_reused(env, pages, self._build().late)
        elif self.cache is not None:
            self.cache.mark_reused(env, [f.page for f in files.documentation_pages()], config)
        return env

    def _link_static_files(self, files: Files, config) -> None:
        """A build writing a new folder: the theme's and this package's static files linked
        from identical copies in .cache/static instead of copied (sitefolder.StaticLinks)."""
        links = sitefolder.StaticLinks(Path(config.config_file_path).parent / STATIC_CACHE_DIR)
        for f in files:
            if f.dest_uri in self.theirs and not f.generated_by and f.abs_src_path and f._content is None:
                if not f.is_documentation_page():
                    f.copy_file = functools.partial(  # type: ignore[method-assign]
                        _copy_static,
                        functools.partial(links.copy, f.dest_uri, f.abs_src_path, f.abs_dest_path, f.copy_file),
                    )

    @event_priority(100)  # before the search plugin indexes the page
    def on_page_context(self, context, *, page, config, nav):
        if self.cache is not None:
            self.cache.search_entries(page, config.plugins.get("material/search"), self.segments)
        if self.memo is not None:
            self.memo.search_entries(page)
        return context

    @event_priority(-100)  # last: what is kept for the next serve build is what gets written
    def on_post_page(self, output, *, page, config):
        output = self._page_output(output, page, config)
        if self.serve_folder is None or not output.strip():
            return output
        # The preview writes a page only when its bytes changed (MkDocs then writes nothing).
        self.serve_folder.write_text(page.file.dest_uri, output)
        self.quiet.skipped.add(page.file.src_uri)
        return ""

    def _reused_page(self, page, config) -> bool:
        """A page whose output is known is not put through MkDocs' context, template and page
        events at all, only through what those do to it with the plugins this package knows
        (any other plugin or hook: MkDocs builds it). `mkdocs build`: a page of the build cache
        already handed to the worker to be linked into the new folder (BuildCache.hand) gets
        its kept search entries. `mkdocs serve` (ServeMemo.mark_reused): its kept search
        entries added, its kept output written when its bytes changed (on_post_page)."""
        cache = self.cache
        if (
            cache is not None
            and self.memo is None
            and cache.placed(page.file.src_uri, page.file.abs_dest_path)
            and pagecache.PLUGINS.issuperset(config.plugins)
        ):
            cache.search_entries(page, config.plugins.get("material/search"), self.segments)
            sitefolder.pause_for_test(self.folder.new if self.folder else None)
            return True
        serve = self.memo
        if (
            serve is None
            or self.serve_folder is None
            or page.file.src_uri not in serve.reused
            or not pagecache.PLUGINS.issuperset(config.plugins)
        ):
            return False
        serve.search_entries(page)
        self.on_post_page("", page=page, config=config)
        return True

    def _page_output(self, output, page, config):
        sitefolder.pause_for_test(self.folder.new if self.folder else None)
        src = page.file.src_uri
        serve = self.memo
        if self.cache is not None and self.folder is not None and self.cache.place(src, page.file.abs_dest_path):
            self.quiet.skipped.add(src)  # a reused page linked into the new folder: MkDocs writes nothing
            return ""
        if (self.cache is not None and (found := self.cache.output(src)) is not None) or (
            serve is not None and (found := serve.reused_output(src)) is not None
        ):
            return found
        # Material's search dialog has no accessible name (axe: aria-dialog-name).
        output = output.replace(SEARCH_DIALOG, SEARCH_DIALOG[:-1] + ' aria-label="站内搜索">', 1)
        if self.site is not None:
            if photos := self.site.late.get(src):
                output = output.replace(PHOTOS_MARK, photos, 1)
            if page.meta.get("glightbox") is False and 'class="glightbox' in output:
                output = self._with_lightbox(output, page.url, config)
        if serve is not None:
            serve.keep_page(src, output)
        if self.cache is not None:
            self.cache.keep(page, output, self.segments)
        return output

    def on_post_template(self, output_content, *, template_name, config):
        """The 404 page (a theme template, not a page): the search dialog's name as on pages."""
        if template_name == "404.html":
            output_content = output_content.replace(SEARCH_DIALOG, SEARCH_DIALOG[:-1] + ' aria-label="站内搜索">', 1)
            if self.serve_folder is not None and output_content.strip():  # as pages: written when changed
                self.serve_folder.write(template_name, output_content.encode("utf-8"))
                self.quiet.skipped.add(template_name)
                return ""
        return output_content

    # Last: after mkdocs-glightbox has copied its script into site/, and the search index and
    # every other output are written.
    @event_priority(-100)
    def on_post_build(self, *, config) -> None:
        # The caches of segmentation and search entries first: they are .cache's, not the new
        # folder's, so they are written while the worker may still be making its folders.
        if self.segments is not None:
            self.segments.save()
            if self.entries is not None:
                self.entries.save()
            log.debug(
                f"search segmentation cache: {self.segments.hits} hits, {self.segments.misses} misses, "
                f"{self.segments.cut} cut by jieba ({self.segments.by_table} with the word table)"
            )
        # What touches no file the worker writes comes before waiting for it (it may still be
        # linking reused pages): the search index, the theme's scripts, the photos. A fault the
        # worker met already is the one reported.
        if self.worker is not None and self.worker.error is not None:
            self._finish_worker()
        # UTF-8, in parts: an edit re-sends one part, not all
        search_parts = search_index.split(config.site_dir, self.search_plan)
        try:  # the theme's scripts as visitors may receive them (tooltips as text, no other hosts)
            shipped.neutralise(config.site_dir)
        except shipped.ShippedError as exc:
            raise PluginError(str(exc)) from None
        if self.site is not None:
            self._fail_or_report(self.site.finish_photos())
            self.site.link_photos(config.site_dir)
        self._finish_worker()  # before anything reads the new folder as a whole
        if self.serve_folder is not None:
            # An unchanged part is not written again, yet is this build's (not swept as stale).
            self.serve_folder.sweep((set(self.site.photo_outputs) if self.site else set()) | set(search_parts))
            self.serve_folder.close()
            self.quiet.skipped.clear()
        if self.command != "serve" and self.site is not None and os.environ.get(NO_OUTPUT_SCAN_ENV) != "1":
            self._scan_outputs(config)
        self._switch(config)
        self._save_page_cache()
        if self.memo is not None:
            log.info(self.memo.summary())

    def _scan_outputs(self, config) -> None:
        """Personal numbers in what visitors receive, decoded (wenmingsite.gate.outputs_scan):
        found, they fail the build before the new folder replaces site/."""
        site = self._build()
        unit = site.content.unit
        allowed = frozenset(publication.allowed_numbers(unit.phone if unit else None))
        theirs = self.theirs
        root = Path(config.config_file_path).parent
        cache = outputs_scan.CleanCache(root / OUTPUTS_CACHE_DIR, allowed)
        read = self.cache.read if self.cache is not None else None
        leaks = outputs_scan.scan(
            Path(config.site_dir), allowed, skip=theirs.__contains__, cache=cache, read_before=read
        )
        if not leaks:
            cache.save()
            return
        pages = self.page_sources
        docs_rel = site.docs_rel
        everything = _source_texts(root, Path(config.docs_dir), docs_rel, config.theme.custom_dir)

        def sources_for(output: str):
            own = pages.get(output) or output  # a page, or a file of docs/ (an SVG) at its own path
            if (Path(config.docs_dir) / own).is_file():
                yield f"{docs_rel}/{own}", _reader(Path(config.docs_dir) / own)
            yield from everything

        self._fail_or_report(site.report(outputs_scan.problems(leaks, sources_for, self._site_shown)))

    def on_serve(self, server, *, config, builder):
        # First: every watch, from here on too (config.watch), also gets the system's notices.
        from wenmingsite.outputs import servewatch

        self.watcher = servewatch.install(server)
        # MkDocs watches docs/ and mkdocs.yml only; data/ feeds every page. (Edits to the
        # package itself still need a restart: serve reuses the plugin object.)
        data = Path(config.config_file_path).parent / "data"
        if data.is_dir():
            server.watch(str(data))
        return server

    def on_shutdown(self) -> None:
        if self.watcher is not None:  # MkDocs stops its observer without waiting for it
            self.watcher.close()
            self.watcher = None

    def _with_lightbox(self, output: str, page_url: str, config) -> str:
        """The tags mkdocs-glightbox adds to a page with pictures, without its full re-parse of
        every such page: the plugin adds them once to an empty page at the same depth, and the
        result is spliced in."""
        up = relative_url("", page_url)
        if (tags := self.lightbox.get(up)) is None:
            plugin = config.plugins.get("glightbox")
            tags = ("", "")
            if plugin is not None:
                probe = plugin.on_post_page(
                    "<html><head></head><body></body></html>",
                    page=SimpleNamespace(url=page_url, meta={}),
                    config=config,
                )
                tags = (
                    probe[probe.index("<head>") + 6 : probe.index("</head>")],
                    probe[probe.index("<body>") + 6 : probe.rindex("</body>")],
                )
            self.lightbox[up] = tags
        head, body = tags
        output = output.replace("</head>", head + "</head>", 1)
        end = output.rindex("</body>")
        return output[:end] + body + output[end:]


def _skip_reused_pages() -> None:
    """`mkdocs serve`, and `mkdocs build` without ``--dirty`` (from on_startup): MkDocs' page
    builder, for the pages this plugin says are unchanged, leaves them to it
    (WenmingPlugin._reused_page); every other page, and
    every build of a configuration without this plugin, is built by MkDocs itself. MkDocs
    1.6.1's ``_build_page`` (the last 1.x, pinned) is looked up by name at each build."""
    from mkdocs.commands import build as mkdocs_build

    build_page = mkdocs_build._build_page
    if getattr(build_page, "wenming", False):
        return

    def _build_page(page, config, *args, **kwargs):
        plugin = config.plugins.get("wenming")
        if isinstance(plugin, WenmingPlugin) and plugin._reused_page(page, config):
            return None
        return build_page(page, config, *args, **kwargs)

    _build_page.wenming = True  # type: ignore[attr-defined]
    mkdocs_build._build_page = _build_page


def _copy_static(copy, dirty: bool = False) -> None:
    """A static file's ``copy_file`` in a build writing a new folder (``dirty`` means nothing
    there: the folder is new)."""
    copy()


def _shown(path: Path, root: Path) -> str:
    """A folder as messages name it: relative to the project when inside it."""
    try:
        return Path(os.path.abspath(path)).relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)


def _source_texts(root: Path, docs_dir: Path, docs_rel: str, custom_dir: str | None):
    """(path, reader) of every text a number on the site can come from: mkdocs.yml, the
    pages, the data files and the theme overrides (read only when a number was found)."""
    out = [("mkdocs.yml", _reader(root / "mkdocs.yml"))]
    folders: list[tuple[Path, str, tuple[str, ...]]] = [
        (docs_dir, docs_rel, (".md", ".svg")),
        (root / "data", "data", (".yml", ".yaml")),
    ]
    if custom_dir:
        folders.append((Path(custom_dir), _shown(Path(custom_dir), root), ("",)))
    for folder, shown, suffixes in folders:
        for path in sorted(publication.walk_files(folder)) if folder.is_dir() else []:
            if path.name.lower().endswith(suffixes) and not path.is_symlink():
                rel = path.relative_to(folder).as_posix()
                out.append((f"{shown}/{rel}", _reader(path)))
    return out


def _reader(path: Path):
    return lambda: path.read_text(encoding="utf-8", errors="replace")


def theme_dirs(config) -> list[str]:
    """The template folders this build reads before Material's own: any change rebuilds all."""
    return [d for d in (config.theme.custom_dir, str(THEME)) if d]


def _titled_nav_paths(items):
    """Pages that nav gives a title of its own (MkDocs creates those pages itself)."""
    for item in items:
        if isinstance(item, dict):
            for value in item.values():
                if isinstance(value, str):
                    yield value
                elif isinstance(value, list):
                    yield from _titled_nav_paths(value)


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


_FROZEN: list[bool] = []


def _freeze_startup_objects() -> None:
    """Once per process, after MkDocs has loaded the config and every plugin: move the objects
    made so far (modules, classes, functions, compiled patterns; they live as long as the
    process) out of the cyclic garbage collector's reach (``gc.freeze``), so its full
    collections during a build walk only what the build made (a cycle already garbage then is
    never freed: start-up leaves next to none). With the freeze in ``wenmingsite/__init__.py``,
    a one-edit build's time in the collector fell from ~0.17 s to ~0.06 s (N=1,000)."""
    if not _FROZEN:
        _FROZEN.append(True)
        gc.freeze()
