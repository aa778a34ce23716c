"""Known callers: a nickname and a short note for someone who gets in touch again and again.

No surname, phone number, email or address: the profile is there so staff can
see a person's contacts as one story without knowing who they are. Opening a
profile and every change are audited against it.
"""

from __future__ import annotations

from dataclasses import dataclass

from peerdesk.domain.audit import AuditAction
from peerdesk.domain.listening import KnownCallerDraft
from peerdesk.domain.staff import Permission
from peerdesk.services import access, erasure
from peerdesk.services.listening import session_audit
from peerdesk.services.session import Session
from peerdesk.storage.database import Database
from peerdesk.storage.repositories import callbacks as callback_repo
from peerdesk.storage.repositories import contacts as contact_repo
from peerdesk.storage.repositories import known_callers as caller_repo
from peerdesk.storage.repositories.search import forget_now
from peerdesk.storage.vault import utc_now

StoredCaller = caller_repo.StoredCaller


def create(session: Session, draft: KnownCallerDraft) -> int:
    session.require(Permission.LOG_CONTACTS)
    clean = draft.validated()
    with session.db.transaction():
        caller_id = caller_repo.insert(session.db, clean, created_by=session.staff.id,
                                       now=utc_now())
        session.audit(AuditAction.CREATED, "known_caller", str(caller_id))
    return caller_id


def update(session: Session, caller_id: int, draft: KnownCallerDraft) -> None:
    session.require(Permission.LOG_CONTACTS)
    clean = draft.validated()
    with session.db.transaction():
        caller_repo.update(session.db, caller_id, clean, now=utc_now())
        session.audit(AuditAction.CHANGED, "known_caller", str(caller_id))


def search(session: Session, text: str = "", *, limit: int | None = None) -> list[StoredCaller]:
    """Callers by nickname, for the pickers and the list (nickname and counts only)."""
    session.require(Permission.LOG_CONTACTS)
    return caller_repo.all_callers(session.db, text, limit=limit)


@dataclass(frozen=True, slots=True)
class CallerPage:
    caller: StoredCaller
    contacts: list[contact_repo.StoredContact]
    can_erase: bool


def open_page(session: Session, caller_id: int) -> CallerPage:
    """The profile and its contacts as one list, newest first; audited."""
    session.require(Permission.LOG_CONTACTS)
    caller = caller_repo.get(session.db, caller_id)
    contacts = contact_repo.for_caller(session.db, caller_id,
                                       notes_of=access.notes_limited_to(session))
    session.audit_alone(AuditAction.VIEWED, "known_caller", str(caller_id))
    return CallerPage(caller, contacts, session.can(Permission.MANAGE_RETENTION))


def erase(session: Session, caller_id: int, *, typed_nickname: str,
          db: Database | None = None) -> int:
    """Delete a known caller and every contact of theirs, as erasure does for a peer.

    The nickname typed must match (ignoring case), so no slip erases someone.
    Returns how many contacts went.
    """
    from peerdesk.domain.errors import ValidationError

    session.require(Permission.MANAGE_RETENTION)
    db = db or session.db
    caller = caller_repo.get(db, caller_id)
    if typed_nickname.strip().casefold() != caller.draft.nickname.casefold():
        raise ValidationError("Type the nickname “{nickname}” exactly to confirm. "
                              "Nothing was deleted.", field="typed_nickname",
                              nickname=caller.draft.nickname)
    ids = [c.id for c in contact_repo.for_caller(db, caller_id, notes_of=None)]
    with db.transaction():
        gone = contact_repo.delete(db, ids)
        callback_repo.delete(db, callback_repo.for_caller(db, caller_id))
        caller_repo.delete(db, [caller_id])
        forget_now(db, ("contact_note_search",))
        session_audit(session, db, AuditAction.DELETED, "known_caller", str(caller_id),
                      f"erased on request with {gone} contacts")
    erasure.make_physically_gone(session, db)
    return gone


__all__ = ["CallerPage", "StoredCaller", "create", "erase", "open_page", "search", "update"]
