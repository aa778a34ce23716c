"""Dated consent records. Withdrawn statistics consent keeps a peer out of reports."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from peerdesk.domain.dates import check_past_date, check_planned_date
from peerdesk.domain.errors import ValidationError
from peerdesk.domain.labels import Labelled, set_labels


class ConsentScope(Labelled):
    STORE_DATA = "store_data"
    GROUPS = "groups"
    CONTACT = "contact"
    STATISTICS = "statistics"
    # May be quoted, without their name, in reports (domain.voice quotes).
    QUOTABLE = "quotable"


set_labels(ConsentScope, {"store_data": "Keep their information", "groups": "Take part in groups",
                          "contact": "Be contacted", "statistics": "Count in anonymised statistics",
                          "quotable": "May be quoted, without my name, in reports"})


@dataclass(frozen=True, slots=True)
class ConsentDraft:
    peer_id: int
    scope: ConsentScope
    given_on: date
    review_on: date | None = None

    def validated(self, today: date) -> ConsentDraft:
        check_past_date(self.given_on, today=today, what="Consent date", field="given_on")
        if self.review_on is not None:
            check_planned_date(self.review_on, today=today, what="Review date",
                               field="review_on", years_ahead=5)
            if self.review_on <= self.given_on:
                raise ValidationError("The review date must be after the consent date.",
                                      field="review_on")
        return self


@dataclass(frozen=True, slots=True)
class Consent:
    id: int
    peer_id: int
    scope: ConsentScope
    given_on: date
    recorded_by: int
    review_on: date | None
    withdrawn_on: date | None

    def is_current(self, on: date) -> bool:
        return self.given_on <= on and (self.withdrawn_on is None or self.withdrawn_on > on)

    def review_due(self, on: date) -> bool:
        return self.withdrawn_on is None and self.review_on is not None and self.review_on <= on
