"""Personal numbers as visitors receive them (issue 25): decoded in the sources, and found in
the rendered text of every output (wenmingsite.gate.outputs_scan), named at the source line that
wrote them; files beside docs/ (the theme's custom_dir) through the same gate as docs/."""

from __future__ import annotations

import gzip
import io
import json
import os
import textwrap
from pathlib import Path

import pytest
from conftest import MKDOCS_YML, UNIT_YML, build, copy_demo, run_mkdocs
from PIL import Image

from wenmingsite.gate import outputs_scan, publication

N = "13800138000"  # fictional


def leaks(rel: str, text: str | bytes, allowed: frozenset = frozenset()) -> list[tuple[str, str]]:
    data = text.encode("utf-8") if isinstance(text, str) else text
    return [(leak.part, leak.masked) for leak in outputs_scan.scan_bytes(rel, data, allowed)]


# --- what a browser shows ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "page",
    [
        f"<p>电话 {N}</p>",
        "<p>电话 138<b></b>0013<!-- -->8000</p>",
        "<p>电话 138<!-->00138000</p>",
        "<p>电话 138<span class='a' title='x > y'>0013</span>8000</p>",
        "<p>电话 &#49;&#51;&#56;&#x30;&#x30;13&#56;000</p>",
        "<p>电话 138\n0013 8000</p>",  # a soft line break shows as a space
        "<p>电话 一三八〇〇一三八〇〇〇</p>",
        "<p>电话 幺三八 洞洞幺三 八洞洞洞</p>",
        "<p>电话 １３８００１３８０００</p>",
        "<p>电话 138\u200b0013\u200b8000</p>",
    ],
)
def test_numbers_in_the_text_a_browser_shows(page):
    assert leaks("a/index.html", f"<html><body>{page}</body></html>") == [("网页文字", "138****8000")]


@pytest.mark.parametrize(
    "page",
    [
        '<a href="tel:%2B86%20138%200013%208000">拨打</a>',
        '<img src="x.png" alt="&#49;&#51;&#56;00138000">',
        "<abbr title='电话 138 0013 8000'>联系人</abbr>",
        '<meta name="description" content="电话 138-0013-8000">',
    ],
)
def test_numbers_in_attribute_values(page):
    assert leaks("a/index.html", f"<html><head></head><body>{page}</body></html>") == [("网页属性", "138****8000")]


@pytest.mark.parametrize(
    "page",
    [
        "<table><tr><td>138</td><td>00138000</td></tr></table>",  # two cells
        "<ul><li>1380013</li><li>8000</li></ul>",  # two list items
        "<p>138</p><p>00138000</p>",
        "<p>138<br>0013<br>8000</p>",
        "<p>&lt;b&gt;138&lt;/b&gt;00138000</p>",  # markup shown as text: 138<b>00138000
        "<p>订单号 20240305138001380001</p>",
        "<p>138****8000（已打码）</p>",
        '<svg viewBox="0 0 24 24"><path d="M13 8 0 0 1 3 8 0 0 0 1 3.8"/></svg>',
        "<p>二〇二四年三月五日，一三八团</p>",
        "<p>投入 13800138000 元</p>",
    ],
)
def test_what_is_not_one_number_to_a_reader(page):
    assert leaks("a/index.html", f"<html><body>{page}</body></html>") == []


def test_text_inside_svg_is_read():
    svg = '<svg xmlns="http://www.w3.org/2000/svg"><text x="0" y="20">138<tspan>0013</tspan>8000</text></svg>'
    assert leaks("assets/logo.svg", svg) == [("网页文字", "138****8000")]


def test_json_strings_are_read_decoded():
    api = json.dumps({"activities": [{"summary": f"家属电话 {N}"}]})  # ensure_ascii: \\u escapes
    assert leaks("api/activities.json", api) == [("数据", "138****8000")]
    index = json.dumps({"docs": [{"location": "a/", "text": "<p>电话 138<b></b>00138000</p>"}]})
    assert leaks("search/search_index.json", index) == [("数据", "138****8000")]
    assert leaks("api/x.json", json.dumps({"a": "138", "b": "00138000"})) == []  # two strings


def test_feeds_and_sitemaps_are_read_as_their_readers_do():
    feed = "<rss><channel><item><description>&lt;p&gt;电话 138&lt;b&gt;&lt;/b&gt;00138000&lt;/p&gt;</description></item></channel></rss>"
    assert leaks("feed.xml", feed) == [("文字", "138****8000")]
    sitemap = "<urlset><url><loc>https://x.cn/%E5%BC%A0%E4%B8%89%31%33%38%30%30%31%33%38%30%30%30/</loc></url></urlset>"
    assert leaks("sitemap.xml", sitemap) == [("文字", "138****8000")]
    assert leaks("sitemap.xml.gz", gzip.compress(sitemap.encode())) == [("文字", "138****8000")]


def test_an_address_holding_a_number_is_found():
    assert leaks(f"activities/张三{N}/index.html", "<html><body>正文</body></html>") == [("网址", "138****8000")]


def test_the_units_own_phone_is_allowed_and_binary_files_are_not_read():
    allowed = frozenset(publication.allowed_numbers("138-0013-8000"))
    assert leaks("index.html", f"<p>办公电话 {N}</p>", allowed) == []
    image = io.BytesIO()
    Image.new("RGB", (8, 8)).save(image, "PNG")
    assert leaks("assets/a.png", image.getvalue() + N.encode()) == []


def test_a_part_read_once_is_not_read_again_but_every_page_is_checked():
    scanner = outputs_scan.Scanner()
    nav = '<div class="md-sidebar md-sidebar--primary">' + "<a href='x'>首页</a>" * 50 + "</div>"
    clean = f'<html><head><title>甲</title></head><body>{nav}<div class="md-content"><p>正文</p></div></body></html>'
    leaking = clean.replace("<p>正文</p>", f"<p>电话 {N}</p>")
    assert scanner.file("a/index.html", clean.encode()) == []
    assert [leak.masked for leak in scanner.file("b/index.html", leaking.encode())] == ["138****8000"]


def test_an_output_found_clean_is_read_again_on_another_day(tmp_path, monkeypatch):
    """An ID number whose birth date is tomorrow is no number today, and one tomorrow: the
    verdict the clean cache (.cache/outputs) keeps for the page's exact bytes holds for the day
    it was made on, so tomorrow's build reads the page again and finds the number."""
    import datetime as dt

    from wenmingsite.gate import privacy

    today = dt.date(2026, 12, 7)
    born = today + dt.timedelta(days=1)
    first17 = f"110101{born:%Y%m%d}123"
    number = first17 + privacy.ID_CHECK[sum(int(d) * w for d, w in zip(first17, privacy.ID_WEIGHTS, strict=True)) % 11]
    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    (site / "a/index.html").write_text(f"<html><body><p>证件 {number}</p></body></html>", encoding="utf-8")

    def scan_on(day: dt.date) -> list[str]:
        monkeypatch.setattr(privacy, "real_day", lambda: day)
        cache = outputs_scan.CleanCache(tmp_path / "cache", frozenset())
        found = outputs_scan.scan(site, cache=cache)
        if not found:
            cache.save()
        return [leak.masked for leak in found]

    assert scan_on(today) == []
    assert (tmp_path / "cache" / outputs_scan.CleanCache.FILE).is_file()
    assert scan_on(today) == []  # the kept verdict
    assert scan_on(born) == [f"110101{'*' * 8}123{number[-1]}"]


def clean_scan(site: Path, folder: Path) -> list[str]:
    """A scan with the clean cache in ``folder`` (saved when nothing was found)."""
    cache = outputs_scan.CleanCache(folder, frozenset())
    found = outputs_scan.scan(site, cache=cache)
    if not found:
        cache.save()
    return [f"{leak.output} {leak.masked}" for leak in found]


def test_a_file_read_back_before_the_scan_is_read_again_once_it_is_another_file(tmp_path):
    """The build cache's pages are read back on the worker's thread as they are linked into
    place (read_back); the scan takes those readings only while the file is the very one read.
    A new file renamed over one (the same size) and a file written into since are read again,
    and the numbers in them fail the scan."""
    site = tmp_path / "site"
    pages = [site / name / "index.html" for name in ("a", "b", "c")]
    clean = f"<html><body><p>{'x' * len(N)}</p></body></html>"
    for page in pages:
        page.parent.mkdir(parents=True)
        page.write_text(clean, encoding="utf-8")
    assert clean_scan(site, tmp_path / "cache") == []
    read = {os.path.normpath(page): outputs_scan.read_back(str(page)) for page in pages}
    assert all(read.values())
    cache = outputs_scan.CleanCache(tmp_path / "cache", frozenset())
    assert outputs_scan.scan(site, cache=cache, read_before=read) == []

    replacement = site / "a" / ".new"
    replacement.write_text(clean.replace("x" * len(N), N), encoding="utf-8")
    os.replace(replacement, pages[0])
    with open(pages[1], "a", encoding="utf-8") as fh:
        fh.write(f"<p>{N}</p>")
    cache = outputs_scan.CleanCache(tmp_path / "cache", frozenset())
    found = outputs_scan.scan(site, cache=cache, read_before=read)
    assert [f"{leak.output} {leak.masked}" for leak in found] == [
        "a/index.html 138****8000",
        "b/index.html 138****8000",
    ]


def test_read_back_keys_the_whole_file_or_nothing(tmp_path):
    """What the worker's read-back hands the scan is the key of the file's whole bytes, read
    while it kept its identity; an empty file has one, a folder or a missing file none."""
    big = tmp_path / "big.html"
    big.write_bytes(("<p>第一段</p>" * 40_000).encode("utf-8"))
    empty = tmp_path / "empty.html"
    empty.write_bytes(b"")
    for path in (big, empty):
        identity, key = outputs_scan.read_back(str(path))
        assert key == outputs_scan.CleanCache.key(path.read_bytes())
        assert identity == outputs_scan._identity(os.stat(path))
    assert outputs_scan.read_back(str(tmp_path)) is None
    assert outputs_scan.read_back(str(tmp_path / "missing.html")) is None


def test_read_back_takes_short_reads_and_refuses_a_file_that_grew(tmp_path, monkeypatch):
    page = tmp_path / "page.html"
    page.write_bytes(("<p>第一段</p>" * 5_000).encode("utf-8"))
    real = os.read
    monkeypatch.setattr(outputs_scan.os, "read", lambda fd, n: real(fd, min(n, 1000)))  # short reads
    assert outputs_scan.read_back(str(page))[1] == outputs_scan.CleanCache.key(page.read_bytes())

    def growing(fd, n):  # written to between the identity and the read
        with open(page, "ab") as fh:
            fh.write(b"<p>13800138000</p>")
        return real(fd, n)

    monkeypatch.setattr(outputs_scan.os, "read", growing)
    assert outputs_scan.read_back(str(page)) is None


def test_a_long_page_changed_in_one_part_is_read_in_that_part(tmp_path):
    """A long page (the evidence index) keeps its parts' verdicts: a later build reads only
    the parts an edit changed, and finds a number written into one of them."""
    site = tmp_path / "site"
    site.mkdir()
    items = [f'<li class="item"><a href="/a/{i}/">第 {i} 项活动</a></li>' for i in range(300)]
    page = site / "index.html"

    def write(rows):
        page.write_text(f'<html><body><ul class="list">{"".join(rows)}</ul></body></html>', encoding="utf-8")

    write(items)
    assert clean_scan(site, tmp_path / "cache") == []
    items[150] = '<li class="item"><a href="/a/150/">新标题</a></li>'
    write(items)
    assert clean_scan(site, tmp_path / "cache") == []
    items[151] = f'<li class="item">电话 {N[:5]}<b>{N[5:]}</b></li>'
    write(items)
    assert clean_scan(site, tmp_path / "cache") == ["index.html 138****8000"]


def test_locate_finds_the_line_that_spells_the_number_in_any_form():
    source = '---\ntitle: 走访\nsummary: "电话 \\u0031\\u0033\\u0038"\n---\n\n正文 00138\n000。\n'
    assert outputs_scan.locate(N, [("docs/a.md", lambda: source)]) == ("docs/a.md", 3)
    assert outputs_scan.locate(N, [("docs/b.md", lambda: "没有号码")]) is None


# --- whole builds ------------------------------------------------------------------------------

PAGE = "---\ntitle: 走访\ndate: 2024-04-01\ncategory: 志愿服务\n{fm}---\n\n{body}\n"


def _page(body: str = "正文。", fm: str = "") -> str:
    return PAGE.format(body=body, fm=fm)


@pytest.mark.parametrize(
    "files, expected",
    [
        pytest.param(
            {
                "docs/activities/2024-04-01-visit.md": _page(
                    fm='summary: "家属电话 \\u0031\\u0033\\u0038\\u0030\\u0030\\u0031\\u0033\\u0038\\u0030\\u0030\\u0030"\n'
                )
            },
            "docs/activities/2024-04-01-visit.md:5:16: 疑似个人手机号 138****8000。",
            id="yaml-escapes-in-front-matter",
        ),
        pytest.param(
            {"docs/activities/2024-04-01-visit.md": _page("联系人电话 &#49;&#51;&#56;00138000。")},
            "docs/activities/2024-04-01-visit.md:7:7: 疑似个人手机号 138****8000。",
            id="entities-in-the-body",
        ),
        pytest.param(
            {"docs/activities/2024-04-01-visit.md": _page("联系人电话 138<b></b>0013<!-- -->8000。")},
            "docs/activities/2024-04-01-visit.md:7:7: 疑似个人手机号 138****8000。",
            id="digits-split-by-markup",
        ),
        pytest.param(
            {"docs/activities/2024-04-01-visit.md": _page("联系人电话 幺三八〇〇幺三八〇〇〇。")},
            "docs/activities/2024-04-01-visit.md:7:7: 疑似个人手机号 138****8000。",
            id="chinese-numerals",
        ),
        pytest.param(
            {
                "data/activities/2024.yml": "activities:\n  - date: 2024-04-01\n    title: 走访\n    category: 志愿服务\n"
                '    summary: "家属电话 \\u0031\\u0033\\u0038\\u0030\\u0030\\u0031\\u0033\\u0038\\u0030\\u0030\\u0030"\n'
            },
            "data/activities/2024.yml:5:20: 疑似个人手机号 138****8000。",
            id="yaml-escapes-in-data",
        ),
    ],
)
def test_encoded_numbers_are_refused_at_their_source_line(site, files, expected):
    root = site(files)
    result = build(root)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert (
        f"ERROR   -  wenming: {expected}公开网站上不能出现群众和职工的个人手机号，请删除，或改为单位的办公电话\n"
        in result.stderr
    )
    assert not (root / "site").exists()


def test_mkdocs_yml_values_reaching_every_page_are_checked(site):
    root = site({"mkdocs.yml": MKDOCS_YML + 'copyright: "联系 &#49;3800138000"\n'})
    result = build(root)
    assert result.returncode == 1, result.stderr
    line = MKDOCS_YML.count("\n") + 1
    assert f"ERROR   -  wenming: mkdocs.yml:{line}:16: 疑似个人手机号 138****8000。" in result.stderr


def test_a_number_only_the_rendered_page_shows_is_named_at_its_source(site):
    """Markdown joins the two lines of a paragraph: the page shows 138 0013 8000."""
    root = site({"docs/activities/2024-04-01-visit.md": _page("联系人电话 138\n0013 8000。")})
    result = build(root)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "ERROR   -  wenming: docs/activities/2024-04-01-visit.md:7: 生成的网站上（site/activities/" in result.stderr


def test_a_number_in_svg_text_is_found_in_the_published_svg(site):
    svg = '<svg xmlns="http://www.w3.org/2000/svg" width="80" height="20"><text x="0" y="15">138<tspan>0013</tspan>8000</text></svg>'
    root = site(
        {"docs/assets/contact.svg": svg, "docs/index.md": "---\ntitle: 首页\n---\n\n![联系方式](assets/contact.svg)\n"}
    )
    result = build(root)
    assert result.returncode == 1, result.stderr
    assert (
        "ERROR   -  wenming: docs/assets/contact.svg:1: 生成的网站上（site/assets/contact.svg 的网页文字）会显示疑似个人手机号 138****8000。"
        in result.stderr
    )


def test_the_units_office_phone_may_be_a_mobile_and_is_published(site):
    root = site({"data/unit.yml": UNIT_YML + "phone: 138-0013-8000\n"})
    result = build(root)
    assert result.returncode == 0, result.stderr


# --- files beside docs/: the theme's custom_dir --------------------------------------------------


def _jpeg_with_gps() -> bytes:
    image = Image.new("RGB", (32, 24), (40, 120, 60))
    exif = Image.Exif()
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2], gps[3], gps[4] = "N", (30.0, 15.0, 0.0), "E", (120.0, 10.0, 0.0)
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif)
    return out.getvalue()


def _with_overrides(site, files: dict, extra_yml: str = "", plugin: str = ""):
    yml = MKDOCS_YML.replace("  font: false\n", "  font: false\n  custom_dir: overrides\n") + extra_yml
    if plugin:
        yml = yml.replace("  - wenming\n", f"  - wenming:\n{plugin}")
    return site({"mkdocs.yml": yml, **files})


def test_theme_folder_files_pass_the_gate_or_are_refused_by_name(site):
    root = _with_overrides(
        site,
        {
            "overrides/main.html": '{% extends "base.html" %}',
            "overrides/evil.htm": "<script>alert(1)</script>",
            "overrides/evil.js": "alert(1)",
            "overrides/x.svg": '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="4" height="4"/></svg>',
            "overrides/photo.jpg": _jpeg_with_gps(),
            "overrides/list.csv": f"张三,{N}\n",
        },
    )
    os.symlink("/etc/passwd", root / "overrides/passwd")
    result = build(root)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    err = result.stderr
    for line in [
        "overrides/passwd: 这是指向项目以外（/etc/passwd）的符号链接（快捷方式），网站不会读取也不会发布它。请换成真实文件，或删除它",
        "overrides/evil.htm: 主题文件夹（overrides）中的“.htm”文件会在访客的浏览器里运行或显示为独立网页，不会发布。",
        "overrides/evil.js: 主题文件夹（overrides）中的“.js”文件会在访客的浏览器里运行或显示为独立网页，不会发布。",
        "overrides/x.svg: SVG 图片中有网站不能发布的内容，已在发布的版本中去掉：onload 属性。",
        "overrides/photo.jpg: 原图带有 GPS 位置信息：仓库公开后，任何人都能下载原图看到拍摄地点。",
        "overrides/list.csv: 主题文件夹（overrides）中“.csv”文件不会发布到网站。",
    ]:
        assert f"ERROR   -  wenming: {line}" in err, line
    assert not (root / "site").exists()


def test_theme_folder_files_are_published_in_their_gated_form(site):
    clean_svg = '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"><rect width="4" height="4"/></svg>'
    image = io.BytesIO()
    Image.new("RGB", (16, 16), (200, 30, 30)).save(image, "PNG", pnginfo=_png_text("作者 张三"))
    root = _with_overrides(
        site,
        {
            "overrides/main.html": '{% extends "base.html" %}{% block extrahead %}<meta name="x-theme" content="1">{% endblock %}',
            "overrides/assets/mark.png": image.getvalue(),
            "overrides/assets/mark.svg": clean_svg,
            "overrides/assets/extra.css": "body { color: #333; }\n",
            "overrides/robots.txt": "User-agent: *\n",
        },
        extra_yml=textwrap.dedent("""\
            extra_css:
              - assets/extra.css
        """),
    )
    result = build(root)
    assert result.returncode == 0, result.stderr
    site_dir = root / "site"
    assert b"tEXt" not in (site_dir / "assets/mark.png").read_bytes()  # re-encoded from its pixels
    assert (site_dir / "assets/mark.svg").is_file()
    assert (site_dir / "assets/extra.css").read_text(encoding="utf-8") == "body { color: #333; }\n"
    assert (site_dir / "robots.txt").is_file()
    assert '<meta name="x-theme" content="1">' in (site_dir / "index.html").read_text(encoding="utf-8")


def test_a_number_in_a_listed_theme_document_is_refused(site):
    root = _with_overrides(
        site,
        {"overrides/files/名单.csv": f"张三,{N}\n"},
        plugin="      publish_as_is: [files/名单.csv]\n",
    )
    result = build(root)
    assert result.returncode == 1, result.stderr
    assert "ERROR   -  wenming: overrides/files/名单.csv:1:4: 疑似个人手机号 138****8000。" in result.stderr


def _png_text(text: str):
    from PIL import PngImagePlugin

    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", text)
    return info


def test_the_demo_builds_as_before(tmp_path):
    """Nothing in the demo is a personal number to a reader: its strict build passes."""
    pytest.importorskip("jieba")
    root = copy_demo(tmp_path)
    result = run_mkdocs(root, "build", "--strict")
    assert result.returncode == 0, result.stderr[-3000:]
    assert sorted(p.name for p in root.iterdir() if p.name.startswith(".site.")) == []


def test_wenming_check_reports_the_theme_folder_and_mkdocs_yml_as_the_build_does(site):
    import subprocess
    import sys

    root = _with_overrides(site, {"overrides/evil.htm": "<script>alert(1)</script>", "overrides/main.html": "{{ x }}"})
    (root / "mkdocs.yml").write_text(
        (root / "mkdocs.yml").read_text(encoding="utf-8") + 'site_description: "联系 一三八〇〇一三八〇〇〇"\n',
        encoding="utf-8",
    )
    result = subprocess.run(
        [sys.executable, "-m", "wenmingsite", "check", "--no-images"],
        cwd=root,
        capture_output=True,
        text=True,
        env={**os.environ, "WENMING_TODAY": "2026-11-27"},
    )
    assert result.returncode == 1, result.stdout + result.stderr
    out = result.stdout
    assert (
        "overrides/evil.htm: 主题文件夹（overrides）中的“.htm”文件会在访客的浏览器里运行或显示为独立网页，不会发布。"
        in out
    )
    assert "overrides/main.html" not in out  # a template
    line = (root / "mkdocs.yml").read_text(encoding="utf-8").count("\n")
    assert f"mkdocs.yml:{line}:23: 疑似个人手机号 138****8000。" in out


def test_lines_read_as_written_hold_only_characters_normalising_leaves_alone():
    """The scan sends lines of ASCII, Chinese characters and common punctuation to the
    detector only when they have a number's shape: that is sound only if none of those
    characters folds into a digit or a separator, and no numeral is among them."""
    from wenmingsite.gate import privacy

    safe = [chr(c) for c in range(0x80, 0x10000) if not outputs_scan._UNUSUAL.match(chr(c))]
    assert len(safe) > 20000
    for ch in safe:
        folded = privacy._fold(ch)
        assert not any(c.isdigit() or c.isspace() or c in "-." for c in folded), (ch, folded)
