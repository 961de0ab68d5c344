"""Faults leave the last good site whole (issue 25): a build writes into a new folder beside
``site/`` and switches it into place only when everything succeeded (wenmingsite.outputs.sitefolder).

A build refused late (by the output scan, or by --strict for a warning MkDocs counts after
the last event), a full disk under ``site/`` or ``.cache/``, a read-only folder and a
``kill -9`` in the middle of writing pages: each leaves the previous ``site/`` byte for
byte, with a Chinese line and no traceback, and the next build succeeds."""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from conftest import HANG_SECONDS, MKDOCS_YML, TODAY, build, run_mkdocs, write

from wenmingsite.outputs import sitefolder

ACTIVITY = "docs/activities/2024-04-01-visit.md"


def tree(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` and its content hash (symlinks by their target)."""
    out = {}
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder).as_posix()
        if path.is_symlink():
            out[rel] = f"-> {os.readlink(path)}"
        elif path.is_file():
            out[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
    return out


def leftovers(parent: Path) -> list[str]:
    return sorted(p.name for p in parent.iterdir() if p.name.startswith((".site.", ".other.")))


def built(site) -> tuple[Path, dict[str, str]]:
    root = site()
    result = build(root)
    assert result.returncode == 0, result.stderr
    return root, tree(root / "site")


def test_a_build_refused_by_the_output_scan_leaves_the_previous_site_byte_identical(site):
    """The number is split over two lines of the page: no line of the source holds it, the
    page shows it whole. Only the scan of the written site finds it — after every page was
    written, so the refusal comes late; site/ is still the previous one."""
    root, before = built(site)
    write(
        root, ACTIVITY, "---\ntitle: 走访\ndate: 2024-04-01\ncategory: 志愿服务\n---\n\n联系人电话 138\n0013 8000。\n"
    )
    result = build(root)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert (
        "ERROR   -  wenming: docs/activities/2024-04-01-visit.md:7: 生成的网站上"
        "（site/activities/2024-04-01-visit/index.html 的网页文字、site/search/part-00.json 的数据）"
        "会显示疑似个人手机号 138****8000。公开网站上不能出现群众和职工的个人手机号，请删除，或改为单位的办公电话。"
        "这里的号码被拆开、转义、跨行或写成了中文数字，检查源文件时不易认出，但访客看到的是完整号码"
    ) in result.stderr
    assert tree(root / "site") == before
    assert leftovers(root) == []


def test_a_build_refused_for_a_warning_under_strict_keeps_the_previous_site(site):
    """MkDocs counts --strict warnings only after the last event; the switch waits for them."""
    root, before = built(site)
    write(root, "mkdocs.yml", MKDOCS_YML.replace("  omitted_files: info\n", "  omitted_files: info\n  anchors: warn\n"))
    write(root, "docs/index.md", "---\ntitle: 首页\n---\n\n欢迎，见[本节](#没有这一节)。\n")
    result = build(root)
    assert result.returncode == 1, result.stderr
    assert "没有这一节" in result.stderr and "Traceback" not in result.stderr
    assert tree(root / "site") == before
    assert leftovers(root) == []


def test_a_successful_build_replaces_the_site_and_keeps_its_dot_entries(site):
    """MkDocs' own cleaning never removes entries starting with a dot (a deployment's .git
    checkout); the switch carries them over."""
    root, _ = built(site)
    write(root, "site/.git/HEAD", "ref: refs/heads/gh-pages\n")
    write(root, ACTIVITY, "---\ntitle: 入户走访\ndate: 2024-04-01\ncategory: 志愿服务\n---\n\n正文。\n")
    result = build(root)
    assert result.returncode == 0, result.stderr
    assert (root / "site/.git/HEAD").read_text(encoding="utf-8") == "ref: refs/heads/gh-pages\n"
    assert "入户走访" in (root / "site/activities/2024-04-01-visit/index.html").read_text(encoding="utf-8")
    assert leftovers(root) == []


def test_site_dir_option_builds_elsewhere_and_leaves_site_alone(site, tmp_path):
    root, before = built(site)
    other = tmp_path / "elsewhere" / "other"
    result = build(root, "-d", str(other))
    assert result.returncode == 0, result.stderr
    assert (other / "index.html").is_file() and (other / "search/search_index.json").is_file()
    assert tree(root / "site") == before
    assert leftovers(other.parent) == [] and leftovers(root) == []


def test_wenming_build_reports_the_site_folder_it_switched_in(site):
    root, _ = built(site)
    result = subprocess.run(
        [sys.executable, "-m", "wenmingsite", "build"],
        cwd=root,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "WENMING_TODAY": TODAY.isoformat()},
        capture_output=True,
        text=True,
        timeout=HANG_SECONDS,
    )
    assert result.returncode == 0, result.stderr
    assert "网站已生成在 site 文件夹中" in result.stderr
    assert leftovers(root) == []


def test_deploy_builds_its_own_site_into_a_folder_of_its_own(site, tmp_path):
    from wenmingsite.outputs import deploy

    root = site()
    target = tmp_path / "deploy" / "site"
    target.parent.mkdir()
    deploy.build_site(root, target)
    assert (target / "index.html").is_file() and (target / "sitemap.xml").is_file()
    assert leftovers(target.parent) == []


# --- read-only folders ---------------------------------------------------------------------


def _lock(folder: Path) -> None:
    """Make ``folder`` refuse new entries, for root as well (chattr +i) or by mode."""
    if os.geteuid() == 0:
        if shutil.which("chattr") is None or subprocess.run(["chattr", "+i", str(folder)]).returncode:
            pytest.skip("running as root without chattr +i: no way to make a folder read-only")
    else:
        folder.chmod(0o555)


def _unlock(folder: Path) -> None:
    if os.geteuid() == 0:
        subprocess.run(["chattr", "-i", str(folder)], check=False)
    else:
        folder.chmod(0o755)


def test_a_read_only_parent_of_the_site_folder_gives_the_chinese_message(site, tmp_path):
    root, _ = built(site)
    locked = tmp_path / "locked"
    (locked / "site").mkdir(parents=True)
    (locked / "site" / "index.html").write_text("上一次的网站", encoding="utf-8")
    _lock(locked)
    try:
        result = build(root, "-d", str(locked / "site"))
    finally:
        _unlock(locked)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    reason = "没有写入权限或文件被锁定" if os.geteuid() == 0 else "没有写入权限"
    assert (
        f"ERROR   -  {locked}: 无法在“{locked / 'site'}”旁边新建生成网站用的文件夹（{reason}）。"
        f"网站先生成在这个新文件夹里，全部成功后才替换 {locked / 'site'}，所以需要对它所在的文件夹有写入权限。"
        f"请确认当前用户对 {locked} 有写入权限（或用 -d 指定生成到别的文件夹），然后重新构建。上一次生成的网站保持不变"
    ) in result.stderr
    assert tree(locked / "site") == {"index.html": hashlib.sha256("上一次的网站".encode()).hexdigest()}


# --- full disks ------------------------------------------------------------------------------


def _small_disk_build(root: Path, mount: Path, size: str, *args: str) -> subprocess.CompletedProcess:
    """``mkdocs build`` with a tmpfs of ``size`` mounted on ``mount`` (a private mount
    namespace: nothing outside the test sees it). Skips where namespaces are not allowed."""
    probe = subprocess.run(["unshare", "-rm", "true"], capture_output=True)
    if shutil.which("unshare") is None or probe.returncode:
        pytest.skip("no user and mount namespaces here (unshare -rm): cannot make a small disk")
    script = (
        f'mount -t tmpfs -o size={size} tmpfs "$1" && shift && '
        f'for f in "$@"; do :; done; exec "{sys.executable}" -m mkdocs build --strict "$@"'
    )
    return subprocess.run(
        ["unshare", "-rm", "sh", "-c", script, "sh", str(mount), *args],
        cwd=root,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "WENMING_TODAY": TODAY.isoformat()},
        capture_output=True,
        text=True,
        timeout=HANG_SECONDS,
    )


def test_a_full_disk_under_the_site_folder_gives_the_chinese_message(site, tmp_path):
    root, _ = built(site)
    disk = tmp_path / "disk"
    disk.mkdir()
    result = _small_disk_build(root, disk, "200k", "-d", str(disk / "site"))
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert (
        f"ERROR   -  wenming: {disk / 'site'}: 写入失败（磁盘空间已满）。请清理这个磁盘上的空间"
        "（例如删除不用的文件，或删除 .cache 文件夹，下次构建会重新生成），然后重新构建。"
        f"上一次生成的网站（{disk / 'site'}）保持不变"
    ) in result.stderr


def test_a_full_disk_under_the_cache_gives_the_chinese_message_and_keeps_the_site(site):
    root, before = built(site)
    shutil.rmtree(root / ".cache")
    (root / ".cache").mkdir()
    result = _small_disk_build(root, root / ".cache", "8k")
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert (
        "ERROR   -  wenming: .cache: 写入失败（磁盘空间已满）。请清理这个磁盘上的空间"
        "（例如删除不用的文件，或删除 .cache 文件夹，下次构建会重新生成），然后重新构建。上一次生成的网站（site）保持不变"
    ) in result.stderr
    assert tree(root / "site") == before
    assert leftovers(root) == []


# --- killed builds ---------------------------------------------------------------------------


def test_killed_while_writing_pages_leaves_the_old_site_whole_and_the_next_build_succeeds(site, tmp_path):
    """Killed (SIGKILL) at a known point of the write phase, on any machine speed: the
    build's test-only pause (sitefolder.pause_for_test) stops it when it has written three
    pages into its new folder."""
    root, before = built(site)
    write(root, ACTIVITY, "---\ntitle: 入户走访\ndate: 2024-04-01\ncategory: 志愿服务\n---\n\n正文。\n")
    marker = tmp_path / "paused"
    env = {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        "WENMING_TODAY": TODAY.isoformat(),
        "WENMING_TEST_PAUSE_WRITING": "3",
        "WENMING_TEST_PAUSE_MARKER": str(marker),
    }
    log = tmp_path / "killed-build.log"
    with open(log, "wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "build", "--strict"],
            cwd=root,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        deadline = time.monotonic() + HANG_SECONDS  # a bound for a hang only
        while not marker.exists() and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert marker.exists(), f"the build never reached its pages (exit {proc.poll()}):\n" + log.read_text(
            encoding="utf-8", errors="replace"
        )
    finally:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    half = Path(marker.read_text(encoding="utf-8"))
    assert half.parent == root and half.name.startswith(".site.tmp-")
    written = [p for p in half.rglob("*.html")]
    assert written and not (half / "search/search_index.json").exists(), "killed in the middle of writing"
    assert tree(root / "site") == before  # the old site, whole

    result = build(root)
    assert result.returncode == 0, result.stderr
    assert leftovers(root) == []  # the killed build's folder is gone
    assert "入户走访" in (root / "site/activities/2024-04-01-visit/index.html").read_text(encoding="utf-8")
    assert (root / "site/search/search_index.json").is_file()


# --- the worker thread that prepares the new folder (sitefolder.Worker) --------------------------

# `mkdocs build --strict` in a process where the folders the worker thread makes (not the main
# thread's) cannot be made: a fault a test can place on any machine.
WORKER_CANNOT_MKDIR = """
import errno, os, sys, threading
real = os.mkdir
def mkdir(path, *args, **kwargs):
    if threading.current_thread() is not threading.main_thread() and ".site.tmp-" in os.fspath(path):
        raise OSError(errno.EACCES, "Permission denied", os.fspath(path))
    return real(path, *args, **kwargs)
os.mkdir = mkdir
from wenmingsite.outputs import sitefolder
sitefolder._mkdir_program = lambda: "/bin/false"  # the system's mkdir fails too: the usual way names the fault
from mkdocs.__main__ import cli
sys.exit(cli(["build", "--strict"]))
"""


@pytest.mark.skipif(sitefolder._mkdir_program() is None, reason="no mkdir program (Windows)")
def test_the_system_mkdir_makes_every_folder_or_leaves_them_to_the_usual_way(tmp_path, monkeypatch):
    """Folders in batches small enough for any system's argument limit; one that cannot be
    made (a file in its place) hands them all back, and the usual way names the fault."""
    monkeypatch.setattr(sitefolder._Folders, "ARGS", 1000)
    paths = [str(tmp_path / "new" / f"活动{n:03}" / "照片") for n in range(40)]
    wanted = sorted({str(Path(p).parent) for p in paths} | set(paths) | {str(tmp_path / "new")})
    calls = []
    run = subprocess.run
    monkeypatch.setattr(sitefolder.subprocess, "run", lambda args, **kw: calls.append(args) or run(args, **kw))
    worker = sitefolder.Worker(tmp_path / "unused")
    folders = sitefolder._Folders(wanted)
    assert folders.spawn(worker) is True and folders.next == len(wanted)
    # Bytes, not characters: each call's paths (Chinese names are 3 bytes a character) fit.
    assert len(calls) > 1 and all(sum(len(os.fsencode(p)) + 1 for p in c[3:]) <= 1000 for c in calls)
    assert [p for c in calls for p in c[3:]] == wanted
    assert sorted([str(tmp_path / "new"), *(str(p) for p in (tmp_path / "new").rglob("*"))]) == wanted
    write(tmp_path, "blocked/活动007", "不是文件夹")
    blocked = sitefolder._Folders([str(tmp_path / "blocked" / "活动007" / "照片")])
    assert blocked.spawn(worker) is False and blocked.next == 0
    with pytest.raises(NotADirectoryError):
        blocked.make(worker)
    worker.stop()


def test_the_worker_and_the_waiting_thread_make_every_folder_once_between_them(tmp_path, monkeypatch):
    """Where there is no mkdir program: finish() makes the folders the worker has not reached
    beside it; a folder whose parent the other thread took but has not made yet is made with
    its parent."""
    monkeypatch.setattr(sitefolder, "_mkdir_program", lambda: None)
    dests = [f"activities/2024/{m:02d}/a{i}/index.html" for m in range(1, 13) for i in range(40)]
    worker = sitefolder.Worker(tmp_path / "new")
    worker.folders(dests)
    assert worker.finish() == []
    made = {p.relative_to(tmp_path / "new").as_posix() for p in (tmp_path / "new").rglob("*")}
    wanted = {d.rsplit("/", 1)[0] for d in dests} | {f"activities/2024/{m:02d}" for m in range(1, 13)}
    assert made == wanted | {"activities", "activities/2024"}
    # The other thread has taken "x/a" and not made it yet: "x/a/b" is made with its parent,
    # and "x/a" made afterwards is the same folder.
    folders = sitefolder._Folders([str(tmp_path / "x/a"), str(tmp_path / "x/a/b")])
    folders.next = 1
    idle = sitefolder.Worker(tmp_path / "unused")
    folders.make(idle)
    assert (tmp_path / "x/a/b").is_dir()
    folders.next, folders.paths = 0, folders.paths[:1]
    folders.make(idle)
    idle.stop()
    assert sorted(p.name for p in (tmp_path / "x").rglob("*")) == ["a", "b"]


def test_a_folder_the_worker_cannot_make_fails_the_build_and_keeps_the_site(site):
    root, before = built(site)
    write(root, ACTIVITY, "---\ntitle: 入户走访\ndate: 2024-04-01\ncategory: 志愿服务\n---\n\n正文。\n")
    result = subprocess.run(
        [sys.executable, "-c", WORKER_CANNOT_MKDIR],
        cwd=root,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "WENMING_TODAY": TODAY.isoformat()},
        capture_output=True,
        text=True,
        timeout=HANG_SECONDS,
    )
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert (
        "ERROR   -  wenming: site: 写入失败（没有写入权限）。请确认当前用户对 . 有写入权限（或用 -d 指定生成到别的文件夹），"
        "然后重新构建。上一次生成的网站（site）保持不变"
    ) in result.stderr
    assert tree(root / "site") == before
    assert leftovers(root) == []  # the new folder removed, after the worker stopped writing into it


def test_ctrl_c_while_writing_pages_leaves_no_thread_running_and_the_old_site_whole(site, tmp_path):
    """Ctrl-C (SIGINT) runs no MkDocs event: the build stops with the worker thread still
    waiting for work, and the process must end anyway, with nothing switched."""
    root, before = built(site)
    write(root, ACTIVITY, "---\ntitle: 入户走访\ndate: 2024-04-01\ncategory: 志愿服务\n---\n\n正文。\n")
    marker = tmp_path / "paused"
    env = {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        "WENMING_TODAY": TODAY.isoformat(),
        "WENMING_TEST_PAUSE_WRITING": "3",
        "WENMING_TEST_PAUSE_MARKER": str(marker),
    }
    log = tmp_path / "interrupted-build.log"
    with open(log, "wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "build", "--strict"],
            cwd=root,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        deadline = time.monotonic() + HANG_SECONDS  # a bound for a hang only
        while not marker.exists() and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert marker.exists(), log.read_text(encoding="utf-8", errors="replace")
        os.kill(proc.pid, signal.SIGINT)
        try:
            code = proc.wait(timeout=60)  # a thread left running would keep the process alive
        except subprocess.TimeoutExpired:
            pytest.fail("the build did not end after Ctrl-C: a thread is still running")
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    assert code != 0
    assert tree(root / "site") == before  # nothing switched
    assert [name for name in leftovers(root) if ".old-" in name] == []

    result = build(root)
    assert result.returncode == 0, result.stderr
    assert leftovers(root) == []
    assert "入户走访" in (root / "site/activities/2024-04-01-visit/index.html").read_text(encoding="utf-8")


# --- the folder switch itself (no MkDocs) ------------------------------------------------------


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_a_switch_stopped_between_its_two_renames_is_undone_by_the_next_build(tmp_path):
    """site/ was renamed away and the new folder not yet renamed in: the next build puts
    the old site back, removes the rest, and then works as always."""
    pid = _dead_pid()
    old = tmp_path / f".site.old-{pid}-0a1b2c3d"
    new = tmp_path / f".site.tmp-{pid}-0a1b2c3e"
    write(old, "index.html", "上一次的网站")
    write(new, "index.html", "被打断的构建")
    folder = sitefolder.Beside(tmp_path / "site")
    made = folder.start()
    assert (tmp_path / "site/index.html").read_text(encoding="utf-8") == "上一次的网站"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["site", made.name])
    write(made, "index.html", "新的网站")
    assert folder.switch() is None
    assert (tmp_path / "site/index.html").read_text(encoding="utf-8") == "新的网站"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_leftovers_of_a_running_build_are_left_alone(tmp_path):
    running = tmp_path / f".site.tmp-{os.getppid()}-0a1b2c3d"
    running.mkdir()
    folder = sitefolder.Beside(tmp_path / "site")
    folder.start()
    assert running.is_dir()
    folder.discard()
    assert sorted(p.name for p in tmp_path.iterdir()) == [running.name]


def test_a_site_folder_that_is_a_link_is_replaced_where_it_points(site, tmp_path):
    root, _ = built(site)
    served = tmp_path / "www" / "site"
    shutil.move(root / "site", served)
    os.symlink(served, root / "site")
    write(root, ACTIVITY, "---\ntitle: 入户走访\ndate: 2024-04-01\ncategory: 志愿服务\n---\n\n正文。\n")
    result = build(root)
    assert result.returncode == 0, result.stderr
    assert (root / "site").is_symlink() and os.readlink(root / "site") == str(served)
    assert "入户走访" in (served / "activities/2024-04-01-visit/index.html").read_text(encoding="utf-8")
    assert leftovers(served.parent) == [] and leftovers(root) == []


@pytest.mark.skipif(
    not os.path.isdir("/dev/shm") or os.stat("/dev/shm").st_dev == os.stat(os.path.expanduser("~")).st_dev,
    reason="needs a second file system (/dev/shm)",
)
def test_photos_into_a_site_on_another_file_system_twice(site, tmp_path):
    """The preview's folder is often on a tmpfs /tmp while the unit is on disk: photos cannot be
    hard-linked there and are copied, and the next build into the same folder (serve keeps it,
    as --dirty does) copies again instead of failing with 不在同一个磁盘上."""
    from io import BytesIO

    from PIL import Image

    out = BytesIO()
    Image.new("RGB", (800, 600), (30, 120, 60)).save(out, "JPEG", quality=85)
    root = site(
        {
            "docs/activities/2024-03-05-plant.md": "---\ntitle: 植树节义务植树\ndate: 2024-03-05\ncategory: 志愿服务\n"
            "photos:\n  - src: plant/a.jpg\n    caption: 职工在山坡上栽下树苗\n---\n\n正文。\n",
            "docs/activities/plant/a.jpg": out.getvalue(),
        }
    )
    target = Path(tempfile.mkdtemp(dir="/dev/shm")) / "site"
    try:
        for _ in range(2):
            result = subprocess.run(
                [sys.executable, "-m", "mkdocs", "build", "--dirty", "-d", str(target)],
                cwd=root,
                env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "WENMING_TODAY": TODAY.isoformat()},
                capture_output=True,
                text=True,
                timeout=HANG_SECONDS,
            )
            assert result.returncode == 0, result.stderr[-2000:]
        photos = list((target / "assets" / "photos").rglob("*.jpg"))
        assert photos and all(p.stat().st_size > 0 for p in photos)
    finally:
        shutil.rmtree(target.parent, ignore_errors=True)


def test_the_themes_static_files_come_from_identical_kept_copies(site, tmp_path):
    """A build writing a new folder links the theme's static files from copies kept in
    .cache/static, only while a copy holds exactly the theme's bytes: a restored copy that
    differs (same size) is not published, the theme's own file is, and the kept copy is made
    again by a new file, so the site an earlier build linked from the old copy keeps its bytes."""
    import material

    root = site()

    def build_into(name: str) -> Path:
        result = run_mkdocs(root, "build", "--strict", "--site-dir", str(tmp_path / name))
        assert result.returncode == 0, result.stderr[-2000:]
        return tmp_path / name

    build_into("first")  # copied, and kept
    second = build_into("second")
    css = next((second / "assets/stylesheets").glob("main.*.min.css"))
    rel = css.relative_to(second).as_posix()
    theirs = (Path(material.__file__).parent / "templates" / rel).read_bytes()
    kept = root / ".cache/static" / rel
    assert css.read_bytes() == theirs and os.path.samefile(css, kept)  # linked, not copied

    forged = kept.with_name("forged")
    forged.write_bytes(b"/*forged*/" + theirs[10:])
    os.chmod(forged, 0o644)
    os.replace(forged, kept)
    third = build_into("third")
    assert (third / rel).read_bytes() == theirs  # the theme's own bytes, not the kept copy's
    assert kept.read_bytes() == theirs and not os.path.samefile(third / rel, kept)
    assert css.read_bytes() == theirs  # the earlier site as it was
    assert os.path.samefile(build_into("fourth") / rel, kept)

    # A kept "copy" that is a symbolic link to the very bytes: never linked into the site
    # (os.link would put the symbolic link itself there, and what the workflow uploads or
    # rsync sends follows or drops it)
    theme_file = Path(material.__file__).parent / "templates" / rel
    kept.unlink()
    os.symlink(theme_file, kept)
    fifth = build_into("fifth")
    assert not (fifth / rel).is_symlink() and (fifth / rel).read_bytes() == theirs
    assert not [p for p in fifth.rglob("*") if p.is_symlink()]
