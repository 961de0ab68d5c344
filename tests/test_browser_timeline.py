"""The timeline in a real browser: filtering, no-script fallback, phone and desktop."""

from __future__ import annotations

import pytest
from browser import DESKTOP, PHONE, Visit, browser, served_demo  # noqa: F401 - fixtures

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def served(served_demo, demo_build):
    return served_demo, demo_build.activities()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_filtering_the_timeline_by_category_and_department(browser, served, viewport):
    site, records = served
    visit = Visit(browser, viewport)
    page = visit.open(site.url + "timeline/2024/")
    page.select_option("select[name=category]", "volunteer")
    expected = sum(1 for r in records if r["date"].startswith("2024") and r["category_slug"] == "volunteer")
    assert page.locator(".ws-filter output").inner_text() == f"筛选出 {expected} 项（次）活动"
    visible = page.locator(".ws-listing .ws-tl__item:visible")
    assert visible.count() > 0
    assert set(visible.evaluate_all("els => els.map(e => e.dataset.category)")) == {"volunteer"}
    page.select_option("select[name=category]", "")
    page.select_option("select[name=department]", "工会")
    expected = sum(1 for r in records if r["date"].startswith("2024") and r["department"] == "工会")
    assert page.locator(".ws-filter output").inner_text() == f"筛选出 {expected} 项（次）活动"
    # Months with nothing left are hidden, not left as empty headings.
    for month in page.locator(".ws-month:visible").all():
        assert month.locator(".ws-tl__item:visible").count() > 0
    assert visit.errors == []
    visit.close()


def test_without_scripts_the_full_list_shows(browser, served):
    site, records = served
    visit = Visit(browser, PHONE, javascript=False)
    page = visit.open(site.url + "timeline/2024/")
    assert not page.locator("form[data-ws-filter]").is_visible()
    counts = page.locator(".ws-tl__item").evaluate_all("els => els.map(e => +e.dataset.count)")
    assert sum(counts) == sum(1 for r in records if r["date"].startswith("2024"))
    visit.close()


def test_timeline_fits_a_phone_screen(browser, served, tmp_path):
    site, _ = served
    visit = Visit(browser, PHONE)
    page = visit.open(site.url + "timeline/")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], "时间轴在手机上出现了横向滚动"
    page.screenshot(path=str(tmp_path / "timeline-phone.png"), full_page=True)
    assert visit.errors == []
    visit.close()


@pytest.fixture(scope="module")
def year_in_months(tmp_path_factory):
    """A unit whose 2025 (a themed activity every month) is over its listing limit (3): the
    year's page lists its twelve months, each a page of its own with a row of month chips."""
    from browser import Site
    from conftest import BASE_FILES, build, write

    root = tmp_path_factory.mktemp("months") / "unit"
    files = {
        **BASE_FILES,
        "mkdocs.yml": BASE_FILES["mkdocs.yml"].replace("  - wenming\n", "  - wenming:\n      listing_limit: 3\n"),
        "data/activities/2025.yml": "activities:\n"
        + "".join(
            f"  - title: 第{m}月志愿服务\n    date: 2025-{m:02d}-10\n    category: 志愿服务\n" for m in range(1, 13)
        ),
    }
    for rel, text in files.items():
        write(root, rel, text)
    result = build(root)
    assert result.returncode == 0, result.stderr
    site = Site(root / "site")
    yield site
    site.close()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_every_month_chip_of_a_split_year_is_on_the_screen(browser, year_in_months, viewport, tmp_path):
    """On a phone the twelve month chips wrap onto a second row: a row scrolled sideways, cut
    off at the screen's edge, gave no sign that the later months were there."""
    visit = Visit(browser, viewport)
    page = visit.open(year_in_months.url + "timeline/2025/03/")
    chips = page.get_by_role("navigation", name="2025年各月").get_by_role("link")
    assert chips.all_inner_texts() == [f"{m}月" for m in range(1, 13)]
    for chip in chips.all():
        box = chip.bounding_box()
        assert box and 0 <= box["x"] and box["x"] + box["width"] <= viewport["width"], chip.inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    page.screenshot(path=str(tmp_path / "months.png"))
    assert visit.errors == []
    visit.close()
