"""One `mkdocs serve` rebuild after an edit, timed in-process, against a baseline checkout.

    python bench/serve_rebuild.py --src CHECKOUT/src [--activities 1000] [--rounds 6] [--pairs 4]

What bench/serve.py measures from the outside (save to page served, through the file watcher
and the HTTP server) is mostly this: one rebuild the way serve runs it (one process, a fresh
configuration per build, the plugin's serve memo kept), after a new title is saved into one
activity. A child process per side builds a synthetic unit once, then edits and rebuilds
``--rounds`` times and prints the median wall and CPU seconds of a rebuild; the children for
this checkout and for ``--src`` alternate ``--pairs`` times. Prints each pair and the ratios
of the medians (this checkout / baseline). Not profiled: cProfile inflates a rebuild 1.5–2×.
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
sys.path.insert(0, str(HERE))


def child(root: Path, rounds: int) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    site_dir = tempfile.mkdtemp(prefix="serve-rebuild-")
    url = "http://127.0.0.1:8000/"
    pages = sorted((root / "docs" / "activities").rglob("*.md"))
    first = True

    def rebuild() -> None:
        nonlocal first
        config = load_config(str(root / "mkdocs.yml"), site_dir=site_dir)
        if first:
            config.plugins.on_startup(command="serve", dirty=False)
            first = False
        config.site_url = url
        build(config, serve_url=url, dirty=False)

    def cpu() -> float:
        r = resource.getrusage(resource.RUSAGE_SELF)
        return r.ru_utime + r.ru_stime

    rebuild()  # the first build: nothing to reuse
    walls, cpus = [], []
    for i in range(rounds + 1):  # the first edit warms up
        page = pages[(i * 7919) % len(pages)]
        head, sep, rest = page.read_text(encoding="utf-8").partition("\ntitle: ")
        line, nl, tail = rest.partition("\n")
        # A title no earlier child wrote: each edit is a change (the children share the site).
        page.write_text(f"{head}{sep}{line.split('（')[0]}（修改{i}-{os.getpid()}）{nl}{tail}", encoding="utf-8")
        wall, used = time.perf_counter(), cpu()
        rebuild()
        if i:
            walls.append(time.perf_counter() - wall)
            cpus.append(cpu() - used)
    shutil.rmtree(site_dir, ignore_errors=True)
    print(json.dumps({"wall": statistics.median(walls), "cpu": statistics.median(cpus), "walls": walls}))


def run(root: Path, rounds: int, src: str | None) -> dict:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "WENMING_TODAY": "2026-11-27"}
    if src:
        env["PYTHONPATH"] = os.pathsep.join(p for p in (src, env.get("PYTHONPATH")) if p)
    out = subprocess.run(
        [sys.executable, __file__, "--child", str(root), "--rounds", str(rounds)],
        env=env,
        cwd=root,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--activities", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=6)
    parser.add_argument("--pairs", type=int, default=4)
    parser.add_argument("--src", help="the baseline checkout's src/ folder")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.rounds)
        return
    if not args.src:
        parser.error("--src: the baseline checkout's src/ folder")
    from generate import generate

    work = Path(tempfile.mkdtemp(prefix="bench-serve-rebuild-"))
    try:
        root = generate(work / "site", args.activities)
        this, base = [], []
        for n in range(args.pairs):
            base.append(run(root, args.rounds, args.src))
            this.append(run(root, args.rounds, None))
            print(
                f"pair {n + 1} (load {os.getloadavg()[0]:.1f}): this {this[-1]['wall']:.3f}s wall "
                f"{this[-1]['cpu']:.3f}s CPU, baseline {base[-1]['wall']:.3f}s wall {base[-1]['cpu']:.3f}s CPU",
                flush=True,
            )
    finally:
        shutil.rmtree(work, ignore_errors=True)
    for key in ("wall", "cpu"):
        mine, theirs = statistics.median(r[key] for r in this), statistics.median(r[key] for r in base)
        print(f"{key}: this {mine:.3f}s, baseline {theirs:.3f}s, ratio {mine / theirs:.3f}")


if __name__ == "__main__":
    main()
