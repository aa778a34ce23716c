"""Referrals."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from peerdesk.domain.referral import ReferralDestination, ReferralDraft, ReferralStatus
from peerdesk.storage.database import Database
from peerdesk.storage.repositories.rows import one, update_row

_COLUMNS = "id, peer_id, made_on, destination, destination_name, status, directory_entry_id"


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
    peer_id = one(db.query("SELECT peer_id FROM referral WHERE id = ?", (referral_id,)),
                  lambda r: int(r[0]))
    db.execute("UPDATE referral SET status = ?, updated_at = ? WHERE id = ?",
               (status.value, now, referral_id))
    return peer_id


def _referral(r: Any) -> StoredReferral:
    return StoredReferral(int(r[0]), ReferralDraft(int(r[1]), date.fromisoformat(r[2]),
                                                   ReferralDestination(r[3]), r[4],
                                                   ReferralStatus(r[5]), r[6]))


def get(db: Database, referral_id: int) -> StoredReferral:
    return one(db.query(f"SELECT {_COLUMNS} FROM referral WHERE id = ?", (referral_id,)),
               _referral)


def update(db: Database, referral_id: int, draft: ReferralDraft, *, now: str) -> None:
    """Correct a referral's date, destination, where and status (not whose it is)."""
    update_row(db, "referral", referral_id, {
        "made_on": draft.made_on.isoformat(), "destination": draft.destination.value,
        "destination_name": draft.destination_name, "status": draft.status.value,
        "directory_entry_id": draft.directory_entry_id}, now=now)


def for_peer(db: Database, peer_id: int) -> list[StoredReferral]:
    return [_referral(r) for r in db.query(
        f"SELECT {_COLUMNS} FROM referral WHERE peer_id = ? ORDER BY made_on DESC, id DESC",
        (peer_id,))]
