"""What a report is, as plain data: the figures after disclosure control.

reports.figures counts; reports.disclosure turns counts into cells that are
safe to show; the PDF and CSV writers and the in-app preview only render a
`Report` and never query anything.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum


class CellState(StrEnum):
    SHOWN = "shown"          # the (possibly rounded) count is printed
    PRIMARY = "primary"      # no longer printed: a small count is hidden as "*" like any other
    SECONDARY = "secondary"  # hidden (small or not; a reader can't tell which); printed "*"
    NOT_APPLICABLE = "n/a"   # e.g. hours for a hidden session count; printed as "–"


@dataclass(frozen=True, slots=True)
class Cell:
    shown: str               # exactly what the PDF, CSV and preview print
    state: CellState
    value: int | None        # the number printed, or None when hidden

    @property
    def hidden(self) -> bool:
        return self.state is not CellState.SHOWN


@dataclass(frozen=True, slots=True)
class Table:
    key: str                          # stable id, used in the CSV
    title: str
    row_header: str                   # heading of the first column, e.g. "Mode"
    columns: tuple[str, ...]          # headings of the value columns
    rows: tuple[tuple[str, tuple[Cell, ...]], ...]
    total: tuple[Cell, ...] | None = None   # the "Total" row, when the table has one
    note: str = ""


@dataclass(frozen=True, slots=True)
class Headline:
    key: str
    label: str
    cell: Cell


@dataclass(frozen=True, slots=True)
class Trend:
    """A month-by-month series for a bar chart (12 months to the period's end)."""

    key: str
    title: str
    months: tuple[str, ...]           # "2025-12", …
    values: tuple[Cell, ...]


@dataclass(frozen=True, slots=True)
class Section:
    title: str
    intro: str = ""
    tables: tuple[Table, ...] = ()
    trends: tuple[Trend, ...] = ()


@dataclass(frozen=True, slots=True)
class Report:
    centre_name: str
    title: str                        # "Monthly report"
    period_label: str                 # "October 2026"
    start: date
    end: date                         # inclusive
    headlines: tuple[Headline, ...]
    sections: tuple[Section, ...]
    disclosure_rule: str              # one sentence on how small counts were protected
    exclusion_note: str = ""          # peers left out for withdrawn consent, when safe to say
    page_size: str = "A4"             # "A4" or "Letter"
    notes: tuple[str, ...] = field(default=())   # definitions printed at the end
    # The centre's own logo for the cover (PNG or JPEG bytes, checked when it was
    # chosen); stored in the vault, so a report never reads a file to draw it.
    logo: bytes | None = field(default=None, repr=False)
    # Publication (services.releases): the release's code ("2026-01 r1") on a
    # published report; `preview` on anything else, printed on every page.
    release_code: str = ""
    preview: bool = True
    revision_note: str = ""           # what a revision changed, in plain words
    protection: str = ""              # what protects the figures, for the last page
    # The audit log's head when the report was counted ("1234·9f2c1a0b",
    # storage.anchors), printed in the footer so that `peerdesk check --anchor`
    # can name a vault put back from an older copy. A stamp of the printing,
    # not a figure: two prints of one release are the same report.
    anchor: str = field(default="", compare=False)
    # "In their words": approved quotes whose "may be quoted" consent is current
    # at the moment of printing (services.reports fills it in just before each
    # print; consent withdrawn later takes the quote off every later print). Not a
    # figure: two prints of one release are the same report.
    quotes: tuple[str, ...] = field(default=(), compare=False)


QUOTES_TITLE = "In their words"
QUOTES_INTRO = ("Peers' own words, printed with their consent to be quoted without their "
                "name; each quote was approved by a programme lead.")


def anchor_line(report: Report) -> str:
    """The audit anchor as printed: "audit 1234·9f2c1a0b" (empty when there is none)."""
    return f"audit {report.anchor}" if report.anchor else ""
