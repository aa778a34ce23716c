"""Sessions: the newest one-to-one sessions I may see, and a search through notes."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QStackedWidget,
    QWidget,
)

from peerdesk.domain.errors import PeerDeskError
from peerdesk.services import casework, casework_lists
from peerdesk.services.session import Session
from peerdesk.ui.change_bus import ChangeBus
from peerdesk.ui.errors import show_error
from peerdesk.ui.i18n import plural
from peerdesk.ui.page_header import (
    PageHeader,
    ReloadWhenSeen,
    ShownReloads,
    page_layout,
    search_box,
)
from peerdesk.ui.peers.forms import CASELOAD, muted
from peerdesk.ui.sessions.models import (
    HitColumn,
    NoteHitModel,
    RecentColumn,
    RecentSessionsModel,
)
from peerdesk.ui.table_model import ROW_ROLE, RowTableModel, sorting_filter
from peerdesk.ui.table_view import list_view

OpenPeer = Callable[[int], object]
SEARCH_LIMIT = 200
LogSession = Callable[[], object]


class SessionsPage(ShownReloads, QWidget):
    """Loads when shown (reading the list is audited), and again after changes."""

    def __init__(self, session: Session, bus: ChangeBus, open_peer: OpenPeer,
                 log_session: LogSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session: Session | None = session
        self.open_peer = open_peer

        self.recent = RecentSessionsModel(self)
        self.recent_proxy = sorting_filter(self.recent, self)
        self.recent_view = list_view(self.recent_proxy, self.tr("Recent sessions"), sorting=True)
        self.recent_view.sortByColumn(RecentColumn.DATE, Qt.SortOrder.DescendingOrder)

        self.hits = NoteHitModel(self)
        self.hits_proxy = sorting_filter(self.hits, self)
        self.hits_view = list_view(self.hits_proxy, self.tr("Notes found"), sorting=True)
        self.hits_view.sortByColumn(HitColumn.DATE, Qt.SortOrder.DescendingOrder)

        self.search = search_box(self.tr("Search notes and next steps… (Enter)"),
                                 self.tr("Search notes"))
        self.search_button = QPushButton(self.tr("&Search notes"))
        self.log_button = QPushButton(self.tr("&Log a session…"))
        self.log_button.setToolTip(self.tr("Log a one-to-one session (Ctrl+Shift+S)"))
        self.caption = muted()
        self.views = QStackedWidget()
        self.views.addWidget(self.recent_view)
        self.views.addWidget(self.hits_view)

        self.header = PageHeader(self.tr("Sessions"), actions=(self.log_button,))
        search = QHBoxLayout()
        search.addWidget(self.search, 1)
        search.addWidget(self.search_button)
        layout = page_layout(self, self.header)
        layout.addLayout(search)
        layout.addWidget(self.caption)
        layout.addWidget(self.views, 1)

        self.search.returnPressed.connect(self.search_notes)
        self.search_button.clicked.connect(self.search_notes)
        self.search.textChanged.connect(self._search_edited)
        self.log_button.clicked.connect(log_session)
        QShortcut(QKeySequence("Ctrl+Shift+S"), self, log_session,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        QShortcut(QKeySequence("Ctrl+F"), self, self.search.setFocus,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.recent_view.activated.connect(self._open)
        self.hits_view.activated.connect(self._open)
        self.when_seen = ReloadWhenSeen(self, self.reload, bus, (CASELOAD,))

    def reload(self) -> None:
        if self.session is None:
            return
        try:
            self.recent.set_rows(casework_lists.recent_sessions(self.session))
        except PeerDeskError as exc:
            show_error(self, exc)
        if self.views.currentWidget() is self.recent_view:
            self._caption_recent()

    def _caption_recent(self) -> None:
        n = self.recent.rowCount()
        self.caption.setText(
            self.tr("The {n} most recent sessions you can see. Enter or double-click opens "
                    "the peer.").format(n=n) if n else
            self.tr("No sessions yet. Open a peer and press Ctrl+Shift+S, or use “Log a "
                    "session…”."))

    def _search_edited(self, text: str) -> None:
        if not text.strip():
            self.hits.clear()
            self.views.setCurrentWidget(self.recent_view)
            self._caption_recent()

    def search_notes(self) -> None:
        text = self.search.text()
        if self.session is None or not text.strip():
            return
        try:
            hits = casework.search_notes(self.session, text, limit=SEARCH_LIMIT)
        except PeerDeskError as exc:
            show_error(self, exc)
            return
        self.hits.set_rows(hits)
        self.views.setCurrentWidget(self.hits_view)
        n = len(hits)
        if n >= SEARCH_LIMIT:
            found = self.tr("The {n} most recent sessions with notes containing every word. "
                            "Enter or double-click opens the peer.")
        else:
            found = plural(n, self.tr("{n} session with notes containing every word. Enter "
                                      "or double-click opens the peer."),
                           self.tr("{n} sessions with notes containing every word. Enter or "
                                   "double-click opens the peer."))
        self.caption.setText(found.format(n=n) if n else
                             self.tr("No notes contain all of those words."))
        if n:
            self.hits_view.selectRow(0)
            self.hits_view.setFocus()

    def _open(self, index: QModelIndex) -> None:
        row = index.data(ROW_ROLE)
        peer_id = getattr(row, "peer_id", None)
        if isinstance(peer_id, int):
            self.open_peer(peer_id)

    def clear_data(self) -> None:
        self.session = None
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        for model in (self.recent, self.hits):
            model.clear()
        self.caption.clear()

    def models(self) -> list[RowTableModel[Any]]:
        return [self.recent, self.hits]
