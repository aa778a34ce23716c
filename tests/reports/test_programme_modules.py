"""The Programme section with courses in modules: "newly trained" counts a course
completed through its modules on the day its last module was done, and a module's own
competency counts towards "training current" on its own. Counted by hand."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from peerdesk.domain.supporters import (
    CompletionDraft,
    CourseDraft,
    ModuleDraft,
    ModulesDoneDraft,
    SupporterDraft,
    SupporterRole,
    SupporterStatus,
)
from peerdesk.reports import figures
from peerdesk.reports import programme_figures as programme
from peerdesk.reports.period import Period
from peerdesk.services import supporters
from tests.services.caseload_helpers import lead_in_new_centre

TODAY = date(2026, 11, 22)
OCT = Period.month(2026, 10)


def test_modules_in_the_programme_section(tmp_path: Path) -> None:
    """October 2026. Safeguarding (Safety, every 12 months) in three modules; the third,
    "Self-care", counts for Self-reflection on its own.

    - Ana did modules 1 and 2 in September and 3 on 12 October: Safeguarding completed
      12 October, her first course: newly trained; Safety and Self-reflection current.
    - Ben did modules 1 and 3 in October: not trained (no course complete), Safety not
      current; Self-reflection current from module 3 alone.
    - Cy did the whole course on 1 March 2026 (recorded as a whole) and module 3 in
      2024 (lapsed in 2025): Safety current, Self-reflection not; trained before October.
    - Dee did all three modules in 2025, the last on 5 May 2025: course lapsed 5 May 2026.
    """
    lead = lead_in_new_centre(tmp_path)
    try:
        comps = {c.name: c.id for c in supporters.competencies(lead)}
        course = supporters.add_course(lead, CourseDraft(
            "Safeguarding", frozenset({comps["Safety"]}), 12))
        one, two, three = (supporters.add_module(lead, course, ModuleDraft(n, frozenset(o)))
                           for n, o in (("Spotting harm", ()), ("Reporting", ()),
                                        ("Self-care", (comps["Self-reflection"],))))

        def person(name: str) -> int:
            return supporters.add(lead, SupporterDraft(
                name, frozenset({SupporterRole.VOLUNTEER}), date(2024, 1, 8)),
                status=SupporterStatus.ACTIVE, today=TODAY)

        def done(who: int, modules: tuple[int, ...], on: date) -> None:
            supporters.record_modules(lead, ModulesDoneDraft(who, course, frozenset(modules),
                                                             on), today=TODAY)

        ana, ben, cy, dee = (person(n) for n in ("Ana", "Ben", "Cy", "Dee"))
        done(ana, (one, two), date(2026, 9, 20))
        done(ana, (three,), date(2026, 10, 12))
        done(ben, (one, three), date(2026, 10, 3))
        supporters.record_completion(lead, CompletionDraft(cy, course, date(2026, 3, 1)),
                                     today=TODAY)
        done(cy, (three,), date(2024, 2, 1))
        done(dee, (one, two), date(2025, 4, 1))
        done(dee, (three,), date(2025, 5, 5))
        raw = figures.compute(lead.db, OCT)
        people = {label: v[0] for label, v in raw.tables["programme_supporters"].rows}
        assert people[programme.NEWLY_TRAINED] == 1  # Ana
        currency = {label: v[0] for label, v in raw.tables["programme_currency"].rows}
        assert currency["Safety"] == 2            # Ana, Cy
        assert currency["Self-reflection"] == 2   # Ana, Ben
        assert currency["Hope"] == 0
        # September: nobody completed a course yet that month (Dee's was in 2025).
        september = figures.compute(lead.db, Period.month(2026, 9))
        assert {label: v[0] for label, v in september.tables["programme_supporters"].rows
                }[programme.NEWLY_TRAINED] == 0
    finally:
        lead.db.close()
