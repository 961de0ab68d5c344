"""Nothing reaches the public site unchecked: location metadata in every photo format,
the clean re-encoding of images published outside the photo pipeline, and safe SVG."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import zlib
from pathlib import Path
from xml.etree import ElementTree

import pillow_heif
import pytest
from conftest import metadata_blocks
from PIL import Image, ImageCms, PngImagePlugin

from wenmingsite.commands import repair
from wenmingsite.gate import clean_assets as assets
from wenmingsite.gate import images, svgsafe

RED, BLUE = (220, 20, 30), (20, 40, 200)
# Seconds of latitude written as 34.5678 -> the rational 345678/10000: easy to find in bytes.
LATITUDE = (31.0, 12.0, 34.5678)
XMP_ATTR = (
    '<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/">'
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" '
    'xmlns:exif="http://ns.adobe.com/exif/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/" '
    'exif:GPSLatitude="31,12.5761N" exif:GPSLongitude="121,28.1022E" exif:GPSVersionID="2.2.0.0">'
    '<dc:creator>宣传科</dc:creator></rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>'
)
XMP_ELEMENT = (
    '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
    '<rdf:Description rdf:about="" xmlns:drone-dji="http://www.dji.com/drone-dji/1.0/">'
    "<drone-dji:GpsLatitude>31.2096</drone-dji:GpsLatitude>"
    "<drone-dji:GpsLongtitude>121.4683</drone-dji:GpsLongtitude>"
    "<drone-dji:FlightYawDegree>12.3</drone-dji:FlightYawDegree>"
    "</rdf:Description></rdf:RDF></x:xmpmeta>"
)
XMP_NO_POSITION = XMP_ATTR.replace('exif:GPSLatitude="31,12.5761N" exif:GPSLongitude="121,28.1022E" ', "")


def gps_exif(orientation: int = 6) -> Image.Exif:
    exif = Image.Exif()
    exif[0x010F] = "Phone"
    exif[0x0112] = orientation
    exif.get_ifd(0x8825).update({1: "N", 2: LATITUDE, 3: "E", 4: (121.0, 28.0, 6.25)})
    return exif


def plain_exif() -> Image.Exif:
    exif = Image.Exif()
    exif[0x010F] = "Phone"
    exif[0x0112] = 6
    return exif


def marker(size=(64, 48), mode="RGB") -> Image.Image:
    """Blue with a red top-left block: any wrong turn moves the red."""
    im = Image.new(mode, size, BLUE + ((255,) if mode == "RGBA" else ()))
    im.paste(RED + ((255,) if mode == "RGBA" else ()), (0, 0, size[0] // 3, size[1] // 3))
    return im


def encoded(fmt: str, im: Image.Image | None = None, **params) -> bytes:
    if fmt == "HEIF":
        pillow_heif.register_heif_opener()
    out = io.BytesIO()
    (im or marker()).save(out, fmt, **params)
    return out.getvalue()


def png_chunks(data: bytes) -> list[tuple[bytes, bytes]]:
    chunks, i = [], 8
    while i < len(data):
        n = int.from_bytes(data[i : i + 4], "big")
        chunks.append((data[i + 4 : i + 8], data[i + 8 : i + 8 + n]))
        i += 12 + n
    return chunks


def png_with(data: bytes, chunk_type: bytes, body: bytes, after_idat: bool = False) -> bytes:
    """A PNG with one more chunk, before the first IDAT or just before IEND."""
    chunk = len(body).to_bytes(4, "big") + chunk_type + body + zlib.crc32(chunk_type + body).to_bytes(4, "big")
    at = data.index(b"IEND") - 4 if after_idat else data.index(b"IDAT") - 4
    return data[:at] + chunk + data[at:]


def raw_profile(payload: bytes) -> bytes:
    hexed = payload.hex()
    return (
        f"\nexif\n{len(payload):8d}\n".encode()
        + "\n".join(hexed[i : i + 72] for i in range(0, len(hexed), 72)).encode()
        + b"\n"
    )


def pixels(data: bytes) -> bytes:
    pillow_heif.register_heif_opener()
    with Image.open(io.BytesIO(data)) as im:
        return im.convert("RGBA").tobytes()


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


LATITUDE_BYTES = (345678).to_bytes(4, "big")

# name -> (file bytes with GPS); every carrier of location the build must see.
WITH_GPS = {
    "exif.jpg": lambda: encoded("JPEG", exif=gps_exif()),
    "xmp.jpg": lambda: encoded("JPEG", xmp=XMP_ATTR.encode()),
    "dji.jpg": lambda: encoded("JPEG", xmp=XMP_ELEMENT.encode()),
    "exif.png": lambda: encoded("PNG", exif=gps_exif()),
    "exif-after-idat.png": lambda: png_with(encoded("PNG"), b"eXIf", gps_exif().tobytes()[6:], after_idat=True),
    "xmp.png": lambda: png_with(encoded("PNG"), b"iTXt", b"XML:com.adobe.xmp\x00\x00\x00\x00\x00" + XMP_ATTR.encode()),
    "xmp-compressed.png": lambda: png_with(
        encoded("PNG"), b"iTXt", b"XML:com.adobe.xmp\x00\x01\x00\x00\x00" + zlib.compress(XMP_ELEMENT.encode())
    ),
    "raw-profile.png": lambda: png_with(
        encoded("PNG"), b"zTXt", b"Raw profile type exif\x00\x00" + zlib.compress(raw_profile(gps_exif().tobytes()))
    ),
    "exif.webp": lambda: encoded("WEBP", exif=gps_exif(), lossless=True),
    "xmp.webp": lambda: encoded("WEBP", xmp=XMP_ATTR.encode(), lossless=True),
    "exif.heic": lambda: encoded("HEIF", exif=gps_exif().tobytes()),
    "xmp.heic": lambda: encoded("HEIF", xmp=XMP_ELEMENT.encode()),
}
WITHOUT_GPS = {
    "plain.jpg": lambda: encoded("JPEG", exif=plain_exif(), xmp=XMP_NO_POSITION.encode()),
    "plain.png": lambda: encoded("PNG", exif=plain_exif()),
    "plain.webp": lambda: encoded("WEBP", exif=plain_exif(), xmp=XMP_NO_POSITION.encode()),
    "plain.heic": lambda: encoded("HEIF", exif=plain_exif().tobytes(), xmp=XMP_NO_POSITION.encode()),
}


# --- gps_of -------------------------------------------------------------------------------


@pytest.mark.parametrize("name", WITH_GPS)
def test_gps_is_seen_in_every_format_and_carrier(tmp_path, name):
    assert images.gps_of(write(tmp_path, name, WITH_GPS[name]())) is True


@pytest.mark.parametrize("name", WITHOUT_GPS)
def test_no_gps_means_no_alarm(tmp_path, name):
    """EXIF without a GPS IFD, XMP with only a GPS version: nothing to report."""
    assert images.gps_of(write(tmp_path, name, WITHOUT_GPS[name]())) is False


def test_heic_gps_is_seen_in_a_fresh_process(tmp_path):
    """`wenming check` asks before anything registered pillow_heif's opener with Pillow."""
    path = write(tmp_path, "IMG_0001.HEIC", WITH_GPS["exif.heic"]())
    code = (
        "import sys; sys.path.insert(0, 'src'); from pathlib import Path; "
        "from wenmingsite.gate import images; print(images.gps_of(Path(sys.argv[1])))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(path)],
        capture_output=True,
        text=True,
        cwd=Path(__file__).parent.parent,
        check=True,
    )
    assert out.stdout.strip() == "True"


def test_gps_read_does_not_decode_pixels(tmp_path, monkeypatch):
    """The build asks this of every original: a header read, not a decode."""
    path = write(tmp_path, "exif.png", WITH_GPS["exif.png"]())
    monkeypatch.setattr(Image.Image, "load", lambda self: pytest.fail("decoded pixels"))
    monkeypatch.setattr(PngImagePlugin.PngImageFile, "load", lambda self: pytest.fail("decoded pixels"))
    assert images.gps_of(path) is True


def test_remembered_answers_of_the_old_reader_are_asked_again(tmp_path):
    """A warm cache from before this reader said "no GPS" for HEIC and XMP photos."""
    photo = write(tmp_path, "xmp.jpg", WITH_GPS["xmp.jpg"]())
    digest = images.PhotoCache.hash_file(photo)
    st = photo.stat()
    cache_dir = tmp_path / "cache"
    cache_dir.mkdir()
    (cache_dir / "manifest.json").write_text(
        json.dumps(
            {
                "version": images.PIPELINE_VERSION,
                "outputs": {},
                "gps": {digest: False},
                "sources": {str(photo): [st.st_size, st.st_mtime_ns, digest]},
            }
        )
    )
    cache = images.PhotoCache(cache_dir)
    assert cache.has_gps(photo) is True
    cache.save()
    assert images.PhotoCache(cache_dir).gps == {digest: True}


# --- wenming fix --------------------------------------------------------------------------


def untouched_image_data(name: str, data: bytes) -> bytes:
    """The bytes that hold the picture itself, per format."""
    if name.endswith(".jpg"):
        return data[data.index(b"\xff\xda") :]
    if name.endswith(".png"):
        return b"".join(body for ctype, body in png_chunks(data) if ctype == b"IDAT")
    if name.endswith(".webp"):
        at = data.index(b"VP8L")
        return data[at : at + 8 + int.from_bytes(data[at + 4 : at + 8], "little")]
    return b""


@pytest.mark.parametrize("name", WITH_GPS)
def test_fix_removes_gps_without_changing_the_picture(tmp_path, name):
    before = WITH_GPS[name]()
    after, changes = repair.strip_location(before)
    assert [c.description for c in changes] == ["去掉了照片的 GPS 位置信息（画面没有改变）"]
    assert images.gps_of(write(tmp_path, name, after)) is False
    assert pixels(after) == pixels(before)
    assert untouched_image_data(name, after) == untouched_image_data(name, before)
    assert LATITUDE_BYTES not in after and b"31,12.5761N" not in after and b"121.4683" not in after
    if "exif" in name or "raw" in name:
        with Image.open(io.BytesIO(after)) as im:
            assert im.getexif()[0x010F] == "Phone"  # the rest of the EXIF stays
    if name.endswith(".heic"):
        # HEIC metadata is blanked in place: same length, only bytes of the EXIF/XMP item change.
        assert len(after) == len(before)
        diff = [i for i in range(len(before)) if before[i] != after[i]]
        start = before.find(b"Exif\x00\x00") if "exif" in name else before.find(b"<x:xmpmeta")
        assert start > 0 and all(start <= i < start + 600 for i in diff)
    assert repair.strip_location(after) == (None, [])


def test_jpeg_orientation_survives_the_fix(tmp_path):
    after, _ = repair.strip_location(WITH_GPS["exif.jpg"]())
    with Image.open(io.BytesIO(after)) as im:
        assert im.getexif()[0x0112] == 6 and not im.getexif().get_ifd(0x8825)


def test_xmp_keeps_everything_but_the_location():
    after, _ = repair.strip_location(WITH_GPS["xmp.jpg"]())
    packet = images.metadata_blocks(io.BytesIO(after))[0].payload
    assert "<dc:creator>宣传科</dc:creator>".encode() in packet and b"GPS" not in packet
    ElementTree.fromstring(packet[packet.index(b"<x:xmpmeta") : packet.index(b"</x:xmpmeta>") + 12])


@pytest.mark.parametrize("name", WITHOUT_GPS)
def test_fix_leaves_files_without_gps_alone(name):
    assert repair.strip_location(WITHOUT_GPS[name]()) == (None, [])


def test_fix_says_so_when_it_cannot_remove_gps(monkeypatch):
    """An EXIF block too malformed to blank safely is left alone, and the editor is told."""
    monkeypatch.setattr(repair, "blank_gps_exif", lambda buf, base: False)
    for name in ("exif.jpg", "exif.png", "exif.webp", "exif.heic"):
        assert repair.strip_location(WITH_GPS[name]()) == (None, [repair.Repair(None, repair.GPS_NOT_REMOVED)])
    assert repair.GPS_NOT_REMOVED == (
        "照片带有 GPS 位置信息，但无法在不改变画面的情况下自动去掉，没有修改。"
        "请在手机相册中关闭“位置信息”后重新导出这张照片（或另存为 JPG），再替换原图"
    )


def test_blanking_refuses_offsets_outside_the_data():
    data = bytearray(gps_exif().tobytes()[6:])
    data[4:8] = (0xFFFF).to_bytes(4, "big")  # IFD0 beyond the end
    assert repair.blank_gps_exif(data, 0) is False and bytes(data[4:8]) == (0xFFFF).to_bytes(4, "big")


# --- assets: rasters outside the photo pipeline ------------------------------------------


def icc_srgb() -> bytes:
    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


def publish(tmp_path, name: str, data: bytes):
    cache = assets.AssetCache(tmp_path / "cache")
    return cache.publish(write(tmp_path, name, data))


def test_png_logo_keeps_alpha_and_loses_every_chunk_of_text(tmp_path):
    logo = marker((60, 40), "RGBA")
    logo.paste((0, 0, 0, 0), (40, 20, 60, 40))
    info = PngImagePlugin.PngInfo()
    info.add_text("Author", "张三 13800138000")
    info.add_itxt("XML:com.adobe.xmp", XMP_ATTR)
    info.add_text("Comment", "内部资料", zip=True)
    data = encoded("PNG", logo, pnginfo=info, exif=gps_exif(1), icc_profile=icc_srgb())
    out, problem = publish(tmp_path, "logo.png", data)
    assert problem is None and out.suffix == ".png"
    clean = out.read_bytes()
    types = {ctype for ctype, _ in png_chunks(clean)}
    assert types <= {b"IHDR", b"PLTE", b"tRNS", b"IDAT", b"IEND"}
    assert b"13800138000" not in clean and "张三".encode() not in clean and LATITUDE_BYTES not in clean
    with Image.open(out) as im:
        assert im.mode == "RGBA" and im.tobytes() == logo.tobytes()  # lossless, alpha kept


def test_jpeg_comes_out_upright_bare_and_close(tmp_path):
    stored = marker((90, 60)).transpose(Image.Transpose.ROTATE_90)  # what a phone held sideways stores
    data = encoded(
        "JPEG",
        stored,
        quality=95,
        exif=gps_exif(6),
        xmp=XMP_ATTR.encode(),
        icc_profile=icc_srgb(),
        comment=b"taken at home",
    )
    out, problem = publish(tmp_path, "certificate.JPG", data)
    assert problem is None
    clean = out.read_bytes()
    assert clean[:2] == b"\xff\xd8" and clean[2:4] == b"\xff\xe0"  # JFIF
    assert metadata_blocks(clean) == []  # no APPn but JFIF, no COM
    assert b"taken at home" not in clean and b"Phone" not in clean
    with Image.open(out) as im:
        assert im.size == (90, 60)
        assert all(abs(a - b) <= 12 for a, b in zip(im.getpixel((10, 10)), RED, strict=False))
        assert all(abs(a - b) <= 12 for a, b in zip(im.getpixel((80, 50)), BLUE, strict=False))


def test_webp_keeps_alpha_and_has_no_metadata_chunks(tmp_path):
    im = marker((40, 40), "RGBA")
    im.paste((0, 0, 0, 0), (20, 20, 40, 40))
    data = encoded("WEBP", im, exif=gps_exif(1), xmp=XMP_ATTR.encode(), icc_profile=icc_srgb(), lossless=True)
    out, problem = publish(tmp_path, "banner.webp", data)
    assert problem is None
    clean = out.read_bytes()
    assert clean[:4] == b"RIFF" and metadata_blocks(clean) == []
    with Image.open(out) as res:
        res = res.convert("RGBA")
        assert res.getpixel((30, 30))[3] == 0 and res.getpixel((5, 5))[3] == 255
        assert all(abs(a - b) <= 12 for a, b in zip(res.getpixel((5, 5))[:3], RED, strict=False))


def test_animated_gif_stays_animated_without_comments(tmp_path):
    frames = [marker((30, 20)).convert("P"), Image.new("RGB", (30, 20), RED).convert("P")]
    out_buf = io.BytesIO()
    frames[0].save(
        out_buf, "GIF", save_all=True, append_images=frames[1:], duration=[120, 300], loop=0, comment=b"secret note"
    )
    out, problem = publish(tmp_path, "wave.gif", out_buf.getvalue())
    assert problem is None
    clean = out.read_bytes()
    assert clean[:6] == b"GIF89a" and b"secret note" not in clean
    with Image.open(out) as im:
        assert im.n_frames == 2
        durations = []
        for i in range(2):
            im.seek(i)
            durations.append(im.info["duration"])
        assert durations == [120, 300]


@pytest.mark.parametrize(
    "name, shown", [("IMG_1.heic", "HEIC"), ("scan.tif", "TIFF"), ("scan.TIFF", "TIFF"), ("paint.bmp", "BMP")]
)
def test_formats_browsers_cannot_show_are_refused(tmp_path, name, shown):
    fmt = {"HEIC": "HEIF", "TIFF": "TIFF", "BMP": "BMP"}[shown]
    out, problem = publish(tmp_path, name, encoded(fmt))
    assert out is None
    assert problem == (
        f"{shown} 格式的图片浏览器无法显示，网站不会发布它。请用看图软件或手机相册把它导出为 JPG（照片）"
        "或 PNG（标志、截图），再改用导出的文件"
    )


def test_heic_named_jpg_is_refused_too(tmp_path):
    out, problem = publish(tmp_path, "IMG_2.jpg", encoded("HEIF"))
    assert out is None and problem.startswith("HEIC 格式的图片浏览器无法显示")


def test_broken_images_give_chinese_problems(tmp_path):
    good = encoded("JPEG", marker((400, 300)), quality=95)
    cases = {
        "empty.png": (b"", "图片是空文件（0 字节）。请重新复制这张图片"),
        "notes.png": (b"just text", "这不是图片文件，或者文件已损坏。请重新导出这张图片"),
    }
    for name, (data, message) in cases.items():
        assert publish(tmp_path, name, data) == (None, message)
    out, problem = publish(tmp_path, "cut.jpg", good[: len(good) // 2])
    assert out is None and problem.startswith("图片文件不完整或已损坏，无法读取（")
    assert problem.endswith("）。可能没有复制完整，请重新复制这张图片")


def test_bombs_and_absurd_sizes_are_refused(tmp_path, monkeypatch):
    bomb = encoded("PNG", Image.new("1", (10_000, 5_000)))
    out, problem = publish(tmp_path, "bomb.png", bomb)
    assert out is None and problem.startswith("图片标称 10000×5000 像素，文件却只有 ")
    monkeypatch.setattr(assets, "MAX_ASSET_PIXELS", 5_000)
    out, problem = assets.AssetCache(tmp_path / "c2").publish(
        write(tmp_path, "big.png", encoded("PNG", marker((100, 60))))
    )
    assert (out, problem) == (
        None,
        "图片尺寸过大（100×60，约 1 万像素），网站上的图片不应超过 0 万像素。"
        "请先把图片缩小（例如长边 4000 像素以内）后再添加",
    )


def test_clean_files_are_cached_by_content(tmp_path):
    cache = assets.AssetCache(tmp_path / "cache")
    src = write(tmp_path, "logo.png", encoded("PNG", marker()))
    first, _ = cache.publish(src)
    stamp = first.stat().st_mtime_ns
    again, _ = assets.AssetCache(tmp_path / "cache").publish(src)
    assert again == first and again.stat().st_mtime_ns == stamp  # not made again
    assert first.parent.parent == tmp_path / "cache"
    src.write_bytes(encoded("PNG", marker((65, 48))))
    changed, _ = cache.publish(src)
    assert changed != first
    assert not list((tmp_path / "cache").rglob("*.tmp"))


def test_other_suffixes_are_not_published(tmp_path):
    assert publish(tmp_path, "icon.ico", b"\x00\x00\x01\x00") == (
        None,
        "网站不发布“.ico”格式的图片。请导出为 JPG、PNG、WebP 或 SVG 后再使用",
    )


# --- SVG ----------------------------------------------------------------------------------

EVIL_SVG = """<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"
     xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" viewBox="0 0 100 50" width="100"
     onload="alert(document.cookie)" inkscape:version="1.2">
  <!-- exported by Inkscape -->
  <title>文明单位标志</title>
  <script>alert(1)</script>
  <style>@import url(https://evil.example/x.css); .a{fill:#c00;background:url(https://evil.example/t.png)} .b{fill:url(#g)}</style>
  <defs><linearGradient id="g"><stop offset="0" stop-color="#c00"/><stop offset="1" stop-color="gold"/></linearGradient></defs>
  <a xlink:href="javascript:alert(2)"><rect class="a" width="50" height="50" fill="url(#g)"
     style="stroke:#333;behavior:url(x.htc)" onclick="steal()"/></a>
  <foreignObject width="10" height="10"><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject>
  <use xlink:href="#g"/>
  <use href="https://evil.example/sprite.svg#icon"/>
  <circle cx="75" cy="25" r="20" fill="url(https://evil.example/p.svg#p)"/>
  <text x="5" y="45" font-size="8">创建 &amp; 共建</text>
  <set attributeName="href" to="javascript:alert(3)"/>
</svg>
"""


def test_svg_keeps_the_drawing_and_names_what_it_left_out():
    clean, removed = svgsafe.sanitise(EVIL_SVG)
    assert removed == [
        "onload 属性",
        "<script> 元素",
        "样式中的 @import（从外部加载样式）",
        "样式中的指向外部的引用 url(https://evil.example/t.png)",
        "指向外部的链接 javascript:alert(2)",
        "样式中的 behavior（可执行代码）",
        "onclick 属性",
        "<foreignObject> 元素",
        "指向外部的链接 https://evil.example/sprite.svg#icon",
        "fill 属性中的指向外部的引用 url(https://evil.example/p.svg#p)",
        "<set> 元素",
        "绘图软件留下的不影响显示的附加信息 2 处（inkscape:version、注释）",
    ]
    lowered = clean.lower()
    for bad in (
        "script",
        "onload",
        "onclick",
        "javascript",
        "foreignobject",
        "evil.example",
        "behavior",
        "@import",
        "<set",
        "<a ",
    ):
        assert bad not in lowered, bad
    root = ElementTree.fromstring(clean.encode())
    ns = "{http://www.w3.org/2000/svg}"
    assert root.tag == f"{ns}svg" and root.get("viewBox") == "0 0 100 50"
    assert root.find(f"{ns}title").text == "文明单位标志"
    assert root.find(f"{ns}text").text == "创建 & 共建"
    rect = root.find(f"{ns}rect")  # unwrapped from the link, still drawn
    assert rect.get("fill") == "url(#g)" and rect.get("style") == "stroke:#333;" and rect.get("class") == "a"
    assert root.find(f"{ns}use").get("{http://www.w3.org/1999/xlink}href") == "#g"
    assert root.find(f"{ns}style").text == " .a{fill:#c00;} .b{fill:url(#g)}"
    assert [s.get("stop-color") for s in root.iter(f"{ns}stop")] == ["#c00", "gold"]


def test_a_clean_svg_passes_with_nothing_removed():
    text = (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><g transform="scale(2)">'
        '<path d="M0 0L5 5Z" fill="#c00" stroke-width="0.5"/></g></svg>'
    )
    clean, removed = svgsafe.sanitise(text)
    assert removed == []
    assert clean == '<?xml version="1.0" encoding="UTF-8"?>\n' + text + "\n"


DOCTYPE_MESSAGE = (
    "SVG 文件含有 DOCTYPE 或实体（ENTITY）声明，可能被用来构造“实体炸弹”或读取外部文件，"
    "网站不会发布它。请用绘图软件重新导出为“普通 SVG”（不含 DOCTYPE）"
)


@pytest.mark.parametrize(
    "text, message",
    [
        (
            '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>'
            '<svg xmlns="http://www.w3.org/2000/svg"><text>&b;</text></svg>',
            DOCTYPE_MESSAGE,
        ),
        (
            '<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]><svg xmlns="http://www.w3.org/2000/svg">&x;</svg>',
            DOCTYPE_MESSAGE,
        ),
        (
            '<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">'
            '<svg xmlns="http://www.w3.org/2000/svg"/>',
            DOCTYPE_MESSAGE,
        ),
        (
            '<html xmlns="http://www.w3.org/1999/xhtml"><body onload="x()"/></html>',
            "文件的根元素是 <html>，不是 <svg>，不是 SVG 图片。请用绘图软件重新导出为 SVG，或改用 PNG",
        ),
        (
            '<svg xmlns="http://www.w3.org/2000/svg"><text>&nbsp;</text></svg>',
            "SVG 文件不是完整的 XML（第 1 行第 47 列：用了没有定义的实体，例如 &nbsp;，请改写成字符本身或 &#160;），"
            "可能没有保存完整。请用绘图软件重新导出",
        ),
        (
            '<svg xmlns="http://www.w3.org/2000/svg"><g>',
            "SVG 文件不是完整的 XML（第 1 行第 44 列：文件在中途结束），可能没有保存完整。请用绘图软件重新导出",
        ),
    ],
)
def test_svg_that_cannot_be_made_safe_is_refused(text, message):
    with pytest.raises(svgsafe.UnsafeSvg) as err:
        svgsafe.sanitise(text)
    assert str(err.value) == message


def test_svg_style_tricks_are_dropped():
    text = (
        '<svg xmlns="http://www.w3.org/2000/svg"><style>/**/.x{fill:red}'
        ".y{background:u\\72l(https://e.example/a)} .z{width:expression(alert(1))}"
        '@charset "utf-8"; @font-face{font-family:f;src:url("https://e.example/f.woff")}</style>'
        '<rect style="fill:javascript:alert(1);stroke:red"/></svg>'
    )
    clean, removed = svgsafe.sanitise(text)
    assert "e.example" not in clean and "expression" not in clean and "javascript" not in clean
    assert '<rect style="stroke:red"/>' in clean
    assert "样式中的转义字符或尖括号（可能用来隐藏危险内容）" in removed
    assert "样式中的 expression(…)（可执行代码）" in removed
    assert "样式中的 @charset 规则" in removed
    assert "样式中的 javascript:…（可执行代码）" in removed


def test_svg_asset_is_published_sanitised_and_its_removals_are_remembered(tmp_path):
    src = write(tmp_path, "logo.svg", EVIL_SVG.encode("utf-8"))
    cache = assets.AssetCache(tmp_path / "cache")
    out, problem = cache.publish(src)
    assert problem is None and out.suffix == ".svg" and "<script" not in out.read_text(encoding="utf-8")
    first = cache.removed[src]
    assert "<script> 元素" in first
    warm = assets.AssetCache(tmp_path / "cache")
    assert warm.publish(src) == (out, None) and warm.removed[src] == first
    assert assets.removal_notice(["<script> 元素", "onload 属性"]) == (
        "SVG 图片中有网站不能发布的内容，已在发布的版本中去掉：<script> 元素；onload 属性。"
        "原文件没有改动；如果网站上的图形显示不对，请用绘图软件重新导出“普通 SVG”或改用 PNG"
    )
    assert assets.removal_notice([]) is None


def test_svg_asset_refusals_are_problems(tmp_path):
    cache = assets.AssetCache(tmp_path / "cache")
    bomb = write(tmp_path, "bomb.svg", b'<!DOCTYPE a [<!ENTITY a "a">]><svg xmlns="http://www.w3.org/2000/svg"/>')
    assert cache.publish(bomb) == (None, DOCTYPE_MESSAGE)
    gbk = write(tmp_path, "gbk.svg", '<svg xmlns="http://www.w3.org/2000/svg"><text>标志</text></svg>'.encode("gbk"))
    assert cache.publish(gbk) == (
        None,
        "SVG 文件不是 UTF-8 编码，无法检查。请用绘图软件重新导出，或用记事本“另存为 UTF-8”",
    )
    utf16 = write(
        tmp_path,
        "u16.svg",
        '<?xml version="1.0" encoding="UTF-16"?><svg xmlns="http://www.w3.org/2000/svg"/>'.encode("utf-16"),
    )
    out, problem = cache.publish(utf16)
    assert problem is None and out.read_text(encoding="utf-8").endswith('<svg xmlns="http://www.w3.org/2000/svg"/>\n')
