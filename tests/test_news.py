"""创建动态 as a topic site's news list (dated headlines with pictures, routines named once) and
我们的节日 (activities around the traditional festivals), as a visitor reads them."""

from __future__ import annotations

import datetime as dt
import re
import urllib.parse
from collections import Counter
from pathlib import Path

import pytest
from conftest import build
from selectolax.lexbor import LexborHTMLParser as HTMLParser

from wenmingsite.pages import festivals


@pytest.fixture(scope="module")
def demo(demo_build):
    return demo_build.site, demo_build.activities()


def page(site: Path, url: str) -> HTMLParser:
    return HTMLParser((site / url / "index.html").read_text(encoding="utf-8"))


def headlines(tree: HTMLParser) -> list[dict]:
    """Each headline as a visitor sees it: date, title, link, picture or mark, summary, source."""
    out = []
    for li in tree.css("li.ws-news__item"):
        title = li.css_first(".ws-news__title")
        link = title.css_first("a")
        img = li.css_first("picture.ws-news__thumb img")
        out.append(
            {
                "date": li.css_first("time").attributes["datetime"],
                "title": title.text(),
                "href": link.attributes["href"] if link else None,
                "img": img.attributes if img else None,
                "mark": li.css_first(".ws-news__thumb.ws-mark"),
                "summary": (s.text() if (s := li.css_first(".ws-news__summary")) else None),
                "meta": li.css_first(".ws-news__meta").text(),
            }
        )
    return out


def test_year_page_lists_every_themed_activity_as_a_dated_headline_with_a_picture(demo):
    site, records = demo
    for url in ("timeline/2025",):  # the trimmed address /activities/2025/ points here (test_topic_site)
        found = headlines(page(site, url))
        mine = [r for r in records if r["date"].startswith("2025") and r["kind"] != "routine"]
        assert Counter((h["date"], h["title"]) for h in found) == Counter((r["date"], r["title"]) for r in mine)
        assert [h["date"] for h in found] == sorted((h["date"] for h in found), reverse=True)
        by_title = {r["title"]: r for r in mine}
        for h in found:
            r = by_title[h["title"]]
            # A photo when the activity has one, else the category's mark: never an empty frame.
            assert (h["img"] is not None) == (r["photos"] > 0), h["title"]
            assert (h["img"] is None) == (h["mark"] is not None)
            if h["img"]:
                img = h["img"]
                assert img["loading"] == "lazy" and img["width"] and img["height"] and img["alt"]
                # A published variant (re-encoded, no metadata), never the original photo.
                assert re.search(r"assets/photos/[0-9a-f]{2}/[0-9a-f]+-t800j\.jpg$", img["src"]), img["src"]
                assert (site / url / urllib.parse.unquote(img["src"])).resolve().is_file()
            else:
                assert h["mark"].text() == r["category"]
            if r["url"]:
                assert (site / url / urllib.parse.unquote(h["href"])).resolve() == (
                    site / urllib.parse.unquote(r["url"])
                ).resolve()
            if r["summary"]:
                assert h["summary"] == r["summary"]
            if r["department"]:
                assert f"来源：{r['department']}" in h["meta"]


def routine_lines(tree: HTMLParser) -> dict[str, str]:
    return {li.css_first(".ws-routine__title").text(): li.text() for li in tree.css(".ws-routine-sum li")}


def test_a_routine_is_named_once_with_its_count_and_latest_date(demo):
    site, records = demo
    routines = [r for r in records if r["kind"] == "routine"]
    assert routines
    year = "2024"
    tree = page(site, f"timeline/{year}")
    lines = routine_lines(tree)
    in_year = [r for r in routines if r["date"].startswith(year)]
    assert set(lines) == {r["title"] for r in in_year}
    html = tree.html
    for title, text in lines.items():
        held = [r for r in in_year if r["title"] == title]
        assert f"{year}年共 {len(held):,} 次" in text
        last = max(r["date"] for r in held)
        assert f"最近一次 {int(last[:4])}年{int(last[5:7])}月{int(last[8:])}日" in text
        assert html.count(f'<strong class="ws-routine__title">{title}</strong>') == 1
    assert "本月" not in html
    # The front page names each routine once with every occurrence, from its first month.
    front = routine_lines(page(site, "activities"))
    for title, text in front.items():
        held = sorted(r["date"] for r in routines if r["title"] == title)
        first = held[0]
        assert f"{int(first[:4])}年{int(first[5:7])}月起共 {len(held):,} 次" in text, text
    # The filter still counts every occurrence: the data-count of a year page adds up.
    counts = [int(li.attributes["data-count"]) for li in tree.css(".ws-listing .ws-tl__item")]
    assert sum(counts) == sum(1 for r in records if r["date"].startswith(year))


def test_the_first_headline_comes_before_the_filter_and_the_figures(demo):
    site, _ = demo
    for url in ("timeline", "timeline/2025"):
        html = (site / url / "index.html").read_text(encoding="utf-8")
        first = html.index('class="ws-tl__item ws-news__item"')
        assert first < html.index("data-ws-filter") and first < html.index('class="ws-lead"')
        assert first < html.index('class="ws-routine-sum"')


def test_no_notice_of_what_is_missing(demo):
    site, _ = demo
    for url in ("", "timeline", "timeline/2024", "timeline/2026", "festivals", "categories/study"):
        text = page(site, url).body.text()
        assert "暂无" not in text and "还没有" not in text, url


def test_every_latest_item_on_the_home_page_has_a_picture_and_a_linked_title(demo):
    site, records = demo
    tree = page(site, "")
    items = tree.css(".ws-latest > li")
    assert len(items) == 6
    themed = sorted((r for r in records if r["kind"] != "routine"), key=lambda r: (r["date"], r["id"]), reverse=True)
    assert [li.css_first(".ws-latest__title").text() for li in items] == [r["title"] for r in themed[:6]]
    assert any(r["url"] is None for r in themed[:6])  # log entries, which have no page, are among them
    for li, r in zip(items, themed, strict=False):
        assert li.css_first("picture.ws-latest__thumb img") or li.css_first(".ws-latest__thumb.ws-mark")
        href = li.css_first(".ws-latest__title a").attributes["href"]
        path, _, fragment = href.partition("#")
        target = site / urllib.parse.unquote(path) / "index.html"
        assert target.is_file(), href
        if fragment:  # a log entry: its headline on its year's listing
            assert r["url"] is None and fragment == f"a-{r['id']}"
            assert HTMLParser(target.read_text(encoding="utf-8")).css_first(f"#{fragment}") is not None


# --- 我们的节日 -----------------------------------------------------------------------------


def festival_sections(tree: HTMLParser) -> list[tuple[str, list[tuple[str, list[str]]]]]:
    out = []
    for section in tree.css("section.ws-festival"):
        name = section.css_first("h2").text(deep=False).strip()
        years, current = [], None
        for node in section.iter():
            if node.tag == "h3":
                current = (node.text(), [])
                years.append(current)
            elif node.tag == "ol" and current is not None:
                current[1].extend(t.text() for t in node.css(".ws-news__title"))
        out.append((name, years))
    return out


def test_the_festival_page_groups_activities_by_festival_newest_year_first(demo):
    site, records = demo
    sections = festival_sections(page(site, "festivals"))
    names = [name for name, _ in sections]
    assert names == [f.name for f in festivals.FESTIVALS if f.name in names]  # the order of the year
    assert {"春节", "元宵", "中秋", "重阳"} <= set(names)
    for _, years in sections:
        assert [y for y, _ in years] == sorted((y for y, _ in years), reverse=True)
    found = dict(sections)
    chongyang = dict(found["重阳"])
    assert "重阳节敬老院志愿服务" in chongyang["2025年"]  # a log entry on the day of 重阳
    # As its log entry says (festival: 元宵), though its title speaks of 新春; and never by the
    # date alone: the National Day singing contest ten days after 中秋 is not a 中秋 activity.
    assert found["元宵"] == [("2025年", ["新春送科技下乡"])]
    assert "新春送科技下乡" not in {t for _, titles in found["春节"] for t in titles}
    listed = {t for _, years in sections for _, titles in years for t in titles}
    assert "国庆歌咏比赛" not in " ".join(listed)
    assert "/festivals/</loc>" in (site / "sitemap.xml").read_text(encoding="utf-8")
    index = (site / "search/search_index.json").read_text(encoding="utf-8")
    assert '"location":"festivals/' not in index.replace(" ", "")  # a listing: activity pages are found
    nav = page(site, "").css_first("nav.md-tabs").text()
    assert "我们的节日" in nav


FESTIVAL_FILES = {
    # Near 重阳 (2024-10-11) and speaking of it: in.
    "docs/activities/2024/2024-10-10-敬老.md": "---\ntitle: 重阳节走访敬老院\ndate: 2024-10-10\ncategory: 志愿服务\n---\n正文。\n",
    "data/activities/2024.yml": """\
        activities:
          - title: 员工读书会
            date: 2024-09-16
            category: 文体活动
            festival: 中秋节
          - title: 敬老院消防检查
            date: 2024-06-01
            category: 志愿服务
          - title: 重阳节前安全生产检查
            date: 2024-10-09
            category: 志愿服务
            festival: 无
        """,
}


def test_a_unit_with_festival_activities_gets_the_page(site, tmp_path):
    root = site(FESTIVAL_FILES)
    result = build(root, "--site-dir", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    sections = dict(festival_sections(page(tmp_path / "out", "festivals")))
    assert sections == {"中秋": [("2024年", ["员工读书会"])], "重阳": [("2024年", ["重阳节走访敬老院"])]}


def test_no_festival_page_for_a_unit_without_festival_activities(site, tmp_path):
    root = site()
    result = build(root, "--site-dir", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    assert not (tmp_path / "out/festivals").exists()
    assert "我们的节日" not in (tmp_path / "out/index.html").read_text(encoding="utf-8")
    assert "festivals/" not in (tmp_path / "out/sitemap.xml").read_text(encoding="utf-8")


def test_a_nav_entry_for_festivals_without_such_activities_is_named(site):
    from conftest import MKDOCS_YML

    root = site({"mkdocs.yml": MKDOCS_YML + "  - 我们的节日: festivals/index.md\n"})
    result = build(root)
    assert result.returncode == 1
    assert (
        "mkdocs.yml:20: 导航（nav）中的“festivals/index.md”这一页要由 节日前后的活动（或写了 festival 的活动） 生成"
        in result.stderr
    )


def test_an_unknown_festival_is_a_chinese_error_naming_the_valid_ones(site):
    root = site(
        {
            "docs/activities/2024-10-01-flag.md": "---\ntitle: 国庆升旗\ndate: 2024-10-01\ncategory: 志愿服务\n"
            "festival: 国庆\n---\n正文\n",
            "data/activities/2024.yml": "activities:\n  - title: 联欢\n    date: 2024-09-15\n"
            "    category: 文体活动\n    festival: 中秋节日\n",
        }
    )
    result = build(root)
    assert result.returncode == 1
    valid = "请写其中之一：春节、元宵、学雷锋日、清明、端午、七夕、中秋、重阳；不算节日活动的写“无”"
    assert (
        f"docs/activities/2024-10-01-flag.md:5:11: 节日（festival）：“国庆”不是本站认得的节日。{valid}" in result.stderr
    )
    assert (
        f"data/activities/2024.yml:5:15: 第 1 条活动的节日（festival）：“中秋节日”不是本站认得的节日。{valid}"
        in result.stderr
    )
    assert "Traceback" not in result.stderr


KNOWN = {
    # Dates on every calendar (and in the State Council's holiday notices).
    (2020, "春节"): (1, 25),
    (2021, "春节"): (2, 12),
    (2022, "春节"): (2, 1),
    (2023, "春节"): (1, 22),
    (2024, "春节"): (2, 10),
    (2025, "春节"): (1, 29),
    (2026, "春节"): (2, 17),
    (2024, "元宵"): (2, 24),
    (2024, "清明"): (4, 4),
    (2025, "清明"): (4, 4),
    (2023, "端午"): (6, 22),
    (2024, "端午"): (6, 10),
    (2025, "端午"): (5, 31),
    (2024, "七夕"): (8, 10),
    (2023, "中秋"): (9, 29),
    (2024, "中秋"): (9, 17),
    (2025, "中秋"): (10, 6),
    (2024, "重阳"): (10, 11),
    (2025, "重阳"): (10, 29),
}


def test_festival_dates_match_the_calendar():
    for (year, name), (month, day) in KNOWN.items():
        assert festivals.day_of(festivals.BY_NAME[name], year) == dt.date(year, month, day), (year, name)
    years = {y for y, _ in festivals.DAYS}
    assert years == set(range(2015, 2036))
    for year in years:
        day = {f.name: festivals.day_of(f, year) for f in festivals.FESTIVALS}
        assert day["元宵"] - day["春节"] == dt.timedelta(days=14)  # 正月十五 is 正月初一 + 14
        assert dt.date(year, 1, 21) <= day["春节"] <= dt.date(year, 2, 20)
        assert day["清明"] in (dt.date(year, 4, 4), dt.date(year, 4, 5))
        assert dt.date(year, 9, 7) <= day["中秋"] <= dt.date(year, 10, 8)
        # Lunar months are 29 or 30 days: 端午 → 七夕 → 中秋 → 重阳 are about 2, 1 and 1 months apart.
        assert 58 <= (day["七夕"] - day["端午"]).days <= 92  # a leap month may fall between
        assert 36 <= (day["中秋"] - day["七夕"]).days <= 69
        assert 23 <= (day["重阳"] - day["中秋"]).days <= 54
