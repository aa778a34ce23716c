"""Long work off the GUI thread (DESIGN.md §2), reported back through Qt signals.

A plain Python thread rather than a QThread: when the window that started
it goes away (a lock, a sign-out), Qt would abort on a QThread destroyed
while running, and Python waits for its own threads at exit, so a backup
is never cut off halfway. The job object stays referenced here until its
result has been delivered on the GUI thread.

Python's cycle collector runs in whichever thread happens to allocate when a
threshold is crossed. Run from a worker, it could destroy an unreachable Qt
widget off the GUI thread, which crashes the process. So while any job runs
automatic collection is off; cycles are collected on the GUI thread before
the first job starts and after the last one ends.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication

if TYPE_CHECKING:
    from peerdesk.services.session import Session

Work = Callable[[Callable[[str], None]], Any]
T = TypeVar("T")

_running: set[BackgroundJob] = set()


class BackgroundJob(QObject):
    """Runs `work(report)` in a thread; `report(text)` shows progress.

    `succeeded(result)` or `failed(exception)` arrive on the GUI thread, then
    `finished()`.
    """

    progress = Signal(str)
    succeeded = Signal(object)
    failed = Signal(object)
    finished = Signal()

    def __init__(self, work: Work, name: str = "peerdesk-job") -> None:
        super().__init__()
        self._work = work
        self._thread = threading.Thread(target=self._run, name=name, daemon=False)
        self.result: Any = None
        self.error: BaseException | None = None
        # Queued to the GUI thread (this object lives there): tidy up after delivery.
        self.finished.connect(self._forget)

    def start(self) -> None:
        if not _running:
            _pause_collection()
        _running.add(self)
        self._thread.start()

    @property
    def running(self) -> bool:
        return self._thread.is_alive()

    def _run(self) -> None:
        try:
            result = self._work(self.progress.emit)
        except Exception as exc:
            self.error = exc
            self.failed.emit(exc)
        else:
            self.result = result
            self.succeeded.emit(result)
        self.finished.emit()

    def _forget(self) -> None:
        # The thread has nothing left to do but return; joining makes sure this
        # object is released here, on the GUI thread, never from the worker.
        self._thread.join()
        _running.discard(self)
        if not _running:
            _resume_collection()


_collection_was_on = True


def _pause_collection() -> None:
    global _collection_was_on
    gc.collect()  # here, on the GUI thread
    _collection_was_on = gc.isenabled()
    gc.disable()


def _resume_collection() -> None:
    if _collection_was_on:
        gc.enable()
    gc.collect()


def jobs_running() -> int:
    return len(_running)


def on_own_connection(session: Session, task: Callable[[Any], T]) -> Callable[..., T]:
    """A worker's job that runs `task(connection)` on a vault connection of its own
    (one connection per thread), always closed after, even when the task fails."""

    def work(_progress: Callable[[str], None]) -> T:
        connection = session.vault.connect()
        try:
            return task(connection)
        finally:
            connection.close()

    return work


def run_in_background(work: Work, name: str, succeeded: Callable[[object], None],
                      failed: Callable[[object], None]) -> BackgroundJob:
    """Start `work` on a worker thread under a busy cursor; the answer comes back here.

    `succeeded` and `failed` must be slots of a QObject living on the GUI thread
    (so they are queued to it) and must call `QGuiApplication.restoreOverrideCursor`.
    """
    # Collect cycles now, on the GUI thread: the work allocates a lot, and a
    # collection started in the worker could otherwise be the one that
    # destroys an unreachable Qt widget, off the thread that owns it.
    gc.collect()
    job = BackgroundJob(work, name=name)
    job.succeeded.connect(succeeded)
    job.failed.connect(failed)
    QGuiApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
    job.start()
    return job
