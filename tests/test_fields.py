"""One declaration per copied field (wenmingsite.loading.schema.COPIED_FIELDS) drives the record
and the JSON: what the editor writes in front matter or a log reaches api/activities.json."""

from __future__ import annotations

import dataclasses

from conftest import build

from wenmingsite.loading import schema
from wenmingsite.loading.records import Activity
from wenmingsite.outputs.api import read_activities


def test_every_copied_field_is_an_activity_attribute_in_every_schema():
    attributes = {f.name for f in dataclasses.fields(Activity)}
    assert set(schema.COPIED_FIELDS) <= attributes
    for table in (schema.ACTIVITY_PAGE, schema.LOG_ENTRY, schema.ROUTINE):
        assert set(schema.COPIED_FIELDS) <= set(table)


def test_copied_fields_reach_the_json_from_an_activity_page(site, tmp_path):
    root = site(
        {
            "docs/activities/2025/2025-03-05-清扫.md": """\
            ---
            title: 社区清扫
            date: 2025-03-05
            category: 志愿服务
            department: 办公室
            location: 人民公园
            participants: 30
            volunteer_hours: 2.5
            amount: 1200
            summary: 清扫公园
            ---
            正文。
            """,
        }
    )
    result = build(root, "--site-dir", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    records = read_activities(tmp_path / "out")
    record = next(r for r in records if r["title"] == "社区清扫")
    assert {k: record[k] for k in schema.COPIED_FIELDS} == {
        "department": "办公室",
        "location": "人民公园",
        "participants": 30,
        "volunteer_hours": 2.5,
        "amount": 1200,
        "summary": "清扫公园",
        "festival": None,
    }
