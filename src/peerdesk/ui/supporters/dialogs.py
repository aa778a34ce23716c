"""Add or change a supporter; record training, a check; add a course."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDoubleSpinBox,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from peerdesk.domain.errors import PeerDeskError
from peerdesk.domain.supporters import (
    CheckDraft,
    CheckKind,
    CompletionDraft,
    CourseDraft,
    HoursDraft,
    HoursKind,
    JournalDraft,
    ModulesDoneDraft,
    SupervisionDraft,
    SupervisionKind,
    SupporterDraft,
    SupporterRole,
    SupporterStatus,
)
from peerdesk.services import supervision, supporters
from peerdesk.services.session import Session
from peerdesk.services.supporters import StoredSupporter
from peerdesk.ui.form_dialog import HeadedFormDialog
from peerdesk.ui.peers.forms import DateField, enum_combo, today


def tick_list(items: list[tuple[str, object]], ticked: set[object], name: str) -> QListWidget:
    widget = QListWidget()
    widget.setAccessibleName(name)
    fill_ticks(widget, items, ticked)
    return widget


def fill_ticks(widget: QListWidget, items: list[tuple[str, object]], ticked: set[object]) -> None:
    """`widget`'s items, one box to tick for each (label, value), tall enough to show a few."""
    widget.clear()
    for label, value in items:
        item = QListWidgetItem(label)
        item.setData(Qt.ItemDataRole.UserRole, value)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if value in ticked else Qt.CheckState.Unchecked)
        widget.addItem(item)
    widget.setFixedHeight(max(3, min(widget.count(), 8)) * (widget.fontMetrics().height() + 6)
                          + 8)


def ticked(widget: QListWidget) -> list[object]:
    return [widget.item(i).data(Qt.ItemDataRole.UserRole) for i in range(widget.count())
            if widget.item(i).checkState() == Qt.CheckState.Checked]


class SupporterDialog(HeadedFormDialog):
    def __init__(self, session: Session, supporter: StoredSupporter | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(session, self.tr("Change supporter") if supporter
                         else self.tr("Add a supporter"), parent)
        self.supporter = supporter
        self.name = QLineEdit(supporter.preferred_name if supporter else "")
        self.reach = QLineEdit(supporter.reach if supporter else "")
        self.reach.setPlaceholderText(self.tr("A phone number or an email"))
        self.roles = tick_list([(r.label, r.value) for r in SupporterRole],
                               {r.value for r in supporter.roles} if supporter else set(),
                               self.tr("Roles"))
        self.start = DateField(supporter.start_date if supporter else today())
        accounts = supporters.linkable_accounts(session)
        self.account = enum_combo([(self.tr("No PeerDesk account"), None)]
                                  + [(a.name, a.id) for a in accounts],
                                  supporter.staff_id if supporter else None)
        self.status = enum_combo([(s.label, s.value) for s in SupporterStatus],
                                 SupporterStatus.IN_TRAINING.value)
        self.add(self.tr("Preferred &name"), "name", self.name)
        self.add(self.tr("How we &reach them"), "reach", self.reach)
        self.add(self.tr("R&oles"), "roles", self.roles)
        self.add(self.tr("&Started on"), "start_date", self.start)
        self.add(self.tr("PeerDesk &account"), "staff_id", self.account,
                 self.tr("Optional: a supporter who signs in sees their own record."))
        if supporter is None:
            self.add(self.tr("S&tatus"), "status", self.status)

    def save(self) -> int:
        start = self.start.value(what="Start date", field="start_date")
        assert start is not None
        draft = SupporterDraft(self.name.text(),
                               frozenset(SupporterRole(str(r)) for r in ticked(self.roles)),
                               start, self.reach.text(), self.account.currentData())
        if self.supporter is None:
            return supporters.add(self.session, draft,
                                  status=SupporterStatus(self.status.currentData()))
        supporters.change(self.session, self.supporter.id, draft)
        return self.supporter.id


class StatusDialog(HeadedFormDialog):
    def __init__(self, session: Session, supporter: StoredSupporter,
                 parent: QWidget | None = None) -> None:
        super().__init__(session, self.tr("Change status"), parent)
        self.supporter = supporter
        self.status = enum_combo([(s.label, s.value) for s in SupporterStatus],
                                 supporter.status.value)
        self.since = DateField(today())
        self.add(self.tr("S&tatus"), "status", self.status)
        self.add(self.tr("&From"), "since", self.since)

    def save(self) -> int:
        since = self.since.value(what="Status date", field="since")
        assert since is not None
        supporters.set_status(self.session, self.supporter.id,
                              SupporterStatus(self.status.currentData()), since)
        return self.supporter.id


class CompletionDialog(HeadedFormDialog):
    def __init__(self, session: Session, supporter: StoredSupporter,
                 parent: QWidget | None = None) -> None:
        super().__init__(session, self.tr("Record training"), parent)
        self.supporter = supporter
        self.course = enum_combo([(c.name, c.id) for c in supporters.courses(session)
                                  if c.active])
        self.completed = DateField(today())
        self.renew_by = DateField(optional=True)
        # A course with modules: tick the modules done that day (shown for such a course).
        self.modules = tick_list([], set(), self.tr("Modules completed"))
        self.add(self.tr("&Course"), "course", self.course)
        self.add(self.tr("&Modules completed"), "modules", self.modules,
                 self.tr("The course counts as completed when its last module is done."))
        self.add(self.tr("&Completed on"), "completed_on", self.completed)
        self.add(self.tr("&Renew by"), "renew_by", self.renew_by,
                 self.tr("Leave empty to use the course's renewal interval."))
        self.course.currentIndexChanged.connect(lambda _i: self._show_modules())
        self._show_modules()

    def _show_modules(self) -> None:
        course_id = self.course.currentData()
        offered = [m for m in supporters.modules(self.session, int(course_id))
                   if not m.retired] if course_id is not None else []
        fill_ticks(self.modules, [(m.name, m.id) for m in offered], set())
        self.fields["modules"].setVisible(bool(offered))
        label = self.form.labelForField(self.fields["modules"])
        if label is not None:
            label.setVisible(bool(offered))

    def save(self) -> int:
        done = self.completed.value(what="Completed on", field="completed_on")
        assert done is not None
        if self.course.currentData() is None:
            raise PeerDeskError(self.tr("Add a course first."))
        renew_by = self.renew_by.value(what="Renew by", field="renew_by")
        if self.modules.count():
            supporters.record_modules(self.session, ModulesDoneDraft(
                self.supporter.id, int(self.course.currentData()),
                frozenset(int(str(i)) for i in ticked(self.modules)), done, renew_by))
            return self.supporter.id
        return supporters.record_completion(self.session, CompletionDraft(
            self.supporter.id, int(self.course.currentData()), done, renew_by))


class CheckDialog(HeadedFormDialog):
    def __init__(self, session: Session, supporter: StoredSupporter,
                 parent: QWidget | None = None) -> None:
        super().__init__(session, self.tr("Record a check"), parent)
        self.supporter = supporter
        self.kind = enum_combo([(k.label, k.value) for k in CheckKind])
        self.checked = DateField(today())
        self.reference = QLineEdit()
        self.reference.setEchoMode(QLineEdit.EchoMode.Password)
        self.reference.setPlaceholderText(self.tr("Kept hidden"))
        self.show_reference = QCheckBox(self.tr("Sho&w"))
        self.show_reference.toggled.connect(lambda on: self.reference.setEchoMode(
            QLineEdit.EchoMode.Normal if on else QLineEdit.EchoMode.Password))
        self.expires = DateField(optional=True)
        self.add(self.tr("&Check"), "kind", self.kind)
        self.add(self.tr("&Done or signed on"), "checked_on", self.checked)
        self.add(self.tr("&Reference"), "reference", self.reference)
        self.form.addRow("", self.show_reference)
        self.add(self.tr("&Expires on"), "expires_on", self.expires)

    def save(self) -> int:
        checked = self.checked.value(what="Check date", field="checked_on")
        assert checked is not None
        return supporters.record_check(self.session, CheckDraft(
            self.supporter.id, CheckKind(self.kind.currentData()), checked,
            self.reference.text(), self.expires.value(what="Expires on",
                                                      field="expires_on")))


class CourseDialog(HeadedFormDialog):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, self.tr("Add a course"), parent)
        self.name = QLineEdit()
        self.competencies = tick_list([(c.name, c.id) for c in supporters.competencies(session)],
                                      set(), self.tr("Competencies"))
        self.renews = QCheckBox(self.tr("Must be &renewed"))
        self.months = QSpinBox()
        self.months.setRange(0, 240)
        self.months.setValue(12)
        self.months.setSuffix(self.tr(" months"))
        self.add(self.tr("&Name"), "name", self.name)
        self.add(self.tr("C&ompetencies"), "competencies", self.competencies)
        self.form.addRow("", self.renews)
        self.add(self.tr("Renew &every"), "renewal_months", self.months)

    def save(self) -> int:
        return supporters.add_course(self.session, CourseDraft(
            self.name.text(), frozenset(int(str(i)) for i in ticked(self.competencies)),
            self.months.value() if self.renews.isChecked() else None))


class SupervisionDialog(HeadedFormDialog):
    def __init__(self, session: Session, supporter: StoredSupporter,
                 parent: QWidget | None = None) -> None:
        super().__init__(session, self.tr("Record supervision"), parent)
        self.supporter = supporter
        everyone = supporters.register(session)
        self.supervisor = enum_combo([(self.tr("Someone from outside"), None)] + [
            (s.preferred_name, s.id) for s in everyone
            if SupporterRole.SUPERVISOR in s.roles and s.id != supporter.id])
        self.kind = enum_combo([(k.label, k.value) for k in SupervisionKind])
        self.held = DateField(today())
        self.minutes = QSpinBox()
        self.minutes.setRange(0, 720)
        self.minutes.setValue(60)
        self.minutes.setSuffix(self.tr(" minutes"))
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumHeight(120)
        self.add(self.tr("Super&visor"), "supervisor", self.supervisor)
        self.add(self.tr("&Kind"), "kind", self.kind)
        self.add(self.tr("&Date"), "held_on", self.held)
        self.add(self.tr("&Length"), "minutes", self.minutes)
        self.add(self.tr("&Notes"), "notes", self.notes,
                 self.tr("Seen only by the supervisor and programme leads."))

    def save(self) -> int:
        held = self.held.value(what="Supervision date", field="held_on")
        assert held is not None
        return supervision.record_supervision(self.session, SupervisionDraft(
            self.supporter.id, self.supervisor.currentData(),
            SupervisionKind(self.kind.currentData()), held, self.minutes.value(),
            self.notes.toPlainText()))


class HoursDialog(HeadedFormDialog):
    def __init__(self, session: Session, supporter: StoredSupporter,
                 parent: QWidget | None = None) -> None:
        super().__init__(session, self.tr("Add hours"), parent)
        self.supporter = supporter
        self.kind = enum_combo([(k.label, k.value) for k in HoursKind])
        self.day = DateField(today())
        self.hours = QDoubleSpinBox()
        self.hours.setRange(0, 48)
        self.hours.setDecimals(2)
        self.hours.setSingleStep(0.25)
        self.hours.setValue(1)
        self.hours.setSuffix(self.tr(" hours"))
        self.note = QLineEdit()
        self.add(self.tr("&Kind"), "kind", self.kind)
        self.add(self.tr("&Date"), "worked_on", self.day)
        self.add(self.tr("&Hours"), "minutes", self.hours)
        self.add(self.tr("N&ote"), "note", self.note)

    def save(self) -> int:
        day = self.day.value(what="Date", field="worked_on")
        assert day is not None
        return supervision.record_hours(self.session, HoursDraft(
            self.supporter.id, day, HoursKind(self.kind.currentData()),
            round(self.hours.value() * 60), self.note.text()))


class JournalDialog(HeadedFormDialog):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, self.tr("Write in my journal"), parent)
        self.day = DateField(today())
        self.body = QPlainTextEdit()
        self.body.setTabChangesFocus(True)
        self.add(self.tr("&Date"), "written_on", self.day)
        self.add(self.tr("&Entry"), "body", self.body,
                 self.tr("Private: only you can read it, unless you share it with your "
                         "supervisor."))

    def save(self) -> int:
        day = self.day.value(what="Date", field="written_on")
        assert day is not None
        return supervision.write_entry(self.session, JournalDraft(
            day, self.body.toPlainText()))

