"""The data dictionary: mentoring and the peers' voice (casework database, issue 16)."""

from __future__ import annotations

from peerdesk.domain.voice import (
    ActionStatus,
    Benefit,
    ConsultationMethod,
    FeedbackSource,
    QuoteFlag,
)
from peerdesk.storage.dictionary.model import DATE, STAFF_ID, TIMESTAMP, Table, codes_of

TABLES = [
    Table("mentoring_pair", "A mentoring pair: a mentor (a supporter, or an experienced peer) "
          "and the peer they mentor. Its meetings are the mentee's one-to-one sessions of "
          "kind 'mentoring' between its start and end.",
          {"id": "The pair's number.",
           "mentee_id": "The peer being mentored (peer.id).",
           "mentor_peer_id": "The mentor, when they are a peer (peer.id); empty otherwise.",
           "mentor_supporter_id": "The mentor, when they are a supporter (supporter.id in the "
                                  "main database); empty otherwise.",
           "starts_on": DATE + " When the pair started.",
           "ends_on": DATE + " When it ended or is planned to end; empty while it goes on.",
           "goals": "The pair's goals, in words.",
           "recorded_by": f"{STAFF_ID} who recorded it.",
           "created_at": TIMESTAMP, "updated_at": TIMESTAMP}),
    Table("consultation", "A time the centre asked peers what they think (a group "
          "discussion, a survey, a feedback box): how many took part (a head-count, no "
          "names), what was said and what the centre will do: \"you said, we did\".",
          {"id": "The consultation's number.", "held_on": DATE,
           "method": "How peers were asked (see the codes).",
           "topic": "What it was about.",
           "headcount": "How many took part.",
           "said": "What peers said.",
           "action": "What the centre will do, or did.",
           "status": "Where the action stands (see the codes).",
           "why_not": "Why it won't be done (when the status says so).",
           "status_on": DATE + " When the status was last set.",
           "recorded_by": f"{STAFF_ID} who recorded it.",
           "created_at": TIMESTAMP, "updated_at": TIMESTAMP},
          codes={"method": codes_of(ConsultationMethod), "status": codes_of(ActionStatus)}),
    Table("feedback", "A short feedback form, filled in anonymously or entered by staff with a "
          "peer: what helped and which benefits of peer support changed for them. It names "
          "no one.",
          {"id": "The form's number.", "given_on": DATE,
           "source": "Who filled it in (see the codes).",
           "helped": "What helped, in their words.",
           "benefits": "The benefits they named, comma-separated (see the codes).",
           "comments": "Anything else they wrote.",
           "recorded_by": f"{STAFF_ID} who entered it.", "created_at": TIMESTAMP},
          codes={"source": codes_of(FeedbackSource), "benefits": codes_of(Benefit)}),
    Table("quote", "A peer's own words, kept under their consent to be quoted without their "
          "name (consent.scope 'quotable'). A report's \"In their words\" page prints a quote "
          "only once a programme lead approved it and while that consent is current.",
          {"id": "The quote's number.", "peer_id": "Whose words (peer.id).",
           "consent_id": "The consent it is kept under (consent.id).",
           "said_on": DATE + " When they said or wrote it.",
           "words": "The quote.",
           "warnings": "What the name check found when it was saved, comma-separated (see "
                       "the codes); empty when nothing.",
           "recorded_by": f"{STAFF_ID} who saved it.",
           "approved_by": f"{STAFF_ID} of the programme lead who approved it; empty until "
                          "approved.",
           "approved_at": TIMESTAMP + " Empty until approved.",
           "created_at": TIMESTAMP, "updated_at": TIMESTAMP},
          codes={"warnings": codes_of(QuoteFlag)}),
]
