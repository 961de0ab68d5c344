"""`mkdocs serve` as an editor uses it: data edits rebuild, content errors don't stop it."""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest
from conftest import HANG_SECONDS, TODAY, write


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=HANG_SECONDS) as response:
        return response.read().decode("utf-8")


def wait_until(url: str, ready, what: str) -> str:
    """The page at ``url`` once ``ready(page)`` holds: polled until then (each serve rebuild
    ends with the page changed), failing only if it never does — a hang, not a slow machine."""
    deadline = time.monotonic() + HANG_SECONDS
    last = ""
    while time.monotonic() < deadline:
        try:
            last = fetch(url)
            if ready(last):
                return last
        except OSError:
            pass
        time.sleep(0.2)
    raise AssertionError(f"{what} never happened at {url} within {HANG_SECONDS} s; last page:\n{last[-2000:]}")


def wait_for(url: str, needle: str) -> str:
    return wait_until(url, lambda page: needle in page, f"{needle!r} appearing")


@pytest.fixture
def serve(site, tmp_path):
    procs = []

    def start(root):
        # A port found free may be taken by another process (another xdist worker) before
        # serve binds it: then serve stops at once, and it is started again on another.
        for _ in range(10):
            port = free_port()
            env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "WENMING_TODAY": TODAY.isoformat()}
            log = tmp_path / f"serve-{len(procs)}.log"  # a file, not a pipe nobody reads (it would fill)
            with open(log, "wb") as out:
                proc = subprocess.Popen(
                    [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
                    cwd=root,
                    env=env,
                    stdout=out,
                    stderr=subprocess.STDOUT,
                )
            procs.append(proc)
            url = f"http://127.0.0.1:{port}/"
            # Its own "Serving on" line, not an answer on the port (that could come from
            # whoever took the port): printed once the first build is done, the port bound
            # and the file watcher running.
            deadline = time.monotonic() + HANG_SECONDS
            while proc.poll() is None and time.monotonic() < deadline:
                if f"Serving on {url}" in log.read_text(encoding="utf-8", errors="replace"):
                    return url
                time.sleep(0.2)
            output = log.read_text(encoding="utf-8", errors="replace")
            if proc.poll() is None or "Address already in use" not in output:
                raise AssertionError(f"mkdocs serve never served {url} (exit {proc.poll()}):\n{output[-3000:]}")
        raise AssertionError("no free port for mkdocs serve after 10 tries")

    yield start
    for proc in procs:
        if proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(timeout=HANG_SECONDS)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def test_data_edits_rebuild_and_errors_show_instead_of_stopping(site, serve):
    root = site()
    url = serve(root)
    wait_for(url, "测试市测试中心")
    unit = (root / "data/unit.yml").read_text(encoding="utf-8")
    (root / "data/unit.yml").write_text(unit.replace("测试市测试中心", "测试市第二中心"), encoding="utf-8")
    wait_for(url, "测试市第二中心")

    write(
        root, "docs/activities/2024-06-01-bad.md", "---\ntitle：坏了\ndate: 2024-06-01\ncategory: 志愿服务\n---\n正文\n"
    )
    home = wait_for(url, "ws-problems")
    assert "docs/activities/2024-06-01-bad.md:2</code> “title”后面是全角冒号“：”" in home
    page = fetch(url + "activities/2024-06-01-bad/")
    assert "这一页的内容有 1 处问题（正式构建会失败）" in page

    (root / "docs/activities/2024-06-01-bad.md").unlink()
    home = wait_until(url, lambda page: "ws-problems" not in page, "the problems panel going away")
    assert "测试市第二中心" in home


def test_new_activity_file_appears_on_timeline_without_restart(site, serve):
    root = site()
    url = serve(root)
    wait_for(url + "timeline/", "植树节义务植树")
    write(
        root,
        "docs/activities/2024-06-01-new.md",
        "---\ntitle: 新增的端午志愿服务\ndate: 2024年6月1日\ncategory: 志愿服务\nparticipants: 12\n---\n正文\n",
    )
    page = wait_for(url + "timeline/", "新增的端午志愿服务")
    assert page.index("新增的端午志愿服务") < page.index("植树节义务植树")  # newest first
    assert re.search(r'<time class="ws-news__date" datetime="2024-06-01">.*?2024年6月1日.*?</time>', page)
    assert "新增的端午志愿服务" in fetch(url + "api/activities/2024-06.json")


def test_hostile_content_is_shown_as_problems_and_never_served(site, serve):
    """Under serve the build goes on despite problems; the gate still lets nothing through."""
    root = site()
    url = serve(root)
    wait_for(url, "测试市测试中心")
    write(
        root,
        "docs/activities/2024-06-02-x.markdown",
        "---\ntitle: <img src=x onerror=alert(1)>\ndate: 2024-06-02\ncategory: 志愿服务\n---\n正文\n",
    )
    write(
        root,
        "docs/report/01-first.md",
        "---\ntitle: 一、组织领导\norder: 1\nicon: material/no-such-icon\nsearch: yes\n---\n\n"
        "<script>alert(2)</script>\n\n正文。\n",
    )
    write(root, "data/activities/2024.yml", "activities: &a [*a]\n")
    # Serve may rebuild between two of the three writes: wait for the build that saw all three.
    shown = (
        "docs/report/01-first.md:8</code>",
        "docs/activities/2024-06-02-x.markdown</code> 这像是一个 Markdown 页面",
        "data/activities/2024.yml:1",
    )
    wait_until(url, lambda page: all(s in page for s in shown), "the problems of all three files showing")
    report = fetch(url + "report/01-first/")
    assert "这一页的内容有 3 处问题（正式构建会失败）" in report
    assert "<script>alert(2)" not in report and "onerror=alert" not in report
    with pytest.raises(urllib.error.HTTPError):
        fetch(url + "activities/2024-06-02-x/")
    index = json.loads(fetch(url + "search/search_index.json"))
    assert index["config"]["parts"] and not any("onerror=alert" in fetch(url + p) for p in index["config"]["parts"])
