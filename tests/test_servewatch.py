"""`mkdocs serve` sees a saved edit from the system's change notices, not at MkDocs' next
poll; the poll still finds what the system does not report; each edit rebuilds once; Ctrl+C
stops every watcher thread (outputs.servewatch)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import HANG_SECONDS, TODAY, write
from test_serve import fetch, free_port, wait_for

HERE = Path(__file__).parent
RELOADED = "Reloading browsers"

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="inotify's limits are simulated")


class Serve:
    """serve_watch.py: `mkdocs serve` with the polling interval and inotify's refusals set."""

    def __init__(self, root: Path, log: Path, *options: str, serve_args: tuple[str, ...] = ()):
        self.log = log
        for _ in range(10):  # a port found free may be taken before serve binds it
            port = free_port()
            self.url = f"http://127.0.0.1:{port}/"
            env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "WENMING_TODAY": TODAY.isoformat()}
            with open(log, "wb") as out:
                self.proc = subprocess.Popen(
                    [
                        sys.executable,
                        str(HERE / "serve_watch.py"),
                        *options,
                        "--",
                        "-a",
                        f"127.0.0.1:{port}",
                        *serve_args,
                    ],
                    cwd=root,
                    env=env,
                    stdout=out,
                    stderr=subprocess.STDOUT,
                )
            deadline = time.monotonic() + HANG_SECONDS
            while self.proc.poll() is None and time.monotonic() < deadline:
                if f"Serving on {self.url}" in self.text():
                    return
                time.sleep(0.2)
            if self.proc.poll() is None or "Address already in use" not in self.text():
                self.stop()
                raise AssertionError(f"serve never started:\n{self.text()[-3000:]}")
        raise AssertionError("no free port after 10 tries")

    def text(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def rebuilds(self) -> int:
        return self.text().count(RELOADED)

    def settle(self, polls: int = 4, interval: float = 0.7) -> None:
        """Long enough for the poller to have looked many times since the last edit."""
        time.sleep(polls * interval + 0.5)

    def stop(self) -> int:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)  # Ctrl+C
            try:
                self.proc.wait(timeout=HANG_SECONDS)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
                raise AssertionError(f"serve did not stop after Ctrl+C:\n{self.text()[-3000:]}") from None
        return self.proc.returncode


@pytest.fixture
def serve(tmp_path):
    started: list[Serve] = []

    def start(root: Path, *options: str, serve_args: tuple[str, ...] = ()) -> Serve:
        started.append(Serve(root, tmp_path / f"serve-{len(started)}.log", *options, serve_args=serve_args))
        return started[-1]

    yield start
    for s in started:
        if s.proc.poll() is None:
            s.proc.kill()
            s.proc.wait()


def edit_title(root: Path, title: str) -> None:
    page = root / "docs/activities/2024-03-05-plant.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace(text.split("title: ")[1].split("\n")[0], title, 1), encoding="utf-8")


def test_an_edit_is_served_without_waiting_for_a_poll(site, serve):
    """MkDocs' poll set to an hour: the edit still reaches the page, and so does a change in a
    folder `mkdocs serve -w` adds (config.watch, watched after the plugin's on_serve)."""
    root = site()
    write(root, "notes/plan.txt", "计划\n")
    s = serve(root, "--poll", "3600", serve_args=("-w", "notes"))
    page = s.url + "activities/2024-03-05-plant/"
    wait_for(page, "植树节义务植树")

    edit_title(root, "植树节义务植树（已改）")
    wait_for(page, "植树节义务植树（已改）")
    write(
        root,
        "data/unit.yml",
        (root / "data/unit.yml").read_text(encoding="utf-8").replace("测试市测试中心", "测试市新中心"),
    )
    wait_for(s.url, "测试市新中心")

    before = s.rebuilds()
    write(root, "notes/plan.txt", "计划（改）\n")
    deadline = time.monotonic() + HANG_SECONDS
    while s.rebuilds() == before and time.monotonic() < deadline:
        time.sleep(0.2)
    assert s.rebuilds() == before + 1, "a change in a folder given by -w did not rebuild"

    assert s.stop() == 0
    assert "watcher threads left: none" in s.text()


def test_each_edit_rebuilds_once_when_both_watchers_see_it(site, serve):
    """The poller sees each edit too, mostly once the rebuild the system's notice started is
    under way (every 0.7 s here; 0.5 s in MkDocs): still one rebuild, one reload."""
    root = site()
    s = serve(root, "--poll", "0.7")
    page = s.url + "activities/2024-03-05-plant/"
    wait_for(page, "植树节义务植树")
    s.settle()
    start = s.rebuilds()
    for n in range(1, 4):
        edit_title(root, f"植树节义务植树（第{n}次修改）")
        wait_for(page, f"植树节义务植树（第{n}次修改）")
        s.settle()
        assert s.rebuilds() == start + n, f"edit {n}: {s.rebuilds() - start} rebuilds\n{s.text()[-2000:]}"
    write(
        root,
        "docs/activities/2024-06-01-new.md",
        "---\ntitle: 新增的端午志愿服务\ndate: 2024-06-01\ncategory: 志愿服务\n---\n正文\n",
    )
    wait_for(s.url + "timeline/", "新增的端午志愿服务")
    s.settle()
    assert s.rebuilds() == start + 4
    assert s.stop() == 0
    assert "watcher threads left: none" in s.text()


def test_without_the_systems_notices_serve_polls_as_before(site, serve):
    """inotify's watch limit reached at once: serve polls, says so in a debug line only."""
    root = site()
    s = serve(root, "--poll", "0.2", "--refuse-watch", "/", serve_args=("-v",))
    page = s.url + "activities/2024-03-05-plant/"
    wait_for(page, "植树节义务植树")
    assert "serve: no change notices from the system (OSError(28, 'inotify watch limit reached'))" in s.text()
    s.settle(interval=0.2)
    start = s.rebuilds()
    edit_title(root, "植树节义务植树（轮询发现）")
    wait_for(page, "植树节义务植树（轮询发现）")
    s.settle(interval=0.2)
    assert s.rebuilds() == start + 1
    assert s.stop() == 0
    assert "watcher threads left: none" in s.text()


def test_a_folder_the_system_cannot_watch_is_still_polled(site, serve):
    """The limit reached at docs/activities/ only (watchdog then watches the rest): an edit
    there is found by the poll, one elsewhere by the system's notice, each rebuilt once."""
    root = site()
    s = serve(root, "--poll", "0.2", "--refuse-watch", "/activities")
    page = s.url + "activities/2024-03-05-plant/"
    wait_for(page, "植树节义务植树")
    s.settle(interval=0.2)
    start = s.rebuilds()
    edit_title(root, "植树节义务植树（轮询发现）")
    wait_for(page, "植树节义务植树（轮询发现）")
    s.settle(interval=0.2)
    write(
        root,
        "data/unit.yml",
        (root / "data/unit.yml").read_text(encoding="utf-8").replace("测试市测试中心", "测试市新中心"),
    )
    wait_for(s.url, "测试市新中心")
    s.settle(interval=0.2)
    assert s.rebuilds() == start + 2
    assert "测试市新中心" in fetch(page)
    assert s.stop() == 0
    assert "watcher threads left: none" in s.text()
