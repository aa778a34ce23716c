"""The columns a spreadsheet import understands, and a best guess at which of a file's
headings is which (DESIGN.md §6).

Every field maps to something the domain already has (a peer, their safe-contact
preferences, or a one-to-one session); nothing is invented for the import.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum


class Part(StrEnum):
    PEER = "peer"
    SAFE_CONTACT = "safe contact"
    SESSION = "session"


@dataclass(frozen=True, slots=True)
class ImportField:
    key: str
    label: str
    part: Part
    required: bool = False
    # Other headings centres use for the same thing; matched ignoring case,
    # spaces and punctuation.
    synonyms: tuple[str, ...] = ()


FIELDS: tuple[ImportField, ...] = (
    ImportField("peer_key", "Peer key (the old spreadsheet's id)", Part.PEER, True,
                ("id", "peer id", "client id", "client number", "old id", "record id",
                 "case number", "key", "ref", "reference")),
    ImportField("preferred_name", "Preferred name or alias", Part.PEER, True,
                ("name", "alias", "known as", "first name", "nickname")),
    ImportField("full_name", "Full name", Part.PEER, False, ("legal name", "full legal name")),
    ImportField("birth_year", "Year of birth (or date of birth)", Part.PEER, False,
                ("year of birth", "date of birth", "dob", "yob", "born", "birth date")),
    ImportField("age_band", "Age band", Part.PEER, False, ("age group", "age range", "age")),
    ImportField("gender", "Gender", Part.PEER, False, ("sex", "gender identity")),
    ImportField("languages", "Languages", Part.PEER, False, ("language", "languages spoken")),
    ImportField("nationality", "Nationality", Part.PEER, False, ("citizenship",)),
    ImportField("contact_route", "How they made contact", Part.PEER, False,
                ("contact route", "how contacted", "first contact method", "source",
                 "referral source", "how they heard", "route")),
    ImportField("first_contact", "First contact date", Part.PEER, False,
                ("first contact", "date of first contact", "start date", "date joined",
                 "registered", "registration date", "intake date")),
    ImportField("status", "Status", Part.PEER, False, ("peer status", "case status")),
    ImportField("closed_on", "Closed date", Part.PEER, False,
                ("closed on", "date closed", "closure date", "end date")),
    ImportField("closed_reason", "Reason for closing", Part.PEER, False,
                ("closed reason", "closure reason", "reason closed")),
    ImportField("caseworker", "Caseworker (account name)", Part.PEER, False,
                ("case worker", "key worker", "keyworker")),
    ImportField("supporter", "Peer supporter (account name)", Part.PEER, False,
                ("peer supporter", "peer worker", "buddy")),
    ImportField("do_not_contact", "Do not contact", Part.SAFE_CONTACT, False,
                ("dnc", "no contact")),
    ImportField("calls_ok", "Calls OK", Part.SAFE_CONTACT, False,
                ("calls", "can call", "phone ok", "ok to call")),
    ImportField("texts_ok", "Texts OK", Part.SAFE_CONTACT, False,
                ("texts", "can text", "sms ok", "ok to text")),
    ImportField("email_ok", "Email OK", Part.SAFE_CONTACT, False,
                ("can email", "ok to email")),
    ImportField("voicemail_ok", "Voicemail OK", Part.SAFE_CONTACT, False,
                ("voicemail", "ok to leave voicemail", "can leave voicemail")),
    ImportField("safe_times", "Safe times", Part.SAFE_CONTACT, False,
                ("best time", "when to contact", "safe time")),
    ImportField("code_word", "Code word", Part.SAFE_CONTACT, False, ("codeword", "safe word")),
    ImportField("session_date", "Session date", Part.SESSION, False,
                ("date", "held on", "contact date", "date seen", "seen on", "session")),
    ImportField("mode", "Session mode", Part.SESSION, False,
                ("session mode", "method", "contact method", "contact type", "how")),
    ImportField("kind", "Session kind", Part.SESSION, False,
                ("session kind", "session type", "type", "type of session")),
    ImportField("minutes", "Duration (minutes)", Part.SESSION, False,
                ("duration", "duration minutes", "mins", "length", "time spent", "duration mins")),
    ImportField("notes", "Session notes", Part.SESSION, False,
                ("note", "session note", "comments", "comment", "summary")),
    ImportField("worker", "Worker (account name)", Part.SESSION, False,
                ("staff", "staff member", "seen by", "worker name")),
)

FIELD_BY_KEY = {f.key: f for f in FIELDS}
PEER_FIELDS = tuple(f.key for f in FIELDS if f.part is not Part.SESSION)
SESSION_FIELDS = tuple(f.key for f in FIELDS if f.part is Part.SESSION)

Mapping = dict[str, int]
"""Our field key -> the index of the file's column that holds it."""


_NOT_LETTERS = re.compile(r"[\W_]+")


def squash(text: str) -> str:
    """'Date of Birth ' and 'date_of_birth' compare equal."""
    return _NOT_LETTERS.sub("", text.casefold())


def match_headings(headers: list[str],
                   wanted: Iterable[tuple[str, str, Iterable[str]]]) -> dict[str, int]:
    """Each key to the first heading that names it; each heading used once. `wanted`:
    (key, label, synonyms). Exact names (the key and label, the template's own) are
    matched before synonyms, so a file with both "Date" and "Session date" maps the
    better one. Spacing, case and punctuation are ignored (`squash`)."""
    squashed = [squash(h) for h in headers]
    names = [(key, [squash(key), squash(label)], [squash(s) for s in synonyms])
             for key, label, synonyms in wanted]
    found: dict[str, int] = {}
    taken: set[int] = set()
    for strict in (True, False):
        for key, exact, more in names:
            if key in found:
                continue
            allowed = exact if strict else exact + more
            for index, heading in enumerate(squashed):
                if index not in taken and heading and heading in allowed:
                    found[key] = index
                    taken.add(index)
                    break
    return found


def guess_mapping(headers: list[str]) -> Mapping:
    """Each field to the first heading that names it (match_headings)."""
    return match_headings(headers, ((f.key, f.label, f.synonyms) for f in FIELDS))


def unused_columns(headers: list[str], mapping: Mapping) -> list[int]:
    used = set(mapping.values())
    return [i for i, h in enumerate(headers) if i not in used and h.strip()]
