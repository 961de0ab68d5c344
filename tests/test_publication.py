"""Each publication check and each repair, one case at a time."""

from __future__ import annotations

import codecs
import io

import pytest
from PIL import Image

from wenmingsite.commands import repair
from wenmingsite.gate import publication


@pytest.mark.parametrize(
    "line, found",
    [
        ("××单位2024年工作总结", "××"),
        ("XX中心开展活动", "XX"),
        ("xx科室负责", "xx"),
        ("20XX年3月", "XX"),
        ("20__年度", "20__"),
        ("19__年", "19__"),
        ("○○同志发言", "○○"),
        ("[单位名称]创建工作汇报", "[单位名称]"),
        ("联系人：[姓名]", "[姓名]"),
        ("（在这里写活动的经过和成效）", "（在这里写活动的经过和成效）"),
        ("20\\_\\_年度（Markdown 转义后）", "20__"),
    ],
)
def test_placeholders_are_found(line, found):
    problems = publication.scan_text("docs/a.md", line, set())
    assert [p.message for p in problems] == [f"这里还是模板占位符“{found}”。请换成实际内容后再发布"]


@pytest.mark.parametrize(
    "line",
    [
        "二〇〇八年成立",
        "尺码 XXL 的工作服",
        "见[单位名称说明](about.md)",
        "Linux 和 XML 协议",
        "编号 2024_01",
        "金额 1,200 元",
        "**加粗**和 __强调__",
    ],
)
def test_no_false_placeholders(line):
    assert publication.scan_text("docs/a.md", line, set()) == []


def test_broken_links_and_good_links():
    exists = publication.page_exists(["index.md", "report/01.md", "assets/logo.svg"], ["timeline/index.md"])
    body = (
        "[汇报](../report/01.md) [首页](../index.md) [动态](../timeline/) [标志](../assets/logo.svg)"
        " [外部](https://example.org) [锚点](#a) [没有](../report/09.md)"
    )
    problems = publication.broken_links("docs/activities/x.md", "activities/x.md", body, 7, exists)
    assert [(p.line, p.message) for p in problems] == [
        (7, "链接的目标“../report/09.md”不存在。请检查文件名和路径（路径相对于本文件所在的文件夹）")
    ]


def test_utf16_and_bom_become_plain_utf8():
    text = "---\ntitle: 植树\n---\n"
    assert repair.to_utf8(text.encode("utf-16"))[0] == text.encode("utf-8")
    assert repair.to_utf8(codecs.BOM_UTF8 + text.encode("utf-8"))[0] == text.encode("utf-8")
    assert repair.to_utf8(text.encode("utf-8")) == (None, [])


def test_yaml_file_repairs_keep_nesting():
    text = "routines:\n  - title： 工间操\n\u3000\u3000repeat: 工作日\n    start: 2024年3月1日   # 开始\n"
    fixed, changes = repair.yaml_lines(text, front_matter=False)
    assert fixed == "routines:\n  - title: 工间操\n    repeat: 工作日\n    start: 2024-03-01   # 开始\n"
    assert [c.line for c in changes] == [2, 3, 4]


def test_png_gps_is_removed_losslessly():
    exif = Image.Exif()
    exif.get_ifd(0x8825).update({1: "N", 2: (30.0, 1.0, 2.0)})
    im = Image.new("RGB", (20, 10), (200, 10, 10))
    buffer = io.BytesIO()
    im.save(buffer, "PNG", exif=exif.tobytes())
    new, changes = repair.strip_gps_reencoded(buffer.getvalue(), "PNG")
    assert changes and new
    with Image.open(io.BytesIO(new)) as out:
        assert not out.getexif().get_ifd(0x8825)
        assert out.convert("RGB").tobytes() == im.tobytes()


def test_jpeg_without_gps_is_left_alone():
    buffer = io.BytesIO()
    Image.new("RGB", (20, 10)).save(buffer, "JPEG")
    assert repair.strip_gps(buffer.getvalue()) == (None, [])
