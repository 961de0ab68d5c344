"""A scanner of a built ``site/`` folder: what must never reach the public site.

``scan_site(site, known_scripts)`` returns a :class:`Finding` for every

- ``script``: a ``<script>`` that is not one of the theme's or the project's own (the
  known set comes from a build of the clean fixture, :func:`script_signatures`);
- ``event-attribute``: an ``on…=`` attribute on any element of an HTML or SVG file, of the
  HTML held in the search index, or of the HTML a feed reader renders from ``feed.xml``;
- ``script-url``: an attribute (or an api/*.json string) whose URL runs script
  (``javascript:``, ``vbscript:``, ``data:text/html``…), after the clean-up browsers do;
- ``active-element``: ``<iframe>``, ``<object>``, ``<embed>``, ``<base>``, ``srcdoc``, a
  refreshing ``<meta>`` — elements the clean build never has;
- ``image-metadata``: EXIF, XMP, IPTC, comments or PNG text chunks in any JPEG/PNG/WebP
  (decided by the bytes, whatever the file's extension), GPS in SVG metadata;
- ``personal-number``: an unmasked mobile or resident ID number that
  ``wenmingsite.gate.privacy.find`` sees in any text file (also after undoing HTML entities,
  full-width forms and invisible characters), in the text of Office/PDF files, or any
  of the ``planted`` digit strings however they are spaced.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

from wenmingsite.gate import privacy


@dataclass(frozen=True, order=True)
class Finding:
    path: str  # relative to the site folder
    kind: str
    detail: str

    def __str__(self) -> str:
        return f"site/{self.path}: {self.kind}: {self.detail}"


MARKUP_TYPES = (".html", ".htm", ".svg", ".xhtml")
IMAGE_MAGIC = {b"\xff\xd8": "jpeg", b"\x89PNG": "png", b"RIFF": "webp"}
SKIP_TEXT = (".map",)  # source maps of the theme's bundle: never read by a visitor
SCRIPT_SCHEMES = (
    "javascript:",
    "vbscript:",
    "livescript:",
    "data:text/html",
    "data:application/xhtml",
    "data:text/xml",
    "data:application/xml",
    "data:image/svg+xml;",
    "data:text/javascript",
)
ACTIVE_ELEMENTS = {"iframe", "frame", "frameset", "object", "embed", "applet", "base", "portal"}
# Browsers drop ASCII whitespace and control characters anywhere in a URL's scheme.
URL_JUNK = re.compile(r"[\x00-\x20\x7f]+")
INVISIBLE = re.compile(
    r"[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e"
    r"\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0]"
)
SEPARATORS = re.compile(r"[\s\-‐‑‒–—―－.·・_/]+")


# --- scripts ------------------------------------------------------------------------

_REL_PATH = re.compile(r"(?<=[\"'(])(?:\.\./)*\.{0,2}/?(?=[\"')])")


def script_signature(attrs: dict, body: str) -> str:
    """What identifies a script whatever page it is on: its file name or its normalised text
    (the theme writes the page's relative path to the site root into inline scripts)."""
    src = attrs.get("src")
    if src is not None:
        name = src.split("?")[0].split("#")[0].rsplit("/", 1)[-1]
        # `defer` and `defer=""` are the same attribute (mkdocs-glightbox re-serialises pages).
        rest = sorted(f"{k}={v or ''}" for k, v in attrs.items() if k != "src")
        return f"src:{name} {' '.join(rest)}"
    kind = attrs.get("type") or ""
    if kind == "application/json":  # data, not code: its keys are what matters
        try:
            return f"json:{attrs.get('id')}:{sorted(json.loads(body))}"
        except ValueError:
            pass
    text = _REL_PATH.sub("REL", body.strip())
    return f"inline:{kind}:{hashlib.sha1(text.encode()).hexdigest()[:12]}"


def _scripts(text: str) -> Iterable[tuple[dict, str]]:
    tree = LexborHTMLParser(text)
    for node in tree.css("script"):
        yield dict(node.attributes), node.text(deep=True) or ""


def script_signatures(site: Path) -> set[str]:
    """Every script of a (clean) build, to compare other builds with."""
    out = set()
    for path in _files(site):
        if path.suffix.lower() in MARKUP_TYPES:
            for attrs, body in _scripts(_read(path)):
                out.add(script_signature(attrs, body))
    return out


# --- markup -------------------------------------------------------------------------


def _script_url(value: str) -> bool:
    clean = URL_JUNK.sub("", html.unescape(value)).lower()
    return clean.startswith(SCRIPT_SCHEMES)


def scan_markup(rel: str, text: str, known_scripts: set[str] | None, where: str = "") -> list[Finding]:
    """Scripts, event attributes, script URLs and active elements in one HTML/SVG text.
    ``known_scripts`` None: every script is a finding (e.g. HTML held in the search index)."""
    out = []
    prefix = f"{where}: " if where else ""
    tree = LexborHTMLParser(text)
    for node in tree.root.traverse(include_text=False) if tree.root else ():
        tag = (node.tag or "").lower()
        attrs = dict(node.attributes)
        if tag == "script":
            sig = script_signature(attrs, node.text(deep=True) or "")
            if known_scripts is None or sig not in known_scripts:
                out.append(Finding(rel, "script", f"{prefix}{_snippet(node.html)}"))
        if tag in ACTIVE_ELEMENTS:
            out.append(Finding(rel, "active-element", f"{prefix}{_snippet(node.html)}"))
        for name, value in attrs.items():
            low = name.lower()
            if low.startswith("on"):
                out.append(Finding(rel, "event-attribute", f"{prefix}<{tag} {name}=…> in {_snippet(node.html)}"))
            elif low == "srcdoc":
                out.append(Finding(rel, "active-element", f"{prefix}<{tag} srcdoc> in {_snippet(node.html)}"))
            if value and _script_url(value):
                out.append(Finding(rel, "script-url", f'{prefix}<{tag} {name}="{value[:60]}">'))
            if (
                tag == "meta"
                and low == "content"
                and "url=" in (value or "").lower()
                and (attrs.get("http-equiv") or "").lower() == "refresh"
            ):
                out.append(Finding(rel, "active-element", f"{prefix}{_snippet(node.html)}"))
    if rel.lower().endswith(".svg") and re.search(r"GPS(?:Latitude|Longitude)|exif:GPS", text):
        out.append(Finding(rel, "image-metadata", "GPS in the SVG's metadata"))
    return out


def _snippet(text: str | None, n: int = 120) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= n else text[:n] + "…"


# --- images -------------------------------------------------------------------------


def image_metadata(data: bytes) -> list[str]:
    """Names of the metadata blocks in a JPEG, PNG or WebP ([] when there are none)."""
    found = []
    if data[:2] == b"\xff\xd8":
        i = 2
        while i + 4 <= len(data) and data[i] == 0xFF:
            marker = data[i + 1]
            if marker == 0xFF:  # fill byte
                i += 1
                continue
            if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:
                i += 2
                continue
            if marker in (0xDA, 0xD9):  # start of scan / end of image
                break
            length = int.from_bytes(data[i + 2 : i + 4], "big")
            payload = data[i + 4 : i + 2 + length]
            if marker == 0xE1:
                found.append(
                    "xmp"
                    if payload.startswith(b"http://ns.adobe.com/xap/")
                    else "exif"
                    if payload.startswith(b"Exif")
                    else "app1"
                )
            elif marker == 0xED:
                found.append("iptc")
            elif marker == 0xFE:
                found.append("comment")
            elif 0xE3 <= marker <= 0xEF and marker != 0xEE:  # APP0 JFIF, APP2 ICC, APP14 Adobe are fine
                found.append(f"app{marker - 0xE0}")
            i += 2 + length
    elif data[:8] == b"\x89PNG\r\n\x1a\n":
        i = 8
        while i + 8 <= len(data):
            size = int.from_bytes(data[i : i + 4], "big")
            tag = data[i + 4 : i + 8]
            if tag in (b"eXIf", b"tEXt", b"zTXt", b"iTXt"):
                found.append(tag.decode())
            if tag == b"IEND":
                break
            i += 12 + size
    elif data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        i = 12
        while i + 8 <= len(data):
            tag, size = data[i : i + 4], int.from_bytes(data[i + 4 : i + 8], "little")
            if tag in (b"EXIF", b"XMP "):
                found.append(tag.decode().strip())
            i += 8 + size + (size & 1)
    for needle, name in ((b"GPSLatitude", "xmp-gps"), (b"<x:xmpmeta", "xmp"), (b"Exif\x00\x00", "exif")):
        if needle in data and name not in found and not (name == "xmp-gps" and "xmp" in found):
            found.append(name)
    return found


# --- personal numbers ---------------------------------------------------------------


def normalised(text: str) -> str:
    """What a reader sees: entities undone, full-width forms folded, invisible characters gone."""
    text = INVISIBLE.sub("", unicodedata.normalize("NFKC", html.unescape(text)))
    return re.sub(r"[^\S\n]", " ", text)


def personal_numbers(
    rel: str, text: str, allowed: frozenset = frozenset(), planted: Iterable[str] = ()
) -> list[Finding]:
    out = []
    seen = set()
    for i, line in enumerate(text.split("\n"), 1):
        for variant in {line, normalised(line)}:
            for f in privacy.find(variant, set(allowed)):
                if (i, f.masked) not in seen:
                    seen.add((i, f.masked))
                    out.append(
                        Finding(
                            rel,
                            "personal-number",
                            f"line {i}: {f.masked} in “{_snippet(variant[max(0, f.start - 20) : f.start + 40], 70)}”",
                        )
                    )
    if planted:
        flat = SEPARATORS.sub("", normalised(text))
        for digits in planted:
            if digits in flat:
                out.append(Finding(rel, "personal-number", f"planted number {digits[:3]}…{digits[-2:]} is readable"))
    return out


def _strings(value) -> Iterable[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield str(k)
            yield from _strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)


def document_text(path: Path) -> str | None:
    """The text of an Office or PDF file, None for other files."""
    suffix = path.suffix.lower()
    try:
        if suffix == ".docx":
            import docx

            d = docx.Document(str(path))
            parts = [p.text for p in d.paragraphs]
            parts += [c.text for t in d.tables for row in t.rows for c in row.cells]
            parts += [d.core_properties.author or "", d.core_properties.title or ""]
            return "\n".join(parts)
        if suffix == ".xlsx":
            import openpyxl

            wb = openpyxl.load_workbook(path, read_only=True)
            return "\n".join(
                " ".join(str(c) for c in row if c is not None)
                for ws in wb.worksheets
                for row in ws.iter_rows(values_only=True)
            )
        if suffix == ".pdf":
            import pypdf

            return "\n".join(page.extract_text() or "" for page in pypdf.PdfReader(path).pages)
    except Exception as exc:  # an unreadable document is reported, not skipped
        return f"(unreadable: {exc})"
    return None


# --- the whole site -----------------------------------------------------------------


def _files(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*") if p.is_file())


def _read(path: Path) -> str:
    return path.read_bytes().decode("utf-8", errors="replace")


def scan_site(
    site: Path, known_scripts: set[str] | None = None, allowed_numbers: Iterable[str] = (), planted: Iterable[str] = ()
) -> list[Finding]:
    """Everything in ``site`` that must not be published (see the module docstring)."""
    known = set(known_scripts or ())
    allowed = frozenset(allowed_numbers)
    planted = tuple(planted)
    out: list[Finding] = []
    for path in _files(site):
        rel = path.relative_to(site).as_posix()
        low = rel.lower()
        data = path.read_bytes()
        kind = next((k for magic, k in IMAGE_MAGIC.items() if data.startswith(magic)), None)
        if kind == "webp" and data[8:12] != b"WEBP":
            kind = None
        if kind:
            for block in image_metadata(data):
                out.append(Finding(rel, "image-metadata", block))
            continue
        if (doc := document_text(path)) is not None:
            out.extend(personal_numbers(rel, doc, allowed, planted))
            continue
        if low.endswith(SKIP_TEXT):
            continue
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            continue  # binary: fonts, gzip
        if low.endswith(MARKUP_TYPES):
            out.extend(scan_markup(rel, text, known))
        elif low.endswith(".xml"):
            # RSS descriptions are HTML escaped once: a feed reader renders the unescaped text.
            out.extend(scan_markup(rel, html.unescape(text), set()))
        elif low.endswith(".json"):
            try:
                value = json.loads(text)
            except ValueError:
                out.append(Finding(rel, "invalid-json", _snippet(text, 80)))
                value = None
            strings = list(_strings(value))
            # The theme's search index and its parts (wenmingsite.outputs.search_index)
            searchable = low.endswith("search_index.json") or bool(re.fullmatch(r"search/part-\d+\.json", low))
            for s in strings:
                if searchable and "<" in s:  # Material renders the index's text as HTML
                    out.extend(scan_markup(rel, s, None, where="search index"))
                elif _script_url(s):
                    out.append(Finding(rel, "script-url", _snippet(s, 80)))
            text = "\n".join(strings)
        out.extend(personal_numbers(rel, text, allowed, planted))
    return sorted(set(out))


def snapshot(site: Path) -> dict[str, str]:
    """Path -> content hash of every file, to prove a refused build left the site alone."""
    if not site.exists():
        return {}
    return {p.relative_to(site).as_posix(): hashlib.sha1(p.read_bytes()).hexdigest() for p in _files(site)}
