"""Today and Sessions in the team window, and the Peers list's filters
(ui/team/today_page.py, sessions_page.py, peers_pages.py), driven with qtbot
against the real test cluster: follow-ups due and overdue, sessions logged
today, Enter opens the peer, Ctrl+D marks a follow-up done (audited); the
Sessions list searched, narrowed by dates, sorted, read audited; with the
server away both pages say so and marking done says why it waits; a peer
supporter sees only their own; status and "my peers" filter the list."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt

from peerdesk.domain.audit import AuditAction
from peerdesk.domain.one_to_one import SessionKind, SessionMode
from peerdesk.domain.peer import PeerDraft, PeerStatus
from peerdesk.services.casework_store import NewSession, TeamStore
from peerdesk.services.team import Offline, OfflineEdit
from peerdesk.ui.team.sessions_page import StoreSessionColumn
from peerdesk.ui.team.team_window import TeamWindow

TODAY = date.today()


def _draft(name: str, **changes: Any) -> PeerDraft:
    return PeerDraft(preferred_name=name, first_contact=TODAY - timedelta(days=200), **changes)


def _session(peer_id: object, held_on: date, **changes: Any) -> NewSession:
    fields: dict[str, Any] = dict(peer_id=peer_id, held_on=held_on, minutes=45,
                                  mode=SessionMode.IN_PERSON, kind=SessionKind.PEER_SUPPORT)
    fields.update(changes)
    return NewSession(**fields)


def _window(qtbot, centre, who: str, folder: Path) -> TeamWindow:
    window = TeamWindow(centre.sign_in(who, folder / who), check_every_ms=3_600_000)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.waitUntil(lambda: not window.checking, timeout=30000)
    return window


def _events(centre, target_kind: str, target_id: str = "") -> list[AuditAction]:
    with centre.server.connect(centre.database) as conn:
        rows = conn.execute("SELECT action FROM main.audit_event WHERE target_kind = %s "
                            "AND target_id = %s ORDER BY id",
                            (target_kind, target_id)).fetchall()
    return [AuditAction(action) for (action,) in rows]


def _names(section) -> list[str]:
    return [item.preferred_name for item in section.model.rows()]


@pytest.fixture
def worked(joined_centre, tmp_path):
    """Three peers and their sessions, logged by the caseworker from another PC:
    Robin's follow-up overdue, Ash seen today with a follow-up today, Sunny (the
    supporter's) with a follow-up next week; a paused peer with none."""
    desk = joined_centre.sign_in("caseworker", tmp_path / "other-pc")
    store = TeamStore(desk)
    me = joined_centre.staff_ids["caseworker"]
    ids = {
        "Robin": store.add(_draft("Robin Example", caseworker_id=me)),
        "Ash": store.add(_draft("Ash Tree")),
        "Sunny": store.add(_draft("Sunny Día", supporter_id=joined_centre.staff_ids["supporter"])),
        "Paused": store.add(_draft("Pat Paused", status=PeerStatus.PAUSED)),
    }
    held = TODAY - timedelta(days=20)
    ids["robin_session"] = store.log_session(
        _session(ids["Robin"], held, follow_up_on=TODAY - timedelta(days=10), minutes=60),
        today=held)
    ids["ash_session"] = store.log_session(
        _session(ids["Ash"], TODAY, follow_up_on=TODAY, minutes=30, mode=SessionMode.PHONE))
    ids["sunny_session"] = store.log_session(
        _session(ids["Sunny"], TODAY - timedelta(days=3), follow_up_on=TODAY + timedelta(days=7),
                 minutes=50))
    desk.close()
    return ids


def test_today_is_the_first_page_follow_ups_open_and_are_marked_done(
        qtbot, joined_centre, worked, tmp_path):
    window = _window(qtbot, joined_centre, "caseworker", tmp_path)
    today = window.today
    assert today is not None and window.tabs.currentWidget() is today
    assert _names(today.follow_ups) == ["Robin Example", "Ash Tree"]   # overdue first
    robin = today.follow_ups.model.rows()[0]
    assert robin.overdue and robin.when == TODAY - timedelta(days=10)
    assert "1 overdue" in today.follow_ups.title.text()
    assert _names(today.logged) == ["Ash Tree"]
    assert _events(joined_centre, "sessions")                     # the lists' reads audited
    assert "Robin" not in window.windowTitle()
    # Ctrl+D on the selected follow-up: done today, audited on Robin's record.
    today.follow_ups.view.setFocus()
    today.follow_ups.view.selectRow(0)
    assert today.controls.done_button.isEnabled()
    qtbot.keyClick(today.follow_ups.view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert _names(today.follow_ups) == ["Ash Tree"]
    assert today.controls.done_status.text().startswith("Done: P-")
    assert AuditAction.CHANGED in _events(joined_centre, "peer", str(worked["Robin"]))
    # Enter on a session logged today opens that peer's page.
    today.logged.view.setFocus()
    today.logged.view.selectRow(0)
    qtbot.keyClick(today.logged.view, Qt.Key.Key_Return)
    assert window.tabs.currentWidget() is window.peers and window.peers.showing_peer()
    assert window.peers.peer_page.peer_id == worked["Ash"]


def test_sessions_are_searched_narrowed_by_date_sorted_and_a_follow_up_done(
        qtbot, joined_centre, worked, tmp_path):
    window = _window(qtbot, joined_centre, "caseworker", tmp_path)
    page = window.sessions
    assert page is not None
    seen = len(_events(joined_centre, "sessions"))
    window.tabs.setCurrentWidget(page)                            # read when shown, audited
    assert len(_events(joined_centre, "sessions")) == seen + 1
    assert [s.session_id for s in page.shown()] == [worked["ash_session"], worked["sunny_session"],
                                           worked["robin_session"]]   # newest first
    assert page.count.text() == "3 sessions"
    qtbot.keyClick(page.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.search.hasFocus()
    qtbot.keyClicks(page.search, "phone")                         # the mode column
    assert [s.preferred_name for s in page.shown()] == ["Ash Tree"]
    page.search.setText("robin")
    assert [s.preferred_name for s in page.shown()] == ["Robin Example"]
    page.search.clear()
    page.view.sortByColumn(StoreSessionColumn.MINUTES, Qt.SortOrder.AscendingOrder)
    assert [s.minutes for s in page.shown()] == [30, 50, 60]
    week_ago = TODAY - timedelta(days=7)
    page.held_from.setDate(QDate(week_ago.year, week_ago.month, week_ago.day))
    assert sorted(s.preferred_name for s in page.shown()) == ["Ash Tree", "Sunny Día"]
    assert page.count.text() == "2 sessions"
    # Mark Ash's follow-up done: audited, the row says so, the button goes grey.
    assert page.select(worked["ash_session"])
    assert page.done_button.isEnabled()
    qtbot.mouseClick(page.done_button, Qt.MouseButton.LeftButton)
    ash = next(s for s in page.shown() if s.session_id == worked["ash_session"])
    assert not ash.follow_up_open and ash.follow_up_done_on == TODAY
    cell = page.model.index(page.model.rows().index(ash), StoreSessionColumn.FOLLOW_UP)
    assert page.model.data(cell) == f"{TODAY.isoformat()} · done"
    assert not page.done_button.isEnabled()
    assert AuditAction.CHANGED in _events(joined_centre, "peer", str(worked["Ash"]))
    # Enter opens the peer.
    assert page.select(worked["sunny_session"])
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_Return)
    assert window.peers.showing_peer() and window.peers.peer_page.peer_id == worked["Sunny"]


def test_with_the_server_away_both_pages_say_so_and_marking_done_waits(
        qtbot, joined_centre, worked, tmp_path):
    window = _window(qtbot, joined_centre, "caseworker", tmp_path)
    today, sessions = window.today, window.sessions
    assert today is not None and sessions is not None
    window.tabs.setCurrentWidget(sessions)
    joined_centre.server.stop()
    try:
        window.refresh()
        qtbot.waitUntil(lambda: not window.checking, timeout=30000)
        assert window.offline_banner.isVisible()
        assert not sessions.reload()
        assert sessions.message.text() == Offline().user_message
        assert len(sessions.shown()) == 3                        # what it showed stays
        assert sessions.select(worked["ash_session"])
        assert not sessions.mark_done()
        assert sessions.message.text() == OfflineEdit().user_message
        window.tabs.setCurrentWidget(today)
        assert today.message.text() == Offline().user_message
        assert _names(today.follow_ups) == ["Robin Example", "Ash Tree"]
        today.follow_ups.view.selectRow(0)
        assert not today.mark_done()
        assert today.message.text() == OfflineEdit().user_message
    finally:
        joined_centre.server.start()
    window.refresh()                                  # back: the page shown reads again
    qtbot.waitUntil(lambda: not window.checking, timeout=30000)
    assert not window.offline_banner.isVisible() and today.message.text() == ""
    assert _names(today.follow_ups) == ["Robin Example", "Ash Tree"]   # nothing was changed


def test_a_peer_supporter_sees_their_peers_follow_ups_and_only_their_own_sessions(
        qtbot, joined_centre, worked, tmp_path):
    window = _window(qtbot, joined_centre, "supporter", tmp_path)
    today, sessions = window.today, window.sessions
    assert today is not None and sessions is not None
    assert _names(today.follow_ups) == []            # Sunny's is next week
    assert _names(today.logged) == []
    window.tabs.setCurrentWidget(sessions)
    assert sessions.shown() == []                     # the caseworker's, not theirs
    assert not window.peers.list_page.mine.isVisible()  # their list is only their own


def test_the_peers_list_filters_by_status_and_my_peers(qtbot, joined_centre, worked, tmp_path):
    window = _window(qtbot, joined_centre, "caseworker", tmp_path)
    window.tabs.setCurrentWidget(window.peers)
    page = window.peers.list_page
    model = page.model

    def names() -> list[str]:
        return [model.data(model.index(row, 1)) for row in range(model.rowCount())]

    assert names() == ["Ash Tree", "Pat Paused", "Robin Example", "Sunny Día"]
    page.status.setCurrentIndex(page.status.findData(PeerStatus.PAUSED.value))
    assert names() == ["Pat Paused"]
    assert page.count.text() == "1 peer matches"
    page.status.setCurrentIndex(page.status.findData(PeerStatus.ACTIVE.value))
    assert names() == ["Ash Tree", "Robin Example", "Sunny Día"]
    assert page.mine.isVisible()
    page.mine.setChecked(True)
    assert names() == ["Robin Example"]
    page.search.setText("sun")
    assert names() == [] and "clear the filters" in page.views.empty.text()
    page.mine.setChecked(False)
    assert names() == ["Sunny Día"]
    page.status.setCurrentIndex(0)
    page.search.clear()
    assert page.count.text() == "4 peers"
