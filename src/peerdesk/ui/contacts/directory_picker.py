"""Pick services from the signposting directory while typing.

`DirectoryPicker` (a contact, a session): type part of a name, a category or a
region, Up/Down to choose, Enter to add; the chosen services are listed below,
Delete removes one. `ServicePick` (a referral): one service from the directory,
or any words typed when it isn't there.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QListWidget, QListWidgetItem, QWidget

from peerdesk.domain.errors import PeerDeskError
from peerdesk.services import directory
from peerdesk.services.session import Session
from peerdesk.ui.search_picker import MatchKeys, search_column

MATCHES_SHOWN = 8
ENTRY_ROLE = Qt.ItemDataRole.UserRole


def _label(entry: directory.StoredEntry) -> str:
    about = ", ".join(entry.categories)
    return f"{entry.draft.name}  ·  {about}" if about else entry.draft.name


class _Matches(QObject):
    """A search box and the list of directory services under it (see search_picker)."""

    def __init__(self, session: Session | None, search: QLineEdit, matches: QListWidget,
                 on_enter: Callable[[], object]) -> None:
        super().__init__(search)
        self.session = session
        self.on_enter = on_enter
        self.search = search
        self.matches = matches
        matches.setMaximumHeight(search.fontMetrics().height() * 5 + 12)
        self.keys = MatchKeys(search, matches, self._enter)

    def find(self, text: str, skip: set[int]) -> None:
        self.matches.clear()
        if text.strip() and self.session is not None:  # None: no directory here
            try:
                found = directory.search(self.session, text, limit=MATCHES_SHOWN + len(skip))
            except PeerDeskError:
                found = []
            for entry in [e for e in found if e.id not in skip][:MATCHES_SHOWN]:
                item = QListWidgetItem(_label(entry))
                item.setData(ENTRY_ROLE, entry.id)
                item.setToolTip(entry.draft.phone)
                self.matches.addItem(item)
        self.matches.setVisible(self.matches.count() > 0)
        if self.matches.count():
            self.matches.setCurrentRow(0)

    def current(self) -> tuple[int, str] | None:
        item = self.matches.currentItem()
        if item is None or not self.matches.isVisible():
            return None
        return int(item.data(ENTRY_ROLE)), item.text().split("  ·  ")[0]

    def _enter(self, event: QKeyEvent) -> bool:
        # Enter picks the match; it must not reach the dialog and save it (Ctrl+Enter does).
        if self.current() is None or event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            return False
        self.on_enter()
        return True


class DirectoryPicker(QWidget):
    """Several services; `changed()` when one is added or removed."""

    changed = Signal()

    def __init__(self, session: Session | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Type a service, a need or a region; Enter "
                                               "adds it"))
        self.search.setAccessibleName(self.tr("Find a service in the directory"))
        self.matches = QListWidget()
        self.matches.setAccessibleName(self.tr("Services found"))
        self.chosen = QListWidget()
        self.chosen.setAccessibleName(self.tr("Services chosen (Delete removes one)"))
        self.chosen.setMaximumHeight(self.fontMetrics().height() * 3 + 12)
        self.chosen.setVisible(False)
        self._finder = _Matches(session, self.search, self.matches, self.add_current)
        search_column(self, self.search, self.matches).addWidget(self.chosen)
        self.search.textChanged.connect(lambda text: self._finder.find(text, set(self.ids())))
        self.chosen.installEventFilter(self)

    def add_current(self) -> bool:
        found = self._finder.current()
        if found is None:
            return False
        self.add(*found)
        self.search.clear()
        return True

    def add(self, entry_id: int, name: str) -> None:
        if entry_id in self.ids():
            return
        item = QListWidgetItem(name)
        item.setData(ENTRY_ROLE, entry_id)
        self.chosen.addItem(item)
        self.chosen.setVisible(True)
        self.changed.emit()

    def set_chosen(self, entries: list[tuple[int, str]]) -> None:
        self.chosen.clear()
        for entry_id, name in entries:
            item = QListWidgetItem(name)
            item.setData(ENTRY_ROLE, entry_id)
            self.chosen.addItem(item)
        self.chosen.setVisible(self.chosen.count() > 0)

    def ids(self) -> tuple[int, ...]:
        return tuple(int(self.chosen.item(i).data(ENTRY_ROLE)) for i in range(self.chosen.count()))

    def entries(self) -> list[tuple[int, str]]:
        return [(int(self.chosen.item(i).data(ENTRY_ROLE)), self.chosen.item(i).text())
                for i in range(self.chosen.count())]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (watched is self.chosen and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent)
                and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)):
            row = self.chosen.currentRow()
            if row >= 0:
                self.chosen.takeItem(row)
                self.chosen.setVisible(self.chosen.count() > 0)
                self.changed.emit()
                return True
        return super().eventFilter(watched, event)


class ServicePick(QWidget):
    """One service: picked from the directory (Down, then Enter) or typed freely."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(self.tr("Type to find it in the directory, or type "
                                             "where to"))
        self.edit.setAccessibleName(self.tr("Where to"))
        self.matches = QListWidget()
        self.matches.setAccessibleName(self.tr("Services found in the directory"))
        self._finder = _Matches(session, self.edit, self.matches, self.pick_current)
        self.entry_id: int | None = None
        self._picked_name = ""
        search_column(self, self.edit, self.matches)
        self.edit.textEdited.connect(self._typed)

    def _typed(self, text: str) -> None:
        if self.entry_id is not None and text != self._picked_name:
            self.entry_id = None  # words of one's own now, not the directory's service
        self._finder.find(text, set())

    def pick_current(self) -> bool:
        found = self._finder.current()
        if found is None:
            return False
        self.entry_id, self._picked_name = found
        self.edit.setText(self._picked_name)
        self.matches.clear()
        self.matches.setVisible(False)
        return True

    def text(self) -> str:
        return self.edit.text()

    def set_value(self, text: str, entry_id: int | None) -> None:
        """Show a saved choice: the directory's service, or words of one's own."""
        self.edit.setText(text)
        self.entry_id = entry_id
        self._picked_name = text if entry_id is not None else ""
