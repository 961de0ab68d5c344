"""The browser's fallback for paper: /print/ printed by Chromium ("打印 → 另存为 PDF"), and
`wenming print`, which now lays out the report with WeasyPrint (no browser) into dist/."""

from __future__ import annotations

import os
import re
import shutil
import unicodedata

import pytest
from browser import Visit, browser, require_browser, served_demo  # noqa: F401
from click.testing import CliRunner
from conftest import REPO, TODAY, copy_demo

from wenmingsite.commands.cli import cjk_font, main


def flat(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text or ""))


def need_font():
    if cjk_font() is None:
        pytest.fail("没有中文字体（apt-get install fonts-noto-cjk）") if __import__("os").environ.get(
            "CI"
        ) else pytest.skip("没有中文字体（apt-get install fonts-noto-cjk）")


@pytest.mark.browser
def test_print_page_prints_from_the_browser(browser, served_demo, tmp_path):  # noqa: F811
    need_font()
    from pypdf import PdfReader

    visit = Visit(browser, {"width": 1280, "height": 900})
    try:
        page = visit.open(served_demo.url + "print/")
        page.emulate_media(media="print")
        out = tmp_path / "print.pdf"
        page.pdf(
            path=str(out),
            format="A4",
            print_background=True,
            margin={"top": "18mm", "bottom": "20mm", "left": "16mm", "right": "16mm"},
        )
    finally:
        visit.close()
    reader = PdfReader(str(out))
    assert 15 <= len(reader.pages) <= 80
    text = [flat(p.extract_text()) for p in reader.pages]
    assert "溪市农业技术推广中心" in text[0] and "第八届市级文明单位创建工作汇报材料" in text[0]
    everything = "".join(text)
    assert "目录" in everything
    assert not re.search(r"\d\.[一二三四五六七八九十]+、", everything)  # the contents are numbered once
    for web in ("开放数据", "逐条复算", "wenmingprint", "首页›", "来源青溪"):  # no web trail or byline on paper
        assert web not in everything
    # 文明风采 by a name in it: the font's 风 comes out of the PDF as a radical NFKC does not fold.
    for heading in ("主要数据", "测评体系对照", "荣誉", "组织领导", "志愿服务", "陈立群", "附录:活动一览"):
        assert heading in everything


def test_print_command_writes_the_report_into_dist(tmp_path):
    need_font()
    from pypdf import PdfReader

    root = copy_demo(tmp_path)
    if (REPO / ".cache" / "images").is_dir():  # photo variants of earlier builds
        shutil.copytree(REPO / ".cache" / "images", root / ".cache" / "images", copy_function=os.link)
    result = CliRunner().invoke(
        main,
        ["print", "--root", str(root), "--date", TODAY.isoformat(), "--site-url", "https://wenming.example.cn/"],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    assert re.fullmatch(
        r"已生成汇报材料：dist/汇报材料\.pdf（\d+ 页，用时 \d+\.\d 秒），中文字体：.*CJK.*。\n", result.output
    )
    reader = PdfReader(str(root / "dist" / "汇报材料.pdf"))
    assert 20 <= len(reader.pages) <= 60
    assert reader.metadata.title == "青溪市农业技术推广中心第八届市级文明单位创建工作汇报材料"
    assert not (root / "汇报材料.pdf").exists()


@pytest.mark.browser
@pytest.mark.parametrize("width", [375, 1366], ids=["phone", "desktop"])
def test_print_page_charts_keep_their_labels_at_text_size(browser, served_demo, width):  # noqa: F811
    """The charts of /print/ are drawn at their own width (340 px, labels at 14 px like the
    tables beside them), narrower on a phone; on a desktop they were stretched to their
    column and their labels came out half as large again as the text."""
    visit = Visit(browser, {"width": width, "height": 900})
    try:
        page = visit.open(served_demo.url + "print/")
        charts = page.locator("#p-stats svg.ws-chart")
        assert charts.count() > 0
        for chart in charts.all():
            box = chart.bounding_box()
            assert box and box["width"] <= 340.5
            label = chart.locator(".ws-chart__label").first
            assert label.bounding_box()["height"] <= 18  # a 14-px line, not 21
    finally:
        visit.close()
