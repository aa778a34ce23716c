"""Directory entries, their categories and regions, and the index searched as you type."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from peerdesk.domain.directory import DirectoryEntryDraft
from peerdesk.domain.errors import NotFound
from peerdesk.storage.database import Database
from peerdesk.storage.repositories.rows import (
    columns_of,
    grouped,
    query_in,
    set_links,
    update_row,
)
from peerdesk.storage.repositories.search import forget_deleted, prefix_query


@dataclass(frozen=True, slots=True)
class StoredEntry:
    id: int
    draft: DirectoryEntryDraft
    categories: tuple[str, ...]
    regions: tuple[str, ...]
    archived: bool
    uses: int = 0           # contacts, sessions and referrals that point to it


def _index_body(db: Database, entry_id: int, name: str) -> str:
    words = [name]
    words += [str(r[0]) for r in db.query(
        "SELECT c.name FROM directory_entry_category AS ec JOIN directory_category AS c "
        "ON c.id = ec.category_id WHERE ec.entry_id = ?", (entry_id,))]
    words += [str(r[0]) for r in db.query(
        "SELECT r.name FROM directory_entry_region AS er JOIN region AS r "
        "ON r.id = er.region_id WHERE er.entry_id = ?", (entry_id,))]
    return " ".join(words)


def reindex(db: Database, entry_ids: list[int], *, new: bool = False) -> None:
    """Rewrite these entries' search rows (after a change to them, or to a name they use)."""
    for entry_id in entry_ids:
        name = db.scalar("SELECT name FROM directory_entry WHERE id = ?", (entry_id,))
        if not new:
            db.execute("DELETE FROM directory_search WHERE rowid = ?", (entry_id,))
        if name is not None:
            db.execute("INSERT INTO directory_search (rowid, body) VALUES (?, ?)",
                       (entry_id, _index_body(db, entry_id, str(name))))
    if entry_ids and not new:
        forget_deleted(db, "directory_search")


def _values(draft: DirectoryEntryDraft) -> tuple[Any, ...]:
    return (draft.name, draft.name.casefold(), draft.phone, draft.email, draft.website,
            draft.opening_hours, draft.notes, int(draft.all_regions),
            draft.last_checked.isoformat() if draft.last_checked else None)


_FIELDS = ("name, sort_name, phone, email, website, opening_hours, notes, all_regions, "
           "last_checked")


def _write_links(db: Database, entry_id: int, draft: DirectoryEntryDraft) -> None:
    set_links(db, "directory_entry_category", "entry_id", entry_id, "category_id",
              draft.category_ids)
    set_links(db, "directory_entry_region", "entry_id", entry_id, "region_id", draft.region_ids)


def insert(db: Database, draft: DirectoryEntryDraft, *, now: str) -> int:
    entry_id = int(db.execute(
        f"INSERT INTO directory_entry ({_FIELDS}, created_at, updated_at) "
        f"VALUES ({', '.join('?' * 9)}, ?, ?)", (*_values(draft), now, now)).lastrowid)
    _write_links(db, entry_id, draft)
    reindex(db, [entry_id], new=True)
    return entry_id


def update(db: Database, entry_id: int, draft: DirectoryEntryDraft, *, now: str) -> None:
    update_row(db, "directory_entry", entry_id,
               dict(zip(columns_of(_FIELDS), _values(draft), strict=True)), now=now)
    _write_links(db, entry_id, draft)
    reindex(db, [entry_id])


def mark_checked(db: Database, entry_id: int, on: date, *, now: str) -> None:
    update_row(db, "directory_entry", entry_id, {"last_checked": on.isoformat()}, now=now)


def set_archived(db: Database, entry_id: int, on: date | None, *, now: str) -> None:
    update_row(db, "directory_entry", entry_id,
               {"archived_on": on.isoformat() if on else None}, now=now)


def uses(db: Database, entry_id: int) -> int:
    return int(db.scalar(
        "SELECT (SELECT count(*) FROM contact_signpost WHERE entry_id = :e) "
        "+ (SELECT count(*) FROM one_to_one_signpost WHERE entry_id = :e) "
        "+ (SELECT count(*) FROM referral WHERE directory_entry_id = :e)", {"e": entry_id}))


def delete(db: Database, entry_id: int) -> None:
    db.execute("DELETE FROM directory_search WHERE rowid = ?", (entry_id,))
    if db.execute("DELETE FROM directory_entry WHERE id = ?", (entry_id,)).rowcount == 0:
        raise NotFound
    forget_deleted(db, "directory_search")


def _names(db: Database, table: str, list_table: str, column: str, ids: list[int]
           ) -> dict[int, tuple[str, ...]]:
    return grouped((int(entry_id), str(name)) for entry_id, name in query_in(
        db, f"SELECT x.entry_id, l.name FROM {table} AS x JOIN {list_table} AS l "
        f"ON l.id = x.{column} WHERE x.entry_id IN ({{marks}}) "
        "ORDER BY l.name COLLATE NOCASE", ids))


def _ids(db: Database, table: str, column: str, ids: list[int]) -> dict[int, tuple[int, ...]]:
    return grouped((int(entry_id), int(other)) for entry_id, other in query_in(
        db, f"SELECT entry_id, {column} FROM {table} WHERE entry_id IN ({{marks}})", ids))


_SELECT = ("SELECT id, name, phone, email, website, opening_hours, notes, all_regions, "
           "last_checked, archived_on FROM directory_entry")


def entries(db: Database, ids: list[int]) -> list[StoredEntry]:
    """These entries in the order given (missing ones left out)."""
    if not ids:
        return []
    rows: dict[int, Any] = {int(r[0]): r for r in query_in(
        db, _SELECT + " WHERE id IN ({marks})", ids)}
    present = [i for i in ids if i in rows]
    categories = _names(db, "directory_entry_category", "directory_category", "category_id",
                        present)
    regions = _names(db, "directory_entry_region", "region", "region_id", present)
    category_ids = _ids(db, "directory_entry_category", "category_id", present)
    region_ids = _ids(db, "directory_entry_region", "region_id", present)
    out = []
    for i in present:
        r = rows[i]
        draft = DirectoryEntryDraft(
            name=str(r[1]), category_ids=category_ids.get(i, ()), region_ids=region_ids.get(i, ()),
            all_regions=bool(r[7]), phone=str(r[2]), email=str(r[3]), website=str(r[4]),
            opening_hours=str(r[5]), notes=str(r[6]),
            last_checked=date.fromisoformat(r[8]) if r[8] else None)
        out.append(StoredEntry(i, draft, categories.get(i, ()), regions.get(i, ()),
                               r[9] is not None))
    return out


def get(db: Database, entry_id: int) -> StoredEntry:
    found = entries(db, [entry_id])
    if not found:
        raise NotFound
    return found[0]


def find(db: Database, text: str = "", *, category_id: int | None = None,
         region_id: int | None = None, include_archived: bool = False,
         limit: int | None = None) -> list[int]:
    """Ids by name. `text` matches the start of words in the name, a category or a region;
    `region_id` keeps entries serving that region (national ones too)."""
    where: list[str] = []
    params: list[Any] = []
    if text.strip():
        query = prefix_query(text)
        if query is None:
            return []
        where.append("e.id IN (SELECT rowid FROM directory_search WHERE directory_search MATCH ?)")
        params.append(query)
    if not include_archived:
        where.append("e.archived_on IS NULL")
    if category_id is not None:
        where.append("e.id IN (SELECT entry_id FROM directory_entry_category "
                     "WHERE category_id = ?)")
        params.append(category_id)
    if region_id is not None:
        where.append("(e.all_regions = 1 OR e.id IN (SELECT entry_id FROM directory_entry_region "
                     "WHERE region_id = ?))")
        params.append(region_id)
    clause = f"WHERE {' AND '.join(where)}" if where else ""
    tail = " LIMIT ?" if limit is not None else ""
    if limit is not None:
        params.append(limit)
    return [int(r[0]) for r in db.query(
        f"SELECT e.id FROM directory_entry AS e {clause} ORDER BY e.sort_name, e.id{tail}",
        params)]


def due_for_review(db: Database, checked_before: date) -> list[int]:
    """Entries in use never checked, or last checked before the date; oldest first."""
    return [int(r[0]) for r in db.query(
        "SELECT id FROM directory_entry WHERE archived_on IS NULL AND "
        "(last_checked IS NULL OR last_checked < ?) ORDER BY last_checked NULLS FIRST, sort_name",
        (checked_before.isoformat(),))]


def entries_using(db: Database, table: str, item_id: int) -> list[int]:
    """Entries that name this category or region (to reindex after it is renamed)."""
    column = {"directory_entry_category": "category_id", "directory_entry_region": "region_id"}[
        table]
    return [int(r[0]) for r in db.query(f"SELECT entry_id FROM {table} WHERE {column} = ?",
                                        (item_id,))]


def names_of(db: Database, ids: list[int]) -> dict[int, str]:
    return {int(r[0]): str(r[1]) for r in query_in(
        db, "SELECT id, name FROM directory_entry WHERE id IN ({marks})", ids)}
