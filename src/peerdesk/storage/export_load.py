"""Loading an export's rows into a new vault (docs/export.md).

Generic over the schema like export_source.py: rows go into the table of the
same name, column by column, with the types the table declares (binary
columns come as hex). The new vault is built at the export's schema version,
so each table has exactly the columns the export has; its upgrade runs after.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from peerdesk.domain.errors import PeerDeskError
from peerdesk.storage.database import Database
from peerdesk.storage.export_source import SourceTable

BATCH = 2000


class ExportMismatch(PeerDeskError):
    default_message = (
        "This export does not match the PeerDesk version it says made it (its tables are "
        "not the ones that version keeps), so nothing was imported.")


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _converter(declared: str) -> Any:
    if declared.upper() == "BLOB":
        def unhex(value: Any) -> Any:
            if isinstance(value, str):
                try:
                    return bytes.fromhex(value)
                except ValueError as exc:
                    raise ExportMismatch from exc
            return value
        return unhex
    return None


def load_rows(db: Database, table: SourceTable, columns: list[str],
              rows: Iterable[Mapping[str, Any]], *, into: str | None = None,
              fixed: Mapping[str, Any] | None = None,
              tick: Any = None) -> int:
    """Insert `rows` (column -> value) into `table` (or the table `into`, in
    the same database, with `fixed` values for its extra columns). Returns
    the count. Call with foreign keys off and inside a transaction."""
    if sorted(columns) != sorted(table.column_names):
        raise ExportMismatch
    declared = {c.name: c.type for c in table.columns}
    converters = [(c, _converter(declared[c])) for c in columns]
    extra = dict(fixed or {})
    names = [*columns, *extra]
    target = f'{table.database}.{_quote(into or table.name)}'
    sql = (f"INSERT INTO {target} ({', '.join(_quote(n) for n in names)}) "
           f"VALUES ({', '.join('?' * len(names))})")
    extra_values = tuple(extra.values())
    count = 0
    batch: list[tuple[Any, ...]] = []
    for row in rows:
        if len(row) != len(columns):
            raise ExportMismatch
        try:
            values = tuple(convert(row[c]) if convert else row[c] for c, convert in converters)
        except KeyError as exc:
            raise ExportMismatch from exc
        batch.append(values + extra_values)
        count += 1
        if len(batch) >= BATCH:
            db.executemany(sql, batch)
            batch.clear()
            if tick is not None:
                tick(count)
    if batch:
        db.executemany(sql, batch)
    return count


def clear(db: Database, table: SourceTable) -> None:
    """Rows a new vault starts with (the default topics and scales) make way.
    (An empty table is left alone: an append-only one refuses even an empty DELETE.)"""
    if db.scalar(f"SELECT EXISTS (SELECT 1 FROM {table.qualified})"):
        db.execute(f"DELETE FROM {table.qualified}")


def foreign_key_problems(db: Database, schema: str) -> int:
    return len(db.query(f"PRAGMA {schema}.foreign_key_check"))


def rebuild_search(db: Database, statements: Mapping[str, str], indexes: list[str]) -> None:
    """Fill each full-text index again from the tables it indexes."""
    for index in indexes:
        if index not in statements:
            raise RuntimeError(f"no rebuild statement for the search index {index}")
        db.execute(statements[index])
