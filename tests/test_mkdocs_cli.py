"""`wenming build` and `wenming serve`: MkDocs run in-process, every line an editor reads in
Chinese, the exit code of a failed build 1."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

from click.testing import CliRunner
from conftest import HANG_SECONDS, MKDOCS_YML, TODAY
from test_serve import free_port, wait_for

from wenmingsite.commands.cli import main

A = "docs/activities/2024-03-05-plant.md"
CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
SENTENCE = re.compile(r"[A-Za-z]{2,}(?:[ ,]+[A-Za-z]{2,}){2,}")  # three English words in a row
MKDOCS = ("INFO", "WARNING", "ERROR", "wenming:", "Traceback", "Aborted", "Documentation", "Building", "Serving")
# The site's content with MkDocs' own checks to make: a nav entry and anchors that do not exist.
NAV_AND_ANCHORS = {
    "mkdocs.yml": MKDOCS_YML.replace("validation:\n", "validation:\n  anchors: warn\n") + "  - 缺失: missing.md\n",
    "docs/report/01-first.md": "---\ntitle: 一、组织领导\norder: 1\n---\n\n# 一、组织领导\n\n见[首页](../index.md#no-such)。\n",
}


def assert_chinese(output: str) -> None:
    """Every line says something in Chinese; no English sentence, no MkDocs log column."""
    for line in output.splitlines():
        if line.strip():
            assert CJK.search(line), line
            assert not SENTENCE.search(line), line
    for word in (*MKDOCS, "\x1b["):
        assert word not in output, word


def run(*args):
    return CliRunner(env={"WENMING_TODAY": TODAY.isoformat()}).invoke(main, [str(a) for a in args])


def wenming(*args: str) -> tuple[list[str], dict[str, str]]:
    """The installed command (as an editor runs it), without NO_MKDOCS_2_WARNING in its
    environment: hiding Material's banner is the command's business."""
    script = Path(sys.executable).with_name("wenming")
    command = [str(script)] if script.is_file() else [sys.executable, "-m", "wenmingsite"]
    env = {k: v for k, v in os.environ.items() if k != "NO_MKDOCS_2_WARNING"}
    return [*command, *args], {**env, "WENMING_TODAY": TODAY.isoformat(), "PYTHONIOENCODING": "utf-8"}


def test_build_makes_the_site_and_says_so_in_chinese(site, tmp_path):
    root = site()
    result = run("build", "--root", root)
    assert result.exit_code == 0, result.output
    assert_chinese(result.output)
    lines = result.output.splitlines()
    assert lines[0] == "正在生成网站……"
    assert re.fullmatch(rf"网站已生成在 {re.escape(str(root / 'site'))} 文件夹中（用时 [\d.]+ 秒）", lines[-1])
    assert "测评项目对照（截至 2026年11月27日）：2 项中有 2 项证据不足" in lines  # the site's own lines, unprefixed
    assert (root / "site/index.html").is_file() and (root / "site/activities/2024-03-05-plant/index.html").is_file()

    result = run("build", "--root", root, "-d", tmp_path / "elsewhere")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "elsewhere/index.html").is_file()


def test_a_broken_site_is_not_built_and_each_problem_has_its_chinese_line(site):
    root = site(
        {
            A: "---\ntitle：植树\ndate: 2024-03-05\ncategory: 志愿服务\n---\n正文\n",
            "mkdocs.yml": MKDOCS_YML + "  - 缺失: missing.md\n",
        }
    )
    command, env = wenming("build")
    result = subprocess.run(command, cwd=root, env=env, capture_output=True, text=True, timeout=HANG_SECONDS)
    assert result.returncode == 1
    output = result.stdout + result.stderr
    assert_chinese(output)
    lines = output.splitlines()
    assert lines[0] == "正在生成网站……"
    assert lines[1].startswith(f"{A}:2:6: “title”后面是全角冒号“：”")
    assert lines[-1] == "网站没有生成：共 1 处问题，见上面各行"
    assert not (root / "site").exists()


def test_mkdocs_own_warnings_are_translated_with_the_file_named(site):
    root = site(NAV_AND_ANCHORS)
    result = run("build", "--root", root)
    assert result.exit_code == 1
    assert_chinese(result.output)
    lines = result.output.splitlines()
    assert (
        "mkdocs.yml：nav（栏目）中列出的 docs/missing.md 不存在。请检查文件名（大小写也要一致），或删去 nav 中的这一行"
        in lines
    )
    assert (
        "docs/report/01-first.md：链接“../index.md#no-such”指向 docs/index.md 中的“#no-such”，"
        "但那一页没有这个位置（小标题）。请检查 # 后面的写法" in lines
    )
    assert lines[-1] == "网站没有生成：共 2 处问题，见上面各行"

    result = run("build", "--root", root, "--no-strict")
    assert result.exit_code == 0
    assert result.output.splitlines()[-1].endswith("；另有 2 处提示，见上面各行")


def test_mkdocs_yml_errors(site):
    root = site({"mkdocs.yml": MKDOCS_YML.replace("  - search\n", "  - search\n  - nosuch\n")})
    result = run("build", "--root", root)
    assert result.exit_code == 1
    assert result.output.splitlines()[1:] == [
        "mkdocs.yml：没有安装 plugins 中的插件“nosuch”。请在网站文件夹运行 pip install -r requirements.txt，"
        "或从 plugins 中删去它",
        "网站没有生成：共 1 处问题，见上面各行",
    ]
    (root / "mkdocs.yml").write_text("site_name: [测试单位\n", encoding="utf-8")
    result = run("build", "--root", root)
    assert result.exit_code == 1
    assert_chinese(result.output)
    assert result.output.splitlines()[1].startswith("mkdocs.yml:1:12: 这里附近的写法不对，读不出来。")
    assert run("serve", "--root", root).output.splitlines()[-1] == "预览没有启动：共 1 处问题，见上面各行"


def test_serve_previews_the_site_and_says_where_in_chinese(site, tmp_path):
    root = site()
    for attempt in range(10):  # a port found free may be taken before serve binds it
        port = free_port()
        command, env = wenming("serve", "-a", f"127.0.0.1:{port}")
        log = tmp_path / f"serve-{attempt}.log"
        with open(log, "wb") as out:
            proc = subprocess.Popen(command, cwd=root, env=env, stdout=out, stderr=subprocess.STDOUT)
        url = f"http://127.0.0.1:{port}/"
        try:
            deadline = time.monotonic() + HANG_SECONDS
            while proc.poll() is None and time.monotonic() < deadline:
                if f"正在预览：{url}" in log.read_text(encoding="utf-8", errors="replace"):
                    break
                time.sleep(0.2)
            output = log.read_text(encoding="utf-8", errors="replace")
            if proc.poll() is not None and "已被占用" in output:
                continue
            assert f"正在预览：{url}" in output, output
            assert "测试市测试中心" in wait_for(url, "测试市测试中心")
        finally:
            if proc.poll() is None:
                proc.send_signal(signal.SIGINT)  # Ctrl+C
                try:
                    proc.wait(timeout=HANG_SECONDS)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait()
        output = log.read_text(encoding="utf-8", errors="replace")
        assert_chinese(output)
        assert output.splitlines()[0] == "正在生成预览……"
        assert output.splitlines()[-1] == "预览已结束。"
        return
    raise AssertionError("no free port for wenming serve after 10 tries")


def test_serve_on_a_port_in_use_says_so(site):
    root = site()
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run("serve", "--root", root, "-a", f"127.0.0.1:{port}")
    assert result.exit_code == 1
    assert_chinese(result.output)
    assert result.output.splitlines()[-1] == (
        f"预览没有启动：端口 {port} 已被占用（可能已经有一个预览在运行）。请先关掉它，或换一个端口，"
        "例如 wenming serve -a 127.0.0.1:8001"
    )
