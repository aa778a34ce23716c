"""People moved in by `peerdesk team migrate` get their logins: the mover signs
in with their own password, an administrator named with --admin gets a
joining password, changes it, and issues one to a caseworker (`peerdesk team
issue-login`), who joins, chooses their own password, and opens casework once
a casework holder has signed in."""

from __future__ import annotations

import pytest

from peerdesk.domain.errors import PermissionDenied, ValidationError
from peerdesk.services import team as desks
from peerdesk.services.demo import DEMO_LEAD, DEMO_PASSWORD
from peerdesk.storage.team.connection import ConnectionFile
from peerdesk.storage.team.errors import TeamServerError
from peerdesk.storage.team.people import AlreadyHasLogin
from peerdesk.storage.team.vault_source import open_read_only
from tests.team.test_migrate import migrate_args, run
from tests.team.test_migrate import team as team  # the fixture

ADMIN_ID, CASEWORKER_ID = 1, 3


def _joining(out: str, words: str) -> str:
    line = next(line for line in out.splitlines() if words in line)
    return line.rsplit(": ", 1)[1].strip()


def test_people_moved_in_join_change_their_password_and_open_casework(
        capsys, monkeypatch, pg_server, team, demo_vault, tmp_path):
    database, file = team
    with open_read_only(demo_vault, DEMO_LEAD, DEMO_PASSWORD) as source:
        admin, caseworker = (str(source.scalar(f"SELECT name FROM main.staff WHERE id = {i}"))
                             for i in (ADMIN_ID, CASEWORKER_ID))
        peer_name = str(source.scalar("SELECT preferred_name FROM casework.peer "
                                      "WHERE ref_number = (SELECT min(ref_number) FROM "
                                      "casework.peer)"))
    code, out, err = run(capsys, *migrate_args(demo_vault, file), "--admin", admin)
    assert (code, err) == (0, ""), err
    admin_joining = _joining(out, "joining password for the administrator")
    assert admin not in out and caseworker not in out
    place = desks.TeamPlace(tmp_path / "config", tmp_path / "data")
    info = ConnectionFile.load(file)

    # The administrator must choose their own password first (here through the
    # command line), then gives the caseworker a joining password.
    monkeypatch.setenv("PEERDESK_PASSWORD", admin_joining)
    monkeypatch.setenv("PEERDESK_NEW_PASSWORD", "admin's own new pw 1")
    code, out, err = run(capsys, "team", "issue-login", caseworker, "--connection", str(file),
                         "--user", admin)
    assert (code, err) == (0, ""), err
    cw_joining = _joining(out, "joining password for the person named")
    assert caseworker not in out
    with pytest.raises(TeamServerError, match="password is wrong"):  # it is spent
        desks.sign_in(place, admin, admin_joining, info=info)

    # The caseworker joins with it and is made to choose their own.
    with pytest.raises(desks.PasswordChangeRequired):
        desks.join(place, file, caseworker, cw_joining)
    with pytest.raises(ValidationError) as weak:
        desks.join(place, file, caseworker, cw_joining, new_password="short")
    assert weak.value.field == "new_password"
    desk = desks.join(place, file, caseworker, cw_joining, new_password="cas's own new pw 1")
    try:  # the main key, from the administrator; casework is still owed
        assert "main" in desk.keys.keys and "casework" not in desk.keys.keys
        with pytest.raises(PermissionDenied):
            desk.peers()
    finally:
        desk.close()
    with pytest.raises(TeamServerError, match="password is wrong"):
        desks.sign_in(place, caseworker, cw_joining, info=info)

    # The mover signs in with their vault password: a casework holder, who
    # seals casework to the caseworker; they may not issue logins.
    lead = desks.sign_in(place, DEMO_LEAD, DEMO_PASSWORD, info=info)
    try:
        assert "casework" in lead.keys.keys
        with pytest.raises(PermissionDenied):
            lead.issue_login(caseworker)
    finally:
        lead.close()

    desk = desks.sign_in(place, caseworker, "cas's own new pw 1", info=info)
    try:
        assert "casework" in desk.keys.keys
        peers = desk.peers()
        assert len(peers) == 300
        assert peer_name in {p.preferred_name for p in peers}
    finally:
        desk.close()

    admin_desk = desks.sign_in(place, admin, "admin's own new pw 1", info=info)
    try:
        with pytest.raises(AlreadyHasLogin):
            admin_desk.issue_login(caseworker)
    finally:
        admin_desk.close()
    with pg_server.connect(database) as conn:
        rows = conn.execute("SELECT id, login_name, must_change_password FROM main.staff "
                            "WHERE id IN (1, 2, 3) ORDER BY id").fetchall()
        assert all(login.startswith(f"{database}_p") and not must for _, login, must in rows)
        # Nobody else moved in can sign in yet.
        assert conn.execute("SELECT count(*) FROM main.team_slot").fetchone() == (3,)
        # Each login given is on the chain: the mover's own and the administrator's
        # (by the move, signed by the mover), the caseworker's (by the administrator).
        given = conn.execute("SELECT actor_id, target_kind, target_id, signature IS NOT NULL "
                             "FROM main.audit_event WHERE action = 'login_issued' "
                             "ORDER BY id").fetchall()
        mover = conn.execute("SELECT actor_id FROM main.audit_event "
                             "WHERE action = 'team_moved_in'").fetchone()[0]
    assert given == [(mover, "staff", str(mover), True), (mover, "staff", str(ADMIN_ID), True),
                     (ADMIN_ID, "staff", str(CASEWORKER_ID), False)]
    lead = desks.sign_in(place, DEMO_LEAD, DEMO_PASSWORD, info=info)
    try:
        report = lead.check_audit()
    finally:
        lead.close()
    # Intact, signed up to the desks' own events (not signed yet on the team).
    assert all(p.endswith("is not signed") for p in report.problems), report.problems
    assert report.events - report.unsigned > 0
