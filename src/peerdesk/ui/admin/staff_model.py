"""Staff accounts as a table: one Staff dataclass per row."""

from __future__ import annotations

from enum import IntEnum
from operator import attrgetter

from PySide6.QtCore import QCoreApplication

from peerdesk.domain.staff import Staff, StaffStatus
from peerdesk.ui.i18n import QT_TRANSLATE_NOOP
from peerdesk.ui.table_model import Column, RowTableModel
from peerdesk.ui.timefmt import local_date, sortable

STATUS_LABELS = {
    StaffStatus.ACTIVE: QT_TRANSLATE_NOOP("StaffModel", "Active"),
    StaffStatus.DEACTIVATED: QT_TRANSLATE_NOOP("StaffModel", "Deactivated"),
    StaffStatus.REMOVED: QT_TRANSLATE_NOOP("StaffModel", "Removed"),
}


StaffColumn = IntEnum("StaffColumn", "NAME ROLE STATUS CREATED", start=0)


class StaffModel(RowTableModel[Staff]):
    # The name takes the room; the others fit their words ("Programme lead").
    columns = (
        Column(QT_TRANSLATE_NOOP("TableHeader", "Name"), attrgetter("name"), stretch=True),
        Column(QT_TRANSLATE_NOOP("TableHeader", "Role"), attrgetter("roles_label"), fit=True),
        Column(QT_TRANSLATE_NOOP("TableHeader", "Status"),
               lambda r: QCoreApplication.translate("StaffModel", STATUS_LABELS[r.status]),
               fit=True),
        Column(QT_TRANSLATE_NOOP("TableHeader", "Added"), lambda r: local_date(r.created_at),
               sort=lambda r: sortable(r.created_at), fit=True),
    )
