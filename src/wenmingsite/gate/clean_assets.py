"""Every image published outside the activity photo pipeline, made clean first.

Logos, honours certificates, banners and pictures linked from Markdown would otherwise be
copied byte for byte, GPS, XMP, ICC descriptions, PNG text chunks and JPEG comments
included. Rasters are decoded and encoded again from their pixels alone (upright, in
sRGB, same size, same format family as the file name says, so links keep working); SVG is
rebuilt from an allowlist by :mod:`svgsafe`. Outputs are cached beside mkdocs.yml, keyed
by content hash, format and ``ASSET_VERSION``, written atomically.

GIF stays GIF: every frame is kept with its timing, encoded again without comments or
application extensions other than looping.
"""

from __future__ import annotations

import hashlib
import io
import json
from pathlib import Path

from wenmingsite.gate import images, svgsafe
from wenmingsite.loading.problems import Problem

# Bump when the way outputs are made changes: every cached output is then remade.
ASSET_VERSION = 1
CACHE_DIR = ".cache/assets"  # beside mkdocs.yml; git-ignored
FORMATS = {".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG", ".webp": "WEBP", ".gif": "GIF"}
SVG = ".svg"
PUBLISHABLE = tuple(FORMATS) + (SVG,)
# Pillow reads these, browsers do not show them.
UNSHOWABLE = (".heic", ".heif", ".tif", ".tiff", ".bmp")
# A web page has no use for more; a certificate scanned at 600 dpi is 35 megapixels.
MAX_ASSET_PIXELS = 40_000_000
MAX_GIF_FRAMES = 500
MAX_GIF_PIXELS = 100_000_000  # frames × width × height
JPEG_QUALITY = 90
WEBP_QUALITY = 90
SPEC = json.dumps([ASSET_VERSION, MAX_ASSET_PIXELS, JPEG_QUALITY, WEBP_QUALITY])


def _problem_unshowable(suffix: str) -> str:
    name = {".heic": "HEIC", ".heif": "HEIF", ".tif": "TIFF", ".tiff": "TIFF", ".bmp": "BMP"}[suffix]
    return (
        f"{name} 格式的图片浏览器无法显示，网站不会发布它。请用看图软件或手机相册把它导出为 JPG（照片）"
        "或 PNG（标志、截图），再改用导出的文件"
    )


def _bomb_check(w: int, h: int, size: int, limit: int) -> None:
    pixels = w * h
    if pixels > images.BOMB_MIN_PIXELS and size / pixels < images.BOMB_BYTES_PER_PIXEL:
        raise images.ImageProblem(
            f"图片标称 {w}×{h} 像素，文件却只有 {size / 1024:.0f} KB，不像真实图片（可能是恶意构造的“解压炸弹”）。"
            "请换用原始图片"
        )
    if pixels > limit:
        raise images.ImageProblem(
            f"图片尺寸过大（{w}×{h}，约 {pixels / 1e4:.0f} 万像素），网站上的图片不应超过 {limit / 1e4:.0f} 万像素。"
            "请先把图片缩小（例如长边 4000 像素以内）后再添加"
        )


def _rgb_or_rgba(im):
    """8-bit RGB, or RGBA when the image has any transparency."""
    if im.mode in ("I;16", "I;16L", "I;16B", "I;16N", "I"):
        im = im.convert("I").point(lambda v: v * (1 / 256)).convert("L")
    if im.mode == "F":
        im = im.convert("L")
    transparent = im.mode in ("RGBA", "RGBa", "LA", "La", "PA") or "transparency" in im.info
    if im.mode == "CMYK" and im.info.get("icc_profile"):
        return im, False  # converted with its own profile by _to_srgb
    return im.convert("RGBA" if transparent else "RGB"), transparent


def _to_srgb(im, icc: bytes | None):
    """Pixels in sRGB, keeping alpha; a missing or broken profile leaves them as they are."""
    if not icc:
        return im if im.mode in ("RGB", "RGBA") else im.convert("RGB")
    try:
        from PIL import ImageCms

        src = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        if "srgb" in ImageCms.getProfileDescription(src).lower() and im.mode in ("RGB", "RGBA"):
            return im
        srgb = ImageCms.createProfile("sRGB")
        if im.mode == "RGBA":
            alpha = im.getchannel("A")
            rgb = ImageCms.profileToProfile(im.convert("RGB"), src, srgb, outputMode="RGB")
            assert rgb is not None  # None only with inPlace=True
            rgb.putalpha(alpha)
            return rgb
        return ImageCms.profileToProfile(im, src, srgb, outputMode="RGB")
    except Exception:
        return im if im.mode in ("RGB", "RGBA") else im.convert("RGB")


def _encode_still(im, fmt: str) -> bytes:
    from PIL import Image

    if fmt == "JPEG" and im.mode == "RGBA":  # JPEG has no alpha: what shows through is white
        background = Image.new("RGB", im.size, (255, 255, 255))
        background.paste(im, mask=im.getchannel("A"))
        im = background
    im.info = {}  # nothing of the original's metadata may travel
    out = io.BytesIO()
    if fmt == "PNG":
        im.save(out, "PNG", optimize=True)
    elif fmt == "JPEG":
        im.save(out, "JPEG", quality=JPEG_QUALITY, subsampling=0, optimize=True, progressive=True)
    elif fmt == "WEBP":
        im.save(out, "WEBP", quality=WEBP_QUALITY, method=4, exact=im.mode == "RGBA")
    else:  # a single-frame GIF
        im.save(out, "GIF", optimize=False)
    return out.getvalue()


def _encode_gif(im) -> bytes:
    """Every frame of an animated GIF, redrawn whole (RGBA) and written again."""
    n = getattr(im, "n_frames", 1)
    w, h = im.size
    if n > MAX_GIF_FRAMES or n * w * h > MAX_GIF_PIXELS:
        raise images.ImageProblem(
            f"动图有 {n} 帧、每帧 {w}×{h} 像素，太大，不适合放在网页上。请减少帧数或缩小尺寸，"
            "或改用一张 PNG/JPG 静态图片"
        )
    frames, durations = [], []
    for i in range(n):
        im.seek(i)
        images.load_whole(im)
        frames.append(im.convert("RGBA"))
        durations.append(int(im.info.get("duration", 100) or 100))
    loop = im.info.get("loop", 0)
    out = io.BytesIO()
    first = frames[0]
    first.info = {}
    first.save(
        out, "GIF", save_all=True, append_images=frames[1:], duration=durations, loop=loop, disposal=2, optimize=False
    )
    return out.getvalue()


def clean_raster(src: Path, fmt: str) -> bytes:
    """``src`` decoded and encoded again as ``fmt`` from its pixels alone; raises
    images.ImageProblem (Chinese) for what cannot be published."""
    from PIL import Image

    saved, Image.MAX_IMAGE_PIXELS = Image.MAX_IMAGE_PIXELS, None  # our limits, not Pillow's
    try:
        return _clean_raster(src, fmt)
    finally:
        Image.MAX_IMAGE_PIXELS = saved


def _clean_raster(src: Path, fmt: str) -> bytes:
    from PIL import Image, UnidentifiedImageError

    size = src.stat().st_size
    if size == 0:
        raise images.ImageProblem("图片是空文件（0 字节）。请重新复制这张图片")
    with open(src, "rb") as fh:
        head = fh.read(16)
    if images.container_of(head) == "heif":
        raise images.ImageProblem(_problem_unshowable(".heic"))
    try:
        im = Image.open(src)
    except UnidentifiedImageError:
        raise images.ImageProblem("这不是图片文件，或者文件已损坏。请重新导出这张图片") from None
    with im:
        if im.format in ("TIFF", "BMP", "DIB"):
            raise images.ImageProblem(_problem_unshowable(".tiff" if im.format == "TIFF" else ".bmp"))
        w, h = im.size
        _bomb_check(w, h, size, MAX_ASSET_PIXELS)
        try:
            if fmt == "GIF" and getattr(im, "n_frames", 1) > 1:
                return _encode_gif(im)
            orientation = im.getexif().get(images.ORIENTATION, 1)
            icc = im.info.get("icc_profile")
            images.load_whole(im)
        except (OSError, SyntaxError, EOFError) as exc:
            raise images.ImageProblem(
                f"图片文件不完整或已损坏，无法读取（{exc}）。可能没有复制完整，请重新复制这张图片"
            ) from None
        if fmt == "GIF":
            base = (
                im.convert("RGBA")
                if "transparency" in im.info or im.mode in ("RGBA", "LA", "PA")
                else im.convert("RGB")
            )
        else:
            base, _ = _rgb_or_rgba(im)
            base = _to_srgb(base, icc)
        if base is im:
            base = im.copy()
    base = images._upright(base, orientation if fmt != "GIF" else 1)
    return _encode_still(base, fmt)


class AssetCache:
    """Clean copies of published images, remembered across builds by content hash."""

    def __init__(self, folder: Path):
        self.folder = folder
        self._digests: dict[tuple[str, int, int], str] = {}
        self.removed: dict[Path, list[str]] = {}  # SVG source -> what sanitising left out

    def key(self, src: Path) -> str:
        st = src.stat()
        memo = (str(src), st.st_size, st.st_mtime_ns)
        digest = self._digests.get(memo)
        if digest is None:
            digest = self._digests[memo] = images.PhotoCache.hash_file(src)
        fmt = "SVG" if src.suffix.lower() == SVG else FORMATS.get(src.suffix.lower(), "")
        return hashlib.sha256(f"{digest}|{fmt}|{SPEC}|{svgsafe.SVG_VERSION}".encode()).hexdigest()[:24]

    def publish(self, src: Path) -> tuple[Path | None, str | None]:
        """(clean file, None), or (None, the Chinese reason it cannot be published).
        For an SVG, what sanitising left out is in ``self.removed[src]`` (every build,
        also when the clean file comes from the cache)."""
        suffix = src.suffix.lower()
        if suffix in UNSHOWABLE:
            return None, _problem_unshowable(suffix)
        if suffix not in PUBLISHABLE:
            return None, (f"网站不发布“{src.suffix}”格式的图片。请导出为 JPG、PNG、WebP 或 SVG 后再使用")
        try:
            key = self.key(src)
        except OSError as exc:
            return None, f"无法读取这个文件（{exc.strerror}）。请检查文件是否存在、是否被其他程序占用"
        out = self.folder / key[:2] / f"{key}{suffix}"
        if suffix == SVG:
            return self._publish_svg(src, out)
        if out.is_file():
            return out, None
        try:
            data = clean_raster(src, FORMATS[suffix])
        except images.ImageProblem as exc:
            return None, str(exc)
        except Exception as exc:  # anything Pillow throws for a malformed file
            return None, f"无法处理这张图片（{type(exc).__name__}: {exc}）。请重新导出后再添加"
        images._atomic_write(out, data)
        return out, None

    def _publish_svg(self, src: Path, out: Path) -> tuple[Path | None, str | None]:
        notes = out.with_name(out.name + ".json")
        if out.is_file() and notes.is_file():
            try:
                self.removed[src] = json.loads(notes.read_text(encoding="utf-8"))
                return out, None
            except (OSError, ValueError):
                pass
        data = src.read_bytes()
        try:
            if data.startswith((b"\xff\xfe", b"\xfe\xff")):
                text = data.decode("utf-16")
            else:
                text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            return None, "SVG 文件不是 UTF-8 编码，无法检查。请用绘图软件重新导出，或用记事本“另存为 UTF-8”"
        try:
            clean, removed = svgsafe.sanitise(text)
        except svgsafe.UnsafeSvg as exc:
            return None, str(exc)
        self.removed[src] = removed
        images._atomic_write(notes, json.dumps(removed, ensure_ascii=False).encode("utf-8"))
        images._atomic_write(out, clean.encode("utf-8"))
        return out, None


def removal_notice(removed: list[str]) -> str | None:
    """One Chinese sentence for the editor about what an SVG lost on publication."""
    if not removed:
        return None
    return (
        "SVG 图片中有网站不能发布的内容，已在发布的版本中去掉："
        + "；".join(removed)
        + "。原文件没有改动；如果网站上的图形显示不对，请用绘图软件重新导出“普通 SVG”或改用 PNG"
    )


# What sanitising an SVG reports that changes nothing a visitor sees (editor leftovers):
# published without a problem. Everything else it removed is an error for the editor.
_HARMLESS_REMOVAL = "绘图软件留下的"


def publish_all(
    files: dict[str, str], docs_dir: Path, docs_rel: str, cache: AssetCache
) -> tuple[dict[str, Path], list[Problem]]:
    """Clean copies of every image and SVG the publication gate let through (``files``:
    docs path -> gate class), and a problem for each one that cannot be published as it
    is. Run before site/ is touched, by the build and by ``wenming check`` alike."""
    clean: dict[str, Path] = {}
    problems: list[Problem] = []
    for docs_path, kind in sorted(files.items()):
        if kind not in ("image", "svg"):
            continue
        src = docs_dir / docs_path
        out, problem = cache.publish(src)
        rel = f"{docs_rel}/{docs_path}"
        if problem:
            problems.append(Problem(rel, None, None, problem))
            continue
        assert out is not None  # publish gives a clean file or a (never empty) reason
        clean[docs_path] = out
        dangerous = [r for r in cache.removed.get(src, []) if not r.startswith(_HARMLESS_REMOVAL)]
        if notice := removal_notice(dangerous):
            problems.append(Problem(rel, None, None, notice))
    return clean, problems
