"""Personal numbers of private persons in text: mainland mobile numbers and resident ID
numbers (verified by their checksum and birth date). Found numbers are only ever shown
masked."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

# A mobile number: 1[3-9] and nine more digits, optionally +86 and separators in the
# usual 3-4-4 grouping; never part of a longer run of digits (order numbers, IDs).
# (Neighbours are checked in ASCII only: Chinese characters are \w in Python.)
MOBILE = re.compile(r"(?<![0-9A-Za-z._-])(?:(?:\+|00)?86[-\s]?)?(1[3-9]\d)[-\s]?(\d{4})[-\s]?(\d{4})(?![0-9A-Za-z.-])")
# Amounts and counts written as 11 digits are not phone numbers when a unit follows.
NOT_PHONE_AFTER = re.compile(r"^\s*(?:元|万|亿|人|次|份|本|台|件|个|吨|斤|亩|kg|千克|公斤|米|平方)")
ID_NUMBER = re.compile(r"(?<![0-9A-Za-z])(\d{6})(\d{8})(\d{3})([\dXx])(?![0-9A-Za-z])")
ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_CHECK = "10X98765432"
# First digit of the province code of a resident ID (1–6 mainland regions, 8 for the
# residence permits of Hong Kong, Macao and Taiwan residents).
ID_REGION = set("1234568")


@dataclass(frozen=True)
class Finding:
    kind: str  # "mobile" | "id"
    start: int  # offset in the line
    masked: str


def id_checksum_ok(digits17: str, check: str) -> bool:
    total = sum(int(d) * w for d, w in zip(digits17, ID_WEIGHTS))
    return ID_CHECK[total % 11] == check.upper()


def _plausible_birth(text: str) -> bool:
    try:
        born = dt.date(int(text[:4]), int(text[4:6]), int(text[6:8]))
    except ValueError:
        return False
    return dt.date(1900, 1, 1) <= born <= dt.date.today()


def find(line: str, allowed: set[str] = frozenset()) -> list[Finding]:
    """Personal numbers in one line of text; ``allowed`` holds the unit's own public numbers."""
    found: list[Finding] = []
    for m in ID_NUMBER.finditer(line):
        region, birth, seq, check = m.groups()
        if region[0] in ID_REGION and _plausible_birth(birth) and id_checksum_ok(region + birth + seq, check):
            found.append(Finding("id", m.start(), f"{region}{'*' * 8}{seq}{check.upper()}"))
    taken = [(f.start, f.start + 18) for f in found]
    for m in MOBILE.finditer(line):
        if any(a <= m.start() < b for a, b in taken):
            continue
        if NOT_PHONE_AFTER.match(line[m.end():]):
            continue
        number = "".join(m.groups())
        if number in allowed:
            continue
        found.append(Finding("mobile", m.start(), f"{number[:3]}****{number[7:]}"))
    return sorted(found, key=lambda f: f.start)
