"""Peer-support groups, their meetings and the attendance register."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from peerdesk.domain.dates import check_planned_date
from peerdesk.domain.errors import ValidationError
from peerdesk.domain.labels import Labelled, set_labels
from peerdesk.domain.text import clean_note, clean_short_text
from peerdesk.domain.validation import clean_name

# A register beyond this is a typing slip, not a drop-in centre's room.
MAX_HEAD_COUNT = 500
MAX_SERIES = 104  # two years of weekly meetings


class GroupKind(Labelled):
    PEER_SUPPORT = "peer_support"
    ACTIVITY = "activity"
    WORKSHOP = "workshop"
    OTHER = "other"


set_labels(GroupKind, {"peer_support": "Peer-support group", "activity": "Activity",
                       "workshop": "Workshop", "other": "Other"})


class GroupMode(Labelled):
    IN_PERSON = "in_person"
    ONLINE = "online"


set_labels(GroupMode, {"in_person": "In person", "online": "Online"})


class MeetingStatus(StrEnum):
    SCHEDULED = "scheduled"
    HELD = "held"
    CANCELLED = "cancelled"


class Mark(Labelled):
    ATTENDED = "attended"
    APOLOGIES = "apologies"
    ABSENT = "absent"

    def next(self) -> Mark:
        """The mark after this one, for a key that cycles through them."""
        order = list(Mark)
        return order[(order.index(self) + 1) % len(order)]


set_labels(Mark, {"attended": "Attended", "apologies": "Sent apologies",
                  "absent": "Did not attend"})


class Repeat(StrEnum):
    WEEKLY = "weekly"
    FORTNIGHTLY = "fortnightly"

    @property
    def days(self) -> int:
        return 7 if self is Repeat.WEEKLY else 14


@dataclass(frozen=True, slots=True)
class GroupDraft:
    name: str
    kind: GroupKind = GroupKind.PEER_SUPPORT
    mode: GroupMode = GroupMode.IN_PERSON
    facilitator_ids: tuple[int, ...] = ()

    def validated(self) -> GroupDraft:
        return GroupDraft(clean_name(self.name, what="Group name", maximum=80), self.kind,
                          self.mode, tuple(dict.fromkeys(self.facilitator_ids)))


_TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")


@dataclass(frozen=True, slots=True)
class MeetingDraft:
    group_id: int
    held_on: date
    starts_at: str = ""
    place: str = ""
    notes: str = ""
    facilitator_ids: tuple[int, ...] = ()

    def validated(self, today: date) -> MeetingDraft:
        check_planned_date(self.held_on, today=today, what="Meeting date", field="held_on",
                           years_ahead=2)
        starts = self.starts_at.strip()
        if starts and not _TIME.match(starts):
            raise ValidationError("Start time must be written as HH:MM, for example 18:30.",
                                  field="starts_at")
        return MeetingDraft(
            self.group_id, self.held_on, starts,
            clean_short_text(self.place, what="Place", field="place", maximum=120),
            clean_note(self.notes, what="Meeting notes", maximum=8000),
            tuple(dict.fromkeys(self.facilitator_ids)),
        )


def check_head_count(count: object) -> int:
    """The anonymous head-count: a whole number, 0 or more."""
    if isinstance(count, bool) or not isinstance(count, int):
        try:
            count = int(str(count).strip())
        except ValueError as exc:
            raise ValidationError("The head-count must be a whole number (0 or more).",
                                  field="anonymous_count") from exc
    if count < 0:
        raise ValidationError("The head-count can't be negative.", field="anonymous_count")
    if count > MAX_HEAD_COUNT:
        raise ValidationError("A head-count of {count} is more than {most}; please check it.",
                              field="anonymous_count", count=count, most=MAX_HEAD_COUNT)
    return count
