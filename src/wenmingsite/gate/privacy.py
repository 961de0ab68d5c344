"""Personal numbers of private persons in text: mainland mobile numbers and resident ID
numbers (18 digits, verified by checksum and birth date; 15-digit first-generation IDs by
region and birth date). Found numbers are only ever shown masked.

Editors paste numbers from WeChat, Word and Excel: full-width digits, any kind of dash,
dots, ideographic or no-break spaces, and groupings like 138 1234 5678 or 110105 1980 0101
1238. Each line is normalised first (NFKC per character, every dash to ``-``, every dot to
``.``, every space to `` ``, invisible characters dropped) with a map back to the
original column, then split into chains of digit groups. A number is a run of whole groups
with a known grouping that is cut off from the rest of its chain by spaces, never by a
dash or dot (those bind: ``2024-13812348000-01`` is a serial number, ``13812348000.50``
an amount) and never glued to ASCII letters (``SF1381234800012``).

Visitors read numbers decoded, so before looking the detector also undoes what an editor
can hide digits in (:func:`decoded`): YAML and JSON escapes (``\\u0031``), HTML comments and
tags (``138<b></b>0013<!-- -->8000`` reads as one number; a tag that starts a new block, a
table cell or a list item separates as a line break would), HTML entities (``&#49;``),
percent-encoding (``%31``) and Markdown emphasis or code marks between digits. Chinese
numerals (一三八…, 壹叁捌…, 幺三八…, mixed with digits) count as digits in a run of at least
eleven of them, so 一三八团 and 二〇二四年 stay prose.
"""

from __future__ import annotations

import datetime as dt
import functools
import html
import re
import unicodedata
import urllib.parse
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field

from wenmingsite.loading.patterns import lazy

VERSION = 3  # part of the document cache key (doctext.py hashes this file's source as well)

DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2043\ufe58\ufe63\uff0d"
DOTS = ".\u00b7\u2027\u30fb\uff0e\uff65\u2219"
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"

MIN_DIGITS = 11  # the shortest number looked for
# Chinese numerals read as digits when they run like one (mobile numbers are read out as
# 幺三八…; 〇/○ and 零 are zero; the financial capitals 壹贰叁…, traditional forms too).
CHINESE_DIGITS = {
    **dict.fromkeys("〇○零洞", "0"),
    **dict.fromkeys("一壹幺", "1"),
    **dict.fromkeys("二贰貳两", "2"),
    **dict.fromkeys("三叁參叄", "3"),
    **dict.fromkeys("四肆", "4"),
    **dict.fromkeys("五伍", "5"),
    **dict.fromkeys("六陆陸", "6"),
    **dict.fromkeys("七柒拐", "7"),
    **dict.fromkeys("八捌", "8"),
    **dict.fromkeys("九玖", "9"),
}
_CN = "".join(CHINESE_DIGITS)
_CN_TABLE = str.maketrans(CHINESE_DIGITS)
CN_ANY = re.compile(f"[{_CN}]")
# A run of digits and Chinese numerals as the chain below would group it (after
# normalising): eleven or more of them make the numerals digits.
CN_RUN = lazy(rf"[0-9{_CN}](?:(?: {{0,2}}(?:-{{1,2}}|\.) {{0,2}}| {{1,3}})?[0-9{_CN}])+")
# Eleven digits (or numerals), none further than a separator's width from the next: lines
# without such a window (nearly all prose, dates and amounts) are skipped before normalising.
# Superscript, subscript and circled digits read as digits too (NFKC folds them).
_OTHER_DIGITS = (
    "\u00b2\u00b3\u00b9\u2070\u2074-\u2079\u2080-\u2089\u2460-\u2468\u24ea\u2776-\u277e\u2780-\u2788\u278a-\u2792"
)
_D = rf"\d{_CN}{_OTHER_DIGITS}"
CANDIDATE = re.compile(rf"[{_D}](?:[^{_D}]{{0,6}}[{_D}]){{10}}")
_SEP = r"(?: {0,2}(?:-{1,2}|\.) {0,2}| {1,3})"
CHAIN = re.compile(rf"[0-9]+(?:{_SEP}[0-9]+)*(?:[Xx](?![A-Za-z0-9]))?")
GROUP = re.compile(r"[0-9]+[Xx]?")
# Digits glued to an ASCII word (or to one through a dash, dot or underscore) are part of
# a code: SF1381234800012, QNJ-2024-..., IMG_..., v13.8 ...; a few labels are not codes.
GLUED_LEFT = re.compile(r"(?:[A-Za-z]|[A-Za-z0-9][-._])$")
LABEL_LEFT = lazy(r"(?i)(?<![A-Za-z])(?:tel|phone|mobile|mob|cell|id)[-._:]?$")
GLUED_RIGHT = re.compile(r"^(?:[A-Za-z]|-[A-Za-z0-9])")
# Amounts and counts written as 11 digits are not phone numbers when a unit follows or a
# currency sign precedes.
NOT_PHONE_AFTER = lazy(
    r"^\s*(?:元|万|亿|人|次|份|本|台|件|个|吨|斤|亩|户|名|位|株|棵|条|项|页|字|块|%|千克|公斤|米|平方)"
)
NOT_PHONE_BEFORE = lazy(r"(?:[¥$€£]|RMB|CNY|人民币)\s*$")
MOBILE = lazy(r"^1[3-9][0-9]{9}$")
MOBILE_GROUPINGS = {(11,), (3, 4, 4), (3, 8)}
ID18_GROUPINGS = {(18,), (6, 12), (6, 8, 4), (6, 4, 4, 4), (6, 8, 3, 1), (3, 3, 4, 4, 4), (6, 6, 6)}
ID15_GROUPINGS = {(15,), (6, 6, 3), (6, 9)}
MAX_GROUPS = 5
ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_CHECK = "10X98765432"
# Province codes of resident IDs (GB/T 2260), and 81/82/83 for the residence permits of
# Hong Kong, Macao and Taiwan residents.
PROVINCES = {
    "11",
    "12",
    "13",
    "14",
    "15",
    "21",
    "22",
    "23",
    "31",
    "32",
    "33",
    "34",
    "35",
    "36",
    "37",
    "41",
    "42",
    "43",
    "44",
    "45",
    "46",
    "50",
    "51",
    "52",
    "53",
    "54",
    "61",
    "62",
    "63",
    "64",
    "65",
    "81",
    "82",
    "83",
}
PROVINCES_15 = PROVINCES - {"81", "82", "83"}  # permits have only ever had 18 digits
ID_REGION = set("1234568")  # first digits of PROVINCES (kept for callers of the old name)


@dataclass(frozen=True)
class Finding:
    number_type: str  # "mobile" | "id"
    start: int  # offset in the original line
    masked: str
    end: int = 0  # offset just after the number in the original line
    number: str = field(default="", repr=False, compare=False)  # the digits; never shown


def id_checksum_ok(digits17: str, check: str) -> bool:
    total = sum(int(d) * w for d, w in zip(digits17, ID_WEIGHTS, strict=True))
    return ID_CHECK[total % 11] == check.upper()


def _plausible_birth(text: str, today: dt.date | None = None) -> bool:
    try:
        born = dt.date(int(text[:4]), int(text[4:6]), int(text[6:8]))
    except ValueError:
        return False
    return dt.date(1900, 1, 1) <= born <= (today or real_day())


def real_day() -> dt.date:
    """The day an ID number's birth date is judged against (the real one, not a build's
    ``today``): what caches of this module's answers are keyed by too."""
    return dt.date.today()


@functools.lru_cache(maxsize=8192)
def _fold(ch: str) -> str:
    out = []
    for c in unicodedata.normalize("NFKC", ch):
        if c in DASHES:
            out.append("-")
        elif c in DOTS:
            out.append(".")
        elif c in INVISIBLE:
            continue
        elif c.isspace():
            out.append(" ")
        elif c.isdecimal() and not c.isascii():  # NFKC keeps e.g. Arabic-Indic digits
            out.append(str(unicodedata.decimal(c)))
        else:
            out.append(c)
    return "".join(out)


def normalise(line: str) -> tuple[str, list[int] | range]:
    """The line as the detector reads it, and for each of its characters the index of the
    original character it came from."""
    if line.isascii():
        return line, range(len(line))
    chars: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(line):
        folded = ch if ch.isascii() else _fold(ch)
        chars.append(folded)
        where.extend([i] * len(folded))
    return "".join(chars), where


def _numerals_as_digits(m: re.Match) -> str:
    run = m.group(0)
    if not CN_ANY.search(run) or sum(c.isdigit() or c in CHINESE_DIGITS for c in run) < MIN_DIGITS:
        return run
    return run.translate(_CN_TABLE)


# --- what a reader decodes ---------------------------------------------------------------

# Characters that start an encoding: only lines holding one (and digits enough) are decoded.
ENCODED = re.compile(r"[\\&%<*`]")
_ESCAPE = re.compile(r"\\(?:\\|u([0-9a-fA-F]{4})|U([0-9a-fA-F]{8})|x([0-9a-fA-F]{2})|([_ tNLP]))")
_ESCAPED_SPACE = {"_": "\u00a0", " ": " ", "t": "\t", "N": "\u0085", "L": "\u2028", "P": "\u2029"}
# What the HTML tokeniser makes a comment: <!--> and <!---> end at once, others at --> or
# --!>, an unclosed one at the end of the text.
COMMENT = lazy(r"<!--(?:-?>|.*?(?:--!?>|$))", re.S)
# Elements that flow within a line of text: digits split by them still read as one number.
# Every other tag (a paragraph, a table cell, a list item, a line break) separates.
INLINE_TAGS = (
    "a abbr acronym b bdi bdo big cite code data del dfn em font i ins kbd mark nobr q rp rt ruby s samp "
    "small span strike strong sub sup time tt u var wbr tspan textpath tref"
).split()
_IN_TAG = r"""[^>"']*(?:(?:"[^"]*"|'[^']*')[^>"']*)*"""  # a quoted attribute value may hold ">"
INLINE_TAG = lazy(rf"</?(?:{'|'.join(INLINE_TAGS)})(?=[\s/>]){_IN_TAG}>", re.I)
TAG = lazy(rf"</?[A-Za-z]{_IN_TAG}>|<[!?][^>]*>")
ATTRIBUTE_VALUE = lazy(r"""=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""")
ENTITY = lazy(r"&(?:#[0-9]{1,8};?|#[xX][0-9a-fA-F]{1,7};?|[A-Za-z][A-Za-z0-9]{1,31};?)")
PERCENT = lazy(r"(?:%[0-9a-fA-F]{2})+")
# Markdown's emphasis and code marks between digits vanish on the page (138**0013**8000).
MARKS = lazy(r"(?<=[0-9])[*`]+(?=[0-9])")


def _rewrite(text: str, where, pattern: re.Pattern, replace) -> tuple[str, list[int]]:
    """``pattern``'s matches in ``text`` replaced, keeping for each character of the result
    the original position (``where``) of the text it came from."""
    out: list[str] = []
    pos: list[int] = []
    last = 0
    for m in pattern.finditer(text):
        start, end = m.span()
        out.append(text[last:start])
        pos.extend(where[last:start])
        new = replace(m)
        out.append(new)
        # Spread over the span replaced (three characters per byte of %31%33…).
        pos.extend(where[start + k * (end - start) // len(new)] for k in range(len(new)))
        last = end
    out.append(text[last:])
    pos.extend(where[last:])
    return "".join(out), pos


def _unescape(m: re.Match) -> str:
    hexa = m.group(1) or m.group(2) or m.group(3)
    if hexa:
        code = int(hexa, 16)
        return chr(code) if code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else ""
    if m.group(4):
        return _ESCAPED_SPACE[m.group(4)]
    return "\\"


def decoded(line: str) -> tuple[str, list[int]]:
    """``line`` as a reader receives it, with each character's original position: YAML and
    JSON escapes undone, HTML comments dropped, inline tags dropped, other tags made line
    breaks, entities and percent-encoding decoded, Markdown marks between digits dropped."""
    text, where = line, list(range(len(line)))
    if "\\" in text:
        text, where = _rewrite(text, where, _ESCAPE, _unescape)
    if "<" in text:
        text, where = _rewrite(text, where, COMMENT, lambda m: "")
        values: list[tuple[str, list[int]]] = []  # attribute values: read after the text

        def keep_values(m: re.Match, was: list[int], gap: str) -> str:
            for v in ATTRIBUTE_VALUE.finditer(m.group(0)):
                group = next(g for g in (1, 2, 3) if v.group(g) is not None)
                at = m.start() + v.start(group)
                values.append((v.group(group), was[at : at + len(v.group(group))]))
            return gap

        was = where
        text, where = _rewrite(text, where, INLINE_TAG, lambda m: keep_values(m, was, ""))
        was = where
        text, where = _rewrite(text, where, TAG, lambda m: keep_values(m, was, "\n"))
        if values:
            text += "\n" + "".join(value + "\n" for value, _ in values)
            where += [len(line)]
            for _, at in values:
                where += [*at, at[-1] + 1 if at else len(line)]
    if "&" in text:
        text, where = _rewrite(text, where, ENTITY, lambda m: html.unescape(m.group(0)))
    if "%" in text:
        text, where = _rewrite(text, where, PERCENT, lambda m: urllib.parse.unquote(m.group(0), errors="replace"))
    if "*" in text or "`" in text:
        text, where = _rewrite(text, where, MARKS, lambda m: "")
    return text, where


DIGITISH = lazy(rf"[{_D}]")


def _encoded_digits(line: str) -> bool:
    """Enough digits for an encoded number: every encoding of a digit (``&#49;``,
    ``\\u0031``, ``%31``, ``&#x31;``) spells at least one digit itself."""
    return sum(map(line.count, "0123456789")) >= MIN_DIGITS or len(DIGITISH.findall(line)) >= MIN_DIGITS


def _canonical_mobile(digits: str) -> str:
    for prefix in ("0086", "86"):
        rest = digits[len(prefix) :]
        if digits.startswith(prefix) and len(rest) == 11 and rest.startswith("1"):
            return rest
    return digits


@functools.lru_cache(maxsize=64)
def canonical_numbers(allowed: frozenset) -> frozenset:
    """The digits ``find`` reports for each of these numbers (+86 and separators dropped)."""
    out = set()
    for number in allowed:
        folded, _ = normalise(str(number))
        out.add(_canonical_mobile(re.sub(r"[^0-9Xx]", "", folded).upper()))
    return frozenset(out)


# Every shape find() reports in an ASCII line it does not decode: a mobile number's eleven
# digits (+86 written together), eighteen or fifteen digits of an ID, each with the chain's
# separators anywhere. Lines without one (dates, serial numbers, links) are not read further.
_S = r"(?: {0,2}(?:-{1,2}|\.) {0,2}| {1,3})?"
SHAPE = re.compile(
    rf"(?<![0-9])1{_S}[3-9](?:{_S}[0-9]){{9}}(?![0-9])"
    rf"|(?:0086|86)1[3-9][0-9]{{9}}(?![0-9])"
    rf"|(?<![0-9])[1-8](?:{_S}[0-9]){{13}}(?:(?:{_S}[0-9]){{3}}{_S}[0-9Xx]|{_S}[0-9])(?![0-9])"
)


def find(line: str, allowed: AbstractSet[str] = frozenset(), *, decode: bool = True) -> list[Finding]:
    """Personal numbers in one line of text, as written and as a reader decodes it (see
    :func:`decoded`), in order; ``allowed`` holds the unit's own public numbers.
    ``decode=False`` for text already decoded (what a browser shows): read as it is."""
    found = _find(line)
    if decode and ENCODED.search(line) and _encoded_digits(line):
        text, where = decoded(line)
        if text != line:
            seen = {(f.number_type, f.number) for f in found}
            for f in _find(text):
                if (f.number_type, f.number) not in seen:
                    seen.add((f.number_type, f.number))
                    start, last = where[f.start], where[f.end - 1] + 1
                    # Up to the next character read: the whole of an encoded last digit.
                    end = where[f.end] if f.end < len(where) and where[f.end] > last else last
                    found.append(Finding(f.number_type, start, f.masked, end, f.number))
            found.sort(key=lambda f: f.start)
    if found and allowed:
        ok = canonical_numbers(frozenset(allowed))
        found = [f for f in found if f.number not in ok]
    return found


def _find(line: str) -> list[Finding]:
    if not CANDIDATE.search(line):
        return []
    norm, where = normalise(line)
    found = _numbers(norm, where)
    if CN_ANY.search(norm):
        # Read once more with numerals as digits (one character for one, so ``where``
        # holds): 张三13812348000 is still found in the first reading.
        seen = {(f.number_type, f.number) for f in found}
        found += [
            f for f in _numbers(CN_RUN.sub(_numerals_as_digits, norm), where) if (f.number_type, f.number) not in seen
        ]
        found.sort(key=lambda f: f.start)
    return found


def _numbers(norm: str, where) -> list[Finding]:
    found: list[Finding] = []
    for chain in CHAIN.finditer(norm):
        if chain.end() - chain.start() >= MIN_DIGITS:
            found.extend(_numbers_in_chain(norm, chain, where))
    return found


def _numbers_in_chain(norm: str, chain: re.Match, where) -> list[Finding]:
    base = chain.start()
    groups = [(base + g.start(), base + g.end(), g.group()) for g in GROUP.finditer(chain.group())]
    n = len(groups)
    spaced = [not norm[groups[k][1] : groups[k + 1][0]].strip() for k in range(n - 1)]
    head = norm[max(0, base - 12) : base]
    open_start = not (GLUED_LEFT.search(head) and not LABEL_LEFT.search(head))
    open_end = not GLUED_RIGHT.match(norm[chain.end() : chain.end() + 2])
    out = []
    i = 0
    while i < n:
        for j in range(min(n, i + MAX_GROUPS) - 1, i - 1, -1):
            if not ((open_start if i == 0 else spaced[i - 1]) and (open_end if j == n - 1 else spaced[j])):
                continue
            hit = _classify(norm, groups[i : j + 1])
            if hit:
                kind, start, number, masked = hit
                end = groups[j][1]
                out.append(Finding(kind, where[start], masked, where[end - 1] + 1, number))
                i = j
                break
        i += 1
    return out


def _classify(norm: str, groups: list[tuple[int, int, str]]):
    """(kind, normalised start, digits, masked) when these whole groups are one number."""
    digits = "".join(g[2] for g in groups).upper()
    lengths = tuple(len(g[2]) for g in groups)
    start = groups[0][0]
    if lengths in ID18_GROUPINGS and digits[:17].isdigit():
        region, birth, seq, check = digits[:6], digits[6:14], digits[14:17], digits[17]
        if region[:2] in PROVINCES and _plausible_birth(birth) and id_checksum_ok(digits[:17], check):
            return "id", start, digits, f"{region}{'*' * 8}{seq}{check}"
    if lengths in ID15_GROUPINGS and digits.isdigit():
        region, birth, seq = digits[:6], digits[6:12], digits[12:]
        # Issued 1984-2004 to mainland residents; business registration numbers share the
        # form and mostly run 0001..., so 1900s births are left out.
        if region[:2] in PROVINCES_15 and birth[:2] >= "10" and _plausible_birth("19" + birth):
            return "id", start, digits, f"{region}{'*' * 6}{seq}"
    if not digits.isdigit():
        return None
    # +86 / 0086 / 86 in front, as its own group or written together with the number
    if len(groups) > 1 and groups[0][2] in ("86", "0086"):
        rest = groups[1:]
        number = "".join(g[2] for g in rest)
        lengths = tuple(len(g[2]) for g in rest)
    elif len(groups) == 1 and len(digits) in (13, 15) and _canonical_mobile(digits) != digits:
        number = _canonical_mobile(digits)
        lengths = (11,)
    else:
        number = digits
    if lengths not in MOBILE_GROUPINGS or not MOBILE.match(number):
        return None
    end = groups[-1][1]
    if NOT_PHONE_AFTER.match(norm[end:]) or NOT_PHONE_BEFORE.search(norm[max(0, start - 8) : start]):
        return None
    if start > 0 and norm[start - 1] == "+":
        start -= 1
    return "mobile", start, number, f"{number[:3]}****{number[7:]}"
