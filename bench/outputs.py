"""What the output scan (wenmingsite.outputs_scan) and the new-folder switch cost a build of
a 1,000-activity unit, as medians of alternating runs.

    python bench/outputs.py [--activities 1000] [--rounds 7] [--base-src PATH]

`bench/generate.py` makes the unit; after one warm-up build of each variant (caches warm, as
on an editor's machine) each round builds it with the scan and without it
(``WENMING_BENCH_NO_OUTPUT_SCAN=1``), in alternating order, in child processes: wall time and
the child's CPU time (user + system). With ``--base-src`` (the ``src`` folder of a checkout
of the last release, e.g. ``git worktree add /tmp/base <commit>``) a third variant builds with
that version of the package first on PYTHONPATH: the whole round's cost against the release.
The scan alone is also timed in-process over the built site (CPU, best of five).

Writes bench/results/outputs.md and outputs.json.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(REPO / "src"))

from generate import generate  # noqa: E402

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "WENMING_TODAY": "2026-11-27"}


def build(root: Path, env: dict) -> tuple[float, float]:
    """Wall and CPU seconds of one `mkdocs build --strict` in a child process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q"],
        cwd=root,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        raise SystemExit(f"build failed in {root}:\n{proc.stderr.decode('utf-8', 'replace')[-2000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def scan_alone(site: Path) -> float:
    from wenmingsite import outputs_scan

    theirs = ("assets/javascripts/", "assets/stylesheets/", "assets/wenming/")
    best = float("inf")
    for _ in range(5):
        start = time.process_time()
        found = outputs_scan.scan(site, skip=lambda rel: rel.startswith(theirs))
        best = min(best, time.process_time() - start)
        assert found == [], found
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--activities", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--base-src", type=Path, help="src/ of the last release, for the third variant")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-outputs-"))
    try:
        root = generate(work / "unit", args.activities)
        variants = {
            "with scan": ENV,
            "without scan": {**ENV, "WENMING_BENCH_NO_OUTPUT_SCAN": "1"},
        }
        if args.base_src:
            variants["last release"] = {**ENV, "PYTHONPATH": str(args.base_src.resolve())}
        names = list(variants)
        for name in names:  # warm-up
            build(root, variants[name])
        runs: dict[str, list[tuple[float, float]]] = {name: [] for name in names}
        for i in range(args.rounds):
            order = names if i % 2 == 0 else names[::-1]
            for name in order:
                runs[name].append(build(root, variants[name]))
                print(
                    f"round {i + 1} {name}: {runs[name][-1][0]:.2f} s wall, {runs[name][-1][1]:.2f} s CPU", flush=True
                )
        build(root, ENV)
        alone = scan_alone(root / "site")
        files = sum(1 for p in (root / "site").rglob("*") if p.is_file())
        size = sum(p.stat().st_size for p in (root / "site").rglob("*") if p.is_file())
    finally:
        shutil.rmtree(work, ignore_errors=True)
    r = {
        "activities": args.activities,
        "rounds": args.rounds,
        "site_files": files,
        "site_bytes": size,
        "scan_alone_cpu": alone,
        "load": os.getloadavg(),
        "median": {
            name: {"wall": statistics.median(w for w, _ in v), "cpu": statistics.median(c for _, c in v)}
            for name, v in runs.items()
        },
        "runs": runs,
    }
    m = r["median"]
    r["ratio_wall"] = m["with scan"]["wall"] / m["without scan"]["wall"]
    r["ratio_cpu"] = m["with scan"]["cpu"] / m["without scan"]["cpu"]
    if "last release" in m:
        r["vs_release_wall"] = m["with scan"]["wall"] / m["last release"]["wall"]
        r["vs_release_cpu"] = m["with scan"]["cpu"] / m["last release"]["cpu"]
    write_report(r)
    print(json.dumps({k: v for k, v in r.items() if k != "runs"}, indent=2))


def write_report(r: dict) -> None:
    m = r["median"]
    lines = [
        "# 输出检查的耗时（bench/outputs.py）",
        "",
        f"合成单位 {r['activities']} 项活动（生成 {r['site_files']} 个文件，{r['site_bytes'] / 1e6:.1f} MB），"
        f"`mkdocs build --strict`，{r['rounds']} 轮交替运行取中位数，2 核，测量时平均负载 "
        f"{r['load'][0]:.1f}（机器同时在跑别的任务，墙钟时间偏大、波动大；CPU 时间更稳定）。",
        "",
        "| 构建 | 墙钟时间 | CPU 时间 |",
        "|---|---|---|",
    ]
    for name, v in m.items():
        lines.append(f"| {name} | {v['wall']:.2f} s | {v['cpu']:.2f} s |")
    lines += [
        "",
        f"- 含输出检查 / 不含：墙钟 {r['ratio_wall']:.3f}×，CPU {r['ratio_cpu']:.3f}×",
        f"- 输出检查单独计时（进程内 CPU，五次取最短）：{r['scan_alone_cpu']:.3f} s，"
        f"占含检查构建 CPU 时间的 {r['scan_alone_cpu'] / m['with scan']['cpu'] * 100:.1f}%",
    ]
    if "vs_release_wall" in r:
        lines.append(
            f"- 本版 / 上一版（同一台机器交替运行）：墙钟 {r['vs_release_wall']:.3f}×，CPU {r['vs_release_cpu']:.3f}×"
        )
    (HERE / "results").mkdir(exist_ok=True)
    (HERE / "results" / "outputs.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (HERE / "results" / "outputs.json").write_text(json.dumps(r, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
