"""Deleting peers outright (erasure on request, end of retention) and finding who is due.

A peer's rows go by the schema's ON DELETE CASCADE (safe-contact, consent,
sessions with their notes and topics, referrals, ratings, group membership,
attendance marks, and the listening-service contacts from before they became a
peer). Meetings and their anonymous head-counts are not per
person and stay. The contentless search indexes hold no link back to the
peer row, so their entries are deleted by rowid here, and the indexes are
rewritten so the words leave the index blocks too.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from peerdesk.domain.peer import format_ref
from peerdesk.storage.database import Database
from peerdesk.storage.repositories import drafts as draft_repo
from peerdesk.storage.repositories.rows import query_in
from peerdesk.storage.repositories.search import forget_now


@dataclass(frozen=True, slots=True)
class ErasedCounts:
    """What went, for the confirmation message (counts only)."""

    peers: int
    sessions: int
    attendance_marks: int


def counts_for(db: Database, peer_id: int) -> tuple[int, int, int, int, int]:
    """(sessions, consent records, referrals, ratings, attendance marks) held on one peer."""
    row = db.query(
        "SELECT (SELECT count(*) FROM one_to_one WHERE peer_id = :p), "
        "(SELECT count(*) FROM consent WHERE peer_id = :p), "
        "(SELECT count(*) FROM referral WHERE peer_id = :p), "
        "(SELECT count(*) FROM rating WHERE peer_id = :p), "
        "(SELECT count(*) FROM attendance WHERE peer_id = :p)", {"p": peer_id})[0]
    return int(row[0]), int(row[1]), int(row[2]), int(row[3]), int(row[4])


def delete_peers(db: Database, peer_ids: list[int]) -> ErasedCounts:
    """Delete these peers and everything about them; call inside one transaction."""
    sessions = marks = gone = 0
    for peer_id in peer_ids:
        session_ids = [int(r[0]) for r in db.query(
            "SELECT id FROM one_to_one WHERE peer_id = ?", (peer_id,))]
        db.executemany("DELETE FROM note_search WHERE rowid = ?", [(s,) for s in session_ids])
        # Contacts from before they became a peer go with the record (ON DELETE
        # CASCADE); their notes' index rows have no link back, so go by id here.
        db.execute("DELETE FROM contact_note_search WHERE rowid IN "
                   "(SELECT id FROM anonymous_contact WHERE peer_id = ?)", (peer_id,))
        db.execute("UPDATE callback SET contact_id = NULL WHERE contact_id IN "
                   "(SELECT id FROM anonymous_contact WHERE peer_id = ?)", (peer_id,))
        db.execute("DELETE FROM peer_search WHERE rowid = ?", (peer_id,))
        draft_repo.delete_for_peer(db, peer_id)
        marks += int(db.scalar("SELECT count(*) FROM attendance WHERE peer_id = ?", (peer_id,)))
        sessions += len(session_ids)
        gone += db.execute("DELETE FROM peer WHERE id = ?", (peer_id,)).rowcount
    forget_now(db)
    return ErasedCounts(gone, sessions, marks)


@dataclass(frozen=True, slots=True)
class ClosedPeer:
    id: int
    ref: str
    preferred_name: str
    closed_on: date
    caseworker: str


def closed_on_or_before(db: Database, cutoff: date) -> list[ClosedPeer]:
    """Closed peers whose closure date is on or before `cutoff`, oldest closure first."""
    return [ClosedPeer(int(r[0]), format_ref(int(r[1])), str(r[2]), date.fromisoformat(r[3]),
                       str(r[4]))
            for r in db.query(
                "SELECT p.id, p.ref_number, p.preferred_name, p.closed_on, "
                "coalesce(s.name, '') FROM peer AS p LEFT JOIN staff AS s "
                "ON s.id = p.caseworker_id WHERE p.status = 'closed' "
                "AND p.closed_on IS NOT NULL AND p.closed_on <= ? "
                "ORDER BY p.closed_on, p.ref_number", (cutoff.isoformat(),))]


def refs_of(db: Database, peer_ids: list[int]) -> dict[int, str]:
    return {int(r[0]): format_ref(int(r[1])) for r in query_in(
        db, "SELECT id, ref_number FROM peer WHERE id IN ({marks})", peer_ids)}
