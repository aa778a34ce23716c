"""Today, Sessions and the peers list's filters written over the CaseworkStore
protocol (ui/team/today_page.py, sessions_page.py, peers_pages.py), run over the
vault's store: the same pages work on a single PC's vault as on the team server
(tests/team/test_team_today_sessions.py)."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt

from peerdesk.domain.one_to_one import SessionKind, SessionMode
from peerdesk.domain.peer import PeerDraft, PeerStatus
from peerdesk.services.casework_store import NewSession, VaultStore
from peerdesk.ui.team.peers_pages import StorePeersSection
from peerdesk.ui.team.sessions_page import StoreSessionsPage
from peerdesk.ui.team.today_page import StoreTodayPage
from tests.ui.peers_helpers import signed_in

TODAY = date.today()


def _peer(store: VaultStore, name: str, **changes: object) -> object:
    return store.add(PeerDraft(preferred_name=name, first_contact=TODAY - timedelta(days=90),
                               **changes))  # type: ignore[arg-type]


def _log(store: VaultStore, peer: object, held_on: date, **changes: object) -> object:
    new = NewSession(peer_id=peer, held_on=held_on, minutes=45, mode=SessionMode.PHONE,
                     kind=SessionKind.PEER_SUPPORT, **changes)  # type: ignore[arg-type]
    return store.log_session(new, today=held_on)


def _show(qtbot, widget) -> None:
    """As the active window, so keyboard shortcuts reach it."""
    with qtbot.waitActive(widget):
        widget.show()
        widget.activateWindow()


def test_today_and_sessions_over_the_vault(qtbot, vault):
    with signed_in(vault, "Cal Worker") as cal:
        store = VaultStore(cal)
        robin = _peer(store, "Robin Example")
        ash = _peer(store, "Ash Tree")
        late = _log(store, robin, TODAY - timedelta(days=20),
                    follow_up_on=TODAY - timedelta(days=10))
        _log(store, ash, TODAY, follow_up_on=TODAY)
        opened: list[object] = []
        today = StoreTodayPage(store, opened.append)
        qtbot.addWidget(today)
        _show(qtbot, today)                                   # read when shown
        assert [i.preferred_name for i in today.follow_ups.model.rows()] == [
            "Robin Example", "Ash Tree"]
        assert today.follow_ups.model.rows()[0].overdue
        assert [i.peer_id for i in today.logged.model.rows()] == [ash]
        today.logged.view.setFocus()
        today.logged.view.selectRow(0)
        qtbot.keyClick(today.logged.view, Qt.Key.Key_Return)
        assert opened == [ash]
        today.follow_ups.view.setFocus()
        today.follow_ups.view.selectRow(0)
        qtbot.keyClick(today.follow_ups.view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
        assert [i.preferred_name for i in today.follow_ups.model.rows()] == ["Ash Tree"]

        sessions = StoreSessionsPage(store, opened.append)
        qtbot.addWidget(sessions)
        _show(qtbot, sessions)
        assert [s.preferred_name for s in sessions.shown()] == ["Ash Tree", "Robin Example"]
        robin_line = next(s for s in sessions.shown() if s.session_id == late)
        assert robin_line.follow_up_done_on == TODAY            # done from Today
        sessions.search.setText("robin")
        assert [s.session_id for s in sessions.shown()] == [late]
        sessions.view.selectRow(0)
        assert not sessions.done_button.isEnabled()             # already done
        sessions.search.clear()
        assert sessions.select(next(s.session_id for s in sessions.shown() if s.peer_id == ash))
        assert sessions.mark_done()
        assert not any(s.follow_up_open for s in sessions.shown())
        today.reload()
        assert today.follow_ups.model.rows() == []


def test_the_peers_list_filters_over_the_vault(qtbot, vault):
    with signed_in(vault, "Cal Worker") as cal:
        store = VaultStore(cal)
        _peer(store, "Robin Example", caseworker_id=cal.staff.id)
        _peer(store, "Pat Paused", status=PeerStatus.PAUSED)
        section = StorePeersSection(store)
        qtbot.addWidget(section)
        section.show()
        page = section.list_page
        model = page.model

        def names() -> list[str]:
            return [model.data(model.index(row, 1)) for row in range(model.rowCount())]

        assert names() == ["Pat Paused", "Robin Example"]
        assert page.count.text() == "2 peers"
        page.status.setCurrentIndex(page.status.findData(PeerStatus.PAUSED.value))
        assert names() == ["Pat Paused"]
        assert page.count.text() == "1 peer matches"
        page.status.setCurrentIndex(0)
        page.mine.setChecked(True)
        assert names() == ["Robin Example"]


def test_a_list_cut_at_its_limit_says_so(qtbot, vault, monkeypatch):
    from peerdesk.services import casework_store
    from peerdesk.ui.team import sessions_page

    for module in (casework_store, sessions_page):
        monkeypatch.setattr(module, "SESSION_LIST_LIMIT", 2)
    with signed_in(vault, "Cal Worker") as cal:
        store = VaultStore(cal)
        peer = _peer(store, "Robin Example")
        for days in (1, 2, 3):
            _log(store, peer, TODAY - timedelta(days=days))
        page = StoreSessionsPage(store, lambda _peer: None)
        qtbot.addWidget(page)
        _show(qtbot, page)
        assert len(page.shown()) == 2
        assert page.count.text() == "The newest 2 sessions; narrow the dates for older ones"
        page.held_from.setDate(page.held_to.date().addDays(-1))
        assert page.count.text() == "1 session"
