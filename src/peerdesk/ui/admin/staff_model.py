"""Staff accounts as a table: one Staff dataclass per row."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from peerdesk.domain.staff import Staff, StaffStatus
from peerdesk.ui.i18n import QT_TRANSLATE_NOOP
from peerdesk.ui.table_model import RowTableModel
from peerdesk.ui.timefmt import local_date, sortable

STATUS_LABELS = {
    StaffStatus.ACTIVE: QT_TRANSLATE_NOOP("StaffModel", "Active"),
    StaffStatus.DEACTIVATED: QT_TRANSLATE_NOOP("StaffModel", "Deactivated"),
    StaffStatus.REMOVED: QT_TRANSLATE_NOOP("StaffModel", "Removed"),
}


class StaffColumn(IntEnum):
    NAME = 0
    ROLE = 1
    STATUS = 2
    CREATED = 3


class StaffModel(RowTableModel[Staff]):
    columns = StaffColumn
    headers = (
        QT_TRANSLATE_NOOP("TableHeader", "Name"), QT_TRANSLATE_NOOP("TableHeader", "Role"),
        QT_TRANSLATE_NOOP("TableHeader", "Status"), QT_TRANSLATE_NOOP("TableHeader", "Added"),
    )

    def display(self, row: Staff, column: Any) -> str:
        match column:
            case StaffColumn.NAME:
                return row.name
            case StaffColumn.ROLE:
                return row.roles_label
            case StaffColumn.STATUS:
                return self.tr(STATUS_LABELS[row.status])
            case StaffColumn.CREATED:
                return local_date(row.created_at)
        return ""

    def sort_key(self, row: Staff, column: Any) -> Any:
        if column == StaffColumn.CREATED:
            return sortable(row.created_at)
        return self.display(row, column).casefold()
