"""Which files under ``docs/`` the publication gate lets through, and in which form.

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
import posixpath
import re
import unicodedata
from dataclasses import dataclass, field

from wenmingsite.gate.config import SiteConfig

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
    file_class: str | None  # one of FILE_CLASSES' names; None when refused
    refusal: str | None = None  # Chinese: what the file is and how to fix it
    # Not published and not an error: a notice for check and the preview page (Chinese).
    notice: str | None = None

    @property
    def published(self) -> bool:
        return self.file_class is not None


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


@functools.lru_cache(maxsize=1 << 14)  # `mkdocs serve` checks the same paths at every rebuild
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
        # A printable name has none of them (str.isprintable: no Other or Separator but " ").
        if not part.isprintable() and any(unicodedata.category(c) in ("Cf", "Zl", "Zp") for c in part):
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
