"""Small tables on a peer's page: timeline, consent, referrals, ratings, follow-ups, audit."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor

from peerdesk.domain.consent import Consent
from peerdesk.domain.outcomes import show_scores
from peerdesk.domain.referral import ReferralStatus
from peerdesk.services.audit_log import AuditRow
from peerdesk.ui.i18n import QT_TRANSLATE_NOOP
from peerdesk.ui.table_model import Index, RowTableModel
from peerdesk.ui.theme import is_high_contrast
from peerdesk.ui.timefmt import local_time

AMBER = QBrush(QColor("#fff1c2"))
RED = QBrush(QColor("#b71c1c"))
MUTED = QBrush(QColor("#777777"))


class ColouredModel(RowTableModel[Any]):
    """Adds foreground and background colours per row."""

    def foreground(self, row: Any, column: Any) -> QBrush | None:
        return None

    def background(self, row: Any, column: Any) -> QBrush | None:
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role in (Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.BackgroundRole):
            if (not index.isValid() or not 0 <= index.row() < len(self._rows)
                    or is_high_contrast()):  # the system's colours, then
                return None
            row, column = self._rows[index.row()], self.columns(index.column())
            if role == Qt.ItemDataRole.ForegroundRole:
                return self.foreground(row, column)
            return self.background(row, column)
        return super().data(index, role)


# -- timeline ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    when: date
    kind: str  # "session", "referral", "consent", "rating"
    what: str
    detail: str
    by: str
    item_id: int
    order: int = 0  # ties on one day: sessions first


class TimelineColumn(IntEnum):
    DATE = 0
    WHAT = 1
    DETAIL = 2
    BY = 3


class TimelineModel(ColouredModel):
    columns = TimelineColumn
    headers = (
        QT_TRANSLATE_NOOP("TableHeader", "Date"), QT_TRANSLATE_NOOP("TableHeader", "What"),
        QT_TRANSLATE_NOOP("TableHeader", "Details"), QT_TRANSLATE_NOOP("TableHeader", "By"),
    )

    def display(self, row: TimelineEntry, column: Any) -> str:
        return (row.when.isoformat(), row.what, row.detail, row.by)[column]

    def foreground(self, row: TimelineEntry, column: Any) -> QBrush | None:
        return MUTED if column == TimelineColumn.BY else None


# -- consent -------------------------------------------------------------------------


class ConsentColumn(IntEnum):
    SCOPE = 0
    GIVEN = 1
    REVIEW = 2
    STATE = 3


def consent_state(consent: Consent, on: date) -> str:
    if consent.withdrawn_on is not None:
        return QCoreApplication.translate("ConsentModel", "Withdrawn {date}").format(
            date=consent.withdrawn_on.isoformat())
    if consent.review_due(on):
        return QCoreApplication.translate("ConsentModel", "Review due")
    if consent.is_current(on):
        return QCoreApplication.translate("ConsentModel", "Current")
    return QCoreApplication.translate("ConsentModel", "Not yet in force")


class ConsentModel(ColouredModel):
    columns = ConsentColumn
    headers = (
        QT_TRANSLATE_NOOP("TableHeader", "Consent to"), QT_TRANSLATE_NOOP("TableHeader", "Given"),
        QT_TRANSLATE_NOOP("TableHeader", "Review by"), QT_TRANSLATE_NOOP("TableHeader", "State"),
    )

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.on = date.today()

    def display(self, row: Consent, column: Any) -> str:
        match column:
            case ConsentColumn.SCOPE:
                return row.scope.label
            case ConsentColumn.GIVEN:
                return row.given_on.isoformat()
            case ConsentColumn.REVIEW:
                return row.review_on.isoformat() if row.review_on else "—"
            case ConsentColumn.STATE:
                return consent_state(row, self.on)
        return ""

    def background(self, row: Consent, column: Any) -> QBrush | None:
        return AMBER if row.review_due(self.on) else None

    def foreground(self, row: Consent, column: Any) -> QBrush | None:
        return MUTED if row.withdrawn_on is not None else None


# -- referrals -----------------------------------------------------------------------


class ReferralColumn(IntEnum):
    DATE = 0
    TO = 1
    WHERE = 2
    STATUS = 3


class ReferralModel(ColouredModel):
    columns = ReferralColumn
    headers = (
        QT_TRANSLATE_NOOP("TableHeader", "Date"), QT_TRANSLATE_NOOP("TableHeader", "Referred to"),
        QT_TRANSLATE_NOOP("TableHeader", "Where"), QT_TRANSLATE_NOOP("TableHeader", "Status"),
    )

    def display(self, row: Any, column: Any) -> str:
        d = row.draft
        return str((d.made_on.isoformat(), d.destination.label, d.destination_name,
                    d.status.value.capitalize())[column])

    def foreground(self, row: Any, column: Any) -> QBrush | None:
        if column == ReferralColumn.STATUS and row.draft.status is ReferralStatus.DECLINED:
            return MUTED
        return None


# -- ratings -------------------------------------------------------------------------


class RatingColumn(IntEnum):
    DATE = 0
    MEASURE = 1
    SCORES = 2
    TOTAL = 3


class RatingModel(ColouredModel):
    columns = RatingColumn
    headers = (
        QT_TRANSLATE_NOOP("TableHeader", "Date"), QT_TRANSLATE_NOOP("TableHeader", "Measure"),
        QT_TRANSLATE_NOOP("TableHeader", "Answers"), QT_TRANSLATE_NOOP("TableHeader", "Total"),
    )

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.titles: dict[str, str] = {}

    def display(self, row: Any, column: Any) -> str:
        return (row.rated_on.isoformat(), self.titles.get(row.measure_key, row.measure_key),
                show_scores(row.scores), "—" if row.total is None else str(row.total))[column]


# -- follow-ups ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FollowUp:
    session_id: int
    due: date
    after: str  # what the session was
    by: str


class FollowUpColumn(IntEnum):
    DUE = 0
    AFTER = 1
    BY = 2


class FollowUpModel(ColouredModel):
    columns = FollowUpColumn
    headers = (
        QT_TRANSLATE_NOOP("TableHeader", "Due"), QT_TRANSLATE_NOOP("TableHeader", "After"),
        QT_TRANSLATE_NOOP("TableHeader", "Agreed by"),
    )

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.on = date.today()

    def display(self, row: FollowUp, column: Any) -> str:
        if column == FollowUpColumn.DUE:
            late = " (overdue)" if row.due < self.on else " (today)" if row.due == self.on else ""
            return row.due.isoformat() + late
        return row.after if column == FollowUpColumn.AFTER else row.by

    def foreground(self, row: FollowUp, column: Any) -> QBrush | None:
        return RED if row.due < self.on and column == FollowUpColumn.DUE else None


# -- audit trail ------------------------------------------------------------------------


class TrailColumn(IntEnum):
    WHEN = 0
    WHO = 1
    WHAT = 2
    DETAIL = 3


class TrailModel(ColouredModel):
    columns = TrailColumn
    headers = (
        QT_TRANSLATE_NOOP("TableHeader", "When"), QT_TRANSLATE_NOOP("TableHeader", "Who"),
        QT_TRANSLATE_NOOP("TableHeader", "What"), QT_TRANSLATE_NOOP("TableHeader", "Details"),
    )

    def display(self, row: AuditRow, column: Any) -> str:
        return (local_time(row.at), row.who, row.what, row.detail)[column]
