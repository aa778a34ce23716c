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

from peerdesk.domain.peer import PeerStatus
from peerdesk.services.casework_store import CaseworkStore, PeerListRow, StoreId
from peerdesk.ui.peers.list_model import PeersModel, who_columns

StorePeerColumn = IntEnum("StorePeerColumn", "REF NAME STATUS", start=0)


@dataclass(frozen=True, slots=True)
class StoreFilter:
    """What was typed, the status chosen, and whether only "my peers"; the store
    orders by name (no other order to choose)."""

    text: str = ""
    status: PeerStatus | None = None
    mine: bool = False
    order: Any = None
    descending: bool = False


def _find(store: CaseworkStore, flt: StoreFilter) -> list[StoreId]:
    return store.find(flt.text, status=flt.status, mine=flt.mine)


def _rows(store: CaseworkStore, ids: list[StoreId]) -> list[PeerListRow]:
    return store.rows(ids)


class StorePeerListModel(PeersModel[PeerListRow]):
    columns = who_columns()
    # `session` (IdWindowModel's name for what find and fetch are given) holds the store.
    find = staticmethod(_find)  # type: ignore[assignment]
    fetch = staticmethod(_rows)  # type: ignore[assignment]
    new_filter = StoreFilter

    def peer_id(self, row: int) -> StoreId | None:
        return self.record_id(row)
