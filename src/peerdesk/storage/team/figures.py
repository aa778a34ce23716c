"""The report's counts on the team server, in PostgreSQL (issue 18).

The statements are the vault's, written once in reports.figure_queries
(FigureStatements); `POSTGRES` here is the server's dialect of them (schemas,
placeholders, dates read back as text, booleans, weekdays), of the shape of
reports.figure_queries.Dialect. `ServerQueries` runs them on a connection and
holds the report's snapshot; reports.figure_queries.source() puts the
statements over it. It is matched by shape, not imported: nothing in reports
reaches psycopg or this package. They return the same rows as on the vault:
the report's counting code (reports.figures and its sections) turns them into
the same RawFigures, and the same disclosure control protects them.

Every statement aggregates **plain columns only** (codes, dates, counts, ids;
storage/team/tables.py says which), never a sealed one: the server counts
without being able to read a name, and a test reads each statement's plan
to check so. The lists a report prints by name (regions, topics, directory
categories, competencies, measures) are the centre's own lists, plain on the
server as in the vault; no person's name is among them.

Row-level security decides what a login may count: a programme lead (the
role that runs reports) reads every casework row and the supporters register;
an administrator's login has no privilege on casework, so a report from it is
refused by the server as well as by the service.

Where the vault breaks a tie between two rows of the same day by its integer
id (a peer's two statistics consents, two ratings of one measure on one day),
the server, whose ids are UUIDs, breaks it by the row's creation time, then
its id. Course modules are not on the server yet (storage/team/tables.py,
LEFT_OUT): until a team migration brings them (with the vault's table names),
training currency counts courses only, and a competency a supporter holds
through a module alone is not counted as current.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import psycopg
from psycopg import sql

from peerdesk.storage.repositories.releases import ReleaseRow
from peerdesk.storage.team.schema import Conn

Rows = list[tuple[Any, ...]]
Span = dict[str, str]

EXCLUDED = "pg_temp.report_excluded"
SUPPORTED = "pg_temp.report_supported"

# The peers left out (their latest statistics consent is withdrawn) and the peers
# supported in the period (a session, or a group meeting attended), each worked out
# once per report into the session's own temporary tables, dropped at its end.
_MAKE_SETS = (
    f"CREATE TEMPORARY TABLE {EXCLUDED[8:]} (peer_id uuid PRIMARY KEY) ON COMMIT DROP",
    f"INSERT INTO {EXCLUDED} (peer_id) SELECT peer_id FROM ("
    "  SELECT DISTINCT ON (peer_id) peer_id, withdrawn_on FROM casework.consent "
    "  WHERE scope = 'statistics' ORDER BY peer_id, given_on DESC, created_at DESC, id DESC"
    ") AS latest WHERE withdrawn_on IS NOT NULL",
    f"CREATE TEMPORARY TABLE {SUPPORTED[8:]} (peer_id uuid PRIMARY KEY, "
    "attended boolean NOT NULL) ON COMMIT DROP",
    f"INSERT INTO {SUPPORTED} (peer_id, attended) SELECT peer_id, bool_or(attended) FROM ("
    "  SELECT a.peer_id, true AS attended FROM casework.meeting AS m "
    "  JOIN casework.attendance AS a ON a.meeting_id = m.id "
    "  WHERE m.held_on BETWEEN %(s)s::date AND %(e)s::date AND m.status = 'held' "
    "  AND a.mark = 'attended' "
    "  UNION ALL SELECT peer_id, false FROM casework.one_to_one "
    "  WHERE held_on BETWEEN %(s)s::date AND %(e)s::date"
    f") AS seen WHERE peer_id NOT IN (SELECT peer_id FROM {EXCLUDED}) GROUP BY peer_id",
)
_NOT_EXCLUDED = f"NOT IN (SELECT peer_id FROM {EXCLUDED})"


class _Postgres:
    """Where the server's report SQL differs from the vault's: the shape of
    reports.figure_queries.Dialect (matched, not imported)."""

    casework = "casework."
    main = "main."
    excluded = EXCLUDED
    supported = SUPPORTED
    any_true = "bool_or"
    ordered_join = "JOIN"

    def param(self, name: str) -> str:
        return f"%({name})s"

    def day_param(self, name: str) -> str:
        return f"%({name})s::date"

    def day(self, expr: str) -> str:
        return f"{expr}::text"

    def not_excluded(self, column: str) -> str:
        return f"{column} {_NOT_EXCLUDED}"

    def counted(self, column: str) -> str:
        return f"({column} IS NULL OR {column} {_NOT_EXCLUDED})"

    def weekday_in(self, expr: str, days: frozenset[int]) -> str:
        # The ISO day of the week counts from Monday (1); ours from Monday (0).
        listed = ", ".join(str(int(d) + 1) for d in sorted(days))
        return f"extract(isodow FROM {expr}) IN ({listed})" if listed else "false"

    def nocase(self, column: str) -> str:
        return f"lower({column}), {column}"

    def tie_break(self, alias: str, direction: str) -> str:
        # The vault breaks a tie by its integer id; the server's ids are UUIDs, so
        # by the row's creation time first.
        return f"{alias}.created_at{direction}, {alias}.id{direction}"

    def indexed_by(self, index: str) -> str:
        return ""  # the vault's planner hints mean nothing here

    def no_index(self, expr: str) -> str:
        return expr


POSTGRES = _Postgres()


class ServerQueries:
    """The report's statements on one connection (a programme lead's login).

    The statements themselves are reports.figure_queries.FigureStatements,
    written once for both stores: this runs them (`_rows`), holds the report's
    snapshot (`counting`) and names the server's dialect (`figure_dialect`);
    reports.figure_queries.source() puts the statements over it."""

    figure_dialect = POSTGRES

    def __init__(self, conn: Conn) -> None:
        self.conn = conn

    def _rows(self, statement: str, params: dict[str, Any] | None = None) -> Rows:
        return [tuple(row) for row in self.conn.execute(statement, params or {}).fetchall()]

    def _one(self, statement: str, params: dict[str, Any] | None = None) -> tuple[Any, ...]:
        return self._rows(statement, params)[0]

    @contextmanager
    def counting(self, period: Any) -> Iterator[None]:
        """One snapshot for every count of the report (REPEATABLE READ), with the
        report's sets of peers filled; nothing is written but the temporary tables,
        dropped with the transaction."""
        span = {"s": period.start.isoformat(), "e": period.end.isoformat()}
        fresh = self.conn.info.transaction_status == psycopg.pq.TransactionStatus.IDLE
        with self.conn.transaction():
            if fresh:
                self.conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
            # The report's statements are many and short: compiling one (JIT) costs
            # more than it saves, and one over the cost threshold paid ~40 ms.
            self.conn.execute("SET LOCAL jit = off")
            for statement in _MAKE_SETS:
                self.conn.execute(statement, span)
            # Temporary tables are never analysed by autovacuum: without their sizes
            # the planner guessed, and read every attendance ever taken by hash
            # rather than each meeting's few from its index.
            self.conn.execute(f"ANALYZE {EXCLUDED}, {SUPPORTED}")
            try:
                yield
            finally:
                for table in (SUPPORTED, EXCLUDED):
                    self.conn.execute(sql.SQL(f"DROP TABLE IF EXISTS {table}"))

    def setting(self, key: str) -> str | None:
        rows = self._rows("SELECT value FROM main.settings WHERE key = %(k)s", {"k": key})
        return str(rows[0][0]) if rows else None

    def has_modules(self) -> bool:
        """Whether the server has course modules yet (see the module's docstring)."""
        return bool(self._one("SELECT to_regclass('main.module_completion') IS NOT NULL "
                              "AND to_regclass('main.module_competency') IS NOT NULL")[0])


def signed_in(conn: Conn) -> tuple[int, frozenset[str]] | None:
    """The signed-in login's staff id and role codes as the server records them (what
    its row-level security goes by); None for a login that is no active person."""
    row = conn.execute("SELECT id, roles FROM main.staff "
                       "WHERE id = (SELECT main.current_staff_id())").fetchone()
    return None if row is None else (int(row[0]), frozenset(str(r) for r in row[1]))


# -- the release register on the server ---------------------------------------------------

_RELEASE = ("SELECT id, code, period_kind, start_on::text, end_on::text, revision, revises, "
            "published_at::text, published_by, k, rounding, counts, hidden, printed, together "
            "FROM casework.report_release")


def _release(r: tuple[Any, ...]) -> ReleaseRow:
    # The note (free text) is sealed on the server and not needed to protect a new
    # report against the releases before it: left empty here.
    return ReleaseRow(int(r[0]), str(r[1]), str(r[2]), str(r[3]), str(r[4]), int(r[5]),
                      None if r[6] is None else int(r[6]), str(r[7]), int(r[8]), int(r[9]),
                      str(r[10]), str(r[11]), tuple(json.loads(str(r[12]))), str(r[13]),
                      tuple(int(i) for i in json.loads(str(r[14] or "[]"))), "")


def releases_in_year(conn: Conn, year: int) -> list[ReleaseRow]:
    """Every release (every revision) of a period within `year`, oldest first: what
    a new report of that year is protected against (docs/disclosure.md)."""
    return [_release(tuple(r)) for r in conn.execute(
        f"{_RELEASE} WHERE start_on BETWEEN %(s)s::date AND %(e)s::date ORDER BY id",
        {"s": f"{year:04d}-01-01", "e": f"{year:04d}-12-31"}).fetchall()]


def latest_months(conn: Conn, first: str, last: str) -> list[tuple[str, str]]:
    """(month "YYYY-MM", printed report) of the latest release of each month from
    `first` to `last`: the trend bars copy what each month's release printed."""
    return [(str(start)[:7], str(printed)) for start, printed in conn.execute(
        "SELECT r.start_on::text, r.printed FROM casework.report_release AS r "
        "WHERE r.period_kind = 'month' AND r.start_on BETWEEN %(s)s::date AND %(e)s::date "
        "AND r.revision = (SELECT max(x.revision) FROM casework.report_release AS x "
        "WHERE x.start_on = r.start_on AND x.end_on = r.end_on)",
        {"s": first, "e": last}).fetchall()]


__all__ = ["POSTGRES", "ServerQueries", "latest_months", "releases_in_year", "signed_in"]
