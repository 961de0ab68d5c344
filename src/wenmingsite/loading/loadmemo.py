"""What the load makes of one page file alone, kept between the loads of one `mkdocs serve`
session: a rebuild after one edit parses only the texts that changed.

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

In memory only, one :class:`LoadMemo` per serve session (``pages.memo.ServeMemo.load``): a
publishing build starts from nothing (its text checks are kept across processes by
``checkcache`` as plain data instead). Each load keeps only what it used, so the memo holds
one site's worth of parsed files.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from wenmingsite.gate import privacy
from wenmingsite.loading import checkcache, frontmatter
from wenmingsite.loading.problems import Problem, Problems


@dataclass(frozen=True)
class Fields:
    """``schema.read_fields``' answer for one page: the values and the problems it reported."""

    values: dict[str, Any]
    problems: tuple[Problem, ...]


class LoadMemo:
    """The parts of earlier loads that one file alone decides, for the next load. Each load
    calls :meth:`start` first; a value is reused only for the same path and exact text."""

    def __init__(self) -> None:
        self.checks = checkcache.TextChecks(None)  # kept in memory: no folder
        self._splits: dict[tuple[str, str], frontmatter.Split] = {}
        self._fields: dict[tuple[str, str, str], Fields] = {}
        self._used_splits: dict[tuple[str, str], frontmatter.Split] = {}
        self._used_fields: dict[tuple[str, str, str], Fields] = {}
        self.hits = self.misses = 0
        self.day = privacy.real_day()

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
        if found is None:
            self.misses += 1
            found = frontmatter.split(text, rel)
        else:
            self.hits += 1
        self._used_splits[key] = found
        return found

    def fields(self, rel: str, text: str, table: str, read: Callable[[Problems], dict[str, Any]]) -> Fields:
        """``read(problems)`` (``schema.read_fields`` over the front matter of ``text`` with the
        field table named ``table``), or its answer for the same path, text and table. The
        values come as a new dict each time: the loader may blank some of them."""
        key = (rel, text, table)
        found = self._fields.get(key)
        if found is None:
            collected = Problems()
            found = Fields(read(collected), tuple(collected))
        self._used_fields[key] = found
        return Fields(dict(found.values), found.problems)
