"""Referrals."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from peerdesk.domain.errors import NotFound
from peerdesk.domain.referral import ReferralDestination, ReferralDraft, ReferralStatus
from peerdesk.storage.database import Database
from peerdesk.storage.repositories.rows import update_row


@dataclass(frozen=True, slots=True)
class StoredReferral:
    id: int
    draft: ReferralDraft


def insert(db: Database, draft: ReferralDraft, *, recorded_by: int, now: str) -> int:
    return int(db.execute(
        "INSERT INTO referral (peer_id, made_on, destination, destination_name, status, "
        "directory_entry_id, recorded_by, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (draft.peer_id, draft.made_on.isoformat(), draft.destination.value,
         draft.destination_name, draft.status.value, draft.directory_entry_id, recorded_by,
         now, now),
    ).lastrowid)


def set_status(db: Database, referral_id: int, status: ReferralStatus, *, now: str) -> int:
    """Returns the peer id."""
    rows = db.query("SELECT peer_id FROM referral WHERE id = ?", (referral_id,))
    if not rows:
        raise NotFound
    db.execute("UPDATE referral SET status = ?, updated_at = ? WHERE id = ?",
               (status.value, now, referral_id))
    return int(rows[0][0])


def get(db: Database, referral_id: int) -> StoredReferral:
    rows = db.query("SELECT id, peer_id, made_on, destination, destination_name, status, "
                    "directory_entry_id FROM referral WHERE id = ?", (referral_id,))
    if not rows:
        raise NotFound
    r = rows[0]
    return StoredReferral(int(r[0]), ReferralDraft(int(r[1]), date.fromisoformat(r[2]),
                                                   ReferralDestination(r[3]), r[4],
                                                   ReferralStatus(r[5]), r[6]))


def update(db: Database, referral_id: int, draft: ReferralDraft, *, now: str) -> None:
    """Correct a referral's date, destination, where and status (not whose it is)."""
    update_row(db, "referral", referral_id, {
        "made_on": draft.made_on.isoformat(), "destination": draft.destination.value,
        "destination_name": draft.destination_name, "status": draft.status.value,
        "directory_entry_id": draft.directory_entry_id}, now=now)


def for_peer(db: Database, peer_id: int) -> list[StoredReferral]:
    return [
        StoredReferral(int(r[0]), ReferralDraft(peer_id, date.fromisoformat(r[1]),
                                                ReferralDestination(r[2]), r[3],
                                                ReferralStatus(r[4]), r[5]))
        for r in db.query(
            "SELECT id, made_on, destination, destination_name, status, directory_entry_id "
            "FROM referral "
            "WHERE peer_id = ? ORDER BY made_on DESC, id DESC", (peer_id,))
    ]
