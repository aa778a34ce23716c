"""Groups, meetings and registers (DESIGN.md §1).

Caseworkers and programme leads run every group; a peer supporter sees and
takes registers only for the groups they facilitate; administrators see no
groups. Marks are part of a peer's record: each change is audited against
the peer, the register against the meeting.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

from peerdesk.domain.audit import AuditAction
from peerdesk.domain.errors import PermissionDenied, ValidationError
from peerdesk.domain.groups import (
    MAX_SERIES,
    GroupDraft,
    Mark,
    MeetingDraft,
    MeetingStatus,
    Repeat,
    check_head_count,
)
from peerdesk.domain.referral import ReferralDestination, ReferralDraft
from peerdesk.domain.staff import Permission
from peerdesk.services import access
from peerdesk.services.clock import today as today_
from peerdesk.services.session import Session
from peerdesk.storage.repositories import groups as repo
from peerdesk.storage.repositories import peers as peer_repo
from peerdesk.storage.repositories import referrals as referral_repo
from peerdesk.storage.repositories import staff as staff_repo
from peerdesk.storage.vault import utc_now

GroupRow = repo.GroupRow
MeetingRow = repo.MeetingRow
RegisterLine = repo.RegisterLine


def _runs_all_groups(session: Session) -> bool:
    return session.can(Permission.VIEW_ALL_PEERS)


def can_see_groups(session: Session) -> bool:
    return _runs_all_groups(session) or access.can_see_peers(session)


def _require_manage(session: Session) -> None:
    if not _runs_all_groups(session):
        raise PermissionDenied("Only a caseworker or a programme lead can change groups.")


def _require_group(session: Session, group_id: int) -> None:
    if _runs_all_groups(session):
        return
    if access.can_see_peers(session) and session.staff.id in repo.facilitator_ids(
            session.db, group_id):
        return
    raise PermissionDenied("You don't facilitate this group.")


def list_groups(session: Session, *, include_archived: bool = False) -> list[GroupRow]:
    if _runs_all_groups(session):
        return repo.list_groups(session.db, include_archived=include_archived)
    if can_see_groups(session):
        return repo.list_groups(session.db, include_archived=include_archived,
                                facilitated_by=session.staff.id)
    raise PermissionDenied("Only a caseworker or a programme lead can see the groups (and a "
                           "peer supporter the groups they run).")


def get_group(session: Session, group_id: int) -> GroupRow:
    _require_group(session, group_id)
    return repo.get_group(session.db, group_id)


def _check_staff(session: Session, staff_ids: tuple[int, ...]) -> None:
    for staff_id in staff_ids:
        staff_repo.get(session.db, staff_id)


def create_group(session: Session, draft: GroupDraft) -> int:
    _require_manage(session)
    clean = draft.validated()
    with session.db.transaction():
        _check_staff(session, clean.facilitator_ids)
        group_id = repo.insert_group(session.db, clean, now=utc_now())
        session.audit(AuditAction.CREATED, "group", str(group_id))
    return group_id


def update_group(session: Session, group_id: int, draft: GroupDraft) -> None:
    _require_manage(session)
    clean = draft.validated()
    with session.db.transaction():
        _check_staff(session, clean.facilitator_ids)
        repo.update_group(session.db, group_id, clean, now=utc_now())
        session.audit(AuditAction.CHANGED, "group", str(group_id))


def archive_group(session: Session, group_id: int, *, archived: bool = True,
                  today: date | None = None) -> None:
    """Archive (or bring back) a group; every meeting and mark is kept."""
    _require_manage(session)
    with session.db.transaction():
        repo.set_archived(session.db, group_id, today_(today) if archived else None,
                          now=utc_now())
        session.audit(AuditAction.CHANGED, "group", str(group_id),
                      "archived" if archived else "restored")


# -- membership --------------------------------------------------------------------------


def add_member(session: Session, group_id: int, peer_id: int, *,
               today: date | None = None) -> None:
    _require_group(session, group_id)
    access.require_peer(session, peer_id)
    with session.db.transaction():
        repo.add_member(session.db, group_id, peer_id, today_(today))
        session.audit(AuditAction.CHANGED, "peer", str(peer_id), f"joined group {group_id}")


def end_membership(session: Session, group_id: int, peer_id: int, *,
                   today: date | None = None) -> None:
    """They leave the group; their past attendance stays."""
    _require_group(session, group_id)
    with session.db.transaction():
        repo.end_membership(session.db, group_id, peer_id, today_(today))
        session.audit(AuditAction.CHANGED, "peer", str(peer_id), f"left group {group_id}")


def refer_to_group(session: Session, peer_id: int, group_id: int, *, add_as_member: bool,
                   today: date | None = None) -> int:
    """A referral into a group, optionally making them a member at once."""
    access.require_peer(session, peer_id)
    on = today_(today)
    group = get_group(session, group_id)
    draft = ReferralDraft(peer_id, on, ReferralDestination.GROUP, group.name).validated(on)
    with session.db.transaction():
        referral_id = referral_repo.insert(session.db, draft, recorded_by=session.staff.id,
                                           now=utc_now())
        session.audit(AuditAction.CHANGED, "peer", str(peer_id),
                      f"referral {referral_id} to group {group_id}")
        if add_as_member:
            repo.add_member(session.db, group_id, peer_id, on)
            session.audit(AuditAction.CHANGED, "peer", str(peer_id), f"joined group {group_id}")
    return referral_id


def members(session: Session, group_id: int) -> list[peer_repo.PeerRow]:
    """The group's current members, in name order (its facilitators see them all)."""
    _require_group(session, group_id)
    session.audit_alone(AuditAction.VIEWED, "group", str(group_id), "members")
    ids = set(repo.current_member_ids(session.db, group_id))
    rows = peer_repo.rows_for(session.db, list(ids))
    return sorted(rows, key=lambda r: (r.preferred_name.casefold(), r.id))


def groups_of_peer(session: Session, peer_id: int) -> list[tuple[int, str, str, str]]:
    access.require_peer(session, peer_id)
    return repo.groups_of_peer(session.db, peer_id)


def attendance_of_peer(session: Session, peer_id: int) -> list[tuple[str, str, str, bool]]:
    access.require_peer(session, peer_id)
    return repo.attendance_of_peer(session.db, peer_id)


# -- meetings --------------------------------------------------------------------------------


def meetings(session: Session, group_id: int) -> list[MeetingRow]:
    _require_group(session, group_id)
    return repo.meetings_of(session.db, group_id)


def schedule_meeting(session: Session, draft: MeetingDraft, *, today: date | None = None) -> int:
    _require_group(session, draft.group_id)
    clean = draft.validated(today_(today))
    with session.db.transaction():
        _check_staff(session, clean.facilitator_ids)
        meeting_id = repo.insert_meeting(session.db, clean, series_id=None, now=utc_now())
        session.audit(AuditAction.CREATED, "group", str(draft.group_id), f"meeting {meeting_id}")
    return meeting_id


def schedule_series(session: Session, first: MeetingDraft, *, repeat: Repeat, count: int,
                    today: date | None = None) -> list[int]:
    """`count` meetings from `first`, weekly or fortnightly; each editable on its own."""
    _require_group(session, first.group_id)
    if not 1 <= count <= MAX_SERIES:
        raise ValidationError("A series can have 1 to {most} meetings.", field="count",
                              most=MAX_SERIES)
    on = today_(today)
    drafts = [replace(first, held_on=first.held_on + timedelta(days=repeat.days * i)
                      ).validated(on) for i in range(count)]
    with session.db.transaction():
        _check_staff(session, drafts[0].facilitator_ids)
        series = repo.next_series_id(session.db)
        ids = [repo.insert_meeting(session.db, d, series_id=series, now=utc_now())
               for d in drafts]
        session.audit(AuditAction.CREATED, "group", str(first.group_id),
                      f"{count} {repeat.value} meetings from {first.held_on.isoformat()}")
    return ids


def edit_meeting(session: Session, meeting_id: int, draft: MeetingDraft, *,
                 today: date | None = None) -> None:
    meeting = repo.get_meeting(session.db, meeting_id)
    _require_group(session, meeting.group_id)
    clean = replace(draft.validated(today_(today)), group_id=meeting.group_id)
    with session.db.transaction():
        _check_staff(session, clean.facilitator_ids)
        repo.update_meeting(session.db, meeting_id, clean, now=utc_now())
        session.audit(AuditAction.CHANGED, "group", str(meeting.group_id), f"meeting {meeting_id}")


def cancel_meeting(session: Session, meeting_id: int) -> None:
    meeting = repo.get_meeting(session.db, meeting_id)
    _require_group(session, meeting.group_id)
    with session.db.transaction():
        repo.set_status(session.db, meeting_id, MeetingStatus.CANCELLED.value, now=utc_now())
        session.audit(AuditAction.CHANGED, "group", str(meeting.group_id),
                      f"meeting {meeting_id} cancelled")


def restore_meeting(session: Session, meeting_id: int) -> None:
    """Undo a cancellation: the meeting is scheduled again (its register can be taken)."""
    meeting = repo.get_meeting(session.db, meeting_id)
    _require_group(session, meeting.group_id)
    if meeting.status != MeetingStatus.CANCELLED.value:
        raise ValidationError("Only a cancelled meeting can be restored.")
    with session.db.transaction():
        repo.set_status(session.db, meeting_id, MeetingStatus.SCHEDULED.value, now=utc_now())
        session.audit(AuditAction.CHANGED, "group", str(meeting.group_id),
                      f"meeting {meeting_id} restored")


# -- the register --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Register:
    meeting: MeetingRow
    group: GroupRow
    lines: list[RegisterLine]


def open_register(session: Session, meeting_id: int) -> Register:
    meeting = repo.get_meeting(session.db, meeting_id)
    _require_group(session, meeting.group_id)
    session.audit_alone(AuditAction.VIEWED, "group", str(meeting.group_id),
                        f"register of meeting {meeting_id}")
    return Register(meeting, repo.get_group(session.db, meeting.group_id),
                    repo.register(session.db, meeting_id, meeting.group_id))


def save_register(session: Session, meeting_id: int, marks: dict[int, Mark], *,
                  walk_ins: set[int] | frozenset[int] = frozenset(),
                  anonymous_count: object = 0, today: date | None = None) -> None:
    """Save a whole register at once; a walk-in must be someone this person may see."""
    meeting = repo.get_meeting(session.db, meeting_id)
    _require_group(session, meeting.group_id)
    count = check_head_count(anonymous_count)
    if date.fromisoformat(meeting.held_on) > today_(today):
        raise ValidationError("A register can't be taken before the meeting has happened.",
                              field="held_on")
    if meeting.status == MeetingStatus.CANCELLED.value:
        raise ValidationError("This meeting was cancelled; restore it before taking a register.")
    before = {line.peer_id: line for line in
              repo.register(session.db, meeting_id, meeting.group_id)}
    for peer_id in marks:
        if peer_id not in before:
            access.require_peer(session, peer_id)  # a walk-in from the caseload
    with session.db.transaction():
        repo.save_register(session.db, meeting_id,
                           {p: (m, p in walk_ins or (p in before and before[p].walk_in))
                            for p, m in marks.items()}, count, now=utc_now())
        for peer_id, mark in marks.items():
            if peer_id not in before or before[peer_id].mark is not mark:
                session.audit(AuditAction.CHANGED, "peer", str(peer_id),
                              f"marked {mark.value} at meeting {meeting_id}")
        for peer_id, line in before.items():
            if line.mark is not None and peer_id not in marks:
                session.audit(AuditAction.CHANGED, "peer", str(peer_id),
                              f"mark removed at meeting {meeting_id}")
        session.audit(AuditAction.CHANGED, "group", str(meeting.group_id),
                      f"register of meeting {meeting_id} saved")


@dataclass(frozen=True, slots=True)
class GroupAttendance:
    meetings: list[tuple[str, int, int, int, int]]   # held_on, attended, apologies, absent, anon
    members: list[tuple[int, str, str, int, int]]    # peer id, ref, name, attended, marked


def attendance(session: Session, group_id: int) -> GroupAttendance:
    _require_group(session, group_id)
    session.audit_alone(AuditAction.VIEWED, "group", str(group_id), "attendance")
    return GroupAttendance(repo.attendance_over_time(session.db, group_id),
                           repo.member_rates(session.db, group_id))
