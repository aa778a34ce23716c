"""No field drops text silently (issue 14 item 6): a whole paste arrives, and text over
the limit is refused beside the field with the limit named; nothing is saved."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit

from peerdesk.services import directory, peers
from peerdesk.services.peers import PeerFilter
from peerdesk.ui.contacts.directory_dialog import DirectoryEntryDialog
from peerdesk.ui.peers.peer_dialog import PeerDialog
from peerdesk.ui.sessions.session_dialog import SessionDialog
from tests.ui.peers_helpers import signed_in

HUGE = "x" * 40_000


def paste(edit: QLineEdit | QPlainTextEdit, text: str) -> None:
    QApplication.clipboard().setText(text)
    edit.setFocus()
    edit.paste()


def test_a_long_paste_into_a_peer_form_is_refused_with_the_limit(qtbot, vault):
    with signed_in(vault, "Cal Worker") as cal:
        dialog = PeerDialog(cal)
        qtbot.addWidget(dialog)
        dialog.show()
        paste(dialog.preferred_name, "N" * 73)
        assert len(dialog.preferred_name.text()) == 73  # kept whole, not cut to 60
        dialog.accept()
        assert dialog.isVisible()
        assert dialog.fields["name"].error.text() == (
            "Preferred name or alias can be at most 60 characters (this is 73).")
        assert peers.find(cal, PeerFilter()) == []

        dialog.preferred_name.setText("Noor")
        paste(dialog.languages, HUGE)
        assert len(dialog.languages.text()) == 40_000  # not 32,767
        dialog.accept()
        assert dialog.isVisible()
        error = dialog.fields["languages"].error
        assert error.isVisible() and "at most" in error.text() and "(this is 40,000)" in \
            error.text()
        assert peers.find(cal, PeerFilter()) == []


def test_a_long_session_note_is_refused_whole(qtbot, vault):
    with signed_in(vault, "Cal Worker") as cal:
        peer_id = peers.create(cal, peers.PeerDraft(preferred_name="Sunny",
                                                    first_contact=date.today()))
        dialog = SessionDialog(cal, peer_id)
        qtbot.addWidget(dialog)
        dialog.show()
        paste(dialog.notes, "n" * 40_001)
        assert len(dialog.notes.toPlainText()) == 40_001
        dialog.accept()
        assert dialog.isVisible()
        assert dialog.fields["notes"].error.text() == (
            "Notes can be at most 40,000 characters (this is 40,001).")
        assert peers.open_page(cal, peer_id).sessions == []


def test_a_long_paste_into_a_directory_entry_is_refused_whole(qtbot, vault):
    with signed_in(vault, "Lee Lead") as lead:
        dialog = DirectoryEntryDialog(lead)
        qtbot.addWidget(dialog)
        dialog.show()
        saved_before = len(directory.search(lead, ""))
        paste(dialog.name, HUGE)
        assert len(dialog.name.text()) == 40_000
        dialog.accept()
        assert dialog.isVisible()
        error = dialog.fields["name"].error
        assert error.isVisible() and "(this is 40,000)" in error.text()
        assert "at most" in error.text()
        assert len(directory.search(lead, "")) == saved_before  # nothing saved
