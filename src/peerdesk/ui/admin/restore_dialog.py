"""Restore…: pick a backup, open it with a password or the recovery key, see what it
holds, and restore it as a new vault (never over this one)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from peerdesk.domain.errors import PeerDeskError
from peerdesk.services import backups
from peerdesk.services.backups import BackupInfo, RestoreResult
from peerdesk.services.vault_files import VaultPaths
from peerdesk.ui.admin.backup_text import counts_text
from peerdesk.ui.admin.setting_parts import result_line
from peerdesk.ui.background_job import BackgroundJob
from peerdesk.ui.errors import message_for
from peerdesk.ui.fields import error_label, password_edit, set_message
from peerdesk.ui.timefmt import local_time

# str(): the marker returns its text unchanged but is typed as object.
RECOVERY_CHOICE = str(QT_TRANSLATE_NOOP("RestoreDialog", "The recovery key"))
# Item data of the recovery-key choice in "Open it with" (accounts carry their name).
_RECOVERY = ""

FileChooser = Callable[[QWidget, str, str, str], tuple[str, str]]


def preview_text(info: BackupInfo) -> str:
    taken = (local_time(info.taken_at) if info.taken_at
             else QCoreApplication.translate("RestoreDialog", "unknown"))
    return QCoreApplication.translate(
        "RestoreDialog", "Taken {taken} (vault version {version}).\nHolds {counts}.").format(
        taken=taken, version=info.schema_version, counts=counts_text(info.counts))


class RestoreDialog(QDialog):
    previewed = Signal(object)  # BackupInfo
    restore_finished = Signal(object)  # RestoreResult or the error

    def __init__(self, live: VaultPaths, backup: Path | None = None, *,
                 folder: Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.live = live
        self.folder = folder
        self.info: BackupInfo | None = None
        self.job: BackgroundJob | None = None
        self.restored: RestoreResult | None = None
        self._accounts_for = ""  # the backup whose accounts "Open it with" lists
        # Replaceable in tests: these are the platform's own dialogs.
        self.choose_backup: FileChooser = QFileDialog.getOpenFileName
        self.choose_target: FileChooser = QFileDialog.getSaveFileName
        self.setWindowTitle(self.tr("Restore a backup"))
        self.setMinimumWidth(560)

        self.backup = QLineEdit()
        self.backup.setAccessibleName(self.tr("Backup file"))
        browse = QPushButton(self.tr("&Browse…"))
        backup_row = QHBoxLayout()
        backup_row.addWidget(self.backup, 1)
        backup_row.addWidget(browse)
        self.account = QComboBox()
        self.account.setAccessibleName(self.tr("Open it with"))
        self.secret = password_edit()
        self.secret.setAccessibleName(self.tr("Password or recovery key"))
        self.preview_button = QPushButton(self.tr("&Show what it holds"))
        self.preview = QLabel(self.tr("Choose a backup and type a password that opened the "
                                      "vault then, or the recovery key."))
        self.preview.setWordWrap(True)
        self.preview.setAccessibleName(self.tr("What the backup holds"))
        self.target = QLineEdit()
        self.target.setAccessibleName(self.tr("New vault location"))
        choose_target = QPushButton(self.tr("C&hoose…"))
        target_row = QHBoxLayout()
        target_row.addWidget(self.target, 1)
        target_row.addWidget(choose_target)
        self.error = error_label()
        self.outcome = result_line(self.tr("Restore result"), shown=False)

        form = QFormLayout()
        # A row that is a layout gets no buddy by itself, so its label is made here.
        backup_label = QLabel(self.tr("Backup &file:"))
        target_label = QLabel(self.tr("&New vault:"))
        backup_label.setBuddy(self.backup)
        target_label.setBuddy(self.target)
        form.addRow(backup_label, backup_row)
        form.addRow(self.tr("&Open it with:"), self.account)
        form.addRow(self.tr("&Password or key:"), self.secret)
        form.addRow("", self.preview_button)
        form.addRow("", self.preview)
        form.addRow(target_label, target_row)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.restore_button.setText(self.tr("&Restore as a new vault"))
        self.restore_button.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.outcome)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

        browse.clicked.connect(self._browse)
        choose_target.clicked.connect(self._choose_target)
        self.backup.editingFinished.connect(self._backup_chosen)
        self.preview_button.clicked.connect(self.show_preview)
        self.buttons.accepted.connect(self.start_restore)
        self.buttons.rejected.connect(self.reject)
        for edit in (self.backup, self.secret):
            edit.textEdited.connect(self._inputs_changed)
        self.target.textChanged.connect(self._target_changed)
        self.account.currentIndexChanged.connect(self._inputs_changed)
        if backup is not None:
            self.set_backup(backup)

    # -- choosing ----------------------------------------------------------------------

    def _browse(self) -> None:
        start = str(self.folder or self.live.database.parent)
        chosen, _filter = self.choose_backup(
            self, self.tr("Choose a backup"), start, self.tr("PeerDesk backups (*.peerdesk)"))
        if chosen:
            self.set_backup(Path(chosen))

    def _choose_target(self) -> None:
        chosen, _filter = self.choose_target(
            self, self.tr("Where should the restored vault go?"), self.target.text(),
            self.tr("PeerDesk vaults (*.peerdesk)"))
        if chosen:
            path = Path(chosen)
            if path.suffix != ".peerdesk":
                path = path.with_name(path.name + ".peerdesk")
            self.target.setText(str(path))

    def set_backup(self, path: Path) -> None:
        self.backup.setText(str(path))
        self._backup_chosen()

    def _backup_chosen(self) -> None:
        text = self.backup.text().strip()
        if text == self._accounts_for:
            return  # focus left the field without a change: keep the chosen account
        self._accounts_for = text
        self._inputs_changed()
        self.account.clear()
        if not text:
            return
        problem = None
        try:
            names = backups.accounts_in_backup(Path(text))
        except PeerDeskError as exc:
            problem, names = exc.user_message, []
        for name in names:
            self.account.addItem(name, name)
        self.account.addItem(QCoreApplication.translate("RestoreDialog", RECOVERY_CHOICE),
                             _RECOVERY)
        # After the list is filled: choosing an account clears the message.
        set_message(self.error, problem)
        if not self.target.text():
            stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
            self.target.setText(str(self.live.database.parent / f"restored-{stamp}.peerdesk"))

    def _credentials(self) -> tuple[str | None, str]:
        choice = self.account.currentData()
        return (str(choice) if choice else None), self.secret.text()

    def _inputs_changed(self, *_args: object) -> None:
        # A preview belongs to the inputs it was made with.
        self.info = None
        self.restore_button.setEnabled(False)
        set_message(self.error, None)

    def _target_changed(self, text: str) -> None:
        self.restore_button.setEnabled(
            self.info is not None and self.job is None and bool(text.strip()))

    # -- preview and restore -------------------------------------------------------------

    def show_preview(self) -> BackupInfo | None:
        account, secret = self._credentials()
        self._inputs_changed()
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            info = backups.preview(Path(self.backup.text().strip()), account, secret)
        except PeerDeskError as exc:
            self.preview.setText("")
            set_message(self.error, exc.user_message)
            return None
        finally:
            QApplication.restoreOverrideCursor()
        self.info = info
        self.preview.setText(preview_text(info))
        self.restore_button.setEnabled(bool(self.target.text().strip()))
        self.previewed.emit(info)
        return info

    def start_restore(self) -> None:
        if self.restored is not None:
            self.accept()
            return
        if self.info is None or self.job is not None:
            return
        account, secret = self._credentials()
        backup, target = Path(self.backup.text().strip()), Path(self.target.text().strip())
        live = self.live
        self.restore_button.setEnabled(False)
        self.preview_button.setEnabled(False)
        self.outcome.setText(self.tr("Restoring…"))
        self.outcome.setVisible(True)
        self.job = BackgroundJob(
            lambda report: backups.restore(backup, target, account, secret, live=live,
                                           progress=report),
            name="peerdesk-restore")
        self.job.progress.connect(self.outcome.setText)
        self.job.succeeded.connect(self._restored)
        self.job.failed.connect(self._failed)
        self.job.start()

    def _restored(self, result: RestoreResult) -> None:
        self.job = None
        self.restored = result
        self.secret.clear()
        path = result.vault.database
        self.outcome.setText(
            self.tr("Restored into a new vault: {path}\n\nThis vault is unchanged. To open "
                    "the restored one, start PeerDesk with:\n    {command}").format(
                path=path, command=f'peerdesk --vault "{path}"'))
        self.restore_button.setText(self.tr("Close"))
        self.restore_button.setEnabled(True)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setVisible(False)
        self.restore_finished.emit(result)

    def _failed(self, error: BaseException) -> None:
        self.job = None
        self.outcome.setVisible(False)
        self.preview_button.setEnabled(True)
        set_message(self.error, self.tr("Nothing was restored. {reason}").format(
            reason=message_for(error)))
        self.restore_button.setEnabled(self.info is not None)
        self.restore_finished.emit(error)

    def reject(self) -> None:
        # Cancel while copying: the restore finishes (or cleans up) in the background.
        self.secret.clear()
        super().reject()
