"""``wenming init`` and ``wenming upgrade``: a unit's site repository, holding only its own
content and settings.

Everything comes from the installed package (a wheel carries no repository files): the
unit-specific files from the templates in ``scaffold/``, the shared ones (national criteria,
default categories, holidays, the build lock, the publishing workflow) from
``scaffold/shared/`` (copies of the repository's files, see ``tools/sync_scaffold.py``). The
engine itself — plugin, templates, theme — stays in the installed package, so installing a
new version upgrades every unit; ``wenming upgrade`` brings what init wrote up to date.
Imports no MkDocs.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from string import Template

PACKAGE = Path(__file__).parent
TEMPLATES = PACKAGE / "scaffold"
SHARED_DIR = TEMPLATES / "shared"
THEME = PACKAGE / "theme"  # the theme templates the package ships
# Unit file -> its copy in the package. A unit edits its data; the lock and the workflow are
# the tool's and `wenming upgrade` replaces them.
SHARED = {
    "data/criteria.yml": "criteria.yml",
    "data/categories.yml": "categories.yml",
    "data/holidays.yml": "holidays.yml",
    "requirements/lock-build.txt": "lock-build.txt",
    # The build set plus one extra each: what `wenming pack`, `deploy` and `import` ask for.
    "requirements/lock-pack.txt": "lock-pack.txt",
    "requirements/lock-deploy.txt": "lock-deploy.txt",
    "requirements/lock-import.txt": "lock-import.txt",
}
# The locks among them, each with what it installs (`wenming upgrade` lists it).
LOCKS = {
    "requirements/lock-build.txt": "工具依赖的包和哈希",
    "requirements/lock-pack.txt": "生成迎检材料包（wenming pack、print）要装的包和哈希",
    "requirements/lock-deploy.txt": "发布到云存储（wenming deploy）要装的包和哈希",
    "requirements/lock-import.txt": "导入 Word 汇报（wenming import 汇报.docx）要装的包和哈希",
}
WORKFLOW = ".github/workflows/pages.yml"
DISTRIBUTION = "wenming-site"
GLUE_MODULE = "wenmingsite_showcase_glue"
# A comment line carrying this mark sits above each piece of sample text init writes: while it
# is there, `wenming check` and the build name the file in a notice (the sample is still unedited).
SAMPLE_MARK = "wenming init 示例"
# The approver a new unit's sample material is signed off by, until the unit names its own
# (data/unit.yml says so on a SAMPLE_MARK line; wenmingsite.loading.signoff).
SAMPLE_APPROVER = "示例审核人"
# The tool's own workflow installs the checkout and runs its tests; a unit's installs the tool
# (requirements.txt) and has no engine tests. Everything else — pins by commit hash, per-job
# permissions, the checks and the strict build — is the same file.
ENGINE_TESTS = (
    "  # --- engine tests (wenming init leaves this job out of a new unit's workflow) ---\n",
    "  # --- end engine tests ---\n\n",
)
WORKFLOW_EDITS = (
    (
        "          pip install --no-deps --no-build-isolation -e .\n",
        "          pip install --no-deps --no-build-isolation -r requirements.txt\n",
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
    term: str = ""  # e.g. 第九届; empty when the person running init did not know it


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


def files_for(a: UnitAnswers, today: dt.date, tool_url: str | None = None) -> dict[str, str]:
    """Relative path -> text of every file ``init`` writes."""
    if a.term_end < a.term_start:
        raise ScaffoldError(
            f"创建周期结束（{a.term_end.isoformat()}）早于开始（{a.term_start.isoformat()}）。请核对两个日期"
        )
    # The texts init writes once (mkdocs.yml, the home page) name the term only when it is
    # known: a generic “本届” there would stay after the unit sets its term in data/unit.yml.
    site_description = f"{a.name}{a.term}{a.title_sought}创建工作展示"
    plain = dict(
        name=a.name,
        short_name=a.short_name,
        title_sought=a.title_sought,
        term=a.term,
        site_description=site_description,
        mark=SAMPLE_MARK,
    )
    quoted = {k: _yaml(v) for k, v in plain.items()}
    quoted.update(
        term=_yaml(a.term or "本届"),
        # data/unit.yml needs a term (the banner and the printed cover show it): until the unit
        # names it, “本届” with a notice (SAMPLE_MARK) asking for the real one.
        term_note=""
        if a.term
        else f"# {SAMPLE_MARK}：请把“本届”换成本单位的创建届次，例如 第九届，改好后删掉这一行。\n",
        kind=_yaml(a.kind),
        term_start=a.term_start.isoformat(),
        term_end=a.term_end.isoformat(),
        site_name=_yaml(f"{a.name} · 文明单位创建"),
        copyright=_yaml(a.name),
        introduction=_yaml(f"{a.name}正在开展{a.term}{a.title_sought}创建工作。"),
        mark=SAMPLE_MARK,
        approver=SAMPLE_APPROVER,
    )
    day, draft = _sample_activity(a, today)
    # Dated the term's start (the sample activity's day), never later than today.
    approval = f"approved_by: {SAMPLE_APPROVER}\napproved_on: {min(a.term_start, today).isoformat()}\n"

    def fill(name: str, values: dict) -> str:
        return Template((TEMPLATES / name).read_text(encoding="utf-8")).substitute(values)

    out = {
        "mkdocs.yml": fill("mkdocs.yml.tmpl", quoted),
        "data/unit.yml": fill("unit.yml.tmpl", quoted),
        "docs/index.md": fill("index.md.tmpl", plain | {"site_description": quoted["site_description"]}),
        "docs/report/01-组织领导.md": fill("chapter.md.tmpl", plain | {"approval": approval}),
        f"docs/activities/{day.year}/{day.isoformat()}-创建工作动员会.md": fill(
            "activity.md.tmpl",
            plain
            | {
                "date": day.isoformat(),
                "draft": draft,
                "approval": "" if draft else approval,
                "summary": _yaml(f"{a.short_name}召开{a.term}{a.title_sought}创建工作动员会，部署本届创建任务。"),
            },
        ),
        "README.md": fill("README.md.tmpl", plain),
        ".github/dependabot.yml": fill("dependabot.yml.tmpl", {}),
    }
    out.update(tool_files(tool_url))
    for rel, name in SHARED.items():
        out[rel] = (SHARED_DIR / name).read_text(encoding="utf-8")
    return out


def tool_files(tool_url: str | None = None) -> dict[str, str]:
    """The files of a unit that belong to the tool's version (``upgrade`` rewrites them)."""
    return {
        "requirements.txt": requirements_txt(tool_url),
        **{rel: (SHARED_DIR / SHARED[rel]).read_text(encoding="utf-8") for rel in LOCKS},
        WORKFLOW: unit_workflow((SHARED_DIR / "pages.yml").read_text(encoding="utf-8")),
        ".gitignore": (TEMPLATES / "gitignore.tmpl").read_text(encoding="utf-8"),
    }


def version() -> str:
    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:  # run from a checkout without installing it
        return "0+unknown"


def tool_source(tool_url: str | None = None) -> tuple[str, bool]:
    """(requirement, portable?) naming this very version of the tool for a unit's
    requirements.txt: the address it was installed from (a release's wheel, a git commit),
    which another machine can install again; else its version, which a package index serves."""
    if tool_url:
        url = tool_url.strip()
        if re.match(r"(?:git\+)?https://", url):
            return f"{DISTRIBUTION} @ {url}", True
        raise ScaffoldError(f"--tool-url“{url}”不是 https:// 开头的下载地址。请写工具发布页上的 .whl 文件地址")
    try:
        text = metadata.distribution(DISTRIBUTION).read_text("direct_url.json")
    except metadata.PackageNotFoundError:
        text = None
    info = json.loads(text) if text else {}
    url = info.get("url", "")
    if url.startswith(("https://", "http://")):
        vcs = info.get("vcs_info")
        if vcs:
            return f"{DISTRIBUTION} @ {vcs.get('vcs', 'git')}+{url}@{vcs.get('commit_id')}", True
        archive = info.get("archive_info") or {}
        hashes = dict(archive.get("hashes") or {})
        if "=" in (archive.get("hash") or ""):  # the older single form, "sha256=<hex>"
            name, _, value = archive["hash"].partition("=")
            hashes.setdefault(name, value)
        pin = f" --hash=sha256:{hashes['sha256']}" if "sha256" in hashes else ""
        return f"{DISTRIBUTION} @ {url}{pin}", True
    # From an index (no direct_url.json), or from a local file or checkout (not portable).
    return f"{DISTRIBUTION}=={version()}", not url


def requirements_txt(tool_url: str | None = None) -> str:
    requirement, _portable = tool_source(tool_url)
    return (
        f"# 发布网站时安装的 wenming-site 工具（{version()} 版），由 wenming init / wenming upgrade 写入。\n"
        "# 它的依赖在 requirements/lock-build.txt 中，每个包都校验哈希。升级工具：安装新版本后在本文件夹运行\n"
        "# wenming upgrade，它改写本文件、锁文件和发布流程，然后一起提交。\n"
        f"{requirement}\n"
    )


def unit_workflow(workflow: str) -> str:
    """The tool's publishing workflow as a unit's: without the engine tests, installing the tool."""
    begin, end = ENGINE_TESTS
    start, stop = workflow.find(begin), workflow.find(end)
    edits = [(workflow[start : stop + len(end)], "")] if 0 <= start < stop else [(begin.strip(), "")]
    for old, new in [*edits, *WORKFLOW_EDITS]:
        if old not in workflow:
            raise ScaffoldError(
                f"工具自带的发布流程中找不到“{old.strip()}”，无法改写成单位用的发布流程。"
                "请维护者同步 wenmingsite/scaffold.py 中的 ENGINE_TESTS 和 WORKFLOW_EDITS"
            )
        workflow = workflow.replace(old, new)
    return workflow


def write_unit(
    target: Path, a: UnitAnswers, force: bool = False, today: dt.date | None = None, tool_url: str | None = None
) -> list[str]:
    """Write the new unit into ``target``; return the relative paths written, sorted."""
    check_dir(target, force)
    from wenmingsite.loading.signoff import today as signoff_today

    files = files_for(a, today or signoff_today(), tool_url)
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
        from wenmingsite.plugin import WenmingPlugin

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
