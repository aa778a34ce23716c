"""Search as you type on each PC's encrypted cache of what its login may see,
kept in step with the team server, and read-only when the server is away
(issue 18: the search cache)."""

from __future__ import annotations

import dataclasses
import secrets
import uuid
from datetime import date

import pytest

from peerdesk.domain.errors import PeerDeskError, PermissionDenied
from peerdesk.services import team
from peerdesk.storage.team.casework import TeamPeer, TeamSession
from peerdesk.storage.team.search_cache import SearchCache

CANARIES = ("Quillonrey", "Zebulfarth", "Moxiegrane", "Vendrillowe")


def _peer(ref: int, name: str, full: str = "", **values: object) -> TeamPeer:
    return TeamPeer(uuid.uuid4(), ref, name, date(2026, 3, 1), "walk_in", full_name=full,
                    **values)  # type: ignore[arg-type]


def _session(peer: TeamPeer, worker: int, note: str, steps: str = "") -> TeamSession:
    return TeamSession(uuid.uuid4(), peer.id, worker, date(2026, 4, 1), 30, "phone",
                       "peer_support", follow_up_on=date(2026, 5, 1), notes=note,
                       next_steps=steps)


def test_search_finds_by_name_prefix_and_note_word_in_the_vaults_order(joined_centre,
                                                                        tmp_path):
    desk = joined_centre.sign_in("caseworker", tmp_path)
    me = desk.staff_id
    zoe, abe, eve = (_peer(1, "Zoë", "Zoe Marchetti"), _peer(2, "abel", "Abel Marsh"),
                     _peer(3, "Eve", "Evelyn Stone"))
    for peer in (zoe, abe, eve):
        assert desk.add_peer(peer).sent
    assert desk.add_session(_session(eve, me, "Talked about the allotment",
                                     "Bring seedlings")).sent
    # Name prefixes, any word of either name, diacritics folded; by name, then ref.
    assert desk.find_peers("mar") == [abe.id, zoe.id]
    assert desk.find_peers("zoe") == [zoe.id]
    assert desk.find_peers("Ab Mar") == [abe.id]
    # A word of a note or next steps finds the peer it is about.
    assert desk.find_peers("allotm") == [eve.id]
    assert desk.find_peers("seedlings") == [eve.id]
    # The first two letters search names only (they match most notes).
    assert desk.find_peers("al") == [] and desk.find_peers("ev") == [eve.id]
    assert desk.find_peers("P-0002") == [abe.id]
    assert desk.find_peers("  ") == []
    assert desk.find_peers('"NEAR(') == []  # typed operators are words, never run
    rows = desk.cached_peers()
    assert [p.preferred_name for p in rows.peers] == ["abel", "Eve", "Zoë"]
    assert not rows.read_only and rows.in_step_at is not None
    assert rows.peers[1].last_contact == date(2026, 4, 1)
    assert rows.peers[1].next_follow_up == date(2026, 5, 1)
    desk.close()


def test_a_colleagues_change_on_another_desk_appears_after_refresh(joined_centre, tmp_path):
    mine = joined_centre.sign_in("caseworker", tmp_path / "pc1")
    theirs = joined_centre.sign_in("other_caseworker", tmp_path / "pc2")
    robin = _peer(1, "Robin")
    assert mine.add_peer(robin).sent
    assert theirs.find_peers("rob") == []          # not in step yet
    assert theirs.refresh_cache().changed_peers == 1
    assert theirs.find_peers("rob") == [robin.id]
    # They rename and add a note on their PC; mine sees it after its refresh.
    before = theirs.peer(robin.id)
    theirs.save_peer(before, dataclasses.replace(before, preferred_name="Wren"))
    theirs.add_session(_session(robin, theirs.staff_id, "Hedgehog rescue volunteering"))
    assert mine.find_peers("robin") == [robin.id]
    assert mine.find_peers("hedgehog") == []
    refreshed = mine.refresh_cache()
    assert (refreshed.changed_peers, refreshed.changed_sessions) == (1, 1)
    assert mine.find_peers("robin") == []
    assert mine.find_peers("wren") == [robin.id]
    assert mine.find_peers("hedgeh") == [robin.id]
    # Only what changed is read again.
    assert mine.refresh_cache().changed_peers == 0
    # A peer erased on the server leaves every cache.
    with joined_centre.server.connect(joined_centre.database) as conn:
        conn.execute("DELETE FROM casework.peer WHERE id = %s", (robin.id,))
    assert mine.refresh_cache().removed_peers == 1
    assert mine.find_peers("wren") == [] and mine.find_peers("hedgehog") == []
    assert mine.cached_peers().peers == []
    mine.close()
    theirs.close()


def test_an_unassigned_peer_leaves_a_peer_supporters_cache(joined_centre, tmp_path):
    ids = joined_centre.staff_ids
    lead = joined_centre.sign_in("lead", tmp_path / "lead")
    kit = _peer(1, "Kit", supporter_id=ids["supporter"])
    other = _peer(2, "Kitty")
    lead.add_peer(kit)
    lead.add_peer(other)
    lead.add_session(_session(kit, ids["lead"], "a lead's note about gardening"))
    supporter = joined_centre.sign_in("supporter", tmp_path / "supporter")
    supporter.add_session(_session(kit, supporter.staff_id, "kite flying on Sunday"))
    # Only the assigned peer, and only the notes they wrote.
    assert supporter.find_peers("kit") == [kit.id]
    assert supporter.find_peers("kite") == [kit.id]
    assert supporter.find_peers("gardening") == []
    before = lead.peer(kit.id)
    lead.save_peer(before, dataclasses.replace(before, supporter_id=None))
    refreshed = supporter.refresh_cache()
    assert refreshed.removed_peers == 1
    assert supporter.find_peers("kit") == [] and supporter.find_peers("kite") == []
    assert supporter.cached_peers().peers == []
    # Assigned again: back, with their older sessions.
    now = lead.peer(kit.id)
    lead.save_peer(now, dataclasses.replace(now, supporter_id=ids["supporter"]))
    supporter.refresh_cache()
    assert supporter.find_peers("kite") == [kit.id]
    # The lead, who still sees them, keeps them through it all.
    assert lead.find_peers("kit") == [kit.id, other.id]
    lead.close()
    supporter.close()


def test_offline_the_cached_list_is_readable_and_edits_are_refused(joined_centre, tmp_path):
    desk = joined_centre.sign_in("caseworker", tmp_path)
    peer = _peer(1, "Harbour")
    desk.add_peer(peer)
    before = desk.peer(peer.id)
    in_step = desk.cached_peers().in_step_at
    joined_centre.server.stop()
    try:
        listed = desk.cached_peers()
        assert listed.read_only
        assert listed.in_step_at == in_step
        assert [p.preferred_name for p in listed.peers] == ["Harbour"]
        assert desk.find_peers("harb") == [peer.id]
        with pytest.raises(team.OfflineEdit):
            desk.save_peer(before, dataclasses.replace(before, preferred_name="Changed"))
        # New peers wait in the outbox, found meanwhile in the cache.
        assert not desk.add_peer(_peer(2, "Offline Olive")).sent
        olive = desk.find_peers("olive")
        assert len(olive) == 1
    finally:
        joined_centre.server.start()
    assert desk.send_waiting().sent == 1
    assert desk.find_peers("olive") == olive
    assert not desk.cached_peers().read_only
    desk.close()


def test_the_cache_file_holds_no_name_in_plain_bytes_and_a_wrong_key_cant_open_it(
        joined_centre, tmp_path):
    desk = joined_centre.sign_in("caseworker", tmp_path)
    first, second, note, steps = CANARIES
    peer = _peer(1, first, second)
    desk.add_peer(peer)
    desk.add_session(_session(peer, desk.staff_id, f"met {note}", steps))
    assert desk.find_peers(first) == [peer.id] and desk.find_peers(steps) == [peer.id]
    path = desk.search_cache().path
    desk.close()
    folder = path.parent
    files = list(folder.iterdir())
    assert path in files
    raw = b"".join(f.read_bytes() for f in files)
    for canary in CANARIES:
        for encoded in (canary.encode("utf-8"), canary.lower().encode("utf-8"),
                        canary.encode("utf-16-le")):
            assert encoded not in raw, canary
    # Not the casework key itself, nor the outbox's subkey, nor another key.
    with pytest.raises(PeerDeskError):
        SearchCache(path, secrets.token_bytes(32))
    opened = SearchCache(path, joined_centre.casework_key)
    assert opened.find(first) == [peer.id]
    opened.close()


def test_a_deactivated_person_loses_the_cache_on_this_pc(joined_centre, tmp_path):
    supporter = joined_centre.sign_in("supporter", tmp_path)
    lead = joined_centre.sign_in("lead", tmp_path / "lead")
    lead.add_peer(_peer(1, "Juniper", supporter_id=supporter.staff_id))
    supporter.refresh_cache()
    path = supporter.search_cache().path
    assert path.exists() and supporter.find_peers("jun")
    with joined_centre.server.connect(joined_centre.database, autocommit=True) as conn:
        conn.execute("SELECT main.deactivate_staff_login(%s)",
                     (joined_centre.logins["supporter"],))
    with pytest.raises(PermissionDenied, match="no longer active"):
        supporter.refresh_cache()
    assert not path.exists()
    supporter.close()
    lead.close()


def test_an_administrator_has_no_cache(joined_centre, tmp_path):
    admin = joined_centre.sign_in("admin", tmp_path)
    with pytest.raises(PermissionDenied):
        admin.find_peers("a")
    with pytest.raises(PermissionDenied):
        admin.cached_peers()
    admin.close()
    assert not (joined_centre.place(tmp_path).data_dir / "team-search").exists()


def test_a_save_that_commits_late_is_not_missed(joined_centre, tmp_path):
    """A transaction stamped before rows already read, committed after the read:
    the watermark (the oldest transaction still running) catches it next time."""
    from peerdesk.storage.team.casework import TeamCasework
    from peerdesk.storage.team.fieldcrypt import FieldCipher

    desk = joined_centre.sign_in("caseworker", tmp_path)
    slow = joined_centre.server.connect(joined_centre.database)  # not autocommit
    try:
        store = TeamCasework(slow, FieldCipher(joined_centre.casework_key,
                                               compartment="casework"))
        late = _peer(1, "Latecomer")
        slow.execute("SELECT pg_current_xact_id()")  # its stamp is taken now
        values = {c: getattr(late, c) for c in ("id", "ref_number", "contact_route",
                                                 "first_contact")}
        sealed = {c: store.cipher.seal("peer", c, late.id, getattr(late, c))
                  for c in ("preferred_name", "full_name", "gender_description",
                            "closed_reason")}
        slow.execute("INSERT INTO casework.peer (id, ref_number, contact_route, first_contact, "
                     "preferred_name, full_name, gender_description, closed_reason) VALUES "
                     "(%(id)s, %(ref_number)s, %(contact_route)s, %(first_contact)s, "
                     "%(preferred_name)s, %(full_name)s, %(gender_description)s, "
                     "%(closed_reason)s)", {**values, **sealed})
        early = _peer(2, "Early")
        desk.add_peer(early)  # a later transaction, committed first; refreshed after
        assert desk.find_peers("early") == [early.id]
        assert desk.find_peers("latecomer") == []
        slow.commit()
    finally:
        slow.close()
    desk.refresh_cache()
    assert desk.find_peers("latecomer") == [late.id]
    desk.close()


def test_old_entries_of_removed_rows_are_pruned_and_a_pc_that_missed_one_reads_again(
        joined_centre, tmp_path):
    """casework.cache_drop is kept 90 days (team migration 10): then pruned, and a
    PC switched off meanwhile, whose watermark is older than what was pruned,
    reads everything it may see again rather than keep a peer no longer theirs."""
    ids = joined_centre.staff_ids
    lead = joined_centre.sign_in("lead", tmp_path / "lead")
    kit, other = _peer(1, "Kit", supporter_id=ids["supporter"]), _peer(2, "Kitty")
    lead.add_peer(kit)
    lead.add_peer(other)
    supporter = joined_centre.sign_in("supporter", tmp_path / "supporter")
    assert supporter.find_peers("kit") == [kit.id]
    supporter.close()  # this PC is switched off for months
    before = lead.peer(kit.id)
    lead.save_peer(before, dataclasses.replace(before, supporter_id=None))
    with joined_centre.server.connect(joined_centre.database) as conn:
        assert conn.execute("SELECT count(*) FROM casework.cache_drop").fetchone() == (1,)
        conn.execute("UPDATE casework.cache_drop SET dropped_at = now() - interval '91 days'")
    # A newer entry stays (another PC may still need it).
    now = lead.peer(other.id)
    lead.save_peer(now, dataclasses.replace(now, supporter_id=ids["lead"]))
    lead.refresh_cache()  # any PC's refresh prunes
    with joined_centre.server.connect(joined_centre.database) as conn:
        kept = conn.execute("SELECT row_id FROM casework.cache_drop").fetchall()
        pruned = conn.execute("SELECT count(*) FROM casework.cache_drop_pruned").fetchone()
    assert kept == [(other.id,)] and pruned == (1,)
    # Signing in brings the cache in step: read whole, Kit's copy goes.
    supporter = joined_centre.sign_in("supporter", tmp_path / "supporter")
    try:
        assert supporter.find_peers("kit") == [] and supporter.cached_peers().peers == []
    finally:
        supporter.close()
    assert lead.find_peers("kit") == [kit.id, other.id]
    lead.close()
