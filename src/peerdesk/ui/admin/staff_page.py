"""Admin › Staff: who can sign in, with what role; add, reset, change, deactivate, remove."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from peerdesk.domain.staff import Staff, StaffStatus
from peerdesk.services import accounts
from peerdesk.services.session import Session
from peerdesk.ui import change_bus
from peerdesk.ui.admin.staff_dialogs import AddStaffDialog, ChangeRoleDialog, ResetPasswordDialog
from peerdesk.ui.admin.staff_model import StaffColumn, StaffModel
from peerdesk.ui.change_bus import ChangeBus
from peerdesk.ui.errors import ask_to_confirm, read_service, run_service
from peerdesk.ui.form_dialog import FormDialog
from peerdesk.ui.page_header import MainPage, Present, search_box
from peerdesk.ui.peers.forms import muted
from peerdesk.ui.table_model import ROW_ROLE, sorting_filter
from peerdesk.ui.table_view import list_view


class StaffPage(MainPage):
    def __init__(self, session: Session, bus: ChangeBus, present: Present,
                 parent: QWidget | None = None) -> None:
        super().__init__(session, bus, present, parent)
        self.model = StaffModel(self)
        self.proxy = sorting_filter(self.model, self)

        self.search = search_box(self.tr("Search staff…"),
                                 self.tr("Search staff"))
        self.table = list_view(self.proxy, self.tr("Staff accounts"), sorting=True)
        self.table.sortByColumn(StaffColumn.NAME, Qt.SortOrder.AscendingOrder)

        self.add_button = QPushButton(self.tr("&Add staff…"))
        self.reset_button = QPushButton(self.tr("&Reset password…"))
        self.role_button = QPushButton(self.tr("Change r&ole…"))
        self.deactivate_button = QPushButton(self.tr("&Deactivate…"))
        self.remove_button = QPushButton(self.tr("Re&move…"))
        buttons = QHBoxLayout()
        for button in (self.add_button, self.reset_button, self.role_button,
                       self.deactivate_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        hint = muted(self.tr("Deactivate stops someone signing in at once. Remove is for people "
                             "who have left: the vault is re-encrypted so no old copy of their "
                             "key opens it."))

        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(hint)

        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.add_button.clicked.connect(self.add_staff)
        self.reset_button.clicked.connect(self.reset_password)
        self.role_button.clicked.connect(self.change_role)
        self.deactivate_button.clicked.connect(self.deactivate)
        self.remove_button.clicked.connect(self.remove)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(lambda _index: self.change_role())
        bus.changed.connect(self._on_changed)
        self.reload()

    # -- data ------------------------------------------------------------------

    def reload(self) -> None:
        rows = read_service(self, self.session, accounts.list_staff)
        if rows is not None:
            self.model.set_rows(rows)
        self._update_buttons()

    def clear_data(self) -> None:
        """Locking: forget the session and every row."""
        self.session = None
        self.search.clear()
        self.model.clear()
        self._update_buttons()

    def _on_changed(self, topic: str) -> None:
        if topic == change_bus.STAFF:
            self.reload()

    def selected(self) -> Staff | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        staff = rows[0].data(ROW_ROLE)
        return staff if isinstance(staff, Staff) else None

    def select_name(self, name: str) -> bool:
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, StaffColumn.NAME)
            if index.data() == name:
                self.table.selectRow(row)
                return True
        return False

    def _update_buttons(self, *_args: object) -> None:
        staff = self.selected()
        me = self.session.staff.id if self.session else None
        usable = staff is not None and staff.status is not StaffStatus.REMOVED
        other = usable and staff is not None and staff.id != me
        self.add_button.setEnabled(self.session is not None)
        self.reset_button.setEnabled(other)
        self.role_button.setEnabled(other)
        self.deactivate_button.setEnabled(
            other and staff is not None and staff.status is StaffStatus.ACTIVE)
        self.remove_button.setEnabled(other)

    # -- actions ---------------------------------------------------------------

    def _changed(self) -> None:
        self.bus.changed.emit(change_bus.STAFF)
        self.bus.changed.emit(change_bus.AUDIT)

    def _changed_keys(self) -> None:
        """After a change that takes keys from someone: move the keys on now, with
        progress (the part this person can do; the rest waits, as the page says)."""
        self._changed()
        if self.session is None:
            return
        from peerdesk.ui.key_work import run_owed_key_work

        self.key_work = run_owed_key_work(self.session, self)
        if self.key_work is not None:
            self.key_work.done.connect(lambda _ok: self._changed())

    def add_staff(self) -> None:
        if self.session is None:
            return
        dialog = AddStaffDialog(self.session, self)
        dialog.saved.connect(self._changed)
        self.present(dialog)

    def reset_password(self) -> None:
        self._open_for_chosen(ResetPasswordDialog)

    def change_role(self, _index: QModelIndex | None = None) -> None:
        if self.role_button.isEnabled():
            self._open_for_chosen(ChangeRoleDialog)

    def _open_for_chosen(self, form: Callable[[Session, Staff, QWidget], FormDialog]) -> None:
        """`form` on the chosen account; its save changes keys, so the page settles them."""
        staff = self.selected()
        if self.session is None or staff is None:
            return
        dialog = form(self.session, staff, self)
        dialog.saved.connect(self._changed_keys)
        self.present(dialog)

    def deactivate(self) -> None:
        staff = self.selected()
        if self.session is None or staff is None:
            return
        ask_to_confirm(
            self, self.tr("Deactivate account"),
            self.tr("{name} will not be able to sign in until an administrator resets their "
                    "password. Their records and history stay as they are.").format(
                        name=staff.name),
            self.tr("Deactivate"),
            lambda: self._run(lambda s, i: accounts.deactivate(s, i, settle=False), staff))

    def remove(self) -> None:
        staff = self.selected()
        if self.session is None or staff is None:
            return
        ask_to_confirm(
            self, self.tr("Remove account"),
            self.tr("Remove {name}'s account for good?\n\n"
                    "Their key is deleted and the whole vault is re-encrypted under a new key, "
                    "so that an old copy of the key file can no longer open it. This takes a "
                    "moment; don't switch the computer off meanwhile.\n\n"
                    "Their name stays in the audit log. This can't be undone.").format(
                        name=staff.name),
            self.tr("Remove and re-encrypt"), lambda: self._remove(staff))

    def _run(self, action: Callable[[Session, int], None], staff: Staff) -> None:
        done = run_service(self, self.session, action, staff.id)
        if done:
            self._changed_keys()
        elif done is False:
            self._changed()

    def _remove(self, staff: Staff) -> None:
        self._run(lambda s, i: accounts.remove(s, i, settle=False), staff)
