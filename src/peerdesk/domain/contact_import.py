"""A call log kept in a spreadsheet, read row by row into contacts (docs/import.md).

One row per contact. The columns are found by their headings (the template's
own names, or common alternatives, ignoring case, spaces and punctuation).
Each value is checked as the contact form checks it; a value the centre's
lists don't have (a region, a topic, a directory service) is a problem named by
its line and column, never guessed at.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime

from peerdesk.domain.errors import Message, PeerDeskError, ValidationError
from peerdesk.domain.import_columns import match_headings, squash
from peerdesk.domain.import_rows import (
    Problem,
    heading_or_label,
    list_problem,
)
from peerdesk.domain.import_values import parse_day, parse_minutes, parse_yes_no
from peerdesk.domain.listening import (
    Channel,
    ContactDraft,
    KnownCallerDraft,
    Outcome,
    Returning,
    check_minutes,
    parse_time,
)


@dataclass(frozen=True, slots=True)
class Column:
    key: str
    label: str
    required: bool = False
    synonyms: tuple[str, ...] = ()


COLUMNS: tuple[Column, ...] = (
    Column("date", "Date", True, ("contact date", "day", "date of contact", "call date")),
    Column("time", "Time", True, ("time of contact", "call time", "at")),
    Column("channel", "Channel", True, ("how", "method", "contact method", "type", "via")),
    Column("minutes", "Minutes", True, ("duration", "length", "mins", "duration minutes",
                                        "call length")),
    Column("taken_by", "Taken by (account name)", False, ("taken by", "worker", "staff",
                                                          "volunteer", "answered by")),
    Column("region", "Region", False, ("area", "county", "district", "location")),
    Column("in_touch_before", "In touch before", False, ("first time", "returning",
                                                         "new or returning", "repeat")),
    Column("topics", "Topics", False, ("topic", "about", "themes", "issues")),
    Column("safety_concern", "Safety concern", False, ("safety", "risk", "concern")),
    Column("safety_action", "What was done", False, ("action", "action taken",
                                                     "safety action")),
    Column("outcomes", "Outcomes", False, ("outcome", "result")),
    Column("signposted_to", "Signposted to", False, ("signposted", "referred to",
                                                     "services")),
    Column("known_caller", "Known caller (nickname)", False, ("known caller", "caller",
                                                              "nickname", "regular")),
    Column("notes", "Notes", False, ("note", "comments", "summary")),
)
COLUMN_BY_KEY = {c.key: c for c in COLUMNS}

_CHANNELS = {
    **{squash(c.value): c for c in Channel}, **{squash(c.label): c for c in Channel},
    "call": Channel.PHONE, "phonecall": Channel.PHONE, "telephone": Channel.PHONE,
    "sms": Channel.TEXT, "text": Channel.TEXT, "chat": Channel.ONLINE_CHAT,
    "webchat": Channel.ONLINE_CHAT, "socialmedia": Channel.SOCIAL_MEDIA, "dm": Channel.SOCIAL_MEDIA,
    "video": Channel.VIDEO, "inperson": Channel.WALK_IN, "walkin": Channel.WALK_IN,
    "dropin": Channel.WALK_IN,
}
_RETURNING = {
    "first": Returning.FIRST, "firsttime": Returning.FIRST, "new": Returning.FIRST,
    "no": Returning.FIRST, "returning": Returning.RETURNING, "repeat": Returning.RETURNING,
    "beenintouchbefore": Returning.RETURNING, "yes": Returning.RETURNING,
    "notknown": Returning.UNKNOWN, "unknown": Returning.UNKNOWN, "": Returning.UNKNOWN,
}
_OUTCOMES = {
    **{squash(o.label): o for o in Outcome.each()},
    "listen": Outcome.LISTENED, "signpost": Outcome.SIGNPOSTED,
    "offeredonetoone": Outcome.OFFERED_ONE_TO_ONE, "offered121": Outcome.OFFERED_ONE_TO_ONE,
    "offeredgroup": Outcome.OFFERED_GROUP, "becamepeer": Outcome.BECAME_PEER,
}
_SEPARATORS = (";", "|", "\n")


def guess_columns(headers: list[str]) -> dict[str, int]:
    """Each column to the first heading that names it, the template's own names first."""
    return match_headings(headers, ((c.key, c.label, c.synonyms) for c in COLUMNS))


def _clip(text: str, width: int = 40) -> str:
    one_line = "".join(c if c.isprintable() else "?" for c in " ".join(text.split()))
    return one_line if len(one_line) <= width else one_line[:width - 1] + "…"


def _split(raw: str) -> list[str]:
    text = raw
    for separator in _SEPARATORS[1:]:
        text = text.replace(separator, _SEPARATORS[0])
    parts = [p.strip() for p in text.split(_SEPARATORS[0])]
    if len(parts) == 1 and "," in raw:
        parts = [p.strip() for p in raw.split(",")]
    return [p for p in parts if p]


# A value not in one of the centre's lists: (the list is empty, the list has these). Each
# list has its own sentences, as languages agree their words with the list's name.
_NOT_LISTED = {
    "region": (
        Message("“{value}” is not one of the centre's regions (the list is empty)."),
        Message("“{value}” is not one of the centre's regions ({listed})."),
    ),
    "topic": (
        Message("“{value}” is not one of the centre's contact topics (the list is empty)."),
        Message("“{value}” is not one of the centre's contact topics ({listed})."),
    ),
    "service": (
        Message("“{value}” is not one of the centre's directory services (the list is "
                "empty)."),
        Message("“{value}” is not one of the centre's directory services ({listed})."),
    ),
}


@dataclass(frozen=True, slots=True)
class Lists:
    """The centre's names as written, by casefolded name, with the ids contacts store."""

    regions: Mapping[str, tuple[int, str]]
    topics: Mapping[str, tuple[int, str]]
    services: Mapping[str, tuple[int, str]]   # directory entries in use
    takers: Mapping[str, int]                 # accounts that take contacts (squashed names)
    callers: Mapping[str, int]                # existing known callers by nickname

    @staticmethod
    def keyed(items: Mapping[int, str]) -> dict[str, tuple[int, str]]:
        return {name.casefold(): (item_id, name) for item_id, name in items.items()}


@dataclass(slots=True)
class CallLogChecker:
    """Checks rows one at a time; keeps the problems and the contacts that passed."""

    headers: list[str]
    columns: dict[str, int]
    lists: Lists
    importer_id: int
    now: datetime
    problems: list[Problem] = field(default_factory=list)
    problem_count: int = 0
    rows: int = 0
    drafts: list[tuple[int, ContactDraft, str]] = field(default_factory=list)
    new_callers: dict[str, str] = field(default_factory=dict)   # casefolded -> as written

    def __post_init__(self) -> None:
        for column in COLUMNS:
            if column.required and column.key not in self.columns:
                self.problem(1, column.key, Message(
                    "the file has no “{what}” column (the template's heading, or a common "
                    "alternative).", what=column.label))

    def heading(self, key: str) -> str:
        return heading_or_label(self.headers, self.columns.get(key), COLUMN_BY_KEY[key].label)

    def problem(self, line: int, key: str, message: Message | PeerDeskError) -> None:
        self.problem_count += 1
        list_problem(self.problems, line, self.heading(key), COLUMN_BY_KEY[key].label, message)

    @property
    def ok(self) -> bool:
        return self.problem_count == 0

    def _cell(self, cells: list[str], key: str) -> str:
        index = self.columns.get(key)
        return cells[index] if index is not None and index < len(cells) else ""

    def check_row(self, line: int, cells: list[str]) -> ContactDraft | None:
        """The row's contact, or None (its problems recorded) if anything is wrong."""
        self.rows += 1
        before = self.problem_count
        values: dict[str, object] = {}
        for key, read in (("date", self._date), ("time", self._time),
                          ("channel", self._channel), ("minutes", self._minutes),
                          ("taken_by", self._taker), ("region", self._region),
                          ("in_touch_before", self._returning), ("topics", self._topics),
                          ("safety_concern", self._concern), ("outcomes", self._outcomes),
                          ("signposted_to", self._services), ("known_caller", self._caller)):
            try:
                values[key] = read(self._cell(cells, key))
            except ValidationError as exc:
                self.problem(line, key, exc)
        if self.problem_count != before:
            return None
        caller = values["known_caller"]
        draft = ContactDraft(
            contacted_on=values["date"], contacted_time=values["time"],  # type: ignore[arg-type]
            channel=values["channel"], minutes=values["minutes"],  # type: ignore[arg-type]
            taken_by=values["taken_by"], region_id=values["region"],  # type: ignore[arg-type]
            returning=values["in_touch_before"],  # type: ignore[arg-type]
            topic_ids=values["topics"], safety_concern=values["safety_concern"],  # type: ignore[arg-type]
            safety_action=self._cell(cells, "safety_action"),
            outcomes=values["outcomes"], signposts=values["signposted_to"],  # type: ignore[arg-type]
            notes=self._cell(cells, "notes"),
            known_caller_id=caller if isinstance(caller, int) else None)
        try:
            clean = draft.validated(self.now)
        except ValidationError as exc:
            key = {"when": "date", "safety_action": "safety_action", "notes": "notes",
                   "outcomes": "outcomes", "minutes": "minutes"}.get(exc.field or "", "date")
            self.problem(line, key, exc)
            return None
        self.drafts.append((line, clean, caller if isinstance(caller, str) else ""))
        return clean

    # -- one value each ----------------------------------------------------------------

    def _date(self, raw: str) -> date:
        if not raw.strip():
            raise ValidationError("the date is missing.")
        day = parse_day(raw, what="Date", field="date")
        if day > self.now.date():
            raise ValidationError("The contact can't be in the future ({date}).",
                                  date=day.isoformat())
        return day

    def _time(self, raw: str) -> object:
        if not raw.strip():
            raise ValidationError("the time is missing (HH:MM, for example 21:40).")
        return parse_time(raw, what="Time")

    def _channel(self, raw: str) -> Channel:
        found = _CHANNELS.get(squash(raw))
        if found is None:
            names = ", ".join(c.label for c in Channel)
            if not raw.strip():
                raise ValidationError("the channel is missing.")
            raise ValidationError("“{value}” is not a channel PeerDesk knows ({names}).",
                                  value=_clip(raw.strip()), names=names)
        return found

    def _minutes(self, raw: str) -> int:
        if not raw.strip():
            raise ValidationError("the duration is missing.")
        return check_minutes(parse_minutes(raw))

    def _taker(self, raw: str) -> int:
        if not raw.strip():
            return self.importer_id
        found = self.lists.takers.get(squash(raw))
        if found is None:
            raise ValidationError("“{value}” is not an active account that takes contacts.",
                                  value=_clip(raw.strip()))
        return found

    def _lookup(self, raw: str, names: Mapping[str, tuple[int, str]], kind: str) -> int:
        """`kind`: "region", "topic" or "service"; each list has its own sentences, as
        languages agree their words with the list's name."""
        found = names.get(raw.strip().casefold())
        if found is None:
            known = sorted((shown for _, shown in names.values()), key=str.casefold)
            listed = ", ".join(known[:8]) + (", …" if len(known) > 8 else "")
            value = _clip(raw.strip())
            empty, some = _NOT_LISTED[kind]
            if not listed:
                raise ValidationError(empty.template, value=value)
            raise ValidationError(some.template, value=value, listed=listed)
        return found[0]

    def _region(self, raw: str) -> int | None:
        return self._lookup(raw, self.lists.regions, "region") if raw.strip() else None

    def _returning(self, raw: str) -> Returning:
        found = _RETURNING.get(squash(raw))
        if found is None:
            raise ValidationError("“{value}” should be first time, returning or not known.",
                                  value=_clip(raw.strip()))
        return found

    def _topics(self, raw: str) -> tuple[int, ...]:
        return tuple(self._lookup(t, self.lists.topics, "topic") for t in _split(raw))

    def _concern(self, raw: str) -> bool:
        return parse_yes_no(raw, what="Safety concern", field="safety_concern") \
            if raw.strip() else False

    def _outcomes(self, raw: str) -> Outcome:
        flags = Outcome(0)
        for part in _split(raw):
            found = _OUTCOMES.get(squash(part))
            if found is None:
                names = ", ".join(o.label.lower() for o in Outcome.each())
                raise ValidationError("“{value}” is not an outcome ({names}).",
                                      value=_clip(part), names=names)
            flags |= found
        return flags or Outcome.LISTENED

    def _services(self, raw: str) -> tuple[int, ...]:
        return tuple(self._lookup(s, self.lists.services, "service")
                     for s in _split(raw))

    def _caller(self, raw: str) -> int | str | None:
        """An existing known caller's id, or the nickname of one to add."""
        name = raw.strip()
        if not name:
            return None
        found = self.lists.callers.get(name.casefold())
        if found is not None:
            return found
        clean = KnownCallerDraft(name).validated().nickname
        self.new_callers.setdefault(clean.casefold(), clean)
        return clean
