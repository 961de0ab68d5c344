"""Sensitive personal information next to a private person's name stops publication until the
text is changed or the material acknowledges it (issue 28, wenmingsite.gate.sensitive).

Messages are asserted exactly; the labelled sentences keep precision and recall above what
was measured (bench/sensitive_quality.py prints them).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from conftest import REPO, TODAY, run_mkdocs

import wenmingsite
from wenmingsite.gate import sensitive

sys.path.insert(0, str(REPO / "bench"))
import sensitive_quality  # noqa: E402

PAGE = "docs/activities/2024-04-02-捐款.md"
HEAD = "---\ntitle: 爱心捐款\ndate: 2024-04-02\ncategory: 志愿服务\n{extra}---\n\n"
BODY = "青溪小学三年级（2）班的王小明同学患白血病，全体职工为他捐款。\n"
PAGE_MESSAGE = (
    f"{PAGE}:7:1: 提示：“王小明”旁边写有未成年人的学校或班级“青溪小学三年级（2）班”和健康状况“白血病”，"
    "这是敏感个人信息，公开发布须经本人同意（未成年人须经监护人同意）。"
    "请改写这句话：去掉姓名（如“一名职工”“张某”）或删去这一细节；确已征得同意、经审核可以公开的，"
    "在本页开头的 front matter 里加一行 sensitive_ok: 已征得本人同意（写明依据）"
)
LOG = "data/activities/2024.yml"
LOG_TEXT = """\
activities:
  - title: 走访慰问困难群众
    date: 2024-02-01
    category: 志愿服务
    summary: 慰问了低保户张大爷，送去米面油。
  - title: 看望老职工
    date: 2024-02-03
    category: 志愿服务
    summary: 退休职工刘桂兰身患癌症，工会主席带队上门看望。
    sensitive_ok: 已征得本人同意
"""


def problems(root) -> list[str]:
    _, found = wenmingsite.load(root, today=TODAY)
    return [str(p) for p in found]


def page(extra: str = "", body: str = BODY) -> dict:
    return {PAGE: HEAD.format(extra=extra) + body}


def test_named_pupil_with_school_and_illness_is_one_line_naming_both(site):
    assert problems(site(page())) == [PAGE_MESSAGE]


def test_acknowledged_page_passes_and_the_reviewer_sees_what_was_acknowledged(site):
    from click.testing import CliRunner

    from wenmingsite.commands.cli import main

    root = site(page("sensitive_ok: 已征得王小明家长书面同意\n"))
    assert problems(root) == []
    result = CliRunner().invoke(main, ["check", "--root", str(root), "--no-images", "--date", TODAY.isoformat()])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == (
        f"提示 {PAGE}:8:1: 已确认公开的敏感个人信息：“王小明”旁边写有“青溪小学三年级（2）班”、“白血病”"
        "（sensitive_ok: 已征得王小明家长书面同意）。审核时请核对确已征得同意"
    )


@pytest.mark.parametrize(
    "value, reason",
    [
        (
            "true",
            "写的是“true”。请写明可以公开的依据，例如 sensitive_ok: 已征得本人同意；还没有征得同意时请改写文字，不要写这一行",
        ),
        ("未征得同意", "写的是“未征得同意”：还没有征得同意时，请改写文字（去掉姓名或这一细节），并删去这一行"),
    ],
)
def test_an_acknowledgement_without_a_ground_is_refused_and_acknowledges_nothing(site, value, reason):
    assert problems(site(page(f"sensitive_ok: {value}\n"))) == [
        f"{PAGE}:5:15: 敏感信息确认（sensitive_ok）：{reason}",
        PAGE_MESSAGE.replace(":7:1:", ":8:1:"),
    ]


def test_chinese_key_is_pointed_to_the_field(site):
    found = problems(site(page("敏感信息确认: 已征得本人同意\n")))
    assert found[0] == f"{PAGE}:5:1: 未知字段“敏感信息确认”，是不是想写 sensitive_ok？"


def test_data_entries_are_acknowledged_one_by_one(site):
    assert problems(site({LOG: LOG_TEXT})) == [
        f"{LOG}:5:17: 提示：“张大爷”旁边写有困难身份“低保”，这是敏感个人信息，"
        "公开发布须经本人同意（未成年人须经监护人同意）。请改写这句话：去掉姓名（如“一名职工”“张某”）或删去这一细节；"
        "确已征得同意、经审核可以公开的，在这一条里（与 title 等字段对齐）加一行 sensitive_ok: 已征得本人同意（写明依据）"
    ]


def test_text_outside_any_entry_can_only_be_changed(site):
    root = site()
    unit = root / "data/unit.yml"
    unit.write_text(
        unit.read_text(encoding="utf-8") + "address: 青溪路1号（退休职工刘桂兰患癌症后捐出的旧宅）\n", encoding="utf-8"
    )
    found = [p for p in problems(root) if "提示：" in p]
    assert len(found) == 1 and found[0].startswith("data/unit.yml:")
    assert found[0].endswith("请改写这句话：去掉姓名（如“一名职工”“张某”）或删去这一细节（这里不能标注确认，只能改写）")


def test_unit_terms_and_exceptions(site):
    files = {
        "data/sensitive.yml": "terms:\n  - 矽肺\nignore:\n  - 周大伟劳模工作室\n敏感词: [尘肺]\n",
        "docs/index.md": "---\ntitle: 首页\n---\n\n退休职工周大伟患矽肺多年。\n\n周大伟劳模工作室设在住院部旁边。\n",
    }
    assert problems(site(files)) == [
        "data/sensitive.yml:5:1: 未知字段“敏感词”，是不是想写 terms？",
        "docs/index.md:5:5: 提示：“周大伟”旁边写有本单位列出的敏感信息“矽肺”，这是敏感个人信息，"
        "公开发布须经本人同意（未成年人须经监护人同意）。请改写这句话：去掉姓名（如“一名职工”“张某”）或删去这一细节；"
        "确已征得同意、经审核可以公开的，在本页开头的 front matter 里加一行 sensitive_ok: 已征得本人同意（写明依据）",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "为低保户送温暖，为困难群众办实事。",
        "县残疾人联合会理事长刘建国出席活动。",
        "民政局低保科的工作人员现场解答群众咨询。",
        "中心主任李明带队慰问了辖区内的低保户。",
        "焦裕禄同志身患肝癌仍坚持工作，他的精神激励着我们。",
        "张某因交通事故受伤，单位及时送医。",
        "三年级班主任王老师组织学生参观科技馆。",
    ],
)
def test_policy_institutions_public_figures_staff_and_anonymised_text_pass(text):
    assert sensitive.find(text) == []


def test_precision_and_recall_stay_above_what_was_measured():
    result = sensitive_quality.measure()
    overall = result["parts"]["全部"]
    held_out = result["parts"]["留出二（修正后才写，只测一次，未再调整）"]
    assert overall["sentences"] >= 150 and overall["sensitive"] >= 75 and held_out["sentences"] == 50
    # Measured: overall 1.000 / 0.969 on 263 sentences; never tuned on: 1.000 / 0.840 on 50.
    assert overall["precision"] >= 0.97 and overall["recall"] >= 0.95
    assert held_out["precision"] >= 0.95 and held_out["recall"] >= 0.8


def test_the_demo_has_no_unacknowledged_detail():
    content, found = wenmingsite.load(REPO, today=TODAY)
    assert [str(p) for p in found if "敏感个人信息" in p.message] == []


def test_strict_build_stops_until_acknowledged_then_publishes(site):
    root = site(page())
    failed = run_mkdocs(root, "build", "--strict")
    assert failed.returncode == 1
    assert f"ERROR   -  wenming: {PAGE_MESSAGE}" in failed.stderr
    assert not (root / "site").exists()
    Path(root / PAGE).write_text(HEAD.format(extra="sensitive_ok: 已征得王小明家长书面同意\n") + BODY, encoding="utf-8")
    built = run_mkdocs(root, "build", "--strict")
    assert built.returncode == 0, built.stderr
    html = (root / "site/activities/2024-04-02-捐款/index.html").read_text(encoding="utf-8")
    assert "王小明同学患白血病" in html and "已征得" not in html
    # The acknowledgement is for the reviewer: no output carries it.
    assert [p.name for p in (root / "site").rglob("*") if p.is_file() and "已征得".encode() in p.read_bytes()] == []


def test_imported_report_names_the_line_at_once(site, tmp_path):
    from click.testing import CliRunner

    from wenmingsite.commands.cli import main

    root = site({"docs/report/01-first.md": None})
    source = tmp_path / "汇报.txt"
    source.write_text(
        "一、组织领导\n中心成立创建工作领导小组。\n二、帮扶共建\n结对帮扶的困难户刘长江今年实现了脱贫。\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["import", str(source), "--root", str(root)], catch_exceptions=False)
    hits = [line for line in result.output.splitlines() if "提示：" in line]
    assert len(hits) == 1 and hits[0].startswith("docs/report/01-帮扶共建.md:8:6: ")
    assert "“刘长江”旁边写有困难身份“困难户”" in hits[0]
    # The build says the same about the imported chapter.
    assert [p for p in problems(root) if "提示：" in p] == hits


def test_remembered_hits_follow_the_units_terms(site):
    """Hits are kept per text in .cache/sensitive/; a term added to data/sensitive.yml is
    found in a text that was remembered as clean."""
    root = site({"docs/index.md": "---\ntitle: 首页\n---\n\n退休职工周大伟患矽肺多年。\n"})
    assert problems(root) == problems(root) == []
    assert len(list((root / ".cache" / "sensitive").glob("*.json"))) == 1
    (root / "data" / "sensitive.yml").write_text("terms: [矽肺]\n", encoding="utf-8")
    assert [p.split(": ", 1)[0] for p in problems(root)] == ["docs/index.md:5:5"]
    assert len(list((root / ".cache" / "sensitive").glob("*.json"))) == 1


DOCS_YML = "data/documents.yml"
DOC_SENTENCE = "退休职工刘桂兰身患癌症，工会主席带队上门看望。"
DOC_TAIL = "请改写这句话：去掉姓名（如“一名职工”“张某”）或删去这一细节；确已征得同意、经审核可以公开的，"


def _entry(path: str, extra: str = "") -> str:
    return f"- title: 慰问名单\n  issued: 2024-02-01\n  file: {path}\n{extra}"


def _workbook(rows) -> bytes:
    import io

    import openpyxl

    book = openpyxl.Workbook()
    book.active.title = "慰问"
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_a_word_file_is_read_like_a_page_and_acknowledged_by_its_entry(site):
    """A document is published as it is: what a reader reads in it is checked like a page, and
    its entry in data/documents.yml is where the acknowledgement goes."""
    from conftest import small_docx

    docx = "docs/documents/慰问名单.docx"
    files = {DOCS_YML: _entry("documents/慰问名单.docx"), docx: small_docx(DOC_SENTENCE)}
    assert problems(site(files)) == [
        f"{docx}: 第 1 段：提示：“刘桂兰”旁边写有健康状况“身患”“癌”，这是敏感个人信息，"
        "公开发布须经本人同意（未成年人须经监护人同意）。" + DOC_TAIL + f"在{DOCS_YML} 第 1 行列出这个文件的那一条里"
        "加一行 sensitive_ok: 已征得本人同意（写明依据）"
    ]
    files[DOCS_YML] = _entry("documents/慰问名单.docx", "  sensitive_ok: 已征得本人书面同意\n")
    root = site(files)
    assert problems(root) == []
    from click.testing import CliRunner

    from wenmingsite.commands.cli import main

    result = CliRunner().invoke(main, ["check", "--root", str(root), "--no-images", "--date", TODAY.isoformat()])
    assert result.exit_code == 0, result.output
    assert (
        f"提示 {docx}: 第 1 段：已确认公开的敏感个人信息：“刘桂兰”旁边写有“身患”、“癌”"
        "（sensitive_ok: 已征得本人书面同意）。审核时请核对确已征得同意"
    ) in result.output.splitlines()


def test_a_spreadsheet_row_is_read_as_one_line(site):
    """A name in one cell and the detail in the next are one row to a reader."""
    xlsx = "docs/documents/慰问名单.xlsx"
    files = {DOCS_YML: _entry("documents/慰问名单.xlsx"), xlsx: _workbook([["姓名", "情况"], ["刘桂兰", "身患癌症"]])}
    assert problems(site(files)) == [
        f"{xlsx}: 表“慰问” 第 2 行：提示：“刘桂兰”旁边写有健康状况“身患”“癌”，这是敏感个人信息，"
        "公开发布须经本人同意（未成年人须经监护人同意）。" + DOC_TAIL + f"在{DOCS_YML} 第 1 行列出这个文件的那一条里"
        "加一行 sensitive_ok: 已征得本人同意（写明依据）"
    ]
