"""Reports: choose a period, prepare the report in the background, preview, save, print."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QTextBrowser,
    QWidget,
)

from peerdesk.domain.errors import PeerDeskError, ValidationError
from peerdesk.reports.model import Report
from peerdesk.reports.period import Period
from peerdesk.services import clock, reports
from peerdesk.services.releases import Publication, why_not_publishable
from peerdesk.services.session import Session
from peerdesk.ui import change_bus
from peerdesk.ui.background_job import BackgroundJob, on_own_connection
from peerdesk.ui.change_bus import ChangeBus
from peerdesk.ui.errors import show_error
from peerdesk.ui.page_header import MainPage, PageHeader, Present, page_layout
from peerdesk.ui.printing import ask_for_printer
from peerdesk.ui.reports.period_picker import PeriodPicker
from peerdesk.ui.reports.preview import chosen_save_path, file_stem, report_document
from peerdesk.ui.reports.release_history import ReleaseHistory, publication_said
from peerdesk.ui.reports.settings_dialog import ReportSettingsDialog


class _Delivery(QObject):
    """One preparation's answer. Deleting it (Cancel, lock) means the answer is never used.

    A child of the page: if the page goes, Qt disconnects the job from it, so a
    worker finishing late can't reach a page that no longer exists.
    """

    def __init__(self, page: ReportsPage) -> None:
        super().__init__(page)
        self.page = page

    @Slot(object)
    def succeeded(self, report: object) -> None:
        self.page._delivered(self, report)

    @Slot(object)
    def failed(self, error: object) -> None:
        self.page._delivered(self, error)


def build_in_background(session: Session, period: Period) -> Callable[..., Report]:
    """The worker's task: its own connection, always closed, even if building fails."""

    return on_own_connection(session, lambda db: reports.build(session, period, db=db))


def publish_in_background(session: Session, period: Period) -> Callable[..., Publication]:
    """Publishing counts and protects against every release of the year: a worker's job."""

    return on_own_connection(session, lambda db: reports.publish(session, period, db=db))


class ReportsPage(MainPage):
    """`finished(report or error)` when a preparation that wasn't cancelled ends (for tests)."""

    finished = Signal(object)

    def __init__(self, session: Session, bus: ChangeBus, present: Present,
                 parent: QWidget | None = None, *, today: date | None = None) -> None:
        super().__init__(session, bus, present, parent)
        self.report: Report | None = None
        self._delivery: _Delivery | None = None
        # Replaceable in tests: the platform's own save dialog, and the question
        # asked before publishing.
        self.choose_save_path: Callable[..., tuple[str, str]] = QFileDialog.getSaveFileName
        self.confirm_publish: Callable[[str], bool] = self._ask_to_publish
        self._period: Period | None = None

        # The same size and place as every other page's heading.
        self.header = PageHeader(self.tr("Reports"))
        self.heading = self.header.title

        self.picker = PeriodPicker(clock.today(today))
        self.prepare_button = QPushButton(self.tr("&Prepare report"))
        self.prepare_button.setToolTip(self.tr("Count the figures for this period (Ctrl+R)"))
        self.prepare_button.setAccessibleName(self.tr("Prepare report"))
        self.settings_button = QPushButton(self.tr("Report se&ttings…"))
        self.settings_button.setAccessibleName(self.tr("Report settings"))
        choose_row = QHBoxLayout()
        choose_row.addWidget(self.picker, 1)
        choose_row.addWidget(self.prepare_button)
        choose_row.addWidget(self.settings_button)

        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b71c1c;")
        self.problem.setAccessibleName(self.tr("Problem with the period"))
        self.problem.hide()

        self.busy = QProgressBar()
        self.busy.setRange(0, 0)  # no steps to count: a moving bar while it works
        self.busy.setTextVisible(False)
        self.busy.setAccessibleName(self.tr("Preparing the report"))
        self.busy_label = QLabel(self.tr("Preparing the report…"))
        self.cancel_button = QPushButton(self.tr("&Cancel"))
        self.cancel_button.setAccessibleName(self.tr("Cancel preparing the report"))
        self.busy_row = QWidget()
        busy_layout = QHBoxLayout(self.busy_row)
        busy_layout.setContentsMargins(0, 0, 0, 0)
        busy_layout.addWidget(self.busy_label)
        busy_layout.addWidget(self.busy, 1)
        busy_layout.addWidget(self.cancel_button)
        self.busy_row.hide()

        self.preview = QTextBrowser()
        self.preview.setOpenLinks(False)
        self.preview.setTabChangesFocus(True)  # Tab moves on to the Save buttons
        self.preview.setAccessibleName(self.tr("Report preview"))
        self.preview.setPlaceholderText(self.tr(
            "Choose a period and press Prepare report. The figures appear here exactly as "
            "they will be printed: small counts hidden, no names."))

        self.save_pdf_button = QPushButton(self.tr("Save P&DF…"))
        self.save_pdf_button.setAccessibleName(self.tr("Save the report as PDF"))
        self.save_csv_button = QPushButton(self.tr("Save C&SV…"))
        self.save_csv_button.setAccessibleName(self.tr("Save the report's tables as CSV"))
        self.print_button = QPushButton(self.tr("P&rint…"))
        self.print_button.setAccessibleName(self.tr("Print the report"))
        self.publish_button = QPushButton(self.tr("P&ublish…"))
        self.publish_button.setAccessibleName(self.tr("Publish the report"))
        self.publish_button.setToolTip(self.tr(
            "Record this report as published, so it prints the same figures every time. "
            "A preview is marked 'not for publication' on every page."))
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Report status"))
        output_row = QHBoxLayout()
        for button in (self.publish_button, self.save_pdf_button, self.save_csv_button,
                       self.print_button):
            output_row.addWidget(button)
        output_row.addWidget(self.status, 1)

        self.history_label = QLabel(self.tr("Published reports"))
        self.history = ReleaseHistory()
        self.history.setMaximumHeight(150)

        layout = page_layout(self, self.header)
        layout.addLayout(choose_row)
        layout.addWidget(self.problem)
        layout.addWidget(self.busy_row)
        layout.addWidget(self.preview, 1)
        layout.addLayout(output_row)
        layout.addWidget(self.history_label)
        layout.addWidget(self.history)

        shortcut = QShortcut(QKeySequence("Ctrl+R"), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.prepare)
        self.picker.changed.connect(self._period_changed)
        self.prepare_button.clicked.connect(self.prepare)
        self.settings_button.clicked.connect(self.open_settings)
        self.cancel_button.clicked.connect(self.cancel)
        self.save_pdf_button.clicked.connect(self.save_pdf)
        self.save_csv_button.clicked.connect(self.save_csv)
        self.print_button.clicked.connect(self.print_report)
        self.publish_button.clicked.connect(self.publish)
        self._update_buttons()
        self.refresh_history()

    # -- state ----------------------------------------------------------------------

    @property
    def preparing(self) -> bool:
        return self._delivery is not None

    def _update_buttons(self) -> None:
        signed_in = self.session is not None
        ready = signed_in and self.report is not None and not self.preparing
        self.prepare_button.setEnabled(signed_in and not self.preparing)
        self.settings_button.setEnabled(signed_in and not self.preparing)
        self.picker.setEnabled(signed_in and not self.preparing)
        for button in (self.save_pdf_button, self.save_csv_button, self.print_button):
            button.setEnabled(ready)
        # Only a preview can be published (a published report already is), and
        # only for a period that may be published.
        why_not = why_not_publishable(self._period) if self._period is not None else ""
        self.publish_button.setEnabled(ready and self.report is not None
                                       and self.report.preview and not why_not)
        self.publish_button.setToolTip(why_not or self.tr(
            "Record this report as published, so it prints the same figures every time. "
            "A preview is marked 'not for publication' on every page."))

    def _show_report(self, report: Report | None) -> None:
        self.report = report
        if report is None:
            self.preview.clear()
        else:
            self.preview.setDocument(report_document(report))
        self._update_buttons()

    def _period_changed(self) -> None:
        problem = self.picker.problem()
        self.problem.setText(problem)
        self.problem.setVisible(bool(problem))

    def refresh_history(self) -> None:
        if self.session is None:
            self.history.clear()
            return
        try:
            self.history.show_releases(reports.release_history(self.session))
        except PeerDeskError as exc:
            show_error(self, exc)

    def clear_data(self) -> None:
        """Locking: abandon any preparation and empty the preview (its worker just ends)."""
        self.session = None
        self._abandon()
        self._show_report(None)
        self.history.clear()
        self.status.clear()
        self.problem.hide()

    def _abandon(self) -> None:
        if self._delivery is not None:
            self._delivery.deleteLater()  # disconnects it: a late answer goes nowhere
            self._delivery = None
        self.busy_row.hide()
        self._update_buttons()

    # -- preparing ----------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter in the period fields prepares, as in a form; the preview keeps its own keys.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not self.preview.hasFocus():
            self.prepare()
            return
        super().keyPressEvent(event)

    def prepare(self) -> None:
        session = self.session
        if session is None or self.preparing:
            return
        try:
            period = self.picker.period()
        except ValidationError as exc:
            self.problem.setText(exc.user_message)
            self.problem.show()
            return
        self.problem.hide()
        self.status.clear()
        self._show_report(None)
        self._period = period
        self.cancel_button.setEnabled(True)
        self._start(build_in_background(session, period),
                    self.tr("Preparing the report for %s…") % period.label)

    def _start(self, work: Callable[..., object], text: str) -> None:
        delivery = _Delivery(self)
        job = BackgroundJob(work, name="peerdesk-report")
        job.succeeded.connect(delivery.succeeded)
        job.failed.connect(delivery.failed)
        self._delivery = delivery
        self.busy_label.setText(text)
        self.busy_row.show()
        self._update_buttons()
        self.cancel_button.setFocus()
        job.start()

    def cancel(self) -> None:
        """Stop waiting: the worker finishes on its own and its report is thrown away."""
        if self.preparing:
            self._abandon()
            self.status.setText(self.tr("Cancelled: no report was prepared."))
            self.prepare_button.setFocus()

    def _delivered(self, delivery: _Delivery, outcome: object) -> None:
        if delivery is not self._delivery:
            return  # cancelled or locked meanwhile
        self._delivery = None
        delivery.deleteLater()
        self.busy_row.hide()
        if isinstance(outcome, Report):
            self._show_report(outcome)
            self.status.setText(self.tr("Prepared: %s. This is a preview, not for "
                                        "publication.") % outcome.period_label)
            self.bus.changed.emit(change_bus.AUDIT)
            self.save_pdf_button.setFocus()
        elif isinstance(outcome, Publication):
            self._show_report(outcome.report)
            self.status.setText(publication_said(outcome, self.tr("Published release %s.")))
            self.refresh_history()
            self.bus.changed.emit(change_bus.AUDIT)
            self.save_pdf_button.setFocus()
        else:
            self._update_buttons()
            if isinstance(outcome, BaseException):
                show_error(self, outcome, self.tr("Report not prepared"))
        self.finished.emit(outcome)

    # -- publishing -----------------------------------------------------------------

    def _ask_to_publish(self, label: str) -> bool:
        from PySide6.QtWidgets import QMessageBox

        answer = QMessageBox.question(
            self, self.tr("Publish the report"),
            self.tr("Publish the report for %s?\n\nIt is recorded in the vault as a release: "
                    "publishing this period again prints the same figures, and figures that "
                    "change later come out only as a numbered revision.") % label)
        return answer == QMessageBox.StandardButton.Yes

    def publish(self) -> None:
        session, period = self.session, self._period
        if session is None or period is None or self.preparing or self.report is None:
            return
        if not self.confirm_publish(period.label):
            return
        self.status.clear()
        self._start(publish_in_background(session, period),
                    self.tr("Publishing the report for %s…") % period.label)
        # A publication is one act in the vault: once begun it is seen through.
        self.cancel_button.setEnabled(False)

    # -- settings -------------------------------------------------------------------

    def open_settings(self) -> ReportSettingsDialog | None:
        if self.session is None:
            return None
        try:
            dialog = ReportSettingsDialog(self.session, self)
        except PeerDeskError as exc:
            show_error(self, exc)
            return None
        dialog.saved.connect(self._settings_saved)
        self.present(dialog)
        return dialog

    def _settings_saved(self) -> None:
        self.bus.changed.emit(change_bus.AUDIT)
        if self.report is not None:
            self.status.setText(self.tr("Settings saved. Prepare the report again to use "
                                        "them."))

    # -- saving and printing --------------------------------------------------------

    def _save_path(self, suffix: str, title: str, kinds: str) -> Path | None:
        assert self.report is not None
        suggested = Path.home() / f"{file_stem(self.report)}.{suffix}"
        chosen, _filter = self.choose_save_path(self, title, str(suggested), kinds)
        return chosen_save_path(chosen, suffix)

    def save_pdf(self) -> None:
        self._save("pdf", self.tr("Save the report as PDF"), self.tr("PDF files (*.pdf)"))

    def save_csv(self) -> None:
        self._save("csv", self.tr("Save the report's tables as CSV"),
                   self.tr("CSV files (*.csv)"))

    def _save(self, suffix: str, title: str, kinds: str) -> None:
        if self.session is None or self.report is None:
            return
        path = self._save_path(suffix, title, kinds)
        # The dialog ran an event loop: a lock may have cleared everything meanwhile.
        session, report = self.session, self.report
        if path is None or session is None or report is None:
            return
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            if suffix == "pdf":
                pages = reports.save_pdf(session, report, path)
                done = self.tr("Saved %s (%d pages).") % (path.name, pages)
            else:
                reports.save_csv(session, report, path)
                done = self.tr("Saved %s.") % path.name
        except PeerDeskError as exc:
            QApplication.restoreOverrideCursor()
            show_error(self, exc, self.tr("Report not saved"))
            return
        QApplication.restoreOverrideCursor()
        self.status.setText(done)
        self.bus.changed.emit(change_bus.AUDIT)

    def print_report(self) -> bool:
        """Print through the platform's dialog; True if it was sent to the printer."""
        if self.session is None or self.report is None:
            return False
        # The print queue's name for it: no names, no period.
        printer = ask_for_printer(self, self.tr("Print the report"), doc_name="PeerDesk report",
                                  page_size=self.report.page_size)
        session, report = self.session, self.report
        if printer is None or session is None or report is None:
            return False
        try:
            # Quotes as they stand at this moment (a consent withdrawn since it was built).
            report = reports.for_printing(session, report)
            report_document(report).print_(printer)
            reports.record_printed(session, report)
        except PeerDeskError as exc:
            show_error(self, exc)
            return False
        self.status.setText(self.tr("Sent to the printer."))
        self.bus.changed.emit(change_bus.AUDIT)
        return True
