"""Finishing the key work a change of staff owes, with progress (docs/security.md §3).

After someone is removed, deactivated, given a new password or a new role,
or changes their own password, the keys they held move on: each database is
re-encrypted under a new key. The copy is made on a worker thread while a
progress dialog keeps the window alive (quick hide and the idle lock still
work); the short swap at the end happens here, on the GUI thread, which
owns the main connection. If it can't finish (the disk is full, PeerDesk is
locked meanwhile), nothing is lost: the work stays owed and is offered again
at the next sign-in.
"""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from peerdesk.domain.errors import PeerDeskError
from peerdesk.domain.staff import Compartment
from peerdesk.services import keys
from peerdesk.services.session import Session
from peerdesk.ui.background_job import BackgroundJob, jobs_running
from peerdesk.ui.errors import ask_to_confirm, show_error
from peerdesk.ui.i18n import QT_TRANSLATE_NOOP

_WHAT = {
    Compartment.MAIN: QT_TRANSLATE_NOOP("KeyWork", "the centre's settings, accounts and audit log"),
    Compartment.CASEWORK: QT_TRANSLATE_NOOP("KeyWork", "peers' records"),
}


class KeyWork(QObject):
    """Runs what `keys.owed` says this session can do; `done(ok)` when it stops."""

    done = Signal(bool)

    def __init__(self, session: Session, parent: QWidget) -> None:
        super().__init__(parent)
        self.session = session
        self.parent_widget = parent
        self.queue: list[Compartment] = []
        self.dialog: QProgressDialog | None = None
        self.job: BackgroundJob | None = None
        self.failure: str | None = None
        self.given: list[str] = []

    def start(self) -> bool:
        """Start if anything is owed that this session can do; False if nothing to do."""
        try:
            if not keys.owed(self.session).doable:
                return False
        except PeerDeskError as exc:
            show_error(self.parent_widget, exc)  # a damaged vault, say: said, not raised
            return False
        try:
            self.given = keys.settle_seals(self.session)
        except PeerDeskError as exc:
            self._fail(exc.user_message)
            return True
        if self.given:
            # Said out loud: whose sign-in handed peers' records to whom.
            self.handed_over = show_error(
                self.parent_widget,
                self.tr("You have just given access to peers' records to: {names}. Their roles "
                        "were given by an administrator; if that is not right, tell your "
                        "programme lead.").format(names=", ".join(self.given)),
                self.tr("Access given"))
        self.queue = keys.rotations_doable(self.session)
        if not self.queue:
            self.done.emit(True)
            return True
        self.dialog = QProgressDialog(self.parent_widget)
        self.dialog.setWindowTitle(self.tr("Securing the vault"))
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setCancelButton(None)
        self.dialog.setRange(0, 100)
        self.dialog.setMinimumDuration(0)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.show()
        self._next()
        return True

    def _next(self) -> None:
        if not self.queue:
            self._finish(True)
            return
        compartment = self.queue.pop(0)
        assert self.dialog is not None
        self.dialog.setLabelText(self.tr(
            "Moving {what} to a new key, so that no old copy of a key file opens "
            "them…").format(what=self.tr(_WHAT[compartment])))
        self.dialog.setValue(0)
        session = self.session

        def work(report: object) -> object:
            # On the worker: only a connection of its own (rotation.prepare).
            def step(fraction: float) -> None:
                report(str(int(fraction * 100)))  # type: ignore[operator]
            return keys.prepare_rotation(session, compartment, step)

        self.job = BackgroundJob(work, name="peerdesk-key-rotation")
        self.job.progress.connect(self._progress)
        self.job.succeeded.connect(self._swap)
        self.job.failed.connect(lambda exc: self._fail(_message(exc)))
        self.job.start()

    def _progress(self, text: str) -> None:
        if self.dialog is not None:
            with contextlib.suppress(ValueError):
                self.dialog.setValue(int(text))

    def _swap(self, prepared: object) -> None:
        assert isinstance(prepared, keys.PreparedRotation)
        # Locked meanwhile, or another background task still has the vault
        # open: leave it owed for later rather than swap under it.
        if not self.session.vault.held or jobs_running() > 1:
            prepared.discard()
            self._fail(self.tr("PeerDesk was locked or busy before it could finish."))
            return
        try:
            keys.commit_rotation(self.session, prepared)
        except PeerDeskError as exc:
            prepared.discard()
            self._fail(exc.user_message)
            return
        except OSError as exc:
            prepared.discard()
            self._fail(str(exc.strerror or exc))
            return
        self._next()

    def _fail(self, why: str) -> None:
        self.failure = why
        self._finish(False)
        # Offered, not forced: finish it now, or leave it as it was (the old keys
        # still open everything) until the next sign-in of someone who holds them.
        self.message = ask_to_confirm(
            self.parent_widget, self.tr("Securing the vault"),
            self.tr("PeerDesk could not finish moving the vault to new keys: {why}\n\n"
                    "Nothing has been lost and you can go on working. Try again now, or "
                    "leave it: it will be offered again the next time someone who holds "
                    "these keys signs in.").format(why=why),
            self.tr("Try again now"), self.retry)

    def retry(self) -> None:
        """Finish the owed work now (after a failure the person chose to try again)."""
        self.failure = None
        self.start()

    def _finish(self, ok: bool) -> None:
        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None
        self.done.emit(ok)


def _message(exc: object) -> str:
    if isinstance(exc, PeerDeskError):
        return exc.user_message
    if isinstance(exc, OSError):
        return str(exc.strerror or exc)
    return str(exc)


def run_owed_key_work(session: Session, parent: QWidget) -> KeyWork | None:
    """Start the owed key work, if any this session can do; keep the returned
    object referenced until `done`."""
    work = KeyWork(session, parent)
    return work if work.start() else None
