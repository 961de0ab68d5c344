"""Opening zip-based documents (.docx, .xlsx, .pptx) without letting them decompress
without bound.

A .docx of a megabyte can hold a member that inflates to gigabytes (deflate reaches about
1,000:1, and a zip may list the same compressed bytes under many names). Python's zipfile
never yields more than a member's declared ``file_size`` (it truncates and then fails the
CRC check), so the declared sizes in the central directory bound what any reader built on
zipfile (python-docx, openpyxl, this project's own readers) can be made to decompress.
:func:`open_checked` refuses a package before anything is extracted when those sizes, the
ratio of a member, the number of members, or a compression method Office never writes
(bzip2 and LZMA are decompressed without a per-call bound) say it is not an ordinary
document. The number of members is read from the end-of-central-directory record first, so
a zip that lists millions of entries is refused before zipfile builds a record for each.
"""

from __future__ import annotations

import struct
import zipfile
from pathlib import Path
from typing import IO

MAX_MEMBERS = 10_000
MAX_MEMBER_BYTES = 128 * 1024 * 1024
MAX_TOTAL_BYTES = 384 * 1024 * 1024
MAX_RATIO = 100  # Apache POI's default (its MIN_INFLATE_RATIO of 0.01)
RATIO_GRACE_BYTES = 1024 * 1024  # small members of repeated markup compress better than this
ALLOWED_METHODS = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)

_EOCD = b"PK\x05\x06"
_EOCD64_LOCATOR = b"PK\x06\x07"
_EOCD64 = b"PK\x06\x06"


class UnsafeZip(Exception):
    """The package is refused; ``str(exc)`` says why and what to do, in Chinese, without the
    file's name (the caller names it)."""


def _size(n: int) -> str:
    if n >= 1024**3:
        return f"{n / 1024**3:.1f} GB"
    if n >= 1024**2:
        return f"{n / 1024**2:.0f} MB"
    return f"{max(1, round(n / 1024))} KB"


BOMB = "这不是正常的 Office 文件，可能是恶意构造的“压缩炸弹”，为了不耗尽内存和磁盘，没有解压。"
BOMB_FIX = "请确认文件来源；如果是正常文件，请用 Word、Excel 或 WPS 打开后另存为 PDF 再使用"


def declared_members(fh: IO[bytes]) -> int | None:
    """The number of entries the end-of-central-directory record declares (zip64 aware), or
    None when the record cannot be found (zipfile then reports the damaged file)."""
    fh.seek(0, 2)
    size = fh.tell()
    tail_len = min(size, 22 + 65535)
    fh.seek(size - tail_len)
    tail = fh.read(tail_len)
    at = tail.rfind(_EOCD)
    if at < 0 or at + 22 > len(tail):
        return None
    (count,) = struct.unpack("<H", tail[at + 10 : at + 12])
    if count != 0xFFFF:
        return count
    loc = at - 20
    if loc < 0 or tail[loc : loc + 4] != _EOCD64_LOCATOR:
        return None
    (offset,) = struct.unpack("<Q", tail[loc + 8 : loc + 16])
    fh.seek(offset)
    record = fh.read(56)
    if len(record) < 56 or record[:4] != _EOCD64:
        return None
    (count64,) = struct.unpack("<Q", record[32:40])
    return count64


def check(zf: zipfile.ZipFile) -> None:
    """Refuse (:class:`UnsafeZip`) a package whose declared contents are not those of a
    document: too many members, too large in total or in one member, a member inflating
    more than :data:`MAX_RATIO` times, an encrypted member or a method Office never uses."""
    infos = zf.infolist()
    if len(infos) > MAX_MEMBERS:
        raise UnsafeZip(f"文件里有 {len(infos)} 个内部文件（上限 {MAX_MEMBERS} 个）。{BOMB}{BOMB_FIX}")
    total = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise UnsafeZip(f"文件内部的 {info.filename} 加了密码，无法读取。请去掉密码后重新保存，或另存为 PDF 再使用")
        if info.compress_type not in ALLOWED_METHODS:
            raise UnsafeZip(
                f"文件内部的 {info.filename} 使用了 Office 不会使用的压缩方式（{info.compress_type}）。{BOMB}{BOMB_FIX}"
            )
        if info.file_size > MAX_MEMBER_BYTES:
            raise UnsafeZip(
                f"文件内部的 {info.filename} 解压后有 {_size(info.file_size)}"
                f"（单个内部文件上限 {_size(MAX_MEMBER_BYTES)}）。{BOMB}{BOMB_FIX}"
            )
        if info.file_size > RATIO_GRACE_BYTES and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            ratio = info.file_size // max(info.compress_size, 1)
            raise UnsafeZip(
                f"文件内部的 {info.filename} 压缩比达 {ratio}:1（正常文件不超过 {MAX_RATIO}:1）。{BOMB}{BOMB_FIX}"
            )
        total += info.file_size
        if total > MAX_TOTAL_BYTES:
            raise UnsafeZip(f"文件解压后超过 {_size(MAX_TOTAL_BYTES)}（所有内部文件合计的上限）。{BOMB}{BOMB_FIX}")


def open_checked(source: Path | IO[bytes]) -> zipfile.ZipFile:
    """The package opened for reading after :func:`check`; raises :class:`UnsafeZip`, or
    ``zipfile.BadZipFile``/``OSError`` for a file that is not a zip at all."""
    if isinstance(source, Path):
        with open(source, "rb") as fh:
            count = declared_members(fh)
    else:
        count = declared_members(source)
        source.seek(0)
    if count is not None and count > MAX_MEMBERS:
        raise UnsafeZip(f"文件里有 {count} 个内部文件（上限 {MAX_MEMBERS} 个）。{BOMB}{BOMB_FIX}")
    zf = zipfile.ZipFile(source)
    try:
        check(zf)
    except BaseException:
        zf.close()
        raise
    return zf


def check_path(path: Path) -> None:
    """:func:`open_checked` for a reader that opens the file itself (python-docx, openpyxl):
    raises :class:`UnsafeZip`; a file that is not a zip is left for that reader to report."""
    try:
        zf = open_checked(path)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return
    zf.close()
