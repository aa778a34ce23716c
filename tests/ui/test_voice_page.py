"""The Peers' voice page and the peer's mentoring tab, run as each role on a real vault."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from peerdesk.domain.consent import ConsentDraft, ConsentScope
from peerdesk.domain.errors import PermissionDenied
from peerdesk.domain.voice import ActionStatus, Benefit, MentoringDraft, QuoteDraft
from peerdesk.services import casework, peers, voice
from peerdesk.storage.repositories import audit as audit_repo
from peerdesk.ui.voice.dialogs import (
    ConsultationDialog,
    FeedbackDialog,
    PairDialog,
    QuoteDialog,
)
from tests.services.caseload_helpers import peer
from tests.ui.conftest import PASSWORDS, one_visible, sign_in, visible

TODAY = date.today()


def _save(qtbot, dialog) -> None:
    button = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _main(qtbot, start_gui, vault, name):
    gui = start_gui(vault)
    sign_in(qtbot, gui.sign_in_window, name, PASSWORDS[name])
    return gui.main_window


def _peer(session, name: str, quotable: bool = False, **kw) -> int:
    peer_id = peers.create(session, peer(name, first_contact=date(2025, 3, 2), **kw))
    if quotable:
        casework.add_consent(session, ConsentDraft(peer_id, ConsentScope.QUOTABLE,
                                                   date(2025, 3, 2)))
    return peer_id


def _active(qtbot, main) -> None:
    """The main window active, so keyboard shortcuts reach the page."""
    main.activateWindow()
    qtbot.waitUntil(main.isActiveWindow)


def _choose(combo, peer_id: int) -> None:
    combo.setCurrentIndex(combo.findData(peer_id))


def test_a_lead_pairs_a_peer_and_the_same_person_twice_is_refused_at_the_field(
        qtbot, start_gui, vault):
    main = _main(qtbot, start_gui, vault, "Lee Lead")
    rosa, idris = _peer(main.session, "Rosa"), _peer(main.session, "Idris")
    main.show_page("Peers' voice")
    page = main.voice_page
    page.reload()
    page.tabs.setCurrentWidget(page.pairs)
    _active(qtbot, main)
    page.pairs.view.setFocus()
    qtbot.keyClick(page.pairs.view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = one_visible(PairDialog)
    _choose(dialog.mentee, rosa)
    dialog.by_peer.setChecked(True)
    _choose(dialog.mentor_peer, rosa)
    dialog.goals.setPlainText("Feel safe on the bus")
    _save(qtbot, dialog)
    assert dialog.isVisible()
    assert "two different people" in dialog.fields["mentor"].error.text()
    assert voice.pairs(main.session) == []
    _choose(dialog.mentor_peer, idris)
    _save(qtbot, dialog)
    assert not dialog.isVisible()
    assert [(r.mentee.split(" (")[0], r.mentor.split(" (")[0])
            for r in page.pairs.model.rows()] == [("Rosa", "Idris")]
    # Searchable and sortable.
    qtbot.keyClicks(page.pairs.search, "bus")
    assert page.pairs.proxy.rowCount() == 1
    page.pairs.search.clear()
    qtbot.keyClicks(page.pairs.search, "nobody")
    assert page.pairs.proxy.rowCount() == 0


def test_the_peer_page_shows_the_pair_and_saves_a_quote(qtbot, start_gui, vault):
    from peerdesk.ui.peers.peer_page import PeerPageView

    main = _main(qtbot, start_gui, vault, "Lee Lead")
    session = main.session
    rosa, idris = _peer(session, "Rosa", quotable=True), _peer(session, "Idris")
    voice.add_pair(session, MentoringDraft(rosa, date(2025, 4, 1), None, idris,
                                           goals="Back to college"))
    view = PeerPageView(session, lambda d: d.open())
    qtbot.addWidget(view)
    assert view.show_peer(rosa)
    assert view.tabs.isTabVisible(view.tabs.indexOf(view.voice_tab))
    text = view.pairs_text.toPlainText()
    assert "Idris" in text and "Back to college" in text
    dialog = view.save_quote()
    assert dialog is not None and dialog.peer.currentData() == rosa
    dialog.words.setPlainText("I stopped feeling like the only one.")
    _save(qtbot, dialog)
    assert not dialog.isVisible()
    assert [q.words for q in voice.quotes_for_peer(session, rosa)] == [
        "I stopped feeling like the only one."]


def test_a_quote_naming_a_peer_is_flagged_at_save_and_approval_asks_first(
        qtbot, start_gui, vault):
    main = _main(qtbot, start_gui, vault, "Lee Lead")
    rosa = _peer(main.session, "Rosa", quotable=True)
    _peer(main.session, "Zephyrine")
    main.show_page("Peers' voice")
    page = main.voice_page
    page.tabs.setCurrentWidget(page.quotes)
    dialog = page.save_quote()
    _choose(dialog.peer, rosa)
    dialog.words.setPlainText("Zephyrine made me laugh again")
    _save(qtbot, dialog)
    assert dialog.isVisible()  # warned first, nothing saved
    assert "a person's name or alias" in dialog.fields["words"].error.text()
    assert dialog.save_button.text().replace("&", "") == "Save anyway"
    assert voice.quotes_for_peer(main.session, rosa) == []
    _save(qtbot, dialog)  # saved anyway, flagged
    assert not dialog.isVisible()
    row = page.quotes.model.rows()[0]
    assert row.quote.flags and page.quotes.proxy.index(0, 3).data().startswith("May identify")
    page.quotes.view.selectRow(0)
    box = page.approve()
    assert isinstance(box, QMessageBox) and "may identify someone" in box.text()
    assert not voice.quotes(main.session)[0].quote.approved  # not until confirmed
    confirm = next(b for b in box.buttons() if b.text() == "Approve anyway")
    qtbot.mouseClick(confirm, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: voice.quotes(main.session)[0].quote.approved)


def test_consultations_and_feedback_by_form(qtbot, start_gui, vault, tmp_path):
    main = _main(qtbot, start_gui, vault, "Lee Lead")
    main.show_page("Peers' voice")
    page = main.voice_page
    page.tabs.setCurrentWidget(page.consultations)
    dialog = page.record_consultation()
    qtbot.keyClicks(dialog.topic, "Evening group")
    dialog.headcount.setValue(11)
    dialog.status.setCurrentIndex(dialog.status.findData(ActionStatus.WONT_DO.value))
    _save(qtbot, dialog)
    assert dialog.isVisible() and "Say why" in dialog.fields["why_not"].error.text()
    dialog.why_not.setPlainText("No one to open the building at night yet")
    _save(qtbot, dialog)
    assert not dialog.isVisible()
    page.said_did_button.setChecked(True)
    assert [c.draft.topic for c in page.consultations.model.rows()] == ["Evening group"]
    from pypdf import PdfReader

    assert page.save_said_did_to(tmp_path / "board.pdf") == 1
    board = " ".join(PdfReader(tmp_path / "board.pdf").pages[0].extract_text().split())
    assert "Evening group" in board and "No one to open the building" in board
    page.tabs.setCurrentWidget(page.feedback)
    _active(qtbot, main)
    page.feedback.view.setFocus()
    qtbot.keyClick(page.feedback.view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    form = one_visible(FeedbackDialog)
    _save(qtbot, form)
    assert form.isVisible() and "empty" in form.fields["benefits"].error.text()
    form.benefits.item(list(Benefit).index(Benefit.LESS_ISOLATION)).setCheckState(
        Qt.CheckState.Checked)
    _save(qtbot, form)
    assert not form.isVisible()
    assert page.feedback.proxy.index(0, 2).data() == "Less isolation"
    assert not visible(ConsultationDialog)


def test_a_caseworker_works_with_it_but_approves_nothing(qtbot, start_gui, vault):
    main = _main(qtbot, start_gui, vault, "Cal Worker")
    rosa = _peer(main.session, "Rosa", quotable=True)
    saved = voice.add_quote(main.session, QuoteDraft(rosa, date(2025, 4, 1), "Hope."))
    assert "Peers' voice" in main.pages
    page = main.voice_page
    # Nothing is read (nor audited as viewed) until the page is opened.
    assert audit_repo.recent(main.session.db, limit=50, target_kind="quotes") == []
    assert page.quotes.model.rowCount() == 0
    main.show_page("Peers' voice")
    assert len(audit_repo.recent(main.session.db, limit=50, target_kind="quotes")) == 1
    assert page.quotes.model.rowCount() == 1
    assert not page.approve_button.isVisibleTo(page) and not page.approver
    with pytest.raises(PermissionDenied):  # the service refuses what the screen hides
        voice.approve_quote(main.session, saved.id)


@pytest.mark.parametrize("name", ["Ada Admin", "Pia Peer"])
def test_no_page_for_an_administrator_or_a_peer_supporter(qtbot, start_gui, vault, name):
    main = _main(qtbot, start_gui, vault, name)
    assert "Peers' voice" not in main.pages and main.voice_page is None
    for call in (voice.pairs, voice.consultations, voice.feedback, voice.quotes,
                 voice.peer_choices):
        with pytest.raises(PermissionDenied):
            call(main.session)


def test_the_report_setting_adds_the_page_and_a_print_drops_withdrawn_consent(
        qtbot, start_gui, vault, tmp_path, monkeypatch):
    """Ticked in the report settings; printed through the dialog, read back from the PDF."""
    from pypdf import PdfReader
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter
    from PySide6.QtWidgets import QDialog

    from peerdesk.services import reports

    main = _main(qtbot, start_gui, vault, "Lee Lead")
    session = main.session
    rosa = _peer(session, "Rosa")
    consent = casework.add_consent(session, ConsentDraft(rosa, ConsentScope.QUOTABLE,
                                                         date(2025, 3, 2)))
    saved = voice.add_quote(session, QuoteDraft(rosa, date(2025, 4, 1),
                                                "Here nobody rushed me."))
    voice.approve_quote(session, saved.id)
    main.show_page("Reports")
    page = main.reports_page
    dialog = page.open_settings()
    assert not dialog.quotes_page.isChecked()
    dialog.quotes_page.setChecked(True)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert reports.settings(session).quotes_page
    with qtbot.waitSignal(page.finished, timeout=60_000):
        qtbot.mouseClick(page.prepare_button, Qt.MouseButton.LeftButton)
    assert page.report.quotes == ("Here nobody rushed me.",)
    printed = tmp_path / "printed.pdf"

    def accept(box: QPrintDialog) -> int:
        box.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        box.printer().setOutputFileName(str(printed))
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(QPrintDialog, "exec", accept)

    def words() -> str:
        return " ".join(" ".join((p.extract_text() or "").split())
                        for p in PdfReader(printed).pages)

    assert page.print_report()
    assert "In their words" in words() and "nobody rushed me" in words()
    assert "Rosa" not in words()
    casework.withdraw_consent(session, consent)  # the same preview, printed again
    assert page.print_report()
    assert "nobody rushed me" not in words()


def test_long_words_are_refused_whole_at_the_field(qtbot, vault):
    """Nothing is cut: a long topic or quote arrives whole and is refused with the limit."""
    from PySide6.QtWidgets import QApplication

    from tests.fixtures.vaults import close
    from tests.fixtures.vaults import sign_in as open_session

    session = open_session(vault, "Lee Lead")
    try:
        rosa = _peer(session, "Rosa", quotable=True)
        dialog = QuoteDialog(session, peer_id=rosa)
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.words.setPlainText("w" * 1200)
        _save(qtbot, dialog)
        assert dialog.isVisible()
        assert "at most 1,000 characters (this is 1,200)" in dialog.fields["words"].error.text()
        assert voice.quotes_for_peer(session, rosa) == []
        form = ConsultationDialog(session)
        qtbot.addWidget(form)
        form.show()
        QApplication.clipboard().setText("t" * 250)
        form.topic.setFocus()
        form.topic.paste()
        assert len(form.topic.text()) == 250
        _save(qtbot, form)
        assert "at most 200 characters" in form.fields["topic"].error.text()
        assert voice.consultations(session) == []
    finally:
        close(session)


def test_a_quote_a_peer_asks_to_remove_is_deleted_after_asking(qtbot, start_gui, vault):
    main = _main(qtbot, start_gui, vault, "Lee Lead")
    rosa = _peer(main.session, "Rosa", quotable=True)
    voice.add_quote(main.session, QuoteDraft(rosa, date(2025, 4, 1), "Take this out."))
    main.show_page("Peers' voice")
    page = main.voice_page
    page.tabs.setCurrentWidget(page.quotes)
    page.quotes.view.selectRow(0)
    box = page.delete_quote()
    assert isinstance(box, QMessageBox)
    assert voice.quotes_for_peer(main.session, rosa) != []  # nothing until confirmed
    qtbot.mouseClick(next(b for b in box.buttons() if b.text() == "Delete"),
                     Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: voice.quotes_for_peer(main.session, rosa) == [])
    assert page.quotes.model.rowCount() == 0
    events = audit_repo.recent(main.session.db, limit=10, target_kind="peer",
                               target_id=str(rosa))
    assert any(e.detail.endswith("deleted") and "Take" not in e.detail for e in events)


def test_a_half_typed_name_is_never_saved_as_the_person_chosen_before(qtbot, vault):
    from tests.fixtures.vaults import close
    from tests.fixtures.vaults import sign_in as open_session

    session = open_session(vault, "Lee Lead")
    try:
        rosa, idris = _peer(session, "Rosa"), _peer(session, "Idris")
        dialog = PairDialog(session, mentee_id=rosa)
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.by_peer.setChecked(True)
        _choose(dialog.mentor_peer, idris)
        dialog.mentor_peer.setEditText("Ros")  # typed over, nothing picked from the list
        _save(qtbot, dialog)
        assert dialog.isVisible()
        assert "Choose a mentor" in dialog.fields["mentor"].error.text()
        assert voice.pairs(session) == []
        # Typing part of a name offers the people whose name or reference holds it.
        completer = dialog.mentee.completer()
        completer.setCompletionPrefix("dri")
        assert completer.currentCompletion().startswith("Idris (P-")
    finally:
        close(session)
