"""Recent sessions for the Sessions page and the measures a rating can use."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from peerdesk.domain.audit import AuditAction
from peerdesk.domain.errors import PermissionDenied
from peerdesk.domain.outcomes import MeasureKind
from peerdesk.domain.staff import Role
from peerdesk.services import casework, casework_lists, peers
from peerdesk.services.session import Session
from peerdesk.storage.repositories import audit as audit_repo

from .caseload_helpers import TODAY, add_person, one_to_one, peer, sign_in_as


@pytest.fixture
def lead(admin_session: Session) -> Session:
    add_person(admin_session, "Lee Lead", Role.PROGRAMME_LEAD)
    add_person(admin_session, "Sam Supporter", Role.PEER_SUPPORTER)
    return sign_in_as(admin_session, "Lee Lead")


def test_recent_sessions_newest_first_limited_and_audited(lead: Session) -> None:
    a = peers.create(lead, peer("Ana"), today=TODAY)
    b = peers.create(lead, peer("Bo"), today=TODAY)
    for days in (1, 3, 30, 200):
        casework.log_session(lead, one_to_one(a, lead.staff.id,
                                              held_on=TODAY - timedelta(days=days)),
                             today=TODAY)
    casework.log_session(lead, one_to_one(b, lead.staff.id, held_on=TODAY, minutes=20),
                         today=TODAY)
    rows = casework_lists.recent_sessions(lead, today=TODAY)
    assert [r.held_on for r in rows] == sorted((r.held_on for r in rows), reverse=True)
    assert len(rows) == 5  # the look-back widens until it finds enough
    assert (rows[0].preferred_name, rows[0].ref, rows[0].minutes) == ("Bo", "P-0002", 20)
    assert rows[0].worker == "Lee Lead"
    assert [r.peer_id for r in casework_lists.recent_sessions(lead, limit=2, today=TODAY)] == [
        b, a]
    details = [e.detail for e in audit_repo.recent(lead.db, limit=50)
               if e.action is AuditAction.VIEWED and e.target_kind == "sessions"]
    assert details[:2] == ["recent sessions, 2 shown", "recent sessions, 5 shown"]


def test_a_peer_supporter_sees_only_their_own_sessions_with_assigned_peers(
        lead: Session) -> None:
    sam = next(c.id for c in peers.assignable_staff(lead) if c.name == "Sam Supporter")
    theirs = peers.create(lead, peer("Theirs", supporter_id=sam), today=TODAY)
    other = peers.create(lead, peer("Other"), today=TODAY)
    casework.log_session(lead, one_to_one(theirs, lead.staff.id), today=TODAY)
    casework.log_session(lead, one_to_one(other, lead.staff.id), today=TODAY)
    supporter = sign_in_as(lead, "Sam Supporter")
    casework.log_session(supporter, one_to_one(theirs, sam, held_on=date(2026, 11, 21)),
                         today=TODAY)
    rows = casework_lists.recent_sessions(supporter, today=TODAY)
    assert [(r.peer_id, r.worker) for r in rows] == [(theirs, "Sam Supporter")]


def test_an_administrator_is_refused(admin_session: Session) -> None:
    with pytest.raises(PermissionDenied):
        casework_lists.recent_sessions(admin_session)
    with pytest.raises(PermissionDenied):
        casework_lists.measures(admin_session)


def test_measures_are_ons4_ucla3_then_ladders(lead: Session) -> None:
    found = casework_lists.measures(lead)
    assert [m.kind for m in found] == [MeasureKind.ONS4, MeasureKind.UCLA3, MeasureKind.LADDER]
    assert found[2].key == "confidence" and found[2].items == ("Confidence",)
    assert (found[2].low, found[2].high) == (1, 10)
