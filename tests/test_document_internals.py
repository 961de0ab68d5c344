"""Documents are read completely or refused: a personal number hidden in any internal place
of a .docx, .xlsx, .pptx or .pdf (properties, links, alt text, comments, notes, formulas,
hidden sheets, annotations, attachments…) is reported with the place named; photos with GPS
and contents no library can read refuse the document; binary formats are refused with the
conversion to make; zip packages that would inflate without bound are refused unopened, at
publication and at import."""

from __future__ import annotations

import io
import tracemalloc
import zipfile

import hidden_documents as H
import pytest
from click.testing import CliRunner
from conftest import TODAY, write

import wenmingsite
from wenmingsite.commands import report_import
from wenmingsite.commands.cli import main
from wenmingsite.gate import doctext, officezip, publication

MOBILE = "疑似个人手机号 138****8000。公开网站上不能出现群众和职工的个人手机号，请删除，或改为单位的办公电话"
PDF_HINT = "（PDF 请在原文档中修改后重新导出）"
CANNOT = "所以没法检查其中有没有个人手机号和身份证号"
BOMB = (
    "这不是正常的 Office 文件，可能是恶意构造的“压缩炸弹”，为了不耗尽内存和磁盘，没有解压。"
    "请确认文件来源；如果是正常文件，请用 Word、Excel 或 WPS 打开后另存为 PDF 再使用"
)


def check(root, files: dict, allowed=frozenset()) -> list[str]:
    for rel, data in files.items():
        write(root, f"docs/{rel}", data)
    return [str(p) for p in publication.document_problems(root, root / "docs", "docs", list(files), set(allowed))]


CASES = [(fmt, place) for fmt, places in H.PLACES.items() for place in places]


@pytest.mark.parametrize("fmt, place", CASES, ids=[f"{f}-{p}" for f, p in CASES])
def test_a_number_hidden_in_one_internal_place_is_reported_there(tmp_path, fmt, place):
    build, where = H.PLACES[fmt][place]
    name = f"documents/制度.{fmt}"
    hint = PDF_HINT if fmt == "pdf" else ""
    assert check(tmp_path, {name: build(H.NUMBER)}) == [f"docs/{name}: {where}：{MOBILE}{hint}"]


@pytest.mark.parametrize("fmt, place", CASES, ids=[f"{f}-{p}" for f, p in CASES])
def test_the_same_places_without_a_number_say_nothing(tmp_path, fmt, place):
    build, _ = H.PLACES[fmt][place]
    assert check(tmp_path, {f"documents/制度.{fmt}": build("0571-86120318")}) == []  # an office number


GPS = (
    "文件里嵌入的照片带有 GPS 位置信息（{}），公开后任何人都能看到拍摄地点。"
    "请对原照片运行 wenming fix 去掉位置信息（或在手机上关闭相机的位置记录后重新导出），"
)


@pytest.mark.parametrize(
    "name, build, message",
    [
        (
            "a.docx",
            H.docx_photo_gps,
            GPS.format("word/media/image1.jpg") + "在 Word 或 WPS 中删除这些照片、重新插入处理过的照片后保存",
        ),
        (
            "b.pptx",
            H.pptx_photo_gps,
            GPS.format("ppt/media/image1.jpeg") + "在 PowerPoint 或 WPS 中删除这些照片、重新插入处理过的照片后保存",
        ),
        ("c.pdf", H.pdf_photo_gps, GPS.format("第 5 号对象的图片") + "在原文档中把它们换成处理过的照片后重新导出 PDF"),
        (
            "d.docx",
            H.docx_ole_object,
            f"文件里嵌入了本工具无法读取的内容（word/embeddings/oleObject1.bin），{CANNOT}。"
            "请在 Word 或 WPS 中删除这些嵌入对象（或换成图片），或把文件另存为 PDF 后再发布",
        ),
        (
            "e.pptx",
            H.pptx_video,
            f"文件里嵌入了本工具无法读取的内容（ppt/media/media1.mp4），{CANNOT}。"
            "请在 PowerPoint 或 WPS 中删除这些嵌入对象（或换成图片），或把文件另存为 PDF 后再发布",
        ),
        (
            "f.pdf",
            H.pdf_attached_archive,
            f"文件里嵌入了本工具无法读取的内容（附件“资料.zip”），{CANNOT}。请在原文档中删除这些附件或多媒体内容后重新导出 PDF",
        ),
    ],
)
def test_photos_with_gps_and_unreadable_contents_refuse_the_document(tmp_path, name, build, message):
    assert check(tmp_path, {name: build(H.NUMBER)}) == [f"docs/{name}: {message}"]


def test_numbers_elsewhere_are_still_reported_beside_the_refusal(tmp_path):
    lines = check(tmp_path, {"a.docx": H.docx_ole_object("", base=H.docx_core_author(H.NUMBER))})
    assert lines == [
        f"docs/a.docx: 文件里嵌入了本工具无法读取的内容（word/embeddings/oleObject1.bin），{CANNOT}。"
        "请在 Word 或 WPS 中删除这些嵌入对象（或换成图片），或把文件另存为 PDF 后再发布",
        f"docs/a.docx: 文档属性“作者”：{MOBILE}",
    ]


@pytest.mark.parametrize(
    "suffix, what, fix",
    [
        (".doc", "旧版 Word 文件（.doc）是二进制格式，", "请用 Word 或 WPS 打开后“另存为”.docx 格式或 PDF"),
        (".xls", "旧版 Excel 文件（.xls）是二进制格式，", "请用 Excel 或 WPS 打开后“另存为”.xlsx 格式或 PDF"),
        (".ppt", "旧版 PowerPoint 文件（.ppt）是二进制格式，", "请用 PowerPoint 或 WPS 打开后“另存为”.pptx 格式或 PDF"),
        (".wps", "WPS 文字文件（.wps）是二进制格式，", "请用 WPS 打开后“另存为”.docx 格式或 PDF"),
        (".et", "WPS 表格文件（.et）是二进制格式，", "请用 WPS 打开后“另存为”.xlsx 格式或 PDF"),
        (".dps", "WPS 演示文件（.dps）是二进制格式，", "请用 WPS 打开后“另存为”.pptx 格式或 PDF"),
        (".ofd", "OFD 版式文件（.ofd）", "请用 OFD 阅读器（如数科阅读器）或 WPS 打开后导出为 PDF"),
    ],
)
def test_binary_formats_are_refused_as_uncheckable_with_the_conversion(tmp_path, suffix, what, fix):
    assert check(tmp_path, {f"documents/通知{suffix}": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)}) == [
        f"docs/documents/通知{suffix}: {what}本工具无法完整读取其中的内容（正文之外还有修订记录、批注、文档属性等），"
        f"{CANNOT}。{fix}，再在 data/documents.yml 中改为新文件"
    ]


def test_a_registered_presentation_is_read_by_every_build(site):
    root = site(
        {
            "data/documents.yml": "- title: 创建工作汇报\n  issued: 2024-01-05\n  file: documents/汇报.pptx\n",
            "docs/documents/汇报.pptx": H.pptx_notes(H.NUMBER),
        }
    )
    _, problems = wenmingsite.load(root, today=TODAY)
    assert f"docs/documents/汇报.pptx: 第 1 张幻灯片的备注：{MOBILE}" in [str(p) for p in problems]


def test_a_sheet_cell_and_its_shared_string_are_one_finding(tmp_path):
    data = H.xlsx_base(lambda book: book.active.__setitem__("C2", f"张某 {H.NUMBER}"))
    assert check(tmp_path, {"a.xlsx": data}) == [f"docs/a.xlsx: 表“台账” C2：{MOBILE}"]


def test_a_string_no_cell_shows_is_still_reported(tmp_path):
    shared = (
        '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1">'
        f"<si><t>张某 {H.NUMBER}</t></si></sst>"
    )
    data = H.add_override(
        H.xlsx_base(),
        "xl/sharedStrings.xml",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml",
        {"xl/sharedStrings.xml": shared.encode()},
    )
    data = H.add_relationship(
        data, "xl/_rels/workbook.xml.rels", "rIdSst", f"{H.RT}/sharedStrings", "sharedStrings.xml"
    )
    assert check(tmp_path, {"a.xlsx": data}) == [f"docs/a.xlsx: 共享字符串表：{MOBILE}"]


def test_a_part_with_a_dtd_is_uncheckable(tmp_path):
    data = H.docx_base()
    app = H.read_member(data, "docProps/app.xml")
    app = app.replace("<Properties", f'<!DOCTYPE p [<!ENTITY n "{H.NUMBER}">]><Properties', 1)
    assert check(tmp_path, {"a.docx": H.edit_zip(data, {"docProps/app.xml": app.encode()})}) == [
        f"docs/a.docx: 文件内部的 docProps/app.xml 含有 DTD 声明（Office 不会写入），{CANNOT}。请另存为 PDF 后发布"
    ]


def test_a_workbook_renamed_docx_is_damaged_not_empty(tmp_path):
    assert check(tmp_path, {"a.docx": H.xlsx_base()}) == [
        f"docs/a.docx: 无法打开这个 Word 文件（可能已损坏、加了密码，或是旧版 .doc 改了扩展名），{CANNOT}。"
        "请用 Word 或 WPS 打开后“另存为”.docx 格式（不要设置密码），或转成 PDF 后发布"
    ]


# --- decompression bombs ---------------------------------------------------------------


@pytest.fixture(scope="module")
def docx_bomb() -> bytes:
    """3 MB that inflate to 3 GB: word/document.xml of a real .docx, 3,000 MiB of zeros."""
    return H.bomb(H.docx_base(), "word/document.xml", 3000)


def test_the_bomb_is_real(docx_bomb):
    z = zipfile.ZipFile(io.BytesIO(docx_bomb))
    assert len(docx_bomb) < 4 * 1024 * 1024
    assert sum(i.file_size for i in z.infolist()) > 3 * 10**9
    with z.open("word/document.xml") as fh:
        assert fh.read(8 << 20) == bytes(8 << 20)  # it really inflates


def test_publication_refuses_a_bomb_without_inflating_it(tmp_path, docx_bomb):
    tracemalloc.start()
    try:
        lines = check(tmp_path, {"documents/制度.docx": docx_bomb})
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert lines == [
        f"docs/documents/制度.docx: 文件内部的 word/document.xml 解压后有 2.9 GB（单个内部文件上限 128 MB）。{BOMB}"
    ]
    assert peak < 32 * 1024 * 1024  # the 3 MB file read once for its digest, nothing inflated


def test_import_refuses_a_bomb_without_inflating_it(site, tmp_path, docx_bomb):
    root = site()
    source = tmp_path / "汇报.docx"
    source.write_bytes(docx_bomb)
    tracemalloc.start()
    try:
        result = CliRunner().invoke(
            main, ["import", str(source), "--root", str(root), "--replace"], prog_name="wenming"
        )
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert result.exit_code == 1
    assert (
        result.output.strip()
        .splitlines()[-1]
        .endswith(
            f"汇报.docx 没有导入：文件内部的 word/document.xml 解压后有 2.9 GB（单个内部文件上限 128 MB）。{BOMB}"
        )
    )
    assert peak < 32 * 1024 * 1024
    assert not (root / "docs/report/images").exists()


def test_ledger_import_refuses_a_workbook_bomb(site, tmp_path):
    root = site()
    source = tmp_path / "台账.xlsx"
    source.write_bytes(H.bomb(H.xlsx_base(), "xl/worksheets/sheet1.xml", 200))
    result = CliRunner().invoke(main, ["import", str(source), "--root", str(root), "--yes"], prog_name="wenming")
    assert result.exit_code == 1
    assert (
        result.output.strip()
        .splitlines()[-1]
        .endswith(
            f"台账.xlsx 没有导入：文件内部的 xl/worksheets/sheet1.xml 解压后有 200 MB（单个内部文件上限 128 MB）。{BOMB}"
        )
    )


def test_ratio_member_count_method_and_total_are_bounded(tmp_path, monkeypatch):
    ratio = H.bomb(H.docx_base(), "word/document.xml", 20)  # 20 MiB from 20 KB
    assert check(tmp_path, {"r.docx": ratio}) == [
        f"docs/r.docx: 文件内部的 word/document.xml 压缩比达 1011:1（正常文件不超过 100:1）。{BOMB}"
    ]
    many = H.many_members(officezip.MAX_MEMBERS + 1)
    assert check(tmp_path, {"m.docx": many}) == [f"docs/m.docx: 文件里有 10001 个内部文件（上限 10000 个）。{BOMB}"]
    import io

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_BZIP2) as z:
        z.writestr("word/document.xml", b"<w/>")
    assert check(tmp_path, {"b.docx": out.getvalue()}) == [
        f"docs/b.docx: 文件内部的 word/document.xml 使用了 Office 不会使用的压缩方式（12）。{BOMB}"
    ]
    monkeypatch.setattr(officezip, "MAX_TOTAL_BYTES", 256 * 1024)  # a normal .docx is ~800 KB inflated
    assert check(tmp_path, {"t.docx": H.docx_base()}) == [
        f"docs/t.docx: 文件解压后超过 256 KB（所有内部文件合计的上限）。{BOMB}"
    ]


def test_a_member_that_lies_about_its_size_inflates_no_further(tmp_path):
    """zipfile stops at the declared size and then fails the CRC: a lying header cannot
    make a reader inflate more than the sizes that were checked."""
    data = bytearray(H.bomb(H.docx_base(), "word/document.xml", 50))
    declared = (50 << 20).to_bytes(4, "little")
    small = (2000).to_bytes(4, "little")
    data[:] = data.replace(declared, small)
    assert check(tmp_path, {"l.docx": bytes(data)}) == [
        f"docs/l.docx: 无法打开这个 Word 文件（可能已损坏、加了密码，或是旧版 .doc 改了扩展名），{CANNOT}。"
        "请用 Word 或 WPS 打开后“另存为”.docx 格式（不要设置密码），或转成 PDF 后发布"
    ]


def test_report_import_reads_an_ordinary_docx_after_the_check(tmp_path):
    source = tmp_path / "r.docx"
    source.write_bytes(H.docx_base())
    assert [b.text for b in report_import.read_source(source)] == ["关于开展文明创建活动的通知"]


def test_embedded_packages_share_one_budget(tmp_path, monkeypatch):
    monkeypatch.setattr(officezip, "MAX_TOTAL_BYTES", 1200 * 1024)
    data = H.docx_embedded_workbook("0571-86120318")  # ~800 KB outside, ~40 KB inside
    assert check(tmp_path, {"a.docx": data}) == []
    monkeypatch.setattr(doctext, "MAX_DEPTH", 3)
    nested = H.edit_zip(data, {"word/embeddings/inner.docx": data})
    types = H.read_member(nested, "[Content_Types].xml").replace(
        "</Types>",
        '<Default Extension="docx" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document"/></Types>',
    )
    nested = H.edit_zip(nested, {"[Content_Types].xml": types.encode()})
    assert check(tmp_path, {"b.docx": nested}) == [
        "docs/b.docx: 文件里嵌入了本工具无法读取的内容（word/embeddings/inner.docx），"
        f"{CANNOT}。请在 Word 或 WPS 中删除这些嵌入对象（或换成图片），或把文件另存为 PDF 后再发布"
    ]


def test_a_pdf_object_that_cannot_be_parsed_makes_it_uncheckable(tmp_path):
    """Arrays nested 5,000 deep exhaust the parser: the object is not skipped as if empty."""
    deep = "[" * 5000 + f"({H.NUMBER})" + "]" * 5000
    objects = [
        "<< /Type /Catalog /Pages 2 0 R /PieceInfo 4 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>",
        deep,
    ]
    out, offsets = b"%PDF-1.4\n", []
    for i, o in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n{o}\nendobj\n".encode()
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    assert check(tmp_path, {"deep.pdf": out}) == [
        f"docs/deep.pdf: 文件的内部对象（第 4 号）无法读取（文件可能已损坏或被改动过），{CANNOT}。请从原文档重新导出 PDF"
    ]
