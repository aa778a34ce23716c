"""The report's "Programme" section: the people who give support, counted (issue 16).

Supporters can be survivors too, so every figure here is a count under the
report's disclosure control like any other (docs/disclosure.md): each is a
named cell, protected over every release of the year, rounded the same way.
No name, reference or note of a supporter is read. The peers' voice rows
(mentoring pairs, consultations, feedback by benefit) come from
reports.voice_figures: counts only, never a name or what was said.

The section is a list of tables (`TABLES`) and of the rows that fill them
(`ROWS`), each row with the way a longer period's figure relates to its
parts' (its *kind*, reports.cells.Kind):

- "additive": the sum of the months (sessions held, people first trained);
- "people": different supporters (or mentoring pairs), at least any part's and at
  most the sum;
- "at_end": a count on the period's last day, the same as that of any part
  ending on that day, and nothing otherwise.

A row is one figure (`label` set) or a family of rows counted together (a row
per competency, per kind of hours). Adding a figure is adding a `Rows` (and a
`TableSpec` when it needs a table of its own), and its bounds to `BOUNDS` when
a reader knows one: reports.cells and reports.links read the kinds and bounds
from here, and the section prints whatever tables are listed.

What is not a count is printed beside a shown count only: hours, once per row
in whole hours, only where the number of supporters they belong to is shown;
a share only where both counts it comes from are shown, worked out from the
printed (rounded) counts.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cached_property
from typing import Any

from peerdesk.domain.supporters import (
    HOURS_KINDS,
    HOURS_LABELS,
    MEETING_MINUTES_SETTING,
    meeting_minutes_from,
)
from peerdesk.domain.voice import Benefit
from peerdesk.reports import voice_figures as voice
from peerdesk.reports.figure_queries import FigureSource, source, span_of
from peerdesk.reports.figures import RawFigures, RawTable
from peerdesk.reports.model import Cell, CellState, Section, Table
from peerdesk.reports.period import Period

TITLE = "Programme"
ADDITIVE, PEOPLE, AT_END = "additive", "people", "at_end"

# Row labels other modules (and the tests) name.
ACTIVE = "Active at any time in the period"
ACTIVE_AT_END = "Active on the period's last day"
NEWLY_TRAINED = "Newly trained (first course completed in the period)"
ALL_KINDS = "Any kind"
# Columns that are not counts: never solved for, never protected as counts.
HOURS_COLUMN = "Hours"
SHARE_COLUMN = "Share current"
NOT_COUNT_COLUMNS = (HOURS_COLUMN, SHARE_COLUMN)


@dataclass(frozen=True, slots=True)
class TableSpec:
    key: str
    title: str
    row_header: str
    column: str                 # the count's column heading
    total_row: bool = False     # True only where the rows split one whole
    note: str = ""


class Counting:
    """What the rows of one period share, counted once."""

    def __init__(self, q: FigureSource, period: Period) -> None:
        self.q = q
        self.period = period
        self.params = span_of(period)
        self.extras: dict[str, float] = {}

    @cached_property
    def _statuses(self) -> dict[int, list[tuple[str, str]]]:
        """Each supporter's status changes up to the period's end, oldest first."""
        out: dict[int, list[tuple[str, str]]] = {}
        for supporter_id, status, since in self.q.supporter_statuses(self.params):
            out.setdefault(int(supporter_id), []).append((str(since), str(status)))
        return out

    @cached_property
    def active(self) -> frozenset[int]:
        """Supporters active on at least one day of the period."""
        start = self.params["s"]
        found = set()
        for supporter_id, changes in self._statuses.items():
            # The status of each day: the last change on or before it.
            before = [status for since, status in changes if since <= start]
            during: dict[str, str] = {}
            for since, status in changes:
                if since > start:
                    during[since] = status  # the last change of a day is that day's status
            if (before and before[-1] == "active") or "active" in during.values():
                found.add(supporter_id)
        return frozenset(found)

    @cached_property
    def active_at_end(self) -> frozenset[int]:
        return frozenset(i for i, changes in self._statuses.items()
                         if changes[-1][1] == "active")

    @cached_property
    def voice(self) -> voice.VoiceFigures:
        """Mentoring pairs, consultations and feedback (reports.voice_figures), counted
        once for the rows that print them."""
        return voice.counted(self.q, self.period)

    @cached_property
    def minutes(self) -> dict[str, dict[int, int]]:
        """Hours kind -> supporter -> minutes in the period: entered by hand, and counted
        from the one-to-ones, group meetings and listening contacts of supporters with
        an account. Sessions and contacts of people who withdrew their consent to
        statistics are left out, as everywhere in the report."""
        out: dict[str, dict[int, int]] = {kind: {} for kind in HOURS_KINDS}

        def add(kind: str, supporter_id: int, minutes: int | None) -> None:
            bucket = out[kind]
            bucket[int(supporter_id)] = bucket.get(int(supporter_id), 0) + int(minutes or 0)

        for supporter_id, kind, minutes in self.q.hours_entries(self.params):
            add(str(kind), supporter_id, minutes)
        supporter_of = {int(staff): int(i) for i, staff in self.q.supporter_accounts()}
        for staff_id, minutes in self.q.session_minutes_by_worker(self.params):
            add("one_to_one", supporter_of[int(staff_id)], minutes)
        each = meeting_minutes_from(self.q.setting(MEETING_MINUTES_SETTING))
        for staff_id, meetings in self.q.meetings_by_facilitator(self.params):
            add("group", supporter_of[int(staff_id)], int(meetings) * each)
        for staff_id, minutes in self.q.contact_minutes_by_taker(self.params):
            add("contact", supporter_of[int(staff_id)], minutes)
        return {kind: {i: m for i, m in bucket.items() if m > 0}
                for kind, bucket in out.items()}


# -- the rows ---------------------------------------------------------------------------


def _active(c: Counting) -> list[tuple[str, int]]:
    return [(ACTIVE, len(c.active))]


def _active_at_end(c: Counting) -> list[tuple[str, int]]:
    return [(ACTIVE_AT_END, len(c.active_at_end))]


def _newly_trained(c: Counting) -> list[tuple[str, int]]:
    return [(NEWLY_TRAINED, c.q.newly_trained(c.params))]


def _currency(c: Counting) -> list[tuple[str, int]]:
    """Per competency: supporters active on the last day whose training in it is current
    that day (a course that never lapses, or one valid to that day or later). A course
    with modules counts from the day its last module was done (its completion is
    recorded then); a module mapped to a competency of its own counts for it alone."""
    current: dict[int, set[int]] = {}
    active = c.active_at_end
    for supporter_id, competency_id, never, until in c.q.training_current(c.params):
        if int(supporter_id) in active and (never or (until is not None
                                                      and str(until) >= c.params["e"])):
            current.setdefault(int(competency_id), set()).add(int(supporter_id))
    counts = {i: len(who) for i, who in current.items()}
    return [(str(name), counts.get(int(i), 0)) for i, name, active_now in c.q.competencies()
            if active_now or counts.get(int(i))]


def _supervision(c: Counting) -> list[tuple[str, int]]:
    counts = {str(kind): int(n) for kind, n in c.q.supervision(c.params)}
    return [("Individual", counts.get("individual", 0)), ("Group", counts.get("group", 0))]


def _hours(c: Counting) -> list[tuple[str, int]]:
    minutes = c.minutes
    anyone: set[int] = set()
    rows = []
    for kind in HOURS_KINDS:
        label = HOURS_LABELS[kind]
        c.extras[hours_key(label)] = sum(minutes[kind].values()) / 60
        anyone |= set(minutes[kind])
        rows.append((label, len(minutes[kind])))
    c.extras[hours_key(ALL_KINDS)] = sum(sum(b.values()) for b in minutes.values()) / 60
    rows.append((ALL_KINDS, len(anyone)))
    return rows


def _pairs(c: Counting) -> list[tuple[str, int]]:
    return [(voice.ACTIVE_PAIRS, c.voice.active_pairs)]


def _consultations(c: Counting) -> list[tuple[str, int]]:
    return [(voice.CONSULTATIONS_HELD, c.voice.consultations_held)]


def _actions_done(c: Counting) -> list[tuple[str, int]]:
    return [(voice.ACTIONS_DONE, c.voice.actions_done)]


def _forms(c: Counting) -> list[tuple[str, int]]:
    return [(voice.FEEDBACK_FORMS, c.voice.feedback_forms)]


def _benefits(c: Counting) -> list[tuple[str, int]]:
    """Every benefit, in the order the form lists them (none left out: a zero is shown)."""
    return [(b.label, c.voice.by_benefit.get(b, 0)) for b in Benefit]


def hours_key(label: str) -> str:
    """Where a row's hours are kept among the report's extras."""
    return f"programme_hours|{label}"


@dataclass(frozen=True, slots=True)
class Rows:
    """One row (`label` set: `count` returns that one row) or a family of rows."""

    table: str
    kind: str
    count: Callable[[Counting], list[tuple[str, int]]]
    label: str = ""


TABLES: list[TableSpec] = [
    TableSpec("programme_supporters", "Supporters", "Supporters", "Supporters",
              note="Everyone who gives support, with or without a PeerDesk account."),
    TableSpec("programme_currency", "Training current on the period's last day",
              "Competency", "Active supporters current",
              note="Of the supporters active on the period's last day, those whose training "
                   "in each competency was current that day. The share is worked out from "
                   "the printed counts."),
    TableSpec("programme_supervision", "Supervision sessions held", "Kind", "Sessions",
              total_row=True,
              note="A group supervision counts once for each supporter in it."),
    TableSpec("programme_hours", "Hours given, by kind", "Kind", "Supporters",
              note="Supporters who gave hours of each kind, and those hours in whole hours. "
                   "One-to-ones, group meetings and contacts are counted for supporters "
                   "with a PeerDesk account; the rest are entered by hand. A supporter can "
                   "give hours of several kinds, so the rows don't add up."),
    TableSpec(voice.VOICE_TABLE, "Mentoring and the peers' voice", "Figure", "Count",
              note="Mentoring pairs whose dates overlap the period; consultations held in "
                   "the period and, of those, the ones whose action is done; feedback forms "
                   "given in the period."),
    TableSpec(voice.BENEFITS_TABLE, "What changed for peers (feedback forms, by benefit)",
              "Benefit", "Forms",
              note="Forms that named each benefit of peer support. A form can name several "
                   "benefits, or none, so the rows don't add up to the forms."),
]

ROWS: list[Rows] = [
    Rows("programme_supporters", PEOPLE, _active, ACTIVE),
    Rows("programme_supporters", AT_END, _active_at_end, ACTIVE_AT_END),
    Rows("programme_supporters", ADDITIVE, _newly_trained, NEWLY_TRAINED),
    Rows("programme_currency", AT_END, _currency),
    Rows("programme_supervision", ADDITIVE, _supervision),
    Rows("programme_hours", PEOPLE, _hours),
    # A pair active all quarter counts once in the quarter and once in each month.
    Rows(voice.VOICE_TABLE, PEOPLE, _pairs, voice.ACTIVE_PAIRS),
    Rows(voice.VOICE_TABLE, ADDITIVE, _consultations, voice.CONSULTATIONS_HELD),
    Rows(voice.VOICE_TABLE, ADDITIVE, _actions_done, voice.ACTIONS_DONE),
    Rows(voice.VOICE_TABLE, ADDITIVE, _forms, voice.FEEDBACK_FORMS),
    Rows(voice.BENEFITS_TABLE, ADDITIVE, _benefits),
]


# -- what a reader knows ties the rows together ------------------------------------------

Column = dict[str, str]   # row label -> cell id, for one table's count column
Bound = tuple[list[str], list[str]]   # sum(first) <= sum(second)


def _bounds_supporters(tables: dict[str, Column]) -> list[Bound]:
    """Active on the last day <= active in the period; each competency's current
    supporters <= active on the last day."""
    people = tables.get("programme_supporters", {})
    out: list[Bound] = []
    if ACTIVE in people and ACTIVE_AT_END in people:
        out.append(([people[ACTIVE_AT_END]], [people[ACTIVE]]))
        out += [([cell], [people[ACTIVE_AT_END]])
                for cell in tables.get("programme_currency", {}).values()]
    return out


def _bounds_hours(tables: dict[str, Column]) -> list[Bound]:
    """Supporters with hours of a kind <= those with any; those with any <= all rows."""
    hours = dict(tables.get("programme_hours", {}))
    anyone = hours.pop(ALL_KINDS, None)
    if anyone is None:
        return []
    return [*(([cell], [anyone]) for cell in hours.values()), ([anyone], list(hours.values()))]


def _bounds_voice(tables: dict[str, Column]) -> list[Bound]:
    """Actions done <= consultations held (they are among them); forms that named a
    benefit <= forms. (Not: forms <= all benefits' rows together: a form may name
    none, only what helped.)"""
    figures = tables.get(voice.VOICE_TABLE, {})
    out: list[Bound] = []
    if voice.ACTIONS_DONE in figures and voice.CONSULTATIONS_HELD in figures:
        out.append(([figures[voice.ACTIONS_DONE]], [figures[voice.CONSULTATIONS_HELD]]))
    forms = figures.get(voice.FEEDBACK_FORMS)
    if forms is not None:
        out += [([cell], [forms]) for cell in tables.get(voice.BENEFITS_TABLE, {}).values()]
    return out


BOUNDS: list[Callable[[dict[str, Column]], list[Bound]]] = [_bounds_supporters, _bounds_hours,
                                                            _bounds_voice]


def kind_of(table: str, row: str) -> str | None:
    """How a figure of the section relates across periods; None: not one of ours."""
    single = {(r.table, r.label): r.kind for r in ROWS if r.label}
    if (table, row) in single:
        return single[(table, row)]
    family = {r.table: r.kind for r in ROWS if not r.label}
    if table in family:
        return family[table]
    if row == "Total" and table in {r.table for r in ROWS}:
        return ADDITIVE
    return None


def bounds(layout: dict[str, list[list[str]]]) -> list[Bound]:
    tables = {spec.key: {row[0].split("|")[1]: row[0] for row in layout.get(spec.key, [])}
              for spec in TABLES}
    return [bound for make in BOUNDS for bound in make(tables)]


# -- counting ---------------------------------------------------------------------------


def compute(db: Any, period: Period, fig: RawFigures) -> None:
    """Add the section's counts to `fig` (`db`: the vault's Database or a figure source,
    reports.figure_queries). Runs inside figures.compute's snapshot, after the report's
    peer sets are filled."""
    counting = Counting(source(db), period)
    rows: dict[str, list[tuple[str, tuple[int, ...]]]] = {spec.key: [] for spec in TABLES}
    for row in ROWS:
        rows[row.table] += [(label, (count,)) for label, count in row.count(counting)]
    for spec in TABLES:
        fig.tables[spec.key] = RawTable(spec.key, spec.title, spec.row_header, (spec.column,),
                                        tuple(rows[spec.key]), total_row=spec.total_row,
                                        note=spec.note)
    fig.extras.update(counting.extras)


# -- after disclosure control -----------------------------------------------------------

NOT_PUBLISHED = "–"


def _hours_column(raw: RawFigures, table: Table) -> Table:
    """Hours beside each shown count of supporters, in whole hours; "–" beside a hidden one."""
    def hours(label: str, count: Cell) -> Cell:
        if count.hidden:
            return Cell(NOT_PUBLISHED, CellState.NOT_APPLICABLE, None)
        value = int(raw.extras.get(hours_key(label), 0.0) + 0.5)
        return Cell(f"{value:,}", CellState.SHOWN, None)

    return replace(table, columns=(*table.columns, HOURS_COLUMN), rows=tuple(
        (label, (*cells, hours(label, cells[0]))) for label, cells in table.rows))


def _share_column(tables: dict[str, Table]) -> Callable[[RawFigures, Table], Table]:
    def add(raw: RawFigures, table: Table) -> Table:
        people = dict(tables["programme_supporters"].rows)
        whole = people.get(ACTIVE_AT_END, (None,))[0]

        def share(count: Cell) -> Cell:
            if (whole is None or whole.hidden or count.hidden or not whole.value
                    or count.value is None):
                return Cell(NOT_PUBLISHED, CellState.NOT_APPLICABLE, None)
            return Cell(f"{100 * count.value / whole.value:.0f}%", CellState.SHOWN, None)

        return replace(table, columns=(*table.columns, SHARE_COLUMN), rows=tuple(
            (label, (*cells, share(cells[0]))) for label, cells in table.rows))
    return add


def section(raw: RawFigures, tables: dict[str, Table]) -> Section:
    """The section as printed, from the protected tables."""
    beside: dict[str, Callable[[RawFigures, Table], Table]] = {
        "programme_hours": _hours_column, "programme_currency": _share_column(tables)}
    printed = []
    for spec in TABLES:
        table = tables[spec.key]
        add = beside.get(spec.key)
        printed.append(add(raw, table) if add else table)
    return Section(
        TITLE,
        "The peer supporters who give support: who was active, their training, supervision "
        "and the hours they gave; mentoring, consultations with peers and their feedback. "
        "No supporter or peer is named; small counts are hidden as in every table.",
        tuple(printed))


def present(raw: RawFigures) -> bool:
    return all(spec.key in raw.tables for spec in TABLES)


__all__ = ["ACTIVE", "ACTIVE_AT_END", "ADDITIVE", "ALL_KINDS", "AT_END", "BOUNDS",
           "HOURS_COLUMN", "NEWLY_TRAINED", "NOT_COUNT_COLUMNS", "PEOPLE", "ROWS", "SHARE_COLUMN",
           "TABLES", "TITLE", "Counting", "Rows", "TableSpec", "bounds", "compute", "hours_key",
           "kind_of", "present", "section"]
