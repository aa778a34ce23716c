"""The one way to show a list: a read-only, row-selecting table sized from its columns."""

from __future__ import annotations

from typing import Any, TypeVar

from PySide6.QtCore import QAbstractProxyModel, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QTableView,
    QWidget,
)

from peerdesk.ui.peers.forms import muted
from peerdesk.ui.table_model import ID_ROLE, IdWindowModel, TableModel

Selection = QAbstractItemView.SelectionMode
View = TypeVar("View", bound=QTableView)


def list_view(model: Any, name: str, *, sorting: bool = False,
              selection: Selection = Selection.SingleSelection,
              row_padding: int = 10) -> QTableView:
    """`model` (a TableModel, or a proxy over one) in a new table; see `set_up_list`."""
    return set_up_list(QTableView(), model, name, sorting=sorting, selection=selection,
                       row_padding=row_padding)


def set_up_list(view: View, model: Any, name: str, *, sorting: bool = False,
                selection: Selection = Selection.SingleSelection,
                row_padding: int = 10) -> View:
    """`model` (a TableModel, or a proxy over one) in `view`, set up as every list is.

    Tab moves on and the arrows move between rows; `name` is what a screen reader says.
    Column widths come from the columns: a stretching one takes the room, the others
    hold their sample text (or fit their contents); with no stretching column the last
    one takes the room.
    """
    view.setModel(model)
    view.setTabKeyNavigation(False)
    view.setSortingEnabled(sorting)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(selection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + row_padding)
    view.horizontalHeader().setHighlightSections(False)
    view.setAccessibleName(name)
    size_columns(view)
    return view


def source_model(model: Any) -> Any:
    while isinstance(model, QAbstractProxyModel):
        model = model.sourceModel()
    return model


def size_columns(view: QTableView) -> None:
    """Widths from the model's columns (again after a run-time set of columns)."""
    model = source_model(view.model())
    header = view.horizontalHeader()
    if not isinstance(model, TableModel):
        header.setStretchLastSection(True)
        return
    width = view.fontMetrics().horizontalAdvance
    stretches = False
    for number, column in enumerate(model.columns):
        if column.stretch:
            header.setSectionResizeMode(number, QHeaderView.ResizeMode.Stretch)
            stretches = True
        elif column.fit:
            header.setSectionResizeMode(number, QHeaderView.ResizeMode.ResizeToContents)
        elif column.sample:
            header.resizeSection(number, width(column.sample) + 16)
    header.setStretchLastSection(not stretches)


class IdListView(QTableView):
    """The view of a list of ids (IdWindowModel): Enter opens the current row, as a
    double-click does (`activated_row(row)`); Down in its search box moves into it."""

    activated_row = Signal(int)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.activated_row.emit(self.currentIndex().row())
            return
        super().keyPressEvent(event)

    def current_id(self) -> int | None:
        """The id of the record at the current row."""
        index = self.currentIndex()
        value = index.data(ID_ROLE) if index.isValid() else None
        return value if isinstance(value, int) else None

    def select_id(self, model: IdWindowModel[Any], record_id: int) -> bool:
        """Select that record's row and scroll to it; False when the list doesn't show it."""
        row = model.row_of(record_id)
        if row is None:
            return False
        self.selectRow(row)
        self.scrollTo(model.index(row, 0))
        return True

    def reload_keeping_choice(self, model: IdWindowModel[Any]) -> None:
        """A record changed: the same filter, fresh rows; the chosen record stays chosen."""
        chosen = self.current_id()
        model.reload()
        if chosen is not None:
            self.select_id(model, chosen)

    def follow(self, search: QLineEdit) -> None:
        DownIntoList(search, self)


def id_list(model: IdWindowModel[Any], name: str, sort_column: int,
            order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> tuple[IdListView, ListOrEmpty]:
    """A list that can grow past tens of thousands of rows (ids only, sorted in SQL): its
    IdListView, sorted by `sort_column` to start, and the ListOrEmpty that holds it (in
    its place, the sentence that says why it is empty)."""
    view = set_up_list(IdListView(), model, name, sorting=True, row_padding=12)
    view.horizontalHeader().setSortIndicator(sort_column, order)
    return view, ListOrEmpty(view)


class ListOrEmpty(QStackedWidget):
    """A list, or in its place the model's `empty_text`: why it is empty, what to do."""

    def __init__(self, view: QTableView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self.empty = muted()
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setContentsMargins(40, 40, 40, 40)
        self.addWidget(view)
        self.addWidget(self.empty)

    def refresh(self) -> None:
        """The list when it shows a row (after filtering), else the sentence."""
        source = source_model(self.view.model())
        self.empty.setText(source.empty_text if isinstance(source, TableModel) else "")
        self.setCurrentWidget(self.view if self.view.model().rowCount() else self.empty)


class DownIntoList(QObject):
    """Down in a search box moves into the list, onto its first row if none is current."""

    def __init__(self, search: QLineEdit, view: QTableView) -> None:
        super().__init__(search)
        self.view = view
        search.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and event.key() == Qt.Key.Key_Down and self.view.model().rowCount()):
            self.view.setFocus(Qt.FocusReason.OtherFocusReason)
            if not self.view.currentIndex().isValid():
                self.view.selectRow(0)
            return True
        return super().eventFilter(watched, event)


def forget_list(search: QLineEdit, model: TableModel[Any], *labels: QLabel) -> None:
    """Locking, once the page's session is gone: the search typed, every row and what the
    labels said about them go (a filter on the search follows it; a search that asks a
    service finds no session and asks nothing)."""
    search.clear()
    model.clear()
    for label in labels:
        label.clear()
