"""A person's requests about their own record, from their page: erase it, or have a copy.

Both are for programme leads only (the services check; the page only shows
the actions to them). Erasure asks for the reference code to be typed, so
it can't happen by a slip of the mouse; the subject access PDF is laid out
off the GUI thread on its own connection, then saved and audited here.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from peerdesk.domain.errors import PeerDeskError
from peerdesk.domain.peer import parse_ref
from peerdesk.services import erasure, subject_access
from peerdesk.services.session import Session
from peerdesk.ui.background_job import BackgroundJob, on_own_connection, run_in_background
from peerdesk.ui.errors import show_error
from peerdesk.ui.fields import error_label, set_message
from peerdesk.ui.i18n import plural


class EraseDialog(QDialog):
    """Emits `erased(peer_id)` once the record is gone."""

    erased = Signal(int)

    def __init__(self, session: Session, peer_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.shown = erasure.preview(session, peer_id)
        self.setWindowTitle(self.tr("Erase a record"))
        self.setMinimumWidth(500)
        s = self.shown
        counts = {
            "sessions": plural(s.sessions, self.tr("{n} one-to-one session with its notes and "
                                                   "follow-ups"),
                               self.tr("{n} one-to-one sessions with their notes and "
                                       "follow-ups")),
            "consents": plural(s.consents, self.tr("{n} consent record"),
                               self.tr("{n} consent records")),
            "referrals": plural(s.referrals, self.tr("{n} referral"), self.tr("{n} referrals")),
            "ratings": plural(s.ratings, self.tr("{n} rating"), self.tr("{n} ratings")),
            "marks": plural(s.attendance_marks, self.tr("{n} attendance mark"),
                            self.tr("{n} attendance marks")),
        }
        explain = QLabel(self.tr(
            "This deletes {ref} and everything about them, for good: their details and "
            "safe-contact preferences, {sessions}, {consents}, {referrals}, {ratings}, "
            "their group memberships and {marks}.\n\n"
            "Meetings and their anonymous head-counts stay: those are not about anyone. The "
            "audit log keeps that the record was erased, by its reference only. Backups made "
            "earlier still hold the record until they are replaced.\n\n"
            "Type the reference code {ref} to confirm.").format(ref=s.ref, **counts))
        explain.setWordWrap(True)
        self.typed = QLineEdit()
        self.typed.setPlaceholderText(s.ref)
        self.typed.setAccessibleName(self.tr("Reference code, typed to confirm"))
        self.error = error_label()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.erase_button = self.buttons.addButton(self.tr("&Erase for good"),
                                                   QDialogButtonBox.ButtonRole.DestructiveRole)
        self.erase_button.setEnabled(False)
        self.busy = False
        self.job: BackgroundJob | None = None
        self.erase_button.setAutoDefault(False)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setDefault(True)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addWidget(self.typed)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.typed.textChanged.connect(self._typed_changed)
        self.erase_button.clicked.connect(self.erase)
        self.buttons.rejected.connect(self.reject)

    def _typed_changed(self, text: str) -> None:
        matches = parse_ref(text) is not None and parse_ref(text) == parse_ref(self.shown.ref)
        self.erase_button.setEnabled(matches)

    def erase(self) -> None:
        """On a worker thread with its own connection: rewriting the note index takes a
        second or more on a large vault."""
        set_message(self.error, None)
        session, peer_id, typed = self.session, self.shown.peer_id, self.typed.text()

        work = on_own_connection(
            session, lambda db: erasure.erase_peer(session, peer_id, typed_ref=typed, db=db))
        self._set_busy(True)
        self.job = run_in_background(work, "peerdesk-erase", self._done, self._failed)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        for widget in (self.typed, self.buttons):
            widget.setEnabled(not busy)
        set_message(self.error, self.tr("Erasing…") if busy else None)

    def reject(self) -> None:
        if not self.busy:  # once started it finishes; Esc must not hide that
            super().reject()

    @Slot(object)
    def _done(self, _result: object) -> None:
        QGuiApplication.restoreOverrideCursor()
        self._set_busy(False)
        self.accept()
        self.erased.emit(self.shown.peer_id)

    @Slot(object)
    def _failed(self, error: object) -> None:
        QGuiApplication.restoreOverrideCursor()
        self._set_busy(False)
        set_message(self.error, error.user_message if isinstance(error, PeerDeskError)
                    else self.tr("The record could not be erased. Nothing was deleted."))


ChooseSavePath = Callable[..., tuple[str, str]]


class SubjectAccessExport(QObject):
    """One export: choose where, lay out in the background, save and audit.

    `done(pages or error)` when it ends (for tests); a child of the page, so a
    lock that drops the page drops the answer too.
    """

    done = Signal(object)

    def __init__(self, session: Session, peer_id: int, ref: str, parent: QWidget,
                 choose_save_path: ChooseSavePath = QFileDialog.getSaveFileName) -> None:
        super().__init__(parent)
        self.session = session
        self.peer_id = peer_id
        self.ref = ref
        self.widget = parent
        self.choose_save_path = choose_save_path
        self.path: Path | None = None
        self.job: BackgroundJob | None = None

    def start(self) -> bool:
        """False if no file was chosen."""
        suggested = Path.home() / f"record-{self.ref}.pdf"
        chosen, _filter = self.choose_save_path(
            self.widget, self.tr("Save everything held"), str(suggested), self.tr("PDF (*.pdf)"))
        if not chosen:
            return False
        path = Path(chosen)
        self.path = path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf")
        session, peer_id = self.session, self.peer_id

        work = on_own_connection(
            session, lambda db: subject_access.prepare(session, peer_id, db=db))
        self.job = run_in_background(work, "peerdesk-subject-access", self._prepared,
                                     self._failed)
        return True

    @Slot(object)
    def _prepared(self, prepared: object) -> None:
        QGuiApplication.restoreOverrideCursor()
        assert isinstance(prepared, subject_access.PreparedExport) and self.path is not None
        try:
            pages = subject_access.save(self.session, prepared, self.path)
        except PeerDeskError as exc:
            self._report(exc)
            return
        self.done.emit(pages)
        self.deleteLater()

    @Slot(object)
    def _failed(self, error: object) -> None:
        QGuiApplication.restoreOverrideCursor()
        self._report(error)

    def _report(self, error: object) -> None:
        show_error(self.widget, error if isinstance(error, BaseException) else str(error),
                   self.tr("Not saved"))
        self.done.emit(error)
        self.deleteLater()
