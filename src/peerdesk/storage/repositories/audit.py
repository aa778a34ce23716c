"""The append-only, hash-chained audit log.

Each event's hash covers its own fields and the previous event's hash, and
the newest hash and the event count are kept in `meta`, so a changed,
removed or reordered event — including the last one — is detected by
`verify_chain`. Triggers refuse UPDATE and DELETE on the table.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from peerdesk.domain.audit import AuditAction, AuditEvent
from peerdesk.storage.database import Database
from peerdesk.storage.repositories.meta import get_meta, set_meta

GENESIS = b"\0" * 32
_HEAD = "audit_head"
_COUNT = "audit_count"


def _digest(prev: bytes, event_id: int, at: str, actor: int | None, action: str,
            target_kind: str, target_id: str, detail: str) -> bytes:
    canonical = json.dumps(
        [event_id, at, actor, action, target_kind, target_id, detail],
        ensure_ascii=False, separators=(",", ":"),
    ).encode("utf-8")
    return hashlib.sha256(prev + canonical).digest()


def append(db: Database, *, at: str, actor_id: int | None, action: AuditAction,
           target_kind: str = "", target_id: str = "", detail: str = "") -> int:
    """Add one event; the caller's transaction makes it atomic with the change it records."""
    head = get_meta(db, _HEAD)
    prev = bytes.fromhex(head) if head else GENESIS
    count = int(get_meta(db, _COUNT) or 0)
    event_id = int(db.scalar("SELECT coalesce(max(id), 0) + 1 FROM audit_event"))
    digest = _digest(prev, event_id, at, actor_id, action.value, target_kind, target_id, detail)
    db.execute(
        "INSERT INTO audit_event (id, at, actor_id, action, target_kind, target_id, detail,"
        " prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (event_id, at, actor_id, action.value, target_kind, target_id, detail, prev, digest),
    )
    set_meta(db, _HEAD, digest.hex())
    set_meta(db, _COUNT, str(count + 1))
    return event_id


def _event(row: Any) -> AuditEvent:
    return AuditEvent(
        id=int(row[0]), at=str(row[1]), actor_id=row[2], action=AuditAction(row[3]),
        target_kind=str(row[4]), target_id=str(row[5]), detail=str(row[6]),
    )


def recent(db: Database, *, limit: int = 500, target_kind: str | None = None,
           target_id: str | None = None) -> list[AuditEvent]:
    where, params = "", []
    if target_kind is not None:
        where = "WHERE target_kind = ? AND target_id = ?"
        params = [target_kind, target_id or ""]
    rows = db.query(
        f"SELECT id, at, actor_id, action, target_kind, target_id, detail FROM audit_event "
        f"{where} ORDER BY id DESC LIMIT ?",
        (*params, limit),
    )
    return [_event(r) for r in rows]


@dataclass(frozen=True, slots=True)
class ChainReport:
    events: int
    problems: list[str]

    @property
    def ok(self) -> bool:
        return not self.problems


def verify_chain(db: Database) -> ChainReport:
    problems: list[str] = []
    prev = GENESIS
    expected_id = 1
    count = 0
    cursor = db.execute(
        "SELECT id, at, actor_id, action, target_kind, target_id, detail, prev_hash, hash "
        "FROM audit_event ORDER BY id"
    )
    for row in cursor:
        count += 1
        event_id = int(row[0])
        if event_id != expected_id:
            problems.append(f"audit event {expected_id} is missing")
        if bytes(row[7]) != prev:
            problems.append(f"audit event {event_id} does not follow the one before it")
        digest = _digest(bytes(row[7]), event_id, row[1], row[2], row[3], row[4], row[5], row[6])
        if digest != bytes(row[8]):
            problems.append(f"audit event {event_id} has been changed")
        prev = bytes(row[8])
        expected_id = event_id + 1
    head = get_meta(db, _HEAD)
    if count and head != prev.hex():
        problems.append("the newest audit events have been removed or replaced")
    if int(get_meta(db, _COUNT) or 0) != count:
        problems.append("the number of audit events does not match the log's record")
    return ChainReport(events=count, problems=problems)
