"""api/activities.json as published: an index of monthly parts, each record in exactly one
part, and an edit to one activity re-sends its month and the index, nothing else."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from conftest import build, write

from wenmingsite.outputs import api
from wenmingsite.outputs.api import read_activities


def record(id_: str, date: str) -> dict:
    return {"id": id_, "title": f"活动{id_}", "date": date, "summary": "摘要"}


def index_of(site: Path) -> dict:
    return json.loads((site / "api/activities.json").read_bytes())


def parts_on_disk(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted((site / "api/activities").iterdir())}


def test_records_are_written_a_month_a_file_with_an_index_of_counts_and_hashes():
    records = [record("a", "2024-01-31"), record("b", "2024-03-01"), record("c", "2024-03-09")]

    files = api.activities_files(records)

    assert list(files) == ["api/activities/2024-01.json", "api/activities/2024-03.json", "api/activities.json"]
    assert files["api/activities/2024-03.json"] == (
        '{"version":2,"month":"2024-03","count":2,"activities":['
        '{"id":"b","title":"活动b","date":"2024-03-01","summary":"摘要"},'
        '{"id":"c","title":"活动c","date":"2024-03-09","summary":"摘要"}]}'
    )
    index = json.loads(files["api/activities.json"])
    assert index == {
        "version": 2,
        "count": 3,
        "parts": [
            {
                "month": month,
                "url": f"api/activities/{month}.json",
                "count": count,
                "sha256": hashlib.sha256(files[f"api/activities/{month}.json"].encode("utf-8")).hexdigest(),
            }
            for month, count in (("2024-01", 1), ("2024-03", 2))
        ],
    }
    assert api.activities_files([]) == {"api/activities.json": '{"version":2,"count":0,"parts":[]}'}


def test_the_demo_publishes_every_record_once_in_the_part_of_its_month(demo_build):
    site = demo_build.site
    index, parts = index_of(site), parts_on_disk(site)
    assert [p["url"] for p in index["parts"]] == list(parts)  # every part named, none left over
    assert [p["month"] for p in index["parts"]] == sorted({p["month"] for p in index["parts"]})
    for entry in index["parts"]:
        data = parts[entry["url"]]
        assert hashlib.sha256(data).hexdigest() == entry["sha256"]
        part = json.loads(data)
        assert part["month"] == entry["month"] and part["count"] == entry["count"] == len(part["activities"])
        assert {r["date"][:7] for r in part["activities"]} == {entry["month"]}
    records = read_activities(site)
    assert len(records) == index["count"] == sum(p["count"] for p in index["parts"]) > 200
    assert len({r["id"] for r in records}) == len(records)
    assert [(r["date"], r["id"]) for r in records] == sorted((r["date"], r["id"]) for r in records)
    assert not [r for r in records if "pending" in r]
    assert len(records) == demo_build.api("stats.json")["term"]["activities"]  # /stats/ counts the same


PLANT_EDITED = """\
    ---
    title: 植树节义务植树
    date: 2024-03-05
    category: 志愿服务
    department: 办公室
    participants: 20
    summary: （已更新）在滨河绿道补种树苗。
    ---

    补充：签到表已归档。
    """


def test_one_edited_activity_changes_its_month_and_the_index_only(site, tmp_path):
    root = site(
        {
            "docs/activities/2024-06-01-run.md": "---\ntitle: 职工健步走\ndate: 2024-06-01\ncategory: 文体活动\n---\n正文\n",
            "docs/activities/2024-05-01-draft.md": "---\ntitle: 尚未发布的草稿活动\ndate: 2024-05-01\n"
            "category: 文体活动\ndraft: true\n---\n草稿\n",
        }
    )
    assert build(root, "--site-dir", str(tmp_path / "a")).returncode == 0
    write(root, "docs/activities/2024-03-05-plant.md", PLANT_EDITED)
    assert build(root, "--site-dir", str(tmp_path / "b")).returncode == 0

    a, b = parts_on_disk(tmp_path / "a"), parts_on_disk(tmp_path / "b")
    # The draft's month has no part: nothing of it is published, not even an empty file.
    assert list(b) == ["api/activities/2024-03.json", "api/activities/2024-06.json"]
    assert [rel for rel in b if a[rel] != b[rel]] == ["api/activities/2024-03.json"]
    assert "（已更新）在滨河绿道补种树苗。" in b["api/activities/2024-03.json"].decode("utf-8")
    index = index_of(tmp_path / "b")
    assert index["count"] == 2 and index != index_of(tmp_path / "a")
    assert index["parts"][0]["sha256"] == hashlib.sha256(b["api/activities/2024-03.json"]).hexdigest()
