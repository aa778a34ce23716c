"""Today over a casework store (services/casework_store.py): the follow-ups due
today and overdue, and the sessions logged today; Enter opens the peer, Ctrl+D
marks the selected follow-up done. The sections and the follow-up controls are
the single-PC Today page's (ui/today/today_page.py), so the two read alike.

On the team server both lists are read from the server (the view audited);
when it can't be reached the page says so and keeps what it last showed, and
marking done says why it has to wait.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QPushButton, QWidget

from peerdesk.domain.errors import PeerDeskError
from peerdesk.services.casework_store import CaseworkStore, StoreId
from peerdesk.services.clock import today as today_
from peerdesk.ui.fields import error_label, set_message
from peerdesk.ui.page_header import PageHeader, page_layout
from peerdesk.ui.peers.forms import muted
from peerdesk.ui.today.today_page import FollowUpControls, TodaySection

OpenPeer = Callable[[StoreId], object]


class StoreTodayPage(QWidget):
    """Reloads when shown and on Refresh."""

    def __init__(self, store: CaseworkStore, open_peer: OpenPeer,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.refresh_button = QPushButton(self.tr("Refres&h"))
        self.header = PageHeader(self.tr("Today"), actions=(self.refresh_button,))
        self.message = error_label()
        self.follow_ups = TodaySection(self.tr("Follow-ups due"),
                                       self.tr("No follow-ups are due."), open_peer)
        self.controls = FollowUpControls(self.follow_ups, self, lambda: True)
        self.logged = TodaySection(self.tr("Sessions logged today"),
                                   self.tr("No sessions logged yet today."), open_peer)
        hint = muted(self.tr("Enter or double-click opens the peer; Ctrl+D marks the selected "
                             "follow-up done. Overdue follow-ups are marked in red."))
        layout = page_layout(self, self.header)
        layout.addWidget(self.message)
        layout.addWidget(self.follow_ups, 3)
        layout.addWidget(self.logged, 2)
        layout.addWidget(hint)
        self.refresh_button.clicked.connect(self.reload)
        self.controls.connect(self.reload, self.mark_done)
        self.shown_on: date | None = None

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.reload()

    def reload(self) -> bool:
        """Read both lists again; False (and the reason shown) when they can't be."""
        try:
            today = self.store.today(mine=self.controls.mine.isChecked())
        except PeerDeskError as exc:
            set_message(self.message, exc.user_message)
            return False
        set_message(self.message, None)
        self.shown_on = today.on
        self.header.set_subtitle(f"{today.on:%A} {today.on.day} {today.on:%B %Y}")
        # Overdue first, then soonest.
        self.follow_ups.set_items(sorted(today.follow_ups,
                                         key=lambda i: (not i.overdue, i.when)))
        self.logged.set_items(today.sessions_today)
        self.controls.update()
        return True

    def mark_done(self) -> bool:
        """The selected follow-up done today (audited by the store); on the team
        server only while it can be reached (the message says why otherwise)."""
        item = self.follow_ups.selected()
        if item is None:
            return False
        try:
            self.store.mark_follow_up_done(item.item_id, today=today_())
        except PeerDeskError as exc:
            set_message(self.message, exc.user_message)
            return False
        self.reload()
        self.controls.done(item)
        return True
