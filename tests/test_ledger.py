"""`wenming import 台账.xlsx / .csv`: an activity ledger becomes data/activities/<year>.yml entries."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest
from click.testing import CliRunner
from conftest import TODAY, UNIT_YML, build

from wenmingsite import load
from wenmingsite.commands import ledger
from wenmingsite.commands.cli import main
from wenmingsite.commands.ledger import quote
from wenmingsite.loading.values import Invalid
from wenmingsite.loading.yamlstrict import load_yaml
from wenmingsite.outputs.api import read_activities

# The fields --map names, in the order of their declarations (wenmingsite.loading.fields).
FIELD_CHOICES = (
    "title（活动名称）、date（日期）、end_date（结束日期）、category（类别）、criteria（测评项目）、department（部门）、"
    "location（地点）、participants（参与人次）、volunteer_hours（志愿服务时长）、amount（金额）、summary（摘要）、"
    "author（撰稿人）、approved_by（审核人）、approved_on（审核日期）"
)
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
    second.append(["4500", "日期是数字", "文体活动", "工会", None, None, None])  # row 95
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
        "台账中有 1 个类别不在 data/categories.yml 中：志愿服（1 行：工作表“2025年”第 125 行；是不是“志愿服务”？）。"
        "这些行没有导入。请在台账中改成已有的类别之一：志愿服务、文体活动；"
        "或先在 data/categories.yml 中添加这些类别（每个类别写 name 和 slug），再重新导入"
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
        "台账中有 1 个部门不在 data/unit.yml 的 departments 中：财务科（1 行：工作表“2026年”第 94 行）。"
        "这些行没有导入。如果这些都是本单位的部门，请加 --add-departments 重新运行，"
        "把它们添加到 data/unit.yml 并导入这些行；否则请在台账中改成 data/unit.yml 中已有的部门：办公室、工会"
    ) in lines
    assert "台账.xlsx 工作表“2026年” 第 94 行 E 列（人次）：人次“十人”不是整数。请只写阿拉伯数字，例如 50" in lines
    assert (
        "台账.xlsx 工作表“2026年” 第 95 行 A 列（时间）：日期“4500”是一个数字，看不出是哪一天（不是 20240415 这样的八位日期，"
        "也不是 1990 到 2100 年之间的 Excel 日期序号）。请写成 2024-03-05 或 2024年3月5日 的形式"
    ) in lines
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
    titles = {r["title"] for r in read_activities(root / "site")}
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
    assert out.splitlines()[-1] == "共 3 行：导入 1 行，已有 1 行（未重复导入），跳过空行 1 行，有问题 0 行"
    text = (root / "data/activities/2025.yml").read_text(encoding="utf-8")
    assert text.index('title: "新活动"') < text.index("# 例行活动")
    content, problems = load(root, today=TODAY)
    assert problems == []
    assert [a.title for a in content.activities if a.origin == "log"] == ["已有的活动", "新活动"]


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
    [a] = [a for a in content.activities if a.origin == "log"]
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
    [a] = [a for a in content.activities if a.origin == "log"]
    assert (a.title, a.end_date, a.criteria) == (
        "三天义诊",
        dt.date(2024, 5, 6),
        ("culture-sports", "volunteer-service"),
    )


# --- issue 24 item 5: a real hospital's ledger --------------------------------------------


def make_messy_ledger(path):
    """A ledger as an office keeps it: merged title rows, a 责任科室 column, dates in every form,
    blank and 合计 rows, three bad rows, and columns that are not activity fields."""
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "创建台账"
    ws.append(["青溪市人民医院2024年文明创建活动台账"])
    ws.merge_cells("A1:K1")
    ws.append(["填报：党办", None, None, None, None, None, None, None, "单位：人次"])
    ws.merge_cells("A2:H2")
    ws.merge_cells("I2:K2")
    ws.append(
        [
            "序号",
            "活动时间",
            "活动名称/活动主题",
            "活动类型",
            "责任科室",
            "参与人员数",
            "活动地址",
            "活动简况",
            "备注",
            "照片",
            "活动时长",
        ]
    )
    good = [
        (dt.datetime(2024, 1, 10), "新年健步走", "文体活动", "工会", 120, "院内环路", "全院职工参加"),
        (dt.datetime(2024, 1, 20, 9, 30), "义诊进社区", "志愿服务", "医务科", 15, "滨河社区", None),
        ("2024.2.5", "春节慰问", "志愿服务", "护理部", 8, None, None),
        ("2024/2/18", "学雷锋志愿服务", "志愿服务", "护理部", 30, None, None),
        ("2024年3月5日", "学雷锋日义诊", "志愿服务", "医务科", 20, None, None),
        (20240312, "植树活动", "文体活动", "办公室", 40, None, None),
        ("20240320", "健康讲座", "志愿服务", "门诊部", 60, None, None),
        (45383, "清明祭扫", "文体活动", "工会", 50, None, None),
        ("45390", "读书分享会", "文体活动", "工会", 25, None, None),
        ("4月15日", "全民国家安全教育日宣传", "志愿服务", "办公室", 12, None, None),
        ("2024.4.20-4.22", "三天义诊周", "志愿服务", "医务科", 18, None, None),
        ("2024-04-25 09:30", "消防演练", "文体活动", "办公室", 80, None, None),
        ("2024年5月6日（星期一）", "护士节筹备会", "文体活动", "护理部", 10, None, None),
    ]
    for i, (day, title, category, department, people, place, summary) in enumerate(good, 1):  # rows 4-16
        ws.append([i, day, title, category, department, people, place, summary, None, None, "2小时"])
    ws.append([None] * 11)  # 17
    ws.append([14, "2024.2.30", "日期写错的活动", "志愿服务", "医务科", 5])  # 18
    ws.append([15, "2024-06-01", None, "文体活动", "工会", 5])  # 19
    ws.append([16, "2024-06-02", "人数写约数的活动", "文体活动", "工会", "约50人"])  # 20
    ws.append([None] * 11)  # 21
    ws.append(["合计", None, None, None, None, 493])  # 22
    book.save(path)


MESSY_OUTPUT = [
    "台账.xlsx 工作表“创建台账”：表头在第 3 行，列的对应关系：",
    "  A 列“序号” → 不导入（不是活动记录的字段）",
    "  B 列“活动时间” → 日期（date）",
    "  C 列“活动名称/活动主题” → 活动名称（title）",
    "  D 列“活动类型” → 类别（category）",
    "  E 列“责任科室” → 部门（department）",
    "  F 列“参与人员数” → 参与人次（participants）",
    "  G 列“活动地址” → 地点（location）",
    "  H 列“活动简况” → 摘要（summary）",
    "  I 列“备注” → 不导入（“摘要”已对应 H 列“活动简况”）",
    "  J 列“照片” → 不导入（不是活动记录的字段）",
    "  K 列“活动时长” → 没有对应的字段，未导入",
    "台账.xlsx 工作表“创建台账” K 列：列“活动时长”没有对应的字段，未导入；如需导入请用 --map 活动时长=字段",
    f"--map 的字段可以写英文名或中文名：{FIELD_CHOICES}",
    "台账.xlsx 工作表“创建台账”：1 行的日期没有写年份（如“4月15日”），"
    "按标题“青溪市人民医院2024年文明创建活动台账”中的年份算作 2024 年。如果不对，请在台账中写出年份",
    "台账.xlsx 工作表“创建台账” 第 18 行 B 列（活动时间）：日期“2024.2.30”不存在（2024年2月没有30日）。"
    "请核对后写成 2024-02-DD 的形式",
    "台账.xlsx 工作表“创建台账” 第 19 行 C 列（活动名称/活动主题）：没有填活动名称。请填写活动名称",
    "台账.xlsx 工作表“创建台账” 第 20 行 F 列（参与人员数）：人次“约50人”不是一个确定的数。这里只写数字，例如 50；"
    "“约”“余”“多”等说法请写在正文或 summary 里",
    "台账.xlsx 工作表“创建台账” 第 22 行：这一行是“合计”行，没有导入（网站会自己统计合计数）。不需要处理",
    "台账中有 3 个部门不在 data/unit.yml 的 departments 中：医务科（4 行）、"
    "护理部（3 行：工作表“创建台账”第 6、7、16 行）、门诊部（1 行：工作表“创建台账”第 10 行）。"
    "按 --add-departments 把它们添加到 data/unit.yml 的 departments 中，这些行一并导入",
    "将把 13 项活动追加到 data/activities/2024.yml（13 项）。",
    "将在 data/unit.yml 的 departments 中添加 3 个部门：医务科、护理部、门诊部。",
    "共 19 行：导入 13 行，跳过空行 2 行，合计行 1 行，有问题 3 行（见上）",
]


def test_messy_hospital_ledger_imports_every_good_row(site, tmp_path):
    root = site()
    ledger = tmp_path / "台账.xlsx"
    make_messy_ledger(ledger)
    code, out = run(root, ledger, "--yes", "--add-departments")
    assert code == 0, out
    assert out.splitlines() == MESSY_OUTPUT
    unit = (root / "data/unit.yml").read_text(encoding="utf-8")
    assert unit == UNIT_YML.replace("[办公室, 工会]", "[办公室, 工会, 医务科, 护理部, 门诊部]")

    text = (root / "data/activities/2024.yml").read_text(encoding="utf-8")
    assert text.count("  - title: ") == 13
    assert (  # the keys in the order of the form and of `wenming new`
        '  - title: "三天义诊周"\n    date: "2024-04-20"\n    end_date: "2024-04-22"\n    category: "志愿服务"\n'
        '    department: "医务科"\n' in text
    )
    content, problems = load(root, today=TODAY)
    assert problems == []
    logged = {a.title: a for a in content.activities if a.source == "data/activities/2024.yml"}
    assert {title: (a.date, a.end_date, a.department) for title, a in logged.items()} == {
        "新年健步走": (dt.date(2024, 1, 10), None, "工会"),
        "义诊进社区": (dt.date(2024, 1, 20), None, "医务科"),
        "春节慰问": (dt.date(2024, 2, 5), None, "护理部"),
        "学雷锋志愿服务": (dt.date(2024, 2, 18), None, "护理部"),
        "学雷锋日义诊": (dt.date(2024, 3, 5), None, "医务科"),
        "植树活动": (dt.date(2024, 3, 12), None, "办公室"),
        "健康讲座": (dt.date(2024, 3, 20), None, "门诊部"),
        "清明祭扫": (dt.date(2024, 4, 1), None, "工会"),
        "读书分享会": (dt.date(2024, 4, 8), None, "工会"),
        "全民国家安全教育日宣传": (dt.date(2024, 4, 15), None, "办公室"),
        "三天义诊周": (dt.date(2024, 4, 20), dt.date(2024, 4, 22), "医务科"),
        "消防演练": (dt.date(2024, 4, 25), None, "办公室"),
        "护士节筹备会": (dt.date(2024, 5, 6), None, "护理部"),
    }
    a = logged["新年健步走"]
    assert (a.participants, a.location, a.summary) == (120, "院内环路", "全院职工参加")


DEPARTMENT_LEDGER = "日期,活动名称,类别,责任部门\n" + "".join(
    f"2024-03-{1 + i % 28:02d},活动{i},志愿服务,{'医务科' if i % 5 else '护理部'}\n" for i in range(60)
)
DEPARTMENTS_UNDECLARED = "台账中有 2 个部门不在 data/unit.yml 的 departments 中：医务科（48 行）、护理部（12 行）。"
DEPARTMENT_FIX = (
    "这些行没有导入。如果这些都是本单位的部门，请加 --add-departments 重新运行，"
    "把它们添加到 data/unit.yml 并导入这些行；否则请在台账中改成 data/unit.yml 中已有的部门：办公室、工会"
)


def test_undeclared_departments_are_listed_once_not_once_a_row(site, tmp_path):
    root = site()
    ledger = tmp_path / "台账.csv"
    ledger.write_text(DEPARTMENT_LEDGER, encoding="utf-8")
    code, out = run(root, ledger, "--yes")  # --yes: no question at all
    assert code == 0, out
    assert "？" not in out
    assert out.splitlines()[-3:] == [
        DEPARTMENTS_UNDECLARED + DEPARTMENT_FIX,
        "共 60 行：导入 0 行，跳过空行 0 行，有问题 60 行（见上）",
        "没有可以导入的活动，没有写入任何文件。",
    ]
    assert not (root / "data/activities/2024.yml").exists()
    assert (root / "data/unit.yml").read_text(encoding="utf-8") == UNIT_YML

    code, out = run(root, ledger, "--yes", "--add-departments")
    assert code == 0, out
    assert out.splitlines()[-4:] == [
        DEPARTMENTS_UNDECLARED[:-1]
        + "。按 --add-departments 把它们添加到 data/unit.yml 的 departments 中，这些行一并导入",
        "将把 60 项活动追加到 data/activities/2024.yml（60 项）。",
        "将在 data/unit.yml 的 departments 中添加 2 个部门：医务科、护理部。",
        "共 60 行：导入 60 行，跳过空行 0 行，有问题 0 行",
    ]
    assert "departments: [办公室, 工会, 医务科, 护理部]\n" in (root / "data/unit.yml").read_text(encoding="utf-8")
    content, problems = load(root, today=TODAY)
    assert problems == []
    assert sum(1 for a in content.activities if a.department == "医务科") == 48


@pytest.mark.parametrize("answer, imported", [("y", 60), ("n", 0)])
def test_without_yes_the_departments_are_a_question(site, tmp_path, answer, imported):
    root = site()
    ledger = tmp_path / "台账.csv"
    ledger.write_text(DEPARTMENT_LEDGER + "2024-04-01,办公室的活动,志愿服务,办公室\n", encoding="utf-8")
    code, out = run(root, ledger, input=f"{answer}\ny\n")
    assert code == 0, out
    lines = out.splitlines()
    assert DEPARTMENTS_UNDECLARED in lines
    assert (
        f"把这 2 个部门添加到 data/unit.yml 的 departments 中，并导入这些行吗？（是/否，直接回车即为“否”）：{answer}"
        in lines
    )
    assert (DEPARTMENT_FIX in lines) == (answer == "n")
    problems = 60 - imported
    assert (
        lines[-1]
        == f"共 61 行：导入 {imported + 1} 行，跳过空行 0 行，有问题 {problems} 行{'（见上）' if problems else ''}"
    )
    unit = (root / "data/unit.yml").read_text(encoding="utf-8")
    assert ("医务科" in unit) == (answer == "y")


def test_a_unit_without_departments_gets_the_ledgers_with_add_departments(site, tmp_path):
    unit = UNIT_YML.replace("departments: [办公室, 工会]\n", "")
    root = site({"data/unit.yml": unit})
    ledger = tmp_path / "台账.csv"
    ledger.write_text("日期,活动名称,类别,责任科室\n2024-03-05,义诊,志愿服务,医务科\n", encoding="utf-8")
    code, out = run(root, ledger, "--yes", "--add-departments")
    assert code == 0, out
    assert "data/unit.yml 还没有部门列表（departments），按 --add-departments 写入台账中的 1 个部门" in out
    assert (root / "data/unit.yml").read_text(encoding="utf-8") == unit + "departments:\n  - 医务科\n"


@pytest.mark.parametrize(
    "before, after",
    [
        (  # a block list with comments, CRLF line ends and a BOM: extended in kind, nothing else moves
            "\ufeff# 单位\r\nname: x\r\ndepartments:\r\n  - 办公室\r\n  - 工会   # 工会\r\n\r\n# 横幅\r\nbanner: a.jpg\r\n",
            "\ufeff# 单位\r\nname: x\r\ndepartments:\r\n  - 办公室\r\n  - 工会   # 工会\r\n  - 医务科\r\n"
            '  - "A: B"\r\n\r\n# 横幅\r\nbanner: a.jpg\r\n',
        ),
        ("name: x\ndepartments:\n- 办公室", 'name: x\ndepartments:\n- 办公室\n- 医务科\n- "A: B"\n'),
        (
            "name: x\ndepartments: [办公室, 工会]  # 部门\nbanner: a.jpg\n",
            'name: x\ndepartments: [办公室, 工会, 医务科, "A: B"]  # 部门\nbanner: a.jpg\n',
        ),
        (
            "name: x\ndepartments: [\n  办公室,\n  工会,\n]\n",
            'name: x\ndepartments: [\n  办公室,\n  工会, 医务科, "A: B",\n]\n',
        ),
        ("name: x\ndepartments: []\n", 'name: x\ndepartments: [医务科, "A: B"]\n'),
        (
            "name: x\ndepartments:   # 以后再填\nbanner: a.jpg\n",
            'name: x\ndepartments:   # 以后再填\n  - 医务科\n  - "A: B"\nbanner: a.jpg\n',
        ),
        ("name: x\nbanner: a.jpg", 'name: x\nbanner: a.jpg\ndepartments:\n  - 医务科\n  - "A: B"\n'),
    ],
)
def test_add_departments_edits_unit_yml_in_place(before, after):
    assert ledger.add_departments(before, ["医务科", "A: B"]) == after


def test_add_departments_refuses_what_it_cannot_edit_safely():
    with pytest.raises(ledger.LedgerRefused) as exc:
        ledger.add_departments("name: x\ndepartments: 办公室\n", ["医务科"])
    assert str(exc.value) == (
        "data/unit.yml 的 departments 不是列表，无法自动添加部门。"
        "请在 data/unit.yml 的 departments 中手动添加：医务科，再重新导入"
    )
    with pytest.raises(ledger.LedgerRefused) as exc:
        ledger.add_departments("name: x\n  departments: [\n", ["医务科"])
    assert str(exc.value) == (
        "data/unit.yml 现在有错误，无法添加部门。请先运行 wenming check 按提示修好这个文件，再导入台账"
    )


def test_undeclared_categories_are_listed_once_with_their_rows(site, tmp_path):
    root = site()
    ledger = tmp_path / "台账.csv"
    ledger.write_text(
        "日期,活动名称,活动类型\n"
        + "".join(f"2024-03-{i + 1:02d},宣传{i},宣传教育\n" for i in range(5))
        + "2024-04-01,义诊,志愿服\n2024-04-02,植树,文体活动\n",
        encoding="utf-8",
    )
    code, out = run(root, ledger, "--yes")
    assert code == 0, out
    assert out.splitlines()[-3:] == [
        "台账中有 2 个类别不在 data/categories.yml 中：宣传教育（5 行）、"
        "志愿服（1 行：第 7 行；是不是“志愿服务”？）。这些行没有导入。"
        "请在台账中改成已有的类别之一：志愿服务、文体活动；"
        "或先在 data/categories.yml 中添加这些类别（每个类别写 name 和 slug），再重新导入",
        "将把 1 项活动追加到 data/activities/2024.yml（1 项）。",
        "共 7 行：导入 1 行，跳过空行 0 行，有问题 6 行（见上）",
    ]


def test_a_sheet_without_a_category_column_is_said_once(site, tmp_path):
    root = site()
    ledger = tmp_path / "台账.csv"
    ledger.write_text("日期,活动名称\n2024-03-05,义诊\n2024-03-06,植树\n", encoding="utf-8")
    code, out = run(root, ledger, "--yes")
    assert code == 0, out
    assert out.splitlines()[-3:] == [
        "台账.csv：没有“类别”列，2 行活动因此没有导入（每项活动都要有类别）。"
        "请在表头加一列“活动类别”，填写 data/categories.yml 中的类别：志愿服务、文体活动；"
        "或用 --map 列名=类别 指定哪一列是类别",
        "共 2 行：导入 0 行，跳过空行 0 行，有问题 2 行（见上）",
        "没有可以导入的活动，没有写入任何文件。",
    ]


@pytest.mark.parametrize(
    "header, name",
    [
        ("责任科室", "department"),
        ("承办科室", "department"),
        ("牵头科室", "department"),
        ("牵头部门", "department"),
        ("责任单位", "department"),
        ("活动时间", "date"),
        ("开展时间", "date"),
        ("活动类型", "category"),
        ("参与人员数", "participants"),
        ("参与人数（人次）", "participants"),
        ("活动地址", "location"),
        ("活动简况", "summary"),
        ("活动名称/活动主题", "title"),
        ("活动名称、主题", "title"),
        ("活动\n主题", "title"),
        ("经费投入（万元）", "amount"),
    ],
)
def test_column_names_offices_use(header, name):
    row = ["日期", "活动名称", header] if name not in ("date", "title") else ["序号", header]
    other = "活动名称" if name == "date" else "日期"
    sheet = ledger.Sheet("台账", [(1, ["标题"]), (2, [*row, other])])
    mapping, note = ledger.find_mapping(sheet)
    assert note is None and mapping is not None
    assert mapping.columns[name] == row.index(header)


def test_the_best_ranked_column_wins():
    sheet = ledger.Sheet(None, [(1, ["日期", "活动名称", "部门", "责任科室", "承办单位"])])
    mapping, _ = ledger.find_mapping(sheet)
    assert mapping is not None and mapping.columns["department"] == 3
    assert ledger.describe_mapping("台账.csv", sheet, mapping)[3:] == [
        "  C 列“部门” → 不导入（“部门”已对应 D 列“责任科室”）",
        "  D 列“责任科室” → 部门（department）",
        "  E 列“承办单位” → 不导入（“部门”已对应 D 列“责任科室”）",
    ]


MAP_LEDGER = "日期,活动名称,类别,主责科室,活动时长\n2024-03-05,义诊,志愿服务,办公室,2小时\n"


@pytest.mark.parametrize("wanted", ["部门", "department", "Department", "责任部门"])
def test_map_option_maps_a_column_by_field_key_or_label(site, tmp_path, wanted):
    root = site()
    ledger_path = tmp_path / "台账.csv"
    ledger_path.write_text(MAP_LEDGER, encoding="utf-8")
    code, out = run(root, ledger_path, "--yes", "--map", f"主责科室={wanted}", "--map", "活动时长＝不导入")
    assert code == 0, out
    lines = out.splitlines()
    assert "  D 列“主责科室” → 部门（department）（--map 指定）" in lines
    assert "  E 列“活动时长” → 不导入（--map 指定）" in lines
    assert not [line for line in lines if "如需导入请用 --map" in line]
    content, problems = load(root, today=TODAY)
    assert problems == []
    [a] = [a for a in content.activities if a.origin == "log"]
    assert a.department == "办公室"


def test_a_column_that_maps_to_nothing_is_reported_once(site, tmp_path):
    root = site()
    ledger_path = tmp_path / "台账.xlsx"
    book = openpyxl.Workbook()
    for name in ("2024年", "2025年"):
        ws = book.create_sheet(name)
        ws.append(["日期", "活动名称", "类别", "主责科室"])
        for day in range(1, 4):
            ws.append([f"{name[:4]}-03-0{day}", f"活动{day}", "志愿服务", "办公室"])
    book.remove(book.worksheets[0])
    book.save(ledger_path)
    code, out = run(root, ledger_path, "--yes")
    assert code == 0, out
    lines = out.splitlines()
    hint = [line for line in lines if "没有对应的字段" in line and not line.startswith("  ")]
    assert hint == [
        "台账.xlsx 工作表“2024年” D 列、工作表“2025年” D 列：列“主责科室”没有对应的字段，未导入；"
        "如需导入请用 --map 主责科室=字段"
    ]
    assert lines[-1] == "共 6 行：导入 6 行，跳过空行 0 行，有问题 0 行"


@pytest.mark.parametrize(
    "option, message",
    [
        (
            "主责科室=科长",
            f"--map “主责科室=科长”：“科长”不是可以导入的字段。可以写：{FIELD_CHOICES}；或写“不导入”（这一列不导入）",
        ),
        ("主责科室", "--map “主责科室”缺少“=”。请写成 --map 列名=字段，例如 --map 责任科室=部门"),
        ("=部门", "--map “=部门”没有写列名。请写成 --map 列名=字段，例如 --map 责任科室=部门"),
        (
            "没有的列=部门",
            "--map 指定的列“没有的列”在台账的表头中没有找到，没有写入任何文件。"
            "请核对列名（可以从上面列出的对应关系中复制）后重新运行",
        ),
    ],
)
def test_bad_map_options_are_refused_in_chinese(site, tmp_path, option, message):
    root = site()
    ledger_path = tmp_path / "台账.csv"
    ledger_path.write_text(MAP_LEDGER, encoding="utf-8")
    code, out = run(root, ledger_path, "--yes", "--map", option)
    assert code == 1
    assert out.splitlines()[-1] == f"错误：{message}"
    assert "Traceback" not in out
    assert not (root / "data/activities/2024.yml").exists()


def test_two_columns_mapped_to_one_field_are_refused(site, tmp_path):
    root = site()
    ledger_path = tmp_path / "台账.csv"
    ledger_path.write_text(MAP_LEDGER, encoding="utf-8")
    code, out = run(root, ledger_path, "--map", "主责科室=部门", "--map", "活动时长=department")
    assert code == 1
    assert out.splitlines()[-1] == ("错误：--map 把列“主责科室”和列“活动时长”都对应到了“部门”。每个字段只能对应一列")


@pytest.mark.parametrize(
    "cell, expected",
    [
        (20240415, (dt.date(2024, 4, 15), None)),
        (20240415.0, (dt.date(2024, 4, 15), None)),
        ("20240415", (dt.date(2024, 4, 15), None)),
        ("20240415.0", (dt.date(2024, 4, 15), None)),
        ("２０２４０４１５", (dt.date(2024, 4, 15), None)),
        (45397, (dt.date(2024, 4, 15), None)),  # a date cell not formatted as a date
        (45397.375, (dt.date(2024, 4, 15), None)),  # ... with 9:00 as its fraction
        ("45397", (dt.date(2024, 4, 15), None)),  # exported as text
        (32874, (dt.date(1990, 1, 1), None)),
        (73415, (dt.date(2100, 12, 31), None)),
        (dt.datetime(2024, 4, 15, 9, 30), (dt.date(2024, 4, 15), None)),
        (dt.date(2024, 4, 15), (dt.date(2024, 4, 15), None)),
        ("2024.4.15", (dt.date(2024, 4, 15), None)),
        ("2024/4/15", (dt.date(2024, 4, 15), None)),
        ("2024年4月15日", (dt.date(2024, 4, 15), None)),
        ("2024-04-15 09:30", (dt.date(2024, 4, 15), None)),
        ("2024年4月15日 上午9:00-11:30", (dt.date(2024, 4, 15), None)),
        ("2024年4月15日（星期一）", (dt.date(2024, 4, 15), None)),
        ("2024.4.15-4.17", (dt.date(2024, 4, 15), dt.date(2024, 4, 17))),
        ("2024年4月15日至17日", (dt.date(2024, 4, 15), dt.date(2024, 4, 17))),
        ("2024年12月30日—1月2日", (dt.date(2024, 12, 30), dt.date(2025, 1, 2))),
        ("2024-04-15~2024-04-15", (dt.date(2024, 4, 15), None)),
    ],
)
def test_dates_in_the_forms_offices_write(cell, expected):
    assert ledger._date(cell) == expected


def test_serial_dates_of_a_1904_workbook(tmp_path):
    from openpyxl.utils.datetime import CALENDAR_MAC_1904

    book = openpyxl.Workbook()
    book.epoch = CALENDAR_MAC_1904
    book.active.append(["日期", "活动名称"])
    book.active.append([43935, "义诊"])
    book.save(tmp_path / "mac.xlsx")
    [sheet] = ledger.read_sheets(tmp_path / "mac.xlsx")
    assert sheet.date1904
    assert ledger._date(sheet.rows[1][1][0], date1904=sheet.date1904) == (dt.date(2024, 4, 15), None)


NUMBER_NOT_A_DATE = (
    "是一个数字，看不出是哪一天（不是 20240415 这样的八位日期，也不是 1990 到 2100 年之间的 Excel 日期序号）。"
    "请写成 2024-03-05 或 2024年3月5日 的形式"
)


@pytest.mark.parametrize(
    "cell, message",
    [
        (20241345, "日期“20241345”不存在（2024年13月没有45日）。请核对后写成 2024-13-DD 的形式"),
        ("20240230", "日期“20240230”不存在（2024年2月没有30日）。请核对后写成 2024-02-DD 的形式"),
        (123, f"日期“123”{NUMBER_NOT_A_DATE}"),
        (32873, f"日期“32873”{NUMBER_NOT_A_DATE}"),  # 1989-12-31
        ("80000", f"日期“80000”{NUMBER_NOT_A_DATE}"),
        (1.5e300, f"日期“1.5e+300”{NUMBER_NOT_A_DATE}"),
        ("2024.4.17-4.15", "日期范围“2024.4.17-4.15”的结束日期 2024-04-15 早于开始日期 2024-04-17。请核对"),
        ("2024.4.15-4.31", "日期“2024.4.15-4.31”不存在（2024年4月没有31日）。请核对后写成 2024-04-DD 的形式"),
        ("2024年4月15日（星期二）", "日期“2024年4月15日（星期二）”写的是星期二，但 2024年4月15日 是星期一。请核对日期"),
        (
            "2024年4月 至 5月",
            "无法识别日期范围“2024年4月 至 5月”。请写成 2024-03-05至2024-03-07 或 2024.3.5-3.7 的形式",
        ),
    ],
)
def test_dates_that_are_not_days_are_refused_with_the_right_advice(cell, message):
    # 20240415 set to a date format in Excel would be a day in the year 57000: never advise it.
    with pytest.raises(Invalid) as exc:
        ledger._date(cell)
    assert str(exc.value) == message


def test_a_day_without_its_year_takes_the_sheets_year_or_is_refused(site, tmp_path):
    root = site()
    path = tmp_path / "台账.xlsx"
    book = openpyxl.Workbook()
    named = book.active
    named.title = "2025年度"
    named.append(["日期", "活动名称", "类别"])
    named.append(["3月5日", "学雷锋", "志愿服务"])
    named.append(["3月6日", "植树", "志愿服务"])
    unnamed = book.create_sheet("台账")
    unnamed.append(["日期", "活动名称", "类别"])
    unnamed.append(["4月15日", "安全教育", "志愿服务"])
    book.save(path)
    code, out = run(root, path, "--yes")
    assert code == 0, out
    lines = out.splitlines()
    assert (
        "台账.xlsx 工作表“2025年度”：2 行的日期没有写年份（如“3月5日”），按工作表名“2025年度”中的年份算作 2025 年。"
        "如果不对，请在台账中写出年份"
    ) in lines
    assert (
        "台账.xlsx 工作表“台账” 第 2 行 A 列（日期）：日期“4月15日”没有写年份，工作表名和表头上方的标题中也看不出是哪一年。"
        "请写出年份，例如 2024年4月15日"
    ) in lines
    assert lines[-1] == "共 3 行：导入 2 行，跳过空行 0 行，有问题 1 行（见上）"
    content, _ = load(root, today=TODAY)
    assert {a.date for a in content.activities if a.origin == "log"} == {dt.date(2025, 3, 5), dt.date(2025, 3, 6)}


def test_csv_dates_as_numbers_and_ranges(site, tmp_path):
    root = site()
    path = tmp_path / "台账.csv"
    path.write_text(
        "开展时间,活动主题,活动类型,结束日期\n"
        "20240415,八位数日期,志愿服务,\n"
        "45398,序号日期,志愿服务,\n"
        "2024.5.4-5.6,三天活动,志愿服务,\n"
        "2024.5.8-5.9,两处不一致,志愿服务,2024-05-10\n",
        encoding="utf-8",
    )
    code, out = run(root, path, "--yes")
    assert code == 0, out
    assert (
        "台账.csv 第 5 行 D 列（结束日期）：结束日期 2024-05-10 与日期列写的范围（到 2024-05-09）不一致。请核对，两处只留一处"
    ) in out.splitlines()
    content, problems = load(root, today=TODAY)
    assert problems == []
    assert sorted((a.date, a.end_date, a.title) for a in content.activities if a.origin == "log") == [
        (dt.date(2024, 4, 15), None, "八位数日期"),
        (dt.date(2024, 4, 16), None, "序号日期"),
        (dt.date(2024, 5, 4), dt.date(2024, 5, 6), "三天活动"),
    ]


def test_map_and_add_departments_are_for_ledgers_only(site, tmp_path):
    root = site({"docs/report/01-first.md": None})
    report = tmp_path / "汇报.txt"
    report.write_text("一、组织领导\n正文。\n", encoding="utf-8")
    code, out = run(root, report, "--add-departments")
    assert code == 1
    assert out.splitlines()[-1] == (
        "错误：--map 和 --add-departments 只用于导入活动台账（.xlsx 或 .csv），导入汇报时不需要"
    )


def test_a_personal_number_in_a_cell_keeps_its_row_out_of_the_repository(site, tmp_path):
    """The repository is public: a row whose summary holds a private mobile number is named at
    its cell and not written (the build would refuse it afterwards, with the number already
    committed); the unit's own office phone is not a problem."""
    root = site()
    path = tmp_path / "台账.csv"
    path.write_text(
        "活动时间,活动名称,活动类型,活动简况\n"
        "2024-04-15,义诊进社区,志愿服务,联系人王老师 138 1234 8000\n"
        "2024-04-16,普法宣传,志愿服务,咨询电话见公告\n",
        encoding="utf-8",
    )
    code, out = run(root, path, "--yes")
    assert code == 0, out
    assert (
        "台账.csv 第 2 行 D 列（活动简况）：疑似个人手机号 138****8000。"
        "公开网站上不能出现群众和职工的个人手机号，请删除，或改为单位的办公电话"
    ) in out.splitlines()
    content, problems = load(root, today=TODAY)
    assert problems == []
    assert [a.title for a in content.activities if a.origin == "log"] == ["普法宣传"]
    assert "8000" not in "".join(p.read_text(encoding="utf-8") for p in (root / "data").rglob("*.yml"))
