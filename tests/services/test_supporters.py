"""The supporters register: role rules at the service, bad input, the matrix, Today."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader

from peerdesk.domain.audit import AuditAction
from peerdesk.domain.errors import NotFound, PermissionDenied, ValidationError
from peerdesk.domain.supporters import (
    CellState,
    CheckDraft,
    CheckKind,
    CompletionDraft,
    CourseDraft,
    SupporterDraft,
    SupporterRole,
    SupporterStatus,
    add_months,
)
from peerdesk.services import supporters
from peerdesk.services.session import Session
from peerdesk.storage.paths import VaultPaths
from peerdesk.storage.repositories import audit as audit_repo
from tests.fixtures.vaults import close, sign_in
from tests.services.supporters_helpers import TODAY, add_supporter, safeguarding_course


def _staff_id(session: Session, name: str) -> int:
    return int(session.db.scalar("SELECT id FROM staff WHERE name = ?", (name,)))


def test_the_eight_competencies_are_seeded_and_the_centre_can_add_its_own(lead: Session) -> None:
    names = [c.name for c in supporters.competencies(lead)]
    assert names == ["Safety", "Lived experience", "Confidentiality", "Mutual support",
                     "Cultural attunement", "Collaboration", "Self-reflection", "Hope"]
    supporters.add_competency(lead, "Trauma-informed practice")
    assert supporters.competencies(lead)[-1].name == "Trauma-informed practice"
    with pytest.raises(ValidationError) as caught:
        supporters.add_competency(lead, "safety")
    assert caught.value.field == "name"


def test_the_matrix_tells_current_due_soon_expired_and_missing(lead: Session) -> None:
    course = safeguarding_course(lead, 12)
    comps = {c.name: c.id for c in supporters.competencies(lead)}
    hope = supporters.add_course(lead, CourseDraft("Hope and recovery",
                                                   frozenset({comps["Hope"]}), None))
    ana, ben, cy = (add_supporter(lead, n) for n in ("Ana", "Ben", "Cy"))
    # Ana: current (done 2026-01-10, renew 2027-01-10); Ben: due soon (lapses 2026-07-01);
    # Cy: expired (lapsed 2026-03-01). Hope never lapses.
    for who, on in ((ana, date(2026, 1, 10)), (ben, date(2025, 7, 1)), (cy, date(2025, 3, 1))):
        supporters.record_completion(lead, CompletionDraft(who, course, on), today=TODAY)
    supporters.record_completion(lead, CompletionDraft(cy, hope, date(2020, 5, 1)), today=TODAY)
    grid = supporters.matrix(lead, today=TODAY)
    cells = {r.name: dict(zip(grid.competencies, r.cells, strict=True)) for r in grid.rows}
    assert cells["Ana"]["Safety"] is CellState.CURRENT
    assert cells["Ana"]["Confidentiality"] is CellState.CURRENT
    assert cells["Ben"]["Safety"] is CellState.DUE_SOON
    assert cells["Cy"]["Safety"] is CellState.EXPIRED
    assert cells["Cy"]["Hope"] is CellState.CURRENT
    assert cells["Ana"]["Hope"] is CellState.MISSING
    assert grid.count(CellState.MISSING) == 3 * 8 - 7


def test_the_matrix_prints_and_reads_back(lead: Session, tmp_path: Path) -> None:
    course = safeguarding_course(lead)
    ana = add_supporter(lead, "Ana Example")
    supporters.record_completion(lead, CompletionDraft(ana, course, date(2026, 1, 10)),
                                 today=TODAY)
    supporters.record_check(lead, CheckDraft(ana, CheckKind.VETTING, date(2025, 1, 2),
                                             "SECRET-REF-991", date(2028, 1, 2)), today=TODAY)
    out = tmp_path / "matrix.pdf"
    assert supporters.matrix_pdf(lead, out, today=TODAY) == 1
    text = "".join(page.extract_text() for page in PdfReader(out).pages)
    assert "Competency matrix" in text and "Ana Example" in text
    assert "Current" in text and "Missing" in text
    assert "SECRET-REF-991" not in text
    last = audit_repo.recent(lead.db, limit=1)[0]
    assert last.action is AuditAction.PRINTED and "Ana" not in last.detail


def test_bad_input_gets_a_message_at_its_field_and_saves_nothing(lead: Session) -> None:
    ana = add_supporter(lead, "Ana")
    course = safeguarding_course(lead)

    def refused(field: str, call: object) -> str:
        before = supporters.open_record(lead, ana)
        with pytest.raises(ValidationError) as caught:
            call()  # type: ignore[operator]
        assert caught.value.field == field
        after = supporters.open_record(lead, ana)
        assert (after.completions, after.checks) == (before.completions, before.checks)
        return caught.value.user_message

    # A renewal in the past: before the day it was completed.
    msg = refused("renew_by", lambda: supporters.record_completion(lead, CompletionDraft(
        ana, course, date(2026, 3, 1), renew_by=date(2026, 2, 1)), today=TODAY))
    assert "must come after the day it was completed" in msg
    # An expiry before the check date.
    msg = refused("expires_on", lambda: supporters.record_check(lead, CheckDraft(
        ana, CheckKind.VETTING, date(2026, 3, 1), "R1", date(2026, 1, 1)), today=TODAY))
    assert "must come after the check date" in msg
    refused("checked_on", lambda: supporters.record_check(lead, CheckDraft(
        ana, CheckKind.CODE_OF_CONDUCT, date(2026, 7, 1)), today=TODAY))
    refused("completed_on", lambda: supporters.record_completion(lead, CompletionDraft(
        ana, course, date(2026, 7, 1)), today=TODAY))
    with pytest.raises(ValidationError) as caught:
        supporters.add_course(lead, CourseDraft("Refresher", frozenset({1}), 0))
    assert caught.value.field == "renewal_months"
    with pytest.raises(ValidationError) as caught:
        supporters.add(lead, SupporterDraft("Bo", frozenset(), date(2025, 1, 1)), today=TODAY)
    assert caught.value.field == "roles"
    assert [s.preferred_name for s in supporters.register(lead)] == ["Ana"]


def test_a_renewal_interval_sets_the_renewal_date(lead: Session) -> None:
    course = safeguarding_course(lead, 12)
    ana = add_supporter(lead, "Ana")
    supporters.record_completion(lead, CompletionDraft(ana, course, date(2024, 2, 29)),
                                 today=TODAY)
    assert supporters.open_record(lead, ana).completions[0].valid_until == date(2025, 2, 28)
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)


def test_status_history_keeps_its_dates(lead: Session) -> None:
    ana = add_supporter(lead, "Ana", status=SupporterStatus.IN_TRAINING)
    supporters.set_status(lead, ana, SupporterStatus.ACTIVE, date(2025, 3, 1), today=TODAY)
    supporters.set_status(lead, ana, SupporterStatus.ON_BREAK, date(2026, 2, 1), today=TODAY)
    record = supporters.open_record(lead, ana)
    assert [(s.status, s.since) for s in record.statuses] == [
        (SupporterStatus.IN_TRAINING, date(2025, 1, 6)),
        (SupporterStatus.ACTIVE, date(2025, 3, 1)),
        (SupporterStatus.ON_BREAK, date(2026, 2, 1))]
    assert record.supporter.status is SupporterStatus.ON_BREAK
    with pytest.raises(ValidationError) as caught:
        supporters.set_status(lead, ana, SupporterStatus.LEFT, date(2024, 1, 1), today=TODAY)
    assert caught.value.field == "since"


def test_today_names_checks_and_training_that_expire_within_30_days(lead: Session) -> None:
    course = safeguarding_course(lead, 12)
    ana, ben = add_supporter(lead, "Ana"), add_supporter(lead, "Ben")
    left = add_supporter(lead, "Gone")
    supporters.set_status(lead, left, SupporterStatus.LEFT, date(2026, 1, 1), today=TODAY)
    supporters.record_check(lead, CheckDraft(ana, CheckKind.VETTING, date(2023, 7, 1), "X",
                                             date(2026, 7, 1)), today=TODAY)
    supporters.record_check(lead, CheckDraft(ben, CheckKind.VETTING, date(2024, 1, 1), "Y",
                                             date(2027, 1, 1)), today=TODAY)
    supporters.record_check(lead, CheckDraft(left, CheckKind.VETTING, date(2023, 7, 1), "Z",
                                             date(2026, 7, 1)), today=TODAY)
    supporters.record_completion(lead, CompletionDraft(ben, course, date(2025, 7, 10)),
                                 today=TODAY)
    # Renewed: the older, expiring check is no longer due.
    supporters.record_check(lead, CheckDraft(ben, CheckKind.CODE_OF_CONDUCT, date(2024, 1, 1),
                                             "", date(2026, 6, 20)), today=TODAY)
    supporters.record_check(lead, CheckDraft(ben, CheckKind.CODE_OF_CONDUCT, date(2026, 6, 1),
                                             "", date(2028, 6, 1)), today=TODAY)
    due = supporters.expiring(lead, today=TODAY)
    assert [(e.name, e.what, e.on) for e in due] == [
        ("Ana", "Police vetting or background check", date(2026, 7, 1)),
        ("Ben", "Training: Safeguarding", date(2026, 7, 10))]


def test_role_rules_are_kept_by_the_services(vault: VaultPaths) -> None:
    lead = sign_in(vault, "Lee Lead")
    try:
        pia = add_supporter(lead, "Pia", staff_id=_staff_id(lead, "Pia Peer"))
        other = add_supporter(lead, "Someone else")
    finally:
        close(lead)
    admin = sign_in(vault, "Ada Admin")
    try:  # administrators keep the register too (main database)
        assert {s.preferred_name for s in supporters.register(admin)} == {"Pia", "Someone else"}
        supporters.record_check(admin, CheckDraft(other, CheckKind.CONFIDENTIALITY,
                                                  date(2025, 2, 1)), today=TODAY)
    finally:
        close(admin)
    for name in ("Pia Peer", "Cal Worker"):
        session = sign_in(vault, name)
        try:
            for call in (lambda s=session: supporters.register(s),
                         lambda s=session: supporters.matrix(s, today=TODAY),
                         lambda s=session: supporters.open_record(s, other),
                         lambda s=session: supporters.add(s, SupporterDraft(
                             "X", frozenset({SupporterRole.MENTOR}), date(2025, 1, 1))),
                         lambda s=session: supporters.record_check(s, CheckDraft(
                             pia, CheckKind.VETTING, date(2025, 1, 1))),
                         lambda s=session: supporters.check_reference(s, 1),
                         lambda s=session: supporters.set_status(
                             s, pia, SupporterStatus.LEFT, date(2026, 1, 1))):
                with pytest.raises(PermissionDenied):
                    call()
            assert supporters.expiring(session, today=TODAY) == []
        finally:
            close(session)
    pia_session = sign_in(vault, "Pia Peer")
    try:  # a supporter sees their own record
        own = supporters.my_record(pia_session)
        assert own is not None and own.id == pia
        record = supporters.open_record(pia_session, pia)
        assert record.supporter.preferred_name == "Pia"
        assert record.account_name == "Pia Peer"
        viewed = audit_repo.recent(pia_session.db, limit=1)[0]
        assert (viewed.action, viewed.target_kind, viewed.target_id) == (
            AuditAction.VIEWED, "supporter", str(pia))
    finally:
        close(pia_session)


def test_an_account_links_to_one_supporter_only(lead: Session) -> None:
    pia = _staff_id(lead, "Pia Peer")
    add_supporter(lead, "Pia", staff_id=pia)
    with pytest.raises(ValidationError) as caught:
        add_supporter(lead, "Pia again", staff_id=pia)
    assert caught.value.field == "staff_id"


def test_adding_and_changing_check_a_supporter_the_same_way(lead: Session,
                                                            vault: VaultPaths) -> None:
    """One check serves both: the role, the draft's fields, the linked account."""
    ana = add_supporter(lead, "Ana")
    no_account = int(lead.db.scalar("SELECT max(id) FROM staff")) + 1
    for save in (lambda d: supporters.add(lead, d, today=TODAY),
                 lambda d: supporters.change(lead, ana, d, today=TODAY)):
        with pytest.raises(NotFound):
            save(SupporterDraft("Ana", frozenset({SupporterRole.MENTOR}), date(2025, 1, 6),
                                staff_id=no_account))
        with pytest.raises(ValidationError) as caught:
            save(SupporterDraft("", frozenset({SupporterRole.MENTOR}), date(2025, 1, 6)))
        assert caught.value.field == "name"
    assert [(s.preferred_name, s.staff_id) for s in supporters.register(lead)] == [("Ana", None)]
    close(lead)
    pia = sign_in(vault, "Pia Peer")
    try:
        for refused in (lambda: supporters.add(pia, SupporterDraft(
                            "Bo", frozenset({SupporterRole.MENTOR}), date(2025, 1, 6))),
                        lambda: supporters.change(pia, ana, SupporterDraft(
                            "Bo", frozenset({SupporterRole.MENTOR}), date(2025, 1, 6)))):
            with pytest.raises(PermissionDenied):
                refused()
    finally:
        close(pia)


def test_the_demo_vault_has_a_realistic_spread_of_supporters(demo_vault: VaultPaths) -> None:
    from peerdesk.services.demo import DEMO_LEAD, DEMO_PASSWORD, DEMO_SUPPORTERS

    session = sign_in(demo_vault, DEMO_LEAD, DEMO_PASSWORD)
    try:
        everyone = supporters.register(session)
        assert len(everyone) >= 12
        assert {s.status for s in everyone} >= {SupporterStatus.ACTIVE}
        grid = supporters.matrix(session)
        states = {cell for row in grid.rows for cell in row.cells}
        assert CellState.CURRENT in states and CellState.MISSING in states
        assert CellState.EXPIRED in states or CellState.DUE_SOON in states
        assert supporters.expiring(session), "some checks or training expire soon"
    finally:
        close(session)
    mei = sign_in(demo_vault, DEMO_SUPPORTERS[0], DEMO_PASSWORD)
    try:
        own = supporters.my_record(mei)
        assert own is not None
        with pytest.raises(PermissionDenied):
            supporters.register(mei)
    finally:
        close(mei)


def test_the_demo_vault_has_supervision_and_hours(demo_vault: VaultPaths) -> None:
    from peerdesk.services import supervision
    from peerdesk.services.demo import DEMO_LEAD, DEMO_PASSWORD

    session = sign_in(demo_vault, DEMO_LEAD, DEMO_PASSWORD)
    try:
        everyone = supporters.register(session)
        assert sum(len(supervision.supervisions(session, s.id)) for s in everyone) > 50
        year = supervision.timesheet(session, date.today() - timedelta(days=365), date.today())
        kinds = {k for row in year.rows for k in row.minutes}
        assert {"one_to_one", "group", "contact", "training"} <= kinds
    finally:
        close(session)


def test_the_demo_vault_has_journals_and_supervision_notes(demo_vault: VaultPaths) -> None:
    from peerdesk.services import supervision
    from peerdesk.services.demo import DEMO_LEAD, DEMO_PASSWORD, DEMO_SUPPORTERS

    mei = sign_in(demo_vault, DEMO_SUPPORTERS[0], DEMO_PASSWORD)
    try:
        entries = supervision.my_entries(mei)
        assert len(entries) >= 3
        assert supervision.read_entry(mei, entries[0].id).strip()
        shared = [e for e in entries if e.shared_with is not None]
        own_id = entries[0].id
    finally:
        close(mei)
    session = sign_in(demo_vault, DEMO_LEAD, DEMO_PASSWORD)
    try:
        with pytest.raises(PermissionDenied):  # private to its author
            supervision.read_entry(session, own_id)
        noted = [held for s in supporters.register(session)
                 for held in supervision.supervisions(session, s.id) if held.has_notes]
        assert len(noted) >= 5
        assert supervision.read_notes(session, noted[0].id).strip()
    finally:
        close(session)
    # At least one writer shared an entry with a supervisor who signs in.
    writers = [DEMO_SUPPORTERS[0], DEMO_SUPPORTERS[1], DEMO_SUPPORTERS[2]]
    shared_any = bool(shared)
    for name in writers[1:]:
        other = sign_in(demo_vault, name, DEMO_PASSWORD)
        try:
            shared_any = shared_any or any(e.shared_with is not None
                                           for e in supervision.my_entries(other))
        finally:
            close(other)
    assert shared_any
