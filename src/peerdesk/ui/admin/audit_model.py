"""The audit log as a table: one AuditRow per row."""

from __future__ import annotations

from enum import IntEnum
from operator import attrgetter

from peerdesk.services.audit_log import AuditRow
from peerdesk.ui.i18n import QT_TRANSLATE_NOOP
from peerdesk.ui.table_model import Column, RowTableModel
from peerdesk.ui.timefmt import local_time, sortable

AuditColumn = IntEnum("AuditColumn", "TIME WHO WHAT TARGET DETAIL", start=0)


class AuditModel(RowTableModel[AuditRow]):
    columns = (
        # Ties (same second) fall back to the event's order in the chain.
        Column(QT_TRANSLATE_NOOP("TableHeader", "Time"), lambda r: local_time(r.at),
               sort=lambda r: f"{sortable(r.at)}#{r.id:012d}", fit=True),
        Column(QT_TRANSLATE_NOOP("TableHeader", "Who"), attrgetter("who")),
        Column(QT_TRANSLATE_NOOP("TableHeader", "What"), attrgetter("what")),
        Column(QT_TRANSLATE_NOOP("TableHeader", "Target"), attrgetter("target")),
        Column(QT_TRANSLATE_NOOP("TableHeader", "Detail"), attrgetter("detail")),
    )
