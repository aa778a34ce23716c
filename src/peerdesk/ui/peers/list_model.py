"""The caseload list: ordered ids only, visible rows fetched in pages (DESIGN.md §2).

The list can hold 100,000 peers. Sorting and filtering run in SQL through
`services.peers.find`; rows are read a page at a time through `services.peers.rows`
and kept in a small cache.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import replace
from datetime import date
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from peerdesk.domain.errors import PeerDeskError
from peerdesk.domain.peer import PeerStatus
from peerdesk.services import peers
from peerdesk.services.peers import PeerFilter, PeerOrder, PeerRow
from peerdesk.services.session import Session
from peerdesk.ui.i18n import QT_TRANSLATE_NOOP
from peerdesk.ui.table_model import HEADER_CONTEXT, Index
from peerdesk.ui.theme import is_high_contrast

# The peer's id: lookups by row survive sorting and filtering.
PEER_ID_ROLE = Qt.ItemDataRole.UserRole
PAGE_SIZE = 200
CACHED_PAGES = 8


class PeerColumn(IntEnum):
    REF = 0
    NAME = 1
    STATUS = 2
    CASEWORKER = 3
    LAST_CONTACT = 4
    NEXT_FOLLOW_UP = 5


HEADERS = (
    QT_TRANSLATE_NOOP("TableHeader", "Reference"),
    QT_TRANSLATE_NOOP("TableHeader", "Preferred name"),
    QT_TRANSLATE_NOOP("TableHeader", "Status"), QT_TRANSLATE_NOOP("TableHeader", "Caseworker"),
    QT_TRANSLATE_NOOP("TableHeader", "Last contact"),
    QT_TRANSLATE_NOOP("TableHeader", "Next follow-up"),
)
ORDER_BY = {
    PeerColumn.REF: PeerOrder.REF,
    PeerColumn.NAME: PeerOrder.NAME,
    PeerColumn.STATUS: PeerOrder.STATUS,
    PeerColumn.CASEWORKER: PeerOrder.CASEWORKER,
    PeerColumn.LAST_CONTACT: PeerOrder.LAST_CONTACT,
    PeerColumn.NEXT_FOLLOW_UP: PeerOrder.NEXT_FOLLOW_UP,
}
_OVERDUE = QBrush(QColor("#b71c1c"))
_MUTED = QBrush(QColor("#777777"))


class PeerListModel(QAbstractTableModel):
    headers = HEADERS
    columns = PeerColumn

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.session: Session | None = None
        self.filter = PeerFilter()
        self._ids: list[int] = []
        self._pages: OrderedDict[int, dict[int, PeerRow]] = OrderedDict()
        self.error: str | None = None
        self._bold = QFont()
        self._bold.setBold(True)

    # -- data in ----------------------------------------------------------------

    def set_session(self, session: Session | None) -> None:
        self.session = session
        self.reload()

    def _query(self) -> list[int]:
        self.error = None
        if self.session is None:
            return []
        try:
            return peers.find(self.session, self.filter)
        except PeerDeskError as exc:
            self.error = exc.user_message
            return []

    def reload(self) -> None:
        """Run the query again (a filter changed, or a record did)."""
        self.beginResetModel()
        self._ids = self._query()
        self._pages.clear()
        self.endResetModel()

    def set_filter(self, flt: PeerFilter) -> None:
        # Keep the sort order the person chose.
        self.filter = replace(flt, order=self.filter.order, descending=self.filter.descending)
        self.reload()

    def clear(self) -> None:
        """Locking: forget the session, the ids and every cached row."""
        self.beginResetModel()
        self.session = None
        self.filter = PeerFilter()
        self._ids = []
        self._pages.clear()
        self.endResetModel()

    def peer_id(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, peer_id: int) -> int | None:
        try:
            return self._ids.index(peer_id)
        except ValueError:
            return None

    def cached_rows(self) -> int:
        return sum(len(page) for page in self._pages.values())

    def _row(self, row: int) -> PeerRow | None:
        page_no = row // PAGE_SIZE
        page = self._pages.get(page_no)
        if page is None:
            if self.session is None:
                return None
            ids = self._ids[page_no * PAGE_SIZE:(page_no + 1) * PAGE_SIZE]
            try:
                page = {r.id: r for r in peers.rows(self.session, ids)}
            except PeerDeskError:
                page = {}
            self._pages[page_no] = page
            while len(self._pages) > CACHED_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(page_no)
        return page.get(self._ids[row])

    # -- Qt -------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        if role == PEER_ID_ROLE:
            return self._ids[index.row()]
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ForegroundRole,
                        Qt.ItemDataRole.FontRole):
            return None
        row = self._row(index.row())
        if row is None:
            return None
        column = PeerColumn(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(row, column)
        if role == Qt.ItemDataRole.ForegroundRole and not is_high_contrast():
            if column == PeerColumn.NEXT_FOLLOW_UP and _overdue(row.next_follow_up):
                return _OVERDUE
            if row.status is PeerStatus.CLOSED:
                return _MUTED
        if role == Qt.ItemDataRole.FontRole and column == PeerColumn.NAME:
            return self._bold
        return None

    @staticmethod
    def display(row: PeerRow, column: PeerColumn) -> str:
        match column:
            case PeerColumn.REF:
                return row.ref
            case PeerColumn.NAME:
                return row.preferred_name
            case PeerColumn.STATUS:
                return row.status.label
            case PeerColumn.CASEWORKER:
                return row.caseworker or "—"
            case PeerColumn.LAST_CONTACT:
                return row.last_contact or "—"
            case PeerColumn.NEXT_FOLLOW_UP:
                if _overdue(row.next_follow_up):
                    return QCoreApplication.translate("PeerListModel", "{date} (overdue)").format(
                        date=row.next_follow_up)
                return row.next_follow_up or "—"
        return ""

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal
                and 0 <= section < len(HEADERS)):
            return QCoreApplication.translate(HEADER_CONTEXT, HEADERS[section])
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorting runs in SQL; the rows people had selected stay selected."""
        if not 0 <= column < len(HEADERS):
            return
        self.filter = replace(self.filter, order=ORDER_BY[PeerColumn(column)],
                              descending=order == Qt.SortOrder.DescendingOrder)
        new_ids = self._query()
        if set(new_ids) != set(self._ids):
            # Records changed meanwhile: a plain reload.
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
        where = {peer_id: row for row, peer_id in enumerate(new_ids)}
        self.changePersistentIndexList(
            old, [self.index(where[pid], i.column()) for pid, i in zip(old_ids, old, strict=True)])
        self.layoutChanged.emit()


def _overdue(iso: str) -> bool:
    return bool(iso) and iso < date.today().isoformat()
