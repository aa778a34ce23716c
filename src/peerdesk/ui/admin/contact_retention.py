"""Admin › Retention, the listening service's part: how long anonymous contacts and ways to
call someone back are kept, what is past that, and deleting it in one step."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from peerdesk.domain.errors import PeerDeskError
from peerdesk.services import callbacks, listening_retention
from peerdesk.services import listening_settings as settings
from peerdesk.services.listening_retention import Due
from peerdesk.services.session import Session
from peerdesk.ui.admin.setting_parts import SaveFeedback, nothing_deleted, setting_row
from peerdesk.ui.background_job import BackgroundJob, on_own_connection, run_in_background
from peerdesk.ui.errors import ask_to_confirm


class ContactRetention(QGroupBox):
    def __init__(self, session: Session, today: Callable[[], date], changed: Callable[[], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Listening service"), parent)
        self.session: Session | None = session
        self.today = today
        self.changed = changed
        self.due: Due | None = None
        self.job: BackgroundJob | None = None
        self.months = QSpinBox()
        self.months.setRange(*settings.CONTACT_MONTHS_RANGE)
        self.months.setSuffix(self.tr(" months"))
        self.months.setAccessibleName(self.tr("Keep anonymous contacts for this many months"))
        self.days = QSpinBox()
        self.days.setRange(*settings.CALLBACK_DAYS_RANGE)
        self.days.setSuffix(self.tr(" days"))
        self.days.setAccessibleName(self.tr("Keep a way to call someone back for at most this "
                                            "many days"))
        self.save_button = QPushButton(self.tr("Sa&ve periods"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.delete_button = QPushButton(self.tr("Delete &what is past the period…"))
        self.feedback = SaveFeedback()
        self.status, self.error = self.feedback.status, self.feedback.error
        form = QFormLayout()
        setting_row(form, self.tr("Keep anonymous &contacts for"), self.months)
        setting_row(form, self.tr("Keep a way to call someone &back for"), self.days)
        row = QHBoxLayout()
        row.addWidget(self.summary, 1)
        row.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        explain = QLabel(self.tr(
            "Contacts with no person record are kept for this long after the day they "
            "happened, then listed here; known callers with no contact inside the period go "
            "with them. Contacts on a peer's record follow that record instead. A way to call "
            "someone back is erased once they are called, or after this many days."))
        explain.setWordWrap(True)  # unwrapped, it made the window 1,800 pixels wide
        layout.addWidget(explain)
        layout.addLayout(form)
        layout.addWidget(self.save_button)
        layout.addLayout(row)
        layout.addWidget(self.status)
        layout.addWidget(self.error)
        self.save_button.clicked.connect(self.save_periods)
        self.delete_button.clicked.connect(self.delete_due)
        self.summary.setWordWrap(True)

    def reload(self) -> None:
        session = self.session
        if session is None:
            return
        try:
            self.months.setValue(settings.contact_months(session.db))
            self.days.setValue(settings.callback_keep_days(session.db))
            callbacks.expire(session, today=self.today())
            self.due = listening_retention.due(session, today=self.today())
        except PeerDeskError as exc:
            self.feedback.refused(exc)
            return
        due = self.due
        if due.nothing:
            self.summary.setText(self.tr("Nothing is past the period."))
        else:
            self.summary.setText(self.tr(
                "Past the period (on or before {cutoff}): {contacts:,} contacts (the oldest "
                "from {oldest}), {callers:,} known callers and {callbacks:,} closed "
                "call-backs.").format(cutoff=due.cutoff, contacts=due.contacts,
                                      oldest=due.oldest or "—", callers=due.callers,
                                      callbacks=due.callbacks))
        self.delete_button.setEnabled(not due.nothing and self.job is None)

    def save_periods(self) -> None:
        session = self.session
        if session is None:
            return

        def save() -> str:
            months = settings.set_contact_months(session, self.months.value())
            days = settings.set_callback_keep_days(session, self.days.value())
            return self.tr("Saved: contacts for {months} months, ways to call back for "
                           "{days} days.").format(months=months, days=days)

        if not self.feedback.save(save):
            return
        self.changed()
        self.reload()

    def delete_due(self) -> None:
        due, session = self.due, self.session
        if due is None or session is None or due.nothing:
            return
        ask_to_confirm(self, self.tr("Delete past the period"), self.tr(
            "Delete {contacts:,} contacts, {callers:,} known callers and {callbacks:,} "
            "call-backs for good? The audit log records how many, nothing else. This can't "
            "be undone.").format(contacts=due.contacts, callers=due.callers,
                                 callbacks=due.callbacks),
            self.tr("Delete for good"), lambda: self._delete(due))

    def _delete(self, due: Due) -> None:
        session = self.session
        if session is None:
            return
        self.delete_button.setEnabled(False)
        self.status.setText(self.tr("Deleting…"))
        today = self.today()

        work = on_own_connection(
            session, lambda db: listening_retention.delete_due(session, due, today=today, db=db))
        self.job = run_in_background(work, "peerdesk-contact-retention", self._deleted,
                                     self._failed)

    @Slot(object)
    def _deleted(self, done: object) -> None:
        QGuiApplication.restoreOverrideCursor()
        self.job = None
        if isinstance(done, Due):
            self.status.setText(self.tr("Deleted {n:,} contacts.").format(n=done.contacts))
        self.changed()
        self.reload()

    @Slot(object)
    def _failed(self, error: object) -> None:
        self.job = None
        nothing_deleted(self, self.status, error)
        self.reload()

    def clear_data(self) -> None:
        self.session = None
        self.due = None
        self.summary.clear()
        self.status.clear()
