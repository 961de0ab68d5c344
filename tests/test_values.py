import datetime as dt
from decimal import Decimal

import pytest

from wenmingsite.loading.values import (
    Invalid,
    MissingYear,
    excel_serial_date,
    parse_amount,
    parse_bool,
    parse_count,
    parse_date,
    parse_date_span,
    parse_decimal,
)


@pytest.mark.parametrize(
    "text",
    [
        "2024-03-05",
        "2024-3-5",
        "2024/3/5",
        "2024.3.5",
        "2024年3月5日",
        "2024年3月5号",
        "２０２４年３月５日",
        " 2024 年 3 月 5 日 ",
        "2024－3－5",
        "20240305",
    ],
)
def test_common_chinese_date_forms_are_normalised(text):
    assert parse_date(text) == dt.date(2024, 3, 5)


@pytest.mark.parametrize(
    "text, message",
    [
        ("2024-02-30", "日期“2024-02-30”不存在（2024年2月没有30日）。请核对后写成 2024-02-DD 的形式"),
        ("2023年2月29日", "日期“2023年2月29日”不存在（2023年2月没有29日）。请核对后写成 2023-02-DD 的形式"),
        ("2024-13-01", "日期“2024-13-01”不存在（2024年13月没有1日）。请核对后写成 2024-13-DD 的形式"),
        ("05/03/2024", "日期“05/03/2024”看不出哪个是月、哪个是日。请按“年-月-日”的顺序写成 2024-03-05 的形式"),
        ("24-3-5", "日期“24-3-5”的年份只有两位，无法确定是哪一年。请写四位年份，例如 2024-03-05"),
        ("2024年3月", "日期“2024年3月”缺少“日”。请写出具体哪一天，例如 2024-03-05"),
        ("二〇二四年三月五日", "日期“二〇二四年三月五日”用了汉字数字。请改用阿拉伯数字，例如 2024-03-05"),
        (
            "2024-03-05~2024-03-07",
            "“2024-03-05~2024-03-07”像是一个日期范围。这里只能写一个日期（开始日期），"
            "结束日期请写在 end_date 字段，例如 date: 2024-03-05 和 end_date: 2024-03-07",
        ),
        ("1024-03-05", "日期“1024-03-05”的年份 1024 不合理。请核对年份"),
        ("20240230", "日期“20240230”不存在（2024年2月没有30日）。请核对后写成 2024-02-DD 的形式"),
        ("10240305", "日期“10240305”的年份 1024 不合理。请核对年份"),
        ("上周五", "无法识别日期“上周五”。请写成 2024-03-05 或 2024年3月5日 的形式"),
    ],
)
def test_impossible_and_ambiguous_dates_are_rejected(text, message):
    with pytest.raises(Invalid) as exc:
        parse_date(text)
    assert str(exc.value) == message


def test_counts_keep_leading_zeros_decimal_and_accept_units():
    # YAML 1.1 would read 0123 as octal 83.
    assert parse_count("0123") == 123
    assert parse_count("1,200人次", "人次", units=("人次", "人")) == 1200
    assert parse_count("５６") == 56
    with pytest.raises(Invalid, match="逗号位置不对"):
        parse_count("12,00")
    with pytest.raises(Invalid, match="不是一个确定的数"):
        parse_count("5000余", "人次")
    with pytest.raises(Invalid, match="不是整数"):
        parse_count("2.5")


def test_decimals_keep_their_value():
    # YAML 1.1 would turn 1.10 into the float 1.1 and 9:30 into 570.
    assert parse_decimal("1.10", places=1) == Decimal("1.10")
    assert parse_decimal("2.5小时", units=("小时",), places=1) == Decimal("2.5")
    with pytest.raises(Invalid, match="最多保留 1 位小数"):
        parse_decimal("2.25", places=1)


def test_amounts_in_yuan_and_wan():
    assert parse_amount("5640") == Decimal(5640)
    assert parse_amount("5,640元") == Decimal(5640)
    assert parse_amount("3万元") == Decimal(30000)
    assert parse_amount("3.44万") == Decimal(34400)
    assert parse_amount("12.5") == Decimal("12.5")
    with pytest.raises(Invalid, match="超过两位小数"):
        parse_amount("1.2345678万元")


def test_booleans_are_explicit():
    assert parse_bool("true") is True and parse_bool("是") is True and parse_bool("no") is False
    with pytest.raises(Invalid, match="不是“是/否”"):
        parse_bool("1")


# --- digits of other scripts, and bounds ------------------------------------------------

OTHER_DIGIT = "不是普通的阿拉伯数字（像是其他文字的数字、带圈数字或上标）。请只用 0 到 9 这十个数字，例如 "


@pytest.mark.parametrize("text, ch", [("፩", "፩"), ("①", "①"), ("²", "²"), ("٣", "٣"), ("1٣", "٣"), ("５⁰", "⁰")])
def test_digits_of_other_scripts_are_refused_by_every_number_converter(text, ch):
    # NFKC would turn ① and ² into 1 and 2; int() reads ٣ as 3 and crashes on ፩.
    cases = [
        (lambda: parse_count(text, "人次", units=("人次",)), f"人次“{text}”里的“{ch}”{OTHER_DIGIT}50"),
        (lambda: parse_decimal(text, "时长", places=1), f"时长“{text}”里的“{ch}”{OTHER_DIGIT}2.5"),
        (lambda: parse_amount(text), f"金额“{text}”里的“{ch}”{OTHER_DIGIT}5640"),
        (lambda: parse_amount(text + "万元"), f"金额“{text}万元”里的“{ch}”{OTHER_DIGIT}5640"),
    ]
    for call, message in cases:
        with pytest.raises(Invalid) as exc:
            call()
        assert str(exc.value) == message


def test_dates_in_other_scripts_are_refused():
    with pytest.raises(Invalid) as exc:
        parse_date("٢٠٢٤-٣-٥")
    assert str(exc.value) == f"日期“٢٠٢٤-٣-٥”里的“٢”{OTHER_DIGIT}2024-03-05"
    with pytest.raises(Invalid) as exc:
        parse_date("2024年3月⑤日")
    assert str(exc.value) == f"日期“2024年3月⑤日”里的“⑤”{OTHER_DIGIT}2024-03-05"


def test_full_width_digits_and_leading_zeros_are_still_fine():
    assert parse_count("９９９９９９９９９") == 999_999_999
    assert parse_count("0" * 5000 + "7") == 7
    assert parse_decimal("2." + "0" * 5000, places=1) == Decimal(2)
    assert parse_amount("999,999,999,999.99元") == Decimal("999999999999.99")
    assert parse_amount("99999999万元") == Decimal("999999990000")
    assert parse_amount("０.５万") == Decimal(5000)


@pytest.mark.parametrize(
    "call, message",
    [
        (
            lambda: parse_count("1" * 5000, "人次"),
            "人次“11111111111111111111…（共 5000 个字符）”太大了（有 5000 位数字）。这里最多 9 位，请核对后重新填写",
        ),
        (
            lambda: parse_count("1,000,000,000", "职工人数"),
            "职工人数“1,000,000,000”太大了（有 10 位数字）。这里最多 9 位，请核对后重新填写",
        ),
        (
            lambda: parse_decimal("1" * 10 + ".5", "时长", places=1),
            "时长“1111111111.5”太大了（整数部分有 10 位）。这里最多 9 位，请核对后重新填写",
        ),
        (
            lambda: parse_amount("1" + "0" * 400),
            "金额“10000000000000000000…（共 401 个字符）”太大了（整数部分有 401 位）。这里最多 12 位，请核对后重新填写",
        ),
        (
            lambda: parse_amount("1" + "0" * 400 + "万元"),
            "金额“10000000000000000000…（共 403 个字符）”太大了（“万”前面的整数部分有 401 位）。"
            "以“万”为单位时最多 8 位，请核对后重新填写",
        ),
        (
            lambda: parse_amount("1." + "1" * 400 + "万"),
            "金额“1.111111111111111111…（共 403 个字符）”换算成元后超过两位小数。请直接写元，例如 5640.50",
        ),
        (
            lambda: parse_decimal("1." + "5" * 400, "时长", places=1),
            "时长“1.555555555555555555…（共 402 个字符）”的小数位太多。最多保留 1 位小数",
        ),
        (lambda: parse_amount("1e400"), "金额“1e400”不是数字。请只写阿拉伯数字，例如 2.5"),
    ],
)
def test_huge_numbers_are_refused_in_chinese_and_nothing_else_is_raised(call, message):
    with pytest.raises(Invalid) as exc:
        call()
    assert str(exc.value) == message


def test_invisible_characters_are_not_text():
    from wenmingsite.loading.values import has_text, invisible_only

    assert not has_text("\u200b\u200c\u200d\u2060\ufeff\u00ad \u3000\u3164")
    assert has_text("\u200b植树") and has_text("《》")
    assert invisible_only("\u200b \u200b\ufeff") == (
        "只有看不见的字符（U+200B、U+FEFF），没有任何文字，常见于从网页或聊天软件复制来的内容。请删除这个值后重新输入"
    )


# --- dates as ledgers write them ---------------------------------------------------------


@pytest.mark.parametrize(
    "text, year, expected",
    [
        ("2024-04-15", None, (dt.date(2024, 4, 15), None)),
        ("20240415", None, (dt.date(2024, 4, 15), None)),
        ("2024-04-15 09:30", None, (dt.date(2024, 4, 15), None)),
        ("2024-04-15T09:30:00", None, (dt.date(2024, 4, 15), None)),
        ("２０２４年４月１５日　下午", None, (dt.date(2024, 4, 15), None)),
        ("2024年4月15日 周一 14:00", None, (dt.date(2024, 4, 15), None)),
        ("4月15日", 2024, (dt.date(2024, 4, 15), None)),
        ("4月15日-17日", 2025, (dt.date(2025, 4, 15), dt.date(2025, 4, 17))),
        ("2024.4.15-4.17", None, (dt.date(2024, 4, 15), dt.date(2024, 4, 17))),
        ("2024-4-15-17", None, (dt.date(2024, 4, 15), dt.date(2024, 4, 17))),
        ("2024/4/15～2024/5/2", None, (dt.date(2024, 4, 15), dt.date(2024, 5, 2))),
        ("2024年4月15日至4月17日", None, (dt.date(2024, 4, 15), dt.date(2024, 4, 17))),
        ("2024.12.30-1.2", None, (dt.date(2024, 12, 30), dt.date(2025, 1, 2))),
    ],
)
def test_ledger_date_spans(text, year, expected):
    assert parse_date_span(text, year) == expected


def test_a_day_without_a_year_needs_one():
    with pytest.raises(MissingYear) as exc:
        parse_date_span("4月15日")
    assert str(exc.value) == "日期“4月15日”没有写年份。请写出年份，例如 2024年3月5日"


def test_a_span_still_refuses_what_parse_date_refuses():
    with pytest.raises(Invalid) as exc:
        parse_date_span("05/03/2024")
    assert str(exc.value) == "日期“05/03/2024”看不出哪个是月、哪个是日。请按“年-月-日”的顺序写成 2024-03-05 的形式"


def test_excel_day_numbers():
    # Day 60 is Excel's 1900-02-29, which never was: later days are one more than a calendar count.
    assert excel_serial_date(45397) == dt.date(2024, 4, 15)
    assert excel_serial_date(45397.99) == dt.date(2024, 4, 15)
    assert excel_serial_date(45397 - 1462, date1904=True) == dt.date(2024, 4, 15)
    assert excel_serial_date(32874) == dt.date(1990, 1, 1)
    assert excel_serial_date(73415) == dt.date(2100, 12, 31)
    for outside in (32873, 73416, 0, -1):
        with pytest.raises(Invalid, match="不是 20240415 这样的八位日期"):
            excel_serial_date(outside)


def test_a_front_matter_value_near_the_common_forms_is_read_as_the_checks_read_it():
    """The converters take plain digits, ISO dates and text without a colon the short way
    (schema.read_fields, values.parse_*): values that only look like them still get every
    check's answer and its Chinese line."""
    from wenmingsite.loading import schema, yamlstrict
    from wenmingsite.loading.problems import Problems

    text = (
        'title: "\u3000"\n'  # a full-width space: blank, not text
        'date: " 2024-3-5 "\n'
        "category: 业务服务\n"
        'participants: "0028"\n'
        'volunteer_hours: "007"\n'
        'summary: "javascript&#58;alert(1)"\n'  # a colon only once unescaped
        'department: "Java\\tScript:x"\n'  # a tab the browser drops
        "end_date: 2024-02-30\n"
    )
    meta, parse_problems = yamlstrict.load_yaml(text, "a.md")
    assert not parse_problems
    problems = Problems()
    out = schema.read_fields(meta, schema.ACTIVITY_PAGE, "a.md", problems)
    assert (out["title"], out["date"], out["participants"], out["volunteer_hours"]) == (
        None,
        dt.date(2024, 3, 5),
        28,
        Decimal("7"),
    )
    assert out["summary"] is None and out["department"] is None and out["end_date"] is None
    assert sorted(str(p) for p in problems) == [
        "a.md:1:1: 缺少必填字段 title（标题）。请补上，例如 title: …",
        "a.md:6:10: 摘要（summary）：“javascript&#58;alert(1)”以“javascript:”开头：浏览器会把这样的网址当作脚本运行，"
        "文字里不能这样写。请删去“javascript:”或改写这段文字",
        "a.md:7:13: 组织部门（department）：“Java\\tScript:x”以“javascript:”开头：浏览器会把这样的网址当作脚本运行，"
        "文字里不能这样写。请删去“javascript:”或改写这段文字",
        "a.md:8:11: 结束日期（end_date）：日期“2024-02-30”不存在（2024年2月没有30日）。请核对后写成 2024-02-DD 的形式",
    ]
