"""Referrals to counselling, another agency, or a group."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from peerdesk.domain.dates import check_past_date
from peerdesk.domain.errors import ValidationError
from peerdesk.domain.labels import Labelled, set_labels
from peerdesk.domain.text import clean_short_text


class ReferralDestination(Labelled):
    COUNSELLING = "counselling"
    AGENCY = "agency"
    GROUP = "group"


set_labels(ReferralDestination, {"counselling": "Counselling or therapy",
                                 "agency": "Another agency", "group": "A peer-support group"})


class ReferralStatus(StrEnum):
    MADE = "made"
    ACCEPTED = "accepted"
    DECLINED = "declined"


@dataclass(frozen=True, slots=True)
class ReferralDraft:
    peer_id: int
    made_on: date
    destination: ReferralDestination
    destination_name: str
    status: ReferralStatus = ReferralStatus.MADE
    # The service in the signposting directory, when it was picked from there;
    # `destination_name` keeps the words either way.
    directory_entry_id: int | None = None

    def validated(self, today: date) -> ReferralDraft:
        check_past_date(self.made_on, today=today, what="Referral date", field="made_on")
        name = clean_short_text(self.destination_name, what="Where to", field="destination_name",
                                maximum=120)
        if not name:
            raise ValidationError("Say where the referral is to.", field="destination_name")
        return ReferralDraft(self.peer_id, self.made_on, self.destination, name, self.status,
                             self.directory_entry_id)
