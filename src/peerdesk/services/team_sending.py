"""Sending the outbox from a worker thread, so a window never waits on the
network (a host that drops packets holds a connect for its whole timeout).

The work runs on a desk of its own (`desk_apart`): its own connection to the
server and its own handle on the outbox file, since a psycopg transaction and
an SQLite connection each belong to one thread. It works with copies of the
keys (and of the audit signer) taken on the desk's thread when the job is
made, so a sign-out meanwhile wipes the desk's keys, not the ones in use; the
copies are wiped when the send ends.

Sent while the desk's thread saves something new: both may send the same
waiting record; the server keeps the first (each is inserted ON CONFLICT DO
NOTHING on the id made for it, and a register merges by person), so each
still lands exactly once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from peerdesk.services.team import TeamDesk
    from peerdesk.storage.team.outbox import SendResult


def desk_apart(desk: TeamDesk, password: str) -> TeamDesk:
    """A desk for one worker thread: the same person, place and server, no
    connection yet, copies of the keys and the signer."""
    from peerdesk.services.team import TeamDesk
    from peerdesk.storage.signer import Signer
    from peerdesk.storage.team.keys import TeamKeys

    held = desk.keys
    signer = None if held.signer is None else Signer.from_seed(
        held.signer.vault_id, held.signer.staff_id, bytearray(held.signer.seed))
    keys = TeamKeys(held.staff_id, held.roles,
                    {what: (generation, bytearray(key))
                     for what, (generation, key) in held.keys.items()},
                    {what: {generation: bytearray(key) for generation, key in listed.items()}
                     for what, listed in held.older.items()},
                    signer)
    apart = TeamDesk(desk.place, desk.info, desk.login, password, None, keys)
    return apart


def sender(desk: TeamDesk) -> Callable[[], SendResult]:
    """`desk.send_waiting`, for a worker thread; made on the desk's thread."""
    apart = desk.apart()

    def send() -> SendResult:
        try:
            return apart.send_waiting()
        finally:
            if apart.signer is not None:
                apart.signer.wipe()
            apart.close()

    return send
