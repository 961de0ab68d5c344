"""The publication gate: the complete list of what may reach the public site, and in
which form.

The site and its repository are public. Every file under ``docs/`` is classified here
by what it really is, and only the classes below are published, each in its own form;
everything else is refused with a Chinese line saying what the file probably was meant
to be. Every page's HTML passes the allowlist below (nh3, the Python binding of the
Rust sanitiser ammonia) before MkDocs writes it or indexes it for search.

What is published, and how (``FILE_CLASSES`` is the table the README repeats):

=============  ==========================================================  ======================
class          files                                                       published as
=============  ==========================================================  ======================
page           ``*.md`` (lower-case extension)                             HTML after the allowlist
photo          JPG/PNG/WebP/HEIC listed in an activity's ``photos``        re-encoded variants only
image          other JPG/PNG/WebP/GIF (logo, certificates, assets)         re-encoded from pixels
svg            ``*.svg``                                                   sanitised (svgsafe)
document       PDF/Office/OFD files registered in ``data/documents.yml``   as they are, after the
                                                                           personal-number scan
listed         ``.css``/``.js``/``.html``… a maintainer lists in mkdocs.yml as they are
asset          ``CNAME``, ``robots.txt``, web fonts                        as they are
=============  ==========================================================  ======================

Nothing else under ``docs/`` is copied to ``site/``: the hook removes every refused file
from MkDocs' file list, also under ``mkdocs serve`` where the build goes on.
"""

from __future__ import annotations

import importlib.util
import json
import posixpath
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import nh3

from .problems import Problem

# --- files ---------------------------------------------------------------------------

PAGE_SUFFIX = ".md"
PHOTO_TYPES = (".jpg", ".jpeg", ".png", ".webp", ".heic", ".heif")
IMAGE_TYPES = (".jpg", ".jpeg", ".png", ".webp", ".gif")  # re-encoded wherever they lie
UNSHOWABLE_IMAGES = (".heic", ".heif", ".tif", ".tiff", ".bmp")  # no browser shows them
SVG_TYPES = (".svg",)
OFFICE_TYPES = (".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".wps", ".et", ".dps")
ACTIVITIES_PREFIX = "activities/"
DOCUMENT_TYPES = (".pdf", ".ofd", ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".wps", ".et", ".dps")
FONT_TYPES = (".woff2", ".woff")
ASSET_NAMES = ("CNAME", "robots.txt")
# Kinds of file that run code or show a page of their own: published only when a
# maintainer lists them in mkdocs.yml (extra_css, extra_javascript, the wenming plugin's publish_as_is).
CODE_TYPES = (".css", ".js", ".mjs", ".html", ".htm", ".xml", ".json")

FILE_CLASSES = [
    ("page", "Markdown 页面（.md）", "逐字校验 front matter，正文经 HTML 白名单净化后发布"),
    ("photo", "活动照片（photos 中列出的 JPG、PNG、WebP、HEIC）", "只发布重新编码的缩略图和大图，原图永不发布"),
    (
        "image",
        "其他图片（标志、证书、插图：JPG、PNG、WebP、GIF）",
        "按像素重新编码后发布，不带任何 EXIF、XMP、GPS 或文字块",
    ),
    ("svg", "SVG 矢量图", "只保留安全的图形元素和属性后发布"),
    ("document", "在 data/documents.yml 登记的 PDF、Office、OFD 文件", "检查个人号码后原样发布"),
    ("listed", "维护者在 mkdocs.yml 中列出的样式、脚本和网页文件", "原样发布"),
    ("asset", "CNAME、robots.txt、网页字体（.woff2、.woff）", "原样发布"),
]

MARKDOWN_LIKE = (".markdown", ".mdown", ".mkdn", ".mkd", ".mdwn", ".mdtxt", ".mdtext", ".text")
WINDOWS_RESERVED = re.compile(r"^(?:con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$", re.I)
WINDOWS_BAD_CHARS = re.compile(r'[<>:"\\|?*\x00-\x1f]')


@dataclass(frozen=True)
class Decision:
    """What the gate makes of one file under docs/: its class, or why it is refused."""

    path: str  # docs-relative
    kind: str | None  # one of FILE_CLASSES' names; None when refused
    refusal: str | None = None  # Chinese: what the file is and how to fix it
    # Not published and not an error: a notice for check and the preview page (Chinese).
    notice: str | None = None

    @property
    def published(self) -> bool:
        return self.kind is not None


DEFAULT_MARKDOWN = (("toc", "{}"), ("tables", "{}"), ("attr_list", "{}"), ("md_in_html", "{}"))


@dataclass(frozen=True)
class SiteConfig:
    """What the gate needs from mkdocs.yml."""

    listed: frozenset[str] = frozenset()  # docs paths a maintainer allows as they are
    custom_dir: str | None = None  # theme overrides folder, relative to the project
    statuses: frozenset[str] = frozenset({"new", "deprecated"})
    # Markdown as the site converts it: (extension name, its settings as JSON) pairs.
    markdown: tuple[tuple[str, str], ...] = DEFAULT_MARKDOWN


@dataclass
class Context:
    """What the rest of the content says about files: which are photos, which documents."""

    photos: set[str] = field(default_factory=set)  # docs paths used as activity photos
    images: set[str] = field(default_factory=set)  # docs paths referenced as logo, certificates
    documents: set[str] = field(default_factory=set)  # docs paths registered in documents.yml
    site: SiteConfig = field(default_factory=SiteConfig)
    # Photos another problem already accounts for: named in a page's photos but refused there,
    # or in the folder of an activity page that could not be read ("folder/" entries).
    excused: set[str] = field(default_factory=set)


def name_problem(path: str) -> str | None:
    """A path that Windows cannot check out, or that no one can type: the Chinese reason."""
    for part in path.split("/"):
        stem = part.split(".", 1)[0]
        if WINDOWS_RESERVED.match(stem.rstrip(" ")):
            return (
                f"文件名“{part}”是 Windows 的保留名称（CON、PRN、AUX、NUL、COM1、LPT1 等），"
                "在 Windows 电脑上无法检出或打开。请换一个名称"
            )
        if m := WINDOWS_BAD_CHARS.search(part):
            ch = m.group(0)
            shown = f"“{ch}”" if ch.isprintable() else f"不可见的控制字符（U+{ord(ch):04X}）"
            return (
                f'文件名“{part}”含有{shown}，Windows 上不允许这样的文件名（\\ / : * ? " < > | 都不行）。'
                "请改名，只用汉字、字母、数字、连字符和下划线"
            )
        if part != part.rstrip(". "):
            return f"文件名“{part}”以点或空格结尾，Windows 上会被自动去掉，文件就对不上了。请删除结尾的点或空格"
        if any(unicodedata.category(c) in ("Cf", "Zl", "Zp") for c in part):
            return f"文件名“{part}”含有不可见的格式字符（如零宽空格）。请重新输入文件名"
    return None


def near_miss(path: str) -> str | None:
    """A file that was probably meant to be a page or an activity record, in the wrong form."""
    name = posixpath.basename(path)
    low = name.lower()
    stem, dot, suffix = name.rpartition(".")
    if low.endswith(PAGE_SUFFIX) and not name.endswith(PAGE_SUFFIX):
        return f"扩展名“.{suffix}”不是小写。网站只认小写的 .md，而网站服务器区分大小写。请把文件改名为 {stem}.md"
    if low.endswith(MARKDOWN_LIKE):
        return (
            f"这像是一个 Markdown 页面，但扩展名是“.{suffix}”。网站只认 .md："
            f"请把文件改名为 {stem}.md，它就会像其他页面一样被检查和发布"
        )
    if re.search(r"\.md\.[a-z0-9]{1,4}$", low):
        return (
            f"文件名多了一个扩展名“.{suffix}”（记事本“另存为”时常会自动加上 .txt）。"
            f"请把文件改名为 {stem}（在记事本里保存时，“保存类型”选“所有文件”）"
        )
    if low.endswith(".md.") or low.endswith(".md "):
        return f"文件名以点或空格结尾。请改名为 {name.rstrip('. ')}"
    if low.endswith((".yml", ".yaml")):
        return (
            "YAML 数据文件不会发布，也不会被读取：活动记录请放在 data/activities/，"
            "单位信息等请放在 data/ 下对应的文件中"
        )
    return None


UNLISTED_PHOTO = (
    "未列入 photos 的照片：它不会出现在网站上（原图从不发布），这不影响网站生成。"
    "要展示它，请在对应活动的 photos 中加上它和一句说明；不需要就删除它"
)


def classify(path: str, ctx: Context) -> Decision:
    """The class of the file at ``path`` (relative to docs/), or the reason it is refused."""
    if reason := name_problem(path):
        return Decision(path, None, reason)
    name = posixpath.basename(path)
    low = name.lower()
    if name.endswith(PAGE_SUFFIX):
        return Decision(path, "page")
    if reason := near_miss(path):
        return Decision(path, None, reason)
    if path in ctx.site.listed:
        return Decision(path, "listed")
    if path in ctx.photos and low.endswith(PHOTO_TYPES):
        return Decision(path, "photo")
    if path.startswith(ACTIVITIES_PREFIX) and low.endswith(IMAGE_TYPES + UNSHOWABLE_IMAGES):
        if path in ctx.excused or any(path.startswith(f) for f in ctx.excused if f.endswith("/")):
            return Decision(path, None)  # the page's own problem speaks for it
        return Decision(path, None, notice=UNLISTED_PHOTO)
    if low.endswith(IMAGE_TYPES):
        return Decision(path, "image")
    if low.endswith(UNSHOWABLE_IMAGES):
        return Decision(
            path, None, "浏览器无法显示这种图片格式。请在手机或电脑上把它另存为 JPG 或 PNG，再更新引用它的地方"
        )
    if low.endswith(SVG_TYPES):
        return Decision(path, "svg")
    if low.endswith(DOCUMENT_TYPES):
        if path in ctx.documents:
            return Decision(path, "document")
        if low.endswith(OFFICE_TYPES):
            return Decision(
                path,
                None,
                "这个 Office 文件没有登记在 data/documents.yml 中，会被原样公开（可能含有修订记录和作者信息）。"
                "请在 data/documents.yml 中登记它，或把它移出 docs/",
            )
        return Decision(
            path,
            None,
            "这个文件没有登记在 data/documents.yml 中，不会发布。需要公开就在 data/documents.yml 中"
            "登记它（title、issued、file），否则请把它移出 docs/",
        )
    if name in ASSET_NAMES or low.endswith(FONT_TYPES):
        return Decision(path, "asset")
    if low.endswith(CODE_TYPES):
        return Decision(
            path,
            None,
            f"“.{low.rpartition('.')[2]}”文件会在访客的浏览器里运行或显示为独立网页，不会发布。"
            "编辑内容请写成 .md 页面；如果确实需要（由维护者确认），请在 mkdocs.yml 的 "
            "extra_css、extra_javascript 或 wenming 插件的 publish_as_is 中列出它",
        )
    kind = f"“.{low.rpartition('.')[2]}”" if "." in name else "没有扩展名的"
    return Decision(
        path,
        None,
        f"{kind}文件不会发布到网站。网站只发布 .md 页面、图片、SVG、登记过的文件和维护者列出的文件。"
        "请把它移出 docs/；如果是要公开的文件，请转成 PDF 并在 data/documents.yml 中登记",
    )


def data_near_miss(rel_in_data: str) -> str | None:
    """Files under data/ that belong elsewhere (``rel_in_data`` is relative to data/)."""
    low = rel_in_data.lower()
    if low.endswith(PAGE_SUFFIX) or low.endswith(MARKDOWN_LIKE):
        return (
            "data/ 里的 Markdown 文件不会成为网页。活动页面请放在 docs/activities/年份/ 中，"
            "例如 docs/activities/2025/2025-03-05-学雷锋.md；一句话的活动记录写在 data/activities/*.yml 里"
        )
    return None


def read_site_config(mkdocs_yml: Path, docs_dir: str = "docs") -> SiteConfig:
    """The gate's view of mkdocs.yml, read without MkDocs (``wenming check`` and the tools)."""
    from . import settings

    data = settings.read_mkdocs_yml(mkdocs_yml)
    theme = _mapping(data, "theme")
    status = _mapping(_mapping(data, "extra"), "status")
    extensions: list = []
    configs: dict = {}
    for item in data.get("markdown_extensions") or []:
        if isinstance(item, str):
            extensions.append(item)
        elif isinstance(item, dict) and len(item) == 1:
            ((name, settings_),) = item.items()
            extensions.append(name)
            configs[name] = settings_ if isinstance(settings_, dict) else {}
    return site_config(
        data.get("extra_css") or [],
        data.get("extra_javascript") or [],
        settings.options(data).get("publish_as_is") or [],
        theme.get("custom_dir"),
        status.keys(),
        extensions,
        configs,
    )


def _mapping(data: dict, key: str) -> dict:
    """``data[key]`` when it is a mapping, else an empty one."""
    value = data.get(key)
    return value if isinstance(value, dict) else {}


def site_config(
    extra_css: Iterable,
    extra_javascript: Iterable,
    publish_as_is: Iterable,
    custom_dir: str | None,
    statuses: Iterable[str] = (),
    extensions: Iterable = (),
    extension_configs: dict | None = None,
) -> SiteConfig:
    """The gate's view of a configuration, from MkDocs' config or from read_site_config."""
    listed = set()
    for item in [*extra_css, *extra_javascript, *publish_as_is]:
        path = item.get("path") if isinstance(item, dict) else getattr(item, "path", item)
        if isinstance(path, str) and "://" not in path and not path.startswith("//"):
            listed.add(posixpath.normpath(path.lstrip("/")))
    markdown = []
    for name in extensions:
        if not isinstance(name, str):
            continue  # an extension object: not nameable, and not needed to find markup
        settings = (extension_configs or {}).get(name) or {}
        # Only plain settings travel (slugify functions and the like don't change markup).
        plain = {k: v for k, v in settings.items() if isinstance(v, (str, int, float, bool))}
        markdown.append((name, json.dumps(plain, sort_keys=True, ensure_ascii=False)))
    return SiteConfig(
        frozenset(listed),
        custom_dir if isinstance(custom_dir, str) else None,
        frozenset({"new", "deprecated", *map(str, statuses)}),
        tuple(markdown) if markdown else DEFAULT_MARKDOWN,
    )


_SUSPECT_MARKDOWN = re.compile(r"[<{]|(?:javascript|vbscript|data|livescript)\s*:", re.I)


def markup_problems(rel: str, body: str, body_line: int, site: SiteConfig) -> list[Problem]:
    """What the allowlist will remove from a page's body, found before site/ is touched.

    Bodies without ``<``, ``{`` or a script-like scheme cannot hold markup to remove (the
    common case: plain Markdown); the rest are converted as the site converts them and
    checked against the same allowlist that cleans every page in the build."""
    if not _SUSPECT_MARKDOWN.search(body):
        return []
    return list(_markup_problems(rel, body, body_line, site.markdown))


@lru_cache(maxsize=5_000)  # `mkdocs serve` re-checks only the pages that changed
def _markup_problems(rel: str, body: str, body_line: int, markdown: tuple) -> tuple[Problem, ...]:
    html_text = _converter(markdown).reset().convert(body)
    _, removed = clean_html(html_text)
    return tuple(locate(removed, rel, body, body_line))


@lru_cache(maxsize=4)
def _converter(markdown: tuple):
    import markdown as md

    names = [name for name, _ in markdown]
    configs = {name: json.loads(settings) for name, settings in markdown}
    try:
        return md.Markdown(extensions=names, extension_configs=configs)
    except Exception:  # an extension this machine lacks: the markup-bearing ones suffice
        return md.Markdown(extensions=[n for n, _ in DEFAULT_MARKDOWN])


def sanitise(html_text: str) -> str:
    """A page's HTML as the site publishes it (see ALLOWED_TAGS and friends)."""
    return _cleaner.clean(html_text)


# --- HTML ----------------------------------------------------------------------------

# What Markdown and its extensions in mkdocs.yml produce (headings with permalinks,
# tables, admonitions, details, attribute lists, code blocks), and what an editor may
# write as HTML: text structure, tables, figures, details, images and links.
ALLOWED_TAGS = frozenset(
    {
        "a",
        "abbr",
        "b",
        "bdi",
        "bdo",
        "blockquote",
        "br",
        "caption",
        "cite",
        "code",
        "col",
        "colgroup",
        "dd",
        "del",
        "details",
        "dfn",
        "div",
        "dl",
        "dt",
        "em",
        "figcaption",
        "figure",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "hr",
        "i",
        "img",
        "ins",
        "kbd",
        "li",
        "mark",
        "ol",
        "p",
        "picture",
        "pre",
        "q",
        "rp",
        "rt",
        "ruby",
        "s",
        "samp",
        "small",
        "source",
        "span",
        "strong",
        "sub",
        "summary",
        "sup",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "time",
        "tr",
        "u",
        "ul",
        "var",
        "wbr",
    }
)
# Removed together with their content (a script's text is not the page's text).
DROPPED_WITH_CONTENT = frozenset(
    {
        "script",
        "style",
        "iframe",
        "frame",
        "frameset",
        "object",
        "embed",
        "applet",
        "noscript",
        "template",
        "svg",
        "math",
        "textarea",
        "select",
        "title",
        "xmp",
        "noembed",
        "noframes",
    }
)
GLOBAL_ATTRIBUTES = frozenset({"id", "class", "title", "lang", "dir", "style", "aria-label", "aria-hidden"})
TAG_ATTRIBUTES = {
    "a": {"href", "name", "target", "rel", "hreflang"},
    "img": {"src", "alt", "width", "height", "loading", "decoding", "srcset", "sizes"},
    "source": {"srcset", "sizes", "type", "media"},
    "td": {"colspan", "rowspan", "align", "headers"},
    "th": {"colspan", "rowspan", "align", "scope", "headers"},
    "col": {"span", "width"},
    "colgroup": {"span"},
    "ol": {"start", "reversed", "type"},
    "li": {"value"},
    "details": {"open"},
    "time": {"datetime"},
    "del": {"datetime", "cite"},
    "ins": {"datetime", "cite"},
    "blockquote": {"cite"},
    "q": {"cite"},
}
URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
URL_ATTRIBUTES = frozenset({"href", "src", "cite", "srcset"})
# Layout properties only: none of them takes url(), so nothing loads or runs from a style.
STYLE_PROPERTIES = frozenset(
    {
        "text-align",
        "vertical-align",
        "width",
        "height",
        "max-width",
        "min-width",
        "color",
        "background-color",
        "font-weight",
        "font-style",
        "text-decoration",
        "text-indent",
        "white-space",
        "border",
        "border-collapse",
        "padding",
        "margin",
    }
)

_cleaner = nh3.Cleaner(
    tags=set(ALLOWED_TAGS),
    clean_content_tags=set(DROPPED_WITH_CONTENT),
    attributes={"*": set(GLOBAL_ATTRIBUTES), **{t: set(a) for t, a in TAG_ATTRIBUTES.items()}},
    url_schemes=set(URL_SCHEMES),
    link_rel=None,
    strip_comments=True,
    filter_style_properties=set(STYLE_PROPERTIES),
)


@dataclass(frozen=True)
class Removal:
    """One thing the allowlist took out of a page: a Chinese description and a needle to
    find it in the page's Markdown."""

    what: str
    needle: str


def clean_html(text: str) -> tuple[str, list[Removal]]:
    """The page HTML the site may publish, and what was removed from it."""
    removed = _removals(text) if _suspect(text) else []
    return _cleaner.clean(text), removed


_QUICK = re.compile(
    r"<(?!/?(?:p|h[1-6]|a|em|strong|code|pre|ul|ol|li|blockquote|hr|br|img|table|thead|"
    r"tbody|tr|th|td|div|span|details|summary|sup|sub)[\s>/])|\bon\w+\s*=|javascript:|data:|"
    r"style=|script|&#|\\",
    re.I,
)


def _suspect(text: str) -> bool:
    """Cheap test that lets the common page (plain Markdown) skip the parse that explains
    removals; nh3 cleans every page regardless."""
    return bool(_QUICK.search(text))


def _removals(text: str) -> list[Removal]:
    from selectolax.lexbor import LexborHTMLParser

    out: dict[tuple[str, ...], Removal] = {}
    tree = LexborHTMLParser(f"<body>{text}</body>")
    for node in tree.body.traverse(include_text=False) if tree.body else ():
        if node.tag is None:  # a processing instruction (<?php … ?>): HTML reads it as a comment
            continue
        tag = node.tag.lower()
        if tag == "body":
            continue
        if tag == "-comment":
            continue
        if tag not in ALLOWED_TAGS:
            what = f"<{tag}> 元素及其内容" if tag in DROPPED_WITH_CONTENT else f"<{tag}> 标签（文字保留）"
            out.setdefault(("tag", tag), Removal(what, f"<{tag}"))
            continue
        allowed = GLOBAL_ATTRIBUTES | TAG_ATTRIBUTES.get(tag, set())
        for name, value in (node.attributes or {}).items():
            name = name.lower()
            value = value or ""
            if name not in allowed:
                what = (
                    f"<{tag}> 的事件属性 {name}（会在访客浏览器里运行脚本）"
                    if name.startswith("on")
                    else f"<{tag}> 的属性 {name}"
                )
                out.setdefault(("attr", tag, name), Removal(what, name))
            elif name in URL_ATTRIBUTES and (scheme := _bad_scheme(value)):
                # The needle is the scheme's start: the source may hide it ("java&#x09;script:").
                out.setdefault(("url", scheme), Removal(f"<{tag}> 中以“{scheme}:”开头的链接", scheme[:4]))
            elif name == "style" and (bad := _bad_style(value)):
                out.setdefault(("style", bad), Removal(f"<{tag}> 的样式“{bad}”", bad))
    return list(out.values())


def _bad_scheme(value: str) -> str | None:
    # Browsers ignore whitespace and control characters inside a scheme ("java\tscript:").
    compact = re.sub(r"[\x00-\x20]", "", value)
    m = re.match(r"^([A-Za-z][A-Za-z0-9+.-]*):", compact)
    if m and m.group(1).lower() not in URL_SCHEMES:
        return m.group(1).lower()
    return None


def _bad_style(value: str) -> str | None:
    for declaration in value.split(";"):
        prop, _, val = declaration.partition(":")
        prop, val = prop.strip().lower(), val.strip().lower()
        if not prop:
            continue
        if prop not in STYLE_PROPERTIES or re.search(r"url\(|expression|javascript:|@import|\\", val):
            return declaration.strip()
    return None


def locate(removals: list[Removal], rel: str, body: str, body_line: int) -> list[Problem]:
    """One problem per removal, at the first line of the page's Markdown that shows it."""
    lines = body.split("\n")
    lowered = [line.lower() for line in lines]
    out = []
    for r in removals:
        needle = r.needle.lower()
        line = col = None
        for i, text in enumerate(lowered):
            if (at := text.find(needle)) >= 0:
                line, col = body_line + i, at + 1
                break
        out.append(
            Problem(
                rel,
                line,
                col,
                f"正文中的 HTML 含有不允许发布的内容：{r.what}，已从网页中删除。"
                "网站上的页面不能运行脚本、嵌入外部网页或带有事件属性。请删除它；"
                "排版用 Markdown 写（表格、图片、链接、折叠块都可以）",
            )
        )
    return out


# --- Material's own front-matter keys on report sections and other pages -----------------

HIDE_VALUES = ("navigation", "toc", "footer", "path", "tags", "feedback")
SEARCH_KEYS = ("exclude", "boost")


@lru_cache(maxsize=1)
def _material_dir() -> Path | None:
    spec = importlib.util.find_spec("material")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(list(spec.submodule_search_locations)[0])


def template_exists(name: str, root: Path, site: SiteConfig) -> bool:
    folders = []
    if site.custom_dir:
        folders.append(root / site.custom_dir)
    folders.append(Path(__file__).parent / "theme")  # the package's own templates
    if (material := _material_dir()) is not None:
        folders.append(material / "templates")
    clean = posixpath.normpath(name)
    if clean.startswith("../") or clean.startswith("/"):
        return False
    return any((folder / clean).is_file() for folder in folders)


def icon_exists(name: str, root: Path, site: SiteConfig) -> bool:
    clean = posixpath.normpath(name.strip())
    if clean.startswith(("../", "/")) or not re.fullmatch(r"[a-z0-9][a-z0-9/_-]*", clean):
        return False
    folders = []
    if site.custom_dir:
        folders.append(root / site.custom_dir / ".icons")
    if (material := _material_dir()) is not None:
        folders.append(material / "templates" / ".icons")
    return any((folder / f"{clean}.svg").is_file() for folder in folders)


def material_meta_problems(meta, rel: str, root: Path, site: SiteConfig) -> dict[str, list[Problem]]:
    """Material's keys (template, icon, status, hide, search, tags) as Material will read
    them: each wrong value is a Chinese problem found before site/ is touched, instead of an
    English traceback from the theme halfway through the build. By key: a key with problems
    never reaches the theme (`mkdocs serve` goes on building and shows the problem)."""
    from .yamlstrict import YList, YMap, YStr

    out: dict[str, list[Problem]] = {}
    key = ""

    def add(at, message):
        out.setdefault(key, []).append(Problem(rel, getattr(at, "line", None), getattr(at, "col", None), message))

    key = "template"
    if isinstance(value := meta.get("template"), YStr) and value.strip():
        name = value.strip()
        if not name.endswith(".html") or not template_exists(name, root, site):
            add(
                value,
                f"模板（template）“{name}”不存在。这是主题的高级设置，一般不需要写；"
                "请删除这一行，或写 overrides/ 文件夹中已有的 .html 模板名",
            )
    key = "icon"
    if isinstance(value := meta.get("icon"), YStr) and value.strip():
        if not icon_exists(value.strip(), root, site):
            add(
                value,
                f"图标（icon）“{value.strip()}”不存在。请写 Material 主题自带的图标名，"
                "例如 material/flag-variant，或删除这一行",
            )
    key = "status"
    if isinstance(value := meta.get("status"), YStr) and value.strip():
        if value.strip() not in site.statuses:
            add(
                value,
                f"状态（status）“{value.strip()}”无法识别。可以写：{'、'.join(sorted(site.statuses))}；或删除这一行",
            )
    key = "hide"
    if (value := meta.get("hide")) is not None:
        items = value if isinstance(value, YList) else [value]
        for item in items:
            if not isinstance(item, YStr) or item.strip() not in HIDE_VALUES:
                shown = item.strip() if isinstance(item, YStr) else "列表或映射"
                add(
                    item if hasattr(item, "line") else value,
                    f"隐藏（hide）中的“{shown}”无法识别。可以写：{'、'.join(HIDE_VALUES)}，每项一行，以“- ”开头",
                )
    key = "search"
    if (value := meta.get("search")) is not None:
        if not isinstance(value, YMap):
            add(
                value,
                "搜索设置（search）应写成两行：search: 换行后缩进写 exclude: true（不让本页出现在搜索结果中）"
                "或 boost: 2（提高排名）",
            )
        else:
            for name, item in value.items():
                if name not in SEARCH_KEYS:
                    add(name, f"搜索设置（search）中的“{name}”无法识别。只能写 exclude（true/false）或 boost（数字）")
                elif name == "exclude" and not (isinstance(item, YStr) and item.strip().lower() in ("true", "false")):
                    add(item, "搜索设置的 exclude 只能写 true 或 false")
                elif name == "boost" and not (
                    isinstance(item, YStr) and re.fullmatch(r"\d{1,3}(\.\d{1,2})?", item.strip())
                ):
                    add(item, "搜索设置的 boost 只能写一个不大于 999 的正数，例如 2")
    key = "tags"
    if (value := meta.get("tags")) is not None:
        items = value if isinstance(value, YList) else [value]
        if any(not isinstance(item, YStr) for item in items):
            add(value, "标签（tags）应是一个文字列表，每项一行，以“- ”开头")
    return out
