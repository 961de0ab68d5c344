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

import functools
import html
import importlib.util
import json
import posixpath
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

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
            configs[name] = dict(settings_) if isinstance(settings_, dict) else {}
    for name in TOC_NAMES:
        if name in configs and (slugify := _yml_slugify(mkdocs_yml)) is not None:
            configs[name]["slugify"] = slugify
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


# The toc extension's slugify decides the ids of headings (and so whether a heading's text
# makes an id the theme reserves): the check must use the site's own. Only these known,
# side-effect-free functions are rebuilt from a description; mkdocs.yml may name them as a
# function (``!!python/name:``) or, for pymdownx, through its factory (``!!python/object/apply:``).
TOC_NAMES = ("toc", "markdown.extensions.toc")
SLUG_FUNCTIONS = frozenset(
    {"pymdownx.slugs._uslugify", "markdown.extensions.toc.slugify", "markdown.extensions.toc.slugify_unicode"}
)
SLUG_FACTORIES = frozenset({"pymdownx.slugs.slugify"})


def _import(dotted: str):
    import importlib

    module, _, name = dotted.rpartition(".")
    try:
        return getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError):
        return None


def _describe_slugify(value) -> list | None:
    """A known slugify (a function or a partial of one) as JSON-able data; None otherwise."""
    func, kwargs = value, {}
    if isinstance(value, functools.partial):
        if value.args:
            return None
        func, kwargs = value.func, dict(value.keywords)
    name = f"{getattr(func, '__module__', '')}.{getattr(func, '__qualname__', '')}"
    if name not in SLUG_FUNCTIONS or not all(isinstance(v, (str, int, float, bool)) for v in kwargs.values()):
        return None
    return [name, kwargs]


def _live_slugify(description) -> Callable | None:
    if not (isinstance(description, list) and len(description) == 2 and description[0] in SLUG_FUNCTIONS):
        return None
    func = _import(description[0])
    return functools.partial(func, **description[1]) if func is not None else None


def _yml_slugify(mkdocs_yml: Path) -> Callable | None:
    """The toc extension's slugify as mkdocs.yml names it, when it is a known one."""
    import yaml

    class Reader(yaml.SafeLoader):
        pass

    def applied(loader, suffix, node):
        kwds: Any = {}
        if isinstance(node, yaml.MappingNode):
            kwds = loader.construct_mapping(node, deep=True).get("kwds") or {}
        factory = _import(suffix) if suffix in SLUG_FACTORIES and isinstance(kwds, dict) else None
        try:
            return factory(**kwds) if factory else None
        except TypeError:
            return None

    def named(loader, suffix, node):
        return _import(suffix) if suffix in SLUG_FUNCTIONS else None

    Reader.add_multi_constructor("tag:yaml.org,2002:python/object/apply:", applied)
    Reader.add_multi_constructor("tag:yaml.org,2002:python/name:", named)
    Reader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
    Reader.add_multi_constructor("!", lambda loader, suffix, node: None)
    try:
        data = yaml.load(mkdocs_yml.read_text(encoding="utf-8-sig"), Loader=Reader) or {}
    except (OSError, yaml.YAMLError, UnicodeDecodeError):
        return None
    for item in (data.get("markdown_extensions") or []) if isinstance(data, dict) else []:
        if isinstance(item, dict) and len(item) == 1:
            ((name, settings_),) = item.items()
            if name in TOC_NAMES and isinstance(settings_, dict) and callable(settings_.get("slugify")):
                return settings_["slugify"]
    return None


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
        # Plain settings travel, and a known slugify (it decides heading ids, see TOC_NAMES).
        plain: dict[str, object] = {k: v for k, v in settings.items() if isinstance(v, (str, int, float, bool))}
        if name in TOC_NAMES and (slug := _describe_slugify(settings.get("slugify"))) is not None:
            plain["slugify"] = slug
        markdown.append((name, json.dumps(plain, sort_keys=True, ensure_ascii=False)))
    return SiteConfig(
        frozenset(listed),
        custom_dir if isinstance(custom_dir, str) else None,
        frozenset({"new", "deprecated", *map(str, statuses)}),
        tuple(markdown) if markdown else DEFAULT_MARKDOWN,
    )


# A body that can hold nothing the checks below look at skips the conversion (the common case:
# plain Markdown, also with ordinary links to other sites): markup and attribute lists (< {),
# character references (&: a title or a URL written with &#60; or &#106;), backslashes
# (\\host is //host to a browser), script schemes, a link or a reference definition with a
# scheme other than http(s), mailto and tel or starting with //, and underscores that make a
# heading's id start with "__" (also the compatibility forms the default slugify folds into
# "_") or make one of the lightbox's ids, and a picture whose address has a scheme or starts
# with // (within 500 characters of "![": its alternative text may hold brackets).
_SUSPECT_MARKDOWN = re.compile(
    r"[<{&\\]|__|[\ufe33\ufe34\ufe4d-\ufe4f\uff3f]|glightbox|mermaid|(?:javascript|vbscript|data|livescript)\s*:"
    r"|\]\(\s*(?://|(?!(?:https?|mailto|tel)\s*:)[A-Za-z][A-Za-z0-9+.-]*\s*:)"
    r"|^ {0,3}\[[^\]\n]+\]:\s*(?://|[A-Za-z][A-Za-z0-9+.-]*\s*:)"
    r"|!\[.{0,500}?\]\(\s*(?://|[A-Za-z][A-Za-z0-9+.-]*\s*:)",
    re.I | re.M | re.S,
)


def markup_problems(rel: str, body: str, body_line: int, site: SiteConfig) -> list[Problem]:
    """What the allowlist will remove from a page's body, found before site/ is touched.

    Bodies that cannot hold anything to remove skip the work (``_SUSPECT_MARKDOWN``); the
    rest are converted as the site converts them and checked against the same allowlist that
    cleans every page in the build."""
    if not _SUSPECT_MARKDOWN.search(body):
        return []
    return list(_markup_problems(rel, body, body_line, site.markdown))


@lru_cache(maxsize=5_000)  # `mkdocs serve` re-checks only the pages that changed
def _markup_problems(rel: str, body: str, body_line: int, markdown: tuple) -> tuple[Problem, ...]:
    converter = _converter(markdown)
    html_text = converter.reset().convert(body)
    toc = converter.treeprocessors["toc"] if "toc" in converter.treeprocessors else None
    slug = (lambda text: toc.slugify(text, toc.sep)) if toc is not None else None
    return tuple(locate(_removals(html_text, slug), rel, body, body_line))


@lru_cache(maxsize=4)
def _converter(markdown: tuple):
    import markdown as md

    names = [name for name, _ in markdown]
    configs = {name: json.loads(settings) for name, settings in markdown}
    for name in TOC_NAMES:
        if name in configs and "slugify" in configs[name]:
            slugify = _live_slugify(configs[name].pop("slugify"))
            if slugify is not None:
                configs[name]["slugify"] = slugify
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

# --- what the theme and its scripts read back from content ------------------------------
#
# The allowlist above says which attributes content may carry; these say which *values* of
# them the theme would turn into something else. Checked in Material 9.8.1's bundle
# (components/content, tooltip, tooltip2, sidebar, header; utilities/h) and GLightbox 3
# (parseConfig, slide descriptions) as mkdocs-glightbox ships them:
#
# - ``title``: with ``content.tooltips`` Material mounts a tooltip on every ``[title]`` in the
#   page content, on ``abbr[title]`` in the sidebar and on ``[title]`` in the header, and puts
#   the value in with innerHTML; GLightbox shows a lightbox link's ``title`` (or its
#   ``data-title``, ``data-description``, ``data-glightbox``) with innerHTML. ``alt``,
#   ``aria-label`` and the rest are only ever read as text. ``data-*`` never passes the
#   allowlist. (The theme's own scripts are made to show tooltips as text as well, see
#   wenmingsite.shipped: this check is what tells the editor.)
# - ``id`` and ``name``: Material finds its configuration as the first ``#__config`` in the
#   page and its controls by ids that all start with "__" (``__search``, ``__drawer``,
#   ``__palette_0``, ``__nav_1``, ``__tooltip2_0``, ``__codelineno-…``); GLightbox and this
#   site's script look up ``glightbox-body`` and ``glightbox-slider``; Material loads mermaid
#   when ``window.mermaid`` is an element.
# - ``class``: Material acts on ``md-`` classes (``md-ellipsis`` copies an element's text into
#   an HTML tooltip, ``md-status`` gets one, ``md-toggle--indeterminate``…) and on
#   ``pre.mermaid`` (it fetches a script from unpkg.com); GLightbox opens ``.glightbox`` links
#   (any URL, as an external page in a frame or a video player from cdn.plyr.io) and reads
#   ``.glightbox-desc`` as HTML. Material documents ``md-button`` for content.
# - ``src`` and ``srcset``: a picture is requested from its host when the page opens.
REINTERPRETED_ATTRIBUTES = frozenset({"title"})
RESERVED_ID_PREFIX = "__"
RESERVED_IDS = frozenset({"glightbox-body", "glightbox-slider", "glightbox-style", "init-glightbox", "mermaid"})
RESERVED_CLASS_PREFIXES = ("md-", "glightbox")
RESERVED_CLASSES = frozenset({"mermaid"})
CONTENT_CLASSES = frozenset({"md-button", "md-button--primary"})  # Material's buttons, for content
RESOURCE_ATTRIBUTES = frozenset({"src", "srcset"})
MARKUP = re.compile(r"<(?:[A-Za-z][^\s/>]*|/[A-Za-z][^\s/>]*|!--|![A-Za-z]*|\?)")
DECODE_ROUNDS = 3  # a value is judged after every decoding a later reader might apply


def _decoded(value: str, rounds: int = DECODE_ROUNDS) -> list[str]:
    """``value`` and what decoding its character references again makes of it."""
    out = [value]
    for _ in range(rounds):
        if "&" not in out[-1]:
            break
        again = html.unescape(out[-1])
        if again == out[-1]:
            break
        out.append(again)
    return out


def reads_as_markup(value: str) -> str | None:
    """The first tag that ``value`` holds, as is or after further decoding: "<img", "</b"…"""
    for form in _decoded(value):
        if m := MARKUP.search(form):
            return m.group(0)
    return None


def reserved_id(value: str) -> bool:
    value = value.strip()
    return value.startswith(RESERVED_ID_PREFIX) or value.lower() in RESERVED_IDS


def reserved_classes(value: str) -> list[str]:
    return [
        c
        for c in value.split()
        if c not in CONTENT_CLASSES and (c.lower() in RESERVED_CLASSES or c.lower().startswith(RESERVED_CLASS_PREFIXES))
    ]


# Browsers drop tabs and newlines anywhere in a URL and spaces and controls around it, and
# read "\" as "/" in http(s) URLs: "\\host/x.png" and "/\host" are "//host/x.png".
_URL_JUNK = re.compile(r"[\t\n\r]")


def foreign_url(value: str) -> bool:
    """A URL the browser fetches from another host: absolute http(s) or scheme-relative."""
    url = _URL_JUNK.sub("", value).strip("\x00- ").replace("\\", "/")
    if url.startswith("//"):
        return True
    m = re.match(r"([A-Za-z][A-Za-z0-9+.-]*):", url)
    return m is not None and m.group(1).lower() in ("http", "https")


def srcset_urls(value: str) -> list[str]:
    """The URLs of a ``srcset``: every piece between commas and spaces that could be one (a
    descriptor such as ``2x`` is never foreign, so reading too many pieces is harmless)."""
    return [piece for piece in re.split(r"[,\s]+", value) if piece]


def foreign_resource(name: str, value: str) -> str | None:
    urls = srcset_urls(value) if name == "srcset" else [value]
    return next((u.strip() for u in urls if foreign_url(u)), None)


# mkdocs-glightbox wraps a page's pictures in <a class="glightbox"> before the page reaches the
# allowlist (its plugin runs first); the check refuses the class where content writes it.
LIGHTBOX_LINK = ("a", "glightbox")


def _published_value(element: str, attribute: str, value: str) -> str | None:
    """nh3's attribute filter: what the checks above refuse never reaches the page, also
    where the build goes on (`mkdocs serve` shows the problem and a clean page)."""
    if attribute in REINTERPRETED_ATTRIBUTES and reads_as_markup(value):
        return None
    if attribute in ("id", "name") and reserved_id(value):
        return None
    if attribute == "class" and (bad := reserved_classes(value)):
        kept = [c for c in value.split() if c not in bad or (element, c) == LIGHTBOX_LINK]
        return " ".join(kept) if kept else None
    if attribute in RESOURCE_ATTRIBUTES and foreign_resource(attribute, value):
        return None
    return value


_cleaner = nh3.Cleaner(
    tags=set(ALLOWED_TAGS),
    clean_content_tags=set(DROPPED_WITH_CONTENT),
    attributes={"*": set(GLOBAL_ATTRIBUTES), **{t: set(a) for t, a in TAG_ATTRIBUTES.items()}},
    attribute_filter=_published_value,
    url_schemes=set(URL_SCHEMES),
    link_rel=None,
    strip_comments=True,
    filter_style_properties=set(STYLE_PROPERTIES),
)


@dataclass(frozen=True)
class Removal:
    """One thing the allowlist took out of a page: a Chinese description and needles to find
    it in the page's Markdown (tried in order; each also as the browser decodes the line).
    ``message``, when given, is the whole message (the reason differs from a removed script)."""

    what: str
    needle: str
    message: str | None = None
    more_needles: tuple[str, ...] = ()


def clean_html(text: str) -> tuple[str, list[Removal]]:
    """The page HTML the site may publish, and what was removed from it."""
    return _cleaner.clean(text), _removals(text)


TITLE_PLACES = {"a": "链接的提示文字（title）", "img": "图片的提示文字（title）", "abbr": "缩写的解释（title）"}
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
RESERVED_HINT = "不要以“__”（两个下划线）开头，也不要用 glightbox-body、mermaid 这类主题自己的名字"


def _removals(text: str, slugify: Callable[[str], str] | None = None) -> list[Removal]:
    """What the allowlist and the checks above take out of ``text``, once per kind.
    ``slugify``: the toc extension's, to tell an id made from a heading's text."""
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
            elif name in REINTERPRETED_ATTRIBUTES and (markup := reads_as_markup(value)):
                out.setdefault(("title", tag, value), _title_removal(tag, value, markup))
            elif name in ("id", "name") and reserved_id(value):
                out.setdefault(("id", value), _id_removal(node, tag, name, value.strip(), slugify))
            elif name == "class" and (bad_classes := reserved_classes(value)):
                out.setdefault(("class", bad_classes[0]), _class_removal(bad_classes[0]))
            elif name in RESOURCE_ATTRIBUTES and (url := foreign_resource(name, value)):
                out.setdefault(("foreign", url), _foreign_removal(tag, name, url))
    return list(out.values())


def _title_removal(tag: str, value: str, markup: str) -> Removal:
    place = TITLE_PLACES.get(tag, f"<{tag}> 的提示文字（title）")
    shown = f"{markup} …" if len(markup) > 1 and not markup.startswith("<!") else markup
    for form in _decoded(value):  # a short tag whole ("<b>"), a long one by its name ("<img …")
        if (m := re.search(re.escape(markup) + r"[^<>]{0,8}>", form)) is not None:
            shown = m.group(0)
            break
    return Removal(
        "",
        value,  # the value as the browser reads it: found in the line however it was written
        f"{place}里有“{shown}”这样的标签。访客把鼠标移上去时，主题会把它当作网页代码执行。"
        "请去掉尖括号，或改用书名号《》",
        (markup, "title"),
    )


def _heading_text(node) -> str:
    text = node.text(deep=True) or ""
    for link in node.css("a.headerlink"):  # the toc extension's permalink sign
        mark = link.text(deep=True) or ""
        if mark and text.endswith(mark):
            text = text[: -len(mark)]
    return text.strip()


def _id_removal(node, tag: str, name: str, value: str, slugify) -> Removal:
    if name == "id" and tag in HEADINGS and slugify is not None:
        heading = _heading_text(node)
        slug = slugify(heading) if heading else ""
        if slug and re.fullmatch(re.escape(slug) + r"(?:_\d+)?", value):
            return Removal(
                "",
                f"# {heading}",
                f"标题“{heading}”自动生成的网页编号（id）是“{value}”，这是网站主题保留的名字：主题的脚本按这样的名字"
                "找自己的设置和控件，页面里有同名编号会让搜索、目录等功能失灵，甚至被引到其他网站。"
                f"请改写这个标题{'（例如去掉开头的下划线）' if value.startswith('__') else ''}，"
                "或在标题后面写 {#新编号} 另起一个编号",
                (heading, value),
            )
    what, noun = ("网页编号（id）", "编号") if name == "id" else ("锚点名称（name）", "名称")
    return Removal(
        "",
        f"#{value}" if name == "id" else f'{name}="{value}"',
        f"{what}“{value}”是网站主题保留的名字：主题的脚本按这样的名字找自己的设置和控件，"
        f"页面里有同名的{noun}会让搜索、目录等功能失灵，甚至被引到其他网站。请换一个{noun}，{RESERVED_HINT}",
        (f'{name}="{value}"', f"{name}='{value}'", f"{name}={value}", value, name),
    )


def _class_removal(cls: str) -> Removal:
    return Removal(
        "",
        f".{cls}",
        f"样式类名（class）“{cls}”是网站主题或照片灯箱自己用的：带这个类名的内容会被它们的脚本当作自己的部件处理"
        "（例如把文字当作网页代码显示、在灯箱里打开其他网站、从其他网站下载脚本）。请删除这个类名"
        "（按钮样式可以用 md-button）",
        (cls, "class"),
    )


def _foreign_removal(tag: str, name: str, url: str) -> Removal:
    shown = url if len(url) <= 60 else url[:57] + "…"
    place = "图片的备选地址（srcset）" if name == "srcset" else "图片地址"
    return Removal(
        "",
        url,
        f"{place}“{shown}”在其他网站上。访客打开页面时，浏览器会去那个网站下载图片"
        "（本网站承诺不向其他网站发出请求，那边的图片也可能随时被换掉）。"
        "请把图片下载下来，放进活动文件夹或 docs/assets/，再用相对路径引用，例如 ![说明](照片.jpg)",
        (url[:24], name),
    )


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


# Markdown's backslash escapes ("\_\_config" is the text "__config").
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!<>|])")


def _forms(text: str) -> list[str]:
    """``text`` as the browser reads it, however it was written: character references
    decoded (once, and again), Markdown's backslash escapes undone."""
    out = []
    for form in (text, _MD_ESCAPE.sub(r"\1", text)):
        out += _decoded(form)
    return out


def _find(line: str, needle: str) -> int:
    r"""Where ``needle`` (lower case) starts in ``line``, as written or as the browser reads
    it ("&#106;avascript", "&lt;img", "&amp;lt;img", "\_\_search"); -1 when nowhere."""
    low = line.lower()
    if (at := low.find(needle)) >= 0:
        return at
    if not any(needle in form.lower() for form in _forms(line)):
        return -1
    for start in range(len(line)):
        if line[start] in "&\\" or low[start] == needle[0]:
            head = line[start : start + len(needle) * 12]
            if any(form.lower().startswith(needle) for form in _forms(head)):
                return start
    return -1


def locate(removals: list[Removal], rel: str, body: str, body_line: int) -> list[Problem]:
    """One problem per removal, at the first line of the page's Markdown that shows it."""
    lines = body.split("\n")
    out = []
    for r in removals:
        line = col = None
        for needle in (r.needle, *r.more_needles):
            needle = needle.lower()
            if not needle:
                continue
            for i, text in enumerate(lines):
                if (at := _find(text, needle)) >= 0:
                    line, col = body_line + i, at + 1
                    break
            if line is not None:
                break
        out.append(
            Problem(
                rel,
                line,
                col,
                r.message
                or (
                    f"正文中的 HTML 含有不允许发布的内容：{r.what}，已从网页中删除。"
                    "网站上的页面不能运行脚本、嵌入外部网页或带有事件属性。请删除它；"
                    "排版用 Markdown 写（表格、图片、链接、折叠块都可以）"
                ),
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
