"""Builders shared by the listening-service tests."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

from peerdesk.domain.directory import DirectoryEntryDraft
from peerdesk.domain.listening import Channel, ContactDraft, Outcome, Returning
from peerdesk.services import directory, listening
from peerdesk.services import listening_settings as settings
from peerdesk.services.session import Session

TODAY = date(2026, 11, 22)
NOW = datetime(2026, 11, 22, 15, 30)


@dataclass(frozen=True, slots=True)
class Lists:
    north: int
    east: int
    topics: dict[str, int]
    categories: dict[str, int]
    night_line: int
    law_centre: int


def lists(lead: Session) -> Lists:
    """Two regions and two directory services in a new vault (as its programme lead)."""
    north = settings.add_item(lead, settings.ListKind.REGION, "Northvale")
    east = settings.add_item(lead, settings.ListKind.REGION, "Eastmarsh")
    topics = {i.name: i.id for i in settings.items(lead, settings.ListKind.TOPIC)}
    cats = {i.name: i.id for i in settings.items(lead, settings.ListKind.CATEGORY)}
    night = directory.add(lead, DirectoryEntryDraft("Night Line", (cats["Crisis line"],),
                                                    all_regions=True, phone="01632 960001"),
                          today=TODAY)
    law = directory.add(lead, DirectoryEntryDraft("Riverside Law Centre", (cats["Legal"],),
                                                  (east,), email="help@law.example.org"),
                        today=TODAY)
    return Lists(north, east, topics, cats, night, law)


def contact(taken_by: int, **changes: object) -> ContactDraft:
    fields: dict[str, object] = dict(
        contacted_on=date(2026, 11, 20), contacted_time=time(21, 40), channel=Channel.PHONE,
        minutes=30, taken_by=taken_by, region_id=None, returning=Returning.UNKNOWN,
        outcomes=Outcome.LISTENED)
    fields.update(changes)
    return ContactDraft(**fields)  # type: ignore[arg-type]


def log(session: Session, **changes: object) -> int:
    return listening.log_contact(session, contact(session.staff.id, **changes), now=NOW)
