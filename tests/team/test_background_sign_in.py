"""Signing in to the team is quick; the long work after it (a casework key change
owed since someone left, the first fill of this PC's search cache) runs as
TeamDesk.prepare, in batches it can stop after and go on from at the next
sign-in, and search says plainly that it is still being prepared (issue 18)."""

from __future__ import annotations

import pytest

from peerdesk.domain.staff import Compartment
from peerdesk.services import team
from peerdesk.storage.team import rotation
from peerdesk.storage.team import search_cache as cache_module
from peerdesk.storage.team.fieldcrypt import generation_of
from tests.team.test_key_rotation import _deactivate, _dump, _fill, _peer


@pytest.fixture
def small_batches(monkeypatch):
    monkeypatch.setattr(cache_module, "FILL_BATCH", 5)


def test_sign_in_returns_before_the_cache_is_filled_and_search_says_so(
        joined_centre, tmp_path, small_batches):
    lead = joined_centre.sign_in("lead", tmp_path / "lead")
    peers = _fill(lead, 12)
    lead.close()

    desk = joined_centre.sign_in("lead", tmp_path / "new-pc", prepare=False)
    assert desk.needs_preparation and not desk.preparation.search_ready
    with pytest.raises(team.SearchNotReady) as not_ready:
        desk.find_peers("peer")
    assert not_ready.value.user_message.startswith("Search is still being prepared (0 %)")
    with pytest.raises(team.SearchNotReady):
        desk.cached_peers()
    assert desk.refresh_cache() is None      # nothing half-read behind the job's back
    # Saving works meanwhile (straight to the server).
    assert desk.add_peer(_peer(13)).sent

    seen: list[tuple[team.Phase, int]] = []
    state = desk.prepare(progress=lambda p: seen.append((p.phase, p.percent)))
    assert state.done and state.search_ready and state.percent == 100
    percents = [n for phase, n in seen if phase is team.Phase.SEARCH]
    assert percents == sorted(percents) and 0 < percents[1] < 100
    assert desk.find_peers("peer 7") == [peers[6].id]
    assert len(desk.cached_peers().peers) == 13
    desk.close()


def test_a_fill_stopped_midway_goes_on_from_where_it_was_at_the_next_sign_in(
        joined_centre, tmp_path, small_batches):
    lead = joined_centre.sign_in("lead", tmp_path / "lead")
    peers = _fill(lead, 12)
    lead.close()

    desk = joined_centre.sign_in("lead", tmp_path / "pc", prepare=False)
    state = desk.prepare(should_stop=lambda: True)   # the window closed after one batch
    assert state.phase is team.Phase.WAITING and not state.search_ready
    assert state.percent == 5 * 100 // 12
    with pytest.raises(team.SearchNotReady) as not_ready:
        desk.find_peers("peer")
    assert "(41 %)" in not_ready.value.user_message
    desk.close()

    # Someone adds a peer meanwhile: the fill still ends in step.
    other = joined_centre.sign_in("lead", tmp_path / "other")
    late = _peer(13)
    assert other.add_peer(late).sent
    other.close()

    again = joined_centre.sign_in("lead", tmp_path / "pc", prepare=False)
    assert not again.preparation.search_ready      # half a cache is not searched
    seen: list[int] = []
    assert again.prepare(progress=lambda p: seen.append(p.percent)).done
    assert seen[1] == 10 * 100 // 13   # one batch more than before: not again from nothing
    assert set(again.find_peers("peer")) == {p.id for p in peers} | {late.id}
    again.close()

    # The next sign-in on that PC searches at once.
    later = joined_centre.sign_in("lead", tmp_path / "pc", prepare=False)
    assert later.preparation.search_ready
    assert later.find_peers("peer 3") == [peers[2].id]
    later.close()


def test_a_key_change_owed_is_done_by_prepare_not_by_sign_in_and_resumes(
        joined_centre, tmp_path, monkeypatch):
    centre = joined_centre
    worker = centre.sign_in("caseworker", tmp_path / "cw")
    _fill(worker, 6)
    worker.close()
    _deactivate(centre, "caseworker", tmp_path / "admin").close()

    lead = centre.sign_in("lead", tmp_path / "lead", prepare=False)
    assert lead.key_changes_done == [] and lead.needs_preparation
    assert not lead.preparation.search_ready
    assert {generation_of(v) for *_, v in _dump(centre)} == {1}   # nothing done at sign-in
    monkeypatch.setattr(rotation, "BATCH", 4)
    phases: list[team.Phase] = []
    stopped = lead.prepare(progress=lambda p: phases.append(p.phase),
                           should_stop=lambda: True)
    assert stopped.phase is team.Phase.WAITING and team.Phase.KEY_CHANGE in phases
    assert sorted({generation_of(v) for *_, v in _dump(centre)}) == [1, 2]   # half done
    lead.close()

    again = centre.sign_in("lead", tmp_path / "lead", prepare=False)
    assert again.prepare().done
    again.prepared()
    [done] = again.key_changes_done
    assert done.generation == 2
    assert {generation_of(v) for *_, v in _dump(centre)} == {2}
    assert again.keys.generation(Compartment.CASEWORK) == 2
    assert Compartment.CASEWORK.value not in again.keys.older   # wiped once the change ended
    assert len(again.find_peers("peer")) == 6
    again.close()


def test_signing_out_mid_preparation_waits_for_the_batch_and_stops_it(
        joined_centre, tmp_path, small_batches):
    import threading

    lead = joined_centre.sign_in("lead", tmp_path / "lead")
    _fill(lead, 12)
    lead.close()
    desk = joined_centre.sign_in("lead", tmp_path / "pc", prepare=False)
    in_batch, go_on = threading.Event(), threading.Event()
    ended: list[team.Preparation] = []

    def told(state: team.Preparation) -> None:
        if state.percent > 0:          # a batch is done: hold the worker here
            in_batch.set()
            go_on.wait(30)

    worker = threading.Thread(target=lambda: ended.append(desk.prepare(progress=told)))
    worker.start()
    assert in_batch.wait(30)
    closing = threading.Thread(target=desk.close)
    closing.start()
    closing.join(0.5)
    assert closing.is_alive() and desk.keys.keys     # waits: the worker uses the keys
    go_on.set()
    worker.join(30)
    closing.join(30)
    assert not closing.is_alive() and not desk.keys.keys
    [state] = ended
    assert state.phase is team.Phase.WAITING and 0 < state.percent < 100   # stopped early
