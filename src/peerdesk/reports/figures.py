"""The report's numbers, counted with read-only SQL (DESIGN.md §5).

Everything here is a plain count; nothing is hidden yet (reports.disclosure
does that). Peers whose latest consent to statistics is withdrawn are left
out of every figure. Queries read only the columns their covering indexes
hold, never notes or names. The sets of peers several counts share are
worked out once per report (reports.peer_sets).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from typing import Any

from peerdesk.domain.one_to_one import SessionKind, SessionMode
from peerdesk.domain.peer import AgeBand, ContactRoute, Gender
from peerdesk.domain.referral import ReferralDestination
from peerdesk.reports.peer_sets import EXCLUDED, SUPPORTED, prepared
from peerdesk.reports.period import Period
from peerdesk.storage.database import Database


@dataclass(frozen=True, slots=True)
class RawTable:
    """Counts by row; `columns` name the count columns. `hours` (if any) goes
    with the first count column and is hidden whenever that count is."""

    key: str
    title: str
    row_header: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, tuple[int, ...]], ...]
    total_row: bool = True
    row_total_column: str = ""  # when set, a last column that sums the others
    hours: tuple[float, ...] | None = None
    note: str = ""


@dataclass(frozen=True, slots=True)
class RawTrend:
    key: str
    title: str
    months: tuple[str, ...]
    values: tuple[int, ...]


@dataclass(slots=True)
class RawFigures:
    period: Period
    headlines: dict[str, int] = field(default_factory=dict)
    session_hours: float = 0.0
    tables: dict[str, RawTable] = field(default_factory=dict)
    trends: list[RawTrend] = field(default_factory=list)
    excluded_peers: int = 0
    # Figures that are not counts (hours, a median), printed only beside counts
    # that are shown (see reports.listening_figures).
    extras: dict[str, float] = field(default_factory=dict)


def _q(db: Database, sql: str, period: Period) -> list[Any]:
    return db.query(sql, {"s": period.start.isoformat(), "e": period.end.isoformat()})


def _by(rows: list[Any], labels: dict[str, str], *, other: str = "Not recorded"
        ) -> tuple[tuple[str, tuple[int, ...]], ...]:
    counts = {label: 0 for label in labels.values()}
    for key, count in rows:
        name = labels.get(key or "", other)
        counts[name] = counts.get(name, 0) + int(count)
    return tuple((label, (count,)) for label, count in counts.items())


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


def compute(db: Database, period: Period) -> RawFigures:
    """The period's counts. Trend bars are not counted here: a month's bar is the
    figure its own release printed (services.releases reads them from the register)."""
    # Its module builds on the raw types defined here.
    from peerdesk.reports import listening_figures, programme_figures

    fig = RawFigures(period)
    # One snapshot for the whole report: a session saved on another connection
    # while it counts is in every figure or in none.
    # Inside a publication's own transaction that transaction is the snapshot.
    snapshot = nullcontext(db) if db.in_transaction else db.read_snapshot()
    with snapshot, _larger_cache(db), prepared(db, period):
        _sessions(db, period, period, fig)
        _groups(db, period, period, fig)
        _people(db, period, fig)
        _referrals_and_follow_ups(db, period, fig)
        _outcomes(db, period, fig)
        listening_figures.compute(db, period, fig)
        programme_figures.compute(db, period, fig)
        fig.excluded_peers = int(db.query(f"SELECT count(*) FROM {EXCLUDED}")[0][0])
    return fig


def _within(day: str, period: Period) -> bool:
    return period.start.isoformat() <= day <= period.end.isoformat()


def _sessions(db: Database, period: Period, span: Period, fig: RawFigures
              ) -> list[tuple[str, int]]:
    """The period's sessions by mode and kind; returns the sessions of each day in `span`."""
    # Grouped in the order of the one_to_one_by_date index, so nothing is sorted.
    rows = _q(db, "SELECT held_on, mode, kind, count(*), sum(minutes) FROM one_to_one "
                  f"WHERE held_on BETWEEN :s AND :e AND peer_id NOT IN {EXCLUDED} "
                  "GROUP BY held_on, mode, kind", span)
    by_mode = {m: [0, 0] for m in SessionMode}
    by_kind = {k: 0 for k in SessionKind}
    for day, mode, kind, count, minutes in rows:
        if not _within(day, period):
            continue
        by_mode[SessionMode(mode)][0] += int(count)
        by_mode[SessionMode(mode)][1] += int(minutes or 0)
        by_kind[SessionKind(kind)] += int(count)
    total = sum(c for c, _ in by_mode.values())
    fig.headlines["sessions"] = total
    # Whole minutes over 60, rounded only when printed: the by-mode table's
    # total is the same division, so the two always print alike.
    fig.session_hours = sum(m for _, m in by_mode.values()) / 60
    fig.tables["sessions_by_mode"] = RawTable(
        "sessions_by_mode", "One-to-one sessions by mode", "Mode", ("Sessions",),
        tuple((m.label, (c,)) for m, (c, _) in by_mode.items()),
        # Unrounded: the table's total is rounded once, so it matches the headline.
        hours=tuple(minutes / 60 for _, minutes in by_mode.values()))
    fig.tables["sessions_by_kind"] = RawTable(
        "sessions_by_kind", "One-to-one sessions by kind", "Kind", ("Sessions",),
        tuple((k.label, (c,)) for k, c in by_kind.items()))
    return [(str(day), int(count)) for day, _, _, count, _ in rows]


def _groups(db: Database, period: Period, span: Period, fig: RawFigures
            ) -> list[tuple[str, int]]:
    """The period's group figures; returns the attendances of each day in `span`."""
    meetings, groups, anonymous = _q(
        db, "SELECT count(*), count(DISTINCT group_id), coalesce(sum(anonymous_count), 0) "
            "FROM meeting WHERE held_on BETWEEN :s AND :e AND status = 'held'", period)[0]
    # By day in the order of the meeting_by_date index, so nothing is sorted.
    days = [(str(day), int(count)) for day, count in _q(
        db, "SELECT m.held_on, count(*) FROM meeting AS m "
            "JOIN attendance AS a ON a.meeting_id = m.id WHERE m.held_on BETWEEN :s AND :e "
            f"AND m.status = 'held' AND a.mark = 'attended' AND a.peer_id NOT IN {EXCLUDED} "
            "GROUP BY m.held_on", span)]
    attendances = sum(count for day, count in days if _within(day, period))
    attendees = db.query(f"SELECT count(*) FROM {SUPPORTED} WHERE attended")[0][0]
    fig.headlines.update(groups_run=int(groups), meetings_held=int(meetings),
                         attendances=attendances, unique_attendees=int(attendees),
                         anonymous_headcount=int(anonymous))
    return days


def _people(db: Database, period: Period, fig: RawFigures) -> None:
    fig.headlines["peers_supported"] = int(db.query(f"SELECT count(*) FROM {SUPPORTED}")[0][0])
    # Both tables from one pass over the peers supported, each read from the narrow
    # profile index rather than the peer's whole row (the planner would take the rows,
    # by id: many more pages to decrypt).
    profiles = db.query(f"SELECT age_band, gender, count(*) FROM peer INDEXED BY "
                        f"peer_profile_by_id WHERE id IN (SELECT peer_id FROM {SUPPORTED}) "
                        "GROUP BY 1, 2")
    bands = {b.value: (b.label or "Not recorded") for b in AgeBand}
    fig.tables["age"] = RawTable(
        "age", "Peers supported by age", "Age band", ("Peers",),
        _by([(band, count) for band, _, count in profiles], bands))
    genders = {"woman": "Woman", "man": "Man", "non_binary": "Non-binary",
               "self_described": "Describes another way",
               "prefer_not_to_say": "Prefers not to say", "": "Not recorded"}
    assert set(genders) == {g.value for g in Gender}
    fig.tables["gender"] = RawTable(
        "gender", "Peers supported by gender", "Gender", ("Peers",),
        _by([(gender, count) for _, gender, count in profiles], genders))
    new = _q(db, "SELECT contact_route, count(*) FROM peer WHERE first_contact BETWEEN :s AND :e "
                 f"AND id NOT IN {EXCLUDED} GROUP BY 1", period)
    fig.headlines["new_peers"] = sum(int(c) for _, c in new)
    fig.tables["contact_route"] = RawTable(
        "contact_route", "How new peers first made contact", "First contact", ("New peers",),
        _by(new, {r.value: r.label for r in ContactRoute}))


def _referrals_and_follow_ups(db: Database, period: Period, fig: RawFigures) -> None:
    statuses = ("made", "accepted", "declined")
    counts = {d: dict.fromkeys(statuses, 0) for d in ReferralDestination}
    for destination, status, count in _q(
            db, "SELECT destination, status, count(*) FROM referral WHERE made_on BETWEEN :s "
                f"AND :e AND peer_id NOT IN {EXCLUDED} GROUP BY 1, 2", period):
        counts[ReferralDestination(destination)][status] += int(count)
    fig.headlines["referrals"] = sum(sum(c.values()) for c in counts.values())
    fig.tables["referrals"] = RawTable(
        "referrals", "Referrals by destination", "Referred to",
        ("Awaiting reply", "Accepted", "Declined"),
        tuple((d.label, tuple(counts[d][s] for s in statuses)) for d in ReferralDestination),
        row_total_column="All referrals")
    on_time, late, still_open = _q(
        db, "SELECT count(*) FILTER (WHERE follow_up_done_on <= follow_up_on), "
            "count(*) FILTER (WHERE follow_up_done_on > follow_up_on), "
            "count(*) FILTER (WHERE follow_up_done_on IS NULL) FROM one_to_one "
            f"WHERE follow_up_on BETWEEN :s AND :e AND peer_id NOT IN {EXCLUDED}", period)[0]
    fig.headlines["follow_ups_due"] = int(on_time) + int(late) + int(still_open)
    fig.headlines["follow_ups_on_time"] = int(on_time)
    fig.tables["follow_ups"] = RawTable(
        "follow_ups", "Follow-ups due in the period", "Follow-ups", ("Follow-ups",),
        (("Done on time", (int(on_time),)), ("Done late", (int(late),)),
         ("Not done yet", (int(still_open),))))


# A score where higher is better: UCLA loneliness counts the other way, and
# ONS4's fourth item (anxiety, the number after the last comma) does too.
_BETTER = (
    "CASE m.kind WHEN 'ucla3' THEN -{t}.total "
    "WHEN 'ons4' THEN {t}.total - 2 * CAST(substr({t}.scores, "
    "length(rtrim({t}.scores, '0123456789')) + 1) AS INTEGER) ELSE {t}.total END"
)


def _outcomes(db: Database, period: Period, fig: RawFigures) -> None:
    """First and latest rating up to the period's end, for peers supported in it."""
    rows = _q(
        db, "SELECT measure_key, "
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
            "GROUP BY measure_key ORDER BY measure_key", period)
    titles = {str(k): str(t) for k, t in db.query("SELECT key, title FROM measure")}
    fig.tables["outcomes"] = RawTable(
        "outcomes", "Change between first and latest rating", "Measure",
        ("Better", "No change", "Worse"),
        tuple((titles.get(key, key), (int(b), int(s), int(w))) for key, b, s, w in rows),
        total_row=False, row_total_column="Peers rated twice or more",
        note="Peers supported in the period with two or more complete ratings up to its "
             "end (every item answered; corrected values, deleted ratings left out); first "
             "and latest compared. Less loneliness and less anxiety count as better.")


__all__ = ["RawFigures", "RawTable", "RawTrend", "compute"]
