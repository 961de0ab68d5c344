"""The theme's static files, listed as before but filtered once across processes.

Every `mkdocs build` asks its theme environment for the theme folders' static files
(``Files.add_files_from_theme``): Jinja walks the folders (Material's hold 14,500 files, most of
them icons) and MkDocs runs its filter over every name, building its list of fifteen
``fnmatch`` patterns again for each of the 14,500. About 80 ms of CPU per build, for the same
43 names each time.

Here the folders are still walked each build, exactly as Jinja's loader walks them (the same
``os.walk``, the same ``followlinks``), and every folder's path and file names are hashed: the
*listing key*. With the same key, the same MkDocs filter code and the same configuration it
reads, the filtered list is the one kept in ``.cache/theme/files.json`` by the last build;
otherwise the list is made as MkDocs makes it and kept. The key is made of names only, not of
inode numbers or times, so a fresh runner that installed the same Material (the publishing
workflow) finds the list its last run kept.

``.cache`` is restored from CI, not trusted: a kept name is used only when it is one of the
files this build's walk found in that folder, and when MkDocs' filter passes it now; a kept
list that fails either is a miss. A forged list can therefore only leave theme files out, never
bring in a file that is not the theme's or one the filter excludes.
"""

from __future__ import annotations

import hashlib
import json
import os
import posixpath
from collections.abc import Callable
from pathlib import Path
from types import CodeType

import jinja2

from wenmingsite.gate.images import write_cache

VERSION = 1
FILE = ".cache/theme/files.json"
# MkDocs' filter of the theme's static files (mkdocs.structure.files.Files.add_files_from_theme):
# the only caller whose answer is kept; any other list is made as Jinja makes it.
FILTER = ("mkdocs.structure.files", "Files.add_files_from_theme.<locals>.filter")
_JINJA_LIST = jinja2.FileSystemLoader.list_templates


def _walk(loader: jinja2.FileSystemLoader) -> tuple[str, dict[str, set[str]]]:
    """The listing key of the loader's folders and, per template folder (as the names Jinja
    gives: relative, "/"-separated, "" for the top), the file names in it."""
    h = hashlib.blake2b(digest_size=16)

    def part(kind: bytes, name: str) -> None:  # each name length-prefixed: no name reads as a boundary
        data = os.fsencode(name)
        h.update(kind + len(data).to_bytes(8, "little") + data)

    found: dict[str, set[str]] = {}
    for searchpath in loader.searchpath:
        part(b"P", searchpath)
        for dirpath, _dirnames, filenames in os.walk(searchpath, followlinks=loader.followlinks):
            rel = dirpath[len(searchpath) :].strip(os.sep).replace(os.sep, "/")
            part(b"D", rel)
            for name in filenames:
                part(b"F", name)
            found.setdefault(rel, set()).update(filenames)
    return h.hexdigest(), found


def _code(code: CodeType) -> list:
    """A function's code as the same data in every process (a nested function's code object
    would otherwise be written with its address)."""
    consts = [_code(c) if isinstance(c, CodeType) else repr(c) for c in code.co_consts]
    return [code.co_code.hex(), consts, list(code.co_names)]


def _filter_key(filter_func: Callable, reads: tuple) -> str:
    """The filter's code and what it reads, hashed."""
    text = json.dumps([VERSION, _code(filter_func.__code__), [list(map(str, r)) for r in reads]], ensure_ascii=False)
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def _kept(data: object, key: str, listing: str, found: dict[str, set[str]], keep: Callable[[str], bool]):
    """The kept names when they are for this key and each is a file the walk found that the
    filter passes; None otherwise."""
    if not isinstance(data, dict) or data.get("key") != key or data.get("listing") != listing:
        return None
    names = data.get("names")
    if not isinstance(names, list) or not all(isinstance(n, str) for n in names) or names != sorted(set(names)):
        return None
    for name in names:
        folder, _, base = name.rpartition("/")
        if not base or posixpath.normpath(name) != name or base not in found.get(folder, ()) or not keep(name):
            return None
    return names


def install(env: jinja2.Environment, root: Path, reads: Callable[[], tuple]) -> jinja2.Environment:
    """``env.list_templates`` keeps MkDocs' static-file filter's answer in ``root``/.cache
    (``reads()``: what of the configuration the filter reads besides the name, e.g. the
    theme's ``static_templates`` and MkDocs' Markdown extensions)."""
    loader = env.loader
    # A folder loader listing as Jinja's own does (pages.precompiled's loader is one).
    if not isinstance(loader, jinja2.FileSystemLoader) or type(loader).list_templates is not _JINJA_LIST:
        return env
    unfiltered = env.list_templates

    def list_templates(extensions=None, filter_func=None) -> list[str]:
        if (
            extensions is not None
            or filter_func is None
            or (getattr(filter_func, "__module__", None), getattr(filter_func, "__qualname__", None)) != FILTER
        ):
            return unfiltered(extensions, filter_func)
        listing, found = _walk(loader)
        key = _filter_key(filter_func, reads())
        path = root / FILE
        try:
            data = json.loads(path.read_bytes())
        except (OSError, ValueError, RecursionError):
            data = None
        names = _kept(data, key, listing, found, filter_func)
        if names is None:
            names = unfiltered(None, filter_func)
            # ASCII JSON: a name that is not UTF-8 (os.walk's surrogate escapes) is kept as an escape
            text = json.dumps({"key": key, "listing": listing, "names": names})
            write_cache(path, text.encode("ascii"))
        return list(names)

    env.list_templates = list_templates  # type: ignore[method-assign]
    return env
