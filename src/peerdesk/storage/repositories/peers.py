"""Peer rows, their search index and their derived columns."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from peerdesk.domain.errors import NotFound
from peerdesk.domain.peer import (
    AgeBand,
    ContactRoute,
    Gender,
    Peer,
    PeerDraft,
    PeerStatus,
    format_ref,
    parse_ref,
)
from peerdesk.domain.safe_contact import SafeContact, stored_state, to_column
from peerdesk.storage.database import Database
from peerdesk.storage.repositories.meta import get_meta, set_meta
from peerdesk.storage.repositories.rows import columns_of, one, query_in, update_row
from peerdesk.storage.repositories.search import forget_deleted, prefix_query

_NEXT_REF = "next_peer_ref"

_COLUMNS = (
    "id, ref_number, preferred_name, full_name, birth_year, age_band, gender, "
    "gender_description, languages, nationality, contact_route, first_contact, status, "
    "closed_on, closed_reason, caseworker_id, supporter_id, last_contact, next_follow_up"
)


def _date(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def take_ref_number(db: Database) -> int:
    """The next reference number; numbers of deleted peers are never handed out again."""
    return reserve_ref_numbers(db, 1)


def reserve_ref_numbers(db: Database, count: int) -> int:
    """Reserve `count` numbers at once (bulk loading); returns the first."""
    first = int(get_meta(db, _NEXT_REF) or 1)
    set_meta(db, _NEXT_REF, str(first + count))
    return first


def search_text(draft: PeerDraft) -> str:
    return f"{draft.preferred_name} {draft.full_name}".strip()


def _values(draft: PeerDraft) -> tuple[Any, ...]:
    return (
        draft.preferred_name, draft.full_name, draft.preferred_name.casefold(), draft.birth_year,
        draft.age_band.value, draft.gender.value, draft.gender_description, draft.languages,
        draft.nationality, draft.contact_route.value, draft.first_contact.isoformat(),
        draft.status.value, _iso(draft.closed_on), draft.closed_reason, draft.caseworker_id,
        draft.supporter_id,
    )


_FIELDS = (
    "preferred_name, full_name, sort_name, birth_year, age_band, gender, gender_description, "
    "languages, nationality, contact_route, first_contact, status, closed_on, closed_reason, "
    "caseworker_id, supporter_id"
)


def insert(db: Database, draft: PeerDraft, *, now: str) -> int:
    ref = take_ref_number(db)
    cursor = db.execute(
        f"INSERT INTO peer (ref_number, {_FIELDS}, created_at, updated_at) "
        f"VALUES (?, {', '.join('?' * 16)}, ?, ?)",
        (ref, *_values(draft), now, now),
    )
    peer_id = int(cursor.lastrowid)
    db.execute("INSERT INTO peer_search (rowid, names) VALUES (?, ?)",
               (peer_id, search_text(draft)))
    db.execute("INSERT INTO safe_contact (peer_id) VALUES (?)", (peer_id,))
    return peer_id


def update(db: Database, peer_id: int, draft: PeerDraft, *, now: str) -> None:
    old = db.query("SELECT preferred_name, full_name FROM peer WHERE id = ?", (peer_id,))
    if not old:
        raise NotFound
    update_row(db, "peer", peer_id, dict(zip(columns_of(_FIELDS), _values(draft), strict=True)),
               now=now)
    if (old[0][0], old[0][1]) != (draft.preferred_name, draft.full_name):
        db.execute("DELETE FROM peer_search WHERE rowid = ?", (peer_id,))
        db.execute("INSERT INTO peer_search (rowid, names) VALUES (?, ?)",
                   (peer_id, search_text(draft)))
        forget_deleted(db, "peer_search")


def _peer(row: Any, safe: SafeContact | None = None) -> Peer:
    draft = PeerDraft(
        preferred_name=row[2], full_name=row[3], birth_year=row[4], age_band=AgeBand(row[5]),
        gender=Gender(row[6]), gender_description=row[7], languages=row[8],
        nationality=row[9], contact_route=ContactRoute(row[10]),
        first_contact=date.fromisoformat(row[11]), status=PeerStatus(row[12]),
        closed_on=_date(row[13]), closed_reason=row[14], caseworker_id=row[15],
        supporter_id=row[16],
    )
    return Peer(id=int(row[0]), ref_number=int(row[1]), details=draft,
                last_contact=_date(row[17]), next_follow_up=_date(row[18]),
                safe_contact_summary=safe.banner() if safe else "")


def get(db: Database, peer_id: int) -> Peer:
    return one(db.query(f"SELECT {_COLUMNS} FROM peer WHERE id = ?", (peer_id,)),
               lambda r: _peer(r, get_safe_contact(db, peer_id)))


def assignment(db: Database, peer_id: int) -> tuple[int | None, int | None]:
    """(caseworker_id, supporter_id), for permission checks."""
    return one(db.query("SELECT caseworker_id, supporter_id FROM peer WHERE id = ?", (peer_id,)),
               lambda r: (r[0], r[1]))


# -- safe contact ---------------------------------------------------------------


def get_safe_contact(db: Database, peer_id: int) -> SafeContact:
    rows = db.query(
        "SELECT do_not_contact, calls_ok, texts_ok, email_ok, voicemail_ok, safe_times, "
        "code_word, other FROM safe_contact WHERE peer_id = ?", (peer_id,))
    if not rows:
        return SafeContact()
    r = rows[0]
    return SafeContact(bool(r[0]), stored_state(r[1]), stored_state(r[2]), stored_state(r[3]),
                       stored_state(r[4]), r[5], r[6], r[7])


def set_safe_contact(db: Database, peer_id: int, prefs: SafeContact) -> None:
    db.execute(
        "INSERT INTO safe_contact (peer_id, do_not_contact, calls_ok, texts_ok, email_ok, "
        "voicemail_ok, safe_times, code_word, other) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (peer_id) DO UPDATE SET do_not_contact = excluded.do_not_contact, "
        "calls_ok = excluded.calls_ok, texts_ok = excluded.texts_ok, "
        "email_ok = excluded.email_ok, voicemail_ok = excluded.voicemail_ok, "
        "safe_times = excluded.safe_times, code_word = excluded.code_word, "
        "other = excluded.other",
        (peer_id, int(prefs.do_not_contact), *(to_column(c) for c in prefs.channels()),
         prefs.safe_times, prefs.code_word, prefs.other),
    )


# -- the caseload list ------------------------------------------------------------


class PeerOrder(StrEnum):
    """Columns the caseload list sorts by, in SQL (the list may hold 100,000 peers)."""

    NAME = "p.sort_name"
    REF = "p.ref_number"
    STATUS = "p.status"
    CASEWORKER = "(SELECT name_key FROM staff WHERE staff.id = p.caseworker_id)"
    LAST_CONTACT = "p.last_contact"
    NEXT_FOLLOW_UP = "p.next_follow_up"


@dataclass(frozen=True, slots=True)
class PeerFilter:
    text: str = ""
    status: PeerStatus | None = None
    caseworker_id: int | None = None
    # Peer supporters see only peers assigned to them (either role).
    assigned_to: int | None = None
    order: PeerOrder = PeerOrder.NAME
    descending: bool = False


@dataclass(frozen=True, slots=True)
class PeerRow:
    id: int
    ref: str
    preferred_name: str
    status: PeerStatus
    caseworker: str
    last_contact: str
    next_follow_up: str


def matching_ids(db: Database, flt: PeerFilter) -> list[int]:
    """Ordered ids only: the list view fetches the visible rows in pages."""
    where: list[str] = []
    params: list[Any] = []
    source = "peer AS p"
    ref = parse_ref(flt.text) if flt.text else None
    if ref is not None:
        where.append("p.ref_number = ?")
        params.append(ref)
    elif flt.text.strip():
        query = prefix_query(flt.text)
        if query is None:
            return []
        where.append("p.id IN (SELECT rowid FROM peer_search WHERE peer_search MATCH ?)")
        params.append(query)
        if flt.order is PeerOrder.NAME and min(map(len, flt.text.split())) <= 2:
            # The first keystrokes match thousands of peers. Walking the small
            # name index in order beats fetching every match's row to sort it
            # (3x faster on a first search after unlock at 100,000 peers); a
            # longer prefix matches few, and those are fetched directly.
            source = "peer AS p INDEXED BY peer_by_name"
    if flt.status is not None:
        where.append("p.status = ?")
        params.append(flt.status.value)
    if flt.caseworker_id is not None:
        where.append("p.caseworker_id = ?")
        params.append(flt.caseworker_id)
    if flt.assigned_to is not None:
        where.append("(p.caseworker_id = ? OR p.supporter_id = ?)")
        params.extend((flt.assigned_to, flt.assigned_to))
    clause = f"WHERE {' AND '.join(where)}" if where else ""
    direction = "DESC" if flt.descending else "ASC"
    # Empty dates sort last either way: an empty follow-up is not "soonest".
    nulls = "NULLS LAST" if flt.order in (PeerOrder.LAST_CONTACT, PeerOrder.NEXT_FOLLOW_UP) else ""
    then_by_name = "" if flt.order is PeerOrder.NAME else f"p.sort_name {direction}, "
    rows = db.query(
        f"SELECT p.id FROM {source} {clause} "
        f"ORDER BY {flt.order.value} {direction} {nulls}, {then_by_name}p.id",
        params,
    )
    return [int(r[0]) for r in rows]


def rows_for(db: Database, ids: list[int]) -> list[PeerRow]:
    """The list's columns for these ids, in the order given."""
    if not ids:
        return []
    found = {int(r[0]): PeerRow(int(r[0]), format_ref(int(r[1])), r[2], PeerStatus(r[3]),
                                r[4], r[5], r[6]) for r in query_in(
        db, "SELECT p.id, p.ref_number, p.preferred_name, p.status, coalesce(s.name, ''), "
        "coalesce(p.last_contact, ''), coalesce(p.next_follow_up, '') "
        "FROM peer AS p LEFT JOIN staff AS s ON s.id = p.caseworker_id "
        "WHERE p.id IN ({marks})", ids)}
    return [found[i] for i in ids if i in found]


def refresh_derived(db: Database, peer_id: int) -> None:
    """Keep first session, last contact and next follow-up current (the list shows the
    last two for every row; reports count first sessions by the first)."""
    db.execute(
        "UPDATE peer SET "
        "first_session_on = (SELECT min(held_on) FROM one_to_one WHERE peer_id = :id), "
        "last_contact = (SELECT max(held_on) FROM one_to_one WHERE peer_id = :id), "
        "next_follow_up = (SELECT min(follow_up_on) FROM one_to_one WHERE peer_id = :id "
        "  AND follow_up_on IS NOT NULL AND follow_up_done_on IS NULL) "
        "WHERE id = :id",
        {"id": peer_id},
    )
