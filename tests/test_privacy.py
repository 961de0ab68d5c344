"""The personal-number check on a labelled set of lines: every planted number found,
no alarm on counts, dates, amounts, landlines, order numbers or masked numbers."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

from wenmingsite.gate.privacy import find, id_checksum_ok

DATA = Path(__file__).parent / "data" / "personal_numbers.txt"


def labelled():
    for line in DATA.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        label, text = line.split(" | ", 1)
        expected = [] if label == "-" else [tuple(x.split(":", 1)) for x in label.split(",")]
        yield expected, text


def test_labelled_set_precision_and_recall():
    cases = list(labelled())
    assert len(cases) >= 50
    tp = fp = fn = 0
    misses = []
    for expected, text in cases:
        got = [(f.number_type, f.masked) for f in find(text)]
        tp += len(set(got) & set(expected))
        fp += len(set(got) - set(expected))
        fn += len(set(expected) - set(got))
        if got != expected:
            misses.append((text, expected, got))
    precision = tp / (tp + fp)
    recall = tp / (tp + fn)
    print(f"\n{len(cases)} lines, {tp + fn} planted numbers: precision {precision:.3f}, recall {recall:.3f}")
    assert misses == []
    assert precision == 1.0 and recall == 1.0


def test_masked_output_never_contains_the_full_number():
    for _expected, text in labelled():
        for f in find(text):
            assert "*" in f.masked and f.masked not in text.replace("*", "")


def test_checksum():
    assert id_checksum_ok("11010519800101123", "8")
    assert not id_checksum_ok("11010519800101123", "9")
    assert id_checksum_ok("32058219990101888", "x")


def test_the_units_own_public_numbers_are_allowed():
    assert find("服务热线 13812348000", allowed={"13812348000"}) == []


# --- the forms editors actually paste (issue 13) ------------------------------------------

LABELLED = Path(__file__).parent / "data" / "personal_numbers_labelled.tsv"


def labelled_tsv():
    for line in LABELLED.read_text(encoding="utf-8").split("\n"):
        if not line.strip() or line.startswith("#"):
            continue
        label, text = line.split("\t", 1)
        expected = [] if label == "-" else [tuple(x.split(":", 1)) for x in label.split(",")]
        yield expected, text


def test_labelled_tsv_precision_and_recall():
    cases = list(labelled_tsv())
    assert len(cases) >= 200
    assert sum(1 for expected, _ in cases if not expected) >= 100  # hard negatives
    tp = fp = fn = 0
    wrong = []
    for expected, text in cases:
        got = [(f.number_type, f.masked) for f in find(text)]
        hits = len(set(got) & set(expected))
        tp, fp, fn = tp + hits, fp + len(got) - hits, fn + len(expected) - hits
        if got != expected:
            wrong.append((text, expected, got))
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    print(f"\n{len(cases)} lines, {tp + fn} planted numbers: precision {precision:.3f}, recall {recall:.3f}")
    assert tp + fn >= 100
    assert precision == 1.0, wrong
    assert recall >= 0.98, wrong


@pytest.mark.parametrize(
    "line, number",
    [
        ("手机１３８１２３４８０００", "13812348000"),
        ("电话138.1234.8000", "13812348000"),
        ("电话138·1234·8000", "13812348000"),
        *[(f"电话138{d}1234{d}8000", "13812348000") for d in "-‐‑‒–—―－"],
        ("电话138——1234——8000", "13812348000"),
        ("电话138\u30001234\u30008000", "13812348000"),
        ("电话138\u00a01234\u00a08000", "13812348000"),
        ("电话１３８\u3000１２３４\u3000８０００", "13812348000"),
        ("电话138\u200b1234\u200b8000", "13812348000"),
        ("电话 +86 138 1234 8000", "13812348000"),
        ("电话 ＋８６－１３８－１２３４－８０００", "13812348000"),
        ("电话 0086 13812348000", "13812348000"),
        ("电话 138-12348000", "13812348000"),
        ("身份证 110105 19800101 1238", "110105198001011238"),
        ("身份证 110105 1980 0101 1238", "110105198001011238"),
        ("身份证 １１０１０５１９８００１０１１２３８", "110105198001011238"),
        ("身份证 32058219990101888ｘ", "32058219990101888X"),
        ("老身份证 110105800101123", "110105800101123"),
        ("老身份证 110105 800101 123", "110105800101123"),
        ("张三13812348000.jpg", "13812348000"),
    ],
)
def test_written_forms_are_found_at_their_original_column(line, number):
    found = find(line)
    assert [f.number for f in found] == [number]
    f = found[0]
    # start and end point into the line as the editor typed it: the span is the number
    # (with its +86 prefix), from its first to its last character
    span = unicodedata.normalize("NFKC", line[f.start : f.end])
    assert re.sub(r"[^0-9X]", "", span.upper()) in (number, "86" + number, "0086" + number)
    assert span[0] in "+0123456789" and span[-1] in "0123456789Xx"


@pytest.mark.parametrize(
    "line",
    [
        "办公电话 010-62345678",
        "咨询 0571-8888 6666",
        "热线 400-820-8820",
        "客服 4008208820",
        "青农发〔2024〕13号",
        "订单号 20240305138123480001",
        "账号 6222 0212 3456 7890 123",
        "合计 13,812,348,000 元",
        "金额 13812348000.50 元",
        "投入 13800000000 元",
        "价款 ¥13812348000",
        "批次号 20240305-13812348000",
        "序列号 SN138-1234-8000",
        "时间 2024.03.05 13:30",
        "营业执照注册号 330100000123456",
        "区划码不存在的十五位号 991231800101123",
        "二十位数字 13812348000138123480",
        "工单号 GD13812348000",
    ],
)
def test_lookalikes_are_not_personal_numbers(line):
    assert find(line) == []


def test_masks_keep_region_and_sequence_only():
    assert [f.masked for f in find("身份证 110105198001011238，老证 110105800101123，手机 13812348000")] == [
        "110105********1238",
        "110105******123",
        "138****8000",
    ]


def test_allowed_numbers_match_however_the_unit_wrote_them():
    from wenmingsite.gate import publication

    allowed = publication.allowed_numbers("+86 138-1234-8000")
    assert find("服务热线 １３８ １２３４ ８０００", allowed) == []
    assert [f.masked for f in find("服务热线 13812348000，王某 13900001111", allowed)] == ["139****1111"]


def test_scan_text_message_points_at_the_original_column():
    from wenmingsite.gate import publication

    problems = publication.scan_text("docs/a.md", "标题\n联系人：张某，手机１３８－１２３４－８０００。", set())
    assert [str(p) for p in problems] == [
        "docs/a.md:2:10: 疑似个人手机号 138****8000。公开网站上不能出现群众和职工的个人手机号，请删除，或改为单位的办公电话"
    ]


def test_file_and_folder_names_with_personal_numbers():
    from wenmingsite.gate import publication

    problems = publication.name_problems(
        [
            "docs/activities/2024/张三13812348000.jpg",
            "docs/documents/王某_110105198001011238/申请表.pdf",
            "docs/documents/王某_110105198001011238/照片.jpg",
            "docs/activities/2024/IMG_20240305_143012.jpg",
            "data/unit.yml",
        ],
        set(),
    )
    assert [str(p) for p in problems] == [
        "docs/activities/2024/张三13812348000.jpg: 文件名中有疑似个人手机号 138****8000。"
        "文件名会出现在网址和下载链接里，公开网站上不能出现个人号码。请给这个文件改名、去掉号码（页面或 data 中引用了它的地方也要一起改）",
        "docs/documents/王某_110105198001011238: 文件夹名中有疑似居民身份证号 110105********1238。"
        "文件名会出现在网址和下载链接里，公开网站上不能出现个人号码。请给这个文件夹改名、去掉号码（页面或 data 中引用了它的地方也要一起改）",
    ]
