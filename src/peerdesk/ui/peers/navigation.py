"""How a peers list and a peer's page are moved between, written once for the
single-PC Peers section and the team window's (ui/team/peers_pages.py).

Mixins: each names the attributes it expects of the widget it is mixed into.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt


class OpensFromTheList:
    """Enter in the search box opens the only match, or moves into the list; a
    double click or Enter on a row opens that peer. Expects `model` (with
    `rowCount` and `peer_id(row)`), `table` and an `open_peer` signal."""

    def _enter_in_search(self) -> None:
        page: Any = self  # as the widget mixed into declares them (not redeclared here)
        if page.model.rowCount() == 1:
            self._open_row(0)
        elif page.model.rowCount() > 1:
            page.table.setFocus()
            if not page.table.currentIndex().isValid():
                page.table.selectRow(0)

    def _open_index(self, index: QModelIndex) -> None:
        self._open_row(index.row())

    def _open_row(self, row: int) -> None:
        page: Any = self
        peer_id = page.model.peer_id(row)
        if peer_id is not None:
            page.open_peer.emit(peer_id)


class ListOrPeer:
    """A section that shows either the list or one peer's page, in `stack`;
    back to the list keeps that peer selected. Expects `stack`, `list_page`
    (with `select_peer`, `table`, `focus_search`) and `peer_page` (`peer_id`)."""

    def show_list(self) -> None:
        section: Any = self  # as the widget mixed into declares them (not redeclared here)
        peer_id = section.peer_page.peer_id
        section.stack.setCurrentWidget(section.list_page)
        if peer_id is not None:
            section.list_page.select_peer(peer_id)
        section.list_page.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def go_to_search(self) -> None:
        if self.showing_peer():
            self.show_list()
        section: Any = self
        section.list_page.focus_search()

    def showing_peer(self) -> bool:
        section: Any = self
        return bool(section.stack.currentWidget() is section.peer_page)
