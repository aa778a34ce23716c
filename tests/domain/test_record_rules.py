"""Validation rules for peers, sessions, consent, referrals and ratings."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from peerdesk.domain.consent import Consent, ConsentDraft, ConsentScope
from peerdesk.domain.errors import ValidationError
from peerdesk.domain.one_to_one import SessionDraft, SessionKind, SessionMode
from peerdesk.domain.outcomes import ONS4, UCLA3, RatingDraft
from peerdesk.domain.peer import AgeBand, Gender, PeerDraft, PeerStatus, format_ref, parse_ref
from peerdesk.domain.referral import ReferralDestination, ReferralDraft
from peerdesk.domain.safe_contact import SafeContact, state_label
from peerdesk.domain.text import NOTE_MAX, clean_note

TODAY = date(2026, 11, 22)


def session(**changes: object) -> SessionDraft:
    fields: dict[str, object] = dict(peer_id=1, worker_id=1, held_on=TODAY, minutes=50,
                                     mode=SessionMode.PHONE, kind=SessionKind.PEER_SUPPORT)
    fields.update(changes)
    return SessionDraft(**fields)  # type: ignore[arg-type]


def test_preferred_name_is_the_only_required_field() -> None:
    draft = PeerDraft(preferred_name="  Sunny ", first_contact=TODAY).validated(TODAY)
    assert draft.preferred_name == "Sunny"
    with pytest.raises(ValidationError, match="can't be empty") as caught:
        PeerDraft(preferred_name="   ", first_contact=TODAY).validated(TODAY)
    assert caught.value.field == "name"


@pytest.mark.parametrize("name", ["a\x00b", "tab\tname", "bell\x07"])
def test_control_characters_in_names_are_refused(name: str) -> None:
    with pytest.raises(ValidationError, match="control characters"):
        PeerDraft(preferred_name=name, first_contact=TODAY).validated(TODAY)


def test_birth_year_sets_age_band_and_implausible_years_are_refused() -> None:
    draft = PeerDraft(preferred_name="R", first_contact=TODAY, birth_year=1990).validated(TODAY)
    assert draft.age_band is AgeBand.B35_44
    for year in (1800, 2025, 3000):
        with pytest.raises(ValidationError, match="not plausible"):
            PeerDraft(preferred_name="R", first_contact=TODAY, birth_year=year).validated(TODAY)


def test_closing_needs_a_date_not_before_first_contact() -> None:
    base = dict(preferred_name="R", first_contact=date(2026, 5, 1), status=PeerStatus.CLOSED)
    with pytest.raises(ValidationError, match="needs the date"):
        PeerDraft(**base).validated(TODAY)  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="before the first contact"):
        PeerDraft(**base, closed_on=date(2026, 4, 1)).validated(TODAY)  # type: ignore[arg-type]
    ok = PeerDraft(**base, closed_on=date(2026, 6, 1)).validated(TODAY)  # type: ignore[arg-type]
    assert ok.closed_on == date(2026, 6, 1)


def test_self_described_gender_needs_words() -> None:
    with pytest.raises(ValidationError, match="describe"):
        PeerDraft(preferred_name="R", first_contact=TODAY,
                  gender=Gender.SELF_DESCRIBED).validated(TODAY)
    draft = PeerDraft(preferred_name="R", first_contact=TODAY, gender=Gender.SELF_DESCRIBED,
                      gender_description="genderfluid").validated(TODAY)
    assert draft.gender_description == "genderfluid"


def test_reference_codes_format_and_parse() -> None:
    assert format_ref(42) == "P-0042"
    assert format_ref(123456) == "P-123456"
    assert parse_ref("P-0042") == parse_ref("p42") == parse_ref(" P-42 ") == 42
    assert parse_ref("Paula") is None


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"held_on": date(2027, 1, 1)}, "can't be in the future"),
        ({"held_on": date(1925, 1, 1)}, "please check the year"),
        ({"minutes": -5}, "at least one minute"),
        ({"minutes": 0}, "at least one minute"),
        ({"minutes": 13 * 60}, "more than 12 hours"),
        ({"follow_up_on": date(2031, 1, 1)}, "more than 2 years ahead"),
        ({"held_on": date(2026, 11, 20), "follow_up_on": date(2026, 11, 19)}, "before the session"),
        ({"notes": "x" * 100_000}, "can be at most"),
        ({"notes": "ok\x1b[31m"}, "control characters"),
    ],
)
def test_session_rules_give_clear_messages(changes: dict[str, object], message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        session(**changes).validated(TODAY)


def test_session_text_in_any_script_is_kept_exactly() -> None:
    rtl = "\u05e9\u05dc\u05d5\u05dd \u200fעולם\u200f — مرحبا بالعالم"
    combining = "Zoe\u0308 cafe\u0301 \U0001f91d\u200d\U0001f91d"
    kept = session(notes=f"{rtl}\n{combining}", next_steps="\tcall back").validated(TODAY)
    assert kept.notes == f"{rtl}\n{combining}"
    assert kept.next_steps == "\tcall back"


def test_topics_are_trimmed_and_deduplicated_in_order() -> None:
    kept = session(topics=(" housing", "health", "housing ", "")).validated(TODAY)
    assert kept.topics == ("housing", "health")


@given(st.text(max_size=300))
def test_notes_are_stored_exactly_or_refused_with_a_message(text: str) -> None:
    try:
        kept = clean_note(text)
    except ValidationError as refused:
        assert refused.user_message and refused.field == "notes"
    else:
        assert kept == text.rstrip()


def test_a_note_at_the_limit_is_accepted() -> None:
    assert len(clean_note("a" * NOTE_MAX)) == NOTE_MAX


def test_consent_review_and_withdrawal() -> None:
    with pytest.raises(ValidationError, match="after the consent date"):
        ConsentDraft(1, ConsentScope.STATISTICS, TODAY, review_on=TODAY).validated(TODAY)
    consent = Consent(1, 1, ConsentScope.STATISTICS, date(2026, 1, 1), 1,
                      review_on=date(2026, 6, 1), withdrawn_on=date(2026, 9, 1))
    assert consent.is_current(date(2026, 8, 31))
    assert not consent.is_current(date(2026, 9, 1))
    assert not consent.review_due(TODAY)  # withdrawn: nothing to review


def test_referral_needs_a_destination() -> None:
    with pytest.raises(ValidationError, match="where the referral is to"):
        ReferralDraft(1, TODAY, ReferralDestination.AGENCY, "  ").validated(TODAY)


def test_rating_scores_are_checked_against_their_scale() -> None:
    RatingDraft(1, 1, ONS4, TODAY, (7, 8, 6, 3)).validated(TODAY)
    with pytest.raises(ValidationError, match="between 0 and 10"):
        RatingDraft(1, 1, ONS4, TODAY, (7, 8, 11, 3)).validated(TODAY)
    with pytest.raises(ValidationError, match="has 3 questions"):
        RatingDraft(1, 1, UCLA3, TODAY, (1, 2)).validated(TODAY)


def test_safe_contact_banner_never_shows_the_code_word() -> None:
    prefs = SafeContact(calls_ok=True, texts_ok=True, email_ok=True, voicemail_ok=False,
                        safe_times="texts only after 6 pm", code_word="bluebird").validated()
    assert prefs.banner() == "No voicemail · texts only after 6 pm · Code word set"
    assert "bluebird" not in prefs.banner()
    assert SafeContact(do_not_contact=True).banner().startswith("Do not contact")


def test_a_new_peer_has_not_been_asked_how_to_contact_them_safely() -> None:
    new = SafeContact()
    assert new.channels() == (None, None, None, None)  # never OK until someone asks
    assert new.not_asked
    assert new.banner() == "Ask how it's safe to contact them before calling or texting"
    # One channel still not asked is enough for the banner; the answers given still show.
    partly = SafeContact(calls_ok=False, texts_ok=True, email_ok=True)
    assert partly.banner() == ("Ask how it's safe to contact them before calling or texting"
                               " · No calls")
    asked = SafeContact(calls_ok=True, texts_ok=True, email_ok=False, voicemail_ok=False)
    assert not asked.not_asked and asked.banner() == "No email · No voicemail"
    # "Do not contact" says all that is needed.
    assert SafeContact(do_not_contact=True).banner() == "Do not contact"
    assert [state_label(s) for s in (None, True, False)] == ["Not asked yet", "OK", "Not OK"]


def test_age_bands_print_with_a_capital_and_store_their_code() -> None:
    assert AgeBand.UNDER_18.label == "Under 18" and AgeBand.UNDER_18.value == "under 18"
    assert [b.label for b in AgeBand][2:] == ["18-24", "25-34", "35-44", "45-54", "55-64", "65+"]
    assert AgeBand.UNKNOWN.label == ""
