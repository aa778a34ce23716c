"""Supervision notes and journals sealed to people; hours and the timesheet, checked by hand."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest

from peerdesk.domain.errors import PermissionDenied, ValidationError
from peerdesk.domain.groups import GroupDraft, Mark, MeetingDraft
from peerdesk.domain.listening import Channel, ContactDraft, Outcome, Returning
from peerdesk.domain.one_to_one import SessionDraft, SessionKind, SessionMode
from peerdesk.domain.peer import PeerDraft
from peerdesk.domain.supporters import (
    HoursDraft,
    HoursKind,
    JournalDraft,
    SupervisionDraft,
    SupervisionKind,
    SupporterDraft,
    SupporterRole,
    SupporterStatus,
)
from peerdesk.services import casework, groups, listening, peers, supervision, supporters
from peerdesk.services.session import Session
from peerdesk.storage.paths import VaultPaths
from tests.fixtures.vaults import close, sign_in

TODAY = date.today()


def _staff_id(session: Session, name: str) -> int:
    return int(session.db.scalar("SELECT id FROM staff WHERE name = ?", (name,)))


def _register(vault: VaultPaths) -> dict[str, int]:
    """Pia (peer supporter, linked) supervised by Cal (caseworker, linked, a supervisor);
    Sam has no account. Everyone signs in once so their personal key is registered."""
    for name in ("Cal Worker", "Pia Peer", "Ada Admin"):
        close(sign_in(vault, name))
    lead = sign_in(vault, "Lee Lead")
    try:
        start = TODAY - timedelta(days=400)
        ids = {
            "pia": supporters.add(lead, SupporterDraft(
                "Pia", frozenset({SupporterRole.PEER_SUPPORT_WORKER}), start,
                staff_id=_staff_id(lead, "Pia Peer")), status=SupporterStatus.ACTIVE),
            "cal": supporters.add(lead, SupporterDraft(
                "Cal", frozenset({SupporterRole.SUPERVISOR}), start,
                staff_id=_staff_id(lead, "Cal Worker")), status=SupporterStatus.ACTIVE),
            "sam": supporters.add(lead, SupporterDraft(
                "Sam", frozenset({SupporterRole.VOLUNTEER}), start),
                status=SupporterStatus.ACTIVE),
        }
    finally:
        close(lead)
    return ids


def _supervise(session: Session, ids: dict[str, int], notes: str, **kw: object) -> int:
    fields: dict[str, object] = dict(supporter_id=ids["pia"], supervisor_id=ids["cal"],
                                     kind=SupervisionKind.INDIVIDUAL,
                                     held_on=TODAY - timedelta(days=3), minutes=60, notes=notes)
    fields.update(kw)
    return supervision.record_supervision(session, SupervisionDraft(**fields))  # type: ignore[arg-type]


def test_supervision_notes_are_for_the_supervisor_and_leads_only(vault: VaultPaths) -> None:
    ids = _register(vault)
    lead = sign_in(vault, "Lee Lead")
    try:
        session_id = _supervise(lead, ids, "Talked about boundaries with a caller.")
        assert supervision.read_notes(lead, session_id) == "Talked about boundaries with a caller."
    finally:
        close(lead)
    cal = sign_in(vault, "Cal Worker")  # the supervisor
    try:
        assert supervision.read_notes(cal, session_id).startswith("Talked about")
    finally:
        close(cal)
    for name in ("Pia Peer", "Ada Admin"):  # the supporter themselves, an administrator
        other = sign_in(vault, name)
        try:
            with pytest.raises(PermissionDenied):
                supervision.read_notes(other, session_id)
        finally:
            close(other)
    # Not readable with the vault's keys alone: the notes are ciphertext in the main file.
    lead = sign_in(vault, "Lee Lead")
    try:
        raw = lead.db.scalar("SELECT notes_sealed FROM supervision_session WHERE id = ?",
                             (session_id,))
        assert b"boundaries" not in bytes(raw)
    finally:
        close(lead)


def test_the_supervisor_records_supervision_and_a_caseworker_cannot_for_others(
        vault: VaultPaths) -> None:
    ids = _register(vault)
    cal = sign_in(vault, "Cal Worker")
    try:
        session_id = _supervise(cal, ids, "Check-in.")
        assert supervision.read_notes(cal, session_id) == "Check-in."
        assert [s.id for s in supervision.supervisions(cal, ids["pia"])] == [session_id]
        with pytest.raises(PermissionDenied):
            _supervise(cal, ids, "", supervisor_id=None, supporter_id=ids["sam"])
        with pytest.raises(PermissionDenied):
            supervision.supervisions(cal, ids["sam"])
    finally:
        close(cal)
    pia = sign_in(vault, "Pia Peer")
    try:  # a supporter sees their own supervision's dates, not its notes
        assert [s.id for s in supervision.supervisions(pia, ids["pia"])] == [session_id]
        with pytest.raises(PermissionDenied):
            _supervise(pia, ids, "x")
    finally:
        close(pia)


def test_bad_supervision_input_is_refused_at_its_field(vault: VaultPaths) -> None:
    ids = _register(vault)
    lead = sign_in(vault, "Lee Lead")
    try:
        for field, changes in (("held_on", {"held_on": TODAY + timedelta(days=1)}),
                               ("minutes", {"minutes": 0}),
                               ("supervisor", {"supervisor_id": ids["pia"]}),
                               ("supervisor", {"supervisor_id": ids["sam"]})):
            with pytest.raises(ValidationError) as caught:
                _supervise(lead, ids, "n", **changes)
            assert caught.value.field == field
        assert supervision.supervisions(lead, ids["pia"]) == []
    finally:
        close(lead)


def test_overdue_supervision_follows_the_interval(vault: VaultPaths) -> None:
    ids = _register(vault)
    lead = sign_in(vault, "Lee Lead")
    try:
        _supervise(lead, ids, "", held_on=TODAY - timedelta(days=10))
        _supervise(lead, ids, "", supporter_id=ids["sam"], held_on=TODAY - timedelta(days=40))
        names = [o.name for o in supervision.overdue_supervision(lead)]
        assert "Sam" in names and "Pia" not in names and "Cal" in names  # never supervised
        supervision.set_interval_weeks(lead, 8)
        assert "Sam" not in [o.name for o in supervision.overdue_supervision(lead)]
        with pytest.raises(ValidationError):
            supervision.set_interval_weeks(lead, 0)
    finally:
        close(lead)


def test_a_journal_is_private_to_its_author_unless_shared(vault: VaultPaths) -> None:
    ids = _register(vault)
    lead = sign_in(vault, "Lee Lead")
    try:
        _supervise(lead, ids, "")
    finally:
        close(lead)
    pia = sign_in(vault, "Pia Peer")
    try:
        entry = supervision.write_entry(pia, JournalDraft(TODAY, "Felt drained after Tuesday."))
        other = supervision.write_entry(pia, JournalDraft(TODAY, "Just for me."))
        assert supervision.read_entry(pia, entry) == "Felt drained after Tuesday."
        with pytest.raises(ValidationError) as caught:
            supervision.write_entry(pia, JournalDraft(TODAY + timedelta(days=1), "x"))
        assert caught.value.field == "written_on"
        cal_id = _staff_id(pia, "Cal Worker")
        assert [a.id for a in supervision.my_supervisors(pia)] == [cal_id]
        supervision.share_entry(pia, entry, cal_id)
        with pytest.raises(ValidationError):
            supervision.share_entry(pia, other, _staff_id(pia, "Lee Lead"))
    finally:
        close(pia)
    cal = sign_in(vault, "Cal Worker")
    try:
        assert [e.id for e in supervision.shared_with_me(cal)] == [entry]
        assert supervision.read_entry(cal, entry) == "Felt drained after Tuesday."
        with pytest.raises(PermissionDenied):
            supervision.read_entry(cal, other)
    finally:
        close(cal)
    lead = sign_in(vault, "Lee Lead")
    try:  # not even a programme lead
        for entry_id in (entry, other):
            with pytest.raises(PermissionDenied):
                supervision.read_entry(lead, entry_id)
    finally:
        close(lead)
    pia = sign_in(vault, "Pia Peer")
    try:
        supervision.share_entry(pia, entry, None)
    finally:
        close(pia)
    cal = sign_in(vault, "Cal Worker")
    try:
        with pytest.raises(PermissionDenied):
            supervision.read_entry(cal, entry)
    finally:
        close(cal)


def test_hours_from_sessions_meetings_contacts_and_by_hand(vault: VaultPaths) -> None:
    ids = _register(vault)
    month = TODAY.replace(day=1)
    d1 = month
    lead = sign_in(vault, "Lee Lead")
    pia_staff = _staff_id(lead, "Pia Peer")
    try:
        peer = peers.create(lead, PeerDraft(preferred_name="Robin", first_contact=month))
        # Two one-to-ones by Pia: 45 + 30 minutes; one by the lead (not Pia's).
        for minutes in (45, 30):
            casework.log_session(lead, SessionDraft(
                peer_id=peer, worker_id=pia_staff, held_on=d1, minutes=minutes,
                mode=SessionMode.IN_PERSON, kind=SessionKind.PEER_SUPPORT))
        casework.log_session(lead, SessionDraft(
            peer_id=peer, worker_id=_staff_id(lead, "Lee Lead"), held_on=d1, minutes=50,
            mode=SessionMode.IN_PERSON, kind=SessionKind.PEER_SUPPORT))
        # One group meeting Pia facilitated, held (a register taken): 120 minutes.
        group = groups.create_group(lead, GroupDraft("Circle", facilitator_ids=(pia_staff,)))
        groups.add_member(lead, group, peer)
        meeting = groups.schedule_meeting(lead, MeetingDraft(group, d1, "10:00", "Hall",
                                                             facilitator_ids=(pia_staff,)))
        groups.save_register(lead, meeting, {peer: Mark.ATTENDED})
        # A scheduled meeting not held yet does not count.
        groups.schedule_meeting(lead, MeetingDraft(group, TODAY + timedelta(days=2), "10:00",
                                                   "Hall", facilitator_ids=(pia_staff,)))
        # A listening contact Pia took: 25 minutes.
        listening.log_contact(lead, ContactDraft(
            contacted_on=d1, contacted_time=time(9, 0), channel=Channel.PHONE, minutes=25,
            taken_by=pia_staff, region_id=None, returning=Returning.UNKNOWN,
            outcomes=Outcome.LISTENED), now=datetime.combine(TODAY, time(23, 59)))
        # By hand: training 3 h for Pia, outreach 1.5 h for Sam.
        supervision.record_hours(lead, HoursDraft(ids["pia"], d1, HoursKind.TRAINING, 180))
        supervision.record_hours(lead, HoursDraft(ids["sam"], d1, HoursKind.OUTREACH, 90))
        first, last = supervision.month_span(month.strftime("%Y-%m"))
        sheet = supervision.timesheet(lead, first, last)
        rows = {r.name: r for r in sheet.rows}
        assert rows["Pia"].minutes == {"one_to_one": 75, "group": 120, "contact": 25,
                                       "training": 180}
        assert rows["Pia"].total == 400
        assert rows["Sam"].minutes == {"outreach": 90}
        assert "Cal" not in rows  # no hours that month
        csv_text = supervision.timesheet_csv(sheet)
        lines = csv_text.splitlines()
        assert lines[0].startswith("Supporter,One-to-one sessions,Group meetings")
        assert "Pia,1.25,2.00,0.42,3.00,0.00,0.00,0.00,6.67" in lines
        assert lines[-1] == "Total,1.25,2.00,0.42,3.00,0.00,1.50,0.00,8.17"
    finally:
        close(lead)
    admin = sign_in(vault, "Ada Admin")
    try:  # no casework key: hand-entered hours only, and it says so
        sheet = supervision.timesheet(admin, first, last)
        assert not sheet.includes_casework
        assert {r.name: r.total for r in sheet.rows} == {"Pia": 180, "Sam": 90}
    finally:
        close(admin)
    pia = sign_in(vault, "Pia Peer")
    try:  # a supporter sees their own hours only
        own = supervision.timesheet(pia, first, last, supporter_id=ids["pia"])
        assert [r.total for r in own.rows] == [400]
        with pytest.raises(PermissionDenied):
            supervision.timesheet(pia, first, last)
        with pytest.raises(PermissionDenied):
            supervision.record_hours(pia, HoursDraft(ids["sam"], d1, HoursKind.ADMIN, 10))
    finally:
        close(pia)


def test_more_than_24_hours_in_a_day_is_refused(vault: VaultPaths) -> None:
    ids = _register(vault)
    lead = sign_in(vault, "Lee Lead")
    try:
        day = TODAY - timedelta(days=1)
        supervision.record_hours(lead, HoursDraft(ids["sam"], day, HoursKind.OUTREACH, 20 * 60))
        with pytest.raises(ValidationError) as caught:
            supervision.record_hours(lead, HoursDraft(ids["sam"], day, HoursKind.ADMIN, 5 * 60))
        assert caught.value.field == "minutes" and "a day has 24" in caught.value.user_message
        with pytest.raises(ValidationError) as caught:
            supervision.record_hours(lead, HoursDraft(ids["sam"], TODAY + timedelta(days=1),
                                                      HoursKind.ADMIN, 30))
        assert caught.value.field == "worked_on"
        sheet = supervision.timesheet(lead, day, day)
        assert [r.total for r in sheet.rows] == [20 * 60]
    finally:
        close(lead)


def test_the_timesheet_saves_as_csv_and_pdf(vault: VaultPaths, tmp_path) -> None:
    from pypdf import PdfReader

    ids = _register(vault)
    lead = sign_in(vault, "Lee Lead")
    try:
        day = TODAY - timedelta(days=1)
        supervision.record_hours(lead, HoursDraft(ids["sam"], day, HoursKind.OUTREACH, 150))
        sheet = supervision.timesheet(lead, day, day)
        supervision.save_timesheet(lead, sheet, tmp_path / "t.csv")
        supervision.save_timesheet(lead, sheet, tmp_path / "t.pdf", fmt="pdf")
        text = (tmp_path / "t.csv").read_bytes().decode("utf-8-sig")
        assert text == supervision.timesheet_csv(sheet)
        _headers, rows = supervision.timesheet_rows(sheet)
        assert rows[0] == ["Sam", "0.00", "0.00", "0.00", "0.00", "0.00", "2.50", "0.00", "2.50"]
        pdf = PdfReader(tmp_path / "t.pdf").pages[0].extract_text()
        assert "Volunteer hours" in pdf and "Sam" in pdf and "2.50" in pdf
    finally:
        close(lead)
