"""What `mkdocs serve` keeps between rebuilds, so that saving one activity rebuilds only
what that edit changes.

MkDocs' own ``--dirty`` decides by file times and leaves the timeline, statistics and
search index stale. Here every page is still put through the whole build, but its two
expensive steps are looked up by the exact inputs they depend on:

- the Markdown conversion, by the page's Markdown text, the configuration and, when the
  text holds a link, the list of site files (links are resolved against it);
- the theme template and the search indexing, by everything the template reads: the
  page's final HTML body, title, metadata, table of contents and URL, the navigation,
  the configuration and the theme overrides.

A changed input changes the key, so a reused result is always the one a clean build
would make (``tests/test_incremental.py`` compares both). No MkDocs import: the glue
in ``plugin.py`` hands plain values in.
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

# Markdown that can resolve against other files: inline or reference links and images,
# link definitions, and raw HTML attributes. Text without any of these converts the
# same whatever the file list is.
LINKISH = re.compile(r"\]\(|\]\s*\[|\]:|href\s*=|src\s*=|srcset\s*=", re.IGNORECASE)


_keep = False


def keep_between_builds(on: bool = True) -> None:
    """Serve keeps parsed files and rendered fragments for the next build; a one-off build
    keeps nothing beyond itself (its memory is the benchmark's too)."""
    global _keep
    _keep = on


def keeping() -> bool:
    return _keep


def digest(*parts: str | bytes) -> str:
    h = hashlib.blake2b(digest_size=16)
    for part in parts:
        data = part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()


def folder_state(folder: str | os.PathLike[str] | None) -> str:
    """Names, sizes and modification times of every file under ``folder``."""
    if not folder or not os.path.isdir(folder):
        return ""
    rows = []
    for dirpath, _dirs, names in os.walk(folder):
        for name in names:
            st = os.stat(os.path.join(dirpath, name))
            rows.append(f"{os.path.relpath(os.path.join(dirpath, name), folder)}\0{st.st_size}\0{st.st_mtime_ns}")
    return "\n".join(sorted(rows))


@dataclass
class Conversion:
    key: str
    content: str
    toc: object
    title: str | None
    anchors: set


@dataclass
class KeptPage:
    key: str
    html: str
    search_entries: list


@dataclass
class Memo:
    conversions: dict = field(default_factory=dict)  # src_uri -> Conversion
    outputs: dict = field(default_factory=dict)  # src_uri -> KeptPage
    # per build
    converted: int = 0
    conversions_reused: int = 0
    rendered: int = 0
    outputs_reused: int = 0

    def start_build(self) -> None:
        self.converted = self.conversions_reused = self.rendered = self.outputs_reused = 0

    # -- Markdown conversion ------------------------------------------------------------

    @staticmethod
    def conversion_key(src: str, markdown: str, config_key: str, files_key) -> str:
        """``files_key`` is a callable: the file list is hashed only for text with links."""
        return digest(src, markdown, config_key, files_key() if LINKISH.search(markdown) else "")

    def conversion(self, src: str, key: str) -> Conversion | None:
        found = self.conversions.get(src)
        if found is not None and found.key == key:
            self.conversions_reused += 1
            return found
        self.converted += 1
        return None

    def keep_conversion(self, src: str, conversion: Conversion) -> None:
        self.conversions[src] = conversion

    # -- template and search ------------------------------------------------------------

    def output(self, src: str, key: str) -> KeptPage | None:
        found = self.outputs.get(src)
        if found is not None and found.key == key:
            return found
        return None

    def keep_output(self, src: str, output: KeptPage) -> None:
        self.outputs[src] = output

    def forget_missing(self, present: set) -> None:
        """Drop what belongs to deleted pages (memory stays bounded by the site)."""
        for table in (self.conversions, self.outputs):
            for src in [s for s in table if s not in present]:
                del table[src]


def config_key(config_file: str | os.PathLike, site_url: str | None, *theme_dirs: str) -> str:
    """The configuration file as written, the (environment-given) site URL and the template
    folders read before Material's: any change there rebuilds everything."""
    return digest(Path(config_file).read_bytes(), site_url or "", *map(folder_state, theme_dirs))
