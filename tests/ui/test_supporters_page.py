"""The Supporters page, run as each role on a real vault."""

from __future__ import annotations

from datetime import date, timedelta

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from peerdesk.domain.supporters import CheckKind, SupporterRole
from peerdesk.services import supporters
from peerdesk.ui.supporters.dialogs import CheckDialog, SupporterDialog
from tests.ui.conftest import ADMIN_NAME, ADMIN_PASSWORD, PASSWORDS, one_visible, sign_in


def _save(qtbot, dialog) -> None:
    button = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _page(qtbot, start_gui, vault, name, password=None):
    gui = start_gui(vault)
    sign_in(qtbot, gui.sign_in_window, name, password or PASSWORDS[name])
    return gui, gui.main_window


def _add_by_form(qtbot, page, name: str, account: str | None = None) -> None:
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    dialog = one_visible(SupporterDialog)
    qtbot.keyClicks(dialog.name, name)
    dialog.roles.item(list(SupporterRole).index(SupporterRole.VOLUNTEER)).setCheckState(
        Qt.CheckState.Checked)
    if account is not None:
        dialog.account.setCurrentIndex(dialog.account.findText(account))
    _save(qtbot, dialog)
    assert not dialog.isVisible()


def test_a_lead_adds_a_supporter_records_a_check_and_prints_the_matrix(
        qtbot, start_gui, vault, tmp_path):
    _gui, main = _page(qtbot, start_gui, vault, "Lee Lead")
    main.show_page("Supporters")
    page = main.supporters_page
    _add_by_form(qtbot, page, "Robin Example", "Pia Peer")
    assert [r.preferred_name for r in page.model.rows()] == ["Robin Example"]
    page.view.selectRow(0)
    page.view.activated.emit(page.proxy.index(0, 0))
    assert "Robin Example" in page.detail.toPlainText()
    # An expiry before the check date: a message at the field, nothing saved.
    qtbot.mouseClick(page.check_button, Qt.MouseButton.LeftButton)
    dialog = one_visible(CheckDialog)
    dialog.checked.setText("2025-03-01")
    dialog.expires.setText("2025-01-01")
    qtbot.keyClicks(dialog.reference, "REF-123")
    _save(qtbot, dialog)
    assert dialog.isVisible()
    assert "must come after" in dialog.fields["expires_on"].error.text()
    robin = page.model.rows()[0].id
    assert supporters.open_record(main.session, robin).checks == []
    soon = date.today() + timedelta(days=10)
    dialog.expires.setText(soon.isoformat())
    _save(qtbot, dialog)
    assert not dialog.isVisible()
    assert [e.what for e in page.expiring_model.rows()] == [CheckKind.VETTING.label]
    assert "REF-123" not in page.detail.toPlainText()
    # The matrix: one row, every competency missing; searchable register.
    assert page.matrix_model.rowCount() == 1
    assert page.matrix_proxy.index(0, 1).data() == "Missing"
    qtbot.keyClicks(page.search, "nobody")
    assert page.proxy.rowCount() == 0
    out = tmp_path / "m.pdf"
    assert page.save_matrix_to(out) == 1
    assert "Robin Example" in PdfReader(out).pages[0].extract_text()


def test_a_supporter_sees_only_their_own_record(qtbot, start_gui, vault):
    from tests.fixtures.vaults import close
    from tests.fixtures.vaults import sign_in as open_session

    lead = open_session(vault, "Lee Lead")
    pia = int(lead.db.scalar("SELECT id FROM staff WHERE name = 'Pia Peer'"))
    from peerdesk.domain.supporters import SupporterDraft
    supporters.add(lead, SupporterDraft("Pia", frozenset({SupporterRole.MENTOR}),
                                        date(2025, 1, 1), staff_id=pia))
    supporters.add(lead, SupporterDraft("Not Pia", frozenset({SupporterRole.MENTOR}),
                                        date(2025, 1, 1)))
    close(lead)
    _gui, main = _page(qtbot, start_gui, vault, "Pia Peer")
    page = main.supporters_page
    assert page is not None and not page.manager
    assert "Pia" in page.detail.toPlainText()
    assert "Not Pia" not in page.detail.toPlainText()


def test_the_page_is_for_leads_admins_and_linked_supporters_only(qtbot, start_gui, vault):
    _gui, main = _page(qtbot, start_gui, vault, "Cal Worker")
    assert main.supporters_page is None and "Supporters" not in main.pages


def test_an_administrator_keeps_the_register(qtbot, start_gui, vault):
    _gui, main = _page(qtbot, start_gui, vault, ADMIN_NAME, ADMIN_PASSWORD)
    main.show_page("Supporters")
    _add_by_form(qtbot, main.supporters_page, "Sam Volunteer")
    assert [r.preferred_name for r in main.supporters_page.model.rows()] == ["Sam Volunteer"]


def test_today_shows_what_expires_in_the_next_30_days(qtbot, start_gui, vault):
    from peerdesk.domain.supporters import CheckDraft, SupporterDraft
    from tests.fixtures.vaults import close
    from tests.fixtures.vaults import sign_in as open_session

    lead = open_session(vault, "Lee Lead")
    robin = supporters.add(lead, SupporterDraft("Robin", frozenset({SupporterRole.MENTOR}),
                                                date(2025, 1, 1)))
    supporters.record_check(lead, CheckDraft(robin, CheckKind.VETTING, date(2024, 1, 1), "R",
                                             date.today() + timedelta(days=12)))
    close(lead)
    _gui, main = _page(qtbot, start_gui, vault, "Lee Lead")
    main.show_page("Today")
    today = main.caseload.today
    assert [(e.name, e.what) for e in today.expiring.rows()] == [
        ("Robin", CheckKind.VETTING.label)]
    assert today.expiring_view.isVisibleTo(today)
    # Robin is in training, so not yet due supervision; nobody active is overdue.
    assert today.overdue.rowCount() == 0 and today.overdue_empty.isVisibleTo(today)


def test_supervision_hours_and_the_journal_on_screen(qtbot, start_gui, vault, tmp_path):
    from peerdesk.domain.supporters import SupporterDraft
    from peerdesk.ui.supporters.dialogs import HoursDialog, JournalDialog, SupervisionDialog
    from tests.fixtures.vaults import close
    from tests.fixtures.vaults import sign_in as open_session

    close(open_session(vault, "Pia Peer"))  # her personal key is registered at sign-in
    lead = open_session(vault, "Lee Lead")
    pia = int(lead.db.scalar("SELECT id FROM staff WHERE name = 'Pia Peer'"))
    supporters.add(lead, SupporterDraft("Pia", frozenset({SupporterRole.VOLUNTEER}),
                                        date.today() - timedelta(days=300), staff_id=pia))
    close(lead)
    gui, main = _page(qtbot, start_gui, vault, "Lee Lead")
    main.show_page("Supporters")
    page = main.supporters_page
    page.view.selectRow(0)
    page.view.activated.emit(page.proxy.index(0, 0))
    qtbot.mouseClick(page.supervision_button, Qt.MouseButton.LeftButton)
    dialog = one_visible(SupervisionDialog)
    dialog.held.setText((date.today() + timedelta(days=2)).isoformat())
    dialog.notes.setPlainText("Went well.")
    _save(qtbot, dialog)
    assert "future" in dialog.fields["held_on"].error.text()
    assert page.supervision_model.rowCount() == 0  # nothing saved
    dialog.held.setText(date.today().isoformat())
    _save(qtbot, dialog)
    assert not dialog.isVisible()
    assert page.supervision_model.rowCount() == 1
    page._read_notes(page.supervision_model.index(0, 0))
    assert page.notes_text.toPlainText() == "Went well."
    # Hours: more than a day refused at the field; then the timesheet shows them.
    qtbot.mouseClick(page.add_hours_button, Qt.MouseButton.LeftButton)
    hours = one_visible(HoursDialog)
    hours.hours.setValue(25)
    _save(qtbot, hours)
    assert "a day has 24" in hours.fields["minutes"].error.text()
    hours.hours.setValue(2.5)
    _save(qtbot, hours)
    assert not hours.isVisible()
    page.show_hours()
    assert page.hours_model.rowCount() == 2  # Pia, then the total
    shown = [[page.hours_model.index(r, c).data() for c in range(page.hours_model.columnCount())]
             for r in range(page.hours_model.rowCount())]
    page.save_hours_to(tmp_path / "h.csv", "csv")
    import csv
    with open(tmp_path / "h.csv", encoding="utf-8-sig", newline="") as handle:
        assert list(csv.reader(handle))[1:] == shown  # the CSV is the screen
    gui.sign_out()
    # Pia: her own record, hours and journal; no register.
    sign_in(qtbot, gui.sign_in_window, "Pia Peer", PASSWORDS["Pia Peer"])
    main2 = gui.main_window
    mine = main2.supporters_page
    assert not mine.manager and not hasattr(mine, "model")
    mine.show_hours()
    assert mine.hours_model.index(0, 0).data() == "Pia"
    mine._dialog(JournalDialog(main2.session))
    journal = one_visible(JournalDialog)
    journal.body.setPlainText("Thinking about Tuesday.")
    _save(qtbot, journal)
    assert mine.journal_model.rowCount() == 1
    mine._read_entry(mine.journal_model.index(0, 0))
    assert mine.entry_text.toPlainText() == "Thinking about Tuesday."
