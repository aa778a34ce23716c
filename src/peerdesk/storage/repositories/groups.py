"""Groups, meetings, membership and attendance rows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from peerdesk.domain.errors import NotFound
from peerdesk.domain.groups import GroupDraft, GroupKind, GroupMode, Mark, MeetingDraft
from peerdesk.domain.peer import format_ref
from peerdesk.storage.database import Database
from peerdesk.storage.repositories.rows import one, update_row


@dataclass(frozen=True, slots=True)
class GroupRow:
    id: int
    name: str
    kind: GroupKind
    mode: GroupMode
    facilitators: tuple[str, ...]
    facilitator_ids: tuple[int, ...]
    members: int
    archived_on: str
    last_meeting: str


@dataclass(frozen=True, slots=True)
class MeetingRow:
    id: int
    group_id: int
    held_on: str
    starts_at: str
    place: str
    notes: str
    status: str
    anonymous_count: int
    attended: int
    series_id: int | None
    facilitator_ids: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class RegisterLine:
    peer_id: int
    ref: str
    preferred_name: str
    member: bool
    mark: Mark | None
    walk_in: bool


def _staff_for_groups(db: Database, group_ids: list[int]) -> dict[int, list[tuple[int, str]]]:
    found: dict[int, list[tuple[int, str]]] = {}
    if not group_ids:
        return found
    for gid, sid, name in db.query(
        "SELECT f.group_id, s.id, s.name FROM group_facilitator AS f JOIN staff AS s "
        f"ON s.id = f.staff_id WHERE f.group_id IN ({', '.join('?' * len(group_ids))}) "
        "ORDER BY s.name_key", group_ids,
    ):
        found.setdefault(int(gid), []).append((int(sid), str(name)))
    return found


def list_groups(db: Database, *, include_archived: bool, facilitated_by: int | None = None,
                only: int | None = None) -> list[GroupRow]:
    where, params = [], []
    if only is not None:
        where.append("g.id = ?")
        params.append(only)
    if not include_archived:
        where.append("g.archived_on IS NULL")
    if facilitated_by is not None:
        where.append("g.id IN (SELECT group_id FROM group_facilitator WHERE staff_id = ?)")
        params.append(facilitated_by)
    clause = f"WHERE {' AND '.join(where)}" if where else ""
    rows = db.query(
        "SELECT g.id, g.name, g.kind, g.mode, coalesce(g.archived_on, ''), "
        "(SELECT count(*) FROM group_member AS m WHERE m.group_id = g.id AND m.left_on IS NULL), "
        "coalesce((SELECT max(held_on) FROM meeting AS x WHERE x.group_id = g.id "
        "  AND x.status = 'held'), '') "
        f"FROM peer_group AS g {clause} ORDER BY g.name COLLATE NOCASE, g.id", params)
    staff = _staff_for_groups(db, [int(r[0]) for r in rows])
    return [GroupRow(int(r[0]), r[1], GroupKind(r[2]), GroupMode(r[3]),
                     tuple(n for _, n in staff.get(int(r[0]), [])),
                     tuple(i for i, _ in staff.get(int(r[0]), [])), int(r[5]), r[4], r[6])
            for r in rows]


def get_group(db: Database, group_id: int) -> GroupRow:
    found = list_groups(db, include_archived=True, only=group_id)
    if not found:
        raise NotFound
    return found[0]


def facilitator_ids(db: Database, group_id: int) -> set[int]:
    return {int(r[0]) for r in db.query(
        "SELECT staff_id FROM group_facilitator WHERE group_id = ?", (group_id,))}


def insert_group(db: Database, draft: GroupDraft, *, now: str) -> int:
    group_id = int(db.execute(
        "INSERT INTO peer_group (name, kind, mode, created_at, updated_at) VALUES (?, ?, ?, ?, ?)",
        (draft.name, draft.kind.value, draft.mode.value, now, now)).lastrowid)
    _set_facilitators(db, group_id, draft.facilitator_ids)
    return group_id


def update_group(db: Database, group_id: int, draft: GroupDraft, *, now: str) -> None:
    update_row(db, "peer_group", group_id, {"name": draft.name, "kind": draft.kind.value,
                                            "mode": draft.mode.value}, now=now)
    _set_facilitators(db, group_id, draft.facilitator_ids)


def _set_facilitators(db: Database, group_id: int, staff_ids: tuple[int, ...]) -> None:
    db.execute("DELETE FROM group_facilitator WHERE group_id = ?", (group_id,))
    db.executemany("INSERT INTO group_facilitator (group_id, staff_id) VALUES (?, ?)",
                   [(group_id, s) for s in staff_ids])


def set_archived(db: Database, group_id: int, on: date | None, *, now: str) -> None:
    update_row(db, "peer_group", group_id, {"archived_on": on.isoformat() if on else None},
               now=now)


# -- membership -----------------------------------------------------------------------


def add_member(db: Database, group_id: int, peer_id: int, on: date) -> None:
    """Join (or rejoin) a group."""
    db.execute(
        "INSERT INTO group_member (group_id, peer_id, joined_on) VALUES (?, ?, ?) "
        "ON CONFLICT (group_id, peer_id) DO UPDATE SET left_on = NULL",
        (group_id, peer_id, on.isoformat()))


def end_membership(db: Database, group_id: int, peer_id: int, on: date) -> None:
    if db.execute("UPDATE group_member SET left_on = ? WHERE group_id = ? AND peer_id = ? "
                  "AND left_on IS NULL", (on.isoformat(), group_id, peer_id)).rowcount == 0:
        raise NotFound


def current_member_ids(db: Database, group_id: int) -> list[int]:
    return [int(r[0]) for r in db.query(
        "SELECT peer_id FROM group_member WHERE group_id = ? AND left_on IS NULL",
        (group_id,))]


def groups_of_peer(db: Database, peer_id: int) -> list[tuple[int, str, str, str]]:
    """(group id, name, joined_on, left_on or '')."""
    return [(int(r[0]), r[1], r[2], r[3] or "") for r in db.query(
        "SELECT g.id, g.name, m.joined_on, m.left_on FROM group_member AS m "
        "JOIN peer_group AS g ON g.id = m.group_id WHERE m.peer_id = ? ORDER BY m.joined_on",
        (peer_id,))]


# -- meetings ---------------------------------------------------------------------------


def insert_meeting(db: Database, draft: MeetingDraft, *, series_id: int | None, now: str
                   ) -> int:
    meeting_id = int(db.execute(
        "INSERT INTO meeting (group_id, held_on, starts_at, place, notes, series_id, "
        "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (draft.group_id, draft.held_on.isoformat(), draft.starts_at, draft.place, draft.notes,
         series_id, now, now)).lastrowid)
    db.executemany("INSERT INTO meeting_facilitator (meeting_id, staff_id) VALUES (?, ?)",
                   [(meeting_id, s) for s in draft.facilitator_ids])
    return meeting_id


def next_series_id(db: Database) -> int:
    return int(db.scalar("SELECT coalesce(max(series_id), 0) + 1 FROM meeting"))


def update_meeting(db: Database, meeting_id: int, draft: MeetingDraft, *, now: str) -> None:
    update_row(db, "meeting", meeting_id, {
        "held_on": draft.held_on.isoformat(), "starts_at": draft.starts_at,
        "place": draft.place, "notes": draft.notes}, now=now)
    db.execute("DELETE FROM meeting_facilitator WHERE meeting_id = ?", (meeting_id,))
    db.executemany("INSERT INTO meeting_facilitator (meeting_id, staff_id) VALUES (?, ?)",
                   [(meeting_id, s) for s in draft.facilitator_ids])


def set_status(db: Database, meeting_id: int, status: str, *, now: str) -> None:
    db.execute("UPDATE meeting SET status = ?, updated_at = ? WHERE id = ?",
               (status, now, meeting_id))


_MEETING = (
    "SELECT m.id, m.group_id, m.held_on, m.starts_at, m.place, m.notes, m.status, "
    "m.anonymous_count, (SELECT count(*) FROM attendance AS a WHERE a.meeting_id = m.id "
    "AND a.mark = 'attended'), m.series_id, "
    "(SELECT group_concat(f.staff_id) FROM meeting_facilitator AS f WHERE f.meeting_id = m.id) "
    "FROM meeting AS m"
)


def _meeting(r: Any) -> MeetingRow:
    return MeetingRow(int(r[0]), int(r[1]), r[2], r[3], r[4], r[5], r[6], int(r[7]), int(r[8]),
                      r[9], tuple(sorted(int(s) for s in str(r[10]).split(","))) if r[10] else ())


def get_meeting(db: Database, meeting_id: int) -> MeetingRow:
    return one(db.query(f"{_MEETING} WHERE m.id = ?", (meeting_id,)), _meeting)


def meetings_of(db: Database, group_id: int) -> list[MeetingRow]:
    return [_meeting(r) for r in db.query(
        f"{_MEETING} WHERE m.group_id = ? ORDER BY m.held_on DESC, m.id DESC", (group_id,))]


# -- the register -------------------------------------------------------------------------


def register(db: Database, meeting_id: int, group_id: int) -> list[RegisterLine]:
    """Current members, plus anyone already marked (walk-ins, people who left since)."""
    rows = db.query(
        "SELECT p.id, p.ref_number, p.preferred_name, "
        "  EXISTS (SELECT 1 FROM group_member AS gm WHERE gm.group_id = :g "
        "          AND gm.peer_id = p.id AND gm.left_on IS NULL), a.mark, coalesce(a.walk_in, 0) "
        "FROM peer AS p LEFT JOIN attendance AS a ON a.peer_id = p.id AND a.meeting_id = :m "
        "WHERE p.id IN (SELECT peer_id FROM group_member WHERE group_id = :g AND left_on IS NULL "
        "               UNION SELECT peer_id FROM attendance WHERE meeting_id = :m) "
        "ORDER BY p.sort_name, p.id",
        {"g": group_id, "m": meeting_id})
    return [RegisterLine(int(r[0]), format_ref(int(r[1])), r[2], bool(r[3]),
                         Mark(r[4]) if r[4] else None, bool(r[5])) for r in rows]


def save_register(db: Database, meeting_id: int, marks: dict[int, tuple[Mark, bool]],
                  anonymous_count: int, *, now: str) -> None:
    """Replace the register of one meeting; call inside a transaction."""
    db.execute("DELETE FROM attendance WHERE meeting_id = ?", (meeting_id,))
    db.executemany(
        "INSERT INTO attendance (meeting_id, peer_id, mark, walk_in) VALUES (?, ?, ?, ?)",
        [(meeting_id, peer_id, mark.value, int(walk_in))
         for peer_id, (mark, walk_in) in marks.items()])
    db.execute("UPDATE meeting SET anonymous_count = ?, status = 'held', updated_at = ? "
               "WHERE id = ?", (anonymous_count, now, meeting_id))


def attendance_of_peer(db: Database, peer_id: int) -> list[tuple[str, str, str, bool]]:
    """(held_on, group name, mark, walk_in), newest first."""
    return [(r[0], r[1], r[2], bool(r[3])) for r in db.query(
        "SELECT m.held_on, g.name, a.mark, a.walk_in FROM attendance AS a "
        "JOIN meeting AS m ON m.id = a.meeting_id JOIN peer_group AS g ON g.id = m.group_id "
        "WHERE a.peer_id = ? ORDER BY m.held_on DESC, m.id DESC", (peer_id,))]


def attendance_over_time(db: Database, group_id: int) -> list[tuple[str, int, int, int, int]]:
    """Per held meeting, oldest first: (held_on, attended, apologies, absent, anonymous)."""
    return [(r[0], int(r[1]), int(r[2]), int(r[3]), int(r[4])) for r in db.query(
        "SELECT m.held_on, "
        "  count(*) FILTER (WHERE a.mark = 'attended'), "
        "  count(*) FILTER (WHERE a.mark = 'apologies'), "
        "  count(*) FILTER (WHERE a.mark = 'absent'), m.anonymous_count "
        "FROM meeting AS m LEFT JOIN attendance AS a ON a.meeting_id = m.id "
        "WHERE m.group_id = ? AND m.status = 'held' GROUP BY m.id ORDER BY m.held_on, m.id",
        (group_id,))]


def member_rates(db: Database, group_id: int) -> list[tuple[int, str, str, int, int]]:
    """(peer id, ref, preferred name, meetings attended, meetings marked) for members."""
    return [(int(r[0]), format_ref(int(r[1])), r[2], int(r[3]), int(r[4])) for r in db.query(
        "SELECT p.id, p.ref_number, p.preferred_name, "
        "  count(*) FILTER (WHERE a.mark = 'attended'), count(a.mark) "
        "FROM group_member AS gm JOIN peer AS p ON p.id = gm.peer_id "
        "LEFT JOIN meeting AS m ON m.group_id = gm.group_id AND m.status = 'held' "
        "LEFT JOIN attendance AS a ON a.meeting_id = m.id AND a.peer_id = p.id "
        "WHERE gm.group_id = ? GROUP BY p.id ORDER BY p.sort_name, p.id", (group_id,))]
