"""``wenming build`` and ``wenming serve``: what editors run instead of ``mkdocs build
--strict`` and ``mkdocs serve``. MkDocs runs in this process, with the site's mkdocs.yml
as it is (a hook or a plugin alike); its log is told in Chinese by ``mkdocs_log``.

``serve`` follows MkDocs' own (``mkdocs.commands.serve.serve``) step for step, except that
its builder reports a failed rebuild in Chinese (MkDocs' prints "Aborted with a BuildError!"
or a traceback), and a port in use is said in Chinese instead of with a traceback.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

import click

from wenmingsite.commands.clicktext import ChineseCommand, help_option, root_option
from wenmingsite.commands.mkdocs_log import ChineseLog

DEFAULT_ADDRESS = "127.0.0.1:8000"
ADDRESS_IN_USE = {errno.EADDRINUSE, 10048}  # 10048: WSAEADDRINUSE on Windows


def _mkdocs():
    """MkDocs, imported once its end-of-life banner is switched off (Material prints it when
    its templates are first imported, which loading mkdocs.yml does)."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    from mkdocs.commands import build
    from mkdocs.config import load_config

    return load_config, build.build


def _require_site(root: Path) -> Path:
    config = root / "mkdocs.yml"
    if not config.is_file():
        raise click.ClickException(f"{root} 里没有 mkdocs.yml。请在网站文件夹中运行，或用 --root 指定网站文件夹")
    return config


def _shown(path: Path) -> str:
    """A folder as the editor typed it: relative to where they are, when it is below it."""
    path = path.resolve()
    try:
        return path.relative_to(Path.cwd().resolve()).as_posix() or "."
    except ValueError:
        return str(path)


@contextlib.contextmanager
def chinese_log():
    """MkDocs' log (the ``mkdocs`` logger and all below it) printed in Chinese and nowhere
    else while the block runs; the logger as it was afterwards."""
    log = ChineseLog(lambda line: click.echo(line, err=True))
    logger = logging.getLogger("mkdocs")
    saved = logger.level, logger.propagate, list(logger.handlers)
    for handler in saved[2]:
        logger.removeHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False
    logger.addHandler(log)
    try:
        yield log
    finally:
        logger.removeHandler(log)
        for handler in saved[2]:
            logger.addHandler(handler)
        logger.setLevel(saved[0])
        logger.propagate = saved[1]


def _docs(config, root: Path) -> str:
    docs = Path(config.docs_dir)
    return docs.relative_to(root.resolve()).as_posix() if docs.is_relative_to(root.resolve()) else str(docs)


def _stopped(log: ChineseLog, exc: BaseException) -> int:
    """Report why MkDocs stopped; the number of problems printed for it."""
    from mkdocs.exceptions import Abort, ConfigurationError

    if isinstance(exc, Abort):  # "Aborted with …": what it sums up was logged
        return log.stopped()
    if isinstance(exc, ConfigurationError):  # raised, never logged (mkdocs.yml unreadable)
        return log.stopped(str(exc))
    return log.stopped(f"内部错误：{type(exc).__name__}: {exc}。这不是内容的问题，请把这一行发给网站的维护人员")


@click.command(
    "build",
    cls=ChineseCommand,
    help="生成网站（相当于 mkdocs build --strict）：有任何问题都不生成，逐行说明问题在哪个文件、怎么改。",
)
@root_option
@click.option(
    "-d",
    "--site-dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="网站生成到哪个文件夹（默认是 mkdocs.yml 旁边的 site 文件夹）",
)
@click.option(
    "--strict/--no-strict",
    default=True,
    help="有提示（例如栏目中列出的页面不存在）时也不生成网站（默认如此）；加 --no-strict 则照常生成",
)
@click.option(
    "--preview",
    is_flag=True,
    help="生成供审核看的预览版：开启了发布审核时，待审核的材料也显示，并标出“待审核”（预览版不能用来发布）",
)
@help_option
def build(root: Path, site_dir: Path | None, strict: bool, preview: bool = False) -> None:
    config_file = _require_site(root)
    load_config, build_site = _mkdocs()
    start = time.monotonic()
    click.echo("正在生成网站……", err=True)
    with chinese_log() as log:
        try:
            overrides = {"site_dir": str(site_dir.resolve())} if site_dir else {}
            config = load_config(config_file=str(config_file), strict=strict, **overrides)
            if preview and (plugin := config.plugins.get("wenming")) is not None:
                plugin.config["preview"] = True  # the plugin's own setting, as `preview: true` sets it
            log.docs = _docs(config, root)
            config.plugins.on_startup(command="build", dirty=False)
            try:
                build_site(config)
            finally:
                config.plugins.on_shutdown()
        except Exception as exc:
            problems = _stopped(log, exc)
            click.echo(f"网站没有生成：共 {problems} 处问题，见上面各行", err=True)
            sys.exit(1)
        note = f"；另有 {log.problems} 处提示，见上面各行" if log.problems else ""
        seconds = time.monotonic() - start
        click.echo(f"网站已生成在 {_shown(Path(config.site_dir))} 文件夹中（用时 {seconds:.1f} 秒）{note}", err=True)


def _address(ctx, param, value: str) -> str:
    host, _, port = value.rpartition(":")
    if not host or not port.isdigit() or not 0 < int(port) < 65536:
        raise click.BadParameter(f"“{value}”不是“地址:端口”的形式，例如 {DEFAULT_ADDRESS}")
    return value


@click.command(
    "serve",
    cls=ChineseCommand,
    help="本地预览网站（相当于 mkdocs serve）：生成后用浏览器打开显示的地址；修改并保存文件后，预览自动更新。"
    "内容有问题时照常预览，问题列在首页和出问题的页面上。按 Ctrl+C 结束。",
)
@root_option
@click.option(
    "-a",
    "--dev-addr",
    metavar="地址:端口",
    default=DEFAULT_ADDRESS,
    show_default=True,
    callback=_address,
    help="预览用的地址和端口；端口被占用时换一个，例如 127.0.0.1:8001",
)
@click.option("--open", "open_browser", is_flag=True, help="生成后自动在浏览器中打开预览")
@help_option
def serve(root: Path, dev_addr: str, open_browser: bool) -> None:
    config_file = _require_site(root)
    load_config, build_site = _mkdocs()
    from mkdocs.livereload import LiveReloadServer

    with (
        tempfile.TemporaryDirectory(prefix="wenming_", ignore_cleanup_errors=True) as site_dir,
        chinese_log() as log,
    ):
        serve_url = ""

        def get_config():
            config = load_config(config_file=str(config_file), site_dir=site_dir, dev_addr=dev_addr)
            log.docs = _docs(config, root)
            return config

        def make(config) -> int:
            """One build of the preview; the number of problems that stopped it, or 0."""
            log.restart()
            start = time.monotonic()
            try:
                build_site(config, serve_url=serve_url)
            except Exception as exc:
                return _stopped(log, exc)
            note = f"；另有 {log.problems} 处问题，见上面各行（正式生成网站前要改好）" if log.problems else ""
            click.echo(f"预览已更新（用时 {time.monotonic() - start:.1f} 秒）{note}", err=True)
            return 0

        def builder(config=None) -> None:
            """A rebuild after an edit, as the server (and plugins' on_serve) call it."""
            try:
                if config is None:
                    config = get_config()
                    config.site_url = serve_url
            except Exception as exc:
                problems = _stopped(log, exc)
            else:
                problems = make(config)
            if problems:
                # The server prints this and goes on showing the last site that was built.
                raise SystemExit(f"这次修改后预览没有更新：共 {problems} 处问题，见上面各行")

        def error_page(code: int) -> bytes | None:
            page = Path(site_dir) / f"{code}.html"
            return page.read_bytes() if code in (404, 500) and page.is_file() else None

        try:
            config = get_config()
        except Exception as exc:
            click.echo(f"预览没有启动：共 {_stopped(log, exc)} 处问题，见上面各行", err=True)
            sys.exit(1)
        click.echo("正在生成预览……", err=True)
        config.plugins.on_startup(command="serve", dirty=False)
        host, port = config.dev_addr
        server = LiveReloadServer(
            builder=builder, host=host, port=port, root=site_dir, mount_path=urlsplit(config.site_url or "/").path
        )
        server.error_handler = error_page
        config.site_url = serve_url = server.url
        try:
            problems = make(config)
            if problems:
                click.echo(f"预览没有启动：共 {problems} 处问题，见上面各行", err=True)
                sys.exit(1)
            server.watch(config.docs_dir)
            server.watch(config.config_file_path)
            server = config.plugins.on_serve(server, config=config, builder=builder)
            for item in config.watch:
                server.watch(item)
            server.serve(open_in_browser=open_browser)
        except KeyboardInterrupt:
            click.echo("预览已结束。", err=True)
        except OSError as exc:
            if exc.errno in ADDRESS_IN_USE:
                why = f"端口 {port} 已被占用（可能已经有一个预览在运行）。请先关掉它，或换一个端口"
            else:
                why = f"无法在 {host}:{port} 上预览（系统错误 {exc.errno}）。请换一个地址"
            click.echo(f"预览没有启动：{why}，例如 wenming serve -a 127.0.0.1:8001", err=True)
            sys.exit(1)
        finally:
            server.shutdown()
            config.plugins.on_shutdown()
