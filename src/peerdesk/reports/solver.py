"""A reader's solver: can a hidden small count be told from what has been published?

The reader (docs/disclosure.md) holds every release, knows every printed
figure exactly (rounding is ignored: knowing less can only help), knows
which figures are zero (hours, or knowing the centre, may tell them), knows
how the figures of one release and of releases of periods inside one another
add up (reports.cells, reports.links), and, between two versions of one
period, which figures went up, which went down and which stayed the same.

The rule to keep: every hidden count from 1 to k-1 could be k or more in
some set of whole-number figures that fits all of that. (A count that could
be k or more can't be told from a larger one, so nothing small is pinned;
whether it could also be 0 no longer matters, because zeros are known.)

To show a hidden count could be k or more the solver finds a witness: whole
numbers for every unknown, fitting every relation, with that count at k or
more. The search is depth-first with interval propagation and has a budget;
a count it can't clear within the budget counts as exposed, so running out
of effort hides more, never less. Each witness found clears every other small
count that is k or more in it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

NODE_BUDGET = 300  # per witness search: most witnesses take a few dozen nodes; a
# search that runs out hides one more figure (safe), where a large budget spent
# minutes proving what the next hidden figure settles anyway

Bounds = list[tuple[int, int]]


@dataclass(frozen=True, slots=True)
class Equation:
    """sum(coefficient * x[var]) == constant over unknowns (numbered)."""

    terms: tuple[tuple[int, int], ...]
    constant: int


class Problem:
    def __init__(self, truth: Sequence[int], equations: Sequence[Equation]) -> None:
        self.truth = list(truth)
        self.equations = list(equations)
        self.by_var: list[list[int]] = [[] for _ in truth]
        for e, eq in enumerate(self.equations):
            for v, _ in eq.terms:
                self.by_var[v].append(e)

    def propagate(self, bounds: Bounds, changed: int | None = None) -> bool:
        """Narrow `bounds` in place to what the equations allow; False if nothing fits.

        `changed`: only that variable's bounds moved since they last fitted, so
        only its equations need looking at first."""
        pending = set(range(len(self.equations))) if changed is None else set(
            self.by_var[changed])
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
                need_low = eq.constant - (high_sum - own_high)
                need_high = eq.constant - (low_sum - own_low)
                if c > 0:
                    new_lo, new_hi = -(-need_low // c), need_high // c
                else:
                    new_lo, new_hi = -(-need_high // c), need_low // c
                new_lo, new_hi = max(lo, new_lo), min(hi, new_hi)
                if new_lo > new_hi:
                    return False
                if (new_lo, new_hi) != (lo, hi):
                    bounds[v] = (new_lo, new_hi)
                    pending.update(self.by_var[v])
        return True

    def witness(self, bounds: Bounds, changed: int | None = None) -> list[int] | None:
        """Whole numbers within `bounds` fitting every equation, or None (none, or
        out of budget)."""
        budget = [NODE_BUDGET]

        def search(current: Bounds, changed: int | None) -> list[int] | None:
            budget[0] -= 1
            if budget[0] < 0 or not self.propagate(current, changed):
                return None
            open_vars = [(hi - lo, v) for v, (lo, hi) in enumerate(current) if lo < hi]
            if not open_vars:
                return [lo for lo, _ in current]
            _, v = min(open_vars)
            for part in self._split(v, current[v]):
                found = search([*current[:v], part, *current[v + 1:]], v)
                if found is not None:
                    return found
            return None

        return search(list(bounds), changed)

    def _split(self, v: int, bound: tuple[int, int]) -> list[tuple[int, int]]:
        lo, hi = bound
        true = min(max(self.truth[v], lo), hi)
        if hi - lo < 8:
            return [(x, x) for x in sorted(range(lo, hi + 1), key=lambda x: (abs(x - true), x))]
        middle = min(true, hi - 1)
        parts = [(lo, middle), (middle + 1, hi)]
        # The side holding the real value first: fitting figures cluster round it.
        return sorted(parts, key=lambda p: 0 if p[0] <= true <= p[1] else 1)


@dataclass(slots=True)
class Linear:
    """A system in named variables: sum(c * var) == 0, or >= 0 (`at_least`)."""

    rows: list[tuple[tuple[tuple[str, int], ...], bool]]


def exposed(truth: dict[str, int], rows: Iterable[tuple[Sequence[tuple[str, int]], bool]],
            unknown: dict[str, int], small: Iterable[str], k: int,
            focus: set[str] | None = None, cleared: set[str] | None = None) -> list[str]:
    """Small hidden counts a reader can bound below k.

    `truth`: every variable's real value; `rows`: the relations; `unknown`:
    the variables a reader does not see, each with the least value they
    know it has (0, 1 for a count they know is not zero); every other
    variable is known exactly. `small`: the hidden counts from 1 to k-1 to check.
    `focus`: when given, only groups of related unknowns holding one of these
    are checked (the others were checked when they were published).
    `cleared`: counts already shown to reach k, skipped and added to. A witness
    stays a witness when more figures are hidden, so a caller hiding more may
    keep this between calls.
    """
    cleared_names = cleared if cleared is not None else set()
    # In name order, not the caller's: which witness is found first decides which
    # other counts it clears, and the search for a witness is bounded, so an
    # order that came from a set (a hash seed) could decide whether a period
    # can be published. The same figures must always give the same answer.
    names = sorted(unknown)
    index = {n: i for i, n in enumerate(names)}
    values = [truth[n] for n in names]
    # Witnesses are looked for below a ceiling: a lower one can only find fewer,
    # so it can only hide more. Twice the largest figure leaves room to move any
    # count by k; propagation over wide intervals is what costs time.
    ceiling = 2 * max((abs(v) for v in truth.values()), default=0) + 4 * k + 8
    bounds: Bounds = [(unknown[n], ceiling) if truth[n] else (0, 0) for n in names]
    equations: list[Equation] = []
    touched: set[int] = set()  # unknowns sharing a relation with a `focus` figure
    for terms, at_least in rows:
        coefficients: dict[int, int] = {}
        constant = 0
        for name, c in terms:
            if name in index:
                coefficients[index[name]] = coefficients.get(index[name], 0) + c
            else:
                constant -= c * truth[name]
        if at_least:  # sum >= constant: add a slack that is the difference
            slack = len(values)
            values.append(sum(c * values[v] for v, c in coefficients.items()) - constant)
            bounds.append((0, ceiling))
            coefficients[slack] = -1
        clean = tuple((v, c) for v, c in coefficients.items() if c)
        if clean:
            equations.append(Equation(clean, constant))
            if focus is not None and any(name in focus for name, _ in terms):
                touched.add(clean[0][0])
    checking = set(small)
    found: list[str] = []
    for members, eqs in _components(len(values), equations):
        wanted = [v for v in members if v < len(names) and names[v] in checking
                  and names[v] not in cleared_names]
        if not wanted or (focus is not None and not any(v in touched for v in members)):
            continue
        local = {v: i for i, v in enumerate(members)}
        problem = Problem([values[v] for v in members],
                          [Equation(tuple((local[v], c) for v, c in eq.terms), eq.constant)
                           for eq in eqs])
        start = [bounds[v] for v in members]
        if not problem.propagate(start):
            raise AssertionError("the real figures must fit what is published")
        reached: set[int] = set()
        for v in wanted:
            i = local[v]
            if i in reached:
                continue
            if start[i][1] < k:
                found.append(names[v])
                continue
            trial = list(start)
            trial[i] = (max(k, start[i][0]), start[i][1])
            witness = problem.witness(trial, i)
            if witness is None:
                found.append(names[v])
                continue
            reached.update(j for j, x in enumerate(witness) if x >= k)
            cleared_names.update(names[members[j]] for j, x in enumerate(witness)
                                 if x >= k and members[j] < len(names))
    return sorted(found)


def _components(count: int, equations: list[Equation]
                ) -> list[tuple[list[int], list[Equation]]]:
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
    groups: dict[int, tuple[list[int], list[Equation]]] = {}
    for v in range(count):
        groups.setdefault(root(v), ([], []))[0].append(v)
    for eq in equations:
        groups[root(eq.terms[0][0])][1].append(eq)
    return list(groups.values())


__all__ = ["exposed"]
