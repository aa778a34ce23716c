"""Ratings (issue 14 item 2): an item may be declined but never left as a silent 0; a rating
can be corrected or deleted with a reason, audited, the original kept; reports compare the
corrected, complete ratings still in use."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from peerdesk.domain.audit import AuditAction
from peerdesk.domain.errors import NotFound, PermissionDenied, ValidationError
from peerdesk.domain.outcomes import ONS4, UCLA3, RatingDraft, parse_scores, scores_text
from peerdesk.domain.staff import Role
from peerdesk.reports import figures
from peerdesk.reports.period import Period
from peerdesk.services import casework, peers
from peerdesk.services.auth import SignIn
from peerdesk.services.session import Session
from peerdesk.storage.repositories import audit as audit_repo
from peerdesk.storage.repositories import ratings as rating_repo
from tests.conftest import ADMIN_NAME, ADMIN_PASSWORD

from .caseload_helpers import TODAY, add_person, lead_in_new_centre, one_to_one, peer, sign_in_as

OCT = Period.month(2026, 10)


def ons4(peer_id: int, on: date, scores: tuple[int | None, ...]) -> RatingDraft:
    return RatingDraft(peer_id, 0, ONS4, on, scores)


def events(session: Session, action: AuditAction) -> list[str]:
    return [f"{e.target_id}:{e.detail}" for e in audit_repo.recent(session.db, limit=1000)
            if e.action is action]


@pytest.fixture
def lead(admin_session: Session) -> Session:
    add_person(admin_session, "Lee Lead", Role.PROGRAMME_LEAD)
    add_person(admin_session, "Sam Supporter", Role.PEER_SUPPORTER)
    return sign_in_as(admin_session, "Lee Lead")


def test_a_declined_item_is_kept_as_declined_never_as_zero() -> None:
    draft = ons4(1, date(2026, 10, 1), (7, None, 6, 3)).validated(TODAY)
    assert not draft.complete and draft.total is None
    assert scores_text(draft.scores) == "7,-,6,3"
    assert parse_scores("7,-,6,3") == (7, None, 6, 3)
    assert ons4(1, date(2026, 10, 1), (7, 8, 6, 3)).total == 24
    with pytest.raises(ValidationError, match="between 0 and 10"):
        ons4(1, date(2026, 10, 1), (7, 8, 11, None)).validated(TODAY)


def test_correct_and_delete_with_a_reason_audited_and_traceable(lead: Session) -> None:
    peer_id = peers.create(lead, peer("Ana"), today=TODAY)
    rating = casework.add_rating(lead, ons4(peer_id, date(2026, 10, 1), (0, 0, 0, 0)),
                                 today=TODAY)
    declined = casework.add_rating(lead, ons4(peer_id, date(2026, 10, 8), (5, None, 5, 5)),
                                   today=TODAY)
    [first, second] = peers.open_page(lead, peer_id).ratings
    assert (second.scores, second.total) == ((5, None, 5, 5), None)

    with pytest.raises(ValidationError, match="Reason can't be empty"):
        casework.correct_rating(lead, rating, ons4(peer_id, date(2026, 10, 1), (6, 7, 5, 4)),
                                "  ", today=TODAY)
    casework.correct_rating(lead, rating, ons4(peer_id, date(2026, 10, 2), (6, 7, 5, 4)),
                            "typed before asking", today=TODAY)
    page = peers.open_page(lead, peer_id)
    now = next(r for r in page.ratings if r.id == rating)
    assert (now.rated_on, now.scores, now.total, now.corrected) == (
        date(2026, 10, 2), (6, 7, 5, 4), 22, True)
    [change] = rating_repo.history(lead.db, rating)
    assert (change.kind, change.reason, change.old_rated_on, change.old_scores) == (
        "corrected", "typed before asking", date(2026, 10, 1), (0, 0, 0, 0))
    assert change.changed_by == lead.staff.id
    assert change.old_total == 0  # the history keeps the old total, as the subject copy does
    assert events(lead, AuditAction.RATING_CORRECTED) == [
        f"{peer_id}:ons4 rating {rating} corrected"]  # the reason stays out of the log

    casework.delete_rating(lead, declined, "recorded on the wrong person")
    assert [r.id for r in peers.open_page(lead, peer_id).ratings] == [rating]
    [gone] = rating_repo.history(lead.db, declined)
    assert (gone.kind, gone.reason, gone.old_scores) == (
        "deleted", "recorded on the wrong person", (5, None, 5, 5))
    assert events(lead, AuditAction.RATING_DELETED) == [
        f"{peer_id}:ons4 rating {declined} deleted"]
    with pytest.raises(NotFound):  # deleted once is deleted
        casework.delete_rating(lead, declined, "again")
    with pytest.raises(ValidationError):  # a correction can't move it to another measure
        casework.correct_rating(lead, rating, RatingDraft(peer_id, 0, UCLA3, TODAY, (1, 1, 1)),
                                "wrong scale", today=TODAY)
    del first


def test_roles_that_cannot_edit_the_record_are_refused(lead: Session) -> None:
    peer_id = peers.create(lead, peer("Ana"), today=TODAY)
    rating = casework.add_rating(lead, ons4(peer_id, date(2026, 10, 1), (5, 5, 5, 5)),
                                 today=TODAY)
    sam = sign_in_as(lead, "Sam Supporter")  # not assigned to Ana
    with pytest.raises(PermissionDenied):
        casework.correct_rating(sam, rating, ons4(peer_id, date(2026, 10, 1), (1, 1, 1, 1)),
                                "mine now", today=TODAY)
    with pytest.raises(PermissionDenied):
        casework.delete_rating(sam, rating, "mine now")
    admin = SignIn(sam.vault.close()).sign_in(ADMIN_NAME, ADMIN_PASSWORD)
    with pytest.raises(PermissionDenied):  # administrators hold no casework
        casework.delete_rating(admin, rating, "tidying")
    lead = sign_in_as(admin, "Lee Lead")
    assert [r.scores for r in peers.open_page(lead, peer_id).ratings] == [(5, 5, 5, 5)]
    assert rating_repo.history(lead.db, rating) == []


def test_reports_use_corrected_complete_ratings_in_use(tmp_path: Path) -> None:
    lead = lead_in_new_centre(tmp_path)
    me = lead.staff.id
    try:
        names = ("Ana", "Ben", "Cy", "Dee")
        ids = {n: peers.create(lead, peer(n, first_contact=date(2026, 9, 1)), today=TODAY)
               for n in names}
        for peer_id in ids.values():
            casework.log_session(lead, one_to_one(peer_id, me, held_on=date(2026, 10, 5)),
                                 today=TODAY)

        def rate(name: str, on: date, scores: tuple[int | None, ...]) -> int:
            return casework.add_rating(lead, ons4(ids[name], on, scores), today=TODAY)

        # Ana: better, first to latest.
        rate("Ana", date(2026, 9, 1), (5, 5, 5, 8))
        rate("Ana", date(2026, 10, 20), (6, 6, 6, 4))
        # Ben: his latest declined one item; it is not counted as 0 (which would be
        # "worse"): compared are his two complete ratings, which are the same.
        rate("Ben", date(2026, 9, 1), (5, 5, 5, 5))
        rate("Ben", date(2026, 9, 15), (5, 5, 5, 5))
        rate("Ben", date(2026, 10, 20), (5, None, 5, 5))
        # Cy: recorded worse, corrected to better.
        rate("Cy", date(2026, 9, 1), (5, 5, 5, 5))
        wrong = rate("Cy", date(2026, 10, 20), (1, 1, 1, 9))
        casework.correct_rating(lead, wrong, ons4(ids["Cy"], date(2026, 10, 20), (9, 9, 9, 1)),
                                "entered the wrong way round", today=TODAY)
        # Dee: two ratings, one deleted: no longer rated twice.
        rate("Dee", date(2026, 9, 1), (5, 5, 5, 5))
        deleted = rate("Dee", date(2026, 10, 20), (0, 0, 0, 10))
        casework.delete_rating(lead, deleted, "was someone else's")

        table = figures.compute(lead.db, OCT).tables["outcomes"]
        assert dict(table.rows) == {"Personal wellbeing (ONS4)": (2, 1, 0)}
    finally:
        lead.vault.close()
        lead.vault.locked.release()
