"""Small pieces every repository needs: one row or NotFound, ids in slices for `IN (...)`,
one row's columns updated and one record's link rows replaced."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any, TypeVar

from peerdesk.domain.errors import NotFound
from peerdesk.storage.database import Database

T = TypeVar("T")
K = TypeVar("K")
V = TypeVar("V")

# Ids bound in one `IN (...)`: well under SQLite's limit on bound parameters.
CHUNK = 500


def one(rows: Sequence[Any], make: Callable[[Any], T]) -> T:
    """The first row made into its dataclass; NotFound when the query found nothing."""
    if not rows:
        raise NotFound
    return make(rows[0])


def one_or_none(rows: Sequence[Any], make: Callable[[Any], T]) -> T | None:
    """The first row made into its dataclass, or None when the query found nothing."""
    return make(rows[0]) if rows else None


def id_chunks(ids: Sequence[int]) -> Iterator[tuple[list[int], str]]:
    """The ids in slices of at most CHUNK, each with its `?, ?, …` for an `IN (...)`."""
    for start in range(0, len(ids), CHUNK):
        chunk = list(ids[start:start + CHUNK])
        yield chunk, ", ".join("?" * len(chunk))


def query_in(db: Database, sql: str, ids: Sequence[int],
             before: Sequence[Any] = ()) -> Iterator[Any]:
    """The rows of `sql` for every slice of ids: `{marks}` in sql stands for the slice's
    question marks; `before` are the parameters bound ahead of them."""
    for chunk, marks in id_chunks(ids):
        yield from db.query(sql.format(marks=marks), (*before, *chunk))


def execute_in(db: Database, sql: str, ids: Sequence[int], before: Sequence[Any] = ()) -> int:
    """Runs `sql` (with `{marks}` as in query_in) for every slice of ids; rows changed."""
    return sum(int(db.execute(sql.format(marks=marks), (*before, *chunk)).rowcount)
               for chunk, marks in id_chunks(ids))


def delete_ids(db: Database, table: str, ids: Sequence[int]) -> int:
    """Deletes these rows of `table` by id; how many went."""
    return execute_in(db, f"DELETE FROM {table} WHERE id IN ({{marks}})", ids)


def grouped(pairs: Iterable[tuple[K, V]]) -> dict[K, tuple[V, ...]]:
    """(key, value) pairs gathered into a tuple of values a key, in the order met."""
    found: dict[K, list[V]] = {}
    for key, value in pairs:
        found.setdefault(key, []).append(value)
    return {key: tuple(values) for key, values in found.items()}


def update_row(db: Database, table: str, row_id: int, values: Mapping[str, Any], *,
               now: str | None = None) -> None:
    """Set these columns of one row (and its updated_at to `now`, when given); NotFound
    when there is no such row. Column names are the code's own, never a person's input."""
    assignments = [f"{column} = ?" for column in values]
    params = list(values.values())
    if now is not None:
        assignments.append("updated_at = ?")
        params.append(now)
    if db.execute(f"UPDATE {table} SET {', '.join(assignments)} WHERE id = ?",
                  (*params, row_id)).rowcount == 0:
        raise NotFound


def set_links(db: Database, table: str, owner: str, owner_id: int, link: str,
              linked: Iterable[int], *, new: bool = False) -> None:
    """Make `table` link the record `owner_id` (in column `owner`) to exactly the ids
    `linked` (in column `link`), one row each; a new record has no old links to delete.
    Table and column names are the code's own, never a person's input."""
    if not new:
        db.execute(f"DELETE FROM {table} WHERE {owner} = ?", (owner_id,))
    db.executemany(f"INSERT INTO {table} ({owner}, {link}) VALUES (?, ?)",
                   [(owner_id, linked_id) for linked_id in linked])


def columns_of(fields: str) -> list[str]:
    """The column names in a comma-separated list of them (a repository's _FIELDS)."""
    return [name.strip() for name in fields.split(",")]
