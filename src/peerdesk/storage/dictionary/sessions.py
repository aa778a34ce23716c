"""The data dictionary: one-to-one sessions, notes, referrals, ratings and drafts."""

from __future__ import annotations

from peerdesk.domain.one_to_one import SessionKind, SessionMode
from peerdesk.domain.outcomes import MeasureKind
from peerdesk.domain.referral import ReferralDestination, ReferralStatus
from peerdesk.storage.dictionary.model import DATE, STAFF_ID, TIMESTAMP, YES_NO, Table, codes_of

TABLES = [
    Table("topic", "The topics a session can be tagged with (housing, health, …).",
          {"id": "The topic's number.", "name": "Its name.",
           "active": "1 while it is offered for new sessions."},
          codes={"active": YES_NO}),
    Table("one_to_one", "A one-to-one session with a peer.",
          {"id": "The session's number; notes and topics refer to it as session_id.",
           "peer_id": "The peer (peer.id).",
           "worker_id": STAFF_ID + " who held it.",
           "held_on": DATE,
           "minutes": "How long it lasted, in minutes.",
           "mode": "How it was held (see the codes).",
           "kind": "What kind of session (see the codes).",
           "follow_up_on": "When to follow up, if planned. " + DATE,
           "follow_up_done_on": "When that follow-up was done. " + DATE,
           "created_at": TIMESTAMP,
           "updated_at": TIMESTAMP,
           "follow_up_closed_by": "The session (one_to_one.id) that did the follow-up; "
                                  "empty when it was marked done by hand."},
          codes={"mode": codes_of(SessionMode), "kind": codes_of(SessionKind)}),
    Table("one_to_one_note", "A session's notes, kept apart from the rows reports count.",
          {"session_id": "The session (one_to_one.id).",
           "notes": "What was said and done (sensitive).",
           "next_steps": "What happens next."}),
    Table("one_to_one_topic", "Which topics each session touched.",
          {"session_id": "The session (one_to_one.id).", "topic_id": "The topic (topic.id)."}),
    Table("referral", "A referral made for a peer.",
          {"id": "The referral's number.",
           "peer_id": "The peer (peer.id).",
           "made_on": DATE,
           "destination": "Where to (see the codes).",
           "destination_name": "The service or group referred to, as typed.",
           "status": "What came of it (see the codes).",
           "recorded_by": STAFF_ID + " who recorded it.",
           "created_at": TIMESTAMP,
           "updated_at": TIMESTAMP,
           "directory_entry_id": "The service in the signposting directory "
                                 "(directory_entry.id), when it was picked from there."},
          codes={"destination": codes_of(ReferralDestination),
                 "status": codes_of(ReferralStatus)}),
    Table("measure", "The rating scales in use: ONS4 wellbeing, UCLA-3 loneliness, and the "
          "centre's own 1-10 ladders.",
          {"key": "The scale's code; rating.measure_key refers to it.",
           "kind": "What kind of scale (see the codes).",
           "title": "Its name.",
           "active": "1 while it is offered for new ratings."},
          codes={"kind": codes_of(MeasureKind, {
              "ons4": "ONS4 personal wellbeing: 4 items, each 0-10 (the 4th, anxiety, "
                      "lower is better)",
              "ucla3": "UCLA 3-item loneliness: 3 items, each 1-3 (lower is better)",
              "ladder": "one item, 1-10 (higher is better)"}),
              "active": YES_NO}),
    Table("rating", "A peer's answers on a rating scale on one day, as corrected (earlier "
          "versions are in rating_change).",
          {"id": "The rating's number.",
           "peer_id": "The peer (peer.id).",
           "measure_key": "The scale (measure.key).",
           "rated_on": DATE,
           "worker_id": STAFF_ID + " who recorded it.",
           "scores": "Each item's score in order, comma-separated (e.g. 7,8,6,3); a dash "
                     "(-) for an item they declined to answer (e.g. 7,8,-,3).",
           "total": "The scores added up; empty when an item was declined (never counted "
                    "as 0). Reports compare only ratings with a total.",
           "created_at": TIMESTAMP,
           "deleted_at": "When it was deleted (with a reason in rating_change); empty while "
                         "in use. A deleted rating is left out of the record and every "
                         "figure. " + TIMESTAMP}),
    Table("rating_change", "An earlier version of a rating, kept when it was corrected or "
          "deleted, with who did it, when and why.",
          {"id": "The change's number.",
           "rating_id": "The rating (rating.id).",
           "kind": "corrected or deleted.",
           "changed_at": TIMESTAMP,
           "changed_by": STAFF_ID + " who made the change.",
           "reason": "Why, as they typed it.",
           "old_rated_on": "The rating's date before this change. " + DATE,
           "old_scores": "Its scores before this change (as rating.scores).",
           "old_total": "Its total before this change (as rating.total)."},
          codes={"kind": {"corrected": "the values were put right",
                          "deleted": "the rating was taken out of the record"}}),
    Table("draft", "A form someone was typing when PeerDesk locked, kept for that person "
          "only and offered back after they sign in.",
          {"id": "The draft's number.",
           "staff_id": STAFF_ID + " whose draft it is.",
           "kind": "Which form (session, peer, …).",
           "saved_at": TIMESTAMP,
           "payload": "The form's fields, as JSON."}),
]

SEARCH_INDEXES = {
    "note_search": "INSERT INTO note_search (rowid, body) "
                   "SELECT session_id, trim(notes || char(10) || next_steps, ' ' || "
                   "char(9, 10, 13)) FROM one_to_one_note WHERE trim(notes || char(10) || "
                   "next_steps, ' ' || char(9, 10, 13)) != ''",
}
