"""Compile the package's templates and the pinned Material's ahead of time, into the package.

    python tools/compile_templates.py          # after changing a template, Jinja or Material
    python tools/compile_templates.py --check  # what tests/test_precompiled.py checks

Writes src/wenmingsite/pages/precompiled_templates/ (see wenmingsite.pages.precompiled): the
Python Jinja makes of every template in src/wenmingsite/templates/ (the environment of
wenmingsite.pages.render) and of every template MkDocs' theme environment finds in the
package's theme/ folder and Material's (a unit with no overrides of its own). Run it in a venv
made from requirements/lock.txt: the code is for the Jinja and Material installed there; a
build under other versions compiles as before.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from mkdocs.config import load_config

from wenmingsite.pages import precompiled, render

THEME = REPO / "src" / "wenmingsite" / "theme"
SUFFIXES = (".html", ".xml")
# Material's words in the languages a unit of this tool shows (theme.language) and its fallback;
# a unit in another language compiles its language's partial at run time.
LANGUAGES = "partials/languages/"
SHIPPED_LANGUAGES = {f"{LANGUAGES}{code}.html" for code in ("zh", "zh-Hant", "zh-TW", "en")}
# The icons the theme's templates name as their defaults ({% include ".icons/" ~ icon ~ ".svg" %});
# a unit's own icons (mkdocs.yml theme.icon) compile at run time, like the other 14,000.
ICON = re.compile(r'"((?:material|fontawesome|octicons|simple)/[a-z0-9/-]+)"')


def environments() -> list:
    """(module prefix, environment, template names): made as a build makes them."""
    site = render.environment.__wrapped__()  # a new one: the process's own may have shipped code in use
    # the demo's theme as the plugin sets it up (wenmingsite.plugin: its theme/ before Material's)
    config = load_config(str(REPO / "mkdocs.yml"))
    config.theme.dirs.insert(1 if config.theme.custom_dir else 0, str(THEME))
    theme = config.theme.get_env()
    theme_names = [
        n
        for n in theme.list_templates()
        if n.endswith(SUFFIXES)
        and not n.startswith((".", "assets/"))
        and (not n.startswith(LANGUAGES) or n in SHIPPED_LANGUAGES)
    ]
    named = {m for n in theme_names for m in ICON.findall(theme.loader.get_source(theme, n)[0])}
    icons = Path(theme.loader.get_source(theme, "base.html")[1]).parent / ".icons"
    theme_names += [f".icons/{icon}.svg" for icon in sorted(named) if (icons / f"{icon}.svg").is_file()]
    return [("site_", site, site.list_templates(extensions=["html"])), ("theme_", theme, theme_names)]


def files() -> tuple[dict[str, str], list[str]]:
    return precompiled.generate(environments())


def stale() -> list[str]:
    """The files of the package that differ from what this script would write (or are extra)."""
    made, _ = files()
    present = {p.name: p.read_text(encoding="utf-8") for p in precompiled.FOLDER.glob("*.py")}
    return sorted(name for name in made.keys() | present.keys() if made.get(name) != present.get(name))


def main() -> int:
    if "--check" in sys.argv[1:]:
        differ = stale()
        for name in differ:
            print(f"differs: {name}")
        return 1 if differ else 0
    made, skipped = files()
    precompiled.FOLDER.mkdir(exist_ok=True)
    for old in precompiled.FOLDER.glob("*.py"):
        if old.name not in made:
            old.unlink()
    for name, text in made.items():
        path = precompiled.FOLDER / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
    print(f"{len(made) - 1} templates compiled into {precompiled.FOLDER.relative_to(REPO)}")
    for name in skipped:
        print(f"left to compile at run time (does not compile here, or holds a filter's result): {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
