"""Import a unit's creation report (创建工作汇报) from .docx or .txt into docs/report/.

The report's outline — ``一、`` → ``（一）``/``㈠``/``(一)`` → ``1、``/``1.`` → inline
``一是……二是……`` — becomes one page per first-level section with headings for the
levels below, none skipped. No text is ever dropped: every paragraph is written as it was
(a heading only gains ``#`` marks) except half-width punctuation between Chinese characters,
made full-width and counted in the import's summary (:func:`make_full_width`); the importer
checks, character by character, that the body of the input is all in the output before it
writes anything.

Chapters already in docs/report/ give way only safely: the untouched sample chapter of
``wenming init`` is recognised (:func:`is_init_sample`), and every link to a chapter about to
be deleted is moved to its successor first, or the import stops (:func:`plan_links`).
"""

from __future__ import annotations

import codecs
import functools
import posixpath
import re
import unicodedata
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path
from string import Template

from wenmingsite.gate import publication
from wenmingsite.loading import frontmatter, textfile
from wenmingsite.loading.problems import Problem, ProblemError

CN_NUM = "一二三四五六七八九十"
# "一、二、三等奖" is an enumeration, not a heading.
LEVEL1 = re.compile(rf"^([{CN_NUM}]{{1,3}})\s*[、．.，,：:]\s*(?![{CN_NUM}]{{1,3}}\s*[、，,．.等])(\S.*)$")
# A first-level heading glued after a sentence end or colon: "……汇报如下:一、抓班子建设……".
# Only "、" counts, and never before another numeral ("；二、三季度……", "一、二、三等奖").
GLUED = re.compile(rf"(?<=[。！？；;!?:：])\s*([{CN_NUM}]{{1,3}})、(?![{CN_NUM}零])")
LEVEL2 = re.compile(rf"^(?:[（(]\s*([{CN_NUM}]{{1,3}})\s*[）)]|([\u3220-\u3229]))\s*[、．.，,：:]?\s*(\S.*)$")
LEVEL3 = re.compile(r"^(\d{1,2})\s*(?:[、．]|\.(?!\d))\s*(\S.*)$")
# A level-3 item reads as a heading when it is short and does not end a sentence.
SENTENCE_END = re.compile(r"[。；;！!？?：:]$")
# A figure as reports write it: "5000余人次", "5万余份", "近3000人", "95%以上". The words that
# make it approximate (近/约/超/逾…, 余/多, 以上/左右) belong to the figure: "5万余份" is not 5 万.
FIGURE = re.compile(
    r"(?P<before>大约|超过|近|约|超|逾)?(?P<number>\d[\d,，]*(?:\.\d+)?)\s*(?P<scale>万|亿)?(?P<approx>余|多)?\s*"
    r"(?P<unit>元|人次|名|人|场次|场|期|份|本|册|件次|件|次|户|家|个|项|篇|幅|块|小时|亩|吨|千克|公斤|毫升|mL|ml|%|％)?"
    r"(?P<after>以上|左右)?"
)
# Where the phrase naming a figure starts: a clause's punctuation or the end of a list ("…等").
PHRASE_START = re.compile(r".*(?:[，。；：！？、,;:!?“”《》（）()\s]|等)")
PHRASE_LEAD = re.compile(rf"^(?:[{CN_NUM}]+是|方面|同时|并|还|共|了|的)+")
PHRASE_CHARS = 14  # at most, taken back from the figure a whole word at a time
# Counting words that say nothing without the noun after them ("4个" of what).
CLASSIFIERS = ("个", "项", "家", "块", "篇")
NOUN_CHARS = 10
NOUN_LIKE = {"vn", "an", "s", "j"}  # jieba's tags for 服务 (as in 服务规范), 窗口 and the like
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
class SourceBlock:
    """One paragraph (or table, or image) of the source, with its outline level (0 = body)."""

    text: str
    level: int = 0
    number: int | None = None
    block_type: str = "p"  # p | table | image
    markdown: str | None = None  # for tables and images
    line: int | None = None  # line of a .txt file, paragraph number of a .docx (1-based)
    style_level: int | None = None  # 1-3 when Word's heading style says so


@dataclass
class Section:
    title: str
    number: int | None
    blocks: list[SourceBlock] = field(default_factory=list)
    line: int | None = None  # of the heading in the source file


@dataclass
class Imported:
    title: str | None
    sections: list[Section]
    notes: list[Problem]  # numbering that skips, empty or cut-off chapters: file:line, what to check
    figures: list[dict]


def read_source(path: Path, media_dir: Path | None = None) -> list[SourceBlock]:
    """Paragraphs of a .txt (UTF-8 or GBK/GB18030) or .docx file, in document order."""
    suffix = path.suffix.lower()
    if suffix == ".txt":
        from wenmingsite.commands import repair

        data = path.read_bytes()
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            # GBK or Big5 only when proven: a guess turns a Big5 report into mojibake.
            legacy, why = repair.decode_legacy(data)
            if legacy is None:
                why = f"不是 UTF-8 编码，{why}" if why else "既不是 UTF-8 也不是 GBK 或 Big5 编码"
                raise ImportRefused(
                    f"{path.name} {why}，没有导入{repair.GUESSING}。{repair.ENCODING_FIX}，再重新导入"
                ) from None
            text = legacy
        lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        return [SourceBlock(line, line=number) for number, line in enumerate(lines, 1)]
    if suffix == ".docx":
        return _read_docx(path, media_dir)
    if suffix == ".doc":
        raise ImportRefused(f"{path.name} 是旧版 Word（.doc）文件。请在 Word 或 WPS 中“另存为 .docx”后再导入")
    raise ImportRefused(f"不支持 {path.suffix} 文件。请导入 .docx 或 .txt 格式的汇报")


def _read_docx(path: Path, media_dir: Path | None) -> list[SourceBlock]:
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    from wenmingsite.gate import officezip

    try:
        officezip.check_path(path)  # before python-docx inflates any part
    except officezip.UnsafeZip as exc:
        raise ImportRefused(f"{path.name} 没有导入：{exc}") from None
    try:
        document = docx.Document(str(path))
    except Exception as exc:
        raise ImportRefused(f"{path.name} 无法作为 Word 文档打开（{exc}）。请用 Word 或 WPS 重新保存为 .docx") from None
    blocks: list[SourceBlock] = []
    images = 0
    numbering = _WordNumbering(document)
    paragraphs = 0
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag in ("p", "tbl"):
            paragraphs += 1
        if tag == "p":
            paragraph = Paragraph(child, document)
            style = _style_chain(paragraph)
            # Word's automatic numbering is not in the text: write it out, as the reader sees it.
            label = numbering.label(paragraph, style)
            text = paragraph.text
            if label:
                text = label + ("" if re.search(r"[、．.，,：:）)\]】]$", label) else " ") + text.lstrip()
            blocks.append(SourceBlock(text, line=paragraphs, style_level=_heading_level(style)))
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
                blocks.append(
                    SourceBlock("", block_type="image", markdown=f"![汇报附图 {images}]({media_dir.name}/{name})")
                )
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
            blocks.append(
                SourceBlock(
                    "".join("".join(r) for r in rows), block_type="table", markdown="\n".join(lines), line=paragraphs
                )
            )
    return blocks


W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
HEADING_STYLE = re.compile(r"^(?:heading|标题)\s*([1-3])$", re.IGNORECASE)


def _style_chain(paragraph) -> list:
    """The paragraph's style and the styles it is based on, nearest first."""
    chain: list = []
    style = paragraph.style
    while style is not None and style not in chain and len(chain) < 10:
        chain.append(style)
        style = style.base_style
    return chain


def _heading_level(chain: list) -> int | None:
    for style in chain:
        m = HEADING_STYLE.match((style.name or "").strip())
        if m:
            return int(m.group(1))
    return None


def _roman(n: int) -> str:
    out = ""
    for value, letters in (
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ):
        while n >= value:
            out, n = out + letters, n - value
    return out


def _cn_counting(n: int) -> str:
    digits = "零" + CN_NUM[:9]
    if n < 10:
        return digits[n]
    if n < 20:
        return "十" + (digits[n % 10] if n % 10 else "")
    if n < 100:
        return digits[n // 10] + "十" + (digits[n % 10] if n % 10 else "")
    return str(n)


def format_number(n: int, fmt: str) -> str:
    """A Word list number in the given w:numFmt (the common ones; others fall back to 1, 2, 3)."""
    if fmt in (
        "chineseCounting",
        "chineseCountingThousand",
        "chineseLegalSimplified",
        "ideographDigital",
        "japaneseCounting",
        "taiwaneseCounting",
        "taiwaneseCountingThousand",
    ):
        text = _cn_counting(n)
        if fmt == "chineseLegalSimplified":
            text = text.translate(str.maketrans("一二三四五六七八九十", "壹贰叁肆伍陆柒捌玖拾"))
        return text
    if fmt == "ideographTraditional" and 1 <= n <= 10:
        return "甲乙丙丁戊己庚辛壬癸"[n - 1]
    if fmt == "ideographZodiac" and 1 <= n <= 12:
        return "子丑寅卯辰巳午未申酉戌亥"[n - 1]
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and 1 <= n <= 20:
        return chr(0x2460 + n - 1)
    if fmt == "ideographEnclosedCircle" and 1 <= n <= 10:
        return chr(0x3220 + n - 1)
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in ("lowerLetter", "upperLetter") and n >= 1:
        letter = chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman") and n >= 1:
        return _roman(n).upper() if fmt == "upperRoman" else _roman(n)
    return str(n)


class _WordNumbering:
    """Word's automatic list numbers (numbering.xml), counted the way Word counts them."""

    def __init__(self, document):
        self.nums: dict[str, object] = {}
        self.abstracts: dict[str, object] = {}
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            root = None
        if root is not None:
            for num in root.findall(f"{W}num"):
                self.nums[num.get(f"{W}numId")] = num
            for abstract in root.findall(f"{W}abstractNum"):
                self.abstracts[abstract.get(f"{W}abstractNumId")] = abstract
        self.counters: dict[str, list[int | None]] = {}

    @staticmethod
    def _val(element, name):
        child = element.find(f"{W}{name}") if element is not None else None
        return child.get(f"{W}val") if child is not None else None

    def _num_pr(self, paragraph, styles):
        for element in [paragraph._p] + [s.element for s in styles]:
            ppr = element.find(f"{W}pPr")
            num_pr = ppr.find(f"{W}numPr") if ppr is not None else None
            if num_pr is not None:
                return self._val(num_pr, "numId"), self._val(num_pr, "ilvl")
        return None, None

    def _level(self, num, abstract, ilvl: str):
        for override in num.findall(f"{W}lvlOverride"):
            if override.get(f"{W}ilvl") == ilvl and override.find(f"{W}lvl") is not None:
                return override.find(f"{W}lvl")
        for lvl in abstract.findall(f"{W}lvl") if abstract is not None else []:
            if lvl.get(f"{W}ilvl") == ilvl:
                return lvl
        return None

    def label(self, paragraph, styles) -> str:
        num_id, ilvl = self._num_pr(paragraph, styles)
        if not num_id or num_id == "0" or num_id not in self.nums:
            return ""
        num = self.nums[num_id]
        abstract = self.abstracts.get(self._val(num, "abstractNumId"))
        level = int(ilvl or 0)
        key = self._val(num, "abstractNumId") or num_id
        counters = self.counters.setdefault(key, [None] * 9)
        lvls = [self._level(num, abstract, str(i)) for i in range(9)]
        if lvls[level] is None:
            return ""
        start = int(self._val(lvls[level], "start") or 1)
        current = counters[level]
        counters[level] = start if current is None else current + 1
        for deeper in range(level + 1, 9):
            counters[deeper] = None
        fmt = self._val(lvls[level], "numFmt") or "decimal"
        if fmt in ("bullet", "none"):
            return ""  # a bullet is not a number: the text itself is all there is
        template = self._val(lvls[level], "lvlText") or f"%{level + 1}."

        def value(m: re.Match) -> str:
            i = int(m.group(1)) - 1
            if not 0 <= i < 9 or lvls[i] is None:
                return ""
            counted = counters[i]
            n = counted if counted is not None else int(self._val(lvls[i], "start") or 1)
            return format_number(n, self._val(lvls[i], "numFmt") or "decimal")

        return re.sub(r"%([1-9])", value, template)


def _split_heading(text: str, title_start: int, limit: int) -> tuple[str, str] | None:
    """A heading and the body glued to it: the heading is short, or ends at its first sentence end."""
    title = text[title_start:]
    if len(title) <= limit:
        return text, ""
    m = re.search(r"[。！？；;!?]", title[: limit + 1])
    if not m:
        return None
    cut = title_start + m.end()
    return text[:cut], text[cut:].strip()


def classify(blocks: list[SourceBlock], source: str = "汇报", notes: list[Problem] | None = None) -> list[SourceBlock]:
    """Outline levels; first-level headings glued to the paragraph before are split off."""
    notes = [] if notes is None else notes
    out: list[SourceBlock] = []
    expected = 1  # the next first-level number; a heading in mid-paragraph must have it
    for b in blocks:
        if b.block_type != "p":
            out.append(b)
            continue
        text = b.text.strip().strip("\u3000").strip()
        if not text:
            continue
        pieces, want = [text], expected
        while True:  # "……汇报如下:一、抓班子建设……" → "……汇报如下:" + "一、抓班子建设……"
            for m in GLUED.finditer(pieces[-1]):
                if cn_number(m.group(1)) != want or m.start() == 0:
                    continue
                rest = pieces[-1][m.start() :].strip()
                head = LEVEL1.match(rest)
                if head and _split_heading(rest, head.start(2), 40):
                    pieces[-1:] = [pieces[-1][: m.start()].rstrip(), rest]
                    want += 1
                    break
                notes.append(
                    Problem(
                        source,
                        b.line,
                        None,
                        f"这一段中间的“{rest[:12]}……”像是一级标题，但它后面 40 字内没有句号，所以没有拆开。"
                        "如果它是标题，请在原文里让它另起一段后重新导入",
                    )
                )
            else:
                break
        for piece in pieces:
            m1, m2, m3 = LEVEL1.match(piece), LEVEL2.match(piece), LEVEL3.match(piece)
            split = None
            if m1 and (b.style_level == 1 or len(m1.group(2)) <= 40 or cn_number(m1.group(1)) == expected):
                split = _split_heading(piece, m1.start(2), 10_000 if b.style_level == 1 else 40)
                if split:
                    number = cn_number(m1.group(1))
                    out.append(SourceBlock(split[0], 1, number, line=b.line))
                    expected = number + 1
            elif b.style_level == 1:  # numbered (or not numbered) by Word's heading style
                split = (piece, "")
                out.append(SourceBlock(piece, 1, None, line=b.line))
                expected += 1
            elif m2 and (split := _split_heading(piece, m2.start(3), 10_000 if b.style_level else 40)):
                number = cn_number(m2.group(1)) if m2.group(1) else ord(m2.group(2)) - 0x3220 + 1
                out.append(SourceBlock(split[0], 2, number, line=b.line))
            elif b.style_level in (2, 3):
                split = (piece, "")
                out.append(SourceBlock(piece, b.style_level, m3 and int(m3.group(1)), line=b.line))
            elif m3 and len(m3.group(2)) <= 30 and not SENTENCE_END.search(piece):
                split = (piece, "")
                out.append(SourceBlock(piece, 3, int(m3.group(1)), line=b.line))
            if split is None:
                out.append(SourceBlock(piece, line=b.line))
            elif split[1]:
                out.append(SourceBlock(split[1], line=b.line))
    return out


# A chapter's last paragraph normally ends a sentence; otherwise the source was probably cut off.
FINISHED = re.compile(r"[。！？!?….…”’\"」』）)]$")


def structure(blocks: list[SourceBlock], source: str = "汇报") -> Imported:
    """Sections by first-level heading; ``source`` (the file name) is named in every note."""
    notes: list[Problem] = []
    blocks = classify(blocks, source, notes)
    title = None
    preface: list[SourceBlock] = []
    sections: list[Section] = []
    last_top = 0
    for b in blocks:
        if b.level == 1:
            if sections and b.number is not None and b.number <= last_top:
                raise ImportRefused(
                    f"{source}:{b.line}: 文件里像是有不止一份汇报：“{b.text}”又从第 {b.number} 部分开始"
                    f"（前面已经到了第 {last_top} 部分“{sections[-1].title}”）。"
                    "请把每份汇报分别保存为一个文件后再逐个导入"
                )
            if b.number is not None and b.number != last_top + 1:
                missing = str(last_top + 1) if b.number == last_top + 2 else f"{last_top + 1}～{b.number - 1}"
                before = f"上一个一级标题是“{sections[-1].title}”" if sections else "前面没有别的一级标题"
                notes.append(
                    Problem(
                        source,
                        b.line,
                        None,
                        f"一级标题“{b.text}”前面缺了第 {missing} 部分（{before}）。"
                        "请核对原文是不是漏了一章，或者编号写错了",
                    )
                )
            last_top = b.number or last_top + 1
            sections.append(Section(b.text, b.number, line=b.line))
        elif sections:
            sections[-1].blocks.append(b)
        else:
            preface.append(b)
    if not sections:
        raise ImportRefused(f"{source}: 没有找到“一、”“二、”这样的一级标题，无法按章节拆分。请检查汇报的标题格式")
    for s in sections:
        body = [b for b in s.blocks if b.block_type != "p" or b.level == 0]
        if not body:
            notes.append(
                Problem(source, s.line, None, f"“{s.title}”下面没有正文。请核对原文这一章是不是漏掉了或被截断了")
            )
        elif body[-1].block_type == "p" and not FINISHED.search(body[-1].text):
            last = body[-1].text
            notes.append(
                Problem(
                    source,
                    body[-1].line,
                    None,
                    f"“{s.title}”的最后一段以“{last[-8:]}”结尾，没有句号，像是原文在这里被截断了。请对照原文补全",
                )
            )
    if preface:
        first = preface[0]
        if (
            first.block_type == "p"
            and first.level == 0
            and len(first.text) <= 40
            and not SENTENCE_END.search(first.text)
        ):
            title = first.text
        sections.insert(0, Section("前言", None, preface, line=first.line))
    for s in sections:
        levels = [b for b in s.blocks if b.level == 2]
        numbers = [b.number for b in levels]
        if numbers and numbers != list(range(1, len(numbers) + 1)):
            notes.append(
                Problem(
                    source,
                    levels[0].line,
                    None,
                    f"“{s.title}”下的二级标题编号不连续（{'、'.join(str(n) for n in numbers)}）。"
                    "请核对原文是不是漏了一节，或者编号写错了",
                )
            )
    notes.sort(key=lambda p: p.line or 0)
    figures = [{"section": s.title, **f} for s in sections for b in s.blocks for f in find_figures(b.text)]
    return Imported(title, sections, notes, figures)


def _words(text: str) -> list[tuple[str, str]]:
    import jieba
    import jieba.posseg

    jieba.setLogLevel(60)  # its "Building prefix dict" lines are not for editors
    return [(pair.word, pair.flag) for pair in jieba.posseg.cut(text, HMM=True)]


def find_figures(text: str) -> list[dict]:
    """The key-figure candidates of one paragraph: each figure as written (its approximation
    kept) and the phrase that says what it counts, cut at whole words."""
    out = []
    previous = 0  # a phrase never reaches back into the figure before it
    for m in FIGURE.finditer(text):
        if not m.group("unit") and not m.group("scale"):
            continue  # "200米", "2017-2019年": no count a report would lead with
        if text[max(m.start() - 1, 0) : m.start()] == "第":
            continue  # an ordinal ("每月第3个周一"), not a count
        start = m.start()
        head = PHRASE_START.match(text, previous, start)
        context = PHRASE_LEAD.sub("", text[head.end() if head else previous : start])
        previous = m.end()
        if len(context) > PHRASE_CHARS:
            kept = ""
            for word, _ in reversed(_words(context)):
                if len(kept) + len(word) > PHRASE_CHARS:
                    break
                kept = word + kept
            context = PHRASE_LEAD.sub("", kept)
        noun = ""
        if m.group("unit") in CLASSIFIERS and not m.group("after"):
            rest = re.match(r"[\u4e00-\u9fff]+", text[m.end() :])
            for word, flag in _words(rest.group(0)) if rest else []:
                if not (flag.startswith("n") or flag in NOUN_LIKE) or len(noun) + len(word) > NOUN_CHARS:
                    break
                noun += word
        unit = (m.group("scale") or "") + (m.group("unit") or "")
        out.append(
            {
                "text": context + m.group(0) + noun,
                "figure": m.group(0),
                "value": m.group("number").replace(",", "").replace("，", ""),
                "unit": unit,
                "approximate": bool(m.group("before") or m.group("approx") or m.group("after")),
            }
        )
    return out


# Punctuation typed with the input method in English mode, between Chinese characters: made
# full-width (as Chinese prose writes it) before the outline is read. A colon or comma between
# digits (9:30, 1,000), a full stop, and anything in Latin text are left as they are.
HALF_TO_FULL = {",": "，", ":": "：", ";": "；", "!": "！", "?": "？", "(": "（", ")": "）"}
CJK_CHARS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3220-\u3229"
CJK_PUNCT = "，。、；：！？“”‘’（）《》〈〉【】「」『』…—"
_HALF_MARK = re.compile(r"[,:;!?]")
_HALF_PAIR = re.compile(r"[(（]([^()（）\n]{1,60})[)）]")
_HALF_QUOTES = re.compile(r'"([^"\n]{1,60})"')


def _cjkish(c: str) -> bool:
    return bool(re.match(f"[{CJK_CHARS}]", c)) or c in CJK_PUNCT


def _beside_cjk(before: str, after: str) -> bool:
    """One side Chinese, the other Chinese, a number, a space or the paragraph's edge."""

    def fits(c: str) -> bool:
        return not c or c.isspace() or c.isdigit() or c == "%" or _cjkish(c)

    return (_cjkish(before) and fits(after)) or (_cjkish(after) and fits(before))


def full_width(text: str) -> tuple[str, dict[str, int]]:
    """``text`` with half-width punctuation between Chinese characters made full-width, and
    how many of each mark were changed (“,” → 3)."""
    changed: dict[str, int] = {}

    def count(mark: str, n: int = 1) -> None:
        changed[mark] = changed.get(mark, 0) + n

    def pair(m: re.Match) -> str:
        whole, inner = m.group(0), m.group(1)
        start, end = m.start(), m.end()
        if whole[0] == "（" and whole[-1] == "）":
            return whole
        if not (re.search(f"[{CJK_CHARS}]", inner) or _beside_cjk(text[start - 1 : start], text[end : end + 1])):
            return whole
        for c in (whole[0], whole[-1]):
            if c in "()":
                count(c)
        return f"（{inner}）"

    text = _HALF_PAIR.sub(pair, text)

    def quotes(m: re.Match) -> str:
        if not re.search(f"[{CJK_CHARS}]", m.group(1)):
            return m.group(0)
        count('"', 2)
        return f"“{m.group(1)}”"

    text = _HALF_QUOTES.sub(quotes, text)
    out = list(text)
    for m in _HALF_MARK.finditer(text):
        i = m.start()
        if _beside_cjk(text[i - 1 : i], text[i + 1 : i + 2]):
            out[i] = HALF_TO_FULL[m.group(0)]
            count(m.group(0))
    return "".join(out), changed


def make_full_width(blocks: list[SourceBlock]) -> dict[str, int]:
    """Every paragraph's punctuation made full-width in place (:func:`full_width`); the counts."""
    total: dict[str, int] = {}
    for b in blocks:
        if b.block_type != "p":
            continue
        b.text, changed = full_width(b.text)
        for mark, n in changed.items():
            total[mark] = total.get(mark, 0) + n
    return total


def punctuation_line(changed: dict[str, int]) -> str | None:
    """What :func:`make_full_width` changed, for the import's summary."""
    if not changed:
        return None
    full = HALF_TO_FULL | {'"': "“”"}
    parts = "、".join(f"“{mark}”改为“{full[mark]}” {changed[mark]} 处" for mark in full if mark in changed)
    return f"汉字之间的半角标点已改为全角，共 {sum(changed.values())} 处：{parts}"


def heading_depths(section: Section) -> list[int]:
    """The Markdown depth of each block (0: not a heading): ``##`` for 二级标题, ``###`` for
    三级标题 below one; a 三级标题 with no 二级标题 before it in its chapter becomes ``##``, so
    no level is skipped (readers and the contents list expect h1 → h2 → h3)."""
    depths, under_level2 = [], False
    for b in section.blocks:
        if b.block_type != "p" or b.level not in (2, 3):
            depths.append(0)
        elif b.level == 2:
            under_level2 = True
            depths.append(2)
        else:
            depths.append(3 if under_level2 else 2)
    return depths


def _escape(text: str) -> str:
    text = MARKDOWN_SPECIAL.sub(r"\\\1", text)
    if re.match(r"^(\d+)\.(\s|$)", text):  # "1. " would start a Markdown list
        text = re.sub(r"^(\d+)\.", r"\1\\.", text)
    return text


def to_markdown(section: Section) -> str:
    lines = []
    if section.number is not None or section.title != "前言":
        lines += [f"# {_escape(section.title)}", ""]
    for b, depth in zip(section.blocks, heading_depths(section), strict=True):
        if b.block_type in ("table", "image"):
            assert b.markdown is not None  # _read_docx gives every table and image its Markdown
            lines += [b.markdown, ""]
        elif depth:
            lines += [f"{'#' * depth} {_escape(b.text)}", ""]
        else:
            lines += [_escape(b.text), ""]
    return "\n".join(lines)


def _chars(text: str) -> str:
    """The characters that must survive: no whitespace, no Markdown we added."""
    text = re.sub(r"(?m)^#{1,6} ", "", text)
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", text)
    text = text.replace("\\", "").replace("|", "").replace("---", "")
    return "".join(c for c in unicodedata.normalize("NFC", text) if not c.isspace())


def verify(source: list[SourceBlock], pages: list[str]) -> None:
    """Refuse to write anything unless every character of the source body is in the output."""
    expected = _chars(
        "".join(b.text for b in source if b.block_type == "p")
        + "".join(b.text for b in source if b.block_type == "table")
    )
    got = _chars("".join(pages))
    if sorted(expected) != sorted(got) or len(expected) != len(got):
        missing = "".join(sorted(set(expected) - set(got)))[:20]
        raise ImportRefused(
            f"导入结果与原文的文字不一致（原文 {len(expected)} 字，结果 {len(got)} 字"
            f"{'，缺少：' + missing if missing else ''}）。为避免丢失内容，没有写入任何文件。请把原文件发给维护者检查"
        )


def suggest_criteria(section: Section, keywords: dict[str, list[str]]) -> list[str]:
    """Criteria whose keywords occur most in the section (at most three)."""
    text = section.title + "".join(b.text for b in section.blocks)
    scores = {cid: sum(text.count(k) for k in words) for cid, words in keywords.items()}
    ranked = sorted((s, cid) for cid, s in scores.items() if s > 0)
    return [cid for _, cid in sorted(ranked, key=lambda x: -x[0])[:3]]


# --- replacing the chapters already in docs/report/ -------------------------------------

SAMPLE_TEMPLATE = Path(__file__).parent.parent / "scaffold" / "chapter.md.tmpl"
# What `wenming init` fills into the sample chapter: a unit's name, its title sought, its term.
# Each is one line without markup (scaffold.check_text) and never a sentence, so text an
# editor added around a name cannot pass for part of it.
_SAMPLE_VALUE = r"[^\n。！？；;!?，,：:<>\[\]{}*_`#|\\]{1,60}"
# The sample's approval (sign-off on, wenmingsite.loading.signoff): two front-matter lines, or none.
_SAMPLE_APPROVAL = r"(?:approved_by: [^\n:<>]{1,20}\napproved_on: \d{4}-\d{2}-\d{2}\n)?"


@functools.lru_cache(maxsize=4)
def _sample_pattern(template: str) -> re.Pattern[str]:
    """The sample chapter's template as a pattern: its text verbatim, each ``$name`` a value."""
    out, seen, pos = [], set(), 0
    for m in Template.pattern.finditer(template):
        out.append(re.escape(template[pos : m.start()]))
        pos = m.end()
        name = m.group("named") or m.group("braced")
        if m.group("escaped") is not None:
            out.append(re.escape("$"))
        elif name == "approval":
            out.append(_SAMPLE_APPROVAL)
        elif name:
            # init leaves the term out when it was not given (scaffold.UnitAnswers.term)
            value = _SAMPLE_VALUE.replace("{1,60}", "{0,60}") if name == "term" else _SAMPLE_VALUE
            out.append(f"(?P={name})" if name in seen else f"(?P<{name}>{value})")
            seen.add(name)
        else:
            out.append(re.escape(m.group(0)))
    out.append(re.escape(template[pos:]))
    return re.compile("".join(out))


def _plain(text: str) -> str:
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n").rstrip("\n")


def is_init_sample(data: bytes, template: Path = SAMPLE_TEMPLATE) -> bool:
    """Whether a chapter file is still the sample ``wenming init`` wrote: the template's text
    exactly (line ends and a BOM aside) with the unit's names filled in. Any other edit —
    a word changed, a sentence added — makes it the unit's own chapter."""
    try:
        pattern = _sample_pattern(_plain(template.read_text(encoding="utf-8")))
        text = _plain(data.decode("utf-8"))
    except (OSError, UnicodeDecodeError):
        return False
    return pattern.fullmatch(text) is not None


def chapter_number(text: str, rel: str = "") -> int | None:
    """The first-level number of a chapter page (“一、……” → 1): of its title, else its first heading."""
    parts = frontmatter.split(_plain(text), rel)
    titles = [str(parts.meta.get("title") or "")] if parts.meta is not None else []
    titles += [m.group(1) for m in re.finditer(r"(?m)^#\s+(.+?)\s*#*\s*$", parts.body)][:1]
    for title in titles:
        m = LEVEL1.match(title.strip())
        if m:
            return cn_number(m.group(1))
    return None


@dataclass(frozen=True)
class LinkChange:
    """One link (or navigation entry) moved from a chapter that goes to one that comes."""

    path: str  # the file, relative to the site folder
    line: int
    old: str  # the target as it was written
    new: str
    place: str = "链接"  # or 导航
    dropped_anchor: str = ""

    def __str__(self) -> str:
        note = (
            f"（原来指向的位置 #{self.dropped_anchor} 在删除的章节里，改为指向新章节的开头）"
            if self.dropped_anchor
            else ""
        )
        return f"{self.path}:{self.line}: {self.place} {self.old} 已改为 {self.new}{note}"


@dataclass
class LinkPlan:
    changes: list[LinkChange] = field(default_factory=list)
    files: dict[Path, bytes] = field(default_factory=dict)  # the new bytes of every file changed
    refusals: list[Problem] = field(default_factory=list)  # links that cannot be moved safely


# Markdown links as Python-Markdown reads them: inline (text may hold one level of brackets;
# the target may be in <>; an optional title), and reference definitions.
INLINE_LINK = re.compile(
    r"!?\[(?:[^\[\]\n]|\[[^\[\]\n]*\])*\]\(\s*(?:<(?P<angle>[^>\n]*)>|(?P<bare>[^)\s<>]+))"
    r"(?:\s+(?:\"[^\"\n]*\"|'[^'\n]*'|\([^)\n]*\)))?\s*\)"
)
REFERENCE_LINK = re.compile(r"^ {0,3}\[[^\]\n]+\]:[ \t]*(?:<(?P<angle>[^>\n]*)>|(?P<bare>\S+))")
HTML_LINK = re.compile(r"""\b(?:href|src)\s*=\s*(?:"(?P<dq>[^"\n]*)"|'(?P<sq>[^'\n]*)'|(?P<bare>[^\s"'>]+))""", re.I)


def _resolve(target: str, page: str) -> tuple[str, str, str] | None:
    """(the docs path a relative link target names, its path part as written, the rest
    ``?query#anchor``), or None for external links and bare anchors."""
    parsed = urllib.parse.urlsplit(target)
    if parsed.scheme or parsed.netloc or not parsed.path or target.startswith(("#", "mailto:")):
        return None
    written = parsed.path
    rest = target[len(written) :]
    path = urllib.parse.unquote(written)
    base = "" if path.startswith("/") else posixpath.dirname(page)
    return posixpath.normpath(posixpath.join(base, path.lstrip("/"))), written, rest


def _page_key(docs_path: str) -> str:
    """The page file a link names: ``x.md``, ``x/`` and ``x`` all name ``x.md``."""
    return docs_path if docs_path.endswith(".md") else docs_path.rstrip("/") + ".md"


def _moved(written: str, new_page: str) -> str:
    """``written`` (a path to a chapter in docs/report/) made to name ``new_page`` in the
    same folder, in the same form: the folder part as written, ``.md`` or ``/`` kept."""
    slash = written.endswith("/")
    head, sep, last = written.rstrip("/").rpartition("/")
    stem = posixpath.basename(new_page)[:-3]
    md = urllib.parse.unquote(last).endswith(".md")
    return f"{head}{sep}{stem}{'.md' if md else ''}{'/' if slash else ''}"


def _mentions(line: str, needles: list[str], spans: list[tuple[int, int]]) -> str | None:
    """The first needle found in ``line`` outside ``spans``."""
    for needle in needles:
        for m in re.finditer(re.escape(needle), line):
            if not any(a <= m.start() < b for a, b in spans):
                return needle
    return None


def plan_links(root: Path, moves: dict[str, str], removed: set[str]) -> LinkPlan:
    """Every link to a chapter about to be deleted, moved to its successor; nothing written.

    ``moves`` maps the docs path of each chapter that goes (``report/01-组织领导.md``) to
    the chapter its links should name from now on; ``removed`` holds the docs paths of other
    files that go (the old chapters' images), which no link can be moved to. Pages under
    docs/ and the ``nav`` of mkdocs.yml are rewritten; a link the plan
    cannot move safely — in HTML, in data/*.yml, split over lines — is a refusal.
    """
    plan = LinkPlan()
    if not moves and not removed:
        return plan
    stems = sorted({posixpath.basename(p)[:-3] for p in moves}, key=len, reverse=True)
    needles = [f"{s}.md" for s in stems] + [f"{s}/" for s in stems]
    needles += [urllib.parse.quote(s) for s in stems if urllib.parse.quote(s) != s]
    needles += sorted(removed | {urllib.parse.quote(p) for p in removed})
    docs = root / "docs"
    pages = sorted(p for p in (publication.walk_files(docs) if docs.is_dir() else []) if p.suffix.lower() == ".md")
    for path in pages:
        page = path.relative_to(docs).as_posix()
        if page in moves:
            continue
        _plan_page(plan, path, f"docs/{page}", page, moves, removed, needles)
    _plan_nav(plan, root, moves, removed, needles)
    data = root / "data"
    for path in sorted(publication.walk_files(data)) if data.is_dir() else []:
        if path.suffix.lower() not in (".yml", ".yaml"):
            continue
        rel = path.relative_to(root).as_posix()
        text = path.read_bytes().decode("utf-8", errors="replace")
        for i, line in enumerate(text.split("\n"), 1):
            found = _mentions(line, needles, [m.span() for m in YAML_COMMENT.finditer(line)])
            if found:
                plan.refusals.append(
                    Problem(
                        rel, i, None, f"这里写着要删除的“{found}”，无法自动改成新章节。请先改掉或删掉它，再重新导入"
                    )
                )
    return plan


def _read(plan: LinkPlan, path: Path, rel: str) -> tuple[str, bool, bool] | None:
    """(text with \\n line ends, had CRLF, had a BOM), or None with a refusal."""
    data = path.read_bytes()
    try:
        text = textfile.decode_text(data, rel)
    except ProblemError as exc:
        p = exc.problem
        plan.refusals.append(
            Problem(
                p.path,
                p.line,
                p.col,
                f"{p.message}。读不出这个文件，就无法确认其中有没有指向要删除的章节的链接；请先运行 wenming fix",
            )
        )
        return None
    return text, b"\r\n" in data, data.startswith(codecs.BOM_UTF8)


def _store(plan: LinkPlan, path: Path, text: str, crlf: bool, bom: bool) -> None:
    data = (text.replace("\n", "\r\n") if crlf else text).encode("utf-8")
    plan.files[path] = (codecs.BOM_UTF8 if bom else b"") + data


def _plan_page(
    plan: LinkPlan, path: Path, rel: str, page: str, moves: dict[str, str], removed: set[str], needles: list[str]
) -> None:
    read = _read(plan, path, rel)
    if read is None:
        return
    text, crlf, bom = read
    lines = text.split("\n")
    body_line = frontmatter.split(text, rel).body_line
    changed = False
    # Code blocks too: the link check before every build (publication.broken_links) reads
    # a link in code as a link, so one left pointing at a deleted chapter stops the build.
    for i in range(body_line - 1, len(lines)):
        line = lines[i]
        seen: list[tuple[int, int]] = []
        edits: list[tuple[int, int, str]] = []
        found = [(m, "angle" if m.group("angle") is not None else "bare") for m in INLINE_LINK.finditer(line)]
        found += [(m, "angle" if m.group("angle") is not None else "bare") for m in REFERENCE_LINK.finditer(line)]
        for m, group in found:
            seen.append(m.span())
            target = m.group(group)
            resolved = _resolve(target, page)
            if resolved is None:
                continue
            docs_path, written, rest = resolved
            new_page = moves.get(_page_key(docs_path))
            if new_page is None:
                if docs_path in removed:
                    plan.refusals.append(
                        Problem(
                            rel,
                            i + 1,
                            m.start(group) + 1,
                            f"链接 {target} 指向 docs/{docs_path}，--replace 会删除原有章节的图片。"
                            "请先把这个文件复制到别处（例如 docs/assets/）并改好链接，再重新导入",
                        )
                    )
                continue
            query, _, anchor = rest.partition("#")
            new = _moved(written, new_page) + query
            if new != target:
                edits.append((*m.span(group), new))
                plan.changes.append(LinkChange(rel, i + 1, target, new, dropped_anchor=anchor))
        for m in HTML_LINK.finditer(line):
            seen.append(m.span())
            target = next(g for g in m.groups() if g is not None)
            resolved = _resolve(target, page)
            if resolved and (_page_key(resolved[0]) in moves or resolved[0] in removed):
                plan.refusals.append(
                    Problem(
                        rel,
                        i + 1,
                        m.start() + 1,
                        f"HTML 标签里的链接 {target} 指向要删除的 docs/{_page_key(resolved[0])}，无法自动修改。"
                        "请把它改成 Markdown 链接 [文字](路径) 或删掉，再重新导入",
                    )
                )
        found_text = _mentions(line, needles, seen)
        if found_text:
            plan.refusals.append(
                Problem(
                    rel,
                    i + 1,
                    None,
                    f"这一行提到了要删除的“{found_text}”，但不是能自动修改的链接（链接跨行或写法特殊）。"
                    "请把它改成一行里的 [文字](路径) 或删掉，再重新导入",
                )
            )
        for start, end, new in sorted(edits, reverse=True):
            line = line[:start] + new + line[end:]
        if edits:
            lines[i] = line
            changed = True
    if changed:
        _store(plan, path, "\n".join(lines), crlf, bom)


NAV_KEY = re.compile(r"^nav\s*:")
YAML_COMMENT = re.compile(r"(?:^|\s)#.*$")
TOP_KEY = re.compile(r"^[^\s#-]")


def _plan_nav(plan: LinkPlan, root: Path, moves: dict[str, str], removed: set[str], needles: list[str]) -> None:
    path = root / "mkdocs.yml"
    read = _read(plan, path, "mkdocs.yml") if path.is_file() else None
    if read is None:
        return
    text, crlf, bom = read
    lines = text.split("\n")
    in_nav = False
    named: dict[str, list[tuple[int, str]]] = {}  # new chapter -> (line, old) of the nav entries moved to it
    kept: set[str] = set()  # chapters the nav names already
    changed = False
    for i, line in enumerate(lines):
        if NAV_KEY.match(line):
            in_nav = True
        elif TOP_KEY.match(line):
            in_nav = False
        entry = re.match(r"""^(\s*-\s+(?:[^#]*?:\s+)?)(["']?)([^"'#\s]+)\2(\s*(?:#.*)?)$""", line) if in_nav else None
        if entry and entry.group(3) in moves:
            old = entry.group(3)
            new = moves[old]
            lines[i] = f"{entry.group(1)}{entry.group(2)}{new}{entry.group(2)}{entry.group(4)}"
            named.setdefault(new, []).append((i + 1, old))
            if new != old:
                plan.changes.append(LinkChange("mkdocs.yml", i + 1, old, new, place="导航"))
                changed = True
            continue
        if entry:
            kept.add(entry.group(3))
        found = _mentions(line, needles, [m.span() for m in YAML_COMMENT.finditer(line)])
        if found:
            plan.refusals.append(
                Problem(
                    "mkdocs.yml",
                    i + 1,
                    None,
                    f"这里写着要删除的“{found}”，无法自动改成新章节。请先改掉或删掉它，再重新导入",
                )
            )
    for new, entries in named.items():
        if len(entries) > 1 or new in kept:
            at, old = entries[-1]
            plan.refusals.append(
                Problem(
                    "mkdocs.yml",
                    at,
                    None,
                    f"导航里的 {old} 要改成 {new}，但导航里已经有（或同时会有）这一章，会重复出现。"
                    "建议把导航中逐个列出的汇报章节换成一行“- 创建汇报: report/”（按章节顺序自动展开），再重新导入",
                )
            )
    if changed:
        _store(plan, path, "\n".join(lines), crlf, bom)
