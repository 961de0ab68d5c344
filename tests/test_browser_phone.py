"""The public site on a phone, and what only editors see.

Over the served demo (a production build): no visible text under 12 px at 390×844 (SVG
chart text measured at the size it is drawn), no page wider than a 360×740 screen, the
criteria table's evidence column on screen, the timeline opening with themed work. Then
the gap labels: never in a production build, always in the editors' preview."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from browser import Visit, browser, served_demo  # noqa: F401 - fixtures
from conftest import HANG_SECONDS, TODAY

from wenmingsite.outputs.api import read_activities

PHONE_390 = {"width": 390, "height": 844}
NARROW_360 = {"width": 360, "height": 740}
GAP_WORDS = ("待加强", "证据不足")

# Every element with text of its own that a visitor can see, with the size it is read at.
SMALL_TEXT = """() => {
  const out = [];
  for (const el of document.querySelectorAll('body *')) {
    if (![...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim())) continue;
    const box = el.getBoundingClientRect(), style = getComputedStyle(el);
    if (!box.width || !box.height || style.visibility === 'hidden' || style.display === 'none') continue;
    if (el.closest('[hidden], details:not([open]) > :not(summary)')) continue;
    let size = parseFloat(style.fontSize);
    const svg = el.closest('svg');
    if (svg && svg.viewBox.baseVal && svg.viewBox.baseVal.width) {
      size *= svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    }
    if (size < 12) out.push(`${el.tagName.toLowerCase()}.${el.getAttribute('class') || ''} ${size.toFixed(1)}px 「${el.textContent.trim().slice(0, 20)}」`);
  }
  return out;
}"""


def _pages(site: Path) -> list[str]:
    """Home, timeline, gallery, stats, criteria, one activity and one report page; 我们的节日
    and a year's listing."""
    records = read_activities(site)
    activity = next(r["url"] for r in records if r["url"])
    report = sorted(p for p in (site / "report").iterdir() if (p / "index.html").is_file())[0]
    pages = ["", "timeline/", "gallery/", "stats/", "criteria/", activity, report.relative_to(site).as_posix() + "/"]
    return pages + [p for p in ("festivals/", "timeline/2024/") if (site / p / "index.html").is_file()]


@pytest.fixture(scope="module")
def pages(demo_build):
    return _pages(demo_build.site)


@pytest.mark.browser
def test_no_text_under_12px_on_a_phone(browser, served_demo, pages):
    visit = Visit(browser, PHONE_390)
    found = {}
    for url in pages:
        page = visit.open(served_demo.url + url)
        if url == "stats/":  # folded tables count too once opened
            page.evaluate("document.querySelectorAll('details.ws-data').forEach(d => d.open = true)")
        if small := page.evaluate(SMALL_TEXT):
            found[url or "/"] = small[:5]
    visit.close()
    assert found == {}, f"手机上有小于 12 像素的文字：{found}"


@pytest.mark.browser
def test_no_page_is_wider_than_a_narrow_phone(browser, served_demo, pages):
    visit = Visit(browser, NARROW_360)
    wide = {}
    for url in pages:
        page = visit.open(served_demo.url + url)
        width = page.evaluate("document.scrollingElement.scrollWidth")
        if width > page.evaluate("innerWidth"):
            wide[url or "/"] = width
    visit.close()
    assert wide == {}, f"在 360 像素宽的手机上页面出现横向滚动：{wide}"


@pytest.mark.browser
def test_criteria_evidence_is_on_screen_and_statistics_tables_are_folded(browser, served_demo):
    visit = Visit(browser, PHONE_390)
    page = visit.open(served_demo.url + "criteria/")
    cells = page.locator(".ws-coverage td.ws-coverage__evidence")
    assert cells.count() == page.locator(".ws-coverage tbody tr").count() > 0
    first = cells.first
    assert first.is_visible() and re.match(r"\d+ 项主题活动", first.inner_text())
    box = first.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE_390["width"]
    page = visit.open(served_demo.url + "stats/")
    charts, folded = page.locator("svg.ws-chart").count(), page.locator("details.ws-data:not([open])")
    assert charts > 0 and folded.count() == charts
    assert folded.first.locator("summary").inner_text().startswith("查看数据表")
    assert not folded.first.locator("table").is_visible()
    folded.first.locator("summary").click()
    assert page.locator("details.ws-data").first.locator("table").is_visible()
    assert visit.errors == []
    visit.close()


@pytest.mark.browser
def test_timeline_opens_with_themed_work(browser, served_demo, demo_build):
    records = demo_build.activities()
    visit = Visit(browser, PHONE_390)
    page = visit.open(served_demo.url + "timeline/")
    kinds = page.locator(".ws-listing .ws-tl__item").evaluate_all("els => els.map(e => e.dataset.kind)")
    assert kinds[0] == "themed"
    # Months hold headlines only; each routine is named once, after them all.
    assert page.locator(".ws-month [data-kind=routine]").count() == 0
    assert kinds == sorted(kinds, key=lambda k: k != "themed")
    line = page.locator(".ws-routine-sum li").first.inner_text()
    assert "共 " in line and "次" in line and "最近一次" in line
    themed = sum(1 for r in records if r["kind"] != "routine")
    assert themed > 0
    # The first headline is on the first screen; the filter and the figures come after it.
    first = page.locator(".ws-news__item").first.bounding_box()
    assert first["y"] + first["height"] <= PHONE_390["height"]
    for later in ("form[data-ws-filter]", ".ws-lead"):
        assert page.locator(later).bounding_box()["y"] > first["y"] + first["height"]
    lead = page.locator(".ws-lead").inner_text()
    assert "项主题活动 · " in lead and "次例行活动" in lead
    visit.close()


def _gap_hits(site: Path) -> list[str]:
    hits = []
    for path in [*site.rglob("*.html"), *sorted((site / "search").glob("*.json"))]:
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".json":
            text = json.dumps(json.loads(text), ensure_ascii=False).replace("\u200b", "")
        hits += [f"{path.relative_to(site)}：{w}" for w in GAP_WORDS if w in text]
    return hits


def test_production_build_never_shows_gaps_but_the_editors_preview_does(demo_build, tmp_path):
    assert _gap_hits(demo_build.site) == []
    # A build the way `mkdocs serve` makes it (internal): the gaps are there for editors.
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "WENMING_TODAY": TODAY.isoformat()}
    dest = tmp_path / "preview"
    proc = subprocess.run(
        [
            sys.executable,
            str(Path(__file__).with_name("serve_rebuilds.py")),
            str(demo_build.root),
            "http://127.0.0.1:8123/",
        ],
        cwd=demo_build.root,
        env=env,
        input=f"build {dest}\n",
        capture_output=True,
        text=True,
        timeout=HANG_SECONDS,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    criteria = (dest / "criteria/index.html").read_text(encoding="utf-8")
    assert '<p class="admonition-title">证据不足</p>' in criteria
    assert '<span class="ws-status ws-status--thin">待加强</span>' in criteria
    assert "仅在编辑预览（mkdocs serve）中显示“待加强”和“证据不足”，正式网站不显示" in criteria
    public = (demo_build.site / "criteria/index.html").read_text(encoding="utf-8")
    assert '<th scope="col">状态</th>' not in public and '<th scope="col">状态</th>' in criteria
