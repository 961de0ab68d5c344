"""文明创建展示站: load, validate and render a unit's creation-campaign content.

Nothing in this package imports MkDocs but ``plugin.py`` (the MkDocs plugin, the only glue) and
``mkdocs_cli.py`` (``wenming build``/``serve`` run MkDocs).
"""

import gc
from pathlib import Path

# Start-up: what was imported before this package (MkDocs, Markdown, Jinja, Material) lives as
# long as the process; out of the cyclic collector's reach (gc.freeze), the full collections
# that importing and loading set off walk only what comes after (the only cost: a cycle already
# garbage at that moment is never freed; imports leave next to none). The plugin freezes once
# more when MkDocs has loaded every plugin (on_startup).
gc.freeze()

from wenmingsite.loading.loader import load, url_collisions  # noqa: E402
from wenmingsite.loading.problems import Problem  # noqa: E402
from wenmingsite.loading.records import Content  # noqa: E402

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
