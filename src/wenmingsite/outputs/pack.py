"""The inspection pack: the printed report (汇报材料) and the evidence index (佐证材料目录)
as PDFs, laid out by WeasyPrint from our own print templates (templates/pack/).

WeasyPrint implements CSS Paged Media itself: page-margin boxes for the running header and
the folios, ``target-counter()`` for the contents' page numbers, named pages for the cover,
break control for rows and figures. It is pure Python on the system's Pango, so no browser has
to be installed. The browser's own print of ``/print/`` stays the fallback. The documents are
set like the official documents units hand in (GB/T 9704, see templates/pack/pack.css); a
unit's own ``data/pack.css`` is read after the built-in stylesheet.

Each part is laid out once. The evidence index prints for every item the page of the report
where it appears (its row in the report's appendix, documents or honours table), read from the
report's laid-out pages; ``wenming pack`` (:func:`write_pack`) lays out the report in one
child process and, at the same time, the evidence index in another, with a placeholder for
each page reference; the report's pages are set into the laid-out lines when they arrive
(:class:`Staged`), so the two PDFs take about as long as the longer of the two layouts where a
second core is free; each QR code is made once per pack. The garbage collector is paused
meanwhile (:func:`collector_paused`), and the layouts' objects end with their processes,
never collected.

Nothing here builds the site: the content is loaded and bound exactly as a build does
(:class:`wenmingsite.site.Site`), the report chapters are converted from their Markdown,
photos come from the image cache the builds share, and links and QR codes point to the pages
of the published site at ``site_url``.

The PDFs read only what the publication gate publishes, in its published form
(:class:`Resources`): a photo's print-sized variant from the image cache, an image's or SVG's
cleaned copy from the asset cache, a file the gate publishes as it is, and the QR codes made
here. WeasyPrint fetches every image, stylesheet and font through :class:`Resources`' URL
fetcher, which serves those files and refuses everything else: a chapter's
``<img src="../../secret.png">`` outside docs/, an original photo the site never publishes
(its EXIF, GPS included, would travel inside the PDF), a ``file://`` URL to elsewhere, any
network address. A chapter's images are resolved first, so that each refusal is a Chinese line
naming the page, its line and the image (the image's ``alt`` text stands in its place); the
fetcher is the backstop for anything that slips past that (its refusals are listed too).
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import gc
import html as htmllib
import io
import json
import mimetypes
import os
import posixpath
import re
import shutil
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from wenmingsite import gate
from wenmingsite.gate import images, links
from wenmingsite.loading import settings
from wenmingsite.loading.problems import Problem
from wenmingsite.loading.records import Unit
from wenmingsite.pages import evidence
from wenmingsite.pages.render import TEMPLATES, environment, number
from wenmingsite.site import PHOTO_DIR, Site

DIST = "dist"
UNIT_CSS = "pack.css"  # under data/: a unit's own print stylesheet, read after ours
REPORT_PDF = "汇报材料.pdf"
EVIDENCE_PDF = "佐证材料目录.pdf"
CSS = TEMPLATES / "pack" / "pack.css"
# The Markdown extensions of the demo's mkdocs.yml that change what a report chapter shows
# (toc only adds anchors and permalinks, which paper does not need).
MARKDOWN_EXTENSIONS = ["tables", "attr_list", "admonition", "md_in_html", "pymdownx.details", "pymdownx.superfences"]
# Photos are the site's 800-pixel JPEGs (the largest published JPEG); where paper shows one
# smaller than that holds (an evidence index thumbnail: 15.5 mm, over 1,300 dpi), WeasyPrint
# embeds a copy resampled to this resolution: the same on paper, a third of the PDF's bytes.
PRINT_DPI = 300


class PackRefused(Exception):
    """The pack cannot be made; ``str(exc)`` is the Chinese message, ``problems`` the
    content problems behind it (printed first)."""

    def __init__(self, message: str, problems: list[Problem] | None = None):
        super().__init__(message)
        self.problems = problems or []


# --- configuration ----------------------------------------------------------------------


def read_site_url(root: Path) -> str | None:
    """``site_url`` of mkdocs.yml, with MkDocs' ``!ENV [NAME, default]`` resolved as MkDocs
    resolves it; None when it is not set (or resolves to nothing)."""
    import yaml

    class Loader(yaml.SafeLoader):
        pass

    def env(loader, node):
        names = (
            loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else [loader.construct_scalar(node)]
        )
        *variables, default = names if len(names) > 1 else (names + [None])
        for name in variables:
            if os.environ.get(str(name)):
                return os.environ[str(name)]
        return default

    Loader.add_constructor("!ENV", env)
    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
    try:
        data = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8-sig"), Loader=Loader) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return None
    value = data.get("site_url") if isinstance(data, dict) else None
    return str(value).strip() or None if value else None


def check_site_url(url: str | None) -> tuple[str, str | None]:
    """(the base URL ending in "/", a notice or None). Refused when there is none or it is
    not an http(s) address: the QR codes would lead nowhere."""
    if not url:
        raise PackRefused(
            "mkdocs.yml 没有设置 site_url，佐证材料目录的二维码无法指向网站上的页面，没有生成 PDF。"
            "请在 mkdocs.yml 中写上网站的正式地址，例如 site_url: https://wenming.example.cn/，"
            "或者运行时加上 --site-url https://wenming.example.cn/"
        )
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise PackRefused(
            f"网站地址“{url}”不是以 http:// 或 https:// 开头的网址，二维码无法打开。"
            "请把 mkdocs.yml 的 site_url（或 --site-url）改成网站的正式地址，例如 https://wenming.example.cn/"
        )
    base = url if url.endswith("/") else url + "/"
    notice = None
    if settings.is_local(url):
        notice = (
            f"提示：网站地址是本机地址 {base}，二维码只能在这台电脑上打开。正式打印前，"
            "请用 --site-url 或环境变量 SITE_URL 写上网站的正式地址后重新生成"
        )
    return base, notice


def cjk_font() -> str | None:
    """The family fontconfig gives Chinese text (what Pango will use), or None when no
    installed font covers Chinese."""
    if not shutil.which("fc-list"):
        return "（系统默认）"  # not a fontconfig system: Pango finds its own fonts
    found = subprocess.run(["fc-list", ":lang=zh", "family"], capture_output=True, text=True).stdout.strip()
    if not found:
        return None
    match = subprocess.run(["fc-match", "serif:lang=zh-cn", "family"], capture_output=True, text=True).stdout.strip()
    return match.split(",")[0] or found.splitlines()[0].split(",")[0]


CHINESE_DIGITS = "〇一二三四五六七八九"


def chinese_number(n: int) -> str:
    """1..99 in Chinese numerals as dates write them: 十, 十二, 二十, 三十一."""
    tens, ones = divmod(n, 10)
    if not 0 < n < 100:
        raise ValueError(n)
    return (("" if tens == 1 else CHINESE_DIGITS[tens]) + "十" if tens else "") + (CHINESE_DIGITS[ones] if ones else "")


def chinese_date(day: dt.date, with_day: bool = False) -> str:
    """A date in Chinese numerals, as a cover or a signature writes it: 二〇二六年十二月
    (the year digit by digit with 〇), 二〇二六年十二月三十一日 with ``with_day``."""
    text = "".join(CHINESE_DIGITS[int(d)] for d in str(day.year)) + "年" + chinese_number(day.month) + "月"
    return text + chinese_number(day.day) + "日" if with_day else text


# --- the material -----------------------------------------------------------------------


def page_url(docs_path: str) -> str:
    """The URL MkDocs gives a page (use_directory_urls, the default), root-relative."""
    dest = links.dest(docs_path)
    return dest[: -len("index.html")] if dest.endswith("index.html") else dest


@dataclass
class Material:
    """Everything the printed documents show, computed once for the pack's parts."""

    site: Site
    base: str  # the site's address, ending in "/"
    index: evidence.Index
    notices: list[str]
    seconds: float  # time to load and bind
    resources: Resources = field(default_factory=lambda: Resources())
    chapters: dict[str, str] = field(default_factory=dict)  # report page -> its HTML for paper
    qr_pngs: dict[str, bytes] = field(default_factory=dict)  # absolute URL -> its code's PNG, made once
    qr_cache: QRCache | None = None  # the codes of earlier packs (.cache/qr.json)
    defer_codes: bool = False  # the evidence index's process: its codes come from the report's
    report_pages: dict[str, int] | None = None  # report anchor -> its page, once the report is laid out

    @property
    def unit(self) -> Unit:
        assert self.site.content.unit is not None  # bind_site refuses a unit without data/unit.yml
        return self.site.content.unit

    def absolute(self, url: str) -> str:
        """A root-relative site URL as an address a phone can open (percent-encoded)."""
        return self.base + urllib.parse.quote(url, safe="/#?=&%-._~")

    def qr(self, address: str) -> str:
        """The URL of the QR code of an absolute address in the PDFs' HTML (``qr:ADDRESS``),
        its PNG made here at once (an address no code can hold stops the pack here, as any
        fault in the HTML does), once per pack; with :attr:`defer_codes` made elsewhere and
        read when WeasyPrint first asks for it (``Resources.code_source``)."""
        if not self.defer_codes:
            self.qr_png(address)
        return self.resources.code(address)

    def qr_png(self, address: str) -> bytes:
        if address not in self.qr_pngs:
            self.qr_pngs[address] = self.qr_cache.png(address) if self.qr_cache else qr_png(qr_code(address))
        return self.qr_pngs[address]

    def unit_css(self) -> str | None:
        """The URL of the unit's data/pack.css (registered as readable), or None."""
        path = self.site.data_dir / UNIT_CSS
        return self.resources.file(path) if path.is_file() else None


def bind_site(root: Path, today: dt.date) -> Site:
    """The unit's content loaded, validated and bound as a build does it (photos from the
    image cache the builds share); refused with the content's problems."""
    if not (root / "mkdocs.yml").is_file():
        raise PackRefused(f"{root} 里没有 mkdocs.yml。请在网站文件夹中运行，或用 --root 指定网站文件夹")
    site = Site(root, today=today)
    problems = site.load(with_links=True)
    if not problems:
        problems = site.publish_photos()
    if problems:
        raise PackRefused(
            f"内容共有 {len(problems)} 处问题，没有生成。请按上面每一行的提示修改，或先运行 wenming check", problems
        )
    if site.content.unit is None:
        raise PackRefused(
            "data/unit.yml 没有单位信息，汇报材料的封面、页眉和台账的标题无从写起。请先填写 data/unit.yml"
        )
    specs = site.page_specs()
    site.bind({src: page_url(src) for src in [*site.content.pages, *(s.src for s in specs)]})
    return site


def layout_engine():
    """WeasyPrint, or a Chinese refusal when the system's Pango it draws text with is
    missing (Windows and macOS need it installed; Linux has it)."""
    try:
        import weasyprint
    except (ImportError, OSError) as exc:
        raise PackRefused(
            f"无法启动排版 PDF 的 WeasyPrint（{type(exc).__name__}：{str(exc).splitlines()[0] if str(exc) else ''}）。"
            "它需要系统的 Pango 文字排版库：Debian/Ubuntu 运行 apt-get install libpango-1.0-0 libpangoft2-1.0-0，"
            "macOS 运行 brew install pango，Windows 请按 https://doc.courtbouillon.org/weasyprint/stable/first_steps.html "
            "安装 GTK 运行库；也可以在浏览器中打开网站的“汇报材料（打印版）”页面，选择“打印 → 另存为 PDF”"
        ) from None
    return weasyprint


@contextlib.contextmanager
def collector_paused():
    """Python's cyclic garbage collector off for the duration. Laying out builds millions of
    objects (boxes, styles, Pango layouts) that live until the document is written, and the
    collector walks all of them again and again as they pile up: a third of the pack's CPU
    time at N=1,000 (bench/results/pack.md), for about 6 % more peak memory. The pack is a
    short command; reference counting still frees what is not in a cycle."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@collector_paused()
def prepare(root: Path, today: dt.date, site_url: str | None = None) -> Material:
    """Everything the PDFs show. Refuses without a usable site address (the QR codes) or a
    Chinese font, and with the content's problems."""
    start = time.perf_counter()
    if not (root / "mkdocs.yml").is_file():
        raise PackRefused(f"{root} 里没有 mkdocs.yml。请在网站文件夹中运行，或用 --root 指定网站文件夹")
    base, notice = check_site_url(site_url or read_site_url(root))
    layout_engine()  # before the content work: a machine without Pango learns it at once
    if cjk_font() is None:
        raise PackRefused(
            "系统没有中文字体，PDF 里的中文会显示成方块。请安装中文字体"
            "（Debian/Ubuntu：apt-get install fonts-noto-cjk）后重试"
        )
    site = bind_site(root, today)
    index = evidence.compute(site.content, site.records, site.stats.start, site.stats.end, site.urls, site.gallery)
    m = Material(site, base, index, [notice] if notice else [], 0.0, qr_cache=QRCache(root))
    m.resources.code_source = m.qr_png
    # The chapters first: an image they may not show is said before any PDF is laid out.
    m.chapters = {sec.page: chapter_html(m, sec.page) for sec in site.content.report}
    m.seconds = time.perf_counter() - start
    return m


# --- what the PDFs may read ---------------------------------------------------------------


class Resources:
    """The files and QR codes the pack's PDFs may show, and a WeasyPrint URL fetcher
    that serves exactly these and refuses everything else (see the module docstring)."""

    def __init__(self) -> None:
        self.files: dict[str, Path] = {}  # real path -> the file to read
        self.codes: dict[str, str] = {}  # QR code URL (qr:ADDRESS) -> the address it encodes
        self.code_source: Callable[[str], bytes] | None = None  # address -> PNG (Material.qr_png)
        self.refused: list[str] = []  # Chinese lines: what the fetcher would not read

    def file(self, path: Path) -> str:
        """The URL of a file the gate publishes in this form (registered as readable)."""
        real = Path(os.path.realpath(path))
        self.files[str(real)] = real
        return real.as_uri()

    def code(self, address: str) -> str:
        """The URL of the QR code of ``address``: its PNG is asked of :attr:`code_source`
        only when WeasyPrint reads it (laying out boxes, after the styles), so that another
        process can make the codes meanwhile."""
        url = "qr:" + address
        self.codes[url] = address
        return url

    def lookup(self, url: str) -> Path | None:
        parts = urllib.parse.urlsplit(url)
        if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
            return None
        return self.files.get(os.path.realpath(urllib.request.url2pathname(parts.path)))

    def fetcher(self):
        """A ``weasyprint.urls.URLFetcher`` over these resources."""
        layout_engine()  # the Chinese refusal when WeasyPrint cannot start
        from weasyprint.urls import URLFetcher, URLFetcherResponse

        resources = self

        class Fetcher(URLFetcher):
            def fetch(self, url, headers=None):
                if url in resources.codes and resources.code_source is not None:
                    return URLFetcherResponse(
                        url, resources.code_source(resources.codes[url]), {"Content-Type": "image/png"}
                    )
                path = resources.lookup(url)
                if path is None:
                    shown = url if len(url) <= 200 else url[:200] + "…"
                    line = (
                        f"提示：排版 PDF 时要读取“{shown}”，它不是网站发布的文件，没有放入 PDF。"
                        "PDF 只使用网站发布的图片（照片的缩略图、清理过的图片），不从网络读取任何内容。"
                        "请检查汇报章节中的图片路径和 data/pack.css 中的 url()（字体请安装到系统中，按名称使用）"
                    )
                    if line not in resources.refused:
                        resources.refused.append(line)
                    raise ValueError("not a published file")
                kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
                return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": kind})

        return Fetcher()


# --- HTML -------------------------------------------------------------------------------


def css_string(text: str) -> str:
    out = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\A ").replace("<", "\\3C ")
    return f'"{out}"'


def stylesheet(m: Material, title: str) -> str:
    head = f"@page {{ @top-left {{ content: {css_string(m.unit.name + ' · ' + title)}; }} }}\n"
    return CSS.read_text(encoding="utf-8") + head


QR_SCALE, QR_BORDER = 4, 2  # pixels per module, modules of quiet zone
QR_CACHE = ".cache/qr.json"  # beside mkdocs.yml: address -> the mask its code uses
QR_KIND = "segno error=L boost micro=False"  # how the codes are encoded; a cache of another kind is not read
_QR_SHADES = bytes([255, 0] + [0] * 254)  # segno's module values (0 light, 1 dark) -> gray levels


def qr_code(url: str, mask: int | None = None):
    """The QR code (a ``segno.QRCode``) of ``url``; ``mask`` None lets segno score the eight
    masks and take the best, as the standard asks (three quarters of the work)."""
    import segno

    # Error level L keeps long (percent-encoded Chinese) addresses at a low version, so
    # that each module stays big enough on paper for a phone camera.
    return segno.make(url, error="l", micro=False, mask=mask)


def qr_png(code) -> bytes:
    """A QR code as an 8-bit grayscale PNG, ``QR_SCALE`` pixels a module.

    Pillow draws it from segno's matrix. Grayscale is what WeasyPrint embeds as it is:
    segno's own 1-bit PNG it would convert to RGB and compress twice, three times the bytes
    for the same black and white."""
    from PIL import Image

    matrix = code.matrix
    side = len(matrix) + 2 * QR_BORDER
    quiet = b"\xff" * side
    rows = [quiet] * QR_BORDER
    rows += [b"\xff" * QR_BORDER + bytes(row).translate(_QR_SHADES) + b"\xff" * QR_BORDER for row in matrix]
    rows += [quiet] * QR_BORDER
    image = Image.frombytes("L", (side, side), b"".join(rows))
    image = image.resize((side * QR_SCALE, side * QR_SCALE), Image.Resampling.NEAREST)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


class QRCache:
    """Which mask each address's QR code uses, as earlier packs chose it (``.cache/qr.json``,
    data only). Choosing the mask is three quarters of making a code; a unit regenerates its
    pack many times before an inspection and its pages keep their addresses, so the choice
    is made once per address, ever. Only the choice is kept, never an image: every code is
    still encoded here from the address it prints, so a cache file someone else wrote can at
    worst pick another of the eight valid masks, never another address. A missing or
    unreadable file is an empty cache; one that cannot be written only costs the next pack
    the choosing."""

    def __init__(self, root: Path):
        self.path = root / QR_CACHE
        self.masks: dict[str, int] = {}
        self.used: set[str] = set()
        self.changed = False
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError, RecursionError):
            return
        if isinstance(data, dict) and data.get("kind") == QR_KIND and isinstance(data.get("masks"), dict):
            self.masks = {
                k: v
                for k, v in data["masks"].items()
                if isinstance(k, str) and isinstance(v, int) and not isinstance(v, bool) and 0 <= v <= 7
            }

    def png(self, url: str) -> bytes:
        self.used.add(url)
        code = qr_code(url, self.masks.get(url))
        if self.masks.get(url) != code.mask:
            self.masks[url] = code.mask
            self.changed = True
        return qr_png(code)

    def save(self, prune: bool = False) -> None:
        """Write the choices down; with ``prune`` (the whole evidence index was made) only
        those of the addresses this pack printed, so that old addresses do not pile up."""
        if not self.changed and not (prune and self.used != set(self.masks)):
            return
        kept = {url: self.masks[url] for url in sorted(self.used if prune else self.masks)}
        text = json.dumps({"kind": QR_KIND, "masks": kept}, ensure_ascii=False, indent=0)
        images.write_cache(self.path, text.encode("utf-8"))


_SRC = re.compile(r'(\s(?:src|href))="([^"]*)"')
_SRCSET = re.compile(r'\ssrcset="[^"]*"')
_LEADING_H1 = re.compile(r"^\s*<h1[^>]*>.*?</h1>", re.S)


def _where(m: Material, page: str, value: str) -> str:
    """``docs/report/x.md:12`` for the first line of the page's Markdown naming ``value``."""
    meta = m.site.content.pages[page]
    rel = f"{m.site.docs_rel}/{page}"
    for i, line in enumerate(meta.body.split("\n"), meta.body_line):
        if value in line or htmllib.escape(value) in line:
            return f"{rel}:{i}"
    return rel


def image_source(m: Material, page: str, value: str) -> tuple[str | None, str | None]:
    """(the URL the PDF reads for a chapter image written as ``value``, None) when the gate
    publishes it, else (None, why not: a Chinese clause)."""
    site = m.site
    parts = urllib.parse.urlsplit(value)
    if parts.scheme or value.startswith("//"):
        if parts.scheme in ("http", "https", "ftp") or value.startswith("//"):
            return (
                None,
                "是网络上的图片，汇报材料不从网络读取任何内容，没有放入 PDF。请把图片放进 docs/assets/ 并写相对路径",
            )
        return (
            None,
            f"是“{parts.scheme}:”地址，不是网站发布的文件，没有放入 PDF。请把图片放进 docs/assets/ 并写相对路径",
        )
    if value.startswith("/"):
        return None, "以“/”开头（从网站根目录或本机根目录算起），没有放入 PDF。请写相对于本文件所在文件夹的路径"
    path = urllib.parse.unquote(parts.path)
    if not path:
        return None, "没有写图片路径，没有放入 PDF。请写相对于本文件所在文件夹的路径"
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
    if target == ".." or target.startswith("../"):
        return None, (
            "在 docs/ 文件夹之外，网站不发布它，没有放入 PDF。"
            "请把图片放进 docs/ 中（例如 docs/assets/），并写相对于本文件所在文件夹的路径"
        )
    if target in site.published:  # a photo: its print-sized copy
        return m.resources.file(_cache_file(m, site.published[target].output("t800j"))), None
    form = site.published_form(target)
    if isinstance(form, Path):
        return m.resources.file(form), None
    if form is True:
        docs = Path(os.path.realpath(site.docs_dir))
        real = Path(os.path.realpath(site.docs_dir / target))
        if real.is_file() and real.is_relative_to(docs):
            return m.resources.file(real), None
    source = site.docs_dir / target
    if source.is_file() and target.lower().endswith(gate.PHOTO_TYPES + gate.IMAGE_TYPES):
        return None, (
            "是网站不发布的照片原图（原图可能带拍摄地点、手机型号等信息），没有放入 PDF。"
            "请把这张照片写进一项活动的 photos（网站和 PDF 都会用重新生成的图片），或放进 docs/assets/"
        )
    if source.exists():
        return None, "是网站不发布的文件（发布关卡没有放行），没有放入 PDF。请运行 wenming check 查看原因"
    return None, "不存在，没有放入 PDF。请检查文件名和路径（路径相对于本文件所在的文件夹）"


def chapter_html(m: Material, page: str) -> str:
    """A report chapter as paper shows it: its Markdown converted as the site converts it,
    through the publication gate's allowlist, its own first heading dropped (the template
    prints the chapter title, also for an imported 前言 that has none), images as the files
    the site publishes (anything else left out and said, see :func:`image_source`) and links
    as the site's addresses."""
    import markdown

    site, meta = m.site, m.site.content.pages[page]
    html = gate.sanitise(markdown.markdown(meta.body, extensions=MARKDOWN_EXTENSIONS))
    html = _LEADING_H1.sub("", html, count=1)
    html = _SRCSET.sub("", html)  # paper shows src; a candidate list is one more way out
    folder = posixpath.dirname(page)

    def fix(match: re.Match) -> str:
        attr, value = match.group(1), htmllib.unescape(match.group(2))
        if attr.strip() == "src":
            url, why = image_source(m, page, value)
            if url is None:
                line = f"{_where(m, page, value)}: 图片“{value}”{why}"
                if line not in m.notices:
                    m.notices.append(line)
                return ""
            return f'{attr}="{htmllib.escape(url)}"'
        if re.match(r"^[a-z][a-z0-9+.-]*:|^#|^/", value):
            return match.group(0)
        path, _, fragment = urllib.parse.unquote(value).partition("#")
        target = posixpath.normpath(posixpath.join(folder, path))
        url = site.urls.get(target) or site.urls.get(posixpath.join(target, "index.md")) or target
        return f'{attr}="{htmllib.escape(m.absolute(url + ("#" + fragment if fragment else "")))}"'

    return _SRC.sub(fix, html)


def bars(title: str, rows: list[tuple[str, int]]) -> str:
    """Horizontal bars for paper: one line per row, the label beside its bar (the site's
    charts put labels above bars to suit phones, which would take a page per chart here)."""
    from html import escape

    row, label_width, bar_width = 18, 190, 330
    height = row * max(len(rows), 1) + 4
    peak = max([v for _, v in rows] + [1])
    body = []
    for i, (label, value) in enumerate(rows):
        y = 2 + i * row
        w = bar_width * value / peak
        body.append(
            f'<text x="{label_width - 6}" y="{y + 12}" text-anchor="end" fill="#222">{escape(label)}</text>'
            f'<rect x="{label_width}" y="{y + 3}" width="{bar_width}" height="11" fill="#eeeeee"/>'
            f'<rect x="{label_width}" y="{y + 3}" width="{w:.1f}" height="11" fill="#555555"/>'
            f'<text x="{label_width + bar_width + 6}" y="{y + 12}" fill="#222">{value:,}</text>'
        )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 580 {height}" width="580" height="{height}" '
        f'font-size="11" font-family="Noto Sans CJK SC, sans-serif" role="img" aria-label="{escape(title)}">'
        + "".join(body)
        + "</svg>"
    )


def _cache_file(m: Material, output) -> Path:
    return Path(m.site.photo_outputs[f"{PHOTO_DIR}/{output.path}"])


def _context(m: Material) -> dict:
    content = m.site.content

    def qr(url: str) -> str:
        return m.qr(m.absolute(url))

    def photo(shot) -> str:
        return m.resources.file(_cache_file(m, shot.published.output("t800j")))

    return dict(
        unit=content.unit,
        content=content,
        today=m.site.today,
        index=m.index,
        qr=qr,
        photo=photo,
        absolute=m.absolute,
        chinese_date=chinese_date,
        site_qr=m.qr(m.base),
        unit_css=m.unit_css(),
        names={c.id: c.name for c in content.criteria},
    )


def appendix_records(m: Material) -> list[dict]:
    """The 主题活动 of the term, as the report's appendix lists them."""
    s = m.site.stats
    start, end = s.start.isoformat(), s.end.isoformat()
    return [r for r in m.site.records if r["kind"] != "routine" and start <= r["date"] <= end]


def routine_rows(m: Material) -> list[dict]:
    """One row per routine with occurrences in the term (the report's 附录二), in the order of
    their first occurrence."""
    s = m.site.stats
    start, end = s.start.isoformat(), s.end.isoformat()
    rules = {r.id: r for r in m.site.content.routines}
    rows: dict[str, dict] = {}
    for r in m.site.records:
        if r["kind"] != "routine" or not start <= r["date"] <= end:
            continue
        day = dt.date.fromisoformat(r["date"])
        row = rows.get(r["routine"])
        if row is None:
            rule = rules.get(r["routine"])
            row = rows[r["routine"]] = dict(
                id=r["routine"],
                title=r["title"],
                rule=rule.description if rule else None,
                first=day,
                last=day,
                count=0,
                department=r["department"],
                participants=0,
            )
        row["first"], row["last"] = min(row["first"], day), max(row["last"], day)
        row["count"] += 1
        row["participants"] += r["participants"] or 0
    return list(rows.values())


def report_anchors(m: Material) -> dict[str, str]:
    """Evidence item key (wenmingsite.pages.evidence.Item.key, and ``section:<url>`` for a report
    chapter) -> the id of the chapter or row of the report that shows it."""
    site, content = m.site, m.site.content
    anchors = {f"section:{site.urls.get(sec.page, sec.page)}": f"s-{n}" for n, sec in enumerate(content.report, 1)}
    anchors |= {f"document:{i}": f"d-{i}" for i in range(len(content.documents))}
    anchors |= {f"honour:{i}": f"h-{i}" for i in range(len(content.honours))}
    anchors |= {f"activity:{r['id']}": f"a-{n}" for n, r in enumerate(appendix_records(m), 1)}
    anchors |= {f"routine:{r['id']}": f"rt-{n}" for n, r in enumerate(routine_rows(m), 1)}
    return anchors


def report_html(m: Material) -> str:
    site, content = m.site, m.site.content
    s = site.stats
    sections = [
        (
            sec,
            m.chapters[sec.page] if sec.page in m.chapters else chapter_html(m, sec.page),
            [c.name for cid in sec.criteria if (c := content.criterion(cid))],
        )
        for sec in content.report
    ]
    years = list(s.years)
    months = []
    for month in range(1, 13):
        cells = []
        for year in years:
            key = f"{year}-{month:02d}"
            cells.append((s.months_themed[key], s.months_routine[key]) if key in s.months else None)
        months.append((month, cells))
    breakdowns = []
    for key, heading, table in s.breakdowns({c.id: c.name for c in content.criteria}):
        rows = list(table.items())
        svg = bars(f"{heading}的主题活动（项）", [(k, t.one_off) for k, t in rows])
        breakdowns.append((key, f"{heading}统计", rows, svg))
    groups = {g.criterion.id: g for g in m.index.groups if g.criterion}
    coverage = [(c, groups.get(c.criterion.id)) for c in site.coverage]
    anchors = report_anchors(m)
    return (
        environment()
        .get_template("pack/report.html")
        .render(
            **_context(m),
            css=stylesheet(m, "创建工作汇报材料"),
            s=s,
            sections=sections,
            months=months,
            breakdowns=breakdowns,
            coverage=coverage,
            appendix=appendix_records(m),
            routines=routine_rows(m),
            anchor=anchors.__getitem__,
        )
    )


# A report page not yet known, as the evidence index is laid out: the narrowest of numbers, so
# that a line the real number is set into ends where a layout with that number would end it
# (its line breaks are greedy); where the real number then leaves no room, the index is laid
# out anew (Staged.set_pages).
PAGE_PLACEHOLDER = "1"


def evidence_html(
    m: Material, pages: dict[str, int] | None = None, marks: list[tuple[str, str, str]] | None = None
) -> str:
    """The evidence index; ``pages`` (report anchor -> page) gives each item its 页码. Each page
    reference is a ``span.page-ref`` of its own (kept on one line).

    With ``marks`` (a list, filled here) the report's pages need not be known yet: each page
    reference of an item the report shows is written with :data:`PAGE_PLACEHOLDER` for its
    number and the index of its ``(anchor, absent, form)`` in ``marks`` as its
    ``data-page-mark``; :meth:`Staged.set_pages` sets the text in once they are known."""
    from markupsafe import Markup, escape

    anchors = report_anchors(m)
    pages = pages or {}

    def page_of(key: str, absent: str = "", form: str = "{}") -> Markup | str:
        anchor = anchors.get(key)
        if anchor is None:  # not in the report: known before it is laid out
            return absent
        if marks is not None:
            marks.append((anchor, absent, form))
            text = escape(form.format(PAGE_PLACEHOLDER))
            return Markup(f'<span class="page-ref" data-page-mark="{len(marks) - 1}">{text}</span>')
        page = pages.get(anchor)
        return absent if page is None else Markup('<span class="page-ref">{}</span>').format(form.format(page))

    return (
        environment()
        .get_template("pack/evidence.html")
        .render(**_context(m), css=stylesheet(m, "佐证材料目录"), page_of=page_of)
    )


def page_text(marks: list[tuple[str, str, str]], pages: dict[str, int], index: int) -> str:
    """What the mark number ``index`` stands for, the report's pages known."""
    anchor, absent, form = marks[index]
    page = pages.get(anchor)
    return absent if page is None else form.format(page)


# --- PDF --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Written:
    path: Path
    pages: int
    seconds: float
    refused: tuple[str, ...] = ()  # what the URL fetcher would not read (Chinese lines)


# WeasyPrint's stylesheet for HTML gives every element a ::marker and five note pseudo-elements
# (::footnote-call, ::footnote-marker, ::note-call, ::note-marker, ::note-callback), and
# WeasyPrint computes a style for each of them: six per element, half of the time spent on
# styles (the evidence index has 17,000 elements at N=1,000). The pack's documents have markers
# only on list items (li, the one element that sheet makes display: list-item) and no notes, so
# they read a copy of the sheet with ::marker narrowed to li and the note rules left out; a
# document or a unit's data/pack.css that sets notes (float: footnote) reads the stock sheet.
_NOTE_RULE = re.compile(r"^::(?:footnote-call|footnote-marker|note-call|note-marker|note-callback) \{[^}\n]*\}\n", re.M)
_NOTES = re.compile(r"footnote|float\s*:\s*note|::note", re.I)
_HTML: list = []  # [the HTML class reading the narrowed sheet, or None], made once


def _html_class(weasyprint, html: str, resources: Resources):
    """``weasyprint.HTML``, or its variant reading the narrowed stylesheet (see above) when
    neither ``html`` nor a stylesheet among ``resources`` sets notes. A WeasyPrint whose sheet
    does not read as expected gets its own sheet."""
    sheets = [p for p in resources.files.values() if p.suffix.lower() == ".css"]
    if _NOTES.search(html) or any(_NOTES.search(p.read_text(encoding="utf-8", errors="replace")) for p in sheets):
        return weasyprint.HTML
    if not _HTML:
        from weasyprint import html as stock

        narrowed, notes = _NOTE_RULE.subn("", stock.UA)
        if notes != 5 or narrowed.count("\n::marker {") != 1:
            _HTML.append(None)
        else:
            sheet = weasyprint.CSS(
                string=narrowed.replace("\n::marker {", "\nli::marker {"), counter_style=stock.UA_COUNTER_STYLE
            )

            class HTML(weasyprint.HTML):
                def _ua_stylesheets(self, forms=False):
                    return [sheet, *super()._ua_stylesheets(forms)[1:]]

            _HTML.append(HTML)
    return _HTML[0] or weasyprint.HTML


def _document(html: str, resources: Resources):
    """``html`` parsed by WeasyPrint, every resource read through ``resources``."""
    import logging

    weasyprint = layout_engine()
    logging.getLogger("weasyprint").setLevel(logging.ERROR)  # its CSS notes are not for editors
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    html_class = _html_class(weasyprint, html, resources)
    return html_class(string=html, base_url=str(TEMPLATES), url_fetcher=resources.fetcher())


def layout(html: str, resources: Resources | None = None):
    """``html`` laid out by WeasyPrint (a ``weasyprint.Document``), every resource read through
    ``resources`` (nothing but its files and QR codes when not given)."""
    return _document(html, resources or Resources()).render(dpi=PRINT_DPI)


class Staged:
    """A document laid out by WeasyPrint's own steps (what ``weasyprint.HTML.render`` does,
    ``weasyprint.Document._render`` of the version pinned in requirements/lock*.txt), with its
    page references set in afterwards (:meth:`set_pages`). The evidence index is laid out while
    the report is laid out in another process, each page reference a run of text that never
    breaks, with a placeholder number: setting the real number in changes only that run's
    width, so only the rest of its line moves (re-aligned as WeasyPrint aligns it) and nothing
    else on the page; where the line then has no room, :meth:`set_pages` refuses and the index
    is laid out anew (see :data:`PAGE_PLACEHOLDER`)."""

    def __init__(self, html: str, resources: Resources):
        from weasyprint import DEFAULT_OPTIONS
        from weasyprint.css.counters import CounterStyle
        from weasyprint.document import Document
        from weasyprint.formatting_structure.build import build_formatting_structure
        from weasyprint.layout import layout_document
        from weasyprint.text.fonts import FontConfiguration

        self.html = _document(html, resources)
        self.options = {**DEFAULT_OPTIONS, "dpi": PRINT_DPI}
        self.font_config, self.counter_style = FontConfiguration(), CounterStyle()
        self.context = Document._build_layout_context(self.html, self.font_config, self.counter_style, {}, self.options)
        root = build_formatting_structure(
            self.html.etree_element,
            self.context.style_for,
            self.context.get_image_from_uri,
            self.html.base_url,
            self.context.target_collector,
            self.counter_style,
            self.context.footnotes,
        )
        self.pages = list(layout_document(self.html, root, self.context))

    def set_pages(self, marks: list[tuple[str, str, str]], pages: dict[str, int]) -> bool:
        """Each marked page reference's text set in; False (the layout is then not to be used)
        unless every mark is found once, in a line aligned at its start or centred, and its
        text fits where the placeholder was, in the same font and height."""
        from weasyprint.formatting_structure.boxes import InlineBox, LineBox, ParentBox, TextBox
        from weasyprint.text.line_break import split_first_line

        done: set[int] = set()

        def marked(box, path):  # (mark, the boxes from a child of the line down to its text)
            for child in box.children:  # not into an inline block: its lines are its own (never set)
                if isinstance(child, TextBox):
                    element = child.element
                    mark = element.get("data-page-mark") if element is not None else None
                    if mark is not None:
                        yield int(mark), [*path, child]
                elif isinstance(child, InlineBox):
                    yield from marked(child, [*path, child])

        def set_in(line, block, mark: int, path: list) -> bool:
            text_box, style = path[-1], line.style
            text = page_text(marks, pages, mark)
            align = style["text_align_all"]
            if (
                mark in done
                or not text
                or text_box.element_tag != "span"
                or style["direction"] != "ltr"
                or style["text_align_last"] not in ("auto", align)
            ):
                return False
            align = {"left": "start", "right": "end"}.get(align, align)
            if align not in ("start", "center"):
                return False
            layout, _, resume, width, height, baseline = split_first_line(
                text, text_box.style, self.context, None, text_box.justification_spacing
            )
            if resume is not None or abs(height - text_box.height) > 1e-6:
                return False
            if abs(baseline + text_box.margin_top - text_box.baseline) > 1e-6:
                return False
            available, start = block.width, block.content_box_x()
            dx = width - text_box.width

            def offset(line_width: float) -> float:  # text_align() of weasyprint.layout.inline
                return max(0.0, (available - line_width) / 2) if align == "center" else 0.0

            if abs(line.position_x - start - offset(line.width)) > 1e-3 or line.width + dx > available + 1e-6:
                return False  # a float beside the line, or no room for the text
            line.translate(offset(line.width + dx) - offset(line.width))
            for parent, child in zip([line, *path[:-1]], path, strict=True):
                siblings = parent.children
                for after in siblings[next(i for i, box in enumerate(siblings) if box is child) + 1 :]:
                    after.translate(dx)
                if parent is not line:
                    parent.width += dx
            line.width += dx
            text_box.text, text_box.pango_layout, text_box.width = text, layout, width
            done.add(mark)
            return True

        def walk(box) -> bool:
            for child in box.children:
                if isinstance(child, LineBox):
                    if not all(set_in(child, box, mark, path) for mark, path in list(marked(child, []))):
                        return False
                elif isinstance(child, ParentBox) and not walk(child):
                    return False
            return True

        return all(walk(page) for page in self.pages) and done == set(range(len(marks)))

    def document(self):
        """The laid-out document (a ``weasyprint.Document``)."""
        from weasyprint.document import Document, DocumentMetadata, Page
        from weasyprint.html import get_html_metadata

        document = Document(
            [Page(page) for page in self.pages],
            DocumentMetadata(**get_html_metadata(self.html)),
            self.html.url_fetcher,
            self.font_config,
            {},
            self.options["output_intent"],
        )
        document._html = self.html
        return document


def anchor_pages(document) -> dict[str, int]:
    """Every anchor (element id) of a laid-out document -> the page it is on (1 = the first)."""
    pages: dict[str, int] = {}
    for folio, page in enumerate(document.pages, 1):
        for name in page.anchors:
            pages.setdefault(name, folio)
    return pages


def save(document, path: Path, title: str, author: str) -> None:
    """Write a laid-out document to ``path`` (through a temporary file: a killed run never
    leaves half a PDF under the final name)."""
    document.metadata.title = title
    document.metadata.authors = [author]
    # The package's one atomic write: a file with the ordinary mode (0666 less the umask),
    # where a temporary file from tempfile.mkstemp would keep its private 0600.
    images._atomic_write(path, document.write_pdf())


@collector_paused()
def write_pdf(html: str, path: Path, title: str, author: str, resources: Resources | None = None) -> Written:
    """Lay out ``html`` and write the PDF to ``path``."""
    start = time.perf_counter()
    resources = resources or Resources()
    before = len(resources.refused)
    document = layout(html, resources)
    save(document, path, title, author)
    return Written(path, len(document.pages), time.perf_counter() - start, tuple(resources.refused[before:]))


def _report_title(m: Material) -> str:
    unit = m.unit
    return f"{unit.name}{unit.term}{unit.title_sought}创建工作汇报材料"


@collector_paused()
def write_report(m: Material, path: Path) -> Written:
    """The report, laid out once; its pages are kept for the evidence index's 页码. The time
    counts everything the part needs: its HTML (and QR code), the layout and the writing."""
    start = time.perf_counter()
    before = len(m.resources.refused)
    document = layout(report_html(m), m.resources)
    m.report_pages = anchor_pages(document)
    save(document, path, _report_title(m), m.unit.name)
    if m.qr_cache:
        m.qr_cache.save()
    return Written(path, len(document.pages), time.perf_counter() - start, tuple(m.resources.refused[before:]))


@collector_paused()
def write_evidence(m: Material, path: Path) -> Written:
    """The evidence index with each item's page in the report. After :func:`write_report` the
    report's pages are known; alone (a test, a caller that wants only the index) the report is
    laid out here first, and not written."""
    start = time.perf_counter()
    before = len(m.resources.refused)
    if m.report_pages is None:
        m.report_pages = anchor_pages(layout(report_html(m), m.resources))
    document = _evidence_document(m, _staged_evidence(m))
    save(document, path, _evidence_title(m), m.unit.name)
    if m.qr_cache:
        m.qr_cache.save(prune=True)
    return Written(path, len(document.pages), time.perf_counter() - start, tuple(m.resources.refused[before:]))


def _staged_evidence(m: Material) -> tuple[Staged | None, list[tuple[str, str, str]]]:
    """The evidence index laid out before the report's pages are known, and its marks; no
    layout where WeasyPrint's steps are not those of the pinned version."""
    marks: list[tuple[str, str, str]] = []
    try:
        return Staged(evidence_html(m, marks=marks), m.resources), marks
    except (AttributeError, ImportError, TypeError):
        return None, marks


def _evidence_document(m: Material, staged: tuple[Staged | None, list[tuple[str, str, str]]]):
    """The evidence index with the report's pages (``m.report_pages``) set in; laid out anew
    with them where they cannot be set into the layout made before."""
    assert m.report_pages is not None
    layout_made, marks = staged
    try:
        if layout_made and layout_made.set_pages(marks, m.report_pages):
            return layout_made.document()
    except (AttributeError, ImportError, TypeError, KeyError):  # WeasyPrint's boxes not those of 70
        pass
    return layout(evidence_html(m, m.report_pages), m.resources)


def _evidence_title(m: Material) -> str:
    unit = m.unit
    return f"{unit.name}{unit.term}{unit.title_sought}创建佐证材料目录"


# --- the whole pack -----------------------------------------------------------------------

STAGE = ".pack.{}.tmp"  # under dist/: the folder a pack writes into before anything is replaced
Side = Callable[[Path], tuple[list[str], Any]]  # writes files into a folder: (their names, a result)


@dataclass(frozen=True)
class Packed:
    report: Written
    evidence: Written
    side: Any = None  # what the side job returned (the ledger's)


@collector_paused()
def write_pack(m: Material, dist: Path, side: Side | None = None) -> Packed:
    """The report and the evidence index, and the files ``side(folder)`` writes (the ledger),
    written to ``dist`` all or nothing: each is written into a folder of its own under
    ``dist`` (:data:`STAGE`), and they replace the files in ``dist`` only when all are whole;
    a fault anywhere leaves ``dist`` as it was.

    On a machine that can fork (Linux), the report is laid out and written in a child process,
    which then runs ``side``, while a second child lays out the evidence index; as soon as the
    report's pages are known (passed on by this process over pipes) they are set into the
    evidence index, which that child writes. The PDFs are those :func:`write_report` and
    :func:`write_evidence` write one after the other, to the byte. Each part's time counts
    all its work from the start of the two (the evidence index's its wait for the report's
    pages), so the parts' times overlap."""
    dist.mkdir(parents=True, exist_ok=True)
    _clear_stages(dist)
    stage = dist / STAGE.format(os.getpid())
    shutil.rmtree(stage, ignore_errors=True)
    stage.mkdir()
    try:
        packed, names = (_write_side_by_side if _can_fork() else _write_in_turn)(m, stage, side)
        for name in [REPORT_PDF, EVIDENCE_PDF, *names]:
            os.replace(stage / name, dist / name)
    finally:
        shutil.rmtree(stage, ignore_errors=True)
    return Packed(
        dataclasses.replace(packed.report, path=dist / REPORT_PDF),
        dataclasses.replace(packed.evidence, path=dist / EVIDENCE_PDF),
        packed.side,
    )


def _can_fork() -> bool:
    """Linux, and no other thread in this process (a lock one holds would stay locked in the
    child; the image pool of prepare() is closed by then)."""
    import multiprocessing
    import threading

    return (
        sys.platform.startswith("linux")
        and "fork" in multiprocessing.get_all_start_methods()
        and threading.active_count() == 1
    )


def _clear_stages(dist: Path) -> None:
    """Remove what a pack that was killed left under ``dist`` (the stage of a process that is
    gone)."""
    for folder in dist.glob(STAGE.format("*")):
        try:
            os.kill(int(folder.name.split(".")[2]), 0)
        except (ValueError, IndexError, ProcessLookupError):
            shutil.rmtree(folder, ignore_errors=True)
        except OSError:
            pass  # another user's process: alive


def _write_in_turn(m: Material, stage: Path, side: Side | None) -> tuple[Packed, list[str]]:
    report = write_report(m, stage / REPORT_PDF)
    evidence = write_evidence(m, stage / EVIDENCE_PDF)
    names, result = side(stage) if side else ([], None)
    return Packed(report, evidence, result), names


def _tell_parent(conn, exc: BaseException) -> None:
    """A child's fault, sent to the parent (which raises it); nothing when the parent is gone
    too (Ctrl-C reaches every process)."""
    with contextlib.suppress(Exception):
        try:
            conn.send(("error", exc))
        except Exception:  # noqa: BLE001 - an exception that does not pickle
            conn.send(("error", RuntimeError(f"{type(exc).__name__}: {exc}")))


def _send_aside(conn, value) -> None:
    """Send ``value`` from a thread of its own and go on: a pipe holds 64 KiB, and the reader
    may take its time (the index's process reads the codes only when WeasyPrint first asks
    for one, after parsing and styling) or never read at all (a unit's pack.css that hides
    the codes, a reader that died: the error is the reader's to tell, not this process's)."""
    import threading

    def send() -> None:
        with contextlib.suppress(OSError):
            conn.send(value)
        conn.close()

    threading.Thread(target=send, daemon=True).start()


def _report_child(m: Material, stage: Path, side: Side | None, conn, codes, foreign) -> None:
    """In the first child process: make every QR code of the pack and send them to the
    evidence index's process (``codes``), which meanwhile parses and styles; then lay out the
    report, send its pages, write it, run ``side``. ``foreign``: the parent's ends of the
    pipes, closed here (see :func:`_evidence_child`)."""
    try:
        start = time.perf_counter()
        for end in foreign:
            end.close()
        evidence_html(m, marks=[])  # makes the index's codes (nothing else of it kept)
        _send_aside(codes, {address: m.qr_png(address) for address in set(m.resources.codes.values())})
        if m.qr_cache:
            m.qr_cache.save(prune=True)  # every code of the pack: the cover's and the index's
        before = len(m.resources.refused)
        document = layout(report_html(m), m.resources)
        conn.send(("pages", anchor_pages(document)))
        save(document, stage / REPORT_PDF, _report_title(m), m.unit.name)
        refused = tuple(m.resources.refused[before:])
        report = Written(stage / REPORT_PDF, len(document.pages), time.perf_counter() - start, refused)
        conn.send(("done", (report, side(stage) if side else ([], None))))
    except BaseException as exc:  # noqa: BLE001 - every fault goes to the parent, which raises it
        _tell_parent(conn, exc)
    finally:
        conn.close()


def _evidence_child(m: Material, stage: Path, start: float, pages, codes, conn, foreign) -> None:
    """In the second child process: lay out the evidence index with the QR codes the first
    child makes meanwhile (``codes``: read when WeasyPrint first asks for one), set in the
    report's pages when they arrive (``pages``, from the parent), write it. ``foreign``: the
    parent's ends of the pipes, which this process must not hold open (a parent that is gone
    must read as an end of the pipe here)."""
    try:
        for end in foreign:
            end.close()
        made: dict[str, bytes] = {}

        def received(address: str) -> bytes:
            if not made and not codes.closed:
                with contextlib.suppress(EOFError, OSError):  # none came: made here instead
                    made.update(codes.recv())
                codes.close()
            return made[address] if address in made else m.qr_png(address)

        m.defer_codes = True
        m.resources.code_source = received
        before = len(m.resources.refused)
        staged = _staged_evidence(m)
        m.report_pages = pages.recv()
        document = _evidence_document(m, staged)
        save(document, stage / EVIDENCE_PDF, _evidence_title(m), m.unit.name)
        seconds = time.perf_counter() - start
        refused = tuple(m.resources.refused[before:])
        conn.send(("done", Written(stage / EVIDENCE_PDF, len(document.pages), seconds, refused)))
    except BaseException as exc:  # noqa: BLE001 - every fault goes to the parent, which raises it
        _tell_parent(conn, exc)
    finally:
        conn.close()
        pages.close()
        codes.close()


def _receive(conn, child, part: str) -> tuple[str, Any]:
    """The next message of a child: ("pages" | "done", value); its error raised, its end
    (killed, out of memory) said in Chinese."""
    try:
        kind, value = conn.recv()
    except EOFError:
        child.join()
        code = child.exitcode
        how = (
            f"被系统终止（信号 {-code}，可能是内存不足）"
            if code is not None and code < 0
            else f"意外退出（退出码 {code}）"
        )
        raise PackRefused(f"排版{part}的进程{how}，dist/ 中的文件没有改动。请重新运行 wenming pack") from None
    if kind == "error":
        raise value
    return kind, value


def _write_side_by_side(m: Material, stage: Path, side: Side | None) -> tuple[Packed, list[str]]:
    """The report (and then ``side``) in one child process, the evidence index in another;
    this process only passes the report's pages from one to the other. The layouts' millions
    of objects live and die in the children, which end without Python's clean-up: kept here,
    they would cost this process a garbage collection of all of them once the collector is
    back on (2.3 s at N=1,000), after both PDFs are written."""
    import multiprocessing
    import multiprocessing.connection

    context = multiprocessing.get_context("fork")
    sys.stdout.flush()
    sys.stderr.flush()
    start = time.perf_counter()
    # Every pipe made before the children; each child closes at once the ends it does not use
    # (``foreign``) and this process the children's ends once they have started: no process
    # holds an end it does not use, so a child that dies reads as the end of its pipe.
    report_conn, report_end = context.Pipe(duplex=False)
    codes_in, codes_out = context.Pipe(duplex=False)  # the first child's QR codes, to the second
    evidence_conn, evidence_end = context.Pipe(duplex=False)
    pages_in, pages_out = context.Pipe(duplex=False)
    ends = [report_end, codes_out, evidence_end, pages_in]  # the children's: closed here once started
    report_child = context.Process(
        target=_report_child,
        args=(
            m,
            stage,
            side,
            report_end,
            codes_out,
            (report_conn, codes_in, evidence_conn, evidence_end, pages_in, pages_out),
        ),
        daemon=True,
    )
    evidence_child = context.Process(
        target=_evidence_child,
        args=(m, stage, start, pages_in, codes_in, evidence_end, (report_conn, evidence_conn, pages_out, codes_out)),
        daemon=True,
    )
    children = [report_child, evidence_child]
    try:
        report_child.start()
        report_end.close()  # before the second fork: only the first child holds its pipes' ends
        codes_out.close()
        evidence_child.start()
        for end in ends:
            end.close()
        # Each child's messages as they come: a fault in either is told at once, whichever it is.
        parts = {report_conn: (report_child, "汇报材料"), evidence_conn: (evidence_child, "佐证材料目录")}
        report = evidence_written = names = result = None
        while parts:
            for ready in multiprocessing.connection.wait(list(parts)):
                conn = cast(Any, ready)
                child, part = parts[conn]
                kind, value = _receive(conn, child, part)
                if kind == "pages":
                    with contextlib.suppress(OSError):  # the index's process gone: its end comes next
                        pages_out.send(value)
                    continue
                del parts[conn]
                if conn is report_conn:
                    report, (names, result) = value
                else:
                    evidence_written = value
        assert report is not None and evidence_written is not None and names is not None
        for child in children:
            child.join()
        # A refusal the report already said is not said again (as when laid out in turn).
        refused = tuple(line for line in evidence_written.refused if line not in report.refused)
        evidence_written = dataclasses.replace(evidence_written, refused=refused)
        return Packed(report, evidence_written, result), names
    finally:
        for child in children:
            if child.is_alive():
                child.terminate()
            if child.pid is not None:
                child.join()
        for end in (report_conn, evidence_conn, pages_out, codes_in, *ends):
            end.close()


def describe(label: str, w: Written, root: Path) -> str:
    try:
        shown = w.path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        shown = str(w.path)
    return f"{label}：{shown}（{number(w.pages)} 页，用时 {w.seconds:.1f} 秒）"
