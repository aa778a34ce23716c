"""The peers' voice in figures, for the report's Programme section (issue 16 item 9).

Counts only, for a period: mentoring pairs active in it (their dates overlap
the period), consultations held in it and how many of their actions are done,
feedback forms given in it and how many named each benefit. No names, no
words. They are raw counts: the report's Programme section
(reports.programme_figures, its ROWS) prints them only as tables that go
through disclosure control like every other (reports.cells, services.releases).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from peerdesk.domain.labels import parse_codes
from peerdesk.domain.voice import Benefit
from peerdesk.reports.figure_queries import source, span_of
from peerdesk.reports.period import Period

VOICE_TABLE = "programme_voice"
BENEFITS_TABLE = "programme_feedback"
# Row labels of VOICE_TABLE (the report, reports.cells and the tests name them).
ACTIVE_PAIRS = "Active mentoring pairs"
CONSULTATIONS_HELD = "Consultations held"
ACTIONS_DONE = "Consultation actions done"
FEEDBACK_FORMS = "Feedback forms"


@dataclass(frozen=True, slots=True)
class VoiceFigures:
    active_pairs: int
    consultations_held: int
    actions_done: int
    feedback_forms: int
    by_benefit: dict[Benefit, int] = field(default_factory=dict)


def compute(db: Any, period: Period) -> VoiceFigures:
    """The period's figures, on their own (one snapshot; peers left out of reports for
    withdrawn statistics consent are left out of the pairs)."""
    q = source(db)
    with q.counting(period):
        return counted(q, period)


def counted(db: Any, period: Period) -> VoiceFigures:
    """Inside a report's count (figures.compute): its peer sets are already filled.
    `db`: the vault's Database or a figure source (reports.figure_queries)."""
    q = source(db)
    span = span_of(period)
    held, done = q.consultations(span)
    benefits = dict.fromkeys(Benefit, 0)
    forms = 0
    for code, n in q.feedback_benefits(span):
        forms += int(n)
        for b in parse_codes(Benefit, str(code)):
            benefits[b] += int(n)
    return VoiceFigures(q.active_pairs(span), held, done, forms, benefits)
