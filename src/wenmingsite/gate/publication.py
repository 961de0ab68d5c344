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

from wenmingsite.gate import privacy
from wenmingsite.loading.problems import Problem
from wenmingsite.pages import memo

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
    # the real day is part of the key: an ID number is judged by its birth date against it
    return list(scan(rel, text, frozenset(allowed_numbers), first_line, privacy.real_day()))


@functools.lru_cache(maxsize=50_000)  # `mkdocs serve` rescans only the files that changed
def _scan_text(rel: str, text: str, allowed_numbers: frozenset, first_line: int, day: object) -> tuple[Problem, ...]:
    out = []
    for i, line in enumerate(text.split("\n"), first_line):
        # Markdown escapes (20\_\_) render as the bare characters: check what readers see.
        line = MD_ESCAPE.sub(r"\1", line)
        for pattern in PLACEHOLDERS:
            for m in pattern.finditer(line):
                out.append(Problem(rel, i, m.start() + 1, f"这里还是模板占位符“{m.group(0)}”。请换成实际内容后再发布"))
        for f in privacy.find(line, allowed_numbers):
            out.append(Problem(rel, i, f.start + 1, number_message(f.number_type, f.masked)))
    return tuple(out)


def config_problems(path: Path, rel: str, allowed_numbers: set[str]) -> list[Problem]:
    """Personal numbers in mkdocs.yml, decoded as its values are (``copyright``,
    ``site_description`` and the rest reach every page; the repository is public)."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return []  # MkDocs itself reports an unreadable mkdocs.yml
    return [
        Problem(rel, i, f.start + 1, number_message(f.number_type, f.masked))
        for i, line in enumerate(text.split("\n"), 1)
        for f in privacy.find(line, allowed_numbers)
    ]


# The comment `wenming import` writes above the criteria it suggests for a chapter (the
# suggestion itself commented out below it: nothing counts it until someone checks it).
SUGGESTED_MARK = "wenming import 按关键词推荐的测评项目，还没有核对"
SUGGESTED_NOTICE = (
    "这一章的测评项目是 wenming import 按关键词推荐的，还没有核对，不计入测评对照和迎检材料。"
    "请核对：对的去掉下一行行首的“# ”，不对的删掉，然后删掉这一行注释"
)


def sample_notices(rel: str, text: str) -> list[Problem]:
    """Sample text ``wenming init`` wrote that is still unedited, and criteria ``wenming import``
    suggested that nobody has checked: the comment line above each carries a mark (a notice,
    not an error: a new unit builds before it is filled in)."""
    from wenmingsite.scaffold import SAMPLE_MARK

    if SAMPLE_MARK not in text and SUGGESTED_MARK not in text:
        return []
    out = []
    for i, line in enumerate(text.split("\n"), 1):
        if not line.lstrip().startswith("#"):
            continue
        if SAMPLE_MARK in line:
            out.append(
                Problem(
                    rel, i, None, "这里还是 wenming init 写的示例内容，请改写成本单位的实际情况，改好后删掉这一行注释"
                )
            )
        elif SUGGESTED_MARK in line:
            out.append(Problem(rel, i, None, SUGGESTED_NOTICE))
    return out


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


@functools.lru_cache(maxsize=16_384)  # `mkdocs serve` reads the same names at every rebuild
def _name_findings(name: str, allowed_numbers: frozenset[str], day: object) -> tuple[privacy.Finding, ...]:
    # the real day is part of the key: an ID number is judged by its birth date against it
    # "2024-04-01-13812345678.md": in names, -, _ and . separate words as spaces do.
    spaced = re.sub(r"[-_.]", " ", name)
    found = {f.masked: f for f in [*privacy.find(name, allowed_numbers), *privacy.find(spaced, allowed_numbers)]}
    return tuple(found.values())


def name_problems(rels: Iterable[str], allowed_numbers: set[str]) -> list[Problem]:
    """File and folder names holding a personal number: names become URLs and download links."""
    return [p for path, name, folder in named_paths(rels) for p in name_problem(path, name, folder, allowed_numbers)]


def named_paths(rels: Iterable[str]) -> Iterable[tuple[str, str, bool]]:
    """Each file of ``rels`` and each folder they lie in, once: ``(path, name, is_folder)``."""
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
            yield path, name, folder


def name_problem(path: str, name: str, folder: bool, allowed_numbers: set[str]) -> list[Problem]:
    """The personal numbers in one file's or folder's ``name`` (whose path is ``path``)."""
    out = []
    for f in _name_findings(name, frozenset(allowed_numbers), privacy.real_day()):
        what = "个人手机号" if f.number_type == "mobile" else "居民身份证号"
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
    root: Path,
    docs_dir: Path,
    docs_rel: str,
    docs_paths: Iterable[str],
    allowed_numbers: set[str],
    texts: dict[str, list] | None = None,
) -> list[Problem]:
    """Personal numbers inside the documents under docs/ (.docx, .pdf, .xlsx, .txt, .csv),
    and documents that cannot be checked. Findings are cached by content under
    ``root/.cache/privacy/``, so an unchanged document is not opened again. ``texts`` receives
    what a reader reads in each document (``[where, first_line, text]``), for the
    sensitive-information check (wenmingsite.gate.sensitive)."""
    from wenmingsite.gate import doctext

    cache = doctext.DocumentCache(root / doctext.CACHE_DIR)
    out = []
    for docs_path in sorted(docs_paths):
        if docs_path.lower().endswith(doctext.DOCUMENT_TYPES):
            rel = f"{docs_rel}/{docs_path}"
            out += _document_findings(cache, docs_dir / docs_path, rel, allowed_numbers)
            if texts is not None and (found := cache.findings(docs_dir / docs_path, rel).get("texts")):
                texts[docs_path] = found
    cache.save()
    return out


def _document_findings(cache, path: Path, rel: str, allowed_numbers: set[str]) -> list[Problem]:
    from wenmingsite.gate import doctext

    allowed_keys = {doctext.number_key(n) for n in privacy.canonical_numbers(frozenset(allowed_numbers))}
    out = []
    entry = cache.findings(path, rel)
    if entry["error"]:
        line, col, message = entry["error"]
        out.append(Problem(rel, line, col, message))
    for where, line, col, kind, masked, key in entry["found"]:
        if key in allowed_keys:
            continue
        message = number_message(kind, masked)
        if where:
            message = f"{where}：{message}"
        if rel.lower().endswith(".pdf"):
            message += "（PDF 请在原文档中修改后重新导出）"
        out.append(Problem(rel, line, col, message))
    return out


# --- files beside docs/: the theme's custom_dir ---------------------------------------------

THEME_DOCUMENT_CACHE = Path(".cache") / "privacy-theme"  # its own: each cache drops what it did not see


# What MkDocs (1.6, Files.add_files_from_theme) never copies from a theme folder: dot files
# and folders, Python, templates (*.html and the theme's static templates), read-mes, the
# theme's own settings, translations, Markdown.
THEME_NEVER_COPIED = (
    [".*", "*/.*", "*.py", "*.pyc", "*.html", "*readme*", "mkdocs_theme.yml", "locales/*"]
    + [f"*{x}" for x in (".markdown", ".mdown", ".mkdn", ".mkd", ".md")]
    + ["404.html", "sitemap.xml"]  # Material's static templates
)


def theme_static_paths(custom_dir: Path) -> list[str]:
    """The files of a theme folder that MkDocs copies to site/ (for ``wenming check``; a
    build takes the list from MkDocs itself)."""
    import fnmatch

    out = []
    for path in sorted(walk_all(custom_dir)):
        rel = path.relative_to(custom_dir).as_posix()
        if not any(fnmatch.fnmatch(rel.lower(), pattern) for pattern in THEME_NEVER_COPIED):
            out.append(rel)
    return out


def walk_all(folder: Path) -> Iterable[Path]:
    for dirpath, _, filenames in os.walk(folder):
        for name in filenames:
            yield Path(dirpath) / name


def beside_docs(root: Path, site, allowed_numbers: set[str]) -> list[Problem]:
    """What ``wenming check`` finds beside docs/ and data/ that a build also refuses:
    personal numbers in mkdocs.yml, and the theme folder's files (``site``: gate.SiteConfig)."""
    out = config_problems(root / "mkdocs.yml", "mkdocs.yml", allowed_numbers)
    if site is not None and site.custom_dir and (root / site.custom_dir).is_dir():
        custom = root / site.custom_dir
        shown = Path(os.path.normpath(site.custom_dir)).as_posix()
        out += theme_links(root, custom, shown)
        out += theme_files(root, custom, shown, theme_static_paths(custom), site, allowed_numbers)[1]
    return out


def theme_links(root: Path, custom_dir: Path, shown: str) -> list[Problem]:
    """Links in the theme folder that point outside the project (templates included: a
    template is read by the build as much as a copied file is)."""
    out = []
    top = root.resolve()
    for dirpath, dirnames, filenames in os.walk(custom_dir):
        for name in sorted(dirnames + filenames):
            path = Path(dirpath) / name
            if not path.is_symlink():
                continue
            target = Path(os.path.realpath(path))
            if not target.is_relative_to(top):
                rel = path.relative_to(custom_dir).as_posix()
                out.append(
                    Problem(
                        f"{shown}/{rel}",
                        None,
                        None,
                        f"这是指向项目以外（{os.readlink(path)}）的符号链接（快捷方式），网站不会读取也不会发布它。"
                        "请换成真实文件，或删除它",
                    )
                )
    return out


def theme_files(
    root: Path, custom_dir: Path, shown: str, paths: Iterable[str], site, allowed_numbers: set[str]
) -> tuple[dict[str, Path | bool], list[Problem]]:
    """How each file of the theme folder (``custom_dir``) that MkDocs would copy to site/
    is published, through the same classes as docs/ (wenmingsite.gate): images re-encoded,
    SVG rebuilt (svgsafe), documents read for personal numbers (only kinds that can be
    read), web fonts, CNAME and robots.txt as they are, code and pages (``.js``, ``.css``,
    ``.htm``…) only when mkdocs.yml lists them (``site``: gate.SiteConfig); anything else is
    refused. ``paths`` are relative to ``custom_dir`` (and so to site/). Returns each path's
    form (True: as it is; a Path: its clean copy; False: not published) and the problems.

    ``.html`` files are never among ``paths``: MkDocs uses them as Jinja templates only
    (main.html, partials/…, a page's ``template:``), never copies them, and they are the
    maintainer's code like the plugin; what they render is read by the output scan."""
    from wenmingsite import gate
    from wenmingsite.gate import clean_assets as assets
    from wenmingsite.gate import doctext, images

    forms: dict[str, Path | bool] = {}
    out: list[Problem] = []
    top = root.resolve()
    asset_cache = assets.AssetCache(root / assets.CACHE_DIR)
    documents = doctext.DocumentCache(root / THEME_DOCUMENT_CACHE)
    for rel in sorted(paths):
        path = custom_dir / rel
        where = f"{shown}/{rel}"
        low = rel.lower()
        forms[rel] = False
        if path.is_symlink() and not Path(os.path.realpath(path)).is_relative_to(top):
            continue  # theme_links reports it
        if reason := gate.name_problem(rel):
            out.append(Problem(where, None, None, reason))
            continue
        name = posixpath.basename(rel)
        if low.endswith(gate.IMAGE_TYPES + gate.SVG_TYPES):
            clean, problem = asset_cache.publish(path)
            if problem:
                out.append(Problem(where, None, None, problem))
                continue
            if low.endswith(gate.IMAGE_TYPES) and (gps := gps_problem(path, where, images.gps_of)):
                out.append(gps)
            dangerous = [r for r in asset_cache.removed.get(path, []) if not r.startswith(assets._HARMLESS_REMOVAL)]
            if notice := assets.removal_notice(dangerous):
                out.append(Problem(where, None, None, notice))
            forms[rel] = clean or False
        elif low.endswith(gate.UNSHOWABLE_IMAGES):
            out.append(Problem(where, None, None, "浏览器无法显示这种图片格式，不会发布。请另存为 JPG 或 PNG"))
        elif low.endswith(gate.DOCUMENT_TYPES) or (rel in site.listed and low.endswith(doctext.DOCUMENT_TYPES)):
            if not low.endswith(doctext.DOCUMENT_TYPES):
                out.append(
                    Problem(
                        where,
                        None,
                        None,
                        f"“.{low.rpartition('.')[2]}”文件的内容无法检查，不知道其中有没有个人手机号和身份证号，不会发布。"
                        "请转成 PDF 或 .docx/.xlsx 后，放在 docs/ 中并在 data/documents.yml 中登记",
                    )
                )
                continue
            found = _document_findings(documents, path, where, allowed_numbers)
            out += found
            forms[rel] = not found
        elif name in gate.ASSET_NAMES or low.endswith(gate.FONT_TYPES) or rel in site.listed:
            forms[rel] = True
        elif low.endswith(gate.CODE_TYPES):
            out.append(
                Problem(
                    where,
                    None,
                    None,
                    f"主题文件夹（{shown}）中的“.{low.rpartition('.')[2]}”文件会在访客的浏览器里运行或显示为独立网页，"
                    "不会发布。页面模板请写成 .html（只作为模板使用，不会单独发布）；确实需要原样发布的（由维护者确认），"
                    "请在 mkdocs.yml 的 extra_css、extra_javascript 或 wenming 插件的 publish_as_is 中列出它",
                )
            )
        else:
            kind = f"“.{low.rpartition('.')[2]}”" if "." in name else "没有扩展名的"
            out.append(
                Problem(
                    where,
                    None,
                    None,
                    f"主题文件夹（{shown}）中{kind}文件不会发布到网站。这里只发布图片、SVG、网页字体、PDF 和 Office 文档"
                    "（检查个人号码后）和 mkdocs.yml 中列出的文件。要公开的内容请放在 docs/ 中",
                )
            )
    documents.save()
    return forms, out


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
