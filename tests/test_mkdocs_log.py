"""MkDocs' English log lines, as editors read them (no MkDocs needed: plain log records)."""

from __future__ import annotations

import logging

import pytest

from wenmingsite.commands.mkdocs_log import RULES, ChineseLog, tell


@pytest.mark.parametrize(
    "english, chinese",
    [
        ("Cleaning site directory", None),
        ("Building documentation to directory: /tmp/unit/site", None),
        ("Documentation built in 0.82 seconds", None),
        ("Building documentation...", None),
        (
            'The following pages exist in the docs directory, but are not included in the "nav" configuration:'
            "\n  - extra.md\n  - activities/植树.md",
            "这些页面没有列入 mkdocs.yml 的 nav（栏目）：docs/extra.md、docs/activities/植树.md。要在栏目中出现，请在 nav 中加一行",
        ),
        (
            "A reference to 'missing.md' is included in the 'nav' configuration, which is not found in the "
            "documentation files.",
            "mkdocs.yml：nav（栏目）中列出的 docs/missing.md 不存在。请检查文件名（大小写也要一致），或删去 nav 中的这一行",
        ),
        (
            "Doc file 'report/01.md' contains a link 'x.md', but the target 'report/x.md' is not found among "
            "documentation files. Did you mean '../x.md'?",
            "docs/report/01.md：链接“x.md”的目标不存在。是不是要写“../x.md”？",
        ),
        (
            "Doc file 'report/01.md' contains a link 'x.md', but the target 'report/x.md' is not found among "
            "documentation files.",
            "docs/report/01.md：链接“x.md”的目标不存在。请检查文件名和路径（路径相对于本文件所在的文件夹）",
        ),
        (
            "Doc file 'report/01.md' contains a link '../index.md#a', but the doc 'index.md' does not contain "
            "an anchor '#a'.",
            "docs/report/01.md：链接“../index.md#a”指向 docs/index.md 中的“#a”，但那一页没有这个位置（小标题）。"
            "请检查 # 后面的写法",
        ),
        (
            "Excluding 'a/README.md' from the site because it conflicts with 'a/index.md'.",
            "docs/a/README.md 没有发布：它和 docs/a/index.md 会生成同一个网址（同一文件夹里的 README.md 和 index.md 只能留一个）",
        ),
        (
            "Config value 'plugins': The \"glightbox\" plugin is not installed",
            "mkdocs.yml：没有安装 plugins 中的插件“glightbox”。请在网站文件夹运行 pip install -r requirements.txt，"
            "或从 plugins 中删去它",
        ),
        (
            "[10:17:27] Watching paths for changes: 'docs', 'mkdocs.yml', 'data'",
            "[10:17:27] 正在留意这些文件的修改：docs、mkdocs.yml、data（修改并保存后，预览会自动更新）",
        ),
        (
            "[10:17:27] Serving on http://127.0.0.1:8000/",
            "[10:17:27] 正在预览：http://127.0.0.1:8000/（用浏览器打开这个地址；按 Ctrl+C 结束预览）",
        ),
        ("[10:17:32] Detected file changes", "[10:17:32] 发现文件有修改，正在重新生成预览……"),
        ("[10:17:32] Reloading browsers", None),
        # Unknown English is passed on, marked; Chinese is the site's own and stays as it is.
        ("Some new MkDocs remark", "提示 Some new MkDocs remark"),
        ("docs/a.md:2:6: “title”后面是全角冒号“：”", "docs/a.md:2:6: “title”后面是全角冒号“：”"),
    ],
)
def test_tell(english, chinese):
    assert tell(english) == chinese


def test_unknown_errors_are_marked_as_errors_and_docs_dir_is_named_as_configured():
    assert tell("Something broke", logging.ERROR) == "错误 Something broke"
    assert tell("Doc file 'a.md' contains a link 'b', but there is no such anchor on this page.", docs="内容") == (
        "内容/a.md：链接“b”指向本页的一个位置（小标题），但本页没有它。请检查 # 后面的写法"
    )


def test_every_rule_fills_its_template_from_its_own_groups():
    for r in RULES:
        if r.chinese is not None:
            r.chinese.format(**dict.fromkeys(r.pattern.groupindex, "x"))  # KeyError: a field no group fills


def record(name: str, level: int, message: str, func: str = "f") -> logging.LogRecord:
    return logging.LogRecord(name, level, __file__, 1, message, None, None, func)


def test_handler_strips_plugin_prefixes_counts_problems_and_replaces_the_summary():
    lines: list[str] = []
    log = ChineseLog(lines.append)
    log.handle(record("mkdocs.plugins.wenming", logging.INFO, "wenming: 测评项目对照：2 项"))
    log.handle(record("mkdocs.plugins.wenmingsite.plugin", logging.ERROR, "wenmingsite: docs/a.md:2: 问题"))
    log.handle(record("mkdocs.commands.build", logging.INFO, "Cleaning site directory"))
    log.handle(
        record(
            "mkdocs.structure.nav",
            logging.WARNING,
            "A reference to 'x.md' is included in the 'nav' "
            "configuration, which is not found in the documentation files.",
        )
    )
    summary = "内容共有 1 处问题，网站没有生成。请按上面每一行的提示修改对应文件后重新构建。"
    log.handle(record("mkdocs.commands.build", logging.ERROR, summary, func="build"))
    assert lines == [
        "测评项目对照：2 项",
        "docs/a.md:2: 问题",
        "mkdocs.yml：nav（栏目）中列出的 docs/x.md 不存在。请检查文件名（大小写也要一致），或删去 nav 中的这一行",
    ]
    assert log.stopped() == 2 and len(lines) == 3  # the summary gives way to the command's last line

    log.restart()
    log.handle(record("mkdocs.commands.build", logging.ERROR, "A plugin has set File.page wrongly.", func="build"))
    assert log.stopped() == 1 and lines[-1] == "错误 A plugin has set File.page wrongly."
