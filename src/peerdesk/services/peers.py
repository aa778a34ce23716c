"""The caseload: find, add, change and open peers. Every opening is audited."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from peerdesk.domain.audit import AuditAction
from peerdesk.domain.consent import Consent
from peerdesk.domain.errors import ValidationError
from peerdesk.domain.peer import Peer, PeerDraft
from peerdesk.domain.safe_contact import SafeContact
from peerdesk.domain.staff import Permission, Role, StaffStatus
from peerdesk.services import access
from peerdesk.services.clock import today as today_
from peerdesk.services.session import Session
from peerdesk.storage.repositories import consent as consent_repo
from peerdesk.storage.repositories import contacts as contact_repo
from peerdesk.storage.repositories import one_to_one as session_repo
from peerdesk.storage.repositories import peers as peer_repo
from peerdesk.storage.repositories import ratings as rating_repo
from peerdesk.storage.repositories import referrals as referral_repo
from peerdesk.storage.repositories import staff as staff_repo
from peerdesk.storage.vault import utc_now

StoredRating = rating_repo.StoredRating  # for the UI, which never imports storage

PeerFilter = peer_repo.PeerFilter
PeerOrder = peer_repo.PeerOrder
PeerRow = peer_repo.PeerRow


def find(session: Session, flt: PeerFilter) -> list[int]:
    """Ordered ids of the peers this person may see that match the filter."""
    return peer_repo.matching_ids(session.db, access.restrict(session, flt))


def rows(session: Session, ids: list[int]) -> list[PeerRow]:
    """List columns for ids that came from `find` (a page of the visible list).

    Ids of peers this person may not see are left out, whoever asks.
    """
    visible = access.visible_peer_ids(session)
    if visible is not None:
        ids = [i for i in ids if i in visible]
    return peer_repo.rows_for(session.db, ids)


@dataclass(frozen=True, slots=True)
class StaffChoice:
    id: int
    name: str
    role: Role


def assignable_staff(session: Session) -> list[StaffChoice]:
    access.restrict(session, PeerFilter())
    return [StaffChoice(s.id, s.name, s.role) for s in staff_repo.list_all(session.db)
            if s.status is StaffStatus.ACTIVE and s.role in (Role.CASEWORKER,
                                                             Role.PEER_SUPPORTER,
                                                             Role.PROGRAMME_LEAD)]


_ASSIGNABLE = (Role.CASEWORKER, Role.PEER_SUPPORTER, Role.PROGRAMME_LEAD)


def _check_assignees(session: Session, draft: PeerDraft) -> None:
    for staff_id, name in ((draft.caseworker_id, "caseworker_id"),
                           (draft.supporter_id, "supporter_id")):
        if staff_id is None:
            continue
        staff = staff_repo.get(session.db, staff_id)
        if not staff.is_active or staff.role not in _ASSIGNABLE:
            raise ValidationError("Assign an active caseworker, peer supporter or programme "
                                  "lead.", field=name)


def create(session: Session, draft: PeerDraft, *, safe_contact: SafeContact | None = None,
           today: date | None = None) -> int:
    new = prepare_new(session, draft, safe_contact=safe_contact, today=today)
    with session.db.transaction():
        return write_new(session, new)


@dataclass(frozen=True, slots=True)
class NewPeer:
    """A checked new peer, ready to write (inside another change's transaction, too)."""

    draft: PeerDraft
    prefs: SafeContact | None


def prepare_new(session: Session, draft: PeerDraft, *, safe_contact: SafeContact | None = None,
                today: date | None = None) -> NewPeer:
    access.restrict(session, PeerFilter())
    clean = draft.validated(today_(today))
    if session.staff.role is Role.PEER_SUPPORTER and clean.supporter_id is None:
        # Otherwise the person who added them could not see them.
        clean = replace(clean, supporter_id=session.staff.id)
    return NewPeer(clean, safe_contact.validated() if safe_contact else None)


def write_new(session: Session, new: NewPeer) -> int:
    """Insert a prepared peer; call inside a transaction. Returns the new id."""
    _check_assignees(session, new.draft)
    peer_id = peer_repo.insert(session.db, new.draft, now=utc_now())
    if new.prefs:
        peer_repo.set_safe_contact(session.db, peer_id, new.prefs)
    session.audit(AuditAction.CREATED, "peer", str(peer_id))
    return peer_id


def update(session: Session, peer_id: int, draft: PeerDraft, *, today: date | None = None
           ) -> None:
    access.require_peer(session, peer_id)
    clean = draft.validated(today_(today))
    if not session.can(Permission.VIEW_ALL_PEERS):
        # Who works with a peer is decided by caseworkers and leads.
        caseworker, supporter = peer_repo.assignment(session.db, peer_id)
        clean = replace(clean, caseworker_id=caseworker, supporter_id=supporter)
    with session.db.transaction():
        _check_assignees(session, clean)
        peer_repo.update(session.db, peer_id, clean, now=utc_now())
        session.audit(AuditAction.CHANGED, "peer", str(peer_id), "details")


def set_safe_contact(session: Session, peer_id: int, prefs: SafeContact) -> None:
    access.require_peer(session, peer_id)
    clean = prefs.validated()
    with session.db.transaction():
        peer_repo.set_safe_contact(session.db, peer_id, clean)
        session.audit(AuditAction.CHANGED, "peer", str(peer_id), "safe contact")


@dataclass(frozen=True, slots=True)
class PeerPage:
    peer: Peer
    safe_contact: SafeContact
    consents: list[Consent]
    sessions: list[session_repo.StoredSession]
    referrals: list[referral_repo.StoredReferral]
    ratings: list[rating_repo.StoredRating]
    can_see_audit: bool
    # Listening-service contacts from before they became a peer (services.became_peer).
    contacts: list[contact_repo.StoredContact] = field(default_factory=list)


def open_page(session: Session, peer_id: int) -> PeerPage:
    """Everything on a peer's page; writes a 'viewed' audit event."""
    access.require_peer(session, peer_id)
    db = session.db
    with db.transaction():
        session.audit(AuditAction.VIEWED, "peer", str(peer_id))
    return PeerPage(
        peer=peer_repo.get(db, peer_id),
        safe_contact=peer_repo.get_safe_contact(db, peer_id),
        consents=consent_repo.for_peer(db, peer_id),
        sessions=session_repo.for_peer(db, peer_id,
                                       only_notes_by=access.notes_limited_to(session)),
        referrals=referral_repo.for_peer(db, peer_id),
        ratings=rating_repo.for_peer(db, peer_id),
        can_see_audit=session.can(Permission.VIEW_AUDIT_LOG),
        contacts=contact_repo.for_peer(db, peer_id,
                                       notes_of=access.notes_limited_to(session)),
    )


def safe_contact_banner(session: Session, peer_id: int) -> str:
    """The warning to show before contacting someone."""
    access.require_peer(session, peer_id)
    return peer_repo.get_safe_contact(session.db, peer_id).banner()
