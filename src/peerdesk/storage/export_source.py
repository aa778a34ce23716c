"""Reading every table of a vault for an export (docs/export.md).

Generic over the schema: the tables are whatever the databases hold, found
in `sqlite_master`, so a table added by a later migration is exported with
no change here. Left out: SQLite's own tables, and the full-text indexes with
their shadow tables (contentless: their words exist only in the tables they
index, which are exported; an import rebuilds them).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from peerdesk.storage.database import Database

# FTS5 keeps each index in tables named after it with these endings.
_SHADOW_SUFFIXES = ("_data", "_idx", "_docsize", "_config", "_content")
_WITHOUT_ROWID = re.compile(r"\)\s*WITHOUT\s+ROWID\s*;?\s*$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    type: str  # as declared: INTEGER, TEXT, BLOB, …
    not_null: bool
    primary_key: bool


@dataclass(frozen=True, slots=True)
class SourceTable:
    database: str  # "main" or "casework"
    name: str
    columns: tuple[Column, ...]
    has_rowid: bool
    # Tables this one's foreign keys name (in the same database).
    parents: tuple[str, ...]

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]

    @property
    def qualified(self) -> str:
        return f'{self.database}."{self.name}"'


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def search_indexes(db: Database, schema: str) -> list[str]:
    """The full-text (virtual) tables of one database."""
    return [str(r[0]) for r in db.query(
        f"SELECT name FROM {schema}.sqlite_master WHERE type = 'table' "
        "AND sql LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name")]


def _is_shadow(name: str, virtual: list[str]) -> bool:
    return any(name == v + suffix for v in virtual for suffix in _SHADOW_SUFFIXES)


def list_tables(db: Database, schema: str) -> list[SourceTable]:
    """One database's tables, parents before the tables that refer to them."""
    virtual = search_indexes(db, schema)
    found: dict[str, SourceTable] = {}
    for name, sql in db.query(
            f"SELECT name, sql FROM {schema}.sqlite_master WHERE type = 'table' "
            "AND name NOT LIKE 'sqlite_%' ORDER BY name"):
        name = str(name)
        if name in virtual or _is_shadow(name, virtual):
            continue
        columns = tuple(
            Column(str(r[1]), str(r[2] or ""), bool(r[3]), bool(r[5]))
            for r in db.query(f"PRAGMA {schema}.table_info({_quote(name)})"))
        parents = tuple(sorted({str(r[2]) for r in db.query(
            f"PRAGMA {schema}.foreign_key_list({_quote(name)})")} - {name}))
        found[name] = SourceTable(schema, name, columns,
                                  not _WITHOUT_ROWID.search(str(sql or "")), parents)
    return _parents_first(found)


def _parents_first(tables: dict[str, SourceTable]) -> list[SourceTable]:
    ordered: list[SourceTable] = []
    placed: set[str] = set()

    def place(name: str, path: tuple[str, ...]) -> None:
        if name in placed or name not in tables or name in path:
            return
        for parent in tables[name].parents:
            place(parent, (*path, name))
        placed.add(name)
        ordered.append(tables[name])

    for name in sorted(tables):
        place(name, ())
    return ordered


def count_rows(db: Database, table: SourceTable) -> int:
    return int(db.scalar(f"SELECT count(*) FROM {table.qualified}"))


def rows(db: Database, table: SourceTable) -> Iterator[tuple[Any, ...]]:
    """Every row, in the table's own order, fetched as it is read (never all at once)."""
    columns = ", ".join(_quote(c) for c in table.column_names)
    order = " ORDER BY rowid" if table.has_rowid else ""
    return db.iterate(f"SELECT {columns} FROM {table.qualified}{order}")
