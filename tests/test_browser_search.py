"""The site search in headless Chromium: nothing of it is fetched until a visitor uses the
search box; then a Chinese word that only segmentation finds gives the right page.

Screenshots of the results go to reports/ (git-ignored) for a reviewer.
"""

from __future__ import annotations

import time

import pytest
from browser import DESKTOP, PHONE, Visit, browser, served_demo  # noqa: F401 - fixtures
from conftest import HANG_SECONDS, REPO

pytestmark = pytest.mark.browser

PAGE = "activities/2025/2025-03-05-学雷锋服务月/"
# "测产" stands inside "秋收测产" in the title and "水稻测产验收" in the text: lunr matches
# the starts of words, so only the index's segmentation (jieba) makes it findable.
QUERY, EXPECTED = "测产", "青石村示范基地秋收测产"
SEARCH_PARTS = ("/search/", "/workers/", "/lunr/")


def search_requests(urls: list[str]) -> list[str]:
    return [u for u in urls if any(part in u for part in SEARCH_PARTS)]


def results_for(page, query: str) -> list[str]:
    """Type as an IME does (text, then a key press: Material searches on keyup) and wait
    for results; titles without the zero-width spaces segmentation put between words."""
    box = page.locator("input.md-search__input")
    box.fill(query)
    box.press("End")
    items = page.locator(".md-search-result__item h1")
    deadline = time.monotonic() + HANG_SECONDS
    while not items.count():
        assert time.monotonic() < deadline, f"搜索“{query}”始终没有结果"
        page.wait_for_timeout(100)
    return [t.replace("\u200b", "") for t in items.all_inner_texts()]


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
def test_search_costs_nothing_until_the_box_is_used_then_finds_chinese(browser, served_demo, viewport):
    visit = Visit(browser, PHONE if viewport == "phone" else DESKTOP)
    requested: list[str] = []
    visit.context.on("request", lambda r: requested.append(r.url))  # the worker's own fetches too
    page = visit.open(served_demo.url + PAGE)
    page.wait_for_load_state("networkidle")
    page.mouse.wheel(0, 600)  # a visitor reads on
    page.wait_for_timeout(500)
    assert search_requests(requested) == []

    if viewport == "phone":
        page.locator("label.md-header__button[for='__search']").click()
    else:
        page.locator("input.md-search__input").click()
    titles = results_for(page, QUERY)
    assert EXPECTED in titles, titles
    fetched = search_requests(requested)
    assert any(u.endswith("/search/search_index.json") for u in fetched), fetched
    assert any("/search/part-" in u for u in fetched), fetched  # the index's pages, in parts
    assert any("/workers/search." in u for u in fetched), fetched
    (REPO / "reports").mkdir(exist_ok=True)
    page.screenshot(path=str(REPO / "reports" / f"search-{viewport}.png"))
    assert visit.errors == []
    visit.close()


def test_a_page_opened_from_a_result_marks_the_words_searched_for(browser, served_demo):
    visit = Visit(browser, DESKTOP)
    page = visit.open(served_demo.url + PAGE)
    page.locator("input.md-search__input").click()
    results_for(page, QUERY)
    page.locator(".md-search-result__link", has_text=EXPECTED).first.click()
    page.wait_for_url("**/2025-10-11-*/?h=*")
    marks = page.locator("article mark")
    marks.first.wait_for()
    assert set(marks.all_inner_texts()) == {QUERY}
    assert visit.errors == []
    visit.close()
