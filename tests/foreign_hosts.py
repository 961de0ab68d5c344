"""A scanner of a built ``site/`` for addresses of other hosts: what could make a visitor's
browser ask another site for something.

``foreign_urls(site, own_host)`` reads every file and returns a :class:`Hit` for each URL whose
host is not ``own_host``, except

- in HTML (pages, and the HTML the search index holds): the ``href`` of an ``<a>`` — a link
  the visitor may follow, never a request of the page itself — and text the visitor reads
  (only attribute values and the text of ``<script>`` and ``<style>`` are looked at);
- XML namespaces (``xmlns``), names that are never fetched (``NAMESPACES``);
- in scripts and style sheets: addresses inside a comment (licence headers of the bundled
  libraries: clipboard.js, lunr, Font Awesome's icon inside a ``data:`` SVG) and inside the
  text of a console message (lunr's "see https://bit.ly/…").

Everything else with a foreign host is a hit, wherever it is: an ``<img src>``, a ``<link>``,
a ``srcset``, a CSS ``url()``, a string in a script, a URL in a JSON value.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from selectolax.lexbor import LexborHTMLParser

NAMESPACES = (
    "http://www.w3.org/2000/svg",
    "http://www.w3.org/1999/xlink",
    "http://www.w3.org/1999/xhtml",
    "http://www.w3.org/XML/1998/namespace",
    "http://www.w3.org/2005/Atom",
    "http://www.sitemaps.org/schemas/sitemap/0.9",
    "http://purl.org/dc/elements/1.1/",
    "http://purl.org/rss/1.0/modules/content/",
)
# An absolute URL, or a scheme-relative one where a string or an attribute value starts
# ("//host…" after a quote, a bracket, "=" or a space: not a JS regular expression "\/\/").
URL = re.compile(
    r"(?i)\b(?:https?|ftp|wss?):(?:\\?/){2}[^\s\"'`<>(){}\\,;]+|(?<=[\"'`(=\s])//[a-z0-9-]+(?:\.[a-z0-9-]+)+[^\s\"'`<>()]*"
)
TEXT_TYPES = (".js", ".mjs", ".css", ".json", ".xml", ".txt", ".webmanifest", ".svg", ".html", ".htm", ".map")


@dataclass(frozen=True, order=True)
class Hit:
    path: str
    url: str
    where: str

    def __str__(self) -> str:
        return f"site/{self.path}: {self.url} ({self.where})"


def host(url: str) -> str:
    url = url.replace("\\/", "/")
    if url.startswith("//"):
        url = "http:" + url
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:
        return "?"


def _in_comment(text: str, at: int) -> bool:
    """Inside a /* */ or // comment of a script or style sheet, or an <!-- --> comment."""
    for start, end in (("/*", "*/"), ("<!--", "-->"), ("!--", "-->")):
        opened = text.rfind(start, 0, at)
        if opened >= 0 and opened > text.rfind(end, 0, at):
            return True
    line = text[text.rfind("\n", 0, at) + 1 : at]
    return re.search(r"(?:^|[^:\\/\"'`])//", line) is not None


def _in_console_message(text: str, at: int) -> bool:
    return re.search(r"console\.(?:warn|error|log)\([^;]{0,80}$", text[max(0, at - 90) : at]) is not None


def _foreign(url: str, own: str) -> bool:
    return not url.startswith(NAMESPACES) and host(url) not in (own, "")


def _html_hits(rel: str, text: str, own: str, where: str) -> list[Hit]:
    """Attribute values other than ``<a href>``, and the text of scripts and style sheets
    (outside their comments). Text a visitor reads is not a request."""
    out = []
    tree = LexborHTMLParser(text)
    for node in tree.root.traverse(include_text=False) if tree.root else ():
        tag = (node.tag or "").lower()
        for name, value in (node.attributes or {}).items():
            if (tag, name.lower()) == ("a", "href") or not value:
                continue
            for m in URL.finditer(f" {value}"):
                if _foreign(m.group(0), own):
                    out.append(Hit(rel, m.group(0), f"{where}<{tag} {name}>"))
        if tag in ("script", "style"):
            body = node.text(deep=True) or ""
            for m in URL.finditer(body):
                if _foreign(m.group(0), own) and not _in_comment(body, m.start()):
                    out.append(Hit(rel, m.group(0), f"{where}<{tag}>"))
    return out


def foreign_urls(site: Path, own_host: str) -> list[Hit]:
    """Every address of another host in ``site`` that is not one of the exceptions above."""
    out: list[Hit] = []
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        rel = path.relative_to(site).as_posix()
        if not rel.lower().endswith(TEXT_TYPES):
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        if rel.endswith((".html", ".htm")):
            out += _html_hits(rel, text, own_host, "")
            continue
        if rel.endswith(".json"):
            strings = _strings(json.loads(text))
            for s in strings:
                if "<" in s:
                    out += _html_hits(rel, s, own_host, "HTML in JSON: ")
                else:
                    out += [
                        Hit(rel, m.group(0), "JSON value")
                        for m in URL.finditer(f" {s}")
                        if _foreign(m.group(0), own_host)
                    ]
            continue
        for m in URL.finditer(text):
            url = m.group(0)
            if not _foreign(url, own_host):
                continue
            if _in_comment(text, m.start()) or _in_console_message(text, m.start()):
                continue
            out.append(Hit(rel, url, text[max(0, m.start() - 50) : m.start()].replace("\n", " ")))
    return sorted(set(out))


def _strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in (*_strings(k), *_strings(v))]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []
