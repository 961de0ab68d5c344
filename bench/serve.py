"""Edit to page served by `mkdocs serve`: incremental against full rebuilds, in one run.

    python bench/serve.py [--activities 1000] [--rounds 5] [--src CHECKOUT/src] [--no-report]

Two copies of a synthetic unit are served at once by real `mkdocs serve` processes, one
as editors get it and one with WENMING_INCREMENTAL=0 (every rebuild a full build). Each
round saves a changed activity page (a new title) in one copy, then in the other, and
times from the save until that server has logged the end of its rebuild (the moment its
browsers are told to reload) and served the edited page with the edit. The site is on the
project's disk unless ``--tmpdir`` says otherwise. Prints the medians and their ratio and
the rebuilds per save (1.0: no save rebuilt twice); `bench/build.py` calls this too and puts it
in its report. ``--src`` serves with another checkout's package (its ``src/`` first on
PYTHONPATH), e.g. the main branch's for runs alternated with this one; ``--no-report`` leaves
bench/results/ alone and prints the result as JSON (runs to be written up together).
"""

from __future__ import annotations

import argparse
import json
import os
import queue
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "WENMING_TODAY": "2026-11-27"}
# Once per rebuild of serve's, when its browsers are told to reload. (Not MkDocs' "Documentation
# built in 0.74 seconds": MkDocs logs a build message only once per session, so a rebuild that
# took as long as an earlier one to the hundredth of a second logged nothing.)
RELOADED = "Reloading browsers"
DETECTED = "Detected file changes"  # serve has noticed a save (its rebuild starts 0.1 s later)
SERVING = "Serving on"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """A `mkdocs serve` child whose log lines arrive, time-stamped, on a queue."""

    def __init__(self, root: Path, env: dict):
        self.root = root
        self.port = free_port()
        self.lines: queue.Queue = queue.Queue()
        self.rebuilds = 0
        self.saves = 0
        self.notice: float | None = None
        self.detected: float | None = None  # when serve logged that it noticed the last save
        self.log: list[str] = []  # every line, for the warning below
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{self.port}"],
            cwd=root,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        threading.Thread(target=self._read, daemon=True).start()
        if self.wait_for(SERVING, 600) is None:
            raise SystemExit(f"mkdocs serve did not start in {root}")  # logged once the first build is done
        time.sleep(2)  # the file watcher adds its watches in a thread of its own

    def _read(self) -> None:
        for line in self.proc.stderr:
            if RELOADED in line:
                self.rebuilds += 1
            self.log.append(f"{time.perf_counter():.3f} {line}")
            self.lines.put((time.perf_counter(), line))

    def wait_for(self, needle: str, timeout: float) -> float | None:
        deadline = time.perf_counter() + timeout
        while True:
            try:
                stamp, line = self.lines.get(timeout=max(0.01, deadline - time.perf_counter()))
            except queue.Empty:
                return None
            if "ERROR" in line:
                raise SystemExit(f"serve error in {self.root}: {line}")
            if DETECTED in line and self.detected is None:
                self.detected = stamp
            if needle in line:
                return stamp

    def cpu(self) -> float | None:
        """CPU seconds the server has used so far (user and system; Linux only)."""
        try:
            fields = Path(f"/proc/{self.proc.pid}/stat").read_text().rpartition(")")[2].split()
        except OSError:
            return None
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def edit_to_reload(self, page: Path, marker: str, served: bool = False) -> float:
        """Seconds from saving a new title into ``page`` until the server has rebuilt (and,
        ``served``, served the page with it); :attr:`notice` then holds the seconds until the
        server logged that it noticed the save."""
        text = page.read_text(encoding="utf-8")
        head, sep, rest = text.partition("\ntitle: ")
        line, nl, tail = rest.partition("\n")
        for attempt in range(3):
            while not self.lines.empty():  # nothing pending from an earlier build
                self.lines.get_nowait()
            self.detected = None
            start = time.perf_counter()
            page.write_text(f"{head}{sep}{line.split('（')[0]}（{marker}{'*' * attempt}）{nl}{tail}", encoding="utf-8")
            self.saves += 1
            # A rebuild an earlier save queued may end first: until one serves this edit.
            while (built := self.wait_for(RELOADED, 60)) is not None:
                self.notice = self.detected - start if self.detected is not None else None
                if not served:
                    return built - start
                # The browser reloads now: until it has the edited page back.
                rel = page.relative_to(self.root / "docs").with_suffix("").as_posix()
                url = f"http://127.0.0.1:{self.port}/{urllib.parse.quote(rel)}/"
                with urllib.request.urlopen(url, timeout=60) as response:
                    body = response.read().decode("utf-8")
                if f"{marker}{'*' * attempt}）" in body:
                    return time.perf_counter() - start
            print(
                f"warning: {self.root} did not rebuild within 60 s after saving {page.name} at {start:.3f}; "
                "saving again. Its last lines:\n" + "".join(self.log[-40:]),
                file=sys.stderr,
                flush=True,
            )
        raise SystemExit(f"{self.root}: no rebuild after three saves")

    def stop(self) -> None:
        # Ctrl+C, as an editor stops it: serve then removes its temporary site folder.
        self.proc.send_signal(signal.SIGINT)
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.terminate()
            self.proc.wait(timeout=30)


def measure(root: Path, rounds: int, tmpdir: str | None = None, src: str | None = None) -> dict:
    """Median edit-to-reload seconds, incremental and full, from alternating rounds.
    ``tmpdir``: where serve keeps the site it builds (TMPDIR), e.g. a RAM disk; ``src``: the
    package's source folder the servers run (another checkout's), this one's when None."""
    load_start = os.getloadavg()[0]
    copy = root.parent / f"{root.name}-full"
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(root, copy, ignore=shutil.ignore_patterns(".cache"))
    pages = sorted((root / "docs" / "activities").rglob("*.md"))
    env = {**ENV, "TMPDIR": tmpdir} if tmpdir else ENV
    if src:
        env = {**env, "PYTHONPATH": os.pathsep.join(p for p in (src, env.get("PYTHONPATH")) if p)}
    incremental = Server(root, env)
    full = Server(copy, {**env, "WENMING_INCREMENTAL": "0"})
    times: dict[str, list] = {"incremental": [], "full": []}
    cpu: dict[str, list] = {"incremental": [], "full": []}
    notice: dict[str, list] = {"incremental": [], "full": []}
    try:
        for i in range(rounds + 1):  # the first round warms both up (jieba, caches)
            page = pages[(i * 7919) % len(pages)]
            other = copy / page.relative_to(root)
            for name, server, path in (("incremental", incremental, page), ("full", full, other)):
                before = server.cpu()
                seconds = server.edit_to_reload(path, f"修改{i}", served=True)
                after = server.cpu()
                if i:
                    times[name].append(seconds)
                    if server.notice is not None:
                        notice[name].append(server.notice)
                    if before is not None and after is not None:
                        cpu[name].append(after - before)
                time.sleep(2)  # an editor saves every few seconds at most; lets the disk settle
    finally:
        incremental.stop()
        full.stop()
        shutil.rmtree(copy, ignore_errors=True)
    rebuilds = {
        name: server.rebuilds / server.saves if server.saves else None
        for name, server in (("incremental", incremental), ("full", full))
    }
    inc, ful = statistics.median(times["incremental"]), statistics.median(times["full"])
    cpu_inc = statistics.median(cpu["incremental"]) if cpu["incremental"] else None
    cpu_full = statistics.median(cpu["full"]) if cpu["full"] else None
    return {
        "activities": len(pages),
        "rounds": rounds,
        "incremental_s": inc,
        "full_s": ful,
        "ratio": inc / ful,
        "tmpdir": tmpdir or tempfile.gettempdir(),
        "samples": times,
        # CPU seconds the server used from the save until the page was served (its file
        # watcher's polling included): what the rebuild costs, whatever else loads the machine.
        "cpu_incremental_s": cpu_inc,
        "cpu_full_s": cpu_full,
        "cpu_ratio": cpu_inc / cpu_full if cpu_inc is not None and cpu_full else None,
        "cpu_samples": cpu,
        "load_start": load_start,
        "load": os.getloadavg()[0],
        "src": src,
        # Rebuilds per save over the whole session (warm-up included): 1.0 when no save rebuilt twice.
        "rebuilds_per_save": rebuilds,
        # Seconds from the save until serve logged "Detected file changes" (its file watcher).
        "notice_s": {k: statistics.median(v) if v else None for k, v in notice.items()},
        "notice_samples": notice,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description="mkdocs serve edit-to-reload benchmark (ratio)")
    parser.add_argument("--activities", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--tmpdir", help="where serve builds the site (TMPDIR), e.g. /dev/shm")
    parser.add_argument("--src", help="another checkout's src/ folder to serve with (a baseline)")
    parser.add_argument("--no-report", action="store_true", help="print JSON, write nothing to bench/results/")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-serve-"))
    try:
        r = measure(generate(work / "site", args.activities), args.rounds, args.tmpdir, args.src)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(
        f"N={r['activities']}, site in {r['tmpdir']}: edit to page served, incremental {r['incremental_s']:.2f}s, "
        f"full {r['full_s']:.2f}s, ratio {r['ratio']:.3f} (target ≤ 0.20); load {r['load_start']:.1f}→{r['load']:.1f}"
    )
    if r["cpu_ratio"] is not None:
        print(
            f"CPU of the serving process: incremental {r['cpu_incremental_s']:.2f}s, "
            f"full {r['cpu_full_s']:.2f}s, ratio {r['cpu_ratio']:.3f}"
        )
    per = r["rebuilds_per_save"]
    print(f"rebuilds per save: incremental {per['incremental']}, full {per['full']}")
    print(f"save noticed after (median): {r['notice_s']}")
    if args.no_report:
        print(json.dumps(r, ensure_ascii=False))
    else:
        write_report(r)


def write_report(r: dict) -> None:
    lines = [
        "# 预览：改一篇活动到页面送达（bench/serve.py）",
        "",
        f"合成单位 {r['activities']} 项活动，两个 `mkdocs serve` 同时运行，{r['rounds']} 轮交替修改一篇活动的标题、"
        f"取中位数，{os.cpu_count()} 核；平均负载开始时 {r.get('load_start', r['load']):.1f}、结束时 {r['load']:.1f}。计时从保存文件开始，到服务器完成重建"
        "（浏览器此时被通知刷新）并送出带有这次修改的页面为止。预览的网站文件夹在 "
        f"`{r['tmpdir']}`（磁盘上）。",
        "",
        "| 情况 | 中位数 | 各轮 |",
        "|---|---|---|",
        f"| 增量预览（只重新生成、只写入变化的文件） | {r['incremental_s']:.2f} s | "
        + "、".join(f"{x:.2f}" for x in r["samples"]["incremental"])
        + " |",
        f"| 每次全量重建（`WENMING_INCREMENTAL=0`） | {r['full_s']:.2f} s | "
        + "、".join(f"{x:.2f}" for x in r["samples"]["full"])
        + " |",
        f"| 比值（目标 ≤ 0.20×） | {r['ratio']:.2f}× | |",
        "",
    ]
    if r.get("cpu_ratio") is not None:
        lines += [
            "机器同时还运行着别的任务时，墙钟时间随负载起伏；下表是同样各轮中服务器进程自己用掉的 CPU 时间"
            "（从保存文件到送出页面，含文件监视的轮询），受别的任务影响小得多（但仍有：机器很忙时同样的工作也多用一些 CPU 时间）：",
            "",
            "| 情况 | CPU 时间中位数 | 各轮 |",
            "|---|---|---|",
            f"| 增量预览 | {r['cpu_incremental_s']:.2f} s | "
            + "、".join(f"{x:.2f}" for x in r["cpu_samples"]["incremental"])
            + " |",
            f"| 每次全量重建 | {r['cpu_full_s']:.2f} s | "
            + "、".join(f"{x:.2f}" for x in r["cpu_samples"]["full"])
            + " |",
            f"| 比值 | {r['cpu_ratio']:.2f}× | |",
            "",
        ]
    out = HERE / "results"
    out.mkdir(exist_ok=True)
    (out / "serve.md").write_text("\n".join(lines), encoding="utf-8")
    (out / "serve.json").write_text(json.dumps(r, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
