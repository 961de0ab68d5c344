"""The site search's index as visitors download it: UTF-8, and in parts.

Material's search plugin writes ``search/search_index.json`` with every page's text, every
Chinese character as a ``\\uXXXX`` escape (twice its UTF-8 size). A visitor's browser fetches
it only once the search box is used (``shipped`` makes the theme wait for that), but a deploy
sends the whole file again after any edit: at 1,000 activities it was 87 % of the bytes a
one-activity deploy sent. So, after the build, the index is written as

- ``search/search_index.json``: the search settings and the names of the parts, no pages
  (``{"config": {..., "parts": ["search/part-00.json", ...]}, "docs": []}``), and
- ``search/part-NN.json``: the entries of the pages whose address hashes to that part, in
  the order the theme wrote them (a page's sections stay together, after the page),

each as UTF-8 JSON. A page stays in its part from build to build, so an edit to one page
changes one part; the number of parts is a power of two that grows with the index (about
128 KiB a part, at most 64 parts), and changes (moving pages between parts) only when the index
doubles.
The search worker (``shipped``) fetches every part and hands the theme's search the pages as
one list: what visitors search and see is the index as the theme wrote it.

This module imports no MkDocs: the plugin calls :func:`split` on the finished site folder.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import re
import tempfile
from pathlib import Path

INDEX = "search/search_index.json"
PART = "search/part-{:02d}.json"
PART_NAME = re.compile(r"part-\d+\.json")
# The size a part aims at, in UTF-8. Fewer, larger parts gzip better for the first search
# (each part starts its compression afresh); smaller ones make the deploy after an edit
# smaller (bench/search_bytes.py, bench/results/search.md). At 1,000 activities, parts of
# 256, 128, 64 and 32 KiB gzip to 152, 169, 203 and 266 KB in all, while one part (what an
# edit sends again) is about 212, 103, 53 and 27 KB: 128 KiB keeps the first search (the
# parts and 15 KB of scripts) under 200 KB and halves what an edit sends. Each part adds
# about 1 KB of gzip to the first search, so their number stops at MAX_PARTS: at 3,000
# activities 128 parts would make the first search 522 KB instead of 452 KB (64 parts) to
# save 86 KB of a 5.8 MB deploy; larger indexes get larger parts.
PART_BYTES = 128 * 1024
MAX_PARTS = 64


def _page(location: str) -> str:
    return location.split("#", 1)[0]


def _dumps(value) -> bytes:
    # default=str as the theme's own dump: a value it would write as text is the same text here
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str).encode("utf-8")


def part_count(size: int) -> int:
    """Parts for an index of ``size`` bytes: a power of two, about PART_BYTES each, at most
    MAX_PARTS."""
    return min(MAX_PARTS, 1 << max(0, math.ceil(math.log2(max(1, math.ceil(size / PART_BYTES))))))


def plan(config: dict, docs: list) -> tuple[bytes, dict[str, bytes]]:
    """The index file and the parts (by path relative to site/) of the theme's index
    ``{"config": config, "docs": docs}``."""
    # Each entry is dumped once: a list's JSON (no spaces) is its entries' JSON joined by commas
    # in brackets, so the index's size and every part are made of these bytes.
    pages: dict[str, list[bytes]] = {}
    size = 1
    for doc in docs:
        data = _dumps(doc)
        size += len(data) + 1
        pages.setdefault(_page(doc.get("location", "")), []).append(data)
    count = part_count(max(2, size))
    buckets: list[list[bytes]] = [[] for _ in range(count)]
    for page, entries in pages.items():
        digest = hashlib.blake2b(page.encode("utf-8"), digest_size=8).digest()
        buckets[int.from_bytes(digest, "big") % count].extend(entries)
    parts = {PART.format(i): b"[" + b",".join(bucket) + b"]" for i, bucket in enumerate(buckets) if bucket}
    return _dumps({"config": {**config, "parts": list(parts)}, "docs": []}), parts


class Planned:
    """The theme's search index split as it is made, not read back from the file the theme
    writes: the theme's ``SearchIndex.generate_search_index`` (Material 9, which returns the
    JSON text its plugin writes) is wrapped so that it returns the small index file and keeps
    the parts for :func:`split` to write. The same bytes as splitting the written index (each
    entry dumped as the theme dumps it, read back and dumped again gives the same text), without
    the theme dumping every page's text as ``\\uXXXX`` escapes and this module parsing them."""

    def __init__(self) -> None:
        self.index: bytes | None = None
        self.parts: dict[str, bytes] = {}

    def wrap(self, search_index) -> None:
        make = getattr(search_index, "generate_search_index", None)
        if make is None or getattr(make, "wenming_planned", None) is self:
            return

        def generate_search_index(prev):
            self.index, self.parts = None, {}
            if prev:  # `mkdocs serve --dirty`: the theme merges the previous index; split() reads it
                return make(prev)
            entries = search_index.entries
            search_index.entries = []
            try:  # the theme's own settings, as it writes them
                head = json.loads(make(prev))
            finally:
                search_index.entries = entries
            if not (isinstance(head, dict) and isinstance(head.get("config"), dict) and head.get("docs") == []):
                return make(prev)
            self.index, self.parts = plan(head["config"], entries)
            return self.index.decode("utf-8")

        generate_search_index.wenming_planned = self  # type: ignore[attr-defined]
        search_index.generate_search_index = generate_search_index


def split(site_dir: str | os.PathLike, planned: Planned | None = None) -> list[str]:
    """Rewrite the theme's search index in ``site_dir`` as described above; the paths
    (relative to site/) written. Nothing when there is no index or it is split already.
    ``planned``: the parts made as the theme wrote its index (used when the index file is the
    one planned)."""
    site = Path(site_dir)
    path = site / INDEX
    if not path.is_file():
        return []  # a site without the theme's search
    data = path.read_bytes()
    if planned is not None and planned.index is not None and data == planned.index:
        index, parts = planned.index, planned.parts
        planned.index, planned.parts = None, {}
    else:
        loaded = json.loads(data)
        config, docs = loaded.get("config", {}), loaded.get("docs", [])
        if "parts" in config:
            return []
        index, parts = plan(config, docs)
    for old in path.parent.iterdir():  # parts of an earlier build in the same folder (serve)
        if PART_NAME.fullmatch(old.name) and f"search/{old.name}" not in parts:
            old.unlink()
    for name, part in parts.items():
        _write(site / name, part)
    _write(path, index)
    return [*parts, INDEX]


def read(site_dir: str | os.PathLike) -> dict:
    """The whole index of a built site, as the search worker puts it together:
    ``{"config": ..., "docs": [...]}`` (for tests and tools)."""
    site = Path(site_dir)
    index = json.loads((site / INDEX).read_bytes())
    config = dict(index.get("config", {}))
    docs = list(index.get("docs", []))
    for name in config.pop("parts", []):
        docs += json.loads((site / name).read_bytes())
    return {"config": config, "docs": docs}


def _write(path: Path, data: bytes) -> None:
    """Replace the file, never write into it (an interrupted build leaves no half file); a
    file that holds ``data`` already (the preview keeps its folder) is left as it is."""
    try:
        if path.stat().st_size == len(data) and path.read_bytes() == data:
            return
    except OSError:
        pass
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, 0o644)  # mkstemp makes it private; a web server must still read it
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise
