"""Tables on the Sessions page: recent sessions and note-search results."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from peerdesk.services.casework import NoteHit
from peerdesk.services.casework_lists import SessionRow
from peerdesk.ui.i18n import QT_TRANSLATE_NOOP
from peerdesk.ui.table_model import RowTableModel


class RecentColumn(IntEnum):
    DATE = 0
    REF = 1
    NAME = 2
    KIND = 3
    MODE = 4
    MINUTES = 5
    WORKER = 6


class RecentSessionsModel(RowTableModel[SessionRow]):
    columns = RecentColumn
    headers = (
        QT_TRANSLATE_NOOP("TableHeader", "Date"), QT_TRANSLATE_NOOP("TableHeader", "Reference"),
        QT_TRANSLATE_NOOP("TableHeader", "Preferred name"),
        QT_TRANSLATE_NOOP("TableHeader", "Kind"), QT_TRANSLATE_NOOP("TableHeader", "Mode"),
        QT_TRANSLATE_NOOP("TableHeader", "Minutes"), QT_TRANSLATE_NOOP("TableHeader", "Worker"),
    )

    def display(self, row: SessionRow, column: Any) -> str:
        return (row.held_on.isoformat(), row.ref, row.preferred_name, row.kind.label,
                row.mode.label, str(row.minutes), row.worker)[column]

    def sort_key(self, row: SessionRow, column: Any) -> Any:
        if column == RecentColumn.MINUTES:
            return row.minutes
        if column == RecentColumn.DATE:
            return f"{row.held_on.isoformat()} {row.session_id:012d}"
        return self.display(row, column).casefold()


class HitColumn(IntEnum):
    DATE = 0
    REF = 1
    NAME = 2
    EXCERPT = 3


class NoteHitModel(RowTableModel[NoteHit]):
    columns = HitColumn
    headers = (
        QT_TRANSLATE_NOOP("TableHeader", "Date"), QT_TRANSLATE_NOOP("TableHeader", "Reference"),
        QT_TRANSLATE_NOOP("TableHeader", "Preferred name"),
        QT_TRANSLATE_NOOP("TableHeader", "Where the words appear"),
    )

    def display(self, row: NoteHit, column: Any) -> str:
        return (row.held_on.isoformat(), row.ref, row.preferred_name, row.excerpt)[column]

    def sort_key(self, row: NoteHit, column: Any) -> Any:
        if column == HitColumn.DATE:
            return f"{row.held_on.isoformat()} {row.session_id:012d}"
        return self.display(row, column).casefold()
