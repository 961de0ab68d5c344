"""Statistics of the term, computed from the api records alone.

Every figure on /stats/ and in api/stats.json comes from the same record dicts that are
written to api/activities.json, so anyone can reproduce them from that file.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from wenmingsite.outputs.api import json_number


@dataclass
class Totals:
    """Figures of a span or group. ``one_off`` are the 主题活动 (activity pages and log
    entries), ``routine_occurrences`` the 例行活动 counted once per occurrence."""

    activities: int = 0  # records: one-off activities plus every routine occurrence
    routine_occurrences: int = 0
    one_off: int = 0
    pages: int = 0
    participants: int = 0
    volunteer_hours: Decimal = Decimal(0)
    amount: Decimal = Decimal(0)
    photos: int = 0

    def add(self, r: dict) -> None:
        self.activities += 1
        if r["kind"] == "routine":
            self.routine_occurrences += 1
        else:
            self.one_off += 1
        if r["url"]:
            self.pages += 1
        self.participants += r["participants"] or 0
        self.volunteer_hours += Decimal(str(r["volunteer_hours"] or 0))
        self.amount += Decimal(str(r["amount"] or 0))
        self.photos += r["photos"]

    def as_json(self) -> dict:
        return {
            "activities": self.activities,
            "one_off": self.one_off,
            "routine_occurrences": self.routine_occurrences,
            "pages": self.pages,
            "participants": self.participants,
            "volunteer_hours": json_number(self.volunteer_hours),
            "amount": json_number(self.amount),
            "photos": self.photos,
        }


@dataclass
class Stats:
    start: dt.date
    end: dt.date
    term: Totals = field(default_factory=Totals)
    years: dict[int, Totals] = field(default_factory=dict)
    months: dict[str, int] = field(default_factory=dict)  # "2024-03" -> activities
    months_themed: dict[str, int] = field(default_factory=dict)  # "2024-03" -> 主题活动
    months_routine: dict[str, int] = field(default_factory=dict)  # "2024-03" -> 例行活动 occurrences
    categories: dict[str, Totals] = field(default_factory=dict)
    criteria: dict[str, Totals] = field(default_factory=dict)  # criterion id -> totals
    departments: dict[str, Totals] = field(default_factory=dict)

    def breakdowns(self, criterion_names: dict[str, str]) -> list[tuple[str, str, dict[str, Totals]]]:
        """The three tallies the statistics show beside each other, as (key, heading, table):
        by category, by criterion (named), by department."""
        return [
            ("categories", "按类别", self.categories),
            ("criteria", "按测评项目", {criterion_names.get(k, k): v for k, v in self.criteria.items()}),
            ("departments", "按部门", self.departments),
        ]

    def as_json(self) -> dict:
        return {
            "term": {"start": self.start.isoformat(), "end": self.end.isoformat(), **self.term.as_json()},
            "years": {str(y): t.as_json() for y, t in self.years.items()},
            "months": self.months,
            "months_themed": self.months_themed,
            "months_routine": self.months_routine,
            "categories": {k: t.as_json() for k, t in self.categories.items()},
            "criteria": {k: t.as_json() for k, t in self.criteria.items()},
            "departments": {k: t.as_json() for k, t in self.departments.items()},
        }


UNASSIGNED = "未注明部门"


def term_window(content, today: dt.date) -> tuple[dt.date, dt.date]:
    """The span figures cover: the term's start up to today (never past the term's end)."""
    unit = content.unit
    if unit:
        return unit.term_start, min(unit.term_end, today)
    return min((a.date for a in content.published), default=today), today


def compute(
    records: list[dict],
    start: dt.date,
    end: dt.date,
    categories: list[str],
    criteria: list[str],
    departments: list[str],
) -> Stats:
    """Figures for the records dated within ``start``..``end`` (the term).

    Category, criterion and department breakdowns keep the order of data/ and list every
    one of them, with zeros where nothing happened: a gap is information too."""
    stats = Stats(start, end)
    stats.categories = {c: Totals() for c in categories}
    stats.criteria = {c: Totals() for c in criteria}
    stats.departments = {d: Totals() for d in departments}
    months = defaultdict(int)
    themed = defaultdict(int)
    routine = defaultdict(int)
    year = start.year
    while year <= end.year:
        stats.years[year] = Totals()
        for m in range(1, 13):
            if dt.date(year, m, 1) <= end and (year, m) >= (start.year, start.month):
                months[f"{year}-{m:02d}"] = themed[f"{year}-{m:02d}"] = routine[f"{year}-{m:02d}"] = 0
        year += 1
    for r in records:
        day = dt.date.fromisoformat(r["date"])
        if not start <= day <= end:
            continue
        stats.term.add(r)
        stats.years[day.year].add(r)
        months[r["date"][:7]] += 1
        (routine if r["kind"] == "routine" else themed)[r["date"][:7]] += 1
        stats.categories.setdefault(r["category"], Totals()).add(r)
        for cid in r["criteria"]:
            stats.criteria.setdefault(cid, Totals()).add(r)
        stats.departments.setdefault(r["department"] or UNASSIGNED, Totals()).add(r)
    stats.months = dict(sorted(months.items()))
    stats.months_themed = dict(sorted(themed.items()))
    stats.months_routine = dict(sorted(routine.items()))
    if not stats.departments.get(UNASSIGNED, Totals()).activities:
        stats.departments.pop(UNASSIGNED, None)
    return stats
