"""Retention for the listening service (DESIGN.md §6): anonymous contacts have their own,
shorter period (default 24 months after the contact).

The retention review shows how many contacts, known callers and closed call-backs
are past it, and deletes them in one step, as the review of closed peers does:
one transaction, one audit event with counts only, then the words removed from
the search index and the write-ahead log cleared. Contacts on a peer's record
are part of that record and go with it (erasure, the peers' own period).
Known callers with no contact inside the period go too.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

from peerdesk.domain.audit import AuditAction
from peerdesk.domain.errors import ValidationError
from peerdesk.domain.staff import Permission
from peerdesk.services import erasure
from peerdesk.services.clock import today as today_
from peerdesk.services.listening import session_audit
from peerdesk.services.listening_settings import contact_months
from peerdesk.services.session import Session
from peerdesk.storage.database import Database
from peerdesk.storage.repositories import callbacks as callback_repo
from peerdesk.storage.repositories import contacts as contact_repo
from peerdesk.storage.repositories import known_callers as caller_repo
from peerdesk.storage.repositories.search import forget_now


def months_before(day: date, months: int) -> date:
    """The same day `months` earlier (the month's last day when it is shorter)."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


@dataclass(frozen=True, slots=True)
class Due:
    months: int
    cutoff: date                 # contacts on or before this day are past the period
    contacts: int
    oldest: date | None
    callers: int
    callbacks: int

    @property
    def nothing(self) -> bool:
        return not (self.contacts or self.callers or self.callbacks)


def _due_ids(db: Database, cutoff: date) -> tuple[list[int], list[int], list[int]]:
    return (contact_repo.past_retention(db, cutoff), caller_repo.quiet_since(db, cutoff),
            callback_repo.received_on_or_before(db, cutoff))


def due(session: Session, *, today: date | None = None, db: Database | None = None) -> Due:
    session.require(Permission.MANAGE_RETENTION)
    db = db or session.db
    months = contact_months(db)
    cutoff = months_before(today_(today), months)
    contacts, callers, callbacks = _due_ids(db, cutoff)
    oldest = contact_repo.oldest_anonymous(db) if contacts else None
    return Due(months, cutoff, len(contacts), oldest, len(callers), len(callbacks))


def delete_due(session: Session, expected: Due, *, today: date | None = None,
               db: Database | None = None) -> Due:
    """Delete what is past the period; refuses if it is no longer what was shown."""
    session.require(Permission.MANAGE_RETENTION)
    db = db or session.db
    with db.transaction():
        now = due(session, today=today, db=db)
        if (now.cutoff, now.contacts, now.callers, now.callbacks) != (
                expected.cutoff, expected.contacts, expected.callers, expected.callbacks):
            raise ValidationError("What is past the period has changed since the list was "
                                  "shown. Nothing was deleted; look again.")
        contacts, callers, callbacks = _due_ids(db, now.cutoff)
        contact_repo.delete(db, contacts)
        callback_repo.delete(db, callbacks)
        caller_repo.delete(db, callers)
        forget_now(db, ("contact_note_search",))
        session_audit(session, db, AuditAction.DELETED, "contacts", "",
                      f"retention review: {len(contacts)} contacts, {len(callers)} known "
                      f"callers and {len(callbacks)} call-backs past {now.months} months")
    erasure.make_physically_gone(session, db)
    return now


__all__ = ["Due", "delete_due", "due", "months_before"]
