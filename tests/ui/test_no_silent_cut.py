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


def test_the_setup_wizard_refuses_a_long_centre_or_person_name_whole(
        qtbot, start_gui, tmp_path):
    from PySide6.QtWidgets import QWizard

    from peerdesk.storage.paths import VaultPaths

    paths = VaultPaths.at(tmp_path / "centre.peerdesk")
    wizard = start_gui(paths).wizard
    page = wizard.centre_page
    paste(page.centre, "Harbour Lane " * 10)  # 130 characters; the limit is 120
    assert len(page.centre.text()) == 130  # kept whole, not cut to 120
    wizard.next()
    assert wizard.currentPage() is page
    assert page.error.isVisible()
    assert page.error.text() == (
        "The centre's name can be at most 120 characters (this is 129).")
    page.centre.setText("Harbour Lane")
    wizard.next()
    admin = wizard.admin_page
    assert wizard.currentPage() is admin
    paste(admin.name, "S" * 73)
    assert len(admin.name.text()) == 73  # not cut to 60
    qtbot.keyClicks(admin.passwords.password, "a long first password 7")
    qtbot.keyClicks(admin.passwords.confirm, "a long first password 7")
    wizard.button(QWizard.WizardButton.CommitButton).click()
    assert wizard.currentPage() is admin
    assert admin.name_error.text() == "Name can be at most 60 characters (this is 73)."
    assert not paths.database.exists()  # nothing created


def test_report_settings_refuse_a_long_centre_name_and_keep_the_old_one(qtbot, vault):
    from peerdesk.services import reports
    from peerdesk.ui.reports.settings_dialog import ReportSettingsDialog

    with signed_in(vault, "Lee Lead") as lead:
        before = reports.centre_name(lead)
        dialog = ReportSettingsDialog(lead)
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.centre.clear()
        paste(dialog.centre, "C" * 150)
        assert len(dialog.centre.text()) == 150
        dialog.save()
        assert dialog.isVisible()
        assert dialog.problem.isVisible()
        assert dialog.problem.text() == (
            "The centre's name can be at most 120 characters (this is 150).")
        assert reports.centre_name(lead) == before


def test_supporter_group_and_meeting_forms_refuse_long_or_overtyped_text(qtbot, vault):
    from peerdesk.domain.groups import GroupDraft, GroupKind, GroupMode
    from peerdesk.services import groups, supporters
    from peerdesk.ui.groups.dialogs import GroupDialog, MeetingDialog
    from peerdesk.ui.supporters.dialogs import SupporterDialog

    with signed_in(vault, "Lee Lead") as lead:
        supporter = SupporterDialog(lead)
        qtbot.addWidget(supporter)
        supporter.show()
        paste(supporter.name, "R" * 61)
        assert len(supporter.name.text()) == 61  # not cut to 60
        supporter.start.clear()
        paste(supporter.start, "2026-01-015")  # one digit too many: not cut to a real day
        assert supporter.start.text() == "2026-01-015"
        supporter.accept()
        assert supporter.isVisible()
        assert "YYYY-MM-DD" in supporter.fields["start_date"].error.text()
        supporter.start.setText("2026-01-15")
        supporter.accept()
        assert supporter.fields["name"].error.text() == (
            "Preferred name can be at most 60 characters (this is 61).")
        assert supporters.register(lead) == []

        group = GroupDialog(lead)
        qtbot.addWidget(group)
        group.show()
        paste(group.name, "G" * 90)
        assert len(group.name.text()) == 90  # not cut to 80
        group.accept()
        assert group.isVisible()
        assert group.error.text() == "Group name can be at most 80 characters (this is 90)."
        assert groups.list_groups(lead) == []

        group_id = groups.create_group(lead, GroupDraft("Circle", GroupKind.PEER_SUPPORT,
                                                        GroupMode.IN_PERSON))
        meeting = MeetingDialog(lead, groups.get_group(lead, group_id))
        qtbot.addWidget(meeting)
        meeting.show()
        paste(meeting.starts_at, "18:30pm")  # was silently cut to "18:30"
        assert meeting.starts_at.text() == "18:30pm"
        meeting.accept()
        assert meeting.isVisible()
        assert meeting.error.text() == "Start time must be written as HH:MM, for example 18:30."


def test_no_field_in_the_ui_caps_its_length_silently():
    """Every one-line field's length is checked by the record's rule, with a message; the
    only setMaxLength left is keep_long_text lifting Qt's own 32,767 cap."""
    from pathlib import Path

    import peerdesk.ui

    ui = Path(peerdesk.ui.__file__).parent
    capped = [f"{path.relative_to(ui)}:{number}"
              for path in sorted(ui.rglob("*.py"))
              for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
              if "setMaxLength(" in line and "NO_LIMIT" not in line]
    assert capped == []
