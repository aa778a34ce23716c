"""One-to-one sessions with a peer."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from peerdesk.domain.dates import check_past_date, check_planned_date
from peerdesk.domain.errors import ValidationError
from peerdesk.domain.labels import Labelled, set_labels
from peerdesk.domain.text import clean_note, clean_short_text

MAX_MINUTES = 12 * 60


class SessionMode(Labelled):
    IN_PERSON = "in_person"
    PHONE = "phone"
    TEXT = "text"
    EMAIL = "email"
    VIDEO = "video"
    OTHER = "other"


set_labels(SessionMode, {"in_person": "In person", "phone": "Phone", "text": "Text",
                         "email": "Email", "video": "Video call", "other": "Other"})


class SessionKind(Labelled):
    INTAKE = "intake"
    PEER_SUPPORT = "peer_support"
    LISTENING = "listening"
    FOLLOW_UP = "follow_up"
    # A meeting of a mentoring pair (domain.voice): the mentee's session.
    MENTORING = "mentoring"


set_labels(SessionKind, {"intake": "First contact / intake", "peer_support": "Peer support",
                         "listening": "Listening service", "follow_up": "Follow-up",
                         "mentoring": "Mentoring"})


@dataclass(frozen=True, slots=True)
class SessionDraft:
    peer_id: int
    worker_id: int
    held_on: date
    minutes: int
    mode: SessionMode
    kind: SessionKind
    topics: tuple[str, ...] = ()
    notes: str = ""
    next_steps: str = ""
    follow_up_on: date | None = None
    signposts: tuple[int, ...] = ()    # services in the signposting directory pointed to

    def validated(self, today: date) -> SessionDraft:
        check_past_date(self.held_on, today=today, what="Session date", field="held_on")
        if self.minutes <= 0:
            raise ValidationError("Duration must be at least one minute.", field="minutes")
        if self.minutes > MAX_MINUTES:
            raise ValidationError(
                "Duration of {minutes} minutes is more than {hours} hours; please check it.",
                field="minutes", minutes=self.minutes, hours=MAX_MINUTES // 60)
        follow_up = self.follow_up_on
        if follow_up is not None:
            check_planned_date(follow_up, today=today, what="Follow-up date",
                               field="follow_up_on")
            if follow_up < self.held_on:
                raise ValidationError("The follow-up date is before the session.",
                                      field="follow_up_on")
        return SessionDraft(
            peer_id=self.peer_id, worker_id=self.worker_id, held_on=self.held_on,
            minutes=self.minutes, mode=self.mode, kind=self.kind,
            topics=tuple(dict.fromkeys(
                clean_short_text(t, what="Topic", field="topics", maximum=60)
                for t in self.topics if t.strip())),
            notes=clean_note(self.notes, what="Notes"),
            next_steps=clean_note(self.next_steps, what="Next steps", field="next_steps",
                                  maximum=4000),
            follow_up_on=follow_up, signposts=tuple(dict.fromkeys(self.signposts)),
        )
