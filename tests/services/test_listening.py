"""Anonymous contacts: the form's rules, who may do what, the audit trail, the list's filters."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date, datetime, time

import pytest

from peerdesk.domain.audit import AuditAction
from peerdesk.domain.errors import PermissionDenied, ValidationError
from peerdesk.domain.listening import (
    CALLER_NOTE_MAX,
    NICKNAME_MAX,
    Channel,
    KnownCallerDraft,
    Outcome,
    looks_identifying,
)
from peerdesk.domain.text import NOTE_MAX
from peerdesk.services import known_callers, listening
from peerdesk.services import listening_settings as settings
from peerdesk.services.listening import ContactFilter, ContactOrder
from peerdesk.services.session import Session
from peerdesk.storage.paths import VaultPaths
from peerdesk.storage.repositories import audit as audit_repo
from tests.fixtures.vaults import close, sign_in

from .listening_helpers import NOW, Lists, contact, lists, log


@pytest.fixture
def lead(vault: VaultPaths) -> Iterator[Session]:
    session = sign_in(vault, "Lee Lead")
    yield session
    if session.db.is_open:
        close(session)


@pytest.fixture
def named(lead: Session) -> Lists:
    return lists(lead)


def _refused(session: Session, field: str, **changes: object) -> str:
    before = listening.find(session, ContactFilter())
    with pytest.raises(ValidationError) as caught:
        log(session, **changes)
    assert caught.value.field == field
    assert listening.find(session, ContactFilter()) == before  # nothing saved
    return caught.value.user_message


def test_bad_input_gets_a_message_at_its_field_and_saves_nothing(lead: Session,
                                                                 named: Lists) -> None:
    future = _refused(lead, "when", contacted_on=date(2026, 11, 22), contacted_time=time(16, 0))
    assert "can't be in the future (2026-11-22 16:00)" in future
    assert "at least one minute" in _refused(lead, "minutes", minutes=0)
    assert "more than 12 hours" in _refused(lead, "minutes", minutes=721)
    assert "tick “Safety concern”" in _refused(lead, "safety_action",
                                               safety_action="Gave the number.")
    assert "at least one outcome" in _refused(lead, "outcomes", outcomes=Outcome(0))
    # Pasted text longer than a field: said so, never cut.
    long_note = "x" * (NOTE_MAX + 1)
    assert f"at most {NOTE_MAX:,} characters (this is {NOTE_MAX + 1:,})" in _refused(
        lead, "notes", notes=long_note)
    settings.set_item_active(lead, settings.ListKind.REGION, named.east, False)
    assert "no longer on the list" in _refused(lead, "region", region_id=named.east)
    assert "no longer on the list" in _refused(lead, "region", region_id=9999)


def test_a_contact_logged_now_and_a_minute_ahead_of_this_clock_is_fine(lead: Session) -> None:
    listening.log_contact(lead, contact(lead.staff.id, contacted_on=NOW.date(),
                                        contacted_time=time(15, 31)), now=NOW)


def test_nicknames_and_caller_notes_have_limits_said_aloud(lead: Session) -> None:
    with pytest.raises(ValidationError, match=f"at most {NICKNAME_MAX}") as caught:
        known_callers.create(lead, KnownCallerDraft("n" * (NICKNAME_MAX + 1)))
    assert caught.value.field == "nickname"
    with pytest.raises(ValidationError, match=f"at most {CALLER_NOTE_MAX}"):
        known_callers.create(lead, KnownCallerDraft("Night owl", "n" * (CALLER_NOTE_MAX + 1)))
    assert known_callers.search(lead) == []


def test_phone_numbers_and_email_addresses_are_noticed_not_dates() -> None:
    assert looks_identifying("Tuesday texter") is None
    assert looks_identifying("texts from 07700 900123") == "a phone number"
    assert looks_identifying("(01632) 960 001") == "a phone number"
    assert looks_identifying("wrote from sam.k@example.org") == "an email address"
    assert looks_identifying("called 2026-11-20 at 21:40, and on 22/11/2026") is None


def test_caseworkers_peer_supporters_and_leads_log_contacts_administrators_none(
        vault: VaultPaths) -> None:
    for name in ("Lee Lead", "Cal Worker", "Pia Peer"):
        session = sign_in(vault, name)
        try:
            log(session)
        finally:
            close(session)
    admin = sign_in(vault, "Ada Admin")
    try:
        with pytest.raises(PermissionDenied):
            log(admin)
        with pytest.raises(PermissionDenied):
            listening.find(admin, ContactFilter())
        with pytest.raises(PermissionDenied):
            listening.rows(admin, [1])
        with pytest.raises(PermissionDenied):
            listening.get_contact(admin, 1)
        with pytest.raises(PermissionDenied):
            known_callers.search(admin)
    finally:
        close(admin)


def test_a_peer_supporter_sees_every_contact_but_reads_only_their_own_notes(
        vault: VaultPaths) -> None:
    worker = sign_in(vault, "Cal Worker")
    theirs = log(worker, notes="Talked about the parole hearing.")
    close(worker)
    peer_supporter = sign_in(vault, "Pia Peer")
    try:
        mine = log(peer_supporter, notes="Talked about the allotment.")
        assert set(listening.find(peer_supporter, ContactFilter())) == {theirs, mine}
        seen = listening.get_contact(peer_supporter, theirs)
        assert seen.draft.notes == "" and listening.notes_hidden(peer_supporter, seen)
        assert listening.get_contact(peer_supporter, mine).draft.notes.endswith("allotment.")
        # Searching notes finds only their own.
        assert listening.find(peer_supporter, ContactFilter(text="parole")) == []
        assert listening.find(peer_supporter, ContactFilter(text="allotment")) == [mine]
        with pytest.raises(PermissionDenied):
            listening.edit_contact(peer_supporter, theirs, seen.draft, now=NOW)
        with pytest.raises(PermissionDenied):
            listening.delete_contact(peer_supporter, theirs)
        with pytest.raises(PermissionDenied, match="took yourself"):
            listening.log_contact(peer_supporter, contact(worker.staff.id), now=NOW)
    finally:
        close(peer_supporter)
    worker = sign_in(vault, "Cal Worker")
    try:
        assert listening.find(worker, ContactFilter(text="allotment")) == [mine]
    finally:
        close(worker)


def test_opening_changing_and_deleting_are_audited_without_note_text(lead: Session,
                                                                    named: Lists) -> None:
    contact_id = log(lead, notes="secretword in the notes", region_id=named.north)
    stored = listening.get_contact(lead, contact_id)
    listening.edit_contact(lead, contact_id, replace(stored.draft, minutes=50), now=NOW)
    listening.delete_contact(lead, contact_id)
    trail = audit_repo.recent(lead.db, target_kind="contact", target_id=str(contact_id))
    assert [e.action for e in reversed(trail)] == [
        AuditAction.CREATED, AuditAction.VIEWED, AuditAction.CHANGED, AuditAction.DELETED]
    assert all("secretword" not in e.detail for e in audit_repo.recent(lead.db, limit=50))
    assert listening.find(lead, ContactFilter()) == []
    assert listening.find(lead, ContactFilter(text="secretword")) == []


def test_the_list_filters_and_sorts_in_the_query(lead: Session, named: Lists) -> None:
    me = lead.staff.id
    a = log(lead, contacted_on=date(2026, 11, 1), channel=Channel.TEXT, region_id=named.north,
            topic_ids=(named.topics["Crisis"],), minutes=5)
    b = log(lead, contacted_on=date(2026, 11, 10), channel=Channel.PHONE, region_id=named.east,
            outcomes=Outcome.LISTENED | Outcome.OFFERED_GROUP, minutes=50)
    caller = known_callers.create(lead, KnownCallerDraft("Night owl"))
    c = log(lead, contacted_on=date(2026, 11, 15), channel=Channel.TEXT,
            known_caller_id=caller, signposts=(named.night_line,), minutes=20,
            notes="asked about the allotment")

    def find(**flt: object) -> list[int]:
        return listening.find(lead, ContactFilter(**flt))  # type: ignore[arg-type]

    assert find() == [c, b, a]  # newest first
    assert find(descending=False) == [a, b, c]
    assert find(channel=Channel.TEXT) == [c, a]
    assert find(region_id=named.east) == [b]
    assert find(topic_id=named.topics["Crisis"]) == [a]
    assert find(outcome=Outcome.OFFERED_GROUP) == [b]
    assert find(outcome=Outcome.SIGNPOSTED) == [c]  # a service picked means signposted
    assert find(taken_by=me) == [c, b, a]
    assert find(start=date(2026, 11, 5), end=date(2026, 11, 12)) == [b]
    assert find(text="allot") == [c]
    assert find(text="night") == [c]  # a known caller's nickname
    assert find(order=ContactOrder.MINUTES, descending=False) == [a, c, b]
    assert find(order=ContactOrder.REGION, descending=False) == [b, a, c]  # blank last
    row = listening.rows(lead, [c])[0]
    assert (row.caller, row.channel, row.outcomes) == ("Night owl", Channel.TEXT,
                                                       Outcome.LISTENED | Outcome.SIGNPOSTED)


def test_lists_are_the_centres_own_and_leads_edit_them(vault: VaultPaths) -> None:
    lead = sign_in(vault, "Lee Lead")
    try:
        region = settings.add_item(lead, settings.ListKind.REGION, "Kestrel Bay")
        with pytest.raises(ValidationError, match="already a region"):
            settings.add_item(lead, settings.ListKind.REGION, "kestrel bay")
        settings.rename_item(lead, settings.ListKind.REGION, region, "Kestrel Bay East")
        topic = settings.add_item(lead, settings.ListKind.TOPIC, "Sleep")
        settings.set_item_active(lead, settings.ListKind.TOPIC, topic, False)
        assert "Sleep" not in [t.name for t in settings.items(lead, settings.ListKind.TOPIC,
                                                              active_only=True)]
        hours = settings.set_office_hours(lead, settings.OfficeHours(
            frozenset({0, 1, 2, 3}), time(10), time(16)))
        assert hours.label() == "Mon, Tue, Wed, Thu, 10:00–16:00"
        with pytest.raises(ValidationError, match="end after"):
            settings.set_office_hours(lead, settings.OfficeHours(frozenset({0}), time(16),
                                                                 time(10)))
    finally:
        close(lead)
    worker = sign_in(vault, "Cal Worker")
    try:
        assert [r.name for r in settings.items(worker, settings.ListKind.REGION)] == [
            "Kestrel Bay East"]
        with pytest.raises(PermissionDenied):
            settings.add_item(worker, settings.ListKind.REGION, "Elsewhere")
        with pytest.raises(PermissionDenied):
            settings.set_office_hours(worker, settings.OfficeHours())
    finally:
        close(worker)


def test_an_edit_keeps_a_retired_region_the_contact_already_had(lead: Session,
                                                                named: Lists) -> None:
    contact_id = log(lead, region_id=named.east)
    settings.set_item_active(lead, settings.ListKind.REGION, named.east, False)
    stored = listening.get_contact(lead, contact_id)
    listening.edit_contact(lead, contact_id, stored.draft, now=datetime(2026, 11, 23))
