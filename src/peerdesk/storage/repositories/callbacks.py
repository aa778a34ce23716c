"""Call-back enquiries and, apart, the way to reach each person (erased when done)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from peerdesk.domain.callbacks import CallbackDraft, CallbackRoute, CallbackStatus
from peerdesk.domain.errors import NotFound
from peerdesk.domain.safe_contact import SafeContact, stored_state, to_column
from peerdesk.storage.database import Database
from peerdesk.storage.repositories.rows import delete_ids, one


@dataclass(frozen=True, slots=True)
class StoredCallback:
    id: int
    received_on: date
    route: CallbackRoute
    status: CallbackStatus
    closed_on: date | None
    contact_id: int | None
    known_caller_id: int | None
    peer_id: int | None
    # None once the way to reach them is erased.
    reach: str | None
    ask_for: str
    prefs: SafeContact
    agreed_on: date | None


def insert(db: Database, draft: CallbackDraft, *, created_by: int, agreed_on: date,
           now: str) -> int:
    callback_id = int(db.execute(
        "INSERT INTO callback (received_on, route, contact_id, known_caller_id, created_by, "
        "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (draft.received_on.isoformat(), draft.route.value, draft.contact_id,
         draft.known_caller_id, created_by, now, now)).lastrowid)
    p = draft.prefs
    db.execute(
        "INSERT INTO callback_reach (callback_id, ask_for, reach, calls_ok, texts_ok, email_ok, "
        "voicemail_ok, safe_times, code_word, other, agreed_on) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        # Each channel as the safe_contact table has it: NULL not asked yet, 1 OK, 0 not OK.
        (callback_id, draft.ask_for, draft.reach, *(to_column(c) for c in p.channels()),
         p.safe_times, p.code_word, p.other,
         agreed_on.isoformat()))
    return callback_id


_SELECT = (
    "SELECT b.id, b.received_on, b.route, b.status, b.closed_on, b.contact_id, "
    "b.known_caller_id, b.peer_id, r.reach, coalesce(r.ask_for, ''), r.calls_ok, r.texts_ok, "
    "r.email_ok, r.voicemail_ok, coalesce(r.safe_times, ''), coalesce(r.code_word, ''), "
    "coalesce(r.other, ''), r.agreed_on FROM callback AS b "
    "LEFT JOIN callback_reach AS r ON r.callback_id = b.id"
)


def _stored(r: Any) -> StoredCallback:
    kept = r[8] is not None
    prefs = SafeContact(calls_ok=stored_state(r[10]), texts_ok=stored_state(r[11]),
                        email_ok=stored_state(r[12]), voicemail_ok=stored_state(r[13]),
                        safe_times=str(r[14]), code_word=str(r[15]),
                        other=str(r[16])) if kept else SafeContact()
    return StoredCallback(
        int(r[0]), date.fromisoformat(r[1]), CallbackRoute(r[2]), CallbackStatus(r[3]),
        date.fromisoformat(r[4]) if r[4] else None, r[5], r[6], r[7],
        str(r[8]) if kept else None, str(r[9]), prefs,
        date.fromisoformat(r[17]) if r[17] else None)


def get(db: Database, callback_id: int) -> StoredCallback:
    return one(db.query(f"{_SELECT} WHERE b.id = ?", (callback_id,)), _stored)


def waiting(db: Database) -> list[StoredCallback]:
    """Enquiries still waiting, longest waiting first."""
    return [_stored(r) for r in db.query(
        f"{_SELECT} WHERE b.status = 'waiting' ORDER BY b.received_on, b.id")]


def for_peer(db: Database, peer_id: int) -> list[StoredCallback]:
    """The call-back enquiries that led to this peer's record, oldest first."""
    return [_stored(r) for r in db.query(
        f"{_SELECT} WHERE b.peer_id = ? ORDER BY b.received_on, b.id", (peer_id,))]


def close(db: Database, callback_id: int, status: CallbackStatus, on: date, *, now: str,
          peer_id: int | None = None) -> None:
    """Close the enquiry and erase the way to reach them: it is no longer needed."""
    if db.execute("UPDATE callback SET status = ?, closed_on = ?, peer_id = coalesce(?, peer_id), "
                  "updated_at = ? WHERE id = ?",
                  (status.value, on.isoformat(), peer_id, now, callback_id)).rowcount == 0:
        raise NotFound
    db.execute("DELETE FROM callback_reach WHERE callback_id = ?", (callback_id,))


def reach_kept_before(db: Database, cutoff: date) -> list[int]:
    """Enquiries whose way to reach them was agreed on or before `cutoff` and is still kept."""
    return [int(r[0]) for r in db.query(
        "SELECT callback_id FROM callback_reach WHERE agreed_on <= ? ORDER BY callback_id",
        (cutoff.isoformat(),))]


def for_caller(db: Database, caller_id: int, *, waiting_only: bool = False) -> list[int]:
    extra = " AND status = 'waiting'" if waiting_only else ""
    return [int(r[0]) for r in db.query(
        f"SELECT id FROM callback WHERE known_caller_id = ?{extra}", (caller_id,))]


def received_on_or_before(db: Database, cutoff: date) -> list[int]:
    return [int(r[0]) for r in db.query(
        "SELECT id FROM callback WHERE received_on <= ? AND status != 'waiting'",
        (cutoff.isoformat(),))]


def delete(db: Database, ids: list[int]) -> int:
    return delete_ids(db, "callback", ids)
