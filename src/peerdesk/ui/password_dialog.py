"""Change my password: current, new, confirm. Also asked right after a first sign-in."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from peerdesk.domain.errors import PeerDeskError, WrongCredentials
from peerdesk.services import accounts
from peerdesk.services.session import Session
from peerdesk.ui.password_fields import NewPasswordFields, error_label, password_edit, set_message


class ChangePasswordDialog(QDialog):
    """`changed` after the password is changed. When `required`, cancelling signs out."""

    changed = Signal()

    def __init__(self, session: Session, *, required: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.required = required
        self.setWindowTitle(self.tr("Choose your own password") if required
                            else self.tr("Change my password"))
        self.setMinimumWidth(460)
        intro = QLabel(
            self.tr("Your account was given a first password by an administrator. Choose your "
                    "own now — one only you know.") if required else
            self.tr("Your password unlocks the vault. Choose one that only you know."))
        intro.setWordWrap(True)
        self.current = password_edit()
        self.current.setAccessibleName(self.tr("Current password"))
        self.current_error = error_label()
        self.passwords = NewPasswordFields(account_name=session.staff.name)
        self.error = error_label()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("&Change password"))
        ok.setDefault(True)
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        if required:
            cancel.setText(self.tr("Sign &out"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow(self.tr("C&urrent password:"), self.current)
        form.addRow("", self.current_error)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.passwords)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.current.setFocus()

    def accept(self) -> None:
        for label in (self.current_error, self.error):
            set_message(label, None)
        try:
            # The keys move on afterwards, with progress, once this closes.
            accounts.change_own_password(self.session, self.current.text(),
                                         self.passwords.password.text(),
                                         self.passwords.confirm.text(), settle=False)
        except WrongCredentials as exc:
            set_message(self.current_error, exc.user_message)
            self.current.clear()
            self.current.setFocus()
            return
        except PeerDeskError as exc:
            self.passwords.show_problem(exc, self.error)
            return
        self._wipe()
        super().accept()
        self.changed.emit()
        from peerdesk.ui.key_work import run_owed_key_work

        parent = self.parentWidget()
        self.key_work = run_owed_key_work(self.session, parent if parent is not None else self)

    def reject(self) -> None:
        self._wipe()
        super().reject()

    def _wipe(self) -> None:
        self.current.clear()
        self.passwords.clear()
