"""Disclosure control of one table or one report on its own, checked by an attacker
that solves exactly over everything printed (tests/reports/release_attacker.py).
Across reports: tests/reports/test_release_attacks.py."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from peerdesk.domain.errors import ValidationError
from peerdesk.reports import disclosure
from peerdesk.reports.disclosure import Rounding, Rules, rounded
from peerdesk.reports.figures import RawFigures, RawTable
from peerdesk.reports.period import Period
from peerdesk.reports.suppression import choose_hidden
from tests.reports.release_attacker import small_counts_kept_below_k


def check_table(raw: RawTable, k: int) -> list[list[bool]]:
    """Protect one table on its own; the attacker (written apart) finds no small
    count it can keep below k. Returns which cells are hidden."""
    grid, equations = grid_and_sums(raw)
    names = [[f"c{r}.{c}" for c in range(len(row))] for r, row in enumerate(grid)]
    truth = {names[r][c]: v for r, row in enumerate(grid) for c, v in enumerate(row)}
    rows = [((*((names[r][c], 1) for r, c in members[:-1]),
              (names[members[-1][0]][members[-1][1]], -1)), False) for members in equations]
    hidden = choose_hidden(truth, rows, hidden=set(), candidates=sorted(truth), latent={}, k=k)
    flags = [[names[r][c] in hidden for c in range(len(row))] for r, row in enumerate(grid)]
    for r, row in enumerate(grid):
        for c, v in enumerate(row):
            if 1 <= v < k:
                assert flags[r][c], "a small count is shown"
    assert small_counts_kept_below_k(grid, flags, equations, k) == {}
    return flags


def grid_and_sums(raw: RawTable) -> tuple[list[list[int]], list[list[tuple[int, int]]]]:
    """The table's counts with its totals, and the sums a reader knows (the
    test's own reading, not the code's)."""
    rows = [list(values) for _, values in raw.rows]
    width = len(raw.columns)
    if raw.row_total_column:
        rows = [[*row, sum(row)] for row in rows]
    grid = rows[:]
    if raw.total_row:
        grid.append([sum(r[c] for r in rows) for c in range(len(grid[0]))])
    equations: list[list[tuple[int, int]]] = []
    if raw.row_total_column:
        equations += [[(r, c) for c in range(width + 1)] for r in range(len(grid))]
    if raw.total_row:
        equations += [[(r, c) for r in range(len(grid))] for c in range(len(grid[0]))]
    return grid, equations


def raw_table(values: list[tuple[int, ...]], row_totals: bool) -> RawTable:
    cols = len(values[0])
    return RawTable("t", "T", "Row", tuple(f"c{i}" for i in range(cols)),
                    tuple((f"r{i}", v) for i, v in enumerate(values)),
                    total_row=True, row_total_column="All" if row_totals and cols > 1 else "")


def tables(max_rows: int, max_cols: int, top: int) -> st.SearchStrategy[tuple[RawTable, int]]:
    @st.composite
    def draw(data: st.DrawFn) -> tuple[RawTable, int]:
        rows, cols = data(st.integers(1, max_rows)), data(st.integers(1, max_cols))
        values = [tuple(data(st.integers(0, top)) for _ in range(cols)) for _ in range(rows)]
        return raw_table(values, data(st.booleans())), data(st.integers(3, 5))
    return draw()


@settings(max_examples=60, deadline=None)
@given(tables(4, 3, 12))
def test_no_small_count_can_be_kept_below_k(case: tuple[RawTable, int]) -> None:
    check_table(*case)


@pytest.mark.slow
@settings(max_examples=1_000, deadline=None)
@given(tables(6, 4, 30))
def test_no_small_count_can_be_kept_below_k_in_many_more_tables(
        case: tuple[RawTable, int]) -> None:
    check_table(*case)


# Tables the property test found (or that hung) before protection was checked
# by an exact solver.

def test_two_alike_rows_whose_stars_cannot_trade() -> None:
    check_table(raw_table([(1, 4), (9, 3), (1, 4), (12, 9)], row_totals=True), 4)


def test_a_table_that_made_suppression_loop_for_ever() -> None:
    check_table(raw_table([(1, 4), (1, 1), (1, 9)], row_totals=True), 4)


def test_small_counts_under_a_small_total_hide_the_total() -> None:
    # Four 1s make 4 with k=5: the total is a small count too.
    flags = check_table(raw_table([(1,), (1,), (1,), (1,)], row_totals=False), 5)
    assert all(row[0] for row in flags)


def test_a_single_small_cell_takes_a_partner_with_it() -> None:
    raw = RawTable("t", "T", "Mode", ("Sessions",),
                   (("In person", (93,)), ("Phone", (41,)), ("Other", (1,))))
    assert check_table(raw, 5) == [[False], [True], [True], [False]]


def test_a_hidden_figure_prints_the_same_mark_whatever_its_size() -> None:
    report = disclosure.protect(raw_figures(gender=(30, 2, 0), age=(32,)), Rules(k=5),
                                centre_name="C")
    gender = {t.key: t for s in report.sections for t in s.tables}["gender"]
    shown = [cells[0].shown for _, cells in gender.rows]
    assert shown == ["*", "*", "0"]  # the 30 and the 2 alike; a zero may show


def test_rounding_is_the_same_for_the_same_figure_everywhere() -> None:
    assert [rounded(v, Rules(rounding=Rounding.BASE_5), "x") for v in (12, 27, 40)] == \
        [10, 25, 40]
    three = Rules(k=5, rounding=Rounding.RANDOM_3, seed=7)
    for value in range(5, 60):
        first = rounded(value, three, "2026-01|sessions")
        assert first % 3 == 0 and abs(first - value) < 3
        assert all(rounded(value, three, "2026-01|sessions") == first for _ in range(5))


def test_the_threshold_has_a_floor() -> None:
    with pytest.raises(ValidationError, match="at least 3"):
        Rules(k=2).checked()


def raw_figures(gender: tuple[int, ...], age: tuple[int, ...]) -> RawFigures:
    one = lambda key, values: RawTable(key, key, "x", ("n",),  # noqa: E731
                                       tuple((f"{key}{i}", (v,)) for i, v in enumerate(values)))
    return RawFigures(
        Period.month(2026, 12),
        headlines={"sessions": 9, "peers_supported": sum(gender), "new_peers": 0,
                   "groups_run": 1, "meetings_held": 1, "attendances": 12,
                   "unique_attendees": 6, "anonymous_headcount": 0, "referrals": 0,
                   "follow_ups_due": 0, "follow_ups_on_time": 0},
        session_hours=9.0,
        tables={"sessions_by_mode": one("sessions_by_mode", (9,)),
                "sessions_by_kind": one("sessions_by_kind", (9,)),
                "gender": one("gender", gender), "age": one("age", age),
                "contact_route": one("contact_route", (0,)),
                "referrals": one("referrals", (0,)), "follow_ups": one("follow_ups", (0,)),
                "outcomes": RawTable("outcomes", "o", "m", ("b",), (), total_row=False)},
    )


def test_tables_that_share_a_total_hide_it_together() -> None:
    # Gender must hide its total (one small group and nothing else to hide);
    # age shows the same total unless linked, which would expose the 3.
    report = disclosure.protect(raw_figures(gender=(3,), age=(1, 2)), Rules(k=5),
                                centre_name="C")
    tables = {t.key: t for s in report.sections for t in s.tables}
    for key in ("gender", "age"):
        total = tables[key].total
        assert total is not None and total[0].hidden
    peers = next(h for h in report.headlines if h.key == "peers_supported")
    assert peers.cell.hidden


def test_a_months_own_bar_is_its_headline_and_unpublished_months_have_none() -> None:
    report = disclosure.protect(raw_figures(gender=(6, 6), age=(6, 6)), Rules(k=5),
                                centre_name="C", page_size="Letter")
    trends = {t.key: t for s in report.sections for t in s.trends}
    assert trends["trend_sessions"].values[-1].shown == "9"
    assert {c.shown for c in trends["trend_sessions"].values[:-1]} == {"–"}
    assert report.page_size == "Letter" and report.start == date(2026, 12, 1)


@given(st.integers(min_value=0, max_value=200_000))
def test_hours_print_once_in_whole_hours_and_only_beside_a_shown_count(minutes: int) -> None:
    raw = raw_figures(gender=(6, 6), age=(6, 6))
    raw.session_hours = minutes / 60
    report = disclosure.protect(raw, Rules(k=5), centre_name="C")
    hours = next(h.cell for h in report.headlines if h.key == "session_hours")
    assert hours.shown == f"{int(minutes / 60 + 0.5):,}"
    modes = {t.key: t for s in report.sections for t in s.tables}["sessions_by_mode"]
    assert "Hours" not in modes.columns
    raw.headlines["sessions"] = 3
    raw.tables["sessions_by_mode"] = replace(raw.tables["sessions_by_mode"],
                                             rows=(("m0", (3,)),))
    raw.tables["sessions_by_kind"] = replace(raw.tables["sessions_by_kind"],
                                             rows=(("k0", (3,)),))
    small = disclosure.protect(raw, Rules(k=5), centre_name="C")
    assert next(h.cell for h in small.headlines if h.key == "session_hours").shown == "–"
