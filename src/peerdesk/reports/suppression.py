"""Primary and complementary suppression over a set of linked equations.

Cells are numbered; an equation lists cells whose members before the last add
up to the last. One set of equations covers a whole report, so a total shared
by two tables, a headline and the months that add up to it are one system and
hidden together.

1. Primary: a count from 1 to k-1 is hidden ("<k").
2. Two per line: an equation with a single hidden member would give it away,
   so another member is hidden too ("*"), until no equation has just one.
3. Verify: the reader's solver (reports.solver) looks for hidden cells that
   can still be worked out exactly. For the first it finds, one more member of
   one of its equations is hidden, and the check runs again, until it passes.
4. Last resort: when everything near an exposed cell is hidden already and it
   can still be worked out (k-1 small counts under a small total must all be
   1), a small count is printed "*" instead of "<k": the reader then knows it
   only as a count, 0 or more, and the equation no longer pins anything.
   Once every cell of a group is "*" nothing can be pinned, so this ends.

Which member to hide: the smallest shown non-zero part keeps the most
information; then a shown total; a shown zero last (a hidden zero protects
only when it could just as well be k or more).
"""

from __future__ import annotations

from collections.abc import Sequence

from peerdesk.reports.model import CellState
from peerdesk.reports.solver import pinned


def suppress_cells(values: Sequence[int], equations: Sequence[Sequence[int]], k: int,
                   forced: frozenset[int] = frozenset()) -> list[CellState]:
    """A state for every cell. `forced` cells are hidden whatever their value
    (a total another table had to hide)."""
    state = [CellState.PRIMARY if 1 <= v < k else CellState.SHOWN for v in values]
    for cell in forced:
        if state[cell] is CellState.SHOWN:
            state[cell] = CellState.SECONDARY
    lines: list[list[int]] = [[] for _ in values]
    for e, members in enumerate(equations):
        for cell in members:
            lines[cell].append(e)
    while True:
        _two_per_line(values, equations, state)
        exposed = pinned(values, equations,
                         {c for c, s in enumerate(state) if s is CellState.PRIMARY},
                         {c for c, s in enumerate(state) if s is CellState.SECONDARY}, k)
        if not exposed:
            return state
        if not _hide_near(exposed[0], values, equations, lines, state) and not _blur_near(
                exposed[0], values, equations, lines, state, k):
            return state  # nothing left to hide or blur: cannot happen, see _blur_near


def _two_per_line(values: Sequence[int], equations: Sequence[Sequence[int]],
                  state: list[CellState]) -> None:
    changed = True
    while changed:
        changed = False
        for members in equations:
            if sum(state[c] is not CellState.SHOWN for c in members) == 1:
                partner = _partner(members, values, state)
                if partner is not None:
                    state[partner[1]] = CellState.SECONDARY
                    changed = True


Choice = tuple[tuple[int, int, int], int]  # (cost, cell)


def _partner(members: Sequence[int], values: Sequence[int], state: list[CellState]
             ) -> Choice | None:
    """The shown member of one equation that is best hidden, with its cost, if any."""
    shown = [(position, c) for position, c in enumerate(members)
             if state[c] is CellState.SHOWN]
    if not shown:
        return None
    last = len(members) - 1

    def cost(item: tuple[int, int]) -> tuple[int, int, int]:
        position, cell = item
        rank = 2 if values[cell] == 0 else (1 if position == last else 0)
        return rank, values[cell], cell

    best = min(shown, key=cost)
    return cost(best), best[1]


def _hide_near(cell: int, values: Sequence[int], equations: Sequence[Sequence[int]],
               lines: list[list[int]], state: list[CellState]) -> bool:
    """Hide one more cell in an equation of `cell`; if all of those are hidden
    already, in an equation of one of their members, and so on outwards.
    False when nothing near is left to hide."""
    seen_cells = {cell}
    frontier = [cell]
    while frontier:
        best: Choice | None = None
        reached: list[int] = []
        for c in frontier:
            for e in lines[c]:
                partner = _partner(equations[e], values, state)
                if partner is not None and (best is None or partner < best):
                    best = partner
                reached += [m for m in equations[e] if m not in seen_cells]
        if best is not None:
            state[best[1]] = CellState.SECONDARY
            return True
        seen_cells.update(reached)
        frontier = list(dict.fromkeys(reached))
    return False


def _blur_near(cell: int, values: Sequence[int], equations: Sequence[Sequence[int]],
               lines: list[list[int]], state: list[CellState], k: int) -> bool:
    """Print one "<k" cell near `cell` as "*": the largest, totals first."""
    near = [cell] + [m for e in lines[cell] for m in equations[e]]
    seen_cells: set[int] = set()
    frontier = list(dict.fromkeys(near))
    while frontier:
        small = [c for c in frontier if state[c] is CellState.PRIMARY]
        if small:
            choice = max(small, key=lambda c: (values[c], c))
            state[choice] = CellState.SECONDARY
            assert 1 <= values[choice] < k
            return True
        seen_cells.update(frontier)
        frontier = list(dict.fromkeys(m for c in frontier for e in lines[c]
                                      for m in equations[e] if m not in seen_cells))
    return False
