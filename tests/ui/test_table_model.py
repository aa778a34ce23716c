"""The one list base (ui/table_model.py, ui/table_view.py) on a real vault: every column
kind sorts as it should, the roles answer alike in every list, the empty sentence shows."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView

from peerdesk.domain.one_to_one import SessionDraft, SessionKind, SessionMode
from peerdesk.domain.peer import PeerDraft, PeerStatus
from peerdesk.services import casework, casework_lists, peers
from peerdesk.ui import table_model
from peerdesk.ui.peers.list_model import PeerColumn, PeerListModel
from peerdesk.ui.sessions.models import RecentColumn, RecentSessionsModel
from peerdesk.ui.table_model import ID_ROLE, NUMBER, ROW_ROLE, SORT_ROLE, sorting_filter
from peerdesk.ui.table_view import ListOrEmpty, list_view
from tests.ui.peers_helpers import signed_in

ROLE = Qt.ItemDataRole
TODAY = date.today()


def _peer(session, name: str, **changes: object) -> int:
    return peers.create(session, PeerDraft(preferred_name=name,  # type: ignore[arg-type]
                                           first_contact=TODAY - timedelta(days=30), **changes))


def _log(session, peer_id: int, minutes: int, days_ago: int) -> int:
    return casework.log_session(session, SessionDraft(
        peer_id=peer_id, worker_id=session.staff.id, held_on=TODAY - timedelta(days=days_ago),
        minutes=minutes, mode=SessionMode.IN_PERSON, kind=SessionKind.PEER_SUPPORT,
        notes="words"))


@pytest.fixture
def sessions_model(qtbot, vault):
    with signed_in(vault, "Cal Worker") as cal:
        ana, bo, cy = _peer(cal, "ana"), _peer(cal, "Bo"), _peer(cal, "Cy")
        # Two on one day: they keep the order they were logged in.
        first = _log(cal, bo, 90, 1)
        second = _log(cal, ana, 5, 1)
        third = _log(cal, cy, 45, 3)
        model = RecentSessionsModel()
        model.set_rows(casework_lists.recent_sessions(cal))
        yield model, (first, second, third)


def _column(proxy, column: int) -> list[str]:
    return [proxy.index(r, column).data() for r in range(proxy.rowCount())]


def test_each_column_kind_sorts_by_its_own_key(qtbot, qtmodeltester, sessions_model):
    model, (first, second, third) = sessions_model
    proxy = sorting_filter(model)
    qtmodeltester.check(proxy)
    # Text: by the words, ignoring case.
    proxy.sort(RecentColumn.NAME, Qt.SortOrder.AscendingOrder)
    assert _column(proxy, RecentColumn.NAME) == ["ana", "Bo", "Cy"]
    # A number: by its value, not its digits ("5" < "45" < "90").
    proxy.sort(RecentColumn.MINUTES, Qt.SortOrder.AscendingOrder)
    assert _column(proxy, RecentColumn.MINUTES) == ["5", "45", "90"]
    assert proxy.index(0, RecentColumn.MINUTES).data(SORT_ROLE) == 5
    # A date: by the day, then the order sessions were logged on it.
    proxy.sort(RecentColumn.DATE, Qt.SortOrder.DescendingOrder)
    assert [proxy.index(r, 0).data(ROW_ROLE).session_id for r in range(3)] == [
        second, first, third]
    # The row behind a cell survives sorting and filtering.
    proxy.setFilterFixedString("CY")
    assert proxy.rowCount() == 1 and proxy.index(0, 0).data(ROW_ROLE).session_id == third


def test_every_list_answers_the_same_roles(qtbot, sessions_model, monkeypatch):
    model, _ids = sessions_model
    minutes = model.index(0, RecentColumn.MINUTES)
    name = model.index(0, RecentColumn.NAME)
    text = name.data()
    # The tooltip and what a screen reader says are the whole text.
    assert name.data(ROLE.ToolTipRole) == text == name.data(ROLE.AccessibleTextRole)
    assert minutes.data(ROLE.TextAlignmentRole) == NUMBER
    assert name.data(ROLE.TextAlignmentRole) is None
    assert model.headerData(RecentColumn.MINUTES, Qt.Orientation.Horizontal) == "Minutes"
    assert model.headers[RecentColumn.NAME] == "Preferred name"
    assert model.columnCount() == len(RecentColumn) == len(model.headers)
    # Outside the rows, or for a row's child, nothing.
    assert model.index(99, 0).data() is None
    assert model.rowCount(name) == 0 and model.columnCount(name) == 0


def test_the_view_is_set_up_from_the_columns(qtbot, sessions_model):
    model, _ids = sessions_model
    view = list_view(sorting_filter(model), "Recent sessions", sorting=True)
    qtbot.addWidget(view)
    header = view.horizontalHeader()
    assert view.accessibleName() == "Recent sessions"
    assert not view.tabKeyNavigation()  # Tab moves on; arrows move between rows
    assert header.sectionResizeMode(RecentColumn.NAME) == QHeaderView.ResizeMode.Stretch
    sample = view.fontMetrics().horizontalAdvance("First contact / intake___") + 16
    assert header.sectionSize(RecentColumn.KIND) == sample


def test_the_id_window_sorts_in_sql_and_colours_by_row(qtbot, qtmodeltester, vault,
                                                       monkeypatch):
    with signed_in(vault, "Cal Worker") as cal:
        ids = {name: _peer(cal, name) for name in ("Zed", "amy")}
        ids["Moe"] = _peer(cal, "Moe", status=PeerStatus.CLOSED,
                           closed_on=TODAY - timedelta(days=1))
        model = PeerListModel()
        model.set_session(cal)
        qtmodeltester.check(model)
        model.sort(PeerColumn.NAME, Qt.SortOrder.AscendingOrder)
        assert _column(model, PeerColumn.NAME) == ["amy", "Moe", "Zed"]
        assert [model.index(r, 0).data(ID_ROLE) for r in range(3)] == [
            ids["amy"], ids["Moe"], ids["Zed"]]
        assert model.index(0, 0).data(ROW_ROLE).id == ids["amy"]
        # Sorting runs in SQL: the window has no sort key of its own.
        assert model.index(0, PeerColumn.NAME).data(SORT_ROLE) is None
        assert model.index(0, PeerColumn.NAME).data(ROLE.FontRole).bold()
        assert model.index(0, PeerColumn.REF).data(ROLE.FontRole) is None
        closed = model.index(1, PeerColumn.REF)
        assert closed.data(ROLE.ForegroundRole) is not None
        assert model.index(0, PeerColumn.REF).data(ROLE.ForegroundRole) is None
        # In high contrast the system's colours stay.
        monkeypatch.setattr(table_model, "is_high_contrast", lambda: True)
        assert closed.data(ROLE.ForegroundRole) is None
        model.clear()
        assert model.rowCount() == 0 and model.cached_rows() == 0


def test_the_empty_sentence_takes_the_lists_place(qtbot, sessions_model):
    model, _ids = sessions_model
    proxy = sorting_filter(model)
    stack = ListOrEmpty(list_view(proxy, "Recent sessions"))
    qtbot.addWidget(stack)
    model.empty_text = "No session matches."
    stack.refresh()
    assert stack.currentWidget() is stack.view
    proxy.setFilterFixedString("nobody has this name")
    stack.refresh()
    assert stack.currentWidget() is stack.empty
    assert stack.empty.text() == "No session matches."
    proxy.setFilterFixedString("")
    model.clear()
    model.empty_text = "No sessions yet."
    stack.refresh()
    assert stack.currentWidget() is stack.empty and stack.empty.text() == "No sessions yet."


def test_an_id_list_is_sorted_to_start_and_says_why_it_is_empty(qtbot, vault):
    from datetime import date

    from PySide6.QtCore import Qt

    from peerdesk.domain.peer import PeerDraft
    from peerdesk.services import peers
    from peerdesk.ui.peers.list_model import PeerColumn, PeerListModel
    from peerdesk.ui.table_view import IdListView, id_list
    from tests.ui.peers_helpers import signed_in

    with signed_in(vault, "Cal Worker") as cal:
        model = PeerListModel()
        view, views = id_list(model, "Peers", PeerColumn.NAME, Qt.SortOrder.DescendingOrder)
        qtbot.addWidget(views)
        assert isinstance(view, IdListView) and views.view is view
        assert view.accessibleName() == "Peers" and view.isSortingEnabled()
        header = view.horizontalHeader()
        assert header.sortIndicatorSection() == PeerColumn.NAME
        assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
        model.set_session(cal)
        views.refresh()
        assert model.rowCount() == 0 and views.currentWidget() is views.empty
        peers.create(cal, PeerDraft(preferred_name="Zainab", first_contact=date(2026, 1, 5)))
        model.set_session(cal)
        views.refresh()
        assert model.rowCount() == 1 and views.currentWidget() is view
