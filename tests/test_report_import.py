"""`wenming import`: messy reports in, pages out, not one character lost.

The test documents are written here for the purpose (a fictional unit), in the style of
real reports: mixed full-width and ASCII punctuation, missing levels, numbering that skips,
several reports in one file, sections that end abruptly."""

from __future__ import annotations

import io
import re
import urllib.parse

import pytest
from click.testing import CliRunner
from conftest import TODAY, build, search_text
from PIL import Image

from wenmingsite.commands import report_import
from wenmingsite.commands.cli import main
from wenmingsite.outputs.api import read_activities

MESSY = """\
青溪县XX局创建文明单位工作汇报

各位领导:
    现将我局20__年度创建工作汇报如下.

一、加强领导,健全机制
（一）成立领导小组
局里成立了以局长为组长的领导小组，下设办公室.
（二）制定实施方案
1、明确目标
一是定目标;二是定责任;三是定时限。
2.细化分工
全年召开推进会4次,签订责任书28份。
二,深化志愿服务
(一)组建志愿服务队
注册志愿者120名，全年服务3000余人次，投入经费5万元。
㈡开展结对帮扶
与青石村结对，资助困难学生12名，捐款5640元
四、存在的不足
一是宣传不够;二是资料归档不及时,下一步将
"""


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False, prog_name="wenming")


def bodies(root):
    pages = sorted((root / "docs/report").glob("*.md"))
    return {p.name: p.read_text(encoding="utf-8") for p in pages}


def chars(text: str) -> str:
    return "".join(c for c in text if not c.isspace())


def source_lines(text: str) -> list[report_import.SourceBlock]:
    return [report_import.SourceBlock(line, line=number) for number, line in enumerate(text.split("\n"), 1)]


def notes(imported) -> list[str]:
    return [str(n) for n in imported.notes]


def test_outline_levels_and_no_text_lost():
    blocks = source_lines(MESSY)
    imported = report_import.structure(blocks, "汇报.txt")
    assert [s.title for s in imported.sections] == [
        "前言",
        "一、加强领导,健全机制",
        "二,深化志愿服务",
        "四、存在的不足",
    ]
    levels = [[(b.level, b.text) for b in s.blocks if b.level] for s in imported.sections]
    assert levels[1] == [(2, "（一）成立领导小组"), (2, "（二）制定实施方案"), (3, "1、明确目标"), (3, "2.细化分工")]
    assert levels[2] == [(2, "(一)组建志愿服务队"), (2, "㈡开展结对帮扶")]
    assert imported.title == "青溪县XX局创建文明单位工作汇报"
    assert notes(imported) == [
        "汇报.txt:18: “二,深化志愿服务”的最后一段以“，捐款5640元”结尾，没有句号，像是原文在这里被截断了。请对照原文补全",
        (
            "汇报.txt:19: 一级标题“四、存在的不足”前面缺了第 3 部分（上一个一级标题是“二,深化志愿服务”）。"
            "请核对原文是不是漏了一章，或者编号写错了"
        ),
        "汇报.txt:20: “四、存在的不足”的最后一段以“不及时,下一步将”结尾，没有句号，像是原文在这里被截断了。请对照原文补全",
    ]
    pages = [report_import.to_markdown(s) for s in imported.sections]
    report_import.verify(blocks, pages)  # raises if anything is missing
    text = "".join(pages)
    assert "## （一）成立领导小组" in text and "### 1、明确目标" in text and "### 2.细化分工" in text
    assert "一是宣传不够;二是资料归档不及时,下一步将" in text  # the abrupt end is kept as it is
    assert [f["text"] for f in imported.figures] == [
        "全年召开推进会4次",
        "签订责任书28份",
        "注册志愿者120名",
        "全年服务3000余人次",
        "投入经费5万元",
        "资助困难学生12名",
        "捐款5640元",
    ]


def test_verify_refuses_when_a_character_is_missing():
    blocks = [report_import.SourceBlock("一、标题"), report_import.SourceBlock("正文有十个字的句子。")]
    pages = ["# 一、标题\n\n正文有九个字的句子。\n"]
    with pytest.raises(report_import.ImportRefused) as exc:
        report_import.verify(blocks, pages)
    assert str(exc.value).startswith("导入结果与原文的文字不一致（原文 14 字，结果 14 字")


def test_several_reports_in_one_file_are_refused():
    text = MESSY.replace("四、存在的不足", "三、存在的不足") + "\n第二份汇报\n一、组织领导\n内容。\n"
    with pytest.raises(report_import.ImportRefused) as exc:
        report_import.structure(source_lines(text), "汇报.txt")
    assert str(exc.value) == (
        "汇报.txt:23: 文件里像是有不止一份汇报：“一、组织领导”又从第 1 部分开始"
        "（前面已经到了第 3 部分“三、存在的不足”）。请把每份汇报分别保存为一个文件后再逐个导入"
    )


def test_no_first_level_headings():
    with pytest.raises(report_import.ImportRefused) as exc:
        report_import.structure([report_import.SourceBlock("只有一段没有标题的文字。", line=1)], "汇报.txt")
    assert str(exc.value) == "汇报.txt: 没有找到“一、”“二、”这样的一级标题，无法按章节拆分。请检查汇报的标题格式"


def test_gbk_text_file_imports_and_builds_strict(site, tmp_path):
    root = site({"docs/report/01-first.md": None})
    source = tmp_path / "汇报.txt"
    source.write_bytes(MESSY.replace("XX", "青溪").replace("20__", "2025").encode("gb18030"))
    result = run("import", source, "--root", root)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == (
        "已从 汇报.txt 导入 4 个章节到 docs/report/（二级标题 4 个，三级标题 2 个），原文文字全部保留（标点的改动见下）："
    )
    assert lines[1:6] == [
        "  docs/report/00-前言.md",
        "  docs/report/01-加强领导-健全机制.md",
        "  docs/report/02-深化志愿服务.md",
        "  docs/report/03-存在的不足.md",
        "汉字之间的半角标点已改为全角，共 10 处：“,”改为“，” 4 处、“:”改为“：” 1 处、“;”改为“；” 3 处、"
        "“(”改为“（” 1 处、“)”改为“）” 1 处",
    ]
    assert (
        "汇报.txt:19: 一级标题“四、存在的不足”前面缺了第 3 部分（上一个一级标题是“二，深化志愿服务”）。"
        "请核对原文是不是漏了一章，或者编号写错了"
    ) in lines
    assert lines[-1].startswith("找到 7 个关键数字（例如“全年召开推进会4次”）")
    pages = bodies(root)
    assert chars("".join(pages.values())).count("注册志愿者120名") == 1
    first = pages["01-加强领导-健全机制.md"]
    assert first.startswith('---\ntitle: "一、加强领导，健全机制"\norder: 1\n---\n\n# 一、加强领导，健全机制\n')
    assert (root / "data/key-figures-candidates.yml").is_file()
    result = build(root)
    assert result.returncode == 0, result.stderr
    html = (root / "site/report/01-加强领导-健全机制/index.html").read_text(encoding="utf-8")
    assert "（一）成立领导小组</h2>" in html


def test_placeholders_are_reported_after_import(site, tmp_path):
    root = site({"docs/report/01-first.md": None})
    source = tmp_path / "r.txt"
    source.write_text(MESSY, encoding="utf-8")
    result = run("import", source, "--root", root)
    found = re.findall(
        r"^(docs/report/00-前言\.md):(\d+):(\d+): 这里还是模板占位符“(.+?)”。请换成实际内容后再发布$",
        result.output,
        re.M,
    )
    assert [f[3] for f in found] == ["XX", "20__"]
    # The line and column named are those of the written file (after its front matter), the
    # ones `wenming check` names for the same file.
    lines = (root / "docs/report/00-前言.md").read_text(encoding="utf-8").split("\n")
    for _, line, column, placeholder in found:
        assert lines[int(line) - 1][int(column) - 1 :].startswith(placeholder.replace("__", "\\_\\_"))
    checked = run("check", "--root", root)
    for rel, line, column, placeholder in found:
        assert f"{rel}:{line}:{column}: 这里还是模板占位符“{placeholder}”。请换成实际内容后再发布" in checked.output


def test_existing_sections_are_replaced_only_with_replace(site, tmp_path):
    root = site({"docs/report/02-old.md": "---\ntitle: 旧章节\norder: 2\n---\n\n# 旧章节\n"})
    before = bodies(root)
    source = tmp_path / "r.txt"
    source.write_text(MESSY, encoding="utf-8")
    result = run("import", source, "--root", root)
    assert result.exit_code == 1
    assert (
        "docs/report/ 中已有 2 个章节文件，没有导入（新旧章节不能混在一起）。"
        "如果要用这份汇报换掉原有章节，请加 --replace 重新运行；否则请先把原有章节移走"
    ) in result.output
    assert bodies(root) == before
    result = run("import", source, "--root", root, "--replace")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == "已删除 docs/report/ 中原有的 2 个章节文件（--replace）。"
    assert sorted(bodies(root)) == ["00-前言.md", "01-加强领导-健全机制.md", "02-深化志愿服务.md", "03-存在的不足.md"]
    assert "旧章节" not in "".join(bodies(root).values())


def test_a_refused_replace_keeps_the_old_chapters(site, tmp_path):
    root = site()
    before = bodies(root)
    source = tmp_path / "r.txt"
    source.write_text("只有一段没有标题的文字。\n", encoding="utf-8")
    result = run("import", source, "--root", root, "--replace")
    assert result.exit_code == 1
    assert "r.txt: 没有找到“一、”“二、”这样的一级标题" in result.output
    assert bodies(root) == before


GLUED = """青溪县水务站创建工作汇报
今年以来，我站扎实推进创建工作，现汇报如下:一、抓班子建设，带好队伍。站里调整了创建领导小组，全年获得一、二、三等奖各一项，参加了第二、三轮技能比武，走访群众、开展宣传等等。二、加快发展速度，全年完成投资1200万元。
（一）抓项目落实。全年落实项目5个，道路、水利、供水、绿化、污水处理等重点工程均按计划推进，群众普遍满意。
1.项目管理
项目按月调度。
三、下一步打算
"""


def test_first_level_headings_glued_to_the_previous_paragraph_are_split():
    blocks = source_lines(GLUED)
    imported = report_import.structure(blocks, "水务.txt")
    assert [s.title for s in imported.sections] == [
        "前言",
        "一、抓班子建设，带好队伍。",
        "二、加快发展速度，全年完成投资1200万元。",
        "三、下一步打算",
    ]
    assert [b.text for b in imported.sections[0].blocks] == [
        "青溪县水务站创建工作汇报",
        "今年以来，我站扎实推进创建工作，现汇报如下:",
    ]
    assert [b.text for b in imported.sections[1].blocks] == [
        "站里调整了创建领导小组，全年获得一、二、三等奖各一项，参加了第二、三轮技能比武，走访群众、开展宣传等等。"
    ]
    assert [(b.level, b.text) for b in imported.sections[2].blocks] == [
        (2, "（一）抓项目落实。"),
        (0, "全年落实项目5个，道路、水利、供水、绿化、污水处理等重点工程均按计划推进，群众普遍满意。"),
        (3, "1.项目管理"),
        (0, "项目按月调度。"),
    ]
    assert notes(imported) == ["水务.txt:6: “三、下一步打算”下面没有正文。请核对原文这一章是不是漏掉了或被截断了"]
    pages = [report_import.to_markdown(s) for s in imported.sections]
    report_import.verify(blocks, pages)
    assert "## （一）抓项目落实。\n\n全年落实项目5个" in pages[2] and "### 1.项目管理\n" in pages[2]


def test_a_glued_heading_without_a_sentence_end_is_reported_not_split():
    text = "前言。\n一、组织领导\n成立了领导小组。二、开展志愿服务进社区进农村进学校进企业进机关进家庭进医院进军营进网络进景区活动等十个方面\n"
    imported = report_import.structure(source_lines(text), "r.txt")
    assert [s.title for s in imported.sections] == ["前言", "一、组织领导"]
    assert notes(imported) == [
        (
            "r.txt:3: 这一段中间的“二、开展志愿服务进社区进……”像是一级标题，但它后面 40 字内没有句号，所以没有拆开。"
            "如果它是标题，请在原文里让它另起一段后重新导入"
        ),
        "r.txt:3: “一、组织领导”的最后一段以“区活动等十个方面”结尾，没有句号，像是原文在这里被截断了。请对照原文补全",
    ]


def test_skipped_numbering_names_the_line_and_the_missing_parts():
    text = "三、组织领导\n成立了领导小组。\n四、志愿服务\n（一）服务队\n（三）结对\n资助学生。\n"
    imported = report_import.structure(source_lines(text), "r.txt")
    assert notes(imported) == [
        "r.txt:1: 一级标题“三、组织领导”前面缺了第 1～2 部分（前面没有别的一级标题）。请核对原文是不是漏了一章，或者编号写错了",
        "r.txt:4: “四、志愿服务”下的二级标题编号不连续（1、3）。请核对原文是不是漏了一节，或者编号写错了",
    ]


def test_docx_with_table_image_and_circled_numbers(site, tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("青溪县农技站创建工作汇报")
    document.add_paragraph("一、组织领导")
    document.add_paragraph("㈠领导小组")
    document.add_paragraph("站长任组长，成员 9 人。")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "项目", "数量"
    table.cell(1, 0).text, table.cell(1, 1).text = "培训|场次", "31"
    picture = io.BytesIO()
    Image.new("RGB", (40, 30), (200, 30, 30)).save(picture, "PNG")
    picture.seek(0)
    document.add_picture(picture)
    document.add_paragraph("二、志愿服务")
    document.add_paragraph("全年开展志愿服务12次。")
    source = tmp_path / "汇报.docx"
    document.save(source)
    root = site({"docs/report/01-first.md": None})
    result = run("import", source, "--root", root)
    assert result.exit_code == 0, result.output
    page = bodies(root)["01-组织领导.md"]
    assert "## ㈠领导小组" in page
    assert "| 项目 | 数量 |\n|---|---|\n| 培训\\|场次 | 31 |" in page
    assert "![汇报附图 1](images/图1.png)" in page
    assert (root / "docs/report/images/图1.png").is_file()
    assert build(root).returncode == 0


def test_old_word_files_get_a_clear_message(tmp_path):
    (tmp_path / "r.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(report_import.ImportRefused) as exc:
        report_import.read_source(tmp_path / "r.doc")
    assert str(exc.value) == "r.doc 是旧版 Word（.doc）文件。请在 Word 或 WPS 中“另存为 .docx”后再导入"


def test_print_page_holds_the_whole_showcase(tmp_path):
    from conftest import REPO, run_mkdocs

    out = tmp_path / "site"
    assert run_mkdocs(REPO, "build", "--strict", "--site-dir", str(out)).returncode == 0
    page = (out / "print/index.html").read_text(encoding="utf-8")
    assert '<h1 class="ws-print-cover__name">青溪市农业技术推广中心</h1>' in page
    toc = re.search(r'<nav class="ws-print-toc".*?</nav>', page, re.S).group(0)
    # Ten report sections; figures, coverage, honours, organisation, volunteering, people, appendix.
    assert toc.count("<li>") == 10 + 7
    for part in ("p-stats", "p-coverage", "p-honours", "p-organization", "p-volunteer", "p-people", "p-appendix"):
        assert f'id="{part}"' in page
    assert page.count('<section class="ws-print-part"') == 17
    assert "（一）领导重视，责任到人" in page  # the report's own text
    assert 'class="ws-chart"' in page and "测评项目佐证一览" in page
    appendix = re.search(r'id="p-appendix">.*?</section>', page, re.S).group(0)
    # One photo per activity that has photos, in the appendix.
    records = read_activities(out)
    assert appendix.count("<img ") == sum(1 for r in records if r["photos"]) >= 30
    for src in re.findall(r'<img src="([^"]+)"', appendix):
        assert (out / "print" / src).resolve().is_file()
    assert '"location":"print/' not in search_text(out)


def word_numbering(document, levels: list[tuple[str, str]]) -> str:
    """Add a numbering definition (numFmt, lvlText per level) to the document; its numId."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import qn

    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    numbering = document.part.numbering_part.element
    lvls = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/></w:lvl>'
        for i, (fmt, text) in enumerate(levels)
    )
    abstract_id = str(90 + len(numbering.findall(qn("w:abstractNum"))))
    num_id = str(int(abstract_id) + 10)
    abstract = parse_xml(f'<w:abstractNum {ns} w:abstractNumId="{abstract_id}">{lvls}</w:abstractNum>')
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)  # abstract definitions come before the w:num elements
    else:
        numbering.append(abstract)
    numbering.append(parse_xml(f'<w:num {ns} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/></w:num>'))
    return num_id


def numbered(paragraph, num_id: str, level: int = 0):
    from docx.oxml import parse_xml

    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    paragraph._p.get_or_add_pPr().append(
        parse_xml(f'<w:numPr {ns}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>')
    )
    return paragraph


def test_docx_word_numbering_and_heading_styles_are_kept(site, tmp_path):
    import docx

    document = docx.Document()
    outline = word_numbering(document, [("chineseCounting", "%1、"), ("chineseCounting", "（%2）"), ("decimal", "%3.")])
    items = word_numbering(document, [("decimal", "%1、")])
    document.add_paragraph("青溪县农技站创建工作汇报")
    document.add_paragraph("现将有关情况汇报如下：")
    numbered(document.add_paragraph("组织领导", style="Heading 1"), outline)
    numbered(document.add_paragraph("领导小组", style="Heading 2"), outline, 1)
    document.add_paragraph("站长任组长。")
    numbered(document.add_paragraph("完善制度", style="Heading 2"), outline, 1)
    numbered(document.add_paragraph("修订考勤制度。"), items)
    numbered(document.add_paragraph("修订学习制度。"), items)
    numbered(document.add_paragraph("志愿服务", style="Heading 1"), outline)
    numbered(document.add_paragraph("服务队", style="Heading 3"), outline, 2)
    document.add_paragraph("全年开展志愿服务12次。")
    document.add_paragraph("取得的成效", style="Heading 1")  # a heading style without any number
    document.add_paragraph("群众满意。")
    source = tmp_path / "汇报.docx"
    document.save(source)

    blocks = report_import.read_source(source)
    imported = report_import.structure(blocks, source.name)
    assert [s.title for s in imported.sections] == ["前言", "一、组织领导", "二、志愿服务", "取得的成效"]
    assert [(b.level, b.text) for b in imported.sections[1].blocks] == [
        (2, "（一）领导小组"),
        (0, "站长任组长。"),
        (2, "（二）完善制度"),
        (0, "1、修订考勤制度。"),
        (0, "2、修订学习制度。"),
    ]
    assert [(b.level, b.text) for b in imported.sections[2].blocks] == [(3, "1.服务队"), (0, "全年开展志愿服务12次。")]
    assert notes(imported) == []
    pages = [report_import.to_markdown(s) for s in imported.sections]
    report_import.verify(blocks, pages)
    assert "1、修订考勤制度。\n\n2、修订学习制度。" in pages[1]

    root = site({"docs/report/01-first.md": None})
    result = run("import", source, "--root", root)
    assert result.exit_code == 0, result.output
    # 服务队 is a Heading 3 right below a Heading 1: written as ## (no level skipped), and said so.
    assert result.output.splitlines()[0] == (
        "已从 汇报.docx 导入 4 个章节到 docs/report/（二级标题 3 个，三级标题 0 个），原文文字全部保留："
    )
    assert (
        "docs/report/02-志愿服务.md：“二、志愿服务”下的 1 个三级标题前面没有二级标题，已作为二级标题（标题不跳级）"
    ) in result.output.splitlines()
    assert sorted(bodies(root)) == ["00-前言.md", "01-组织领导.md", "02-志愿服务.md", "03-取得的成效.md"]
    assert "## （二）完善制度\n\n1、修订考勤制度。" in bodies(root)["01-组织领导.md"]
    assert "# 二、志愿服务\n\n## 1.服务队\n\n全年开展志愿服务12次。" in bodies(root)["02-志愿服务.md"]


def test_docx_notes_name_the_paragraph():
    import docx

    document = docx.Document()
    document.add_paragraph("一、组织领导")
    document.add_paragraph("成立了领导小组。")
    table = document.add_table(rows=1, cols=1)
    table.cell(0, 0).text = "表"
    document.add_paragraph("三、志愿服务")
    path = __import__("pathlib").Path(__import__("tempfile").mkdtemp()) / "r.docx"
    document.save(path)
    imported = report_import.structure(report_import.read_source(path), "r.docx")
    assert notes(imported) == [
        "r.docx:4: 一级标题“三、志愿服务”前面缺了第 2 部分（上一个一级标题是“一、组织领导”）。请核对原文是不是漏了一章，或者编号写错了",
        "r.docx:4: “三、志愿服务”下面没有正文。请核对原文这一章是不是漏掉了或被截断了",
    ]


def test_word_number_formats():
    assert [report_import.format_number(n, "chineseCounting") for n in (1, 10, 12, 20, 23)] == [
        "一",
        "十",
        "十二",
        "二十",
        "二十三",
    ]
    assert report_import.format_number(3, "ideographEnclosedCircle") == "㈢"
    assert report_import.format_number(2, "decimalEnclosedCircle") == "②"
    assert report_import.format_number(4, "upperRoman") == "IV"
    assert report_import.format_number(2, "ideographTraditional") == "乙"


# --- a new unit: init, import, build ----------------------------------------------------

INIT = [
    "--name",
    "松川县水文站",
    "--short-name",
    "松川水文站",
    "--title-sought",
    "县级文明单位",
    "--term-start",
    "2025-01-01",
    "--term-end",
    "2027-12-31",
]

# A fictional unit's report, written for these tests in the way such reports are written.
HYDROLOGY = [
    "松川县水文站创建县级文明单位工作汇报",
    "县文明委检查组各位领导：",
    "近年来，我站在县委、县政府和市水文局的领导下，坚持把精神文明建设与水文测报业务同部署、同落实，"
    "现将创建工作汇报如下：",
    "一、强化组织领导，完善创建机制",
    "（一）健全领导机构",
    "站里成立了由站长任组长、副站长任副组长、各科室负责人为成员的创建工作领导小组，下设办公室负责日常工作。",
    "（二）落实工作责任",
    "制定《松川县水文站创建县级文明单位实施方案》，将创建任务分解到科室、落实到人，全年召开创建推进会4次。",
    "二、加强思想道德建设，提升职工素质",
    "（一）深化理论学习",
    "坚持每月一次集中学习，全年组织专题学习12次，参加职工320人次。",
    "（二）弘扬志愿精神",
    "组建“水文先锋”志愿服务队，注册志愿者26名，开展防汛知识进社区、进校园活动9场。",
    "三、立足水文主业，优化窗口服务",
    "（一）做好汛期测报",
    "汛期实行24小时值班，及时发布水情信息150余期，为防汛决策提供了可靠依据。",
    "（二）规范服务流程",
    "公开服务承诺和办事流程，全年受理资料查询86件，群众满意率达到98%。",
    "四、存在的不足和下一步打算",
    "一是创建宣传的形式还不够丰富；二是志愿服务的常态化机制有待完善。下一步，我站将对照测评体系查漏补缺，"
    "推动创建工作再上新台阶。",
]


def docx_report(path, paragraphs):
    import docx

    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    document.save(path)
    return path


def init_unit(tmp_path):
    root = tmp_path / "松川水文站网站"
    result = run("init", root, *INIT)
    assert result.exit_code == 0, result.output
    return root


def approve_chapters(root):
    """A unit made by init has review on: its approver signs the imported chapters off."""
    chapters = sorted(f"docs/report/{p.name}" for p in (root / "docs/report").glob("*.md"))
    result = run("approve", *chapters, "--by", "示例审核人", "--date", TODAY.isoformat(), "--root", root)
    assert result.exit_code == 0, result.output


def index_targets(root):
    text = (root / "docs/index.md").read_text(encoding="utf-8")
    return re.findall(r"\]\((report/[^)]+)\)", text)


def test_init_import_replace_and_build(tmp_path):
    root = init_unit(tmp_path)
    assert index_targets(root) == ["report/01-组织领导.md"]
    source = docx_report(tmp_path / "汇报.docx", HYDROLOGY)
    # The sample chapter of init is replaced without --replace, and the home page follows.
    result = run("import", source, "--root", root)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[:3] == [
        "docs/index.md:12: 链接 report/01-组织领导.md 已改为 report/01-强化组织领导-完善创建机制.md",
        "docs/report/01-组织领导.md 是 wenming init 生成的示例章节，还没有改写过，已换成这次导入的章节。",
        "已从 汇报.docx 导入 5 个章节到 docs/report/（二级标题 6 个，三级标题 0 个），原文文字全部保留：",
    ]
    assert sorted(bodies(root)) == [
        "00-前言.md",
        "01-强化组织领导-完善创建机制.md",
        "02-加强思想道德建设-提升职工素质.md",
        "03-立足水文主业-优化窗口服务.md",
        "04-存在的不足和下一步打算.md",
    ]
    assert index_targets(root) == ["report/01-强化组织领导-完善创建机制.md"]
    assert (
        "开启了发布审核（data/unit.yml 的 review）：导入的 5 个章节待审核，审核前正式网站不发布它们，"
        "链接到它们的页面也无法构建。审核人确认后运行 wenming approve docs/report/*.md --by 姓名"
    ) in lines
    approve_chapters(root)
    built = build(root)
    assert built.returncode == 0, built.stderr
    assert (root / "site/report/01-强化组织领导-完善创建机制/index.html").is_file()

    # The imported chapters are the unit's own now: a second import asks for --replace.
    revised = [t.replace("一、强化组织领导，完善创建机制", "一、加强组织领导，健全工作机制") for t in HYDROLOGY]
    source = docx_report(tmp_path / "汇报（修改稿）.docx", revised)
    before = bodies(root)
    result = run("import", source, "--root", root)
    assert result.exit_code == 1
    assert "docs/report/ 中已有 5 个章节文件，没有导入（新旧章节不能混在一起）。" in result.output
    assert bodies(root) == before
    result = run("import", source, "--root", root, "--replace")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[:2] == [
        "docs/index.md:12: 链接 report/01-强化组织领导-完善创建机制.md 已改为 report/01-加强组织领导-健全工作机制.md",
        "已删除 docs/report/ 中原有的 5 个章节文件（--replace）。",
    ]
    (target,) = index_targets(root)
    assert (root / "docs" / target).is_file()
    approve_chapters(root)
    built = build(root)
    assert built.returncode == 0, built.stderr
    home = (root / "site/index.html").read_text(encoding="utf-8")
    link = re.search(r'<a href="([^"]+)">创建汇报</a>', home).group(1)
    assert urllib.parse.unquote(link) == "report/01-加强组织领导-健全工作机制/"
    assert (root / "site" / urllib.parse.unquote(link) / "index.html").is_file()


def test_an_edited_sample_chapter_is_the_units_own(tmp_path):
    root = init_unit(tmp_path)
    sample = root / "docs/report/01-组织领导.md"
    text = sample.read_text(encoding="utf-8")
    sample.write_bytes(text.replace("\n", "\r\n").encode("utf-8"))  # line ends alone change nothing
    assert report_import.is_init_sample(sample.read_bytes())
    # A sentence added in front of the unit's name is an edit, not a longer name.
    sample.write_text(text.replace("松川水文站把", "站党支部高度重视。松川水文站把"), encoding="utf-8")
    assert not report_import.is_init_sample(sample.read_bytes())
    source = docx_report(tmp_path / "汇报.docx", HYDROLOGY)
    result = run("import", source, "--root", root)
    assert result.exit_code == 1
    assert "docs/report/ 中已有 1 个章节文件，没有导入" in result.output
    assert "站党支部高度重视" in sample.read_text(encoding="utf-8")


def test_links_from_subfolders_anchors_references_and_nav_follow_the_chapter(tmp_path):
    root = init_unit(tmp_path)
    about = root / "docs/about/index.md"
    about.parent.mkdir()
    about.write_bytes(
        (
            "---\ntitle: 关于我们\n---\n\n"
            '请先读[汇报第一章](../report/01-组织领导.md#一领导重视责任到人 "第一章")，'
            "再看[前言](../report/00-前言.md)以外的内容。\n\n"
            "[汇报][chapter]\n\n"
            "[chapter]: <../report/01-组织领导.md>\n"
        )
        .replace("\n", "\r\n")
        .encode("utf-8")
    )
    mkdocs = root / "mkdocs.yml"
    config = mkdocs.read_text(encoding="utf-8")
    nav = "  - 创建汇报: report/   # 由 wenming 插件按各章 front matter 中的 order 自动展开\n"
    assert nav in config
    mkdocs.write_text(
        config.replace(nav, "  - 创建汇报:\n      - 组织领导: report/01-组织领导.md\n  - 关于我们: about/index.md\n"),
        encoding="utf-8",
    )
    source = docx_report(tmp_path / "汇报.docx", HYDROLOGY)
    result = run("import", source, "--root", root)
    assert result.exit_code == 0, result.output
    new = "01-强化组织领导-完善创建机制"
    assert result.output.splitlines()[:5] == [
        f"docs/about/index.md:5: 链接 ../report/01-组织领导.md#一领导重视责任到人 已改为 ../report/{new}.md"
        "（原来指向的位置 #一领导重视责任到人 在删除的章节里，改为指向新章节的开头）",
        f"docs/about/index.md:9: 链接 ../report/01-组织领导.md 已改为 ../report/{new}.md",
        f"docs/index.md:12: 链接 report/01-组织领导.md 已改为 report/{new}.md",
        f"mkdocs.yml:71: 导航 report/01-组织领导.md 已改为 report/{new}.md",
        "docs/report/01-组织领导.md 是 wenming init 生成的示例章节，还没有改写过，已换成这次导入的章节。",
    ]
    assert about.read_bytes().decode("utf-8") == (
        "---\r\ntitle: 关于我们\r\n---\r\n\r\n"
        f'请先读[汇报第一章](../report/{new}.md "第一章")，'
        "再看[前言](../report/00-前言.md)以外的内容。\r\n\r\n"
        "[汇报][chapter]\r\n\r\n"
        f"[chapter]: <../report/{new}.md>\r\n"
    )
    assert f"      - 组织领导: report/{new}.md\n" in mkdocs.read_text(encoding="utf-8")
    approve_chapters(root)
    built = build(root)
    assert built.returncode == 0, built.stderr


def test_links_that_cannot_follow_stop_the_import_before_anything_changes(tmp_path):
    root = init_unit(tmp_path)
    (root / "docs/about").mkdir()
    (root / "docs/about/index.md").write_text(
        '---\ntitle: 关于我们\n---\n\n<a href="../report/01-组织领导/">汇报</a>\n\n[跨行的\n链接](../report/01-组织领导.md)\n',
        encoding="utf-8",
    )
    files = {p: p.read_bytes() for p in root.rglob("*") if p.is_file()}
    source = docx_report(tmp_path / "汇报.docx", HYDROLOGY)
    result = run("import", source, "--root", root)
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        "docs/about/index.md:5:4: HTML 标签里的链接 ../report/01-组织领导/ 指向要删除的 docs/report/01-组织领导.md，"
        "无法自动修改。请把它改成 Markdown 链接 [文字](路径) 或删掉，再重新导入",
        "docs/about/index.md:8: 这一行提到了要删除的“01-组织领导.md”，但不是能自动修改的链接（链接跨行或写法特殊）。"
        "请把它改成一行里的 [文字](路径) 或删掉，再重新导入",
        "错误：有 2 处链接无法自动改到新章节（见上面各行）。为了不让它们失效，没有删除、导入或修改任何文件。"
        "请按各行的提示修改后重新导入",
    ]
    assert {p: p.read_bytes() for p in root.rglob("*") if p.is_file()} == files


def test_replace_keeps_images_other_pages_still_show(site, tmp_path):
    root = site(
        {
            "docs/report/images/图1.png": b"\x89PNG\r\n\x1a\n",
            "docs/index.md": "---\ntitle: 首页\n---\n\n![照片](report/images/图1.png)\n",
        }
    )
    source = tmp_path / "r.txt"
    source.write_text("一、组织领导\n成立了领导小组。\n", encoding="utf-8")
    result = run("import", source, "--root", root, "--replace")
    assert result.exit_code == 1
    assert (
        "docs/index.md:5:7: 链接 report/images/图1.png 指向 docs/report/images/图1.png，--replace 会删除原有章节的图片。"
        "请先把这个文件复制到别处（例如 docs/assets/）并改好链接，再重新导入"
    ) in result.output
    assert (root / "docs/report/images/图1.png").is_file() and (root / "docs/report/01-first.md").is_file()


def test_nav_entries_that_would_name_one_chapter_twice_stop_the_import(site, tmp_path):
    from conftest import MKDOCS_YML

    root = site(
        {
            "mkdocs.yml": MKDOCS_YML.replace(
                "  - 创建汇报: report/\n",
                "  - 创建汇报:\n      - 组织领导: report/01-first.md\n      - 旧章节: report/02-old.md\n",
            ),
            "docs/report/02-old.md": "---\ntitle: 旧章节\norder: 2\n---\n\n# 旧章节\n\n正文。\n",
        }
    )
    files = {p: p.read_bytes() for p in root.rglob("*") if p.is_file()}
    source = tmp_path / "r.txt"
    source.write_text("一、组织领导\n成立了领导小组。\n", encoding="utf-8")
    result = run("import", source, "--root", root, "--replace")
    assert result.exit_code == 1
    assert result.output.splitlines()[0] == (
        "mkdocs.yml:21: 导航里的 report/02-old.md 要改成 report/00-组织领导.md，但导航里已经有（或同时会有）这一章，"
        "会重复出现。建议把导航中逐个列出的汇报章节换成一行“- 创建汇报: report/”（按章节顺序自动展开），再重新导入"
    )
    assert {p: p.read_bytes() for p in root.rglob("*") if p.is_file()} == files


def test_suggested_criteria_wait_for_review_before_they_count(tmp_path):
    """Criteria found by keywords are a suggestion: commented out in the chapter, named in a
    notice by check and the build, and nowhere in the criteria table, /print/ or the pack's
    sources until an editor takes the # away."""
    root = init_unit(tmp_path)
    source = tmp_path / "汇报.txt"
    source.write_text("\n".join(HYDROLOGY) + "\n", encoding="utf-8")
    result = run("import", source, "--root", root)
    assert result.exit_code == 0, result.output
    assert (
        "4 个章节对应的测评项目是按关键词推荐的，写在章节开头的注释里，核对前不计入测评对照和迎检材料。"
        "请逐章核对：对的去掉“# criteria:”行首的“# ”，不对的删掉"
    ) in result.output.splitlines()
    chapter = root / "docs/report/02-加强思想道德建设-提升职工素质.md"
    text = chapter.read_text(encoding="utf-8")
    suggested = re.search(r"(?m)^# criteria: \[(.+)\]$", text)
    assert suggested, text
    assert text.splitlines()[3] == "# wenming import 按关键词推荐的测评项目，还没有核对"
    approve_chapters(root)
    built = build(root)
    assert built.returncode == 0, built.stderr
    notice = (
        "提示 docs/report/02-加强思想道德建设-提升职工素质.md:4: 这一章的测评项目是 wenming import 按关键词推荐的，"
        "还没有核对，不计入测评对照和迎检材料。请核对：对的去掉下一行行首的“# ”，不对的删掉，然后删掉这一行注释"
    )
    assert notice in built.stderr
    coverage = (root / "site/criteria/index.html").read_text(encoding="utf-8")
    printed = (root / "site/print/index.html").read_text(encoding="utf-8")
    assert "个汇报章节" not in coverage and "汇报章节：" not in coverage
    assert "汇报章节：" not in printed

    # Checked: the editor takes the # away (and the mark line), and the chapter counts.
    chapter.write_text(
        text.replace("# wenming import 按关键词推荐的测评项目，还没有核对\n", "").replace("# criteria:", "criteria:"),
        encoding="utf-8",
    )
    approve_chapters(root)
    built = build(root)
    assert built.returncode == 0, built.stderr
    assert "02-加强思想道德建设-提升职工素质.md:4" not in built.stderr
    coverage = (root / "site/criteria/index.html").read_text(encoding="utf-8")
    assert "1 个汇报章节" in coverage and "加强思想道德建设，提升职工素质</a>" in coverage


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("一、加强领导,健全机制", "一、加强领导，健全机制"),
        ("各位领导:", "各位领导："),
        ("(一)组建服务队", "（一）组建服务队"),
        ("（二)开展帮扶", "（二）开展帮扶"),
        ('开展"文明礼仪"答题', "开展“文明礼仪”答题"),
        ("全年4次,签订责任书", "全年4次，签订责任书"),
        ("时间:9:30开始", "时间：9:30开始"),  # the time keeps its colon
        ("捐款1,000元", "捐款1,000元"),  # a thousands separator is not a comma
        ("使用Word,Excel等软件", "使用Word,Excel等软件"),
        ("见附件.", "见附件."),  # a full stop may be a decimal point or an abbreviation: left
    ],
)
def test_half_width_punctuation_between_chinese_becomes_full_width(typed, shown):
    assert report_import.full_width(typed)[0] == shown


FIGURES = """\
一、强化宣传教育
一是印发《文明出行倡议书》、《职工文明手册》等宣传资料3万余份;二是更新消防安全、节约用水等专题展板8期,
同时编写了预约挂号、住院结算等3个窗口服务规范。职工知晓率达到100%满意度98%以上,近2000人次参加义诊。
"""


def test_key_figure_candidates_are_whole_phrases_and_keep_their_approximation(site, tmp_path):
    root = site({"docs/report/01-first.md": None})
    source = tmp_path / "r.txt"
    source.write_text(FIGURES, encoding="utf-8")
    result = run("import", source, "--root", root)
    assert "找到 6 个关键数字（例如“宣传资料3万余份”），已列在 data/key-figures-candidates.yml，请挑选后写入数据。" in (
        result.output
    )
    written = (root / "data/key-figures-candidates.yml").read_text(encoding="utf-8")
    entries = re.findall(
        r'  text: "(.*)"\n  figure: "(.*)"\n  value: "(.*)"\n  unit: "(.*)"\n  approximate: (true|false)', written
    )
    assert entries == [
        # "5万余份" is some 3 万 copies and more, not 3 万: the figure keeps its 余.
        ("宣传资料3万余份", "3万余份", "3", "万份", "true"),
        # A phrase starts at a word: after the list ("…等"), never inside a word.
        ("专题展板8期", "8期", "8", "期", "false"),
        # "3个" says what it counts.
        ("3个窗口服务规范", "3个", "3", "个", "false"),
        ("职工知晓率达到100%", "100%", "100", "%", "false"),
        ("满意度98%以上", "98%以上", "98", "%", "true"),
        ("近2000人次", "近2000人次", "2000", "人次", "true"),
    ]


def test_key_figures_count_cases_and_leave_ordinals_out():
    """件 and 件次 count (cases handled, items given); 第3个 is an ordinal, not three of anything."""
    found = report_import.find_figures("每月第3个周一举行升旗仪式，共接待群众来访300件次，办结280件。")
    assert [(f["text"], f["figure"], f["unit"]) for f in found] == [
        ("接待群众来访300件次", "300件次", "件次"),
        ("办结280件", "280件", "件"),
    ]


def test_an_imported_preface_without_a_heading_looks_like_the_other_chapters(site, tmp_path):
    """The text before "一、" becomes 前言, a chapter with no heading of its own: its title
    stands below the trail and the byline, where the other chapters' own heading does, not
    above the trail (where Material would put it)."""
    root = site({"docs/report/01-first.md": None})
    source = tmp_path / "r.txt"
    source.write_text(MESSY.replace("XX", "青溪").replace("20__", "2025"), encoding="utf-8")
    assert run("import", source, "--root", root).exit_code == 0
    result = build(root)
    assert result.returncode == 0, result.stderr

    def top(page: str) -> list[str]:
        html = (root / "site/report" / page / "index.html").read_text(encoding="utf-8")
        article = html[html.index('<nav class="ws-crumbs"') :]
        return re.findall(r'<nav class="ws-crumbs"|<p class="ws-byline"|<h1[^>]*>[^<]*</h1>', article)[:3]

    assert top("00-前言") == ['<nav class="ws-crumbs"', '<p class="ws-byline"', "<h1 data-search-exclude>前言</h1>"]
    preface = (root / "site/report/00-前言/index.html").read_text(encoding="utf-8")
    assert preface.count("<h1") == 1
    assert top("01-加强领导-健全机制")[:2] == ['<nav class="ws-crumbs"', '<p class="ws-byline"']
    assert top("01-加强领导-健全机制")[2].endswith(">一、加强领导，健全机制</h1>")
