"""Is each database's schema the one PeerDesk ships? (docs/security.md §3)

Built by running the shipped migrations on an empty in-memory database and
compared object by object with the vault's: a dropped audit trigger, a
table or index added, removed or changed outside PeerDesk shows up here.
"""

from __future__ import annotations

import re
from functools import cache

from peerdesk.storage.database import Database, _driver
from peerdesk.storage.migrations import load_migrations

_SPACE = re.compile(r"\s+")


def _normalise(sql: str | None) -> str:
    return _SPACE.sub(" ", (sql or "").strip()).replace("( ", "(").replace(" )", ")")


def _objects(rows: list[tuple[str, str, str | None]]) -> dict[tuple[str, str], str]:
    # FTS5 shadow tables are made by their virtual table; `sqlite_` objects by SQLite.
    return {(kind, name): _normalise(sql) for kind, name, sql in rows
            if not name.startswith("sqlite_")}


@cache
def shipped(compartment: str, version: int) -> dict[tuple[str, str], str]:
    conn = _driver().connect(":memory:", isolation_level=None)
    try:
        for migration in load_migrations(compartment=compartment)[:version]:
            conn.executescript(migration.sql)
        rows = conn.execute("SELECT type, name, sql FROM sqlite_master").fetchall()
    finally:
        conn.close()
    return _objects(rows)


def differences(db: Database, schema: str, compartment: str) -> list[str]:
    """What differs from the shipped schema of the database's own version."""
    version = int(db.scalar(f"PRAGMA {schema}.user_version"))
    expected = shipped(compartment, version)
    actual = _objects([(str(r[0]), str(r[1]), r[2]) for r in db.query(
        f"SELECT type, name, sql FROM {schema}.sqlite_master")])
    where = "casework database" if compartment == "casework" else "main database"
    problems = []
    for key in sorted(expected.keys() - actual.keys()):
        problems.append(f"the {key[0]} {key[1]} is missing from the {where}")
    for key in sorted(actual.keys() - expected.keys()):
        problems.append(f"the {key[0]} {key[1]} in the {where} is not PeerDesk's")
    for key in sorted(expected.keys() & actual.keys()):
        if expected[key] != actual[key]:
            problems.append(f"the {key[0]} {key[1]} in the {where} has been changed")
    return problems
