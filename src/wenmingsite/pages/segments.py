"""A persistent cache of Chinese word segmentation for the search index.

Material's search plugin runs jieba over every title and section on every build, about
half of a build's time. Segmentation is a pure function of the text and of jieba's
dictionary, so results are kept by a hash of the text in a cache beside mkdocs.yml, salted
with what changes the output (jieba's version, our added words, this module's version).
Jieba itself (0.7 s to load its dictionary) is only started when some text is not cached.
"""

from __future__ import annotations

import hashlib
import json
import logging
import marshal
import os
import sys
from collections.abc import Callable
from pathlib import Path

VERSION = 1


class SegmentCache:
    def __init__(self, folder: Path):
        self.path = folder / "segments.marshal"
        self.salt = ""
        self.entries: dict[str, str] = {}
        self.used: set[str] = set()
        self.words: list[str] = []
        self.words_taught = False
        self.dirty = False
        self.hits = self.misses = 0
        self.journal: list[str] = []  # keys in the order they were asked for (see pagecache)

    def configure(self, words: list[str]) -> None:
        """Set the words jieba must keep whole; (re)load the entries made with them."""
        import importlib.metadata

        try:
            jieba_version = importlib.metadata.version("jieba")
        except importlib.metadata.PackageNotFoundError:  # pragma: no cover
            jieba_version = "?"
        salt = hashlib.sha1(
            json.dumps([VERSION, jieba_version, sys.version_info[:2], words], ensure_ascii=False).encode()
        ).hexdigest()
        self.words = words
        self.used = set()
        self.hits = self.misses = 0
        self.journal = []
        if salt == self.salt:
            return  # same settings as the previous build of this process (mkdocs serve)
        self.salt = salt
        self.words_taught = False
        self.entries = {}
        try:
            with open(self.path, "rb") as fh:
                stored_salt, entries = marshal.load(fh)
            if stored_salt == salt:
                self.entries = entries
        except (OSError, EOFError, ValueError, TypeError):
            pass

    def _teach(self) -> None:
        import jieba

        for word in self.words:
            jieba.add_word(word)
        self.words_taught = True

    def wrap(self, segment: Callable[[str], str]) -> Callable[[str], str]:
        def cached(text: str) -> str:
            key = hashlib.blake2b(text.encode("utf-8"), digest_size=12).hexdigest()
            self.used.add(key)
            self.journal.append(key)
            hit = self.entries.get(key)
            if hit is not None:
                self.hits += 1
                return hit
            if not self.words_taught:
                self._teach()
            self.misses += 1
            result = segment(text)
            self.entries[key] = result
            self.dirty = True
            return result

        return cached

    def save(self) -> None:
        """Write the entries this build used (old ones are dropped), atomically."""
        if not self.dirty and len(self.used) == len(self.entries):
            return
        keep = {k: v for k, v in self.entries.items() if k in self.used}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
        with open(tmp, "wb") as fh:
            marshal.dump((self.salt, keep), fh)
        os.replace(tmp, self.path)
        self.entries = keep
        self.dirty = False


def keep_dictionary_in(folder: Path) -> None:
    """jieba's prepared dictionary (its own marshal file, 0.7 s to make from the word list)
    in ``folder`` instead of the system's temporary folder, so that a build machine that
    restores .cache (CI) does not make it again; named by jieba's version."""
    import importlib.metadata

    import jieba

    if jieba.dt.initialized:
        return
    try:
        version = importlib.metadata.version("jieba")
    except importlib.metadata.PackageNotFoundError:  # pragma: no cover
        version = "unknown"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for leftover in folder.glob("tmp*"):  # what a write jieba could not finish left (a full disk)
            leftover.unlink()
    except OSError:
        return  # jieba then uses the temporary folder, as before
    if not any(isinstance(f, _QuietDump) for f in jieba.default_logger.filters):
        jieba.default_logger.addFilter(_QuietDump())
    jieba.dt.tmp_dir = str(folder)
    if jieba.dt.dictionary == jieba.DEFAULT_DICT:  # a unit's own dictionary: jieba names its cache
        jieba.dt.cache_file = f"jieba-{version}.cache"


class _QuietDump(logging.Filter):
    """jieba's traceback when its dictionary cache cannot be written (a full disk): the build
    goes on with the dictionary in memory, so it is not an editor's concern."""

    def filter(self, record: logging.LogRecord) -> bool:
        return record.getMessage() != "Dump cache file failed."
