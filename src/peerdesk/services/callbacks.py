"""Call-backs: enquiries waiting for a peer worker to get back to them (DESIGN.md §6).

The way to reach someone is kept only with their agreement and only while it is
needed: it is erased when the call-back is done or closed, when they become a
peer, and at the latest after the centre's period (default 30 days). That last
one happens whenever someone who works with contacts opens Today (and in the
retention review), so it doesn't wait for anyone to remember.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from peerdesk.domain.audit import AuditAction
from peerdesk.domain.callbacks import CallbackDraft, CallbackStatus
from peerdesk.domain.errors import ValidationError
from peerdesk.domain.staff import Permission
from peerdesk.services.clock import today as today_
from peerdesk.services.listening_settings import callback_keep_days
from peerdesk.services.session import Session
from peerdesk.storage.database import Database
from peerdesk.storage.repositories import callbacks as callback_repo
from peerdesk.storage.repositories import contacts as contact_repo
from peerdesk.storage.repositories import known_callers as caller_repo
from peerdesk.storage.vault import utc_now

StoredCallback = callback_repo.StoredCallback


def add(session: Session, draft: CallbackDraft, *, today: date | None = None) -> int:
    session.require(Permission.LOG_CONTACTS)
    on = today_(today)
    clean = draft.validated(on)
    with session.db.transaction():
        if clean.contact_id is not None:
            contact_repo.get(session.db, clean.contact_id)
        if clean.known_caller_id is not None:
            caller_repo.get(session.db, clean.known_caller_id)
        callback_id = callback_repo.insert(session.db, clean, created_by=session.staff.id,
                                           agreed_on=on, now=utc_now())
        session.audit(AuditAction.CREATED, "callback", str(callback_id))
    return callback_id


@dataclass(frozen=True, slots=True)
class Waiting:
    callback: StoredCallback
    waited_days: int
    warning: str      # the safe-contact banner: what not to do when getting in touch


def waiting(session: Session, *, today: date | None = None) -> list[Waiting]:
    """Enquiries to call back, longest waiting first, with the safe way to reach each.

    Ways to reach kept past the period are erased first. Showing the list is
    audited: it holds phone numbers and handles.
    """
    session.require(Permission.LOG_CONTACTS)
    on = today_(today)
    expire(session, today=on)
    found = [Waiting(c, (on - c.received_on).days, c.prefs.banner())
             for c in callback_repo.waiting(session.db)]
    if found:
        session.audit_alone(AuditAction.VIEWED, "callbacks", "", f"{len(found)} waiting shown")
    return found


def get(session: Session, callback_id: int) -> StoredCallback:
    session.require(Permission.LOG_CONTACTS)
    return callback_repo.get(session.db, callback_id)


def finish(session: Session, callback_id: int, status: CallbackStatus, *,
           today: date | None = None) -> None:
    """Called back (DONE) or no longer wanted (CLOSED); the way to reach them is erased."""
    session.require(Permission.LOG_CONTACTS)
    if status not in (CallbackStatus.DONE, CallbackStatus.CLOSED):
        raise ValidationError("A call-back is either done or closed.")
    stored = callback_repo.get(session.db, callback_id)
    if stored.status is not CallbackStatus.WAITING:
        raise ValidationError("That call-back is no longer waiting.")
    with session.db.transaction():
        callback_repo.close(session.db, callback_id, status, today_(today), now=utc_now())
        session.audit(AuditAction.CHANGED, "callback", str(callback_id),
                      f"{status.value}; way to reach erased")


def expire(session: Session, *, today: date | None = None, db: Database | None = None) -> int:
    """Erase every way to reach kept longer than the period; returns how many went."""
    db = db or session.db
    cutoff = today_(today) - timedelta(days=callback_keep_days(db))
    due = callback_repo.reach_kept_before(db, cutoff)
    if not due:
        return 0
    with db.transaction():
        for callback_id in due:
            stored = callback_repo.get(db, callback_id)
            status = (CallbackStatus.EXPIRED if stored.status is CallbackStatus.WAITING
                      else stored.status)
            callback_repo.close(db, callback_id, status, stored.closed_on or today_(today),
                                now=utc_now())
        from peerdesk.services.listening import session_audit

        session_audit(session, db, AuditAction.DELETED, "callbacks", "",
                      f"ways to reach erased after {callback_keep_days(db)} days: {len(due)}")
    return len(due)


__all__ = ["StoredCallback", "Waiting", "add", "expire", "finish", "get", "waiting"]
