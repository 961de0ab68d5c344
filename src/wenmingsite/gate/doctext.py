"""The text inside the documents a unit publishes (.docx, .xlsx, .pptx, .pdf, .txt, .csv),
read completely, each piece with a location an editor can find (第 3 页, 表“台账” C12,
第 12 段, 文档属性“作者”, 第 2 张幻灯片的备注), and the personal numbers found in it,
remembered by the file's content hash.

Completely means every place a reader's program can show and the places it keeps for
itself: an Office file is a zip of parts, and every part is read (text and attribute
values of every XML part, link targets, pictures' metadata, documents embedded in it);
a part of a kind that cannot be read (an OLE object, a video) makes the document
uncheckable. A PDF's pages are read, then every object (document information, XMP,
annotations and what they draw, links, bookmarks, form fields, layers, attachments,
photos). Binary formats (.doc, .xls, .ppt, .wps, .et, .dps, .ofd) cannot be read
completely with the installed libraries and are refused with the conversion to make.
Zip packages are opened through officezip, which refuses decompression bombs.

Extraction is the slow part (a long PDF takes seconds), and documents rarely change, so
the findings of each file content are kept in ``.cache/privacy/documents.json`` beside
mkdocs.yml. A warm build stats each document, looks its digest up and opens nothing. The
key includes the source of this module, of privacy.py, officezip.py and images.py and the
parsers' versions, so a changed detector never answers from an old cache. The cache holds
masked numbers and a short hash of each number (for the unit's allowed numbers), never the
numbers themselves.
"""

from __future__ import annotations

import codecs
import hashlib
import html
import importlib.metadata
import io
import json
import logging
import posixpath
import re
import urllib.parse
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from wenmingsite.gate import images, officezip, privacy
from wenmingsite.loading.patterns import lazy
from wenmingsite.loading.problems import Problem, ProblemError
from wenmingsite.loading.textfile import read_text

OFFICE_PACKAGES = (".docx", ".xlsx", ".pptx")
# Binary formats no installed library parses completely: refused as uncheckable.
# suffix -> (what it is, the program that converts it, the format to save as)
BINARY_FORMATS = {
    ".doc": ("旧版 Word 文件（.doc）", "Word 或 WPS", ".docx"),
    ".xls": ("旧版 Excel 文件（.xls）", "Excel 或 WPS", ".xlsx"),
    ".ppt": ("旧版 PowerPoint 文件（.ppt）", "PowerPoint 或 WPS", ".pptx"),
    ".wps": ("WPS 文字文件（.wps）", "WPS", ".docx"),
    ".et": ("WPS 表格文件（.et）", "WPS", ".xlsx"),
    ".dps": ("WPS 演示文件（.dps）", "WPS", ".pptx"),
    ".ofd": ("OFD 版式文件（.ofd）", "OFD 阅读器（如数科阅读器）或 WPS", None),
}
DOCUMENT_TYPES = (".pdf", *OFFICE_PACKAGES, ".txt", ".csv", *BINARY_FORMATS)
CACHE_DIR = Path(".cache") / "privacy"
CACHE_VERSION = 3  # 3: the texts a reader reads, for the sensitive-information check
CJK = lazy("[\u4e00-\u9fff]")
MAX_DEPTH = 3  # documents inside documents (a chart's workbook inside a .docx inside a PDF)

CANNOT_CHECK = "所以没法检查其中有没有个人手机号和身份证号"
APPS = {".docx": "Word 或 WPS", ".xlsx": "Excel 或 WPS", ".pptx": "PowerPoint 或 WPS"}
KINDS = {".docx": "Word", ".xlsx": "Excel", ".pptx": "PowerPoint"}
MAIN_TYPES = {
    ".docx": ("wordprocessingml", "ms-word"),
    ".xlsx": ("spreadsheetml", "ms-excel"),
    ".pptx": ("presentationml", "ms-powerpoint"),
}


@dataclass(frozen=True)
class Piece:
    """Text at one place in a document; ``first_line`` for plain text files, whose problems
    carry a line and column instead of a location word. A ``fallback`` piece (a PDF object
    no more specific reader claimed) is reported only for numbers found nowhere else."""

    where: str
    text: str
    first_line: int | None = None
    fallback: bool = False
    prose: bool = False  # what a reader reads (a paragraph, a page, a row): also checked by gate.sensitive
    numbers: bool = True  # searched for personal numbers (a row joined from cells searched one by one is not)


class _Refusals:
    """What makes a document uncheckable or unpublishable, said together after everything
    readable in it has been scanned (so its numbers are reported as well)."""

    def __init__(self) -> None:
        self.gps: list[str] = []
        self.unknown: list[str] = []
        self.broken: list[int] = []  # PDF objects that cannot be parsed
        self.budget = officezip.MAX_TOTAL_BYTES  # shared by the packages nested in one document

    def spend(self, zf: zipfile.ZipFile) -> None:
        self.budget -= sum(i.file_size for i in zf.infolist())
        if self.budget < 0:
            raise officezip.UnsafeZip(
                f"文件和其中嵌入的文件解压后合计超过 {officezip.MAX_TOTAL_BYTES // 1024 // 1024} MB。"
                f"{officezip.BOMB}{officezip.BOMB_FIX}"
            )

    def message(self, suffix: str) -> str | None:
        pdf = suffix == ".pdf"
        app = APPS.get(suffix, "")
        out = []
        if self.unknown:
            fix = (
                "请在原文档中删除这些附件或多媒体内容后重新导出 PDF"
                if pdf
                else f"请在 {app} 中删除这些嵌入对象（或换成图片），或把文件另存为 PDF 后再发布"
            )
            out.append(f"文件里嵌入了本工具无法读取的内容（{'、'.join(self.unknown)}），{CANNOT_CHECK}。{fix}")
        if self.broken:
            shown = "、".join(f"第 {n} 号" for n in self.broken[:5]) + ("等" if len(self.broken) > 5 else "")
            out.append(
                f"文件的内部对象（{shown}）无法读取（文件可能已损坏或被改动过），{CANNOT_CHECK}。请从原文档重新导出 PDF"
            )
        if self.gps:
            where = (
                "在原文档中把它们换成处理过的照片后重新导出 PDF"
                if pdf
                else f"在 {app} 中删除这些照片、重新插入处理过的照片后保存"
            )
            out.append(
                f"文件里嵌入的照片带有 GPS 位置信息（{'、'.join(self.gps)}），公开后任何人都能看到拍摄地点。"
                f"请对原照片运行 wenming fix 去掉位置信息（或在手机上关闭相机的位置记录后重新导出），{where}"
            )
        return "；另外，".join(out) or None


def pieces(path: Path, rel: str) -> Iterator[Piece]:
    """Every piece of text in the document, from every place a reader's program can show
    (and the places it keeps for itself); raises :class:`ProblemError` (in Chinese) for a
    document that cannot be read completely, after yielding what it could read."""
    suffix = path.suffix.lower()
    if suffix in (".txt", ".csv"):
        yield Piece("", read_text(path, rel), 1, prose=True)
        return
    if suffix in BINARY_FORMATS:
        what, app, target = BINARY_FORMATS[suffix]
        save = f"“另存为”{target} 格式或 PDF" if target else "导出为 PDF"
        raise _unreadable(
            rel,
            f"{what}{'' if suffix == '.ofd' else '是二进制格式，'}本工具无法完整读取其中的内容（正文之外还有修订记录、批注、文档属性等），"
            f"{CANNOT_CHECK}。请用 {app} 打开后{save}，再在 data/documents.yml 中改为新文件",
        )
    if suffix not in (".pdf", *OFFICE_PACKAGES):
        raise ValueError(f"not a document type: {path}")
    refusals = _Refusals()
    try:
        yield from _document(path, suffix, refusals, 0)
    except _Unreadable as exc:
        raise _unreadable(rel, str(exc)) from None
    if message := refusals.message(suffix):
        raise _unreadable(rel, message)


class _Unreadable(Exception):
    """The document (or one inside it) cannot be read; the message is Chinese."""


def _unreadable(rel: str, message: str) -> ProblemError:
    return ProblemError(Problem(rel, None, None, message))


def _library(name: str, dist: str):
    """The parser module, or a problem naming the missing dependency (an old environment)."""
    import importlib

    try:
        return importlib.import_module(name)
    except ImportError:
        raise _Unreadable(
            f"缺少读取这类文件的组件 {dist}，{CANNOT_CHECK}。请在网站文件夹中运行 pip install -e . 重新安装依赖后再构建"
        ) from None


def _document(source: Path | io.BytesIO, suffix: str, refusals: _Refusals, depth: int) -> Iterator[Piece]:
    if suffix == ".pdf":
        yield from _pdf(source, refusals, depth)
    else:
        yield from _package(source, suffix, refusals, depth)


def _damaged(suffix: str) -> str:
    kind, app = KINDS[suffix], APPS[suffix]
    old = {".docx": ".doc", ".xlsx": ".xls", ".pptx": ".ppt"}[suffix]
    return (
        f"无法打开这个 {kind} 文件（可能已损坏、加了密码，或是旧版 {old} 改了扩展名），{CANNOT_CHECK}。"
        f"请用 {app} 打开后“另存为”{suffix} 格式（不要设置密码），或转成 PDF 后发布"
    )


def mask(text: str) -> str:
    """``text`` with every personal number in it replaced by its masked form."""
    found = privacy.find(text)
    for f in reversed(found):
        text = text[: f.start] + f.masked + text[f.end :]
    return text


def _lines_with_numbers(text: str) -> bool:
    return bool(privacy.CANDIDATE.search(text))


# --- Office packages (.docx, .xlsx, .pptx): every part of the zip ------------------------

NS_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
IMAGE_PARTS = (".png", ".jpg", ".jpeg", ".jpe", ".gif", ".bmp", ".tif", ".tiff", ".webp", ".heic", ".heif")
# Vector pictures and their compressed forms: drawings the editor sees as they are.
PICTURE_PARTS = (".emf", ".wmf", ".emz", ".wmz", ".wdp", ".jxr", ".hdp", ".ico", ".pict")
FONT_PARTS = (".odttf", ".ttf", ".otf", ".fntdata", ".woff", ".woff2", ".eot")
XML_PARTS = (".xml", ".rels", ".vml", ".svg")
TEXT_PARTS = (".txt", ".csv", ".htm", ".html", ".mht", ".mhtml", ".rtf")
NESTED = {
    ".docx": ".docx",
    ".docm": ".docx",
    ".dotx": ".docx",
    ".xlsx": ".xlsx",
    ".xlsm": ".xlsx",
    ".xltx": ".xlsx",
    ".pptx": ".pptx",
    ".pptm": ".pptx",
    ".potx": ".pptx",
    ".pdf": ".pdf",
}
_PARSER = None


def _xml_parser():
    global _PARSER
    if _PARSER is None:
        from lxml import etree

        # No DTDs, no entities, no network: Office never writes a DTD.
        _PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, remove_blank_text=False)
    return _PARSER


def _parse_xml(data: bytes, name: str):
    from lxml import etree

    try:
        root = etree.fromstring(data, _xml_parser())
    except etree.XMLSyntaxError:
        return None
    if root.getroottree().docinfo.internalDTD is not None:
        raise _Unreadable(f"文件内部的 {name} 含有 DTD 声明（Office 不会写入），{CANNOT_CHECK}。请另存为 PDF 后发布")
    return root


def _local(tag) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _family(tag) -> str:
    """w (WordprocessingML), a (DrawingML), s (SpreadsheetML), p (PresentationML), m (math)."""
    if not isinstance(tag, str) or not tag.startswith("{"):
        return ""
    ns = tag[1:].split("}", 1)[0]
    for key, family in (
        ("wordprocessingml", "w"),
        ("drawingml/2006/main", "a"),
        ("drawingml/main", "a"),
        ("spreadsheetml", "s"),
        ("presentationml", "p"),
        ("officeDocument/2006/math", "m"),
        ("officeDocument/math", "m"),
    ):
        if key in ns:
            return family
    return ""


def _rid(el) -> str:
    """The r:id of an element, transitional or strict (ISO 29500) namespace."""
    for key, value in el.attrib.items():
        if _local(key) == "id" and "relationships" in key:
            return value
    return ""


def _qname(el) -> str:
    return f"{el.prefix}:{_local(el.tag)}" if el.prefix else _local(el.tag)


class _Package:
    """One zip of parts: its content types and relationships."""

    def __init__(self, zf: zipfile.ZipFile):
        self.zf = zf
        self.names = [i.filename for i in zf.infolist() if not i.is_dir()]
        self.defaults: dict[str, str] = {}
        self.overrides: dict[str, str] = {}
        if "[Content_Types].xml" in self.names:
            root = _parse_xml(zf.read("[Content_Types].xml"), "[Content_Types].xml")
            for el in root.iter() if root is not None else ():
                if _local(el.tag) == "Default":
                    self.defaults[(el.get("Extension") or "").lower()] = el.get("ContentType") or ""
                elif _local(el.tag) == "Override":
                    self.overrides[(el.get("PartName") or "").lstrip("/")] = el.get("ContentType") or ""
        self._rels: dict[str, dict[str, tuple[str, str, bool]]] = {}

    def content_type(self, name: str) -> str:
        if name in self.overrides:
            return self.overrides[name]
        return self.defaults.get(posixpath.splitext(name)[1].lstrip(".").lower(), "")

    def rels(self, part: str) -> dict[str, tuple[str, str, bool]]:
        """Relationship id -> (type, target part or URL, external) of ``part`` ("" = package)."""
        if part not in self._rels:
            folder, base = posixpath.split(part)
            name = posixpath.join(folder, "_rels", f"{base}.rels")
            out: dict[str, tuple[str, str, bool]] = {}
            if name in self.names:
                root = _parse_xml(self.zf.read(name), name)
                for el in root.iter() if root is not None else ():
                    if _local(el.tag) != "Relationship":
                        continue
                    target = el.get("Target") or ""
                    external = el.get("TargetMode") == "External"
                    if not external:
                        target = posixpath.normpath(
                            target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
                        )
                    out[el.get("Id") or ""] = (el.get("Type") or "", target, external)
            self._rels[part] = out
        return self._rels[part]

    def main(self) -> str | None:
        """The main part (word/document.xml, xl/workbook.xml, ppt/presentation.xml)."""
        return next(
            (t for kind, t, ext in self.rels("").values() if not ext and kind.endswith("/officeDocument")), None
        )

    def rel_source(self, rels_name: str) -> str:
        folder, base = posixpath.split(rels_name)
        return posixpath.join(posixpath.dirname(folder), base[: -len(".rels")])


def _package(source: Path | io.BytesIO, suffix: str, refusals: _Refusals, depth: int) -> Iterator[Piece]:
    import zipfile as _zipfile

    if suffix == ".xlsx":
        _library("openpyxl", "openpyxl")
    try:
        zf = officezip.open_checked(source)
    except officezip.UnsafeZip as exc:
        raise _Unreadable(f"{exc}") from None
    except (_zipfile.BadZipFile, OSError, ValueError, EOFError, KeyError):
        raise _Unreadable(_damaged(suffix)) from None
    out: list[Piece] = []
    try:
        refusals.spend(zf)
        package = _Package(zf)
        main = package.main()
        if main is None or not any(k in package.content_type(main) for k in MAIN_TYPES[suffix]):
            raise _Unreadable(_damaged(suffix))  # another kind of zip, or a package renamed
        labels = _Labels(package, suffix)
        if suffix == ".xlsx":
            out += _xlsx_cells(zf, source, labels)

        def order(name: str) -> int:  # the editor reads the body first, the properties last
            if name == main:
                return 0
            if name in labels.fixed:
                return 1
            return 3 if labels.kind(name) in ("properties", "custom") else 2

        for name in sorted(package.names, key=order):
            out += _member(package, name, labels, refusals, depth)
    except officezip.UnsafeZip as exc:
        raise _Unreadable(str(exc)) from None
    except _Unreadable:
        raise
    except Exception:  # any parser error on a damaged or disguised file
        raise _Unreadable(_damaged(suffix)) from None
    finally:
        zf.close()
    yield from out


def _member(package: _Package, name: str, labels: _Labels, refusals: _Refusals, depth: int) -> list[Piece]:
    low = name.lower()
    ext = posixpath.splitext(low)[1]
    ctype = package.content_type(name)
    if low.endswith(XML_PARTS) or ctype.endswith("xml") or name == "[Content_Types].xml":
        data = package.zf.read(name)
        root = _parse_xml(data, name)
        if root is None:  # legacy VML is often not well-formed: read it as it stands, tags and all
            return [Piece(labels.of(name), html.unescape(_decode(data)))]
        if low.endswith(".rels"):
            return list(_rels_pieces(package, name, root, labels))
        return list(_xml_pieces(root, name, labels))
    if ext in IMAGE_PARTS:
        return _image(package.zf.read(name), f"嵌入的图片 {name}", name, refusals)
    if ext in PICTURE_PARTS or ext in FONT_PARTS:
        return []  # drawn as they are: what a reader sees, the editor has seen
    if "printersettings" in low and ext == ".bin":
        data = package.zf.read(name)  # a DEVMODE: the printer's name in UTF-16
        return [Piece("打印机设置", data.decode("utf-16-le", errors="replace").replace("\x00", "\n"))]
    if ext in TEXT_PARTS:
        data = package.zf.read(name)
        return [Piece(f"嵌入的文字内容 {name}", html.unescape(_decode(data)))]
    if ext in NESTED and depth < MAX_DEPTH:
        inner = io.BytesIO(package.zf.read(name))
        prefix = f"嵌入的文件 {name} 中的"
        try:
            return [
                Piece(prefix + p.where, p.text, None, p.fallback, p.prose, p.numbers)
                for p in _document(inner, NESTED[ext], refusals, depth + 1)
            ]
        except _Unreadable:
            refusals.unknown.append(name)
            return []
    refusals.unknown.append(name)
    return []


def _decode(data: bytes) -> str:
    for bom, codec in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return data.decode(codec, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("gb18030", errors="replace")


def _image(data: bytes, where: str, name: str, refusals: _Refusals) -> list[Piece]:
    """A picture inside a document: GPS in its EXIF or XMP refuses the document; text in its
    metadata (EXIF fields, XMP, comments, PNG text chunks) is scanned."""
    from wenmingsite.gate import images

    try:
        blocks = images.metadata_blocks(io.BytesIO(data))
    except Exception:
        blocks = []
    if any(images.block_has_gps(b) for b in blocks):
        refusals.gps.append(name)
    texts = [data.decode("utf-8", errors="replace")]
    # Windows' XP* fields are UTF-16, at whichever byte alignment the writer left them
    texts += [b.payload[k:].decode("utf-16-le", errors="replace") for b in blocks if b.format == "exif" for k in (0, 1)]
    return [Piece(f"{where} 的照片信息", "\n".join(t.replace("\x00", "\n") for t in texts))]


# Where a part is, for the editor (content type -> words), in the order they are tried.
PART_LABELS = (
    ("wordprocessingml.document.glossary", "文档部件库"),
    ("wordprocessingml.header", "页眉"),
    ("wordprocessingml.footer", "页脚"),
    ("wordprocessingml.footnotes", "脚注"),
    ("wordprocessingml.endnotes", "尾注"),
    ("wordprocessingml.comments", "批注"),
    ("ms-word.comments", "批注"),
    ("ms-word.people", "批注人"),
    ("wordprocessingml.document.main", "正文"),
    ("wordprocessingml.template.main", "正文"),
    ("ms-word.document.macroEnabled.main", "正文"),
    ("spreadsheetml.sharedStrings", "共享字符串表"),
    ("ms-excel.person", "批注人"),
    ("spreadsheetml.pivotCache", "数据透视表缓存"),
    ("spreadsheetml.pivotTable", "数据透视表"),
    ("spreadsheetml.externalLink", "外部链接"),
    ("spreadsheetml.table+", "表格区域"),
    ("spreadsheetml.sheet.main", "工作簿"),
    ("spreadsheetml.template.main", "工作簿"),
    ("ms-excel.sheet.macroEnabled.main", "工作簿"),
    ("presentationml.slideMaster", "幻灯片母版"),
    ("presentationml.slideLayout", "幻灯片版式"),
    ("presentationml.notesMaster", "备注母版"),
    ("presentationml.handoutMaster", "讲义母版"),
    ("presentationml.comments", "批注"),
    ("ms-powerpoint.comments", "批注"),
    ("presentationml.commentAuthors", "批注人"),
    ("ms-powerpoint.authors", "批注人"),
    ("presentationml.presentation.main", "演示文稿"),
    ("presentationml.template.main", "演示文稿"),
    ("presentationml.slideshow.main", "演示文稿"),
    ("drawingml.chart", "图表"),
    ("drawingml.diagram", "SmartArt 图形"),
    ("package.core-properties", "文档属性"),
    ("extended-properties", "文档属性"),
    ("custom-properties", "自定义文档属性"),
)
CORE_LABELS = {
    "title": "标题",
    "subject": "主题",
    "creator": "作者",
    "keywords": "关键词",
    "description": "备注",
    "lastModifiedBy": "最后修改者",
    "category": "类别",
    "contentStatus": "状态",
    "identifier": "标识符",
    "language": "语言",
    "version": "版本",
    "revision": "修订号",
    "Company": "单位",
    "Manager": "经理",
    "Template": "模板",
    "HyperlinkBase": "超链接基础",
    "TitlesOfParts": "各部分标题",
    "HeadingPairs": "各部分标题",
    "Application": "应用程序",
}
ATTR_LABELS = {
    "descr": "图片或图形的替代文字",
    "title": "图片或图形的标题",
    "alt": "图片或图形的替代文字",
    "tooltip": "链接的提示文字",
    "author": "修订或批注的作者",
    "initials": "批注作者的缩写",
    "instr": "域代码",
    "name": "对象名称",
}


class _Labels:
    """Words for where a part is: sheet names, slide numbers, and the part's kind."""

    def __init__(self, package: _Package, suffix: str):
        self.package = package
        self.suffix = suffix
        self.fixed: dict[str, str] = {}
        self.sheet_titles: dict[str, str] = {}  # sheet title -> label (openpyxl's cells)
        self.sheet_of: dict[str, str] = {}  # comments/drawing part -> its sheet's label
        main = package.main()
        if main and suffix == ".xlsx":
            self._sheets(main)
        if main and suffix == ".pptx":
            self._slides(main)

    def _sheets(self, workbook: str) -> None:
        root = _parse_xml(self.package.zf.read(workbook), workbook) if workbook in self.package.names else None
        rels = self.package.rels(workbook)
        for el in root.iter() if root is not None else ():
            if _local(el.tag) != "sheet":
                continue
            title = el.get("name") or ""
            hidden = "（隐藏）" if el.get("state") in ("hidden", "veryHidden") else ""
            label = f"表“{mask(title)}”{hidden}"
            self.sheet_titles[title] = label
            target = rels.get(_rid(el), ("", "", True))
            if target[2]:
                continue
            self.fixed[target[1]] = label
            for _, part, external in self.package.rels(target[1]).values():
                if not external:
                    self.sheet_of[part] = label

    def _slides(self, presentation: str) -> None:
        root = _parse_xml(self.package.zf.read(presentation), presentation)
        rels = self.package.rels(presentation)
        number = 0
        for el in root.iter() if root is not None else ():
            if _local(el.tag) != "sldId":
                continue
            target = rels.get(_rid(el), ("", "", True))
            if target[2] or target[1] not in self.package.names:
                continue
            number += 1
            slide = _parse_xml(self.package.zf.read(target[1]), target[1])
            hidden = "（隐藏）" if slide is not None and slide.get("show") in ("0", "false") else ""
            self.fixed[target[1]] = f"第 {number} 张幻灯片{hidden}"
            for kind, part, external in self.package.rels(target[1]).values():
                if not external and kind.endswith("/notesSlide"):
                    self.fixed[part] = f"第 {number} 张幻灯片{hidden}的备注"
                elif not external and kind.endswith("/comments"):
                    self.fixed[part] = f"第 {number} 张幻灯片{hidden}的批注"

    def of(self, name: str) -> str:
        if name in self.fixed:
            return self.fixed[name]
        ctype = self.package.content_type(name)
        if name in self.sheet_of:
            sheet = self.sheet_of[name]
            if "comments" in ctype.lower():
                return f"{sheet}的批注"
            if "drawing" in ctype.lower():
                return f"{sheet}中的图形"
            if "spreadsheetml.table+" in ctype:
                return f"{sheet}中的表格区域"
            return f"{sheet}（{name}）"
        if ctype.startswith("application/vnd.openxmlformats-officedocument.customXml") or name.startswith("customXml/"):
            return f"自定义 XML 数据（{name}）"
        for key, label in PART_LABELS:
            if key in ctype:
                return label
        return f"文件内部的 {name}"

    def kind(self, name: str) -> str:
        ctype = self.package.content_type(name)
        if "package.core-properties" in ctype or "extended-properties" in ctype:
            return "properties"
        if "custom-properties" in ctype:
            return "custom"
        if "spreadsheetml.worksheet" in ctype and name in self.fixed:
            return "sheet"
        if "spreadsheetml.sharedStrings" in ctype:
            return "shared"
        if name in self.sheet_of and "comments" in ctype.lower():
            return "sheet-comments"
        if any(k in ctype for k in ("wordprocessingml.document.main", "wordprocessingml.template.main")) or (
            "ms-word.document.macroEnabled.main" in ctype
        ):
            return "body"
        if "spreadsheetml.sheet.main" in ctype or "ms-excel.sheet.macroEnabled.main" in ctype:
            return "workbook"
        return "other"


def _rels_pieces(package: _Package, name: str, root, labels: _Labels) -> Iterator[Piece]:
    source = package.rel_source(name)
    label = "文件本身" if source == "" else labels.of(source)
    for el in root.iter():
        if _local(el.tag) != "Relationship":
            continue
        target = el.get("Target") or ""
        if el.get("TargetMode") == "External":
            # What a click opens, as the reader's program decodes it (tel:138%2012…).
            yield Piece(f"{label}中的链接地址", urllib.parse.unquote(target))
        else:
            yield Piece(f"文件内部的 {name}", target)


W_TEXT = {  # WordprocessingML text: deleted revisions and field codes are still in the file
    "t": None,
    "delText": None,
    "instrText": " ",
    "tab": "\t",
    "br": "\n",
    "cr": "\n",
    "noBreakHyphen": "-",
}


def _paragraph_texts(root) -> tuple[dict[Any, str], set]:
    """Each paragraph's text (Word's w:p, DrawingML's a:p, a spreadsheet's string items),
    and the elements whose text they took."""
    texts: dict[Any, str] = {}
    taken: set = set()
    for el in root.iter():
        family, local = _family(el.tag), _local(el.tag)
        if family == "w" and local == "p":
            chunks = []
            for t in el.iter():
                f, name = _family(t.tag), _local(t.tag)
                if not ((f == "w" and name in W_TEXT) or (f == "m" and name == "t")):
                    continue
                if _owner(t, "w", "p") is not el:  # a text box's own paragraph, taken on its own
                    continue
                fixed = W_TEXT.get(name) if f == "w" else None
                chunks.append(t.text or "" if fixed is None else fixed)
                taken.add(t)
            texts[el] = "".join(chunks)
        elif family == "a" and local == "p":
            chunks = []
            for t in el.iter():
                if _family(t.tag) == "a" and _local(t.tag) in ("t", "br"):
                    chunks.append(t.text or "" if _local(t.tag) == "t" else "\n")
                    taken.add(t)
            texts[el] = "".join(chunks)
        elif family == "s" and local in ("si", "is", "text"):
            chunks = []
            for t in el.iter():
                if _family(t.tag) == "s" and _local(t.tag) == "t":
                    chunks.append(t.text or "")
                    taken.add(t)
            texts[el] = "".join(chunks)
    return texts, taken


def _owner(el, family: str, local: str):
    up = el.getparent()
    while up is not None and not (_family(up.tag) == family and _local(up.tag) == local):
        up = up.getparent()
    return up


def _body_places(root, paragraphs: dict[Any, str]) -> dict[Any, str]:
    """Word body paragraphs as the editor counts them: 第 n 段, table cells, text boxes."""
    body = next((el for el in root.iter() if _family(el.tag) == "w" and _local(el.tag) == "body"), root)
    tables = {t: i for i, t in enumerate((el for el in body.iter() if _local(el.tag) == "tbl"), 1)}
    out: dict[Any, str] = {}
    paragraph = 0
    for p, text in paragraphs.items():
        if _family(p.tag) != "w":
            out[p] = "文本框或图形"
            continue
        cell = row = table = None
        in_box = False
        up = p.getparent()
        while up is not None and up is not body:
            local = _local(up.tag)
            if local == "txbxContent":
                in_box = True
            elif local == "tc" and cell is None:
                cell = up
            elif local == "tr" and row is None:
                row = up
            elif local == "tbl" and table is None:
                table = up
            up = up.getparent()
        if in_box:
            out[p] = "文本框"
        elif table is not None and row is not None and cell is not None:
            r = [x for x in table if _local(x.tag) == "tr"].index(row) + 1
            c = [x for x in row if _local(x.tag) == "tc"].index(cell) + 1
            out[p] = f"第 {tables[table]} 个表格第 {r} 行第 {c} 列"
        elif text.strip():
            paragraph += 1
            out[p] = f"第 {paragraph} 段"
    return out


def _xml_pieces(root, name: str, labels: _Labels) -> Iterator[Piece]:
    """Every text and attribute value of one XML part, each with where the editor finds it."""
    kind = labels.kind(name)
    label = labels.of(name)
    paragraphs, taken = _paragraph_texts(root)
    places = _body_places(root, paragraphs) if kind == "body" else {}

    def base(el) -> str:
        if kind in ("properties", "custom"):
            return _property_label(root, el, kind)
        if kind == "sheet":
            return _sheet_place(el, label)
        if kind == "sheet-comments":
            ref = next(
                (up.get("ref") for up in (el, *el.iterancestors()) if _local(up.tag) in ("comment", "threadedComment")),
                None,
            )
            return f"{labels.sheet_of[name]} {ref} 的批注" if ref else label
        if kind == "workbook":
            for up in (el, *el.iterancestors()):
                if _local(up.tag) == "definedName":
                    return f"名称“{mask(up.get('name') or '')}”"
                if _local(up.tag) == "sheet":
                    return "工作表名称"
        p = el if el in paragraphs else next((up for up in el.iterancestors() if up in paragraphs), None)
        return places.get(p, label) if p is not None else label

    fallback = kind == "shared"  # a string no cell shows is reported only when no cell has it
    plain = kind in ("properties", "custom", "sheet", "workbook", "sheet-comments")
    # Only text that could hold a number, or a paragraph in Chinese (gate.sensitive reads it), is
    # placed (finding the place walks up the tree).
    for p, text in paragraphs.items():
        if _lines_with_numbers(text) or (not plain and CJK.search(text)):
            yield Piece(base(p), text, None, fallback, prose=not plain)
    for el in root.iter():
        if isinstance(el.tag, str):
            if el.text and _lines_with_numbers(el.text) and el not in taken and el not in paragraphs:
                where = base(el) if plain else f"{base(el)}（内部数据 {_qname(el)}）"
                yield Piece(where, el.text, None, fallback)
            for key, value in el.attrib.items():
                if _lines_with_numbers(value):
                    attr = _local(key)
                    if kind == "workbook":
                        where = base(el)
                    elif kind == "custom" and attr == "name":
                        where = "自定义文档属性的名称"
                    else:
                        where = f"{base(el)}中{ATTR_LABELS.get(attr, f'的内部属性 {attr}')}"
                    yield Piece(where, value, None, fallback)
        elif el.text and _lines_with_numbers(el.text):  # comments and processing instructions
            yield Piece(f"{label}（XML 注释）", el.text)
        if el.tail and _lines_with_numbers(el.tail):
            yield Piece(f"{label}（内部数据）", el.tail)


def _property_label(root, el, kind: str) -> str:
    top = el
    while top.getparent() is not None and top.getparent() is not root:
        top = top.getparent()
    if kind == "custom":
        return f"自定义文档属性“{mask(top.get('name') or '')}”"
    local = _local(top.tag) if top is not root else ""
    return f"文档属性“{CORE_LABELS.get(local, local)}”"


def _sheet_place(el, label: str) -> str:
    cell = None
    for up in (el, *el.iterancestors()):
        local = _local(up.tag)
        if local == "c" and cell is None:
            cell = up.get("r")
            if _local(el.tag) == "f":
                return f"{label} {cell} 的公式"
        elif local == "hyperlink":
            return f"{label} {up.get('ref')} 的超链接"
        elif local == "headerFooter":
            return f"{label}的{'页脚' if 'Footer' in _local(el.tag) else '页眉'}"
        elif local == "dataValidation":
            return f"{label} {up.get('sqref')} 的数据有效性（下拉列表）"
        elif local == "conditionalFormatting":
            return f"{label}的条件格式"
    return f"{label} {cell}" if cell else f"{label}（内部数据 {_qname(el)}）"


def _formula_strings(formula: str) -> str:
    """The string literals of a formula joined, as Excel shows ="138 1234"&"8000"."""
    if "&" not in formula and "CONCAT" not in formula.upper():
        return ""
    return "".join(m.group(1).replace('""', '"') for m in re.finditer(r'"((?:[^"]|"")*)"', formula))


def _cell_text(value) -> str | None:
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e16:
        return str(int(value))  # a mobile number typed as a number
    return None


def _xlsx_cells(zf: zipfile.ZipFile, source: Path | io.BytesIO, labels: _Labels) -> list[Piece]:
    """Cell values as Excel shows them (openpyxl: shared strings, numbers typed as numbers),
    and the joined string literals of formulas, which Excel shows once it recalculates."""
    openpyxl = _library("openpyxl", "openpyxl")
    out: list[Piece] = []
    if isinstance(source, io.BytesIO):
        source.seek(0)
    book = openpyxl.load_workbook(source, read_only=True, data_only=True)
    try:
        for sheet in book.worksheets:
            label = labels.sheet_titles.get(sheet.title, f"表“{mask(sheet.title)}”")
            for number, row in enumerate(sheet.iter_rows(), 1):
                line = []
                for cell in row:
                    text = _cell_text(getattr(cell, "value", None))
                    if text and len(text) >= privacy.MIN_DIGITS:
                        out.append(Piece(f"{label} {cell.coordinate}", text))
                    if text:
                        line.append(text.replace("\n", " "))
                if CJK.search(joined_row := " ".join(line)):  # a name and its detail sit in one row
                    out.append(Piece(f"{label} 第 {number} 行", joined_row, prose=True, numbers=False))
    finally:
        book.close()
    for part, label in labels.fixed.items():
        if part not in labels.package.names or "worksheet" not in labels.package.content_type(part):
            continue
        root = _parse_xml(zf.read(part), part)
        for el in root.iter() if root is not None else ():
            if _local(el.tag) == "f" and el.text and (joined := _formula_strings(el.text)):
                cell = el.getparent().get("r") if el.getparent() is not None else None
                out.append(Piece(f"{label} {cell} 的公式", joined))
    return out


# --- PDF: pages, and every object a reader's program can show ----------------------------

PDF_INFO_LABELS = {
    "/Title": "标题",
    "/Author": "作者",
    "/Subject": "主题",
    "/Keywords": "关键词",
    "/Creator": "创建程序",
    "/Producer": "生成程序",
}
PDF_MEDIA = ("/3D", "/RichMedia", "/Movie", "/Sound", "/Screen")


def _pdf(source: Path | io.BytesIO, refusals: _Refusals, depth: int) -> Iterator[Piece]:
    pypdf = _library("pypdf", "pypdf")

    quiet = logging.getLogger("pypdf")
    level = quiet.level
    quiet.setLevel(logging.ERROR)  # pypdf warns about every repaired cross-reference table
    try:
        try:
            reader = pypdf.PdfReader(source, strict=False)
            encrypted = reader.is_encrypted
        except Exception:
            raise _Unreadable(
                f"无法读取这个 PDF（文件可能已损坏或不完整），{CANNOT_CHECK}。请从原文档重新导出 PDF"
            ) from None
        if encrypted:
            try:
                opened = reader.decrypt("") != pypdf.PasswordType.NOT_DECRYPTED
            except Exception:  # e.g. AES without a crypto library
                opened = False
            if not opened:
                raise _Unreadable(
                    f"这个 PDF 设置了打开密码，{CANNOT_CHECK}，公开后访客也打不开。请导出一份不加密码的 PDF"
                )
        out: list[Piece] = []
        failed: list[int] = []
        try:
            pages = list(reader.pages)
        except Exception:
            raise _Unreadable(
                f"无法读取这个 PDF 的页面（文件可能已损坏或不完整），{CANNOT_CHECK}。请从原文档重新导出 PDF"
            ) from None
        for number, page in enumerate(pages, 1):
            try:
                text = page.extract_text() or ""
            except Exception:
                failed.append(number)
                continue
            out.append(Piece(f"第 {number} 页", text, prose=True))
        if failed:
            raise _Unreadable(
                f"第 {'、'.join(map(str, failed))} 页无法读取文字（文件可能已损坏），{CANNOT_CHECK}。请从原文档重新导出 PDF"
            )
        try:
            out += _PdfObjects(reader, pages, refusals, depth).pieces()
        except RecursionError:  # objects nested deeper than any real PDF nests them
            raise _Unreadable(
                f"这个 PDF 的内部结构嵌套过深，无法完整读取，{CANNOT_CHECK}。请从原文档重新导出 PDF"
            ) from None
        yield from out
    finally:
        quiet.setLevel(level)


class _PdfObjects:
    """Every object of a PDF, each string with where a reader's program shows it: document
    information, XMP metadata, annotations and their appearance, links, bookmarks, form
    fields, layers, accessibility text, attachments (read as documents), photos."""

    def __init__(self, reader, pages, refusals: _Refusals, depth: int):
        from pypdf.generic import IndirectObject

        self.reader, self.pages, self.refusals, self.depth = reader, pages, refusals, depth
        self.page_of: dict[int, int] = {}  # object number -> page number (pages, annotations)
        for number, page in enumerate(pages, 1):
            if page.indirect_reference is not None:
                self.page_of[page.indirect_reference.idnum] = number
            for annot in _resolve(page.get("/Annots")) or []:
                if isinstance(annot, IndirectObject):
                    self.page_of[annot.idnum] = number
        info = reader.trailer.get("/Info")
        self.info_id = info.idnum if isinstance(info, IndirectObject) else None
        self.out: list[Piece] = []
        self.files_done: set[int] = set()
        self.pending: list[tuple[int, Any]] = []

    def pieces(self) -> list[Piece]:
        from pypdf.generic import IndirectObject

        info = self.reader.trailer.get("/Info")
        if info is not None and not isinstance(info, IndirectObject):
            self._walk(info, "info", None, 0)
        for idnum, generation in self._object_ids():
            try:
                obj = self.reader.get_object(IndirectObject(idnum, generation, self.reader))
            except Exception:  # RecursionError too: nested deeper than any real PDF
                self.refusals.broken.append(idnum)
                continue
            context = "info" if idnum == self.info_id else None
            self._walk(obj, context, self.page_of.get(idnum), idnum)
        for idnum, stream in self.pending:  # attached without a file specification
            if idnum not in self.files_done:
                self.files_done.add(idnum)
                try:
                    data = stream.get_data()
                except Exception:
                    self.refusals.unknown.append(f"第 {idnum} 号对象")
                    continue
                self._embedded(data, f"附件（第 {idnum} 号对象）", "")
        for number, page in enumerate(self.pages, 1):
            for annot in _resolve(page.get("/Annots")) or []:
                self._appearance(page, _resolve(annot), number)
        return self.out

    def _object_ids(self) -> list[tuple[int, int]]:
        ids: dict[int, int] = {}
        for generation, table in (getattr(self.reader, "xref", None) or {}).items():
            for idnum in table:
                ids[idnum] = generation
        for idnum in getattr(self.reader, "xref_objStm", None) or {}:
            ids.setdefault(idnum, 0)
        return sorted(ids.items())

    def _where(self, obj, context: str | None, page: int | None, key: str | None) -> str | None:
        """The place a dictionary's strings are shown, or None to inherit its parent's."""
        get = obj.get
        on_page = f"第 {page} 页的" if page else ""
        if context == "info":
            return f"文档属性“{PDF_INFO_LABELS.get(key or '', (key or '').lstrip('/'))}”"
        kind, subtype = get("/Type"), get("/Subtype")
        if get("/S") == "/URI" or "/URI" in obj:
            return f"{on_page}链接地址"
        if subtype == "/Widget" or "/FT" in obj:
            return "表单字段"
        if kind == "/Annot" or (subtype is not None and "/Rect" in obj):
            return f"{on_page}{'链接' if subtype == '/Link' else '批注'}"
        if kind in ("/Filespec", "/F") or "/EF" in obj:
            return "附件名称或说明"
        if kind == "/OCG":
            return "图层名称"
        if get("/S") == "/JavaScript" or "/JS" in obj:
            return "脚本"
        if "/Alt" in obj or "/ActualText" in obj or kind == "/StructElem":
            return "无障碍替代文字"
        if "/Title" in obj and ("/Parent" in obj or "/First" in obj or "/Dest" in obj or "/A" in obj):
            return "书签"
        if "/T" in obj and ("/Kids" in obj or "/V" in obj):
            return "表单字段"
        return None

    def _walk(self, obj, context: str | None, page: int | None, idnum: int, where: str | None = None) -> None:
        from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, StreamObject

        if isinstance(obj, IndirectObject):
            return  # visited as its own object
        if isinstance(obj, DictionaryObject):
            here = where
            if context != "info":
                here = self._where(obj, None, page, None) or where
            if obj.get("/Subtype") in PDF_MEDIA:
                self.refusals.unknown.append(f"第 {page or '?'} 页的音视频或三维内容")
            if "/EF" in obj:
                self._attachment(obj)
            for key, value in obj.items():
                if context == "info":
                    here = self._where(obj, "info", page, key)
                self._text(str(key), here, idnum, fallback=True)
                self._walk(value, None, page, idnum, here)
            if isinstance(obj, StreamObject):
                self._stream(obj, idnum, here)
        elif isinstance(obj, ArrayObject):
            for value in obj:
                self._walk(value, context, page, idnum, where)
        elif isinstance(obj, (str, bytes)):
            text = obj if isinstance(obj, str) else _pdf_bytes(obj)
            self._text(text, where, idnum, fallback=where is None)

    def _text(self, text: str, where: str | None, idnum: int, fallback: bool = False) -> None:
        if _lines_with_numbers(text):
            self.out.append(Piece(where or f"PDF 内部数据（第 {idnum} 号对象）", text, None, fallback and not where))

    def _stream(self, stream, idnum: int, where: str | None) -> None:
        kind, subtype = stream.get("/Type"), stream.get("/Subtype")
        filters = stream.get("/Filter")
        filters = [filters] if isinstance(filters, str) else list(filters or [])
        try:
            if kind == "/Metadata" or subtype == "/XML":
                data = stream.get_data()
                self.out.append(Piece("XMP 元数据", html.unescape(_decode(data))))
            elif kind == "/EmbeddedFile":
                self.pending.append((idnum, stream))  # read under its name, from its file specification
            elif subtype == "/Image" and any(f in ("/DCTDecode", "/JPXDecode") for f in filters):
                raw = stream._data  # the JPEG as it was embedded, EXIF and all
                self.out += _image(raw, "PDF 中的图片", f"第 {idnum} 号对象的图片", self.refusals)
            elif where == "脚本":
                self.out.append(Piece("脚本", _decode(stream.get_data())))
        except Exception:
            self.refusals.unknown.append(f"第 {idnum} 号对象")

    def _attachment(self, spec) -> None:
        from pypdf.generic import IndirectObject

        name = str(spec.get("/UF") or spec.get("/F") or "")
        files = _resolve(spec.get("/EF")) or {}
        for key in ("/UF", "/F"):
            ref = files.get(key)
            if ref is None:
                continue
            stream = _resolve(ref)
            if isinstance(ref, IndirectObject):
                if ref.idnum in self.files_done:
                    return
                self.files_done.add(ref.idnum)
            try:
                data = stream.get_data()
            except Exception:
                self.refusals.unknown.append(f"附件“{mask(name)}”")
                return
            self._embedded(data, f"附件“{mask(name)}”", name)
            return

    def _embedded(self, data: bytes, shown: str, name: str) -> None:
        """An attached file: read as a document when it is one, else uncheckable."""
        ext = posixpath.splitext(name.lower())[1]
        if not ext:
            ext = ".pdf" if data.startswith(b"%PDF") else ""
        if ext in (".txt", ".csv"):
            self.out.append(Piece(shown, _decode(data)))
            return
        suffix = NESTED.get(ext)
        if suffix is None or self.depth >= MAX_DEPTH:
            self.refusals.unknown.append(shown)
            return
        try:
            for p in _document(io.BytesIO(data), suffix, self.refusals, self.depth + 1):
                self.out.append(Piece(f"{shown}中的{p.where}", p.text, None, p.fallback, p.prose, p.numbers))
        except _Unreadable:
            self.refusals.unknown.append(shown)

    def _appearance(self, page, annot, number: int) -> None:
        """Text an annotation draws (its appearance stream), which may differ from its /Contents."""
        from pypdf.generic import DictionaryObject, StreamObject

        if not isinstance(annot, DictionaryObject):
            return
        normal = _resolve((_resolve(annot.get("/AP")) or {}).get("/N"))
        streams = (
            [normal]
            if isinstance(normal, StreamObject)
            else [_resolve(v) for v in normal.values()]
            if isinstance(normal, DictionaryObject)
            else []
        )
        where = "表单字段" if annot.get("/Subtype") == "/Widget" else f"第 {number} 页的批注"
        for stream in streams:
            if not isinstance(stream, StreamObject):
                continue
            try:
                text = page.extract_xform_text(stream)
            except Exception:
                self.refusals.unknown.append(f"第 {number} 页的批注外观")
                continue
            if text:
                self.out.append(Piece(where, text))


def _resolve(obj):
    return obj.get_object() if hasattr(obj, "get_object") else obj


def _pdf_bytes(data: bytes) -> str:
    if data.startswith(codecs.BOM_UTF16_BE):
        return data.decode("utf-16", errors="replace")
    return data.decode("latin-1")


# --- findings and their cache ----------------------------------------------------------


def number_key(number: str) -> str:
    return hashlib.blake2b(number.encode(), digest_size=8).hexdigest()


def scan(path: Path, rel: str) -> dict:
    """What the cache stores for one document: its personal numbers as
    ``[where, line, col, kind, masked, number_key]`` rows, or the problem that it cannot be read."""
    found: list[list] = []
    fallback: list[list] = []
    error = None
    texts: list[list] = []  # [where, first_line, text] of what a reader reads in Chinese (gate.sensitive)
    try:
        for piece in pieces(path, rel):
            if piece.prose and not piece.fallback and CJK.search(piece.text):  # kept with its numbers masked
                texts.append([piece.where, piece.first_line, "\n".join(map(_masked, piece.text.split("\n")))])
            if not piece.numbers:
                continue
            for k, line in enumerate(piece.text.split("\n")):
                for f in privacy.find(line):
                    if piece.first_line is None:
                        row: list = [piece.where, None, None, f.number_type, f.masked, number_key(f.number)]
                    else:
                        row = ["", piece.first_line + k, f.start + 1, f.number_type, f.masked, number_key(f.number)]
                    (fallback if piece.fallback else found).append(row)
    except ProblemError as exc:
        p = exc.problem
        error = [p.line, p.col, p.message]
    known = {row[5] for row in found}
    found += [row for row in fallback if row[5] not in known]
    return {"error": error, "found": _unique(found), "texts": _unique(texts)}


def _masked(line: str) -> str:
    """The line with each personal number in it starred out, columns kept (the cache holds no number)."""
    for f in privacy.find(line):
        line = line[: f.start] + "*" * (f.end - f.start) + line[f.end :]
    return line


def _unique(rows: list[list]) -> list[list]:
    """Once per place and number: Word keeps a text box twice (drawing and VML fallback)."""
    seen = set()
    out = []
    for row in rows:
        if (key := tuple(row)) not in seen:
            seen.add(key)
            out.append(row)
    return out


def _salt() -> str:
    h = hashlib.blake2b(digest_size=12)
    h.update(str(CACHE_VERSION).encode())
    from wenmingsite.gate import images

    for source in (privacy.__file__, __file__, officezip.__file__, images.__file__):
        h.update(Path(source).read_bytes())
    for dist in ("pypdf", "openpyxl", "lxml", "pillow"):
        try:
            h.update(importlib.metadata.version(dist).encode())
        except importlib.metadata.PackageNotFoundError:
            h.update(b"-")
    return h.hexdigest()


class DocumentCache:
    """Findings per document content, kept across builds in ``folder/documents.json``."""

    FILE = "documents.json"

    def __init__(self, folder: Path):
        self.path = folder / self.FILE
        self.salt = _salt()
        self.sources: dict[str, list] = {}  # abs path -> [size, mtime_ns, digest]
        self.entries: dict[str, dict] = {}  # digest -> scan() result
        self.used: set[str] = set()
        self.scanned = 0  # documents opened by this object (the rest came from the cache)
        self._dirty = False
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            if data.get("salt") == self.salt:
                self.sources, self.entries = data["sources"], data["entries"]
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            pass

    def digest(self, path: Path) -> str:
        st = path.stat()
        known = self.sources.get(str(path))
        if known and known[0] == st.st_size and known[1] == st.st_mtime_ns:
            return known[2]
        h = hashlib.sha256()
        with open(path, "rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                h.update(chunk)
        self.sources[str(path)] = [st.st_size, st.st_mtime_ns, h.hexdigest()]
        self._dirty = True
        return h.hexdigest()

    def findings(self, path: Path, rel: str) -> dict:
        try:
            digest = self.digest(path)
        except OSError as exc:
            return {"error": [None, None, f"无法读取文件：{exc.strerror}"], "found": []}
        self.used.add(digest)
        entry = self.entries.get(digest)
        if entry is None:
            entry = self.entries[digest] = scan(path, rel)
            self.scanned += 1
            self._dirty = True
        return entry

    def save(self) -> None:
        """Write the cache if anything changed; entries of documents gone from the site are
        dropped. A cache that cannot be written only costs the next build time."""
        stale = set(self.entries) - self.used
        if not (self._dirty or stale):
            return
        entries = {k: v for k, v in self.entries.items() if k in self.used}
        sources = {k: v for k, v in self.sources.items() if v[2] in self.used}
        data = json.dumps({"salt": self.salt, "sources": sources, "entries": entries}, ensure_ascii=False).encode(
            "utf-8"
        )
        if not images.write_cache(self.path, data):
            return
        self.entries, self.sources, self._dirty = entries, sources, False
