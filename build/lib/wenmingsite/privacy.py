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
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field

VERSION = 2  # part of the document cache key (doctext.py hashes this file's source as well)

DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2043\ufe58\ufe63\uff0d"
DOTS = ".\u00b7\u2027\u30fb\uff0e\uff65\u2219"
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"

MIN_DIGITS = 11  # the shortest number looked for
# Eleven digits, none further than a separator's width from the next: lines without such
# a window (nearly all prose, dates and amounts) are skipped before normalising.
CANDIDATE = re.compile(r"\d(?:\D{0,6}\d){10}")
_SEP = r"(?: {0,2}(?:-{1,2}|\.) {0,2}| {1,3})"
CHAIN = re.compile(rf"[0-9]+(?:{_SEP}[0-9]+)*(?:[Xx](?![A-Za-z0-9]))?")
GROUP = re.compile(r"[0-9]+[Xx]?")
# Digits glued to an ASCII word (or to one through a dash, dot or underscore) are part of
# a code: SF1381234800012, QNJ-2024-..., IMG_..., v13.8 ...; a few labels are not codes.
GLUED_LEFT = re.compile(r"(?:[A-Za-z]|[A-Za-z0-9][-._])$")
LABEL_LEFT = re.compile(r"(?i)(?<![A-Za-z])(?:tel|phone|mobile|mob|cell|id)[-._:]?$")
GLUED_RIGHT = re.compile(r"^(?:[A-Za-z]|-[A-Za-z0-9])")
# Amounts and counts written as 11 digits are not phone numbers when a unit follows or a
# currency sign precedes.
NOT_PHONE_AFTER = re.compile(
    r"^\s*(?:元|万|亿|人|次|份|本|台|件|个|吨|斤|亩|户|名|位|株|棵|条|项|页|字|块|%|千克|公斤|米|平方)"
)
NOT_PHONE_BEFORE = re.compile(r"(?:[¥$€£]|RMB|CNY|人民币)\s*$")
MOBILE = re.compile(r"^1[3-9][0-9]{9}$")
MOBILE_GROUPINGS = {(11,), (3, 4, 4), (3, 8)}
ID18_GROUPINGS = {(18,), (6, 8, 4), (6, 4, 4, 4), (6, 8, 3, 1), (3, 3, 4, 4, 4), (6, 6, 6)}
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
    kind: str  # "mobile" | "id"
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
    return dt.date(1900, 1, 1) <= born <= (today or dt.date.today())


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


def find(line: str, allowed: AbstractSet[str] = frozenset()) -> list[Finding]:
    """Personal numbers in one line of text; ``allowed`` holds the unit's own public numbers."""
    if not CANDIDATE.search(line):
        return []
    norm, where = normalise(line)
    found: list[Finding] = []
    for chain in CHAIN.finditer(norm):
        if chain.end() - chain.start() >= MIN_DIGITS:
            found.extend(_numbers_in_chain(norm, chain, where))
    if found and allowed:
        ok = canonical_numbers(frozenset(allowed))
        found = [f for f in found if f.number not in ok]
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
