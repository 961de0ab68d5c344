"""The timeline of creation work and its archives, drawn from the api records.

``api/activities.json`` is the single source: listings are built from the same record
dicts, so dates, counts and order on every listing agree with it by construction.
Recurring routines collapse to one entry per routine and month (a listing then names each
routine once, :meth:`Listing.routine_summaries`); counts stay per occurrence.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from itertools import groupby

from wenmingsite.loading.records import Content


@dataclass(frozen=True)
class Entry:
    """One row of a listing: an activity, or a routine's occurrences in one month."""

    date: dt.date  # the activity date; for a routine group, its first occurrence in the month
    last: dt.date  # the last day it covers (end date, or last occurrence)
    title: str
    category: str
    category_slug: str
    criteria: tuple[str, ...]
    department: str | None
    participants: int | None
    url: str | None = None  # site URL of its page
    count: int = 1  # occurrences
    rule: str | None = None  # for routine groups, e.g. "每周一"
    end_date: dt.date | None = None
    ids: tuple[str, ...] = ()
    pending: bool = False  # 待审核, in the editors' preview only (wenmingsite.loading.signoff)
    summary: str | None = None  # the one line a headline shows under its title
    routine: str | None = None  # for routine groups, the routine's id

    @property
    def is_routine(self) -> bool:
        return self.rule is not None

    @property
    def anchor(self) -> str:
        """The row's id on its listing: where a link to an activity without a page of its
        own (a log entry) leads."""
        return anchor(self.ids[0]) if self.ids else ""


def anchor(activity_id: str) -> str:
    """The id of an activity's row on a listing (an HTML id holds no whitespace)."""
    return "a-" + re.sub(r"\s+", "-", activity_id)


@dataclass(frozen=True)
class RoutineSummary:
    """A routine named once on a listing: its rule, how often it was held there, the latest
    time. Occurrences still count one by one (``count``)."""

    routine: str
    title: str
    rule: str
    category: str
    category_slug: str
    criteria: tuple[str, ...]
    department: str | None
    count: int
    first: dt.date
    last: dt.date
    participants: int | None
    pending: bool = False  # 待审核 (preview only): some of its occurrences wait for approval


def summarise_routines(items) -> tuple[RoutineSummary, ...]:
    """One summary per routine of the routine entries in ``items``; the routines held most
    often first (daily exercise before a quarterly study session), then by title. A routine a
    unit declares anew each year (one per year's log) is still one routine to a visitor: it is
    the same title from the same department; its rules, if they changed, are named newest first."""
    groups: dict[tuple[str, str | None], list[Entry]] = {}
    for e in items:
        if e.is_routine:
            groups.setdefault((e.title, e.department), []).append(e)
    out = []
    for (title, department), group in groups.items():
        group.sort(key=lambda e: e.date, reverse=True)
        counted = [e.participants for e in group if e.participants is not None]
        rules = list(dict.fromkeys(e.rule for e in group if e.rule))
        head = group[0]
        out.append(
            RoutineSummary(
                routine=head.routine or title,
                title=title,
                rule="；".join(rules),
                category=head.category,
                category_slug=head.category_slug,
                criteria=tuple(dict.fromkeys(c for e in group for c in e.criteria)),
                department=department,
                count=sum(e.count for e in group),
                first=min(e.date for e in group),
                last=max(e.last for e in group),
                participants=sum(counted) if counted else None,
                pending=any(e.pending for e in group),
            )
        )
    return tuple(sorted(out, key=lambda r: (-r.count, r.title)))


@dataclass(frozen=True)
class Month:
    year: int
    month: int
    entries: tuple[Entry, ...]  # one-off activities, newest first
    routines: tuple[Entry, ...]  # routine groups, by title

    @property
    def count(self) -> int:
        """Activities in the month, counting every routine occurrence."""
        return sum(e.count for e in self.entries) + sum(e.count for e in self.routines)

    @property
    def themed(self) -> int:
        """主题活动 in the month: one-off activities (pages and log entries)."""
        return len(self.entries)

    @property
    def routine_occurrences(self) -> int:
        return sum(e.count for e in self.routines)

    @property
    def anchor(self) -> str:
        return f"{self.year}-{self.month:02d}"


@dataclass(frozen=True)
class Listing:
    months: tuple[Month, ...]  # newest first

    @property
    def count(self) -> int:
        return sum(m.count for m in self.months)

    @property
    def pages(self) -> int:
        return sum(1 for m in self.months for e in m.entries if e.url)

    @property
    def themed(self) -> int:
        return sum(m.themed for m in self.months)

    @property
    def routine_occurrences(self) -> int:
        return sum(m.routine_occurrences for m in self.months)

    def years(self) -> list[int]:
        return sorted({m.year for m in self.months}, reverse=True)

    @property
    def themed_months(self) -> tuple[Month, ...]:
        """The months with themed work: the headlines of a listing (routines are named once,
        below them, not month by month)."""
        return tuple(m for m in self.months if m.entries)

    @property
    def routine_summaries(self) -> tuple[RoutineSummary, ...]:
        return summarise_routines(e for m in self.months for e in m.routines)


def _date(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def entries(records: list[dict], rules: dict[str, str]) -> list[Entry]:
    """Listing entries from api records; ``rules`` maps routine id -> its description."""
    out: list[Entry] = []
    groups: dict[tuple[str, str], list[dict]] = {}
    for r in records:
        if r["kind"] == "routine":
            groups.setdefault((r["routine"], r["date"][:7]), []).append(r)
            continue
        day = _date(r["date"])
        end = _date(r["end_date"]) if r["end_date"] else None
        out.append(
            Entry(
                date=day,
                last=end or day,
                title=r["title"],
                category=r["category"],
                category_slug=r["category_slug"],
                criteria=tuple(r["criteria"]),
                department=r["department"],
                participants=r["participants"],
                url=r["url"],
                end_date=end,
                ids=(r["id"],),
                pending=r.get("pending", False),
                summary=r["summary"],
            )
        )
    for (rid, _), rs in groups.items():
        counted = [r["participants"] for r in rs if r["participants"] is not None]
        first = rs[0]
        out.append(
            Entry(
                date=_date(rs[0]["date"]),
                last=_date(rs[-1]["date"]),
                title=first["title"],
                category=first["category"],
                category_slug=first["category_slug"],
                criteria=tuple(first["criteria"]),
                department=first["department"],
                participants=sum(counted) if counted else None,
                count=len(rs),
                rule=rules.get(rid, ""),
                ids=tuple(r["id"] for r in rs),
                pending=first.get("pending", False),
                routine=rid,
            )
        )
    return out


def listing(items: list[Entry]) -> Listing:
    """Group entries by the month they start in, newest month first."""

    def month_of(e: Entry):
        return (e.date.year, e.date.month)

    months = []
    for (year, month), grouped in groupby(sorted(items, key=month_of, reverse=True), key=month_of):
        group = list(grouped)
        singles = sorted((e for e in group if not e.is_routine), key=lambda e: (e.date, e.ids), reverse=True)
        routines = sorted((e for e in group if e.is_routine), key=lambda e: (e.title, e.date))
        months.append(Month(year, month, tuple(singles), tuple(routines)))
    return Listing(tuple(months))


@dataclass(frozen=True)
class Span:
    """Whole calendar months, ``first`` and ``last`` the first days of the first and last;
    ``older_first``/``older_last``, when set, the months shown instead (nothing in these)."""

    first: dt.date
    last: dt.date
    older_first: dt.date | None = None
    older_last: dt.date | None = None
    missing: str = "主题活动"  # what the months have none of when the older ones are shown

    @classmethod
    def ending(cls, day: dt.date, months: int) -> Span:
        index = day.year * 12 + day.month - 1 - (months - 1)
        return cls(dt.date(index // 12, index % 12 + 1, 1), day.replace(day=1))

    def holds(self, day: dt.date) -> bool:
        return self.first <= day.replace(day=1) <= self.last

    @property
    def shown(self) -> tuple[dt.date, dt.date]:
        if self.older_first and self.older_last:
            return self.older_first, self.older_last
        return self.first, self.last


@dataclass
class Archive:
    """Everything the generated listing pages need, computed once per build."""

    content: Content
    records: list[dict]
    entries: list[Entry] = field(default_factory=list)
    # part -> its listing: a part's page and its listing's index of parts both list it
    _parts: dict = field(default_factory=dict, repr=False, compare=False)
    # (year, month or None) -> its entries, and (scope, key) -> its whole listing: built once,
    # as each listing page's body and the build cache's key of it both need them
    _periods: dict = field(default_factory=dict, repr=False, compare=False)
    _listings: dict = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self):
        rules = {r.id: r.description for r in self.content.routines}
        self.entries = entries(self.records, rules)

    def years(self) -> list[int]:
        return sorted({e.date.year for e in self.entries}, reverse=True)

    def recent(self, months: int = 12) -> Listing:
        """The first page of the timeline: what :meth:`recent_span` covers."""
        span = self.recent_span(months)
        if span is None:
            return listing([])
        first, last = (d.year * 12 + d.month for d in span.shown)
        return listing([e for e in self.entries if first <= e.date.year * 12 + e.date.month <= last])

    def recent_span(self, months: int = 12) -> Span | None:
        """The ``months`` calendar months up to the month the site is built in (what a
        visitor reads "最近一年" as). When no themed activity is in them (a site not updated
        for a year, its weekly routines still counting on), the ``months`` up to the newest
        month with a themed activity, stated as such: the page opens with themed work, not
        with a year of routines under no headline. A site with routines only goes by them.
        None for a site without activities."""
        today = self.content.today or dt.date.today()
        recent = Span.ending(today, months)
        themed = [e.date for e in self.entries if not e.is_routine]
        dates, missing = (themed, "主题活动") if themed else ([e.date for e in self.entries], "活动")
        if not dates:
            return None
        if any(recent.holds(day) for day in dates):
            return Span(recent.first, recent.last)
        shown = Span.ending(max(dates), months)
        return Span(recent.first, recent.last, shown.first, shown.last, missing)

    def _listing(self, scope: str, key, keep) -> Listing:
        if (found := self._listings.get((scope, key))) is None:
            found = self._listings[(scope, key)] = listing([e for e in self.entries if keep(e)])
        return found

    def by_year(self, year: int) -> Listing:
        return self._listing("year", year, lambda e: e.date.year == year)

    def by_category(self, slug: str) -> Listing:
        return self._listing("category", slug, lambda e: e.category_slug == slug)

    def by_criterion(self, cid: str) -> Listing:
        return self._listing("criterion", cid, lambda e: cid in e.criteria)

    def _period(self, year: int, month: int | None) -> list[Entry]:
        """The entries of a year (``month`` None) or of one month, in :attr:`entries`' order."""
        if not self._periods:
            for e in self.entries:
                self._periods.setdefault((e.date.year, None), []).append(e)
                self._periods.setdefault((e.date.year, e.date.month), []).append(e)
        return self._periods.get((year, month), [])

    def part(self, part: Part) -> Listing:
        """What one part of a split listing lists: its period of the listing's entries."""
        if (found := self._parts.get(part)) is not None:
            return found
        period = self._period(part.year, part.month)  # the entries part.holds()
        if part.scope == "year":
            scoped = list(period)
        elif part.scope == "category":
            scoped = [e for e in period if e.category_slug == part.key]
        else:
            scoped = [e for e in period if part.key in e.criteria]
        self._parts[part] = found = listing(scoped)
        return found

    def routine_summaries(self) -> tuple[RoutineSummary, ...]:
        """Every routine of the site, each named once with all its occurrences."""
        return summarise_routines(self.entries)

    def count_where(self, predicate) -> int:
        return sum(e.count for e in self.entries if predicate(e))


# --- listings split into parts ----------------------------------------------------------
# A listing with more headlines than the limit is split by calendar period, never by a
# running count: a year's listing into its months, a category's or criterion's into years
# (and a year still over the limit into its months). An edit to one activity then rewrites
# one part, and adding one shifts nothing on the other parts. Below the limit a listing is
# one page, as before.
LISTING_LIMIT = 100


@dataclass(frozen=True)
class Part:
    """One page of a split listing: a year or a month of it."""

    folder: str  # the docs folder of its page: "timeline/2025/06", "categories/study/2025"
    scope: str  # the listing's scope: year | category | criterion
    key: str  # what the listing lists: the year, the category's slug, the criterion's id
    year: int
    month: int | None = None
    headlines: int = 0  # themed activities in it
    split: bool = False  # a year part over the limit: it lists its months, which are parts too

    @property
    def src(self) -> str:
        return f"{self.folder}/index.md"

    @property
    def parent(self) -> str:
        """The docs folder of the page one level up (the listing, or the year part)."""
        return self.folder.rsplit("/", 1)[0]

    @property
    def period(self) -> str:
        return f"{self.year}年{self.month}月" if self.month else f"{self.year}年"

    def holds(self, e: Entry) -> bool:
        return e.date.year == self.year and (self.month is None or e.date.month == self.month)


def split(
    folder: str,
    scope: str,
    key: str,
    dates: list[dt.date],
    limit: int,
    by_year: bool = True,
    routine_dates: list[dt.date] | None = None,
) -> list[Part]:
    """The parts of a listing whose themed headlines fall on ``dates``, newest first; none
    when it stays one page. ``by_year`` False: the listing is one year, split into months.
    Only headlines count towards the limit, but a period holding nothing but routine
    occurrences (``routine_dates``) has its part too: they are shown on it, nowhere else."""
    if len(dates) <= limit:
        return []
    routine_dates = routine_dates or []
    if not by_year:
        periods = sorted({(d.year, d.month) for d in [*dates, *routine_dates]}, reverse=True)
        return [
            Part(f"{folder}/{m:02d}", scope, key, y, m, sum(1 for d in dates if (d.year, d.month) == (y, m)))
            for y, m in periods
        ]
    out: list[Part] = []
    for year in sorted({d.year for d in [*dates, *routine_dates]}, reverse=True):
        in_year = [d for d in dates if d.year == year]
        routines = [d for d in routine_dates if d.year == year]
        months = split(f"{folder}/{year}", scope, key, in_year, limit, by_year=False, routine_dates=routines)
        out.append(Part(f"{folder}/{year}", scope, key, year, None, len(in_year), bool(months)))
        out += months
    return out


def plan(content: Content, limit: int) -> dict[str, list[Part]]:
    """Every split listing of the site (by its docs folder) and its parts, from the content
    alone (page specs are needed before URLs and records exist). Counts themed activities,
    the headlines a listing shows one by one; routines are named once and never split it."""
    published = content.published
    slugs = {name: c.slug for name in {a.category for a in published} if (c := content.category(name))}

    def split_of(folder: str, scope: str, key: str, listed: list, by_year: bool = True) -> list[Part]:
        headlines = [a.date for a in listed if a.origin != "routine"]
        occurrences = [a.date for a in listed if a.origin == "routine"]
        return split(folder, scope, key, headlines, limit, by_year, occurrences)

    out: dict[str, list[Part]] = {}
    for year in sorted({a.date.year for a in published if a.origin != "routine"}):
        in_year = [a for a in published if a.date.year == year]
        out[f"timeline/{year}"] = split_of(f"timeline/{year}", "year", str(year), in_year, by_year=False)
    for c in content.categories:
        in_category = [a for a in published if slugs.get(a.category) == c.slug]
        out[f"categories/{c.slug}"] = split_of(f"categories/{c.slug}", "category", c.slug, in_category)
    for cr in content.criteria:
        meeting = [a for a in published if cr.id in a.criteria]
        out[f"criteria/{cr.id}"] = split_of(f"criteria/{cr.id}", "criterion", cr.id, meeting)
    return {folder: parts for folder, parts in out.items() if parts}
