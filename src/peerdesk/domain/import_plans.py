"""What an import remembers about each person between rows, and where it keeps it.

Rows that share a peer key are one person, and those rows may lie anywhere in
the file, so checking needs each person's details so far until the last row.
Everything else is checked a row at a time and forgotten. A sheet with a
million people would not fit in memory as objects, so the plans live in a
`PlanStore`: `MemoryPlans` here keeps them all (small sheets, tests); the
storage layer has one that keeps the most recent in memory and the rest in an
encrypted scratch file. Plans turn into plain JSON-ready values and back for it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Protocol

from peerdesk.domain.import_columns import PEER_FIELDS
from peerdesk.domain.peer import AgeBand, ContactRoute, Gender, PeerStatus


@dataclass(slots=True)
class PeerPlan:
    key: str
    # Order of first appearance: the person's new id is the first free id plus this.
    seq: int
    line: int
    # Field key -> (parsed value, line it was first given on).
    values: dict[str, tuple[Any, int]] = field(default_factory=dict)
    first_session: date | None = None
    last_session: date | None = None
    sessions: int = 0
    # A value already refused: checking the whole person would only repeat it
    # ("first contact missing" after "first contact is not a date").
    refused_value: bool = False

    def add_session(self, held_on: date) -> None:
        self.sessions += 1
        if self.first_session is None or held_on < self.first_session:
            self.first_session = held_on
        if self.last_session is None or held_on > self.last_session:
            self.last_session = held_on

    def to_plain(self) -> list[Any]:
        """JSON-ready and short (a million of these may go to a scratch file): the session
        dates, count and refused flag, then (field index, value) pairs; a field given on
        a later row than the person's first has [index, line] instead of its index."""
        plain: list[Any] = [_day(self.first_session), _day(self.last_session), self.sessions,
                            self.refused_value]
        for key, (value, line) in self.values.items():
            index = _INDEX[key]
            plain.append(index if line == self.line else [index, line])
            plain.append(_ENCODE.get(key, _same)(value))
        return plain

    @classmethod
    def from_plain(cls, key: str, seq: int, line: int, plain: list[Any]) -> PeerPlan:
        first, last, sessions, refused, *pairs = plain
        values: dict[str, tuple[Any, int]] = {}
        for where, value in zip(pairs[::2], pairs[1::2], strict=True):
            index, at = (where, line) if isinstance(where, int) else where
            name = PEER_FIELDS[index]
            values[name] = (_DECODE.get(name, _same)(value), at)
        return cls(key, seq, line, values, _from_day(first), _from_day(last), int(sessions),
                   bool(refused))


class PlanStore(Protocol):
    """Plans by key; each is assigned the next `seq` when it is made."""

    def get(self, key: str) -> PeerPlan | None: ...

    def new(self, key: str, line: int) -> PeerPlan: ...

    def __len__(self) -> int: ...

    def in_order(self) -> Iterator[PeerPlan]:
        """Every plan by seq, once the last row is in (changes after it are not kept)."""
        ...

    def discard(self) -> None:
        """Let go of every plan (and anything kept for them) now."""
        ...

    @property
    def discarded(self) -> bool: ...


class MemoryPlans:
    """Every plan in a dict: for small sheets and for checking single rows."""

    def __init__(self) -> None:
        self._plans: dict[str, PeerPlan] = {}
        self._discarded = False

    def get(self, key: str) -> PeerPlan | None:
        return self._plans.get(key)

    def new(self, key: str, line: int) -> PeerPlan:
        plan = self._plans[key] = PeerPlan(key, len(self._plans), line)
        return plan

    def __len__(self) -> int:
        return len(self._plans)

    def in_order(self) -> Iterator[PeerPlan]:
        return iter(self._plans.values())  # made in seq order, never reordered

    def discard(self) -> None:
        self._plans.clear()
        self._discarded = True

    @property
    def discarded(self) -> bool:
        return self._discarded


_INDEX = {key: index for index, key in enumerate(PEER_FIELDS)}


def _same(value: Any) -> Any:
    return value


def _day(value: date | None) -> int | None:
    return value.toordinal() if value is not None else None


def _from_day(value: int | None) -> date | None:
    return date.fromordinal(value) if value is not None else None


# Parsed values that JSON can't hold as they are (import_rows' parsers return these).
_ENCODE: dict[str, Callable[[Any], Any]] = {
    "first_contact": _day, "closed_on": _day,
    "age_band": str, "contact_route": str, "status": str,
    "gender": lambda pair: [str(pair[0]), pair[1]],
}
_DECODE: dict[str, Callable[[Any], Any]] = {
    "first_contact": _from_day, "closed_on": _from_day,
    "age_band": AgeBand, "contact_route": ContactRoute, "status": PeerStatus,
    "gender": lambda pair: (Gender(pair[0]), pair[1]),
}
