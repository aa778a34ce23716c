"""The data dictionary: peers, their safe-contact wishes and their consent."""

from __future__ import annotations

from peerdesk.domain.consent import ConsentScope
from peerdesk.domain.peer import AgeBand, ContactRoute, Gender, PeerStatus
from peerdesk.storage.dictionary.model import (
    DATE,
    SAFE_REACH_CODES,
    SAFE_REACH_COLUMNS,
    STAFF_ID,
    TIMESTAMP,
    YES_NO,
    Table,
    codes_of,
)

TABLES = [
    Table("peer", "A person the centre supports.",
          {"id": "The peer's number in this vault; other tables refer to it as peer_id.",
           "ref_number": "Their reference number, shown as P-0042; never reused.",
           "preferred_name": "The name or alias they want to be called (the only name needed).",
           "full_name": "Their full name, if they gave it.",
           "sort_name": "The preferred name in lower case, for sorting.",
           "birth_year": "Year of birth, if known.",
           "age_band": "Age band, when the year of birth is not known (see the codes).",
           "gender": "Gender (see the codes).",
           "gender_description": "Their own words, when gender is self_described.",
           "languages": "Languages they speak, as typed.",
           "nationality": "Nationality, if they gave it.",
           "contact_route": "How they first made contact (see the codes).",
           "first_contact": "The date of first contact. " + DATE,
           "status": "active, paused or closed.",
           "closed_on": "When the record was closed. " + DATE,
           "closed_reason": "Why it was closed.",
           "caseworker_id": STAFF_ID + ": their caseworker.",
           "supporter_id": STAFF_ID + ": their peer supporter.",
           "last_contact": "The date of their latest session (kept up to date). " + DATE,
           "next_follow_up": "The earliest follow-up not yet done. " + DATE,
           "first_session_on": "The date of their first session (kept up to date). " + DATE,
           "created_at": TIMESTAMP,
           "updated_at": TIMESTAMP},
          codes={"age_band": codes_of(AgeBand), "gender": codes_of(Gender),
                 "contact_route": codes_of(ContactRoute), "status": codes_of(PeerStatus)}),
    Table("safe_contact", "How it is safe to contact a peer; shown wherever someone is about "
          "to contact them.",
          {"peer_id": "The peer (peer.id).",
           "do_not_contact": "1: do not contact them at all.",
           **SAFE_REACH_COLUMNS,
           "other": "Anything else about contacting them safely."},
          codes={"do_not_contact": YES_NO, **SAFE_REACH_CODES}),
    Table("consent", "Consent a peer gave, for what, and if they withdrew it. A peer whose "
          "statistics consent is withdrawn is left out of reports.",
          {"id": "The record's number.",
           "peer_id": "The peer (peer.id).",
           "scope": "What the consent covers (see the codes).",
           "given_on": DATE,
           "recorded_by": STAFF_ID + " who recorded it.",
           "review_on": "When to ask again. " + DATE,
           "withdrawn_on": "When they withdrew it; empty while it stands. " + DATE,
           "created_at": TIMESTAMP},
          codes={"scope": codes_of(ConsentScope)}),
]

SEARCH_INDEXES = {
    "peer_search": "INSERT INTO peer_search (rowid, names) "
                   "SELECT id, trim(preferred_name || ' ' || full_name) FROM peer",
}
