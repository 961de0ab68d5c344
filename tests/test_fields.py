"""One declaration per copied field (wenmingsite.loading.schema.COPIED_FIELDS) drives the record
and the JSON: what the editor writes in front matter or a log reaches api/activities.json."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import shutil
from decimal import Decimal

import pytest
from click.testing import CliRunner
from conftest import TODAY, build

import wenmingsite
from wenmingsite.commands.cli import main
from wenmingsite.loading import fields, schema
from wenmingsite.loading.records import Activity
from wenmingsite.outputs.api import read_activities


def test_every_copied_field_is_an_activity_attribute_in_every_schema():
    attributes = {f.name for f in dataclasses.fields(Activity)}
    assert set(schema.COPIED_FIELDS) <= attributes
    for table in (schema.ACTIVITY_PAGE, schema.LOG_ENTRY, schema.ROUTINE):
        assert set(schema.COPIED_FIELDS) <= set(table)


def test_copied_fields_reach_the_json_from_an_activity_page(site, tmp_path):
    root = site(
        {
            "docs/activities/2025/2025-03-05-清扫.md": """\
            ---
            title: 社区清扫
            date: 2025-03-05
            category: 志愿服务
            department: 办公室
            location: 人民公园
            participants: 30
            volunteer_hours: 2.5
            amount: 1200
            summary: 清扫公园
            ---
            正文。
            """,
        }
    )
    result = build(root, "--site-dir", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    records = read_activities(tmp_path / "out")
    record = next(r for r in records if r["title"] == "社区清扫")
    assert {k: record[k] for k in schema.COPIED_FIELDS} == {
        "department": "办公室",
        "location": "人民公园",
        "participants": 30,
        "volunteer_hours": 2.5,
        "amount": 1200,
        "summary": "清扫公园",
        "festival": None,
    }


# --- every output from the declarations (wenmingsite.loading.fields) ------------------------

LOG_2024 = """\
    activities:
      - title: "=1+1 知识竞赛"
        date: 2024年4月20日
        end_date: 2024-04-22
        category: 志愿服务
        criteria: [文化体育活动, 学雷锋志愿服务]
        department: 工会
        location: "+ 号会议室"
        participants: 56
        volunteer_hours: 2.5
        amount: 1200.5
        summary: "@全体 职工参加知识竞赛，共 3 轮"
        author: 王干事
        approved_by: 张主任
        approved_on: 2024-04-23
      - title: 只有必填字段的活动
        date: 2024-05-04
        category: 文体活动
      - title: 捐款活动
        date: 2024-06-01
        category: 志愿服务
        amount: 3万元
        author: 李干事
    """


def _fields_of(content) -> dict:
    return {
        (a.date, a.title): {f.name: f.value(a) for f in fields.IMPORTED}
        for a in content.activities
        if a.origin != "routine"
    }


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_export_then_import_keeps_every_declared_column(site, tmp_path, suffix):
    """Every field with a ledger column, sign-off included, survives `wenming export` and
    `wenming import` into the same unit without its activities."""
    source = site({"data/activities/2024.yml": LOG_2024})
    original, problems = wenmingsite.load(source, today=TODAY)
    assert problems == []
    ledger = tmp_path / f"台账{suffix}"
    runner = CliRunner()
    result = runner.invoke(main, ["export", str(ledger), "--root", str(source), "--date", "2026-11-27"])
    assert result.exit_code == 0, result.output
    target = tmp_path / "target"
    shutil.copytree(source, target)
    (target / "data/activities/2024.yml").unlink()
    (target / "docs/activities/2024-03-05-plant.md").unlink()
    result = runner.invoke(main, ["import", str(ledger), "--root", str(target), "--yes"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "有问题 0 行" in result.output.splitlines()[-1]
    assert "将把 4 项活动追加到 data/activities/2024.yml（4 项）。" in result.output
    back, problems = wenmingsite.load(target, today=TODAY)
    assert problems == []
    assert _fields_of(back) == _fields_of(original)
    first = _fields_of(back)[(dt.date(2024, 4, 20), "=1+1 知识竞赛")]
    assert (first["author"], first["approved_by"], first["approved_on"]) == ("王干事", "张主任", dt.date(2024, 4, 23))
    assert first["amount"] == Decimal("1200.5") and first["criteria"] == ("culture-sports", "volunteer-service")


LEDGER_MESSAGES = (
    "日期,活动名称,类别,地点,撰稿人,审核日期\n"
    f"2024-03-01,{'很长的标题' * 17},志愿服务,,,\n"
    "2024-03-02,<b>加粗</b>,志愿服务,,,\n"
    "2024-03-03,活动,志愿服务,javascript:alert(1),<王>,\n"
    "2024-03-04,另一项活动,志愿服务,,,2024-02-30\n"
)


def test_the_ledger_import_says_what_the_build_says(site, tmp_path):
    root = site()
    path = tmp_path / "台账.csv"
    path.write_text(LEDGER_MESSAGES, encoding="utf-8")
    result = CliRunner().invoke(main, ["import", str(path), "--root", str(root), "--yes"], catch_exceptions=False)
    lines = result.output.splitlines()
    assert [line for line in lines if line.startswith("台账.csv 第")] == [
        "台账.csv 第 2 行 B 列（活动名称）：太长了（85 个字）。标题请控制在 80 个字以内，详细内容写在正文或 summary 里",
        "台账.csv 第 3 行 B 列（活动名称）：“<b>加粗</b>”中含有“<”或“>”。标题里不能写网页代码；如需书名号请用中文“《》”",
        "台账.csv 第 4 行 D 列（地点）：“javascript:alert(1)”以“javascript:”开头：浏览器会把这样的网址当作脚本运行，"
        "文字里不能这样写。请删去“javascript:”或改写这段文字",
        "台账.csv 第 4 行 E 列（撰稿人）：“<王>”中含有“<”或“>”。这里只写姓名，不能有网页代码",
        "台账.csv 第 5 行 F 列（审核日期）：日期“2024-02-30”不存在（2024年2月没有30日）。请核对后写成 2024-02-DD 的形式",
    ]
    assert lines[-2:] == [
        "共 4 行：导入 0 行，跳过空行 0 行，有问题 4 行（见上）",
        "没有可以导入的活动，没有写入任何文件。",
    ]


def test_panel_and_form_show_what_the_fields_declare(site, tmp_path):
    root = site({"data/activities/2024.yml": None, "docs/activities/2024-03-05-plant.md": FULL_PAGE})
    result = build(root, "--site-dir", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "out/activities/2024-03-05-plant/index.html").read_text(encoding="utf-8")
    panel = page[page.index('<section class="ws-activity"') : page.index("</section>", page.index("ws-activity"))]
    facts = re.findall(r"<dt>(.*?)</dt><dd>(.*?)</dd>", panel)
    assert [(dt_, re.sub(r"<[^>]+>", "", dd)) for dt_, dd in facts] == [
        ("日期", "2024年3月5日（周二）至6日"),
        ("类别", "志愿服务"),
        ("组织部门", "办公室"),
        ("地点", "人民公园"),
        ("参与", "30 人次"),
        ("志愿服务时长", "2.5 小时"),
        ("金额", "1,200 元"),
        ("测评项目", "学雷锋志愿服务"),
    ]
    assert '<p class="ws-summary">清扫公园</p>' in panel
    form = (tmp_path / "out/editor/index.html").read_text(encoding="utf-8")
    for f in fields.FORM:
        assert f'name="{f.name}"' in form, f.name
        assert f.label in form
    assert form.index('name="author"') < form.index('name="photos"') < form.index('name="draft"')


FULL_PAGE = """\
    ---
    title: 社区清扫
    date: 2024-03-05
    end_date: 2024-03-06
    category: 志愿服务
    department: 办公室
    location: 人民公园
    participants: 30
    volunteer_hours: 2.5
    amount: 1200
    summary: 清扫公园
    ---
    正文。
    """


def test_an_approval_in_the_ledger_is_checked_as_the_loader_checks_it(site, tmp_path):
    unit = site().joinpath("data/unit.yml").read_text(encoding="utf-8") + "review: true\napprovers: [张主任]\n"
    root = site({"data/unit.yml": unit, "docs/activities/2024-03-05-plant.md": None})
    path = tmp_path / "台账.csv"
    path.write_text(
        "日期,活动名称,类别,审核人,审核日期\n"
        "2024-03-01,审核人不在名单,志愿服务,张主仁,2024-03-02\n"
        "2024-03-02,先审核后办活动,志愿服务,张主任,2024-03-01\n"
        "2024-03-03,只有审核人,志愿服务,张主任,\n"
        "2024-03-04,审核过的活动,志愿服务,张主任,2024-03-05\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["import", str(path), "--root", str(root), "--yes"], catch_exceptions=False)
    lines = result.output.splitlines()
    assert [line for line in lines if line.startswith("台账.csv 第")] == [
        "台账.csv 第 2 行 D 列（审核人）：审核人（approved_by）“张主仁”不在 data/unit.yml 的审核人名单（approvers）中。"
        "是不是“张主任”？请改成名单里的一位，或先由单位在 approvers 中加上此人",
        "台账.csv 第 3 行 E 列（审核日期）：审核日期（approved_on）2024-03-01 早于活动日期 2024-03-02：材料还没有就审核了。"
        "请核对审核日期",
        "台账.csv 第 4 行 D 列（审核人）：写了审核人（approved_by）“张主任”，却没有写审核日期（approved_on）。"
        "请补上 approved_on: 2026-03-05 这样的日期，或用 wenming approve 文件 --by 姓名 一并写好",
    ]
    assert lines[-1] == "共 4 行：导入 1 行，跳过空行 0 行，有问题 3 行（见上）"
    content, problems = wenmingsite.load(root, today=TODAY)
    assert problems == []
    [a] = [a for a in content.activities if a.origin == "log"]
    assert (a.title, a.signoff.approved_by, a.signoff.approved_on, a.pending) == (
        "审核过的活动",
        "张主任",
        dt.date(2024, 3, 5),
        False,
    )
