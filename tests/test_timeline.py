"""Timeline, archives, category and criterion pages and the feed agree with api/activities.json."""

from __future__ import annotations

import re
import urllib.parse
import xml.etree.ElementTree as ET
from collections import Counter
from email.utils import parsedate_to_datetime
from html import unescape

import pytest
from conftest import TODAY, build, write


@pytest.fixture(scope="module")
def demo(demo_build):
    return demo_build.site, demo_build.activities()


ITEM = re.compile(r'<li class="ws-tl__item ws-news__item"[^>]*data-count="(\d+)">(.*?)</li>', re.S)
ROUTINE = re.compile(r'<li class="ws-tl__item" data-kind="routine"[^>]*data-count="(\d+)">(.*?)</li>', re.S)


def rows(page: str) -> list[dict]:
    """What a visitor reads on a listing: each headline's month, date, title and link, then
    each routine once with its count (``date`` None)."""
    out = []
    for section in re.findall(r'<section class="ws-month" .*?</section>', page, re.S):
        month = re.search(r'<h2 id="h(\d{4}-\d{2})">', section).group(1)
        for count, body in ITEM.findall(section):
            title = re.search(r'class="ws-news__title ws-tl__title">(?:<a href="([^"]+)">)?([^<]+)', body)
            out.append(
                {
                    "month": month,
                    "date": re.search(r'<time class="ws-news__date" datetime="([^"]+)">', body).group(1),
                    "href": title.group(1),
                    "title": unescape(title.group(2)),
                    "count": int(count),
                }
            )
    block = re.search(r'<section class="ws-routine-sum".*?</section>', page, re.S)
    for count, body in ROUTINE.findall(block.group(0) if block else ""):
        title = re.search(r'<strong class="ws-routine__title">([^<]+)</strong>', body).group(1)
        out.append({"month": None, "date": None, "href": None, "title": unescape(title), "count": int(count)})
    return out


def test_year_pages_agree_with_api(demo):
    site, records = demo
    years = sorted({r["date"][:4] for r in records})
    assert len(years) >= 2
    seen_singles, seen_routines = Counter(), Counter()
    for year in years:
        page = (site / f"timeline/{year}/index.html").read_text(encoding="utf-8")
        found = rows(page)
        in_year = [r for r in records if r["date"].startswith(year)]
        assert sum(row["count"] for row in found) == len(in_year)
        themed = sum(1 for r in in_year if r["kind"] != "routine")
        assert f"{year}年：{themed:,} 项主题活动 · {len(in_year) - themed:,} 次例行活动" in page
        months = [row["month"] for row in found if row["month"]]
        assert months == sorted(months, reverse=True)  # newest month first
        for row in found:
            if row["date"]:
                seen_singles[(row["date"], row["title"])] += 1
                assert row["count"] == 1
            else:
                seen_routines[row["title"]] += row["count"]
        dated = [row["date"] for row in found if row["date"]]
        assert dated == sorted(dated, reverse=True)
        # Each routine once on a year page, below every headline.
        routine_titles = [row["title"] for row in found if not row["date"]]
        assert len(routine_titles) == len(set(routine_titles))
        if routine_titles:
            assert page.rindex('class="ws-tl__item ws-news__item"') < page.index('class="ws-routine-sum"')
    singles = Counter((r["date"], r["title"]) for r in records if r["kind"] != "routine")
    assert seen_singles == singles
    assert seen_routines == Counter(r["title"] for r in records if r["kind"] == "routine")


def test_timeline_entries_link_to_their_pages(demo):
    site, records = demo
    page = (site / "timeline/2024/index.html").read_text(encoding="utf-8")
    by_title = {r["title"]: r for r in records if r["url"]}
    linked = [row for row in rows(page) if row["href"]]
    assert linked
    for row in linked:
        target = (site / "timeline/2024" / urllib.parse.unquote(row["href"])).resolve()
        assert target == (site / urllib.parse.unquote(by_title[row["title"]]["url"])).resolve()


def test_routines_are_compact_but_counted(demo):
    site, records = demo
    page = (site / "timeline/2024/index.html").read_text(encoding="utf-8")
    exercise = [r for r in records if r["title"] == "工间操" and r["date"].startswith("2024")]
    assert len([r for r in exercise if r["date"].startswith("2024-03")]) == 4  # every Wednesday of March 2024
    block = re.search(r'<section class="ws-routine-sum".*?</section>', page, re.S).group(0)
    assert re.search(
        r'<strong class="ws-routine__title">工间操</strong><span>每周三</span><span>2024年共 <strong>'
        + f"{len(exercise)}</strong> 次</span>",
        block,
    )
    # Named once on the page, never month by month.
    assert page.count(">工间操<") == 1 and "本月" not in page


def test_first_timeline_page_is_the_latest_twelve_months(demo):
    site, records = demo
    page = (site / "timeline/index.html").read_text(encoding="utf-8")
    found = rows(page)
    months = sorted({row["month"] for row in found if row["month"]})
    # The routines below the headlines count every occurrence, later months included, and no
    # line announces what a month lacks.
    # The twelve months up to the month of the build (the suite's day), as the page says.
    newest = f"{TODAY.year:04d}-{TODAY.month:02d}"
    earliest = f"{TODAY.year - 1:04d}-{TODAY.month:02d}"
    assert months[-1] <= newest and months[0] > earliest
    first = TODAY.year * 12 + TODAY.month - 12  # the month eleven months before the build's (0-based)
    assert f"最近一年（{first // 12}年{first % 12 + 1}月至{TODAY.year}年{TODAY.month}月）：" in page
    assert sum(1 for row in found if row["date"]) == sum(
        1 for r in records if r["kind"] != "routine" and earliest < r["date"][:7] <= newest
    )
    assert sum(row["count"] for row in found if not row["date"]) == sum(1 for r in records if r["kind"] == "routine")
    assert "暂无" not in page


@pytest.mark.parametrize("kind", ["categories", "criteria"])
def test_group_pages_agree_with_api(demo, kind):
    site, records = demo
    for folder in (site / kind).iterdir():
        if not folder.is_dir():
            continue
        key = folder.name
        if kind == "categories":
            mine = [r for r in records if r["category_slug"] == key]
        else:
            mine = [r for r in records if key in r["criteria"]]
        page = (folder / "index.html").read_text(encoding="utf-8")
        assert sum(row["count"] for row in rows(page)) == len(mine), key
        themed = sum(1 for r in mine if r["kind"] != "routine")
        assert f"{themed:,} 项主题活动" in page
    index = (site / kind / "index.html").read_text(encoding="utf-8")
    folders = sum(1 for p in (site / kind).iterdir() if p.is_dir())
    if kind == "categories":
        assert index.count('<span class="ws-count">') == folders
    else:  # the coverage view: one row and one section per criterion
        assert index.count('<section class="ws-criterion') == folders


def test_activity_page_links_neighbours_category_and_criteria(demo):
    site, records = demo
    pages = [r for r in records if r["url"]]
    middle = pages[5]
    html = (site / urllib.parse.unquote(middle["url"]) / "index.html").read_text(encoding="utf-8")
    prev_link = re.search(
        r'<a class="ws-prevnext__prev" href="([^"]+)" rel="prev"><span>上一项活动</span>([^<]+)</a>', html
    )
    next_link = re.search(
        r'<a class="ws-prevnext__next" href="([^"]+)" rel="next"><span>下一项活动</span>([^<]+)</a>', html
    )
    assert unescape(prev_link.group(2)) == pages[4]["title"]
    assert unescape(next_link.group(2)) == pages[6]["title"]
    here = site / urllib.parse.unquote(middle["url"])
    assert (here / urllib.parse.unquote(next_link.group(1)) / "index.html").resolve() == (
        site / urllib.parse.unquote(pages[6]["url"]) / "index.html"
    ).resolve()
    category = re.search(r'<dt>类别</dt><dd><a href="([^"]+)">', html).group(1)
    assert (here / category).resolve() == (site / "categories" / middle["category_slug"]).resolve()
    for cid in middle["criteria"]:
        assert f"criteria/{cid}/" in html


def test_rss_feed_is_valid_and_chinese_intact(demo):
    site, records = demo
    raw = (site / "feed.xml").read_bytes()
    assert raw.startswith(b'<?xml version="1.0" encoding="UTF-8"?>')
    root = ET.fromstring(raw)
    assert root.tag == "rss" and root.get("version") == "2.0"
    channel = root.find("channel")
    for required in ("title", "link", "description"):
        assert channel.findtext(required)
    assert channel.findtext("title") == "青溪市农业技术推广中心 · 文明单位创建 · 创建动态"
    items = channel.findall("item")
    pages = sorted((r for r in records if r["url"]), key=lambda r: (r["date"], r["id"]), reverse=True)
    # The demo's notices (通知公告) are among the newest items, by date with the activities.
    notices = [i for i in items if i.findtext("category") == "通知公告"]
    activities = [i for i in items if i.findtext("category") != "通知公告"]
    assert len(items) == 30 and [i.findtext("title") for i in notices][:1] == ["关于做好市级文明单位测评迎检工作的通知"]
    assert [i.findtext("title") for i in activities] == [r["title"] for r in pages[: len(activities)]]
    dates = [parsedate_to_datetime(i.findtext("pubDate")) for i in items]
    assert dates == sorted(dates, reverse=True)
    first = activities[0]
    assert parsedate_to_datetime(first.findtext("pubDate")).date().isoformat() == pages[0]["date"]
    assert first.findtext("link") == "http://127.0.0.1:8000/" + pages[0]["url"]
    assert first.find("guid").get("isPermaLink") == "true"
    assert first.findtext("description") == pages[0]["summary"]
    home = (site / "index.html").read_text(encoding="utf-8")
    assert '<link rel="alternate" type="application/rss+xml"' in home


def test_markup_and_ampersands_are_shown_as_text(site):
    root = site(
        {
            "docs/activities/2024-03-05-plant.md": "---\ntitle: 党建&业务“双融合”\ndate: 2024-03-05\ncategory: 志愿服务\n---\n正文\n",
            "data/activities/2024.yml": 'activities:\n  - title: "A & B <i>斜体</i>"\n    date: 2024-04-01\n    category: 志愿服务\n',
        }
    )
    result = build(root)
    # A title with markup is refused outright ...
    assert result.returncode == 1
    assert (
        "data/activities/2024.yml:2:12: 第 1 条活动的标题（title）：“A & B <i>斜体</i>”中含有“<”或“>”" in result.stderr
    )
    write(
        root,
        "data/activities/2024.yml",
        'activities:\n  - title: "A & B “斜体”"\n    date: 2024-04-01\n    category: 志愿服务\n',
    )
    assert build(root).returncode == 0
    page = (root / "site/timeline/index.html").read_text(encoding="utf-8")
    # ... and ampersands and quotes are escaped wherever they are printed.
    assert "A &amp; B “斜体”" in page and "党建&amp;业务“双融合”" in page
    feed = (root / "site/feed.xml").read_text(encoding="utf-8") if (root / "site/feed.xml").exists() else ""
    assert "A & B" not in feed  # only activities with pages are in the feed


def test_a_file_at_a_generated_url_is_refused(site):
    root = site({"docs/timeline.md": "# 我的时间轴\n"})
    result = build(root)
    assert result.returncode == 1
    assert (
        "docs/timeline.md: 网址 timeline/index.html 由网站自动生成（创建动态、分类、测评项目等页面使用），"
        "这个文件会和它冲突。请给这个文件改名，或把它移到别的文件夹"
    ) in result.stderr


def lead(page: str) -> str:
    return unescape(re.sub(r"<[^>]+>", "", re.search(r'<p class="ws-lead">(.*?)</p>', page, re.S).group(1)))


def stale_note(page: str) -> str:
    return unescape(re.sub(r"<[^>]+>", "", re.search(r'<p class="ws-stale">(.*?)</p>', page, re.S).group(1)))


def test_first_timeline_page_covers_the_year_up_to_the_build_and_says_so(site):
    """最近一年 is the twelve months up to the month of the build (WENMING_TODAY: 2026-11-27),
    not up to the newest activity: an activity of October 2025 is older than that, even when
    nothing came after March 2026. A site not updated for over a year says so and shows its
    last year of work rather than an empty page."""
    activities = """\
        activities:
          - title: 秋季运动会
            date: 2025-10-18
            category: 文体活动
          - title: 学雷锋志愿服务
            date: 2026-03-05
            category: 志愿服务
        """
    root = site({"data/activities/2025.yml": activities, "docs/activities/2024-03-05-plant.md": None})
    assert build(root).returncode == 0
    page = (root / "site/timeline/index.html").read_text(encoding="utf-8")
    assert [row["title"] for row in rows(page)] == ["学雷锋志愿服务"]
    assert lead(page) == "最近一年（2025年12月至2026年11月）：1 项主题活动。例行活动逐次计入统计。"
    assert 'class="ws-stale"' not in page
    assert "秋季运动会" in (root / "site/timeline/2025/index.html").read_text(encoding="utf-8")

    stale = activities.replace("2025-10-18", "2024-10-18").replace("2026-03-05", "2025-03-05")
    write(root, "data/activities/2025.yml", stale)
    assert build(root).returncode == 0
    page = (root / "site/timeline/index.html").read_text(encoding="utf-8")
    assert [row["title"] for row in rows(page)] == ["学雷锋志愿服务", "秋季运动会"]
    assert (
        stale_note(page)
        == "最近一年（2025年12月至2026年11月）没有主题活动，下面是最后有主题活动的一年（2024年4月至2025年3月）。"
    )
    assert page.index('class="ws-stale"') < page.index('class="ws-news__title')  # first on a phone too
    assert lead(page) == "最后有主题活动的一年（2024年4月至2025年3月）：2 项主题活动。例行活动逐次计入统计。"

    # A weekly routine still counting on does not make a year of routines under no headline
    # the first page: it opens with the last year of themed work as well.
    routine = "routines:\n  - title: 每周一升国旗\n    repeat: 每周\n    weekday: 周一\n    start: 2024-01-01\n    category: 文体活动\n"
    write(root, "data/activities/2026.yml", routine)
    assert build(root).returncode == 0
    page = (root / "site/timeline/index.html").read_text(encoding="utf-8")
    assert [row["title"] for row in rows(page) if row["date"]] == ["学雷锋志愿服务", "秋季运动会"]
    assert (
        stale_note(page)
        == "最近一年（2025年12月至2026年11月）没有主题活动，下面是最后有主题活动的一年（2024年4月至2025年3月）。"
    )
    assert (
        lead(page)
        == "最后有主题活动的一年（2024年4月至2025年3月）：2 项主题活动 · 53 次例行活动。例行活动逐次计入统计。"
    )


def test_a_site_without_activities_has_an_empty_timeline(site):
    """No activity at all (a new unit): the first timeline page builds, says nothing about older
    months and shows no headline."""
    root = site({"docs/activities/2024-03-05-plant.md": None})
    result = build(root)
    assert result.returncode == 0, result.stderr
    page = (root / "site/timeline/index.html").read_text(encoding="utf-8")
    assert rows(page) == [] and 'class="ws-stale"' not in page
