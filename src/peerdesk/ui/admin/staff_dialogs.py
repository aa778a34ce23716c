"""Add staff, reset a password, change a role: small forms that call the accounts service."""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from peerdesk.domain.errors import PeerDeskError, ValidationError
from peerdesk.domain.staff import Role, Staff
from peerdesk.services import accounts
from peerdesk.services.session import Session
from peerdesk.ui.fields import keep_long_text
from peerdesk.ui.form_dialog import FormDialog
from peerdesk.ui.i18n import QT_TRANSLATE_NOOP
from peerdesk.ui.password_fields import NewPasswordFields, error_label, set_message


class RolesPicker(QWidget):
    """A tick box per role: a person may hold several (a small centre's programme
    lead is often its administrator too). Each box says what the role opens."""

    _HINTS: ClassVar[dict[Role, str]] = {
        Role.ADMIN: QT_TRANSLATE_NOOP("RolesPicker", "accounts, backups and settings; "
                                                     "no peers' records"),
        Role.PROGRAMME_LEAD: QT_TRANSLATE_NOOP("RolesPicker", "every record, reports, "
                                                              "retention"),
        Role.CASEWORKER: QT_TRANSLATE_NOOP("RolesPicker", "every peer and every note"),
        Role.PEER_SUPPORTER: QT_TRANSLATE_NOOP("RolesPicker", "the peers assigned to them"),
    }

    def __init__(self, current: frozenset[Role] = frozenset({Role.CASEWORKER}),
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.boxes: dict[Role, QCheckBox] = {}
        for role in (Role.PROGRAMME_LEAD, Role.CASEWORKER, Role.PEER_SUPPORTER, Role.ADMIN):
            box = QCheckBox(f"{role.label} — {self.tr(self._HINTS[role])}")
            box.setAccessibleName(role.label)
            box.setChecked(role in current)
            layout.addWidget(box)
            self.boxes[role] = box
        keep_long_text(self)

    def roles(self) -> frozenset[Role]:
        return frozenset(role for role, box in self.boxes.items() if box.isChecked())

    def set_roles(self, roles: frozenset[Role]) -> None:
        for role, box in self.boxes.items():
            box.setChecked(role in roles)

    def focus_first(self) -> None:
        next(iter(self.boxes.values())).setFocus()


class _ServiceDialog(FormDialog):
    """OK runs `save()`; a ValidationError stays on the form, beside its field."""

    saved = Signal()  # the Staff page reloads; no id needed

    def __init__(self, session: Session, title: str, parent: QWidget | None) -> None:
        super().__init__(session, parent, button=QDialogButtonBox.StandardButton.Ok)
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        self.body = QVBoxLayout(self)
        keep_long_text(self)

    def finish_layout(self, ok_text: str) -> None:
        self.save_button.setText(ok_text)
        self.save_button.setDefault(True)
        self.body.addWidget(self.error)
        self.body.addStretch(1)
        self.body.addWidget(self.buttons)

    def save(self) -> None:
        raise NotImplementedError

    def place_error(self, exc: ValidationError) -> None:
        set_message(self.error, exc.user_message)

    def show_problem(self, exc: PeerDeskError) -> None:
        if isinstance(exc, ValidationError):
            self.place_error(exc)
        else:
            set_message(self.error, exc.user_message)

    def announce(self, saved_id: object) -> None:
        self.saved.emit()


class AddStaffDialog(_ServiceDialog):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, "Add a staff account", parent)
        self.added: Staff | None = None
        self.name = QLineEdit()
        self.name_error = error_label()
        self.roles = RolesPicker()
        self.passwords = NewPasswordFields()
        note = QLabel(self.tr("Give the person this first password in private. PeerDesk asks them "
                              "to choose their own the first time they sign in."))
        note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("&Name:"), self.name)
        form.addRow("", self.name_error)
        form.addRow(self.tr("Roles:"), self.roles)
        self.body.addLayout(form)
        self.body.addWidget(note)
        self.body.addWidget(self.passwords)
        self.finish_layout(self.tr("&Add account"))
        self.name.textChanged.connect(self.passwords.set_account_name)
        self.name.setFocus()
        keep_long_text(self)

    def save(self) -> None:
        set_message(self.name_error, None)
        self.added = accounts.add_staff(
            self.session, name=self.name.text(), roles=self.roles.roles(),
            password=self.passwords.password.text(), confirm=self.passwords.confirm.text())

    def place_error(self, exc: ValidationError) -> None:
        if not self.passwords.show_account_problem(exc.field, exc.user_message, self.name,
                                                   self.name_error):
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
        keep_long_text(self)

    def save(self) -> None:
        # The keys move on afterwards, with progress (the Staff page runs it).
        accounts.reset_password(self.session, self.staff.id, self.passwords.password.text(),
                                self.passwords.confirm.text(), settle=False)

    def place_error(self, exc: ValidationError) -> None:
        self.passwords.show_problem(exc, self.error)


class ChangeRoleDialog(_ServiceDialog):
    def __init__(self, session: Session, staff: Staff, parent: QWidget | None = None) -> None:
        super().__init__(session, self.tr("Change roles"), parent)
        self.staff = staff
        self.roles = RolesPicker(staff.roles)
        form = QFormLayout()
        form.addRow(self.tr("Roles for {name}:").format(name=staff.name), self.roles)
        self.body.addLayout(form)
        self.finish_layout(self.tr("&Change roles"))
        self.roles.focus_first()
        keep_long_text(self)

    def save(self) -> None:
        accounts.change_roles(self.session, self.staff.id, self.roles.roles(), settle=False)
