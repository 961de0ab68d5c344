"""What `wenming pack` costs against the browser's way to paper: Chromium printing the site's
/print/ page of the same build to PDF, as medians of alternating runs in one session.

    python bench/pack.py [--activities 1000] [--rounds 3] [--no-demo] [--base-src PATH]

Two units: a copy of the demo and a unit of N activities from `bench/generate.py`. Each is
built once (`mkdocs build --strict`, which also fills the image cache both use), then every
round runs, in alternating order, each in a fresh child process:

- the pack: `wenming pack` (content loaded, the report and the evidence index laid out and
  written, every QR code made, the ledger written), its peak memory from peak.py;
- the baseline: a Python process that serves the built site, starts Chromium
  (playwright, /usr/bin/chromium), opens /print/ and saves it as an A4 PDF (page.pdf), as the
  browser test prints it.

Wall time and CPU time (user + system of the child and everything it waited for; for the
baseline also every live descendant, Chromium's processes, read from /proc before the
browser closes) are both reported: on a machine shared with other work the wall clock
swings, CPU time less so. The pack's own per-part lines (用时) are kept from the last round.
One warm-up run of each first. With ``--base-src`` (the ``src`` folder of another version,
e.g. ``git archive COMMIT src | tar -x -C /tmp/COMMIT``) that version's pack runs in the same
rounds too (the folder's name labels it when it is not a git checkout).

Writes bench/results/pack.md and pack.json.
"""

from __future__ import annotations

import argparse
import json
import os
import re
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

from generate import generate  # noqa: E402

TODAY = "2026-11-27"
SITE_URL = "https://wenming.example.cn/"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "WENMING_TODAY": TODAY, "SITE_URL": SITE_URL}
CHROMIUM = "/usr/bin/chromium"


def child(args: list[str], cwd: Path, env: dict | None = None) -> tuple[float, float, str]:
    """Wall and CPU seconds of a child process, and its output; fails loudly."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(args, cwd=cwd, env=env or ENV, capture_output=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    out = proc.stdout.decode("utf-8", "replace") + proc.stderr.decode("utf-8", "replace")
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed in {cwd}:\n{out[-3000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, out


def build(root: Path) -> Path:
    site = root / "site"
    child([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)], root)
    return site


def run_pack(root: Path, src: Path | None = None) -> dict:
    """One `wenming pack`; with ``src`` the package found there (another version) runs."""
    peak = root / "pack.peak"
    args = [sys.executable, str(Path(__file__).resolve()), "--peak", str(peak), "pack", "--root", str(root)]
    env = {**ENV, "PYTHONPATH": str(src)} if src else None
    wall, cpu, out = child([*args, "--date", TODAY, "--site-url", SITE_URL], root, env)
    kb, child_kb = (int(n) for n in peak.read_text(encoding="ascii").split())
    lines = [line for line in out.splitlines() if line.startswith("[") or line.startswith("迎检材料包")]
    pages = [int(n) for n in re.findall(r"（(\d+) 页", out)]
    return dict(wall=wall, cpu=cpu, peak_mb=kb / 1024, child_peak_mb=child_kb / 1024, lines=lines, pages=pages)


def run_with_peak(out: Path, args: list[str]) -> None:
    """`wenming ARGS` in this process; at exit, write its own peak resident memory (VmHWM, as
    peak.py) and the largest of its children's (ru_maxrss: the process the pack forks to lay out
    the report, which counts the pages it shares with this one at the fork too)."""
    import atexit
    import runpy

    from peak import peak_kb

    def write() -> None:
        children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        out.write_text(f"{peak_kb()} {children}", encoding="ascii")

    atexit.register(write)
    sys.argv = ["wenmingsite.commands.cli", *args]
    runpy.run_module("wenmingsite.commands.cli", run_name="__main__", alter_sys=True)


def run_chromium(site: Path, out: Path) -> dict:
    wall, cpu, output = child([sys.executable, str(Path(__file__).resolve()), "--print", str(site), str(out)], site)
    from pypdf import PdfReader

    # Chromium's processes are not all reaped through the chain the child's rusage follows:
    # the child reports its descendants' CPU itself (see descendants_cpu).
    tree = float(re.findall(r"^tree-cpu (\S+)$", output, re.M)[-1])
    return dict(wall=wall, cpu=max(cpu, tree), pages=len(PdfReader(str(out)).pages))


def descendants_cpu() -> float:
    """CPU seconds (user + system, with their reaped children's) of this process and all its
    live descendants (the playwright driver, Chromium's browser, zygote, renderer and GPU
    processes), read from /proc."""
    ticks = os.sysconf("SC_CLK_TCK")
    stats = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            stats[int(entry.name)] = (int(fields[1]), sum(int(f) for f in fields[11:15]))
    mine, total, grew = {os.getpid()}, 0, True
    while grew:
        grew = False
        for pid, (ppid, _) in stats.items():
            if ppid in mine and pid not in mine:
                mine.add(pid)
                grew = True
    for pid in mine:
        total += stats.get(pid, (0, 0))[1]
    return total / ticks


def print_with_chromium(site: Path, out: Path) -> None:
    """The baseline, in its own process: serve ``site``, print /print/ with Chromium."""
    import functools
    import http.server
    import threading

    from playwright.sync_api import sync_playwright

    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    http.server.SimpleHTTPRequestHandler.log_message = lambda *a: None  # type: ignore[method-assign]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=["--headless", "--no-sandbox", "--disable-gpu"])
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(f"http://127.0.0.1:{server.server_address[1]}/print/", wait_until="load")
            page.emulate_media(media="print")
            page.pdf(
                path=str(out),
                format="A4",
                print_background=True,
                margin={"top": "18mm", "bottom": "20mm", "left": "16mm", "right": "16mm"},
            )
            print(f"tree-cpu {descendants_cpu():.3f}", flush=True)  # before Chromium's processes end
            browser.close()
    finally:
        server.shutdown()


def demo_copy(dest: Path) -> Path:
    root = dest / "demo"
    shutil.copytree(
        REPO,
        root,
        ignore=shutil.ignore_patterns(
            ".git", "site", ".cache", "dist", "tests", "bench", "__pycache__", "*.egg-info", ".venv*", ".pytest_cache"
        ),
    )
    return root


def measure(name: str, root: Path, rounds: int, base: Path | None = None) -> dict:
    print(f"{name}: building {root}", flush=True)
    site = build(root)
    pdf = root / "chromium-print.pdf"
    runs = {"pack": lambda: run_pack(root), "chromium": lambda: run_chromium(site, pdf)}
    if base:
        runs["base"] = lambda: run_pack(root, base)
    results: dict[str, list[dict]] = {k: [] for k in runs}
    for run in runs.values():
        run()  # warm-up
    order = list(runs)
    for i in range(rounds):
        for key in order if i % 2 == 0 else order[::-1]:
            results[key].append(runs[key]())
        print(f"  round {i + 1}: " + ", ".join(f"{k} {v[-1]['wall']:.1f} s" for k, v in results.items()), flush=True)
    packs, prints = results["pack"], results["chromium"]

    def med(runs: list[dict], key: str) -> float:
        return statistics.median(r[key] for r in runs)

    r = dict(
        pack_s=med(packs, "wall"),
        pack_cpu_s=med(packs, "cpu"),
        pack_peak_mb=max(p["peak_mb"] for p in packs),
        pack_child_peak_mb=max(p["child_peak_mb"] for p in packs),
        pack_pages=packs[-1]["pages"],
        pack_lines=packs[-1]["lines"],
        chromium_s=med(prints, "wall"),
        chromium_cpu_s=med(prints, "cpu"),
        chromium_pages=prints[-1]["pages"],
        pack_runs=[round(p["wall"], 2) for p in packs],
        chromium_runs=[round(p["wall"], 2) for p in prints],
    )
    r["ratio"] = r["pack_s"] / r["chromium_s"]
    r["cpu_ratio"] = r["pack_cpu_s"] / r["chromium_cpu_s"]
    if base:
        old = results["base"]
        r |= dict(
            base_s=med(old, "wall"),
            base_cpu_s=med(old, "cpu"),
            base_peak_mb=max(p["peak_mb"] for p in old),
            base_pages=old[-1]["pages"],
            base_runs=[round(p["wall"], 2) for p in old],
        )
        r["base_ratio"] = r["base_s"] / r["chromium_s"]
        r["base_cpu_ratio"] = r["base_cpu_s"] / r["chromium_cpu_s"]
    return r


def child_peak(s: dict) -> str:
    """The report process's peak, where the pack forked one (more than a few MB: not fc-list)."""
    return f"（排版汇报材料的子进程 {s['pack_child_peak_mb']:.0f} MB）" if s.get("pack_child_peak_mb", 0) > 50 else ""


def write_report(r: dict) -> None:
    rows = [
        "# 迎检材料包的耗时（bench/pack.py）",
        "",
        f"`wenming pack`（读取内容、排版并写出汇报材料和佐证材料目录两个 PDF、生成全部二维码、写出台账）对比"
        f"同一次构建的 `/print/` 页面由 Chromium 打印成 A4 PDF（启动浏览器、打开页面、另存为 PDF），"
        f"都在新的子进程中运行；先各预热一次，再交替运行 {r['rounds']} 轮取中位数，{r['cpus']} 核，"
        f"测量结束时平均负载 {r['load']:.1f}。CPU 时间含子进程（Chromium 的各个进程）。",
        "",
        "| 单位 | 材料包 | Chromium 打印 /print/ | 比值（墙钟） | 比值（CPU） | 材料包峰值内存 | 目标 |",
        "|---|---|---|---|---|---|---|",
    ]
    for name, s in r["units"].items():
        rows.append(
            f"| {name} | {s['pack_s']:.2f} s（CPU {s['pack_cpu_s']:.2f} s） | {s['chromium_s']:.2f} s（CPU "
            f"{s['chromium_cpu_s']:.2f} s） | {s['ratio']:.2f}× | {s['cpu_ratio']:.2f}× | {s['pack_peak_mb']:.0f} MB{child_peak(s)} | "
            "≤ 4×（N=1000） |"
        )
    if r.get("base"):
        for name, s in r["units"].items():
            rows.append(
                f"| {name}，上一版（{r['base']}） | {s['base_s']:.2f} s（CPU {s['base_cpu_s']:.2f} s） | "
                f"{s['chromium_s']:.2f} s（CPU {s['chromium_cpu_s']:.2f} s） | {s['base_ratio']:.2f}× | "
                f"{s['base_cpu_ratio']:.2f}× | {s['base_peak_mb']:.0f} MB | |"
            )
    rows.append("")
    for name, s in r["units"].items():
        pages = "、".join(str(n) for n in s["pack_pages"])
        rows += [
            f"{name}：材料包 {pages} 页，Chromium 打印 {s['chromium_pages']} 页；每轮墙钟 材料包 {s['pack_runs']}，"
            f"Chromium {s['chromium_runs']}"
            + (
                f"，上一版 {s['base_runs']}（{'、'.join(str(n) for n in s['base_pages'])} 页）"
                if "base_runs" in s
                else ""
            )
            + "。材料包最后一轮的输出：",
            "",
            "```",
            *s["pack_lines"],
            "```",
            "",
        ]
    out = HERE / "results"
    out.mkdir(exist_ok=True)
    (out / "pack.json").write_text(json.dumps(r, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    (out / "pack.md").write_text("\n".join(rows), encoding="utf-8")
    print("\n".join(rows))


def main() -> None:
    if sys.argv[1:2] == ["--print"]:
        print_with_chromium(Path(sys.argv[2]), Path(sys.argv[3]))
        return
    if sys.argv[1:2] == ["--peak"]:
        run_with_peak(Path(sys.argv[2]), sys.argv[3:])
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--activities", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--no-demo", action="store_true")
    parser.add_argument("--base-src", type=Path, help="the src folder of another version (e.g. the last release)")
    args = parser.parse_args()
    base = args.base_src.resolve() if args.base_src else None
    units = {}
    with tempfile.TemporaryDirectory(prefix="bench-pack-") as tmp:
        if not args.no_demo:
            units["示例单位（demo）"] = measure("demo", demo_copy(Path(tmp)), args.rounds, base)
        root = generate(Path(tmp) / f"n{args.activities}", args.activities)
        units[f"合成单位 N={args.activities}"] = measure(f"N={args.activities}", root, args.rounds, base)
    base_commit = None
    if base:
        found = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=base, capture_output=True, text=True)
        base_commit = found.stdout.strip() if found.returncode == 0 else base.parent.name
    write_report(dict(rounds=args.rounds, cpus=os.cpu_count(), load=os.getloadavg()[0], units=units, base=base_commit))


if __name__ == "__main__":
    main()
