"""The text inside the documents a unit publishes (.docx, .pdf, .xlsx, .txt, .csv), each
piece with a location an editor can find (第 3 页, 表“台账” C12, 第 12 段), and the
personal numbers found in it, remembered by the file's content hash.

Extraction is the slow part (a long PDF takes seconds), and documents rarely change, so
the findings of each file content are kept in ``.cache/privacy/documents.json`` beside
mkdocs.yml. A warm build stats each document, looks its digest up and opens nothing. The
key includes the source of this module and of privacy.py and the parsers' versions, so a
changed detector never answers from an old cache. The cache holds masked numbers and a
short hash of each number (for the unit's allowed numbers), never the numbers themselves.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import logging
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import privacy
from .problems import Problem, ProblemError
from .textfile import read_text

DOCUMENT_TYPES = (".docx", ".pdf", ".xlsx", ".txt", ".csv")
CACHE_DIR = Path(".cache") / "privacy"
CACHE_VERSION = 1

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
W_P, W_TBL, W_TR, W_TC, W_TXBX = f"{W}p", f"{W}tbl", f"{W}tr", f"{W}tc", f"{W}txbxContent"
# Text-bearing runs, including deleted revisions (still inside the published file) and
# field codes (a tel: link); breaks and tabs keep neighbouring numbers apart.
W_TEXT = {
    f"{W}t": None,
    f"{W}delText": None,
    f"{W}instrText": " ",
    f"{W}tab": "\t",
    f"{W}br": "\n",
    f"{W}cr": "\n",
    f"{W}noBreakHyphen": "-",
}
DOCX_PARTS = (  # partname pattern -> location
    (re.compile(r"^/word/header\d*\.xml$"), "页眉"),
    (re.compile(r"^/word/footer\d*\.xml$"), "页脚"),
    (re.compile(r"^/word/footnotes\.xml$"), "脚注"),
    (re.compile(r"^/word/endnotes\.xml$"), "尾注"),
    (re.compile(r"^/word/comments\.xml$"), "批注"),
)
PROPERTIES = "文档属性（标题、作者、备注等）"
CANNOT_CHECK = "所以没法检查其中有没有个人手机号和身份证号"


@dataclass(frozen=True)
class Piece:
    """Text at one place in a document; ``first_line`` for plain text files, whose problems
    carry a line and column instead of a location word."""

    where: str
    text: str
    first_line: int | None = None


def pieces(path: Path, rel: str) -> Iterator[Piece]:
    """Every piece of text in the document; raises :class:`ProblemError` (in Chinese) for a
    document that cannot be read at all."""
    suffix = path.suffix.lower()
    if suffix in (".txt", ".csv"):
        yield Piece("", read_text(path, rel), 1)
    elif suffix == ".docx":
        yield from _docx(path, rel)
    elif suffix == ".pdf":
        yield from _pdf(path, rel)
    elif suffix == ".xlsx":
        yield from _xlsx(path, rel)
    else:
        raise ValueError(f"not a document type: {path}")


def _unreadable(rel: str, message: str) -> ProblemError:
    return ProblemError(Problem(rel, None, None, message))


def _library(name: str, dist: str, rel: str):
    """The parser module, or a problem naming the missing dependency (an old environment)."""
    import importlib

    try:
        return importlib.import_module(name)
    except ImportError:
        raise _unreadable(
            rel,
            f"缺少读取这类文件的组件 {dist}，{CANNOT_CHECK}。"
            "请在网站文件夹中运行 pip install -e . 重新安装依赖后再构建",
        ) from None


# --- Word ------------------------------------------------------------------------------


def _docx(path: Path, rel: str) -> Iterator[Piece]:
    docx = _library("docx", "python-docx", rel)

    try:
        document = docx.Document(str(path))
        body = document.element.body
        parts = [(part.partname, part) for part in document.part.package.iter_parts()]
        props = document.core_properties
        properties = [
            props.title,
            props.subject,
            props.author,
            props.comments,
            props.keywords,
            props.category,
            props.last_modified_by,
        ]
        extracted = list(_docx_body(body))
        for partname, part in parts:
            for pattern, where in DOCX_PARTS:
                if pattern.match(str(partname)):
                    element = getattr(part, "element", None)
                    if element is None:
                        from lxml import etree

                        element = etree.fromstring(part.blob)
                    extracted += [Piece(where, text) for _, text in _paragraphs(element)]
    except Exception:  # any parser error on a damaged or disguised file
        raise _unreadable(
            rel,
            f"无法打开这个 Word 文件（可能已损坏、加了密码，或是旧版 .doc 改了扩展名），{CANNOT_CHECK}。"
            "请用 Word 或 WPS 打开后“另存为”.docx 格式（不要设置密码），或转成 PDF 后发布",
        ) from None
    yield from extracted
    text = "\n".join(p for p in properties if p)
    if text:
        yield Piece(PROPERTIES, text)


def _paragraphs(root) -> Iterator[tuple[Any, str]]:  # lxml elements (no stubs installed)
    for p in root.iter(W_P):
        chunks = []
        for el in p.iter(*W_TEXT):
            owner = el.getparent()
            while owner is not None and owner.tag != W_P:
                owner = owner.getparent()
            if owner is not p:  # a text box's own paragraph, visited on its own
                continue
            fixed = W_TEXT[el.tag]
            chunks.append(el.text or "" if fixed is None else fixed)
        text = "".join(chunks)
        if text.strip():
            yield p, text


def _docx_body(body) -> Iterator[Piece]:
    tables = {t: i for i, t in enumerate(body.iter(W_TBL), 1)}
    paragraph = 0
    for p, text in _paragraphs(body):
        cell = row = table = None
        in_box = False
        up = p.getparent()
        while up is not None and up is not body:
            if up.tag == W_TXBX:
                in_box = True
            elif up.tag == W_TC and cell is None:
                cell = up
            elif up.tag == W_TR and row is None:
                row = up
            elif up.tag == W_TBL and table is None:
                table = up
            up = up.getparent()
        if in_box:
            where = "文本框"
        elif table is not None and row is not None and cell is not None:
            r = [x for x in table if x.tag == W_TR].index(row) + 1
            c = [x for x in row if x.tag == W_TC].index(cell) + 1
            where = f"第 {tables[table]} 个表格第 {r} 行第 {c} 列"
        else:
            paragraph += 1
            where = f"第 {paragraph} 段"
        yield Piece(where, text)


# --- PDF -------------------------------------------------------------------------------


def _pdf(path: Path, rel: str) -> Iterator[Piece]:
    pypdf = _library("pypdf", "pypdf", rel)

    quiet = logging.getLogger("pypdf")
    level = quiet.level
    quiet.setLevel(logging.ERROR)  # pypdf warns about every repaired cross-reference table
    try:
        try:
            reader = pypdf.PdfReader(str(path), strict=False)
            encrypted = reader.is_encrypted
        except Exception:
            raise _unreadable(
                rel, f"无法读取这个 PDF（文件可能已损坏或不完整），{CANNOT_CHECK}。请从原文档重新导出 PDF"
            ) from None
        if encrypted:
            try:
                opened = reader.decrypt("") != pypdf.PasswordType.NOT_DECRYPTED
            except Exception:  # e.g. AES without a crypto library
                opened = False
            if not opened:
                raise _unreadable(
                    rel, f"这个 PDF 设置了打开密码，{CANNOT_CHECK}，公开后访客也打不开。请导出一份不加密码的 PDF"
                )
        out: list[Piece] = []
        failed: list[int] = []
        try:
            pages = list(reader.pages)
        except Exception:
            raise _unreadable(
                rel, f"无法读取这个 PDF 的页面（文件可能已损坏或不完整），{CANNOT_CHECK}。请从原文档重新导出 PDF"
            ) from None
        for number, page in enumerate(pages, 1):
            try:
                text = page.extract_text() or ""
            except Exception:
                failed.append(number)
                continue
            out.append(Piece(f"第 {number} 页", text))
        try:
            meta = reader.metadata or {}
            text = "\n".join(str(meta.get(k)) for k in ("/Title", "/Author", "/Subject", "/Keywords") if meta.get(k))
        except Exception:
            text = ""
        if text:
            out.append(Piece(PROPERTIES, text))
        if failed:
            raise _unreadable(
                rel,
                f"第 {'、'.join(map(str, failed))} 页无法读取文字（文件可能已损坏），{CANNOT_CHECK}。"
                "请从原文档重新导出 PDF",
            )
        yield from out
    finally:
        quiet.setLevel(level)


# --- Excel -----------------------------------------------------------------------------


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


def _xlsx(path: Path, rel: str) -> Iterator[Piece]:
    openpyxl = _library("openpyxl", "openpyxl", rel)

    out: list[Piece] = []
    try:
        book = openpyxl.load_workbook(str(path), read_only=True, data_only=True)
        try:
            for sheet in book.worksheets:
                title = sheet.title
                if privacy.find(title):
                    out.append(Piece("工作表名称", title))
                shown = mask(title)
                for row in sheet.iter_rows():
                    for cell in row:
                        text = _cell_text(getattr(cell, "value", None))
                        if text and len(text) >= privacy.MIN_DIGITS:
                            out.append(Piece(f"表“{shown}” {cell.coordinate}", text))
        finally:
            book.close()
    except Exception:
        raise _unreadable(
            rel,
            f"无法打开这个 Excel 文件（可能已损坏、加了密码，或是旧版 .xls 改了扩展名），{CANNOT_CHECK}。"
            "请用 Excel 或 WPS 打开后“另存为”.xlsx 格式（不要设置密码），或转成 PDF 后发布",
        ) from None
    yield from out


def mask(text: str) -> str:
    """``text`` with every personal number in it replaced by its masked form."""
    found = privacy.find(text)
    for f in reversed(found):
        text = text[: f.start] + f.masked + text[f.end :]
    return text


# --- findings and their cache ----------------------------------------------------------


def number_key(number: str) -> str:
    return hashlib.blake2b(number.encode(), digest_size=8).hexdigest()


def scan(path: Path, rel: str) -> dict:
    """What the cache stores for one document: its personal numbers as
    ``[where, line, col, kind, masked, number_key]`` rows, or the problem that it cannot be read."""
    found: list[list] = []
    try:
        for piece in pieces(path, rel):
            for k, line in enumerate(piece.text.split("\n")):
                for f in privacy.find(line):
                    if piece.first_line is None:
                        found.append([piece.where, None, None, f.kind, f.masked, number_key(f.number)])
                    else:
                        found.append(["", piece.first_line + k, f.start + 1, f.kind, f.masked, number_key(f.number)])
    except ProblemError as exc:
        p = exc.problem
        return {"error": [p.line, p.col, p.message], "found": _unique(found)}
    return {"error": None, "found": _unique(found)}


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
    for source in (privacy.__file__, __file__):
        h.update(Path(source).read_bytes())
    for dist in ("pypdf", "openpyxl", "python-docx"):
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
        tmp = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with open(tmp, "wb") as fh:
                fh.write(data)
            os.replace(tmp, self.path)
        except OSError:
            try:
                tmp.unlink()
            except OSError:
                pass
            return
        self.entries, self.sources, self._dirty = entries, sources, False
