"""A build cache that lives across processes: the finished HTML of activity pages.

Publishing after one edit is a fresh `mkdocs build` (CI restores ``.cache`` and builds
again). Without this cache it converts and renders every page anew, though all but a few
come out byte for byte as before. Here each activity page's output is kept in
``.cache/pages/`` under a key: a hash of everything the page's HTML is made from —

- the page's Markdown and meta, and the file list when its text holds a link;
- what the blocks around it show (``Site.decorate_inputs``: its record, category and
  criteria, neighbours, photos, the URLs it links to, its problems in the preview);
- what every page shows: the navigation, ``mkdocs.yml`` (and the environment values it
  reads), the share and footer data, the search words, the theme overrides' contents, this
  package's own files and the name and version of every installed distribution.

A later build whose key for a page is the same takes the page's HTML, table of contents,
anchors and search entries from the cache and skips its conversion and templates. Any doubt
is a miss: a page that logged a warning, links to anchors elsewhere, an input that does not
reduce to plain data, another MkDocs plugin or hook, a snippet extension — all are rendered
as if there were no cache.

Every other page (listings, timeline, statistics, home, report sections) is converted and its
body made again in every build — what an edit changes there is always seen. Only its theme
template and search indexing come from here, keyed (as the serve memo keys them) by that
final body, its title, meta, table of contents, URL, neighbours in the navigation and the
state above: a listing the edit did not touch costs its body, not its page.

Stored as data: ``index.json`` (versioned; per page its key, title, table of contents,
anchors and search entries) and one HTML file per key, each written to a temporary name and
then renamed into place (so a file stored once never changes: a reused page is hard-linked from
there into the build's new output folder, not read and written again). One build's use of it — the state every page shares, which pages
are reused or kept, the search entries they bring — is one :class:`BuildCache` the plugin
holds for that build. No MkDocs import: MkDocs' pages and configuration are read by their
attributes, and ``plugin.py`` makes the pages.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import hashlib
import json
import logging
import operator
import os
import re
import shutil
import stat
import sys
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path, PurePath
from typing import Any

from wenmingsite import search_words
from wenmingsite.gate import images
from wenmingsite.loading.checkcache import append_log, folder_fingerprint, package_fingerprint, read_log
from wenmingsite.pages import memo

VERSION = 2  # 2: HTML stored as MkDocs writes it (xmlcharrefreplace), linked into place
FOLDER = ".cache/pages"
PACKAGE = Path(__file__).parent.parent


class Unsure(Exception):
    """An input that does not reduce to plain data: the page is rendered, not cached."""


def digest(*parts: str | bytes) -> str:
    """Each part's length (8 bytes) and its bytes, hashed in one call (a page key has ten parts)."""
    data = [part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part for part in parts]
    stream = b"".join([piece for d in data for piece in (len(d).to_bytes(8, "little"), d)])
    return hashlib.blake2b(stream, digest_size=16).hexdigest()


@functools.cache
def _record_fields(kind: type) -> tuple[str, Callable[[Any], tuple]]:
    """A record type's name (module and qualified name) and a getter of its field values, in
    the order the type declares them (this package's files are in every key that holds one)."""
    names = tuple(f.name for f in dataclasses.fields(kind))
    getter = operator.attrgetter(*names) if len(names) > 1 else lambda v: tuple(getattr(v, n) for n in names)
    return f"{kind.__module__}.{kind.__qualname__}", getter


def _plain(value):
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        name, getter = _record_fields(type(value))
        return {"": [name, *map(_plain, getter(value))]}
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, (set, frozenset)):
        return sorted((_plain(v) for v in value), key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
    if isinstance(value, (dt.date, dt.time)):  # datetime is a date
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, PurePath):
        return value.as_posix()
    raise Unsure(type(value).__name__)


def _unsure(value):
    raise Unsure(type(value).__name__)


def _encoder(kind: type) -> Callable[[Any], Any]:
    """:func:`_default` for the values of one type. A record is ``{"": [its type's name, its
    field values...]}``: one key, nothing to sort, its values read by one C call (a thousand
    activity records per build, their categories, criteria and listing rows)."""
    if dataclasses.is_dataclass(kind):
        name, getter = _record_fields(kind)
        return lambda value: {"": [name, *getter(value)]}
    if issubclass(kind, (dt.date, dt.time)):  # datetime is a date
        return kind.isoformat
    if issubclass(kind, Decimal):
        return str
    if issubclass(kind, PurePath):
        return kind.as_posix
    if issubclass(kind, (set, frozenset)):
        return _plain
    return _unsure


_ENCODERS: dict[type, Callable[[Any], Any]] = {}


def _default(value):
    """What JSON's own encoder does not know, in :func:`_plain`'s forms (one level: the
    encoder calls this again for what is inside); per type, decided once."""
    kind = type(value)
    encode = _ENCODERS.get(kind)
    if encode is None:
        encode = _ENCODERS[kind] = _encoder(kind)
    return encode(value)


_ENCODE = json.JSONEncoder(
    ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=_default, check_circular=False
).encode


def canonical(value) -> str:
    """``value`` as JSON that is the same in every process (a dataclass as its type's name and
    its field values, see :func:`_encoder`; sets sorted); :class:`Unsure` for anything else
    (an object would hash by identity). JSON's C encoder walks the value (a thousand activity records per build); a dictionary
    whose keys it cannot sort or write goes the slower way, every key made a string. Keys are
    written as JSON writes them (1, True and None as "1", "true" and "null", so ``{True: x}``
    and ``{"true": x}`` are one key, as ``{1: x}`` and ``{"1": x}`` always were): the keys
    of what pages are made from are strings (front matter keys a page may have are checked
    by the loader's field tables; a record is a frozen dataclass, never a dict)."""
    try:
        return _ENCODE(value)
    except (TypeError, ValueError, RecursionError):
        return json.dumps(_plain(value), ensure_ascii=False, sort_keys=True, separators=(",", ":"))


@functools.cache
def installed() -> str:
    """Python's version and the name and version of every installed distribution (their
    metadata folders are named so): a new MkDocs, Material or jieba renders anew."""
    names: set[str] = set()
    for entry in sys.path:
        try:
            with os.scandir(entry or ".") as it:
                names.update(e.name for e in it if e.name.endswith((".dist-info", ".egg-info")))
        except OSError:
            continue
    return digest(sys.version, *sorted(names))


_ENV_TAG = re.compile(r"!ENV\s*\[?\s*([^\]\n]+)")


def config_fingerprint(config_file: str | os.PathLike) -> str | None:
    """mkdocs.yml as written plus the environment values its ``!ENV`` tags read; None for a
    configuration that inherits from another file (not followed here: no cache)."""
    text = Path(config_file).read_bytes()
    decoded = text.decode("utf-8", "replace")
    if re.search(r"(?m)^INHERIT\s*:", decoded):
        return None
    names = sorted({n.strip().strip("'\"") for m in _ENV_TAG.finditer(decoded) for n in m.group(1).split(",")})
    return digest(text, *(f"{n}={os.environ.get(n, '')}" for n in names if re.fullmatch(r"[A-Za-z_]\w*", n)))


def _toc_rows(rows) -> bool:
    return isinstance(rows, list) and all(
        isinstance(r, list)
        and len(r) == 4
        and isinstance(r[0], str)
        and isinstance(r[1], str)
        and type(r[2]) is int
        and _toc_rows(r[3])
        for r in rows
    )


def _strings(value) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def well_formed(entry: dict) -> bool:
    """An index entry of the shape :meth:`PageCache.store` writes (what a reused page is made
    of is read from it: its title, contents, anchors, search entries and words)."""
    title = entry.get("title")
    search = entry.get("search")
    return (
        type(entry.get("size")) is int
        and (title is None or isinstance(title, str))
        and _toc_rows(entry.get("toc"))
        and _strings(entry.get("anchors"))
        and isinstance(search, list)
        and all(isinstance(e, dict) and all(isinstance(k, str) for k in e) for e in search)
        and _strings(entry.get("segments"))
    )


class PageCache:
    """The pages of earlier builds (``lookup``) and of this one (``keep``/``store``);
    :meth:`save` writes this build's index and removes the HTML no page uses any more."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self.index = self.folder / "index.json"
        self.html_dir = self.folder / "html"
        self.entries: dict[str, dict] = {}
        self.kept: dict[str, dict] = {}
        # (reused, rendered) of activity pages (whole pages), of the others (their template
        # output and search entries, keyed by their final body) and of the generated pages
        # keyed by what their kind declares their body is made of (BuildCache.body)
        self.counts = {"page": [0, 0], "output": [0, 0], "body": [0, 0]}
        # The entries builds changed since index.json was written, one JSON line per build
        # (an edit changes a few entries of a 4 MB index); read line by line, a line cut short
        # or of another version passed over. Every entry is checked when looked up, as ever.
        self.log = self.folder / "index.jsonl"
        self.stored_size = self.log_size = 0
        self.log_whole = True
        try:
            raw = self.index.read_bytes()
            data = json.loads(raw)
            if isinstance(data, dict) and data.get("version") == VERSION and isinstance(data.get("pages"), dict):
                self.entries, self.stored_size = data["pages"], len(raw)
        except (OSError, ValueError, RecursionError):  # RecursionError: nested too deep (forged)
            pass
        if self.stored_size:
            lines, self.log_size, self.log_whole = read_log(self.log)
            for data in lines:
                if isinstance(data, dict) and data.get("version") == VERSION and isinstance(data.get("pages"), dict):
                    self.entries.update(data["pages"])

    def _html_path(self, key: str) -> Path:
        return self.html_dir / f"{key}.html"

    def lookup(self, src: str, key: str, kind: str = "page") -> dict | None:
        """The entry of ``src`` made under ``key`` whose HTML is on disk whole, else None (also
        for an entry of another shape: a restored cache is untrusted input)."""
        entry = self.entries.get(src)
        if not isinstance(entry, dict) or entry.get("key") != key or not well_formed(entry):
            return None
        try:
            # lstat: a symbolic link (a forged cache) is no page; a hard link to it would be
            # a link in site/, and what the workflow uploads follows links
            st = os.lstat(self._html_path(key))
            if not stat.S_ISREG(st.st_mode) or st.st_size != entry.get("size"):
                return None
        except OSError:
            return None
        self.kept[src] = entry
        self.counts[kind][0] += 1
        return entry

    def html(self, entry: dict) -> str:
        return self._html_path(entry["key"]).read_bytes().decode("utf-8", "surrogateescape")

    def place(self, entry: dict, dest: str) -> bool:
        """Put the entry's HTML at ``dest`` in a new output folder: a hard link (one call, no
        bytes read or written), a copy where links are impossible; False when neither works
        (the caller then writes the page). The cache never writes into a file it stored (a
        new one is renamed into place), so a link cannot change a site written earlier."""
        source = self._html_path(entry["key"])
        try:
            try:
                try:
                    os.link(source, dest)
                except FileNotFoundError:  # its folder not made yet (made first where a worker makes them)
                    os.makedirs(os.path.dirname(dest), exist_ok=True)
                    os.link(source, dest)
                return True  # the stored file itself, whose size lookup() checked
            except FileExistsError:
                return False  # not ours to replace
            except OSError:
                shutil.copyfile(source, dest)
            if os.stat(dest).st_size == entry.get("size"):
                return True
        except OSError:
            pass
        try:  # half made, or not the stored page: gone, so that the caller's write makes a new file
            os.unlink(dest)
        except OSError:
            pass
        return False

    def store(self, src: str, key: str, html: str, kind: str = "page", **fields) -> None:
        """Keep a rendered page (``fields``: title, toc, anchors, search, segments), as
        the bytes MkDocs writes for it."""
        data = html.encode("utf-8", "xmlcharrefreplace")
        path = self._html_path(key)
        try:
            if not (path.is_file() and path.stat().st_size == len(data)):
                self.html_dir.mkdir(parents=True, exist_ok=True)
                tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
                tmp.write_bytes(data)
                os.replace(tmp, path)
        except OSError:
            return  # a cache that cannot be written is only slower
        self.kept[src] = {"key": key, "size": len(data), **fields}
        self.counts[kind][1] += 1

    def save(self) -> None:
        """Keep the index of this build's pages: its changed entries appended to the log while
        most entries of index.json are still this build's and the log is small beside it (the
        others stay until then), else index.json written anew with this build's entries and the
        log removed; remove HTML files no entry names."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            entries = self.entries
            if self.stored_size and len(set(entries) - set(self.kept)) * 4 <= len(entries):
                changed = {
                    src: e for src, e in self.kept.items() if not (entries.get(src) is e or entries.get(src) == e)
                }
                line = (
                    json.dumps({"version": VERSION, "pages": changed}, ensure_ascii=False, separators=(",", ":")) + "\n"
                ).encode("utf-8")
                if not changed:
                    named = entries
                elif (self.log_size + len(line)) * 8 <= self.stored_size:
                    if (size := append_log(self.log, line, self.log_size, self.log_whole)) is None:
                        return  # the index as it was: every entry it names is still there
                    self.log_size, self.log_whole = size, True
                    entries.update(changed)
                    named = entries
                else:
                    named = self._rewrite()
            else:
                named = self._rewrite()
            used = {f"{e['key']}.html" for e in named.values() if isinstance(e, dict) and isinstance(e.get("key"), str)}
            for entry in os.scandir(self.html_dir) if self.html_dir.is_dir() else ():
                # Unused pages, and what an interrupted write left (a build writing now then
                # just does not keep that page).
                if entry.name not in used and entry.name.endswith((".html", ".tmp")):
                    os.unlink(entry.path)
        except OSError:
            pass

    def _rewrite(self) -> dict[str, dict]:
        """index.json written anew with this build's entries (atomically), the log removed."""
        data = json.dumps({"version": VERSION, "pages": self.kept}, ensure_ascii=False, separators=(",", ":")).encode()
        if not images.write_cache(self.index, data):
            raise OSError(f"{self.index} not written")  # save() keeps the HTML files then
        try:
            self.log.unlink()
        except FileNotFoundError:
            pass
        self.entries = dict(self.kept)
        self.stored_size, self.log_size, self.log_whole = len(data), 0, True
        return self.kept


# What may run in a build whose pages come from the build cache, and beside a `mkdocs serve`
# page that skips MkDocs' page build (plugin.WenmingPlugin._reused_page): plugins whose page
# events are known (any other plugin or hook could read files the cache key does not cover;
# MkDocs' own search would index a reused page's empty body). Material's search gets the
# page's kept entries instead, the lightbox's tags are in its kept output.
PLUGINS = frozenset({"material/search", "glightbox", "wenming"})


class PageLogs(logging.Handler):
    """Counts what MkDocs says about pages (warnings, and notes on links): a page that had
    something said about it is never taken from the build cache, so that it is said again."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        if record.levelno >= logging.WARNING or record.name.startswith("mkdocs.structure"):
            self.count += 1


def toc_data(items) -> list:
    return [[t.title, t.id, t.level, toc_data(t.children)] for t in items]


class BuildCache:
    """One `mkdocs build`'s use of the build cache. Activity pages (:meth:`render`) are taken
    whole from it or rendered and kept; every other page (:meth:`mark_reused`) gets its template
    output and search entries from it when its final body and all around it are unchanged.
    The plugin calls one method per MkDocs event; the state lives here, not on the pages."""

    def __init__(self, root: Path, site: Any, theme_dirs: list[str], segmentation: bool, preview: bool) -> None:
        self.store = PageCache(Path(root) / FOLDER)
        self.site = site  # wenmingsite.site.Site (set in on_pre_build)
        self.theme_dirs = theme_dirs  # the unit's overrides (this package's theme is in its fingerprint)
        self.segmentation, self.preview = segmentation, preview
        self.logs = PageLogs()
        logging.getLogger("mkdocs").addHandler(self.logs)
        self.on = True
        self.nav: Any = None
        self.state_digest: str | None = None
        self.whole: set[str] = set()  # activity pages: taken whole or rendered whole
        self.bodies: set[str] = set()  # generated pages keyed by what their kind declares (body)
        self.cached: dict[str, dict] = {}  # src -> the entry the page reuses
        self.keys: dict[str, str] = {}  # src -> the key a rendered page is kept under
        self.search_start: dict[str, tuple[int, int]] = {}
        self.search_index: Any = None
        # A build writing into a new folder: its sitefolder.Worker, which puts reused pages in
        # place on its own thread as soon as they are known (:meth:`hand`).
        self.worker: Any = None
        self.handed: dict[str, str] = {}  # src -> where the worker puts it
        # How the worker reads back a page it put in place (the plugin gives it
        # gate.outputs_scan.read_back), and what it read: the output path (normalised) -> the
        # file's identity and the key of its bytes, for the output scan (``read_before``).
        self.read_back: Any = None
        self.read: dict[str, tuple] = {}
        self._files: tuple[Any, int, str] | None = None  # see files_digest

    @classmethod
    def open(cls, config, **kwargs) -> BuildCache | None:
        """The cache for a build with nothing the cache key cannot see, else None."""
        log = logging.getLogger("mkdocs.plugins.wenming")
        if set(config.plugins) - PLUGINS or config.hooks:
            log.debug(f"build cache off: plugins {sorted(config.plugins)}, hooks {config.hooks}")
            return None
        if any("snippets" in str(e) or "include" in str(e) for e in config.markdown_extensions):
            log.debug("build cache off: a Markdown extension that reads other files")
            return None
        return cls(Path(config.config_file_path).parent, **kwargs)

    def close(self) -> None:
        logging.getLogger("mkdocs").removeHandler(self.logs)
        self.on = False

    def state(self, config) -> str | None:
        """What every page shows or is made with, hashed once per build; None: no cache."""
        if self.on and self.state_digest is None:
            try:
                fingerprint = config_fingerprint(config.config_file_path)
                if fingerprint is None:
                    self.on = False
                    return None
                shared = {k: v for k, v in config.extra.get("wenming_site", {}).items() if k != "pages"}
                self.state_digest = digest(
                    str(VERSION),
                    package_fingerprint(),
                    installed(),
                    fingerprint,
                    config.site_url or "",
                    str(config.use_directory_urls),
                    str(config.theme.name),
                    *map(folder_fingerprint, self.theme_dirs),
                    canonical(memo.nav_state(self.nav.items if self.nav else [])),
                    canonical(shared),
                    canonical(search_words(self.site.content)),
                    str(self.segmentation),
                    str(self.preview),
                )
            except (OSError, Unsure) as exc:
                logging.getLogger("mkdocs.plugins.wenming").debug(f"build cache off: {exc!r}")
                self.on = False
        return self.state_digest if self.on else None

    def files_digest(self, files) -> str:
        """The file list (each file's path and URL) a page with links is converted against,
        hashed once per build, not once per page."""
        if self._files is None or self._files[0] is not files or self._files[1] != len(files):
            self._files = (files, len(files), digest("\n".join(f"{f.src_uri}\0{f.url}" for f in files)))
        return self._files[2]

    def page_key(self, page, config, files) -> str | None:
        """The key of an activity page's finished HTML, or None."""
        state = self.state(config)
        inputs = self.site.decorate_inputs(page.file.src_uri, page.url)
        if state is None or inputs is None:
            return None
        markdown = page.markdown or ""
        image = config.extra.get("wenming_site", {}).get("pages", {}).get(page.file.src_uri)
        around = [p.url if p else None for p in (page.previous_page, page.next_page)]
        around += [str(a.title) for a in page.ancestors]
        try:
            return digest(
                state,
                page.file.src_uri,
                page.url,
                markdown,
                canonical(page.meta),
                self.files_digest(files) if memo.linkish(markdown) else "",
                canonical(inputs),
                canonical(image),
                canonical(around),
            )
        except Unsure as exc:
            logging.getLogger("mkdocs.plugins.wenming").debug(f"build cache: {page.file.src_uri} rendered ({exc!r})")
            return None

    # -- events ---------------------------------------------------------------------------

    def render(self, page, config, files, render) -> dict | None:
        """An activity page: its cache entry (the page then has a template that costs nothing;
        the caller gives it the entry's table of contents), or ``render()`` and a key to keep
        it under when MkDocs said nothing about it."""
        src = page.file.src_uri
        self.whole.add(src)
        key = self.page_key(page, config, files) if self.on else None
        if key is not None and self.on and (found := self.store.lookup(src, key)):
            self.cached[src] = found
            page.content = ""
            page._title_from_render = found["title"]
            page.present_anchor_ids = set(found["anchors"])
            page.meta = {**page.meta, **memo.REUSED_META}
            self.hand(src, found, page.file.abs_dest_path)
            return found
        said = self.logs.count
        render()
        if key is not None and self.logs.count == said and not page.links_to_anchors:
            self.keys[src] = key
        return None

    def reused(self, src: str) -> bool:
        return src in self.cached

    def body(self, page, config, inputs) -> bool:
        """on_page_content of a generated page, before its body is made: True when the page is
        taken from the cache (its body is then not made, nor its template rendered), keyed by
        what its kind declares its body is made of (``inputs()``: Site.body_inputs; None: the
        kind declares nothing and the page is made as usual) and by all the page around it.
        Not found, it is made and kept under that key."""
        src = page.file.src_uri
        state = self.state(config)
        if state is None or page.is_homepage:
            return False
        try:
            data = inputs()
            if data is None:
                return False
            images = config.extra.get("wenming_site", {}).get("pages", {})
            around = [[p.url, str(p.title)] if p else None for p in (page.previous_page, page.next_page)]
            key = digest(
                state,
                "body",
                src,
                page.url,
                str(page.title),
                canonical(page.meta),
                canonical(toc_data(page.toc)),
                page.content or "",
                canonical(data),
                self.site.late.get(src, ""),
                canonical(images.get(src)),
                canonical(around),
            )
        except Unsure as exc:
            logging.getLogger("mkdocs.plugins.wenming").debug(f"build cache: {src} made ({exc!r})")
            return False
        self.bodies.add(src)
        self.keys[src] = key
        if (found := self.store.lookup(src, key, "body")) is not None:
            self.cached[src] = found
            page.meta = {**page.meta, **memo.REUSED_META}
            self.hand(src, found, page.file.abs_dest_path)
            return True
        return False

    def mark_reused(self, env, pages, config) -> None:
        """on_env, every other page converted and decorated: its template output and search
        entries from the cache when all they are made from is unchanged (keyed as the serve
        memo keys them, by the page's final body), so that a listing the edit did not touch
        skips its template and search pass. The body itself was made again, so nothing it
        depends on can be missed."""
        import jinja2

        env.loader = jinja2.ChoiceLoader([env.loader, jinja2.DictLoader({memo.REUSED_TEMPLATE: "reused"})])
        state = self.state(config)
        if state is None:
            return
        late = self.site.late
        images = config.extra.get("wenming_site", {}).get("pages", {})
        for page in pages:
            if page is None or page.content is None or page.file.src_uri in self.whole:
                continue
            if page.file.src_uri in self.bodies:  # keyed by what its body is made of (:meth:`body`)
                continue
            src = page.file.src_uri
            around = [[p.url, str(p.title)] if p else None for p in (page.previous_page, page.next_page)]
            try:
                key = digest(
                    state,
                    "output",
                    src,
                    page.url,
                    str(page.title),
                    str(page.is_homepage),
                    canonical(page.meta),
                    canonical(toc_data(page.toc)),
                    page.content,
                    late.get(src, ""),
                    canonical(images.get(src)),
                    canonical(around),
                )
            except Unsure:
                continue
            self.keys[src] = key
            if (found := self.store.lookup(src, key, "output")) is not None:
                self.cached[src] = found
                page.meta = {**page.meta, **memo.REUSED_META}
                self.hand(src, found, page.file.abs_dest_path)

    def search_entries(self, page, search_plugin, segments) -> None:
        """on_page_context, before the search plugin indexes the page: its cached entries,
        or the mark from which its own entries are kept."""
        src = page.file.src_uri
        if src not in self.keys and src not in self.cached:
            return
        index = getattr(search_plugin, "search_index", None)
        if index is None or not getattr(search_plugin.config, "enabled", True):
            return
        if (cached := self.cached.get(src)) is not None:
            index.entries.extend(cached["search"])
            if segments is not None:
                segments.used.update(cached["segments"])
            return
        self.search_index = index
        self.search_start[src] = (len(index.entries), len(segments.journal) if segments is not None else 0)

    def output(self, src: str) -> str | None:
        """A reused page's finished HTML (on_post_page), else None."""
        if (cached := self.cached.get(src)) is None:
            return None
        return self.store.html(cached)

    def hand(self, src: str, entry: dict, dest: str) -> None:
        """A reused page, as soon as it is known: put in place by the worker's thread (a build
        writing into a new folder), not by the main thread in its on_post_page."""
        if self.worker is not None and dest:
            self.handed[src] = dest
            self.worker.hand(src, functools.partial(self._place_and_read, entry, dest))

    def _place_and_read(self, entry: dict, dest: str) -> bool:
        """On the worker's thread: the page put in place, then read back (its bytes hashed as
        the output scan keys them, with the identity of the file read), so that the main
        thread's scan need not read it again."""
        if not self.store.place(entry, dest):
            return False
        if self.read_back is not None and (found := self.read_back(dest)) is not None:
            self.read[os.path.normpath(dest)] = found
        return True

    def placed(self, src: str, dest: str) -> bool:
        """A reused page already handed to the worker to be put at ``dest`` (:meth:`hand`)."""
        return src in self.cached and self.handed.get(src) == dest

    def place(self, src: str, dest: str) -> bool:
        """on_post_page of a reused page in a new output folder: its finished HTML put at
        ``dest`` without reading or writing it (see :meth:`PageCache.place`), or handed to the
        worker already (:meth:`hand`); False: the caller writes :meth:`output` as usual."""
        if self.handed.get(src) == dest:
            return True
        return (cached := self.cached.get(src)) is not None and self.store.place(cached, dest)

    def write_unplaced(self, failed: list[str]) -> None:
        """After the worker finished (before the output scan): the reused pages it could not
        put in place written from the cache by this thread, the bytes MkDocs would write."""
        for src in failed:
            dest = self.handed.pop(src)
            data = self.store.html(self.cached[src]).encode("utf-8", "xmlcharrefreplace")
            os.makedirs(os.path.dirname(dest), exist_ok=True)
            with open(dest, "wb") as fh:
                fh.write(data)

    def keep(self, page, output: str, segments) -> None:
        """Keep a page the build rendered under its key (when it has one) for later builds."""
        src = page.file.src_uri
        if (key := self.keys.get(src)) is None or src in self.cached:
            return
        entries: list = []
        journal: list = []
        if (start := self.search_start.get(src)) is not None:
            entries = self.search_index.entries[start[0] :]
            if segments is not None:
                journal = segments.journal[start[1] :]
        try:
            json.dumps(entries)
        except (TypeError, ValueError):
            return
        self.store.store(
            src,
            key,
            output,
            "page" if src in self.whole else "body" if src in self.bodies else "output",
            title=page._title_from_render,
            toc=toc_data(page.toc),
            anchors=sorted(page.present_anchor_ids or ()),
            search=entries,
            segments=sorted(set(journal)),
        )

    def save(self) -> str | None:
        """Write this build's index (a build that switched its folder into place); the line
        that says how much was reused."""
        on = self.on
        self.close()
        if not on:
            return None
        self.store.save()
        (reused, rendered), (others, redone) = self.store.counts["page"], self.store.counts["output"]
        kept, made = self.store.counts["body"]
        if reused or rendered:
            return (
                f"构建缓存：{reused} 个活动页面沿用上次构建的结果，{rendered} 个重新生成；"
                f"其他页面 {others + kept} 个沿用、{redone + made} 个重新生成"
                f"（其中列表等生成页面 {kept} 个连同内容沿用、{made} 个重新生成）"
            )
        return None
