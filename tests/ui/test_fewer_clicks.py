"""Issue 14 item 5: fewer clicks — Add peer opens them, a first session is a first
contact, follow-ups done from Today (Mine/Everyone, Owner), a calendar on every date,
a session before the first contact asked about, referrals corrected."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from peerdesk.domain.audit import AuditAction
from peerdesk.domain.errors import PermissionDenied
from peerdesk.domain.one_to_one import SessionDraft, SessionKind, SessionMode
from peerdesk.domain.peer import PeerDraft
from peerdesk.services import casework, peers
from peerdesk.services import today as today_service
from peerdesk.storage.repositories import audit as audit_repo
from peerdesk.ui.peers.forms import CalendarPopup, DateField
from peerdesk.ui.sessions.session_dialog import SessionDialog
from peerdesk.ui.today.today_page import TodayColumn
from tests.ui.conftest import visible
from tests.ui.peers_helpers import Pages, signed_in

TODAY = date.today()
FIRST = TODAY - timedelta(days=30)


def add(session, name: str, first: date = FIRST) -> int:
    return peers.create(session, PeerDraft(preferred_name=name, first_contact=first))


def log(session, peer_id: int, *, worker_id: int | None = None, held: date | None = None,
        follow_up: date | None = None) -> int:
    return casework.log_session(session, SessionDraft(
        peer_id=peer_id, worker_id=worker_id or session.staff.id,
        held_on=held or TODAY - timedelta(days=10), minutes=40, mode=SessionMode.PHONE,
        kind=SessionKind.PEER_SUPPORT, follow_up_on=follow_up))


def test_add_peer_opens_the_new_peers_page(qtbot, vault):
    with signed_in(vault, "Cal Worker") as cal:
        pages = Pages(cal)
        section = pages.caseload.peers
        qtbot.addWidget(section)
        pages.show(qtbot, section)
        dialog = section.add_peer()
        assert dialog is not None
        qtbot.keyClicks(dialog.preferred_name, "Nadia")
        qtbot.keyClick(dialog.preferred_name, Qt.Key.Key_Return)
        assert not dialog.isVisible()
        assert section.showing_peer()
        assert section.peer_page.peer_id == dialog.saved_id
        assert section.peer_page.name.text() == "Nadia"


def test_a_first_session_is_a_first_contact_and_later_ones_the_usual(qtbot, vault):
    with signed_in(vault, "Cal Worker") as cal:
        new = add(cal, "Nadia")
        dialog = SessionDialog(cal, new, peer_label="Nadia")
        qtbot.addWidget(dialog)
        assert SessionKind(dialog.kind.currentData()) is SessionKind.INTAKE
        assert dialog.minutes.value() == casework.FIRST_CONTACT_MINUTES
        assert not dialog.has_unsaved_typing()  # defaults are not typing
        dialog.accept()
        assert casework.get_session(cal, dialog.saved_id or 0).draft.kind is SessionKind.INTAKE
        later = SessionDialog(cal, new, peer_label="Nadia")
        qtbot.addWidget(later)
        assert SessionKind(later.kind.currentData()) is SessionKind.PEER_SUPPORT
        assert later.minutes.value() == casework.USUAL_MINUTES
        # Picked from the Sessions page: the same, once the peer is chosen.
        fresh = add(cal, "Omar")
        picking = SessionDialog(cal)
        qtbot.addWidget(picking)
        qtbot.keyClicks(picking.picker.search, "Omar")
        assert picking.picker.peer_id() == fresh
        assert SessionKind(picking.kind.currentData()) is SessionKind.INTAKE
        assert picking.minutes.value() == casework.FIRST_CONTACT_MINUTES
        # A duration the person typed is kept when they pick someone else.
        picking.minutes.setValue(75)
        picking.picker.search.clear()
        qtbot.keyClicks(picking.picker.search, "Nadia")
        assert picking.minutes.value() == 75


def _answer(qtbot, label: str) -> None:
    qtbot.waitUntil(lambda: bool(visible(QMessageBox)))
    box = visible(QMessageBox)[0]
    assert "before" in box.text() and box.windowTitle() == "Before their first contact?"
    next(b for b in box.buttons() if b.text() == label).click()


def test_a_session_before_the_first_contact_asks_first(qtbot, vault):
    with signed_in(vault, "Cal Worker") as cal:
        peer_id = add(cal, "Nadia")
        dialog = SessionDialog(cal, peer_id, peer_label="Nadia")
        qtbot.addWidget(dialog)
        dialog.show()
        early = FIRST - timedelta(days=5)
        dialog.held_on.setText(early.isoformat())
        dialog.notes.setPlainText("Met at the library stall")
        dialog.accept()
        _answer(qtbot, "&No, change the date")
        assert dialog.isVisible() and dialog.saved_id is None
        assert dialog.notes.toPlainText() == "Met at the library stall"  # nothing lost
        assert dialog.held_on.text() == early.isoformat()
        assert peers.open_page(cal, peer_id).sessions == []
        dialog.accept()
        _answer(qtbot, "&Yes, save it")
        assert not dialog.isVisible() and dialog.saved_id is not None
        assert casework.get_session(cal, dialog.saved_id).draft.held_on == early
        # On or after the first contact: no question.
        again = SessionDialog(cal, peer_id, peer_label="Nadia")
        qtbot.addWidget(again)
        again.held_on.setText(FIRST.isoformat())
        again.accept()
        assert again.saved_id is not None and not visible(QMessageBox)


def test_every_date_field_has_a_calendar_and_still_takes_typing(qtbot):
    field = DateField(date(2026, 3, 2))
    qtbot.addWidget(field)
    field.show()
    assert field.calendar_action in field.actions()
    field.calendar_action.trigger()
    popup = field.popup
    assert isinstance(popup, CalendarPopup) and popup.isVisible()
    assert popup.selectedDate() == QDate(2026, 3, 2)  # starts at the date typed
    popup.pick(QDate(2026, 3, 17))
    assert field.text() == "2026-03-17" and not popup.isVisible()
    # The keyboard opens it too, and Enter on a day picks it.
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert popup.isVisible()
    qtbot.keyClick(popup, Qt.Key.Key_Escape)
    QApplication.processEvents()
    assert not popup.isVisible() and field.text() == "2026-03-17"
    # Typing still works, and an impossible date gets a clear message.
    field.clear()
    qtbot.keyClicks(field, "2026-02-30")
    with pytest.raises(Exception, match="must be a real date written as YYYY-MM-DD"):
        field.value(what="Session date", field="held_on")


def test_every_form_uses_the_calendar_date_field(qtbot, vault):
    from peerdesk.ui.groups.dialogs import MeetingDialog
    from peerdesk.ui.peers.peer_dialog import PeerDialog
    from peerdesk.ui.peers.record_dialogs import ConsentDialog, ReferralDialog
    from tests.ui.groups_helpers import group_with

    with signed_in(vault, "Lee Lead") as lead:
        peer_id = add(lead, "Nadia")
        group_id, _members, _meeting = group_with(lead, ["Amara"])
        from peerdesk.services import groups

        forms = [SessionDialog(lead, peer_id), PeerDialog(lead),
                 ConsentDialog(lead, peer_id), ReferralDialog(lead, peer_id),
                 MeetingDialog(lead, groups.get_group(lead, group_id))]
        for form in forms:
            qtbot.addWidget(form)
            fields = form.findChildren(DateField)
            assert fields, type(form).__name__
            assert all(f.calendar_action in f.actions() for f in fields)


def test_follow_ups_are_done_from_today_with_mine_everyone_and_owner(qtbot, vault):
    with signed_in(vault, "Lee Lead") as lead:
        cal_id = next(s.id for s in peers.assignable_staff(lead) if s.name == "Cal Worker")
        mine = add(lead, "Nadia")
        theirs = add(lead, "Omar")
        my_session = log(lead, mine, follow_up=TODAY - timedelta(days=1))
        log(lead, theirs, worker_id=cal_id, follow_up=TODAY)
        pages = Pages(lead)
        today = pages.caseload.today
        assert today is not None
        qtbot.addWidget(today)
        pages.show(qtbot, today)
        model = today.follow_ups.model
        owners = {model.index(r, TodayColumn.NAME).data():
                  model.index(r, TodayColumn.OWNER).data() for r in range(model.rowCount())}
        assert owners == {"Nadia": "Lee Lead", "Omar": "Cal Worker"}
        assert model.headerData(TodayColumn.OWNER, Qt.Orientation.Horizontal) == "Owner"
        qtbot.mouseClick(today.mine, Qt.MouseButton.LeftButton)
        assert [model.index(r, TodayColumn.NAME).data() for r in range(model.rowCount())] == [
            "Nadia"]
        assert not today.done_button.isEnabled()  # nothing selected yet
        today.follow_ups.view.setFocus()
        today.follow_ups.view.selectRow(0)
        assert today.done_button.isEnabled()
        qtbot.keyClick(today.follow_ups.view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
        assert model.rowCount() == 0
        stored = casework.get_session(lead, my_session)
        assert stored.follow_up_done_on == TODAY
        event = next(e for e in audit_repo.recent(lead.db)
                     if e.action is AuditAction.CHANGED and "follow-up" in e.detail)
        assert event.target_id == str(mine) and "done" in event.detail
        qtbot.mouseClick(today.everyone, Qt.MouseButton.LeftButton)
        assert model.rowCount() == 1
        # The button does the same.
        today.follow_ups.view.selectRow(0)
        qtbot.mouseClick(today.done_button, Qt.MouseButton.LeftButton)
        assert model.rowCount() == 0


def test_a_peer_supporter_cannot_mark_someone_elses_follow_up_done(vault):
    with signed_in(vault, "Lee Lead") as lead:
        pia_id = next(s.id for s in peers.assignable_staff(lead) if s.name == "Pia Peer")
        peer_id = peers.create(lead, PeerDraft(preferred_name="Nadia", first_contact=FIRST,
                                               supporter_id=pia_id))
        log(lead, peer_id, follow_up=TODAY)
    with signed_in(vault, "Pia Peer") as pia:
        items = today_service.overview(pia).follow_ups
        assert [i.owner for i in items] == ["Lee Lead"]
        with pytest.raises(PermissionDenied):
            today_service.mark_follow_up_done(pia, items[0])
        assert today_service.overview(pia, mine=True).follow_ups == []


def test_a_referral_is_corrected_after_saving_and_the_change_audited(qtbot, vault):
    from peerdesk.domain.referral import ReferralDestination, ReferralDraft, ReferralStatus
    from peerdesk.ui.peers.record_dialogs import ReferralDialog
    from peerdesk.ui.peers.record_models import ReferralColumn

    with signed_in(vault, "Cal Worker") as cal:
        peer_id = add(cal, "Nadia")
        referral_id = casework.add_referral(cal, ReferralDraft(
            peer_id, TODAY - timedelta(days=3), ReferralDestination.AGENCY, "Citizens Advise"))
        pages = Pages(cal)
        section = pages.caseload.peers
        qtbot.addWidget(section)
        pages.show(qtbot, section)
        assert section.open_peer(peer_id)
        page = section.peer_page
        view = page.referral_view
        page.tabs.setCurrentIndex(page.tabs.indexOf(view.parentWidget()))
        # "Referred to" is shown whole, and its full text is in the tooltip.
        width = view.fontMetrics().horizontalAdvance(ReferralDestination.AGENCY.label)
        assert view.columnWidth(ReferralColumn.TO) >= width
        assert page.referrals.index(0, ReferralColumn.TO).data(
            Qt.ItemDataRole.ToolTipRole) == ReferralDestination.AGENCY.label
        assert not page.correct_referral_button.isEnabled()
        view.setFocus()
        view.selectRow(0)
        assert page.correct_referral_button.isEnabled()
        qtbot.mouseClick(page.correct_referral_button, Qt.MouseButton.LeftButton)
        dialog = pages.last_dialog()
        assert isinstance(dialog, ReferralDialog) and dialog.windowTitle() == "Correct a referral"
        assert dialog.destination_name.text() == "Citizens Advise"
        assert dialog.made_on.text() == (TODAY - timedelta(days=3)).isoformat()
        dialog.destination_name.set_value("", None)
        dialog.accept()  # nothing where: the message is beside the field, nothing saved
        assert dialog.isVisible() and dialog.fields["destination_name"].error.isVisible()
        dialog.destination_name.set_value("Citizens Advice", None)
        dialog.status.setCurrentIndex(dialog.status.findData(ReferralStatus.ACCEPTED.value))
        dialog.accept()
        assert not dialog.isVisible()
        saved = peers.open_page(cal, peer_id).referrals
        assert [(r.id, r.draft.destination_name, r.draft.status) for r in saved] == [
            (referral_id, "Citizens Advice", ReferralStatus.ACCEPTED)]
        event = next(e for e in audit_repo.recent(cal.db) if "corrected" in e.detail)
        assert event.target_id == str(peer_id)
        assert event.detail == f"referral {referral_id} corrected: where, status"
        assert "Citizens" not in event.detail


def test_correcting_a_referral_is_refused_for_someone_without_the_peer(vault):
    from peerdesk.domain.referral import ReferralDestination, ReferralDraft

    with signed_in(vault, "Cal Worker") as cal:
        peer_id = add(cal, "Nadia")
        draft = ReferralDraft(peer_id, TODAY, ReferralDestination.AGENCY, "Shelter")
        referral_id = casework.add_referral(cal, draft)
    with signed_in(vault, "Pia Peer") as pia, pytest.raises(PermissionDenied):  # not theirs
        casework.edit_referral(pia, referral_id, draft)
