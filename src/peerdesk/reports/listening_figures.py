"""The report's "Listening service" section: anonymous contacts, counted (DESIGN.md §5).

Counting (`compute`) adds ordinary tables and a headline to the report's raw
figures, so disclosure control treats them as it treats every table: each
figure is a named cell, protected over every release of the year with the
rest (docs/disclosure.md), rounded the same way. The tables that split all of
the period's contacts one way (channel, region, first time or returning,
office hours) add up to the same total, the headline; topics, outcomes and
signposting can name several per contact, so they have no total row (the
bounds a reader knows for them are in reports.cells). The twelve-month trend
is not counted here: like every trend, its bars copy what each month's own
release printed.

A contact that became a peer is on their record but is still one contact here,
counted once (it is never a one-to-one session); one whose peer withdrew
consent to statistics is left out, like the rest of that person's record.

Hours, the share out of office hours and the median wait for a first session
are not counts. They are printed only where the counts they come from are
shown: hours once, in whole hours, beside a shown contacts headline; the
share worked out from the printed (rounded) counts, so it tells a reader
nothing the table doesn't; the median only where the number of peers it is
the median of is shown and at least k.
"""

from __future__ import annotations

import statistics
from datetime import date
from typing import Any

from peerdesk.domain.listening import OFFICE_HOURS_KEY, Channel, OfficeHours, Outcome, Returning
from peerdesk.reports.figure_queries import FigureSource, Span, span_of
from peerdesk.reports.figures import RawFigures, RawTable
from peerdesk.reports.model import Cell, CellState, Section, Table, Trend
from peerdesk.reports.period import Period

HEADLINE = ("listening_contacts", "Listening-service contacts")
# Tables whose total is the headline: every contact of the period, split one way.
TOTALLED = ("contacts_by_channel", "contacts_by_region", "contacts_first_time",
            "contacts_office_hours")
MULTI = ("contacts_by_topic", "contacts_outcomes", "contacts_signposted")
TABLES = (*TOTALLED[:2], "contacts_by_topic", "contacts_first_time", "contacts_office_hours",
          "contacts_outcomes", "contacts_signposted", "first_sessions")
TREND = "trend_contacts"
SUMMARY = "listening_summary"
# Rows the bounds in reports.cells name.
NO_TOPIC = "No topic recorded"
NOT_IN_DIRECTORY = "Somewhere not in the directory"
FIRST_SESSIONS = "With their first one-to-one session in the period"

NOT_RECORDED = "Not recorded"


def compute(q: FigureSource, period: Period, fig: RawFigures) -> None:
    """Add the section's counts to `fig`. Runs inside figures.compute's snapshot, after
    the report's peer sets are filled."""
    hours = OfficeHours.from_setting(q.setting(OFFICE_HOURS_KEY))
    span = span_of(period)
    rows = q.contacts(span, frozenset(hours.days), hours.start.strftime("%H:%M"),
                      hours.end.strftime("%H:%M"))
    channels = dict.fromkeys(Channel, 0)
    channel_minutes = dict.fromkeys(Channel, 0)
    regions: dict[int | None, int] = {}
    first = dict.fromkeys(Returning, 0)
    outcomes = dict.fromkeys(Outcome.each(), 0)
    in_hours = out_of_hours = 0
    for channel, region, first_time, flags, open_now, count, minutes in rows:
        n = int(count)
        channels[Channel(channel)] += n
        channel_minutes[Channel(channel)] += int(minutes or 0)
        region = int(region) if region is not None else None
        regions[region] = regions.get(region, 0) + n
        first[Returning(first_time)] += n
        for outcome in Outcome(int(flags)).parts():
            outcomes[outcome] += n
        if open_now:
            in_hours += n
        else:
            out_of_hours += n
    total = sum(channels.values())
    fig.headlines[HEADLINE[0]] = total
    fig.extras["contact_hours"] = sum(channel_minutes.values()) / 60
    fig.tables["contacts_by_channel"] = RawTable(
        "contacts_by_channel", "Contacts by channel", "Channel", ("Contacts",),
        tuple((c.label, (channels[c],)) for c in Channel),
        hours=tuple(channel_minutes[c] / 60 for c in Channel))
    listed = q.regions()
    region_names = {int(r[0]): str(r[1]) for r in listed}
    shown_regions = sorted({i for i, n in regions.items() if i is not None and n}
                           | {int(r[0]) for r in listed if r[2]},
                           key=lambda i: region_names.get(i, "").casefold())
    fig.tables["contacts_by_region"] = RawTable(
        "contacts_by_region", "Contacts by region", "Region", ("Contacts",),
        (*((region_names.get(i, "?"), (regions.get(i, 0),)) for i in shown_regions),
         (NOT_RECORDED, (regions.get(None, 0),))))
    fig.tables["contacts_first_time"] = RawTable(
        "contacts_first_time", "First time or returning", "In touch before?", ("Contacts",),
        tuple((r.label, (first[r],)) for r in Returning))
    fig.tables["contacts_office_hours"] = RawTable(
        "contacts_office_hours", "In and out of office hours", "When", ("Contacts",),
        (("In office hours", (in_hours,)), ("Out of hours", (out_of_hours,))),
        note=f"Office hours: {hours.label()}.")
    fig.tables["contacts_outcomes"] = RawTable(
        "contacts_outcomes", "What came of contacts", "Outcome", ("Contacts",),
        tuple((o.label, (outcomes[o],)) for o in Outcome.each()), total_row=False,
        note="A contact can have more than one outcome, so these don't add up to the total.")
    _topics(q, span, total, fig)
    _signposted(q, span, fig)
    _first_sessions(q, span, fig)


def _topics(q: FigureSource, span: Span, total: int, fig: RawFigures) -> None:
    # One pass over the period's topic links gives both the contacts about each topic
    # and those about any (a second query looked every contact's topics up again).
    counts: dict[int, int] = {}
    contacts: set[Any] = set()
    for contact, topic in q.contact_topic_links(span):
        counts[int(topic)] = counts.get(int(topic), 0) + 1
        contacts.add(contact)
    with_topic = len(contacts)
    topics = q.contact_topics()
    fig.tables["contacts_by_topic"] = RawTable(
        "contacts_by_topic", "What contacts were about", "Topic", ("Contacts",),
        (*((str(name), (counts.get(int(i), 0),)) for i, name, active in topics
           if active or counts.get(int(i))),
         (NO_TOPIC, (total - with_topic,))), total_row=False,
        note="A contact can be about several topics, so these don't add up to the total.")


def _signposted(q: FigureSource, span: Span, fig: RawFigures) -> None:
    """Contacts signposted to a service of each category (one contact once per category),
    and those signposted somewhere not in the directory. Each row counts contacts of
    the period, so a quarter's row is the sum of its months'."""
    by_category = {int(k) if k is not None else None: int(n) for k, n in q.signposted(span)}
    elsewhere = q.signposted_elsewhere(span, int(Outcome.SIGNPOSTED))
    categories = q.directory_categories()
    fig.tables["contacts_signposted"] = RawTable(
        "contacts_signposted", "Contacts signposted, by what the service offers", "Service",
        ("Contacts",),
        (*((str(name), (by_category.get(int(i), 0),)) for i, name, active in categories
           if active or by_category.get(int(i))),
         ("A service with no category", (by_category.get(None, 0),)),
         (NOT_IN_DIRECTORY, (elsewhere,))),
        total_row=False,
        note="A contact can be pointed to several services, so these don't add up.")


def _first_sessions(q: FigureSource, span: Span, fig: RawFigures) -> None:
    """Peers whose first one-to-one session was in the period, and how long they waited
    for it from their first contact. A first session in the period is a session in it,
    so these are the peers supported with one, less those left out (consent)."""
    waits = [(date.fromisoformat(str(first)) - date.fromisoformat(str(contact))).days
             for contact, first in q.first_sessions(span)]
    fig.tables["first_sessions"] = RawTable(
        "first_sessions", "From first contact to a first one-to-one", "Peers",
        ("Peers",), ((FIRST_SESSIONS, (len(waits),)),),
        total_row=False)
    if waits:
        fig.extras["median_days_to_first_session"] = float(
            statistics.median(max(0, w) for w in waits))


# -- after disclosure control -----------------------------------------------------------


def _fraction(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,.1f}"


def section(raw: RawFigures, tables: dict[str, Table], contacts: Cell, trend: Trend,
            k: int) -> Section:
    """The section as printed, from the protected tables and the headline's cell."""
    na = Cell("–", CellState.NOT_APPLICABLE, None)
    # Hours once, in whole hours, and only beside a contacts count that is shown: the
    # same rule as the hours of one-to-one support (docs/disclosure.md).
    hours = (Cell(f"{int(raw.extras.get('contact_hours', 0.0) + 0.5):,}", CellState.SHOWN,
                  None) if not contacts.hidden else na)
    office = tables["contacts_office_hours"]
    share = na
    out_cell, in_cell = office.rows[1][1][0], office.rows[0][1][0]
    if not out_cell.hidden and not in_cell.hidden and out_cell.value is not None \
            and in_cell.value is not None and out_cell.value + in_cell.value > 0:
        share = Cell(f"{100 * out_cell.value / (out_cell.value + in_cell.value):.0f}%",
                     CellState.SHOWN, None)
    peers_cell = tables["first_sessions"].rows[0][1][0]
    median = raw.extras.get("median_days_to_first_session")
    wait = (Cell(_fraction(median), CellState.SHOWN, None)
            if median is not None and not peers_cell.hidden and (peers_cell.value or 0) >= k
            else na)
    summary = Table(SUMMARY, "Listening service at a glance", "Figure", ("Value",), (
        ("Hours of listening", (hours,)),
        ("Share of contacts out of office hours", (share,)),
        ("Median days from first contact to first one-to-one", (wait,)),
    ), note="Hours are shown in whole hours and the median only where the counts they "
            "come from are shown; the share is worked out from the printed counts.")
    return Section(
        "Listening service",
        "Contacts by phone, text, email, online and in person with people who have no "
        "record with us, and the people who became peers from them (each contact counted "
        "once). Each bar is the figure that month's own published report printed; a month "
        "not yet published has no bar.",
        (summary, *(tables[key] for key in TABLES)), (trend,))


__all__ = ["FIRST_SESSIONS", "HEADLINE", "MULTI", "NOT_IN_DIRECTORY", "NO_TOPIC", "SUMMARY",
           "TABLES", "TOTALLED", "TREND", "compute", "section"]
