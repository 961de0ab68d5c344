"""A persistent cache of Chinese word segmentation for the search index.

Material's search plugin runs jieba over every title and section on every build, about
half of a build's time. Segmentation is a pure function of the text and of jieba's
dictionary, so results are kept by a hash of the text in a cache beside mkdocs.yml, salted
with what changes the output (jieba's version, our added words, this module's version).
Jieba itself (0.7 s to load its dictionary) is only started when some text is not cached,
and a build with only a little new text segments it with jieba's word frequencies read from a
table kept in the cache (:mod:`wenmingsite.pages.wordtable`) instead of loading the whole
dictionary: the same words, exactly.

Material segments each run of Han characters on its own (``_segment_chinese``: jieba cuts
the run, the words are joined and framed by zero-width spaces). So a text not seen before
is put together from its runs, each also kept by its hash: an edit that changes a title
or one sentence of a page needs jieba only for a run of characters no text had before.

One level up, :class:`EntryCache` keeps the search plugin's entries of a whole page (its HTML
parsed into sections, each segmented) by everything they are made from, so that a build
whose page bodies did not change (a new template, a nav change, a new release that leaves
bodies alone) neither parses nor segments them again.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import sys
from collections.abc import Callable
from itertools import chain
from pathlib import Path

from backrefs import bre

from wenmingsite.gate import images
from wenmingsite.loading.checkcache import append_log, read_log
from wenmingsite.pages import wordtable

VERSION = 2
# Material's own expression for what it segments (material.plugins.search.plugin).
HAN = bre.compile(r"(\p{script: Han}+)", bre.UNICODE)  # the same engine (backrefs, installed with Material)
ZWSP = "\u200b"


class SegmentCache:
    def __init__(self, folder: Path):
        self.path = folder / "segments.json"
        # What builds segmented since segments.json was last written, one JSON line per build
        # (appending a line costs what the new text costs; rewriting the whole file costs 5 MB
        # at 1,000 activities). Read line by line: a line cut short or of another shape is not used.
        self.log_path = folder / "segments.jsonl"
        self.salt = ""
        self.added: dict[str, str] = {}  # entries and parts made since the last save
        self.added_parts: dict[str, list[str]] = {}
        self.stored_size = 0  # bytes of segments.json as read (0: none of these settings)
        self.log_size = 0
        self.log_whole = True  # the log ends with a whole line (or there is none)
        self.entries: dict[str, str] = {}
        self.parts: dict[str, list[str]] = {}  # a text's key -> the keys of its runs
        self.by_runs = False  # Material's segmentation, which goes run by run
        self.used: set[str] = set()
        self.words: list[str] = []
        self.words_taught = False
        self.dirty = False
        self.hits = self.misses = 0
        self.cut = 0  # texts or runs jieba segmented in this build
        self.journal: list[str] = []  # keys in the order they were asked for (see pagecache)
        # jieba's word frequencies read from a table instead of its whole dictionary (wordtable):
        # None until a build has something to segment, False once it cannot be used.
        self.lazy: wordtable.LazyDictionary | bool | None = None
        self.by_table = 0  # texts or runs of `cut` segmented with the table
        self.table_wanted = False  # the table is missing or unusable: write it at the end
        self.restored = False  # the entries came from an earlier build's cache

    def configure(self, words: list[str]) -> None:
        """Set the words jieba must keep whole; (re)load the entries made with them."""
        import importlib.metadata

        try:
            jieba_version = importlib.metadata.version("jieba")
        except importlib.metadata.PackageNotFoundError:  # pragma: no cover
            jieba_version = "?"
        salt = hashlib.sha1(
            json.dumps([VERSION, jieba_version, sys.version_info[:2], words], ensure_ascii=False).encode()
        ).hexdigest()
        self.words = words
        self.used = set()
        self.hits = self.misses = self.cut = self.by_table = 0
        self.journal = []
        if salt == self.salt:
            return  # same settings as the previous build of this process (mkdocs serve)
        self.salt = salt
        self.words_taught = False
        if isinstance(self.lazy, wordtable.LazyDictionary):
            self.lazy.close()
        self.lazy = None  # it holds the previous words
        self.entries, self.parts, self.stored_size = _read(self.path, salt)
        self.log_size, self.log_whole = (
            _read_log(self.log_path, salt, self.entries, self.parts) if self.stored_size else (0, True)
        )
        self.added, self.added_parts = {}, {}
        self.restored = bool(self.entries)

    def _teach(self) -> None:
        import jieba

        for word in self.words:
            jieba.add_word(word)
        self.words_taught = True

    def wrap(self, segment: Callable[[str], str]) -> Callable[[str], str]:
        func = getattr(segment, "__func__", None)
        self.by_runs = (
            getattr(func, "__qualname__", "") == "SearchIndex._segment_chinese"
            and getattr(func, "__module__", "") == "material.plugins.search.plugin"
        )

        def cached(text: str) -> str:
            key = _key(text)
            self.used.add(key)
            self.journal.append(key)
            hit = self.entries.get(key)
            if hit is not None and _same_text(hit, text):
                self.hits += 1
                return hit
            self.misses += 1
            result = self._by_runs(key, text, segment) if self.by_runs else self._segment(text, segment)
            self.entries[key] = self.added[key] = result
            self.dirty = True
            return result

        return cached

    def _segment(self, text: str, segment: Callable[[str], str]) -> str:
        self.cut += 1
        if not self.words_taught:
            lazy = self._lazy()
            if lazy is not None:
                try:
                    result = lazy.segment(text, segment)
                    self.by_table += 1
                    return result
                except wordtable.TableUnusable as exc:  # over its budget, or broken: the whole dictionary
                    self.lazy = False
                    self.table_wanted = self.table_wanted or exc.rebuild
            self._teach()
        return segment(text)

    def _lazy(self) -> wordtable.LazyDictionary | None:
        if self.lazy is None:
            try:
                self.lazy = wordtable.LazyDictionary.open(self.path.parent, self.words)
            except wordtable.TableUnusable as exc:
                self.lazy = False
                self.table_wanted = exc.rebuild
        return self.lazy if isinstance(self.lazy, wordtable.LazyDictionary) else None

    def _by_runs(self, key: str, text: str, segment: Callable[[str], str]) -> str:
        """Material's result, made of each Han run's own: a kept run is not cut again."""
        pieces = HAN.split(text)  # text, run, text, run, …, text
        keys = []
        for i in range(1, len(pieces), 2):
            run = pieces[i]
            run_key = _key(run)
            keys.append(run_key)
            words = self.entries.get(run_key)
            if words is None or not _same_text(words, run):
                words = self.entries[run_key] = self.added[run_key] = self._segment(run, segment)
            pieces[i] = ZWSP + words + ZWSP
        self.parts[key] = self.added_parts[key] = keys
        return "".join(pieces).strip(ZWSP)

    def save(self) -> None:
        """Keep what this build segmented: appended to the log while the stored file is mostly
        still used and the log small beside it, else the entries this build used (old ones
        dropped) written anew, atomically, and the log removed; and the word table if this
        build missed it (not on a unit's first build: it segments everything anyway, and one
        that is never built again would not use the table)."""
        if self.table_wanted and self.restored:
            self.table_wanted = False
            wordtable.write_for(self.path.parent)
        parts = {k: v for k, v in self.parts.items() if k in self.used}
        wanted = self.used.union(*parts.values())
        stale = len(self.entries) - len(wanted) + len(self.parts) - len(parts)
        if self.stored_size and stale * 4 <= len(self.entries):
            if not self.dirty:
                return
            line = (
                json.dumps(
                    {"salt": self.salt, "entries": self.added, "parts": self.added_parts},
                    ensure_ascii=False,
                    separators=(",", ":"),
                )
                + "\n"
            ).encode("utf-8")
            if (self.log_size + len(line)) * 8 <= self.stored_size:
                if (size := append_log(self.log_path, line, self.log_size, self.log_whole)) is None:
                    return  # a cache that cannot be written is only slower
                self.log_size, self.log_whole = size, True
                self.added, self.added_parts = {}, {}
                self.dirty = False
                return
        elif not self.dirty and not stale:
            return
        keep = {k: v for k, v in self.entries.items() if k in wanted}
        data = json.dumps(
            {"salt": self.salt, "entries": keep, "parts": parts}, ensure_ascii=False, separators=(",", ":")
        ).encode("utf-8")
        if not images.write_cache(self.path, data):
            return  # a cache that cannot be written is only slower
        try:
            self.log_path.unlink()
        except FileNotFoundError:
            pass
        self.entries, self.parts = keep, parts
        self.added, self.added_parts = {}, {}
        self.stored_size, self.log_size = len(data), 0
        self.dirty = False


def _read(path: Path, salt: str) -> tuple[dict[str, str], dict[str, list[str]], int]:
    """The entries and parts of a cache made with ``salt``, and the file's size. A restored
    .cache is untrusted input: anything but text for text (and lists of keys for parts) is an
    empty cache (size 0)."""
    try:
        raw = path.read_bytes()
        data = json.loads(raw)
    except (OSError, ValueError, RecursionError):  # RecursionError: nested too deep (forged)
        return {}, {}, 0
    shaped = _shaped(data, salt)
    return (*shaped, len(raw)) if shaped is not None else ({}, {}, 0)


def _shaped(data, salt: str) -> tuple[dict[str, str], dict[str, list[str]]] | None:
    """(entries, parts) of a document of the shape :meth:`SegmentCache.save` writes with
    ``salt``, else None."""
    if not isinstance(data, dict) or data.get("salt") != salt:
        return None
    entries, parts = data.get("entries"), data.get("parts")
    if not (isinstance(entries, dict) and isinstance(parts, dict)):
        return None
    # JSON makes no subclasses: the types compared whole, without a Python call per value.
    if not set(map(type, entries.values())) <= {str}:
        return None
    if not (set(map(type, parts.values())) <= {list} and set(map(type, chain.from_iterable(parts.values()))) <= {str}):
        return None
    return entries, parts


def _read_log(path: Path, salt: str, entries: dict[str, str], parts: dict[str, list[str]]) -> tuple[int, bool]:
    """Add each line of the log that has the shape :meth:`SegmentCache.save` appends (with
    ``salt``) to ``entries`` and ``parts``; every other line (cut short, forged, of other
    settings) is passed over. Returns the log's size (0 when there is none) and whether it
    ends with a whole line."""
    lines, size, whole = read_log(path)
    for data in lines:
        if (shaped := _shaped(data, salt)) is not None:
            entries.update(shaped[0])
            parts.update(shaped[1])
    return size, whole


def _same_text(segmented: str, text: str) -> bool:
    """Segmenting only adds zero-width spaces: a kept result that says anything else (a
    restored cache is untrusted input) is not used, so the index holds only the site's text."""
    return segmented.replace(ZWSP, "") == text.replace(ZWSP, "")


def _key(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=12).hexdigest()


def keep_dictionary_in(folder: Path) -> None:
    """jieba's prepared dictionary (its own marshal file, 0.7 s to make from the word list)
    in ``folder`` instead of the system's temporary folder, so that a build machine that
    restores .cache (CI) does not make it again; named by jieba's version."""
    import importlib.metadata

    import jieba

    if jieba.dt.initialized:
        return
    try:
        version = importlib.metadata.version("jieba")
    except importlib.metadata.PackageNotFoundError:  # pragma: no cover
        version = "unknown"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for leftover in folder.glob("tmp*"):  # what a write jieba could not finish left (a full disk)
            leftover.unlink()
    except OSError:
        return  # jieba then uses the temporary folder, as before
    if not any(isinstance(f, _QuietDump) for f in jieba.default_logger.filters):
        jieba.default_logger.addFilter(_QuietDump())
    jieba.dt.tmp_dir = str(folder)
    if jieba.dt.dictionary == jieba.DEFAULT_DICT:  # a unit's own dictionary: jieba names its cache
        jieba.dt.cache_file = f"jieba-{version}.cache"


class _QuietDump(logging.Filter):
    """jieba's traceback when its dictionary cache cannot be written (a full disk): the build
    goes on with the dictionary in memory, so it is not an editor's concern."""

    def filter(self, record: logging.LogRecord) -> bool:
        return record.getMessage() != "Dump cache file failed."


class EntryCache:
    """The search index entries of each page by a hash of what Material's search plugin makes
    them from (``SearchIndex.add_entry_from_context``: the page's HTML body, its URL, table of
    contents, title and search/tags meta), salted with the segmentation's own salt and
    Material's version. A hit adds the kept entries and counts their segmentations as
    segmentation-cache hits (they are kept too, ``SegmentCache.used``); a miss runs the
    plugin and keeps what it added. Stored beside the segmentation cache, as data."""

    def __init__(self, folder: Path, segments: SegmentCache):
        self.path = folder / "entries.json"
        self.segments = segments
        self.salt: str | None = None
        self.entries: dict[str, tuple[list, list[str]]] = {}
        self.used: set[str] = set()
        self.dirty = False

    def configure(self) -> None:
        """After ``SegmentCache.configure`` of each build: (re)load the entries made with its
        settings."""
        import importlib.metadata

        try:
            material = importlib.metadata.version("mkdocs-material")
        except importlib.metadata.PackageNotFoundError:  # pragma: no cover
            material = "?"
        salt = hashlib.sha1(f"{VERSION}\0{material}\0{self.segments.salt}".encode()).hexdigest()
        self.used = set()
        if salt == self.salt:
            return
        self.salt, self.entries = salt, {}
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError, RecursionError):
            return
        # A restored .cache is untrusted input: anything not of the shape this class writes
        # makes an empty cache (every page is indexed again).
        if isinstance(data, dict) and data.get("salt") == salt and _entries_shape(data.get("entries")):
            self.entries = {k: (v[0], v[1]) for k, v in data["entries"].items()}

    def wrap(self, index, add: Callable, page_key: Callable) -> Callable:
        """``add`` (the plugin's ``add_entry_from_context``) with the cache in front.
        ``page_key(page)`` says what the entries are made from besides the body, or None for a
        page not to keep."""

        def cached(page) -> None:
            extra = page_key(page) if self.salt is not None else None
            if extra is None:
                return add(page)
            key = hashlib.blake2b(
                f"{self.salt}\0{extra}\0{page.content or ''}".encode("utf-8", "surrogatepass"), digest_size=16
            ).hexdigest()
            found = self.entries.get(key)
            segments = self.segments
            if found is not None:
                entries, keys = found
                index.entries.extend(dict(e) for e in entries)
                segments.used.update(keys)
                segments.journal.extend(keys)
                segments.hits += len(keys)
                self.used.add(key)
                return None
            start, journal = len(index.entries), len(segments.journal)
            add(page)
            made = index.entries[start:]
            try:
                json.dumps(made)
            except (TypeError, ValueError):  # something that is not plain data (another plugin's entry)
                return None
            self.entries[key] = ([dict(e) for e in made], segments.journal[journal:])
            self.used.add(key)
            self.dirty = True
            return None

        return cached

    def save(self) -> None:
        """Write the entries this build used (others dropped), atomically."""
        if self.salt is None or (not self.dirty and len(self.used) == len(self.entries)):
            return
        keep = {k: v for k, v in self.entries.items() if k in self.used}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps({"salt": self.salt, "entries": keep}, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, self.path)
        self.entries = keep
        self.dirty = False


def _entries_shape(entries) -> bool:
    """``{key: [[{field: text or number…}…], [segmentation key…]]}`` and nothing else."""
    if not isinstance(entries, dict):
        return False
    for value in entries.values():
        if not (isinstance(value, list) and len(value) == 2 and isinstance(value[0], list)):
            return False
        made, keys = value
        if not isinstance(keys, list) or not all(isinstance(k, str) for k in keys):
            return False
        for entry in made:
            if not isinstance(entry, dict) or not all(
                isinstance(k, str) and isinstance(v, (str, int, float, bool, list, type(None)))
                for k, v in entry.items()
            ):
                return False
    return True
