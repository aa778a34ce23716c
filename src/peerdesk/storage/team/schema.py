"""The team server's schema: its own numbered migrations, one transaction each.

Files are `storage/team/migrations/NNNN_name.sql`, numbered 1..n, applied in
order inside one transaction each (PostgreSQL's DDL, role grants included, is
transactional), under an advisory lock so two set-ups at once can't both apply
one. The version is the highest row of `main.schema_migration`. A server made by
a newer PeerDesk is refused before anything is changed.

Roles are shared by every database of a PostgreSQL cluster, so PeerDesk's group
roles carry the database's name: `<database>_admin`, `_programme_lead`,
`_caseworker`, `_peer_supporter`, and `_staff` (every person). The files name
them as a double-braced `admin` (a quoted identifier) or `admin.name` (a string literal).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import psycopg
from psycopg import sql

from peerdesk.storage.migration_files import Migration, numbered, shipped_files
from peerdesk.storage.team.errors import TeamSchemaTooNew, TeamServerError

Conn = psycopg.Connection[tuple[Any, ...]]

_PLACEHOLDER = re.compile(r"\{\{(\w+)(\.name)?\}\}")
# A database name PeerDesk can build role and login names from.
DATABASE_NAME = re.compile(r"^[a-z][a-z0-9_]{0,39}$")
# PeerDesk role -> group role suffix; "staff" is every person's group.
GROUPS = ("admin", "programme_lead", "caseworker", "peer_supporter", "staff")
# Any number that's ours: no other program takes this advisory lock.
_LOCK_KEY = 0x50454552  # "PEER"
MINIMUM_SERVER = 150000


@dataclass(frozen=True, slots=True)
class SchemaResult:
    from_version: int
    to_version: int


def load_migrations() -> list[Migration]:
    return numbered(shipped_files("peerdesk.storage.team", "migrations"), "team migration")


def latest_version() -> int:
    return len(load_migrations())


def group_role(database: str, group: str) -> str:
    return f"{database}_{group}"


def check_database_name(database: str) -> None:
    if not DATABASE_NAME.match(database):
        raise TeamServerError(
            "PeerDesk needs a database whose name is lower-case letters, digits and _, "
            "starting with a letter, at most 40 characters (it names the team's roles "
            "after it); {database} isn't one.", database=database)


def render(text: str, database: str) -> str:
    """The migration's SQL with its role and database placeholders filled in."""

    def fill(match: re.Match[str]) -> str:
        key, as_name = match.group(1), match.group(2)
        if key == "database":
            name = database
        elif key in GROUPS:
            name = group_role(database, key)
        else:
            raise RuntimeError(f"unknown placeholder in a team migration: {key}")
        # Names are checked (DATABASE_NAME), so plain quoting is exact here.
        return f"'{name}'" if as_name else f'"{name}"'

    return _PLACEHOLDER.sub(fill, text)


def current_version(conn: Conn) -> int:
    # A plain query of the catalogue, not to_regclass: after waiting on the
    # advisory lock, the backend's catalogue caches may not yet know of a
    # schema another set-up has just committed; a query's snapshot does.
    row = conn.execute(
        "SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n "
        "ON n.oid = c.relnamespace WHERE n.nspname = 'main' "
        "AND c.relname = 'schema_migration')").fetchone()
    if not row or not row[0]:
        return 0
    found = conn.execute("SELECT max(version) FROM main.schema_migration").fetchone()
    return int(found[0]) if found and found[0] is not None else 0


def check_server(conn: Conn) -> None:
    if conn.info.server_version < MINIMUM_SERVER:
        major = conn.info.server_version // 10000
        raise TeamServerError("The team server runs PostgreSQL {major}; PeerDesk needs "
                              "PostgreSQL 15 or newer. Nothing was changed.", major=major)


def _ensure_groups(conn: Conn, database: str) -> None:
    for group in GROUPS:
        name = group_role(database, group)
        exists = conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (name,)).fetchone()
        if not exists:
            conn.execute(sql.SQL("CREATE ROLE {} NOLOGIN").format(sql.Identifier(name)))


def migrate(conn: Conn) -> SchemaResult:
    """Bring the connected database up to the latest team schema.

    `conn` is the setup account's (it needs CREATEROLE, and owns the database).
    """
    check_server(conn)
    database = conn.info.dbname
    check_database_name(database)
    migrations = load_migrations()
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (_LOCK_KEY,))
        start = current_version(conn)
    if start > len(migrations):
        raise TeamSchemaTooNew(found=start, known=len(migrations))
    version = start
    for migration in migrations[start:]:
        with conn.transaction():
            conn.execute("SELECT pg_advisory_xact_lock(%s)", (_LOCK_KEY,))
            if current_version(conn) >= migration.version:  # another set-up got there first
                version = migration.version
                continue
            if migration.version == 1:
                _ensure_groups(conn, database)
            conn.execute(render(migration.sql, database).encode("utf-8"))
            conn.execute("INSERT INTO main.schema_migration (version, name) VALUES (%s, %s)",
                         (migration.version, migration.name))
            version = migration.version
    return SchemaResult(start, version)


def centre_id(conn: Conn) -> str:
    row = conn.execute("SELECT centre_id::text FROM main.centre").fetchone()
    if not row:
        raise TeamServerError("The team server's database has no centre in it.")
    return str(row[0])
