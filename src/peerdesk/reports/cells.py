"""A report's figures as named cells, and what a reader knows ties them together.

Every number a report can print has a stable name (a *cell id*): a headline
("sessions"), or a table cell ("gender|Woman|Peers"). A table total that is
the same number as a headline carries the headline's name, so the printed
report has one cell per figure whatever table it appears in. Names are what
the release register stores and what links the same figure across releases.

`period_cells` returns the counts and the relations a reader of that one
report knows: rows adding up to their totals, and the inequalities that
follow from what the figures count (different people at groups never more
than attendances, nor more than peers supported; groups run never more than
meetings held; peers supported never more than sessions plus attendances;
peers rated twice never more than peers supported; and the listening
service's bounds, below). Relations between periods (a quarter and its
months) are in reports.links.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from peerdesk.reports import listening_figures as listening
from peerdesk.reports import programme_figures as programme
from peerdesk.reports.figures import RawFigures, RawTable

CONTACTS = listening.HEADLINE[0]
# Table totals that are a headline's figure.
TOTAL_IS_HEADLINE = {"gender": "peers_supported", "age": "peers_supported",
                     "sessions_by_mode": "sessions", "sessions_by_kind": "sessions",
                     "contact_route": "new_peers", "follow_ups": "follow_ups_due",
                     "referrals": "referrals",
                     **dict.fromkeys(listening.TOTALLED, CONTACTS)}
# Headlines that are a table's first cell.
HEADLINE_IS_CELL = {"follow_ups_on_time": "follow_ups"}

HEADLINES = (
    ("peers_supported", "Peers supported"), ("new_peers", "New peers"),
    ("sessions", "One-to-one sessions"), ("session_hours", "Hours of one-to-one support"),
    ("groups_run", "Groups run"), ("meetings_held", "Group meetings held"),
    ("attendances", "Group attendances"), ("unique_attendees", "Different people at groups"),
    ("anonymous_headcount", "Anonymous head-count at groups"),
    ("referrals", "Referrals made"), ("follow_ups_on_time", "Follow-ups done on time"),
    listening.HEADLINE,
)


class Kind(StrEnum):
    """How a figure for a longer period relates to the same figure for a part of it."""

    ADDITIVE = "additive"   # the sum of its parts (sessions, attendances, referrals…)
    PEOPLE = "people"       # different people (or groups): at least any part, at most the sum
    AT_LEAST = "at_least"   # at least any part, no upper bound (peers rated twice by the end)
    AT_END = "at_end"       # a count on the last day: the same as a part's ending that day
    NONE = "none"           # no relation (better/worse: a later rating can change it)


_PEOPLE = ("peers_supported", "unique_attendees", "groups_run")


def kind_of(cell: str) -> Kind:
    table = cell.split("|", 1)[0]
    if table.startswith("programme_"):
        ours = programme.kind_of(table, cell.split("|")[1])
        if ours is not None:
            return Kind(ours)
    if cell in _PEOPLE or table in ("gender", "age"):
        return Kind.PEOPLE
    if table == "outcomes":
        return Kind.AT_LEAST if cell.endswith("|Peers rated twice or more") else Kind.NONE
    return Kind.ADDITIVE


@dataclass(frozen=True, slots=True)
class Relation:
    """sum(coefficient * cell) == 0, or >= 0 when `at_least`."""

    terms: tuple[tuple[str, int], ...]
    at_least: bool = False


def equal(parts: list[str], total: str) -> Relation:
    return Relation((*((p, 1) for p in parts), (total, -1)))


def at_most(parts: list[str], bound: list[str]) -> Relation:
    """sum(parts) <= sum(bound)."""
    return Relation((*((b, 1) for b in bound), *((p, -1) for p in parts)), True)


@dataclass(frozen=True, slots=True)
class PeriodCells:
    values: dict[str, int]               # cell id -> true count
    relations: tuple[Relation, ...]
    layout: dict[str, list[list[str]]]   # table key -> its grid of cell ids (rows, then total)
    headlines: dict[str, str]            # headline key -> its cell id


def table_ids(raw: RawTable) -> list[list[str]]:
    """Cell ids of a table's grid: its rows, then its Total row when it has one."""
    columns = list(raw.columns) + ([raw.row_total_column] if raw.row_total_column else [])
    grid = [[f"{raw.key}|{label}|{c}" for c in columns] for label, _ in raw.rows]
    if raw.total_row and raw.rows:
        grid.append([f"{raw.key}|Total|{c}" for c in columns])
        headline = TOTAL_IS_HEADLINE.get(raw.key)
        if headline:
            grid[-1][-1] = headline
    return grid


def period_cells(raw: RawFigures) -> PeriodCells:
    values: dict[str, int] = {}
    relations: list[Relation] = []
    layout: dict[str, list[list[str]]] = {}
    for key, table in raw.tables.items():
        ids = table_ids(table)
        layout[key] = ids
        counts = [list(v) for _, v in table.rows]
        if table.row_total_column:
            counts = [[*row, sum(row)] for row in counts]
            relations += [equal(row[:-1], row[-1]) for row in ids[:len(counts)]]
        if table.total_row and table.rows:
            counts.append([sum(col) for col in zip(*counts, strict=True)])
            relations += [equal([row[c] for row in ids[:-1]], ids[-1][c])
                          for c in range(len(ids[0]))]
            if table.row_total_column:
                relations.append(equal(ids[-1][:-1], ids[-1][-1]))
        for id_row, count_row in zip(ids, counts, strict=True):
            for cell, count in zip(id_row, count_row, strict=True):
                values[cell] = count
    headlines: dict[str, str] = {}
    for key, _ in HEADLINES:
        source = HEADLINE_IS_CELL.get(key)
        cell = layout[source][0][0] if source and raw.tables[source].rows else key
        if key != "session_hours":
            headlines[key] = cell
            values.setdefault(cell, int(raw.headlines.get(key, 0)))
    relations += [
        at_most(["unique_attendees"], ["attendances"]),
        at_most(["unique_attendees"], ["peers_supported"]),
        at_most(["groups_run"], ["meetings_held"]),
        at_most(["peers_supported"], ["sessions", "attendances"]),
    ]
    for row in layout.get("outcomes", []):
        relations.append(at_most([row[-1]], ["peers_supported"]))
    relations += [r for r in _listening_bounds(layout) if _holds(r, values)]
    relations += [r for r in (at_most(small, big) for small, big in programme.bounds(layout))
                  if _holds(r, values)]
    return PeriodCells(values, tuple(relations), layout, headlines)


def _listening_bounds(layout: dict[str, list[list[str]]]) -> list[Relation]:
    """What a reader knows of the listening tables that count a contact more than once
    (topics, outcomes, signposting) and of the peers' first sessions.

    - a topic's contacts and those with no topic are apart: together at most all
      contacts; every contact has a topic or none, so all rows together at least
      all contacts;
    - each outcome at most all contacts, and every contact has one at least;
    - contacts signposted to a category, and those signposted somewhere not in
      the directory, are apart and all were signposted: together at most the
      signposted; every signposted contact is in one row at least;
    - peers with their first one-to-one in the period: at most the peers
      supported and at most the sessions.
    """
    def column(key: str) -> dict[str, str]:
        return {row[0].split("|")[1]: row[0] for row in layout.get(key, [])}

    out: list[Relation] = []
    topics = column("contacts_by_topic")
    if topics:
        none = topics[listening.NO_TOPIC]
        out += [at_most([cell, none], [CONTACTS]) for label, cell in topics.items()
                if cell != none]
        out.append(at_most([CONTACTS], list(topics.values())))
    outcomes = column("contacts_outcomes")
    if outcomes:
        out += [at_most([cell], [CONTACTS]) for cell in outcomes.values()]
        out.append(at_most([CONTACTS], list(outcomes.values())))
    places = column("contacts_signposted")
    if places and "Signposted" in outcomes:
        signposted = outcomes["Signposted"]
        elsewhere = places[listening.NOT_IN_DIRECTORY]
        out += [at_most([cell, elsewhere], [signposted]) for cell in places.values()
                if cell != elsewhere]
        out.append(at_most([signposted], list(places.values())))
    first = column("first_sessions").get(listening.FIRST_SESSIONS)
    if first:
        out += [at_most([first], ["peers_supported"]), at_most([first], ["sessions"])]
    return out


def _holds(relation: Relation, values: dict[str, int]) -> bool:
    # Only what is true goes in: the app keeps these true (every contact has an
    # outcome, a contact pointed to a service is signposted), but a contact
    # imported or edited outside it might not, and the system must fit the counts.
    total = sum(values[cell] * c for cell, c in relation.terms)
    return total >= 0 if relation.at_least else total == 0


__all__ = ["HEADLINES", "Kind", "PeriodCells", "Relation", "at_most", "equal", "kind_of",
           "period_cells", "table_ids"]
