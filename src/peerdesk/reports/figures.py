"""The report's numbers, counted with read-only SQL (DESIGN.md §5).

Everything here is a plain count; nothing is hidden yet (reports.disclosure
does that). Peers whose latest consent to statistics is withdrawn are left
out of every figure. Queries read only the columns their covering indexes
hold, never notes or names. The sets of peers several counts share are
worked out once per report (reports.peer_sets).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from peerdesk.domain.one_to_one import SessionKind, SessionMode
from peerdesk.domain.peer import AgeBand, ContactRoute, Gender
from peerdesk.domain.referral import ReferralDestination
from peerdesk.reports.figure_queries import REPORT_CACHE_KIB, FigureSource, Span, source, span_of
from peerdesk.reports.period import Period
from peerdesk.storage.database import Database


@dataclass(frozen=True, slots=True)
class RawTable:
    """Counts by row; `columns` name the count columns. `hours` (if any) goes
    with the first count column and is hidden whenever that count is."""

    key: str
    title: str
    row_header: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, tuple[int, ...]], ...]
    total_row: bool = True
    row_total_column: str = ""  # when set, a last column that sums the others
    hours: tuple[float, ...] | None = None
    note: str = ""


@dataclass(frozen=True, slots=True)
class RawTrend:
    key: str
    title: str
    months: tuple[str, ...]
    values: tuple[int, ...]


@dataclass(slots=True)
class RawFigures:
    period: Period
    headlines: dict[str, int] = field(default_factory=dict)
    session_hours: float = 0.0
    tables: dict[str, RawTable] = field(default_factory=dict)
    trends: list[RawTrend] = field(default_factory=list)
    excluded_peers: int = 0
    # Figures that are not counts (hours, a median), printed only beside counts
    # that are shown (see reports.listening_figures).
    extras: dict[str, float] = field(default_factory=dict)


def _by(rows: list[Any], labels: dict[str, str], *, other: str = "Not recorded"
        ) -> tuple[tuple[str, tuple[int, ...]], ...]:
    counts = {label: 0 for label in labels.values()}
    for key, count in rows:
        name = labels.get(key or "", other)
        counts[name] = counts.get(name, 0) + int(count)
    return tuple((label, (count,)) for label, count in counts.items())


def compute(db: Database | FigureSource, period: Period) -> RawFigures:
    """The period's counts, from the vault (a Database) or another figure source (the
    team server's: reports.figure_queries). Trend bars are not counted here: a month's
    bar is the figure its own release printed (services.releases reads them from the
    register)."""
    # Its module builds on the raw types defined here.
    from peerdesk.reports import listening_figures, programme_figures

    q = source(db)
    fig = RawFigures(period)
    span = span_of(period)
    # One snapshot for the whole report, with the report's sets of peers filled.
    with q.counting(period):
        _sessions(q, period, fig)
        _groups(q, period, fig)
        _people(q, span, fig)
        _referrals_and_follow_ups(q, span, fig)
        _outcomes(q, span, fig)
        listening_figures.compute(q, period, fig)
        programme_figures.compute(q, period, fig)
        fig.excluded_peers = q.excluded_peers()
    return fig


def _within(day: Any, period: Period) -> bool:
    return period.start.isoformat() <= str(day) <= period.end.isoformat()


def _sessions(q: FigureSource, period: Period, fig: RawFigures) -> None:
    """The period's sessions by mode and kind."""
    rows = q.sessions(span_of(period))
    by_mode = {m: [0, 0] for m in SessionMode}
    by_kind = {k: 0 for k in SessionKind}
    for day, mode, kind, count, minutes in rows:
        if not _within(day, period):
            continue
        by_mode[SessionMode(mode)][0] += int(count)
        by_mode[SessionMode(mode)][1] += int(minutes or 0)
        by_kind[SessionKind(kind)] += int(count)
    total = sum(c for c, _ in by_mode.values())
    fig.headlines["sessions"] = total
    # Whole minutes over 60, rounded only when printed: the by-mode table's
    # total is the same division, so the two always print alike.
    fig.session_hours = sum(m for _, m in by_mode.values()) / 60
    fig.tables["sessions_by_mode"] = RawTable(
        "sessions_by_mode", "One-to-one sessions by mode", "Mode", ("Sessions",),
        tuple((m.label, (c,)) for m, (c, _) in by_mode.items()),
        # Unrounded: the table's total is rounded once, so it matches the headline.
        hours=tuple(minutes / 60 for _, minutes in by_mode.values()))
    fig.tables["sessions_by_kind"] = RawTable(
        "sessions_by_kind", "One-to-one sessions by kind", "Kind", ("Sessions",),
        tuple((k.label, (c,)) for k, c in by_kind.items()))


def _groups(q: FigureSource, period: Period, fig: RawFigures) -> None:
    """The period's group figures."""
    span = span_of(period)
    meetings, groups, anonymous = q.meetings(span)
    attendances = sum(int(count) for day, count in q.attendance_days(span)
                      if _within(day, period))
    _, attendees = q.supported()
    fig.headlines.update(groups_run=groups, meetings_held=meetings,
                         attendances=attendances, unique_attendees=attendees,
                         anonymous_headcount=anonymous)


def _people(q: FigureSource, span: Span, fig: RawFigures) -> None:
    fig.headlines["peers_supported"] = q.supported()[0]
    # Both tables from one pass over the peers supported.
    profiles = q.profiles()
    bands = {b.value: (b.label or "Not recorded") for b in AgeBand}
    fig.tables["age"] = RawTable(
        "age", "Peers supported by age", "Age band", ("Peers",),
        _by([(band, count) for band, _, count in profiles], bands))
    genders = {"woman": "Woman", "man": "Man", "non_binary": "Non-binary",
               "self_described": "Describes another way",
               "prefer_not_to_say": "Prefers not to say", "": "Not recorded"}
    assert set(genders) == {g.value for g in Gender}
    fig.tables["gender"] = RawTable(
        "gender", "Peers supported by gender", "Gender", ("Peers",),
        _by([(gender, count) for _, gender, count in profiles], genders))
    new = q.new_peers(span)
    fig.headlines["new_peers"] = sum(int(c) for _, c in new)
    fig.tables["contact_route"] = RawTable(
        "contact_route", "How new peers first made contact", "First contact", ("New peers",),
        _by(new, {r.value: r.label for r in ContactRoute}))


def _referrals_and_follow_ups(q: FigureSource, span: Span, fig: RawFigures) -> None:
    statuses = ("made", "accepted", "declined")
    counts = {d: dict.fromkeys(statuses, 0) for d in ReferralDestination}
    for destination, status, count in q.referrals(span):
        counts[ReferralDestination(destination)][status] += int(count)
    fig.headlines["referrals"] = sum(sum(c.values()) for c in counts.values())
    fig.tables["referrals"] = RawTable(
        "referrals", "Referrals by destination", "Referred to",
        ("Awaiting reply", "Accepted", "Declined"),
        tuple((d.label, tuple(counts[d][s] for s in statuses)) for d in ReferralDestination),
        row_total_column="All referrals")
    on_time, late, still_open = q.follow_ups(span)
    fig.headlines["follow_ups_due"] = on_time + late + still_open
    fig.headlines["follow_ups_on_time"] = on_time
    fig.tables["follow_ups"] = RawTable(
        "follow_ups", "Follow-ups due in the period", "Follow-ups", ("Follow-ups",),
        (("Done on time", (on_time,)), ("Done late", (late,)),
         ("Not done yet", (still_open,))))


def _outcomes(q: FigureSource, span: Span, fig: RawFigures) -> None:
    """First and latest rating up to the period's end, for peers supported in it."""
    rows = q.outcomes(span)
    titles = {str(k): str(t) for k, t in q.measure_titles()}
    fig.tables["outcomes"] = RawTable(
        "outcomes", "Change between first and latest rating", "Measure",
        ("Better", "No change", "Worse"),
        tuple((titles.get(str(key), str(key)), (int(b), int(s), int(w)))
              for key, b, s, w in rows),
        total_row=False, row_total_column="Peers rated twice or more",
        note="Peers supported in the period with two or more complete ratings up to its "
             "end (every item answered; corrected values, deleted ratings left out); first "
             "and latest compared. Less loneliness and less anxiety count as better.")


__all__ = ["REPORT_CACHE_KIB", "RawFigures", "RawTable", "RawTrend", "compute"]
