"""The segmentation cache changes nothing in the search index, and a warm build segments
nothing anew."""

from __future__ import annotations

import json
import re

from conftest import build, run_mkdocs


def index(root):
    return [p.read_bytes() for p in sorted((root / "site/search").iterdir())]  # the index and its parts


def cut(result) -> int:
    """Texts (or runs of Chinese characters) jieba segmented in that build."""
    return int(re.search(r"(\d+) cut by jieba", result.stderr).group(1))


def misses(result) -> tuple[int, int]:
    m = re.search(r"search segmentation cache: (\d+) hits, (\d+) misses", result.stderr)
    return int(m.group(1)), int(m.group(2))


def test_cached_index_is_identical_and_warm_builds_miss_nothing(site, monkeypatch):
    # The build cache (pages.pagecache) would reuse the pages whole and segment nothing at all:
    # off, so that this test sees the segmentation cache alone.
    monkeypatch.setenv("WENMING_BUILD_CACHE", "0")
    root = site()
    cold = run_mkdocs(root, "build", "--strict", "-v")
    assert cold.returncode == 0, cold.stderr
    hits, missed = misses(cold)
    assert missed > 0 and (root / ".cache/search/segments.json").is_file()
    first = index(root)

    warm = run_mkdocs(root, "build", "--strict", "-v")
    assert misses(warm) == (hits + missed, 0)
    assert index(root) == first

    monkeypatch.setenv("WENMING_SEGMENT_CACHE", "0")
    uncached = run_mkdocs(root, "build", "--strict")
    assert uncached.returncode == 0 and index(root) == first


def test_new_search_words_invalidate_the_cache(site):
    root = site()
    assert run_mkdocs(root, "build", "--strict").returncode == 0
    categories = root / "data/categories.yml"
    categories.write_text(
        categories.read_text(encoding="utf-8") + "- name: 义务植树\n  slug: trees\n", encoding="utf-8"
    )
    result = run_mkdocs(root, "build", "--strict", "-v")
    assert result.returncode == 0
    assert misses(result)[1] > 0  # segmented again with the new word


def test_an_edit_of_known_phrases_needs_no_jieba_and_indexes_as_jieba_does(site, monkeypatch):
    """Texts are kept by their runs of Chinese characters too: a new title made of phrases
    the site already has is segmented without jieba, and the index is what jieba makes."""
    monkeypatch.setenv("WENMING_BUILD_CACHE", "0")
    root = site()
    assert run_mkdocs(root, "build", "--strict").returncode == 0
    page = next(p for p in sorted((root / "docs/activities").rglob("*.md")))
    text = page.read_text(encoding="utf-8")
    title = re.search(r"(?m)^title: (.+)$", text).group(1)
    page.write_text(text.replace(f"title: {title}", f"title: {title}（{title}）2", 1), encoding="utf-8")
    edited = run_mkdocs(root, "build", "--strict", "-v")
    assert edited.returncode == 0 and misses(edited)[1] > 0 and cut(edited) == 0, edited.stderr[-1500:]
    first = index(root)

    monkeypatch.setenv("WENMING_SEGMENT_CACHE", "0")
    assert run_mkdocs(root, "build", "--strict").returncode == 0
    assert index(root) == first


def test_an_odd_restored_cache_is_not_used(site, monkeypatch):
    """.cache/search comes back from elsewhere (CI restores it): an entry that is not text,
    or a file cut short, makes an empty cache; an entry whose text is not the text it is
    kept for is not used. The index is still jieba's."""
    monkeypatch.setenv("WENMING_BUILD_CACHE", "0")
    root = site()
    assert run_mkdocs(root, "build", "--strict").returncode == 0
    first = index(root)
    stored = root / ".cache/search/segments.json"
    entries = root / ".cache/search/entries.json"  # whole pages' entries would spare segmentation
    data = json.loads(stored.read_text(encoding="utf-8"))
    stored.write_text(json.dumps({**data, "entries": dict.fromkeys(data["entries"], 1)}), encoding="utf-8")
    entries.unlink()
    odd = run_mkdocs(root, "build", "--strict", "-v")
    assert odd.returncode == 0 and cut(odd) > 0 and index(root) == first, odd.stderr[-1500:]
    # Text of its own in an entry (words the site does not have): not taken into the index.
    data = json.loads(stored.read_text(encoding="utf-8"))
    stored.write_text(
        json.dumps({**data, "entries": dict.fromkeys(data["entries"], "联系人\u200b13812348000")}), encoding="utf-8"
    )
    entries.unlink()
    forged = run_mkdocs(root, "build", "--strict", "-v")
    assert forged.returncode == 0 and cut(forged) > 0 and index(root) == first
    stored.write_bytes(stored.read_bytes()[:100])
    entries.unlink()
    cut_short = run_mkdocs(root, "build", "--strict", "-v")
    assert cut_short.returncode == 0 and cut(cut_short) > 0 and index(root) == first


def test_an_edited_page_is_indexed_anew_and_the_rest_as_without_caches(site, monkeypatch):
    # Whole pages' search entries are kept by what they are made from (pages.segments.EntryCache):
    # after an edit the index holds the new text, never the old, and equals an uncached build's.
    from wenmingsite.outputs import search_index

    monkeypatch.setenv("WENMING_BUILD_CACHE", "0")
    root = site()
    assert build(root).returncode == 0
    assert (root / ".cache/search/entries.json").is_file()
    page = root / "docs/activities/2024-03-05-plant.md"
    page.write_text(page.read_text(encoding="utf-8").replace("正文。", "志愿者栽下银杏树苗。"), encoding="utf-8")

    warm = run_mkdocs(root, "build", "--strict", "-v")
    assert warm.returncode == 0, warm.stderr
    texts = [d["text"] for d in search_index.read(root / "site")["docs"] if "plant" in d["location"]]
    assert any("银杏" in t for t in texts) and not any("正文" in t for t in texts)
    cached = index(root)

    monkeypatch.setenv("WENMING_SEGMENT_CACHE", "0")
    assert build(root).returncode == 0
    assert index(root) == cached


def test_an_odd_restored_entry_cache_is_not_used(site, monkeypatch):
    """.cache/search/entries.json of another shape (or cut short) is not read: the index is made
    again and equals an uncached build's."""
    monkeypatch.setenv("WENMING_BUILD_CACHE", "0")
    root = site()
    assert run_mkdocs(root, "build", "--strict").returncode == 0
    first = index(root)
    stored = root / ".cache/search/entries.json"
    data = json.loads(stored.read_text(encoding="utf-8"))
    forged = {k: [[{"location": "x", "text": {"a": 1}}], []] for k in data["entries"]}
    stored.write_text(json.dumps({**data, "entries": forged}), encoding="utf-8")
    assert run_mkdocs(root, "build", "--strict").returncode == 0 and index(root) == first
    stored.write_bytes(stored.read_bytes()[:50])
    assert run_mkdocs(root, "build", "--strict").returncode == 0 and index(root) == first


def by_table(result) -> int:
    """Of those, the ones segmented with the word table (wenmingsite.pages.wordtable)."""
    return int(re.search(r"cut by jieba \((\d+) with the word table\)", result.stderr).group(1))


def retitle(root, title: str) -> None:
    page = root / "docs/activities/2024-03-05-plant.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(re.sub(r"(?m)^title: .*$", f"title: {title}", text, count=1), encoding="utf-8")


def test_new_words_after_an_edit_are_segmented_with_the_word_table_as_jieba_does(site, monkeypatch):
    """A unit's first build leaves no word table; the next build that meets new text loads
    jieba's dictionary and writes the table; later ones segment a little new text with it, and
    the index is byte for byte the one jieba makes with its whole dictionary."""
    root = site()
    table = root / ".cache/search/words-v1.sqlite"
    first = run_mkdocs(root, "build", "--strict", "-v")
    assert first.returncode == 0 and cut(first) > 0 and by_table(first) == 0 and not table.exists()

    retitle(root, "志愿者栽下银杏树苗")
    second = run_mkdocs(root, "build", "--strict", "-v")
    assert second.returncode == 0 and cut(second) > 0 and by_table(second) == 0 and table.is_file()

    retitle(root, "桂花飘香时节的义务植树")
    third = run_mkdocs(root, "build", "--strict", "-v")
    assert third.returncode == 0 and cut(third) > 0 and by_table(third) == cut(third), third.stderr[-1500:]
    lazy = index(root)

    monkeypatch.setenv("WENMING_SEGMENT_CACHE", "0")  # jieba with its whole dictionary, no cache
    assert run_mkdocs(root, "build", "--strict").returncode == 0
    assert index(root) == lazy


def test_a_broken_word_table_is_not_used_and_made_again(site, monkeypatch):
    """A restored .cache with a word table that is cut short or not a table at all: the build
    succeeds with jieba's whole dictionary, writes the table again, and indexes as jieba does."""
    root = site()
    table = root / ".cache/search/words-v1.sqlite"
    assert run_mkdocs(root, "build", "--strict").returncode == 0
    retitle(root, "志愿者栽下银杏树苗")
    assert run_mkdocs(root, "build", "--strict").returncode == 0 and table.is_file()
    good = table.read_bytes()
    for step, broken in enumerate([good[: len(good) // 3], b"not a table", good[:100] + b"\0" * (len(good) - 100)]):
        table.write_bytes(broken)
        retitle(root, f"桂花飘香时节的义务植树{'甲乙丙'[step]}")
        result = run_mkdocs(root, "build", "--strict", "-v")
        assert result.returncode == 0 and cut(result) > 0 and by_table(result) == 0, result.stderr[-1500:]
        assert table.read_bytes() != broken
        kept = index(root)
        monkeypatch.setenv("WENMING_SEGMENT_CACHE", "0")
        assert run_mkdocs(root, "build", "--strict").returncode == 0 and index(root) == kept
        monkeypatch.delenv("WENMING_SEGMENT_CACHE")


def test_a_forged_word_table_stops_being_used_at_the_forged_frequency(site, monkeypatch):
    """A restored word table changed with its digest beside it made again (so that it opens):
    a frequency no dictionary has (negative) is found when the edit's text looks the word up,
    after the table segmented what came before; the build succeeds, segments the rest with
    jieba's whole dictionary, indexes as jieba does, and writes the table anew."""
    import sqlite3

    from wenmingsite.pages import wordtable

    root = site()
    table = root / ".cache/search/words-v1.sqlite"
    assert run_mkdocs(root, "build", "--strict").returncode == 0
    retitle(root, "志愿者栽下银杏树苗")
    assert run_mkdocs(root, "build", "--strict").returncode == 0 and table.is_file()
    conn = sqlite3.connect(table)
    conn.execute("UPDATE words SET freq = -5000 WHERE word = '植树'")
    conn.commit()
    conn.close()
    wordtable.digest_path(table).write_text(wordtable.file_sha256(table), encoding="ascii")
    forged = table.read_bytes()

    retitle(root, "桂花飘香时节，义务植树")  # two runs: the first segmented with the table
    result = run_mkdocs(root, "build", "--strict", "-v")
    assert result.returncode == 0 and cut(result) > by_table(result) > 0, result.stderr[-1500:]
    assert table.read_bytes() != forged
    kept = index(root)
    monkeypatch.setenv("WENMING_SEGMENT_CACHE", "0")
    assert run_mkdocs(root, "build", "--strict").returncode == 0 and index(root) == kept


def test_new_text_is_appended_to_the_log_and_odd_log_lines_are_not_used(site, monkeypatch):
    """After an edit, the segmentation of its new text is appended to segments.jsonl (the 5 MB
    segments.json of a large unit is not written again); the next build uses it and jieba cuts
    nothing. A restored log is untrusted input: a line whose text is not the text it is kept
    for, a line of another shape and a last line cut short are passed over, and the index is
    still jieba's."""
    monkeypatch.setenv("WENMING_BUILD_CACHE", "0")
    root = site()
    assert run_mkdocs(root, "build", "--strict").returncode == 0
    stored = root / ".cache/search/segments.json"
    log = root / ".cache/search/segments.jsonl"
    entries = root / ".cache/search/entries.json"  # whole pages' entries would spare segmentation
    before = stored.read_bytes()
    retitle(root, "志愿者栽下银杏树苗")
    edited = run_mkdocs(root, "build", "--strict", "-v")
    assert edited.returncode == 0 and cut(edited) > 0, edited.stderr[-1500:]
    assert stored.read_bytes() == before and log.is_file()
    kept = index(root)

    entries.unlink()
    again = run_mkdocs(root, "build", "--strict", "-v")
    assert again.returncode == 0 and cut(again) == 0 and index(root) == kept, again.stderr[-1500:]

    line = json.loads(log.read_text(encoding="utf-8").splitlines()[0])
    forged = {**line, "entries": dict.fromkeys(line["entries"], "联系人\u200b13812348000")}
    odd = {**line, "entries": dict.fromkeys(line["entries"], 1)}
    torn = json.dumps(line, ensure_ascii=False)[:-10]
    log.write_text(f"{json.dumps(forged)}\n{json.dumps(odd)}\n{torn}", encoding="utf-8")
    entries.unlink()
    result = run_mkdocs(root, "build", "--strict", "-v")
    assert result.returncode == 0 and cut(result) > 0 and index(root) == kept, result.stderr[-1500:]
    monkeypatch.setenv("WENMING_SEGMENT_CACHE", "0")
    assert run_mkdocs(root, "build", "--strict").returncode == 0 and index(root) == kept
