"""Consent records."""

from __future__ import annotations

from datetime import date
from typing import Any

from peerdesk.domain.consent import Consent, ConsentDraft, ConsentScope
from peerdesk.storage.database import Database
from peerdesk.storage.repositories.rows import one


def _consent(r: Any) -> Consent:
    return Consent(int(r[0]), int(r[1]), ConsentScope(r[2]), date.fromisoformat(r[3]), r[4],
                   date.fromisoformat(r[5]) if r[5] else None,
                   date.fromisoformat(r[6]) if r[6] else None)


_SELECT = "SELECT id, peer_id, scope, given_on, recorded_by, review_on, withdrawn_on FROM consent"


def insert(db: Database, draft: ConsentDraft, *, recorded_by: int, now: str) -> int:
    return int(db.execute(
        "INSERT INTO consent (peer_id, scope, given_on, recorded_by, review_on, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        (draft.peer_id, draft.scope.value, draft.given_on.isoformat(), recorded_by,
         draft.review_on.isoformat() if draft.review_on else None, now),
    ).lastrowid)


def get(db: Database, consent_id: int) -> Consent:
    return one(db.query(f"{_SELECT} WHERE id = ?", (consent_id,)), _consent)


def withdraw(db: Database, consent_id: int, on: date) -> None:
    db.execute("UPDATE consent SET withdrawn_on = ? WHERE id = ?", (on.isoformat(), consent_id))


def for_peer(db: Database, peer_id: int) -> list[Consent]:
    return [_consent(r) for r in db.query(
        f"{_SELECT} WHERE peer_id = ? ORDER BY given_on DESC, id DESC", (peer_id,))]


def reviews_due(db: Database, by: date) -> list[Consent]:
    return [_consent(r) for r in db.query(
        f"{_SELECT} WHERE withdrawn_on IS NULL AND review_on IS NOT NULL AND review_on <= ? "
        "ORDER BY review_on, id", (by.isoformat(),))]
