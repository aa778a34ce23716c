"""Where the report's numbers are read from: the vault here, or the team server.

The report's counting modules (reports.figures, listening_figures,
programme_figures, voice_figures) turn rows into tables; the rows come from a
*figure source* with one method per statement. Each statement is written once,
in `FigureStatements`, for both stores: the vault (SQLite, `VaultQueries`,
each statement on the index it was tuned for) and the team server
(PostgreSQL). The few places the two differ (where tables live, placeholders,
how a date comes back, booleans and weekdays, the vault's planner hints) are a
small `Dialect` object: `SQLITE` here, and the server's in
storage.team.figures, which this package never imports: its ServerQueries
runs statements, holds the report's snapshot and names its dialect
(`figure_dialect`), and `source()` puts these statements over it (`OnStore`).
Both return the same rows (dates as 'YYYY-MM-DD' text, ids as the store's
own), so one set of counting code makes the same RawFigures from either, and
the same disclosure control protects them.

Every method reads codes, dates and counts only; never a name or a note.
`counting(period)` is the one snapshot a report's counts share, with the
report's sets of peers (reports.peer_sets) filled for the period.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from typing import Any, Protocol

from peerdesk.reports.peer_sets import EXCLUDED, SUPPORTED, prepared
from peerdesk.reports.period import Period
from peerdesk.storage.database import Database
from peerdesk.storage.repositories.meta import get_setting

Rows = list[tuple[Any, ...]]
Span = dict[str, str]   # {"s": first day, "e": last day}, ISO dates


class FigureSource(Protocol):
    """What the report's counts read. `s`/`e` are the period's first and last day."""

    is_figure_source: bool

    def counting(self, period: Period) -> AbstractContextManager[None]: ...
    def setting(self, key: str) -> str | None: ...
    # -- the peers' figures (reports.figures)
    def excluded_peers(self) -> int: ...
    def sessions(self, span: Span) -> Rows: ...               # day, mode, kind, n, minutes
    def meetings(self, span: Span) -> tuple[int, int, int]: ...  # meetings, groups, anonymous
    def attendance_days(self, span: Span) -> Rows: ...        # day, attendances
    def supported(self) -> tuple[int, int]: ...              # peers supported, of them attended
    def profiles(self) -> Rows: ...                           # age band, gender, n
    def new_peers(self, span: Span) -> Rows: ...              # contact route, n
    def referrals(self, span: Span) -> Rows: ...              # destination, status, n
    def follow_ups(self, span: Span) -> tuple[int, int, int]: ...  # on time, late, open
    def outcomes(self, span: Span) -> Rows: ...               # measure, better, same, worse
    def measure_titles(self) -> Rows: ...                     # key, title
    # -- the listening service (reports.listening_figures)
    def contacts(self, span: Span, open_days: frozenset[int], opens: str, closes: str
                 ) -> Rows: ...  # channel, region, first time, outcomes, in hours, n, minutes
    def regions(self) -> Rows: ...                            # id, name, active
    def contact_topic_links(self, span: Span) -> Rows: ...    # contact, topic
    def contact_topics(self) -> Rows: ...                     # id, name, active (by name)
    def signposted(self, span: Span) -> Rows: ...             # category (None: none), n
    def signposted_elsewhere(self, span: Span, flag: int) -> int: ...
    def directory_categories(self) -> Rows: ...               # id, name, active (by name)
    def first_sessions(self, span: Span) -> Rows: ...         # first contact, first session
    # -- the programme (reports.programme_figures, voice_figures)
    def supporter_statuses(self, span: Span) -> Rows: ...     # supporter, status, since
    def hours_entries(self, span: Span) -> Rows: ...          # supporter, kind, minutes
    def supporter_accounts(self) -> Rows: ...                 # supporter id, staff id
    def session_minutes_by_worker(self, span: Span) -> Rows: ...  # staff id, minutes
    def meetings_by_facilitator(self, span: Span) -> Rows: ...    # staff id, meetings
    def contact_minutes_by_taker(self, span: Span) -> Rows: ...   # staff id, minutes
    def newly_trained(self, span: Span) -> int: ...
    def training_current(self, span: Span) -> Rows: ...  # supporter, competency, never, until
    def competencies(self) -> Rows: ...                       # id, name, active (in order)
    def supervision(self, span: Span) -> Rows: ...            # kind, n
    def active_pairs(self, span: Span) -> int: ...
    def consultations(self, span: Span) -> tuple[int, int]: ...  # held, action done
    def feedback_benefits(self, span: Span) -> Rows: ...      # benefits code, n


def source(db_or_source: Any) -> FigureSource:
    """A figure source as it is, or the vault's over a Database (or anything with its
    query/execute, as the tests' statement recorders)."""
    if getattr(db_or_source, "is_figure_source", False):
        return db_or_source  # type: ignore[no-any-return]
    if getattr(db_or_source, "figure_dialect", None) is not None:
        return OnStore(db_or_source)
    return VaultQueries(db_or_source)


# Pages a report's connection keeps decrypted while it counts (KiB). A year
# at the huge scale reads more of the vault than the usual cache holds, so
# each pass over the year decrypted its pages again; freed when the report
# is done. Each database of the connection has a cache of its own, and the
# counts read the casework database (attached as "casework"), so every
# attached one gets it, not only the main one.
REPORT_CACHE_KIB = 64 * 1024


@contextmanager
def _larger_cache(db: Database) -> Iterator[None]:
    schemas = [str(row[1]) for row in db.query("PRAGMA database_list")
               if str(row[1]) != "temp"]
    usual = {schema: int(db.query(f"PRAGMA {schema}.cache_size")[0][0]) for schema in schemas}
    for schema in schemas:
        db.execute(f"PRAGMA {schema}.cache_size = -{REPORT_CACHE_KIB}")
    try:
        yield
    finally:
        for schema, size in usual.items():
            db.execute(f"PRAGMA {schema}.cache_size = {size}")


class Dialect(Protocol):
    """The few places the report's SQL differs between the vault (SQLite) and the
    team server (PostgreSQL): where tables live, how a value is passed and how a
    date comes back, booleans and weekdays, and the vault's planner hints.

    `SQLITE` below is the vault's; the server's is storage.team.figures.POSTGRES,
    of the same shape (this package never imports it)."""

    casework: str      # prefix of a casework table: "" on the vault, "casework." on the server
    main: str          # prefix of a table of the centre's register ("main.")
    excluded: str      # the table of peers left out (reports.peer_sets.EXCLUDED on the vault)
    supported: str     # the table of peers supported in the period
    any_true: str      # the aggregate "is any of these true"
    ordered_join: str  # a join the planner must take in the order written

    def param(self, name: str) -> str: ...         # a value passed as `name`
    def day_param(self, name: str) -> str: ...     # a date passed as 'YYYY-MM-DD' text
    def day(self, expr: str) -> str: ...           # a date column read back as that text
    def not_excluded(self, column: str) -> str: ...   # a peer id not left out
    def counted(self, column: str) -> str: ...    # a contact's peer id (or none) not left out
    def weekday_in(self, expr: str, days: frozenset[int]) -> str: ...  # Monday is 0
    def nocase(self, column: str) -> str: ...     # ordering by name, case aside
    def tie_break(self, alias: str, direction: str) -> str: ...  # rows of one day, in order
    def indexed_by(self, index: str) -> str: ...  # read by this index (a hint)
    def no_index(self, expr: str) -> str: ...     # look nothing up by this (a hint)


class _Sqlite:
    casework = ""
    main = ""
    excluded = EXCLUDED
    supported = SUPPORTED
    any_true = "max"
    # SQLite takes a CROSS JOIN's tables in the order written.
    ordered_join = "CROSS JOIN"

    def param(self, name: str) -> str:
        return f":{name}"

    def day_param(self, name: str) -> str:
        return f":{name}"

    def day(self, expr: str) -> str:
        return expr

    def not_excluded(self, column: str) -> str:
        return f"{column} NOT IN {EXCLUDED}"

    def counted(self, column: str) -> str:
        return f"coalesce({column}, 0) NOT IN {EXCLUDED}"

    def weekday_in(self, expr: str, days: frozenset[int]) -> str:
        # SQLite's %w counts from Sunday (0); ours from Monday.
        listed = ", ".join(f"'{(d + 1) % 7}'" for d in sorted(days))
        return f"strftime('%w', {expr}) IN ({listed})"

    def nocase(self, column: str) -> str:
        return f"{column} COLLATE NOCASE"

    def tie_break(self, alias: str, direction: str) -> str:
        return f"{alias}.id{direction}"

    def indexed_by(self, index: str) -> str:
        return f" INDEXED BY {index}"

    def no_index(self, expr: str) -> str:
        # A unary + keeps SQLite from looking a term up by its index.
        return f"+{expr}"


SQLITE: Dialect = _Sqlite()

# A score where higher is better: UCLA loneliness counts the other way, and
# ONS4's fourth item (anxiety, the number after the last comma) does too.
_BETTER = (
    "CASE m.kind WHEN 'ucla3' THEN -{t}.total "
    "WHEN 'ons4' THEN {t}.total - 2 * CAST(substr({t}.scores, "
    "length(rtrim({t}.scores, '0123456789')) + 1) AS INTEGER) ELSE {t}.total END"
)


class FigureStatements:
    """Every statement of the report's counts, written once for both stores.

    A store supplies `dialect`, `_rows` (run a statement, named values in a
    dict), `counting` and `setting`; `_has_modules` says whether course modules
    are there to count. The vault's statements are each on the index they were
    tuned for; the dialect's hints keep them so, and are nothing on the server.
    """

    is_figure_source = True
    dialect: Dialect = SQLITE

    def _rows(self, sql: str, params: Any = None) -> Rows:
        raise NotImplementedError

    def _one(self, sql: str, params: Any = None) -> tuple[Any, ...]:
        return self._rows(sql, params)[0]

    def _has_modules(self) -> bool:
        return True

    # -- the peers' figures

    def excluded_peers(self) -> int:
        return int(self._one(f"SELECT count(*) FROM {self.dialect.excluded}")[0])

    def sessions(self, span: Span) -> Rows:
        d = self.dialect
        # Grouped in the order of the vault's one_to_one_by_date index: nothing is sorted.
        return self._rows(
            f"SELECT {d.day('held_on')}, mode, kind, count(*), sum(minutes) "
            f"FROM {d.casework}one_to_one WHERE held_on BETWEEN {d.day_param('s')} AND "
            f"{d.day_param('e')} AND {d.not_excluded('peer_id')} "
            "GROUP BY held_on, mode, kind", span)

    def meetings(self, span: Span) -> tuple[int, int, int]:
        d = self.dialect
        meetings, groups, anonymous = self._one(
            "SELECT count(*), count(DISTINCT group_id), coalesce(sum(anonymous_count), 0) "
            f"FROM {d.casework}meeting WHERE held_on BETWEEN {d.day_param('s')} AND "
            f"{d.day_param('e')} AND status = 'held'", span)
        return int(meetings), int(groups), int(anonymous)

    def attendance_days(self, span: Span) -> Rows:
        d = self.dialect
        # By day in the order of the vault's meeting_by_date index: nothing is sorted.
        return self._rows(
            f"SELECT {d.day('m.held_on')}, count(*) FROM {d.casework}meeting AS m "
            f"JOIN {d.casework}attendance AS a ON a.meeting_id = m.id "
            f"WHERE m.held_on BETWEEN {d.day_param('s')} AND {d.day_param('e')} "
            f"AND m.status = 'held' AND a.mark = 'attended' AND {d.not_excluded('a.peer_id')} "
            "GROUP BY m.held_on", span)

    def supported(self) -> tuple[int, int]:
        d = self.dialect
        attended = self._one(f"SELECT count(*) FROM {d.supported} WHERE attended")[0]
        supported = self._one(f"SELECT count(*) FROM {d.supported}")[0]
        return int(supported), int(attended)

    def profiles(self) -> Rows:
        d = self.dialect
        # Both tables from one pass over the peers supported, each read on the vault
        # from the narrow profile index rather than the peer's whole row (its planner
        # would take the rows, by id: many more pages to decrypt).
        return self._rows(
            f"SELECT age_band, gender, count(*) FROM {d.casework}peer"
            f"{d.indexed_by('peer_profile_by_id')} WHERE id IN (SELECT peer_id FROM "
            f"{d.supported}) GROUP BY 1, 2")

    def new_peers(self, span: Span) -> Rows:
        d = self.dialect
        return self._rows(
            f"SELECT contact_route, count(*) FROM {d.casework}peer WHERE first_contact "
            f"BETWEEN {d.day_param('s')} AND {d.day_param('e')} AND {d.not_excluded('id')} "
            "GROUP BY 1", span)

    def referrals(self, span: Span) -> Rows:
        d = self.dialect
        return self._rows(
            f"SELECT destination, status, count(*) FROM {d.casework}referral WHERE made_on "
            f"BETWEEN {d.day_param('s')} AND {d.day_param('e')} "
            f"AND {d.not_excluded('peer_id')} GROUP BY 1, 2", span)

    def follow_ups(self, span: Span) -> tuple[int, int, int]:
        d = self.dialect
        on_time, late, still_open = self._one(
            "SELECT count(*) FILTER (WHERE follow_up_done_on <= follow_up_on), "
            "count(*) FILTER (WHERE follow_up_done_on > follow_up_on), "
            "count(*) FILTER (WHERE follow_up_done_on IS NULL) "
            f"FROM {d.casework}one_to_one WHERE follow_up_on BETWEEN {d.day_param('s')} "
            f"AND {d.day_param('e')} AND {d.not_excluded('peer_id')}", span)
        return int(on_time), int(late), int(still_open)

    def outcomes(self, span: Span) -> Rows:
        """First and latest rating up to the period's end, for peers supported in it."""
        d = self.dialect
        end = d.day_param("e")
        # Complete ratings in use only: a deleted rating or one with a declined item
        # (no total) is never compared, and a declined item never counts as 0. Each
        # score looks its measure's kind up itself, so that the pairs are grouped by
        # the ratings' own columns (in the order of the vault's index, unsorted).
        score = (f"SELECT {_BETTER} FROM {d.casework}rating AS {{t}} JOIN {d.casework}measure "
                 "AS m ON m.key = {t}.measure_key WHERE {t}.peer_id = r.peer_id AND "
                 f"{{t}}.measure_key = r.measure_key AND {{t}}.rated_on <= {end} AND "
                 "{t}.deleted_at IS NULL AND {t}.total IS NOT NULL ")
        return self._rows(
            "SELECT measure_key, "
            "  count(*) FILTER (WHERE last_score > first_score), "
            "  count(*) FILTER (WHERE last_score = first_score), "
            "  count(*) FILTER (WHERE last_score < first_score) "
            "FROM (SELECT r.peer_id, r.measure_key, "
            f"  ({score.format(t='f')}ORDER BY f.rated_on, {d.tie_break('f', '')} LIMIT 1) "
            "AS first_score, "
            f"  ({score.format(t='l')}ORDER BY l.rated_on DESC, {d.tie_break('l', ' DESC')} "
            "LIMIT 1) AS last_score "
            f" FROM {d.casework}rating AS r WHERE r.peer_id IN (SELECT peer_id FROM "
            f"{d.supported}) AND r.rated_on <= {end} "
            " AND r.deleted_at IS NULL AND r.total IS NOT NULL "
            " GROUP BY r.peer_id, r.measure_key HAVING count(*) >= 2) AS pairs "
            "GROUP BY measure_key ORDER BY measure_key", span)

    def measure_titles(self) -> Rows:
        return self._rows(f"SELECT key, title FROM {self.dialect.casework}measure")

    # -- the listening service

    def contacts(self, span: Span, open_days: frozenset[int], opens: str, closes: str
                 ) -> Rows:
        d = self.dialect
        return self._rows(
            "SELECT c.channel, c.region_id, c.first_time, c.outcomes, "
            f"  {d.weekday_in('c.contacted_on', open_days)} "
            f"  AND c.contacted_time >= {d.param('open')} "
            f"  AND c.contacted_time < {d.param('close')}, count(*), sum(c.minutes) "
            f"FROM {d.casework}anonymous_contact AS c WHERE c.contacted_on BETWEEN "
            f"{d.day_param('s')} AND {d.day_param('e')} AND {d.counted('c.peer_id')} "
            "GROUP BY 1, 2, 3, 4, 5", {**span, "open": opens, "close": closes})

    def regions(self) -> Rows:
        return self._rows(f"SELECT id, name, active FROM {self.dialect.casework}region")

    def contact_topic_links(self, span: Span) -> Rows:
        d = self.dialect
        # One pass over the period's topic links gives both the contacts about each
        # topic and those about any.
        return self._rows(
            f"SELECT c.id, t.topic_id FROM {d.casework}anonymous_contact AS c "
            f"JOIN {d.casework}contact_topic_link AS t ON t.contact_id = c.id "
            f"WHERE c.contacted_on BETWEEN {d.day_param('s')} AND {d.day_param('e')} "
            f"AND {d.counted('c.peer_id')}", span)

    def contact_topics(self) -> Rows:
        d = self.dialect
        return self._rows(f"SELECT id, name, active FROM {d.casework}contact_topic "
                          f"ORDER BY {d.nocase('name')}")

    def signposted(self, span: Span) -> Rows:
        d = self.dialect
        return self._rows(
            f"SELECT ec.category_id, count(DISTINCT c.id) FROM {d.casework}anonymous_contact "
            f"AS c JOIN {d.casework}contact_signpost AS s ON s.contact_id = c.id "
            f"LEFT JOIN {d.casework}directory_entry_category AS ec ON ec.entry_id = s.entry_id "
            f"WHERE c.contacted_on BETWEEN {d.day_param('s')} AND {d.day_param('e')} "
            f"AND {d.counted('c.peer_id')} GROUP BY ec.category_id", span)

    def signposted_elsewhere(self, span: Span, flag: int) -> int:
        d = self.dialect
        return int(self._one(
            f"SELECT count(*) FROM {d.casework}anonymous_contact AS c WHERE c.contacted_on "
            f"BETWEEN {d.day_param('s')} AND {d.day_param('e')} AND {d.counted('c.peer_id')} "
            f"AND (c.outcomes & {int(flag)}) <> 0 AND NOT EXISTS "
            f"(SELECT 1 FROM {d.casework}contact_signpost AS s WHERE s.contact_id = c.id)",
            span)[0])

    def directory_categories(self) -> Rows:
        d = self.dialect
        return self._rows(f"SELECT id, name, active FROM {d.casework}directory_category "
                          f"ORDER BY {d.nocase('name')}")

    def first_sessions(self, span: Span) -> Rows:
        d = self.dialect
        # Read from peer.first_session_on (kept up to date with every session written)
        # and its index: the few peers of the period.
        return self._rows(
            f"SELECT {d.day('first_contact')}, {d.day('first_session_on')} "
            f"FROM {d.casework}peer WHERE first_session_on BETWEEN {d.day_param('s')} "
            f"AND {d.day_param('e')} AND {d.not_excluded('id')}", span)

    # -- the programme

    def supporter_statuses(self, span: Span) -> Rows:
        d = self.dialect
        # From the register (a few hundred people) to each one's history by its index.
        return self._rows(
            f"SELECT st.supporter_id, st.status, {d.day('st.since')} FROM {d.main}supporter "
            f"{d.ordered_join} {d.main}supporter_status AS st "
            f"ON st.supporter_id = supporter.id WHERE st.since <= {d.day_param('e')} "
            "ORDER BY st.supporter_id, st.since, st.id", span)

    def hours_entries(self, span: Span) -> Rows:
        d = self.dialect
        return self._rows(
            f"SELECT supporter_id, kind, sum(minutes) FROM {d.main}hours_entry "
            f"WHERE worked_on BETWEEN {d.day_param('s')} AND {d.day_param('e')} "
            "GROUP BY supporter_id, kind", span)

    def supporter_accounts(self) -> Rows:
        return self._rows(
            f"SELECT id, staff_id FROM {self.dialect.main}supporter WHERE staff_id IS NOT NULL")

    def _accounts(self) -> str:
        return f"(SELECT staff_id FROM {self.dialect.main}supporter WHERE staff_id IS NOT NULL)"

    def session_minutes_by_worker(self, span: Span) -> Rows:
        d = self.dialect
        return self._rows(
            f"SELECT worker_id, sum(minutes) FROM {d.casework}one_to_one "
            f"WHERE held_on BETWEEN {d.day_param('s')} AND {d.day_param('e')} "
            f"AND worker_id IN {self._accounts()} AND {d.not_excluded('peer_id')} "
            "GROUP BY worker_id", span)

    def meetings_by_facilitator(self, span: Span) -> Rows:
        d = self.dialect
        # The supporters' facilitations from their index, each checked against the
        # period's meetings held (read from the meetings-by-date index) rather than
        # looked up in the meeting table: on an encrypted vault every meeting row
        # fetched was a page decrypted, and the facilitations of every year were
        # fetched to keep the period's. The vault's hint keeps its planner from
        # looking each pair of supporter and meeting up one by one instead.
        return self._rows(
            f"SELECT mf.staff_id, count(*) FROM {d.casework}meeting_facilitator AS mf "
            f"WHERE mf.staff_id IN {self._accounts()} AND {d.no_index('mf.meeting_id')} IN "
            f"(SELECT id FROM {d.casework}meeting WHERE held_on BETWEEN {d.day_param('s')} "
            f"AND {d.day_param('e')} AND status = 'held') GROUP BY mf.staff_id", span)

    def contact_minutes_by_taker(self, span: Span) -> Rows:
        d = self.dialect
        # Read on the vault from an index by person and day that holds what is summed
        # (casework migration 6), never the table's rows.
        return self._rows(
            f"SELECT c.taken_by, sum(c.minutes) FROM {d.casework}anonymous_contact AS c "
            f"WHERE c.contacted_on BETWEEN {d.day_param('s')} AND {d.day_param('e')} "
            f"AND c.taken_by IN {self._accounts()} AND {d.counted('c.peer_id')} "
            "GROUP BY c.taken_by", span)

    def newly_trained(self, span: Span) -> int:
        d = self.dialect
        return int(self._one(
            f"SELECT count(*) FROM {d.main}supporter WHERE (SELECT min(t.completed_on) "
            f"FROM {d.main}training_completion AS t WHERE t.supporter_id = supporter.id) "
            f"BETWEEN {d.day_param('s')} AND {d.day_param('e')}", span)[0])

    def training_current(self, span: Span) -> Rows:
        d = self.dialect
        # Per supporter and competency: current with no end, and the latest end.
        current = (f"{d.any_true}({{t}}.valid_until IS NULL), {d.day('max({t}.valid_until)')}"
                   f" FROM {d.main}supporter {d.ordered_join} ")
        courses = (
            f"SELECT t.supporter_id, cc.competency_id, {current.format(t='t')}"
            f"{d.main}training_completion AS t ON t.supporter_id = supporter.id "
            f"JOIN {d.main}course_competency AS cc ON cc.course_id = t.course_id "
            f"WHERE t.completed_on <= {d.day_param('e')} "
            "GROUP BY t.supporter_id, cc.competency_id")
        if not self._has_modules():
            return self._rows(courses, span)
        return self._rows(
            f"{courses} UNION ALL "
            f"SELECT m.supporter_id, mc.competency_id, {current.format(t='m')}"
            f"{d.main}module_completion AS m ON m.supporter_id = supporter.id "
            f"JOIN {d.main}module_competency AS mc ON mc.module_id = m.module_id "
            f"WHERE m.completed_on <= {d.day_param('e')} "
            "GROUP BY m.supporter_id, mc.competency_id", span)

    def competencies(self) -> Rows:
        return self._rows(
            f"SELECT id, name, active FROM {self.dialect.main}competency ORDER BY position, id")

    def supervision(self, span: Span) -> Rows:
        d = self.dialect
        return self._rows(
            f"SELECT kind, count(*) FROM {d.main}supervision_session WHERE held_on BETWEEN "
            f"{d.day_param('s')} AND {d.day_param('e')} GROUP BY kind", span)

    def active_pairs(self, span: Span) -> int:
        """Pairs whose dates overlap the period; none with a peer left out."""
        d = self.dialect
        return int(self._one(
            f"SELECT count(*) FROM {d.casework}mentoring_pair WHERE starts_on <= "
            f"{d.day_param('e')} AND (ends_on IS NULL OR ends_on >= {d.day_param('s')}) "
            f"AND {d.not_excluded('mentee_id')} AND {d.counted('mentor_peer_id')}", span)[0])

    def consultations(self, span: Span) -> tuple[int, int]:
        """Consultations held in the period, and of those, the ones whose action is done."""
        d = self.dialect
        held, done = self._one(
            "SELECT count(*), count(*) FILTER (WHERE status = 'done') "
            f"FROM {d.casework}consultation WHERE held_on BETWEEN {d.day_param('s')} "
            f"AND {d.day_param('e')}", span)
        return int(held), int(done)

    def feedback_benefits(self, span: Span) -> Rows:
        d = self.dialect
        # The vault's index holds given_on and benefits: nothing else is read.
        return self._rows(
            f"SELECT benefits, count(*) FROM {d.casework}feedback WHERE given_on BETWEEN "
            f"{d.day_param('s')} AND {d.day_param('e')} GROUP BY benefits", span)


class VaultQueries(FigureStatements):
    """The statements on the vault (SQLite, on the vault's indexes)."""

    dialect = SQLITE

    def __init__(self, db: Any) -> None:
        self.db = db

    @contextmanager
    def counting(self, period: Period) -> Iterator[None]:
        # One snapshot for the whole report: a session saved on another connection
        # while it counts is in every figure or in none.
        # Inside a publication's own transaction that transaction is the snapshot.
        db = self.db
        snapshot = nullcontext(db) if db.in_transaction else db.read_snapshot()
        with snapshot, _larger_cache(db), prepared(db, period):
            yield

    def setting(self, key: str) -> str | None:
        return get_setting(self.db, key, None)

    def _rows(self, sql: str, params: Any = None) -> Rows:
        return [tuple(row) for row in self.db.query(sql, params or ())]


class OnStore(FigureStatements):
    """The same statements on another store: one that runs them (`_rows`), holds
    the report's snapshot (`counting`) and the settings, and names its dialect
    (`figure_dialect`), as the team server's storage.team.figures.ServerQueries."""

    def __init__(self, store: Any) -> None:
        self.store = store
        self.dialect = store.figure_dialect

    def counting(self, period: Period) -> AbstractContextManager[None]:
        return self.store.counting(period)  # type: ignore[no-any-return]

    def setting(self, key: str) -> str | None:
        return self.store.setting(key)  # type: ignore[no-any-return]

    def _rows(self, sql: str, params: Any = None) -> Rows:
        return self.store._rows(sql, params)  # type: ignore[no-any-return]

    def _has_modules(self) -> bool:
        return bool(self.store.has_modules())


def span_of(period: Period) -> Span:
    return {"s": period.start.isoformat(), "e": period.end.isoformat()}


__all__ = ["REPORT_CACHE_KIB", "SQLITE", "Dialect", "FigureSource", "FigureStatements", "OnStore",
           "Rows", "Span", "VaultQueries", "source", "span_of"]
