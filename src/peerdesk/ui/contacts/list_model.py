"""The Contacts list: ordered ids only, the visible rows read a page at a time.

Like the caseload (ui/peers/list_model.py, DESIGN.md §2): a centre logs tens of
thousands of contacts a year, so filtering and sorting run in SQL through
`services.listening.find`, and rows come through `services.listening.rows` in
pages kept in a small cache.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import replace
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from peerdesk.domain.errors import PeerDeskError
from peerdesk.services import listening
from peerdesk.services.listening import ContactFilter, ContactOrder, ContactRow
from peerdesk.services.session import Session
from peerdesk.ui.i18n import QT_TRANSLATE_NOOP
from peerdesk.ui.table_model import HEADER_CONTEXT, Index
from peerdesk.ui.theme import is_high_contrast

CONTACT_ID_ROLE = Qt.ItemDataRole.UserRole
PAGE_SIZE = 200
CACHED_PAGES = 8
_CONCERN = QBrush(QColor("#a31515"))


class ContactColumn(IntEnum):
    WHEN = 0
    CHANNEL = 1
    MINUTES = 2
    REGION = 3
    TOPICS = 4
    OUTCOME = 5
    CALLER = 6
    TAKEN_BY = 7


HEADERS = (
    QT_TRANSLATE_NOOP("TableHeader", "When"), QT_TRANSLATE_NOOP("TableHeader", "Channel"),
    QT_TRANSLATE_NOOP("TableHeader", "Minutes"), QT_TRANSLATE_NOOP("TableHeader", "Region"),
    QT_TRANSLATE_NOOP("TableHeader", "Topics"), QT_TRANSLATE_NOOP("TableHeader", "Outcome"),
    QT_TRANSLATE_NOOP("TableHeader", "Known caller"),
    QT_TRANSLATE_NOOP("TableHeader", "Taken by"),
)
# Topics and outcomes hold several values: the list doesn't sort by them.
ORDER_BY = {ContactColumn.WHEN: ContactOrder.WHEN, ContactColumn.CHANNEL: ContactOrder.CHANNEL,
            ContactColumn.MINUTES: ContactOrder.MINUTES,
            ContactColumn.REGION: ContactOrder.REGION,
            ContactColumn.CALLER: ContactOrder.CALLER,
            ContactColumn.TAKEN_BY: ContactOrder.TAKEN_BY}


class ContactListModel(QAbstractTableModel):
    headers = HEADERS
    columns = ContactColumn

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.session: Session | None = None
        self.filter = ContactFilter()
        self._ids: list[int] = []
        self._pages: OrderedDict[int, dict[int, ContactRow]] = OrderedDict()
        self.error: str | None = None

    def _query(self) -> list[int]:
        self.error = None
        if self.session is None:
            return []
        try:
            return listening.find(self.session, self.filter)
        except PeerDeskError as exc:
            self.error = exc.user_message
            return []

    def reload(self) -> None:
        self.beginResetModel()
        self._ids = self._query()
        self._pages.clear()
        self.endResetModel()

    def set_filter(self, flt: ContactFilter) -> None:
        self.filter = replace(flt, order=self.filter.order, descending=self.filter.descending)
        self.reload()

    def clear(self) -> None:
        self.beginResetModel()
        self.session = None
        self.filter = ContactFilter()
        self._ids = []
        self._pages.clear()
        self.endResetModel()

    def contact_id(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, contact_id: int) -> int | None:
        try:
            return self._ids.index(contact_id)
        except ValueError:
            return None

    def cached_rows(self) -> int:
        return sum(len(page) for page in self._pages.values())

    def _row(self, row: int) -> ContactRow | None:
        page_no = row // PAGE_SIZE
        page = self._pages.get(page_no)
        if page is None:
            if self.session is None:
                return None
            ids = self._ids[page_no * PAGE_SIZE:(page_no + 1) * PAGE_SIZE]
            try:
                page = {r.id: r for r in listening.rows(self.session, ids)}
            except PeerDeskError:
                page = {}
            self._pages[page_no] = page
            while len(self._pages) > CACHED_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(page_no)
        return page.get(self._ids[row])

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        if role == CONTACT_ID_ROLE:
            return self._ids[index.row()]
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                        Qt.ItemDataRole.ForegroundRole):
            return None
        row = self._row(index.row())
        if row is None:
            return None
        column = ContactColumn(index.column())
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == ContactColumn.WHEN and row.safety_concern and not is_high_contrast():
                return _CONCERN
            return None
        return self.display(row, column)

    @staticmethod
    def display(row: ContactRow, column: ContactColumn) -> str:
        match column:
            case ContactColumn.WHEN:
                concern = QCoreApplication.translate("ContactListModel", " · safety concern")
                return f"{row.contacted_on} {row.contacted_time}" + (
                    concern if row.safety_concern else "")
            case ContactColumn.CHANNEL:
                return row.channel.label
            case ContactColumn.MINUTES:
                return str(row.minutes)
            case ContactColumn.REGION:
                return row.region or "—"
            case ContactColumn.TOPICS:
                return ", ".join(row.topics) or "—"
            case ContactColumn.OUTCOME:
                return ", ".join(o.label for o in row.outcomes.parts())
            case ContactColumn.CALLER:
                return row.caller or "—"
            case ContactColumn.TAKEN_BY:
                return row.taken_by or "—"
        return ""

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal
                and 0 <= section < len(HEADERS)):
            return QCoreApplication.translate(HEADER_CONTEXT, HEADERS[section])
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorting runs in SQL; the contacts people had selected stay selected."""
        by = ORDER_BY.get(ContactColumn(column)) if 0 <= column < len(HEADERS) else None
        if by is None:
            return
        self.filter = replace(self.filter, order=by,
                              descending=order == Qt.SortOrder.DescendingOrder)
        new_ids = self._query()
        if set(new_ids) != set(self._ids):
            self.beginResetModel()
            self._ids = new_ids
            self._pages.clear()
            self.endResetModel()
            return
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        old_ids = [self._ids[i.row()] for i in old]
        self._ids = new_ids
        self._pages.clear()
        where = {contact_id: row for row, contact_id in enumerate(new_ids)}
        self.changePersistentIndexList(
            old, [self.index(where[cid], i.column()) for cid, i in zip(old_ids, old, strict=True)])
        self.layoutChanged.emit()
