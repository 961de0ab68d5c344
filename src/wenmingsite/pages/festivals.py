"""我们的节日: the unit's activities held around the traditional festivals, by festival.

An activity belongs to a festival when its front matter (or log entry) says so
(``festival: 中秋``), or else when it was held near the festival's day of that year *and* its
title or summary speaks of the festival or its customs (送春联 before 春节, 敬老 around 重阳):
the date alone would file a fire drill that happened to fall in the week of 重阳 under it.
``festival: 无`` keeps an activity off the page.

The lunar festivals move in the Gregorian calendar; :data:`DAYS` holds their dates for the
years a site may cover (computed with the lunardate and lunar-python libraries, which
agree; ``tests/test_news.py`` checks it against dates everyone knows). A year outside the
table is decided by the ``festival`` field alone.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

from wenmingsite.loading.records import Activity
from wenmingsite.pages.pagekinds import PageSpec, page_kind


@dataclass(frozen=True)
class Festival:
    name: str
    slug: str  # its anchor on the page
    when: str  # how the page names its day
    before: int  # days before the festival's day that still count as "around" it
    after: int
    words: tuple[str, ...]  # an activity around it speaks of one of these


FESTIVALS = (
    Festival(
        "春节",
        "chunjie",
        "农历正月初一",
        30,
        15,
        ("春节", "新春", "新年", "春联", "年货", "迎春", "过年", "拜年", "福字"),
    ),
    Festival("元宵", "yuanxiao", "农历正月十五", 5, 3, ("元宵", "灯谜", "花灯", "灯会", "汤圆")),
    Festival("学雷锋日", "leifeng", "3月5日", 5, 10, ("雷锋",)),
    Festival("清明", "qingming", "清明节气", 10, 5, ("清明", "祭扫", "缅怀", "烈士", "踏青")),
    Festival("端午", "duanwu", "农历五月初五", 10, 3, ("端午", "粽", "龙舟", "艾草")),
    Festival("七夕", "qixi", "农历七月初七", 5, 3, ("七夕", "鹊桥", "婚恋")),
    Festival("中秋", "zhongqiu", "农历八月十五", 10, 3, ("中秋", "月饼", "赏月", "团圆")),
    Festival("重阳", "chongyang", "农历九月初九", 10, 10, ("重阳", "敬老", "尊老", "爱老", "老人", "老年")),
)
BY_NAME = {f.name: f for f in FESTIVALS}
NONE = "无"  # festival: 无 — not a festival activity, whatever its date and words

# (month, day) of 春节, 元宵, 清明, 端午, 七夕, 中秋, 重阳 in each year.
_TABLE = """\
2015 02-19 03-05 04-05 06-20 08-20 09-27 10-21
2016 02-08 02-22 04-04 06-09 08-09 09-15 10-09
2017 01-28 02-11 04-04 05-30 08-28 10-04 10-28
2018 02-16 03-02 04-05 06-18 08-17 09-24 10-17
2019 02-05 02-19 04-05 06-07 08-07 09-13 10-07
2020 01-25 02-08 04-04 06-25 08-25 10-01 10-25
2021 02-12 02-26 04-04 06-14 08-14 09-21 10-14
2022 02-01 02-15 04-05 06-03 08-04 09-10 10-04
2023 01-22 02-05 04-05 06-22 08-22 09-29 10-23
2024 02-10 02-24 04-04 06-10 08-10 09-17 10-11
2025 01-29 02-12 04-04 05-31 08-29 10-06 10-29
2026 02-17 03-03 04-05 06-19 08-19 09-25 10-18
2027 02-06 02-20 04-05 06-09 08-08 09-15 10-08
2028 01-26 02-09 04-04 05-28 08-26 10-03 10-26
2029 02-13 02-27 04-04 06-16 08-16 09-22 10-16
2030 02-03 02-17 04-05 06-05 08-05 09-12 10-05
2031 01-23 02-06 04-05 06-24 08-24 10-01 10-24
2032 02-11 02-25 04-04 06-12 08-12 09-19 10-12
2033 01-31 02-14 04-04 06-01 08-01 09-08 10-01
2034 02-19 03-05 04-05 06-20 08-20 09-27 10-20
2035 02-08 02-22 04-05 06-10 08-10 09-16 10-09
"""
_TABLED = ("春节", "元宵", "清明", "端午", "七夕", "中秋", "重阳")


def _days() -> dict[tuple[int, str], dt.date]:
    out = {}
    for line in _TABLE.splitlines():
        year, *days = line.split()
        for name, md in zip(_TABLED, days, strict=True):
            month, day = md.split("-")
            out[(int(year), name)] = dt.date(int(year), int(month), int(day))
    return out


DAYS = _days()


def day_of(festival: Festival, year: int) -> dt.date | None:
    """The festival's Gregorian date in ``year``; None for a year the table lacks."""
    if festival.name == "学雷锋日":
        return dt.date(year, 3, 5)
    return DAYS.get((year, festival.name))


def canonical(text: str) -> str | None:
    """The festival a ``festival`` value names ("中秋节" is 中秋), ``NONE``, or None."""
    text = text.strip()
    if text in (NONE, "否", "不是"):
        return NONE
    for name in (text, text.removesuffix("节")):
        if name in BY_NAME:
            return name
    return {"雷锋日": "学雷锋日", "学雷锋": "学雷锋日", "新春": "春节"}.get(text)


def names() -> str:
    return "、".join(BY_NAME)


def festival_of(a: Activity) -> Festival | None:
    """The festival ``a`` was held for, if any (see the module's docstring)."""
    if a.festival is not None:
        return BY_NAME.get(a.festival)
    return _festival_by_words(a.title + (a.summary or ""), a.date)


@functools.cache
def _words_in(order: int) -> re.Pattern:
    """Any of the words of FESTIVALS[order] anywhere: one search where a loop over the words
    tested each (a fresh build asks for every activity)."""
    return re.compile("|".join(map(re.escape, FESTIVALS[order].words)))


@functools.lru_cache(maxsize=1 << 16)  # each listing of a build asks again; serve asks every rebuild
def _festival_by_words(text: str, date: dt.date) -> Festival | None:
    found: list[tuple[int, int, Festival]] = []
    for order, f in enumerate(FESTIVALS):
        if not _words_in(order).search(text):
            continue
        # 春节 may fall in late January: 送春联 in the December before belongs to it.
        for year in (date.year, date.year + 1):
            day = day_of(f, year)
            if day is not None and -f.before <= (date - day).days <= f.after:
                found.append((abs((date - day).days), order, f))
    return min(found, key=lambda t: (t[0], t[1]))[2] if found else None


def groups(activities) -> list[tuple[Festival, list[tuple[int, list[Activity]]]]]:
    """Festivals that have activities, in the order of the year, each with its years (newest
    first) and their activities (newest first)."""
    by: dict[str, dict[int, list[Activity]]] = {}
    for a in activities:
        if a.origin == "routine":
            continue
        f = festival_of(a)
        if f is not None:
            by.setdefault(f.name, {}).setdefault(a.date.year, []).append(a)
    out = []
    for f in FESTIVALS:
        if f.name in by:
            years = sorted(by[f.name].items(), reverse=True)
            out.append((f, [(y, sorted(acts, key=lambda a: (a.date, a.id), reverse=True)) for y, acts in years]))
    return out


# Out of the search index, like the other listings: it only repeats what activity pages say.
@page_kind("festivals", search=False, needs=("festivals/index.md", "节日前后的活动（或写了 festival 的活动）"))
class FestivalsPage:
    """我们的节日: only for a unit that has activities around the festivals."""

    @staticmethod
    def specs(site):
        # Whether groups() would have one: the first festival activity answers.
        if not any(a.origin != "routine" and festival_of(a) is not None for a in site.content.published):
            return []
        return [
            PageSpec(
                "festivals/index.md",
                "我们的节日",
                "festivals",
                description="春节、元宵、清明、端午、七夕、中秋、重阳等传统节日前后开展的主题活动",
            )
        ]

    @staticmethod
    def render(site, spec, url):
        rows = {e.ids[0]: e for e in site.archive.entries if not e.is_routine and e.ids}
        found = [
            (f, [(year, [rows[a.id] for a in acts if a.id in rows]) for year, acts in years])
            for f, years in groups(site.content.published)
        ]
        return site.renderer.render("festivals.html", url, groups=found)
