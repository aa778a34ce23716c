"""Quick hide (DESIGN.md §4): Shift pressed three times, or the Hide button, blanks
every PeerDesk window at once; the app then locks behind a neutral screen.

The neutral screen says nothing about what PeerDesk holds or who uses it: if
someone walks up to the desk, there is nothing on it to read.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QVBoxLayout, QWidget

from peerdesk.ui.theme import colour, font_size

PRESSES = 3
WITHIN_SECONDS = 1.0

Clock = Callable[[], float]


class ShiftTriple(QObject):
    """Emits `pressed` when Shift goes down three times within a second.

    Any other key in between starts the count again, so typing capitals
    quickly never hides the screen; a held Shift's auto-repeat is not a press.
    """

    pressed = Signal()

    def __init__(self, parent: QObject | None = None, *, clock: Clock = time.monotonic) -> None:
        super().__init__(parent)
        self.clock = clock
        self._times: list[float] = []
        self._watching = False

    def start(self) -> None:
        app = QApplication.instance()
        if app is not None and not self._watching:
            app.installEventFilter(self)
            self._watching = True

    def stop(self) -> None:
        app = QApplication.instance()
        if app is not None and self._watching:
            app.removeEventFilter(self)
            self._watching = False
        self._times.clear()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) \
                and _first_widget_to_see(watched):
            self.key_pressed(Qt.Key(event.key()), event.isAutoRepeat())
        return False

    def key_pressed(self, key: Qt.Key, auto_repeat: bool = False) -> None:
        if auto_repeat:
            return
        if key != Qt.Key.Key_Shift:
            self._times.clear()
            return
        now = self.clock()
        self._times = [t for t in self._times if now - t <= WITHIN_SECONDS] + [now]
        if len(self._times) >= PRESSES:
            self._times.clear()
            self.pressed.emit()


class NeutralScreen(QWidget):
    """A plain screen with nothing to read; Continue (or Enter) shows the sign-in."""

    continue_requested = Signal()
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("PeerDesk")
        self.setObjectName("neutralScreen")
        self.setStyleSheet(f"#neutralScreen {{ background: {colour('#eceff1', 'window')}; }}")
        self.resize(1000, 680)
        message = QLabel(self.tr("Locked."))
        message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        message.setStyleSheet(f"color: {colour('#607080', 'window-text')}; {font_size(1.5)}")
        self.continue_button = QPushButton(self.tr("&Continue"))
        self.continue_button.setAccessibleName(self.tr("Continue to sign in"))
        self.continue_button.setDefault(True)
        self.continue_button.clicked.connect(self.continue_requested.emit)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(message)
        layout.addWidget(self.continue_button, 0, Qt.AlignmentFlag.AlignCenter)
        layout.addStretch(1)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.continue_requested.emit()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.isVisible():
            self.closed.emit()
        super().closeEvent(event)


def _first_widget_to_see(watched: QObject) -> bool:
    """An application filter sees a key press once for the platform window and again
    for each widget it climbs through (focus widget, then its parents); count only
    the first widget, so one press is one press."""
    if not isinstance(watched, QWidget):
        return False
    focus = QApplication.focusWidget()
    return focus is None or watched is focus or not watched.isAncestorOf(focus)


def blank_all_windows(keep: QWidget | None = None) -> list[QWidget]:
    """Hide every visible top-level window at once; returns them (dialogs included)."""
    shown = [w for w in QApplication.topLevelWidgets() if w.isVisible() and w is not keep]
    for widget in shown:
        widget.hide()
    return shown
