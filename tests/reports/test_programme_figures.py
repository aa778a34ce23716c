"""The Programme section against a small vault counted by hand, read back from the PDF
and the CSV the report writes; no supporter's name anywhere in them."""

from __future__ import annotations

import csv
import itertools
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader

from peerdesk.domain.consent import ConsentDraft, ConsentScope
from peerdesk.domain.groups import GroupDraft, Mark, MeetingDraft
from peerdesk.domain.listening import Channel, ContactDraft, Outcome, Returning
from peerdesk.domain.supporters import (
    CompletionDraft,
    CourseDraft,
    HoursDraft,
    HoursKind,
    SupervisionDraft,
    SupervisionKind,
    SupporterDraft,
    SupporterRole,
    SupporterStatus,
)
from peerdesk.domain.voice import (
    ActionStatus,
    Benefit,
    ConsultationDraft,
    ConsultationMethod,
    FeedbackDraft,
    FeedbackSource,
    MentoringDraft,
)
from peerdesk.reports import figures
from peerdesk.reports import programme_figures as programme
from peerdesk.reports import voice_figures as voice_rows
from peerdesk.reports.cells import Kind, kind_of, period_cells
from peerdesk.reports.period import Period
from peerdesk.services import (
    casework,
    groups,
    listening,
    peers,
    reports,
    supervision,
    supporters,
    voice,
)
from peerdesk.services.session import Session
from tests.services.caseload_helpers import lead_in_new_centre, one_to_one, peer

TODAY = date(2026, 11, 22)
OCT = Period.month(2026, 10)
# Held-out names: they must never reach a report.
CANARIES = ("Zephyrquill", "Morvantle", "Quistabel")
# Peers in mentoring pairs, and words peers said: never in a report either.
VOICE_CANARIES = ("Velmorrick", "Tindrelle", "Orsquane", "Plumewick", "Saffrondel")


def _supporter(lead: Session, name: str, start: date, *, staff_id: int | None = None,
               status: SupporterStatus = SupporterStatus.ACTIVE) -> int:
    return supporters.add(lead, SupporterDraft(
        name, frozenset({SupporterRole.VOLUNTEER, SupporterRole.SUPERVISOR}), start,
        staff_id=staff_id), status=status, today=TODAY)


def _trained(lead: Session, who: int, course: int, on: date) -> None:
    supporters.record_completion(lead, CompletionDraft(who, course, on), today=TODAY)


def _supervised(lead: Session, who: int, on: date, kind: SupervisionKind) -> None:
    supervision.record_supervision(lead, SupervisionDraft(who, None, kind, on, 60),
                                   today=TODAY)


def _hours(lead: Session, who: int, on: date, kind: HoursKind, minutes: int) -> None:
    supervision.record_hours(lead, HoursDraft(who, on, kind, minutes), today=TODAY)


@pytest.fixture(scope="module")
def centre(tmp_path_factory: pytest.TempPathFactory) -> Session:
    """October 2026. Courses: Safeguarding (Safety, renew every 12 months) and
    Foundations (Hope and Mutual support, never lapses).

    - Six volunteers ("Avery 1".."Avery 6"), active since January 2025: Foundations
      (Jan 2025), Safeguarding (2 Mar 2026); individual supervision on 5 Oct; an
      hour of admin each on 8 Oct.
    - Zephyrquill (the lead's own account), active since 5 Jan 2026: Safeguarding
      10 Jan 2026 and Foundations 7 Oct; individual supervision 5 Oct; 90 minutes'
      outreach on 3 Oct. Held a 45-minute one-to-one with Ana on 22 Oct, and one with
      Dee on 9 Oct (Dee withdrew consent to statistics: left out); took a 30-minute
      contact on 1 Oct; facilitated a group meeting on 14 Oct (120 minutes).
    - Morvantle: in training from 1 Sep, active from 15 Oct; first course ever
      (Safeguarding) on 12 Oct: newly trained; group supervision on 20 Oct; 6 hours of
      training on 12 Oct.
    - Quistabel: active since Feb 2026; Safeguarding on 20 Oct 2025, lapsed on 20 Oct
      2026; group supervision on 20 Oct; 30 minutes' admin on 8 Oct.
    - Tamsin: active since June 2025, left on 10 Oct: active in October, not at its end;
      supervision on 28 Sep (September's).
    - Rhodri: active since March 2025, on a break since 20 Sep: not active in October;
      admin hours in September.

    The peers' voice in October:
    - mentoring pairs: Ana with Zephyrquill since 1 Sep; Velmorrick with Zephyrquill from
      1 Oct; Tindrelle mentored by Ana (a peer) from 15 Oct; Orsquane's pair ended on
      30 Sep (not active in October); Dee's pair (Dee withdrew consent to statistics:
      left out): 3 active pairs;
    - consultations: four held in October, three of them done, one planned; one in
      September (done);
    - feedback: five forms in October: less isolation on four, trust on three, anger
      on one, one form with only what helped (no benefit); one form in September.
    """
    lead = lead_in_new_centre(tmp_path_factory.mktemp("programme"))
    comps = {c.name: c.id for c in supporters.competencies(lead)}
    safe = supporters.add_course(lead, CourseDraft("Safeguarding", frozenset({comps["Safety"]}),
                                                   12))
    found = supporters.add_course(lead, CourseDraft(
        "Foundations", frozenset({comps["Hope"], comps["Mutual support"]})))
    for n in range(1, 7):
        who = _supporter(lead, f"Avery {n}", date(2025, 1, 6))
        _trained(lead, who, found, date(2025, 1, 20))
        _trained(lead, who, safe, date(2026, 3, 2))
        _supervised(lead, who, date(2026, 10, 5), SupervisionKind.INDIVIDUAL)
        _hours(lead, who, date(2026, 10, 8), HoursKind.ADMIN, 60)
    me = lead.staff.id
    zeph = _supporter(lead, "Zephyrquill", date(2026, 1, 5), staff_id=me)
    _trained(lead, zeph, safe, date(2026, 1, 10))
    _trained(lead, zeph, found, date(2026, 10, 7))
    _supervised(lead, zeph, date(2026, 10, 5), SupervisionKind.INDIVIDUAL)
    _hours(lead, zeph, date(2026, 10, 3), HoursKind.OUTREACH, 90)
    ana = peers.create(lead, peer("Ana", first_contact=date(2026, 10, 3)), today=TODAY)
    dee = peers.create(lead, peer("Dee", first_contact=date(2026, 10, 8)), today=TODAY)
    consent = casework.add_consent(lead, ConsentDraft(dee, ConsentScope.STATISTICS,
                                                      date(2026, 10, 8)), today=TODAY)
    casework.withdraw_consent(lead, consent, today=TODAY)
    casework.log_session(lead, one_to_one(ana, me, held_on=date(2026, 10, 22)), today=TODAY)
    casework.log_session(lead, one_to_one(dee, me, held_on=date(2026, 10, 9)), today=TODAY)
    listening.log_contact(lead, ContactDraft(
        date(2026, 10, 1), time(10, 0), Channel.PHONE, 30, me, None, Returning.UNKNOWN,
        outcomes=Outcome.LISTENED), now=datetime(2026, 11, 22, 12, 0))
    group = groups.create_group(lead, GroupDraft("Circle", facilitator_ids=(me,)))
    groups.add_member(lead, group, ana)
    meeting = groups.schedule_meeting(lead, MeetingDraft(group, date(2026, 10, 14), "10:00",
                                                         "Hall", facilitator_ids=(me,)))
    groups.save_register(lead, meeting, {ana: Mark.ATTENDED})
    morv = _supporter(lead, "Morvantle", date(2026, 9, 1), status=SupporterStatus.IN_TRAINING)
    supporters.set_status(lead, morv, SupporterStatus.ACTIVE, date(2026, 10, 15), today=TODAY)
    _trained(lead, morv, safe, date(2026, 10, 12))
    _supervised(lead, morv, date(2026, 10, 20), SupervisionKind.GROUP)
    _hours(lead, morv, date(2026, 10, 12), HoursKind.TRAINING, 360)
    quis = _supporter(lead, "Quistabel", date(2026, 2, 1))
    _trained(lead, quis, safe, date(2025, 10, 20))
    _supervised(lead, quis, date(2026, 10, 20), SupervisionKind.GROUP)
    _hours(lead, quis, date(2026, 10, 8), HoursKind.ADMIN, 30)
    tamsin = _supporter(lead, "Tamsin", date(2025, 6, 1))
    supporters.set_status(lead, tamsin, SupporterStatus.LEFT, date(2026, 10, 10), today=TODAY)
    _supervised(lead, tamsin, date(2026, 9, 28), SupervisionKind.INDIVIDUAL)
    rhodri = _supporter(lead, "Rhodri", date(2025, 3, 1))
    supporters.set_status(lead, rhodri, SupporterStatus.ON_BREAK, date(2026, 9, 20),
                          today=TODAY)
    _hours(lead, rhodri, date(2026, 9, 21), HoursKind.ADMIN, 60)
    _peers_voice(lead, zeph, ana, dee)
    return lead


def _peers_voice(lead: Session, mentor: int, ana: int, dee: int) -> None:
    june = date(2026, 6, 2)
    velm, tind, orsq = (peers.create(lead, peer(name, first_contact=june), today=TODAY)
                        for name in VOICE_CANARIES[:3])
    for mentee, starts, ends in ((ana, date(2026, 9, 1), None), (velm, date(2026, 10, 1), None),
                                 (orsq, date(2026, 7, 1), date(2026, 9, 30)),
                                 (dee, date(2026, 10, 2), None)):
        voice.add_pair(lead, MentoringDraft(mentee, starts, mentor, ends_on=ends), today=TODAY)
    voice.add_pair(lead, MentoringDraft(tind, date(2026, 10, 15), None, ana), today=TODAY)
    asked = ConsultationDraft(date(2026, 10, 6), ConsultationMethod.GROUP_DISCUSSION,
                              f"Evenings ({VOICE_CANARIES[3]})", 12,
                              said=f"{VOICE_CANARIES[4]} wants Thursday evenings",
                              action="Open Thursdays", status=ActionStatus.DONE)
    for day in (6, 13, 20):
        voice.add_consultation(lead, replace(asked, held_on=date(2026, 10, day)), today=TODAY)
    voice.add_consultation(lead, replace(asked, held_on=date(2026, 10, 27),
                                         status=ActionStatus.PLANNED), today=TODAY)
    voice.add_consultation(lead, replace(asked, held_on=date(2026, 9, 15)), today=TODAY)
    isolation, trust, anger = Benefit.LESS_ISOLATION, Benefit.TRUST, Benefit.ANGER
    for day, ticked in ((3, {isolation, trust}), (10, {isolation, trust, anger}),
                        (17, {isolation, trust}), (24, {isolation}), (25, set())):
        voice.add_feedback(lead, FeedbackDraft(
            date(2026, 10, day), FeedbackSource.ANONYMOUS, frozenset(ticked),
            helped=f"Talking to {VOICE_CANARIES[4]}"), today=TODAY)
    voice.add_feedback(lead, FeedbackDraft(date(2026, 9, 9), FeedbackSource.STAFF,
                                           frozenset({anger})), today=TODAY)


@pytest.fixture(scope="module")
def counted(centre: Session) -> figures.RawFigures:
    return figures.compute(centre.db, OCT)


def rows(raw: figures.RawFigures, key: str) -> dict[str, int]:
    return {label: values[0] for label, values in raw.tables[key].rows}


def test_supporters_active_and_newly_trained(counted: figures.RawFigures) -> None:
    assert rows(counted, "programme_supporters") == {
        programme.ACTIVE: 10,          # six Averys, Zephyrquill, Morvantle, Quistabel, Tamsin
        programme.ACTIVE_AT_END: 9,    # Tamsin left
        programme.NEWLY_TRAINED: 1,    # Morvantle
    }


def test_training_current_on_the_last_day_per_competency(counted: figures.RawFigures) -> None:
    currency = rows(counted, "programme_currency")
    # Safety: the Averys, Zephyrquill and Morvantle; Quistabel's lapsed on 20 Oct.
    # Hope and Mutual support: the Averys and Zephyrquill (Foundations).
    assert currency["Safety"] == 8
    assert currency["Hope"] == currency["Mutual support"] == 7
    assert currency["Confidentiality"] == currency["Self-reflection"] == 0
    assert list(currency)[:3] == ["Safety", "Lived experience", "Confidentiality"]


def test_supervision_sessions_held(counted: figures.RawFigures) -> None:
    assert rows(counted, "programme_supervision") == {"Individual": 7, "Group": 2}
    assert counted.tables["programme_supervision"].total_row


def test_hours_by_kind_from_records_and_by_hand(counted: figures.RawFigures) -> None:
    assert rows(counted, "programme_hours") == {
        "One-to-one sessions": 1, "Group meetings": 1, "Listening contacts": 1,
        "Training": 1, "Supervision": 0, "Outreach": 1, "Admin": 7, programme.ALL_KINDS: 9}
    extras = counted.extras
    assert extras[programme.hours_key("One-to-one sessions")] == 45 / 60  # Dee's left out
    assert extras[programme.hours_key("Group meetings")] == 2
    assert extras[programme.hours_key("Listening contacts")] == 0.5
    assert extras[programme.hours_key("Admin")] == 6.5
    assert extras[programme.hours_key(programme.ALL_KINDS)] == (
        45 + 120 + 30 + 360 + 90 + 390) / 60


def test_mentoring_consultations_and_feedback_counted(counted: figures.RawFigures) -> None:
    assert rows(counted, voice_rows.VOICE_TABLE) == {
        voice_rows.ACTIVE_PAIRS: 3,         # Ana's, Velmorrick's, Tindrelle's (not Dee's)
        voice_rows.CONSULTATIONS_HELD: 4,   # September's is not October's
        voice_rows.ACTIONS_DONE: 3,
        voice_rows.FEEDBACK_FORMS: 5,
    }
    benefits = rows(counted, voice_rows.BENEFITS_TABLE)
    assert list(benefits) == [b.label for b in Benefit]
    assert benefits[Benefit.LESS_ISOLATION.label] == 4
    assert benefits[Benefit.TRUST.label] == 3
    assert benefits[Benefit.ANGER.label] == 1
    assert sum(benefits.values()) == 8
    assert not counted.tables[voice_rows.VOICE_TABLE].total_row
    assert not counted.tables[voice_rows.BENEFITS_TABLE].total_row


def test_the_voice_rows_relate_across_periods_and_are_bounded(
        counted: figures.RawFigures) -> None:
    """Pairs are like people (a pair active all quarter is in each month once); the rest
    add up over months. Actions done <= consultations held; each benefit <= forms."""
    cell = f"{voice_rows.VOICE_TABLE}|{{}}|Count".format
    assert kind_of(cell(voice_rows.ACTIVE_PAIRS)) is Kind.PEOPLE
    for label in (voice_rows.CONSULTATIONS_HELD, voice_rows.ACTIONS_DONE,
                  voice_rows.FEEDBACK_FORMS):
        assert kind_of(cell(label)) is Kind.ADDITIVE
    anger = f"{voice_rows.BENEFITS_TABLE}|{Benefit.ANGER.label}|Forms"
    assert kind_of(anger) is Kind.ADDITIVE
    bounded = {tuple(sorted(r.terms)) for r in period_cells(counted).relations if r.at_least}
    held, done, forms = (cell(voice_rows.CONSULTATIONS_HELD), cell(voice_rows.ACTIONS_DONE),
                         cell(voice_rows.FEEDBACK_FORMS))
    assert tuple(sorted(((held, 1), (done, -1)))) in bounded
    assert tuple(sorted(((forms, 1), (anger, -1)))) in bounded
    # A form may name no benefit, so the forms are not bounded by the benefits' rows.
    assert not any(dict(terms).get(forms) == -1 for terms in bounded)


def test_the_figures_relate_across_periods_as_documented(counted: figures.RawFigures) -> None:
    cells = period_cells(counted)
    assert kind_of(f"programme_supporters|{programme.ACTIVE}|Supporters") is Kind.PEOPLE
    assert kind_of(f"programme_supporters|{programme.ACTIVE_AT_END}|Supporters") is Kind.AT_END
    assert kind_of(f"programme_supporters|{programme.NEWLY_TRAINED}|Supporters") \
        is Kind.ADDITIVE
    assert kind_of("programme_currency|Safety|Active supporters current") is Kind.AT_END
    assert kind_of("programme_supervision|Total|Sessions") is Kind.ADDITIVE
    assert kind_of("programme_hours|Admin|Supporters") is Kind.PEOPLE
    # Every bound a reader knows holds for the real counts, and each is in the system.
    bounded = {tuple(sorted(r.terms)) for r in cells.relations if r.at_least}
    active = f"programme_supporters|{programme.ACTIVE}|Supporters"
    at_end = f"programme_supporters|{programme.ACTIVE_AT_END}|Supporters"
    assert tuple(sorted(((active, 1), (at_end, -1)))) in bounded
    safety = "programme_currency|Safety|Active supporters current"
    assert tuple(sorted(((at_end, 1), (safety, -1)))) in bounded


def _csv(path: Path) -> dict[tuple[str, str, str], str]:
    with path.open(encoding="utf-8", newline="") as handle:
        return {(r["table"], r["row"], r["column"]): r["value"] for r in csv.DictReader(handle)}


def test_the_section_read_back_from_the_pdf_and_the_csv(
        centre: Session, counted: figures.RawFigures, tmp_path: Path) -> None:
    lead = centre
    reports.save_settings(lead, reports.ReportSettings(k=3))
    report = reports.build(lead, OCT)
    reports.save_csv(lead, report, tmp_path / "oct.csv")
    reports.save_pdf(lead, report, tmp_path / "oct.pdf")
    printed = _csv(tmp_path / "oct.csv")
    for spec in programme.TABLES:
        truth = rows(counted, spec.key)
        if spec.total_row:
            truth["Total"] = sum(truth.values())
        for label, value in truth.items():
            shown = printed[(spec.key, label, spec.column)]
            # Each printed count is the count counted by hand, or hidden; no count from 1
            # to k-1 is ever printed.
            assert shown == str(value) or shown == "*", (spec.key, label, shown)
            if 1 <= value < 3:
                assert shown == "*", (spec.key, label, shown)
    people = "programme_supporters"
    assert printed[(people, programme.ACTIVE, "Supporters")] == "10"
    assert printed[(people, programme.ACTIVE_AT_END, "Supporters")] == "9"
    assert printed[(people, programme.NEWLY_TRAINED, "Supporters")] == "*"
    currency = "programme_currency"
    assert printed[(currency, "Safety", "Active supporters current")] == "8"
    # The share is worked out from the printed counts, 8 of 9.
    assert printed[(currency, "Safety", programme.SHARE_COLUMN)] == "89%"
    assert printed[(currency, "Hope", programme.SHARE_COLUMN)] == "78%"
    assert printed[(currency, "Confidentiality", programme.SHARE_COLUMN)] == "0%"
    # Group (2) is hidden, so Individual or the total must hide too.
    supervision_rows = {r: printed[("programme_supervision", r, "Sessions")]
                        for r in ("Individual", "Group", "Total")}
    assert supervision_rows["Group"] == "*"
    assert list(supervision_rows.values()).count("*") >= 2
    hours = "programme_hours"
    assert printed[(hours, "Admin", "Supporters")] == "7"
    assert printed[(hours, "Admin", programme.HOURS_COLUMN)] == "7"     # 6.5 h, whole hours
    assert printed[(hours, programme.ALL_KINDS, programme.HOURS_COLUMN)] == "17"  # 17.25 h
    # Hours only beside a shown count of supporters.
    for label in ("One-to-one sessions", "Training", "Outreach"):
        assert printed[(hours, label, "Supporters")] == "*"
        assert printed[(hours, label, programme.HOURS_COLUMN)] == "–"
    text = "\n".join(page.extract_text() for page in PdfReader(tmp_path / "oct.pdf").pages)
    assert "Programme" in text
    for spec in programme.TABLES:
        assert spec.title in text
    assert "Training current on the period's last day" in text
    assert "89%" in text and "Hours given, by kind" in text
    # The peers' voice: pairs, consultations and forms shown; anger (one form) hidden.
    figure = voice_rows.VOICE_TABLE
    assert printed[(figure, voice_rows.ACTIVE_PAIRS, "Count")] == "3"
    assert printed[(figure, voice_rows.CONSULTATIONS_HELD, "Count")] == "4"
    assert printed[(figure, voice_rows.ACTIONS_DONE, "Count")] == "3"
    assert printed[(figure, voice_rows.FEEDBACK_FORMS, "Count")] == "5"
    benefit = voice_rows.BENEFITS_TABLE
    assert printed[(benefit, Benefit.LESS_ISOLATION.label, "Forms")] == "4"
    assert printed[(benefit, Benefit.TRUST.label, "Forms")] == "3"
    assert printed[(benefit, Benefit.ANGER.label, "Forms")] == "*"
    assert printed[(benefit, Benefit.RELATIONSHIPS.label, "Forms")] == "0"
    # Each row of the PDF's tables reads back as its label, then its figure.
    lines = [line.strip() for line in text.splitlines()]
    pairs = set(itertools.pairwise(lines))
    for label, shown in ((voice_rows.ACTIVE_PAIRS, "3"), (voice_rows.CONSULTATIONS_HELD, "4"),
                         (voice_rows.ACTIONS_DONE, "3"), (voice_rows.FEEDBACK_FORMS, "5"),
                         (Benefit.LESS_ISOLATION.label, "4"), (Benefit.ANGER.label, "*")):
        assert (label, shown) in pairs, (label, shown)
    csv_text = (tmp_path / "oct.csv").read_text(encoding="utf-8")
    for name in (*CANARIES, *VOICE_CANARIES, "Avery", "Tamsin", "Rhodri", "Thursday"):
        assert name not in text, name
        assert name not in csv_text, name


def test_a_small_count_stays_hidden_across_every_release_of_the_year(tmp_path: Path) -> None:
    """One supporter first trained in May, and a lone group supervision in August, in a
    programme of a dozen: hidden in May, August, their quarters and the year, and no
    exact reader of every release pins either."""
    from tests.reports.release_helpers import Reader, a_year, hidden_small

    year = 2025
    lead = lead_in_new_centre(tmp_path)
    try:
        comps = {c.name: c.id for c in supporters.competencies(lead)}
        safe = supporters.add_course(lead, CourseDraft(
            "Safeguarding", frozenset({comps["Safety"]}), 12))
        people = [_supporter(lead, f"Volunteer {n}", date(year - 1, 3, 1)) for n in range(12)]
        for who in people:
            _trained(lead, who, safe, date(year - 1, 3, 10))
        for month in range(1, 13):
            for who in people:
                _supervised(lead, who, date(year, month, 6), SupervisionKind.INDIVIDUAL)
                _hours(lead, who, date(year, month, 9), HoursKind.ADMIN, 60)
        late = _supporter(lead, "Quistabel", date(year, 4, 1),
                          status=SupporterStatus.IN_TRAINING)
        _trained(lead, late, safe, date(year, 5, 14))
        _supervised(lead, people[0], date(year, 8, 20), SupervisionKind.GROUP)
        reader = Reader(lead)
        published = reader.publish(*a_year(year))
        by_code = {r.release_code.split()[0]: r for r in published}
        for code in (f"{year}-05", f"{year}-Q2", f"{year}"):
            table = next(t for s in by_code[code].sections for t in s.tables
                         if t.key == "programme_supporters")
            assert dict(table.rows)[programme.NEWLY_TRAINED][0].shown == "*", code
        for code in (f"{year}-08", f"{year}-Q3", f"{year}"):
            table = next(t for s in by_code[code].sections for t in s.tables
                         if t.key == "programme_supervision")
            assert dict(table.rows)["Group"][0].shown == "*", code
        assert hidden_small(reader, [spec.key for spec in programme.TABLES]) >= 6
        assert reader.attack() == {}
        # A late entry: a second group supervision back-dated to August; August, its
        # quarter and the year come out as revisions, and the count stays hidden.
        reader.changed()
        _supervised(lead, people[1], date(year, 8, 21), SupervisionKind.GROUP)
        (august,) = reader.publish(Period.month(year, 8))
        assert august.release_code == f"{year}-08 r2"
        table = next(t for s in august.sections for t in s.tables
                     if t.key == "programme_supervision")
        assert dict(table.rows)["Group"][0].shown == "*"
        assert reader.attack() == {}
        csv_all = "\n".join(p.csv_text for p in reader.published)
        assert "Quistabel" not in csv_all and "Volunteer" not in csv_all
    finally:
        lead.vault.close()
        lead.vault.locked.release()


def test_hours_in_the_report_match_the_programme_timesheet(centre: Session) -> None:
    """The same hours as the timesheet for the month, but for sessions and contacts
    of people who withdrew their consent to statistics (left out of every report)."""
    sheet = supervision.timesheet(centre, OCT.start, OCT.end)
    raw = figures.compute(centre.db, OCT)
    from peerdesk.domain.supporters import HOURS_KINDS, HOURS_LABELS

    for kind in HOURS_KINDS:
        expected = sheet.total(kind) - (45 if kind == "one_to_one" else 0)  # Dee's session
        assert raw.extras[programme.hours_key(HOURS_LABELS[kind])] * 60 == expected, kind
    assert timedelta(minutes=sheet.total("one_to_one")) == timedelta(minutes=90)


def test_a_count_on_the_last_day_is_tied_only_to_the_part_ending_that_day() -> None:
    """Supporters active on a quarter's last day are March's, exactly; January's tell
    nothing about them (someone active then may have left). Active at any time in the
    quarter is at least each month's and at most their sum."""
    from peerdesk.reports import links

    at_end = f"programme_supporters|{programme.ACTIVE_AT_END}|Supporters"
    active = f"programme_supporters|{programme.ACTIVE}|Supporters"
    parts = [links.Counted("q", Period.quarter(2026, 1), {at_end: 5, active: 9}),
             *(links.Counted(m, Period.month(2026, i), {at_end: 5, active: 7})
               for i, m in ((1, "jan"), (2, "feb"), (3, "mar")))]
    names = {links.var(p.key, c): links.var(p.key, c) for p in parts for c in (at_end, active)}
    rows = links.relations(parts, names)
    mentioning = [r for r in rows if any(n.endswith(at_end) for n, _ in r[0])]
    assert mentioning == [(((f"q:{at_end}", 1), (f"mar:{at_end}", -1)), False)]
    for month in ("jan", "feb", "mar"):
        assert (((f"q:{active}", 1), (f"{month}:{active}", -1)), True) in rows
    at_most_sum = {f"q:{active}": -1, **{f"{m}:{active}": 1 for m in ("jan", "feb", "mar")}}
    assert any(dict(terms) == at_most_sum and at_least for terms, at_least in rows)


def test_small_voice_counts_stay_hidden_across_every_release_and_a_revision(
        tmp_path: Path) -> None:
    """A year of mentoring, consultations and feedback with small counts in it: two short
    mentoring pairs; July's consultations with only two actions done; one form naming
    anger in May; trust named in March and November only (the year's count, five, would
    give one month away if shown with the other). No exact reader of every release
    (months, quarters, the year) pins any of them, nor after a late entry back-dated to
    May and July comes out as revisions."""
    from tests.reports.release_attacker import parse
    from tests.reports.release_helpers import Reader, a_year, hidden_small
    from tests.reports.test_release_attacks import one_at_a_time

    year = 2025
    lead = lead_in_new_centre(tmp_path)
    try:
        mentor = _supporter(lead, "Volunteer", date(year - 1, 3, 1))
        first, second = (peers.create(lead, peer(name, first_contact=date(year - 1, 5, 1)),
                                      today=TODAY) for name in VOICE_CANARIES[:2])
        voice.add_pair(lead, MentoringDraft(first, date(year, 2, 1), mentor,
                                            ends_on=date(year, 4, 30)), today=TODAY)
        voice.add_pair(lead, MentoringDraft(second, date(year, 4, 1), mentor,
                                            ends_on=date(year, 6, 30)), today=TODAY)
        asked = ConsultationDraft(date(year, 1, 8), ConsultationMethod.SURVEY, "Opening hours",
                                  9, said=f"{VOICE_CANARIES[2]} asked for Saturdays",
                                  action="Open Saturdays")
        for month in range(1, 13):
            for n in range(6):
                done = n < (2 if month == 7 else 5)
                voice.add_consultation(lead, replace(
                    asked, held_on=date(year, month, 3 + n),
                    status=ActionStatus.DONE if done else ActionStatus.PLANNED), today=TODAY)
            for n in range(6):
                ticked = {Benefit.LESS_ISOLATION}
                if month == 5 and n == 0:
                    ticked.add(Benefit.ANGER)
                if (month, n) in {(3, 0), (3, 1), (11, 0), (11, 1), (11, 2)}:
                    ticked.add(Benefit.TRUST)
                voice.add_feedback(lead, FeedbackDraft(
                    date(year, month, 10 + n), FeedbackSource.ANONYMOUS, frozenset(ticked)),
                    today=TODAY)
        # Each report protected on its own (as reports once were), the reader pins some.
        alone = Reader(lead)
        one_at_a_time(lead, alone, *a_year(year))
        assert any(voice_rows.BENEFITS_TABLE in label or voice_rows.VOICE_TABLE in label
                   for label in alone.attack())
        reader = Reader(lead)
        published = reader.publish(*a_year(year))
        by_code = {r.release_code.split()[0]: r for r in published}

        def shown(code: str, table_key: str, label: str) -> str:
            table = next(t for s in by_code[code].sections for t in s.tables
                         if t.key == table_key)
            return dict(table.rows)[label][0].shown

        anger, trust = Benefit.ANGER.label, Benefit.TRUST.label
        benefits = voice_rows.BENEFITS_TABLE
        for code in (f"{year}-05", f"{year}-Q2", f"{year}"):
            assert shown(code, benefits, anger) == "*", code
        for code in (f"{year}-03", f"{year}-11"):
            assert shown(code, benefits, trust) == "*", code
        assert shown(f"{year}-07", voice_rows.VOICE_TABLE, voice_rows.ACTIONS_DONE) == "*"
        assert shown(f"{year}-04", voice_rows.VOICE_TABLE, voice_rows.ACTIVE_PAIRS) == "*"
        assert shown(f"{year}-01", voice_rows.VOICE_TABLE, voice_rows.CONSULTATIONS_HELD) == "6"
        assert shown(f"{year}-01", benefits, Benefit.LESS_ISOLATION.label) == "6"
        assert hidden_small(reader, [voice_rows.VOICE_TABLE, benefits]) >= 12
        assert reader.attack() == {}
        # Late entries: a form naming anger back-dated to May, and a consultation back-dated
        # to July and done. May, July, their quarters and the year come out as revisions.
        reader.changed()
        voice.add_feedback(lead, FeedbackDraft(date(year, 5, 28), FeedbackSource.STAFF,
                                               frozenset({Benefit.ANGER})), today=TODAY)
        voice.add_consultation(lead, replace(asked, held_on=date(year, 7, 29),
                                             status=ActionStatus.DONE), today=TODAY)
        (may,) = reader.publish(Period.month(year, 5))
        (july,) = reader.publish(Period.month(year, 7))
        assert may.release_code == f"{year}-05 r2" and july.release_code == f"{year}-07 r2"
        by_code = {r.release_code.split()[0]: r for r in (may, july)}
        assert shown(f"{year}-05", benefits, anger) == "*"
        assert shown(f"{year}-07", voice_rows.VOICE_TABLE, voice_rows.ACTIONS_DONE) == "*"
        codes = {parse(p.csv_text)[1] for p in reader.published}
        assert {f"{year}-Q2 r2", f"{year}-Q3 r2", f"{year} r2"} <= codes
        assert reader.attack() == {}
        csv_all = "\n".join(p.csv_text for p in reader.published)
        for name in (*VOICE_CANARIES, "Volunteer", "Saturdays"):
            assert name not in csv_all, name
    finally:
        lead.vault.close()
        lead.vault.locked.release()
