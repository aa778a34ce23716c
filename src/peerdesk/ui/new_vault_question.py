"""Asked when `--vault PATH` names a place with no vault: create a new centre there?

A typing mistake, or a USB stick not plugged in, would otherwise open the setup
wizard as if this were a new centre, and the person might set one up beside
the real one without noticing.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QMessageBox, QWidget


class NewVaultQuestion(QMessageBox):
    """Emits `create_chosen` or `declined` once, when the person answers."""

    create_chosen = Signal()
    declined = Signal()

    def __init__(self, database: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("PeerDesk")
        self.setIcon(QMessageBox.Icon.Question)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setText(self.tr("There is no PeerDesk vault at:\n\n{path}\n\nSet up a new centre "
                             "there?").format(path=database))
        self.setInformativeText(self.tr(
            "If you meant to open an existing vault, check the location (a typing mistake, "
            "or a USB stick that is not plugged in) and start PeerDesk again."))
        self.create_button = self.addButton(self.tr("&Set up a new centre there…"),
                                            QMessageBox.ButtonRole.AcceptRole)
        self.cancel_button = self.addButton(QMessageBox.StandardButton.Cancel)
        # Nothing is created by a stray Enter.
        self.setDefaultButton(self.cancel_button)
        self.setEscapeButton(self.cancel_button)
        self.finished.connect(self._answered)

    def _answered(self) -> None:
        if self.clickedButton() is self.create_button:
            self.create_chosen.emit()
        else:
            self.declined.emit()
