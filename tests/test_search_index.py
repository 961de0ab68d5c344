"""The site search's index as published: UTF-8, in parts, and an edit re-sends one part."""

from __future__ import annotations

import datetime as dt
import json
import random

from conftest import write

from wenmingsite.outputs import search_index

CONFIG = {"lang": ["zh"], "separator": "[\\s\\u200b]+", "pipeline": ["stemmer"], "fields": {"title": {"boost": 1000.0}}}
WORDS = ["志愿", "服务", "测土", "配方", "施肥", "文明", "礼仪", "垃圾", "分类", "春耕", "技术", "培训", "宣传"]


def page_docs(i: int, rng: random.Random, extra: str = "") -> list[dict]:
    text = "\u200b".join(rng.choice(WORDS) for _ in range(700)) + extra
    page = f"activities/2025/2025-{i % 12 + 1:02d}-{i:04d}/"
    return [
        {"location": page, "title": f"第{i}期\u200b活动", "text": f"<p>{text[:300]}</p>"},
        {"location": page + "#_1", "title": "过程", "text": f"<p>{text[300:]}</p>"},
    ]


def material_index(docs: list[dict]) -> str:
    """As Material's search plugin writes it (json.dumps: every Chinese character escaped)."""
    return json.dumps({"config": CONFIG, "docs": docs}, separators=(",", ":"))


def published(site) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted((site / "search").iterdir())}


def test_the_index_is_utf8_in_parts_and_reads_back_as_the_theme_wrote_it(tmp_path):
    rng = random.Random(1)
    docs = [d for i in range(400) for d in page_docs(i, rng)]
    write(tmp_path, search_index.INDEX, material_index(docs))
    before = (tmp_path / search_index.INDEX).stat().st_size

    written = search_index.split(tmp_path)

    files = published(tmp_path)
    assert sorted(written) == sorted(files)
    manifest = json.loads(files[search_index.INDEX])
    assert manifest["docs"] == [] and len(manifest["config"]["parts"]) == len(files) - 1 > 1
    assert all(
        not rel.startswith("search/part-") or len(data) < 2 * search_index.PART_BYTES for rel, data in files.items()
    )
    assert "\\u" not in b"".join(files.values()).decode("utf-8").replace("\\\\u", "")  # UTF-8, not escapes
    assert sum(map(len, files.values())) < 0.6 * before
    whole = search_index.read(tmp_path)
    assert whole["config"] == CONFIG
    assert sorted(whole["docs"], key=lambda d: d["location"]) == sorted(docs, key=lambda d: d["location"])
    # A page's sections follow the page itself, as the theme's search expects.
    at = {d["location"]: n for n, d in enumerate(whole["docs"])}
    assert all(at[d["location"]] == at[d["location"].split("#")[0]] + 1 for d in docs if "#" in d["location"])
    assert search_index.split(tmp_path) == []  # split already: nothing to do


def test_one_edited_page_changes_one_part_and_the_manifest_not_at_all(tmp_path):
    docs = [d for i in range(400) for d in page_docs(i, random.Random(i))]
    write(tmp_path / "a", search_index.INDEX, material_index(docs))
    search_index.split(tmp_path / "a")
    edited = [d for i in range(400) for d in page_docs(i, random.Random(i), "补充：签到表已归档" if i == 200 else "")]
    write(tmp_path / "b", search_index.INDEX, material_index(edited))
    search_index.split(tmp_path / "b")

    a, b = published(tmp_path / "a"), published(tmp_path / "b")
    assert a.keys() == b.keys()
    changed = [rel for rel in a if a[rel] != b[rel]]
    assert len(changed) == 1 and changed[0].startswith("search/part-")
    assert sum(len(b[rel]) for rel in changed) < 0.25 * sum(map(len, b.values()))


def test_parts_of_an_earlier_build_in_the_same_folder_are_removed(tmp_path):
    rng = random.Random(2)
    write(tmp_path, search_index.INDEX, material_index([d for i in range(400) for d in page_docs(i, rng)]))
    search_index.split(tmp_path)
    write(tmp_path, search_index.INDEX, material_index(page_docs(1, rng)))  # the next serve build: one page
    search_index.split(tmp_path)
    assert list(published(tmp_path)) == ["search/part-00.json", search_index.INDEX]


def test_the_number_of_parts_doubles_as_the_index_grows_up_to_64():
    kib = 1024
    sizes = (0, 100, 128, 129, 300, 600, 1750, 8192, 8193, 40000)  # KiB
    assert [search_index.part_count(n * kib) for n in sizes] == [1, 1, 1, 2, 4, 8, 16, 64, 64, 64]


def test_the_preview_rewrites_only_the_part_an_edit_changed(tmp_path):
    """`mkdocs serve` keeps its folder: a part with the same bytes keeps its file (and time)."""
    docs = [d for i in range(400) for d in page_docs(i, random.Random(i))]
    write(tmp_path, search_index.INDEX, material_index(docs))
    search_index.split(tmp_path)
    times = {p.name: p.stat().st_mtime_ns for p in (tmp_path / "search").glob("part-*.json")}
    edited = [d for i in range(400) for d in page_docs(i, random.Random(i), "补充：签到表已归档" if i == 200 else "")]
    write(tmp_path, search_index.INDEX, material_index(edited))  # the next serve build
    search_index.split(tmp_path)

    rewritten = [p.name for p in (tmp_path / "search").glob("part-*.json") if p.stat().st_mtime_ns != times[p.name]]
    assert len(times) > 1 and len(rewritten) == 1, rewritten
    assert "补充：签到表已归档" in (tmp_path / "search" / rewritten[0]).read_text(encoding="utf-8")
    whole = search_index.read(tmp_path)
    assert sorted(whole["docs"], key=lambda d: d["location"]) == sorted(edited, key=lambda d: d["location"])


def test_the_index_split_as_the_theme_makes_it_is_the_split_of_what_it_writes(tmp_path):
    """The theme's index made through search_index.Planned (its parts kept as the theme makes
    the index, the file it writes the small index) publishes the same bytes as the theme's
    whole index written and split after the build; a `--dirty` serve's merge is left to it."""
    from material.plugins.search.plugin import SearchIndex

    docs = [d for i in range(400) for d in page_docs(i, random.Random(i))]
    # Values JSON reads back as other types (a tuple, a date), a float, a line separator.
    docs[3] = {**docs[3], "title": "标签\u2028页", "tags": ("甲", "乙"), "boost": 2.5, "date": dt.date(2025, 3, 5)}
    plain = SearchIndex(**CONFIG)
    plain.entries = list(docs)
    write(tmp_path / "plain", search_index.INDEX, plain.generate_search_index(None))
    search_index.split(tmp_path / "plain")

    made = SearchIndex(**CONFIG)
    made.entries = list(docs)
    planned = search_index.Planned()
    planned.wrap(made)
    planned.wrap(made)  # once only
    written = made.generate_search_index(None)
    assert json.loads(written)["docs"] == [] and len(written) < 1000
    write(tmp_path / "planned", search_index.INDEX, written)
    assert search_index.split(tmp_path / "planned", planned) == list(published(tmp_path / "plain"))
    assert published(tmp_path / "planned") == published(tmp_path / "plain")
    assert made.entries == docs

    previous = SearchIndex(**CONFIG)
    previous.entries = docs[:10]
    made.entries = docs[10:12]
    assert json.loads(made.generate_search_index(previous))["docs"][-2:] == docs[10:12]
    assert planned.index is None
