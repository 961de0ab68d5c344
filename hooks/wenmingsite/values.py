"""Converters from the strings editors type to typed values.

Each converter takes the exact text and returns a value or raises :class:`Invalid` whose
message (Chinese) says what was found and how to write it instead. No converter guesses:
an ambiguous value is rejected, not interpreted.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from decimal import Decimal, InvalidOperation


class Invalid(ValueError):
    """A value that cannot be accepted; ``str(exc)`` is the editor-facing message."""


def normalise(text: str) -> str:
    """Full-width digits, letters and punctuation to ASCII (NFKC), trimmed."""
    return unicodedata.normalize("NFKC", text).strip()


# --- dates -------------------------------------------------------------------------

_DATE_FORMS = [
    re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$"),
    re.compile(r"^(\d{4})/(\d{1,2})/(\d{1,2})$"),
    re.compile(r"^(\d{4})\.(\d{1,2})\.(\d{1,2})$"),
    re.compile(r"^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?$"),
]
_RANGE_HINT = re.compile(r"(至|到|~|～|—|--|\s-\s)")
_MONTH_ONLY = re.compile(r"^(\d{4})\s*(?:年\s*(\d{1,2})\s*月?|[-/.](\d{1,2}))$")
_DAY_FIRST = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2,4})$")
_SHORT_YEAR = re.compile(r"^(\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?$")
_CN_DIGITS = str.maketrans("〇零一二三四五六七八九", "00123456789")

EARLIEST_YEAR = 1949
LATEST_YEAR = 2100


def parse_date(text: str) -> dt.date:
    """Accept 2024-03-05, 2024-3-5, 2024/3/5, 2024.3.5, 2024年3月5日 (full-width too)."""
    raw = text.strip()
    s = normalise(raw)
    if not s:
        raise Invalid("日期是空的。请写成 2024-03-05 这样的形式")
    for form in _DATE_FORMS:
        m = form.match(s)
        if m:
            year, month, day = (int(g) for g in m.groups())
            try:
                value = dt.date(year, month, day)
            except ValueError:
                raise Invalid(
                    f"日期“{raw}”不存在（{year}年{month}月没有{day}日）。请核对后写成 "
                    f"{year:04d}-{month:02d}-DD 的形式"
                ) from None
            if not EARLIEST_YEAR <= year <= LATEST_YEAR:
                raise Invalid(f"日期“{raw}”的年份 {year} 不合理。请核对年份")
            return value
    if _RANGE_HINT.search(s):
        raise Invalid(
            f"“{raw}”像是一个日期范围。这里只能写一个日期（开始日期），"
            "结束日期请写在 end_date 字段，例如 date: 2024-03-05 和 end_date: 2024-03-07"
        )
    if re.search(r"[〇零一二三四五六七八九十]\s*[年月日号]", raw):
        raise Invalid(f"日期“{raw}”用了汉字数字。请改用阿拉伯数字，例如 2024-03-05")
    if _MONTH_ONLY.match(s):
        raise Invalid(f"日期“{raw}”缺少“日”。请写出具体哪一天，例如 2024-03-05")
    if _DAY_FIRST.match(s):
        raise Invalid(
            f"日期“{raw}”看不出哪个是月、哪个是日。请按“年-月-日”的顺序写成 2024-03-05 的形式"
        )
    if _SHORT_YEAR.match(s):
        raise Invalid(f"日期“{raw}”的年份只有两位，无法确定是哪一年。请写四位年份，例如 2024-03-05")
    raise Invalid(f"无法识别日期“{raw}”。请写成 2024-03-05 或 2024年3月5日 的形式")


def format_date_cn(value: dt.date) -> str:
    return f"{value.year}年{value.month}月{value.day}日"


# --- numbers -----------------------------------------------------------------------

_APPROX = re.compile(r"[约近余多超逾左右上下几]|以上|以下")
_THOUSANDS = re.compile(r"^\d{1,3}(,\d{3})+(\.\d+)?$")


def _number_text(raw: str, units: tuple[str, ...], what: str) -> str:
    s = normalise(raw).replace(" ", "")
    for unit in sorted(units, key=len, reverse=True):
        if s.endswith(unit):
            s = s[: -len(unit)]
            break
    if _APPROX.search(s):
        raise Invalid(
            f"{what}“{raw}”不是一个确定的数。这里只写数字，例如 50；"
            "“约”“余”“多”等说法请写在正文或 summary 里"
        )
    if "," in s:
        if not _THOUSANDS.match(s):
            raise Invalid(f"{what}“{raw}”中的逗号位置不对。请只写数字，例如 1200")
        s = s.replace(",", "")
    return s


def parse_count(text: str, what: str = "数量", units: tuple[str, ...] = ()) -> int:
    s = _number_text(text, units, what)
    if s.startswith("-"):
        raise Invalid(f"{what}“{text.strip()}”是负数。请填写 0 或正整数")
    if not s.isdigit():
        raise Invalid(f"{what}“{text.strip()}”不是整数。请只写阿拉伯数字，例如 50")
    return int(s)


def parse_decimal(text: str, what: str = "数值", units: tuple[str, ...] = (), places: int = 2) -> Decimal:
    s = _number_text(text, units, what)
    if s.startswith("-"):
        raise Invalid(f"{what}“{text.strip()}”是负数。请填写 0 或正数")
    if not re.fullmatch(r"\d+(\.\d+)?", s):
        raise Invalid(f"{what}“{text.strip()}”不是数字。请只写阿拉伯数字，例如 2.5")
    value = Decimal(s)
    if value != value.to_integral_value() and -value.normalize().as_tuple().exponent > places:
        raise Invalid(f"{what}“{text.strip()}”的小数位太多。最多保留 {places} 位小数")
    return value


def parse_amount(text: str) -> Decimal:
    """Money in 元; ``3万`` / ``3万元`` / ``1.5 万元`` are converted to 元."""
    s = normalise(text).replace(" ", "")
    if s.endswith(("万元", "万")):
        number = s[: -2] if s.endswith("万元") else s[:-1]
        try:
            value = parse_decimal(number, "金额", places=10)
        except Invalid:
            raise Invalid(f"金额“{text.strip()}”不是数字。请写成 5640 或 3万元 的形式") from None
        value = value * 10000
        if -value.normalize().as_tuple().exponent > 2:
            raise Invalid(f"金额“{text.strip()}”换算成元后超过两位小数。请直接写元，例如 5640.50")
        return value.quantize(Decimal("0.01")).normalize()
    try:
        return parse_decimal(s, "金额", units=("元",), places=2)
    except InvalidOperation:  # pragma: no cover - guarded by the regex above
        raise Invalid(f"金额“{text.strip()}”不是数字。请写成 5640 或 3万元 的形式") from None


_TRUE = {"true", "yes", "是"}
_FALSE = {"false", "no", "否"}


def parse_bool(text: str) -> bool:
    s = normalise(text).lower()
    if s in _TRUE:
        return True
    if s in _FALSE:
        return False
    raise Invalid(f"“{text.strip()}”不是“是/否”。请写 true（是）或 false（否）")
