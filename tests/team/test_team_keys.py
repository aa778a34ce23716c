"""Keys for the team: compartment keys sealed to each person's slot on the
server, opened with their password on any PC (issue 18, "Keys for the team")."""

from __future__ import annotations

import json
import secrets

import psycopg
import pytest

from peerdesk.domain.staff import Compartment, Role
from peerdesk.storage.team import keys as team_keys
from peerdesk.storage.team.staff import deactivate_staff_login, login_name


@pytest.fixture
def centre(pg_server, team_db):
    """A migrated centre with its first administrator and programme lead, set up
    by the setup account (which holds both keys at the start, as `team init`)."""
    from peerdesk.storage.team import schema

    made = {"main": secrets.token_bytes(32), "casework": secrets.token_bytes(32),
            "logins": {}, "passwords": {}, "ids": {}}
    with pg_server.connect(team_db, autocommit=True) as conn:
        schema.migrate(conn)
        for number, (who, role) in enumerate((("admin", Role.ADMIN),
                                               ("lead", Role.PROGRAMME_LEAD)), start=1):
            login, password = login_name(team_db, number), secrets.token_urlsafe(10)
            made["ids"][who] = team_keys.create_person(
                conn, login=login, roles=[role], password=password, display_name=who,
                main_key=made["main"], casework_key=made["casework"])
            made["logins"][who], made["passwords"][who] = login, password
    return made


def _connect(pg_server, team_db, centre, who):
    return pg_server.connect(team_db, user=centre["logins"][who],
                             password=centre["passwords"][who], autocommit=True)


def _add(pg_server, team_db, centre, who, role, number):
    """An administrator adds a person: they hold main, casework is owed."""
    login, password = login_name(team_db, number), secrets.token_urlsafe(10)
    with _connect(pg_server, team_db, centre, "admin") as conn:
        admin = team_keys.open_keys(conn, centre["passwords"]["admin"])
        centre["ids"][who] = team_keys.create_person(
            conn, login=login, roles=[role], password=password, display_name=who,
            main_key=admin.key(Compartment.MAIN), sealed_by=admin.staff_id)
    centre["logins"][who], centre["passwords"][who] = login, password


def test_each_role_gets_exactly_its_compartments_on_any_connection(pg_server, team_db, centre):
    with _connect(pg_server, team_db, centre, "lead") as conn:
        lead = team_keys.open_keys(conn, centre["passwords"]["lead"])
    assert lead.key(Compartment.MAIN) == centre["main"]
    assert lead.key(Compartment.CASEWORK) == centre["casework"]
    with _connect(pg_server, team_db, centre, "admin") as conn:
        admin = team_keys.open_keys(conn, centre["passwords"]["admin"])
    assert admin.key(Compartment.MAIN) == centre["main"]
    assert not admin.holds(Compartment.CASEWORK)


def test_a_person_added_by_an_administrator_gets_casework_from_the_next_holder(
        pg_server, team_db, centre):
    _add(pg_server, team_db, centre, "caseworker", Role.CASEWORKER, 3)
    _add(pg_server, team_db, centre, "second_admin", Role.ADMIN, 4)
    with _connect(pg_server, team_db, centre, "caseworker") as conn:
        before = team_keys.open_keys(conn, centre["passwords"]["caseworker"])
    assert before.holds(Compartment.MAIN) and not before.holds(Compartment.CASEWORK)
    with _connect(pg_server, team_db, centre, "lead") as conn:
        lead = team_keys.open_keys(conn, centre["passwords"]["lead"])
        # The caseworker only: an administrator is never given casework.
        assert team_keys.settle_casework(conn, lead) == 1
        assert team_keys.settle_casework(conn, lead) == 0
    with _connect(pg_server, team_db, centre, "caseworker") as conn:
        after = team_keys.open_keys(conn, centre["passwords"]["caseworker"])
    assert after.key(Compartment.CASEWORK) == centre["casework"]
    with _connect(pg_server, team_db, centre, "second_admin") as conn:
        assert not team_keys.open_keys(conn, centre["passwords"]["second_admin"]).holds(
            Compartment.CASEWORK)


def test_the_server_refuses_casework_sealed_to_an_administrator(pg_server, team_db, centre):
    _add(pg_server, team_db, centre, "second_admin", Role.ADMIN, 3)
    with _connect(pg_server, team_db, centre, "lead") as conn, \
            pytest.raises(psycopg.errors.InsufficientPrivilege):
        conn.execute("INSERT INTO main.team_sealed_key (staff_id, what, generation, entry, "
                     "sealed_by) VALUES (%s, 'casework', 2, '{}', %s)",
                     (centre["ids"]["second_admin"], centre["ids"]["lead"]))
    # Nor may an administrator seal casework to anyone.
    with _connect(pg_server, team_db, centre, "admin") as conn, \
            pytest.raises(psycopg.errors.InsufficientPrivilege):
        conn.execute("INSERT INTO main.team_sealed_key (staff_id, what, generation, entry, "
                     "sealed_by) VALUES (%s, 'casework', 2, '{}', %s)",
                     (centre["ids"]["lead"], centre["ids"]["admin"]))


def test_a_person_reads_only_their_own_slot(pg_server, team_db, centre):
    with _connect(pg_server, team_db, centre, "lead") as conn:
        slots = conn.execute("SELECT staff_id FROM main.team_slot").fetchall()
        keys = conn.execute("SELECT DISTINCT staff_id FROM main.team_sealed_key").fetchall()
        directory = conn.execute("SELECT staff_id, slot FROM main.team_slot_directory() "
                                 "ORDER BY staff_id").fetchall()
    assert slots == keys == [(centre["ids"]["lead"],)]
    # The directory gives colleagues' public keys, never their wrapped private key.
    assert [row[0] for row in directory] == sorted(centre["ids"].values())
    assert all("private_sealed" not in json.dumps(row[1]) for row in directory)


def test_a_wrong_password_opens_nothing(pg_server, team_db, centre):
    with _connect(pg_server, team_db, centre, "lead") as conn, \
            pytest.raises(team_keys.SlotWontOpen):
        team_keys.open_keys(conn, "not the password")


def test_deactivating_removes_the_slot_and_the_login(pg_server, team_db, centre):
    with _connect(pg_server, team_db, centre, "admin") as conn:
        deactivate_staff_login(conn, centre["logins"]["lead"])
    with pg_server.connect(team_db) as conn:
        assert conn.execute("SELECT count(*) FROM main.team_slot WHERE staff_id = %s",
                            (centre["ids"]["lead"],)).fetchone() == (0,)
        assert conn.execute("SELECT count(*) FROM main.team_sealed_key WHERE staff_id = %s",
                            (centre["ids"]["lead"],)).fetchone() == (0,)
    with pytest.raises(psycopg.OperationalError):
        _connect(pg_server, team_db, centre, "lead")
