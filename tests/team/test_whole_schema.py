"""Team migration 2: every vault table has its place on the server, as
storage/team/tables.py describes it (the copy and its check read that list)."""

from __future__ import annotations

import pytest

from peerdesk.services.demo import DEMO_LEAD, DEMO_PASSWORD
from peerdesk.storage.export_source import list_tables
from peerdesk.storage.team import schema
from peerdesk.storage.team.tables import (
    BOOL,
    BYTES,
    DATE,
    INT,
    LEFT_OUT,
    ROLES,
    SEALED,
    TABLES,
    TEXT,
    TS,
    UUID,
    sealed_columns,
)
from peerdesk.storage.vault import LockedVault

# What information_schema says each kind of column is.
SERVER_TYPE = {INT: {"integer", "bigint"}, TEXT: {"text"}, DATE: {"date"},
               TS: {"timestamp with time zone"}, BOOL: {"boolean"}, BYTES: {"bytea"},
               UUID: {"uuid"}, SEALED: {"bytea"}, ROLES: {"ARRAY"}}
# The server's own bookkeeping, not copied from a vault.
SERVER_ONLY = {"main.schema_migration", "main.centre",
               # Team migration 3: each person's key slot and their sealed keys,
               # made on the server for team sign-in, never copied from a vault.
               "main.team_slot", "main.team_sealed_key",
               # What each PC's search cache must drop (ids only): the server's own.
               "casework.cache_drop", "casework.cache_drop_pruned",
               # Rotation on revocation: casework key changes owed or under way.
               "main.team_rotation",
               # Whether a centre's first casework key was made (on the server).
               "main.casework_key_made",
               # Where signing of the team's own audit events began.
               "main.team_audit_signing"}
# Team migration 3's row versions (concurrent edits) and the search cache's
# change markers: the server's own.
SERVER_ONLY_COLUMNS = {"row_version", "changed_xid"}


@pytest.fixture
def catalogue(pg_server, team_db):
    with pg_server.connect(team_db, autocommit=True) as conn:
        schema.migrate(conn)
        rows = conn.execute(
            "SELECT table_schema || '.' || table_name, column_name, data_type, "
            "coalesce(domain_name, '') FROM information_schema.columns "
            "WHERE table_schema IN ('main', 'casework')").fetchall()
    found: dict[str, dict[str, tuple[str, str]]] = {}
    for table, column, data_type, domain in rows:
        found.setdefault(table, {})[column] = (data_type, domain)
    return found


def test_every_server_table_is_described_and_every_description_is_on_the_server(catalogue):
    assert set(catalogue) - SERVER_ONLY == {t.qualified for t in TABLES}
    for table in TABLES:
        on_server = catalogue[table.qualified]
        assert set(on_server) - SERVER_ONLY_COLUMNS == {c.name for c in table.columns}, \
            table.qualified
        for column in table.columns:
            data_type, domain = on_server[column.name]
            assert data_type in SERVER_TYPE[column.kind], (table.qualified, column.name)
            assert (domain == "sealed") == (column.kind == SEALED), (table.qualified,
                                                                     column.name)


def test_every_vault_table_and_column_is_copied_or_left_out_with_a_reason(demo_vault):
    described: dict[str, set[str]] = {}
    for table in TABLES:
        source = f"{table.schema}.{table.source}"
        described.setdefault(source, set()).update(c.vault_column for c in table.columns)
    locked = LockedVault.open(demo_vault)
    try:
        vault = locked.unlock(DEMO_LEAD, DEMO_PASSWORD)
        try:
            found = {f"{schema_name}.{t.name}": set(t.column_names)
                     for schema_name in ("main", "casework")
                     for t in list_tables(vault.db, schema_name)}
        finally:
            vault.close()
    finally:
        locked.release()
    assert "casework.peer" in found
    missing = []
    for name, columns in found.items():
        if name in LEFT_OUT:
            continue
        if name not in described:
            missing.append(name)
            continue
        missing += [f"{name}.{c}" for c in columns - described[name]
                    if f"{name}.{c}" not in LEFT_OUT]
    assert missing == []


def test_the_sealed_columns_are_the_identifying_and_free_text_ones():
    sealed = sealed_columns()
    for must in [("peer", "preferred_name"), ("peer", "full_name"), ("staff", "display_name"),
                 ("supporter", "preferred_name"), ("known_caller", "nickname"),
                 ("contact_note", "notes"), ("callback_reach", "reach"),
                 ("callback_reach", "code_word"), ("quote", "words"), ("feedback", "comments"),
                 ("consultation", "said"), ("meeting", "notes"), ("draft", "payload"),
                 ("audit_event", "detail"), ("role_grant", "name_key"),
                 ("referral", "destination_name"), ("mentoring_pair", "goals")]:
        assert must in sealed
    # Codes, dates and counts stay plain for reports.
    for plain in [("one_to_one", "held_on"), ("attendance", "mark"), ("rating", "scores"),
                  ("anonymous_contact", "channel"), ("meeting", "anonymous_count")]:
        assert plain not in sealed
