"""Forms kept across a lock (DESIGN.md §4): typing is never lost to the idle lock.

A draft belongs to the person who was typing and is offered back only to them.
It lives inside the encrypted vault like every record. Taking a draft back
deletes it; if the form is still open at the next lock it is kept again.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from peerdesk.domain.audit import AuditAction
from peerdesk.domain.errors import NotFound, ValidationError
from peerdesk.services.session import Session
from peerdesk.storage.repositories import drafts as draft_repo
from peerdesk.storage.vault import utc_now

SESSION_FORM = "one_to_one_session"
CONTACT_FORM = "listening_contact"
KINDS = frozenset({SESSION_FORM, CONTACT_FORM})
# A payload far past any form's limits is not a form; refuse it rather than
# fill the vault (notes are capped well below this by the domain's rules).
MAX_PAYLOAD_CHARS = 2_000_000


@dataclass(frozen=True, slots=True)
class Draft:
    id: int
    kind: str
    saved_at: str
    payload: dict[str, Any]


def keep(session: Session, kind: str, payload: dict[str, Any]) -> int:
    """Store what a form holds; call just before the session ends."""
    if kind not in KINDS:
        raise ValidationError("Unknown kind of draft: {kind}.", kind=kind)
    if sum(len(str(v)) for v in payload.values()) > MAX_PAYLOAD_CHARS:
        raise ValidationError("This form holds too much text to keep as a draft.")
    with session.db.transaction():
        draft_id = draft_repo.insert(session.db, staff_id=session.staff.id, kind=kind,
                                     saved_at=utc_now(), payload=payload)
        session.audit(AuditAction.CREATED, "draft", str(draft_id), kind)
    return draft_id


def pending(session: Session) -> list[Draft]:
    """This person's drafts, oldest first."""
    return [Draft(d.id, d.kind, d.saved_at, d.payload)
            for d in draft_repo.for_staff(session.db, session.staff.id)]


def take(session: Session, draft_id: int) -> Draft:
    """Hand a draft back to its author and delete it from the vault."""
    found = draft_repo.get(session.db, draft_id)
    if found is None or found.staff_id != session.staff.id:
        raise NotFound("That draft is no longer there.")
    with session.db.transaction():
        draft_repo.delete(session.db, draft_id)
        session.audit(AuditAction.VIEWED, "draft", str(draft_id), "taken back")
    return Draft(found.id, found.kind, found.saved_at, found.payload)


def discard(session: Session, draft_id: int) -> None:
    found = draft_repo.get(session.db, draft_id)
    if found is None or found.staff_id != session.staff.id:
        return
    with session.db.transaction():
        draft_repo.delete(session.db, draft_id)
        session.audit(AuditAction.DELETED, "draft", str(draft_id), "discarded")
