"""The site folder: a build writes a new folder beside it and switches it into place only
when everything succeeded, so a fault never leaves a half-written ``site/``.

MkDocs empties ``site/`` and writes into it file by file: a full disk, a read-only folder or
a ``kill -9`` during the write phase leave a site with some pages, no search index, no
photos. Instead the build writes into ``.site.tmp-<pid>-<random>`` next to ``site/`` (same
file system, so switching is two renames): the old folder becomes ``.site.old-…``, the new
one becomes ``site/``, the old one is removed. What an interrupted build leaves (its
``.tmp-`` folder, or an ``.old-`` one when it was stopped between the two renames) is
cleared by the next build, which first puts a missing ``site/`` back from its ``.old-``.
Entries of ``site/`` whose names start with a dot (a ``.git`` of a deployment checkout)
move into the new folder, as MkDocs' own cleaning never removes them.

Nothing here imports MkDocs; the plugin calls :meth:`Beside.start` from ``on_config``,
:meth:`Beside.switch` last in ``on_post_build`` and :meth:`Beside.discard` on a failed build.
"""

from __future__ import annotations

import errno
import os
import posixpath
import queue
import re
import secrets
import shutil
import stat
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterable
from pathlib import Path

NEW = "tmp"
OLD = "old"


def _leftover(name: str) -> re.Pattern:
    return re.compile(rf"^\.{re.escape(name)}\.({NEW}|{OLD})-(\d+)-[0-9a-f]+$")


def _alive(pid: int) -> bool:
    """Whether the build that made a leftover may still be running (same machine)."""
    if pid == os.getpid():
        return False  # an earlier build of this process (serve never writes beside)
    if sys.platform == "win32":
        return False  # no cheap check; two builds into one folder at once are not supported
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class WriteFailure(Exception):
    """A folder could not be written: ``str()`` is the Chinese line for the editor."""


class Beside:
    """One build's new folder beside ``target`` (the real site folder)."""

    def __init__(self, target: str | os.PathLike, shown: str | None = None):
        # A site folder that is a link (to a web server's folder) is replaced where it points.
        self.target = Path(os.path.realpath(target))
        self.shown = shown or str(target)  # how messages name the site folder
        self.new: Path | None = None

    # --- before the build ------------------------------------------------------------------

    def start(self) -> Path:
        """Clear what interrupted builds left, make the new folder and return it."""
        parent = self.target.parent
        try:
            parent.mkdir(parents=True, exist_ok=True)
            self.clear_leftovers()
            while True:
                new = parent / f".{self.target.name}.{NEW}-{os.getpid()}-{secrets.token_hex(4)}"
                try:
                    new.mkdir()  # with the usual permissions (a web server reads site/)
                    break
                except FileExistsError:
                    continue
        except OSError as exc:
            failed = Path(str(exc.filename)) if exc.filename else parent
            if failed.parent == parent and failed.name.startswith(f".{self.target.name}."):
                failed = parent  # the new folder's own name means nothing to an editor
            raise WriteFailure(
                f"{_shown(failed, parent)}: 无法在“{self.shown}”旁边新建生成网站用的文件夹（{reason(exc)}）。"
                f"网站先生成在这个新文件夹里，全部成功后才替换 {self.shown}，所以需要对它所在的文件夹有写入权限。"
                f"{fix(exc, parent)}上一次生成的网站保持不变"
            ) from None
        self.new = new
        return new

    def clear_leftovers(self) -> None:
        """Put a missing site folder back from an interrupted switch; remove the folders of
        builds that are no longer running."""
        parent = self.target.parent
        pattern = _leftover(self.target.name)
        found = []
        for entry in os.scandir(parent):
            m = pattern.match(entry.name)
            if m and entry.is_dir(follow_symlinks=False) and not _alive(int(m.group(2))):
                found.append((m.group(1), Path(entry.path)))
        if not self.target.exists():
            olds = sorted((p for kind, p in found if kind == OLD), key=lambda p: p.stat().st_mtime)
            if olds:  # stopped between the two renames: the last good site is the old one
                os.rename(olds[-1], self.target)
                found = [(k, p) for k, p in found if p != olds[-1]]
        for _, path in found:
            _remove(path)

    # --- after the build -------------------------------------------------------------------

    def switch(self) -> str | None:
        """Put the new folder in place of the site folder. Returns a Chinese notice when
        the old folder could not be removed (it is removed by the next build)."""
        assert self.new is not None, "start() first"
        new, target = self.new, self.target
        old = target.with_name(f".{target.name}.{OLD}-{os.getpid()}-{secrets.token_hex(4)}")
        moved: list[str] = []
        try:
            if target.exists() and not target.is_dir():
                raise OSError(errno.ENOTDIR, "不是文件夹", str(target))
            if target.exists():
                for entry in os.scandir(target):
                    # MkDocs never removes these (a deployment's .git, for one): they stay.
                    if entry.name.startswith(".") and not (new / entry.name).exists():
                        os.rename(entry.path, new / entry.name)
                        moved.append(entry.name)
                os.rename(target, old)
            try:
                os.rename(new, target)
            except OSError:
                if old.exists():
                    os.rename(old, target)
                raise
        except OSError as exc:
            for name in moved:  # the old site as it was
                if (new / name).exists() and target.is_dir() and not (target / name).exists():
                    os.rename(new / name, target / name)
            self.discard()
            raise WriteFailure(
                f"{_shown(exc.filename, target)}: 网站已经生成，但无法替换“{self.shown}”文件夹（{reason(exc)}）。"
                f"{fix(exc, target.parent)}上一次生成的网站保持不变"
            ) from None
        self.new = None
        if old.exists() and not _remove(old):
            return (
                f"上一次生成的网站已移到 {old.name}，但无法删除（文件只读或被其他程序占用）。"
                "下次构建会再次尝试删除；也可以手动删除这个文件夹"
            )
        return None

    def discard(self) -> None:
        """Remove the new folder of a build that failed."""
        if self.new is not None:
            _remove(self.new)
            self.new = None


def _remove(path: Path) -> bool:
    """Remove a folder tree; False when some of it could not be removed."""
    if not path.exists():
        return True
    shutil.rmtree(path, ignore_errors=True)
    return not path.exists()


def _shown(filename: object, fallback: Path) -> str:
    """A path as an editor reads it: relative to the working folder when under it."""
    path = Path(str(filename)) if filename else fallback
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return str(path)


REASONS = {
    errno.ENOSPC: "磁盘空间已满",
    errno.EDQUOT: "超出磁盘配额",
    errno.EROFS: "所在磁盘是只读的",
    errno.EACCES: "没有写入权限",
    errno.EPERM: "没有写入权限或文件被锁定",
    errno.EBUSY: "文件夹正被其他程序使用",
    errno.ENOTDIR: "路径不是文件夹",
    errno.EEXIST: "已有同名文件",
    errno.EXDEV: "不在同一个磁盘上",
}


def reason(exc: OSError) -> str:
    return REASONS.get(exc.errno or 0, exc.strerror or type(exc).__name__)


def fix(exc: OSError, folder: Path) -> str:
    """The Chinese sentence that says how to fix a write failure (ends with 。)."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return "请清理这个磁盘上的空间（例如删除不用的文件，或删除 .cache 文件夹，下次构建会重新生成），然后重新构建。"
    if exc.errno == errno.EROFS:
        return "请把网站文件夹放在可写的磁盘上，或用 -d 指定生成到别的文件夹。"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return f"请确认当前用户对 {_shown(None, folder)} 有写入权限（或用 -d 指定生成到别的文件夹），然后重新构建。"
    if exc.errno == errno.EBUSY:
        return "请关闭正在使用这个文件夹的程序（资源管理器、预览服务器、杀毒软件等）后重新构建。"
    return "请检查这个文件夹后重新构建。"


def write_failure(exc: OSError, site: str, new: Path | None, root: Path) -> str:
    """The Chinese line for an OSError anywhere in a build's writing (``site``: how the site
    folder is shown; ``new``: the folder the build was writing; ``root``: the project): it
    names the folder being written (the site folder, or which cache under .cache/)."""
    where = site
    if not exc.filename and exc.errno in (errno.ENOSPC, errno.EDQUOT):
        where = _fullest(site, new, Path(os.path.abspath(root)) / ".cache")
    elif exc.filename:
        path = Path(os.path.abspath(str(exc.filename)))
        cache = Path(os.path.abspath(root)) / ".cache"
        if path.is_relative_to(cache):
            parts = path.relative_to(cache).parts
            where = ".cache" + (f"/{parts[0]}" if len(parts) > 1 else "")
        elif new is None or not path.is_relative_to(new):
            if path.is_relative_to(os.path.abspath(root)) and exc.errno not in (errno.ENOSPC, errno.EDQUOT):
                where = _shown(path, root)
    return f"{where}: 写入失败（{reason(exc)}）。{fix(exc, root)}上一次生成的网站（{site}）保持不变"


def _fullest(site: str, new: Path | None, cache: Path) -> str:
    """Which of the site folder and .cache lies on the full disk (a write that ran out of
    space does not say which file it was)."""
    places = [(site, new), (".cache", cache)]
    found = []
    for shown, path in places:
        if path is not None and path.exists():
            found.append((os.stat(path).st_dev, shutil.disk_usage(path).free, shown))
    if len(found) == 2 and found[0][0] == found[1][0]:
        return f"{site}（和 .cache）"
    return min(found, key=lambda f: f[1])[2] if found else site


def _mkdir_program() -> str | None:
    """The system's ``mkdir`` (POSIX), by its usual absolute paths only (elsewhere, as on
    NixOS or Windows, the worker makes the folders itself)."""
    if os.name != "posix":
        return None
    return next((p for p in ("/bin/mkdir", "/usr/bin/mkdir") if os.access(p, os.X_OK)), None)


class _Folders:
    """Folders to make, parents first. The worker hands them all to the system's ``mkdir -p``
    (:meth:`spawn`): a thread of this process making a thousand folders while the main thread
    computes waits for the GIL after every one of them (6.7 s for 1,162 folders against 0.3 s
    alone, on this kind of disk); ``mkdir`` in a process of its own makes them in 0.14 s beside
    it. Where it cannot (no such program, or it failed: the usual way then names the fault),
    they are taken a few at a time by one thread or two (the worker, and the main thread once
    it waits for it). A folder whose parent the other thread has taken but not made yet is
    made with its parents; a folder the other thread made meanwhile is there already: both
    are the same folder, made once."""

    CHUNK = 16
    ARGS = 1 << 16  # bytes of paths per ``mkdir`` (far below any system's argument limit)

    def __init__(self, paths: list[str]) -> None:
        self.paths = paths
        self.next = 0
        self.lock = threading.Lock()

    def spawn(self, worker: Worker) -> bool:
        """Every folder made by ``mkdir -p``; False (nothing taken) when that did not work."""
        program = _mkdir_program()
        if program is None:
            return False
        if not self.paths:
            return True
        with self.lock:
            if self.next:
                return False
            self.next = len(self.paths)  # the main thread, waiting, takes none
        batches: list[list[str]] = [[]]
        size = 0
        for path in self.paths:
            length = len(os.fsencode(path)) + 1
            if batches[-1] and size + length >= self.ARGS:
                batches.append([])
                size = 0
            batches[-1].append(path)
            size += length
        done = True
        try:
            for batch in batches:
                if worker.cancelled or worker.error is not None:
                    return True
                run = subprocess.run(
                    [program, "-p", "--", *batch],
                    stdin=subprocess.DEVNULL,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                )
                if run.returncode != 0:
                    done = False
                    break
        except (OSError, ValueError, subprocess.SubprocessError):
            done = False
        if not done:
            with self.lock:
                self.next = 0  # made the usual way, which names the fault
        return done

    def make(self, worker: Worker) -> None:
        paths = self.paths
        while not worker.cancelled and worker.error is None:
            with self.lock:
                start = self.next
                self.next = start + self.CHUNK
            if start >= len(paths):
                return
            for path in paths[start : start + self.CHUNK]:
                try:
                    os.mkdir(path)
                except FileExistsError:
                    if not os.path.isdir(path):
                        raise
                except FileNotFoundError:  # its parent taken by the other thread, not made yet
                    os.makedirs(path, exist_ok=True)


class Worker:
    """One thread that prepares a build's new folder while MkDocs converts and renders: it
    makes the folder of every file the build writes (:meth:`folders`, from ``on_nav``, as soon
    as the files' destinations are known) and does the jobs handed to it afterwards in order
    (:meth:`hand`: a reused page of the build cache hard-linked into place). On this kind of
    disk a ``mkdir`` costs 0.2–1.4 ms of the kernel's time and a thousand-page site has over a
    thousand folders: the thread has the system's ``mkdir -p`` make them (:class:`_Folders`), and
    ``os.link`` releases the GIL, so on a second core that time leaves the build's wall time.
    MkDocs' own writes make their folders with ``makedirs(exist_ok=True)`` and so never
    conflict with these.

    :meth:`finish` (in ``on_post_build``, after the steps that touch none of its files and
    before the output scan reads the folder and it is switched in) waits for the thread, raises the first ``OSError`` it met (the
    plugin turns it into the Chinese write-failure line; the last good site stays) and returns
    the keys of the jobs that did not succeed (their pages are then written by the caller).
    :meth:`stop` (a failed build) drops what is left and waits, so that nothing writes into a
    folder that is being removed. The thread is a daemon: a build interrupted by Ctrl-C, which
    runs no MkDocs event, leaves no thread to keep the process alive."""

    _DONE = object()

    def __init__(self, folder: str | os.PathLike) -> None:
        self.folder = os.fspath(folder)
        self.jobs: queue.SimpleQueue = queue.SimpleQueue()
        self.failed: list[str] = []  # keys of handed jobs that did not succeed
        self.error: BaseException | None = None  # the first fault: nothing after it is done
        self.cancelled = False
        self.making: _Folders | None = None  # the folders being made (finish() makes the rest too)
        self.thread = threading.Thread(target=self._run, name="wenming-site-folder", daemon=True)
        self.thread.start()

    def folders(self, dests: Iterable[str]) -> None:
        """Make the folders (and the folders above them) of these files, relative to the new
        folder (``/``-separated, as MkDocs' ``dest_uri``)."""
        wanted: set[str] = set()
        for dest in dests:
            parent = posixpath.dirname(dest)
            while parent and parent not in wanted:
                wanted.add(parent)
                parent = posixpath.dirname(parent)
        # Sorted, every folder comes after the folders above it (a prefix sorts first).
        self.jobs.put((None, _Folders([os.path.join(self.folder, *d.split("/")) for d in sorted(wanted)])))

    def hand(self, key: str, job: Callable[[], bool]) -> None:
        """Run ``job`` on the thread after what was handed before; False from it: ``key`` is
        in :meth:`finish`'s list."""
        self.jobs.put((key, job))

    def _run(self) -> None:
        while (item := self.jobs.get()) is not self._DONE:
            if self.error is not None or self.cancelled:
                continue  # drained: a build that failed or stopped writes nothing more here
            key, job = item
            try:
                if key is None:
                    self.making = job
                    if not job.spawn(self):
                        job.make(self)
                elif not job():
                    self.failed.append(key)
            except BaseException as exc:  # handed to the main thread by finish()
                self.error = exc

    def _join(self) -> None:
        if self.thread.is_alive():
            self.jobs.put(self._DONE)
            self.thread.join()

    def finish(self) -> list[str]:
        """Wait for every job (the calling thread making folders beside the worker while some
        are left: a ``mkdir`` is the kernel's work, which a second core shares); the first
        fault raised here; the keys of failed jobs."""
        if (making := self.making) is not None and self.error is None:
            try:
                making.make(self)
            except BaseException as exc:
                if self.error is None:
                    self.error = exc
                self.cancelled = True
        self._join()
        if self.error is not None:
            error, self.error = self.error, None
            raise error
        return self.failed

    def stop(self) -> None:
        """A failed build: drop the jobs not yet done and wait for the one running."""
        self.cancelled = True
        self._join()


def unshare(folder: str) -> int:
    """Before a `mkdocs build --dirty`, which writes into the files already in ``folder``:
    every file there that is linked elsewhere (a page or static file a build linked from
    ``.cache/pages`` or ``.cache/static``, shared with other site folders and the cache)
    becomes a file of its own (a copy renamed over it), so that writing into it changes
    neither the cache nor another site. Returns how many files were copied."""
    copied = 0
    for dirpath, _dirs, names in os.walk(folder):
        for name in names:
            path = os.path.join(dirpath, name)
            try:
                st = os.lstat(path)
                if not stat.S_ISREG(st.st_mode) or st.st_nlink < 2:
                    continue
                tmp = os.path.join(dirpath, f".{name}.{os.getpid()}.unshare")
                shutil.copy2(path, tmp)
                os.replace(tmp, path)
                copied += 1
            except OSError as exc:
                raise WriteFailure(
                    f"{path}：无法把这个文件和构建缓存分开（{exc.strerror or exc}），"
                    "--dirty 构建会改动缓存和别的网站文件夹里的同一个文件。请检查磁盘空间和权限，或不加 --dirty 重新构建"
                ) from None
    return copied


class StaticLinks:
    """The theme's and this package's static files (scripts, styles, fonts: their sources are
    files of installed packages) put into a build's new folder as hard links to identical
    copies kept in ``.cache/static/`` (at the file's own path there), instead of copied from
    the package every build: a link is one call, a copy writes every byte anew.

    A kept copy is linked only when it holds exactly the source's bytes (both read and
    compared: a restored .cache is untrusted, and what is linked is then what MkDocs would have
    copied) and has the mode MkDocs' copy gets; else the source is copied as MkDocs does it and
    the kept copy made again. The rules the build cache's pages follow (``PageCache.place``)
    hold here too: a kept copy is never written into (a new one is renamed over it), and
    nothing writes into a linked file of the site (the theme's scripts are rewritten by
    renaming a new file into place, ``shipped._write``), so no later build can change an
    earlier site through a link. Nothing here imports MkDocs: the plugin hands each static
    file's copy to :meth:`copy` (a build writing beside site/ only)."""

    MODE = 0o644  # what a copy gets under the usual umask, and what a web server reads

    def __init__(self, folder: str | os.PathLike) -> None:
        self.folder = Path(folder)
        self.linked = self.copied = 0

    def copy(self, rel: str, source: str, dest: str, fallback: Callable[[], object]) -> None:
        """Put the static file ``rel`` (its source file ``source``) at ``dest``: linked from the
        kept copy, or ``fallback()`` (MkDocs' own copy) and the kept copy made again."""
        kept = self.folder / rel
        try:
            with open(source, "rb") as fh:
                data = fh.read()
        except OSError:
            fallback()  # MkDocs says what is wrong with the source
            return
        try:
            # lstat: a kept "copy" that is a symbolic link (a forged cache) is never linked, as
            # os.link would put the link itself into the site
            st = os.lstat(kept)
            if (
                stat.S_ISREG(st.st_mode)
                and st.st_size == len(data)
                and st.st_mode & 0o7777 == self.MODE
                and kept.read_bytes() == data
            ):
                try:
                    os.link(kept, dest)
                except FileNotFoundError:  # its folder not made yet
                    os.makedirs(os.path.dirname(dest), exist_ok=True)
                    os.link(kept, dest)
                self.linked += 1
                return
        except OSError:
            pass
        fallback()
        self.copied += 1
        try:
            kept.parent.mkdir(parents=True, exist_ok=True)
            tmp = kept.with_name(f".{kept.name}.{os.getpid()}.tmp")
            tmp.write_bytes(data)
            os.chmod(tmp, self.MODE)
            os.replace(tmp, kept)
        except OSError:
            pass  # a cache that cannot be written is only slower


# --- test-only pause ---------------------------------------------------------------------------
# TEST-ONLY (tests/test_site_switch.py kills a build in its write phase at a known point, on
# any machine speed): with WENMING_TEST_PAUSE_WRITING=N set, the build that has written N
# pages into its new folder creates the file named by WENMING_TEST_PAUSE_MARKER and sleeps
# until it is killed. Never set it outside the tests: a build with it set never finishes.
_pages_written = 0


def pause_for_test(folder: Path | None) -> None:
    global _pages_written
    after = os.environ.get("WENMING_TEST_PAUSE_WRITING")
    if not after or folder is None:
        return
    _pages_written += 1
    if _pages_written < int(after):
        return
    marker = Path(os.environ["WENMING_TEST_PAUSE_MARKER"])
    marker.with_name(f"{marker.name}.{os.getpid()}").write_text(str(folder), encoding="utf-8")
    os.replace(marker.with_name(f"{marker.name}.{os.getpid()}"), marker)
    while True:
        time.sleep(3600)


# --- the preview's folder: only what changed is written ---------------------------------------


class ServeFolder:
    """`mkdocs serve`'s output folder kept from one rebuild to the next, so that a rebuild
    writes only the files whose bytes changed (a thousand unchanged pages are neither
    deleted nor written again, and the browser's page is back sooner).

    MkDocs empties the folder before each build and writes every page. :meth:`hide` moves
    the folder aside just before that (MkDocs finds nothing to empty) and :meth:`restore`
    puts it back right after; pages then go through :meth:`write`, which leaves a file with
    the same bytes as it is; :meth:`sweep` finally removes what this build did not make
    again (a deleted page), so that the folder always holds exactly what a clean build
    writes. Nothing here imports MkDocs.

    Whether a file is unchanged is known without reading it where that is safe: a page whose
    text equals the text this folder received for it last time (:meth:`write_text`), and a
    static file copied from a source whose size and time are unchanged (:meth:`copy`), as long
    as the file in the folder still has the size and time the last build left it with (what
    the build's end did to it included: the theme's scripts rewritten, source maps removed,
    all of which gives the same result when done again)."""

    def __init__(self, folder: str | os.PathLike):
        self.folder = Path(folder)
        self.aside = self.folder.with_name(f"{self.folder.name}.wenming-kept")
        self.marker = self.folder.with_name(f"{self.folder.name}.wenming-mark")
        self.before: set[str] = set()
        self.kept: set[str] = set()
        self.since = 0
        self.written = 0
        self.texts: dict[str, tuple[str, tuple | None]] = {}  # page -> (its text, the file's state)
        self.last_texts: dict[str, tuple[str, tuple | None]] = {}
        self.copies: dict[str, tuple[tuple, tuple | None]] = {}  # static file -> (its source, the file's state)
        self.copied: dict[str, tuple] = {}  # this build's copies: static file -> its source

    def hide(self) -> None:
        self.kept = set()
        self.written = 0
        self.last_texts, self.texts = self.texts, {}
        self.copied = {}
        if self.folder.is_dir() and not self.aside.exists():
            os.rename(self.folder, self.aside)

    def restore(self) -> None:
        """Put the folder back (after MkDocs emptied nothing) and note what it holds."""
        if self.aside.is_dir():
            if self.folder.exists():
                _remove(self.folder)  # made meanwhile by someone else: the kept one wins
            os.rename(self.aside, self.folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.before = set(_files(self.folder))
        self.marker.write_bytes(b"")  # its time, by the file system's own clock
        self.since = self.marker.stat().st_mtime_ns

    def write(self, rel: str, data: bytes) -> None:
        """Write ``rel`` unless it holds ``data`` already."""
        path = self.folder / rel
        self.kept.add(rel)
        try:
            if path.stat().st_size == len(data) and path.read_bytes() == data:
                return
        except OSError:
            pass
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        self.written += 1

    def write_text(self, rel: str, text: str) -> None:
        """A page: written (UTF-8, characters it cannot encode as references) unless it holds
        ``text`` already; not even read when ``text`` is what it received last time."""
        path = self.folder / rel
        last = self.last_texts.get(rel)
        if last is not None and last[0] == text and last[1] is not None and last[1] == _state(path):
            self.kept.add(rel)
            self.texts[rel] = last
            return
        self.write(rel, text.encode("utf-8", errors="xmlcharrefreplace"))
        self.texts[rel] = (text, _state(path))

    def copy(self, rel: str, source: str | None, content: str | bytes | None) -> None:
        """A static file, as MkDocs' ``File.copy_file`` writes it: ``content`` when given,
        else a copy of ``source``. A copy is skipped while neither its source (size and time)
        nor the file the last build left (see :meth:`close`) changed."""
        if content is not None:
            # MkDocs writes text in text mode: line ends as the platform writes them.
            data = content.replace("\n", os.linesep).encode("utf-8") if isinstance(content, str) else content
            self.write(rel, data)
            return
        if source is None:
            raise ValueError(f"{rel}: neither content nor a source to copy")
        path = self.folder / rel
        self.kept.add(rel)
        st = os.stat(source)
        stamp = (os.path.abspath(source), st.st_size, st.st_mtime_ns)
        self.copied[rel] = stamp
        last = self.copies.get(rel)
        if last is not None and last[0] == stamp and last[1] == _state(path):
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        if os.path.isdir(path):  # as MkDocs' copy_file: into a folder of that name
            path = path / os.path.basename(source)
        try:
            shutil.copyfile(source, path)
        except shutil.SameFileError:
            return  # a file another plugin wrote into the folder directly
        self.written += 1

    def sweep(self, also_kept: set[str]) -> int:
        """Remove the files of the previous build that this one did not make again (not
        written since :meth:`restore`, not kept by :meth:`write`, not in ``also_kept``);
        returns how many."""
        removed = 0
        for rel in sorted(self.before - self.kept - also_kept):
            path = self.folder / rel
            try:
                if path.stat().st_mtime_ns >= self.since:
                    continue  # written by this build (a theme file, the search index…)
                path.unlink()
            except OSError:
                continue
            removed += 1
            parent = path.parent
            while parent != self.folder and not any(parent.iterdir()):
                parent.rmdir()
                parent = parent.parent
        return removed

    def close(self) -> None:
        """After a build (also a failed one): the folder back in place for the server."""
        try:
            if self.aside.is_dir() and not self.folder.exists():
                os.rename(self.aside, self.folder)
            self.marker.unlink(missing_ok=True)
        except OSError:
            pass  # the next rebuild's restore() tries again
        # What this build's copies became once it finished (rewritten, removed): skipped next
        # time while that is still so. Anything else (a failed copy) is copied again.
        self.copies = {rel: (stamp, _state(self.folder / rel)) for rel, stamp in self.copied.items()}
        self.copied = {}


def _state(path: Path) -> tuple | None:
    """A file's size and modification time (None: no such file)."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_size, st.st_mtime_ns)


def _files(folder: Path):
    top = os.path.join(folder, "")
    for dirpath, _dirs, names in os.walk(folder):
        # Below ``folder`` by construction: its path as a prefix, not os.path.relpath per file.
        prefix = os.path.join(dirpath, "")[len(top) :].replace(os.sep, "/")
        for name in names:
            yield prefix + name
