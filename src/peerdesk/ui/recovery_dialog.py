"""Every password forgotten: the recovery key opens the vault, then an admin gets a new password."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from peerdesk.domain.errors import PeerDeskError
from peerdesk.services.auth import SignIn, recover_admin, recovery_admin_choices
from peerdesk.services.session import Session
from peerdesk.ui.password_fields import NewPasswordFields, error_label, set_message


class RecoveryDialog(QDialog):
    """Two steps on one dialog. Emits `recovered(session)` signed in as the chosen admin."""

    recovered = Signal(object)

    def __init__(self, sign_in: SignIn, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = sign_in
        self.recovery_session: Session | None = None
        self.setWindowTitle(self.tr("Use the recovery key"))
        self.setMinimumWidth(520)

        # Step 1: the key.
        key_step = QWidget()
        self.key = QLineEdit()
        self.key.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.key.setPlaceholderText(self.tr("XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX"))
        self.key.setAccessibleName(self.tr("Recovery key"))
        self.key_error = error_label()
        self.unlock_button = QPushButton(self.tr("&Unlock"))
        self.unlock_button.setDefault(True)
        self.unlock_button.setAutoDefault(True)
        step1 = QVBoxLayout(key_step)
        intro = QLabel(self.tr("Type the recovery key printed when PeerDesk was set up. Upper or "
                               "lower case and the dashes don't matter."))
        intro.setWordWrap(True)
        step1.addWidget(intro)
        step1.addWidget(self.key)
        step1.addWidget(self.key_error)
        step1.addWidget(self.unlock_button, 0, Qt.AlignmentFlag.AlignRight)
        step1.addStretch(1)

        # Step 2: which admin, and their new password.
        admin_step = QWidget()
        self.admin = QComboBox()
        self.admin.setAccessibleName(self.tr("Administrator account"))
        self.passwords = NewPasswordFields()
        self.admin_error = error_label()
        self.finish_button = QPushButton(self.tr("&Set password and sign in"))
        self.finish_button.setAutoDefault(True)
        step2 = QVBoxLayout(admin_step)
        note = QLabel(self.tr("The key is right. Choose the administrator account and give it a "
                              "new password. Other staff keep their own passwords."))
        note.setWordWrap(True)
        step2.addWidget(note)
        form = QFormLayout()
        form.addRow(self.tr("&Administrator:"), self.admin)
        step2.addLayout(form)
        step2.addWidget(self.passwords)
        step2.addWidget(self.admin_error)
        step2.addWidget(self.finish_button, 0, Qt.AlignmentFlag.AlignRight)
        step2.addStretch(1)

        self.steps = QStackedWidget()
        self.steps.addWidget(key_step)
        self.steps.addWidget(admin_step)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.steps)
        layout.addWidget(buttons)

        self.unlock_button.clicked.connect(self.unlock)
        self.finish_button.clicked.connect(self.finish)
        self.admin.currentTextChanged.connect(self.passwords.set_account_name)
        self.key.setFocus()

    def unlock(self) -> None:
        set_message(self.key_error, None)
        try:
            session = self.service.open_with_recovery_key(self.key.text())
            choices = recovery_admin_choices(session)
        except PeerDeskError as exc:
            set_message(self.key_error, exc.user_message)
            self.key.setFocus()
            return
        self.recovery_session = session
        self.admin.clear()
        for staff in choices:
            self.admin.addItem(staff.name, staff.id)
        self.steps.setCurrentIndex(1)
        self.unlock_button.setDefault(False)
        self.finish_button.setDefault(True)
        self.passwords.password.setFocus()

    def finish(self) -> None:
        session = self.recovery_session
        if session is None:
            return
        set_message(self.admin_error, None)
        staff_id = self.admin.currentData()
        if staff_id is None:
            set_message(self.admin_error, self.tr("Choose an administrator account."))
            return
        try:
            signed_in = recover_admin(session, int(staff_id), self.passwords.password.text(),
                                      self.passwords.confirm.text())
        except PeerDeskError as exc:
            self.passwords.show_problem(exc, self.admin_error)
            return
        self.recovery_session = None
        self.passwords.clear()
        super().accept()
        self.recovered.emit(signed_in)

    def accept(self) -> None:
        # Enter in a field presses the default button; never close without finishing.
        if self.steps.currentIndex() == 0:
            self.unlock()
        else:
            self.finish()

    def reject(self) -> None:
        """Cancelled after unlocking: close the vault again and drop the key."""
        if self.recovery_session is not None:
            self.recovery_session.vault.close()
            self.recovery_session = None
        self.passwords.clear()
        super().reject()
