"""Known callers, call-backs and becoming a peer with the history that came before."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from peerdesk.domain.callbacks import CallbackDraft, CallbackRoute, CallbackStatus
from peerdesk.domain.errors import PermissionDenied, ValidationError
from peerdesk.domain.listening import KnownCallerDraft, Outcome
from peerdesk.domain.peer import ContactRoute
from peerdesk.domain.safe_contact import SafeContact
from peerdesk.services import became_peer, callbacks, known_callers, listening, peers
from peerdesk.services import listening_settings as settings
from peerdesk.services.became_peer import Source
from peerdesk.services.listening import ContactFilter
from peerdesk.services.session import Session
from peerdesk.storage.paths import VaultPaths
from peerdesk.storage.repositories import audit as audit_repo
from tests.fixtures.vaults import close, sign_in

from .listening_helpers import TODAY, log
from .vault_pages import database_pages, wal_pages, words_found


def _callback(session: Session, **changes: object) -> int:
    fields: dict[str, object] = dict(
        received_on=date(2026, 11, 18), route=CallbackRoute.TEXT, reach="07700 900123",
        agreed=True, ask_for="Sam", prefs=SafeContact(calls_ok=False, texts_ok=True, email_ok=True,
                                                   safe_times="after 6 pm"))
    fields.update(changes)
    return callbacks.add(session, CallbackDraft(**fields), today=TODAY)  # type: ignore[arg-type]


def test_a_known_caller_shows_their_contacts_as_one_list(lead: Session) -> None:
    caller = known_callers.create(lead, KnownCallerDraft("Tuesday texter", "Prefers texts."))
    older = log(lead, contacted_on=date(2026, 11, 3), known_caller_id=caller)
    newer = log(lead, contacted_on=date(2026, 11, 17), known_caller_id=caller)
    log(lead)  # someone else
    page = known_callers.open_page(lead, caller)
    assert [c.id for c in page.contacts] == [newer, older]
    assert page.caller.last_contact == date(2026, 11, 17) and page.caller.contacts == 2
    assert [e.target_id for e in audit_repo.recent(lead.db, target_kind="known_caller",
                                                   target_id=str(caller))] == [str(caller)] * 2


def test_a_known_caller_becomes_a_peer_with_every_contact_on_their_timeline(
        lead: Session) -> None:
    caller = known_callers.create(lead, KnownCallerDraft("Night owl"))
    first = log(lead, contacted_on=date(2026, 10, 2), known_caller_id=caller,
                channel=listening.Channel.TEXT)
    last = log(lead, contacted_on=date(2026, 11, 19), known_caller_id=caller)
    waiting = _callback(lead, known_caller_id=caller)
    other = log(lead)
    draft = became_peer.prefill(lead, Source(contact_id=last), today=TODAY)
    # What is known: the earliest contact's day and how it came.
    assert (draft.first_contact, draft.contact_route) == (date(2026, 10, 2), ContactRoute.TEXT)
    assert became_peer.contacts_moving(lead, Source(contact_id=last)) == 2
    peer_id = became_peer.became_peer(lead, Source(contact_id=last),
                                      replace(draft, preferred_name="Robin"), today=TODAY)
    page = peers.open_page(lead, peer_id)
    assert [c.id for c in page.contacts] == [last, first]
    assert page.peer.details.first_contact == date(2026, 10, 2)
    assert Outcome.BECAME_PEER in listening.get_contact(lead, last).draft.outcomes
    assert known_callers.search(lead) == []  # the profile is no longer needed
    stored = callbacks.get(lead, waiting)
    assert (stored.status, stored.reach, stored.peer_id) == (CallbackStatus.DONE, None, peer_id)
    rows = {r.id: r for r in listening.rows(lead, listening.find(lead, ContactFilter()))}
    assert rows[first].on_peer_record and rows[last].on_peer_record
    assert not rows[other].on_peer_record
    with pytest.raises(ValidationError, match="already on a peer's record"):
        became_peer.became_peer(lead, Source(contact_id=last),
                                replace(draft, preferred_name="Again"), today=TODAY)
    # Opening a moved contact is audited against the peer, so their trail shows it.
    listening.get_contact(lead, first)
    assert any(e.detail == f"contact {first}" for e in
               audit_repo.recent(lead.db, target_kind="peer", target_id=str(peer_id)))


def test_a_contact_on_a_peers_record_follows_that_peers_access(vault: VaultPaths) -> None:
    lead = sign_in(vault, "Lee Lead")
    contact_id = log(lead)
    peer_id = became_peer.became_peer(
        lead, Source(contact_id=contact_id),
        replace(became_peer.prefill(lead, Source(contact_id=contact_id), today=TODAY),
                preferred_name="Jo"), today=TODAY)
    close(lead)
    peer_supporter = sign_in(vault, "Pia Peer")  # Jo is not assigned to them
    try:
        with pytest.raises(PermissionDenied):
            listening.get_contact(peer_supporter, contact_id)
        with pytest.raises(PermissionDenied):
            peers.open_page(peer_supporter, peer_id)
    finally:
        close(peer_supporter)


def test_a_way_to_reach_someone_is_kept_only_with_agreement(lead: Session) -> None:
    with pytest.raises(ValidationError, match="only with their agreement") as caught:
        _callback(lead, agreed=False)
    assert caught.value.field == "agreed"
    with pytest.raises(ValidationError, match="how to get back") as caught:
        _callback(lead, reach="  ")
    assert caught.value.field == "reach"
    assert callbacks.waiting(lead, today=TODAY) == []


def test_waiting_call_backs_show_how_long_and_the_safe_way_to_reach_them(
        lead: Session) -> None:
    older = _callback(lead, received_on=date(2026, 11, 10))
    newer = _callback(lead, received_on=date(2026, 11, 20), prefs=SafeContact())
    found = callbacks.waiting(lead, today=TODAY)
    assert [(w.callback.id, w.waited_days) for w in found] == [(older, 12), (newer, 2)]
    # Voicemail was never asked about: the warning says to ask, and it is not shown as OK.
    assert found[0].warning == ("Ask how it's safe to contact them before calling or texting"
                                " · No calls · after 6 pm")
    assert found[0].callback.prefs.voicemail_ok is None
    # Nothing asked at all: every channel stays "not asked yet", never safe.
    assert found[1].warning == "Ask how it's safe to contact them before calling or texting"
    assert found[1].callback.prefs.channels() == (None, None, None, None)
    assert found[0].callback.reach == "07700 900123"
    assert any(e.detail == "2 waiting shown" for e in audit_repo.recent(lead.db, limit=5))
    callbacks.finish(lead, older, CallbackStatus.DONE, today=TODAY)
    assert callbacks.get(lead, older).reach is None
    assert [w.callback.id for w in callbacks.waiting(lead, today=TODAY)] == [newer]


def test_a_way_to_reach_is_erased_after_the_centres_period(lead: Session, vault: VaultPaths
                                                           ) -> None:
    settings.set_callback_keep_days(lead, 30)
    callback = _callback(lead, reach="07700 900777")
    key = bytes(lead.vault.key("casework").key)
    # Nobody looked for 31 days; the first look erases it.
    assert callbacks.waiting(lead, today=date(2026, 12, 22)) == []
    stored = callbacks.get(lead, callback)
    assert (stored.status, stored.reach) == (CallbackStatus.EXPIRED, None)
    lead.db.checkpoint()
    pages = [*database_pages(vault.casework, key),
             *wal_pages(vault.casework.with_name(vault.casework.name + "-wal"), key)]
    assert words_found(pages, ["900777"]) == set()
    with pytest.raises(ValidationError, match="1 to 365"):
        settings.set_callback_keep_days(lead, 0)


def test_erasing_a_known_caller_takes_every_contact_and_word_with_it(
        lead: Session, vault: VaultPaths) -> None:
    caller = known_callers.create(lead, KnownCallerDraft("Blue scarf"))
    log(lead, known_caller_id=caller, notes="zorblaxian nightmares again")
    kept = log(lead, notes="quillfenish garden")
    key = bytes(lead.vault.key("casework").key)
    with pytest.raises(ValidationError, match="Type the nickname"):
        known_callers.erase(lead, caller, typed_nickname="Blue")
    assert known_callers.erase(lead, caller, typed_nickname="blue scarf") == 1
    assert listening.find(lead, ContactFilter()) == [kept]
    pages = [*database_pages(vault.casework, key),
             *wal_pages(vault.casework.with_name(vault.casework.name + "-wal"), key)]
    assert words_found(pages, ["zorblaxian", "Blue scarf"]) == set()
    assert words_found(pages, ["quillfenish"]) == {"quillfenish"}
