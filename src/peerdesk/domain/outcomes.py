"""Repeated self-ratings: ONS4 wellbeing, UCLA-3 loneliness, programme ladders."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from peerdesk.domain.dates import check_past_date
from peerdesk.domain.errors import ValidationError
from peerdesk.domain.text import clean_short_text


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


# An item the person chose not to answer. Never a score: a rating with a declined item
# has no total and is left out of every comparison (reports compare complete ratings).
DECLINED = None
Score = int | None
_DECLINED_TEXT = "-"  # how a declined item is stored in rating.scores

REASON_MAX = 300


@dataclass(frozen=True, slots=True)
class RatingDraft:
    peer_id: int
    worker_id: int
    measure: Measure
    rated_on: date
    scores: tuple[Score, ...]  # one per item; None = they declined to answer it

    def validated(self, today: date) -> RatingDraft:
        check_past_date(self.rated_on, today=today, what="Rating date", field="rated_on")
        if len(self.scores) != len(self.measure.items):
            raise ValidationError(
                "{title} has {questions} questions; {answers} answers were given.",
                field="scores", title=self.measure.title, questions=len(self.measure.items),
                answers=len(self.scores))
        for number, score in enumerate(self.scores, start=1):
            if score is not None and not self.measure.low <= score <= self.measure.high:
                raise ValidationError(
                    "Answer {number} must be between {low} and {high}.", field="scores",
                    number=number, low=self.measure.low, high=self.measure.high)
        return self

    @property
    def complete(self) -> bool:
        return all(s is not None for s in self.scores)

    @property
    def total(self) -> int | None:
        """The scores added up; None when any item was declined (never counted as 0)."""
        return sum(s for s in self.scores if s is not None) if self.complete else None


def scores_text(scores: tuple[Score, ...]) -> str:
    """As stored: "7,8,-,3" (a dash for a declined item)."""
    return ",".join(_DECLINED_TEXT if s is None else str(s) for s in scores)


def parse_scores(text: str) -> tuple[Score, ...]:
    return tuple(None if part == _DECLINED_TEXT else int(part) for part in text.split(","))


def show_scores(scores: tuple[Score, ...]) -> str:
    """For people: "7 · 8 · declined · 3"."""
    return " · ".join("declined" if s is None else str(s) for s in scores)


def clean_reason(raw: str, *, what: str = "Reason") -> str:
    """Why a rating is corrected or deleted: required, one line."""
    reason = clean_short_text(raw, what=what, field="reason", maximum=REASON_MAX)
    if not reason:
        raise ValidationError("{what} can't be empty: say why, for the record.",
                              field="reason", what=what)
    return reason
