"""Sessions over a casework store (services/casework_store.py): the one-to-one
sessions across the peers this person sees, held between two dates, searched
(reference, name, mode, kind) and sorted by any column; Enter opens the peer,
"Mark follow-up done" closes the selected session's follow-up.

Reading the list is audited by the store, so it is read when the page is
shown, when the dates change and on Refresh, not as the search is typed (that
filters what was read). On the team server the list needs the server: when it
can't be reached the page says so and keeps what it last showed.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import QDateEdit, QHBoxLayout, QLabel, QPushButton, QWidget

from peerdesk.domain.errors import PeerDeskError
from peerdesk.services.casework_lists import SessionRow
from peerdesk.services.casework_store import SESSION_LIST_LIMIT, CaseworkStore, StoreId
from peerdesk.services.clock import today as today_
from peerdesk.ui.fields import error_label, set_message
from peerdesk.ui.i18n import QT_TRANSLATE_NOOP, plural
from peerdesk.ui.page_header import PageHeader, page_layout, search_box
from peerdesk.ui.peers.forms import muted
from peerdesk.ui.sessions.models import RecentColumn, RecentSessionsModel
from peerdesk.ui.table_model import ROW_ROLE, Column, RowTableModel, sorting_filter
from peerdesk.ui.table_view import list_view

OpenPeer = Callable[[StoreId], object]
# How far back the list starts when the page is first shown.
FIRST_DAYS = 90

StoreSessionColumn = IntEnum("StoreSessionColumn",
                             "DATE REF NAME KIND MODE MINUTES WORKER FOLLOW_UP", start=0)


def _follow_up(line: SessionRow) -> str:
    if line.follow_up_on is None:
        return "—"
    if line.follow_up_done_on is not None:
        return QCoreApplication.translate("StoreSessionsModel", "{date} · done").format(
            date=line.follow_up_on.isoformat())
    return line.follow_up_on.isoformat()


class StoreSessionsModel(RowTableModel[SessionRow]):
    # As the single-PC Sessions page shows them, with the follow-up; the date sorts
    # by itself (the ids are the store's, not numbers in the order logged).
    columns: tuple[Column[Any], ...] = (
        Column(QT_TRANSLATE_NOOP("TableHeader", "Date"), lambda s: s.held_on.isoformat(),
               sample="2026-11-22___"),
        *RecentSessionsModel.columns[RecentColumn.REF:],
        Column(QT_TRANSLATE_NOOP("TableHeader", "Follow-up"), _follow_up,
               sort=lambda s: (s.follow_up_on or date.max).isoformat(),
               sample="2026-11-22 · done___"),
    )


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _day(edit: QDateEdit) -> date:
    chosen = edit.date()
    return date(chosen.year(), chosen.month(), chosen.day())


class StoreSessionsPage(QWidget):
    def __init__(self, store: CaseworkStore, open_peer: OpenPeer,
                 parent: QWidget | None = None, *, today: date | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.open_peer = open_peer
        on = today_(today)
        self.model = StoreSessionsModel(self)
        self.capped = False  # the store gave as many as a list shows: there are more
        self.proxy = sorting_filter(self.model, self)
        self.view = list_view(self.proxy, self.tr("Sessions"), sorting=True)
        self.view.sortByColumn(StoreSessionColumn.DATE, Qt.SortOrder.DescendingOrder)
        self.search = search_box(self.tr("Search by reference, name, kind or mode…  (Ctrl+F)"),
                                 self.tr("Search sessions"))
        self.held_from = QDateEdit(_qdate(on - timedelta(days=FIRST_DAYS)))
        self.held_to = QDateEdit(_qdate(on))
        for edit, name in ((self.held_from, self.tr("Held from")),
                           (self.held_to, self.tr("Held until"))):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setAccessibleName(name)
        from_label = QLabel(self.tr("&From:"))
        from_label.setBuddy(self.held_from)
        to_label = QLabel(self.tr("&Until:"))
        to_label.setBuddy(self.held_to)
        self.refresh_button = QPushButton(self.tr("Refres&h"))
        self.done_button = QPushButton(self.tr("Mark follow-up &done"))
        self.done_button.setToolTip(self.tr("Mark the selected session's follow-up done "
                                            "today (Ctrl+D)"))
        self.done_button.setEnabled(False)
        self.header = PageHeader(self.tr("Sessions"),
                                 subtitle_name=self.tr("Number of sessions shown"),
                                 actions=(self.done_button, self.refresh_button))
        self.count = self.header.subtitle
        self.message = error_label()
        self.done_status = muted()
        filters = QHBoxLayout()
        filters.addWidget(self.search, 3)
        for widget in (from_label, self.held_from, to_label, self.held_to):
            filters.addWidget(widget)
        layout = page_layout(self, self.header)
        layout.addLayout(filters)
        layout.addWidget(self.message)
        layout.addWidget(self.done_status)
        layout.addWidget(self.view, 1)

        self.search.textChanged.connect(self._filter)
        self.held_from.dateChanged.connect(lambda _d: self.reload())
        self.held_to.dateChanged.connect(lambda _d: self.reload())
        self.refresh_button.clicked.connect(self.reload)
        self.done_button.clicked.connect(self.mark_done)
        self.view.activated.connect(self._open)
        self.view.selectionModel().selectionChanged.connect(lambda *_a: self._update_done())
        for keys, action in (("Ctrl+F", self.search.setFocus), ("Ctrl+D", self.mark_done)):
            QShortcut(QKeySequence(keys), self, action,
                      context=Qt.ShortcutContext.WidgetWithChildrenShortcut)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.reload()

    def reload(self) -> bool:
        """Read the sessions held between the two dates (audited); False, the
        reason shown and the last list kept, when they can't be read."""
        try:
            lines = self.store.session_list(held_from=_day(self.held_from),
                                            held_to=_day(self.held_to))
        except PeerDeskError as exc:
            set_message(self.message, exc.user_message)
            return False
        set_message(self.message, None)
        self.done_status.clear()
        self.model.set_rows(lines)
        self.capped = len(lines) >= SESSION_LIST_LIMIT
        self._filter()
        return True

    def _filter(self, *_args: object) -> None:
        self.proxy.setFilterFixedString(self.search.text().strip())
        n = self.proxy.rowCount()
        self.count.setText(
            self.tr("The newest {n:,} sessions; narrow the dates for older ones").format(
                n=n) if self.capped and not self.search.text().strip()
            else plural(n, self.tr("{n:,} session"), self.tr("{n:,} sessions")))
        self._update_done()

    def shown(self) -> list[SessionRow]:
        """The rows as the list shows them (filtered, sorted)."""
        return [self.proxy.index(r, 0).data(ROW_ROLE) for r in range(self.proxy.rowCount())]

    def selected(self) -> SessionRow | None:
        index = self.view.currentIndex()
        line = index.data(ROW_ROLE) if index.isValid() else None
        return line if isinstance(line, SessionRow) else None

    def select(self, session_id: StoreId) -> bool:
        for row, line in enumerate(self.shown()):
            if line.session_id == session_id:
                self.view.selectRow(row)
                return True
        return False

    def _update_done(self) -> None:
        line = self.selected()
        self.done_button.setEnabled(line is not None and line.follow_up_open)

    def mark_done(self) -> bool:
        line = self.selected()
        if line is None or not line.follow_up_open:
            return False
        try:
            self.store.mark_follow_up_done(line.session_id, today=today_())
        except PeerDeskError as exc:
            set_message(self.message, exc.user_message)
            return False
        self.reload()
        self.select(line.session_id)
        self.done_status.setText(self.tr("Done: {ref}'s follow-up.").format(ref=line.ref))
        return True

    def _open(self, index: QModelIndex) -> None:
        line = index.data(ROW_ROLE)
        if isinstance(line, SessionRow):
            self.open_peer(line.peer_id)
