"""Sessions across peers on the team server, for a signed-in `TeamDesk`: the
Today page's follow-ups due and sessions logged today, the Sessions list over a
date range, and a follow-up marked done (services/casework_store.TeamStore
calls these; the role rules are checked there first, as for a peer's page).

Reads need the server (a list of sessions is not in this PC's search cache);
Offline when it can't be reached. Marking a follow-up done is a change to a
record on the server: never queued, OfflineEdit says why.
"""

from __future__ import annotations

import uuid
from datetime import date
from typing import TYPE_CHECKING

from peerdesk.domain.errors import PermissionDenied
from peerdesk.services.team import Offline, OfflineEdit

if TYPE_CHECKING:
    from peerdesk.services.team import TeamDesk
    from peerdesk.storage.team.casework import TeamCasework
    from peerdesk.storage.team.session_lists import SessionQuery, TeamSessionLine

# As services.casework says it for the vault.
NOT_YOUR_SESSION = "Only the person who logged this session can change it."


def lines(desk: TeamDesk, query: SessionQuery, detail: str) -> list[TeamSessionLine]:
    """The sessions `query` names that this login sees; the view audited."""
    from peerdesk.storage.team.session_lists import session_lines

    return desk.read_casework(lambda store: session_lines(store, query, detail))


def mark_follow_up_done(desk: TeamDesk, session_id: uuid.UUID, on: date, *,
                        any_session: bool) -> None:
    """Done on `on`; only the person who logged it unless `any_session` (those
    who may read every note, as on the vault)."""
    from peerdesk.storage.team import session_lists

    def mark(store: TeamCasework) -> None:
        _peer, worker = session_lists.session_worker(store, session_id)
        if worker != desk.staff_id and not any_session:
            raise PermissionDenied(NOT_YOUR_SESSION)
        session_lists.mark_follow_up_done(store, session_id, on)

    try:
        desk.read_casework(mark)
    except Offline:
        raise OfflineEdit from None
