"""Checks MkDocs would make only while writing the site, made before anything is written:
links to pages and files that will not exist, and pages that would share a URL.

MkDocs validates links after it has cleaned site/ and written pages, so a strict build
that fails on a link would already have replaced the last good site; ``wenming check``
and the hook's ``on_pre_build`` run these first.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable
from typing import TYPE_CHECKING, NamedTuple, cast

from wenmingsite.gate import publication
from wenmingsite.loading.loader import url_collisions
from wenmingsite.loading.problems import Problem
from wenmingsite.loading.records import Content
from wenmingsite.pages import pagekinds
from wenmingsite.pages.gallery import Gallery
from wenmingsite.pages.timeline import LISTING_LIMIT

if TYPE_CHECKING:
    from wenmingsite.gate.images import Published


class EarlySite(NamedTuple):
    content: Content
    gallery: Gallery
    listing_limit: int = LISTING_LIMIT  # listings split into parts (wenmingsite.pages.timeline)


def dest(docs_path: str) -> str:
    """The output path MkDocs gives a page with use_directory_urls (the default)."""
    if not docs_path.endswith(".md"):
        return docs_path
    stem = docs_path[:-3]
    name = posixpath.basename(stem)
    if name in ("index", "README"):
        parent = posixpath.dirname(stem)
        return f"{parent}/index.html" if parent else "index.html"
    return f"{stem}/index.html"


def generated_pages(content: Content, listing_limit: int = LISTING_LIMIT) -> list[str]:
    """Virtual sources of every page the site generates (timeline, albums, statistics…)."""
    # What the kinds' specs read before photos are published: the content and its albums
    # (an album lists its photos by source; their variants do not exist yet).
    photos = cast("dict[str, Published]", {p.src: None for a in content.published for p in a.photos})
    early = EarlySite(content, Gallery(content, photos), listing_limit)
    return [s.src for s in pagekinds.all_specs(early)]


def problems(
    content: Content,
    docs_files: Iterable[str],
    docs_rel: str = "docs",
    with_links: bool = True,
    listing_limit: int = LISTING_LIMIT,
) -> list[Problem]:
    """URL collisions and (``with_links``) broken internal links in every page, over the
    files that will be published (a link to a file the gate refuses is broken too)."""
    files = list(docs_files)
    generated = generated_pages(content, listing_limit)
    out = url_collisions(((f, dest(f)) for f in files), docs_rel, reserved={dest(s): s for s in generated})
    if with_links:
        exists = publication.page_exists(files, generated)
        for meta in content.pages.values():
            out += publication.broken_links(f"{docs_rel}/{meta.path}", meta.path, meta.body, meta.body_line, exists)
    return out
