"""Benchmark of the image pipeline, as ratios against plain Pillow measured in the same run.

    python bench/images.py [--photos 16] [--rounds 3]

Generates N phone-size JPEGs (4000×3000, ~3 MB, with EXIF orientation and GPS), then in
alternating rounds measures:

- baseline: the plain Pillow draft-mode recipe for the same outputs, one process, no cache:
  open, draft, load, upright, then resize and save each variant;
- pipeline, 1 worker: ``PhotoCache.publish`` into an empty cache (content hashing, manifest,
  atomic writes included);
- pipeline, all cores: the same with one worker per core;
- warm: ``publish`` again over the full cache (nothing changed);
- memory: the peak RSS of a fresh process that makes every output of the photos, our
  worker (``publish`` with one worker, i.e. what each worker process does) against the
  baseline recipe, in alternating rounds.

Prints medians and the ratios the targets are stated in, and writes them to
bench/results/images.md and .json. Machines here are shared and noisy: compare ratios, not
seconds across runs.
"""

from __future__ import annotations

import argparse
import io
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

from PIL import Image, ImageChops

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))
sys.path.insert(0, str(HERE))

from wenmingsite.gate import images  # noqa: E402

W, H = 4000, 3000


def phone_photos(folder: Path, count: int, seed: int = 7) -> list[Path]:
    """Textured, noisy 12-megapixel JPEGs with phone EXIF, each different."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    base = Image.effect_noise((W // 8, H // 8), 60).resize((W, H), Image.Resampling.BICUBIC)
    base = Image.merge("RGB", (base, base.point(lambda v: v * 0.8 + 40), base.point(lambda v: v * 0.5)))
    paths = []
    for i in range(count):
        grain = Image.merge("RGB", [Image.effect_noise((W, H), 9) for _ in range(3)])
        img = ImageChops.overlay(base.rotate(rng.uniform(-3, 3)), grain)
        exif = Image.Exif()
        exif[0x0110] = "Bench Phone"
        exif[0x0112] = rng.choice([1, 1, 6, 8])
        exif.get_ifd(0x8825).update({1: "N", 2: (30.0, 1.0, 2.0), 3: "E", 4: (120.0, 3.0, 4.0)})
        path = folder / f"IMG_{i:04d}.jpg"
        img.save(path, "JPEG", quality=85, exif=exif)
        paths.append(path)
    return paths


def baseline(paths: list[Path]) -> None:
    """The same outputs with the simplest Pillow code that uses draft mode."""
    from PIL import ImageOps

    for path in paths:
        with Image.open(path) as im:
            im.draft("RGB", (1600, 1600 * im.height // im.width))
            im = ImageOps.exif_transpose(im.convert("RGB"))
        for v in images.VARIANTS:
            copy = im.copy()
            copy.thumbnail(v.box, Image.Resampling.LANCZOS)
            out = io.BytesIO()
            if v.format == "WEBP":
                copy.save(out, "WEBP", quality=v.quality, method=4)
            else:
                copy.save(out, "JPEG", quality=v.quality, optimize=True, progressive=True)


def pipeline(paths: list[Path], workers: int) -> float:
    cache = Path(tempfile.mkdtemp(prefix="bench-cache-"))
    try:
        start = time.perf_counter()
        done, failed = images.PhotoCache(cache).publish(paths, workers=workers)
        elapsed = time.perf_counter() - start
        assert not failed and len(done) == len(paths)
        return elapsed
    finally:
        shutil.rmtree(cache)


def child_peak_mb(kind: str, folder: Path) -> float:
    """Peak RSS of a fresh interpreter running one recipe over the photos in ``folder``
    (its own VmHWM: wait4's ru_maxrss would include this big parent's, see peak.py)."""
    out = subprocess.run(
        [sys.executable, __file__, "--child", kind, str(folder)], capture_output=True, text=True, check=True
    ).stdout
    return int(out.split()[-1]) / 1024


def child(kind: str, folder: Path) -> None:
    from peak import peak_kb

    paths = sorted(folder.glob("*.jpg"))
    if kind == "baseline":
        baseline(paths)
    else:
        pipeline(paths, 1)
    print(peak_kb())


def timed(fn, *args) -> float:
    start = time.perf_counter()
    fn(*args)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description="image pipeline benchmark")
    parser.add_argument("--photos", type=int, default=16)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--child", nargs=2, metavar=("KIND", "FOLDER"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return child(args.child[0], Path(args.child[1]))
    cores = os.cpu_count() or 1
    work = Path(tempfile.mkdtemp(prefix="bench-photos-"))
    try:
        paths = phone_photos(work / "src", args.photos)
        mean_mb = sum(p.stat().st_size for p in paths) / len(paths) / 1e6
        base, one, many, warm, base_mb, worker_mb = [], [], [], [], [], []
        for _ in range(args.rounds):  # alternate, so drifting load hits all alike
            base.append(timed(baseline, paths))
            one.append(pipeline(paths, 1))
            many.append(pipeline(paths, cores))
            base_mb.append(child_peak_mb("baseline", work / "src"))
            worker_mb.append(child_peak_mb("pipeline", work / "src"))
        cache = Path(tempfile.mkdtemp(prefix="bench-warm-"))
        images.PhotoCache(cache).publish(paths, workers=cores)
        for _ in range(max(args.rounds, 5)):
            warm.append(timed(images.PhotoCache(cache).publish, paths, cores))
        shutil.rmtree(cache)
    finally:
        shutil.rmtree(work)
    med = {
        k: statistics.median(v)
        for k, v in {"baseline": base, "pipeline_1": one, "pipeline_all": many, "warm": warm}.items()
    }
    n = args.photos
    result = {
        "photos": n,
        "mean_photo_mb": round(mean_mb, 2),
        "cores": cores,
        "rounds": args.rounds,
        "median_seconds": {k: round(v, 3) for k, v in med.items()},
        "baseline_ms_per_photo": round(med["baseline"] / n * 1000, 1),
        "pipeline_ms_per_photo_per_core": round(med["pipeline_1"] / n * 1000, 1),
        "throughput_vs_plain_pillow_per_core": round(med["baseline"] / med["pipeline_1"], 3),
        "scaling_all_cores_vs_one": round(med["pipeline_1"] / med["pipeline_all"], 3),
        "warm_ms_per_photo": round(med["warm"] / n * 1000, 4),
        "baseline_peak_mb": round(statistics.median(base_mb), 1),
        "worker_peak_mb": round(statistics.median(worker_mb), 1),
        "worker_memory_vs_baseline": round(statistics.median(worker_mb) / statistics.median(base_mb), 3),
    }
    lines = [
        "# 图片处理基准（bench/images.py）",
        "",
        f"{n} 张 4000×3000 手机照片（平均 {mean_mb:.1f} MB），{cores} 核，{args.rounds} 轮交替测量取中位数。",
        "",
        "| 指标 | 数值 | 目标 |",
        "|---|---|---|",
        f"| 普通 Pillow draft 写法，每张 | {result['baseline_ms_per_photo']} ms | 基准 |",
        f"| 本流水线单进程，每张 | {result['pipeline_ms_per_photo_per_core']} ms | |",
        f"| 单张耗时 / 普通 Pillow | {1 / result['throughput_vs_plain_pillow_per_core']:.2f}× | ≤ 1.25× |",
        f"| 全部 {cores} 核 / 单核（吞吐） | {result['scaling_all_cores_vs_one']}× | ≥ 1.7×（2 进程） |",
        f"| 无变化重建，每张 | {result['warm_ms_per_photo'] * 1000:.1f} µs | ≤ 50 µs |",
        f"| 处理进程峰值内存 / 普通 Pillow | {result['worker_peak_mb']} MB / {result['baseline_peak_mb']} MB = "
        f"{result['worker_memory_vs_baseline']}× | ≤ 2× |",
        "",
    ]
    out = HERE / "results"
    out.mkdir(exist_ok=True)
    (out / "images.json").write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    (out / "images.md").write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
