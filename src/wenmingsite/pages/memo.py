"""What `mkdocs serve` keeps between rebuilds, so that saving one activity rebuilds only
what that edit changes.

MkDocs' own ``--dirty`` decides by file times and leaves the timeline, statistics and
search index stale. Here every page is still put through the whole build, but its two
expensive steps are looked up by the exact inputs they depend on:

- the Markdown conversion, by the page's Markdown text, the configuration and, when the
  text holds a link, the list of site files (links are resolved against it);
- the theme template and the search indexing, by everything the template reads: the
  page's final HTML body, title, metadata, table of contents and URL, the navigation,
  the configuration and the theme overrides.

A changed input changes the key, so a reused result is always the one a clean build
would make (``tests/test_incremental.py`` compares both). All of it — the tables, the
compiled templates and one rebuild's use of them — is one :class:`ServeMemo` the plugin
holds for the serve session. No MkDocs import: MkDocs' pages, navigation and tables of
contents are read by their attributes, and ``plugin.py`` makes the pages.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2

from wenmingsite.loading.loadmemo import LoadMemo

# Markdown that can resolve against other files: inline or reference links and images,
# link definitions, and raw HTML attributes. Text without any of these converts the
# same whatever the file list is.
LINKISH = re.compile(r"\]\(|\]\s*\[|\]:|href\s*=|src\s*=|srcset\s*=", re.IGNORECASE)


def linkish(markdown: str) -> bool:
    """Whether ``markdown`` holds any of :data:`LINKISH`. Every form of it has a "]" or a "="
    (no other character folds to them), and most activity pages have neither: a substring test
    first, as the pattern's search costs tens of microseconds per page."""
    return ("]" in markdown or "=" in markdown) and LINKISH.search(markdown) is not None


# A page whose output is known: a template that costs nothing, no search pass, no lightbox
# (the output is put back in on_post_page). The build cache marks its pages the same way.
REUSED_TEMPLATE = "wenming-reused-output.html"
REUSED_META = {"template": REUSED_TEMPLATE, "search": {"exclude": True}, "glightbox": False}


_keep = False


def keep_between_builds(on: bool = True) -> None:
    """Serve keeps parsed files and rendered fragments for the next build; a one-off build
    keeps nothing beyond itself (its memory is the benchmark's too)."""
    global _keep
    _keep = on


def keeping() -> bool:
    return _keep


def digest(*parts: str | bytes) -> str:
    h = hashlib.blake2b(digest_size=16)
    for part in parts:
        data = part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()


def folder_state(folder: str | os.PathLike[str] | None) -> str:
    """Names, sizes and modification times of every file under ``folder``."""
    if not folder or not os.path.isdir(folder):
        return ""
    rows = []
    for dirpath, _dirs, names in os.walk(folder):
        for name in names:
            st = os.stat(os.path.join(dirpath, name))
            rows.append(f"{os.path.relpath(os.path.join(dirpath, name), folder)}\0{st.st_size}\0{st.st_mtime_ns}")
    return "\n".join(sorted(rows))


@dataclass
class Conversion:
    key: str
    content: str
    toc: object
    title: str | None
    anchors: set


def same(a: Any, b: Any) -> bool:
    """Equal and of the same types throughout (``1``, ``1.0`` and ``True`` are equal in Python
    but not on a page): what a page's metadata must be for its last output to be reused."""
    if a is b:
        return True
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(same(v, b[k]) for k, v in a.items())
    if isinstance(a, (list, tuple)):
        return len(a) == len(b) and all(map(same, a, b))
    return bool(a == b)


@dataclass(eq=False)
class OutputKey:
    """Everything a page's template output and search entries are made of, compared by value
    (no hashing: a serve rebuild compares a thousand unchanged pages' bodies, most of them
    the very string objects kept from the last rebuild). ``state``: the configuration, what
    every page's head and footer show and the navigation, digested once per rebuild."""

    state: str
    url: str
    title: str
    meta: dict
    toc: object  # MkDocs' table of contents (a reused conversion brings back the same object)
    toc_rows: list  # and as plain data (toc_state)
    content: str
    late: str  # photos spliced in after the template

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, OutputKey)
            and self.state == other.state
            and self.url == other.url
            and self.title == other.title
            and self.content == other.content
            and self.late == other.late
            and (self.toc_rows is other.toc_rows or self.toc_rows == other.toc_rows)
            and same(self.meta, other.meta)
        )

    __hash__ = None  # type: ignore[assignment]


@dataclass
class KeptPage:
    key: Any  # OutputKey (serve) or a digest
    html: str
    search_entries: list


@dataclass
class Memo:
    conversions: dict = field(default_factory=dict)  # src_uri -> Conversion
    outputs: dict = field(default_factory=dict)  # src_uri -> KeptPage
    # per build
    converted: int = 0
    conversions_reused: int = 0
    rendered: int = 0
    outputs_reused: int = 0

    def start_build(self) -> None:
        self.converted = self.conversions_reused = self.rendered = self.outputs_reused = 0

    # -- Markdown conversion ------------------------------------------------------------

    @staticmethod
    def conversion_key(src: str, markdown: str, config_key: str, files_key) -> str:
        """``files_key`` is a callable: the file list is hashed only for text with links."""
        return digest(src, markdown, config_key, files_key() if linkish(markdown) else "")

    def conversion(self, src: str, key: str) -> Conversion | None:
        found = self.conversions.get(src)
        if found is not None and found.key == key:
            self.conversions_reused += 1
            return found
        self.converted += 1
        return None

    def keep_conversion(self, src: str, conversion: Conversion) -> None:
        self.conversions[src] = conversion

    # -- template and search ------------------------------------------------------------

    def output(self, src: str, key: Any) -> KeptPage | None:
        found = self.outputs.get(src)
        if found is not None and found.key == key:
            return found
        return None

    def keep_output(self, src: str, output: KeptPage) -> None:
        self.outputs[src] = output

    def forget_missing(self, present: set) -> None:
        """Drop what belongs to deleted pages (memory stays bounded by the site)."""
        for table in (self.conversions, self.outputs):
            for src in [s for s in table if s not in present]:
                del table[src]


def config_key(config_file: str | os.PathLike, site_url: str | None, *theme_dirs: str) -> str:
    """The configuration file as written, the (environment-given) site URL and the template
    folders read before Material's: any change there rebuilds everything."""
    return digest(Path(config_file).read_bytes(), site_url or "", *map(folder_state, theme_dirs))


def nav_state(items) -> list:
    """The navigation as plain data (MkDocs' sections, links and pages by their attributes)."""
    out: list = []
    for item in items:
        if getattr(item, "is_section", False):
            out.append(["S", item.title, nav_state(item.children)])
        elif getattr(item, "is_link", False):
            out.append(["L", item.title, item.url])
        else:
            out.append(["P", item.title, item.url, item.is_homepage])
    return out


def toc_state(items) -> list:
    return [[t.title, t.url, t.level, toc_state(t.children)] for t in items]


class Bytecode(jinja2.BytecodeCache):
    """Compiled theme templates kept in memory across serve rebuilds (the bucket carries
    the template source's checksum, so an edited override compiles again)."""

    def __init__(self) -> None:
        self.store: dict[str, bytes] = {}

    def load_bytecode(self, bucket) -> None:
        if (data := self.store.get(bucket.key)) is not None:
            bucket.bytecode_from_string(data)

    def dump_bytecode(self, bucket) -> None:
        self.store[bucket.key] = bucket.bytecode_to_string()


class ServeMemo(Memo):
    """The memo of a `mkdocs serve` session (its tables, its compiled templates) and the
    rebuild in progress: its configuration key, navigation, files and which pages reuse
    their output. The plugin calls one method per MkDocs event."""

    def __init__(self) -> None:
        super().__init__()
        self.bytecode = Bytecode()  # the theme compiles once per serve session, not per build
        self.load = LoadMemo()  # each unchanged page file's parse, for Site.load (wenmingsite.loading.loadmemo)
        self.config_key = ""
        self.search_index: Any = None
        self.nav: Any = None
        self.files: Any = None
        self.files_digest: str | None = None
        self.keys: dict[str, OutputKey] = {}  # src -> output key
        self.reused: dict[str, KeptPage] = {}
        self.search_start: dict[str, int] = {}  # src -> index length before the page
        # src -> (converted body, Site.decorate_inputs, decorated body, photos spliced in later)
        self.decorated: dict[str, tuple[str, list, str, str | None]] = {}
        self.last_decorated: dict[str, tuple[str, list, str, str | None]] = {}
        self.template_names: tuple[tuple, list[str]] | None = None  # (key, the theme's template names)
        self.template_names_kept: tuple[tuple, list[str]] | None = None  # (key and filter, the names it kept)

    def start(self, config_file, site_url: str | None, theme_dirs: list[str], search_index: Any) -> None:
        """A new rebuild (on_config): per-build counts and keys reset, the configuration hashed."""
        self.start_build()
        self.config_key = config_key(config_file, site_url, *theme_dirs)
        self.search_index = search_index
        self.nav = self.files = self.files_digest = None
        self.keys, self.reused, self.search_start = {}, {}, {}
        self.last_decorated, self.decorated = self.decorated, {}

    def shared(self, shown: dict) -> None:
        """What every page's head and footer show (on_files): part of each page's key."""
        self.config_key = digest(self.config_key, json.dumps(shown, ensure_ascii=False, sort_keys=True))

    def files_key(self) -> str:
        if self.files_digest is None:
            self.files_digest = digest("\n".join(f"{f.src_uri}\0{f.url}" for f in self.files or ()))
        return self.files_digest

    # -- a page's Markdown conversion (plugin.MemoPage) -------------------------------------

    def convert(self, page, render) -> None:
        """``render()`` the page, or take its last conversion when its text (and, for text
        with links, the file list) is unchanged; keep what is converted for the next build."""
        src = page.file.src_uri
        key = self.conversion_key(src, page.markdown or "", self.config_key, self.files_key)
        if found := self.conversion(src, key):
            page.content, page._title_from_render = found.content, found.title
            page.toc = found.toc  # the table of contents made by MkDocs in an earlier build
            page.present_anchor_ids = set(found.anchors)
            return
        render()
        if not page.links_to_anchors:  # links into other pages are re-validated every time
            self.keep_conversion(
                src,
                Conversion(
                    key, page.content or "", page.toc, page._title_from_render, set(page.present_anchor_ids or ())
                ),
            )

    # -- the theme's file list ----------------------------------------------------------

    def list_templates(self, dirs: tuple, list_templates):
        """The theme folders' template loader's ``list_templates``, walked once per serve
        session instead of at every rebuild (MkDocs lists the theme's static files with it;
        Material's folders hold thousands of icons). Walked again when the configuration or
        a template folder read before Material's changes (the configuration key), or the
        folders are others."""

        def listed() -> list[str]:
            key = (dirs, self.config_key)
            if self.template_names is None or self.template_names[0] != key:
                self.template_names = (key, list(list_templates()))
            return list(self.template_names[1])

        return listed

    def theme_env(self, env, dirs: tuple) -> None:
        """A theme environment MkDocs or Material makes during a rebuild: its templates compiled
        once per session (Material's search plugin loads its language template into one of
        its own at every rebuild); the theme folders' file list walked once (above), and
        MkDocs' static-file filter over its 14,000 names run once per configuration key (the
        filter is the same function each time, reading only the configuration)."""
        env.bytecode_cache = self.bytecode
        loader = env.loader
        if not isinstance(loader, jinja2.FileSystemLoader):
            return
        loader.list_templates = self.list_templates(dirs, loader.list_templates)  # type: ignore[method-assign]
        unfiltered = env.list_templates

        def list_templates(extensions=None, filter_func=None) -> list[str]:
            if extensions is not None or filter_func is None:
                return unfiltered(extensions, filter_func)
            key = (dirs, self.config_key, filter_func.__code__)
            if self.template_names_kept is None or self.template_names_kept[0] != key:
                self.template_names_kept = (key, unfiltered(None, filter_func))
            return list(self.template_names_kept[1])

        env.list_templates = list_templates

    # -- the blocks around an activity page (Site.decorate) ---------------------------------

    def decorate(self, src: str, body: str, inputs: list | None, late: dict, make) -> str:
        """``make()`` (Site.decorate), or its last result for this page when the converted
        ``body`` and everything else it shows (``inputs``: Site.decorate_inputs, None for a
        page that shows other files and is always made) are equal to last time; the photos it
        puts into ``late`` go there again."""
        if inputs is None:
            return make()
        last = self.last_decorated.get(src)
        if last is not None and last[0] == body and last[1] == inputs:
            if last[3] is not None:
                late[src] = last[3]
            self.decorated[src] = last
            return last[2]
        made = make()
        self.decorated[src] = (body, inputs, made, late.get(src))
        return made

    # -- template output and search entries ---------------------------------------------

    def mark_reused(self, env, pages, late: dict) -> None:
        """on_env, every page converted: the pages whose template output and search entries
        are unchanged since the last rebuild get a template that costs nothing."""
        env.loader = jinja2.ChoiceLoader([env.loader, jinja2.DictLoader({REUSED_TEMPLATE: "reused"})])
        env.bytecode_cache = self.bytecode
        state = digest(self.config_key, json.dumps(nav_state(self.nav.items if self.nav else []), ensure_ascii=False))
        present = set()
        for page in pages:
            if page is None or page.content is None:
                continue
            src = page.file.src_uri
            present.add(src)
            kept = self.outputs.get(src)
            toc = page.toc
            # A reused conversion brings its table of contents back as the same object.
            toc_rows = kept.key.toc_rows if kept is not None and kept.key.toc is toc else toc_state(toc)
            key = OutputKey(
                state, page.url, page.title or "", dict(page.meta), toc, toc_rows, page.content, late.get(src, "")
            )
            self.keys[src] = key
            if kept is not None and kept.key == key:
                self.reused[src] = kept
                page.meta = {**page.meta, **REUSED_META}
        self.forget_missing(present)

    def search_entries(self, page) -> None:
        """on_page_context, before the search plugin: a reused page's entries, or the mark
        from which a rendered page's own entries are kept."""
        if self.search_index is None:
            return
        src = page.file.src_uri
        if src in self.reused:
            self.search_index.entries.extend(self.reused[src].search_entries)
            page.content = ""  # its output is known: spare the search plugin's pass over it
        else:
            self.search_start[src] = len(self.search_index.entries)

    def reused_output(self, src: str) -> str | None:
        if (found := self.reused.get(src)) is None:
            return None
        self.outputs_reused += 1
        return found.html

    def keep_page(self, src: str, output: str) -> None:
        """A page's final output and search entries, for the next rebuild."""
        if src not in self.keys:
            return
        self.rendered += 1
        index = self.search_index
        entries = index.entries[self.search_start[src] :] if index is not None and src in self.search_start else []
        self.keep_output(src, KeptPage(self.keys[src], output, list(entries)))

    def summary(self) -> str:
        return (
            f"预览增量重建：{self.rendered} 页重新生成（其中 {self.converted} 页重新转换 Markdown），"
            f"{self.outputs_reused} 页未受影响、沿用上次结果"
        )
