"""No waiting on the network on the GUI thread: "Send now" in the team window and
the standalone team status window's server check run as background jobs
(ui/team/team_jobs.py), against a host that takes connections and never
answers (as a host behind a dropped network holds a connect)."""

from __future__ import annotations

import dataclasses
import threading
import time
import uuid
from datetime import date

from PySide6.QtCore import Qt, QTimer

from peerdesk.domain.peer import PeerDraft
from peerdesk.services.casework_store import TeamStore
from peerdesk.storage.team.casework import TeamSession
from peerdesk.ui.team.status_window import TeamStatusWindow
from tests.team.test_team_window import _host_that_never_answers, _wait_for_the_answer, _window


def _jobs(name: str) -> int:
    return sum(t.name == name for t in threading.enumerate())


def _window_goes_on(qtbot) -> None:
    ticks: list[int] = []
    QTimer.singleShot(50, lambda: ticks.append(1))
    qtbot.waitUntil(lambda: bool(ticks), timeout=2000)


def test_send_now_runs_off_the_gui_thread_and_says_so(qtbot, joined_centre, tmp_path):
    window = _window(qtbot, joined_centre, "caseworker", tmp_path)
    desk = window.desk
    peer = TeamStore(desk).add(PeerDraft(preferred_name="Quinn", first_contact=date(2026, 3, 2)))
    real = desk.info
    joined_centre.server.stop()
    try:
        window.refresh()
        _wait_for_the_answer(qtbot, window)
        assert not desk.add_session(TeamSession(uuid.uuid4(), peer, desk.staff_id,
                                                date(2026, 4, 1), 30, "phone",
                                                "peer_support", notes="Kept here")).sent
        window.refresh()
        _wait_for_the_answer(qtbot, window)
        with _host_that_never_answers(real.port) as silent:
            desk.info = dataclasses.replace(real, host=silent)
            started = time.monotonic()
            window.send_now()
            # On the GUI thread this waited the whole connect timeout (10 s).
            assert time.monotonic() - started < 1.0
            assert window.status_page.sending.running
            _window_goes_on(qtbot)
            assert window.status_page.sending.running           # still no answer
            assert window.send_button.text() == "Sending…"
            assert not window.send_button.isEnabled()
            assert window.status_page.state.text() == "Sending what was saved on this PC…"
            window.send_now()                                    # pressed again meanwhile:
            assert _jobs("peerdesk-team-send") == 1              # never two at once
        # The host stops listening: the send ends, nothing lost, still waiting.
        qtbot.waitUntil(lambda: not window.status_page.sending.running, timeout=30000)
        assert desk.waiting() == 1
        assert window.message.text() == "The server went away again; 1 are still waiting."
    finally:
        joined_centre.server.start()
    desk.info = real
    window.refresh()
    _wait_for_the_answer(qtbot, window)
    assert window.send_button.isEnabled() and window.send_button.text() == "Send &now"
    qtbot.mouseClick(window.send_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.status_page.sending.running, timeout=30000)
    assert desk.waiting() == 0 and not window.send_button.isVisible()
    assert window.message.text() == ""
    assert [s.notes for s in desk.sessions(peer)] == ["Kept here"]     # sent once


def test_the_status_window_asks_the_server_off_the_gui_thread(qtbot, joined_centre, tmp_path):
    desk = joined_centre.sign_in("caseworker", tmp_path)
    real = desk.info
    with _host_that_never_answers(real.port) as silent:
        desk.info = dataclasses.replace(real, host=silent)
        started = time.monotonic()
        window = TeamStatusWindow(desk, prepare=False)
        qtbot.addWidget(window)
        window.show()
        assert time.monotonic() - started < 1.0
        assert window.check.running
        assert window.state.text() == "Checking whether the team server can be reached…"
        _window_goes_on(qtbot)
        window.refresh()                                     # asked again meanwhile
        assert _jobs("peerdesk-team-online") == 1
    qtbot.waitUntil(lambda: not window.check.running, timeout=30000)
    assert window.state.text().startswith("The team server can't be reached.")
    desk.info = real
    window.refresh()
    qtbot.waitUntil(lambda: window.state.text() == "Connected to the team server.",
                    timeout=30000)
    window.close()                                           # signs out
    assert not desk.keys.keys


def test_a_send_ended_after_the_window_closed_changes_nothing(qtbot, joined_centre,
                                                              tmp_path):
    window = _window(qtbot, joined_centre, "caseworker", tmp_path)
    desk = window.desk
    real = desk.info
    with _host_that_never_answers(real.port) as silent:
        desk.info = dataclasses.replace(real, host=silent)
        window.send_now()
        assert window.status_page.sending.running
        window.close()                                       # signs out while it sends
        assert not desk.keys.keys                            # the desk's keys wiped at once
    qtbot.waitUntil(lambda: _jobs("peerdesk-team-send") == 0, timeout=30000)
    qtbot.wait(50)
    assert window.message.text() == ""
