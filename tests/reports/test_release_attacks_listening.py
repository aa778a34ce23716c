"""The listening service's tables under the cross-report attacks: an exact
whole-number solver over every CSV of a year of releases
(tests/reports/release_attacker.py), on small centres built to be hard."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, time
from pathlib import Path

import pytest

from peerdesk.domain.directory import DirectoryEntryDraft
from peerdesk.domain.listening import Channel, ContactDraft, Outcome, Returning
from peerdesk.reports.period import Period
from peerdesk.services import directory, listening
from peerdesk.services import listening_settings as lists
from peerdesk.services.session import Session
from tests.reports.release_helpers import Reader, a_year, hidden_small
from tests.reports.test_release_attacks import one_at_a_time
from tests.services.caseload_helpers import lead_in_new_centre

NOW = datetime(2026, 11, 22, 12, 0)
YEAR = 2025
LISTENING = ("contacts_by_channel", "contacts_by_region", "contacts_by_topic",
             "contacts_first_time", "contacts_office_hours", "contacts_outcomes",
             "contacts_signposted", "first_sessions")


@pytest.fixture
def lead(tmp_path: Path) -> Iterator[Session]:
    session = lead_in_new_centre(tmp_path)
    yield session
    session.vault.close()
    session.vault.locked.release()


def contacts(lead: Session, count: int, on: date, *, channel: Channel = Channel.PHONE,
             region: int | None = None, at: str = "11:00", topics: tuple[int, ...] = (),
             outcomes: Outcome = Outcome.LISTENED, signposts: tuple[int, ...] = (),
             returning: Returning = Returning.RETURNING) -> None:
    for _ in range(count):
        listening.log_contact(lead, ContactDraft(
            on, time.fromisoformat(at), channel, 30, lead.staff.id, region, returning,
            topic_ids=topics, outcomes=outcomes, signposts=signposts), now=NOW)


def _hard_year(lead: Session) -> dict[str, int]:
    """A year of ordinary contacts in two regions, and one contact that is alone in
    its region (Highcombe), its channel (video), its topic (Crisis), its time (late
    at night), the first time they got in touch, and what it was signposted to (the
    only legal service). Two more came from Westfold in February, a region retired
    since: only February, its quarter and the year have its row."""
    north = lists.add_item(lead, lists.ListKind.REGION, "Northvale")
    east = lists.add_item(lead, lists.ListKind.REGION, "Eastmarsh")
    high = lists.add_item(lead, lists.ListKind.REGION, "Highcombe")
    topics = {i.name: i.id for i in lists.items(lead, lists.ListKind.TOPIC)}
    cats = {i.name: i.id for i in lists.items(lead, lists.ListKind.CATEGORY)}
    law = directory.add(lead, DirectoryEntryDraft("Open Law", (cats["Legal"],),
                                                  all_regions=True), today=NOW.date())
    for month in range(1, 13):
        contacts(lead, 8 + month % 3, date(YEAR, month, 5), region=north,
                 topics=(topics["Isolation"],))
        contacts(lead, 6 + month % 2, date(YEAR, month, 12), channel=Channel.TEXT,
                 region=east, at="21:00")
    contacts(lead, 1, date(YEAR, 5, 20), channel=Channel.VIDEO, region=high, at="23:30",
             topics=(topics["Crisis"],), signposts=(law,), returning=Returning.FIRST)
    west = lists.add_item(lead, lists.ListKind.REGION, "Westfold")
    contacts(lead, 2, date(YEAR, 2, 17), region=west)
    lists.set_item_active(lead, lists.ListKind.REGION, west, False)
    return {"north": north, "east": east, "high": high, "crisis": topics["Crisis"],
            "law": law}


def test_a_single_contact_in_a_region_over_a_year_and_one_back_dated(lead: Session) -> None:
    known = _hard_year(lead)
    reader = Reader(lead)
    reader.publish(*a_year(YEAR))
    assert hidden_small(reader, LISTENING) >= 6  # the lone contact, in each of its tables
    assert reader.attack() == {}
    # A second Highcombe contact entered late, back-dated to March: March, its
    # quarter and the year come out as revisions.
    reader.changed()
    contacts(lead, 1, date(YEAR, 3, 9), channel=Channel.VIDEO, region=known["high"])
    (march,) = reader.publish(Period.month(YEAR, 3))
    assert march.release_code == f"{YEAR}-03 r2" and "replaces" in march.revision_note
    assert reader.attack() == {}


def test_one_back_dated_contact_and_the_month_run_again(lead: Session) -> None:
    # Email contacts: 4, then one more entered late. Protected one report at a
    # time, the email count is worked out from the two versions of the month.
    contacts(lead, 4, date(YEAR, 1, 8), channel=Channel.EMAIL)
    contacts(lead, 10, date(YEAR, 1, 9))
    before, after = Reader(lead), Reader(lead)
    january = Period.month(YEAR, 1)
    one_at_a_time(lead, before, january)
    after.publish(january)
    for reader in (before, after):
        reader.changed()
    contacts(lead, 1, date(YEAR, 1, 20), channel=Channel.EMAIL)
    one_at_a_time(lead, before, january)
    (revised,) = after.publish(january)
    assert any("Email" in label for label in before.attack())
    assert revised.release_code == f"{YEAR}-01 r2"
    assert after.attack() == {}


def test_the_trend_of_contacts_copies_released_months(lead: Session) -> None:
    contacts(lead, 3, date(YEAR, 2, 10))
    contacts(lead, 20, date(YEAR, 3, 10))
    reader = Reader(lead)
    feb, mar = reader.publish(Period.month(YEAR, 2), Period.month(YEAR, 3))
    bars = next(t for s in mar.sections for t in s.trends if t.key == "trend_contacts")
    february = next(h.cell for h in feb.headlines if h.key == "listening_contacts")
    assert february.shown == "*"
    assert bars.values[bars.months.index(f"{YEAR}-02")] == february  # no new number
    assert bars.values[bars.months.index(f"{YEAR}-01")].shown == "–"  # not published
    assert reader.attack() == {}
