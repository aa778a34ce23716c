"""Reports in the team window (programme leads): pick a period, prepare the
report counted on the team server, publish it into the server's release
register, see every release, save the PDF (services/team_publish.py).

Built from the vault's Reports parts (ui/reports: the period picker, the
preview document, the release history list, the PDF's file name) over the
team's reports rather than a second copy of them. Counting and publishing
run on a worker thread (services/team_publish opens a connection of its own
for each), so the window never waits on the server; a refusal (a period that
can only be previewed, one that partly overlaps a release, the server away)
is shown plainly in the page.

Not here yet (the vault's page has them): CSV, printing, and the report
settings dialog; the team prints with the settings moved from the vault.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from peerdesk.domain.errors import PeerDeskError, ValidationError
from peerdesk.reports.model import Report
from peerdesk.reports.period import Period
from peerdesk.services import clock
from peerdesk.services.releases import Publication, ReleaseSummary, why_not_publishable
from peerdesk.services.team_publish import TeamReports
from peerdesk.ui.background_job import BackgroundJob
from peerdesk.ui.fields import error_label, set_message
from peerdesk.ui.page_header import PageHeader, page_layout
from peerdesk.ui.reports.period_picker import PeriodPicker
from peerdesk.ui.reports.preview import chosen_save_path, file_stem, report_document
from peerdesk.ui.reports.release_history import ReleaseHistory, publication_said

if TYPE_CHECKING:
    from peerdesk.services.team import TeamDesk


@dataclass(frozen=True, slots=True)
class _Published:
    """A publication, and the register read back after it on the same worker."""

    done: Publication
    history: list[ReleaseSummary]


class TeamReportsPage(QWidget):
    """`finished(report, publication or error)` when a preparation or a publication
    ends (for tests: a publication comes as `_Published`)."""

    finished = Signal(object)

    def __init__(self, reports: TeamReports, parent: QWidget | None = None, *,
                 today: date | None = None) -> None:
        super().__init__(parent)
        self.reports = reports
        self.report: Report | None = None
        self.period: Period | None = None   # the period of the report shown
        self.job: BackgroundJob | None = None
        self.history_job: BackgroundJob | None = None
        # Replaceable in tests: the platform's save dialog, the question before publishing.
        self.choose_save_path: Callable[..., tuple[str, str]] = QFileDialog.getSaveFileName
        self.confirm_publish: Callable[[str], bool] = self._ask_to_publish

        self.header = PageHeader(self.tr("Reports"))
        self.picker = PeriodPicker(clock.today(today))
        self.prepare_button = QPushButton(self.tr("Prep&are report"))
        self.prepare_button.setToolTip(self.tr("Count the figures for this period on the "
                                               "team server (Ctrl+R)"))
        choose_row = QHBoxLayout()
        choose_row.addWidget(self.picker, 1)
        choose_row.addWidget(self.prepare_button)
        self.message = error_label()
        self.busy = QLabel()
        self.busy.hide()
        self.preview = QTextBrowser()
        self.preview.setOpenLinks(False)
        self.preview.setAccessibleName(self.tr("Report preview"))
        self.preview.setPlaceholderText(self.tr(
            "Choose a period and press Prepare report. The figures are counted on the team "
            "server and appear here exactly as they will be printed: small counts hidden, "
            "no names."))
        self.publish_button = QPushButton(self.tr("P&ublish…"))
        self.publish_button.setToolTip(self.tr(
            "Record this report in the team server's release register, so it prints the "
            "same figures on every PC."))
        self.save_pdf_button = QPushButton(self.tr("Save P&DF…"))
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Report status"))
        output_row = QHBoxLayout()
        output_row.addWidget(self.publish_button)
        output_row.addWidget(self.save_pdf_button)
        output_row.addWidget(self.status, 1)
        self.history = ReleaseHistory()
        self.history.setMaximumHeight(150)

        layout: QVBoxLayout = page_layout(self, self.header)
        layout.addLayout(choose_row)
        layout.addWidget(self.message)
        layout.addWidget(self.busy)
        layout.addWidget(self.preview, 1)
        layout.addLayout(output_row)
        layout.addWidget(QLabel(self.tr("Published reports (on the team server)")))
        layout.addWidget(self.history)

        shortcut = QShortcut(QKeySequence("Ctrl+R"), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.prepare)
        self.prepare_button.clicked.connect(self.prepare)
        self.publish_button.clicked.connect(self.publish)
        self.save_pdf_button.clicked.connect(self.save_pdf)
        self._update_buttons()

    def showEvent(self, event: QShowEvent) -> None:
        # What any PC published meanwhile, each time the page comes into view.
        super().showEvent(event)
        self.refresh_history()

    # -- state --------------------------------------------------------------------

    @property
    def working(self) -> bool:
        return self.job is not None

    def _update_buttons(self) -> None:
        ready = self.report is not None and not self.working
        self.prepare_button.setEnabled(not self.working)
        self.picker.setEnabled(not self.working)
        self.save_pdf_button.setEnabled(ready)
        # Only a preview can be published, and only for a period that may be.
        why_not = why_not_publishable(self.period) if self.period is not None else ""
        self.publish_button.setEnabled(ready and self.report is not None
                                       and self.report.preview and not why_not)
        if why_not:
            self.publish_button.setToolTip(why_not)

    def refresh_history(self) -> None:
        """The register as the server holds it (what every PC published), read on a
        worker: a server host that drops packets must not freeze the window."""
        if self.history_job is not None:
            return
        self.history_job = BackgroundJob(lambda _report: self.reports.history(),
                                         name="peerdesk-team-releases")
        self.history_job.succeeded.connect(self._history_read)
        self.history_job.failed.connect(self._history_read)
        self.history_job.start()

    @Slot(object)
    def _history_read(self, outcome: object) -> None:
        self.history_job = None
        if isinstance(outcome, list):
            self.history.show_releases(outcome)
        elif isinstance(outcome, PeerDeskError):
            set_message(self.message, outcome.user_message)

    # -- preparing and publishing (on a worker) ---------------------------------------

    def prepare(self) -> None:
        if self.working:
            return
        try:
            period = self.picker.period()
        except ValidationError as exc:
            set_message(self.message, exc.user_message)
            return
        self.report, self.period = None, period
        self.preview.clear()
        self._start(lambda _report: self.reports.preview(period),
                    self.tr("Counting the report for %s on the team server…") % period.label)

    def publish(self) -> None:
        period = self.period
        if self.working or self.report is None or period is None \
                or not self.confirm_publish(period.label):
            return
        self._start(lambda _report: _Published(self.reports.publish(period),
                                               self.reports.history()),
                    self.tr("Publishing the report for %s…") % period.label)

    def _start(self, work: Callable[..., object], text: str) -> None:
        set_message(self.message, None)
        self.status.clear()
        self.busy.setText(text)
        self.busy.show()
        self.job = BackgroundJob(work, name="peerdesk-team-report")
        self.job.succeeded.connect(self._delivered)
        self.job.failed.connect(self._delivered)
        self._update_buttons()
        self.job.start()

    @Slot(object)
    def _delivered(self, outcome: object) -> None:
        self.job = None
        self.busy.hide()
        if isinstance(outcome, _Published):
            self.report = outcome.done.report
            self.status.setText(publication_said(
                outcome.done, self.tr("Published release %s on the team server.")))
            self.history.show_releases(outcome.history)
        elif isinstance(outcome, Report):
            self.report = outcome
            self.status.setText(self.tr("Prepared: %s. This is a preview, not for "
                                        "publication.") % outcome.period_label)
        elif isinstance(outcome, PeerDeskError):
            # Said in the page, plainly: the disclosure check's refusal, the server away.
            set_message(self.message, outcome.user_message)
        elif isinstance(outcome, BaseException):
            set_message(self.message, self.tr("The report could not be prepared: %s")
                        % type(outcome).__name__)
        if self.report is not None:
            self.preview.setDocument(report_document(self.report))
        self._update_buttons()
        self.finished.emit(outcome)

    def _ask_to_publish(self, label: str) -> bool:
        answer = QMessageBox.question(
            self, self.tr("Publish the report"),
            self.tr("Publish the report for %s?\n\nIt is recorded in the team server's "
                    "release register: publishing this period again, from any PC, prints "
                    "the same figures, and figures that change later come out only as a "
                    "numbered revision.") % label)
        return answer == QMessageBox.StandardButton.Yes

    # -- saving ---------------------------------------------------------------------

    def save_pdf(self) -> None:
        report = self.report
        if report is None:
            return
        suggested = Path.home() / f"{file_stem(report)}.pdf"
        chosen, _filter = self.choose_save_path(self, self.tr("Save the report as PDF"),
                                                str(suggested), self.tr("PDF files (*.pdf)"))
        path = chosen_save_path(chosen, "pdf")
        if path is None:
            return
        try:
            pages = self.reports.save_pdf(report, path)
        except PeerDeskError as exc:
            set_message(self.message, exc.user_message)
            return
        self.status.setText(self.tr("Saved %s (%d pages).") % (path.name, pages))


def reports_tab(desk: TeamDesk) -> TeamReportsPage | None:
    """The Reports page for a desk whose person runs reports (programme leads)."""
    from peerdesk.domain.staff import Permission, roles_allow

    if not roles_allow(list(desk.roles), Permission.RUN_REPORTS):
        return None
    return TeamReportsPage(TeamReports(desk))


__all__ = ["TeamReportsPage", "reports_tab"]
