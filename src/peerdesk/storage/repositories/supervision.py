"""Supervision sessions, journal entries and hours entries (main database)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from peerdesk.domain.supporters import HoursDraft, HoursKind, SupervisionKind
from peerdesk.storage.database import Database
from peerdesk.storage.repositories.rows import one


@dataclass(frozen=True, slots=True)
class StoredSupervision:
    id: int
    supporter_id: int
    supervisor_id: int | None
    kind: SupervisionKind
    held_on: date
    minutes: int
    has_notes: bool


_SUPERVISION = ("SELECT id, supporter_id, supervisor_id, kind, held_on, minutes, "
                "notes_sealed IS NOT NULL FROM supervision_session")


def _supervision(r: tuple[object, ...]) -> StoredSupervision:
    return StoredSupervision(int(str(r[0])), int(str(r[1])),
                             int(str(r[2])) if r[2] is not None else None,
                             SupervisionKind(str(r[3])), date.fromisoformat(str(r[4])),
                             int(str(r[5])), bool(r[6]))


def insert_supervision(db: Database, supporter_id: int, supervisor_id: int | None,
                       kind: SupervisionKind, held_on: date, minutes: int, *,
                       recorded_by: int, now: str) -> int:
    return int(db.execute(
        "INSERT INTO supervision_session (supporter_id, supervisor_id, kind, held_on, minutes, "
        "recorded_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (supporter_id, supervisor_id, kind.value, held_on.isoformat(), minutes,
         recorded_by or None, now)).lastrowid)


def set_notes(db: Database, session_id: int, nonce: bytes | None,
              sealed: bytes | None) -> None:
    db.execute("UPDATE supervision_session SET notes_nonce = ?, notes_sealed = ? WHERE id = ?",
               (nonce, sealed, session_id))


def supervision(db: Database, session_id: int) -> StoredSupervision:
    return one(db.query(f"{_SUPERVISION} WHERE id = ?", (session_id,)), _supervision)


def notes_cipher(db: Database, session_id: int) -> tuple[bytes, bytes] | None:
    rows = db.query("SELECT notes_nonce, notes_sealed FROM supervision_session WHERE id = ?",
                    (session_id,))
    if not rows or rows[0][1] is None:
        return None
    return bytes(rows[0][0]), bytes(rows[0][1])


def supervisions(db: Database, supporter_id: int | None = None, *,
                 first: date | None = None, last: date | None = None) -> list[StoredSupervision]:
    where, params = ["1 = 1"], list[object]()
    if supporter_id is not None:
        where.append("supporter_id = ?")
        params.append(supporter_id)
    if first is not None:
        where.append("held_on >= ?")
        params.append(first.isoformat())
    if last is not None:
        where.append("held_on <= ?")
        params.append(last.isoformat())
    return [_supervision(r) for r in db.query(
        f"{_SUPERVISION} WHERE {' AND '.join(where)} ORDER BY held_on DESC, id DESC", params)]


def last_supervision(db: Database) -> dict[int, date]:
    return {int(r[0]): date.fromisoformat(str(r[1])) for r in db.query(
        "SELECT supporter_id, max(held_on) FROM supervision_session GROUP BY supporter_id")}


def supervised_by(db: Database, supporter_id: int) -> set[int]:
    """The supporter ids of everyone who has supervised this supporter."""
    return {int(r[0]) for r in db.query(
        "SELECT DISTINCT supervisor_id FROM supervision_session WHERE supporter_id = ? "
        "AND supervisor_id IS NOT NULL", (supporter_id,))}


# -- journal ---------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class StoredEntry:
    id: int
    author_id: int
    written_on: date
    shared_with: int | None


def insert_entry(db: Database, author_id: int, written_on: date, *, now: str) -> int:
    return int(db.execute(
        "INSERT INTO journal_entry (author_id, written_on, nonce, sealed, created_at, "
        "updated_at) VALUES (?, ?, x'', x'', ?, ?)",
        (author_id, written_on.isoformat(), now, now)).lastrowid)


def set_entry_cipher(db: Database, entry_id: int, nonce: bytes, sealed: bytes, now: str) -> None:
    db.execute("UPDATE journal_entry SET nonce = ?, sealed = ?, updated_at = ? WHERE id = ?",
               (nonce, sealed, now, entry_id))


def set_shared(db: Database, entry_id: int, staff_id: int | None, now: str) -> None:
    db.execute("UPDATE journal_entry SET shared_with = ?, updated_at = ? WHERE id = ?",
               (staff_id, now, entry_id))


_ENTRY = "SELECT id, author_id, written_on, shared_with FROM journal_entry"


def _entry(r: Any) -> StoredEntry:
    return StoredEntry(int(r[0]), int(r[1]), date.fromisoformat(str(r[2])),
                       int(r[3]) if r[3] is not None else None)


def entry(db: Database, entry_id: int) -> StoredEntry:
    return one(db.query(f"{_ENTRY} WHERE id = ?", (entry_id,)), _entry)


def entry_cipher(db: Database, entry_id: int) -> tuple[bytes, bytes]:
    return one(db.query("SELECT nonce, sealed FROM journal_entry WHERE id = ?", (entry_id,)),
               lambda r: (bytes(r[0]), bytes(r[1])))


def entries(db: Database, *, author_id: int | None = None,
            shared_with: int | None = None) -> list[StoredEntry]:
    params: tuple[int | None, ...]
    if author_id is not None:
        where, params = "author_id = ?", (author_id,)
    else:
        where, params = "shared_with = ?", (shared_with,)
    return [_entry(r) for r in db.query(
        f"{_ENTRY} WHERE {where} ORDER BY written_on DESC, id DESC", params)]


# -- hours --------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class StoredHours:
    id: int
    supporter_id: int
    worked_on: date
    kind: HoursKind
    minutes: int
    note: str


def insert_hours(db: Database, draft: HoursDraft, *, recorded_by: int, now: str) -> int:
    return int(db.execute(
        "INSERT INTO hours_entry (supporter_id, worked_on, kind, minutes, note, recorded_by, "
        "created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (draft.supporter_id, draft.worked_on.isoformat(), draft.kind.value, draft.minutes,
         draft.note, recorded_by or None, now)).lastrowid)


def minutes_on(db: Database, supporter_id: int, day: date) -> int:
    return int(db.scalar("SELECT coalesce(sum(minutes), 0) FROM hours_entry "
                         "WHERE supporter_id = ? AND worked_on = ?",
                         (supporter_id, day.isoformat())))


def hours_between(db: Database, first: date, last: date,
                  supporter_id: int | None = None) -> list[StoredHours]:
    where, params = "worked_on BETWEEN ? AND ?", [first.isoformat(), last.isoformat()]
    if supporter_id is not None:
        where += " AND supporter_id = ?"
        params.append(str(supporter_id))
    return [StoredHours(int(r[0]), int(r[1]), date.fromisoformat(str(r[2])), HoursKind(str(r[3])),
                        int(r[4]), str(r[5]))
            for r in db.query("SELECT id, supporter_id, worked_on, kind, minutes, note FROM "
                              f"hours_entry WHERE {where} ORDER BY worked_on, id", params)]


# -- from casework: what supporters with an account did ------------------------------

def casework_minutes(db: Database, staff_ids: list[int], first: date,
                     last: date, meeting_minutes: int) -> list[tuple[int, str, int]]:
    """(staff id, kind, minutes) over the span: one-to-ones held, group meetings
    facilitated (held, counted at `meeting_minutes` each) and listening contacts taken.
    Each read from an index by person and day (casework migration 6)."""
    if not staff_ids:
        return []
    marks = ",".join("?" * len(staff_ids))
    span = (first.isoformat(), last.isoformat())
    rows: list[tuple[int, str, int]] = []
    for r in db.query(
            f"SELECT worker_id, sum(minutes) FROM one_to_one WHERE worker_id IN ({marks}) "
            "AND held_on BETWEEN ? AND ? GROUP BY worker_id", (*staff_ids, *span)):
        rows.append((int(r[0]), "one_to_one", int(r[1])))
    for r in db.query(
            f"SELECT f.staff_id, count(*) FROM meeting_facilitator AS f JOIN meeting AS m "
            f"ON m.id = f.meeting_id WHERE f.staff_id IN ({marks}) AND m.status = 'held' "
            "AND m.held_on BETWEEN ? AND ? GROUP BY f.staff_id", (*staff_ids, *span)):
        rows.append((int(r[0]), "group", int(r[1]) * meeting_minutes))
    for r in db.query(
            f"SELECT taken_by, sum(minutes) FROM anonymous_contact WHERE taken_by "
            f"IN ({marks}) AND contacted_on BETWEEN ? AND ? GROUP BY taken_by",
            (*staff_ids, *span)):
        rows.append((int(r[0]), "contact", int(r[1])))
    return rows
