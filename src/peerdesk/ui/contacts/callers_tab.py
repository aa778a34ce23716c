"""The Known callers tab: every profile by nickname, found as you type."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from peerdesk.domain.errors import PeerDeskError
from peerdesk.services import known_callers
from peerdesk.services.session import Session
from peerdesk.ui.i18n import QT_TRANSLATE_NOOP, plural
from peerdesk.ui.peers.forms import muted
from peerdesk.ui.table_model import ROW_ROLE, RowTableModel


class CallerColumn(IntEnum):
    NICKNAME = 0
    CONTACTS = 1
    LAST = 2
    NOTE = 3


class CallerModel(RowTableModel[known_callers.StoredCaller]):
    columns = CallerColumn
    headers = (QT_TRANSLATE_NOOP("TableHeader", "Nickname"),
               QT_TRANSLATE_NOOP("TableHeader", "Contacts"),
               QT_TRANSLATE_NOOP("TableHeader", "Last contact"),
               QT_TRANSLATE_NOOP("TableHeader", "Note"))

    def display(self, row: known_callers.StoredCaller, column: Any) -> str:
        match column:
            case CallerColumn.NICKNAME:
                return row.draft.nickname
            case CallerColumn.CONTACTS:
                return str(row.contacts)
            case CallerColumn.LAST:
                return row.last_contact.isoformat() if row.last_contact else "—"
            case CallerColumn.NOTE:
                return " ".join(row.draft.note.split())
        return ""


class CallersTab(QWidget):
    """Emits `open_caller(id)` and `add_requested`."""

    open_caller = Signal(int)
    add_requested = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session: Session | None = session
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Find a known caller by nickname…"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Find a known caller"))
        self.add_button = QPushButton(self.tr("Add a known &caller…"))
        self.count = muted()
        self.model = CallerModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().setVisible(False)
        self.view.setAccessibleName(self.tr("Known callers"))
        self.view.horizontalHeader().setSectionResizeMode(CallerColumn.NOTE,
                                                          QHeaderView.ResizeMode.Stretch)
        width = self.fontMetrics().horizontalAdvance
        for column, sample in ((CallerColumn.NICKNAME, "Tuesday texter 12____"),
                               (CallerColumn.CONTACTS, "Contacts__"),
                               (CallerColumn.LAST, "Last contact__")):
            self.view.horizontalHeader().resizeSection(column, width(sample))
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.count)
        top.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addLayout(top)
        layout.addWidget(muted(self.tr(
            "Someone who gets in touch again and again without giving a name: a nickname and "
            "a short note only. Enter or double-click opens their contacts.")))
        layout.addWidget(self.view, 1)
        self.search.textChanged.connect(self.reload)
        self.add_button.clicked.connect(self.add_requested.emit)
        self.view.activated.connect(self._open)

    def reload(self, *_args: object) -> None:
        if self.session is None:
            return
        try:
            found = known_callers.search(self.session, self.search.text())
        except PeerDeskError:
            found = []
        self.model.set_rows(found)
        self.count.setText(plural(len(found), self.tr("{n:,} known caller"),
                                  self.tr("{n:,} known callers")))

    def _open(self) -> None:
        row = self.view.currentIndex().data(ROW_ROLE)
        if isinstance(row, known_callers.StoredCaller):
            self.open_caller.emit(row.id)

    def clear_data(self) -> None:
        self.session = None
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.model.clear()
        self.count.clear()
