"""Every headline figure against a small vault whose numbers are counted by hand."""

from __future__ import annotations

from datetime import date

import pytest

from peerdesk.domain.consent import ConsentDraft, ConsentScope
from peerdesk.domain.groups import GroupDraft, Mark, MeetingDraft
from peerdesk.domain.one_to_one import SessionKind, SessionMode
from peerdesk.domain.outcomes import ONS4, UCLA3, RatingDraft
from peerdesk.domain.peer import AgeBand, ContactRoute, Gender
from peerdesk.domain.referral import ReferralDestination, ReferralDraft, ReferralStatus
from peerdesk.reports import figures
from peerdesk.reports.period import Period
from peerdesk.services import casework, groups, peers
from peerdesk.storage.repositories import referrals as referral_repo
from peerdesk.storage.vault import utc_now
from tests.fixtures.vaults import close, sign_in, template, vault
from tests.services.caseload_helpers import lead_in_new_centre, one_to_one, peer

__all__ = ["template", "vault"]  # fixtures

TODAY = date(2026, 11, 22)
OCT = Period.month(2026, 10)


def rows(table: figures.RawTable) -> dict[str, tuple[int, ...]]:
    return dict(table.rows)


@pytest.fixture(scope="module")
def counted(tmp_path_factory: pytest.TempPathFactory) -> figures.RawFigures:
    """October 2026, by hand:

    Ana (woman, 25-34, walked in 3 Oct): 2 sessions in Oct (in person 60 min intake,
      phone 30 min), follow-up due 10 Oct done by the 2nd session on 8 Oct (on time);
      attended both October meetings; ONS4 rated 1 Sep and 20 Oct (better).
    Ben (man, 35-44, first contact 2025): 1 video session 45 min in Oct; follow-up due
      20 Oct never done; apologies at meeting 1, attended meeting 2; a September
      session (outside); UCLA rated twice (worse: loneliness up).
    Cy (no gender/age, phone first contact 12 Oct): no sessions; attended meeting 1
      as a walk-in; referred to counselling 14 Oct (accepted).
    Dee (withdrew statistics consent): 1 session + attended both meetings + a
      referral in Oct: left out of everything.
    Meetings: 7 Oct (head-count 2) and 21 Oct (head-count 1) of one group; a
      cancelled meeting on 28 Oct and a meeting in November don't count.
    """
    lead = lead_in_new_centre(tmp_path_factory.mktemp("figures"))
    me = lead.staff.id
    ana = peers.create(lead, peer("Ana", first_contact=date(2026, 10, 3), gender=Gender.WOMAN,
                                  age_band=AgeBand.B25_34, contact_route=ContactRoute.WALK_IN),
                       today=TODAY)
    ben = peers.create(lead, peer("Ben", first_contact=date(2025, 5, 1), gender=Gender.MAN,
                                  age_band=AgeBand.B35_44), today=TODAY)
    cy = peers.create(lead, peer("Cy", first_contact=date(2026, 10, 12),
                                 contact_route=ContactRoute.PHONE), today=TODAY)
    dee = peers.create(lead, peer("Dee", first_contact=date(2026, 10, 1)), today=TODAY)
    consent = casework.add_consent(lead, ConsentDraft(dee, ConsentScope.STATISTICS,
                                                      date(2026, 10, 1)), today=TODAY)
    casework.withdraw_consent(lead, consent, today=TODAY)

    def log(peer_id: int, on: date, mode: SessionMode, minutes: int, **more: object) -> None:
        casework.log_session(lead, one_to_one(peer_id, me, held_on=on, mode=mode,
                                              minutes=minutes, **more), today=TODAY)

    log(ana, date(2026, 10, 3), SessionMode.IN_PERSON, 60, kind=SessionKind.INTAKE,
        follow_up_on=date(2026, 10, 10))
    log(ana, date(2026, 10, 8), SessionMode.PHONE, 30)
    log(ben, date(2026, 9, 20), SessionMode.PHONE, 30)
    log(ben, date(2026, 10, 15), SessionMode.VIDEO, 45, follow_up_on=date(2026, 10, 20))
    log(dee, date(2026, 10, 5), SessionMode.TEXT, 15, follow_up_on=date(2026, 10, 6))
    group = groups.create_group(lead, GroupDraft("Circle"))
    for member in (ana, ben, dee):
        groups.add_member(lead, group, member, today=TODAY)
    first = groups.schedule_meeting(lead, MeetingDraft(group, date(2026, 10, 7)), today=TODAY)
    second = groups.schedule_meeting(lead, MeetingDraft(group, date(2026, 10, 21)), today=TODAY)
    cancelled = groups.schedule_meeting(lead, MeetingDraft(group, date(2026, 10, 28)),
                                        today=TODAY)
    later = groups.schedule_meeting(lead, MeetingDraft(group, date(2026, 11, 4)), today=TODAY)
    groups.save_register(lead, first, {ana: Mark.ATTENDED, ben: Mark.APOLOGIES,
                                       dee: Mark.ATTENDED, cy: Mark.ATTENDED},
                         walk_ins={cy}, anonymous_count=2, today=TODAY)
    groups.save_register(lead, second, {ana: Mark.ATTENDED, ben: Mark.ATTENDED,
                                        dee: Mark.ATTENDED}, anonymous_count=1, today=TODAY)
    groups.cancel_meeting(lead, cancelled)
    groups.save_register(lead, later, {ana: Mark.ATTENDED}, anonymous_count=4, today=TODAY)
    ref = casework.add_referral(lead, ReferralDraft(cy, date(2026, 10, 14),
                                                    ReferralDestination.COUNSELLING, "Talking"),
                                today=TODAY)
    casework.set_referral_status(lead, ref, ReferralStatus.ACCEPTED)
    casework.add_referral(lead, ReferralDraft(dee, date(2026, 10, 14),
                                              ReferralDestination.AGENCY, "Advice"), today=TODAY)
    casework.add_rating(lead, RatingDraft(ana, me, ONS4, date(2026, 9, 1), (5, 5, 5, 8)),
                        today=TODAY)
    casework.add_rating(lead, RatingDraft(ana, me, ONS4, date(2026, 10, 20), (6, 6, 6, 4)),
                        today=TODAY)
    casework.add_rating(lead, RatingDraft(ben, me, UCLA3, date(2026, 8, 1), (1, 1, 2)),
                        today=TODAY)
    casework.add_rating(lead, RatingDraft(ben, me, UCLA3, date(2026, 10, 2), (2, 3, 2)),
                        today=TODAY)
    try:
        return figures.compute(lead.db, OCT)
    finally:
        lead.vault.close()
        lead.vault.locked.release()


def test_headline_figures(counted: figures.RawFigures) -> None:
    assert counted.headlines == {
        "sessions": 3, "peers_supported": 3, "new_peers": 2, "groups_run": 1,
        "meetings_held": 2, "attendances": 4, "unique_attendees": 3,
        "anonymous_headcount": 3, "referrals": 1, "follow_ups_due": 2,
        "follow_ups_on_time": 1, "listening_contacts": 0,
    }
    assert counted.session_hours == (60 + 30 + 45) / 60
    assert counted.excluded_peers == 1


def test_tables(counted: figures.RawFigures) -> None:
    t = counted.tables
    assert {k: v for k, v in rows(t["sessions_by_mode"]).items() if v[0]} == {
        "In person": (1,), "Phone": (1,), "Video call": (1,)}
    # Hours stay exact until printed, so the printed total matches the headline.
    by_mode = t["sessions_by_mode"]
    assert by_mode.hours is not None
    hours = {label: h for (label, _), h in zip(by_mode.rows, by_mode.hours, strict=True) if h}
    assert hours == {"In person": 1.0, "Phone": 0.5, "Video call": 0.75}
    assert {k: v for k, v in rows(t["sessions_by_kind"]).items() if v[0]} == {
        "First contact / intake": (1,), "Peer support": (2,)}
    assert {k: v for k, v in rows(t["gender"]).items() if v[0]} == {
        "Woman": (1,), "Man": (1,), "Not recorded": (1,)}
    assert {k: v for k, v in rows(t["age"]).items() if v[0]} == {
        "25-34": (1,), "35-44": (1,), "Not recorded": (1,)}
    assert {k: v for k, v in rows(t["contact_route"]).items() if v[0]} == {
        "Walked in": (1,), "Phone call": (1,)}
    assert rows(t["referrals"])["Counselling or therapy"] == (0, 1, 0)
    assert rows(t["referrals"])["Another agency"] == (0, 0, 0)  # Dee's: left out
    assert rows(t["follow_ups"]) == {"Done on time": (1,), "Done late": (0,),
                                     "Not done yet": (1,)}
    assert rows(t["outcomes"]) == {"Personal wellbeing (ONS4)": (1, 0, 0),
                                   "Loneliness (UCLA 3-item)": (0, 0, 1)}


def test_no_trend_is_counted_from_the_history(counted: figures.RawFigures) -> None:
    # A month's bar is what that month's own release printed (services.releases),
    # so a report counts its own period and nothing before it.
    assert counted.trends == []


def test_a_report_counts_one_moment_while_others_keep_saving(vault) -> None:
    """A referral saved on another connection while the report counts (here: as
    its sessions are read, before its referrals are) is left out of every
    figure, not counted by the statements that happen to run later."""
    lead = sign_in(vault, "Lee Lead")
    other = lead.vault.connect()
    try:
        ana = peers.create(lead, peer("Ana", first_contact=date(2026, 10, 3)), today=TODAY)
        casework.log_session(lead, one_to_one(ana, lead.staff.id, held_on=date(2026, 10, 5),
                                              mode=SessionMode.PHONE, minutes=30),
                             today=TODAY)
        draft = ReferralDraft(ana, date(2026, 10, 14), ReferralDestination.COUNSELLING,
                              "Talking").validated(TODAY)
        saved: list[int] = []

        def save_a_referral_meanwhile(sql: str) -> None:
            if not saved and "FROM one_to_one" in sql and "GROUP BY held_on" in sql:
                with other.transaction():
                    saved.append(referral_repo.insert(other, draft,
                                                      recorded_by=lead.staff.id,
                                                      now=utc_now()))

        # The driver's own hook, on the report's connection: it runs as each
        # statement starts.
        lead.db._conn.set_trace_callback(save_a_referral_meanwhile)
        try:
            during = figures.compute(lead.db, OCT)
        finally:
            lead.db._conn.set_trace_callback(None)
        assert saved, "the referral was saved while the report counted"
        assert during.headlines["referrals"] == 0
        assert figures.compute(lead.db, OCT).headlines["referrals"] == 1
    finally:
        other.close()
        close(lead)
