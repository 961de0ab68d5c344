"""What the sensitive-information check costs a load (the whole of ``wenming check`` minus
photos and links), against the same load without it, in one process:

    python bench/sensitive_cost.py [unit folder]      # default: the demo
    python bench/generate.py /tmp/u1000 --activities 1000 && python bench/sensitive_cost.py /tmp/u1000

Prints the first load with an empty ``.cache/sensitive/`` (lines holding a term are
segmented: jieba's dictionary is loaded) and the median of alternating warm loads with and
without the check, as a ratio.
"""

from __future__ import annotations

import datetime as dt
import shutil
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

import wenmingsite  # noqa: E402
from wenmingsite.gate import sensitive  # noqa: E402
from wenmingsite.loading import loader  # noqa: E402

RUNS = 7


def main() -> None:
    root = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).resolve().parents[1])
    with_check = loader._Loader.check_sensitive

    def load(on: bool) -> float:
        loader._Loader.check_sensitive = with_check if on else (lambda self: None)  # type: ignore[method-assign]
        start = time.perf_counter()
        wenmingsite.load(root, today=dt.date(2026, 12, 1))
        return time.perf_counter() - start

    shutil.rmtree(root / sensitive.CACHE_DIR, ignore_errors=True)
    load(False)  # file system caches warm for both
    first = load(True)
    on, off = [], []
    for _ in range(RUNS):
        off.append(load(False))
        on.append(load(True))
    ratio = statistics.median(on) / statistics.median(off)
    print(
        f"{root}: first load with the check {first:.2f} s (empty cache); warm loads, median of {RUNS}: "
        f"{statistics.median(on):.3f} s with, {statistics.median(off):.3f} s without, ratio {ratio:.3f}"
    )


if __name__ == "__main__":
    main()
