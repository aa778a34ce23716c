"""Reading one spreadsheet cell into a domain value, with a message a person can act on.

Spreadsheets write the same thing many ways ("Face to face", "F2F", "in-person"),
so choices are matched ignoring case, spaces and punctuation, against the
domain's own values, its labels and a few common synonyms.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from datetime import date
from enum import StrEnum
from typing import TypeVar, cast

from peerdesk.domain.errors import ValidationError
from peerdesk.domain.import_columns import squash
from peerdesk.domain.one_to_one import SessionKind, SessionMode
from peerdesk.domain.peer import AgeBand, ContactRoute, Gender, PeerStatus

E = TypeVar("E", bound=StrEnum)

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]00:00(?::00)?)?$")
_DAY_FIRST = re.compile(r"^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$")

DATE_FORMATS = "YYYY-MM-DD (2024-03-31) or DD/MM/YYYY (31/03/2024)"


def parse_day(text: str, *, what: str, field: str) -> date:
    """ISO dates, or day first with slashes or dots (as UK and European sheets write them)."""
    value = text.strip()
    iso = _ISO.match(value)
    parts: tuple[str, str, str] | None = None
    if iso:
        parts = (iso.group(1), iso.group(2), iso.group(3))
    else:
        day_first = _DAY_FIRST.match(value)
        if day_first:
            parts = (day_first.group(3), day_first.group(2), day_first.group(1))
    if parts is None:
        raise ValidationError("{what} “{value}” is not a date; write it as {formats}.",
                              field=field, what=what, value=_clip(value), formats=DATE_FORMATS)
    try:
        return date(int(parts[0]), int(parts[1]), int(parts[2]))
    except ValueError:
        raise ValidationError("{what} “{value}” is not a real date.", field=field, what=what,
                              value=_clip(value)) from None


def parse_birth_year(text: str) -> int:
    value = text.strip()
    if re.fullmatch(r"\d{4}", value):
        return int(value)
    return parse_day(value, what="Date of birth", field="birth_year").year


def parse_age_band(text: str) -> AgeBand:
    value = text.strip()
    if re.fullmatch(r"\d{1,3}", value):
        return AgeBand.for_age(int(value))
    wanted = squash(value.replace("+", "plus"))
    for band in AgeBand:
        if band.value and squash(band.value.replace("+", "plus")) == wanted:
            return band
    allowed = ", ".join(b.value for b in AgeBand if b.value)
    raise ValidationError("“{value}” is not an age band; use one of {allowed}, or an age in "
                          "years.", field="age_band", value=_clip(value), allowed=allowed)


def _choice(text: str, kind: type[E], synonyms: Mapping[str, E], what: str, field: str) -> E:
    wanted = squash(text)
    found = _names(kind).get(wanted) if wanted else None
    if found is not None:
        return cast(E, found)
    if wanted in synonyms:
        return synonyms[wanted]
    allowed = ", ".join(str(getattr(m, "label", m.value)) for m in kind if m.value)
    raise ValidationError("{what} “{value}” is not one of: {allowed}.", field=field,
                          what=what, value=_clip(text.strip()), allowed=allowed)


@functools.cache
def _names(kind: type[StrEnum]) -> dict[str, StrEnum]:
    """Each member's value and label, squashed; the first member to claim a name keeps it.
    Worked out once per choice, not once per cell (a million-row sheet has many cells)."""
    names: dict[str, StrEnum] = {}
    for member in kind:
        label = str(getattr(member, "label", member.value))
        for name in (squash(member.value), squash(label)):
            if name:
                names.setdefault(name, member)
    return names


def _syn(pairs: dict[str, E]) -> dict[str, E]:
    return {squash(k): v for k, v in pairs.items()}


_MODES = _syn({"face to face": SessionMode.IN_PERSON, "f2f": SessionMode.IN_PERSON,
               "in-person": SessionMode.IN_PERSON, "telephone": SessionMode.PHONE,
               "phone call": SessionMode.PHONE, "call": SessionMode.PHONE,
               "sms": SessionMode.TEXT, "text message": SessionMode.TEXT,
               "e-mail": SessionMode.EMAIL, "video": SessionMode.VIDEO,
               "zoom": SessionMode.VIDEO, "teams": SessionMode.VIDEO,
               "online": SessionMode.VIDEO})
_KINDS = _syn({"first contact": SessionKind.INTAKE, "intake": SessionKind.INTAKE,
               "assessment": SessionKind.INTAKE, "support": SessionKind.PEER_SUPPORT,
               "one to one": SessionKind.PEER_SUPPORT, "listening": SessionKind.LISTENING,
               "followup": SessionKind.FOLLOW_UP, "follow up": SessionKind.FOLLOW_UP,
               "mentoring": SessionKind.MENTORING})
_ROUTES = _syn({"phone call": ContactRoute.PHONE, "call": ContactRoute.PHONE,
                "telephone": ContactRoute.PHONE, "sms": ContactRoute.TEXT,
                "text message": ContactRoute.TEXT, "social media": ContactRoute.SOCIAL_MEDIA,
                "facebook": ContactRoute.SOCIAL_MEDIA, "instagram": ContactRoute.SOCIAL_MEDIA,
                "form": ContactRoute.BOOKING_FORM, "online form": ContactRoute.BOOKING_FORM,
                "walk-in": ContactRoute.WALK_IN, "drop in": ContactRoute.WALK_IN,
                "friend": ContactRoute.SOMEONE_THEY_KNOW,
                "word of mouth": ContactRoute.SOMEONE_THEY_KNOW,
                "agency": ContactRoute.AGENCY_REFERRAL, "referral": ContactRoute.AGENCY_REFERRAL,
                "referred": ContactRoute.AGENCY_REFERRAL})
_STATUSES = _syn({"open": PeerStatus.ACTIVE, "current": PeerStatus.ACTIVE,
                  "on hold": PeerStatus.PAUSED, "ended": PeerStatus.CLOSED})
_GENDERS = _syn({"female": Gender.WOMAN, "f": Gender.WOMAN, "w": Gender.WOMAN,
                 "male": Gender.MAN, "m": Gender.MAN, "non-binary": Gender.NON_BINARY,
                 "nonbinary": Gender.NON_BINARY, "nb": Gender.NON_BINARY,
                 "prefer not to say": Gender.PREFER_NOT_TO_SAY,
                 "not stated": Gender.PREFER_NOT_TO_SAY, "unknown": Gender.UNKNOWN})


def parse_mode(text: str) -> SessionMode:
    return _choice(text, SessionMode, _MODES, "Session mode", "mode")


def parse_kind(text: str) -> SessionKind:
    return _choice(text, SessionKind, _KINDS, "Session kind", "kind")


def parse_route(text: str) -> ContactRoute:
    return _choice(text, ContactRoute, _ROUTES, "How they made contact", "contact_route")


def parse_status(text: str) -> PeerStatus:
    return _choice(text, PeerStatus, _STATUSES, "Status", "status")


def parse_gender(text: str) -> tuple[Gender, str]:
    """A listed gender, or any other words kept as the person's own description."""
    wanted = squash(text)
    for member in Gender:
        if member.value and wanted == squash(member.value):
            return member, ""
    if wanted in _GENDERS:
        return _GENDERS[wanted], ""
    return Gender.SELF_DESCRIBED, text.strip()


_YES = {"yes", "y", "true", "1", "x", "ok"}
_NO = {"no", "n", "false", "0"}


def parse_yes_no(text: str, *, what: str, field: str) -> bool:
    value = squash(text) or text.strip().casefold()
    if value in _YES:
        return True
    if value in _NO:
        return False
    raise ValidationError("{what} “{value}” should be yes or no.", field=field, what=what,
                          value=_clip(text.strip()))


_NOT_ASKED = {"notaskedyet", "notasked", "notyetasked", "unknown", "dontknow", "?", "na",
              "notknown"}


def parse_channel(text: str, *, what: str, field: str) -> bool | None:
    """A safe-contact channel: OK (yes), not OK (no) or not asked yet (None)."""
    value = squash(text) or text.strip().casefold()
    if value in _NOT_ASKED:
        return None
    if value in _YES:
        return True
    if value in _NO:
        return False
    raise ValidationError("{what} “{value}” should be yes, no or not asked.", field=field,
                          what=what, value=_clip(text.strip()))


def parse_minutes(text: str) -> int:
    """Whole minutes; "1:30" reads as 90, "45.0" (as spreadsheets save numbers) as 45."""
    value = text.strip()
    hours = re.fullmatch(r"(\d{1,2}):(\d{2})", value)
    if hours:
        return int(hours.group(1)) * 60 + int(hours.group(2))
    number = re.fullmatch(r"(-?\d{1,6})(?:\.0+)?", value)
    if number:
        return int(number.group(1))
    raise ValidationError("Duration “{value}” should be a whole number of minutes.",
                          field="minutes", value=_clip(value))


def _clip(text: str, width: int = 40) -> str:
    """Enough of a bad value to find it, never a whole pasted note."""
    one_line = "".join(c if c.isprintable() else "?" for c in " ".join(text.split()))
    return one_line if len(one_line) <= width else one_line[:width - 1] + "…"
