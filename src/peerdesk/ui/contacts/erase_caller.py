"""Erase a known caller and every contact of theirs, confirmed by typing the nickname."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from peerdesk.domain.errors import PeerDeskError
from peerdesk.services import known_callers
from peerdesk.services.session import Session
from peerdesk.ui.fields import error_label, set_message


class EraseCallerDialog(QDialog):
    erased = Signal()

    def __init__(self, session: Session, caller: known_callers.StoredCaller,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.caller = caller
        self.setWindowTitle(self.tr("Erase a known caller"))
        text = QLabel(self.tr(
            "This deletes the profile and all {n} of their contacts, with every note, for "
            "good. The audit log records that it was done, not what was held. Backups "
            "already made still hold them until they are replaced.\n\nType the nickname to "
            "confirm:").format(n=caller.contacts))
        text.setWordWrap(True)
        self.typed = QLineEdit()
        self.typed.setAccessibleName(self.tr("Type the nickname to confirm"))
        self.error = error_label()
        buttons = QDialogButtonBox()
        self.erase = buttons.addButton(self.tr("Erase for good"),
                                       QDialogButtonBox.ButtonRole.DestructiveRole)
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setDefault(True)
        self.erase.clicked.connect(self._erase)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.typed)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _erase(self) -> None:
        try:
            known_callers.erase(self.session, self.caller.id, typed_nickname=self.typed.text())
        except PeerDeskError as exc:
            set_message(self.error, exc.user_message)
            return
        self.accept()
        self.erased.emit()
