"""Safe, mechanical repairs for ``wenming fix``: each returns the new content (or None when
nothing changes) and a description of every change, for the editor to read; and the only
way ``wenming fix`` reads and writes files (:func:`read_regular`, :func:`write_atomic`):
never through a link, never half-written."""

from __future__ import annotations

import codecs
import contextlib
import functools
import io
import os
import re
import stat
import tempfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from wenmingsite.gate import images
from wenmingsite.loading.values import Invalid, parse_date

DATE_KEYS = ("date", "end_date", "start", "end", "issued", "term_start", "term_end", "established")
_KEY_FULLWIDTH = re.compile(
    r"^(?P<indent>[ \t\u3000]*)(?P<dash>-[ \u3000]+)?(?P<key>[A-Za-z_][\w-]*)[ \u3000]*：[ \u3000]*"
)
_DATE_LINE = re.compile(
    rf"^(?P<head>\s*(?:-\s+)?(?:{'|'.join(DATE_KEYS)})\s*:\s*)(?P<value>[^#\n]*?)(?P<tail>\s*(?:#.*)?)$"
)
_LEADING = re.compile(r"^[\t\u3000 ]+")
_IME_DASHES = re.compile(r"^[—－─━]{1,3}$")


@dataclass(frozen=True)
class Repair:
    line: int | None
    description: str  # Chinese, for the editor


ENCODING_FIX = "请用记事本打开，确认文字显示正常后“另存为”，编码选 UTF-8"
GUESSING = "（猜错会把文字变成乱码）"
AMBIGUOUS = "可能是 GBK（简体中文），也可能是 Big5（繁体中文），无法确定是哪一种"
UNSURE = "看起来是 {}，但其中有不常用的字符，无法确定编码"
ENCODING_UNKNOWN = f"无法识别文件编码，没有修改。{ENCODING_FIX}"


@functools.lru_cache(maxsize=32768)
def common_simplified(ch: str) -> bool:
    """A character of GB2312's common set: punctuation and symbols (rows 1-3) or one of its
    6,763 hanzi (rows 16-87), not its kana, Greek, Cyrillic, pinyin or box drawing."""
    try:
        b = ch.encode("gbk")  # GBK's own mapping of GB2312 (A1AA is U+2014, as Windows has it)
    except UnicodeEncodeError:
        return False
    return len(b) == 2 and b[1] >= 0xA1 and (0xA1 <= b[0] <= 0xA3 or 0xB0 <= b[0] <= 0xF7)


@functools.lru_cache(maxsize=32768)
def common_traditional(ch: str) -> bool:
    """A character of Big5's symbols (A1-A3) or its 5,401 frequently used hanzi (A440-C67E)."""
    try:
        b = ch.encode("cp950")
    except UnicodeEncodeError:
        return False
    return len(b) == 2 and (0xA1 <= b[0] <= 0xA3 or 0xA4 <= b[0] <= 0xC5 or (b[0] == 0xC6 and b[1] <= 0x7E))


def _plain(data: bytes, codec: str, common) -> str | None:
    """The text when ``data`` decodes strictly and every character is ASCII or common."""
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        return None
    return text if all(c.isascii() or common(c) for c in text) else None


def decode_legacy(data: bytes) -> tuple[str | None, str]:
    """Text that is not UTF-8, decoded only when its encoding is proven: the bytes decode
    strictly, and as exactly one of GBK and Big5 into common characters (read as the other
    they give rare characters or none). Returns the text and the encoding's name, or None
    and why not (Chinese, to follow "文件不是 UTF-8 编码，"); "" when nothing fits at all."""
    if b"\x00" in data:  # UTF-16 without a BOM, or not text at all
        return None, ""
    gbk = _plain(data, "gb18030", common_simplified)
    big5 = _plain(data, "cp950", common_traditional)
    if gbk is not None and big5 is None:
        return gbk, "GBK/GB18030"
    if big5 is not None and gbk is None:
        return big5, "Big5（繁体中文）"
    if gbk is not None:  # and Big5 too
        return None, AMBIGUOUS
    decodes = []
    for codec, name in (("gb18030", "GBK（简体中文）"), ("cp950", "Big5（繁体中文）")):
        try:
            data.decode(codec)
            decodes.append(name)
        except UnicodeDecodeError:
            pass
    if len(decodes) == 1:
        return None, UNSURE.format(decodes[0])
    return None, AMBIGUOUS if decodes else ""


def to_utf8(data: bytes) -> tuple[bytes | None, list[Repair]]:
    """Re-encode UTF-16, GBK/GB18030 or Big5 text as UTF-8 (a UTF-8 BOM is dropped too),
    only when the encoding is proven (:func:`decode_legacy`); anything less is left alone
    with the fix."""
    if data.startswith(codecs.BOM_UTF8):
        try:
            data[len(codecs.BOM_UTF8) :].decode("utf-8")
        except UnicodeDecodeError:
            return None, [Repair(None, ENCODING_UNKNOWN)]
        return data[len(codecs.BOM_UTF8) :], [Repair(None, "去掉了文件开头的 BOM 标记")]
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16").encode("utf-8"), [Repair(None, "把 UTF-16 编码转换为 UTF-8")]
        except UnicodeDecodeError:
            return None, [Repair(None, ENCODING_UNKNOWN)]
    try:
        data.decode("utf-8")
        return None, []
    except UnicodeDecodeError:
        pass
    text, why = decode_legacy(data)
    if text is not None:
        done = "把 Big5（繁体中文）编码转换为 UTF-8" if why.startswith("Big5") else "把 GBK/GB18030 编码转换为 UTF-8"
        return text.encode("utf-8"), [Repair(None, done)]
    if not why:
        return None, [Repair(None, ENCODING_UNKNOWN)]
    return None, [Repair(None, f"文件不是 UTF-8 编码，{why}，没有修改{GUESSING}。{ENCODING_FIX}")]


# --- reading and writing the files it repairs ---------------------------------------------


class Unwritable(Exception):
    """The file is left as it was; ``str(exc)`` says why and what to do, in Chinese."""


LINK = "这是一个符号链接（快捷方式），wenming fix 不会修改它，也不会修改它指向的文件。请把它换成真实的文件再运行"
READ_ONLY = "文件是只读的，wenming fix 没有修改它。需要修复请先去掉只读属性（在文件属性中取消“只读”）再运行"


def read_regular(path: Path) -> bytes:
    """The bytes of a regular file, never through a symbolic link (checked on the open file
    itself, so a link swapped in after a check is refused too)."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    if path.is_symlink():
        raise Unwritable(LINK)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        if path.is_symlink():
            raise Unwritable(LINK) from None
        raise Unwritable(f"无法读取（{exc.strerror}），没有修改") from None
    with os.fdopen(fd, "rb") as fh:
        if not stat.S_ISREG(os.fstat(fh.fileno()).st_mode):
            raise Unwritable("这不是普通文件，没有修改")
        return fh.read()


def write_atomic(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` all at once: a temporary file in the same folder,
    flushed to disk, given the original's permissions, then renamed over it. An
    interruption leaves either the old file or the new one, never half of either; a link
    is never written through (the rename replaces the name, not what a link points to)."""
    try:
        st = os.lstat(path)
    except OSError as exc:
        raise Unwritable(f"无法读取（{exc.strerror}），没有修改") from None
    if stat.S_ISLNK(st.st_mode):
        raise Unwritable(LINK)
    if not stat.S_ISREG(st.st_mode):
        raise Unwritable("这不是普通文件，没有修改")
    if not st.st_mode & stat.S_IWUSR:
        raise Unwritable(READ_ONLY)
    tmp = None
    try:
        fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        tmp = Path(name)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, stat.S_IMODE(st.st_mode))
        os.replace(tmp, path)
        tmp = None
    except OSError as exc:
        raise Unwritable(f"无法写入（{exc.strerror}），文件保持原样。请检查磁盘空间和文件夹权限后重新运行") from None
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                tmp.unlink()
    with contextlib.suppress(OSError):  # make the rename itself durable where the OS allows
        dir_fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)


def yaml_lines(text: str, front_matter: bool) -> tuple[str | None, list[Repair]]:
    """Full-width colons after keys, full-width spaces and tabs used as indentation, and
    Chinese date forms in date fields, within a YAML file or a page's front matter."""
    lines = text.split("\n")
    start, end = 0, len(lines)
    changes: list[Repair] = []
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
                changes.append(Repair(i + 1, f"把分隔线“{lines[i].strip()}”改为三个半角减号 ---"))
                lines[i] = "---"
        start, end = 1, closing
    prev_indent, prev_opens, prev_item = 0, False, False
    for i in range(start, end):
        line = lines[i]
        m = _KEY_FULLWIDTH.match(line)
        if m:
            line = f"{m.group('indent')}{m.group('dash') or ''}{m.group('key')}: " + line[m.end() :]
            changes.append(Repair(i + 1, f"把“{m.group('key')}：”中的全角冒号改为半角冒号加空格"))
        lead = _LEADING.match(line)
        if lead and ("\u3000" in lead.group(0) or "\t" in lead.group(0)):
            # Typed to line the entry up with its sibling, or to nest it under a "key:" line.
            rest = line[lead.end() :]
            width = prev_indent + 2 if prev_opens or (prev_item and not rest.startswith("-")) else prev_indent
            line = " " * width + rest
            changes.append(Repair(i + 1, "把行首的全角空格或 Tab 改为半角空格"))
        d = _DATE_LINE.match(line)
        if d and d.group("value").strip():
            raw = d.group("value").strip().strip("\"'")
            try:
                iso = parse_date(raw).isoformat()
            except Invalid:
                iso = None
            if iso and iso != raw:
                line = f"{d.group('head')}{iso}{d.group('tail')}"
                changes.append(Repair(i + 1, f"把日期“{raw}”改为 {iso}"))
        lines[i] = line
        if line.strip() and not line.lstrip().startswith("#"):
            prev_indent = len(line) - len(line.lstrip(" "))
            prev_opens = line.rstrip().endswith(":")
            prev_item = line.lstrip().startswith("- ")
    new = "\n".join(lines)
    return (new if new != text else None), changes


GPS_REMOVED = "去掉了照片的 GPS 位置信息（画面没有改变）"
GPS_NOT_REMOVED = (
    "照片带有 GPS 位置信息，但无法在不改变画面的情况下自动去掉，没有修改。"
    "请在手机相册中关闭“位置信息”后重新导出这张照片（或另存为 JPG），再替换原图"
)

# Bytes per value of each TIFF field type (1 BYTE ... 13 IFD).
_TIFF_SIZES = {1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 6: 1, 7: 1, 8: 2, 9: 4, 10: 8, 11: 4, 12: 8, 13: 4}


_BYTE_ORDERS: dict[bytes, Literal["little", "big"]] = {b"II": "little", b"MM": "big"}  # TIFF header


def blank_gps_exif(buf: bytearray, base: int) -> bool:
    """Remove the GPS IFD pointer from IFD0/IFD1 of the TIFF data at ``buf[base:]`` and
    zero the GPS IFD with every value it points to, in place: no length changes, so the
    container around it (a JPEG segment, a PNG chunk, a HEIF item) stays valid."""
    work = bytearray(buf)
    order = _BYTE_ORDERS.get(bytes(work[base : base + 2]))
    if order is None:
        return False

    def u(at: int, n: int) -> int:
        if at < 0 or at + n > len(work):
            raise IndexError(at)
        return int.from_bytes(work[at : at + n], order)

    def zero(at: int, n: int) -> None:
        if at < 0 or at + n > len(work):
            raise IndexError(at)
        work[at : at + n] = bytes(n)

    try:
        removed = False
        ifd, seen = u(base + 4, 4), set[int]()
        while ifd and ifd not in seen and len(seen) < 4:
            seen.add(ifd)
            at = base + ifd
            count = u(at, 2)
            entries = [bytes(work[at + 2 + 12 * i : at + 14 + 12 * i]) for i in range(count)]
            next_ifd = u(at + 2 + 12 * count, 4)
            kept = [e for e in entries if int.from_bytes(e[:2], order) != images.GPS_IFD]
            for e in entries:
                if int.from_bytes(e[:2], order) != images.GPS_IFD:
                    continue
                gps = base + int.from_bytes(e[8:12], order)
                n = u(gps, 2)
                for i in range(n):
                    entry = gps + 2 + 12 * i
                    size = _TIFF_SIZES.get(u(entry + 2, 2), 1) * u(entry + 4, 4)
                    if size > 4:
                        zero(base + u(entry + 8, 4), size)
                zero(gps, 2 + 12 * n + 4)
                removed = True
            if len(kept) != count:
                table = len(kept).to_bytes(2, order) + b"".join(kept) + next_ifd.to_bytes(4, order)
                work[at : at + 2 + 12 * count + 4] = table.ljust(2 + 12 * count + 4, b"\x00")
            ifd = next_ifd
    except IndexError:
        return False
    if removed:
        buf[:] = work
    return removed


def blank_xmp_gps(packet: bytes) -> bytes | None:
    """The packet with every GPS property overwritten by spaces (same length, still XML)."""
    spans = images.xmp_gps_spans(packet)
    if not spans:
        return None
    out = bytearray(packet)
    for a, b in spans:
        out[a:b] = b" " * (b - a)
    return bytes(out)


def _png_chunk(ctype: bytes, data: bytes) -> bytes:
    return len(data).to_bytes(4, "big") + ctype + data + zlib.crc32(ctype + data).to_bytes(4, "big")


def _png_text_chunk(block: images.MetadataBlock, payload: bytes) -> bytes:
    if block.format == "xmp":  # uncompressed iTXt, as Adobe writes it
        return _png_chunk(b"iTXt", block.key + b"\x00\x00\x00\x00\x00" + payload)
    name = images.PNG_RAW_PROFILES[block.key].encode()
    hexed = payload.hex()
    lines = "\n".join(hexed[i : i + 72] for i in range(0, len(hexed), 72))
    text = f"\n{name.decode()}\n{len(payload):8d}\n{lines}\n".encode("ascii")
    return _png_chunk(b"zTXt", block.key + b"\x00\x00" + zlib.compress(text))


def strip_location(data: bytes) -> tuple[bytes | None, list[Repair]]:
    """Remove GPS coordinates from the EXIF and XMP of a JPEG, PNG, WebP or HEIC/HEIF
    without touching the image data: metadata bytes are blanked in place (PNG chunks
    holding them are rewritten with a new CRC); only JPEG extended XMP segments holding
    coordinates are dropped whole. Files that hold no GPS are left alone."""
    try:
        blocks = images.metadata_blocks(io.BytesIO(data))
    except Exception:
        return None, []
    dirty = [b for b in blocks if images.block_has_gps(b)]
    if not dirty:
        return None, []
    out = bytearray(data)
    cuts: list[tuple[int, int, bytes]] = []  # (start, end, replacement), applied last
    failed = False
    for block in dirty:
        if block.carrier == "heif":
            # libheif gives the item payloads; they sit verbatim in the file.
            at = bytes(out).find(block.payload)
            if at < 0:
                failed = True
                continue
            if block.format == "exif":
                base = at + (6 if block.payload.startswith(b"Exif\x00\x00") else 0)
                failed |= not blank_gps_exif(out, base)
            else:
                out[at : at + len(block.payload)] = blank_xmp_gps(block.payload) or block.payload
            continue
        if block.carrier == "jpeg-xmp-extended":
            cuts.append((block.start, block.end, b""))
            continue
        if block.carrier == "png-text":
            if block.format == "exif":
                payload = bytearray(block.payload)
                base = 6 if payload.startswith(b"Exif\x00\x00") else 0
                failed |= not blank_gps_exif(payload, base)
                cuts.append((block.start, block.end, _png_text_chunk(block, bytes(payload))))
            else:
                cuts.append(
                    (block.start, block.end, _png_text_chunk(block, blank_xmp_gps(block.payload) or block.payload))
                )
            continue
        offset = {"jpeg-app1": 4 + (6 if block.format == "exif" else len(images.XMP_JPEG)), "png-exif": 8, "webp": 8}[
            block.carrier
        ]
        at = block.start + offset
        if block.format == "exif":
            base = at + (6 if block.payload.startswith(b"Exif\x00\x00") else 0)
            failed |= not blank_gps_exif(out, base)
        else:
            out[at : at + len(block.payload)] = blank_xmp_gps(block.payload) or block.payload
        if block.carrier == "png-exif":
            body = bytes(out[block.start + 4 : block.end - 4])
            out[block.end - 4 : block.end] = zlib.crc32(body).to_bytes(4, "big")
    for start, end, replacement in sorted(cuts, reverse=True):
        out[start:end] = replacement
    new = bytes(out)
    try:
        still = any(images.block_has_gps(b) for b in images.metadata_blocks(io.BytesIO(new)))
    except Exception:
        still = True
    if failed or still:
        return None, [Repair(None, GPS_NOT_REMOVED)]
    return new, [Repair(None, GPS_REMOVED)]


def strip_gps(data: bytes) -> tuple[bytes | None, list[Repair]]:
    """:func:`strip_location` (kept for callers that name the JPEG case)."""
    return strip_location(data)


def strip_gps_reencoded(data: bytes, fmt: str = "") -> tuple[bytes | None, list[Repair]]:
    """:func:`strip_location`; PNG is no longer decoded and written again."""
    return strip_location(data)
