"""The editors' command line: ``wenming new | check | fix | gaps | build | serve …`` (in Chinese;
click's own words come from ``clicktext``, ``build`` and ``serve`` live in ``mkdocs_cli``)."""

from __future__ import annotations

import datetime as dt
import re
import sys
import time
from pathlib import Path

import click

from wenmingsite import load
from wenmingsite.commands import extras, mkdocs_cli, repair
from wenmingsite.commands.clicktext import CONTEXT, ChineseCommand, ChineseGroup, help_option, root_option
from wenmingsite.gate import images, publication, sensitive
from wenmingsite.loading.loader import ACTIVITIES_DIR
from wenmingsite.loading.problems import Problem
from wenmingsite.scaffold import ScaffoldError, UnitAnswers, tool_source, version, write_unit
from wenmingsite.site import Site


def _day(value: str | None) -> dt.date:
    if not value:
        from wenmingsite.loading import signoff

        return signoff.today()  # WENMING_TODAY as the build reads it, so check and build agree
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"“{value}”不是日期，请写成 2026-11-27 的形式") from None


def _require_site(root: Path) -> None:
    if not (root / "mkdocs.yml").is_file():
        raise click.ClickException(f"{root} 里没有 mkdocs.yml。请在网站文件夹中运行，或用 --root 指定网站文件夹")


def _site_clean(root: Path, today: dt.date) -> Site:
    """The unit's site loaded and validated (no links, no images), or a Chinese error."""
    _require_site(root)
    site = Site(root, today=today)
    problems = site.load(with_links=False, clean_assets=False)
    if problems:
        for p in problems:
            click.echo(str(p), err=True)
        raise click.ClickException(f"内容共有 {len(problems)} 处问题，请先运行 wenming check 并按提示修改")
    return site


@click.group(
    cls=ChineseGroup,
    context_settings=CONTEXT,
    help="文明创建展示站的编辑工具。在网站文件夹（mkdocs.yml 所在的文件夹）中运行。",
)
@click.version_option(package_name="wenming-site", message="%(version)s", help="显示版本并退出")
@help_option
def main() -> None:
    pass


main.add_command(mkdocs_cli.build)
main.add_command(mkdocs_cli.serve)


# --- new ---------------------------------------------------------------------------------

UNSAFE = re.compile(r"[^\w\u4e00-\u9fff-]+")


def safe_name(title: str, limit: int = 20) -> str:
    """A file name that works on Windows, macOS, Linux and in a URL: Chinese characters,
    letters and digits kept, everything else (punctuation, spaces) collapsed to '-'."""
    name = UNSAFE.sub("-", title).strip("-_")
    return name[:limit].rstrip("-_") or "活动"


def yaml_value(text: str) -> str:
    """``text`` as a front-matter value that reads back as exactly ``text``: as it is when
    the site's own reader agrees, otherwise in double quotes with escapes."""
    from wenmingsite.loading import frontmatter

    if text and text == text.strip():
        parts = frontmatter.split(f"---\nv: {text}\n---\n", "x.md")
        if (
            not parts.problems
            and parts.meta is not None
            and str(parts.meta.get("v")) == text
            and isinstance(parts.meta.get("v"), str)
        ):
            return text
    escaped = "".join(
        "\\\\"
        if c == "\\"
        else '\\"'
        if c == '"'
        else (f"\\x{ord(c):02x}" if ord(c) < 0x100 else f"\\u{ord(c):04x}" if ord(c) < 0x10000 else f"\\U{ord(c):08x}")
        if not c.isprintable()
        else c
        for c in text
    )
    return f'"{escaped}"'


def _choose(label: str, options: list[str]) -> str:
    """Ask until the answer is one of ``options`` (click's own message would be English)."""
    while True:
        answer = click.prompt(f"{label}（可选：{'、'.join(options)}）", prompt_suffix="：").strip()
        if answer in options:
            return answer
        click.echo(f"“{answer}”不是可选的{label}。请从这些中选一个：{'、'.join(options)}")


class _NewError(click.UsageError):
    """A bad option value, said in Chinese (click's "Invalid value for" is English)."""

    def __init__(self, message: str, option: str):
        super().__init__(f"“{option}”的值有误：{message}")

    def show(self, file=None) -> None:
        click.echo(f"错误：{self.format_message()}", err=True)


NEW_TEMPLATE = """---
# 活动名称（必填），80 字以内
title: {title}
# 活动日期（必填）；持续多天的活动，再加一行 end_date: 结束日期
date: {date}
# 活动类别（必填），可选：{categories}
category: {category}
# 这项活动支撑的测评项目（可不填，类别自带的测评项目会自动加上），例如 [法治建设, 家庭文明建设]
criteria: []
# 组织部门
department: {department}
# 活动地点
location:
# 参与人次，只写数字，例如 56
participants:
# 志愿服务时长（小时），没有就不填
volunteer_hours:
# 金额（元），也可以写 3万元，没有就不填
amount:
# 一两句话的摘要，会显示在活动信息和列表里
summary:
# 撰稿人（写这篇材料的人）。单位开启了发布审核时，审核人确认后运行 wenming approve 本文件 --by 审核人姓名
author: {author}
# 照片：把照片放进同名文件夹 {folder}/，每张照片写两行，例如：
#   - src: {folder}/现场.jpg
#     caption: 志愿者在现场为群众讲解
photos: []
---

{body}
"""


@main.command(cls=ChineseCommand, help="新建一项活动：生成填好基本信息的 Markdown 文件和放照片的文件夹。")
@click.option("--title", help="活动名称")
@click.option("--date", "date_text", metavar="日期", help="活动日期，例如 2026-03-05 或 2026年3月5日（默认今天）")
@click.option("--category", help="活动类别（data/categories.yml 中的名称）")
@click.option("--department", help="组织部门")
@click.option("--author", help="撰稿人（写这篇材料的人）")
@root_option
@help_option
def new(title, date_text, category, department, root: Path, author: str | None = None) -> None:
    from wenmingsite.loading.values import Invalid, parse_date

    today = dt.date.today()
    _require_site(root)
    # Problems elsewhere (a half-written activity) must not stop anyone adding another one;
    # only the lists this command offers have to be readable.
    content, _ = load(root, today=today)
    names = [c.name for c in content.categories]
    if not names:
        raise click.ClickException("data/categories.yml 中没有可用的活动类别。请先运行 wenming check 并按提示修改")
    departments = list(content.unit.departments) if content.unit else []
    while True:
        asked = not title
        title = " ".join((title or click.prompt("活动名称", prompt_suffix="：")).split())
        if not re.search(r"[<>]", title):
            break
        if not asked:
            raise _NewError("活动名称里不能有“<”或“>”", "--title")
        click.echo("活动名称里不能有“<”或“>”。请重新输入")
        title = None
    day: dt.date | None = None
    while day is None:
        raw = date_text or click.prompt("活动日期", default=today.isoformat(), prompt_suffix="：")
        try:
            day = parse_date(raw)
        except Invalid as exc:
            if date_text:
                raise _NewError(str(exc), "--date") from None
            click.echo(str(exc))
    if category is None:
        category = _choose("活动类别", names)
    elif category not in names:
        raise _NewError(f"“{category}”不在 data/categories.yml 中。可选：{'、'.join(names)}", "--category")
    if department is None and departments:
        department = _choose("组织部门", departments)
    elif department and departments and department not in departments:
        raise _NewError(
            f"“{department}”不在 data/unit.yml 的 departments 中。可选：{'、'.join(departments)}", "--department"
        )
    folder = root / "docs" / ACTIVITIES_DIR / str(day.year)
    stem = f"{day.isoformat()}-{safe_name(title)}"
    n = 1
    while (folder / f"{stem}.md").exists() or (folder / stem).exists():
        n += 1
        stem = f"{day.isoformat()}-{safe_name(title)}-{n}"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / stem).mkdir()
    (folder / stem / ".gitkeep").write_text("", encoding="utf-8")
    text = NEW_TEMPLATE.format(
        title=yaml_value(title),
        date=day.isoformat(),
        category=yaml_value(category),
        categories="、".join(names),
        department=yaml_value(department) if department else "",
        author=yaml_value(" ".join(author.split())) if author and author.strip() else "",
        folder=stem,
        body=publication.NEW_BODY,
    )
    path = folder / f"{stem}.md"
    path.write_text(text, encoding="utf-8")
    rel = path.relative_to(root).as_posix()
    click.echo(f"已新建 {rel}")
    click.echo(f"照片请放进 {(folder / stem).relative_to(root).as_posix()}/ 文件夹，并在 photos 中登记。")
    click.echo("填写完正文和其他信息后，运行 wenming check 检查，再用 wenming serve 预览。")


# --- init --------------------------------------------------------------------------------


class InitError(click.ClickException):
    """An error of `wenming init`, shown in Chinese (click's own framing says "Error:")."""

    def show(self, file=None) -> None:
        click.echo(f"错误：{self.message}", err=True)


def _init_ask(flag: str | None, option: str, label: str, check, default: str | None = None):
    """A flag's value checked once (an error ends the command), or a prompt asked until valid."""
    from wenmingsite.loading.values import Invalid

    while True:
        raw = (
            flag
            if flag is not None
            else click.prompt(label, default=default, show_default=bool(default), prompt_suffix="：")
        )
        try:
            return check(raw)
        except (Invalid, ScaffoldError) as exc:
            if flag is not None:
                raise InitError(f"{option}：{exc}") from None
            click.echo(str(exc), err=True)


@main.command(
    cls=ChineseCommand, help="新建一个单位的网站文件夹（不含示例单位的内容），生成后即可用 wenming build 构建。"
)
@click.argument("directory", metavar="文件夹", required=False, type=click.Path(file_okay=True, path_type=Path))
@click.option("--name", help="单位全称，例如 某某市图书馆")
@click.option("--short-name", help="单位简称（给了 --name 而不给它时，与全称相同）")
@click.option("--title-sought", help="创建目标，例如 市级文明单位")
@click.option("--term", metavar="届次", help="创建届次，例如 第九届（不写时网站上的文字不提届次）")
@click.option("--term-start", metavar="日期", help="创建周期开始，例如 2025-01-01 或 2025年1月1日")
@click.option("--term-end", metavar="日期", help="创建周期结束，例如 2027-12-31")
@click.option("--force", is_flag=True, help="文件夹不是空的也生成（同名文件会被覆盖）")
@click.option(
    "--tool-url",
    metavar="地址",
    help="写进 requirements.txt 的工具下载地址（发布页上的 .whl）；默认用本机安装工具时的地址",
)
@help_option
def init(directory, name, short_name, title_sought, term_start, term_end, force, tool_url, term=None) -> None:
    from wenmingsite.loading.values import parse_date
    from wenmingsite.scaffold import check_dir, check_text

    if directory is None:
        raise InitError("请写出新网站的文件夹，例如 wenming init 某某单位网站")
    try:
        check_dir(directory, force)  # before any question: no answers typed in vain
        if name is not None and short_name is None:
            short_name = name  # a script gave --name only: no question it cannot answer
        name = _init_ask(name, "--name", "单位全称", lambda v: check_text(v, "单位全称"))
        short_name = _init_ask(
            short_name, "--short-name", "单位简称", lambda v: check_text(v, "单位简称"), default=name
        )
        title_sought = _init_ask(
            title_sought, "--title-sought", "创建目标", lambda v: check_text(v, "创建目标"), default="市级文明单位"
        )
        if term is None and term_start is not None:
            term = ""  # a script that gave the term's dates but no --term: no question it cannot answer
        term = _init_ask(
            term,
            "--term",
            "创建届次（例如 第九届，不清楚可直接回车）",
            lambda v: check_text(v, "创建届次") if v.strip() else "",
            default="",
        )
        start = _init_ask(term_start, "--term-start", "创建周期开始", parse_date)
        end = _init_ask(term_end, "--term-end", "创建周期结束", parse_date)
        if end < start:
            raise InitError(f"创建周期结束（{end.isoformat()}）早于开始（{start.isoformat()}）。请核对两个日期")
        written = write_unit(
            directory,
            UnitAnswers(
                name=name, short_name=short_name, title_sought=title_sought, term_start=start, term_end=end, term=term
            ),
            force=force,
            tool_url=tool_url,
        )
    except ScaffoldError as exc:
        raise InitError(str(exc)) from None
    except click.Abort:
        raise InitError(
            "已取消（或没有读到回答），没有生成任何文件。在脚本中运行时，请用 --name、--title-sought、"
            "--term-start、--term-end 写出全部回答"
        ) from None
    click.echo(f"已在 {directory} 生成 {len(written)} 个文件。")
    click.echo("下一步：补全 data/unit.yml 中的单位简介和部门，改写 docs/report/ 中的示例章节，")
    click.echo(f"然后 cd {directory}，运行 wenming check 检查、wenming serve 预览。")
    requirement, portable = tool_source(tool_url)
    if not portable:
        click.echo(
            f"提示：本机的工具是从本地文件安装的，requirements.txt 只写了版本号 {requirement}。"
            "发布前请在网站文件夹运行 wenming upgrade --tool-url 工具发布页上的 .whl 地址"
        )


# --- upgrade -----------------------------------------------------------------------------


@main.command(
    cls=ChineseCommand,
    help="把 wenming init 写的工具文件升级到本机安装的工具版本：requirements.txt、锁文件、发布流程、"
    ".gitignore、mkdocs.yml 中的插件和导航。不动你的页面、数据和你加的导航；不询问，用 git 撤销。",
)
@click.option("--dry-run", is_flag=True, help="只列出会做的修改，不改动文件")
@click.option("--tool-url", metavar="地址", help="写进 requirements.txt 的工具下载地址（发布页上的 .whl）")
@root_option
@help_option
def upgrade(root: Path, dry_run: bool, tool_url: str | None) -> None:
    from wenmingsite.commands import upgrade as upgrading

    try:
        changes, notes = upgrading.plan(root, tool_url)
    except ScaffoldError as exc:
        raise InitError(str(exc)) from None
    for change in changes:
        click.echo(("（试运行）" if dry_run else "") + change.describe())
    for note in notes:
        click.echo(note)
    if not changes:
        click.echo(f"已经是最新：工具 {version()} 版写的文件都不需要改。")
        return
    if dry_run:
        click.echo(f"共 {len(changes)} 处修改；去掉 --dry-run 执行。")
        return
    upgrading.apply(root, changes)
    click.echo(f"已按工具 {version()} 版完成 {len(changes)} 处修改。请运行 wenming build 确认，再用 git 提交。")


# --- check -------------------------------------------------------------------------------


def run_checks(root: Path, today: dt.date, with_images: bool = True) -> tuple[list[Problem], dict]:
    """Everything a build validates, plus broken internal links; nothing is built."""
    cache = images.PhotoCache(root / images.CACHE_DIR) if with_images else None
    return Site(root, today=today, photo_cache=cache).check(with_images)


def github_annotation(p: Problem) -> str:
    where = f"file={p.path}"
    if p.line:
        where += f",line={p.line}"
        if p.col:
            where += f",col={p.col}"
    message = p.message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return f"::error {where}::{message}"


@main.command(
    cls=ChineseCommand,
    help="检查全部内容（不生成网站）：格式、必填项、照片、链接、模板占位符、个人手机号和身份证号等。"
    "有问题时逐行列出并以退出码 1 结束。",
)
@root_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "github"]),
    default="text",
    show_default=True,
    help="输出格式：text 为“文件:行:列: 说明”，github 为 GitHub Actions 的标注",
)
@click.option("--no-images", is_flag=True, help="不解码照片（更快，但查不出损坏的照片）")
@click.option("--date", "date", metavar="YYYY-MM-DD", help="按哪一天检查日期，默认今天")
@help_option
def check(root: Path, fmt: str, no_images: bool, date: str | None) -> None:
    _require_site(root)
    start = time.perf_counter()
    problems, counts = run_checks(root, _day(date), with_images=not no_images)
    for p in problems:
        click.echo(github_annotation(p) if fmt == "github" else str(p))
    notices = counts.get("notices", [])
    for p in notices:
        click.echo(github_annotation(p).replace("::error ", "::notice ", 1) if fmt == "github" else f"提示 {p}")
    elapsed = time.perf_counter() - start
    # The summary goes where the problems went (stdout): an editor's terminal and a CI log
    # read them as one report, and `wenming check > 结果.txt` keeps both.
    if problems:
        click.echo(
            f"发现 {len(problems)} 处问题（用时 {elapsed:.1f} 秒）。请按每一行的提示修改；"
            "编码、全角冒号、日期写法和照片位置信息可以运行 wenming fix 自动修复。"
        )
        sys.exit(1)
    pending = counts.get("withheld", 0)
    click.echo(
        f"检查通过：{counts['pages']} 个页面、{counts['activities']} 条活动记录、"
        f"{counts['photos']} 张照片，没有发现问题（用时 {elapsed:.1f} 秒）。"
        + (f"另有 {pending} 项材料待审核，不计入上面的数字，审核后才发布（wenming review 列出）。" if pending else "")
    )
    if notices:
        click.echo(f"另有 {len(notices)} 条提示（不影响网站生成），见上面以“提示”开头的行。")


# --- fix ---------------------------------------------------------------------------------


@main.command(
    cls=ChineseCommand,
    help="自动修复机械性的问题并逐条报告：文件编码转为 UTF-8、字段名后的全角冒号和行首全角空格、"
    "中文日期写法改为 2024-03-05、去掉照片原图中的 GPS 位置信息。",
)
@root_option
@click.option("--dry-run", is_flag=True, help="只列出会做的修改，不改动文件")
@help_option
def fix(root: Path, dry_run: bool) -> None:
    _require_site(root)
    changed = failed = 0
    inside = root.resolve()
    paths: list[Path] = []
    for folder in ("data", "docs"):
        if (root / folder).is_symlink():
            click.echo(f"{folder}: {repair.LINK}")
        elif (root / folder).is_dir():
            paths += publication.walk_files(root / folder)
    photos = (".jpg", ".jpeg", ".png", ".webp", ".heic", ".heif")
    for path in sorted(paths, key=lambda p: p.relative_to(root).as_posix()):
        rel = path.relative_to(root).as_posix()
        low = path.suffix.lower()
        if low not in publication.TEXT_TYPES and low not in photos:
            continue
        try:
            if not path.parent.resolve().is_relative_to(inside):
                raise repair.Unwritable(repair.LINK)
            data = repair.read_regular(path)
        except repair.Unwritable as exc:
            click.echo(f"{rel}: {exc}")
            continue
        changes: list[repair.Repair] = []
        new = None
        if low in publication.TEXT_TYPES:
            new, changes = repair.to_utf8(data)
            try:
                text = (new if new is not None else data).decode("utf-8")
            except UnicodeDecodeError:
                text = None  # to_utf8 has said why it left the file alone
            if text is not None:
                crlf = "\r\n" in text
                fixed, more = repair.yaml_lines(text.replace("\r\n", "\n"), front_matter=(low == ".md"))
                if fixed is not None:
                    new = (fixed.replace("\n", "\r\n") if crlf else fixed).encode("utf-8")
                changes += more
        else:
            new, changes = repair.strip_location(data)
        for c in changes:
            click.echo(f"{rel}:{c.line}: {c.description}" if c.line else f"{rel}: {c.description}")
        if new is not None and new != data:
            if dry_run:
                changed += 1
                continue
            try:
                repair.write_atomic(path, new)
                changed += 1
            except repair.Unwritable as exc:
                click.echo(f"{rel}: {exc}")
                failed += 1
    if failed:
        raise click.ClickException(f"有 {failed} 个文件需要修复但没有写入（原因见上），其余 {changed} 个文件已修复")
    if not changed:
        click.echo("没有需要自动修复的地方。")
    elif dry_run:
        click.echo(f"以上修改涉及 {changed} 个文件（--dry-run：没有改动任何文件）。")
    else:
        click.echo(f"已修复 {changed} 个文件。请运行 wenming check 再检查一遍。")


# --- import ------------------------------------------------------------------------------


def _chapter_name(order: int, section) -> str:
    """The file name of an imported chapter: its order and its title without the number."""
    from wenmingsite.commands.report_import import LEVEL1

    heading = LEVEL1.match(section.title) if section.number else None
    return f"{order:02d}-{safe_name(heading.group(2) if heading else section.title)}.md"


def _review_on(root: Path) -> bool:
    """data/unit.yml's 发布审核 as the build reads it (its field table and converter); a unit
    file with problems says no here and reports them at the next check."""
    from wenmingsite.loading import schema
    from wenmingsite.loading.problems import Problems
    from wenmingsite.loading.yamlstrict import YMap, load_yaml

    unit_file = root / "data" / "unit.yml"
    if not unit_file.is_file():
        return False
    unit, _ = load_yaml(unit_file.read_text(encoding="utf-8"), "data/unit.yml")
    if not isinstance(unit, YMap):
        return False
    return bool(schema.read_fields(unit, schema.UNIT, "data/unit.yml", Problems())["review"])


@main.command(
    "import",
    cls=ChineseCommand,
    help="导入创建工作汇报（.docx 或 .txt）：按“一、二、三……”拆成 docs/report/ 下的章节页面，"
    "不丢失任何文字，报告模板占位符、编号问题和文中的关键数字；或导入活动台账（.xlsx 或 .csv）："
    "每行一项活动记录，写入 data/activities/，逐行检查。",
)
@click.argument("source", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@root_option
@click.option(
    "--replace",
    is_flag=True,
    help="docs/report/ 中已有章节时，删除原有章节，换成这次导入的，指向原有章节的链接改到新章节（没有改写过的示例章节不需要此选项）",
)
@help_option
@click.option("--yes", is_flag=True, help="导入活动台账（.xlsx 或 .csv）时不询问，直接按显示的列对应关系导入")
@click.option(
    "--map",
    "column_map",
    multiple=True,
    metavar="列名=字段",
    help="导入活动台账时指定某一列对应哪个字段，例如 --map 责任科室=部门（可重复；字段写英文名或中文名，写“不导入”则不导入这一列）",
)
@click.option(
    "--add-departments",
    is_flag=True,
    help="导入活动台账时，把台账中有、data/unit.yml 的 departments 中没有的部门添加进去，并导入这些行",
)
def import_report(
    source: Path,
    root: Path,
    replace: bool,
    yes: bool = False,
    column_map: tuple[str, ...] = (),
    add_departments: bool = False,
) -> None:
    if source.suffix.lower() == ".docx":
        extras.require("import", "导入 Word 汇报", root)
    if source.suffix.lower() in (".xlsx", ".xlsm", ".xls", ".csv"):  # activity ledger
        from wenmingsite.commands import ledger

        _require_site(root)
        return ledger.run(source, root, yes, column_map, add_departments)
    if column_map or add_departments:
        raise click.ClickException("--map 和 --add-departments 只用于导入活动台账（.xlsx 或 .csv），导入汇报时不需要")
    import json
    import shutil
    import tempfile

    from wenmingsite.commands import report_import
    from wenmingsite.loading.yamlstrict import load_yaml

    _require_site(root)
    target = root / "docs" / "report"
    existing = sorted(target.glob("*.md")) if target.is_dir() else []
    # The sample chapter `wenming init` wrote, still as it was written, is no one's work yet.
    samples = [p for p in existing if report_import.is_init_sample(p.read_bytes())]
    others = [p for p in existing if p not in samples]
    if others and not replace:
        raise click.ClickException(
            f"docs/report/ 中已有 {len(others)} 个章节文件，没有导入（新旧章节不能混在一起）。"
            "如果要用这份汇报换掉原有章节，请加 --replace 重新运行；否则请先把原有章节移走"
        )
    media = target / "images"
    staging = Path(tempfile.mkdtemp(prefix="wenming-import-"))
    try:
        try:
            blocks = report_import.read_source(source, staging / "images")
            punctuation = report_import.make_full_width(blocks)
            imported = report_import.structure(blocks, source.name)
            bodies = [report_import.to_markdown(s) for s in imported.sections]
            report_import.verify(blocks, bodies)
        except report_import.ImportRefused as exc:
            raise click.ClickException(str(exc)) from None
        names = [_chapter_name(order, section) for order, section in enumerate(imported.sections)]
        drop_media = replace and media.is_dir()
        if (staging / "images").is_dir() and media.exists() and not drop_media:
            raise click.ClickException(
                "docs/report/images/ 已经存在，这份汇报里的图片没有地方放，没有导入。"
                "如果它是原有章节的图片，请加 --replace 重新运行；否则请先把这个文件夹改名或移走"
            )
        # Links to the chapters that go name their successors: the chapter with the same
        # number (一、→ 一、), else the first one imported.
        by_number: dict[int | None, str] = {
            s.number: n for s, n in zip(imported.sections, names, strict=True) if s.number is not None
        }
        moves = {}
        for old in existing:
            number = report_import.chapter_number(old.read_bytes().decode("utf-8", errors="replace"))
            moves[f"report/{old.name}"] = f"report/{by_number.get(number, names[0])}"
        removed = (
            {f"report/images/{p.relative_to(media).as_posix()}" for p in media.rglob("*") if p.is_file()}
            if drop_media
            else set()
        )
        plan = report_import.plan_links(root, moves, removed)
        if plan.refusals:
            for problem in plan.refusals:
                click.echo(str(problem))
            raise click.ClickException(
                f"有 {len(plan.refusals)} 处链接无法自动改到新章节（见上面各行）。为了不让它们失效，"
                "没有删除、导入或修改任何文件。请按各行的提示修改后重新导入"
            )
        # Only now that the new report is known to be complete and every link can follow it.
        for path, data in plan.files.items():
            path.write_bytes(data)
        for change in plan.changes:
            click.echo(str(change))
        for old in existing:
            old.unlink()
        if drop_media:
            shutil.rmtree(media)
        if (staging / "images").is_dir():
            target.mkdir(parents=True, exist_ok=True)
            shutil.move(str(staging / "images"), str(media))
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    for sample in samples:
        click.echo(f"docs/report/{sample.name} 是 wenming init 生成的示例章节，还没有改写过，已换成这次导入的章节。")
    if others:
        click.echo(f"已删除 docs/report/ 中原有的 {len(others)} 个章节文件（--replace）。")
    keywords = {}
    criteria_file = root / "data" / "criteria.yml"
    if criteria_file.is_file():
        value, _ = load_yaml(criteria_file.read_text(encoding="utf-8"), "data/criteria.yml")
        items = value.get("items") if isinstance(value, dict) else value
        for item in items or []:
            if isinstance(item, dict) and item.get("id"):
                words = item.get("keywords") or []
                keywords[str(item["id"])] = [str(w) for w in (words if isinstance(words, list) else [words])]
    target.mkdir(parents=True, exist_ok=True)
    written = []
    suggested = 0
    for order, (section, body, name) in enumerate(zip(imported.sections, bodies, names, strict=True)):
        criteria = report_import.suggest_criteria(section, keywords)
        suggested += bool(criteria)
        front = ["---", f"title: {json.dumps(section.title, ensure_ascii=False)}", f"order: {order}"]
        if criteria:  # a suggestion until someone checks it: commented out, so not counted as evidence
            front += [f"# {publication.SUGGESTED_MARK}", f"# criteria: [{', '.join(criteria)}]"]
        (target / name).write_text("\n".join(front + ["---", "", body]), encoding="utf-8")
        written.append(name)
    depths = [report_import.heading_depths(s) for s in imported.sections]
    levels = {level: sum(d.count(level) for d in depths) for level in (2, 3)}
    changed = report_import.punctuation_line(punctuation)
    click.echo(
        f"已从 {source.name} 导入 {len(written)} 个章节到 docs/report/"
        f"（二级标题 {levels[2]} 个，三级标题 {levels[3]} 个），"
        f"原文文字全部保留{'（标点的改动见下）' if changed else ''}："
    )
    for name in written:
        click.echo(f"  docs/report/{name}")
    if changed:
        click.echo(changed)
    for section, name, d in zip(imported.sections, written, depths, strict=True):
        raised = sum(1 for b, depth in zip(section.blocks, d, strict=True) if b.level == 3 and depth == 2)
        if raised:
            click.echo(
                f"docs/report/{name}：“{section.title}”下的 {raised} 个三级标题前面没有二级标题，"
                "已作为二级标题（标题不跳级）"
            )
    if suggested:
        click.echo(
            f"{suggested} 个章节对应的测评项目是按关键词推荐的，写在章节开头的注释里，核对前不计入测评对照和迎检材料。"
            "请逐章核对：对的去掉“# criteria:”行首的“# ”，不对的删掉"
        )
    if _review_on(root):
        click.echo(
            f"开启了发布审核（data/unit.yml 的 review）：导入的 {len(written)} 个章节待审核，审核前正式网站不发布它们，"
            "链接到它们的页面也无法构建。审核人确认后运行 wenming approve docs/report/*.md --by 姓名"
        )
    for note in imported.notes:
        click.echo(str(note))
    allowed: set[str] = set()
    for name in written:  # with its front matter, as check reads it: lines are the file's
        text = (target / name).read_text(encoding="utf-8")
        for p in publication.scan_text(f"docs/report/{name}", text, allowed):
            click.echo(str(p))
        for p in sensitive.scan_text(f"docs/report/{name}", text):
            click.echo(str(p))
    if imported.figures:
        figures = root / "data" / "key-figures-candidates.yml"
        lines = ["# 导入汇报时从正文中找到的数字，供整理“主要数据”时参考；确认后可以删除这个文件。"]
        for f in imported.figures:
            lines += [
                f"- section: {json.dumps(f['section'], ensure_ascii=False)}",
                f"  text: {json.dumps(f['text'], ensure_ascii=False)}",
                f"  figure: {json.dumps(f['figure'], ensure_ascii=False)}",
                f'  value: "{f["value"]}"',
                f"  unit: {json.dumps(f['unit'], ensure_ascii=False)}",
                f"  approximate: {'true' if f['approximate'] else 'false'}",
            ]
        figures.write_text("\n".join(lines) + "\n", encoding="utf-8")
        click.echo(
            f"找到 {len(imported.figures)} 个关键数字（例如“{imported.figures[0]['text']}”），"
            f"已列在 data/key-figures-candidates.yml，请挑选后写入数据。"
        )


# --- print -------------------------------------------------------------------------------


def cjk_font() -> str | None:
    from wenmingsite.outputs.pack import cjk_font as find

    return find()


def site_url_option(f):
    return click.option(
        "--site-url", metavar="网址", help="网站的正式地址，二维码和链接指向它（默认读 mkdocs.yml 的 site_url）"
    )(f)


def date_option(f):
    return click.option("--date", "date", metavar="YYYY-MM-DD", help="按哪一天统计，默认今天")(f)


def routines_option(f):
    from wenmingsite.outputs.export import ROUTINES_BY

    return click.option(
        "--routines",
        type=click.Choice(list(ROUTINES_BY)),
        default=ROUTINES_BY[0],
        show_default=True,
        help="台账中的例行活动：每一次一行，或每项例行活动每月一行",
    )(f)


def _pack_material(root: Path, date: str | None, site_url: str | None):
    from wenmingsite.outputs import pack

    try:
        material = pack.prepare(root, _day(date), site_url)
    except pack.PackRefused as exc:
        for p in exc.problems:
            click.echo(str(p), err=True)
        raise click.ClickException(str(exc)) from None
    for notice in material.notices:
        click.echo(notice, err=True)
    return material


@main.command(
    "print",
    cls=ChineseCommand,
    help="生成供检查组阅读的汇报材料 PDF（按公文格式排版）：封面、带页码的目录、各章汇报、主要数据、测评体系对照、"
    "荣誉、组织领导、制度文件、主题活动和例行活动一览。佐证材料目录单独成册，用 wenming pack 生成。"
    "需要中文字体；不需要浏览器。",
)
@root_option
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="PDF 文件保存到哪里（默认 dist/汇报材料.pdf）",
)
@site_url_option
@date_option
@help_option
def print_pdf(root: Path, output: Path | None, site_url: str | None, date: str | None) -> None:
    from wenmingsite.outputs import pack

    extras.require("pack", "生成汇报材料", root)

    material = _pack_material(root, date, site_url)
    written = pack.write_report(material, output or root / pack.DIST / pack.REPORT_PDF)
    for line in written.refused:
        click.echo(line, err=True)
    click.echo(f"已生成{pack.describe('汇报材料', written, root)}，中文字体：{pack.cjk_font()}。")


# --- gaps --------------------------------------------------------------------------------


@main.command(
    cls=ChineseCommand, help="列出证据不足的测评项目（迎检前使用）。要求写在 data/criteria.yml 的 thresholds 中。"
)
@root_option
@click.option("--date", "date", metavar="YYYY-MM-DD", help="按哪一天统计，默认今天")
@click.option("--strict", is_flag=True, help="有证据不足的项目时以退出码 1 结束（供自动检查使用）")
@help_option
def gaps(root: Path, date: str | None, strict: bool) -> None:
    site = _site_clean(root, _day(date))
    lines = site.bind({a.page: a.page for a in site.content.published if a.page})
    items, end = site.coverage, site.stats.end
    if not lines:
        click.echo(f"{len(items)} 个测评项目的证据都已达到要求（截至 {end.year}年{end.month}月{end.day}日）。")
        return
    for line in lines:
        click.echo(line)
    if strict:
        sys.exit(1)


# --- deploy ------------------------------------------------------------------------------


@main.command(
    cls=ChineseCommand,
    help="发布网站到兼容 S3 的云存储（阿里云 OSS、腾讯云 COS、华为云 OBS 等）或用 rsync 发布到自己的服务器："
    "先用 --strict 生成网站（有问题就不发布），只上传内容变了的文件，新文件都传完后才删除旧文件。"
    "访问密钥只从环境变量 AWS_ACCESS_KEY_ID、AWS_SECRET_ACCESS_KEY 读取。",
)
@click.argument("target", metavar="目标", required=False)
@click.option(
    "--endpoint-url",
    metavar="网址",
    help="云存储的服务地址，例如阿里云 OSS 杭州：https://s3.oss-cn-hangzhou.aliyuncs.com",
)
@click.option(
    "--site-dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="发布已经生成好的网站文件夹（不再生成），例如 site",
)
@click.option("--dry-run", is_flag=True, help="只列出会上传和删除的文件，不改动存储桶或服务器")
@click.option("--jobs", type=click.IntRange(1, 64), default=8, show_default=True, help="同时上传的文件数")
@root_option
@help_option
def deploy(target, endpoint_url, site_dir, dry_run, jobs, root: Path) -> None:
    from wenmingsite.outputs.deploy import DeployError, run

    try:
        run(
            root,
            target,
            endpoint_url=endpoint_url,
            site_dir=site_dir,
            dry_run=dry_run,
            jobs=jobs,
            echo=click.echo,
            err=lambda text: click.echo(text, err=True),
        )
    except DeployError as exc:
        click.echo(f"错误：{exc}", err=True)
        sys.exit(1)


# --- pack --------------------------------------------------------------------------------


@main.command(
    cls=ChineseCommand,
    help="一次生成迎检材料包，放在 dist/ 中：汇报材料 PDF、佐证材料目录 PDF（带二维码）、创建台账 Excel。",
)
@root_option
@site_url_option
@date_option
@routines_option
@help_option
def pack(root: Path, site_url: str | None, date: str | None, routines: str) -> None:
    from wenmingsite.outputs import export
    from wenmingsite.outputs import pack as packing

    extras.require("pack", "生成迎检材料包", root)
    start = time.perf_counter()
    material = _pack_material(root, date, site_url)
    click.echo(
        f"[1/4] 读取内容：{len(material.site.records):,} 条活动记录、{material.index.items:,} 项佐证材料"
        f"（用时 {material.seconds:.1f} 秒）"
    )
    dist = root / packing.DIST

    def write_ledger(folder: Path) -> tuple[list[str], tuple[str, int, float]]:
        t = time.perf_counter()
        site = material.site
        ledger = export.Ledger(site.content, site.records, site.stats, material.base)
        (path,) = export.write(folder / export.LEDGER, ledger, by_month=routines == export.ROUTINES_BY[1])
        return [path.name], (path.name, len(ledger.years()), time.perf_counter() - t)

    # The two PDFs are laid out side by side and the ledger written beside them; dist/ gets
    # all three at the end, or nothing (see outputs/pack.py, write_pack).
    try:
        packed = packing.write_pack(material, dist, write_ledger)
    except packing.PackRefused as exc:
        raise click.ClickException(str(exc)) from None
    for step, label, written in (("[2/4]", "汇报材料", packed.report), ("[3/4]", "佐证材料目录", packed.evidence)):
        click.echo(f"{step} {packing.describe(label, written, root)}")
        for line in written.refused:
            click.echo(line, err=True)
    name, years, seconds = packed.side
    click.echo(
        f"[4/4] 创建台账：{(dist / name).relative_to(root).as_posix()}（{years} 个年度工作表，用时 {seconds:.1f} 秒）"
    )
    click.echo(
        f"迎检材料包已生成在 {dist.relative_to(root).as_posix() if dist.is_relative_to(root) else dist}/，"
        f"共用时 {time.perf_counter() - start:.1f} 秒。"
    )


# --- export ------------------------------------------------------------------------------


@main.command(
    "export",
    cls=ChineseCommand,
    help="把创建台账导出为表格：.xlsx（每年一个工作表、例行活动表和汇总表，合计与网站“数据统计”一致）"
    "或 .csv（主题活动和例行活动各一个文件）。导出的 .xlsx 可以再用 wenming import 导入。",
)
@click.argument("target", metavar="文件", type=click.Path(dir_okay=False, path_type=Path))
@root_option
@routines_option
@site_url_option
@date_option
@help_option
def export_ledger(target: Path, root: Path, routines: str, site_url: str | None, date: str | None) -> None:
    from wenmingsite.outputs import export
    from wenmingsite.outputs import pack as packing

    if target.suffix.lower() not in (".xlsx", ".csv"):
        raise click.ClickException(f"“{target.name}”不是 .xlsx 或 .csv 文件名。请写成例如 wenming export 台账.xlsx")
    try:
        site = packing.bind_site(root, _day(date))
    except packing.PackRefused as exc:
        for p in exc.problems:
            click.echo(str(p), err=True)
        raise click.ClickException(str(exc)) from None
    url = site_url or packing.read_site_url(root)
    base = url if not url or url.endswith("/") else url + "/"
    ledger = export.Ledger(site.content, site.records, site.stats, base)
    paths = export.write(target, ledger, by_month=routines == export.ROUTINES_BY[1])
    themed = sum(1 for r in site.records if r["kind"] != "routine")
    click.echo(
        f"已导出 {'、'.join(str(p) for p in paths)}：主题活动 {themed:,} 项，"
        f"例行活动 {len(site.records) - themed:,} 次（{routines}）。"
    )
    from wenmingsite.loading.settings import is_local

    if is_local(base):
        click.echo(
            f"提示：网站地址是本机地址 {base}，台账“网页地址”一栏的链接只能在这台电脑上打开。交给检查组之前，"
            "请用 --site-url 或环境变量 SITE_URL 写上网站的正式地址后重新导出",
            err=True,
        )


# --- review / approve (sign-off, wenmingsite.loading.signoff) ------------------------------------


@main.command(
    "review",
    cls=ChineseCommand,
    help="列出待审核的材料：单位开启了发布审核（data/unit.yml 的 review: true）时，"
    "还没有审核的活动、汇报章节和荣誉只在预览中显示，正式网站不发布。",
)
@root_option
@date_option
@help_option
def review(root: Path, date: str | None) -> None:
    from wenmingsite.loading import signoff

    _require_site(root)
    site = Site(root, today=_day(date))
    problems = site.load(with_links=False, clean_assets=False)
    unit = site.content.unit
    if unit is None or not unit.review:
        click.echo("本单位没有开启发布审核（data/unit.yml 的 review），所有材料构建后直接发布。")
        return
    names = "、".join(unit.approvers) or "（还没有列出，请在 data/unit.yml 的 approvers 中填写）"
    if not site.withheld:
        click.echo(f"没有待审核的材料：全部已经审核。审核人：{names}")
    else:
        click.echo(f"待审核材料 {len(site.withheld)} 项（审核前不会发布；审核人：{names}）：")
        for w in site.withheld:
            day = f" {w.day.isoformat()}" if w.day and w.material != "荣誉" else ""
            author = f"，撰稿人 {w.author}" if w.author else ""
            click.echo(f"  {w.where}: {w.material}{day}“{w.title}”{author}")
        click.echo(
            "审核人确认后运行 wenming approve 文件 --by 姓名（数据文件中的一条写成上面的“文件:行”），"
            f"或在材料中写上 approved_by 和 approved_on。{signoff.BADGE}的材料在 wenming serve 预览中可以看到。"
        )
    if problems:
        click.echo(f"另有 {len(problems)} 处内容问题，请运行 wenming check 查看。")


@main.command(
    "approve",
    cls=ChineseCommand,
    help="记录审核：把审核人和审核日期写进材料（活动、汇报章节的 front matter，或数据文件中的一条），"
    "文件的其他内容一字不改。审核人必须在 data/unit.yml 的 approvers 中。",
)
@click.argument("targets", metavar="文件…", nargs=-1, required=True)
@click.option("--by", "name", required=True, metavar="姓名", help="审核人姓名（data/unit.yml 的 approvers 中的一位）")
@click.option("--date", "date_text", metavar="日期", help="审核日期，例如 2026-03-05（默认今天）")
@root_option
@help_option
def approve(targets: tuple[str, ...], name: str, date_text: str | None, root: Path) -> None:
    from wenmingsite.loading import signoff
    from wenmingsite.loading.values import Invalid, parse_date

    _require_site(root)
    today = signoff.today()
    try:
        day = parse_date(date_text) if date_text else today
    except Invalid as exc:
        raise click.BadParameter(str(exc), param_hint=["--date"]) from None
    name = " ".join(name.split())
    failed = 0
    site = None
    written: set[str] = set()
    for target in targets:
        try:
            rel, _ = signoff.target_file(root, target)
        except signoff.ApproveError as exc:
            click.echo(f"{target}: {exc}", err=True)
            failed += 1
            continue
        if site is None or rel in written:  # the preview's view: pending material stays in
            site = Site(root, today=today, internal=True)
            site.load(with_links=False, clean_assets=False)
            written.clear()
        try:
            done = signoff.approve(root, site.content, target, name, day, today, site.docs_rel)
        except signoff.ApproveError as exc:
            click.echo(f"{target}: {exc}", err=True)
            failed += 1
            continue
        written.add(rel)  # its lines may have moved: read it again before approving more in it
        for what in done:
            click.echo(f"已审核：{what}（审核人 {name}，{day.isoformat()}）")
    if failed:
        raise click.ClickException(f"{failed} 个文件没有记录审核，见上面各行")


if __name__ == "__main__":
    main()
