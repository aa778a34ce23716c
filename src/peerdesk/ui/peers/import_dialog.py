"""Import from spreadsheet: choose a CSV, check the column mapping, see every problem, import.

Reading and checking the file, and writing it, run on a background thread
(a big sheet takes a while); the writing uses its own connection to the
vault. The Import button is only enabled when the last check found no
problem, and the service checks again that the file has not changed since.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QProgressDialog,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from peerdesk.domain.errors import PeerDeskError
from peerdesk.domain.import_columns import FIELDS, Mapping
from peerdesk.domain.staff import Permission
from peerdesk.services import importer
from peerdesk.services.clock import today
from peerdesk.services.importer import ImportPreview, ImportResult
from peerdesk.services.session import Session
from peerdesk.ui.background_job import BackgroundJob, Work
from peerdesk.ui.errors import message_for, show_error
from peerdesk.ui.i18n import plural
from peerdesk.ui.peers.forms import muted


def _percent(done: int, total: int) -> int:
    return min(100, done * 100 // total) if total else 100


class ImportDialog(QDialog):
    """Emits `imported(ImportResult)` after a successful import."""

    imported = Signal(object)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.path: Path | None = None
        self.preview: ImportPreview | None = None
        self.job: BackgroundJob | None = None
        self.progress_dialog: QProgressDialog | None = None
        self._recheck = False
        self.setWindowTitle(self.tr("Import from a spreadsheet"))
        self.resize(1000, 720)

        self.file = QLineEdit()
        self.file.setReadOnly(True)
        self.file.setAccessibleName(self.tr("Spreadsheet file"))
        self.file.setPlaceholderText(self.tr("A spreadsheet saved as CSV"))
        self.choose = QPushButton(self.tr("&Choose file…"))
        self.guide_button = QPushButton(self.tr("Import &guide (F1)"))
        self.summary = muted(self.tr(
            "Choose the spreadsheet, saved as CSV. Every row is checked first; if any row "
            "has a problem, nothing is imported. The columns are described in the import "
            "guide that comes with PeerDesk (F1), with a template to start from."))

        self.mapping_table = QTableWidget(len(FIELDS), 2)
        self.mapping_table.setAccessibleName(self.tr("Column mapping"))
        self.mapping_table.setHorizontalHeaderLabels([self.tr("PeerDesk field"),
                                                      self.tr("Column in the file")])
        self.mapping_table.verticalHeader().setVisible(False)
        self.mapping_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.mapping_table.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents)
        self.mapping_table.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.Stretch)
        self.mapping_table.setMinimumWidth(
            self.fontMetrics().horizontalAdvance("Peer key (the old spreadsheet's id) "
                                                 "(required)") + 240)
        self.combos: dict[str, QComboBox] = {}
        for row, field in enumerate(FIELDS):
            label = field.label + (self.tr(" (required)") if field.required else "")
            self.mapping_table.setItem(row, 0, QTableWidgetItem(label))
            combo = QComboBox()
            combo.setAccessibleName(field.label)
            combo.setEnabled(False)
            combo.currentIndexChanged.connect(self._mapping_changed)
            self.combos[field.key] = combo
            self.mapping_table.setCellWidget(row, 1, combo)

        self.rows_table = QTableWidget()
        self.rows_table.setAccessibleName(self.tr("First rows of the file"))
        self.rows_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.rows_table.setWordWrap(False)
        self.problems = QListWidget()
        self.problems.setAccessibleName(self.tr("Problems"))
        self.problems_label = QLabel(self.tr("Problems"))

        self.buttons = QDialogButtonBox()
        self.import_button = self.buttons.addButton(self.tr("&Import"),
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setEnabled(False)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Close)

        top = QHBoxLayout()
        top.addWidget(self.file, 1)
        top.addWidget(self.choose)
        top.addWidget(self.guide_button)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(QLabel(self.tr("First rows")))
        lower_layout.addWidget(self.rows_table, 2)
        lower_layout.addWidget(self.problems_label)
        lower_layout.addWidget(self.problems, 1)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.mapping_table)
        split.addWidget(lower)
        split.setSizes([480, 520])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(split, 1)
        layout.addWidget(self.buttons)

        self.choose.clicked.connect(self.choose_file)
        self.guide_button.clicked.connect(self.show_guide)
        QShortcut(QKeySequence("F1"), self, self.show_guide)
        self.import_button.clicked.connect(self.start_import)
        self.buttons.rejected.connect(self.reject)

    # -- choosing and checking ------------------------------------------------------------

    def show_guide(self) -> QWidget:
        """The import guide, shipped with PeerDesk, beside this dialog."""
        from peerdesk.ui.help_window import IMPORT_GUIDE, show_help

        return show_help(self, IMPORT_GUIDE)

    def choose_file(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Choose the spreadsheet"), "",
            self.tr("Spreadsheets saved as CSV (*.csv *.txt *.tsv);;All files (*)"))
        if name:
            self.load(Path(name))

    def load(self, path: Path) -> None:
        """Check a file with the best-guess mapping."""
        self.path = path
        self.file.setText(str(path))
        self.preview = None
        self._check(None)

    def mapping(self) -> Mapping:
        """What the combos say now: field -> column index."""
        chosen: Mapping = {}
        for key, combo in self.combos.items():
            index = combo.currentData()
            if isinstance(index, int):
                chosen[key] = index
        return chosen

    def _mapping_changed(self) -> None:
        changed = self.sender()
        index = changed.currentData() if isinstance(changed, QComboBox) else None
        if isinstance(index, int):
            # A column holds one field: whichever had it before lets it go.
            for combo in self.combos.values():
                if combo is not changed and combo.currentData() == index:
                    combo.blockSignals(True)
                    combo.setCurrentIndex(0)
                    combo.blockSignals(False)
        if self.preview is not None and self.path is not None:
            self._check(self.mapping())

    def _check(self, mapping: Mapping | None) -> None:
        if self.path is None:
            return
        if self.job is not None:
            self._recheck = True  # check again with the latest mapping when this one ends
            return
        self._recheck = False
        self.import_button.setEnabled(False)
        path, session = self.path, self.session
        try:
            session.require(Permission.IMPORT_DATA)
            staff = importer.staff_directory(session)
            plans = importer.plans_for(session)
        except PeerDeskError as exc:
            show_error(self, exc)
            return
        when, me = today(), session.staff.id
        # Translated here: the worker thread only fills it in.
        template = self.tr("Checking rows… {percent}%")

        def work(report: Callable[[str], None]) -> ImportPreview:
            def progress(done: int, total: int) -> None:
                report(template.format(percent=_percent(done, total)))
            return importer.check_file(path, staff=staff, importer_id=me, today=when,
                                       mapping=mapping, progress=progress, plans=plans)

        self._start(work, self.tr("Checking the file…"), self._checked, self._check_failed)

    def _checked(self, preview: ImportPreview) -> None:
        self._finish_job()
        if preview.path != self.path:
            self._check(None)  # another file was chosen meanwhile
            return
        if self._recheck and self.preview is not None:
            # The mapping changed while this check ran: it is already out of date, and
            # showing it would put the combos back as they were.
            self._check(self.mapping())
            return
        self.preview = preview
        self._show_preview(preview)

    def _check_failed(self, error: BaseException) -> None:
        self._finish_job()
        self.preview = None
        self._show_refusal(message_for(error))

    # -- showing ----------------------------------------------------------------------------

    def _show_preview(self, preview: ImportPreview) -> None:
        for key, combo in self.combos.items():
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("(not used)"), None)
            for index, heading in enumerate(preview.headers):
                combo.addItem(heading or self.tr("(column {n})").format(n=index + 1), index)
            chosen = preview.mapping.get(key)
            combo.setCurrentIndex(0 if chosen is None else chosen + 1)
            combo.setEnabled(True)
            combo.blockSignals(False)
        self.rows_table.clear()
        self.rows_table.setColumnCount(len(preview.headers))
        self.rows_table.setHorizontalHeaderLabels(preview.headers)
        self.rows_table.setRowCount(len(preview.first_rows))
        # Numbered as the spreadsheet numbers them, as the problems are.
        self.rows_table.setVerticalHeaderLabels([str(n) for n in preview.first_lines])
        for r, cells in enumerate(preview.first_rows):
            for c, text in enumerate(cells[:len(preview.headers)]):
                # One line per cell, and never a whole long note.
                shown = " ".join(text.split())
                self.rows_table.setItem(r, c, QTableWidgetItem(
                    shown if len(shown) <= 80 else shown[:79] + "…"))
        self.problems.clear()
        self.problems.addItems([str(p) for p in preview.problems])
        hidden = preview.problem_count - len(preview.problems)
        if hidden:
            self.problems.addItem(self.tr("… and {n} more").format(n=f"{hidden:,}"))
        counts = self.tr("{rows} rows: {peers} peers and {sessions} sessions.").format(
            rows=f"{preview.row_count:,}", peers=f"{preview.peer_count:,}",
            sessions=f"{preview.session_count:,}")
        if preview.ok:
            verdict = self.tr("No problems found: ready to import.")
        else:
            verdict = plural(preview.problem_count, self.tr(
                "{number} problem to correct in the spreadsheet (or in the mapping) before "
                "anything can be imported."), self.tr(
                "{number} problems to correct in the spreadsheet (or in the mapping) before "
                "anything can be imported."), number=f"{preview.problem_count:,}")
        self.summary.setText("\n".join([f"{counts} {verdict}", *map(str, preview.notes)]))
        self.problems_label.setText(self.tr("Problems ({n})").format(
            n=f"{preview.problem_count:,}"))
        self.import_button.setEnabled(preview.ok and self.job is None)

    def _show_refusal(self, message: str) -> None:
        for combo in self.combos.values():
            combo.blockSignals(True)
            combo.clear()
            combo.setEnabled(False)
            combo.blockSignals(False)
        self.rows_table.clear()
        self.rows_table.setRowCount(0)
        self.rows_table.setColumnCount(0)
        self.problems.clear()
        self.problems.addItem(message)
        self.summary.setText(message)
        self.import_button.setEnabled(False)

    # -- importing ----------------------------------------------------------------------------

    def start_import(self) -> None:
        preview, session = self.preview, self.session
        if preview is None or not preview.ok or self.job is not None:
            return
        self.import_button.setEnabled(False)

        template = self.tr("Importing… {percent}%")

        def work(report: Callable[[str], None]) -> ImportResult:
            def progress(done: int, total: int) -> None:
                report(template.format(percent=_percent(done, total)))
            db = session.vault.connect()
            try:
                return importer.apply_import(session, preview, db=db, progress=progress)
            finally:
                db.close()

        self._start(work, self.tr("Importing…"), self._imported, self._import_failed)

    def _imported(self, result: ImportResult) -> None:
        self._finish_job()
        self.imported.emit(result)
        self.summary.setText(plural(
            result.peers, self.tr("Imported {number} peer and {sessions} sessions."),
            self.tr("Imported {number} peers and {sessions} sessions."),
            number=f"{result.peers:,}", sessions=f"{result.sessions:,}"))
        self.accept()

    def _import_failed(self, error: BaseException) -> None:
        self._finish_job()
        show_error(self, error, self.tr("Nothing was imported"))
        self.summary.setText(message_for(error))
        # A try that got as far as writing used the check up (the message says to check again).
        self.import_button.setEnabled(self.preview is not None and self.preview.ok
                                      and not self.preview.spent)

    # -- the background job ----------------------------------------------------------------------

    def _start(self, work: Work, label: str, done: Callable[[Any], None],
               failed: Callable[[BaseException], None]) -> None:
        progress = QProgressDialog(label, "", 0, 0, self)
        progress.setWindowTitle(self.windowTitle())
        progress.setCancelButton(None)
        progress.setMinimumDuration(300)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress_dialog = progress
        self.job = BackgroundJob(work, name="peerdesk-import")
        self.job.progress.connect(progress.setLabelText)
        self.job.succeeded.connect(done)
        self.job.failed.connect(failed)
        self.choose.setEnabled(False)
        self.job.start()

    def _finish_job(self) -> None:
        self.job = None
        self.choose.setEnabled(True)
        if self.progress_dialog is not None:
            self.progress_dialog.close()
            self.progress_dialog.deleteLater()
            self.progress_dialog = None

    @property
    def busy(self) -> bool:
        return self.job is not None
