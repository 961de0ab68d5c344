"""What a unit's mkdocs.yml says to this tool, read without MkDocs.

The ``wenming`` plugin's own settings are typed and validated by MkDocs (see
:class:`wenmingsite.plugin.WenmingConfig`); the commands that read mkdocs.yml without building
(``wenming check``, ``pack``, ``deploy``) find the same settings here. Older units kept them
under ``extra.wenming``, which is still read (``wenming upgrade`` moves them).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from wenmingsite.loading.problems import Problem
from wenmingsite.pages import pagekinds

PLUGIN = "wenming"
# Hosts of a site_url that only this computer reaches (the preview's default http://127.0.0.1:8000/):
# QR codes, the sitemap and the feed made for them lead nowhere once printed or published.
LOCAL_HOSTS = ("127.0.0.1", "localhost", "0.0.0.0", "::1")


def is_local(url: str | None) -> bool:
    """Whether ``url`` is an address only this computer reaches (:data:`LOCAL_HOSTS`)."""
    import urllib.parse

    return bool(url) and urllib.parse.urlsplit(url).hostname in LOCAL_HOSTS


def parse_mkdocs_yml(text: str) -> dict[str, Any]:
    """mkdocs.yml's text as plain data; MkDocs' own tags (``!ENV``, ``!!python/name:``) read as
    nothing. Text that is not a YAML mapping is an empty one (MkDocs itself reports it)."""
    import yaml

    class Lenient(yaml.SafeLoader):
        pass

    Lenient.add_multi_constructor("!", lambda loader, suffix, node: None)
    Lenient.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
    try:
        data = yaml.load(text, Loader=Lenient) or {}
    except yaml.YAMLError:
        return {}
    return data if isinstance(data, dict) else {}


def read_mkdocs_yml(path: Path) -> dict[str, Any]:
    """mkdocs.yml as plain data (see :func:`parse_mkdocs_yml`); an unreadable file is empty."""
    try:
        return parse_mkdocs_yml(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError):
        return {}


def plugin_entry(plugins: object) -> tuple[bool, dict[str, Any]]:
    """(listed?, settings) of the ``wenming`` plugin in a ``plugins:`` value, which MkDocs
    allows as a list of names and one-key mappings, or as one mapping."""
    items: list = []
    if isinstance(plugins, dict):
        items = [{k: v} for k, v in plugins.items()]
    elif isinstance(plugins, list):
        items = plugins
    for item in items:
        if item == PLUGIN:
            return True, {}
        if isinstance(item, dict) and PLUGIN in item:
            value = item[PLUGIN]
            return True, value if isinstance(value, dict) else {}
    return False, {}


def options(data: dict[str, Any]) -> dict[str, Any]:
    """The plugin's settings as written, over those an older unit kept in ``extra.wenming``."""
    extra = data.get("extra")
    legacy = extra.get(PLUGIN) if isinstance(extra, dict) else None
    _, ours = plugin_entry(data.get("plugins"))
    return {**(legacy if isinstance(legacy, dict) else {}), **ours}


def _nav_paths(items: object):
    if isinstance(items, str):
        yield items
    elif isinstance(items, list):
        for item in items:
            yield from _nav_paths(item)
    elif isinstance(items, dict):
        for value in items.values():
            yield from _nav_paths(value)


def _line_of(text: str, path: str) -> int | None:
    """The first line of mkdocs.yml that names ``path`` outside a comment."""
    for number, line in enumerate(text.splitlines(), 1):
        code = line.split("#", 1)[0]
        if path in code:
            return number
    return None


def nav_problems(mkdocs_yml: Path, nav: object, produced: set[str]) -> list[Problem]:
    """A nav entry naming a page the tool makes only from data the unit does not have
    (荣誉墙 without data/honours.yml): MkDocs would abort with an English warning."""
    needed = {k.needs[0]: k.needs[1] for k in pagekinds.kinds() if k.needs}
    missing = [p for p in dict.fromkeys(_nav_paths(nav)) if p in needed and p not in produced]
    if not missing:
        return []
    try:
        text = mkdocs_yml.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        text = ""
    return [
        Problem(
            "mkdocs.yml",
            _line_of(text, page),
            None,
            f"导航（nav）中的“{page}”这一页要由 {needed[page]} 生成，但现在没有这个文件或其中没有内容。"
            f"请先写好 {needed[page]}，或者删掉这一行导航（也可以在行首加 # 暂时不显示）"
            if not needed[page].endswith("/")
            else f"导航（nav）中的“{page}”这一页列出 {needed[page]} 里的文章，但那里还没有一篇。"
            f"请先在 {needed[page]} 里写好一篇，或者删掉这一行导航（也可以在行首加 # 暂时不显示）",
        )
        for page in missing
    ]
