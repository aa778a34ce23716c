"""Outcome ratings."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from peerdesk.domain.outcomes import RatingDraft
from peerdesk.storage.database import Database


@dataclass(frozen=True, slots=True)
class StoredRating:
    id: int
    measure_key: str
    rated_on: date
    scores: tuple[int, ...]
    total: int


def measures(db: Database) -> list[tuple[str, str, str]]:
    """(key, kind, title) of active measures."""
    return [(str(r[0]), str(r[1]), str(r[2])) for r in db.query(
        "SELECT key, kind, title FROM measure WHERE active = 1 ORDER BY kind, title")]


def add_ladder(db: Database, key: str, title: str) -> None:
    db.execute("INSERT INTO measure (key, kind, title) VALUES (?, 'ladder', ?)", (key, title))


def insert(db: Database, draft: RatingDraft, *, now: str) -> int:
    return int(db.execute(
        "INSERT INTO rating (peer_id, measure_key, rated_on, worker_id, scores, total, "
        "created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (draft.peer_id, draft.measure.key, draft.rated_on.isoformat(), draft.worker_id,
         ",".join(str(s) for s in draft.scores), draft.total, now),
    ).lastrowid)


def for_peer(db: Database, peer_id: int) -> list[StoredRating]:
    return [
        StoredRating(int(r[0]), str(r[1]), date.fromisoformat(r[2]),
                     tuple(int(x) for x in str(r[3]).split(",")), int(r[4]))
        for r in db.query(
            "SELECT id, measure_key, rated_on, scores, total FROM rating WHERE peer_id = ? "
            "ORDER BY measure_key, rated_on, id", (peer_id,))
    ]
