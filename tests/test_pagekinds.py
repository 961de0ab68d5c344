"""The page-kind registry (wenmingsite.pages.pagekinds): a new kind of generated page is one
declaration, and a kind declared or used wrongly is a clear error, not a crash mid-build."""

from __future__ import annotations

import pytest
from conftest import TODAY
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config

from wenmingsite.outputs import search_index
from wenmingsite.outputs.api import read_activities
from wenmingsite.pages import pagekinds
from wenmingsite.pages.pagekinds import PageKindError, PageSpec, page_kind


def build_in_process(root, site_dir):
    """A strict build in this process, so that it sees kinds the test registered."""
    config = load_config(str(root / "mkdocs.yml"), site_dir=str(site_dir), strict=True)
    mkdocs_build(config)


@pytest.fixture
def notice_board():
    """A kind declared in the test: its pages, its body, no package file touched."""

    @page_kind("notice-board", search=False, meta={"robots": "noindex"})
    class NoticeBoard:
        @staticmethod
        def specs(site):
            return [PageSpec("notices/index.md", "公告栏", "notice-board", description="近期公告")]

        @staticmethod
        def render(site, spec, url):
            titles = "".join(f"<li>{a.title}</li>" for a in site.content.published)
            return f'<ul class="notice-board" data-url="{url}">{titles}</ul>'

    yield NoticeBoard
    pagekinds.unregister("notice-board")


def test_a_registered_kind_becomes_a_page_of_the_built_site(site, tmp_path, monkeypatch, notice_board):
    monkeypatch.setenv("WENMING_TODAY", TODAY.isoformat())
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    root = site()
    build_in_process(root, tmp_path / "out")
    page = (tmp_path / "out" / "notices" / "index.html").read_text(encoding="utf-8")
    assert "<title>公告栏" in page
    assert '<ul class="notice-board" data-url="notices/">' in page
    for record in read_activities(tmp_path / "out"):
        assert f"<li>{record['title']}</li>" in page
    # Its declaration's rules: out of the search index, meta for the theme.
    index = search_index.read(tmp_path / "out")
    assert not [d for d in index["docs"] if d["location"].startswith("notices/")]
    assert '<meta name="description" content="近期公告">' in page


def test_kinds_keep_their_order_and_cover_every_generated_page(site):
    names = [k.name for k in pagekinds.kinds()]
    assert names[:6] == ["timeline", "year", "categories", "category", "criteria", "criterion"]
    assert "open-data" in names and "print" in names


def test_an_unknown_kind_names_the_known_ones():
    with pytest.raises(PageKindError, match=r"unknown page kind 'nope'; known: timeline, year"):
        pagekinds.kind("nope")


def test_a_kind_declared_twice_is_refused_at_declaration():
    with pytest.raises(PageKindError, match="page kind 'stats' is declared twice"):

        @page_kind("stats")
        class Again:
            specs = render = staticmethod(lambda *a: [])


def test_a_kind_without_render_is_refused_at_declaration():
    with pytest.raises(PageKindError, match=r"page kind 'half' \(.*Half\) lacks render\(\)"):

        @page_kind("half")
        class Half:
            @staticmethod
            def specs(site):
                return []

    assert "half" not in [k.name for k in pagekinds.kinds()]


def test_a_spec_of_another_kind_is_an_error_naming_both(site, tmp_path, monkeypatch):
    @page_kind("liar")
    class Liar:
        @staticmethod
        def specs(site):
            return [PageSpec("liar/index.md", "x", "stats")]

        @staticmethod
        def render(site, spec, url):
            return ""

    try:
        monkeypatch.setenv("WENMING_TODAY", TODAY.isoformat())
        monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
        with pytest.raises(PageKindError, match=r"page kind 'liar' made a page of kind 'stats' \(liar/index.md\)"):
            build_in_process(site(), tmp_path / "out")
    finally:
        pagekinds.unregister("liar")
