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

REPO = Path(__file__).resolve().parents[1]
TODAY = dt.date(2026, 11, 27)

MKDOCS_YML = f"""\
site_name: 测试单位
docs_dir: docs
hooks:
  - {REPO / 'hooks' / 'showcase.py'}
theme:
  name: material
  language: zh
  font: false
plugins:
  - search
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


def run_mkdocs(root: Path, *args: str, timeout: int = 120) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "WENMING_TODAY": TODAY.isoformat()}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", *args],
        cwd=root, env=env, capture_output=True, text=True, timeout=timeout,
    )


def build(root: Path, *extra: str) -> subprocess.CompletedProcess:
    return run_mkdocs(root, "build", "--strict", *extra)


class DemoBuild:
    """The bundled demo, built once per test session with `mkdocs build --strict`."""

    def __init__(self, site: Path, log: str):
        self.site = site
        self.log = log

    def api(self, name: str) -> dict:
        return json.loads((self.site / "api" / name).read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def demo_build(tmp_path_factory) -> DemoBuild:
    out = tmp_path_factory.mktemp("demo") / "site"
    result = run_mkdocs(REPO, "build", "--strict", "--site-dir", str(out))
    assert result.returncode == 0, result.stderr
    return DemoBuild(out, result.stderr)


def copy_demo(dest: Path) -> Path:
    """The bundled demo unit, copied so that a test may change it."""
    root = dest / "demo"
    shutil.copytree(REPO, root, ignore=shutil.ignore_patterns(
        ".git", "site", ".cache", "tests", "__pycache__", "*.egg-info", ".venv*"))
    yml = (root / "mkdocs.yml").read_text(encoding="utf-8")
    (root / "mkdocs.yml").write_text(
        yml.replace("hooks/showcase.py", str(REPO / "hooks" / "showcase.py")), encoding="utf-8")
    return root


def metadata_blocks(data: bytes) -> list:
    """APPn segments other than JFIF in a JPEG, or EXIF/XMP/ICCP chunks in a WebP."""
    found = []
    if data[:2] == b"\xff\xd8":
        i = 2
        while i < len(data) and data[i] == 0xFF and data[i + 1] != 0xDA:  # up to start of scan
            marker, length = data[i + 1], int.from_bytes(data[i + 2:i + 4], "big")
            if 0xE1 <= marker <= 0xEF or marker == 0xFE:  # APP1..APP15 (EXIF, XMP, ICC...), COM
                found.append(hex(marker))
            i += 2 + length
    elif data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        i = 12
        while i + 8 <= len(data):
            tag, size = data[i:i + 4], int.from_bytes(data[i + 4:i + 8], "little")
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
