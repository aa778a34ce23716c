"""Retention review: the period setting, who is due on a given day, deleting the chosen."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from peerdesk.domain.audit import AuditAction
from peerdesk.domain.errors import NotFound, PermissionDenied, ValidationError
from peerdesk.domain.peer import PeerStatus
from peerdesk.services import peers, retention
from peerdesk.services.session import Session
from peerdesk.storage.paths import VaultPaths
from peerdesk.storage.repositories import audit as audit_repo
from tests.fixtures.vaults import close, sign_in

from .caseload_helpers import TODAY, peer
from .erasure_helpers import full_record


@pytest.fixture
def lead(vault: VaultPaths) -> Iterator[Session]:
    session = sign_in(vault, "Lee Lead")
    yield session
    if session.db.is_open:
        close(session)


def closed(session: Session, name: str, on: date) -> int:
    return peers.create(session, peer(name, first_contact=date(2026, 1, 5),
                                      status=PeerStatus.CLOSED, closed_on=on,
                                      closed_reason="moved away"), today=TODAY)


def test_the_period_defaults_to_seven_years_and_is_checked(lead: Session) -> None:
    assert retention.years(lead) == 7
    for bad in (0, 51, "", "seven", "2.5"):
        with pytest.raises(ValidationError) as refused:
            retention.set_years(lead, bad)
        assert refused.value.user_message == (
            "Keep closed records for 1 to 50 whole years after they were closed.")
    assert retention.years(lead) == 7
    assert retention.set_years(lead, "10") == 10
    assert retention.years(lead) == 10
    event = audit_repo.recent(lead.db, limit=1)[0]
    assert (event.action, event.target_kind, event.detail) == (
        AuditAction.CHANGED, "settings", "10 years")


def test_due_list_on_an_injected_day(lead: Session) -> None:
    early = closed(lead, "Early", date(2026, 2, 1))
    late = closed(lead, "Late", date(2026, 6, 30))
    peers.create(lead, peer("Still here"), today=TODAY)
    assert retention.due_for_review(lead, today=date(2033, 1, 31)) == []
    due = retention.due_for_review(lead, today=date(2033, 2, 1))
    assert [p.id for p in due] == [early]
    assert due[0].closed_on == date(2026, 2, 1) and due[0].ref.startswith("P-")
    assert [p.id for p in retention.due_for_review(lead, today=date(2033, 7, 1))] == [early,
                                                                                      late]
    retention.set_years(lead, 8)
    assert retention.due_for_review(lead, today=date(2033, 7, 1)) == []


def test_a_leap_day_cutoff_falls_back_to_the_28th() -> None:
    assert retention.cutoff(7, date(2028, 2, 29)) == date(2021, 2, 28)


def test_delete_selected_removes_exactly_those_in_one_audit_event(lead: Session) -> None:
    gone = [full_record(lead, stem, status_changes={
        "status": PeerStatus.CLOSED, "closed_on": date(2026, 4, 30)}).peer_id
        for stem in ("ablewort", "bramblin")]
    spared = closed(lead, "Spared", date(2026, 4, 30))
    active = peers.create(lead, peer("Active"), today=TODAY)
    day = date(2034, 1, 1)
    refs = {p.id: p.ref for p in retention.due_for_review(lead, today=day)}
    assert set(refs) == {*gone, spared}

    assert retention.delete_past_retention(lead, gone, today=day) == 2

    assert [p.id for p in retention.due_for_review(lead, today=day)] == [spared]
    for peer_id in gone:
        with pytest.raises(NotFound):
            peers.open_page(lead, peer_id)
    assert peers.open_page(lead, active).peer.id == active
    deleted = [e for e in audit_repo.recent(lead.db, limit=20)
               if e.action is AuditAction.DELETED]
    assert len(deleted) == 1
    assert "2 closed records" in deleted[0].detail
    assert all(refs[i] in deleted[0].detail for i in gone)
    assert "ablewort" not in deleted[0].detail.casefold()


def test_a_record_not_due_stops_the_whole_deletion(lead: Session) -> None:
    due = closed(lead, "Due", date(2026, 2, 1))
    recent = closed(lead, "Recent", date(2026, 11, 1))
    with pytest.raises(ValidationError) as refused:
        retention.delete_past_retention(lead, [due, recent], today=date(2033, 3, 1))
    assert "Nothing was deleted" in refused.value.user_message
    assert {p.id for p in retention.due_for_review(lead, today=date(2034, 1, 1))} == {due,
                                                                                     recent}
    with pytest.raises(ValidationError):
        retention.delete_past_retention(lead, [], today=date(2033, 3, 1))


@pytest.mark.parametrize("name", ["Cal Worker", "Pia Peer", "Ada Admin"])
def test_only_a_programme_lead_manages_retention(vault: VaultPaths, name: str) -> None:
    lead = sign_in(vault, "Lee Lead")
    due = closed(lead, "Due", date(2026, 2, 1))
    close(lead)
    other = sign_in(vault, name)
    try:
        for attempt in (lambda: retention.years(other),
                        lambda: retention.set_years(other, 3),
                        lambda: retention.due_for_review(other, today=date(2034, 1, 1)),
                        lambda: retention.delete_past_retention(other, [due],
                                                                today=date(2034, 1, 1))):
            with pytest.raises(PermissionDenied):
                attempt()
    finally:
        close(other)
