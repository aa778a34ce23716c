"""The data dictionary describes every table and column PeerDesk keeps (docs/export.md).

Built from the shipped migrations of both databases, so a table or column
added by a new migration without a description fails here, naming it: add
it to the area's module in src/peerdesk/storage/dictionary/ (or a new module
there for a new area).
"""

from __future__ import annotations

import re

from peerdesk.storage import dictionary
from peerdesk.storage.database import _driver
from peerdesk.storage.migrations import load_migrations

# A column's CHECK (col IN ('a', 'b')) lists the codes it may hold.
_CHECK_IN = re.compile(r"(\w+)\s+\w+[^,]*?CHECK\s*\(\s*\1\s+IN\s*\(([^)]*)\)", re.IGNORECASE)


def _shipped() -> dict[str, tuple[dict[str, list[str]], set[str], dict[str, str]]]:
    """database -> (table -> columns, search indexes, table -> CREATE sql)."""
    found = {}
    for compartment in ("main", "casework"):
        conn = _driver().connect(":memory:", isolation_level=None)
        try:
            for migration in load_migrations(compartment=compartment):
                conn.executescript(migration.sql)
            virtual = {r[0] for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE sql LIKE 'CREATE VIRTUAL TABLE%'")}
            tables, sql = {}, {}
            for name, create in conn.execute(
                    "SELECT name, sql FROM sqlite_master WHERE type = 'table' "
                    "AND name NOT LIKE 'sqlite_%'"):
                if name in virtual or any(name.startswith(v + "_") for v in virtual):
                    continue
                tables[name] = [r[1] for r in conn.execute(f'PRAGMA table_info("{name}")')]
                sql[name] = create
        finally:
            conn.close()
        found[compartment] = (tables, virtual, sql)
    return found


def test_every_table_and_column_is_described():
    described = dictionary.tables()
    missing = []
    for database, (tables, _virtual, _sql) in _shipped().items():
        for table, columns in tables.items():
            doc = described.get(table)
            if doc is None or not doc.description.strip():
                missing.append(f"{database}.{table}")
                continue
            missing += [f"{database}.{table}.{c}" for c in columns
                        if not doc.columns.get(c, "").strip()]
    assert not missing, ("describe these in src/peerdesk/storage/dictionary/: "
                         + ", ".join(missing))


def test_nothing_is_described_that_is_not_there():
    shipped = {t: cols for tables, _v, _s in _shipped().values() for t, cols in tables.items()}
    stale = []
    for name, doc in dictionary.tables().items():
        if name not in shipped:
            stale.append(name)
            continue
        stale += [f"{name}.{c}" for c in (*doc.columns, *doc.codes) if c not in shipped[name]]
    assert not stale


def test_codes_cover_every_value_a_check_constraint_allows():
    described = dictionary.tables()
    uncovered = []
    for _tables, _virtual, sql in _shipped().values():
        for table, create in sql.items():
            for column, values in _CHECK_IN.findall(create or ""):
                allowed = {v.strip().strip("'") for v in values.split(",")} - {"0", "1"}
                if allowed and not allowed <= set(described[table].codes.get(column, {})):
                    uncovered.append(f"{table}.{column}")
    assert not uncovered, uncovered


def test_every_search_index_can_be_rebuilt_after_an_import():
    statements = dictionary.search_indexes()
    for _tables, virtual, _sql in _shipped().values():
        for index in virtual:
            assert index in statements, f"add a rebuild statement for {index}"
            assert statements[index].lstrip().upper().startswith(f"INSERT INTO {index.upper()}")
