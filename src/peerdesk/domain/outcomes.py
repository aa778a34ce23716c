"""Repeated self-ratings: ONS4 wellbeing, UCLA-3 loneliness, programme ladders."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from peerdesk.domain.dates import check_past_date
from peerdesk.domain.errors import ValidationError


class MeasureKind(StrEnum):
    ONS4 = "ons4"
    UCLA3 = "ucla3"
    LADDER = "ladder"


@dataclass(frozen=True, slots=True)
class Measure:
    kind: MeasureKind
    key: str
    title: str
    items: tuple[str, ...]
    low: int
    high: int
    higher_is_better: bool = True


ONS4 = Measure(
    MeasureKind.ONS4, "ons4", "Personal wellbeing (ONS4)",
    (
        "Overall, how satisfied are you with your life nowadays?",
        "Overall, to what extent do you feel the things you do in your life are worthwhile?",
        "Overall, how happy did you feel yesterday?",
        "Overall, how anxious did you feel yesterday?",
    ),
    0, 10,
)
UCLA3 = Measure(
    MeasureKind.UCLA3, "ucla3", "Loneliness (UCLA 3-item)",
    (
        "How often do you feel that you lack companionship?",
        "How often do you feel left out?",
        "How often do you feel isolated from others?",
    ),
    1, 3, higher_is_better=False,
)


def ladder(key: str, title: str) -> Measure:
    return Measure(MeasureKind.LADDER, key, title, (title,), 1, 10)


@dataclass(frozen=True, slots=True)
class RatingDraft:
    peer_id: int
    worker_id: int
    measure: Measure
    rated_on: date
    scores: tuple[int, ...]

    def validated(self, today: date) -> RatingDraft:
        check_past_date(self.rated_on, today=today, what="Rating date", field="rated_on")
        if len(self.scores) != len(self.measure.items):
            raise ValidationError(
                "{title} has {questions} questions; {answers} answers were given.",
                field="scores", title=self.measure.title, questions=len(self.measure.items),
                answers=len(self.scores))
        for number, score in enumerate(self.scores, start=1):
            if not self.measure.low <= score <= self.measure.high:
                raise ValidationError(
                    "Answer {number} must be between {low} and {high}.", field="scores",
                    number=number, low=self.measure.low, high=self.measure.high)
        return self

    @property
    def total(self) -> int:
        return sum(self.scores)
