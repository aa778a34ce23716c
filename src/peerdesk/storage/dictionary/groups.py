"""The data dictionary: groups, their meetings and who came."""

from __future__ import annotations

from peerdesk.domain.groups import GroupKind, GroupMode, Mark, MeetingStatus
from peerdesk.storage.dictionary.model import DATE, STAFF_ID, TIMESTAMP, YES_NO, Table, codes_of

TABLES = [
    Table("peer_group", "A peer-support group or activity.",
          {"id": "The group's number.",
           "name": "Its name.",
           "kind": "What kind of group (see the codes).",
           "mode": "Where it meets (see the codes).",
           "archived_on": "When it was archived (it keeps every meeting). " + DATE,
           "created_at": TIMESTAMP,
           "updated_at": TIMESTAMP},
          codes={"kind": codes_of(GroupKind), "mode": codes_of(GroupMode)}),
    Table("group_facilitator", "Who facilitates each group.",
          {"group_id": "The group (peer_group.id).", "staff_id": STAFF_ID + "."}),
    Table("group_member", "Who belongs to each group; leaving ends it, past attendance stays.",
          {"group_id": "The group (peer_group.id).",
           "peer_id": "The peer (peer.id).",
           "joined_on": DATE,
           "left_on": "When they left; empty while they belong. " + DATE}),
    Table("meeting", "One meeting of a group.",
          {"id": "The meeting's number.",
           "group_id": "The group (peer_group.id).",
           "held_on": DATE,
           "starts_at": "The start time, HH:MM (24-hour), or empty.",
           "place": "Where, or 'online'.",
           "notes": "Notes about the meeting.",
           "status": "Whether it happened (see the codes).",
           "anonymous_count": "People who came but want no record: a head-count only.",
           "series_id": "Meetings generated together (weekly, fortnightly) share this number.",
           "created_at": TIMESTAMP,
           "updated_at": TIMESTAMP},
          codes={"status": codes_of(MeetingStatus)}),
    Table("meeting_facilitator", "Who facilitated each meeting.",
          {"meeting_id": "The meeting (meeting.id).", "staff_id": STAFF_ID + "."}),
    Table("attendance", "Who came to each meeting: one mark per peer per meeting.",
          {"meeting_id": "The meeting (meeting.id).",
           "peer_id": "The peer (peer.id).",
           "mark": "Attended, sent apologies, or did not come (see the codes).",
           "walk_in": "1: came without being a member of the group."},
          codes={"mark": codes_of(Mark), "walk_in": YES_NO}),
]
