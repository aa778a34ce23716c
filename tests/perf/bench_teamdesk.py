"""Team mode: opening a peer, and saving a session with ten PCs at once, each beside
the vault's same figure. Run by bench_team (`--only team`) on its loaded server,
after the search figures.

- open a peer: what the team window does when a peer is opened
  (ui/team/peers_pages.py over services.casework_store.TeamStore): the peer
  and their safe-contact details read in the transaction of the view's audit
  event, then their sessions (who works with them, the view of the sessions
  audited, the sessions read and their notes opened). The peers with the most
  sessions, in turn. Beside it, the same page over the vault (VaultStore), run
  by run in turns. Target <= 100 ms (median).
- save a session, ten PCs at once: CLIENTS processes (team_save_client.py),
  each signed in as a caseworker login of its own with its search cache
  filled, log sessions for SAVE_SECONDS as the team window's session form does
  (TeamStore.log_session: the check on the server, the session, its sealed
  note and its audit event in one transaction, the cache brought in step), a
  person's pause between saves. p50 and p95 over every save of every PC,
  beside the vault's own save on one PC (VaultStore.log_session) at p50 and
  p95. Target p95 <= 50 ms.

The server is set to commit as a centre's would (`durable`): the tests'
throwaway clusters turn fsync and synchronous commit off and log every
statement, which would flatter the saves and slow everything else.
"""

from __future__ import annotations

import itertools
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tests.perf.bench_caseload import PAGE_TARGET_MS, in_turns
from tests.perf.bench_common import Figure, median_ms
from tests.perf.team_save_client import GO, a_session

if TYPE_CHECKING:
    from tests.perf.bench_team import TeamServer

CLIENTS = 10
SAVE_SECONDS = 20.0
SAVE_P95_TARGET_MS = 50.0
VAULT_SAVES = 40           # the vault's saves on one PC, for its p50 and p95
OPENED_PEERS = 20          # the busiest peers, opened in turn
SAVED_ON_PEERS = 200       # the peers the PCs log sessions on, at random
READY_TIMEOUT_S = 300      # ten Argon2id sign-ins at once on a busy machine

# As a centre's server commits (PostgreSQL's defaults), not as the tests' clusters.
_DURABLE = (("fsync", "on"), ("synchronous_commit", "on"), ("full_page_writes", "on"),
            ("log_statement", "none"), ("shared_buffers", "128MB"))


def durable(server: Any) -> None:
    """Set the throwaway cluster to commit durably, as a centre's server does;
    restarted (shared_buffers needs it), so call it with no connection open."""
    from psycopg import sql

    with server.connect(autocommit=True) as conn:
        for setting, value in _DURABLE:
            conn.execute(sql.SQL("ALTER SYSTEM SET {} = {}").format(
                sql.Identifier(setting), sql.Literal(value)))
    server.stop()
    server.start()


def load() -> str:
    """The machine's load average now, for the figure's line (a shared machine's
    figures mean little without it)."""
    one, five, _ = os.getloadavg()
    return f"load {one:.1f}/{five:.1f}"


def p95_ms(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=20, method="inclusive")[18] * 1000


def measure(server: TeamServer, desk: Any, session: Any, workdir: Path, repeat: int, *,
            clients: int = CLIENTS, seconds: float = SAVE_SECONDS) -> list[Figure]:
    """Both figures; `desk` is the bench caseworker's (its search cache filled),
    `session` the vault's, on a copy of the demo vault whose rows are on the server."""
    figures = [open_a_peer(server, desk, session, repeat)]
    figures += save_a_session(server, desk, session, workdir, clients, seconds)
    return figures


def open_a_peer(server: TeamServer, desk: Any, session: Any, repeat: int) -> Figure:
    from peerdesk.services.casework_store import TeamStore, VaultStore

    counted = session.db.query(
        "SELECT peer_id, count(*) FROM one_to_one GROUP BY peer_id "
        "ORDER BY count(*) DESC, peer_id LIMIT ?", (OPENED_PEERS,))
    busiest, most = [int(r[0]) for r in counted], int(counted[0][1])

    def opening(store: Any, peers: Iterator[Any]) -> Callable[[], None]:
        def run() -> None:
            peer = next(peers)
            store.open(peer)
            store.sessions(peer)
        return run

    on_team = opening(TeamStore(desk), itertools.cycle([server.peer_id(p) for p in busiest]))
    on_vault = opening(VaultStore(session), itertools.cycle(busiest))
    on_team()
    on_vault()
    team_runs, vault_runs = in_turns(on_team, on_vault, repeat)
    return Figure(
        "team: open a peer (page + sessions)", median_ms(team_runs), median_ms(vault_runs),
        "the same page over the vault", f"<= {PAGE_TARGET_MS:.0f} ms",
        median_ms(team_runs) <= PAGE_TARGET_MS,
        extra=f"({len(busiest)} busiest peers in turn, up to {most} sessions; "
              f"2 audit events each; {load()})",
        samples=len(team_runs))


def save_a_session(server: TeamServer, desk: Any, session: Any, workdir: Path, clients: int,
                   seconds: float) -> list[Figure]:
    chance = random.Random(18)
    vault_peers = [int(r[0]) for r in session.db.query("SELECT id FROM peer ORDER BY id")]
    peers = chance.sample(vault_peers, min(SAVED_ON_PEERS, len(vault_peers)))
    team_saves, queued = _saves_from_pcs(server, desk, [server.peer_id(p) for p in peers],
                                         workdir / "pcs", clients, seconds)
    vault_saves = _saves_on_the_vault(session, peers, chance)
    extra = (f"({len(team_saves)} saves by {clients} PCs in {seconds:.0f} s, {queued} "
             f"queued; the vault: {len(vault_saves)} saves on one PC; {load()})")
    p95 = p95_ms(team_saves)
    return [
        Figure(f"team: save a session, {clients} PCs", median_ms(team_saves),
               median_ms(vault_saves), "the vault's save, one PC", "reported", True,
               extra=extra, samples=len(team_saves)),
        Figure(f"team: save a session, {clients} PCs", p95, p95_ms(vault_saves),
               "the vault's save, one PC", f"<= {SAVE_P95_TARGET_MS:.0f} ms",
               p95 <= SAVE_P95_TARGET_MS, extra=extra, samples=len(team_saves),
               statistic="p95"),
    ]


def _saves_on_the_vault(session: Any, peers: list[int], chance: random.Random) -> list[float]:
    from peerdesk.services.casework_store import VaultStore

    store = VaultStore(session)
    samples = []
    for number in range(VAULT_SAVES):
        new = a_session(chance.choice(peers), chance, number)
        started = time.perf_counter()
        store.log_session(new)
        samples.append(time.perf_counter() - started)
    return samples


def _saves_from_pcs(server: TeamServer, desk: Any, peers: list[uuid.UUID], folder: Path,
                    clients: int, seconds: float) -> tuple[list[float], int]:
    """Every save's seconds from `clients` PCs saving at once, and how many went to
    an outbox instead (the server out of reach: none expected)."""
    from peerdesk.services.team import TeamPlace

    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    (folder / "peers.txt").write_text("\n".join(map(str, peers)), encoding="ascii")
    # Each PC's search cache as its earlier sign-in left it: the bench
    # caseworker's, who sees what every caseworker sees (closed first, so
    # the file is whole).
    desk.leave_local_files()
    filled = desk.place.search_cache_path(str(server.info.centre_id), desk.login)
    pcs, started = [], []
    for number in range(clients):
        name = f"Bench PC {number}"
        password = server.add_caseworker(name)
        pc = folder / f"pc{number}"
        cache = TeamPlace(pc / "config", pc / "data").search_cache_path(
            str(server.info.centre_id), server.login(name))
        cache.parent.mkdir(parents=True)
        shutil.copyfile(filled, cache)
        pcs.append(pc)
        with (pc / "stderr.txt").open("w", encoding="utf-8") as stderr:
            started.append(subprocess.Popen(
                [sys.executable, "-m", "tests.perf.team_save_client",
                 str(server.connection_file), str(pc), name, password,
                 str(folder / "peers.txt"), str(seconds)],
                cwd=Path(__file__).resolve().parents[2], stderr=stderr))
    try:
        waited = time.monotonic() + READY_TIMEOUT_S
        while not all((pc / "ready").exists() for pc in pcs):
            if time.monotonic() > waited or any(p.poll() is not None for p in started):
                raise RuntimeError("a PC of the concurrent saves did not sign in: "
                                   + _what_went_wrong(pcs, started))
            time.sleep(0.1)
        (folder / GO).touch()
        codes = [p.wait(timeout=seconds + READY_TIMEOUT_S) for p in started]
        if any(codes):
            raise RuntimeError("a PC of the concurrent saves failed: "
                               + _what_went_wrong(pcs, started))
    finally:
        for process in started:
            if process.poll() is None:
                process.kill()
                process.wait()
    results = [json.loads((pc / "saves.json").read_text(encoding="utf-8")) for pc in pcs]
    return ([t for r in results for t in r["save_seconds"]],
            sum(int(r["queued"]) for r in results))


def _what_went_wrong(pcs: list[Path], started: list[subprocess.Popen[bytes]]) -> str:
    """The last line each PC that ended badly wrote to its stderr."""
    said = []
    for pc, process in zip(pcs, started, strict=True):
        if process.poll():
            lines = (pc / "stderr.txt").read_text(encoding="utf-8", errors="replace").split("\n")
            said.append(next((line for line in reversed(lines) if line.strip()),
                             f"exit code {process.returncode}"))
    return " | ".join(said)
