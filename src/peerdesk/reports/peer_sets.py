"""The sets of peers that many of the report's counts share, worked out once per report.

Peers left out (statistics consent withdrawn), peers seen each month of the
trend window and peers supported in the period (each marked when they
attended a group meeting) used to be recounted by each statement that
needed them: "peers supported" alone four times, each a pass over the
period's sessions and group attendances, which made the year report miss
its time. They go into temporary tables on the report's
own connection instead. A connection keeps its temporary tables in memory
(storage.database sets PRAGMA temp_store = MEMORY), so these peer ids never
reach the disk unencrypted, and the tables are dropped as soon as the
counts are done.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta

from peerdesk.reports.period import Period
from peerdesk.storage.database import Database

# Statements name these tables; only this module creates and drops them.
EXCLUDED = "temp.report_excluded"
SEEN = "temp.report_seen"
SUPPORTED = "temp.report_supported"

# A peer is left out when their most recent statistics consent is withdrawn. Each
# withdrawn one looks the latest up in the index of statistics consents only (the
# planner would take the index of every consent, three times the pages).
_FILL_EXCLUDED = (
    f"INSERT INTO {EXCLUDED} (peer_id) "
    "SELECT c.peer_id FROM consent AS c WHERE c.scope = 'statistics' "
    "AND c.withdrawn_on IS NOT NULL AND c.id = (SELECT c2.id FROM consent AS c2 "
    "INDEXED BY consent_statistics_by_peer "
    "WHERE c2.peer_id = c.peer_id AND c2.scope = 'statistics' "
    "ORDER BY c2.given_on DESC, c2.id DESC LIMIT 1)"
)

_ATTENDED = (
    "FROM meeting AS m JOIN attendance AS a ON a.meeting_id = m.id "
    "WHERE m.held_on BETWEEN :s AND :e AND m.status = 'held' AND a.mark = 'attended' "
    f"AND a.peer_id NOT IN {EXCLUDED}"
)
_HAD_SESSION = f"FROM one_to_one WHERE held_on BETWEEN :s AND :e AND peer_id NOT IN {EXCLUDED}"

# Each (month, peer) with a group meeting attended or a one-to-one session;
# `attended` says whether a meeting was among them. Attendances go in first,
# so a session in the same month leaves the mark as it is. The primary key
# drops the repeats as rows go in, which costs less than sorting them out.
_FILL_SEEN = (
    f"INSERT OR IGNORE INTO {SEEN} (month, peer_id, attended) "
    f"SELECT substr(m.held_on, 1, 7), a.peer_id, 1 {_ATTENDED}",
    f"INSERT OR IGNORE INTO {SEEN} (month, peer_id, attended) "
    f"SELECT substr(held_on, 1, 7), peer_id, 0 {_HAD_SESSION}",
)

_SUPPORTED_FROM_SEEN = (
    f"INSERT INTO {SUPPORTED} (peer_id, attended) "
    f"SELECT peer_id, max(attended) FROM {SEEN} WHERE month BETWEEN :first AND :last "
    "GROUP BY peer_id"
)

# For a period that does not fall on whole months of the trend window (a
# custom range): the same peers, counted from the period's own days.
_SUPPORTED_BY_DAY = (
    f"INSERT OR IGNORE INTO {SUPPORTED} (peer_id, attended) SELECT a.peer_id, 1 {_ATTENDED}",
    f"INSERT OR IGNORE INTO {SUPPORTED} (peer_id, attended) SELECT peer_id, 0 {_HAD_SESSION}",
)


def _dates(period: Period) -> dict[str, str]:
    return {"s": period.start.isoformat(), "e": period.end.isoformat()}


def _whole_months_within(period: Period, window: Period) -> bool:
    ends_a_month = (period.end + timedelta(days=1)).day == 1
    return (period.start.day == 1 and ends_a_month
            and window.start <= period.start and period.end <= window.end)


def _drop(db: Database) -> None:
    for table in (SUPPORTED, SEEN, EXCLUDED):
        db.execute(f"DROP TABLE IF EXISTS {table}")


@contextmanager
def prepared(db: Database, period: Period, window: Period | None = None) -> Iterator[None]:
    """Fill the tables for `period` and the trend `window`; drop them on leaving.

    `window` is whole months; report_seen holds its months only. Without one
    (a report's trend bars come from the release register) report_seen stays
    empty and the peers supported are counted from the period's own days.
    """
    # A report that failed on this connection may have left them behind.
    _drop(db)
    try:
        db.execute(f"CREATE TABLE {EXCLUDED} (peer_id INTEGER PRIMARY KEY)")
        db.execute(_FILL_EXCLUDED)
        db.execute(f"CREATE TABLE {SEEN} (month TEXT NOT NULL, peer_id INTEGER NOT NULL, "
                   "attended INTEGER NOT NULL, PRIMARY KEY (month, peer_id)) WITHOUT ROWID")
        if window is not None:
            for fill in _FILL_SEEN:
                db.execute(fill, _dates(window))
        db.execute(f"CREATE TABLE {SUPPORTED} (peer_id INTEGER PRIMARY KEY, "
                   "attended INTEGER NOT NULL)")
        if window is not None and _whole_months_within(period, window):
            db.execute(_SUPPORTED_FROM_SEEN, {"first": f"{period.start:%Y-%m}",
                                              "last": f"{period.end:%Y-%m}"})
        else:
            for fill in _SUPPORTED_BY_DAY:
                db.execute(fill, _dates(period))
        yield
    finally:
        _drop(db)


__all__ = ["EXCLUDED", "SEEN", "SUPPORTED", "prepared"]
