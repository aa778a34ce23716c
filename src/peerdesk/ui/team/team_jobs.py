"""Work on the team server from a window, off the GUI thread: whether the
server answers, sending the outbox. A host that drops packets holds a connect
for its whole timeout, and the window must keep painting meanwhile.

One `TeamJob` per kind of work, never two at once: asked while one is in
flight, it either asks once more when that one ends (`again_if_asked`: a
question whose answer may have moved on meanwhile) or does nothing (a send:
the one in flight sends what waits). The work is made on the GUI thread when
asked (`make`: it takes what it needs from the desk there, so a sign-out
meanwhile wipes the desk, not it) and runs in a background job
(ui/background_job.py). Its result comes back on the GUI thread, and only
while the window has not closed (`stop`); Qt drops it if the window is gone.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal, Slot

from peerdesk.ui.background_job import BackgroundJob

Make = Callable[[], Callable[[], object]]


class TeamJob(QObject):
    done = Signal(object)      # the work's result
    failed = Signal(object)    # the exception it raised
    ended = Signal()           # after either (not once stopped)

    def __init__(self, name: str, make: Make, *, again_if_asked: bool,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.make = make
        self.again_if_asked = again_if_asked
        self.job: BackgroundJob | None = None
        self._again = False
        self._stopped = False

    @property
    def running(self) -> bool:
        return self.job is not None

    def start(self) -> bool:
        """Start it (True), unless one is in flight or the window has closed."""
        if self._stopped:
            return False
        if self.job is not None:
            self._again = self._again or self.again_if_asked
            return False
        work = self.make()
        self.job = BackgroundJob(lambda _report: work(), name=self.name)
        self.job.succeeded.connect(self._succeeded)
        self.job.failed.connect(self._failed)
        self.job.finished.connect(self._finished)
        self.job.start()
        return True

    def stop(self) -> None:
        """The window closed: a result still in flight changes nothing now."""
        self._stopped = True

    @Slot(object)
    def _succeeded(self, result: object) -> None:
        if not self._stopped:
            self.done.emit(result)

    @Slot(object)
    def _failed(self, exc: object) -> None:
        if not self._stopped:
            self.failed.emit(exc)

    @Slot()
    def _finished(self) -> None:
        self.job = None
        if self._stopped:
            return
        self.ended.emit()
        if self._again:
            self._again = False
            self.start()
