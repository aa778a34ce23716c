"""Protection of a new publication against every earlier release of the same year.

A *version* is one release of one period: its true counts, the figures it
printed hidden, the version of the same period it revised, and the releases
it was counted together with (those of periods inside or around it whose
figures were unchanged when it was published). A *batch* is what one act of
publication adds: the period asked for and the revisions of periods around it
whose figures had changed since they were published.

The reader's system (reports.solver has their knowledge in full):
- each version's own relations (reports.cells);
- relations between versions counted together (reports.links);
- between two versions of one period: a figure that did not change is the
  same unknown in both; one that did is linked by a change the reader knows
  the direction of (up or down), not its size.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from peerdesk.reports import links
from peerdesk.reports.cells import PeriodCells, Relation
from peerdesk.reports.period import Period
from peerdesk.reports.suppression import choose_hidden


@dataclass(frozen=True, slots=True)
class Version:
    key: str
    period: Period
    cells: PeriodCells
    hidden: frozenset[str] = frozenset()    # for settled versions: printed hidden
    previous: str | None = None             # the version of the same period it revises
    together: tuple[str, ...] = ()          # settled versions counted with it


def protect_batch(settled: Sequence[Version], batch: Sequence[Version], k: int
                  ) -> dict[str, frozenset[str]]:
    """The hidden cells of each version in `batch` (settled ones keep theirs).

    `settled` in the order they were published; each batch version's
    `together` names the settled versions counted with the batch.
    """
    versions = {v.key: v for v in [*settled, *batch]}
    names: dict[str, str] = {}
    truth: dict[str, int] = {}
    rows: set[tuple[tuple[tuple[str, int], ...], bool]] = set()
    latent: dict[str, int] = {}
    for v in [*settled, *batch]:
        before = versions[v.previous] if v.previous else None
        for cell, value in v.cells.values.items():
            own = links.var(v.key, cell)
            if before is not None and before.cells.values.get(cell) == value:
                names[own] = names[links.var(before.key, cell)]
                continue
            names[own] = own
            truth[own] = value
            if before is not None and cell in before.cells.values:
                old = names[links.var(before.key, cell)]
                change = f"change:{own}"
                latent[change] = 1
                up = value > truth[old]
                truth[change] = abs(value - truth[old])
                rows.add((((own, 1), (old, -1), (change, -1 if up else 1)), False))
        for relation in v.cells.relations:
            rows.add(_named(relation, v.key, names))
    for group in _moments(settled, batch):
        members = [versions[key] for key in group]
        counted = [links.Counted(m.key, m.period, m.cells.values) for m in members]
        rows.update(links.relations(counted, names))
    shown: set[str] = set()
    hidden: set[str] = set()
    for v in settled:
        for cell in v.cells.values:
            (hidden if cell in v.hidden else shown).add(names[links.var(v.key, cell)])
    hidden -= shown
    candidates = sorted({names[links.var(v.key, c)] for v in batch for c in v.cells.values}
                        - shown - hidden)
    chosen = choose_hidden(truth, sorted(rows), hidden=hidden, candidates=candidates,
                           latent=latent, k=k) | hidden
    return {v.key: frozenset(c for c in v.cells.values if names[links.var(v.key, c)] in chosen)
            for v in batch}


def _named(relation: Relation, key: str, names: dict[str, str]
           ) -> tuple[tuple[tuple[str, int], ...], bool]:
    merged: dict[str, int] = {}
    for cell, c in relation.terms:
        name = names[links.var(key, cell)]
        merged[name] = merged.get(name, 0) + c
    return tuple(sorted((n, c) for n, c in merged.items() if c)), relation.at_least


def _moments(settled: Sequence[Version], batch: Sequence[Version]) -> list[list[str]]:
    """Groups of versions counted at one moment: each settled version with those it
    was counted with, and the batch with the settled versions it names."""
    groups = [[v.key, *v.together] for v in settled if v.together]
    if batch:
        together = {key for v in batch for key in v.together}
        groups.append([v.key for v in batch] + sorted(together))
    return groups


__all__ = ["Version", "protect_batch"]
