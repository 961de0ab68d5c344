"""Recurring routines: a compact rule in, the real dates out.

A rule is ``repeat`` (每天/工作日/每周/每月/每季度, or daily/weekdays/weekly/monthly/
quarterly) with ``weekday``, ``day``, ``week`` and ``month`` as the rule needs, over
``start``..``end``, minus explicit exceptions and, on request, statutory holidays.

The official calendar (statutory holidays and the 调休 make-up working days on a
Saturday or Sunday) comes from the ``chinese-calendar`` package for the years it
covers; ``data/holidays.yml`` overrides it and may add the years it lacks.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, field

import chinese_calendar

from wenmingsite.loading.patterns import lazy
from wenmingsite.loading.values import Invalid, normalise

REPEATS = {
    "daily": "daily",
    "每天": "daily",
    "每日": "daily",
    "weekdays": "weekdays",
    "工作日": "weekdays",
    "每个工作日": "weekdays",
    "weekly": "weekly",
    "每周": "weekly",
    "monthly": "monthly",
    "每月": "monthly",
    "quarterly": "quarterly",
    "每季度": "quarterly",
}

WEEKDAYS = {
    "周一": 0,
    "星期一": 0,
    "礼拜一": 0,
    "mon": 0,
    "monday": 0,
    "周二": 1,
    "星期二": 1,
    "礼拜二": 1,
    "tue": 1,
    "tuesday": 1,
    "周三": 2,
    "星期三": 2,
    "礼拜三": 2,
    "wed": 2,
    "wednesday": 2,
    "周四": 3,
    "星期四": 3,
    "礼拜四": 3,
    "thu": 3,
    "thursday": 3,
    "周五": 4,
    "星期五": 4,
    "礼拜五": 4,
    "fri": 4,
    "friday": 4,
    "周六": 5,
    "星期六": 5,
    "礼拜六": 5,
    "sat": 5,
    "saturday": 5,
    "周日": 6,
    "星期日": 6,
    "星期天": 6,
    "周天": 6,
    "礼拜天": 6,
    "sun": 6,
    "sunday": 6,
}
WEEKDAY_NAMES = "一二三四五六日"

WEEK_WORDS = {
    "1": 1,
    "2": 2,
    "3": 3,
    "4": 4,
    "第一": 1,
    "第二": 2,
    "第三": 3,
    "第四": 4,
    "last": -1,
    "最后": -1,
    "最后一": -1,
    "-1": -1,
}


@dataclass(frozen=True)
class Rule:
    repeat: str  # canonical: daily | weekdays | weekly | monthly | quarterly
    weekdays: tuple[int, ...] = ()
    day: int | None = None
    week: int | None = None
    month: int = 1  # month within a quarter

    def describe(self) -> str:
        days = "、".join(f"周{WEEKDAY_NAMES[w]}" for w in self.weekdays)
        if self.repeat == "daily":
            return "每天"
        if self.repeat == "weekdays":
            return "每个工作日"
        if self.repeat == "weekly":
            return f"每{days}"
        where = "每月" if self.repeat == "monthly" else ("每季度" if self.month == 1 else f"每季度第{self.month}个月")
        if self.day:
            return f"{where}{self.day}日"
        nth = "最后一个" if self.week == -1 else f"第{self.week}个"
        return f"{where}{nth}{days}"


# The pieces of a described rule (Rule.describe) a line may not split: 每周一 is one word to a
# reader, never 每周 / 一. A line breaks between them (每月 / 第1个周一, 周一、/ 周三).
_DAY = f"[{WEEKDAY_NAMES}]"
RULE_PIECE = lazy(
    rf"每季度第\d+个月|每季度|每月|每周{_DAY}、?|(?:第\d+个|最后一个)周{_DAY}、?|周{_DAY}、?|\d+日|每个工作日|每天|."
)


def rule_pieces(text: str) -> list[str]:
    """``text`` (a rule as Rule.describe writes it, or any text) cut where a line may break."""
    return RULE_PIECE.findall(text)


def parse_repeat(text: str) -> str:
    key = normalise(text).lower()
    if key not in REPEATS:
        raise Invalid(
            f"重复方式“{text}”无法识别。可以写：每天、工作日、每周、每月、每季度"
            "（或 daily、weekdays、weekly、monthly、quarterly）"
        )
    return REPEATS[key]


def parse_weekday(text: str) -> int:
    key = normalise(text).lower()
    if key not in WEEKDAYS:
        raise Invalid(f"星期“{text}”无法识别。请写 周一 到 周日")
    return WEEKDAYS[key]


def parse_week(text: str) -> int:
    key = normalise(text).replace("周", "").replace("个", "")
    if key not in WEEK_WORDS:
        raise Invalid(f"第几周“{text}”无法识别。请写 1、2、3、4 或 最后")
    return WEEK_WORDS[key]


def make_rule(repeat: str, weekdays: tuple[int, ...], day: int | None, week: int | None, month: int | None) -> Rule:
    """Check that the parts the rule needs are there, and nothing that it would ignore."""
    if repeat in ("daily", "weekdays"):
        if weekdays or day or week or month:
            raise Invalid("“每天”和“工作日”不需要 weekday、day、week、month，请删掉这些字段")
        return Rule(repeat)
    if repeat == "weekly":
        if not weekdays:
            raise Invalid("每周重复需要写 weekday（周几），例如 weekday: 周一")
        if day or week or month:
            raise Invalid("每周重复只需要 weekday，请删掉 day、week、month")
        return Rule(repeat, weekdays=weekdays)
    if month is not None and repeat != "quarterly":
        raise Invalid("month 只用于每季度重复，请删掉")
    if month is not None and not 1 <= month <= 3:
        raise Invalid(f"month 是季度中的第几个月，只能是 1、2、3，这里是 {month}")
    if day is not None:
        if weekdays or week:
            raise Invalid("day（几号）和 weekday/week（第几个周几）只能选一种写法")
        if not 1 <= day <= 28:
            raise Invalid(
                f"day 写了 {day}。为避免有的月份没有这一天，请写 1 到 28；月底的活动请用 week: 最后 和 weekday"
            )
        return Rule(repeat, day=day, month=month or 1)
    if week is not None and len(weekdays) == 1:
        return Rule(repeat, weekdays=weekdays, week=week, month=month or 1)
    raise Invalid(
        "每月/每季度重复需要写 day（几号，例如 day: 15），"
        "或者 week 加一个 weekday（例如 week: 1 和 weekday: 周五 表示第一个周五）"
    )


@dataclass
class WorkCalendar:
    """Rest days and make-up working days, and which years are known in full."""

    holidays: set[dt.date] = field(default_factory=set)  # official (or local) days off
    workdays: set[dt.date] = field(default_factory=set)  # 调休 make-up days on Sat/Sun
    years: set[int] = field(default_factory=set)

    def is_workday(self, day: dt.date) -> bool:
        if day in self.workdays:
            return True
        return day.weekday() < 5 and day not in self.holidays

    def missing_years(self, start: dt.date, end: dt.date) -> list[int]:
        return [y for y in range(start.year, end.year + 1) if y not in self.years]


def package_years() -> range:
    """The years for which chinese-calendar holds the State Council's schedule."""
    known = chinese_calendar.constants.holidays
    return range(min(known).year, max(known).year + 1)


def official_calendar() -> WorkCalendar:
    """Statutory holidays and 调休 working days as chinese-calendar publishes them."""
    c = chinese_calendar.constants
    return WorkCalendar(holidays=set(c.holidays), workdays=set(c.workdays), years=set(package_years()))


def _nth_weekday(year: int, month: int, weekday: int, week: int) -> dt.date:
    days = [
        d for d in range(1, calendar.monthrange(year, month)[1] + 1) if dt.date(year, month, d).weekday() == weekday
    ]
    return dt.date(year, month, days[week - 1] if week > 0 else days[-1])


def expand(
    rule: Rule, start: dt.date, end: dt.date, skip: set[dt.date], work: WorkCalendar | None = None
) -> list[dt.date]:
    """Every date from ``start`` to ``end`` inclusive that the rule names, minus ``skip``.

    With ``work``, 工作日 means the official working days: Monday to Friday minus
    holidays, plus the 调休 make-up Saturdays and Sundays. Without it, Monday to Friday.
    """
    work = work or WorkCalendar()
    out: list[dt.date] = []
    if rule.repeat in ("daily", "weekdays", "weekly"):
        day = start
        one = dt.timedelta(days=1)
        while day <= end:
            wd = day.weekday()
            if (
                rule.repeat == "daily"
                or (rule.repeat == "weekdays" and work.is_workday(day))
                or (rule.repeat == "weekly" and wd in rule.weekdays)
            ):
                out.append(day)
            day += one
    else:
        step = 1 if rule.repeat == "monthly" else 3
        year, month = start.year, start.month
        if rule.repeat == "quarterly":  # first month of the quarter holding start
            month = (month - 1) // 3 * 3 + 1
        month += 0 if rule.repeat == "monthly" else rule.month - 1
        while dt.date(year, month, 1) <= end:
            if rule.day:
                when = dt.date(year, month, rule.day)
            else:
                # make_rule (the only maker of rules) gives a monthly/quarterly rule a day or a week
                assert rule.week is not None
                when = _nth_weekday(year, month, rule.weekdays[0], rule.week)
            if start <= when <= end:
                out.append(when)
            month += step
            while month > 12:
                month -= 12
                year += 1
    return [d for d in out if d not in skip]
