"""The caseload list: ordered ids only, visible rows fetched in pages (DESIGN.md §2).

The list can hold 100,000 peers. Sorting and filtering run in SQL through
`services.peers.find`; rows are read a page at a time through `services.peers.rows`
and kept in a small cache (ui/table_model.IdWindowModel).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from enum import IntEnum
from typing import Any, ClassVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QBrush, QColor

from peerdesk.domain.peer import PeerStatus
from peerdesk.services import peers
from peerdesk.services.peers import PeerFilter, PeerOrder, PeerRow
from peerdesk.services.session import Session
from peerdesk.ui.i18n import QT_TRANSLATE_NOOP
from peerdesk.ui.table_model import ID_ROLE, Column, IdWindowModel, Row, attribute_column

# The peer's id: lookups by row survive sorting and filtering.
PEER_ID_ROLE = ID_ROLE
PAGE_SIZE = IdWindowModel.PAGE_SIZE
PeerColumn = IntEnum("PeerColumn", "REF NAME STATUS CASEWORKER LAST_CONTACT NEXT_FOLLOW_UP",
                     start=0)
_OVERDUE = QBrush(QColor("#b71c1c"))
_MUTED = QBrush(QColor("#777777"))


def _overdue(iso: str) -> bool:
    return bool(iso) and iso < date.today().isoformat()


def _next_follow_up(row: PeerRow) -> str:
    if _overdue(row.next_follow_up):
        return QCoreApplication.translate("PeerListModel", "{date} (overdue)").format(
            date=row.next_follow_up)
    return row.next_follow_up or "—"


def who_columns() -> tuple[Column[Any], ...]:
    """The first three columns of every peers list: reference, name and status."""
    return (
        attribute_column(QT_TRANSLATE_NOOP("TableHeader", "Reference"), "ref",
                         sample="Reference__"),
        attribute_column(QT_TRANSLATE_NOOP("TableHeader", "Preferred name"), "preferred_name",
                         bold=True, stretch=True),
        Column(QT_TRANSLATE_NOOP("TableHeader", "Status"), lambda r: r.status.label,
               sample="Paused____"),
    )


class PeersModel(IdWindowModel[Row]):
    """A peers list (the vault's here, the team store's in ui/team): a closed
    peer's row in grey."""

    def foreground(self, row: Row, column: Column[Row]) -> Any:
        colour = super().foreground(row, column)
        if colour is None and getattr(row, "status", None) is PeerStatus.CLOSED:
            return _MUTED
        return colour


class PeerListModel(PeersModel[PeerRow]):
    columns = (
        *who_columns(),
        attribute_column(QT_TRANSLATE_NOOP("TableHeader", "Caseworker"), "caseworker",
                         sample="Tomás Herrera_____"),
        attribute_column(QT_TRANSLATE_NOOP("TableHeader", "Last contact"), "last_contact",
                         sample="Last contact__"),
        Column(QT_TRANSLATE_NOOP("TableHeader", "Next follow-up"), _next_follow_up,
               foreground=lambda r: _OVERDUE if _overdue(r.next_follow_up) else None,
               sample="2026-11-22 (overdue)__"),
    )
    order_by: ClassVar[Mapping[int, Any]] = {
        c: PeerOrder.__members__[c.name] for c in PeerColumn}
    session: Session | None
    filter: PeerFilter

    find = staticmethod(peers.find)
    fetch = staticmethod(peers.rows)
    new_filter = PeerFilter

    def peer_id(self, row: int) -> int | None:
        return self.record_id(row)
