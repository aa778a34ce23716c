"""Today, Peers and Sessions as the main window shows them, wired to one another.

Roles without access to peers' records get a plain sentence instead of each page.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QWidget

from peerdesk.services import access
from peerdesk.services.session import Session
from peerdesk.ui.change_bus import ChangeBus
from peerdesk.ui.contacts.contacts_page import ContactsPage
from peerdesk.ui.i18n import QT_TRANSLATE_NOOP
from peerdesk.ui.peers.no_access import NoAccessPage
from peerdesk.ui.peers.section import PeersSection
from peerdesk.ui.sessions.sessions_page import SessionsPage
from peerdesk.ui.today.first_steps import FirstStepsPanel
from peerdesk.ui.today.today_page import TodayPage

Present = Callable[[QDialog], None]
ShowPage = Callable[[str], None]
# The sidebar's titles, which are also the pages' keys (show_page("Peers")); the
# main window shows them translated.
SIDEBAR_TITLES = (QT_TRANSLATE_NOOP("MainWindow", "Today"),
                  QT_TRANSLATE_NOOP("MainWindow", "Peers"),
                  QT_TRANSLATE_NOOP("MainWindow", "Sessions"))


class CaseloadPages:
    """Builds the three pages; `clear_data()` empties them all (lock, sign out)."""

    def __init__(self, session: Session, bus: ChangeBus, present: Present,
                 show_page: ShowPage, contacts: ContactsPage | None = None) -> None:
        self.show_page = show_page
        self.peers: PeersSection | None = None
        self.today: TodayPage | None = None
        self.sessions: SessionsPage | None = None
        self._pages: list[tuple[str, QWidget]] = []
        if not access.can_see_peers(session):
            self._pages = [(title, NoAccessPage(title, session,
                                                with_first_steps=title == SIDEBAR_TITLES[0]))
                           for title in SIDEBAR_TITLES]
            return
        self.peers = PeersSection(session, bus, present)
        self.today = TodayPage(
            session, bus, self.open_peer,
            log_contact=contacts.log_contact if contacts is not None else None,
            became_peer=contacts.became_peer if contacts is not None else None)
        self.sessions = SessionsPage(session, bus, self.open_peer, self.log_session)
        self._pages = list(zip(SIDEBAR_TITLES, (self.today, self.peers, self.sessions),
                               strict=True))

    def first_steps(self) -> FirstStepsPanel | None:
        """Today's first-steps list, if this person is shown one."""
        page = self._pages[0][1] if self._pages else None
        return page.first_steps if isinstance(page, (TodayPage, NoAccessPage)) else None

    def pages(self) -> list[tuple[str, QWidget]]:
        return list(self._pages)

    def open_peer(self, peer_id: int) -> bool:
        if self.peers is None:
            return False
        if self.peers.open_peer(peer_id):
            self.show_page("Peers")
            return True
        return False

    def log_session(self) -> None:
        if self.peers is not None:
            self.peers.log_session(None)

    def clear_data(self) -> None:
        for page in (self.peers, self.today, self.sessions):
            if page is not None:
                page.clear_data()
        for _title, widget in self._pages:
            if isinstance(widget, NoAccessPage):
                widget.clear_data()
