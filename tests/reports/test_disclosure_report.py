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
from tests.reports.release_attacker import small_counts_kept_below_k
from tests.reports.sample_figures import sample_figures


class ReaderView:
    """Every count the report prints, the true value behind it, and the sums a
    reader knows, worked out here from the printed report, not from the code
    under test."""

    def __init__(self) -> None:
        self.values: list[int] = []
        self.states: list[CellState] = []
        self.equations: list[list[tuple[int, int]]] = []
        self.free: set[int] = set()

    def cell(self, printed: Cell, true: int) -> tuple[int, int]:
        if printed.state is CellState.SHOWN:
            assert printed.value == true, "a shown count is not the count"
        self.values.append(true)
        self.states.append(printed.state)
        return 0, len(self.values) - 1

    def adds_up(self, parts: list[tuple[int, int]], total: tuple[int, int]) -> None:
        self.equations.append([*parts, total])

    def unprinted(self, value: int) -> tuple[int, int]:
        """A figure nobody printed (a sum, or what one side exceeds the other by)."""
        self.values.append(value)
        self.states.append(CellState.NOT_APPLICABLE)
        self.free.add(len(self.values) - 1)
        return 0, len(self.values) - 1

    def sum_of(self, cells: list[tuple[int, int]]) -> tuple[int, int]:
        if len(cells) == 1:
            return cells[0]
        total = self.unprinted(sum(self.values[c[1]] for c in cells))
        self.adds_up(cells, total)
        return total

    def at_most(self, small: tuple[int, int] | list[tuple[int, int]],
                bound: list[tuple[int, int]]) -> None:
        """sum(small) <= sum(bound)."""
        part = self.sum_of(small if isinstance(small, list) else [small])
        total = self.sum_of(bound)
        slack = self.unprinted(self.values[total[1]] - self.values[part[1]])
        self.adds_up([part, slack], total)


def read(raw: RawFigures, report: Report) -> ReaderView:
    view = ReaderView()
    tables = {t.key: t for s in report.sections for t in s.tables}
    totals: dict[str, tuple[int, int]] = {}
    first_cells: dict[str, tuple[int, int]] = {}
    rows: dict[str, dict[str, tuple[int, int]]] = {}
    for key, source in raw.tables.items():
        printed = tables[key]
        counts = [list(v) for _, v in source.rows]
        if source.row_total_column:
            counts = [[*row, sum(row)] for row in counts]
        skip: set[int] = set()
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
        rows[key] = {label: cells[i][0] for i, (label, _) in enumerate(source.rows)}
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
    _listening_bounds(view, rows, heads)
    # Inequalities any reader knows from what the figures count.
    for small, big in (("unique_attendees", ["attendances"]),
                       ("unique_attendees", ["peers_supported"]),
                       ("groups_run", ["meetings_held"]),
                       ("peers_supported", ["sessions", "attendances"])):
        view.at_most(heads[small], [heads[b] for b in big])
    return view


def _listening_bounds(view: ReaderView, rows: dict[str, dict[str, tuple[int, int]]],
                      heads: dict[str, tuple[int, int]]) -> None:
    """What a reader knows of the tables where one contact can count more than once."""
    if "contacts_by_topic" not in rows:
        return
    contacts = heads["listening_contacts"]
    topics = rows["contacts_by_topic"]
    none = topics["No topic recorded"]
    for cell in topics.values():
        if cell != none:
            view.at_most([cell, none], [contacts])
    view.at_most(contacts, list(topics.values()))
    outcomes = rows["contacts_outcomes"]
    for cell in outcomes.values():
        view.at_most(cell, [contacts])
    view.at_most(contacts, list(outcomes.values()))
    places = rows["contacts_signposted"]
    elsewhere = places["Somewhere not in the directory"]
    for cell in places.values():
        if cell != elsewhere:
            view.at_most([cell, elsewhere], [outcomes["Signposted"]])
    view.at_most(outcomes["Signposted"], list(places.values()))
    [first] = rows["first_sessions"].values()
    view.at_most(first, [heads["peers_supported"]])
    view.at_most(first, [heads["sessions"]])


def check_report(raw: RawFigures, k: int) -> Report:
    report = disclosure.protect(raw, Rules(k=k), centre_name="C")
    view = read(raw, report)
    for value, state in zip(view.values, view.states, strict=True):
        if 1 <= value < k:
            assert state is not CellState.SHOWN, "a small count is shown"
    hidden = [[state is not CellState.SHOWN for state in view.states]]
    assert small_counts_kept_below_k([view.values], hidden, view.equations, k,
                                     frozenset((0, i) for i in view.free)) == {}
    return report


def test_the_sample_month_is_protected_as_a_whole() -> None:
    report = check_report(sample_figures(), 5)
    # Both age and gender add up to the headline: each hides a partner of its own.
    tables = {t.key: t for s in report.sections for t in s.tables}
    assert [c[0].shown for _, c in tables["gender"].rows] == ["52", "*", "*", "0", "10", "0"]
    assert [c[0].shown for _, c in tables["age"].rows] == ["12", "27", "19", "*", "*", "5"]


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


def _listening(draw: st.DrawFn, most_first_sessions: int) -> dict[str, RawTable]:
    """The listening section as real contacts make it: four splits of every contact;
    topics, outcomes and signposting counted per contact (several per contact)."""
    n = draw(st.integers(0, 14))
    contacts = [(draw(st.sets(st.integers(0, 2), max_size=2)),
                 draw(st.sets(st.integers(0, 4), min_size=1, max_size=2)),
                 draw(st.sets(st.integers(0, 2), max_size=2))) for _ in range(n)]
    topics = [sum(t in c[0] for c in contacts) for t in range(3)]
    outcomes = [sum(o in c[1] for c in contacts) for o in range(5)]
    signposted = [c for c in contacts if 1 in c[1]]
    places = [sum(p in c[2] for c in signposted) for p in range(3)]

    def listed(key: str, labelled: list[tuple[str, int]]) -> RawTable:
        return RawTable(key, key, "x", ("n",), tuple((label, (v,)) for label, v in labelled),
                        total_row=False)

    return {
        "contacts_by_channel": _column("contacts_by_channel", _split(draw, n, 4)),
        "contacts_by_region": _column("contacts_by_region", _split(draw, n, 3)),
        "contacts_first_time": _column("contacts_first_time", _split(draw, n, 3)),
        "contacts_office_hours": _column("contacts_office_hours", _split(draw, n, 2)),
        "contacts_by_topic": listed("contacts_by_topic", [
            *((f"t{i}", v) for i, v in enumerate(topics)),
            ("No topic recorded", sum(not c[0] for c in contacts))]),
        "contacts_outcomes": listed("contacts_outcomes", [
            (label, v) for label, v in zip(("Listened", "Signposted", "Offered a one-to-one",
                                            "Offered a group", "Became a peer"), outcomes,
                                           strict=True)]),
        "contacts_signposted": listed("contacts_signposted", [
            *((f"p{i}", v) for i, v in enumerate(places)),
            ("Somewhere not in the directory", sum(not c[2] for c in signposted))]),
        "first_sessions": listed("first_sessions", [
            ("With their first one-to-one session in the period",
             draw(st.integers(0, most_first_sessions)))]),
    }


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
    # What real figures always satisfy: every peer supported had a session or an
    # attendance; different people at groups are peers who attended.
    attendances = max(draw(st.integers(0, 30)), peers - sessions)
    unique = draw(st.integers(0, min(attendances, peers)))
    meetings = draw(small)
    rated = [[draw(small) for _ in range(3)] for _ in range(2)]
    for row in rated:
        while sum(row) > peers:
            row[row.index(max(row))] -= 1
    listening = _listening(draw, min(peers, sessions))

    def trend(key: str, last: int) -> RawTrend:
        return RawTrend(key, key, names, (*(draw(small) for _ in range(11)), last))

    raw = RawFigures(
        period,
        headlines={"peers_supported": peers, "new_peers": sum(routes), "sessions": sessions,
                   "groups_run": draw(st.integers(0, meetings)), "meetings_held": meetings,
                   "attendances": attendances, "unique_attendees": unique,
                   "anonymous_headcount": draw(small),
                   "referrals": sum(map(sum, referrals)),
                   "follow_ups_due": sum(follow_ups), "follow_ups_on_time": follow_ups[0],
                   "listening_contacts": sum(v for _, (v,) in
                                             listening["contacts_by_channel"].rows)},
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
                (f"m{i}", tuple(row)) for i, row in enumerate(rated)),
                total_row=False, row_total_column="Peers"),
            **listening,
        },
        trends=[trend("trend_peers", peers), trend("trend_sessions", sessions),
                trend("trend_attendances", attendances)],
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
