"""jieba's word frequencies read from the table in .cache (wenmingsite.pages.wordtable) segment
every text exactly as jieba with its whole dictionary does; a table that is not exactly the one
written from the dictionary is not used."""

from __future__ import annotations

import importlib.metadata
import random
import shutil
import sqlite3
import sys
from pathlib import Path

import jieba
import pytest
from conftest import REPO, TODAY, copy_demo

from wenmingsite import search_words
from wenmingsite.pages import wordtable
from wenmingsite.pages.segments import HAN, ZWSP
from wenmingsite.site import Site

sys.path.insert(0, str(REPO / "bench"))
from generate import generate  # noqa: E402

VERSION = importlib.metadata.version("jieba")


@pytest.fixture(scope="module")
def table(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("wordtable")
    assert wordtable.write_for(folder)
    return folder


def runs(texts) -> list[str]:
    found: dict[str, None] = {}
    for text in texts:
        for i, piece in enumerate(HAN.split(text)):
            if i % 2:
                found.setdefault(piece)
    return list(found)


def lazy_tokenizer(folder: Path, words: list[str]) -> wordtable.LazyDictionary:
    tokenizer = jieba.Tokenizer()
    conn, total = wordtable.open_table(wordtable.table_path(folder), wordtable.dictionary_bytes(tokenizer), VERSION)
    return wordtable.LazyDictionary(tokenizer, conn, total, words, budget=10**9)


def test_the_table_segments_every_text_as_the_whole_dictionary_does(table, tmp_path):
    """Every run of Chinese characters of the demo (its pages and data) and of a generated unit,
    and made-up runs (the unit's own words run together, characters shuffled), segmented as
    Material's search does (jieba.cut, HMM on) with the unit's words added: the same words."""
    demo = copy_demo(tmp_path)
    site = Site(demo, today=TODAY)
    site.load(with_links=False, clean_assets=False)
    words = search_words(site.content)
    assert len(words) > 30
    files = [
        p for folder in ("docs", "data") for p in sorted((demo / folder).rglob("*")) if p.suffix in (".md", ".yml")
    ]
    generated = generate(tmp_path / "generated", 120)
    files += sorted((generated / "docs/activities").rglob("*.md"))
    corpus = runs(p.read_text(encoding="utf-8") for p in files)
    rng = random.Random(29)
    chars = "".join(corpus)
    corpus += ["".join(rng.sample(words, 6)) for _ in range(200)]
    corpus += ["".join(rng.choice(chars) for _ in range(rng.randint(2, 40))) for _ in range(500)]
    corpus += ["王桂兰在桃源村志愿服务站讲解垃圾分类", "𠀀𠀁中文", "一" * 300]
    assert len(corpus) > 2500

    whole = jieba.Tokenizer()
    whole.tmp_dir = str(tmp_path)
    for word in words:  # as SegmentCache._teach does
        whole.add_word(word)
    lazy = lazy_tokenizer(table, words)
    tokenizer = lazy.tokenizer

    differ = []
    for run in corpus:
        got = lazy.segment(run, lambda text: ZWSP.join(tokenizer.cut(text.encode("utf-8"))))
        if got != ZWSP.join(whole.cut(run.encode("utf-8"))):
            differ.append(run)
    assert not differ, differ[:5]
    assert lazy.queries > 10_000 and not tokenizer.initialized and tokenizer.FREQ == {}
    # The table's total after the words, as the whole dictionary's (jieba's log(total) weighs every word).
    assert lazy.total == whole.total


def test_more_text_than_the_budget_allows_is_left_to_the_whole_dictionary(table):
    lazy = lazy_tokenizer(table, [])
    lazy.freq.budget = 50
    tokenizer = lazy.tokenizer
    assert lazy.segment("志愿服务", lambda text: ZWSP.join(tokenizer.cut(text))) == "志愿\u200b服务"
    with pytest.raises(wordtable.TableUnusable):
        lazy.segment("技术人员结合病虫害绿色防控的实际问题开展工作", lambda text: ZWSP.join(tokenizer.cut(text)))
    assert not tokenizer.initialized and tokenizer.FREQ == {}  # left as it was found


def changed(table: Path, tmp_path: Path, *statements: str, digest: bool = False) -> Path:
    """A copy of the table (and of the digest written beside it) changed by ``statements``;
    ``digest``: the digest made again for the changed file, as one forging it would."""
    folder = tmp_path / "changed"
    folder.mkdir()
    path = wordtable.table_path(folder)
    shutil.copy(wordtable.table_path(table), path)
    shutil.copy(wordtable.digest_path(wordtable.table_path(table)), wordtable.digest_path(path))
    conn = sqlite3.connect(path)
    for sql in statements:
        conn.execute(sql)
    conn.commit()
    conn.close()
    if digest:
        wordtable.digest_path(path).write_text(wordtable.file_sha256(path), encoding="ascii")
    return path


@pytest.mark.parametrize(
    "statements",
    [
        ["UPDATE words SET freq = freq + 1 WHERE word = '服务'"],  # a frequency changed
        ["DELETE FROM words WHERE word = '志愿'"],  # a word left out
        ["INSERT INTO words VALUES ('联系人13812348000', 100000)"],  # a word put in
        ["UPDATE words SET freq = 'x' WHERE word = '服务'"],  # not a number
        ["UPDATE meta SET value = '2' WHERE key = 'format'"],
        ["UPDATE meta SET value = '0.1' WHERE key = 'jieba'"],
        ["UPDATE meta SET value = '1' WHERE key = 'total'"],
        ["DELETE FROM meta WHERE key = 'rows'"],
        ["CREATE VIEW other AS SELECT 1"],  # anything beside the two tables
        ["CREATE TRIGGER t AFTER INSERT ON meta BEGIN DELETE FROM words; END"],
        ["DROP TABLE words", "CREATE TABLE words (word TEXT, freq INTEGER)"],  # another shape
    ],
)
def test_a_changed_table_is_not_used(table, tmp_path, statements):
    path = changed(table, tmp_path, *statements)
    with pytest.raises(wordtable.TableUnusable) as raised:
        wordtable.open_table(path, wordtable.dictionary_bytes(jieba.dt), VERSION)
    assert raised.value.rebuild


@pytest.mark.parametrize(
    "statements",
    [
        ["UPDATE meta SET value = '2' WHERE key = 'format'"],
        ["UPDATE meta SET value = '0.1' WHERE key = 'jieba'"],
        ["UPDATE meta SET value = '1' WHERE key = 'total'"],  # less than the sum of frequencies
        ["DELETE FROM meta WHERE key = 'rows'"],
        ["UPDATE meta SET value = 'many' WHERE key = 'rows'"],
        ["INSERT INTO meta VALUES ('more', '1')"],
        ["CREATE VIEW other AS SELECT 1"],
        ["CREATE TRIGGER t AFTER INSERT ON meta BEGIN DELETE FROM words; END"],
        ["DROP TABLE words", "CREATE TABLE words (word TEXT, freq INTEGER)"],
    ],
)
def test_a_table_changed_with_its_digest_is_still_checked_on_opening(table, tmp_path, statements):
    """The digest beside the table made again for the changed file: its schema and meta are
    still checked, so a table of another format, jieba or shape is not used."""
    path = changed(table, tmp_path, *statements, digest=True)
    with pytest.raises(wordtable.TableUnusable) as raised:
        wordtable.open_table(path, wordtable.dictionary_bytes(jieba.dt), VERSION)
    assert raised.value.rebuild


@pytest.mark.parametrize("digest", [None, "", "0" * 64, "不是摘要", "A" * 64])
def test_a_table_without_its_own_digest_is_not_used(table, tmp_path, digest):
    """The table as written, its digest missing, of another shape or of other bytes."""
    path = changed(table, tmp_path)
    if digest is None:
        wordtable.digest_path(path).unlink()
    else:
        wordtable.digest_path(path).write_text(digest, encoding="utf-8")
    with pytest.raises(wordtable.TableUnusable) as raised:
        wordtable.open_table(path, wordtable.dictionary_bytes(jieba.dt), VERSION)
    assert raised.value.rebuild


def test_a_table_forged_with_its_meta_and_digest_of_nought_frequencies_is_not_used(table, tmp_path):
    """Rows, meta (the sum, the row count, the total recomputed) and digest changed together,
    every frequency nought, so the total would be too: refused on opening (jieba divides by it)."""
    path = changed(table, tmp_path, "UPDATE words SET freq = 0")
    conn = sqlite3.connect(path)
    count, freq_sum = conn.execute("SELECT count(*), coalesce(sum(freq), 0) FROM words").fetchone()
    conn.execute("UPDATE meta SET value = ? WHERE key = 'rows'", (str(count),))
    conn.execute("UPDATE meta SET value = ? WHERE key = 'freq_sum'", (str(freq_sum),))
    conn.execute("UPDATE meta SET value = ? WHERE key = 'total'", (str(freq_sum),))
    conn.commit()
    conn.close()
    wordtable.digest_path(path).write_text(wordtable.file_sha256(path), encoding="ascii")
    with pytest.raises(wordtable.TableUnusable):
        wordtable.open_table(path, wordtable.dictionary_bytes(jieba.dt), VERSION)


@pytest.mark.parametrize(
    "value",
    ["-5000", "total + 1", "1e9", "2.5", "'三百'", "x'00'"],  # negative, over the total, not a count
)
def test_a_frequency_no_dictionary_has_ends_the_tables_use_when_it_is_read(table, tmp_path, value):
    """A table forged with its digest (so it opens): the frequency of 服务 is one no dictionary
    has (jieba would take its logarithm). Text without the word segments from the table; the
    lookup that reads it ends the table's use, leaves jieba as it was found, and asks for the
    table to be made again; jieba's whole dictionary then segments the text as it always does."""
    value = value.replace("total", "(SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'total')")
    path = changed(table, tmp_path, f"UPDATE words SET freq = {value} WHERE word = '服务'", digest=True)
    tokenizer = jieba.Tokenizer()
    conn, total = wordtable.open_table(path, wordtable.dictionary_bytes(tokenizer), VERSION)
    lazy = wordtable.LazyDictionary(tokenizer, conn, total, [], budget=10**9)
    assert lazy.segment("植树造林", lambda text: ZWSP.join(tokenizer.cut(text))) == "植树造林"
    with pytest.raises(wordtable.TableUnusable) as raised:
        lazy.segment("志愿服务", lambda text: ZWSP.join(tokenizer.cut(text)))
    assert raised.value.rebuild and "not a frequency: '服务'" in str(raised.value)
    assert not tokenizer.initialized and tokenizer.FREQ == {}
    whole = jieba.Tokenizer()
    assert ZWSP.join(whole.cut("志愿服务")) == "志愿\u200b服务"


def test_a_segmentation_the_table_cannot_do_is_left_to_the_whole_dictionary(table):
    """jieba's arithmetic failing over the table (here: a total of nought) is the table
    being unusable, not an error of the build."""
    lazy = lazy_tokenizer(table, [])
    lazy.total = 0
    tokenizer = lazy.tokenizer
    with pytest.raises(wordtable.TableUnusable):
        lazy.segment("志愿服务", lambda text: ZWSP.join(tokenizer.cut(text)))
    assert not tokenizer.initialized and tokenizer.FREQ == {}


def test_a_table_of_another_dictionary_or_no_table_is_not_used(table, tmp_path):
    path = wordtable.table_path(table)
    data = wordtable.dictionary_bytes(jieba.dt)
    for args in [(path, data + "银杏 3 n\n".encode(), VERSION), (path, data, "0.41")]:
        with pytest.raises(wordtable.TableUnusable):
            wordtable.open_table(*args)
    broken = tmp_path / "broken.sqlite"
    for content in [b"", b"SQLite format 3\x00" + b"\xff" * 5000, path.read_bytes()[:200_000], b"{}"]:
        broken.write_bytes(content)
        with pytest.raises(wordtable.TableUnusable):
            wordtable.open_table(broken, data, VERSION)
    with pytest.raises(wordtable.TableUnusable):
        wordtable.open_table(tmp_path / "none.sqlite", data, VERSION)


def test_a_dictionary_jieba_cannot_read_makes_no_table(tmp_path):
    """A unit's own dictionary with a line jieba refuses: no table (the build goes on; jieba
    itself reports the line when it loads the dictionary), nothing left in the folder."""
    path = tmp_path / "words.sqlite"
    assert not wordtable.write_table(path, "志愿服务 三百\n".encode(), VERSION)
    assert list(tmp_path.iterdir()) == []
    assert wordtable.write_table(path, "志愿服务 300 n\n志愿 20 n\n".encode(), VERSION)
    conn, total = wordtable.open_table(path, "志愿服务 300 n\n志愿 20 n\n".encode(), VERSION)
    assert total == 320 and dict(conn.execute("SELECT word, freq FROM words")) == {
        "志": 0,
        "志愿": 20,
        "志愿服": 0,
        "志愿服务": 300,
    }
