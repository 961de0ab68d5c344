"""The helper process that prepares a build's new site folder: its folders made, the reused pages
of the build cache hard-linked into place and read back for the output scan.

A thousand-page site has over a thousand folders and a thousand reused pages; that is some seven
thousand system calls (``mkdir``, ``link``, and ``open``/``fstat``/``read``/``close`` to read a
page back). On a thread of the build process each call gives up Python's GIL and must take it back
from the main thread, which is busy converting and rendering: the thread waits up to the GIL's
switch interval (5 ms) per call, and every hand-over costs the main thread time too (measured at
N = 1,000: the main thread reached the end of the build about 0.1 s later with the thread working
beside it than without). A process of its own shares no GIL with the build.

Run by ``sitefolder.Worker`` as ``python -I -S placer.py`` (the standard library only; this
module imports nothing else, so the build's own modules read :func:`read_back`,
:func:`content_key` and :func:`place` from here too). It reads JSON lines on standard input:
first ``{"folders": [path, ...]}`` (sorted: every folder after the folders above it), then one
``[key, source, dest, size, read_back]`` per reused page; at the end of its input it writes one
JSON object on standard output: the keys whose page could not be placed (``failed``), what it
read back (``read``: ``[path, identity, key]``) and the first fault (``error``: ``[errno,
strerror, filename]``; nothing is done after it).
"""

from __future__ import annotations

import hashlib
import json
import os
import queue
import shutil
import stat
import sys
import threading

# TEST-ONLY, never set outside the tests: a helper that meets this errno at its first folder,
# as a full disk or a folder without write permission would make it (tests/test_site_switch.py),
# and one that can neither link nor copy a page (tests/test_pagecache.py).
FAIL_ENV = "WENMING_TEST_PLACER_ERRNO"
REFUSE_ENV = "WENMING_TEST_PLACER_REFUSE"
END = b"end\n"  # the build's last line: input that ends without it is a build that is gone


def content_key(data: bytes) -> bytes:
    """The key of an output's bytes (gate.outputs_scan.CleanCache.key). SHA-256 cut to 128 bits:
    with the CPUs' SHA instructions, which OpenSSL uses (every x86 CI machine of recent years),
    43 MB of a 1,000-activity site hash in 23 ms of CPU against BLAKE2b's 33 ms; the scan hashes
    every output of every build."""
    return hashlib.sha256(data).digest()[:16]


def identity(st: os.stat_result) -> tuple[int, ...]:
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)


def read_back(path: str) -> tuple[tuple[int, ...], bytes] | None:
    """(identity, key) of the regular file at ``path`` as read now, for the output scan's
    ``read_before``: the device, inode, size, modification and change times of the very file
    read (before and after reading, unchanged between), and :func:`content_key` of its bytes;
    None when it cannot be read so (the scan then reads it)."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return None
    try:
        before = os.fstat(fd)
        if not stat.S_ISREG(before.st_mode):
            return None
        chunks = []
        while chunk := os.read(fd, max(before.st_size + 1, 1 << 16)):
            chunks.append(chunk)
        data = b"".join(chunks)
        after = os.fstat(fd)
    except OSError:
        return None
    finally:
        os.close(fd)
    found = identity(before)
    if len(data) != before.st_size or identity(after) != found:
        return None
    return found, content_key(data)


def place(source: str, dest: str, size: int | None) -> bool:
    """Put the stored page ``source`` at ``dest`` in a new output folder: a hard link (one call,
    no bytes read or written), a copy where links are impossible; False when neither works (the
    build then writes the page itself). The build cache never writes into a file it stored (a
    new one is renamed into place), so a link cannot change a site written earlier."""
    try:
        try:
            try:
                if os.environ.get(REFUSE_ENV):
                    raise OSError(18, "Invalid cross-device link")
                os.link(source, dest)
            except FileNotFoundError:  # its folder not made yet
                os.makedirs(os.path.dirname(dest), exist_ok=True)
                os.link(source, dest)
            return True  # the stored file itself, whose size the lookup checked
        except FileExistsError:
            return False  # not ours to replace
        except OSError:
            if os.environ.get(REFUSE_ENV):
                raise
            shutil.copyfile(source, dest)
        if os.stat(dest).st_size == size:
            return True
    except OSError:
        pass
    try:  # half made, or not the stored page: gone, so that the caller's write makes a new file
        os.unlink(dest)
    except OSError:
        pass
    return False


def make_folders(paths: list[str], gone: threading.Event) -> None:
    """Each folder (sorted, so that a folder's parents come first); one the build made meanwhile
    (MkDocs writes with ``makedirs(exist_ok=True)``) is the same folder. Stops when the build is
    ``gone``."""
    fail = os.environ.get(FAIL_ENV)
    for path in paths:
        if gone.is_set():
            return
        if fail:
            raise OSError(int(fail), os.strerror(int(fail)), path)
        try:
            os.mkdir(path)
        except FileExistsError:
            if not os.path.isdir(path):
                raise
        except FileNotFoundError:
            os.makedirs(path, exist_ok=True)


def main() -> int:
    lines: queue.SimpleQueue = queue.SimpleQueue()
    gone = threading.Event()  # the build ended without its last line (killed, or Ctrl-C)

    def read() -> None:  # drains the pipe at once, so that the build never waits to write to it
        for line in sys.stdin.buffer:
            if line == END:
                break
            lines.put(line)
        else:
            gone.set()
        lines.put(None)

    threading.Thread(target=read, daemon=True).start()
    failed: list[str] = []
    read_pages: list[list] = []
    error = None
    while (line := lines.get()) is not None and not gone.is_set():
        if error is not None:
            continue  # after a fault nothing more is written; the input is still read to its end
        job = json.loads(line)
        try:
            if isinstance(job, dict):
                make_folders(job["folders"], gone)
                continue
            key, source, dest, size, wanted = job
            if not place(source, dest, size):
                failed.append(key)
            elif wanted and (found := read_back(dest)) is not None:
                read_pages.append([os.path.normpath(dest), list(found[0]), found[1].hex()])
        except OSError as exc:
            error = [exc.errno, exc.strerror, exc.filename]
    if gone.is_set():
        return 1  # nobody to answer: the next build clears the folder
    sys.stdout.write(json.dumps({"failed": failed, "read": read_pages, "error": error}))
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
