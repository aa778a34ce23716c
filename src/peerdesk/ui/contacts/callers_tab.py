"""The Known callers tab: every profile by nickname, found as you type."""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from peerdesk.domain.errors import PeerDeskError
from peerdesk.services import known_callers
from peerdesk.services.session import Session
from peerdesk.ui.i18n import QT_TRANSLATE_NOOP, plural
from peerdesk.ui.page_header import search_box
from peerdesk.ui.peers.forms import muted
from peerdesk.ui.table_model import ROW_ROLE, Column, RowTableModel
from peerdesk.ui.table_view import forget_list, list_view

CallerColumn = IntEnum("CallerColumn", "NICKNAME CONTACTS LAST NOTE", start=0)


class CallerModel(RowTableModel[known_callers.StoredCaller]):
    columns = (
        Column(QT_TRANSLATE_NOOP("TableHeader", "Nickname"), lambda r: r.draft.nickname,
               sample="Tuesday texter 12____"),
        Column(QT_TRANSLATE_NOOP("TableHeader", "Contacts"), lambda r: str(r.contacts),
               sample="Contacts__"),
        Column(QT_TRANSLATE_NOOP("TableHeader", "Last contact"),
               lambda r: r.last_contact.isoformat() if r.last_contact else "—",
               sample="Last contact__"),
        Column(QT_TRANSLATE_NOOP("TableHeader", "Note"), lambda r: " ".join(r.draft.note.split()),
               stretch=True),
    )


class CallersTab(QWidget):
    """Emits `open_caller(id)` and `add_requested`."""

    open_caller = Signal(int)
    add_requested = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session: Session | None = session
        self.search = search_box(self.tr("Find a known caller by nickname…"),
                                 self.tr("Find a known caller"))
        self.add_button = QPushButton(self.tr("Add a known &caller…"))
        self.count = muted()
        self.model = CallerModel(self)
        self.view = list_view(self.model, self.tr("Known callers"))
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
        forget_list(self.search, self.model, self.count)
