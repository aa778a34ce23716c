"""The Today page: follow-ups due, sessions logged today, consent reviews due."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from peerdesk.services import access, casework
from peerdesk.services.clock import today as today_
from peerdesk.services.session import Session
from peerdesk.storage.repositories import consent as consent_repo
from peerdesk.storage.repositories import one_to_one as session_repo
from peerdesk.storage.repositories import peers as peer_repo
from peerdesk.storage.repositories import staff as staff_repo


@dataclass(frozen=True, slots=True)
class TodayItem:
    # Ids as the store has them (services/casework_store.StoreId): integers on the
    # vault, UUIDs on the team server.
    peer_id: Any
    ref: str
    preferred_name: str
    when: date
    what: str
    overdue: bool
    item_id: Any  # session id (follow-ups, sessions) or consent id (reviews)
    owner: str = ""  # who set the follow-up or logged the session
    owner_id: int | None = None


@dataclass(frozen=True, slots=True)
class Today:
    on: date
    follow_ups: list[TodayItem]
    sessions_today: list[TodayItem]
    consent_reviews: list[TodayItem]


def overview(session: Session, *, today: date | None = None, mine: bool = False) -> Today:
    """What is due. `mine`: only the follow-ups the signed-in person set."""
    on = today_(today)
    access.restrict(session, peer_repo.PeerFilter())
    visible = access.visible_peer_ids(session)
    own = None if access.notes_limited_to(session) is None else session.staff.id
    follow_ups = session_repo.open_follow_ups(session.db, on)
    if mine:
        follow_ups = [f for f in follow_ups if f[3] == session.staff.id]
    raw = (
        [(p, w, "Follow-up", s, "f", who) for s, p, w, who in follow_ups]
        + [(p, w, "Session logged", s, "s", who) for s, p, w, who in
           session_repo.held_between(session.db, on, on, worker_id=own)]
        + [(c.peer_id, c.review_on.isoformat(), f"Review consent: {c.scope.label}", c.id, "c",
            None) for c in consent_repo.reviews_due(session.db, on) if c.review_on]
    )
    raw = [r for r in raw if visible is None or r[0] in visible]
    # One query for every peer named on the page, not one per item.
    rows = {r.id: r for r in peer_repo.rows_for(session.db, sorted({r[0] for r in raw}))}
    names = {s.id: s.name for s in staff_repo.list_all(session.db, include_removed=True)}
    items: dict[str, list[TodayItem]] = {"f": [], "s": [], "c": []}
    for peer_id, when, what, item_id, kind, who in raw:
        row = rows.get(peer_id)
        if row is None:
            continue
        day = date.fromisoformat(when)
        items[kind].append(TodayItem(peer_id, row.ref, row.preferred_name, day, what, day < on,
                                     item_id, names.get(who, "") if who else "", who))
    return Today(on=on, follow_ups=items["f"], sessions_today=items["s"],
                 consent_reviews=items["c"])


def mark_follow_up_done(session: Session, item: TodayItem, *, today: date | None = None
                        ) -> None:
    """Done today, from the Today page (the same rules and audit as on the peer's page)."""
    casework.mark_follow_up_done(session, item.item_id, today=today)


__all__ = ["Today", "TodayItem", "mark_follow_up_done", "overview"]
