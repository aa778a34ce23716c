"""How releases of periods inside one another tie together, counted at one moment.

For releases counted from the same data (one publication, or releases it
found unchanged), a reader knows, for each figure both print:
- additive figures (sessions, attendances, referrals…): a period's figure is
  the sum of the figures of parts that make it up exactly, and at least the
  sum of any parts that don't overlap;
- different people (peers supported, by age and gender, different people at
  groups, groups run): at least each part's, at most the sum of parts that
  make it up;
- peers rated twice or more: at least each part's;
- counts on a period's last day (supporters active then, their training
  current): the same as a part's that ends that day, nothing otherwise.
Periods are months, quarters, years and whole-month ranges within a year
(services.releases refuses ranges that would partly overlap a release).

Some tables have a row only where it counts something or is still in use (a
region, topic or category the centre retired): a part that has the table but
not the row counted none there, and the reader knows it.

Variables are named "<version>:<cell>".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from peerdesk.reports.cells import Kind, kind_of
from peerdesk.reports.period import Period

Row = tuple[tuple[tuple[str, int], ...], bool]


@dataclass(frozen=True, slots=True)
class Counted:
    key: str                  # the version's name in variables
    period: Period
    values: dict[str, int]    # cell id -> variable name (already renamed) or own


def var(key: str, cell: str) -> str:
    return f"{key}:{cell}"


def _inside(a: Period, b: Period) -> bool:
    return b.start <= a.start and a.end <= b.end and (a.start, a.end) != (b.start, b.end)


def _disjoint_cover(whole: Period, parts: Sequence[Counted]) -> tuple[list[Counted], bool]:
    """Parts that don't overlap, longest first, and whether they make up `whole`."""
    chosen: list[Counted] = []
    for part in sorted(parts, key=lambda p: (p.period.start - p.period.end, p.period.start)):
        if all(part.period.end < c.period.start or c.period.end < part.period.start
               for c in chosen):
            chosen.append(part)
    days = sum((c.period.end - c.period.start).days + 1 for c in chosen)
    return chosen, days == (whole.end - whole.start).days + 1


def _same_kind_covers(whole: Period, parts: Sequence[Counted]) -> list[tuple[list[Counted], bool]]:
    groups = [[p for p in parts if p.period.kind == kind] for kind in ("month", "quarter")]
    groups.append(list(parts))
    out = []
    for group in groups:
        if group:
            chosen, complete = _disjoint_cover(whole, group)
            if len(chosen) > 1 or complete:
                out.append((chosen, complete))
    return out


def _tables(values: dict[str, int]) -> set[str]:
    return {cell.split("|", 1)[0] for cell in values if "|" in cell}


def relations(versions: Sequence[Counted], names: dict[str, str]) -> list[Row]:
    """Relations among `versions`, all counted at one moment. `names` maps each
    "<version>:<cell>" to the variable that stands for it."""
    rows: list[Row] = []
    tables = {v.key: _tables(v.values) for v in versions}

    def counted_in(cell: str, part: Counted) -> bool | None:
        """True: the part has the cell; False: it has the table, so the cell is 0
        there; None: the part doesn't count it."""
        if cell in part.values:
            return True
        return False if "|" in cell and cell.split("|", 1)[0] in tables[part.key] else None

    for whole in versions:
        parts = [p for p in versions if _inside(p.period, whole.period)]
        for part in parts:
            for cell in whole.values:
                if cell not in part.values:
                    continue
                kind = kind_of(cell)
                if kind is Kind.AT_END:
                    # A count on the last day: a part ending that day counted the same.
                    if part.period.end == whole.period.end:
                        rows.append((((names[var(whole.key, cell)], 1),
                                      (names[var(part.key, cell)], -1)), False))
                elif kind is not Kind.NONE:
                    rows.append((((names[var(whole.key, cell)], 1),
                                  (names[var(part.key, cell)], -1)), True))
        for chosen, complete in _same_kind_covers(whole.period, parts):
            for cell in whole.values:
                has = [counted_in(cell, p) for p in chosen]
                if None in has:
                    continue
                kind = kind_of(cell)
                terms = ((names[var(whole.key, cell)], -1),
                         *((names[var(p.key, cell)], 1) for p, h in zip(chosen, has,
                                                                       strict=True) if h))
                if kind is Kind.ADDITIVE:
                    # parts - whole == 0 when they make it up; whole - parts >= 0 otherwise
                    rows.append((terms, False) if complete else
                                (tuple((n, -c) for n, c in terms), True))
                elif kind is Kind.PEOPLE and complete:
                    rows.append((terms, True))  # sum of parts - whole >= 0
    return rows


__all__ = ["Counted", "relations", "var"]
