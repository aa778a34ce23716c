"""The listening service's Contacts page in the team window: one day's contacts
(time, channel, minutes, region, what they needed, where they were pointed;
no caller's nickname and no name in the list), a day picker (previous, next,
today, or a date typed), searched and sorted as you type, and "Log a contact"
(Ctrl+Shift+C, as on the single PC) with the single PC's contact form
(ui/contacts/contact_dialog.py over services/listening_store.TeamListening).

The day is read from the server once (the desk audits the reading); typing and
sorting then work on what was read. When the server can't be reached a new
contact still goes, into this PC's encrypted outbox: it shows in the day's list
marked "waiting to be sent", a line over the list counts them, and "Send now"
(or the server coming back) sends each exactly once. A save whose connection
drops midway goes to the outbox too, and the page says so: nothing typed is lost.
"""

from __future__ import annotations

from collections.abc import Hashable
from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from peerdesk.domain.errors import PeerDeskError, ValidationError
from peerdesk.services.clock import today
from peerdesk.services.listening import ContactFilter
from peerdesk.services.listening_store import TeamContactRow, TeamListening
from peerdesk.ui.contacts.contact_dialog import ContactDialog
from peerdesk.ui.contacts.contacts_page import LOG_CONTACT_KEYS
from peerdesk.ui.contacts.list_model import ContactColumn, ContactListModel
from peerdesk.ui.fields import error_label, set_message
from peerdesk.ui.i18n import QT_TRANSLATE_NOOP, plural
from peerdesk.ui.page_header import PageHeader, page_layout, search_box
from peerdesk.ui.peers.forms import DateField
from peerdesk.ui.table_model import Column
from peerdesk.ui.table_view import id_list

# The vault list's columns up to "Outcome" (who called and who took it stay off).
_SHOWN = ContactListModel.columns[:ContactColumn.OUTCOME + 1]


def _sent(row: TeamContactRow) -> str:
    return (QCoreApplication.translate("TeamContactList", "waiting to be sent") if row.waiting
            else "")


def _find(store: TeamListening, flt: ContactFilter) -> list[Hashable]:
    return store.find(flt)


def _rows(store: TeamListening, ids: list[Hashable]) -> list[TeamContactRow]:
    return store.rows(ids)


class TeamContactListModel(ContactListModel):
    """The single PC's contacts list, its rows from the team store (`session`, in
    IdWindowModel's words); a column says which wait in this PC's outbox."""

    columns = (*_SHOWN, Column(  # type: ignore[assignment]
        QT_TRANSLATE_NOOP("TableHeader", "Sent"), _sent, sample="waiting to be sent"))
    find = staticmethod(_find)  # type: ignore[assignment]
    fetch = staticmethod(_rows)  # type: ignore[assignment]


class DayPicker(QWidget):
    """Previous day, the day (typed, or from the calendar), next day, today;
    `moved(date)` when the day changes."""

    moved = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.day = today()
        self.field = DateField(self.day)
        self.field.setAccessibleName(self.tr("Day shown"))
        self.previous_button = QPushButton(self.tr("◀ Pre&vious day"))
        self.next_button = QPushButton(self.tr("Ne&xt day ▶"))
        self.today_button = QPushButton(self.tr("To&day"))
        self.error = error_label()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for widget in (self.previous_button, self.field, self.next_button, self.today_button):
            row.addWidget(widget)
        row.addWidget(self.error, 1)
        row.addStretch(1)
        self.previous_button.clicked.connect(lambda: self.go(self.day - timedelta(days=1)))
        self.next_button.clicked.connect(lambda: self.go(self.day + timedelta(days=1)))
        self.today_button.clicked.connect(lambda: self.go(today()))
        self.field.editingFinished.connect(self._typed)

    def go(self, day: date) -> None:
        set_message(self.error, None)
        self.field.set_date(day)
        if day != self.day:
            self.day = day
            self.moved.emit(day)

    def _typed(self) -> None:
        try:
            day = self.field.value(what=self.tr("The day"), field="day")
        except ValidationError as exc:
            set_message(self.error, exc.user_message)
            return
        self.go(day or today())


class TeamContactsPage(QWidget):
    """`logged(sent)` after a contact is saved (False: it waits in the outbox)."""

    logged = Signal(bool)

    def __init__(self, store: TeamListening, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.dialog: ContactDialog | None = None
        self.kept = False   # the last contact logged went to the outbox
        self.model = TeamContactListModel(self)
        self.log_button = QPushButton(self.tr("Log &a contact…"))  # L: Lock; G: the Groups tab
        self.log_button.setToolTip(self.tr("Log a contact ({keys})").format(
            keys=LOG_CONTACT_KEYS))
        self.log_button.setStyleSheet("font-weight: bold;")
        self.header = PageHeader(self.tr("Contacts"),
                                 subtitle_name=self.tr("Number of contacts shown"),
                                 actions=(self.log_button,))
        self.count = self.header.subtitle
        self.days = DayPicker()
        self.search = search_box(self.tr("Search notes, topics, region, channel…  (Ctrl+F)"),
                                 self.tr("Search the day's contacts"))
        self.waiting_label = QLabel()
        self.waiting_label.setAccessibleName(self.tr("Contacts waiting to be sent"))
        self.message = error_label()
        self.table, self.views = id_list(self.model, self.tr("Contacts"), ContactColumn.WHEN,
                                         Qt.SortOrder.DescendingOrder)
        layout = page_layout(self, self.header)
        layout.addWidget(self.days)
        layout.addWidget(self.search)
        layout.addWidget(self.waiting_label)
        layout.addWidget(self.message)
        layout.addWidget(self.views, 1)
        self.log_button.clicked.connect(self.log_contact)
        self.days.moved.connect(lambda _day: self.apply_filter())
        self.search.textChanged.connect(self.apply_filter)
        self.table.follow(self.search)
        self.model.modelReset.connect(self._update_count)
        self.model.layoutChanged.connect(self._update_count)
        QShortcut(QKeySequence("Ctrl+F"), self, self.focus_search,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.model.set_session(store)  # IdWindowModel's name for what it reads from
        self.apply_filter()

    # -- the list -------------------------------------------------------------------------

    def current_filter(self) -> ContactFilter:
        return ContactFilter(text=self.search.text(), start=self.days.day, end=self.days.day)

    def apply_filter(self, *_args: object) -> None:
        self.model.set_filter(self.current_filter())

    def reload(self) -> None:
        """Read the day again (something was logged or sent, or the server is back)."""
        self.store.forget_day()
        self.model.reload()

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _update_count(self) -> None:
        error = self.model.error
        self.count.setText("" if error else plural(
            self.model.rowCount(), self.tr("{n:,} contact"), self.tr("{n:,} contacts")))
        self.model.empty_text = error or (
            self.tr("No contact that day matches. Try other words.")
            if self.search.text().strip()
            else self.tr("No contacts this day. Press Ctrl+Shift+C (or “Log a contact…”) when "
                         "someone gets in touch."))
        self._show_waiting()
        self.views.refresh()

    def _show_waiting(self) -> None:
        waiting = self.store.waiting   # counted when the day was read, not per keystroke
        self.kept = self.kept and waiting > 0
        parts = [plural(waiting, self.tr("{n} contact saved on this PC is waiting to send."),
                        self.tr("{n} contacts saved on this PC are waiting to send."))
                 ] if waiting else []
        if self.store.offline:
            parts.append(self.tr(
                "The team server can't be reached: this list shows only what this PC keeps "
                "to send. The day's other contacts show when it is back."))
        elif self.kept:  # the connection dropped in the middle of the save
            parts.append(self.tr(
                "The team server couldn't be reached, so the contact is kept on this PC, "
                "encrypted, and will be sent once it is back."))
        self.waiting_label.setText(" ".join(parts))
        self.waiting_label.setVisible(bool(parts))

    # -- logging ----------------------------------------------------------------------------

    def log_contact(self) -> ContactDialog | None:
        set_message(self.message, None)
        try:
            dialog = ContactDialog(None, store=self.store, parent=self)
        except PeerDeskError as exc:
            set_message(self.message, exc.user_message)
            return None
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.stored_id.connect(lambda _id: self._logged(dialog))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _logged(self, dialog: ContactDialog) -> None:
        sent = dialog.logged is None or dialog.logged.sent
        self.kept = not sent
        self.reload()
        self.logged.emit(sent)


__all__ = ["DayPicker", "TeamContactListModel", "TeamContactsPage"]
