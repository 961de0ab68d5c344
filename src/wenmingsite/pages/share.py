"""The site's public finish: icons made from the unit's logo, share metadata (Open Graph)
and the footer's unit details, as plain data for the theme templates."""

from __future__ import annotations

import base64
import hashlib
import importlib.util
import io
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

from wenmingsite.gate import images
from wenmingsite.loading.records import Content

if TYPE_CHECKING:
    from PIL import Image

ICON_DIR = "assets/wenming/icons"
ICONS_CACHE_DIR = ".cache/icons"  # the last build's icons (make_icons)
FAVICON = "favicon-32.png"  # mkdocs.yml's theme.favicon points here
TOUCH_ICON = "apple-touch-icon.png"
ICON_SIZES = {FAVICON: 32, TOUCH_ICON: 180}
THEME_COLOUR = (0xB3, 0x19, 0x1F)  # --md-primary-fg-color of 00-base.css (中国红, AA contrast on white)
SHARE_VARIANT = "t800j"  # JPEG: what WeChat's and QQ's link previews read reliably (they skip WebP)
OPEN_DATA = "open-data/index.md"
OPEN_DATA_URL = "open-data/"
PRINT_URL = "print/"  # 汇报材料（打印版）, made for every site with a unit (pagekinds.PrintPage)
POLICE_QUERY = "https://beian.mps.gov.cn/#/query/webSearch?code="
ICP_QUERY = "https://beian.miit.gov.cn/"
# Fonts with Chinese glyphs, for the badge drawn when the logo is SVG (no SVG rasteriser is
# among the pinned dependencies). The first one present is used.
CJK_FONTS = (
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/arphic/uming.ttc",
    "/System/Library/Fonts/PingFang.ttc",
    "/System/Library/Fonts/STHeiti Medium.ttc",
    "C:/Windows/Fonts/msyhbd.ttc",
    "C:/Windows/Fonts/msyh.ttc",
    "C:/Windows/Fonts/simhei.ttf",
)


@dataclass(frozen=True)
class Icons:
    files: dict  # file name under ICON_DIR -> PNG bytes
    svg: str | None  # site path of the SVG logo used as the SVG favicon
    how: str  # "logo" (rendered from the raster logo), "badge" (drawn character), "plain" (no CJK font)


def _font(size: int):
    from PIL import ImageFont

    for path in CJK_FONTS:
        if Path(path).is_file():
            try:
                return ImageFont.truetype(path, size)
            except OSError:
                continue
    return None


def _png(im: Image.Image) -> bytes:
    buffer = io.BytesIO()
    im.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


def _from_logo(path: Path, size: int) -> bytes:
    from PIL import Image, ImageOps

    with Image.open(path) as im:
        im.load()
        logo = im.convert("RGBA")
    # iOS shows transparency as black: the touch icon gets a white ground and a margin.
    ground = (255, 255, 255, 0) if size <= 32 else (255, 255, 255, 255)
    inner = size if size <= 32 else round(size * 0.84)
    logo = ImageOps.contain(logo, (inner, inner), Image.Resampling.LANCZOS)
    canvas = Image.new("RGBA", (size, size), ground)
    canvas.alpha_composite(logo, ((size - logo.width) // 2, (size - logo.height) // 2))
    return _png(canvas if size <= 32 else canvas.convert("RGB"))


def _badge(char: str, size: int) -> tuple[bytes, bool]:
    """The theme colour with the unit's first character in white; (PNG, font found)."""
    from PIL import Image, ImageDraw

    scale = 4  # drawn large, then reduced: smooth edges
    big = size * scale
    canvas = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    draw = ImageDraw.Draw(canvas)
    if size <= 32:  # a browser tab: a rounded square reads best at this size
        draw.rounded_rectangle((0, 0, big - 1, big - 1), radius=big // 5, fill=THEME_COLOUR)
    else:  # iOS rounds the corners itself
        draw.rectangle((0, 0, big, big), fill=THEME_COLOUR)
    font = _font(round(big * 0.62))
    if font is not None and char:
        draw.text((big / 2, big / 2), char, font=font, fill=(255, 255, 255), anchor="mm")
    else:  # no Chinese font on this machine: a white ring instead of the character
        pad, width = big * 0.26, max(2, big // 12)
        draw.ellipse((pad, pad, big - pad, big - pad), outline=(255, 255, 255), width=width)
    small = canvas.resize((size, size), Image.Resampling.LANCZOS)
    return _png(small if size <= 32 else small.convert("RGB")), font is not None


def make_icons(content: Content, site_name: str, clean_logo: Path | None, cache: Path | None = None) -> Icons:
    """The favicon and the touch icon. A raster logo (its cleaned copy, ``clean_logo``) is
    scaled; an SVG logo (or none) gets a badge with the unit's first character, and an SVG
    logo is also offered to browsers as the SVG favicon.

    ``cache`` (a folder, .cache/icons): the icons of the last build are kept there under a key
    of everything they are made from (the logo's bytes, or the character and the font file;
    this module's code and Pillow's version), so that a build whose logo and unit name did not
    change neither imports Pillow nor draws them again. The file holds PNG data only; one that
    is not what this module writes is ignored and the icons are made again."""
    unit = content.unit
    logo = unit.logo if unit else None
    svg = logo if logo and logo.lower().endswith(".svg") and clean_logo is not None else None
    name = (unit.short_name or unit.name) if unit else site_name
    char = next((c for c in name if not c.isspace()), "")
    from_logo = bool(logo and clean_logo is not None and not svg)
    key = _icons_key(clean_logo if from_logo else None, char) if cache is not None else None
    if key is not None and cache is not None and (kept := _kept_icons(cache, key)) is not None:
        return Icons(kept[0], svg, kept[1])
    if from_logo and clean_logo is not None:
        icons = Icons({name: _from_logo(clean_logo, n) for name, n in ICON_SIZES.items()}, None, "logo")
    else:
        files, found = {}, True
        for file, n in ICON_SIZES.items():
            files[file], found = _badge(char, n)
        icons = Icons(files, svg, "badge" if found else "plain")
    if key is not None and cache is not None:
        _keep_icons(cache, key, icons)
    return icons


ICONS_FILE = "icons.json"


def _icons_key(logo: Path | None, char: str) -> str | None:
    """What the icons are made from, hashed; None when it cannot be known (no cache then)."""
    try:
        spec = importlib.util.find_spec("PIL")
        pillow = Path(spec.origin).with_name("_version.py").read_bytes() if spec and spec.origin else b""
        parts = [hashlib.sha256(Path(__file__).read_bytes()).hexdigest(), hashlib.sha256(pillow).hexdigest()]
        if logo is not None:
            parts += ["logo", hashlib.sha256(logo.read_bytes()).hexdigest()]
        else:
            font = next((p for p in CJK_FONTS if Path(p).is_file()), None)
            st = os.stat(font) if font else None
            parts += ["badge", char, font or "", str(st.st_size if st else ""), str(st.st_mtime_ns if st else "")]
    except (OSError, ValueError, ImportError):
        return None
    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()


def _kept_icons(cache: Path, key: str) -> tuple[dict, str] | None:
    """The icons kept under ``key``, if the file is exactly what :func:`_keep_icons` writes."""
    try:
        kept = json.loads((cache / ICONS_FILE).read_bytes())
        if not (isinstance(kept, dict) and kept.get("key") == key and kept.get("how") in ("logo", "badge", "plain")):
            return None
        stored = kept.get("files")
        if not (isinstance(stored, dict) and set(stored) == set(ICON_SIZES)):
            return None
        files = {name: base64.b64decode(stored[name], validate=True) for name in ICON_SIZES}
    except (OSError, ValueError, TypeError, RecursionError):
        return None
    if not all(_bare_png(data) for data in files.values()):
        return None
    return files, kept["how"]


# What Pillow writes for the icons (pixels only); a text, time, profile or EXIF chunk could carry
# what no published byte may hold, so a kept file with any other chunk is not used.
PNG_CHUNKS = frozenset({b"IHDR", b"PLTE", b"tRNS", b"IDAT", b"IEND"})


def _bare_png(data: bytes) -> bool:
    """A PNG made of image chunks only, whole, ending at its IEND."""
    if not data.startswith(b"\x89PNG\r\n\x1a\n"):
        return False
    at = 8
    while at + 12 <= len(data):
        size = int.from_bytes(data[at : at + 4], "big")
        kind = data[at + 4 : at + 8]
        if kind not in PNG_CHUNKS:
            return False
        at += 12 + size
        if kind == b"IEND":
            return at == len(data)
    return False


def _keep_icons(cache: Path, key: str, icons: Icons) -> None:
    files = {name: base64.b64encode(data).decode("ascii") for name, data in icons.files.items()}
    data = json.dumps({"key": key, "how": icons.how, "files": files}).encode("utf-8")
    images.write_cache(cache / ICONS_FILE, data)  # a cache that cannot be written is only slower


def _image(published, photo_dir: str) -> dict | None:
    output = published.outputs.get(SHARE_VARIANT) if published else None
    if output is None:
        return None
    return {"path": f"{photo_dir}/{output.path}", "width": output.width, "height": output.height, "type": "image/jpeg"}


def page_images(content: Content, gallery, photo_dir: str) -> dict[str, dict | None]:
    """Activity page (docs path) -> its first photo as a share image (None without photos)."""
    out = {}
    for a in content.published:
        if a.page:
            shots = gallery.shots(a) if gallery else ()
            out[a.page] = _image(shots[0].published, photo_dir) if shots else None
    return out


def default_image(content: Content, gallery, published: dict, photo_dir: str) -> dict | None:
    """The homepage banner, else the latest activity photo (None: the touch icon is used)."""
    unit = content.unit
    if unit and unit.banner and (found := _image(published.get(unit.banner), photo_dir)):
        return found
    latest = None
    for a in content.published:
        if gallery and gallery.shots(a) and (latest is None or (a.date, a.id) > (latest.date, latest.id)):
            latest = a
    return _image(gallery.shots(latest)[0].published, photo_dir) if latest else None


def absolute(site_url: str | None, path: str) -> str | None:
    """The absolute URL of a site path (None without site_url: no relative share URLs)."""
    if not site_url:
        return None
    return site_url.rstrip("/") + "/" + quote(path.lstrip("/"), safe="/")


def police_code(number: str) -> str:
    """The digits the 公安备案 lookup takes (“京公网安备11010502030143号” -> 11010502030143)."""
    return "".join(re.findall(r"\d", number))


def site_context(
    content: Content,
    icons: Icons,
    site_url: str | None,
    default: dict | None,
    pages: dict[str, dict | None],
    open_data: bool,
) -> dict:
    """What the theme templates (theme/) read as ``config.extra.wenming_site``."""
    unit = content.unit
    touch = f"{ICON_DIR}/{TOUCH_ICON}"
    fallback = {"path": touch, "width": 180, "height": 180, "type": "image/png"}
    footer = {}
    if unit:
        footer = {
            "name": unit.name,
            "address": unit.address,
            "phone": unit.phone,
            "icp": unit.icp,
            "police": unit.police,
            "police_url": POLICE_QUERY + police_code(unit.police) if unit.police else None,
            "icp_url": ICP_QUERY,
            "wechat": unit.wechat,
            "wechat_qr": unit.wechat_qr,
            "links": [{"name": name, "url": url} for name, url in unit.links],
        }

    def located(image: dict | None) -> dict | None:
        return {**image, "url": absolute(site_url, image["path"])} if image else None

    return {
        "site_url": site_url.rstrip("/") + "/" if site_url else None,
        "locale": "zh_CN",
        "icons": {"svg": icons.svg, "png": f"{ICON_DIR}/{FAVICON}", "touch": touch},
        "image": located(default or fallback),
        "pages": {src: located(image) for src, image in pages.items()},
        "footer": footer,
        "open_data": OPEN_DATA_URL if open_data else None,
        "print": PRINT_URL if unit else None,  # where an inspector looks for a printable version
        "short_name": unit.short_name if unit else None,  # the phone header (overrides/partials/header.html)
    }
