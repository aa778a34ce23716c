"""One PC in the team soak (tests/team/test_soak_team.py): signs in, logs
one-to-one sessions until its deadline whatever the server is doing, then
sends what waits. Writes each session's id to its ledger before saving it
(what was "typed") and a summary at the end. Run by the soak, not by hand."""

from __future__ import annotations

import json
import sys
import time
import uuid
from datetime import date
from pathlib import Path


def main(argv: list[str]) -> int:
    from peerdesk.services import team
    from peerdesk.storage.team.casework import TeamSession

    (connection, folder, name, password, peer_id, seconds) = argv
    work = Path(folder)
    place = team.TeamPlace(work / "config", work / "data")
    info = team.load_connection_file(Path(connection))
    desk = team.sign_in(place, name, password, info=info)
    (work / "ready").touch()
    ledger = (work / "ledger.txt").open("a", encoding="ascii")
    deadline = time.monotonic() + float(seconds)
    typed = queued = 0
    save_times: list[float] = []
    while time.monotonic() < deadline:
        session = TeamSession(uuid.uuid4(), uuid.UUID(peer_id), desk.staff_id,
                              date(2026, 5, 1 + typed % 28), 30, "phone", "peer_support",
                              notes=f"soak note {typed}")
        ledger.write(f"{session.id}\n")
        ledger.flush()
        started = time.perf_counter()
        saved = desk.add_session(session)
        save_times.append(time.perf_counter() - started)
        typed += 1
        queued += not saved.sent
        time.sleep(0.02)
    # The server is back for good: send what waits (it may take a few tries).
    end = time.monotonic() + 120
    while desk.waiting() and time.monotonic() < end:
        desk.send_waiting()
        if desk.waiting():
            time.sleep(0.5)
    summary = {"typed": typed, "queued": queued, "left": desk.waiting(),
               "refused": len(desk.outbox().refusals()), "save_seconds": save_times}
    (work / "summary.json").write_text(json.dumps(summary), encoding="utf-8")
    desk.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
