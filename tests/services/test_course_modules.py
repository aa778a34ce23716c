"""Modules inside courses (issue 16, item 2): a course with modules is completed on the
day its last module is done; a module mapped to a competency counts for it on its own;
courses without modules behave as before. Worked by hand against a real vault."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from peerdesk.domain.audit import AuditAction
from peerdesk.domain.errors import PermissionDenied, ValidationError
from peerdesk.domain.supporters import (
    CellState,
    CompletionDraft,
    CourseDraft,
    ModuleDraft,
    ModulesDoneDraft,
)
from peerdesk.services import supporters
from peerdesk.services.session import Session
from peerdesk.storage.paths import VaultPaths
from peerdesk.storage.repositories import audit as audit_repo
from tests.fixtures.vaults import close, sign_in
from tests.services.supporters_helpers import (
    TODAY,
    add_supporter,
    competency_ids,
    safeguarding_course,
)


def _safeguarding(session: Session) -> tuple[int, list[int]]:
    """Safeguarding (Safety, Confidentiality; renew every 12 months) in three modules:
    "Spotting harm", "Reporting", and "Looking after yourself", which also counts for
    Self-reflection on its own."""
    course = safeguarding_course(session, 12)
    modules = [supporters.add_module(session, course, ModuleDraft("Spotting harm")),
               supporters.add_module(session, course, ModuleDraft("Reporting")),
               supporters.add_module(session, course, ModuleDraft(
                   "Looking after yourself",
                   frozenset({competency_ids(session)["Self-reflection"]})))]
    return course, modules


def _done(session: Session, who: int, course: int, modules: list[int], on: date,
          renew_by: date | None = None) -> int | None:
    return supporters.record_modules(session, ModulesDoneDraft(
        who, course, frozenset(modules), on, renew_by), today=TODAY)


def _cells(session: Session) -> dict[str, dict[str, tuple[CellState, str]]]:
    grid = supporters.matrix(session, today=TODAY)
    return {r.name: {c: (cell, note) for c, cell, note in
                     zip(grid.competencies, r.cells, r.notes, strict=True)}
            for r in grid.rows}


def test_a_course_counts_as_completed_on_the_day_its_last_module_was(lead: Session) -> None:
    course, (harm, report, care) = _safeguarding(lead)
    ana = add_supporter(lead, "Ana")
    assert _done(lead, ana, course, [report], date(2026, 2, 1)) is None
    assert _done(lead, ana, course, [care], date(2026, 3, 5)) is None
    # Back-dated: the last module entered was done first; the course dates from 5 March.
    made = _done(lead, ana, course, [harm], date(2026, 1, 10))
    assert made is not None
    # Both audited (the modules, then the course they completed), by number, never name.
    events = audit_repo.recent(lead.db, limit=2)
    assert [(e.action, e.target_kind, e.target_id) for e in events] == [
        (AuditAction.CHANGED, "supporter", str(ana))] * 2
    assert "Ana" not in " ".join(e.detail for e in events)
    record = supporters.open_record(lead, ana)
    [completion] = record.completions
    assert (completion.course_id, completion.completed_on, completion.valid_until,
            completion.from_modules) == (course, date(2026, 3, 5), date(2027, 3, 5), True)
    assert [(m.module_id, m.completed_on, m.valid_until) for m in record.module_completions
            ] == [(care, date(2026, 3, 5), date(2027, 3, 5)),
                  (report, date(2026, 2, 1), date(2027, 2, 1)),
                  (harm, date(2026, 1, 10), date(2027, 1, 10))]
    assert [(p.course_name, p.label) for p in record.progress] == [
        ("Safeguarding", "0 of 3 modules")]
    assert record.module_names[care] == "Safeguarding: Looking after yourself"
    cells = _cells(lead)["Ana"]
    assert cells["Safety"] == cells["Confidentiality"] == (CellState.CURRENT, "")
    assert cells["Self-reflection"] == (CellState.CURRENT, "")
    assert cells["Hope"] == (CellState.MISSING, "")


def test_the_matrix_with_modules_counted_by_hand(lead: Session, tmp_path: Path) -> None:
    """On 15 June 2026:
    - Ben did "Spotting harm" (1 Mar 2026) and "Looking after yourself" (1 Jul 2025):
      the course is not complete, Safety and Confidentiality missing with 2 of 3 modules;
      Self-reflection from the module alone, lapsing 1 Jul 2026: due soon.
    - Cy completed the whole course on 1 May 2025 (before it had modules were used),
      lapsed 1 May 2026: expired; started again with "Reporting" on 1 Jun 2026: 1 of 3.
      No Self-reflection: the whole course doesn't count for a module's own competency.
    - Dee did "Looking after yourself" on 10 Jan 2025: lapsed 10 Jan 2026, expired, and
      nothing else: Safety missing, 1 of 3.
    - Eve: nothing at all.
    """
    course, (harm, report, care) = _safeguarding(lead)
    ben, cy, dee, _eve = (add_supporter(lead, n) for n in ("Ben", "Cy", "Dee", "Eve"))
    _done(lead, ben, course, [harm], date(2026, 3, 1))
    _done(lead, ben, course, [care], date(2025, 7, 1))
    supporters.record_completion(lead, CompletionDraft(cy, course, date(2025, 5, 1)),
                                 today=TODAY)
    _done(lead, cy, course, [report], date(2026, 6, 1))
    _done(lead, dee, course, [care], date(2025, 1, 10))
    cells = _cells(lead)
    assert cells["Ben"]["Safety"] == (CellState.MISSING, "2 of 3 modules")
    assert cells["Ben"]["Confidentiality"] == (CellState.MISSING, "2 of 3 modules")
    assert cells["Ben"]["Self-reflection"] == (CellState.DUE_SOON, "")
    assert cells["Cy"]["Safety"] == (CellState.EXPIRED, "1 of 3 modules")
    assert cells["Cy"]["Self-reflection"] == (CellState.MISSING, "")
    assert cells["Dee"]["Safety"] == (CellState.MISSING, "1 of 3 modules")
    assert cells["Dee"]["Self-reflection"] == (CellState.EXPIRED, "")
    assert set(cells["Eve"].values()) == {(CellState.MISSING, "")}
    grid = supporters.matrix(lead, today=TODAY)
    assert grid.count(CellState.MISSING) == 4 * 8 - 4  # Ben 1, Cy 2, Dee 1 not missing
    assert grid.count(CellState.EXPIRED) == 3 and grid.count(CellState.DUE_SOON) == 1
    # The printed matrix says the same.
    out = tmp_path / "matrix.pdf"
    assert supporters.matrix_pdf(lead, out, today=TODAY) == 1
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(out).pages)
    assert "2 of 3 modules" in text and "1 of 3 modules" in text
    assert "Due soon" in text and "Expired" in text
    # Cy finishes the round: the course is renewed from the day of the last module.
    _done(lead, cy, course, [harm, care], date(2026, 6, 10))
    assert supporters.open_record(lead, cy).completions[0].completed_on == date(2026, 6, 10)
    assert _cells(lead)["Cy"]["Safety"] == (CellState.CURRENT, "")


def test_a_renewal_needs_every_module_again(lead: Session) -> None:
    course, modules = _safeguarding(lead)
    ana = add_supporter(lead, "Ana")
    _done(lead, ana, course, modules, date(2025, 3, 1))
    # A year on, two of three modules redone: still the 2025 completion.
    _done(lead, ana, course, modules[:2], date(2026, 3, 10))
    record = supporters.open_record(lead, ana)
    assert [c.completed_on for c in record.completions] == [date(2025, 3, 1)]
    assert record.progress[0].label == "2 of 3 modules"
    assert record.progress[0].last_completed == date(2025, 3, 1)
    assert _cells(lead)["Ana"]["Safety"] == (CellState.EXPIRED, "2 of 3 modules")
    # A certificate date typed for the last module renews the course to that date.
    _done(lead, ana, course, modules[2:], date(2026, 4, 1), renew_by=date(2026, 12, 31))
    newest = supporters.open_record(lead, ana).completions[0]
    assert (newest.completed_on, newest.valid_until) == (date(2026, 4, 1), date(2026, 12, 31))


def test_retiring_a_module_completes_the_course_for_those_who_did_the_rest(
        lead: Session) -> None:
    course, (harm, report, care) = _safeguarding(lead)
    ana, ben = add_supporter(lead, "Ana"), add_supporter(lead, "Ben")
    _done(lead, ana, course, [harm], date(2026, 1, 5))
    _done(lead, ana, course, [care], date(2026, 2, 7))
    _done(lead, ben, course, [harm], date(2026, 1, 5))
    supporters.retire_module(lead, report)
    assert [(c.completed_on, c.from_modules) for c in
            supporters.open_record(lead, ana).completions] == [(date(2026, 2, 7), True)]
    assert supporters.open_record(lead, ben).completions == []
    assert supporters.open_record(lead, ben).progress[0].label == "1 of 2 modules"
    assert [m.retired for m in supporters.modules(lead, course)] == [False, True, False]
    # A retired module can't be ticked; restoring it asks for it again from now on.
    with pytest.raises(ValidationError) as caught:
        _done(lead, ben, course, [report], date(2026, 3, 1))
    assert caught.value.field == "modules"
    supporters.retire_module(lead, report, retired=False)
    assert supporters.open_record(lead, ben).progress[0].label == "1 of 3 modules"
    # Ana keeps her completion: restoring doesn't rewrite history.
    assert len(supporters.open_record(lead, ana).completions) == 1


def test_modules_are_renamed_and_reordered(lead: Session) -> None:
    course, (harm, report, care) = _safeguarding(lead)
    assert supporters.move_module(lead, care, -1)
    assert not supporters.move_module(lead, harm, -1)  # already first
    assert [m.name for m in supporters.modules(lead, course)] == [
        "Spotting harm", "Looking after yourself", "Reporting"]
    assert [m.position for m in supporters.modules(lead, course)] == [1, 2, 3]
    supporters.change_module(lead, report, ModuleDraft("Reporting a concern"))
    assert supporters.modules(lead, course)[2].name == "Reporting a concern"
    assert supporters.modules(lead, course)[2].competency_ids == frozenset()


def test_bad_input_gets_a_message_at_its_field_and_saves_nothing(lead: Session) -> None:
    course, (harm, _report, _care) = _safeguarding(lead)
    other = supporters.add_course(lead, CourseDraft("Listening", frozenset({1}), None))
    other_module = supporters.add_module(lead, other, ModuleDraft("Basics"))
    ana = add_supporter(lead, "Ana")

    def refused(field: str, call: object) -> str:
        before = (supporters.modules(lead, course), supporters.open_record(lead, ana))
        with pytest.raises(ValidationError) as caught:
            call()  # type: ignore[operator]
        assert caught.value.field == field
        after = (supporters.modules(lead, course), supporters.open_record(lead, ana))
        assert after[0] == before[0]
        assert (after[1].completions, after[1].module_completions) == (
            before[1].completions, before[1].module_completions)
        return caught.value.user_message

    assert "can't be empty" in refused(
        "module_name", lambda: supporters.add_module(lead, course, ModuleDraft("   ")))
    assert "already has a module" in refused(
        "module_name", lambda: supporters.add_module(lead, course, ModuleDraft("reporting")))
    assert "already has a module" in refused(
        "module_name", lambda: supporters.change_module(lead, harm, ModuleDraft("Reporting")))
    long_name = "x" * 121
    assert "120" in refused(
        "module_name", lambda: supporters.add_module(lead, course, ModuleDraft(long_name)))
    refused("module_competencies", lambda: supporters.add_module(
        lead, course, ModuleDraft("Extra", frozenset({999}))))
    refused("modules", lambda: _done(lead, ana, course, [], date(2026, 1, 1)))
    refused("modules", lambda: _done(lead, ana, course, [other_module], date(2026, 1, 1)))
    refused("completed_on", lambda: _done(lead, ana, course, [harm], date(2026, 7, 1)))
    assert "must come after" in refused("renew_by", lambda: _done(
        lead, ana, course, [harm], date(2026, 3, 1), renew_by=date(2026, 2, 1)))
    no_modules = supporters.add_course(lead, CourseDraft("Hope", frozenset({8}), None))
    assert "no modules" in refused("modules", lambda: supporters.record_modules(
        lead, ModulesDoneDraft(ana, no_modules, frozenset({harm}), date(2026, 1, 1)),
        today=TODAY))
    # Sharing a name across courses is fine.
    supporters.add_module(lead, other, ModuleDraft("Spotting harm"))


def test_role_rules_for_modules_are_kept_by_the_services(vault: VaultPaths) -> None:
    lead = sign_in(vault, "Lee Lead")
    try:
        course, (harm, report, care) = _safeguarding(lead)
        pia_staff = int(lead.db.scalar("SELECT id FROM staff WHERE name = 'Pia Peer'"))
        pia = add_supporter(lead, "Pia", staff_id=pia_staff)
        _done(lead, pia, course, [harm, care], date(2026, 2, 1))
    finally:
        close(lead)
    admin = sign_in(vault, "Ada Admin")
    try:  # administrators keep the courses too
        supporters.add_module(admin, course, ModuleDraft("Refresher quiz"))
        supporters.retire_module(admin, report)
    finally:
        close(admin)
    for name in ("Pia Peer", "Cal Worker"):
        session = sign_in(vault, name)
        try:
            for call in (
                    lambda s=session: supporters.add_module(s, course, ModuleDraft("Mine")),
                    lambda s=session: supporters.change_module(s, harm, ModuleDraft("Renamed")),
                    lambda s=session: supporters.move_module(s, care, -1),
                    lambda s=session: supporters.retire_module(s, harm),
                    lambda s=session: supporters.record_modules(s, ModulesDoneDraft(
                        pia, course, frozenset({harm}), date(2026, 3, 1)), today=TODAY)):
                with pytest.raises(PermissionDenied):
                    call()
        finally:
            close(session)
    pia_session = sign_in(vault, "Pia Peer")
    try:  # a supporter sees their own progress
        record = supporters.open_record(pia_session, pia)
        assert [p.label for p in record.progress] == ["2 of 3 modules"]
        assert [m.name for m in supporters.modules(pia_session, course)] == [
            "Spotting harm", "Reporting", "Looking after yourself", "Refresher quiz"]
    finally:
        close(pia_session)


def test_the_demo_vault_has_a_course_in_modules_part_completed(demo_vault: VaultPaths) -> None:
    from peerdesk.services.demo import DEMO_LEAD, DEMO_PASSWORD

    session = sign_in(demo_vault, DEMO_LEAD, DEMO_PASSWORD)
    try:
        course = next(c for c in supporters.courses(session) if supporters.modules(session, c.id))
        assert len(supporters.modules(session, course.id)) == 5
        progress = [p for s in supporters.register(session)
                    for p in supporters.open_record(session, s.id).progress]
        assert any(0 < p.done < p.required for p in progress), "some are part-way"
        completed = [c for s in supporters.register(session)
                     for c in supporters.open_record(session, s.id).completions
                     if c.from_modules]
        assert completed and all(c.course_id == course.id for c in completed)
        notes = [n for row in supporters.matrix(session).rows for n in row.notes if n]
        assert any(n.endswith("of 5 modules") for n in notes)
    finally:
        close(session)


def test_today_names_a_module_that_counts_on_its_own_when_it_lapses(lead: Session) -> None:
    course, (harm, _report, care) = _safeguarding(lead)
    ben = add_supporter(lead, "Ben")
    _done(lead, ben, course, [harm], date(2025, 6, 1))        # no own competency: not listed
    _done(lead, ben, course, [care], date(2025, 7, 1))        # Self-reflection, lapses 1 Jul
    assert [(e.name, e.what, e.on) for e in supporters.expiring(lead, today=TODAY)] == [
        ("Ben", "Training: Safeguarding, module Looking after yourself", date(2026, 7, 1))]
    _done(lead, ben, course, [care], date(2026, 6, 1))        # redone: no longer due
    assert supporters.expiring(lead, today=TODAY) == []
