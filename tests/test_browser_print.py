"""`wenming print`: the whole showcase as one PDF with Chinese text intact."""

from __future__ import annotations

import re
import unicodedata

import pytest
from click.testing import CliRunner

from browser import require_browser
from conftest import REPO, metadata_blocks  # noqa: F401
from wenmingsite.cli import cjk_font, main

pytestmark = pytest.mark.browser


def test_print_command_makes_a_pdf_with_chinese_text(demo_root, tmp_path):
    require_browser()
    if cjk_font() is None:
        pytest.fail("没有中文字体（apt-get install fonts-noto-cjk）") if __import__("os").environ.get("CI") \
            else pytest.skip("没有中文字体（apt-get install fonts-noto-cjk）")
    from pypdf import PdfReader

    out = tmp_path / "汇报材料.pdf"
    result = CliRunner().invoke(main, ["print", "--root", str(demo_root), "-o", str(out)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert re.fullmatch(rf"已生成 {re.escape(str(out))}（\d+ 页，中文字体：.*CJK.*）。\n", result.output)
    reader = PdfReader(str(out))
    assert 20 <= len(reader.pages) <= 80
    def text(i):
        return re.sub(r"\s+", "", unicodedata.normalize("NFKC", reader.pages[i].extract_text() or ""))
    # (PDF text extraction may return a radical code point for 青, so it is left out here.)
    assert "溪市农业技术推广中心" in text(0) and "第八届市级文明单位创建工作汇报材料" in text(0)
    assert "目录" in text(1)
    assert "一、加强组织领导,健全创建工作机制" in text(2)  # each section starts a page
    everything = "".join(text(i) for i in range(len(reader.pages)))
    for heading in ("主要数据", "测评体系对照", "荣誉", "组织领导", "附录:活动一览"):
        assert heading in everything
