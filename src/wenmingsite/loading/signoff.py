"""Sign-off as data (信息发布审核): who wrote a piece of material, who approved it and when.

A unit turns the rule on in data/unit.yml (``review: true`` and ``approvers: [姓名…]``). Then
an activity, a report chapter, an honour or a notice (通知公告) without a valid approval is
*pending* (待审核):

- the loader reads and checks the fields (:func:`read`), with a Chinese ``file:line`` error
  for an approver not in the list, an approval dated before the material or in the future,
  and an ``approved_on`` without ``approved_by`` (or the reverse);
- :func:`withhold` is the one place that decides what a build shows. The editors' preview
  (``mkdocs serve``, the plugin's ``preview``) keeps pending material, marked 待审核 on its
  page and in every list. Every other build (the public site, ``wenming pack``/``export``/
  ``check``) turns a pending activity into a draft — so the drafts' path leaves it out of
  every page, list, JSON file, feed, search index and sitemap — and drops pending report
  chapters, honours and notices from the content;
- ``wenming check`` lists each as a notice, ``wenming review`` lists them all, and a build
  logs how many it withheld;
- ``wenming approve`` (:func:`approve`) writes the approval into the material's own file,
  changing nothing else in it.

A further kind of material takes part (as notices do) in four places: ``schema.SIGNOFF``
in its field table; :func:`read` in its loader step (its record gets ``signoff`` and ``pending``
like ``records.Honour``); a loop in :func:`pending_items` and :func:`_material` (what review lists
and approve finds); and a filter in :func:`withhold` like the honours' one (its page, if it has one,
goes into the pages left out, as report chapters do).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import html
import json
import os
import posixpath
import re
import urllib.parse
from pathlib import Path
from typing import NamedTuple

from wenmingsite.loading import frontmatter
from wenmingsite.loading.patterns import lazy
from wenmingsite.loading.problems import Problem, Problems
from wenmingsite.loading.records import Content, Signoff, Unit
from wenmingsite.loading.yamlstrict import YList, YMap, YStr, load_yaml

BADGE = "待审核"


def today() -> dt.date:
    """The day approvals are judged by: today, or the maintainers' fixed day of a test run
    (``WENMING_TODAY``, plugin.TODAY_ENV), so that a unit made or approved in the suite agrees
    with the builds it makes as of that day."""
    fixed = os.environ.get("WENMING_TODAY")
    try:
        return dt.date.fromisoformat(fixed) if fixed else dt.date.today()
    except ValueError:
        return dt.date.today()


MSG_NOT_APPROVER = (
    "{what}审核人（approved_by）“{name}”不在 data/unit.yml 的审核人名单（approvers）中。"
    "{tip}请改成名单里的一位，或先由单位在 approvers 中加上此人"
)
MSG_BEFORE = "{what}审核日期（approved_on）{on} 早于{material}日期 {day}：材料还没有就审核了。请核对审核日期"
MSG_FUTURE = "{what}审核日期（approved_on）{on} 还没到（今天是 {today}）。请写实际审核的日期"
MSG_DATE_WITHOUT_NAME = (
    "{what}写了审核日期（approved_on），却没有写审核人（approved_by）。请补上 approved_by: 审核人姓名，"
    "或用 wenming approve 文件 --by 姓名 一并写好"
)
MSG_NAME_WITHOUT_DATE = (
    "{what}写了审核人（approved_by）“{name}”，却没有写审核日期（approved_on）。"
    "请补上 approved_on: 2026-03-05 这样的日期，或用 wenming approve 文件 --by 姓名 一并写好"
)
MSG_REVIEW_NO_APPROVERS = (
    "已开启发布审核（review: true），但没有列出审核人（approvers），任何材料都无法审核发布。"
    "请写上 approvers: [姓名, …]，或改为 review: false"
)
MSG_APPROVERS_DUPLICATE = "审核人名单（approvers）中有重复的姓名“{name}”。请删除重复项"
MSG_PENDING = "{material}“{title}”待审核：开启了发布审核（data/unit.yml 的 review），它还没有审核，正式网站不会发布。审核人确认后运行 wenming approve {path} --by 姓名"


class Withheld(NamedTuple):
    """One piece of pending material a build leaves out (or, in the preview, marks)."""

    material: str  # 活动 | 例行活动 | 汇报章节 | 荣誉
    title: str
    source: str  # project-relative file
    line: int
    day: dt.date | None
    author: str | None

    @property
    def where(self) -> str:
        return f"{self.source}:{self.line}"


# --- reading ----------------------------------------------------------------------------


def check_unit(f: dict, mapping: YMap, rel: str, problems: Problems) -> tuple[bool, tuple[str, ...]]:
    """The unit's setting: (review on?, approvers), with its problems reported."""
    approvers = tuple(f.get("approvers") or ())
    seen: set[str] = set()
    for name in approvers:
        if name in seen:
            at = mapping["approvers"]
            problems.add(rel, at.line, at.col, MSG_APPROVERS_DUPLICATE.format(name=name))
        seen.add(name)
    review = bool(f.get("review"))
    if review and not approvers:
        at = mapping.get("review") or mapping
        problems.add(rel, at.line, at.col, MSG_REVIEW_NO_APPROVERS)
    return review, tuple(dict.fromkeys(approvers))


def read(
    f: dict,
    item: YMap,
    rel: str,
    what: str,
    problems: Problems,
    unit: Unit | None,
    today: dt.date,
    material_day: dt.date | None = None,
    material: str = "材料",
) -> tuple[Signoff, bool]:
    """The sign-off fields of one piece of material (already converted by schema.read_fields)
    checked against the unit's approvers; returns (signoff, pending). ``what`` prefixes
    messages ("第 3 条活动的", or "" for a page); ``material_day`` is the material's own
    date (an approval cannot come before it), named ``material`` in messages."""
    name, on = f.get("approved_by"), f.get("approved_on")
    approvers = unit.approvers if unit else ()
    valid = True
    if name is not None:
        at = item["approved_by"]
        if approvers and name not in approvers:
            close = difflib.get_close_matches(name, approvers, n=1, cutoff=0.4)
            tip = f"是不是“{close[0]}”？" if close else ""
            problems.add(rel, at.line, at.col, MSG_NOT_APPROVER.format(what=what, name=name, tip=tip))
            valid = False
        elif not approvers and unit is not None and unit.review:
            valid = False  # reported once on data/unit.yml (MSG_REVIEW_NO_APPROVERS)
        # Without review and without a list, a recorded name is data for the ledger only.
        if on is None and "approved_on" not in _present(item):
            problems.add(rel, at.line, at.col, MSG_NAME_WITHOUT_DATE.format(what=what, name=name))
            valid = False
    if on is not None:
        at = item["approved_on"]
        if name is None and "approved_by" not in _present(item):
            problems.add(rel, at.line, at.col, MSG_DATE_WITHOUT_NAME.format(what=what))
            valid = False
        if on > today:
            problems.add(rel, at.line, at.col, MSG_FUTURE.format(what=what, on=on.isoformat(), today=today.isoformat()))
            valid = False
        elif material_day is not None and on < material_day:
            problems.add(
                rel,
                at.line,
                at.col,
                MSG_BEFORE.format(what=what, on=on.isoformat(), material=material, day=material_day.isoformat()),
            )
            valid = False
    approved = valid and name is not None and on is not None
    signoff = Signoff(f.get("author"), name if approved else None, on if approved else None)
    return signoff, bool(unit and unit.review and not approved)


def _present(item: YMap) -> set[str]:
    """Sign-off keys ``item`` has a value for (a refused one was reported by read_fields)."""
    out = set()
    for key in ("approved_by", "approved_on"):
        raw = item.get(key)
        if isinstance(raw, (YStr, YList, YMap)) and (not isinstance(raw, YStr) or raw.strip()):
            out.add(key)
    return out


# --- what a build shows -----------------------------------------------------------------


def pending_items(content: Content, docs_rel: str = "docs") -> list[Withheld]:
    """Pending material that is not a draft, in file order (a routine once, not per day).
    ``docs_rel``: the docs folder relative to the project (report chapters are named by it)."""
    out: dict[tuple[str, int], Withheld] = {}
    for a in content.activities:
        if a.pending and not a.draft:
            kind = "例行活动" if a.origin == "routine" else "活动"
            out.setdefault((a.source, a.line), Withheld(kind, a.title, a.source, a.line, a.date, a.signoff.author))
    for s in content.report:
        if s.pending:
            src = f"{docs_rel}/{s.page}"
            out.setdefault((src, s.line), Withheld("汇报章节", s.title, src, s.line, None, s.signoff.author))
    for h in content.honours:
        if h.pending:
            day = dt.date(h.year, h.month or 1, 1)
            out.setdefault((h.source, h.line), Withheld("荣誉", h.title, h.source, h.line, day, h.signoff.author))
    for n in content.announcements:
        if n.pending:
            src = f"{docs_rel}/{n.page}"
            out.setdefault((src, n.line), Withheld("通知", n.title, src, n.line, n.date, n.signoff.author))
    return sorted(out.values(), key=lambda w: (w.source, w.line))


def notices(items: list[Withheld]) -> list[Problem]:
    return [
        Problem(w.source, w.line, None, MSG_PENDING.format(material=w.material, title=w.title, path=_approve_arg(w)))
        for w in items
    ]


def _approve_arg(w: Withheld) -> str:
    return w.source if w.source.endswith(".md") else w.where


def withhold(content: Content, preview: bool, docs_rel: str = "docs") -> tuple[Content, list[Withheld], list[str]]:
    """The content a build shows: (content, pending material, pages left out). In the preview
    everything stays (marked pending); otherwise a pending activity becomes a draft (the
    drafts' path keeps it from every output) and pending chapters and honours are dropped."""
    items = pending_items(content, docs_rel)
    if preview or not items:
        return content, items, []
    activities = tuple(
        dataclasses.replace(a, draft=True) if a.pending and not a.draft else a for a in content.activities
    )
    left_out = [s.page for s in content.report if s.pending] + [n.page for n in content.announcements if n.pending]
    shown = dataclasses.replace(
        content,
        activities=activities,
        report=tuple(s for s in content.report if not s.pending),
        honours=tuple(h for h in content.honours if not h.pending),
        announcements=tuple(n for n in content.announcements if not n.pending),
    )
    return shown, items, left_out


_HTML_SRC = lazy(r"""<img\b[^>]*?\bsrc\s*=\s*["']?([^"'\s>]+)""", re.I)


def _local_path(base: str, target: str) -> str | None:
    """The docs path a link written in a page of folder ``base`` points to; None for another
    site's address or one without a path."""
    parsed = urllib.parse.urlsplit(html.unescape(target))
    if parsed.scheme or parsed.netloc or not parsed.path:
        return None
    return posixpath.normpath(posixpath.join(base, urllib.parse.unquote(parsed.path)))


def _targets(meta) -> set[str]:
    """Docs paths a page's body links or shows (Markdown links and pictures, <img src>)."""
    from wenmingsite.gate.publication import LINK

    base = posixpath.dirname(meta.path)
    found = (_local_path(base, m.group(1)) for m in [*LINK.finditer(meta.body), *_HTML_SRC.finditer(meta.body)])
    return {path for path in found if path is not None}


def without_left_out_images(content: Content, left_out: list[str]) -> Content:
    """A public build's content without the images (and SVG) under docs/ that only pages it
    leaves out show: a pending chapter's or a draft's pictures wait with their text."""
    if not left_out:
        return content
    gone = set(left_out)
    shown_elsewhere: set[str] = set()
    only_gone: set[str] = set()
    for meta in content.pages.values():
        (only_gone if meta.path in gone else shown_elsewhere).update(_targets(meta))
    unit = content.unit
    by_data = {unit.logo, unit.banner, unit.wechat_qr} if unit else set()
    by_data |= {h.photo for h in content.honours} | {p.photo for p in content.people}
    by_data |= {d.file for d in content.documents}
    drop = {path for path in only_gone - shown_elsewhere - by_data if content.files.get(path) in ("image", "svg")}
    if not drop:
        return content
    return dataclasses.replace(content, files={k: v for k, v in content.files.items() if k not in drop})


def build_line(items: list[Withheld]) -> str | None:
    """The build log's line for what was withheld (never silent)."""
    if not items:
        return None
    shown = "；".join(f"{w.where} {w.material}“{w.title}”" for w in items[:10])
    more = f"；另有 {len(items) - 10} 项，见 wenming review" if len(items) > 10 else ""
    return f"{len(items)} 篇待审核材料未发布：{shown}{more}。审核后用 wenming approve 文件 --by 姓名 记录审核"


# --- approving --------------------------------------------------------------------------


class ApproveError(Exception):
    """A refusal of ``wenming approve``, in Chinese."""


UNWRITABLE = (
    "这一条的写法（例如写在一行的 {…}）无法自动加上审核，文件没有修改。"
    "请在其中手工写上 approved_by: 审核人姓名 和 approved_on: 审核日期 两项"
)


def _scalar(value: str) -> str:
    """A YAML scalar for a name or date: plain when it is plainly text, else double-quoted."""
    if re.fullmatch(r"[\w\u00b7\u30fb·．. -]+", value) and value[0] not in "-. " and value.strip() == value:
        return value
    return json.dumps(value, ensure_ascii=False)


def _newline(text: str) -> str:
    return "\r\n" if "\r\n" in text else "\n"


def _set_keys(lines: list[str], keys: dict, at: dict[str, int], indent: str, insert_at: int, nl: str) -> None:
    """Set ``keys`` in ``lines`` (each ending with its newline): replace the line of a key at
    ``at[key]`` (0-based; the key's text from column ``len(indent)`` on), else insert a new
    line at ``insert_at``."""
    new = []
    for key, value in keys.items():
        line = f"{key}: {_scalar(value)}"
        if key in at:
            i = at[key]
            old = lines[i]
            end = old[len(old.rstrip("\r\n")) :] or nl
            lines[i] = old[: at[f"{key}@col"]] + line + end
        else:
            new.append(indent + line + nl)
    lines[insert_at:insert_at] = new


def approve_markdown(text: str, name: str, day: dt.date) -> str:
    """``text`` (a page with front matter) with the approval set in its front matter."""
    lines = text.splitlines(keepends=True)
    nl = _newline(text)
    if not lines or lines[0].lstrip("\ufeff").rstrip("\r\n").rstrip() != "---":
        raise ApproveError("文件开头没有 front matter（--- 之间的字段）。请先按 wenming check 的提示写好")
    close = next((i for i in range(1, len(lines)) if lines[i].rstrip("\r\n").rstrip() in ("---", "...")), None)
    if close is None:
        raise ApproveError("front matter 没有结束的 ---。请先按 wenming check 的提示改好")
    at: dict[str, int] = {}
    for i in range(1, close):
        m = re.match(r"(approved_by|approved_on)[ \t]*:", lines[i])
        if m:
            at[m.group(1)] = i
            at[f"{m.group(1)}@col"] = 0
    if lines[close - 1] and not lines[close - 1].endswith(("\n", "\r")):
        lines[close - 1] += nl
    _set_keys(lines, {"approved_by": name, "approved_on": day.isoformat()}, at, "", close, nl)
    out = "".join(lines)
    parts = frontmatter.split(out.replace("\r\n", "\n"), "x.md")  # as textfile.read_text gives it
    if parts.problems or parts.meta is None or not _says(parts.meta, name, day):
        raise ApproveError(UNWRITABLE)
    return out


def approve_entry(text: str, rel: str, line: int, name: str, day: dt.date) -> str:
    """``text`` (a YAML data file) with the approval set in the entry that starts at ``line``."""
    value, problems = load_yaml(text, rel)
    if problems or value is None:
        raise ApproveError("这个文件有格式问题，没有修改。请先按 wenming check 的提示改好")
    entry = _find_entry(value, line)
    if entry is None:
        raise ApproveError(f"第 {line} 行不是一条活动、例行活动或荣誉的开头。请写 wenming review 列出的“文件:行”")
    lines = text.splitlines(keepends=True)
    nl = _newline(text)
    col = entry.col - 1  # 0-based column of the entry's keys
    at: dict[str, int] = {}
    for key in entry:
        if key in ("approved_by", "approved_on"):
            at[str(key)] = key.line - 1
            at[f"{key}@col"] = key.col - 1
    # The entry ends before the next line (not blank, not a comment) indented less than its keys.
    end = len(lines)
    for i in range(entry.line, len(lines)):
        stripped = lines[i].strip()
        if not stripped or stripped.startswith("#"):
            continue
        indent = len(lines[i]) - len(lines[i].lstrip(" "))
        if indent < col:
            end = i
            break
    while end > entry.line and (not lines[end - 1].strip() or lines[end - 1].strip().startswith("#")):
        end -= 1
    if lines and not lines[end - 1].endswith(("\n", "\r")):
        lines[end - 1] += nl
    _set_keys(lines, {"approved_by": name, "approved_on": day.isoformat()}, at, " " * col, end, nl)
    out = "".join(lines)
    # Read back: an entry written in flow style ({…}) or some other layout this line editing
    # cannot extend is refused, never written broken.
    value, problems = load_yaml(out, rel)
    entry = _find_entry(value, line) if not problems and value is not None else None
    if entry is None or not _says(entry, name, day):
        raise ApproveError(UNWRITABLE)
    return out


def _says(mapping: YMap, name: str, day: dt.date) -> bool:
    by, on = mapping.get("approved_by"), mapping.get("approved_on")
    return isinstance(by, YStr) and str(by) == name and isinstance(on, YStr) and str(on) == day.isoformat()


def _find_entry(value, line: int) -> YMap | None:
    stack = [value]
    while stack:
        node = stack.pop()
        if isinstance(node, YMap):
            if node.line == line and not any(k in ("activities", "routines") for k in node):
                return node
            stack.extend(node.values())
        elif isinstance(node, YList):
            stack.extend(node)
    return None


def approve(
    root: Path, content: Content, target: str, name: str, day: dt.date, today: dt.date, docs_rel: str = "docs"
) -> list[str]:
    """Write the approval of ``target`` (a page, or ``file:line`` of a data entry, or a data
    file: every pending entry in it). Returns what was approved; raises ApproveError."""
    unit = content.unit
    if unit is None or not unit.approvers:
        raise ApproveError("data/unit.yml 没有审核人名单（approvers）。请先写上 approvers: [姓名, …]")
    if name not in unit.approvers:
        close = difflib.get_close_matches(name, unit.approvers, n=1, cutoff=0.4)
        tip = f"是不是“{close[0]}”？" if close else ""
        raise ApproveError(
            f"“{name}”不在 data/unit.yml 的审核人名单（approvers）中。{tip}名单：{'、'.join(unit.approvers)}"
        )
    if day > today:
        raise ApproveError(f"审核日期 {day.isoformat()} 还没到（今天是 {today.isoformat()}）。请写实际审核的日期")
    rel, line = target_file(root, target)
    material = [m for m in _material(content, docs_rel) if m[1] == rel and (line is None or m[2] == line)]
    if not material:
        where = f"{rel}:{line}" if line else rel
        raise ApproveError(
            f"{where} 不是活动、例行活动、汇报章节或荣誉。请写 wenming review 列出的文件（数据文件中的一条写成“文件:行”）"
        )
    if line is None and not rel.endswith(".md"):
        # A whole data file: what waits for approval in it, never re-approving what was approved.
        waiting = {(w.source, w.line) for w in pending_items(content, docs_rel)}
        material = [m for m in material if (m[1], m[2]) in waiting]
        if not material:
            raise ApproveError(f"{rel} 中没有待审核的条目。要改写其中一条的审核，请写成“{rel}:行”")
    path = root / rel
    if not os.path.realpath(path).startswith(os.path.realpath(root) + os.sep):
        raise ApproveError(f"{rel} 在网站文件夹以外，没有修改")
    from wenmingsite.commands import repair  # only `wenming approve` writes: a build does not load it

    try:
        data = repair.read_regular(path)
    except repair.Unwritable as exc:
        raise ApproveError(str(exc)) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ApproveError(f"{rel} 不是 UTF-8 编码，没有修改。请先运行 wenming fix 转换编码") from None
    for kind, _, at, title, material_day in material:
        if material_day is not None and day < material_day:
            raise ApproveError(
                f"审核日期 {day.isoformat()} 早于{kind}“{title}”的日期 {material_day.isoformat()}"
                f"{'' if rel.endswith('.md') else f'（第 {at} 行）'}。请用 --date 写实际审核的日期"
            )
    if rel.endswith(".md"):
        new = approve_markdown(text, name, day)
    else:
        new = text
        # From the last entry up: earlier lines keep their numbers while later ones change.
        for _, _, at, _, _ in sorted(material, key=lambda m: -m[2]):
            new = approve_entry(new, rel, at, name, day)
    encoded = new.encode("utf-8")
    if data.startswith(b"\xef\xbb\xbf") and not encoded.startswith(b"\xef\xbb\xbf"):
        encoded = b"\xef\xbb\xbf" + encoded
    if encoded != data:
        try:
            repair.write_atomic(path, encoded)
        except repair.Unwritable as exc:
            raise ApproveError(str(exc)) from None
    return [f"{rel}:{m[2]} {m[0]}“{m[3]}”" for m in sorted(material, key=lambda m: m[2])]


def target_file(root: Path, target: str) -> tuple[str, int | None]:
    """(project-relative file, line or None) of an argument of ``wenming approve``."""
    line = None
    m = re.fullmatch(r"(.+?):(\d+)", target)
    if m and not (root / target).exists():
        target, line = m.group(1), int(m.group(2))
    path = Path(target)
    # As wenming review prints it (relative to the site folder), else relative to where we are.
    full = path if path.is_absolute() else root / path
    if not full.exists() and not path.is_absolute():
        full = Path.cwd() / path
    absolute = Path(os.path.abspath(full))
    try:
        rel = absolute.relative_to(Path(os.path.abspath(root))).as_posix()
    except ValueError:
        raise ApproveError(f"{target} 在网站文件夹以外，没有修改") from None
    if not absolute.exists() and not absolute.is_symlink():
        raise ApproveError(f"找不到 {rel}。请写 wenming review 列出的文件")
    return rel, line


def _material(content: Content, docs_rel: str) -> list[tuple[str, str, int, str, dt.date | None]]:
    """(kind, file, line, title, date) of every piece of material that takes a sign-off."""
    out: dict[tuple[str, int], tuple[str, str, int, str, dt.date | None]] = {}
    for a in content.activities:
        kind = "例行活动" if a.origin == "routine" else "活动"
        day = None if a.origin == "routine" else a.date
        out.setdefault((a.source, a.line), (kind, a.source, a.line, a.title, day))
    for s in content.report:
        src = f"{docs_rel}/{s.page}"
        out.setdefault((src, s.line), ("汇报章节", src, s.line, s.title, None))
    for h in content.honours:
        out.setdefault((h.source, h.line), ("荣誉", h.source, h.line, h.title, dt.date(h.year, h.month or 1, 1)))
    for n in content.announcements:
        src = f"{docs_rel}/{n.page}"
        out.setdefault((src, n.line), ("通知", src, n.line, n.title, n.date))
    return list(out.values())


MSG_LINK_TO_PENDING = (
    "链接的目标“{target}”是待审核的{kind}，正式网站不会发布它，这个链接会失效。"
    "请先审核它（wenming approve {path} --by 姓名），或暂时去掉这个链接"
)


def link_problems(content: Content, withheld_pages: list[str], docs_rel: str) -> list[Problem]:
    """Links from published pages to pages a public build leaves out for want of approval."""
    kinds = {p: "汇报章节" for p in withheld_pages}
    kinds.update({a.page: "活动" for a in content.activities if a.page and a.pending and a.draft})
    if not kinds:
        return []
    from wenmingsite.gate.publication import LINK

    gone = {a.page for a in content.activities if a.page and a.draft} | set(withheld_pages)
    out = []
    for meta in content.pages.values():
        if meta.path in gone:
            continue
        base = posixpath.dirname(meta.path)
        for i, line in enumerate(meta.body.split("\n"), meta.body_line):
            for m in LINK.finditer(line):
                if (local := _local_path(base, m.group(1))) is None:
                    continue
                path = local.rstrip("/")
                for candidate in (path, f"{path}.md", f"{path}/index.md"):
                    if candidate in kinds:
                        out.append(
                            Problem(
                                f"{docs_rel}/{meta.path}",
                                i,
                                m.start(1) + 1,
                                MSG_LINK_TO_PENDING.format(
                                    target=m.group(1), kind=kinds[candidate], path=f"{docs_rel}/{candidate}"
                                ),
                            )
                        )
                        break
    return out


def nav_note(problems: list[Problem], withheld: list[Withheld]) -> list[Problem]:
    """A nav entry whose page has no data (settings.nav_problems) because all of that data
    waits for approval says so, instead of sending the editor to write what exists."""
    waiting = {w.source for w in withheld}
    out = []
    for p in problems:
        source = next((f for f in waiting if f"由 {f} 生成" in p.message), None)
        if source:
            p = Problem(
                p.path,
                p.line,
                p.col,
                f"导航（nav）中的这一页要由 {source} 生成，而其中的内容都还待审核，正式网站上没有这一页。"
                f"请先审核（wenming review 列出待审核的条目，wenming approve {source} --by 姓名），"
                "或者在行首加 # 暂时不显示这一行导航",
            )
        out.append(p)
    return out
