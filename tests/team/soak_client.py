"""One PC in the team soak (tests/team/test_soak_team.py): signs in, logs
one-to-one sessions, contacts of the listening service and register marks
until its deadline whatever the server is doing, then sends what waits.
Writes each item to its ledger before saving it (what was "typed") and a
summary at the end. Run by the soak, not by hand.

Ledger lines: `session ID`, `contact ID`, `mark MEETING PEER MARK WALK_IN`."""

from __future__ import annotations

import json
import random
import sys
import time
import uuid
from datetime import date
from pathlib import Path


def main(argv: list[str]) -> int:
    from peerdesk.services import team
    from peerdesk.storage.team.casework import TeamSession
    from peerdesk.storage.team.groupwork import MARKS, TeamContact, TeamMark, TeamRegister

    (connection, folder, name, password, setup, seconds) = argv
    work = Path(folder)
    given = json.loads(Path(setup).read_text(encoding="utf-8"))
    peer_id = uuid.UUID(given["peer"])
    register_peers = [uuid.UUID(p) for p in given["register_peers"]]
    meetings = [uuid.UUID(m) for m in given["meetings"]]
    chance = random.Random(name)
    place = team.TeamPlace(work / "config", work / "data")
    info = team.load_connection_file(Path(connection))
    desk = team.sign_in(place, name, password, info=info)
    (work / "ready").touch()
    ledger = (work / "ledger.txt").open("a", encoding="ascii")
    deadline = time.monotonic() + float(seconds)
    typed = queued = 0
    counts = {"session": 0, "contact": 0, "register": 0}
    save_times: list[float] = []
    while time.monotonic() < deadline:
        what = ("session", "contact", "register")[typed % 3]
        saved: team.Saved
        if what == "session":
            session = TeamSession(uuid.uuid4(), peer_id, desk.staff_id,
                                  date(2026, 5, 1 + typed % 28), 30, "phone", "peer_support",
                                  notes=f"soak note {typed}")
            ledger.write(f"session {session.id}\n")
            ledger.flush()
            started = time.perf_counter()
            saved = desk.add_session(session)
        elif what == "contact":
            contact = TeamContact(uuid.uuid4(), date(2026, 5, 1 + typed % 28), "14:05", "phone",
                                  15, desk.staff_id, first_time="first" if typed % 2 else
                                  "returning", notes=f"soak contact {typed}")
            ledger.write(f"contact {contact.id}\n")
            ledger.flush()
            started = time.perf_counter()
            saved = desk.add_contact(contact)
        else:
            meeting = chance.choice(meetings)
            marks = tuple(TeamMark(p, chance.choice(MARKS), chance.random() < 0.1)
                          for p in chance.sample(register_peers, 4))
            for mark in marks:
                ledger.write(f"mark {meeting} {mark.peer_id} {mark.mark} {int(mark.walk_in)}\n")
            ledger.flush()
            started = time.perf_counter()
            saved = desk.take_register(TeamRegister(uuid.uuid4(), meeting, marks))
        save_times.append(time.perf_counter() - started)
        counts[what] += 1
        typed += 1
        queued += not saved.sent
        time.sleep(0.02)
    # The server is back for good: send what waits (it may take a few tries).
    end = time.monotonic() + 120
    while desk.waiting() and time.monotonic() < end:
        desk.send_waiting()
        if desk.waiting():
            time.sleep(0.5)
    summary = {"typed": typed, "queued": queued, "left": desk.waiting(), "counts": counts,
               "refused": len(desk.outbox().refusals()), "save_seconds": save_times}
    (work / "summary.json").write_text(json.dumps(summary), encoding="utf-8")
    desk.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
