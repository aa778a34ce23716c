"""Disclosure control: turn counts into cells that are safe to publish (DESIGN.md §5).

1. Primary suppression: a count from 1 to k-1 is printed as "<k".
2. Complementary suppression ("*"), over the whole report at once: every table
   is a set of equations (each row's cells add up to its row total, each
   column's to the Total row), tables that share a total share one cell, and a
   headline is the same cell as the table total or table cell it equals, as is
   the sum of a trend's months inside the period. See reports.suppression:
   two hidden members per equation, then an exact reader's solver
   (reports.solver) and one more hidden cell near anything it can still pin,
   until it pins nothing.
3. Optional rounding of what is still shown: to base 5, or random rounding
   to base 3 (seeded, so the same report prints the same numbers).

The guarantee. A reader who knows every printed number exactly, that "<k" is
1..k-1, that "*" is 0 or at least k (stronger than the printed rule, which
says only that it is hidden), every equation above, and that counts are whole
numbers, cannot work out the exact value of any hidden cell, "<k" or "*":
each can take at least two values in tables that fit everything printed.
That is a protection interval of width one or more. It is not more: a
reader may narrow a "<5" to, say, 2 or 3. When k-1 small counts make up a
small total (so all must be 1) and there is nothing left to hide, a small
count is printed "*" rather than "<k"; the printed rule says a "*" may be any
size. Rounding only adds uncertainty, so it is left out of the check. Not
covered: differences between two reports (this month's against last
month's, or overlapping custom ranges), hours of hidden session counts
worked out from the hours shown, and inequalities such as unique attendees
never exceeding peers supported.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from enum import StrEnum

from peerdesk.domain.errors import ValidationError
from peerdesk.reports import listening_figures as listening
from peerdesk.reports.figures import RawFigures, RawTable
from peerdesk.reports.model import Cell, CellState, Headline, Report, Section, Table, Trend
from peerdesk.reports.suppression import suppress_cells

MIN_K = 3
DEFAULT_K = 5


class Rounding(StrEnum):
    NONE = "none"
    BASE_5 = "base5"
    RANDOM_3 = "random3"

    @property
    def label(self) -> str:
        return {"none": "No rounding", "base5": "Round to the nearest 5",
                "random3": "Random rounding to base 3"}[self.value]


@dataclass(frozen=True, slots=True)
class Rules:
    k: int = DEFAULT_K
    rounding: Rounding = Rounding.NONE
    seed: int = 0

    def checked(self) -> Rules:
        if not isinstance(self.k, int) or self.k < MIN_K:
            raise ValidationError(f"The disclosure threshold must be at least {MIN_K}.",
                                  field="k")
        if self.k > 50:
            raise ValidationError("A disclosure threshold above 50 would hide almost "
                                  "everything.", field="k")
        return self

    def sentence(self) -> str:
        text = (f"Counts from 1 to {self.k - 1} are shown as <{self.k}; figures marked * "
                "(of any size) are hidden so that a small count can't be worked out from "
                "the totals.")
        if self.rounding is Rounding.BASE_5:
            text += " Other counts are rounded to the nearest 5, totals separately."
        elif self.rounding is Rounding.RANDOM_3:
            text += (" Other counts are randomly rounded to a multiple of 3, totals "
                     "separately.")
        return text


# -- suppression on a grid ------------------------------------------------------------


def suppress(grid: list[list[int]], equations: list[list[tuple[int, int]]], k: int,
             forced: frozenset[tuple[int, int]] = frozenset()) -> list[list[CellState]]:
    """States for every cell of `grid` given linear `equations` (lists of cell
    positions whose first n-1 members add up to the last). `forced` cells are
    hidden because they are hidden elsewhere (a total another table hid)."""
    ledger = _Ledger()
    ids = ledger.grid(grid)
    states = suppress_cells(ledger.values, [[ids[r][c] for r, c in members]
                                            for members in equations], k,
                            frozenset(ids[r][c] for r, c in forced))
    return [[states[i] for i in row] for row in ids]


class _Ledger:
    """Every number a report prints, numbered, and the equations a reader knows."""

    def __init__(self) -> None:
        self.values: list[int] = []
        self.equations: list[list[int]] = []

    def add(self, value: int) -> int:
        self.values.append(value)
        return len(self.values) - 1

    def grid(self, grid: list[list[int]],
             equations: list[list[tuple[int, int]]] | None = None) -> list[list[int]]:
        ids = [[self.add(v) for v in row] for row in grid]
        for members in equations or []:
            self.equations.append([ids[r][c] for r, c in members])
        return ids

    def adds_up(self, parts: list[int], total: int) -> None:
        # Only what is true goes in: were two counts of one thing ever to
        # differ, a reader would see it, and the solver must start from a
        # table that fits.
        if sum(self.values[p] for p in parts) == self.values[total]:
            self.equations.append([*parts, total])


def table_grid(raw: RawTable) -> tuple[list[list[int]], list[list[tuple[int, int]]]]:
    """The table's counts with its totals, and the equations that tie them."""
    rows = [list(values) for _, values in raw.rows]
    width = len(raw.columns)
    if raw.row_total_column:
        for row in rows:
            row.append(sum(row))
    grid = rows[:]
    if raw.total_row:
        grid.append([sum(r[c] for r in rows) for c in range(len(grid[0]) if rows else width)])
    equations: list[list[tuple[int, int]]] = []
    if raw.row_total_column:
        equations += [[(r, c) for c in range(width + 1)] for r in range(len(grid))]
    if raw.total_row and rows:
        equations += [[(r, c) for r in range(len(grid))] for c in range(len(grid[0]))]
    return grid, equations


# -- rounding and cells ---------------------------------------------------------------


def _rounded(value: int, rules: Rules) -> int:
    if rules.rounding is Rounding.BASE_5:
        return int(5 * ((value + 2) // 5)) if value % 5 else value
    if rules.rounding is Rounding.RANDOM_3:
        # Seeded by the value too: the same count printed twice (a headline and
        # a table total) rounds the same way, so two roundings can't be compared.
        low, rest = value - value % 3, value % 3
        draw = random.Random(f"{rules.seed}:{value}").random()
        return low + 3 if rest and draw < rest / 3 else low
    return value


def _cell(value: int, state: CellState, rules: Rules) -> Cell:
    if state is CellState.PRIMARY:
        return Cell(f"<{rules.k}", state, None)
    if state is CellState.SECONDARY:
        return Cell("*", state, None)
    shown = _rounded(value, rules)
    return Cell(f"{shown:,}", CellState.SHOWN, shown)


def protect_table(raw: RawTable, rules: Rules, *, hide_total: bool = False) -> Table:
    """One table on its own (`hide_total`: its total is hidden elsewhere)."""
    ledger = _Ledger()
    ids = ledger.grid(*table_grid(raw))
    total = _grand_total(raw, ids)
    forced = frozenset({total}) if hide_total and total is not None else frozenset()
    return _table(raw, ids, ledger.values, suppress_cells(ledger.values, ledger.equations,
                                                          rules.k, forced), rules)


def _grand_total(raw: RawTable, ids: list[list[int]]) -> int | None:
    if not (raw.total_row and raw.rows):
        return None
    if raw.row_total_column:
        return ids[-1][-1]
    return ids[-1][0] if len(raw.columns) == 1 else None


def _table(raw: RawTable, ids: list[list[int]], values: list[int], states: list[CellState],
           rules: Rules) -> Table:
    cells = [[_cell(values[i], states[i], rules) for i in row] for row in ids]
    columns = raw.columns + ((raw.row_total_column,) if raw.row_total_column else ())
    if raw.hours is not None:
        # Hours belong to the first count: hidden with it, never rounded.
        columns = (columns[0], "Hours", *columns[1:])
        # Each figure is rounded once, when printed. The total is whole minutes
        # over 60, the same division as the headline "hours of one-to-one
        # support", so the two agree (a total of rounded rows, or a float sum,
        # could differ from it by a tenth).
        minutes = sum(round(h * 60) for h in raw.hours)
        hours = [*raw.hours, minutes / 60]
        for r, row in enumerate(cells):
            h = (Cell(f"{hours[r]:,.1f}", CellState.SHOWN, None) if not row[0].hidden
                 else Cell("–", CellState.NOT_APPLICABLE, None))
            row.insert(1, h)
    body = tuple((label, tuple(cells[i])) for i, (label, _) in enumerate(raw.rows))
    total = tuple(cells[-1]) if raw.total_row and raw.rows else None
    return Table(raw.key, raw.title, raw.row_header, columns, body, total, raw.note)


# Tables whose totals are one and the same number (and the headline it is):
# if any of them must hide it, all of them do.
LINKED_TOTALS = {"peers_supported": ("gender", "age"),
                 "sessions": ("sessions_by_mode", "sessions_by_kind"),
                 "new_peers": ("contact_route",), "follow_ups_due": ("follow_ups",),
                 "referrals": ("referrals",),
                 listening.HEADLINE[0]: listening.TOTALLED}
# Headlines that are one cell of a table: (table, row, column).
HEADLINE_CELLS = {"follow_ups_on_time": ("follow_ups", 0, 0)}
# Monthly series whose months inside the period add up to a headline.
ADDITIVE_TRENDS = {"trend_sessions": "sessions", "trend_attendances": "attendances",
                   listening.TREND: listening.HEADLINE[0]}


_HEADLINES = (
    ("peers_supported", "Peers supported"), ("new_peers", "New peers"),
    ("sessions", "One-to-one sessions"), ("session_hours", "Hours of one-to-one support"),
    ("groups_run", "Groups run"), ("meetings_held", "Group meetings held"),
    ("attendances", "Group attendances"), ("unique_attendees", "Different people at groups"),
    ("anonymous_headcount", "Anonymous head-count at groups"),
    ("referrals", "Referrals made"), ("follow_ups_on_time", "Follow-ups done on time"),
    listening.HEADLINE,
)


def protect(raw: RawFigures, rules: Rules, *, centre_name: str, page_size: str = "A4",
            title: str | None = None) -> Report:
    rules = rules.checked()
    ledger = _Ledger()
    grids = {key: ledger.grid(*table_grid(t)) for key, t in raw.tables.items()}
    heads = {key: ledger.add(raw.headlines.get(key, 0)) for key, _ in _HEADLINES
             if key != "session_hours"}
    for key, members in LINKED_TOTALS.items():
        totals = [t for m in members if m in raw.tables
                  and (t := _grand_total(raw.tables[m], grids[m])) is not None]
        for t in totals[1:]:
            ledger.adds_up([t], totals[0])
        if key in heads and totals:
            ledger.adds_up([totals[0]], heads[key])
    for key, (table_key, r, c) in HEADLINE_CELLS.items():
        if raw.tables[table_key].rows:
            ledger.adds_up([grids[table_key][r][c]], heads[key])
    period_months = {m for m, _, _ in raw.period.trend_months(
        len(raw.trends[0].months) if raw.trends else 12) if raw.period.start.isoformat()[:7]
        <= m <= raw.period.end.isoformat()[:7]}
    months: dict[str, list[int]] = {}
    for trend in raw.trends:
        months[trend.key] = [ledger.add(v) for v in trend.values]
        linked = ADDITIVE_TRENDS.get(trend.key)
        if linked is None and trend.key == "trend_peers" and raw.period.kind == "month":
            linked = "peers_supported"  # one month: that month's count is the headline
        if linked in heads:
            ledger.adds_up([i for i, m in zip(months[trend.key], trend.months, strict=True)
                            if m in period_months], heads[linked])
    states = suppress_cells(ledger.values, ledger.equations, rules.k)
    tables = {key: _table(t, grids[key], ledger.values, states, rules)
              for key, t in raw.tables.items()}
    cells = {key: _cell(ledger.values[i], states[i], rules) for key, i in heads.items()}
    cells["session_hours"] = (Cell(f"{raw.session_hours:,.1f}", CellState.SHOWN, None)
                              if not cells["sessions"].hidden
                              else Cell("–", CellState.NOT_APPLICABLE, None))
    headlines = [Headline(key, label, cells[key]) for key, label in _HEADLINES]
    trends = tuple(Trend(t.key, t.title, t.months, tuple(
        _cell(ledger.values[i], states[i], rules) for i in months[t.key])) for t in raw.trends)
    sections = (
        Section("One-to-one support", tables=(tables["sessions_by_mode"],
                                              tables["sessions_by_kind"])),
        Section("Who we supported", "Peers with a one-to-one session or a group attendance in "
                "the period.", (tables["age"], tables["gender"], tables["contact_route"])),
        Section("Referrals and follow-ups", tables=(tables["referrals"], tables["follow_ups"])),
        Section("Outcomes", tables=(tables["outcomes"],)),
        *((listening.section(raw, tables, cells[listening.HEADLINE[0]], trends, rules.k),)
          if listening.TOTALLED[0] in tables else ()),
        Section("The last twelve months",
                trends=tuple(t for t in trends if t.key != listening.TREND)),
    )
    excluded = ""
    if raw.excluded_peers >= rules.k:
        excluded = (f"{raw.excluded_peers} people who withdrew their consent to be counted in "
                    "statistics are left out of every figure.")
    elif raw.excluded_peers:
        excluded = ("People who withdrew their consent to be counted in statistics are left "
                    "out of every figure.")
    kind = raw.period.kind
    return Report(
        centre_name=centre_name,
        title=title or {"month": "Monthly report", "quarter": "Quarterly report",
                        "year": "Annual report"}.get(kind, "Report"),
        period_label=raw.period.label, start=raw.period.start, end=raw.period.end,
        headlines=tuple(headlines), sections=sections, disclosure_rule=rules.sentence(),
        exclusion_note=excluded, page_size=page_size,
        notes=(
            "Peers supported: people with at least one one-to-one session or group "
            "attendance in the period.",
            "Anonymous head-count: people who came to a group but asked for no record.",
            "Follow-ups done on time: done on or before the date set.",
            "Listening-service contacts: calls, texts, emails, chats and visits logged "
            "without a person record, including those of people who later became peers.",
            "No names, reference codes, dates of birth or notes appear in this report.",
        ),
    )
