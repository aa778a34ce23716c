"""Recording a new row about someone: who recorded it, when, and the audit event, at once.

A consent, a mentoring pair, a training, a check, hours: each is one
insert stamped with the signed-in person and the time, audited against the peer or
supporter it is about, in one transaction so the row never exists unaudited. The
permission check and validation stay with each caller; they differ.
"""

from __future__ import annotations

from typing import Protocol, TypeVar

from peerdesk.domain.audit import AuditAction
from peerdesk.services.session import Session
from peerdesk.storage.database import Database
from peerdesk.storage.vault import utc_now

D = TypeVar("D", contravariant=True)


class StampedInsert(Protocol[D]):
    """A repository's insert taking the row, who recorded it and when; returns its id."""

    def __call__(self, db: Database, draft: D, /, *, recorded_by: int, now: str) -> int: ...


def insert_audited(session: Session, insert: StampedInsert[D], draft: D, *,
                   about: tuple[str, int], detail: str) -> int:
    """Insert `draft` stamped with the signed-in person and now, and audit it as a change
    to `about` (kind, id) in the same transaction. `detail` may name the new row as {id};
    it is the audit's text, never shown to a peer, so it names numbers, not words."""
    kind, about_id = about
    with session.db.transaction():
        new_id = insert(session.db, draft, recorded_by=session.staff.id, now=utc_now())
        session.audit(AuditAction.CHANGED, kind, str(about_id), detail.format(id=new_id))
    return new_id
