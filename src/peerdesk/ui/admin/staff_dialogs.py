"""Add staff, reset a password, change a role: small forms that call the accounts service."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from peerdesk.domain.errors import PeerDeskError, ValidationError
from peerdesk.domain.staff import Role, Staff
from peerdesk.domain.validation import NAME_MAX
from peerdesk.services import accounts
from peerdesk.services.session import Session
from peerdesk.ui.password_fields import NewPasswordFields, error_label, set_message


def role_combo(current: Role | None = None) -> QComboBox:
    combo = QComboBox()
    for role in Role:
        combo.addItem(role.label, role.value)  # Qt would turn the enum into a plain str
    if current is not None:
        combo.setCurrentIndex(list(Role).index(current))
    else:
        combo.setCurrentIndex(list(Role).index(Role.CASEWORKER))
    return combo


def selected_role(combo: QComboBox) -> Role:
    return Role(combo.currentData())


class _ServiceDialog(QDialog):
    """OK runs `save()`; a ValidationError stays on the form, beside its field."""

    saved = Signal()

    def __init__(self, session: Session, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        self.error = error_label()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.body = QVBoxLayout(self)

    def finish_layout(self, ok_text: str) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(ok_text)
        ok.setDefault(True)
        self.body.addWidget(self.error)
        self.body.addStretch(1)
        self.body.addWidget(self.buttons)

    def save(self) -> None:
        raise NotImplementedError

    def place_error(self, exc: ValidationError) -> None:
        set_message(self.error, exc.user_message)

    def accept(self) -> None:
        set_message(self.error, None)
        try:
            self.save()
        except ValidationError as exc:
            self.place_error(exc)
            return
        except PeerDeskError as exc:
            set_message(self.error, exc.user_message)
            return
        super().accept()
        self.saved.emit()


class AddStaffDialog(_ServiceDialog):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, "Add a staff account", parent)
        self.added: Staff | None = None
        self.name = QLineEdit()
        self.name.setMaxLength(NAME_MAX)
        self.name_error = error_label()
        self.role = role_combo()
        self.passwords = NewPasswordFields()
        note = QLabel(self.tr("Give the person this first password in private. PeerDesk asks them "
                              "to choose their own the first time they sign in."))
        note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("&Name:"), self.name)
        form.addRow("", self.name_error)
        form.addRow(self.tr("&Role:"), self.role)
        self.body.addLayout(form)
        self.body.addWidget(note)
        self.body.addWidget(self.passwords)
        self.finish_layout(self.tr("&Add account"))
        self.name.textChanged.connect(self.passwords.set_account_name)
        self.name.setFocus()

    def save(self) -> None:
        set_message(self.name_error, None)
        self.added = accounts.add_staff(
            self.session, name=self.name.text(), role=selected_role(self.role),
            password=self.passwords.password.text(), confirm=self.passwords.confirm.text())

    def place_error(self, exc: ValidationError) -> None:
        if exc.field == "name":
            set_message(self.name_error, exc.user_message)
            self.name.setFocus()
        elif exc.field in ("password", "confirm"):
            self.passwords.show_error(exc.field, exc.user_message)
        else:
            super().place_error(exc)


class ResetPasswordDialog(_ServiceDialog):
    def __init__(self, session: Session, staff: Staff, parent: QWidget | None = None) -> None:
        super().__init__(session, self.tr("Reset password"), parent)
        self.staff = staff
        if staff.is_active:
            text = self.tr("A new first password for {name}. They will be asked to choose "
                           "their own when they next sign in.")
        else:
            text = self.tr("A new first password for {name}. They will be asked to choose "
                           "their own when they next sign in. This also reactivates the account.")
        note = QLabel(text.format(name=staff.name))
        note.setWordWrap(True)
        self.passwords = NewPasswordFields(account_name=staff.name)
        self.body.addWidget(note)
        self.body.addWidget(self.passwords)
        self.finish_layout(self.tr("&Reset password"))
        self.passwords.password.setFocus()

    def save(self) -> None:
        accounts.reset_password(self.session, self.staff.id, self.passwords.password.text(),
                                self.passwords.confirm.text())

    def place_error(self, exc: ValidationError) -> None:
        if exc.field in ("password", "confirm"):
            self.passwords.show_error(exc.field, exc.user_message)
        else:
            super().place_error(exc)


class ChangeRoleDialog(_ServiceDialog):
    def __init__(self, session: Session, staff: Staff, parent: QWidget | None = None) -> None:
        super().__init__(session, self.tr("Change role"), parent)
        self.staff = staff
        self.role = role_combo(staff.role)
        form = QFormLayout()
        form.addRow(self.tr("Role for {name}:").format(name=staff.name), self.role)
        self.body.addLayout(form)
        self.finish_layout(self.tr("&Change role"))
        self.role.setFocus()

    def save(self) -> None:
        accounts.change_role(self.session, self.staff.id, selected_role(self.role))
