"""The editors' command line: ``wenming <subcommand>`` (help and messages in Chinese)."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click

from . import api, coverage, load
from .stats import term_window


def _load(root: Path, today: dt.date):
    if not (root / "mkdocs.yml").is_file():
        raise click.ClickException(f"{root} 里没有 mkdocs.yml。请在网站文件夹中运行，或用 --root 指定网站文件夹")
    content, problems = load(root, today=today)
    if problems:
        for p in problems:
            click.echo(str(p), err=True)
        raise click.ClickException(f"内容共有 {len(problems)} 处问题，请先按上面的提示修改")
    return content


def _day(value: str | None) -> dt.date:
    if not value:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"“{value}”不是日期，请写成 2026-11-27 的形式") from None


@click.group(help="文明创建展示站的编辑工具。在网站文件夹（mkdocs.yml 所在的文件夹）中运行。")
@click.version_option(package_name="wenming-site", message="%(version)s")
def main() -> None:
    pass


@main.command(help="列出证据不足的测评项目（迎检前使用）。要求写在 data/criteria.yml 的 thresholds 中。")
@click.option("--root", type=click.Path(file_okay=False, path_type=Path), default=".", show_default=True,
              help="网站文件夹")
@click.option("--date", "date", metavar="YYYY-MM-DD", help="按哪一天统计，默认今天")
@click.option("--strict", is_flag=True, help="有证据不足的项目时以退出码 1 结束（供自动检查使用）")
def gaps(root: Path, date: str | None, strict: bool) -> None:
    today = _day(date)
    content = _load(root, today)
    urls = {a.page: a.page for a in content.published if a.page}
    records = api.records(content, urls)
    start, end = term_window(content, today)
    items = coverage.compute(content, records, start, end)
    lines = coverage.gap_report(items, end)
    if not lines:
        click.echo(f"{len(items)} 个测评项目的证据都已达到要求（截至 {end.year}年{end.month}月{end.day}日）。")
        return
    for line in lines:
        click.echo(line)
    if strict:
        sys.exit(1)


if __name__ == "__main__":
    main()
