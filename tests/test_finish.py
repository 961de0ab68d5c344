"""The public finish: Chinese 404 page, icons from the unit's logo, share metadata (Open
Graph), the footer's unit details and the open-data page."""

from __future__ import annotations

import base64
import functools
import http.server
import io
import json
import os
import re
import threading
import zlib
from pathlib import Path
from urllib.parse import unquote

import pytest
from browser import DESKTOP, PHONE, Visit, browser, served_demo  # noqa: F401 - fixtures
from conftest import REPO, build, copy_demo
from PIL import Image

from wenmingsite.gate import images

DEMO_SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000/")
MAIN_ENTRIES = ("首页", "创建汇报", "创建动态", "我们的节日", "图片展示", "数据统计", "测评对照")


def meta(html: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for prop, value in re.findall(r'<meta property="(og:[a-z:_]+)" content="([^"]*)"', html):
        found.setdefault(prop, []).append(value)
    return found


def read(site: Path, path: str) -> str:
    return (site / unquote(path)).read_text(encoding="utf-8")


# -- the demo build ------------------------------------------------------------------------


def test_share_metadata_of_an_activity_is_its_first_photo_as_absolute_url(demo_build):
    photos = demo_build.api("photos.json")["photos"]
    activities = {a["id"]: a for a in demo_build.activities()}
    first = photos[0]
    page_url = activities[first["activity"]]["url"]
    og = meta(read(demo_build.site, page_url + "index.html"))
    assert og["og:image"] == [DEMO_SITE_URL + first["outputs"]["t800j"]["url"]]
    assert og["og:image:width"] == [str(first["outputs"]["t800j"]["width"])]
    assert og["og:type"] == ["article"]
    assert og["og:locale"] == ["zh_CN"]
    assert og["og:url"][0].startswith(DEMO_SITE_URL) and og["og:url"][0].endswith("/")
    assert og["og:title"] == [activities[first["activity"]]["title"]]
    assert og["og:site_name"] == ["青溪市农业技术推广中心 · 文明单位创建"]
    # The photo really is there, as JPEG (what WeChat and QQ previews read).
    assert (demo_build.site / first["outputs"]["t800j"]["url"]).read_bytes()[:3] == b"\xff\xd8\xff"


def test_home_shares_the_site_name_description_and_banner_or_latest_photo(demo_build):
    photos = demo_build.api("photos.json")["photos"]
    banner = re.search(r"(?m)^banner:\s*(\S+)", (REPO / "data/unit.yml").read_text(encoding="utf-8"))
    key = images.content_key(images.PhotoCache.hash_file(REPO / "docs" / banner.group(1))) if banner else None
    chosen = [p for p in photos if p["id"] == key]
    latest = chosen[0] if chosen else max(photos, key=lambda p: p["date"])
    og = meta(read(demo_build.site, "index.html"))
    assert og["og:title"] == ["青溪市农业技术推广中心 · 文明单位创建"]
    assert og["og:description"] == ["青溪市农业技术推广中心第八届市级文明单位创建工作展示"]
    assert og["og:type"] == ["website"]
    assert og["og:url"] == [DEMO_SITE_URL]
    same_day = (
        {DEMO_SITE_URL + latest["outputs"]["t800j"]["url"]}
        if chosen
        else {DEMO_SITE_URL + p["outputs"]["t800j"]["url"] for p in photos if p["date"] == latest["date"]}
    )
    assert og["og:image"][0] in same_day


def test_every_share_url_of_every_page_is_absolute(demo_build):
    pages = list(demo_build.site.rglob("*.html"))
    assert len(pages) > 10
    for path in pages:
        og = meta(path.read_text(encoding="utf-8"))
        for prop in ("og:url", "og:image"):
            for value in og.get(prop, []):
                assert value.startswith(DEMO_SITE_URL), (path, prop, value)
        assert og.get("og:image"), path


def test_icons_are_pngs_of_the_right_size_and_replace_materials_favicon(demo_build):
    html = read(demo_build.site, "timeline/index.html")
    assert '<link rel="icon" href="../assets/wenming/icons/favicon-32.png">' in html
    assert '<link rel="apple-touch-icon" sizes="180x180" href="../assets/wenming/icons/apple-touch-icon.png">' in html
    # The demo's logo is SVG: offered as the SVG favicon (the gate's cleaned copy).
    assert '<link rel="icon" type="image/svg+xml" href="../assets/logo.svg">' in html
    assert "assets/images/favicon.png" not in html
    for name, size in (("favicon-32.png", 32), ("apple-touch-icon.png", 180)):
        data = (demo_build.site / "assets/wenming/icons" / name).read_bytes()
        with Image.open(io.BytesIO(data)) as im:
            assert (im.format, im.size) == ("PNG", (size, size))
            # No SVG rasteriser is pinned: a badge in the theme colour (#b3191f) is drawn.
            assert im.convert("RGB").getpixel((size // 10 + 1, size // 2)) == (0xB3, 0x19, 0x1F)
    with Image.open(demo_build.site / "assets/wenming/icons/apple-touch-icon.png") as im:
        assert im.mode == "RGB"  # iOS would paint transparency black


def test_404_page_is_chinese_with_absolute_links_and_a_search_form(demo_build):
    html = read(demo_build.site, "404.html")
    assert "<title>页面没有找到 - 青溪市农业技术推广中心 · 文明单位创建</title>" in html
    assert "<h1>页面没有找到</h1>" in html
    assert "404 - Not found" not in html
    links = dict(
        (text, href)
        for href, text in re.findall(
            r'<li><a href="([^"]*)">([^<]*)</a></li>', html[html.index('class="ws-404__links"') :]
        )
    )
    assert list(links)[: len(MAIN_ENTRIES)] == list(MAIN_ENTRIES)
    assert links["首页"] == "/" and links["创建动态"] == "/timeline/" and links["测评对照"] == "/criteria/"
    assert all(href.startswith("/") for href in links.values())
    assert '<form class="ws-404__search" role="search" action="/" method="get">' in html
    assert '<input id="ws-404-q" name="q" type="search"' in html
    assert '<a href="/open-data/">开放数据</a>' in html  # the footer, absolute too


def test_open_data_page_explains_the_files_and_no_other_page_talks_to_developers(demo_build):
    html = read(demo_build.site, "open-data/index.html")
    assert "<h1" in html and "开放数据" in html
    for name in ("api/activities.json", "api/photos.json", "api/stats.json", "feed.xml"):
        assert f">{name}</a>" in html, name
    assert "“数据统计”页上的每个数字都可以用这些文件逐条复算" in html
    assert "这个文件是目录，列出各月份文件的地址、记录条数和 SHA-256 校验值" in re.sub(r"<[^>]+>", "", html)
    # Not a tab of its own; reached from the footer of every page.
    tabs = read(demo_build.site, "index.html")
    assert 'class="md-tabs__link"' in tabs and "open-data/" not in re.sub(r"<footer.*</footer>", "", tabs, flags=re.S)
    assert '<a href="open-data/">开放数据</a>' in tabs
    stats = read(demo_build.site, "stats/index.html")
    assert '可以在<a href="../open-data/">开放数据</a>中查看和下载' in stats
    for path in demo_build.site.rglob("*.html"):
        if path.parent.name in ("open-data", "api"):  # /api/ is the same explanation (a trimmed address)
            continue
        text = path.read_text(encoding="utf-8")
        visible = re.sub(r"<(script|head)\b.*?</\1>", "", text, flags=re.S)
        assert not re.search(r">[^<]*api/[a-z]+\.json", visible), path
        assert "wenming print" not in visible, path


def test_demo_footer_shows_the_address(demo_build):
    html = read(demo_build.site, "gallery/index.html")
    footer = html[html.index('<div class="md-footer-meta__inner md-grid ws-footer">') :]
    assert '<p class="ws-footer__name">青溪市农业技术推广中心</p>' in footer
    assert "<span>地址：青溪市滨河路 218 号</span>" in footer


# -- a unit with every footer field, a raster logo and no site_url -------------------------


@pytest.fixture(scope="module")
def full_unit(tmp_path_factory, demo_root):
    root = copy_demo(tmp_path_factory.mktemp("finish"), cache_from=demo_root)
    logo = Image.new("RGB", (300, 200), (20, 90, 200))  # a blue raster logo, wider than high
    logo.save(root / "docs/assets/logo.png")
    qr = Image.new("RGB", (120, 120), (255, 255, 255))
    qr.paste((0, 0, 0), (10, 10, 50, 50))
    qr.save(root / "docs/assets/qr.png")
    unit = (
        (root / "data/unit.yml").read_text(encoding="utf-8").replace("logo: assets/logo.svg", "logo: assets/logo.png")
    )
    unit = re.sub(r"(?m)^(phone|icp|police|wechat|wechat_qr):.*\n", "", unit)  # the demo's own values
    unit += (
        "phone: 0571-8765 4321\nicp: 浙ICP备12345678号-1\npolice: 浙公网安备 33010602011234号\n"
        "wechat: 青溪农技\nwechat_qr: assets/qr.png\n"
    )
    (root / "data/unit.yml").write_text(unit, encoding="utf-8")
    yml = (root / "mkdocs.yml").read_text(encoding="utf-8")
    (root / "mkdocs.yml").write_text(re.sub(r"(?m)^site_url:.*\n", "", yml), encoding="utf-8")
    env = os.environ.pop("SITE_URL", None)
    try:
        result = build(root)
    finally:
        if env is not None:
            os.environ["SITE_URL"] = env
    assert result.returncode == 0, result.stderr
    return root / "site"


def test_footer_shows_every_unit_field_with_the_filing_links(full_unit):
    html = read(full_unit, "stats/index.html")
    footer = html[html.index('<div class="md-footer-meta__inner md-grid ws-footer">') :]
    assert "<span>地址：青溪市滨河路 218 号</span>" in footer
    assert '<span>办公电话：<a href="tel:057187654321">0571-8765 4321</a></span>' in footer
    assert '<a href="https://beian.miit.gov.cn/" target="_blank" rel="noopener">浙ICP备12345678号-1</a>' in footer
    assert (
        '<a href="https://beian.mps.gov.cn/#/query/webSearch?code=33010602011234" target="_blank" '
        'rel="noopener">浙公网安备 33010602011234号</a>'
    ) in footer
    assert '<img src="../assets/qr.png" alt="微信公众号“青溪农技”二维码" width="96" height="96"' in footer
    assert "<figcaption>微信公众号：青溪农技</figcaption>" in footer
    with Image.open(full_unit / "assets/qr.png") as im:  # published by the gate, re-encoded
        assert im.size == (120, 120)


def test_raster_logo_makes_the_icons_and_no_site_url_means_no_share_urls(full_unit):
    for name, size in (("favicon-32.png", 32), ("apple-touch-icon.png", 180)):
        with Image.open(full_unit / "assets/wenming/icons" / name) as im:
            assert (im.format, im.size) == ("PNG", (size, size))
            rgb = im.convert("RGBA")
            assert rgb.getpixel((size // 2, size // 2))[:3] == (20, 90, 200)  # the logo, centred
            # Wider than high: a margin above (transparent for the tab icon, white for iOS).
            top = rgb.getpixel((size // 2, 1))
            assert top == ((0, 0, 0, 0) if size == 32 else (255, 255, 255, 255)) or top[3] == 0
    html = read(full_unit, "index.html")
    assert 'type="image/svg+xml"' not in html.split("</head>")[0]
    og = meta(html)
    assert "og:url" not in og and "og:image" not in og
    assert og["og:title"] and og["og:locale"] == ["zh_CN"]
    assert ">feed.xml</a>" not in read(full_unit, "open-data/index.html")  # no feed without site_url
    assert "feed.xml" not in html  # nor a link to it in the head


# -- in the browser ------------------------------------------------------------------------


class _PagesHandler(http.server.SimpleHTTPRequestHandler):
    """Serves like GitHub Pages: /404.html, with status 404, for every missing URL."""

    def log_message(self, *args):
        pass

    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            path = os.path.join(path, "index.html")
        if os.path.exists(path):
            return super().send_head()
        body = Path(self.directory, "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


@pytest.fixture(scope="module")
def pages_server(demo_build):
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_PagesHandler, directory=str(demo_build.site))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.mark.browser
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_missing_url_two_levels_deep_shows_the_chinese_404(browser, pages_server, viewport):  # noqa: F811
    from axe_playwright_python.sync_playwright import Axe

    visit = Visit(browser, viewport)
    page = visit.page
    response = page.goto(pages_server + "activities/2099/no-such-page/")
    assert response.status == 404
    assert page.locator("h1").inner_text() == "页面没有找到"
    assert page.title() == "页面没有找到 - 青溪市农业技术推广中心 · 文明单位创建"
    # Styles and scripts load from this depth too (absolute URLs).
    assert page.evaluate("getComputedStyle(document.querySelector('.ws-404__links a')).display") == "block"
    violations = Axe().run(page).response["violations"]
    serious = [(v["id"], v["impact"]) for v in violations if v["impact"] in ("serious", "critical")]
    assert serious == []
    # Every main entry leads to a real page.
    links = page.locator(".ws-404__links a")
    hrefs = {links.nth(i).inner_text(): links.nth(i).get_attribute("href") for i in range(links.count())}
    assert set(MAIN_ENTRIES) <= set(hrefs)
    for text in MAIN_ENTRIES:
        other = visit.context.new_page()
        assert other.goto(pages_server + hrefs[text].lstrip("/")).status == 200, text
        other.close()
    page.locator(".ws-404__links a", has_text="创建动态").click()
    page.wait_for_url(pages_server + "timeline/")
    assert "创建动态" in page.locator("h1").first.inner_text()
    # The search field, by keyboard: Material's search opens with the query and finds pages.
    page.goto(pages_server + "a/b/")
    page.locator("#ws-404-q").fill("学雷锋")
    page.keyboard.press("Enter")
    page.wait_for_selector(".md-search-result__item")  # Visit's bound: a hang only
    assert page.locator(".md-search__input").input_value() == "学雷锋"
    assert page.locator(".md-search-result__item").count() > 0
    assert visit.errors == [] or all("404" in e for e in visit.errors), visit.errors
    visit.close()


def test_every_page_links_the_printable_report_from_its_footer(demo_build):
    """An inspector looks for a printable version at the foot of a page: /print/ (汇报材料（打印版）)
    is linked from every page's footer, beside 开放数据, and is there."""
    for path, link in (
        ("index.html", "print/"),
        ("report/01-组织领导/index.html", "../../print/"),
        ("timeline/2025/index.html", "../../print/"),
        ("404.html", "/print/"),
    ):
        footer = read(demo_build.site, path)
        footer = footer[footer.index('<p class="ws-footer__links">') :]
        assert footer.startswith(
            f'<p class="ws-footer__links"><a href="{link}">汇报材料（打印版）</a><a href="{link.replace("print", "open-data")}">开放数据</a>'
        ), path
    assert "<title>汇报材料（打印版）" in read(demo_build.site, "print/index.html")


# -- the icons kept in .cache/icons ----------------------------------------------------------


def test_icons_are_kept_between_builds_and_made_again_when_the_unit_name_changes(demo_root, tmp_path):
    """The last build's icons are kept in .cache/icons; a build whose unit name (the badge's
    character) and logo did not change publishes the same bytes, one whose character changed
    publishes new ones (the bytes a build with no kept icons makes), and a kept file that is
    not what the build writes is ignored."""
    root = copy_demo(tmp_path, cache_from=demo_root)
    icons = root / "site/assets/wenming/icons"

    def built() -> dict[str, bytes]:
        result = build(root)
        assert result.returncode == 0, result.stderr[-2000:]
        return {p.name: p.read_bytes() for p in sorted(icons.iterdir())}

    first = built()
    kept = root / ".cache/icons/icons.json"
    assert kept.is_file()
    assert built() == first  # kept and used
    kept.unlink()
    assert built() == first  # made again: the same bytes

    unit = root / "data/unit.yml"
    unit.write_text(
        unit.read_text(encoding="utf-8").replace("short_name: 青溪农技中心", "short_name: 农技中心"), "utf-8"
    )
    changed = built()
    assert set(changed) == set(first) and all(changed[n] != first[n] for n in first)
    kept.unlink()
    assert built() == changed

    stored = kept.read_text(encoding="utf-8")
    # A whole PNG with a text chunk (what a published icon must never carry) before its end.
    data = json.loads(stored)
    png = base64.b64decode(data["files"]["favicon-32.png"])
    text = b"Comment\x00\xe8\x81\x94\xe7\xb3\xbb 13812348000"
    chunk = len(text).to_bytes(4, "big") + b"tEXt" + text + zlib.crc32(b"tEXt" + text).to_bytes(4, "big")
    data["files"]["favicon-32.png"] = base64.b64encode(png[:-12] + chunk + png[-12:]).decode("ascii")
    with_text = json.dumps(data)
    for forged in (stored.replace('"files": {', '"files": {"x.png": "", '), stored[:-5], '{"key": 1}', with_text):
        kept.write_text(forged, encoding="utf-8")
        assert built() == changed
        assert kept.read_text(encoding="utf-8") == stored  # written again
