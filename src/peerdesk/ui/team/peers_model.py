"""The peers list over a casework store (services/casework_store.py): the ids
`find` gives, in its order, and the visible rows read a page at a time through
`rows` (ui/table_model.IdWindowModel, as the single-PC list does).

On the team server both come from this PC's encrypted search cache, so typing
stays fast and the list still shows, read-only, when the server is out of reach.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum
from typing import Any

from PySide6.QtGui import QBrush, QColor

from peerdesk.domain.peer import PeerStatus
from peerdesk.services.casework_store import CaseworkStore, PeerListRow, StoreId
from peerdesk.ui.i18n import QT_TRANSLATE_NOOP
from peerdesk.ui.table_model import Column, IdWindowModel, attribute_column

StorePeerColumn = IntEnum("StorePeerColumn", "REF NAME STATUS", start=0)
_MUTED = QBrush(QColor("#777777"))


@dataclass(frozen=True, slots=True)
class StoreFilter:
    """What was typed; the store orders by name (no other order to choose)."""

    text: str = ""
    order: Any = None
    descending: bool = False


def _find(store: CaseworkStore, flt: StoreFilter) -> list[StoreId]:
    return store.find(flt.text)


def _rows(store: CaseworkStore, ids: list[StoreId]) -> list[PeerListRow]:
    return store.rows(ids)


class StorePeerListModel(IdWindowModel[PeerListRow]):
    columns = (
        attribute_column(QT_TRANSLATE_NOOP("TableHeader", "Reference"), "ref",
                         sample="Reference__"),
        attribute_column(QT_TRANSLATE_NOOP("TableHeader", "Preferred name"), "preferred_name",
                         bold=True, stretch=True),
        Column(QT_TRANSLATE_NOOP("TableHeader", "Status"), lambda r: r.status.label,
               sample="Paused____"),
    )
    # `session` (IdWindowModel's name for what find and fetch are given) holds the store.
    find = staticmethod(_find)  # type: ignore[assignment]
    fetch = staticmethod(_rows)  # type: ignore[assignment]
    new_filter = StoreFilter

    def foreground(self, row: PeerListRow, column: Column[PeerListRow]) -> Any:
        colour = super().foreground(row, column)
        if colour is None and row.status is PeerStatus.CLOSED:
            return _MUTED
        return colour

    def peer_id(self, row: int) -> StoreId | None:
        return self.record_id(row)
