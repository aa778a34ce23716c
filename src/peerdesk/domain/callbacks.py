"""Enquiries waiting for a call-back to arrange a first one-to-one (DESIGN.md §6).

People reach the centre by phone, text, a social media chat, a booking form or
through someone they know; a peer worker then gets back to them. The way to
reach them is kept only with their agreement, shown with the same safe-contact
warnings as a peer's, and erased once it is no longer needed.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from peerdesk.domain.dates import check_past_date
from peerdesk.domain.errors import ValidationError
from peerdesk.domain.labels import Labelled, set_labels
from peerdesk.domain.peer import ContactRoute
from peerdesk.domain.safe_contact import SafeContact
from peerdesk.domain.text import clean_short_text

REACH_MAX = 200
ASK_FOR_MAX = 60
DEFAULT_KEEP_DAYS = 30


class CallbackRoute(Labelled):
    PHONE = "phone"
    TEXT = "text"
    SOCIAL_MEDIA = "social_media"
    BOOKING_FORM = "booking_form"
    SOMEONE_THEY_KNOW = "someone_they_know"
    OTHER = "other"

    @property
    def contact_route(self) -> ContactRoute:
        """How the peer first made contact, should they become one."""
        return {"phone": ContactRoute.PHONE, "text": ContactRoute.TEXT,
                "social_media": ContactRoute.SOCIAL_MEDIA,
                "booking_form": ContactRoute.BOOKING_FORM,
                "someone_they_know": ContactRoute.SOMEONE_THEY_KNOW,
                "other": ContactRoute.WALK_IN}[self.value]


set_labels(CallbackRoute, {"phone": "Phone call", "text": "Text message",
                           "social_media": "Social media chat", "booking_form": "Booking form",
                           "someone_they_know": "Through someone they know", "other": "Other"})


class CallbackStatus(Labelled):
    WAITING = "waiting"
    DONE = "done"          # called back (they became a peer, or a one-to-one is arranged)
    CLOSED = "closed"      # no longer wanted
    EXPIRED = "expired"    # the way to reach them was erased after the period


set_labels(CallbackStatus, {"waiting": "Waiting", "done": "Called back", "closed": "Closed",
                            "expired": "Expired"})


@dataclass(frozen=True, slots=True)
class CallbackDraft:
    received_on: date
    route: CallbackRoute
    reach: str                         # a phone number, a handle: how to get back to them
    agreed: bool                       # they agreed the centre keeps it
    ask_for: str = ""                  # the name or alias to ask for
    prefs: SafeContact = field(default_factory=SafeContact)
    contact_id: int | None = None
    known_caller_id: int | None = None

    def validated(self, today: date) -> CallbackDraft:
        check_past_date(self.received_on, today=today, what="Date of the enquiry",
                        field="received_on")
        reach = clean_short_text(self.reach, what="How to reach them", field="reach",
                                 maximum=REACH_MAX)
        if not reach:
            raise ValidationError("Say how to get back to them (a number, a handle, an "
                                  "address).", field="reach")
        if not self.agreed:
            raise ValidationError("A way to reach someone is kept only with their agreement: "
                                  "tick that they agreed, or don't keep it.", field="agreed")
        return replace(self, reach=reach,
                       ask_for=clean_short_text(self.ask_for, what="Ask for", field="ask_for",
                                                maximum=ASK_FOR_MAX),
                       prefs=self.prefs.validated())
