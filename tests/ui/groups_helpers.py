"""Builders for the groups GUI tests: a group with members and a meeting a few days ago."""

from __future__ import annotations

from datetime import date, timedelta

from peerdesk.domain.groups import GroupDraft, MeetingDraft
from peerdesk.domain.peer import PeerDraft
from peerdesk.services import groups, peers
from peerdesk.services.session import Session
from peerdesk.ui.change_bus import ChangeBus
from peerdesk.ui.groups.section import GroupsSection
from tests.ui.peers_helpers import Pages


def add_peer(session: Session, name: str) -> int:
    return peers.create(session, PeerDraft(preferred_name=name,
                                           first_contact=date(2026, 1, 5)))


def group_with(session: Session, names: list[str], name: str = "Tuesday circle",
               facilitators: tuple[int, ...] = ()) -> tuple[int, list[int], int]:
    """(group id, member ids in the order given, id of a meeting three days ago)."""
    group_id = groups.create_group(session, GroupDraft(name, facilitator_ids=facilitators))
    members = [add_peer(session, n) for n in names]
    for peer_id in members:
        groups.add_member(session, group_id, peer_id)
    meeting_id = groups.schedule_meeting(
        session, MeetingDraft(group_id, date.today() - timedelta(days=3), "14:00", "Main hall"))
    return group_id, members, meeting_id


def staff_id(session: Session, name: str) -> int:
    return next(c.id for c in peers.assignable_staff(session) if c.name == name)


class GroupsPages(Pages):
    """The Groups section as the main window builds it, on its own bus."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.bus = ChangeBus()
        self.dialogs = []
        self.shown = []
        self.section = GroupsSection(session, self.bus, self.present)
