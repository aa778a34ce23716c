"""A centre that publishes: every release's CSV as a reader receives it, and the
real counts behind each (the attacker's oracle), moment by moment."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass, field

from peerdesk.reports import figures
from peerdesk.reports.cells import period_cells
from peerdesk.reports.csv_writer import write_csv
from peerdesk.reports.disclosure import Rules, render
from peerdesk.reports.model import Report
from peerdesk.reports.period import Period
from peerdesk.services import reports
from peerdesk.services.session import Session
from tests.reports.release_attacker import (
    PROGRAMME_NOT_COUNTS,
    Key,
    PeriodId,
    Published,
    attack,
    months_in,
)


def csv_text(report: Report) -> str:
    out = io.StringIO()
    write_csv(report, out)
    return out.getvalue()


def counts(session: Session, period: Period) -> dict[Key, int]:
    """Every figure of `period` as the CSV names it, nothing hidden."""
    raw = figures.compute(session.db, period)
    report = render(raw, period_cells(raw), frozenset(), Rules(), centre_name="")
    found: dict[Key, int] = {}
    for _, table, row, column, value in list(csv.reader(io.StringIO(csv_text(report))))[1:]:
        if table in ("release", "listening_summary") or table.startswith("trend_"):
            continue
        if table.startswith("programme_") and column in PROGRAMME_NOT_COUNTS:
            continue  # hours and shares beside the counts
        found[(table, row, column)] = int(value.replace(",", ""))
    return found


@dataclass
class Reader:
    """Everything published so far, and the oracle's counts."""

    session: Session
    k: int = 5
    epoch: int = 0
    published: list[Published] = field(default_factory=list)
    truth: dict[tuple[PeriodId, int], dict[Key, int]] = field(default_factory=dict)

    def changed(self) -> None:
        """The data changed: later releases count a new moment."""
        self.epoch += 1

    def publish(self, *periods: Period) -> list[Report]:
        out = []
        for period in periods:
            done = reports.publish(self.session, period)
            out.append(done.report)
            self.receive(done.report)
            for code in done.revised:
                self.receive(self._release(code))
        return out

    def receive(self, report: Report) -> None:
        self.published.append(Published(csv_text(report), self.epoch))
        whole = Period(report.start, report.end, "", "custom")
        for start, end in [(whole.start, whole.end), *months_in((whole.start, whole.end))]:
            key = ((start, end), self.epoch)
            if key not in self.truth:
                self.truth[key] = counts(self.session, Period(start, end, "", "custom"))

    def _release(self, code: str) -> Report:
        from peerdesk.reports.stored import report_from_json

        printed = self.session.db.scalar("SELECT printed FROM report_release WHERE code = ?",
                                         (code,))
        return report_from_json(str(printed))

    def attack(self, *, latent_signs: bool = True, rounded_by: int = 0
               ) -> dict[str, tuple[int, int]]:
        return attack(self.published, self.truth, self.k, latent_signs=latent_signs,
                      rounded_by=rounded_by)


def hidden_small(reader: Reader, tables: Iterable[str]) -> int:
    """How many figures of `tables` the reader's releases hid while their real count was
    from 1 to k-1: a test of them finding nothing is not a test if there are none."""
    from tests.reports.release_attacker import parse

    wanted = set(tables)
    found = 0
    for published in reader.published:
        period, _, values, _ = parse(published.csv_text)
        truth = reader.truth[(period, published.epoch)]
        found += sum(1 for key, text in values.items() if key[0] in wanted and text == "*"
                     and 1 <= truth.get(key, 0) < reader.k)
    return found


def months(year: int, which: Iterable[int]) -> list[Period]:
    return [Period.month(year, m) for m in which]


def a_year(year: int) -> list[Period]:
    return (months(year, range(1, 13)) + [Period.quarter(year, q) for q in range(1, 5)]
            + [Period.year(year)])


__all__ = ["Reader", "a_year", "counts", "csv_text", "hidden_small", "months"]
