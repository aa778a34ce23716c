"""One way to give a choice its words: every labelled enum has a label for every member."""

from __future__ import annotations

import importlib
import pkgutil

import pytest

import peerdesk.domain
from peerdesk.domain.labels import Labelled, set_labels
from peerdesk.domain.staff import Role


def _all_labelled() -> list[type[Labelled]]:
    for module in pkgutil.iter_modules(peerdesk.domain.__path__):
        importlib.import_module(f"peerdesk.domain.{module.name}")
    found: list[type[Labelled]] = []
    pending = list(Labelled.__subclasses__())
    while pending:
        kind = pending.pop()
        found.append(kind)
        pending.extend(kind.__subclasses__())
    return found


def test_every_member_of_every_labelled_enum_has_words() -> None:
    kinds = _all_labelled()
    assert len(kinds) >= 15
    for kind in kinds:
        for member in kind:
            assert member.label.strip(), (kind, member)
            assert kind(member.value) is member  # still looked up by the stored value


def test_labels_and_values_as_before() -> None:
    assert Role.PROGRAMME_LEAD.label == "Programme lead"
    assert Role("caseworker") is Role.CASEWORKER
    assert Role.ADMIN == "admin" and f"{Role.ADMIN}" == "admin"


def test_a_member_without_words_or_words_without_a_member_is_refused() -> None:
    class Colour(Labelled):
        RED = "red"
        BLUE = "blue"

    with pytest.raises(ValueError, match="blue"):
        set_labels(Colour, {"red": "Red"})
    with pytest.raises(ValueError, match="green"):
        set_labels(Colour, {"red": "Red", "blue": "Blue", "green": "Green"})
    set_labels(Colour, {Colour.RED: "Red", "blue": "Blue"})
    assert [c.label for c in Colour] == ["Red", "Blue"]
