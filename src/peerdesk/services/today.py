"""The Today page: follow-ups due, sessions logged today, consent reviews due."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from peerdesk.services import access
from peerdesk.services.clock import today as today_
from peerdesk.services.session import Session
from peerdesk.storage.repositories import consent as consent_repo
from peerdesk.storage.repositories import one_to_one as session_repo
from peerdesk.storage.repositories import peers as peer_repo


@dataclass(frozen=True, slots=True)
class TodayItem:
    peer_id: int
    ref: str
    preferred_name: str
    when: date
    what: str
    overdue: bool
    item_id: int  # session id (follow-ups, sessions) or consent id (reviews)


@dataclass(frozen=True, slots=True)
class Today:
    on: date
    follow_ups: list[TodayItem]
    sessions_today: list[TodayItem]
    consent_reviews: list[TodayItem]


def overview(session: Session, *, today: date | None = None) -> Today:
    on = today_(today)
    visible = set(peer_repo.matching_ids(session.db, access.restrict(session,
                                                                     peer_repo.PeerFilter())))
    names: dict[int, tuple[str, str]] = {}

    def item(peer_id: int, when: str, what: str, item_id: int) -> TodayItem | None:
        if peer_id not in visible:
            return None
        if peer_id not in names:
            row = peer_repo.rows_for(session.db, [peer_id])[0]
            names[peer_id] = (row.ref, row.preferred_name)
        ref, name = names[peer_id]
        day = date.fromisoformat(when)
        return TodayItem(peer_id, ref, name, day, what, day < on, item_id)

    follow_ups = [item(p, w, "Follow-up", s) for s, p, w in
                  session_repo.open_follow_ups(session.db, on)]
    mine = None if access.notes_limited_to(session) is None else session.staff.id
    logged = [item(p, w, "Session logged", s) for s, p, w in
              session_repo.held_between(session.db, on, on, worker_id=mine)]
    reviews = [item(c.peer_id, c.review_on.isoformat(), f"Review consent: {c.scope.label}", c.id)
               for c in consent_repo.reviews_due(session.db, on) if c.review_on]
    return Today(
        on=on,
        follow_ups=[i for i in follow_ups if i],
        sessions_today=[i for i in logged if i],
        consent_reviews=[i for i in reviews if i],
    )


__all__ = ["Today", "TodayItem", "overview"]
