"""Outcome ratings: recorded, corrected and deleted, every earlier version kept."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from peerdesk.domain.outcomes import RatingDraft, Score, parse_scores, scores_text
from peerdesk.storage.database import Database
from peerdesk.storage.repositories.rows import one


@dataclass(frozen=True, slots=True)
class StoredRating:
    id: int
    measure_key: str
    rated_on: date
    scores: tuple[Score, ...]
    total: int | None  # None when an item was declined
    corrected: bool = False


@dataclass(frozen=True, slots=True)
class RatingChange:
    kind: str  # "corrected" or "deleted"
    changed_at: str
    changed_by: int
    reason: str
    old_rated_on: date
    old_scores: tuple[Score, ...]
    old_total: int | None = None


@dataclass(frozen=True, slots=True)
class KeptRating:
    """A rating as kept, deleted ones too (for the person's own copy of their record)."""

    id: int
    measure_key: str
    rated_on: date
    scores: tuple[Score, ...]
    total: int | None
    worker_id: int | None
    deleted_at: str | None


def measures(db: Database) -> list[tuple[str, str, str]]:
    """(key, kind, title) of active measures."""
    return [(str(r[0]), str(r[1]), str(r[2])) for r in db.query(
        "SELECT key, kind, title FROM measure WHERE active = 1 ORDER BY kind, title")]


def measure_titles(db: Database) -> dict[str, str]:
    """Every measure's title by key, retired ones too (old ratings still name them)."""
    return {str(r[0]): str(r[1]) for r in db.query("SELECT key, title FROM measure")}


def add_ladder(db: Database, key: str, title: str) -> None:
    db.execute("INSERT INTO measure (key, kind, title) VALUES (?, 'ladder', ?)", (key, title))


def insert(db: Database, draft: RatingDraft, *, now: str) -> int:
    return int(db.execute(
        "INSERT INTO rating (peer_id, measure_key, rated_on, worker_id, scores, total, "
        "created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (draft.peer_id, draft.measure.key, draft.rated_on.isoformat(), draft.worker_id,
         scores_text(draft.scores), draft.total, now),
    ).lastrowid)


def owner(db: Database, rating_id: int) -> tuple[int, str]:
    """(peer_id, measure_key) of a rating still in use; NotFound otherwise."""
    return one(db.query("SELECT peer_id, measure_key FROM rating WHERE id = ? "
                        "AND deleted_at IS NULL", (rating_id,)),
               lambda r: (int(r[0]), str(r[1])))


def _keep_old(db: Database, rating_id: int, kind: str, *, by: int, reason: str,
              now: str) -> None:
    db.execute(
        "INSERT INTO rating_change (rating_id, kind, changed_at, changed_by, reason, "
        "old_rated_on, old_scores, old_total) SELECT id, ?, ?, ?, ?, rated_on, scores, total "
        "FROM rating WHERE id = ?", (kind, now, by, reason, rating_id))


def correct(db: Database, rating_id: int, draft: RatingDraft, *, by: int, reason: str,
            now: str) -> None:
    _keep_old(db, rating_id, "corrected", by=by, reason=reason, now=now)
    db.execute("UPDATE rating SET rated_on = ?, scores = ?, total = ? WHERE id = ?",
               (draft.rated_on.isoformat(), scores_text(draft.scores), draft.total,
                rating_id))


def delete(db: Database, rating_id: int, *, by: int, reason: str, now: str) -> None:
    _keep_old(db, rating_id, "deleted", by=by, reason=reason, now=now)
    db.execute("UPDATE rating SET deleted_at = ? WHERE id = ?", (now, rating_id))


def _total(value: Any) -> int | None:
    return None if value is None else int(value)


_CHANGE = ("c.kind, c.changed_at, c.changed_by, c.reason, c.old_rated_on, c.old_scores, "
           "c.old_total")


def _change(r: Any) -> RatingChange:
    """A rating_change row, its columns as _CHANGE names them."""
    return RatingChange(str(r[0]), str(r[1]), int(r[2]), str(r[3]), date.fromisoformat(r[4]),
                        parse_scores(str(r[5])), _total(r[6]))


def for_peer(db: Database, peer_id: int) -> list[StoredRating]:
    """The ratings in use (deleted ones left out), with their corrected values."""
    return [
        StoredRating(int(r[0]), str(r[1]), date.fromisoformat(r[2]), parse_scores(str(r[3])),
                     _total(r[4]), bool(r[5]))
        for r in db.query(
            "SELECT id, measure_key, rated_on, scores, total, EXISTS (SELECT 1 FROM "
            "rating_change AS c WHERE c.rating_id = rating.id) FROM rating "
            "WHERE peer_id = ? AND deleted_at IS NULL ORDER BY measure_key, rated_on, id",
            (peer_id,))
    ]


def history(db: Database, rating_id: int) -> list[RatingChange]:
    return [_change(r) for r in db.query(
        f"SELECT {_CHANGE} FROM rating_change AS c WHERE c.rating_id = ? ORDER BY c.id",
        (rating_id,))]


def every_for_peer(db: Database, peer_id: int) -> list[KeptRating]:
    """Every rating of a peer, deleted ones included, oldest first."""
    return [KeptRating(int(r[0]), str(r[1]), date.fromisoformat(r[2]), parse_scores(str(r[3])),
                       _total(r[4]), r[5], r[6])
            for r in db.query("SELECT id, measure_key, rated_on, scores, total, worker_id, "
                              "deleted_at FROM rating WHERE peer_id = ? ORDER BY rated_on, id",
                              (peer_id,))]


def changes_for_peer(db: Database, peer_id: int) -> list[tuple[int, RatingChange]]:
    """(rating id, change) for every correction and deletion of a peer's ratings, in order."""
    return [(int(r[0]), _change(r[1:])) for r in db.query(
        f"SELECT c.rating_id, {_CHANGE} FROM rating_change AS c "
        "JOIN rating AS r ON r.id = c.rating_id WHERE r.peer_id = ? "
        "ORDER BY c.changed_at, c.id", (peer_id,))]
