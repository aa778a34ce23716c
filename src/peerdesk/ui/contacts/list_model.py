"""The Contacts list: ordered ids only, the visible rows read a page at a time.

Like the caseload (ui/peers/list_model.py, DESIGN.md §2): a centre logs tens of
thousands of contacts a year, so filtering and sorting run in SQL through
`services.listening.find`, and rows come through `services.listening.rows` in
pages kept in a small cache (ui/table_model.IdWindowModel).
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import IntEnum
from typing import Any, ClassVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QBrush, QColor

from peerdesk.services import listening
from peerdesk.services.listening import ContactFilter, ContactOrder, ContactRow
from peerdesk.services.session import Session
from peerdesk.ui.i18n import QT_TRANSLATE_NOOP
from peerdesk.ui.table_model import ID_ROLE, Column, IdWindowModel, attribute_column

CONTACT_ID_ROLE = ID_ROLE
ContactColumn = IntEnum("ContactColumn",
                        "WHEN CHANNEL MINUTES REGION TOPICS OUTCOME CALLER TAKEN_BY", start=0)
_CONCERN = QBrush(QColor("#a31515"))


def _when(row: ContactRow) -> str:
    concern = QCoreApplication.translate("ContactListModel", " · safety concern")
    return f"{row.contacted_on} {row.contacted_time}" + (concern if row.safety_concern else "")


class ContactListModel(IdWindowModel[ContactRow]):
    columns = (
        Column(QT_TRANSLATE_NOOP("TableHeader", "When"), _when,
               foreground=lambda r: _CONCERN if r.safety_concern else None,
               sample="2026-11-22 21:40 · safety concern"),
        Column(QT_TRANSLATE_NOOP("TableHeader", "Channel"), lambda r: r.channel.label,
               sample="Social media message"),
        Column(QT_TRANSLATE_NOOP("TableHeader", "Minutes"), lambda r: str(r.minutes),
               sample="Minutes"),
        attribute_column(QT_TRANSLATE_NOOP("TableHeader", "Region"), "region",
                         sample="Highcombe____"),
        Column(QT_TRANSLATE_NOOP("TableHeader", "Topics"), lambda r: ", ".join(r.topics) or "—",
               stretch=True),
        Column(QT_TRANSLATE_NOOP("TableHeader", "Outcome"),
               lambda r: ", ".join(o.label for o in r.outcomes.parts()),
               sample="Listened, Signposted"),
        attribute_column(QT_TRANSLATE_NOOP("TableHeader", "Known caller"), "caller",
                         sample="Tuesday texter"),
        attribute_column(QT_TRANSLATE_NOOP("TableHeader", "Taken by"), "taken_by",
                         sample="Tomás Herrera"),
    )
    # Topics and outcomes hold several values: the list doesn't sort by them.
    order_by: ClassVar[Mapping[int, Any]] = {
        c: ContactOrder.__members__[c.name] for c in ContactColumn
        if c.name in ContactOrder.__members__}
    session: Session | None
    filter: ContactFilter

    find = staticmethod(listening.find)
    fetch = staticmethod(listening.rows)
    new_filter = ContactFilter

    def contact_id(self, row: int) -> int | None:
        return self.record_id(row)
