"""Erasing one peer on request (DESIGN.md §5 end), and the path retention uses too.

Who may erase: programme leads (Permission.MANAGE_RETENTION), the role that
manages retention. Caseworkers and peer supporters can't; administrators see
no peers at all.

Erasure is one confirmed step: the person types the peer's reference code,
and everything about the peer is deleted in one transaction with one audit
event that carries the peer's id and reference, never a name. Then the data
is made physically gone, not only unlinked:
- the vault connection runs with `secure_delete` on, so freed pages and cells
  are overwritten with zeros;
- the search indexes are rewritten in the same transaction (FTS5 keeps
  deleted terms in its index blocks until then);
- the write-ahead log is checkpointed and truncated, so no old page version
  stays in it (if another connection is reading at that moment, the log is
  cleared when the vault is next closed instead);
- the encrypted safety copy kept beside the vault before an upgrade is
  deleted: it still holds the person.
Backups already written elsewhere are not touched; they age out as the
centre keeps its last N.
"""

from __future__ import annotations

from dataclasses import dataclass

from peerdesk.domain.audit import AuditAction
from peerdesk.domain.errors import PeerDeskError, ValidationError
from peerdesk.domain.peer import parse_ref
from peerdesk.domain.staff import Permission
from peerdesk.services.session import Session
from peerdesk.storage.database import Database
from peerdesk.storage.migrations import existing_backups
from peerdesk.storage.repositories import audit as audit_repo
from peerdesk.storage.repositories import erasure as erasure_repo
from peerdesk.storage.repositories import peers as peer_repo
from peerdesk.storage.vault import utc_now


def can_erase(session: Session) -> bool:
    return session.can(Permission.MANAGE_RETENTION)


@dataclass(frozen=True, slots=True)
class ErasurePreview:
    """What erasing one peer will delete, for the confirmation (no names)."""

    peer_id: int
    ref: str
    sessions: int
    consents: int
    referrals: int
    ratings: int
    attendance_marks: int


def _what_would_go(db: Database, peer_id: int) -> ErasurePreview:
    peer = peer_repo.get(db, peer_id)
    sessions, consents, referrals, ratings, marks = erasure_repo.counts_for(db, peer_id)
    return ErasurePreview(peer_id, peer.ref, sessions, consents, referrals, ratings, marks)


def preview(session: Session, peer_id: int, *, db: Database | None = None) -> ErasurePreview:
    """What erasing this person would delete: shown before asking, and audited."""
    session.require(Permission.MANAGE_RETENTION)
    db = db or session.db
    shown = _what_would_go(db, peer_id)
    with db.transaction():
        audit_repo.append(db, at=utc_now(), actor_id=session.staff.id,
                          action=AuditAction.VIEWED, target_kind="peer", target_id=str(peer_id),
                          detail="erasure previewed")
    return shown


def erase_peer(session: Session, peer_id: int, *, typed_ref: str,
               db: Database | None = None) -> ErasurePreview:
    """Delete one peer and everything about them; `typed_ref` must be their reference code.

    Returns what was deleted. The check of the typed reference is here, not
    only in the dialog, so no caller can erase someone by a slip. Rewriting
    the note index takes about a second on a large vault, so the window runs
    this on a worker thread with a connection of its own (`db`).
    """
    session.require(Permission.MANAGE_RETENTION)
    db = db or session.db
    before = _what_would_go(db, peer_id)
    if parse_ref(typed_ref) != parse_ref(before.ref):
        raise ValidationError("Type the reference code {ref} exactly to confirm. "
                              "Nothing was deleted.", field="typed_ref", ref=before.ref)
    with db.transaction():
        erasure_repo.delete_peers(db, [peer_id])
        audit_on(session, db, str(peer_id), f"erased on request ({before.ref})")
    make_physically_gone(session, db)
    return before


def audit_on(session: Session, db: Database, target_id: str, detail: str) -> None:
    """A DELETED event on `db`, which may be a worker thread's connection."""
    audit_repo.append(db, at=utc_now(), actor_id=session.staff.id, action=AuditAction.DELETED,
                      target_kind="peer", target_id=target_id, detail=detail)


def make_physically_gone(session: Session, db: Database) -> None:
    """After a committed erasure: clear the log of old pages and drop the pre-upgrade copy."""
    # A reader elsewhere (a report being prepared) keeps the log from being
    # truncated now; it is cleared when the last connection closes.
    db.checkpoint()
    paths = session.vault.paths
    for copy in (*existing_backups(paths.database), *existing_backups(paths.casework)):
        try:
            copy.unlink(missing_ok=True)
        except OSError as exc:
            raise PeerDeskError(
                "The record was deleted, but the old safety copy of the vault kept from an "
                "upgrade could not be removed ({why}). It still holds the record: delete the "
                "file {file} beside the vault.", why=exc.strerror, file=copy.name) from exc


__all__ = ["ErasurePreview", "audit_on", "can_erase", "erase_peer", "make_physically_gone",
           "preview"]
