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
under a key that hashes the path and the exact text, salted with the source of the modules
that make them (split, strict YAML, field tables and converters) and PyYAML's version: the
front matter as tagged values (each scalar, mapping and list with its line and column, which
the Chinese messages name), the body as where it starts in the text, the fields (dates,
amounts, texts, tuples; a raw value as a reference to the front matter's own) and the
problems of each as ``[line, column, message]``. A problem is kept with its text, so it
comes back as long as the text does; any edit is a new key. The file is untrusted input
(see ARCHITECTURE's invariants on ``.cache``): read only as data, every entry decoded by
strict rules (tags, positions, nodes as the parser makes them and no deeper, the body's
start and line in the text, one value per field of the table, each of the type its
converter gives and only where the front matter has the key, fields only beside the split
they were read from), and an entry that breaks one is not used: the text is parsed again. A cache that
cannot be read or written only costs time.

Each load keeps only what it used, so the memo holds one site's worth of parsed files.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from wenmingsite.gate import privacy
from wenmingsite.loading import checkcache, frontmatter, schema
from wenmingsite.loading.problems import Problem, Problems
from wenmingsite.loading.yamlstrict import MAX_DEPTH, YList, YMap, YStr

VERSION = 1
FILE = "pages.json"
LIMIT = 100_000  # pages; a fuller cache starts again (it only saves time)
# The modules whose code decides a page's split and fields, and the library that parses YAML.
MAKERS = (
    "loading/frontmatter.py",
    "loading/yamlstrict.py",
    "loading/schema.py",
    "loading/fields.py",
    "loading/values.py",
    "pages/festivals.py",
    "loading/loadmemo.py",
)
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
        meta: YMap | None = None,
        names: Mapping[str, Any] | None = None,
    ) -> Fields:
        """``read(problems)`` (``schema.read_fields`` over the front matter of ``text`` with the
        field table named ``table``), or its answer for the same path, text and table. The
        values come as a new dict each time: the loader may blank some of them. Kept across
        processes only when given ``meta`` (the front matter ``read`` converts, which a raw
        value is kept as a reference into) and ``names`` (the table's fields)."""
        key = (rel, text, table)
        found = self._fields.get(key)
        keep = self.store is not None and meta is not None and names is not None
        if found is None and keep:
            found = self.store.fields(rel, text, table, meta, names)  # type: ignore[union-attr, arg-type]
        if found is None:
            collected = Problems()
            found = Fields(read(collected), tuple(collected))
            if keep:
                self.store.keep_fields(rel, text, table, meta, names, found)  # type: ignore[union-attr, arg-type]
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
    """``.cache/load/pages.json``: per page key, ``[split, {table: [values in the table's order, problems]}]``."""

    def __init__(self, path: Path):
        self.path = path
        self.salt = checkcache.code_digest(VERSION, MAKERS, LIBRARIES)
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

    def fields(self, rel: str, text: str, table: str, meta: YMap, names: Mapping[str, Any]) -> Fields | None:
        key = self._key(rel, text)
        entry, kept = self.seen.get(key), self.kept.get(key)
        # Only with the split kept beside them: fields belong to the front matter they were read from.
        if kept is None or not isinstance(entry, list) or kept[0] is not entry[0]:
            return None
        stored = entry[1].get(table)
        try:
            found = _decode_fields(stored, rel, meta, names)
        except (_Unfit, ValueError, TypeError, RecursionError):
            return None
        kept[1][table] = stored
        return found

    def keep_fields(self, rel: str, text: str, table: str, meta: YMap, names: Mapping[str, Any], found: Fields) -> None:
        kept = self.kept.get(self._key(rel, text))
        if kept is None:
            return  # its split is not kept either
        try:
            if list(found.values) != list(names) or not all(
                _field_ok(found.values[name], field, meta.get(name)) for name, field in names.items()
            ):
                raise _Unfit
            kept[1][table] = [[_encode(found.values[name], meta, name) for name in names], _rows(found.problems, rel)]
            self.changed = True
        except (_Unfit, AttributeError, RecursionError):
            pass

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
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            tmp = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
            tmp.write_text(data, encoding="utf-8")
            os.replace(tmp, self.path)
        except OSError:
            pass


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


def _results() -> dict[Callable, type]:
    """What each converter of the page tables gives (a value of another type is not kept)."""
    texts = (schema.as_text, schema.as_title, schema.as_name, schema.as_festival, schema.as_url)
    out: dict[Callable, type] = dict.fromkeys(texts, str)
    out[schema.SENSITIVE_OK.convert] = str
    out[schema.as_date] = dt.date
    out[schema.as_bool] = bool
    out[schema.as_participants] = out[schema.as_count] = int
    out[schema.as_hours] = out[schema.as_amount] = Decimal
    return out


_RESULTS = _results()
_NODES = (YStr, YMap, YList)
_RAW_SHAPES = {"list": (YList,), "mapping": (YMap,), "any": _NODES}


def _field_ok(value, field, raw) -> bool:
    """``value`` is what ``read_fields`` can give for ``field`` from the front matter's
    ``raw`` (the loader relies on it: a date is a date, a present value has its key)."""
    if value is None:
        return True
    if raw is None:
        return False
    if field.convert is schema.as_raw:
        return value is raw and type(raw) in _RAW_SHAPES.get(field.shape, ())
    result = _RESULTS.get(field.convert)
    if result is None:
        return False
    if field.shape == "scalar":
        return type(raw) is YStr and _result_ok(value, result)
    if field.shape == "scalar_or_list":
        return type(raw) in (YStr, YList) and type(value) is tuple and all(_result_ok(item, result) for item in value)
    return False


def _result_ok(value, result: type) -> bool:
    return type(value) is result and (not isinstance(value, Decimal) or value.is_finite())


def _encode(value, meta: YMap | None = None, name: str | None = None, depth: int = 0):
    """A value of the front matter or of a field as JSON (``meta``, ``name``: a field's value
    that is the front matter's own ``meta[name]`` is kept as a reference to it)."""
    kind = type(value)
    if depth > MAX_DEPTH:
        raise _Unfit
    if value is None or kind is bool or kind is int or kind is str:
        return value
    if meta is not None and name is not None and kind in _NODES and meta.get(name) is value:
        return ["r"]
    if kind is YStr:
        if not _position_ok(value.line, value.col):
            raise _Unfit
        return ["s", str(value), value.line, value.col]
    if kind is YMap or kind is YList:
        if not _position_ok(value.line, value.col):
            raise _Unfit
        if kind is YList:
            return ["l", value.line, value.col, [_node(item, depth + 1) for item in value]]
        items = []
        for key, item in value.items():
            if type(key) is not YStr:
                raise _Unfit
            items += [_node(key, depth + 1), _node(item, depth + 1)]
        return ["m", value.line, value.col, items]
    if kind is dt.date:
        return ["d", value.isoformat()]
    if kind is Decimal:
        return ["n", str(value)]
    if kind is tuple:
        return ["t", [_encode(item, depth=depth + 1) for item in value]]
    raise _Unfit


def _node(value, depth: int):
    """A node of the front matter as JSON: a scalar, mapping or list, as the parser makes them."""
    if type(value) not in _NODES:
        raise _Unfit
    return _encode(value, depth=depth)


def _decode(data, depth: int = 0):
    """The front matter's node :func:`_encode` kept as ``data``; :class:`_Unfit` for anything
    the strict YAML parser would not have made (or deeper than it reads)."""
    if type(data) is not list or len(data) != 4 or depth > MAX_DEPTH:
        raise _Unfit
    tag, a, b, c = data
    if tag == "s":
        return _scalar(data)
    if not (tag in ("m", "l") and _position_ok(a, b) and type(c) is list):
        raise _Unfit
    out: YList | YMap
    if tag == "l":
        out = YList(_decode(item, depth + 1) for item in c)
    else:
        if len(c) % 2:
            raise _Unfit
        out = YMap()
        for i in range(0, len(c), 2):
            key, value = _scalar(c[i]), c[i + 1]
            if key in out:
                raise _Unfit
            # Most values are scalars: made here, without a call of _decode each.
            out[key] = _scalar(value) if type(value) is list and value[:1] == ["s"] else _decode(value, depth + 1)
    out.line, out.col = a, b
    return out


def _scalar(data) -> YStr:
    if type(data) is list and len(data) == 4:
        tag, value, line, col = data
        if tag == "s" and type(value) is str and type(line) is int and type(col) is int and line >= 1 and col >= 1:
            # What YStr(value, line, col) makes, without its Python-level __new__ (a fifth of
            # a page's decoding: a front matter holds a dozen or more scalars).
            node = _new_str(YStr, value)
            node.line, node.col = line, col
            return node
    raise _Unfit


_new_str = str.__new__


def _decode_value(data, meta: YMap | None, name: str):
    """A field's value :func:`_encode` kept as ``data`` (checked by :func:`_field_ok` after;
    ``meta``: the front matter a reference is to, None inside a tuple)."""
    kind = type(data)
    if data is None or kind is bool or kind is int or kind is str:
        return data
    if kind is not list or not data:
        raise _Unfit
    tag, n = data[0], len(data)
    if tag == "r" and n == 1 and meta is not None:
        return meta.get(name)
    if tag == "d" and n == 2 and type(data[1]) is str:
        return dt.date.fromisoformat(data[1])
    if tag == "n" and n == 2 and type(data[1]) is str:
        try:
            return Decimal(data[1])
        except InvalidOperation:
            raise _Unfit from None
    if tag == "t" and n == 2 and type(data[1]) is list:
        return tuple(_decode_value(item, None, "") for item in data[1])
    raise _Unfit


def _encode_split(found: frontmatter.Split, rel: str, text: str) -> list:
    if not text.endswith(found.body) or (found.meta is not None and type(found.meta) is not YMap):
        raise _Unfit
    return [
        None if found.meta is None else _node(found.meta, 0),
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


def _decode_fields(data, rel: str, meta: YMap, names: Mapping[str, Any]) -> Fields:
    if not (isinstance(data, list) and len(data) == 2 and type(data[0]) is list and len(data[0]) == len(names)):
        raise _Unfit
    values = dict(zip(names, data[0], strict=True))
    for name, kept in values.items():
        if kept is None:  # most fields of a page (absent): nothing to check
            continue
        field, raw = names[name], meta.get(name)
        if type(kept) is str and type(raw) is YStr and field.shape == "scalar" and _RESULTS.get(field.convert) is str:
            continue  # a text as its converter gives it
        value = _decode_value(kept, meta, name)
        if not _field_ok(value, field, raw):
            raise _Unfit
        values[name] = value
    return Fields(values, _problems(data[1], rel))
