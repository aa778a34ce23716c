"""Known callers: a nickname and a short note, and their contacts' latest day."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from peerdesk.domain.listening import KnownCallerDraft
from peerdesk.storage.database import Database
from peerdesk.storage.repositories.rows import delete_ids, one, update_row


@dataclass(frozen=True, slots=True)
class StoredCaller:
    id: int
    draft: KnownCallerDraft
    last_contact: date | None
    contacts: int
    created_on: date


def insert(db: Database, draft: KnownCallerDraft, *, created_by: int, now: str) -> int:
    return int(db.execute(
        "INSERT INTO known_caller (nickname, sort_name, note, created_by, created_at, updated_at)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        (draft.nickname, draft.nickname.casefold(), draft.note, created_by, now, now)).lastrowid)


def update(db: Database, caller_id: int, draft: KnownCallerDraft, *, now: str) -> None:
    update_row(db, "known_caller", caller_id, {
        "nickname": draft.nickname, "sort_name": draft.nickname.casefold(), "note": draft.note},
        now=now)


_SELECT = ("SELECT k.id, k.nickname, k.note, k.last_contact, "
           "(SELECT count(*) FROM anonymous_contact AS c WHERE c.known_caller_id = k.id), "
           "substr(k.created_at, 1, 10) FROM known_caller AS k")


def _caller(row: tuple[object, ...]) -> StoredCaller:
    return StoredCaller(int(str(row[0])), KnownCallerDraft(str(row[1]), str(row[2])),
                        date.fromisoformat(str(row[3])) if row[3] else None, int(str(row[4])),
                        date.fromisoformat(str(row[5])))


def get(db: Database, caller_id: int) -> StoredCaller:
    return one(db.query(f"{_SELECT} WHERE k.id = ?", (caller_id,)), _caller)


def all_callers(db: Database, text: str = "", *, limit: int | None = None) -> list[StoredCaller]:
    """By nickname; `text` keeps those whose nickname (or a word of it) starts so."""
    where, params = "", list[object]()
    if text.strip():
        prefix = (text.strip().casefold().replace("\\", "\\\\").replace("%", "\\%")
                  .replace("_", "\\_")) + "%"
        where = "WHERE k.sort_name LIKE ? ESCAPE '\\' OR k.sort_name LIKE ? ESCAPE '\\'"
        params = [prefix, "% " + prefix]
    tail = " LIMIT ?" if limit is not None else ""
    if limit is not None:
        params.append(limit)
    return [_caller(r) for r in db.query(f"{_SELECT} {where} ORDER BY k.sort_name, k.id{tail}",
                                         params)]


def delete(db: Database, caller_ids: list[int]) -> int:
    return delete_ids(db, "known_caller", caller_ids)


def quiet_since(db: Database, cutoff: date) -> list[int]:
    """Callers with no contact after `cutoff` (and none at all, made before it)."""
    return [int(r[0]) for r in db.query(
        "SELECT id FROM known_caller WHERE coalesce(last_contact, substr(created_at, 1, 10)) "
        "<= ? ORDER BY id", (cutoff.isoformat(),))]
