"""Helpers for tests that look at the built site in headless Chromium, as a visitor would."""

from __future__ import annotations

import functools
import gzip
import http.server
import io
import os
import shutil
import threading
from pathlib import Path

import pytest
from conftest import HANG_SECONDS

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PHONE = {"width": 375, "height": 740}
DESKTOP = {"width": 1280, "height": 900}


def require_browser():
    """Skip (with the reason shown) where Chromium or Playwright is missing — but never in CI."""
    missing = None
    if not Path(CHROMIUM).exists():
        missing = "没有找到 Chromium（Debian: apt-get install chromium）"
    else:
        try:
            import playwright.sync_api  # noqa: F401
        except ImportError:
            # The browser extra, which requirements/lock.txt (the quick start's test command) holds.
            missing = (
                "没有安装 playwright（browser 组件）：pip install --no-deps --require-hashes -r requirements/lock.txt"
            )
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"CI 必须运行浏览器测试：{missing}")
        pytest.skip(missing)


class Site:
    """A built site served on 127.0.0.1, like GitHub Pages would serve it."""

    def __init__(self, root: Path):
        handler = functools.partial(_QuietHandler, directory=str(root))
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves like GitHub Pages: gzip for text when the browser asks, and a 10-minute
    cache lifetime, so that weights and Lighthouse see what visitors get."""

    COMPRESS = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt")

    def log_message(self, *args):
        pass

    def handle(self):
        try:
            super().handle()
        except (BrokenPipeError, ConnectionResetError):
            pass  # the browser moved on before a response was sent (a page closed mid-load)

    def end_headers(self):
        self.send_header("Cache-Control", "max-age=600")
        super().end_headers()

    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            path = os.path.join(path, "index.html")
        if (
            not path.endswith(self.COMPRESS)
            or "gzip" not in self.headers.get("Accept-Encoding", "")
            or not os.path.isfile(path)
        ):
            return super().send_head()
        with open(path, "rb") as fh:
            body = gzip.compress(fh.read(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


@pytest.fixture(scope="module")
def browser():
    require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield instance
        instance.close()


def record_wire_sizes(page) -> dict[str, int]:
    """URL -> bytes each response costs on the wire, as GitHub Pages sends it (text
    gzip-compressed, images as they are); filled while the page loads."""
    sizes: dict[str, int] = {}

    def on_response(response):
        try:
            body = response.body()
        except Exception:
            return
        text = not response.url.endswith((".webp", ".jpg", ".png"))
        sizes[response.url] = len(gzip.compress(body, 6)) if text else len(body)

    page.on("response", on_response)
    return sizes


class Visit:
    """A page plus everything that went wrong while loading it."""

    def __init__(self, browser, viewport, javascript=True):
        self.context = browser.new_context(viewport=viewport, java_script_enabled=javascript)
        # Every wait (navigation, locator, wait_for_*) waits for its event; its bound is
        # reached only by a hang, never because the machine is loaded (Playwright's own
        # default, 30 s, is not far from a cold Chromium on a busy two-core machine).
        self.context.set_default_timeout(HANG_SECONDS * 1000)
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("requestfailed", self._failed)

    def _failed(self, request):
        # Requests cut off because the visitor moved on (navigation) are not failures.
        if request.failure != "net::ERR_ABORTED":
            self.errors.append(f"请求失败 {request.url}（{request.failure}）")

    def open(self, url: str):
        response = self.page.goto(url)
        assert response and response.ok, url
        return self.page

    def close(self):
        self.context.close()


@pytest.fixture(scope="session")
def served_demo(demo_build):
    """The demo build, served like GitHub Pages for the whole session."""
    site = Site(demo_build.site)
    yield site
    site.close()
