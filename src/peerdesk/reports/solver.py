"""A reader's solver: which hidden counts can be worked out from what is printed.

The reader knows every printed count, that a "<k" cell is 1..k-1, that a "*"
cell is 0 or at least k (every count from 1 to k-1 is printed "<k", so a "*"
never is one), and that each equation adds up (a row to its row total, a
column to its total, a headline to the table total it equals, a quarter's
months to the quarter's figure).

A hidden cell is *pinned* when every whole-number table that fits all of that
has the same value in it. To show a cell is not pinned the solver finds a
second fitting table with a different value there (a witness), by depth-first
search with interval propagation; every witness found also clears every other
cell whose value differs in it. Searches have a budget: a cell the solver
can't clear within it counts as pinned, so running out of effort hides more,
never less.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

NODE_BUDGET = 4_000  # per witness search; the tables are small

Bounds = list[tuple[int, int]]


@dataclass(frozen=True, slots=True)
class _Equation:
    """sum(coefficient * x[var]) == constant over hidden cells."""

    terms: tuple[tuple[int, int], ...]  # (var, coefficient)
    constant: int


class _Problem:
    def __init__(self, truth: list[int], gap: list[bool], equations: list[_Equation],
                 k: int) -> None:
        self.truth = truth
        self.gap = gap      # "*" cells: no value in 1..k-1
        self.k = k
        self.equations = equations
        self.by_var: list[list[int]] = [[] for _ in truth]
        for e, eq in enumerate(equations):
            for v, _ in eq.terms:
                self.by_var[v].append(e)

    def _tighten(self, v: int, lo: int, hi: int) -> tuple[int, int]:
        if self.gap[v]:
            if 0 < lo < self.k:
                lo = self.k
            if 0 < hi < self.k:
                hi = 0
        return lo, hi

    def propagate(self, bounds: Bounds) -> bool:
        """Narrow `bounds` in place to what the equations allow; False if nothing fits."""
        pending = set(range(len(self.equations)))
        while pending:
            eq = self.equations[pending.pop()]
            low_sum = high_sum = 0
            for v, c in eq.terms:
                lo, hi = bounds[v]
                low_sum += c * lo if c > 0 else c * hi
                high_sum += c * hi if c > 0 else c * lo
            if not low_sum <= eq.constant <= high_sum:
                return False
            for v, c in eq.terms:
                lo, hi = bounds[v]
                own_low = c * lo if c > 0 else c * hi
                own_high = c * hi if c > 0 else c * lo
                # c*x must make up what the other terms can't.
                need_low = eq.constant - (high_sum - own_high)
                need_high = eq.constant - (low_sum - own_low)
                if c > 0:
                    new_lo, new_hi = -(-need_low // c), need_high // c
                else:
                    new_lo, new_hi = -(-need_high // c), need_low // c
                new_lo, new_hi = self._tighten(v, max(lo, new_lo), min(hi, new_hi))
                if new_lo > new_hi:
                    return False
                if (new_lo, new_hi) != (lo, hi):
                    bounds[v] = (new_lo, new_hi)
                    pending.update(self.by_var[v])
                    # the sums above are stale now; this equation is queued again
        return True

    def witness(self, bounds: Bounds) -> list[int] | None:
        """A whole-number solution within `bounds`, or None (none, or out of budget)."""
        budget = [NODE_BUDGET]

        def search(current: Bounds) -> list[int] | None:
            budget[0] -= 1
            if budget[0] < 0 or not self.propagate(current):
                return None
            open_vars = [(hi - lo, v) for v, (lo, hi) in enumerate(current) if lo < hi]
            if not open_vars:
                return [lo for lo, _ in current]
            _, v = min(open_vars)
            for part in self._split(v, current[v]):
                found = search([*current[:v], part, *current[v + 1:]])
                if found is not None:
                    return found
            return None

        return search(list(bounds))

    def _split(self, v: int, bound: tuple[int, int]) -> list[tuple[int, int]]:
        lo, hi = bound
        true = self.truth[v]
        if self.gap[v] and lo == 0 and hi >= self.k:
            parts = [(0, 0), (self.k, hi)]
        elif hi - lo < 8:
            return [(x, x) for x in sorted(range(lo, hi + 1), key=lambda x: (abs(x - true), x))]
        else:
            middle = min(max(true, lo), hi - 1)
            parts = [(lo, middle), (middle + 1, hi)]
        # The side holding the real value first: fitting tables cluster round it.
        return sorted(parts, key=lambda p: 0 if p[0] <= true <= p[1] else 1)


def pinned(values: Sequence[int], equations: Sequence[Sequence[int]],
           small: set[int], starred: set[int], k: int) -> list[int]:
    """Hidden cells a reader can work out exactly, in order.

    `values`: every cell's true count; `equations`: lists of cell ids whose
    members before the last add up to the last; `small`: cells printed "<k";
    `starred`: cells printed "*". Every other cell is printed as it is.
    A "*" is taken to be 0 or at least k unless it is in fact a small count
    (one printed "*" as a last resort), which the reader then knows only to
    be 0 or more.
    """
    hidden = sorted(small | starred)
    if not hidden:
        return []
    index = {c: i for i, c in enumerate(hidden)}
    # Large enough to hold any table a reader would need as a witness; a
    # smaller ceiling could only make the solver call more cells pinned.
    ceiling = 2 * sum(values) + 2 * k
    linear: list[_Equation] = []
    for members in equations:
        terms: dict[int, int] = {}
        constant = 0
        for position, cell in enumerate(members):
            sign = -1 if position == len(members) - 1 else 1
            if cell in index:
                terms[index[cell]] = terms.get(index[cell], 0) + sign
            else:
                constant -= sign * values[cell]
        clean = tuple((v, c) for v, c in terms.items() if c)
        if clean:
            linear.append(_Equation(clean, constant))
    components = _components(len(hidden), linear)
    exposed: list[int] = []
    for members, eqs in components:
        local = {v: i for i, v in enumerate(members)}
        problem = _Problem(
            [values[hidden[v]] for v in members],
            [hidden[v] in starred and not 1 <= values[hidden[v]] < k for v in members],
            [_Equation(tuple((local[v], c) for v, c in eq.terms), eq.constant) for eq in eqs],
            k)
        start: Bounds = [(1, k - 1) if hidden[v] in small else (0, ceiling) for v in members]
        for i in _pinned_in(problem, start):
            exposed.append(hidden[members[i]])
    return sorted(exposed)


def _pinned_in(problem: _Problem, start: Bounds) -> list[int]:
    truth = problem.truth
    free = [False] * len(truth)
    for v, true in enumerate(truth):
        if free[v]:
            continue
        lo, hi = start[v]
        for part in ((lo, true - 1), (true + 1, hi)):
            if part[0] > part[1]:
                continue
            found = problem.witness([*start[:v], part, *start[v + 1:]])
            if found is not None:
                for u, x in enumerate(found):
                    free[u] = free[u] or x != truth[u]
                break
    return [v for v, is_free in enumerate(free) if not is_free]


def _components(count: int, equations: list[_Equation]
                ) -> list[tuple[list[int], list[_Equation]]]:
    """Hidden cells that share equations, directly or through others, with their equations."""
    parent = list(range(count))

    def root(v: int) -> int:
        while parent[v] != v:
            parent[v] = parent[parent[v]]
            v = parent[v]
        return v

    for eq in equations:
        first = root(eq.terms[0][0])
        for v, _ in eq.terms[1:]:
            parent[root(v)] = first
    groups: dict[int, tuple[list[int], list[_Equation]]] = {}
    for v in range(count):
        groups.setdefault(root(v), ([], []))[0].append(v)
    for eq in equations:
        groups[root(eq.terms[0][0])][1].append(eq)
    return list(groups.values())
