"""The maintainers' map stays true: ARCHITECTURE.md and the README name every module of the
package, and no document or docstring names a module (or a ``.py`` file) that is gone."""

from __future__ import annotations

import importlib
import re
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PKG = ROOT / "src" / "wenmingsite"
# Files the documents name on purpose although this repository has none: what older units
# hold and `wenming upgrade` replaces.
HISTORICAL = {"showcase.py"}
# The one generated package: templates compiled ahead of time by tools/compile_templates.py, a module
# per template. The documents name the package; its generated modules are not named one by one.
GENERATED = "pages.precompiled_templates"


def modules() -> list[str]:
    """Every module as the documents name it: its dotted path below wenmingsite."""
    out = []
    for path in sorted(PKG.rglob("*.py")):
        rel = path.relative_to(PKG).with_suffix("")
        parts = list(rel.parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        dotted = ".".join(parts)
        if dotted.startswith(GENERATED + "."):
            continue
        if parts and parts != ["__main__"]:
            out.append(dotted)
    return out


def test_the_package_has_sub_packages_that_follow_the_flow():
    packages = sorted(p.parent.name for p in PKG.glob("*/__init__.py"))
    assert packages == ["commands", "gate", "loading", "outputs", "pages"]
    flat = sorted(p.stem for p in PKG.glob("*.py"))
    # scaffold stays at the top: units made by 0.1.0 import wenmingsite.scaffold from their hook.
    assert flat == ["__init__", "__main__", "plugin", "scaffold", "site"]


@pytest.mark.parametrize("document", ["ARCHITECTURE.md", "README.md"])
def test_the_document_names_every_module(document):
    text = (ROOT / document).read_text(encoding="utf-8")
    missing = [m for m in modules() if f"`{m}`" not in text]
    assert missing == [], f"{document} does not name: {', '.join(missing)}"


def _tracked_text_files() -> list[Path]:
    listed = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    keep = (".py", ".md", ".yml", ".yaml", ".toml", ".html", ".tmpl", ".sh")
    return [
        ROOT / name
        for name in listed.splitlines()
        if name.endswith(keep) and not name.startswith(("tests/data/", "docs/")) and (ROOT / name).is_file()
    ]


def _resolves(dotted: str) -> bool:
    """A dotted name below wenmingsite names a module, or an attribute of one."""
    parts = dotted.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            obj = importlib.import_module(".".join(parts[:cut]))
        except ImportError:
            continue
        for attr in parts[cut:]:
            if not hasattr(obj, attr):
                return False
            obj = getattr(obj, attr)
        return True
    return False


def test_no_file_names_a_module_that_is_gone():
    tracked = {
        Path(p).name
        for p in subprocess.run(
            ["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True
        ).stdout.splitlines()
    }
    gone = []
    for path in _tracked_text_files():
        text = path.read_text(encoding="utf-8", errors="replace")
        rel = path.relative_to(ROOT).as_posix()
        for dotted in sorted(set(re.findall(r"\bwenmingsite(?:\.[A-Za-z_][A-Za-z0-9_]*)+", text))):
            if not _resolves(dotted.rstrip(".")):
                gone.append(f"{rel}: {dotted}")
        if path.suffix == ".md":
            for name in sorted(set(re.findall(r"\b([A-Za-z_][A-Za-z0-9_]*\.py)\b", text))):
                if name not in tracked and name not in HISTORICAL:
                    gone.append(f"{rel}: {name}")
    assert gone == []
