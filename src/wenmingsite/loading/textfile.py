"""Reading editors' text files: UTF-8 only, with a precise message for anything else."""

from __future__ import annotations

import codecs
from pathlib import Path

from wenmingsite.loading.problems import Problem, ProblemError

SAVE_AS_UTF8 = "请用记事本或 VS Code 打开，选择“另存为”，编码选 UTF-8 后保存"


def decode_text(data: bytes, rel: str) -> str:
    """Decode ``data`` as UTF-8 (a BOM is tolerated) and normalise line ends to ``\\n``.

    Raises :class:`ProblemError` naming the line of the first undecodable byte and the
    encoding the file most likely has.
    """
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise ProblemError(Problem(rel, None, None, f"文件是 UTF-16 编码，网站只能读取 UTF-8。{SAVE_AS_UTF8}"))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        if b"\x00" in data[:4096]:
            guess = "UTF-16"
        else:
            try:
                data.decode("gb18030")
                guess = "GBK/GB18030（旧版 Windows 软件常用）"
            except UnicodeDecodeError:
                guess = "未知编码"
        raise ProblemError(
            Problem(
                # No column: a GBK byte pair may pass as UTF-8 for a character or two.
                rel,
                line,
                None,
                f"文件不是 UTF-8 编码（看起来是 {guess}），从这里开始无法识别。{SAVE_AS_UTF8}",
            )
        ) from None
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise ProblemError(Problem(rel, line, None, f"文件含有空字符，可能是 UTF-16 编码或二进制文件。{SAVE_AS_UTF8}"))
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_text(path: Path, rel: str) -> str:
    """Read and decode a file; see :func:`decode_text`."""
    try:
        with open(path, "rb", buffering=0) as fh:  # unbuffered: read whole in one call
            data = fh.readall()
    except OSError as exc:
        raise ProblemError(Problem(rel, None, None, f"无法读取文件：{exc.strerror}")) from None
    return decode_text(data, rel)
