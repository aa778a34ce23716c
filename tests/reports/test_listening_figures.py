"""The Listening service section against a small vault counted by hand, then read back
from the PDF and the CSV the report writes."""

from __future__ import annotations

import csv
from dataclasses import replace
from datetime import date, datetime, time
from pathlib import Path

import pytest
from pypdf import PdfReader

from peerdesk.domain.consent import ConsentDraft, ConsentScope
from peerdesk.domain.directory import DirectoryEntryDraft
from peerdesk.domain.listening import Channel, ContactDraft, KnownCallerDraft, Outcome, Returning
from peerdesk.domain.one_to_one import SessionKind, SessionMode
from peerdesk.reports import figures
from peerdesk.reports.period import Period
from peerdesk.services import (
    became_peer,
    casework,
    directory,
    known_callers,
    listening,
    peers,
    reports,
)
from peerdesk.services import listening_settings as settings
from peerdesk.services.became_peer import Source
from peerdesk.services.session import Session
from tests.services.caseload_helpers import lead_in_new_centre, one_to_one, peer

TODAY = date(2026, 11, 22)
NOW = datetime(2026, 11, 22, 12, 0)
OCT = Period.month(2026, 10)


def _contact(lead: Session, on: date, at: str, channel: Channel, minutes: int,
             region: int | None, first: Returning, **more: object) -> int:
    draft = ContactDraft(on, time.fromisoformat(at), channel, minutes, lead.staff.id, region,
                         first, **more)  # type: ignore[arg-type]
    return listening.log_contact(lead, draft, now=NOW)


@pytest.fixture(scope="module")
def centre(tmp_path_factory: pytest.TempPathFactory) -> tuple[Session, dict[str, int]]:
    """October 2026 (1 Oct is a Thursday; office hours Monday to Friday, 09:00-17:00):

    1. Thu 1 Oct 10:00 phone 30 min, Northvale, first time, Isolation; listened. In hours.
    2. Fri 2 Oct 22:15 text 45, Northvale, returning, Isolation + Crisis, safety
       concern; listened, signposted to Night Line (crisis line).
    3. Sat 3 Oct 11:00 phone 20, Eastmarsh, not known; listened, signposted to Night
       Line and Harbour Counselling (counselling). Out of hours: a Saturday.
    4. Mon 5 Oct 16:59 email 15, no region, first time, Crisis; offered a one-to-one.
    5. Mon 5 Oct 17:00 online chat 60, Eastmarsh, returning; listened. Out: 17:00 is shut.
    6. Tue 6 Oct 21:00 text 10, Northvale, returning; listened. Known caller "Tuesday texter".
    7. Tue 13 Oct 20:30 text 25, Northvale, returning; listened, offered a group. Same caller.
       The caller also texted on Tue 29 Sep (outside). On 20 Oct they became a peer (Kit)
       from contact 7: all three contacts move to Kit's record, counted once each; Kit's
       first one-to-one is on 22 Oct, 23 days after first contact (29 Sep).
    8. Thu 8 Oct phone 5 min: became the peer Dee, who then withdrew consent to
       statistics: left out.
    9. Sun 1 Nov: outside.
    Ana first got in touch on 3 Oct and had her first one-to-one the same day (0 days).
    """
    lead = lead_in_new_centre(tmp_path_factory.mktemp("listening"))
    north = settings.add_item(lead, settings.ListKind.REGION, "Northvale")
    east = settings.add_item(lead, settings.ListKind.REGION, "Eastmarsh")
    topics = {i.name: i.id for i in settings.items(lead, settings.ListKind.TOPIC)}
    cats = {i.name: i.id for i in settings.items(lead, settings.ListKind.CATEGORY)}
    night = directory.add(lead, DirectoryEntryDraft("Night Line", (cats["Crisis line"],),
                                                    all_regions=True), today=TODAY)
    harbour = directory.add(lead, DirectoryEntryDraft("Harbour Counselling",
                                                      (cats["Counselling"],), (east,)),
                            today=TODAY)
    caller = known_callers.create(lead, KnownCallerDraft("Tuesday texter"))
    first, back, unknown = Returning.FIRST, Returning.RETURNING, Returning.UNKNOWN
    _contact(lead, date(2026, 10, 1), "10:00", Channel.PHONE, 30, north, first,
             topic_ids=(topics["Isolation"],))
    _contact(lead, date(2026, 10, 2), "22:15", Channel.TEXT, 45, north, back,
             topic_ids=(topics["Isolation"], topics["Crisis"]), safety_concern=True,
             safety_action="Gave the crisis line number.", signposts=(night,))
    _contact(lead, date(2026, 10, 3), "11:00", Channel.PHONE, 20, east, unknown,
             signposts=(night, harbour))
    _contact(lead, date(2026, 10, 5), "16:59", Channel.EMAIL, 15, None, first,
             topic_ids=(topics["Crisis"],), outcomes=Outcome.OFFERED_ONE_TO_ONE)
    _contact(lead, date(2026, 10, 5), "17:00", Channel.ONLINE_CHAT, 60, east, back)
    _contact(lead, date(2026, 9, 29), "21:00", Channel.TEXT, 40, north, back,
             known_caller_id=caller)
    _contact(lead, date(2026, 10, 6), "21:00", Channel.TEXT, 10, north, back,
             known_caller_id=caller)
    seventh = _contact(lead, date(2026, 10, 13), "20:30", Channel.TEXT, 25, north, back,
                       known_caller_id=caller,
                       outcomes=Outcome.LISTENED | Outcome.OFFERED_GROUP)
    eighth = _contact(lead, date(2026, 10, 8), "12:00", Channel.PHONE, 5, north, first)
    _contact(lead, date(2026, 11, 1), "12:00", Channel.PHONE, 5, north, first)
    kit_draft = became_peer.prefill(lead, Source(contact_id=seventh), today=TODAY)
    assert kit_draft.first_contact == date(2026, 9, 29)
    kit = became_peer.became_peer(lead, Source(contact_id=seventh),
                                  replace(kit_draft, preferred_name="Kit"), today=TODAY)
    dee = became_peer.became_peer(lead, Source(contact_id=eighth),
                                  peer("Dee", first_contact=date(2026, 10, 8)), today=TODAY)
    consent = casework.add_consent(lead, ConsentDraft(dee, ConsentScope.STATISTICS,
                                                      date(2026, 10, 8)), today=TODAY)
    casework.withdraw_consent(lead, consent, today=TODAY)
    ana = peers.create(lead, peer("Ana", first_contact=date(2026, 10, 3)), today=TODAY)
    me = lead.staff.id
    casework.log_session(lead, one_to_one(kit, me, held_on=date(2026, 10, 22),
                                          kind=SessionKind.INTAKE), today=TODAY)
    casework.log_session(lead, one_to_one(ana, me, held_on=date(2026, 10, 3),
                                          mode=SessionMode.PHONE), today=TODAY)
    casework.log_session(lead, one_to_one(dee, me, held_on=date(2026, 10, 9)), today=TODAY)
    return lead, {"kit": kit, "caller": caller}


@pytest.fixture(scope="module")
def counted(centre: tuple[Session, dict[str, int]]) -> figures.RawFigures:
    return figures.compute(centre[0].db, OCT)


def rows(raw: figures.RawFigures, key: str) -> dict[str, int]:
    return {label: values[0] for label, values in raw.tables[key].rows}


def test_contacts_by_each_split_add_up_to_the_headline(counted: figures.RawFigures) -> None:
    assert counted.headlines["listening_contacts"] == 7
    assert rows(counted, "contacts_by_channel") == {
        "Phone": 2, "Text message": 3, "Email": 1, "Online chat": 1,
        "Social media message": 0, "Video call": 0, "Walk-in": 0, "Other": 0}
    assert rows(counted, "contacts_by_region") == {"Eastmarsh": 2, "Northvale": 4,
                                                   "Not recorded": 1}
    assert rows(counted, "contacts_first_time") == {"First time": 2,
                                                    "Been in touch before": 4, "Not known": 1}
    assert rows(counted, "contacts_office_hours") == {"In office hours": 2, "Out of hours": 5}
    assert counted.extras["contact_hours"] == (30 + 20 + 45 + 10 + 25 + 15 + 60) / 60


def test_topics_outcomes_and_signposting(counted: figures.RawFigures) -> None:
    topics = rows(counted, "contacts_by_topic")
    assert {k: v for k, v in topics.items() if v} == {"Isolation": 2, "Crisis": 2,
                                                      "No topic recorded": 4}
    assert rows(counted, "contacts_outcomes") == {
        "Listened": 6, "Signposted": 2, "Offered a one-to-one": 1, "Offered a group": 1,
        "Became a peer": 1}
    signposted = rows(counted, "contacts_signposted")
    assert {k: v for k, v in signposted.items() if v} == {"Crisis line": 2, "Counselling": 1}
    assert signposted["Somewhere not in the directory"] == 0


def test_a_contact_that_became_a_peer_is_counted_once(
        centre: tuple[Session, dict[str, int]], counted: figures.RawFigures) -> None:
    lead = centre[0]
    # Kit's two October contacts are on Kit's record and in the figures once each;
    # they are not one-to-one sessions: Kit (1), Ana (1); Dee is left out.
    assert counted.headlines["sessions"] == 2
    assert counted.headlines["new_peers"] == 1  # Ana; Kit's first contact was in September
    on_record = listening.find(lead, listening.ContactFilter())
    moved = [r for r in listening.rows(lead, on_record) if r.on_peer_record]
    assert len(moved) == 4  # Kit's three and Dee's one
    # Kit's September text is September's, once.
    assert figures.compute(lead.db, Period.month(2026, 9)).headlines["listening_contacts"] == 1
    assert known_callers.search(lead) == []  # the caller's profile went with the move


def test_first_sessions_and_the_median_wait(counted: figures.RawFigures) -> None:
    assert rows(counted, "first_sessions") == {
        "With their first one-to-one session in the period": 2}
    assert counted.extras["median_days_to_first_session"] == 11.5  # 0 and 23 days


def _csv(path: Path) -> dict[tuple[str, str, str], str]:
    with path.open(encoding="utf-8", newline="") as handle:
        return {(r["table"], r["row"], r["column"]): r["value"] for r in csv.DictReader(handle)}


def test_the_section_read_back_from_the_pdf_and_the_csv(
        centre: tuple[Session, dict[str, int]], counted: figures.RawFigures,
        tmp_path: Path) -> None:
    lead = centre[0]
    reports.save_settings(lead, reports.ReportSettings(k=3))
    report = reports.build(lead, OCT)
    reports.save_csv(lead, report, tmp_path / "oct.csv")
    reports.save_pdf(lead, report, tmp_path / "oct.pdf")
    printed = _csv(tmp_path / "oct.csv")
    for key in ("contacts_by_channel", "contacts_by_region", "contacts_first_time",
                "contacts_office_hours", "contacts_outcomes", "contacts_by_topic",
                "contacts_signposted", "first_sessions"):
        table = counted.tables[key]
        truth = dict(rows(counted, key))
        if table.total_row:
            truth["Total"] = sum(truth.values())
        column = table.columns[0]
        for label, value in truth.items():
            shown = printed[(key, label, column)]
            # Every printed count is the count counted by hand, or hidden; no count
            # from 1 to k-1 is ever printed.
            assert shown == str(value) or shown == "*", (key, label, shown)
            if 1 <= value < 3:
                assert shown == "*", (key, label, shown)
    assert printed[("contacts_by_channel", "Total", "Contacts")] == "7"
    # In office hours is 2 (hidden), so its partner must hide too, or 7 - 5 gives it away.
    assert printed[("contacts_office_hours", "Out of hours", "Contacts")] == "*"
    # 205 minutes, printed in whole hours like the hours of one-to-one support.
    assert printed[("listening_summary", "Hours of listening", "Value")] == "3"
    assert printed[("listening_summary", "Median days from first contact to first one-to-one",
                    "Value")] == "–"  # two peers: fewer than k, so no median
    # Worked out from printed counts only: with them hidden, there is no share.
    assert printed[("listening_summary", "Share of contacts out of office hours",
                    "Value")] == "–"
    headline = next(h for h in report.headlines if h.key == "listening_contacts")
    assert headline.cell.shown == "7"
    text = "\n".join(page.extract_text() for page in PdfReader(tmp_path / "oct.pdf").pages)
    assert "Listening service" in text
    assert "Listening-service contacts" in text
    assert "Contacts by channel" in text and "In and out of office hours" in text
    assert "Office hours: Mon, Tue, Wed, Thu, Fri, 09:00–17:00." in text
    assert "Tuesday texter" not in text and "Kit" not in text


def test_office_hours_are_the_centres_own(centre: tuple[Session, dict[str, int]]) -> None:
    lead = centre[0]
    before = settings.office_hours(lead)
    try:
        # Open every day, 08:00 to 23:00: the Saturday call, the 17:00 chat and the
        # evening texts are all in hours now.
        settings.set_office_hours(lead, settings.OfficeHours(frozenset(range(7)),
                                                             time(8), time(23)))
        raw = figures.compute(lead.db, OCT)
        assert rows(raw, "contacts_office_hours") == {"In office hours": 7, "Out of hours": 0}
    finally:
        settings.set_office_hours(lead, before)
