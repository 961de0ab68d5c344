"""`wenming pack` and `wenming print`: the printed report an inspection group reads.

One pack of a copy of the demo is made per module (about 30–40 s on a loaded 2-core machine);
every test reads the PDFs it wrote into dist/."""

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

from wenmingsite import pack
from wenmingsite.cli import main

SITE_URL = "https://wenming.example.cn/"


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
    assert titles[0] == nf("一、加强组织领导，健全创建工作机制") and nf("附录：活动一览") in titles
    for part in (
        "主要数据",
        "测评体系对照",
        "荣誉",
        "组织领导",
        "制度文件",
        "佐证材料目录",
        "1. 理想信念教育",
        "15. 创建工作机制",
    ):
        assert part in titles
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


def test_pages_carry_the_unit_in_the_header_and_page_of_pages_in_the_footer(report):
    total = len(report.pages)
    assert 20 <= total <= 60
    cover = flat(report.pages[0].extract_text())
    assert "溪市农业技术推广中心" in cover and "第八届市级文明单位创建工作汇报材料" in cover
    assert not re.search(r"\d+/\d+", cover)  # the cover has no header or footer
    for i in (1, 2, total // 2, total - 1):
        text = flat(report.pages[i].extract_text())
        assert "溪市农业技术推广中心·创建工作汇报材料" in text, i
        assert text.endswith(f"{i + 1}/{total}") or f"{i + 1}/{total}" in text, i


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
        body = [y for y in ys if 60 < y < height - 60]  # not the header and footer
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
    import sys

    monkeypatch.setitem(sys.modules, "weasyprint", None)  # import weasyprint -> ImportError
    root = site()
    result = CliRunner().invoke(main, ["print", "--root", str(root), "--site-url", "https://wenming.example.cn/"])
    assert result.exit_code == 1
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "无法启动排版 PDF 的 WeasyPrint（ModuleNotFoundError：" in result.output
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
