"""The release register: reports published for a period, frozen (docs/disclosure.md)."""

from __future__ import annotations

import json
from dataclasses import dataclass

from peerdesk.storage.database import Database


@dataclass(frozen=True, slots=True)
class ReleaseRow:
    id: int
    code: str
    period_kind: str
    start_on: str
    end_on: str
    revision: int
    revises: int | None
    published_at: str
    published_by: int
    k: int
    rounding: str
    counts: str
    hidden: tuple[str, ...]
    printed: str
    together: tuple[int, ...]
    note: str


_COLUMNS = ("id, code, period_kind, start_on, end_on, revision, revises, published_at, "
            "published_by, k, rounding, counts, hidden, printed, together, note")


def _row(r: tuple[object, ...]) -> ReleaseRow:
    return ReleaseRow(int(r[0]), str(r[1]), str(r[2]), str(r[3]), str(r[4]), int(r[5]),  # type: ignore[call-overload]
                      None if r[6] is None else int(r[6]), str(r[7]), int(r[8]),  # type: ignore[call-overload]
                      int(r[9]), str(r[10]), str(r[11]), tuple(json.loads(str(r[12]))),  # type: ignore[call-overload]
                      str(r[13]), tuple(int(i) for i in json.loads(str(r[14]))), str(r[15]))


def insert(db: Database, *, code: str, period_kind: str, start_on: str, end_on: str,
           revision: int, revises: int | None, published_at: str, published_by: int, k: int,
           rounding: str, counts: str, hidden: list[str], printed: str, note: str) -> int:
    db.execute(
        "INSERT INTO report_release (code, period_kind, start_on, end_on, revision, revises, "
        "published_at, published_by, k, rounding, counts, hidden, printed, note) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (code, period_kind, start_on, end_on, revision, revises, published_at, published_by,
         k, rounding, counts, json.dumps(sorted(hidden)), printed, note))
    return int(db.scalar("SELECT last_insert_rowid()"))


def set_together(db: Database, release_id: int, together: list[int]) -> None:
    db.execute("UPDATE report_release SET together = ? WHERE id = ?",
               (json.dumps(sorted(together)), release_id))


def in_year(db: Database, year: int) -> list[ReleaseRow]:
    """Every release (every revision) of a period within `year`, oldest first."""
    return [_row(r) for r in db.query(
        f"SELECT {_COLUMNS} FROM report_release WHERE start_on BETWEEN ? AND ? ORDER BY id",
        (f"{year:04d}-01-01", f"{year:04d}-12-31"))]


def history(db: Database) -> list[ReleaseRow]:
    """Every release, newest first."""
    return [_row(r) for r in db.query(
        f"SELECT {_COLUMNS} FROM report_release ORDER BY id DESC")]


def latest_months(db: Database, first: str, last: str) -> list[tuple[str, str]]:
    """(month "YYYY-MM", printed report) of the latest release of each month from
    `first` to `last` (start dates)."""
    return [(str(start)[:7], str(printed)) for start, printed in db.query(
        "SELECT r.start_on, r.printed FROM report_release AS r "
        "WHERE r.period_kind = 'month' AND r.start_on BETWEEN ? AND ? "
        "AND r.revision = (SELECT max(x.revision) FROM report_release AS x "
        "WHERE x.start_on = r.start_on AND x.end_on = r.end_on)", (first, last))]


__all__ = ["ReleaseRow", "history", "in_year", "insert", "latest_months", "set_together"]
