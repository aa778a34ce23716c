"""The audit log as a table: one AuditRow per row."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from peerdesk.services.audit_log import AuditRow
from peerdesk.ui.i18n import QT_TRANSLATE_NOOP
from peerdesk.ui.table_model import RowTableModel
from peerdesk.ui.timefmt import local_time, sortable


class AuditColumn(IntEnum):
    TIME = 0
    WHO = 1
    WHAT = 2
    TARGET = 3
    DETAIL = 4


class AuditModel(RowTableModel[AuditRow]):
    columns = AuditColumn
    headers = (
        QT_TRANSLATE_NOOP("TableHeader", "Time"), QT_TRANSLATE_NOOP("TableHeader", "Who"),
        QT_TRANSLATE_NOOP("TableHeader", "What"), QT_TRANSLATE_NOOP("TableHeader", "Target"),
        QT_TRANSLATE_NOOP("TableHeader", "Detail"),
    )

    def display(self, row: AuditRow, column: Any) -> str:
        match column:
            case AuditColumn.TIME:
                return local_time(row.at)
            case AuditColumn.WHO:
                return row.who
            case AuditColumn.WHAT:
                return row.what
            case AuditColumn.TARGET:
                return row.target
            case AuditColumn.DETAIL:
                return row.detail
        return ""

    def sort_key(self, row: AuditRow, column: Any) -> Any:
        if column == AuditColumn.TIME:
            # Ties (same second) fall back to the event's order in the chain.
            return f"{sortable(row.at)}#{row.id:012d}"
        return self.display(row, column).casefold()
