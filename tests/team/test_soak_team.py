"""The team soak (issue 18): 10 client processes logging one-to-one sessions,
contacts of the listening service and group registers (the same few meetings,
marked on every PC) for a bounded time while the server is stopped and
restarted twice; afterwards every session and contact typed is on the server
exactly once, each with its note, every register holds one row per person
with the mark the merge rule gives over everything every PC typed (the
strongest; a walk-in stays one), and the audit log is a line, unforked.

Not in the default run (the `soak` mark):
    PEERDESK_REQUIRE_POSTGRES=1 python -m pytest -m soak -s tests/team/test_soak_team.py
PEERDESK_SOAK_SECONDS sets how long the clients log (default 60).
"""

from __future__ import annotations

import json
import os
import secrets
import statistics
import subprocess
import sys
import time
import uuid
from datetime import date
from pathlib import Path

import pytest

from tests.team.conftest import cluster

CLIENTS = 10
SECONDS = float(os.environ.get("PEERDESK_SOAK_SECONDS", "60"))


@pytest.mark.soak
def test_ten_clients_through_two_outages_lose_nothing_and_duplicate_nothing(tmp_path):
    from peerdesk.domain.staff import Role
    from peerdesk.storage.team import keys, schema
    from peerdesk.storage.team.casework import TeamCasework, TeamPeer
    from peerdesk.storage.team.connection import ConnectionFile
    from peerdesk.storage.team.fieldcrypt import FieldCipher
    from peerdesk.storage.team.groupwork import TeamGroupwork, merged
    from peerdesk.storage.team.staff import login_for

    with cluster() as server:
        with server.connect(autocommit=True) as conn:
            conn.execute("CREATE DATABASE soak")
        main_key, casework_key = secrets.token_bytes(32), secrets.token_bytes(32)
        people: list[tuple[str, str]] = []
        with server.connect("soak", autocommit=True) as conn:
            schema.migrate(conn)
            info = ConnectionFile(host=str(server.socket_dir), port=server.port,
                                  database="soak", centre_id=schema.centre_id(conn),
                                  name_key=secrets.token_hex(32))
            for number in range(CLIENTS):
                name, password = f"Worker {number}", secrets.token_urlsafe(12)
                keys.create_person(conn, login=login_for("soak", info.name_key, "", name),
                                   roles=[Role.CASEWORKER], password=password,
                                   display_name=name, main_key=main_key,
                                   casework_key=casework_key)
                people.append((name, password))
            cipher = FieldCipher(casework_key, compartment="casework")
            peer = TeamPeer(uuid.uuid4(), 1, "Soak", date(2026, 1, 1), "phone")
            TeamCasework(conn, cipher).add_peer(peer)
            # A group with three meetings and twelve people whose registers every PC takes.
            on_registers = [TeamPeer(uuid.uuid4(), 2 + n, f"Member {n}", date(2026, 1, 1),
                                     "walk_in") for n in range(12)]
            for member in on_registers:
                TeamCasework(conn, cipher).add_peer(member)
            groups, group = TeamGroupwork(conn, cipher), uuid.uuid4()
            groups.add_group(group, "Soak group")
            meetings = [uuid.uuid4() for _ in range(3)]
            for n, meeting in enumerate(meetings):
                groups.add_meeting(meeting, group, date(2026, 5, 4 + 7 * n))
            audit_before = conn.execute("SELECT count(*) FROM main.audit_event").fetchone()[0]
        connection = tmp_path / "soak.peerdesk-team"
        info.save(connection)
        setup = tmp_path / "setup.json"
        setup.write_text(json.dumps({"peer": str(peer.id),
                                     "register_peers": [str(p.id) for p in on_registers],
                                     "meetings": [str(m) for m in meetings]}),
                         encoding="utf-8")
        folders = [tmp_path / f"pc{n}" for n in range(CLIENTS)]
        clients = []
        for folder, (name, password) in zip(folders, people, strict=True):
            folder.mkdir()
            clients.append(subprocess.Popen(
                [sys.executable, "-m", "tests.team.soak_client", str(connection), str(folder),
                 name, password, str(setup), str(SECONDS)],
                cwd=Path(__file__).resolve().parents[2]))
        # Signing in (Argon2id) is not what is soaked: the clock starts when all have.
        waited = time.monotonic() + 300
        while not all((f / "ready").exists() for f in folders) and time.monotonic() < waited:
            assert all(client.poll() is None for client in clients)
            time.sleep(0.1)
        started = time.monotonic()
        outages = []
        for fraction in (0.25, 0.6):
            time.sleep(max(0.0, started + SECONDS * fraction - time.monotonic()))
            down = time.monotonic()
            server.stop()
            time.sleep(min(5.0, SECONDS / 12))
            server.start()
            outages.append(round(time.monotonic() - down, 1))
        codes = [client.wait(timeout=SECONDS + 300) for client in clients]
        assert codes == [0] * CLIENTS
        typed: dict[str, list[str]] = {"session": [], "contact": []}
        expected: dict[tuple[str, str], tuple[str, bool]] = {}
        marks_typed = 0
        summaries = []
        for folder in folders:
            for line in (folder / "ledger.txt").read_text(encoding="ascii").splitlines():
                kind, *rest = line.split()
                if kind == "mark":
                    meeting, person, mark, walk_in = rest
                    marks_typed += 1
                    had = expected.get((meeting, person))
                    expected[(meeting, person)] = (
                        (mark, walk_in == "1") if had is None
                        else (merged(had[0], mark), had[1] or walk_in == "1"))
                else:
                    typed[kind].append(rest[0])
            summaries.append(json.loads((folder / "summary.json").read_text(encoding="utf-8")))
        with server.connect("soak") as conn:
            on_server = {
                "session": [str(r[0]) for r in conn.execute(
                    "SELECT id FROM casework.one_to_one")],
                "contact": [str(r[0]) for r in conn.execute(
                    "SELECT id FROM casework.anonymous_contact")]}
            notes = conn.execute("SELECT count(*) FROM casework.one_to_one_note").fetchone()[0]
            contact_notes = conn.execute(
                "SELECT count(*) FROM casework.contact_note").fetchone()[0]
            registers = [(str(m), str(p), str(k), bool(w)) for m, p, k, w in conn.execute(
                "SELECT meeting_id, peer_id, mark, walk_in FROM casework.attendance")]
            audit_ids = [int(r[0]) for r in conn.execute(
                "SELECT id FROM main.audit_event ORDER BY id")]
            audit_links = conn.execute(
                "SELECT count(*) FROM main.audit_event e JOIN main.audit_event p "
                "ON p.id = e.id - 1 WHERE e.prev_hash <> p.hash").fetchone()[0]
    lost = extra = duplicated = 0
    for kind in ("session", "contact"):
        lost += len(set(typed[kind]) - set(on_server[kind]))
        extra += len(set(on_server[kind]) - set(typed[kind]))
        duplicated += (len(on_server[kind]) - len(set(on_server[kind]))
                       + len(typed[kind]) - len(set(typed[kind])))
    on_register = {(m, p): (k, w) for m, p, k, w in registers}
    register_lost = len(set(expected) - set(on_register))
    register_wrong = sum(1 for key, value in on_register.items()
                         if expected.get(key) != value)
    duplicated += len(registers) - len(on_register)
    times = sorted(t for s in summaries for t in s["save_seconds"])
    figures = {
        "clients": CLIENTS, "seconds": SECONDS, "outages_seconds": outages,
        "typed": sum(s["typed"] for s in summaries),
        "sessions_typed": len(typed["session"]), "sessions_on_server": len(on_server["session"]),
        "session_notes": notes,
        "contacts_typed": len(typed["contact"]), "contacts_on_server": len(on_server["contact"]),
        "contact_notes": contact_notes,
        "registers_taken": sum(s["counts"]["register"] for s in summaries),
        "marks_typed": marks_typed, "register_rows_expected": len(expected),
        "register_rows_on_server": len(registers),
        "register_rows_missing": register_lost, "register_rows_not_as_merged": register_wrong,
        "queued_offline": sum(s["queued"] for s in summaries),
        "lost": lost + register_lost, "duplicated": duplicated, "unexpected": extra,
        "refused": sum(s["refused"] for s in summaries),
        "left_in_outboxes": sum(s["left"] for s in summaries),
        "audit_events_before": audit_before, "audit_events_after": len(audit_ids),
        "audit_broken_links": audit_links,
        "save_ms_median": round(statistics.median(times) * 1000, 1),
        "save_ms_p95": round(times[int(len(times) * 0.95)] * 1000, 1),
    }
    print("\nteam soak:", json.dumps(figures))
    assert (figures["lost"], figures["duplicated"], figures["unexpected"]) == (0, 0, 0)
    assert figures["sessions_on_server"] == figures["sessions_typed"] == notes
    assert figures["contacts_on_server"] == figures["contacts_typed"] == contact_notes
    assert figures["contacts_typed"] > 0 and figures["registers_taken"] > 0
    assert register_wrong == 0 and len(registers) == len(expected)
    assert figures["queued_offline"] > 0  # the outages were felt
    assert figures["refused"] == figures["left_in_outboxes"] == 0
    # The audit log is a line: numbered 1..n, each event chained to the one before.
    assert audit_ids == list(range(1, len(audit_ids) + 1)) and audit_links == 0
