"""The demo as visitors meet it, in headless Chromium on a phone and a desktop.

Writes what a reviewer wants to look at into reports/ (git-ignored): screenshots of the key
pages at both viewports, PDFs of the printable pages and the page weights.
"""

from __future__ import annotations

import json
import re
import time
import unicodedata
import urllib.parse

import pytest
from browser import DESKTOP, PHONE, Site, Visit, browser, served_demo  # noqa: F401 - fixtures
from conftest import HANG_SECONDS, REPO

pytestmark = pytest.mark.browser

REPORTS = REPO / "reports"
KEY_PAGES = {
    "home": "",
    "timeline": "timeline/",
    "gallery": "gallery/",
    "stats": "stats/",
    "criteria": "criteria/",
    "activity": "activities/2025/2025-10-11-秋收测产/",
    "report": "report/05-志愿服务/",
    "honours": "honours/",
    "volunteer": "volunteer/",
    "notices": "notices/",
    "notice": "notices/2026-11-20-迎检工作安排/",
    "people": "people/",
    "festivals": "festivals/",
    "year": "activities/2024/",
}
VIEWPORTS = {"phone": PHONE, "desktop": DESKTOP}


@pytest.fixture(scope="module")
def served(served_demo):
    return served_demo


def url_of(site: Site, path: str) -> str:
    return site.url + urllib.parse.quote(path)


@pytest.mark.parametrize("viewport", VIEWPORTS.values(), ids=VIEWPORTS.keys())
def test_a_visitor_follows_the_timeline_to_an_activity(browser, served, viewport):
    visit = Visit(browser, viewport)
    page = visit.open(served.url)
    page.get_by_role("link", name="查看全部创建动态").click()
    page.wait_for_url("**/timeline/")
    assert page.locator("h1").first.inner_text() == "创建动态"
    link = page.locator(".ws-tl__title a").first
    title = link.inner_text()
    link.click()
    page.wait_for_load_state()
    assert page.locator("h1").first.inner_text() == title
    assert page.locator(".ws-activity dt", has_text="类别").count() == 1
    page.locator(".ws-activity dd a").first.click()  # its category
    page.wait_for_url("**/categories/**")
    for target in ("stats/", "criteria/"):
        visit.open(served.url + target)
        assert page.locator("svg.ws-chart, .ws-coverage").count() > 0
    assert visit.errors == []
    visit.close()


@pytest.mark.parametrize(
    "query, expected",
    [
        ("志愿服务", "学雷锋日“技术进田间”志愿服务"),
        ("敬老", "重阳节走进石门镇敬老院"),
        ("测产", "青石村示范基地秋收测产"),
    ],
)
def test_chinese_search_finds_the_right_pages(browser, served, query, expected):
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    visit = Visit(browser, PHONE)
    page = visit.open(served.url)
    page.locator("label.md-header__button[for='__search']").click()
    box = page.locator("input.md-search__input")
    results = page.locator(".md-search-result__item")
    # Playwright inserts Chinese text without key events (an IME ends composition with a
    # key press); Material searches on keyup, so finish with one, as the IME would.
    # The index loads in a worker, and a query typed before it is ready gets no answer:
    # type again, each time waiting twice as long, until results show (bounded by a hang).
    patience, deadline = 1.5, time.monotonic() + HANG_SECONDS
    while True:
        box.fill(query)
        box.press("End")
        try:
            results.first.wait_for(timeout=patience * 1000)
            break
        except PlaywrightTimeout:
            assert time.monotonic() < deadline, f"搜索“{query}”始终没有结果"
            patience = min(2 * patience, 60)
    # Results show the segmented titles; the zero-width spaces between words are invisible.
    titles = [t.replace("\u200b", "") for t in page.locator(".md-search-result__item h1").all_inner_texts()]
    assert any(expected in t for t in titles), titles
    assert visit.errors == []
    visit.close()


def test_no_page_requests_another_host(browser, served):
    visit = Visit(browser, PHONE)
    foreign: list[str] = []

    def guard(route):
        host = urllib.parse.urlsplit(route.request.url).hostname
        if host != "127.0.0.1":
            foreign.append(route.request.url)
            return route.abort()
        return route.continue_()

    visit.context.route("**/*", guard)
    for path in KEY_PAGES.values():
        page = visit.open(url_of(served, path))
        page.wait_for_load_state("networkidle")
    assert foreign == []
    visit.close()


@pytest.mark.parametrize("viewport", VIEWPORTS.values(), ids=VIEWPORTS.keys())
def test_axe_finds_no_serious_problem(browser, served, viewport):
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    visit = Visit(browser, viewport)
    report = {}
    for name, path in KEY_PAGES.items():
        page = visit.open(url_of(served, path))
        violations = axe.run(page).response["violations"]
        report[name] = [(v["id"], v["impact"], len(v["nodes"])) for v in violations]
    REPORTS.mkdir(exist_ok=True)
    (REPORTS / f"axe-{viewport['width']}.json").write_text(
        json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8"
    )
    serious = {name: [v for v in found if v[1] in ("serious", "critical")] for name, found in report.items()}
    assert all(not v for v in serious.values()), serious
    visit.close()


def test_every_image_has_alt_and_every_chart_a_text_equivalent(browser, served):
    visit = Visit(browser, DESKTOP)
    for path in KEY_PAGES.values():
        page = visit.open(url_of(served, path))
        missing = page.locator("img:not([alt])").count()
        assert missing == 0, path
    page = visit.open(served.url + "stats/")
    for chart in page.locator("svg.ws-chart").all():
        assert chart.get_attribute("role") == "img"
        labelled = chart.get_attribute("aria-labelledby").split()
        assert all((page.locator(f"#{i}").text_content() or "").strip() for i in labelled)
        assert chart.locator("xpath=ancestor::div[contains(@class,'ws-chart-block')]//table").count() == 1
    visit.close()


@pytest.mark.parametrize("path", ["", "stats/"])
def test_keyboard_alone_reaches_every_link_of_the_content(browser, served, path):
    visit = Visit(browser, DESKTOP)
    page = visit.open(served.url + path)
    wanted = set(
        page.locator("article a[href]").evaluate_all(
            "els => els.filter(e => e.offsetParent !== null && !e.classList.contains('headerlink')).map(e => e.href)"
        )
    )
    reached = set()
    for _ in range(400):
        page.keyboard.press("Tab")
        href = page.evaluate("document.activeElement && document.activeElement.href || null")
        if href:
            reached.add(href)
        if wanted <= reached:
            break
    assert wanted - reached == set()
    visit.close()


FIRST_SCREEN_BUDGET = 300 * 1024

MEASURE = """() => {
  const paint = performance.getEntriesByType('paint').find(p => p.name === 'first-paint');
  const fp = paint ? paint.startTime : Infinity;
  const nav = performance.getEntriesByType('navigation')[0];
  const all = [nav, ...performance.getEntriesByType('resource')];
  const size = e => e.transferSize || e.encodedBodySize || 0;
  const before = all.filter(e => e.responseEnd <= fp);
  return {first_paint_ms: Math.round(fp),
          bytes_before_first_paint: before.reduce((s, e) => s + size(e), 0),
          requests_before_first_paint: before.length,
          first_screen_bytes: all.reduce((s, e) => s + size(e), 0),
          first_screen_requests: all.length};
}"""


def test_page_weights_and_screenshots(browser, served):
    shots = REPORTS / "screenshots"
    shots.mkdir(parents=True, exist_ok=True)
    weights = {}
    for vp_name, viewport in VIEWPORTS.items():
        for name, path in KEY_PAGES.items():
            visit = Visit(browser, viewport)
            page = visit.open(url_of(served, path))
            page.wait_for_load_state("networkidle")
            page.screenshot(path=str(shots / f"{name}-{vp_name}.png"), full_page=True)
            if vp_name == "phone":
                weights[name] = page.evaluate(MEASURE)
            assert visit.errors == [], (name, vp_name, visit.errors)
            visit.close()
    lines = [
        "# 访客首屏重量（手机 375 px，gzip 传输，Chromium Resource Timing）",
        "",
        "| 页面 | 首次绘制前 | 首次绘制前请求数 | 首屏合计 | 首屏请求数 | 首次绘制 |",
        "|---|---|---|---|---|---|",
    ]
    for name, w in weights.items():
        lines.append(
            f"| {name} | {w['bytes_before_first_paint'] / 1024:.1f} KB | {w['requests_before_first_paint']} | "
            f"{w['first_screen_bytes'] / 1024:.1f} KB | {w['first_screen_requests']} | {w['first_paint_ms']} ms |"
        )
    (REPORTS / "weights.json").write_text(json.dumps(weights, indent=1), encoding="utf-8")
    (REPORTS / "weights.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n" + "\n".join(lines))
    heavy = {n: w["first_screen_bytes"] for n, w in weights.items() if w["first_screen_bytes"] > FIRST_SCREEN_BUDGET}
    assert heavy == {}


@pytest.mark.parametrize(
    "name, path, expect",
    [
        ("report", "report/05-志愿服务/", "五、常态开展志愿服务，践行雷锋精神"),
        ("stats", "stats/", "分年度主要数据"),
        ("criteria", "criteria/", "测评项目佐证一览"),
    ],
)
def test_printable_pages(browser, served, name, path, expect):
    from pypdf import PdfReader

    visit = Visit(browser, DESKTOP)
    page = visit.open(url_of(served, path))
    page.emulate_media(media="print")
    for chrome in (".md-header", ".md-tabs", ".md-sidebar--primary", ".md-footer", ".md-search"):
        if page.locator(chrome).count():
            assert not page.locator(chrome).first.is_visible(), chrome
    out = REPORTS / "print"
    out.mkdir(parents=True, exist_ok=True)
    pdf = out / f"{name}.pdf"
    page.pdf(path=str(pdf), format="A4", print_background=True)
    reader = PdfReader(str(pdf))
    # NFKC folds the Kangxi-radical code points some PDF fonts map CJK glyphs to.
    text = unicodedata.normalize("NFKC", "".join(p.extract_text() or "" for p in reader.pages))
    assert unicodedata.normalize("NFKC", expect) in re.sub(r"\s+", "", text)
    assert len(reader.pages) <= 12
    visit.close()
