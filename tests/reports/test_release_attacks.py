"""The attacks of the cross-report disclosure issue, each run as an outsider would:
an exact whole-number solver over every CSV the centre published
(tests/reports/release_attacker.py), on small centres built to be hard.

Where it makes the point, a test first shows the attack working on the same
reports protected one at a time (as each report used to be), then shows it
finding nothing in what the centre actually publishes.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from peerdesk.domain.consent import ConsentDraft, ConsentScope
from peerdesk.domain.groups import GroupDraft, Mark, MeetingDraft
from peerdesk.domain.one_to_one import SessionMode
from peerdesk.domain.peer import ContactRoute, Gender
from peerdesk.reports import figures
from peerdesk.reports.disclosure import Rules, protect
from peerdesk.reports.period import Period
from peerdesk.services import casework, groups, peers, reports
from peerdesk.services.releases import NotPublishable
from peerdesk.services.session import Session
from tests.reports.release_helpers import Reader
from tests.services.caseload_helpers import lead_in_new_centre, one_to_one, peer

TODAY = date(2026, 11, 22)
JAN, FEB, MAR = (Period.month(2026, m) for m in (1, 2, 3))
Q1 = Period.quarter(2026, 1)


@pytest.fixture
def lead(tmp_path: Path) -> Iterator[Session]:
    session = lead_in_new_centre(tmp_path)
    yield session
    session.vault.close()
    session.vault.locked.release()


def people(lead: Session, count: int, on: date, *, mode: SessionMode = SessionMode.IN_PERSON,
           gender: Gender = Gender.WOMAN, route: ContactRoute = ContactRoute.WALK_IN,
           first_contact: date | None = None) -> list[int]:
    """`count` new peers, each with one session on `on`."""
    ids = []
    for _ in range(count):
        who = peers.create(lead, peer(f"P{len(ids)}", gender=gender, contact_route=route,
                                      first_contact=first_contact or on), today=TODAY)
        casework.log_session(lead, one_to_one(who, lead.staff.id, held_on=on, mode=mode),
                             today=TODAY)
        ids.append(who)
    return ids


def one_at_a_time(lead: Session, reader: Reader, *periods: Period) -> None:
    """What a reader got when each report was protected on its own."""
    for period in periods:
        report = protect(figures.compute(lead.db, period), Rules(), centre_name="C")
        reader.receive(replace(report, release_code="old", preview=False))


# -- 1. across periods -----------------------------------------------------------------


def _phone_quarter(lead: Session) -> None:
    # Phone contacts: January 2, February 10, March 10; plenty in person.
    for month, phone in ((1, 2), (2, 10), (3, 10)):
        people(lead, phone, date(2026, month, 12), mode=SessionMode.PHONE)
        people(lead, 30, date(2026, month, 14))


def test_attack_quarter_minus_its_months(lead: Session) -> None:
    _phone_quarter(lead)
    before = Reader(lead)
    one_at_a_time(lead, before, JAN, FEB, MAR, Q1)
    assert any("Phone" in label for label in before.attack())  # January's 2, found
    after = Reader(lead)
    after.publish(JAN, FEB, MAR, Q1)
    assert after.attack() == {}


def test_attack_a_hidden_month_total_reprinted_as_a_bar(lead: Session) -> None:
    # February's total is hidden in February's report; March's trend used to
    # draw February's bar from a fresh count.
    people(lead, 2, date(2026, 2, 10), gender=Gender.WOMAN)
    people(lead, 2, date(2026, 2, 11), gender=Gender.MAN)
    people(lead, 20, date(2026, 3, 10))
    reader = Reader(lead)
    feb, mar = reader.publish(FEB, MAR)
    bar = next(t for s in mar.sections for t in s.trends if t.key == "trend_peers")
    february = bar.values[bar.months.index("2026-02")]
    headline = next(h.cell for h in feb.headlines if h.key == "peers_supported")
    assert february == headline  # the bar is February's printed figure, nothing new
    assert reader.attack() == {}


# -- 2. inside one report, through inequalities ----------------------------------------


def _group_of_eight(lead: Session) -> None:
    group = groups.create_group(lead, GroupDraft("Circle"))
    members = []
    for gender in (Gender.WOMAN, Gender.MAN):
        for i in range(4):
            who = peers.create(lead, peer(f"{gender.value}{i}", gender=gender,
                                          first_contact=date(2025, 12, 1)), today=TODAY)
            groups.add_member(lead, group, who, today=TODAY)
            members.append(who)
    for day in (6, 13, 20, 27):
        meeting = groups.schedule_meeting(lead, MeetingDraft(group, date(2026, 1, day)),
                                          today=TODAY)
        groups.save_register(lead, meeting, dict.fromkeys(members, Mark.ATTENDED), today=TODAY)


def test_attack_different_people_at_groups_bound_the_hidden_genders(lead: Session) -> None:
    _group_of_eight(lead)
    reader = Reader(lead)
    (january,) = reader.publish(JAN)
    genders = {t.key: t for s in january.sections for t in s.tables}["gender"]
    assert {label: cells[0].shown for label, cells in genders.rows}["Woman"] == "*"
    assert reader.attack() == {}


def test_attack_a_quarters_bars_bound_its_own_hidden_total(lead: Session) -> None:
    _group_of_eight(lead)
    people(lead, 8, date(2026, 2, 3), gender=Gender.NON_BINARY)
    people(lead, 8, date(2026, 3, 3), gender=Gender.NON_BINARY)
    reader = Reader(lead)
    reader.publish(JAN, FEB, MAR, Q1)
    assert reader.attack() == {}


# -- 3. rounding -----------------------------------------------------------------------


def test_attack_rows_and_totals_rounded_apart_pin_nothing_small(lead: Session) -> None:
    from peerdesk.reports.disclosure import Rounding
    from peerdesk.services.reports import ReportSettings, save_settings

    save_settings(lead, ReportSettings(k=5, rounding=Rounding.BASE_5))
    for mode, count in ((SessionMode.IN_PERSON, 8), (SessionMode.PHONE, 8),
                        (SessionMode.VIDEO, 8), (SessionMode.TEXT, 2)):
        people(lead, count, date(2026, 1, 9), mode=mode)
    reader = Reader(lead)
    (january,) = reader.publish(JAN)
    modes = {t.key: t for s in january.sections for t in s.tables}["sessions_by_mode"]
    printed = {label: cells[0].shown for label, cells in modes.rows}
    assert printed["Text"] == "*" and "10" in printed.values()
    assert "Hours" not in modes.columns  # hours never sit beside rounded counts
    # The reader knows a printed 10 is 8 to 12: still nothing small can be pinned.
    assert reader.attack(rounded_by=2) == {}


def test_random_rounding_prints_one_figure_the_same_in_every_report(lead: Session) -> None:
    from peerdesk.reports.disclosure import Rounding
    from peerdesk.services.reports import ReportSettings, save_settings

    save_settings(lead, ReportSettings(k=5, rounding=Rounding.RANDOM_3))
    for month in range(1, 13):
        people(lead, 7 + month, date(2025, month, 5))
    reader = Reader(lead)
    reports_ = reader.publish(*(Period.month(2025, m) for m in range(1, 13)))
    january = next(h.cell for h in reports_[0].headlines if h.key == "sessions")
    bars = [t.values[t.months.index("2025-01")] for r in reports_[1:] for s in r.sections
            for t in s.trends if t.key == "trend_sessions"]
    assert len(bars) == 11 and set(bars) == {january}  # one print, not eleven draws
    again = reports.publish(lead, Period.month(2025, 1)).report
    assert next(h.cell for h in again.headlines if h.key == "sessions") == january


def test_the_withdrawn_note_carries_no_number(lead: Session) -> None:
    ids = people(lead, 13, date(2026, 1, 9))
    people(lead, 20, date(2026, 1, 10))
    for who in ids:
        consent = casework.add_consent(lead, ConsentDraft(who, ConsentScope.STATISTICS,
                                                          date(2026, 1, 1)), today=TODAY)
        casework.withdraw_consent(lead, consent, today=TODAY)
    (january,) = Reader(lead).publish(JAN)
    assert january.exclusion_note
    assert not any(ch.isdigit() for ch in january.exclusion_note)


# -- 4. re-runs ------------------------------------------------------------------------


def test_attack_one_back_dated_record_and_the_month_run_again(lead: Session) -> None:
    people(lead, 4, date(2026, 1, 8), gender=Gender.WOMAN)
    people(lead, 10, date(2026, 1, 9), gender=Gender.MAN)
    before, after = Reader(lead), Reader(lead)
    one_at_a_time(lead, before, JAN)
    after.publish(JAN)
    for reader in (before, after):
        reader.changed()
    people(lead, 1, date(2026, 1, 20), gender=Gender.WOMAN)  # entered late
    one_at_a_time(lead, before, JAN)
    (revised,) = after.publish(JAN)
    assert any("Woman" in label for label in before.attack())  # women were 4
    assert revised.release_code == "2026-01 r2" and "replaces 2026-01 r1" in \
        revised.revision_note
    assert after.attack() == {}


def test_attack_a_consent_withdrawn_and_the_month_run_again(lead: Session) -> None:
    # One person alone in four categories: non-binary, referred by an agency,
    # a video session; everyone else in person, walked in, women or men.
    (alone,) = people(lead, 1, date(2026, 1, 7), mode=SessionMode.VIDEO,
                      gender=Gender.NON_BINARY, route=ContactRoute.AGENCY_REFERRAL)
    people(lead, 12, date(2026, 1, 8), gender=Gender.WOMAN)
    people(lead, 11, date(2026, 1, 9), gender=Gender.MAN)
    reader = Reader(lead)
    reader.publish(JAN)
    reader.changed()
    consent = casework.add_consent(lead, ConsentDraft(alone, ConsentScope.STATISTICS,
                                                      date(2026, 1, 1)), today=TODAY)
    casework.withdraw_consent(lead, consent, today=TODAY)
    (revised,) = reader.publish(JAN)
    assert revised.revision_note
    assert reader.attack() == {}


def test_custom_ranges_a_day_apart_are_preview_only(lead: Session) -> None:
    people(lead, 3, date(2026, 1, 1))
    people(lead, 20, date(2026, 1, 15))
    reports.publish(lead, JAN)
    one_day_less = Period.custom(date(2026, 1, 2), date(2026, 1, 31))
    with pytest.raises(NotPublishable, match="previewed only"):
        reports.publish(lead, one_day_less)
    assert reports.build(lead, one_day_less).preview
    # The same days as January are January's release, not a second one.
    whole = Period.custom(date(2026, 1, 1), date(2026, 1, 31))
    assert reports.publish(lead, whole).report.release_code == "2026-01 r1"
    two_months = Period.custom(date(2026, 1, 1), date(2026, 2, 28))
    assert reports.publish(lead, two_months).report.release_code == "2026-01..2026-02 r1"
    # Partly over a published range: preview only.
    with pytest.raises(NotPublishable, match="partly overlaps"):
        reports.publish(lead, Period.custom(date(2026, 2, 1), date(2026, 3, 31)))


def test_a_single_person_in_a_category_over_a_quarter(lead: Session) -> None:
    people(lead, 1, date(2026, 2, 14), gender=Gender.PREFER_NOT_TO_SAY)
    for month in (1, 2, 3):
        people(lead, 9, date(2026, month, 3), gender=Gender.WOMAN)
        people(lead, 7, date(2026, month, 4), gender=Gender.MAN)
    reader = Reader(lead)
    reader.publish(JAN, FEB, MAR, Q1)
    assert reader.attack() == {}
