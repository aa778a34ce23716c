"""The disclosure check gives the same answer whatever order its inputs come in.

The case is the state of a real refusal: the small demo with five years of
releases in its register, publishing the next quarter. Before the check put its
unknowns in name order, shuffling them (as a different hash seed shuffles a
set) changed which counts it called exposed, so whether a period could be
published depended on the process it ran in.
"""

from __future__ import annotations

import gzip
import json
import random
from pathlib import Path

from peerdesk.reports.solver import exposed

CASE = Path(__file__).parent / "data" / "exposed_order_case.json.gz"


def _case() -> dict:
    return json.loads(gzip.decompress(CASE.read_bytes()))


def test_exposed_is_the_same_in_any_input_order():
    case = _case()
    k, truth, unknown = case["k"], case["truth"], case["unknown"]
    rows = [([(n, c) for n, c in terms], at_least) for terms, at_least in case["rows"]]
    focus = set(case["focus"])
    small = [v for v in unknown if not v.startswith("change:") and 1 <= truth[v] < k]
    answers = set()
    for trial in range(4):
        names = list(unknown)
        random.Random(trial).shuffle(names)
        shuffled_small = list(small)
        random.Random(trial).shuffle(shuffled_small)
        bad = exposed(truth, rows, {n: unknown[n] for n in names}, shuffled_small, k,
                      focus=focus, cleared=set())
        answers.add(tuple(bad))
    assert len(answers) == 1, answers
    # The case is one where the check does find something to protect.
    assert next(iter(answers))
