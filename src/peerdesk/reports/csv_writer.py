"""The anonymised report as CSV: one row per figure, the same text the PDF prints.

Spreadsheets run a cell that starts with = + - @ (or a tab or carriage return
that hides one) as a formula, so any such cell is prefixed with a single quote,
in every column. Hidden cells keep their printed form ("<5", "*", "–").
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from peerdesk.reports.model import Report, anchor_line

HEADER = ("section", "table", "row", "column", "value")

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(text: str) -> str:
    """`text` made safe to open in a spreadsheet."""
    return "'" + text if text.startswith(_FORMULA_START) else text


PREVIEW_MARK = "Preview — not for publication"


def rows(report: Report) -> Iterator[tuple[str, str, str, str, str]]:
    """The figures of `report`, one (section, table, row, column, value) each, unescaped.

    The first rows say which period it covers, which release it is (or that it
    is a preview) and the audit anchor when it was counted, so a file keeps
    that when it travels alone."""
    yield ("", "release", "Period", "", f"{report.start.isoformat()}..{report.end.isoformat()}")
    yield ("", "release", "Release", "", PREVIEW_MARK if report.preview or not
           report.release_code else report.release_code)
    if report.anchor:
        yield ("", "release", "Audit anchor", "", anchor_line(report))
    for headline in report.headlines:
        yield ("", "headline", headline.label, "", headline.cell.shown)
    for section in report.sections:
        for table in section.tables:
            for label, cells in table.rows:
                for column, cell in zip(table.columns, cells, strict=True):
                    yield (section.title, table.key, label, column, cell.shown)
            if table.total is not None:
                for column, cell in zip(table.columns, table.total, strict=True):
                    yield (section.title, table.key, "Total", column, cell.shown)
        for trend in section.trends:
            for month, cell in zip(trend.months, trend.values, strict=True):
                yield (section.title, trend.key, month, trend.title, cell.shown)


def write_csv(report: Report, out: TextIO | Path) -> None:
    """Write `report` to `out` as UTF-8 CSV with a header row."""
    if isinstance(out, Path):
        with out.open("w", encoding="utf-8", newline="") as handle:
            _write(report, handle)
    else:
        _write(report, out)


def _write(report: Report, handle: TextIO) -> None:
    writer = csv.writer(handle)
    writer.writerow(HEADER)
    for row in rows(report):
        writer.writerow([neutralise(field) for field in row])
