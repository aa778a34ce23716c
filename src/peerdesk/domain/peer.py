"""A person the centre supports (DESIGN.md §1)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from peerdesk.domain.dates import check_past_date
from peerdesk.domain.errors import ValidationError
from peerdesk.domain.labels import Labelled, set_labels
from peerdesk.domain.text import clean_short_text
from peerdesk.domain.validation import clean_name


class ContactRoute(Labelled):
    PHONE = "phone"
    TEXT = "text"
    SOCIAL_MEDIA = "social_media"
    BOOKING_FORM = "booking_form"
    WALK_IN = "walk_in"
    SOMEONE_THEY_KNOW = "someone_they_know"
    AGENCY_REFERRAL = "agency_referral"


set_labels(ContactRoute, {
    "phone": "Phone call", "text": "Text message",
    "social_media": "Social media message", "booking_form": "Booking form",
    "walk_in": "Walked in", "someone_they_know": "Through someone they know",
    "agency_referral": "Referred by an agency",
})


class PeerStatus(StrEnum):
    ACTIVE = "active"
    PAUSED = "paused"
    CLOSED = "closed"

    @property
    def label(self) -> str:
        return self.value.capitalize()


class AgeBand(StrEnum):
    UNKNOWN = ""
    UNDER_18 = "under 18"
    B18_24 = "18-24"
    B25_34 = "25-34"
    B35_44 = "35-44"
    B45_54 = "45-54"
    B55_64 = "55-64"
    B65_PLUS = "65+"

    @property
    def label(self) -> str:
        """As printed: "Under 18", "18-24", … ("" stays "", for the caller to name)."""
        return self.value[:1].upper() + self.value[1:]

    @classmethod
    def for_age(cls, age: int) -> AgeBand:
        for band, upper in ((cls.UNDER_18, 17), (cls.B18_24, 24), (cls.B25_34, 34),
                            (cls.B35_44, 44), (cls.B45_54, 54), (cls.B55_64, 64)):
            if age <= upper:
                return band
        return cls.B65_PLUS


class Gender(StrEnum):
    UNKNOWN = ""
    WOMAN = "woman"
    MAN = "man"
    NON_BINARY = "non_binary"
    SELF_DESCRIBED = "self_described"
    PREFER_NOT_TO_SAY = "prefer_not_to_say"


_REF = re.compile(r"^\s*P-?0*(\d{1,9})\s*$", re.IGNORECASE)


def format_ref(number: int) -> str:
    return f"P-{number:04d}"


def parse_ref(text: str) -> int | None:
    """'P-0042', 'p42' or 'P-42' -> 42; anything else -> None."""
    match = _REF.match(text)
    return int(match.group(1)) if match else None


@dataclass(frozen=True, slots=True)
class PeerDraft:
    """What a form submits; `validated` returns a cleaned copy or raises."""

    preferred_name: str
    first_contact: date
    contact_route: ContactRoute = ContactRoute.WALK_IN
    full_name: str = ""
    birth_year: int | None = None
    age_band: AgeBand = AgeBand.UNKNOWN
    gender: Gender = Gender.UNKNOWN
    gender_description: str = ""
    languages: str = ""
    nationality: str = ""
    status: PeerStatus = PeerStatus.ACTIVE
    closed_on: date | None = None
    closed_reason: str = ""
    caseworker_id: int | None = None
    supporter_id: int | None = None

    def validated(self, today: date) -> PeerDraft:
        name = clean_name(self.preferred_name, what="Preferred name or alias")
        full = clean_name(self.full_name, what="Full name") if self.full_name.strip() else ""
        check_past_date(self.first_contact, today=today, what="First contact date",
                        field="first_contact")
        band = self.age_band
        if self.birth_year is not None:
            if not today.year - 110 <= self.birth_year <= today.year - 10:
                raise ValidationError(
                    "Year of birth {year} is not plausible; leave it empty or choose an age "
                    "band instead.", field="birth_year", year=self.birth_year)
            band = AgeBand.for_age(today.year - self.birth_year)
        description = ""
        if self.gender is Gender.SELF_DESCRIBED:
            description = clean_short_text(self.gender_description, what="Gender",
                                           field="gender_description", maximum=60)
            if not description:
                raise ValidationError("Type how they describe their gender, or choose "
                                      "another option.", field="gender_description")
        closed_on, reason = None, ""
        if self.status is PeerStatus.CLOSED:
            if self.closed_on is None:
                raise ValidationError("A closed record needs the date it was closed.",
                                      field="closed_on")
            closed_on = check_past_date(self.closed_on, today=today, what="Closed date",
                                        field="closed_on")
            if closed_on < self.first_contact:
                raise ValidationError("The closed date is before the first contact date.",
                                      field="closed_on")
            reason = clean_short_text(self.closed_reason, what="Reason for closing",
                                      field="closed_reason")
        return PeerDraft(
            preferred_name=name, first_contact=self.first_contact,
            contact_route=self.contact_route, full_name=full, birth_year=self.birth_year,
            age_band=band, gender=self.gender, gender_description=description,
            languages=clean_short_text(self.languages, what="Languages", field="languages"),
            nationality=clean_short_text(self.nationality, what="Nationality",
                                         field="nationality", maximum=80),
            status=self.status, closed_on=closed_on, closed_reason=reason,
            caseworker_id=self.caseworker_id, supporter_id=self.supporter_id,
        )


@dataclass(frozen=True, slots=True)
class Peer:
    id: int
    ref_number: int
    details: PeerDraft
    last_contact: date | None = None
    next_follow_up: date | None = None
    safe_contact_summary: str = field(default="")

    @property
    def ref(self) -> str:
        return format_ref(self.ref_number)
