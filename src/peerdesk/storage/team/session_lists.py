"""Sessions across the peers a login sees, for the Today and Sessions lists,
and a follow-up marked done (issue 18: the team window works as the single PC
does).

No notes are read here: a list shows when, how, how long and the follow-up,
with the peer's reference and preferred name (opened on the client, as
storage/team/casework.py opens them). Row-level security decides which
sessions come back, as for a peer's own list. Reading a list is recorded on
the audit chain in the same transaction as the read; marking a follow-up done
is recorded with the change.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from typing import Any

from peerdesk.domain.audit import AuditAction
from peerdesk.storage.team.casework import RowGone, TeamCasework, _saving

# More than a screen will ever want; a list that long is narrowed by its dates.
LIST_LIMIT = 2000


@dataclass(frozen=True, slots=True)
class TeamSessionLine:
    id: uuid.UUID
    peer_id: uuid.UUID
    ref_number: int
    preferred_name: str
    worker_id: int | None
    held_on: date
    minutes: int
    mode: str
    kind: str
    follow_up_on: date | None
    follow_up_done_on: date | None


@dataclass(frozen=True, slots=True)
class SessionQuery:
    """Which sessions: held in a date range, or with a follow-up still open and due
    by a day; only one worker's when `worker_id` is given."""

    held_from: date | None = None
    held_to: date | None = None
    due_by: date | None = None
    worker_id: int | None = None
    limit: int = LIST_LIMIT


# As on the vault (storage/repositories/one_to_one.settle_follow_ups), a follow-up
# is done by the peer's next session after the one that set it, or by hand. The
# vault writes that down as sessions are saved; here it is read so, which holds
# for sessions that came from any PC's outbox in any order.
_NEXT_SESSION = ("(SELECT min(t.held_on) FROM casework.one_to_one t "
                 "WHERE t.peer_id = s.peer_id AND t.held_on > s.held_on)")
_LINE = ("s.id, s.peer_id, p.ref_number, p.preferred_name, s.worker_id, s.held_on, s.minutes, "
         "s.mode, s.kind, s.follow_up_on, CASE WHEN s.follow_up_on IS NOT NULL THEN "
         f"COALESCE(s.follow_up_done_on, {_NEXT_SESSION}) END")


def _where(query: SessionQuery) -> tuple[str, list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    for clause, value in (("s.held_on >= %s", query.held_from),
                          ("s.held_on <= %s", query.held_to),
                          ("s.follow_up_on <= %s", query.due_by),
                          ("s.worker_id = %s", query.worker_id)):
        if value is not None:
            where.append(clause)
            params.append(value)
    if query.due_by is not None:
        where.append(f"s.follow_up_done_on IS NULL AND {_NEXT_SESSION} IS NULL")
    return (" WHERE " + " AND ".join(where)) if where else "", params


def session_lines(store: TeamCasework, query: SessionQuery, detail: str) -> list[TeamSessionLine]:
    """The sessions `query` names, newest first (follow-ups: soonest due first),
    the view recorded as `detail` (no names, no note text) with the read."""
    where, params = _where(query)
    order = ("s.follow_up_on, s.created_at, s.id" if query.due_by is not None
             else "s.held_on DESC, s.created_at DESC, s.id")
    with _saving(store.conn):
        rows = store.conn.execute(
            f"SELECT {_LINE} FROM casework.one_to_one s "
            f"JOIN casework.peer p ON p.id = s.peer_id{where} ORDER BY {order} LIMIT %s",
            (*params, query.limit)).fetchall()
        if store.audit is not None:
            store.audit(AuditAction.VIEWED, "sessions", "", f"{detail}, {len(rows)} shown")
    return [TeamSessionLine(r[0], r[1], r[2],
                            store.cipher.open("peer", "preferred_name", r[1], r[3]), *r[4:])
            for r in rows]


def session_worker(store: TeamCasework, session_id: uuid.UUID) -> tuple[uuid.UUID, int | None]:
    """(peer id, worker id) of a session this login may see; RowGone otherwise."""
    row = store.conn.execute("SELECT peer_id, worker_id FROM casework.one_to_one "
                             "WHERE id = %s", (session_id,)).fetchone()
    if row is None:
        raise RowGone
    return row[0], row[1]


def mark_follow_up_done(store: TeamCasework, session_id: uuid.UUID, on: date) -> None:
    """The session's follow-up done on `on` (by hand: no closing session),
    audited with the change; RowGone when this login may not see it."""
    with _saving(store.conn):
        row = store.conn.execute(
            "UPDATE casework.one_to_one SET follow_up_done_on = %s, follow_up_closed_by = NULL "
            "WHERE id = %s AND follow_up_on IS NOT NULL RETURNING peer_id",
            (on, session_id)).fetchone()
        if row is None:
            raise RowGone
        if store.audit is not None:
            store.audit(AuditAction.CHANGED, "peer", str(row[0]),
                        f"follow-up of session {session_id} done")
