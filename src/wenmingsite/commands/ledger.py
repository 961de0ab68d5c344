"""Import an activity ledger (创建台账, Excel .xlsx or .csv) into data/activities/<year>.yml.

Units keep their activities in spreadsheets with their own column names. The header row is
found within the first rows of each sheet, its columns are mapped to activity fields (by the
names offices use, as each field's ledger column declares them in wenmingsite.loading.fields, or
by hand with ``--map 列名=字段``), and every data row is either imported, counted as blank, or
reported with its sheet, row and column. A cell is read with its field's own converter, so its
problems are the build's messages; an approval (审核人, 审核日期) is checked as the loader checks
it. Nothing is dropped silently.
A category or department the unit has not declared is said once for all its rows, with their
count; ``--add-departments`` writes the departments into data/unit.yml and imports the rows.
"""

from __future__ import annotations

import csv
import datetime as dt
import difflib
import io
import math
import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from wenmingsite.gate import publication
from wenmingsite.loading import fields, signoff, values
from wenmingsite.loading.problems import Problems
from wenmingsite.loading.records import Unit
from wenmingsite.loading.values import Invalid
from wenmingsite.loading.yamlstrict import YMap, YStr
from wenmingsite.outputs.export import formula_like

HEADER_SCAN_ROWS = 10
# A workbook written by `wenming export` names, in this custom document property, the
# sheets that are not activity rows (the summary, routine occurrences): an import of the
# export passes them by with a note instead of reporting each of their rows.
EXPORT_SKIP_PROPERTY = "wenming-export-skip"

# Field -> column names units use, most specific first (the best-ranked column wins), as each
# activity field's ledger column declares them (wenmingsite.loading.fields); matched in the order
# of the declarations. A header such as 活动名称/活动主题 or 活动名称、主题 counts as each of its parts.
COLUMNS = {f.name: f for f in fields.IMPORTED}
ALIASES: dict[str, tuple[str, ...]] = {name: f.column.aliases for name, f in COLUMNS.items() if f.column}
# Columns ledgers have that are not activity fields: listed as such, without the --map hint.
NOT_FIELDS = frozenset(
    (
        "序号",
        "编号",
        "序",
        "No",
        "NO",
        "No.",
        "记录人",
        "经办人",
        "负责人",
        "联系人",
        "联系电话",
        "电话",
        "照片",
        "图片",
        "附件",
        "佐证材料",
    )
)
IGNORE = ("不导入", "忽略")  # what --map 列名=不导入 may say
LABELS = {name: f.column.label for name, f in COLUMNS.items() if f.column}  # the export's headers, without units
ORDER = tuple(ALIASES)  # also the order of keys in the written YAML
FIELD_CHOICES = "、".join(f"{name}（{LABELS[name]}）" for name in ORDER)  # for --map
_TOTAL_ROW = re.compile(r"^(合计|小计|总计|累计|共计)[:：]?$")
_PAREN = re.compile(r"[(（]([^()（）]*)[)）]")
_PARTS = re.compile(r"[/、|]|或")  # 活动名称/活动主题 (NFKC has made ／ a /)
_YEAR = re.compile(r"(?<!\d)(\d{4})(?!\d)", re.ASCII)
_NUMBER = re.compile(r"\d+(?:\.\d+)?", re.ASCII)
_LIST = re.compile(r"[、,，;；\n]+")
NUMBER_FAMILIES = ("count", "decimal", "amount")
# Fields read with a check against the unit's data (categories, departments, criteria) or
# as a span of days: each has its own code in Reader.row.
CROSS_CHECKED = frozenset(("date", "end_date", "category", "department", "criteria"))
SHOW_ROWS = 3  # an undeclared category or department names its rows when it has at most this many


class LedgerRefused(Exception):
    """The ledger cannot be imported at all; ``str(exc)`` is the Chinese message."""


@dataclass
class Sheet:
    name: str | None  # None for a CSV file
    rows: list[tuple[int, list]]  # (1-based row number, cell values)
    exported: bool = False  # a summary or routine sheet of `wenming export` (not activity rows)
    date1904: bool = False  # the workbook counts days in Excel's 1904 date system


@dataclass
class Mapping:
    header_row: int
    columns: dict[str, int]  # field -> 0-based column index
    headers: list[str]
    unused: list[int]  # non-empty header cells that map to nothing
    scaled: dict[str, tuple[str, str]] = field(
        default_factory=dict
    )  # field -> (header unit, cell suffix): 金额（万元）
    keys: list[str] = field(default_factory=list)  # each header as matched (no spaces, no unit)
    forced: dict[int, str | None] = field(default_factory=dict)  # column -> field (None: 不导入), by --map
    year: int | None = None  # the year of dates written without one (4月15日)
    year_from: str = ""  # where that year was read, for the note

    def unknown(self) -> list[int]:
        """Columns whose header names no field at all (the --map hint is for them)."""
        return [
            i
            for i in self.unused
            if i not in self.forced and self.keys[i] not in NOT_FIELDS and not _ranks(self.keys[i])
        ]


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
            f"有问题 {self.problem_rows} 行{'（见上）' if self.problem_rows else ''}"
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
    from openpyxl.utils.datetime import CALENDAR_MAC_1904
    from openpyxl.utils.exceptions import InvalidFileException

    from wenmingsite.gate import officezip

    try:
        officezip.check_path(path)  # before openpyxl inflates any part
    except officezip.UnsafeZip as exc:
        raise LedgerRefused(f"{path.name} 没有导入：{exc}") from None
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
        date1904 = book.epoch == CALENDAR_MAC_1904
        sheets = []
        for ws in book.worksheets:
            ws.reset_dimensions()
            rows = [(n, list(r)) for n, r in enumerate(ws.iter_rows(values_only=True), 1)]
            sheets.append(Sheet(ws.title, rows, exported=ws.title in skip, date1904=date1904))
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


def _ranks(key: str) -> dict[str, tuple[int, int]]:
    """The fields a header key names, each with its rank (lower wins): the whole key first,
    then the parts of 活动名称/活动主题."""
    out: dict[str, tuple[int, int]] = {}
    parts = [key] + [p for p in _PARTS.split(key) if p and p != key]
    for n, part in enumerate(parts):
        for name in ORDER:
            if part in ALIASES[name]:
                rank = (ALIASES[name].index(part), min(n, 1))
                if name not in out or rank < out[name]:
                    out[name] = rank
    return out


def parse_map(items: tuple[str, ...] | list[str]) -> dict[str, str | None]:
    """``--map 列名=字段`` options: header key -> field (None for 不导入)."""
    out: dict[str, str | None] = {}
    names: dict[str, str] = {}  # header key -> the column as written
    for item in items:
        text = unicodedata.normalize("NFKC", item).strip()
        column, eq, wanted = text.partition("=")
        if not eq:
            raise LedgerRefused(f"--map “{item}”缺少“=”。请写成 --map 列名=字段，例如 --map 责任科室=部门")
        key = _header_key(column)[0]
        if not key:
            raise LedgerRefused(f"--map “{item}”没有写列名。请写成 --map 列名=字段，例如 --map 责任科室=部门")
        wanted = "".join(wanted.split())
        name: str | None
        if wanted in IGNORE:
            name = None
        elif wanted.lower() in LABELS:
            name = wanted.lower()
        elif wanted in LABELS.values():
            name = next(k for k, label in LABELS.items() if label == wanted)
        elif len(named := [f for f in ORDER if wanted in ALIASES[f]]) == 1:  # 责任部门, 参与人数...
            name = named[0]
        else:
            raise LedgerRefused(
                f"--map “{item}”：“{wanted}”不是可以导入的字段。可以写：{FIELD_CHOICES}；或写“不导入”（这一列不导入）"
            )
        if key in out and out[key] != name:
            raise LedgerRefused(f"--map 对列“{column.strip()}”指定了两次，而且不一样。每一列只能指定一次")
        if name is not None:
            other = next((k for k, v in out.items() if v == name and k != key), None)
            if other is not None:
                raise LedgerRefused(
                    f"--map 把列“{names[other]}”和列“{column.strip()}”都对应到了“{LABELS[name]}”。每个字段只能对应一列"
                )
        out[key] = name
        names[key] = column.strip()
    return out


def find_mapping(sheet: Sheet, forced: dict[str, str | None] | None = None) -> tuple[Mapping | None, str | None]:
    """The header row and its column mapping, or a Chinese note why none was found."""
    forced = forced or {}
    best = None
    for number, cells in sheet.rows[:HEADER_SCAN_ROWS]:
        keys = [_header_key(c)[0] for c in cells]
        hits = sum(1 for k in keys if k and (k in forced or _ranks(k)))
        if hits >= 2:
            mapping = _map(number, cells, forced)
            if "date" in mapping.columns and "title" in mapping.columns:
                return mapping, None
            best = best or mapping
    names = "、".join(ALIASES["date"][:3]) + "，以及" + "、".join(ALIASES["title"][:3])
    if best:
        missing = [LABELS[f] for f in ("date", "title") if f not in best.columns]
        return None, (
            f"第 {best.header_row} 行像是表头，但缺少“{'”“'.join(missing)}”列。请把列名改成 {names} 等常用写法，"
            "或用 --map 列名=字段 指定"
        )
    return None, (
        f"前 {HEADER_SCAN_ROWS} 行里没有找到表头（需要有日期列和活动名称列，列名如 {names}）。"
        "如果这个工作表不是活动台账，可以忽略这条提示；否则请检查列名"
    )


def _map(number: int, cells: list, forced: dict[str, str | None]) -> Mapping:
    headers = ["" if c is None else " ".join(str(c).split()) for c in cells]
    split = [_header_key(c) for c in cells]
    keys = [k for k, _ in split]
    columns: dict[str, int] = {}
    chosen: dict[int, str | None] = {}
    for i, k in enumerate(keys):
        if k and k in forced and k not in (keys[j] for j in chosen):  # the first column of that name
            chosen[i] = forced[k]
            name = forced[k]
            if name is not None:
                columns[name] = i
    for name in ORDER:
        if name in columns:
            continue
        ranked = [
            (ranks[name], i)
            for i, k in enumerate(keys)
            if i not in chosen and i not in columns.values() and name in (ranks := _ranks(k))
        ]
        if ranked:
            columns[name] = min(ranked)[1]
    unused = [i for i, h in enumerate(headers) if h and i not in columns.values()]
    scaled = {}
    for name, i in columns.items():
        column = COLUMNS[name].column
        suffix = dict(column.scaled).get(split[i][1]) if column else None
        if suffix:
            scaled[name] = (split[i][1], suffix)
    return Mapping(number, columns, headers, unused, scaled, keys, chosen)


def _sheet_year(sheet: Sheet, header_row: int) -> tuple[int | None, str]:
    """The year of dates written without one: the one year in the sheet's name, else the one
    year in the first title row above the header that has any. None when there is no single year."""

    def years(text: str) -> list[int]:
        found = [int(y) for y in _YEAR.findall(unicodedata.normalize("NFKC", text))]
        return list(dict.fromkeys(y for y in found if values.EARLIEST_YEAR <= y <= values.LATEST_YEAR))

    if sheet.name is not None:
        found = years(sheet.name)
        if found:
            return (found[0], f"工作表名“{sheet.name}”") if len(found) == 1 else (None, "")
    for number, cells in sheet.rows:
        if number >= header_row:
            break
        text = " ".join(_text(c) for c in cells if not _blank(c))
        found = years(text)
        if found:
            return (found[0], f"标题“{text}”") if len(found) == 1 else (None, "")
    return None, ""


def describe_mapping(source: str, sheet: Sheet, mapping: Mapping) -> list[str]:
    """The header row and, column by column, the field each one goes to or why it is not imported."""
    where = source if sheet.name is None else f"{source} 工作表“{sheet.name}”"
    lines = [f"{where}：表头在第 {mapping.header_row} 行，列的对应关系："]
    named = {i: name for name, i in mapping.columns.items()}
    for i in sorted([*named, *mapping.unused]):
        name = named.get(i)
        taken = [f for f in _ranks(mapping.keys[i]) if f in mapping.columns]
        if name is not None:
            why = f"{LABELS[name]}（{name}）"
            if name in mapping.scaled:
                why += f"（按{mapping.scaled[name][0]}换算成{_header_key(fields.column(name).header)[1]}）"
            why += "（--map 指定）" if i in mapping.forced else ""
        elif i in mapping.forced:
            why = "不导入（--map 指定）"
        elif mapping.keys[i] in NOT_FIELDS:
            why = "不导入（不是活动记录的字段）"
        elif not taken:
            why = "没有对应的字段，未导入"
        else:
            j = mapping.columns[taken[0]]
            why = f"不导入（“{LABELS[taken[0]]}”已对应 {column_letter(j)} 列“{mapping.headers[j]}”）"
        lines.append(f"  {column_letter(i)} 列“{mapping.headers[i]}” → {why}")
    return lines


def describe_unknown_columns(source: str, mappings: list[tuple[Sheet, Mapping | None]]) -> list[str]:
    """Once for each header that names no field: where it is, and the --map that imports it."""
    places: dict[str, list[str]] = {}
    for sheet, mapping in mappings:
        if mapping is None:
            continue
        for i in mapping.unknown():
            at = f"{column_letter(i)} 列" if sheet.name is None else f"工作表“{sheet.name}” {column_letter(i)} 列"
            places.setdefault(mapping.headers[i], []).append(at)
    lines = []
    for header, where in places.items():
        key = _header_key(header)[0] or header
        lines.append(f"{source} {'、'.join(where)}：列“{header}”没有对应的字段，未导入；如需导入请用 --map {key}=字段")
    if lines:
        lines.append(f"--map 的字段可以写英文名或中文名：{FIELD_CHOICES}")
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


def _date(value, year: int | None = None, date1904: bool = False) -> tuple[dt.date, dt.date | None]:
    """A date cell: (first day, last day or None). A number is a day as 20240415 or an Excel
    day number (a date cell not formatted as a date, or a date exported as text); text is
    what :func:`values.parse_date_span` reads, ``4月15日`` in ``year``."""
    if isinstance(value, dt.datetime):
        return value.date(), None
    if isinstance(value, dt.date):
        return value, None
    if isinstance(value, dt.time):
        raise Invalid(f"这一格只有时间（{value}），没有日期。请填写活动日期，例如 2024-03-05")
    if isinstance(value, bool):
        raise Invalid(values.MSG_DATE_UNKNOWN.format(raw="TRUE" if value else "FALSE"))
    if isinstance(value, (int, float)):
        if not math.isfinite(value):
            raise Invalid(values.MSG_DATE_NUMBER.format(shown=str(value)))
        if float(value).is_integer() and 10_000_000 <= value <= 99_999_999:
            return values.parse_date(str(int(value))), None
        return values.excel_serial_date(value, date1904), None
    text = values.normalise(str(value))
    if _NUMBER.fullmatch(text):  # a number as text (CSV): the same as a number cell
        whole, _, fraction = text.partition(".")
        if len(whole) == 8 and not fraction.strip("0"):
            return values.parse_date(whole), None
        return values.excel_serial_date(float(text), date1904), None
    return values.parse_date_span(str(value), year)


class Reader:
    """Turns rows into activity entries; knows the unit's categories and departments."""

    def __init__(
        self,
        source: str,
        categories: list[tuple[str, str]],
        departments: tuple[str, ...],
        existing: set[tuple[dt.date, str]],
        criteria: list[tuple[str, str]] | None = None,
        forced: dict[str, str | None] | None = None,
        unit: Unit | None = None,
        today: dt.date | None = None,
    ):
        """``criteria``: (id, name) of data/criteria.yml; a 测评项目 column names them by either.
        ``forced``: header key -> field (None: not imported), from ``--map``. ``unit`` and
        ``today``: what an approval (审核人, 审核日期) is checked against, as the loader does."""
        self.source = source
        self.unit, self.today = unit, today or signoff.today()
        self.allowed = publication.allowed_numbers(unit.phone if unit else None)  # the unit's office phone
        self.criteria = {key: cid for cid, name in criteria or () for key in (cid, name)}
        self.criterion_names = [name for _, name in criteria or ()]
        self.categories = {name: name for name, _ in categories}
        self.categories.update({slug: name for name, slug in categories})
        self.category_names = [name for name, _ in categories]
        self.departments = departments
        self.forced = forced or {}
        self.forced_found: set[str] = set()
        self.seen = set(existing)
        self.result = Result()
        # Categories and departments the unit has not declared, each with the rows naming it:
        # said once for all rows, not once a row.
        self.unknown_categories: dict[str, list[tuple[str | None, int]]] = {}
        self.unknown_departments: dict[str, list[tuple[str | None, int]]] = {}
        self.named_departments: dict[str, None] = {}  # every department the ledger names, in order
        self.held: list[dict] = []  # good rows whose only fault is a department not declared yet
        self.no_category = 0  # rows of the current sheet, which has no category column
        self.no_year: list[str] = []  # dates of the current sheet that took the sheet's year

    def read(self, sheets: list[Sheet]) -> Result:
        r = self.result
        for sheet in sheets:
            where = self.source if sheet.name is None else f"{self.source} 工作表“{sheet.name}”"
            if sheet.exported:
                r.sheet_notes.append(
                    f"{where}：这是 wenming export 导出的汇总或例行活动明细，"
                    "不是活动记录，没有导入（例行活动在 data/activities/*.yml 的 routines 中维护）"
                )
                continue
            mapping, note = find_mapping(sheet, self.forced)
            r.mappings.append((sheet, mapping))
            if mapping is None:
                data = [(n, c) for n, c in sheet.rows if not all(_blank(v) for v in c)]
                if data:
                    r.total += len(data)
                    r.problem_rows += len(data)
                    r.sheet_notes.append(f"{where}：{note}（这个工作表有 {len(data)} 行内容，都没有导入）")
                continue
            self.forced_found.update(k for k in mapping.keys if k in self.forced)
            mapping.year, mapping.year_from = _sheet_year(sheet, mapping.header_row)
            self.no_category, self.no_year = 0, []
            for number, cells in sheet.rows:
                if number <= mapping.header_row:
                    continue
                r.total += 1
                self.row(sheet, mapping, number, cells)
            if self.no_category:
                r.sheet_notes.append(
                    f"{where}：没有“类别”列，{self.no_category} 行活动因此没有导入（每项活动都要有类别）。"
                    f"请在表头加一列“活动类别”，填写 data/categories.yml 中的类别：{'、'.join(self.category_names)}；"
                    "或用 --map 列名=类别 指定哪一列是类别"
                )
            if self.no_year:
                r.sheet_notes.append(
                    f"{where}：{len(self.no_year)} 行的日期没有写年份（如“{self.no_year[0]}”），"
                    f"按{mapping.year_from}中的年份算作 {mapping.year} 年。如果不对，请在台账中写出年份"
                )
        return r

    def cell_date(self, value, sheet: Sheet, mapping: Mapping) -> tuple[dt.date, dt.date | None]:
        try:
            return _date(value, None, sheet.date1904)
        except values.MissingYear:
            raw = str(value).strip()
            if mapping.year is None:
                where = "工作表名和表头上方的标题中" if sheet.name is not None else "表头上方的标题中"
                raise Invalid(
                    f"日期“{raw}”没有写年份，{where}也看不出是哪一年。请写出年份，例如 2024年4月15日"
                ) from None
            self.no_year.append(raw)
            return _date(value, mapping.year, sheet.date1904)

    def read_cell(self, f: fields.ActivityField, value, sheet: Sheet, mapping: Mapping):
        """A cell as the field's own converter reads it (its messages): a date cell or text of
        a date, a number cell or text of a number, else text; a list field's names split at
        、 , ; or a line break."""
        if f.family == "date":
            day, last = _date(value, None, sheet.date1904)
            if last is not None:
                raise Invalid(values.MSG_DATE_RANGE.format(raw=_text(value)))
            return day
        if f.family in NUMBER_FAMILIES:
            text = _number_text(value)
            if f.name in mapping.scaled:
                unit, suffix = mapping.scaled[f.name]
                base = _header_key(fields.column(f.name).header)[1]
                if not text.endswith(tuple(u for u in (suffix, unit, base) if u)):
                    text += suffix
        else:
            text = _text(value)
            if sheet.name is None and text[:1] == "'" and formula_like(text[1:]):
                text = text[1:]  # the export's mark of text that starts like a formula in a .csv
        if f.shape == "scalar_or_list":
            return tuple(f.convert(part, f.field) for part in _LIST.split(text) if part.strip())
        return f.convert(text, f.field)

    def check_signoff(self, entry: dict, present: list[str], mapping: Mapping, number: int, bad) -> None:
        """An approval in the row (``present``: its filled cells), checked by the loader's own
        rules (wenmingsite.loading.signoff): an approver the unit does not list, a date without a
        name or the reverse, a date before the activity or in the future."""
        if not present:
            return
        item = YMap()
        for name in present:
            col = mapping.columns[name] + 1
            item[YStr(name, number, col)] = YStr(str(entry.get(name, "")), number, col)
        found = Problems()
        signoff.read(entry, item, "", "", found, self.unit, self.today, entry.get("date"), "活动")
        by_col = {mapping.columns[name] + 1: name for name in present}
        for p in found.items:
            bad(by_col[p.col or 0], p.message)

    def row(self, sheet: Sheet, mapping: Mapping, number: int, cells: list) -> None:
        r = self.result
        if all(_blank(v) for v in cells):
            r.blank += 1
            return
        problems: list[RowProblem] = []
        place = (sheet.name, number)

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
            return self._done(problems)
        first = next((_text(v) for v in cells if not _blank(v)), "")
        if _blank(cell("date")) and _TOTAL_ROW.match("".join(first.split())):
            self.result.problems.append(whole_row(f"这一行是“{first}”行，没有导入（网站会自己统计合计数）。不需要处理"))
            self.result.totals += 1
            return None

        entry: dict = {}
        held = False  # the row waits for its category or department to be declared
        value = cell("date")
        span_end = None
        if _blank(value):
            bad("date", "没有填日期。请填写活动日期，例如 2024-03-05")
        else:
            try:
                entry["date"], span_end = self.cell_date(value, sheet, mapping)
            except Invalid as exc:
                bad("date", str(exc))
        value = cell("category")
        if "category" not in mapping.columns:
            self.no_category += 1
            held = True
        elif _blank(value):
            bad("category", f"没有填类别。请填写 data/categories.yml 中的类别之一：{'、'.join(self.category_names)}")
        else:
            text = "".join(_text(value).split())
            if text in self.categories:
                entry["category"] = self.categories[text]
            else:
                self.unknown_categories.setdefault(text, []).append(place)
                held = True
        value = cell("department")
        undeclared = False
        text = ""
        if not _blank(value):
            try:
                text = self.read_cell(COLUMNS["department"], " ".join(_text(value).split()), sheet, mapping)
            except Invalid as exc:
                bad("department", str(exc))
                text = ""
        if text:
            self.named_departments[text] = None
            if self.departments and text not in self.departments:
                self.unknown_departments.setdefault(text, []).append(place)
                undeclared = True
            entry["department"] = text
        for f in fields.IMPORTED:  # every declared column without a cross-check of its own
            if f.name in CROSS_CHECKED:
                continue
            value = cell(f.name)
            if _blank(value):
                if f.required:
                    label = LABELS[f.name]
                    bad(f.name, f"没有填{label}。请填写{label}")
                continue
            try:
                entry[f.name] = self.read_cell(f, value, sheet, mapping)
            except Invalid as exc:
                bad(f.name, str(exc))
            else:  # a personal number never reaches the repository (the build would refuse it after)
                for said in entry[f.name] if isinstance(entry[f.name], tuple) else (entry[f.name],):
                    for leak in publication.scan_text("", said, self.allowed) if isinstance(said, str) else ():
                        bad(f.name, leak.message)
        for leak in publication.scan_text("", text, self.allowed) if text else ():  # the department's cell
            bad("department", leak.message)
        self.check_signoff(
            entry, [n for n in ("approved_by", "approved_on") if not _blank(cell(n))], mapping, number, bad
        )
        value = cell("end_date")
        end = span_end
        if not _blank(value):
            try:
                start, last = _date(value, entry["date"].year if "date" in entry else None, sheet.date1904)
            except Invalid as exc:
                bad("end_date", str(exc))
            else:
                column_end = last or start
                if span_end is not None and column_end != span_end:
                    bad(
                        "end_date",
                        f"结束日期 {column_end.isoformat()} 与日期列写的范围（到 {span_end.isoformat()}）不一致。"
                        "请核对，两处只留一处",
                    )
                elif "date" in entry and column_end < entry["date"]:
                    bad(
                        "end_date",
                        f"结束日期 {column_end.isoformat()} 早于活动日期 {entry['date'].isoformat()}。"
                        "请核对；一天内的活动不用填结束日期",
                    )
                end = column_end
        if end is not None and "date" in entry and end > entry["date"]:
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
        if problems or held:
            return self._done(problems)
        if undeclared:
            self.held.append(entry)
        else:
            self._accept(entry)

    def _accept(self, entry: dict) -> None:
        key = (entry["date"], entry["title"])
        if key in self.seen:
            self.result.duplicates += 1
        else:
            self.seen.add(key)
            self.result.entries.append(entry)

    def _done(self, problems: list[RowProblem]) -> None:
        """A row that is not imported: its problems are said here, or (category, department) once for all rows."""
        self.result.problem_rows += 1
        self.result.problems.extend(problems)

    def new_departments(self) -> list[str]:
        """The departments --add-departments writes into data/unit.yml: those not declared, or,
        when the unit declares none, every department the ledger names."""
        if not self.departments:
            return list(self.named_departments)
        return sorted(self.unknown_departments, key=lambda name: -len(self.unknown_departments[name]))  # as listed

    def settle(self, add_departments: bool) -> None:
        """Import the rows held for their department (it is being added), or count them as not imported."""
        held, self.held = self.held, []
        for entry in held:
            if add_departments:
                self._accept(entry)
            else:
                self.result.problem_rows += 1

    def _places(self, places: list[tuple[str | None, int]]) -> str:
        if len(places) > SHOW_ROWS:
            return f"{len(places)} 行"
        by_sheet: dict[str | None, list[int]] = {}
        for sheet, row in places:
            by_sheet.setdefault(sheet, []).append(row)
        shown = "，".join(
            ("" if sheet is None else f"工作表“{sheet}”") + f"第 {'、'.join(map(str, rows))} 行"
            for sheet, rows in by_sheet.items()
        )
        return f"{len(places)} 行：{shown}"

    def _listed(self, unknown: dict[str, list[tuple[str | None, int]]], known: list[str]) -> str:
        items = []
        for name, places in sorted(unknown.items(), key=lambda item: -len(item[1])):  # most rows first
            close = difflib.get_close_matches(name, known, n=1, cutoff=0.4)
            tip = f"；是不是“{close[0]}”？" if close else ""
            items.append(f"{name}（{self._places(places)}{tip}）")
        return "、".join(items)

    def category_message(self) -> str | None:
        if not self.unknown_categories:
            return None
        return (
            f"台账中有 {len(self.unknown_categories)} 个类别不在 data/categories.yml 中："
            f"{self._listed(self.unknown_categories, self.category_names)}。这些行没有导入。"
            f"请在台账中改成已有的类别之一：{'、'.join(self.category_names)}；"
            "或先在 data/categories.yml 中添加这些类别（每个类别写 name 和 slug），再重新导入"
        )

    def department_message(self) -> str | None:
        """The undeclared departments, once, each with its rows (without the fix, which depends on the choice)."""
        if not self.unknown_departments:
            return None
        return (
            f"台账中有 {len(self.unknown_departments)} 个部门不在 data/unit.yml 的 departments 中："
            f"{self._listed(self.unknown_departments, list(self.departments))}"
        )

    def department_fix(self) -> str:
        return (
            "这些行没有导入。如果这些都是本单位的部门，请加 --add-departments 重新运行，"
            "把它们添加到 data/unit.yml 并导入这些行；"
            f"否则请在台账中改成 data/unit.yml 中已有的部门：{'、'.join(self.departments)}"
        )


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
    if isinstance(value, (list, tuple)):
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
    from wenmingsite.loading.yamlstrict import YList, YMap, load_yaml

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
    from wenmingsite.loading.yamlstrict import YList, YMap, load_yaml

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


# --- departments in data/unit.yml -----------------------------------------------------

_YAML_SPECIAL = frozenset(",[]{}#:&*!|>'\"%@`\\")


def _yaml_item(name: str) -> str:
    """``name`` as a list item: plain when it reads back as itself in a block or a flow list."""
    plain = (
        name == name.strip()
        and name[:1] not in ("-", "?", "")
        and not any(ch in _YAML_SPECIAL or not ch.isprintable() for ch in name)
    )
    return name if plain else quote(name)


def add_departments(text: str, names: list[str], rel: str = "data/unit.yml") -> str:
    """``text`` of data/unit.yml with ``names`` appended to its ``departments`` list, written the
    way the list is (a block list ``- 办公室`` or a flow list ``[办公室, 工会]``), or a new block
    list at the end when there is none. Every other character of the file stays as it was;
    the result is read back and compared before it is returned."""
    import yaml

    from wenmingsite.loading.yamlstrict import YList, YMap, load_yaml

    bom = "\ufeff" if text.startswith("\ufeff") else ""
    body = text[len(bom) :]
    value, problems = load_yaml(body, rel)
    if problems or not isinstance(value, YMap):
        raise LedgerRefused(f"{rel} 现在有错误，无法添加部门。请先运行 wenming check 按提示修好这个文件，再导入台账")
    by_hand = f"请在 {rel} 的 departments 中手动添加：{'、'.join(names)}，再重新导入"
    old = value.get("departments")
    if old is not None and not isinstance(old, YList) and str(old).strip():
        raise LedgerRefused(f"{rel} 的 departments 不是列表，无法自动添加部门。{by_hand}")
    nl = "\r\n" if "\r\n" in body else "\n"
    items = [_yaml_item(n) for n in names]
    block = "".join(f"  - {item}{nl}" for item in items)
    node = yaml.compose(body, Loader=yaml.BaseLoader)
    pair = next(((k, v) for k, v in node.value if k.value == "departments"), None) if node else None

    def after_line(index: int, lines: str) -> str:  # ``lines`` below the line holding ``index``
        end = body.find("\n", index)
        return body + nl + lines if end < 0 else body[: end + 1] + lines + body[end + 1 :]

    if pair is None:
        new = body + ("" if not body or body.endswith("\n") else nl) + "departments:" + nl + block
    else:
        key, seq = pair
        if isinstance(seq, yaml.SequenceNode) and seq.flow_style:
            if seq.value:
                at, insert = seq.value[-1].end_mark.index, ", " + ", ".join(items)
            else:
                at, insert = seq.end_mark.index - 1, ", ".join(items)
            new = body[:at] + insert + body[at:]
        elif isinstance(seq, yaml.SequenceNode):
            dash = " " * seq.start_mark.column
            new = after_line(seq.value[-1].end_mark.index, "".join(f"{dash}- {item}{nl}" for item in items))
        else:  # departments: with nothing after it
            new = after_line(key.end_mark.index, block)
    again, problems = load_yaml(new, rel)
    if (
        problems
        or not isinstance(again, YMap)
        or list(again) != list(value) + ([] if "departments" in value else ["departments"])
        or [str(d) for d in again.get("departments") or ()] != [str(d) for d in old or ()] + names
        or any(again[k] != value[k] for k in value if k != "departments")
    ):
        raise LedgerRefused(f"无法自动修改 {rel}（这个文件的写法比较特别）。{by_hand}")
    return bom + new


def plan_departments(root: Path, names: list[str]) -> str:
    """The new text of data/unit.yml with ``names`` added to its departments."""
    rel = "data/unit.yml"
    path = root / rel
    if not path.is_file():
        raise LedgerRefused(f"没有找到 {rel}，无法添加部门。请先建好 {rel}（可以运行 wenming init），再导入台账")
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        raise LedgerRefused(
            f"{rel} 不是 UTF-8 编码，无法自动添加部门。请先运行 wenming fix 把它转成 UTF-8，再导入台账"
        ) from None
    return add_departments(text, names, rel)


# --- the command ----------------------------------------------------------------------


def run(
    source: Path,
    root: Path,
    yes: bool,
    column_map: tuple[str, ...] | list[str] = (),
    add_new_departments: bool = False,
) -> None:
    """`wenming import 台账.xlsx`: map, confirm, append, check.

    ``column_map``: the ``--map 列名=字段`` options; ``add_new_departments``: ``--add-departments``,
    which appends the departments the ledger names and data/unit.yml does not to its list."""
    import click

    from wenmingsite.loading.loader import load

    try:
        forced = parse_map(column_map)
    except LedgerRefused as exc:
        raise click.ClickException(str(exc)) from None
    content, _ = load(root)
    if not content.categories:
        raise click.ClickException(
            "data/categories.yml 里还没有活动类别，台账的“类别”列无法对照。"
            "请先在 data/categories.yml 中写好活动类别，再导入台账"
        )
    existing = {(a.date, a.title) for a in content.activities if a.origin != "routine"}
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
        forced,
        content.unit,
    )
    result = reader.read(sheets)
    for sheet, mapping in result.mappings:
        if mapping:
            for line in describe_mapping(source.name, sheet, mapping):
                click.echo(line)
    for line in describe_unknown_columns(source.name, result.mappings):
        click.echo(line)
    missing = [k for k in forced if k not in reader.forced_found]
    if missing:
        raise click.ClickException(
            f"--map 指定的列“{'”“'.join(missing)}”在台账的表头中没有找到，没有写入任何文件。"
            "请核对列名（可以从上面列出的对应关系中复制）后重新运行"
        )
    for note in result.sheet_notes:
        click.echo(note)
    for p in result.problems:
        click.echo(str(p))
    message = reader.category_message()
    if message:
        click.echo(message)

    departments = reader.new_departments()
    unit_text = None
    if departments and (add_new_departments or (reader.unknown_departments and not yes)):
        try:
            unit_text = plan_departments(root, departments)
        except LedgerRefused as exc:
            if add_new_departments:
                raise click.ClickException(str(exc)) from None
            click.echo(str(exc))
    head = reader.department_message()
    adding = add_new_departments and unit_text is not None
    if head and adding:
        click.echo(f"{head}。按 --add-departments 把它们添加到 data/unit.yml 的 departments 中，这些行一并导入")
    elif head and (yes or unit_text is None):
        click.echo(f"{head}。{reader.department_fix()}")
    elif head:
        click.echo(f"{head}。")
        adding = click.confirm(
            f"把这 {len(departments)} 个部门添加到 data/unit.yml 的 departments 中，并导入这些行吗？", default=False
        )
        if not adding:
            click.echo(reader.department_fix())
    elif adding:  # the unit lists no departments yet: the ledger's become its list
        click.echo(
            f"data/unit.yml 还没有部门列表（departments），按 --add-departments 写入台账中的 {len(departments)} 个部门"
        )
    reader.settle(adding)
    if not adding:
        unit_text = None

    if not result.entries and unit_text is None:
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
    if texts:
        targets = "、".join(f"{rel}（{files[int(rel[16:20])]} 项）" for rel in texts)
        click.echo(f"将把 {len(result.entries)} 项活动追加到 {targets}。")
    if unit_text is not None:
        click.echo(f"将在 data/unit.yml 的 departments 中添加 {len(departments)} 个部门：{'、'.join(departments)}。")
    if not yes and not click.confirm("按上面的对应关系导入吗？", default=True):
        click.echo("已取消，没有写入任何文件。")
        return
    if unit_text is not None:
        (root / "data/unit.yml").write_bytes(unit_text.encode("utf-8"))
    for rel, text in texts.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    _, problems = load(root)
    later = [p for p in problems if p.path in texts or (unit_text is not None and p.path == "data/unit.yml")]
    for found in later:
        click.echo(f"导入后检查：{found}")
    if not result.entries:
        click.echo("没有新的活动可以导入。")
    click.echo(result.summary())
