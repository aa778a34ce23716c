"""Where the report's numbers are read from: the vault here, or the team server.

The report's counting modules (reports.figures, listening_figures,
programme_figures, voice_figures) turn rows into tables; the rows come from a
*figure source* with one method per statement. `VaultQueries` is the vault's
(the SQLite statements, each on the index it was tuned for); the team
server's is storage.team.figures.ServerQueries (PostgreSQL, plain columns
only), which this package never imports: both have the same methods and
return the same rows (dates as 'YYYY-MM-DD' text, ids as the store's own), so
one set of counting code makes the same RawFigures from either, and the same
disclosure control protects them.

Every method reads codes, dates and counts only; never a name or a note.
`counting(period)` is the one snapshot a report's counts share, with the
report's sets of peers (reports.peer_sets) filled for the period.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from datetime import date
from typing import Any, Protocol

from peerdesk.reports.peer_sets import EXCLUDED, SUPPORTED, prepared
from peerdesk.reports.period import Period
from peerdesk.storage.database import Database
from peerdesk.storage.repositories import voice as voice_repo
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


# A score where higher is better: UCLA loneliness counts the other way, and
# ONS4's fourth item (anxiety, the number after the last comma) does too.
_BETTER = (
    "CASE m.kind WHEN 'ucla3' THEN -{t}.total "
    "WHEN 'ons4' THEN {t}.total - 2 * CAST(substr({t}.scores, "
    "length(rtrim({t}.scores, '0123456789')) + 1) AS INTEGER) ELSE {t}.total END"
)
# Contacts on the record of someone who withdrew consent to statistics are left out.
_COUNTED = f"coalesce(c.peer_id, 0) NOT IN {EXCLUDED}"
_ACCOUNTS = "(SELECT staff_id FROM supporter WHERE staff_id IS NOT NULL)"


class VaultQueries:
    """The vault's statements (SQLite, on the vault's indexes)."""

    is_figure_source = True

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

    def _rows(self, sql: str, params: Any = ()) -> Rows:
        return [tuple(row) for row in self.db.query(sql, params)]

    def _one(self, sql: str, params: Any = ()) -> tuple[Any, ...]:
        return tuple(self.db.query(sql, params)[0])

    # -- the peers' figures

    def excluded_peers(self) -> int:
        return int(self._one(f"SELECT count(*) FROM {EXCLUDED}")[0])

    def sessions(self, span: Span) -> Rows:
        # Grouped in the order of the one_to_one_by_date index, so nothing is sorted.
        return self._rows(
            "SELECT held_on, mode, kind, count(*), sum(minutes) FROM one_to_one "
            f"WHERE held_on BETWEEN :s AND :e AND peer_id NOT IN {EXCLUDED} "
            "GROUP BY held_on, mode, kind", span)

    def meetings(self, span: Span) -> tuple[int, int, int]:
        meetings, groups, anonymous = self._one(
            "SELECT count(*), count(DISTINCT group_id), coalesce(sum(anonymous_count), 0) "
            "FROM meeting WHERE held_on BETWEEN :s AND :e AND status = 'held'", span)
        return int(meetings), int(groups), int(anonymous)

    def attendance_days(self, span: Span) -> Rows:
        # By day in the order of the meeting_by_date index, so nothing is sorted.
        return self._rows(
            "SELECT m.held_on, count(*) FROM meeting AS m "
            "JOIN attendance AS a ON a.meeting_id = m.id WHERE m.held_on BETWEEN :s AND :e "
            f"AND m.status = 'held' AND a.mark = 'attended' AND a.peer_id NOT IN {EXCLUDED} "
            "GROUP BY m.held_on", span)

    def supported(self) -> tuple[int, int]:
        attended = self._one(f"SELECT count(*) FROM {SUPPORTED} WHERE attended")[0]
        supported = self._one(f"SELECT count(*) FROM {SUPPORTED}")[0]
        return int(supported), int(attended)

    def profiles(self) -> Rows:
        # Both tables from one pass over the peers supported, each read from the narrow
        # profile index rather than the peer's whole row (the planner would take the
        # rows, by id: many more pages to decrypt).
        return self._rows(f"SELECT age_band, gender, count(*) FROM peer INDEXED BY "
                             f"peer_profile_by_id WHERE id IN (SELECT peer_id FROM "
                             f"{SUPPORTED}) GROUP BY 1, 2")

    def new_peers(self, span: Span) -> Rows:
        return self._rows(
            "SELECT contact_route, count(*) FROM peer WHERE first_contact BETWEEN :s AND :e "
            f"AND id NOT IN {EXCLUDED} GROUP BY 1", span)

    def referrals(self, span: Span) -> Rows:
        return self._rows(
            "SELECT destination, status, count(*) FROM referral WHERE made_on BETWEEN :s "
            f"AND :e AND peer_id NOT IN {EXCLUDED} GROUP BY 1, 2", span)

    def follow_ups(self, span: Span) -> tuple[int, int, int]:
        on_time, late, still_open = self._one(
            "SELECT count(*) FILTER (WHERE follow_up_done_on <= follow_up_on), "
            "count(*) FILTER (WHERE follow_up_done_on > follow_up_on), "
            "count(*) FILTER (WHERE follow_up_done_on IS NULL) FROM one_to_one "
            f"WHERE follow_up_on BETWEEN :s AND :e AND peer_id NOT IN {EXCLUDED}", span)
        return int(on_time), int(late), int(still_open)

    def outcomes(self, span: Span) -> Rows:
        """First and latest rating up to the period's end, for peers supported in it."""
        return self._rows(
            "SELECT measure_key, "
            "  count(*) FILTER (WHERE last_score > first_score), "
            "  count(*) FILTER (WHERE last_score = first_score), "
            "  count(*) FILTER (WHERE last_score < first_score) "
            "FROM (SELECT r.peer_id, r.measure_key, m.kind, "
            f"  (SELECT {_BETTER.format(t='f')} FROM rating AS f "
            "   WHERE f.peer_id = r.peer_id AND f.measure_key = r.measure_key "
            "   AND f.rated_on <= :e AND f.deleted_at IS NULL AND f.total IS NOT NULL "
            "   ORDER BY f.rated_on, f.id LIMIT 1) AS first_score, "
            f"  (SELECT {_BETTER.format(t='l')} FROM rating AS l "
            "   WHERE l.peer_id = r.peer_id AND l.measure_key = r.measure_key "
            "   AND l.rated_on <= :e AND l.deleted_at IS NULL AND l.total IS NOT NULL "
            "   ORDER BY l.rated_on DESC, l.id DESC LIMIT 1) AS last_score "
            " FROM rating AS r JOIN measure AS m ON m.key = r.measure_key "
            f" WHERE r.peer_id IN (SELECT peer_id FROM {SUPPORTED}) AND r.rated_on <= :e "
            # Complete ratings in use only: a deleted rating or one with a declined item
            # (no total) is never compared, and a declined item never counts as 0.
            " AND r.deleted_at IS NULL AND r.total IS NOT NULL "
            " GROUP BY r.peer_id, r.measure_key HAVING count(*) >= 2) "
            "GROUP BY measure_key ORDER BY measure_key", span)

    def measure_titles(self) -> Rows:
        return self._rows("SELECT key, title FROM measure")

    # -- the listening service

    def contacts(self, span: Span, open_days: frozenset[int], opens: str, closes: str
                 ) -> Rows:
        # SQLite's %w counts from Sunday (0); ours from Monday.
        days = ", ".join(f"'{(d + 1) % 7}'" for d in sorted(open_days))
        return self._rows(
            "SELECT c.channel, c.region_id, c.first_time, c.outcomes, "
            f"  strftime('%w', c.contacted_on) IN ({days}) AND c.contacted_time >= :open "
            "  AND c.contacted_time < :close, count(*), sum(c.minutes) "
            "FROM anonymous_contact AS c WHERE c.contacted_on BETWEEN :s AND :e "
            f"AND {_COUNTED} GROUP BY 1, 2, 3, 4, 5", {**span, "open": opens, "close": closes})

    def regions(self) -> Rows:
        return self._rows("SELECT id, name, active FROM region")

    def contact_topic_links(self, span: Span) -> Rows:
        # One pass over the period's topic links gives both the contacts about each
        # topic and those about any.
        return self._rows(
            "SELECT c.id, t.topic_id FROM anonymous_contact AS c "
            "JOIN contact_topic_link AS t ON t.contact_id = c.id "
            f"WHERE c.contacted_on BETWEEN :s AND :e AND {_COUNTED}", span)

    def contact_topics(self) -> Rows:
        return self._rows(
            "SELECT id, name, active FROM contact_topic ORDER BY name COLLATE NOCASE")

    def signposted(self, span: Span) -> Rows:
        return self._rows(
            "SELECT ec.category_id, count(DISTINCT c.id) FROM anonymous_contact AS c "
            "JOIN contact_signpost AS s ON s.contact_id = c.id "
            "LEFT JOIN directory_entry_category AS ec ON ec.entry_id = s.entry_id "
            f"WHERE c.contacted_on BETWEEN :s AND :e AND {_COUNTED} GROUP BY ec.category_id",
            span)

    def signposted_elsewhere(self, span: Span, flag: int) -> int:
        return int(self._one(
            "SELECT count(*) FROM anonymous_contact AS c WHERE c.contacted_on BETWEEN :s "
            f"AND :e AND {_COUNTED} AND c.outcomes & {int(flag)} AND NOT EXISTS "
            "(SELECT 1 FROM contact_signpost AS s WHERE s.contact_id = c.id)", span)[0])

    def directory_categories(self) -> Rows:
        return self._rows(
            "SELECT id, name, active FROM directory_category ORDER BY name COLLATE NOCASE")

    def first_sessions(self, span: Span) -> Rows:
        # Read from peer.first_session_on (kept up to date with every session written)
        # and its index: the few peers of the period.
        return self._rows(
            "SELECT first_contact, first_session_on FROM peer "
            f"WHERE first_session_on BETWEEN :s AND :e AND id NOT IN {EXCLUDED}", span)

    # -- the programme

    def supporter_statuses(self, span: Span) -> Rows:
        # From the register (a few hundred people) to each one's history by its index.
        return self._rows(
            "SELECT st.supporter_id, st.status, st.since FROM supporter "
            "CROSS JOIN supporter_status AS st ON st.supporter_id = supporter.id "
            "WHERE st.since <= :e ORDER BY st.supporter_id, st.since, st.id", span)

    def hours_entries(self, span: Span) -> Rows:
        return self._rows(
            "SELECT supporter_id, kind, sum(minutes) FROM hours_entry "
            "WHERE worked_on BETWEEN :s AND :e GROUP BY supporter_id, kind", span)

    def supporter_accounts(self) -> Rows:
        return self._rows("SELECT id, staff_id FROM supporter WHERE staff_id IS NOT NULL")

    def session_minutes_by_worker(self, span: Span) -> Rows:
        return self._rows(
            "SELECT worker_id, sum(minutes) FROM one_to_one "
            f"WHERE held_on BETWEEN :s AND :e AND worker_id IN {_ACCOUNTS} "
            f"AND peer_id NOT IN {EXCLUDED} GROUP BY worker_id", span)

    def meetings_by_facilitator(self, span: Span) -> Rows:
        # The supporters' facilitations from their index, each checked against the
        # period's meetings held (read from the meetings-by-date index) rather than
        # looked up in the meeting table: on an encrypted vault every meeting row
        # fetched was a page decrypted, and the facilitations of every year were
        # fetched to keep the period's. The + keeps the planner from looking each
        # pair of supporter and meeting up one by one instead.
        return self._rows(
            "SELECT mf.staff_id, count(*) FROM meeting_facilitator AS mf "
            f"WHERE mf.staff_id IN {_ACCOUNTS} AND +mf.meeting_id IN "
            "(SELECT id FROM meeting WHERE held_on BETWEEN :s AND :e AND status = 'held') "
            "GROUP BY mf.staff_id", span)

    def contact_minutes_by_taker(self, span: Span) -> Rows:
        # Read from an index by person and day that holds what is summed (casework
        # migration 6), never the table's rows.
        return self._rows(
            "SELECT taken_by, sum(minutes) FROM anonymous_contact "
            f"WHERE contacted_on BETWEEN :s AND :e AND taken_by IN {_ACCOUNTS} "
            f"AND coalesce(peer_id, 0) NOT IN {EXCLUDED} GROUP BY taken_by", span)

    def newly_trained(self, span: Span) -> int:
        return int(self._one(
            "SELECT count(*) FROM supporter WHERE (SELECT min(t.completed_on) "
            "FROM training_completion AS t WHERE t.supporter_id = supporter.id) "
            "BETWEEN :s AND :e", span)[0])

    def training_current(self, span: Span) -> Rows:
        return self._rows(
            "SELECT t.supporter_id, cc.competency_id, max(t.valid_until IS NULL), "
            "max(t.valid_until) FROM supporter "
            "CROSS JOIN training_completion AS t ON t.supporter_id = supporter.id "
            "JOIN course_competency AS cc ON cc.course_id = t.course_id "
            "WHERE t.completed_on <= :e GROUP BY t.supporter_id, cc.competency_id "
            "UNION ALL "
            "SELECT m.supporter_id, mc.competency_id, max(m.valid_until IS NULL), "
            "max(m.valid_until) FROM supporter "
            "CROSS JOIN module_completion AS m ON m.supporter_id = supporter.id "
            "JOIN module_competency AS mc ON mc.module_id = m.module_id "
            "WHERE m.completed_on <= :e GROUP BY m.supporter_id, mc.competency_id", span)

    def competencies(self) -> Rows:
        return self._rows("SELECT id, name, active FROM competency ORDER BY position, id")

    def supervision(self, span: Span) -> Rows:
        return self._rows(
            "SELECT kind, count(*) FROM supervision_session WHERE held_on BETWEEN :s AND :e "
            "GROUP BY kind", span)

    def active_pairs(self, span: Span) -> int:
        return voice_repo.active_pairs(self.db, date.fromisoformat(span["s"]),
                                       date.fromisoformat(span["e"]), left_out=EXCLUDED)

    def consultations(self, span: Span) -> tuple[int, int]:
        return voice_repo.consultation_counts(self.db, date.fromisoformat(span["s"]),
                                              date.fromisoformat(span["e"]))

    def feedback_benefits(self, span: Span) -> Rows:
        # The index holds given_on and benefits: nothing else is read.
        return self._rows("SELECT benefits, count(*) FROM feedback "
                             "WHERE given_on BETWEEN ? AND ? GROUP BY benefits",
                             (span["s"], span["e"]))


def span_of(period: Period) -> Span:
    return {"s": period.start.isoformat(), "e": period.end.isoformat()}


__all__ = ["REPORT_CACHE_KIB", "FigureSource", "Rows", "Span", "VaultQueries", "source",
           "span_of"]
