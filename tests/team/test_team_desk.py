"""Signing in on a PC, the offline outbox (exactly once, nothing lost) and the
second save of a record two people edited (issue 18 items 3, 6 and 7)."""

from __future__ import annotations

import uuid
from datetime import date

import pytest

from peerdesk.domain.errors import PermissionDenied
from peerdesk.services import team
from peerdesk.storage.team.casework import TeamPeer, TeamSession
from peerdesk.storage.team.errors import TeamServerError


def _peer(ref: int, name: str = "Someone") -> TeamPeer:
    return TeamPeer(uuid.uuid4(), ref, name, date(2026, 3, 1), "walk_in")


def _session(peer: TeamPeer, worker: int, note: str) -> TeamSession:
    return TeamSession(uuid.uuid4(), peer.id, worker, date(2026, 4, 1), 30, "phone",
                       "peer_support", notes=note)


def _server_count(centre, table: str) -> int:
    with centre.server.connect(centre.database) as conn:
        return conn.execute(f"SELECT count(*) FROM casework.{table}").fetchone()[0]


def test_people_sign_in_with_their_peerdesk_name_and_get_their_roles_keys(
        joined_centre, tmp_path):
    desk = joined_centre.sign_in("caseworker", tmp_path)
    assert desk.staff_id == joined_centre.staff_ids["caseworker"]
    assert desk.add_peer(_peer(1)) == team.Saved(sent=True)
    desk.close()
    # The name's case and spacing don't matter, as at the vault's sign-in.
    place = joined_centre.place(tmp_path)
    info = team.load_connection_file(joined_centre.connection_file)
    again = team.sign_in(place, "  cas   WORKER ", joined_centre.passwords["caseworker"],
                         info=info)
    assert [p.preferred_name for p in again.peers()] == ["Someone"]
    again.close()
    admin = joined_centre.sign_in("admin", tmp_path)
    with pytest.raises(PermissionDenied):
        admin.add_session(_session(_peer(2), admin.staff_id, "x"))
    with pytest.raises(PermissionDenied):
        admin.peers()
    admin.close()
    # The service refuses a peer supporter's session in a colleague's name
    # before anything is queued or sent (the server would refuse it too).
    supporter = joined_centre.sign_in("supporter", tmp_path)
    with pytest.raises(PermissionDenied, match="only their own sessions"):
        supporter.add_session(_session(_peer(3), joined_centre.staff_ids["caseworker"], "x"))
    assert supporter.waiting() == 0
    supporter.close()
    with pytest.raises(TeamServerError, match="name or password is wrong"):
        team.sign_in(place, "Cas Worker", "wrong password", info=info)


def test_offline_sessions_go_to_the_outbox_and_are_sent_exactly_once(joined_centre, tmp_path):
    desk = joined_centre.sign_in("caseworker", tmp_path)
    me = desk.staff_id
    peer = _peer(1)
    assert desk.add_peer(peer).sent
    assert desk.add_session(_session(peer, me, "before the outage")).sent
    before = desk.peer(peer.id)
    assert before is not None
    joined_centre.server.stop()
    try:
        assert not desk.is_online()
        assert desk.status() == team.Offline.default_message
        typed = [_session(peer, me, f"offline note {n}") for n in range(7)]
        new_peer = _peer(2, "Arrived offline")
        assert desk.add_peer(new_peer) == team.Saved(sent=False)
        typed.append(_session(new_peer, me, "first session of a peer met offline"))
        for session in typed:
            assert desk.add_session(session) == team.Saved(sent=False)
        assert desk.waiting() == 9
        # An edit is refused, with the reason, and nothing is queued for it.
        with pytest.raises(team.OfflineEdit, match="can't be saved now"):
            desk.save_peer(before, team_replace(before, preferred_name="Changed"))
        with pytest.raises(team.Offline):
            desk.peers()
        assert desk.send_waiting().left == 9
        outbox_file = joined_centre.place(tmp_path).outbox_path(
            str(desk.info.centre_id), desk.login)
        desk.close()  # the PC is switched off while the server is down
    finally:
        joined_centre.server.start()
    # Encrypted on disk: no note, no name.
    raw = outbox_file.read_bytes()
    assert b"offline note" not in raw and b"Arrived offline" not in raw
    desk = joined_centre.sign_in("caseworker", tmp_path)
    assert desk.waiting() == 9
    assert "9 saved while it couldn't be reached are waiting" in desk.status()
    result = desk.send_waiting()
    assert (result.sent, result.already_there, result.refused, result.left) == (9, 0, 0, 0)
    assert desk.send_waiting() == team_send_result()
    assert _server_count(joined_centre, "one_to_one") == 9
    assert _server_count(joined_centre, "one_to_one_note") == 9
    assert _server_count(joined_centre, "peer") == 2
    notes = sorted(s.notes for s in desk.sessions(peer.id))
    assert notes == sorted(["before the outage"] + [f"offline note {n}" for n in range(7)])
    # Sent again (the PC lost track between the server's commit and its own
    # mark): the server keeps the first, counted as already there.
    desk.outbox().db.execute("UPDATE outbox SET sent_at = NULL")
    again = desk.send_waiting()
    assert (again.sent, again.already_there) == (0, 9)
    assert _server_count(joined_centre, "one_to_one") == 9
    desk.close()


def team_replace(peer: TeamPeer, **changes: object) -> TeamPeer:
    import dataclasses

    return dataclasses.replace(peer, **changes)


def team_send_result():
    from peerdesk.storage.team.outbox import SendResult

    return SendResult()


def test_a_refused_item_is_kept_with_the_reason_never_dropped(joined_centre, tmp_path):
    lead = joined_centre.sign_in("lead", tmp_path)
    theirs = _peer(1)
    lead.add_peer(theirs)
    lead.close()
    supporter = joined_centre.sign_in("supporter", tmp_path)
    joined_centre.server.stop()
    try:
        # Offline, a session for a peer not assigned to them is queued...
        assert not supporter.add_session(_session(theirs, supporter.staff_id, "x")).sent
    finally:
        joined_centre.server.start()
    # ...and the server refuses it: kept in the outbox, with why.
    result = supporter.send_waiting()
    assert (result.sent, result.refused) == (0, 1)
    assert len(supporter.outbox().refusals()) == 1
    supporter.close()


def test_the_second_save_sees_what_changed_field_by_field_and_chooses(joined_centre,
                                                                      tmp_path):
    first = joined_centre.sign_in("caseworker", tmp_path / "pc1")
    second = joined_centre.sign_in("other_caseworker", tmp_path / "pc2")
    peer = _peer(1, "Robin")
    first.add_peer(peer)
    mine_before = first.peer(peer.id)
    theirs_before = second.peer(peer.id)
    assert mine_before == theirs_before and mine_before.row_version == 1
    saved = second.save_peer(theirs_before, team_replace(theirs_before, preferred_name="Rob",
                                                         languages="en"))
    assert saved.row_version == 2
    edited = team_replace(mine_before, preferred_name="Robbie", status="paused")
    with pytest.raises(team.EditConflict) as raised:
        first.save_peer(mine_before, edited)
    conflict = raised.value
    assert [(c.field, c.before, c.theirs, c.mine, c.both_changed) for c in conflict.changes] \
        == [("languages", "", "en", "", False),
            ("status", "active", "active", "paused", False),
            ("preferred_name", "Robin", "Rob", "Robbie", True)]
    # Nothing was saved by the refused save.
    assert first.peer(peer.id).preferred_name == "Rob"
    kept = first.resolve(conflict, {"preferred_name": team.Pick.THEIRS})
    assert (kept.preferred_name, kept.languages, kept.status, kept.row_version) \
        == ("Rob", "en", "paused", 3)
    assert second.peer(peer.id) == kept
    # Choosing mine instead, on a fresh conflict.
    stale = team_replace(kept, row_version=2)
    with pytest.raises(team.EditConflict) as again:
        second.save_peer(stale, team_replace(stale, preferred_name="R."))
    assert second.resolve(again.value, {"preferred_name": team.Pick.MINE}).preferred_name \
        == "R."
    first.close()
    second.close()
