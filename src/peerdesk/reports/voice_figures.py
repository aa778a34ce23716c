"""The peers' voice in figures, for the report's Programme section (issue 16 item 9).

Counts only, for a period: mentoring pairs active in it (their dates overlap
the period), consultations held in it and how many of their actions are done,
feedback forms given in it and how many named each benefit. No names, no
words. They are raw counts: the report's Programme section
(reports.programme_figures, its ROWS) prints them only as tables that go
through disclosure control like every other (reports.cells, services.releases).
"""

from __future__ import annotations

from contextlib import nullcontext
from dataclasses import dataclass, field

from peerdesk.domain.voice import Benefit
from peerdesk.reports.peer_sets import EXCLUDED, prepared
from peerdesk.reports.period import Period
from peerdesk.storage.database import Database
from peerdesk.storage.repositories import voice as repo

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


def compute(db: Database, period: Period) -> VoiceFigures:
    """The period's figures, on their own (one snapshot; peers left out of reports for
    withdrawn statistics consent are left out of the pairs)."""
    snapshot = nullcontext(db) if db.in_transaction else db.read_snapshot()
    with snapshot, prepared(db, period):
        return counted(db, period)


def counted(db: Database, period: Period) -> VoiceFigures:
    """Inside a report's count (figures.compute): its peer sets are already filled."""
    held, done = repo.consultation_counts(db, period.start, period.end)
    forms, benefits = repo.feedback_by_benefit(db, period.start, period.end)
    return VoiceFigures(repo.active_pairs(db, period.start, period.end, left_out=EXCLUDED),
                        held, done, forms, benefits)
