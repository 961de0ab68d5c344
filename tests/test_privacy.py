"""The personal-number check on a labelled set of lines: every planted number found,
no alarm on counts, dates, amounts, landlines, order numbers or masked numbers."""

from __future__ import annotations

from pathlib import Path

from wenmingsite.privacy import find, id_checksum_ok

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
        got = [(f.kind, f.masked) for f in find(text)]
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
    for expected, text in labelled():
        for f in find(text):
            assert "*" in f.masked and f.masked not in text.replace("*", "")


def test_checksum():
    assert id_checksum_ok("11010519800101123", "8")
    assert not id_checksum_ok("11010519800101123", "9")
    assert id_checksum_ok("32058219990101888", "x")


def test_the_units_own_public_numbers_are_allowed():
    assert find("服务热线 13812348000", allowed={"13812348000"}) == []
