"""Precision and recall of the personal-number check on the labelled set
tests/data/personal_numbers_labelled.tsv, with every misclassified line.

    python bench/privacy.py [labelled.tsv]

A finding counts as correct when its kind and masked number match a label of that line.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from wenmingsite.privacy import find  # noqa: E402

DEFAULT = Path(__file__).resolve().parents[1] / "tests" / "data" / "personal_numbers_labelled.tsv"


def labelled(path: Path = DEFAULT):
    """(line number, expected [(kind, masked)], text) for each labelled line."""
    for no, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
        if not line.strip() or line.startswith("#"):
            continue
        label, text = line.split("\t", 1)
        expected = [] if label == "-" else [tuple(x.split(":", 1)) for x in label.split(",")]
        yield no, expected, text


def evaluate(path: Path = DEFAULT) -> dict:
    tp = fp = fn = 0
    wrong = []
    cases = list(labelled(path))
    started = time.perf_counter()
    for no, expected, text in cases:
        got = [(f.kind, f.masked) for f in find(text)]
        hits = len(set(got) & set(expected))
        tp += hits
        fp += len(got) - hits
        fn += len(expected) - hits
        if got != expected:
            wrong.append((no, text, expected, got))
    seconds = time.perf_counter() - started
    return {
        "lines": len(cases),
        "planted": tp + fn,
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "precision": tp / (tp + fp) if tp + fp else 1.0,
        "recall": tp / (tp + fn) if tp + fn else 1.0,
        "wrong": wrong,
        "seconds": seconds,
    }


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    r = evaluate(path)
    print(
        f"{r['lines']} lines, {r['planted']} planted numbers, {r['tp']} found, {r['fp']} false alarms, {r['fn']} missed"
    )
    print(f"precision {r['precision']:.3f}  recall {r['recall']:.3f}  ({r['seconds'] * 1000:.1f} ms for all lines)")
    for no, text, expected, got in r["wrong"]:
        print(f"  line {no}: {text!r}\n    expected {expected}\n    found    {got}")


if __name__ == "__main__":
    main()
