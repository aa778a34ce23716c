"""New password + confirm with a live strength bar and the reason a password is refused."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QProgressBar, QWidget

from peerdesk.domain.errors import PeerDeskError
from peerdesk.domain.validation import password_problem, password_strength
from peerdesk.ui.fields import error_label, password_edit, set_message
from peerdesk.ui.i18n import QT_TRANSLATE_NOOP

__all__ = ["NewPasswordFields", "error_label", "password_edit", "set_message"]

STRENGTH_WORDS = (QT_TRANSLATE_NOOP("NewPasswordFields", "Too short"),
                  QT_TRANSLATE_NOOP("NewPasswordFields", "Weak"),
                  QT_TRANSLATE_NOOP("NewPasswordFields", "Fair"),
                  QT_TRANSLATE_NOOP("NewPasswordFields", "Good"),
                  QT_TRANSLATE_NOOP("NewPasswordFields", "Strong"))
_STRENGTH_COLOURS = ("#c62828", "#c62828", "#ef6c00", "#2e7d32", "#1b5e20")


class NewPasswordFields(QWidget):
    """Rows to add to a form: password, strength, reason, confirm, mismatch note."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None, *, account_name: str = "") -> None:
        super().__init__(parent)
        self.account_name = account_name
        self.password = password_edit(self.tr("At least 10 characters; a few words work well"))
        self.password.setAccessibleName(self.tr("New password"))
        self.confirm = password_edit()
        self.confirm.setAccessibleName(self.tr("Type the new password again"))
        self.strength = QProgressBar()
        self.strength.setRange(0, 4)
        self.strength.setTextVisible(True)
        self.strength.setMaximumHeight(16)
        self.strength.setAccessibleName(self.tr("Password strength"))
        self.reason = error_label()
        self.confirm_error = error_label()

        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("&Password:"), self.password)
        form.addRow(self.tr("Strength:"), self.strength)
        form.addRow("", self.reason)
        form.addRow(self.tr("&Confirm password:"), self.confirm)
        form.addRow("", self.confirm_error)

        self.password.textChanged.connect(self._update)
        self.confirm.textChanged.connect(self._update)
        self._update()

    def set_account_name(self, name: str) -> None:
        self.account_name = name
        self._update()

    def problem(self) -> str | None:
        """Why the typed password can't be used (empty fields count), or None."""
        problem = password_problem(self.password.text(), account_name=self.account_name)
        return problem.text if problem else None

    def _update(self) -> None:
        text = self.password.text()
        score = password_strength(text)
        self.strength.setValue(score)
        self.strength.setFormat(self.tr(STRENGTH_WORDS[score]) if text else "")
        self.strength.setStyleSheet(
            f"QProgressBar::chunk {{ background: {_STRENGTH_COLOURS[score]}; }}")
        set_message(self.reason, self.problem() if text else None)
        mismatch = bool(self.confirm.text()) and self.confirm.text() != text
        set_message(self.confirm_error,
                    self.tr("The two passwords are not the same.") if mismatch else None)
        self.changed.emit()

    def show_error(self, field: str | None, message: str) -> None:
        """Place a service's ValidationError beside the field it is about."""
        if field == "confirm":
            set_message(self.confirm_error, message)
            self.confirm.setFocus()
        else:
            set_message(self.reason, message)
            self.password.setFocus()

    def show_problem(self, exc: PeerDeskError, fallback: QLabel) -> None:
        """A refused new password: beside the password or its confirmation when the
        error names one of them, else in `fallback` (the form's own message line)."""
        field = getattr(exc, "field", None)
        if field in ("password", "confirm"):
            self.show_error(field, exc.user_message)
        else:
            set_message(fallback, exc.user_message)

    def clear(self) -> None:
        self.password.clear()
        self.confirm.clear()

    def show_account_problem(self, field: str | None, message: str, name: QLineEdit,
                             name_error: QLabel) -> bool:
        """A new account's refusal beside its name (`name`, `name_error`) or its password
        or confirmation; False when it is about neither (the form shows it elsewhere)."""
        if field == "name":
            set_message(name_error, message)
            name.setFocus()
        elif field in ("password", "confirm"):
            self.show_error(field, message)
        else:
            return False
        return True
