"""The window a person works in after their PC joined the centre's team (or
signed in to it): Today (follow-ups due, sessions logged today), Peers and
Sessions over the team server (ui/team/today_page.py, peers_pages.py,
sessions_page.py, over services/casework_store.TeamStore), the listening
service's contacts (contacts_page.py), the centre's groups and their
registers (groups_page.py, Ctrl+G), the reports for programme leads
(reports_page.py), and the team's status a tab away. Today is the first page
for those who do casework.

When the server can't be reached a banner says so plainly at the top: the
list is what this PC has cached, read-only; new sessions go to the encrypted
outbox; changes say why they must wait. The line under the banner counts what
waits in the outbox, with a button to send it now. The server is asked again
every little while and after each save, so the banner goes when it is back.

That question, and sending what waits, run off the GUI thread (background
jobs, one at a time each: ui/team/team_jobs.py): a server host that drops
packets holds a connect for its whole timeout, and the window must not freeze
meanwhile. The banner and "Send now" follow the answer when it comes; until
the first, the server is taken as answering (it just did, at sign-in). The
team page is told the answer rather than asking itself, and sends for "Send
now" (the button says so while it does).

The window's title never names a peer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from peerdesk.domain.errors import PeerDeskError
from peerdesk.services.casework_store import TeamStore
from peerdesk.services.listening_store import TeamListening
from peerdesk.services.team import Offline
from peerdesk.ui.contacts.contacts_page import LOG_CONTACT_KEYS
from peerdesk.ui.fields import error_label, set_message
from peerdesk.ui.i18n import plural
from peerdesk.ui.team.contacts_page import TeamContactsPage
from peerdesk.ui.team.groups_page import TeamGroupsSection
from peerdesk.ui.team.peers_pages import StorePeersSection
from peerdesk.ui.team.reports_page import reports_tab
from peerdesk.ui.team.sessions_page import StoreSessionsPage
from peerdesk.ui.team.status_window import TeamStatusWindow
from peerdesk.ui.team.team_jobs import TeamJob
from peerdesk.ui.team.today_page import StoreTodayPage
from peerdesk.ui.theme import is_high_contrast

if TYPE_CHECKING:
    from peerdesk.services.team import TeamDesk

# How often the window asks whether the server answers (ms).
CHECK_EVERY_MS = 30_000
_OFFLINE_STYLE = ("#offlineBanner { background: #fff1c2; border: 1px solid #d9a400; "
                  "border-radius: 4px; padding: 8px; color: #4a3500; }")
_OFFLINE_HIGH_CONTRAST = ("#offlineBanner { border: 2px solid palette(window-text); "
                          "padding: 8px; }")


class TeamWindow(QMainWindow):
    """Emits `closed` once the person closed it (the desk is closed: signed out)."""

    closed = Signal()
    lock_requested = Signal()

    def __init__(self, desk: TeamDesk, parent: QWidget | None = None, *,
                 check_every_ms: int = CHECK_EVERY_MS) -> None:
        super().__init__(parent)
        self.desk = desk
        self.store = TeamStore(desk)
        self.online = True
        # The question to the server, asked once more if asked while in flight (a
        # save meanwhile may have found the server away or back).
        self.check = TeamJob("peerdesk-team-online", desk.server_check, again_if_asked=True,
                             parent=self)
        self.check.done.connect(self._answered)
        self.check.failed.connect(self._not_answered)
        self.setWindowTitle(self.tr("PeerDesk — team"))
        self.offline_banner = QLabel()
        self.offline_banner.setObjectName("offlineBanner")
        self.offline_banner.setWordWrap(True)
        self.offline_banner.setTextFormat(Qt.TextFormat.PlainText)
        self.offline_banner.setAccessibleName(self.tr("The team server can't be reached"))
        self.offline_banner.setStyleSheet(_OFFLINE_HIGH_CONTRAST if is_high_contrast()
                                          else _OFFLINE_STYLE)
        self.waiting_label = QLabel()
        self.waiting_label.setAccessibleName(self.tr("Waiting to be sent"))
        self.send_button = QPushButton(self.tr("Send &now"))
        self.send_button.setToolTip(self.tr("Send what this PC kept while the server couldn't "
                                            "be reached"))
        self.send_button.clicked.connect(self.send_now)
        self.lock_button = QPushButton(self.tr("&Lock"))
        self.lock_button.setToolTip(self.tr("Lock PeerDesk now (Ctrl+L)"))
        self.lock_button.clicked.connect(self.lock_requested.emit)
        lock = QShortcut(QKeySequence("Ctrl+L"), self, self.lock_requested.emit)
        lock.setContext(Qt.ShortcutContext.ApplicationShortcut)
        self.message = error_label()
        strip = QHBoxLayout()
        strip.addWidget(self.waiting_label, 1)
        strip.addWidget(self.message, 2)
        strip.addWidget(self.send_button)
        strip.addWidget(self.lock_button)

        self.peers = StorePeersSection(self.store)
        self.status_page = TeamStatusWindow(desk, owns_desk=False, online=self.online)
        self.tabs = QTabWidget()
        self.today: StoreTodayPage | None = None
        self.sessions: StoreSessionsPage | None = None
        if self._does_casework():
            # A caseworker's or peer supporter's day starts with what is due.
            self.today = StoreTodayPage(self.store, self.open_peer)
            self.sessions = StoreSessionsPage(self.store, self.open_peer)
            self.tabs.addTab(self.today, self.tr("T&oday"))
        self.tabs.addTab(self.peers, self.tr("&Peers"))
        if self.sessions is not None:
            self.tabs.addTab(self.sessions, self.tr("&Sessions"))
        self.contacts: TeamContactsPage | None = None
        self.groups: TeamGroupsSection | None = None
        if self._does_casework():
            self.contacts = TeamContactsPage(TeamListening(desk))
            self.tabs.addTab(self.contacts, self.tr("&Contacts"))
            self.contacts.logged.connect(lambda _sent: self.refresh())
            QShortcut(QKeySequence(LOG_CONTACT_KEYS), self, self.log_contact)
            self.groups = groups = TeamGroupsSection(desk)
            self.tabs.addTab(groups, self.tr("&Groups"))
            groups.changed.connect(self.refresh)
            QShortcut(QKeySequence("Ctrl+G"), self, lambda: self.tabs.setCurrentWidget(groups))
        self.tabs.addTab(self.status_page, self.tr("&Team"))
        self.reports_page = reports_tab(desk)  # programme leads only (Alt+R)
        if self.reports_page is not None:
            self.tabs.addTab(self.reports_page, self.tr("&Reports"))
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(self.offline_banner)
        layout.addLayout(strip)
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)
        self.resize(1100, 720)
        if not self._does_casework():
            # An administrator's work here is the team's, not peers' records.
            self.tabs.setCurrentWidget(self.status_page)

        self.peers.changed.connect(self.refresh)
        self.status_page.sent.connect(self._after_send)
        self.status_page.sending.ended.connect(self._show_state)
        self.status_page.preparation_moved.connect(self._search_moved_on)
        self.tabs.currentChanged.connect(lambda _i: self.refresh())
        self.timer = QTimer(self)
        self.timer.setInterval(check_every_ms)
        self.timer.timeout.connect(self.refresh)
        self.timer.start()
        self.refresh()

    def log_contact(self) -> None:
        """Ctrl+Shift+C from anywhere in the window: the Contacts page, its form open."""
        if self.contacts is not None:
            self.tabs.setCurrentWidget(self.contacts)
            self.contacts.log_contact()

    def open_peer(self, peer_id: object) -> bool:
        """A peer's page from Today or Sessions (opening it is audited)."""
        self.tabs.setCurrentWidget(self.peers)
        return self.peers.open_peer(peer_id)

    def _does_casework(self) -> bool:
        from peerdesk.domain.staff import Compartment

        return self.desk.keys.holds(Compartment.CASEWORK)

    # -- the server, the outbox ---------------------------------------------------------

    def refresh(self) -> None:
        """Count the outbox (on this PC: quick) and ask whether the server answers,
        off the GUI thread; what the window says follows when it does."""
        self._show_state()
        self.check_server()

    @property
    def checking(self) -> bool:
        return self.check.running

    def check_server(self) -> None:
        """Ask the server in a background job (never two at once)."""
        self.check.start()

    def _answered(self, online: object) -> None:
        was_online, self.online = self.online, bool(online)
        if not self.online:
            self.desk.server_away()
        self._show_state()
        if self.online and not was_online:
            # Back: what changed meanwhile comes into the cache with the list.
            self._reload_pages()

    def _not_answered(self, _exc: object) -> None:
        # Reached but refused (this login's password changed on another PC, say):
        # nothing can be sent from here either.
        self._answered(False)

    def _show_state(self) -> None:
        """The banner, the outbox line and "Send now", from the last answer."""
        self.offline_banner.setVisible(not self.online)
        if not self.online:
            self.offline_banner.setText(self._offline_text())
        waiting = self.desk.waiting()
        self.waiting_label.setText(
            plural(waiting, self.tr("{n} saved on this PC is waiting to be sent."),
                   self.tr("{n} saved on this PC are waiting to be sent."))
            if waiting else (self.tr("Connected to the team server.") if self.online
                             else ""))
        sending = self.status_page.sending.running
        self.send_button.setVisible(waiting > 0 or sending)
        self.send_button.setEnabled(self.online and not sending)
        self.send_button.setText(self.tr("Sending…") if sending else self.tr("Send &now"))
        self.status_page.told(self.online)

    def _offline_text(self) -> str:
        text = Offline().user_message
        cache = self._cache_time()
        if cache:
            text += " " + self.tr("The peers list is as this PC last had it, at {time}."
                                  ).format(time=cache)
        return text

    def _cache_time(self) -> str:
        try:
            when = self.desk.search_cache().in_step_at
        except PeerDeskError:
            return ""
        return when.astimezone().strftime("%Y-%m-%d %H:%M") if when else ""

    def send_now(self) -> None:
        """Send what waits, in the team page's background job; said when it ends."""
        set_message(self.message, None)
        self.status_page.send()
        self._show_state()

    def _search_moved_on(self) -> None:
        # The list says how far search is prepared, and fills once it is.
        if self.peers.list_page.model.error:
            self.peers.list_page.reload()

    def _reload_pages(self) -> None:
        self.peers.reload()
        if self.contacts is not None:
            self.contacts.reload()
        for page in (self.today, self.sessions):
            if page is not None and page.isVisible():
                page.reload()  # it said the server can't be reached

    def _after_send(self) -> None:
        set_message(self.message, self.status_page.error.text() or None)
        self._reload_pages()
        self.refresh()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.check.stop()  # an answer still in flight changes nothing now
        self.timer.stop()
        self.status_page.sign_out()  # after any preparation under way has stopped
        super().closeEvent(event)
        self.closed.emit()
