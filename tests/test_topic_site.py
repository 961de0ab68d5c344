"""The public pages as a unit's topic site (issue 26, first part): no manual's previous/next
bar on the showcase pages, a page at every address a visitor gets by trimming one, upright
Chinese, the 长者模式 (large text, remembered) and a "1 / N" counter in the phone lightbox."""

from __future__ import annotations

import pytest
from browser import Visit, browser, served_demo  # noqa: F401 - fixtures
from test_browser_lightbox import activity_with_most_photos, open_photo

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}


@pytest.mark.parametrize("path", ["index.html", "gallery/index.html", "stats/index.html", "honours/index.html"])
def test_showcase_pages_have_no_previous_next_bar(demo_build, path):
    html = (demo_build.site / path).read_text(encoding="utf-8")
    # Material's 上一页/下一页 bar, kept in the markup but hidden by the page's `hide: [footer]`.
    assert "md-footer__link" not in html or '<nav class="md-footer__inner md-grid" aria-label="页脚" hidden>' in html


def test_every_trimmed_address_is_a_page(demo_build):
    site = demo_build.site
    activity_dirs = {p.parent.parent for p in (site / "activities").glob("*/*/index.html")}
    assert activity_dirs, "the demo has activities in year folders"
    for folder in [*sorted(activity_dirs), site / "activities", site / "report", site / "api"]:
        assert (folder / "index.html").is_file(), folder.relative_to(site)
    year = (site / "activities" / "2025" / "index.html").read_text(encoding="utf-8")
    # It stands for the listing at /timeline/2025/ and links it: the listing is not published
    # twice (an edit would re-send both).
    assert '<a class="md-button md-button--primary" href="../../timeline/2025/">2025年创建动态</a>' in year
    themed = sum(1 for r in demo_build.activities() if r["date"].startswith("2025") and r["kind"] != "routine")
    assert f"2025年创建动态（{themed} 项主题活动）按时间列在这一页" in year
    assert '按年份：<a href="../../timeline/2026/">2026年</a> · <a href="../../timeline/2025/">2025年</a>' in year
    assert "ws-news__item" not in year
    assert '<meta name="robots" content="noindex">' in year
    top = (site / "activities" / "index.html").read_text(encoding="utf-8")
    assert '<a class="md-button md-button--primary" href="../timeline/">创建动态</a>' in top
    report = (site / "report" / "index.html").read_text(encoding="utf-8")
    assert 'href="01-%E7%BB%84%E7%BB%87%E9%A2%86%E5%AF%BC/">一、加强组织领导' in report
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "/activities/2025/</loc>" not in sitemap and "/api/</loc>" not in sitemap
    assert "/report/</loc>" in sitemap


@pytest.mark.browser
@pytest.mark.parametrize("screen", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_chinese_is_never_slanted(browser, served_demo, demo_build, screen):
    url, _ = activity_with_most_photos(demo_build.api("photos.json")["photos"])
    visit = Visit(browser, screen)
    page = visit.open(served_demo.url + url.lstrip("/"))
    slanted = page.evaluate(
        "() => [...document.querySelectorAll('.md-typeset *')].filter(e => /[\\u4e00-\\u9fff]/.test(e.textContent)"
        " && getComputedStyle(e).fontStyle !== 'normal').map(e => e.tagName + ':' + e.textContent.slice(0, 20))"
    )
    assert slanted == []
    visit.close()


@pytest.mark.browser
@pytest.mark.parametrize("screen", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_elder_mode_enlarges_text_and_stays_on(browser, served_demo, screen):
    visit = Visit(browser, screen)
    page = visit.open(served_demo.url + "report/01-组织领导/")
    size = "() => parseFloat(getComputedStyle(document.querySelector('.md-content .md-typeset p')).fontSize)"
    before = page.evaluate(size)
    toggle = page.get_by_role("button", name="长者模式")
    assert toggle.get_attribute("aria-pressed") == "false"
    toggle.click()
    assert page.evaluate(size) >= 1.2 * before
    page.reload()
    assert page.evaluate(size) >= 1.2 * before  # remembered
    assert page.get_by_role("button", name="长者模式").get_attribute("aria-pressed") == "true"
    page = visit.open(served_demo.url + "stats/")  # and on every page
    assert page.evaluate("() => document.documentElement.classList.contains('ws-elder')")
    page.get_by_role("button", name="长者模式").click()
    page.reload()
    assert not page.evaluate("() => document.documentElement.classList.contains('ws-elder')")
    assert visit.errors == []
    visit.close()


@pytest.mark.browser
def test_phone_lightbox_counts_and_has_arrows(browser, served_demo, demo_build):
    url, photos = activity_with_most_photos(demo_build.api("photos.json")["photos"])
    visit = Visit(browser, PHONE)
    page = visit.open(served_demo.url + url.lstrip("/"))
    open_photo(page, 0)
    counter = page.locator(".ws-lb-counter")
    assert counter.text_content() == f"1 / {len(photos)}"
    nxt = page.locator(".gnext")
    box = nxt.bounding_box()
    assert box and 0 <= box["y"] <= PHONE["height"] - box["height"] and box["x"] >= 0  # on the screen
    nxt.click()
    page.wait_for_function("() => document.querySelector('.ws-lb-counter').textContent.startsWith('2 /')")
    assert counter.text_content() == f"2 / {len(photos)}"
    visit.close()


@pytest.mark.browser
@pytest.mark.parametrize("screen", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_header_stays_in_place_on_every_tab(browser, served_demo, screen):
    visit = Visit(browser, screen)
    where = set()
    for path in ["", "report/01-组织领导/", "timeline/", "gallery/", "stats/", "criteria/", "honours/"]:
        page = visit.open(served_demo.url + path)
        where.add(
            page.evaluate(
                "() => JSON.stringify(['.md-header__title', '.md-search', '.ws-elder-toggle', '.md-tabs__list']"
                ".map(s => document.querySelector(s)).filter(e => e && e.offsetParent)"
                ".map(e => { const r = e.getBoundingClientRect(); return [Math.round(r.left), Math.round(r.top)]; }))"
            )
        )
    assert len(where) == 1, where
    visit.close()


def test_the_units_logo_is_in_the_header(demo_build):
    html = (demo_build.site / "stats" / "index.html").read_text(encoding="utf-8")
    header = html[html.index('<header class="md-header') : html.index("</header>")]
    assert (
        # The demo's logo is an SVG (data/unit.yml logo), published as the gate's cleaned copy.
        '<img class="ws-logo" src="../assets/logo.svg" alt="" width="36" height="36">' in header
    )
    assert 'viewBox="0 0 24 24"' not in header.split('data-md-component="logo"', 1)[1].split("</a>", 1)[0]


ZERO = r"(?<![\d.,])0(?:</[a-z]+>)?\s?(?:<[^>]+>)?(?:项|张|次|小时|元|篇|人次|万元|份)|0/0|：无<|未附电子文件"


def test_no_public_page_prints_a_bare_zero(site, tmp_path):
    """A unit early in its term (one activity, no photos, hours, money, routines or
    documents): its public pages say what it has, never "0 张" or "制度文件：无"."""
    import re

    from conftest import build

    root = site()
    built = build(root)
    assert built.returncode == 0, built.stderr
    found = {}
    for path in (root / "site").rglob("*.html"):
        text = re.sub(r"<(svg|script)\b.*?</\1>", "", path.read_text(encoding="utf-8"), flags=re.S)
        hits = re.findall(ZERO, text)
        if hits:
            found[path.relative_to(root / "site").as_posix()] = hits[:3]
    assert found == {}


def test_search_index_holds_no_navigation_or_panel_labels(demo_build):
    """A search hit is for what a page says, not for 上一项/下一项 or the panel's labels run
    together ("类别帮扶共建 组织部门工会")."""
    from wenmingsite.outputs import search_index

    docs = search_index.read(demo_build.site)["docs"]
    activities = [d for d in docs if d["location"].startswith("activities/")]
    assert activities
    for words in ("上一项活动", "下一项活动", "组织部门"):  # labels no body text uses
        assert [d["location"] for d in activities if words in d["text"].replace("\u200b", "")] == [], words


KNOWLEDGE = """\
sections:
  - title: 核心价值观
    text: |
      富强、民主、文明、和谐。
      爱国、敬业、诚信、友善。
quiz:
  - question: 个人层面的价值准则是？
    options: [富强民主, 爱国敬业诚信友善]
    answer: 2
  - question: 第二题
    options: [甲, 乙, 丙]
    answer: 丁
"""


def test_knowledge_page_and_a_wrong_answer_named_at_its_line(site):
    from conftest import MKDOCS_YML, build

    yml = MKDOCS_YML + "  - 应知应会: knowledge/index.md\n"
    bad = build(site({"data/knowledge.yml": KNOWLEDGE, "mkdocs.yml": yml}))
    assert bad.returncode == 1
    assert (
        "data/knowledge.yml:12:13: 第 2 道自测题的答案（answer）“丁”不是它的选项之一。"
        "请写选项的序号（1 到 3）、字母（A 到 C）或选项原文"
    ) in bad.stderr
    root = site({"data/knowledge.yml": KNOWLEDGE.replace("answer: 丁", "answer: C"), "mkdocs.yml": yml})
    built = build(root)
    assert built.returncode == 0, built.stderr
    html = (root / "site" / "knowledge" / "index.html").read_text(encoding="utf-8")
    assert "<p>富强、民主、文明、和谐。</p><p>爱国、敬业、诚信、友善。</p>" in html
    assert html.count('class="ws-quiz__q" data-answer=') == 2
    assert 'data-answer="1"' in html and 'data-answer="2"' in html  # "2" and "C" as 0-based indexes


@pytest.mark.browser
def test_the_self_test_marks_answers_offline(browser, served_demo):
    visit = Visit(browser, PHONE)
    requests = []
    visit.page.on("request", lambda r: requests.append(r.url))
    page = visit.open(served_demo.url + "knowledge/")
    questions = page.locator(".ws-quiz__q")
    total = questions.count()
    assert total >= 3
    for i in range(total):  # the right answer to all but the last, which stays unanswered
        if i < total - 1:
            answer = int(questions.nth(i).get_attribute("data-answer"))
            questions.nth(i).locator("input[type=radio]").nth(answer).check()
    before = len(requests)
    page.get_by_role("button", name="看看答对几道").click()
    assert page.locator(".ws-quiz__score").text_content() == f"共 {total} 道题，答对 {total - 1} 道。"
    assert questions.nth(total - 1).locator(".ws-quiz__mark").text_content() == "这道题还没有选。"
    assert questions.nth(total - 1).locator("details").get_attribute("open") is not None
    assert len(requests) == before  # nothing sent anywhere
    visit.close()


def test_friendly_links_in_the_footer_and_a_script_address_refused(site):
    from conftest import UNIT_YML, build

    links = "links:\n  - name: 中国文明网\n    url: https://www.wenming.cn/\n  - name: 坏链接\n    url: javascript:alert(1)\n"
    bad = build(site({"data/unit.yml": UNIT_YML + links}))
    assert bad.returncode == 1
    line = (UNIT_YML + links).splitlines().index("    url: javascript:alert(1)") + 1
    assert (
        f"data/unit.yml:{line}:10: 第 2 个友情链接的网址（url）“javascript:alert(1)”不是网站地址。"
        "请写成 https://www.wenming.cn/ 这样以 https:// 开头的完整地址"
    ) in bad.stderr
    root = site({"data/unit.yml": UNIT_YML + links.split("  - name: 坏链接")[0]})
    built = build(root)
    assert built.returncode == 0, built.stderr
    html = (root / "site" / "index.html").read_text(encoding="utf-8")
    assert (
        '<span>友情链接：</span><a href="https://www.wenming.cn/" target="_blank" rel="noopener">中国文明网</a>' in html
    )


def test_an_activity_says_its_date_as_the_activity_date_a_notice_its_issue_date(demo_build):
    """The byline under an activity's title is the day it took place, not a publishing time."""
    page = demo_build.site / "activities/2024/2024-01-19-新春送春联进村/index.html"
    html = page.read_text(encoding="utf-8")
    assert (
        '<p class="ws-byline" data-search-exclude><span>活动日期 <time datetime="2024-01-19">2024年1月19日</time></span>'
        "<span>来源 青溪市农业技术推广中心工会</span></p>"
    ) in html
    notice = next((demo_build.site / "notices").glob("*/index.html")).read_text(encoding="utf-8")
    assert "<span>发布时间 <time" in notice
