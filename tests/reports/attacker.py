"""An attacker for the disclosure tests, written apart from the one in the code.

It bounds every hidden cell by exact linear programming (a small two-phase
simplex over `Fraction`s) with branch and bound: whenever the relaxation puts
a cell at a fraction, or puts a "*" cell strictly between 0 and k (a reader
knows "*" is never a small count), it splits the problem in two. So the
bounds are those of whole-number tables the reader can't rule out.
"""

from __future__ import annotations

from fractions import Fraction

from peerdesk.reports.model import CellState

Cell = tuple[int, int]
UNBOUNDED = None


def _pivot(table: list[list[Fraction]], r: int, j: int) -> None:
    pivot = table[r][j]
    if pivot != 1:
        table[r] = [v / pivot for v in table[r]]
    row = table[r]
    nonzero = [c for c, v in enumerate(row) if v]
    for i, other in enumerate(table):
        f = other[j]
        if i != r and f:
            for c in nonzero:
                other[c] -= f * row[c]


def _simplex_max(rows: list[list[Fraction]], rhs: list[Fraction], objective: list[Fraction]
                 ) -> tuple[str, Fraction, list[Fraction]]:
    """Maximise objective·y subject to rows·y = rhs, y >= 0 (Bland's rule).

    The tableau's last row holds the reduced costs, kept up to date by pivoting."""
    m, n = len(rows), len(objective)
    table = []
    for i in range(m):
        sign = -1 if rhs[i] < 0 else 1
        table.append([sign * a for a in rows[i]] + [Fraction(int(j == i)) for j in range(m)]
                     + [sign * rhs[i]])
    basis = [n + i for i in range(m)]

    def run(allowed: int) -> str:
        while True:
            cost = table[-1]
            entering = next((j for j in range(allowed) if cost[j] > 0), -1)
            if entering < 0:
                return "optimal"
            best: tuple[Fraction, int, int] | None = None
            for i in range(m):
                a = table[i][entering]
                if a > 0:
                    ratio = table[i][-1] / a
                    if best is None or (ratio, basis[i]) < (best[0], best[1]):
                        best = (ratio, basis[i], i)
            if best is None:
                return "unbounded"
            _pivot(table, best[2], entering)
            basis[best[2]] = entering

    # Phase one: minimise the artificials, i.e. maximise minus their sum;
    # priced out, the reduced costs are the column sums.
    table.append([sum((table[i][j] for i in range(m)), Fraction(0)) if j < n
                  or j == n + m else Fraction(0) for j in range(n + m + 1)])
    run(n + m)
    if table[-1][-1] != 0:
        return "infeasible", Fraction(0), []
    # Drive leftover artificials (at zero) out of the basis where possible.
    for i in range(m):
        if basis[i] >= n:
            j = next((j for j in range(n) if table[i][j] and j not in basis), -1)
            if j >= 0:
                _pivot(table, i, j)
                basis[i] = j
    # Phase two: reduced costs of the real objective, priced out by the basis.
    cost = list(objective) + [Fraction(0)] * (m + 1)
    for i in range(m):
        f = cost[basis[i]] if basis[i] < n else Fraction(0)
        if f:
            cost = [c - f * v for c, v in zip(cost, table[i], strict=True)]
    table[-1] = cost
    # An artificial still basic sits in a row that is all zero on real columns
    # (it could not be pivoted out), so it stays at zero through phase two.
    status = run(n)
    if status == "unbounded":
        return status, Fraction(0), []
    y = [Fraction(0)] * n
    for i in range(m):
        if basis[i] < n:
            y[basis[i]] = table[i][-1]
    return "optimal", sum((o * v for o, v in zip(objective, y, strict=True)), Fraction(0)), y


def _lp_max(target: int, sense: int, bounds: list[tuple[int, int | None]],
            equations: list[tuple[dict[int, int], int]]
            ) -> tuple[str, Fraction, list[Fraction]]:
    """Maximise sense*x[target] over real x with lo <= x <= hi and the equations."""
    n = len(bounds)
    extra = [i for i, (_, hi) in enumerate(bounds) if hi is not None]
    width = n + len(extra)
    rows: list[list[Fraction]] = []
    rhs: list[Fraction] = []
    for coefficients, constant in equations:  # sum(c x) = constant, x = lo + y
        rows.append([Fraction(coefficients.get(j, 0)) for j in range(n)]
                    + [Fraction(0)] * len(extra))
        rhs.append(Fraction(constant - sum(c * bounds[j][0] for j, c in coefficients.items())))
    for s, i in enumerate(extra):  # y_i + slack = hi - lo
        lo, hi = bounds[i]
        assert hi is not None
        if hi < lo:
            return "infeasible", Fraction(0), []
        row = [Fraction(0)] * width
        row[i] = Fraction(1)
        row[n + s] = Fraction(1)
        rows.append(row)
        rhs.append(Fraction(hi - lo))
    objective = [Fraction(sense * int(j == target)) for j in range(width)]
    status, value, y = _simplex_max(rows, rhs, objective)
    if status != "optimal":
        return status, value, []
    return status, value + sense * bounds[target][0], [y[j] + bounds[j][0] for j in range(n)]


Witness = tuple[Fraction, list[Fraction]]


def _best(target: int, sense: int, bounds: list[tuple[int, int | None]],
          equations: list[tuple[dict[int, int], int]], star: set[int], k: int,
          floor: Fraction | None = None) -> Witness | str | None:
    """Largest whole-number sense*x[target] and a table that has it; "none" if
    no table fits, None if unbounded."""
    status, value, x = _lp_max(target, sense, bounds, equations)
    if status == "infeasible":
        return "none"
    if status == "unbounded":
        return UNBOUNDED
    if floor is not None and value <= floor:
        return "none"  # this branch can't beat what is already found
    for i, v in enumerate(x):
        if v.denominator != 1:
            low, high = list(bounds), list(bounds)
            low[i] = (bounds[i][0], int(v // 1))
            high[i] = (int(v // 1) + 1, bounds[i][1])
            return _better(target, sense, [low, high], equations, star, k, floor)
        if i in star and 0 < v < k:
            low, high = list(bounds), list(bounds)
            low[i] = (bounds[i][0], 0)
            high[i] = (k, bounds[i][1])
            return _better(target, sense, [low, high], equations, star, k, floor)
    return value, x


def _better(target: int, sense: int, branches: list[list[tuple[int, int | None]]],
            equations: list[tuple[dict[int, int], int]], star: set[int], k: int,
            floor: Fraction | None) -> Witness | str | None:
    found: Witness | str | None = "none"
    for bounds in branches:
        result = _best(target, sense, bounds, equations, star, k, floor)
        if result is UNBOUNDED:
            return UNBOUNDED
        if isinstance(result, tuple) and (not isinstance(found, tuple)
                                          or result[0] > found[0]):
            found = result
            floor = result[0]
    return found


def pinned(grid: list[list[int]], states: list[list[CellState]],
           equations: list[list[Cell]], k: int) -> dict[Cell, int]:
    """Hidden cells a reader can work out exactly, with the value they'd find.

    A reader knows every shown cell (taken as exact: the strongest case when
    rounding is used), that a "<k" cell is 1..k-1, that a "*" cell is 0 or at
    least k (unless it is a small count printed "*", then only that it is 0 or
    more), and that every equation adds up. A cell is pinned when its
    largest and smallest possible values are the same.
    """
    hidden = [(r, c) for r, row in enumerate(states) for c, s in enumerate(row)
              if s is not CellState.SHOWN]
    index = {p: i for i, p in enumerate(hidden)}
    bounds: list[tuple[int, int | None]] = [
        (1, k - 1) if states[r][c] is CellState.PRIMARY else (0, None) for r, c in hidden]
    # A "*" is never a small count, except one printed "*" as a last resort,
    # which a reader can know only as a count. Knowing which is which is more
    # than a reader knows: a stronger attacker.
    star = {i for i, (r, c) in enumerate(hidden)
            if states[r][c] is not CellState.PRIMARY and not 1 <= grid[r][c] < k}
    linear: list[tuple[dict[int, int], int]] = []
    for members in equations:
        coefficients: dict[int, int] = {}
        constant = 0
        for p, sign in [(q, 1) for q in members[:-1]] + [(members[-1], -1)]:
            if p in index:
                coefficients[index[p]] = coefficients.get(index[p], 0) + sign
            else:
                constant -= sign * grid[p[0]][p[1]]
        if coefficients:
            linear.append((coefficients, constant))
    exposed: dict[Cell, int] = {}
    for group in _groups(len(hidden), linear):
        local = {v: j for j, v in enumerate(group)}
        for j in _pinned_among(
                [grid[hidden[v][0]][hidden[v][1]] for v in group], [bounds[v] for v in group],
                [({local[v]: c for v, c in co.items()}, b) for co, b in linear
                 if next(iter(co)) in local],
                {local[v] for v in star if v in local}, k):
            r, c = hidden[group[j]]
            exposed[(r, c)] = grid[r][c]
    return exposed


def _groups(count: int, linear: list[tuple[dict[int, int], int]]) -> list[list[int]]:
    """Hidden cells tied together by equations (each group is solved on its own)."""
    group = list(range(count))
    for coefficients, _ in linear:
        members = list(coefficients)
        old = {group[v] for v in members}
        new = min(old)
        group = [new if g in old else g for g in group]
    found: dict[int, list[int]] = {}
    for v, g in enumerate(group):
        found.setdefault(g, []).append(v)
    return list(found.values())


def _pinned_among(truth: list[int], bounds: list[tuple[int, int | None]],
                  linear: list[tuple[dict[int, int], int]], star: set[int], k: int
                  ) -> list[int]:
    # Values each cell is known to take in some table that fits: the real
    # table first, then every table the solver finds on the way.
    seen = [{Fraction(v)} for v in truth]
    exposed = []
    for i in range(len(truth)):
        for sense in (1, -1):
            if len(seen[i]) > 1:
                break
            result = _best(i, sense, bounds, linear, star, k)
            if result is UNBOUNDED:
                seen[i].add(Fraction(-1))  # any large value: certainly not one value
                break
            assert isinstance(result, tuple), "the published table itself must fit"
            for j, v in enumerate(result[1]):
                seen[j].add(v)
        if len(seen[i]) == 1:
            exposed.append(i)
    return exposed
