"""`mkdocs serve` in this process with its file watcher's conditions set by the test.

    python serve_watch.py [--poll SECONDS] [--refuse-watch TEXT] -- SERVE_ARGS...

``--poll``: MkDocs' polling interval (0.5 s in MkDocs): very long shows that an edit is seen
without a poll, very short that a change seen by both watchers rebuilds once.
``--refuse-watch``: inotify refuses to watch a folder whose path holds TEXT, as the kernel
does once fs.inotify.max_user_watches is reached (ENOSPC); ``/`` refuses every folder.
When serve has stopped (Ctrl+C), prints ``watcher threads left: `` and the watchdog threads
still running (none when every observer was stopped and waited for). Used by test_servewatch.py.
"""

from __future__ import annotations

import argparse
import ctypes
import errno
import os
import sys
import threading

from mkdocs import livereload
from mkdocs.__main__ import cli


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--poll", type=float)
    parser.add_argument("--refuse-watch")
    parser.add_argument("serve", nargs="*")
    args = parser.parse_args()

    if args.poll is not None:
        init = livereload.LiveReloadServer.__init__

        def with_interval(self, *a, **kw):
            kw["polling_interval"] = args.poll
            init(self, *a, **kw)

        livereload.LiveReloadServer.__init__ = with_interval  # type: ignore[method-assign]

    if args.refuse_watch is not None:
        from watchdog.observers import inotify_c

        add_watch = inotify_c.inotify_add_watch

        def limited(fd, path, mask):
            if args.refuse_watch in os.fsdecode(path):
                ctypes.set_errno(errno.ENOSPC)
                return -1
            return add_watch(fd, path, mask)

        inotify_c.inotify_add_watch = limited  # type: ignore[assignment]

    try:
        cli.main(args=["serve", *args.serve], prog_name="mkdocs", standalone_mode=False)
    finally:
        left = [t.name for t in threading.enumerate() if type(t).__module__.startswith("watchdog")]
        print(f"watcher threads left: {', '.join(left) or 'none'}", file=sys.stderr, flush=True)


if __name__ == "__main__":
    main()
