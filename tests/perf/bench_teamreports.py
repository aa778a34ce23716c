"""The month report on the team server beside the same report on the vault (issue 18).

A throwaway PostgreSQL cluster is made (as tests/team do: initdb, a Unix
socket in a temporary folder); the demo vault of the run's scale is moved onto
it with `team migrate` (storage/team/move.py, not timed, its time reported),
and the programme lead gets a login. Then, in the same run:

- the month report end to end on the team server: services.team_reports.build
  (the counts in PostgreSQL over plain columns, protection against the
  server's release register) and write_pdf, on the lead's open connection, as
  a signed-in PC keeps one. Target <= 1 s (at small and large).
- baseline: the same month's preview end to end on the vault
  (services.reports.build + write_pdf on a new connection, as the report
  window's worker does).
- the month's counts alone on the server (figures.compute over ServerQueries),
  beside the vault's.

Skipped, with a line saying so, when no PostgreSQL 15+ server programs are
installed.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from tests.perf.bench_caseload import _timed
from tests.perf.bench_common import DemoVault, Figure, fresh_copy, median_ms

TARGET_S = {"small": 1.0, "large": 1.0, "huge": 5.0}
SETUP, SETUP_PASSWORD = "bench_setup", "bench setup pw"
LEAD_PASSWORD = "bench lead pw"


def measure(demo: DemoVault, workdir: Path, repeat: int, scale: str = "small") -> list[Figure]:
    from tests.team.conftest import cluster, find_server_bin

    if find_server_bin() is None:
        print("# teamreports: skipped, no PostgreSQL 15+ server programs (initdb, pg_ctl, "
              "postgres) on PATH or in /usr/lib/postgresql/*/bin", flush=True)
        return []
    with cluster() as server:
        return _measure(server, demo, workdir, repeat, scale)


def _measure(server, demo: DemoVault, workdir: Path, repeat: int, scale: str) -> list[Figure]:
    from peerdesk.reports import figures
    from peerdesk.reports.pdf import write_pdf
    from peerdesk.reports.period import Period
    from peerdesk.services import reports, team_reports
    from peerdesk.services.auth import SignIn
    from peerdesk.storage.paths import VaultPaths
    from peerdesk.storage.team import schema
    from peerdesk.storage.team.connection import ConnectionFile, connect
    from peerdesk.storage.team.figures import ServerQueries
    from peerdesk.storage.team.move import move_vault
    from peerdesk.storage.team.staff import scram_verifier
    from peerdesk.storage.team.vault_source import open_read_only
    from peerdesk.storage.vault import LockedVault

    folder = workdir / "teamreports"
    paths = VaultPaths.at(fresh_copy(demo, folder))
    database = "benchcentre"
    with server.connect(autocommit=True) as conn:
        conn.execute(f"CREATE ROLE {SETUP} LOGIN CREATEROLE PASSWORD '{SETUP_PASSWORD}'")
        conn.execute(f'CREATE DATABASE "{database}" OWNER {SETUP}')
    info = ConnectionFile(host=str(server.socket_dir), port=server.port, database=database)
    began = time.perf_counter()
    with open_read_only(paths, demo.user, demo.password) as source, \
            connect(info, SETUP, SETUP_PASSWORD, autocommit=True) as conn:
        schema.migrate(conn)
        moved = move_vault(conn, source)
        lead_id = int(conn.execute(
            "SELECT id FROM main.staff WHERE 'programme_lead' = ANY(roles) "
            "AND status = 'active' ORDER BY id LIMIT 1").fetchone()[0])
        lead = str(conn.execute("SELECT main.enable_staff_login(%s, %s)",
                                (lead_id, scram_verifier(LEAD_PASSWORD))).fetchone()[0])
        conn.execute("ANALYZE")  # as autovacuum would soon after a bulk load
    moving = time.perf_counter() - began

    locked = LockedVault.open(paths)
    out: list[Figure] = []
    try:
        session = SignIn(locked).sign_in(demo.user, demo.password)
        newest = str(session.db.scalar("SELECT max(held_on) FROM one_to_one"))
        year, month = int(newest[:4]), int(newest[5:7])
        if month == 1:
            year, month = year - 1, 13
        period = Period.month(year, month - 1)
        pdf = Path(tempfile.mkstemp(suffix=".pdf", dir=folder)[1])
        write_pdf(reports.build(session, period), pdf)  # fonts and PDF machinery, once

        def vault_preview() -> None:
            worker = session.vault.connect()
            try:
                write_pdf(reports.build(session, period, db=worker), pdf)
            finally:
                worker.close()

        with connect(info, lead, LEAD_PASSWORD, autocommit=True) as team:
            def team_report() -> None:
                write_pdf(team_reports.build(team, period), pdf)

            team_report()  # the server's caches, once
            vault_preview()
            on_vault = _timed(vault_preview, repeat)
            on_server = _timed(team_report, repeat)
            counts_vault = _timed(lambda: figures.compute(session.db, period), repeat)
            counts_server = _timed(lambda: figures.compute(ServerQueries(team), period),
                                   repeat)
        target = TARGET_S[scale]
        note = f"{scale} demo ({moved.rows:,} rows) moved in {moving:.0f} s"
        t = median_ms(on_server)
        out.append(Figure("team server: month report, end to end", t, median_ms(on_vault),
                          "the vault's preview + PDF", f"<= {target * 1000:.0f} ms",
                          t <= target * 1000, extra=note, samples=repeat))
        c = median_ms(counts_server)
        out.append(Figure("team server: month counts only", c, median_ms(counts_vault),
                          "the vault's counts", "n/a", True, samples=repeat))
        pdf.unlink(missing_ok=True)
        session.vault.close()
    finally:
        locked.release()
    return out
