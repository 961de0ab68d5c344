"""Sign-off as data (issue 28): with data/unit.yml's ``review`` on, material nobody approved is
shown only in the editors' preview (marked 待审核), listed by ``wenming check`` and ``wenming
review``, and absent from everything a public build or ``wenming export``/``pack`` writes, until
``wenming approve`` (or the same edit by hand) records the approval."""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import BASE_FILES, TODAY, build, search_text

from wenmingsite.commands.cli import main
from wenmingsite.outputs.api import read_activities

TITLE = "五月青年读书分享会"
PAGE = "docs/activities/2024-05-08-reading.md"
READING = """\
    ---
    title: 五月青年读书分享会
    date: 2024-05-08
    category: 文体活动
    department: 工会
    author: 王干事
    summary: 青年职工分享读书心得。
    ---

    青年职工在会议室分享读书心得，交流《平凡的世界》读后感。
    """
INDENT = "        "  # BASE_FILES are dedented on writing


def approved(text: str, after: str, by: str = "张主任", on: str = "2024-03-06") -> str:
    return text.replace(after, f"{after}{INDENT}approved_by: {by}\n{INDENT}approved_on: {on}\n", 1)


def jpeg() -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (64, 48), (180, 40, 40)).save(out, "JPEG")
    return out.getvalue()


def photo_files(site_dir: Path) -> list[Path]:
    return (
        [p for p in (site_dir / "assets/photos").rglob("*") if p.is_file()]
        if (site_dir / "assets/photos").is_dir()
        else []
    )


def review_unit(site, extra: dict | None = None, preview: bool = False) -> Path:
    """The fixture unit with review on, its chapter and first activity approved, and one
    activity (the reading session, with the unit's only photo) written but not yet approved."""
    mkdocs = "site_url: https://example.org/\n" + BASE_FILES["mkdocs.yml"]
    if preview:
        mkdocs = mkdocs.replace("  - wenming\n", "  - wenming:\n      preview: true\n")
    files = {
        "mkdocs.yml": mkdocs,
        "data/unit.yml": BASE_FILES["data/unit.yml"] + "review: true\napprovers: [张主任, 李科长]\n",
        "docs/report/01-first.md": approved(BASE_FILES["docs/report/01-first.md"], "order: 1\n"),
        "docs/activities/2024-03-05-plant.md": approved(
            BASE_FILES["docs/activities/2024-03-05-plant.md"], "participants: 20\n"
        ),
        PAGE: READING.replace(
            "summary: 青年职工分享读书心得。\n",
            "summary: 青年职工分享读书心得。\n    photos:\n      - src: 2024-05-08-reading/会场.jpg\n        caption: 读书分享会现场\n",
        ),
        "docs/activities/2024-05-08-reading/会场.jpg": jpeg(),
        **(extra or {}),
    }
    return site(files)


def run(*args, cwd: Path | None = None):
    old = os.getcwd()
    if cwd:
        os.chdir(cwd)
    try:
        return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False, prog_name="wenming")
    finally:
        os.chdir(old)


def every_text(folder: Path) -> str:
    """Every file a build wrote, as text (search index, JSON, feed, sitemap, pages)."""
    out = []
    for path in sorted(folder.rglob("*")):
        if path.is_file() and path.suffix in (".html", ".json", ".xml", ".txt", ".js", ".csv"):
            out.append(path.read_text(encoding="utf-8", errors="replace").replace("\u200b", ""))
    return "\n".join(out)


# --- the rule at work ---------------------------------------------------------------------


def test_an_unapproved_activity_is_withheld_from_every_public_output_and_the_log_says_so(site):
    root = review_unit(site)
    result = build(root)
    assert result.returncode == 0, result.stderr
    assert (
        f"1 篇待审核材料未发布：{PAGE}:2 活动“{TITLE}”。审核后用 wenming approve 文件 --by 姓名 记录审核"
        in result.stderr
    )
    out = root / "site"
    assert not (out / "activities/2024-05-08-reading").exists()
    assert [a["title"] for a in read_activities(out)] == ["植树节义务植树"]
    assert not (out / "api/activities/2024-05.json").exists()  # its month has nothing published
    assert TITLE not in (out / "feed.xml").read_text("utf-8")
    assert "2024-05-08-reading" not in (out / "sitemap.xml").read_text("utf-8")
    assert TITLE not in search_text(out)
    assert TITLE not in (out / "index.html").read_text("utf-8")
    assert TITLE not in (out / "timeline/index.html").read_text("utf-8")
    # Nor anywhere else: no page, list, statistic, data file or index names it.
    assert TITLE not in every_text(out)
    assert "交流《平凡的世界》" not in every_text(out) and "读书分享会现场" not in every_text(out)
    assert photo_files(out) == []  # its photo is not published either
    # The approved activity is published as usual.
    assert "植树节义务植树" in (out / "timeline/index.html").read_text("utf-8")


def test_the_preview_shows_it_marked_pending_on_its_page_and_in_lists(site):
    root = review_unit(site, preview=True)
    result = build(root)
    assert result.returncode == 0, result.stderr
    assert "1 篇待审核材料只在预览中显示（标有“待审核”），正式网站不会发布" in result.stderr
    out = root / "site"
    page = (out / "activities/2024-05-08-reading/index.html").read_text("utf-8")
    assert '<p class="admonition-title"><span class="ws-pending">待审核</span> 这份材料还没有审核</p>' in page
    assert "撰稿人：王干事。" in page
    timeline = (out / "timeline/index.html").read_text("utf-8")
    row = re.search(
        r'<p class="[^"]*ws-tl__title"><a href="[^"]*2024-05-08-reading/">五月青年读书分享会</a>(.*?)</p>', timeline
    )
    assert row and row.group(1) == '<span class="ws-pending">待审核</span>'
    home = (out / "index.html").read_text("utf-8")
    assert f'{TITLE}</a><span class="ws-pending">待审核</span>' in home
    # The approved one carries no badge.
    assert re.search(r"植树节义务植树</a></p>", timeline)


def test_check_lists_pending_material_as_notices_and_review_lists_it(site):
    root = review_unit(site)
    result = run("check", "--no-images", "--root", root)
    assert result.exit_code == 0, result.output
    assert (
        f"{PAGE}:2: 活动“{TITLE}”待审核：开启了发布审核（data/unit.yml 的 review），它还没有审核，正式网站不会发布。"
        f"审核人确认后运行 wenming approve {PAGE} --by 姓名"
    ) in result.output
    # The summary's counts leave it out, and say so (an import of rows waiting for review
    # looked as if rows were lost).
    assert "另有 1 项材料待审核，不计入上面的数字，审核后才发布（wenming review 列出）。" in result.output
    result = run("review", "--root", root)
    assert result.exit_code == 0
    assert result.output.splitlines()[:2] == [
        "待审核材料 1 项（审核前不会发布；审核人：张主任、李科长）：",
        f"  {PAGE}:2: 活动 2024-05-08“{TITLE}”，撰稿人 王干事",
    ]


def test_after_wenming_approve_it_is_published_everywhere(site, tmp_path):
    root = review_unit(site)
    before = (root / PAGE).read_bytes()
    result = run("approve", PAGE, "--by", "李科长", "--date", "2024-05-09", cwd=root)
    assert result.exit_code == 0, result.output
    assert result.output == f"已审核：{PAGE}:2 活动“{TITLE}”（审核人 李科长，2024-05-09）\n"
    # Two lines more at the end of the front matter; every other byte as it was.
    assert (root / PAGE).read_bytes() == before.replace(
        "caption: 读书分享会现场\n---\n".encode(),
        "caption: 读书分享会现场\napproved_by: 李科长\napproved_on: 2024-05-09\n---\n".encode(),
    )
    assert run("review", "--root", root).output.startswith("没有待审核的材料：全部已经审核。")
    result = build(root)
    assert result.returncode == 0, result.stderr
    assert "待审核" not in result.stderr
    out = root / "site"
    assert TITLE in (out / "activities/2024-05-08-reading/index.html").read_text("utf-8")
    assert "ws-pending" not in (out / "activities/2024-05-08-reading/index.html").read_text("utf-8")
    titles = [a["title"] for a in read_activities(out)]
    assert titles == ["植树节义务植树", TITLE]
    assert TITLE in (out / "feed.xml").read_text("utf-8")
    assert "2024-05-08-reading/" in (out / "sitemap.xml").read_text("utf-8")
    assert TITLE in search_text(out)
    assert TITLE in (out / "timeline/index.html").read_text("utf-8")
    assert photo_files(out) and "读书分享会现场" in (out / "api/photos.json").read_text("utf-8")
    # Approving again changes the approval in place, nothing else.
    result = run("approve", PAGE, "--by", "张主任", "--date", "2024-05-10", cwd=root)
    assert result.exit_code == 0, result.output
    text = (root / PAGE).read_text("utf-8")
    assert text.count("approved_by") == 1 and "approved_by: 张主任\napproved_on: 2024-05-10\n" in text


def test_one_edit_by_hand_works_the_same(site):
    root = review_unit(site, {PAGE: READING.replace("author: 王干事\n", "author: 王干事\n    审核人: 张主任\n")})
    result = run("check", "--no-images", "--root", root)
    assert f"{PAGE}:7:1: 未知字段“审核人”，是不是想写 approved_by？" in result.output
    root = review_unit(
        site,
        {
            PAGE: READING.replace(
                "author: 王干事\n", "author: 王干事\n    approved_by: 张主任\n    approved_on: 2024年5月9日\n"
            )
        },
    )
    result = run("review", "--root", root)
    assert result.output.startswith("没有待审核的材料")


def test_export_and_pack_leave_pending_material_out_and_carry_the_sign_off_columns(site, tmp_path):
    root = review_unit(site)
    ledger = tmp_path / "台账.csv"
    result = run("export", ledger, "--root", root, "--date", "2026-11-27")
    assert result.exit_code == 0, result.output
    with open(ledger, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0][-3:] == ["撰稿人", "审核人", "审核日期"]
    assert [r[3] for r in rows[1:]] == ["植树节义务植树"]
    assert rows[1][-3:] == ["", "张主任", "2024-03-06"]
    assert run("approve", PAGE, "--by", "李科长", "--date", "2024-05-09", cwd=root).exit_code == 0
    assert run("export", ledger, "--root", root, "--date", "2026-11-27").exit_code == 0
    with open(ledger, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert [r[3] for r in rows[1:]] == ["植树节义务植树", TITLE]
    assert rows[2][-3:] == ["王干事", "李科长", "2024-05-09"]
    book = tmp_path / "台账.xlsx"
    assert run("export", book, "--root", root, "--date", "2026-11-27").exit_code == 0
    import openpyxl

    sheet = openpyxl.load_workbook(book)["2024年"]
    header = [c.value for c in sheet[1]]
    assert header[-3:] == ["撰稿人", "审核人", "审核日期"]
    assert [c.value for c in sheet[3]][-3:] == ["王干事", "李科长", dt.datetime(2024, 5, 9)]


def test_pack_leaves_pending_material_out(site, tmp_path):
    pytest.importorskip("weasyprint")
    import subprocess

    root = review_unit(site)
    result = run("pack", "--root", root, "--site-url", "https://example.org/", "--date", "2026-11-27")
    assert result.exit_code == 0, result.output
    texts = ""
    for pdf in sorted((root / "dist").glob("*.pdf")):
        texts += subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "植树节义务植树" in texts
    assert TITLE not in texts.replace("\n", "")


def test_a_log_entry_a_chapter_and_an_honour_are_withheld_too_and_approved_by_file_and_line(site):
    log = """\
        activities:
          - title: 职工健步走
            date: 2024-04-20
            category: 文体活动
            participants: 40
          - title: 端午包粽子
            date: 2024-06-10
            category: 文体活动
            approved_by: 李科长
            approved_on: 2024-06-11
        routines:
          - title: 每周一升国旗
            repeat: 每周
            weekday: 周一
            start: 2024-09-02
            end: 2024-09-30
            category: 文体活动
        """
    honours = """\
        - year: 2024
          month: 6
          title: 市级青年文明号
          level: 市级
          awarded_by: 测试市文明办
        """
    chapter = """\
        ---
        title: 二、志愿服务
        order: 2
        ---

        # 二、志愿服务

        正文。
        """
    root = review_unit(
        site, {"data/activities/2024.yml": log, "data/honours.yml": honours, "docs/report/02-second.md": chapter}
    )
    result = run("review", "--root", root)
    assert result.output.splitlines()[:6] == [
        "待审核材料 5 项（审核前不会发布；审核人：张主任、李科长）：",
        "  data/activities/2024.yml:2: 活动 2024-04-20“职工健步走”",
        "  data/activities/2024.yml:12: 例行活动 2024-09-02“每周一升国旗”",
        "  data/honours.yml:1: 荣誉“市级青年文明号”",
        f"  {PAGE}:2: 活动 2024-05-08“{TITLE}”，撰稿人 王干事",
        "  docs/report/02-second.md:2: 汇报章节“二、志愿服务”",
    ]
    result = build(root)
    assert result.returncode == 0, result.stderr
    assert "5 篇待审核材料未发布：" in result.stderr
    text = every_text(root / "site")
    for title in ("职工健步走", "每周一升国旗", "市级青年文明号", "二、志愿服务"):
        assert title not in text
    assert "端午包粽子" in text
    assert not (root / "site/report/02-second").exists()
    before = (root / "data/activities/2024.yml").read_text("utf-8")
    result = run(
        "approve",
        "data/activities/2024.yml:2",
        "data/honours.yml",
        "docs/report/02-second.md",
        "--by",
        "张主任",
        "--date",
        "2024-07-01",
        cwd=root,
    )
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        "已审核：data/activities/2024.yml:2 活动“职工健步走”（审核人 张主任，2024-07-01）",
        "已审核：data/honours.yml:1 荣誉“市级青年文明号”（审核人 张主任，2024-07-01）",
        "已审核：docs/report/02-second.md:2 汇报章节“二、志愿服务”（审核人 张主任，2024-07-01）",
    ]
    assert (root / "data/activities/2024.yml").read_text("utf-8") == before.replace(
        "    participants: 40\n", "    participants: 40\n    approved_by: 张主任\n    approved_on: 2024-07-01\n"
    )
    assert (
        (root / "data/honours.yml")
        .read_text("utf-8")
        .endswith("  awarded_by: 测试市文明办\n  approved_by: 张主任\n  approved_on: 2024-07-01\n")
    )
    # A whole data file: only what waits in it (the routine), not the entries approved already.
    before = (root / "data/activities/2024.yml").read_text("utf-8")
    result = run("approve", "data/activities/2024.yml", "--by", "李科长", "--date", "2024-10-08", cwd=root)
    assert result.output == "已审核：data/activities/2024.yml:14 例行活动“每周一升国旗”（审核人 李科长，2024-10-08）\n"
    assert (root / "data/activities/2024.yml").read_text("utf-8") == before + (
        "    approved_by: 李科长\n    approved_on: 2024-10-08\n"
    )
    result = run("approve", "data/activities/2024.yml", "--by", "李科长", cwd=root)
    assert result.exit_code == 1
    assert "data/activities/2024.yml: data/activities/2024.yml 中没有待审核的条目。" in result.output
    result = build(root)
    assert result.returncode == 0, result.stderr
    text = every_text(root / "site")
    for title in ("职工健步走", "每周一升国旗", "市级青年文明号", "二、志愿服务"):
        assert title in text


def test_a_link_to_a_pending_page_fails_the_public_build_with_a_chinese_line(site):
    root = review_unit(
        site, {"docs/index.md": "---\ntitle: 首页\n---\n\n见[读书会](activities/2024-05-08-reading.md)。\n"}
    )
    result = build(root)
    assert result.returncode == 1
    assert (
        "docs/index.md:5:8: 链接的目标“activities/2024-05-08-reading.md”是待审核的活动，正式网站不会发布它，这个链接会失效。"
        f"请先审核它（wenming approve {PAGE} --by 姓名），或暂时去掉这个链接"
    ) in result.stderr


def test_review_is_off_by_default_and_then_nothing_is_withheld(site):
    root = site({PAGE: READING})
    result = run("review", "--root", root)
    assert result.output == "本单位没有开启发布审核（data/unit.yml 的 review），所有材料构建后直接发布。\n"
    assert run("check", "--no-images", "--root", root).exit_code == 0


# --- bad input ----------------------------------------------------------------------------


def check_lines(root: Path) -> list[str]:
    result = run("check", "--no-images", "--root", root)
    return [line for line in result.output.splitlines() if line.startswith(("docs/", "data/"))]


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        (
            "approved_by: 张主仁\napproved_on: 2024-05-09\n",
            f"{PAGE}:8:14: 审核人（approved_by）“张主仁”不在 data/unit.yml 的审核人名单（approvers）中。"
            "是不是“张主任”？请改成名单里的一位，或先由单位在 approvers 中加上此人",
        ),
        (
            "approved_by: 赵六\napproved_on: 2024-05-09\n",
            f"{PAGE}:8:14: 审核人（approved_by）“赵六”不在 data/unit.yml 的审核人名单（approvers）中。"
            "请改成名单里的一位，或先由单位在 approvers 中加上此人",
        ),
        (
            "approved_by: 张主任\napproved_on: 2024-05-01\n",
            f"{PAGE}:9:14: 审核日期（approved_on）2024-05-01 早于活动日期 2024-05-08：材料还没有就审核了。请核对审核日期",
        ),
        (
            "approved_by: 张主任\napproved_on: 2099-01-01\n",
            f"{PAGE}:9:14: 审核日期（approved_on）2099-01-01 还没到（今天是 {TODAY.isoformat()}）。请写实际审核的日期",
        ),
        (
            "approved_on: 2024-05-09\n",
            f"{PAGE}:8:14: 写了审核日期（approved_on），却没有写审核人（approved_by）。请补上 approved_by: 审核人姓名，"
            "或用 wenming approve 文件 --by 姓名 一并写好",
        ),
        (
            "approved_by: 张主任\n",
            f"{PAGE}:8:14: 写了审核人（approved_by）“张主任”，却没有写审核日期（approved_on）。"
            "请补上 approved_on: 2026-03-05 这样的日期，或用 wenming approve 文件 --by 姓名 一并写好",
        ),
        (
            "approved_by: 张主任\napproved_on: 2024-05-32\n",
            f"{PAGE}:9:14: 审核日期（approved_on）：日期“2024-05-32”不存在（2024年5月没有32日）。请核对后写成 2024-05-DD 的形式",
        ),
        (
            "approved_by: [张主任, 李科长]\napproved_on: 2024-05-09\n",
            f"{PAGE}:8:14: 审核人（approved_by）：应该是一段文字，这里却是列表。如果值以“[”开头（例如“[通知]”），请用英文双引号把整个值括起来",
        ),
    ],
)
def test_bad_approvals_are_chinese_file_line_errors(site, fields, message, monkeypatch):
    # A fixed today: the expected texts are made when the tests are collected, which may be the day before
    monkeypatch.setenv("WENMING_TODAY", TODAY.isoformat())
    page = READING.replace(
        "summary: 青年职工分享读书心得。\n",
        "summary: 青年职工分享读书心得。\n" + "".join(f"    {f}\n" for f in fields.splitlines()),
    )
    root = review_unit(site, {PAGE: page})
    assert message in check_lines(root)


def test_bad_approvals_fail_the_build(site):
    page = READING.replace("author: 王干事\n", "author: 王干事\n    approved_by: 张主仁\n    approved_on: 2024-05-09\n")
    root = review_unit(site, {PAGE: page})
    result = build(root)
    assert result.returncode == 1
    assert "“张主仁”不在 data/unit.yml 的审核人名单（approvers）中。是不是“张主任”？" in result.stderr
    assert not (root / "site").exists()


def test_bad_unit_settings(site):
    root = site({"data/unit.yml": BASE_FILES["data/unit.yml"] + "review: true\n"})
    assert (
        "data/unit.yml:11:9: 已开启发布审核（review: true），但没有列出审核人（approvers），任何材料都无法审核发布。"
        "请写上 approvers: [姓名, …]，或改为 review: false"
    ) in check_lines(root)
    root = site({"data/unit.yml": BASE_FILES["data/unit.yml"] + "发布审核: true\napprovers: [张主任, 张主任]\n"})
    lines = check_lines(root)
    assert "data/unit.yml:11:1: 未知字段“发布审核”，是不是想写 review？" in lines
    assert "data/unit.yml:12:12: 审核人名单（approvers）中有重复的姓名“张主任”。请删除重复项" in lines


def test_a_date_before_an_honour_and_a_log_entry_with_its_line(site):
    honours = """\
        - year: 2024
          month: 6
          title: 市级青年文明号
          level: 市级
          awarded_by: 测试市文明办
          approved_by: 张主任
          approved_on: 2024-05-20
        """
    root = review_unit(site, {"data/honours.yml": honours})
    assert (
        "data/honours.yml:7:16: 第 1 项荣誉的审核日期（approved_on）2024-05-20 早于荣誉日期 2024-06-01："
        "材料还没有就审核了。请核对审核日期"
    ) in check_lines(root)


def test_approve_refuses_what_it_must_not_write(site, tmp_path):
    root = review_unit(site)
    before = (root / PAGE).read_bytes()
    result = run("approve", PAGE, "--by", "张主仁", cwd=root)
    assert result.exit_code == 1
    assert (
        f"{PAGE}: “张主仁”不在 data/unit.yml 的审核人名单（approvers）中。是不是“张主任”？名单：张主任、李科长"
        in result.output
    )
    result = run("approve", PAGE, "--by", "张主任", "--date", "2024-05-07", cwd=root)
    assert (
        f"{PAGE}: 审核日期 2024-05-07 早于活动“{TITLE}”的日期 2024-05-08。请用 --date 写实际审核的日期" in result.output
    )
    result = run("approve", PAGE, "--by", "张主任", "--date", "2099-01-01", cwd=root)
    assert "审核日期 2099-01-01 还没到" in result.output
    result = run("approve", "docs/index.md", "--by", "张主任", cwd=root)
    assert "docs/index.md 不是活动、例行活动、汇报章节或荣誉。" in result.output
    outside = tmp_path / "outside.md"
    outside.write_text("---\ntitle: x\n---\n", encoding="utf-8")
    result = run("approve", outside, "--by", "张主任", cwd=root)
    assert f"{outside} 在网站文件夹以外，没有修改" in result.output
    assert outside.read_text("utf-8") == "---\ntitle: x\n---\n"
    # A page that is a symbolic link is neither read nor written through.
    target = tmp_path / "real.md"
    target.write_text(READING.replace("    ", ""), encoding="utf-8")
    link = root / "docs/activities/2024-05-09-link.md"
    link.symlink_to(target)
    result = run("approve", "docs/activities/2024-05-09-link.md", "--by", "张主任", cwd=root)
    assert result.exit_code == 1
    assert target.read_text("utf-8") == READING.replace("    ", "")
    assert (root / PAGE).read_bytes() == before


def test_approve_keeps_crlf_and_bom(site):
    root = review_unit(site)
    text = "\ufeff" + (root / PAGE).read_text("utf-8").replace("\n", "\r\n")
    (root / PAGE).write_bytes(text.encode("utf-8"))
    assert run("approve", PAGE, "--by", "张主任", "--date", "2024-05-09", cwd=root).exit_code == 0
    assert (root / PAGE).read_bytes() == text.replace(
        "caption: 读书分享会现场\r\n---\r\n",
        "caption: 读书分享会现场\r\napproved_by: 张主任\r\napproved_on: 2024-05-09\r\n---\r\n",
    ).encode("utf-8")


def test_new_fills_the_writer(site):
    root = review_unit(site)
    result = run(
        "new",
        "--title",
        "重阳敬老",
        "--date",
        "2024-10-11",
        "--category",
        "志愿服务",
        "--department",
        "工会",
        "--author",
        "王干事",
        "--root",
        root,
    )
    assert result.exit_code == 0, result.output
    text = (root / "docs/activities/2024/2024-10-11-重阳敬老.md").read_text("utf-8")
    assert "\nauthor: 王干事\n" in text


def test_upgrade_does_not_turn_review_on_for_an_existing_unit(tmp_path):
    import shutil

    from conftest import REPO

    root = tmp_path / "unit"
    shutil.copytree(REPO / "tests" / "data" / "unit-0.1.0", root)
    unit_yml = (root / "data/unit.yml").read_bytes()
    result = run("upgrade", "--root", root)
    assert result.exit_code == 0, result.output
    assert (root / "data/unit.yml").read_bytes() == unit_yml
    assert "review" not in unit_yml.decode("utf-8")
    assert run("review", "--root", root).output.startswith("本单位没有开启发布审核")


def test_a_new_unit_has_review_on_with_its_samples_approved(tmp_path):
    root = tmp_path / "新单位"
    result = CliRunner(env={"WENMING_TODAY": "2026-11-27"}).invoke(
        main,
        [
            "init",
            str(root),
            "--name",
            "某某市图书馆",
            "--short-name",
            "市图书馆",
            "--title-sought",
            "市级文明单位",
            "--term-start",
            "2025-01-01",
            "--term-end",
            "2027-12-31",
        ],
        prog_name="wenming",
    )
    assert result.exit_code == 0, result.output
    unit = (root / "data/unit.yml").read_text("utf-8")
    assert "\nreview: true\n" in unit and "\napprovers:\n  - 示例审核人\n" in unit
    assert run("review", "--root", root).output.startswith("没有待审核的材料：全部已经审核。审核人：示例审核人")
    # The unit names its approver: the samples then say who approved them is not in the list.
    (root / "data/unit.yml").write_text(unit.replace("  - 示例审核人\n", "  - 周主任\n"), encoding="utf-8")
    lines = check_lines(root)
    assert (
        "docs/report/01-组织领导.md:6:14: 审核人（approved_by）“示例审核人”不在 data/unit.yml 的审核人名单（approvers）中。"
        "请改成名单里的一位，或先由单位在 approvers 中加上此人"
    ) in lines


def test_a_nav_entry_whose_data_all_waits_for_approval_says_so(site):
    honours = """\
        - year: 2024
          title: 市级青年文明号
          level: 市级
          awarded_by: 测试市文明办
        """
    root = review_unit(site, {"data/honours.yml": honours})
    mkdocs = (root / "mkdocs.yml").read_text("utf-8") + "  - 荣誉: honours/index.md\n"
    (root / "mkdocs.yml").write_text(mkdocs, encoding="utf-8")
    message = (
        "mkdocs.yml:21: 导航（nav）中的这一页要由 data/honours.yml 生成，而其中的内容都还待审核，正式网站上没有这一页。"
        "请先审核（wenming review 列出待审核的条目，wenming approve data/honours.yml --by 姓名），"
        "或者在行首加 # 暂时不显示这一行导航"
    )
    assert message in run("check", "--no-images", "--root", root).output
    result = build(root)
    assert result.returncode == 1 and message in result.stderr
    assert run("approve", "data/honours.yml", "--by", "张主任", "--date", "2024-12-01", cwd=root).exit_code == 0
    result = build(root)
    assert result.returncode == 0, result.stderr
    assert "市级青年文明号" in (root / "site/honours/index.html").read_text("utf-8")


def test_approve_never_writes_an_entry_it_cannot_extend(site):
    log = "activities:\n  - {title: 职工健步走, date: 2024-04-20, category: 文体活动}\n"
    root = review_unit(site, {"data/activities/2024.yml": log})
    result = run("approve", "data/activities/2024.yml:2", "--by", "张主任", "--date", "2024-05-01", cwd=root)
    assert result.exit_code == 1
    assert (
        "data/activities/2024.yml:2: 这一条的写法（例如写在一行的 {…}）无法自动加上审核，文件没有修改。"
        "请在其中手工写上 approved_by: 审核人姓名 和 approved_on: 审核日期 两项"
    ) in result.output
    assert (root / "data/activities/2024.yml").read_text("utf-8") == log


NOTICE = "docs/notices/2024-05-10-meeting.md"
NOTICE_TITLE = "关于召开创建工作推进会的通知"
NOTICE_TEXT = f"""\
    ---
    title: {NOTICE_TITLE}
    date: 2024-05-10
    department: 办公室
    ---

    定于五月中旬召开创建工作推进会，请各部门做好准备。
    """


def test_a_notice_waits_for_approval_like_an_activity(site):
    root = review_unit(site, {PAGE: READING, NOTICE: NOTICE_TEXT})
    result = build(root)
    assert result.returncode == 0, result.stderr
    out = root / "site"
    assert NOTICE_TITLE not in every_text(out)
    assert not (out / "notices/2024-05-10-meeting/index.html").exists()
    assert f"{NOTICE}:2 通知“{NOTICE_TITLE}”" in result.stderr
    assert f"{NOTICE}:2: 通知 2024-05-10“{NOTICE_TITLE}”" in run("review", "--root", root).output

    preview = review_unit(site, {PAGE: READING, NOTICE: NOTICE_TEXT}, preview=True)
    assert build(preview).returncode == 0
    page = (preview / "site/notices/2024-05-10-meeting/index.html").read_text("utf-8")
    assert '<span class="ws-pending">待审核</span> 这份材料还没有审核' in page
    listing = (preview / "site/notices/index.html").read_text("utf-8")
    assert f'{NOTICE_TITLE}</a><span class="ws-pending">待审核</span>' in listing

    result = run("approve", NOTICE, "--by", "张主任", "--date", "2024-05-11", cwd=root)
    assert result.exit_code == 0, result.output
    assert build(root).returncode == 0
    page = (out / "notices/2024-05-10-meeting/index.html").read_text("utf-8")
    assert NOTICE_TITLE in page and "ws-pending" not in page
    assert NOTICE_TITLE in (out / "notices/index.html").read_text("utf-8")
    assert NOTICE_TITLE in search_text(out)


def test_wenming_build_preview_shows_pending_material_for_the_reviewer(site, monkeypatch):
    """The pull request's preview (wenming build --preview) is the reviewer's view: what waits
    for approval is there, marked; a plain build leaves it out."""
    root = review_unit(site)
    monkeypatch.setenv("WENMING_TODAY", "2026-11-27")
    result = run("build", "--preview", "--root", root)
    assert result.exit_code == 0, result.output
    page = (root / "site/activities/2024-05-08-reading/index.html").read_text("utf-8")
    assert '<span class="ws-pending">待审核</span> 这份材料还没有审核' in page
    result = run("build", "--root", root)
    assert result.exit_code == 0, result.output
    assert not (root / "site/activities/2024-05-08-reading/index.html").exists()


def png() -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (40, 30), (20, 120, 60)).save(out, "PNG")
    return out.getvalue()


def test_pictures_only_a_pending_chapter_shows_wait_with_it(site):
    """A pending chapter's own pictures are not published before its text is; a picture a
    published page also shows stays."""
    chapter = (
        "---\ntitle: 二、思想道德建设\norder: 2\n---\n\n# 二、思想道德建设\n\n"
        "![讲座](images/only.png)\n\n![共用](images/shared.png)\n"
    )
    extra = {
        "docs/report/02-second.md": chapter,
        "docs/report/images/only.png": png(),
        "docs/report/images/shared.png": png(),
        "docs/about.md": "---\ntitle: 关于\n---\n\n![共用](report/images/shared.png)\n",
    }
    root = review_unit(site, extra)
    result = build(root)
    assert result.returncode == 0, result.stderr
    assert not (root / "site/report/images/only.png").exists()
    assert (root / "site/report/images/shared.png").is_file()
    assert not (root / "site/report/02-second").exists()

    preview = review_unit(site, extra, preview=True)
    assert build(preview).returncode == 0
    assert (preview / "site/report/images/only.png").is_file()
