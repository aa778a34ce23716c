"""The pieces every Admin settings page is built from: a setting's row (its label reaches
the box by Alt+letter), the saved/refused lines under it, and what a deletion that
failed on a worker thread says."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QWidget

from peerdesk.domain.errors import PeerDeskError
from peerdesk.ui.errors import show_error
from peerdesk.ui.fields import error_label, set_message
from peerdesk.ui.theme import colour


def result_line(name: str, *, shown: bool = True) -> QLabel:
    """Where an Admin action says what it did (a backup's file, an export's passphrase):
    wrapped, and selectable so a path or a passphrase can be copied. `name` is what a
    screen reader calls it."""
    label = QLabel()
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setAccessibleName(name)
    label.setVisible(shown)
    return label


def setting_row(form: QFormLayout, label: str, box: QWidget, *beside: QWidget) -> QHBoxLayout:
    """A form row: `label` with `box` as its buddy (so its Alt+letter reaches the box;
    addRow's own label for a layout has none, and would show the "&"), then `box` and
    `beside` (a Save button) on one line, left-aligned."""
    row = QHBoxLayout()
    for widget in (box, *beside):
        row.addWidget(widget)
    row.addStretch(1)
    buddy_label = QLabel(label)
    buddy_label.setBuddy(box)
    form.addRow(buddy_label, row)
    return row


class SaveFeedback:
    """The two lines under a setting: green "Saved: …", or the refusal's message."""

    def __init__(self) -> None:
        self.status = QLabel()
        self.status.setStyleSheet(f"color: {colour('#2e6b30', 'window-text')};")
        self.error = error_label()

    def save(self, action: Callable[[], str]) -> bool:
        """Run `action` (the service call; it returns what to say it saved). A refusal
        (PeerDeskError) shows its message instead; False then."""
        self.clear()
        try:
            said = action()
        except PeerDeskError as exc:
            self.refused(exc)
            return False
        self.status.setText(said)
        return True

    def refused(self, exc: PeerDeskError) -> None:
        set_message(self.error, exc.user_message)

    def clear(self) -> None:
        set_message(self.error, None)
        self.status.clear()


def nothing_deleted(page: QWidget, status: QLabel, error: object) -> None:
    """A deletion failed on its worker thread (the slot that hears it calls this): the
    busy cursor goes, and the message says nothing was deleted."""
    QGuiApplication.restoreOverrideCursor()
    status.clear()
    show_error(page, error if isinstance(error, BaseException) else str(error),
               QCoreApplication.translate("SettingParts", "Nothing deleted"))
