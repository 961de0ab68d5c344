"""Machine-readable output under api/ — what other offices' tools and our tests read.

The activity records are published a month a file, so that an edit to one activity sends
one small file again, not every record (bench/search_bytes.py, bench/results/search.md):

- ``api/activities/2024-03.json``: ``{"version": 2, "month": "2024-03", "count": 31,
  "activities": [...]}``, the records of the activities that start in that month, sorted by
  date then id;
- ``api/activities.json``: ``{"version": 2, "count": 1000, "parts": [{"month": "2024-03",
  "url": "api/activities/2024-03.json", "count": 31, "sha256": "..."}, ...]}``, the months in
  order with the SHA-256 of each file's bytes (a reader fetches only the parts whose hash it
  has not seen).

The parts' records, in the index's order, are every published activity exactly once, in
the order of :func:`records`; :func:`read_activities` puts them together (tests, tools).
"""

from __future__ import annotations

import hashlib
import json
import os
from decimal import Decimal
from pathlib import Path

from wenmingsite.loading.records import Activity, Content
from wenmingsite.loading.schema import COPIED_FIELDS

SCHEMA_VERSION = 1
# api/activities.json became an index of monthly parts (version 1 held every record itself).
ACTIVITIES_VERSION = 2
ACTIVITIES = "api/activities.json"
ACTIVITIES_PART = "api/activities/{}.json"


def json_number(value):
    """A Decimal as JSON and spreadsheets want it: an int when whole, else a float."""
    if value is None:
        return None
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def activity_record(a: Activity, content: Content, url: str | None) -> dict:
    cat = content.category(a.category)
    record = {
        "id": a.id,
        "kind": a.origin,
        "title": a.title,
        "date": a.date.isoformat(),
        "end_date": a.end_date.isoformat() if a.end_date else None,
        "category": a.category,
        "category_slug": cat.slug if cat else None,
        "criteria": list(a.criteria),
        **{name: json_number(getattr(a, name)) for name in COPIED_FIELDS},
        "photos": len(a.photos),
        "routine": a.routine,
        "time": a.time,
        "url": url,
        "source": a.source,
        "line": a.line,
    }
    if a.pending:  # only the editors' preview publishes pending material at all
        record["pending"] = True
    return record


def records(content: Content, urls: dict[str, str]) -> list[dict]:
    """Every published activity, sorted by date then id; ``urls`` maps page path -> site URL.

    The single source of every listing, feed and figure the site shows."""
    return [activity_record(a, content, urls.get(a.page) if a.page else None) for a in content.published]


def dumps(data: dict, version: int = SCHEMA_VERSION) -> str:
    # Compact: json's C encoder runs only without indent (5× faster on 5,000 photos).
    return json.dumps({"version": version, **data}, ensure_ascii=False, separators=(",", ":"))


def activities_files(records: list[dict]) -> dict[str, str]:
    """The month parts and the index naming them (see the module's docstring), parts first:
    path under site/ -> text."""
    months: dict[str, list[dict]] = {}
    for record in records:
        months.setdefault(record["date"][:7], []).append(record)
    out: dict[str, str] = {}
    parts = []
    for month in sorted(months):
        path, chunk = ACTIVITIES_PART.format(month), months[month]
        text = dumps({"month": month, "count": len(chunk), "activities": chunk}, ACTIVITIES_VERSION)
        out[path] = text
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        parts.append({"month": month, "url": path, "count": len(chunk), "sha256": digest})
    out[ACTIVITIES] = dumps({"count": len(records), "parts": parts}, ACTIVITIES_VERSION)
    return out


def read_activities(site_dir: str | os.PathLike) -> list[dict]:
    """Every record of a built site's api/activities.json, its parts put together in order."""
    site = Path(site_dir)
    index = json.loads((site / ACTIVITIES).read_bytes())
    records: list[dict] = []
    for part in index["parts"]:
        records += json.loads((site / part["url"]).read_bytes())["activities"]
    return records


def photos_json(gallery, urls: dict[str, str], photo_dir: str) -> str:
    """Every published photo with its activity, caption and the URL and size of each output."""
    photos = []
    for a in gallery.content.published:
        for shot in gallery.shots(a):
            photos.append(
                {
                    "id": shot.published.key,
                    "activity": a.id,
                    "activity_url": urls.get(a.page) if a.page else None,
                    "date": a.date.isoformat(),
                    "caption": shot.photo.caption,
                    "alt": shot.alt,
                    "source": shot.photo.source,
                    "width": shot.published.width,
                    "height": shot.published.height,
                    "outputs": {
                        o.variant: {"url": f"{photo_dir}/{o.path}", "width": o.width, "height": o.height}
                        for o in shot.published.outputs.values()
                    },
                }
            )
    return dumps({"count": len(photos), "photos": photos})
