"""The one form dialog (ui/form_dialog.py): a refused save's message beside its field or
under the form, nothing saved and the form open; a save closes it and says what it saved."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from peerdesk.domain.listening import KnownCallerDraft
from peerdesk.services import known_callers
from peerdesk.services.session import Session
from peerdesk.ui.form_dialog import STAY_OPEN, FormDialog, note_edit, with_note_below
from tests.ui.peers_helpers import signed_in


class CallerForm(FormDialog):
    """A known caller's nickname and note, saved through the real service."""

    def __init__(self, session: Session, *, register_note: bool = True,
                 ctrl_return: bool = False) -> None:
        super().__init__(session, ctrl_return=ctrl_return)
        self.nickname = QLineEdit()
        self.note = note_edit(placeholder="A note")
        self.hint = QLabel("under the nickname")
        self.hold = False
        form = QFormLayout()
        form.addRow("&Nickname", self.field("nickname", with_note_below(self.nickname,
                                                                        self.hint)))
        form.addRow("N&ote", self.field("note", self.note) if register_note else self.note)
        self.lay_out(QLabel("A form"), form)

    def save(self) -> object:
        if self.hold:
            return STAY_OPEN
        return known_callers.create(self.session,
                                    KnownCallerDraft(self.nickname.text(),
                                                     self.note.toPlainText()))


def test_a_refused_save_shows_beside_its_field_and_saves_nothing(qtbot, vault):
    with signed_in(vault, "Pia Peer") as worker:
        dialog = CallerForm(worker)
        qtbot.addWidget(dialog)
        dialog.show()
        announced: list[int] = []
        dialog.saved.connect(announced.append)
        dialog.nickname.setText("x" * 41)
        dialog.accept()
        assert "at most 40" in dialog.fields["nickname"].error.text()
        assert not dialog.error.isVisible()
        assert dialog.isVisible() and announced == []
        assert known_callers.search(worker) == []
        # The next try clears the old message first.
        dialog.nickname.setText("Tuesday texter")
        dialog.note.setPlainText("y" * 1000)
        dialog.accept()
        assert dialog.fields["nickname"].error.text() == ""
        assert dialog.fields["note"].error.text()
        assert dialog.isVisible() and announced == []


def test_a_message_for_a_field_the_form_does_not_list_goes_under_the_form(qtbot, vault):
    with signed_in(vault, "Pia Peer") as worker:
        dialog = CallerForm(worker, register_note=False)
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.nickname.setText("Tuesday texter")
        dialog.note.setPlainText("y" * 1000)
        dialog.accept()
        assert dialog.error.isVisible() and dialog.error.text()
        assert dialog.isVisible()
        assert known_callers.search(worker) == []


def test_a_good_save_closes_and_announces_the_saved_id(qtbot, vault):
    with signed_in(vault, "Pia Peer") as worker:
        dialog = CallerForm(worker)
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.nickname.setText("Tuesday texter")
        with qtbot.waitSignal(dialog.saved) as signal:
            qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        [found] = known_callers.search(worker)
        assert signal.args == [found.id] and dialog.saved_id == found.id
        assert not dialog.isVisible()


def test_stay_open_keeps_the_form_without_a_message(qtbot, vault):
    with signed_in(vault, "Pia Peer") as worker:
        dialog = CallerForm(worker)
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.hold = True
        dialog.accept()
        assert dialog.isVisible() and not dialog.error.isVisible()
        assert dialog.saved_id is None


def test_ctrl_return_saves_from_a_notes_box(qtbot, vault):
    with signed_in(vault, "Pia Peer") as worker:
        dialog = CallerForm(worker, ctrl_return=True)
        qtbot.addWidget(dialog)
        assert dialog.save_button.text() == "Save  (Ctrl+Return)"
        dialog.show()
        dialog.nickname.setText("Tuesday texter")
        dialog.note.setFocus()
        with qtbot.waitSignal(dialog.saved):
            qtbot.keyClick(dialog.note, Qt.Key.Key_Return,
                           Qt.KeyboardModifier.ControlModifier)
        assert [c.draft.nickname for c in known_callers.search(worker)] == ["Tuesday texter"]


def test_form_pieces_keep_focus_and_tab_order(qtbot):
    edit = QLineEdit()
    holder = with_note_below(edit, QLabel("12 of 40 characters"))
    qtbot.addWidget(holder)
    assert holder.focusProxy() is edit
    notes = note_edit("text", "placeholder", lines=3)
    qtbot.addWidget(notes)
    assert isinstance(notes, QPlainTextEdit)
    assert notes.tabChangesFocus() and notes.placeholderText() == "placeholder"
    assert notes.toPlainText() == "text"


def test_an_action_form_can_have_ok_instead_of_save(qtbot, vault):
    with signed_in(vault, "Pia Peer") as worker:
        dialog = FormDialog(worker, button=QDialogButtonBox.StandardButton.Ok)
        qtbot.addWidget(dialog)
        assert dialog.save_button is dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert dialog.buttons.button(QDialogButtonBox.StandardButton.Save) is None


def test_a_new_accounts_problem_goes_beside_name_or_password(qtbot):
    from peerdesk.ui.fields import error_label
    from peerdesk.ui.password_fields import NewPasswordFields

    holder = QWidget()
    qtbot.addWidget(holder)
    name, name_error = QLineEdit(holder), error_label()
    name_error.setParent(holder)
    passwords = NewPasswordFields(holder)
    holder.show()
    assert passwords.show_account_problem("name", "Give a name.", name, name_error)
    assert name_error.text() == "Give a name." and holder.focusWidget() is name
    assert passwords.show_account_problem("confirm", "Not the same.", name, name_error)
    assert passwords.confirm_error.text() == "Not the same."
    assert not passwords.show_account_problem("roles", "Pick a role.", name, name_error)


def test_one_form_adds_a_record_and_then_changes_that_same_record(qtbot, vault):
    """FormDialog.add_or_change: no record yet, a new one; opened on a record, that record
    changed, and its id is what is announced (here a directory entry, a real vault)."""
    from peerdesk.services import directory
    from peerdesk.ui.contacts.directory_dialog import DirectoryEntryDialog

    with signed_in(vault, "Lee Lead") as lead:
        before = len(directory.search(lead, ""))
        adding = DirectoryEntryDialog(lead)
        qtbot.addWidget(adding)
        adding.show()
        adding.name.setText("Harbour Lane food bank")
        with qtbot.waitSignal(adding.saved) as added:
            adding.accept()
        entry_id = added.args[0]
        assert len(directory.search(lead, "")) == before + 1
        changing = DirectoryEntryDialog(lead, directory.get(lead, entry_id))
        qtbot.addWidget(changing)
        changing.show()
        changing.name.setText("Harbour Lane community pantry")
        with qtbot.waitSignal(changing.saved) as changed:
            changing.accept()
        assert changed.args == [entry_id]
        assert directory.get(lead, entry_id).draft.name == "Harbour Lane community pantry"
        assert len(directory.search(lead, "")) == before + 1
