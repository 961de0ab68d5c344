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
then renamed into place. No MkDocs import (``plugin.py`` hands plain values in).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import hashlib
import json
import os
import re
import sys
from decimal import Decimal
from pathlib import Path, PurePath

VERSION = 1
FOLDER = ".cache/pages"
PACKAGE = Path(__file__).parent.parent


class Unsure(Exception):
    """An input that does not reduce to plain data: the page is rendered, not cached."""


def digest(*parts: str | bytes) -> str:
    h = hashlib.blake2b(digest_size=16)
    for part in parts:
        data = part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()


_FIELDS: dict[type, tuple[str, ...]] = {}


def _plain(value):
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        names = _FIELDS.get(type(value))
        if names is None:
            names = _FIELDS[type(value)] = tuple(f.name for f in dataclasses.fields(value))
        return {"": type(value).__name__, **{n: _plain(getattr(value, n)) for n in names}}
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


def canonical(value) -> str:
    """``value`` as JSON that is the same in every process (dataclasses by their fields,
    sets sorted); :class:`Unsure` for anything else (an object would hash by identity)."""
    return json.dumps(_plain(value), ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def folder_fingerprint(folder: str | os.PathLike | None) -> str:
    """The names and contents of every file under ``folder`` (not times: a fresh checkout
    gives every file a new one)."""
    if not folder or not os.path.isdir(folder):
        return ""
    folder = os.fspath(folder)
    h = hashlib.blake2b(digest_size=16)
    rows = []
    for dirpath, dirs, names in os.walk(folder):
        dirs[:] = [d for d in dirs if d != "__pycache__"]
        rows += [os.path.join(dirpath, n) for n in names if not n.endswith((".pyc", ".pyo"))]
    for path in sorted(rows):
        rel = os.path.relpath(path, folder).replace(os.sep, "/")
        h.update(rel.encode("utf-8", "surrogateescape") + b"\0")
        try:
            with open(path, "rb") as fh:
                h.update(hashlib.blake2b(fh.read(), digest_size=16).digest())
        except OSError:
            h.update(b"?")
    return h.hexdigest()


@functools.cache
def package_fingerprint() -> str:
    """This package's code, templates, theme and assets (a changed engine renders anew)."""
    return folder_fingerprint(PACKAGE)


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


class PageCache:
    """The pages of earlier builds (``lookup``) and of this one (``keep``/``store``);
    :meth:`save` writes this build's index and removes the HTML no page uses any more."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self.index = self.folder / "index.json"
        self.html_dir = self.folder / "html"
        self.entries: dict[str, dict] = {}
        self.kept: dict[str, dict] = {}
        # (reused, rendered) of activity pages (whole pages) and of the others (their template
        # output and search entries, keyed by their final body)
        self.counts = {"page": [0, 0], "output": [0, 0]}
        try:
            data = json.loads(self.index.read_text(encoding="utf-8"))
            if isinstance(data, dict) and data.get("version") == VERSION and isinstance(data.get("pages"), dict):
                self.entries = data["pages"]
        except (OSError, ValueError):
            pass

    def _html_path(self, key: str) -> Path:
        return self.html_dir / f"{key}.html"

    def lookup(self, src: str, key: str, kind: str = "page") -> dict | None:
        """The entry of ``src`` made under ``key`` whose HTML is on disk whole, else None."""
        entry = self.entries.get(src)
        if not isinstance(entry, dict) or entry.get("key") != key:
            return None
        try:
            if self._html_path(key).stat().st_size != entry.get("size"):
                return None
        except OSError:
            return None
        self.kept[src] = entry
        self.counts[kind][0] += 1
        return entry

    def html(self, entry: dict) -> str:
        return self._html_path(entry["key"]).read_bytes().decode("utf-8", "surrogateescape")

    def store(self, src: str, key: str, html: str, kind: str = "page", **fields) -> None:
        """Keep a rendered page (``fields``: title, toc, anchors, search, segments)."""
        data = html.encode("utf-8", "surrogateescape")
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
        """Write the index of this build's pages; remove HTML files no entry names."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            tmp = self.index.with_name(f".{self.index.name}.{os.getpid()}.tmp")
            tmp.write_text(
                json.dumps({"version": VERSION, "pages": self.kept}, ensure_ascii=False, separators=(",", ":")),
                encoding="utf-8",
            )
            os.replace(tmp, self.index)
            used = {f"{e['key']}.html" for e in self.kept.values()}
            for entry in os.scandir(self.html_dir) if self.html_dir.is_dir() else ():
                # Unused pages, and what an interrupted write left (a build writing now then
                # just does not keep that page).
                if entry.name not in used and entry.name.endswith((".html", ".tmp")):
                    os.unlink(entry.path)
        except OSError:
            pass
