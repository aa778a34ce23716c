"""The lists a centre edits for the listening service: regions, contact topics and
directory categories. Same shape each: a name, unique ignoring case, and an active flag
(a name in use is retired rather than deleted, so past contacts keep it)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Set
from dataclasses import dataclass
from enum import StrEnum

from peerdesk.domain.errors import Message, NotFound, ValidationError
from peerdesk.storage.database import Database


class ListKind(StrEnum):
    REGION = "region"
    TOPIC = "contact_topic"
    CATEGORY = "directory_category"

    @property
    def what(self) -> str:
        return {"region": "Region", "contact_topic": "Topic",
                "directory_category": "Category"}[self.value]


# One sentence per list (languages agree their words with the list's name).
_CLASH = {ListKind.REGION: Message("There is already a region called “{name}”."),
          ListKind.TOPIC: Message("There is already a topic called “{name}”."),
          ListKind.CATEGORY: Message("There is already a category called “{name}”.")}
_GONE = {ListKind.REGION: Message("That region is no longer on the list; choose another."),
         ListKind.TOPIC: Message("That topic is no longer on the list; choose another."),
         ListKind.CATEGORY: Message("That category is no longer on the list; choose "
                                    "another.")}


@dataclass(frozen=True, slots=True)
class ListItem:
    id: int
    name: str
    active: bool


def items(db: Database, kind: ListKind, *, active_only: bool = False) -> list[ListItem]:
    where = "WHERE active = 1" if active_only else ""
    return [ListItem(int(r[0]), str(r[1]), bool(r[2])) for r in db.query(
        f"SELECT id, name, active FROM {kind.value} {where} ORDER BY name COLLATE NOCASE, id")]


def names(db: Database, kind: ListKind) -> dict[int, str]:
    """Every item's name by id, retired ones too (past records show them)."""
    return {int(r[0]): str(r[1]) for r in db.query(f"SELECT id, name FROM {kind.value}")}


def _clash(db: Database, kind: ListKind, name: str, other_than: int | None) -> None:
    found = db.scalar(f"SELECT id FROM {kind.value} WHERE name = ? AND id IS NOT ?",
                      (name, other_than))
    if found is not None:
        raise ValidationError(_CLASH[kind].template, field="name", name=name)


def add(db: Database, kind: ListKind, name: str) -> int:
    _clash(db, kind, name, None)
    return int(db.execute(f"INSERT INTO {kind.value} (name) VALUES (?)", (name,)).lastrowid)


def rename(db: Database, kind: ListKind, item_id: int, name: str) -> str:
    """Returns the old name."""
    old = db.scalar(f"SELECT name FROM {kind.value} WHERE id = ?", (item_id,))
    if old is None:
        raise NotFound
    _clash(db, kind, name, item_id)
    db.execute(f"UPDATE {kind.value} SET name = ? WHERE id = ?", (name, item_id))
    return str(old)


def set_active(db: Database, kind: ListKind, item_id: int, active: bool) -> None:
    if db.execute(f"UPDATE {kind.value} SET active = ? WHERE id = ?",
                  (int(active), item_id)).rowcount == 0:
        raise NotFound


def check_active(db: Database, kind: ListKind, ids: tuple[int, ...], *, allowed: set[int],
                 field: str) -> None:
    """Each id is an active item, or one the record already had (`allowed`)."""
    if not ids:
        return
    found = {int(r[0]): bool(r[1]) for r in db.query(
        f"SELECT id, active FROM {kind.value} WHERE id IN ({', '.join('?' * len(ids))})", ids)}
    require_active(found, kind, ids, allowed=allowed, field=field)


def require_active(found: Mapping[int, bool], kind: ListKind, ids: Iterable[int], *,
                   allowed: Set[int] = frozenset(), field: str) -> None:
    """As `check_active`, against the items as read (id -> active), wherever they
    were read from (the team server's lists too)."""
    for item_id in ids:
        if item_id not in found or (not found[item_id] and item_id not in allowed):
            raise _GONE[kind].error(field)


def by_name(db: Database, kind: ListKind) -> dict[str, int]:
    """Casefolded name -> id of every active item (the import matches names)."""
    return {str(r[1]).casefold(): int(r[0]) for r in db.query(
        f"SELECT id, name FROM {kind.value} WHERE active = 1")}
