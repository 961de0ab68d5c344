"""The engine as a real package: a wheel built from this repository, installed (not editable)
into a fresh venv by the pip that the machine's python3 ships, makes and builds a unit; the
unit's own files then install the same tool on another machine.

Slow (two fresh venvs with the build lock, about a minute each on a warm pip cache; the second then
adds the pack lock).
"""

from __future__ import annotations

import functools
import hashlib
import http.server
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from conftest import HANG_SECONDS, REPO, TODAY

pytestmark = pytest.mark.slow

ANSWERS = ["--name", "江北区人民医院", "--short-name", "江北医院", "--title-sought", "区级文明单位"]
ANSWERS += ["--term-start", "2025-01-01", "--term-end", "2027-12-31"]


def run(args, cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    result = subprocess.run(
        [str(a) for a in args],
        cwd=cwd,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "WENMING_TODAY": TODAY.isoformat(), **(env or {})},
        capture_output=True,
        text=True,
        timeout=HANG_SECONDS,
    )
    assert result.returncode == 0, f"{args}\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    return result


def fresh_venv(path: Path) -> Path:
    """A venv of the machine's own python3 with the pip it ships (never upgraded)."""
    run(["python3", "-m", "venv", path], cwd=path.parent)
    return path / "bin"


@pytest.fixture(scope="module")
def wheel_server(tmp_path_factory):
    dist = tmp_path_factory.mktemp("dist")
    # Built from a copy of what the wheel is made of: setuptools leaves build/ beside its source.
    source = tmp_path_factory.mktemp("source")
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(REPO / name, source / name)
    shutil.copytree(REPO / "src", source / "src", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-w", dist, source], cwd=dist)
    (wheel,) = dist.glob("wenming_site-*.whl")
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(dist))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield wheel, f"http://127.0.0.1:{server.server_address[1]}/{wheel.name}"
    server.shutdown()


def test_wheel_carries_what_the_engine_needs(wheel_server):
    import zipfile

    wheel, _ = wheel_server
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in (
        "wenmingsite/plugin.py",
        "wenmingsite/theme/main.html",
        "wenmingsite/theme/sitemap.xml",
        "wenmingsite/theme/partials/header.html",
        "wenmingsite/templates/pack/report.html",
        "wenmingsite/assets/css/00-base.css",
        "wenmingsite/scaffold/mkdocs.yml.tmpl",
        "wenmingsite/scaffold/shared/criteria.yml",
        "wenmingsite/scaffold/shared/lock-build.txt",
        "wenmingsite/scaffold/shared/pages.yml",
        "wenmingsite/scaffold/shipped.json",
        "wenmingsite/search_words.txt",
    ):
        assert needed in names, needed
    entry_points = next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
    text = zipfile.ZipFile(wheel).read(entry_points).decode()
    assert "[mkdocs.plugins]\nwenming = wenmingsite.plugin:WenmingPlugin" in text


def test_unit_made_from_the_wheel_installs_again_from_its_own_files(tmp_path, wheel_server):
    wheel, url = wheel_server
    digest = hashlib.sha256(wheel.read_bytes()).hexdigest()
    lock = REPO / "requirements" / "lock-build.txt"

    # Machine A: the tool from its release address (a wheel, not this checkout).
    (tmp_path / "a").mkdir()
    a = fresh_venv(tmp_path / "a" / "venv")
    assert run([a / "pip", "--version"], cwd=tmp_path).stdout.startswith(
        run(["python3", "-m", "pip", "--version"], cwd=tmp_path).stdout.split(" from ")[0]
    )
    run([a / "pip", "install", "-q", "--no-deps", "--require-hashes", "-r", lock], cwd=tmp_path)
    run([a / "pip", "install", "-q", "--no-deps", f"{url}#sha256={digest}"], cwd=tmp_path)
    unit = tmp_path / "unit"
    made = run([a / "wenming", "init", unit, *ANSWERS], cwd=tmp_path)
    assert "本地文件" not in made.stdout
    requirements = (unit / "requirements.txt").read_text(encoding="utf-8")
    assert f"wenming-site @ {url} --hash=sha256:{digest}\n" in requirements
    engine = [p for p in unit.rglob("*") if p.suffix in (".py", ".html", ".css", ".js")]
    assert engine == []
    run([a / "mkdocs", "build", "--strict"], cwd=unit)
    assert (unit / "site" / "evidence" / "index.html").is_file()

    # Machine B: only the unit's own files, as its README says.
    (tmp_path / "b").mkdir()
    b = fresh_venv(tmp_path / "b" / "venv")
    run([b / "pip", "install", "-q", "--no-deps", "--require-hashes", "-r", "requirements/lock-build.txt"], cwd=unit)
    run([b / "pip", "install", "-q", "--no-deps", "--no-build-isolation", "-r", "requirements.txt"], cwd=unit)
    run([b / "pip", "check"], cwd=unit)
    shown = run([b / "pip", "show", "-f", "wenming-site"], cwd=unit).stdout
    assert "Editable project location" not in shown
    run([b / "mkdocs", "build", "--strict", "-d", tmp_path / "site-b"], cwd=unit)
    assert (tmp_path / "site-b" / "index.html").read_bytes() == (unit / "site" / "index.html").read_bytes()

    # The pack is an extra (issue 29): machine B, as set up above, is told the one command
    # that installs it, and that command (with the pip the machine ships) makes `print` work.
    told = subprocess.run(
        [b / "wenming", "print", "--site-url", "https://wenming.example.cn/", "-o", tmp_path / "汇报.pdf"],
        cwd=unit,
        capture_output=True,
        text=True,
        timeout=HANG_SECONDS,
    )
    command = "pip install --no-deps --require-hashes -r requirements/lock-pack.txt"
    assert (told.returncode, told.stderr) == (1, f"错误：生成汇报材料需要安装 pack 组件：{command}\n")
    run([b / "pip", *command.split()[1:]], cwd=unit)
    run([b / "pip", "check"], cwd=unit)
    run([b / "wenming", "print", "--site-url", "https://wenming.example.cn/", "-o", tmp_path / "汇报.pdf"], cwd=unit)
    assert (tmp_path / "汇报.pdf").read_bytes().startswith(b"%PDF-")
