"""``wenming upgrade``: bring what ``wenming init`` wrote into a unit up to the installed tool.

Each step compares a file the tool owns with what this version writes and plans a change:
the tool's pin, locks and workflow are replaced (or added); the ignore file gains missing lines;
mkdocs.yml moves from the old one-line hook and copied theme templates to the ``wenming``
plugin and gains nav entries for pages the tool now generates. The unit's own pages, data,
nav entries and modified templates are kept. Nothing is asked: git is the undo.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path

from wenmingsite import scaffold
from wenmingsite.loading import settings
from wenmingsite.scaffold import ScaffoldError


@dataclass(frozen=True)
class FileUpdate:
    path: str  # relative to the unit's root
    text: str | None  # the new text; None deletes the file
    why: str  # one Chinese line for the editor

    def describe(self) -> str:
        verb = "删除" if self.text is None else "更新"
        return f"{verb} {self.path}：{self.why}"


def _shipped() -> dict[str, set[str]]:
    data = json.loads((scaffold.TEMPLATES / "shipped.json").read_text(encoding="utf-8"))
    return {k: set(v) for k, v in data.items()}


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _read(root: Path, rel: str) -> str | None:
    try:
        return (root / rel).read_text(encoding="utf-8")
    except FileNotFoundError:
        return None


def plan(root: Path, tool_url: str | None = None) -> tuple[list[FileUpdate], list[str]]:
    """(changes, notes) that would bring the unit at ``root`` up to this version."""
    yml = _read(root, "mkdocs.yml")
    if yml is None:
        raise ScaffoldError(f"{root} 中没有 mkdocs.yml，不是 wenming init 生成的网站文件夹。请在网站文件夹中运行")
    changes: list[FileUpdate] = []
    notes: list[str] = []
    tool = scaffold.tool_files(tool_url)

    requirement, portable = scaffold.tool_source(tool_url)
    current = _read(root, "requirements.txt") or ""
    placeholder = "OWNER" in current or not current.strip()
    if portable or placeholder:
        if current != tool["requirements.txt"]:
            changes.append(FileUpdate("requirements.txt", tool["requirements.txt"], f"工具改为 {requirement}"))
        if not portable:
            notes.append(
                "提示：本机的工具是从本地文件安装的，requirements.txt 只能写版本号 "
                f"{requirement}。发布前请用 wenming upgrade --tool-url 工具发布页上的 .whl 地址 重新运行"
            )
    else:
        notes.append(
            "提示：本机的工具是从本地文件安装的，requirements.txt 保持原样。要换成新版本的下载地址，"
            "请用 wenming upgrade --tool-url 地址"
        )
    for rel, what in (
        *scaffold.LOCKS.items(),
        (scaffold.WORKFLOW, "发布流程（工具维护，你若改过，请用 git diff 核对）"),
    ):
        if _read(root, rel) != tool[rel]:
            changes.append(FileUpdate(rel, tool[rel], what))

    ignore = _read(root, ".gitignore") or ""
    have = {line.strip() for line in ignore.splitlines()}
    missing = [  # the patterns; the tool's comments above them are for new units
        line
        for line in tool[".gitignore"].splitlines()
        if line.strip() and not line.startswith("#") and line.strip() not in have
    ]
    if missing:
        text = ignore + ("" if not ignore or ignore.endswith("\n") else "\n") + "\n".join(missing) + "\n"
        changes.append(FileUpdate(".gitignore", text, f"不提交 {'、'.join(missing)}"))

    shipped = _shipped()
    new_yml = yml
    hook = _read(root, "hooks/showcase.py")
    if hook is not None and _sha(hook.encode("utf-8")) in shipped.get("hooks/showcase.py", set()):
        changes.append(FileUpdate("hooks/showcase.py", None, "改由 mkdocs.yml 中的 wenming 插件调用工具"))
        new_yml = _drop_hook(new_yml)
    elif hook is not None:
        notes.append("提示：hooks/showcase.py 被改过，保留原样。它和 wenming 插件不要同时使用，请核对后删掉其中一个")
    new_yml = _add_plugin(new_yml)
    new_yml, theme_changes, theme_notes = _theme(root, new_yml, shipped)
    changes += theme_changes
    notes += theme_notes
    extra = (settings.parse_mkdocs_yml(yml)).get("extra")
    if isinstance(extra, dict) and isinstance(extra.get("wenming"), dict):
        notes.append(
            "提示：mkdocs.yml 的 extra.wenming 中的设置（" + "、".join(map(str, extra["wenming"])) + "）"
            "现在写在 plugins 的 - wenming: 下面；旧位置仍然有效，方便时请移过去"
        )
    new_yml, added = _add_nav(new_yml)
    new_yml = new_yml.replace("# 由 hooks ", "# 由 wenming 插件").replace("由 hooks 自带的", "由 wenming 插件自带的")
    if new_yml != yml:
        why = []
        if _drop_hook(yml) != yml:
            why.append("改用 wenming 插件")
        if "custom_dir" in yml and "custom_dir" not in new_yml:
            why.append("使用工具自带的页面模板")
        why += [f"导航加上“{title}”" for title in added]
        changes.append(FileUpdate("mkdocs.yml", new_yml, "；".join(why) or "改用 wenming 插件"))
    return changes, notes


def apply(root: Path, changes: list[FileUpdate]) -> None:
    for change in changes:
        path = root / change.path
        if change.text is None:
            path.unlink(missing_ok=True)
            parent = path.parent
            while parent != root and parent.is_dir() and not any(parent.iterdir()):
                parent.rmdir()
                parent = parent.parent
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(change.text, encoding="utf-8", newline="\n")


# --- mkdocs.yml, edited as text so that the unit's comments and layout stay ------------


def _block(lines: list[str], key: str) -> tuple[int, int] | None:
    """(first, end) line indexes of a top-level ``key:`` and the lines belonging to it."""
    for i, line in enumerate(lines):
        if re.match(rf"{re.escape(key)}:\s*(#.*)?$", line):
            j = i + 1
            while j < len(lines) and (not lines[j].strip() or lines[j][0] in " \t-#"):
                j += 1
            while j > i + 1 and (not lines[j - 1].strip() or lines[j - 1].lstrip().startswith("#")):
                j -= 1  # trailing blank and comment lines belong to what follows
            return i, j
    return None


def _drop_hook(text: str) -> str:
    lines = text.splitlines(keepends=True)
    found = _block(lines, "hooks")
    if not found:
        return text
    i, j = found
    body = [k for k in range(i + 1, j) if lines[k].strip() and not lines[k].lstrip().startswith("#")]
    glue = [k for k in body if "showcase.py" in lines[k]]
    if not glue:
        return text
    if len(body) == len(glue):  # only the glue: the whole block goes, with one blank line after it
        end = j + 1 if j < len(lines) and not lines[j].strip() else j
        return "".join(lines[:i] + lines[end:])
    return "".join(line for k, line in enumerate(lines) if k not in glue)


def _add_plugin(text: str) -> str:
    data = settings.parse_mkdocs_yml(text)
    if settings.plugin_entry(data.get("plugins"))[0]:
        return text
    lines = text.splitlines(keepends=True)
    entry = "  - wenming             # 文明创建展示站（已安装的 wenming-site 工具）：生成各栏目页面，放在最后\n"
    found = _block(lines, "plugins")
    if not found:
        return text.rstrip("\n") + "\n\nplugins:\n  - search:\n      lang: zh\n" + entry
    _, j = found
    return "".join(lines[:j] + [entry] + lines[j:])


def _theme(root: Path, text: str, shipped: dict[str, set[str]]) -> tuple[str, list[FileUpdate], list[str]]:
    """Copies of the tool's templates that init put in overrides/ go (the plugin brings the
    current ones); templates the unit changed stay and still take precedence."""
    data = settings.parse_mkdocs_yml(text)
    theme = data.get("theme") if isinstance(data.get("theme"), dict) else {}
    custom = theme.get("custom_dir") if isinstance(theme, dict) else None
    if not isinstance(custom, str):
        return text, [], []
    folder = root / custom
    changes, kept = [], []
    for path in sorted(p for p in folder.rglob("*") if p.is_file()) if folder.is_dir() else []:
        rel = path.relative_to(root).as_posix()
        key = "overrides/" + path.relative_to(folder).as_posix()
        if _sha(path.read_bytes()) in shipped.get(key, set()):
            changes.append(FileUpdate(rel, None, "工具自带的页面模板的旧副本（现在由 wenming 插件提供最新的）"))
        else:
            kept.append(rel)
    notes = []
    if not kept:
        text = re.sub(r"(?m)^[ \t]+custom_dir:[^\n]*\n", "", text, count=1)
    else:
        notes.append(
            f"提示：{'、'.join(kept)} 是本单位改过或新加的模板，保留，并继续优先于工具自带的模板"
            "（工具的新模板可能需要你把改动重新合并进去）"
        )
    return text, changes, notes


def _nav_items(items, section: str | None = None):
    """(section title or None, title, path) of each page entry in a nav list."""
    for item in items or []:
        if isinstance(item, dict) and len(item) == 1:
            ((title, value),) = item.items()
            if isinstance(value, str):
                yield section, str(title), value
            elif isinstance(value, list):
                yield from _nav_items(value, str(title))


def _add_nav(text: str) -> tuple[str, list[str]]:
    """Nav entries for pages the tool generates that the unit's nav lacks."""
    data = settings.parse_mkdocs_yml(text)
    nav = data.get("nav")
    if not isinstance(nav, list):
        return text, []  # no nav: MkDocs lists every page by itself
    template = (scaffold.TEMPLATES / "mkdocs.yml.tmpl").read_text(encoding="utf-8")
    wanted = settings.parse_mkdocs_yml(template.split("\nnav:", 1)[1].join(["nav:", ""]))["nav"]
    have = {path for _, _, path in _nav_items(nav)} | {
        v for item in nav if isinstance(item, dict) for v in item.values() if isinstance(v, str)
    }
    added: list[str] = []
    for section, title, path in _nav_items(wanted):
        if path in have or path == "report/":
            continue
        lines = text.splitlines(keepends=True)
        i, j = _block(lines, "nav") or (len(lines), len(lines))
        items = [k for k in range(i + 1, j) if lines[k].lstrip().startswith("- ")]
        indent = re.match(r"\s*", lines[items[0]]).group(0) if items else "  "  # type: ignore[union-attr]
        if section is not None:
            head = next(
                (k for k in items if re.match(rf"{re.escape(indent)}- {re.escape(section)}:\s*(#.*)?$", lines[k])),
                None,
            )
            if head is not None:
                end = head + 1
                while end < j and (not lines[end].strip() or len(lines[end]) - len(lines[end].lstrip()) > len(indent)):
                    end += 1
                while end > head + 1 and not lines[end - 1].strip():
                    end -= 1
                children = [k for k in range(head + 1, end) if lines[k].lstrip().startswith("- ")]
                child = re.match(r"\s*", lines[children[0]]).group(0) if children else indent + "    "  # type: ignore[union-attr]
                lines[end:end] = [f"{child}- {title}: {path}\n"]
            else:
                lines[j:j] = [f"{indent}- {section}:\n", f"{indent}    - {title}: {path}\n"]
        else:
            lines[j:j] = [f"{indent}- {title}: {path}\n"]
        text = "".join(lines)
        have.add(path)
        added.append(title)
    return text, added
