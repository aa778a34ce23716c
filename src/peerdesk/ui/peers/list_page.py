"""Peers: the caseload, searched as you type, filtered, sorted in SQL."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QPushButton,
    QWidget,
)

from peerdesk.domain.errors import PeerDeskError
from peerdesk.domain.staff import Permission, Role
from peerdesk.services import peers
from peerdesk.services.peers import PeerFilter
from peerdesk.services.session import Session
from peerdesk.ui.page_header import PageHeader, page_layout, search_box
from peerdesk.ui.peers.list_model import PeerColumn, PeerListModel
from peerdesk.ui.peers.list_parts import CountsPeers, chosen_status, status_filter
from peerdesk.ui.peers.navigation import OpensFromTheList
from peerdesk.ui.table_view import id_list


class PeerListPage(CountsPeers, OpensFromTheList, QWidget):
    """Emits `open_peer(id)`, `add_requested` and `imported` (peers came from a spreadsheet)."""

    open_peer = Signal(int)
    add_requested = Signal()
    imported = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session: Session | None = session
        self.model = PeerListModel(self)

        self.search = search_box(
            self.tr("Search by name, alias, full name or reference (P-0042)…"),
            self.tr("Search peers"))
        self.search.setMinimumWidth(320)
        self.status = status_filter()
        self.caseworker = QComboBox()
        self.caseworker.setAccessibleName(self.tr("Caseworker"))
        self.mine = QCheckBox(self.tr("&My caseload"))
        self.add_button = QPushButton(self.tr("&Add peer…"))
        self.add_button.setToolTip(self.tr("Add a peer (Ctrl+N)"))
        self.import_button = QPushButton(self.tr("&Import from spreadsheet…"))
        self.import_button.setVisible(session.can(Permission.IMPORT_DATA))
        self.header = PageHeader(self.tr("Peers"), subtitle_name=self.tr("Number of peers shown"),
                                 actions=(self.import_button, self.add_button))
        self.count = self.header.subtitle

        self.table, self.views = id_list(self.model, self.tr("Peers"), PeerColumn.NAME)
        self.empty = self.views.empty

        filters = QHBoxLayout()
        filters.addWidget(self.search, 3)
        filters.addWidget(self.status)
        filters.addWidget(self.caseworker, 1)
        filters.addWidget(self.mine)
        layout = page_layout(self, self.header)
        layout.addLayout(filters)
        layout.addWidget(self.views, 1)

        self.search.textChanged.connect(self.apply_filter)
        self.search.returnPressed.connect(self._enter_in_search)
        self.table.follow(self.search)  # Down from the search box goes into the list
        self.status.currentIndexChanged.connect(self.apply_filter)
        self.caseworker.currentIndexChanged.connect(self.apply_filter)
        self.mine.toggled.connect(self.apply_filter)
        self.add_button.clicked.connect(self.add_requested.emit)
        self.import_button.clicked.connect(self.open_import)
        self.table.doubleClicked.connect(self._open_index)
        self.table.activated_row.connect(self._open_row)
        self.model.modelReset.connect(self._update_count)
        self._fill_caseworkers()
        self.apply_filter()

    # -- data ---------------------------------------------------------------------

    def _fill_caseworkers(self) -> None:
        self.caseworker.blockSignals(True)
        self.caseworker.clear()
        self.caseworker.addItem(self.tr("Any caseworker"), None)
        self.mine.setVisible(False)
        if self.session is not None:
            try:
                choices = peers.assignable_staff(self.session)
            except PeerDeskError:
                choices = []
            for choice in choices:
                if choice.role is not Role.PEER_SUPPORTER:
                    self.caseworker.addItem(choice.name, choice.id)
            # A peer supporter's list is already only their own.
            self.mine.setVisible(self.session.staff.role is not Role.PEER_SUPPORTER)
        self.caseworker.blockSignals(False)

    def current_filter(self) -> PeerFilter:
        caseworker = self.caseworker.currentData()
        if self.mine.isChecked() and self.session is not None:
            caseworker = self.session.staff.id
        return PeerFilter(text=self.search.text(), status=chosen_status(self.status),
                          caseworker_id=caseworker)

    def apply_filter(self, *_args: object) -> None:
        self.caseworker.setEnabled(not self.mine.isChecked())
        if self.model.session is not self.session:
            self.model.session = self.session
        self.model.set_filter(self.current_filter())

    def reload(self) -> None:
        """A record changed: same filter, fresh rows; the selected peer stays selected."""
        self.table.reload_keeping_choice(self.model)

    def is_filtered(self) -> bool:
        return self.current_filter() != PeerFilter()

    def clear_data(self) -> None:
        self.session = None
        for widget in (self.search, self.status, self.caseworker, self.mine):
            widget.blockSignals(True)
        self.search.clear()
        self.status.setCurrentIndex(0)
        self.caseworker.clear()
        self.mine.setChecked(False)
        for widget in (self.search, self.status, self.caseworker, self.mine):
            widget.blockSignals(False)
        self.model.clear()
        self.count.clear()

    def open_import(self) -> QDialog | None:
        """The spreadsheet import, for roles that may import; the list reloads after it."""
        from peerdesk.ui.peers.import_dialog import ImportDialog

        if self.session is None or not self.session.can(Permission.IMPORT_DATA):
            return None
        dialog = ImportDialog(self.session, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.imported.connect(self._after_import)
        dialog.open()
        return dialog

    def _after_import(self, _result: object) -> None:
        self.reload()
        self.imported.emit()

    # -- selection and opening ------------------------------------------------------

    def selected_peer(self) -> int | None:
        return self.table.current_id()

    def select_peer(self, peer_id: int) -> bool:
        return self.table.select_id(self.model, peer_id)
