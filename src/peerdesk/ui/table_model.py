"""The one way to build a list (DESIGN.md §2): columns are data, one base serves every table.

A list is a `TableModel` with a tuple of `Column`s: the heading, the text a cell shows,
what it sorts by, whether it is a number (right-aligned), its colours, its tooltip and
how wide it starts. Two kinds of model share that base:

- `RowTableModel`: the rows a service returned, held in memory, sorted and filtered
  by `sorting_filter` (a proxy sorting on SORT_ROLE).
- `IdWindowModel`: only the ordered ids a service found; the visible rows are read a
  page at a time and kept in a small cache, and sorting runs in SQL (lists that can
  hold tens of thousands of records: the caseload, the contacts log).

Every model answers the same roles: the text (DisplayRole), the tooltip and the
accessible text (the full text unless the column says otherwise), the alignment,
the colours (none in high contrast: the system's, then), ROW_ROLE (the row's
dataclass, so a lookup survives sorting and filtering) and SORT_ROLE. `empty_text`
is what a page shows where the list would be when it has no rows.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any, ClassVar, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QFont

from peerdesk.domain.errors import PeerDeskError
from peerdesk.ui.theme import is_high_contrast

Row = TypeVar("Row")
HEADER_CONTEXT = "TableHeader"
Index = QModelIndex | QPersistentModelIndex

# The record's id, in the lists that hold ids only (IdWindowModel).
ID_ROLE = Qt.ItemDataRole.UserRole
# The row's dataclass, so a lookup survives sorting and filtering.
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
# What a column sorts by when its display text would sort wrongly (times, say).
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
NUMBER = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_TEXT_ROLES = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
               Qt.ItemDataRole.AccessibleTextRole)


@dataclass(frozen=True, slots=True)
class Column(Generic[Row]):
    """One column of a list. `header` is marked QT_TRANSLATE_NOOP("TableHeader", …)."""

    header: str
    text: Callable[[Row], str]
    # What the column sorts by; None: its text (the proxy ignores case).
    sort: Callable[[Row], Any] | None = None
    number: bool = False  # right-aligned
    foreground: Callable[[Row], Any] | None = None
    background: Callable[[Row], Any] | None = None
    # The tooltip and what a screen reader says; None: the text.
    tooltip: Callable[[Row], str] | None = None
    bold: bool = False
    # False where the heading is people's own words (a competency's name, say).
    translated: bool = True
    # How the view sizes it (ui/table_view.py): a sample of the widest usual text,
    # fit to its contents, or stretch to take the room.
    sample: str = ""
    fit: bool = False
    stretch: bool = False


def attribute_column(header: str, name: str, **options: Any) -> Column[Any]:
    """A column showing one attribute as it is, "—" when it is empty."""
    return Column(header, lambda row: str(getattr(row, name) or "—"), **options)


class TableModel(QAbstractTableModel, Generic[Row]):
    """What every list shares: columns as data, the roles, headings and the empty state."""

    columns: Sequence[Column[Row]] = ()
    # What the page shows in the list's place when it has no rows (ui/table_view.ListOrEmpty):
    # set by the page, translated, as it depends on the filter ("no peer matches").
    empty_text = ""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._bold = QFont()
        self._bold.setBold(True)

    @property
    def headers(self) -> tuple[str, ...]:
        return tuple(column.header for column in self.columns)

    # -- what subclasses provide -------------------------------------------------

    def count(self) -> int:
        raise NotImplementedError

    def row_at(self, row: int) -> Row | None:
        raise NotImplementedError

    def clear(self) -> None:
        raise NotImplementedError

    def foreground(self, row: Row, column: Column[Row]) -> Any:
        """A whole row's colour goes here; by default the column's own."""
        return column.foreground(row) if column.foreground else None

    def background(self, row: Row, column: Column[Row]) -> Any:
        return column.background(row) if column.background else None

    def tooltip(self, row: Row, column: Column[Row]) -> str:
        """The tooltip and what a screen reader says; a whole row's goes here."""
        return column.tooltip(row) if column.tooltip else column.text(row)

    # -- Qt ----------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.count()

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (not index.isValid() or not 0 <= index.row() < self.count()
                or not 0 <= index.column() < len(self.columns)):
            return None
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return NUMBER if column.number else None
        if role not in (*_TEXT_ROLES, ROW_ROLE, SORT_ROLE, Qt.ItemDataRole.FontRole,
                        Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.BackgroundRole):
            return None
        row = self.row_at(index.row())
        if row is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role in _TEXT_ROLES:
            return self.tooltip(row, column)
        if role == ROW_ROLE:
            return row
        if role == SORT_ROLE:
            return column.sort(row) if column.sort else column.text(row)
        if role == Qt.ItemDataRole.FontRole:
            return self._bold if column.bold else None
        if is_high_contrast():  # the system's colours, then
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            return self.foreground(row, column)
        return self.background(row, column)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal
                and 0 <= section < len(self.columns)):
            # Column titles are marked QT_TRANSLATE_NOOP("TableHeader", …) where defined.
            column = self.columns[section]
            if not column.translated:
                return column.header
            return QCoreApplication.translate(HEADER_CONTEXT, column.header)
        return None


class RowTableModel(TableModel[Row]):
    """The rows a service returned, all in memory; sort and filter with `sorting_filter`."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Row] = []

    def set_rows(self, rows: Sequence[Row]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def clear(self) -> None:
        self.set_rows([])

    def rows(self) -> list[Row]:
        return list(self._rows)

    def count(self) -> int:
        return len(self._rows)

    def row_at(self, row: int) -> Row:
        return self._rows[row]

    def set_columns(self, columns: Sequence[Column[Row]], rows: Sequence[Row]) -> None:
        """For lists whose columns are known only at run time (a matrix, say)."""
        self.beginResetModel()
        self.columns = tuple(columns)
        self._rows = list(rows)
        self.endResetModel()


def sorting_filter(model: QAbstractItemModel, parent: Any = None) -> QSortFilterProxyModel:
    """Sort by SORT_ROLE and filter on every column, ignoring case."""
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    proxy.setFilterKeyColumn(-1)
    proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    proxy.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    return proxy


class IdWindowModel(TableModel[Row]):
    """Ordered ids only, the visible rows read a page at a time (DESIGN.md §2).

    Subclasses name the service's `find(session, filter)` (the ids, in order, filtered
    and sorted in SQL) and `fetch(session, ids)` (the rows of those ids), both as
    staticmethods, the filter's type as `new_filter`, and `order_by` (a column's
    position → the filter's sort order; a column not in it does not sort). The filter
    is a dataclass with `order` and `descending`.
    """

    PAGE_SIZE = 200
    CACHED_PAGES = 8
    order_by: ClassVar[Mapping[int, Any]] = {}
    find: Callable[[Any, Any], list[int]]
    fetch: Callable[[Any, list[int]], Sequence[Any]]
    new_filter: Callable[[], Any]

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.session: Any = None
        self.filter: Any = self.new_filter()
        self._ids: list[int] = []
        self._pages: OrderedDict[int, dict[int, Row]] = OrderedDict()
        self.error: str | None = None

    # -- data in -------------------------------------------------------------------

    def set_session(self, session: Any) -> None:
        self.session = session
        self.reload()

    def _query(self) -> list[int]:
        self.error = None
        if self.session is None:
            return []
        try:
            return self.find(self.session, self.filter)
        except PeerDeskError as exc:
            self.error = exc.user_message
            return []

    def _reset(self, ids: list[int]) -> None:
        self.beginResetModel()
        self._ids = ids
        self._pages.clear()
        self.endResetModel()

    def reload(self) -> None:
        """Run the query again (a filter changed, or a record did)."""
        self._reset(self._query())

    def set_filter(self, flt: Any) -> None:
        # Keep the sort order the person chose.
        self.filter = replace(flt, order=self.filter.order, descending=self.filter.descending)
        self.reload()

    def clear(self) -> None:
        """Locking: forget the session, the ids and every cached row."""
        self.session = None
        self.filter = self.new_filter()
        self._reset([])

    def record_id(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, record_id: int) -> int | None:
        try:
            return self._ids.index(record_id)
        except ValueError:
            return None

    def cached_rows(self) -> int:
        return sum(len(page) for page in self._pages.values())

    def count(self) -> int:
        return len(self._ids)

    def row_at(self, row: int) -> Row | None:
        page_no = row // self.PAGE_SIZE
        page = self._pages.get(page_no)
        if page is None:
            if self.session is None:
                return None
            ids = self._ids[page_no * self.PAGE_SIZE:(page_no + 1) * self.PAGE_SIZE]
            try:
                page = {r.id: r for r in self.fetch(self.session, ids)}
            except PeerDeskError:
                page = {}
            self._pages[page_no] = page
            while len(self._pages) > self.CACHED_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(page_no)
        return page.get(self._ids[row])

    # -- Qt ------------------------------------------------------------------------

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == ID_ROLE:
            return self.record_id(index.row()) if index.isValid() else None
        if role == SORT_ROLE:
            return None  # sorting runs in SQL
        return super().data(index, role)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorting runs in SQL; the rows people had selected stay selected."""
        by = self.order_by.get(column)
        if by is None:
            return
        self.filter = replace(self.filter, order=by,
                              descending=order == Qt.SortOrder.DescendingOrder)
        new_ids = self._query()
        if set(new_ids) != set(self._ids):
            self._reset(new_ids)  # records changed meanwhile: a plain reload
            return
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        old_ids = [self._ids[i.row()] for i in old]
        self._ids = new_ids
        self._pages.clear()
        where = {record_id: row for row, record_id in enumerate(new_ids)}
        self.changePersistentIndexList(
            old, [self.index(where[rid], i.column()) for rid, i in zip(old_ids, old, strict=True)])
        self.layoutChanged.emit()
