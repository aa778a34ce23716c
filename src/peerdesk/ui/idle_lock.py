"""Idle lock (DESIGN.md §4): one app-wide event filter and a single-shot timer.

Input only records the time (a mouse move must stay cheap); when the timer
fires it compares the clock with the last input and either locks or waits for
the rest. The clock is injectable, so tests can move time on without waiting.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

DEFAULT_IDLE_MINUTES = 5

_ACTIVITY = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
    QEvent.Type.Wheel, QEvent.Type.TouchBegin,
})

Clock = Callable[[], float]


class IdleLock(QObject):
    """Emits `idle` after `timeout_ms` without keyboard, mouse or touch input."""

    idle = Signal()

    def __init__(self, timeout_ms: int = DEFAULT_IDLE_MINUTES * 60_000,
                 parent: QObject | None = None, *, clock: Clock = time.monotonic) -> None:
        super().__init__(parent)
        self.clock = clock
        self.timeout_ms = timeout_ms
        self._last_input = clock()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.check)
        self._watching = False

    def set_timeout_ms(self, timeout_ms: int) -> None:
        self.timeout_ms = timeout_ms
        if self._watching:
            self._arm(self._remaining_ms())

    def start(self) -> None:
        app = QApplication.instance()
        if app is not None and not self._watching:
            app.installEventFilter(self)
            self._watching = True
        self._last_input = self.clock()
        self._arm(self.timeout_ms)

    def stop(self) -> None:
        self._timer.stop()
        app = QApplication.instance()
        if app is not None and self._watching:
            app.removeEventFilter(self)
            self._watching = False

    @property
    def running(self) -> bool:
        return self._watching

    def _remaining_ms(self) -> int:
        idle_ms = (self.clock() - self._last_input) * 1000
        return max(0, int(self.timeout_ms - idle_ms))

    def _arm(self, ms: int) -> None:
        self._timer.start(max(ms, 1))

    def check(self) -> None:
        """Lock if the time is up, else wait for the rest (the timer calls this)."""
        if not self._watching:
            return
        remaining = self._remaining_ms()
        if remaining > 0:
            self._arm(remaining)
            return
        self.stop()
        self.idle.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY:
            self._last_input = self.clock()
        return False
