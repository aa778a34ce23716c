"""A centre started on the server with `peerdesk team init` (no vault moved in):
from init to a session logged. The first administrator holds only the main key;
they add people; the first programme lead or caseworker to sign in makes the
casework key and seals it to everyone whose roles open casework (issue 18)."""

from __future__ import annotations

import threading
import uuid
from datetime import date

import pytest

from peerdesk.app import cli
from peerdesk.domain.audit import AuditAction
from peerdesk.domain.errors import PermissionDenied
from peerdesk.domain.staff import Compartment, Role
from peerdesk.services import team
from peerdesk.storage.repositories import audit as audit_repo
from peerdesk.storage.team import keys as team_keys
from peerdesk.storage.team.casework import TeamPeer, TeamSession
from peerdesk.storage.team.fieldcrypt import FieldCipher
from peerdesk.storage.team.people import NameTaken
from tests.team.test_cli_team import init_args

ADMIN_PW = "first admin's own pw"
OWN = {"Lena Lead": "a lead's own pw 1", "Lou Lead": "another lead's pw 2"}


@pytest.fixture
def fresh_team(monkeypatch, capsys, pg_server, team_db, tmp_path):
    """`peerdesk team init --admin-name`, run as a person would; the admin's desk."""
    monkeypatch.setenv("PEERDESK_SERVER_PASSWORD", pg_server.password)
    monkeypatch.setenv("PEERDESK_PASSWORD", ADMIN_PW)
    file = tmp_path / "centre.peerdesk-team"
    assert cli.main([*init_args(pg_server, team_db, file), "--admin-name", "Ana Admin"]) == 0
    capsys.readouterr()
    admin = team.join(team.TeamPlace(tmp_path / "admin" / "config", tmp_path / "admin" / "data"),
                      file, "Ana Admin", ADMIN_PW)
    yield file, admin
    admin.close()


def _place(tmp_path, who):
    return team.TeamPlace(tmp_path / who / "config", tmp_path / who / "data")


def _sealed(pg_server, database):
    with pg_server.connect(database) as conn:
        return conn.execute("SELECT s.roles[1], k.generation FROM main.team_sealed_key k "
                            "JOIN main.staff s ON s.id = k.staff_id WHERE k.what = 'casework' "
                            "ORDER BY 1").fetchall()


def test_from_team_init_to_a_session_logged(fresh_team, pg_server, team_db, tmp_path):
    file, admin = fresh_team
    assert not admin.keys.holds(Compartment.CASEWORK)
    lead_pw = admin.add_person("Lena Lead", [Role.PROGRAMME_LEAD])
    worker_pw = admin.add_person("Cas Worker", [Role.CASEWORKER])
    supporter_pw = admin.add_person("Sam Supporter", [Role.PEER_SUPPORTER])
    with pytest.raises(NameTaken):
        admin.add_person("  lena LEAD ", [Role.CASEWORKER])
    assert _sealed(pg_server, team_db) == []          # nobody holds casework yet

    # The first programme lead to sign in (choosing their own password) makes it.
    with pytest.raises(team.PasswordChangeRequired):
        team.join(_place(tmp_path, "lead"), file, "Lena Lead", lead_pw)
    lead = team.join(_place(tmp_path, "lead"), file, "Lena Lead", lead_pw,
                     new_password="lena's own pw 1")
    assert lead.keys.generation(Compartment.CASEWORK) == 1
    assert _sealed(pg_server, team_db) == [("caseworker", 1), ("peer_supporter", 1),
                                           ("programme_lead", 1)]   # never the admin
    assert lead.prepare().done                        # an empty cache, filled at once

    peer = TeamPeer(uuid.uuid4(), 1, "Robin", date(2026, 3, 1), "walk_in",
                    full_name="Robin Quillonrey", caseworker_id=None)
    assert lead.add_peer(peer).sent
    session = TeamSession(uuid.uuid4(), peer.id, lead.staff_id, date(2026, 4, 1), 30, "phone",
                          "peer_support", notes="first session on a fresh team")
    assert lead.add_session(session).sent
    [read] = lead.sessions(peer.id)
    assert read.notes == "first session on a fresh team"
    assert lead.find_peers("quill") == [peer.id]
    lead.close()

    # The caseworker, signing in next, opens the same key: no second one is made.
    worker = team.join(_place(tmp_path, "worker"), file, "Cas Worker", worker_pw,
                       new_password="cas's own pw 12")
    assert worker.keys.generation(Compartment.CASEWORK) == 1 and not worker.keys.older
    worker.close()
    supporter = team.join(_place(tmp_path, "supporter"), file, "Sam Supporter", supporter_pw,
                          new_password="sam's own pw 12")
    assert supporter.keys.holds(Compartment.CASEWORK)
    supporter.close()
    assert len(_sealed(pg_server, team_db)) == 3
    # The administrator still holds none, and the server keeps it that way.
    assert not admin.keys.holds(Compartment.CASEWORK)
    with pytest.raises(PermissionDenied):
        admin.peers()


def test_two_leads_signing_in_at_once_make_one_key(fresh_team, tmp_path, pg_server, team_db):
    file, admin = fresh_team
    joining = {name: admin.add_person(name, [Role.PROGRAMME_LEAD])
               for name in ("Lena Lead", "Lou Lead")}
    desks: dict[str, team.TeamDesk] = {}
    problems: list[BaseException] = []

    def sign_in(name: str) -> None:
        try:
            desks[name] = team.join(_place(tmp_path, name), file, name, joining[name],
                                    new_password=OWN[name])
        except BaseException as exc:
            problems.append(exc)

    threads = [threading.Thread(target=sign_in, args=(n,)) for n in joining]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    assert problems == []
    # One key, generation 1, sealed to both, and both signed in holding it.
    assert [g for _role, g in _sealed(pg_server, team_db)] == [1, 1]
    assert len(desks) == 2 and all(d.keys.holds(Compartment.CASEWORK) for d in desks.values())
    assert len({bytes(d.keys.key(Compartment.CASEWORK)) for d in desks.values()}) == 1
    for desk in desks.values():
        desk.close()


def test_no_new_key_where_one_was_ever_made(joined_centre, tmp_path):
    """A centre moved in (or whose key was made) never gets a second first key,
    even for a lead whose slot holds none."""
    centre = joined_centre
    with centre.server.connect(centre.database, user=centre.logins["lead"],
                               password=centre.passwords["lead"], autocommit=True) as conn:
        keys = team_keys.open_keys(conn, centre.passwords["lead"])
        keys.keys.pop(Compartment.CASEWORK.value)
        assert not team_keys.make_first_casework_key(conn, keys)
        assert not keys.holds(Compartment.CASEWORK)
        keys.wipe()


def test_an_administrator_adds_a_lead_on_the_command_line(fresh_team, capsys, monkeypatch,
                                                          tmp_path):
    file, _admin = fresh_team
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "cli-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "cli-config"))
    code = cli.main(["team", "add-person", "Lena Lead", "--role", "programme_lead",
                     "--connection", str(file), "--user", "Ana Admin"])
    out = capsys.readouterr()
    assert (code, out.err) == (0, ""), out.err
    assert "Lena" not in out.out
    joining = out.out.split("to give them once: ")[1].split()[0]
    lead = team.join(_place(tmp_path, "lead"), file, "Lena Lead", joining,
                     new_password="lena's own pw 1")
    try:
        assert lead.roles == frozenset({Role.PROGRAMME_LEAD})
        assert lead.keys.generation(Compartment.CASEWORK) == 1
    finally:
        lead.close()
    code = cli.main(["team", "add-person", "Lena Lead", "--role", "caseworker",
                     "--connection", str(file), "--user", "Ana Admin"])
    assert code != 0 and "already has that PeerDesk name" in capsys.readouterr().err


def _events(pg_server, database, main_key) -> list[tuple]:
    """Every event on the server, read as a host would (plain psycopg), each
    detail opened with the centre's main key: (id, actor, action, kind, target,
    detail)."""
    main = FieldCipher(main_key, compartment="main")
    with pg_server.connect(database) as conn:
        rows = conn.execute("SELECT id, at, actor_id, action, target_kind, target_id, detail, "
                            "prev_hash, hash, signer_id, signing_key, signature "
                            "FROM main.audit_event ORDER BY id").fetchall()
    return [(*r[:6], main.open("audit_event", "detail", str(r[0]), r[6]), *r[7:])
            for r in rows]


def _brief(events) -> list[tuple]:
    return [(actor, action, kind, target, detail)
            for _i, _at, actor, action, kind, target, detail, *_ in events]


def _staff_ids(pg_server, database) -> dict[str, int]:
    with pg_server.connect(database) as conn:
        return dict(conn.execute("SELECT roles[1], id FROM main.staff").fetchall())


def _names_nowhere(events) -> bool:
    return not any(name in str(e) for e in _brief(events)
                   for name in ("Lena", "Lead", "Cas Worker", "Ana Admin"))


def test_adding_a_person_is_on_the_chain(fresh_team, pg_server, team_db):
    """Issue 18, "every change is audited": an administrator adding someone
    writes an event (their staff id and roles' codes, never the name) in the
    transaction that adds them; a refused add writes none."""
    _file, admin = fresh_team
    main_key = bytes(admin.keys.key(Compartment.MAIN))
    before = len(_events(pg_server, team_db, main_key))
    admin.add_person("Lena Lead", [Role.PROGRAMME_LEAD])
    admin.add_person("Cas Worker", [Role.CASEWORKER, Role.PEER_SUPPORTER])
    with pytest.raises(NameTaken):                    # refused: no event either
        admin.add_person("Lena Lead", [Role.CASEWORKER])
    staff = _staff_ids(pg_server, team_db)
    events = _events(pg_server, team_db, main_key)
    assert _brief(events[before:]) == [
        (admin.staff_id, AuditAction.STAFF_ADDED.value, "staff",
         str(staff["programme_lead"]), "programme_lead"),
        (admin.staff_id, AuditAction.STAFF_ADDED.value, "staff",
         str(staff["caseworker"]), "caseworker,peer_supporter")]
    assert _names_nowhere(events)
    assert audit_repo.walk(events, None).ok           # the chain still verifies


def test_the_first_casework_key_made_is_on_the_chain(fresh_team, pg_server, team_db,
                                                     tmp_path):
    """The first casework key, made at the first lead's sign-in, is recorded
    as a key change by them (generation, how many it was sealed to), once."""
    file, admin = fresh_team
    main_key = bytes(admin.keys.key(Compartment.MAIN))
    lead_pw = admin.add_person("Lena Lead", [Role.PROGRAMME_LEAD])
    admin.add_person("Cas Worker", [Role.CASEWORKER])
    admin.add_person("Sam Supporter", [Role.PEER_SUPPORTER])
    before = len(_events(pg_server, team_db, main_key))
    lead = team.join(_place(tmp_path, "lead"), file, "Lena Lead", lead_pw,
                     new_password="lena's own pw 1")
    lead.close()
    # Signing in again makes no second key and records nothing more.
    team.join(_place(tmp_path, "lead"), file, "Lena Lead", "lena's own pw 1").close()
    events = _events(pg_server, team_db, main_key)
    made = [e for e in _brief(events[before:]) if e[1] == AuditAction.KEY_CHANGED.value]
    assert made == [(_staff_ids(pg_server, team_db)["programme_lead"],
                     AuditAction.KEY_CHANGED.value, "compartment", "casework",
                     "casework key generation 1 made and sealed to 3 people "
                     "(the first casework key)")]
    assert _names_nowhere(events)
    assert audit_repo.walk(events, None).ok           # the chain still verifies


def test_a_person_whose_event_is_not_written_is_not_added(fresh_team, pg_server, team_db):
    """The event is written in the add's own transaction: when writing it
    fails, nobody is added (no staff row, no login, no key slot)."""
    from peerdesk.storage.team import people

    _file, admin = fresh_team
    generation, main_key = admin.keys.keys[Compartment.MAIN.value]
    login = team._login(admin.info, "Lena Lead")

    def record(_staff_id: int) -> None:
        raise RuntimeError("the event could not be written")

    with pytest.raises(RuntimeError):
        people.add_person(admin._connection(), admin.keys.cipher(Compartment.MAIN),
                          name="Lena Lead", roles=[Role.PROGRAMME_LEAD], login=login,
                          main_key=main_key, main_generation=generation,
                          sealed_by=admin.staff_id, record=record)
    with pg_server.connect(team_db) as conn:
        assert conn.execute("SELECT count(*) FROM main.staff").fetchone()[0] == 1
        assert conn.execute("SELECT count(*) FROM main.team_slot").fetchone()[0] == 1
        assert conn.execute("SELECT count(*) FROM pg_roles WHERE rolname = %s",
                            (login,)).fetchone()[0] == 0
