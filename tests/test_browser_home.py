"""The homepage as a visitor meets it: a banner photo with the unit's name, the key figures
on the first phone screen, entries into every section, the latest activities with their
thumbnails, nothing for the editors only."""

from __future__ import annotations

import io
import urllib.parse

import pytest
import yaml
from browser import DESKTOP, Site, Visit, browser, record_wire_sizes, served_demo  # noqa: F401 - fixtures
from conftest import REPO, UNIT_YML, build

PHONE = {"width": 390, "height": 844}
NARROW = {"width": 360, "height": 740}
WIDE = {"width": 1366, "height": 900}
UNIT = yaml.safe_load((REPO / "data/unit.yml").read_text(encoding="utf-8"))
ENTRIES = ["创建汇报", "创建动态", "图片展示", "数据统计", "测评对照", "荣誉"]


@pytest.fixture(scope="module")
def served(served_demo):
    return served_demo


def box(page, selector: str) -> dict:
    return page.locator(selector).first.bounding_box()


@pytest.mark.browser
def test_banner_with_the_unit_name_is_the_first_thing_on_a_phone(browser, served):
    visit = Visit(browser, PHONE)
    page = visit.open(served.url)
    banner, name = box(page, ".ws-banner"), box(page, ".ws-banner h1")
    assert page.locator(".ws-banner h1").inner_text() == UNIT["name"]
    assert "创建展示" in page.locator(".ws-banner__goal").inner_text()
    assert banner["y"] < 100 and banner["height"] >= 200  # right under the header
    assert banner["y"] <= name["y"] and name["y"] + name["height"] <= banner["y"] + banner["height"] <= PHONE["height"]
    img = page.locator(".ws-banner__photo img")
    img.evaluate("i => i.decode()")
    assert img.get_attribute("loading") is None and img.get_attribute("fetchpriority") == "high"
    # A phone takes the 800-pixel copy, not the 1600-pixel display copy.
    assert img.evaluate("i => i.currentSrc").endswith("-t800.webp")
    assert img.evaluate("i => i.naturalWidth") > 0
    # The text sits on the banner's dark gradient, not on the bare photo.
    shade = page.locator(".ws-banner__text").evaluate("e => getComputedStyle(e).backgroundImage")
    assert shade.startswith("linear-gradient")
    assert visit.errors == []
    visit.close()


@pytest.mark.browser
@pytest.mark.parametrize("viewport", [PHONE, NARROW], ids=["390", "360"])
def test_key_figures_fit_the_first_screen_each_on_one_line(browser, served, demo_build, viewport):
    term = demo_build.api("stats.json")["term"]
    visit = Visit(browser, viewport)
    page = visit.open(served.url)
    figures = page.locator(".ws-keyfigs > li")
    assert figures.count() == 4
    texts = [f.inner_text() for f in figures.all()]
    assert texts[0].startswith(f"{term['one_off']:,} 项\n主题活动")
    if term["routine_occurrences"]:
        assert f"另有例行活动 {term['routine_occurrences']:,} 次" in texts[0]
    assert texts[1].startswith(f"{term['participants']:,} 人次")
    assert texts[3].endswith("投入和捐助") and ("万元" in texts[3] or "元" in texts[3])
    for f in figures.all():
        b = f.bounding_box()
        assert b["y"] >= 0 and b["y"] + b["height"] <= viewport["height"], f.inner_text()
    # Number and unit on one line: the number is one box and its unit sits beside it.
    lines = page.evaluate("""() => [...document.querySelectorAll('.ws-keyfig')].map(e => {
        const number = e.querySelector('strong'), n = number.getBoundingClientRect();
        const r = document.createRange(); r.setStartAfter(number); r.setEnd(e, e.childNodes.length);
        const unit = [...r.getClientRects()];
        return number.getClientRects().length === 1 && unit.length === 1
            && unit[0].top < n.bottom && unit[0].bottom > n.top && unit[0].left >= n.right - 1; })""")
    assert lines == [True] * 4
    visit.close()


@pytest.mark.browser
def test_entries_lead_to_every_section(browser, served, demo_build):
    visit = Visit(browser, PHONE)
    page = visit.open(served.url)
    links = page.locator(".ws-entries a")
    titles = [t.strip() for t in page.locator(".ws-entries__title").all_inner_texts()]
    assert titles == ENTRIES
    for link in links.all():
        href = urllib.parse.unquote(link.get_attribute("href"))
        assert (demo_build.site / href / "index.html").is_file(), href
        b = link.bounding_box()
        assert b["width"] >= 44 and b["height"] >= 44  # a finger's size
    page.locator(".ws-entries a", has_text="图片展示").click()
    page.wait_for_url("**/gallery/")
    visit.close()


@pytest.mark.browser
def test_latest_activities_show_loaded_thumbnails_or_a_placeholder(browser, served):
    visit = Visit(browser, PHONE)
    page = visit.open(served.url)
    items = page.locator(".ws-latest > li")
    assert items.count() >= 1
    for item in items.all():
        item.scroll_into_view_if_needed()
        thumb = item.locator(".ws-latest__thumb")
        assert thumb.count() == 1
        if item.locator("img").count():
            item.locator("img").evaluate("i => i.decode()")
            assert item.locator("img").evaluate("i => i.naturalWidth") > 0
        b = thumb.bounding_box()
        assert b["width"] > 60 and b["height"] > 45
        assert item.locator("time").count() == 1 and item.locator(".ws-tag").count() == 1
    assert visit.errors == []
    visit.close()


def test_production_home_has_no_gap_labels(demo_build):
    home = (demo_build.site / "index.html").read_text(encoding="utf-8")
    assert "待加强" not in home and "ws-thin" not in home and "证据充足" not in home
    assert '<h2 id="coverage">测评体系对照</h2>' in home


@pytest.mark.browser
def test_no_sideways_scrolling_on_a_narrow_phone(browser, served):
    visit = Visit(browser, NARROW)
    page = visit.open(served.url)
    assert page.evaluate("document.documentElement.scrollWidth") <= NARROW["width"]
    visit.close()


@pytest.mark.browser
def test_phone_header_shows_the_short_name(browser, served):
    visit = Visit(browser, PHONE)
    page = visit.open(served.url)
    title = page.locator(".md-header__topic").first
    assert title.inner_text().strip() == UNIT["short_name"]
    visit.close()
    visit = Visit(browser, WIDE)
    page = visit.open(served.url)
    assert UNIT["name"] in page.locator(".md-header__topic").first.inner_text()
    visit.close()


@pytest.mark.browser
@pytest.mark.parametrize("viewport", [PHONE, WIDE], ids=["phone", "desktop"])
def test_axe_finds_no_serious_problem_on_the_home(browser, served, viewport):
    from axe_playwright_python.sync_playwright import Axe

    visit = Visit(browser, viewport)
    page = visit.open(served.url)
    violations = Axe().run(page).response["violations"]
    serious = [
        (v["id"], v["impact"], [n["target"] for n in v["nodes"]])
        for v in violations
        if v["impact"] in ("serious", "critical")
    ]
    assert serious == []
    visit.close()


@pytest.mark.browser
def test_home_first_screen_is_light(browser, served):
    visit = Visit(browser, PHONE)
    sizes = record_wire_sizes(visit.page)
    page = visit.open(served.url)
    page.wait_for_load_state("networkidle")
    total = sum(sizes.values())
    banner = [u for u in sizes if "-t800.webp" in u or "-d1600" in u]
    print(f"home first screen: {total} bytes in {len(sizes)} requests")
    assert banner and not any("-d1600" in u for u in banner)
    assert total <= 250_000, sorted(sizes.items(), key=lambda kv: -kv[1])[:5]
    assert visit.errors == []
    visit.close()


def _photo(size=(1600, 900), colour=(40, 110, 60)) -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, "JPEG", quality=85)
    return out.getvalue()


@pytest.fixture(scope="module")
def unit_with_banner(tmp_path_factory):
    """A unit with its own banner photo and an activity with a photo (the demo's newest
    activities may all lack photos)."""
    from conftest import BASE_FILES, write

    root = tmp_path_factory.mktemp("home") / "unit"
    files = {
        **BASE_FILES,
        "data/unit.yml": UNIT_YML + "banner: assets/banner.jpg\n",
        "docs/activities/2024-03-05-plant.md": (
            "---\ntitle: 植树节义务植树\ndate: 2024-03-05\ncategory: 志愿服务\nparticipants: 20\n"
            "photos:\n  - src: plant/a.jpg\n    alt: 职工在河堤植树\n---\n\n正文。\n"
        ),
    }
    for rel, text in files.items():
        write(root, rel, text)
    write(root, "docs/assets/banner.jpg", _photo())
    write(root, "docs/activities/plant/a.jpg", _photo((800, 600), (160, 90, 30)))
    result = build(root)
    assert result.returncode == 0, result.stderr
    return root


def test_the_units_own_banner_photo_is_used_in_its_published_sizes(unit_with_banner):
    home = (unit_with_banner / "site/index.html").read_text(encoding="utf-8")
    banner = home[home.index('<section class="ws-banner"') : home.index("</section>")]
    assert "-t800.webp 800w" in banner and "-d1600.webp 1600w" in banner and "-t800j.jpg" in banner
    assert 'fetchpriority="high"' in banner and "lazy" not in banner
    assert "banner.jpg" not in banner  # never the original
    assert '<h1 id="ws-unit-name">测试市测试中心</h1>' in banner
    assert "照片：" not in banner  # the unit's own photo credits no activity


@pytest.mark.browser
def test_a_thumbnail_of_the_latest_activity_loads(browser, unit_with_banner):
    site = Site(unit_with_banner / "site")
    try:
        visit = Visit(browser, PHONE)
        page = visit.open(site.url)
        img = page.locator(".ws-latest img").first
        img.scroll_into_view_if_needed()
        img.evaluate("i => i.decode()")
        assert img.evaluate("i => i.naturalWidth") > 0
        assert img.evaluate("i => i.currentSrc").endswith("-t400.webp")
        assert img.get_attribute("width") and img.get_attribute("height")
        assert page.locator(".ws-banner__photo img").evaluate("i => i.currentSrc").endswith("-t800.webp")
        assert visit.errors == []
        visit.close()
    finally:
        site.close()


@pytest.mark.browser
@pytest.mark.parametrize("viewport", [PHONE, WIDE], ids=["phone", "desktop"])
def test_two_key_figures_fill_the_row(browser, unit_with_banner, viewport):
    """A unit with two figures (主题活动, 参与人次) shows two cards that share the row, on a
    phone and on a desktop, instead of half a row of empty space."""
    site = Site(unit_with_banner / "site")
    try:
        visit = Visit(browser, viewport)
        page = visit.open(site.url)
        row = box(page, ".ws-keyfigs")
        cards = [f.bounding_box() for f in page.locator(".ws-keyfigs > li").all()]
        assert len(cards) == 2
        assert cards[0]["y"] == cards[1]["y"]  # one row
        assert cards[0]["x"] == pytest.approx(row["x"], abs=1)
        assert cards[1]["x"] + cards[1]["width"] == pytest.approx(row["x"] + row["width"], abs=1)
        assert cards[0]["width"] == pytest.approx(cards[1]["width"], abs=1)
        assert visit.errors == []
        visit.close()
    finally:
        site.close()


@pytest.mark.browser
def test_an_odd_last_key_figure_takes_the_whole_row_on_a_phone(browser, tmp_path):
    """Three figures on a phone: two cards side by side, the third across the row below."""
    from conftest import BASE_FILES, write

    root = tmp_path / "unit"
    files = {
        **BASE_FILES,
        "docs/activities/2024-03-05-plant.md": (
            "---\ntitle: 植树节义务植树\ndate: 2024-03-05\ncategory: 志愿服务\nparticipants: 20\n"
            "volunteer_hours: 40\n---\n\n正文。\n"
        ),
    }
    for rel, text in files.items():
        write(root, rel, text)
    result = build(root)
    assert result.returncode == 0, result.stderr
    site = Site(root / "site")
    try:
        visit = Visit(browser, PHONE)
        page = visit.open(site.url)
        row = box(page, ".ws-keyfigs")
        cards = [f.bounding_box() for f in page.locator(".ws-keyfigs > li").all()]
        assert len(cards) == 3
        assert cards[0]["y"] == cards[1]["y"] < cards[2]["y"]
        assert cards[2]["width"] == pytest.approx(row["width"], abs=1)
        visit.close()
        visit = Visit(browser, WIDE)
        page = visit.open(site.url)
        cards = [f.bounding_box() for f in page.locator(".ws-keyfigs > li").all()]
        assert cards[0]["y"] == cards[1]["y"] == cards[2]["y"]  # one row of three on a desktop
        visit.close()
    finally:
        site.close()


@pytest.mark.browser
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_section_entries_fill_every_row(browser, unit_with_banner, served, viewport):
    """However many sections a unit has (the demo six, a small unit fewer), each row of
    entries reaches both edges: no empty cell at the end of the row (found by a trial)."""
    small = Site(unit_with_banner / "site")
    try:
        counts = []
        for url in (small.url, served.url):
            visit = Visit(browser, viewport)
            page = visit.open(url)
            row = box(page, ".ws-entries > ul")
            cards = [e.bounding_box() for e in page.locator(".ws-entries > ul > li").all()]
            counts.append(len(cards))
            for y in {c["y"] for c in cards}:
                line = sorted((c for c in cards if c["y"] == y), key=lambda c: c["x"])
                assert line[0]["x"] == pytest.approx(row["x"], abs=1), (url, len(cards))
                assert max(c["width"] for c in line) - min(c["width"] for c in line) < 1, (url, line)
                assert line[-1]["x"] + line[-1]["width"] == pytest.approx(row["x"] + row["width"], abs=1), (
                    url,
                    len(cards),
                )
            visit.close()
        assert counts[1] == 6 and counts[0] < 6, counts
    finally:
        small.close()
