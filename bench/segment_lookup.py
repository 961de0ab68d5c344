"""Segmenting new text with the word table against loading jieba's whole dictionary.

    python bench/segment_lookup.py [--rounds 5]

A build that meets text its segmentation cache has not seen either loads jieba's dictionary
(``jieba.initialize``: the marshal file in .cache/jieba) or answers jieba's frequency lookups
from the table in .cache/search (wenmingsite.pages.wordtable). This measures, in CPU time:

- loading the whole dictionary in a fresh process (its marshal file warm, as CI restores it);
- opening and checking the table, and teaching it the unit's words;
- segmenting runs of new Chinese text (the demo's pages, then the generated unit's activities,
  as an edit brings them) with the table, by amount of text: the table lookups it takes and their cost;

and prints where the two meet, which is what ``wordtable.QUERY_BUDGET`` is set from (a build
that needs more lookups switches to the whole dictionary). Writes
bench/results/segment_lookup.md|json.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import CATEGORIES, DEPARTMENTS, generate  # noqa: E402

LOAD = """
import sys, time, jieba
jieba.setLogLevel(60)
jieba.dt.tmp_dir = sys.argv[1]
start = time.process_time()
jieba.initialize()
print(time.process_time() - start)
"""


def full_load(folder: Path, rounds: int) -> float:
    """Median CPU seconds of ``jieba.initialize()`` in a fresh process, its cache file warm."""
    subprocess.run([sys.executable, "-c", LOAD, str(folder)], check=True, capture_output=True)  # makes it
    times = [
        float(
            subprocess.run([sys.executable, "-c", LOAD, str(folder)], check=True, capture_output=True, text=True).stdout
        )
        for _ in range(rounds)
    ]
    return statistics.median(times)


def runs_of(*folders: Path) -> list[str]:
    """Distinct runs of Han characters of the Markdown files under ``folders``, in order."""
    from wenmingsite.pages.segments import HAN

    seen: dict[str, None] = {}
    for page in (p for folder in folders for p in sorted(folder.rglob("*.md"))):
        for i, piece in enumerate(HAN.split(page.read_text(encoding="utf-8"))):
            if i % 2:
                seen.setdefault(piece)
    return list(seen)


def main() -> None:
    parser = argparse.ArgumentParser(description="word table against jieba's whole dictionary")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    import jieba

    from wenmingsite import pages  # noqa: F401
    from wenmingsite.pages import wordtable

    jieba.setLogLevel(60)
    words_file = Path(pages.__file__).resolve().parents[1] / "search_words.txt"
    words = [w.strip() for w in words_file.read_text(encoding="utf-8").splitlines() if w.strip() and w[0] != "#"]
    words = list(dict.fromkeys(w for w in words + CATEGORIES + DEPARTMENTS if 2 <= len(w) <= 8))
    with tempfile.TemporaryDirectory(prefix="bench-lookup-") as tmp:
        folder = Path(tmp)
        load = full_load(folder / "jieba", args.rounds)
        start = time.process_time()
        assert wordtable.write_for(folder)
        write = time.process_time() - start
        size = wordtable.table_path(folder).stat().st_size
        runs = runs_of(HERE.parent / "docs", generate(folder / "unit", 300) / "docs" / "activities")

        def segment(run: str) -> str:
            return "\u200b".join(jieba.cut(run))

        opened, taught, rows = [], [], []
        for amount in (10, 100, 1000, 5000, 20000):
            samples = []
            for _ in range(args.rounds):
                start = time.process_time()
                lazy = wordtable.LazyDictionary.open(folder, words, budget=10**9)
                opened.append(time.process_time() - start)
                start = time.process_time()
                lazy.segment("", lambda text: text)  # teaches the words
                taught.append(time.process_time() - start)
                before, chars, start = lazy.queries, 0, time.process_time()
                for run in runs:
                    if chars >= amount:
                        break
                    lazy.segment(run, segment)
                    chars += len(run)
                samples.append((time.process_time() - start, lazy.queries - before, chars))
                lazy.close()
            cpu = statistics.median(s[0] for s in samples)
            rows.append({"chars": samples[0][2], "queries": samples[0][1], "cpu_s": cpu})
    per_query = statistics.median(r["cpu_s"] / r["queries"] for r in rows if r["queries"] > 1000)
    result = {
        "full_load_cpu_s": load,
        "table_write_cpu_s": write,
        "table_bytes": size,
        "open_cpu_s": statistics.median(opened),
        "teach_cpu_s": statistics.median(taught),
        "words": len(words),
        "per_query_us": per_query * 1e6,
        "break_even_queries": int((load - statistics.median(opened) - statistics.median(taught)) / per_query),
        "rows": rows,
        "rounds": args.rounds,
        "load": os.getloadavg()[0],
    }
    print(json.dumps(result, ensure_ascii=False, indent=1))
    write_report(result)


def write_report(r: dict) -> None:
    lines = [
        "# 分词：用词频表还是载入 jieba 的整部词典（bench/segment_lookup.py）",
        "",
        f"CPU 时间，{r['rounds']} 次取中位数，{os.cpu_count()} 核，测量结束时平均负载 {r['load']:.1f}。",
        "",
        f"- 新进程里载入 jieba 的整部词典（它在 .cache/jieba 的缓存文件已有）：{r['full_load_cpu_s']:.3f} s；",
        f"- 打开并检查词频表（.cache/search，{r['table_bytes'] / 1e6:.1f} MB）：{r['open_cpu_s'] * 1000:.1f} ms；"
        f"教给它本单位的 {r['words']} 个词：{r['teach_cpu_s'] * 1000:.1f} ms；",
        f"- 生成词频表（只在缺少或不可用时，构建结束时一次）：{r['table_write_cpu_s']:.2f} s；",
        f"- 每次查表约 {r['per_query_us']:.1f} µs；两者持平约在 {r['break_even_queries']:,} 次查表。",
        "",
        "| 新文字（字） | 查表次数 | CPU |",
        "|---|---|---|",
        *(f"| {row['chars']:,} | {row['queries']:,} | {row['cpu_s'] * 1000:.1f} ms |" for row in r["rows"]),
        "",
    ]
    out = HERE / "results"
    (out / "segment_lookup.md").write_text("\n".join(lines), encoding="utf-8")
    (out / "segment_lookup.json").write_text(json.dumps(r, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
