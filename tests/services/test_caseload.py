"""Peers, one-to-one sessions, follow-ups, consent, referrals and the Today page."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from peerdesk.domain.audit import AuditAction
from peerdesk.domain.consent import ConsentDraft, ConsentScope
from peerdesk.domain.errors import PermissionDenied, ValidationError
from peerdesk.domain.outcomes import ONS4, RatingDraft
from peerdesk.domain.peer import PeerStatus
from peerdesk.domain.referral import ReferralDestination, ReferralDraft, ReferralStatus
from peerdesk.domain.safe_contact import SafeContact
from peerdesk.domain.staff import Role
from peerdesk.services import casework, peers, today
from peerdesk.services.session import Session
from peerdesk.storage.repositories import audit as audit_repo

from .caseload_helpers import TODAY, add_person, one_to_one, peer, sign_in_as


@pytest.fixture
def lead(admin_session: Session) -> Session:
    """A programme lead's session on a vault with a caseworker and a peer supporter."""
    add_person(admin_session, "Lee Lead", Role.PROGRAMME_LEAD)
    add_person(admin_session, "Casey Worker", Role.CASEWORKER)
    add_person(admin_session, "Sam Supporter", Role.PEER_SUPPORTER)
    return sign_in_as(admin_session, "Lee Lead")


def staff_id(session: Session, name: str) -> int:
    return next(c.id for c in peers.assignable_staff(session) if c.name == name)


def events(session: Session, action: AuditAction) -> list[str]:
    return [f"{e.target_kind}:{e.target_id}:{e.detail}"
            for e in audit_repo.recent(session.db, limit=10_000) if e.action is action]


def test_a_peer_needs_only_a_preferred_name_and_gets_the_next_reference(lead: Session) -> None:
    first = peers.create(lead, peer("Sunny"), today=TODAY)
    second = peers.create(lead, peer("Bee"), today=TODAY)
    page = peers.open_page(lead, second)
    assert page.peer.ref == "P-0002"
    assert page.peer.details.preferred_name == "Bee"
    assert f"peer:{first}:" in events(lead, AuditAction.CREATED)
    with pytest.raises(ValidationError, match="can't be empty"):
        peers.create(lead, peer("  "), today=TODAY)
    assert len(peers.find(lead, peers.PeerFilter())) == 2


def test_every_opening_of_a_peer_page_is_audited_without_names(lead: Session) -> None:
    peer_id = peers.create(lead, peer("Zofia Nowak"), today=TODAY)
    peers.open_page(lead, peer_id)
    peers.open_page(lead, peer_id)
    assert events(lead, AuditAction.VIEWED).count(f"peer:{peer_id}:") == 2
    everything = [f"{e.detail} {e.target_id}" for e in audit_repo.recent(lead.db, limit=10_000)]
    assert not any("Zofia" in text for text in everything)


def test_search_as_you_type_by_name_alias_and_code(lead: Session) -> None:
    lucia = peers.create(lead, peer("Lucía", full_name="Lucía Fernández"), today=TODAY)
    peers.create(lead, peer("Bee", full_name="Beatriz Silva"), today=TODAY)
    amira = peers.create(lead, peer("سارة", full_name="Amira Haddad"), today=TODAY)

    def find(text: str) -> list[int]:
        return peers.find(lead, peers.PeerFilter(text=text))

    assert find("luc") == [lucia]
    assert find("lucia fern") == [lucia]  # accents optional, every word a prefix
    assert find("Haddad") == [amira]
    assert find("سا") == [amira]
    assert find("P-0001") == [lucia] == find("p1")
    assert find("zzz") == []
    for hostile in ('"', 'AND OR', 'NEAR(a b)', "*", "luc*)", "'; DROP TABLE peer; --"):
        find(hostile)  # typed operators are searched for, never run
    assert len(find("")) == 3


def test_filters_and_list_rows(lead: Session) -> None:
    casey = staff_id(lead, "Casey Worker")
    a = peers.create(lead, peer("Ana", caseworker_id=casey), today=TODAY)
    peers.create(lead, peer("Ben"), today=TODAY)
    closed = peers.create(lead, peer("Cy", status=PeerStatus.CLOSED,
                                     closed_on=date(2026, 6, 1)), today=TODAY)
    assert peers.find(lead, peers.PeerFilter(caseworker_id=casey)) == [a]
    assert peers.find(lead, peers.PeerFilter(status=PeerStatus.CLOSED)) == [closed]
    row = peers.rows(lead, [a])[0]
    assert (row.ref, row.preferred_name, row.caseworker, row.last_contact) == (
        "P-0001", "Ana", "Casey Worker", "")


def test_logging_a_session_updates_last_contact_and_follow_ups(lead: Session) -> None:
    me = lead.staff.id
    peer_id = peers.create(lead, peer("Ana"), today=TODAY)
    first = casework.log_session(lead, one_to_one(peer_id, me, held_on=date(2026, 11, 10),
                                                  follow_up_on=date(2026, 11, 17)), today=TODAY)
    row = peers.rows(lead, [peer_id])[0]
    assert (row.last_contact, row.next_follow_up) == ("2026-11-10", "2026-11-17")
    overdue = today.overview(lead, today=TODAY).follow_ups
    assert [(i.item_id, i.overdue) for i in overdue] == [(first, True)]
    casework.log_session(lead, one_to_one(peer_id, me, held_on=date(2026, 11, 20)), today=TODAY)
    row = peers.rows(lead, [peer_id])[0]
    assert (row.last_contact, row.next_follow_up) == ("2026-11-20", "")
    assert today.overview(lead, today=TODAY).follow_ups == []
    assert f"peer:{peer_id}:one-to-one session {first}" in events(lead, AuditAction.CREATED)


def test_session_rules_are_enforced_by_the_service(lead: Session) -> None:
    peer_id = peers.create(lead, peer("Ana"), today=TODAY)
    me = lead.staff.id
    for changes, message in (({"minutes": -10}, "at least one minute"),
                             ({"held_on": date(2030, 1, 1)}, "future"),
                             ({"notes": "n" * 100_000}, "can be at most"),
                             ({"notes": "a\x00b"}, "control characters")):
        with pytest.raises(ValidationError, match=message):
            casework.log_session(lead, one_to_one(peer_id, me, **changes), today=TODAY)
    assert peers.open_page(lead, peer_id).sessions == []


def test_edit_and_delete_are_audited(lead: Session) -> None:
    peer_id = peers.create(lead, peer("Ana"), today=TODAY)
    sid = casework.log_session(lead, one_to_one(peer_id, lead.staff.id, notes="first draft"),
                               today=TODAY)
    casework.edit_session(lead, sid, one_to_one(peer_id, lead.staff.id, notes="second draft",
                                                topics=("Housing", "Walking group")),
                          today=TODAY)
    stored = casework.get_session(lead, sid)
    assert stored.draft.notes == "second draft"
    assert stored.draft.topics == ("Housing", "Walking group")
    casework.delete_session(lead, sid)
    assert f"peer:{peer_id}:one-to-one session {sid}" in events(lead, AuditAction.CHANGED)
    assert f"peer:{peer_id}:one-to-one session {sid}" in events(lead, AuditAction.DELETED)
    assert casework.search_notes(lead, "draft") == []


def test_notes_search_keeps_every_script_exactly(lead: Session) -> None:
    peer_id = peers.create(lead, peer("Ana"), today=TODAY)
    rtl = "שלום \u200fעולם\u200f مرحبا بالعالم"
    combining = "Zoe\u0308 went to the cafe\u0301"
    sid = casework.log_session(lead, one_to_one(peer_id, lead.staff.id,
                                                notes=f"{rtl}\n{combining}"), today=TODAY)
    assert casework.get_session(lead, sid).draft.notes == f"{rtl}\n{combining}"
    assert [h.session_id for h in casework.search_notes(lead, "مرحبا")] == [sid]
    assert [h.session_id for h in casework.search_notes(lead, "cafe")] == [sid]
    assert casework.search_notes(lead, 'NEAR("x"') == []


def test_roles_decide_who_sees_which_peer_and_note(admin_session: Session) -> None:
    add_person(admin_session, "Casey Worker", Role.CASEWORKER)
    sam = add_person(admin_session, "Sam Supporter", Role.PEER_SUPPORTER)
    add_person(admin_session, "Pat Supporter", Role.PEER_SUPPORTER)
    with pytest.raises(PermissionDenied):
        peers.find(admin_session, peers.PeerFilter())  # admins manage accounts, not peers
    casey = sign_in_as(admin_session, "Casey Worker")
    mine = peers.create(casey, peer("Assigned", supporter_id=sam), today=TODAY)
    other = peers.create(casey, peer("Not assigned"), today=TODAY)
    casework.log_session(casey, one_to_one(mine, casey.staff.id, notes="caseworker's note"),
                         today=TODAY)
    sam_session = sign_in_as(casey, "Sam Supporter")
    assert peers.find(sam_session, peers.PeerFilter()) == [mine]
    with pytest.raises(PermissionDenied):
        peers.open_page(sam_session, other)
    casework.log_session(sam_session, one_to_one(mine, sam, notes="supporter's note"),
                         today=TODAY)
    page = peers.open_page(sam_session, mine)
    assert sorted(s.draft.notes for s in page.sessions) == ["", "supporter's note"]
    assert [h.excerpt for h in casework.search_notes(sam_session, "note")] == [
        "supporter's note"]
    with pytest.raises(PermissionDenied):
        casework.log_session(sam_session, one_to_one(other, sam), today=TODAY)
    pat = sign_in_as(sam_session, "Pat Supporter")
    assert peers.find(pat, peers.PeerFilter()) == []


def test_consent_referrals_ratings_and_safe_contact(lead: Session) -> None:
    peer_id = peers.create(lead, peer("Ana"), today=TODAY,
                           safe_contact=SafeContact(calls_ok=True, texts_ok=True, email_ok=True,
                                                    voicemail_ok=False, code_word="lantern",
                                                    safe_times="texts only after 6 pm"))
    assert peers.safe_contact_banner(lead, peer_id) == (
        "No voicemail · texts only after 6 pm · Code word set")
    consent = casework.add_consent(lead, ConsentDraft(peer_id, ConsentScope.STATISTICS,
                                                      date(2025, 11, 1),
                                                      review_on=date(2026, 11, 1)),
                                   today=TODAY)
    assert [i.item_id for i in today.overview(lead, today=TODAY).consent_reviews] == [consent]
    casework.withdraw_consent(lead, consent, today=TODAY)
    assert today.overview(lead, today=TODAY).consent_reviews == []
    referral = casework.add_referral(lead, ReferralDraft(peer_id, date(2026, 11, 1),
                                                         ReferralDestination.COUNSELLING,
                                                         "Talking Therapies"), today=TODAY)
    casework.set_referral_status(lead, referral, ReferralStatus.ACCEPTED)
    casework.add_rating(lead, RatingDraft(peer_id, 0, ONS4, date(2026, 11, 1), (5, 6, 5, 7)),
                        today=TODAY)
    page = peers.open_page(lead, peer_id)
    assert page.consents[0].withdrawn_on == TODAY
    assert page.referrals[0].draft.status is ReferralStatus.ACCEPTED
    assert page.ratings[0].total == 23
    assert page.ratings[0].scores == (5, 6, 5, 7)


names = st.text(st.characters(codec="utf-8"), max_size=80)


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=names, notes=st.text(max_size=400))
def test_any_input_is_stored_exactly_or_refused_whole(lead: Session, name: str,
                                                      notes: str) -> None:
    before_peers = len(peers.find(lead, peers.PeerFilter()))
    try:
        peer_id = peers.create(lead, peer(name), today=TODAY)
    except ValidationError as refused:
        assert refused.user_message
        assert len(peers.find(lead, peers.PeerFilter())) == before_peers
        return
    assert peers.open_page(lead, peer_id).peer.details.preferred_name == name.strip()
    try:
        sid = casework.log_session(lead, one_to_one(peer_id, lead.staff.id, notes=notes),
                                   today=TODAY)
    except ValidationError as refused:
        assert refused.user_message
        assert peers.open_page(lead, peer_id).sessions == []
        assert peers.rows(lead, [peer_id])[0].last_contact == ""
        return
    assert casework.get_session(lead, sid).draft.notes == notes.rstrip()


def test_the_list_sorts_by_every_column_in_sql(lead: Session) -> None:
    casey = staff_id(lead, "Casey Worker")
    me = lead.staff.id
    zed = peers.create(lead, peer("Zed", caseworker_id=casey), today=TODAY)
    amy = peers.create(lead, peer("amy", caseworker_id=me), today=TODAY)
    bo = peers.create(lead, peer("Bo", status=PeerStatus.PAUSED), today=TODAY)
    casework.log_session(lead, one_to_one(zed, me, held_on=date(2026, 11, 1),
                                          follow_up_on=date(2026, 12, 1)), today=TODAY)
    casework.log_session(lead, one_to_one(amy, me, held_on=date(2026, 10, 1)), today=TODAY)

    def order(by: peers.PeerOrder, descending: bool = False) -> list[int]:
        return peers.find(lead, peers.PeerFilter(order=by, descending=descending))

    assert order(peers.PeerOrder.NAME) == [amy, bo, zed]  # case-insensitive
    assert order(peers.PeerOrder.NAME, descending=True) == [zed, bo, amy]
    assert order(peers.PeerOrder.REF) == [zed, amy, bo]
    assert order(peers.PeerOrder.STATUS) == [amy, zed, bo]  # active before paused
    assert order(peers.PeerOrder.CASEWORKER) == [bo, zed, amy]  # none, Casey, Lee
    assert order(peers.PeerOrder.LAST_CONTACT) == [amy, zed, bo]  # never contacted last
    assert order(peers.PeerOrder.LAST_CONTACT, descending=True) == [zed, amy, bo]
    assert order(peers.PeerOrder.NEXT_FOLLOW_UP) == [zed, amy, bo]


def test_notes_search_lists_the_last_logged_first_and_stops_at_the_limit(lead: Session) -> None:
    peer_id = peers.create(lead, peer("Ana"), today=TODAY)
    logged = [casework.log_session(lead, one_to_one(peer_id, lead.staff.id,
                                                    held_on=date(2026, 11, day),
                                                    notes=f"housing form {day}"), today=TODAY)
              for day in (3, 1, 2)]
    assert [h.session_id for h in casework.search_notes(lead, "hous")] == logged[::-1]
    assert [h.session_id for h in casework.search_notes(lead, "housing", limit=2)] == [
        logged[2], logged[1]]


def test_a_peer_supporter_gets_no_row_for_an_unassigned_peer(admin_session: Session) -> None:
    sam = add_person(admin_session, "Sam Supporter", Role.PEER_SUPPORTER)
    add_person(admin_session, "Casey Worker", Role.CASEWORKER)
    casey = sign_in_as(admin_session, "Casey Worker")
    mine = peers.create(casey, peer("Assigned", supporter_id=sam), today=TODAY)
    secret = peers.create(casey, peer("Secretperson"), today=TODAY)
    sam_session = sign_in_as(casey, "Sam Supporter")
    assert [r.preferred_name for r in peers.rows(sam_session, [mine, secret])] == ["Assigned"]


def test_notes_about_a_peer_no_longer_assigned_are_not_found(admin_session: Session) -> None:
    sam = add_person(admin_session, "Sam Supporter", Role.PEER_SUPPORTER)
    add_person(admin_session, "Casey Worker", Role.CASEWORKER)
    casey = sign_in_as(admin_session, "Casey Worker")
    peer_id = peers.create(casey, peer("Assigned", supporter_id=sam), today=TODAY)
    sam_session = sign_in_as(casey, "Sam Supporter")
    casework.log_session(sam_session, one_to_one(peer_id, sam, notes="piasecretword"),
                         today=TODAY)
    assert len(casework.search_notes(sam_session, "piasecretword")) == 1
    casey = sign_in_as(sam_session, "Casey Worker")
    peers.update(casey, peer_id, peer("Assigned"), today=TODAY)  # unassigned
    sam_session = sign_in_as(casey, "Sam Supporter")
    assert casework.search_notes(sam_session, "piasecretword") == []


def test_deleting_or_redating_the_closing_session_reopens_a_follow_up(lead: Session) -> None:
    me = lead.staff.id
    peer_id = peers.create(lead, peer("Ana"), today=TODAY)
    first = casework.log_session(lead, one_to_one(peer_id, me, held_on=date(2026, 11, 1),
                                                  follow_up_on=date(2026, 11, 15)), today=TODAY)
    second = casework.log_session(lead, one_to_one(peer_id, me, held_on=date(2026, 11, 2)),
                                  today=TODAY)
    assert casework.get_session(lead, first).follow_up_done_on == date(2026, 11, 2)
    casework.edit_session(lead, second, one_to_one(peer_id, me, held_on=date(2026, 10, 30)),
                          today=TODAY)  # now before the session that set the follow-up
    assert casework.get_session(lead, first).follow_up_done_on is None
    assert peers.rows(lead, [peer_id])[0].next_follow_up == "2026-11-15"
    casework.edit_session(lead, second, one_to_one(peer_id, me, held_on=date(2026, 11, 3)),
                          today=TODAY)
    assert casework.get_session(lead, first).follow_up_done_on == date(2026, 11, 3)
    casework.delete_session(lead, second)
    assert casework.get_session(lead, first).follow_up_done_on is None
    assert peers.rows(lead, [peer_id])[0].next_follow_up == "2026-11-15"
    casework.mark_follow_up_done(lead, first, today=TODAY)
    casework.log_session(lead, one_to_one(peer_id, me, held_on=date(2026, 11, 20)), today=TODAY)
    assert casework.get_session(lead, first).follow_up_done_on == TODAY  # by hand: kept
