"""The working-day calendar: statutory holidays and 调休 make-up days.

The schedules below are copied by hand from the State Council General Office notices
(国务院办公厅关于2024年/2025年/2026年部分节假日安排的通知), not from chinese-calendar,
so the package is checked against the official text.
"""

import datetime as dt

import pytest
from conftest import TODAY

import wenmingsite
from wenmingsite.loading.recurrence import expand, make_rule, official_calendar, package_years

D = dt.date

# year -> [(holiday, first day off, last day off, make-up working days)]
OFFICIAL = {
    2024: [  # 国办发明电〔2023〕7号
        ("元旦", "01-01", "01-01", []),
        ("春节", "02-10", "02-17", ["02-04", "02-18"]),
        ("清明节", "04-04", "04-06", ["04-07"]),
        ("劳动节", "05-01", "05-05", ["04-28", "05-11"]),
        ("端午节", "06-10", "06-10", []),
        ("中秋节", "09-15", "09-17", ["09-14"]),
        ("国庆节", "10-01", "10-07", ["09-29", "10-12"]),
    ],
    2025: [  # 国办发明电〔2024〕12号
        ("元旦", "01-01", "01-01", []),
        ("春节", "01-28", "02-04", ["01-26", "02-08"]),
        ("清明节", "04-04", "04-06", []),
        ("劳动节", "05-01", "05-05", ["04-27"]),
        ("端午节", "05-31", "06-02", []),
        ("国庆节、中秋节", "10-01", "10-08", ["09-28", "10-11"]),
    ],
    2026: [  # 国办发明电〔2025〕7号
        ("元旦", "01-01", "01-03", ["01-04"]),
        ("春节", "02-15", "02-23", ["02-14", "02-28"]),
        ("清明节", "04-04", "04-06", []),
        ("劳动节", "05-01", "05-05", ["05-09"]),
        ("端午节", "06-19", "06-21", []),
        ("中秋节", "09-25", "09-27", []),
        ("国庆节", "10-01", "10-07", ["09-20", "10-10"]),
    ],
}


def day(year: int, md: str) -> dt.date:
    return dt.date.fromisoformat(f"{year}-{md}")


def official(year: int) -> tuple[set[dt.date], set[dt.date]]:
    off, work = set(), set()
    for _, first, last, makeup in OFFICIAL[year]:
        a, b = day(year, first), day(year, last)
        off |= {a + dt.timedelta(n) for n in range((b - a).days + 1)}
        work |= {day(year, md) for md in makeup}
    return off, work


def working_days(year: int, first: dt.date, last: dt.date) -> list[dt.date]:
    off, work = official(year)
    days = [first + dt.timedelta(n) for n in range((last - first).days + 1)]
    return [d for d in days if d in work or (d.weekday() < 5 and d not in off)]


@pytest.mark.parametrize("year", sorted(OFFICIAL))
def test_package_matches_the_state_council_notice(year):
    off, work = official(year)
    cal = official_calendar()
    assert {d for d in cal.holidays if d.year == year} == off
    assert {d for d in cal.workdays if d.year == year} == work
    assert all(d.weekday() >= 5 for d in work)  # every make-up day is a Saturday or Sunday
    assert year in package_years()


@pytest.mark.parametrize("year", sorted(OFFICIAL))
def test_working_day_rule_over_a_whole_year(year):
    rule = make_rule("weekdays", (), None, None, None)
    got = expand(rule, D(year, 1, 1), D(year, 12, 31), set(), official_calendar())
    assert got == working_days(year, D(year, 1, 1), D(year, 12, 31))


def routine(repeat: str, start: str, end: str, extra: str = "") -> str:
    return (
        f"routines:\n  - title: 值班巡查\n    repeat: {repeat}\n    start: {start}\n    end: {end}\n"
        f"{extra}    category: 文体活动\n"
    )


def dates(root, today=TODAY):
    content, problems = wenmingsite.load(root, today=today)
    assert [str(p) for p in problems] == []
    return [a.date for a in content.activities if a.origin == "routine"]


def test_february_2024_has_18_working_days(site):
    root = site({"data/activities/2024.yml": routine("工作日", "2024-02-01", "2024-02-29")})
    got = dates(root)
    assert len(got) == 18
    assert D(2024, 2, 4) in got and D(2024, 2, 18) in got  # 调休 Sundays
    assert not {D(2024, 2, 12) + dt.timedelta(n) for n in range(5)} & set(got)  # 春节 Mon-Fri
    assert got == working_days(2024, D(2024, 2, 1), D(2024, 2, 29))


def test_skip_holidays_skips_official_holidays_only(site):
    root = site({"data/activities/2025.yml": routine("每天", "2025-01-20", "2025-02-10", "    skip_holidays: true\n")})
    got = dates(root)
    # 22 days minus 春节 28 January to 4 February (8 days); the 调休 Sunday 26 January stays.
    assert len(got) == 22 - 8
    assert D(2025, 1, 28) not in got and D(2025, 2, 4) not in got and D(2025, 2, 5) in got


def test_holidays_file_adds_local_days_off(site):
    root = site(
        {
            "data/activities/2026.yml": routine("工作日", "2026-11-16", "2026-11-22"),
            "data/holidays.yml": "- {name: 单位运动会, start: 2026-11-20}\n",
        }
    )
    assert dates(root) == [D(2026, 11, 16), D(2026, 11, 17), D(2026, 11, 18), D(2026, 11, 19)]


def test_holidays_file_covers_a_year_the_package_lacks(site):
    root = site(
        {
            "data/activities/2027.yml": routine("工作日", "2027-02-01", "2027-02-28"),
            "data/holidays.yml": (
                "- {name: 春节, start: 2027-02-06, end: 2027-02-13}\n"
                "- {name: 春节调休, start: 2027-02-14, kind: 调休上班}\n"
            ),
        }
    )
    got = dates(root, today=D(2027, 3, 1))
    # 20 weekdays in February 2027, minus 8-12 February, plus Sunday 14 February.
    assert len(got) == 20 - 5 + 1
    assert D(2027, 2, 14) in got and D(2027, 2, 8) not in got


def test_working_days_in_a_year_nobody_covers_are_monday_to_friday_with_a_notice(site):
    root = site({"data/activities/2027.yml": routine("工作日", "2026-12-01", "2027-01-31")})
    content, problems = wenmingsite.load(root, today=D(2027, 3, 1))
    assert problems == []
    assert [str(n) for n in content.notices] == [
        "data/activities/2027.yml:3:13: 第 1 项例行活动按工作日重复，但 2027 年的放假安排还没有收录"
        "（本工具带的 chinese-calendar 只到 2026 年），这一年的日期暂按周一到周五计算，元旦等假日可能被算进去。"
        "请在 data/holidays.yml 写上该年的法定节假日和调休上班日（kind: 调休上班），或升级本工具"
    ]
    january = [a.date for a in content.activities if a.origin == "routine" and a.date.year == 2027]
    assert len(january) == 21 and january[0] == D(2027, 1, 1)  # Monday to Friday, 1 January included


def test_bad_kind_and_useless_make_up_day(site):
    root = site(
        {
            "data/holidays.yml": (
                "- {name: 运动会, start: 2026-11-20, kind: 补休}\n- {name: 加班, start: 2026-11-18, kind: 调休上班}\n"
            )
        }
    )
    _, problems = wenmingsite.load(root, today=TODAY)
    assert [str(p) for p in problems] == [
        "data/holidays.yml:1:40: 第 1 个节假日“运动会”的类型（kind）“补休”无法识别。请写 放假（不写即为放假）或 调休上班",
        "data/holidays.yml:2:21: 第 2 个节假日“加班”标为调休上班，但 2026-11-18 是周三，本来就是工作日。"
        "调休上班日是周六或周日，请核对日期",
    ]
