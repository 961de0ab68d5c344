"""The image pipeline, checked on pixels: upright, flattened, resized, and stripped bare."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from conftest import metadata_blocks
from PIL import Image, ImageOps

from wenmingsite.gate import images
from wenmingsite.gate.images import ImageProblem, PhotoCache, make_outputs

RED, BLUE, WHITE = (220, 20, 30), (20, 40, 200), (255, 255, 255)
INVERSE = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_90,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_270,
}


def upright_marker(size=(1200, 900)) -> Image.Image:
    """Blue, with a red block in the top-left corner: any wrong turn moves the red."""
    im = Image.new("RGB", size, BLUE)
    im.paste(RED, (0, 0, size[0] // 3, size[1] // 3))
    return im


def phone_exif(orientation: int) -> Image.Exif:
    exif = Image.Exif()
    exif[0x010F] = "Phone"
    exif[0x0110] = "Model X"
    exif[0x0112] = orientation
    exif.get_ifd(0x8825).update({1: "N", 2: (30.0, 15.0, 7.5), 3: "E", 4: (120.0, 10.0, 1.25)})
    return exif


def close(a, b, tol=30) -> bool:
    return all(abs(x - y) <= tol for x, y in zip(a, b, strict=False))


def outputs(tmp_path, src: Path):
    return make_outputs(src, "k" * 24, tmp_path / "cache"), tmp_path / "cache"


@pytest.mark.parametrize("orientation", range(1, 9))
def test_every_exif_orientation_comes_out_upright(tmp_path, orientation):
    stored = upright_marker()
    if orientation in INVERSE:
        stored = stored.transpose(INVERSE[orientation])
    src = tmp_path / "phone.jpg"
    stored.save(src, quality=92, exif=phone_exif(orientation))
    result, cache = outputs(tmp_path, src)
    assert (result.width, result.height) == (1200, 900)
    for o in result.outputs.values():
        with Image.open(cache / o.path) as out:
            out = out.convert("RGB")
            assert out.size == (o.width, o.height)
            w, h = out.size
            assert close(out.getpixel((w // 10, h // 10)), RED), orientation
            assert close(out.getpixel((w - w // 10, h - h // 10)), BLUE), orientation
            assert close(out.getpixel((w - w // 10, h // 10)), BLUE), orientation


def test_gps_and_all_metadata_are_gone(tmp_path):
    src = tmp_path / "gps.jpg"
    from PIL import ImageCms

    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    upright_marker().save(src, quality=90, exif=phone_exif(1), icc_profile=icc, comment=b"taken at home")
    result, cache = outputs(tmp_path, src)
    for o in result.outputs.values():
        data = (cache / o.path).read_bytes()
        assert metadata_blocks(data) == []
        assert b"Exif\x00" not in data and b"Model X" not in data and b"taken at home" not in data
        with Image.open(io.BytesIO(data)) as out:
            assert len(out.getexif()) == 0
            assert not {"exif", "xmp", "icc_profile", "XML:com.adobe.xmp"} & set(out.info)


def test_alpha_and_palette_transparency_flatten_onto_white(tmp_path):
    rgba = Image.new("RGBA", (600, 400), (0, 0, 0, 0))
    rgba.paste((200, 30, 30, 255), (300, 0, 600, 400))
    rgba.save(tmp_path / "alpha.png")
    pal = rgba.convert("RGB").convert("P", palette=Image.Palette.ADAPTIVE, colors=4)
    pal.info["transparency"] = pal.getpixel((10, 10))
    pal.save(tmp_path / "pal.png", transparency=pal.getpixel((10, 10)))
    for name in ("alpha.png", "pal.png"):
        result, cache = outputs(tmp_path / name.split(".")[0], tmp_path / name)
        with Image.open(cache / result.output("t400").path) as out:
            out = out.convert("RGB")
            assert close(out.getpixel((20, 20)), WHITE, 8), name
            assert close(out.getpixel((380, 200)), (200, 30, 30)), name


def test_cmyk_and_16_bit_images_convert_correctly(tmp_path):
    cmyk = Image.new("CMYK", (800, 600), (0, 255, 255, 0))  # pure red in CMYK
    cmyk.save(tmp_path / "cmyk.jpg", quality=95)
    result, cache = outputs(tmp_path / "a", tmp_path / "cmyk.jpg")
    with Image.open(cache / result.output("d1600").path) as out:
        r, g, b = out.convert("RGB").getpixel((400, 300))
        assert r > 200 and g < 60 and b < 60
    deep = Image.linear_gradient("L").resize((512, 256)).convert("I")
    deep = deep.point(lambda v: v * 257)  # 0..65535
    deep.convert("I;16").save(tmp_path / "deep.png")
    assert Image.open(tmp_path / "deep.png").mode.startswith("I")
    result, cache = outputs(tmp_path / "b", tmp_path / "deep.png")
    with Image.open(cache / result.output("d1600").path) as out:
        column = [out.convert("L").getpixel((100, y)) for y in (10, 128, 245)]
        assert column[0] < 30 and 100 < column[1] < 160 and column[2] > 220


def test_sizes_follow_the_spec_and_never_upscale(tmp_path):
    upright_marker((4000, 3000)).save(tmp_path / "big.jpg", quality=85)
    result, _ = outputs(tmp_path / "a", tmp_path / "big.jpg")
    assert {k: (o.width, o.height) for k, o in result.outputs.items()} == {
        "d1600": (1600, 1200),
        "t800": (800, 600),
        "t800j": (800, 600),
        "t400": (400, 300),
    }
    upright_marker((300, 200)).save(tmp_path / "small.jpg")
    result, _ = outputs(tmp_path / "b", tmp_path / "small.jpg")
    assert {(o.width, o.height) for o in result.outputs.values()} == {(300, 200)}


def test_heic_from_an_iphone(tmp_path):
    pillow_heif = pytest.importorskip("pillow_heif")
    pillow_heif.register_heif_opener()
    upright_marker((1200, 900)).save(tmp_path / "iphone.heic", quality=80)
    result, cache = outputs(tmp_path, tmp_path / "iphone.heic")
    with Image.open(cache / result.output("t800j").path) as out:
        assert out.format == "JPEG" and out.size == (800, 600)
        assert close(out.convert("RGB").getpixel((50, 50)), RED, 40)


@pytest.mark.parametrize(
    "name, data, message",
    [
        ("empty.jpg", b"", "照片是空文件（0 字节）。请重新复制这张照片"),
        ("notes.jpg", "这不是照片".encode(), "这不是图片文件，或者文件已损坏。请重新从手机或相机导出这张照片"),
    ],
)
def test_empty_and_non_image_files(tmp_path, name, data, message):
    (tmp_path / name).write_bytes(data)
    with pytest.raises(ImageProblem) as exc:
        outputs(tmp_path, tmp_path / name)
    assert str(exc.value) == message


def test_truncated_jpeg(tmp_path):
    buffer = io.BytesIO()
    upright_marker((1600, 1200)).save(buffer, "JPEG", quality=90)
    (tmp_path / "cut.jpg").write_bytes(buffer.getvalue()[: len(buffer.getvalue()) // 2])
    with pytest.raises(ImageProblem) as exc:
        outputs(tmp_path, tmp_path / "cut.jpg")
    assert str(exc.value).startswith("照片文件不完整或已损坏，无法读取（")
    assert str(exc.value).endswith("）。可能没有复制完整，请重新复制这张照片")
    assert not list((tmp_path / "cache").rglob("*.*")) if (tmp_path / "cache").exists() else True


def test_decompression_bomb_is_refused_but_big_phone_photos_are_not(tmp_path):
    Image.new("1", (20000, 20000)).save(tmp_path / "bomb.png")
    assert (tmp_path / "bomb.png").stat().st_size < 300_000
    with pytest.raises(ImageProblem) as exc:
        outputs(tmp_path, tmp_path / "bomb.png")
    assert "不像真实照片（可能是恶意构造的“解压炸弹”）。请换用原始照片" in str(exc.value)
    # A 200-megapixel phone JPEG (16320×12240, tens of MB) is within our limits, although
    # it is beyond Pillow's own default ceiling; the bomb rule is by bytes per pixel.
    pixels = 16320 * 12240
    assert pixels > Image.MAX_IMAGE_PIXELS * 2 and pixels <= images.MAX_PIXELS
    assert 30_000_000 / pixels > images.BOMB_BYTES_PER_PIXEL


def test_warm_cache_opens_no_image_and_hashes_no_unchanged_file(tmp_path, monkeypatch):
    srcs = []
    for i in range(3):
        upright_marker((900 + i, 600)).save(tmp_path / f"p{i}.jpg", exif=phone_exif(1))
        srcs.append(tmp_path / f"p{i}.jpg")
    cache = PhotoCache(tmp_path / "cache")
    done, failed = cache.publish(srcs, workers=1)
    assert failed == {} and len(done) == 3

    def refuse(*args, **kwargs):
        raise AssertionError("a warm build must not open an image or hash a file")

    monkeypatch.setattr(Image, "open", refuse)
    monkeypatch.setattr(PhotoCache, "hash_file", staticmethod(refuse))
    again, failed = PhotoCache(tmp_path / "cache").publish(srcs, workers=1)
    assert failed == {} and again == done
    monkeypatch.undo()

    # A changed photo (same name) is remade; the others are not touched.
    upright_marker((500, 400)).save(srcs[0])
    os.utime(srcs[0], ns=(1, 1))
    third, _ = PhotoCache(tmp_path / "cache").publish(srcs, workers=1)
    assert third[srcs[0]].width == 500 and third[srcs[1]] == done[srcs[1]]


def test_a_cache_file_that_vanished_is_remade(tmp_path):
    upright_marker().save(tmp_path / "p.jpg")
    cache = PhotoCache(tmp_path / "cache")
    done, _ = cache.publish([tmp_path / "p.jpg"], workers=1)
    (tmp_path / "cache" / done[tmp_path / "p.jpg"].output("t400").path).unlink()
    again, _ = PhotoCache(tmp_path / "cache").publish([tmp_path / "p.jpg"], workers=1)
    assert (tmp_path / "cache" / again[tmp_path / "p.jpg"].output("t400").path).is_file()


def test_failures_do_not_stop_the_others_in_parallel(tmp_path):
    upright_marker().save(tmp_path / "good.jpg")
    (tmp_path / "bad.jpg").write_bytes(b"not an image")
    done, failed = PhotoCache(tmp_path / "cache").publish([tmp_path / "good.jpg", tmp_path / "bad.jpg"], workers=2)
    assert list(done) == [tmp_path / "good.jpg"]
    assert failed == {tmp_path / "bad.jpg": "这不是图片文件，或者文件已损坏。请重新从手机或相机导出这张照片"}


def test_demo_originals_really_are_phone_like():
    """The demo's photos must exercise the pipeline: rotation tags present (GPS was
    stripped from the committed originals by `wenming fix`)."""
    from conftest import REPO

    orientations, phone_sized = set(), 0
    for p in (REPO / "docs/activities").rglob("*.jpg"):
        with Image.open(p) as im:
            exif = im.getexif()
            assert exif.get(0x0110) and not exif.get_ifd(0x8825)
            orientations.add(exif.get(0x0112))
            size = ImageOps.exif_transpose(im).size
            assert size in ((4000, 3000), (2000, 1500)), p  # a phone's full and "large" export sizes
            phone_sized += size == (4000, 3000)
    assert {1, 6, 8} <= orientations and phone_sized >= 3


def test_truncated_jpeg_is_refused_after_weasyprint_was_imported(tmp_path):
    """WeasyPrint turns Pillow's LOAD_TRUNCATED_IMAGES on for the whole process when it is
    imported (wenming pack does): a half-copied photo must still be refused, not published grey."""
    pytest.importorskip("weasyprint")
    import weasyprint  # noqa: F401
    from PIL import ImageFile

    assert ImageFile.LOAD_TRUNCATED_IMAGES is True  # what WeasyPrint does
    buffer = io.BytesIO()
    upright_marker((1600, 1200)).save(buffer, "JPEG", quality=90)
    (tmp_path / "cut.jpg").write_bytes(buffer.getvalue()[: len(buffer.getvalue()) // 2])
    with pytest.raises(ImageProblem, match="照片文件不完整或已损坏"):
        outputs(tmp_path, tmp_path / "cut.jpg")
    assert ImageFile.LOAD_TRUNCATED_IMAGES is True  # the process's setting is left as it was
