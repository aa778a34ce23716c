"""NewPasswordFields.show_problem: the one place a refused new password is put beside
the password, its confirmation, or the form's own message line (change password,
recovery, reset by an admin)."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from peerdesk.domain.errors import PeerDeskError, ValidationError, WrongCredentials
from peerdesk.ui.fields import error_label
from peerdesk.ui.password_fields import NewPasswordFields


def test_a_refusal_lands_beside_the_field_it_names_else_on_the_form(qtbot):
    form = QWidget()
    fields = NewPasswordFields(form)
    line = error_label()
    column = QVBoxLayout(form)
    column.addWidget(fields)
    column.addWidget(line)
    qtbot.addWidget(form)
    form.show()

    fields.show_problem(ValidationError("The two passwords are not the same.",
                                        field="confirm"), line)
    assert fields.confirm_error.isVisible() and not line.isVisible()
    assert fields.confirm_error.text() == "The two passwords are not the same."

    fields.show_problem(ValidationError("Too short.", field="password"), line)
    assert fields.reason.text() == "Too short." and not line.isVisible()

    fields.show_problem(ValidationError("Choose an administrator account.",
                                        field="staff_id"), line)
    assert line.isVisible() and line.text() == "Choose an administrator account."

    fields.show_problem(WrongCredentials(), line)
    assert line.text() == WrongCredentials().user_message
    fields.show_problem(PeerDeskError("The vault is locked."), line)
    assert line.text() == "The vault is locked."
