"""The Contacts page's list: filtered and sorted in SQL, ids first, rows a page at a time.

A centre logs tens of thousands of contacts a year, so the list works like the
caseload (DESIGN.md §2): the ordered ids of every match, then the columns of
the rows on screen.
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from peerdesk.domain.listening import Channel, Outcome, Returning
from peerdesk.storage.database import Database
from peerdesk.storage.repositories.rows import grouped, id_chunks
from peerdesk.storage.repositories.search import prefix_query


class ContactOrder(StrEnum):
    """What the list sorts by; every order ends with the newest first among equals."""

    WHEN = ""
    CHANNEL = "c.channel"
    MINUTES = "c.minutes"
    REGION = "(SELECT name FROM region WHERE region.id = c.region_id) COLLATE NOCASE"
    TAKEN_BY = "(SELECT name_key FROM staff WHERE staff.id = c.taken_by)"
    CALLER = "(SELECT sort_name FROM known_caller WHERE known_caller.id = c.known_caller_id)"


@dataclass(frozen=True, slots=True)
class ContactFilter:
    text: str = ""                  # words in the notes, or the start of a known caller's nickname
    start: date | None = None
    end: date | None = None
    channel: Channel | None = None
    region_id: int | None = None
    topic_id: int | None = None
    taken_by: int | None = None
    outcome: Outcome | None = None
    caller_id: int | None = None
    # Only these notes are searched (a peer supporter reads only the notes they wrote).
    notes_by: int | None = None
    order: ContactOrder = ContactOrder.WHEN
    descending: bool = True


@dataclass(frozen=True, slots=True)
class ContactRow:
    id: Hashable             # an integer here; a UUID on the team server
    contacted_on: str
    contacted_time: str
    channel: Channel
    minutes: int
    region: str
    returning: Returning
    outcomes: Outcome
    taken_by: str
    caller: str
    topics: tuple[str, ...]
    safety_concern: bool
    on_peer_record: bool


def _like_prefix(text: str) -> str:
    escaped = text.strip().casefold().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return escaped + "%"


def matching_ids(db: Database, flt: ContactFilter) -> list[int]:
    where: list[str] = []
    params: list[Any] = []
    if flt.text.strip():
        query = prefix_query(flt.text)
        nickname = ("c.known_caller_id IN (SELECT id FROM known_caller WHERE sort_name LIKE ? "
                    "ESCAPE '\\' OR sort_name LIKE ? ESCAPE '\\')")
        name_params = [_like_prefix(flt.text), "% " + _like_prefix(flt.text)]
        if query is None:
            where.append(nickname)
            params += name_params
        else:
            notes = ("c.id IN (SELECT rowid FROM contact_note_search "
                     "WHERE contact_note_search MATCH ?)")
            notes_params: list[Any] = [query]
            if flt.notes_by is not None:
                notes = f"({notes} AND c.taken_by = ?)"
                notes_params.append(flt.notes_by)
            where.append(f"({notes} OR {nickname})")
            params += notes_params + name_params
    if flt.start is not None:
        where.append("c.contacted_on >= ?")
        params.append(flt.start.isoformat())
    if flt.end is not None:
        where.append("c.contacted_on <= ?")
        params.append(flt.end.isoformat())
    for column, value in (("c.channel", flt.channel.value if flt.channel else None),
                          ("c.region_id", flt.region_id), ("c.taken_by", flt.taken_by),
                          ("c.known_caller_id", flt.caller_id)):
        if value is not None:
            where.append(f"{column} = ?")
            params.append(value)
    if flt.topic_id is not None:
        where.append("c.id IN (SELECT contact_id FROM contact_topic_link WHERE topic_id = ?)")
        params.append(flt.topic_id)
    if flt.outcome:
        where.append("(c.outcomes & ?) != 0")
        params.append(int(flt.outcome))
    clause = f"WHERE {' AND '.join(where)}" if where else ""
    direction = "DESC" if flt.descending else "ASC"
    newest = "c.contacted_on DESC, c.contacted_time DESC, c.id DESC"
    if flt.order is ContactOrder.WHEN:
        order = (newest if flt.descending else
                 "c.contacted_on ASC, c.contacted_time ASC, c.id ASC")
    else:
        order = f"{flt.order.value} {direction} NULLS LAST, {newest}"
    return [int(r[0]) for r in db.query(
        f"SELECT c.id FROM anonymous_contact AS c {clause} ORDER BY {order}", params)]


def rows_for(db: Database, ids: list[int]) -> list[ContactRow]:
    """The list's columns for these ids, in the order given."""
    found: dict[int, ContactRow] = {}
    for chunk, marks in id_chunks(ids):
        topics = grouped((int(cid), str(name)) for cid, name in db.query(
            "SELECT l.contact_id, t.name FROM contact_topic_link AS l JOIN contact_topic AS t "
            f"ON t.id = l.topic_id WHERE l.contact_id IN ({marks}) ORDER BY t.name", chunk))
        for r in db.query(
                "SELECT c.id, c.contacted_on, c.contacted_time, c.channel, c.minutes, "
                "coalesce(g.name, ''), c.first_time, c.outcomes, coalesce(s.name, ''), "
                "coalesce(k.nickname, ''), c.safety_concern, c.peer_id IS NOT NULL "
                "FROM anonymous_contact AS c LEFT JOIN region AS g ON g.id = c.region_id "
                "LEFT JOIN staff AS s ON s.id = c.taken_by "
                "LEFT JOIN known_caller AS k ON k.id = c.known_caller_id "
                f"WHERE c.id IN ({marks})", chunk):
            found[int(r[0])] = ContactRow(
                int(r[0]), str(r[1]), str(r[2]), Channel(r[3]), int(r[4]), str(r[5]),
                Returning(r[6]), Outcome(int(r[7])), str(r[8]), str(r[9]),
                topics.get(int(r[0]), ()), bool(r[10]), bool(r[11]))
    return [found[i] for i in ids if i in found]
