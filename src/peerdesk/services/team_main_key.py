"""Changing the team's main key when someone leaves (docs/team-server.md, "Keys
live on the server, locked").

Deactivating anyone makes a change of the main key owed on the server (every
person's slot holds it). The next administrator to sign in does it, in the
background after signing in as the casework change is done for a programme
lead or caseworker (services/team.py, `TeamDesk.prepare`): a new generation
sealed to every remaining holder, every main-sealed value re-sealed in
resumable batches (storage/team/rotation.py, `MAIN_KEY`), the older sealed
copies deleted, each step on the audit chain.

Why administrators: they hold the main key and already read every row it
seals (staff, the supporters register, the audit log), so the batches show
them nothing they couldn't read; they are the ones who deactivate people
(and so sign in again soonest); and the server already lets them seal the
main key to a person. Until it is done, a copy of the former member's slot
still opens what the main key sealed (docs/team-server.md says so).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from peerdesk.storage.team.keys import TeamKeys
    from peerdesk.storage.team.rotation import Progress, RotationDone
    from peerdesk.storage.team.schema import Conn


def change_mine(conn: Conn | None, keys: TeamKeys) -> bool:
    """Whether a change of the main key waits for this person to do it."""
    from peerdesk.storage.team import rotation

    if conn is None or not rotation.may_rotate(keys, rotation.MAIN_KEY):
        return False
    return bool(rotation.pending(conn, rotation.MAIN_KEY))


def change_owed(conn: Conn, keys: TeamKeys,
                progress: Callable[[Progress], None] | None = None) -> list[RotationDone]:
    """Do a change of the main key owed or under way, when this person may (an
    administrator); what was done. `keys` holds only the new key after it."""
    from peerdesk.storage.team import rotation

    return rotation.rotate_owed(conn, keys, batch=rotation.BATCH, progress=progress,
                                kind=rotation.MAIN_KEY)


# Who a change waits for, by key.
_WAITS_FOR = {"casework": "a programme lead or caseworker", "main": "an administrator"}


def status(conn: Conn) -> str | None:
    """What the server says of key changes owed or under way, casework's then
    the main key's (for anyone signed in); None when there is none."""
    from peerdesk.storage.team import rotation

    said = []
    for kind in (rotation.CASEWORK_KEY, rotation.MAIN_KEY):
        waiting = rotation.pending(conn, kind)
        if not waiting:
            continue
        running = next((r for r in waiting if r.started), None)
        who = _WAITS_FOR[kind.what]
        if running is not None:
            said.append(f"The {kind.what} key is being changed: {running.rows_resealed} "
                        f"records re-sealed so far. It continues at the next sign-in of {who}.")
        else:
            said.append(f"The {kind.what} key is due to be changed, because someone who held "
                        f"it has left. It happens at the next sign-in of {who}.")
    return " ".join(said) or None
