"""Groups over the team server, for the team window: the list of the centre's
groups, a group's meetings, and a meeting's register taken by keyboard.

The pages are the single-PC ones (ui/groups/), reading and saving through
services/team_groups.py instead of the vault's services. Their rows carry
integer ids, as the vault's do; here a row's id is its place in the page's own
list of the server's ids (`group_ids`, `meeting_ids`, `peer_ids`), so the
shared models, keys and dialogs work unchanged.

What the team adds: a peer supporter sees the groups they facilitate only (the
server's row security); a meeting is added online only, saying why offline; a
register saved offline goes to this PC's encrypted outbox and the page says
so; a mark made weaker is a correction, made online only.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QStackedWidget, QWidget

from peerdesk.domain.errors import PeerDeskError
from peerdesk.domain.groups import GroupKind, GroupMode, Mark, MeetingStatus
from peerdesk.domain.peer import format_ref
from peerdesk.services import team_groups
from peerdesk.services.groups import GroupRow, MeetingRow, RegisterLine
from peerdesk.services.team import Offline, TeamDesk
from peerdesk.ui.fields import error_label, set_message
from peerdesk.ui.form_dialog import FormDialog
from peerdesk.ui.groups.group_page import GroupPage
from peerdesk.ui.groups.models import GroupModel
from peerdesk.ui.groups.register_page import RegisterPage
from peerdesk.ui.groups.section import GroupListPage
from peerdesk.ui.i18n import QT_TRANSLATE_NOOP, plural
from peerdesk.ui.peers.forms import DateField, heading, muted, today
from peerdesk.ui.table_model import Column

_Found = TypeVar("_Found")

SAVED = QT_TRANSLATE_NOOP("TeamGroups", "Register saved.")
AS_READ = QT_TRANSLATE_NOOP(
    "TeamGroups", "The team server can't be reached: this is as this PC read it earlier. Marks "
                  "are kept on this PC and sent when the server is back.")
KEPT = QT_TRANSLATE_NOOP(
    "TeamGroups", "The team server can't be reached: the register is kept on this PC, "
                  "encrypted, and sent when the server is back.")


def _present(dialog: QDialog) -> None:
    dialog.open()


def _below(page: QWidget, label: QWidget) -> None:
    """`label` at the foot of a page (a message line)."""
    layout = page.layout()
    assert layout is not None
    layout.addWidget(label)


class LastRead:
    """What the pages read from the server since sign-in, by id, in memory only:
    shown again when the server can't be reached (`stale` then), so a facilitator
    who opened a register before the network went can still go back to it and
    take it, into the outbox."""

    def __init__(self) -> None:
        self._kept: dict[uuid.UUID, Any] = {}
        self.stale = False

    def read(self, key: uuid.UUID, fetch: Callable[[], _Found]) -> _Found:
        try:
            found = fetch()
        except Offline:
            if key not in self._kept:
                raise
            self.stale = True
            kept: _Found = self._kept[key]
            return kept
        self._kept[key] = found
        self.stale = False
        return found


class TeamGroupList(GroupListPage):
    """The groups this person may see, searchable and sortable, with their next meeting."""

    def __init__(self, desk: TeamDesk, parent: QWidget | None = None) -> None:
        super().__init__(None, parent)
        self.desk = desk
        self.group_ids: list[uuid.UUID] = []
        self.next_meetings: dict[int, str] = {}
        self.model.set_columns((*GroupModel.columns, Column(
            QT_TRANSLATE_NOOP("TableHeader", "Next meeting"),
            lambda r: self.next_meetings.get(r.id) or "—", sample="Next meeting__")), [])
        self.archived.hide()  # the team's list holds the groups in use
        # Alt+O is the window's Today tab here.
        self.open_button.setText(self.tr("Op&en"))

    def reload(self) -> None:
        """Read the list again; the server out of reach: the list read last stays,
        and the page says why it is not new."""
        try:
            found = team_groups.groups(self.desk)
            names = team_groups.facilitator_names(self.desk)
        except PeerDeskError as exc:
            if not self.model.rowCount():
                self.model.empty_text = exc.user_message
                self.views.refresh()
            raise
        previous = self.selected()
        chosen = None if previous is None else self.group_ids[previous.id]
        self.group_ids = [g.id for g in found]
        self.next_meetings = {i: g.next_meeting.isoformat() if g.next_meeting else ""
                              for i, g in enumerate(found)}
        self.model.set_rows([_group_row(i, g, names) for i, g in enumerate(found)])
        if chosen in self.group_ids:  # the same group chosen, wherever it is now
            self.select(self.group_ids.index(chosen))
        self._filter()

    def _filter(self, *_args: object) -> None:
        super()._filter()
        if not self.model.rowCount() and team_groups.can_add_meetings(self.desk):
            self.model.empty_text = self.tr("No groups yet. Groups are started on the centre's "
                                            "PeerDesk and moved to the team with it.")
            self.views.refresh()


def _group_row(index: int, group: Any, names: dict[int, str]) -> GroupRow:
    return GroupRow(index, group.name, GroupKind(group.kind), GroupMode(group.mode),
                    tuple(names.get(s, f"#{s}") for s in group.facilitator_ids),
                    group.facilitator_ids, group.members, "",
                    group.last_meeting.isoformat() if group.last_meeting else "")


class TeamMeetingDialog(FormDialog):
    """Add a meeting to a group; `stored(meeting id)` once the server has it."""

    stored = Signal(object)

    def __init__(self, desk: TeamDesk, group: GroupRow, group_id: uuid.UUID,
                 parent: QWidget | None = None) -> None:
        super().__init__(None, parent)
        self.desk, self.group_id = desk, group_id
        self.setWindowTitle(self.tr("Add a meeting"))  # the heading names the group
        self.held_on = DateField(today())
        form = QFormLayout()
        form.addRow(self.tr("&Date"), self.field("held_on", self.held_on))
        self.lay_out(heading(self.tr("Add a meeting — {group}").format(group=group.name), 2),
                     form)

    def save(self) -> uuid.UUID:
        held = self.held_on.value(what="Meeting date", field="held_on")
        assert held is not None
        return team_groups.add_meeting(self.desk, self.group_id, held)

    def announce(self, saved_id: Any) -> None:
        self.stored.emit(saved_id)


class TeamGroupPage(GroupPage):
    """One group's meetings (date, status, attended), a meeting added (programme
    leads and caseworkers) and its register opened."""

    def __init__(self, desk: TeamDesk, last_read: LastRead,
                 parent: QWidget | None = None) -> None:
        super().__init__(_present, parent)
        self.desk = desk
        self.last_read = last_read
        self.group_id: uuid.UUID | None = None
        self.meeting_ids: list[uuid.UUID] = []
        self.dialog: TeamMeetingDialog | None = None
        # Members and the chart are the vault's; the team's register lists the members.
        while self.tabs.count() > 1:
            self.tabs.removeTab(1)
        self.tabs.tabBar().hide()
        for button in (self.series_button, self.edit_button, self.cancel_button,
                       self.restore_button):
            button.hide()
        self.schedule_button.setText(self.tr("&Add meeting…"))
        self.register_button.setText(self.tr("Ta&ke register…"))  # Alt+R: the Reports tab
        self.schedule_button.setVisible(team_groups.can_add_meetings(desk))
        self.meetings_empty.setText(self.tr("No meetings yet."))

    def show_team_group(self, group: GroupRow, group_id: uuid.UUID) -> None:
        """Read the group's meetings (Offline, say, when the server can't be reached)."""
        found = self.last_read.read(group_id, lambda: team_groups.meetings(self.desk, group_id))
        self.group, self.group_id = group, group_id
        self.meeting_ids = [m.id for m in found]
        self.title.setText(group.name)
        self.subtitle.setText(" · ".join((
            group.kind.label,
            self.tr("facilitated by {names}").format(names=", ".join(group.facilitators))
            if group.facilitators else self.tr("no facilitators yet"),
            plural(group.members, self.tr("{n} member"), self.tr("{n} members")))))
        self.meetings.today = date.today()
        self.meetings.set_rows([
            MeetingRow(i, group.id, m.held_on.isoformat(), m.starts_at, m.place, "",
                       _status(m.status, m.held_on), m.anonymous_count, m.attended, None)
            for i, m in enumerate(found)])
        self.meetings_empty.setVisible(not found)
        self._select_next_meeting()
        self._update_buttons()

    def reload(self) -> None:
        if self.group is not None and self.group_id is not None:
            self.show_team_group(self.group, self.group_id)

    def schedule(self, *, series: bool) -> TeamMeetingDialog | None:  # type: ignore[override]
        if self.group is None or self.group_id is None:
            return None
        self.dialog = TeamMeetingDialog(self.desk, self.group, self.group_id, self)
        self.dialog.stored.connect(lambda _m: self.changed.emit(0))
        self.present(self.dialog)
        return self.dialog


def _status(status: str, held_on: date) -> str:
    """A meeting's status as the page shows it: the team's registers merge from any
    PC and leave the meeting's own status as it was, so a meeting not cancelled
    is held once its day has come, and scheduled before."""
    if status == MeetingStatus.CANCELLED.value:
        return status
    return (MeetingStatus.SCHEDULED if held_on > date.today() else MeetingStatus.HELD).value


class TeamRegisterPage(RegisterPage):
    """A meeting's register from the team server, marked by keyboard as on one PC;
    `stored(RegisterSaved)` when saved (to the server, or to the outbox)."""

    stored = Signal(object)

    def __init__(self, desk: TeamDesk, last_read: LastRead,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.last_read = last_read
        self.meeting_id: uuid.UUID | None = None
        self.held_on = date.today()
        self.peer_ids: list[uuid.UUID] = []
        self.before: dict[uuid.UUID, str] = {}
        # Walk-ins are added from the caseload, and a head-count kept, on one PC only.
        self.walk_in.hide()
        self.head_count_row.hide()
        self.save_button.setText(self.tr("Sa&ve register"))  # Alt+S: the Sessions tab

    def open_team_meeting(self, group: GroupRow, meeting: MeetingRow,
                          meeting_id: uuid.UUID) -> None:
        """Read the register (Offline when the server can't be reached)."""
        found = self.last_read.read(meeting_id,
                                    lambda: team_groups.register_lines(self.desk, meeting_id))
        self.meeting_id, self.held_on = meeting_id, date.fromisoformat(meeting.held_on)
        self.peer_ids = [line.peer_id for line in found]
        self.before = {line.peer_id: line.mark for line in found if line.mark is not None}
        self.title.setText(self.tr("Register — {group}").format(group=group.name))
        self.subtitle.setText(meeting.held_on)
        self.model.set_rows([
            RegisterLine(i, format_ref(line.ref_number) if line.ref_number else "",
                         line.preferred_name, line.member,
                         Mark(line.mark) if line.mark else None, line.walk_in)
            for i, line in enumerate(found)])
        self.start_marking()

    def save(self) -> bool:
        if self.meeting_id is None:
            return False
        marks, _walk_ins = self.marks()
        after = {self.peer_ids[row]: mark.value for row, mark in marks.items()}
        try:
            saved = team_groups.save_register(self.desk, self.meeting_id, self.before, after,
                                              held_on=self.held_on)
        except PeerDeskError as exc:
            self.not_saved(exc)
            return False
        self.dirty = False
        self.stored.emit(saved)
        self.done.emit()
        return True


class TeamGroupsSection(QStackedWidget):
    """The Groups tab: the list, a group, a register. Emits `changed` after a save
    (the window counts its outbox again)."""

    changed = Signal()

    def __init__(self, desk: TeamDesk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.message = error_label()
        self.list_page = TeamGroupList(desk)
        self.last_read = LastRead()
        self.group_page = TeamGroupPage(desk, self.last_read)
        self.register_page = TeamRegisterPage(desk, self.last_read)
        for page in (self.list_page, self.group_page, self.register_page):
            self.addWidget(page)
        _below(self.list_page, self.message)
        lp = self.list_page
        lp.table.activated.connect(lambda _i: self.open_selected())
        lp.open_button.clicked.connect(self.open_selected)
        self.group_page.back.connect(self.show_list)
        self.group_page.changed.connect(lambda _g: self._meetings_changed())
        self.group_page.register_requested.connect(self.open_register)
        self.group_message = error_label()
        self.group_note = muted()  # where the register went: the server, or the outbox
        for label in (self.group_note, self.group_message):
            _below(self.group_page, label)
        self.register_note = muted()
        _below(self.register_page, self.register_note)
        self.register_page.stored.connect(self._register_stored)
        self.register_page.done.connect(self._register_done)
        self.loaded = False

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self.loaded:  # read when first shown, not when the window opens
            self.reload()
        if self.currentWidget() is self.list_page:  # the tab chosen: type to search
            self.list_page.search.setFocus(Qt.FocusReason.OtherFocusReason)

    def reload(self) -> bool:
        set_message(self.message, None)
        try:
            self.list_page.reload()
        except PeerDeskError as exc:
            set_message(self.message, exc.user_message)
            return False
        self.loaded = True
        return True

    def open_selected(self) -> bool:
        group = self.list_page.selected()
        return group is not None and self.open_group(group.id)

    def open_group(self, row: int) -> bool:
        group = next((g for g in self.list_page.model.rows() if g.id == row), None)
        if group is None:
            return False
        set_message(self.message, None)
        set_message(self.group_message, None)
        set_message(self.group_note, None)
        try:
            self.group_page.show_team_group(group, self.list_page.group_ids[row])
        except PeerDeskError as exc:
            set_message(self.message, exc.user_message)
            return False
        self.setCurrentWidget(self.group_page)
        self.group_page.meeting_view.setFocus(Qt.FocusReason.OtherFocusReason)
        self._say_if_stale(self.group_note)
        return True

    def show_list(self) -> None:
        self.setCurrentWidget(self.list_page)
        self.list_page.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def open_register(self, row: int) -> bool:
        group = self.group_page.group
        meeting = self.group_page.meetings.row_at(row)
        if group is None:
            return False
        set_message(self.group_message, None)
        try:
            self.register_page.open_team_meeting(group, meeting,
                                                 self.group_page.meeting_ids[row])
        except PeerDeskError as exc:
            set_message(self.group_message, exc.user_message)
            return False
        self.setCurrentWidget(self.register_page)
        self._say_if_stale(self.register_note)
        return True

    def _say_if_stale(self, note: QLabel) -> None:
        set_message(note, QCoreApplication.translate("TeamGroups", AS_READ)
                    if self.last_read.stale else None)

    def _meetings_changed(self) -> None:
        self._read_again()
        self.changed.emit()

    def _read_again(self) -> None:
        """The group's meetings and the list read again; offline, what shows stays
        (the window's banner says why)."""
        try:
            self.group_page.reload()
            self.list_page.reload()
        except Offline:
            pass
        except PeerDeskError as exc:
            set_message(self.group_message, exc.user_message)

    def _register_stored(self, saved: team_groups.RegisterSaved) -> None:
        self._read_again()
        set_message(self.group_note,
                    QCoreApplication.translate("TeamGroups", SAVED if saved.sent else KEPT))
        self.changed.emit()

    def _register_done(self) -> None:
        self.setCurrentWidget(self.group_page)
        self.group_page.meeting_view.setFocus(Qt.FocusReason.OtherFocusReason)
