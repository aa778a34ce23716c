"""Relations between releases of periods inside one another (reports.links)."""

from __future__ import annotations

from peerdesk.reports.links import Counted, relations, var
from peerdesk.reports.period import Period

Q1 = Period.quarter(2026, 1)
MONTHS = [Period.month(2026, m) for m in (1, 2, 3)]


def _named(versions: list[Counted]) -> dict[str, str]:
    return {var(v.key, cell): var(v.key, cell) for v in versions for cell in v.values}


def test_a_row_a_month_leaves_out_counted_none_there() -> None:
    # Westfold was retired in March and had no contacts in January: only
    # February's report has its row, and the quarter's is February's.
    row = "contacts_by_region|Westfold|Contacts"
    other = "contacts_by_region|Northvale|Contacts"
    months = [Counted(f"m{i}", p, {other: 9, **({row: 1} if i == 2 else {})})
              for i, p in enumerate(MONTHS, start=1)]
    quarter = Counted("q", Q1, {other: 27, row: 1})
    equal = [set(terms) for terms, at_least in relations(
        [*months, quarter], _named([*months, quarter])) if not at_least]
    assert {("q:" + row, -1), ("m2:" + row, 1)} in equal
    assert {("q:" + other, -1), ("m1:" + other, 1), ("m2:" + other, 1),
            ("m3:" + other, 1)} in equal


def test_a_period_without_the_table_says_nothing_of_its_rows() -> None:
    # A release from before the table existed: no relation, rather than a zero.
    row = "contacts_by_region|Westfold|Contacts"
    months = [Counted(f"m{i}", p, {"sessions": 4, **({row: 1} if i == 2 else {})})
              for i, p in enumerate(MONTHS, start=1)]
    quarter = Counted("q", Q1, {"sessions": 12, row: 1})
    equal = [set(terms) for terms, at_least in relations(
        [*months, quarter], _named([*months, quarter])) if not at_least]
    assert {("q:sessions", -1), ("m1:sessions", 1), ("m2:sessions", 1),
            ("m3:sessions", 1)} in equal
    assert not any(("q:" + row, -1) in terms for terms in equal)
