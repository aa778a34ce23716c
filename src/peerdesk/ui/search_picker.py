"""A search box with its list of matches under it: the one way the pickers are built (a
peer for a session, a peer for a register, a service from the directory).

Typing fills the list (the picker's own search); Up and Down move the highlight while the
focus stays in the box, and Enter may pick the highlighted match.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QListWidget, QVBoxLayout, QWidget


def search_column(owner: QWidget, search: QLineEdit, matches: QListWidget) -> QVBoxLayout:
    """`owner`'s layout: the box over its matches (hidden until there are some); the
    focus goes to the box, and the list never takes it."""
    matches.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    matches.setVisible(False)
    layout = QVBoxLayout(owner)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    layout.addWidget(search)
    layout.addWidget(matches)
    owner.setFocusProxy(search)
    return layout


class MatchKeys(QObject):
    """Keys typed in `search` that work its list of `matches`: Up and Down move the
    highlight (it stops at either end); Enter is offered to `on_enter`, which returns
    True when it picked something (the key then goes no further: not to the dialog's
    Save)."""

    def __init__(self, search: QLineEdit, matches: QListWidget,
                 on_enter: Callable[[QKeyEvent], bool] | None = None) -> None:
        super().__init__(search)
        self.search = search
        self.matches = matches
        self.on_enter = on_enter
        search.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (watched is self.search and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent)):
            key = Qt.Key(event.key())
            step = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1}.get(key)
            if step and self.matches.count():
                row = min(max(self.matches.currentRow() + step, 0), self.matches.count() - 1)
                self.matches.setCurrentRow(row)
                return True
            if (key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.on_enter is not None
                    and self.on_enter(event)):
                return True
        return super().eventFilter(watched, event)
