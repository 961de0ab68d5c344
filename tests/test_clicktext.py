"""click's own words in Chinese: the catalog against click's source, and real commands that
make click speak (usage errors, bad values, prompts, help), with no English word of click's
left in what an editor reads."""

from __future__ import annotations

import ast
import os
import re
import string
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from conftest import HANG_SECONDS

from wenmingsite.commands import clicktext
from wenmingsite.commands.cli import main

ENGLISH = re.compile(r"[A-Za-z]{3,}")


def run(*args, input=None):
    return CliRunner().invoke(main, [str(a) for a in args], input=input, prog_name="wenming")


def click_messages() -> tuple[set[str], set[tuple[str, str]]]:
    """Every message id in click's source: the literal first argument of each ``_()`` call
    and the two of each ``ngettext()`` call."""
    singles, plurals = set(), set()
    for source in Path(click.__file__).parent.glob("*.py"):
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
                continue
            texts = [a.value for a in node.args[:2] if isinstance(a, ast.Constant) and isinstance(a.value, str)]
            if node.func.id == "_" and texts:
                singles.add(texts[0])
            elif node.func.id == "ngettext" and len(texts) == 2:
                plurals.add((texts[0], texts[1]))
    return singles, plurals


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_the_catalog_translates_every_message_in_clicks_source():
    singles, plurals = click_messages()
    assert len(singles) > 50 and len(plurals) > 5  # the scan found click's calls
    singles.add("required")  # passed to _() as a variable: extra["required"] = "required"
    assert sorted(singles - set(clicktext.CATALOG)) == []
    assert sorted(plurals - set(clicktext.PLURALS)) == []
    assert sorted(set(clicktext.CATALOG) - singles) == []  # nothing stale after an upgrade


def test_translations_use_only_the_values_click_passes():
    for msgid, chinese in clicktext.CATALOG.items():
        assert fields(chinese) <= fields(msgid), msgid
        assert not ENGLISH.search(re.sub(r"\{\w+(!r)?\}|%\(\w+\)s|UUID|Windows|Bash|Tab", "", chinese)), chinese
    for ids, forms in clicktext.PLURALS.items():
        for chinese in forms:
            assert fields(chinese) <= fields(ids[0]) | fields(ids[1]), ids
            assert not ENGLISH.search(re.sub(r"\{\w+\}", "", chinese)), chinese


def own_words() -> set[str]:
    """English words the project itself wrote into its commands (names, option names, help
    texts with their file names and tools): allowed in the output. What is left is click's."""
    words: set[str] = set()

    def add(text):
        words.update(ENGLISH.findall(text or ""))

    for name, command in [("wenming", main), *main.commands.items()]:
        add(name)
        add(command.help)
        for param in command.params:
            for text in (*param.opts, *param.secondary_opts, param.metavar, getattr(param, "help", None)):
                add(text)
            for choice in getattr(param.type, "choices", ()):
                add(str(choice))
    return words


def click_english(output: str, *allowed: str) -> list[str]:
    words = own_words()
    for text in allowed:
        words.update(ENGLISH.findall(text))
    return [w for w in ENGLISH.findall(output) if w not in words]


def test_own_words_leave_clicks_vocabulary_to_be_caught():
    clicks = {"Usage", "Options", "Commands", "Error", "Try", "Missing", "argument", "Invalid", "value", "exist"}
    clicks |= {"Aborted", "default", "Show", "message", "exit", "unexpected", "extra", "such", "one", "TEXT"}
    assert clicks & own_words() == set()


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["--help"],
        *[[name, "--help"] for name in sorted(main.commands)],
        ["nosuch"],
        ["buil"],
        ["check", "--nosuch"],
        ["check", "--forma", "github"],
        ["check", "--format", "xml"],
        ["check", "one", "two"],
        ["import"],
        ["import", "/no/such/汇报.docx"],
        ["import", "."],
        ["new", "--title"],
        ["deploy", "--jobs", "0"],
        ["deploy", "--jobs", "many"],
        ["serve", "--dev-addr", "localhost"],
    ],
    ids=lambda args: " ".join(args) or "(none)",
)
def test_click_speaks_chinese(args):
    result = run(*args)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.output.strip()
    assert click_english(result.output, *args) == [], result.output


def test_what_each_click_message_says():
    assert run("check", "--format", "xml").output.splitlines() == [
        "用法：wenming check [选项]",
        "",
        "错误：“--format”的值有误：“xml”不是可选的值。可选：text、github。",
    ]
    assert run("import").output.splitlines()[-1] == "错误：缺少参数“文件”。"
    assert run("import", "/no/such/汇报.docx").output.splitlines()[-1] == (
        "错误：“文件”的值有误：文件“/no/such/汇报.docx”不存在。"
    )
    assert run("check", "one", "two").output.splitlines()[-1] == (
        "错误：多出了参数“one two”。参数里有空格时，请用英文引号把整个参数括起来"
    )
    assert run("buil").output.splitlines()[-1] == "错误：没有“buil”这个子命令。是不是要写“build”？"
    assert run("deploy", "--jobs", "many").output.splitlines()[-1] == "错误：“--jobs”的值有误：“many”不是整数。"
    help_text = run("deploy", "--help").output
    assert "--jobs 整数" in help_text and "[默认：8; 1<=x<=64]" in help_text
    assert "用法：wenming import [选项] 文件" in run("import", "--help").output


def test_help_lines_up_and_wraps_chinese_in_terminal_columns():
    assert clicktext.width("--root 文件夹") == 13
    assert clicktext.wrap(
        "有提示（例如栏目中列出的页面不存在）时也不生成网站（默认如此）；加 --no-strict 则照常生成", 50
    ) == [
        "有提示（例如栏目中列出的页面不存在）时也不生成网站",
        "（默认如此）；加 --no-strict 则照常生成",
    ]
    for name in ["", *main.commands]:
        lines = run(*([name] if name else []), "--help").output.splitlines()
        assert all(clicktext.width(line) <= 80 for line in lines), "\n".join(lines)
        rows = [re.match(r"(  -\S.*?\S)( {2,})\S", line) for line in lines]
        columns = {clicktext.width(m.group(1)) + len(m.group(2)) for m in rows if m}
        assert len(columns) == 1, "\n".join(lines)  # every option's help starts in the same column


def test_aborted_prompt_and_no_answer(site):
    result = run("new", "--root", site(), input="")  # the editor closed the input (Ctrl+D)
    assert result.exit_code == 1
    assert result.stderr == "已取消。\n"
    assert click_english(result.output) == []


def test_yes_no_questions_and_typed_prompts_are_chinese():
    @click.command(cls=clicktext.ChineseCommand)
    def ask():
        click.echo(click.confirm("按上面的对应关系导入吗？", default=True))
        click.echo(click.confirm("删除原有章节吗？"))
        click.echo(click.prompt("同时上传的文件数", type=int))

    result = CliRunner().invoke(ask, input="x\n是\n\n不知道\n3\n")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        "按上面的对应关系导入吗？（是/否，直接回车即为“是”）：x",
        "错误：请回答“是”或“否”",
        "按上面的对应关系导入吗？（是/否，直接回车即为“是”）：是",
        "True",
        "删除原有章节吗？（是/否，直接回车即为“否”）：",
        "False",
        "同时上传的文件数：不知道",
        "错误：“不知道”不是整数。",
        "同时上传的文件数：3",
        "3",
    ]
    assert click.confirm is clicktext.confirm  # what ledger import asks through


def test_the_usage_hint_names_the_help_option():
    @click.command(cls=clicktext.ChineseCommand, context_settings=clicktext.CONTEXT)
    @click.option("--count", type=int)
    def count(count):
        pass

    result = CliRunner().invoke(count, ["--count", "x"], prog_name="wenming count")
    assert result.output.splitlines() == [
        "用法：wenming count [选项]",
        "运行“wenming count --help”查看帮助。",
        "",
        "错误：“--count”的值有误：“x”不是整数。",
    ]


def test_a_real_wenming_process_speaks_chinese(tmp_path):
    """The installed command, not the test runner: usage errors, a bad value, help."""
    script = Path(sys.executable).with_name("wenming")
    command = [str(script)] if script.is_file() else [sys.executable, "-m", "wenmingsite"]
    cases = [["check", "--nosuch"], ["import", str(tmp_path)], ["serve", "-a", "x"], ["build", "--help"]]
    for args in cases:
        result = subprocess.run(
            [*command, *args],
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=HANG_SECONDS,
            env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        )
        output = result.stdout + result.stderr
        assert result.returncode == (0 if "--help" in args else 2), output
        assert click_english(output, *args) == [], output
        assert "Traceback" not in output


def test_the_tools_own_bad_values_are_quoted_like_clicks(site):
    """wenming's own checks of an option's value name the option as click's do: in Chinese
    quotes, never Python's '--date'."""
    result = run("approve", "docs/index.md", "--by", "张三", "--date", "2026-13-01", "--root", site())
    assert result.output.splitlines()[-1] == (
        "错误：“--date”的值有误：日期“2026-13-01”不存在（2026年13月没有1日）。请核对后写成 2026-13-DD 的形式"
    )
    result = run("new", "--title", "植树", "--date", "2026-03-05", "--category", "体育", "--root", site())
    assert result.output.splitlines()[-1] == (
        "错误：“--category”的值有误：“体育”不在 data/categories.yml 中。可选：志愿服务、文体活动"
    )
