"""An attacker who holds every CSV a centre published, written apart from the
code that protects them (it reads only the files, and its own list of sums).

It solves exactly, with whole numbers, by mixed-integer linear programming:
for each hidden figure whose real count is from 1 to k-1 it finds the largest
value that fits everything published. Below k means the small count is
pinned among small values: a failure.

What it knows (more than a real reader, which makes it stronger):
- every printed figure exactly, and how the figures of one report add up;
- different people at groups <= attendances and <= peers supported; groups
  run <= meetings held; peers supported <= sessions + attendances; peers
  rated twice <= peers supported;
- the listening service: each of the four splits of contacts adds up to the
  contacts headline; contacts about a topic plus those about none <= all
  contacts <= all topic rows together; each outcome <= all contacts <= all
  outcomes together; contacts signposted to a category plus those signposted
  outside the directory <= the signposted <= all signposting rows together;
  peers with a first one-to-one <= peers supported and <= sessions;
- the programme: supporters active on the period's last day <= those active
  in it; each competency's current supporters <= those active on the last
  day; supporters with hours of a kind <= those with any <= all kinds'
  rows together; consultation actions done <= consultations held; forms
  that named a benefit <= feedback forms;
- a row a table leaves out (a retired region or topic) counted none;
- for a quarter, year or range: additive figures are the sum of the months
  (published or not: unpublished months are unknowns it solves for too),
  different people at least each month's and at most their sum, peers rated
  twice at least each month's (active mentoring pairs are people too);
  counts on the last day (supporters active
  then, their training current) the same as the month's that ends that day;
  the same between any two published periods, one inside the other;
- a bar of a trend chart is that month's figure as counted at some moment no
  later than the report (it is told which: the oracle);
- the oracle also tells it which counts are zero, and between two moments
  which counts went up, down or stayed the same.
"""

from __future__ import annotations

import csv
import io
import itertools
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp

Key = tuple[str, str, str]                 # (table, row, column) as the CSV names them
PeriodId = tuple[date, date]

HEADLINE_TOTALS: dict[str, list[Key]] = {
    "One-to-one sessions": [("sessions_by_mode", "Total", "Sessions"),
                            ("sessions_by_kind", "Total", "Sessions")],
    "Peers supported": [("gender", "Total", "Peers"), ("age", "Total", "Peers")],
    "New peers": [("contact_route", "Total", "New peers")],
    "Referrals made": [("referrals", "Total", "All referrals")],
    "Follow-ups done on time": [("follow_ups", "Done on time", "Follow-ups")],
    "Listening-service contacts": [(table, "Total", "Contacts") for table in (
        "contacts_by_channel", "contacts_by_region", "contacts_first_time",
        "contacts_office_hours")],
}
CONTACTS = "Listening-service contacts"
NOT_COUNTS = ("listening_summary",)   # hours, a share, a median: read, never solved for
ROW_TOTAL_COLUMNS = ("All referrals", "Peers rated twice or more")
# The programme section prints hours and shares beside its counts: read, never solved for.
PROGRAMME_NOT_COUNTS = ("Hours", "Share current")
PROGRAMME_ACTIVE = "Active at any time in the period"
PROGRAMME_ACTIVE_AT_END = "Active on the period's last day"
PROGRAMME_ANY_HOURS = "Any kind"
VOICE = "programme_voice"
VOICE_PAIRS = "Active mentoring pairs"
VOICE_HELD = "Consultations held"
VOICE_DONE = "Consultation actions done"
VOICE_FORMS = "Feedback forms"
BENEFITS = "programme_feedback"
TREND_HEADLINE = {"trend_peers": "Peers supported", "trend_sessions": "One-to-one sessions",
                  "trend_attendances": "Group attendances", "trend_contacts": CONTACTS}


def head(label: str) -> Key:
    return ("headline", label, "")


def kind(key: Key) -> str:
    table, row, column = key
    if table in ("gender", "age") or (table == "headline" and row in (
            "Peers supported", "Different people at groups", "Groups run")):
        return "people"
    if table == "outcomes":
        return "at_least" if column == "Peers rated twice or more" else "none"
    if table == "headline" and row == "Hours of one-to-one support":
        return "none"
    if table == "programme_supporters":
        return {PROGRAMME_ACTIVE: "people", PROGRAMME_ACTIVE_AT_END: "at_end"}.get(
            row, "additive")
    if table == "programme_currency":
        return "at_end"
    if table == "programme_hours":
        return "people"
    if table == VOICE and row == VOICE_PAIRS:
        return "people"   # a pair active all quarter is in each month and once in it
    return "additive"


@dataclass(frozen=True)
class Published:
    csv_text: str
    epoch: int          # which moment's data it counted (the test says)


def parse(text: str) -> tuple[PeriodId, str, dict[Key, str], dict[tuple[str, str], str]]:
    rows = list(csv.reader(io.StringIO(text)))[1:]
    values: dict[Key, str] = {}
    bars: dict[tuple[str, str], str] = {}
    period = code = ""
    for _, table, row, column, value in rows:
        if table == "release":
            if row == "Period":
                period = value
            elif row == "Release":
                code = value
        elif table in NOT_COUNTS or (table.startswith("programme_")
                                     and column in PROGRAMME_NOT_COUNTS):
            continue
        elif table.startswith("trend_"):
            bars[(table, row)] = value
        else:
            values[(table, row, column)] = value
    start, end = period.split("..")
    return (date.fromisoformat(start), date.fromisoformat(end)), code, values, bars


def months_in(period: PeriodId) -> list[PeriodId]:
    out = []
    day = period[0]
    while day <= period[1]:
        following = (day.replace(day=28) + timedelta(days=4)).replace(day=1)
        out.append((day, following - timedelta(days=1)))
        day = following
    return out


def _number(text: str) -> int | None:
    text = text.replace(",", "")
    return int(text) if text.isdigit() else None


class System:
    def __init__(self) -> None:
        self.index: dict[object, int] = {}
        self.truth: list[int] = []
        self.rows: list[tuple[dict[int, int], int, bool]] = []   # sum c x (= or >=) b

    def var(self, name: object, truth: int) -> int:
        if name not in self.index:
            self.index[name] = len(self.truth)
            self.truth.append(truth)
        return self.index[name]

    def add(self, terms: Iterable[tuple[int, int]], constant: int = 0,
            at_least: bool = False) -> None:
        merged: dict[int, int] = {}
        for v, c in terms:
            merged[v] = merged.get(v, 0) + c
        self.rows.append(({v: c for v, c in merged.items() if c}, constant, at_least))


def attack(published: list[Published], truth: dict[tuple[PeriodId, int], dict[Key, int]],
           k: int, *, latent_signs: bool = True, rounded_by: int = 0
           ) -> dict[str, tuple[int, int]]:
    """Hidden small counts the attacker bounds below k: "<release> <figure>" ->
    (real count, largest value that fits). `truth` holds each period's counts at
    each moment, months included whether published or not (the oracle).
    `rounded_by`: a printed figure is within this of the count (rounding)."""
    system = System()

    def var(period: PeriodId, epoch: int, key: Key) -> int:
        return system.var((period, epoch, key), truth[(period, epoch)][key])

    known: dict[int, int] = {}
    hidden: dict[int, str] = {}
    readings = [(parse(p.csv_text), p.epoch) for p in published]
    epochs = sorted({e for _, e in readings})
    periods_at = {e: {r[0] for r, pe in readings if pe == e} for e in epochs}
    for (period, code, values, bars), epoch in readings:
        for key, text in values.items():
            if key[0] == "headline" and key[1] == "Hours of one-to-one support":
                continue
            v = var(period, epoch, key)
            number = _number(text)
            if number is not None:
                known[v] = number
                assert abs(number - system.truth[v]) <= rounded_by, f"{code} {key}: {text}"
            elif text == "*":
                hidden.setdefault(v, f"{code} {key}")
        for (trend, month), text in bars.items():
            number = _number(text)
            if number is None:
                continue
            first = date.fromisoformat(month + "-01")
            m = months_in((first, first))[0]
            label = TREND_HEADLINE[trend]
            # The latest moment up to this one whose count the bar shows.
            source = max(e for e in epochs if e <= epoch and (m, e) in truth
                         and abs(truth[(m, e)][head(label)] - number) <= rounded_by)
            known[var(m, source, head(label))] = number
    # Every key a period can have, from the oracle (unpublished months too).
    for epoch in epochs:
        wholes = periods_at[epoch]
        for period in wholes:
            _one_report(system, lambda key, p=period, e=epoch: var(p, e, key),
                        truth[(period, epoch)])
            parts = [m for m in months_in(period) if m != period]
            for month in parts:
                _one_report(system, lambda key, p=month, e=epoch: var(p, e, key),
                            truth[(month, epoch)])
            _between(system, var, period, parts, epoch, truth, cover=True)
            for other in wholes:
                if other != period and period[0] <= other[0] and other[1] <= period[1] \
                        and other not in parts:
                    _between(system, var, period, [other], epoch, truth, cover=False)
    # Between moments: the same count, or a known direction of change.
    names = list(system.index.items())
    by_place: dict[tuple[PeriodId, Key], list[tuple[int, int]]] = {}
    for name, v in names:
        period, epoch, key = name  # type: ignore[misc]
        by_place.setdefault((period, key), []).append((epoch, v))
    for versions in by_place.values():
        versions.sort()
        for (_, a), (_, b) in itertools.pairwise(versions):
            published_both = a in known or a in hidden
            published_both = published_both and (b in known or b in hidden)
            if not (latent_signs or published_both):
                continue
            ta, tb = system.truth[a], system.truth[b]
            if ta == tb:
                system.add([(a, 1), (b, -1)])
            else:
                d = system.var(("change", a, b), abs(tb - ta))
                system.add([(b, 1), (a, -1), (d, -1 if tb > ta else 1)])
    return _solve(system, known, hidden, k, rounded_by)


def small_counts_kept_below_k(grid: list[list[int]], hidden: list[list[bool]],
                              equations: list[list[tuple[int, int]]], k: int,
                              unprinted: frozenset[tuple[int, int]] = frozenset()
                              ) -> dict[str, tuple[int, int]]:
    """One table (or report) on its own: `equations` list cells whose members
    before the last add up to the last; `unprinted` cells are sums or
    differences nobody printed (not known to be zero or not)."""
    system = System()
    ids = [[system.var((r, c), v) for c, v in enumerate(row)] for r, row in enumerate(grid)]
    for members in equations:
        system.add([(ids[r][c], 1) for r, c in members[:-1]]
                   + [(ids[members[-1][0]][members[-1][1]], -1)])
    known = {ids[r][c]: v for r, row in enumerate(grid) for c, v in enumerate(row)
             if not hidden[r][c]}
    secret = {ids[r][c]: f"{r},{c}" for r, row in enumerate(grid) for c, _ in enumerate(row)
              if hidden[r][c] and (r, c) not in unprinted}
    return _solve(system, known, secret, k, 0, {ids[r][c] for r, c in unprinted})


def _one_report(system: System, v: object, values: dict[Key, int]) -> None:
    assert callable(v)
    tables: dict[str, list[Key]] = {}
    for key in values:
        tables.setdefault(key[0], []).append(key)
    for table, keys in tables.items():
        if table == "headline":
            continue
        columns = list(dict.fromkeys(c for _, _, c in keys))
        rows = list(dict.fromkeys(r for _, r, _ in keys))
        body = [r for r in rows if r != "Total"]
        if "Total" in rows:
            for c in columns:
                system.add([(v((table, r, c)), 1) for r in body] + [(v((table, "Total", c)), -1)])
        if columns[-1] in ROW_TOTAL_COLUMNS:
            for r in rows:
                system.add([(v((table, r, c)), 1) for c in columns[:-1]]
                           + [(v((table, r, columns[-1])), -1)])
            if table == "outcomes":
                for r in rows:
                    system.add([(v(head("Peers supported")), 1),
                                (v((table, r, columns[-1])), -1)], at_least=True)
    for label, same in HEADLINE_TOTALS.items():
        for key in same:
            if key in values:
                system.add([(v(head(label)), 1), (v(key), -1)])
    ge = system.add
    ge([(v(head("Group attendances")), 1), (v(head("Different people at groups")), -1)],
       at_least=True)
    ge([(v(head("Peers supported")), 1), (v(head("Different people at groups")), -1)],
       at_least=True)
    ge([(v(head("Group meetings held")), 1), (v(head("Groups run")), -1)], at_least=True)
    ge([(v(head("One-to-one sessions")), 1), (v(head("Group attendances")), 1),
        (v(head("Peers supported")), -1)], at_least=True)
    if "contacts_outcomes" in tables:
        _listening(system, v, tables)
    if "programme_supporters" in tables:
        _programme(system, v, tables)


def _programme(system: System, v: object, tables: dict[str, list[Key]]) -> None:
    assert callable(v)

    def at_most(small: list[Key], big: list[Key]) -> None:
        system.add([(v(b), 1) for b in big] + [(v(s), -1) for s in small], at_least=True)

    people = {key[1]: key for key in tables["programme_supporters"]}
    active, at_end = people[PROGRAMME_ACTIVE], people[PROGRAMME_ACTIVE_AT_END]
    at_most([at_end], [active])
    for key in tables.get("programme_currency", []):
        at_most([key], [at_end])
    hours = tables.get("programme_hours", [])
    anyone = [key for key in hours if key[1] == PROGRAMME_ANY_HOURS]
    kinds = [key for key in hours if key[1] != PROGRAMME_ANY_HOURS]
    if anyone:
        for key in kinds:
            at_most([key], anyone)
        at_most(anyone, kinds)
    voice = {key[1]: key for key in tables.get(VOICE, [])}
    if VOICE_DONE in voice and VOICE_HELD in voice:
        at_most([voice[VOICE_DONE]], [voice[VOICE_HELD]])
    if VOICE_FORMS in voice:
        for key in tables.get(BENEFITS, []):
            at_most([key], [voice[VOICE_FORMS]])


def _listening(system: System, v: object, tables: dict[str, list[Key]]) -> None:
    """Bounds on the tables where one contact can count in several rows."""
    assert callable(v)

    def at_most(small: list[Key], big: list[Key]) -> None:
        system.add([(v(b), 1) for b in big] + [(v(s), -1) for s in small], at_least=True)

    contacts = head(CONTACTS)
    topics = tables["contacts_by_topic"]
    no_topic = next(key for key in topics if key[1] == "No topic recorded")
    for key in topics:
        if key != no_topic:
            at_most([key, no_topic], [contacts])
    at_most([contacts], topics)
    outcomes = {key[1]: key for key in tables["contacts_outcomes"]}
    for key in outcomes.values():
        at_most([key], [contacts])
    at_most([contacts], list(outcomes.values()))
    signposted = outcomes["Signposted"]
    places = tables["contacts_signposted"]
    elsewhere = next(key for key in places if key[1] == "Somewhere not in the directory")
    for key in places:
        if key != elsewhere:
            at_most([key, elsewhere], [signposted])
    at_most([signposted], places)
    for key in tables["first_sessions"]:
        at_most([key], [head("Peers supported")])
        at_most([key], [head("One-to-one sessions")])


def _between(system: System, var: object, whole: PeriodId, parts: list[PeriodId], epoch: int,
             truth: dict[tuple[PeriodId, int], dict[Key, int]], *, cover: bool) -> None:
    assert callable(var)
    if not parts:
        return
    has_table = {p: {key[0] for key in truth[(p, epoch)]} for p in parts}
    for key in truth[(whole, epoch)]:
        if key[0] == "headline" and key[1] == "Hours of one-to-one support":
            continue
        # A part without the row but with its table counted none there.
        if not all(key in truth[(p, epoch)] or key[0] in has_table[p] for p in parts):
            continue
        w = var(whole, epoch, key)
        ps = [var(p, epoch, key) for p in parts if key in truth[(p, epoch)]]
        how = kind(key)
        if how == "none":
            continue
        if how == "at_end":
            for p in parts:
                if p[1] == whole[1] and key in truth[(p, epoch)]:
                    system.add([(w, 1), (var(p, epoch, key), -1)])
            continue
        for p in ps:
            system.add([(w, 1), (p, -1)], at_least=True)
        if cover and how == "additive":
            system.add([(p, 1) for p in ps] + [(w, -1)])
        elif cover and how == "people":
            system.add([(p, 1) for p in ps] + [(w, -1)], at_least=True)


def _solve(system: System, known: dict[int, int], hidden: dict[int, str], k: int,
           rounded_by: int, unprinted: set[int] | None = None) -> dict[str, tuple[int, int]]:
    n = len(system.truth)
    truth = system.truth
    lower = np.array([0.0 if truth[v] == 0 else 1.0 for v in range(n)])
    upper = np.array([0.0 if truth[v] == 0 else np.inf for v in range(n)])
    for v in unprinted or ():
        lower[v], upper[v] = 0.0, np.inf
    for v, value in known.items():
        lower[v] = max(lower[v], value - rounded_by)
        upper[v] = min(upper[v], value + rounded_by)
    matrix = np.zeros((len(system.rows), n))
    low = np.zeros(len(system.rows))
    high = np.zeros(len(system.rows))
    for i, (terms, constant, at_least) in enumerate(system.rows):
        for v, c in terms.items():
            matrix[i, v] = c
        low[i] = constant
        high[i] = np.inf if at_least else constant
    real = np.array(truth, dtype=float)
    assert np.all(matrix @ real >= low - 1e-9) and np.all(matrix @ real <= high + 1e-9), \
        "the attacker's sums must hold for the real counts"
    constraints = LinearConstraint(matrix, low, high)
    found: dict[str, tuple[int, int]] = {}
    cleared: set[int] = set()
    for v, label in sorted(hidden.items()):
        if not 1 <= truth[v] < k or v in cleared or (v in known and not rounded_by):
            continue
        goal = np.zeros(n)
        goal[v] = -1
        capped = upper.copy()
        capped[v] = min(upper[v], k)  # reaching k is enough
        result = milp(goal, constraints=constraints, integrality=np.ones(n),
                      bounds=Bounds(lower, capped))
        assert result.status == 0, f"{label}: {result.message}"
        best = round(-result.fun)
        if best < k:
            found[label] = (truth[v], best)
        else:
            cleared.update(u for u in hidden if result.x[u] >= k - 0.5)
    return found


__all__ = ["Published", "attack", "months_in", "parse", "small_counts_kept_below_k"]
