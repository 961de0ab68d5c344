"""Rebuild a site the way `mkdocs serve` does, on command, in one long-lived process.

    python serve_rebuilds.py ROOT SERVE_URL

Reads lines from stdin; ``build DEST`` builds (fresh configuration, the serve command's
``build(config, serve_url=...)`` call, one shared site folder that every build cleans, as
serve does) then copies the output to DEST and prints one JSON line: the seconds taken and
the hook's incremental-rebuild log lines. Used by test_incremental.py to compare each
serve rebuild with a clean `mkdocs build` of the same files.
"""

from __future__ import annotations

import json
import logging
import shutil
import sys
import tempfile
import time

from mkdocs.commands.build import build
from mkdocs.config import load_config


class Lines(logging.Handler):
    def __init__(self):
        super().__init__(logging.INFO)
        self.lines: list[str] = []

    def emit(self, record):
        self.lines.append(record.getMessage())


def kept() -> int:
    """Characters of rendered HTML the session keeps for later rebuilds (pages.render's tables)."""
    from wenmingsite.pages import render

    tables = (render._ROWS, render._FIGURES, render._FRAGMENTS)
    return sum(len(str(html)) for t in tables for part in (t.now, t.before) for html in part.values())


def main() -> None:
    root, serve_url = sys.argv[1], sys.argv[2]
    site_dir = tempfile.mkdtemp(prefix="serve-rebuilds-")
    handler = Lines()
    logging.getLogger("mkdocs").addHandler(handler)
    logging.getLogger("mkdocs").setLevel(logging.INFO)
    try:
        first = True
        for line in sys.stdin:
            command, _, dest = line.strip().partition(" ")
            if command != "build":
                continue
            handler.lines.clear()
            config = load_config(f"{root}/mkdocs.yml", site_dir=site_dir)
            if first:
                config.plugins.on_startup(command="serve", dirty=False)
                first = False
            config.site_url = serve_url
            start = time.perf_counter()
            build(config, serve_url=serve_url, dirty=False)
            seconds = time.perf_counter() - start
            shutil.rmtree(dest, ignore_errors=True)
            shutil.copytree(site_dir, dest)
            print(
                json.dumps({"seconds": seconds, "log": handler.lines, "kept": kept()}, ensure_ascii=False), flush=True
            )
    finally:
        shutil.rmtree(site_dir, ignore_errors=True)


if __name__ == "__main__":
    main()
