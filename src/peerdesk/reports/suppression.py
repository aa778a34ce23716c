"""Which figures to hide: suppression over every release at once.

Variables are named figures (a release's cell, or a change between two
versions of one period); rows are the relations a reader knows. Some
figures are settled already (printed in an earlier release, shown or
hidden); the `candidates` are the new release's figures, still to decide.

1. Every candidate from 1 to k-1 is hidden.
2. Two per line: a relation with a single unknown left would give it away,
   so another candidate in it is hidden too.
3. Check with the reader's solver (reports.solver): for the first small count
   it can still bound below k, one more candidate near it is hidden (the
   smallest non-zero part in one of its relations, then a total; then
   outwards through the relations), and the check runs again.

Zeros are never hidden to protect anything: the reader is taken to know
them. Hiding every non-zero candidate adds nothing a reader could use, so
the loop ends; should even that not clear a count, the release is refused.
"""

from __future__ import annotations

from collections.abc import Sequence

from peerdesk.domain.errors import PeerDeskError
from peerdesk.reports.solver import exposed

Row = tuple[Sequence[tuple[str, int]], bool]


class CannotProtect(PeerDeskError):
    """No choice of hidden figures keeps every small count safe."""


def choose_hidden(truth: dict[str, int], rows: Sequence[Row], *, hidden: set[str],
                  candidates: Sequence[str], latent: dict[str, int], k: int) -> set[str]:
    """The hidden figures among `candidates`.

    `hidden`: settled figures printed hidden; `latent`: variables never
    printed (changes between versions), with the least value a reader knows.
    Every other variable not a candidate was printed as it is.
    """
    chosen = set(hidden) | {c for c in candidates if 1 <= truth[c] < k}
    open_ = set(candidates)
    lines: dict[str, list[int]] = {}
    for r, (terms, _) in enumerate(rows):
        for name, _ in terms:
            lines.setdefault(name, []).append(r)

    def unknown() -> dict[str, int]:
        return {v: (1 if truth[v] else 0) for v in chosen} | latent

    def partner(row: int) -> tuple[tuple[int, int, str], str] | None:
        best = None
        for name, c in rows[row][0]:
            if name in open_ and name not in chosen and truth[name] > 0:
                cost = (0 if c > 0 else 1, truth[name], name)
                if best is None or cost < best[0]:
                    best = (cost, name)
        return best

    def two_per_line() -> None:
        changed = True
        while changed:
            changed = False
            for r, (terms, at_least) in enumerate(rows):
                if at_least:
                    continue
                unknowns = [n for n, _ in terms if (n in chosen or n in latent) and truth[n]]
                if len(unknowns) == 1 and 1 <= truth[unknowns[0]] < k \
                        and unknowns[0] not in latent:
                    best = partner(r)
                    if best is not None:
                        chosen.add(best[1])
                        changed = True

    cleared: set[str] = set()
    while True:
        two_per_line()
        small = [v for v in chosen if 1 <= truth[v] < k]
        bad = exposed(truth, rows, unknown(), small, k, focus=open_ | set(latent),
                      cleared=cleared)
        if not bad:
            return chosen & open_
        pick = _near(bad[0], rows, lines, partner)
        if pick is None:
            raise CannotProtect(
                "These figures can't be published without letting a small count be worked "
                "out from earlier releases. Nothing was published.")
        chosen.add(pick)


def _near(start: str, rows: Sequence[Row], lines: dict[str, list[int]],
          partner: object) -> str | None:
    """The best candidate to hide in a relation of `start`, then outwards."""
    assert callable(partner)
    seen = {start}
    frontier = [start]
    while frontier:
        best = None
        reached: list[str] = []
        for name in frontier:
            for r in lines.get(name, []):
                found = partner(r)
                if found is not None and (best is None or found < best):
                    best = found
                reached += [n for n, _ in rows[r][0] if n not in seen]
        if best is not None:
            return str(best[1])
        seen.update(reached)
        frontier = list(dict.fromkeys(reached))
    return None


__all__ = ["CannotProtect", "choose_hidden"]
