"""The evidence index (佐证材料目录): per criterion, in the criteria file's order, the items that
support it; its QR codes open pages that exist in the built site."""

from __future__ import annotations

import datetime as dt
import glob
import re
import shutil
import subprocess
import urllib.parse
from pathlib import Path

import pytest
from conftest import REPO, TODAY
from PIL import Image

from wenmingsite.outputs import pack
from wenmingsite.pages import evidence

SITE_URL = "https://wenming.example.cn/"


@pytest.fixture(scope="module")
def material():
    return pack.prepare(REPO, TODAY, SITE_URL)


def test_groups_follow_the_criteria_file_and_number_their_items(material):
    content, index = material.site.content, material.index
    criteria = [g.criterion.id for g in index.groups if g.criterion]
    assert criteria == [c.id for c in content.criteria]
    for g in index.groups:
        assert [i.number for i in g.items] == [f"{g.number}-{k}" for k in range(1, len(g.items) + 1)]
        kinds = [i.material for i in g.items]
        assert kinds == sorted(kinds, key=["document", "activity", "routine", "honour"].index)
        days = [i.day for i in g.items if i.material == "activity"]
        assert days == sorted(days)


def test_every_record_of_the_term_is_evidence_of_each_of_its_criteria(material):
    site, index = material.site, material.index
    by_id = {g.criterion.id: g for g in index.groups if g.criterion}
    start, end = site.stats.start.isoformat(), site.stats.end.isoformat()
    for r in site.records:
        if not start <= r["date"] <= end:
            continue
        for cid in r["criteria"]:
            assert any(r["id"] in i.ids for i in by_id[cid].items), (r["title"], cid)
    volunteer = by_id["volunteer-service"]
    assert volunteer.themed == next(c for c in site.coverage if c.criterion.id == "volunteer-service").themed
    spring = next(i for i in volunteer.items if i.title == "学雷锋日“技术进田间”志愿服务")
    assert spring.label == "活动纪实" and spring.when == "2024年3月5日（周二）" and spring.department
    assert spring.url.startswith("activities/2024/") and spring.url.endswith("/")
    assert any(f.endswith("人次") for f in spring.figures)
    docs = {i.title: i for i in by_id["mechanism"].items if i.material == "document"}
    plan = docs["《青溪市农业技术推广中心第八届市级文明单位创建工作实施方案》"]
    assert plan.url == "documents/创建工作实施方案.pdf" and plan.note == "青农技〔2024〕4号；实施方案"
    assert docs["《创建文明单位工作责任分解表》"].figures == ("纸质件存档备查",)
    routine = next(i for i in by_id["culture-sports"].items if i.material == "routine" and i.title == "工间操")
    # Each year's 工间操 is a routine of its own; its page is the month of its last occurrence.
    assert routine.figures[0] == f"{len(routine.ids)} 次" and routine.url == "timeline/2024/#m2024-12"
    assert routine.when == "2024年3月6日至2024年12月25日" and routine.note == "每周三；文体活动"


def test_honours_go_where_their_words_say_and_nothing_is_left_out(material):
    content, index = material.site.content, material.index
    honours = [i for g in index.groups for i in g.items if i.material == "honour"]
    assert {i.title for i in honours} == {h.title for h in content.honours}
    home = next(g for g in index.groups if g.criterion and g.criterion.id == "staff-rights")
    assert "模范职工之家" in [i.title for i in home.items if i.material == "honour"]
    last = index.groups[-1]
    assert last.criterion is None and last.title == "未对应测评项目的材料"


def test_site_page_links_every_item(material):
    from wenmingsite.pages.render import Renderer

    site = material.site
    r = Renderer(site.content, site.urls)
    html = r.render("evidence.html", "evidence/", index=material.index)
    assert html.count('<tr><th scope="row">') == material.index.items
    assert '<a href="../criteria/volunteer-service/">本项目的全部活动</a>' in html
    assert (
        '<a href="../documents/创建工作实施方案.pdf">《青溪市农业技术推广中心第八届市级文明单位创建工作实施方案》</a>'
        in html
    )
    assert "编号“6-3”表示第 6 个测评项目的第 3 项材料" in html


def test_the_page_kind_is_declared():
    from wenmingsite.pages import pagekinds

    kind = pagekinds.kind("evidence")
    assert kind.search is False


@pytest.mark.skipif(
    not shutil.which("zbarimg") or not shutil.which("pdftoppm"),
    reason="需要 zbarimg（apt-get install zbar-tools）和 pdftoppm（poppler-utils）",
)
def test_qr_codes_decode_to_pages_of_the_built_site(material, demo_build, tmp_path):
    pdf = tmp_path / "佐证材料目录.pdf"
    written = pack.write_evidence(material, pdf)
    assert written.pages >= 10
    subprocess.run(["pdftoppm", "-r", "200", "-gray", "-png", str(pdf), str(tmp_path / "p")], check=True)
    decoded = []
    for image in sorted(glob.glob(str(tmp_path / "p-*.png"))):
        out = subprocess.run(
            ["zbarimg", "-q", "--raw", "-Sdisable", "-Sqrcode.enable", image], capture_output=True, text=True
        ).stdout
        decoded += [line for line in out.splitlines() if line]
    expected = [material.absolute(u) for u in material.index.urls()]
    assert sorted(set(decoded)) == sorted(set(expected + [SITE_URL]))
    assert len(decoded) == len(expected) + 1  # every code on paper decodes (the cover's too)
    for url in set(decoded):
        path = urllib.parse.unquote(urllib.parse.urlsplit(url).path).lstrip("/")
        target = demo_build.site / path / "index.html" if path.endswith("/") or not path else demo_build.site / path
        assert target.is_file(), url


def drawn_images(reader) -> list[list[tuple[float, float, float, str]]]:
    """Per page, every image as the page draws it: (top, left, width in points from the page's
    top-left corner, the name of its XObject)."""
    pages = []
    for page in reader.pages:
        height, drawn = float(page.mediabox.height), []

        def visit(op, args, cm, tm, drawn=drawn, height=height):
            if op == b"Do":
                a, _, _, d, e, f = cm
                drawn.append((height - max(f, f + d), e, abs(a), str(args[0])))

        page.extract_text(visitor_operand_before=visit)
        pages.append(drawn)
    return pages


def item_numbers(pdf) -> list[list[tuple[float, str]]]:
    """Per page, (top, number) of every evidence item number ("6-3") pdftotext reads."""
    layout = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pages = []
    for page in re.findall(r"<page[^>]*>(.*?)</page>", layout, re.S):
        words = re.findall(r'<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">(\d+-\d+)</word>', page)
        pages.append([(float(top), number) for top, number in words])
    return pages


@pytest.mark.skipif(not shutil.which("zbarimg"), reason="需要 zbarimg（apt-get install zbar-tools）")
def test_each_qr_code_opens_the_page_of_the_row_it_is_printed_in(material, tmp_path):
    """Every code, read from the PDF where it is drawn: the cover's opens the site, each
    criterion's its page (in the criteria's order), each item's the page of that item. The
    photos beside them are embedded at print resolution."""
    from pypdf import PdfReader

    pdf = tmp_path / "佐证材料目录.pdf"
    pack.write_evidence(material, pdf)
    reader = PdfReader(str(pdf))
    urls = {i.number: material.absolute(i.url) for g in material.index.groups for i in g.items}
    numbers = item_numbers(pdf)
    files, expected = [], []  # a PNG per drawn code, and what it should open
    photos = []  # dots per inch of each photo as printed
    for n, (drawn, page) in enumerate(zip(drawn_images(reader), reader.pages, strict=True)):
        for top, _left, width, name in drawn:
            image = page.images[name].image
            if abs(width - 18 * 72 / 25.4) > 1 and n > 0:  # a photo: embedded at print resolution
                photos.append(image.width / (width / 72))
                continue
            row = [number for number_top, number in numbers[n] if abs(number_top - top) < 4]
            expected.append(("item", row[0]) if row else ("cover", SITE_URL) if n == 0 else ("group", None))
            framed = Image.new("L", (image.width + 40, image.height + 40), 255)
            framed.paste(image.convert("L"), (20, 20))
            files.append(tmp_path / f"qr-{len(files):04d}.png")
            framed.save(files[-1])
    out = subprocess.run(
        ["zbarimg", "-q", "--xml", "-Sdisable", "-Sqrcode.enable", *map(str, files)], capture_output=True, text=True
    ).stdout
    decoded = {
        Path(href).name: data
        for href, data in re.findall(r"<source href='([^']*)'>.*?<!\[CDATA\[(.*?)\]\]>", out, re.S)
    }
    assert len(decoded) == len(files), "有二维码无法识别"
    got = [decoded[f.name] for f in files]
    assert [g for g, (kind, _) in zip(got, expected, strict=True) if kind == "cover"] == [SITE_URL]
    groups = [material.absolute(g.url) for g in material.index.groups if g.url]
    assert [g for g, (kind, _) in zip(got, expected, strict=True) if kind == "group"] == groups
    items = [(number, g) for g, (kind, number) in zip(got, expected, strict=True) if kind == "item"]
    assert sorted(number for number, _ in items) == sorted(urls)  # every item's code, once
    assert [g for _, g in items] == [urls[number] for number, _ in items]
    # The thumbnails (15.5 mm) come from the site's 800-pixel JPEGs resampled to 300 dpi, not
    # at 1,300 dpi: the same on paper, a third of the file.
    assert photos and max(photos) < 310


def test_a_qr_code_is_the_same_with_its_mask_remembered(tmp_path):
    """The QR cache keeps only which mask a code uses: the code made from it is the code segno
    chooses itself, and a cache someone else wrote can change the mask, never the address."""
    import json

    url = SITE_URL + "activities/2024/%E5%AD%A6%E9%9B%B7%E9%94%8B%E6%97%A5/"
    first = pack.QRCache(tmp_path)
    made = first.png(url)
    first.save(prune=True)
    assert made == pack.qr_png(pack.qr_code(url))
    stored = json.loads((tmp_path / ".cache" / "qr.json").read_text(encoding="utf-8"))
    assert list(stored["masks"]) == [url]
    assert pack.QRCache(tmp_path).png(url) == made
    stored["masks"][url] = (stored["masks"][url] + 1) % 8  # another (valid) mask
    (tmp_path / ".cache" / "qr.json").write_text(json.dumps(stored), encoding="utf-8")
    other = pack.QRCache(tmp_path).png(url)
    assert other != made
    png = tmp_path / "other.png"
    png.write_bytes(other)
    framed = Image.open(png)
    bordered = Image.new("L", (framed.width + 40, framed.height + 40), 255)
    bordered.paste(framed, (20, 20))
    bordered.save(png)
    out = subprocess.run(["zbarimg", "-q", "--raw", str(png)], capture_output=True, text=True).stdout
    assert out.strip() == url


def test_day_ordering_helper():
    assert evidence._when({"date": "2024-03-05", "end_date": "2024-03-07"}) == "2024年3月5日（周二）至3月7日"
    assert evidence._when({"date": "2024-12-30", "end_date": "2025-01-02"}) == "2024年12月30日（周一）至2025年1月2日"
    assert dt.date(2024, 3, 5).weekday() == 1


def test_a_criterion_backed_by_a_report_chapter_alone_does_not_say_it_has_nothing(site, tmp_path):
    """文化体育活动 has a report chapter and no activity or document: the evidence index names
    the chapter and then says there is nothing besides it, not that there is no material at
    all (found by a fresh-unit trial)."""
    from conftest import build

    root = site(
        {
            "docs/report/01-first.md": (
                "---\ntitle: 一、组织领导\norder: 1\ncriteria: [culture-sports]\n---\n\n# 一、组织领导\n\n正文。\n"
            )
        }
    )
    result = build(root, "-d", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "out/evidence/index.html").read_text(encoding="utf-8")
    group = page[page.index("文化体育活动</h2>") :]
    group = group[: group.index("</section>")]
    assert "对应汇报章节：" in group and "一、组织领导" in group
    assert "<p>除上面的汇报章节外，本届还没有对应这个项目的活动和文件。</p>" in group
    assert "本届还没有对应这个项目的材料" not in group
