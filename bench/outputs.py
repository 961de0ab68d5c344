"""What the output scan (wenmingsite.gate.outputs_scan) and the new-folder switch cost a build of
a 1,000-activity unit, as medians of alternating runs.

    python bench/outputs.py [--activities 1000] [--rounds 5] [--base-src PATH]

`bench/generate.py` makes the unit; after one warm-up build of each variant each round builds
it with the scan and without it (``WENMING_BENCH_NO_OUTPUT_SCAN=1``), in alternating order,
in child processes: wall time and the child's CPU time (user + system). Three situations:

- ``unchanged``: nothing changed since the last build (the scan finds every output in its
  cache of clean outputs, ``.cache/outputs``, and reads none);
- ``one edit``: one activity edited before every build (its page, its neighbours, the
  listings, the search index, feed, sitemap and api change and are read again);
- ``cold``: ``.cache/outputs`` removed before every build (a first build; every output read).

With ``--base-src`` (the ``src`` folder of a checkout of the last release, e.g. ``git worktree
add /tmp/base <commit>``) a third variant builds with that version of the package first on
PYTHONPATH: the whole of this round's changes against the release. The scan alone is also
timed in-process over the built site (CPU, best of five, without its cache).

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


def shares(root: Path, rounds: int, before) -> dict[str, list[float]]:
    """The scan's share of each build's CPU time, both measured inside the same build (so the
    machine's other load cancels out): in-process builds, the plugin's scan timed."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    from wenmingsite import plugin

    spent = [0.0]
    original = plugin.WenmingPlugin._scan_outputs

    def timed(self, config):
        start = time.process_time()
        try:
            return original(self, config)
        finally:
            spent[0] += time.process_time() - start

    plugin.WenmingPlugin._scan_outputs = timed  # type: ignore[method-assign]
    os.environ.update({"NO_MKDOCS_2_WARNING": "1", "WENMING_TODAY": "2026-11-27"})
    out: dict[str, list[float]] = {}
    cwd = Path.cwd()
    os.chdir(root)
    try:
        for situation in ("unchanged", "one edit", "cold"):
            out[situation] = []
            for i in range(rounds + 1):
                before(situation, "with scan")
                config = load_config(str(root / "mkdocs.yml"), strict=True)
                config.plugins.on_startup(command="build", dirty=False)
                spent[0] = 0.0
                start = time.process_time()
                mkdocs_build(config)
                total = time.process_time() - start
                config.plugins.on_shutdown()
                if i:  # the first is a warm-up (jieba, caches of this process)
                    out[situation].append(spent[0] / total)
                    print(f"share {situation} {i}: {spent[0]:.3f} s of {total:.2f} s CPU", flush=True)
    finally:
        os.chdir(cwd)
        plugin.WenmingPlugin._scan_outputs = original  # type: ignore[method-assign]
    return out


def scan_alone(site: Path) -> float:
    from wenmingsite.gate import outputs_scan

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
    parser.add_argument("--report", action="store_true", help="only write outputs.md again from outputs.json")
    args = parser.parse_args()
    if args.report:
        write_report(json.loads((HERE / "results" / "outputs.json").read_text(encoding="utf-8")))
        return
    work = Path(tempfile.mkdtemp(prefix="bench-outputs-"))
    runs: dict[str, dict[str, list[tuple[float, float]]]] = {}
    try:
        root = generate(work / "unit", args.activities)
        # The release gets its own copy: caches keyed by the detector's source (documents,
        # clean outputs) would otherwise be rebuilt every time the two versions alternate.
        base_root = work / "unit-release"
        if args.base_src:
            shutil.copytree(root, base_root)
        edited = sorted((root / "docs" / "activities").rglob("*.md"))[
            len(list((root / "docs" / "activities").rglob("*.md"))) // 2
        ]
        original = edited.read_text(encoding="utf-8")
        variants = {
            "with scan": ENV,
            "without scan": {**ENV, "WENMING_BENCH_NO_OUTPUT_SCAN": "1"},
        }
        if args.base_src:
            variants["last release"] = {**ENV, "PYTHONPATH": str(args.base_src.resolve())}
        names = list(variants)
        count = [0]

        def where(name: str) -> Path:
            return base_root if name == "last release" else root

        def before(situation: str, name: str) -> None:
            if situation == "cold":
                shutil.rmtree(where(name) / ".cache" / "outputs", ignore_errors=True)
            elif situation == "one edit":
                count[0] += 1
                page = where(name) / edited.relative_to(root)
                page.write_text(original + f"\n补充说明第 {count[0]} 次。\n", encoding="utf-8")

        for name in names:  # warm-up
            build(where(name), variants[name])
        for situation in ("unchanged", "one edit", "cold"):
            runs[situation] = {name: [] for name in names}
            for i in range(args.rounds):
                order = names if i % 2 == 0 else names[::-1]
                for name in order:
                    before(situation, name)
                    runs[situation][name].append(build(where(name), variants[name]))
                    w, c = runs[situation][name][-1]
                    print(f"{situation} round {i + 1} {name}: {w:.2f} s wall, {c:.2f} s CPU", flush=True)
            for name in names:
                (where(name) / edited.relative_to(root)).write_text(original, encoding="utf-8")
        build(root, ENV)
        share = shares(root, args.rounds, before)
        alone = scan_alone(root / "site")
        files = sum(1 for p in (root / "site").rglob("*") if p.is_file())
        size = sum(p.stat().st_size for p in (root / "site").rglob("*") if p.is_file())
    finally:
        shutil.rmtree(work, ignore_errors=True)
    r: dict = {
        "activities": args.activities,
        "rounds": args.rounds,
        "site_files": files,
        "site_bytes": size,
        "scan_alone_cpu": alone,
        "share": {k: statistics.median(v) for k, v in share.items()},
        "share_runs": share,
        "load": os.getloadavg(),
        "median": {
            situation: {
                name: {"wall": statistics.median(w for w, _ in v), "cpu": statistics.median(c for _, c in v)}
                for name, v in by_name.items()
            }
            for situation, by_name in runs.items()
        },
        "runs": runs,
    }
    for m in r["median"].values():
        m["ratio_wall"] = m["with scan"]["wall"] / m["without scan"]["wall"]
        m["ratio_cpu"] = m["with scan"]["cpu"] / m["without scan"]["cpu"]
        if "last release" in m:
            m["vs_release_wall"] = m["with scan"]["wall"] / m["last release"]["wall"]
            m["vs_release_cpu"] = m["with scan"]["cpu"] / m["last release"]["cpu"]
    write_report(r)
    print(json.dumps({k: v for k, v in r.items() if k != "runs"}, indent=2, ensure_ascii=False))


def write_report(r: dict) -> None:
    names = {"unchanged": "未改动", "one edit": "改一篇活动", "cold": "无缓存（首次构建）"}
    lines = [
        "# 输出检查的耗时（bench/outputs.py）",
        "",
        f"合成单位 {r['activities']} 项活动（生成 {r['site_files']} 个文件，{r['site_bytes'] / 1e6:.1f} MB），"
        f"`mkdocs build --strict`，每种情况 {r['rounds']} 轮交替运行取中位数，2 核；测量结束时平均负载 "
        f"{r['load'][0]:.1f}（机器上同时有别的任务时墙钟时间偏大、波动大，CPU 时间更稳定）。",
        "",
        "| 情况 | 含输出检查 | 不含 | 比值（墙钟） | 比值（CPU） |"
        + (" 上一版 | 本版/上一版（CPU） |" if "vs_release_cpu" in r["median"]["unchanged"] else ""),
        "|---|---|---|---|---|" + ("---|---|" if "vs_release_cpu" in r["median"]["unchanged"] else ""),
    ]
    for situation, m in r["median"].items():
        row = (
            f"| {names[situation]} | {m['with scan']['wall']:.2f} s（CPU {m['with scan']['cpu']:.2f} s） "
            f"| {m['without scan']['wall']:.2f} s（CPU {m['without scan']['cpu']:.2f} s） "
            f"| {m['ratio_wall']:.3f}× | {m['ratio_cpu']:.3f}× |"
        )
        if "vs_release_cpu" in m:
            row += f" {m['last release']['wall']:.2f} s（CPU {m['last release']['cpu']:.2f} s） | {m['vs_release_cpu']:.3f}× |"
        lines.append(row)
    if "share" in r:
        lines += [
            "",
            "同一次构建之内测得的输出检查占构建 CPU 时间的比例（进程内构建，中位数；机器上其他任务对两者的影响相互抵消，"
            "是最可靠的数字）：",
            "",
            "| 情况 | 输出检查 / 整次构建 |",
            "|---|---|",
        ]
        lines += [f"| {names[k]} | {v * 100:.1f}% |" for k, v in r["share"].items()]
    lines += [
        "",
        "各轮中最短的一次（受机器上其他任务的影响最小）：",
        "",
        "| 情况 | 含输出检查（CPU） | 不含（CPU） | 比值（CPU） |",
        "|---|---|---|---|",
    ]
    for situation, by_name in r["runs"].items():
        with_scan = min(c for _, c in by_name["with scan"])
        without = min(c for _, c in by_name["without scan"])
        lines.append(f"| {names[situation]} | {with_scan:.2f} s | {without:.2f} s | {with_scan / without:.3f}× |")
    lines += [
        "",
        f"输出检查单独计时（进程内 CPU，不用缓存，五次取最短）：{r['scan_alone_cpu']:.3f} s。",
    ]
    (HERE / "results").mkdir(exist_ok=True)
    (HERE / "results" / "outputs.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (HERE / "results" / "outputs.json").write_text(json.dumps(r, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
