"""What the publication gate needs of mkdocs.yml: files a maintainer lists as they are, the
theme's custom folder, page statuses, and Markdown as the site converts it (extensions,
their settings and the headings' slugify)."""

from __future__ import annotations

import functools
import json
import posixpath
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

DEFAULT_MARKDOWN = (("toc", "{}"), ("tables", "{}"), ("attr_list", "{}"), ("md_in_html", "{}"))


@dataclass(frozen=True)
class SiteConfig:
    """What the gate needs from mkdocs.yml."""

    listed: frozenset[str] = frozenset()  # docs paths a maintainer allows as they are
    custom_dir: str | None = None  # theme overrides folder, relative to the project
    statuses: frozenset[str] = frozenset({"new", "deprecated"})
    # Markdown as the site converts it: (extension name, its settings as JSON) pairs.
    markdown: tuple[tuple[str, str], ...] = DEFAULT_MARKDOWN


def read_site_config(mkdocs_yml: Path, docs_dir: str = "docs") -> SiteConfig:
    """The gate's view of mkdocs.yml, read without MkDocs (``wenming check`` and the tools)."""
    from wenmingsite.loading import settings

    data = settings.read_mkdocs_yml(mkdocs_yml)
    theme = _mapping(data, "theme")
    status = _mapping(_mapping(data, "extra"), "status")
    extensions: list = []
    configs: dict = {}
    for item in data.get("markdown_extensions") or []:
        if isinstance(item, str):
            extensions.append(item)
        elif isinstance(item, dict) and len(item) == 1:
            ((name, settings_),) = item.items()
            extensions.append(name)
            configs[name] = dict(settings_) if isinstance(settings_, dict) else {}
    for name in TOC_NAMES:
        if name in configs and (slugify := _yml_slugify(mkdocs_yml)) is not None:
            configs[name]["slugify"] = slugify
    return site_config(
        data.get("extra_css") or [],
        data.get("extra_javascript") or [],
        settings.options(data).get("publish_as_is") or [],
        theme.get("custom_dir"),
        status.keys(),
        extensions,
        configs,
    )


def _mapping(data: dict, key: str) -> dict:
    """``data[key]`` when it is a mapping, else an empty one."""
    value = data.get(key)
    return value if isinstance(value, dict) else {}


# The toc extension's slugify decides the ids of headings (and so whether a heading's text
# makes an id the theme reserves): the check must use the site's own. Only these known,
# side-effect-free functions are rebuilt from a description; mkdocs.yml may name them as a
# function (``!!python/name:``) or, for pymdownx, through its factory (``!!python/object/apply:``).
TOC_NAMES = ("toc", "markdown.extensions.toc")


SLUG_FUNCTIONS = frozenset(
    {"pymdownx.slugs._uslugify", "markdown.extensions.toc.slugify", "markdown.extensions.toc.slugify_unicode"}
)


SLUG_FACTORIES = frozenset({"pymdownx.slugs.slugify"})


def _import(dotted: str):
    import importlib

    module, _, name = dotted.rpartition(".")
    try:
        return getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError):
        return None


def _describe_slugify(value) -> list | None:
    """A known slugify (a function or a partial of one) as JSON-able data; None otherwise."""
    func, kwargs = value, {}
    if isinstance(value, functools.partial):
        if value.args:
            return None
        func, kwargs = value.func, dict(value.keywords)
    name = f"{getattr(func, '__module__', '')}.{getattr(func, '__qualname__', '')}"
    if name not in SLUG_FUNCTIONS or not all(isinstance(v, (str, int, float, bool)) for v in kwargs.values()):
        return None
    return [name, kwargs]


def _live_slugify(description) -> Callable | None:
    if not (isinstance(description, list) and len(description) == 2 and description[0] in SLUG_FUNCTIONS):
        return None
    func = _import(description[0])
    return functools.partial(func, **description[1]) if func is not None else None


def _yml_slugify(mkdocs_yml: Path) -> Callable | None:
    """The toc extension's slugify as mkdocs.yml names it, when it is a known one."""
    import yaml

    class Reader(yaml.SafeLoader):
        pass

    def applied(loader, suffix, node):
        kwds: Any = {}
        if isinstance(node, yaml.MappingNode):
            kwds = loader.construct_mapping(node, deep=True).get("kwds") or {}
        factory = _import(suffix) if suffix in SLUG_FACTORIES and isinstance(kwds, dict) else None
        try:
            return factory(**kwds) if factory else None
        except TypeError:
            return None

    def named(loader, suffix, node):
        return _import(suffix) if suffix in SLUG_FUNCTIONS else None

    Reader.add_multi_constructor("tag:yaml.org,2002:python/object/apply:", applied)
    Reader.add_multi_constructor("tag:yaml.org,2002:python/name:", named)
    Reader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
    Reader.add_multi_constructor("!", lambda loader, suffix, node: None)
    try:
        data = yaml.load(mkdocs_yml.read_text(encoding="utf-8-sig"), Loader=Reader) or {}
    except (OSError, yaml.YAMLError, UnicodeDecodeError):
        return None
    for item in (data.get("markdown_extensions") or []) if isinstance(data, dict) else []:
        if isinstance(item, dict) and len(item) == 1:
            ((name, settings_),) = item.items()
            if name in TOC_NAMES and isinstance(settings_, dict) and callable(settings_.get("slugify")):
                return settings_["slugify"]
    return None


def site_config(
    extra_css: Iterable,
    extra_javascript: Iterable,
    publish_as_is: Iterable,
    custom_dir: str | None,
    statuses: Iterable[str] = (),
    extensions: Iterable = (),
    extension_configs: dict | None = None,
) -> SiteConfig:
    """The gate's view of a configuration, from MkDocs' config or from read_site_config."""
    listed = set()
    for item in [*extra_css, *extra_javascript, *publish_as_is]:
        path = item.get("path") if isinstance(item, dict) else getattr(item, "path", item)
        if isinstance(path, str) and "://" not in path and not path.startswith("//"):
            listed.add(posixpath.normpath(path.lstrip("/")))
    markdown = []
    for name in extensions:
        if not isinstance(name, str):
            continue  # an extension object: not nameable, and not needed to find markup
        settings = (extension_configs or {}).get(name) or {}
        # Plain settings travel, and a known slugify (it decides heading ids, see TOC_NAMES).
        plain: dict[str, object] = {k: v for k, v in settings.items() if isinstance(v, (str, int, float, bool))}
        if name in TOC_NAMES and (slug := _describe_slugify(settings.get("slugify"))) is not None:
            plain["slugify"] = slug
        markdown.append((name, json.dumps(plain, sort_keys=True, ensure_ascii=False)))
    return SiteConfig(
        frozenset(listed),
        custom_dir if isinstance(custom_dir, str) else None,
        frozenset({"new", "deprecated", *map(str, statuses)}),
        tuple(markdown) if markdown else DEFAULT_MARKDOWN,
    )
