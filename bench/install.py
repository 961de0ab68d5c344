"""What publishing installs, against `pip install mkdocs-material` alone (issue 29).

    python bench/install.py [--rounds 7] [--before REV]

Each run makes a fresh venv with the machine's own python3 (and the pip it ships) and times
only the install, as the publishing workflow runs it:

- material: `pip install mkdocs-material==<the pinned version>` (pip resolves its dependencies);
- build:    `pip install --no-deps --require-hashes -r requirements/lock-build.txt`,
            `pip install --no-deps --no-build-isolation -e .`, `pip check`;
- before:   the same with the lock-build.txt of git revision REV (the build lock before the
            extras), when --before is given.

A first round warms pip's cache for every variant and is not counted; then the variants
alternate, and the ratios are of medians. Size is the site-packages folder: in full (`du`),
and what the install added to a fresh venv (which already holds pip and, on 3.11, setuptools).
Writes bench/results/install.md and .json.
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
import tomllib
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent


def site_packages(venv: Path) -> Path:
    (path,) = venv.glob("lib/python*/site-packages")
    return path


def du_bytes(path: Path) -> int:
    """Disk usage as `du -s --block-size=1` counts it."""
    out = subprocess.run(["du", "-s", "--block-size=1", str(path)], check=True, capture_output=True, text=True)
    return int(out.stdout.split()[0])


def apparent_bytes(path: Path) -> int:
    """The files' own sizes (what RECORD lists), without the 4 KiB a small file takes on disk:
    Material's ~10,000 icon SVGs make the two differ by 50 MB."""
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def distributions(venv: Path) -> int:
    return len(list(site_packages(venv).glob("*.dist-info")))


def material_pin() -> str:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    (pin,) = [d for d in project["dependencies"] if d.startswith("mkdocs-material==")]
    return pin


def commands(variant: str, lock: Path | None) -> list[list[str]]:
    if variant == "material":
        return [["pip", "install", "-q", material_pin()]]
    assert lock is not None
    return [
        ["pip", "install", "-q", "--no-deps", "--require-hashes", "-r", str(lock)],
        ["pip", "install", "-q", "--no-deps", "--no-build-isolation", "-e", str(REPO)],
        ["pip", "check"],
    ]


def run_once(variant: str, lock: Path | None, work: Path) -> dict:
    venv = work / f"venv-{variant}"
    shutil.rmtree(venv, ignore_errors=True)
    subprocess.run(["python3", "-m", "venv", str(venv)], check=True)
    fresh, fresh_apparent = du_bytes(site_packages(venv)), apparent_bytes(site_packages(venv))
    fresh_dists = distributions(venv)
    env = {**os.environ, "PATH": f"{venv / 'bin'}{os.pathsep}{os.environ['PATH']}", "VIRTUAL_ENV": str(venv)}
    cpu_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    for cmd in commands(variant, lock):
        subprocess.run(cmd, check=True, env=env, cwd=work, capture_output=True)
    seconds = time.perf_counter() - start
    cpu_after = resource.getrusage(resource.RUSAGE_CHILDREN)
    total, apparent = du_bytes(site_packages(venv)), apparent_bytes(site_packages(venv))
    result = {
        "seconds": seconds,
        # CPU time of the install's processes: less moved by other work on a shared machine.
        "cpu_seconds": (cpu_after.ru_utime + cpu_after.ru_stime) - (cpu_before.ru_utime + cpu_before.ru_stime),
        "site_packages_bytes": total,
        "added_bytes": total - fresh,
        "added_apparent_bytes": apparent - fresh_apparent,
        "distributions_added": distributions(venv) - fresh_dists,
    }
    shutil.rmtree(venv, ignore_errors=True)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description="publishing install vs pip install mkdocs-material")
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--before", metavar="REV", help="git revision whose requirements/lock-build.txt to compare")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-install-"))
    locks: dict[str, Path | None] = {"material": None, "build": REPO / "requirements" / "lock-build.txt"}
    if args.before:
        old = subprocess.run(
            ["git", "show", f"{args.before}:requirements/lock-build.txt"],
            cwd=REPO,
            check=True,
            capture_output=True,
        ).stdout
        (work / "lock-build-before.txt").write_bytes(old)
        locks["before"] = work / "lock-build-before.txt"
    python = subprocess.run(["python3", "--version"], check=True, capture_output=True, text=True).stdout.strip()
    pip = subprocess.run(["python3", "-m", "pip", "--version"], check=True, capture_output=True, text=True).stdout
    for variant, lock in locks.items():  # warm pip's cache (downloads, the jieba wheel built from its sdist)
        run_once(variant, lock, work)
    runs: dict[str, list[dict]] = {v: [] for v in locks}
    for _ in range(args.rounds):
        for variant, lock in locks.items():
            runs[variant].append(run_once(variant, lock, work))
            print(variant, {k: round(v, 2) for k, v in runs[variant][-1].items()}, file=sys.stderr)
    shutil.rmtree(work, ignore_errors=True)

    def median(variant: str, key: str) -> float:
        return statistics.median(r[key] for r in runs[variant])

    summary = {
        v: {
            "seconds": round(median(v, "seconds"), 2),
            "cpu_seconds": round(median(v, "cpu_seconds"), 2),
            "added_apparent_mb": round(median(v, "added_apparent_bytes") / 1e6, 1),
            "site_packages_mb": round(median(v, "site_packages_bytes") / 1e6, 1),
            "added_mb": round(median(v, "added_bytes") / 1e6, 1),
            "distributions_added": int(median(v, "distributions_added")),
        }
        for v in locks
    }
    ratios = {
        v: {
            "time": round(median(v, "seconds") / median("material", "seconds"), 2),
            "cpu_time": round(median(v, "cpu_seconds") / median("material", "cpu_seconds"), 2),
            "added_apparent": round(median(v, "added_apparent_bytes") / median("material", "added_apparent_bytes"), 2),
            "site_packages": round(median(v, "site_packages_bytes") / median("material", "site_packages_bytes"), 2),
            "added": round(median(v, "added_bytes") / median("material", "added_bytes"), 2),
        }
        for v in locks
        if v != "material"
    }
    result = {
        "rounds": args.rounds,
        "python": python,
        "pip": " ".join(pip.split()[:2]),
        "material": material_pin(),
        "before": args.before,
        "medians": summary,
        "over_material": ratios,
        "runs": {v: [{k: round(x, 3) for k, x in r.items()} for r in rs] for v, rs in runs.items()},
    }
    names = {
        "material": f"`pip install {material_pin()}`",
        "build": "发布流程的安装（`lock-build.txt` + 本项目 + `pip check`）",
        "before": f"拆分前的 `lock-build.txt`（{args.before}）",
    }
    lines = [
        "# 发布流程的安装与只装 Material 对比（bench/install.py）",
        "",
        f"{python}，自带的 {' '.join(pip.split()[:2])}；每次用新建的虚拟环境，只计安装命令的用时。"
        f"先各装一次预热 pip 缓存（不计），再 {args.rounds} 轮交替运行取中位数。",
        "“大小”是 site-packages 文件夹的 du；“新增”减去新虚拟环境原有的部分（pip 和 setuptools）；"
        "“文件本身”是新增文件的字节数之和（不计每个小文件在磁盘上占的 4 KiB，Material 的上万个图标 SVG 让两者相差约 50 MB）。"
        "CPU 是安装进程的 CPU 时间（受同一台机器上其他任务的影响较小）。",
        "",
        "| 安装 | 用时 | CPU | site-packages | 新增 | 文件本身 | 新增的包 | 用时比 | CPU 比 | 大小比（全部/新增/文件本身） |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for v in locks:
        s = summary[v]
        r = ratios.get(v)
        ratio = f"{r['time']:.2f}×" if r else "1"
        cpu = f"{r['cpu_time']:.2f}×" if r else "1"
        size = f"{r['site_packages']:.2f}× / {r['added']:.2f}× / {r['added_apparent']:.2f}×" if r else "1"
        lines.append(
            f"| {names[v]} | {s['seconds']:.1f} 秒 | {s['cpu_seconds']:.1f} 秒 | {s['site_packages_mb']:.0f} MB "
            f"| {s['added_mb']:.0f} MB | {s['added_apparent_mb']:.0f} MB | {s['distributions_added']} "
            f"| {ratio} | {cpu} | {size} |"
        )
    (HERE / "results").mkdir(exist_ok=True)
    (HERE / "results" / "install.json").write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n")
    (HERE / "results" / "install.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    print(re.sub(r"\s+", " ", json.dumps(ratios)))


if __name__ == "__main__":
    main()
