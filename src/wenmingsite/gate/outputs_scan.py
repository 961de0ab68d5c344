"""Personal numbers in what a build wrote: the decoded, rendered text of every output.

The publication checks read sources as the editor typed them; visitors and readers' programs
receive something else. A YAML escape (``"\\u0031\\u0033\\u0038…"``) becomes digits in the page,
``feed.xml``, ``api/*.json`` and the search index; ``138<b></b>0013<!-- -->8000`` shows as one
number; an entity, a percent-encoded link, text inside an SVG, a value of ``mkdocs.yml`` such as
``copyright``, a number that Markdown joins across two source lines: each reaches the site in a
form no line of the source shows. So after the build has written everything (into its new
folder, before that folder becomes ``site/``), every output is read as its reader reads it:

==============================  ===========================================================
output                          read as
==============================  ===========================================================
pages, SVG (``.html``, ``.svg``)  the text a browser shows (comments and tags removed: inline
                                  elements such as ``<b>`` or ``<tspan>`` join the digits
                                  around them, every other tag — a paragraph, a table cell,
                                  a list item, a line break — separates; entities decoded;
                                  whitespace runs read as one space); every attribute value
                                  (entities and percent-encoding decoded), except the
                                  geometry of SVG paths; the text of scripts and styles
``*.json`` (``api/``, search)     every string, decoded, read as HTML (the search index holds
                                  HTML) and percent-decoded (links)
``feed.xml``, ``sitemap.xml``     entities decoded once (a feed holds its HTML escaped), then
                                  as a page; links percent-decoded
other text (``.txt``, ``.csv``…)  lines, with escapes and entities decoded
``*.gz``                          what it holds, as above
==============================  ===========================================================

Images (re-encoded or variants), fonts and documents (checked at their source by
:mod:`wenmingsite.gate.doctext`, published byte for byte) are not read again; nor are the theme's
and this package's own assets (``skip``).

Speed: one pass per file of a few regular expressions compiled once (no HTML parser builds
a tree), and :func:`wenmingsite.gate.privacy.find` runs only on the lines holding a window of
eleven digits (:data:`privacy.CANDIDATE`). The numbers found are located back in the sources
(:func:`locate`) only when there are any. Across builds, :class:`CleanCache` keeps the verdicts
of exact bytes (whole files, a long page's parts, a JSON file's items).
"""

from __future__ import annotations

import gzip
import hashlib
import html
import io
import json
import os
import re
import stat
import unicodedata
import urllib.parse
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from wenmingsite.gate import images, privacy
from wenmingsite.gate.publication import number_message
from wenmingsite.loading.patterns import lazy
from wenmingsite.loading.problems import Problem

MARKUP_TYPES = (".html", ".htm", ".xhtml", ".svg")
XML_TYPES = (".xml", ".rss", ".atom")
JSON_TYPES = (".json", ".webmanifest")
# Never text a reader decodes, or already checked at the source and published as it is.
UNREAD_TYPES = (
    (".jpg", ".jpeg", ".png", ".webp", ".gif", ".avif", ".ico", ".heic", ".heif", ".bmp", ".tif", ".tiff")
    + (".woff", ".woff2", ".ttf", ".otf", ".eot")
    + (".pdf", ".ofd", ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".wps", ".et", ".dps")
    + (".map",)  # source maps of the theme's bundle: no visitor reads them
)
MAX_GZIP_BYTES = 64 * 1024 * 1024  # what a .gz output may hold when read (a bomb stops here)

# Eleven digits (or numerals) with nothing but separators between them: the shape of a
# number in text already decoded (find's own window, privacy.CANDIDATE, also allows the
# characters of an encoding between digits, which decoded text no longer holds).
_SEPARATORS = re.escape(privacy.DASHES + privacy.DOTS + privacy.INVISIBLE)
_GAP = rf"(?:[^\S\n]|[{_SEPARATORS}])"  # within a line: spaces, dashes, dots, invisible characters
DECODED_CANDIDATE = re.compile(rf"[{privacy._D}](?:{_GAP}{{0,6}}[{privacy._D}]){{10}}")
# Where a page is cut into parts, so that a part seen before (the navigation of every
# activity page, the same list item on the timeline and category pages, the scripts at the
# end) is not read again. In the body: before a block-level element whose first attribute
# is ``class="`` — no text runs from one block into the next, and no attribute value can
# hold the cut (every serialiser here escapes ``"`` inside values: the sanitiser of page
# content and the templates alike). In the head, which holds no page content: before each
# ``<meta``, ``<link``, ``<title>`` and ``<script``. The parts of a page that are new are
# read together, a break between them.
# A page read in more new parts than this has its parts' verdicts kept (CleanCache) as well as
# its own: fewer, and the page is read whole (it costs less than hashing each part).
PARTS_KEPT_FROM = 100
HEAD_END = "</head>"
HEAD_CUT = re.compile(r"<(?:meta|link|title|script)[\s>]")
BLOCKS = "address|article|aside|blockquote|dd|details|div|dl|dt|fieldset|figure|footer|form|h[1-6]|header|li|main|nav|ol|p|pre|section|table|tbody|td|tfoot|th|thead|tr|ul"
BODY_CUT = re.compile(rf'<(?:{BLOCKS}) class="')
COMMENT = lazy(r"<!--(?:-?>|.*?(?:--!?>|\Z))", re.S)
RAW_TEXT = re.compile(r"<(script|style)\b[^>]*>(.*?)</\1\s*>", re.S | re.I)
CDATA = lazy(r"<!\[CDATA\[|\]\]>")
# The geometry of SVG paths and shapes: thousands of numbers in every page's icons, never text.
GEOMETRY = re.compile(r' d="[^"]*"')
VALUES = re.compile(r"""=\s*(?:"([^"]*)"|'([^']*)')""")
UNQUOTED = re.compile(r"""=([^\s"'=<>`]+)""")
# Lower case as every template and the sanitiser write them (an upper-case inline tag in a
# maintainer's template then separates: more lines, never a number hidden).
INLINE = re.compile(rf"</?(?:{'|'.join(privacy.INLINE_TAGS)})(?=[\s/>]){privacy._IN_TAG}>")
TAG = re.compile(rf"</?[A-Za-z]{privacy._IN_TAG}>|<[!?][^>]*>")
BREAK = "\x00"
# Whitespace holding a line break (from the source's formatting) shows as one space.
SOFT_BREAK = re.compile(r"\n\s*")
PERCENT = re.compile(r"(?:%[0-9a-fA-F]{2})+")


@dataclass(frozen=True)
class Leak:
    """A personal number in one output file."""

    output: str  # relative to the site folder, with "/"
    part: str  # Chinese: which part of the output holds it
    number_type: str  # "mobile" | "id"
    masked: str
    number: str = field(default="", repr=False, compare=False)


# --- reading -----------------------------------------------------------------------------


def _percent_decoded(text: str) -> str:
    if "%" not in text or not PERCENT.search(text):
        return text
    return PERCENT.sub(lambda m: urllib.parse.unquote(m.group(0), errors="replace"), text)


def read_markup(markup: str) -> tuple[str, str, str]:
    """(the text a browser shows, one block a line; every attribute value, one a line;
    the text of scripts and styles) of an HTML or SVG document."""
    if "<!--" in markup:
        markup = COMMENT.sub("", markup)
    raw: list[str] = []
    if "<script" in markup or "<style" in markup or "<SCRIPT" in markup or "<STYLE" in markup:

        def keep(m: re.Match) -> str:
            raw.append(m.group(2))
            return BREAK

        markup = RAW_TEXT.sub(keep, markup)
    tags = GEOMETRY.sub("", markup)
    values = VALUES.findall(tags)
    attributes = "\n".join(a or b for a, b in values)
    unquoted = UNQUOTED.findall(tags)
    if unquoted:
        attributes += "\n" + "\n".join(unquoted)
    if "&" in attributes:
        attributes = html.unescape(attributes)
    attributes = _percent_decoded(attributes)
    text = TAG.sub(BREAK, INLINE.sub("", markup))
    text = SOFT_BREAK.sub(" ", text).replace(BREAK, "\n")
    if "&" in text:
        text = html.unescape(text)
    return text, attributes, "\n".join(raw)


def _items(value) -> list:
    """A JSON document's items: each element of its top-level lists (the entries of the
    search index, the records of api/*.json), and the rest as one item."""
    if isinstance(value, list):
        return value
    if isinstance(value, dict):
        out: list = []
        rest: dict = {}
        for k, v in value.items():
            if isinstance(v, list):
                out.extend(v)
                rest[k] = None
            else:
                rest[k] = v
        return [rest, *out]
    return [value]


def _strings(value) -> Iterator[str]:
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            yield item
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)


def page_parts(page: str) -> list[str]:
    """A page cut into parts that can be read apart (see BODY_CUT)."""
    head_end = max(page.find(HEAD_END), 0)
    cuts = [0, *(m.start() for m in HEAD_CUT.finditer(page, 0, head_end)), head_end]
    cuts += [m.start() for m in BODY_CUT.finditer(page, head_end)]
    cuts.append(len(page))
    return [page[a:b] for a, b in zip(cuts, cuts[1:], strict=False) if b > a]


class Scanner:
    """Reads outputs one by one; parts of pages already read (the same navigation, header
    and scripts on a thousand pages) are not read again."""

    def __init__(self, allowed: frozenset = frozenset(), cache: CleanCache | None = None):
        self.allowed = allowed
        self.cache = cache
        self.parts_read: set[str] = set()
        self.pending: list[bytes] = []  # keys of the pieces of the file being read

    def readings(self, rel: str, data: bytes) -> list[tuple[str, str, bool]]:
        """(part, text, decoded) for each way a reader reads the output ``rel`` (see the
        module's table); ``decoded``: escapes and entities are already undone."""
        low = rel.lower()
        if low.endswith(".gz"):
            try:
                with gzip.GzipFile(fileobj=io.BytesIO(data)) as fh:
                    inner = fh.read(MAX_GZIP_BYTES)
            except (OSError, EOFError):
                return [("压缩文件", data.decode("utf-8", errors="replace"), False)]
            return self.readings(rel[:-3], inner)
        if low.endswith(UNREAD_TYPES):
            return []
        text = data.decode("utf-8", errors="replace")
        if "\ufffd" in text and text.count("\ufffd") * 20 > len(text):
            return []  # binary: no reader takes it as text
        if low.endswith(MARKUP_TYPES):
            read = self.parts_read
            new = [part for part in page_parts(text) if part not in read]
            read.update(new)
            if len(new) >= PARTS_KEPT_FROM:
                # A long page (the evidence index, the print view, a listing) that an edit
                # changed in one place: the parts an earlier build read clean are not read again.
                new = self._unread(new, b"page part\0")
            shown, attributes, raw = read_markup(BREAK.join(new))
            return [("网页文字", shown, True), ("网页属性", attributes, True), ("网页脚本", raw, False)]
        if low.endswith(XML_TYPES):
            text = CDATA.sub("", text)
            shown, attributes, raw = read_markup(html.unescape(text) if "&" in text else text)
            return [("文字", _percent_decoded(shown), True), ("属性", attributes, True), ("脚本", raw, False)]
        if low.endswith(JSON_TYPES):
            try:
                value = json.loads(text)
            except (ValueError, RecursionError):
                return [("数据", text, False)]
            # Each string is a text of its own (a break between them: no digits run across),
            # read item by item: an item read clean by an earlier build (the search entries of
            # pages that did not change) is not read again.
            strings = BREAK.join(self._unread(BREAK.join(_strings(item)) for item in _items(value)))
            if "<" not in strings:
                strings = strings.replace("\n", " ").replace(BREAK, "\n")
                return [("数据", _percent_decoded(html.unescape(strings) if "&" in strings else strings), True)]
            shown, attributes, raw = read_markup(strings)
            return [
                ("数据", _percent_decoded(shown), True),
                ("数据中的网页属性", attributes, True),
                ("数据中的脚本", raw, False),
            ]
        return [("文字", text, False)]

    def _unread(self, pieces: Iterable[str], kind: bytes = b"") -> list[str]:
        """The pieces the cache does not know as clean (all of them without a cache). ``kind``:
        how they are read (a page's parts are read otherwise than a JSON item's strings)."""
        if self.cache is None:
            return list(pieces)
        out = []
        for piece in pieces:
            key = self.cache.key(kind + piece.encode("utf-8", "surrogatepass"))
            if not self.cache.known(key):
                self.pending.append(key)
                out.append(piece)
        return out

    def file(self, rel: str, data: bytes) -> list[Leak]:
        """The personal numbers a reader of output ``rel`` receives."""
        cache = self.cache
        key = cache.key(data) if cache is not None else b""
        if cache is not None and cache.known(key):
            return []
        self.pending = []
        out = self._read(rel, data)
        if cache is not None and not out:
            cache.add(key)
            for piece in self.pending:
                cache.add(piece)
        return out

    def _read(self, rel: str, data: bytes) -> list[Leak]:
        out: list[Leak] = []
        seen: set[tuple[str, str]] = set()
        for part, text, decoded in self.readings(rel, data):
            if not text:
                continue
            for f in numbers_in(text, self.allowed, decoded):
                if (f.number_type, f.number) not in seen:
                    seen.add((f.number_type, f.number))
                    out.append(Leak(rel, part, f.number_type, f.masked, f.number))
        # The output's own path is its address: /2024/张三13812348000/ is read in the address bar.
        path = urllib.parse.unquote(rel)
        for name in {path, re.sub(r"[-_./]", " ", path)}:
            for f in privacy.find(name, self.allowed):
                if (f.number_type, f.number) not in seen:
                    seen.add((f.number_type, f.number))
                    out.append(Leak(rel, "网址", f.number_type, f.masked, f.number))
        return out


def numbers_in(text: str, allowed: frozenset = frozenset(), decoded: bool = False) -> list[privacy.Finding]:
    """What :func:`privacy.find` sees in the lines of ``text`` that hold eleven digits close
    enough together to be one (the rest cannot hold a number). ``decoded``: the text is
    what a reader sees (read as it is, not decoded once more)."""
    out = []
    done = -1
    candidate = DECODED_CANDIDATE if decoded else privacy.CANDIDATE
    for m in candidate.finditer(text):
        if m.start() < done:
            continue
        start = text.rfind("\n", 0, m.start()) + 1
        end = text.find("\n", m.end())
        end = len(text) if end < 0 else end
        if end - start > LONG_LINE:  # a page's whole text in the search index: read around the digits
            start, end = _around(text, m.start(), m.end(), start, end)
        done = end
        line = text[start:end]
        if decoded and not _UNUSUAL.search(line) and not privacy.SHAPE.search(line):
            continue  # links, dates, serial numbers: no number's shape
        out.extend(privacy.find(line, allowed, decode=not decoded))
    return out


LONG_LINE = 400
# A line of ASCII, Chinese characters and the usual Chinese punctuation reads as written
# (normalising changes none of them): its numbers, if any, have privacy.SHAPE. Any other
# character (a full-width digit, a Chinese numeral, a dash, an invisible one) may take part
# in a number: such lines go to find() whole.
_UNUSUAL = re.compile(
    rf"[^\x00-\x7f\u4e00-\u9fff\u3001\u3002\u3008-\u3011\u2018\u2019\u201c\u201d"
    rf"\uff01-\uff0c\uff1a-\uff1f]|[{privacy._CN}]"
)
# What a number's chain can be made of, read backwards and forwards from eleven digits: the
# window find() reads is this run and a little context (its look-behind is 12 characters).
_CHAINISH = re.compile(rf"[{privacy._D}{_SEPARATORS}\sXx+]*")
_MAX_CHAIN = 512
_CONTEXT = 16


def _around(text: str, s: int, e: int, start: int, end: int) -> tuple[int, int]:
    back = _CHAINISH.match(text[max(start, s - _MAX_CHAIN) : s][::-1])
    forth = _CHAINISH.match(text, e, min(end, e + _MAX_CHAIN))
    a = s - (back.end() if back else 0) - _CONTEXT
    b = (forth.end() if forth else e) + _CONTEXT
    return max(start, a), min(end, b)


def scan_bytes(rel: str, data: bytes, allowed: frozenset = frozenset()) -> list[Leak]:
    """The personal numbers a reader of the single output ``rel`` receives."""
    return Scanner(allowed).file(rel, data)


def walk(site_dir: Path) -> Iterator[tuple[str, str]]:
    """(relative path, full path) of every file under ``site_dir``, without following links."""
    top = str(site_dir)
    stack = [top]
    base = len(top) + 1
    while stack:
        folder = stack.pop()
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    stack.append(entry.path)
                else:
                    yield entry.path[base:].replace(os.sep, "/"), entry.path


def _identity(st: os.stat_result) -> tuple[int, ...]:
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)


def read_back(path: str) -> tuple[tuple[int, ...], bytes] | None:
    """(identity, key) of the regular file at ``path`` as read now, for :func:`scan`'s
    ``read_before``: the device, inode, size, modification and change times of the very file
    read (before and after reading, unchanged between), and :meth:`CleanCache.key` of its
    bytes; None when it cannot be read so (the scan then reads it)."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return None
    try:
        before = os.fstat(fd)
        if not stat.S_ISREG(before.st_mode):
            return None
        # One read where the file is as long as it was (a regular file reads whole): a file
        # that grows or changes meanwhile has another length or identity afterwards.
        data = os.read(fd, before.st_size + 1)
        while len(data) < before.st_size and (chunk := os.read(fd, before.st_size + 1 - len(data))):
            data += chunk
        after = os.fstat(fd)
    except OSError:
        return None
    finally:
        os.close(fd)
    identity = _identity(before)
    if len(data) != before.st_size or _identity(after) != identity:
        return None
    return identity, CleanCache.key(data)


def scan(
    site_dir: Path,
    allowed: frozenset = frozenset(),
    skip: Callable[[str], bool] = lambda rel: False,
    cache: CleanCache | None = None,
    read_before: Mapping[str, tuple[tuple[int, ...], bytes]] | None = None,
) -> list[Leak]:
    """Every personal number a reader of the files under ``site_dir`` receives, except in
    the files ``skip`` names (the theme's and this package's own assets). With ``cache``,
    a file whose exact bytes an earlier build found clean is not read again. ``read_before``:
    files of the folder already read and hashed this build (by :func:`read_back`, on another
    thread), by normalised path; one whose identity (inode, size, times) is still the one read
    and whose key ``cache`` knows is not read here (any other is read as usual)."""
    scanner = Scanner(allowed, cache)
    out: list[Leak] = []
    before = read_before if cache is not None and read_before else {}
    for rel, full in walk(site_dir):
        if skip(rel) or rel.lower().endswith(UNREAD_TYPES):
            continue
        if before and (found := before.get(os.path.normpath(full))) is not None:
            try:
                same = _identity(os.lstat(full)) == found[0]
            except OSError:
                same = False
            if same and cache is not None and cache.known(found[1]):
                continue
        with open(full, "rb") as fh:
            data = fh.read()
        if rel.endswith(".gz") and _same_as_unpacked(full, data):
            continue  # sitemap.xml.gz: the sitemap.xml beside it, read already
        out.extend(scanner.file(rel, data))
    return sorted(out, key=lambda leak: (leak.output, leak.masked))


def _same_as_unpacked(full: str, data: bytes) -> bool:
    try:
        with open(full[:-3], "rb") as fh:
            beside = fh.read()
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as packed:
            return packed.read(len(beside) + 1) == beside
    except (OSError, EOFError):
        return False


class CleanCache:
    """Outputs found clean, by content hash, kept in ``.cache/outputs/`` between builds: a
    rebuild reads only what changed. The key includes everything a verdict is judged by: this
    module's and privacy.py's source, the unit's allowed numbers, the day an ID number's birth
    date is judged against (``privacy.real_day``: a number born tomorrow is one tomorrow) and
    the Unicode tables that fold characters, so a changed detector, office phone or day reads
    all again."""

    FILE = "clean.json"

    def __init__(self, folder: Path, allowed: frozenset):
        self.path = folder / self.FILE
        salt = hashlib.sha256()
        for source in (privacy.__file__, __file__):
            salt.update(Path(source).read_bytes())
        salt.update("\n".join(sorted(allowed)).encode())
        salt.update(f"\0{privacy.real_day().isoformat()}\0{unicodedata.unidata_version}".encode())
        self.salt = salt.hexdigest()
        self.seen: set[bytes] = set()
        self.kept: set[bytes] = set()  # what this build found clean
        try:
            stored = json.loads(self.path.read_text(encoding="utf-8"))
            if stored.get("salt") == self.salt:
                self.seen = {bytes.fromhex(k) for k in stored["clean"]}
        except (OSError, ValueError, KeyError, TypeError, AttributeError, RecursionError):
            pass

    @staticmethod
    def key(data: bytes) -> bytes:
        # SHA-256 (cut to 128 bits): with the CPUs' SHA instructions, which OpenSSL uses (every
        # x86 CI machine of recent years), 43 MB of a 1,000-activity site hash in 23 ms of CPU
        # against BLAKE2b's 33 ms; the scan hashes every output of every build.
        return hashlib.sha256(data).digest()[:16]

    def known(self, key: bytes) -> bool:
        if key in self.seen:
            self.kept.add(key)
            return True
        return False

    def add(self, key: bytes) -> None:
        self.kept.add(key)

    def save(self) -> None:
        """Keep what this build found clean (outputs gone from the site are dropped); a
        cache that cannot be written only costs the next build time."""
        if self.kept == self.seen:
            return
        data = json.dumps({"salt": self.salt, "clean": sorted(k.hex() for k in self.kept)}).encode()
        images.write_cache(self.path, data)


# --- where it was written ------------------------------------------------------------------


def _digits(text: str) -> Iterator[tuple[str, int]]:
    """Every digit of ``text`` as a reader decodes it (escapes, entities, markup, Chinese
    numerals in runs), with the number of the line that holds it."""
    for no, line in enumerate(text.split("\n"), 1):
        if not privacy.DIGITISH.search(line) and "&#" not in line and "\\" not in line and "%" not in line:
            continue
        decoded, _ = privacy.decoded(line)
        norm, _ = privacy.normalise(decoded)
        if privacy.CN_ANY.search(norm):
            norm = privacy.CN_RUN.sub(privacy._numerals_as_digits, norm)
        for ch in norm:
            if ch.isdigit() or ch in "Xx":
                yield ch.upper(), no


def locate(number: str, sources: Iterable[tuple[str, Callable[[], str]]]) -> tuple[str, int] | None:
    """(source, line) of the first source whose digits, read in order across its lines
    and whatever lies between them, spell ``number``; None when none does."""
    for rel, read in sources:
        try:
            text = read()
        except (OSError, UnicodeDecodeError):
            continue
        pairs = list(_digits(text))
        stream = "".join(d for d, _ in pairs)
        at = stream.find(number.upper())
        if at >= 0:
            return rel, pairs[at][1]
    return None


def problems(
    leaks: list[Leak], sources_for: Callable[[str], Iterable[tuple[str, Callable[[], str]]]], shown_site: str
) -> list[Problem]:
    """One Chinese line per number and place it was written: the source file and line when
    one spells it (``sources_for(output)`` lists where to look, the output's own page first),
    else the output file."""
    grouped: dict[tuple[str, int | None, str], list[Leak]] = {}
    located: dict[tuple[str, str], tuple[str, int] | None] = {}
    for leak in leaks:
        key = (leak.output, leak.number)
        if key not in located:
            located[key] = locate(leak.number, sources_for(leak.output))
        where = located[key]
        group = (where[0], where[1], leak.masked) if where else (f"{shown_site}/{leak.output}", None, leak.masked)
        grouped.setdefault(group, []).append(leak)
    out = []
    for (path, line, masked), found in grouped.items():
        outputs = sorted({f"{shown_site}/{leak.output} 的{leak.part}" for leak in found})
        shown = "、".join(outputs[:3]) + (f"等 {len(outputs)} 处" if len(outputs) > 3 else "")
        said = number_message(found[0].number_type, masked)
        if line is not None:
            message = (
                f"生成的网站上（{shown}）会显示{said}。这里的号码被拆开、转义、跨行或写成了中文数字，"
                "检查源文件时不易认出，但访客看到的是完整号码"
            )
        else:
            message = (
                f"生成的网站上（{shown}）会显示{said}。没有找到写入它的源文件，"
                "请在页面、data 文件和 mkdocs.yml 中查找这个号码"
            )
        out.append(Problem(path, line, None, message))
    return out
