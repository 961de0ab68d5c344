"""Precision and recall of the sensitive-personal-information check on the labelled set
tests/data/sensitive_sentences.yml: overall, for the sentences the detector was tuned on, for
the held-out ones (``holdout: 1`` written after tuning and then used for fixes, ``holdout: 2``
written after those fixes and never tuned on), and per category, with every
misclassified sentence; written to bench/results/sensitive.md and .json.

    python bench/sensitive_quality.py [sentences.yml]

A sentence counts as flagged when ``wenmingsite.gate.sensitive.find`` reports any hit in it (the
detector every check runs on each line), whatever category it names.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from wenmingsite.gate.sensitive import find  # noqa: E402

DEFAULT = Path(__file__).resolve().parents[1] / "tests" / "data" / "sensitive_sentences.yml"
RESULTS = Path(__file__).resolve().parent / "results"


def sentences(path: Path = DEFAULT) -> list[dict]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))["sentences"]


def score(rows: list[dict]) -> dict:
    """Counts, precision and recall of ``rows`` (each with ``flag`` and ``found``)."""
    tp = sum(1 for r in rows if r["flag"] and r["found"])
    fp = sum(1 for r in rows if not r["flag"] and r["found"])
    fn = sum(1 for r in rows if r["flag"] and not r["found"])
    return {
        "sentences": len(rows),
        "sensitive": tp + fn,
        "found": tp,
        "false_alarms": fp,
        "missed": fn,
        "precision": tp / (tp + fp) if tp + fp else None,  # None: nothing flagged
        "recall": tp / (tp + fn) if tp + fn else None,  # None: nothing to find
    }


def measure(path: Path = DEFAULT) -> dict:
    rows = []
    start = time.perf_counter()
    for s in sentences(path):
        hits = find(s["text"])
        rows.append({**s, "found": bool(hits), "hits": [(h.person, h.term, h.category) for h in hits]})
    elapsed = time.perf_counter() - start
    parts = {
        "全部": rows,
        "调试用": [r for r in rows if not r.get("holdout")],
        "留出一（先测一次，再据此修正，已不算留出）": [r for r in rows if r.get("holdout") == 1],
        "留出二（修正后才写，只测一次，未再调整）": [r for r in rows if r.get("holdout") == 2],
    }
    categories = sorted(
        {r["category"] for r in rows}, key=lambda c: (not any(r["flag"] for r in rows if r["category"] == c), c)
    )
    return {
        "seconds": elapsed,
        "parts": {name: score(part) for name, part in parts.items()},
        "categories": {c: score([r for r in rows if r["category"] == c]) for c in categories},
        "wrong": [r for r in rows if r["found"] != r["flag"]],
    }


def _ratio(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


def report(result: dict) -> str:
    overall = result["parts"]["全部"]
    lines = [
        "# 敏感个人信息检查的查准率和查全率（bench/sensitive_quality.py）",
        "",
        f"标注句子 `tests/data/sensitive_sentences.yml`：{overall['sentences']} 句，其中应提示 {overall['sensitive']} 句；"
        f"提示了 {overall['found']} 句，误报 {overall['false_alarms']} 句，漏报 {overall['missed']} 句。"
        f"**查准率 {overall['precision']:.3f}，查全率 {overall['recall']:.3f}**（全部句子共用时 {result['seconds']:.2f} 秒，含 jieba 载入词典）。",
        "",
        "| 部分 | 句子 | 应提示 | 提示 | 误报 | 漏报 | 查准率 | 查全率 |",
        "|---|---|---|---|---|---|---|---|",
    ]
    rows = list(result["parts"].items()) + [(f"类别：{c}", s) for c, s in result["categories"].items()]
    for name, s in rows:
        lines.append(
            f"| {name} | {s['sentences']} | {s['sensitive']} | {s['found']} | {s['false_alarms']} | {s['missed']} "
            f"| {_ratio(s['precision'])} | {_ratio(s['recall'])} |"
        )
    lines += ["", "判断错误的句子：", ""]
    for r in result["wrong"]:
        what = "误报" if r["found"] else "漏报"
        part = f"，留出{r['holdout']}" if r.get("holdout") else ""
        lines.append(f"- {what}（{r['category']}{part}）：{r['text']} {r['hits'] or ''}")
    return "\n".join(lines) + "\n"


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    result = measure(path)
    text = report(result)
    print(text)
    if path == DEFAULT:
        RESULTS.mkdir(exist_ok=True)
        (RESULTS / "sensitive.md").write_text(text, encoding="utf-8")
        data = {k: v for k, v in result.items() if k != "wrong"}
        data["wrong"] = [{"text": r["text"], "flag": r["flag"], "hits": r["hits"]} for r in result["wrong"]]
        (RESULTS / "sensitive.json").write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
