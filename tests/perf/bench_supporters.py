"""The supporters register: the competency matrix, a year's programme timesheet, and the
report's Programme section.

Targets (issue 16), at large (200 supporters, 5 years of training, supervision and
hours): the competency matrix opens <= 150 ms; a year's timesheet for the programme
<= 200 ms. Each beside its main queries on a plain copy of the same vault. The
monthly report with the Programme section end to end (<= 1 s at large) and every
one of its statements against a plain copy are in bench_reports; here the
section's own statements together, on the vault and on a plain copy, run by run
in turns (<= 1.3 x, as for any warm query), for the last complete month and year.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from tests.perf.bench_caseload import _plain_copy, _timed
from tests.perf.bench_common import DemoVault, Figure, fresh_copy, median_ms

MATRIX_TARGET_MS = 150.0
TIMESHEET_TARGET_MS = 200.0

_MATRIX_SQL = ("SELECT t.supporter_id, cc.competency_id, t.valid_until FROM training_completion "
               "AS t JOIN course_competency AS cc ON cc.course_id = t.course_id")
_HOURS_SQL = ("SELECT supporter_id, kind, sum(minutes) FROM hours_entry WHERE worked_on "
              "BETWEEN ? AND ? GROUP BY supporter_id, kind")


def measure(demo: DemoVault, workdir: Path, repeat: int) -> list[Figure]:
    import sqlcipher3

    from peerdesk.services import supervision, supporters
    from peerdesk.services.auth import SignIn
    from peerdesk.storage.paths import VaultPaths
    from peerdesk.storage.vault import LockedVault

    folder = workdir / "supporters"
    paths = VaultPaths.at(fresh_copy(demo, folder))
    locked = LockedVault.open(paths)
    figures: list[Figure] = []
    try:
        session = SignIn(locked).sign_in(demo.user, demo.password)
        plain = sqlcipher3.connect(str(_plain_copy(session.vault, folder)))
        people = len(supporters.register(session))

        def matrix() -> None:
            supporters.matrix(session)

        def plain_matrix() -> None:
            plain.execute(_MATRIX_SQL).fetchall()

        matrix()
        shown, base = _timed(matrix, repeat), _timed(plain_matrix, repeat)
        figures.append(Figure(
            "competency matrix", median_ms(shown), median_ms(base), "its query, plain copy",
            f"<= {MATRIX_TARGET_MS:.0f} ms", median_ms(shown) <= MATRIX_TARGET_MS,
            extra=f"({people:,} supporters)", samples=repeat))
        last = date.today()
        first = last - timedelta(days=365)

        def year() -> None:
            supervision.timesheet(session, first, last)

        def plain_year() -> None:
            plain.execute(_HOURS_SQL, (first.isoformat(), last.isoformat())).fetchall()

        year()
        shown, base = _timed(year, repeat), _timed(plain_year, repeat)
        figures.append(Figure(
            "programme timesheet, a year", median_ms(shown), median_ms(base),
            "hours query, plain copy", f"<= {TIMESHEET_TARGET_MS:.0f} ms",
            median_ms(shown) <= TIMESHEET_TARGET_MS, samples=repeat))
        figures += _programme_section(session, plain, repeat)
        plain.close()
        session.vault.close()
    finally:
        locked.release()
    return figures


def _programme_section(session: object, plain: object, repeat: int) -> list[Figure]:
    """The Programme section's statements, the report's temporary peer sets filled first
    (untimed) on both sides."""
    from peerdesk.reports import peer_sets, programme_figures
    from peerdesk.reports.figures import RawFigures
    from tests.perf.bench_caseload import WARM_RATIO
    from tests.perf.bench_reports import RecordingDb, _figures_sql_in_turns, _periods

    db = session.db  # type: ignore[attr-defined]
    out: list[Figure] = []
    for kind, period in _periods(db):
        recorder = RecordingDb(db)
        with peer_sets.prepared(recorder, period):  # type: ignore[arg-type]
            setup = len(recorder.statements)
            programme_figures.compute(recorder, period, RawFigures(period))  # type: ignore[arg-type]
            ours = [st for st in recorder.statements[setup:] if st.query]
            for st in recorder.statements[:setup]:
                plain.execute(st.sql, st.params)  # type: ignore[attr-defined]

            def on_plain(statements: list = ours) -> None:  # type: ignore[type-arg]
                for st in statements:
                    plain.execute(st.sql, st.params).fetchall()  # type: ignore[attr-defined]

            vault_runs, plain_runs = _figures_sql_in_turns(
                lambda period=period: programme_figures.compute(db, period, RawFigures(period)),
                on_plain, repeat)
        for table in peer_sets.EXCLUDED, peer_sets.SEEN, peer_sets.SUPPORTED:
            plain.execute(f"DROP TABLE IF EXISTS {table}")  # type: ignore[attr-defined]
        v, b = median_ms(vault_runs), median_ms(plain_runs)
        out.append(Figure(
            f"{kind} report: Programme section SQL", v, b, "same SQL, plain copy",
            f"<= {WARM_RATIO} x", v <= WARM_RATIO * b or v < 1.0,
            extra=f"({len(ours)} statements)", samples=repeat))
    return out
