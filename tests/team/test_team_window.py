"""The window a caseworker works in after joining the team (ui/team/team_window.py),
driven with qtbot against the real test cluster: the peers list searched as
you type, a peer opened (audited), added, changed (with a colleague's save
first: the conflict dialog), a session logged; the server stopped: a banner,
the cached list read-only, a new session into the outbox and sent when it is
back; a peer supporter sees only their peers; an administrator is refused; a
server host that never answers does not freeze the window."""

from __future__ import annotations

import contextlib
import dataclasses
import os
import shutil
import socket
import tempfile
import threading
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer

from peerdesk.domain.audit import AuditAction
from peerdesk.domain.peer import PeerDraft
from peerdesk.domain.safe_contact import SafeContact
from peerdesk.services import access
from peerdesk.services.casework_store import NewSession, TeamStore
from peerdesk.services.team import OfflineEdit
from peerdesk.ui.team.conflict_dialog import ConflictDialog
from peerdesk.ui.team.store_forms import StorePeerDialog, StoreSessionDialog
from peerdesk.ui.team.team_window import TeamWindow

SHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"


def _draft(name: str, **changes: Any) -> PeerDraft:
    return PeerDraft(preferred_name=name, first_contact=date(2026, 3, 2), **changes)


def _window(qtbot, centre, who: str, folder: Path) -> TeamWindow:
    window = TeamWindow(centre.sign_in(who, folder / who), check_every_ms=3_600_000)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()  # the offscreen platform does not hand it back by itself
    qtbot.waitUntil(window.isActiveWindow)
    _wait_for_the_answer(qtbot, window)
    if window.today is not None:
        # These tests drive the peers pages (Today is the first tab).
        window.tabs.setCurrentWidget(window.peers)
    return window


def _wait_for_the_answer(qtbot, window: TeamWindow) -> None:
    """The server is asked off the GUI thread; wait until it (and any asked
    again meanwhile) has answered."""
    qtbot.waitUntil(lambda: not window.checking, timeout=30000)


def _names(window: TeamWindow) -> list[str]:
    model = window.peers.list_page.model
    return [model.data(model.index(row, 1)) for row in range(model.rowCount())]


def _audit(centre, peer_id: object) -> list[AuditAction]:
    with centre.server.connect(centre.database) as conn:
        rows = conn.execute("SELECT action FROM main.audit_event WHERE target_kind = 'peer' "
                            "AND target_id = %s ORDER BY id", (str(peer_id),)).fetchall()
    return [AuditAction(action) for (action,) in rows]


def _screenshot(window: TeamWindow, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(SHOTS / f"{name}.png"))


@pytest.fixture
def caseload(joined_centre, tmp_path):
    """Three peers added by a caseworker from another PC; one is the supporter's."""
    desk = joined_centre.sign_in("caseworker", tmp_path / "other-pc")
    store = TeamStore(desk)
    ids = {
        "Robin": store.add(_draft("Robin Example", full_name="Robin Q Example"),
                           safe_contact=SafeContact(texts_ok=True, code_word="bluebird")),
        "Sunny": store.add(_draft("Sunny Día",
                                  supporter_id=joined_centre.staff_ids["supporter"])),
        "Ash": store.add(_draft("Ash Tree")),
    }
    desk.close()
    return ids


def test_the_list_searches_as_you_type_and_opens_a_peer_audited(
        qtbot, joined_centre, caseload, tmp_path):
    window = _window(qtbot, joined_centre, "caseworker", tmp_path)
    peers = window.peers
    assert _names(window) == ["Ash Tree", "Robin Example", "Sunny Día"]
    assert peers.list_page.count.text() == "3 peers"
    assert not window.offline_banner.isVisible()
    assert window.waiting_label.text() == "Connected to the team server."
    peers.list_page.table.setFocus()
    qtbot.keyClick(peers.list_page.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert peers.list_page.search.hasFocus()
    qtbot.keyClicks(peers.list_page.search, "rob")
    assert _names(window) == ["Robin Example"]
    assert peers.list_page.count.text() == "1 peer matches"
    peers.list_page.search.setText("dia")                      # accents aside
    assert _names(window) == ["Sunny Día"]
    peers.list_page.search.setText("nobody like this")
    assert _names(window) == [] and "Nobody matches" in peers.list_page.views.empty.text()
    peers.list_page.search.setText("example")
    before = _audit(joined_centre, caseload["Robin"])
    qtbot.keyClick(peers.list_page.search, Qt.Key.Key_Return)  # the only match opens
    assert peers.showing_peer()
    page = peers.peer_page
    assert page.title.text() == "Robin Example"
    assert page.detail_labels["full_name"].text() == "Robin Q Example"
    assert "bluebird" not in page.banner.banner_text()
    assert page.banner.banner_text() != ""
    assert _audit(joined_centre, caseload["Robin"])[len(before):] == [AuditAction.VIEWED] * 2
    assert "Robin" not in window.windowTitle()
    _screenshot(window, "team-window-peer")
    qtbot.mouseClick(page.back_button, Qt.MouseButton.LeftButton)
    assert not peers.showing_peer()
    assert peers.list_page.selected_peer() == caseload["Robin"]


def test_adding_a_peer_from_the_window(qtbot, joined_centre, tmp_path):
    window = _window(qtbot, joined_centre, "caseworker", tmp_path)
    assert "No peers yet" in window.peers.list_page.views.empty.text()
    window.peers.list_page.search.setFocus()
    qtbot.keyClick(window.peers.list_page.search, Qt.Key.Key_N,
                   Qt.KeyboardModifier.ControlModifier)
    dialog = window.peers.dialog
    assert isinstance(dialog, StorePeerDialog) and dialog.isVisible()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)  # no name: refused
    assert dialog.isVisible() and dialog.fields["name"].error.text()
    dialog.preferred_name.setText("Kit Newcomer")
    dialog.full_name.setText("Kit A Newcomer")
    with qtbot.waitSignal(dialog.stored, timeout=10000) as stored:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert _names(window) == ["Kit Newcomer"]
    assert window.peers.showing_peer()
    assert window.peers.peer_page.peer_id == stored.args[0]
    assert window.peers.peer_page.detail_labels["full_name"].text() == "Kit A Newcomer"
    assert AuditAction.CREATED in _audit(joined_centre, stored.args[0])


def test_a_colleague_saved_first_the_conflict_dialog_chooses(
        qtbot, joined_centre, caseload, tmp_path):
    window = _window(qtbot, joined_centre, "caseworker", tmp_path)
    assert window.peers.open_peer(caseload["Ash"])
    dialog = window.peers.edit_peer()
    assert dialog is not None
    dialog.preferred_name.setText("Ashley Tree")
    dialog.languages.setText("Welsh")
    # Meanwhile the programme lead, on another PC, renames them too.
    lead = TeamStore(joined_centre.sign_in("lead", tmp_path / "lead-pc"))
    theirs = lead.open(caseload["Ash"]).record
    lead.edit(theirs, _draft("Ash T.", nationality="IE"))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    conflict = dialog.conflict_dialog
    assert isinstance(conflict, ConflictDialog) and conflict.isVisible()
    assert dialog.isVisible()                                   # nothing typed is lost
    assert set(conflict.choices) == {"preferred_name"}
    _theirs, mine = conflict.choices["preferred_name"]
    qtbot.mouseClick(mine, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(dialog.stored, timeout=10000):
        qtbot.mouseClick(conflict.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    now = lead.open(caseload["Ash"]).record.details
    assert (now.preferred_name, now.languages, now.nationality) == ("Ashley Tree", "Welsh", "IE")
    assert window.peers.peer_page.title.text() == "Ashley Tree"
    lead.desk.close()


def test_logging_a_session_from_a_peers_page(qtbot, joined_centre, caseload, tmp_path):
    window = _window(qtbot, joined_centre, "caseworker", tmp_path)
    assert window.peers.open_peer(caseload["Robin"])
    assert window.peers.peer_page.sessions_model.count() == 0
    window.peers.peer_page.log_button.setFocus()
    qtbot.keyClick(window.peers.peer_page.log_button, Qt.Key.Key_S,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    dialog = window.peers.dialog
    assert isinstance(dialog, StoreSessionDialog) and dialog.isVisible()
    assert dialog.banner.isVisible()                       # how to contact them, in view
    dialog.held_on.setText("2026-11-20")
    dialog.notes.setPlainText("Talked about the move.")
    with qtbot.waitSignal(dialog.stored, timeout=10000):
        qtbot.keyClick(dialog.notes, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    rows = window.peers.peer_page.sessions_model.rows()
    assert [(r.held_on, r.notes) for r in rows] == [(date(2026, 11, 20),
                                                      "Talked about the move.")]
    assert window.desk.waiting() == 0


def test_server_away_banner_cached_list_read_only_and_the_outbox(
        qtbot, joined_centre, caseload, tmp_path):
    window = _window(qtbot, joined_centre, "caseworker", tmp_path)
    joined_centre.server.stop()
    try:
        window.refresh()
        _wait_for_the_answer(qtbot, window)
        assert window.offline_banner.isVisible()
        assert window.offline_banner.text().startswith("The team server can't be reached.")
        window.peers.list_page.reload()
        assert _names(window) == ["Ash Tree", "Robin Example", "Sunny Día"]  # cached
        window.peers.list_page.search.setText("sun")
        assert _names(window) == ["Sunny Día"]
        window.peers.list_page.search.clear()
        assert window.peers.open_peer(caseload["Robin"])
        page = window.peers.peer_page
        assert page.title.text() == "Robin Example" and page.note.isVisible()
        assert window.peers.edit_peer() is None                     # refused, saying why
        assert window.peers.message.text() == OfflineEdit().user_message
        dialog = window.peers.log_session()
        assert dialog is not None
        dialog.notes.setPlainText("Phoned while the server was down.")
        with qtbot.waitSignal(dialog.stored, timeout=10000):
            qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        assert window.desk.waiting() == 1
        window.refresh()
        assert window.waiting_label.text() == "1 saved on this PC is waiting to be sent."
        # A new peer waits in the outbox too, their number given when it is sent;
        # found meanwhile in this PC's cache, and a session can be logged for them.
        add = window.peers.add_peer()
        assert add is not None
        add.preferred_name.setText("Kit Offline")
        add.full_name.setText("Kit Q Offline")
        add.code_word.setText("heron")
        with qtbot.waitSignal(add.stored, timeout=10000) as stored:
            qtbot.mouseClick(add.save_button, Qt.MouseButton.LeftButton)
        kit = stored.args[0]
        assert window.desk.waiting() == 2
        assert window.peers.showing_peer()
        assert window.peers.peer_page.subtitle.text() == "Number given when sent"
        assert window.peers.peer_page.title.text() == "Kit Offline"
        dialog = window.peers.log_session()
        assert dialog is not None
        dialog.notes.setPlainText("First meeting, offline.")
        with qtbot.waitSignal(dialog.stored, timeout=10000):
            qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        assert window.desk.waiting() == 3
        qtbot.mouseClick(window.peers.peer_page.back_button, Qt.MouseButton.LeftButton)
        window.peers.list_page.search.setText("q offl")              # the full name too
        assert _names(window) == ["Kit Offline"]
        window.peers.list_page.search.clear()
        window.refresh()
        assert window.send_button.isVisible() and not window.send_button.isEnabled()
        _screenshot(window, "team-window-offline")
    finally:
        joined_centre.server.start()
    window.refresh()
    _wait_for_the_answer(qtbot, window)
    assert not window.offline_banner.isVisible() and window.send_button.isEnabled()
    qtbot.mouseClick(window.send_button, Qt.MouseButton.LeftButton)   # sent off the GUI
    qtbot.waitUntil(lambda: not window.status_page.sending.running, timeout=30000)
    assert window.desk.waiting() == 0 and not window.send_button.isVisible()
    assert window.peers.open_peer(caseload["Robin"])
    assert [r.notes for r in window.peers.peer_page.sessions_model.rows()] == [
        "Phoned while the server was down."]
    # Kit landed once, numbered by the server after the three, with their details.
    assert window.peers.open_peer(kit)
    page = window.peers.peer_page
    assert page.subtitle.text() == "P-0004"
    assert page.opened is not None and page.opened.safe_contact.code_word == "heron"
    assert [r.notes for r in page.sessions_model.rows()] == ["First meeting, offline."]
    with joined_centre.server.connect(joined_centre.database) as conn:
        assert conn.execute("SELECT count(*) FROM casework.peer").fetchone()[0] == 4


@contextlib.contextmanager
def _host_that_never_answers(port: int) -> Iterator[str]:
    """A socket where a server would listen that takes connections and never
    answers them, as a host behind a dropped network holds a connect for its
    whole timeout. Gone at the end: what waits on it then fails at once."""
    folder = tempfile.mkdtemp(prefix="pd-silent-", dir="/tmp")  # short: socket paths
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        listener.bind(os.path.join(folder, f".s.PGSQL.{port}"))
        listener.listen(8)
        yield folder
    finally:
        listener.close()
        shutil.rmtree(folder, ignore_errors=True)


def _checks_running() -> int:
    return sum(t.name == "peerdesk-team-online" for t in threading.enumerate())


def test_a_server_that_never_answers_does_not_freeze_the_window(
        qtbot, joined_centre, tmp_path):
    window = _window(qtbot, joined_centre, "caseworker", tmp_path)
    desk = window.desk
    real = desk.info
    joined_centre.server.stop()          # the server goes: the window knows it is away
    try:
        window.refresh()
        _wait_for_the_answer(qtbot, window)
        assert window.offline_banner.isVisible()
        with _host_that_never_answers(real.port) as silent:
            # Then the network swallows what is sent to the server's host.
            desk.info = dataclasses.replace(real, host=silent)
            started = time.monotonic()
            window.refresh()
            # Asked on the GUI thread this took the whole connect timeout (10 s).
            assert time.monotonic() - started < 1.0
            assert window.checking
            ticks: list[int] = []
            QTimer.singleShot(50, lambda: ticks.append(1))
            qtbot.waitUntil(lambda: bool(ticks), timeout=2000)   # the window goes on
            assert window.checking and _checks_running() == 1    # still no answer
            window.refresh()                                      # asked again meanwhile:
            assert _checks_running() == 1                         # never two at once
        # The host stops listening: the answer comes; still away.
        _wait_for_the_answer(qtbot, window)
        assert window.offline_banner.isVisible() and not window.online
    finally:
        joined_centre.server.start()
    desk.info = real
    window.refresh()
    _wait_for_the_answer(qtbot, window)
    assert not window.offline_banner.isVisible()
    assert window.waiting_label.text() == "Connected to the team server."


def test_an_answer_after_the_window_closed_changes_nothing(qtbot, joined_centre, tmp_path):
    window = _window(qtbot, joined_centre, "caseworker", tmp_path)
    desk = window.desk
    real = desk.info
    with _host_that_never_answers(real.port) as silent:
        desk.info = dataclasses.replace(real, host=silent)
        window.refresh()
        assert window.checking
        window.close()                                  # signs out while it is asked
        assert not desk.keys.keys
    qtbot.waitUntil(lambda: _checks_running() == 0, timeout=30000)
    qtbot.wait(50)                                      # the answer's slots, if any, ran
    assert not window.offline_banner.isVisible() and window.online


def test_a_peer_supporter_sees_only_their_peers(qtbot, joined_centre, caseload, tmp_path):
    window = _window(qtbot, joined_centre, "supporter", tmp_path)
    assert _names(window) == ["Sunny Día"]
    window.peers.list_page.search.setText("robin")
    assert _names(window) == []
    assert not window.peers.open_peer(caseload["Robin"])
    assert window.peers.message.text() == access.NOT_ASSIGNED
    window.peers.list_page.search.clear()
    assert window.peers.open_peer(caseload["Sunny"])
    dialog = window.peers.log_session()
    assert dialog is not None
    with qtbot.waitSignal(dialog.stored, timeout=10000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert len(window.peers.peer_page.sessions_model.rows()) == 1


def test_an_administrator_is_refused_casework(qtbot, joined_centre, caseload, tmp_path):
    window = _window(qtbot, joined_centre, "admin", tmp_path)
    assert window.tabs.currentWidget() is window.status_page    # their work: the team's
    assert _names(window) == []
    assert window.peers.list_page.views.empty.text() == access.NOT_CASEWORK
    assert window.peers.add_peer() is None
    assert window.peers.message.text() == access.NOT_CASEWORK
    assert window.tabs.count() == 2                          # the team's status is there


def test_a_session_logged_offline_is_for_a_peer_this_login_may_see(
        joined_centre, caseload, tmp_path):
    """With the server away the peer is checked against this PC's search cache,
    which holds only the peers this login may see: another's is refused."""
    store = TeamStore(joined_centre.sign_in("supporter", tmp_path / "sup"))
    joined_centre.server.stop()
    try:
        from peerdesk.services.team import Offline

        with pytest.raises(Offline):
            store.log_session(NewSession(caseload["Robin"], date(2026, 11, 20), 30,
                                         *_modes()))
    finally:
        joined_centre.server.start()
        store.desk.close()


def _modes() -> tuple[Any, Any]:
    from peerdesk.domain.one_to_one import SessionKind, SessionMode

    return SessionMode.PHONE, SessionKind.PEER_SUPPORT


@pytest.fixture
def exits(monkeypatch) -> list[int]:
    from peerdesk.app import gui as gui_module

    codes: list[int] = []
    monkeypatch.setattr(gui_module.QApplication, "exit", lambda code=0: codes.append(code))
    return codes


def _controller(tmp_path: Path, place: Any) -> Any:
    from peerdesk.app.gui import GuiController
    from peerdesk.storage.paths import VaultPaths

    controller = GuiController(VaultPaths.at(tmp_path / "no-vault" / "centre.peerdesk"))
    controller.team_place = place
    return controller


def _sign_in(qtbot, dialog, centre, who: str) -> None:
    dialog.name.setText(centre.names[who])
    dialog.password.setText(centre.passwords[who])
    qtbot.mouseClick(dialog.join_button, Qt.MouseButton.LeftButton)


def test_joining_from_the_first_run_screen_opens_the_team_window(
        qtbot, joined_centre, tmp_path, exits):
    from peerdesk.ui.setup_wizard import SetupWizard

    controller = _controller(tmp_path, joined_centre.place(tmp_path / "pc"))
    wizard = controller.start()
    assert isinstance(wizard, SetupWizard)
    dialog = wizard.open_join()
    dialog.file.setText(str(joined_centre.connection_file))
    _sign_in(qtbot, dialog, joined_centre, "caseworker")
    qtbot.waitUntil(lambda: isinstance(controller.team_window, TeamWindow), timeout=30000)
    window = controller.team_window
    assert window.isVisible() and window.windowTitle() == "PeerDesk — team"
    controller.quit()
    assert exits == [0] and not window.isVisible()


def test_a_pc_that_joined_before_signs_in_to_the_team_window(
        qtbot, joined_centre, caseload, tmp_path, exits):
    import shutil

    from peerdesk.ui.team.join_dialog import JoinTeamDialog

    place = joined_centre.place(tmp_path / "pc")
    place.config_dir.mkdir(parents=True)
    shutil.copy(joined_centre.connection_file, place.connection_file)
    controller = _controller(tmp_path, place)
    dialog = controller.start()
    assert isinstance(dialog, JoinTeamDialog) and dialog.signing_in
    assert dialog.windowTitle() == "Sign in to your centre's team"
    assert not dialog.fields["file"].isVisible()            # only the name and password
    _sign_in(qtbot, dialog, joined_centre, "lead")
    qtbot.waitUntil(lambda: isinstance(controller.team_window, TeamWindow), timeout=30000)
    window = controller.team_window
    assert window.desk.staff_id == joined_centre.staff_ids["lead"]
    # Search is prepared in the background after sign-in; the list fills when it is.
    qtbot.waitUntil(lambda: _names(window) == ["Ash Tree", "Robin Example", "Sunny Día"],
                    timeout=30000)
    _screenshot(window, "team-window-list")
    window.close()                                     # closing it signs out and quits
    assert exits == [0] and controller.team_window is None


def test_locking_and_quick_hide_sign_the_person_out_of_the_team(
        qtbot, joined_centre, tmp_path, exits):
    import shutil

    from peerdesk.ui.team.join_dialog import JoinTeamDialog

    place = joined_centre.place(tmp_path / "pc")
    place.config_dir.mkdir(parents=True)
    shutil.copy(joined_centre.connection_file, place.connection_file)
    controller = _controller(tmp_path, place)
    _sign_in(qtbot, controller.start(), joined_centre, "caseworker")
    qtbot.waitUntil(lambda: isinstance(controller.team_window, TeamWindow), timeout=30000)
    window = controller.team_window
    assert controller.idle_lock is not None and controller.idle_lock._watching
    qtbot.mouseClick(window.lock_button, Qt.MouseButton.LeftButton)
    assert controller.team_window is None and not window.isVisible()
    # The keys are wiped, once a preparation under way has stopped after its batch.
    qtbot.waitUntil(lambda: not window.desk.keys.keys, timeout=30000)
    again = controller.team_sign_in
    assert isinstance(again, JoinTeamDialog) and again.isVisible() and again.signing_in
    _sign_in(qtbot, again, joined_centre, "caseworker")
    qtbot.waitUntil(lambda: isinstance(controller.team_window, TeamWindow), timeout=30000)
    window = controller.team_window
    controller.quick_hide()
    assert controller.team_window is None and not window.isVisible()
    assert controller.neutral_screen is not None and controller.neutral_screen.isVisible()
    controller._leave_neutral_screen()
    assert isinstance(controller.team_sign_in, JoinTeamDialog)
    assert controller.team_sign_in.isVisible()
    assert exits == []
    controller.quit()
