"""A session saved on this PC goes straight into its search cache, as the next
refresh would read it: a save waits for no round of the server's changes, and
the refresh after it finds the row unchanged (issue 18: speed of a save)."""

from __future__ import annotations

from tests.team.test_search_cache import _peer, _session


def test_a_session_saved_here_is_searchable_at_once_and_the_refresh_finds_it_unchanged(
        joined_centre, tmp_path):
    mine = joined_centre.sign_in("caseworker", tmp_path / "pc1")
    theirs = joined_centre.sign_in("other_caseworker", tmp_path / "pc2")
    try:
        kai = _peer(1, "Kai")
        assert mine.add_peer(kai).sent
        theirs.refresh_cache()
        # A colleague's note saved meanwhile: my save doesn't read it, my refresh does.
        assert theirs.add_session(_session(kai, theirs.staff_id, "Origami workshop")).sent
        assert mine.add_session(_session(kai, mine.staff_id, "Kayak club membership")).sent
        assert mine.find_peers("kayak") == [kai.id]
        assert mine.find_peers("origami") == []
        refreshed = mine.refresh_cache()
        # Only the colleague's session is new to my cache: mine was already as the
        # server stamps it (read again, it would be replaced and the index rewritten).
        assert (refreshed.changed_sessions, refreshed.removed_sessions) == (1, 0)
        assert mine.find_peers("origami") == [kai.id] and mine.find_peers("kayak") == [kai.id]
        assert theirs.refresh_cache().changed_sessions == 1
        assert theirs.find_peers("kayak") == [kai.id]
    finally:
        mine.close()
        theirs.close()
