"""The supporters register: the competency matrix and a year's programme timesheet.

Targets (issue 16), at large (200 supporters, 5 years of training, supervision and
hours): the competency matrix opens <= 150 ms; a year's timesheet for the programme
<= 200 ms. Each beside its main queries on a plain copy of the same vault.
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
        plain.close()
        session.vault.close()
    finally:
        locked.release()
    return figures
