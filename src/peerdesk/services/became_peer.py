"""Someone from the listening service becomes a peer, with their history.

From a contact, a known caller or a call-back: the new peer is added, and the
contact, every contact of the same known caller, and the call-back move onto
the new peer's record, all in one transaction. The contacts stay contacts (on
the peer's timeline and in the listening-service figures), so each is counted
once; the known caller's profile is no longer needed and goes; the way to call
them back is erased.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from peerdesk.domain.audit import AuditAction
from peerdesk.domain.callbacks import CallbackStatus
from peerdesk.domain.errors import ValidationError
from peerdesk.domain.listening import Channel, Outcome
from peerdesk.domain.peer import ContactRoute, PeerDraft
from peerdesk.domain.safe_contact import SafeContact
from peerdesk.domain.staff import Permission
from peerdesk.services import peers
from peerdesk.services.clock import today as today_
from peerdesk.services.session import Session
from peerdesk.storage.repositories import callbacks as callback_repo
from peerdesk.storage.repositories import contacts as contact_repo
from peerdesk.storage.repositories import known_callers as caller_repo
from peerdesk.storage.vault import utc_now

ROUTE_OF_CHANNEL = {Channel.PHONE: ContactRoute.PHONE, Channel.TEXT: ContactRoute.TEXT,
                    Channel.SOCIAL_MEDIA: ContactRoute.SOCIAL_MEDIA,
                    Channel.ONLINE_CHAT: ContactRoute.SOCIAL_MEDIA,
                    Channel.WALK_IN: ContactRoute.WALK_IN}


@dataclass(frozen=True, slots=True)
class Source:
    """Where the new peer comes from: any of a contact, a known caller, a call-back."""

    contact_id: int | None = None
    caller_id: int | None = None
    callback_id: int | None = None


@dataclass(frozen=True, slots=True)
class Moving:
    contact_ids: tuple[int, ...]
    caller_id: int | None
    callback_ids: tuple[int, ...]
    first_contact: date | None
    route: ContactRoute | None


def _gather(session: Session, source: Source) -> Moving:
    db = session.db
    contact_ids: list[int] = []
    callbacks: list[int] = []
    caller = source.caller_id
    firsts: list[tuple[date, ContactRoute | None]] = []
    if source.callback_id is not None:
        callback = callback_repo.get(db, source.callback_id)
        if callback.status is not CallbackStatus.WAITING:
            raise ValidationError("That call-back is no longer waiting.")
        callbacks.append(callback.id)
        firsts.append((callback.received_on, callback.route.contact_route))
        caller = caller or callback.known_caller_id
        if callback.contact_id is not None:
            contact_ids.append(callback.contact_id)
    if source.contact_id is not None:
        contact_ids.append(source.contact_id)
    for contact_id in list(contact_ids):
        stored = contact_repo.get(db, contact_id)
        if stored.peer_id is not None:
            raise ValidationError("That contact is already on a peer's record.")
        caller = caller or stored.draft.known_caller_id
    if caller is not None:
        caller_repo.get(db, caller)
        contact_ids += [c.id for c in contact_repo.for_caller(db, caller, notes_of=None)]
        callbacks += callback_repo.for_caller(db, caller, waiting_only=True)
    ids = tuple(dict.fromkeys(contact_ids))
    for stored in (contact_repo.get(db, i) for i in ids):
        firsts.append((stored.draft.contacted_on, ROUTE_OF_CHANNEL.get(stored.draft.channel)))
    first = min(firsts, key=lambda f: f[0]) if firsts else None
    return Moving(ids, caller, tuple(dict.fromkeys(callbacks)),
                  first[0] if first else None, first[1] if first else None)


def prefill(session: Session, source: Source, *, today: date | None = None) -> PeerDraft:
    """The new-peer form as far as it is known: first contact's date and route."""
    session.require(Permission.LOG_CONTACTS)
    moving = _gather(session, source)
    draft = PeerDraft(preferred_name="", first_contact=moving.first_contact or today_(today))
    if moving.route is not None:
        draft = PeerDraft(preferred_name="", first_contact=draft.first_contact,
                          contact_route=moving.route)
    return draft


def contacts_moving(session: Session, source: Source) -> int:
    session.require(Permission.LOG_CONTACTS)
    return len(_gather(session, source).contact_ids)


def became_peer(session: Session, source: Source, draft: PeerDraft, *,
                safe_contact: SafeContact | None = None, today: date | None = None) -> int:
    """Add the peer and move their listening-service history onto their record."""
    session.require(Permission.LOG_CONTACTS)
    new = peers.prepare_new(session, draft, safe_contact=safe_contact, today=today)
    on = today_(today)
    with session.db.transaction():
        moving = _gather(session, source)
        peer_id = peers.write_new(session, new)
        now = utc_now()
        contact_repo.move_to_peer(session.db, list(moving.contact_ids), peer_id, now=now)
        if source.contact_id is not None:
            contact_repo.add_outcome(session.db, source.contact_id, Outcome.BECAME_PEER)
        for callback_id in moving.callback_ids:
            callback_repo.close(session.db, callback_id, CallbackStatus.DONE, on, now=now,
                                peer_id=peer_id)
        if moving.caller_id is not None:
            caller_repo.delete(session.db, [moving.caller_id])
        session.audit(AuditAction.CHANGED, "peer", str(peer_id),
                      f"from the listening service: {len(moving.contact_ids)} contacts"
                      + (f", known caller {moving.caller_id}" if moving.caller_id else "")
                      + (f", {len(moving.callback_ids)} call-backs" if moving.callback_ids
                         else ""))
    return peer_id


__all__ = ["Source", "became_peer", "contacts_moving", "prefill"]
