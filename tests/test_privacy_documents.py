"""Personal numbers inside published documents (.docx, .pdf, .xlsx, .txt, .csv): where
the editor finds them, what unreadable documents say, and the cache that spares warm
builds from opening them again."""

from __future__ import annotations

import io
import json

import pytest
from conftest import TODAY, write

import wenmingsite
from wenmingsite.gate import doctext, publication

MOBILE = "疑似个人手机号 138****8000。公开网站上不能出现群众和职工的个人手机号，请删除，或改为单位的办公电话"
ID = "疑似居民身份证号 110105********1238。公开网站上不能出现身份证号，请删除"
PDF_HINT = "（PDF 请在原文档中修改后重新导出）"


def make_pdf(pages: list[str]) -> bytes:
    """A minimal PDF with one line of Latin text per page (Helvetica)."""
    n = len(pages)
    objs = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{' '.join(f'{4 + 2 * k} 0 R' for k in range(n))}] /Count {n} >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    for k, text in enumerate(pages):
        stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET"
        objs.append(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            f"/Resources << /Font << /F1 3 0 R >> >> /Contents {5 + 2 * k} 0 R >>"
        )
        objs.append(f"<< /Length {len(stream)} >>\nstream\n{stream}\nendstream")
    out, offsets = b"%PDF-1.4\n", []
    for i, o in enumerate(objs, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n{o}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{off:010d} 00000 n \n".encode() for off in offsets)
    return out + f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()


def encrypted_pdf(pages: list[str], user_password: str) -> bytes:
    import pypdf

    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(make_pdf(pages))))
    writer.encrypt(user_password, owner_password="owner", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def make_docx() -> bytes:
    import docx
    from docx.oxml import parse_xml

    d = docx.Document()
    d.add_paragraph("植树活动报名名单")
    d.add_paragraph("")  # empty paragraphs are not counted
    d.add_paragraph("联系人：张某，手机 138 1234 8000。")
    table = d.add_table(rows=2, cols=3)
    table.cell(0, 0).text, table.cell(0, 2).text = "姓名", "身份证号"
    table.cell(1, 0).text, table.cell(1, 2).text = "王某", "110105 1980 0101 1238"
    # a tracked deletion: gone from the page, still inside the published file
    p = d.add_paragraph("电话：")
    p._p.append(
        parse_xml(
            '<w:del xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" w:id="1" '
            'w:author="x" w:date="2024-03-05T00:00:00Z"><w:r><w:delText>13812348000</w:delText></w:r></w:del>'
        )
    )
    section = d.sections[0]
    section.header.paragraphs[0].text = "青溪市农业技术推广中心 办公电话 0571-86120318"
    section.footer.paragraphs[0].text = "经办人 139-0000-1111"
    d.core_properties.author = "张某 13812348000"
    buffer = io.BytesIO()
    d.save(buffer)
    return buffer.getvalue()


def make_xlsx() -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "台账"
    sheet["A1"], sheet["C1"] = "姓名", "联系电话"
    sheet["A12"], sheet["C12"] = "张某", 13812348000  # typed as a number
    sheet["D12"] = "１１０１０５１９８００１０１１２３８"
    sheet["E12"] = 2024
    other = book.create_sheet("王某13900001111")
    other["B2"] = "金额 13800000000 元"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def check(root, files: dict, allowed=frozenset()) -> list[str]:
    for rel, data in files.items():
        write(root, f"docs/{rel}", data)
    paths = list(files)
    return [str(p) for p in publication.document_problems(root, root / "docs", "docs", paths, set(allowed))]


def test_docx_paragraphs_tables_revisions_headers_footers_and_properties(tmp_path):
    assert check(tmp_path, {"documents/名单.docx": make_docx()}) == [
        f"docs/documents/名单.docx: 第 2 段：{MOBILE}",
        f"docs/documents/名单.docx: 第 1 个表格第 2 行第 3 列：{ID}",
        f"docs/documents/名单.docx: 第 3 段：{MOBILE}",
        "docs/documents/名单.docx: 页脚：疑似个人手机号 139****1111。公开网站上不能出现群众和职工的个人手机号，"
        "请删除，或改为单位的办公电话",
        f"docs/documents/名单.docx: 文档属性“作者”：{MOBILE}",
    ]


def test_pdf_numbers_are_reported_by_page(tmp_path):
    pdf = make_pdf(["Page one", "Office 0571-86120318", "ID 110105198001011238 end"])
    assert check(tmp_path, {"documents/x.pdf": pdf}) == [f"docs/documents/x.pdf: 第 3 页：{ID}{PDF_HINT}"]


def test_xlsx_cells_and_sheet_names(tmp_path):
    assert check(tmp_path, {"documents/台账.xlsx": make_xlsx()}) == [
        f"docs/documents/台账.xlsx: 表“台账” C12：{MOBILE}",
        f"docs/documents/台账.xlsx: 表“台账” D12：{ID}",
        "docs/documents/台账.xlsx: 工作表名称：疑似个人手机号 139****1111。公开网站上不能出现群众和职工的个人手机号，"
        "请删除，或改为单位的办公电话",
    ]


def test_txt_and_csv_give_line_and_column(tmp_path):
    csv = "姓名,电话,金额\n张某,13812348000,500\n王某,0571-86120318,300\n"
    txt = "名单\n\n  王某 110105 19800101 1238\n"
    assert check(tmp_path, {"documents/a.csv": csv, "documents/b.txt": txt}) == [
        f"docs/documents/a.csv:2:4: {MOBILE}",
        f"docs/documents/b.txt:3:6: {ID}",
    ]


def test_gbk_csv_is_a_problem_with_the_fix(tmp_path):
    assert check(tmp_path, {"documents/a.csv": "姓名,电话\n张某,13812348000\n".encode("gbk")}) == [
        "docs/documents/a.csv:1: 文件不是 UTF-8 编码（看起来是 GBK/GB18030（旧版 Windows 软件常用）），从这里开始无法识别。"
        "请用记事本或 VS Code 打开，选择“另存为”，编码选 UTF-8 后保存"
    ]


def test_units_own_number_in_a_document_is_allowed(tmp_path):
    pdf = make_pdf(["Hotline 138-1234-8000", "Volunteer 13900001111"])
    assert check(tmp_path, {"documents/x.pdf": pdf}, allowed={"13812348000"}) == [
        "docs/documents/x.pdf: 第 2 页：疑似个人手机号 139****1111。公开网站上不能出现群众和职工的个人手机号，"
        f"请删除，或改为单位的办公电话{PDF_HINT}"
    ]


CANNOT = "所以没法检查其中有没有个人手机号和身份证号"


@pytest.mark.parametrize(
    "name, data, message",
    [
        (
            "a.pdf",
            b"%PDF-1.4\nnot really a pdf",
            f"无法读取这个 PDF（文件可能已损坏或不完整），{CANNOT}。请从原文档重新导出 PDF",
        ),
        ("b.pdf", b"", f"无法读取这个 PDF（文件可能已损坏或不完整），{CANNOT}。请从原文档重新导出 PDF"),
        (
            "c.docx",
            b"PK\x03\x04 broken zip",
            f"无法打开这个 Word 文件（可能已损坏、加了密码，或是旧版 .doc 改了扩展名），{CANNOT}。"
            "请用 Word 或 WPS 打开后“另存为”.docx 格式（不要设置密码），或转成 PDF 后发布",
        ),
        (
            "d.docx",
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504),  # an encrypted Office file is OLE, not zip
            f"无法打开这个 Word 文件（可能已损坏、加了密码，或是旧版 .doc 改了扩展名），{CANNOT}。"
            "请用 Word 或 WPS 打开后“另存为”.docx 格式（不要设置密码），或转成 PDF 后发布",
        ),
        (
            "e.xlsx",
            b"not a workbook",
            f"无法打开这个 Excel 文件（可能已损坏、加了密码，或是旧版 .xls 改了扩展名），{CANNOT}。"
            "请用 Excel 或 WPS 打开后“另存为”.xlsx 格式（不要设置密码），或转成 PDF 后发布",
        ),
    ],
)
def test_unreadable_documents_are_problems_not_tracebacks(tmp_path, name, data, message):
    assert check(tmp_path, {name: data}) == [f"docs/{name}: {message}"]


def test_password_protected_pdf(tmp_path):
    locked = encrypted_pdf(["ID 110105198001011238"], "secret")
    owner_only = encrypted_pdf(["ID 110105198001011238"], "")  # opens without a password
    assert check(tmp_path, {"locked.pdf": locked, "open.pdf": owner_only}) == [
        f"docs/locked.pdf: 这个 PDF 设置了打开密码，{CANNOT}，公开后访客也打不开。请导出一份不加密码的 PDF",
        f"docs/open.pdf: 第 1 页：{ID}{PDF_HINT}",
    ]


def test_warm_build_opens_no_document_and_cache_holds_no_number(tmp_path, monkeypatch):
    files = {"documents/x.pdf": make_pdf(["ID 110105198001011238"]), "documents/a.csv": "张某,13812348000\n"}
    first = check(tmp_path, files)
    assert first == [f"docs/documents/a.csv:1:4: {MOBILE}", f"docs/documents/x.pdf: 第 1 页：{ID}{PDF_HINT}"]
    cache_file = tmp_path / ".cache" / "privacy" / "documents.json"
    stored = cache_file.read_text(encoding="utf-8")
    assert "13812348000" not in stored and "110105198001011238" not in stored
    assert not list(cache_file.parent.glob("*.tmp"))

    def no_opening(*args):
        raise AssertionError("a warm build opened a document")

    monkeypatch.setattr(doctext, "scan", no_opening)
    docs = tmp_path / "docs"
    assert [str(p) for p in publication.document_problems(tmp_path, docs, "docs", list(files), set())] == first
    monkeypatch.undo()

    # a changed document is read again; one that is gone leaves the cache
    write(tmp_path, "docs/documents/a.csv", "张某,13900001111\n")
    assert [str(p) for p in publication.document_problems(tmp_path, docs, "docs", ["documents/a.csv"], set())] == [
        "docs/documents/a.csv:1:4: 疑似个人手机号 139****1111。公开网站上不能出现群众和职工的个人手机号，"
        "请删除，或改为单位的办公电话"
    ]
    assert len(json.loads(cache_file.read_text(encoding="utf-8"))["entries"]) == 1


def test_corrupt_cache_is_rebuilt(tmp_path):
    files = {"documents/a.csv": "张某,13812348000\n"}
    write(tmp_path, ".cache/privacy/documents.json", "{not json")
    assert check(tmp_path, files) == [f"docs/documents/a.csv:1:4: {MOBILE}"]
    assert json.loads((tmp_path / ".cache/privacy/documents.json").read_text(encoding="utf-8"))["entries"]


def test_every_build_reports_documents_and_file_names(site):
    root = site(
        {
            "docs/documents/x.pdf": make_pdf(["Page one", "Page two", "ID 110105198001011238"]),
            "docs/activities/2024/张三13812348000.jpg": b"\xff\xd8\xff\xd9",
        }
    )
    _, problems = wenmingsite.load(root, today=TODAY)
    messages = [str(p) for p in problems]
    assert f"docs/documents/x.pdf: 第 3 页：{ID}{PDF_HINT}" in messages
    assert (
        "docs/activities/2024/张三13812348000.jpg: 文件名中有疑似个人手机号 138****8000。"
        "文件名会出现在网址和下载链接里，公开网站上不能出现个人号码。"
        "请给这个文件改名、去掉号码（页面或 data 中引用了它的地方也要一起改）"
    ) in messages
    assert (root / ".cache" / "privacy" / "documents.json").is_file()


def test_a_missing_parser_names_the_dependency(tmp_path, monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "openpyxl", None)  # an environment installed before the pin
    assert check(tmp_path, {"a.xlsx": b"PK"}) == [
        f"docs/a.xlsx: 缺少读取这类文件的组件 openpyxl，{CANNOT}。请在网站文件夹中运行 pip install -e . 重新安装依赖后再构建"
    ]
