"""The listening service: anonymous contacts and known callers (DESIGN.md §1).

A contact is work with no person record: someone texts, phones or writes,
talks, and is listened to or pointed somewhere. A known caller is someone
who gets in touch again and again without giving a name: a nickname and a
short note, and nothing that could identify them.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from enum import IntFlag

from peerdesk.domain.dates import EARLIEST
from peerdesk.domain.errors import ValidationError
from peerdesk.domain.labels import Labelled, set_labels
from peerdesk.domain.text import NOTE_MAX, clean_note, clean_short_text

MAX_MINUTES = 12 * 60
# "Now" on a PC whose clock is a little ahead of the one that checks it.
_GRACE = timedelta(minutes=1)
NICKNAME_MAX = 40
CALLER_NOTE_MAX = 300
SAFETY_ACTION_MAX = 2000
LIST_NAME_MAX = 60


class Channel(Labelled):
    PHONE = "phone"
    TEXT = "text"
    EMAIL = "email"
    ONLINE_CHAT = "online_chat"
    SOCIAL_MEDIA = "social_media"
    VIDEO = "video"
    WALK_IN = "walk_in"
    OTHER = "other"


set_labels(Channel, {
    Channel.PHONE: "Phone", Channel.TEXT: "Text message", Channel.EMAIL: "Email",
    Channel.ONLINE_CHAT: "Online chat", Channel.SOCIAL_MEDIA: "Social media message",
    Channel.VIDEO: "Video call", Channel.WALK_IN: "Walk-in", Channel.OTHER: "Other",
})


class Returning(Labelled):
    """Whether the person had been in touch before (as far as anyone knows)."""

    FIRST = "first"
    RETURNING = "returning"
    UNKNOWN = "unknown"


set_labels(Returning, {"first": "First time", "returning": "Been in touch before",
                       "unknown": "Not known"})


class Outcome(IntFlag):
    """What came of a contact; one or more."""

    LISTENED = 1
    SIGNPOSTED = 2
    OFFERED_ONE_TO_ONE = 4
    OFFERED_GROUP = 8
    BECAME_PEER = 16

    @property
    def label(self) -> str:
        return _OUTCOME_LABELS[self]

    @classmethod
    def each(cls) -> tuple[Outcome, ...]:
        return (cls.LISTENED, cls.SIGNPOSTED, cls.OFFERED_ONE_TO_ONE, cls.OFFERED_GROUP,
                cls.BECAME_PEER)

    def parts(self) -> tuple[Outcome, ...]:
        return tuple(o for o in Outcome.each() if o & self)


_OUTCOME_LABELS = {
    Outcome.LISTENED: "Listened", Outcome.SIGNPOSTED: "Signposted",
    Outcome.OFFERED_ONE_TO_ONE: "Offered a one-to-one", Outcome.OFFERED_GROUP: "Offered a group",
    Outcome.BECAME_PEER: "Became a peer",
}
ALL_OUTCOMES = sum(Outcome.each(), Outcome(0))


# -- text that looks like a way to identify someone -----------------------------------

_EMAIL_IN_TEXT = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
_PHONE_IN_TEXT = re.compile(r"(?<![\w])\+?\(?\d[\d\s().\-]{5,}\d(?![\w])")
# Dates and times are digits too, and notes are full of them.
_DATES_AND_TIMES = re.compile(r"\b\d{4}-\d{1,2}-\d{1,2}\b|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b"
                              r"|\b\d{1,2}[:.]\d{2}\b")


def looks_identifying(text: str) -> str | None:
    """"an email address" or "a phone number" when `text` seems to hold one, else None.

    Used to warn (never to refuse) while a nickname or a note is typed: a
    known caller's profile and a contact's notes are meant to stay anonymous.
    """
    if _EMAIL_IN_TEXT.search(text):
        return "an email address"
    for match in _PHONE_IN_TEXT.finditer(_DATES_AND_TIMES.sub(" ", text)):
        if sum(ch.isdigit() for ch in match.group()) >= 7:
            return "a phone number"
    return None


# -- a contact ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ContactDraft:
    """What the contact form submits; `validated` returns a cleaned copy or raises."""

    contacted_on: date
    contacted_time: time
    channel: Channel
    minutes: int
    taken_by: int
    region_id: int | None = None
    returning: Returning = Returning.UNKNOWN
    topic_ids: tuple[int, ...] = ()
    safety_concern: bool = False
    safety_action: str = ""
    outcomes: Outcome = Outcome.LISTENED
    signposts: tuple[int, ...] = ()        # directory entry ids
    notes: str = ""
    known_caller_id: int | None = None

    @property
    def when(self) -> datetime:
        return datetime.combine(self.contacted_on, self.contacted_time)

    def validated(self, now: datetime) -> ContactDraft:
        when = self.when.replace(second=0, microsecond=0)
        if when > now.replace(second=0, microsecond=0) + _GRACE:
            raise ValidationError(
                "The contact can't be in the future ({when}). Check the date and time.",
                field="when", when=f"{when:%Y-%m-%d %H:%M}")
        if self.contacted_on < EARLIEST:
            raise ValidationError(
                "The contact date ({date}) is before {year}; please check the year.",
                field="when", date=self.contacted_on.isoformat(), year=EARLIEST.year)
        check_minutes(self.minutes)
        action = clean_note(self.safety_action, what="What was done about the safety concern",
                            field="safety_action", maximum=SAFETY_ACTION_MAX)
        if action and not self.safety_concern:
            raise ValidationError(
                "You wrote what was done about a safety concern: tick “Safety concern” too, "
                "or clear that text.", field="safety_action")
        outcomes = Outcome(int(self.outcomes) & int(ALL_OUTCOMES))
        signposts = tuple(dict.fromkeys(self.signposts))
        if signposts:
            outcomes |= Outcome.SIGNPOSTED
        if not outcomes:
            raise ValidationError("Choose at least one outcome (“Listened”, if nothing else).",
                                  field="outcomes")
        return replace(
            self, contacted_time=self.contacted_time.replace(second=0, microsecond=0),
            topic_ids=tuple(dict.fromkeys(self.topic_ids)), safety_action=action,
            outcomes=outcomes, signposts=signposts,
            notes=clean_note(self.notes, what="Notes", maximum=NOTE_MAX))




def check_minutes(minutes: int) -> int:
    if minutes <= 0:
        raise ValidationError("Duration must be at least one minute.", field="minutes")
    if minutes > MAX_MINUTES:
        raise ValidationError(
            "Duration of {minutes} minutes is more than {hours} hours; please check it.",
            field="minutes", minutes=minutes, hours=MAX_MINUTES // 60)
    return minutes


def parse_time(text: str, *, what: str = "Time", field: str = "when") -> time:
    """'9:05', '09:05' or '0905' -> 09:05; a clear message for anything else."""
    raw = text.strip()
    match = re.fullmatch(r"(\d{1,2})[:.h]?(\d{2})", raw)
    if match:
        hour, minute = int(match.group(1)), int(match.group(2))
        if hour < 24 and minute < 60:
            return time(hour, minute)
    raise ValidationError("{what} must be a time of day written as HH:MM (for example "
                          "21:40).", field=field, what=what)


# -- a known caller -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class KnownCallerDraft:
    """A nickname the person chose or staff use, and a short note. Nothing else, on purpose."""

    nickname: str
    note: str = ""

    def validated(self) -> KnownCallerDraft:
        nickname = clean_short_text(self.nickname, what="Nickname", field="nickname",
                                    maximum=NICKNAME_MAX)
        if not nickname:
            raise ValidationError("Give the caller a nickname, such as “Tuesday texter”.",
                                  field="nickname")
        return KnownCallerDraft(nickname, clean_note(self.note, what="Note", field="note",
                                                     maximum=CALLER_NOTE_MAX))


def clean_list_name(raw: str, *, what: str) -> str:
    """A region, topic or category name: one line, not empty, not too long."""
    name = clean_short_text(raw, what=what, field="name", maximum=LIST_NAME_MAX)
    if not name:
        raise ValidationError("{what} can't be empty.", field="name", what=what)
    return name


# -- office hours ---------------------------------------------------------------------

WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
OFFICE_HOURS_KEY = "listening_office_hours"


@dataclass(frozen=True, slots=True)
class OfficeHours:
    """When the centre is open; contacts outside are counted as out of hours."""

    days: frozenset[int] = frozenset(range(5))   # 0 = Monday
    start: time = time(9, 0)
    end: time = time(17, 0)

    def contains(self, weekday: int, at: time) -> bool:
        return weekday in self.days and self.start <= at < self.end

    def label(self) -> str:
        days = ", ".join(WEEKDAYS[d] for d in sorted(self.days)) or "no days"
        return f"{days}, {self.start:%H:%M}–{self.end:%H:%M}"

    def checked(self) -> OfficeHours:
        if not self.days:
            raise ValidationError("Choose at least one day the centre is open.", field="days")
        if any(not 0 <= d <= 6 for d in self.days):
            raise ValidationError("A day of the week is out of range.", field="days")
        if not self.start < self.end:
            raise ValidationError("Office hours must end after they start.", field="end")
        return self

    def as_setting(self) -> str:
        return json.dumps({"days": sorted(self.days), "start": self.start.strftime("%H:%M"),
                           "end": self.end.strftime("%H:%M")})

    @classmethod
    def from_setting(cls, text: str | None) -> OfficeHours:
        """The stored setting, or the default (Monday to Friday, 9 to 5) when unset or
        unreadable."""
        if not text:
            return cls()
        try:
            data = json.loads(text)
            return cls(frozenset(int(d) for d in data["days"]), time.fromisoformat(data["start"]),
                       time.fromisoformat(data["end"])).checked()
        except (ValueError, KeyError, TypeError, ValidationError):
            return cls()
