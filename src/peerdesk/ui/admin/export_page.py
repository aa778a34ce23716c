"""Admin › Export: the whole centre in open formats, in a passphrase-encrypted zip.

For programme leads (everything) and administrators (the main database only,
which this page says before they start). The export runs on a worker thread
with its own connection; a progress dialog shows how far it is and can stop it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from peerdesk.domain.errors import PeerDeskError, ValidationError
from peerdesk.domain.validation import PASSPHRASE_MIN, passphrase_problem
from peerdesk.services import export
from peerdesk.services.export import ExportCancelled, ExportProgress, ExportResult
from peerdesk.services.session import Session
from peerdesk.ui import change_bus
from peerdesk.ui.admin.backup_text import size_text
from peerdesk.ui.admin.setting_parts import result_line
from peerdesk.ui.background_job import BackgroundJob
from peerdesk.ui.change_bus import ChangeBus
from peerdesk.ui.errors import message_for, show_error
from peerdesk.ui.fields import error_label, password_edit, set_message
from peerdesk.ui.peers.forms import muted
from peerdesk.ui.theme import colour

ChooseSavePath = Callable[..., tuple[str, str]]


class _Relay(QObject):
    """Carries progress from the worker to the dialog (queued onto the GUI thread)."""

    step = Signal(int, int, str)


class ExportPage(QWidget):
    """`export_finished(result or error)` after each export, for whoever waits on it."""

    export_finished = Signal(object)

    def __init__(self, session: Session, bus: ChangeBus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session: Session | None = session
        self.bus = bus
        self.job: BackgroundJob | None = None
        self.cancel: threading.Event | None = None
        self.progress_dialog: QProgressDialog | None = None
        self.relay = _Relay(self)
        self.relay.step.connect(self._progress)
        # Replaceable in tests: the save dialog is the platform's own.
        self.choose_save_path: ChooseSavePath = QFileDialog.getSaveFileName

        self.what = QLabel()
        self.what.setWordWrap(True)
        self.what.setAccessibleName(self.tr("What the export holds"))
        self.passphrase = password_edit(
            self.tr("At least {n} characters: four or five words, or a suggestion").format(
                n=PASSPHRASE_MIN))
        self.passphrase.setAccessibleName(self.tr("Export passphrase"))
        self.passphrase_error = error_label()
        self.confirm = password_edit()
        self.confirm.setAccessibleName(self.tr("Type the passphrase again"))
        self.confirm_error = error_label()
        self.suggest_button = QPushButton(self.tr("S&uggest one"))
        self.suggestion = result_line(self.tr("Suggested passphrase"), shown=False)
        phrase_row = QHBoxLayout()
        phrase_row.addWidget(self.passphrase, 1)
        phrase_row.addWidget(self.suggest_button)
        # Each field with its messages under it (a hidden form row still takes space).
        phrase_column = QVBoxLayout()
        phrase_column.setSpacing(2)
        phrase_column.addLayout(phrase_row)
        phrase_column.addWidget(self.passphrase_error)
        phrase_column.addWidget(self.suggestion)
        confirm_column = QVBoxLayout()
        confirm_column.setSpacing(2)
        confirm_column.addWidget(self.confirm)
        confirm_column.addWidget(self.confirm_error)
        form = QFormLayout()
        label = QLabel(self.tr("&Passphrase:"))
        label.setBuddy(self.passphrase)
        form.addRow(label, phrase_column)
        confirm_label = QLabel(self.tr("&Again:"))
        confirm_label.setBuddy(self.confirm)
        form.addRow(confirm_label, confirm_column)

        self.export_button = QPushButton(self.tr("&Export everything…"))
        actions = QHBoxLayout()
        actions.addWidget(self.export_button)
        actions.addStretch(1)
        self.result = result_line(self.tr("Export result"))
        hint = muted(self.tr(
            "The export is a zip file encrypted with AES-256: 7-Zip, PeaZip, WinZip or Keka "
            "open it with the passphrase (the zip support built into Windows can't). Inside: "
            "one spreadsheet (CSV) per table, one JSON file with everything, a data "
            "dictionary saying what every column means, and a README. It is not "
            "anonymised: keep it as carefully as the vault, and keep the passphrase apart "
            "from it. Without the passphrase nobody can open it, not even PeerDesk. The "
            "export is recorded in the audit log."))

        layout = QVBoxLayout(self)
        layout.addWidget(self.what)
        layout.addLayout(form)
        layout.addLayout(actions)
        layout.addWidget(self.result)
        layout.addStretch(1)
        layout.addWidget(hint)

        self.suggest_button.clicked.connect(self.suggest)
        self.export_button.clicked.connect(self.start_export)
        self.passphrase.textChanged.connect(lambda _t: set_message(self.passphrase_error, None))
        self.confirm.textChanged.connect(lambda _t: set_message(self.confirm_error, None))
        bus.changed.connect(self._on_changed)
        self._describe()

    # -- what this person's export holds ----------------------------------------------------

    def _describe(self) -> None:
        if self.session is None:
            self.what.clear()
            return
        try:
            databases = export.export_databases(self.session)
        except PeerDeskError as exc:
            self.what.setText(exc.user_message)
            self.export_button.setEnabled(False)
            return
        if len(databases) > 1:
            self.what.setText(self.tr(
                "Export everything the centre holds — peers' records, sessions and notes, "
                "groups and attendance, referrals, ratings, staff, settings and the audit "
                "log — in open formats any spreadsheet or database can read, for moving to "
                "another system or archiving."))
        else:
            self.what.setText(self.tr(
                "Your export will hold the main database only: the centre's settings, the "
                "staff accounts and the audit log. Administrators hold no key to peers' "
                "records, so no peer's record, session or note can be in it. A programme "
                "lead's export holds everything."))
        self._update_buttons()

    def _on_changed(self, topic: str) -> None:
        if topic == change_bus.STAFF and self.job is None:
            self._describe()

    def clear_data(self) -> None:
        """Locking: forget the session and the typed passphrase; stop a running export
        (its keys are about to be wiped, so it could not be recorded)."""
        self.session = None
        if self.cancel is not None:
            self.cancel.set()
        for edit in (self.passphrase, self.confirm):
            edit.clear()
        set_message(self.suggestion, None)
        self.result.clear()
        self.what.clear()
        self._close_progress()
        self._update_buttons()

    def _update_buttons(self) -> None:
        usable = self.session is not None and self.job is None
        self.export_button.setEnabled(usable)
        self.suggest_button.setEnabled(usable)

    # -- passphrase ---------------------------------------------------------------------------

    def suggest(self) -> None:
        name = self.session.staff.name if self.session is not None else ""
        phrase = export.suggest_passphrase(name)
        self.passphrase.setText(phrase)
        self.confirm.setText(phrase)
        set_message(self.suggestion, self.tr(
            "Suggested: {phrase} — write it down now and keep it apart from the export; "
            "it is not shown again.").format(phrase=phrase))

    def _passphrase_ok(self) -> bool:
        name = self.session.staff.name if self.session is not None else ""
        found = passphrase_problem(self.passphrase.text(), account_name=name)
        problem = found.text if found else None
        set_message(self.passphrase_error, problem)
        mismatch = None
        if problem is None and self.confirm.text() != self.passphrase.text():
            mismatch = self.tr("The two passphrases are not the same.")
        set_message(self.confirm_error, mismatch)
        if problem:
            self.passphrase.setFocus()
        elif mismatch:
            self.confirm.setFocus()
        return problem is None and mismatch is None

    # -- exporting ------------------------------------------------------------------------------

    def start_export(self) -> None:
        session = self.session
        if session is None or self.job is not None or not self._passphrase_ok():
            return
        try:
            export.export_databases(session)
        except PeerDeskError as exc:
            show_error(self, exc, self.tr("Not exported"))
            return
        chosen, _filter = self.choose_save_path(
            self, self.tr("Save the export"), str(Path.home() / "peerdesk-export.zip"),
            self.tr("Encrypted zip (*.zip)"))
        if not chosen:
            return
        out = Path(chosen)
        if out.suffix.lower() != ".zip":
            out = out.with_name(out.name + ".zip")
        passphrase = self.passphrase.text()
        cancel = threading.Event()
        self.cancel = cancel
        self.result.clear()
        dialog = QProgressDialog(self.tr("Exporting…"), self.tr("Stop"), 0, 1000, self)
        dialog.setWindowTitle(self.tr("Exporting"))
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.canceled.connect(cancel.set)
        dialog.show()
        self.progress_dialog = dialog
        relay = self.relay

        def report(step: ExportProgress) -> None:
            relay.step.emit(step.done, step.total, step.text)

        # The platform's save dialog already asked before replacing a file.
        self.job = BackgroundJob(
            lambda _report: export.export_centre(session, out, passphrase, replace=True,
                                                 progress=report, cancel=cancel),
            name="peerdesk-export")
        self.job.succeeded.connect(self._exported)
        self.job.failed.connect(self._failed)
        self._update_buttons()
        self.job.start()

    def _progress(self, done: int, total: int, text: str) -> None:
        dialog = self.progress_dialog
        if dialog is not None and total:
            dialog.setLabelText(self.tr("Exporting {what}…").format(what=text))
            # Last: a modal dialog's setValue runs the event loop, which may
            # deliver the end of the export and close the dialog.
            dialog.setValue(min(1000, done * 1000 // total))

    def _close_progress(self) -> None:
        if self.progress_dialog is not None:
            self.progress_dialog.canceled.disconnect()
            self.progress_dialog.close()
            self.progress_dialog.deleteLater()
            self.progress_dialog = None

    def _exported(self, result: ExportResult) -> None:
        self.job = None
        self.cancel = None
        self._close_progress()
        if self.session is not None:
            for edit in (self.passphrase, self.confirm):
                edit.clear()
            set_message(self.suggestion, None)
            self.result.setStyleSheet(f"color: {colour('#1b5e20', 'window-text')};")
            self.result.setText(self.tr(
                "Saved: {path} ({size}; {tables} tables, {rows} rows), encrypted with the "
                "passphrase.").format(path=result.path, size=size_text(result.size),
                                      tables=result.tables, rows=f"{result.rows:,}"))
            self.bus.changed.emit(change_bus.AUDIT)
        self._update_buttons()
        self.export_finished.emit(result)

    def _failed(self, error: BaseException) -> None:
        self.job = None
        self.cancel = None
        self._close_progress()
        if self.session is not None:
            self.result.setStyleSheet(f"color: {colour('#b71c1c', 'window-text')};")
            self.result.setText(self.tr("No export was saved. {reason}").format(
                reason=message_for(error)))
            if isinstance(error, ValidationError) and error.field in ("passphrase", "confirm"):
                set_message(self.passphrase_error, error.user_message)
            elif not isinstance(error, ExportCancelled):
                show_error(self, error, self.tr("Not exported"))
        self._update_buttons()
        self.export_finished.emit(error)
