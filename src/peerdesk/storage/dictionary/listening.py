"""The data dictionary: the listening service (anonymous contacts, known callers,
call-backs, the signposting directory) and the lists a centre edits for it."""

from __future__ import annotations

from peerdesk.domain.callbacks import CallbackRoute, CallbackStatus
from peerdesk.domain.listening import Channel, Outcome, Returning
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

_LIST = {"id": "Its number.", "name": "Its name, as the centre wrote it.",
         "active": "1 while it is offered for new records."}
_OUTCOMES = {str(int(o)): label for o, label in (
    (Outcome.LISTENED, "listened"), (Outcome.SIGNPOSTED, "signposted to a service"),
    (Outcome.OFFERED_ONE_TO_ONE, "offered a one-to-one"),
    (Outcome.OFFERED_GROUP, "offered a group"), (Outcome.BECAME_PEER, "became a peer"))}

TABLES = [
    Table("region", "The areas the centre serves, for contacts and the directory.", _LIST,
          codes={"active": YES_NO}),
    Table("contact_topic", "The themes an anonymous contact can be tagged with.", _LIST,
          codes={"active": YES_NO}),
    Table("directory_category", "The kinds of service in the signposting directory.", _LIST,
          codes={"active": YES_NO}),
    Table("directory_entry", "A service the centre points people to (the signposting "
          "directory). Archived entries keep past contacts' counts.",
          {"id": "The entry's number.",
           "name": "The service's name.",
           "sort_name": "The name in lower case, for sorting.",
           "phone": "Its phone number.", "email": "Its email address.",
           "website": "Its website.", "opening_hours": "When it is open, as typed.",
           "notes": "Notes about it.",
           "all_regions": "1: it serves every region.",
           "last_checked": "When its details were last checked; empty: never. " + DATE,
           "archived_on": "When it was archived. " + DATE,
           "created_at": TIMESTAMP, "updated_at": TIMESTAMP},
          codes={"all_regions": YES_NO}),
    Table("directory_entry_category", "Which categories each directory entry is in.",
          {"entry_id": "The entry (directory_entry.id).",
           "category_id": "The category (directory_category.id)."}),
    Table("directory_entry_region", "Which regions each directory entry serves.",
          {"entry_id": "The entry (directory_entry.id).",
           "region_id": "The region (region.id)."}),
    Table("known_caller", "Someone who gets in touch again and again without giving a "
          "name: a nickname and a short note only.",
          {"id": "The caller's number.",
           "nickname": "The nickname the centre knows them by.",
           "sort_name": "The nickname in lower case, for sorting.",
           "note": "A short note (no surname, phone, email or address).",
           "created_by": STAFF_ID + " who added them.",
           "last_contact": "The day of their latest contact (kept up to date). " + DATE,
           "created_at": TIMESTAMP, "updated_at": TIMESTAMP}),
    Table("anonymous_contact", "Listening-service work with no person record: a call, "
          "message or visit.",
          {"id": "The contact's number.",
           "contacted_on": "The centre's local date. " + DATE,
           "contacted_time": "The local time, HH:MM.",
           "channel": "How they got in touch (see the codes).",
           "minutes": "How long it lasted, in minutes.",
           "taken_by": STAFF_ID + " who took it.",
           "region_id": "Where they are (region.id), if said.",
           "first_time": "Whether it was their first contact (see the codes).",
           "safety_concern": "1: there was a safety concern (what was done is in "
                             "contact_note.safety_action).",
           "outcomes": "What came of it: the sum of the codes that apply (e.g. 3 = "
                       "listened and signposted).",
           "known_caller_id": "The known caller (known_caller.id), if it was one.",
           "peer_id": "The peer (peer.id) they became, if they did; the contact is then "
                      "on their record.",
           "created_at": TIMESTAMP, "updated_at": TIMESTAMP},
          codes={"channel": codes_of(Channel), "first_time": codes_of(Returning),
                 "safety_concern": YES_NO, "outcomes": _OUTCOMES}),
    Table("contact_note", "An anonymous contact's notes, kept apart from the rows the "
          "report reads.",
          {"contact_id": "The contact (anonymous_contact.id).",
           "notes": "What was said (sensitive).",
           "safety_action": "What was done about a safety concern."}),
    Table("contact_topic_link", "Which topics each anonymous contact touched.",
          {"contact_id": "The contact (anonymous_contact.id).",
           "topic_id": "The topic (contact_topic.id)."}),
    Table("contact_signpost", "The directory's services a contact was pointed to.",
          {"contact_id": "The contact (anonymous_contact.id).",
           "entry_id": "The service (directory_entry.id)."}),
    Table("one_to_one_signpost", "The directory's services a one-to-one session pointed "
          "the peer to.",
          {"session_id": "The session (one_to_one.id).",
           "entry_id": "The service (directory_entry.id)."}),
    Table("callback", "An enquiry waiting for a peer worker to call back and arrange a "
          "first one-to-one.",
          {"id": "The call-back's number.",
           "received_on": DATE,
           "route": "How the enquiry came (see the codes).",
           "status": "Where it stands (see the codes).",
           "closed_on": "When it was done or closed. " + DATE,
           "contact_id": "The anonymous contact it came from (anonymous_contact.id).",
           "known_caller_id": "The known caller (known_caller.id), if it was one.",
           "peer_id": "The peer (peer.id) they became, if they did.",
           "created_by": STAFF_ID + " who recorded it.",
           "created_at": TIMESTAMP, "updated_at": TIMESTAMP},
          codes={"route": codes_of(CallbackRoute), "status": codes_of(CallbackStatus)}),
    Table("callback_reach", "How to reach someone waiting for a call-back: kept only with "
          "their agreement and erased once no longer needed.",
          {"callback_id": "The call-back (callback.id).",
           "ask_for": "The name or alias to ask for.",
           "reach": "A phone number, a handle or an address.",
           **SAFE_REACH_COLUMNS,
           "other": "Anything else about reaching them safely.",
           "agreed_on": "The day they agreed the centre keeps this. " + DATE},
          codes=SAFE_REACH_CODES),
]

_WHITESPACE = "' ' || char(9, 10, 13)"
SEARCH_INDEXES = {
    "directory_search": (
        "INSERT INTO directory_search (rowid, body) SELECT e.id, trim(e.name "
        "|| coalesce(' ' || (SELECT group_concat(c.name, ' ') FROM directory_entry_category "
        "AS ec JOIN directory_category AS c ON c.id = ec.category_id "
        "WHERE ec.entry_id = e.id), '') "
        "|| coalesce(' ' || (SELECT group_concat(r.name, ' ') FROM directory_entry_region "
        "AS er JOIN region AS r ON r.id = er.region_id WHERE er.entry_id = e.id), '')) "
        "FROM directory_entry AS e"),
    "contact_note_search": (
        "INSERT INTO contact_note_search (rowid, body) SELECT contact_id, "
        f"trim(notes || char(10) || safety_action, {_WHITESPACE}) FROM contact_note "
        f"WHERE trim(notes || char(10) || safety_action, {_WHITESPACE}) != ''"),
}
