"""Lists for the Sessions page and the outcome measures a rating can use."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from peerdesk.domain.audit import AuditAction
from peerdesk.domain.one_to_one import SessionKind, SessionMode
from peerdesk.domain.outcomes import ONS4, UCLA3, Measure, MeasureKind, ladder
from peerdesk.domain.staff import Permission
from peerdesk.services import access
from peerdesk.services.session import Session
from peerdesk.storage.repositories import one_to_one as session_repo
from peerdesk.storage.repositories import peers as peer_repo
from peerdesk.storage.repositories import ratings as rating_repo


@dataclass(frozen=True, slots=True)
class SessionRow:
    """A session in a list across peers, without its notes (also the lists of
    services/casework_store.py, whose ids are the store's: integers on the
    vault, UUIDs on the team server)."""

    session_id: Any
    peer_id: Any
    ref: str
    preferred_name: str
    held_on: date
    minutes: int
    mode: SessionMode
    kind: SessionKind
    worker: str
    follow_up_on: date | None = None
    follow_up_done_on: date | None = None

    @property
    def follow_up_open(self) -> bool:
        return self.follow_up_on is not None and self.follow_up_done_on is None


def recent_sessions(session: Session, *, limit: int = 100, today: date | None = None,
                    held_from: date | None = None, held_to: date | None = None
                    ) -> list[SessionRow]:
    """The newest one-to-one sessions this person may see, without their notes;
    only those held from `held_from` to `held_to` when given.

    A peer supporter sees only the sessions they logged with peers assigned to them.
    """
    del today  # newest first needs no date; kept so callers can pass one
    access.restrict(session, peer_repo.PeerFilter())
    assigned = None if session.can(Permission.VIEW_ALL_PEERS) else session.staff.id
    found = session_repo.newest(session.db, limit=limit,
                                worker_id=access.notes_limited_to(session),
                                assigned_to=assigned, held_from=held_from,
                                held_to=held_to)
    peers = {r.id: r for r in peer_repo.rows_for(session.db, sorted({s.peer_id for s in found}))}
    result = [
        SessionRow(s.id, s.peer_id, peers[s.peer_id].ref, peers[s.peer_id].preferred_name,
                   s.held_on, s.minutes, s.mode, s.kind, s.worker_name,
                   s.follow_up_on, s.follow_up_done_on)
        for s in found if s.peer_id in peers
    ]
    session.audit_alone(AuditAction.VIEWED, "sessions", "", f"recent sessions, {len(result)} shown")
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
