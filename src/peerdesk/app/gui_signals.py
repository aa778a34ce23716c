"""Ctrl+C and SIGTERM close the GUI through its normal path (DESIGN.md §7).

While Qt's event loop runs, Python only gets control when Qt calls back into
it, so a Python signal handler alone would wait for the next mouse move. The
C-level handler therefore writes the signal's number to a socket
(`signal.set_wakeup_fd`) that Qt watches; the callback then asks the
controller to close as if the person had closed the window: forms kept as
drafts, the session ended and audited, the vault's lock released, and (with
`--demo`) the temporary folder removed by the caller.
"""

from __future__ import annotations

import contextlib
import signal
import socket
import threading
from collections.abc import Callable
from types import FrameType

from PySide6.QtCore import QObject, QSocketNotifier

STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)


def _noted(signum: int, frame: FrameType | None) -> None:
    """The Python-level handler has nothing to do: the byte on the socket does the work."""


class StopSignals(QObject):
    """Calls `stop(signum)` on the GUI thread for Ctrl+C or SIGTERM; `uninstall()` after."""

    def __init__(self, stop: Callable[[int], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._stop = stop
        self._installed = False
        if threading.current_thread() is not threading.main_thread():
            return
        self._reader, self._writer = socket.socketpair()
        for end in (self._reader, self._writer):
            end.setblocking(False)
        self._previous_fd = signal.set_wakeup_fd(self._writer.fileno(),
                                                 warn_on_full_buffer=False)
        self._previous = {signum: signal.signal(signum, _noted) for signum in STOP_SIGNALS}
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read,
                                         self)
        self._notifier.activated.connect(self._drain)
        self._installed = True

    def _drain(self) -> None:
        try:
            data = self._reader.recv(64)
        except (BlockingIOError, InterruptedError):
            return
        for signum in data:
            if signum in STOP_SIGNALS:
                self._stop(signum)
                return

    def uninstall(self) -> None:
        """Put back whatever handled these signals before. Safe to call twice."""
        if not self._installed:
            return
        self._installed = False
        self._notifier.setEnabled(False)
        for signum, handler in self._previous.items():
            # None: a handler set outside Python, which can't be put back; the default then.
            signal.signal(signum, signal.SIG_DFL if handler is None else handler)
        signal.set_wakeup_fd(self._previous_fd)
        for end in (self._reader, self._writer):
            with contextlib.suppress(OSError):
                end.close()
