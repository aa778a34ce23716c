"""Unfinished forms kept across a lock (DESIGN.md §4): one row per form, JSON payload."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from peerdesk.storage.database import Database


@dataclass(frozen=True, slots=True)
class StoredDraft:
    id: int
    staff_id: int
    kind: str
    saved_at: str
    payload: dict[str, Any]


def insert(db: Database, *, staff_id: int, kind: str, saved_at: str,
           payload: dict[str, Any]) -> int:
    cursor = db.execute(
        "INSERT INTO draft (staff_id, kind, saved_at, payload) VALUES (?, ?, ?, ?)",
        (staff_id, kind, saved_at, json.dumps(payload, ensure_ascii=False)))
    return int(cursor.lastrowid)


def for_staff(db: Database, staff_id: int) -> list[StoredDraft]:
    rows = db.query("SELECT id, staff_id, kind, saved_at, payload FROM draft "
                    "WHERE staff_id = ? ORDER BY id", (staff_id,))
    found = []
    for row in rows:
        try:
            payload = json.loads(row[4])
        except ValueError:
            payload = None
        if isinstance(payload, dict):
            found.append(StoredDraft(int(row[0]), int(row[1]), str(row[2]), str(row[3]),
                                     payload))
    return found


def get(db: Database, draft_id: int) -> StoredDraft | None:
    row = db.query("SELECT staff_id FROM draft WHERE id = ?", (draft_id,))
    if not row:
        return None
    return next((d for d in for_staff(db, int(row[0][0])) if d.id == draft_id), None)


def delete(db: Database, draft_id: int) -> None:
    db.execute("DELETE FROM draft WHERE id = ?", (draft_id,))


def delete_for_peer(db: Database, peer_id: int) -> None:
    """Erasure: a draft about a peer goes with them (payloads name the peer by id)."""
    for draft in db.query("SELECT id, payload FROM draft"):
        try:
            payload = json.loads(draft[1])
        except ValueError:
            continue
        if isinstance(payload, dict) and payload.get("peer_id") == peer_id:
            db.execute("DELETE FROM draft WHERE id = ?", (draft[0],))
