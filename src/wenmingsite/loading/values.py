"""Converters from the strings editors type to typed values.

Each converter takes the exact text and returns a value or raises :class:`Invalid` whose
message (Chinese) says what was found and how to write it instead. No converter guesses:
an ambiguous value is rejected, not interpreted.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from decimal import Decimal

from wenmingsite.loading.patterns import lazy


class Invalid(ValueError):
    """A value that cannot be accepted; ``str(exc)`` is the editor-facing message."""

    at: tuple[int, int]  # set only when the place is not the value's own (an item of a list)


# The messages, as str.format templates: the converters below fill them in, and the
# browser form (wenmingsite.commands.editor) is handed the same texts.
MSG_SHOWN_CUT = "{head}…（共 {n} 个字符）"
MSG_NOT_PLAIN_DIGIT = (
    "{what}“{shown}”里的“{ch}”不是普通的阿拉伯数字（像是其他文字的数字、带圈数字或上标）。"
    "请只用 0 到 9 这十个数字，例如 {example}"
)
MSG_INVISIBLE_ONLY = (
    "只有看不见的字符（{codes}），没有任何文字，常见于从网页或聊天软件复制来的内容。请删除这个值后重新输入"
)
MSG_DATE_EMPTY = "日期是空的。请写成 2024-03-05 这样的形式"
MSG_DATE_IMPOSSIBLE = "日期“{raw}”不存在（{year}年{month}月没有{day}日）。请核对后写成 {year4}-{month2}-DD 的形式"
MSG_DATE_YEAR = "日期“{raw}”的年份 {year} 不合理。请核对年份"
MSG_DATE_RANGE = (
    "“{raw}”像是一个日期范围。这里只能写一个日期（开始日期），"
    "结束日期请写在 end_date 字段，例如 date: 2024-03-05 和 end_date: 2024-03-07"
)
MSG_DATE_CN_DIGITS = "日期“{raw}”用了汉字数字。请改用阿拉伯数字，例如 2024-03-05"
MSG_DATE_NO_DAY = "日期“{raw}”缺少“日”。请写出具体哪一天，例如 2024-03-05"
MSG_DATE_DAY_FIRST = "日期“{raw}”看不出哪个是月、哪个是日。请按“年-月-日”的顺序写成 2024-03-05 的形式"
MSG_DATE_SHORT_YEAR = "日期“{raw}”的年份只有两位，无法确定是哪一年。请写四位年份，例如 2024-03-05"
MSG_DATE_UNKNOWN = "无法识别日期“{raw}”。请写成 2024-03-05 或 2024年3月5日 的形式"
MSG_APPROX = "{what}“{shown}”不是一个确定的数。这里只写数字，例如 50；“约”“余”“多”等说法请写在正文或 summary 里"
MSG_COMMA = "{what}“{shown}”中的逗号位置不对。请只写数字，例如 1200"
MSG_TOO_BIG = "{what}“{shown}”太大了（{found}）。{limit}，请核对后重新填写"
MSG_TOO_BIG_DIGITS = "有 {n} 位数字"
MSG_TOO_BIG_WHOLE = "整数部分有 {n} 位"
MSG_TOO_BIG_WAN = "“万”前面的整数部分有 {n} 位"
MSG_LIMIT_DIGITS = "这里最多 {digits} 位"
MSG_LIMIT_WAN = "以“万”为单位时最多 {digits} 位"
MSG_COUNT_NEGATIVE = "{what}“{shown}”是负数。请填写 0 或正整数"
MSG_COUNT_NOT_INTEGER = "{what}“{shown}”不是整数。请只写阿拉伯数字，例如 50"
MSG_DECIMAL_NEGATIVE = "{what}“{shown}”是负数。请填写 0 或正数"
MSG_DECIMAL_NOT_NUMBER = "{what}“{shown}”不是数字。请只写阿拉伯数字，例如 2.5"
MSG_DECIMAL_PLACES = "{what}“{shown}”的小数位太多。最多保留 {places} 位小数"
MSG_AMOUNT_NOT_NUMBER = "金额“{shown}”不是数字。请写成 5640 或 3万元 的形式"
MSG_AMOUNT_CENTS = "金额“{shown}”换算成元后超过两位小数。请直接写元，例如 5640.50"


def normalise(text: str) -> str:
    """Full-width digits, letters and punctuation to ASCII (NFKC), trimmed."""
    return unicodedata.normalize("NFKC", text).strip()


# Digits editors mean: ASCII and full-width (an IME's). NFKC would silently turn ① and ²
# into 1 and 2, and str.isdigit, int() and regex \d accept the digits of every script.
_PLAIN_DIGITS = frozenset("0123456789０１２３４５６７８９")
_NUMBER_CATEGORIES = frozenset(("Nd", "No", "Nl"))


def _shown(text: str) -> str:
    """The value as quoted in a message; thousands of digits are cut."""
    s = text.strip()
    return s if len(s) <= 30 else MSG_SHOWN_CUT.format(head=s[:20], n=len(s))


# The example each converter gives when a digit is not a plain one.
DIGIT_EXAMPLES = {"date": "2024-03-05", "count": "50", "decimal": "2.5", "amount": "5640"}


def _check_digits(text: str, what: str, example: str) -> None:
    for ch in text:
        if ch not in _PLAIN_DIGITS and ch != "〇" and unicodedata.category(ch) in _NUMBER_CATEGORIES:
            raise Invalid(MSG_NOT_PLAIN_DIGIT.format(what=what, shown=_shown(text), ch=ch, example=example))


# --- text that shows nothing ------------------------------------------------------

# Zero-width and formatting characters (U+200B, U+200C, U+200D, U+2060, U+FEFF, U+00AD,
# direction marks...) come with text copied from web pages and chat apps. A value made
# only of them looks empty on the page but is not empty to Python.
_INVISIBLE_CATEGORIES = frozenset(("Cc", "Cf", "Zs", "Zl", "Zp", "Mn", "Me", "Cs"))
_INVISIBLE_FILLERS = frozenset("\u115f\u1160\u180e\u2800\u3164\uffa0")


def has_text(text: str) -> bool:
    """True when ``text`` has at least one character that shows on the page."""
    for ch in text:
        if ch not in _INVISIBLE_FILLERS and unicodedata.category(ch) not in _INVISIBLE_CATEGORIES:
            return True
    return False


def invisible_codes(text: str) -> str:
    """The distinct non-space characters of ``text`` as ``U+200B、U+FEFF`` (at most five)."""
    codes = list(dict.fromkeys(f"U+{ord(ch):04X}" for ch in text if not ch.isspace()))
    return "、".join(codes[:5]) + ("等" if len(codes) > 5 else "")


def invisible_only(text: str) -> str:
    """The message for a value that has characters but none that shows."""
    return MSG_INVISIBLE_ONLY.format(codes=invisible_codes(text))


# --- dates -------------------------------------------------------------------------

_DATE_FORMS = [
    re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$", re.ASCII),
    re.compile(r"^(\d{4})/(\d{1,2})/(\d{1,2})$", re.ASCII),
    re.compile(r"^(\d{4})\.(\d{1,2})\.(\d{1,2})$", re.ASCII),
    re.compile(r"^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?$", re.ASCII),
    re.compile(r"^(\d{4})(\d{2})(\d{2})$", re.ASCII),  # 20240415, as spreadsheets and file names have it
]
_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})", re.ASCII)  # ASCII alone: NFKC keeps it as it is
_RANGE_HINT = re.compile(r"(至|到|~|～|—|--|\s-\s)")
_MONTH_ONLY = re.compile(r"^(\d{4})\s*(?:年\s*(\d{1,2})\s*月?|[-/.](\d{1,2}))$", re.ASCII)
_DAY_FIRST = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2,4})$", re.ASCII)
_SHORT_YEAR = re.compile(r"^(\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?$", re.ASCII)
_CN_DATE_DIGITS = re.compile(r"[〇零一二三四五六七八九十]\s*[年月日号]")
_CN_DIGITS = str.maketrans("〇零一二三四五六七八九", "00123456789")

EARLIEST_YEAR = 1949
LATEST_YEAR = 2100


def parse_date(text: str) -> dt.date:
    """Accept 2024-03-05, 2024-3-5, 2024/3/5, 2024.3.5, 2024年3月5日 (full-width too)."""
    raw = text.strip()
    if m := _ISO_DATE.fullmatch(raw):  # the common form, as the first of _DATE_FORMS takes it
        return _real_date(raw, int(m[1]), int(m[2]), int(m[3]))
    _check_digits(raw, "日期", DIGIT_EXAMPLES["date"])
    s = normalise(raw)
    if not s:
        raise Invalid(MSG_DATE_EMPTY)
    for form in _DATE_FORMS:
        m = form.match(s)
        if m:
            year, month, day = (int(g) for g in m.groups())
            return _real_date(raw, year, month, day)
    if _RANGE_HINT.search(s):
        raise Invalid(MSG_DATE_RANGE.format(raw=raw))
    if _CN_DATE_DIGITS.search(raw):
        raise Invalid(MSG_DATE_CN_DIGITS.format(raw=raw))
    if _MONTH_ONLY.match(s):
        raise Invalid(MSG_DATE_NO_DAY.format(raw=raw))
    if _DAY_FIRST.match(s):
        raise Invalid(MSG_DATE_DAY_FIRST.format(raw=raw))
    if _SHORT_YEAR.match(s):
        raise Invalid(MSG_DATE_SHORT_YEAR.format(raw=raw))
    raise Invalid(MSG_DATE_UNKNOWN.format(raw=raw))


def _real_date(raw: str, year: int, month: int, day: int) -> dt.date:
    try:
        value = dt.date(year, month, day)
    except ValueError:
        raise Invalid(
            MSG_DATE_IMPOSSIBLE.format(
                raw=raw, year=year, month=month, day=day, year4=f"{year:04d}", month2=f"{month:02d}"
            )
        ) from None
    if not EARLIEST_YEAR <= year <= LATEST_YEAR:
        raise Invalid(MSG_DATE_YEAR.format(raw=raw, year=year))
    return value


# --- dates as ledgers write them ---------------------------------------------------
#
# A spreadsheet's date column holds more than one date field can: a time of day, the
# weekday, a day without its year (the year is the sheet's), a range of days. These
# converters are for such columns; a date field of a page still takes one date only.

MSG_DATE_NO_YEAR = "日期“{raw}”没有写年份。请写出年份，例如 2024年3月5日"
MSG_DATE_SPAN_BACKWARDS = "日期范围“{raw}”的结束日期 {end} 早于开始日期 {start}。请核对"
MSG_DATE_SPAN_UNKNOWN = "无法识别日期范围“{raw}”。请写成 2024-03-05至2024-03-07 或 2024.3.5-3.7 的形式"
MSG_DATE_WEEKDAY = "日期“{raw}”写的是星期{written}，但 {date} 是星期{actual}。请核对日期"
MSG_DATE_NUMBER = (
    "日期“{shown}”是一个数字，看不出是哪一天（不是 20240415 这样的八位日期，"
    "也不是 1990 到 2100 年之间的 Excel 日期序号）。请写成 2024-03-05 或 2024年3月5日 的形式"
)


class MissingYear(Invalid):
    """A day written without its year (``4月15日``) and no year to take it from."""


_FULL_DATES = [  # at a position, not anchored: what follows may be a time or a range
    lazy(r"(\d{4})-(\d{1,2})-(\d{1,2})", re.ASCII),
    lazy(r"(\d{4})/(\d{1,2})/(\d{1,2})", re.ASCII),
    lazy(r"(\d{4})\.(\d{1,2})\.(\d{1,2})", re.ASCII),
    lazy(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?", re.ASCII),
    lazy(r"(\d{4})(\d{2})(\d{2})(?!\d)", re.ASCII),
]
_MONTH_DAY_CN = lazy(r"()(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?", re.ASCII)
_START_FORMS = [*_FULL_DATES, _MONTH_DAY_CN]
# After a range separator the year, and the month, may be left out: 2024.4.15-4.17, 4月15日至17日.
_END_FORMS = [
    *_START_FORMS,
    lazy(r"()(\d{1,2})[-/.](\d{1,2})(?![-/.\d])", re.ASCII),
    lazy(r"()()(\d{1,2})\s*[日号]?(?!\d)", re.ASCII),
]
_SPAN_SEP = lazy(r"\s*(?:至|到|~|〜|—+|–|―|-{1,2})\s*")
_WEEKDAY = lazy(r"\s*\(?\s*(?:星期|周|礼拜)([一二三四五六日天])\s*\)?")
_WEEKDAY_NAMES = "一二三四五六日"
_CLOCK = r"\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?"
_TIME = lazy(
    rf"(?:\s*(?:上午|下午|晚上|早上|中午|全天))?(?:(?:T|\s*){_CLOCK}(?:\s*(?:-|~|至|到|—|–)\s*{_CLOCK})?)?", re.ASCII
)


def _date_at(s: str, pos: int, forms) -> tuple[tuple[int | None, int | None, int], int] | None:
    for form in forms:
        m = form.match(s, pos)
        if m:
            year, month, day = (int(g) if g else None for g in m.groups())
            assert day is not None  # every form has the day
            return (year, month, day), m.end()
    return None


def _after_date(s: str, pos: int, raw: str, value: dt.date) -> int:
    """Past the weekday and time of day that may follow a date; a wrong weekday is refused."""
    m = _WEEKDAY.match(s, pos)
    if m:
        written = "日" if m.group(1) == "天" else m.group(1)
        actual = _WEEKDAY_NAMES[value.weekday()]
        if written != actual:
            raise Invalid(
                MSG_DATE_WEEKDAY.format(raw=raw, written=m.group(1), date=format_date_cn(value), actual=actual)
            )
        pos = m.end()
    m = _TIME.match(s, pos)  # every part is optional: it always matches
    return m.end() if m else pos


def parse_date_span(text: str, year: int | None = None) -> tuple[dt.date, dt.date | None]:
    """A date as a ledger's date column has it: (first day, last day or None for one day).

    Takes what :func:`parse_date` takes, and 20240415, ``2024-04-15 09:30``,
    ``2024年4月15日（星期一）``, ``4月15日`` (in ``year``; without it :class:`MissingYear`),
    and ranges ``2024.4.15-4.17``, ``2024年4月15日至17日``, ``2024-12-30至2025-01-02``.
    """
    raw = text.strip()
    _check_digits(raw, "日期", DIGIT_EXAMPLES["date"])
    s = normalise(raw)
    found = _date_at(s, 0, _START_FORMS)
    if found is None:
        if _RANGE_HINT.search(s):
            raise Invalid(MSG_DATE_SPAN_UNKNOWN.format(raw=raw))
        return parse_date(raw), None
    (y, m, d), pos = found
    if y is None:
        if year is None:
            raise MissingYear(MSG_DATE_NO_YEAR.format(raw=raw))
        y = year
    assert m is not None  # only the end of a range may leave out the month
    first = _real_date(raw, y, m, d)
    pos = _after_date(s, pos, raw, first)
    if pos == len(s):
        return first, None
    sep = _SPAN_SEP.match(s, pos)
    found = _date_at(s, sep.end(), _END_FORMS) if sep else None
    if found is None:
        if sep or _RANGE_HINT.search(s):
            raise Invalid(MSG_DATE_SPAN_UNKNOWN.format(raw=raw))
        return parse_date(raw), None  # its message for what follows the date
    (ey, em, ed), pos = found
    if ey is None:
        ey = first.year + (1 if em is not None and em < first.month else 0)  # 12月30日至1月2日
    last = _real_date(raw, ey, em if em is not None else first.month, ed)
    pos = _after_date(s, pos, raw, last)
    if pos != len(s):
        raise Invalid(MSG_DATE_SPAN_UNKNOWN.format(raw=raw))
    if last < first:
        raise Invalid(MSG_DATE_SPAN_BACKWARDS.format(raw=raw, start=first.isoformat(), end=last.isoformat()))
    return first, (last if last > first else None)


# Excel stores a date as a day number. In the 1900 date system day 1 is 1900-01-01 and day 60
# the nonexistent 1900-02-29 (kept from Lotus 1-2-3), so from day 61 on day n is 1899-12-30 + n;
# a workbook in the 1904 date system (old Mac Excel) counts from 1904-01-01 as day 0.
EXCEL_EPOCH = dt.date(1899, 12, 30)
EXCEL_EPOCH_1904 = dt.date(1904, 1, 1)
SERIAL_YEARS = (1990, 2100)  # a day number outside these years is not taken for a date


def excel_serial_date(serial: float, date1904: bool = False) -> dt.date:
    """The day of an Excel day number (the time of day, its fraction, is dropped)."""
    epoch = EXCEL_EPOCH_1904 if date1904 else EXCEL_EPOCH
    low, high = (dt.date(SERIAL_YEARS[0], 1, 1) - epoch).days, (dt.date(SERIAL_YEARS[1], 12, 31) - epoch).days
    if not low <= serial < high + 1:
        shown = str(int(serial)) if float(serial).is_integer() and abs(serial) < 1e15 else repr(serial)
        raise Invalid(MSG_DATE_NUMBER.format(shown=_shown(shown)))
    return epoch + dt.timedelta(days=int(serial))


def format_date_cn(value: dt.date) -> str:
    return f"{value.year}年{value.month}月{value.day}日"


# --- numbers -----------------------------------------------------------------------

_APPROX = re.compile(r"[约近余多超逾左右上下几]|以上|以下")
_THOUSANDS = re.compile(r"^\d{1,3}(,\d{3})+(\.\d+)?$", re.ASCII)
_DECIMAL = re.compile(r"([0-9]+)(?:\.([0-9]+))?")

COUNT_DIGITS = 9  # counts, participants, years, months, days, order: up to 999,999,999
DECIMAL_DIGITS = 9  # whole part of hours
AMOUNT_DIGITS = 12  # whole 元: up to 999,999,999,999 (under 一万亿元)
AMOUNT_WAN_DIGITS = 8  # whole part of an amount written in 万, the same bound
AMOUNT_WHAT = "金额"  # how an amount is named in messages
AMOUNT_UNITS = ("元",)
AMOUNT_WAN = ("万元", "万")  # written in ten thousands: longest first


def _number_text(raw: str, units: tuple[str, ...], what: str) -> str:
    s = normalise(raw).replace(" ", "")
    for unit in sorted(units, key=len, reverse=True):
        if s.endswith(unit):
            s = s[: -len(unit)]
            break
    if _APPROX.search(s):
        raise Invalid(MSG_APPROX.format(what=what, shown=_shown(raw)))
    if "," in s:
        if not _THOUSANDS.match(s):
            raise Invalid(MSG_COMMA.format(what=what, shown=_shown(raw)))
        s = s.replace(",", "")
    return s


def _too_big(what: str, text: str, found: str, limit: str) -> Invalid:
    return Invalid(MSG_TOO_BIG.format(what=what, shown=_shown(text), found=found, limit=limit))


def parse_count(text: str, what: str = "数量", units: tuple[str, ...] = ()) -> int:
    if text.isascii() and text.isdigit():  # the common value: what the checks below leave of it
        s = text
    else:
        _check_digits(text, what, DIGIT_EXAMPLES["count"])
        s = _number_text(text, units, what)
        if s.startswith("-"):
            raise Invalid(MSG_COUNT_NEGATIVE.format(what=what, shown=_shown(text)))
        if not s or not s.isascii() or not s.isdigit():
            raise Invalid(MSG_COUNT_NOT_INTEGER.format(what=what, shown=_shown(text)))
    s = s.lstrip("0") or "0"
    if len(s) > COUNT_DIGITS:
        raise _too_big(what, text, MSG_TOO_BIG_DIGITS.format(n=len(s)), MSG_LIMIT_DIGITS.format(digits=COUNT_DIGITS))
    return int(s)


def parse_decimal(
    text: str,
    what: str = "数值",
    units: tuple[str, ...] = (),
    places: int = 2,
    digits: int = DECIMAL_DIGITS,
) -> Decimal:
    if text.isascii() and text.isdigit():  # the common value: what the checks below leave of it
        whole, fraction = text.lstrip("0") or "0", None
    else:
        _check_digits(text, what, DIGIT_EXAMPLES["decimal"])
        s = _number_text(text, units, what)
        if s.startswith("-"):
            raise Invalid(MSG_DECIMAL_NEGATIVE.format(what=what, shown=_shown(text)))
        m = _DECIMAL.fullmatch(s)
        if not m:
            raise Invalid(MSG_DECIMAL_NOT_NUMBER.format(what=what, shown=_shown(text)))
        whole, fraction = m.group(1).lstrip("0") or "0", m.group(2)
    if len(whole) > digits:
        raise _too_big(what, text, MSG_TOO_BIG_WHOLE.format(n=len(whole)), MSG_LIMIT_DIGITS.format(digits=digits))
    if fraction is None:
        return Decimal(whole)
    if len(fraction.rstrip("0")) > places:
        raise Invalid(MSG_DECIMAL_PLACES.format(what=what, shown=_shown(text), places=places))
    if len(fraction) > 10:  # only zeros follow: keep "1.10" as typed, drop a run of zeros
        fraction = fraction.rstrip("0") or "0"
    return Decimal(f"{whole}.{fraction}")


def parse_amount(text: str) -> Decimal:
    """Money in 元; ``3万`` / ``3万元`` / ``1.5 万元`` are converted to 元."""
    _check_digits(text, AMOUNT_WHAT, DIGIT_EXAMPLES["amount"])
    s = normalise(text).replace(" ", "")
    if s.endswith(AMOUNT_WAN):
        number = s[: -len(next(w for w in AMOUNT_WAN if s.endswith(w)))]
        m = _DECIMAL.fullmatch(number)
        if not m:
            raise Invalid(MSG_AMOUNT_NOT_NUMBER.format(shown=_shown(text)))
        whole = m.group(1).lstrip("0") or "0"
        if len(whole) > AMOUNT_WAN_DIGITS:
            raise _too_big(
                AMOUNT_WHAT, text, MSG_TOO_BIG_WAN.format(n=len(whole)), MSG_LIMIT_WAN.format(digits=AMOUNT_WAN_DIGITS)
            )
        fraction = (m.group(2) or "").rstrip("0")
        if len(fraction) > 6:
            raise Invalid(MSG_AMOUNT_CENTS.format(shown=_shown(text)))
        value = Decimal(f"{whole}.{fraction or '0'}") * 10000
        exponent = value.normalize().as_tuple().exponent
        assert isinstance(exponent, int)  # finite: made from digits just above
        if -exponent > 2:
            raise Invalid(MSG_AMOUNT_CENTS.format(shown=_shown(text)))
        return value.quantize(Decimal("0.01")).normalize()
    return parse_decimal(s, AMOUNT_WHAT, units=AMOUNT_UNITS, places=2, digits=AMOUNT_DIGITS)


_TRUE = {"true", "yes", "是"}
_FALSE = {"false", "no", "否"}


def parse_bool(text: str) -> bool:
    s = normalise(text).lower()
    if s in _TRUE:
        return True
    if s in _FALSE:
        return False
    raise Invalid(f"“{text.strip()}”不是“是/否”。请写 true（是）或 false（否）")
