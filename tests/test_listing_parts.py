"""Listings over the limit (``listing_limit``) in parts: a year by month, a category or
criterion by year and then month; the parent lists the parts with their counts; an edit to one
activity rewrites one part of each listing it is on, never the parents or the other parts."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import MKDOCS_YML, TODAY, build, write

# Seven activities of 志愿服务 (criterion volunteer-service through its category) in 2024:
# three in March, two in May, one in June; one in 2025; and one 文体活动 in 2024.
ACTIVITIES = [
    ("2024-03-05", "plant", "志愿服务", "植树节义务植树"),
    ("2024-03-12", "clean", "志愿服务", "清洁家园志愿行动"),
    ("2024-03-20", "blood", "志愿服务", "无偿献血"),
    ("2024-05-08", "visit", "志愿服务", "走访敬老院"),
    ("2024-05-22", "guide", "志愿服务", "文明交通引导"),
    ("2024-06-18", "river", "志愿服务", "河道清理"),
    ("2024-06-20", "sing", "文体活动", "红歌合唱比赛"),
    ("2025-01-10", "warm", "志愿服务", "寒冬送温暖"),
]


def activity(day: str, title: str, category: str, summary: str = "志愿者参加。") -> str:
    return f"""\
        ---
        title: {title}
        date: {day}
        category: {category}
        department: 办公室
        participants: 20
        summary: {summary}
        ---

        正文。
        """


def unit(site, limit: int | None = 2):
    files = {"docs/activities/2024-03-05-plant.md": None}
    for day, slug, category, title in ACTIVITIES:
        files[f"docs/activities/{day}-{slug}.md"] = activity(day, title, category)
    if limit is not None:
        files["mkdocs.yml"] = MKDOCS_YML.replace("  - wenming\n", f"  - wenming:\n      listing_limit: {limit}\n")
    return site(files)


def read(site_dir: Path, rel: str) -> str:
    return (site_dir / rel / "index.html").read_text(encoding="utf-8")


def links(html: str) -> list[tuple[str, str]]:
    return [(href, re.sub(r"<[^>]+>", "", text)) for href, text in re.findall(r'<a href="([^"]+)">(.*?)</a>', html)]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The unit built, then again after one activity's summary was edited: (root, before, after)."""
    tmp = tmp_path_factory.mktemp("parts")

    def site(files):
        from conftest import BASE_FILES

        root = tmp / "unit"
        for rel, text in {**BASE_FILES, **files}.items():
            if text is not None:
                write(root, rel, text)
        return root

    root = unit(site)
    first = build(root, "-d", str(tmp / "before"))
    assert first.returncode == 0, first.stderr
    page = root / "docs/activities/2024-05-08-visit.md"
    page.write_text(page.read_text(encoding="utf-8").replace("志愿者参加。", "志愿者参加，送去慰问品。"), "utf-8")
    second = build(root, "-d", str(tmp / "after"))
    assert second.returncode == 0, second.stderr
    return root, tmp / "before", tmp / "after"


def test_year_over_the_limit_lists_its_months(built):
    _, site_dir, _ = built
    year = read(site_dir, "timeline/2024")
    assert '<h2 id="ws-parts">按月份查看</h2>' in year
    assert [(h, t) for h, t in links(year) if h in ("06/", "05/", "03/")] == [
        ("06/", "2024年6月"),
        ("05/", "2024年5月"),
        ("03/", "2024年3月"),
    ]
    assert "3 项主题活动 · 3 篇纪实" in year  # March
    assert "植树节义务植树" not in year  # headlines are on the months' pages
    assert 'class="ws-filter"' not in year  # nothing on the page to filter
    assert 'aria-current="page" href="./">2024年</a>' in year


def test_month_part_shows_its_headlines_and_the_way_around(built):
    _, site_dir, _ = built
    march = read(site_dir, "timeline/2024/03")
    assert "<title>2024年3月创建动态" in march
    titles = re.findall(r'<p class="ws-news__title ws-tl__title"><a href="[^"]+">([^<]+)</a>', march)
    assert titles == ["无偿献血", "清洁家园志愿行动", "植树节义务植树"]
    assert 'aria-label="2024年各月"' in march
    assert '<a aria-current="page" href="./">3月</a>' in march
    assert '<a href="../05/">5月</a>' in march
    assert '<a aria-current="true" href="../">2024年</a>' in march  # the year's page, marked in the years' row
    may = read(site_dir, "timeline/2024/05")
    assert '<a class="ws-prevnext__prev" href="../03/" rel="prev"><span>上一月</span>2024年3月</a>' in may
    assert '<a class="ws-prevnext__next" href="../06/" rel="next"><span>下一月</span>2024年6月</a>' in may
    assert "2024年5月：2 项主题活动，其中活动纪实 2 篇。" in may
    # The activity's breadcrumb names its month.
    page = read(site_dir, "activities/2024-03-12-clean")
    assert '<a href="../../timeline/2024/03/">3月</a>' in page


def test_category_in_years_then_months(built):
    _, site_dir, _ = built
    category = read(site_dir, "categories/volunteer")
    assert '<h2 id="ws-parts">按年份查看</h2>' in category
    assert ("2025/", "2025年") in links(category) and ("2024/", "2024年") in links(category)
    assert "6 项主题活动 · 6 篇纪实" in category  # 2024, over the limit: its months follow
    assert '<a href="2024/03/">3月<span class="ws-count">（3 项）</span></a>' in category
    assert "植树节义务植树" not in category
    assert "2024/" not in [h for h, _ in links(read(site_dir, "categories/culture-sports"))]  # one activity: whole
    assert "红歌合唱比赛" in read(site_dir, "categories/culture-sports")
    year = read(site_dir, "categories/volunteer/2024")
    assert "<title>志愿服务 · 2024年" in year and '<h2 id="ws-parts">按月份查看</h2>' in year
    month = read(site_dir, "categories/volunteer/2024/05")
    assert "<title>志愿服务 · 2024年5月" in month
    assert re.findall(r'<a href="[^"]+">([^<]+)</a></p>', month)[:2] == ["文明交通引导", "走访敬老院"]
    assert '<a href="../../">志愿服务（全部）</a>' in month
    assert '<a aria-current="page" href="./">5月</a>' in month
    assert (site_dir / "criteria/volunteer-service/2024/05/index.html").is_file()
    assert (site_dir / "categories/volunteer/2025/index.html").is_file()
    assert not (site_dir / "categories/volunteer/2025/01").exists()  # one activity: the year whole


def test_a_long_first_page_shows_its_newest_months_and_links_the_others(built):
    _, site_dir, _ = built
    first = read(site_dir, "timeline")
    titles = re.findall(r'<p class="ws-news__title ws-tl__title"><a href="[^"]+">([^<]+)</a>', first)
    assert titles == ["寒冬送温暖"]  # 2025年1月; the next month would pass the limit of 2
    earlier = re.search(r'<h2 id="ws-earlier">更早的月份</h2>.*?</section>', first, re.S).group(0)
    assert links(earlier) == [("2024/06/", "2024年6月"), ("2024/05/", "2024年5月"), ("2024/03/", "2024年3月")]
    assert "2 项主题活动" in earlier
    # The whole year, not only what is shown; the site was last updated over a year before
    # the build (2026-11-27), and the page says which year it shows.
    assert (
        '<p class="ws-stale">最近一年（2025年12月至2026年11月）没有主题活动，'
        "下面是最后有主题活动的一年（2024年2月至2025年1月）。</p>"
    ) in first
    assert "最后有主题活动的一年（2024年2月至2025年1月）：8 项主题活动，其中活动纪实 8 篇。" in first


def test_an_edit_rewrites_one_part_of_each_listing(built):
    _, before, after = built

    def pages(site_dir):
        return {p.relative_to(site_dir).as_posix(): p.read_bytes() for p in site_dir.rglob("*.html")}

    old, new = pages(before), pages(after)
    assert old.keys() == new.keys()
    changed = sorted(k for k in old if old[k] != new[k])
    assert changed == [
        "activities/2024-05-08-visit/index.html",
        "categories/volunteer/2024/05/index.html",
        "criteria/volunteer-service/2024/05/index.html",
        "print/index.html",  # the printable report shows every summary
        "timeline/2024/05/index.html",
    ]
    assert "志愿者参加，送去慰问品。" in new["timeline/2024/05/index.html"].decode()


def test_below_the_limit_listings_stay_whole(site, tmp_path):
    root = unit(site, limit=None)
    result = build(root, "-d", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    year = read(tmp_path / "out", "timeline/2024")
    assert "植树节义务植树" in year and "按月份查看" not in year
    assert not (tmp_path / "out/timeline/2024/03").exists()
    assert not (tmp_path / "out/categories/volunteer/2024").exists()


def test_a_log_entry_is_found_on_its_months_part(site, tmp_path):
    """An activity without a page of its own (a log entry) is a row of its month's part: the
    home page's headline and the evidence index lead there, to its row."""
    root = unit(site, limit=1)
    write(
        root,
        "data/activities/2025.yml",
        """\
        activities:
          - title: 志愿者骨干培训
            date: 2025-01-20
            category: 志愿服务
            department: 办公室
            participants: 12
            summary: 培训志愿者骨干。
        """,
    )
    result = build(root, "-d", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    home = read(tmp_path / "out", "")
    target = re.search(r'<a href="(timeline/2025/01/#a-[^"]+)"[^>]*>志愿者骨干培训', home)
    assert target, "the home page's headline of the log entry leads to its month's part"
    month = read(tmp_path / "out", "timeline/2025/01")
    assert f'id="{target.group(1).split("#")[1]}"' in month
    assert "志愿者骨干培训" in month and "寒冬送温暖" in month


def test_a_month_with_only_routine_occurrences_has_its_part(site, tmp_path):
    """A month in which only a routine took place (no themed activity) is a part of its year
    too, listed on the year page and shown as that month's routines: before, its occurrences
    were on no page of a year in parts (found by a fresh-unit trial). The month page marks
    its year in the row of years."""
    root = unit(site)
    write(
        root,
        "data/activities/2024.yml",
        """\
        routines:
          - title: 每月安全检查
            repeat: 每月
            day: 10
            start: 2024-04-01
            end: 2024-04-30
            category: 文体活动
        """,
    )
    result = build(root, "-d", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    year = read(tmp_path / "out", "timeline/2024")
    assert ("04/", "2024年4月") in links(year)
    april = read(tmp_path / "out", "timeline/2024/04")
    assert "每月安全检查" in april and "2024年4月共 <strong>1</strong> 次" in re.sub(r"\s+", " ", april)
    assert re.search(r'<a aria-current="true" href="[^"]*">2024年</a>', april)
    assert re.search(r'<a aria-current="page" href="[^"]*">4月</a>', april)


def test_a_page_where_a_part_will_be_is_a_url_clash(site, tmp_path):
    root = unit(site)
    write(root, "docs/timeline/2024/03.md", "---\ntitle: 三月\n---\n\n正文。\n")
    message = (
        "docs/timeline/2024/03.md: 网址 timeline/2024/03/index.html 由网站自动生成（创建动态、分类、测评项目等页面使用），"
        "这个文件会和它冲突。请给这个文件改名，或把它移到别的文件夹"
    )
    result = build(root, "-d", str(tmp_path / "out"))
    assert result.returncode != 0 and message in result.stderr
    assert "Traceback" not in result.stderr
    # wenming check reads listing_limit from mkdocs.yml, so it knows the same parts.
    from wenmingsite.site import Site

    problems, _ = Site(root, today=TODAY).check(with_images=False)
    assert [str(p) for p in problems] == [message]
