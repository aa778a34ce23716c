"""Peers over a casework store (services/casework_store.py): the list, searched
as you type, and one peer's page (details, safe contact, one-to-one sessions),
with the forms between. Written over the `CaseworkStore` protocol, so it runs
over the vault's store as over the team server's.

`read_only` (the team server out of reach): the list shows what this PC has
cached; a peer's page shows their cached line, and a new session still goes
(to the outbox); changes say why they have to wait.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from peerdesk.domain.errors import PeerDeskError
from peerdesk.services.casework_store import (
    CaseworkStore,
    OpenedPeer,
    PeerListRow,
    SessionRecord,
    StoreId,
)
from peerdesk.services.team import Offline, OfflineEdit
from peerdesk.ui.fields import error_label, set_message
from peerdesk.ui.i18n import QT_TRANSLATE_NOOP
from peerdesk.ui.page_header import PageHeader, page_layout, search_box, title_row
from peerdesk.ui.peers.banner import SafeContactBanner
from peerdesk.ui.peers.forms import heading, muted, start_aligned
from peerdesk.ui.peers.list_parts import CountsPeers, chosen_status, status_filter
from peerdesk.ui.peers.navigation import ListOrPeer, OpensFromTheList
from peerdesk.ui.peers.peer_dialog import gender_label
from peerdesk.ui.table_model import Column, RowTableModel, attribute_column
from peerdesk.ui.table_view import ListOrEmpty, id_list, set_up_list
from peerdesk.ui.team.peers_model import StoreFilter, StorePeerColumn, StorePeerListModel
from peerdesk.ui.team.store_forms import StorePeerDialog, StoreSessionDialog


class StorePeerList(CountsPeers, OpensFromTheList, QWidget):
    """The caseload from a store, filtered by status and to "my peers" as the
    single-PC caseload is; `open_peer(id)` and `add_requested`."""

    open_peer = Signal(object)
    add_requested = Signal()

    def __init__(self, store: CaseworkStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.model = StorePeerListModel(self)
        self.search = search_box(
            self.tr("Search by name, alias, full name or reference (P-0042)…  (Ctrl+F)"),
            self.tr("Search peers"))
        self.search.setMinimumWidth(320)
        self.status = status_filter()
        self.mine = QCheckBox(self.tr("&My peers"))
        self.mine.setToolTip(self.tr("Only the peers assigned to you"))
        # A peer supporter's list is already only their own.
        self.mine.setVisible(not store.assigned_only)
        self.add_button = QPushButton(self.tr("&Add peer…"))
        self.add_button.setToolTip(self.tr("Add a peer (Ctrl+N)"))
        self.header = PageHeader(self.tr("Peers"), subtitle_name=self.tr("Number of peers shown"),
                                 actions=(self.add_button,))
        self.count = self.header.subtitle
        self.table, self.views = id_list(self.model, self.tr("Peers"), StorePeerColumn.NAME)
        # The store orders by name, then reference (no other order to choose).
        self.table.setSortingEnabled(False)
        filters = QHBoxLayout()
        filters.addWidget(self.search, 3)
        filters.addWidget(self.status)
        filters.addWidget(self.mine)
        layout = page_layout(self, self.header)
        layout.addLayout(filters)
        layout.addWidget(self.views, 1)
        self.search.textChanged.connect(self.apply_filter)
        self.status.currentIndexChanged.connect(self.apply_filter)
        self.mine.toggled.connect(self.apply_filter)
        self.search.returnPressed.connect(self._enter_in_search)
        self.table.follow(self.search)
        self.table.doubleClicked.connect(self._open_index)
        self.table.activated_row.connect(self._open_row)
        self.add_button.clicked.connect(self.add_requested.emit)
        self.model.modelReset.connect(self._update_count)
        self.model.session = store
        self.apply_filter()

    def current_filter(self) -> StoreFilter:
        return StoreFilter(text=self.search.text().strip(), status=chosen_status(self.status),
                           mine=self.mine.isChecked())

    def apply_filter(self, *_args: object) -> None:
        self.model.set_filter(self.current_filter())

    def is_filtered(self) -> bool:
        return self.current_filter() != StoreFilter()

    def reload(self) -> None:
        self.model.reload()

    def selected_peer(self) -> StoreId | None:
        index = self.table.currentIndex()
        return self.model.peer_id(index.row()) if index.isValid() else None

    def select_peer(self, peer_id: StoreId) -> bool:
        return self.table.select_id(self.model, peer_id)  # type: ignore[arg-type]



class SessionsModel(RowTableModel[SessionRecord]):
    columns = (
        Column(QT_TRANSLATE_NOOP("TableHeader", "Date"), lambda s: s.held_on.isoformat(),
               sample="2026-11-22__"),
        Column(QT_TRANSLATE_NOOP("TableHeader", "Minutes"), lambda s: str(s.minutes),
               number=True, sample="Minutes__"),
        Column(QT_TRANSLATE_NOOP("TableHeader", "Mode"), lambda s: s.mode.label,
               sample="In person____"),
        Column(QT_TRANSLATE_NOOP("TableHeader", "Kind"), lambda s: s.kind.label,
               sample="Peer support_____"),
        Column(QT_TRANSLATE_NOOP("TableHeader", "Notes"),
               lambda s: " ".join(s.notes.split()) or "—", stretch=True),
        attribute_column(QT_TRANSLATE_NOOP("TableHeader", "Next steps"), "next_steps",
                         sample="Next steps______________"),
    )


class StorePeerView(QWidget):
    """One peer: who they are, how to contact them safely, their sessions.
    `back`, `edit_requested`, `log_session_requested`."""

    back = Signal()
    edit_requested = Signal()
    log_session_requested = Signal()

    def __init__(self, store: CaseworkStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.peer_id: StoreId | None = None
        self.opened: OpenedPeer | None = None
        self.row: PeerListRow | None = None
        self.back_button = QPushButton(self.tr("← &Back to peers"))
        self.back_button.clicked.connect(self.back.emit)
        self.title = start_aligned(heading(""))
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.subtitle = muted()
        self.edit_button = QPushButton(self.tr("Change &details…"))
        self.edit_button.clicked.connect(self.edit_requested.emit)
        self.log_button = QPushButton(self.tr("Log a s&ession…"))
        self.log_button.setToolTip(self.tr("Log a one-to-one session (Ctrl+Shift+S)"))
        self.log_button.clicked.connect(self.log_session_requested.emit)
        top = title_row(self.back_button, self.title, self.subtitle)
        top.addWidget(self.edit_button)
        top.addWidget(self.log_button)
        self.banner = SafeContactBanner()
        self.note = muted()
        self.error = error_label()
        self.details = QFormLayout()
        self.detail_labels: dict[str, QLabel] = {}
        for key, label in (("full_name", self.tr("Full name")), ("status", self.tr("Status")),
                           ("first_contact", self.tr("First contact")),
                           ("contact_route", self.tr("First contact by")),
                           ("age", self.tr("Year of birth / age band")),
                           ("gender", self.tr("Gender")), ("languages", self.tr("Languages")),
                           ("nationality", self.tr("Nationality"))):
            value = QLabel()
            value.setTextFormat(Qt.TextFormat.PlainText)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.detail_labels[key] = value
            self.details.addRow(label, value)
        self.sessions_model = SessionsModel(self)
        self.sessions = set_up_list(QTableView(), self.sessions_model, self.tr("Sessions"))
        self.sessions_box = ListOrEmpty(self.sessions)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.banner)
        layout.addWidget(self.note)
        layout.addWidget(self.error)
        layout.addLayout(self.details)
        layout.addWidget(heading(self.tr("One-to-one sessions"), 1))
        layout.addWidget(self.sessions_box, 1)

    def show_peer(self, peer_id: StoreId, row: PeerListRow | None = None) -> bool:
        """Open the peer (audited); with the team server out of reach, their line
        from this PC's cache (`row`), and a note that says what waits for it."""
        self.peer_id, self.row, self.opened = peer_id, row, None
        set_message(self.error, None)
        try:
            self.opened = self.store.open(peer_id)
            sessions = self.store.sessions(peer_id)
        except Offline:
            if row is None:
                rows = self.store.rows([peer_id])
                row = self.row = rows[0] if rows else None
            if row is None:
                return False
            self._show_cached(row)
            return True
        except PeerDeskError as exc:
            set_message(self.error, exc.user_message)
            self.peer_id = None
            return False
        record = self.opened.record
        d = record.details
        self.title.setText(d.preferred_name)
        self.subtitle.setText(record.ref)
        self.banner.setVisible(True)
        self.banner.show_prefs(self.opened.safe_contact)
        self.note.setVisible(False)
        shown = {
            "full_name": d.full_name, "status": d.status.label,
            "first_contact": d.first_contact.isoformat(), "contact_route": d.contact_route.label,
            "age": str(d.birth_year) if d.birth_year else d.age_band.label,
            "gender": d.gender_description or gender_label(d.gender),
            "languages": d.languages, "nationality": d.nationality}
        for key, label in self.detail_labels.items():
            label.setText(shown[key] or "—")
        self.sessions_model.set_rows(sessions)
        self.sessions_model.empty_text = self.tr(
            "No sessions yet. Press Ctrl+Shift+S or “Log a session…” to log one.")
        self.sessions_box.refresh()
        return True

    def _show_cached(self, row: PeerListRow) -> None:
        self.title.setText(row.preferred_name)
        self.subtitle.setText(row.ref)
        self.banner.setVisible(False)
        self.note.setVisible(True)
        self.note.setText(self.tr(
            "The team server can't be reached: this is what this PC has cached. Their details, "
            "safe-contact notes and sessions show when it is back. A new session can still be "
            "logged; it is kept on this PC, encrypted, and sent then."))
        for key, label in self.detail_labels.items():
            label.setText(row.status.label if key == "status" else "—")
        self.sessions_model.clear()
        self.sessions_model.empty_text = self.tr("Sessions show when the server is back.")
        self.sessions_box.refresh()

    def peer_label(self) -> str:
        if self.opened is not None:
            return f"{self.opened.record.details.preferred_name}   {self.opened.record.ref}"
        if self.row is not None:
            return f"{self.row.preferred_name}   {self.row.ref}"
        return ""

    def clear(self) -> None:
        self.peer_id = self.opened = self.row = None
        self.title.clear()
        self.subtitle.clear()
        self.banner.show_prefs(None)
        for label in self.detail_labels.values():
            label.clear()
        self.sessions_model.clear()


class StorePeersSection(ListOrPeer, QWidget):
    """The list and a peer's page in one stack, the forms between; Ctrl+F
    searches, Ctrl+N adds a peer, Ctrl+Shift+S logs a session (the peer shown,
    or the one selected in the list). `changed` after any save."""

    changed = Signal()

    def __init__(self, store: CaseworkStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.list_page = StorePeerList(store)
        self.peer_page = StorePeerView(store)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.list_page)
        self.stack.addWidget(self.peer_page)
        self.message = error_label()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.message)
        layout.addWidget(self.stack, 1)
        self.dialog: StorePeerDialog | StoreSessionDialog | None = None
        self.list_page.open_peer.connect(self.open_peer)
        self.list_page.add_requested.connect(self.add_peer)
        self.peer_page.back.connect(self.show_list)
        self.peer_page.edit_requested.connect(self.edit_peer)
        self.peer_page.log_session_requested.connect(self.log_session)
        for keys, action in (("Ctrl+F", self.go_to_search), ("Ctrl+N", self.add_peer),
                             ("Ctrl+Shift+S", self.log_session)):
            QShortcut(QKeySequence(keys), self, action,
                      context=Qt.ShortcutContext.WidgetWithChildrenShortcut)

    # -- navigation -------------------------------------------------------------------

    def open_peer(self, peer_id: StoreId) -> bool:
        set_message(self.message, None)
        rows = self.list_page.model
        row_no = rows.row_of(peer_id)  # type: ignore[arg-type]
        row = rows.row_at(row_no) if row_no is not None else None
        if not self.peer_page.show_peer(peer_id, row):
            set_message(self.message, self.peer_page.error.text() or None)
            return False
        self.stack.setCurrentWidget(self.peer_page)
        self.peer_page.log_button.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def reload(self) -> None:
        self.list_page.reload()
        if self.showing_peer() and self.peer_page.peer_id is not None:
            self.peer_page.show_peer(self.peer_page.peer_id, self.peer_page.row)

    # -- the forms --------------------------------------------------------------------

    def _show(self, dialog: StorePeerDialog | StoreSessionDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()

    def add_peer(self) -> StorePeerDialog | None:
        set_message(self.message, None)
        try:
            dialog = StorePeerDialog(self.store, None, self)
        except PeerDeskError as exc:
            set_message(self.message, exc.user_message)
            return None
        dialog.stored.connect(self._added)
        self._show(dialog)
        return dialog

    def _added(self, peer_id: object) -> None:
        self.list_page.search.clear()
        self.list_page.reload()
        self.changed.emit()
        self.open_peer(peer_id)

    def edit_peer(self) -> StorePeerDialog | None:
        set_message(self.message, None)
        opened = self.peer_page.opened
        if opened is None:
            # Read from the cache only: a change must be checked against the server.
            set_message(self.message, OfflineEdit().user_message)
            return None
        try:
            dialog = StorePeerDialog(self.store, opened, self)
        except PeerDeskError as exc:
            set_message(self.message, exc.user_message)
            return None
        dialog.stored.connect(self._edited)
        self._show(dialog)
        return dialog

    def _edited(self, _peer_id: object) -> None:
        self.reload()
        self.changed.emit()

    def log_session(self) -> StoreSessionDialog | None:
        set_message(self.message, None)
        if self.showing_peer():
            peer_id, label = self.peer_page.peer_id, self.peer_page.peer_label()
            prefs = self.peer_page.opened.safe_contact if self.peer_page.opened else None
        else:
            peer_id, prefs = self.list_page.selected_peer(), None
            row_no = self.list_page.model.row_of(peer_id) if peer_id is not None else None  # type: ignore[arg-type]
            row = self.list_page.model.row_at(row_no) if row_no is not None else None
            label = f"{row.preferred_name}   {row.ref}" if row is not None else ""
        if peer_id is None:
            set_message(self.message, self.tr("Open or select a peer first, then log their "
                                              "session."))
            return None
        dialog = StoreSessionDialog(self.store, peer_id, peer_label=label, safe_contact=prefs,
                                    parent=self)
        dialog.stored.connect(self._logged)
        self._show(dialog)
        return dialog

    def _logged(self, _session_id: object) -> None:
        if self.showing_peer() and self.peer_page.peer_id is not None:
            self.peer_page.show_peer(self.peer_page.peer_id, self.peer_page.row)
        self.changed.emit()
