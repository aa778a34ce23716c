"""Spreadsheet cells read into domain values: the ways centres write the same thing."""

from __future__ import annotations

from datetime import date

import pytest

from peerdesk.domain.errors import ValidationError
from peerdesk.domain.import_columns import guess_mapping
from peerdesk.domain.import_values import (
    parse_age_band,
    parse_birth_year,
    parse_day,
    parse_gender,
    parse_kind,
    parse_minutes,
    parse_mode,
    parse_route,
    parse_yes_no,
)
from peerdesk.domain.one_to_one import SessionKind, SessionMode
from peerdesk.domain.peer import AgeBand, ContactRoute, Gender


@pytest.mark.parametrize(("text", "day"), [
    ("2024-03-31", date(2024, 3, 31)), ("31/03/2024", date(2024, 3, 31)),
    ("1.2.2024", date(2024, 2, 1)), (" 2024-03-05 00:00:00 ", date(2024, 3, 5)),
])
def test_dates(text, day):
    assert parse_day(text, what="Date", field="d") == day


@pytest.mark.parametrize("text", ["2024-02-30", "31/04/2024", "03/31/2024", "March 3rd", "2024"])
def test_impossible_or_unreadable_dates(text):
    with pytest.raises(ValidationError, match="Date “"):
        parse_day(text, what="Date", field="d")


def test_choices_ignore_case_spacing_and_take_labels_and_synonyms():
    assert parse_mode("Face to face") is SessionMode.IN_PERSON
    assert parse_mode("VIDEO CALL") is SessionMode.VIDEO
    assert parse_kind("First contact / intake") is SessionKind.INTAKE
    assert parse_kind("follow up") is SessionKind.FOLLOW_UP
    assert parse_route("Walked in") is ContactRoute.WALK_IN
    assert parse_route("word of mouth") is ContactRoute.SOMEONE_THEY_KNOW
    with pytest.raises(ValidationError, match="not one of: In person, Phone"):
        parse_mode("fax")


def test_gender_words_of_their_own_are_kept():
    assert parse_gender("F") == (Gender.WOMAN, "")
    assert parse_gender("Prefer not to say") == (Gender.PREFER_NOT_TO_SAY, "")
    assert parse_gender("genderfluid") == (Gender.SELF_DESCRIBED, "genderfluid")


def test_numbers_years_and_bands():
    assert parse_minutes("1:30") == 90 and parse_minutes("45.0") == 45
    assert parse_minutes("-5") == -5  # the session's own rule refuses it, by line
    with pytest.raises(ValidationError):
        parse_minutes("an hour")
    assert parse_birth_year("12/04/1990") == 1990 and parse_birth_year("1985") == 1985
    assert parse_age_band("34") is AgeBand.B25_34 and parse_age_band("65+") is AgeBand.B65_PLUS
    assert parse_yes_no("Y", what="Calls OK", field="calls_ok") is True
    with pytest.raises(ValidationError, match="should be yes or no"):
        parse_yes_no("maybe", what="Calls OK", field="calls_ok")


def test_headings_are_guessed_once_each():
    mapping = guess_mapping(["Client ID", "Known as", "DOB", "Date", "Session date", "Mins",
                             "Comments", "Name"])
    assert mapping["peer_key"] == 0 and mapping["preferred_name"] == 1
    assert mapping["birth_year"] == 2
    # The template's own heading wins over the looser "Date".
    assert mapping["session_date"] == 4
    assert mapping["minutes"] == 5 and mapping["notes"] == 6
    assert 7 not in mapping.values() and 3 not in mapping.values()


def test_safe_contact_channels_take_three_states_and_old_yes_no() -> None:
    from peerdesk.domain.import_values import parse_channel
    for raw, state in (("yes", True), ("Y", True), ("1", True), ("no", False), ("0", False),
                       ("not asked", None), ("Not asked yet", None), ("unknown", None),
                       ("?", None)):
        assert parse_channel(raw, what="Calls OK", field="calls_ok") is state
    with pytest.raises(ValidationError, match="yes, no or not asked"):
        parse_channel("maybe", what="Calls OK", field="calls_ok")
