"""The Attendance tab of a peer's page: their groups and every mark, newest first."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from peerdesk.domain.errors import PeerDeskError
from peerdesk.services import groups
from peerdesk.services.session import Session
from peerdesk.ui.groups.models import (
    AttendanceEntry,
    AttendanceModel,
    Membership,
    MembershipModel,
)
from peerdesk.ui.peers.forms import heading, muted
from peerdesk.ui.table_view import list_view


class PeerAttendanceTab(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.memberships = MembershipModel(self)
        self.attendance = AttendanceModel(self)
        self.membership_view = list_view(self.memberships, self.tr("Groups of this peer"))
        self.membership_view.setMaximumHeight(
            self.membership_view.verticalHeader().defaultSectionSize() * 4 + 30)
        self.attendance_view = list_view(self.attendance, self.tr("Attendance of this peer"))
        self.note = muted()
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Groups"), 1))
        layout.addWidget(self.membership_view)
        layout.addWidget(heading(self.tr("Attendance"), 1))
        layout.addWidget(self.attendance_view, 1)
        layout.addWidget(self.note)

    def load(self, session: Session | None, peer_id: int) -> None:
        """Fill from the services; a role without groups sees a plain sentence."""
        if session is None or not groups.can_see_groups(session):
            self.clear_data()
            return
        try:
            memberships = groups.groups_of_peer(session, peer_id)
            marks = groups.attendance_of_peer(session, peer_id)
        except PeerDeskError as exc:
            self.clear_data()
            self.note.setText(exc.user_message)
            return
        self.memberships.set_rows([Membership(*m) for m in memberships])
        self.attendance.set_rows([AttendanceEntry(*a) for a in marks])
        attended = sum(1 for a in marks if a[2] == "attended")
        self.note.setText(
            self.tr("Attended {attended} of {marked} meetings they were marked for.").format(
                attended=attended, marked=len(marks))
            if marks else self.tr("Not on any register yet."))

    def clear_data(self) -> None:
        self.memberships.clear()
        self.attendance.clear()
        self.note.clear()
