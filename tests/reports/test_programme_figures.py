"""The Programme section against a small vault counted by hand, read back from the PDF
and the CSV the report writes; no supporter's name anywhere in them."""

from __future__ import annotations

import csv
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
from peerdesk.reports import figures
from peerdesk.reports import programme_figures as programme
from peerdesk.reports.cells import Kind, kind_of, period_cells
from peerdesk.reports.period import Period
from peerdesk.services import casework, groups, listening, peers, reports, supervision, supporters
from peerdesk.services.session import Session
from tests.services.caseload_helpers import lead_in_new_centre, one_to_one, peer

TODAY = date(2026, 11, 22)
OCT = Period.month(2026, 10)
# Held-out names: they must never reach a report.
CANARIES = ("Zephyrquill", "Morvantle", "Quistabel")


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
    return lead


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
    csv_text = (tmp_path / "oct.csv").read_text(encoding="utf-8")
    for name in (*CANARIES, "Avery", "Tamsin", "Rhodri"):
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
