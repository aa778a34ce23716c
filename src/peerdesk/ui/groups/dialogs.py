"""Add or change a group; schedule a meeting, a series, or change one meeting."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from peerdesk.domain.errors import PeerDeskError
from peerdesk.domain.groups import (
    MAX_SERIES,
    GroupDraft,
    GroupKind,
    GroupMode,
    MeetingDraft,
    Repeat,
)
from peerdesk.services import groups, peers
from peerdesk.services.groups import GroupRow, MeetingRow
from peerdesk.services.session import Session
from peerdesk.ui.form_dialog import FormDialog
from peerdesk.ui.peers.forms import DateField, enum_combo, heading, today


def staff_list(session: Session, ticked: tuple[int, ...]) -> QListWidget:
    """Active caseworkers, peer supporters and leads, as tick boxes."""
    widget = QListWidget()
    widget.setAccessibleName(QCoreApplication.translate("Dialogs", "Facilitators"))
    try:
        choices = peers.assignable_staff(session)
    except PeerDeskError:
        choices = []
    for choice in choices:
        item = QListWidgetItem(f"{choice.name} · {choice.role.label}")
        item.setData(Qt.ItemDataRole.UserRole, choice.id)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if choice.id in ticked
                           else Qt.CheckState.Unchecked)
        widget.addItem(item)
    widget.setSpacing(1)
    rows = max(3, min(widget.count(), 8))
    widget.setFixedHeight(rows * (widget.fontMetrics().height() + 6) + 8)
    return widget


def ticked_ids(widget: QListWidget) -> tuple[int, ...]:
    return tuple(int(widget.item(i).data(Qt.ItemDataRole.UserRole))
                 for i in range(widget.count())
                 if widget.item(i).checkState() == Qt.CheckState.Checked)


class GroupDialog(FormDialog):
    """Add a group, or change one; emits `saved(group_id)`. A refused save's message
    shows above the buttons."""

    def __init__(self, session: Session, group: GroupRow | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.group = group
        title = self.tr("Change group") if group else self.tr("Add a group")
        self.setWindowTitle(title)
        self.name = QLineEdit(group.name if group else "")
        self.name.setPlaceholderText(self.tr("For example: Tuesday women's circle"))
        self.kind = enum_combo([(k.label, k.value) for k in GroupKind],
                               group.kind.value if group else None)
        self.mode = enum_combo([(m.label, m.value) for m in GroupMode],
                               group.mode.value if group else None)
        self.facilitators = staff_list(session, group.facilitator_ids if group else ())
        form = QFormLayout()
        form.addRow(self.tr("&Name"), self.name)
        form.addRow(self.tr("&Kind"), self.kind)
        form.addRow(self.tr("&Mode"), self.mode)
        form.addRow(self.tr("&Facilitators"), self.facilitators)
        self.lay_out(heading(title, 2), form)
        self.resize(460, self.sizeHint().height())

    def draft(self) -> GroupDraft:
        return GroupDraft(self.name.text(), GroupKind(self.kind.currentData()),
                          GroupMode(self.mode.currentData()), ticked_ids(self.facilitators))

    def save(self) -> int:
        if self.group is None:
            return groups.create_group(self.session, self.draft())
        groups.update_group(self.session, self.group.id, self.draft())
        return self.group.id

    def show_problem(self, exc: PeerDeskError) -> None:
        super().show_problem(exc)
        self.name.setFocus()


class MeetingDialog(FormDialog):
    """Schedule a meeting or a series, or change one meeting; emits `saved(group_id)`.
    A refused save's message shows above the buttons, and the field it names has the
    focus."""

    def __init__(self, session: Session, group: GroupRow, meeting: MeetingRow | None = None,
                 *, series: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.group = group
        self.meeting = meeting
        self.series = series
        # The window's title names no group (the taskbar shows it); the heading does.
        self.setWindowTitle(self.tr("Change meeting") if meeting else
                            self.tr("Schedule a series of meetings") if series else
                            self.tr("Schedule a meeting"))
        held = date.fromisoformat(meeting.held_on) if meeting else today()
        self.held_on = DateField(held)
        self.starts_at = QLineEdit(meeting.starts_at if meeting else "")
        self.starts_at.setPlaceholderText(self.tr("HH:MM, e.g. 18:30"))
        self.place = QLineEdit(meeting.place if meeting else
                               ("online" if group.mode is GroupMode.ONLINE else ""))
        self.place.setPlaceholderText(self.tr("A room, an address, or “online”"))
        self.notes = QPlainTextEdit(meeting.notes if meeting else "")
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumHeight(90)
        self.facilitators = staff_list(
            session, meeting.facilitator_ids if meeting else group.facilitator_ids)
        self.repeat = enum_combo([(self.tr("Every week"), Repeat.WEEKLY.value),
                                  (self.tr("Every fortnight"), Repeat.FORTNIGHTLY.value)])
        self.count = QSpinBox()
        self.count.setRange(1, MAX_SERIES)
        self.count.setValue(6)
        self.count.setSuffix(self.tr(" meetings"))
        form = QFormLayout()
        form.addRow(self.tr("&Date") if not series else self.tr("&First meeting"), self.held_on)
        form.addRow(self.tr("&Time"), self.starts_at)
        form.addRow(self.tr("&Place"), self.place)
        if series:
            form.addRow(self.tr("&Repeat"), self.repeat)
            form.addRow(self.tr("&How many"), self.count)
        form.addRow(self.tr("&Notes"), self.notes)
        form.addRow(self.tr("&Facilitators"), self.facilitators)
        title = (self.tr("Change meeting — {group}") if meeting else
                 self.tr("Schedule a series of meetings — {group}") if series else
                 self.tr("Schedule a meeting — {group}"))
        self.lay_out(heading(title.format(group=group.name), 2), form)
        self.resize(500, self.sizeHint().height())

    def draft(self) -> MeetingDraft:
        held = self.held_on.value(what="Meeting date", field="held_on")
        assert held is not None
        return MeetingDraft(self.group.id, held, self.starts_at.text(), self.place.text(),
                            self.notes.toPlainText(), ticked_ids(self.facilitators))

    def save(self) -> int:
        draft = self.draft()
        if self.meeting is not None:
            groups.edit_meeting(self.session, self.meeting.id, draft)
        elif self.series:
            groups.schedule_series(self.session, draft,
                                   repeat=Repeat(self.repeat.currentData()),
                                   count=self.count.value())
        else:
            groups.schedule_meeting(self.session, draft)
        return self.group.id

    def show_problem(self, exc: PeerDeskError) -> None:
        super().show_problem(exc)
        field = getattr(exc, "field", None)
        focus = {"held_on": self.held_on, "starts_at": self.starts_at,
                 "place": self.place, "count": self.count}.get(str(field))
        if focus is not None:
            focus.setFocus()
