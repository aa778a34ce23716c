"""A group's page: its meetings, its members and their attendance, a chart over time."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from peerdesk.domain.errors import PeerDeskError
from peerdesk.domain.groups import MeetingStatus
from peerdesk.services import groups
from peerdesk.services.groups import GroupRow, MeetingRow
from peerdesk.services.peers import PeerRow
from peerdesk.services.session import Session
from peerdesk.ui.errors import ask_to_confirm, show_error
from peerdesk.ui.groups.chart import AttendanceChart
from peerdesk.ui.groups.dialogs import MeetingDialog
from peerdesk.ui.groups.models import (
    MeetingModel,
    MemberColumn,
    MemberModel,
    MemberRate,
)
from peerdesk.ui.groups.suggest import PeerSuggestBox
from peerdesk.ui.i18n import plural
from peerdesk.ui.page_header import title_row
from peerdesk.ui.peers.forms import heading, muted
from peerdesk.ui.table_model import ROW_ROLE, RowTableModel, sorting_filter
from peerdesk.ui.table_view import list_view

Present = Callable[[QDialog], None]
CHART_MEETINGS = 52  # a year of weekly meetings stays legible as bars


def chosen(view: QTableView) -> Any:
    index = view.currentIndex()
    return index.data(ROW_ROLE) if index.isValid() else None


class GroupPage(QWidget):
    """Emits `back`, `changed(group_id)` and `register_requested(meeting_id)`."""

    back = Signal()
    changed = Signal(int)
    register_requested = Signal(int)

    def __init__(self, present: Present, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.present = present
        self.session: Session | None = None
        self.group: GroupRow | None = None

        self.back_button = QPushButton(self.tr("← Back to groups"))
        self.back_button.setToolTip(self.tr("Back to groups (Esc or Alt+Left)"))
        self.title = heading("", 5)
        self.subtitle = muted()
        top = title_row(self.back_button, self.title, self.subtitle)

        self.tabs = QTabWidget()
        self.tabs.addTab(self._meetings_tab(), self.tr("&Meetings"))
        self.tabs.addTab(self._members_tab(), self.tr("M&embers"))
        self.tabs.addTab(self._chart_tab(), self.tr("Attendance over &time"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(8)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        for keys in ("Esc", "Alt+Left"):
            QShortcut(QKeySequence(keys), self, self.back.emit,
                      context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.back_button.clicked.connect(self.back.emit)

    # -- tabs ----------------------------------------------------------------------------

    def _meetings_tab(self) -> QWidget:
        tab = QWidget()
        self.meetings = MeetingModel(self)
        self.meeting_view = list_view(self.meetings, self.tr("Meetings"))
        self.register_button = QPushButton(self.tr("Take &register…"))
        self.register_button.setToolTip(self.tr("Open the register of the chosen meeting (Enter)"))
        self.register_button.setStyleSheet("font-weight: bold;")
        self.schedule_button = QPushButton(self.tr("&Schedule meeting…"))
        self.series_button = QPushButton(self.tr("Schedule se&ries…"))
        self.edit_button = QPushButton(self.tr("&Change meeting…"))
        self.cancel_button = QPushButton(self.tr("Cance&l meeting…"))
        self.restore_button = QPushButton(self.tr("Rest&ore meeting"))
        self.restore_button.setToolTip(self.tr("Undo the cancellation of the chosen meeting"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.register_button)
        buttons.addStretch(1)
        for b in (self.schedule_button, self.series_button, self.edit_button,
                  self.cancel_button, self.restore_button):
            buttons.addWidget(b)
        self.meetings_empty = muted(self.tr("No meetings yet. Schedule one, or a weekly series."))
        layout = QVBoxLayout(tab)
        layout.addWidget(self.meetings_empty)
        layout.addWidget(self.meeting_view, 1)
        layout.addLayout(buttons)
        self.meeting_view.activated.connect(lambda _i: self.take_register())
        self.meeting_view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.register_button.clicked.connect(self.take_register)
        self.schedule_button.clicked.connect(lambda: self.schedule(series=False))
        self.series_button.clicked.connect(lambda: self.schedule(series=True))
        self.edit_button.clicked.connect(self.edit_meeting)
        self.cancel_button.clicked.connect(self.cancel_meeting)
        self.restore_button.clicked.connect(self.restore_meeting)
        return tab

    def _members_tab(self) -> QWidget:
        tab = QWidget()
        self.members = MemberModel(self)
        self.members_proxy = sorting_filter(self.members, self)
        self.member_view = list_view(self.members_proxy, self.tr("Members"), sorting=True)
        self.member_view.sortByColumn(MemberColumn.NAME, Qt.SortOrder.AscendingOrder)
        self.add_member = PeerSuggestBox(
            self.tr("Add a member… type a few letters of a name, then Enter"))
        self.add_member.note_for = self._member_note
        self.end_button = QPushButton(self.tr("&End membership…"))
        row = QHBoxLayout()
        row.addWidget(self.add_member, 1, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.end_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(tab)
        layout.addLayout(row)
        layout.addWidget(self.member_view, 1)
        layout.addWidget(muted(self.tr("Rate = meetings attended out of the meetings they were "
                                       "marked for. Leaving a group keeps every past mark.")))
        self.add_member.chosen.connect(self._add_member)
        self.end_button.clicked.connect(self.end_membership)
        self.member_view.selectionModel().selectionChanged.connect(self._update_buttons)
        return tab

    def _chart_tab(self) -> QWidget:
        tab = QWidget()
        self.chart = AttendanceChart()
        self.chart_note = muted()
        layout = QVBoxLayout(tab)
        layout.addWidget(self.chart, 1)
        layout.addWidget(self.chart_note)
        return tab

    # -- loading ----------------------------------------------------------------------------

    def show_group(self, session: Session, group_id: int) -> bool:
        try:
            group = groups.get_group(session, group_id)
            meetings = groups.meetings(session, group_id)
            members = groups.members(session, group_id)
            attendance = groups.attendance(session, group_id)
        except PeerDeskError as exc:
            show_error(self, exc)
            return False
        if self.group is None or self.group.id != group_id:
            self.tabs.setCurrentIndex(0)
        self.session = session
        self.group = group
        self.add_member.session = session
        self.title.setText(group.name)
        parts = [group.kind.label, group.mode.label,
                 self.tr("facilitated by {names}").format(names=", ".join(group.facilitators))
                 if group.facilitators else self.tr("no facilitators yet"),
                 plural(group.members, self.tr("{n} member"), self.tr("{n} members"))]
        if group.archived_on:
            parts.append(self.tr("archived {date}").format(date=group.archived_on))
        self.subtitle.setText(" · ".join(parts))
        self.meetings.today = date.today()
        self.meetings.set_rows(meetings)
        self.meetings_empty.setVisible(not meetings)
        rates = {p: (a, m) for p, _ref, _n, a, m in attendance.members}
        self.members.set_rows([MemberRate(r.id, r.ref, r.preferred_name,
                                          *rates.get(r.id, (0, 0))) for r in members])
        points = [(d, a, anon) for d, a, _ap, _ab, anon in attendance.meetings]
        self.chart.set_data(points[-CHART_MEETINGS:])
        held = len(attendance.meetings)
        total = sum(a for _d, a, *_ in attendance.meetings)
        anon = sum(x[4] for x in attendance.meetings)
        note = plural(held, self.tr("{n} meeting with a register: {total} attendances on the "
                                    "register and {anon} counted anonymously."),
                      self.tr("{n} meetings with a register: {total} attendances on the "
                              "register and {anon} counted anonymously."),
                      total=total, anon=anon)
        if held > CHART_MEETINGS:
            note += self.tr(" The chart shows the latest {n}.").format(n=CHART_MEETINGS)
        self.chart_note.setText(note if held else "")
        self._select_next_meeting()
        self._update_buttons()
        return True

    def reload(self) -> None:
        if self.session is not None and self.group is not None:
            self.show_group(self.session, self.group.id)

    def _select_next_meeting(self) -> None:
        """The meeting whose register is most likely wanted: the latest one due."""
        today = date.today().isoformat()
        rows = self.meetings.rows()
        for i, m in enumerate(rows):
            if m.held_on <= today and m.status != MeetingStatus.CANCELLED.value:
                self.meeting_view.selectRow(i)
                return
        if rows:
            self.meeting_view.selectRow(0)

    def clear_data(self) -> None:
        self.session = None
        self.group = None
        self.add_member.session = None
        self.add_member.reset()
        self.title.clear()
        self.subtitle.clear()
        models: tuple[RowTableModel[Any], ...] = (self.meetings, self.members)
        for model in models:
            model.clear()
        self.chart.clear()
        self.chart_note.clear()

    # -- actions ------------------------------------------------------------------------

    def selected_meeting(self) -> MeetingRow | None:
        row = chosen(self.meeting_view)
        return row if isinstance(row, MeetingRow) else None

    def _update_buttons(self, *_args: object) -> None:
        meeting = self.selected_meeting()
        live = meeting is not None and meeting.status != MeetingStatus.CANCELLED.value
        self.register_button.setEnabled(live)
        self.edit_button.setEnabled(live)
        self.cancel_button.setEnabled(live and meeting is not None
                                      and meeting.status != MeetingStatus.HELD.value)
        self.restore_button.setEnabled(meeting is not None
                                       and meeting.status == MeetingStatus.CANCELLED.value)
        self.end_button.setEnabled(isinstance(chosen(self.member_view), MemberRate))

    def take_register(self) -> None:
        meeting = self.selected_meeting()
        if meeting is not None and meeting.status != MeetingStatus.CANCELLED.value:
            self.register_requested.emit(meeting.id)

    def schedule(self, *, series: bool) -> MeetingDialog | None:
        if self.session is None or self.group is None:
            return None
        dialog = MeetingDialog(self.session, self.group, series=series, parent=self)
        dialog.saved.connect(self.changed.emit)
        self.present(dialog)
        return dialog

    def edit_meeting(self) -> MeetingDialog | None:
        meeting = self.selected_meeting()
        if self.session is None or self.group is None or meeting is None:
            return None
        dialog = MeetingDialog(self.session, self.group, meeting, parent=self)
        dialog.saved.connect(self.changed.emit)
        self.present(dialog)
        return dialog

    def cancel_meeting(self) -> None:
        meeting = self.selected_meeting()
        if meeting is None or self.group is None:
            return
        group_id = self.group.id

        ask_to_confirm(self, self.tr("Cancel meeting"),
                       self.tr("Cancel the meeting of {date}? It stays in the list, marked "
                               "cancelled.").format(date=meeting.held_on),
                       self.tr("Cancel meeting"),
                       lambda: self._change_group(
                           group_id, lambda session: groups.cancel_meeting(session, meeting.id)))

    def restore_meeting(self) -> None:
        meeting = self.selected_meeting()
        if meeting is None or self.group is None:
            return
        self._change_group(self.group.id,
                           lambda session: groups.restore_meeting(session, meeting.id))

    def _change_group(self, group_id: int, action: Callable[[Session], object]) -> None:
        """`action`, a change to the group's meetings or members; the page reads the group
        again afterwards, after a refusal too (its message shown)."""
        if self.session is None:
            return
        try:
            action(self.session)
        except PeerDeskError as exc:
            show_error(self, exc)
        self.changed.emit(group_id)

    def _member_note(self, peer_id: int) -> str:
        return (self.tr("already a member")
                if any(r.peer_id == peer_id for r in self.members.rows()) else "")

    def _add_member(self, peer: PeerRow) -> None:
        if self.session is None or self.group is None:
            return
        try:
            groups.add_member(self.session, self.group.id, peer.id)
        except PeerDeskError as exc:
            show_error(self, exc)
            return
        self.changed.emit(self.group.id)

    def end_membership(self) -> None:
        member = chosen(self.member_view)
        if not isinstance(member, MemberRate) or self.group is None:
            return
        group_id = self.group.id

        ask_to_confirm(self, self.tr("End membership"),
                       self.tr("{name} leaves this group from today? Their past attendance "
                               "is kept.").format(name=member.name),
                       self.tr("End membership"),
                       lambda: self._change_group(group_id, lambda session: groups.end_membership(
                           session, group_id, member.peer_id)))
