"""``wenming init``: write a new unit's site repository with no demo content.

Unit-specific files come from the templates in ``scaffold/``; the shared files (national
criteria, default categories, holidays, theme overrides, the Pages workflow) are copied from
the tool's own checkout, so a new unit starts with exactly what the tool ships today.
Imports no MkDocs: :func:`glue_hooks` is what the new unit's one-line hook file calls.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from string import Template

TEMPLATES = Path(__file__).parent / "scaffold"
THEME = Path(__file__).parent / "theme"  # the theme overrides the package ships
# The checkout this package was installed from (editable install): src/wenmingsite/ -> root.
SOURCE_ROOT = Path(__file__).resolve().parent.parent.parent
GLUE_MODULE = "wenmingsite_showcase_glue"
# The lock of what building a site needs (every package with its hashes): a unit installs the
# same set the tool was tested with, and gets a new copy when it moves to a new tool commit.
SHARED = ("data/criteria.yml", "data/categories.yml", "data/holidays.yml", "requirements/lock-build.txt")
WORKFLOW = ".github/workflows/pages.yml"
# The tool's own workflow installs the checkout and runs its tests; a unit's installs the tool
# (requirements.txt, at a fixed commit) and has no engine tests. Everything else — pins by
# commit hash, per-job permissions, the checks and the strict build — is the same file.
ENGINE_TESTS = (
    "  # --- engine tests (wenming init leaves this job out of a new unit's workflow) ---\n",
    "  # --- end engine tests ---\n\n",
)
WORKFLOW_EDITS = (
    (
        "          pip install --no-deps --no-build-isolation -e .\n",
        '          pip install --no-deps --no-build-isolation --src "$RUNNER_TEMP/src" -r requirements.txt\n',
    ),
    ("    needs: [build, tests]\n", "    needs: build\n"),
)


class ScaffoldError(Exception):
    """A problem the person running ``wenming init`` must fix (message in Chinese)."""


@dataclass(frozen=True)
class UnitAnswers:
    name: str
    short_name: str
    title_sought: str
    term_start: dt.date
    term_end: dt.date
    kind: str = "事业单位"
    term: str = "本届"


def check_text(value: str, what: str) -> str:
    """One line of plain text for a name: spaces collapsed, no markup characters."""
    value = " ".join(str(value).split())
    if not value:
        raise ScaffoldError(f"{what}不能为空，请填写")
    bad = sorted({c for c in value if c in "<>[]{}*_`#|\\"})
    if bad:
        raise ScaffoldError(f"{what}“{value}”里不能有这些符号：{' '.join(bad)}。请去掉后重试")
    return value


def check_dir(target: Path, force: bool) -> None:
    if target.exists() and not target.is_dir():
        raise ScaffoldError(f"{target} 已经是一个文件，不是文件夹。请换一个文件夹名")
    if target.is_dir() and any(target.iterdir()) and not force:
        raise ScaffoldError(
            f"文件夹 {target} 不是空的。请换一个新文件夹；确实要在这里生成（同名文件会被覆盖）时加 --force"
        )


def _yaml(value: str) -> str:
    # A JSON string is a valid YAML double-quoted scalar: no colon or # can break the file.
    return json.dumps(value, ensure_ascii=False)


def _sample_activity(a: UnitAnswers, today: dt.date) -> tuple[dt.date, str]:
    """The example activity is the term's kick-off meeting; before the term starts it is a draft."""
    return a.term_start, ("" if a.term_start <= today else "draft: true\n")


def files_for(a: UnitAnswers, today: dt.date) -> dict[str, str]:
    """Relative path -> text of every file ``init`` writes."""
    if a.term_end < a.term_start:
        raise ScaffoldError(
            f"创建周期结束（{a.term_end.isoformat()}）早于开始（{a.term_start.isoformat()}）。请核对两个日期"
        )
    site_description = f"{a.name}{a.term}{a.title_sought}创建工作展示"
    plain = dict(
        name=a.name,
        short_name=a.short_name,
        title_sought=a.title_sought,
        term=a.term,
        site_description=site_description,
    )
    quoted = {k: _yaml(v) for k, v in plain.items()}
    quoted.update(
        kind=_yaml(a.kind),
        term_start=a.term_start.isoformat(),
        term_end=a.term_end.isoformat(),
        site_name=_yaml(f"{a.name} · 文明单位创建"),
        copyright=_yaml(a.name),
    )
    day, draft = _sample_activity(a, today)

    def fill(name: str, values: dict) -> str:
        return Template((TEMPLATES / name).read_text(encoding="utf-8")).substitute(values)

    out = {
        "mkdocs.yml": fill("mkdocs.yml.tmpl", quoted),
        "data/unit.yml": fill("unit.yml.tmpl", quoted),
        "docs/index.md": fill("index.md.tmpl", plain | {"site_description": quoted["site_description"]}),
        "docs/report/01-组织领导.md": fill("chapter.md.tmpl", plain),
        f"docs/activities/{day.year}/{day.isoformat()}-创建工作动员会.md": fill(
            "activity.md.tmpl",
            plain
            | {
                "date": day.isoformat(),
                "draft": draft,
                "summary": _yaml(f"{a.short_name}召开{a.term}{a.title_sought}创建工作动员会，部署本届创建任务。"),
            },
        ),
        "hooks/showcase.py": fill("showcase.py.tmpl", {}),
        ".gitignore": fill("gitignore.tmpl", {}),
        "README.md": fill("README.md.tmpl", plain),
        "requirements.txt": fill("requirements.txt.tmpl", {"commit": tool_commit()}),
        ".github/dependabot.yml": fill("dependabot.yml.tmpl", {}),
    }
    for rel in SHARED:
        out[rel] = _shared(rel).read_text(encoding="utf-8")
    out[WORKFLOW] = unit_workflow(_shared(WORKFLOW).read_text(encoding="utf-8"))
    for path in sorted(THEME.rglob("*")):
        if path.is_file():
            out["overrides/" + path.relative_to(THEME).as_posix()] = path.read_text(encoding="utf-8")
    return out


def unit_workflow(workflow: str) -> str:
    """The tool's publishing workflow as a unit's: without the engine tests, installing the tool."""
    begin, end = ENGINE_TESTS
    start, stop = workflow.find(begin), workflow.find(end)
    edits = [(workflow[start : stop + len(end)], "")] if 0 <= start < stop else [(begin.strip(), "")]
    for old, new in [*edits, *WORKFLOW_EDITS]:
        if old not in workflow:
            raise ScaffoldError(
                f"{SOURCE_ROOT / WORKFLOW} 中找不到“{old.strip()}”，无法改写成单位用的发布流程。"
                "请维护者同步 wenmingsite/scaffold.py 中的 ENGINE_TESTS 和 WORKFLOW_EDITS"
            )
        workflow = workflow.replace(old, new)
    return workflow


def tool_commit() -> str:
    """The commit of the tool's checkout (a unit installs the tool at this commit), or ``main``."""
    head = SOURCE_ROOT / ".git" / "HEAD"
    try:
        ref = head.read_text(encoding="ascii").strip()
        if ref.startswith("ref: "):
            name = ref[5:]
            loose = SOURCE_ROOT / ".git" / name
            if loose.is_file():
                ref = loose.read_text(encoding="ascii").strip()
            else:  # packed refs: "<sha> <name>" lines
                packed = (SOURCE_ROOT / ".git" / "packed-refs").read_text(encoding="ascii").splitlines()
                ref = next((line.split()[0] for line in packed if line.endswith(" " + name)), "")
    except (OSError, UnicodeDecodeError):
        return "main"
    return ref if len(ref) == 40 and all(c in "0123456789abcdef" for c in ref) else "main"


def _shared(rel: str) -> Path:
    path = SOURCE_ROOT / rel
    if not path.is_file():
        raise ScaffoldError(
            f"找不到工具自带的 {rel}（应在 {SOURCE_ROOT} 中）。"
            "wenming init 需要从工具的源代码仓库安装：pip install -e 工具文件夹"
        )
    return path


def write_unit(target: Path, a: UnitAnswers, force: bool = False, today: dt.date | None = None) -> list[str]:
    """Write the new unit into ``target``; return the relative paths written, sorted."""
    check_dir(target, force)
    files = files_for(a, today or dt.date.today())
    for rel, text in files.items():
        path = target / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
    return sorted(files)


def glue_hooks() -> dict:
    """The event handlers of the ``wenming`` plugin, for a unit made before the plugin
    existed: its ``hooks/showcase.py`` is one line that puts these into its own module.
    ``wenming upgrade`` replaces that hook with the plugin entry in mkdocs.yml."""
    module = sys.modules.get(GLUE_MODULE)
    if module is None:
        from .plugin import WenmingPlugin

        plugin = WenmingPlugin()
        errors, warnings = plugin.load_config({})
        if errors:  # the defaults always validate; a failure here is the tool's own bug
            raise ImportError(f"wenming 插件的默认设置无效：{errors}")
        module = type(sys)(GLUE_MODULE)
        module.handlers = {  # type: ignore[attr-defined]
            name: getattr(plugin, name)
            for name in dir(plugin)
            if name.startswith("on_") and callable(getattr(plugin, name))
        }
        sys.modules[GLUE_MODULE] = module
    return dict(module.handlers)
