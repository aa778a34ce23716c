"""Fast loading of many rows at once (demo vaults, benchmarks, imports).

Rows arrive as plain tuples in the tables' column order; ids are chosen by
the caller so that child rows can refer to them without a lookup.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from peerdesk.storage.database import Database
from peerdesk.storage.repositories.peers import reserve_ref_numbers


def reserve_refs(db: Database, count: int) -> int:
    with db.transaction():
        return reserve_ref_numbers(db, count)


def next_id(db: Database, table: str) -> int:
    return int(db.scalar(f"SELECT coalesce(max(id), 0) + 1 FROM {table}"))


def topic_ids(db: Database) -> list[int]:
    return [int(r[0]) for r in db.query("SELECT id FROM topic ORDER BY id")]


@dataclass(slots=True)
class Rows:
    peers: list[tuple[Any, ...]] = field(default_factory=list)
    # As `peers`, with their first and last session's dates at the end: an import
    # knows them before writing, and setting them afterwards would rewrite every row.
    dated_peers: list[tuple[Any, ...]] = field(default_factory=list)
    search: list[tuple[Any, ...]] = field(default_factory=list)
    safe: list[tuple[Any, ...]] = field(default_factory=list)
    consents: list[tuple[Any, ...]] = field(default_factory=list)
    sessions: list[tuple[Any, ...]] = field(default_factory=list)
    notes: list[tuple[Any, ...]] = field(default_factory=list)
    topics: list[tuple[Any, ...]] = field(default_factory=list)
    referrals: list[tuple[Any, ...]] = field(default_factory=list)
    ratings: list[tuple[Any, ...]] = field(default_factory=list)
    _session_ids: int = 0

    def add_session(self, *, peer_id: int, worker_id: int, held_on: str, minutes: int,
                    mode: str, kind: str, follow_up_on: str | None, done_on: str | None,
                    notes: str, next_steps: str, topics: list[int]) -> None:
        # Temporary ids, numbered from 1 within this batch; `write` shifts them.
        self._session_ids += 1
        sid = self._session_ids
        self.sessions.append((sid, peer_id, worker_id, held_on, minutes, mode, kind,
                              follow_up_on, done_on))
        self.notes.append((sid, notes, next_steps))
        self.topics.extend((sid, topic) for topic in topics)


_NOW = "strftime('%Y-%m-%dT%H:%M:%S+00:00', 'now')"


_PEER_COLUMNS = (
    "id, ref_number, preferred_name, full_name, sort_name, birth_year, age_band, gender, "
    "gender_description, languages, nationality, contact_route, first_contact, status, "
    "closed_on, closed_reason, caseworker_id, supporter_id")


def write(db: Database, rows: Rows) -> None:
    """Insert one batch; call inside a transaction."""
    db.executemany(
        f"INSERT INTO peer ({_PEER_COLUMNS}, created_at, updated_at) "
        f"VALUES ({', '.join('?' * 18)}, {_NOW}, {_NOW})", rows.peers)
    db.executemany(
        f"INSERT INTO peer ({_PEER_COLUMNS}, first_session_on, last_contact, created_at, "
        f"updated_at) VALUES ({', '.join('?' * 20)}, {_NOW}, {_NOW})", rows.dated_peers)
    db.executemany("INSERT INTO peer_search (rowid, names) VALUES (?, ?)", rows.search)
    db.executemany(
        "INSERT INTO safe_contact (peer_id, do_not_contact, calls_ok, texts_ok, email_ok, "
        "voicemail_ok, safe_times, code_word, other) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows.safe)
    db.executemany(
        "INSERT INTO consent (peer_id, scope, given_on, recorded_by, review_on, withdrawn_on, "
        f"created_at) VALUES (?, ?, ?, ?, ?, ?, {_NOW})", rows.consents)
    offset = next_id(db, "one_to_one") - 1
    db.executemany(
        "INSERT INTO one_to_one (id, peer_id, worker_id, held_on, minutes, mode, kind, "
        "follow_up_on, follow_up_done_on, created_at, updated_at) "
        f"VALUES (? + {offset}, ?, ?, ?, ?, ?, ?, ?, ?, {_NOW}, {_NOW})", rows.sessions)
    db.executemany(
        f"INSERT INTO one_to_one_note (session_id, notes, next_steps) VALUES (? + {offset}, ?, ?)",
        rows.notes)
    db.executemany(
        "INSERT INTO note_search (rowid, body) VALUES (? + ?, ?)",
        [(sid, offset, f"{notes}\n{steps}".strip()) for sid, notes, steps in rows.notes])
    db.executemany(
        f"INSERT INTO one_to_one_topic (session_id, topic_id) VALUES (? + {offset}, ?)",
        rows.topics)
    db.executemany(
        "INSERT INTO referral (peer_id, made_on, destination, destination_name, status, "
        f"recorded_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, {_NOW}, {_NOW})",
        rows.referrals)
    db.executemany(
        "INSERT INTO rating (peer_id, measure_key, rated_on, worker_id, scores, total, "
        f"created_at) VALUES (?, ?, ?, ?, ?, ?, {_NOW})", rows.ratings)


def refresh_all_derived(db: Database) -> None:
    db.execute(
        "UPDATE peer SET "
        "first_session_on = (SELECT min(held_on) FROM one_to_one AS o "
        "  WHERE o.peer_id = peer.id), "
        "last_contact = (SELECT max(held_on) FROM one_to_one AS o WHERE o.peer_id = peer.id), "
        "next_follow_up = (SELECT min(follow_up_on) FROM one_to_one AS o "
        "  WHERE o.peer_id = peer.id AND follow_up_on IS NOT NULL "
        "  AND follow_up_done_on IS NULL)")


@dataclass(slots=True)
class GroupRows:
    groups: list[tuple[Any, ...]] = field(default_factory=list)
    facilitators: list[tuple[Any, ...]] = field(default_factory=list)
    members: list[tuple[Any, ...]] = field(default_factory=list)
    meetings: list[tuple[Any, ...]] = field(default_factory=list)
    meeting_staff: list[tuple[Any, ...]] = field(default_factory=list)
    attendance: list[tuple[Any, ...]] = field(default_factory=list)


def write_groups(db: Database, rows: GroupRows) -> None:
    """Insert groups with their meetings and registers; call inside a transaction."""
    db.executemany(
        "INSERT INTO peer_group (id, name, kind, mode, archived_on, created_at, updated_at) "
        f"VALUES (?, ?, ?, ?, ?, {_NOW}, {_NOW})", rows.groups)
    db.executemany("INSERT INTO group_facilitator (group_id, staff_id) VALUES (?, ?)",
                   rows.facilitators)
    db.executemany("INSERT INTO group_member (group_id, peer_id, joined_on, left_on) "
                   "VALUES (?, ?, ?, ?)", rows.members)
    db.executemany(
        "INSERT INTO meeting (id, group_id, held_on, starts_at, place, status, anonymous_count, "
        f"created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, {_NOW}, {_NOW})", rows.meetings)
    db.executemany("INSERT INTO meeting_facilitator (meeting_id, staff_id) VALUES (?, ?)",
                   rows.meeting_staff)
    db.executemany("INSERT INTO attendance (meeting_id, peer_id, mark, walk_in) "
                   "VALUES (?, ?, ?, ?)", rows.attendance)
