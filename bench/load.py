"""`Site.load` of a fresh process after one edit, this checkout against another, alternating.

    python bench/load.py --against CHECKOUT/src [--activities 1000] [--rounds 9]

What a publishing build's `on_pre_build` does before anything is written: two copies of the
same generated unit, each loaded twice by its own package (so that its `.cache/load` is as its
own earlier builds leave it), one activity's title edited in each, and that `.cache/load`
kept. Every round puts it back and loads each copy in a new process (this checkout and the
other in turns), timing the main thread's CPU and the wall time of `Site.load` (imports
apart). Prints medians, the ratios this/other and whether both loads reported the same
problems (their Chinese lines, in order).
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

ONE = r"""
import datetime as dt, json, sys, time
c0, t0 = time.thread_time(), time.perf_counter()
from wenmingsite.site import Site
c1, t1 = time.thread_time(), time.perf_counter()
site = Site(sys.argv[1], today=dt.date(2026, 11, 27))
problems = site.load(with_links=True, clean_assets=False)
c2, t2 = time.thread_time(), time.perf_counter()
print(json.dumps({"load_cpu": c2 - c1, "load_wall": t2 - t1, "import_cpu": c1 - c0,
                  "problems": [str(p) for p in problems]}, ensure_ascii=False))
"""


def load(root: Path, env: dict) -> dict:
    out = subprocess.run([sys.executable, "-c", ONE, str(root)], env=env, capture_output=True, text=True)
    if out.returncode != 0:
        raise SystemExit(f"load failed in {root}:\n{out.stderr[-2000:]}")
    return json.loads(out.stdout.splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--against", required=True, metavar="CHECKOUT/src")
    parser.add_argument("--activities", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=9)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-load-"))
    try:
        this = generate(work / "this", args.activities)
        other = work / "other"
        shutil.copytree(this, other, symlinks=True)
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        sides = {"this": (this, env), "other": (other, {**env, "PYTHONPATH": os.path.abspath(args.against)})}
        for name, (root, side_env) in sides.items():
            load(root, side_env)
            load(root, side_env)
            page = sorted((root / "docs" / "activities").rglob("*.md"))[7]
            page.write_text(page.read_text(encoding="utf-8").replace("title: ", "title: 改", 1), encoding="utf-8")
            shutil.copytree(root / ".cache" / "load", work / f"{name}-load")
        samples: dict[str, list[dict]] = {"this": [], "other": []}
        for i in range(args.rounds):
            for name in ("this", "other") if i % 2 == 0 else ("other", "this"):
                root, side_env = sides[name]
                shutil.rmtree(root / ".cache" / "load")
                shutil.copytree(work / f"{name}-load", root / ".cache" / "load")
                samples[name].append(load(root, side_env))
    finally:
        average = os.getloadavg()
        shutil.rmtree(work, ignore_errors=True)
    print(f"Site.load after one edit, N={args.activities}, {args.rounds} rounds each, load {average[0]:.1f}")
    for key in ("load_cpu", "load_wall", "import_cpu"):
        a = statistics.median(s[key] for s in samples["this"])
        b = statistics.median(s[key] for s in samples["other"])
        print(f"{key:11s} this {a:.3f}  other {b:.3f}  ratio {a / b:.2f}  difference {a - b:+.3f} s")
    same = all(s["problems"] == samples["other"][0]["problems"] for s in samples["this"] + samples["other"])
    print("problems " + ("the same" if same else "DIFFER"))
    if not same:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
