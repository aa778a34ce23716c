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
    access.restrict(session, peer_repo.PeerFilter())
    visible = access.visible_peer_ids(session)
    mine = None if access.notes_limited_to(session) is None else session.staff.id
    raw = (
        [(p, w, "Follow-up", s, "f") for s, p, w in session_repo.open_follow_ups(session.db, on)]
        + [(p, w, "Session logged", s, "s") for s, p, w in
           session_repo.held_between(session.db, on, on, worker_id=mine)]
        + [(c.peer_id, c.review_on.isoformat(), f"Review consent: {c.scope.label}", c.id, "c")
           for c in consent_repo.reviews_due(session.db, on) if c.review_on]
    )
    raw = [r for r in raw if visible is None or r[0] in visible]
    # One query for every peer named on the page, not one per item.
    rows = {r.id: r for r in peer_repo.rows_for(session.db, sorted({r[0] for r in raw}))}
    items: dict[str, list[TodayItem]] = {"f": [], "s": [], "c": []}
    for peer_id, when, what, item_id, kind in raw:
        row = rows.get(peer_id)
        if row is None:
            continue
        day = date.fromisoformat(when)
        items[kind].append(TodayItem(peer_id, row.ref, row.preferred_name, day, what, day < on,
                                     item_id))
    return Today(on=on, follow_ups=items["f"], sessions_today=items["s"],
                 consent_reviews=items["c"])


__all__ = ["Today", "TodayItem", "overview"]
