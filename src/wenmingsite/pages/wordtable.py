"""jieba's word frequencies as a table on disk, for segmenting a little new text quickly.

jieba segments with its prefix dictionary (``Tokenizer.FREQ``: every word of its dict.txt
with its frequency, every prefix of a word with 0) and the dictionary's total. Loading it
(``jieba.initialize``, a marshal file of some 500,000 entries) costs about half a second of
CPU, which a build after one edited title paid to segment a handful of new characters.

Segmenting a short run asks FREQ about a few dozen strings. So the same prefix dictionary,
made by jieba's own ``gen_pfdict`` from the very bytes of the dictionary file jieba would
load, is kept as an sqlite table in .cache (plain data), and :class:`LazyDictionary` answers
those questions from it: jieba's own code runs unchanged over a mapping that looks words up
in the table (``add_word``'s writes stay in memory), so the result is jieba's, exactly.
A build that has more to segment than a few pages switches to the full dictionary, loaded as
before (``QUERY_BUDGET``); the two give the same words, so switching at any point is safe.

A restored .cache is untrusted input: the table is used only if the file's SHA-256 is the one
written beside it when the table was made (``words-v1.sha256``: any byte changed, a row added,
removed or altered, and the table is not used), its schema is exactly the one written here and
its meta rows agree (format version, jieba's version, the SHA-256 of the dictionary file, a
total of at least the sum of frequencies); anything else, or any sqlite error while reading it,
and the build uses the full dictionary (and writes the table anew at its end). It is read as
data only (a read-only connection, ``trusted_schema`` off, no view or trigger allowed). Opening
reads the file once to hash it (a few milliseconds), not every row through sqlite: each
frequency is checked as it is read instead (an integer from 0 to the table's total, the only
values jieba's arithmetic takes from a dictionary); one that is not stops the table's use at that
lookup, and what is left to segment goes to the whole dictionary (the same words). A table forged
with care (rows, meta and digest changed together) can only move where words are cut in the
search index: jieba's words are always pieces of the text it was given.
"""

from __future__ import annotations

import hashlib
import io
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

from wenmingsite.gate import images

VERSION = 1
# Table lookups after which a build loads jieba's whole dictionary instead: segmenting with
# the table costs 5-10 µs of CPU a lookup (the query and jieba's own work), loading the whole
# dictionary 0.5-0.7 s, so the two meet at 50,000-90,000 lookups (bench/segment_lookup.py,
# bench/results/segment_lookup.md); about 1,000 lookups segment 1,000 characters of new text.
QUERY_BUDGET = 40_000
MAX_BYTES = 64 * 1024 * 1024  # a table several times the size of jieba's: not ours

SCHEMA = (
    ("table", "meta", "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID"),
    ("table", "words", "CREATE TABLE words (word TEXT PRIMARY KEY, freq INTEGER NOT NULL) WITHOUT ROWID"),
)


class TableUnusable(Exception):
    """The table cannot answer (missing, forged, corrupt, over budget): use the full dictionary.
    ``rebuild``: the table itself is missing or wrong (write it anew)."""

    def __init__(self, why: str, rebuild: bool = False):
        super().__init__(why)
        self.rebuild = rebuild


def table_path(folder: Path) -> Path:
    return folder / f"words-v{VERSION}.sqlite"


def digest_path(path: Path) -> Path:
    """Where the SHA-256 of the table file at ``path`` is kept (written after the table)."""
    return path.with_suffix(".sha256")


def file_sha256(path: Path) -> str:
    with open(path, "rb") as fh:
        return hashlib.file_digest(fh, "sha256").hexdigest()


def _stored_digest(path: Path) -> str | None:
    """The digest written beside the table, if it has the shape of one."""
    try:
        text = digest_path(path).read_text(encoding="ascii")
    except (OSError, ValueError):
        return None
    return text if len(text) == 64 and all(c in "0123456789abcdef" for c in text) else None


def dictionary_bytes(tokenizer) -> bytes:
    """The bytes of the dictionary file ``tokenizer`` loads (jieba's own or a unit's)."""
    with tokenizer.get_dict_file() as f:
        return f.read()


def _meta(data: bytes, version: str, count: int, freq_sum: int, total: int) -> dict[str, str]:
    return {
        "format": str(VERSION),
        "jieba": version,
        "dictionary_sha256": hashlib.sha256(data).hexdigest(),
        "rows": str(count),
        "freq_sum": str(freq_sum),
        "total": str(total),
    }


def write_table(path: Path, data: bytes, version: str) -> bool:
    """Make the table from the dictionary file's bytes with jieba's own ``gen_pfdict``;
    written to a temporary file and renamed. False (and nothing written) if it cannot be."""
    import jieba

    try:
        freq, total = jieba.Tokenizer.gen_pfdict(io.BytesIO(data))
    except ValueError:  # a line jieba cannot read (a unit's own dictionary): no table
        return False
    meta = _meta(data, version, len(freq), sum(freq.values()), total)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.unlink(missing_ok=True)
        conn = sqlite3.connect(tmp)
        try:
            conn.execute("PRAGMA journal_mode=OFF")
            conn.execute("PRAGMA synchronous=OFF")
            for _, _, sql in SCHEMA:
                conn.execute(sql)
            conn.executemany("INSERT INTO meta VALUES (?, ?)", sorted(meta.items()))
            conn.executemany("INSERT INTO words VALUES (?, ?)", sorted(freq.items()))
            conn.commit()
        finally:
            conn.close()
        digest = file_sha256(tmp)
        os.replace(tmp, path)
        # After the table: a build stopped between the two finds a digest that does not match.
        if not images.write_cache(digest_path(path), digest.encode("ascii")):
            return False
    except (OSError, sqlite3.Error):
        tmp.unlink(missing_ok=True)
        return False
    return True


def open_table(path: Path, data: bytes, version: str) -> tuple[sqlite3.Connection, int]:
    """A read-only connection to a table that passes every check, and jieba's total.
    Raises :class:`TableUnusable` otherwise. The rows themselves are checked as they are read
    (:class:`TableFreq`)."""
    try:
        if not path.is_file() or path.stat().st_size > MAX_BYTES:
            raise TableUnusable("no table", rebuild=True)
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
    except (OSError, ValueError, sqlite3.Error) as exc:
        raise TableUnusable(str(exc), rebuild=True) from None
    try:
        # Nothing writes into a table (each is made under a temporary name and renamed into
        # place, at the end of a build), so the bytes hashed here are the ones sqlite reads.
        if (expected := _stored_digest(path)) is None or file_sha256(path) != expected:
            raise TableUnusable("not the table that was written, or changed since")
        conn.execute("PRAGMA trusted_schema=OFF")
        schema = tuple(conn.execute("SELECT type, name, sql FROM sqlite_master ORDER BY name"))
        if schema != tuple(sorted(SCHEMA, key=lambda s: s[1])):
            raise TableUnusable("another schema")
        meta = dict(conn.execute("SELECT key, value FROM meta"))
        rows, freq_sum, total = (meta.get(k, "") for k in ("rows", "freq_sum", "total"))
        # jieba's total adds every line of the dictionary (a word listed twice counts twice):
        # never less than the table's sum.
        if (
            not (rows.isdigit() and freq_sum.isdigit() and total.isdigit())
            or int(total) < max(int(freq_sum), 1)
            or meta != _meta(data, version, int(rows), int(freq_sum), int(total))
        ):
            raise TableUnusable("made from another dictionary, or changed")
    except (OSError, sqlite3.Error, TableUnusable) as exc:
        conn.close()
        raise TableUnusable(str(exc), rebuild=True) from None
    return conn, int(total)


def jieba_version() -> str:
    import importlib.metadata

    try:
        return importlib.metadata.version("jieba")
    except importlib.metadata.PackageNotFoundError:  # pragma: no cover - jieba from a plain folder
        return "?"


def write_for(folder: Path) -> bool:
    """Write the table of the dictionary jieba's default tokenizer loads into ``folder``."""
    import jieba

    try:
        data = dictionary_bytes(jieba.dt)
    except OSError:
        return False
    return write_table(table_path(folder), data, jieba_version())


class TableFreq:
    """What jieba's ``Tokenizer`` does with FREQ (``in``, ``[]``, ``get``, and ``add_word``'s
    ``[]=``), answered from the table; every answer (absent ones too) is kept in memory. A
    frequency is a count no greater than the table's total (``limit``), as every dictionary's
    is: anything else read from the table ends its use (jieba would take its logarithm)."""

    def __init__(self, conn: sqlite3.Connection, budget: int, limit: int):
        self.conn = conn
        self.limit = limit
        self.known: dict[str, int | None] = {}
        self.queries = 0
        self.budget = budget

    def _look(self, word: str) -> int | None:
        try:
            return self.known[word]
        except KeyError:
            pass
        self.queries += 1
        if self.queries > self.budget:
            raise TableUnusable("over budget")
        try:
            row = self.conn.execute("SELECT freq FROM words WHERE word = ?", (word,)).fetchone()
        except sqlite3.Error as exc:  # a table that broke after its checks
            raise TableUnusable(str(exc), rebuild=True) from None
        value = row[0] if row is not None else None
        if value is not None and not (type(value) is int and 0 <= value <= self.limit):
            raise TableUnusable(f"not a frequency: {word!r} {value!r}", rebuild=True)
        self.known[word] = value
        return value

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self._look(word) is not None

    def __getitem__(self, word: str) -> int:
        value = self._look(word)
        if value is None:
            raise KeyError(word)
        return value

    def get(self, word: str, default: Any = None) -> Any:
        value = self._look(word)
        return default if value is None else value

    def __setitem__(self, word: str, value: int) -> None:
        self.known[word] = value


class LazyDictionary:
    """jieba's default tokenizer answering from the table while :meth:`segment` runs, and left
    as it was found (not initialised) in between. :meth:`segment` raises
    :class:`TableUnusable` when the table cannot answer; nothing of the attempt remains."""

    def __init__(self, tokenizer, conn: sqlite3.Connection, total: int, words: list[str], budget: int):
        self.tokenizer = tokenizer
        self.freq = TableFreq(conn, budget, total)
        self.total = total
        self.words = words
        self.taught = False

    @classmethod
    def open(cls, folder: Path, words: list[str], budget: int = QUERY_BUDGET) -> LazyDictionary:
        import jieba

        tokenizer = jieba.dt
        try:
            data = dictionary_bytes(tokenizer)
        except OSError as exc:  # a unit's own dictionary that is not there: jieba says so
            raise TableUnusable(str(exc)) from None
        conn, total = open_table(table_path(folder), data, jieba_version())
        if tokenizer.initialized:  # loaded already (a user dictionary, the sensitive check)
            conn.close()
            raise TableUnusable("the dictionary is loaded already")
        return cls(tokenizer, conn, total, words, budget)

    def segment(self, text: str, segment: Callable[[str], str]) -> str:
        t = self.tokenizer
        if t.initialized:  # someone loaded the whole dictionary meanwhile: it answers alike
            raise TableUnusable("the dictionary is loaded already")
        saved = t.FREQ, t.total
        t.FREQ, t.total, t.initialized = self.freq, self.total, True
        try:
            if not self.taught:
                for word in self.words:  # as SegmentCache._teach does with the full dictionary
                    t.add_word(word)
                self.taught = True
            result = segment(text)
            self.total = t.total
            return result
        except TableUnusable:
            self.close()
            raise
        except (ValueError, ArithmeticError) as exc:  # jieba's arithmetic over a table it cannot use
            self.close()
            raise TableUnusable(f"jieba: {exc!r}") from None
        finally:
            t.FREQ, t.total = saved
            t.initialized = False

    @property
    def queries(self) -> int:
        return self.freq.queries

    def close(self) -> None:
        self.freq.conn.close()
