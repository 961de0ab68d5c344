"""Material's sidebar and tabs, rendered once per folder for pages not in the nav
(wenmingsite.plugin.ThemeMemo), are what each page would show: links that lead where they
say from every page, and a unit's own partials still see the page they are on."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

from conftest import MKDOCS_YML, build

READING = """\
    ---
    title: 读书分享会
    date: 2024-04-23
    category: 志愿服务
    department: 办公室
    participants: 15
    ---

    正文。
    """


def sidebar(page: Path) -> str:
    html = page.read_text(encoding="utf-8")
    return html[html.index('<nav class="md-nav md-nav--primary"') : html.index("</nav>", html.index("md-nav--primary"))]


def test_sidebar_links_of_pages_outside_the_nav_lead_to_their_pages(site):
    root = site({"docs/activities/2024-04-23-reading.md": READING})
    result = build(root)
    assert result.returncode == 0, result.stderr
    out = root / "site"
    pages = [out / "activities/2024-03-05-plant/index.html", out / "activities/2024-04-23-reading/index.html"]
    assert sidebar(pages[0]) == sidebar(pages[1])  # the same folder: the same sidebar
    for page in [*pages, out / "index.html", out / "timeline/index.html"]:
        links = re.findall(
            r'class="md-nav__link[^"]*"[^>]*href="([^"]+)"|href="([^"]+)"[^>]*class="md-nav__link', sidebar(page)
        )
        targets = [a or b for a, b in links]
        assert targets, page
        for href in targets:
            target = (page.parent / href.split("#")[0]).resolve()
            assert (target / "index.html" if target.is_dir() else target).is_file(), (page, href)


def test_a_units_own_nav_item_partial_sees_each_page(site):
    yml = MKDOCS_YML.replace("  font: false\n", "  font: false\n  custom_dir: overrides\n")
    item = "{% macro render(nav_item, path, level, parent) %}<li>在看：{{ page.title }}</li>{% endmacro %}\n"
    root = site({"mkdocs.yml": yml, "docs/activities/2024-04-23-reading.md": READING})
    (root / "overrides/partials").mkdir(parents=True)
    (root / "overrides/partials/nav-item.html").write_text(textwrap.dedent(item), encoding="utf-8")
    result = build(root)
    assert result.returncode == 0, result.stderr
    for slug, title in (("2024-03-05-plant", "植树节义务植树"), ("2024-04-23-reading", "读书分享会")):
        assert f"<li>在看：{title}</li>" in sidebar(root / "site/activities" / slug / "index.html")
