"""A peer's page and logging a session: by keyboard alone, with the safe-contact banner."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt

from peerdesk.domain.consent import ConsentDraft, ConsentScope
from peerdesk.domain.one_to_one import SessionDraft, SessionKind, SessionMode
from peerdesk.domain.outcomes import ONS4, RatingDraft
from peerdesk.domain.peer import PeerDraft
from peerdesk.domain.safe_contact import SafeContact
from peerdesk.services import casework, peers
from peerdesk.ui.peers.list_model import PeerColumn
from peerdesk.ui.peers.peer_page import PeerPageView
from peerdesk.ui.peers.record_dialogs import (
    ConsentDialog,
    DeleteRatingDialog,
    RatingDialog,
    ReferralDialog,
)
from peerdesk.ui.peers.record_models import TimelineEntry
from peerdesk.ui.sessions.session_dialog import SessionDialog
from tests.ui.peers_helpers import Pages, focused, press, signed_in, type_text

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
CODE_WORD = "bluebird"
PREFS = SafeContact(calls_ok=False, texts_ok=True, email_ok=True, voicemail_ok=False,
                    safe_times="texts only after 6 pm",
                    code_word=CODE_WORD)


def add_peer(session, name: str = "Sunny", prefs: SafeContact | None = PREFS) -> int:
    return peers.create(session, PeerDraft(preferred_name=name,
                                           first_contact=date.today() - timedelta(days=90)),
                        safe_contact=prefs)


def test_log_a_session_by_keyboard_alone(qtbot, vault):
    with signed_in(vault, "Cal Worker") as cal:
        peer_id = add_peer(cal)
        add_peer(cal, "Other", None)
        pages = Pages(cal)
        section = pages.caseload.peers
        qtbot.addWidget(section)
        pages.show(qtbot, section)
        page = section.list_page
        assert page.model.index(1, PeerColumn.LAST_CONTACT).data() == "—"

        # Find them and open their page: type, Enter (the only match opens).
        qtbot.keyClick(page.table, Qt.Key.Key_F, CTRL)
        type_text(qtbot, "sun")
        press(qtbot, Qt.Key.Key_Return)
        assert section.showing_peer()
        view = section.peer_page
        assert view.peer_id == peer_id
        banner = view.banner.banner_text()
        assert banner == "No calls · No voicemail · texts only after 6 pm · Code word set"
        assert CODE_WORD not in banner
        assert view.banner.level == "warn"

        press(qtbot, Qt.Key.Key_S, CTRL | SHIFT)
        dialog = pages.last_dialog()
        assert isinstance(dialog, SessionDialog) and dialog.isVisible()
        qtbot.waitUntil(dialog.isActiveWindow)
        assert dialog.windowTitle() == "Log a session"
        assert focused() is dialog.held_on
        assert dialog.held_on.text() == date.today().isoformat()
        assert not dialog.banner.isVisible()  # in person: nobody is being contacted

        press(qtbot, Qt.Key.Key_Tab)  # duration
        assert focused() is dialog.minutes
        type_text(qtbot, "45")
        press(qtbot, Qt.Key.Key_Tab)  # mode: In person -> Phone
        press(qtbot, Qt.Key.Key_Down)
        assert dialog.selected_mode() is SessionMode.PHONE
        assert dialog.banner.isVisible()
        assert dialog.banner.banner_text() == banner
        assert CODE_WORD not in dialog.banner.banner_text()
        # kind: their first session starts as First contact -> Peer support -> Listening
        assert SessionKind(dialog.kind.currentData()) is SessionKind.INTAKE
        press(qtbot, Qt.Key.Key_Tab)
        press(qtbot, Qt.Key.Key_Down, times=2)
        press(qtbot, Qt.Key.Key_Tab)  # topics: tick the first and the second
        assert focused() is dialog.topics
        press(qtbot, Qt.Key.Key_Space)
        press(qtbot, Qt.Key.Key_Right)
        press(qtbot, Qt.Key.Key_Space)
        press(qtbot, Qt.Key.Key_Tab)  # services signposted to (the directory)
        assert dialog.services is not None and focused() is dialog.services.search
        press(qtbot, Qt.Key.Key_Tab)  # notes; Tab moves on rather than typing a tab
        assert focused() is dialog.notes
        type_text(qtbot, "Talked about the housing letter.")
        press(qtbot, Qt.Key.Key_Tab)
        assert focused() is dialog.next_steps
        type_text(qtbot, "Ring the council together")
        press(qtbot, Qt.Key.Key_Tab)
        assert focused() is dialog.follow_up_on
        follow_up = date.today() + timedelta(days=7)
        type_text(qtbot, follow_up.isoformat())
        press(qtbot, Qt.Key.Key_Return, CTRL)
        assert not dialog.isVisible()

        stored = casework.get_session(cal, dialog.saved_id or 0)
        expected_topics = tuple(casework.topics(cal)[:2])
        assert stored.draft.minutes == 45
        assert stored.draft.mode is SessionMode.PHONE
        assert stored.draft.kind is SessionKind.LISTENING
        assert stored.draft.topics == expected_topics
        assert stored.draft.notes == "Talked about the housing letter."
        assert stored.draft.follow_up_on == follow_up

        # On the timeline straight away, newest first; its notes below when chosen.
        entry = view.timeline.row_at(0)
        assert isinstance(entry, TimelineEntry) and entry.kind == "session"
        assert entry.what == "Session: Listening service · Phone · 45 min"
        view.tabs.setCurrentIndex(1)
        view.timeline_view.selectRow(0)
        assert "Talked about the housing letter." in view.entry_text.toPlainText()
        assert view.follow_ups.rowCount() == 1

        # Back to the list (Esc): last contact and next follow-up are current.
        section.activateWindow()  # the offscreen platform does not hand it back by itself
        qtbot.waitUntil(section.isActiveWindow)
        view.tabs.setFocus()
        press(qtbot, Qt.Key.Key_Escape)
        assert not section.showing_peer()
        row = page.model.row_of(peer_id)
        assert row is not None and page.selected_peer() == peer_id
        assert page.model.index(row, PeerColumn.LAST_CONTACT).data() == date.today().isoformat()
        assert page.model.index(row, PeerColumn.NEXT_FOLLOW_UP).data() == follow_up.isoformat()

        # Ctrl+F from someone's page goes back to the list's search box.
        assert section.open_peer(peer_id)
        view.tabs.setFocus()
        press(qtbot, Qt.Key.Key_F, CTRL)
        assert not section.showing_peer() and page.search.hasFocus()
        assert section.open_peer(peer_id)
        view.tabs.setFocus()
        press(qtbot, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
        assert not section.showing_peer()


def test_session_dialog_errors_stay_beside_fields(qtbot, vault):
    with signed_in(vault, "Cal Worker") as cal:
        peer_id = add_peer(cal)
        pages = Pages(cal)
        qtbot.addWidget(pages.caseload.peers)
        dialog = pages.caseload.peers.log_session(peer_id)
        assert dialog is not None
        qtbot.waitUntil(dialog.isActiveWindow)
        assert dialog.who.text() == "Sunny  (P-0001)"
        qtbot.keyClicks(dialog.notes, "Important words")
        dialog.held_on.clear()
        qtbot.keyClicks(dialog.held_on, "2026-13-01")
        qtbot.keyClick(dialog.held_on, Qt.Key.Key_Return, CTRL)
        assert dialog.isVisible()
        error = dialog.fields["held_on"].error
        assert error.isVisible() and "real date" in error.text()
        assert dialog.notes.toPlainText() == "Important words"
        dialog.held_on.setText((date.today() + timedelta(days=3)).isoformat())
        qtbot.keyClick(dialog.notes, Qt.Key.Key_Return, CTRL)
        assert dialog.isVisible() and "future" in error.text()
        dialog.held_on.setText(date.today().isoformat())
        dialog.follow_up_on.setText((date.today() - timedelta(days=1)).isoformat())
        qtbot.keyClick(dialog.notes, Qt.Key.Key_Return, CTRL)
        assert "before the session" in dialog.fields["follow_up_on"].error.text()
        assert not error.isVisible()
        dialog.follow_up_on.clear()
        qtbot.keyClick(dialog.notes, Qt.Key.Key_Return, CTRL)
        assert not dialog.isVisible()


def test_do_not_contact_is_red_and_the_session_dialog_warns_for_remote_modes(qtbot, vault):
    with signed_in(vault, "Cal Worker") as cal:
        peer_id = add_peer(cal, prefs=SafeContact(do_not_contact=True, code_word=CODE_WORD))
        pages = Pages(cal)
        section = pages.caseload.peers
        qtbot.addWidget(section)
        assert section.open_peer(peer_id)
        assert section.peer_page.banner.banner_text() == "Do not contact · Code word set"
        assert section.peer_page.banner.level == "stop"
        dialog = section.log_session(peer_id)
        assert dialog is not None
        for mode in SessionMode:
            dialog.mode.setCurrentIndex(dialog.mode.findData(mode.value))
            remote = mode in (SessionMode.PHONE, SessionMode.TEXT, SessionMode.EMAIL,
                              SessionMode.VIDEO)
            assert dialog.banner.isVisibleTo(dialog) is remote
            if remote:
                assert dialog.banner.banner_text().startswith("Do not contact")
                assert CODE_WORD not in dialog.banner.banner_text()


def test_log_from_the_sessions_page_by_choosing_the_peer(qtbot, vault):
    with signed_in(vault, "Cal Worker") as cal:
        peer_id = add_peer(cal, "Rosa")
        add_peer(cal, "Rosalind", None)
        pages = Pages(cal)
        qtbot.addWidget(pages.caseload.peers)
        sessions = pages.caseload.sessions
        assert sessions is not None
        qtbot.addWidget(sessions)
        pages.show(qtbot, sessions)
        qtbot.keyClick(sessions.search, Qt.Key.Key_S, CTRL | SHIFT)
        dialog = pages.last_dialog()
        assert isinstance(dialog, SessionDialog) and dialog.picker is not None
        qtbot.waitUntil(dialog.isActiveWindow)
        assert focused() is dialog.picker.search
        qtbot.keyClick(dialog.picker.search, Qt.Key.Key_Return, CTRL)
        assert dialog.isVisible()
        assert "Choose who" in dialog.fields["peer"].error.text()
        type_text(qtbot, "rosa")
        assert dialog.picker.matches.count() == 2
        press(qtbot, Qt.Key.Key_Down)
        press(qtbot, Qt.Key.Key_Up)
        assert dialog.picker.peer_id() == peer_id
        dialog.mode.setCurrentIndex(dialog.mode.findData(SessionMode.TEXT.value))
        assert dialog.banner.isVisibleTo(dialog)
        assert "texts only after 6 pm" in dialog.banner.banner_text()
        press(qtbot, Qt.Key.Key_Return, CTRL)
        assert not dialog.isVisible()
        assert sessions.recent.rowCount() == 1
        assert sessions.recent.row_at(0).peer_id == peer_id
        assert sessions.recent.row_at(0).mode is SessionMode.TEXT


def test_edit_and_delete_a_session_from_the_timeline(qtbot, vault, monkeypatch):
    with signed_in(vault, "Cal Worker") as cal:
        peer_id = add_peer(cal)
        session_id = casework.log_session(cal, SessionDraft(
            peer_id=peer_id, worker_id=cal.staff.id, held_on=date.today(), minutes=30,
            mode=SessionMode.IN_PERSON, kind=SessionKind.PEER_SUPPORT, notes="First words"))
        pages = Pages(cal)
        section = pages.caseload.peers
        qtbot.addWidget(section)
        pages.show(qtbot, section)
        section.open_peer(peer_id)
        view = section.peer_page
        view.tabs.setCurrentIndex(1)
        view.timeline_view.selectRow(0)
        assert view.edit_entry.isEnabled()
        view.edit_entry.click()
        dialog = pages.last_dialog()
        assert isinstance(dialog, SessionDialog) and dialog.windowTitle() == "Change a session"
        assert dialog.notes.toPlainText() == "First words"
        dialog.minutes.setValue(75)
        dialog.accept()
        assert casework.get_session(cal, session_id).draft.minutes == 75
        assert view.timeline.row_at(0).what.endswith("75 min")

        # Delete asks first; Cancel (the default) keeps it.
        from PySide6.QtWidgets import QMessageBox

        view.timeline_view.selectRow(0)
        view.delete_entry.click()
        boxes = [w for w in section.findChildren(QMessageBox) if w.isVisible()]
        assert len(boxes) == 1
        boxes[0].reject()
        assert view.timeline.rowCount() == 1
        view.timeline_view.selectRow(0)
        view.delete_entry.click()
        box = next(w for w in section.findChildren(QMessageBox) if w.isVisible())
        confirm = next(b for b in box.buttons() if b.text() == "Delete session")
        qtbot.mouseClick(confirm, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: view.timeline.rowCount() == 0)
        assert view.detail_labels["Last contact"].text() == "—"


def test_consent_referral_rating_and_follow_up_from_the_peer_page(qtbot, qtmodeltester, vault):
    with signed_in(vault, "Cal Worker") as cal:
        peer_id = add_peer(cal)
        today = date.today()
        casework.add_consent(cal, ConsentDraft(peer_id, ConsentScope.CONTACT,
                                               today - timedelta(days=400),
                                               today - timedelta(days=35)))
        casework.add_rating(cal, RatingDraft(peer_id, cal.staff.id, ONS4,
                                             today - timedelta(days=60), (4, 5, 4, 7)))
        casework.log_session(cal, SessionDraft(
            peer_id=peer_id, worker_id=cal.staff.id, held_on=today - timedelta(days=10),
            minutes=50, mode=SessionMode.PHONE, kind=SessionKind.FOLLOW_UP,
            follow_up_on=today - timedelta(days=2)))
        pages = Pages(cal)
        section = pages.caseload.peers
        qtbot.addWidget(section)
        pages.show(qtbot, section)
        section.open_peer(peer_id)
        view: PeerPageView = section.peer_page
        assert view.reminder.isVisibleTo(view)
        assert "Be contacted" in view.reminder.text()
        assert view.consents.index(0, 3).data() == "Review due"
        assert view.follow_ups.rowCount() == 1
        assert "overdue" in view.follow_ups.index(0, 0).data()
        for model in (view.timeline, view.consents, view.referrals, view.ratings,
                      view.follow_ups):
            qtmodeltester.check(model)
        kinds = [view.timeline.row_at(r).kind for r in range(view.timeline.rowCount())]
        assert kinds == ["session", "rating", "consent"]
        # The audit trail is for programme leads and admins only.
        assert not view.tabs.isTabVisible(view.tabs.indexOf(view.trail_tab))

        view.follow_up_done.click()
        assert view.follow_ups.rowCount() == 0

        view.tabs.setCurrentIndex(2)
        view.consent_view.selectRow(0)
        view.withdraw_button.click()
        from PySide6.QtWidgets import QMessageBox

        box = next(w for w in view.findChildren(QMessageBox) if w.isVisible())
        withdraw = next(b for b in box.buttons() if b.text() == "Withdraw consent")
        qtbot.mouseClick(withdraw, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: view.consents.row_at(0).withdrawn_on == today)
        assert not view.reminder.isVisibleTo(view)

        view._open_dialog(ConsentDialog)
        consent = pages.last_dialog()
        assert isinstance(consent, ConsentDialog)
        consent.review_on.setText(today.isoformat())
        consent.accept()
        assert "after the consent date" in consent.fields["review_on"].error.text()
        consent.review_on.setText((today + timedelta(days=365)).isoformat())
        consent.accept()
        assert not consent.isVisible() and view.consents.rowCount() == 2

        view._open_dialog(ReferralDialog)
        referral = pages.last_dialog()
        assert isinstance(referral, ReferralDialog)
        referral.accept()
        assert "Say where" in referral.fields["destination_name"].error.text()
        # Words of one's own when the service isn't in the directory.
        qtbot.keyClicks(referral.destination_name.edit, "Harbour counselling")
        referral.accept()
        assert view.referrals.rowCount() == 1
        view.referral_view.selectRow(0)
        view.status_buttons[list(view.status_buttons)[1]].click()
        assert view.referrals.index(0, 3).data() == "Accepted"

        view._add_rating()
        rating = pages.last_dialog()
        assert isinstance(rating, RatingDialog)
        rating.measure.setCurrentIndex(rating.measure.findData("ucla3"))
        assert len(rating.spins) == 3
        for spin in rating.spins:
            spin.setValue(2)
        rating.accept()
        assert not rating.isVisible()
        assert view.ratings.rowCount() == 2
        view.measure_choice.setCurrentIndex(view.measure_choice.findData("ucla3"))
        assert len(view.chart.series) == 1 and view.chart.series[0].points[0][1] == 6.0
        view.measure_choice.setCurrentIndex(view.measure_choice.findData("ons4"))
        assert [s.label for s in view.chart.series] == ["Satisfied", "Worthwhile", "Happy",
                                                       "Anxious"]
        view.chart.grab()  # paints without error


def test_a_programme_lead_sees_the_records_audit_trail(qtbot, qtmodeltester, vault):
    with signed_in(vault, "Lee Lead") as lee:
        peer_id = add_peer(lee)
        pages = Pages(lee)
        section = pages.caseload.peers
        qtbot.addWidget(section)
        pages.show(qtbot, section)
        section.open_peer(peer_id)
        view = section.peer_page
        index = view.tabs.indexOf(view.trail_tab)
        assert view.tabs.isTabVisible(index)
        assert view.trail.rowCount() == 0  # loaded only when looked at (it is audited)
        view.tabs.setCurrentIndex(index)
        whats = [view.trail.row_at(r).what for r in range(view.trail.rowCount())]
        assert "Viewed" in whats and "Created" in whats
        qtmodeltester.check(view.trail)


def test_a_new_peer_is_not_asked_yet_and_the_banner_says_ask_first(qtbot, vault):
    ask = "Ask how it's safe to contact them before calling or texting"
    with signed_in(vault, "Cal Worker") as cal:
        pages = Pages(cal)
        section = pages.caseload.peers
        qtbot.addWidget(section)
        dialog = section.add_peer()
        assert dialog is not None
        combos = (dialog.calls_ok, dialog.texts_ok, dialog.email_ok, dialog.voicemail_ok)
        # Nothing starts as OK: every channel is "Not asked yet", and the form says so.
        assert [c.currentText() for c in combos] == ["Not asked yet"] * 4
        assert [c.itemText(i) for c in combos[:1] for i in range(3)] == [
            "Not asked yet", "OK", "Not OK"]
        assert dialog.not_asked.isVisibleTo(dialog) and ask in dialog.not_asked.text()
        qtbot.keyClicks(dialog.preferred_name, "Noor")
        qtbot.keyClick(dialog.preferred_name, Qt.Key.Key_Return)
        assert not dialog.isVisible()
        peer_id = dialog.saved_id or 0
        assert peers.open_page(cal, peer_id).safe_contact.channels() == (None,) * 4

        # The peer page and a phone session both show the warning.
        assert section.open_peer(peer_id)
        assert section.peer_page.banner.banner_text() == ask
        assert section.peer_page.banner.level == "warn"
        session_dialog = section.log_session(peer_id)
        assert session_dialog is not None
        session_dialog.mode.setCurrentIndex(session_dialog.mode.findData(SessionMode.PHONE.value))
        assert session_dialog.banner.isVisibleTo(session_dialog)
        assert session_dialog.banner.banner_text() == ask
        session_dialog.reject()

        # Asked: calls and texts OK, email not OK; voicemail still not asked keeps the banner.
        edit = section.edit_peer(peer_id)
        assert edit is not None
        for combo, state in ((edit.calls_ok, True), (edit.texts_ok, True),
                             (edit.email_ok, False)):
            combo.setCurrentIndex(combo.findData(state))
        assert edit.not_asked.isVisibleTo(edit)
        qtbot.keyClick(edit.preferred_name, Qt.Key.Key_Return)
        assert peers.safe_contact_banner(cal, peer_id) == f"{ask} · No email"
        assert section.open_peer(peer_id)
        assert section.peer_page.banner.banner_text() == f"{ask} · No email"
        edit = section.edit_peer(peer_id)
        assert edit is not None
        assert [c.currentData() for c in (edit.calls_ok, edit.texts_ok, edit.email_ok,
                                          edit.voicemail_ok)] == [True, True, False, None]
        edit.voicemail_ok.setCurrentIndex(edit.voicemail_ok.findData(False))
        assert not edit.not_asked.isVisibleTo(edit)
        qtbot.keyClick(edit.preferred_name, Qt.Key.Key_Return)
        assert peers.safe_contact_banner(cal, peer_id) == "No email · No voicemail"


def test_a_rating_needs_every_answer_or_declined_and_can_be_corrected_or_deleted(qtbot, vault):
    with signed_in(vault, "Cal Worker") as cal:
        peer_id = add_peer(cal)
        pages = Pages(cal)
        section = pages.caseload.peers
        qtbot.addWidget(section)
        pages.show(qtbot, section)
        section.open_peer(peer_id)
        view: PeerPageView = section.peer_page
        view._add_rating()
        dialog = pages.last_dialog()
        assert isinstance(dialog, RatingDialog)
        dialog.measure.setCurrentIndex(dialog.measure.findData("ons4"))
        # Untouched: nothing is saved (it used to save 0 · 0 · 0 · 0).
        assert [s.text() for s in dialog.spins] == ["— choose —"] * 4
        dialog.accept()
        assert dialog.isVisible()
        assert dialog.fields["scores"].error.text() == (
            "Question 1 has no answer: choose one, or tick “Declined to answer”.")
        assert peers.open_page(cal, peer_id).ratings == []
        for spin, value in zip(dialog.spins, (7, 0, 6), strict=False):
            spin.setValue(value)
        dialog.accept()
        assert "Question 4 has no answer" in dialog.fields["scores"].error.text()
        dialog.declined[3].setChecked(True)
        assert not dialog.spins[3].isEnabled()
        dialog.accept()
        assert not dialog.isVisible()
        [stored] = peers.open_page(cal, peer_id).ratings
        assert (stored.scores, stored.total) == ((7, 0, 6, None), None)
        qtbot.waitUntil(lambda: view.ratings.rowCount() == 1)
        assert view.ratings.index(0, 2).data() == "7 · 0 · 6 · declined"
        assert view.ratings.index(0, 3).data() == "—"

        # Correct…: the answers come back as they were; a reason is required.
        assert not view.correct_rating_button.isEnabled()
        view.rating_view.selectRow(0)
        assert view.correct_rating_button.isEnabled() and view.delete_rating_button.isEnabled()
        view.correct_rating_button.click()
        fix = pages.last_dialog()
        assert isinstance(fix, RatingDialog) and fix.rating is not None
        assert not fix.measure.isEnabled()
        assert [s.value() for s in fix.spins[:3]] == [7, 0, 6] and fix.declined[3].isChecked()
        fix.spins[1].setValue(8)
        fix.accept()
        assert fix.isVisible() and "Reason can't be empty" in fix.fields["reason"].error.text()
        qtbot.keyClicks(fix.reason, "misheard the second answer")
        fix.accept()
        assert not fix.isVisible()
        [stored] = peers.open_page(cal, peer_id).ratings
        assert stored.scores == (7, 8, 6, None) and stored.corrected

        # Delete…: with a reason; it leaves the record.
        qtbot.waitUntil(lambda: view.ratings.rowCount() == 1
                        and view.ratings.row_at(0).scores == (7, 8, 6, None))
        view.rating_view.selectRow(0)
        view.delete_rating_button.click()
        gone = pages.last_dialog()
        assert isinstance(gone, DeleteRatingDialog)
        gone.accept()
        assert gone.isVisible() and "Reason can't be empty" in gone.fields["reason"].error.text()
        qtbot.keyClicks(gone.reason, "recorded for the wrong person")
        gone.accept()
        assert not gone.isVisible()
        assert peers.open_page(cal, peer_id).ratings == []
        qtbot.waitUntil(lambda: view.ratings.rowCount() == 0)
