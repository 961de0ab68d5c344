"""文明创建展示站: load, validate and render a unit's creation-campaign content.

Nothing in this package imports MkDocs but ``plugin.py`` (the MkDocs plugin, the only glue) and
``mkdocs_cli.py`` (``wenming build``/``serve`` run MkDocs).
"""

from pathlib import Path

from wenmingsite.loading.loader import load, url_collisions
from wenmingsite.loading.problems import Problem
from wenmingsite.loading.records import Content

__all__ = ["load", "url_collisions", "Problem", "search_words"]


def search_words(content: Content) -> list[str]:
    """Words to keep whole when segmenting for search: a fixed list plus the names of
    categories and departments, which visitors type as they are."""
    text = (Path(__file__).parent / "search_words.txt").read_text(encoding="utf-8")
    words = [w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#")]
    words += [c.name for c in content.categories]
    if content.unit:
        words += list(content.unit.departments)
    return list(dict.fromkeys(w for w in words if 2 <= len(w) <= 8))
