"""Fixture sites: a minimal valid unit that each test spoils in one way."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from wenmingsite.outputs.api import read_activities

try:
    import fcntl
except ImportError:  # pragma: no cover - not POSIX: each xdist worker builds its own
    fcntl = None

REPO = Path(__file__).resolve().parents[1]
TODAY = dt.date(2026, 11, 27)
# The bound of every wait in the suite (builds, servers, browsers): reached only by a hang,
# never by a slow or loaded machine. Speed is measured in bench/, never asserted here.
HANG_SECONDS = 600

MKDOCS_YML = """\
site_name: 测试单位
docs_dir: docs
theme:
  name: material
  language: zh
  font: false
plugins:
  - search
  - wenming
markdown_extensions:
  - toc:
      slugify: !!python/object/apply:pymdownx.slugs.slugify
        kwds:
          case: lower
validation:
  omitted_files: info
nav:
  - 首页: index.md
  - 创建汇报: report/
"""

UNIT_YML = """\
name: 测试市测试中心
short_name: 测试中心
kind: 事业单位
title_sought: 市级文明单位
term: 第一届
term_start: 2024-01-01
term_end: 2026-12-31
headcount: 30
introduction: 这是一个用于测试的单位。
departments: [办公室, 工会]
"""

BASE_FILES = {
    "mkdocs.yml": MKDOCS_YML,
    "data/unit.yml": UNIT_YML,
    "data/criteria.yml": """\
        - id: volunteer-service
          name: 学雷锋志愿服务
        - id: culture-sports
          name: 文化体育活动
        """,
    "data/categories.yml": """\
        - name: 志愿服务
          slug: volunteer
          criteria: [volunteer-service]
        - name: 文体活动
          slug: culture-sports
        """,
    "docs/index.md": """\
        ---
        title: 首页
        ---

        欢迎。
        """,
    "docs/report/01-first.md": """\
        ---
        title: 一、组织领导
        order: 1
        ---

        # 一、组织领导

        正文。
        """,
    "docs/activities/2024-03-05-plant.md": """\
        ---
        title: 植树节义务植树
        date: 2024-03-05
        category: 志愿服务
        department: 办公室
        participants: 20
        ---

        正文。
        """,
}


def write(root: Path, rel: str, text: str | bytes) -> Path:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


@pytest.fixture
def site(tmp_path):
    """A factory: ``site({"path": text_or_None_to_delete, ...})`` returns the root."""

    def make(overrides: dict | None = None) -> Path:
        root = tmp_path / "unit"
        for rel, text in {**BASE_FILES, **(overrides or {})}.items():
            if text is None:
                continue
            write(root, rel, text)
        return root

    return make


def run_mkdocs(root: Path, *args: str, timeout: float = HANG_SECONDS) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "WENMING_TODAY": TODAY.isoformat()}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", *args],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def build(root: Path, *extra: str) -> subprocess.CompletedProcess:
    return run_mkdocs(root, "build", "--strict", *extra)


class DemoBuild:
    """The bundled demo, built once per test session with `mkdocs build --strict`."""

    def __init__(self, site: Path, log: str, root: Path | None = None):
        self.site = site
        self.log = log
        self.root = root  # the demo copy it was built from

    def api(self, name: str) -> dict:
        return json.loads((self.site / "api" / name).read_text(encoding="utf-8"))

    def activities(self) -> list[dict]:
        """Every record of api/activities.json, its monthly parts put together."""
        return read_activities(self.site)


def shared_once(tmp_path_factory, name: str, make) -> Path:
    """``make(folder)`` run once per test session, also when pytest-xdist runs the suite in
    several worker processes: the first worker to ask makes ``folder`` while the others
    wait for it (a lock beside it), then all read it. Returns the folder."""
    base = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        base = base.parent  # the session's temporary folder, shared by its workers
    folder, done = base / name, base / f"{name}.done"
    if fcntl is None or not os.environ.get("PYTEST_XDIST_WORKER"):
        if not done.exists():
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir(parents=True)
            make(folder)
            done.touch()
        return folder
    with open(base / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes (or the worker dies)
        if not done.exists():
            shutil.rmtree(folder, ignore_errors=True)  # what a failed attempt left
            folder.mkdir(parents=True)
            make(folder)
            done.touch()
    return folder


def copy_cache(dest_root: Path, source_root: Path = REPO) -> None:
    """Seed ``dest_root/.cache`` with the finished files of ``source_root/.cache`` (photo
    outputs are found again by content; nothing is written into ``source_root``). A file
    another build replaces meanwhile is simply left out: the build then makes it."""
    src = source_root / ".cache"
    if not src.is_dir():
        return

    def copy(a, b):
        try:
            return shutil.copy2(a, b)
        except OSError:
            return b

    shutil.copytree(
        src, dest_root / ".cache", ignore=shutil.ignore_patterns(".*.tmp"), copy_function=copy, dirs_exist_ok=True
    )


@pytest.fixture(scope="session")
def demo_root(demo_build) -> Path:
    """The copy of the bundled demo that ``demo_build`` built (its .cache is warm). Shared by
    the whole session (and by every xdist worker): read it, build it elsewhere with
    ``--site-dir``, never change its files; copy it with ``copy_demo`` to change it."""
    return demo_build.root


@pytest.fixture(scope="session")
def demo_build(tmp_path_factory) -> DemoBuild:
    def make(folder: Path) -> None:
        # Built from a copy, never in the repository itself: the repository's .cache (if
        # any) seeds the copy's, so the build is as warm as an editor's.
        root = copy_demo(folder, cache_from=REPO)
        result = run_mkdocs(root, "build", "--strict", "--site-dir", str(folder / "site"))
        assert result.returncode == 0, result.stderr
        (folder / "build.log").write_text(result.stderr, encoding="utf-8")

    folder = shared_once(tmp_path_factory, "demo-build", make)
    return DemoBuild(folder / "site", (folder / "build.log").read_text(encoding="utf-8"), folder / "demo")


def copy_demo(dest: Path, cache_from: Path | None = None) -> Path:
    """The bundled demo unit, copied so that a test may change it. ``cache_from`` (a demo
    root, e.g. the ``demo_root`` fixture) seeds its .cache: its photos then need no work,
    the build is otherwise the same. Without it the copy's first build is cold."""
    root = dest / "demo"
    shutil.copytree(
        REPO,
        root,
        ignore=shutil.ignore_patterns(
            ".git",
            "site",
            ".site.*",
            ".cache",
            "tests",
            "__pycache__",
            "*.egg-info",
            ".venv*",
            "reports",
            ".pytest_cache",
        ),
    )
    if cache_from is not None:
        copy_cache(root, cache_from)
    return root


def metadata_blocks(data: bytes) -> list:
    """APPn segments other than JFIF in a JPEG, or EXIF/XMP/ICCP chunks in a WebP."""
    found = []
    if data[:2] == b"\xff\xd8":
        i = 2
        while i < len(data) and data[i] == 0xFF and data[i + 1] != 0xDA:  # up to start of scan
            marker, length = data[i + 1], int.from_bytes(data[i + 2 : i + 4], "big")
            if 0xE1 <= marker <= 0xEF or marker == 0xFE:  # APP1..APP15 (EXIF, XMP, ICC...), COM
                found.append(hex(marker))
            i += 2 + length
    elif data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        i = 12
        while i + 8 <= len(data):
            tag, size = data[i : i + 4], int.from_bytes(data[i + 4 : i + 8], "little")
            if tag in (b"EXIF", b"XMP ", b"ICCP"):
                found.append(tag)
            i += 8 + size + (size & 1)
    return found


def blank_pdf() -> bytes:
    """A real one-page PDF (documents are read for personal numbers; fake bytes are refused)."""
    import io

    from pypdf import PdfWriter

    writer, out = PdfWriter(), io.BytesIO()
    writer.add_blank_page(width=595, height=842)
    writer.write(out)
    return out.getvalue()


def small_docx(text: str = "创建工作汇报") -> bytes:
    import io

    import docx

    document, out = docx.Document(), io.BytesIO()
    document.add_paragraph(text)
    document.save(out)
    return out.getvalue()


def search_text(site: Path) -> str:
    """Everything the site search holds, as the visitor's browser puts it together (every
    part, words joined again: segmentation puts zero-width spaces between them)."""
    from wenmingsite.outputs import search_index

    return json.dumps(search_index.read(site), ensure_ascii=False, separators=(",", ":")).replace("\u200b", "")
