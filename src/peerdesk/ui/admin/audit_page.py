"""Admin › Audit log: who did what, newest first; sortable and searchable."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from peerdesk.domain.errors import PeerDeskError
from peerdesk.services.audit_log import recent_events
from peerdesk.services.session import Session
from peerdesk.ui import change_bus
from peerdesk.ui.admin.audit_model import AuditColumn, AuditModel
from peerdesk.ui.change_bus import ChangeBus
from peerdesk.ui.errors import show_error
from peerdesk.ui.page_header import ReloadWhenSeen, ShownReloads, search_box
from peerdesk.ui.table_model import sorting_filter
from peerdesk.ui.table_view import Selection, forget_list, list_view
from peerdesk.ui.theme import colour


class AuditPage(ShownReloads, QWidget):
    """Loads when shown (reading the log is itself audited), and again on Refresh."""

    def __init__(self, session: Session, bus: ChangeBus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session: Session | None = session
        self.model = AuditModel(self)
        self.proxy = sorting_filter(self.model, self)
        self.search = search_box(self.tr("Search the audit log…"),
                                 self.tr("Search the audit log"))
        self.refresh_button = QPushButton(self.tr("&Refresh"))
        self.table = list_view(self.proxy, self.tr("Audit log"), sorting=True,
                               selection=Selection.ExtendedSelection)
        self.table.sortByColumn(AuditColumn.TIME, Qt.SortOrder.DescendingOrder)
        self.count = QLabel()
        self.count.setStyleSheet(f"color: {colour('#555', 'window-text')};")

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)

        self.search.textChanged.connect(self._filter)
        self.refresh_button.clicked.connect(self.reload)
        self.when_seen = ReloadWhenSeen(self, self.reload, bus, (change_bus.AUDIT,))

    def reload(self) -> None:
        if self.session is None:
            return
        try:
            self.model.set_rows(recent_events(self.session))
        except PeerDeskError as exc:
            show_error(self, exc)
        self.table.resizeColumnsToContents()
        self._update_count()

    def _filter(self, text: str) -> None:
        self.proxy.setFilterFixedString(text)
        self._update_count()

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.count.setText(self.tr("{total} most recent events").format(total=total)
                           if shown == total
                           else self.tr("{shown} of {total} events match").format(
                               shown=shown, total=total))

    def clear_data(self) -> None:
        self.session = None
        forget_list(self.search, self.model, self.count)
