"""Material's tooltips (``content.tooltips``) as a visitor meets them: a safe title still shows
its tooltip on hover, and a title or a cut-off heading that reads as markup shows as text —
the tooltip holds no element, so nothing in it can run (before, the theme put the title in
with innerHTML and ``<img src=x onerror=…>`` ran on hover). No request leaves the site."""

from __future__ import annotations

import pytest
from browser import DESKTOP, Site, Visit, browser  # noqa: F401 - fixtures
from conftest import MKDOCS_YML, build

pytestmark = pytest.mark.browser

A = "docs/activities/2024-03-05-plant.md"
SAFE = "《关于开展志愿服务的通知》第 1 条"
HEADING = "&lt;img src=x onerror=alert(2)&gt;" + "长" * 4 + "A" * 60  # text, cut off in the contents
YML = MKDOCS_YML.replace("  font: false\n", "  font: false\n  features:\n    - content.tooltips\n").replace(
    "markdown_extensions:\n", "markdown_extensions:\n  - attr_list\n"
)
TOOLTIP = """() => {
  const tip = document.querySelector('.md-tooltip2 .md-tooltip2__inner, .md-tooltip--active .md-tooltip__inner');
  return tip && {text: tip.textContent, elements: tip.querySelectorAll('*').length};
}"""


@pytest.fixture(scope="module")
def tooltip_site(tmp_path_factory):
    import textwrap

    from conftest import BASE_FILES, write

    root = tmp_path_factory.mktemp("tooltips") / "unit"
    body = f'见[通知](../index.md "{SAFE}")，又见[旧通知](../index.md "{SAFE}")。\n\n## {HEADING}\n\n正文。\n'
    files = {**BASE_FILES, "mkdocs.yml": YML, A: textwrap.dedent(BASE_FILES[A]).replace("正文。\n", body)}
    for rel, text in files.items():
        write(root, rel, text)
    result = build(root)
    assert result.returncode == 0, result.stderr
    page = root / "site/activities/2024-03-05-plant/index.html"
    html = page.read_text(encoding="utf-8")
    # What a page built before the gate refused such titles (or a maintainer's own template)
    # may still carry: the second link's title reads as markup.
    old = f'title="{SAFE}">旧通知'
    assert old in html
    page.write_text(html.replace(old, 'title="&lt;img src=x onerror=alert(1)&gt;">旧通知'), encoding="utf-8")
    served = Site(root / "site")
    yield served
    served.close()


def hover(page, selector: str) -> dict:
    page.locator(selector).first.hover()
    page.wait_for_function(TOOLTIP)
    return page.evaluate(TOOLTIP)


def test_tooltips_show_titles_as_text_and_run_nothing(browser, tooltip_site):  # noqa: F811
    visit = Visit(browser, DESKTOP)
    dialogs, requests = [], []
    visit.page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    visit.page.on("request", lambda r: requests.append(r.url))
    try:
        page = visit.open(tooltip_site.url + "activities/2024-03-05-plant/")
        assert hover(page, "article a[href='../../'][title]") == {"text": SAFE, "elements": 0}
        page.mouse.move(0, 300)
        page.wait_for_function("() => !document.querySelector('.md-tooltip2')")
        assert hover(page, "article a:text('旧通知')") == {"text": "<img src=x onerror=alert(1)>", "elements": 0}
        page.mouse.move(0, 300)
        page.wait_for_function("() => !document.querySelector('.md-tooltip2')")
        # Material gives a cut-off entry of the contents its text as a title, and a tooltip.
        link = ".md-nav--secondary a.md-nav__link"
        page.wait_for_function(f"() => document.querySelector({link!r}).title !== ''")
        shown = hover(page, link)
        assert shown["elements"] == 0 and shown["text"].startswith("<img src=x onerror=alert(2)>长长长长AAA")
        page.mouse.move(0, 300)
        page.wait_for_function("() => !document.querySelector('.md-tooltip2')")
        # The header's tooltips (the logo: the site's name).
        assert hover(page, ".md-header__button.md-logo") == {"text": "测试单位", "elements": 0}
    finally:
        visit.close()
    assert dialogs == []
    assert [u for u in requests if not u.startswith((tooltip_site.url, "data:", "about:"))] == []
    assert not [e for e in visit.errors if "404" not in e], visit.errors
