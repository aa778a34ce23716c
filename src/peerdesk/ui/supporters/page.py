"""The Supporters page: who gives support, their training, checks and the matrix.

Programme leads and administrators see the register and keep it; a supporter
whose account is linked sees their own record only. The services refuse the
rest whatever this page shows.
"""

from __future__ import annotations

from datetime import date
from enum import IntEnum
from operator import attrgetter, itemgetter
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from peerdesk.domain.errors import PeerDeskError
from peerdesk.domain.supporters import CellState, roles_label
from peerdesk.services import supervision, supporters
from peerdesk.services.session import Session
from peerdesk.services.supporters import (
    Expiring,
    MatrixRow,
    StoredSupporter,
    SupporterRecord,
)
from peerdesk.ui.change_bus import ChangeBus
from peerdesk.ui.errors import show_error
from peerdesk.ui.fields import keep_long_text
from peerdesk.ui.i18n import QT_TRANSLATE_NOOP
from peerdesk.ui.page_header import MainPage, PageHeader, Present, page_layout
from peerdesk.ui.peers.forms import muted
from peerdesk.ui.save_as import save_as
from peerdesk.ui.supporters.courses import CourseModulesDialog
from peerdesk.ui.supporters.dialogs import (
    CheckDialog,
    CompletionDialog,
    CourseDialog,
    HoursDialog,
    JournalDialog,
    StatusDialog,
    SupervisionDialog,
    SupporterDialog,
)
from peerdesk.ui.table_model import ROW_ROLE, Column, RowTableModel, sorting_filter
from peerdesk.ui.table_view import list_view

SUPPORTERS = "supporters"  # what a change announces on the change bus
CELL_COLOURS = {CellState.CURRENT: "#d9efe4", CellState.DUE_SOON: "#fbefd0",
                CellState.EXPIRED: "#f6d5d5"}


# The matrix's cell words, for the translation tools (the domain's labels are English).
_CELL_WORDS = (QT_TRANSLATE_NOOP("MatrixModel", "Current"),
               QT_TRANSLATE_NOOP("MatrixModel", "Due soon"),
               QT_TRANSLATE_NOOP("MatrixModel", "Expired"),
               QT_TRANSLATE_NOOP("MatrixModel", "Missing"))


def can_see(session: Session) -> bool:
    return supporters.can_manage(session) or supporters.my_record(session) is not None


RegisterColumn = IntEnum("RegisterColumn", "NAME ROLES STATUS SINCE STARTED", start=0)


class RegisterModel(RowTableModel[StoredSupporter]):
    columns = (
        Column(QT_TRANSLATE_NOOP("TableHeader", "Preferred name"), attrgetter("preferred_name")),
        Column(QT_TRANSLATE_NOOP("TableHeader", "Roles"), lambda r: roles_label(r.roles)),
        Column(QT_TRANSLATE_NOOP("TableHeader", "Status"), lambda r: r.status.label),
        Column(QT_TRANSLATE_NOOP("TableHeader", "Since"), lambda r: r.status_since.isoformat()),
        Column(QT_TRANSLATE_NOOP("TableHeader", "Started"), lambda r: r.start_date.isoformat()),
    )


def _cell_column(number: int, competency: str) -> Column[MatrixRow]:
    def state(row: MatrixRow) -> CellState:
        return row.cells[number]

    def fill(row: MatrixRow) -> QBrush | None:
        colour = CELL_COLOURS.get(state(row))
        return QBrush(QColor(colour)) if colour else None

    def text(row: MatrixRow) -> str:
        word = QCoreApplication.translate("MatrixModel", state(row).label)
        progress = row.under_way[number] if number < len(row.under_way) else None
        if progress is None:
            return word
        return word + " · " + QCoreApplication.translate(
            "MatrixModel", "{done} of {required} modules").format(
                done=progress[0], required=progress[1])

    return Column(competency, text,
                  sort=lambda r: list(CellState).index(state(r)), background=fill,
                  translated=False)


class MatrixModel(RowTableModel[MatrixRow]):
    """Columns are the competencies, so they are set at run time."""

    columns = (Column(QT_TRANSLATE_NOOP("TableHeader", "Supporter"), attrgetter("name")),)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.names: tuple[str, ...] = ()

    def set_matrix(self, competencies: tuple[str, ...], rows: list[MatrixRow]) -> None:
        self.names = competencies
        self.set_columns((MatrixModel.columns[0],
                          *(_cell_column(n, name) for n, name in enumerate(competencies))), rows)


class ExpiringModel(RowTableModel[Expiring]):
    columns = (
        Column(QT_TRANSLATE_NOOP("TableHeader", "When"),
               lambda r: r.on.isoformat() + (QCoreApplication.translate("ExpiringModel",
                                                                        " · expired")
                                             if r.overdue else "")),
        Column(QT_TRANSLATE_NOOP("TableHeader", "Supporter"), attrgetter("name")),
        Column(QT_TRANSLATE_NOOP("TableHeader", "What"), attrgetter("what")),
    )


class SupervisionModel(RowTableModel[supervision.StoredSupervision]):
    columns = (
        Column(QT_TRANSLATE_NOOP("TableHeader", "Date"), lambda r: r.held_on.isoformat()),
        Column(QT_TRANSLATE_NOOP("TableHeader", "Kind"), lambda r: r.kind.label),
        Column(QT_TRANSLATE_NOOP("TableHeader", "Minutes"), lambda r: str(r.minutes)),
        Column(QT_TRANSLATE_NOOP("TableHeader", "Notes"),
               lambda r: QCoreApplication.translate("SupervisionModel", "Yes")
               if r.has_notes else "—"),
    )


class OverdueModel(RowTableModel[supervision.Overdue]):
    columns = (
        Column(QT_TRANSLATE_NOOP("TableHeader", "Supporter"), attrgetter("name")),
        Column(QT_TRANSLATE_NOOP("TableHeader", "Last supervision"),
               lambda r: r.last.isoformat() if r.last
               else QCoreApplication.translate("OverdueModel", "Never")),
        Column(QT_TRANSLATE_NOOP("TableHeader", "Due"), lambda r: r.due.isoformat()),
    )


class JournalModel(RowTableModel[supervision.StoredEntry]):
    columns = (
        Column(QT_TRANSLATE_NOOP("TableHeader", "Date"), lambda r: r.written_on.isoformat()),
        Column(QT_TRANSLATE_NOOP("TableHeader", "Shared"),
               lambda r: QCoreApplication.translate("JournalModel", "Shared with your supervisor")
               if r.shared_with else "—"),
    )


class TimesheetModel(RowTableModel[list[str]]):
    """The timesheet's rows as the CSV holds them (the total row last)."""

    def set_sheet(self, sheet: supervision.Timesheet) -> None:
        headers, rows = supervision.timesheet_rows(sheet)
        self.set_columns([Column(header, itemgetter(n), translated=False)
                          for n, header in enumerate(headers)], rows)




def record_html(record: SupporterRecord) -> str:
    """The record as the detail pane shows it; a check's reference never appears."""
    from html import escape

    s = record.supporter
    lines = [f"<h3>{escape(s.preferred_name)}</h3>",
             f"<p>{escape(roles_label(s.roles))} · {escape(s.status.label)} "
             f"(since {s.status_since.isoformat()}) · started {s.start_date.isoformat()}</p>"]
    if s.reach:
        lines.append(f"<p>Reach: {escape(s.reach)}</p>")
    if record.account_name:
        lines.append(f"<p>PeerDesk account: {escape(record.account_name)}</p>")
    lines.append("<h4>Status history</h4><ul>" + "".join(
        f"<li>{st.since.isoformat()}: {escape(st.status.label)}</li>"
        for st in record.statuses) + "</ul>")
    lines.append("<h4>Training</h4><ul>" + ("".join(
        f"<li>{c.completed_on.isoformat()}: {escape(record.course_names.get(c.course_id, ''))}"
        + (f" (renew by {c.valid_until.isoformat()})" if c.valid_until else "")
        + (" · every module done" if c.from_modules else "") + "</li>"
        for c in record.completions) or "<li>None recorded</li>") + "</ul>")
    if record.progress:
        lines.append(_modules_html(record))
    lines.append("<h4>Checks</h4><ul>" + ("".join(
        f"<li>{c.checked_on.isoformat()}: {escape(c.kind.label)}"
        + (f" (expires {c.expires_on.isoformat()})" if c.expires_on else "") + "</li>"
        for c in record.checks) or "<li>None recorded</li>") + "</ul>")
    return "".join(lines)


def _modules_html(record: SupporterRecord) -> str:
    """Each course with modules under way or done: "3 of 5 modules", and the modules
    completed, newest first."""
    from html import escape

    heading_text = QCoreApplication.translate("SupportersPage", "Modules")
    parts = [f"<h4>{escape(heading_text)}</h4><ul>"]
    for p in record.progress:
        since = (" " + QCoreApplication.translate(
            "SupportersPage", "since completing it on {date}").format(
                date=p.last_completed.isoformat())) if p.last_completed else ""
        done = QCoreApplication.translate("SupportersPage", "{done} of {required} modules")
        parts.append(f"<li>{escape(p.course_name)}: "
                     + escape(done.format(done=p.done, required=p.required))
                     + escape(since) + "</li>")
    parts.append("</ul><ul>")
    parts.extend(f"<li>{m.completed_on.isoformat()}: "
                 f"{escape(record.module_names.get(m.module_id, ''))}</li>"
                 for m in record.module_completions)
    parts.append("</ul>")
    return "".join(parts)


class SupportersPage(MainPage):
    def __init__(self, session: Session, bus: ChangeBus, present: Present | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(session, bus, present, parent)
        self.manager = supporters.can_manage(session)
        self.current: StoredSupporter | None = None
        self.detail = QTextBrowser()
        self.detail.setAccessibleName(self.tr("Supporter record"))
        layout = page_layout(self, PageHeader(self.tr("Supporters")))
        self.tabs = QTabWidget()
        layout.addWidget(self.tabs, 1)
        self.own = supporters.my_record(session)
        self.hours_for: StoredSupporter | None = None
        if not self.manager:
            mine = QWidget()
            m = QVBoxLayout(mine)
            m.addWidget(muted(self.tr("Your own supporter record.")))
            m.addWidget(self.detail, 1)
            self.tabs.addTab(mine, self.tr("My &record"))
            self._hours_tab(self.tr("My &hours"))
            self._journal_tab()
            self.reload()
            return
        # The register
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search by name, role or status (Ctrl+F)"))
        self.search.setAccessibleName(self.tr("Search supporters"))
        self.search.setClearButtonEnabled(True)
        QShortcut(QKeySequence.StandardKey.Find, self, self.search.setFocus)
        self.model = RegisterModel(self)
        self.proxy = sorting_filter(self.model, self)
        self.view = list_view(self.proxy, self.tr("Supporters"), sorting=True)
        self.view.sortByColumn(RegisterColumn.NAME, Qt.SortOrder.AscendingOrder)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.view.activated.connect(self._open)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("&Add a supporter…"))
        self.edit_button = QPushButton(self.tr("C&hange…"))
        self.status_button = QPushButton(self.tr("S&tatus…"))
        self.training_button = QPushButton(self.tr("Record &training…"))
        self.check_button = QPushButton(self.tr("Record a chec&k…"))
        self.course_button = QPushButton(self.tr("Add a co&urse…"))
        self.modules_button = QPushButton(self.tr("Course mo&dules…"))
        for button in (self.add_button, self.edit_button, self.status_button,
                       self.training_button, self.check_button, self.course_button,
                       self.modules_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.add_button.clicked.connect(lambda: self._dialog(SupporterDialog(session)))
        self.edit_button.clicked.connect(lambda: self._for_current(SupporterDialog))
        self.status_button.clicked.connect(lambda: self._for_current(StatusDialog))
        self.training_button.clicked.connect(lambda: self._for_current(CompletionDialog))
        self.check_button.clicked.connect(lambda: self._for_current(CheckDialog))
        self.course_button.clicked.connect(lambda: self._dialog(CourseDialog(session)))
        self.modules_button.clicked.connect(
            lambda: self._dialog(CourseModulesDialog(session)))
        register = QWidget()
        left = QVBoxLayout()
        left.addWidget(self.search)
        left.addWidget(self.view, 1)
        left.addWidget(muted(self.tr("Enter or double-click opens a supporter's record.")))
        row = QHBoxLayout(register)
        row.addLayout(left, 3)
        row.addWidget(self.detail, 2)
        wrapper = QWidget()
        wrap = QVBoxLayout(wrapper)
        wrap.addLayout(buttons)
        wrap.addWidget(register, 1)
        self.tabs.addTab(wrapper, self.tr("&Register"))
        # The matrix
        self.matrix_model = MatrixModel(self)
        self.matrix_proxy = sorting_filter(self.matrix_model, self)
        self.matrix_view = list_view(self.matrix_proxy, self.tr("Competency matrix"),
                                     sorting=True)
        self.matrix_view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.matrix_view.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.print_button = QPushButton(self.tr("Save as &PDF…"))
        self.print_button.clicked.connect(self._save_matrix)
        matrix_tab = QWidget()
        m = QVBoxLayout(matrix_tab)
        m.addWidget(muted(self.tr("Current, due soon (within 30 days), expired or missing, "
                                  "for everyone in training, active or on a break.")))
        m.addWidget(self.matrix_view, 1)
        m.addWidget(self.print_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.tabs.addTab(matrix_tab, self.tr("Competency &matrix"))
        # Expiring
        self.expiring_model = ExpiringModel(self)
        self.expiring_view = list_view(self.expiring_model, self.tr("Expiring in the next 30 days"))
        expiring_tab = QWidget()
        e = QVBoxLayout(expiring_tab)
        e.addWidget(muted(self.tr("Checks and training that expire in the next 30 days, or "
                                  "expired in the last 30.")))
        e.addWidget(self.expiring_view, 1)
        self.tabs.addTab(expiring_tab, self.tr("&Expiring"))
        self._supervision_tab()
        self._hours_tab(self.tr("&Hours"))
        if self.own is not None:
            self._journal_tab()
        self.reload()

    # -- supervision, hours, journal ------------------------------------------------

    def _supervision_tab(self) -> None:
        tab = QWidget()
        t = QVBoxLayout(tab)
        t.addWidget(muted(self.tr("The supporter chosen on the Register tab. Notes are seen "
                                  "only by the supervisor and programme leads.")))
        self.supervision_model = SupervisionModel(self)
        self.supervision_view = list_view(self.supervision_model, self.tr("Supervision sessions"))
        self.supervision_view.activated.connect(self._read_notes)
        row = QHBoxLayout()
        self.supervision_button = QPushButton(self.tr("Record &supervision…"))
        self.supervision_button.clicked.connect(lambda: self._for_current(SupervisionDialog))
        self.notes_button = QPushButton(self.tr("Read &notes"))
        self.notes_button.clicked.connect(
            lambda: self._read_notes(self.supervision_view.currentIndex()))
        self.interval = QSpinBox()
        self.interval.setRange(1, 52)
        self.interval.setSuffix(self.tr(" weeks"))
        self.interval.setAccessibleName(self.tr("Supervision every"))
        self.interval.setValue(supervision.interval_weeks(self.session)
                               if self.session else 4)
        self.interval.editingFinished.connect(self._set_interval)
        row.addWidget(self.supervision_button)
        row.addWidget(self.notes_button)
        row.addStretch(1)
        row.addWidget(QLabel(self.tr("Supervision every")))
        row.addWidget(self.interval)
        t.addLayout(row)
        t.addWidget(self.supervision_view, 1)
        self.notes_text = QTextBrowser()
        self.notes_text.setAccessibleName(self.tr("Supervision notes"))
        self.notes_text.setMaximumHeight(140)
        t.addWidget(self.notes_text)
        self.overdue_model = OverdueModel(self)
        t.addWidget(QLabel(self.tr("Overdue supervision")))
        self.overdue_view = list_view(self.overdue_model, self.tr("Overdue supervision"))
        t.addWidget(self.overdue_view, 1)
        self.tabs.addTab(tab, self.tr("Super&vision"))

    def _set_interval(self) -> None:
        if self.session is None:
            return
        try:
            supervision.set_interval_weeks(self.session, self.interval.value())
        except PeerDeskError as exc:
            show_error(self, exc)
            return
        self._changed(0)

    def _read_notes(self, index: QModelIndex) -> None:
        row = index.data(ROW_ROLE) if index.isValid() else None
        if not isinstance(row, supervision.StoredSupervision) or self.session is None:
            return
        try:
            self.notes_text.setPlainText(supervision.read_notes(self.session, row.id)
                                         or self.tr("No notes."))
        except PeerDeskError as exc:
            self.notes_text.setPlainText(exc.user_message)

    def _hours_tab(self, title: str) -> None:
        tab = QWidget()
        t = QVBoxLayout(tab)
        row = QHBoxLayout()
        self.month = QLineEdit(date.today().strftime("%Y-%m"))
        self.month.setAccessibleName(self.tr("Month"))
        self.month.setPlaceholderText(self.tr("YYYY-MM"))
        self.month.returnPressed.connect(self.show_hours)
        show = QPushButton(self.tr("Sho&w"))
        show.clicked.connect(self.show_hours)
        self.add_hours_button = QPushButton(self.tr("&Add hours…"))
        self.add_hours_button.clicked.connect(self._add_hours)
        csv_button = QPushButton(self.tr("Save as &CSV…"))
        csv_button.clicked.connect(lambda: self._save_hours("csv"))
        pdf_button = QPushButton(self.tr("Save as P&DF…"))
        pdf_button.clicked.connect(lambda: self._save_hours("pdf"))
        row.addWidget(QLabel(self.tr("Month")))
        row.addWidget(self.month)
        row.addWidget(show)
        row.addWidget(self.add_hours_button)
        row.addStretch(1)
        row.addWidget(csv_button)
        row.addWidget(pdf_button)
        t.addLayout(row)
        self.hours_note = muted()
        t.addWidget(self.hours_note)
        self.hours_model = TimesheetModel(self)
        self.hours_view = list_view(self.hours_model, self.tr("Timesheet"))
        t.addWidget(self.hours_view, 1)
        self.sheet: supervision.Timesheet | None = None
        keep_long_text(tab)  # a mistyped month gets a message, never a silent cut
        self.tabs.addTab(tab, title)

    def show_hours(self) -> None:
        if self.session is None:
            return
        try:
            first, last = supervision.month_span(self.month.text().strip())
        except ValueError:
            show_error(self, self.tr("Type the month as YYYY-MM, for example 2026-03."))
            return
        try:
            self.sheet = supervision.timesheet(
                self.session, first, last,
                supporter_id=None if self.manager else (self.own.id if self.own else None))
        except PeerDeskError as exc:
            show_error(self, exc)
            return
        self.hours_model.set_sheet(self.sheet)
        self.hours_note.setText("" if self.sheet.includes_casework else self.tr(
            "Hours entered by hand only: counting sessions, meetings and contacts needs "
            "access to peers' records."))

    def _add_hours(self) -> None:
        if self.manager:
            self._for_current(HoursDialog)
        elif self.own is not None and self.session is not None:
            self._dialog(HoursDialog(self.session, self.own))

    def save_hours_to(self, path: Path, fmt: str) -> None:
        assert self.session is not None and self.sheet is not None
        supervision.save_timesheet(self.session, self.sheet, path, fmt=fmt)

    def _save_hours(self, fmt: str) -> None:
        if self.sheet is None:
            self.show_hours()
        if self.sheet is None:
            return
        save_as(self, self.tr("Save the timesheet"), f"hours-{self.month.text().strip()}.{fmt}",
                "CSV (*.csv)" if fmt == "csv" else "PDF (*.pdf)",
                lambda path: self.save_hours_to(path, fmt))

    def _journal_tab(self) -> None:
        tab = QWidget()
        t = QVBoxLayout(tab)
        t.addWidget(muted(self.tr("Your reflective journal: only you can read an entry, "
                                  "unless you share it with your supervisor. Never in "
                                  "reports.")))
        row = QHBoxLayout()
        write = QPushButton(self.tr("&Write an entry…"))
        write.clicked.connect(lambda: self.session and self._dialog(JournalDialog(self.session)))
        self.share_button = QPushButton(self.tr("Share with my su&pervisor"))
        self.share_button.clicked.connect(self._share)
        self.unshare_button = QPushButton(self.tr("Stop sharing"))
        self.unshare_button.clicked.connect(lambda: self._share(stop=True))
        row.addWidget(write)
        row.addWidget(self.share_button)
        row.addWidget(self.unshare_button)
        row.addStretch(1)
        t.addLayout(row)
        self.journal_model = JournalModel(self)
        self.journal_view = list_view(self.journal_model, self.tr("Journal entries"))
        self.journal_view.activated.connect(self._read_entry)
        t.addWidget(self.journal_view, 1)
        self.entry_text = QTextBrowser()
        self.entry_text.setAccessibleName(self.tr("Journal entry"))
        t.addWidget(self.entry_text, 1)
        self.tabs.addTab(tab, self.tr("My &journal"))

    def _read_entry(self, index: QModelIndex) -> None:
        row = index.data(ROW_ROLE) if index.isValid() else None
        if not isinstance(row, supervision.StoredEntry) or self.session is None:
            return
        try:
            self.entry_text.setPlainText(supervision.read_entry(self.session, row.id))
        except PeerDeskError as exc:
            self.entry_text.setPlainText(exc.user_message)

    def _share(self, stop: bool = False) -> None:
        index = self.journal_view.currentIndex()
        row = index.data(ROW_ROLE) if index.isValid() else None
        if not isinstance(row, supervision.StoredEntry) or self.session is None:
            show_error(self, self.tr("Choose an entry first."))
            return
        try:
            if stop:
                supervision.share_entry(self.session, row.id, None)
            else:
                chosen = supervision.my_supervisors(self.session)
                if not chosen:
                    show_error(self, self.tr("Nobody has supervised you in PeerDesk yet."))
                    return
                supervision.share_entry(self.session, row.id, chosen[0].id)
        except PeerDeskError as exc:
            show_error(self, exc)
            return
        self._changed(0)

    # -- behaviour -----------------------------------------------------------------

    def reload(self) -> None:
        if self.session is None:
            return
        try:
            if self.own is not None and hasattr(self, "journal_model"):
                self.journal_model.set_rows(supervision.my_entries(self.session)
                                            + supervision.shared_with_me(self.session))
            if not self.manager:
                if self.own is not None:
                    self.detail.setHtml(record_html(supporters.open_record(self.session,
                                                                           self.own.id)))
                return
            self.model.set_rows(supporters.register(self.session))
            grid = supporters.matrix(self.session)
            self.matrix_model.set_matrix(grid.competencies, list(grid.rows))
            self.expiring_model.set_rows(supporters.expiring(self.session))
            self.overdue_model.set_rows(supervision.overdue_supervision(self.session))
            chosen = self.selected()
            self.supervision_model.set_rows(
                supervision.supervisions(self.session, chosen.id) if chosen else [])
        except PeerDeskError as exc:
            show_error(self, exc)

    def _open(self, index: QModelIndex) -> None:
        row = index.data(ROW_ROLE)
        if isinstance(row, StoredSupporter) and self.session is not None:
            self.current = row
            try:
                self.detail.setHtml(record_html(supporters.open_record(self.session, row.id)))
                self.supervision_model.set_rows(supervision.supervisions(self.session, row.id))
                self.notes_text.clear()
            except PeerDeskError as exc:
                show_error(self, exc)

    def selected(self) -> StoredSupporter | None:
        index = self.view.currentIndex()
        row = index.data(ROW_ROLE) if index.isValid() else None
        return row if isinstance(row, StoredSupporter) else self.current

    def _for_current(self, kind: Any) -> QDialog | None:
        chosen = self.selected()
        if chosen is None or self.session is None:
            show_error(self, self.tr("Choose a supporter in the list first."))
            return None
        return self._dialog(kind(self.session, chosen))

    def _dialog(self, dialog: QDialog) -> QDialog:
        dialog.saved.connect(self._changed)  # type: ignore[attr-defined]
        return self.open_dialog(dialog)

    def _changed(self, supporter_id: int) -> None:
        self.bus.changed.emit(SUPPORTERS)
        self.reload()

    def save_matrix_to(self, path: Path) -> int:
        assert self.session is not None
        return supporters.matrix_pdf(self.session, path)

    def _save_matrix(self) -> None:
        save_as(self, self.tr("Save the competency matrix"), "competency-matrix.pdf",
                "PDF (*.pdf)", self.save_matrix_to)

    def clear_data(self) -> None:
        self.session = None
        self.detail.clear()
        for extra in ("journal_model", "hours_model", "supervision_model", "overdue_model"):
            model = getattr(self, extra, None)
            if model is not None:
                model.clear()
        for text in ("entry_text", "notes_text"):
            widget = getattr(self, text, None)
            if widget is not None:
                widget.clear()
        if self.manager:
            self.model.clear()
            self.matrix_model.set_matrix((), [])
            self.expiring_model.clear()
