"""One way to give a choice its words: every labelled enum has a label for every member."""

from __future__ import annotations

import importlib
import pkgutil

import pytest

import peerdesk.domain
from peerdesk.domain.labels import Labelled, codes_text, parse_codes, set_labels
from peerdesk.domain.staff import Role, parse_roles, roles_code
from peerdesk.domain.supporters import SupporterRole
from peerdesk.domain.voice import Benefit, QuoteFlag


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


def test_a_set_of_choices_is_stored_as_its_sorted_values_and_read_back() -> None:
    assert roles_code([Role.PROGRAMME_LEAD, Role.ADMIN, Role.ADMIN]) == "admin,programme_lead"
    assert parse_roles("admin,programme_lead") == {Role.ADMIN, Role.PROGRAMME_LEAD}
    assert codes_text(SupporterRole, ["mentor", SupporterRole.VOLUNTEER]) == "mentor,volunteer"
    assert codes_text(QuoteFlag, {QuoteFlag.PHONE, QuoteFlag.EMAIL}) == "email,phone"
    assert codes_text(Benefit, []) == "" and parse_codes(Benefit, "") == frozenset()
    for kind in (Role, SupporterRole, Benefit, QuoteFlag):
        assert parse_codes(kind, codes_text(kind, kind)) == frozenset(kind)


def test_a_stored_value_that_is_no_choice_is_refused() -> None:
    with pytest.raises(ValueError, match="janitor"):
        parse_roles("admin,janitor")
    with pytest.raises(ValueError, match="janitor"):
        codes_text(Role, ["janitor"])
