"""Ctrl+C and SIGTERM close the GUI through its normal path (DESIGN.md §7).

While Qt's event loop runs, Python only gets control when Qt calls back into
it, so a Python signal handler alone would wait for the next mouse move. On
Linux and macOS the C-level handler therefore writes the signal's number to a
pipe (`signal.set_wakeup_fd`) that Qt watches. On Windows, where a wakeup
descriptor must be a socket (and a socket pair there is a loopback TCP
connection, which PeerDesk never opens), a short timer gives the interpreter
a moment instead. Either way the controller is asked to close as if the person
had closed the window: forms kept as drafts, the session ended and audited,
the vault's lock released, and (with `--demo`) the folder removed by the caller.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
from collections.abc import Callable
from types import FrameType

from PySide6.QtCore import QObject, QSocketNotifier, QTimer

STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)
WINDOWS_POLL_MS = 250


class StopSignals(QObject):
    """Calls `stop(signum)` on the GUI thread for Ctrl+C or SIGTERM; `uninstall()` after."""

    def __init__(self, stop: Callable[[int], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._stop = stop
        self._installed = False
        self._pending: list[int] = []
        self._timer: QTimer | None = None
        self._notifier: QSocketNotifier | None = None
        self._pipe: tuple[int, int] | None = None
        if threading.current_thread() is not threading.main_thread():
            return  # handlers can only be set from the main thread
        self._previous = {signum: signal.signal(signum, self._noted) for signum in STOP_SIGNALS}
        self._previous_fd: int | None = None
        if sys.platform == "win32":
            self._timer = QTimer(self)
            self._timer.setInterval(WINDOWS_POLL_MS)
            self._timer.timeout.connect(self._deliver)
            self._timer.start()
        else:
            read_end, write_end = os.pipe()
            for end in (read_end, write_end):
                os.set_blocking(end, False)
            self._pipe = (read_end, write_end)
            self._previous_fd = signal.set_wakeup_fd(write_end, warn_on_full_buffer=False)
            self._notifier = QSocketNotifier(read_end, QSocketNotifier.Type.Read, self)
            self._notifier.activated.connect(self._drain)
        self._installed = True

    def _noted(self, signum: int, frame: FrameType | None) -> None:
        """Python's handler, run between Qt callbacks: note it; deliver from the loop."""
        self._pending.append(signum)
        QTimer.singleShot(0, self._deliver)

    def _drain(self) -> None:
        """The pipe woke Qt; reading it lets Python run `_noted` for what arrived."""
        if self._pipe is None:
            return
        with contextlib.suppress(BlockingIOError, InterruptedError):
            os.read(self._pipe[0], 64)
        self._deliver()

    def _deliver(self) -> None:
        if self._pending and self._installed:
            signum = self._pending[0]
            self._pending.clear()
            self._stop(signum)

    def uninstall(self) -> None:
        """Put back whatever handled these signals before. Safe to call twice."""
        if not self._installed:
            return
        self._installed = False
        for signum, handler in self._previous.items():
            # None: a handler set outside Python, which can't be put back; the default then.
            signal.signal(signum, signal.SIG_DFL if handler is None else handler)
        if self._notifier is not None:
            self._notifier.setEnabled(False)
        if self._timer is not None:
            self._timer.stop()
        if self._pipe is not None:
            signal.set_wakeup_fd(-1 if self._previous_fd is None else self._previous_fd)
            for end in self._pipe:
                with contextlib.suppress(OSError):
                    os.close(end)
            self._pipe = None
