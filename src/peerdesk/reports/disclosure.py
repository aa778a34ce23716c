"""Disclosure control: turn counts into a report that is safe to publish (DESIGN.md §5).

The method and why it holds are in docs/disclosure.md. In short:
1. Which figures to hide is decided over every release of the year at once
   (reports.joint, reports.suppression, reports.solver): every count from 1
   to k-1 is hidden, and enough others that none of them could be told from
   a count of k or more by a reader who holds every release.
2. A hidden figure prints "*" whatever its size, so "*" says nothing about
   whether the count was small.
3. What is shown may be rounded (to base 5, or randomly to base 3). Rounding
   is the same for the same figure of the same period wherever it prints;
   the protection never relies on it.
4. Hours print once, in whole hours, and only when the session (or contact)
   count is shown; a share or a median only where its counts are shown.
5. Trend bars print only figures already published: a month's bar is that
   month's released figure, as it was printed.
"""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass, field

from peerdesk.domain.errors import ValidationError
from peerdesk.domain.labels import Labelled, set_labels
from peerdesk.reports import listening_figures as listening
from peerdesk.reports import programme_figures as programme
from peerdesk.reports.cells import HEADLINES, PeriodCells, period_cells
from peerdesk.reports.figures import RawFigures, RawTable
from peerdesk.reports.joint import Version, protect_batch
from peerdesk.reports.model import Cell, CellState, Headline, Report, Section, Table, Trend

MIN_K = 3
DEFAULT_K = 5

HIDDEN = "*"
NOT_PUBLISHED = "–"


class Rounding(Labelled):
    NONE = "none"
    BASE_5 = "base5"
    RANDOM_3 = "random3"


set_labels(Rounding, {"none": "No rounding", "base5": "Round to the nearest 5",
                      "random3": "Random rounding to base 3"})


@dataclass(frozen=True, slots=True)
class Rules:
    k: int = DEFAULT_K
    rounding: Rounding = Rounding.NONE
    seed: int = 0

    def checked(self) -> Rules:
        if not isinstance(self.k, int) or self.k < MIN_K:
            raise ValidationError("The disclosure threshold must be at least {minimum}.",
                                  field="k", minimum=MIN_K)
        if self.k > 50:
            raise ValidationError("A disclosure threshold above 50 would hide almost "
                                  "everything.", field="k")
        return self

    def sentence(self) -> str:
        text = (f"Figures marked * are hidden: every count from 1 to {self.k - 1} is hidden, "
                "and enough other figures that no small count can be worked out from this "
                "report together with every other report the centre has published.")
        if self.rounding is Rounding.BASE_5:
            text += " Other counts are rounded to the nearest 5, each on its own."
        elif self.rounding is Rounding.RANDOM_3:
            text += " Other counts are randomly rounded to a multiple of 3, each on its own."
        return text


PROTECTION = (
    "A count of fewer than {k} people, sessions or "
    "contacts could point to someone, so it is never printed. It is hidden as *, and so are "
    "enough other figures that no one can work a small count out, not even by putting this "
    "report beside every other report, CSV file and revision the centre has published, and "
    "solving the sums exactly. A * may stand for any number, small or large. Each report is "
    "recorded when it is published; publishing the same period again prints the same "
    "figures, and figures that changed later (late entries, consent withdrawn, records "
    "erased) come out only as a numbered revision, protected against everything published "
    "before it. People who withdrew their consent to be counted are left out of every "
    "figure. A month's bar in a trend chart is the figure that month's own report printed; "
    "a month not yet published has no bar. Hours are shown in whole hours, and only where "
    "the number of sessions or contacts they belong to is shown; a share or a median only "
    "where the counts it comes from are shown."
)


# -- rounding and cells ---------------------------------------------------------------


def rounded(value: int, rules: Rules, where: str) -> int:
    """`where` names the figure (period and cell): the same figure rounds the same way
    in every report that prints it."""
    if rules.rounding is Rounding.BASE_5:
        return int(5 * ((value + 2) // 5)) if value % 5 else value
    if rules.rounding is Rounding.RANDOM_3:
        low, rest = value - value % 3, value % 3
        digest = hashlib.sha256(f"{rules.seed}|{where}|{value}".encode()).digest()
        draw = random.Random(int.from_bytes(digest[:8], "big")).random()
        return low + 3 if rest and draw < rest / 3 else low
    return value


def _cell(value: int, hidden: bool, rules: Rules, where: str) -> Cell:
    if hidden:
        return Cell(HIDDEN, CellState.SECONDARY, None)
    shown = rounded(value, rules, where)
    return Cell(f"{shown:,}", CellState.SHOWN, shown)


def whole_hours(hours: float) -> int:
    return int(hours + 0.5)


@dataclass(frozen=True, slots=True)
class Bars:
    """Released figures for trend bars: trend key -> month ("2026-01") -> printed cell."""

    cells: dict[str, dict[str, Cell]] = field(default_factory=dict)


TREND_HEADLINES = {"trend_peers": "peers_supported", "trend_sessions": "sessions",
                   "trend_attendances": "attendances", listening.TREND: listening.HEADLINE[0]}
TREND_TITLES = {"trend_peers": "Peers supported each month",
                "trend_sessions": "One-to-one sessions each month",
                "trend_attendances": "Group attendances each month",
                listening.TREND: "Listening-service contacts each month"}


def protect(raw: RawFigures, rules: Rules, *, centre_name: str, page_size: str = "A4",
            title: str | None = None) -> Report:
    """One report on its own, with nothing published before it."""
    rules = rules.checked()
    cells = period_cells(raw)
    hidden = protect_batch([], [Version("new", raw.period, cells)], rules.k)["new"]
    return render(raw, cells, hidden, rules, centre_name=centre_name, page_size=page_size,
                  title=title)


def render(raw: RawFigures, cells: PeriodCells, hidden: frozenset[str], rules: Rules, *,
           centre_name: str, page_size: str = "A4", title: str | None = None,
           bars: Bars | None = None) -> Report:
    """The printed report: `hidden` cells as "*", the rest (rounded) as they are."""
    where = f"{raw.period.start}..{raw.period.end}"

    def cell(cell_id: str) -> Cell:
        return _cell(cells.values[cell_id], cell_id in hidden, rules, f"{where}|{cell_id}")

    tables = {key: _table(t, cells.layout[key], cell) for key, t in raw.tables.items()}
    heads = {key: cell(cells.headlines[key]) for key, _ in HEADLINES if key != "session_hours"}
    heads["session_hours"] = (
        Cell(f"{whole_hours(raw.session_hours):,}", CellState.SHOWN, None)
        if not heads["sessions"].hidden else Cell(NOT_PUBLISHED, CellState.NOT_APPLICABLE, None))
    headlines = tuple(Headline(key, label, heads[key]) for key, label in HEADLINES)
    trends = {t.key: t for t in _trends(raw, heads, bars or Bars())}
    contacts = trends.pop(listening.TREND)
    sections = (
        Section("One-to-one support", tables=(tables["sessions_by_mode"],
                                              tables["sessions_by_kind"])),
        Section("Who we supported", "Peers with a one-to-one session or a group attendance in "
                "the period.", (tables["age"], tables["gender"], tables["contact_route"])),
        Section("Referrals and follow-ups", tables=(tables["referrals"], tables["follow_ups"])),
        Section("Outcomes", tables=(tables["outcomes"],)),
        *((listening.section(raw, tables, heads[listening.HEADLINE[0]], contacts, rules.k),)
          if listening.TOTALLED[0] in tables else ()),
        *((programme.section(raw, tables),) if programme.present(raw) else ()),
        Section("The last twelve months", "Each bar is the figure that month's own published "
                "report printed; a month not yet published has no bar.",
                trends=tuple(trends.values())),
    )
    # No number: how many people withdrew would change by one when one more does.
    excluded = ("People who withdrew their consent to be counted in statistics are left out "
                "of every figure." if raw.excluded_peers else "")
    return Report(
        centre_name=centre_name,
        title=title or {"month": "Monthly report", "quarter": "Quarterly report",
                        "year": "Annual report"}.get(raw.period.kind, "Report"),
        period_label=raw.period.label, start=raw.period.start, end=raw.period.end,
        headlines=headlines, sections=sections, disclosure_rule=rules.sentence(),
        exclusion_note=excluded, page_size=page_size,
        notes=(
            "Peers supported: people with at least one one-to-one session or group "
            "attendance in the period.",
            "Anonymous head-count: people who came to a group but asked for no record.",
            "Follow-ups done on time: done on or before the date set.",
            "Listening-service contacts: calls, texts, emails, chats and visits logged "
            "without a person record, including those of people who later became peers.",
            "Programme: the peer supporters in the centre's register. Active: their status "
            "was Active. Training current: a course mapped to the competency that never "
            "lapses, or one still valid on the period's last day. Mentoring pairs: active "
            "when their dates overlap the period. Consultations: held in the period; actions "
            "done are those of them whose action is marked done.",
            "No names of peers or supporters, reference codes, dates of birth or notes "
            "appear in this report.",
        ),
        protection=PROTECTION.format(k=rules.k),
    )


def _table(raw: RawTable, ids: list[list[str]], cell: object) -> Table:
    assert callable(cell)
    cells = [[cell(c) for c in row] for row in ids]
    columns = raw.columns + ((raw.row_total_column,) if raw.row_total_column else ())
    body = tuple((label, tuple(cells[i])) for i, (label, _) in enumerate(raw.rows))
    total = tuple(cells[-1]) if raw.total_row and raw.rows else None
    return Table(raw.key, raw.title, raw.row_header, columns, body, total, raw.note)


def _trends(raw: RawFigures, heads: dict[str, Cell], bars: Bars) -> tuple[Trend, ...]:
    months = [m for m, _, _ in raw.period.trend_months()]
    own = f"{raw.period.start:%Y-%m}" if raw.period.kind == "month" else None
    blank = Cell(NOT_PUBLISHED, CellState.NOT_APPLICABLE, None)
    out = []
    for key, headline in TREND_HEADLINES.items():
        released = bars.cells.get(key, {})
        values = tuple(heads[headline] if m == own else released.get(m, blank) for m in months)
        out.append(Trend(key, TREND_TITLES[key], tuple(months), values))
    return tuple(out)


__all__ = ["DEFAULT_K", "MIN_K", "Bars", "Rounding", "Rules", "protect", "render", "rounded"]
