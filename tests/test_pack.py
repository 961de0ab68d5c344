"""`wenming pack` and `wenming print`: the printed report an inspection group reads, set like an
official document (GB/T 9704), and the evidence index bound beside it.

One pack of a copy of the demo is made per module (about 10–40 s on a loaded 2-core machine);
every test reads the PDFs it wrote into dist/, as a reader (or poppler's pdftotext) sees them."""

from __future__ import annotations

import os
import re
import shutil
import stat
import subprocess
import unicodedata

import pytest
from click.testing import CliRunner
from conftest import REPO, TODAY, copy_demo

from wenmingsite.commands.cli import main
from wenmingsite.outputs import pack

SITE_URL = "https://wenming.example.cn/"
MM = 72 / 25.4  # PDF points per millimetre
A4_HEIGHT = 841.89
TOP, BOTTOM, LEFT = 37 * MM, A4_HEIGHT - 35 * MM, 28 * MM  # the 版心's edges, from the page's top-left


def nf(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def flat(text: str) -> str:
    # PDF text extraction may give CJK compatibility forms and radicals; NFKC folds them.
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text or ""))


@pytest.fixture(scope="module")
def packed(tmp_path_factory):
    root = copy_demo(tmp_path_factory.mktemp("pack"))
    cache = REPO / ".cache" / "images"
    if cache.is_dir():  # the photo variants of earlier builds: spare re-making them
        shutil.copytree(cache, root / ".cache" / "images", copy_function=os.link)
    result = CliRunner().invoke(
        main, ["pack", "--root", str(root), "--date", TODAY.isoformat(), "--site-url", SITE_URL], catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    return root, result.output


@pytest.fixture(scope="module")
def report(packed):
    from pypdf import PdfReader

    return PdfReader(str(packed[0] / "dist" / "汇报材料.pdf"))


@pytest.fixture(scope="module")
def evidence(packed):
    from pypdf import PdfReader

    return PdfReader(str(packed[0] / "dist" / "佐证材料目录.pdf"))


def text_lines(path, words: bool = False) -> list[list[tuple[float, float, float, str]]]:
    """Per page, every line of text as poppler reads it (or every word, with ``words``):
    (top, left, right, text), in points from the page's top-left corner."""
    html = subprocess.run(["pdftotext", "-bbox-layout", str(path), "-"], capture_output=True, text=True).stdout
    pages = []
    for page in re.findall(r"<page[^>]*>(.*?)</page>", html, re.S):
        lines = []
        for line in re.findall(r"<line[^>]*>(.*?)</line>", page, re.S):
            found = re.findall(
                r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>', line
            )
            if words:
                lines += [(float(w[1]), float(w[0]), float(w[2]), htmlunescape(w[3])) for w in found]
            elif found:
                text = htmlunescape(" ".join(w[3] for w in found))
                lines.append((float(found[0][1]), float(found[0][0]), float(found[-1][2]), text))
        pages.append(lines)
    return pages


def htmlunescape(text: str) -> str:
    import html

    return html.unescape(text)


def headings(reader) -> list[tuple[int, int, float, str]]:
    """The PDF's bookmarks, WeasyPrint's record of every heading: (level, page index, top of
    the heading from the page's top, title)."""
    out = []

    def walk(items, level):
        for item in items:
            if isinstance(item, list):
                walk(item, level + 1)
            else:
                page = reader.get_destination_page_number(item)
                top = float(reader.pages[page].mediabox.height) - float(item.top)
                out.append((level, page, top, flat(item.title)))

    walk(reader.outline, 0)
    return out


def header_problems(path, reader) -> list[str]:
    """Pages whose running header does not name the part the page opens with: the part whose
    heading has no text above it on the page, else the last part begun on an earlier page."""
    pages = text_lines(path)
    parts = [(page, top, title) for level, page, top, title in headings(reader) if level == 0 and page > 0]
    wrong = []
    for i, lines in enumerate(pages[1:], 1):
        body = [line for line in lines if TOP - 2 <= line[0] <= BOTTOM]
        header = flat("".join(line[3] for line in sorted(lines, key=lambda x: x[1]) if line[0] < TOP - 2))
        opening = [t for p, top, t in parts if p == i and not any(line[0] < top - 1 for line in body)]
        earlier = [t for p, top, t in parts if p < i]
        expected = opening[0] if opening else earlier[-1]
        if not header.endswith(expected):
            wrong.append(f"第 {i + 1} 页页眉“{header}”，本页开头是“{expected}”")
    return wrong


def stranded_headings(path, reader) -> list[str]:
    """Headings with nothing but themselves below them on their page."""
    pages = text_lines(path)
    out = []
    for _, page, top, title in headings(reader):
        if page == 0:
            continue
        below = "".join(flat(line[3]) for line in pages[page] if top - 1 <= line[0] <= BOTTOM)
        if len(below) <= len(title) + 1:
            out.append(f"第 {page + 1} 页：{title}")
    return out


def contents_entries(reader) -> list[tuple[str, int]]:
    """(title, page number) of every line of the contents pages ("title ....... 12")."""
    entries = []
    for page in reader.pages[1:4]:
        text = unicodedata.normalize("NFKC", page.extract_text() or "")
        if "目录" not in text and not entries:
            continue
        for line in text.splitlines():
            m = re.match(r"^\s*(.+?)\s*\.{3,}\s*(\d+)\s*$", line)
            if m:
                entries.append((m.group(1).strip(), int(m.group(2))))
    return entries


def test_pack_reports_each_part_with_pages_and_time(packed):
    root, output = packed
    lines = output.splitlines()
    assert re.fullmatch(r"\[1/4\] 读取内容：284 条活动记录、\d+ 项佐证材料（用时 \d+\.\d 秒）", lines[-5]), lines
    assert re.fullmatch(r"\[2/4\] 汇报材料：dist/汇报材料\.pdf（\d+ 页，用时 \d+\.\d 秒）", lines[-4])
    assert re.fullmatch(r"\[3/4\] 佐证材料目录：dist/佐证材料目录\.pdf（\d+ 页，用时 \d+\.\d 秒）", lines[-3])
    assert re.fullmatch(r"\[4/4\] 创建台账：dist/创建台账\.xlsx（3 个年度工作表，用时 \d+\.\d 秒）", lines[-2])
    assert re.fullmatch(r"迎检材料包已生成在 dist/，共用时 \d+\.\d 秒。", lines[-1])
    assert sorted(p.name for p in (root / "dist").iterdir()) == ["佐证材料目录.pdf", "创建台账.xlsx", "汇报材料.pdf"]


def test_every_contents_entry_names_the_page_of_its_heading(report):
    entries = contents_entries(report)
    titles = [t for t, _ in entries]
    assert titles[0] == nf("一、加强组织领导，健全创建工作机制")
    for part in (
        "主要数据",
        "测评体系对照",
        "荣誉",
        "组织领导",
        "制度文件",
        "附录一：主题活动一览",
        "附录二：例行活动一览",
    ):
        assert nf(part) in titles
    assert "佐证材料目录" not in titles  # a volume of its own, laid out once
    assert not any(re.match(r"^\d+\.\s*[一二三四五六七八九十]+、", t) for t in titles)  # numbered once
    # The PDF's bookmarks are WeasyPrint's own record of where each heading landed.
    outline = {}

    def walk(items):
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                outline.setdefault(
                    unicodedata.normalize("NFKC", item.title), report.get_destination_page_number(item) + 1
                )

    walk(report.outline)
    for title, number in entries:
        assert outline.get(title) == number, (title, number, outline.get(title))
        assert flat(title) in flat(report.pages[number - 1].extract_text()), (title, number)


def test_pages_carry_the_unit_in_the_header_and_folios_on_the_outer_side(packed, report):
    """GB/T 9704 folios: "— N —", right on odd pages and left on even ones, below the 版心;
    the cover has neither header nor folio."""
    pages = text_lines(packed[0] / "dist" / "汇报材料.pdf")
    width = float(report.pages[0].mediabox.width)
    cover = flat(report.pages[0].extract_text())
    assert "溪市农业技术推广中心" in cover and "第八届市级文明单位创建工作汇报材料" in cover
    assert not re.search(r"—\d+—", cover)
    for i, lines in enumerate(pages[1:], 2):
        header = flat("".join(line[3] for line in lines if line[0] < TOP))
        assert header.startswith("青溪市农业技术推广中心·创建工作汇报材料"), (i, header)
        folios = [line for line in lines if line[0] > BOTTOM]
        assert [line[3] for line in folios] == [f"— {i} —"], (i, folios)
        top, left, right, _ = folios[0]
        assert BOTTOM + 5 * MM < top < BOTTOM + 12 * MM  # about 7 mm below the 版心
        if i % 2:
            assert abs(width - 26 * MM - right - 14) < 3, (i, right)  # one 4号 character in from the right
        else:
            assert abs(left - LEFT - 14) < 3, (i, left)


def test_running_header_names_the_part_each_page_opens_with(packed, report, evidence):
    """Before, a page whose part began lower down was headed with that later part (report
    pages 4, 10, 11 and 27, evidence pages 6, 7 and 10)."""
    assert header_problems(packed[0] / "dist" / "汇报材料.pdf", report) == []
    assert header_problems(packed[0] / "dist" / "佐证材料目录.pdf", evidence) == []


def test_no_heading_ends_a_page(packed, report, evidence):
    assert stranded_headings(packed[0] / "dist" / "汇报材料.pdf", report) == []
    assert stranded_headings(packed[0] / "dist" / "佐证材料目录.pdf", evidence) == []


def test_body_is_sanhao_fangsong_on_a_22_by_28_grid(report):
    """The first chapter: 16 pt body text (3号), full lines of 28 characters, lines 28.95 pt
    apart (22 to the 225 mm 版心), a two-character first-line indent."""
    sizes, lines = set(), []

    def seen(text, cm, tm, font, size):
        if text.strip() and font:
            scale = abs(cm[3] * tm[3])
            sizes.add((str(font.get("/BaseFont")).split("+")[-1], round(size * scale, 2)))
            lines.append((round(cm[5] + tm[5] * cm[3], 2), round(cm[4] + tm[4] * cm[0], 2), text.strip()))

    report.pages[2].extract_text(visitor_text=seen)
    assert ("Noto-Serif-CJK-SC", 16.0) in sizes  # the body (仿宋's fallback here)
    assert ("Noto-Sans-CJK-SC", 16.0) in sizes  # the level-1 heading (黑体's fallback)
    body = [(y, x, text) for y, x, text in lines if A4_HEIGHT - TOP > y > A4_HEIGHT - BOTTOM]
    cjk = re.compile(r"[\u3000-\u9fff\uff00-\uffef]+")  # no half-width digits or letters
    # A line the paragraph goes on from (the next line starts at the margin) is full: 28
    # characters, 26 after the indent; one fewer where a mark may not end or begin a line.
    full = [(x > LEFT + 1, text) for (_, x, text), nxt in zip(body, body[1:], strict=False) if abs(nxt[1] - LEFT) < 0.5]
    full = [(indented, text) for indented, text in full if cjk.fullmatch(text)]
    assert len(full) >= 5
    assert all(len(text) in ((25, 26) if indented else (27, 28)) for indented, text in full), full
    assert sum(len(text) == (26 if indented else 28) for indented, text in full) > len(full) / 2
    indented = [x for y, x, text in body if x > LEFT + 1]
    assert indented and all(abs(x - (LEFT + 31.58)) < 0.5 for x in indented)
    pitches = {round(a[0] - b[0], 2) for a, b in zip(body, body[1:], strict=False)}
    assert all(abs(pitch - 28.95) < 0.1 for pitch in pitches), pitches


def test_text_keeps_the_left_margin_on_every_page(packed):
    for name in ("汇报材料.pdf", "佐证材料目录.pdf"):
        for i, lines in enumerate(text_lines(packed[0] / "dist" / name), 1):
            assert all(line[1] >= LEFT - 0.5 for line in lines), (name, i, min(lines, key=lambda x: x[1]))


def test_the_cover_carries_the_title_and_the_date_in_chinese_numerals(packed):
    cover = text_lines(packed[0] / "dist" / "汇报材料.pdf")[0]
    texts = [flat(line[3]) for line in cover]
    assert texts[:2] == ["青溪市农业技术推广中心", "第八届市级文明单位创建工作汇报材料"]
    assert "二〇二六年十一月" in texts  # TODAY, 2026-11-27
    assert not any("2026年11月" in text for text in texts)


def test_evidence_items_carry_their_standard_form_and_report_page(packed, report):
    """Each criterion's table opens (on every page it runs over) with its 测评内容和标准; each
    item says what it exists as and the report page where it is listed."""
    root = packed[0]
    ev = text_lines(root / "dist" / "佐证材料目录.pdf")
    everything = "\n".join(line[3] for lines in ev for line in lines)
    assert "材料形式" in everything and "页码" in everything
    standard = "6. 学雷锋志愿服务 测评内容和标准：建立志愿服务队伍，常态化开展学雷锋志愿服务活动。"
    assert flat(standard) in flat(everything)
    volunteer = [
        i for i, lines in enumerate(ev) if any(flat("测评内容和标准：建立志愿服务队伍") in flat(x[3]) for x in lines)
    ]
    header_of = {i: flat("".join(line[3] for line in ev[i] if line[0] < TOP)) for i in volunteer}
    assert len(volunteer) >= 2 and all(h.endswith("6.学雷锋志愿服务") for h in header_of.values())

    def row(title: str) -> dict[str, str]:
        """The 材料形式 and 页码 cells of the item whose name begins with ``title``: the cells
        beside its number (编号, the top of its row) under the headings of the table."""
        for lines in text_lines(root / "dist" / "佐证材料目录.pdf", words=True):
            for top, _, _, text in lines:
                if flat(text).startswith(flat(title)):
                    numbers = [x[0] for x in lines if re.fullmatch(r"\d+-\d+", x[3]) and x[0] <= top + 3]
                    top = max(numbers)
                    heading = next(x[0] for x in lines if x[3] == "材料形式")  # the table's heading row
                    columns = {x[3]: x[1] for x in lines if abs(x[0] - heading) < 1}
                    same = [x for x in lines if top - 3 < x[0] < top + 24]  # the first lines of the row
                    return {
                        "form": "".join(x[3] for x in same if columns["材料形式"] - 3 < x[1] < columns["页码"] - 3),
                        "page": "".join(x[3] for x in same if columns["页码"] - 3 <= x[1] < columns["照片"] - 3),
                    }
        raise AssertionError(title)

    reports = text_lines(root / "dist" / "汇报材料.pdf")

    def report_page(text: str, after: str) -> int:
        start = next(i for i, lines in enumerate(reports) if any(flat(after) == flat(x[3]) for x in lines))
        return next(
            i + 1 for i, lines in enumerate(reports) if i >= start and any(flat(text) in flat(x[3]) for x in lines)
        )

    spring = row("学雷锋日“技术进田间”志愿服务")
    assert spring["form"] == "网页照片"
    assert spring["page"] == str(report_page("学雷锋日“技术进田", "附录一：主题活动一览"))
    plan = row("《青溪市农业技术推广中心第八届")  # …创建工作实施方案》
    assert plan["form"].startswith("纸质电子文件")
    assert plan["page"] == str(report_page("青农技〔2024〕4号", "制度文件"))
    exercise = row("工间操")
    assert exercise["form"] == "台账记录" and exercise["page"] == str(report_page("工间操", "附录二：例行活动一览"))


LABELS = ("制度文件", "活动纪实", "活动记录", "例行活动", "荣誉")


def evidence_rows(path) -> list[tuple[str, str, str]]:
    """(number, the first line of its name, its 页码 cell) of every item of the evidence index,
    read off the pages as pdftotext reads them: the words level with each number ("6-3"),
    sorted into the table's columns by the heading row every page repeats."""
    rows = []
    for lines in text_lines(path, words=True):
        heading = [x for x in lines if x[3] == "材料形式"]
        if not heading:
            continue
        columns = {x[3]: x[1] for x in lines if abs(x[0] - heading[0][0]) < 1}
        for top, left, _, text in lines:
            if not (re.fullmatch(r"\d+-\d+", text) and left < columns["材料形式"]):
                continue
            level = sorted((x for x in lines if abs(x[0] - top) < 3), key=lambda x: x[1])
            name = [x[3] for x in level if left < x[1] < columns["材料形式"] - 3 and x[3] not in LABELS]
            page = "".join(x[3] for x in level if columns["页码"] - 3 <= x[1] < columns["照片"] - 3)
            rows.append((text, name[0] if name else "", page))
    return rows


def test_every_report_page_the_evidence_index_prints_shows_that_item(packed, report, evidence):
    """What an inspector does with the index: turn the report to the page printed beside an
    item (the folio "— N —" at the page's foot) and find the item there, for every item; the
    page counts the pack prints are the PDFs' own."""
    root, output = packed
    assert f"汇报材料.pdf（{len(report.pages)} 页" in output
    assert f"佐证材料目录.pdf（{len(evidence.pages)} 页" in output
    folios = {}
    for lines in text_lines(root / "dist" / "汇报材料.pdf"):
        for top, _, _, text in lines:
            if top > BOTTOM and (m := re.fullmatch(r"— (\d+) —", text)):
                folios[int(m.group(1))] = flat("".join(x[3] for x in lines))
    rows = evidence_rows(root / "dist" / "佐证材料目录.pdf")
    assert len(rows) == 140 and len({number for number, _, _ in rows}) == 140  # every item read, once
    numbered = [(number, name, int(page)) for number, name, page in rows if page.isdigit()]
    assert len(numbered) > 100 and all(page == "见网页" for _, _, page in rows if not page.isdigit())
    wrong = [
        f"{number} {name}：第 {page} 页"
        for number, name, page in numbered
        if flat(name.strip("《》"))[:6] not in folios.get(page, "")
    ]
    assert wrong == []


def test_short_chapters_flow_on_without_half_empty_pages(report):
    height = float(report.pages[0].mediabox.height)
    starts = {}
    for title, number in contents_entries(report):
        starts.setdefault(number, []).append(title)
    assert any(len(t) >= 2 for t in starts.values())  # chapters share pages
    for i, page in enumerate(report.pages[2:-1], 3):
        ys: list[float] = []

        def seen(text, cm, tm, fd, fs, ys=ys):
            if text.strip():
                ys.append(cm[5] + tm[5] * cm[3])

        page.extract_text(visitor_text=seen)
        body = [y for y in ys if height - BOTTOM < y < height - TOP]  # the 版心: not the header and folio
        assert body and min(body) < 0.35 * height, f"第 {i} 页下半部分是空白（最低一行在 {min(body) / height:.0%}）"


def test_paper_holds_no_web_only_text_and_amounts_stay_on_one_line(packed, report):
    everything = "\n".join(p.extract_text() or "" for p in report.pages)
    for web in ("api/", "开放数据", "逐条复算", "点击", "查看数据表", "wenming print"):
        assert web not in everything
    figures = subprocess.run(
        ["pdftotext", "-layout", str(packed[0] / "dist" / "汇报材料.pdf"), "-"], capture_output=True, text=True
    ).stdout
    assert "13.22 万元" in figures  # the term's amount, number and unit on one line


def test_report_goes_to_an_ignored_dist_folder():
    ignored = subprocess.run(["git", "check-ignore", "-q", "dist/汇报材料.pdf"], cwd=REPO)
    assert ignored.returncode == 0


def test_chinese_date():
    import datetime as dt

    assert pack.chinese_date(dt.date(2026, 12, 1)) == "二〇二六年十二月"
    assert pack.chinese_date(dt.date(2030, 1, 31), with_day=True) == "二〇三〇年一月三十一日"
    assert pack.chinese_date(dt.date(2024, 10, 10), with_day=True) == "二〇二四年十月十日"
    assert pack.chinese_date(dt.date(2025, 11, 20), with_day=True) == "二〇二五年十一月二十日"
    assert pack.chinese_date(dt.date(2019, 2, 9), with_day=True) == "二〇一九年二月九日"


def test_an_imported_preface_gets_its_heading(site):
    root = site(
        {
            "mkdocs.yml": "site_name: 测试单位\nsite_url: https://t.example.cn/\n",
            "docs/report/00-前言.md": "---\ntitle: 前言\norder: 0\n---\n\n我们单位在创建周期内……\n",
        }
    )
    m = pack.prepare(root, TODAY)
    html = pack.report_html(m)
    assert '<h1 id="s-1">前言</h1>' in html
    assert '<h1 id="s-2">一、组织领导</h1>' in html and html.count("一、组织领导</h1>") == 1
    assert re.search(r'<a href="#s-1">前言</a>', html)


def test_no_site_url_refuses_with_the_fix(site):
    root = site({"mkdocs.yml": "site_name: 测试单位\n"})
    result = CliRunner().invoke(main, ["pack", "--root", str(root), "--date", TODAY.isoformat()])
    assert result.exit_code == 1
    assert result.output == (
        "错误：mkdocs.yml 没有设置 site_url，佐证材料目录的二维码无法指向网站上的页面，没有生成 PDF。"
        "请在 mkdocs.yml 中写上网站的正式地址，例如 site_url: https://wenming.example.cn/，"
        "或者运行时加上 --site-url https://wenming.example.cn/\n"
    )
    assert not (root / "dist").exists()


def test_site_url_from_env_and_the_local_address_notice(tmp_path, monkeypatch):
    (tmp_path / "mkdocs.yml").write_text('site_url: !ENV [SITE_URL, "http://127.0.0.1:8000/"]\n', encoding="utf-8")
    monkeypatch.delenv("SITE_URL", raising=False)
    assert pack.read_site_url(tmp_path) == "http://127.0.0.1:8000/"
    base, notice = pack.check_site_url(pack.read_site_url(tmp_path))
    assert notice == (
        "提示：网站地址是本机地址 http://127.0.0.1:8000/，二维码只能在这台电脑上打开。正式打印前，"
        "请用 --site-url 或环境变量 SITE_URL 写上网站的正式地址后重新生成"
    )
    monkeypatch.setenv("SITE_URL", "https://wenming.qingxi.example.cn")
    assert pack.check_site_url(pack.read_site_url(tmp_path)) == ("https://wenming.qingxi.example.cn/", None)
    with pytest.raises(pack.PackRefused, match="不是以 http:// 或 https:// 开头的网址"):
        pack.check_site_url("wenming.example.cn")


def test_a_machine_without_pango_gets_a_chinese_refusal_not_a_traceback(site, monkeypatch):
    """WeasyPrint needs the system's Pango (missing on a bare Windows or macOS): its import
    error becomes the refusal, before any content work, and says where to get it."""
    import builtins

    real_import = builtins.__import__

    def without_pango(name, *args, **kwargs):  # WeasyPrint is installed; its import fails as on such a machine
        if name == "weasyprint":
            raise OSError("cannot load library 'libpango-1.0-0': libpango-1.0-0: cannot open shared object file")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", without_pango)  # (not installed at all: tests/test_extras.py)
    root = site()
    result = CliRunner().invoke(main, ["print", "--root", str(root), "--site-url", "https://wenming.example.cn/"])
    assert result.exit_code == 1
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "无法启动排版 PDF 的 WeasyPrint（OSError：cannot load library 'libpango-1.0-0'" in result.output
    assert "它需要系统的 Pango 文字排版库" in result.output and "另存为 PDF" in result.output
    assert "Traceback" not in result.output
    assert not (root / "dist").exists()


# --- the files in dist/ are ordinary files ----------------------------------------------


@pytest.fixture(params=[0o022, 0o027], ids=["umask022", "umask027"])
def umask(request):
    old = os.umask(request.param)
    try:
        yield request.param
    finally:
        os.umask(old)


def modes(folder) -> dict[str, int]:
    return {p.name: stat.S_IMODE(p.stat().st_mode) for p in folder.iterdir()}


def layout_or_skip() -> None:
    try:
        pack.layout_engine()
    except pack.PackRefused as exc:
        pytest.skip(str(exc))


def test_a_pdf_gets_the_mode_of_any_written_file(tmp_path, umask):
    """Not mkstemp's 0600: a web server, a shared folder or a colleague must be able to read it."""
    layout_or_skip()
    path = tmp_path / "dist" / "a.pdf"
    path.parent.mkdir()
    path.write_bytes(b"old")
    path.chmod(0o600)  # what an earlier version left: replaced with the ordinary mode
    pack.write_pdf("<p>pack</p>", path, "t", "a")
    assert path.read_bytes().startswith(b"%PDF")
    assert modes(path.parent) == {"a.pdf": 0o666 & ~umask}


def test_pack_print_and_export_write_ordinary_files(site, umask):
    layout_or_skip()
    if pack.cjk_font() is None:
        pytest.skip("系统没有中文字体（Debian/Ubuntu：apt-get install fonts-noto-cjk）")
    root = site()
    args = ["--root", str(root), "--date", TODAY.isoformat(), "--site-url", SITE_URL]
    result = CliRunner().invoke(main, ["pack", *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    for command in (["print", "-o", str(root / "dist/打印.pdf")], ["export", str(root / "dist/台账.csv")]):
        result = CliRunner().invoke(main, [*command, *args], catch_exceptions=False)
        assert result.exit_code == 0, result.output
    expected = 0o666 & ~umask
    assert modes(root / "dist") == {
        "佐证材料目录.pdf": expected,
        "创建台账.xlsx": expected,
        "汇报材料.pdf": expected,
        "打印.pdf": expected,
        **{p.name: expected for p in (root / "dist").glob("台账*.csv")},
    }
    assert len(list((root / "dist").glob("台账*.csv"))) == 2


def test_export_writes_an_ordinary_file(site, umask):
    root = site()
    target = root / "dist" / "台账.xlsx"
    result = CliRunner().invoke(
        main, ["export", str(target), "--root", str(root), "--date", TODAY.isoformat()], catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    assert modes(target.parent) == {"台账.xlsx": 0o666 & ~umask}


def test_side_by_side_the_pack_prints_what_it_prints_laid_out_in_turn(packed, monkeypatch, tmp_path):
    """`wenming pack` lays out the report in a second process while it styles the evidence
    index, which gets the report's pages when they are known: the PDFs are the same bytes as
    those of one process laying out the report, then the evidence index."""
    root, _ = packed
    if not pack._can_fork():
        pytest.skip("这台机器不能分出子进程（fork），材料包本来就依次排版")
    monkeypatch.setattr(pack, "_can_fork", lambda: False)
    in_turn = pack.write_pack(pack.prepare(root, TODAY, SITE_URL), tmp_path / "dist")
    for name in (pack.REPORT_PDF, pack.EVIDENCE_PDF):
        assert (tmp_path / "dist" / name).read_bytes() == (root / "dist" / name).read_bytes(), name
    assert [in_turn.report.path.name, in_turn.evidence.path.name] == [pack.REPORT_PDF, pack.EVIDENCE_PDF]
    assert sorted(os.listdir(tmp_path / "dist")) == sorted([pack.REPORT_PDF, pack.EVIDENCE_PDF])


# The pack lays out the evidence index while the report is laid out, with a placeholder ("1")
# for each report page, and sets the pages into the laid-out lines when they are known. A unit
# whose print stylesheet aligns the 页码 column to the right gets the index laid out anew with them.
RIGHT_ALIGNED = ".ev td.page { text-align: right; }\n"


@pytest.mark.parametrize("unit_css", [None, RIGHT_ALIGNED], ids=["ours", "page-column-right-aligned"])
def test_report_pages_set_into_the_laid_out_index_print_as_if_laid_out_with_them(packed, tmp_path, unit_css):
    """The evidence index with the report's pages set into its laid-out lines is, to the byte,
    the index WeasyPrint lays out with those pages in its text: for the demo's own pages (one
    and two digits) and for pages a hundred further on (three digits), in the 页码 column
    (centred) and in 对应汇报章节 (a line of text)."""
    root = tmp_path / "unit"
    shutil.copytree(packed[0], root, copy_function=os.link, ignore=shutil.ignore_patterns("dist"))
    if unit_css:
        (root / "data" / "pack.css").write_text(unit_css, encoding="utf-8")
    m = pack.prepare(root, TODAY, SITE_URL)
    real = pack.anchor_pages(pack.layout(pack.report_html(m), m.resources))
    assert max(real.values()) >= 10
    for pages in (real, {anchor: page + 100 for anchor, page in real.items()}):
        staged, marks = pack._staged_evidence(m)
        assert staged is not None and len(marks) > 100
        m.report_pages = pages
        set_in = pack._evidence_document(m, (staged, marks)).write_pdf()
        laid_out = pack.layout(pack.evidence_html(m, pages), m.resources).write_pdf()
        assert set_in == laid_out
        (tmp_path / "index.pdf").write_bytes(set_in)
        printed = {page for _, _, page in evidence_rows(tmp_path / "index.pdf") if page.isdigit()}
        assert printed and printed <= {str(page) for page in pages.values()}
    if unit_css is None:  # ours: the pages were set in, nothing laid out twice
        staged, marks = pack._staged_evidence(m)
        assert staged is not None and staged.set_pages(marks, real)


@pytest.fixture
def earlier_pack(site):
    """A small unit with the files of an earlier pack in dist/ (and what a killed pack left)."""
    layout_or_skip()
    if pack.cjk_font() is None:
        pytest.skip("系统没有中文字体（Debian/Ubuntu：apt-get install fonts-noto-cjk）")
    root = site()
    for name in (pack.REPORT_PDF, pack.EVIDENCE_PDF, "创建台账.xlsx"):
        (root / "dist").mkdir(exist_ok=True)
        (root / "dist" / name).write_bytes(b"earlier " + name.encode())
    (root / "dist" / ".pack.999999999.tmp").mkdir()  # no such process: left by a killed pack
    (root / "dist" / ".pack.999999999.tmp" / pack.REPORT_PDF).write_bytes(b"half")
    return root


def dist_files(root) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted((root / "dist").iterdir()) if p.is_file()}


def test_a_fault_in_either_process_leaves_dist_as_it_was(earlier_pack, monkeypatch):
    root = earlier_pack
    before = dist_files(root)
    args = ["pack", "--root", str(root), "--date", TODAY.isoformat(), "--site-url", SITE_URL]

    def dies(m):  # the report's process ends without a word (killed, out of memory)
        os._exit(9)

    if pack._can_fork():
        monkeypatch.setattr(pack, "report_html", dies)
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 1, result.output
        assert (
            "排版汇报材料的进程意外退出（退出码 9），dist/ 中的文件没有改动。请重新运行 wenming pack" in result.output
        )
        assert "Traceback" not in result.output
        assert dist_files(root) == before
        assert sorted(os.listdir(root / "dist")) == sorted(before)  # the killed pack's folder is gone too

        def index_dies(m):  # the evidence index's process, the same
            os._exit(9)

        monkeypatch.undo()
        monkeypatch.setattr(pack, "_staged_evidence", index_dies)
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 1, result.output
        assert (
            "排版佐证材料目录的进程意外退出（退出码 9），dist/ 中的文件没有改动。请重新运行 wenming pack"
            in result.output
        )
        assert "Traceback" not in result.output
        assert dist_files(root) == before
        assert sorted(os.listdir(root / "dist")) == sorted(before)

    def fails(m, pages=None, marks=None):  # the evidence index cannot be laid out (here: a bug)
        raise RuntimeError("排版失败")

    monkeypatch.undo()
    monkeypatch.setattr(pack, "evidence_html", fails)
    with pytest.raises(RuntimeError, match="排版失败"):
        CliRunner().invoke(main, args, catch_exceptions=False)
    assert dist_files(root) == before
    assert sorted(os.listdir(root / "dist")) == sorted(before)

    monkeypatch.undo()
    result = CliRunner().invoke(main, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    after = dist_files(root)
    assert sorted(after) == sorted(before)
    assert all(after[name].startswith(b"%PDF") for name in (pack.REPORT_PDF, pack.EVIDENCE_PDF))
    assert after["创建台账.xlsx"].startswith(b"PK")


def test_a_weasyprint_whose_steps_differ_still_gets_the_evidence_index_with_its_pages(site, monkeypatch):
    """The evidence index is styled ahead through WeasyPrint's own steps (those of the pinned
    version); where they are not there, it is laid out whole once the report's pages are known."""
    layout_or_skip()
    if pack.cjk_font() is None:
        pytest.skip("系统没有中文字体（Debian/Ubuntu：apt-get install fonts-noto-cjk）")
    from pypdf import PdfReader

    def missing(*args):
        raise AttributeError("type object 'Document' has no attribute '_build_layout_context'")

    monkeypatch.setattr(pack.Staged, "__init__", missing)
    root = site()
    args = ["pack", "--root", str(root), "--date", TODAY.isoformat(), "--site-url", SITE_URL]
    result = CliRunner().invoke(main, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    text = "".join(page.extract_text() or "" for page in PdfReader(str(root / "dist" / pack.EVIDENCE_PDF)).pages)
    assert "\ue000" not in text and "页码" in text


ROUTINES = """\
routines:
  - title: 全院职工工间操和健身锻炼活动（第九套广播体操及八段锦）
    repeat: 每周
    weekday: 周一
    start: 2024-03-01
    end: 2024-06-30
    category: 文体活动
    department: 办公室
    participants: 120
  - title: 门诊窗口和住院部服务质量与环境卫生联合检查督导
    repeat: 每月
    week: 最后
    weekday: 周日
    start: 2024-03-01
    end: 2024-06-30
    category: 志愿服务
    department: 工会
"""


def test_a_routines_schedule_and_dates_are_never_split_across_lines(site):
    """附录二 of the printed report: a schedule is read as one word (每周一, never 每周 / 一 over
    two lines, as a long title once squeezed it), a date range breaks only after 至, and the
    title wraps instead; 附录一's 照片 heading stays on one line."""
    layout_or_skip()
    root = site({"data/activities/2024.yml": ROUTINES})
    result = CliRunner().invoke(
        main,
        ["print", "--root", str(root), "--date", TODAY.isoformat(), "--site-url", SITE_URL],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    text = subprocess.run(
        ["pdftotext", "-layout", str(root / "dist" / "汇报材料.pdf"), "-"], capture_output=True, text=True
    ).stdout
    table = text[text.rindex("附录二：例行活动一览") :]
    lines = [line.split() for line in table.splitlines()]
    heading = next(line for line in lines if line and line[0] == "序号")
    assert heading == ["序号", "例行活动", "安排", "起止日期", "次数", "部门", "参与人次"]
    rows = [line for line in lines if line and line[0] in ("1", "2")]
    assert [row[:2] for row in rows] == [["1", "全院职工工间操和"], ["2", "门诊窗口和住院部"]]
    assert rows[0][2:4] == ["每周一", "2024年3月4日至"]
    assert rows[1][2:4] == ["每月", "2024年3月31日至"]
    assert "最后一个周日" in table and "2024年6月24日" in table and "2024年6月30日" in table
    appendix = text[text.rindex("附录一：主题活动一览") :]
    assert "参与人次 照片" in re.sub(r" +", " ", appendix)


@pytest.fixture
def demo_unit(packed, tmp_path):
    """A copy of the demo (its photo variants linked): QR codes of more than a pipe holds."""
    root = tmp_path / "unit"
    shutil.copytree(packed[0], root, copy_function=os.link, ignore=shutil.ignore_patterns("dist"))
    m = pack.prepare(root, TODAY, SITE_URL)
    pack.evidence_html(m)
    codes = set(m.resources.codes.values())
    assert sum(len(m.qr_png(address)) for address in codes) > 64 * 1024  # a pipe's buffer on Linux
    return root


@pytest.fixture
def deadline():
    """A pack that waits for ever fails the test after ten minutes instead of hanging the run."""
    import signal

    def expired(signum, frame):
        raise TimeoutError("材料包十分钟还没有结束：两个进程在互相等待")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(600)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


def test_a_pack_whose_stylesheet_hides_the_qr_codes_still_ends(demo_unit, deadline):
    """The index's process reads the codes the report's makes only when WeasyPrint first asks
    for one; a unit's data/pack.css that hides them all means it never asks. The report's
    process must not wait for it (it sends the codes aside), or the two wait for each other."""
    root = demo_unit
    (root / "data" / "pack.css").write_text(".cover__qr, td.qr, .group-qr { display: none; }\n", encoding="utf-8")
    args = ["pack", "--root", str(root), "--date", TODAY.isoformat(), "--site-url", SITE_URL]
    result = CliRunner().invoke(main, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert (root / "dist" / pack.EVIDENCE_PDF).read_bytes().startswith(b"%PDF")


def test_the_index_process_dying_is_said_when_the_codes_fill_the_pipe(demo_unit, deadline, monkeypatch):
    """The index's process dies before it reads the codes (killed, out of memory): the pack
    says which part's process ended, not the report's broken pipe, and dist/ is untouched."""
    if not pack._can_fork():
        pytest.skip("这台机器不能分出子进程（fork），材料包本来就依次排版")
    root = demo_unit

    def dies(m):
        os._exit(9)

    monkeypatch.setattr(pack, "_staged_evidence", dies)
    args = ["pack", "--root", str(root), "--date", TODAY.isoformat(), "--site-url", SITE_URL]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1, result.output
    assert (
        "排版佐证材料目录的进程意外退出（退出码 9），dist/ 中的文件没有改动。请重新运行 wenming pack" in result.output
    )
    assert "Traceback" not in result.output and "BrokenPipe" not in result.output
    assert not (root / "dist").exists() or not list((root / "dist").iterdir())
