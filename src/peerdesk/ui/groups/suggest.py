"""Type a few letters of a peer's name; pick from the suggestions with arrows and Enter."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QListWidget, QListWidgetItem, QWidget

from peerdesk.domain.errors import PeerDeskError
from peerdesk.services import peers
from peerdesk.services.peers import PeerFilter, PeerRow
from peerdesk.services.session import Session
from peerdesk.ui.search_picker import MatchKeys, search_column

SUGGESTIONS = 6
ROW_ROLE = Qt.ItemDataRole.UserRole + 1


class PeerSuggestBox(QWidget):
    """Emits `chosen(PeerRow)` on Enter (the highlighted suggestion, else the first)."""

    chosen = Signal(object)

    def __init__(self, placeholder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session: Session | None = None
        # A word after a suggestion ("already on the register"), or nothing.
        self.note_for: Callable[[int], str] | None = None
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(placeholder)
        self.edit.setClearButtonEnabled(True)
        self.edit.setAccessibleName(placeholder)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Suggestions"))
        search_column(self, self.edit, self.list)
        self.edit.textChanged.connect(self._suggest)
        self.keys = MatchKeys(self.edit, self.list, self._enter)
        self.list.itemClicked.connect(lambda item: self._choose(item))

    def suggestions(self) -> list[PeerRow]:
        return [self.list.item(i).data(ROW_ROLE) for i in range(self.list.count())]

    def _suggest(self, text: str) -> None:
        self.list.clear()
        rows: list[PeerRow] = []
        if self.session is not None and len(text.strip()) >= 2:
            try:
                ids = peers.find(self.session, PeerFilter(text=text))[:SUGGESTIONS]
                rows = peers.rows(self.session, ids)
            except PeerDeskError:
                rows = []
        for row in rows:
            note = self.note_for(row.id) if self.note_for else ""
            text = f"{row.preferred_name}  ({row.ref})"
            item = QListWidgetItem(f"{text}  — {note}" if note else text)
            item.setData(ROW_ROLE, row)
            self.list.addItem(item)
        if rows:
            self.list.setCurrentRow(0)
            self.list.setFixedHeight(self.list.sizeHintForRow(0) * len(rows) + 6)
        self.list.setVisible(bool(rows))

    def _choose(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        row = item.data(ROW_ROLE)
        self.reset()
        self.chosen.emit(row)

    def reset(self) -> None:
        self.edit.blockSignals(True)
        self.edit.clear()
        self.edit.blockSignals(False)
        self.list.clear()
        self.list.setVisible(False)

    def _enter(self, _event: QKeyEvent) -> bool:
        if not self.edit.text().strip():
            return False
        self._choose(self.list.currentItem())
        return True
