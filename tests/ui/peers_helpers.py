"""Helpers for the caseload GUI tests: pages on a real vault, keys sent where focus is."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from peerdesk.services.session import Session
from peerdesk.storage.paths import VaultPaths
from peerdesk.ui.change_bus import ChangeBus
from peerdesk.ui.peers.pages import CaseloadPages
from tests.fixtures.vaults import close, sign_in


class Pages:
    """The three pages as the main window builds them, plus what was presented."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.bus = ChangeBus()
        self.dialogs: list[QDialog] = []
        self.shown: list[str] = []
        self.caseload = CaseloadPages(session, self.bus, self.present, self.shown.append)
        self.holder = QWidget()
        self.holder.resize(1100, 720)

    def present(self, dialog: QDialog) -> None:
        self.dialogs.append(dialog)
        dialog.open()

    def show(self, qtbot, widget: QWidget) -> QWidget:
        """Show as the active window, so keyboard shortcuts reach it."""
        widget.resize(1100, 720)
        with qtbot.waitActive(widget):
            widget.show()
            widget.activateWindow()
        return widget

    def last_dialog(self) -> QDialog:
        return self.dialogs[-1]


@contextmanager
def signed_in(paths: VaultPaths, name: str) -> Iterator[Session]:
    session = sign_in(paths, name)
    try:
        yield session
    finally:
        close(session)


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def press(qtbot, key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
          times: int = 1) -> None:
    """Press a key where the keyboard focus is, as a person would."""
    for _ in range(times):
        qtbot.keyClick(focused(), key, modifiers)


def type_text(qtbot, text: str) -> None:
    qtbot.keyClicks(focused(), text)
