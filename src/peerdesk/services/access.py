"""Who may see which peer and whose notes (DESIGN.md §1), checked here, not in the UI.

A caseworker and a programme lead see every peer and every note; a peer
supporter sees only the peers assigned to them and only the notes they
wrote; an administrator manages accounts and backups and sees no peers.
"""

from __future__ import annotations

from dataclasses import replace

from peerdesk.domain.errors import PermissionDenied
from peerdesk.domain.staff import Compartment, Permission, Role
from peerdesk.services.session import ACCESS_BEING_SET_UP, Session
from peerdesk.storage.repositories import peers as peer_repo

# Said to a role that works with no peer (an administrator), by both stores
# (services.casework_store).
NOT_CASEWORK = ("Only a caseworker or a programme lead can work with peers' records (and a "
                "peer supporter with the peers assigned to them).")
NOT_ASSIGNED = "This peer is not assigned to you."


def is_supporter(session: Session) -> bool:
    """A peer supporter (and not also a role that sees every peer)."""
    return session.has_role(Role.PEER_SUPPORTER) and not session.can(Permission.VIEW_ALL_PEERS)


def can_see_peers(session: Session) -> bool:
    return session.can(Permission.VIEW_ALL_PEERS) or (
        is_supporter(session) and session.holds(Compartment.CASEWORK))


def restrict(session: Session, flt: peer_repo.PeerFilter) -> peer_repo.PeerFilter:
    """The filter as this person is allowed to run it."""
    if session.can(Permission.VIEW_ALL_PEERS):
        return flt
    if is_supporter(session):
        if not session.holds(Compartment.CASEWORK):
            raise PermissionDenied(ACCESS_BEING_SET_UP)
        return replace(flt, assigned_to=session.staff.id)
    if session.role_allows(Permission.VIEW_ALL_PEERS):
        raise PermissionDenied(ACCESS_BEING_SET_UP)
    raise PermissionDenied(NOT_CASEWORK)


def require_peer(session: Session, peer_id: int) -> None:
    if not can_see_peers(session):
        restrict(session, peer_repo.PeerFilter())  # raises, saying why
    caseworker, supporter = peer_repo.assignment(session.db, peer_id)
    if session.can(Permission.VIEW_ALL_PEERS):
        return
    if is_supporter(session) and session.staff.id in (caseworker, supporter):
        return
    raise PermissionDenied(NOT_ASSIGNED)


def notes_limited_to(session: Session) -> int | None:
    """None when every note may be read; otherwise only notes by this staff id."""
    return None if session.can(Permission.READ_ALL_NOTES) else session.staff.id


def visible_peer_ids(session: Session) -> set[int] | None:
    """The peers this person may see, or None for every peer.

    For filtering lists that don't come from the caseload query (search hits,
    Today's items, rows asked for by id).
    """
    if session.can(Permission.VIEW_ALL_PEERS):
        return None
    return set(peer_repo.matching_ids(session.db, restrict(session, peer_repo.PeerFilter())))
