"""The theme's static files across processes (wenmingsite.pages.themefiles): the list kept in
.cache is MkDocs' own list for as long as the theme folders hold the same names, follows a file
added or removed and what MkDocs' filter reads, and a forged or broken list can never bring in a
file that is not the theme's or that MkDocs' filter leaves out."""

from __future__ import annotations

import json
import os
from pathlib import Path

import jinja2
import pytest
from conftest import write
from mkdocs import utils as mkdocs_utils
from mkdocs.config import load_config
from mkdocs.structure.files import Files

from wenmingsite.pages import precompiled, themefiles


def _unit(root: Path) -> Path:
    write(root, "mkdocs.yml", "site_name: 测试单位\ntheme:\n  name: mkdocs\n  custom_dir: custom\n")
    write(root, "docs/index.md", "# 首页\n")
    write(root, "custom/extra.css", "body { color: #333; }\n")
    write(root, "custom/sub/app.js", "console.log(1);\n")
    write(root, "custom/main.html", "{% extends 'base.html' %}\n")  # a template: MkDocs never copies it
    write(root, "custom/.secret", "not published\n")
    return root / "mkdocs.yml"


def _listed(config_file: Path, kept: bool, static_templates: tuple = ()) -> list[str]:
    """The theme files MkDocs adds to the site, in a new environment (a new build)."""
    config = load_config(str(config_file))
    config.theme.static_templates.update(static_templates)
    env = config.theme.get_env()
    if kept:
        reads = lambda: (sorted(config.theme.static_templates), mkdocs_utils.markdown_extensions)  # noqa: E731
        env = themefiles.install(precompiled.install(env), config_file.parent, reads)
    files = Files([])
    files.add_files_from_theme(env, config)
    return sorted(f.src_uri for f in files)


def test_kept_list_is_mkdocs_own_and_follows_the_folders(tmp_path, monkeypatch):
    config_file = _unit(tmp_path)
    plain = _listed(config_file, kept=False)
    assert "extra.css" in plain and "sub/app.js" in plain
    assert "main.html" not in plain and ".secret" not in plain
    assert _listed(config_file, kept=True) == plain  # made and kept
    kept = json.loads((tmp_path / themefiles.FILE).read_text(encoding="utf-8"))
    assert "sub/app.js" in kept["names"]

    # The next build takes the kept list: Jinja's listing is not asked for.
    def refused(self):
        raise AssertionError("the theme folders were listed again")

    monkeypatch.setattr(precompiled.ShippedLoader, "list_templates", refused, raising=False)
    monkeypatch.setattr(themefiles, "_JINJA_LIST", refused)
    assert _listed(config_file, kept=True) == plain
    monkeypatch.undo()

    # A file added to the theme is published; a removed one is not.
    write(tmp_path, "custom/sub/new.js", "console.log(2);\n")
    (tmp_path / "custom" / "extra.css").unlink()
    after = _listed(config_file, kept=True)
    assert after == _listed(config_file, kept=False)
    assert "sub/new.js" in after and "extra.css" not in after

    # What the filter reads besides the name (the theme's static templates) is in the key.
    with_static = _listed(config_file, kept=True, static_templates=("sub/app.js",))
    assert "sub/app.js" not in with_static
    assert with_static == _listed(config_file, kept=False, static_templates=("sub/app.js",))


@pytest.mark.parametrize(
    "forged",
    [
        "../outside.txt",  # beside the theme folder
        "main.html",  # a theme file MkDocs' filter leaves out
        ".secret",
        "sub/../extra.css",
        "gone.css",  # not in the theme at all
    ],
)
def test_forged_kept_list_is_a_miss(tmp_path, forged):
    config_file = _unit(tmp_path)
    write(tmp_path, "outside.txt", "private\n")
    plain = _listed(config_file, kept=False)
    _listed(config_file, kept=True)
    path = tmp_path / themefiles.FILE
    kept = json.loads(path.read_text(encoding="utf-8"))
    kept["names"] = sorted({*kept["names"], forged})
    path.write_text(json.dumps(kept), encoding="utf-8")
    assert _listed(config_file, kept=True) == plain
    assert forged not in json.loads(path.read_text(encoding="utf-8"))["names"]  # kept again, as made


@pytest.mark.parametrize("text", ["", "[]", '{"key": 1}', "[" * 100_000, '{"names": "x"}'])
def test_unreadable_kept_list_is_a_miss(tmp_path, text):
    config_file = _unit(tmp_path)
    plain = _listed(config_file, kept=False)
    write(tmp_path, themefiles.FILE, text)
    assert _listed(config_file, kept=True) == plain


def test_a_theme_file_name_that_is_not_utf8_is_listed_and_kept(tmp_path):
    """A name os.walk can only give with surrogate escapes (a GBK zip unpacked on Linux):
    listed as MkDocs lists it, kept, and read back as the same name, with no traceback."""
    config_file = _unit(tmp_path)
    name = os.fsdecode(b"\xb9\xfa.png")  # 国 in GBK
    (tmp_path / "custom" / name).write_bytes(b"\x89PNG\r\n\x1a\n")
    plain = _listed(config_file, kept=False)
    assert name in plain
    assert _listed(config_file, kept=True) == plain  # made and kept
    assert _listed(config_file, kept=True) == plain  # read back from the kept list


def test_names_cannot_pass_for_a_folder_boundary(tmp_path, monkeypatch):
    """Two theme folders whose names, run together, would read the same are two listings (a
    name holding a control character once imitated a folder boundary: the file MkDocs
    publishes in the second folder was then left out of the kept list). The folders as
    os.walk gives them, in a fixed order."""
    top = str(tmp_path)
    walks = {
        "first": [(top, [], [".a\x01lib", "mkdocs_theme.yml"])],
        "second": [(top, ["lib"], [".a"]), (os.path.join(top, "lib"), [], ["mkdocs_theme.yml"])],
    }
    keys = {}
    for name, walk in walks.items():
        monkeypatch.setattr(themefiles.os, "walk", lambda *args, walk=walk, **kwargs: iter(walk))
        keys[name] = themefiles._walk(jinja2.FileSystemLoader(top))[0]
    assert keys["first"] != keys["second"]
