"""Run a Python module and write the peak resident memory of this process to a file.

    python bench/peak.py OUT.txt -m mkdocs build ...

``ru_maxrss`` from wait4() is no good for this on Linux: it keeps the high-water mark of
the forking parent's memory, so a child looks at least as big as the benchmark driver.
/proc/self/status ``VmHWM`` belongs to the process's own address space after exec.
"""

from __future__ import annotations

import atexit
import runpy
import sys


def peak_kb() -> int:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0


def main() -> None:
    out, flag, module, *rest = sys.argv[1:]
    assert flag == "-m", "usage: peak.py OUT -m MODULE [ARGS...]"
    atexit.register(lambda: open(out, "w", encoding="ascii").write(str(peak_kb())))
    sys.argv = [module, *rest]
    runpy.run_module(module, run_name="__main__", alter_sys=True)


if __name__ == "__main__":
    main()
