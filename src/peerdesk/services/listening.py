"""Anonymous contacts: log, find, open, change and delete them (DESIGN.md §1).

Caseworkers, peer supporters and programme leads log and see contacts
(Permission.LOG_CONTACTS); administrators see none of it. Notes follow the
session notes' rules: a peer supporter reads and searches only the notes of
contacts they took. Every opening, change and deletion is audited, against
the contact, or against the peer once the contact is on a peer's record.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from peerdesk.domain.audit import AuditAction
from peerdesk.domain.errors import PermissionDenied, ValidationError
from peerdesk.domain.listening import Channel, ContactDraft
from peerdesk.domain.staff import Permission, StaffStatus, roles_allow
from peerdesk.services import access
from peerdesk.services.clock import now as now_
from peerdesk.services.session import Session
from peerdesk.storage.database import Database
from peerdesk.storage.repositories import contact_list
from peerdesk.storage.repositories import contacts as contact_repo
from peerdesk.storage.repositories import directory as directory_repo
from peerdesk.storage.repositories import known_callers as caller_repo
from peerdesk.storage.repositories import listening_lists as lists
from peerdesk.storage.repositories import staff as staff_repo
from peerdesk.storage.repositories.listening_lists import ListItem, ListKind
from peerdesk.storage.vault import utc_now

ContactFilter = contact_list.ContactFilter
ContactOrder = contact_list.ContactOrder
ContactRow = contact_list.ContactRow
StoredContact = contact_repo.StoredContact


def can_log(session: Session) -> bool:
    return session.can(Permission.LOG_CONTACTS)


@dataclass(frozen=True, slots=True)
class Taker:
    id: int
    name: str


@dataclass(frozen=True, slots=True)
class Choices:
    """What the contact form and the filters offer."""

    regions: list[ListItem]
    topics: list[ListItem]
    takers: list[Taker]
    channels: tuple[Channel, ...] = tuple(Channel)


def takers(session: Session, db: Database | None = None) -> list[Taker]:
    """Active staff whose roles log contacts (who can have taken one)."""
    return [Taker(s.id, s.name) for s in staff_repo.list_all(db or session.db)
            if s.status is StaffStatus.ACTIVE and roles_allow(s.roles, Permission.LOG_CONTACTS)]


def choices(session: Session, *, include_retired: bool = False) -> Choices:
    session.require(Permission.LOG_CONTACTS)
    db = session.db
    return Choices(lists.items(db, ListKind.REGION, active_only=not include_retired),
                   lists.items(db, ListKind.TOPIC, active_only=not include_retired),
                   takers(session))


def _check_refs(session: Session, draft: ContactDraft, before: ContactDraft | None) -> None:
    db = session.db
    if draft.taken_by != session.staff.id:
        if not session.can(Permission.READ_ALL_NOTES):
            raise PermissionDenied("You can only log contacts you took yourself.")
        if draft.taken_by not in {t.id for t in takers(session)} and (
                before is None or before.taken_by != draft.taken_by):
            raise ValidationError("Choose someone who takes contacts.", field="taken_by")
    had_region = {before.region_id} if before and before.region_id else set()
    if draft.region_id is not None:
        lists.check_active(db, ListKind.REGION, (draft.region_id,), allowed=had_region,
                           field="region")
    lists.check_active(db, ListKind.TOPIC, draft.topic_ids,
                       allowed=set(before.topic_ids) if before else set(), field="topics")
    if draft.signposts:
        found = {e.id: e for e in directory_repo.entries(db, list(draft.signposts))}
        kept = set(before.signposts) if before else set()
        for entry_id in draft.signposts:
            entry = found.get(entry_id)
            if entry is None or (entry.archived and entry_id not in kept):
                raise ValidationError("A service chosen is no longer in the directory; "
                                      "choose another.", field="signposts")
    if draft.known_caller_id is not None:
        caller_repo.get(db, draft.known_caller_id)


def _audit(session: Session, db: Database, action: AuditAction, contact_id: int,
           peer_id: int | None, what: str = "") -> None:
    """Against the peer once the contact is on their record, so their trail shows it."""
    if peer_id is not None:
        session_audit(session, db, action, "peer", str(peer_id),
                      f"contact {contact_id}" + (f" {what}" if what else ""))
    else:
        session_audit(session, db, action, "contact", str(contact_id), what)


def session_audit(session: Session, db: Database, action: AuditAction, kind: str,
                  target: str, detail: str = "") -> None:
    from peerdesk.storage.repositories import audit as audit_repo

    audit_repo.append(db, at=utc_now(), actor_id=session.staff.id, action=action,
                      target_kind=kind, target_id=target, detail=detail)


def log_contact(session: Session, draft: ContactDraft, *, now: datetime | None = None) -> int:
    """Record a contact; the taker is the signed-in person unless a caseworker or lead says."""
    session.require(Permission.LOG_CONTACTS)
    clean = draft.validated(now_(now))
    with session.db.transaction():
        _check_refs(session, clean, None)
        contact_id = contact_repo.insert(session.db, clean, now=utc_now())
        contact_repo.refresh_caller(session.db, clean.known_caller_id)
        _audit(session, session.db, AuditAction.CREATED, contact_id, None)
    return contact_id


def _readable(session: Session, contact_id: int) -> StoredContact:
    """The contact with its notes, or without them for someone who may not read them."""
    session.require(Permission.LOG_CONTACTS)
    stored = contact_repo.get(session.db, contact_id)
    if stored.peer_id is not None:
        access.require_peer(session, stored.peer_id)
    limited = access.notes_limited_to(session)
    if limited is not None and stored.draft.taken_by != limited:
        stored = replace(stored, draft=replace(stored.draft, notes="", safety_action=""))
    return stored


def _editable(session: Session, contact_id: int) -> StoredContact:
    stored = _readable(session, contact_id)
    if stored.draft.taken_by != session.staff.id and not session.can(Permission.READ_ALL_NOTES):
        raise PermissionDenied("Only the person who took this contact can change it.")
    return stored


def notes_hidden(session: Session, stored: StoredContact) -> bool:
    """True when this person sees the contact but not its notes."""
    limited = access.notes_limited_to(session)
    return limited is not None and stored.draft.taken_by != limited


def get_contact(session: Session, contact_id: int) -> StoredContact:
    stored = _readable(session, contact_id)
    with session.db.transaction():
        _audit(session, session.db, AuditAction.VIEWED, contact_id, stored.peer_id)
    return stored


def edit_contact(session: Session, contact_id: int, draft: ContactDraft, *,
                 now: datetime | None = None) -> None:
    stored = _editable(session, contact_id)
    clean = draft.validated(now_(now))
    if clean.taken_by != stored.draft.taken_by and not session.can(Permission.READ_ALL_NOTES):
        clean = replace(clean, taken_by=stored.draft.taken_by)
    with session.db.transaction():
        _check_refs(session, clean, stored.draft)
        contact_repo.update(session.db, contact_id, clean, now=utc_now())
        for caller in {stored.draft.known_caller_id, clean.known_caller_id}:
            contact_repo.refresh_caller(session.db, caller)
        _audit(session, session.db, AuditAction.CHANGED, contact_id, stored.peer_id)


def delete_contact(session: Session, contact_id: int) -> None:
    stored = _editable(session, contact_id)
    with session.db.transaction():
        contact_repo.delete(session.db, [contact_id])
        contact_repo.refresh_caller(session.db, stored.draft.known_caller_id)
        _audit(session, session.db, AuditAction.DELETED, contact_id, stored.peer_id)


def find(session: Session, flt: ContactFilter) -> list[int]:
    """Ordered ids of the contacts matching the filter; notes searched as this person may."""
    session.require(Permission.LOG_CONTACTS)
    return contact_list.matching_ids(
        session.db, replace(flt, notes_by=access.notes_limited_to(session)))


def rows(session: Session, ids: list[int]) -> list[ContactRow]:
    session.require(Permission.LOG_CONTACTS)
    return contact_list.rows_for(session.db, ids)


def record_search(session: Session, found: int) -> None:
    """A search of contact notes was shown (the words are not recorded: they may be a name)."""
    session.require(Permission.LOG_CONTACTS)
    session.audit_alone(AuditAction.VIEWED, "contacts", "", f"contact search, {found} results")


__all__ = ["Choices", "ContactFilter", "ContactOrder", "ContactRow", "StoredContact", "Taker",
           "can_log", "choices", "delete_contact", "edit_contact", "find", "get_contact",
           "log_contact", "notes_hidden", "record_search", "rows", "takers"]
