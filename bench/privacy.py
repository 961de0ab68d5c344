"""Precision and recall of the personal-number check on the labelled set
tests/data/personal_numbers_labelled.tsv, overall and per family (a line ``# == name ==``
starts one), with every misclassified line; written to bench/results/privacy.md and .json.

    python bench/privacy.py [labelled.tsv]

A finding counts as correct when its kind and masked number match a label of that line.
The detector is ``wenmingsite.gate.privacy.find`` as every check calls it: the line as written
and as a reader decodes it (escapes, entities, markup, percent-encoding, Chinese numerals).
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from wenmingsite.gate.privacy import find  # noqa: E402

DEFAULT = Path(__file__).resolve().parents[1] / "tests" / "data" / "personal_numbers_labelled.tsv"
RESULTS = Path(__file__).resolve().parent / "results"
FAMILY_MARK = "# == "


def labelled(path: Path = DEFAULT):
    """(line number, family, expected [(kind, masked)], text) for each labelled line."""
    family = "(none)"
    for no, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
        if line.startswith(FAMILY_MARK):
            family = line[len(FAMILY_MARK) :].removesuffix(" ==").strip()
            continue
        if not line.strip() or line.startswith("#"):
            continue
        label, text = line.split("\t", 1)
        expected = [] if label == "-" else [tuple(x.split(":", 1)) for x in label.split(",")]
        yield no, family, expected, text


def _ratios(tp: int, fp: int, fn: int) -> dict:
    return {
        "precision": tp / (tp + fp) if tp + fp else 1.0,
        "recall": tp / (tp + fn) if tp + fn else 1.0,
    }


def evaluate(path: Path = DEFAULT) -> dict:
    tp = fp = fn = 0
    wrong = []
    families: dict[str, dict] = {}
    cases = list(labelled(path))
    started = time.perf_counter()
    for no, family, expected, text in cases:
        got = [(f.kind, f.masked) for f in find(text)]
        hits = len(set(got) & set(expected))
        tp += hits
        fp += len(got) - hits
        fn += len(expected) - hits
        fam = families.setdefault(family, {"lines": 0, "planted": 0, "tp": 0, "fp": 0, "fn": 0})
        fam["lines"] += 1
        fam["planted"] += len(expected)
        fam["tp"] += hits
        fam["fp"] += len(got) - hits
        fam["fn"] += len(expected) - hits
        if got != expected:
            wrong.append((no, text, expected, got))
    seconds = time.perf_counter() - started
    for fam in families.values():
        fam.update(_ratios(fam["tp"], fam["fp"], fam["fn"]))
    return {
        "lines": len(cases),
        "planted": tp + fn,
        "tp": tp,
        "fp": fp,
        "fn": fn,
        **_ratios(tp, fp, fn),
        "families": families,
        "wrong": wrong,
        "seconds": seconds,
    }


def report(r: dict) -> str:
    out = [
        "# 个人号码检查的查准率和查全率（bench/privacy.py）",
        "",
        f"标注样本 `tests/data/personal_numbers_labelled.tsv`：{r['lines']} 行，{r['planted']} 个号码；"
        f"找到 {r['tp']} 个，误报 {r['fp']} 个，漏报 {r['fn']} 个。"
        f"**查准率 {r['precision']:.3f}，查全率 {r['recall']:.3f}**（全部行共用时 {r['seconds'] * 1000:.1f} ms）。",
        "",
        "| 类别 | 行 | 号码 | 找到 | 误报 | 漏报 | 查准率 | 查全率 |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for name, f in r["families"].items():
        out.append(
            f"| {name} | {f['lines']} | {f['planted']} | {f['tp']} | {f['fp']} | {f['fn']} "
            f"| {f['precision']:.3f} | {f['recall']:.3f} |"
        )
    if r["wrong"]:
        out += ["", "判断错误的行：", ""]
        for no, text, expected, got in r["wrong"]:
            out.append(f"- 第 {no} 行 `{text}`：应为 {expected}，实际 {got}")
    return "\n".join(out) + "\n"


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    r = evaluate(path)
    print(
        f"{r['lines']} lines, {r['planted']} planted numbers, {r['tp']} found, {r['fp']} false alarms, {r['fn']} missed"
    )
    print(f"precision {r['precision']:.3f}  recall {r['recall']:.3f}  ({r['seconds'] * 1000:.1f} ms for all lines)")
    for name, f in r["families"].items():
        print(f"  {name}: {f['planted']} planted, precision {f['precision']:.3f}, recall {f['recall']:.3f}")
    for no, text, expected, got in r["wrong"]:
        print(f"  line {no}: {text!r}\n    expected {expected}\n    found    {got}")
    if path == DEFAULT:
        RESULTS.mkdir(exist_ok=True)
        (RESULTS / "privacy.md").write_text(report(r), encoding="utf-8")
        summary = {k: v for k, v in r.items() if k not in ("wrong", "seconds")}
        summary["wrong"] = [{"line": no, "text": t, "expected": e, "found": g} for no, t, e, g in r["wrong"]]
        (RESULTS / "privacy.json").write_text(
            json.dumps(summary, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
        print(f"written to {RESULTS / 'privacy.md'} and privacy.json")


if __name__ == "__main__":
    main()
