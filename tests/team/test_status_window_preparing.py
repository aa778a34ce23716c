"""The team window after signing in, driven with qtbot against the real test
cluster: the long work runs as a background job with its progress shown,
search says plainly it is still being prepared, and closing the window stops
the job after its batch and signs out only once it has (issue 18)."""

from __future__ import annotations

import pytest

from peerdesk.domain.staff import Compartment
from peerdesk.services import team
from peerdesk.storage.team import rotation
from peerdesk.storage.team import search_cache as cache_module
from peerdesk.ui.team.status_window import TeamStatusWindow
from tests.team.test_key_rotation import _deactivate, _fill


@pytest.fixture
def small_batches(monkeypatch):
    monkeypatch.setattr(cache_module, "FILL_BATCH", 5)
    monkeypatch.setattr(rotation, "BATCH", 4)


def _window(qtbot, desk, **kwargs) -> TeamStatusWindow:
    window = TeamStatusWindow(desk, **kwargs)
    qtbot.addWidget(window)
    window.show()
    return window


def test_search_says_it_is_being_prepared_then_finds_once_ready(qtbot, joined_centre,
                                                                tmp_path, small_batches):
    lead = joined_centre.sign_in("lead", tmp_path / "lead")
    _fill(lead, 12)
    lead.close()

    desk = joined_centre.sign_in("lead", tmp_path / "pc", prepare=False)
    window = _window(qtbot, desk, prepare=False)
    qtbot.keyClicks(window.search, "peer")
    assert window.found.text().startswith("Search is still being prepared (0 %).")

    shown: list[tuple[str, int, bool]] = []
    window.start_preparing()
    assert window.is_preparing and window.progress.isVisible()
    assert window.job is not None
    window.job.progress.connect(lambda _t: shown.append(
        (window.preparing.text(), window.progress.value(), window.progress.isVisible())))
    qtbot.waitUntil(lambda: not window.is_preparing, timeout=60_000)

    # Each batch moved the bar on and said how far search had got, visibly.
    values = [value for _text, value, _visible in shown]
    assert values == sorted(values) and 0 < values[1] < 100
    assert all(visible for *_rest, visible in shown)
    assert any(f"Preparing search on this PC: {v} %" in text for text, v, _ in shown
               if 0 < v < 100)
    # Ready: the bar goes, and the words typed meanwhile are searched.
    assert not window.progress.isVisible()
    assert window.preparing.text() == "Search is ready."
    assert window.found.text() == "Peers found: 12."
    window.search.clear()
    qtbot.keyClicks(window.search, "peer 3")
    assert window.found.text() == "Peers found: 1."
    window.close()
    assert not desk.keys.keys   # signed out: its keys wiped


def test_closing_mid_preparation_stops_after_the_batch_and_signs_out_after(
        qtbot, joined_centre, tmp_path, small_batches):
    lead = joined_centre.sign_in("lead", tmp_path / "lead")
    _fill(lead, 12)
    lead.close()

    desk = joined_centre.sign_in("lead", tmp_path / "pc", prepare=False)
    window = _window(qtbot, desk)          # starts preparing at once
    assert window.is_preparing
    job = window.job
    assert job is not None
    window.close()                         # the person closes PeerDesk midway
    assert desk.keys.keys                  # still in use by the job: not wiped yet
    qtbot.waitUntil(lambda: not job.running and window.job is None, timeout=60_000)
    assert not desk.keys.keys              # now signed out
    assert desk.preparation.phase is team.Phase.WAITING
    assert 0 < desk.preparation.percent < 100

    # Next time on that PC it goes on from there and ends ready.
    again = joined_centre.sign_in("lead", tmp_path / "pc", prepare=False)
    window = _window(qtbot, again)
    qtbot.keyClicks(window.search, "peer")
    assert "Search is still being prepared" in window.found.text()
    qtbot.waitUntil(lambda: not window.is_preparing, timeout=60_000)
    assert window.found.text() == "Peers found: 12."
    window.close()


def test_a_key_change_shows_as_such_and_the_person_can_work_meanwhile(
        qtbot, joined_centre, tmp_path, small_batches):
    centre = joined_centre
    worker = centre.sign_in("caseworker", tmp_path / "cw")
    _fill(worker, 6)
    worker.close()
    _deactivate(centre, "caseworker", tmp_path / "admin").close()

    desk = centre.sign_in("lead", tmp_path / "lead", prepare=False)
    window = _window(qtbot, desk, prepare=False)
    texts: list[str] = []
    window.start_preparing()
    assert window.job is not None
    window.job.progress.connect(lambda _t: texts.append(window.preparing.text()))
    qtbot.waitUntil(lambda: not window.is_preparing, timeout=60_000)
    assert any(t.startswith("Changing the casework key, because someone who held it has "
                            "left:") for t in texts)
    assert desk.keys.generation(Compartment.CASEWORK) == 2
    assert Compartment.CASEWORK.value not in desk.keys.older
    qtbot.keyClicks(window.search, "peer")
    assert window.found.text() == "Peers found: 6."
    assert window.error.text() == ""
    window.close()
