"""Criteria coverage: the evidence behind each assessment item, and where it is thin.

Thresholds come from data/criteria.yml (``thresholds:`` for all items, overridable per
item). An item is thin when it has fewer distinct activities or photos than required in
the term, or nothing within the last ``recent_months`` months.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from wenmingsite.loading.records import Content, Criterion, Document, ReportSection
from wenmingsite.loading.values import format_date_cn


@dataclass(frozen=True)
class Coverage:
    criterion: Criterion
    activities: int  # distinct: one-off activities plus each routine once
    occurrences: int  # every record, routine occurrences included
    routines: int
    pages: int
    photos: int
    last: dt.date | None
    sections: tuple[ReportSection, ...]
    documents: tuple[Document, ...]
    gaps: tuple[str, ...]  # why it is thin, for editors (Chinese)
    themed: int = 0  # 主题活动: one-off activities (pages and log entries)
    latest: tuple[dict, ...] = ()  # the newest themed records (api dicts), for the public page

    @property
    def thin(self) -> bool:
        return bool(self.gaps)


LATEST = 3  # themed activities named under each criterion


def _months_before(day: dt.date, months: int) -> dt.date:
    month = day.year * 12 + day.month - 1 - months
    year, month = divmod(month, 12)
    last_day = [
        31,
        29 if year % 4 == 0 and (year % 100 or year % 400 == 0) else 28,
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ][month]
    return dt.date(year, month + 1, min(day.day, last_day))


def compute(content: Content, records: list[dict], start: dt.date, reference: dt.date) -> list[Coverage]:
    """Coverage of every criterion by the records dated ``start``..``reference``."""
    out = []
    for c in content.criteria:
        mine = [r for r in records if c.id in r["criteria"] and start <= dt.date.fromisoformat(r["date"]) <= reference]
        routines = {r["routine"] for r in mine if r["kind"] == "routine"}
        one_off = [r for r in mine if r["kind"] != "routine"]
        last = max((dt.date.fromisoformat(r["date"]) for r in mine), default=None)
        photos = sum(r["photos"] for r in mine)
        t = c.thresholds
        gaps = []
        distinct = len(one_off) + len(routines)
        since = _months_before(reference, t.recent_months)
        if last is None:
            # None at all: one sentence, not "only 0" beside "none yet".
            wanted = [f"活动至少 {t.min_activities} 项"] if t.min_activities else []
            wanted += [f"照片至少 {t.min_photos} 张"] if t.min_photos else []
            gaps.append("本届还没有任何活动" + (f"（要求{'、'.join(wanted)}）" if wanted else ""))
        elif distinct < t.min_activities:
            gaps.append(f"活动只有 {distinct} 项，要求至少 {t.min_activities} 项")
        if last is not None and photos < t.min_photos:
            gaps.append(
                f"还没有照片，要求至少 {t.min_photos} 张"
                if photos == 0
                else f"照片只有 {photos} 张，要求至少 {t.min_photos} 张"
            )
        if last is not None and last < since:
            gaps.append(f"最近 {t.recent_months} 个月没有活动（最近一次是 {format_date_cn(last)}）")
        out.append(
            Coverage(
                criterion=c,
                activities=distinct,
                occurrences=len(mine),
                routines=len(routines),
                pages=sum(1 for r in mine if r["url"]),
                photos=photos,
                last=last,
                sections=tuple(s for s in content.report if c.id in s.criteria),
                documents=tuple(d for d in content.documents if c.id in d.criteria),
                gaps=tuple(gaps),
                themed=len(one_off),
                latest=tuple(sorted(one_off, key=lambda r: (r["date"], r["id"]), reverse=True)[:LATEST]),
            )
        )
    return out


def gap_report(coverage: list[Coverage], reference: dt.date) -> list[str]:
    """Plain lines for the office, one per thin item (empty when nothing is thin)."""
    thin = [c for c in coverage if c.thin]
    if not thin:
        return []
    lines = [f"测评项目对照（截至 {format_date_cn(reference)}）：{len(coverage)} 项中有 {len(thin)} 项证据不足"]
    for c in thin:
        lines.append(f"  {c.criterion.name}（{c.criterion.id}）：{'；'.join(c.gaps)}")
    return lines
