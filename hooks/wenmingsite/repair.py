"""Safe, mechanical repairs for ``wenming fix``: each returns the new content (or None when
nothing changes) and a description of every change, for the editor to read."""

from __future__ import annotations

import codecs
import io
import re
from dataclasses import dataclass

from .values import Invalid, parse_date

DATE_KEYS = ("date", "end_date", "start", "end", "issued", "term_start", "term_end", "established")
_KEY_FULLWIDTH = re.compile(r"^(?P<indent>[ \t\u3000]*)(?P<dash>-[ \u3000]+)?(?P<key>[A-Za-z_][\w-]*)[ \u3000]*：[ \u3000]*")
_DATE_LINE = re.compile(rf"^(?P<head>\s*(?:-\s+)?(?:{'|'.join(DATE_KEYS)})\s*:\s*)(?P<value>[^#\n]*?)(?P<tail>\s*(?:#.*)?)$")
_LEADING = re.compile(r"^[\t\u3000 ]+")
_IME_DASHES = re.compile(r"^[—－─━]{1,3}$")


@dataclass(frozen=True)
class Change:
    line: int | None
    description: str  # Chinese, for the editor


def to_utf8(data: bytes) -> tuple[bytes | None, list[Change]]:
    """Re-encode UTF-16 or GBK/GB18030 text as UTF-8 (a UTF-8 BOM is dropped too)."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8):], [Change(None, "去掉了文件开头的 BOM 标记")]
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16").encode("utf-8"), [Change(None, "把 UTF-16 编码转换为 UTF-8")]
    try:
        data.decode("utf-8")
        return None, []
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        return None, [Change(None, "无法识别文件编码，没有修改。请用记事本“另存为 UTF-8”")]
    return text.encode("utf-8"), [Change(None, "把 GBK/GB18030 编码转换为 UTF-8")]


def yaml_lines(text: str, front_matter: bool) -> tuple[str | None, list[Change]]:
    """Full-width colons after keys, full-width spaces and tabs used as indentation, and
    Chinese date forms in date fields, within a YAML file or a page's front matter."""
    lines = text.split("\n")
    start, end = 0, len(lines)
    changes: list[Change] = []
    if front_matter:
        def separator(line: str) -> bool:
            return line.strip() in ("---", "...") or bool(_IME_DASHES.match(line.strip()))

        if not lines or not separator(lines[0]) or lines[0].strip() == "...":
            return None, []
        closing = next((i for i in range(1, len(lines)) if separator(lines[i])), None)
        if closing is None:
            return None, []
        for i in (0, closing):
            if lines[i].strip() not in ("---", "..."):
                changes.append(Change(i + 1, f"把分隔线“{lines[i].strip()}”改为三个半角减号 ---"))
                lines[i] = "---"
        start, end = 1, closing
    prev_indent, prev_opens, prev_item = 0, False, False
    for i in range(start, end):
        line = lines[i]
        m = _KEY_FULLWIDTH.match(line)
        if m:
            line = f"{m.group('indent')}{m.group('dash') or ''}{m.group('key')}: " + line[m.end():]
            changes.append(Change(i + 1, f"把“{m.group('key')}：”中的全角冒号改为半角冒号加空格"))
        lead = _LEADING.match(line)
        if lead and ("\u3000" in lead.group(0) or "\t" in lead.group(0)):
            # Typed to line the entry up with its sibling, or to nest it under a "key:" line.
            rest = line[lead.end():]
            width = prev_indent + 2 if prev_opens or (prev_item and not rest.startswith("-")) else prev_indent
            line = " " * width + rest
            changes.append(Change(i + 1, "把行首的全角空格或 Tab 改为半角空格"))
        d = _DATE_LINE.match(line)
        if d and d.group("value").strip():
            raw = d.group("value").strip().strip("\"'")
            try:
                iso = parse_date(raw).isoformat()
            except Invalid:
                iso = None
            if iso and iso != raw:
                line = f"{d.group('head')}{iso}{d.group('tail')}"
                changes.append(Change(i + 1, f"把日期“{raw}”改为 {iso}"))
        lines[i] = line
        if line.strip() and not line.lstrip().startswith("#"):
            prev_indent = len(line) - len(line.lstrip(" "))
            prev_opens = line.rstrip().endswith(":")
            prev_item = line.lstrip().startswith("- ")
    new = "\n".join(lines)
    return (new if new != text else None), changes


def strip_gps(data: bytes) -> tuple[bytes | None, list[Change]]:
    """Remove the GPS block from a JPEG's EXIF without touching the image data."""
    from PIL import Image

    if data[:2] != b"\xff\xd8":
        return None, []
    out = [data[:2]]
    i = 2
    changed = False
    while i + 4 <= len(data) and data[i] == 0xFF:
        marker = data[i + 1]
        if marker == 0xDA:  # start of scan: the rest is image data
            break
        length = int.from_bytes(data[i + 2:i + 4], "big")
        segment = data[i:i + 2 + length]
        if marker == 0xE1 and segment[4:10] == b"Exif\x00\x00":
            exif = Image.Exif()
            exif.load(segment[10:])
            if exif.get_ifd(0x8825):
                exif.get_ifd(0x8769)  # load the sub-IFDs so that they are written back
                del exif[0x8825]
                payload = exif.tobytes()
                segment = b"\xff\xe1" + (len(payload) + 2).to_bytes(2, "big") + payload
                changed = True
        out.append(segment)
        i += 2 + length
    if not changed:
        return None, []
    out.append(data[i:])
    return b"".join(out), [Change(None, "去掉了照片的 GPS 位置信息（画面没有改变）")]


def strip_gps_reencoded(data: bytes, fmt: str) -> tuple[bytes | None, list[Change]]:
    """Lossless formats (PNG) are written again without their EXIF."""
    from PIL import Image

    with Image.open(io.BytesIO(data)) as im:
        if not im.getexif().get_ifd(0x8825):
            return None, []
        out = io.BytesIO()
        im.save(out, fmt)
    return out.getvalue(), [Change(None, "去掉了图片的 GPS 位置信息（PNG 无损重写）")]
