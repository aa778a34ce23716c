"""Signatures on the audit events PCs write on the team (issue 18: "the signed
audit chain works across clients"; storage/team/grants.py).

Each person signs their events with a key the centre's authority granted
them; the checker takes the grant valid at each event's time. The attacks
are an insider's with Python and access to the database: the tables' owner
(who can insert rows the server's functions would refuse), or their own
PeerDesk login.
"""

from __future__ import annotations

import itertools
import threading
import uuid
from datetime import date

import psycopg
import pytest

from peerdesk.domain.audit import AuditAction
from peerdesk.domain.staff import Compartment, Role, StaffStatus
from peerdesk.services import team as team_desks
from peerdesk.services.demo import DEMO_ADMIN, DEMO_LEAD, DEMO_PASSWORD
from peerdesk.storage import crypto
from peerdesk.storage.repositories import audit as audit_repo
from peerdesk.storage.signer import Signer
from peerdesk.storage.team import grants
from peerdesk.storage.team.audit import append_event, verify_chain
from peerdesk.storage.team.casework import TeamPeer, TeamSession
from peerdesk.storage.team.fieldcrypt import FieldCipher
from peerdesk.storage.team.vault_source import open_read_only
from tests.team.test_fresh_team import _place, fresh_team  # noqa: F401
from tests.team.test_joining import CASEWORKER_ID, _joining
from tests.team.test_migrate import migrate_args, run
from tests.team.test_migrate import team as team

LEAD_PW, WORKER_PW = "lena's own pw 1", "cas's own pw 12"
_REF_NUMBERS = itertools.count(1)


@pytest.fixture
def signed_team(fresh_team, tmp_path):  # noqa: F811
    """A centre made with `team init`: its administrator, and a programme lead
    and a caseworker they added, both signed in on PCs of their own."""
    file, admin = fresh_team
    lead_pw = admin.add_person("Lena Lead", [Role.PROGRAMME_LEAD])
    worker_pw = admin.add_person("Cas Worker", [Role.CASEWORKER])
    # The lead makes the casework key and seals it to the caseworker too.
    lead = team_desks.join(_place(tmp_path, "lead"), file, "Lena Lead", lead_pw,
                     new_password=LEAD_PW)
    worker = team_desks.join(_place(tmp_path, "worker"), file, "Cas Worker", worker_pw,
                       new_password=WORKER_PW)
    yield admin, lead, worker
    lead.close()
    worker.close()


def _check(pg_server, database, main: FieldCipher) -> audit_repo.ChainReport:
    """The chain checked as a client checks it (here on the owner's connection)."""
    with pg_server.connect(database) as conn, conn.transaction():
        return verify_chain(conn, main)


def _log_a_session(desk: team_desks.TeamDesk, note: str) -> None:
    peer = TeamPeer(uuid.uuid4(), next(_REF_NUMBERS), "Robin", date(2026, 3, 1), "walk_in",
                    full_name="Robin Quillonrey", caseworker_id=None)
    assert desk.add_peer(peer).sent
    assert desk.add_session(TeamSession(uuid.uuid4(), peer.id, desk.staff_id,
                                        date(2026, 4, 1), 30, "phone", "peer_support",
                                        notes=note)).sent


def _forge(conn, main: FieldCipher, *, actor: int, signer: Signer | None, at: str | None = None,
           signer_id: int | None = None) -> int:
    """An event appended straight into the table, chained to the head and hashed
    correctly, as the tables' owner can (the server's function would set the
    writer from the login)."""
    head = conn.execute("SELECT id, hash FROM main.audit_event ORDER BY id DESC LIMIT 1"
                        ).fetchone()
    event_id, prev = int(head[0]) + 1, bytes(head[1])
    at = at or "2026-12-06T12:00:00+00:00"
    detail = "opened a peer"
    digest = audit_repo.event_digest(prev, event_id, at, actor, AuditAction.VIEWED.value,
                                     "peer", "1", detail)
    key = signature = None
    if signer is not None:
        key, signature = signer.public_key, signer.sign_event(digest)
    conn.execute(
        "INSERT INTO main.audit_event (id, at, actor_id, action, target_kind, target_id, "
        "detail, prev_hash, hash, signer_id, signing_key, signature) "
        "VALUES (%s, %s, %s, %s, 'peer', '1', %s, %s, %s, %s, %s, %s)",
        (event_id, at, actor, AuditAction.VIEWED.value,
         main.seal("audit_event", "detail", str(event_id), detail), prev, digest,
         actor if signer_id is None else signer_id, key, signature))
    return event_id


def _copy(signer: Signer | None) -> Signer:
    """What an insider keeps of their own signing key (their slot opens with
    their password, so they can have it)."""
    assert signer is not None
    return Signer(signer.vault_id, signer.staff_id, bytearray(signer.seed), signer.public_key)


def test_every_event_pcs_write_is_signed_and_the_chain_verifies(signed_team, pg_server,
                                                                team_db):
    admin, lead, worker = signed_team
    _log_a_session(lead, "first session, signed")
    _log_a_session(worker, "second session, signed")
    report = admin.check_audit()
    assert report.ok, report.problems
    assert report.unsigned == 0 and report.events >= 8
    with pg_server.connect(team_db) as conn:
        writers = conn.execute("SELECT DISTINCT actor_id FROM main.audit_event "
                               "WHERE signature IS NOT NULL AND signer_id = actor_id"
                               ).fetchall()
    assert {w for (w,) in writers} == {admin.staff_id, lead.staff_id, worker.staff_id}
    # Each person's key is in their slot (sealed), granted by the authority; the
    # administrator's slot holds the authority key, nobody else's.
    assert lead.keys.holds(Compartment.AUTHORITY) is False
    assert admin.keys.holds(Compartment.AUTHORITY)
    with pg_server.connect(team_db) as conn:
        keys, timeline = grants.signature_keys(conn, admin.keys.cipher(Compartment.MAIN))
    assert {s.public_key for s in (lead.signer, worker.signer)} <= (
        keys.by_staff[lead.staff_id] | keys.by_staff[worker.staff_id])
    assert [g.status for g in timeline[lead.staff_id]] == [StaffStatus.ACTIVE]


def test_an_event_forged_as_someone_else_fails(signed_team, pg_server, team_db):
    """The lead writes an event naming the administrator: as the tables' owner,
    signed with their own key (they hold no other), or through their own login,
    hashed as the administrator's (the server records who really wrote it)."""
    admin, lead, _worker = signed_team
    main = admin.keys.cipher(Compartment.MAIN)
    mine = _copy(lead.signer)
    with pg_server.connect(team_db, autocommit=True) as conn:
        forged = _forge(conn, main, actor=admin.staff_id, signer=mine, signer_id=admin.staff_id)
    report = _check(pg_server, team_db, main)
    assert report.problems == [f"audit event {forged} is signed with a key that is not its "
                               "writer's"]


def test_an_event_forged_through_ones_own_login_fails(signed_team, pg_server, team_db):
    admin, lead, _worker = signed_team
    main = admin.keys.cipher(Compartment.MAIN)
    with pg_server.connect(team_db, user=lead.login, password=LEAD_PW,
                           autocommit=True) as conn, conn.transaction():
        # Hashed and signed as if the administrator wrote it: the server writes
        # the lead as its writer, so its hash no longer matches.
        forged = append_event(conn, main, actor_id=admin.staff_id, action=AuditAction.VIEWED,
                              target_kind="peer", target_id="1", signer=_copy(lead.signer))
    report = _check(pg_server, team_db, main)
    assert f"audit event {forged} has been changed" in report.problems


def test_re_signing_an_event_claiming_another_staff_id_fails(signed_team, pg_server, team_db):
    """Signed honestly with the lead's own granted key, as the lead, but naming
    the caseworker as its writer."""
    admin, lead, worker = signed_team
    main = admin.keys.cipher(Compartment.MAIN)
    with pg_server.connect(team_db, autocommit=True) as conn:
        forged = _forge(conn, main, actor=worker.staff_id, signer=_copy(lead.signer),
                        signer_id=lead.staff_id)
    assert _check(pg_server, team_db, main).problems == [
        f"audit event {forged} is signed by someone other than the person it names"]


def test_a_key_whose_grant_was_forged_without_the_authority_fails(signed_team, pg_server,
                                                                  team_db):
    admin, lead, _worker = signed_team
    main = admin.keys.cipher(Compartment.MAIN)
    vault_id = lead.signer.vault_id if lead.signer else ""
    new_seed = crypto.new_signing_seed()
    new_key = crypto.signing_public_key(new_seed)
    # Their own login may not write a grant at all (they hold no authority key)...
    with pg_server.connect(team_db, user=lead.login, password=LEAD_PW) as conn, \
            pytest.raises(psycopg.errors.InsufficientPrivilege):
        grants.issue(conn, main, authority_seed=crypto.new_signing_seed(),
                     staff_id=lead.staff_id, name_key_of="lena lead",
                     roles=frozenset({Role.PROGRAMME_LEAD}), status=StaffStatus.ACTIVE,
                     signing_key=new_key, issued_by=lead.staff_id)
    # ... nor seal themselves the authority key.
    with pg_server.connect(team_db, user=lead.login, password=LEAD_PW) as conn, \
            pytest.raises(psycopg.errors.InsufficientPrivilege):
        conn.execute("INSERT INTO main.team_sealed_key (staff_id, what, generation, entry, "
                     "sealed_by) VALUES (%s, 'authority', 2, '{}', %s)",
                     (lead.staff_id, lead.staff_id))
    # As the tables' owner they can write one, signed by an authority of their own.
    with pg_server.connect(team_db, autocommit=True) as conn:
        grants.issue(conn, main, authority_seed=crypto.new_signing_seed(),
                     staff_id=lead.staff_id, name_key_of="lena lead",
                     roles=frozenset({Role.PROGRAMME_LEAD}), status=StaffStatus.ACTIVE,
                     signing_key=new_key, issued_by=None)
    with pg_server.connect(team_db, user=lead.login, password=LEAD_PW,
                           autocommit=True) as conn, conn.transaction():
        forged = append_event(conn, main, actor_id=lead.staff_id, action=AuditAction.VIEWED,
                              target_kind="peer", target_id="1",
                              signer=Signer.from_seed(vault_id, lead.staff_id, new_seed))
    assert _check(pg_server, team_db, main).problems == [
        f"audit event {forged} is signed with a key that is not its writer's"]


def test_a_signer_with_no_grant_fails(signed_team, pg_server, team_db):
    admin, lead, _worker = signed_team
    main = admin.keys.cipher(Compartment.MAIN)
    stranger = Signer.from_seed(_copy(lead.signer).vault_id, 999, crypto.new_signing_seed())
    with pg_server.connect(team_db, autocommit=True) as conn:
        forged = _forge(conn, main, actor=999, signer=stranger)
    assert _check(pg_server, team_db, main).problems == [
        f"audit event {forged} is signed with a key that is not its writer's"]


def test_a_deactivated_persons_later_events_fail(signed_team, pg_server, team_db):
    admin, _lead, worker = signed_team
    main = admin.keys.cipher(Compartment.MAIN)
    kept = _copy(worker.signer)
    with pg_server.connect(team_db, autocommit=True) as conn:
        before = _forge(conn, main, actor=worker.staff_id, signer=kept,
                        at="2026-01-01T00:00:00+00:00")
    assert _check(pg_server, team_db, main).problems == [
        # Dated before their grant: no grant was valid then.
        f"audit event {before} is signed with a key that is not its writer's"]
    admin.deactivate("Cas Worker")
    with pg_server.connect(team_db) as conn:
        _keys, timeline = grants.signature_keys(conn, main)
    assert [g.status for g in timeline[worker.staff_id]] == [StaffStatus.ACTIVE,
                                                             StaffStatus.DEACTIVATED]
    with pg_server.connect(team_db, autocommit=True) as conn:
        later = _forge(conn, main, actor=worker.staff_id, signer=kept,
                       at="2099-01-01T00:00:00+00:00")
    assert _check(pg_server, team_db, main).problems == [
        f"audit event {before} is signed with a key that is not its writer's",
        f"audit event {later} was signed after its writer's access was withdrawn"]


def test_a_tampered_detail_fails(signed_team, pg_server, team_db):
    admin, lead, _worker = signed_team
    main = admin.keys.cipher(Compartment.MAIN)
    _log_a_session(lead, "a session")
    with pg_server.connect(team_db, autocommit=True) as conn:
        target = conn.execute("SELECT max(id) FROM main.audit_event").fetchone()[0]
        conn.execute("ALTER TABLE main.audit_event DISABLE TRIGGER audit_event_append_only")
        conn.execute("UPDATE main.audit_event SET detail = %s WHERE id = %s",
                     (main.seal("audit_event", "detail", str(target), "nothing happened"),
                      target))
        conn.execute("ALTER TABLE main.audit_event ENABLE TRIGGER audit_event_append_only")
    assert _check(pg_server, team_db, main).problems == [
        f"audit event {target} has been changed"]


def test_two_pcs_writing_at_once_still_verify(signed_team):
    admin, lead, worker = signed_team
    problems: list[BaseException] = []

    def log(desk: team_desks.TeamDesk) -> None:
        try:
            for number in range(4):
                _log_a_session(desk, f"session {number}")
        except BaseException as exc:
            problems.append(exc)

    threads = [threading.Thread(target=log, args=(desk,)) for desk in (lead, worker)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    assert problems == []
    report = admin.check_audit()
    assert report.ok, report.problems
    assert report.unsigned == 0 and report.events >= 16


def test_events_from_before_signing_stay_unsigned_not_failed(signed_team, pg_server, team_db):
    """A server upgraded to signing after PCs had written unsigned events: those
    are counted as unsigned; an unsigned event written since is a problem."""
    admin, lead, _worker = signed_team
    main = admin.keys.cipher(Compartment.MAIN)
    with pg_server.connect(team_db, autocommit=True) as conn:
        head = conn.execute("SELECT max(id) FROM main.audit_event").fetchone()[0]
        # As if team migration 12 had run after two more (unsigned) events.
        conn.execute("UPDATE main.team_audit_signing SET signed_from = %s", (head + 3,))
    with pg_server.connect(team_db, user=lead.login, password=LEAD_PW,
                           autocommit=True) as conn:
        for _ in range(3):
            with conn.transaction():
                last = append_event(conn, main, actor_id=lead.staff_id,
                                    action=AuditAction.VIEWED, target_kind="peer",
                                    target_id="1")
    report = _check(pg_server, team_db, main)
    assert report.unsigned == 3
    assert report.problems == [f"audit event {last} is not signed"]


def test_everyone_reads_the_grants(signed_team, pg_server, team_db):
    """The public grants are every signed-in person's to read (to check the chain)."""
    _admin, _lead, worker = signed_team
    with pg_server.connect(team_db, user=worker.login, password=WORKER_PW) as conn:
        assert conn.execute("SELECT count(*) FROM main.role_grant").fetchone()[0] == 3


def test_a_vault_moved_in_brings_its_authority_and_everyone_signs(
        capsys, monkeypatch, team, demo_vault, tmp_path):
    """`team migrate --admin` with that administrator's vault password: their
    team slot holds the vault's authority key, so the logins they give come
    with signing keys it grants, and the whole chain, moved in and written on
    the team since, verifies with nothing unsigned after the move."""
    _database, file = team
    with open_read_only(demo_vault, DEMO_LEAD, DEMO_PASSWORD) as source:
        caseworker = str(source.scalar(f"SELECT name FROM main.staff WHERE id = {CASEWORKER_ID}"))
    monkeypatch.setenv("PEERDESK_ADMIN_PASSWORD", "not the administrator's")
    code, _out, err = run(capsys, *migrate_args(demo_vault, file), "--admin", DEMO_ADMIN)
    # Refused before anything is sent, so the move can be run again.
    assert code != 0 and "password don't match" in err
    monkeypatch.setenv("PEERDESK_ADMIN_PASSWORD", DEMO_PASSWORD)
    code, out, err = run(capsys, *migrate_args(demo_vault, file), "--admin", DEMO_ADMIN)
    assert (code, err) == (0, ""), err
    place = team_desks.TeamPlace(tmp_path / "config", tmp_path / "data")
    admin = team_desks.join(place, file, DEMO_ADMIN,
                            _joining(out, "joining password for the administrator"),
                            new_password="admin's own new pw 1")
    try:
        assert admin.keys.holds(Compartment.AUTHORITY) and admin.signer is not None
        cw_joining = admin.issue_login(caseworker)
    finally:
        admin.close()
    lead = team_desks.sign_in(place, DEMO_LEAD, DEMO_PASSWORD)   # seals casework to them
    lead.close()
    desk = team_desks.join(place, file, caseworker, cw_joining, new_password="cas's own pw 1")
    try:
        assert desk.signer is not None
        assert len(desk.peers()) == 300                             # signed views
    finally:
        desk.close()
    lead = team_desks.sign_in(place, DEMO_LEAD, DEMO_PASSWORD)
    try:
        report = lead.check_audit()
    finally:
        lead.close()
    assert report.ok, report.problems
    assert report.events > report.unsigned
