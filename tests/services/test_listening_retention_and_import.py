"""Retention of anonymous contacts; importing a call log, all or nothing; a peer's
contacts in their erasure and their subject access export."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest

from peerdesk.domain.errors import PermissionDenied, ValidationError
from peerdesk.domain.listening import Channel, KnownCallerDraft, Outcome
from peerdesk.services import (
    became_peer,
    contact_import,
    erasure,
    known_callers,
    listening,
    listening_retention,
    subject_access,
)
from peerdesk.services import listening_settings as settings
from peerdesk.services.became_peer import Source
from peerdesk.services.contact_import import ImportRefused
from peerdesk.services.listening import ContactFilter
from peerdesk.services.session import Session
from peerdesk.storage.paths import VaultPaths
from tests.fixtures.vaults import close, sign_in

from .listening_helpers import TODAY, Lists, lists, log
from .vault_pages import database_pages, wal_pages, words_found

HEADINGS = ("date,time,channel,minutes,taken_by,region,in_touch_before,topics,"
            "safety_concern,safety_action,outcomes,signposted_to,known_caller,notes\n")


@pytest.fixture
def lead(vault: VaultPaths) -> Iterator[Session]:
    session = sign_in(vault, "Lee Lead")
    yield session
    if session.db.is_open:
        close(session)


@pytest.fixture
def named(lead: Session) -> Lists:
    return lists(lead)


# -- retention ---------------------------------------------------------------------------


def test_contacts_and_quiet_known_callers_past_the_period_go_in_one_step(
        lead: Session, named: Lists, vault: VaultPaths) -> None:
    assert settings.contact_months(lead.db) == 24  # two years unless the centre says
    quiet = known_callers.create(lead, KnownCallerDraft("Old friend"))
    old = log(lead, contacted_on=date(2024, 10, 1), known_caller_id=quiet,
              notes="glimmerfrost story")
    edge = log(lead, contacted_on=date(2024, 11, 22))   # exactly 24 months: past
    kept = log(lead, contacted_on=date(2024, 11, 23))
    active = known_callers.create(lead, KnownCallerDraft("Still around"))
    log(lead, contacted_on=date(2024, 5, 1), known_caller_id=active)
    recent = log(lead, contacted_on=date(2026, 11, 1), known_caller_id=active)
    # A contact on a peer's record follows the peer's own period, not this one.
    moved = log(lead, contacted_on=date(2023, 1, 5))
    became_peer.became_peer(lead, Source(contact_id=moved), replace(
        became_peer.prefill(lead, Source(contact_id=moved), today=TODAY),
        preferred_name="Ari"), today=TODAY)
    due = listening_retention.due(lead, today=TODAY)
    assert (due.cutoff, due.contacts, due.callers, due.oldest) == (
        date(2024, 11, 22), 3, 1, date(2024, 5, 1))
    key = bytes(lead.vault.key("casework").key)
    listening_retention.delete_due(lead, due, today=TODAY)
    assert set(listening.find(lead, ContactFilter())) == {kept, recent, moved}
    assert [c.draft.nickname for c in known_callers.search(lead)] == ["Still around"]
    assert old not in listening.find(lead, ContactFilter()) and edge != kept
    pages = [*database_pages(vault.casework, key),
             *wal_pages(vault.casework.with_name(vault.casework.name + "-wal"), key)]
    assert words_found(pages, ["glimmerfrost", "Old friend"]) == set()
    with pytest.raises(ValidationError, match="changed since"):
        listening_retention.delete_due(lead, due, today=TODAY)  # nothing left of it


def test_the_period_is_a_setting_for_programme_leads(vault: VaultPaths) -> None:
    lead = sign_in(vault, "Lee Lead")
    try:
        assert settings.set_contact_months(lead, "18") == 18
        with pytest.raises(ValidationError, match="1 to 120 whole months"):
            settings.set_contact_months(lead, 0)
        assert listening_retention.due(lead, today=TODAY).cutoff == date(2025, 5, 22)
    finally:
        close(lead)
    worker = sign_in(vault, "Cal Worker")
    try:
        with pytest.raises(PermissionDenied):
            listening_retention.due(worker, today=TODAY)
        with pytest.raises(PermissionDenied):
            settings.set_contact_months(worker, 12)
    finally:
        close(worker)


# -- a peer's contacts in erasure and subject access -------------------------------------------


def test_erasing_a_peer_takes_the_contacts_from_before_they_became_one(
        lead: Session, vault: VaultPaths, tmp_path: Path) -> None:
    contact_id = log(lead, notes="wobblequartz memory", channel=Channel.TEXT)
    peer_id = became_peer.became_peer(lead, Source(contact_id=contact_id), replace(
        became_peer.prefill(lead, Source(contact_id=contact_id), today=TODAY),
        preferred_name="Ari"), today=TODAY)
    record = subject_access.build(lead, peer_id, today=TODAY)
    part = next(p for p in record.parts if p.heading.startswith("Before you became a peer"))
    assert part.heading.endswith("(1)")
    assert part.entries[0].heading.startswith("2026-11-20 21:40 · Text message · 30 min")
    assert ("Notes", "wobblequartz memory") in part.entries[0].texts
    key = bytes(lead.vault.key("casework").key)
    erasure.erase_peer(lead, peer_id, typed_ref=record.reference)
    assert listening.find(lead, ContactFilter()) == []
    pages = [*database_pages(vault.casework, key),
             *wal_pages(vault.casework.with_name(vault.casework.name + "-wal"), key)]
    assert words_found(pages, ["wobblequartz"]) == set()


# -- importing a call log ----------------------------------------------------------------------


def _file(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "calls.csv"
    path.write_text(HEADINGS + body, encoding="utf-8")
    return path


def test_a_call_log_imports_into_contacts(lead: Session, named: Lists, tmp_path: Path) -> None:
    path = _file(tmp_path, (
        "2026-10-02,22:15,Text message,45,,Northvale,returning,Isolation; Crisis,yes,"
        "Gave the crisis line number.,listened; signposted,Night Line,Night owl,"
        "Couldn't sleep.\n"
        "03/10/2026,11:00,phone,20,Cal Worker,eastmarsh,first time,,no,,,,,\n"
        "2026-10-05,9:05,webchat,1:30,,,,,,,offered a one-to-one,,night owl,\n"))
    checked = contact_import.preview(lead, path, now=datetime(2026, 11, 22, 12))
    assert checked.ok, checked.problems
    assert (checked.row_count, checked.new_callers) == (3, ["Night owl"])
    assert contact_import.apply(lead, checked) == 3
    ids = listening.find(lead, ContactFilter(descending=False))
    rows = listening.rows(lead, ids)
    assert [(r.contacted_on, r.contacted_time, r.channel, r.minutes, r.region, r.caller)
            for r in rows] == [
        ("2026-10-02", "22:15", Channel.TEXT, 45, "Northvale", "Night owl"),
        ("2026-10-03", "11:00", Channel.PHONE, 20, "Eastmarsh", ""),
        ("2026-10-05", "09:05", Channel.ONLINE_CHAT, 90, "", "Night owl")]
    assert rows[0].outcomes == Outcome.LISTENED | Outcome.SIGNPOSTED
    assert rows[1].taken_by == "Cal Worker" and rows[0].taken_by == "Lee Lead"
    first = listening.get_contact(lead, ids[0]).draft
    assert first.signposts == (named.night_line,) and first.safety_concern
    assert known_callers.search(lead)[0].contacts == 2


def test_a_call_log_with_a_bad_row_imports_nothing_and_names_row_and_column(
        lead: Session, named: Lists, tmp_path: Path) -> None:
    path = _file(tmp_path, (
        "2026-10-02,22:15,Text message,45,,Northvale,,,,,,,,\n"
        "2026-10-03,11:00,pigeon,20,,Northvail,,Sleep,,,,,,\n"
        "2026-12-03,11:00,phone,0,,,,,,,,,,\n"
        "2026-10-04,11:00,phone,800,,,,,,,,Nowhere Clinic,,\n"))
    checked = contact_import.preview(lead, path, now=datetime(2026, 11, 22, 12))
    assert not checked.ok
    problems = [str(p) for p in checked.problems]
    assert ("line 3: channel: “pigeon” is not a channel PeerDesk knows (Phone, Text message, "
            "Email, Online chat, Social media message, Video call, Walk-in, Other).") in problems
    assert ("line 3: region: “Northvail” is not one of the centre's regions (Eastmarsh, "
            "Northvale).") in problems
    assert any(p.startswith("line 3: topics: “Sleep” is not one of the centre's contact "
                            "topics") for p in problems)
    assert any(p.startswith("line 4: date: The contact can't be in the future") for p in problems)
    assert any(p.startswith("line 5: minutes: Duration of 800 minutes is more than 12 hours")
               for p in problems)
    assert any(p.startswith("line 5: signposted_to: “Nowhere Clinic”") for p in problems)
    with pytest.raises(ImportRefused, match="nothing was imported"):
        contact_import.apply(lead, checked)
    assert listening.find(lead, ContactFilter()) == []


def test_a_call_log_without_a_required_column_is_refused_whole(lead: Session,
                                                               tmp_path: Path) -> None:
    path = tmp_path / "calls.csv"
    path.write_text("date,channel,minutes\n2026-10-02,phone,10\n", encoding="utf-8")
    checked = contact_import.preview(lead, path, now=datetime(2026, 11, 22, 12))
    assert str(checked.problems[0]).startswith("line 1: Time: the file has no “Time” column")


def test_importing_a_call_log_is_for_programme_leads(vault: VaultPaths, tmp_path: Path) -> None:
    worker = sign_in(vault, "Cal Worker")
    try:
        with pytest.raises(PermissionDenied):
            contact_import.preview(worker, _file(tmp_path, ""))
    finally:
        close(worker)
