"""Disclosure control across a whole report: a reader reads every table, headline
and trend of the printed `Report` at once, and knows how they add up."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from peerdesk.reports import disclosure
from peerdesk.reports.disclosure import Rules
from peerdesk.reports.figures import RawFigures, RawTable, RawTrend
from peerdesk.reports.model import Cell, CellState, Report
from peerdesk.reports.period import Period
from tests.reports.attacker import pinned
from tests.reports.sample_figures import sample_figures


class ReaderView:
    """Every count the report prints, the true value behind it, and the sums a
    reader knows, worked out here from the printed report, not from the code
    under test."""

    def __init__(self) -> None:
        self.values: list[int] = []
        self.states: list[CellState] = []
        self.equations: list[list[tuple[int, int]]] = []

    def cell(self, printed: Cell, true: int) -> tuple[int, int]:
        if printed.state is CellState.SHOWN:
            assert printed.value == true, "a shown count is not the count"
        self.values.append(true)
        self.states.append(printed.state)
        return 0, len(self.values) - 1

    def adds_up(self, parts: list[tuple[int, int]], total: tuple[int, int]) -> None:
        self.equations.append([*parts, total])


def read(raw: RawFigures, report: Report) -> ReaderView:
    view = ReaderView()
    tables = {t.key: t for s in report.sections for t in s.tables}
    totals: dict[str, tuple[int, int]] = {}
    first_cells: dict[str, tuple[int, int]] = {}
    for key, source in raw.tables.items():
        printed = tables[key]
        counts = [list(v) for _, v in source.rows]
        if source.row_total_column:
            counts = [[*row, sum(row)] for row in counts]
        skip = {1} if source.hours is not None else set()  # hours are not counts
        cells = [[view.cell(c, v) for c, v in zip(
            [c for i, c in enumerate(row) if i not in skip], true, strict=True)]
            for (_, row), true in zip(printed.rows, counts, strict=True)]
        if printed.total is not None:
            true_total = [sum(col) for col in zip(*counts, strict=True)]
            total_row = [view.cell(c, v) for c, v in zip(
                [c for i, c in enumerate(printed.total) if i not in skip], true_total,
                strict=True)]
            for column, total in enumerate(total_row):
                view.adds_up([row[column] for row in cells], total)
            cells.append(total_row)
            totals[key] = total_row[-1]
        if source.row_total_column:
            for row in cells:
                view.adds_up(row[:-1], row[-1])
        first_cells[key] = cells[0][0]
    heads = {h.key: view.cell(h.cell, raw.headlines[h.key]) for h in report.headlines
             if h.key != "session_hours"}
    same = [("peers_supported", totals["gender"]), ("peers_supported", totals["age"]),
            ("sessions", totals["sessions_by_mode"]), ("sessions", totals["sessions_by_kind"]),
            ("new_peers", totals["contact_route"]), ("referrals", totals["referrals"]),
            ("follow_ups_on_time", first_cells["follow_ups"])]
    # Every contact of the period, split by channel, region, first time or not, and
    # office hours: each of those tables' totals is the contacts headline.
    same += [("listening_contacts", totals[key]) for key in (
        "contacts_by_channel", "contacts_by_region", "contacts_first_time",
        "contacts_office_hours") if key in totals]
    for key, cell in same:
        view.adds_up([cell], heads[key])
    inside = [m for m, start, _ in raw.period.trend_months()
              if raw.period.start <= start <= raw.period.end]
    printed_trends = {t.key: t for s in report.sections for t in s.trends}
    adds_to = {"trend_sessions": "sessions", "trend_attendances": "attendances",
               "trend_peers": "peers_supported", "trend_contacts": "listening_contacts"}
    for trend in raw.trends:
        months = [view.cell(c, v) for c, v in zip(printed_trends[trend.key].values,
                                                   trend.values, strict=True)]
        if trend.key != "trend_peers" or raw.period.kind == "month":
            view.adds_up([m for m, name in zip(months, trend.months, strict=True)
                          if name in inside], heads[adds_to[trend.key]])
    return view


def check_report(raw: RawFigures, k: int) -> Report:
    report = disclosure.protect(raw, Rules(k=k), centre_name="C")
    view = read(raw, report)
    for value, state in zip(view.values, view.states, strict=True):
        if 1 <= value < k:
            assert state is not CellState.SHOWN, "a small count is shown"
    assert pinned([view.values], [view.states], view.equations, k) == {}
    return report


def test_the_sample_month_is_protected_as_a_whole() -> None:
    report = check_report(sample_figures(), 5)
    # Both age and gender add up to the headline: each hides a partner of its own.
    tables = {t.key: t for s in report.sections for t in s.tables}
    assert [c[0].shown for _, c in tables["gender"].rows] == ["52", "*", "<5", "0", "10", "0"]
    assert [c[0].shown for _, c in tables["age"].rows] == ["12", "27", "19", "<5", "*", "5"]


def test_follow_ups_on_time_hides_with_its_table_cell() -> None:
    # Done late is small and done on time is its partner: the headline that
    # printed done on time used to give the late count away.
    raw = sample_figures()
    raw.tables["follow_ups"] = RawTable("follow_ups", "f", "x", ("n",), (
        ("Done on time", (8,)), ("Done late", (2,)), ("Not done yet", (20,))))
    raw.headlines.update(follow_ups_due=30, follow_ups_on_time=8)
    report = check_report(raw, 5)
    on_time = next(h for h in report.headlines if h.key == "follow_ups_on_time")
    assert on_time.cell.shown == "*"


@pytest.mark.parametrize("k", [3, 4, 10])
def test_the_sample_month_with_other_thresholds(k: int) -> None:
    check_report(sample_figures(), k)


def _split(draw: st.DrawFn, total: int, parts: int) -> tuple[int, ...]:
    cuts = sorted(draw(st.lists(st.integers(0, total), min_size=parts - 1,
                                max_size=parts - 1)))
    edges = [0, *cuts, total]
    return tuple(b - a for a, b in itertools.pairwise(edges))


def _column(key: str, values: tuple[int, ...], hours: bool = False) -> RawTable:
    return RawTable(key, key, "x", ("n",), tuple((f"{key}{i}", (v,)) for i, v in
                                              enumerate(values)),
                    hours=tuple(float(v) for v in values) if hours else None)


@st.composite
def months_of_figures(draw: st.DrawFn) -> tuple[RawFigures, int]:
    small = st.integers(0, 12)
    period = Period.month(2026, draw(st.integers(1, 12)))
    names = tuple(m for m, _, _ in period.trend_months())
    gender = tuple(draw(small) for _ in range(4))
    peers = sum(gender)
    by_mode = tuple(draw(small) for _ in range(3))
    sessions = sum(by_mode)
    routes = tuple(draw(small) for _ in range(3))
    referrals = tuple(tuple(draw(st.integers(0, 6)) for _ in range(3)) for _ in range(3))
    follow_ups = tuple(draw(small) for _ in range(3))
    attendances = draw(st.integers(0, 30))
    by_channel = tuple(draw(small) for _ in range(4))
    contacts = sum(by_channel)

    def trend(key: str, last: int) -> RawTrend:
        return RawTrend(key, key, names, (*(draw(small) for _ in range(11)), last))

    raw = RawFigures(
        period,
        headlines={"peers_supported": peers, "new_peers": sum(routes), "sessions": sessions,
                   "groups_run": draw(small), "meetings_held": draw(small),
                   "attendances": attendances, "unique_attendees": draw(small),
                   "anonymous_headcount": draw(small),
                   "referrals": sum(map(sum, referrals)),
                   "follow_ups_due": sum(follow_ups), "follow_ups_on_time": follow_ups[0],
                   "listening_contacts": contacts},
        session_hours=float(sessions),
        tables={
            "sessions_by_mode": _column("sessions_by_mode", by_mode, hours=True),
            "sessions_by_kind": _column("sessions_by_kind", _split(draw, sessions, 3)),
            "gender": _column("gender", gender), "age": _column("age", _split(draw, peers, 4)),
            "contact_route": _column("contact_route", routes),
            "referrals": RawTable("referrals", "r", "x", ("a", "b", "c"),
                                  tuple((f"d{i}", row) for i, row in enumerate(referrals)),
                                  row_total_column="All"),
            "follow_ups": _column("follow_ups", follow_ups),
            "outcomes": RawTable("outcomes", "o", "m", ("b", "s", "w"), tuple(
                (f"m{i}", tuple(draw(small) for _ in range(3))) for i in range(2)),
                total_row=False, row_total_column="Peers"),
            # The listening section: four splits of every contact, three lists where a
            # contact can count more than once, and one count of peers.
            "contacts_by_channel": _column("contacts_by_channel", by_channel, hours=True),
            "contacts_by_region": _column("contacts_by_region", _split(draw, contacts, 3)),
            "contacts_first_time": _column("contacts_first_time", _split(draw, contacts, 3)),
            "contacts_office_hours": _column("contacts_office_hours",
                                             _split(draw, contacts, 2)),
            **{key: RawTable(key, key, "x", ("n",), tuple(
                (f"{key}{i}", (draw(small),)) for i in range(3)), total_row=False)
               for key in ("contacts_by_topic", "contacts_outcomes", "contacts_signposted",
                           "first_sessions")},
        },
        trends=[trend("trend_peers", peers), trend("trend_sessions", sessions),
                trend("trend_attendances", attendances), trend("trend_contacts", contacts)],
    )
    return raw, draw(st.integers(3, 5))


@settings(max_examples=25, deadline=None)
@given(months_of_figures())
def test_no_hidden_count_in_a_report_can_be_worked_out(case: tuple[RawFigures, int]) -> None:
    check_report(*case)


@pytest.mark.slow
@settings(max_examples=400, deadline=None)
@given(months_of_figures())
def test_no_hidden_count_in_many_more_reports_can_be_worked_out(
        case: tuple[RawFigures, int]) -> None:
    check_report(*case)
