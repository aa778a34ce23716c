"""Anonymous contacts: the row, its notes (kept apart), topics, signposts and note index."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time
from typing import Any

from peerdesk.domain.errors import NotFound
from peerdesk.domain.listening import Channel, ContactDraft, Outcome, Returning
from peerdesk.storage.database import Database
from peerdesk.storage.repositories.rows import (
    columns_of,
    execute_in,
    grouped,
    id_chunks,
    query_in,
    set_links,
    update_row,
)
from peerdesk.storage.repositories.search import forget_deleted, prefix_query


@dataclass(frozen=True, slots=True)
class StoredContact:
    id: int
    draft: ContactDraft
    taken_by_name: str
    peer_id: int | None
    caller_nickname: str


def _note_body(draft: ContactDraft) -> str:
    return f"{draft.notes}\n{draft.safety_action}".strip()


def _write_parts(db: Database, contact_id: int, draft: ContactDraft, *, new: bool) -> None:
    before = None if new else _notes(db, contact_id)
    db.execute(
        "INSERT INTO contact_note (contact_id, notes, safety_action) VALUES (?, ?, ?) "
        "ON CONFLICT (contact_id) DO UPDATE SET notes = excluded.notes, "
        "safety_action = excluded.safety_action",
        (contact_id, draft.notes, draft.safety_action))
    set_links(db, "contact_topic_link", "contact_id", contact_id, "topic_id", draft.topic_ids,
              new=new)
    set_links(db, "contact_signpost", "contact_id", contact_id, "entry_id", draft.signposts,
              new=new)
    if before != (draft.notes, draft.safety_action):
        if not new:
            db.execute("DELETE FROM contact_note_search WHERE rowid = ?", (contact_id,))
        if _note_body(draft):
            db.execute("INSERT INTO contact_note_search (rowid, body) VALUES (?, ?)",
                       (contact_id, _note_body(draft)))
        if not new:
            forget_deleted(db, "contact_note_search")


def _notes(db: Database, contact_id: int) -> tuple[str, str] | None:
    rows = db.query("SELECT notes, safety_action FROM contact_note WHERE contact_id = ?",
                    (contact_id,))
    return (str(rows[0][0]), str(rows[0][1])) if rows else None


def _values(draft: ContactDraft) -> tuple[Any, ...]:
    return (draft.contacted_on.isoformat(), draft.contacted_time.strftime("%H:%M"),
            draft.channel.value, draft.minutes, draft.taken_by, draft.region_id,
            draft.returning.value, int(draft.safety_concern), int(draft.outcomes),
            draft.known_caller_id)


_FIELDS = ("contacted_on, contacted_time, channel, minutes, taken_by, region_id, first_time, "
           "safety_concern, outcomes, known_caller_id")


def insert(db: Database, draft: ContactDraft, *, now: str, peer_id: int | None = None) -> int:
    contact_id = int(db.execute(
        f"INSERT INTO anonymous_contact ({_FIELDS}, peer_id, created_at, updated_at) "
        f"VALUES ({', '.join('?' * 10)}, ?, ?, ?)", (*_values(draft), peer_id, now, now),
    ).lastrowid)
    _write_parts(db, contact_id, draft, new=True)
    return contact_id


def insert_many(db: Database, drafts: list[ContactDraft], *, now: str) -> int:
    """Insert many contacts at once (an imported call log); returns the first new id."""
    first = int(db.scalar("SELECT coalesce(max(id), 0) + 1 FROM anonymous_contact"))
    ids = range(first, first + len(drafts))
    db.executemany(
        f"INSERT INTO anonymous_contact (id, {_FIELDS}, created_at, updated_at) "
        f"VALUES (?, {', '.join('?' * 10)}, ?, ?)",
        [(i, *_values(d), now, now) for i, d in zip(ids, drafts, strict=True)])
    db.executemany("INSERT INTO contact_note (contact_id, notes, safety_action) VALUES (?, ?, ?)",
                   [(i, d.notes, d.safety_action) for i, d in zip(ids, drafts, strict=True)])
    db.executemany("INSERT INTO contact_note_search (rowid, body) VALUES (?, ?)",
                   [(i, _note_body(d)) for i, d in zip(ids, drafts, strict=True)
                    if _note_body(d)])
    db.executemany("INSERT INTO contact_topic_link (contact_id, topic_id) VALUES (?, ?)",
                   [(i, t) for i, d in zip(ids, drafts, strict=True) for t in d.topic_ids])
    db.executemany("INSERT INTO contact_signpost (contact_id, entry_id) VALUES (?, ?)",
                   [(i, e) for i, d in zip(ids, drafts, strict=True) for e in d.signposts])
    return first


def update(db: Database, contact_id: int, draft: ContactDraft, *, now: str) -> None:
    update_row(db, "anonymous_contact", contact_id,
               dict(zip(columns_of(_FIELDS), _values(draft), strict=True)), now=now)
    _write_parts(db, contact_id, draft, new=False)


def delete(db: Database, contact_ids: list[int]) -> int:
    """Delete contacts with their notes; call inside a transaction. Returns how many went."""
    gone = 0
    for chunk, marks in id_chunks(contact_ids):
        db.execute(f"DELETE FROM contact_note_search WHERE rowid IN ({marks})", chunk)
        db.execute(f"UPDATE callback SET contact_id = NULL WHERE contact_id IN ({marks})", chunk)
        gone += db.execute(f"DELETE FROM anonymous_contact WHERE id IN ({marks})",
                           chunk).rowcount
    if contact_ids:
        forget_deleted(db, "contact_note_search")
    return gone


_SELECT = (
    "SELECT c.id, c.contacted_on, c.contacted_time, c.channel, c.minutes, c.taken_by, "
    "c.region_id, c.first_time, c.safety_concern, c.outcomes, c.known_caller_id, c.peer_id, "
    "coalesce(n.notes, ''), coalesce(n.safety_action, ''), coalesce(s.name, ''), "
    "coalesce(k.nickname, '') FROM anonymous_contact AS c "
    "LEFT JOIN contact_note AS n ON n.contact_id = c.id "
    "LEFT JOIN staff AS s ON s.id = c.taken_by "
    "LEFT JOIN known_caller AS k ON k.id = c.known_caller_id"
)


def _links(db: Database, table: str, column: str, ids: list[int]) -> dict[int, tuple[int, ...]]:
    return grouped((int(cid), int(other)) for cid, other in query_in(
        db, f"SELECT contact_id, {column} FROM {table} WHERE contact_id IN ({{marks}}) "
        f"ORDER BY contact_id, {column}", ids))


def _stored(rows: list[Any], db: Database, *, notes_of: int | None) -> list[StoredContact]:
    ids = [int(r[0]) for r in rows]
    topics = _links(db, "contact_topic_link", "topic_id", ids)
    signposts = _links(db, "contact_signpost", "entry_id", ids)
    out = []
    for r in rows:
        # Notes of someone else's contact are hidden when `notes_of` names a person.
        readable = notes_of is None or r[5] == notes_of
        draft = ContactDraft(
            contacted_on=date.fromisoformat(r[1]), contacted_time=time.fromisoformat(r[2]),
            channel=Channel(r[3]), minutes=int(r[4]), taken_by=r[5], region_id=r[6],
            returning=Returning(r[7]), topic_ids=topics.get(int(r[0]), ()),
            safety_concern=bool(r[8]), safety_action=str(r[13]) if readable else "",
            outcomes=Outcome(int(r[9])), signposts=signposts.get(int(r[0]), ()),
            notes=str(r[12]) if readable else "", known_caller_id=r[10])
        out.append(StoredContact(int(r[0]), draft, str(r[14]), r[11], str(r[15])))
    return out


def get(db: Database, contact_id: int) -> StoredContact:
    rows = db.query(f"{_SELECT} WHERE c.id = ?", (contact_id,))
    if not rows:
        raise NotFound
    return _stored(rows, db, notes_of=None)[0]


def for_caller(db: Database, caller_id: int, *, notes_of: int | None) -> list[StoredContact]:
    """A known caller's contacts, newest first."""
    return _stored(db.query(f"{_SELECT} WHERE c.known_caller_id = ? "
                            "ORDER BY c.contacted_on DESC, c.contacted_time DESC, c.id DESC",
                            (caller_id,)), db, notes_of=notes_of)


def for_peer(db: Database, peer_id: int, *, notes_of: int | None) -> list[StoredContact]:
    return _stored(db.query(f"{_SELECT} WHERE c.peer_id = ? "
                            "ORDER BY c.contacted_on DESC, c.contacted_time DESC, c.id DESC",
                            (peer_id,)), db, notes_of=notes_of)


def move_to_peer(db: Database, contact_ids: list[int], peer_id: int, *, now: str) -> None:
    """The contacts go onto the peer's timeline (and with their record from now on)."""
    execute_in(db, "UPDATE anonymous_contact SET peer_id = ?, known_caller_id = NULL, "
               "updated_at = ? WHERE id IN ({marks})", contact_ids, before=(peer_id, now))


def add_outcome(db: Database, contact_id: int, outcome: Outcome) -> None:
    db.execute("UPDATE anonymous_contact SET outcomes = outcomes | ? WHERE id = ?",
               (int(outcome), contact_id))


def past_retention(db: Database, cutoff: date) -> list[int]:
    """Anonymous contacts (not on a peer's record) on or before `cutoff`."""
    return [int(r[0]) for r in db.query(
        "SELECT id FROM anonymous_contact WHERE contacted_on <= ? AND peer_id IS NULL "
        "ORDER BY id", (cutoff.isoformat(),))]


def oldest_anonymous(db: Database) -> date | None:
    found = db.scalar("SELECT min(contacted_on) FROM anonymous_contact WHERE peer_id IS NULL")
    return date.fromisoformat(found) if found else None


def refresh_caller(db: Database, caller_id: int | None) -> None:
    """Keep a known caller's latest contact day current (retention and the list use it)."""
    if caller_id is not None:
        db.execute("UPDATE known_caller SET last_contact = (SELECT max(contacted_on) FROM "
                   "anonymous_contact WHERE known_caller_id = :id) WHERE id = :id",
                   {"id": caller_id})


def search_notes(db: Database, text: str, *, limit: int = 2000,
                 taken_by: int | None = None) -> list[int]:
    """Contact ids whose notes hold every word typed, newest logged first."""
    query = prefix_query(text)
    if query is None:
        return []
    if taken_by is None:
        rows = db.query("SELECT rowid FROM contact_note_search WHERE contact_note_search MATCH ? "
                        "ORDER BY rowid DESC LIMIT ?", (query, limit))
    else:
        rows = db.query("SELECT rowid FROM contact_note_search WHERE contact_note_search MATCH ? "
                        "AND rowid IN (SELECT id FROM anonymous_contact WHERE taken_by = ?) "
                        "ORDER BY rowid DESC LIMIT ?", (query, taken_by, limit))
    return [int(r[0]) for r in rows]


def in_range(db: Database, start: date, end: date) -> list[int]:
    return [int(r[0]) for r in db.query(
        "SELECT id FROM anonymous_contact WHERE contacted_on BETWEEN ? AND ?",
        (start.isoformat(), end.isoformat()))]
