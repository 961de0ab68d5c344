"""新增活动 (/editor/) in Chromium: an activity added with nothing but a browser.

The form checks values as the build does (the same messages: compared value by value with
the Python converters), cleans photos in the browser (upright, at most 2,560 px, JPEG with
no metadata) and downloads a zip that, unzipped into ``docs/activities/<year>/`` of a copy of
the demo, builds under ``--strict`` with its page and photos."""

from __future__ import annotations

import io
import random
import re
import shutil
import zipfile

import pytest
from browser import DESKTOP, PHONE, Visit, browser, record_wire_sizes, served_demo  # noqa: F401 - fixtures
from conftest import build, copy_demo, metadata_blocks, search_text
from PIL import Image

from wenmingsite.commands import cli, editor
from wenmingsite.gate import images
from wenmingsite.loading import frontmatter, schema
from wenmingsite.loading.problems import Problems
from wenmingsite.loading.yamlstrict import YMap, YStr

pytestmark = pytest.mark.browser

GREEN = (40, 160, 60)
RED = (230, 20, 20)
BLUE = (20, 40, 230)


def phone_photo(width: int = 4000, height: int = 3000, orientation: int = 6) -> bytes:
    """A phone photo as stored by the camera: sideways pixels, EXIF Orientation, the device
    and where it was taken (GPS). A red block marks the stored top-left corner, a blue one
    the stored top-right."""
    im = Image.new("RGB", (width, height), GREEN)
    block = width // 8
    im.paste(RED, (0, 0, block, block))
    im.paste(BLUE, (width - block, 0, width, block))
    exif = Image.Exif()
    exif[0x0112] = orientation
    exif[0x010F] = "PhoneMaker"
    exif[0x0110] = "Phone X Pro"
    exif.get_ifd(0x8825).update({1: "N", 2: (30.0, 15.0, 7.5), 3: "E", 4: (120.0, 10.0, 1.25)})
    out = io.BytesIO()
    im.save(out, "JPEG", quality=90, exif=exif)
    return out.getvalue()


def colour_at(im: Image.Image, xy: tuple[int, int]) -> tuple[int, int, int]:
    return im.convert("RGB").getpixel(xy)


def near(a, b, tolerance: int = 40) -> bool:
    return all(abs(x - y) <= tolerance for x, y in zip(a, b, strict=True))


def assert_upright(im: Image.Image, source: tuple[int, int]) -> None:
    """Orientation 6 means "turn 90° clockwise to show": width and height swap, the stored
    top-left corner (red) ends at the top right, the stored top-right (blue) at the bottom right."""
    w, h = im.size
    assert (w > h) == (source[0] < source[1]), (im.size, source)
    inset = max(4, w // 40)
    assert near(colour_at(im, (w - inset, inset)), RED), colour_at(im, (w - inset, inset))
    assert near(colour_at(im, (w - inset, h - inset)), BLUE), colour_at(im, (w - inset, h - inset))
    assert near(colour_at(im, (inset, inset)), GREEN), colour_at(im, (inset, inset))


def has_no_metadata(data: bytes) -> bool:
    with io.BytesIO(data) as fh:
        return metadata_blocks(data) == [] and images.metadata_blocks(fh) == [] and b"Exif\x00\x00" not in data


def open_editor(browser, site, viewport=DESKTOP) -> Visit:
    visit = Visit(browser, viewport)
    visit.open(site.url + "editor/")
    visit.page.wait_for_function("() => window.wenmingEditor")
    return visit


# --- the same rules as the build ------------------------------------------------------------


def python_message(name: str, text: str, fields=schema.ACTIVITY_PAGE) -> str | None:
    """The build's message for ``name: text`` in an activity page (position left out)."""
    mapping = YMap({YStr(name, 2, 1): YStr(text, 2, len(name) + 3)})
    mapping.line, mapping.col = 1, 1
    problems = Problems()
    schema.read_fields(mapping, {name: fields[name]}, "x.md", problems)
    return problems.items[0].message if problems.items else None


CORPUS = {
    "title": [
        "javascript:alert(1)",
        "JaVa Script : 植树",
        "学雷锋日“技术进田间”志愿服务",
        "",
        " ",
        "\u200b\u200d",
        "<b>植树</b>",
        "植树>",
        "x" * 80,
        "x" * 81,
        "  多个   空格  ",
        "《论语》读书会",
        "\u3000植树\u3000",
        "\ufeff植树",
        "😀" * 81,
        "a\tb",
    ],
    "date": [
        "2024-03-05",
        "2024-3-5",
        "2024/3/5",
        "2024.3.5",
        "2024年3月5日",
        "2024 年 3 月 5 号",
        "２０２４年３月５日",
        "2024-02-30",
        "2023-02-29",
        "2024-02-29",
        "2024-13-01",
        "2024-00-10",
        "0000-01-01",
        "1900-01-01",
        "2101-01-01",
        "2024-03",
        "2024年3月",
        "2024/3",
        "03/05/2024",
        "5.3.2024",
        "24-3-5",
        "24年3月5日",
        "二〇二四年三月五日",
        "2024年三月5日",
        "2024-03-05至2024-03-07",
        "2024-03-05 - 2024-03-07",
        "2024-03-05~07",
        "abc",
        "",
        " ",
        "\u200b",
        "2024-03-0①",
        "2024-03-0²",
        "\ufeff2024-03-05",
        "2024-03-05\u3000",
        "\u00a02024-03-05",
        "2024-03-05\u2028",
        "2024-1-1-1",
        "2024年3月5",
        "昨天",
    ],
    "participants": [
        "50",
        "５０",
        "50人次",
        "50 人",
        "50名",
        "1,200人次",
        "1,20",
        "12,345,678",
        "约50",
        "50余人",
        "50多",
        "-5",
        "5.5",
        "0050",
        "0",
        "1234567890",
        "123456789",
        "②",
        "五十",
        "",
        "\u200b",
        "1e3",
        "50人次人",
        "٥٠",
        "50\u3000人次",
    ],
    "volunteer_hours": [
        "100",
        "2.5",
        "2.55",
        "2.50",
        "2.5000000000000",
        "10h",
        "10H",
        "10小时",
        "-1",
        "约10",
        "1234567890",
        "123456789.5",
        ".5",
        "5.",
        "1,000.5",
        "1,00.5",
        "２.５",
        "3万",
        "",
    ],
    "amount": [
        "5640",
        "5,640元",
        "5640.5",
        "5640.505",
        "3万",
        "3万元",
        "1.5 万元",
        "1.123456万",
        "1.1234567万",
        "1.12340000万",
        "123456789万",
        "12345678万",
        "999999999999",
        "1000000000000",
        "约3万",
        "3万多",
        "万",
        "-5",
        "5,640.50元",
        "５６４０",
        "3.5万元元",
        "⑤",
        "0.001",
        "",
    ],
    "location": [
        "白沙乡青石村",
        "",
        "\u200b",
        "  ",
        "javascript:alert(1)",
        " Java\tScript:x",
        "java&#115;cript&colon;x",
        "data:text/html,x",
        "data: 2024",
        "说明：javascript:x",
    ],
    "summary": ["青年志愿者到青石村帮助农户调试育秧设备。", "\u2060\u00ad", "vbscript:msgbox", "&#x6A;avascript:x"],
    "author": [
        "王干事",
        " 王  干事 ",
        "<b>王</b>",
        "javascript:x",
        "\u200b",
        "王" * 20,
        "王" * 21,
        "张主任、李科长",
        "",
    ],
}
DATE_ALPHABET = list("0123456789０１２３４５６７８９年月日号-/.至 ~〇三") + ["", "\u3000", "①"]
NUMBER_ALPHABET = list("0123456789０５.,-约余万元人次小时h ²") + ["", "\u200b"]


def random_values(alphabet, n: int, seed: int) -> list[str]:
    rnd = random.Random(seed)
    return ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 12))) for _ in range(n)]


def test_every_field_gets_the_builds_message(browser, served_demo):
    corpus = {k: list(v) for k, v in CORPUS.items()}
    corpus["date"] += random_values(DATE_ALPHABET, 400, 1)
    corpus["end_date"] = corpus["date"][:40]
    for name, seed in (("participants", 2), ("volunteer_hours", 3), ("amount", 4)):
        corpus[name] += random_values(NUMBER_ALPHABET, 300, seed)
    visit = open_editor(browser, served_demo)
    seen = visit.page.evaluate(
        "corpus => Object.fromEntries(Object.entries(corpus).map(([k, vs]) => [k, vs.map(v => wenmingEditor.check(k, v))]))",
        corpus,
    )
    mismatches = [
        (name, value, got, python_message(name, value))
        for name, values in corpus.items()
        for value, got in zip(values, seen[name], strict=True)
        if got != python_message(name, value)
    ]
    assert mismatches == []
    # Not a corpus of passes: most kinds of wrong value are in it.
    assert sum(1 for name in corpus for v in corpus[name] if python_message(name, v)) > 600
    assert visit.errors == []
    visit.close()


YAML_CORPUS = [
    "植树",
    "主题：学习",
    "[通知]学习",
    "{x}",
    "a: b",
    "a:b",
    "abc：x",
    "#二十大",
    "a #b",
    "a#b",
    "&x",
    "*x",
    "!x",
    "|",
    ">",
    "'x'",
    '"x"',
    "-x",
    "- x",
    "? x",
    "%x",
    "@x",
    "`x`",
    "x\\y",
    "\ttab",
    " lead",
    "trail ",
    "true",
    "null",
    "~",
    "123",
    "0123",
    "9:30",
    "2024-03-05",
    "\u3000",
    "\x85",
    "\u2028",
    "\U000e0001x",
    "多行\n文字",
    "——破折号",
    "...",
    "...x",
    "---",
    "x---",
    "😀",
    "①②",
    "学雷锋日“技术进田间”志愿服务",
    "2026-03-12-学雷锋/01.jpg",
    "a\x00b",
    "\x7f",
    "50人次",
    "1.5 万元",
    "(括号)",
    "x/y",
    "a,b",
]


def test_front_matter_values_read_back_as_typed(browser, served_demo):
    visit = open_editor(browser, served_demo)
    written = visit.page.evaluate("vs => vs.map(v => wenmingEditor.yamlValue(v))", YAML_CORPUS)
    for text, value in zip(YAML_CORPUS, written, strict=True):
        for doc in (f"---\nv: {value}\n---\n", f"---\nv:\n  - {value}\n  - src: {value}\n    caption: {value}\n---\n"):
            parts = frontmatter.split(doc, "x.md")
            assert parts.problems == (), (text, value, parts.problems)
            read = parts.meta["v"]
            assert [
                str(x) for x in ([read] if isinstance(read, str) else [read[0], read[1]["src"], read[1]["caption"]])
            ] == [text] * (1 if isinstance(read, str) else 3), (text, value)
    # Plain where nothing needs quotes, as an editor would write it.
    assert written[:1] == ["植树"] and written[YAML_CORPUS.index("50人次")] == "50人次"
    titles = [
        "学雷锋日“技术进田间”志愿服务",
        "2024 春季  植树",
        "a/b\\c:d",
        "___x___",
        "!!!",
        "",
        "超长标题" * 10,
        "😀表情",
        "Ünïcödé",
        "x_y-z",
        "①号",
        "١٢٣",
        "《论语》读书会（第二期）",
        "-_-",
        "a\u0301b",
    ]
    names = visit.page.evaluate("ts => ts.map(t => wenmingEditor.stemOf(t, '2026-03-12'))", titles)
    assert names == [f"2026-03-12-{cli.safe_name(' '.join(t.split()))}" for t in titles]
    visit.close()


def test_invalid_input_shows_the_message_next_to_its_field(browser, served_demo):
    visit = open_editor(browser, served_demo, PHONE)
    page = visit.page
    downloads = []
    page.on("download", lambda d: downloads.append(d))
    page.fill("#ws-ed-title", "植树")
    page.fill("#ws-ed-title", "")
    page.fill("#ws-ed-date", "2024-02-30")
    page.fill("#ws-ed-participants", "约50")
    expected = {
        "title": "缺少必填字段 title（标题）。请补上，例如 title: …",
        "date": "日期（date）：日期“2024-02-30”不存在（2024年2月没有30日）。请核对后写成 2024-02-DD 的形式",
        "participants": "参与人次（participants）：人次“约50”不是一个确定的数。这里只写数字，例如 50；“约”“余”“多”等说法请写在正文或 summary 里",
    }
    assert expected["date"] == python_message("date", "2024-02-30")
    assert expected["participants"] == python_message("participants", "约50")
    for name, message in expected.items():
        field, error = page.locator(f"#ws-ed-{name}"), page.locator(f"#ws-ed-{name}-error")
        assert error.inner_text() == message
        assert error.is_visible()
        assert field.get_attribute("aria-invalid") == "true"
        assert f"ws-ed-{name}-error" in field.get_attribute("aria-describedby").split()
        box, under = field.bounding_box(), error.bounding_box()
        assert 0 <= under["y"] - (box["y"] + box["height"]) < 48, (name, box, under)  # right below its field
    # Fields not touched yet stay quiet; the button shows what is left, and nothing downloads.
    assert page.locator("#ws-ed-category-error").is_hidden()
    page.click("#ws-ed-generate")
    assert page.locator("#ws-ed-status").inner_text() == "还有 4 处需要修改，已在对应位置用红字标出。"
    assert (
        page.locator("#ws-ed-category-error").inner_text() == "缺少必填字段 category（类别）。请补上，例如 category: …"
    )
    assert page.evaluate("document.activeElement.id") == "ws-ed-title"
    page.fill("#ws-ed-date", "2024-02-29")
    assert page.locator("#ws-ed-date-error").is_hidden()
    assert page.locator("#ws-ed-date").get_attribute("aria-invalid") is None
    page.fill("#ws-ed-date", "2099-01-01")
    assert page.locator("#ws-ed-date-error").inner_text() == editor.MSG_DATE_FUTURE.format(what="", iso="2099-01-01")
    page.check("#ws-ed-draft")
    assert page.locator("#ws-ed-date-error").is_hidden()
    assert downloads == []
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert visit.errors == []
    visit.close()


def heic_photo() -> tuple[str, bytes]:
    try:
        import pillow_heif
    except ImportError:  # Chromium refuses these bytes just the same: it reads no HEIC at all
        return "image/heic", b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + bytes(64)
    pillow_heif.register_heif_opener()
    out = io.BytesIO()
    Image.new("RGB", (64, 48), GREEN).save(out, "HEIF")
    return "image/heic", out.getvalue()


def test_a_heic_photo_chromium_cannot_read_is_refused_with_how_to_export_jpeg(browser, served_demo):
    visit = open_editor(browser, served_demo)
    page = visit.page
    kind, data = heic_photo()
    page.set_input_files("#ws-ed-photos", [{"name": "IMG_0002.HEIC", "mimeType": kind, "buffer": data}])
    page.evaluate("wenmingEditor.idle()")
    info = page.locator("#ws-ed-photo-1-info")
    assert info.inner_text().startswith(
        "“IMG_0002.HEIC”是 HEIC 格式的照片，这个浏览器无法读取。请在手机上导出为 JPEG 后重新选择："
    )
    assert "“设置 → 相机 → 格式”选“兼容性最佳”" in info.inner_text()
    assert page.locator("#ws-ed-photo-1-caption").get_attribute("aria-invalid") == "true"
    page.set_input_files(
        "#ws-ed-photos", [{"name": "照片.jpg", "mimeType": "image/jpeg", "buffer": b"\xff\xd8\xff\xe0 not a photo"}]
    )
    page.evaluate("wenmingEditor.idle()")
    assert page.locator("#ws-ed-photo-2-info").inner_text() == (
        "“照片.jpg”无法作为图片读取（不是图片，或文件没有传完整）。请移除它，重新选择手机里的原图（JPG、PNG 或 WebP）"
    )
    page.locator("#ws-ed-photo-1-caption").fill("说明")
    page.locator("#ws-ed-photo-2-caption").fill("说明")
    page.click("#ws-ed-generate")  # refused photos block the file, captions or not
    assert page.locator("#ws-ed-status").inner_text().startswith("还有 ")
    for _ in range(2):
        page.locator(".ws-ed-remove").first.click()
    assert page.locator("#ws-ed-status").inner_text() == "已移除第 1 张照片"
    assert page.locator(".ws-ed-photo").count() == 0
    assert visit.errors == []
    visit.close()


def test_the_page_is_light_separate_and_kept_from_search(browser, served_demo, demo_build):
    visit = Visit(browser, DESKTOP)
    sizes = record_wire_sizes(visit.page)
    visit.open(served_demo.url + "editor/")
    visit.page.wait_for_load_state("networkidle")
    # The page and what it needs to work; the theme's site search (its index, worker and
    # lunr) loads only once the search box is used, and grows with the site's content.
    search = ("/search/", "/workers/", "/lunr/", "/sitemap.xml")
    own = {url: n for url, n in sizes.items() if not any(part in url for part in search)}
    total = sum(own.values())
    print(
        f"\n/editor/ on the wire (gzip): {total / 1024:.1f} KB in {len(own)} files; "
        f"with the theme's search {sum(sizes.values()) / 1024:.1f} KB"
    )
    assert total < 150 * 1024, sorted(own.items(), key=lambda kv: -kv[1])
    assert any(url.endswith("/assets/wenming/editor.js") for url in sizes)
    assert all(url.startswith(served_demo.url) for url in sizes), sorted(sizes)
    visit.close()
    site = demo_build.site
    page = (site / "editor/index.html").read_text(encoding="utf-8")
    assert '<meta name="robots" content="noindex">' in page
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "noindex" not in home and "editor.js" not in home and "editor.css" not in home
    assert 'href="editor/"' not in home  # not in the navigation
    assert '"location":"editor/' not in search_text(site)
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")  # nor offered to search engines
    assert "/editor/" not in sitemap and "/evidence/" in sitemap and sitemap.startswith("<?xml")


# --- end to end -----------------------------------------------------------------------------

TITLE = "学雷锋“科技服务春耕”志愿服务: 试点"
BODY = "3月12日，中心团支部组织青年志愿者来到青石村。\n\n志愿者帮助农户调试育秧设备，讲解春耕技术。"


def fill_activity(page) -> None:
    page.fill("#ws-ed-title", TITLE)
    page.fill("#ws-ed-date", "2026年3月12日")
    page.select_option("#ws-ed-category", "志愿服务")
    page.select_option("#ws-ed-department", "团支部")
    page.fill("#ws-ed-location", "白沙乡青石村")
    page.fill("#ws-ed-participants", "50人次")
    page.fill("#ws-ed-volunteer_hours", "100")
    page.fill("#ws-ed-amount", "1.5 万元")
    page.fill("#ws-ed-summary", "青年志愿者到青石村帮助农户调试育秧设备、讲解春耕技术。")
    page.fill("#ws-ed-author", "王干事")
    page.fill("#ws-ed-body", BODY)


def test_an_activity_made_in_the_browser_builds_with_upright_photos_and_no_gps(
    browser, served_demo, demo_root, tmp_path
):
    source = phone_photo()
    with Image.open(io.BytesIO(source)) as im:
        assert im.getexif().get_ifd(0x8825) and im.getexif()[0x0112] == 6  # the test's photo is a phone's
    flat = io.BytesIO()
    Image.new("RGBA", (900, 600), (255, 255, 255, 0)).save(flat, "PNG")
    visit = open_editor(browser, served_demo)
    page = visit.page
    page.wait_for_load_state("networkidle")
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    visit.context.set_offline(True)  # once loaded, the page needs nothing more
    fill_activity(page)
    criterion = page.locator("input[name=criteria]:not([disabled])").first
    criterion_name = criterion.locator("xpath=..").inner_text().strip()
    criterion.check()
    page.set_input_files(
        "#ws-ed-photos",
        [
            {"name": "IMG_20260312_093000.jpg", "mimeType": "image/jpeg", "buffer": source},
            {"name": "海报.png", "mimeType": "image/png", "buffer": flat.getvalue()},
        ],
    )
    page.evaluate("wenmingEditor.idle()")
    assert "1920×2560 像素" in page.locator("#ws-ed-photo-1-info").inner_text()
    page.fill("#ws-ed-photo-1-caption", "志愿者帮助农户调试育秧设备")
    page.fill("#ws-ed-photo-2-caption", "活动海报")
    stem = f"2026-03-12-{cli.safe_name(TITLE)}"
    assert page.locator("#ws-ed-filename").inner_text() == f"{stem}.md"
    assert page.locator("[data-ws-ed=year]").inner_text() == "docs/activities/2026/"
    with page.expect_download() as caught:
        page.click("#ws-ed-generate")
    download = caught.value
    assert download.suggested_filename == f"{stem}.zip"
    assert page.locator("#ws-ed-status").inner_text().startswith(f"已生成 {stem}.zip（")
    assert [u for u in requests if not u.startswith("blob:")] == []  # sends nothing anywhere
    assert visit.errors == []
    archive = tmp_path / "activity.zip"
    download.save_as(archive)
    visit.close()

    with zipfile.ZipFile(archive) as z:
        assert z.testzip() is None  # every CRC-32 right
        infos = z.infolist()
        assert [i.filename for i in infos] == [f"{stem}.md", f"{stem}/01.jpg", f"{stem}/02.jpg"]
        assert all(i.flag_bits & 0x800 and i.compress_type == zipfile.ZIP_STORED for i in infos)
        text = z.read(f"{stem}.md").decode("utf-8")
        photos = [z.read(f"{stem}/0{n}.jpg") for n in (1, 2)]
    parts = frontmatter.split(text, "x.md")
    assert parts.problems == ()
    meta = {k: v for k, v in parts.meta.items()}
    assert meta["title"] == TITLE and meta["date"] == "2026-03-12" and meta["category"] == "志愿服务"
    assert [str(c) for c in meta["criteria"]] == [criterion_name]
    assert (meta["department"], meta["participants"], meta["amount"]) == ("团支部", "50人次", "1.5 万元")
    assert meta["author"] == "王干事"  # the writer (撰稿人), for the unit's sign-off
    assert [(p["src"], p["caption"]) for p in meta["photos"]] == [
        (f"{stem}/01.jpg", "志愿者帮助农户调试育秧设备"),
        (f"{stem}/02.jpg", "活动海报"),
    ]
    assert parts.body.strip() == BODY
    for data in photos:
        assert data[:2] == b"\xff\xd8" and has_no_metadata(data)
    with Image.open(io.BytesIO(photos[0])) as im:
        assert im.size == (1920, 2560)
        assert_upright(im, (4000, 3000))
    with Image.open(io.BytesIO(photos[1])) as im:
        assert im.size == (900, 600) and near(colour_at(im, (10, 10)), (255, 255, 255), 8)  # white, not black

    root = copy_demo(tmp_path, cache_from=demo_root)
    folder = root / "docs/activities/2026"
    with zipfile.ZipFile(archive) as z:  # what "Upload files" into that folder does
        z.extractall(folder)
    result = build(root)
    assert result.returncode == 0, result.stderr
    site = root / "site"
    html = (site / f"activities/2026/{stem}/index.html").read_text(encoding="utf-8")
    assert "学雷锋“科技服务春耕”志愿服务: 试点</h1>" in html
    assert html.count('<figure class="ws-photo"') == 2 and "<figcaption>志愿者帮助农户调试育秧设备</figcaption>" in html
    published = [p for p in site.rglob("*") if p.suffix.lower() in (".jpg", ".jpeg", ".webp", ".png")]
    assert published
    leaking = [
        p.relative_to(site).as_posix() for p in published if not has_no_metadata(p.read_bytes()) or images.gps_of(p)
    ]
    assert leaking == []
    # The page's own large photo, as the lightbox shows it, is upright too.
    large = re.findall(r'class="glightbox" href="([^"]+)"', html)
    assert large, "no lightbox link on the activity page"
    target = (site / f"activities/2026/{stem}" / large[0]).resolve()
    with Image.open(target) as im:
        assert im.height > im.width
        assert_upright(im, (4000, 3000))
    shutil.rmtree(site)
