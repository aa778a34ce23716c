"""The report's counts stay on indexes as the vault grows.

Every statement figures.compute runs is captured and its query plan read.
A full scan of a table that grows with the centre's work (sessions,
attendance, ratings...) was what made the report slow on a big vault: on an
encrypted vault each page read is also a page decrypted. The planner has no
statistics in a vault (nothing runs ANALYZE), so the plan on this small vault
is the plan on a big one.
"""

from __future__ import annotations

from typing import Any

import pytest

from peerdesk.reports import figures
from peerdesk.reports.period import Period
from peerdesk.storage.database import Database
from tests.fixtures.vaults import close, sign_in, template, vault

__all__ = ["template", "vault"]

# Scanned whole on purpose: the report's own in-memory tables of peers
# (reports.peer_sets), subqueries, and the handful of rating measures.
# "pairs": the outcomes' pairs of first and latest rating, a subquery of its own.
SMALL_SCANS = ("temp.report_", "report_", "measure", "(subquery-", "pairs")
# The lists a centre edits for its listening service: a few dozen names each.
SMALL_TABLES = ("region", "contact_topic", "directory_category",
                # The supporters register (a few hundred people at most) and the
                # competencies; their training and status history are read by index.
                "supporter", "competency")


class Recording:
    """Passes statements to the real connection and keeps each one's query plan.

    The plan is read as the statement runs: later ones read the temporary
    tables that exist only while figures.compute runs.
    """

    def __init__(self, db: Database) -> None:
        self.db = db
        self.plans: list[tuple[str, list[str]]] = []

    def _plan(self, sql: str, params: Any) -> None:
        if not sql.lstrip().upper().startswith(("CREATE", "DROP", "PRAGMA")):
            self.plans.append((sql, [str(row[3]) for row in
                                     self.db.query("EXPLAIN QUERY PLAN " + sql, params)]))

    def query(self, sql: str, params: Any = ()) -> list[Any]:
        self._plan(sql, params)
        return self.db.query(sql, params)

    def execute(self, sql: str, params: Any = ()) -> Any:
        self._plan(sql, params)
        return self.db.execute(sql, params)

    def scalar(self, sql: str, params: Any = ()) -> Any:
        rows = self.query(sql, params)
        return rows[0][0] if rows else None

    def read_snapshot(self) -> Any:
        return self.db.read_snapshot()

    @property
    def in_transaction(self) -> bool:
        return self.db.in_transaction


@pytest.mark.parametrize("period", [Period.month(2026, 10), Period.year(2025)],
                         ids=["month", "year"])
def test_no_figures_query_scans_a_growing_table(vault, period):
    session = sign_in(vault, "Lee Lead")  # the administrator holds no casework key
    try:
        recording = Recording(session.db)
        figures.compute(recording, period)  # type: ignore[arg-type]
        assert len(recording.plans) >= 10
        for sql, plan in recording.plans:
            scans = [step for step in plan if step.startswith("SCAN ")
                     and not step[len("SCAN "):].startswith(SMALL_SCANS)
                     and step.split()[1] not in SMALL_TABLES]
            assert not scans, (sql, plan)
            # Sessions and ratings are read from indexes only, never from the
            # table's rows (which a page read would decrypt whole).
            rows_read = [step for step in plan
                         if step.startswith(("SEARCH one_to_one ", "SEARCH rating ",
                                             "SEARCH r ", "SEARCH f ", "SEARCH l ",
                                             "SEARCH anonymous_contact ", "SEARCH c ",
                                             "SEARCH o "))]
            assert all("COVERING INDEX" in step for step in rows_read), (sql, plan)
            # The supporters' group hours: meetings from the by-date index, never a
            # meeting row for each facilitation of every year.
            if "meeting_facilitator" in sql:
                assert not [step for step in plan if "INTEGER PRIMARY KEY" in step
                            or step.startswith("SCAN ")], (sql, plan)
                assert any("meeting_by_date" in step for step in plan), (sql, plan)
    finally:
        close(session)


class CacheSizes(Recording):
    """Notes each database's page cache size while the sessions are counted."""

    def __init__(self, db: Database) -> None:
        super().__init__(db)
        self.during: dict[str, int] = {}

    def query(self, sql: str, params: Any = ()) -> list[Any]:
        if "FROM one_to_one" in sql and not self.during:
            self.during = self.sizes()
        return self.db.query(sql, params)

    def sizes(self) -> dict[str, int]:
        return {schema: int(self.db.query(f"PRAGMA {schema}.cache_size")[0][0])
                for schema in ("main", "casework")}


def test_the_counts_have_the_larger_cache_on_the_casework_database_too(vault):
    """The report's tables are in the casework database, which has a page cache
    of its own: the larger cache must be its, and both go back afterwards."""
    session = sign_in(vault, "Lee Lead")
    try:
        watch = CacheSizes(session.db)
        before = watch.sizes()
        figures.compute(watch, Period.month(2026, 10))  # type: ignore[arg-type]
        larger = -figures.REPORT_CACHE_KIB
        assert watch.during == {"main": larger, "casework": larger}
        assert watch.sizes() == before != watch.during
    finally:
        close(session)
