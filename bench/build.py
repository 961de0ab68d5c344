"""Build benchmark: our site against plain MkDocs + Material, as ratios measured in one run.

    python bench/build.py [--sizes 1000 5000] [--rounds 5] [--photos 5000]
    python bench/build.py --full --sizes 1000 3000 --rounds 3

For each size N, `bench/generate.py` makes a synthetic unit with N activity pages (500–800
characters of Chinese each) plus the demo's logs and routines, and a baseline config of the
same site: same theme, plugins and search settings, our plugin removed, activities out of the
nav. Each measurement is the median of alternating paired runs (subprocess wall time and the
child's peak RSS, after one warm-up build of each so that caches are warm as on an
editor's machine). Reported:

- build ratio ours/baseline at each N, growth ours(5000)/ours(1000) against the baseline's;
- search: our build against the same build with Chinese segmentation off;
- peak memory ratio at the largest N; start-up on a one-page site;
- photos (``--photos``): the warm image step per photo in-process, and a warm build of
  the 1000-activity site with that many photos against the same site with none;
- publishing after one edit (``bench/rebuild.py``): a fresh-process build with .cache
  restored after one edited activity, against a warm full build of the same files;
- serve (``bench/serve.py``): one activity edited in a running `mkdocs serve` until the edited
  page is served, against the same server rebuilding in full, with serve's site on the
  project's disk and, where there is one, on a RAM disk (/dev/shm) to show what the disk adds.

- full build (``--full``, :func:`full_builds`): our plugin against plain Material without
  jieba and plain Material with jieba, on the own generator's activities and on a held-out set
  (``bench/heldout.py``), cold and warm (see :func:`full_builds` for what each means).

Writes bench/results/build.md and build.json (``--full`` alone keeps the other rows of
build.json and adds or replaces its ``full`` part).
"""

from __future__ import annotations

import argparse
import json
import os
import random
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

import rebuild  # noqa: E402
import serve  # noqa: E402
from generate import generate  # noqa: E402
from heldout import heldout  # noqa: E402

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "WENMING_TODAY": "2026-11-27"}


def run_build(root: Path, config: str, env: dict | None = None) -> tuple[float, int]:
    """Wall seconds and peak RSS (KB, the child's own VmHWM: see peak.py) of one `mkdocs build`
    in a child process."""
    out = Path(tempfile.mkdtemp(prefix="bench-out-"))
    peak = out.with_suffix(".peak")
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, str(HERE / "peak.py"), str(peak), "-m", "mkdocs", "build", "-q", "-f", config, "-d", str(out)],
        cwd=root,
        env=env or ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    elapsed = time.perf_counter() - start
    shutil.rmtree(out, ignore_errors=True)
    if proc.returncode != 0:
        raise SystemExit(f"build failed in {root} ({config}):\n{proc.stderr.decode('utf-8', 'replace')[-2000:]}")
    kb = int(peak.read_text(encoding="ascii"))
    peak.unlink()
    return elapsed, kb


def paired(rounds: int, a, b) -> tuple[list, list]:
    a(), b()  # warm-up: caches filled as on an editor's machine
    ra, rb = [], []
    for _ in range(rounds):
        ra.append(a())
        rb.append(b())
    return ra, rb


def med(results, i=0):
    return statistics.median(r[i] for r in results)


def one_page_site(folder: Path) -> Path:
    """The smallest unit our plugin accepts, and the same single page for the baseline."""
    (folder / "docs").mkdir(parents=True)
    (folder / "data").mkdir()
    (folder / "docs" / "index.md").write_text("---\ntitle: 首页\n---\n\n欢迎。\n", encoding="utf-8")
    (folder / "data" / "unit.yml").write_text(
        "name: 测试中心\nshort_name: 测试\nkind: 事业单位\ntitle_sought: 市级文明单位\nterm: 第一届\n"
        "term_start: 2024-01-01\nterm_end: 2026-12-31\nintroduction: 测试。\n",
        encoding="utf-8",
    )
    (folder / "data" / "criteria.yml").write_text("- id: volunteer\n  name: 学雷锋志愿服务\n", encoding="utf-8")
    (folder / "data" / "categories.yml").write_text("- name: 志愿服务\n  slug: volunteer\n", encoding="utf-8")
    base = (
        "site_name: 测试\ntheme:\n  name: material\n  language: zh\n  font: false\n"
        "plugins:\n  - search:\n      lang: zh\n  - glightbox\n"
    )
    nav = "nav:\n  - 首页: index.md\n"
    (folder / "mkdocs-baseline.yml").write_text(base + nav, encoding="utf-8")
    (folder / "mkdocs.yml").write_text(base + "  - wenming\n" + nav, encoding="utf-8")
    return folder


def add_photos(root: Path, count: int, seed: int = 3) -> None:
    """Phone-like small JPEGs (with EXIF orientation) spread over the activity pages."""
    from PIL import Image

    rng = random.Random(seed)
    pages = sorted((root / "docs" / "activities").rglob("*.md"))
    per_page = max(1, count // len(pages))
    made = 0
    for page in pages:
        if made >= count:
            break
        folder = page.with_suffix("")
        folder.mkdir(exist_ok=True)
        lines = ["photos:"]
        for j in range(min(per_page, count - made)):
            im = Image.new("RGB", (640, 480), tuple(rng.randrange(256) for _ in range(3)))
            exif = Image.Exif()
            exif[0x0112] = rng.choice([1, 6])
            im.save(folder / f"p{j}.jpg", quality=80, exif=exif)
            lines += [f"  - src: {folder.name}/p{j}.jpg", f"    caption: 活动现场照片 {made + 1}"]
            made += 1
        text = page.read_text(encoding="utf-8")
        head, sep, rest = text.partition("\n---\n")
        page.write_text(head + "\n" + "\n".join(lines) + sep + rest, encoding="utf-8")


def warm_image_step(root: Path) -> float:
    """Seconds per photo for PhotoCache.publish when every output exists (in-process)."""
    from wenmingsite.gate import images

    paths = sorted((root / "docs" / "activities").rglob("*.jpg"))
    cache = root / images.CACHE_DIR
    images.PhotoCache(cache).publish(paths)
    times = []
    for _ in range(5):
        start = time.perf_counter()
        images.PhotoCache(cache).publish(paths)
        times.append(time.perf_counter() - start)
    return statistics.median(times) / len(paths)


def main() -> None:
    parser = argparse.ArgumentParser(description="build benchmark (ratios)")
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--photos", type=int, default=5000)
    parser.add_argument(
        "--quick", action="store_true", help="CI's regression guard: a small site, generous bounds, no report written"
    )
    parser.add_argument(
        "--full",
        action="store_true",
        help="only the full builds against plain Material (cold and warm, two activity sets); "
        "the other results in build.json are kept",
    )
    parser.add_argument(
        "--sets",
        nargs="+",
        choices=("generate", "heldout"),
        default=["generate", "heldout"],
        help="--full: the activity sets to measure, in this order",
    )
    parser.add_argument(
        "--cold-before",
        metavar="SRC",
        help="only cold builds of the held-out unit, this package's src against SRC (a copy of an earlier "
        "commit's src/, put first on PYTHONPATH), alternating; their sites compared file by file",
    )
    args = parser.parse_args()
    if args.quick:
        return quick()
    if args.cold_before:
        kept = json.loads((HERE / "results" / "build.json").read_text(encoding="utf-8"))
        kept["cold_before_after"] = cold_before_after(Path(args.cold_before), args.sizes, args.rounds)
        return write_report(kept)
    if args.full:
        kept = json.loads((HERE / "results" / "build.json").read_text(encoding="utf-8"))
        kept["full"] = full_builds(args.sizes, args.rounds, lambda f: write_report({**kept, "full": f}), args.sets)
        return write_report(kept)
    work = Path(tempfile.mkdtemp(prefix="bench-build-"))
    result: dict = {"rounds": args.rounds, "cpus": os.cpu_count(), "sizes": {}}
    try:
        for n in args.sizes:
            root = generate(work / f"n{n}", n)
            ours, base = paired(
                args.rounds,
                lambda root=root: run_build(root, "mkdocs.yml"),
                lambda root=root: run_build(root, "mkdocs-baseline.yml"),
            )
            result["sizes"][n] = {
                "ours_s": med(ours),
                "baseline_s": med(base),
                "ratio": med(ours) / med(base),
                "ours_rss_mb": med(ours, 1) / 1024,
                "baseline_rss_mb": med(base, 1) / 1024,
                "rss_ratio": med(ours, 1) / med(base, 1),
            }
            print(
                f"N={n}: ours {med(ours):.2f}s, baseline {med(base):.2f}s, ratio {med(ours) / med(base):.3f}",
                flush=True,
            )
        small, large = min(args.sizes), max(args.sizes)
        s = result["sizes"]
        if small != large:
            ours_growth = s[large]["ours_s"] / s[small]["ours_s"]
            base_growth = s[large]["baseline_s"] / s[small]["baseline_s"]
            result["growth"] = {"ours": ours_growth, "baseline": base_growth, "ratio": ours_growth / base_growth}

        root = work / f"n{small}"
        segmented, plain = paired(
            args.rounds,
            lambda root=root: run_build(root, "mkdocs.yml"),
            lambda: run_build(root, "mkdocs.yml", {**ENV, "WENMING_NO_SEGMENTATION": "1"}),
        )
        result["search"] = {
            "segmented_s": med(segmented),
            "unsegmented_s": med(plain),
            "ratio": med(segmented) / med(plain),
        }

        tiny = one_page_site(work / "one-page")
        ours, base = paired(
            args.rounds, lambda: run_build(tiny, "mkdocs.yml"), lambda: run_build(tiny, "mkdocs-baseline.yml")
        )
        result["startup"] = {"ours_s": med(ours), "baseline_s": med(base), "ratio": med(ours) / med(base)}

        if args.photos:
            with_photos = generate(work / "photos", small)
            add_photos(with_photos, args.photos)
            per_photo = warm_image_step(with_photos)
            a, b = paired(
                args.rounds, lambda: run_build(with_photos, "mkdocs.yml"), lambda: run_build(root, "mkdocs.yml")
            )
            result["photos"] = {
                "count": args.photos,
                "warm_step_us_per_photo": per_photo * 1e6,
                "build_with_s": med(a),
                "build_without_s": med(b),
                "ratio": med(a) / med(b),
            }

        r = rebuild.measure(generate(work / "rebuild", small), args.rounds)
        result["rebuild"] = r
        print(
            f"one-edit build: {r['one_edit_s']:.2f}s, warm full build {r['full_s']:.2f}s, ratio {r['ratio']:.3f}, "
            f"identical: {r['identical']}",
            flush=True,
        )
        shutil.rmtree(work / "rebuild", ignore_errors=True)

        result["serve"] = []
        for tmpdir in [None] + (["/dev/shm"] if os.path.isdir("/dev/shm") else []):
            r = serve.measure(generate(work / "serve", small), args.rounds, tmpdir)
            result["serve"].append(r)
            print(
                f"serve ({r['tmpdir']}): incremental {r['incremental_s']:.2f}s, full {r['full_s']:.2f}s, "
                f"ratio {r['ratio']:.3f}",
                flush=True,
            )
            shutil.rmtree(work / "serve", ignore_errors=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    write_report(result)


# Generous bounds for CI (targets: 1.20, 1.20, 1.10; the one-edit rebuild 0.30): they catch a
# regression that doubles a cost, or a build cache that no longer reuses anything (about 1.0), not
# the noise of a shared machine. The one-edit rebuild is measured at N=1000 (at 300 start-up and
# loading weigh so much that it is 0.75 with the cache working) and by CPU time, steadier than wall
# time on a loaded machine (measured: 0.51 CPU, 0.46 wall; 0.62, 0.70 and 0.74 in three .ci/run, hence 0.9,
# still below a cache that reuses nothing). The segmentation by runs took about 13 % off the
# one-edit build's CPU (alternating with the code before it); the warm full build it is divided by
# got faster too (issue 29: 5.53 → 3.86 s CPU at N=1000, the one-edit build at 2.9 s, so 0.53 →
# 0.76; 0.92 in one quick run on a loaded machine): bound 1.0, still below a cache that reuses
# nothing (at least a full build).
# "full": a warm full build with the page cache off against plain Material without jieba, on 300
# held-out activities, by CPU time (target 1.0 at N=1000 and 3000, see full_builds; at 300 the
# fixed costs weigh more: 1.45 measured once on a loaded machine, hence 1.8).
QUICK_BOUNDS = {"build": 1.6, "search": 1.6, "startup": 1.6, "rebuild": 1.0, "full": 1.8}


def quick() -> None:
    """Three paired rounds on a 300-activity unit (the one-edit rebuild on a 1000-activity one);
    exits 1 if a ratio passes its bound or the one-edit rebuild's output differs from a full
    build's."""
    work = Path(tempfile.mkdtemp(prefix="bench-quick-"))
    try:
        root = generate(work / "n300", 300)
        ours, base = paired(3, lambda: run_build(root, "mkdocs.yml"), lambda: run_build(root, "mkdocs-baseline.yml"))
        seg, plain = paired(
            3,
            lambda: run_build(root, "mkdocs.yml"),
            lambda: run_build(root, "mkdocs.yml", {**ENV, "WENMING_NO_SEGMENTATION": "1"}),
        )
        tiny = one_page_site(work / "one-page")
        small, small_base = paired(
            3, lambda: run_build(tiny, "mkdocs.yml"), lambda: run_build(tiny, "mkdocs-baseline.yml")
        )
        edited = rebuild.measure(generate(work / "n1000", 1000), 3)
        held = heldout(work / "held300", 300)
        shim = no_jieba_path(work)
        full, plain_full = paired(
            3,
            lambda: timed_build(held, "mkdocs.yml", {**ENV, "WENMING_BUILD_CACHE": "0"}),
            lambda: timed_build(held, "mkdocs-baseline.yml", {**ENV, "PYTHONPATH": shim}),
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)
    ratios = {
        "build": med(ours) / med(base),
        "search": med(seg) / med(plain),
        "startup": med(small) / med(small_base),
        "rebuild": edited["cpu_ratio"],
        "full": statistics.median(r["cpu"] for r in full) / statistics.median(r["cpu"] for r in plain_full),
    }
    failed = [k for k, v in ratios.items() if v > QUICK_BOUNDS[k]]
    print(
        "quick benchmark (N=300, 3 paired rounds; rebuild: N=1000, CPU; full: 300 held-out, CPU): "
        + ", ".join(f"{k} {v:.2f}× (bound {QUICK_BOUNDS[k]}×)" for k, v in ratios.items())
    )
    if not edited["identical"]:
        raise SystemExit(f"the one-edit rebuild differs from a full build: {', '.join(edited['differ'])}")
    if failed:
        raise SystemExit(
            f"performance regression: {', '.join(failed)} above the bound; "
            "run `python bench/build.py` and profile before merging"
        )


# --- full builds against plain Material (issue 29) ------------------------------------------------

# What "plain Material" is for a Chinese site: `pip install mkdocs-material` alone, without
# jieba. Material's search plugin looks for jieba once, with ``try: import jieba`` at import
# (material/plugins/search/plugin.py), and segments nothing when that fails. The baseline
# process gets a folder first on its PYTHONPATH whose ``jieba`` package raises ImportError:
# jieba stays installed for every other process (ours needs it).
NO_JIEBA = 'raise ImportError("jieba hidden for the benchmark baseline (bench/build.py)")\n'


def no_jieba_path(work: Path) -> str:
    shim = work / "no-jieba" / "jieba"
    shim.mkdir(parents=True, exist_ok=True)
    (shim / "__init__.py").write_text(NO_JIEBA, encoding="utf-8")
    return str(shim.parent)


def timed_build(root: Path, config: str, env: dict, strict: bool = True) -> dict:
    """Wall and CPU seconds (the child's user + system) and peak RSS of one `mkdocs build`
    in a fresh process, into a new folder (as a fresh runner writes)."""
    import resource

    out = Path(tempfile.mkdtemp(prefix="bench-out-"))
    peak = out.with_suffix(".peak")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    command = [sys.executable, str(HERE / "peak.py"), str(peak), "-m", "mkdocs", "build", "-q"]
    command += ["--strict"] * strict + ["-f", config, "-d", str(out / "site")]
    proc = subprocess.run(command, cwd=root, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    shutil.rmtree(out, ignore_errors=True)
    if proc.returncode != 0:
        raise SystemExit(f"build failed in {root} ({config}):\n{proc.stderr.decode('utf-8', 'replace')[-2000:]}")
    kb = int(peak.read_text(encoding="ascii"))
    peak.unlink()
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"wall": wall, "cpu": cpu, "rss_mb": kb / 1024}


FULL_KINDS = ("ours_cold", "ours_warm", "jieba_cold", "jieba_warm", "plain")


def full_builds(sizes: list[int], rounds: int, save=None, sets=("generate", "heldout")) -> dict:
    """Full builds of the same unit, five kinds, run in turn within each round (medians of
    ``rounds`` rounds, wall and CPU), for each activity set and size:

    - ``ours_cold``: `mkdocs build --strict` with our plugin in a fresh process with no
      ``.cache`` at all (no segmentation, jieba dictionary, photo or page cache) and an
      empty temporary folder: a first build, or a runner that restores nothing;
    - ``ours_warm``: the same with ``.cache`` left by the previous build (segmentation,
      jieba's dictionary, photos, outputs scan) but the page cache off
      (``WENMING_BUILD_CACHE=0``): every page rendered, what publishing mostly runs when a
      change touches every page (a new release, a template, the nav);
    - ``jieba_cold`` / ``jieba_warm``: plain Material with jieba (the baseline config of the
      same Markdown: same theme, search settings and glightbox, our plugin removed), with an
      empty temporary folder (jieba makes its dictionary cache there, as on a fresh runner)
      or with the one jieba left in the temporary folder of its previous build;
    - ``plain``: plain Material without jieba (see NO_JIEBA): no segmentation, no cache.

    Ratios: cold against ``jieba_cold`` and ``plain``, warm against ``jieba_warm`` and
    ``plain``."""
    work = Path(tempfile.mkdtemp(prefix="bench-full-"))
    shim = no_jieba_path(work)
    jieba_tmp = work / "jieba-tmp"
    jieba_tmp.mkdir()
    makers = {"generate": generate, "heldout": heldout}
    out: dict = {"rounds": rounds, "cpus": os.cpu_count(), "sets": {}}
    try:
        for set_name in sets:
            make = makers[set_name]
            for n in sizes:
                root = make(work / f"{set_name}-{n}", n)

                def fresh_tmp() -> str:
                    return tempfile.mkdtemp(prefix="tmp-", dir=work)

                def ours_cold(root=root) -> dict:
                    shutil.rmtree(root / ".cache", ignore_errors=True)
                    return timed_build(root, "mkdocs.yml", {**ENV, "TMPDIR": fresh_tmp()})

                def ours_warm(root=root) -> dict:
                    return timed_build(root, "mkdocs.yml", {**ENV, "WENMING_BUILD_CACHE": "0"})

                def jieba_cold(root=root) -> dict:
                    return timed_build(root, "mkdocs-baseline.yml", {**ENV, "TMPDIR": fresh_tmp()})

                def jieba_warm(root=root) -> dict:
                    return timed_build(root, "mkdocs-baseline.yml", {**ENV, "TMPDIR": str(jieba_tmp)})

                def plain(root=root) -> dict:
                    return timed_build(root, "mkdocs-baseline.yml", {**ENV, "PYTHONPATH": shim})

                kinds = (ours_cold, ours_warm, jieba_cold, jieba_warm, plain)
                runs = dict(zip(FULL_KINDS, kinds, strict=True))
                samples: dict[str, list[dict]] = {k: [] for k in runs}
                ours_cold(), jieba_warm()  # leave .cache and jieba's temporary cache warm
                for i in range(rounds):
                    # ours_cold leaves .cache warm for ours_warm, whichever runs first
                    order = list(runs) if i % 2 == 0 else list(reversed(runs))
                    for kind in order:
                        samples[kind].append(runs[kind]())
                medians = {
                    k: {m: statistics.median(r[m] for r in v) for m in ("wall", "cpu", "rss_mb")}
                    for k, v in samples.items()
                }
                ratios = {}
                for ours, against in (
                    ("ours_cold", "plain"),
                    ("ours_cold", "jieba_cold"),
                    ("ours_warm", "plain"),
                    ("ours_warm", "jieba_warm"),
                ):
                    ratios[f"{ours}/{against}"] = {
                        m: medians[ours][m] / medians[against][m] for m in ("wall", "cpu", "rss_mb")
                    }
                out["sets"].setdefault(set_name, {})[str(n)] = {
                    "medians": medians,
                    "ratios": ratios,
                    "samples": samples,
                }
                print(
                    f"{set_name} N={n}: "
                    + ", ".join(f"{k} {r['wall']:.2f}× wall {r['cpu']:.2f}× CPU" for k, r in ratios.items()),
                    flush=True,
                )
                shutil.rmtree(root, ignore_errors=True)
                if save is not None:  # each size as it is measured: a later failure loses nothing
                    save(out)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return out


def cold_before_after(before_src: Path, sizes: list[int], rounds: int) -> dict:
    """Cold builds (as ``ours_cold`` in :func:`full_builds`: no .cache, an empty temporary
    folder) of the held-out unit with an earlier src (``before_src`` first on PYTHONPATH)
    and with this one, alternating (which goes first alternates too), medians of wall and CPU;
    and whether the two builds wrote the same files, byte for byte."""
    work = Path(tempfile.mkdtemp(prefix="bench-cold-"))
    out: dict = {"rounds": rounds, "cpus": os.cpu_count(), "before_src": str(before_src), "sizes": {}}
    try:
        for n in sizes:
            root = heldout(work / f"heldout-{n}", n)
            sites = {}

            def cold(src: Path | None, keep: str | None = None, root=root, sites=sites) -> dict:
                shutil.rmtree(root / ".cache", ignore_errors=True)
                fresh = tempfile.mkdtemp(prefix="tmp-", dir=work)
                env = {**ENV, "TMPDIR": fresh}
                if src is not None:
                    env["PYTHONPATH"] = str(src)
                if keep is None:
                    return timed_build(root, "mkdocs.yml", env)
                dest = work / keep
                rebuild.build(root, dest, env)
                sites[keep] = dest
                return {}

            cold(before_src, "before"), cold(None, "after")
            differ = _differ(sites["before"], sites["after"])
            samples: dict[str, list[dict]] = {"before": [], "after": []}
            for i in range(rounds):
                order = [("before", before_src), ("after", None)]
                for name, src in order if i % 2 == 0 else reversed(order):
                    samples[name].append(cold(src))
            medians = {
                k: {m: statistics.median(r[m] for r in v) for m in ("wall", "cpu", "rss_mb")}
                for k, v in samples.items()
            }
            out["sizes"][str(n)] = {"medians": medians, "samples": samples, "identical": not differ, "differ": differ}
            b, a = medians["before"], medians["after"]
            print(
                f"held-out N={n} cold: before {b['wall']:.2f}s wall {b['cpu']:.2f}s CPU, "
                f"after {a['wall']:.2f}s wall {a['cpu']:.2f}s CPU; identical: {not differ}",
                flush=True,
            )
            shutil.rmtree(root, ignore_errors=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return out


def _differ(a: Path, b: Path) -> list[str]:
    """The files (relative) that only one of two sites has or that differ in bytes."""
    files_a = {p.relative_to(a).as_posix() for p in a.rglob("*") if p.is_file()}
    files_b = {p.relative_to(b).as_posix() for p in b.rglob("*") if p.is_file()}
    both = files_a & files_b
    return sorted((files_a ^ files_b) | {f for f in both if (a / f).read_bytes() != (b / f).read_bytes()})


def full_rows(f: dict) -> list[str]:
    """The report's part for full builds (see full_builds)."""
    names = {"generate": "本项目生成器（bench/generate.py）", "heldout": "留出活动集（bench/heldout.py）"}
    rows = [
        "",
        "## 完整构建：与原版 Material 对比（issue 29）",
        "",
        f"{f['rounds']} 轮，每轮依次运行五种构建（轮间顺序颠倒），取中位数；{f['cpus']} 核，机器与其他任务共用，"
        "墙钟时间波动大，CPU 时间（子进程 user+sys）更稳。全部为新进程 `mkdocs build`，写入新文件夹；本项目加 `--strict`"
        "（发布流程的做法），基线也加 `--strict`。",
        "",
        "- **冷构建**：没有 `.cache`（分词、jieba 词典、照片、页面缓存都没有），临时文件夹为空——第一次构建，或什么都没恢复的新机器；",
        "- **热构建**：`.cache` 是上一次构建留下的（分词、jieba 词典、照片、输出扫描），但页面缓存关闭（`WENMING_BUILD_CACHE=0`），"
        "每个页面都重新生成——发布流程遇到影响所有页面的改动（新版本、模板、导航）时的情形；",
        "- **原版 Material（无 jieba）**：同一批 Markdown、同样的主题、搜索设置和 glightbox，去掉 wenming 插件，"
        "jieba 在该进程中无法导入（PYTHONPATH 最前放一个导入即报错的 jieba 包，不卸载），不做中文分词——即 `pip install mkdocs-material`；",
        "- **原版 Material + jieba**：同上但 jieba 可用（冷：临时文件夹为空，jieba 重新生成词典缓存；热：沿用上次的）。",
        "",
        "| 活动集 | N | 本项目 | 基线 | 墙钟比 | CPU 比 | 本项目 CPU | 基线 CPU | 峰值内存比 | 目标 |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    labels = {
        "ours_cold/plain": ("冷构建", "原版 Material（无 jieba）", "≤ 1.0×"),
        "ours_cold/jieba_cold": ("冷构建", "原版 Material + jieba（冷）", "≤ 0.7×"),
        "ours_warm/plain": ("热构建", "原版 Material（无 jieba）", "≤ 1.0×"),
        "ours_warm/jieba_warm": ("热构建", "原版 Material + jieba（热）", "≤ 0.7×"),
    }
    for set_name, by_n in f["sets"].items():
        for n, r in by_n.items():
            for key, (ours, base, goal) in labels.items():
                a, b = key.split("/")
                if key not in r["ratios"]:  # a kind measured only since
                    continue
                ratio = r["ratios"][key]
                rows.append(
                    f"| {names.get(set_name, set_name)} | {n} | {ours} | {base} | {ratio['wall']:.2f}× | "
                    f"{ratio['cpu']:.2f}× | {r['medians'][a]['cpu']:.2f} s | {r['medians'][b]['cpu']:.2f} s | "
                    f"{ratio['rss_mb']:.2f}× | {goal} |"
                )
    return rows


def write_report(r: dict) -> None:
    rows = [
        "# 构建基准（bench/build.py）",
        "",
        f"合成单位（每篇活动 500–800 字），{r['rounds']} 轮交替配对运行取中位数，{r['cpus']} 核。"
        "基线：同一批 Markdown、同样的主题和搜索设置，去掉本项目的 wenming 插件，活动不进导航。",
        "",
        "| 指标 | 本项目 | 基线 | 比值 | 目标 |",
        "|---|---|---|---|---|",
    ]
    for n, s in r["sizes"].items():
        rows.append(f"| 完整构建 N={n} | {s['ours_s']:.2f} s | {s['baseline_s']:.2f} s | {s['ratio']:.2f}× | ≤ 1.20× |")
    for n, s in r["sizes"].items():
        rows.append(
            f"| 峰值内存 N={n} | {s['ours_rss_mb']:.0f} MB | {s['baseline_rss_mb']:.0f} MB | {s['rss_ratio']:.2f}× | ≤ 1.30×（5000） |"
        )
    if "growth" in r:
        g = r["growth"]
        rows.append(f"| 增长 大/小 | {g['ours']:.2f} | {g['baseline']:.2f} | {g['ratio']:.2f}× | ≤ 1.15× |")
    se = r["search"]
    rows.append(
        f"| 中文分词（缓存命中）/ 不分词 | {se['segmented_s']:.2f} s | {se['unsegmented_s']:.2f} s | {se['ratio']:.2f}× | ≤ 1.20× |"
    )
    st = r["startup"]
    rows.append(f"| 一页网站启动 | {st['ours_s']:.2f} s | {st['baseline_s']:.2f} s | {st['ratio']:.2f}× | ≤ 1.10× |")
    if "photos" in r:
        p = r["photos"]
        rows.append(f"| 照片无变化时每张 | {p['warm_step_us_per_photo']:.1f} µs | | | ≤ 50 µs |")
        rows.append(
            f"| 含 {p['count']} 张照片的构建 / 无照片 | {p['build_with_s']:.2f} s | {p['build_without_s']:.2f} s | {p['ratio']:.2f}× | ≤ 1.05× |"
        )
    if "rebuild" in r:
        rb = r["rebuild"]
        rows.append(
            f"| 发布：改一篇活动后新进程构建（恢复 .cache），N={rb['activities']} | {rb['one_edit_s']:.2f} s | "
            f"{rb['full_s']:.2f} s（预热的完整构建） | {rb['ratio']:.2f}× | ≤ 0.30×，"
            f"{'输出逐字节相同' if rb['identical'] else '输出不同！'} |"
        )
    for sv in r.get("serve", []):
        rows.append(
            f"| 预览：改一篇活动到页面送达，N={sv['activities']}（站点在 {sv['tmpdir']}） | {sv['incremental_s']:.2f} s | "
            f"{sv['full_s']:.2f} s（每次全量重建） | {sv['ratio']:.2f}× | ≤ 0.20× |"
        )
    if "full" in r:
        rows += full_rows(r["full"])
    if b := r.get("full_before_after"):  # measured by hand, see its "how"
        rows += [
            "",
            f"改动前后（{b['how']}）：热构建 CPU {b['before_cpu_s']:.2f} s → {b['after_cpu_s']:.2f} s"
            f"（{b['after_cpu_s'] / b['before_cpu_s']:.2f}×），墙钟 {b['before_s']:.2f} s → {b['after_s']:.2f} s；"
            f"改一篇活动后的构建 CPU {b['one_edit_before_cpu_s']:.2f} s → {b['one_edit_after_cpu_s']:.2f} s，"
            "两者输出都与完整构建逐字节相同。",
        ]
    if c := r.get("cold_before_after"):
        rows += [
            "",
            f"冷构建改动前后（`python bench/build.py --cold-before 旧src`：留出活动集，没有 `.cache`、临时文件夹为空，"
            f"改动前（{c['before_src']}，PYTHONPATH 指向它）与改动后交替运行 {c['rounds']} 轮取中位数，{c['cpus']} 核，机器与其他任务共用）：",
            "",
            "| N | 改动前墙钟 | 改动后墙钟 | 墙钟比 | 改动前 CPU | 改动后 CPU | CPU 比 | 输出 |",
            "|---|---|---|---|---|---|---|---|",
        ]
        for n, x in c["sizes"].items():
            b, a = x["medians"]["before"], x["medians"]["after"]
            rows.append(
                f"| {n} | {b['wall']:.2f} s | {a['wall']:.2f} s | {a['wall'] / b['wall']:.2f}× | {b['cpu']:.2f} s | "
                f"{a['cpu']:.2f} s | {a['cpu'] / b['cpu']:.2f}× | "
                f"{'逐字节相同' if x['identical'] else '不同：' + '、'.join(x['differ'][:5])} |"
            )
    for note in r.get("notes", []):  # measured by hand, each saying how
        rows += ["", note]
    rows.append("")
    out = HERE / "results"
    out.mkdir(exist_ok=True)
    (out / "build.json").write_text(json.dumps(r, indent=1, default=str) + "\n", encoding="utf-8")
    (out / "build.md").write_text("\n".join(rows), encoding="utf-8")
    print("\n".join(rows))


if __name__ == "__main__":
    main()
