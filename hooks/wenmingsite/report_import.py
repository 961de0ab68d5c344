"""Import a unit's creation report (创建工作汇报) from .docx or .txt into docs/report/.

The report's outline — ``一、`` → ``（一）``/``㈠``/``(一)`` → ``1、``/``1.`` → inline
``一是……二是……`` — becomes one page per first-level section with headings for the
levels below. No text is ever dropped or rewritten: every paragraph is written verbatim
(a heading only gains ``#`` marks), and the importer checks, character by character, that
the body of the input is all in the output before it writes anything.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

CN_NUM = "一二三四五六七八九十"
LEVEL1 = re.compile(rf"^([{CN_NUM}]{{1,3}})\s*[、．.，,：:]\s*(\S.*)$")
LEVEL2 = re.compile(rf"^(?:[（(]\s*([{CN_NUM}]{{1,3}})\s*[）)]|([\u3220-\u3229]))\s*[、．.，,：:]?\s*(\S.*)$")
LEVEL3 = re.compile(r"^(\d{1,2})\s*(?:[、．]|\.(?!\d))\s*(\S.*)$")
# A level-3 item reads as a heading when it is short and does not end a sentence.
SENTENCE_END = re.compile(r"[。；;！!？?：:]$")
FIGURE = re.compile(
    r"(?P<context>[\u4e00-\u9fff]{0,8}?)(?P<number>\d[\d,，]*(?:\.\d+)?)\s*(?P<approx>余|多)?\s*"
    r"(?P<unit>万元|亿元|元|人次|名|人|场次|场|期|份|本|册|次|户|家|个|项|篇|幅|块|小时|亩|吨|千克|公斤|毫升|mL|ml|万|%|％)"
)
MARKDOWN_SPECIAL = re.compile(r"([\\`*_<>\[\]])")


def cn_number(text: str) -> int:
    """一..九十九 as an int (enough for section numbers)."""
    digits = {c: i for i, c in enumerate(CN_NUM[:9], 1)}
    if text == "十":
        return 10
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (digits.get(tens, 1) * 10) + digits.get(ones, 0)
    return digits.get(text, 0)


class ImportRefused(Exception):
    """The document cannot be imported as it is; the message says why and what to do."""


@dataclass
class Block:
    """One paragraph (or table, or image) of the source, with its outline level (0 = body)."""

    text: str
    level: int = 0
    number: int | None = None
    kind: str = "p"  # p | table | image
    markdown: str | None = None  # for tables and images


@dataclass
class Section:
    title: str
    number: int | None
    blocks: list[Block] = field(default_factory=list)


@dataclass
class Imported:
    title: str | None
    sections: list[Section]
    notes: list[str]  # what could not be mapped, numbering that skips, placeholders
    figures: list[dict]


def read_source(path: Path, media_dir: Path | None = None) -> list[Block]:
    """Paragraphs of a .txt (UTF-8 or GBK/GB18030) or .docx file, in document order."""
    suffix = path.suffix.lower()
    if suffix == ".txt":
        data = path.read_bytes()
        for encoding in ("utf-8-sig", "gb18030"):
            try:
                text = data.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
        else:
            raise ImportRefused(f"{path.name} 既不是 UTF-8 也不是 GBK 编码，无法读取。请用记事本“另存为 UTF-8”后再导入")
        return [Block(line) for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    if suffix == ".docx":
        return _read_docx(path, media_dir)
    if suffix == ".doc":
        raise ImportRefused(f"{path.name} 是旧版 Word（.doc）文件。请在 Word 或 WPS 中“另存为 .docx”后再导入")
    raise ImportRefused(f"不支持 {path.suffix} 文件。请导入 .docx 或 .txt 格式的汇报")


def _read_docx(path: Path, media_dir: Path | None) -> list[Block]:
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(str(path))
    except Exception as exc:
        raise ImportRefused(f"{path.name} 无法作为 Word 文档打开（{exc}）。请用 Word 或 WPS 重新保存为 .docx") from None
    blocks: list[Block] = []
    images = 0
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            paragraph = Paragraph(child, document)
            blocks.append(Block(paragraph.text))
            for blip in child.iter("{http://schemas.openxmlformats.org/drawingml/2006/main}blip"):
                rid = blip.get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}embed")
                part = document.part.related_parts.get(rid) if rid else None
                if part is None or media_dir is None:
                    continue
                images += 1
                ext = Path(part.partname).suffix or ".png"
                name = f"图{images}{ext}"
                media_dir.mkdir(parents=True, exist_ok=True)
                (media_dir / name).write_bytes(part.blob)
                blocks.append(Block("", kind="image", markdown=f"![汇报附图 {images}]({media_dir.name}/{name})"))
        elif tag == "tbl":
            table = Table(child, document)
            rows = [[cell.text.strip() for cell in row.cells] for row in table.rows]
            if not rows:
                continue
            width = max(len(r) for r in rows)
            rows = [r + [""] * (width - len(r)) for r in rows]

            def cell(text: str) -> str:
                return MARKDOWN_SPECIAL.sub(r"\\\1", text.replace("\n", " ")).replace("|", "\\|")

            lines = ["| " + " | ".join(cell(c) for c in rows[0]) + " |", "|" + "---|" * width]
            lines += ["| " + " | ".join(cell(c) for c in r) + " |" for r in rows[1:]]
            blocks.append(Block("".join("".join(r) for r in rows), kind="table", markdown="\n".join(lines)))
    return blocks


def classify(blocks: list[Block]) -> list[Block]:
    out = []
    for b in blocks:
        if b.kind != "p":
            out.append(b)
            continue
        text = b.text.strip().strip("\u3000").strip()
        if not text:
            continue
        m1, m2, m3 = LEVEL1.match(text), LEVEL2.match(text), LEVEL3.match(text)
        if m1 and len(m1.group(2)) <= 40:
            out.append(Block(text, 1, cn_number(m1.group(1))))
        elif m2 and len(m2.group(3)) <= 40:
            number = cn_number(m2.group(1)) if m2.group(1) else ord(m2.group(2)) - 0x3220 + 1
            out.append(Block(text, 2, number))
        elif m3 and len(m3.group(2)) <= 30 and not SENTENCE_END.search(text):
            out.append(Block(text, 3, int(m3.group(1))))
        else:
            out.append(Block(text))
    return out


def structure(blocks: list[Block]) -> Imported:
    blocks = classify(blocks)
    notes: list[str] = []
    title = None
    preface: list[Block] = []
    sections: list[Section] = []
    last_top = 0
    for i, b in enumerate(blocks):
        if b.level == 1:
            if sections and b.number is not None and b.number <= last_top:
                raise ImportRefused(
                    f"文件里像是有不止一份汇报：“{b.text}”又从第 {b.number} 部分开始（前面已经到了第 {last_top} 部分）。"
                    "请把每份汇报分别保存为一个文件后再逐个导入")
            if b.number is not None and b.number != last_top + 1:
                notes.append(f"一级标题从第 {last_top} 部分跳到了“{b.text}”，中间缺了编号，请核对原文")
            last_top = b.number or last_top + 1
            sections.append(Section(b.text, b.number))
        elif sections:
            sections[-1].blocks.append(b)
        else:
            preface.append(b)
    if not sections:
        raise ImportRefused("没有找到“一、”“二、”这样的一级标题，无法按章节拆分。请检查汇报的标题格式")
    if preface:
        first = preface[0]
        if first.kind == "p" and first.level == 0 and len(first.text) <= 40 and not SENTENCE_END.search(first.text):
            title = first.text
        sections.insert(0, Section("前言", None, preface))
    for s in sections:
        levels = [b for b in s.blocks if b.level == 2]
        numbers = [b.number for b in levels]
        if numbers and numbers != list(range(1, len(numbers) + 1)):
            notes.append(f"“{s.title}”下的二级标题编号不连续（{'、'.join(str(n) for n in numbers)}），请核对原文")
    figures = []
    for s in sections:
        for b in s.blocks:
            for m in FIGURE.finditer(b.text):
                figures.append({"section": s.title, "text": m.group(0),
                                "value": m.group("number").replace(",", "").replace("，", ""),
                                "unit": m.group("unit"), "approximate": bool(m.group("approx"))})
    return Imported(title, sections, notes, figures)


def _escape(text: str) -> str:
    text = MARKDOWN_SPECIAL.sub(r"\\\1", text)
    if re.match(r"^(\d+)\.(\s|$)", text):  # "1. " would start a Markdown list
        text = re.sub(r"^(\d+)\.", r"\1\\.", text)
    return text


def to_markdown(section: Section) -> str:
    lines = []
    if section.number is not None or section.title != "前言":
        lines += [f"# {_escape(section.title)}", ""]
    for b in section.blocks:
        if b.kind in ("table", "image"):
            lines += [b.markdown, ""]
        elif b.level == 2:
            lines += [f"## {_escape(b.text)}", ""]
        elif b.level == 3:
            lines += [f"### {_escape(b.text)}", ""]
        else:
            lines += [_escape(b.text), ""]
    return "\n".join(lines)


def _chars(text: str) -> str:
    """The characters that must survive: no whitespace, no Markdown we added."""
    text = re.sub(r"(?m)^#{1,6} ", "", text)
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", text)
    text = text.replace("\\", "").replace("|", "").replace("---", "")
    return "".join(c for c in unicodedata.normalize("NFC", text) if not c.isspace())


def verify(source: list[Block], pages: list[str]) -> None:
    """Refuse to write anything unless every character of the source body is in the output."""
    expected = _chars("".join(b.text for b in source if b.kind == "p") +
                      "".join(b.text for b in source if b.kind == "table"))
    got = _chars("".join(pages))
    if sorted(expected) != sorted(got) or len(expected) != len(got):
        missing = "".join(sorted(set(expected) - set(got)))[:20]
        raise ImportRefused(f"导入结果与原文的文字不一致（原文 {len(expected)} 字，结果 {len(got)} 字"
                            f"{'，缺少：' + missing if missing else ''}）。为避免丢失内容，没有写入任何文件。请把原文件发给维护者检查")


def suggest_criteria(section: Section, keywords: dict[str, list[str]]) -> list[str]:
    """Criteria whose keywords occur most in the section (at most three)."""
    text = section.title + "".join(b.text for b in section.blocks)
    scores = {cid: sum(text.count(k) for k in words) for cid, words in keywords.items()}
    ranked = sorted((s, cid) for cid, s in scores.items() if s > 0)
    return [cid for _, cid in sorted(ranked, key=lambda x: -x[0])[:3]]
