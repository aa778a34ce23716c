"""Today's listening-service lists: people waiting for a call-back (how long, and the safe
way to reach them) and directory services not checked for a year."""

from __future__ import annotations

from collections.abc import Callable
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from peerdesk.domain.callbacks import CallbackStatus
from peerdesk.domain.errors import PeerDeskError
from peerdesk.services import callbacks, directory
from peerdesk.services.became_peer import Source
from peerdesk.services.session import Session
from peerdesk.ui.errors import ask_to_confirm, show_error
from peerdesk.ui.i18n import QT_TRANSLATE_NOOP, plural
from peerdesk.ui.peers.forms import heading, muted
from peerdesk.ui.table_model import ROW_ROLE, Column, RowTableModel
from peerdesk.ui.table_view import list_view

_WARNING = QBrush(QColor("#a31515"))
LONG_WAIT_DAYS = 7


def _table(model: RowTableModel[Any], name: str) -> QTableView:
    view = list_view(model, name)
    # Three rows at least, so a long wait is never squeezed out of sight.
    view.setMinimumHeight(view.horizontalHeader().sizeHint().height()
                          + 3 * view.verticalHeader().defaultSectionSize() + 4)
    return view


WaitingColumn = IntEnum("WaitingColumn", "WAITED BY ASK_FOR REACH SAFE", start=0)


def _waited(row: callbacks.Waiting) -> str:
    return plural(row.waited_days, QCoreApplication.translate("WaitingModel", "1 day"),
                  QCoreApplication.translate("WaitingModel", "{n} days"))


class WaitingModel(RowTableModel[callbacks.Waiting]):
    columns = (
        Column(QT_TRANSLATE_NOOP("TableHeader", "Waiting"), _waited,
               foreground=lambda r: _WARNING if r.waited_days >= LONG_WAIT_DAYS else None,
               sample="Waiting__"),
        Column(QT_TRANSLATE_NOOP("TableHeader", "Got in touch by"),
               lambda r: r.callback.route.label, sample="Social media chat"),
        Column(QT_TRANSLATE_NOOP("TableHeader", "Ask for"), lambda r: r.callback.ask_for or "—",
               sample="Ana Luísa"),
        Column(QT_TRANSLATE_NOOP("TableHeader", "How to reach them"),
               lambda r: r.callback.reach or "—", sample="07700 900 123"),
        Column(QT_TRANSLATE_NOOP("TableHeader", "Safe way"),
               lambda r: r.warning or QCoreApplication.translate("WaitingModel",
                                                                 "Any way they gave"),
               foreground=lambda r: _WARNING if r.warning else None, stretch=True),
    )

    def tooltip(self, row: callbacks.Waiting, column: Column[callbacks.Waiting]) -> str:
        return QCoreApplication.translate("WaitingModel", "Got in touch on {date}").format(
            date=row.callback.received_on.isoformat())


class CallbackSection(QWidget):
    """People waiting for a call-back; `became_peer(source)` opens the new-peer form."""

    def __init__(self, session: Session, became_peer: Callable[[Source], object],
                 changed: Callable[[], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session: Session | None = session
        self.became_peer = became_peer
        self.changed = changed
        self.title = heading(self.tr("To call back"), 1)
        self.empty = muted(self.tr("Nobody is waiting for a call-back."))
        self.model = WaitingModel(self)
        self.view = _table(self.model, self.tr("Waiting for a call-back"))
        self.done_button = QPushButton(self.tr("Called &back"))
        self.peer_button = QPushButton(self.tr("Add them as a &peer…"))
        self.close_button = QPushButton(self.tr("No longer &needed"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.title)
        buttons.addStretch(1)
        for button in (self.done_button, self.peer_button, self.close_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.empty)
        layout.addWidget(self.view, 1)
        self.done_button.clicked.connect(lambda: self._finish(CallbackStatus.DONE))
        self.close_button.clicked.connect(lambda: self._finish(CallbackStatus.CLOSED))
        self.peer_button.clicked.connect(self._peer)

    def set_items(self, waiting: list[callbacks.Waiting]) -> None:
        self.model.set_rows(waiting)
        self.title.setText(self.tr("To call back ({n})").format(n=len(waiting)))
        self.empty.setVisible(not waiting)
        self.view.setVisible(bool(waiting))
        for button in (self.done_button, self.peer_button, self.close_button):
            button.setEnabled(bool(waiting))
        if waiting:
            self.view.selectRow(0)

    def selected(self) -> callbacks.Waiting | None:
        row = self.view.currentIndex().data(ROW_ROLE)
        return row if isinstance(row, callbacks.Waiting) else None

    def _finish(self, status: CallbackStatus) -> None:
        chosen, session = self.selected(), self.session
        if chosen is None or session is None:
            return
        text = (self.tr("Record that they were called back? The way to reach them is erased.")
                if status is CallbackStatus.DONE else
                self.tr("Close this call-back? The way to reach them is erased."))

        def run() -> None:
            try:
                callbacks.finish(session, chosen.callback.id, status)
            except PeerDeskError as exc:
                show_error(self, exc)
                return
            self.changed()

        ask_to_confirm(self, self.tr("Call-back"), text, self.tr("Yes, erase it"), run)

    def _peer(self) -> None:
        chosen = self.selected()
        if chosen is not None:
            self.became_peer(Source(callback_id=chosen.callback.id))

    def clear(self) -> None:
        self.session = None
        self.model.clear()


class ReviewModel(RowTableModel[directory.StoredEntry]):
    columns = (
        Column(QT_TRANSLATE_NOOP("TableHeader", "Service"), lambda r: r.draft.name, stretch=True),
        Column(QT_TRANSLATE_NOOP("TableHeader", "Last checked"),
               lambda r: r.draft.last_checked.isoformat() if r.draft.last_checked
               else QCoreApplication.translate("ReviewModel", "never")),
    )


class ReviewSection(QWidget):
    """Directory services not checked for twelve months."""

    def __init__(self, session: Session, changed: Callable[[], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session: Session | None = session
        self.changed = changed
        self.title = heading(self.tr("Directory services to check"), 1)
        self.empty = muted(self.tr("Every service in the directory was checked in the last "
                                   "twelve months."))
        self.model = ReviewModel(self)
        self.view = _table(self.model, self.tr("Directory services to check"))
        self.checked_button = QPushButton(self.tr("Still right: mark &checked"))
        self.change_button = QPushButton(self.tr("Change &details…"))
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addStretch(1)
        top.addWidget(self.change_button)
        top.addWidget(self.checked_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.empty)
        layout.addWidget(self.view, 1)
        self.checked_button.clicked.connect(self._checked)
        self.change_button.clicked.connect(self._change)
        self.view.activated.connect(lambda _i: self._change())

    def set_items(self, due: list[directory.StoredEntry]) -> None:
        self.model.set_rows(due)
        self.title.setText(self.tr("Directory services to check ({n})").format(n=len(due)))
        self.empty.setVisible(not due)
        self.view.setVisible(bool(due))
        self.checked_button.setEnabled(bool(due))
        self.change_button.setEnabled(bool(due))

    def selected(self) -> directory.StoredEntry | None:
        row = self.view.currentIndex().data(ROW_ROLE)
        if isinstance(row, directory.StoredEntry):
            return row
        return self.model.row_at(0) if self.model.rowCount() else None

    def _checked(self) -> None:
        entry, session = self.selected(), self.session
        if entry is None or session is None:
            return
        try:
            directory.mark_checked(session, entry.id)
        except PeerDeskError as exc:
            show_error(self, exc)
            return
        self.changed()

    def _change(self) -> None:
        from peerdesk.ui.contacts.directory_dialog import DirectoryEntryDialog

        entry, session = self.selected(), self.session
        if entry is None or session is None:
            return
        dialog = DirectoryEntryDialog(session, entry, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(lambda _id: self.changed())
        dialog.open()

    def clear(self) -> None:
        self.session = None
        self.model.clear()
