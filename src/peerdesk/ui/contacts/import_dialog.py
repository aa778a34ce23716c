"""Import a call log: choose the CSV, see every problem by line and column, import all of it.

Checking and writing run on a background thread with a connection of their own;
Import is enabled only when the last check found no problem, and the service
checks again that the file has not changed since.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from peerdesk.services import contact_import
from peerdesk.services.contact_import import CallLogPreview
from peerdesk.services.session import Session
from peerdesk.ui.background_job import BackgroundJob, on_own_connection
from peerdesk.ui.errors import message_for
from peerdesk.ui.i18n import plural
from peerdesk.ui.peers.forms import muted


class ContactImportDialog(QDialog):
    """Emits `imported(count)`."""

    imported = Signal(int)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.preview: CallLogPreview | None = None
        self.job: BackgroundJob | None = None
        # Replaceable in tests: the platform's own file chooser.
        self.choose_path: Callable[..., tuple[str, str]] = QFileDialog.getOpenFileName
        self.setWindowTitle(self.tr("Import a call log"))
        self.resize(760, 520)
        self.file = QLineEdit()
        self.file.setReadOnly(True)
        self.file.setAccessibleName(self.tr("Call log file"))
        self.choose = QPushButton(self.tr("&Choose file…"))
        self.summary = muted(self.tr(
            "A call log kept in a spreadsheet, saved as CSV: one row per contact, with the "
            "headings of the call log template. Every row is checked first; if any has a "
            "problem, nothing is imported."))
        self.problems = QListWidget()
        self.problems.setAccessibleName(self.tr("Problems"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.import_button = self.buttons.addButton(self.tr("&Import"),
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setEnabled(False)
        top = QHBoxLayout()
        top.addWidget(self.file, 1)
        top.addWidget(self.choose)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(QLabel(self.tr("Problems and notes")))
        layout.addWidget(self.problems, 1)
        layout.addWidget(self.buttons)
        self.choose.clicked.connect(self.choose_file)
        self.buttons.rejected.connect(self.reject)
        self.import_button.clicked.connect(self.start_import)

    def choose_file(self) -> None:
        chosen, _kind = self.choose_path(self, self.tr("Choose the call log"), str(Path.home()),
                                         self.tr("CSV files (*.csv *.txt);;All files (*)"))
        if chosen:
            self.load(Path(chosen))

    def _run(self, work: Callable[[Any], Any], done: Callable[[Any], None]) -> None:
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        self.import_button.setEnabled(False)
        self.choose.setEnabled(False)
        self.job = BackgroundJob(work, name="peerdesk-call-log")
        self.job.succeeded.connect(done)
        self.job.failed.connect(self._failed)
        self.job.start()

    def _finish(self) -> None:
        QGuiApplication.restoreOverrideCursor()
        self.job = None
        self.choose.setEnabled(True)

    def load(self, path: Path) -> None:
        self.file.setText(str(path))
        self.preview = None
        self.problems.clear()
        self.summary.setText(self.tr("Checking every row…"))
        session = self.session

        work = on_own_connection(session, lambda db: contact_import.preview(session, path, db=db))
        self._run(work, self._checked)

    def _checked(self, preview: object) -> None:
        self._finish()
        assert isinstance(preview, CallLogPreview)
        self.preview = preview
        for problem in preview.problems:
            self.problems.addItem(str(problem))
        if preview.problem_count > len(preview.problems):
            self.problems.addItem(self.tr("… and {n:,} more.").format(
                n=preview.problem_count - len(preview.problems)))
        for note in preview.notes:
            self.problems.addItem(str(note))
        if preview.ok:
            text = plural(preview.row_count, self.tr("1 contact is ready to import."),
                          self.tr("{n:,} contacts are ready to import."))
            if preview.new_callers:
                text += " " + plural(len(preview.new_callers),
                                     self.tr("1 new known caller will be added."),
                                     self.tr("{n:,} new known callers will be added."))
        else:
            text = plural(preview.problem_count,
                          self.tr("1 problem: nothing can be imported until it is put right "
                                  "in the file."),
                          self.tr("{n:,} problems: nothing can be imported until they are "
                                  "put right in the file."))
        self.summary.setText(text)
        self.import_button.setEnabled(preview.ok)

    def _failed(self, error: object) -> None:
        self._finish()
        self.summary.setText(message_for(error if isinstance(error, BaseException)
                                         else str(error)))

    def start_import(self) -> None:
        preview, session = self.preview, self.session
        if preview is None or not preview.ok or self.job is not None:
            return
        self.summary.setText(self.tr("Importing…"))

        work = on_own_connection(session, lambda db: contact_import.apply(session, preview, db=db))
        self._run(work, self._imported)

    def _imported(self, count: object) -> None:
        self._finish()
        done = int(count) if isinstance(count, int) else 0
        self.summary.setText(plural(done, self.tr("Imported 1 contact."),
                                    self.tr("Imported {n:,} contacts.")))
        self.preview = None
        self.imported.emit(done)
