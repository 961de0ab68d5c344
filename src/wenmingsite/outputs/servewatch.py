"""`mkdocs serve` notices a saved edit at once: the system's own change notices (inotify on
Linux, FSEvents on macOS, ReadDirectoryChangesW on Windows, through watchdog) beside MkDocs'
polling, which stays as the backstop for file systems that send none (network drives, Docker
and WSL mounts).

MkDocs' server polls its watched paths every 0.5 s, so an edit waited 0–0.5 s before its
rebuild even began. :func:`install` (the plugin's ``on_serve``) gives the server a
:class:`TwinObserver` in place of its polling observer: every watch — docs/ and mkdocs.yml
made before, data/ by the plugin, ``config.watch`` after — is scheduled on both, for the
server's own handlers. A change the system reports is passed on at once; the poller's report
of the same change comes later and is dropped when the file is still as it was when a report
was last passed on (inode, size and modification time: what the poller itself compares), so
an edit rebuilds once and browsers reload once. When the system's notices cannot start (the
inotify watch or instance limit) the server polls as before, with a debug line saying why.

Imports no MkDocs: the server is used through what it calls on its observer (``schedule``,
``unschedule``, ``start``, ``stop``, ``join``) and its public ``watch`` / ``unwatch``.
"""

from __future__ import annotations

import logging
import os
import threading
from typing import Any

from watchdog.events import (
    FileClosedEvent,
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileMovedEvent,
    FileSystemEvent,
    FileSystemEventHandler,
)
from watchdog.observers import Observer
from watchdog.observers.api import BaseObserver, ObservedWatch
from watchdog.observers.polling import PollingObserver

log = logging.getLogger("mkdocs.plugins.wenming")

# What saving, adding, deleting or renaming a file makes the system report. Not opening or
# reading one (every build reads them all), nor a folder's own events (MkDocs ignores those).
CHANGES: list[type[FileSystemEvent]] = [
    FileCreatedEvent,
    FileModifiedEvent,
    FileClosedEvent,
    FileDeletedEvent,
    FileMovedEvent,
]

_UNSEEN = object()


def _state(path: str) -> tuple[int, int, int] | None:
    """What polling compares of a file (None: there is none)."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_ino, st.st_size, st.st_mtime_ns)


def _paths(event: FileSystemEvent) -> list[str]:
    found = [event.src_path]
    if dest := getattr(event, "dest_path", ""):
        found.append(dest)
    return [os.path.abspath(os.fsdecode(p)) for p in found]


class Passed:
    """The state of each file when a report of its change was last passed on to the server."""

    def __init__(self) -> None:
        self._states: dict[str, object] = {}
        self._lock = threading.Lock()

    def note(self, event: FileSystemEvent) -> None:
        with self._lock:
            for path in _paths(event):
                self._states[path] = _state(path)

    def news(self, event: FileSystemEvent) -> bool:
        """Whether a file of the event is not as it was when a report was last passed on
        (then the event is passed on, and noted)."""
        with self._lock:
            fresh = {path: _state(path) for path in _paths(event)}
            if all(self._states.get(path, _UNSEEN) == state for path, state in fresh.items()):
                return False
            self._states.update(fresh)
            return True


class _Relay(FileSystemEventHandler):
    """The server's handler behind one of the two observers. The system's reports always
    reach it; the poller's only when they tell of something not yet passed on."""

    def __init__(self, handler: FileSystemEventHandler, passed: Passed, *, backstop: bool) -> None:
        self.handler = handler
        self.passed = passed
        self.backstop = backstop

    def dispatch(self, event: FileSystemEvent) -> None:
        if not event.is_directory:
            if not self.backstop:
                self.passed.note(event)
            elif not self.passed.news(event):
                return
        self.handler.dispatch(event)


class TwinObserver:
    """Stands in for the server's polling observer: each watch on both it and the system's."""

    def __init__(self, polling: BaseObserver) -> None:
        self.polling = polling
        self.passed = Passed()
        self.native: BaseObserver | None = None
        self.twins: dict[ObservedWatch, ObservedWatch] = {}  # polling watch -> the system's
        try:
            self.native = Observer()
        except Exception as exc:  # e.g. inotify's instance limit
            self._fall_back(exc)

    def schedule(self, handler: FileSystemEventHandler, path: str, *, recursive: bool = False) -> ObservedWatch:
        watch = self.polling.schedule(_Relay(handler, self.passed, backstop=True), path, recursive=recursive)
        if self.native is not None:
            try:
                relay = _Relay(handler, self.passed, backstop=False)
                self.twins[watch] = self.native.schedule(relay, path, recursive=recursive, event_filter=CHANGES)
            except Exception as exc:  # started already, and this watch failed
                self._fall_back(exc)
        return watch

    def unschedule(self, watch: ObservedWatch) -> None:
        self.polling.unschedule(watch)
        twin = self.twins.pop(watch, None)
        if twin is not None and self.native is not None:
            self.native.unschedule(twin)

    def start(self) -> None:
        self.polling.start()
        if self.native is not None:
            try:
                self.native.start()
            except Exception as exc:  # e.g. inotify's watch limit reached at a watched folder
                self._fall_back(exc)

    def stop(self) -> None:
        self.polling.stop()
        if self.native is not None:
            self.native.stop()

    def join(self, timeout: float | None = None) -> None:
        for observer in (self.polling, self.native):
            if observer is not None and observer.is_alive():
                observer.join(timeout)

    def is_alive(self) -> bool:
        return self.polling.is_alive()

    def close(self) -> None:
        """Every observer thread stopped and waited for (serve's shutdown, Ctrl+C); a poll
        of a slow network drive still under way is not waited for past a few seconds."""
        self.stop()
        self.join(timeout=5)

    def _fall_back(self, exc: Exception) -> None:
        log.debug(f"serve: no change notices from the system ({exc!r}); MkDocs' polling alone finds edits")
        native, self.native = self.native, None
        self.twins.clear()
        if native is not None:  # what of it started: an emitter, inotify's reading thread
            native.stop()
            if native.is_alive():
                native.join()


def _key(watch: ObservedWatch) -> str:
    """The path the server watched (for a file, ``path`` is its folder)."""
    return getattr(watch, "raw_path", watch.path)


def install(server: Any) -> TwinObserver | None:
    """Put a :class:`TwinObserver` in the server's place for its polling observer, with the
    watches it has so far. None (the server left as it was) where watchdog has no notices of
    the system's or they cannot start."""
    polling = getattr(server, "observer", None)
    if not isinstance(polling, PollingObserver) or Observer is PollingObserver:
        return None
    twin = TwinObserver(polling)
    if twin.native is None:
        return None
    moved = []
    for emitter in list(polling.emitters):
        watch, count = emitter.watch, 0
        try:
            while any(_key(e.watch) == _key(watch) for e in polling.emitters):
                server.unwatch(_key(watch))
                count += 1
        except KeyError:  # not the server's own watch: left to the poller
            pass
        moved.append((_key(watch), watch.is_recursive, count))
    server.observer = twin
    for path, recursive, count in moved:
        for _ in range(count):
            server.watch(path, recursive=recursive)
    return twin
