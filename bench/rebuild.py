"""Publishing after one edit: a fresh-process build with .cache restored, against a warm full build.

    python bench/rebuild.py [--activities 1000] [--rounds 5] [--against CHECKOUT/src]

(``--against``: this checkout and another one's package alternating on the same unit, each
with its own .cache swapped in before its builds; prints the medians and ratios, writes no
report.)

This is what the publishing workflow does after an editor changes one activity: a new
process (`mkdocs build --strict`), with the .cache folder of the previous build restored.
Each round edits one activity (a new title: its page, its neighbours' links, the listings,
search and feed change) and then times, alternately,

- the one-edit build: `mkdocs build` with the build cache (wenmingsite.pages.pagecache), and
- a warm full build of the same files: `WENMING_BUILD_CACHE=0`, every page rendered (the
  other caches — photos, segmentation, jieba's dictionary — warm, as before the cache).

Both write into a new folder each time (as a fresh runner does), and both start from the same
.cache: a copy of it taken after the edit is put back before each of the round's two builds,
and the next round starts from the .cache the one-edit build left (the publication's). The outputs of the last
round are compared byte for byte (sitemap.xml.gz by what it holds: its header carries the
time of writing). Prints the
medians and their ratio; `bench/build.py` calls :func:`measure` too (also in its quick run).
"""

from __future__ import annotations

import argparse
import filecmp
import gzip
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
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402

# Python's bytecode cache on, as an installed package has it (pip compiles a wheel's modules
# when it installs them): a shell that sets PYTHONDONTWRITEBYTECODE would otherwise make every
# build compile this package's modules from source, a cost no unit's build pays.
ENV = {
    **{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
    "NO_MKDOCS_2_WARNING": "1",
    "WENMING_TODAY": "2026-11-27",
}
FULL_ENV = {**ENV, "WENMING_BUILD_CACHE": "0"}


def build(root: Path, out: Path, env: dict) -> tuple[float, float]:
    """Wall seconds and the child's CPU seconds (user + system) of one strict build."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "--strict", "-d", str(out)],
        cwd=root,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        raise SystemExit(f"build failed in {root}:\n{proc.stderr.decode('utf-8', 'replace')[-2000:]}")
    return elapsed, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def edit(page: Path, marker: str) -> None:
    text = page.read_text(encoding="utf-8")
    head, sep, rest = text.partition("\ntitle: ")
    line, nl, tail = rest.partition("\n")
    page.write_text(f"{head}{sep}{line.split('（')[0]}（{marker}）{nl}{tail}", encoding="utf-8")


def differing(a: Path, b: Path) -> list[str]:
    files_a = {p.relative_to(a).as_posix() for p in a.rglob("*") if p.is_file()}
    files_b = {p.relative_to(b).as_posix() for p in b.rglob("*") if p.is_file()}
    out = sorted(files_a ^ files_b)
    for r in sorted(files_a & files_b):
        if r.endswith(".gz"):  # the gzip header holds the time of writing: compare what is inside
            if gzip.decompress((a / r).read_bytes()) != gzip.decompress((b / r).read_bytes()):
                out.append(r)
        elif not filecmp.cmp(a / r, b / r, shallow=False):
            out.append(r)
    return out


def measure(root: Path, rounds: int) -> dict:
    """Median seconds of the one-edit build and of the warm full build, alternating."""
    pages = sorted((root / "docs" / "activities").rglob("*.md"))
    outs = root.parent / f"{root.name}-outputs"
    shutil.rmtree(outs, ignore_errors=True)
    outs.mkdir()
    build(root, outs / "warm-cache", ENV)  # caches filled as the previous publication left them
    build(root, outs / "warm-full", FULL_ENV)
    # An earlier publication after an edit, as a unit's .cache has had: a unit's first build
    # segments everything and leaves no word table (wenmingsite.pages.wordtable); the next
    # build that meets new text writes it.
    edit(pages[1], "第零次修改")
    build(root, outs / "warm-edit", ENV)
    times: dict[str, list[float]] = {"one_edit": [], "full": []}
    cpu: dict[str, list[float]] = {"one_edit": [], "full": []}
    try:
        for i in range(rounds):
            # New words each round, as an editor's edit brings: a run of Chinese characters no
            # text of the site has (its segmentation is not in the cache).
            edit(pages[(i * 7919 + 13) % len(pages)], f"第{'一二三四五六七八九十'[i % 10]}次修改{i}")
            # Both builds of a round start from the .cache the previous publication left: a copy
            # taken now is put back before each, so that neither finds what the other just
            # segmented or rendered (whichever ran first used to pay for the new text alone).
            saved = outs / "cache-before"
            shutil.rmtree(saved, ignore_errors=True)
            shutil.copytree(root / ".cache", saved, symlinks=True)
            for name in ("one_edit", "full") if i % 2 == 0 else ("full", "one_edit"):
                shutil.rmtree(root / ".cache")
                shutil.copytree(saved, root / ".cache", symlinks=True)
                out = outs / f"{name}-{i}"
                wall, used = build(root, out, ENV if name == "one_edit" else FULL_ENV)
                times[name].append(wall)
                cpu[name].append(used)
                if name == "one_edit":
                    published = outs / "cache-published"
                    shutil.rmtree(published, ignore_errors=True)
                    shutil.copytree(root / ".cache", published, symlinks=True)
                if i < rounds - 1:
                    shutil.rmtree(out)
            # The next round starts from what this round's one-edit build left (its publication).
            shutil.rmtree(root / ".cache")
            shutil.copytree(outs / "cache-published", root / ".cache", symlinks=True)
        last = rounds - 1
        differ = differing(outs / f"one_edit-{last}", outs / f"full-{last}")
    finally:
        shutil.rmtree(outs, ignore_errors=True)
    one, full = statistics.median(times["one_edit"]), statistics.median(times["full"])
    one_cpu, full_cpu = statistics.median(cpu["one_edit"]), statistics.median(cpu["full"])
    return {
        "activities": len(pages),
        "rounds": rounds,
        "one_edit_s": one,
        "full_s": full,
        "ratio": one / full,
        "one_edit_cpu_s": one_cpu,
        "full_cpu_s": full_cpu,
        "cpu_ratio": one_cpu / full_cpu,
        "load": os.getloadavg()[0],
        "identical": not differ,
        "differ": differ[:20],
        "samples": times,
        "cpu_samples": cpu,
    }


def against(root: Path, rounds: int, src: str) -> dict:
    """This checkout against another one's package (``src``: its ``src/`` folder, first on
    PYTHONPATH, e.g. the main branch's), alternating on one and the same unit: each package
    keeps its own .cache as its own publications left it (a package's build cache is keyed by
    its own files, so neither can use the other's), swapped into the unit before each of its
    builds. (Two copies of the unit, one per package, favoured whichever package built the
    generated copy by about 5 %, whichever it was.) Every round edits one activity, then
    builds the one-edit build and the warm full build with both packages, the order of
    packages and kinds turned round each round. Medians of wall and CPU seconds per side and
    their ratios."""
    base_env = {**ENV, "PYTHONPATH": os.pathsep.join(p for p in (src, ENV.get("PYTHONPATH")) if p)}
    sides = {"this": ENV, "base": base_env}
    outs = root.parent / f"{root.name}-against-outputs"
    shutil.rmtree(outs, ignore_errors=True)
    outs.mkdir()
    cache = root / ".cache"

    def use(kept: Path) -> None:
        shutil.rmtree(cache, ignore_errors=True)
        if kept.exists():
            shutil.copytree(kept, cache, symlinks=True)

    def keep(kept: Path) -> None:
        shutil.rmtree(kept, ignore_errors=True)
        shutil.copytree(cache, kept, symlinks=True)

    times = {f"{side}_{kind}": [] for side in sides for kind in ("one_edit", "full")}
    cpu = {k: [] for k in times}
    pages = sorted((root / "docs" / "activities").rglob("*.md"))
    try:
        for side, env in sides.items():
            use(outs / f"{side}-published")
            build(root, outs / f"{side}-warm-cache", env)
            build(root, outs / f"{side}-warm-full", {**env, "WENMING_BUILD_CACHE": "0"})
            keep(outs / f"{side}-published")
        edit(pages[1], "第零次修改")
        for side, env in sides.items():
            use(outs / f"{side}-published")
            build(root, outs / f"{side}-warm-edit", env)
            keep(outs / f"{side}-published")
        for i in range(rounds):
            edit(pages[(i * 7919 + 13) % len(pages)], f"第{'一二三四五六七八九十'[i % 10]}次修改{i}")
            # Which package goes first turns every round, which kind every second round: each
            # package's builds follow its own and the other's alike (turning the whole order
            # round had one package's one-edit build follow its own build in every other round).
            kinds = ("one_edit", "full") if i // 2 % 2 == 0 else ("full", "one_edit")
            first = ("this", "base") if i % 2 == 0 else ("base", "this")
            for kind in kinds:
                for side in first:
                    env = sides[side]
                    use(outs / f"{side}-published")  # what this package's last publication left
                    out = outs / f"{side}-{kind}-{i}"
                    wall, used = build(root, out, env if kind == "one_edit" else {**env, "WENMING_BUILD_CACHE": "0"})
                    times[f"{side}_{kind}"].append(wall)
                    cpu[f"{side}_{kind}"].append(used)
                    if kind == "one_edit":
                        keep(outs / f"{side}-next")
                    if i < rounds - 1:
                        shutil.rmtree(out)
            for side in sides:  # the next round starts from what this round's one-edit build left
                shutil.rmtree(outs / f"{side}-published")
                os.rename(outs / f"{side}-next", outs / f"{side}-published")
        last = rounds - 1
        differ = differing(outs / f"this-one_edit-{last}", outs / f"this-full-{last}")
        differ += differing(outs / f"this-one_edit-{last}", outs / f"base-one_edit-{last}")
    finally:
        shutil.rmtree(outs, ignore_errors=True)
    med = {k: statistics.median(v) for k, v in times.items()}
    med_cpu = {k: statistics.median(v) for k, v in cpu.items()}
    return {
        "src": src,
        "rounds": rounds,
        "wall": med,
        "cpu": med_cpu,
        "one_edit_vs_base": med["this_one_edit"] / med["base_one_edit"],
        "one_edit_vs_base_cpu": med_cpu["this_one_edit"] / med_cpu["base_one_edit"],
        "full_vs_base": med["this_full"] / med["base_full"],
        "full_vs_base_cpu": med_cpu["this_full"] / med_cpu["base_full"],
        "ratio": med["this_one_edit"] / med["this_full"],
        "base_ratio": med["base_one_edit"] / med["base_full"],
        "load": os.getloadavg(),
        "identical": not differ,
        "differ": differ[:20],
        "samples": times,
        "cpu_samples": cpu,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description="one-edit rebuild benchmark (ratio)")
    parser.add_argument("--activities", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--against", metavar="CHECKOUT/src", help="alternate with another checkout's package")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-rebuild-"))
    if args.against:
        try:
            r = against(generate(work / "site", args.activities), args.rounds, os.path.abspath(args.against))
        finally:
            shutil.rmtree(work, ignore_errors=True)
        print(json.dumps({k: v for k, v in r.items() if "samples" not in k}, ensure_ascii=False, indent=1))
        print(json.dumps({k: v for k, v in r.items() if "samples" in k}, ensure_ascii=False))
        if not r["identical"]:
            raise SystemExit(1)
        return
    try:
        r = measure(generate(work / "site", args.activities), args.rounds)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(
        f"N={r['activities']}: one-edit build (fresh process, .cache restored) {r['one_edit_s']:.2f}s "
        f"(CPU {r['one_edit_cpu_s']:.2f}s), warm full build {r['full_s']:.2f}s (CPU {r['full_cpu_s']:.2f}s), "
        f"ratio {r['ratio']:.3f} (CPU {r['cpu_ratio']:.3f}); "
        f"output {'byte-identical' if r['identical'] else 'DIFFERS: ' + ', '.join(r['differ'])}"
    )
    write_report(r)
    if not r["identical"]:
        raise SystemExit(1)


def write_report(r: dict) -> None:
    lines = [
        "# 发布：改一篇活动后的构建（bench/rebuild.py）",
        "",
        f"合成单位 {r['activities']} 项活动，`mkdocs build --strict`，{r['rounds']} 轮交替运行取中位数，"
        f"{os.cpu_count()} 核；测量结束时平均负载 {r['load']:.1f}（机器上同时有别的任务时墙钟时间偏大、"
        "波动大，CPU 时间更稳定）。每轮先改一篇活动的标题，再分别构建：",
        "",
        "- 改一篇活动后的构建：新进程，`.cache` 是上一次构建留下的（发布流程恢复的就是它），"
        "未受影响的活动页面直接沿用构建缓存（`.cache/pages`）；",
        "- 预热的完整构建：同一批文件，`WENMING_BUILD_CACHE=0`，每个页面都重新转换和渲染"
        "（照片、分词、jieba 词典的缓存都是热的）。",
        "",
        "标题里加的是本单位文字里没有的新词（“第一次修改”“第二次修改”……），和编辑真正改动时一样，要分词的新文字"
        "不在分词缓存里。每轮的两次构建都从同一份 `.cache` 开始（改完之后复制一份，每次构建前放回），下一轮从改一篇"
        "活动后的构建留下的 `.cache` 开始；预热时除了两次完整构建，还有一次改过一篇活动的构建（单位以前发布过）。",
        "",
        "| 情况 | 墙钟 | CPU | ",
        "|---|---|---|",
        f"| 改一篇活动后的构建 | {r['one_edit_s']:.2f} s | {r['one_edit_cpu_s']:.2f} s |",
        f"| 预热的完整构建 | {r['full_s']:.2f} s | {r['full_cpu_s']:.2f} s |",
        f"| 比值（目标 ≤ 0.30×） | {r['ratio']:.2f}× | {r['cpu_ratio']:.2f}× |",
        "",
        "最后一轮两次构建的输出："
        + (
            "逐字节相同（sitemap.xml.gz 只比较解压后的内容）。" if r["identical"] else f"不同：{', '.join(r['differ'])}"
        ),
        "",
    ]
    out = HERE / "results"
    out.mkdir(exist_ok=True)
    # The new run replaces the top of the report; the sessions' sections below it (the record
    # of what was measured and tried) and the JSON's other runs are kept.
    report, kept = out / "rebuild.md", ""
    if report.exists():
        old = report.read_text(encoding="utf-8")
        kept = old[old.index("\n## ") + 1 :] if "\n## " in old else ""
    report.write_text("\n".join(lines) + kept, encoding="utf-8")
    runs = out / "rebuild.json"
    previous = json.loads(runs.read_text(encoding="utf-8")) if runs.exists() else {}
    merged = {**{k: v for k, v in previous.items() if k.startswith(("against_", "phases_"))}, **r}
    runs.write_text(json.dumps(merged, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
