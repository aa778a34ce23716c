"""Staff accounts as a table: one Staff dataclass per row."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from peerdesk.domain.staff import Staff, StaffStatus
from peerdesk.ui.table_model import RowTableModel
from peerdesk.ui.timefmt import local_date, sortable

STATUS_LABELS = {
    StaffStatus.ACTIVE: "Active",
    StaffStatus.DEACTIVATED: "Deactivated",
    StaffStatus.REMOVED: "Removed",
}


class StaffColumn(IntEnum):
    NAME = 0
    ROLE = 1
    STATUS = 2
    CREATED = 3


class StaffModel(RowTableModel[Staff]):
    columns = StaffColumn
    headers = ("Name", "Role", "Status", "Added")

    def display(self, row: Staff, column: Any) -> str:
        match column:
            case StaffColumn.NAME:
                return row.name
            case StaffColumn.ROLE:
                return row.role.label
            case StaffColumn.STATUS:
                return STATUS_LABELS[row.status]
            case StaffColumn.CREATED:
                return local_date(row.created_at)
        return ""

    def sort_key(self, row: Staff, column: Any) -> Any:
        if column == StaffColumn.CREATED:
            return sortable(row.created_at)
        return self.display(row, column).casefold()
