"""Compare ways to protect a year of reports on the demo centre (docs/disclosure.md).

    python -m tests.reports.compare_methods [--year YYYY]

Builds the small demo vault in a temporary folder, publishes the 17 reports of
one year (12 months, 4 quarters, the year) with each method, and prints how
many figures each loses or moves and what an exact reader holding all 17 can
still pin. Run by hand; the figures are quoted in docs/disclosure.md.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import tempfile
from dataclasses import replace
from pathlib import Path

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp

K = 5
NOISE = (-2, -1, 0, 1, 2)
NOISE_P = (0.05, 0.2, 0.5, 0.2, 0.05)


def cell_key_value(value: int, where: str) -> int:
    """A cell-key perturbation: the same figure always gets the same noise. Counts
    1..k-1 become 0 or k (unbiased); larger ones move by at most 2, never below k."""
    draw = random.Random(hashlib.sha256(where.encode()).digest()).random()
    if value == 0:
        return 0
    if value < K:
        return K if draw < value / K else 0
    cumulative = 0.0
    for step, p in zip(NOISE, NOISE_P, strict=True):
        cumulative += p
        if draw < cumulative:
            return max(K, value + step)
    return value


def _count(reader: object) -> tuple[int, int, int]:
    """Figures printed in all releases, how many hidden, how many of those non-zero."""
    from tests.reports import release_attacker as ra

    figures_ = hidden = nonzero = 0
    for published in reader.published:  # type: ignore[attr-defined]
        period, _, values, _ = ra.parse(published.csv_text)
        truth = reader.truth[(period, published.epoch)]  # type: ignore[attr-defined]
        for key, text in values.items():
            if key[1] == "Hours of one-to-one support":
                continue
            figures_ += 1
            if text == "*":
                hidden += 1
                nonzero += truth[key] > 0
    return figures_, hidden, nonzero


def _preimage(printed: int) -> tuple[int, int]:
    """The real counts a printed cell-key figure can come from."""
    if printed == 0:
        return 0, K - 1
    if printed == K:
        return 1, K + 2
    return max(K, printed - 2), printed + 2


def main() -> None:
    os.environ["PEERDESK_KDF_TARGET_MS"] = "0"
    from peerdesk.reports import figures
    from peerdesk.reports.disclosure import Rules, protect
    from peerdesk.services.auth import SignIn
    from peerdesk.services.demo import DEMO_LEAD, DEMO_PASSWORD, create_demo_vault
    from peerdesk.storage.paths import VaultPaths
    from peerdesk.storage.vault import LockedVault
    from tests.reports import release_attacker as ra
    from tests.reports.release_helpers import Reader, a_year

    parser = argparse.ArgumentParser()
    parser.add_argument("--year", type=int, default=0)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        paths = VaultPaths.at(Path(folder) / "demo.peerdesk")
        create_demo_vault(paths)
        lead = SignIn(LockedVault.open(paths)).sign_in(DEMO_LEAD, DEMO_PASSWORD)
        year = args.year or int(str(lead.db.scalar("SELECT max(held_on) FROM one_to_one"))[:4]) - 1
        periods = a_year(year)

        joint = Reader(lead)
        joint.publish(*periods)
        alone = Reader(lead)
        for period in periods:
            report = protect(figures.compute(lead.db, period), Rules(), centre_name="")
            alone.receive(replace(report, release_code="alone", preview=False))
        for name, reader in (("joint suppression over every release", joint),
                             ("each report protected on its own", alone)):
            figures_, hidden, nonzero_hidden = _count(reader)
            pinned = reader.attack()
            print(f"{name}: {hidden} of {figures_} figures hidden ({hidden / figures_:.0%}), "
                  f"{nonzero_hidden} of them non-zero; small counts a reader pins below "
                  f"{K}: {len(pinned)}")

        # Cell-key perturbation over the same 17 reports, every figure printed.
        moved, total, small, pinned_ck = 0, 0, 0, 0
        sizes: list[int] = []
        system = ra.System()
        bounds: dict[int, tuple[int, int]] = {}
        for (period_id, epoch), values in joint.truth.items():
            def var(key: ra.Key, p: ra.PeriodId = period_id, e: int = epoch) -> int:
                return system.var((p, e, key), joint.truth[(p, e)][key])
            ra._one_report(system, var, values)
        for period in periods:
            pid = (period.start, period.end)
            parts = [m for m in ra.months_in(pid) if m != pid]
            ra._between(system, lambda p, e, key: system.var((p, e, key),
                                                             joint.truth[(p, e)][key]),
                        pid, parts, 0, joint.truth, cover=True)
            for key, value in joint.truth[(pid, 0)].items():
                if key[1] == "Hours of one-to-one support":
                    continue
                printed = cell_key_value(value, f"{pid}|{key}")
                total += 1
                moved += printed != value
                sizes.append(abs(printed - value))
                bounds[system.var((pid, 0, key), value)] = _preimage(printed)
                small += 1 <= value < K
        n = len(system.truth)
        lower = np.zeros(n)
        upper = np.full(n, np.inf)
        for v, (lo, hi) in bounds.items():
            lower[v], upper[v] = lo, hi
        matrix = np.zeros((len(system.rows), n))
        low, high = np.zeros(len(system.rows)), np.zeros(len(system.rows))
        for i, (terms, constant, at_least) in enumerate(system.rows):
            for v, c in terms.items():
                matrix[i, v] = c
            low[i], high[i] = constant, (np.inf if at_least else constant)
        constraints = LinearConstraint(matrix, low, high)
        for v in bounds:
            if not 1 <= system.truth[v] < K:
                continue
            goal = np.zeros(n)
            goal[v] = -1
            top = milp(goal, constraints=constraints, integrality=np.ones(n),
                       bounds=Bounds(lower, upper))
            goal[v] = 1
            bottom = milp(goal, constraints=constraints, integrality=np.ones(n),
                          bounds=Bounds(lower, upper))
            if round(-top.fun) < K and round(bottom.fun) > 0:
                pinned_ck += 1
        print(f"cell-key perturbation: {moved} of {total} figures moved ({moved / total:.0%}), "
              f"mean move {sum(sizes) / len(sizes):.2f}, largest {max(sizes)}; tables no "
              f"longer add up; small counts a reader pins strictly between 0 and {K}: "
              f"{pinned_ck} of {small}")
        lead.end().release()


if __name__ == "__main__":
    main()
