"""`peerdesk team init --connection FILE`, run as a person would, against a real server."""

from __future__ import annotations

import json

import psycopg
import pytest

from peerdesk.app import cli
from peerdesk.app.exit_codes import EXIT_FAILED, EXIT_USAGE
from peerdesk.storage.team import schema
from peerdesk.storage.team.connection import ConnectionFile


@pytest.fixture
def as_setup(monkeypatch, pg_server):
    monkeypatch.setenv("PEERDESK_SERVER_PASSWORD", pg_server.password)


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = cli.main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def one_line(err: str) -> str:
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    return lines[0]


def init_args(pg_server, database, file) -> list[str]:
    return ["team", "init", "--connection", str(file), "--setup-user", pg_server.superuser,
            "--host", str(pg_server.socket_dir), "--port", str(pg_server.port),
            "--database", database]


def test_init_creates_the_schema_and_writes_the_connection_file(capsys, as_setup, pg_server,
                                                                 team_db, tmp_path):
    file = tmp_path / "centre.peerdesk-team"
    code, out, err = run(capsys, *init_args(pg_server, team_db, file))
    assert (code, err) == (0, "")
    assert f"team schema created (version {schema.latest_version()})" in out
    written = json.loads(file.read_text())
    assert written["format"] == "peerdesk-team-connection"
    assert (written["host"], written["port"], written["database"]) == (
        str(pg_server.socket_dir), pg_server.port, team_db)
    with pg_server.connect(team_db) as conn:
        assert written["centre_id"] == schema.centre_id(conn)
        assert schema.current_version(conn) == schema.latest_version()
    assert ConnectionFile.load(file).centre_id == written["centre_id"]


def test_init_again_changes_nothing(capsys, as_setup, pg_server, team_db, tmp_path):
    file = tmp_path / "team.json"
    assert run(capsys, *init_args(pg_server, team_db, file))[0] == 0
    first = file.read_text()
    with pg_server.connect(team_db) as conn:
        objects = conn.execute("SELECT count(*) FROM pg_class").fetchone()
    # From the file alone, as it would be run later.
    code, out, err = run(capsys, "team", "init", "--connection", str(file), "--setup-user",
                         pg_server.superuser)
    assert (code, err) == (0, "")
    assert "already up to date" in out
    assert file.read_text() == first
    with pg_server.connect(team_db) as conn:
        assert conn.execute("SELECT count(*) FROM pg_class").fetchone() == objects


def test_init_refuses_a_newer_schema_with_a_clear_message(capsys, as_setup, pg_server, team_db,
                                                           tmp_path):
    file = tmp_path / "team.json"
    assert run(capsys, *init_args(pg_server, team_db, file))[0] == 0
    with pg_server.connect(team_db, autocommit=True) as conn:
        conn.execute("INSERT INTO main.schema_migration (version, name) VALUES (99, 'x.sql')")
    code, _, err = run(capsys, "team", "init", "--connection", str(file), "--setup-user",
                       pg_server.superuser)
    assert code == EXIT_FAILED
    assert one_line(err) == (
        "peerdesk: The team server's records were set up by a newer PeerDesk (schema version "
        f"99; this PeerDesk knows up to {schema.latest_version()}). Update PeerDesk on this "
        "PC; nothing was changed on the server.")


def test_a_connection_file_for_another_centre_is_refused(capsys, as_setup, pg_server, team_db,
                                                         tmp_path):
    file = tmp_path / "team.json"
    assert run(capsys, *init_args(pg_server, team_db, file))[0] == 0
    body = json.loads(file.read_text())
    body["centre_id"] = "00000000-0000-4000-8000-000000000000"
    file.write_text(json.dumps(body))
    code, _, err = run(capsys, "team", "init", "--connection", str(file), "--setup-user",
                       pg_server.superuser)
    assert code == EXIT_FAILED
    assert "for another centre's team" in one_line(err)


@pytest.mark.parametrize(("content", "words"), [
    (None, "There is no team connection file at"),
    ("not json at all", "is not a PeerDesk team connection file"),
    ('{"format": "something-else"}', "is not a PeerDesk team connection file"),
    ('{"format": "peerdesk-team-connection", "version": 1, "host": "db.example.org"}',
     "needs a host, a port and a database"),
    ('{"format": "peerdesk-team-connection", "version": 1, "host": "db.example.org", '
     '"port": 5432, "database": "centre", "sslmode": "prefer"}', "only with verify-full"),
    ('{"format": "peerdesk-team-connection", "version": 1, "host": "db.example.org", '
     '"port": 5432, "database": "centre"}', "has no CA certificate for the server"),
    ('{"format": "peerdesk-team-connection", "version": 7}', "written by a newer PeerDesk"),
])
def test_a_wrong_connection_file_gives_one_clear_line(capsys, as_setup, tmp_path, content,
                                                      words):
    file = tmp_path / "team.json"
    if content is not None:
        file.write_text(content)
    code, out, err = run(capsys, "team", "init", "--connection", str(file), "--setup-user", "x")
    assert code == EXIT_FAILED
    assert words in one_line(err)
    assert out == ""


def test_a_server_that_is_not_there_or_a_wrong_password_is_said_plainly(
        capsys, monkeypatch, pg_server, team_db, tmp_path):
    monkeypatch.setenv("PEERDESK_SERVER_PASSWORD", "not the password")
    code, _, err = run(capsys, *init_args(pg_server, team_db, tmp_path / "a.json"))
    assert code == EXIT_FAILED
    assert "refused the sign-in for peerdesk_super: the name or password is wrong" in \
        one_line(err)
    monkeypatch.setenv("PEERDESK_SERVER_PASSWORD", pg_server.password)
    nowhere = tmp_path / "no-server-here"
    nowhere.mkdir()
    args = init_args(pg_server, team_db, tmp_path / "b.json")
    args[args.index("--host") + 1] = str(nowhere)
    code, _, err = run(capsys, *args)
    assert code == EXIT_FAILED
    assert "could not reach the team server" in one_line(err)
    code, _, err = run(capsys, *init_args(pg_server, "no_such_db", tmp_path / "c.json"))
    assert code == EXIT_FAILED
    assert "has no database no_such_db" in one_line(err)
    assert not (tmp_path / "a.json").exists() and not (tmp_path / "c.json").exists()


@pytest.mark.parametrize(("extra", "words"), [
    (["--host", "db.example.org", "--database", "centre"], "--ca-file PEM"),
    (["--host", "db.example.org"], "--database NAME"),
    (["--database", "centre"], "go with --host"),
])
def test_options_that_dont_fit_together_are_usage_errors(capsys, as_setup, tmp_path, extra,
                                                         words):
    code, _, err = run(capsys, "team", "init", "--connection", str(tmp_path / "t.json"),
                       "--setup-user", "x", *extra)
    assert code == EXIT_USAGE
    assert words in one_line(err)


def test_init_works_for_a_setup_account_that_is_not_a_superuser(capsys, monkeypatch, pg_server,
                                                                 tmp_path):
    """As on a managed server: an account that owns the database and may create
    roles, nothing more. The logins it makes work, and row security holds for it."""
    with pg_server.connect(autocommit=True) as conn:
        conn.execute("CREATE ROLE managed_setup LOGIN CREATEROLE PASSWORD 'setup pw'")
        conn.execute("CREATE DATABASE managed OWNER managed_setup")
    try:
        monkeypatch.setenv("PEERDESK_SERVER_PASSWORD", "setup pw")
        args = init_args(pg_server, "managed", tmp_path / "m.json")
        args[args.index("--setup-user") + 1] = "managed_setup"
        code, out, err = run(capsys, *args)
        assert "team schema created" in out
        assert (code, err) == (0, ""), err
        from peerdesk.storage.team.fieldcrypt import FieldCipher
        from peerdesk.storage.team.staff import create_staff_login

        with pg_server.connect("managed", user="managed_setup", password="setup pw",
                               autocommit=True) as conn:
            create_staff_login(conn, FieldCipher(bytes(32), compartment="main"), "managed_s1",
                               ["caseworker"], "worker pw", "A Worker")
            # Row security is forced on the tables' owner: it writes no casework either.
            with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level"):
                conn.execute("INSERT INTO casework.peer (id, ref_number, preferred_name, "
                             "full_name, gender_description, closed_reason, contact_route, "
                             "first_contact) SELECT gen_random_uuid(), 1, s, s, s, s, 'phone', "
                             "'2026-01-01' FROM (SELECT display_name AS s FROM main.staff) x")
        with pg_server.connect("managed", user="managed_s1", password="worker pw") as conn:
            assert conn.execute("SELECT main.current_staff_id()").fetchone() == (1,)
            assert conn.execute("SELECT count(*) FROM casework.peer").fetchone() == (0,)
    finally:
        with pg_server.connect(autocommit=True) as conn:
            conn.execute("DROP DATABASE IF EXISTS managed WITH (FORCE)")


def test_a_file_for_a_centre_on_an_empty_database_is_refused_unchanged(capsys, as_setup,
                                                                       pg_server, team_db,
                                                                       tmp_path):
    file = tmp_path / "team.json"
    ConnectionFile(host=str(pg_server.socket_dir), port=pg_server.port, database=team_db,
                   centre_id="00000000-0000-4000-8000-000000000000").save(file)
    code, _, err = run(capsys, "team", "init", "--connection", str(file), "--setup-user",
                       pg_server.superuser)
    assert code == EXIT_FAILED
    assert "for another centre's team" in one_line(err)
    with pg_server.connect(team_db) as conn:
        assert schema.current_version(conn) == 0


def test_without_the_driver_the_command_says_how_to_add_it(capsys, monkeypatch, tmp_path):
    import sys

    monkeypatch.setitem(sys.modules, "psycopg", None)  # as if not installed
    code, _, err = run(capsys, "team", "init", "--connection", str(tmp_path / "t.json"),
                       "--setup-user", "x")
    assert code == EXIT_FAILED
    assert "pip install 'peerdesk[team]'" in one_line(err)


def test_init_makes_the_first_administrator_who_can_sign_in(capsys, as_setup, monkeypatch,
                                                            pg_server, team_db, tmp_path):
    from peerdesk.services import team
    from peerdesk.storage.team.people import TeamHasPeople

    file = tmp_path / "centre.peerdesk-team"
    monkeypatch.setenv("PEERDESK_PASSWORD", "first admin's own pw")
    code, out, err = run(capsys, *init_args(pg_server, team_db, file),
                         "--admin-name", "Ana Admin")
    assert (code, err) == (0, ""), err
    assert "first administrator made" in out and "Ana" not in out
    info = ConnectionFile.load(file)
    # Signed in with the name and password, as a PC that joins does: an
    # administrator holding the main key and no casework key.
    desk = team.join(team.TeamPlace(tmp_path / "config", tmp_path / "data"), file,
                     "ana admin", "first admin's own pw")
    try:
        assert [r.value for r in desk.roles] == ["admin"]
        assert "main" in desk.keys.keys and "casework" not in desk.keys.keys
    finally:
        desk.close()
    with pg_server.connect(team_db) as conn:
        (login, must_change), = conn.execute(
            "SELECT login_name, must_change_password FROM main.staff").fetchall()
        assert login.startswith(f"{team_db}_p") and "ana" not in login and not must_change
        # The chain begins with the team's making, as the administrator made.
        events = conn.execute("SELECT id, actor_id, action, target_kind, target_id, "
                              "prev_hash FROM main.audit_event ORDER BY id").fetchall()
        staff_id = conn.execute("SELECT id FROM main.staff").fetchone()[0]
    assert [e[:5] for e in events] == [(1, staff_id, "team_created", "staff", str(staff_id))]
    assert bytes(events[0][5]) == bytes(32)
    assert info.centre_id
    # Again: the team has people, so no second first administrator.
    code, out, err = run(capsys, *init_args(pg_server, team_db, file),
                         "--admin-name", "Bo Admin")
    assert code == EXIT_FAILED
    assert one_line(err).endswith(TeamHasPeople.default_message)
    code, out, err = run(capsys, *init_args(pg_server, team_db, file))
    assert (code, err) == (0, "") and "already up to date" in out
    with pg_server.connect(team_db) as conn:
        assert conn.execute("SELECT count(*) FROM main.staff").fetchone() == (1,)
        assert conn.execute("SELECT count(*) FROM main.audit_event").fetchone() == (1,)
    desk = team.sign_in(team.TeamPlace(tmp_path / "config", tmp_path / "data"), "Ana Admin",
                        "first admin's own pw", info=info)
    try:
        report = desk.check_audit()  # opened with the main key the administrator holds
    finally:
        desk.close()
    assert report.events == 1
    assert set(report.problems) <= {
        "the record of where the audit log's signatures begin is missing or was not signed "
        "by the vault's authority", "audit event 1 is not signed"}


@pytest.mark.parametrize(("password", "words"), [
    ("short", "at least 10 characters"), ("   ", "at least")])
def test_init_refuses_a_weak_first_password_and_makes_nobody(capsys, as_setup, monkeypatch,
                                                             pg_server, team_db, tmp_path,
                                                             password, words):
    monkeypatch.setenv("PEERDESK_PASSWORD", password)
    code, _, err = run(capsys, *init_args(pg_server, team_db, tmp_path / "t.json"),
                       "--admin-name", "Ana Admin")
    assert code == EXIT_FAILED
    assert words in one_line(err)
    with pg_server.connect(team_db) as conn:  # checked before anything was changed
        assert schema.current_version(conn) == 0


def test_init_without_a_name_and_no_terminal_makes_no_administrator(capsys, as_setup,
                                                                     pg_server, team_db,
                                                                     tmp_path):
    code, out, err = run(capsys, *init_args(pg_server, team_db, tmp_path / "t.json"))
    assert (code, err) == (0, "")
    assert "no first administrator made" in out
