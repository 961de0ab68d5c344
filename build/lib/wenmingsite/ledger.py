"""Import an activity ledger (创建台账, Excel .xlsx or .csv) into data/activities/<year>.yml.

Units keep their activities in spreadsheets with their own column names. The header row is
found within the first rows of each sheet, its columns are mapped to activity fields, and
every data row is either imported, counted as blank, or reported with its sheet, row and
column. Nothing is dropped silently.
"""

from __future__ import annotations

import csv
import datetime as dt
import difflib
import io
import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from . import values
from .values import Invalid

HEADER_SCAN_ROWS = 10
# A workbook written by `wenming export` names, in this custom document property, the
# sheets that are not activity rows (the summary, routine occurrences): an import of the
# export passes them by with a note instead of reporting each of their rows.
EXPORT_SKIP_PROPERTY = "wenming-export-skip"

# Field -> column names units use, most specific first (the best-ranked column wins).
ALIASES: dict[str, tuple[str, ...]] = {
    "date": ("活动日期", "日期", "活动时间", "时间", "开展时间", "开展日期"),
    "title": ("活动名称", "活动主题", "主题", "名称", "标题", "活动内容"),
    "category": ("活动类别", "类别", "活动类型", "类型"),
    "department": ("责任部门", "组织部门", "部门", "科室", "承办部门", "牵头部门"),
    "location": ("活动地点", "地点"),
    "participants": ("参与人数", "参加人数", "参与人次", "参加人次", "人次", "人数"),
    "volunteer_hours": ("志愿服务时长", "服务时长", "时长"),
    "amount": ("金额", "经费", "投入", "投入经费", "投入金额", "活动经费"),
    "summary": ("内容", "简介", "活动简介", "内容简介", "摘要", "活动内容", "备注"),
    "end_date": ("结束日期", "截止日期"),
    "criteria": ("测评项目", "对应测评项目", "测评体系项目"),
}
LABELS = {
    "date": "日期",
    "title": "活动名称",
    "category": "类别",
    "department": "部门",
    "location": "地点",
    "participants": "参与人次",
    "volunteer_hours": "志愿服务时长",
    "amount": "金额",
    "summary": "摘要",
    "end_date": "结束日期",
    "criteria": "测评项目",
}
ORDER = tuple(ALIASES)  # also the order of keys in the written YAML
_TOTAL_ROW = re.compile(r"^(合计|小计|总计|累计)[:：]?$")
_PAREN = re.compile(r"[(（]([^()（）]*)[)）]")


class LedgerRefused(Exception):
    """The ledger cannot be imported at all; ``str(exc)`` is the Chinese message."""


@dataclass
class Sheet:
    name: str | None  # None for a CSV file
    rows: list[tuple[int, list]]  # (1-based row number, cell values)
    exported: bool = False  # a summary or routine sheet of `wenming export` (not activity rows)


@dataclass
class Mapping:
    header_row: int
    columns: dict[str, int]  # field -> 0-based column index
    headers: list[str]
    unused: list[int]  # non-empty header cells that map to nothing
    wan: bool = False  # amount column is in 万元


@dataclass
class RowProblem:
    source: str
    sheet: str | None
    row: int
    col: str | None  # column letter
    header: str | None
    message: str

    def __str__(self) -> str:
        where = self.source
        if self.sheet is not None:
            where += f" 工作表“{self.sheet}”"
        where += f" 第 {self.row} 行"
        if self.col:
            where += f" {self.col} 列"
            if self.header:
                where += f"（{self.header}）"
        return f"{where}：{self.message}"


@dataclass
class Result:
    total: int = 0
    blank: int = 0
    totals: int = 0  # 合计/小计 rows, passed by with a note
    problem_rows: int = 0
    duplicates: int = 0
    entries: list[dict] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)  # row problems and sheet notes
    mappings: list[tuple[Sheet, Mapping | None]] = field(default_factory=list)
    sheet_notes: list[str] = field(default_factory=list)

    def summary(self) -> str:
        dup = f"已有 {self.duplicates} 行（未重复导入），" if self.duplicates else ""
        totals = f"合计行 {self.totals} 行，" if self.totals else ""
        return (
            f"共 {self.total} 行：导入 {len(self.entries)} 行，{dup}跳过空行 {self.blank} 行，{totals}"
            f"有问题 {self.problem_rows} 行（见上）"
        )


def column_letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(index + 1)


# --- reading --------------------------------------------------------------------------


def read_sheets(path: Path) -> list[Sheet]:
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return [Sheet(None, list(enumerate(_csv_rows(path), 1)))]
    if suffix == ".xls":
        raise LedgerRefused(
            f"{path.name} 是旧版 Excel 文件（.xls），无法直接读取。请在 Excel 或 WPS 中“另存为” .xlsx 格式后再导入"
        )
    import zipfile

    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError):
        raise LedgerRefused(
            f"无法打开 {path.name}：文件不是有效的 .xlsx 表格（可能已损坏、加了密码或只是改了扩展名）。"
            "请在 Excel 或 WPS 中打开后“另存为” .xlsx 格式再导入"
        ) from None
    try:
        skip: set[str] = set()
        for prop in book.custom_doc_props:
            if prop.name == EXPORT_SKIP_PROPERTY and isinstance(prop.value, str):
                skip = set(prop.value.splitlines())
        sheets = []
        for ws in book.worksheets:
            ws.reset_dimensions()
            rows = [(n, list(r)) for n, r in enumerate(ws.iter_rows(values_only=True), 1)]
            sheets.append(Sheet(ws.title, rows, exported=ws.title in skip))
        return sheets
    finally:
        book.close()


def _csv_rows(path: Path) -> list[list[str]]:
    data = path.read_bytes()
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16")
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            try:
                text = data.decode("gb18030")
            except UnicodeDecodeError:
                raise LedgerRefused(
                    f"{path.name} 的文字编码无法识别（不是 UTF-8，也不是 GBK）。"
                    "请在 Excel 中“另存为”“CSV UTF-8（逗号分隔）”后再导入"
                ) from None
    first = text.split("\n", 1)[0]
    delimiter = "\t" if "\t" in first and "," not in first else ","
    return [list(r) for r in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]


# --- header ---------------------------------------------------------------------------


def _header_key(value) -> tuple[str, str]:
    """The header text without spaces and its unit in brackets: ``金额（万元）`` -> (金额, 万元)."""
    s = unicodedata.normalize("NFKC", str(value)) if value is not None else ""
    s = "".join(s.split()).rstrip(":：")
    units = _PAREN.findall(s)
    return _PAREN.sub("", s), (units[-1] if units else "")


def find_mapping(sheet: Sheet) -> tuple[Mapping | None, str | None]:
    """The header row and its column mapping, or a Chinese note why none was found."""
    best = None
    for number, cells in sheet.rows[:HEADER_SCAN_ROWS]:
        keys = [_header_key(c)[0] for c in cells]
        hits = sum(1 for k in keys if any(k in a for a in ALIASES.values()))
        if hits >= 2:
            mapping = _map(number, cells)
            if "date" in mapping.columns and "title" in mapping.columns:
                return mapping, None
            best = best or mapping
    names = "、".join(ALIASES["date"][:3]) + "，以及" + "、".join(ALIASES["title"][:3])
    if best:
        missing = [LABELS[f] for f in ("date", "title") if f not in best.columns]
        return None, (
            f"第 {best.header_row} 行像是表头，但缺少“{'”“'.join(missing)}”列。请把列名改成 {names} 等常用写法"
        )
    return None, (
        f"前 {HEADER_SCAN_ROWS} 行里没有找到表头（需要有日期列和活动名称列，列名如 {names}）。"
        "如果这个工作表不是活动台账，可以忽略这条提示；否则请检查列名"
    )


def _map(number: int, cells: list) -> Mapping:
    headers = ["" if c is None else " ".join(str(c).split()) for c in cells]
    keys = [_header_key(c) for c in cells]
    columns: dict[str, int] = {}
    for name in ORDER:
        ranked = [
            (ALIASES[name].index(k), i)
            for i, (k, _) in enumerate(keys)
            if k in ALIASES[name] and i not in columns.values()
        ]
        if ranked:
            columns[name] = min(ranked)[1]
    unused = [i for i, h in enumerate(headers) if h and i not in columns.values()]
    wan = "amount" in columns and keys[columns["amount"]][1] in ("万元", "万")
    return Mapping(number, columns, headers, unused, wan)


def describe_mapping(source: str, sheet: Sheet, mapping: Mapping) -> list[str]:
    where = source if sheet.name is None else f"{source} 工作表“{sheet.name}”"
    lines = [f"{where}：表头在第 {mapping.header_row} 行，列的对应关系："]
    for name, i in mapping.columns.items():
        extra = "（按万元换算成元）" if name == "amount" and mapping.wan else ""
        lines.append(f"  {column_letter(i)} 列“{mapping.headers[i]}” → {LABELS[name]}（{name}）{extra}")
    for i in mapping.unused:
        lines.append(f"  {column_letter(i)} 列“{mapping.headers[i]}” → 不导入（不是活动记录的字段）")
    return lines


# --- rows -----------------------------------------------------------------------------


def _blank(value) -> bool:
    return value is None or (isinstance(value, str) and not values.has_text(value))


def _number_text(value) -> str:
    if isinstance(value, bool):
        raise Invalid(f"“{'是' if value else '否'}”不是数字。请只写阿拉伯数字，例如 50")
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, (dt.date, dt.time)):
        raise Invalid(f"这一格是日期或时间（{value}），不是数字。请填写数字，例如 50")
    return str(value)


def _text(value) -> str:
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(" ")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _date(value) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, dt.time):
        raise Invalid(f"这一格只有时间（{value}），没有日期。请填写活动日期，例如 2024-03-05")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        raise Invalid(
            f"日期是一个数字（{_number_text(value)}），不是日期。请在 Excel 中把这一格设为“日期”格式，或写成 2024-03-05"
        )
    return values.parse_date(str(value))


class Reader:
    """Turns rows into activity entries; knows the unit's categories and departments."""

    def __init__(
        self,
        source: str,
        categories: list[tuple[str, str]],
        departments: tuple[str, ...],
        existing: set[tuple[dt.date, str]],
        criteria: list[tuple[str, str]] | None = None,
    ):
        """``criteria``: (id, name) of data/criteria.yml; a 测评项目 column names them by either."""
        self.source = source
        self.criteria = {key: cid for cid, name in criteria or () for key in (cid, name)}
        self.criterion_names = [name for _, name in criteria or ()]
        self.categories = {name: name for name, _ in categories}
        self.categories.update({slug: name for name, slug in categories})
        self.category_names = [name for name, _ in categories]
        self.departments = departments
        self.seen = set(existing)
        self.result = Result()

    def read(self, sheets: list[Sheet]) -> Result:
        r = self.result
        for sheet in sheets:
            if sheet.exported:
                r.sheet_notes.append(
                    f"{self.source} 工作表“{sheet.name}”：这是 wenming export 导出的汇总或例行活动明细，"
                    "不是活动记录，没有导入（例行活动在 data/activities/*.yml 的 routines 中维护）"
                )
                continue
            mapping, note = find_mapping(sheet)
            r.mappings.append((sheet, mapping))
            if mapping is None:
                data = [(n, c) for n, c in sheet.rows if not all(_blank(v) for v in c)]
                if data:
                    r.total += len(data)
                    r.problem_rows += len(data)
                    where = self.source if sheet.name is None else f"{self.source} 工作表“{sheet.name}”"
                    r.sheet_notes.append(f"{where}：{note}（这个工作表有 {len(data)} 行内容，都没有导入）")
                continue
            for number, cells in sheet.rows:
                if number <= mapping.header_row:
                    continue
                r.total += 1
                self.row(sheet, mapping, number, cells)
        return r

    def row(self, sheet: Sheet, mapping: Mapping, number: int, cells: list) -> None:
        r = self.result
        if all(_blank(v) for v in cells):
            r.blank += 1
            return
        problems: list[RowProblem] = []

        def cell(name):
            i = mapping.columns.get(name)
            return None if i is None or i >= len(cells) else cells[i]

        def whole_row(message) -> RowProblem:  # about the row, not one of its cells
            return RowProblem(self.source, sheet.name, number, None, None, message)

        def bad(name, message):
            i = mapping.columns.get(name)
            col = column_letter(i) if i is not None else None
            problems.append(
                RowProblem(self.source, sheet.name, number, col, mapping.headers[i] if i is not None else None, message)
            )

        mapped = [cells[i] for i in mapping.columns.values() if i < len(cells)]
        if all(_blank(v) for v in mapped):
            cols = "、".join(f"{column_letter(i)} 列" for i, v in enumerate(cells) if not _blank(v))
            problems.append(
                whole_row(
                    f"这一行只在不导入的列（{cols}）里有内容，没有日期和活动名称。请补上日期和活动名称，或删除这一行"
                )
            )
            return self._done(problems, None)
        first = next((_text(v) for v in cells if not _blank(v)), "")
        if _blank(cell("date")) and _TOTAL_ROW.match("".join(first.split())):
            self.result.problems.append(whole_row(f"这一行是“{first}”行，没有导入（网站会自己统计合计数）。不需要处理"))
            self.result.totals += 1
            return None

        entry: dict = {}
        value = cell("date")
        if _blank(value):
            bad("date", "没有填日期。请填写活动日期，例如 2024-03-05")
        else:
            try:
                entry["date"] = _date(value)
            except Invalid as exc:
                bad("date", str(exc))
        value = cell("title")
        if _blank(value):
            bad("title", "没有填活动名称。请填写活动名称")
        else:
            text = " ".join(_text(value).split())
            if re.search(r"[<>]", text):
                bad("title", f"活动名称“{text}”中含有“<”或“>”。标题里不能写网页代码；如需书名号请用中文“《》”")
            elif len(text) > 80:
                bad("title", f"活动名称太长了（{len(text)} 个字）。请控制在 80 个字以内，详细内容写在简介列")
            else:
                entry["title"] = text
        value = cell("category")
        names = "、".join(self.category_names)
        if _blank(value):
            bad("category", f"没有填类别。请填写 data/categories.yml 中的类别之一：{names}")
        else:
            text = "".join(_text(value).split())
            if text in self.categories:
                entry["category"] = self.categories[text]
            else:
                close = difflib.get_close_matches(text, self.category_names, n=1, cutoff=0.4)
                tip = f"是不是“{close[0]}”？" if close else ""
                bad(
                    "category",
                    f"类别“{text}”不在 data/categories.yml 中。{tip}"
                    f"请改成已有的类别之一：{names}；或先在 data/categories.yml 中添加这个类别",
                )
        value = cell("department")
        if not _blank(value):
            text = " ".join(_text(value).split())
            if self.departments and text not in self.departments:
                close = difflib.get_close_matches(text, self.departments, n=1, cutoff=0.4)
                tip = f"是不是“{close[0]}”？" if close else ""
                bad(
                    "department",
                    f"部门“{text}”不在 data/unit.yml 的 departments 中。{tip}"
                    f"请改成已有的部门：{'、'.join(self.departments)}；或在 departments 中添加",
                )
            else:
                entry["department"] = text
        for name, parse in (
            ("participants", lambda s: values.parse_count(s, "人次", units=("人次", "人", "名"))),
            ("volunteer_hours", lambda s: values.parse_decimal(s, "时长", units=("小时", "h", "H"), places=1)),
            (
                "amount",
                lambda s: values.parse_amount(
                    s + ("万" if mapping.wan and not s.endswith(("万", "万元", "元")) else "")
                ),
            ),
        ):
            value = cell(name)
            if _blank(value):
                continue
            try:
                entry[name] = parse(_number_text(value))
            except Invalid as exc:
                bad(name, str(exc))
        for name in ("location", "summary"):
            value = cell(name)
            if not _blank(value):
                entry[name] = _text(value)
        value = cell("end_date")
        if not _blank(value):
            try:
                end = _date(value)
            except Invalid as exc:
                bad("end_date", str(exc))
            else:
                if "date" in entry and end < entry["date"]:
                    bad(
                        "end_date",
                        f"结束日期 {end.isoformat()} 早于活动日期 {entry['date'].isoformat()}。"
                        "请核对；一天内的活动不用填结束日期",
                    )
                elif "date" in entry and end > entry["date"]:
                    entry["end_date"] = end
        value = cell("criteria")
        if not _blank(value):
            found: list[str] = []
            unknown: list[str] = []
            for token in re.split(r"[、,，;；/\s]+", _text(value).strip()):
                if token:
                    (found if token in self.criteria else unknown).append(token)
            if unknown:
                bad(
                    "criteria",
                    f"测评项目“{'、'.join(unknown)}”不在 data/criteria.yml 中。"
                    f"请写成已有项目的名称或编号（多个用顿号隔开）：{'、'.join(self.criterion_names)}",
                )
            elif found:
                entry["criteria"] = list(dict.fromkeys(self.criteria[t] for t in found))
        self._done(problems, entry)
        if not problems:
            key = (entry["date"], entry["title"])
            if key in self.seen:
                self.result.duplicates += 1
            else:
                self.seen.add(key)
                self.result.entries.append(entry)

    def _done(self, problems: list[RowProblem], entry) -> None:
        if problems:
            self.result.problem_rows += 1
            self.result.problems.extend(problems)


# --- writing --------------------------------------------------------------------------

_PRINTABLE_CATEGORIES = frozenset(("Cc", "Cs", "Co", "Cn", "Zl", "Zp"))


def quote(text: str) -> str:
    """A YAML double-quoted scalar that reads back as exactly ``text`` (no anchors, tags...)."""
    out = ['"']
    for ch in text:
        if ch == "\\":
            out.append("\\\\")
        elif ch == '"':
            out.append('\\"')
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif unicodedata.category(ch) in _PRINTABLE_CATEGORIES or ch in "\ufeff\x85":
            code = ord(ch)
            out.append(f"\\u{code:04X}" if code <= 0xFFFF else f"\\U{code:08X}")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def _scalar(value) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(_scalar(v) for v in value) + "]"
    if isinstance(value, dt.date):
        return quote(value.isoformat())
    if isinstance(value, Decimal):
        return quote(format(value, "f"))
    return quote(str(value))


def entry_lines(entry: dict, dash: int) -> list[str]:
    lines = []
    keys = ["title", "date"] + [k for k in ORDER if k not in ("title", "date")]
    for i, key in enumerate(k for k in keys if k in entry):
        lead = " " * dash + ("- " if i == 0 else "  ")
        lines.append(f"{lead}{key}: {_scalar(entry[key])}")
    return lines


def merge(text: str | None, rel: str, entries: list[dict], note: str) -> str:
    """The file text with ``entries`` appended to its ``activities:`` list."""
    from .yamlstrict import YList, YMap, load_yaml

    if text is None or not text.strip():
        lines = [f"# {note}", "", "activities:"]
        for e in entries:
            lines += entry_lines(e, 2) + [""]
        return "\n".join(lines)
    value, problems = load_yaml(text, rel)
    if problems or not isinstance(value, YMap):
        raise LedgerRefused(f"{rel} 现在有错误，无法追加。请先运行 wenming check 按提示修好这个文件，再导入台账")
    lines = text.replace("\r\n", "\n").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    keys = list(value)
    key = next((k for k in keys if k == "activities"), None)
    if key is None:
        block = ["", f"# {note}", "activities:"]
        for e in entries:
            block += entry_lines(e, 2) + [""]
        return "\n".join(lines + block)
    current = value[key]
    later = [k.line for k in keys if k.line > key.line]
    if isinstance(current, YList) and current:
        dash = current.col - 1
        if lines[current.line - 1][dash : dash + 1] != "-":
            raise LedgerRefused(
                f"{rel} 的 activities 用了方括号 [ ] 写法，无法追加。请改成每项以“- ”开头的写法，再导入台账"
            )
        at = min(later) - 1 if later else len(lines)
        while at > key.line and (not lines[at - 1].strip() or lines[at - 1].lstrip().startswith("#")) and later:
            at -= 1
    elif (isinstance(current, YList) and not current) or (not isinstance(current, (YList, YMap)) and not current):
        dash = 2
        lines[key.line - 1] = "activities:"
        at = key.line
    else:
        raise LedgerRefused(f"{rel} 的 activities 不是列表，无法追加。请先运行 wenming check 按提示修好，再导入台账")
    block = [" " * dash + f"# {note}"]
    for e in entries:
        block += entry_lines(e, dash) + [""]
    new = lines[:at] + ([""] if at and lines[at - 1].strip() else []) + block + lines[at:]
    return "\n".join(new) + "\n"


def plan(root: Path, entries: list[dict], note: str) -> dict[str, str]:
    """data-relative file -> new text, checked to read back as the old entries plus the new ones."""
    from .yamlstrict import YList, YMap, load_yaml

    by_year: dict[int, list[dict]] = {}
    for e in entries:
        by_year.setdefault(e["date"].year, []).append(e)
    out = {}
    for year, items in sorted(by_year.items()):
        rel = f"data/activities/{year}.yml"
        path = root / rel
        old = path.read_text(encoding="utf-8-sig") if path.is_file() else None
        before = 0
        if old and old.strip():
            value, _ = load_yaml(old, rel)
            # not a mapping: merge() below refuses the file with its message
            before = len(value.get("activities") or []) if isinstance(value, YMap) else 0
        new = merge(old, rel, sorted(items, key=lambda e: (e["date"], e["title"])), note)
        value, problems = load_yaml(new, rel)
        written = value.get("activities") if isinstance(value, YMap) else None
        if (
            problems
            or not isinstance(written, YList)
            or len(written) != before + len(items)
            or [str(w.get("title")) for w in written[before:]]
            != [e["title"] for e in sorted(items, key=lambda e: (e["date"], e["title"]))]
        ):
            raise LedgerRefused(
                f"追加到 {rel} 后无法正确读回，为安全起见没有写入任何文件。"
                "请检查这个文件的格式（activities 列表的缩进），或把它发给维护人员"
            )
        out[rel] = new
    return out


# --- the command ----------------------------------------------------------------------


def run(source: Path, root: Path, yes: bool) -> None:
    """`wenming import 台账.xlsx`: map, confirm, append, check."""
    import click

    from .loader import load

    content, _ = load(root)
    if not content.categories:
        raise click.ClickException(
            "data/categories.yml 里还没有活动类别，台账的“类别”列无法对照。"
            "请先在 data/categories.yml 中写好活动类别，再导入台账"
        )
    existing = {(a.date, a.title) for a in content.activities if a.kind != "routine"}
    try:
        sheets = read_sheets(source)
    except LedgerRefused as exc:
        raise click.ClickException(str(exc)) from None
    reader = Reader(
        source.name,
        [(c.name, c.slug) for c in content.categories],
        content.unit.departments if content.unit else (),
        existing,
        [(c.id, c.name) for c in content.criteria],
    )
    result = reader.read(sheets)
    for sheet, mapping in result.mappings:
        if mapping:
            for line in describe_mapping(source.name, sheet, mapping):
                click.echo(line)
    for note in result.sheet_notes:
        click.echo(note)
    for p in result.problems:
        click.echo(str(p))
    if not result.entries:
        click.echo(result.summary())
        click.echo("没有可以导入的活动，没有写入任何文件。")
        return
    note = f"以下 {{n}} 项从 {''.join(ch for ch in source.name if ch.isprintable())} 导入（{dt.date.today():%Y-%m-%d}）"
    try:
        files: dict[int, int] = {}
        for e in result.entries:
            files.setdefault(e["date"].year, 0)
            files[e["date"].year] += 1
        texts = {}
        for year, count in files.items():
            subset = [e for e in result.entries if e["date"].year == year]
            texts.update(plan(root, subset, note.format(n=count)))
    except LedgerRefused as exc:
        raise click.ClickException(str(exc)) from None
    targets = "、".join(f"{rel}（{files[int(rel[16:20])]} 项）" for rel in texts)
    click.echo(f"将把 {len(result.entries)} 项活动追加到 {targets}。")
    if not yes and not click.confirm("按上面的对应关系导入吗？", default=True):
        click.echo("已取消，没有写入任何文件。")
        return
    for rel, text in texts.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    _, problems = load(root)
    later = [p for p in problems if p.path in texts]
    for found in later:
        click.echo(f"导入后检查：{found}")
    click.echo(result.summary())
