"""The one-edit build's main thread against another checkout's, alternating (bench/rebuild.py's
publication, measured from inside the build process).

    python bench/phases.py --against CHECKOUT/src [--activities 1000] [--rounds 5] [--full]

Two copies of the same generated unit, each built by its own package (a package's build cache
is keyed by its own files) once, and again after an edit (its word table made, as a unit that
published before has it), then one more title edited alike in both and each copy's .cache
kept. Every round restores each copy's .cache and builds it (`mkdocs build --strict`, a fresh
process), this checkout and the other in turns, under timers: wall time, the process's CPU time
(all threads, and its waited-for child processes': child_cpu) and the main thread's CPU time
(the build's critical path on an idle second core; sitefolder.Worker's folders and links run
elsewhere), and wall time per MkDocs event and per page loop. Prints medians and the ratios this/other; the outputs of the last round are
compared byte for byte. ``--full``: the same for the warm full build (the build cache off).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402
from rebuild import ENV, differing, edit  # noqa: E402

# Runs `mkdocs build` with timers around MkDocs' page loops and plugin events; prints one JSON line.
TIMED = r"""
import atexit, collections, json, resource, sys, time
import mkdocs.commands.build as b
import mkdocs.plugins as P
acc = collections.defaultdict(float)
def timed(name, fn):
    def w(*a, **k):
        t0 = time.perf_counter()
        try:
            return fn(*a, **k)
        finally:
            acc[name] += time.perf_counter() - t0
    return w
b._populate_page = timed("populate_page", b._populate_page)
b._build_page = timed("build_page", b._build_page)
run_event = P.PluginCollection.run_event
P.PluginCollection.run_event = lambda self, name, item=None, **kw: timed("on_" + name, run_event)(self, name, item, **kw)
T0 = time.perf_counter()
CHILDREN = lambda: (lambda r: r.ru_utime + r.ru_stime)(resource.getrusage(resource.RUSAGE_CHILDREN))
atexit.register(lambda: print("PHASES " + json.dumps({"wall": time.perf_counter() - T0, "cpu": time.process_time() + CHILDREN(),
    "child_cpu": CHILDREN(),
    "main_cpu": time.thread_time(), **{k: round(v, 4) for k, v in acc.items()}}), file=sys.stderr))
from mkdocs.__main__ import cli
cli(["build", "-q", "--strict", "-d", sys.argv[1]])
"""


def timed_build(root: Path, out: Path, env: dict) -> dict:
    proc = subprocess.run([sys.executable, "-c", TIMED, str(out)], cwd=root, env=env, capture_output=True, text=True)
    lines = [line for line in proc.stderr.splitlines() if line.startswith("PHASES ")]
    if proc.returncode != 0 or not lines:
        raise SystemExit(f"build failed in {root}:\n{proc.stderr[-2000:]}")
    return json.loads(lines[-1][len("PHASES ") :])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--against", required=True, metavar="CHECKOUT/src")
    parser.add_argument("--activities", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--full", action="store_true", help="measure warm full builds (WENMING_BUILD_CACHE=0)")
    args = parser.parse_args()
    src = os.path.abspath(args.against)
    work = Path(tempfile.mkdtemp(prefix="bench-phases-"))
    try:
        this = generate(work / "this", args.activities)
        other = work / "other"
        shutil.copytree(this, other, symlinks=True)
        sides = {"this": (this, ENV), "other": (other, {**ENV, "PYTHONPATH": src})}
        for name, (root, env) in sides.items():
            timed_build(root, work / f"{name}-first", env)
            pages = sorted((root / "docs" / "activities").rglob("*.md"))
            # An earlier publication after an edit (as bench/rebuild.py warms up): the word table
            # is made then, not in every measured build.
            edit(pages[1], "第零次修改")
            timed_build(root, work / f"{name}-second", env)
            edit(pages[13], "第一次修改")
            shutil.copytree(root / ".cache", work / f"{name}-cache", symlinks=True)
        samples: dict[str, list[dict]] = {"this": [], "other": []}
        for i in range(args.rounds):
            for name in ("this", "other") if i % 2 == 0 else ("other", "this"):
                root, env = sides[name]
                shutil.rmtree(root / ".cache")
                shutil.copytree(work / f"{name}-cache", root / ".cache", symlinks=True)
                out = work / f"{name}-out"
                shutil.rmtree(out, ignore_errors=True)
                samples[name].append(timed_build(root, out, {**env, "WENMING_BUILD_CACHE": "0"} if args.full else env))
        differ = differing(work / "this-out", work / "other-out")
    finally:
        load = os.getloadavg()
        shutil.rmtree(work, ignore_errors=True)
    keys = sorted(
        {k for s in samples["this"] for k in s}, key=lambda k: -statistics.median(s[k] for s in samples["this"])
    )
    print(
        f"{'warm full build' if args.full else 'one-edit build'}, N={args.activities}, {args.rounds} rounds each, load {load[0]:.1f}/{load[1]:.1f}/{load[2]:.1f}"
    )
    print(f"{'':16s} {'this':>8s} {'other':>8s} {'ratio':>7s}")
    for k in keys:
        a = statistics.median(s.get(k, 0.0) for s in samples["this"])
        b = statistics.median(s.get(k, 0.0) for s in samples["other"])
        if max(a, b) >= 0.01:
            print(f"{k:16s} {a:8.3f} {b:8.3f} {a / b if b else float('nan'):7.2f}")
    print("outputs " + ("byte-identical" if not differ else "DIFFER: " + ", ".join(differ[:10])))
    print(json.dumps(samples))
    if differ:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
