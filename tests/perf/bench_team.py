"""Team mode: search as you type over a PC's search cache, beside the vault's own.

A throwaway PostgreSQL cluster (as tests/team make it; skipped, with a line
saying so, when no PostgreSQL 15+ is installed) gets the demo vault's peers,
sessions and notes, sealed as a PC seals them, written with COPY (not `team
migrate`: only what the cache reads is needed, and a person to sign in with),
then settled with VACUUM (ANALYZE) as `team migrate` settles what it moves in.
A caseworker then signs in, which fills the cache (reported, no target), and
types TYPED one keystroke at a time: each keystroke searches the cache and
fetches the first screenful of rows, as the list does. Beside it, in the same
run, the same keystrokes on the vault itself (services.peers, as the
caseload figure). Target: <= 50 ms per keystroke at small and large.

Then, on the same server (set to commit durably first, as a centre's does),
opening a peer and saving a session with ten PCs at once: bench_teamdesk.py.
"""

from __future__ import annotations

import secrets
import time
import uuid
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from tests.perf import bench_teamdesk
from tests.perf.bench_caseload import KEYSTROKE_TARGET_MS, TYPED, _timed
from tests.perf.bench_common import DemoVault, Figure, fresh_copy, median_ms

_NS = uuid.UUID("6f1d3c52-7d8e-4d0a-9a51-1c9b1f1e0a77")


def _uuid(kind: str, number: int) -> uuid.UUID:
    return uuid.uuid5(_NS, f"{kind}:{number}")


@dataclass(frozen=True)
class TeamServer:
    """The benchmark's team server: its cluster, connection file and keys, to add
    caseworker logins to."""

    server: Any
    info: Any
    connection_file: Path
    main_key: bytes
    casework_key: bytes
    database: str = "bench"

    def login(self, name: str) -> str:
        from peerdesk.storage.team.staff import login_for

        return login_for(self.database, self.info.name_key, "", name)

    def add_caseworker(self, name: str) -> str:
        """A caseworker login holding the casework key; their password."""
        from peerdesk.domain.staff import Role
        from peerdesk.storage.team import keys

        password = secrets.token_urlsafe(12)
        with self.server.connect(self.database, autocommit=True) as conn:
            keys.create_person(conn, login=self.login(name), roles=[Role.CASEWORKER],
                               password=password, display_name=name,
                               main_key=self.main_key, casework_key=self.casework_key)
        return password

    @staticmethod
    def peer_id(vault_id: int) -> uuid.UUID:
        """The id a vault's peer has on the server."""
        return _uuid("peer", vault_id)


def _day(value: str | None) -> date | None:
    return None if value is None else date.fromisoformat(value)


def _load(conn: Any, cipher: Any, vault_db: Any) -> tuple[int, int]:
    """The vault's peers, sessions and notes onto the server, sealed; (peers, sessions)."""
    peers = vault_db.query(
        "SELECT id, ref_number, preferred_name, full_name, contact_route, first_contact, "
        "status FROM peer")
    with conn.cursor() as cur, cur.copy(
            "COPY casework.peer (id, ref_number, preferred_name, full_name, gender_description, "
            "contact_route, first_contact, status, closed_reason) FROM STDIN") as copy:
        for pid, ref, name, full, route, first, status in peers:
            row = _uuid("peer", pid)
            copy.write_row((row, ref, cipher.seal("peer", "preferred_name", row, name),
                            cipher.seal("peer", "full_name", row, full),
                            cipher.seal("peer", "gender_description", row, ""), route,
                            _day(first), status, cipher.seal("peer", "closed_reason", row, "")))
    sessions = vault_db.query(
        "SELECT s.id, s.peer_id, s.held_on, s.minutes, s.mode, s.kind, s.follow_up_on, "
        "s.follow_up_done_on, coalesce(n.notes, ''), coalesce(n.next_steps, '') "
        "FROM one_to_one s LEFT JOIN one_to_one_note n ON n.session_id = s.id")
    with conn.cursor() as cur, cur.copy(
            "COPY casework.one_to_one (id, peer_id, held_on, minutes, mode, kind, "
            "follow_up_on, follow_up_done_on) FROM STDIN") as copy:
        for sid, pid, held, minutes, mode, kind, follow, done, _n, _s in sessions:
            copy.write_row((_uuid("session", sid), _uuid("peer", pid), _day(held), minutes,
                            mode, kind, _day(follow), _day(done)))
    with conn.cursor() as cur, cur.copy(
            "COPY casework.one_to_one_note (session_id, notes, next_steps) FROM STDIN") as copy:
        for sid, *_rest, notes, steps in sessions:
            row = _uuid("session", sid)
            copy.write_row((row, cipher.seal("one_to_one_note", "notes", row, notes),
                            cipher.seal("one_to_one_note", "next_steps", row, steps)))
    return len(peers), len(sessions)


def measure(demo: DemoVault, workdir: Path, repeat: int, scale: str = "small", *,
            clients: int = bench_teamdesk.CLIENTS,
            save_seconds: float = bench_teamdesk.SAVE_SECONDS) -> list[Figure]:
    from tests.team.conftest import cluster, find_server_bin

    if find_server_bin() is None:
        print("# team: skipped, no PostgreSQL 15+ server programs (initdb, pg_ctl, "
              "postgres) found", flush=True)
        return []

    from peerdesk.services import peers, team
    from peerdesk.services.auth import SignIn
    from peerdesk.storage.paths import VaultPaths
    from peerdesk.storage.team import schema
    from peerdesk.storage.team.connection import ConnectionFile
    from peerdesk.storage.team.fieldcrypt import FieldCipher
    from peerdesk.storage.vault import LockedVault

    folder = workdir / "team"
    paths = VaultPaths.at(fresh_copy(demo, folder))
    locked = LockedVault.open(paths)
    figures: list[Figure] = []
    try:
        session = SignIn(locked).sign_in(demo.user, demo.password)
        with cluster() as server:
            with server.connect(autocommit=True) as conn:
                conn.execute('CREATE DATABASE "bench"')
            main_key, casework_key = secrets.token_bytes(32), secrets.token_bytes(32)
            with server.connect("bench", autocommit=True) as conn:
                schema.migrate(conn)
                info = ConnectionFile(host=str(server.socket_dir), port=server.port,
                                      database="bench", centre_id=schema.centre_id(conn),
                                      name_key=secrets.token_hex(32))
            info.save(folder / "centre.peerdesk-team")
            team_server = TeamServer(server, info, folder / "centre.peerdesk-team", main_key,
                                  casework_key)
            name = "Bench Caseworker"
            password = team_server.add_caseworker(name)
            started = time.perf_counter()
            with server.connect("bench") as conn:
                counts = _load(conn, FieldCipher(casework_key, compartment="casework"),
                               session.vault.db)
                conn.commit()
            with server.connect("bench", autocommit=True) as conn:
                # As `team migrate` settles what it moved in: without statistics a
                # refresh of the cache reads every session (seconds, not a millisecond).
                conn.execute("VACUUM (ANALYZE)")
            moved = time.perf_counter() - started
            print(f"# team: {counts[0]} peers and {counts[1]} sessions with notes put on "
                  f"the server in {moved:.1f} s", flush=True)
            bench_teamdesk.durable(server)
            place = team.TeamPlace(folder / "config", folder / "data")
            started = time.perf_counter()
            desk = team.sign_in(place, name, password, info=info)
            signed_in = time.perf_counter() - started
            started = time.perf_counter()
            desk.prepare()   # in the app: a background job after sign-in
            filled = time.perf_counter() - started
            try:
                def on_cache() -> None:
                    for text in TYPED:
                        desk.peer_rows(desk.find_peers(text)[:60])

                def on_vault() -> None:
                    for text in TYPED:
                        peers.rows(session, peers.find(session, peers.PeerFilter(text=text))[:60])

                on_cache()
                on_vault()
                per_key = [t / len(TYPED) for t in _timed(on_cache, repeat)]
                vault_key = [t / len(TYPED) for t in _timed(on_vault, repeat)]
                target = KEYSTROKE_TARGET_MS[scale]
                figures.append(Figure(
                    "team: search per keystroke (cache)", median_ms(per_key),
                    median_ms(vault_key), "the vault's own search, same keystrokes",
                    f"<= {target:.0f} ms", median_ms(per_key) <= target,
                    extra=f"({counts[0]} peers, {counts[1]} notes; names and notes)",
                    samples=repeat))
                started = time.perf_counter()
                desk.refresh_cache()
                in_step = time.perf_counter() - started
                figures.append(Figure(
                    "team: sign-in (the person can work)", signed_in * 1000, filled * 1000,
                    "the first cache fill, now in the background", "reported", True,
                    samples=1))
                figures.append(Figure(
                    "team: first cache fill (background)", filled * 1000, moved * 1000,
                    "putting the same rows on the server", "reported", True, samples=1))
                figures.append(Figure(
                    "team: refresh with nothing changed", in_step * 1000, filled * 1000,
                    "the first fill", "reported", True, samples=1))
                figures += bench_teamdesk.measure(team_server, desk, session, folder, repeat,
                                                  clients=clients, seconds=save_seconds)
            finally:
                desk.close()
    finally:
        session.vault.close()
        locked.release()
    return figures
