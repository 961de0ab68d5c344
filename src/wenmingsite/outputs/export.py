"""The ledger (创建台账) as a spreadsheet: ``wenming export 台账.xlsx`` (or ``.csv``).

One sheet per year of the 主题活动 (activity pages and log entries), with the columns an
inspection group expects and a 合计 row of formulas; a sheet of the 例行活动 (every
occurrence, or one row per routine and month); a 汇总 sheet per year, criterion, category and
department whose figures are those of ``api/stats.json`` (the same records, the same
function: wenmingsite.pages.stats).

The year sheets use the column names ``wenming import`` reads (wenmingsite.commands.ledger), so an
exported ledger imports back as the same activities. A figure or field has one name on every
sheet (类别, 部门, 参与人次, 志愿服务时长（小时）…). The 例行活动 and 汇总 sheets are built from
data/ rules and totals, not typed in: the workbook names them as sheets an import passes by
(a custom document property), and a routine's name stands under 例行活动, not 活动名称, so
that even a copy of the sheet (or its .csv) is never read as activities.

Web addresses are hyperlinks; every cell, the header style and the workbook's default style
use 宋体, the font every Chinese Windows PC (and WPS) has, instead of openpyxl's Calibri.
"""

from __future__ import annotations

import copy
import csv
import datetime as dt
import unicodedata
import urllib.parse
from decimal import Decimal
from pathlib import Path

from wenmingsite.loading import fields
from wenmingsite.loading.records import Content
from wenmingsite.outputs.api import json_number
from wenmingsite.pages.stats import Stats, Totals

# (header, width) of the year sheets: the activity fields' columns as wenmingsite.loading.fields
# declares them (the names `wenming import` reads back), around the record's own columns.
NUMBER = ("序号", 6)
RECORD = [("照片（张）", 8), ("记录方式", 9), ("网页地址", 40)]
FIELDS = tuple(f for f in fields.LEDGER if f.column and not f.column.signed)
# Paper ledgers' 填报人/审核人 columns (wenmingsite.loading.signoff), on the year sheets of a unit
# that records sign-offs: who wrote each entry, who approved it and when.
SIGNED_FIELDS = tuple(f for f in fields.LEDGER if f.column and f.column.signed)


def _columns(declared) -> list[tuple[str, int]]:
    return [(fields.column(f.name).header, fields.column(f.name).width) for f in declared]


THEMED = [NUMBER, *_columns(FIELDS), *RECORD]
SIGNOFF = _columns(SIGNED_FIELDS)
# The 例行活动 sheet: a routine's occurrences (or months) with the fields a routine declares
# (wenmingsite.loading.fields: routine=True), its name under 例行活动 and its rule under 安排.
ROUTINE_FIELDS = tuple(f for f in FIELDS if f.routine and f.name != "title")
ROUTINE = [("序号", 6), ("日期", 11), ("例行活动", 24), ("安排", 18), *_columns(ROUTINE_FIELDS), RECORD[0]]
ROUTINE_MONTHLY = [
    ("序号", 6),
    ("月份", 9),
    ("例行活动", 24),
    ("安排", 18),
    ("次数", 6),
    ("日期", 22),
    *_columns(ROUTINE_FIELDS),
    RECORD[0],
]
NUMBERS = ("count", "decimal", "amount")  # field kinds a 合计 row adds up
SUMMARY = ["主题活动（项）", "例行活动（次）", "参与人次", "志愿服务时长（小时）", "金额（元）", "照片（张）"]
FONT_NAME = "宋体"  # SimSun: on every Chinese Windows since 95, and WPS's default
FONT_SIZE = 11
GB2312_CHARSET = 134  # tells Excel the font's script, as its own files do for 宋体
LINK_COLOR = "0563C1"  # Excel's own hyperlink blue
ROUTINES_BY = ("逐次", "按月")
LEDGER = "创建台账.xlsx"
# Characters that start a formula (or a DDE call, or Lotus-style "@SUM") when a spreadsheet
# program reads a cell: OWASP's list. Full-width forms (＝＋－＠, and the small forms ﹦﹢﹣﹫) are
# folded onto them by NFKC; Chinese and Japanese Excel accept full-width operators typed into a
# cell, so they are treated alike.
FORMULA_STARTS = frozenset("=+-@\t\r")
# Whitespace a program may trim (LibreOffice's "trim spaces", Excel's own parsing) before it
# looks at the first character.
_TRIMMED = " \t\r\n\u3000\u00a0\ufeff\u200b"


def formula_like(text: str) -> bool:
    """True when a spreadsheet program could take ``text`` for a formula: its first character
    (or the first after whitespace) is one of ``= + - @``, a tab or a carriage return, in
    half-width or full-width form."""
    if not text:
        return False
    if text[0] in FORMULA_STARTS:
        return True
    stripped = text.lstrip(_TRIMMED)
    return bool(stripped) and unicodedata.normalize("NFKC", stripped[0])[:1] in FORMULA_STARTS


class Ledger:
    """The rows of the ledger, from the api records (``base``: the site's address for the
    网页地址 column, or None for root-relative addresses)."""

    def __init__(self, content: Content, records: list[dict], stats: Stats, base: str | None = None):
        self.content, self.records, self.stats, self.base = content, records, stats, base
        self.names = {c.id: c.name for c in content.criteria}
        self.routines = {r.id: r for r in content.routines}
        self.activities = {a.id: a for a in content.activities}
        unit = content.unit
        self.signed = bool(unit and unit.review) or any(
            a.signoff.author or a.signoff.approved_by for a in content.activities
        )

    @property
    def themed_columns(self) -> list[tuple[str, int]]:
        return THEMED + SIGNOFF if self.signed else THEMED

    def _criteria(self, r: dict) -> str:
        return "、".join(self.names.get(c, c) for c in r["criteria"])

    def _url(self, r: dict) -> str | None:
        if not r["url"]:
            return None
        return (self.base or "/") + r["url"]

    def years(self) -> list[int]:
        return sorted({int(r["date"][:4]) for r in self.records})

    def _cell(self, field: fields.ActivityField, r: dict):
        """A field's ledger cell: from the api record when it carries the field, else from the
        activity (its sign-off); dates as dates, numbers as numbers, lists joined by 、."""
        value = r[field.name] if field.name in r else field.value(self.activities[r["id"]])
        if field.family == "choices":
            return "、".join(self.names.get(c, c) for c in value)
        if field.family == "date" and isinstance(value, str):
            return dt.date.fromisoformat(value)
        if isinstance(value, (tuple, list)):
            return "、".join(value) or None
        return json_number(value)

    def themed(self, year: int | None = None) -> list[list]:
        declared = FIELDS + SIGNED_FIELDS if self.signed else FIELDS
        rows: list[list] = []
        for r in self.records:
            if r["kind"] == "routine" or (year is not None and int(r["date"][:4]) != year):
                continue
            cells = [self._cell(f, r) for f in declared]
            record = [r["photos"], "活动纪实" if r["kind"] == "page" else "活动记录", self._url(r)]
            rows.append([len(rows) + 1, *cells[: len(FIELDS)], *record, *cells[len(FIELDS) :]])
        return rows

    def routine_rows(self, by_month: bool) -> list[list]:
        occ = [r for r in self.records if r["kind"] == "routine"]
        if not by_month:
            rows: list[list] = []
            for r in occ:
                rule = self.routines.get(r["routine"])
                rows.append(
                    [
                        len(rows) + 1,
                        dt.date.fromisoformat(r["date"]),
                        r["title"],
                        rule.description if rule else None,
                        *(self._cell(f, r) for f in ROUTINE_FIELDS),
                        r["photos"],
                    ]
                )
            return rows
        groups: dict[tuple[str, str], list[dict]] = {}
        for r in occ:
            groups.setdefault((r["date"][:7], r["routine"]), []).append(r)
        rows = []
        for (month, rid), items in sorted(groups.items(), key=lambda kv: (kv[0][0], kv[1][0]["title"])):
            rule, first = self.routines.get(rid), items[0]
            rows.append(
                [
                    len(rows) + 1,
                    f"{month[:4]}年{int(month[5:])}月",
                    first["title"],
                    rule.description if rule else None,
                    len(items),
                    "、".join(f"{int(r['date'][8:])}日" for r in items),
                    *(self._month_cell(f, items) for f in ROUTINE_FIELDS),
                    sum(r["photos"] for r in items),
                ]
            )
        return rows

    def _month_cell(self, field: fields.ActivityField, items: list[dict]):
        """A routine's month: numbers added up, anything else as its first occurrence has it."""
        if field.family == "count":
            return sum(r[field.name] or 0 for r in items)
        if field.family in NUMBERS:
            return json_number(sum(Decimal(str(r[field.name] or 0)) for r in items))
        return self._cell(field, items[0])

    def summary(self) -> list[tuple[str, list[tuple[str, Totals]]]]:
        s = self.stats
        return [
            ("按年度", [(f"{y}年", t) for y, t in s.years.items()]),
            ("按测评项目", [(self.names.get(k, k), t) for k, t in s.criteria.items()]),
            ("按类别", list(s.categories.items())),
            ("按部门", list(s.departments.items())),
        ]


def _totals_row(t: Totals) -> list:
    return [
        t.one_off,
        t.routine_occurrences,
        t.participants,
        json_number(t.volunteer_hours),
        json_number(t.amount),
        t.photos,
    ]


# --- .xlsx ------------------------------------------------------------------------------


def _as_text(cells) -> None:
    """Every string cell of ``cells`` stays text (see the module docstring)."""
    for cell in cells:
        if isinstance(cell.value, str):
            cell.data_type = "s"  # openpyxl made "=…" a formula and "#N/A" an error value
            if formula_like(cell.value):
                cell.quotePrefix = True


def _header_text(text: str) -> str:
    """Text for a printed page header: "&" starts Excel's header codes (&P, &"font"...)."""
    return text.replace("&", "&&")


def _link(value) -> str | None:
    """The hyperlink target of a 网页地址 cell: an absolute http(s) address, percent-encoded
    (a root-relative address, exported without the site's address, links nowhere)."""
    if not isinstance(value, str) or not value.startswith(("http://", "https://")):
        return None
    return urllib.parse.quote(value, safe=":/#?=&%-._~")


def _chinese_fonts(book, font) -> None:
    """The workbook's default font and its Normal style in ``font``: the style of every empty
    cell, of the column widths Excel computes, and of each cell without a font of its own."""
    from openpyxl.styles import NamedStyle
    from openpyxl.styles.named_styles import NamedStyleList
    from openpyxl.utils.indexed_list import IndexedList

    # openpyxl has no public setting for these: a new workbook's font 0 and its Normal style
    # are Calibri. Replaced before any cell is styled, so every style index still holds.
    book._fonts = IndexedList([font])
    book._named_styles = NamedStyleList()
    book.add_named_style(NamedStyle(name="Normal", font=copy.copy(font), builtinId=0))


def workbook(ledger: Ledger, by_month: bool = False):
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    book = Workbook()
    plain = Font(name=FONT_NAME, size=FONT_SIZE, charset=GB2312_CHARSET)
    _chinese_fonts(book, plain)
    bold = Font(name=FONT_NAME, size=FONT_SIZE, charset=GB2312_CHARSET, bold=True)
    link = Font(name=FONT_NAME, size=FONT_SIZE, charset=GB2312_CHARSET, color=LINK_COLOR, underline="single")
    head_fill = PatternFill("solid", fgColor="F1E4E4")
    thin = Side(style="thin", color="999999")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    content, stats = ledger.content, ledger.stats
    unit = content.unit

    def table(ws, columns, rows, sums: dict[str, str], label_col: str, count_col: str | None):
        headers = [h for h, _ in columns]
        ws.append(headers)
        for i, (_, width) in enumerate(columns, 1):
            ws.column_dimensions[get_column_letter(i)].width = width
            cell = ws.cell(1, i)
            cell.font, cell.fill, cell.border = bold, head_fill, box
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        for row in rows:
            ws.append(row)
            _as_text(ws[ws.max_row])
        last = len(rows) + 1
        address = headers.index("网页地址") + 1 if "网页地址" in headers else None
        for r in ws.iter_rows(min_row=2, max_row=last):
            for cell in r:
                cell.border, cell.font = box, plain
                cell.alignment = Alignment(vertical="top", wrap_text=True)
                if isinstance(cell.value, dt.date):
                    cell.number_format = "yyyy-mm-dd"
                if cell.column == address and (target := _link(cell.value)):
                    cell.hyperlink, cell.font = target, link
        headers = [h for h, _ in columns]
        # "合计" stands in the name column with the date column empty, which is how
        # `wenming import` recognises a totals row (the count comes after it, for the same reason).
        total: list = [None] * len(columns)
        total[headers.index(label_col)] = "合计"
        for name, fn in sums.items():
            col = get_column_letter(headers.index(name) + 1)
            total[headers.index(name)] = f"={fn}({col}2:{col}{last})" if rows else 0
        if count_col:
            col = get_column_letter(headers.index(label_col) + 1)
            total[headers.index(count_col)] = f'=COUNTA({col}2:{col}{last})&" 项"' if rows else "0 项"
        ws.append(total)
        for cell in ws[last + 1]:
            cell.font, cell.border = bold, box
        ws.freeze_panes = "A2"
        ws.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{last}"
        ws.print_title_rows = "1:1"
        ws.page_setup.orientation = "landscape"
        ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.oddFooter.center.text = "第 &P 页，共 &N 页"
        if unit:
            ws.oddHeader.left.text = _header_text(unit.name)

    summary = book.active
    summary.title = "汇总"
    for year in ledger.years():
        ws = book.create_sheet(f"{year}年")
        table(
            ws,
            ledger.themed_columns,
            ledger.themed(year),
            {**{fields.column(f.name).header: "SUM" for f in FIELDS if f.family in NUMBERS}, "照片（张）": "SUM"},
            fields.column("title").header,
            fields.column("category").header,
        )
    ws = book.create_sheet("例行活动")
    columns = ROUTINE_MONTHLY if by_month else ROUTINE
    sums = {**{fields.column(f.name).header: "SUM" for f in ROUTINE_FIELDS if f.family in NUMBERS}, "照片（张）": "SUM"}
    if by_month:
        sums["次数"] = "SUM"
    table(ws, columns, ledger.routine_rows(by_month), sums, "例行活动", None if by_month else "安排")

    ws = summary
    title = f"{unit.name}{unit.term}{unit.title_sought}创建台账汇总" if unit else "创建台账汇总"
    ws.append([title])
    _as_text(ws[1])
    ws["A1"].font = Font(name=FONT_NAME, size=14, charset=GB2312_CHARSET, bold=True)
    ws.append(
        [
            f"统计范围：{stats.start:%Y-%m-%d} 至 {stats.end:%Y-%m-%d}（与网站“数据统计”页和 api/stats.json 一致）；"
            "例行活动按实际发生的每一次计数。明细见各年度工作表和“例行活动”工作表。"
        ]
    )
    ws["A2"].font = plain
    ws.column_dimensions["A"].width = 30
    for i in range(2, 8):
        ws.column_dimensions[get_column_letter(i)].width = 14
    for heading, rows in ledger.summary():
        ws.append([])
        ws.append([heading, *SUMMARY])
        for cell in ws[ws.max_row]:
            cell.font, cell.fill, cell.border = bold, head_fill, box
        for name, t in rows:
            ws.append([name, *_totals_row(t)])
            _as_text(ws[ws.max_row])
            for cell in ws[ws.max_row]:
                cell.border, cell.font = box, plain
        ws.append(
            [
                "合计（本届）"
                if heading == "按年度"
                else "本届合计（一项活动可对应多个测评项目，不重复相加）"
                if heading == "按测评项目"
                else "合计（本届）",
                *_totals_row(stats.term),
            ]
        )
        for cell in ws[ws.max_row]:
            cell.font, cell.border = bold, box
    ws.page_setup.orientation = "landscape"
    from openpyxl.packaging.custom import StringProperty

    from wenmingsite.commands.ledger import EXPORT_SKIP_PROPERTY

    # Sheets that an import of this workbook passes by (wenmingsite.commands.ledger).
    book.custom_doc_props.append(
        StringProperty(
            name=EXPORT_SKIP_PROPERTY,
            value="\n".join(ws.title for ws in book.worksheets if not ws.title.endswith("年")),
        )
    )
    return book


def write_xlsx(path: Path, ledger: Ledger, by_month: bool = False) -> list[Path]:
    import io

    from wenmingsite.gate.images import _atomic_write

    buffer = io.BytesIO()
    workbook(ledger, by_month).save(buffer)
    _atomic_write(path, buffer.getvalue())  # the ordinary file mode, not mkstemp's 0600
    return [path]


# --- .csv -------------------------------------------------------------------------------


def _csv_value(value):
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str) and formula_like(value):
        return "'" + value
    return "" if value is None else value


def write_csv(path: Path, ledger: Ledger, by_month: bool = False) -> list[Path]:
    """The 主题活动 of every year in ``path``, the 例行活动 beside it (``<name>-例行活动.csv``),
    UTF-8 with a byte-order mark, which Excel and WPS open as Chinese text."""
    routines = path.with_name(f"{path.stem}-例行活动{path.suffix}")
    path.parent.mkdir(parents=True, exist_ok=True)
    for target, columns, rows in (
        (path, ledger.themed_columns, ledger.themed()),
        (routines, ROUTINE_MONTHLY if by_month else ROUTINE, ledger.routine_rows(by_month)),
    ):
        with open(target, "w", encoding="utf-8-sig", newline="") as f:
            w = csv.writer(f)
            w.writerow([h for h, _ in columns])
            w.writerows([[_csv_value(v) for v in row] for row in rows])
    return [path, routines]


def write(path: Path, ledger: Ledger, by_month: bool = False) -> list[Path]:
    if path.suffix.lower() == ".csv":
        return write_csv(path, ledger, by_month)
    return write_xlsx(path, ledger, by_month)
