"""Supporters and their training, as the supporters and course-modules tests set them up."""

from __future__ import annotations

from datetime import date

from peerdesk.domain.supporters import CourseDraft, SupporterDraft, SupporterRole, SupporterStatus
from peerdesk.services import supporters
from peerdesk.services.session import Session

TODAY = date(2026, 6, 15)


def add_supporter(session: Session, name: str, *, staff_id: int | None = None,
                  status: SupporterStatus = SupporterStatus.ACTIVE) -> int:
    """A volunteer since 6 January 2025, with a phone number to reach them."""
    draft = SupporterDraft(name, frozenset({SupporterRole.VOLUNTEER}), date(2025, 1, 6),
                           reach="07700 900123", staff_id=staff_id)
    return supporters.add(session, draft, status=status, today=TODAY)


def competency_ids(session: Session) -> dict[str, int]:
    return {c.name: c.id for c in supporters.competencies(session)}


def safeguarding_course(session: Session, months: int | None = 12) -> int:
    """"Safeguarding", for Safety and Confidentiality, renewed every `months`."""
    comps = competency_ids(session)
    return supporters.add_course(session, CourseDraft(
        "Safeguarding", frozenset({comps["Safety"], comps["Confidentiality"]}), months))
