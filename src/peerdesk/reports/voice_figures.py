"""The peers' voice in figures, for the report's Programme section (issue 16 item 9).

Counts only, for a period: mentoring pairs active in it (their dates overlap
the period), consultations held in it and how many of their actions are done,
feedback forms given in it and how many named each benefit. No names, no
words. They are raw counts: a report prints them only as tables that go
through disclosure control like every other (reports.cells, services.releases).
"""

from __future__ import annotations

from contextlib import nullcontext
from dataclasses import dataclass, field

from peerdesk.domain.voice import Benefit
from peerdesk.reports.figures import RawTable
from peerdesk.reports.peer_sets import EXCLUDED, prepared
from peerdesk.reports.period import Period
from peerdesk.storage.database import Database
from peerdesk.storage.repositories import voice as repo

VOICE_TABLE = "programme_voice"
BENEFITS_TABLE = "feedback_benefits"


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


def raw_tables(fig: VoiceFigures) -> list[RawTable]:
    """The three rows (and the benefits) as raw tables for the Programme section: no
    totals, since one row is not the sum of others (a form can name several benefits)."""
    return [
        RawTable(VOICE_TABLE, "Mentoring and the peers' voice", "Figure", ("Count",), (
            ("Active mentoring pairs", (fig.active_pairs,)),
            ("Consultations held", (fig.consultations_held,)),
            ("Consultation actions done", (fig.actions_done,)),
            ("Feedback forms", (fig.feedback_forms,)),
        ), total_row=False),
        RawTable(BENEFITS_TABLE, "What changed for peers (feedback, by benefit)", "Benefit",
                 ("Forms",), tuple((b.label, (fig.by_benefit.get(b, 0),)) for b in Benefit),
                 total_row=False),
    ]
