"""Lists for the Sessions page and the outcome measures a rating can use."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from peerdesk.domain.audit import AuditAction
from peerdesk.domain.one_to_one import SessionKind, SessionMode
from peerdesk.domain.outcomes import ONS4, UCLA3, Measure, MeasureKind, ladder
from peerdesk.domain.staff import Permission
from peerdesk.services import access
from peerdesk.services.clock import today as today_
from peerdesk.services.session import Session
from peerdesk.storage.repositories import one_to_one as session_repo
from peerdesk.storage.repositories import peers as peer_repo
from peerdesk.storage.repositories import ratings as rating_repo

# Looked back through in steps, so a busy centre reads only the last weeks.
_WINDOWS_DAYS = (14, 60, 365, 366 * 5)


@dataclass(frozen=True, slots=True)
class SessionRow:
    session_id: int
    peer_id: int
    ref: str
    preferred_name: str
    held_on: date
    minutes: int
    mode: SessionMode
    kind: SessionKind
    worker: str


def recent_sessions(session: Session, *, limit: int = 100, today: date | None = None
                    ) -> list[SessionRow]:
    """The newest one-to-one sessions this person may see, without their notes.

    A peer supporter sees only the sessions they logged with peers assigned to them.
    """
    flt = access.restrict(session, peer_repo.PeerFilter())
    mine = access.notes_limited_to(session)
    visible: set[int] | None = None
    if not session.can(Permission.VIEW_ALL_PEERS):
        visible = set(peer_repo.matching_ids(session.db, flt))
    on = today_(today)
    found: list[tuple[int, int, str]] = []
    for days in _WINDOWS_DAYS:
        found = [(s, p, w) for s, p, w in session_repo.held_between(
            session.db, on - timedelta(days=days), on, worker_id=mine)
            if visible is None or p in visible]
        if len(found) >= limit:
            break
    found = found[:limit]
    peers = {r.id: r for r in peer_repo.rows_for(session.db, sorted({p for _, p, _ in found}))}
    result: list[SessionRow] = []
    for session_id, peer_id, _held in found:
        stored = session_repo.get(session.db, session_id)
        row = peers.get(peer_id)
        if row is None:
            continue
        draft = stored.draft
        result.append(SessionRow(session_id, peer_id, row.ref, row.preferred_name,
                                 draft.held_on, draft.minutes, draft.mode, draft.kind,
                                 stored.worker_name))
    with session.db.transaction():
        session.audit(AuditAction.VIEWED, "sessions", "", f"recent sessions, {len(result)} shown")
    return result


def measures(session: Session) -> list[Measure]:
    """ONS4, UCLA-3 and the programme's ladders that are in use."""
    access.restrict(session, peer_repo.PeerFilter())
    found: list[Measure] = []
    for key, kind, title in rating_repo.measures(session.db):
        if kind == MeasureKind.ONS4.value and key == ONS4.key:
            found.append(ONS4)
        elif kind == MeasureKind.UCLA3.value and key == UCLA3.key:
            found.append(UCLA3)
        elif kind == MeasureKind.LADDER.value:
            found.append(ladder(key, title))
    order = {MeasureKind.ONS4: 0, MeasureKind.UCLA3: 1, MeasureKind.LADDER: 2}
    return sorted(found, key=lambda m: (order[m.kind], m.title.casefold()))


__all__ = ["SessionRow", "measures", "recent_sessions"]
