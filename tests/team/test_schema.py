"""`storage/team/schema.py`: the team server's own migrations, roles and logins."""

from __future__ import annotations

import psycopg
import pytest

from peerdesk.domain.staff import Role
from peerdesk.storage.team import schema
from peerdesk.storage.team.errors import TeamSchemaTooNew, TeamServerError
from peerdesk.storage.team.fieldcrypt import FieldCipher
from peerdesk.storage.team.staff import (
    create_staff_login,
    deactivate_staff_login,
    scram_verifier,
)


def test_migrations_are_numbered_and_fill_every_placeholder():
    migrations = schema.load_migrations()
    assert [m.version for m in migrations] == list(range(1, len(migrations) + 1))
    for migration in migrations:
        assert "{{" not in schema.render(migration.sql, "centre")


def test_migrate_creates_the_schema_and_group_roles_once(pg_server, team_db):
    with pg_server.connect(team_db, autocommit=True) as conn:
        first = schema.migrate(conn)
        assert (first.from_version, first.to_version) == (0, schema.latest_version())
        again = schema.migrate(conn)
        assert (again.from_version, again.to_version) == (first.to_version, first.to_version)
        groups = {row[0]: row[1] for row in conn.execute(
            "SELECT rolname, rolcanlogin FROM pg_roles WHERE rolname LIKE %s",
            (f"{team_db}\\_%",))}
        assert groups == {f"{team_db}_{g}": False for g in schema.GROUPS}
        tables = {row[0] for row in conn.execute(
            "SELECT schemaname || '.' || tablename FROM pg_tables "
            "WHERE schemaname IN ('main', 'casework')")}
        assert {"casework.peer", "casework.one_to_one_note", "main.staff"} <= tables
        # Every casework table has row-level security, forced on its owner too.
        unprotected = conn.execute(
            "SELECT relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = 'casework' AND c.relkind = 'r' "
            "AND NOT (c.relrowsecurity AND c.relforcerowsecurity)").fetchall()
        assert unprotected == []


def test_a_schema_from_a_newer_peerdesk_is_refused_unchanged(pg_server, team_db):
    with pg_server.connect(team_db, autocommit=True) as conn:
        schema.migrate(conn)
        newer = schema.latest_version() + 1
        conn.execute("INSERT INTO main.schema_migration (version, name) VALUES (%s, %s)",
                     (newer, "9999_from_the_future.sql"))
        before = conn.execute("SELECT count(*) FROM pg_class").fetchone()
        with pytest.raises(TeamSchemaTooNew) as refused:
            schema.migrate(conn)
        assert f"schema version {newer}" in refused.value.user_message
        assert "Update PeerDesk" in refused.value.user_message
        assert conn.execute("SELECT count(*) FROM pg_class").fetchone() == before


def test_a_database_name_peerdesk_cant_name_roles_after_is_refused(pg_server):
    with pg_server.connect(autocommit=True) as conn:
        conn.execute('CREATE DATABASE "Centre-One"')
    try:
        with pg_server.connect("Centre-One", autocommit=True) as conn, \
                pytest.raises(TeamServerError, match="lower-case letters"):
            schema.migrate(conn)
    finally:
        with pg_server.connect(autocommit=True) as conn:
            conn.execute('DROP DATABASE "Centre-One"')


def test_a_staff_login_signs_in_with_scram_and_carries_its_roles(team_centre):
    with team_centre.connect("caseworker") as conn:
        me = conn.execute("SELECT main.current_staff_id(), session_user").fetchone()
        assert me == (team_centre.staff_ids["caseworker"], team_centre.logins["caseworker"])
        groups = {row[0] for row in conn.execute(
            "SELECT b.rolname FROM pg_auth_members m JOIN pg_roles b ON b.oid = m.roleid "
            "JOIN pg_roles u ON u.oid = m.member WHERE u.rolname = session_user")}
        assert groups == {f"{team_centre.database}_caseworker", f"{team_centre.database}_staff"}
    with team_centre.superuser() as conn:
        stored = conn.execute("SELECT rolpassword FROM pg_authid WHERE rolname = %s",
                              (team_centre.logins["lead"],)).fetchone()[0]
        assert stored.startswith("SCRAM-SHA-256$4096:")
        names = [bytes(row[0]) for row in conn.execute("SELECT display_name FROM main.staff")]
        assert not any(b"Staff member" in name for name in names)


def test_a_wrong_password_is_refused_for_a_staff_login(team_centre):
    with pytest.raises(psycopg.OperationalError, match="password authentication failed"):
        team_centre.server.connect(team_centre.database, user=team_centre.logins["lead"],
                                   password="not the password")


def test_only_an_administrator_can_create_logins_and_only_from_a_verifier(team_centre):
    cipher = FieldCipher(team_centre.main_key, compartment="main")
    login = f"{team_centre.database}_s99"
    with team_centre.connect("lead") as conn, \
            pytest.raises(psycopg.errors.InsufficientPrivilege):
        create_staff_login(conn, cipher, login, ["caseworker"], "a long password", "Nobody")
    with team_centre.connect("admin", autocommit=True) as conn:
        staff_id = create_staff_login(conn, cipher, login, ["caseworker", "peer_supporter"],
                                      "a long password", "New Person")
        assert staff_id > 0
        sealed = cipher.seal("staff", "display_name", f"{team_centre.database}_s98", "Someone")
        # A plain password is refused: it would sit in the server's statement log.
        with pytest.raises(psycopg.errors.InvalidParameterValue, match="verifier"):
            conn.execute("SELECT main.create_staff_login(%s, %s, %s, %s)",
                         (f"{team_centre.database}_s98", ["caseworker"], "plain password",
                          sealed))
        # So is a login that isn't this centre's, and a role PeerDesk doesn't have.
        with pytest.raises(psycopg.errors.InvalidParameterValue):
            conn.execute("SELECT main.create_staff_login(%s, %s, %s, %s)",
                         ("postgres2", ["caseworker"], scram_verifier("pw"), sealed))
        with pytest.raises(psycopg.errors.InvalidParameterValue, match="unknown PeerDesk role"):
            conn.execute("SELECT main.create_staff_login(%s, %s, %s, %s)",
                         (f"{team_centre.database}_s98", ["superuser"], scram_verifier("pw"),
                          sealed))
    with team_centre.server.connect(team_centre.database, user=login,
                                    password="a long password") as conn:
        assert conn.execute("SELECT main.current_staff_id()").fetchone() == (staff_id,)


def test_two_set_ups_at_once_apply_each_migration_once(pg_server, team_db):
    import threading

    results, errors = [], []
    start = threading.Barrier(2)

    def set_up() -> None:
        try:
            with pg_server.connect(team_db, autocommit=True) as conn:
                start.wait()
                results.append(schema.migrate(conn))
        except Exception as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=set_up) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert errors == []
    assert sorted(r.to_version for r in results) == [schema.latest_version()] * 2
    with pg_server.connect(team_db) as conn:
        applied = conn.execute("SELECT version FROM main.schema_migration ORDER BY 1").fetchall()
        assert applied == [(v,) for v in range(1, schema.latest_version() + 1)]
        assert conn.execute("SELECT count(*) FROM main.centre").fetchone() == (1,)


@pytest.mark.parametrize("role", list(Role))
def test_every_peerdesk_role_has_its_group_on_the_server(team_centre, role):
    login = f"{team_centre.database}_s{50 + list(Role).index(role)}"
    with team_centre.superuser(autocommit=True) as conn:
        create_staff_login(conn, FieldCipher(team_centre.main_key, compartment="main"), login,
                           [role], "pw of the role", "Someone")
        groups = {row[0] for row in conn.execute(
            "SELECT b.rolname FROM pg_auth_members m JOIN pg_roles b ON b.oid = m.roleid "
            "JOIN pg_roles u ON u.oid = m.member WHERE u.rolname = %s", (login,))}
    assert groups == {f"{team_centre.database}_{role.value}", f"{team_centre.database}_staff"}


def test_a_deactivated_login_signs_in_no_more_and_sees_nothing_on_an_open_connection(
        team_centre):
    import uuid
    from datetime import date

    from peerdesk.storage.team.casework import TeamCasework, TeamPeer

    cipher = FieldCipher(team_centre.casework_key, compartment="casework")
    with team_centre.connect("lead", autocommit=True) as conn:
        TeamCasework(conn, cipher).add_peer(TeamPeer(uuid.uuid4(), 1, "Someone",
                                                     date(2026, 1, 1), "phone"))
    with team_centre.connect("caseworker", autocommit=True) as open_one:
        assert open_one.execute("SELECT count(*) FROM casework.peer").fetchone() == (1,)
        with team_centre.connect("admin", autocommit=True) as admin:
            deactivate_staff_login(admin, team_centre.logins["caseworker"])
        assert open_one.execute("SELECT count(*) FROM casework.peer").fetchone() == (0,)
    with pytest.raises(psycopg.OperationalError, match="not permitted to log in"):
        team_centre.connect("caseworker")
    with team_centre.connect("lead") as conn, \
            pytest.raises(psycopg.errors.InsufficientPrivilege):
        deactivate_staff_login(conn, team_centre.logins["supporter"])
