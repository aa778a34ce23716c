"""The Groups section: the list of groups, a group's page and the register, in one stack."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from peerdesk.domain.errors import PeerDeskError
from peerdesk.domain.staff import Role
from peerdesk.services import groups
from peerdesk.services.groups import GroupRow
from peerdesk.services.session import Session
from peerdesk.ui import change_bus
from peerdesk.ui.change_bus import ChangeBus
from peerdesk.ui.errors import ask_to_confirm, show_error
from peerdesk.ui.groups.dialogs import GroupDialog
from peerdesk.ui.groups.group_page import GroupPage, chosen
from peerdesk.ui.groups.models import GROUPS, GroupColumn, GroupModel
from peerdesk.ui.groups.register_page import RegisterPage
from peerdesk.ui.i18n import plural
from peerdesk.ui.page_header import MainPage, PageHeader, Present, page_layout, search_box
from peerdesk.ui.peers.forms import CASELOAD, heading, muted
from peerdesk.ui.table_model import ROW_ROLE, sorting_filter
from peerdesk.ui.table_view import ListOrEmpty, forget_list, list_view


def no_groups_sentence(session: Session) -> str:
    return QCoreApplication.translate(
        "GroupsSection", "Your role ({role}) does not include groups, so there is nothing to "
                         "show here. Caseworkers and programme leads run groups; peer "
                         "supporters see the groups they facilitate.").format(
        role=session.staff.role.label)


def announce(bus: ChangeBus) -> None:
    bus.changed.emit(GROUPS)
    bus.changed.emit(CASELOAD)  # a peer's page shows their attendance
    bus.changed.emit(change_bus.AUDIT)


class GroupListPage(QWidget):
    """The list of groups; without a session (the team window's, which reads the
    team server: ui/team/groups_page.py) it reads nothing itself and changes nothing."""

    def __init__(self, session: Session | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session: Session | None = session
        self.manages = session is not None and _manages(session)
        self.model = GroupModel(self)
        self.proxy = sorting_filter(self.model, self)
        self.search = search_box(self.tr("Search groups by name, kind or facilitator…"),
                                 self.tr("Search groups"))
        self.archived = QCheckBox(self.tr("Show a&rchived"))
        self.add_button = QPushButton(self.tr("&Add group…"))
        self.header = PageHeader(self.tr("Groups"), subtitle_name=self.tr("Number of groups shown"),
                                 actions=(self.add_button,))
        self.count = self.header.subtitle
        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.archive_button = QPushButton(self.tr("Arc&hive…"))
        self.restore_button = QPushButton(self.tr("Re&store"))
        self.open_button = QPushButton(self.tr("&Open"))
        self.table = list_view(self.proxy, self.tr("Groups"), sorting=True)
        self.table.sortByColumn(GroupColumn.NAME, Qt.SortOrder.AscendingOrder)
        self.views = ListOrEmpty(self.table)
        self.empty = self.views.empty

        filters = QHBoxLayout()
        filters.addWidget(self.search, 1)
        filters.addWidget(self.archived)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        for b in (self.edit_button, self.archive_button, self.restore_button):
            buttons.addWidget(b)
        layout = page_layout(self, self.header)
        layout.addLayout(filters)
        layout.addWidget(self.views, 1)
        layout.addLayout(buttons)
        for b in (self.add_button, self.edit_button, self.archive_button, self.restore_button):
            b.setVisible(self.manages)
        self.search.textChanged.connect(self._filter)
        self.archived.toggled.connect(self.reload)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.search.returnPressed.connect(self._enter_in_search)

    def selected(self) -> GroupRow | None:
        row = chosen(self.table)
        return row if isinstance(row, GroupRow) else None

    def reload(self) -> None:
        if self.session is None:
            return
        previous = self.selected()
        try:
            rows = groups.list_groups(self.session, include_archived=self.archived.isChecked())
        except PeerDeskError as exc:
            self.model.clear()
            self.model.empty_text = exc.user_message
            self.views.refresh()
            return
        self.model.set_rows(rows)
        if previous is not None:
            self.select(previous.id)
        self._filter()

    def select(self, group_id: int) -> None:
        for r in range(self.proxy.rowCount()):
            row = self.proxy.index(r, 0).data(ROW_ROLE)
            if isinstance(row, GroupRow) and row.id == group_id:
                self.table.selectRow(r)
                return

    def _filter(self, *_args: object) -> None:
        self.proxy.setFilterFixedString(self.search.text())
        n = self.proxy.rowCount()
        self.count.setText(plural(n, self.tr("{n} group"), self.tr("{n} groups")))
        if not self.model.rowCount():
            self.model.empty_text = (
                self.tr("No groups yet. “Add group…” starts one: a name is all it needs.")
                if self.manages else
                self.tr("You don't facilitate any groups yet. A caseworker or programme lead "
                        "can add you as a facilitator."))
        else:
            self.model.empty_text = self.tr("No group matches. Clear the search, or show "
                                            "archived groups.")
        self.views.refresh()
        if n and not self.table.currentIndex().isValid():
            self.table.selectRow(0)
        self._update_buttons()

    def _update_buttons(self, *_args: object) -> None:
        group = self.selected()
        self.open_button.setEnabled(group is not None)
        self.edit_button.setEnabled(group is not None)
        self.archive_button.setEnabled(group is not None and not group.archived_on)
        self.restore_button.setEnabled(group is not None and bool(group.archived_on))

    def _enter_in_search(self) -> None:
        if self.proxy.rowCount():
            self.table.setFocus()
            if not self.table.currentIndex().isValid():
                self.table.selectRow(0)

    def clear_data(self) -> None:
        self.session = None
        forget_list(self.search, self.model, self.count)


def _manages(session: Session) -> bool:
    """Caseworkers and leads add and change groups; peer supporters can't (nor can admins)."""
    return groups.can_see_groups(session) and session.staff.role is not Role.PEER_SUPPORTER


class GroupsSection(MainPage):
    """Groups for the main window; `clear_data()` empties every model (lock, sign out)."""

    def __init__(self, session: Session, bus: ChangeBus, present: Present,
                 parent: QWidget | None = None) -> None:
        super().__init__(session, bus, present, parent)
        self.stack = QStackedWidget()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self.sentence: QLabel | None = None
        self.list_page: GroupListPage | None = None
        self.group_page = GroupPage(present)
        self.register_page = RegisterPage()
        if not groups.can_see_groups(session):
            page = QWidget()
            self.sentence = muted(no_groups_sentence(session))
            inner = QVBoxLayout(page)
            inner.setContentsMargins(24, 24, 24, 24)
            inner.addWidget(heading(self.tr("Groups"), 6))
            inner.addWidget(self.sentence)
            inner.addStretch(1)
            self.stack.addWidget(page)
            return
        self.list_page = GroupListPage(session)
        for page in (self.list_page, self.group_page, self.register_page):
            self.stack.addWidget(page)
        lp = self.list_page
        lp.table.activated.connect(self._open_index)
        lp.open_button.clicked.connect(self._open_selected)
        lp.add_button.clicked.connect(lambda: self.edit_group(None))
        lp.edit_button.clicked.connect(lambda: self.edit_group(lp.selected()))
        lp.archive_button.clicked.connect(self.archive_group)
        lp.restore_button.clicked.connect(lambda: self._archive(False))
        self.group_page.back.connect(self.show_list)
        self.group_page.changed.connect(lambda _g: announce(self.bus))
        self.group_page.register_requested.connect(self.open_register)
        self.register_page.saved.connect(lambda _g: announce(self.bus))
        self.register_page.done.connect(self._register_done)
        bus.changed.connect(self._on_changed)
        lp.reload()

    # -- navigation ----------------------------------------------------------------------

    def _open_index(self, index: QModelIndex) -> None:
        self._open_selected()

    def _open_selected(self) -> None:
        group = self.list_page.selected() if self.list_page else None
        if group is not None:
            self.open_group(group.id)

    def open_group(self, group_id: int) -> bool:
        if self.session is None or not self.group_page.show_group(self.session, group_id):
            return False
        self.stack.setCurrentWidget(self.group_page)
        self.group_page.meeting_view.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def show_list(self) -> None:
        if self.list_page is not None:
            self.stack.setCurrentWidget(self.list_page)
            self.list_page.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def open_register(self, meeting_id: int) -> bool:
        if self.session is None or not self.register_page.open_meeting(self.session,
                                                                       meeting_id):
            return False
        self.stack.setCurrentWidget(self.register_page)
        self.register_page.jump.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def _register_done(self) -> None:
        self.stack.setCurrentWidget(self.group_page)
        self.group_page.reload()
        self.group_page.meeting_view.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_changed(self, topic: str) -> None:
        if topic != GROUPS or self.session is None or self.list_page is None:
            return
        self.list_page.reload()
        if self.stack.currentWidget() is self.group_page:
            self.group_page.reload()

    # -- changes to groups ---------------------------------------------------------------

    def edit_group(self, group: GroupRow | None) -> GroupDialog | None:
        if self.session is None:
            return None
        dialog = GroupDialog(self.session, group, parent=self)
        dialog.saved.connect(self._group_saved)
        self.present(dialog)
        return dialog

    def _group_saved(self, group_id: int) -> None:
        announce(self.bus)
        if self.list_page is not None:
            self.list_page.select(group_id)

    def archive_group(self) -> None:
        group = self.list_page.selected() if self.list_page else None
        if group is None:
            return
        ask_to_confirm(self, self.tr("Archive group"),
                       self.tr("Archive “{name}”? It leaves the list; every meeting and mark "
                               "is kept, and it can be restored.").format(name=group.name),
                       self.tr("Archive group"),
                       lambda: self._archive(True, group.id))

    def _archive(self, archived: bool, group_id: int | None = None) -> None:
        if self.session is None or self.list_page is None:
            return
        if group_id is None:
            group = self.list_page.selected()
            if group is None:
                return
            group_id = group.id
        try:
            groups.archive_group(self.session, group_id, archived=archived)
        except PeerDeskError as exc:
            show_error(self, exc)
            return
        announce(self.bus)

    def clear_data(self) -> None:
        self.session = None
        self.register_page.clear_data()
        self.group_page.clear_data()
        if self.list_page is not None:
            self.list_page.clear_data()
            self.stack.setCurrentWidget(self.list_page)
