"""The load's checks of each text, kept across processes: a fresh build after one edit checks
only the texts that changed.

Publishing after an edit is a new process with ``.cache`` restored. Every page and data
file is read again (its records are made anew each build), but two checks of its text give
the same answer for the same text: placeholders and personal numbers
(``publication.scan_text``) and what the HTML allowlist will remove from a page's body
(``gate.markup_problems``). Their answers are kept in ``.cache/load/texts.json`` under a key
that hashes the check, the file's path, its exact text and everything else the check reads
(the unit's own phone numbers, the first line, the site's Markdown settings), salted with
this package's whole code (any module may decide an answer: a converter, a pattern, a
message) and the versions of the libraries the checks use. A problem
is kept with its text: it comes back as long as the text does, so that no problem vanishes
because an answer was cached; any edit of the text is a new key and a new check.

A restored ``.cache`` is untrusted input: the file is JSON, read only as data, each entry
checked for its shape (a list of ``[line, column, message]``), and an entry of another shape
is ignored (the text is checked again). The written site is read back by
``gate.outputs_scan`` whatever the cache says, so a forged answer cannot get a personal
number onto the site either. A cache that cannot be read or written only costs time.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import sys
from collections.abc import Callable
from importlib import metadata
from pathlib import Path

from wenmingsite.gate import images
from wenmingsite.loading.problems import Problem

VERSION = 1
FOLDER = Path(".cache") / "load"
FILE = "texts.json"
LIMIT = 100_000  # answers; a fuller cache starts again (it only saves time)
# The libraries the markup check converts with (this package's code salts every answer).
LIBRARIES = ("markdown", "pymdown-extensions", "nh3")
PACKAGE = Path(__file__).resolve().parent.parent


@functools.cache
def salt() -> str:
    return code_digest(VERSION, LIBRARIES)


def folder_fingerprint(folder: str | os.PathLike | None) -> str:
    """The names and contents of every file under ``folder`` (not times: a fresh checkout
    gives every file a new one)."""
    if not folder or not os.path.isdir(folder):
        return ""
    folder = os.fspath(folder)
    h = hashlib.blake2b(digest_size=16)
    rows = []
    for dirpath, dirs, names in os.walk(folder):
        dirs[:] = [d for d in dirs if d != "__pycache__"]
        rows += [os.path.join(dirpath, n) for n in names if not n.endswith((".pyc", ".pyo"))]
    for path in sorted(rows):
        rel = os.path.relpath(path, folder).replace(os.sep, "/")
        h.update(rel.encode("utf-8", "surrogateescape") + b"\0")
        try:
            with open(path, "rb") as fh:
                h.update(hashlib.blake2b(fh.read(), digest_size=16).digest())
        except OSError:
            h.update(b"?")
    return h.hexdigest()


def read_log(path: Path) -> tuple[list, int, bool]:
    """An append-only cache log (one JSON document per line, see :func:`append_log`): the
    lines that decode, its size and whether it ends with a whole line. A restored .cache is
    untrusted input: a line cut short or nested deeper than JSON's reader goes is passed over
    (each caller checks the shape of what is left); no log is ``([], 0, True)``."""
    try:
        raw = path.read_bytes()
    except OSError:
        return [], 0, True
    found = []
    for line in raw.splitlines():
        try:
            found.append(json.loads(line))
        except (ValueError, RecursionError):
            continue
    return found, len(raw), raw.endswith(b"\n") or not raw


def append_log(path: Path, line: bytes, size: int, whole: bool) -> int | None:
    """``line`` (ending with a line break) appended to the log that :func:`read_log` found
    ``size`` bytes long and ``whole``, in one write at its end: a build stopped midway leaves at
    most a last line cut short, which the next build does not use; after such a line, or when
    the log is no longer as it was read, on a line of its own. The log's new size; None when
    it cannot be written (a cache is only slower then)."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        try:
            os.write(fd, line if os.lseek(fd, 0, os.SEEK_END) == size and whole else b"\n" + line)
        finally:
            os.close(fd)
        return os.path.getsize(path)
    except OSError:
        return None


@functools.cache
def package_fingerprint() -> str:
    """This package's code, templates, theme and assets (a changed engine answers anew: the
    build cache's pages and the load's kept answers alike)."""
    return folder_fingerprint(PACKAGE)


def code_digest(version: int, libraries: tuple[str, ...]) -> str:
    """A digest of what decides a kept answer: a version constant, Python's version, this
    whole package (``package_fingerprint``: a list of the modules that matter would miss one
    some day, as a converter imported from another module did) and the versions of
    ``libraries``."""
    h = hashlib.blake2b(digest_size=16)
    h.update(f"{version}\0{sys.version}\0{package_fingerprint()}\0".encode())
    for name in libraries:
        try:
            h.update(f"\0{name}={metadata.version(name)}".encode())
        except metadata.PackageNotFoundError:
            h.update(f"\0{name}=-".encode())
    return h.hexdigest()


def make_key(parts: tuple[str, ...]) -> str:
    h = hashlib.blake2b(digest_size=16)
    for part in parts:
        data = part.encode("utf-8", "surrogatepass")
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()


def row_ok(row) -> bool:
    return (
        isinstance(row, list)
        and len(row) == 3
        and (row[0] is None or (type(row[0]) is int and row[0] >= 1))
        and (row[1] is None or (type(row[1]) is int and row[1] >= 1))
        and isinstance(row[2], str)
        and bool(row[2])
    )


def _entry_ok(key, rows) -> bool:
    return isinstance(key, str) and len(key) == 32 and isinstance(rows, list) and all(row_ok(r) for r in rows)


class TextChecks:
    """One load's use of the cache: :meth:`problems` gives a check's answer for a text (kept
    or computed), :meth:`save` keeps the answers this load used."""

    def __init__(self, folder: Path | None):
        self.path = Path(folder) / FILE if folder is not None else None
        self.salt = salt()
        self.seen: dict[str, list] = {}
        self.kept: dict[str, list] = {}
        self.hits = self.misses = 0
        if self.path is None:
            return
        try:
            stored = json.loads(self.path.read_bytes())
        except (OSError, ValueError, RecursionError):  # RecursionError: nesting too deep to read
            return
        if not (isinstance(stored, dict) and stored.get("salt") == self.salt and isinstance(stored.get("texts"), dict)):
            return
        self.seen = {k: v for k, v in stored["texts"].items() if _entry_ok(k, v)}

    def problems(
        self, check: str, rel: str, text: str, inputs: tuple[str, ...], compute: Callable[..., list[Problem]], *args
    ) -> list[Problem]:
        """``compute(*args)``'s problems for ``rel`` holding ``text`` (``inputs``: whatever else
        the check reads, as text), from an earlier load when it checked the same."""
        key = make_key((check, rel, text, *inputs))
        rows = self.seen.get(key)
        if rows is not None:
            self.hits += 1
            self.kept[key] = rows
            return [Problem(rel, line, col, message) for line, col, message in rows]
        self.misses += 1
        found = list(compute(*args))
        if all(p.path == rel for p in found):
            self.kept[key] = [[p.line, p.col, p.message] for p in found]
        return found

    def save(self) -> None:
        """Keep the answers this load used (texts gone or changed are dropped)."""
        if self.path is None or self.kept == self.seen or len(self.kept) > LIMIT:
            return
        data = json.dumps({"salt": self.salt, "texts": self.kept}, ensure_ascii=False, separators=(",", ":"))
        images.write_cache(self.path, data.encode("utf-8"))  # one that cannot be written only costs time
