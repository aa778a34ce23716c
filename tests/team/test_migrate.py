"""`peerdesk team migrate VAULT --connection FILE`: the small demo vault moved onto a
real server, verified, the vault untouched; and each refusal, said in one line."""

from __future__ import annotations

import hashlib
import itertools
import os

import psycopg
import pytest

from peerdesk.app import cli
from peerdesk.services.demo import DEMO_LEAD, DEMO_PASSWORD
from peerdesk.storage.team.connection import ConnectionFile, connect
from peerdesk.storage.team.move import MoveInterrupted, ServerNotEmpty, move_vault
from peerdesk.storage.team.tables import TABLES
from peerdesk.storage.team.vault_source import open_read_only

SETUP = "move_setup"
SETUP_PASSWORD = "move setup pw"
_numbers = itertools.count(1)


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = cli.main(["--debug", *args] if os.environ.get("TM_DEBUG") else list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def one_line(err: str) -> str:
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    return lines[0]


def vault_files_digest(paths) -> dict[str, str]:
    return {path.name: hashlib.sha256(path.read_bytes()).hexdigest()
            for path in (paths.database, paths.casework, paths.keys)}


@pytest.fixture
def team(pg_server, tmp_path, monkeypatch, capsys):
    """An empty team database owned by a setup account that is not a superuser
    (as on a managed server), set up with `team init`; its connection file."""
    database = f"move{next(_numbers)}"
    with pg_server.connect(autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (SETUP,)).fetchone():
            conn.execute(f"CREATE ROLE {SETUP} LOGIN CREATEROLE PASSWORD '{SETUP_PASSWORD}'")
        conn.execute(f'CREATE DATABASE "{database}" OWNER {SETUP}')
    monkeypatch.setenv("PEERDESK_SERVER_PASSWORD", SETUP_PASSWORD)
    monkeypatch.setenv("PEERDESK_PASSWORD", DEMO_PASSWORD)
    file = tmp_path / "centre.peerdesk-team"
    code, _, err = run(capsys, "team", "init", "--connection", str(file), "--setup-user", SETUP,
                       "--host", str(pg_server.socket_dir), "--port", str(pg_server.port),
                       "--database", database)
    assert (code, err) == (0, "")
    yield database, file
    with pg_server.connect(autocommit=True) as conn:
        conn.execute(f'DROP DATABASE "{database}" WITH (FORCE)')


def migrate_args(vault, file, user: str = DEMO_LEAD) -> list[str]:
    return ["team", "migrate", str(vault.database), "--connection", str(file), "--user", user,
            "--setup-user", SETUP]


def vault_counts(paths) -> dict[str, int]:
    with open_read_only(paths, DEMO_LEAD, DEMO_PASSWORD) as source:
        found = {}
        for table in TABLES:
            where = f" WHERE {table.where}" if table.where else ""
            found[table.qualified] = int(source.scalar(
                f'SELECT count(*) FROM {table.schema}."{table.source}"{where}'))
        return found


def server_counts(pg_server, database) -> dict[str, int]:
    with pg_server.connect(database) as conn:
        return {table.qualified: conn.execute(
            f"SELECT count(*) FROM {table.qualified}").fetchone()[0] for table in TABLES}


def test_migrate_moves_the_demo_vault_verified_and_leaves_the_vault_untouched(
        capsys, pg_server, team, demo_vault):
    database, file = team
    before = vault_files_digest(demo_vault)
    expected = vault_counts(demo_vault)
    code, out, err = run(capsys, *migrate_args(demo_vault, file))
    assert (code, err) == (0, ""), err
    assert "content hash match the vault" in out and "The vault is unchanged" in out
    assert vault_files_digest(demo_vault) == before
    assert not demo_vault.database.with_name(demo_vault.database.name + "-wal").exists()
    # The audit chain moved in, then the move's own event and the mover's login's.
    expected["main.audit_event"] += 2
    assert server_counts(pg_server, database) == expected
    assert expected["casework.peer"] == 300 and expected["casework.attendance"] > 10000
    # Courses given in modules go across too, and completions written from them.
    for table in ("main.course_module", "main.module_competency", "main.module_completion"):
        assert expected[table] > 0, table
    with open_read_only(demo_vault, DEMO_LEAD, DEMO_PASSWORD) as source:
        from_modules = int(source.scalar(
            "SELECT count(*) FROM main.training_completion WHERE from_modules = 1"))
    assert from_modules > 0
    with pg_server.connect(database) as conn:
        assert conn.execute("SELECT count(*) FROM main.training_completion WHERE from_modules"
                            ).fetchone()[0] == from_modules
    for table in TABLES:
        assert f"{table.qualified} " in out
    with pg_server.connect(database) as conn:
        # Row security is forced on the owner again once the move is committed.
        unforced = conn.execute(
            "SELECT n.nspname || '.' || c.relname FROM pg_class c JOIN pg_namespace n "
            "ON n.oid = c.relnamespace WHERE n.nspname IN ('main', 'casework') "
            "AND c.relkind = 'r' AND NOT c.relforcerowsecurity "
            "AND c.relname NOT IN ('schema_migration', 'centre', 'staff')").fetchall()
        assert unforced == []
        # New rows made on the server get ids past the copied ones.
        next_staff = conn.execute("SELECT nextval(pg_get_serial_sequence('main.staff', 'id'))"
                                  ).fetchone()[0]
        assert next_staff > conn.execute("SELECT max(id) FROM main.staff").fetchone()[0]
        # The next peer added on the team is numbered after the highest moved in
        # (team migration 14's sequence, moved on past the vault's).
        highest, next_ref = conn.execute(
            "SELECT (SELECT max(ref_number) FROM casework.peer), "
            "nextval('casework.peer_ref_number_seq')").fetchone()
        assert (highest, next_ref) == (300, 301)
        # Every table moved in is settled once the move is committed (vacuumed and
        # analysed: statistics and a visibility map for the report's index-only reads).
        settled = dict(conn.execute(
            "SELECT schemaname || '.' || relname, last_vacuum IS NOT NULL "
            "AND last_analyze IS NOT NULL FROM pg_stat_user_tables").fetchall())
        assert {t.qualified for t in TABLES if not settled.get(t.qualified)} == set()


def test_a_server_that_already_holds_a_centre_is_refused_unchanged(capsys, pg_server, team,
                                                                   demo_vault):
    database, file = team
    assert run(capsys, *migrate_args(demo_vault, file))[0] == 0
    counts = server_counts(pg_server, database)
    code, out, err = run(capsys, *migrate_args(demo_vault, file))
    assert code != 0 and out == ""
    assert "already holds a centre's records" in one_line(err)
    assert server_counts(pg_server, database) == counts


def test_a_connection_file_for_another_centre_is_refused(capsys, pg_server, team, demo_vault):
    database, file = team
    other = ConnectionFile.load(file)
    from dataclasses import replace

    replace(other, centre_id="00000000-0000-4000-8000-000000000000").save(file)
    code, _, err = run(capsys, *migrate_args(demo_vault, file))
    assert code != 0 and "another centre" in one_line(err)
    assert sum(server_counts(pg_server, database).values()) == 0


def test_a_wrong_password_or_an_account_without_the_casework_key_is_refused(
        capsys, monkeypatch, pg_server, team, demo_vault):
    database, file = team
    before = vault_files_digest(demo_vault)
    monkeypatch.setenv("PEERDESK_PASSWORD", "not the password")
    code, _, err = run(capsys, *migrate_args(demo_vault, file))
    assert code != 0 and "don't match" in one_line(err)
    monkeypatch.setenv("PEERDESK_PASSWORD", DEMO_PASSWORD)
    code, _, err = run(capsys, *migrate_args(demo_vault, file, user="Admin Demo"))
    assert code != 0 and "programme lead" in one_line(err)
    code, _, err = run(capsys, *migrate_args(demo_vault, file, user="Priya Raman"))
    assert code != 0 and "programme lead" in one_line(err)
    assert vault_files_digest(demo_vault) == before
    assert sum(server_counts(pg_server, database).values()) == 0


def test_a_vault_from_a_newer_peerdesk_is_refused(capsys, pg_server, team, demo_vault):
    from peerdesk.storage.migrations import latest_version
    from peerdesk.storage.vault import LockedVault

    locked = LockedVault.open(demo_vault)
    vault = locked.unlock(DEMO_LEAD, DEMO_PASSWORD)
    vault.db.execute(f"PRAGMA user_version = {latest_version() + 1}")
    vault.close()
    locked.release()
    database, file = team
    code, _, err = run(capsys, *migrate_args(demo_vault, file))
    assert code != 0 and "newer version of PeerDesk" in one_line(err)
    assert sum(server_counts(pg_server, database).values()) == 0


def test_a_connection_dropped_mid_copy_keeps_nothing_on_the_server(pg_server, team, demo_vault):
    database, file = team
    info = ConnectionFile.load(file)
    with open_read_only(demo_vault, DEMO_LEAD, DEMO_PASSWORD) as source, \
            connect(info, SETUP, SETUP_PASSWORD, autocommit=True) as conn:
        pid = conn.info.backend_pid

        def cut(table: str, number: int, total: int) -> None:
            if table == "casework.attendance":  # well into the copy
                with pg_server.connect(autocommit=True) as admin:
                    admin.execute("SELECT pg_terminate_backend(%s)", (pid,))

        with pytest.raises(MoveInterrupted, match="none of it was kept"):
            move_vault(conn, source, progress=cut)
    assert sum(server_counts(pg_server, database).values()) == 0
    with pg_server.connect(database) as conn:
        assert conn.execute("SELECT bool_and(relforcerowsecurity) FROM pg_class c JOIN "
                            "pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = "
                            "'casework' AND c.relkind = 'r'").fetchone() == (True,)
    # And the move, run again, goes through.
    with open_read_only(demo_vault, DEMO_LEAD, DEMO_PASSWORD) as source, \
            connect(info, SETUP, SETUP_PASSWORD, autocommit=True) as conn:
        result = move_vault(conn, source)
        # Every row of the vault, and the move's own event on the audit chain.
        assert result.rows + 1 == sum(server_counts(pg_server, database).values())
        with pytest.raises(ServerNotEmpty):
            move_vault(conn, source)


def test_the_setup_account_sees_no_rows_after_the_move(pg_server, team, demo_vault, capsys):
    """The lift of forced row security lived only inside the move's transaction."""
    database, file = team
    assert run(capsys, *migrate_args(demo_vault, file))[0] == 0
    with pg_server.connect(database, user=SETUP, password=SETUP_PASSWORD) as conn:
        assert conn.execute("SELECT count(*) FROM casework.peer").fetchone() == (0,)
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("INSERT INTO casework.region (name) VALUES ('x')")
    assert os.environ["PEERDESK_PASSWORD"] == DEMO_PASSWORD
