"""The signposting directory: services the centre points people to (DESIGN.md §1)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlsplit

from peerdesk.domain.dates import check_past_date
from peerdesk.domain.errors import ValidationError
from peerdesk.domain.text import clean_note, clean_short_text

NAME_MAX = 120
PHONE_MAX = 40
EMAIL_MAX = 120
WEBSITE_MAX = 200
HOURS_MAX = 200
NOTES_MAX = 4000
# An entry not checked for this long is listed on Today for review.
REVIEW_AFTER_DAYS = 365

_EMAIL = re.compile(r"^[^@\s<>()\[\],;:\"]+@[A-Za-z0-9\u00a0-\uffff-]+"
                    r"(?:\.[A-Za-z0-9\u00a0-\uffff-]+)*\.[A-Za-z\u00a0-\uffff]{2,}$")
_HOST = re.compile(r"^(?:[A-Za-z0-9\u00a0-\uffff](?:[A-Za-z0-9\u00a0-\uffff-]*"
                   r"[A-Za-z0-9\u00a0-\uffff])?\.)+[A-Za-z\u00a0-\uffff]{2,}$")
_PHONE = re.compile(r"^[0-9+()\-. /]+(?:\s*(?:ext\.?|x)\s*[0-9]+)?$", re.IGNORECASE)


def check_email(raw: str) -> str:
    """'' or an address shaped like name@example.org; a message at the field otherwise."""
    text = clean_short_text(raw, what="Email", field="email", maximum=EMAIL_MAX)
    if text and (not _EMAIL.match(text) or ".." in text):
        raise ValidationError("The email address “{text}” doesn't look right: write it like "
                              "help@example.org.", field="email", text=text)
    return text


def check_website(raw: str) -> str:
    """'' or a web address (with or without https://); a message at the field otherwise."""
    text = clean_short_text(raw, what="Website", field="website", maximum=WEBSITE_MAX)
    if not text:
        return ""
    bad = ValidationError("The web address “{text}” doesn't look right: write it like "
                          "www.example.org or https://example.org/help.", field="website",
                          text=text)
    if any(ch.isspace() for ch in text) or "@" in text.split("/", 3)[2 if "://" in text else 0]:
        raise bad
    parts = urlsplit(text if "://" in text else f"https://{text}")
    try:
        port = parts.port
    except ValueError:
        raise bad from None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise bad
    if not _HOST.match(parts.hostname) or (port is None and ":" in parts.netloc):
        raise bad
    return text


def check_phone(raw: str) -> str:
    text = clean_short_text(raw, what="Phone", field="phone", maximum=PHONE_MAX)
    if text and (not _PHONE.match(text) or sum(ch.isdigit() for ch in text) < 3):
        raise ValidationError("The phone number “{text}” doesn't look right: use digits, "
                              "spaces and + - ( ) only (and “ext 12” for an extension).",
                              field="phone", text=text)
    return text


@dataclass(frozen=True, slots=True)
class DirectoryEntryDraft:
    name: str
    category_ids: tuple[int, ...] = ()
    region_ids: tuple[int, ...] = ()
    all_regions: bool = False            # a national service: every region
    phone: str = ""
    email: str = ""
    website: str = ""
    opening_hours: str = ""
    notes: str = ""
    last_checked: date | None = None

    def validated(self, today: date) -> DirectoryEntryDraft:
        name = clean_short_text(self.name, what="Name", field="name", maximum=NAME_MAX)
        if not name:
            raise ValidationError("Give the service's name.", field="name")
        checked = self.last_checked
        if checked is not None:
            check_past_date(checked, today=today, what="Date last checked",
                            field="last_checked")
        return DirectoryEntryDraft(
            name=name, category_ids=tuple(dict.fromkeys(self.category_ids)),
            region_ids=() if self.all_regions else tuple(dict.fromkeys(self.region_ids)),
            all_regions=self.all_regions, phone=check_phone(self.phone),
            email=check_email(self.email), website=check_website(self.website),
            opening_hours=clean_short_text(self.opening_hours, what="Opening hours",
                                           field="opening_hours", maximum=HOURS_MAX),
            notes=clean_note(self.notes, what="Notes", maximum=NOTES_MAX),
            last_checked=checked)
