"""How long `wenming check` takes against `mkdocs build`, on the same site, in one run.

    python bench/check.py [--rounds 5] [--root .]

Alternating runs of both commands (as subprocesses, like an editor or CI runs them),
medians, and their ratio. Both use the same warm image cache, as on an editor's machine
after the first build. Writes bench/results/check.md and .json.
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


def timed(cmd: list[str], cwd: Path) -> float:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    start = time.perf_counter()
    subprocess.run(cmd, cwd=cwd, env=env, check=True, capture_output=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description="check vs build timing")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--root", type=Path, default=HERE.parent)
    args = parser.parse_args()
    root = args.root.resolve()
    out = Path(tempfile.mkdtemp(prefix="bench-site-"))
    check = [sys.executable, "-m", "wenmingsite", "check", "--root", str(root)]
    build = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)]
    timed(build, root)  # warm the image cache once, as after an editor's first build
    checks, builds = [], []
    for _ in range(args.rounds):
        checks.append(timed(check, root))
        builds.append(timed(build, root))
    c, b = statistics.median(checks), statistics.median(builds)
    result = {
        "rounds": args.rounds,
        "check_seconds": round(c, 3),
        "build_seconds": round(b, 3),
        "check_over_build": round(c / b, 3),
    }
    lines = [
        "# wenming check 与 mkdocs build 用时对比（bench/check.py）",
        "",
        f"{args.rounds} 轮交替运行取中位数（子进程，含 Python 启动）。",
        "",
        "| 命令 | 用时 |",
        "|---|---|",
        f"| wenming check | {c:.2f} 秒 |",
        f"| mkdocs build --strict | {b:.2f} 秒 |",
        f"| 比值 | {c / b:.2f} |",
        "",
    ]
    (HERE / "results").mkdir(exist_ok=True)
    (HERE / "results" / "check.json").write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    (HERE / "results" / "check.md").write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
