"""The sets of peers that many of the report's counts share, worked out once per report.

Peers left out (statistics consent withdrawn), peers seen each month of the
trend window and peers supported in the period used to be recounted by
each statement that needed them: "peers supported" alone four times, each
a pass over the period's sessions and group attendances, which made the
year report miss its time. They go into temporary tables on the report's
own connection instead. A connection keeps its temporary tables in memory
(storage.database sets PRAGMA temp_store = MEMORY), so these peer ids never
reach the disk unencrypted, and the tables are dropped as soon as the
counts are done.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

from peerdesk.reports.period import Period
from peerdesk.storage.database import Database

# Statements name these tables; only this module creates and drops them.
EXCLUDED = "temp.report_excluded"
SEEN = "temp.report_seen"
SUPPORTED = "temp.report_supported"

# A peer is left out when their most recent statistics consent is withdrawn.
_FILL_EXCLUDED = (
    f"INSERT INTO {EXCLUDED} (peer_id) "
    "SELECT c.peer_id FROM consent AS c WHERE c.scope = 'statistics' "
    "AND c.withdrawn_on IS NOT NULL AND c.id = (SELECT c2.id FROM consent AS c2 "
    "WHERE c2.peer_id = c.peer_id AND c2.scope = 'statistics' "
    "ORDER BY c2.given_on DESC, c2.id DESC LIMIT 1)"
)

# Each (month, peer) with a one-to-one session or a group meeting attended.
# The primary key drops the repeats as rows go in, which costs less than
# sorting the union of both first.
_FILL_SEEN = (
    f"INSERT OR IGNORE INTO {SEEN} (month, peer_id) "
    "SELECT substr(held_on, 1, 7), peer_id FROM one_to_one "
    f"WHERE held_on BETWEEN :s AND :e AND peer_id NOT IN {EXCLUDED} "
    "UNION ALL SELECT substr(m.held_on, 1, 7), a.peer_id FROM meeting AS m "
    "JOIN attendance AS a ON a.meeting_id = m.id WHERE m.held_on BETWEEN :s AND :e "
    f"AND m.status = 'held' AND a.mark = 'attended' AND a.peer_id NOT IN {EXCLUDED}"
)

_SUPPORTED_FROM_SEEN = (
    f"INSERT INTO {SUPPORTED} (peer_id) "
    f"SELECT DISTINCT peer_id FROM {SEEN} WHERE month BETWEEN :first AND :last"
)

# For a period that does not fall on whole months of the trend window (a
# custom range): the same peers, counted from the period's own days.
_SUPPORTED_BY_DAY = (
    f"INSERT OR IGNORE INTO {SUPPORTED} (peer_id) "
    f"SELECT peer_id FROM one_to_one WHERE held_on BETWEEN :s AND :e "
    f"AND peer_id NOT IN {EXCLUDED} "
    "UNION ALL SELECT a.peer_id FROM meeting AS m "
    "JOIN attendance AS a ON a.meeting_id = m.id WHERE m.held_on BETWEEN :s AND :e "
    f"AND m.status = 'held' AND a.mark = 'attended' AND a.peer_id NOT IN {EXCLUDED}"
)


def _dates(period: Period) -> dict[str, str]:
    return {"s": period.start.isoformat(), "e": period.end.isoformat()}


def _whole_months_within(period: Period, window: Period) -> bool:
    last_day = calendar.monthrange(period.end.year, period.end.month)[1]
    return (period.start.day == 1 and period.end == date(period.end.year, period.end.month,
                                                         last_day)
            and window.start <= period.start and period.end <= window.end)


def _drop(db: Database) -> None:
    for table in (SUPPORTED, SEEN, EXCLUDED):
        db.execute(f"DROP TABLE IF EXISTS {table}")


@contextmanager
def prepared(db: Database, period: Period, window: Period) -> Iterator[None]:
    """Fill the tables for `period` and the trend `window`; drop them on leaving.

    `window` is whole months; report_seen holds its months only.
    """
    # A report that failed on this connection may have left them behind.
    _drop(db)
    try:
        db.execute(f"CREATE TABLE {EXCLUDED} (peer_id INTEGER PRIMARY KEY)")
        db.execute(_FILL_EXCLUDED)
        db.execute(f"CREATE TABLE {SEEN} (month TEXT NOT NULL, peer_id INTEGER NOT NULL, "
                   "PRIMARY KEY (month, peer_id)) WITHOUT ROWID")
        db.execute(_FILL_SEEN, _dates(window))
        db.execute(f"CREATE TABLE {SUPPORTED} (peer_id INTEGER PRIMARY KEY)")
        if _whole_months_within(period, window):
            db.execute(_SUPPORTED_FROM_SEEN, {"first": f"{period.start:%Y-%m}",
                                              "last": f"{period.end:%Y-%m}"})
        else:
            db.execute(_SUPPORTED_BY_DAY, _dates(period))
        yield
    finally:
        _drop(db)


__all__ = ["EXCLUDED", "SEEN", "SUPPORTED", "prepared"]
