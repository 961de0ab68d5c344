"""Page bodies through the allowlist: Markdown converted as the site converts it, the tags,
attributes, URL schemes and styles content may carry (nh3), and each removal located at
its line and column in the editor's source."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

import nh3

from wenmingsite.gate.config import DEFAULT_MARKDOWN, TOC_NAMES, SiteConfig, _live_slugify
from wenmingsite.gate.theme import (
    REINTERPRETED_ATTRIBUTES,
    RESOURCE_ATTRIBUTES,
    _decoded,
    _published_value,
    foreign_resource,
    reads_as_markup,
    reserved_classes,
    reserved_id,
)
from wenmingsite.loading.patterns import lazy
from wenmingsite.loading.problems import Problem

# A body that can hold nothing the checks below look at skips the conversion (the common case:
# plain Markdown, also with ordinary links to other sites): markup and attribute lists (< {),
# character references (&: a title or a URL written with &#60; or &#106;), backslashes
# (\\host is //host to a browser), script schemes, a link or a reference definition with a
# scheme other than http(s), mailto and tel or starting with //, and underscores that make a
# heading's id start with "__" (also the compatibility forms the default slugify folds into
# "_") or make one of the lightbox's ids, and a picture whose address has a scheme or starts
# with // (within 500 characters of "![": its alternative text may hold brackets).
_SUSPECT_MARKDOWN = lazy(
    r"[<{&\\]|__|[\ufe33\ufe34\ufe4d-\ufe4f\uff3f]|glightbox|mermaid|(?:javascript|vbscript|data|livescript)\s*:"
    r"|\]\(\s*(?://|(?!(?:https?|mailto|tel)\s*:)[A-Za-z][A-Za-z0-9+.-]*\s*:)"
    r"|^ {0,3}\[[^\]\n]+\]:\s*(?://|[A-Za-z][A-Za-z0-9+.-]*\s*:)"
    r"|!\[.{0,500}?\]\(\s*(?://|[A-Za-z][A-Za-z0-9+.-]*\s*:)",
    re.I | re.M | re.S,
)


def markup_problems(rel: str, body: str, body_line: int, site: SiteConfig) -> list[Problem]:
    """What the allowlist will remove from a page's body, found before site/ is touched.

    Bodies that cannot hold anything to remove skip the work (``_SUSPECT_MARKDOWN``); the
    rest are converted as the site converts them and checked against the same allowlist that
    cleans every page in the build."""
    if not _SUSPECT_MARKDOWN.search(body):
        return []
    return list(_markup_problems(rel, body, body_line, site.markdown))


@lru_cache(maxsize=5_000)  # `mkdocs serve` re-checks only the pages that changed
def _markup_problems(rel: str, body: str, body_line: int, markdown: tuple) -> tuple[Problem, ...]:
    converter = _converter(markdown)
    html_text = converter.reset().convert(body)
    toc = converter.treeprocessors["toc"] if "toc" in converter.treeprocessors else None
    slug = (lambda text: toc.slugify(text, toc.sep)) if toc is not None else None
    return tuple(locate(_removals(html_text, slug), rel, body, body_line))


@lru_cache(maxsize=4)
def _converter(markdown: tuple):
    import markdown as md

    names = [name for name, _ in markdown]
    configs = {name: json.loads(settings) for name, settings in markdown}
    for name in TOC_NAMES:
        if name in configs and "slugify" in configs[name]:
            slugify = _live_slugify(configs[name].pop("slugify"))
            if slugify is not None:
                configs[name]["slugify"] = slugify
    try:
        return md.Markdown(extensions=names, extension_configs=configs)
    except Exception:  # an extension this machine lacks: the markup-bearing ones suffice
        return md.Markdown(extensions=[n for n, _ in DEFAULT_MARKDOWN])


def sanitise(html_text: str) -> str:
    """A page's HTML as the site publishes it (see ALLOWED_TAGS and friends)."""
    return _cleaner.clean(html_text)


# What Markdown and its extensions in mkdocs.yml produce (headings with permalinks,
# tables, admonitions, details, attribute lists, code blocks), and what an editor may
# write as HTML: text structure, tables, figures, details, images and links.
ALLOWED_TAGS = frozenset(
    {
        "a",
        "abbr",
        "b",
        "bdi",
        "bdo",
        "blockquote",
        "br",
        "caption",
        "cite",
        "code",
        "col",
        "colgroup",
        "dd",
        "del",
        "details",
        "dfn",
        "div",
        "dl",
        "dt",
        "em",
        "figcaption",
        "figure",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "hr",
        "i",
        "img",
        "ins",
        "kbd",
        "li",
        "mark",
        "ol",
        "p",
        "picture",
        "pre",
        "q",
        "rp",
        "rt",
        "ruby",
        "s",
        "samp",
        "small",
        "source",
        "span",
        "strong",
        "sub",
        "summary",
        "sup",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "time",
        "tr",
        "u",
        "ul",
        "var",
        "wbr",
    }
)


# Removed together with their content (a script's text is not the page's text).
DROPPED_WITH_CONTENT = frozenset(
    {
        "script",
        "style",
        "iframe",
        "frame",
        "frameset",
        "object",
        "embed",
        "applet",
        "noscript",
        "template",
        "svg",
        "math",
        "textarea",
        "select",
        "title",
        "xmp",
        "noembed",
        "noframes",
    }
)


GLOBAL_ATTRIBUTES = frozenset({"id", "class", "title", "lang", "dir", "style", "aria-label", "aria-hidden"})


TAG_ATTRIBUTES = {
    "a": {"href", "name", "target", "rel", "hreflang"},
    "img": {"src", "alt", "width", "height", "loading", "decoding", "srcset", "sizes"},
    "source": {"srcset", "sizes", "type", "media"},
    "td": {"colspan", "rowspan", "align", "headers"},
    "th": {"colspan", "rowspan", "align", "scope", "headers"},
    "col": {"span", "width"},
    "colgroup": {"span"},
    "ol": {"start", "reversed", "type"},
    "li": {"value"},
    "details": {"open"},
    "time": {"datetime"},
    "del": {"datetime", "cite"},
    "ins": {"datetime", "cite"},
    "blockquote": {"cite"},
    "q": {"cite"},
}


URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})


URL_ATTRIBUTES = frozenset({"href", "src", "cite", "srcset"})


# Layout properties only: none of them takes url(), so nothing loads or runs from a style.
STYLE_PROPERTIES = frozenset(
    {
        "text-align",
        "vertical-align",
        "width",
        "height",
        "max-width",
        "min-width",
        "color",
        "background-color",
        "font-weight",
        "font-style",
        "text-decoration",
        "text-indent",
        "white-space",
        "border",
        "border-collapse",
        "padding",
        "margin",
    }
)


_cleaner = nh3.Cleaner(
    tags=set(ALLOWED_TAGS),
    clean_content_tags=set(DROPPED_WITH_CONTENT),
    attributes={"*": set(GLOBAL_ATTRIBUTES), **{t: set(a) for t, a in TAG_ATTRIBUTES.items()}},
    attribute_filter=_published_value,
    url_schemes=set(URL_SCHEMES),
    link_rel=None,
    strip_comments=True,
    filter_style_properties=set(STYLE_PROPERTIES),
)


@dataclass(frozen=True)
class Removal:
    """One thing the allowlist took out of a page: a Chinese description and needles to find
    it in the page's Markdown (tried in order; each also as the browser decodes the line).
    ``message``, when given, is the whole message (the reason differs from a removed script)."""

    what: str
    needle: str
    message: str | None = None
    more_needles: tuple[str, ...] = ()


def clean_html(text: str) -> tuple[str, list[Removal]]:
    """The page HTML the site may publish, and what was removed from it."""
    return _cleaner.clean(text), _removals(text)


TITLE_PLACES = {"a": "链接的提示文字（title）", "img": "图片的提示文字（title）", "abbr": "缩写的解释（title）"}


HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


RESERVED_HINT = "不要以“__”（两个下划线）开头，也不要用 glightbox-body、mermaid 这类主题自己的名字"


def _removals(text: str, slugify: Callable[[str], str] | None = None) -> list[Removal]:
    """What the allowlist and the checks above take out of ``text``, once per kind.
    ``slugify``: the toc extension's, to tell an id made from a heading's text."""
    from selectolax.lexbor import LexborHTMLParser

    out: dict[tuple[str, ...], Removal] = {}
    tree = LexborHTMLParser(f"<body>{text}</body>")
    for node in tree.body.traverse(include_text=False) if tree.body else ():
        if node.tag is None:  # a processing instruction (<?php … ?>): HTML reads it as a comment
            continue
        tag = node.tag.lower()
        if tag == "body":
            continue
        if tag == "-comment":
            continue
        if tag not in ALLOWED_TAGS:
            what = f"<{tag}> 元素及其内容" if tag in DROPPED_WITH_CONTENT else f"<{tag}> 标签（文字保留）"
            out.setdefault(("tag", tag), Removal(what, f"<{tag}"))
            continue
        allowed = GLOBAL_ATTRIBUTES | TAG_ATTRIBUTES.get(tag, set())
        for name, value in (node.attributes or {}).items():
            name = name.lower()
            value = value or ""
            if name not in allowed:
                what = (
                    f"<{tag}> 的事件属性 {name}（会在访客浏览器里运行脚本）"
                    if name.startswith("on")
                    else f"<{tag}> 的属性 {name}"
                )
                out.setdefault(("attr", tag, name), Removal(what, name))
            elif name in URL_ATTRIBUTES and (scheme := _bad_scheme(value)):
                # The needle is the scheme's start: the source may hide it ("java&#x09;script:").
                out.setdefault(("url", scheme), Removal(f"<{tag}> 中以“{scheme}:”开头的链接", scheme[:4]))
            elif name == "style" and (bad := _bad_style(value)):
                out.setdefault(("style", bad), Removal(f"<{tag}> 的样式“{bad}”", bad))
            elif name in REINTERPRETED_ATTRIBUTES and (markup := reads_as_markup(value)):
                out.setdefault(("title", tag, value), _title_removal(tag, value, markup))
            elif name in ("id", "name") and reserved_id(value):
                out.setdefault(("id", value), _id_removal(node, tag, name, value.strip(), slugify))
            elif name == "class" and (bad_classes := reserved_classes(value)):
                out.setdefault(("class", bad_classes[0]), _class_removal(bad_classes[0]))
            elif name in RESOURCE_ATTRIBUTES and (url := foreign_resource(name, value)):
                out.setdefault(("foreign", url), _foreign_removal(tag, name, url))
    return list(out.values())


def _title_removal(tag: str, value: str, markup: str) -> Removal:
    place = TITLE_PLACES.get(tag, f"<{tag}> 的提示文字（title）")
    shown = f"{markup} …" if len(markup) > 1 and not markup.startswith("<!") else markup
    for form in _decoded(value):  # a short tag whole ("<b>"), a long one by its name ("<img …")
        if (m := re.search(re.escape(markup) + r"[^<>]{0,8}>", form)) is not None:
            shown = m.group(0)
            break
    return Removal(
        "",
        value,  # the value as the browser reads it: found in the line however it was written
        f"{place}里有“{shown}”这样的标签。访客把鼠标移上去时，主题会把它当作网页代码执行。"
        "请去掉尖括号，或改用书名号《》",
        (markup, "title"),
    )


def _heading_text(node) -> str:
    text = node.text(deep=True) or ""
    for link in node.css("a.headerlink"):  # the toc extension's permalink sign
        mark = link.text(deep=True) or ""
        if mark and text.endswith(mark):
            text = text[: -len(mark)]
    return text.strip()


def _id_removal(node, tag: str, name: str, value: str, slugify) -> Removal:
    if name == "id" and tag in HEADINGS and slugify is not None:
        heading = _heading_text(node)
        slug = slugify(heading) if heading else ""
        if slug and re.fullmatch(re.escape(slug) + r"(?:_\d+)?", value):
            return Removal(
                "",
                f"# {heading}",
                f"标题“{heading}”自动生成的网页编号（id）是“{value}”，这是网站主题保留的名字：主题的脚本按这样的名字"
                "找自己的设置和控件，页面里有同名编号会让搜索、目录等功能失灵，甚至被引到其他网站。"
                f"请改写这个标题{'（例如去掉开头的下划线）' if value.startswith('__') else ''}，"
                "或在标题后面写 {#新编号} 另起一个编号",
                (heading, value),
            )
    what, noun = ("网页编号（id）", "编号") if name == "id" else ("锚点名称（name）", "名称")
    return Removal(
        "",
        f"#{value}" if name == "id" else f'{name}="{value}"',
        f"{what}“{value}”是网站主题保留的名字：主题的脚本按这样的名字找自己的设置和控件，"
        f"页面里有同名的{noun}会让搜索、目录等功能失灵，甚至被引到其他网站。请换一个{noun}，{RESERVED_HINT}",
        (f'{name}="{value}"', f"{name}='{value}'", f"{name}={value}", value, name),
    )


def _class_removal(cls: str) -> Removal:
    return Removal(
        "",
        f".{cls}",
        f"样式类名（class）“{cls}”是网站主题或照片灯箱自己用的：带这个类名的内容会被它们的脚本当作自己的部件处理"
        "（例如把文字当作网页代码显示、在灯箱里打开其他网站、从其他网站下载脚本）。请删除这个类名"
        "（按钮样式可以用 md-button）",
        (cls, "class"),
    )


def _foreign_removal(tag: str, name: str, url: str) -> Removal:
    shown = url if len(url) <= 60 else url[:57] + "…"
    place = "图片的备选地址（srcset）" if name == "srcset" else "图片地址"
    return Removal(
        "",
        url,
        f"{place}“{shown}”在其他网站上。访客打开页面时，浏览器会去那个网站下载图片"
        "（本网站承诺不向其他网站发出请求，那边的图片也可能随时被换掉）。"
        "请把图片下载下来，放进活动文件夹或 docs/assets/，再用相对路径引用，例如 ![说明](照片.jpg)",
        (url[:24], name),
    )


def _bad_scheme(value: str) -> str | None:
    # Browsers ignore whitespace and control characters inside a scheme ("java\tscript:").
    compact = re.sub(r"[\x00-\x20]", "", value)
    m = re.match(r"^([A-Za-z][A-Za-z0-9+.-]*):", compact)
    if m and m.group(1).lower() not in URL_SCHEMES:
        return m.group(1).lower()
    return None


def _bad_style(value: str) -> str | None:
    for declaration in value.split(";"):
        prop, _, val = declaration.partition(":")
        prop, val = prop.strip().lower(), val.strip().lower()
        if not prop:
            continue
        if prop not in STYLE_PROPERTIES or re.search(r"url\(|expression|javascript:|@import|\\", val):
            return declaration.strip()
    return None


# Markdown's backslash escapes ("\_\_config" is the text "__config").
_MD_ESCAPE = lazy(r"\\([\\`*_{}\[\]()#+\-.!<>|])")


def _forms(text: str) -> list[str]:
    """``text`` as the browser reads it, however it was written: character references
    decoded (once, and again), Markdown's backslash escapes undone."""
    out = []
    for form in (text, _MD_ESCAPE.sub(r"\1", text)):
        out += _decoded(form)
    return out


def _find(line: str, needle: str) -> int:
    r"""Where ``needle`` (lower case) starts in ``line``, as written or as the browser reads
    it ("&#106;avascript", "&lt;img", "&amp;lt;img", "\_\_search"); -1 when nowhere."""
    low = line.lower()
    if (at := low.find(needle)) >= 0:
        return at
    if not any(needle in form.lower() for form in _forms(line)):
        return -1
    for start in range(len(line)):
        if line[start] in "&\\" or low[start] == needle[0]:
            head = line[start : start + len(needle) * 12]
            if any(form.lower().startswith(needle) for form in _forms(head)):
                return start
    return -1


def locate(removals: list[Removal], rel: str, body: str, body_line: int) -> list[Problem]:
    """One problem per removal, at the first line of the page's Markdown that shows it."""
    lines = body.split("\n")
    out = []
    for r in removals:
        line = col = None
        for needle in (r.needle, *r.more_needles):
            needle = needle.lower()
            if not needle:
                continue
            for i, text in enumerate(lines):
                if (at := _find(text, needle)) >= 0:
                    line, col = body_line + i, at + 1
                    break
            if line is not None:
                break
        out.append(
            Problem(
                rel,
                line,
                col,
                r.message
                or (
                    f"正文中的 HTML 含有不允许发布的内容：{r.what}，已从网页中删除。"
                    "网站上的页面不能运行脚本、嵌入外部网页或带有事件属性。请删除它；"
                    "排版用 Markdown 写（表格、图片、链接、折叠块都可以）"
                ),
            )
        )
    return out
