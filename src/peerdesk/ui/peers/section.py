"""The Peers section: the list and a peer's page in one stack, with the dialogs between."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

from peerdesk.domain.errors import PeerDeskError
from peerdesk.services import casework, peers
from peerdesk.services.session import Session
from peerdesk.ui import change_bus
from peerdesk.ui.change_bus import ChangeBus
from peerdesk.ui.errors import show_error
from peerdesk.ui.page_header import MainPage, Present
from peerdesk.ui.peers.forms import CASELOAD
from peerdesk.ui.peers.list_page import PeerListPage
from peerdesk.ui.peers.navigation import ListOrPeer
from peerdesk.ui.peers.peer_dialog import PeerDialog
from peerdesk.ui.peers.peer_page import PeerPageView
from peerdesk.ui.sessions.session_dialog import SessionDialog


def announce(bus: ChangeBus) -> None:
    """A caseload write succeeded: every view that shows caseload data reloads."""
    bus.changed.emit(CASELOAD)
    bus.changed.emit(change_bus.AUDIT)


class PeersSection(ListOrPeer, MainPage):
    def __init__(self, session: Session, bus: ChangeBus, present: Present,
                 parent: QWidget | None = None) -> None:
        super().__init__(session, bus, present, parent)
        self.list_page = PeerListPage(session)
        self.peer_page = PeerPageView(session, present)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.list_page)
        self.stack.addWidget(self.peer_page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

        self.list_page.open_peer.connect(self.open_peer)
        self.list_page.add_requested.connect(self.add_peer)
        # Today, Sessions and the audit log show what an import added.
        self.list_page.imported.connect(lambda: announce(self.bus))
        self.peer_page.back.connect(self.show_list)
        self.peer_page.changed.connect(lambda: announce(self.bus))
        self.peer_page.log_session_requested.connect(self.log_session)
        self.peer_page.edit_session_requested.connect(self.edit_session)
        self.peer_page.edit_peer_requested.connect(self.edit_peer)
        self._peer_stale = False
        bus.changed.connect(self._on_changed)
        # Anywhere in Peers, on the list or on someone's page.
        for keys, action in (("Ctrl+F", self.go_to_search), ("Ctrl+N", self.add_peer)):
            QShortcut(QKeySequence(keys), self, action,
                      context=Qt.ShortcutContext.WidgetWithChildrenShortcut)

    # -- navigation ---------------------------------------------------------------------

    def open_peer(self, peer_id: int) -> bool:
        if self.peer_page.show_peer(peer_id):
            self.stack.setCurrentWidget(self.peer_page)
            self.peer_page.tabs.setFocus(Qt.FocusReason.OtherFocusReason)
            return True
        return False

    def _on_changed(self, topic: str) -> None:
        if topic != CASELOAD or self.session is None:
            return
        self.list_page.reload()
        if self.peer_page.page is not None and self.showing_peer():
            # Reopening a page is audited as a viewing: only when someone can see it.
            if self.isVisible():
                self.peer_page.reload()
            else:
                self._peer_stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._peer_stale and self.showing_peer():
            self._peer_stale = False
            self.peer_page.reload()

    # -- dialogs ------------------------------------------------------------------------

    def add_peer(self) -> PeerDialog | None:
        if self.session is None:
            return None
        dialog = PeerDialog(self.session, parent=self)
        dialog.saved.connect(self._peer_added)
        self.present(dialog)
        return dialog

    def _peer_added(self, peer_id: int) -> None:
        announce(self.bus)
        self.list_page.select_peer(peer_id)
        # Straight to their page: the next thing is usually their first session.
        self.open_peer(peer_id)

    def edit_peer(self, peer_id: int) -> PeerDialog | None:
        if self.session is None or self.peer_page.page is None:
            return None
        page = self.peer_page.page
        dialog = PeerDialog(self.session, page.peer, page.safe_contact, parent=self)
        dialog.saved.connect(lambda _id: announce(self.bus))
        self.present(dialog)
        return dialog

    def log_session(self, peer_id: int | None = None) -> SessionDialog | None:
        if self.session is None:
            return None
        label = self._label(peer_id) if peer_id is not None else ""
        dialog = SessionDialog(self.session, peer_id, peer_label=label, parent=self)
        dialog.saved.connect(lambda _id: announce(self.bus))
        self.present(dialog)
        return dialog

    def _label(self, peer_id: int) -> str:
        """'Name  (P-0042)' for the dialog, from the open page or the list's columns."""
        page = self.peer_page.page
        if page is not None and page.peer.id == peer_id:
            return f"{page.peer.details.preferred_name}  ({page.peer.ref})"
        if self.session is None:
            return ""
        try:
            row = peers.rows(self.session, [peer_id])
        except PeerDeskError:
            return ""
        return f"{row[0].preferred_name}  ({row[0].ref})" if row else ""

    def edit_session(self, session_id: int) -> SessionDialog | None:
        if self.session is None:
            return None
        try:
            stored = casework.get_session(self.session, session_id)
        except PeerDeskError as exc:
            show_error(self, exc)
            return None
        label = self._label(stored.draft.peer_id)
        dialog = SessionDialog(self.session, stored=stored, peer_label=label, parent=self)
        dialog.saved.connect(lambda _id: announce(self.bus))
        self.present(dialog)
        return dialog

    def clear_data(self) -> None:
        self.session = None
        self.peer_page.clear_data()
        self.list_page.clear_data()
        self.stack.setCurrentWidget(self.list_page)
