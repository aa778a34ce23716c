"""The automatic daily backup, started after sign-in (DESIGN.md §6).

It runs in the background and never holds up signing in; when it fails the
person gets a notice that does not stop their work, and nothing is lost (a
failed backup leaves nothing behind and the vault as it was).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QMainWindow

from peerdesk.domain.errors import PeerDeskError
from peerdesk.services import backups
from peerdesk.services.backups import BackupResult
from peerdesk.services.session import Session
from peerdesk.ui.admin.backups_page import show_notice
from peerdesk.ui.background_job import BackgroundJob
from peerdesk.ui.errors import message_for

# str(): the marker returns its text unchanged but is typed as object.
SAVED_TEXT = str(QT_TRANSLATE_NOOP("AutoBackupNotifier",
                                   "Today's automatic backup was saved and checked."))


class AutoBackupNotifier(QObject):
    """Tells the person how the background backup went, if they are still signed in."""

    finished = Signal(object)  # BackupResult, None (not due after all) or the error

    def __init__(self, window: QMainWindow, session: Session) -> None:
        super().__init__(window)
        self.setObjectName("autoBackupNotifier")
        self.window = window
        self.session = session
        self.outcome: object = None
        self.done = False

    def _still_signed_in(self) -> bool:
        return getattr(self.window, "session", None) is self.session

    def succeeded(self, result: BackupResult | None) -> None:
        if result is not None and self._still_signed_in():
            self.window.statusBar().showMessage(
                QCoreApplication.translate("AutoBackupNotifier", SAVED_TEXT), 20_000)
        self._finish(result)

    def failed(self, error: BaseException) -> None:
        if self._still_signed_in():
            show_notice(self.window, self.tr("Automatic backup not made"),
                        self.tr("Today's automatic backup could not be made. Your work is "
                                "safe and the vault is unchanged.\n\n{reason}\n\nAn "
                                "administrator can check Admin › Backups.").format(
                            reason=message_for(error)))
        self._finish(error)

    def _finish(self, outcome: object) -> None:
        self.outcome, self.done = outcome, True
        self.finished.emit(outcome)


def start_due_backup(session: Session, window: QMainWindow) -> AutoBackupNotifier | None:
    """Start today's backup in the background if one is due; None if not."""
    try:
        if not backups.backup_due(session):
            return None
    except PeerDeskError:
        return None
    notifier = AutoBackupNotifier(window, session)
    job = BackgroundJob(lambda _report: backups.run_due_backup(session),
                        name="peerdesk-auto-backup")
    job.succeeded.connect(notifier.succeeded)
    job.failed.connect(notifier.failed)
    job.start()
    return notifier
