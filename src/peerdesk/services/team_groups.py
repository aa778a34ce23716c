"""Groups on the team server, for the team window's Groups page: the list, a
group's meetings, a meeting added, and a register taken and corrected.

The desk (services/team.py) already saves registers, merged by person, into its
outbox when the server can't be reached; this module adds what a page needs
around that, over the desk's own reads and saves:

* reads (the list, the meetings, a register with its names) are the server's,
  audited there, and say Offline when it can't be reached;
* a meeting is added online only (OfflineMeeting says why): it is a new record
  on the server's timetable, which colleagues plan around;
* saving a register as it was changed on the page sends the marks that are new
  or stronger as one register (into the outbox when offline), and puts a mark
  made weaker right with correct_mark, an edit, online only: the merge keeps
  the stronger mark, so "attended" taken back must be said as a correction.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from peerdesk.domain.errors import PeerDeskError, PermissionDenied, ValidationError
from peerdesk.domain.staff import Role
from peerdesk.services.team import OfflineEdit

if TYPE_CHECKING:
    from peerdesk.services.team import TeamDesk
    from peerdesk.storage.team.groupwork import TeamGroupRow, TeamMeetingRow, TeamRegisterLine

PLANNERS = frozenset({Role.PROGRAMME_LEAD, Role.CASEWORKER})


class OfflineMeeting(PeerDeskError):
    default_message = ("The team server can't be reached, so a meeting can't be added now: "
                       "it goes on the centre's timetable, which colleagues plan around. Try "
                       "again when the server is back; registers of meetings already listed "
                       "can still be taken.")


@dataclass(frozen=True, slots=True)
class RegisterSaved:
    """What saving a register did: `sent` False when its marks wait in the outbox;
    how many marks were corrected (made weaker) on the server."""

    sent: bool
    marked: int
    corrected: int


def groups(desk: TeamDesk, today: date | None = None) -> list[TeamGroupRow]:
    """The groups this person may see (a peer supporter: the ones they facilitate)."""
    when = today or date.today()
    found: list[TeamGroupRow] = desk._read_groupwork(lambda g: g.groups(when))
    return found


def facilitator_names(desk: TeamDesk) -> dict[int, str]:
    """Staff id -> name, for the facilitators column (empty when offline)."""
    return {person.staff_id: person.name for person in desk.people()}


def meetings(desk: TeamDesk, group_id: uuid.UUID) -> list[TeamMeetingRow]:
    found: list[TeamMeetingRow] = desk._read_groupwork(lambda g: g.meetings(group_id))
    return found


def register_lines(desk: TeamDesk, meeting_id: uuid.UUID) -> list[TeamRegisterLine]:
    found: list[TeamRegisterLine] = desk._read_groupwork(
        lambda g: g.register_lines(meeting_id))
    return found


def can_add_meetings(desk: TeamDesk) -> bool:
    return bool(desk.roles & PLANNERS)


def add_meeting(desk: TeamDesk, group_id: uuid.UUID, held_on: date) -> uuid.UUID:
    """A meeting of the group on `held_on` (its id); online only."""
    from peerdesk.storage.team.casework import ConnectionLost

    if not can_add_meetings(desk):
        raise PermissionDenied("Only a programme lead or a caseworker can add a meeting.")
    meeting_id = uuid.uuid4()
    for _attempt in range(2):  # its id is made here: adding it twice is adding it once
        groupwork = desk._groupwork()
        if groupwork is None:
            raise OfflineMeeting
        try:
            groupwork.add_meeting(meeting_id, group_id, held_on)
            return meeting_id
        except ConnectionLost:
            desk.server_away()  # the server ended it (a restart): connect again, once
    raise OfflineMeeting


def save_register(desk: TeamDesk, meeting_id: uuid.UUID, before: Mapping[uuid.UUID, str],
                  after: Mapping[uuid.UUID, str], *, held_on: date,
                  today: date | None = None) -> RegisterSaved:
    """Save the marks `after` of a register read as `before` (peer id -> mark; a
    person not marked is left out of both) of the meeting held on `held_on`.
    Corrections first, all or none of the page's work: offline, OfflineEdit and
    nothing saved, so the page keeps every mark and can be saved again."""
    from peerdesk.storage.team.groupwork import RANK, TeamMark, TeamRegister

    if held_on > (today or date.today()):
        raise ValidationError("A register can't be taken before the meeting has happened.",
                              field="held_on")
    weaker = {p: m for p, m in after.items() if p in before and RANK[m] < RANK[before[p]]}
    stronger = tuple(TeamMark(p, m) for p, m in after.items()
                     if p not in weaker and before.get(p) != m)
    if weaker and not desk.is_online():
        raise OfflineEdit
    for peer_id, mark in weaker.items():
        desk.correct_mark(meeting_id, peer_id, mark)
    sent = True
    if stronger:
        sent = desk.take_register(TeamRegister(uuid.uuid4(), meeting_id, stronger)).sent
    return RegisterSaved(sent, len(stronger), len(weaker))

