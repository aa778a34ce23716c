"""Mentoring and the peers' voice: role rules at the service, bad input, the name check,
the report's "In their words" page and the Programme figures."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from peerdesk.domain.audit import AuditAction
from peerdesk.domain.consent import ConsentDraft, ConsentScope
from peerdesk.domain.errors import PermissionDenied, ValidationError
from peerdesk.domain.one_to_one import SessionKind
from peerdesk.domain.supporters import SupporterDraft, SupporterRole, SupporterStatus
from peerdesk.domain.voice import (
    ActionStatus,
    Benefit,
    ConsultationDraft,
    ConsultationMethod,
    FeedbackDraft,
    FeedbackSource,
    MentoringDraft,
    QuoteDraft,
    QuoteFlag,
    quote_warnings,
)
from peerdesk.reports import figures
from peerdesk.reports.period import Period
from peerdesk.services import casework, peers, reports, supporters, voice
from peerdesk.services.session import Session
from peerdesk.storage.paths import VaultPaths
from peerdesk.storage.repositories import audit as audit_repo
from tests.fixtures.vaults import close, sign_in
from tests.services.caseload_helpers import one_to_one, peer

TODAY = date(2026, 11, 22)
NOV = Period.month(2026, 11)
# Canary names: they are in the vault but must never reach a report.
CANARIES = ("Zephyrine", "Quillon", "Morvantle")


@pytest.fixture
def lead(vault: VaultPaths) -> Iterator[Session]:
    session = sign_in(vault, "Lee Lead")
    yield session
    if session.db.is_open:
        close(session)


def _peer(session: Session, name: str, **kw: object) -> int:
    return peers.create(session, peer(name, **kw), today=TODAY)


def _quotable(session: Session, peer_id: int, on: date = date(2026, 10, 1)) -> int:
    return casework.add_consent(session, ConsentDraft(peer_id, ConsentScope.QUOTABLE, on),
                                today=TODAY)


def _supporter(session: Session, name: str = "Mo Mentor") -> int:
    return supporters.add(session, SupporterDraft(name, frozenset({SupporterRole.MENTOR}),
                                                  date(2025, 1, 6)),
                          status=SupporterStatus.ACTIVE, today=TODAY)


# -- mentoring -----------------------------------------------------------------------

def test_a_pair_with_a_supporter_or_a_peer_as_mentor_and_its_meetings(lead: Session) -> None:
    mentee = _peer(lead, "Rosa")
    elder = _peer(lead, "Idris")
    mentor = _supporter(lead)
    first = voice.add_pair(lead, MentoringDraft(mentee, date(2026, 9, 1), mentor,
                                                goals="Confidence at the job centre"),
                           today=TODAY)
    second = voice.add_pair(lead, MentoringDraft(mentee, date(2026, 11, 1), None, elder,
                                                 ends_on=date(2026, 12, 31)), today=TODAY)
    # Two mentoring sessions inside the first pair's dates, one peer-support session.
    for day, kind in ((date(2026, 9, 10), SessionKind.MENTORING),
                      (date(2026, 11, 5), SessionKind.MENTORING),
                      (date(2026, 11, 6), SessionKind.PEER_SUPPORT)):
        casework.log_session(lead, one_to_one(mentee, lead.staff.id, held_on=day, kind=kind),
                             today=TODAY)
    rows = {r.id: r for r in voice.pairs_for_peer(lead, mentee)}
    assert rows[first].mentor == "Mo Mentor" and not rows[first].mentor_is_peer
    assert rows[first].pair.meetings == 2
    assert rows[second].mentor.startswith("Idris (P-") and rows[second].mentor_is_peer
    assert rows[second].pair.meetings == 1  # from 1 November only
    # The mentor peer's page shows the pair too.
    assert [r.id for r in voice.pairs_for_peer(lead, elder)] == [second]
    # The report counts mentoring sessions as their own kind, and in the total.
    raw = figures.compute(lead.db, NOV)
    kinds = dict(raw.tables["sessions_by_kind"].rows)
    assert kinds["Mentoring"] == (1,) and kinds["Peer support"] == (1,)
    assert raw.headlines["sessions"] == 2
    events = audit_repo.recent(lead.db, limit=20, target_kind="peer", target_id=str(mentee))
    assert any(e.detail == f"mentoring pair {first} started" for e in events)


def test_a_pair_with_the_same_person_on_both_sides_is_refused(lead: Session) -> None:
    rosa = _peer(lead, "Rosa")
    with pytest.raises(ValidationError) as caught:
        voice.add_pair(lead, MentoringDraft(rosa, date(2026, 9, 1), None, rosa), today=TODAY)
    assert caught.value.field == "mentor"
    assert "two different people" in caught.value.user_message
    with pytest.raises(ValidationError) as caught:
        voice.add_pair(lead, MentoringDraft(rosa, date(2026, 9, 1)), today=TODAY)
    assert caught.value.field == "mentor"
    with pytest.raises(ValidationError) as caught:
        voice.add_pair(lead, MentoringDraft(rosa, date(2026, 9, 1), _supporter(lead),
                                            ends_on=date(2026, 8, 1)), today=TODAY)
    assert caught.value.field == "ends_on"
    assert lead.db.scalar("SELECT count(*) FROM mentoring_pair") == 0


def test_roles_are_checked_at_the_service(vault: VaultPaths) -> None:
    lead = sign_in(vault, "Lee Lead")
    rosa = _peer(lead, "Rosa")
    _quotable(lead, rosa)
    saved = voice.add_quote(lead, QuoteDraft(rosa, date(2026, 11, 1), "Here I was heard."),
                            today=TODAY)
    close(lead)
    worker = sign_in(vault, "Cal Worker")
    try:  # a caseworker works with all of it but approves no quote
        assert [r.id for r in voice.quotes(worker, today=TODAY)] == [saved.id]
        voice.add_consultation(worker, ConsultationDraft(
            date(2026, 11, 3), ConsultationMethod.SURVEY, "Opening hours", 12), today=TODAY)
        with pytest.raises(PermissionDenied, match="Only a programme lead can approve"):
            voice.approve_quote(worker, saved.id)
    finally:
        close(worker)
    for name in ("Ada Admin", "Pia Peer"):  # no casework key / not every peer
        other = sign_in(vault, name)
        try:
            for call in (lambda s: voice.pairs(s), lambda s: voice.quotes(s),
                         lambda s: voice.consultations(s), lambda s: voice.feedback(s),
                         lambda s: voice.approve_quote(s, saved.id),
                         lambda s: voice.add_feedback(s, FeedbackDraft(
                             date(2026, 11, 1), FeedbackSource.ANONYMOUS,
                             frozenset({Benefit.TRUST}))),
                         lambda s: voice.add_pair(s, MentoringDraft(rosa, date(2026, 9, 1),
                                                                    None, rosa + 1))):
                with pytest.raises(PermissionDenied):
                    call(other)
            assert not voice.can_use(other)
        finally:
            close(other)


# -- consultations and feedback ---------------------------------------------------------

def test_consultations_you_said_we_did_and_bad_input(lead: Session) -> None:
    base = ConsultationDraft(date(2026, 11, 3), ConsultationMethod.GROUP_DISCUSSION,
                             "Evening group", 9, "We want an evening group",
                             "Start one on Thursdays")
    planned = voice.add_consultation(lead, base, today=TODAY)
    done = voice.add_consultation(lead, replace(base, topic="Tea", status=ActionStatus.DONE),
                                  today=TODAY)
    for bad, field in ((replace(base, status=ActionStatus.WONT_DO), "why_not"),
                       (replace(base, headcount=-1), "headcount"),
                       (replace(base, topic="  "), "topic"),
                       (replace(base, held_on=date(2026, 12, 1)), "held_on"),
                       (replace(base, status=ActionStatus.DONE, action=""), "action")):
        with pytest.raises(ValidationError) as caught:
            voice.add_consultation(lead, bad, today=TODAY)
        assert caught.value.field == field
    assert [c.id for c in voice.you_said_we_did(lead)] == [done]
    voice.change_consultation(lead, planned, replace(
        base, status=ActionStatus.WONT_DO, why_not="No volunteer for evenings yet"),
        today=TODAY)
    settled = {c.id: c for c in voice.you_said_we_did(lead)}
    assert settled[planned].draft.why_not == "No volunteer for evenings yet"
    assert settled[planned].status_on == TODAY
    assert lead.db.scalar("SELECT count(*) FROM consultation") == 2


def test_feedback_is_coded_by_benefit_and_an_empty_form_is_refused(lead: Session) -> None:
    voice.add_feedback(lead, FeedbackDraft(date(2026, 11, 2), FeedbackSource.ANONYMOUS,
                                           frozenset({Benefit.LESS_ISOLATION, Benefit.TRUST}),
                                           "Being believed"), today=TODAY)
    voice.add_feedback(lead, FeedbackDraft(date(2026, 11, 9), FeedbackSource.STAFF,
                                           frozenset({Benefit.LESS_ISOLATION})), today=TODAY)
    with pytest.raises(ValidationError) as caught:
        voice.add_feedback(lead, FeedbackDraft(date(2026, 11, 9), FeedbackSource.STAFF),
                           today=TODAY)
    assert caught.value.field == "benefits"
    found = voice.feedback(lead)
    assert len(found) == 2 and found[1].draft.helped == "Being believed"
    fig = voice.programme_figures(lead, NOV)
    assert fig.feedback_forms == 2
    assert fig.by_benefit[Benefit.LESS_ISOLATION] == 2 and fig.by_benefit[Benefit.TRUST] == 1
    assert fig.by_benefit[Benefit.ANGER] == 0


def test_programme_figures_for_a_period(lead: Session) -> None:
    rosa, sam = _peer(lead, "Rosa"), _peer(lead, "Sam")
    mentor = _supporter(lead)
    voice.add_pair(lead, MentoringDraft(rosa, date(2026, 9, 1), mentor,
                                        ends_on=date(2026, 10, 31)), today=TODAY)
    voice.add_pair(lead, MentoringDraft(sam, date(2026, 10, 15), mentor), today=TODAY)
    voice.add_pair(lead, MentoringDraft(rosa, date(2026, 11, 30), None, sam), today=TODAY)
    base = ConsultationDraft(date(2026, 11, 3), ConsultationMethod.SURVEY, "Hours", 20,
                             action="Open Saturdays")
    voice.add_consultation(lead, base, today=TODAY)
    voice.add_consultation(lead, replace(base, status=ActionStatus.DONE), today=TODAY)
    voice.add_consultation(lead, replace(base, held_on=date(2026, 10, 3),
                                         status=ActionStatus.DONE), today=TODAY)
    nov, october = voice.programme_figures(lead, NOV), voice.programme_figures(
        lead, Period.month(2026, 10))
    assert (nov.active_pairs, nov.consultations_held, nov.actions_done) == (2, 2, 1)
    assert (october.active_pairs, october.consultations_held, october.actions_done) == (2, 1, 1)


# -- quotes --------------------------------------------------------------------------------

def test_the_name_check_finds_names_codes_phones_and_emails() -> None:
    names = ["Rosa Delgado", "Kit", "Mo Mentor"]
    assert quote_warnings("Coming here gave me my voice back.", names) == frozenset()
    assert quote_warnings("rosa listened when no one else did", names) == {QuoteFlag.NAME}
    assert quote_warnings("Thank you Delgado family", names) == {QuoteFlag.NAME}
    assert quote_warnings("Kitchen tea helped", names) == frozenset()  # not a whole word
    assert quote_warnings("ask for P-0042", names) == {QuoteFlag.REFERENCE}
    assert quote_warnings("ring me on 07700 900123", names) == {QuoteFlag.PHONE}
    assert quote_warnings("write to me@example.org", names) == {QuoteFlag.EMAIL}
    assert quote_warnings("We met 3 times in 2025", names) == frozenset()


def test_a_quote_naming_a_peer_is_flagged_at_save_and_at_approval(lead: Session) -> None:
    rosa, _ = _peer(lead, "Rosa"), _peer(lead, "Zephyrine", full_name="Zephyrine Quillon")
    _quotable(lead, rosa)
    saved = voice.add_quote(lead, QuoteDraft(rosa, date(2026, 11, 1),
                                             "Zephyrine sat with me every week."), today=TODAY)
    assert saved.flags == {QuoteFlag.NAME}
    clean = voice.add_quote(lead, QuoteDraft(rosa, date(2026, 11, 1), "I was believed."),
                            today=TODAY)
    assert clean.flags == frozenset()
    # A staff member's name, added after the quote was saved, is caught at approval.
    late = voice.add_quote(lead, QuoteDraft(rosa, date(2026, 11, 2), "Lee made tea."),
                           today=TODAY)
    assert late.flags == {QuoteFlag.NAME}  # Lee Lead is staff
    assert voice.approve_quote(lead, saved.id) == {QuoteFlag.NAME}
    assert voice.approve_quote(lead, clean.id) == frozenset()
    rows = {r.id: r for r in voice.quotes(lead, today=TODAY)}
    assert rows[saved.id].quote.flags == {QuoteFlag.NAME} and rows[saved.id].quote.approved
    events = audit_repo.recent(lead.db, limit=30, target_kind="peer", target_id=str(rosa))
    assert any(e.detail == f"quote {saved.id} approved, flagged" for e in events)
    assert not any("Zephyrine" in e.detail or "believed" in e.detail for e in events)
    # A changed quote must be approved again.
    voice.change_quote(lead, clean.id, QuoteDraft(rosa, date(2026, 11, 1), "I was heard."),
                       today=TODAY)
    assert not next(r for r in voice.quotes(lead, today=TODAY) if r.id == clean.id
                    ).quote.approved


def test_a_quote_needs_the_quotable_consent_and_words(lead: Session) -> None:
    rosa = _peer(lead, "Rosa")
    casework.add_consent(lead, ConsentDraft(rosa, ConsentScope.STATISTICS, date(2026, 3, 2)),
                         today=TODAY)
    with pytest.raises(ValidationError) as caught:
        voice.add_quote(lead, QuoteDraft(rosa, date(2026, 11, 1), "Words"), today=TODAY)
    assert caught.value.field == "peer"
    _quotable(lead, rosa)
    for words in ("", "x" * 1001):
        with pytest.raises(ValidationError) as caught:
            voice.add_quote(lead, QuoteDraft(rosa, date(2026, 11, 1), words), today=TODAY)
        assert caught.value.field == "words"
    assert lead.db.scalar("SELECT count(*) FROM quote") == 0


def _pdf_text(path: Path) -> str:
    return " ".join((page.extract_text() or "") for page in PdfReader(path).pages)


def test_in_their_words_prints_approved_quotes_with_current_consent(lead: Session,
                                                                    tmp_path: Path) -> None:
    """Read back from the PDF: the page is there only when the setting is on; a quote
    whose consent is withdrawn is gone from the next report; no canary name ever shows."""
    rosa = _peer(lead, "Zephyrine", full_name="Zephyrine Quillon")
    sam = _peer(lead, "Morvantle")
    consent = _quotable(lead, rosa)
    _quotable(lead, sam)
    kept = voice.add_quote(lead, QuoteDraft(rosa, date(2026, 11, 1),
                                            "For the first time I felt believed."), today=TODAY)
    voice.approve_quote(lead, kept.id)
    gone_later = voice.add_quote(lead, QuoteDraft(sam, date(2026, 11, 2),
                                                  "The group is where I found my feet."),
                                 today=TODAY)
    voice.approve_quote(lead, gone_later.id)
    voice.add_quote(lead, QuoteDraft(sam, date(2026, 11, 3), "Not yet approved words."),
                    today=TODAY)
    report = reports.build(lead, NOV)
    reports.save_pdf(lead, report, tmp_path / "off.pdf")
    assert "In their words" not in _pdf_text(tmp_path / "off.pdf")

    reports.save_settings(lead, replace(reports.settings(lead), quotes_page=True))
    assert reports.settings(lead).quotes_page
    report = reports.build(lead, NOV)
    pages = reports.save_pdf(lead, report, tmp_path / "on.pdf")
    text = _pdf_text(tmp_path / "on.pdf")
    assert "In their words" in text
    assert "For the first time I felt believed." in text
    assert "The group is where I found my feet." in text
    assert "Not yet approved words." not in text
    for canary in CANARIES:
        assert canary not in text
    assert audit_repo.recent(lead.db, limit=1)[0].detail == f"pdf, {pages} pages, 2 quotes"

    # Rosa withdraws her consent to be quoted: the same report, printed again, drops it.
    casework.withdraw_consent(lead, consent)
    reports.save_pdf(lead, report, tmp_path / "after.pdf")
    text = _pdf_text(tmp_path / "after.pdf")
    assert "For the first time I felt believed." not in text
    assert "The group is where I found my feet." in text
    assert "In their words" in text
    for canary in CANARIES:
        assert canary not in text


def test_the_report_settings_keep_the_quotes_page_choice_audited(lead: Session) -> None:
    reports.save_settings(lead, replace(reports.settings(lead), quotes_page=True))
    last = audit_repo.recent(lead.db, limit=1)[0]
    assert last.action is AuditAction.CHANGED and "quotes page on" in last.detail


def test_the_demo_vault_holds_a_realistic_spread(demo_vault: VaultPaths) -> None:
    from peerdesk.services.demo import DEMO_LEAD, DEMO_PASSWORD
    from peerdesk.storage.repositories import voice as voice_repo

    lead = sign_in(demo_vault, DEMO_LEAD, DEMO_PASSWORD)
    try:
        pairs = voice.pairs(lead)
        assert 8 <= len(pairs) <= 40
        assert any(p.mentor_is_peer for p in pairs) and any(not p.mentor_is_peer for p in pairs)
        assert any(p.pair.draft.ends_on is None for p in pairs)
        assert sum(p.pair.meetings for p in pairs) >= 2 * len(pairs)
        found = voice.consultations(lead)
        assert {c.draft.status for c in found} == set(ActionStatus)
        assert all(c.draft.why_not for c in found if c.draft.status is ActionStatus.WONT_DO)
        forms = voice.feedback(lead)
        assert len(forms) > 50
        named = {b for f in forms for b in f.draft.benefits}
        assert named == set(Benefit)
        quotes = voice.quotes(lead)
        assert sum(q.quote.approved for q in quotes) >= 4
        assert any(q.quote.flags == {QuoteFlag.NAME} and not q.quote.approved for q in quotes)
        withdrawn = [q for q in quotes if not q.consent_current]
        assert withdrawn
        printable = voice_repo.printable_quotes(lead.db, date.today())
        assert printable and all(q.quote.words not in printable for q in withdrawn)
    finally:
        close(lead)


def test_subject_access_holds_their_mentoring_and_words_but_not_another_peer(
        lead: Session, tmp_path: Path) -> None:
    from peerdesk.services import subject_access

    rosa, idris = _peer(lead, "Rosa"), _peer(lead, "Idrisvane")
    voice.add_pair(lead, MentoringDraft(rosa, date(2026, 9, 1), _supporter(lead, "Mo Mentor"),
                                        goals="Back to college"), today=TODAY)
    voice.add_pair(lead, MentoringDraft(rosa, date(2026, 10, 1), None, idris), today=TODAY)
    _quotable(lead, rosa)
    voice.add_quote(lead, QuoteDraft(rosa, date(2026, 11, 1), "Nobody rushed me here."),
                    today=TODAY)
    path = tmp_path / "record.pdf"
    subject_access.export_pdf(lead, rosa, path, today=TODAY)
    text = " ".join(_pdf_text(path).split())
    assert "Mentoring" in text and "Mo Mentor" in text and "Back to college" in text
    assert "another peer" in text and "Idrisvane" not in text
    assert "Nobody rushed me here." in text


def test_the_programme_rows_are_named_cells_and_pairs_add_up_like_people(
        lead: Session) -> None:
    """In the report's Programme section: named cells, no totals (a form names several
    benefits), and active pairs related across periods like people, not summed."""
    from peerdesk.reports import figures
    from peerdesk.reports.cells import Kind, kind_of, table_ids
    from peerdesk.reports.voice_figures import BENEFITS_TABLE, VOICE_TABLE

    voice.add_feedback(lead, FeedbackDraft(date(2026, 11, 2), FeedbackSource.ANONYMOUS,
                                           frozenset({Benefit.TRUST})), today=TODAY)
    raw = figures.compute(lead.db, NOV)
    voice_table, benefits = raw.tables[VOICE_TABLE], raw.tables[BENEFITS_TABLE]
    ids = [row[0] for row in table_ids(voice_table)]
    assert ids == ["programme_voice|Active mentoring pairs|Count",
                   "programme_voice|Consultations held|Count",
                   "programme_voice|Consultation actions done|Count",
                   "programme_voice|Feedback forms|Count"]
    assert kind_of(ids[0]) is Kind.PEOPLE
    assert {kind_of(i) for i in ids[1:]} == {Kind.ADDITIVE}
    assert dict(benefits.rows)["Trust in themselves and others"] == (1,)
    assert not voice_table.total_row and not benefits.total_row


def test_erasing_a_peer_takes_their_pairs_and_words_with_them(lead: Session) -> None:
    from peerdesk.domain.peer import format_ref
    from peerdesk.services import erasure

    rosa, idris, sam = _peer(lead, "Rosa"), _peer(lead, "Idris"), _peer(lead, "Sam")
    voice.add_pair(lead, MentoringDraft(rosa, date(2026, 9, 1), None, idris), today=TODAY)
    kept = voice.add_pair(lead, MentoringDraft(sam, date(2026, 9, 1), _supporter(lead)),
                          today=TODAY)
    voice.add_pair(lead, MentoringDraft(sam, date(2026, 10, 1), None, rosa), today=TODAY)
    _quotable(lead, rosa)
    voice.add_quote(lead, QuoteDraft(rosa, date(2026, 11, 1), "I was heard."), today=TODAY)
    ref = int(lead.db.scalar("SELECT ref_number FROM peer WHERE id = ?", (rosa,)))
    erasure.erase_peer(lead, rosa, typed_ref=format_ref(ref))
    # Her pairs, as mentee and as mentor, and her words are gone; Sam's other pair stays.
    assert [r.id for r in voice.pairs(lead)] == [kept]
    assert lead.db.scalar("SELECT count(*) FROM quote") == 0
    assert voice.quotes(lead) == []


def test_a_peer_who_withdrew_statistics_consent_is_left_out_of_pairs_and_quotes(
        lead: Session) -> None:
    from peerdesk.storage.repositories import voice as voice_repo

    rosa, sam = _peer(lead, "Rosa"), _peer(lead, "Sam")
    mentor = _supporter(lead)
    voice.add_pair(lead, MentoringDraft(rosa, date(2026, 9, 1), mentor), today=TODAY)
    voice.add_pair(lead, MentoringDraft(sam, date(2026, 9, 1), None, rosa), today=TODAY)
    voice.add_pair(lead, MentoringDraft(sam, date(2026, 10, 1), mentor), today=TODAY)
    _quotable(lead, rosa)
    voice.approve_quote(lead, voice.add_quote(lead, QuoteDraft(
        rosa, date(2026, 11, 1), "Words of hers."), today=TODAY).id)
    assert voice.programme_figures(lead, NOV).active_pairs == 3
    assert voice_repo.printable_quotes(lead.db, TODAY) == ["Words of hers."]
    stats = casework.add_consent(lead, ConsentDraft(rosa, ConsentScope.STATISTICS,
                                                    date(2026, 3, 2)), today=TODAY)
    casework.withdraw_consent(lead, stats, today=TODAY)
    # Rosa is in two pairs (as mentee and as mentor): only Sam's pair with a supporter stays.
    assert voice.programme_figures(lead, NOV).active_pairs == 1
    assert voice_repo.printable_quotes(lead.db, TODAY) == []


def test_you_said_we_did_prints_settled_consultations_only(lead: Session,
                                                           tmp_path: Path) -> None:
    base = ConsultationDraft(date(2026, 10, 3), ConsultationMethod.SURVEY, "Opening hours",
                             23, "Evenings are the only time we can come",
                             "Open until 20:00 on Thursdays", ActionStatus.DONE)
    voice.add_consultation(lead, base, today=TODAY)
    voice.add_consultation(lead, replace(base, topic="Weekend groups", status=ActionStatus.WONT_DO,
                                         why_not="The building is not ours at weekends"),
                           today=TODAY)
    voice.add_consultation(lead, replace(base, topic="Still planning",
                                         status=ActionStatus.PLANNED), today=TODAY)
    out = tmp_path / "said-did.pdf"
    assert voice.save_said_did_pdf(lead, out, today=TODAY) == 1
    text = " ".join(_pdf_text(out).split())
    assert "You said, we did" in text and "Opening hours" in text
    assert "Open until 20:00 on Thursdays" in text and "October 2026" in text
    assert "We can't, because" in text and "not ours at weekends" in text
    assert "Still planning" not in text and "Lee Lead" not in text
    assert PdfReader(out).metadata.title == "You said, we did"
    last = audit_repo.recent(lead.db, limit=1)[0]
    assert last.action is AuditAction.EXPORTED and last.target_kind == "consultation"
