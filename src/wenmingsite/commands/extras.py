"""The optional components (pyproject.toml's extras) and what to say when one is missing.

Publishing a site installs only what `mkdocs build` needs (requirements/lock-build.txt). The
tools around it need more: the pack and the PDF (WeasyPrint, segno), cloud-storage deploys
(boto3), importing Word reports (python-docx). openpyxl is not among them: the publication
gate reads published .xlsx documents with it, so building needs it. Each has
its own lock, the build set plus that extra, so that one command installs it. A command whose
library is missing says which one before it does any work, instead of a traceback.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

# extra -> the modules (import names) its commands use, as pyproject.toml's extras install them.
MODULES: dict[str, tuple[str, ...]] = {
    "pack": ("weasyprint", "segno"),
    "deploy": ("boto3",),
    "import": ("docx",),
}


def lock(extra: str) -> str:
    return f"requirements/lock-{extra}.txt"


def install_command(extra: str) -> str:
    return f"pip install --no-deps --require-hashes -r {lock(extra)}"


def installed(module: str) -> bool:
    """Whether the module can be found, without running it: an installed WeasyPrint whose
    system libraries (Pango) are missing fails on import with its own message (pack.py)."""
    try:
        return importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):  # ValueError: hidden (sys.modules[name] is None)
        return False


def missing_message(
    extra: str, task: str, root: Path | None = None, modules: tuple[str, ...] | None = None
) -> str | None:
    """None when every module `task` needs from `extra` (all of them unless `modules` says)
    imports; else the Chinese line that names the command installing it (and `wenming upgrade`
    where the unit has no such lock yet)."""
    if all(installed(module) for module in modules or MODULES[extra]):
        return None
    text = f"{task}需要安装 {extra} 组件：{install_command(extra)}"
    if root is not None and (root / "requirements").is_dir() and not (root / lock(extra)).is_file():
        text += f"（{lock(extra)} 还不存在：先运行 wenming upgrade 取得它）"
    return text


def require(extra: str, task: str, root: Path | None = None, modules: tuple[str, ...] | None = None) -> None:
    """Stop a command (click prints “错误：…” and exits 1) when `extra` is not installed."""
    import click

    text = missing_message(extra, task, root, modules)
    if text:
        raise click.ClickException(text)
