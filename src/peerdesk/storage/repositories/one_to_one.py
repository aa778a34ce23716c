"""One-to-one sessions: the row, its notes (kept apart), topics and note index."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from peerdesk.domain.errors import NotFound
from peerdesk.domain.one_to_one import SessionDraft, SessionKind, SessionMode
from peerdesk.storage.database import Database
from peerdesk.storage.repositories.rows import grouped, one, query_in, set_links, update_row
from peerdesk.storage.repositories.search import forget_deleted, prefix_query


@dataclass(frozen=True, slots=True)
class StoredSession:
    id: int
    draft: SessionDraft
    worker_name: str
    follow_up_done_on: date | None


def topic_names(db: Database, *, active_only: bool = True) -> list[str]:
    where = "WHERE active = 1" if active_only else ""
    return [str(r[0]) for r in db.query(f"SELECT name FROM topic {where} ORDER BY name")]


def _topic_ids(db: Database, names: tuple[str, ...]) -> list[int]:
    ids = []
    for name in names:
        found = db.scalar("SELECT id FROM topic WHERE name = ?", (name,))
        if found is None:
            found = db.execute("INSERT INTO topic (name) VALUES (?)", (name,)).lastrowid
        ids.append(int(found))
    return ids


def _index_note(db: Database, session_id: int, draft: SessionDraft, *, replacing: bool) -> None:
    body = f"{draft.notes}\n{draft.next_steps}".strip()
    if replacing:
        db.execute("DELETE FROM note_search WHERE rowid = ?", (session_id,))
    if body:
        db.execute("INSERT INTO note_search (rowid, body) VALUES (?, ?)", (session_id, body))
    if replacing:
        forget_deleted(db, "note_search")


def _note_text(db: Database, session_id: int) -> tuple[str, str] | None:
    rows = db.query("SELECT notes, next_steps FROM one_to_one_note WHERE session_id = ?",
                    (session_id,))
    return (rows[0][0], rows[0][1]) if rows else None


def _write_parts(db: Database, session_id: int, draft: SessionDraft, *, new: bool) -> None:
    before = None if new else _note_text(db, session_id)
    db.execute(
        "INSERT INTO one_to_one_note (session_id, notes, next_steps) VALUES (?, ?, ?) "
        "ON CONFLICT (session_id) DO UPDATE SET notes = excluded.notes, "
        "next_steps = excluded.next_steps",
        (session_id, draft.notes, draft.next_steps),
    )
    set_links(db, "one_to_one_signpost", "session_id", session_id, "entry_id", draft.signposts)
    set_links(db, "one_to_one_topic", "session_id", session_id, "topic_id",
              _topic_ids(db, draft.topics))
    if before != (draft.notes, draft.next_steps):
        _index_note(db, session_id, draft, replacing=not new)


def insert(db: Database, draft: SessionDraft, *, now: str) -> int:
    cursor = db.execute(
        "INSERT INTO one_to_one (peer_id, worker_id, held_on, minutes, mode, kind, "
        "follow_up_on, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (draft.peer_id, draft.worker_id, draft.held_on.isoformat(), draft.minutes,
         draft.mode.value, draft.kind.value,
         draft.follow_up_on.isoformat() if draft.follow_up_on else None, now, now),
    )
    session_id = int(cursor.lastrowid)
    _write_parts(db, session_id, draft, new=True)
    return session_id


def update(db: Database, session_id: int, draft: SessionDraft, *, now: str) -> None:
    update_row(db, "one_to_one", session_id, {
        "held_on": draft.held_on.isoformat(), "minutes": draft.minutes, "mode": draft.mode.value,
        "kind": draft.kind.value,
        "follow_up_on": draft.follow_up_on.isoformat() if draft.follow_up_on else None}, now=now)
    _write_parts(db, session_id, draft, new=False)


def delete(db: Database, session_id: int) -> None:
    db.execute("DELETE FROM note_search WHERE rowid = ?", (session_id,))
    if db.execute("DELETE FROM one_to_one WHERE id = ?", (session_id,)).rowcount == 0:
        raise NotFound
    forget_deleted(db, "note_search")


def settle_follow_ups(db: Database, peer_id: int) -> None:
    """A follow-up is done by the peer's next session after the one that set it.

    Recomputed from the sessions as they now are, so a deleted or re-dated
    session reopens what it had closed. Follow-ups marked done by hand (no
    closing session) are left as they are.
    """
    db.execute("UPDATE one_to_one SET follow_up_done_on = NULL, follow_up_closed_by = NULL "
               "WHERE peer_id = ? AND follow_up_closed_by IS NOT NULL", (peer_id,))
    db.execute(
        "UPDATE one_to_one AS s SET (follow_up_done_on, follow_up_closed_by) = "
        "(SELECT t.held_on, t.id FROM one_to_one AS t WHERE t.peer_id = s.peer_id "
        " AND t.held_on > s.held_on ORDER BY t.held_on, t.id LIMIT 1) "
        "WHERE s.peer_id = ? AND s.follow_up_on IS NOT NULL AND s.follow_up_done_on IS NULL",
        (peer_id,))


def mark_follow_up_done(db: Database, session_id: int, on: date) -> None:
    db.execute("UPDATE one_to_one SET follow_up_done_on = ?, follow_up_closed_by = NULL "
               "WHERE id = ?", (on.isoformat(), session_id))


def _session(row: Any, topics: tuple[str, ...], with_notes: bool) -> StoredSession:
    draft = SessionDraft(
        peer_id=int(row[1]), worker_id=row[2], held_on=date.fromisoformat(row[3]),
        minutes=int(row[4]), mode=SessionMode(row[5]), kind=SessionKind(row[6]),
        # Topics say as much as notes ("Substance use"): hidden alike.
        topics=topics if with_notes else (), notes=row[9] if with_notes else "",
        next_steps=row[10] if with_notes else "",
        follow_up_on=date.fromisoformat(row[7]) if row[7] else None,
    )
    return StoredSession(int(row[0]), draft, row[11] or "",
                         date.fromisoformat(row[8]) if row[8] else None)


_SELECT = (
    "SELECT o.id, o.peer_id, o.worker_id, o.held_on, o.minutes, o.mode, o.kind, "
    "o.follow_up_on, o.follow_up_done_on, coalesce(n.notes, ''), coalesce(n.next_steps, ''), "
    "s.name FROM one_to_one AS o LEFT JOIN one_to_one_note AS n ON n.session_id = o.id "
    "LEFT JOIN staff AS s ON s.id = o.worker_id"
)


def _topics_for(db: Database, session_ids: list[int]) -> dict[int, tuple[str, ...]]:
    return grouped((int(sid), str(name)) for sid, name in query_in(
        db, "SELECT st.session_id, t.name FROM one_to_one_topic AS st "
        "JOIN topic AS t ON t.id = st.topic_id "
        "WHERE st.session_id IN ({marks}) ORDER BY t.name", session_ids))


def get(db: Database, session_id: int) -> StoredSession:
    stored = one(db.query(f"{_SELECT} WHERE o.id = ?", (session_id,)),
                 lambda r: _session(r, _topics_for(db, [session_id]).get(session_id, ()), True))
    signposts = tuple(int(r[0]) for r in db.query(
        "SELECT entry_id FROM one_to_one_signpost WHERE session_id = ? ORDER BY entry_id",
        (session_id,)))
    return replace(stored, draft=replace(stored.draft, signposts=signposts))


def for_peer(db: Database, peer_id: int, *, only_notes_by: int | None = None
             ) -> list[StoredSession]:
    """Newest first, with all notes, or only the notes written by `only_notes_by`."""
    rows = db.query(f"{_SELECT} WHERE o.peer_id = ? ORDER BY o.held_on DESC, o.id DESC",
                    (peer_id,))
    topics = _topics_for(db, [int(r[0]) for r in rows])
    return [
        _session(r, topics.get(int(r[0]), ()), only_notes_by is None or r[2] == only_notes_by)
        for r in rows
    ]


def signposts_for_peer(db: Database, peer_id: int) -> dict[int, tuple[int, ...]]:
    """Session id -> the directory entries that session pointed the peer to."""
    found: dict[int, tuple[int, ...]] = {}
    for session_id, entry_id in db.query(
            "SELECT s.session_id, s.entry_id FROM one_to_one_signpost AS s "
            "JOIN one_to_one AS o ON o.id = s.session_id WHERE o.peer_id = ? "
            "ORDER BY s.session_id, s.entry_id", (peer_id,)):
        found[int(session_id)] = (*found.get(int(session_id), ()), int(entry_id))
    return found


def count_for_peer(db: Database, peer_id: int) -> int:
    return int(db.scalar("SELECT count(*) FROM one_to_one WHERE peer_id = ?", (peer_id,)) or 0)


def held_between(db: Database, start: date, end: date, *, worker_id: int | None = None
                 ) -> list[tuple[int, int, str, int | None]]:
    """(session id, peer id, held_on, worker id) in a date range, newest first."""
    params: list[Any] = [start.isoformat(), end.isoformat()]
    extra = ""
    if worker_id is not None:
        extra = " AND worker_id = ?"
        params.append(worker_id)
    return [(int(r[0]), int(r[1]), str(r[2]), None if r[3] is None else int(r[3]))
            for r in db.query(
        f"SELECT id, peer_id, held_on, worker_id FROM one_to_one "
        f"WHERE held_on BETWEEN ? AND ?{extra} "
        "ORDER BY held_on DESC, id DESC", params)]


def open_follow_ups(db: Database, until: date) -> list[tuple[int, int, str, int | None]]:
    """(session id, peer id, follow_up_on, worker id) still open and due by `until`,
    oldest first."""
    return [(int(r[0]), int(r[1]), str(r[2]), None if r[3] is None else int(r[3]))
            for r in db.query(
        "SELECT id, peer_id, follow_up_on, worker_id FROM one_to_one "
        "WHERE follow_up_on IS NOT NULL AND follow_up_done_on IS NULL AND follow_up_on <= ? "
        "ORDER BY follow_up_on, id", (until.isoformat(),))]


def search_notes(db: Database, text: str, *, limit: int = 200,
                 worker_id: int | None = None) -> list[int]:
    """Session ids whose notes or next steps contain every word typed, last logged first.

    Ordered by session id straight from the index, which stops after `limit`
    hits: ordering by session date would read the session row of every hit
    (tens of thousands for a common word) and decrypt pages for each.
    `worker_id` keeps only that person's sessions.
    """
    query = prefix_query(text)
    if query is None:
        return []
    if worker_id is None:
        rows = db.query(
            "SELECT rowid FROM note_search WHERE note_search MATCH ? ORDER BY rowid DESC LIMIT ?",
            (query, limit))
    else:
        rows = db.query(
            "SELECT rowid FROM note_search WHERE note_search MATCH ? AND rowid IN "
            "(SELECT id FROM one_to_one WHERE worker_id = ?) ORDER BY rowid DESC LIMIT ?",
            (query, worker_id, limit))
    return [int(r[0]) for r in rows]


@dataclass(frozen=True, slots=True)
class SessionListRow:
    id: int
    peer_id: int
    held_on: date
    minutes: int
    mode: SessionMode
    kind: SessionKind
    worker_name: str
    follow_up_on: date | None = None
    follow_up_done_on: date | None = None


def newest(db: Database, *, limit: int, worker_id: int | None = None,
           assigned_to: int | None = None, held_from: date | None = None,
           held_to: date | None = None) -> list[SessionListRow]:
    """The latest sessions without notes, walking the date index backwards;
    only those held from `held_from` to `held_to` when given."""
    where: list[str] = []
    params: list[Any] = []
    if held_from is not None:
        where.append("o.held_on >= ?")
        params.append(held_from.isoformat())
    if held_to is not None:
        where.append("o.held_on <= ?")
        params.append(held_to.isoformat())
    if worker_id is not None:
        where.append("o.worker_id = ?")
        params.append(worker_id)
    if assigned_to is not None:
        where.append("o.peer_id IN (SELECT id FROM peer WHERE caseworker_id = ? "
                     "OR supporter_id = ?)")
        params.extend((assigned_to, assigned_to))
    clause = f"WHERE {' AND '.join(where)}" if where else ""
    return [
        SessionListRow(int(r[0]), int(r[1]), date.fromisoformat(r[2]), int(r[3]),
                       SessionMode(r[4]), SessionKind(r[5]), r[6] or "", _day(r[7]), _day(r[8]))
        for r in db.query(
            "SELECT o.id, o.peer_id, o.held_on, o.minutes, o.mode, o.kind, s.name, "
            "o.follow_up_on, o.follow_up_done_on "
            f"FROM one_to_one AS o LEFT JOIN staff AS s ON s.id = o.worker_id {clause} "
            "ORDER BY o.held_on DESC, o.id DESC LIMIT ?", (*params, limit))
    ]


def _day(iso: str | None) -> date | None:
    return date.fromisoformat(iso) if iso else None
