"""The image pipeline: phone photos in, small upright metadata-free copies out.

Originals are never published. From each original we make grid thumbnails and a display
copy for the lightbox (WebP, plus a JPEG thumbnail for browsers without WebP), upright,
in sRGB, with every byte of EXIF/XMP/ICC left behind.

Outputs live in a cache beside mkdocs.yml, keyed by the source's content hash, the
output spec and ``PIPELINE_VERSION``; a manifest of (path, size, mtime) -> content hash
lets a warm build decide freshness without opening or hashing any unchanged photo.
Writes are atomic (temporary file, then ``os.replace``), so a killed build never leaves
a broken output behind. Cold work is spread over all cores.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import time
from collections.abc import Callable
from concurrent.futures import Future, as_completed
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from wenmingsite.loading.patterns import lazy

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

# Bump when the way outputs are made changes: every cached output is then remade.
PIPELINE_VERSION = 1
# Bump when gps_of learns to see more: remembered answers are then asked again.
GPS_READER_VERSION = 2
CACHE_DIR = ".cache/images"  # beside mkdocs.yml; git-ignored, kept between CI runs


@dataclass(frozen=True)
class Variant:
    name: str
    box: tuple[int, int]  # fit inside, never upscale
    format: str  # "WEBP" | "JPEG"
    quality: int

    @property
    def ext(self) -> str:
        return "webp" if self.format == "WEBP" else "jpg"


VARIANTS = (
    Variant("d1600", (1600, 1600), "WEBP", 80),  # lightbox
    Variant("t800", (800, 1600), "WEBP", 78),  # grid, 2x screens
    Variant("t800j", (800, 1600), "JPEG", 80),  # grid, browsers without WebP
    Variant("t400", (400, 800), "WEBP", 75),  # grid, phones
)
SPEC = json.dumps([(v.name, v.box, v.format, v.quality) for v in VARIANTS])

# A genuine 200-megapixel phone photo decodes cheaply in JPEG draft mode; formats that
# cannot be drafted are decoded whole, so they get a lower ceiling.
MAX_PIXELS = 300_000_000
MAX_PIXELS_FULL_DECODE = 100_000_000
# Above this size, a file this small per pixel is a decompression bomb, not a photo
# (a 20000×20000 PNG of 300 KB has 0.00075 bytes per pixel; phone JPEGs have ~0.1–0.5).
BOMB_MIN_PIXELS = 40_000_000
BOMB_BYTES_PER_PIXEL = 0.02

ORIENTATION = 0x0112


class ImageProblem(Exception):
    """A photo that cannot be published; the message is for editors (Chinese)."""


@dataclass(frozen=True)
class PhotoVariant:
    variant: str
    path: str  # relative to the cache folder, POSIX
    width: int
    height: int


@dataclass(frozen=True)
class Published:
    key: str
    width: int  # upright size of the original
    height: int
    outputs: dict  # variant name -> PhotoVariant

    def output(self, name: str) -> PhotoVariant:
        return self.outputs[name]


def content_key(digest: str) -> str:
    return hashlib.sha256(f"{digest}|{PIPELINE_VERSION}|{SPEC}".encode()).hexdigest()[:24]


def _fit(size: tuple[int, int], box: tuple[int, int]) -> tuple[int, int]:
    w, h = size
    scale = min(box[0] / w, box[1] / h, 1.0)
    return max(1, round(w * scale)), max(1, round(h * scale))


def _flatten(im):
    """Any mode to 8-bit RGB; transparency onto white (pages are white behind photos)."""
    from PIL import Image

    if im.mode in ("I;16", "I;16L", "I;16B", "I;16N", "I"):
        im = im.convert("I").point(lambda v: v * (1 / 256)).convert("L")
    if im.mode == "P":
        im = im.convert("RGBA" if "transparency" in im.info else "RGB")
    if im.mode in ("LA", "La", "PA"):
        im = im.convert("RGBA")
    if im.mode in ("RGBA", "RGBa"):
        background = Image.new("RGB", im.size, (255, 255, 255))
        background.paste(im, mask=im.getchannel("A"))
        return background
    if im.mode != "RGB":
        im = im.convert("RGB")
    return im


def _to_srgb(im, icc: bytes | None):
    if not icc:
        return im
    try:
        from PIL import ImageCms

        src = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        if "srgb" in ImageCms.getProfileDescription(src).lower():
            return im
        return ImageCms.profileToProfile(im, src, ImageCms.createProfile("sRGB"), outputMode="RGB")
    except Exception:  # a broken profile: keep the pixels as they are
        return im


_TRANSPOSE = {
    2: "FLIP_LEFT_RIGHT",
    3: "ROTATE_180",
    4: "FLIP_TOP_BOTTOM",
    5: "TRANSPOSE",
    6: "ROTATE_270",
    7: "TRANSVERSE",
    8: "ROTATE_90",
}


def _upright(im, orientation: int):
    from PIL import Image

    name = _TRANSPOSE.get(orientation)
    return im.transpose(getattr(Image.Transpose, name)) if name else im


def _atomic_write(path: Path, data: bytes) -> None:
    """Write whole or not at all (a temporary name, then one rename); no temporary file is
    left behind when the write fails (a full disk)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open(tmp, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        try:
            tmp.unlink()
        except OSError:
            pass
        raise


def write_cache(path: Path, data: bytes) -> bool:
    """A cache file written whole or not at all; one that cannot be written only costs the
    next build time, so a failure is reported as False, never raised."""
    try:
        _atomic_write(path, data)
    except OSError:
        return False
    return True


# --- test-only pause ------------------------------------------------------------------
# TEST-ONLY (tests/test_gallery.py kills a cold build at a known point, on any machine
# speed): with WENMING_TEST_PAUSE_AFTER=N set, a photo worker process that has finished N
# outputs starts writing its next one (half of its bytes in the temporary file, as a kill
# mid-write leaves it), creates the file named by WENMING_TEST_PAUSE_MARKER and then sleeps
# until it is killed. Never set it outside the tests: a build with it set never finishes.
_written_here = 0  # outputs this process has finished


def _test_written() -> None:
    global _written_here
    _written_here += 1


def _test_pause(path: Path, data: bytes) -> None:
    after = os.environ.get("WENMING_TEST_PAUSE_AFTER")
    if not after or _written_here < int(after):
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path.with_name(f".{path.name}.{os.getpid()}.tmp"), "wb") as fh:
        fh.write(data[: len(data) // 2])
    marker = Path(os.environ["WENMING_TEST_PAUSE_MARKER"])
    marker.with_name(f"{marker.name}.{os.getpid()}").write_text(f"{_written_here}\n", encoding="utf-8")
    os.replace(marker.with_name(f"{marker.name}.{os.getpid()}"), marker)
    while True:
        time.sleep(3600)


def make_outputs(src: Path, key: str, cache: Path) -> Published:
    """Decode ``src`` once (drafted for JPEG), write every variant; raise ImageProblem."""
    from PIL import Image

    # Our own limits know a 200-megapixel photo from a bomb; Pillow's would refuse both.
    saved, Image.MAX_IMAGE_PIXELS = Image.MAX_IMAGE_PIXELS, None
    try:
        return _make_outputs(src, key, cache)
    finally:
        Image.MAX_IMAGE_PIXELS = saved


def load_whole(im) -> None:
    """``im.load()`` that fails on a truncated file whatever the process's setting: importing
    WeasyPrint (``wenming pack``) turns Pillow's LOAD_TRUNCATED_IMAGES on for the whole process,
    which would publish half a photo grey instead of saying it is incomplete."""
    from PIL import ImageFile

    before = ImageFile.LOAD_TRUNCATED_IMAGES
    ImageFile.LOAD_TRUNCATED_IMAGES = False
    try:
        im.load()
    finally:
        ImageFile.LOAD_TRUNCATED_IMAGES = before


def _make_outputs(src: Path, key: str, cache: Path) -> Published:
    from PIL import Image, UnidentifiedImageError

    suffix = src.suffix.lower()
    if suffix in (".heic", ".heif"):
        try:
            import pillow_heif
        except ImportError:  # pragma: no cover - pinned dependency
            raise ImageProblem(
                "无法读取 HEIC 照片。请在手机设置中把照片格式改为“兼容性最佳”（JPG），或把照片另存为 JPG"
            ) from None
        pillow_heif.register_heif_opener()
    size = src.stat().st_size
    if size == 0:
        raise ImageProblem("照片是空文件（0 字节）。请重新复制这张照片")
    try:
        im = Image.open(src)
    except UnidentifiedImageError:
        raise ImageProblem("这不是图片文件，或者文件已损坏。请重新从手机或相机导出这张照片") from None
    with im:
        w, h = im.size
        pixels = w * h
        if pixels > BOMB_MIN_PIXELS and size / pixels < BOMB_BYTES_PER_PIXEL:
            raise ImageProblem(
                f"图片标称 {w}×{h} 像素，文件却只有 {size / 1024:.0f} KB，不像真实照片（可能是恶意构造的“解压炸弹”）。"
                "请换用原始照片"
            )
        limit = MAX_PIXELS if im.format == "JPEG" else MAX_PIXELS_FULL_DECODE
        if pixels > limit:
            raise ImageProblem(
                f"照片尺寸过大（{w}×{h}，约 {pixels / 1e8:.1f} 亿像素），超过 {limit / 1e8:.0f} 亿像素的上限。"
                "请先把照片缩小后再添加"
            )
        orientation = im.getexif().get(ORIENTATION, 1) if hasattr(im, "getexif") else 1
        icc = im.info.get("icc_profile")
        largest = max(VARIANTS, key=lambda v: v.box[0] * v.box[1]).box
        if im.format == "JPEG":
            # Decode at the smallest 1/2^n scale that still covers the largest output.
            target = _fit((w, h) if orientation < 5 else (h, w), largest)
            target = target if orientation < 5 else (target[1], target[0])
            im.draft("RGB", target)
        try:
            load_whole(im)
        except (OSError, SyntaxError) as exc:
            raise ImageProblem(
                f"照片文件不完整或已损坏，无法读取（{exc}）。可能没有复制完整，请重新复制这张照片"
            ) from None
        base = _flatten(im)
        if base is im:
            base = im.copy()  # closing the file invalidates ``im`` itself
    base = _upright(_to_srgb(base, icc), orientation)
    upright = (w, h) if orientation < 5 else (h, w)
    outputs: dict[str, PhotoVariant] = {}
    previous = base
    for variant in VARIANTS:  # largest first: each smaller copy is resized from the last
        dims = _fit(upright, variant.box)
        if previous.size != dims:
            previous = previous.resize(dims, Image.Resampling.LANCZOS, reducing_gap=3.0)
        clean = previous
        clean.info = {}  # nothing of the original's metadata may travel
        buffer = io.BytesIO()
        if variant.format == "WEBP":
            clean.save(buffer, "WEBP", quality=variant.quality, method=4)
        else:
            clean.save(buffer, "JPEG", quality=variant.quality, optimize=True, progressive=True)
        rel = f"{key[:2]}/{key}-{variant.name}.{variant.ext}"
        _test_pause(cache / rel, buffer.getvalue())
        _atomic_write(cache / rel, buffer.getvalue())
        _test_written()
        outputs[variant.name] = PhotoVariant(variant.name, rel, dims[0], dims[1])
    return Published(key, upright[0], upright[1], outputs)


def plan(src: Path, key: str) -> Published | None:
    """What :func:`make_outputs` will make of ``src``, read from its header alone (sizes and
    orientation; nothing decoded), so that pages can be rendered while the variants are being
    made. None when the header does not settle it (a file make_outputs may refuse before
    decoding: empty, unreadable, a bomb, too large); such a photo is made at once."""
    from PIL import Image

    saved, Image.MAX_IMAGE_PIXELS = Image.MAX_IMAGE_PIXELS, None
    try:
        if src.suffix.lower() in (".heic", ".heif"):
            import pillow_heif

            pillow_heif.register_heif_opener()
        size = src.stat().st_size
        with Image.open(src) as im:
            w, h = im.size
            pixels = w * h
            limit = MAX_PIXELS if im.format == "JPEG" else MAX_PIXELS_FULL_DECODE
            if size == 0 or pixels > limit or (pixels > BOMB_MIN_PIXELS and size / pixels < BOMB_BYTES_PER_PIXEL):
                return None
            orientation = im.getexif().get(ORIENTATION, 1) if hasattr(im, "getexif") else 1
    except Exception:  # make_outputs says what is wrong with it
        return None
    finally:
        Image.MAX_IMAGE_PIXELS = saved
    upright = (w, h) if orientation < 5 else (h, w)
    outputs = {
        v.name: PhotoVariant(v.name, f"{key[:2]}/{key}-{v.name}.{v.ext}", *_fit(upright, v.box)) for v in VARIANTS
    }
    return Published(key, upright[0], upright[1], outputs)


def _work(job: tuple[str, str, str]):
    """Process-pool entry: never raises, so one bad photo cannot stop the others."""
    src, key, cache = job
    try:
        return src, make_outputs(Path(src), key, Path(cache)), None
    except ImageProblem as exc:
        return src, None, str(exc)
    except Exception as exc:  # anything Pillow throws for a malformed file
        return src, None, f"无法处理这张照片（{type(exc).__name__}: {exc}）。请重新导出后再添加"


# --- location metadata --------------------------------------------------------------------
# Where a photo can say where it was taken: EXIF's GPS IFD and XMP's GPS properties, in
# whichever container the format uses. Read at header level: the build asks this of every
# original, so nothing here decodes pixels (a PNG's IDAT and a WebP's bitstream are seeked
# over, not read).

GPS_IFD = 0x8825
XMP_JPEG = b"http://ns.adobe.com/xap/1.0/\x00"
XMP_JPEG_EXTENDED = b"http://ns.adobe.com/xmp/extension/\x00"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
PNG_XMP_KEY = b"XML:com.adobe.xmp"
# ImageMagick and exiftool keep EXIF/XMP in PNG text chunks as hex "raw profiles".
PNG_RAW_PROFILES = {b"Raw profile type exif": "exif", b"Raw profile type APP1": "exif", b"Raw profile type xmp": "xmp"}
MAX_METADATA_BYTES = 16 << 20  # a larger metadata block is not read (nor inflated) in full
HEIF_BRANDS = (b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"mif1", b"msf1", b"avif", b"avis")

# An XMP property whose name starts with "GPS" (exif:GPSLatitude, Iptc4xmpExt:GPS-Latitude,
# DJI's drone-dji:GpsLatitude / GpsLongtitude...), as an attribute or as an element.
_XMP_GPS_NAME = rb"(?:[A-Za-z_][\w.-]*:)?(?i:gps)[\w-]*"
XMP_GPS_ATTRIBUTE = lazy(rb"(?<=\s)(" + _XMP_GPS_NAME + rb")\s*=\s*(?:\"[^\"]*\"|'[^']*')")
XMP_GPS_ELEMENT = lazy(rb"<(" + _XMP_GPS_NAME + rb")(?=[\s/>])[^>]*?(?:/>|>.*?</\1\s*>)", re.S)


@dataclass(frozen=True)
class MetadataBlock:
    """One metadata block of a file: ``format`` "exif" (TIFF data, maybe after b"Exif\\0\\0")
    or "xmp" (the packet); ``carrier`` says how the file holds it, ``start``/``end`` where
    (the whole segment, chunk or box payload that holds it)."""

    format: str
    carrier: str  # jpeg-app1 | jpeg-xmp-extended | png-exif | png-text | webp | heif
    start: int
    end: int
    payload: bytes
    key: bytes = b""  # PNG text chunks: the keyword


def exif_has_gps(tiff: bytes) -> bool:
    import warnings

    from PIL import Image

    if b"\x88\x25" not in tiff and b"\x25\x88" not in tiff:  # no GPS IFD tag in either byte order
        return False
    try:
        with warnings.catch_warnings():  # "Corrupt EXIF data" is no news for the editor
            warnings.simplefilter("ignore")
            exif = Image.Exif()
            exif.load(tiff)
            return bool(exif.get_ifd(GPS_IFD))
    except Exception:  # malformed EXIF carries no coordinates a reader could show
        return False


def xmp_gps_spans(packet: bytes) -> list[tuple[int, int]]:
    """Byte spans of the GPS properties in an XMP packet (attributes and elements)."""
    spans = [m.span() for m in XMP_GPS_ELEMENT.finditer(packet)]
    spans += [m.span() for m in XMP_GPS_ATTRIBUTE.finditer(packet) if not any(a <= m.start() < b for a, b in spans)]
    return sorted(spans)


def xmp_has_gps(packet: bytes) -> bool:
    """A position (a latitude or longitude property), not merely a GPS version or time."""
    for rx in (XMP_GPS_ELEMENT, XMP_GPS_ATTRIBUTE):
        for m in rx.finditer(packet):
            local = m.group(1).rpartition(b":")[2].lower()
            if b"lat" in local or b"lon" in local:
                return True
    return False


def block_has_gps(block: MetadataBlock) -> bool:
    return exif_has_gps(block.payload) if block.format == "exif" else xmp_has_gps(block.payload)


def _read(fh, n: int) -> bytes:
    data = fh.read(n)
    if len(data) != n:
        raise EOFError
    return data


def _jpeg_blocks(fh) -> list[MetadataBlock]:
    blocks: list[MetadataBlock] = []
    extended: list[tuple[int, int, bytes]] = []
    fh.seek(2)
    while True:
        pos = fh.tell()
        head = fh.read(2)
        if len(head) < 2 or head[0] != 0xFF:
            break
        marker = head[1]
        if marker == 0xFF:  # fill byte
            fh.seek(pos + 1)
            continue
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:
            continue
        if marker in (0xDA, 0xD9):  # start of scan / end of image: no metadata after
            break
        length = int.from_bytes(_read(fh, 2), "big")
        end = pos + 2 + length
        if marker == 0xE1 and length >= 8:
            body = fh.read(min(length - 2, MAX_METADATA_BYTES))
            if body.startswith(b"Exif\x00\x00"):
                blocks.append(MetadataBlock("exif", "jpeg-app1", pos, end, body[6:]))
            elif body.startswith(XMP_JPEG):
                blocks.append(MetadataBlock("xmp", "jpeg-app1", pos, end, body[len(XMP_JPEG) :]))
            elif body.startswith(XMP_JPEG_EXTENDED):
                # GUID (32) + full length (4) + offset (4), then this part of the packet
                part = body[len(XMP_JPEG_EXTENDED) :]
                if len(part) >= 40:
                    extended.append((int.from_bytes(part[36:40], "big"), pos, part[40:]))
                    blocks.append(MetadataBlock("xmp", "jpeg-xmp-extended", pos, end, b""))
        fh.seek(end)
    if extended:  # one packet split over segments: judge it whole
        whole = b"".join(part for _, _, part in sorted(extended))
        blocks = [
            MetadataBlock(b.format, b.carrier, b.start, b.end, whole) if b.carrier == "jpeg-xmp-extended" else b
            for b in blocks
        ]
    return blocks


def _png_text(ctype: bytes, data: bytes) -> tuple[bytes, bytes] | None:
    """(keyword, text) of a tEXt/zTXt/iTXt chunk, inflated at most to MAX_METADATA_BYTES."""
    import zlib

    key, sep, rest = data.partition(b"\x00")
    if not sep:
        return None
    try:
        if ctype == b"tEXt":
            return key, rest
        if ctype == b"zTXt":
            return key, zlib.decompressobj().decompress(rest[1:], MAX_METADATA_BYTES)
        flag, rest = rest[:1], rest[2:]
        _lang, _, rest = rest.partition(b"\x00")
        _translated, _, text = rest.partition(b"\x00")
        if flag == b"\x01":
            text = zlib.decompressobj().decompress(text, MAX_METADATA_BYTES)
        return key, text
    except zlib.error:
        return None


def raw_profile_bytes(text: bytes) -> bytes | None:
    """The payload of an ImageMagick raw profile: "\\nexif\\n   LENGTH\\nHEX..."."""
    parts = text.split(None, 2)
    if len(parts) < 3:
        return None
    try:
        return bytes.fromhex(parts[2].decode("ascii"))
    except (UnicodeDecodeError, ValueError):
        return None


def _png_blocks(fh) -> list[MetadataBlock]:
    blocks: list[MetadataBlock] = []
    fh.seek(8)
    while True:
        pos = fh.tell()
        head = fh.read(8)
        if len(head) < 8:
            break
        length, ctype = int.from_bytes(head[:4], "big"), head[4:]
        end = pos + 12 + length
        if ctype == b"eXIf" and length <= MAX_METADATA_BYTES:
            blocks.append(MetadataBlock("exif", "png-exif", pos, end, _read(fh, length)))
        elif ctype in (b"tEXt", b"zTXt", b"iTXt") and length <= MAX_METADATA_BYTES:
            found = _png_text(ctype, _read(fh, length))
            if found:
                key, text = found
                if key == PNG_XMP_KEY:
                    blocks.append(MetadataBlock("xmp", "png-text", pos, end, text, key))
                elif key in PNG_RAW_PROFILES and (raw := raw_profile_bytes(text)) is not None:
                    blocks.append(MetadataBlock(PNG_RAW_PROFILES[key], "png-text", pos, end, raw, key))
        elif ctype == b"IEND":
            break
        fh.seek(end)
    return blocks


def _webp_blocks(fh) -> list[MetadataBlock]:
    blocks: list[MetadataBlock] = []
    fh.seek(12)
    while True:
        pos = fh.tell()
        head = fh.read(8)
        if len(head) < 8:
            break
        ctype, size = head[:4], int.from_bytes(head[4:], "little")
        end = pos + 8 + size + (size & 1)
        if ctype in (b"EXIF", b"XMP ") and size <= MAX_METADATA_BYTES:
            payload = _read(fh, size)
            if ctype == b"EXIF":
                blocks.append(MetadataBlock("exif", "webp", pos, end, payload))
            else:
                blocks.append(MetadataBlock("xmp", "webp", pos, end, payload))
        fh.seek(end)
    return blocks


def _heif_blocks(fh) -> list[MetadataBlock]:
    """EXIF and XMP of every image in the file, through libheif (which parses the boxes
    and decodes nothing until pixels are asked for). Offsets are not known here."""
    import pillow_heif

    fh.seek(0)
    heif = pillow_heif.open_heif(fh, convert_hdr_to_8bit=False)
    blocks: list[MetadataBlock] = []
    for image in heif:
        for name in ("exif", "xmp"):
            payload = image.info.get(name)
            if payload:
                blocks.append(MetadataBlock(name, "heif", -1, -1, bytes(cast(Any, payload))))
    return blocks


def container_of(head: bytes) -> str | None:
    if head[:3] == b"\xff\xd8\xff":
        return "jpeg"
    if head[:8] == PNG_SIGNATURE:
        return "png"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    if head[4:8] == b"ftyp" and head[8:12] in HEIF_BRANDS:
        return "heif"
    return None


def metadata_blocks(fh) -> list[MetadataBlock]:
    """Every EXIF and XMP block of an open binary file (JPEG, PNG, WebP, HEIC/HEIF; other
    formats: EXIF as Pillow reads it). Raises on a file too broken to walk."""
    fh.seek(0)
    kind = container_of(fh.read(16))
    if kind == "jpeg":
        return _jpeg_blocks(fh)
    if kind == "png":
        return _png_blocks(fh)
    if kind == "webp":
        return _webp_blocks(fh)
    if kind == "heif":
        return _heif_blocks(fh)
    from PIL import Image

    fh.seek(0)
    with Image.open(fh) as im:  # TIFF and the rest: EXIF lives in the header
        exif = im.getexif()
        return [MetadataBlock("exif", "other", -1, -1, exif.tobytes())] if exif.get_ifd(GPS_IFD) else []


def gps_of(path: Path) -> bool:
    """True when the image says where it was taken: a GPS IFD in its EXIF, or GPS
    coordinates in its XMP (header read only)."""
    try:
        with open(path, "rb") as fh:
            return any(block_has_gps(b) for b in metadata_blocks(fh))
    except Exception:  # an unreadable image is the image pipeline's to report
        return False


class PhotoCache:
    """Outputs for many photos, remembered across builds (and across `mkdocs serve` rebuilds)."""

    MANIFEST = "manifest.json"

    def __init__(self, folder: Path):
        self.folder = folder
        self.sources: dict[str, list] = {}  # abs path -> [size, mtime_ns, digest]
        self.outputs: dict[str, dict] = {}  # key -> Published as JSON
        self.gps: dict[str, bool] = {}  # digest -> whether the original carries GPS
        self._listings: dict[str, set[str]] = {}  # cache subfolder -> names in it
        self._digests: dict[Path, str] = {}  # path -> digest, this build
        self._dirty = False
        self._pool: ProcessPoolExecutor | None = None  # variants still being made (publish(background=True))
        self._pending: dict[Path, tuple[Future, Published]] = {}
        self._progress: Callable[[int, int, float], None] | None = None
        self._started = 0.0
        self._load()

    def _load(self) -> None:
        try:
            data = json.loads((self.folder / self.MANIFEST).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return
        if data.get("version") == PIPELINE_VERSION:
            self.sources = data.get("sources", {})
            self.outputs = data.get("outputs", {})
            if data.get("gps_reader") == GPS_READER_VERSION:
                self.gps = data.get("gps", {})

    def save(self) -> None:
        if not self._dirty:
            return
        data = {
            "version": PIPELINE_VERSION,
            "sources": self.sources,
            "outputs": self.outputs,
            "gps_reader": GPS_READER_VERSION,
            "gps": self.gps,
        }
        _atomic_write(self.folder / self.MANIFEST, json.dumps(data, ensure_ascii=False).encode("utf-8"))
        self._dirty = False

    def digest(self, path: Path) -> str:
        """Content hash, computed only when size or mtime changed since it was recorded;
        looked up once per path for the life of this cache object (one build)."""
        if (known := self._digests.get(path)) is not None:
            return known
        self._digests[path] = found = self._digest(path)
        return found

    def _digest(self, path: Path) -> str:
        st = path.stat()
        entry = self.sources.get(str(path))
        if entry and entry[0] == st.st_size and entry[1] == st.st_mtime_ns:
            return entry[2]
        digest = self.hash_file(path)
        self.sources[str(path)] = [st.st_size, st.st_mtime_ns, digest]
        self._dirty = True
        return digest

    def has_gps(self, path: Path) -> bool:
        """:func:`gps_of`, read once per file content (warm builds open no image)."""
        digest = self.digest(path)
        found = self.gps.get(digest)
        if found is None:
            found = self.gps[digest] = gps_of(path)
            self._dirty = True
        return found

    @staticmethod
    def hash_file(path: Path) -> str:
        h = hashlib.sha256()
        with open(path, "rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                h.update(chunk)
        return h.hexdigest()

    def cached(self, key: str) -> Published | None:
        entry = self.outputs.get(key)
        if not entry:
            return None
        outputs = {name: PhotoVariant(name, *o) for name, o in entry["outputs"].items()}
        if set(outputs) != {v.name for v in VARIANTS}:
            return None
        if not all(self._exists(o.path) for o in outputs.values()):
            return None
        return Published(key, entry["width"], entry["height"], outputs)

    def _exists(self, path: str) -> bool:
        """Whether an output is in the cache; one listing per cache folder, not a stat per file."""
        folder, _, name = path.rpartition("/")
        names = self._listings.get(folder)
        if names is None:
            try:
                names = set(os.listdir(os.path.join(self.folder, folder)))
            except OSError:
                names = set()
            self._listings[folder] = names
        return name in names

    def remember(self, result: Published) -> None:
        for o in result.outputs.values():
            folder, _, name = o.path.rpartition("/")
            if folder in self._listings:
                self._listings[folder].add(name)
        self.outputs[result.key] = {
            "width": result.width,
            "height": result.height,
            "outputs": {o.variant: [o.path, o.width, o.height] for o in result.outputs.values()},
        }
        self._dirty = True

    def clean_temporaries(self, older_than: float = 600) -> None:
        """Remove temporary files a killed build left behind."""
        if not self.folder.is_dir():
            return
        limit = time.time() - older_than
        for tmp in self.folder.glob("*/.*.tmp"):
            try:
                if tmp.stat().st_mtime < limit:
                    tmp.unlink()
            except OSError:
                pass

    def publish(
        self,
        paths: list[Path],
        workers: int | None = None,
        progress: Callable[[int, int, float], None] | None = None,
        background: bool = False,
    ) -> tuple[dict[Path, Published], dict[Path, str]]:
        """Outputs for every path (made where missing) and the problems of those that failed.

        ``background``: a photo whose outputs its header settles (:func:`plan`) is made in
        worker processes while the caller goes on (a first build renders its pages meanwhile,
        on the other core); its outputs are returned as planned, and :meth:`finish` waits for
        them and says which failed after all (a file damaged past its header)."""
        self.finish()  # what an earlier call left running
        self.clean_temporaries()
        done: dict[Path, Published] = {}
        failed: dict[Path, str] = {}
        jobs: list[tuple[str, str, str]] = []
        for path in dict.fromkeys(paths):
            key = content_key(self.digest(path))
            hit = self.cached(key)
            if hit:
                done[path] = hit
            else:
                jobs.append((str(path), key, str(self.folder)))
        if not jobs:
            self.save()
            return done, failed
        # Processes only for photos to make (multiprocessing costs a build that has none ~3 ms to import).
        from concurrent.futures import ProcessPoolExecutor

        workers = workers or os.cpu_count() or 1
        if background and workers > 1:
            planned = [(job, plan(Path(job[0]), job[1])) for job in jobs]
            later = [(job, found) for job, found in planned if found is not None]
            if later:
                jobs = [job for job, found in planned if found is None]  # made now: their problems at once
                self._pool = ProcessPoolExecutor(max_workers=min(workers, len(later)))
                self._progress, self._started = progress, time.monotonic()
                for job, found in later:
                    self._pending[Path(job[0])] = (self._pool.submit(_work, job), found)
                    done[Path(job[0])] = found
                progress = None
        start = time.monotonic()
        results = []
        if workers == 1 or len(jobs) <= 1:
            for i, job in enumerate(jobs, 1):
                results.append(_work(job))
                if progress:
                    progress(i, len(jobs), time.monotonic() - start)
        else:
            with ProcessPoolExecutor(max_workers=min(workers, len(jobs))) as pool:
                futures = [pool.submit(_work, job) for job in jobs]
                for i, future in enumerate(as_completed(futures), 1):
                    results.append(future.result())
                    if progress:
                        progress(i, len(jobs), time.monotonic() - start)
        for src, result, problem in results:
            if result:
                self.remember(result)
                done[Path(src)] = result
            else:
                failed[Path(src)] = problem
        if not self._pending:
            self.save()
        return done, failed

    def finish(self) -> dict[Path, str]:
        """Wait for the photos :meth:`publish` left making in the background; the problems of
        those that failed (their outputs, returned as planned, do not exist)."""
        pending, self._pending = self._pending, {}
        pool, self._pool = self._pool, None
        if pool is None:
            return {}
        failed: dict[Path, str] = {}
        try:
            futures = {future: (path, found) for path, (future, found) in pending.items()}
            for i, future in enumerate(as_completed(futures), 1):
                path, found = futures[future]
                _, result, problem = future.result()
                if result is None:
                    failed[path] = problem
                elif result != found:  # plan() and make_outputs() read a header alike
                    raise RuntimeError(f"{path}: made {result}, planned {found}")
                else:
                    self.remember(result)
                if self._progress:
                    self._progress(i, len(futures), time.monotonic() - self._started)
        finally:
            pool.shutdown(cancel_futures=True)
        self.save()
        return failed
