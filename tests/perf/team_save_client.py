"""One PC of the benchmark's concurrent saves (tests/perf/bench_teamdesk.py).

Signs in as its own staff login (its search cache filled at an earlier
sign-in, as on a PC in use), says it is ready, waits for the word to start,
then logs one-to-one sessions as the team window does (TeamStore.log_session:
the permission check on the server, the session and its sealed note with
their audit event in one transaction, the search cache brought in step) on
peers picked at random from PEERS, a short pause between saves, until SECONDS
are up. Writes how long each save took to `saves.json`. Run by the
benchmark, not by hand:

    python -m tests.perf.team_save_client CONNECTION FOLDER NAME PASSWORD PEERS SECONDS
"""

from __future__ import annotations

import json
import random
import sys
import time
import uuid
from collections.abc import Hashable
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from peerdesk.services.casework_store import NewSession

# A person between two saves reads, types, closes the form: the clients are
# concurrent, not a load test of the server's throughput.
PAUSE_S = (0.05, 0.25)
GO = "go"  # the file, in FOLDER's parent, that starts every client at once


def a_session(peer_id: Hashable, chance: random.Random, number: int) -> NewSession:
    """A session as a person logs one (the vault's saves in the benchmark too)."""
    from peerdesk.domain.one_to_one import SessionKind, SessionMode
    from peerdesk.services.casework_store import NewSession

    return NewSession(peer_id, date.today() - timedelta(chance.randrange(30)), 45,
                      SessionMode.IN_PERSON, SessionKind.PEER_SUPPORT,
                      notes=f"bench note {number}: talked through housing",
                      next_steps="call the council")


def main(argv: list[str]) -> int:
    from peerdesk.services import team
    from peerdesk.services.casework_store import TeamStore

    connection, folder, name, password, peers_file, seconds = argv
    work = Path(folder)
    peers = [uuid.UUID(line) for line in Path(peers_file).read_text("ascii").split()]
    chance = random.Random(name)
    desk = team.sign_in(team.TeamPlace(work / "config", work / "data"), name, password,
                        info=team.load_connection_file(Path(connection)))
    store = TeamStore(desk)
    (work / "ready").touch()
    while not (work.parent / GO).exists():
        time.sleep(0.01)
    deadline = time.monotonic() + float(seconds)
    save_seconds: list[float] = []
    queued_before = desk.waiting()
    try:
        while time.monotonic() < deadline:
            new = a_session(chance.choice(peers), chance, len(save_seconds))
            started = time.perf_counter()
            store.log_session(new)
            save_seconds.append(time.perf_counter() - started)
            time.sleep(chance.uniform(*PAUSE_S))
        queued = desk.waiting() - queued_before
    finally:
        desk.close()
    (work / "saves.json").write_text(
        json.dumps({"save_seconds": save_seconds, "queued": queued}), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
