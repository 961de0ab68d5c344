"""What the load makes of one page file alone, kept between loads: a rebuild after one edit
parses only the texts that changed.

Each page's text is split into front matter and body (``frontmatter.split``, the strict
YAML parser), its body put through the HTML allowlist's check (``gate.markup_problems``)
and its front matter converted field by field (``schema.read_fields``). Those three read
nothing but the file's path and its exact text (and, for the markup check, the site's
Markdown settings, part of its key in ``checkcache``), so their results — with the problems
they found — are looked up by that path and text. Everything that relates one file to
another or to the day is done again at every load from these parts: categories, criteria
and departments resolved, photos found, dates against today, sign-off, duplicates, links,
publication, so a problem an editor sees is always the one a fresh load gives
(``tests/test_loadmemo.py``).

Two lives. In `mkdocs serve`, one :class:`LoadMemo` per session keeps the parts in memory
(``pages.memo.ServeMemo.load``). A publishing build is a new process with ``.cache``
restored: ``LoadMemo(folder)`` reads the parts earlier builds kept in
``.cache/load/pages.json`` and keeps this load's for the next. There they are plain JSON
under a key that hashes the path and the exact text, salted with this package's whole code
(``checkcache.code_digest``) and PyYAML's version: the
front matter as tagged mappings and lists whose scalars lie flat in them (each scalar, mapping
and list with its line and column, which the Chinese messages name: ``_encode``), the body as where it starts in the text, and the problems as
``[line, column, message]``; the fields are converted again in every process (kept in memory
for serve only). A problem is kept with its text, so it
comes back as long as the text does; any edit is a new key. The file is untrusted input
(see ARCHITECTURE's invariants on ``.cache``): read only as data, every entry decoded by
strict rules (tags, positions, nodes as the parser makes them and no deeper, the body's
start and line in the text), and an entry that breaks one is not used: the text is parsed
again. A cache that
cannot be read or written only costs time.

Each load keeps only what it used, so the memo holds one site's worth of parsed files.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from wenmingsite.gate import images, privacy
from wenmingsite.loading import checkcache, frontmatter
from wenmingsite.loading.problems import Problem, Problems
from wenmingsite.loading.yamlstrict import MAX_DEPTH, YList, YMap, YStr

VERSION = 3  # 2: the fields are no longer kept across processes; 3: flat items (_encode)
FILE = "pages.json"
LIMIT = 100_000  # pages; a fuller cache starts again (it only saves time)
# The library that parses YAML (this package's whole code salts every entry: checkcache.code_digest).
LIBRARIES = ("PyYAML",)


@dataclass(frozen=True)
class Fields:
    """``schema.read_fields``' answer for one page: the values and the problems it reported."""

    values: dict[str, Any]
    problems: tuple[Problem, ...]


class LoadMemo:
    """The parts of earlier loads that one file alone decides, for the next load. Each load
    calls :meth:`start` first; a value is reused only for the same path and exact text.
    ``folder``: also those of earlier processes, kept there (``.cache/load``); :meth:`save`
    keeps this load's."""

    def __init__(self, folder: Path | None = None) -> None:
        self.checks = checkcache.TextChecks(None)  # kept in memory: no folder
        self._splits: dict[tuple[str, str], frontmatter.Split] = {}
        self._fields: dict[tuple[str, str, str], Fields] = {}
        self._used_splits: dict[tuple[str, str], frontmatter.Split] = {}
        self._used_fields: dict[tuple[str, str, str], Fields] = {}
        self.hits = self.misses = 0
        self.day = privacy.real_day()
        self.store = _Store(Path(folder) / FILE) if folder is not None else None

    def start(self) -> checkcache.TextChecks:
        """A new load: what the last one used may be reused, the rest is forgotten. Returns
        the text checks the load answers from (forgotten too when the calendar day changed
        during the session: the personal-number check judges an ID number's birth date
        against the real day)."""
        if (day := privacy.real_day()) != self.day:
            self.day = day
            self.checks.seen, self.checks.kept = {}, {}
        if self._used_splits or self._used_fields or self.checks.kept:
            self._splits, self._used_splits = self._used_splits, {}
            self._fields, self._used_fields = self._used_fields, {}
            self.checks.seen, self.checks.kept = self.checks.kept, {}
        self.hits = self.misses = 0
        return self.checks

    def split(self, rel: str, text: str) -> frontmatter.Split:
        """``frontmatter.split(text, rel)`` (a frozen result; its front matter is only read)."""
        key = (rel, text)
        found = self._splits.get(key)
        if found is None and self.store is not None:
            found = self.store.split(rel, text)
        if found is None:
            self.misses += 1
            found = frontmatter.split(text, rel)
            if self.store is not None:
                self.store.keep_split(rel, text, found)
        else:
            self.hits += 1
        self._used_splits[key] = found
        return found

    def fields(
        self,
        rel: str,
        text: str,
        table: str,
        read: Callable[[Problems], dict[str, Any]],
    ) -> Fields:
        """``read(problems)`` (``schema.read_fields`` over the front matter of ``text`` with the
        field table named ``table``), or its answer for the same path, text and table. The
        values come as a new dict each time: the loader may blank some of them. Kept in this
        process only (serve): across processes the converters run again on the kept front
        matter, as a stored value would have to be checked against every converter's range (a
        forged amount of 1e999999999 hung the build) for about 9 ms at N=1,000."""
        key = (rel, text, table)
        found = self._fields.get(key)
        if found is None:
            collected = Problems()
            found = Fields(read(collected), tuple(collected))
        self._used_fields[key] = found
        return Fields(dict(found.values), found.problems)

    def save(self) -> None:
        """Keep what this load used for the next process (with a folder; else nothing)."""
        if self.store is not None:
            self.store.save()


# --- across processes ----------------------------------------------------------------------


class _Unfit(Exception):
    """A value this file does not keep, or a kept entry that breaks the decoding rules."""


class _Store:
    """``.cache/load/pages.json``: per page key, ``[split, {}]`` (the second place held the
    fields up to VERSION 1)."""

    def __init__(self, path: Path):
        self.path = path
        self.salt = checkcache.code_digest(VERSION, LIBRARIES)
        self.seen: dict[str, Any] = {}
        self.kept: dict[str, list] = {}
        self.changed = False  # something kept that was not read
        self._keys: dict[tuple[str, str], str] = {}
        try:
            stored = json.loads(path.read_bytes())
        except (OSError, ValueError, RecursionError):
            return
        if isinstance(stored, dict) and stored.get("salt") == self.salt and isinstance(stored.get("pages"), dict):
            self.seen = stored["pages"]

    def _key(self, rel: str, text: str) -> str:
        found = self._keys.get((rel, text))
        if found is None:
            found = self._keys[(rel, text)] = checkcache.make_key(("page", rel, text))
        return found

    def split(self, rel: str, text: str) -> frontmatter.Split | None:
        key = self._key(rel, text)
        entry = self.seen.get(key)
        if not (isinstance(entry, list) and len(entry) == 2 and isinstance(entry[1], dict)):
            return None
        try:
            found = _decode_split(entry[0], rel, text)
        except (_Unfit, ValueError, TypeError, RecursionError):
            return None
        self.kept[key] = [entry[0], {}]
        return found

    def keep_split(self, rel: str, text: str, found: frontmatter.Split) -> None:
        try:
            self.kept[self._key(rel, text)] = [_encode_split(found, rel, text), {}]
            self.changed = True
        except (_Unfit, AttributeError, RecursionError):
            pass  # parsed again next time

    def save(self) -> None:
        if len(self.kept) > LIMIT:
            return
        # Every entry as read (and all that was read): nothing to write.
        if (
            not self.changed
            and self.kept.keys() == self.seen.keys()
            and all(len(kept[1]) == len(self.seen[key][1]) for key, kept in self.kept.items())
        ):
            return
        data = json.dumps({"salt": self.salt, "pages": self.kept}, ensure_ascii=False, separators=(",", ":"))
        images.write_cache(self.path, data.encode("utf-8"))  # one that cannot be written only costs time


def _position_ok(line, col) -> bool:
    return type(line) is int and type(col) is int and line >= 1 and col >= 1


def _rows(problems, rel: str) -> list:
    if any(p.path != rel for p in problems):
        raise _Unfit
    rows = [[p.line, p.col, p.message] for p in problems]
    if not all(checkcache.row_ok(row) for row in rows):
        raise _Unfit
    return rows


def _problems(rows, rel: str) -> tuple[Problem, ...]:
    if not (isinstance(rows, list) and all(checkcache.row_ok(row) for row in rows)):
        raise _Unfit
    return tuple(Problem(rel, line, col, message) for line, col, message in rows)


def _encode(value, depth: int = 0) -> list:
    """A mapping or list of the front matter, as the parser makes them, as JSON: its tag,
    line, column and its items in one flat list, where a scalar is three entries (text, line,
    column) and a mapping or list one (its own node); a mapping's items alternate key and
    value. Flat, as most values are scalars: the kept file decodes with few lists to make."""
    kind = type(value)
    if depth > MAX_DEPTH or (kind is not YMap and kind is not YList) or not _position_ok(value.line, value.col):
        raise _Unfit
    items: list = []
    if kind is YList:
        for item in value:
            _item(items, item, depth)
        return ["l", value.line, value.col, items]
    for key, item in value.items():
        if type(key) is not YStr:
            raise _Unfit
        _item(items, key, depth)
        _item(items, item, depth)
    return ["m", value.line, value.col, items]


def _item(items: list, value, depth: int) -> None:
    if type(value) is YStr:
        if not _position_ok(value.line, value.col):
            raise _Unfit
        items += (str(value), value.line, value.col)
    else:
        items.append(_encode(value, depth + 1))


def _decode(data, depth: int = 0) -> YMap | YList:
    """The mapping or list :func:`_encode` kept as ``data``; :class:`_Unfit` (or ValueError,
    TypeError) for anything the strict YAML parser would not have made (or deeper than it
    reads)."""
    if type(data) is not list or len(data) != 4 or depth > MAX_DEPTH:
        raise _Unfit
    tag, line, col, items = data
    if not ((tag == "m" or tag == "l") and _position_ok(line, col) and type(items) is list):
        raise _Unfit
    out: YList | YMap
    n, i = len(items), 0
    if tag == "l":
        out = YList()
        while i < n:
            if type(items[i]) is str:
                out.append(_scalar(items, i))
                i += 3
            else:
                out.append(_decode(items[i], depth + 1))
                i += 1
    else:
        out = YMap()
        while i < n:
            key = _scalar(items, i)
            if key in out or i + 3 >= n:
                raise _Unfit
            value = items[i + 3]
            if type(value) is str:
                out[key] = _scalar(items, i + 3)
                i += 6
            else:
                out[key] = _decode(value, depth + 1)
                i += 4
    out.line, out.col = line, col
    return out


def _scalar(items: list, i: int) -> YStr:
    """The scalar kept at ``items[i:i + 3]``: text, line, column."""
    value, line, col = items[i : i + 3]  # ValueError when cut short
    if type(value) is str and type(line) is int and type(col) is int and line >= 1 and col >= 1:
        # What YStr(value, line, col) makes, without its Python-level __new__ (a fifth of
        # a page's decoding: a front matter holds a dozen or more scalars).
        node = _new_str(YStr, value)
        node.line, node.col = line, col
        return node
    raise _Unfit


_new_str = str.__new__


def _encode_split(found: frontmatter.Split, rel: str, text: str) -> list:
    if not text.endswith(found.body) or (found.meta is not None and type(found.meta) is not YMap):
        raise _Unfit
    return [
        None if found.meta is None else _encode(found.meta),
        len(text) - len(found.body),
        found.body_line,
        found.has_front_matter,
        _rows(found.problems, rel),
    ]


def _decode_split(data, rel: str, text: str) -> frontmatter.Split:
    if not (isinstance(data, list) and len(data) == 5):
        raise _Unfit
    meta, start, body_line, has_front_matter, rows = data
    if not (type(start) is int and 0 <= start <= len(text) and type(has_front_matter) is bool):
        raise _Unfit
    # The body starts on a line of its own, on the line kept (one further when the text ends
    # in its front matter: the line after the last).
    line = text.count("\n", 0, start) + 1
    if not (start == 0 or text[start - 1] == "\n") or body_line not in (line, line + (start == len(text))):
        raise _Unfit
    problems = _problems(rows, rel)
    meta = None if meta is None else _decode(meta)
    # As frontmatter.split gives them: front matter only when read without a problem.
    if (meta is not None and (type(meta) is not YMap or problems)) or (
        not has_front_matter and (meta is not None or problems or start or body_line != 1)
    ):
        raise _Unfit
    return frontmatter.Split(meta, text[start:], body_line, has_front_matter, problems)
