"""The report's counts on the team server, in PostgreSQL (issue 18).

`ServerQueries` has the methods of reports.figure_queries.FigureSource and
returns the same rows as the vault's statements: the report's counting code
(reports.figures and its sections) turns them into the same RawFigures, and
the same disclosure control protects them. It is matched by shape, not
imported: nothing in reports reaches psycopg.

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
_DATES = "BETWEEN %(s)s::date AND %(e)s::date"
# Contacts on the record of someone who withdrew consent to statistics are left out.
_COUNTED = f"(c.peer_id IS NULL OR c.peer_id {_NOT_EXCLUDED})"
_ACCOUNTS = "(SELECT staff_id FROM main.supporter WHERE staff_id IS NOT NULL)"
# A score where higher is better: UCLA loneliness counts the other way, and ONS4's
# fourth item (anxiety, the number after the last comma) does too.
_BETTER = (
    "CASE m.kind WHEN 'ucla3' THEN -{t}.total "
    "WHEN 'ons4' THEN {t}.total - 2 * CAST(substr({t}.scores, "
    "length(rtrim({t}.scores, '0123456789')) + 1) AS integer) ELSE {t}.total END"
)


class ServerQueries:
    """The report's statements on one connection (a programme lead's login)."""

    is_figure_source = True

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
            for statement in _MAKE_SETS:
                self.conn.execute(statement, span)
            try:
                yield
            finally:
                for table in (SUPPORTED, EXCLUDED):
                    self.conn.execute(sql.SQL(f"DROP TABLE IF EXISTS {table}"))

    def setting(self, key: str) -> str | None:
        rows = self._rows("SELECT value FROM main.settings WHERE key = %(k)s", {"k": key})
        return str(rows[0][0]) if rows else None

    # -- the peers' figures

    def excluded_peers(self) -> int:
        return int(self._one(f"SELECT count(*) FROM {EXCLUDED}")[0])

    def sessions(self, span: Span) -> Rows:
        return self._rows(
            "SELECT held_on::text, mode, kind, count(*), sum(minutes) FROM casework.one_to_one "
            f"WHERE held_on {_DATES} AND peer_id {_NOT_EXCLUDED} "
            "GROUP BY held_on, mode, kind", span)

    def meetings(self, span: Span) -> tuple[int, int, int]:
        meetings, groups, anonymous = self._one(
            "SELECT count(*), count(DISTINCT group_id), coalesce(sum(anonymous_count), 0) "
            f"FROM casework.meeting WHERE held_on {_DATES} AND status = 'held'", span)
        return int(meetings), int(groups), int(anonymous)

    def attendance_days(self, span: Span) -> Rows:
        return self._rows(
            "SELECT m.held_on::text, count(*) FROM casework.meeting AS m "
            f"JOIN casework.attendance AS a ON a.meeting_id = m.id WHERE m.held_on {_DATES} "
            f"AND m.status = 'held' AND a.mark = 'attended' AND a.peer_id {_NOT_EXCLUDED} "
            "GROUP BY m.held_on", span)

    def supported(self) -> tuple[int, int]:
        supported, attended = self._one(
            f"SELECT count(*), count(*) FILTER (WHERE attended) FROM {SUPPORTED}")
        return int(supported), int(attended)

    def profiles(self) -> Rows:
        return self._rows(
            "SELECT age_band, gender, count(*) FROM casework.peer "
            f"WHERE id IN (SELECT peer_id FROM {SUPPORTED}) GROUP BY 1, 2")

    def new_peers(self, span: Span) -> Rows:
        return self._rows(
            f"SELECT contact_route, count(*) FROM casework.peer WHERE first_contact {_DATES} "
            f"AND id {_NOT_EXCLUDED} GROUP BY 1", span)

    def referrals(self, span: Span) -> Rows:
        return self._rows(
            "SELECT destination, status, count(*) FROM casework.referral "
            f"WHERE made_on {_DATES} AND peer_id {_NOT_EXCLUDED} GROUP BY 1, 2", span)

    def follow_ups(self, span: Span) -> tuple[int, int, int]:
        on_time, late, still_open = self._one(
            "SELECT count(*) FILTER (WHERE follow_up_done_on <= follow_up_on), "
            "count(*) FILTER (WHERE follow_up_done_on > follow_up_on), "
            "count(*) FILTER (WHERE follow_up_done_on IS NULL) FROM casework.one_to_one "
            f"WHERE follow_up_on {_DATES} AND peer_id {_NOT_EXCLUDED}", span)
        return int(on_time), int(late), int(still_open)

    def outcomes(self, span: Span) -> Rows:
        """First and latest complete rating up to the period's end, for peers supported."""
        return self._rows(
            "SELECT measure_key, "
            "  count(*) FILTER (WHERE last_score > first_score), "
            "  count(*) FILTER (WHERE last_score = first_score), "
            "  count(*) FILTER (WHERE last_score < first_score) "
            "FROM (SELECT r.peer_id, r.measure_key, "
            f"  (SELECT {_BETTER.format(t='f')} FROM casework.rating AS f "
            "   WHERE f.peer_id = r.peer_id AND f.measure_key = r.measure_key "
            "   AND f.rated_on <= %(e)s::date AND f.deleted_at IS NULL "
            "   AND f.total IS NOT NULL "
            "   ORDER BY f.rated_on, f.created_at, f.id LIMIT 1) AS first_score, "
            f"  (SELECT {_BETTER.format(t='l')} FROM casework.rating AS l "
            "   WHERE l.peer_id = r.peer_id AND l.measure_key = r.measure_key "
            "   AND l.rated_on <= %(e)s::date AND l.deleted_at IS NULL "
            "   AND l.total IS NOT NULL "
            "   ORDER BY l.rated_on DESC, l.created_at DESC, l.id DESC LIMIT 1) AS last_score "
            " FROM casework.rating AS r JOIN casework.measure AS m ON m.key = r.measure_key "
            f" WHERE r.peer_id IN (SELECT peer_id FROM {SUPPORTED}) "
            " AND r.rated_on <= %(e)s::date AND r.deleted_at IS NULL AND r.total IS NOT NULL "
            " GROUP BY r.peer_id, r.measure_key, m.kind HAVING count(*) >= 2) AS pairs "
            "GROUP BY measure_key ORDER BY measure_key", span)

    def measure_titles(self) -> Rows:
        return self._rows("SELECT key, title FROM casework.measure")

    # -- the listening service

    def contacts(self, span: Span, open_days: frozenset[int], opens: str, closes: str
                 ) -> Rows:
        # ISO day of the week counts from Monday (1); ours from Monday (0).
        return self._rows(
            "SELECT c.channel, c.region_id, c.first_time, c.outcomes, "
            "  coalesce(extract(isodow FROM c.contacted_on)::integer - 1 = ANY(%(days)s) "
            "  AND c.contacted_time >= %(open)s AND c.contacted_time < %(close)s, false), "
            "  count(*), sum(c.minutes) "
            f"FROM casework.anonymous_contact AS c WHERE c.contacted_on {_DATES} "
            f"AND {_COUNTED} GROUP BY 1, 2, 3, 4, 5",
            {**span, "days": sorted(open_days), "open": opens, "close": closes})

    def regions(self) -> Rows:
        return self._rows("SELECT id, name, active FROM casework.region")

    def contact_topic_links(self, span: Span) -> Rows:
        return self._rows(
            "SELECT c.id, t.topic_id FROM casework.anonymous_contact AS c "
            "JOIN casework.contact_topic_link AS t ON t.contact_id = c.id "
            f"WHERE c.contacted_on {_DATES} AND {_COUNTED}", span)

    def contact_topics(self) -> Rows:
        return self._rows(
            "SELECT id, name, active FROM casework.contact_topic ORDER BY lower(name), name")

    def signposted(self, span: Span) -> Rows:
        return self._rows(
            "SELECT ec.category_id, count(DISTINCT c.id) FROM casework.anonymous_contact AS c "
            "JOIN casework.contact_signpost AS s ON s.contact_id = c.id "
            "LEFT JOIN casework.directory_entry_category AS ec ON ec.entry_id = s.entry_id "
            f"WHERE c.contacted_on {_DATES} AND {_COUNTED} GROUP BY ec.category_id", span)

    def signposted_elsewhere(self, span: Span, flag: int) -> int:
        return int(self._one(
            "SELECT count(*) FROM casework.anonymous_contact AS c "
            f"WHERE c.contacted_on {_DATES} AND {_COUNTED} AND (c.outcomes & %(flag)s) <> 0 "
            "AND NOT EXISTS (SELECT 1 FROM casework.contact_signpost AS s "
            "WHERE s.contact_id = c.id)", {**span, "flag": int(flag)})[0])

    def directory_categories(self) -> Rows:
        return self._rows("SELECT id, name, active FROM casework.directory_category "
                          "ORDER BY lower(name), name")

    def first_sessions(self, span: Span) -> Rows:
        return self._rows(
            "SELECT first_contact::text, first_session_on::text FROM casework.peer "
            f"WHERE first_session_on {_DATES} AND id {_NOT_EXCLUDED}", span)

    # -- the programme

    def supporter_statuses(self, span: Span) -> Rows:
        return self._rows(
            "SELECT st.supporter_id, st.status, st.since::text FROM main.supporter_status AS st "
            "WHERE st.since <= %(e)s::date ORDER BY st.supporter_id, st.since, st.id", span)

    def hours_entries(self, span: Span) -> Rows:
        return self._rows(
            "SELECT supporter_id, kind, sum(minutes) FROM main.hours_entry "
            f"WHERE worked_on {_DATES} GROUP BY supporter_id, kind", span)

    def supporter_accounts(self) -> Rows:
        return self._rows("SELECT id, staff_id FROM main.supporter WHERE staff_id IS NOT NULL")

    def session_minutes_by_worker(self, span: Span) -> Rows:
        return self._rows(
            "SELECT worker_id, sum(minutes) FROM casework.one_to_one "
            f"WHERE held_on {_DATES} AND worker_id IN {_ACCOUNTS} "
            f"AND peer_id {_NOT_EXCLUDED} GROUP BY worker_id", span)

    def meetings_by_facilitator(self, span: Span) -> Rows:
        return self._rows(
            "SELECT mf.staff_id, count(*) FROM casework.meeting AS m "
            "JOIN casework.meeting_facilitator AS mf ON mf.meeting_id = m.id "
            f"WHERE m.held_on {_DATES} AND m.status = 'held' "
            f"AND mf.staff_id IN {_ACCOUNTS} GROUP BY mf.staff_id", span)

    def contact_minutes_by_taker(self, span: Span) -> Rows:
        return self._rows(
            "SELECT c.taken_by, sum(c.minutes) FROM casework.anonymous_contact AS c "
            f"WHERE c.contacted_on {_DATES} AND c.taken_by IN {_ACCOUNTS} "
            f"AND {_COUNTED} GROUP BY c.taken_by", span)

    def newly_trained(self, span: Span) -> int:
        return int(self._one(
            "SELECT count(*) FROM (SELECT supporter_id FROM main.training_completion "
            f"GROUP BY supporter_id HAVING min(completed_on) {_DATES}) AS firsts", span)[0])

    def training_current(self, span: Span) -> Rows:
        rows = self._rows(
            "SELECT t.supporter_id, cc.competency_id, bool_or(t.valid_until IS NULL), "
            "max(t.valid_until)::text FROM main.training_completion AS t "
            "JOIN main.course_competency AS cc ON cc.course_id = t.course_id "
            "WHERE t.completed_on <= %(e)s::date GROUP BY t.supporter_id, cc.competency_id",
            span)
        if self.has_modules():
            rows += self._rows(
                "SELECT m.supporter_id, mc.competency_id, bool_or(m.valid_until IS NULL), "
                "max(m.valid_until)::text FROM main.module_completion AS m "
                "JOIN main.module_competency AS mc ON mc.module_id = m.module_id "
                "WHERE m.completed_on <= %(e)s::date GROUP BY m.supporter_id, mc.competency_id",
                span)
        return rows

    def has_modules(self) -> bool:
        """Whether the server has course modules yet (see the module's docstring)."""
        return bool(self._one("SELECT to_regclass('main.module_completion') IS NOT NULL "
                              "AND to_regclass('main.module_competency') IS NOT NULL")[0])

    def competencies(self) -> Rows:
        return self._rows("SELECT id, name, active FROM main.competency ORDER BY position, id")

    def supervision(self, span: Span) -> Rows:
        return self._rows(
            "SELECT kind, count(*) FROM main.supervision_session "
            f"WHERE held_on {_DATES} GROUP BY kind", span)

    def active_pairs(self, span: Span) -> int:
        return int(self._one(
            "SELECT count(*) FROM casework.mentoring_pair WHERE starts_on <= %(e)s::date "
            "AND (ends_on IS NULL OR ends_on >= %(s)s::date) "
            f"AND mentee_id {_NOT_EXCLUDED} "
            f"AND (mentor_peer_id IS NULL OR mentor_peer_id {_NOT_EXCLUDED})", span)[0])

    def consultations(self, span: Span) -> tuple[int, int]:
        held, done = self._one(
            "SELECT count(*), count(*) FILTER (WHERE status = 'done') "
            f"FROM casework.consultation WHERE held_on {_DATES}", span)
        return int(held), int(done)

    def feedback_benefits(self, span: Span) -> Rows:
        return self._rows(
            "SELECT benefits, count(*) FROM casework.feedback "
            f"WHERE given_on {_DATES} GROUP BY benefits", span)


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


__all__ = ["ServerQueries", "latest_months", "releases_in_year", "signed_in"]
