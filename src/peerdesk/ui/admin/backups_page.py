"""Admin › Backups: where backups go, how many to keep, back up now, and restore."""

from __future__ import annotations

from collections.abc import Callable
from enum import IntEnum
from operator import attrgetter
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from peerdesk.domain.errors import PeerDeskError, ValidationError
from peerdesk.services import backups
from peerdesk.services.backups import BackupFile, BackupResult, BackupSettings, RestoreResult
from peerdesk.services.session import Session
from peerdesk.ui import change_bus
from peerdesk.ui.admin.backup_text import counts_text, size_text
from peerdesk.ui.admin.restore_dialog import RestoreDialog
from peerdesk.ui.admin.setting_parts import result_line
from peerdesk.ui.background_job import BackgroundJob
from peerdesk.ui.change_bus import ChangeBus
from peerdesk.ui.errors import message_for, read_service, show_error
from peerdesk.ui.fields import error_label, set_message, warning_label
from peerdesk.ui.i18n import QT_TRANSLATE_NOOP
from peerdesk.ui.page_header import MainPage, Present
from peerdesk.ui.peers.forms import muted
from peerdesk.ui.table_model import ROW_ROLE, Column, RowTableModel, sorting_filter
from peerdesk.ui.table_view import list_view
from peerdesk.ui.theme import colour
from peerdesk.ui.timefmt import local_time

BackupColumn = IntEnum("BackupColumn", "TAKEN SIZE NAME", start=0)


class BackupModel(RowTableModel[BackupFile]):
    columns = (
        Column(QT_TRANSLATE_NOOP("TableHeader", "Taken"),
               lambda r: r.taken.strftime("%Y-%m-%d %H:%M:%S"),
               sort=lambda r: r.taken.isoformat(), fit=True),
        Column(QT_TRANSLATE_NOOP("TableHeader", "Size"), lambda r: size_text(r.size),
               sort=attrgetter("size"), fit=True),
        Column(QT_TRANSLATE_NOOP("TableHeader", "File"), lambda r: r.path.name, stretch=True),
    )


class BackupsPage(MainPage):
    """`backup_finished(result or error)` after each Back up now, for whoever waits on it."""

    backup_finished = Signal(object)

    def __init__(self, session: Session, bus: ChangeBus, present: Present,
                 parent: QWidget | None = None) -> None:
        super().__init__(session, bus, present, parent)
        self.job: BackgroundJob | None = None
        self.progress_dialog: QProgressDialog | None = None
        # Replaceable in tests: the folder chooser is the platform's own dialog.
        self.choose_directory: Callable[[QWidget, str, str], str] = (
            QFileDialog.getExistingDirectory)

        self.folder = QLineEdit()
        self.folder.setReadOnly(True)
        self.folder.setPlaceholderText(
            self.tr("No folder chosen yet: a USB stick is a good place"))
        self.folder.setAccessibleName(self.tr("Backup folder"))
        self.choose_button = QPushButton(self.tr("C&hoose folder…"))
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(self.choose_button)
        self.keep = QSpinBox()
        self.keep.setRange(1, backups.MAX_KEEP)
        self.keep.setSuffix(self.tr(" backups"))
        self.keep.setAccessibleName(self.tr("Backups to keep"))
        self.auto = QCheckBox(
            self.tr("Back up &automatically once a day, when someone first signs in"))
        # Never on without a folder: the message says so beside the box.
        self.auto_error = error_label()
        self.auto_error.setAccessibleName(self.tr("Automatic backup message"))
        self.no_folder_warning = warning_label(self.tr(
            "Automatic backup is switched on but no folder is chosen, so no backups are being "
            "made. Choose a folder."))
        self.save_button = QPushButton(self.tr("&Save settings"))
        self.keep.setMaximumWidth(140)
        save_row = QHBoxLayout()
        save_row.addWidget(self.save_button)
        save_row.addStretch(1)
        form = QFormLayout()
        folder_label = QLabel(self.tr("&Folder:"))
        folder_label.setBuddy(self.folder)
        form.addRow(folder_label, folder_row)
        form.addRow(self.tr("&Keep the newest:"), self.keep)
        form.addRow("", self.auto)
        form.addRow("", self.auto_error)
        form.addRow("", save_row)

        self.last = QLabel()
        self.last.setAccessibleName(self.tr("Last backup"))
        self.result = result_line(self.tr("Backup result"))
        self.back_up_button = QPushButton(self.tr("Back &up now"))
        self.restore_button = QPushButton(self.tr("&Restore…"))
        actions = QHBoxLayout()
        actions.addWidget(self.back_up_button)
        actions.addWidget(self.restore_button)
        actions.addStretch(1)

        self.model = BackupModel(self)
        self.proxy = sorting_filter(self.model, self)
        self.table = list_view(self.proxy, self.tr("Backups in the folder"), sorting=True)
        self.table.sortByColumn(BackupColumn.TAKEN, Qt.SortOrder.DescendingOrder)

        hint = muted(self.tr("Each backup is encrypted like the vault: the same passwords and "
                             "the recovery key open it. It is checked after writing. Restoring "
                             "makes a new vault beside this one; this vault is never written "
                             "over."))

        layout = QVBoxLayout(self)
        layout.addWidget(self.no_folder_warning)
        layout.addLayout(form)
        layout.addLayout(actions)
        layout.addWidget(self.last)
        layout.addWidget(self.result)
        layout.addWidget(QLabel(self.tr("Backups in this folder:")))
        layout.addWidget(self.table, 1)
        layout.addWidget(hint)

        self.choose_button.clicked.connect(self.choose_folder)
        self.save_button.clicked.connect(self.save_settings)
        self.keep.valueChanged.connect(self._edited)
        self.auto.toggled.connect(self._auto_toggled)
        self.back_up_button.clicked.connect(self.back_up_now)
        self.restore_button.clicked.connect(self.restore)
        self.table.doubleClicked.connect(lambda _index: self.restore())
        bus.changed.connect(self._on_changed)
        self.reload()

    # -- data ---------------------------------------------------------------------

    def reload(self) -> None:
        read = read_service(self, self.session, lambda session: (
            backups.backup_settings(session), backups.last_backup_at(session),
            backups.auto_switched_on_without_folder(session)))
        if read is None:
            return
        settings, last, stranded = read
        self._show_settings(settings)
        self.no_folder_warning.setVisible(stranded)
        self.last.setText(self.tr("Last backup: {when}").format(
            when=local_time(last.isoformat()) if last else self.tr("none yet")))
        self.reload_list()

    def reload_list(self) -> None:
        if self.session is None:
            return
        folder = self.chosen_folder()
        try:
            found = backups.list_backups(self.session, folder) if folder else []
        except PeerDeskError as exc:
            show_error(self, exc)
            found = []
        self.model.set_rows(found)
        self._update_buttons()

    def _show_settings(self, settings: BackupSettings) -> None:
        for widget in (self.keep, self.auto):
            widget.blockSignals(True)
        self.folder.setText(str(settings.folder) if settings.folder else "")
        self.keep.setValue(settings.keep)
        self.auto.setChecked(settings.auto)
        for widget in (self.keep, self.auto):
            widget.blockSignals(False)
        self.save_button.setEnabled(False)

    def clear_data(self) -> None:
        """Locking: forget the session and every row (a running backup still finishes)."""
        self.session = None
        self.model.clear()
        self.folder.clear()
        self.last.clear()
        self.result.clear()
        self._close_progress()
        self._update_buttons()

    def _on_changed(self, topic: str) -> None:
        if topic == change_bus.AUDIT and self.job is None:
            self.reload_list()

    def chosen_folder(self) -> Path | None:
        text = self.folder.text().strip()
        return Path(text) if text else None

    def selected(self) -> BackupFile | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        found = rows[0].data(ROW_ROLE)
        return found if isinstance(found, BackupFile) else None

    def _update_buttons(self) -> None:
        usable = self.session is not None and self.job is None
        self.choose_button.setEnabled(usable)
        self.back_up_button.setEnabled(usable and self.chosen_folder() is not None)
        self.restore_button.setEnabled(usable)
        if self.session is None:
            self.save_button.setEnabled(False)

    # -- settings ---------------------------------------------------------------------

    def _edited(self, *_args: object) -> None:
        self.save_button.setEnabled(self.session is not None)

    def _auto_toggled(self, on: bool) -> None:
        if on and self.chosen_folder() is None:
            self.auto.blockSignals(True)
            self.auto.setChecked(False)
            self.auto.blockSignals(False)
            set_message(self.auto_error, self.tr("Choose a folder first: automatic backups "
                                                 "need somewhere to go."))
            return
        set_message(self.auto_error, None)
        self._edited()

    def choose_folder(self) -> None:
        start = self.folder.text() or str(Path.home())
        chosen = self.choose_directory(self, self.tr("Choose the backup folder"), start)
        if chosen:
            self.set_folder(Path(chosen))

    def set_folder(self, folder: Path) -> None:
        first = self.chosen_folder() is None
        self.folder.setText(str(folder))
        if first:  # the first folder: daily backups start, as most centres want
            self.auto.blockSignals(True)
            self.auto.setChecked(True)
            self.auto.blockSignals(False)
            set_message(self.auto_error, None)
        self._edited()
        self.save_settings()

    def save_settings(self) -> None:
        if self.session is None:
            return
        settings = BackupSettings(folder=self.chosen_folder(), keep=self.keep.value(),
                                  auto=self.auto.isChecked())
        try:
            backups.save_backup_settings(self.session, settings)
        except ValidationError as exc:
            if exc.field == "auto":
                set_message(self.auto_error, exc.user_message)
            else:
                show_error(self, exc)
            return
        except PeerDeskError as exc:
            show_error(self, exc)
            return
        self.save_button.setEnabled(False)
        self.no_folder_warning.setVisible(False)
        self.bus.changed.emit(change_bus.AUDIT)
        self.reload_list()

    # -- back up now --------------------------------------------------------------------

    def back_up_now(self) -> None:
        session, folder = self.session, self.chosen_folder()
        if session is None or folder is None or self.job is not None:
            return
        keep = self.keep.value()
        self.result.clear()
        progress = QProgressDialog(self.tr("Backing up…"), "", 0, 0, self)
        progress.setWindowTitle(self.tr("Backing up"))
        progress.setCancelButton(None)
        progress.setMinimumDuration(0)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.show()
        self.progress_dialog = progress
        self.job = BackgroundJob(
            lambda report: backups.back_up_now(session, folder, keep=keep, progress=report),
            name="peerdesk-backup")
        self.job.progress.connect(self._progress)
        self.job.succeeded.connect(self._backed_up)
        self.job.failed.connect(self._backup_failed)
        self._update_buttons()
        self.job.start()

    def _progress(self, text: str) -> None:
        if self.progress_dialog is not None:
            self.progress_dialog.setLabelText(text)

    def _close_progress(self) -> None:
        if self.progress_dialog is not None:
            self.progress_dialog.close()
            self.progress_dialog.deleteLater()
            self.progress_dialog = None

    def _backed_up(self, result: BackupResult) -> None:
        self.job = None
        self._close_progress()
        if self.session is not None:
            self.result.setStyleSheet(f"color: {colour('#1b5e20', 'window-text')};")
            self.result.setText(
                self.tr("Backup saved and checked: {path} ({size}). It holds {counts}.").format(
                    path=result.path, size=size_text(result.size),
                    counts=counts_text(result.info.counts)))
            self.bus.changed.emit(change_bus.AUDIT)
            self.reload()
        self.backup_finished.emit(result)

    def _backup_failed(self, error: BaseException) -> None:
        self.job = None
        self._close_progress()
        if self.session is not None:
            self.result.setStyleSheet(f"color: {colour('#b71c1c', 'window-text')};")
            self.result.setText(self.tr("No backup was made. {reason}").format(
                reason=message_for(error)))
            self._update_buttons()
            show_error(self, error, self.tr("Backup not made"))
        self.backup_finished.emit(error)

    # -- restore ------------------------------------------------------------------------

    def restore(self) -> RestoreDialog | None:
        if self.session is None:
            return None
        chosen = self.selected()
        dialog = RestoreDialog(self.session.vault.paths, chosen.path if chosen else None,
                               folder=self.chosen_folder(), parent=self)
        dialog.restore_finished.connect(self._record_restore)
        self.present(dialog)
        return dialog

    def _record_restore(self, outcome: object) -> None:
        if isinstance(outcome, RestoreResult) and self.session is not None:
            try:
                backups.record_restore(self.session, outcome.backup)
            except PeerDeskError as error:
                show_error(self, error, self.tr("Not recorded"))
                return
            self.bus.changed.emit(change_bus.AUDIT)


def show_notice(parent: QWidget | None, title: str, text: str) -> QMessageBox:
    """A message that does not stop anyone working (the automatic backup's result)."""
    box = QMessageBox(QMessageBox.Icon.Information, title, text,
                      QMessageBox.StandardButton.Ok, parent)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setWindowModality(Qt.WindowModality.NonModal)
    box.show()
    return box
