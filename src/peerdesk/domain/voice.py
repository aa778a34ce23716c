"""Mentoring and the peers' voice: consultations, feedback and quotes (issue 16, items 7–8).

A mentoring pair is a mentor (a supporter, or an experienced peer) and the
peer they mentor; its meetings are one-to-one sessions of kind "mentoring".
Consultations record asking peers (a head-count, never names) and what the
centre did about it. Feedback is a short form against the benefits peer
support names. A quote is a peer's own words, kept under their consent to be
quoted without their name, and printed only once a programme lead approved it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from peerdesk.domain.dates import check_past_date, check_planned_date
from peerdesk.domain.errors import ValidationError
from peerdesk.domain.labels import Labelled, set_labels
from peerdesk.domain.text import clean_note, clean_short_text

GOALS_MAX = 2000
SAID_MAX = 4000
QUOTE_MAX = 1000
HEADCOUNT_MAX = 100_000


# -- mentoring ---------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class MentoringDraft:
    mentee_id: int
    starts_on: date
    mentor_supporter_id: int | None = None
    mentor_peer_id: int | None = None
    ends_on: date | None = None
    goals: str = ""

    def validated(self, today: date) -> MentoringDraft:
        if (self.mentor_supporter_id is None) == (self.mentor_peer_id is None):
            raise ValidationError("Choose a mentor: a supporter or an experienced peer.",
                                  field="mentor")
        if self.mentor_peer_id is not None and self.mentor_peer_id == self.mentee_id:
            raise ValidationError("The mentor and the peer they mentor must be two different "
                                  "people.", field="mentor")
        check_planned_date(self.starts_on, today=today, what="Start date", field="starts_on",
                           years_ahead=1)
        if self.ends_on is not None:
            check_planned_date(self.ends_on, today=today, what="End date", field="ends_on",
                               years_ahead=3)
            if self.ends_on < self.starts_on:
                raise ValidationError("The end date is before the start date.",
                                      field="ends_on")
        goals = clean_note(self.goals, what="Goals", field="goals", maximum=GOALS_MAX)
        return MentoringDraft(self.mentee_id, self.starts_on, self.mentor_supporter_id,
                              self.mentor_peer_id, self.ends_on, goals)


def pair_active(starts_on: date, ends_on: date | None, start: date, end: date) -> bool:
    """A pair is active in [start, end] when its dates overlap the period."""
    return starts_on <= end and (ends_on is None or ends_on >= start)


# -- consultations -----------------------------------------------------------------

class ConsultationMethod(Labelled):
    GROUP_DISCUSSION = "group_discussion"
    SURVEY = "survey"
    FEEDBACK_BOX = "feedback_box"


set_labels(ConsultationMethod, {"group_discussion": "Group discussion", "survey": "Survey",
                                "feedback_box": "Feedback box"})


class ActionStatus(Labelled):
    PLANNED = "planned"
    DONE = "done"
    WONT_DO = "wont_do"


set_labels(ActionStatus, {"planned": "Planned", "done": "Done", "wont_do": "Won't do"})


@dataclass(frozen=True, slots=True)
class ConsultationDraft:
    held_on: date
    method: ConsultationMethod
    topic: str
    headcount: int
    said: str = ""
    action: str = ""
    status: ActionStatus = ActionStatus.PLANNED
    why_not: str = ""

    def validated(self, today: date) -> ConsultationDraft:
        check_past_date(self.held_on, today=today, what="Date", field="held_on")
        topic = clean_short_text(self.topic, what="Topic", field="topic")
        if not topic:
            raise ValidationError("{what} can't be empty.", field="topic", what="Topic")
        if not 0 <= self.headcount <= HEADCOUNT_MAX:
            raise ValidationError("How many took part must be between 0 and {maximum:,}.",
                                  field="headcount", maximum=HEADCOUNT_MAX)
        said = clean_note(self.said, what="What was said", field="said", maximum=SAID_MAX)
        action = clean_note(self.action, what="What we will do", field="action",
                            maximum=SAID_MAX)
        why = clean_note(self.why_not, what="Why not", field="why_not", maximum=SAID_MAX)
        status = ActionStatus(self.status)
        if status is ActionStatus.WONT_DO and not why.strip():
            raise ValidationError("Say why it won't be done: peers are told.",
                                  field="why_not")
        if status is not ActionStatus.WONT_DO:
            why = ""
        if status is ActionStatus.DONE and not action.strip():
            raise ValidationError("Say what was done.", field="action")
        return ConsultationDraft(self.held_on, ConsultationMethod(self.method), topic,
                                 self.headcount, said, action, status, why)


# -- feedback ------------------------------------------------------------------------

class Benefit(Labelled):
    """The benefits peer support names, as a fixed coded list."""

    SELF_ESTEEM = "self_esteem"
    LESS_DEPRESSION_ANXIETY = "less_depression_anxiety"
    LESS_ISOLATION = "less_isolation"
    RELATIONSHIPS = "relationships"
    ANGER = "anger"
    ALCOHOL_DRUGS = "alcohol_drugs"
    UNDERSTANDING_ABUSE = "understanding_abuse"
    TRUST = "trust"
    LESS_SELF_DESTRUCTIVE = "less_self_destructive"


set_labels(Benefit, {
    Benefit.SELF_ESTEEM: "Self-confidence and self-esteem",
    Benefit.LESS_DEPRESSION_ANXIETY: "Less depression and anxiety",
    Benefit.LESS_ISOLATION: "Less isolation",
    Benefit.RELATIONSHIPS: "Relationships",
    Benefit.ANGER: "Anger",
    Benefit.ALCOHOL_DRUGS: "Alcohol or drugs",
    Benefit.UNDERSTANDING_ABUSE: "Understanding the impact of abuse",
    Benefit.TRUST: "Trust in themselves and others",
    Benefit.LESS_SELF_DESTRUCTIVE: "Less self-destructive behaviour",
})


class FeedbackSource(Labelled):
    ANONYMOUS = "anonymous"
    STAFF = "staff"


set_labels(FeedbackSource, {"anonymous": "Filled in anonymously",
                            "staff": "Entered by staff with the peer"})


@dataclass(frozen=True, slots=True)
class FeedbackDraft:
    given_on: date
    source: FeedbackSource
    benefits: frozenset[Benefit] = frozenset()
    helped: str = ""
    comments: str = ""

    def validated(self, today: date) -> FeedbackDraft:
        check_past_date(self.given_on, today=today, what="Date", field="given_on")
        helped = clean_note(self.helped, what="What helped", field="helped", maximum=SAID_MAX)
        comments = clean_note(self.comments, what="Anything else", field="comments",
                              maximum=SAID_MAX)
        benefits = frozenset(Benefit(b) for b in self.benefits)
        if not benefits and not helped.strip() and not comments.strip():
            raise ValidationError("The form is empty: tick a change or write something.",
                                  field="benefits")
        return FeedbackDraft(self.given_on, FeedbackSource(self.source), benefits, helped,
                             comments)


# -- quotes ----------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class QuoteDraft:
    peer_id: int
    said_on: date
    words: str

    def validated(self, today: date) -> QuoteDraft:
        check_past_date(self.said_on, today=today, what="Date", field="said_on")
        words = clean_note(self.words.strip(), what="The quote", field="words",
                           maximum=QUOTE_MAX)
        if not words:
            raise ValidationError("{what} can't be empty.", field="words", what="The quote")
        return QuoteDraft(self.peer_id, self.said_on, words)


_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
# Seven or more digits, allowing spaces, dots, dashes, brackets and a leading +.
_PHONE = re.compile(r"(?<!\w)\+?\(?\d[\d\s().-]{5,}\d(?!\w)")
_REF = re.compile(r"(?<!\w)P-?\d{1,9}(?!\w)", re.IGNORECASE)


class QuoteFlag(Labelled):
    """What a quote was flagged for."""

    NAME = "name"
    REFERENCE = "reference"
    PHONE = "phone"
    EMAIL = "email"


set_labels(QuoteFlag, {"name": "a person's name or alias", "reference": "a reference code",
                       "phone": "a phone number", "email": "an email address"})


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def quote_warnings(words: str, names: Iterable[str]) -> frozenset[QuoteFlag]:
    """What in a quote could identify someone: any of `names` (peers', supporters',
    staff members' names and aliases) as whole words, a reference code, a phone
    number or an email address."""
    found: set[QuoteFlag] = set()
    if _EMAIL.search(words):
        found.add(QuoteFlag.EMAIL)
    if _REF.search(words):
        found.add(QuoteFlag.REFERENCE)
    for match in _PHONE.finditer(words):
        if sum(ch.isdigit() for ch in match.group()) >= 7:
            found.add(QuoteFlag.PHONE)
            break
    tokens = _words(words)
    if tokens:
        joined = " " + " ".join(tokens) + " "
        for name in names:
            parts = _words(name)
            # Every part of a name, and the name whole: "Maria" in "Maria Lopez".
            for part in parts:
                if len(part) >= 2 and f" {part} " in joined:
                    found.add(QuoteFlag.NAME)
                    break
            if QuoteFlag.NAME in found:
                break
    return frozenset(found)
