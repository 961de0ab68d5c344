"""`wenming pack` reads only what the publication gate publishes: a report chapter's image
outside docs/, an original photo the site never publishes, a file:// or network address is
left out of the PDF with a Chinese line naming the page and the image."""

from __future__ import annotations

import http.server
import io
import subprocess
import threading

import pytest
from click.testing import CliRunner
from conftest import TODAY, write
from PIL import Image

from wenmingsite.commands.cli import main
from wenmingsite.outputs import pack

SITE_URL = "https://t.example.cn/"
MAGENTA = (255, 0, 255)  # the picture outside the unit
GREEN = (0, 200, 0)  # the unpublished original
ORANGE = (250, 140, 0)  # the draft activity's photo
BLUE = (20, 60, 220)  # a published photo: its variant is printed
RED = (220, 30, 30)  # an illustration under docs/assets/: its cleaned copy is printed


def layout_or_skip() -> None:
    try:
        pack.layout_engine()
    except pack.PackRefused as exc:
        pytest.skip(str(exc))
    if pack.cjk_font() is None:
        pytest.skip("系统没有中文字体（Debian/Ubuntu：apt-get install fonts-noto-cjk）")


def jpeg(color, size=(320, 240), gps: bool = False) -> bytes:
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"
    exif[0x0110] = "Model X"
    exif[0x013B] = "Artist Zhang"
    exif[0x010E] = "ImageDescription of the original"
    if gps:
        exif.get_ifd(0x8825).update({1: "N", 2: (30.0, 15.0, 7.5), 3: "E", 4: (120.0, 10.0, 1.25)})
    out = io.BytesIO()
    Image.new("RGB", size, color).save(out, "JPEG", exif=exif.tobytes(), quality=95)
    return out.getvalue()


def png(color, size=(64, 64), text: str | None = None) -> bytes:
    from PIL import PngImagePlugin

    info = PngImagePlugin.PngInfo()
    if text:
        info.add_text("Author", text)
    out = io.BytesIO()
    Image.new("RGB", size, color).save(out, "PNG", pnginfo=info)
    return out.getvalue()


CHAPTER = """\
---
title: 一、组织领导
order: 1
---

# 一、组织领导

正文。

<img src="../../../secret.png" alt="单位外的图片">

<img src="../activities/2024-03-05-plant/unlisted.jpg" alt="没有发布的原图">

<img src="../activities/2024-03-06-draft/draft.jpg" alt="草稿活动的照片">

<img src="../activities/2024-03-05-plant/listed.jpg" alt="已发布的照片">

（网络上的图片在发布关卡就被拒绝，见 tests/test_gate_attributes.py，不会走到汇报材料。）

![插图](../assets/插图%201.png)
"""

DRAFT = """\
---
title: 草稿活动
date: 2024-03-06
category: 志愿服务
draft: true
photos:
  - src: 2024-03-06-draft/draft.jpg
    caption: 草稿里的照片
---

正文。
"""

PLANT = """\
---
title: 植树节义务植树
date: 2024-03-05
category: 志愿服务
department: 办公室
participants: 20
photos:
  - src: 2024-03-05-plant/listed.jpg
    caption: 植树现场
---

正文。
"""


def pdf_images(path) -> list[Image.Image]:
    """Every image XObject of the PDF, decoded by poppler (pdfimages), one per use."""
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as folder:
        subprocess.run(["pdfimages", "-png", str(path), f"{folder}/i"], check=True)
        return [Image.open(f).convert("RGB") for f in sorted(Path(folder).glob("i-*.png"))]


def mostly(image: Image.Image, color, tolerance: int = 40) -> bool:
    data = image.resize((16, 16)).tobytes()
    pixels = [tuple(data[i : i + 3]) for i in range(0, len(data), 3)]
    near = sum(1 for p in pixels if all(abs(a - b) <= tolerance for a, b in zip(p, color, strict=True)))
    return near > len(pixels) * 0.6


@pytest.fixture
def hostile(site, tmp_path):
    root = site(
        {
            "docs/report/01-first.md": CHAPTER,
            "docs/activities/2024-03-05-plant.md": PLANT,
            "docs/activities/2024-03-06-draft.md": DRAFT,
        }
    )
    write(root, "docs/activities/2024-03-05-plant/listed.jpg", jpeg(BLUE))
    write(root, "docs/activities/2024-03-05-plant/unlisted.jpg", jpeg(GREEN))
    write(root, "docs/activities/2024-03-06-draft/draft.jpg", jpeg(ORANGE))
    write(root, "docs/assets/插图 1.png", png(RED, text="Author Zhang of the illustration"))
    (root.parent / "secret.png").write_bytes(png(MAGENTA))
    return root


def test_pack_leaves_out_what_the_site_does_not_publish_and_says_so(hostile):
    layout_or_skip()
    root = hostile
    result = CliRunner().invoke(
        main, ["pack", "--root", str(root), "--date", TODAY.isoformat(), "--site-url", SITE_URL], catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    out = result.output
    assert (
        "docs/report/01-first.md:10: 图片“../../../secret.png”在 docs/ 文件夹之外，网站不发布它，没有放入 PDF。"
        "请把图片放进 docs/ 中（例如 docs/assets/），并写相对于本文件所在文件夹的路径"
    ) in out
    original = (
        "是网站不发布的照片原图（原图可能带拍摄地点、手机型号等信息），没有放入 PDF。"
        "请把这张照片写进一项活动的 photos（网站和 PDF 都会用重新生成的图片），或放进 docs/assets/"
    )
    assert f"docs/report/01-first.md:12: 图片“../activities/2024-03-05-plant/unlisted.jpg”{original}" in out
    assert f"docs/report/01-first.md:14: 图片“../activities/2024-03-06-draft/draft.jpg”{original}" in out
    assert "listed.jpg”" not in out.replace("unlisted.jpg”", "")  # the published photo is no problem
    assert "Traceback" not in out

    report = root / "dist" / "汇报材料.pdf"
    raw = report.read_bytes()
    assert b"Exif" not in raw and b"Artist Zhang" not in raw and b"PhoneMaker" not in raw
    shown = pdf_images(report)
    assert not [i for i in shown if mostly(i, MAGENTA)]
    assert not [i for i in shown if mostly(i, GREEN)]
    assert not [i for i in shown if mostly(i, ORANGE)]
    assert [i for i in shown if mostly(i, BLUE)]  # the published photo, as its print variant
    assert [i for i in shown if mostly(i, RED)]  # the illustration, as its cleaned copy
    assert b"Author Zhang" not in raw and "插图" not in out
    # The alt text stands where the picture would have been.
    text = subprocess.run(["pdftotext", str(report), "-"], capture_output=True, text=True).stdout
    assert "单位外的图片" in text and "没有发布的原图" in text
    for pdf in (root / "dist").glob("*.pdf"):
        assert b"Exif" not in pdf.read_bytes()


def test_a_photo_original_with_gps_stops_the_pack_before_any_pdf(hostile):
    """GPS in any committed original is a content problem: nothing is laid out at all."""
    write(hostile, "docs/activities/2024-03-05-plant/unlisted.jpg", jpeg(GREEN, gps=True))
    result = CliRunner().invoke(
        main, ["pack", "--root", str(hostile), "--date", TODAY.isoformat(), "--site-url", SITE_URL]
    )
    assert result.exit_code == 1
    assert "docs/activities/2024-03-05-plant/unlisted.jpg: 原图带有 GPS 位置信息" in result.output
    assert not (hostile / "dist").exists()


def test_a_markdown_image_outside_docs_stops_the_pack(site, tmp_path):
    root = site({"docs/report/01-first.md": CHAPTER.split("<img")[0] + "![秘密](../../secret.png)\n"})
    (root / "secret.png").write_bytes(png(MAGENTA))
    result = CliRunner().invoke(
        main, ["pack", "--root", str(root), "--date", TODAY.isoformat(), "--site-url", SITE_URL]
    )
    assert result.exit_code == 1
    assert "docs/report/01-first.md:10:7: 链接的目标“../../secret.png”不存在" in result.output
    assert not (root / "dist").exists()


class Recorder:
    """An HTTP server on this machine that counts the requests it gets."""

    def __init__(self):
        self.paths: list[str] = []
        recorder = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):
                recorder.paths.append(self.path)
                body = png(MAGENTA)
                self.send_response(200)
                self.send_header("Content-Type", "image/png")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()


def test_the_fetcher_serves_only_registered_files_and_fetches_nothing_else(tmp_path):
    """The backstop: whatever HTML reaches WeasyPrint, only the files the pack registered are
    read; a file:// URL elsewhere, a network image, stylesheet or font is refused and listed."""
    layout_or_skip()
    secret = tmp_path / "secret.png"
    secret.write_bytes(png(MAGENTA))
    allowed = tmp_path / "allowed.png"
    allowed.write_bytes(png(BLUE))
    server = Recorder()
    try:
        resources = pack.Resources()
        html = (
            f'<link rel="stylesheet" href="{server.url}/x.css">'
            f"<style>@import url({server.url}/y.css); @font-face {{ font-family: X; src: url({server.url}/f.woff2) }}"
            f" p {{ background: url({server.url}/bg.png) }}</style>"
            f'<p>x</p><img src="{secret.as_uri()}"><img src="{server.url}/a.png">'
            f'<img src="{resources.file(allowed)}"><img src="secret.png">'
        )
        written = pack.write_pdf(html, tmp_path / "a.pdf", "t", "a", resources)
    finally:
        server.close()
    assert server.paths == []
    shown = pdf_images(tmp_path / "a.pdf")
    assert len(shown) == 1 and mostly(shown[0], BLUE)
    assert any(secret.as_uri() in line for line in written.refused)
    assert any(f"{server.url}/a.png" in line for line in written.refused)
    assert all(line.startswith("提示：排版 PDF 时要读取“") for line in written.refused)


def test_a_units_own_print_stylesheet_is_read_after_ours_and_fetches_nothing(site):
    """data/pack.css (the maintainer's own template for the pack) comes after the built-in
    stylesheet, so it can change anything; what it links to is not fetched, network or file."""
    layout_or_skip()
    server = Recorder()
    try:
        root = site(
            {
                "data/pack.css": (
                    f'@import url("{server.url}/more.css");\n'
                    '@page { @top-right { content: "本单位自定的页眉"; } }\n'
                    f'body {{ background: url("{server.url}/bg.png"); }}\n'
                    '@font-face { font-family: Own; src: url("file:///etc/hostname"); }\n'
                ),
            }
        )
        result = CliRunner().invoke(
            main,
            ["pack", "--root", str(root), "--date", TODAY.isoformat(), "--site-url", SITE_URL],
            catch_exceptions=False,
        )
    finally:
        server.close()
    assert result.exit_code == 0, result.output
    assert server.paths == []
    for url in (f"{server.url}/more.css", f"{server.url}/bg.png", "file:///etc/hostname"):
        assert (
            f"提示：排版 PDF 时要读取“{url}”，它不是网站发布的文件，没有放入 PDF。"
            "PDF 只使用网站发布的图片（照片的缩略图、清理过的图片），不从网络读取任何内容。"
            "请检查汇报章节中的图片路径和 data/pack.css 中的 url()（字体请安装到系统中，按名称使用）"
        ) in result.output
    for name in ("汇报材料.pdf", "佐证材料目录.pdf"):
        pages = subprocess.run(
            ["pdftotext", "-f", "2", "-l", "2", str(root / "dist" / name), "-"], capture_output=True, text=True
        ).stdout
        assert "本单位自定的页眉" in pages, name
