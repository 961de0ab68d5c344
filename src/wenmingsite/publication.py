"""Publication checks: what must never reach the public site, whatever the schema says.

Template placeholders, personal numbers of private persons, GPS in committed originals,
files too large for GitHub, and (for ``wenming check``, since MkDocs checks them during a
build) broken internal links. Every build runs the same checks through ``loader.load``.
"""

from __future__ import annotations

import functools
import html
import os
import posixpath
import re
import urllib.parse
from collections.abc import Iterable
from pathlib import Path

from . import memo, privacy
from .problems import Problem

NEW_BODY = "（在这里写活动的经过和成效）"  # what `wenming new` leaves for the editor to replace
PLACEHOLDERS = [
    re.compile(re.escape(NEW_BODY)),
    re.compile(r"×{2,}"),
    re.compile(r"(?<![A-Za-z])(?:XX+|xx+)(?![A-Za-z])"),
    re.compile(r"(?<!\d)(?:19|20)_{1,2}(?!\d)"),
    re.compile(r"○{2,}"),
    re.compile(r"\[[^\[\]\n]{0,6}(?:名称|姓名|名字|单位|部门|时间|日期|地点|人数|金额|内容)\](?!\()"),
]
MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!<>|])")
MAX_FILE_BYTES = 100 * 1024 * 1024  # GitHub refuses larger files
LINK = re.compile(r"!?\[[^\]\n]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
TEXT_TYPES = (".md", ".yml", ".yaml")


def scan_text(rel: str, text: str, allowed_numbers: set[str], first_line: int = 1) -> list[Problem]:
    """Placeholders and personal numbers in one file's text."""
    scan = _scan_text if memo.keeping() else _scan_text.__wrapped__
    return list(scan(rel, text, frozenset(allowed_numbers), first_line))


@functools.lru_cache(maxsize=50_000)  # `mkdocs serve` rescans only the files that changed
def _scan_text(rel: str, text: str, allowed_numbers: frozenset, first_line: int) -> tuple[Problem, ...]:
    out = []
    for i, line in enumerate(text.split("\n"), first_line):
        # Markdown escapes (20\_\_) render as the bare characters: check what readers see.
        line = MD_ESCAPE.sub(r"\1", line)
        for pattern in PLACEHOLDERS:
            for m in pattern.finditer(line):
                out.append(Problem(rel, i, m.start() + 1, f"这里还是模板占位符“{m.group(0)}”。请换成实际内容后再发布"))
        for f in privacy.find(line, allowed_numbers):
            out.append(Problem(rel, i, f.start + 1, number_message(f.kind, f.masked)))
    return tuple(out)


def sample_notices(rel: str, text: str) -> list[Problem]:
    """Sample text ``wenming init`` wrote that is still unedited: the comment line above it
    carries the mark (a notice, not an error: a new unit builds before it is filled in)."""
    from .scaffold import SAMPLE_MARK

    if SAMPLE_MARK not in text:
        return []
    return [
        Problem(rel, i, None, "这里还是 wenming init 写的示例内容，请改写成本单位的实际情况，改好后删掉这一行注释")
        for i, line in enumerate(text.split("\n"), 1)
        if line.lstrip().startswith("#") and SAMPLE_MARK in line
    ]


def number_message(kind: str, masked: str) -> str:
    if kind == "mobile":
        return f"疑似个人手机号 {masked}。公开网站上不能出现群众和职工的个人手机号，请删除，或改为单位的办公电话"
    return f"疑似居民身份证号 {masked}。公开网站上不能出现身份证号，请删除"


def allowed_numbers(*public: str | None) -> set[str]:
    """The unit's own published numbers (its office phone), as the detector spells them."""
    out = set()
    for text in public:
        if text:
            out.add(re.sub(r"\D", "", text))
            out.update(f.number for f in privacy.find(text))
    return out


def name_problems(rels: Iterable[str], allowed_numbers: set[str]) -> list[Problem]:
    """File and folder names holding a personal number: names become URLs and download links."""
    out = []
    folders: set[str] = set()
    for rel in rels:
        parts = rel.split("/")
        for k, name in enumerate(parts):
            path = "/".join(parts[: k + 1])
            folder = k < len(parts) - 1
            if folder:
                if path in folders:
                    continue
                folders.add(path)
            # "2024-04-01-13812345678.md": in names, -, _ and . separate words as spaces do.
            spaced = re.sub(r"[-_.]", " ", name)
            found = {
                f.masked: f for f in [*privacy.find(name, allowed_numbers), *privacy.find(spaced, allowed_numbers)]
            }
            for f in found.values():
                what = "个人手机号" if f.kind == "mobile" else "居民身份证号"
                out.append(
                    Problem(
                        path,
                        None,
                        None,
                        f"{'文件夹名' if folder else '文件名'}中有疑似{what} {f.masked}。"
                        "文件名会出现在网址和下载链接里，公开网站上不能出现个人号码。"
                        f"请给这个{'文件夹' if folder else '文件'}改名、去掉号码"
                        "（页面或 data 中引用了它的地方也要一起改）",
                    )
                )
    return out


def document_problems(
    root: Path, docs_dir: Path, docs_rel: str, docs_paths: Iterable[str], allowed_numbers: set[str]
) -> list[Problem]:
    """Personal numbers inside the documents under docs/ (.docx, .pdf, .xlsx, .txt, .csv),
    and documents that cannot be checked. Findings are cached by content under
    ``root/.cache/privacy/``, so an unchanged document is not opened again."""
    from . import doctext

    cache = doctext.DocumentCache(root / doctext.CACHE_DIR)
    allowed_keys = {doctext.number_key(n) for n in privacy.canonical_numbers(frozenset(allowed_numbers))}
    out = []
    for docs_path in sorted(docs_paths):
        if not docs_path.lower().endswith(doctext.DOCUMENT_TYPES):
            continue
        rel = f"{docs_rel}/{docs_path}"
        entry = cache.findings(docs_dir / docs_path, rel)
        if entry["error"]:
            line, col, message = entry["error"]
            out.append(Problem(rel, line, col, message))
        for where, line, col, kind, masked, key in entry["found"]:
            if key in allowed_keys:
                continue
            message = number_message(kind, masked)
            if where:
                message = f"{where}：{message}"
            if docs_path.lower().endswith(".pdf"):
                message += "（PDF 请在原文档中修改后重新导出）"
            out.append(Problem(rel, line, col, message))
    cache.save()
    return out


def gps_problem(path: Path, rel: str, has_gps) -> Problem | None:
    """``has_gps``: images.gps_of, or a PhotoCache's memo of it."""
    if has_gps(path):
        return Problem(
            rel,
            None,
            None,
            "原图带有 GPS 位置信息：仓库公开后，任何人都能下载原图看到拍摄地点。"
            "请运行 wenming fix 去掉位置信息（不改变画面），或在手机上关闭相机的位置记录后重新导出",
        )
    return None


def size_problem(size: int, rel: str) -> Problem | None:
    if size > MAX_FILE_BYTES:
        return Problem(
            rel,
            None,
            None,
            f"文件有 {size / 1024 / 1024:.0f} MB，超过 GitHub 单个文件 100 MB 的上限，无法提交。"
            "照片请先缩小，文档请转成 PDF 并压缩",
        )
    return None


def broken_links(rel: str, docs_path: str, body: str, body_line: int, exists) -> list[Problem]:
    """Relative links in a page's Markdown that point at nothing (``exists(docs_path)``)."""
    out = []
    base = posixpath.dirname(docs_path)
    for i, line in enumerate(body.split("\n"), body_line):
        for m in LINK.finditer(line):
            target = m.group(1)
            # Judged as the browser follows it: Markdown passes character references through
            # ("&#106;avascript:" is a script link, reported by the gate, not a missing file).
            parsed = urllib.parse.urlsplit(html.unescape(target))
            if target.startswith("/") and not target.startswith("//"):
                out.append(
                    Problem(
                        rel,
                        i,
                        m.start(1) + 1,
                        f"链接“{target}”以“/”开头（从网站根目录算起），网站发布在子路径下（如 GitHub Pages 的"
                        " /仓库名/）时会失效。请写相对于本文件所在文件夹的路径，例如 ../timeline/",
                    )
                )
                continue
            if parsed.scheme or parsed.netloc or target.startswith(("#", "mailto:")):
                continue
            path = urllib.parse.unquote(parsed.path)
            if not path:
                continue
            resolved = posixpath.normpath(posixpath.join(base, path))
            if not exists(resolved):
                out.append(
                    Problem(
                        rel,
                        i,
                        m.start(1) + 1,
                        f"链接的目标“{target}”不存在。请检查文件名和路径（路径相对于本文件所在的文件夹）",
                    )
                )
    return out


def page_exists(all_files: Iterable[str], generated: Iterable[str]):
    """A predicate for link targets: a file, a page (``x.md`` or ``x/``) or a generated page."""
    files = set(all_files) | set(generated)

    def exists(path: str) -> bool:
        path = path.rstrip("/") if path not in ("", ".") else ""
        candidates = [path, f"{path}.md", f"{path}/index.md", f"{path}/README.md"] if path else ["index.md"]
        return any(c in files for c in candidates)

    return exists


def walk_files(folder: Path) -> Iterable[Path]:
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for name in filenames:
            if not name.startswith("."):
                yield Path(dirpath) / name
