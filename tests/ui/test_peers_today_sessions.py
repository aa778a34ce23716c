"""Today and Sessions pages, opening a peer from them, and locking empties every model."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt

from peerdesk.domain.consent import ConsentDraft, ConsentScope
from peerdesk.domain.one_to_one import SessionDraft, SessionKind, SessionMode
from peerdesk.domain.peer import PeerDraft
from peerdesk.services import casework, peers
from peerdesk.ui.peers.list_model import PeerColumn
from peerdesk.ui.table_model import sorting_filter
from peerdesk.ui.today.today_page import OVERDUE_BG, TodayColumn
from tests.ui.conftest import PASSWORDS, sign_in
from tests.ui.peers_helpers import Pages, signed_in

TODAY = date.today()


def seed(session) -> dict[str, int]:
    """Two peers: one with an overdue follow-up and a consent review, one seen today."""
    def add(name: str) -> int:
        return peers.create(session, PeerDraft(preferred_name=name,
                                               first_contact=TODAY - timedelta(days=200)))

    late, seen = add("Late Lulu"), add("Seen Sami")
    casework.log_session(session, SessionDraft(
        peer_id=late, worker_id=session.staff.id, held_on=TODAY - timedelta(days=12),
        minutes=40, mode=SessionMode.PHONE, kind=SessionKind.PEER_SUPPORT,
        notes="Housing officer visit went badly", follow_up_on=TODAY - timedelta(days=3)))
    casework.add_consent(session, ConsentDraft(late, ConsentScope.STATISTICS,
                                               TODAY - timedelta(days=150),
                                               TODAY - timedelta(days=1)))
    casework.log_session(session, SessionDraft(
        peer_id=seen, worker_id=session.staff.id, held_on=TODAY, minutes=50,
        mode=SessionMode.IN_PERSON, kind=SessionKind.INTAKE, notes="First visit, housing"))
    return {"late": late, "seen": seen}


def test_today_lists_what_is_due_and_opens_the_peer(qtbot, qtmodeltester, vault):
    with signed_in(vault, "Cal Worker") as cal:
        ids = seed(cal)
        pages = Pages(cal)
        today = pages.caseload.today
        assert today is not None
        qtbot.addWidget(today)
        qtbot.addWidget(pages.caseload.peers)
        pages.show(qtbot, today)
        follow_ups = today.follow_ups.model
        assert follow_ups.rowCount() == 1
        assert follow_ups.index(0, TodayColumn.NAME).data() == "Late Lulu"
        assert follow_ups.index(0, TodayColumn.WHEN).data().endswith("overdue")
        assert follow_ups.index(0, 0).data(Qt.ItemDataRole.BackgroundRole) == OVERDUE_BG
        assert today.follow_ups.title.text() == "Follow-ups due (1, 1 overdue)"
        assert [today.logged.model.index(0, TodayColumn.NAME).data()] == ["Seen Sami"]
        assert today.reviews.model.index(0, TodayColumn.WHAT).data().startswith(
            "Review consent")
        for section in today.sections():
            qtmodeltester.check(section.model)

        today.follow_ups.view.setFocus()
        today.follow_ups.view.selectRow(0)
        qtbot.keyClick(today.follow_ups.view, Qt.Key.Key_Return)
        assert pages.shown == ["Peers"]
        assert pages.caseload.peers is not None
        assert pages.caseload.peers.showing_peer()
        assert pages.caseload.peers.peer_page.peer_id == ids["late"]

        # A session logged with them closes the follow-up; Today reloads on the bus.
        dialog = pages.caseload.peers.log_session(ids["late"])
        assert dialog is not None
        view = pages.caseload.peers.peer_page
        assert view.timeline.rowCount() == 2
        dialog.accept()
        assert today.follow_ups.model.rowCount() == 0
        # The hidden peer page reloads (an audited viewing) only once it is shown.
        assert view.timeline.rowCount() == 2
        pages.caseload.peers.show()
        assert view.timeline.rowCount() == 3
        assert today.logged.model.rowCount() == 2
        assert today.follow_ups.empty.isVisibleTo(today)


def test_sessions_page_recent_list_and_note_search(qtbot, qtmodeltester, vault):
    with signed_in(vault, "Cal Worker") as cal:
        ids = seed(cal)
        pages = Pages(cal)
        sessions = pages.caseload.sessions
        assert sessions is not None
        qtbot.addWidget(sessions)
        qtbot.addWidget(pages.caseload.peers)
        pages.show(qtbot, sessions)
        assert sessions.recent.rowCount() == 2
        assert sessions.recent_proxy.index(0, 2).data() == "Seen Sami"  # newest first
        qtmodeltester.check(sessions.recent)
        qtmodeltester.check(sessions.recent_proxy)

        qtbot.keyClicks(sessions.search, "housing")
        qtbot.keyClick(sessions.search, Qt.Key.Key_Return)
        assert sessions.hits.rowCount() == 2
        qtmodeltester.check(sessions.hits)
        proxy = sorting_filter(sessions.hits)
        proxy.sort(0, Qt.SortOrder.AscendingOrder)
        qtmodeltester.check(proxy)
        assert "2 sessions" in sessions.caption.text()
        sessions.search.clear()
        qtbot.keyClicks(sessions.search, "officer badly")
        qtbot.keyClick(sessions.search, Qt.Key.Key_Return)
        assert sessions.hits.rowCount() == 1
        hit = sessions.hits.row_at(0)
        assert hit.ref == "P-0001" and hit.preferred_name == "Late Lulu"
        assert "officer" in hit.excerpt
        assert sessions.hits_view.hasFocus()
        qtbot.keyClick(sessions.hits_view, Qt.Key.Key_Return)
        assert pages.shown == ["Peers"]
        assert pages.caseload.peers is not None
        assert pages.caseload.peers.peer_page.peer_id == ids["late"]
        sessions.search.clear()
        assert sessions.views.currentWidget() is sessions.recent_view


def test_lock_empties_the_caseload_models(qtbot, start_gui, vault):
    with signed_in(vault, "Cal Worker") as cal:
        ids = seed(cal)
    gui = start_gui(vault)
    sign_in(qtbot, gui.sign_in_window, "Cal Worker", PASSWORDS["Cal Worker"])
    main = gui.main_window
    assert main is not None
    caseload = main.caseload
    assert caseload.peers and caseload.today and caseload.sessions
    main.show_page("Sessions")
    assert caseload.sessions.recent.rowCount() == 2
    main.show_page("Today")
    assert caseload.today.follow_ups.model.rowCount() == 1
    main.show_page("Peers")
    list_page = caseload.peers.list_page
    assert list_page.model.rowCount() == 2
    assert list_page.model.index(0, PeerColumn.NAME).data() == "Late Lulu"
    qtbot.keyClicks(list_page.search, "late")
    assert caseload.open_peer(ids["late"])
    page = caseload.peers.peer_page
    assert page.name.text() == "Late Lulu" and page.timeline.rowCount() == 2
    assert main.windowTitle() == "PeerDesk"  # never a peer's name
    dialog = caseload.peers.log_session(ids["late"])
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClicks(dialog.notes, "half-typed words")

    qtbot.keyClick(dialog.notes, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)

    assert not dialog.isVisible()

    assert gui.session is None
    assert list_page.model.rowCount() == 0 and list_page.model.cached_rows() == 0
    assert list_page.search.text() == ""
    assert page.page is None and page.name.text() == "" and page.banner.banner_text() == ""
    for model in (page.timeline, page.consents, page.referrals, page.ratings,
                  page.follow_ups, page.trail):
        assert model.rowCount() == 0
    assert all(label.text() == "" for label in page.detail_labels.values())
    for section in caseload.today.sections():
        assert section.model.rowCount() == 0
    assert caseload.sessions.recent.rowCount() == 0
    assert caseload.sessions.hits.rowCount() == 0
    assert not caseload.peers.showing_peer()


def test_an_administrator_main_window_shows_the_sentence(qtbot, start_gui, vault):
    gui = start_gui(vault)
    sign_in(qtbot, gui.sign_in_window, "Ada Admin", PASSWORDS["Ada Admin"])
    main = gui.main_window
    assert main is not None
    main.show_page("Peers")
    sentence = main.pages["Peers"].sentence.text()  # type: ignore[attr-defined]
    assert "does not include peers' records" in sentence
