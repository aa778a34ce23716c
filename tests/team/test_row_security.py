"""What the app hides, the server refuses: row-level security from plain psycopg
sessions, one login per PeerDesk role (issue 18: "Same protections on the server")."""

from __future__ import annotations

import uuid
from datetime import date

import psycopg
import pytest

from peerdesk.storage.team.casework import TeamCasework, TeamPeer, TeamSafeContact, TeamSession
from peerdesk.storage.team.fieldcrypt import FieldCipher

CASEWORK_TABLES = ("peer", "safe_contact", "one_to_one", "one_to_one_note")


def _peer(ref: int, name: str, *, supporter: int | None = None,
          caseworker: int | None = None) -> TeamPeer:
    return TeamPeer(id=uuid.uuid4(), ref_number=ref, preferred_name=name,
                    first_contact=date(2026, 3, ref), contact_route="walk_in",
                    supporter_id=supporter, caseworker_id=caseworker)


@pytest.fixture
def casework(team_centre):
    """Three peers written by a caseworker: one each supporter's, one nobody's."""
    ids = team_centre.staff_ids
    mine = _peer(1, "Mine", supporter=ids["supporter"])
    theirs = _peer(2, "Theirs", supporter=ids["other_supporter"])
    nobodys = _peer(3, "Nobodys", caseworker=ids["caseworker"])
    cipher = FieldCipher(team_centre.casework_key, compartment="casework")
    with team_centre.connect("caseworker") as conn:
        store = TeamCasework(conn, cipher)
        for peer in (mine, theirs, nobodys):
            store.add_peer(peer)
            store.set_safe_contact(TeamSafeContact(peer.id, texts_ok=True, code_word="blue"))
            store.add_session(TeamSession(uuid.uuid4(), peer.id, ids["caseworker"],
                                          date(2026, 4, 1), 50, "in_person", "peer_support",
                                          notes="caseworker's note"))
        conn.commit()
    with team_centre.connect("supporter") as conn:
        TeamCasework(conn, cipher).add_session(TeamSession(
            uuid.uuid4(), mine.id, ids["supporter"], date(2026, 4, 2), 30, "phone",
            "peer_support", notes="supporter's own note"))
        conn.commit()
    return {"mine": mine, "theirs": theirs, "nobodys": nobodys, "cipher": cipher}


def _count(conn: psycopg.Connection, table: str) -> int:
    return conn.execute(f"SELECT count(*) FROM casework.{table}").fetchone()[0]


def test_caseworker_and_programme_lead_see_every_peer(team_centre, casework):
    for who in ("caseworker", "lead"):
        with team_centre.connect(who) as conn:
            assert _count(conn, "peer") == 3
            assert _count(conn, "one_to_one_note") == 4
            names = [p.preferred_name for p in TeamCasework(conn, casework["cipher"]).peers()]
            assert names == ["Mine", "Nobodys", "Theirs"]


def test_a_peer_supporters_login_selects_only_their_own_peers(team_centre, casework):
    mine, theirs = casework["mine"], casework["theirs"]
    with team_centre.connect("supporter") as conn:
        ids = [row[0] for row in conn.execute("SELECT id FROM casework.peer")]
        assert ids == [mine.id]
        # Asked for by id, another supporter's peer is simply not there.
        assert conn.execute("SELECT * FROM casework.peer WHERE id = %s",
                            (theirs.id,)).fetchall() == []
        assert [r[0] for r in conn.execute("SELECT peer_id FROM casework.safe_contact")] \
            == [mine.id]
        assert {r[0] for r in conn.execute("SELECT peer_id FROM casework.one_to_one")} \
            == {mine.id}
        # Only the notes they wrote: not the caseworker's, even on their own peer.
        store = TeamCasework(conn, casework["cipher"])
        notes = {s.worker_id: s.notes for s in store.sessions(mine.id)}
        assert notes == {team_centre.staff_ids["supporter"]: "supporter's own note",
                         team_centre.staff_ids["caseworker"]: ""}
        assert store.peer(theirs.id) is None


def test_a_peer_supporter_cant_write_to_or_move_anothers_peer(team_centre, casework):
    theirs, mine = casework["theirs"], casework["mine"]
    me = team_centre.staff_ids["supporter"]
    with team_centre.connect("supporter", autocommit=True) as conn:
        changed = conn.execute("UPDATE casework.peer SET status = 'closed' WHERE id = %s",
                               (theirs.id,))
        assert changed.rowcount == 0
        # Nor give their own peer away, nor take someone else's.
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("UPDATE casework.peer SET supporter_id = %s WHERE id = %s",
                         (team_centre.staff_ids["other_supporter"], mine.id))
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("INSERT INTO casework.one_to_one (id, peer_id, worker_id, held_on, "
                         "minutes, mode, kind) VALUES (%s, %s, %s, '2026-05-01', 20, 'phone', "
                         "'peer_support')", (uuid.uuid4(), theirs.id, me))
        # A session in a colleague's name on their own peer is refused too.
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("INSERT INTO casework.one_to_one (id, peer_id, worker_id, held_on, "
                         "minutes, mode, kind) VALUES (%s, %s, %s, '2026-05-01', 20, 'phone', "
                         "'peer_support')",
                         (uuid.uuid4(), mine.id, team_centre.staff_ids["caseworker"]))
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("DELETE FROM casework.peer WHERE id = %s", (mine.id,))
        # SET ROLE to the group changes nothing: who they are is their login.
        conn.execute(f'SET ROLE "{team_centre.database}_peer_supporter"')
        assert _count(conn, "peer") == 1


@pytest.mark.parametrize("table", CASEWORK_TABLES)
def test_an_administrators_login_selects_no_casework(team_centre, casework, table):
    with team_centre.connect("admin") as conn, \
            pytest.raises(psycopg.errors.InsufficientPrivilege, match="schema casework"):
        conn.execute(f"SELECT * FROM casework.{table}")


def test_an_administrator_cant_reach_casework_by_a_group_role_either(team_centre, casework):
    with team_centre.connect("admin", autocommit=True) as conn:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(f'SET ROLE "{team_centre.database}_caseworker"')
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(f'GRANT "{team_centre.database}_caseworker" TO '
                         f'"{team_centre.logins["admin"]}"')


def test_a_login_of_no_peerdesk_role_sees_nothing(team_centre, casework):
    with team_centre.superuser(autocommit=True) as conn:
        conn.execute("CREATE ROLE stranger LOGIN PASSWORD 'stranger pw'")
    with pytest.raises(psycopg.OperationalError, match="permission denied for database"):
        team_centre.server.connect(team_centre.database, user="stranger",
                                   password="stranger pw")


def test_the_setup_account_is_held_to_the_policies_unless_superuser(team_centre, casework):
    """FORCE ROW LEVEL SECURITY: the owner of the tables (a non-superuser setup
    account on a managed server) reads no rows by plain SQL either."""
    with team_centre.superuser(autocommit=True) as conn:
        conn.execute("CREATE ROLE setup_owner LOGIN PASSWORD 'owner pw'")
        conn.execute("GRANT USAGE ON SCHEMA casework TO setup_owner")
        conn.execute(f'GRANT CONNECT ON DATABASE "{team_centre.database}" TO setup_owner')
        conn.execute("ALTER TABLE casework.peer OWNER TO setup_owner")
    with team_centre.server.connect(team_centre.database, user="setup_owner",
                                    password="owner pw") as conn:
        assert _count(conn, "peer") == 0
