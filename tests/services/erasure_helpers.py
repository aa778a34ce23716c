"""A peer with a full record (every kind of row erasure and subject access cover)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from peerdesk.domain.consent import ConsentDraft, ConsentScope
from peerdesk.domain.groups import GroupDraft, Mark, MeetingDraft
from peerdesk.domain.outcomes import ONS4, RatingDraft
from peerdesk.domain.referral import ReferralDestination, ReferralDraft
from peerdesk.domain.safe_contact import SafeContact
from peerdesk.services import casework, groups, peers
from peerdesk.services.session import Session

from .caseload_helpers import TODAY, one_to_one, peer


@dataclass(frozen=True)
class Record:
    peer_id: int
    words: list[str]  # everything typed about them that must never outlive them


def full_record(session: Session, stem: str, *, meeting_id: int | None = None,
                status_changes: dict[str, object] | None = None) -> Record:
    """A peer whose name, alias, code word and notes are made of unusual words from `stem`."""
    alias, full, code, note, steps, agency = (f"{stem}{part}" for part in (
        "alias", "fullname", "codeword", "noteword", "stepword", "agency"))
    peer_id = peers.create(
        session, peer(alias.capitalize(), full_name=f"{full.capitalize()} Smith",
                      **(status_changes or {})),
        safe_contact=SafeContact(texts_ok=False, code_word=code), today=TODAY)
    for day in (3, 10, 17):
        casework.log_session(session, one_to_one(
            peer_id, session.staff.id, held_on=date(2026, 4, day), notes=f"talked about {note}",
            next_steps=f"call {steps}", follow_up_on=date(2026, 4, day + 5),
            topics=("Housing",)), today=TODAY)
    casework.add_consent(session, ConsentDraft(peer_id, ConsentScope.STORE_DATA,
                                               date(2026, 3, 2)), today=TODAY)
    casework.add_referral(session, ReferralDraft(peer_id, date(2026, 4, 4),
                                                 ReferralDestination.AGENCY,
                                                 agency.capitalize()), today=TODAY)
    casework.add_rating(session, RatingDraft(peer_id, session.staff.id, ONS4, date(2026, 4, 3),
                                             (6, 7, 5, 3)), today=TODAY)
    if meeting_id is not None:
        meeting = groups.open_register(session, meeting_id)
        marks = {line.peer_id: line.mark for line in meeting.lines if line.mark is not None}
        marks[peer_id] = Mark.ATTENDED
        groups.add_member(session, meeting.group.id, peer_id, today=TODAY)
        groups.save_register(session, meeting_id, marks,
                             anonymous_count=meeting.meeting.anonymous_count, today=TODAY)
    return Record(peer_id, [alias, full, code, note, steps, agency])


def group_meeting(session: Session, *, anonymous_count: int = 3) -> int:
    """A held meeting with an anonymous head-count and nobody marked yet."""
    group_id = groups.create_group(session, GroupDraft("Thursday circle"))
    meeting_id = groups.schedule_meeting(session, MeetingDraft(group_id, date(2026, 4, 9)),
                                         today=TODAY)
    groups.save_register(session, meeting_id, {}, anonymous_count=anonymous_count, today=TODAY)
    return meeting_id
