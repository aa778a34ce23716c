"""Groups, meetings, membership and the attendance register."""

from __future__ import annotations

from datetime import date

import pytest

from peerdesk.domain.audit import AuditAction
from peerdesk.domain.errors import PermissionDenied, ValidationError, VaultError
from peerdesk.domain.groups import GroupDraft, GroupMode, Mark, MeetingDraft, Repeat
from peerdesk.domain.referral import ReferralDestination
from peerdesk.domain.staff import Role
from peerdesk.services import groups, peers
from peerdesk.services.auth import SignIn
from peerdesk.services.session import Session
from peerdesk.storage.repositories import audit as audit_repo
from tests.conftest import ADMIN_NAME, ADMIN_PASSWORD

from .caseload_helpers import TODAY, add_person, peer, sign_in_as


@pytest.fixture
def lead(admin_session: Session) -> Session:
    add_person(admin_session, "Lee Lead", Role.PROGRAMME_LEAD)
    add_person(admin_session, "Sam Supporter", Role.PEER_SUPPORTER)
    add_person(admin_session, "Pat Supporter", Role.PEER_SUPPORTER)
    return sign_in_as(admin_session, "Lee Lead")


def staff(session: Session, name: str) -> int:
    return next(c.id for c in peers.assignable_staff(session) if c.name == name)


def group_with_members(session: Session, names: list[str], **draft: object
                       ) -> tuple[int, list[int]]:
    group_id = groups.create_group(
        session, GroupDraft("Tuesday circle", **draft))  # type: ignore[arg-type]
    members = [peers.create(session, peer(n), today=TODAY) for n in names]
    for peer_id in members:
        groups.add_member(session, group_id, peer_id, today=TODAY)
    return group_id, members


def meeting(session: Session, group_id: int, on: date = date(2026, 11, 17)) -> int:
    return groups.schedule_meeting(session, MeetingDraft(group_id, on, "14:00", "Main hall"),
                                   today=TODAY)


def test_a_register_marks_members_walk_ins_and_a_head_count(lead: Session) -> None:
    group_id, (ana, ben, cy) = group_with_members(lead, ["Ana", "Ben", "Cy"])
    walk_in = peers.create(lead, peer("Dee"), today=TODAY)
    meeting_id = meeting(lead, group_id)
    register = groups.open_register(lead, meeting_id)
    assert [line.preferred_name for line in register.lines] == ["Ana", "Ben", "Cy"]
    groups.save_register(lead, meeting_id, {ana: Mark.ATTENDED, ben: Mark.APOLOGIES,
                                            cy: Mark.ABSENT, walk_in: Mark.ATTENDED},
                         walk_ins={walk_in}, anonymous_count=2, today=TODAY)
    saved = groups.open_register(lead, meeting_id)
    assert {(line.preferred_name, line.mark, line.walk_in) for line in saved.lines} == {
        ("Ana", Mark.ATTENDED, False), ("Ben", Mark.APOLOGIES, False),
        ("Cy", Mark.ABSENT, False), ("Dee", Mark.ATTENDED, True)}
    assert (saved.meeting.anonymous_count, saved.meeting.attended, saved.meeting.status) == (
        2, 2, "held")
    assert groups.attendance_of_peer(lead, walk_in) == [("2026-11-17", "Tuesday circle",
                                                         "attended", True)]
    changed = [e.target_id for e in audit_repo.recent(lead.db, limit=500)
               if e.action is AuditAction.CHANGED and "marked" in e.detail]
    assert sorted(changed) == sorted(str(p) for p in (ana, ben, cy, walk_in))


def test_a_peer_cannot_be_marked_twice_in_a_meeting(lead: Session) -> None:
    group_id, (ana,) = group_with_members(lead, ["Ana"])
    meeting_id = meeting(lead, group_id)
    groups.save_register(lead, meeting_id, {ana: Mark.ATTENDED}, today=TODAY)
    groups.save_register(lead, meeting_id, {ana: Mark.APOLOGIES}, today=TODAY)
    assert lead.db.scalar("SELECT count(*) FROM attendance WHERE meeting_id = ?",
                          (meeting_id,)) == 1
    with pytest.raises(VaultError, match="refused"):  # the table itself refuses a second mark
        lead.db.execute("INSERT INTO attendance (meeting_id, peer_id, mark) VALUES (?, ?, ?)",
                        (meeting_id, ana, "attended"))


@pytest.mark.parametrize("count", [-1, 2.5, "three", "", 501, None])
def test_the_head_count_is_a_whole_number_of_zero_or_more(lead: Session, count: object) -> None:
    group_id, _ = group_with_members(lead, ["Ana"])
    meeting_id = meeting(lead, group_id)
    with pytest.raises(ValidationError, match="head-count"):
        groups.save_register(lead, meeting_id, {}, anonymous_count=count, today=TODAY)
    assert groups.open_register(lead, meeting_id).meeting.status == "scheduled"


def test_meeting_dates_far_away_are_refused(lead: Session) -> None:
    group_id, _ = group_with_members(lead, [])
    for when, message in ((date(2030, 1, 1), "years ahead"), (date(1925, 1, 1), "check the year")):
        with pytest.raises(ValidationError, match=message):
            meeting(lead, group_id, when)
    with pytest.raises(ValidationError, match="HH:MM"):
        groups.schedule_meeting(lead, MeetingDraft(group_id, TODAY, "6pm"), today=TODAY)
    future = meeting(lead, group_id, date(2026, 12, 1))
    with pytest.raises(ValidationError, match="before the meeting has happened"):
        groups.save_register(lead, future, {}, today=TODAY)


def test_a_weekly_series_is_generated_and_each_meeting_is_editable(lead: Session) -> None:
    group_id, _ = group_with_members(lead, [])
    ids = groups.schedule_series(lead, MeetingDraft(group_id, date(2026, 12, 1), "18:30",
                                                    "online"),
                                 repeat=Repeat.FORTNIGHTLY, count=4, today=TODAY)
    assert [m.held_on for m in reversed(groups.meetings(lead, group_id))] == [
        "2026-12-01", "2026-12-15", "2026-12-29", "2027-01-12"]
    groups.edit_meeting(lead, ids[1], MeetingDraft(group_id, date(2026, 12, 16), "19:00",
                                                   "Main hall"), today=TODAY)
    groups.cancel_meeting(lead, ids[2])
    by_id = {m.id: m for m in groups.meetings(lead, group_id)}
    assert (by_id[ids[1]].held_on, by_id[ids[1]].place) == ("2026-12-16", "Main hall")
    assert by_id[ids[2]].status == "cancelled"
    assert by_id[ids[3]].starts_at == "18:30"
    with pytest.raises(ValidationError, match="1 to 104"):
        groups.schedule_series(lead, MeetingDraft(group_id, TODAY), repeat=Repeat.WEEKLY,
                               count=500, today=TODAY)


def test_archiving_and_leaving_keep_every_past_mark(lead: Session) -> None:
    group_id, (ana, ben) = group_with_members(lead, ["Ana", "Ben"], mode=GroupMode.ONLINE)
    meeting_id = meeting(lead, group_id)
    groups.save_register(lead, meeting_id, {ana: Mark.ATTENDED, ben: Mark.ATTENDED},
                         today=TODAY)
    groups.end_membership(lead, group_id, ben, today=TODAY)
    assert [line.preferred_name for line in groups.open_register(lead, meeting_id).lines] == [
        "Ana", "Ben"]  # Ben left, but his mark at this meeting stays
    groups.archive_group(lead, group_id, today=TODAY)
    assert groups.list_groups(lead) == []
    archived = groups.list_groups(lead, include_archived=True)[0]
    assert (archived.archived_on, archived.members) == ("2026-11-22", 1)
    history = groups.attendance(lead, group_id)
    assert history.meetings == [("2026-11-17", 2, 0, 0, 0)]
    assert [(name, attended) for _, _, name, attended, _ in history.members] == [
        ("Ana", 1), ("Ben", 1)]


def test_peer_supporters_take_registers_only_for_groups_they_facilitate(lead: Session) -> None:
    sam = staff(lead, "Sam Supporter")
    ours, (ana,) = group_with_members(lead, ["Ana"])
    groups.update_group(lead, ours, GroupDraft("Tuesday circle", facilitator_ids=(sam,)))
    other, _ = group_with_members(lead, ["Ben"])
    ours_meeting, other_meeting = meeting(lead, ours), meeting(lead, other)
    sam_session = sign_in_as(lead, "Sam Supporter")
    assert [g.id for g in groups.list_groups(sam_session)] == [ours]
    groups.save_register(sam_session, ours_meeting, {ana: Mark.ATTENDED}, today=TODAY)
    with pytest.raises(PermissionDenied):
        groups.open_register(sam_session, other_meeting)
    with pytest.raises(PermissionDenied):
        groups.create_group(sam_session, GroupDraft("Mine"))
    admin = SignIn(sam_session.vault.close()).sign_in(ADMIN_NAME, ADMIN_PASSWORD)
    with pytest.raises(PermissionDenied):
        groups.list_groups(admin)


def test_a_referral_into_a_group_can_add_the_peer(lead: Session) -> None:
    group_id, _ = group_with_members(lead, [])
    ana = peers.create(lead, peer("Ana"), today=TODAY)
    groups.refer_to_group(lead, ana, group_id, add_as_member=True, today=TODAY)
    assert [g[1] for g in groups.groups_of_peer(lead, ana)] == ["Tuesday circle"]
    referral = peers.open_page(lead, ana).referrals[0].draft
    assert (referral.destination, referral.destination_name) == (
        ReferralDestination.GROUP, "Tuesday circle")


def test_members_lists_current_members_for_facilitators_only(lead: Session) -> None:
    group_id, (_, ana, _) = group_with_members(lead, ["Ben", "Ana", "Cy"])
    groups.end_membership(lead, group_id, ana, today=TODAY)
    assert [r.preferred_name for r in groups.members(lead, group_id)] == ["Ben", "Cy"]
    viewed = [e for e in audit_repo.recent(lead.db, limit=50)
              if e.action is AuditAction.VIEWED and e.detail == "members"]
    assert viewed and viewed[0].target_id == str(group_id)
    supporter = sign_in_as(lead, "Sam Supporter")
    with pytest.raises(PermissionDenied):
        groups.members(supporter, group_id)
