"""The bundled demo unit, built once with `mkdocs build --strict` as a new user would."""

from __future__ import annotations

import json
import re
import urllib.parse
from collections import Counter

import pytest
import yaml
from conftest import REPO, search_text

from wenmingsite.outputs import search_index
from wenmingsite.outputs.api import read_activities

RASTER = (".jpg", ".jpeg", ".png", ".webp", ".heic", ".tif", ".tiff")


@pytest.fixture(scope="module")
def demo(demo_build):
    return demo_build.site, demo_build.log


@pytest.fixture(scope="module")
def records(demo):
    site, _ = demo
    return read_activities(site)


def test_demo_builds_without_warnings(demo):
    _, log = demo
    assert not [line for line in log.splitlines() if line.startswith(("WARNING", "ERROR"))]
    assert 'not included in the "nav"' not in log


def test_demo_content_is_complete(records):
    kinds = Counter(r["kind"] for r in records)
    assert kinds["page"] >= 30
    assert kinds["log"] + kinds["routine"] >= 100
    assert {r["date"][:4] for r in records} >= {"2024", "2025"}
    categories = yaml.safe_load((REPO / "data/categories.yml").read_text(encoding="utf-8"))
    criteria = yaml.safe_load((REPO / "data/criteria.yml").read_text(encoding="utf-8"))["items"]
    assert {r["category"] for r in records} == {c["name"] for c in categories}
    assert {c for r in records for c in r["criteria"]} == {c["id"] for c in criteria}
    assert len(criteria) == 15


def test_api_is_sorted_and_normalised(records):
    assert [(r["date"], r["id"]) for r in records] == sorted((r["date"], r["id"]) for r in records)
    assert len({r["id"] for r in records}) == len(records)
    assert all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", r["date"]) for r in records)
    exercise = [r for r in records if r["title"] == "工间操"]
    assert exercise and all(r["time"] == "9:30" for r in exercise)  # not 570
    # Every occurrence is real: no flag raising on a holiday, none in the exercise pause.
    # The flag is raised on the first Monday of the month; 2024-01-01 was New Year's Day.
    flags = {r["date"] for r in records if r["title"] == "升国旗仪式"}
    assert "2024-01-01" not in flags and "2024-02-05" in flags and not any(d.startswith("2024-01") for d in flags)
    assert not any("2024-07-22" <= r["date"] <= "2024-08-16" for r in exercise)


def test_every_page_url_in_api_exists(demo, records):
    site, _ = demo
    pages = [r for r in records if r["url"]]
    assert len(pages) >= 30
    for r in pages:
        assert (site / urllib.parse.unquote(r["url"]) / "index.html").is_file(), r["url"]


def test_drafts_and_original_photos_are_not_published(demo):
    site, _ = demo
    assert not list(site.rglob("*国际志愿者日*"))
    assert "筹备中" not in search_text(site)
    originals = {p.name for p in (REPO / "docs").rglob("*") if p.suffix.lower() in RASTER}
    published = [p for p in site.rglob("*") if p.suffix.lower() in RASTER and p.name in originals]
    assert originals and published == []


def test_activity_page_shows_info_panel_above_narrative(demo):
    site, _ = demo
    page = (site / "activities/2024/2024-03-05-学雷锋进田间/index.html").read_text(encoding="utf-8")
    panel = page.index('<section class="ws-activity"')
    narrative = page.index("3月5日是第61个“学雷锋纪念日”")
    assert panel < narrative
    for fact in (
        '<dt>类别</dt><dd><a href="../../../categories/volunteer/">志愿服务</a></dd>',
        "<dt>组织部门</dt><dd>团支部</dd>",
        "<dt>参与</dt><dd>56 人次</dd>",
        "<dt>志愿服务时长</dt><dd>168 小时</dd>",
    ):
        assert fact in page
    assert "<h1" in page and "学雷锋日“技术进田间”志愿服务</h1>" in page


def test_homepage_introduces_the_unit(demo):
    site, _ = demo
    home = (site / "index.html").read_text(encoding="utf-8")
    assert '<h1 id="ws-unit-name">青溪市农业技术推广中心</h1>' in home
    assert "第八届市级文明单位创建展示" in home
    latest = re.search(r'<h2 id="latest">最新动态</h2>\s*<ul class="ws-latest">(.*?)</ul>', home, re.S).group(1)
    links = re.findall(r'<a href="([^"]+)">', latest)
    assert links
    for href in links:  # an activity's page, or a log entry's headline on its year's listing
        path, _, anchor = href.partition("#")
        target = site / urllib.parse.unquote(path) / "index.html"
        assert target.is_file(), href
        assert not anchor or f'id="{anchor}"' in target.read_text(encoding="utf-8"), href
    term = demo_build_stats(site)["term"]
    # Themed work leads; routine occurrences are named apart, never added into one headline.
    assert (
        f'<span class="ws-keyfig"><strong>{term["one_off"]:,}</strong> 项</span><span class="ws-keyfig__label">主题活动</span>'
        in home
    )
    assert f"另有例行活动 {term['routine_occurrences']:,} 次" in home
    assert "项（次）活动" not in home


def demo_build_stats(site) -> dict:
    return json.loads((site / "api/stats.json").read_text(encoding="utf-8"))


def test_nav_holds_report_sections_in_order_and_no_activities(demo):
    site, _ = demo
    home = (site / "index.html").read_text(encoding="utf-8")
    nav = re.search(r'<nav class="md-nav md-nav--primary.*?<div class="md-content"', home, re.S).group(0)
    order = [nav.index(t) for t in ("一、加强组织领导", "二、坚持理论武装", "十、存在的不足和下一步打算")]
    assert order == sorted(order)
    assert "学雷锋日“技术进田间”" not in nav


def test_readable_anchors_for_chinese_headings(demo):
    site, _ = demo
    page = (site / "report/01-组织领导/index.html").read_text(encoding="utf-8")
    assert 'id="一领导重视责任到人"' in page
    assert 'id="_1"' not in page


def test_search_finds_chinese_words(demo):
    site, _ = demo
    index = search_index.read(site)
    sep = re.compile(r"[\s\u200b\u3000\-、。，．？！；]+")

    def pages_with(word):
        """What lunr finds: a query term matches tokens that start with it."""
        return {
            d["location"].split("#")[0]
            for d in index["docs"]
            if any(t.startswith(word) for t in sep.split(d["title"] + " " + d["text"]))
        }

    assert any("2025-03-05" in urllib.parse.unquote(p) for p in pages_with("志愿服务"))
    assert any("report/05" in urllib.parse.unquote(p) for p in pages_with("雷锋"))
    assert any("2025-03-05" in urllib.parse.unquote(p) for p in pages_with("志愿"))
    assert pages_with("帮扶")


def test_no_reference_to_foreign_hosts(demo):
    site, _ = demo
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        external = re.findall(r'(?:src|href)="((?:https?:)?//[^"]+)"', text)
        # The footer's filing numbers link to the official lookups, as the rules require
        # (links a visitor may follow; nothing is loaded from there).
        filings = re.findall(r'<a [^>]*href="(https://beian\.(?:miit|mps)\.gov\.cn/[^"]*)"', text)
        # The unit's 友情链接 (data/unit.yml links), links too.
        friends = re.findall(
            r'href="([^"]+)"', "".join(re.findall(r'<p class="ws-footer__friends">.*?</p>', text, re.S))
        )
        external = [
            u for u in external if not u.startswith("http://127.0.0.1:8000/") and u not in filings and u not in friends
        ]
        assert external == [], page


def test_demo_photos_stay_small_and_phone_like():
    assert sum(p.stat().st_size for p in (REPO / "docs").rglob("*") if p.suffix.lower() in RASTER) <= 15 * 1024 * 1024
    photos = [p for p in (REPO / "docs/activities").rglob("*") if p.suffix.lower() in RASTER]
    from PIL import Image, ImageOps

    sizes = Counter()
    for p in photos:
        with Image.open(p) as im:
            # With the camera's EXIF (rotation included) but without GPS: the phone-sized
            # originals went through `wenming fix` (tools/make_demo_photos.py does it).
            assert im.getexif().get(0x0110) and not im.getexif().get_ifd(0x8825), p
            sizes[ImageOps.exif_transpose(im).size] += 1
    assert set(sizes) == {(2000, 1500), (4000, 3000)} and sizes[(4000, 3000)] >= 3


def test_demo_photos_cover_every_year_and_category(records):
    """A demo that looks like a real unit: photos from every year of the term (the current
    one included) and every category, and routines that do not drown the themed work."""
    categories = yaml.safe_load((REPO / "data/categories.yml").read_text(encoding="utf-8"))
    with_photos = [r for r in records if r["photos"]]
    assert sum(r["photos"] for r in with_photos) >= 40
    assert {r["date"][:4] for r in with_photos} == {"2024", "2025", "2026"}
    assert {r["category"] for r in with_photos} == {c["name"] for c in categories}
    kinds = Counter(r["kind"] for r in records)
    assert kinds["routine"] < 4 * (kinds["page"] + kinds["log"])
