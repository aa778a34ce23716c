"""The Contacts tab: every contact, filtered by date, channel, region, topic, who took it
and outcome, searched through notes and known callers' nicknames, sorted in SQL."""

from __future__ import annotations

import contextlib
from datetime import date

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from peerdesk.domain.errors import PeerDeskError, ValidationError
from peerdesk.domain.listening import Channel, Outcome
from peerdesk.services import listening
from peerdesk.services.listening import ContactFilter
from peerdesk.services.session import Session
from peerdesk.ui.contacts.list_model import ContactColumn, ContactListModel
from peerdesk.ui.fields import error_label, set_message
from peerdesk.ui.i18n import plural
from peerdesk.ui.page_header import search_box
from peerdesk.ui.peers.forms import DateField
from peerdesk.ui.table_view import id_list

# A search of notes is recorded once the typing stops for this long.
SEARCH_AUDIT_MS = 1500


class ContactsList(QWidget):
    """Emits `open_contact(id)`."""

    open_contact = Signal(int)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session: Session | None = session
        self.model = ContactListModel(self)
        self.search = search_box(self.tr("Search notes, or a known caller's nickname…"),
                                 self.tr("Search contacts"))
        self.start = DateField(optional=True, placeholder=self.tr("from YYYY-MM-DD"))
        self.start.setAccessibleName(self.tr("From date"))
        self.end = DateField(optional=True, placeholder=self.tr("to YYYY-MM-DD"))
        self.end.setAccessibleName(self.tr("To date"))
        self.channel = self._combo(self.tr("Channel"), self.tr("Any channel"),
                                   [(c.label, c.value) for c in Channel])
        self.region = self._combo(self.tr("Region"), self.tr("Any region"), [])
        self.topic = self._combo(self.tr("Topic"), self.tr("Any topic"), [])
        self.taker = self._combo(self.tr("Taken by"), self.tr("Anyone"), [])
        self.outcome = self._combo(self.tr("Outcome"), self.tr("Any outcome"),
                                   [(o.label, int(o)) for o in Outcome.each()])
        self.clear_button = QPushButton(self.tr("Clear filters"))
        self.count = QLabel()
        self.count.setAccessibleName(self.tr("Number of contacts shown"))
        self.date_error = error_label()

        self.table, self.views = id_list(self.model, self.tr("Contacts"), ContactColumn.WHEN,
                                         Qt.SortOrder.DescendingOrder)
        self.empty = self.views.empty

        first = QHBoxLayout()
        first.addWidget(self.search, 3)
        first.addWidget(self.start)
        first.addWidget(self.end)
        first.addWidget(self.count)
        second = QHBoxLayout()
        for combo in (self.channel, self.region, self.topic, self.taker, self.outcome):
            second.addWidget(combo, 1)
        second.addWidget(self.clear_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addLayout(first)
        layout.addLayout(second)
        layout.addWidget(self.date_error)
        layout.addWidget(self.views, 1)

        self.audit_timer = QTimer(self)
        self.audit_timer.setSingleShot(True)
        self.audit_timer.setInterval(SEARCH_AUDIT_MS)
        self.audit_timer.timeout.connect(self._record_search)
        self.search.textChanged.connect(self.apply_filter)
        self.table.follow(self.search)  # Down from the search box goes into the list
        for combo in (self.channel, self.region, self.topic, self.taker, self.outcome):
            combo.currentIndexChanged.connect(self.apply_filter)
        for field in (self.start, self.end):
            field.editingFinished.connect(self.apply_filter)
        self.clear_button.clicked.connect(self.clear_filters)
        self.table.doubleClicked.connect(lambda index: self._open_row(index.row()))
        self.table.activated_row.connect(self._open_row)
        self.model.modelReset.connect(self._update_count)
        self.fill_choices()
        self.apply_filter()

    def _combo(self, name: str, anything: str, items: list[tuple[str, object]]) -> QComboBox:
        combo = QComboBox()
        combo.setAccessibleName(name)
        combo.addItem(anything, None)
        for label, value in items:
            combo.addItem(label, value)
        return combo

    def fill_choices(self) -> None:
        """Regions, topics and who takes contacts, as the centre's lists now hold them."""
        if self.session is None:
            return
        try:
            choices = listening.choices(self.session, include_retired=True)
        except PeerDeskError:
            return
        for combo, items in ((self.region, [(r.name, r.id) for r in choices.regions]),
                             (self.topic, [(t.name, t.id) for t in choices.topics]),
                             (self.taker, [(t.name, t.id) for t in choices.takers])):
            chosen = combo.currentData()
            combo.blockSignals(True)
            while combo.count() > 1:
                combo.removeItem(1)
            for label, value in items:
                combo.addItem(label, value)
            combo.setCurrentIndex(max(0, combo.findData(chosen)))
            combo.blockSignals(False)

    def current_filter(self) -> ContactFilter:
        set_message(self.date_error, None)
        dates: list[date | None] = []
        for field, what in ((self.start, self.tr("From")), (self.end, self.tr("To"))):
            try:
                dates.append(field.value(what=what, field="date"))
            except ValidationError as exc:
                set_message(self.date_error, exc.user_message)
                dates.append(None)
        channel = self.channel.currentData()
        outcome = self.outcome.currentData()
        return ContactFilter(text=self.search.text(), start=dates[0], end=dates[1],
                             channel=Channel(channel) if channel else None,
                             region_id=self.region.currentData(),
                             topic_id=self.topic.currentData(),
                             taken_by=self.taker.currentData(),
                             outcome=Outcome(outcome) if outcome else None)

    def apply_filter(self, *_args: object) -> None:
        if self.model.session is not self.session:
            self.model.session = self.session
        self.model.set_filter(self.current_filter())
        if self.search.text().strip():
            self.audit_timer.start()
        else:
            self.audit_timer.stop()

    def _record_search(self) -> None:
        if self.session is not None and self.search.text().strip():
            with contextlib.suppress(PeerDeskError):
                listening.record_search(self.session, self.model.rowCount())

    def reload(self) -> None:
        self.table.reload_keeping_choice(self.model)

    def clear_filters(self) -> None:
        for widget in (self.search, self.start, self.end):
            widget.blockSignals(True)
            widget.clear()
            widget.blockSignals(False)
        for combo in (self.channel, self.region, self.topic, self.taker, self.outcome):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.apply_filter()

    def _update_count(self) -> None:
        n = self.model.rowCount()
        filtered = self.current_filter() != ContactFilter()
        if self.model.error:
            self.count.clear()
            self.model.empty_text = self.model.error
        else:
            self.count.setText(plural(n, self.tr("{n:,} contact"), self.tr("{n:,} contacts")))
            self.model.empty_text = (
                self.tr("No contact matches. Try other words, or clear the filters.") if filtered
                else self.tr("No contacts yet. Press Ctrl+Shift+C (or “Log a contact…”) when "
                             "someone gets in touch."))
        self.views.refresh()

    def selected_contact(self) -> int | None:
        return self.table.current_id()

    def select_contact(self, contact_id: int) -> bool:
        return self.table.select_id(self.model, contact_id)

    def _open_row(self, row: int) -> None:
        contact_id = self.model.contact_id(row)
        if contact_id is not None:
            self.open_contact.emit(contact_id)

    def clear_data(self) -> None:
        self.session = None
        self.audit_timer.stop()
        for widget in (self.search, self.start, self.end):
            widget.blockSignals(True)
            widget.clear()
            widget.blockSignals(False)
        for combo in (self.region, self.topic, self.taker):
            combo.blockSignals(True)
            while combo.count() > 1:
                combo.removeItem(1)
            combo.blockSignals(False)
        self.model.clear()
        self.count.clear()


__all__ = ["ContactsList"]
