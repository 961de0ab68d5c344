"""`wenming import 台账.xlsx / .csv`: an activity ledger becomes data/activities/<year>.yml entries."""

from __future__ import annotations

import datetime as dt
import json

import openpyxl
import pytest
from click.testing import CliRunner
from conftest import TODAY, build

from wenmingsite import load
from wenmingsite.cli import main
from wenmingsite.ledger import quote
from wenmingsite.yamlstrict import load_yaml

TITLES = [
    "&植树护绿",
    "*读书分享",
    "!健步走",
    "[社区]义诊",
    "{邻里}节",
    "#文明交通",
    "“学雷锋”志愿服务",
    'He said "go"',
    "@青年团课",
    "% 工间操",
    "a: b 讨论",
    "反斜杠\\路径",
    "yes",
    "9:30 晨读",
    "0123",
]


def run(root, *args, input=None):
    result = CliRunner().invoke(
        main, ["import", *map(str, args), "--root", str(root)], input=input, catch_exceptions=False
    )
    return result.exit_code, result.output


def make_ledger(path):
    book = openpyxl.Workbook()
    first = book.active
    first.title = "2025年"
    first.append(["测试中心2025年文明创建活动台账"])
    first.merge_cells("A1:H1")
    first.append(["序号", "活动日期", "活动名称", "活动类别", "责任部门", "参加人数（人）", "服务时长（小时）", "备注"])
    for i in range(120):
        day = dt.date(2025, 1, 1) + dt.timedelta(days=i * 3)
        title = f"{TITLES[i % len(TITLES)]}第{i}次"
        first.append(
            [
                i + 1,
                dt.datetime(day.year, day.month, day.day),
                title,
                "志愿服务" if i % 2 else "culture-sports",
                "办公室" if i % 3 else "工会",
                10 + i,
                1.5 if i % 2 else None,
                f"第{i}次活动：说明 # 不是注释" if i % 4 == 0 else None,
            ]
        )
    first.append([None] * 8)  # blank row 123
    first.append([121, "2025-02-30", "日期不存在的活动", "志愿服务", "办公室", 5, None, None])  # 124
    first.append([122, "2025年3月5日", "类别写错的活动", "志愿服", "办公室", "约30人", None, None])  # 125
    first.append(["合计", None, None, None, None, 999, None, None])  # 126
    second = book.create_sheet("2026年")
    second.append(["2026年活动台账（续）"])
    second.merge_cells("A1:F1")
    second.append([])
    second.append(["时间", "主题", "类别", "部门", "人次", "经费（万元）", "地点"])
    for i in range(90):
        day = dt.date(2026, 1, 2) + dt.timedelta(days=i * 3)
        second.append(
            [
                f"{day.year}/{day.month}/{day.day}" if i % 2 else day.isoformat(),
                f"2026年活动{i}",
                "文体活动",
                "工会",
                f"{20 + i}人",
                0.5 if i % 5 == 0 else None,
                "中心大院",
            ]
        )
    second.append(["2026.13.1", "", "文体活动", "财务科", "十人", None, None])  # row 94
    second.append(["45000", "日期是数字", "文体活动", "工会", None, None, None])  # row 95
    book.create_sheet("说明").append(["本台账由办公室维护。"])
    book.save(path)


def test_xlsx_ledger_every_row_accounted_for(site, tmp_path):
    root = site()
    ledger = tmp_path / "台账.xlsx"
    make_ledger(ledger)
    code, out = run(root, ledger, "--yes")
    assert code == 0, out
    lines = out.splitlines()
    assert "台账.xlsx 工作表“2025年”：表头在第 2 行，列的对应关系：" in lines
    assert "  B 列“活动日期” → 日期（date）" in lines
    assert "  C 列“活动名称” → 活动名称（title）" in lines
    assert "  F 列“参加人数（人）” → 参与人次（participants）" in lines
    assert "  H 列“备注” → 摘要（summary）" in lines
    assert "  A 列“序号” → 不导入（不是活动记录的字段）" in lines
    assert "台账.xlsx 工作表“2026年”：表头在第 3 行，列的对应关系：" in lines
    assert "  F 列“经费（万元）” → 金额（amount）（按万元换算成元）" in lines
    assert (
        "台账.xlsx 工作表“说明”：前 10 行里没有找到表头（需要有日期列和活动名称列，列名如 活动日期、日期、活动时间，"
        "以及活动名称、活动主题、主题）。如果这个工作表不是活动台账，可以忽略这条提示；否则请检查列名"
        "（这个工作表有 1 行内容，都没有导入）"
    ) in lines
    assert (
        "台账.xlsx 工作表“2025年” 第 124 行 B 列（活动日期）：日期“2025-02-30”不存在（2025年2月没有30日）。请核对后写成 2025-02-DD 的形式"
        in lines
    )
    assert (
        "台账.xlsx 工作表“2025年” 第 125 行 D 列（活动类别）：类别“志愿服”不在 data/categories.yml 中。是不是“志愿服务”？"
        "请改成已有的类别之一：志愿服务、文体活动；或先在 data/categories.yml 中添加这个类别"
    ) in lines
    assert (
        "台账.xlsx 工作表“2025年” 第 125 行 F 列（参加人数（人））：人次“约30人”不是一个确定的数。这里只写数字，例如 50；"
        "“约”“余”“多”等说法请写在正文或 summary 里"
    ) in lines
    assert "台账.xlsx 工作表“2025年” 第 126 行：这一行是“合计”行，没有导入（网站会自己统计合计数）。不需要处理" in lines
    assert (
        "台账.xlsx 工作表“2026年” 第 94 行 A 列（时间）：日期“2026.13.1”不存在（2026年13月没有1日）。请核对后写成 2026-13-DD 的形式"
        in lines
    )
    assert "台账.xlsx 工作表“2026年” 第 94 行 B 列（主题）：没有填活动名称。请填写活动名称" in lines
    assert (
        "台账.xlsx 工作表“2026年” 第 94 行 D 列（部门）：部门“财务科”不在 data/unit.yml 的 departments 中。"
        "请改成已有的部门：办公室、工会；或在 departments 中添加"
    ) in lines
    assert "台账.xlsx 工作表“2026年” 第 94 行 E 列（人次）：人次“十人”不是整数。请只写阿拉伯数字，例如 50" in lines
    assert (
        "台账.xlsx 工作表“2026年” 第 95 行 A 列（时间）：无法识别日期“45000”。请写成 2024-03-05 或 2024年3月5日 的形式"
        in lines
    )
    assert "将把 210 项活动追加到 data/activities/2025.yml（120 项）、data/activities/2026.yml（90 项）。" in lines
    # 124 rows below the 2025 header, 92 below the 2026 header, 1 on the sheet without a header
    assert lines[-1] == "共 217 行：导入 210 行，跳过空行 1 行，合计行 1 行，有问题 5 行（见上）"
    assert not [line for line in lines if line.startswith("导入后检查")]

    content, problems = load(root, today=TODAY)
    assert problems == []
    logged = {(a.date, a.title): a for a in content.activities if a.source.startswith("data/activities/")}
    assert len(logged) == 210
    for i in range(120):
        a = logged[(dt.date(2025, 1, 1) + dt.timedelta(days=i * 3), f"{TITLES[i % len(TITLES)]}第{i}次")]
        assert a.participants == 10 + i
        assert a.category == ("志愿服务" if i % 2 else "文体活动")
        assert a.summary == (f"第{i}次活动：说明 # 不是注释" if i % 4 == 0 else None)
    a = logged[(dt.date(2026, 1, 2), "2026年活动0")]
    assert (a.participants, a.amount, a.location) == (20, 5000, "中心大院")

    # importing again adds nothing and says so
    code, out = run(root, ledger, "--yes")
    assert out.splitlines()[-2:] == [
        "共 217 行：导入 0 行，已有 210 行（未重复导入），跳过空行 1 行，合计行 1 行，有问题 5 行（见上）",
        "没有可以导入的活动，没有写入任何文件。",
    ]
    assert load(root, today=TODAY)[1] == []

    result = build(root)
    assert result.returncode == 0, result.stderr
    api = json.loads((root / "site" / "api" / "activities.json").read_text(encoding="utf-8"))
    titles = {r["title"] for r in api["activities"]}
    assert {"&植树护绿第0次", "[社区]义诊第3次", 'He said "go"第7次', "2026年活动89"} <= titles


def test_appends_to_existing_file_before_routines(site, tmp_path):
    root = site(
        {
            "data/activities/2025.yml": """\
        # 2025 年的活动
        activities:
          - title: 已有的活动
            date: 2025-03-05
            category: 志愿服务

        # 例行活动
        routines:
          - title: 每周学习
            category: 文体活动
            repeat: 每周
            weekday: 周一
            start: 2025-01-06
            end: 2025-01-31
        """
        }
    )
    ledger = tmp_path / "台账.csv"
    ledger.write_bytes(
        "\ufeff日期,活动名称,类别\n2025-03-05,已有的活动,志愿服务\n2025/4/1,新活动,志愿服务\n,,\n".encode("utf-8")
    )
    code, out = run(root, ledger, input="y\n")
    assert code == 0, out
    assert "台账.csv：表头在第 1 行，列的对应关系：" in out
    assert "按上面的对应关系导入吗？（是/否，直接回车即为“是”）：y" in out
    assert out.splitlines()[-1] == "共 3 行：导入 1 行，已有 1 行（未重复导入），跳过空行 1 行，有问题 0 行（见上）"
    text = (root / "data/activities/2025.yml").read_text(encoding="utf-8")
    assert text.index('title: "新活动"') < text.index("# 例行活动")
    content, problems = load(root, today=TODAY)
    assert problems == []
    assert [a.title for a in content.activities if a.kind == "log"] == ["已有的活动", "新活动"]


def test_gbk_csv_and_declined_prompt(site, tmp_path):
    root = site()
    ledger = tmp_path / "ledger.csv"
    ledger.write_bytes(
        "活动日期,主题,活动类别,参与人数,金额\n2024年5月4日,青年节座谈,志愿服务,12,3万元\n"
        "2024-05-05,经费有误,志愿服务,12,三千\n".encode("gbk")
    )
    code, out = run(root, ledger, input="n\n")
    assert "ledger.csv 第 3 行 E 列（金额）：金额“三千”不是数字。请只写阿拉伯数字，例如 2.5" in out
    assert out.splitlines()[-1] == "已取消，没有写入任何文件。"
    assert not (root / "data/activities/2024.yml").exists()
    code, out = run(root, ledger, "--yes")
    assert code == 0, out
    assert out.splitlines()[-1] == "共 2 行：导入 1 行，跳过空行 0 行，有问题 1 行（见上）"
    content, problems = load(root, today=TODAY)
    assert problems == []
    [a] = [a for a in content.activities if a.kind == "log"]
    assert (a.date, a.title, a.participants, a.amount) == (dt.date(2024, 5, 4), "青年节座谈", 12, 30000)


@pytest.mark.parametrize(
    "text",
    [
        "&a",
        "*b",
        "!c",
        "[d]",
        "{e}",
        "# f",
        "g: h",
        '"i"',
        "\\j",
        "k\nl",
        "\x07m",
        "\u2028n",
        "yes",
        "",
        "  spaced  ",
        "\ufeffo",
    ],
)
def test_quote_reads_back_exactly(text):
    value, problems = load_yaml(f"k: {quote(text)}\n", "x.yml")
    assert problems == [] and value["k"] == text


def test_not_a_workbook(site, tmp_path):
    root = site()
    bad = tmp_path / "台账.xlsx"
    bad.write_text("不是表格", encoding="utf-8")
    code, out = run(root, bad, "--yes")
    assert code == 1
    assert (
        "无法打开 台账.xlsx：文件不是有效的 .xlsx 表格（可能已损坏、加了密码或只是改了扩展名）。"
        "请在 Excel 或 WPS 中打开后“另存为” .xlsx 格式再导入"
    ) in out


def test_a_year_file_that_is_a_list_is_refused_not_a_traceback(site, tmp_path):
    root = site(
        {
            "data/activities/2025.yml": """\
        - title: 已有的活动
          date: 2025-03-05
          category: 志愿服务
        """
        }
    )
    ledger = tmp_path / "台账.csv"
    ledger.write_bytes("日期,活动名称,类别\n2025/4/1,新活动,志愿服务\n".encode())
    code, out = run(root, ledger, "--yes")
    assert code == 1
    assert out.splitlines()[-1] == (
        "错误：data/activities/2025.yml 现在有错误，无法追加。请先运行 wenming check 按提示修好这个文件，再导入台账"
    )
    assert (root / "data/activities/2025.yml").read_text(encoding="utf-8").startswith("- title: 已有的活动")


def test_end_dates_and_criteria_columns_are_imported_by_name_or_id(site, tmp_path):
    root = site()
    ledger = tmp_path / "ledger.csv"
    ledger.write_text(
        "日期,结束日期,活动名称,类别,测评项目\n"
        "2024-05-04,2024-05-06,三天义诊,志愿服务,文化体育活动、volunteer-service\n"
        "2024-05-08,2024-05-07,倒着的日期,志愿服务,\n"
        "2024-05-09,,没有这个项目,志愿服务,文明交通\n",
        encoding="utf-8",
    )
    code, out = run(root, ledger, "--yes")
    assert code == 0, out
    assert (
        "ledger.csv 第 3 行 B 列（结束日期）：结束日期 2024-05-07 早于活动日期 2024-05-08。"
        "请核对；一天内的活动不用填结束日期"
    ) in out
    assert (
        "ledger.csv 第 4 行 E 列（测评项目）：测评项目“文明交通”不在 data/criteria.yml 中。"
        "请写成已有项目的名称或编号（多个用顿号隔开）：学雷锋志愿服务、文化体育活动"
    ) in out
    content, problems = load(root, today=TODAY)
    assert problems == []
    [a] = [a for a in content.activities if a.kind == "log"]
    assert (a.title, a.end_date, a.criteria) == (
        "三天义诊",
        dt.date(2024, 5, 6),
        ("culture-sports", "volunteer-service"),
    )
