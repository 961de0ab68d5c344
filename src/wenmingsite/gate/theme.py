"""What the theme and its scripts read back from content, and Material's own front-matter
keys: attribute values (titles, ids, classes, picture addresses) the allowed markup may
carry but the theme would turn into script, configuration or a foreign request."""

from __future__ import annotations

import html
import importlib.util
import posixpath
import re
from functools import lru_cache
from pathlib import Path

from wenmingsite.gate.config import SiteConfig
from wenmingsite.loading.patterns import lazy
from wenmingsite.loading.problems import Problem

# The allowlist (wenmingsite.gate.markup) says which attributes content may carry; these say which *values* of
# them the theme would turn into something else. Checked in Material 9.8.1's bundle
# (components/content, tooltip, tooltip2, sidebar, header; utilities/h) and GLightbox 3
# (parseConfig, slide descriptions) as mkdocs-glightbox ships them:
#
# - ``title``: with ``content.tooltips`` Material mounts a tooltip on every ``[title]`` in the
#   page content, on ``abbr[title]`` in the sidebar and on ``[title]`` in the header, and puts
#   the value in with innerHTML; GLightbox shows a lightbox link's ``title`` (or its
#   ``data-title``, ``data-description``, ``data-glightbox``) with innerHTML. ``alt``,
#   ``aria-label`` and the rest are only ever read as text. ``data-*`` never passes the
#   allowlist. (The theme's own scripts are made to show tooltips as text as well, see
#   wenmingsite.outputs.shipped: this check is what tells the editor.)
# - ``id`` and ``name``: Material finds its configuration as the first ``#__config`` in the
#   page and its controls by ids that all start with "__" (``__search``, ``__drawer``,
#   ``__palette_0``, ``__nav_1``, ``__tooltip2_0``, ``__codelineno-…``); GLightbox and this
#   site's script look up ``glightbox-body`` and ``glightbox-slider``; Material loads mermaid
#   when ``window.mermaid`` is an element.
# - ``class``: Material acts on ``md-`` classes (``md-ellipsis`` copies an element's text into
#   an HTML tooltip, ``md-status`` gets one, ``md-toggle--indeterminate``…) and on
#   ``pre.mermaid`` (it fetches a script from unpkg.com); GLightbox opens ``.glightbox`` links
#   (any URL, as an external page in a frame or a video player from cdn.plyr.io) and reads
#   ``.glightbox-desc`` as HTML. Material documents ``md-button`` for content.
# - ``src`` and ``srcset``: a picture is requested from its host when the page opens.
REINTERPRETED_ATTRIBUTES = frozenset({"title"})


RESERVED_ID_PREFIX = "__"


RESERVED_IDS = frozenset({"glightbox-body", "glightbox-slider", "glightbox-style", "init-glightbox", "mermaid"})


RESERVED_CLASS_PREFIXES = ("md-", "glightbox")


RESERVED_CLASSES = frozenset({"mermaid"})


CONTENT_CLASSES = frozenset({"md-button", "md-button--primary"})  # Material's buttons, for content


RESOURCE_ATTRIBUTES = frozenset({"src", "srcset"})


MARKUP = re.compile(r"<(?:[A-Za-z][^\s/>]*|/[A-Za-z][^\s/>]*|!--|![A-Za-z]*|\?)")


DECODE_ROUNDS = 3  # a value is judged after every decoding a later reader might apply


def _decoded(value: str, rounds: int = DECODE_ROUNDS) -> list[str]:
    """``value`` and what decoding its character references again makes of it."""
    out = [value]
    for _ in range(rounds):
        if "&" not in out[-1]:
            break
        again = html.unescape(out[-1])
        if again == out[-1]:
            break
        out.append(again)
    return out


def reads_as_markup(value: str) -> str | None:
    """The first tag that ``value`` holds, as is or after further decoding: "<img", "</b"…"""
    for form in _decoded(value):
        if m := MARKUP.search(form):
            return m.group(0)
    return None


def reserved_id(value: str) -> bool:
    value = value.strip()
    return value.startswith(RESERVED_ID_PREFIX) or value.lower() in RESERVED_IDS


def reserved_classes(value: str) -> list[str]:
    return [
        c
        for c in value.split()
        if c not in CONTENT_CLASSES and (c.lower() in RESERVED_CLASSES or c.lower().startswith(RESERVED_CLASS_PREFIXES))
    ]


# Browsers drop tabs and newlines anywhere in a URL and spaces and controls around it, and
# read "\" as "/" in http(s) URLs: "\\host/x.png" and "/\host" are "//host/x.png".
_URL_JUNK = lazy(r"[\t\n\r]")


def foreign_url(value: str) -> bool:
    """A URL the browser fetches from another host: absolute http(s) or scheme-relative."""
    url = _URL_JUNK.sub("", value).strip("\x00- ").replace("\\", "/")
    if url.startswith("//"):
        return True
    m = re.match(r"([A-Za-z][A-Za-z0-9+.-]*):", url)
    return m is not None and m.group(1).lower() in ("http", "https")


def srcset_urls(value: str) -> list[str]:
    """The URLs of a ``srcset``: every piece between commas and spaces that could be one (a
    descriptor such as ``2x`` is never foreign, so reading too many pieces is harmless)."""
    return [piece for piece in re.split(r"[,\s]+", value) if piece]


def foreign_resource(name: str, value: str) -> str | None:
    urls = srcset_urls(value) if name == "srcset" else [value]
    return next((u.strip() for u in urls if foreign_url(u)), None)


# mkdocs-glightbox wraps a page's pictures in <a class="glightbox"> before the page reaches the
# allowlist (its plugin runs first); the check refuses the class where content writes it.
LIGHTBOX_LINK = ("a", "glightbox")


def _published_value(element: str, attribute: str, value: str) -> str | None:
    """nh3's attribute filter: what the checks above refuse never reaches the page, also
    where the build goes on (`mkdocs serve` shows the problem and a clean page)."""
    if attribute in REINTERPRETED_ATTRIBUTES and reads_as_markup(value):
        return None
    if attribute in ("id", "name") and reserved_id(value):
        return None
    if attribute == "class" and (bad := reserved_classes(value)):
        kept = [c for c in value.split() if c not in bad or (element, c) == LIGHTBOX_LINK]
        return " ".join(kept) if kept else None
    if attribute in RESOURCE_ATTRIBUTES and foreign_resource(attribute, value):
        return None
    return value


HIDE_VALUES = ("navigation", "toc", "footer", "path", "tags", "feedback")


SEARCH_KEYS = ("exclude", "boost")


@lru_cache(maxsize=1)
def _material_dir() -> Path | None:
    spec = importlib.util.find_spec("material")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(list(spec.submodule_search_locations)[0])


def template_exists(name: str, root: Path, site: SiteConfig) -> bool:
    folders = []
    if site.custom_dir:
        folders.append(root / site.custom_dir)
    folders.append(Path(__file__).parent.parent / "theme")  # the package's own templates
    if (material := _material_dir()) is not None:
        folders.append(material / "templates")
    clean = posixpath.normpath(name)
    if clean.startswith("../") or clean.startswith("/"):
        return False
    return any((folder / clean).is_file() for folder in folders)


def icon_exists(name: str, root: Path, site: SiteConfig) -> bool:
    clean = posixpath.normpath(name.strip())
    if clean.startswith(("../", "/")) or not re.fullmatch(r"[a-z0-9][a-z0-9/_-]*", clean):
        return False
    folders = []
    if site.custom_dir:
        folders.append(root / site.custom_dir / ".icons")
    if (material := _material_dir()) is not None:
        folders.append(material / "templates" / ".icons")
    return any((folder / f"{clean}.svg").is_file() for folder in folders)


def material_meta_problems(meta, rel: str, root: Path, site: SiteConfig) -> dict[str, list[Problem]]:
    """Material's keys (template, icon, status, hide, search, tags) as Material will read
    them: each wrong value is a Chinese problem found before site/ is touched, instead of an
    English traceback from the theme halfway through the build. By key: a key with problems
    never reaches the theme (`mkdocs serve` goes on building and shows the problem)."""
    from wenmingsite.loading.yamlstrict import YList, YMap, YStr

    out: dict[str, list[Problem]] = {}
    key = ""

    def add(at, message):
        out.setdefault(key, []).append(Problem(rel, getattr(at, "line", None), getattr(at, "col", None), message))

    key = "template"
    if isinstance(value := meta.get("template"), YStr) and value.strip():
        name = value.strip()
        if not name.endswith(".html") or not template_exists(name, root, site):
            add(
                value,
                f"模板（template）“{name}”不存在。这是主题的高级设置，一般不需要写；"
                "请删除这一行，或写 overrides/ 文件夹中已有的 .html 模板名",
            )
    key = "icon"
    if isinstance(value := meta.get("icon"), YStr) and value.strip():
        if not icon_exists(value.strip(), root, site):
            add(
                value,
                f"图标（icon）“{value.strip()}”不存在。请写 Material 主题自带的图标名，"
                "例如 material/flag-variant，或删除这一行",
            )
    key = "status"
    if isinstance(value := meta.get("status"), YStr) and value.strip():
        if value.strip() not in site.statuses:
            add(
                value,
                f"状态（status）“{value.strip()}”无法识别。可以写：{'、'.join(sorted(site.statuses))}；或删除这一行",
            )
    key = "hide"
    if (value := meta.get("hide")) is not None:
        items = value if isinstance(value, YList) else [value]
        for item in items:
            if not isinstance(item, YStr) or item.strip() not in HIDE_VALUES:
                shown = item.strip() if isinstance(item, YStr) else "列表或映射"
                add(
                    item if hasattr(item, "line") else value,
                    f"隐藏（hide）中的“{shown}”无法识别。可以写：{'、'.join(HIDE_VALUES)}，每项一行，以“- ”开头",
                )
    key = "search"
    if (value := meta.get("search")) is not None:
        if not isinstance(value, YMap):
            add(
                value,
                "搜索设置（search）应写成两行：search: 换行后缩进写 exclude: true（不让本页出现在搜索结果中）"
                "或 boost: 2（提高排名）",
            )
        else:
            for name, item in value.items():
                if name not in SEARCH_KEYS:
                    add(name, f"搜索设置（search）中的“{name}”无法识别。只能写 exclude（true/false）或 boost（数字）")
                elif name == "exclude" and not (isinstance(item, YStr) and item.strip().lower() in ("true", "false")):
                    add(item, "搜索设置的 exclude 只能写 true 或 false")
                elif name == "boost" and not (
                    isinstance(item, YStr) and re.fullmatch(r"\d{1,3}(\.\d{1,2})?", item.strip())
                ):
                    add(item, "搜索设置的 boost 只能写一个不大于 999 的正数，例如 2")
    key = "tags"
    if (value := meta.get("tags")) is not None:
        items = value if isinstance(value, YList) else [value]
        if any(not isinstance(item, YStr) for item in items):
            add(value, "标签（tags）应是一个文字列表，每项一行，以“- ”开头")
    return out
