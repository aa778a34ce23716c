"""Disclosure control: turn counts into cells that are safe to publish (DESIGN.md §5).

1. Primary suppression: a count from 1 to k-1 is printed as "<k".
2. Complementary suppression: every table is a set of equations (each row's
   cells add up to its row total, each column's to the Total row). Where an
   equation has exactly one hidden member it could be solved, so another member
   is hidden too (the smallest shown count, else the total), printed "*";
   repeated until no equation has a single hidden member.
3. Optional rounding of what is still shown: to base 5, or random rounding
   to base 3 (seeded, so the same report prints the same numbers).
Headline figures that equal a table's total share that cell, so a figure
hidden in a table is hidden in the headlines too.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from enum import StrEnum

from peerdesk.domain.errors import ValidationError
from peerdesk.reports.figures import RawFigures, RawTable, RawTrend
from peerdesk.reports.model import Cell, CellState, Headline, Report, Section, Table, Trend

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
        text = (f"Counts from 1 to {self.k - 1} are shown as <{self.k}; figures marked * are "
                "hidden so that a small count can't be worked out from the totals.")
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
    state = [[CellState.PRIMARY if 1 <= v < k else CellState.SHOWN for v in row]
             for row in grid]
    for r, c in forced:
        if state[r][c] is CellState.SHOWN:
            state[r][c] = CellState.SECONDARY
    while True:
        _hide_single_unknowns(grid, state, equations, k)
        exposed = _exposed(grid, state, equations, k)
        if not exposed:
            return state
        _hide_partner(exposed[0], grid, state, equations)


def _hide_single_unknowns(grid: list[list[int]], state: list[list[CellState]],
                          equations: list[list[tuple[int, int]]], k: int) -> None:
    changed = True
    while changed:
        changed = False
        for members in equations:
            if _solvable(members, grid, state, k) and _hide_partner(None, grid, state,
                                                                     [members]):
                changed = True


def _hide_partner(cell: tuple[int, int] | None, grid: list[list[int]],
                  state: list[list[CellState]], equations: list[list[tuple[int, int]]]
                  ) -> bool:
    """Hide one more member of an equation (containing `cell`, if given)."""
    for members in equations:
        if cell is not None and cell not in members:
            continue
        parts = [p for p in members[:-1] if state[p[0]][p[1]] is CellState.SHOWN]
        # The smallest non-zero shown part keeps the most information; hiding a
        # zero protects nothing when zeros are known to be zeros.
        candidates = sorted((grid[r][c], (r, c)) for r, c in parts if grid[r][c] > 0)
        r, c = candidates[0][1] if candidates else members[-1]
        if state[r][c] is CellState.SHOWN:
            state[r][c] = CellState.SECONDARY
            return True
    return False


def _exposed(grid: list[list[int]], state: list[list[CellState]],
             equations: list[list[tuple[int, int]]], k: int) -> list[tuple[int, int]]:
    """Small hidden counts a reader could still pin down by solving the table.

    The reader knows every shown cell, that "<k" is 1..k-1, that "*" is 0 or
    at least k, and every equation. Small cells are tried value by value;
    an equation with one unknown left fixes that unknown. A small cell with
    only one value in every solution is exposed.
    """
    hidden = [(r, c) for r, row in enumerate(state) for c, st_ in enumerate(row)
              if st_ is not CellState.SHOWN]
    primary = [p for p in hidden if state[p[0]][p[1]] is CellState.PRIMARY]
    if not primary:
        return []
    known = {(r, c): grid[r][c] for r, row in enumerate(state) for c, st_ in enumerate(row)
             if st_ is CellState.SHOWN}
    seen: dict[tuple[int, int], set[int]] = {p: set() for p in primary}
    budget = [20_000]  # tables are small; stop rather than hang on a pathological one

    def fits(p: tuple[int, int], v: int) -> bool:
        if state[p[0]][p[1]] is CellState.PRIMARY:
            return 1 <= v < k
        return v == 0 or v >= k

    def propagate(values: dict[tuple[int, int], int]) -> dict[tuple[int, int], int] | None:
        values = dict(values)
        progress = True
        while progress:
            progress = False
            for members in equations:
                unknown = [p for p in members if p not in values]
                total, parts = members[-1], members[:-1]
                if not unknown:
                    if sum(values[p] for p in parts) != values[total]:
                        return None
                elif len(unknown) == 1:
                    u = unknown[0]
                    if u == total:
                        v = sum(values[p] for p in parts)
                    else:
                        v = values[total] - sum(values[p] for p in parts if p != u)
                    if not fits(u, v):
                        return None
                    values[u] = v
                    progress = True
        return values

    def search(values: dict[tuple[int, int], int]) -> None:
        budget[0] -= 1
        if budget[0] < 0:
            return
        solved = propagate(values)
        if solved is None:
            return
        open_primary = [p for p in primary if p not in solved]
        if not open_primary:
            if all(p in solved for p in hidden):
                for p in primary:
                    seen[p].add(solved[p])
            else:
                # Only large hidden cells are left free: any consistent choice
                # exists (they are unbounded above), so record this solution.
                for p in primary:
                    seen[p].add(solved[p])
            return
        p = open_primary[0]
        for v in range(1, k):
            if all(len(seen[q]) >= 2 for q in primary):
                return
            search({**solved, p: v})

    search(known)
    if budget[0] < 0:
        return []
    return [p for p in primary if len(seen[p]) == 1]


def _solvable(members: list[tuple[int, int]], grid: list[list[int]],
              state: list[list[CellState]], k: int) -> bool:
    """Could a reader work out a hidden member of this equation on its own?

    Yes when exactly one member is hidden, and also when the total is shown,
    every hidden part is a small count and what they must add up to leaves
    them no choice (all of them 1, or all of them k-1).
    """
    hidden = [p for p in members if state[p[0]][p[1]] is not CellState.SHOWN]
    if len(hidden) == 1:
        return True
    total = members[-1]
    if not hidden or total in hidden:
        return False
    if any(state[r][c] is not CellState.PRIMARY for r, c in hidden):
        return False
    remainder = sum(grid[r][c] for r, c in hidden)
    return remainder in (len(hidden), len(hidden) * (k - 1))


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
    grid, equations = table_grid(raw)
    forced = frozenset((len(grid) - 1, c) for c in range(len(grid[-1]))) if (
        hide_total and raw.total_row and raw.rows) else frozenset()
    states = suppress(grid, equations, rules.k, forced)
    cells = [[_cell(v, s, rules) for v, s in zip(row, srow, strict=True)]
             for row, srow in zip(grid, states, strict=True)]
    columns = raw.columns + ((raw.row_total_column,) if raw.row_total_column else ())
    if raw.hours is not None:
        # Hours belong to the first count: hidden with it, never rounded.
        columns = (columns[0], "Hours", *columns[1:])
        hours = [*raw.hours, round(sum(raw.hours), 1)]
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
                 "new_peers": ("contact_route",), "follow_ups_due": ("follow_ups",)}
# Monthly series whose months inside the period add up to a headline.
ADDITIVE_TRENDS = {"trend_sessions": "sessions", "trend_attendances": "attendances"}


def _total_hidden(table: Table) -> bool:
    return table.total is not None and table.total[0].hidden


def protect_tables(raw: RawFigures, rules: Rules) -> dict[str, Table]:
    hide: set[str] = set()
    while True:
        tables = {key: protect_table(t, rules, hide_total=key in hide)
                  for key, t in raw.tables.items()}
        more = {member for members in LINKED_TOTALS.values()
                if any(_total_hidden(tables[m]) for m in members)
                for member in members} - hide
        if not more:
            return tables
        hide |= more


def protect_trend(raw: RawTrend, rules: Rules, period_months: set[str],
                  headline: Cell | None, headline_value: int) -> Trend:
    """Months, plus the headline they add up to (or equal), as one equation."""
    inside = [i for i, m in enumerate(raw.months) if m in period_months]
    grid = [[*raw.values, headline_value]]
    last = len(raw.values)
    equations = [[(0, i) for i in inside] + [(0, last)]] if headline is not None else []
    forced = frozenset({(0, last)}) if headline is not None and headline.hidden else frozenset()
    states = suppress(grid, equations, rules.k, forced)[0]
    return Trend(raw.key, raw.title, raw.months, tuple(
        _cell(v, s, rules) for v, s in zip(raw.values, states[:last], strict=True)))


_HEADLINES = (
    ("peers_supported", "Peers supported"), ("new_peers", "New peers"),
    ("sessions", "One-to-one sessions"), ("session_hours", "Hours of one-to-one support"),
    ("groups_run", "Groups run"), ("meetings_held", "Group meetings held"),
    ("attendances", "Group attendances"), ("unique_attendees", "Different people at groups"),
    ("anonymous_headcount", "Anonymous head-count at groups"),
    ("referrals", "Referrals made"), ("follow_ups_on_time", "Follow-ups done on time"),
)


def protect(raw: RawFigures, rules: Rules, *, centre_name: str, page_size: str = "A4",
            title: str | None = None) -> Report:
    rules = rules.checked()
    tables = protect_tables(raw, rules)
    cells: dict[str, Cell] = {}
    for key, (table_key, *_) in LINKED_TOTALS.items():
        total = tables[table_key].total
        assert total is not None
        cells[key] = total[0]
    sessions = cells["sessions"]
    cells["session_hours"] = (Cell(f"{raw.session_hours:,.1f}", CellState.SHOWN, None)
                              if not sessions.hidden
                              else Cell("–", CellState.NOT_APPLICABLE, None))
    for key, _ in _HEADLINES:
        if key not in cells:
            value = raw.headlines[key]
            cells[key] = _cell(value, CellState.PRIMARY if 1 <= value < rules.k
                               else CellState.SHOWN, rules)
    headlines = [Headline(key, label, cells[key]) for key, label in _HEADLINES]
    period_months = {m for m, _, _ in raw.period.trend_months(
        len(raw.trends[0].months) if raw.trends else 12) if raw.period.start.isoformat()[:7]
        <= m <= raw.period.end.isoformat()[:7]}
    protected: list[Trend] = []
    for trend in raw.trends:
        linked = ADDITIVE_TRENDS.get(trend.key)
        if linked is None and trend.key == "trend_peers" and raw.period.kind == "month":
            linked = "peers_supported"  # one month: that month's count is the headline
        protected.append(protect_trend(
            trend, rules, period_months, cells.get(linked) if linked else None,
            raw.headlines.get(linked, 0) if linked else 0))
    trends = tuple(protected)
    sections = (
        Section("One-to-one support", tables=(tables["sessions_by_mode"],
                                              tables["sessions_by_kind"])),
        Section("Who we supported", "Peers with a one-to-one session or a group attendance in "
                "the period.", (tables["age"], tables["gender"], tables["contact_route"])),
        Section("Referrals and follow-ups", tables=(tables["referrals"], tables["follow_ups"])),
        Section("Outcomes", tables=(tables["outcomes"],)),
        Section("The last twelve months", trends=trends),
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
            "No names, reference codes, dates of birth or notes appear in this report.",
        ),
    )
