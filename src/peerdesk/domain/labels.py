"""Choices kept as a short value and shown as words: one way to give an enum its labels."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from enum import StrEnum
from typing import TypeVar

_LABELS: dict[type[Labelled], dict[str, str]] = {}
L = TypeVar("L", bound="Labelled")
C = TypeVar("C", bound=StrEnum)


class Labelled(StrEnum):
    """A StrEnum whose members have a label for people, given once with `set_labels`
    after the class (a label per value)."""

    @property
    def label(self) -> str:
        return _LABELS[type(self)][self.value]


def set_labels(kind: type[L], labels: Mapping[L, str] | Mapping[str, str]) -> None:
    """Give every member of `kind` its label (by value, or by member); a member left
    without one, or a label for no member, is a mistake caught at import."""
    given = {str(value): label for value, label in labels.items()}
    values = {member.value for member in kind}
    if given.keys() != values:
        raise ValueError(f"labels for {kind.__name__} don't match its members: "
                         f"{sorted(values ^ given.keys())}")
    _LABELS[kind] = given


def codes_text(kind: type[C], chosen: Iterable[C | str]) -> str:
    """A set of choices as stored: the values, each checked to be one of `kind`, sorted and
    comma-separated ("admin,programme_lead"); the empty set is ""."""
    return ",".join(sorted({kind(member).value for member in chosen}))


def parse_codes(kind: type[C], code: str) -> frozenset[C]:
    """The set `codes_text` stored; a value that is not one of `kind` raises ValueError."""
    return frozenset(kind(part) for part in code.split(",") if part)
