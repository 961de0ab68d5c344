"""/stats/, api/stats.json, /criteria/ and the other pages of issue 5, checked against the
sources recomputed independently here (our own front-matter reading and dateutil.rrule for
the routines), not against the code under test."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter, defaultdict
from html import unescape

import chinese_calendar
import pytest
import yaml
from conftest import HANG_SECONDS, REPO, TODAY, run_mkdocs
from dateutil import rrule

WEEKDAY = {"周一": rrule.MO, "周三": rrule.WE, "周五": rrule.FR}


def holidays() -> set[dt.date]:
    """chinese-calendar's statutory holidays plus the days off in data/holidays.yml."""
    days = set(chinese_calendar.constants.holidays)
    for h in yaml.safe_load((REPO / "data/holidays.yml").read_text(encoding="utf-8")) or []:
        if h.get("kind", "放假") != "放假":
            continue
        start, end = h["start"], h.get("end", h["start"])
        days |= {start + dt.timedelta(n) for n in range((end - start).days + 1)}
    return days


def routine_dates(r: dict, today: dt.date, term_end: dt.date) -> list[dt.date]:
    start = r["start"]
    end = min(r.get("end") or min(today, term_end), today)
    repeat = r["repeat"]
    if repeat in ("每周", "weekly"):
        rule = rrule.rrule(rrule.WEEKLY, byweekday=WEEKDAY[r["weekday"]], dtstart=start, until=end)
    elif repeat == "工作日":  # official working days: weekdays off a holiday, plus 调休 days
        rule = [d for d in rrule.rrule(rrule.DAILY, dtstart=start, until=end) if chinese_calendar.is_workday(d.date())]
    elif repeat in ("每月", "monthly") and "week" in r:
        rule = rrule.rrule(rrule.MONTHLY, byweekday=WEEKDAY[r["weekday"]](int(r["week"])), dtstart=start, until=end)
    elif repeat in ("每月", "monthly"):
        rule = rrule.rrule(rrule.MONTHLY, bymonthday=int(r["day"]), dtstart=start, until=end)
    elif repeat == "每季度":
        rule = rrule.rrule(
            rrule.MONTHLY,
            bymonth=(r["month"], r["month"] + 3, r["month"] + 6, r["month"] + 9),
            bymonthday=int(r["day"]),
            dtstart=start,
            until=end,
        )
    else:
        raise AssertionError(repeat)
    days = [d.date() for d in rule]
    skip = holidays() if r.get("skip_holidays") else set()
    for exc in r.get("except") or []:
        if isinstance(exc, str) and "至" in exc:
            a, b = (dt.date.fromisoformat(x.strip()) for x in exc.split("至"))
            skip |= {a + dt.timedelta(n) for n in range((b - a).days + 1)}
        else:
            skip.add(exc if isinstance(exc, dt.date) else dt.date.fromisoformat(exc))
    return [d for d in days if d not in skip]


def source_records() -> list[dict]:
    """Every published activity of the demo, read straight from docs/ and data/."""
    unit = yaml.safe_load((REPO / "data/unit.yml").read_text(encoding="utf-8"))
    categories = {c["name"]: c for c in yaml.safe_load((REPO / "data/categories.yml").read_text(encoding="utf-8"))}
    out = []

    def add(entry, kind, day):
        amount = entry.get("amount")
        if isinstance(amount, str):
            amount = float(amount.replace("万元", "")) * 10000
        out.append(
            {
                "kind": kind,
                "date": day,
                "category": entry["category"],
                "department": entry.get("department"),
                "participants": entry.get("participants") or 0,
                "hours": float(entry.get("volunteer_hours") or 0),
                "amount": float(amount or 0),
                "photos": len(entry.get("photos") or []),
                "criteria_names": entry.get("criteria") or [],
                "category_criteria": categories[entry["category"]].get("criteria") or [],
            }
        )

    for md in (REPO / "docs/activities").rglob("*.md"):
        meta = yaml.safe_load(md.read_text(encoding="utf-8").split("---")[1])
        if not meta.get("draft"):
            add(meta, "page", meta["date"])
    for log in (REPO / "data/activities").glob("*.yml"):
        data = yaml.safe_load(log.read_text(encoding="utf-8").replace("time: 9:30", "time: '9:30'"))
        for entry in data.get("activities") or []:
            add(entry, "log", entry["date"])
        for routine in data.get("routines") or []:
            for day in routine_dates(routine, TODAY, unit["term_end"]):
                add(routine, "routine", day)
    return [r for r in out if unit["term_start"] <= r["date"] <= min(TODAY, unit["term_end"])]


@pytest.fixture(scope="module")
def demo(demo_build):
    return demo_build.site, demo_build.api("stats.json"), demo_build.log


def test_term_figures_match_the_sources(demo):
    site, stats, _ = demo
    records = source_records()
    term = stats["term"]
    assert term["activities"] == len(records)
    assert term["routine_occurrences"] == sum(1 for r in records if r["kind"] == "routine")
    assert term["one_off"] == sum(1 for r in records if r["kind"] != "routine")
    assert term["participants"] == sum(r["participants"] for r in records)
    assert term["volunteer_hours"] == sum(r["hours"] for r in records)
    assert term["amount"] == sum(r["amount"] for r in records)
    assert term["photos"] == sum(r["photos"] for r in records)
    page = (site / "stats/index.html").read_text(encoding="utf-8")
    themed = term["one_off"]
    assert f"<strong>{themed:,}</strong><span>项主题活动</span>" in page
    assert f"<strong>{len(records) - themed:,}</strong><span>次例行活动</span>" in page
    assert f"{themed:,} 项主题活动 · {len(records) - themed:,} 次例行活动（合计 {len(records):,} 项次" in page
    assert f"<strong>{term['participants']:,}</strong><span>参与人次</span>" in page
    wan = term["amount"] / 10000
    assert f"<strong>{wan:.2f}".rstrip("0").rstrip(".") + " 万元</strong><span>投入和捐助</span>" in page


def test_year_month_category_and_department_figures_match_the_sources(demo):
    site, stats, _ = demo
    records = source_records()
    page = (site / "stats/index.html").read_text(encoding="utf-8")
    by_year = Counter(r["date"].year for r in records)
    for year, count in by_year.items():
        assert stats["years"][str(year)]["activities"] == count
        row = re.search(
            rf'<tr><th scope="row">{year}年</th><td[^>]*>([\d,]+)</td><td[^>]*>([\d,]+)</td><td[^>]*>([\d,]+)</td>',
            page,
        )
        routine = sum(1 for r in records if r["date"].year == year and r["kind"] == "routine")
        assert int(row.group(1).replace(",", "")) == count - routine
        assert int(row.group(2).replace(",", "")) == routine
        assert int(row.group(3).replace(",", "")) == sum(r["participants"] for r in records if r["date"].year == year)
    by_month = Counter(r["date"].strftime("%Y-%m") for r in records)
    assert {k: v for k, v in stats["months"].items() if v} == dict(by_month)
    themed_by_month = Counter(r["date"].strftime("%Y-%m") for r in records if r["kind"] != "routine")
    assert {k: v for k, v in stats["months_themed"].items() if v} == dict(themed_by_month)
    assert all(stats["months_themed"][k] + stats["months_routine"][k] == v for k, v in stats["months"].items())
    assert stats["categories"] == {**stats["categories"], **{}}
    for name, count in Counter(r["category"] for r in records).items():
        assert stats["categories"][name]["activities"] == count
    for dept, count in Counter(r["department"] for r in records).items():
        assert stats["departments"][dept]["activities"] == count
    # Every chart says its numbers in words too.
    # Charts show themed work; the routine occurrences are named beside it.
    desc = unescape(re.search(r'<desc id="ws-categories-d">([^<]+)</desc>', page).group(1))
    routine = Counter(r["category"] for r in records if r["kind"] == "routine")
    for name, count in Counter(r["category"] for r in records if r["kind"] != "routine").items():
        note = f"（另有例行活动 {routine[name]:,} 次）" if routine[name] else ""
        assert f"{name} {count:,} 项{note}" in desc
    # Each chart's table is folded under it.
    assert page.count("<summary>查看数据表") == page.count('<svg class="ws-chart"') > 0


def test_criteria_figures_include_category_defaults(demo):
    _, stats, _ = demo
    names = {
        c["name"]: c["id"] for c in yaml.safe_load((REPO / "data/criteria.yml").read_text(encoding="utf-8"))["items"]
    }
    expected = defaultdict(int)
    for r in source_records():
        ids = {names.get(n, n) for n in r["criteria_names"]} | set(r["category_criteria"])
        for cid in ids:
            expected[cid] += 1
    assert {k: v["activities"] for k, v in stats["criteria"].items() if v["activities"]} == dict(expected)


def test_coverage_flags_the_thin_items_and_says_why(demo):
    site, _, log = demo
    page = (site / "criteria/index.html").read_text(encoding="utf-8")
    # The public page presents the evidence; the gaps go to the log, `wenming gaps` and the
    # editors' preview (tests/test_browser_phone.py builds it).
    assert 'class="ws-thin"' not in page and "证据不足" not in page and "待加强" not in page
    assert re.search(
        r'<th scope="row"><a href="#family">家庭文明建设</a></th>\s*<td data-label="佐证材料" '
        r'class="ws-coverage__evidence">\d+ 项主题活动',
        page,
    )
    assert "INFO    -  wenming: 测评项目对照（截至 2026年11月27日）：15 项中有 1 项证据不足" in log
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "待加强" not in home and "证据不足" not in home


def test_gaps_command_prints_the_list_for_the_office(demo_root):
    import subprocess
    import sys

    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "wenmingsite.commands.cli",
            "gaps",
            "--root",
            str(demo_root),
            "--date",
            TODAY.isoformat(),
            "--strict",
        ],
        capture_output=True,
        text=True,
        timeout=HANG_SECONDS,
    )
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "测评项目对照（截至 2026年11月27日）：15 项中有 1 项证据不足",
        "  家庭文明建设（family）：最近 6 个月没有活动（最近一次是 2025年3月7日）",
    ]


def test_honours_organization_and_documents_pages(demo):
    site, _, _ = demo
    honours = yaml.safe_load((REPO / "data/honours.yml").read_text(encoding="utf-8"))
    page = (site / "honours/index.html").read_text(encoding="utf-8")
    titles = re.findall(r'<p class="ws-honour__title">([^<]+) <span class="ws-level', page)
    expected = [h["title"] for h in sorted(honours, key=lambda h: (h["year"], h.get("month", 0)), reverse=True)]
    assert titles == expected
    assert page.count('data-gallery="honours"') == sum(1 for h in honours if h.get("photo"))
    assert "共 6 项荣誉：省级 1 项，市级 3 项，县区级 1 项，系统内 1 项。" in page
    org = (site / "organization/index.html").read_text(encoding="utf-8")
    assert '<tr><th scope="row">组长</th><td>周立民</td><td>中心主任</td></tr>' in org
    assert "2025年3月12日</time> 因工作调动" in org
    docs = (site / "documents/index.html").read_text(encoding="utf-8")
    for link in re.findall(r'<a href="([^"]+)" download>', docs):
        target = site / "documents" / link
        assert target.resolve().is_file() and target.suffix == ".pdf"
    assert "PDF · 180 KB" in docs


def test_routine_exception_and_draft_are_counted_right(site):
    root = site(
        {
            "data/holidays.yml": "- {name: 元旦, start: 2024-01-01}\n",
            "data/activities/2024.yml": (
                "routines:\n"
                "  - title: 每周一升国旗\n    repeat: 每周\n    weekday: 周一\n    start: 2024-01-01\n"
                "    end: 2024-01-31\n    skip_holidays: true\n    except: [2024-01-15]\n"
                "    category: 文体活动\n    participants: 50\n"
                "activities:\n"
                "  - title: 草稿活动\n    date: 2024-01-10\n    category: 文体活动\n    participants: 999\n"
                "    amount: 1万元\n    draft: true\n"
            ),
            "docs/activities/2024-02-01-draft.md": "---\ntitle: 草稿页面\ndate: 2024-02-01\ncategory: 志愿服务\nparticipants: 777\ndraft: true\n---\n正文\n",
        }
    )
    result = run_mkdocs(root, "build", "--strict")
    assert result.returncode == 0, result.stderr
    stats = json.loads((root / "site/api/stats.json").read_text(encoding="utf-8"))
    # 1 January is a holiday and 15 January an exception: 8, 22 and 29 January remain.
    assert stats["months"]["2024-01"] == 3
    assert stats["categories"]["文体活动"]["participants"] == 150
    # The only published page activity is the fixture's own (20 人次); drafts count nowhere.
    assert stats["term"]["participants"] == 150 + 20
    assert stats["term"]["amount"] == 0
    page = (root / "site/stats/index.html").read_text(encoding="utf-8")
    assert "999" not in page and "777" not in page


def test_years_without_activities_show_no_chart_and_print_counts_its_photos(site):
    """A term of 2024–2026 with activities in 2024 only and routines in 2025: /stats/ and
    /print/ draw no chart of twelve zeros (2026 shows nothing, 2025 its routines' table); the
    appendix of /print/ says how many activities carry a photo, not “each one”."""
    import io

    from conftest import write
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (320, 240), (180, 40, 40)).save(out, "JPEG")
    root = site(
        {
            "docs/activities/2024-04-01-quiz.md": (
                "---\ntitle: 文明知识竞赛\ndate: 2024-04-01\ncategory: 文体活动\n"
                "photos:\n  - src: quiz/a.jpg\n    alt: 职工答题\n---\n\n正文。\n"
            ),
            "data/activities/2025.yml": (
                "routines:\n"
                "  - title: 每周一升国旗\n    repeat: 每周\n    weekday: 周一\n    start: 2025-03-01\n"
                "    end: 2025-03-31\n    category: 文体活动\n"
            ),
        }
    )
    write(root, "docs/activities/quiz/a.jpg", out.getvalue())
    result = run_mkdocs(root, "build", "--strict")
    assert result.returncode == 0, result.stderr
    for page in ("stats", "print"):
        html = (root / f"site/{page}/index.html").read_text(encoding="utf-8")
        assert "2024年各月主题活动（项）</figcaption>" in html
        assert "2025年各月主题活动" not in html and "2026年各月" not in html
        assert "<p>2025年没有主题活动，例行活动见下表。</p>" in html
        assert "2025年各月活动</caption>" in html and "2026年各月活动" not in html
    printed = (root / "site/print/index.html").read_text(encoding="utf-8")
    assert "本届共有活动纪实和活动记录 2 项（例行活动见“主要数据”），按时间排列，其中 1 项附照片一张。" in printed
    assert "每项附照片一张" not in printed


def test_gaps_of_a_new_unit_say_none_yet_once(tmp_path):
    """A criterion without any activity is one sentence with what it needs, not
    "only 0" beside "none yet" (found by a fresh-unit trial)."""
    import subprocess
    import sys

    cli = [sys.executable, "-m", "wenmingsite.commands.cli"]
    subprocess.run(
        [*cli, "init", str(tmp_path / "unit"), "--name", "某某市档案馆", "--title-sought", "市级文明单位"]
        + ["--term-start", "2025-01-01", "--term-end", "2027-12-31"],
        capture_output=True,
        check=True,
        timeout=HANG_SECONDS,
    )
    result = subprocess.run(
        [*cli, "gaps", "--root", str(tmp_path / "unit"), "--date", TODAY.isoformat()],
        capture_output=True,
        text=True,
        timeout=HANG_SECONDS,
    )
    lines = result.stdout.splitlines()
    assert "  学雷锋志愿服务（volunteer-service）：本届还没有任何活动（要求活动至少 3 项、照片至少 3 张）" in lines
    assert not any("只有 0" in line for line in lines), lines
