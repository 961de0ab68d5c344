"""Issue 15 friction: follow-on photo errors, unlisted photos, hostile titles, Chinese prompts."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from conftest import TODAY, write

from wenmingsite import load
from wenmingsite.commands.cli import main, yaml_value
from wenmingsite.loading import frontmatter

A = "docs/activities/2024-03-05-plant.md"
BASE = "date: 2024-03-05\ncategory: 志愿服务\nparticipants: 20\n"
JPEG = b"\xff\xd8\xff\xe0fake"
UNLISTED = (
    "未列入 photos 的照片：它不会出现在网站上（原图从不发布），这不影响网站生成。"
    "要展示它，请在对应活动的 photos 中加上它和一句说明；不需要就删除它"
)


def run(*args, input=None):
    return CliRunner().invoke(main, [str(a) for a in args], input=input, catch_exceptions=False, prog_name="wenming")


def page(front: str) -> dict:
    return {A: f"---\n{front}---\n\n3月5日上午，工会组织志愿者植树。\n"}


def test_a_page_that_cannot_be_read_is_the_only_problem_not_its_photos(site):
    root = site(page("title: [植树\n" + BASE + "photos:\n  - src: 2024-03-05-plant/a.jpg\n    caption: 现场\n"))
    write(root, "docs/activities/2024-03-05-plant/a.jpg", JPEG)
    write(root, "docs/activities/2024-03-05-plant/b.jpg", JPEG)  # in its folder, not yet listed
    content, problems = load(root, today=TODAY)
    assert [str(p) for p in problems] == [
        f"{A}:3:5: YAML 格式错误：以“[”开头的值被当成了列表，但没有正确结束。如果方括号是文字的一部分，请用英文双引号把整个值括起来"
    ]
    assert content.notices == ()


def test_an_unlisted_photo_is_a_notice_in_check_and_never_published(site):
    root = site(page("title: 植树\n" + BASE + "photos:\n  - src: plant/a.jpg\n    caption: 现场\n"))
    write(root, "docs/activities/plant/a.jpg", JPEG)
    write(root, "docs/activities/plant/extra.jpg", JPEG)
    content, problems = load(root, today=TODAY)
    assert problems == []
    assert [str(p) for p in content.notices] == [f"docs/activities/plant/extra.jpg: {UNLISTED}"]
    assert "activities/plant/extra.jpg" not in content.files
    result = run("check", "--root", root, "--date", TODAY, "--no-images")
    assert result.exit_code == 0, result.output
    assert f"提示 docs/activities/plant/extra.jpg: {UNLISTED}" in result.stdout.splitlines()
    assert result.stdout.splitlines()[-1] == "另有 1 条提示（不影响网站生成），见上面以“提示”开头的行。"
    result = run("check", "--root", root, "--date", TODAY, "--no-images", "--format", "github")
    assert f"::notice file=docs/activities/plant/extra.jpg::{UNLISTED}" in result.stdout.splitlines()


def test_a_listed_photo_with_its_own_problem_is_not_also_unlisted(site):
    root = site(page("title: 植树\n" + BASE + "photos:\n  - src: plant/c.jpg\n"))
    write(root, "docs/activities/plant/c.jpg", JPEG)
    content, problems = load(root, today=TODAY)
    assert [str(p) for p in problems] == [
        f"{A}:7:10: 第 1 张照片“plant/c.jpg”没有说明。请加上 caption: 一句话说明照片内容（视障读者也靠它了解照片）"
    ]
    assert content.notices == ()


HOSTILE = [
    "主题：学习 #二十大",
    "[通知]",
    '"引号"',
    "&A3",
    "!重要",
    "a: b",
    "50",
    "yes",
    "*星",
    "|竖线",
    "% 比例",
    "`代码`",
    "反斜杠\\n",
    "{括号}",
    "- 开头",
    "? 问",
    "@人",
    "末尾 #",
    "a: \U000e0001",
    "铃\x07声",
    "零宽\u200b空格",
]  # invisible characters need escapes (above U+FFFF: \U)


@pytest.mark.parametrize("title", HOSTILE)
def test_yaml_value_reads_back_as_the_title(title):
    parts = frontmatter.split(f"---\ntitle: {yaml_value(title)}\n---\n", "x.md")
    assert list(parts.problems) == []
    assert str(parts.meta["title"]) == title


@pytest.mark.parametrize("title", ["主题：学习 #二十大", "[通知]", '"引号"', "&A3", "!重要", "a: b"])
def test_new_writes_a_page_that_passes_its_own_check(site, title):
    root = site()
    result = run(
        "new",
        "--root",
        root,
        "--title",
        title,
        "--date",
        "2026-03-05",
        "--category",
        "志愿服务",
        "--department",
        "工会",
    )
    assert result.exit_code == 0, result.output
    path = root / result.output.splitlines()[0].removeprefix("已新建 ")
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("（在这里写活动的经过和成效）", "3月5日上午，工会组织志愿者走进社区。").replace(
            "participants:\n", "participants: 30\n"
        ),
        encoding="utf-8",
    )
    content, problems = load(root, today=TODAY)
    assert problems == []
    assert [a.title for a in content.activities if a.source.endswith(path.name)] == [title]


def test_interactive_new_answers_wrong_choices_in_chinese(site):
    root = site()
    result = run("new", "--root", root, input="植树\n2024-02-30\n2024-03-05\n体育\n志愿服务\n财务\n办公室\n")
    assert result.exit_code == 0, result.output
    out = result.output
    assert "日期“2024-02-30”不存在（2024年2月没有30日）" in out
    assert "“体育”不是可选的活动类别。请从这些中选一个：志愿服务、文体活动" in out
    assert "“财务”不是可选的组织部门。请从这些中选一个：" in out
    assert "Error" not in out and "is not one of" not in out


def test_bad_option_values_are_reported_in_chinese(site):
    root = site()
    result = run("new", "--root", root, "--title", "x", "--date", "2024-03-01", "--category", "体育")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == (
        "错误：“--category”的值有误：“体育”不在 data/categories.yml 中。可选：志愿服务、文体活动"
    )


def test_the_preview_page_lists_unlisted_photos_as_a_notice_not_a_failure(site):
    from wenmingsite.pages.render import Renderer

    root = site(page("title: 植树\n" + BASE))
    write(root, "docs/activities/plant/extra.jpg", JPEG)
    content, problems = load(root, today=TODAY)
    html = Renderer(content, internal=True).render("problems.html", "", problems=list(content.notices), notice=True)
    assert "未列入 photos 的照片：1 张（不会发布，不影响网站生成）" in html
    assert "<code>docs/activities/plant/extra.jpg</code>" in html
    assert "正式构建会失败" not in html
