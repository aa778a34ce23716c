"""Small tables on a peer's page: timeline, consent, referrals, ratings, follow-ups, audit."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import IntEnum
from operator import attrgetter
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QBrush, QColor

from peerdesk.domain.consent import Consent
from peerdesk.domain.outcomes import show_scores
from peerdesk.domain.referral import ReferralStatus
from peerdesk.services.audit_log import AuditRow
from peerdesk.ui.i18n import QT_TRANSLATE_NOOP
from peerdesk.ui.table_model import Column, RowTableModel
from peerdesk.ui.timefmt import local_time

AMBER = QBrush(QColor("#fff1c2"))
RED = QBrush(QColor("#b71c1c"))
MUTED = QBrush(QColor("#777777"))


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


TimelineColumn = IntEnum("TimelineColumn", "DATE WHAT DETAIL BY", start=0)


class TimelineModel(RowTableModel[TimelineEntry]):
    columns = (
        Column(QT_TRANSLATE_NOOP("TableHeader", "Date"), lambda r: r.when.isoformat()),
        Column(QT_TRANSLATE_NOOP("TableHeader", "What"), attrgetter("what")),
        Column(QT_TRANSLATE_NOOP("TableHeader", "Details"), attrgetter("detail"), stretch=True),
        Column(QT_TRANSLATE_NOOP("TableHeader", "By"), attrgetter("by"),
               foreground=lambda _r: MUTED),
    )


# -- consent -------------------------------------------------------------------------


ConsentColumn = IntEnum("ConsentColumn", "SCOPE GIVEN REVIEW STATE", start=0)


def consent_state(consent: Consent, on: date) -> str:
    if consent.withdrawn_on is not None:
        return QCoreApplication.translate("ConsentModel", "Withdrawn {date}").format(
            date=consent.withdrawn_on.isoformat())
    if consent.review_due(on):
        return QCoreApplication.translate("ConsentModel", "Review due")
    if consent.is_current(on):
        return QCoreApplication.translate("ConsentModel", "Current")
    return QCoreApplication.translate("ConsentModel", "Not yet in force")


class ConsentModel(RowTableModel[Consent]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.on = date.today()
        self.columns = (
            Column(QT_TRANSLATE_NOOP("TableHeader", "Consent to"), lambda r: r.scope.label,
                   stretch=True),
            Column(QT_TRANSLATE_NOOP("TableHeader", "Given"), lambda r: r.given_on.isoformat()),
            Column(QT_TRANSLATE_NOOP("TableHeader", "Review by"),
                   lambda r: r.review_on.isoformat() if r.review_on else "—"),
            Column(QT_TRANSLATE_NOOP("TableHeader", "State"), lambda r: consent_state(r, self.on)),
        )

    def background(self, row: Consent, column: Column[Consent]) -> QBrush | None:
        return AMBER if row.review_due(self.on) else None

    def foreground(self, row: Consent, column: Column[Consent]) -> QBrush | None:
        return MUTED if row.withdrawn_on is not None else None


# -- referrals -----------------------------------------------------------------------


ReferralColumn = IntEnum("ReferralColumn", "DATE TO WHERE STATUS", start=0)


class ReferralModel(RowTableModel[Any]):
    columns = (
        Column(QT_TRANSLATE_NOOP("TableHeader", "Date"), lambda r: r.draft.made_on.isoformat()),
        Column(QT_TRANSLATE_NOOP("TableHeader", "Referred to"),
               lambda r: r.draft.destination.label),
        Column(QT_TRANSLATE_NOOP("TableHeader", "Where"), lambda r: r.draft.destination_name,
               stretch=True),
        Column(QT_TRANSLATE_NOOP("TableHeader", "Status"),
               lambda r: r.draft.status.value.capitalize(),
               foreground=lambda r: MUTED if r.draft.status is ReferralStatus.DECLINED else None),
    )


# -- ratings -------------------------------------------------------------------------


class RatingModel(RowTableModel[Any]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.titles: dict[str, str] = {}
        self.columns = (
            Column(QT_TRANSLATE_NOOP("TableHeader", "Date"), lambda r: r.rated_on.isoformat()),
            Column(QT_TRANSLATE_NOOP("TableHeader", "Measure"),
                   lambda r: self.titles.get(r.measure_key, r.measure_key), stretch=True),
            Column(QT_TRANSLATE_NOOP("TableHeader", "Answers"), lambda r: show_scores(r.scores)),
            Column(QT_TRANSLATE_NOOP("TableHeader", "Total"),
                   lambda r: "—" if r.total is None else str(r.total)),
        )


# -- follow-ups ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FollowUp:
    session_id: int
    due: date
    after: str  # what the session was
    by: str


class FollowUpModel(RowTableModel[FollowUp]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.on = date.today()
        self.columns = (
            Column(QT_TRANSLATE_NOOP("TableHeader", "Due"), self._due,
                   foreground=lambda r: RED if r.due < self.on else None),
            Column(QT_TRANSLATE_NOOP("TableHeader", "After"), attrgetter("after"), stretch=True),
            Column(QT_TRANSLATE_NOOP("TableHeader", "Agreed by"), attrgetter("by")),
        )

    def _due(self, row: FollowUp) -> str:
        late = " (overdue)" if row.due < self.on else " (today)" if row.due == self.on else ""
        return row.due.isoformat() + late


# -- audit trail ------------------------------------------------------------------------


class TrailModel(RowTableModel[AuditRow]):
    columns = (
        Column(QT_TRANSLATE_NOOP("TableHeader", "When"), lambda r: local_time(r.at)),
        Column(QT_TRANSLATE_NOOP("TableHeader", "Who"), attrgetter("who")),
        Column(QT_TRANSLATE_NOOP("TableHeader", "What"), attrgetter("what")),
        Column(QT_TRANSLATE_NOOP("TableHeader", "Details"), attrgetter("detail"), stretch=True),
    )
