"""Admin › Retention: how long closed records are kept, who is past it, deleting them.

For programme leads (the services check too). Names are shown here because a
lead reviews each record before it goes; the audit event records references
only. Deleting is one transaction, run on a worker thread with its own
connection under a busy cursor.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from enum import IntEnum
from operator import attrgetter

from PySide6.QtCore import Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from peerdesk.domain.staff import Permission
from peerdesk.services import clock, retention
from peerdesk.services.session import Session
from peerdesk.ui import change_bus
from peerdesk.ui.admin.contact_retention import ContactRetention
from peerdesk.ui.admin.setting_parts import SaveFeedback, nothing_deleted, setting_row
from peerdesk.ui.background_job import BackgroundJob, on_own_connection, run_in_background
from peerdesk.ui.change_bus import ChangeBus
from peerdesk.ui.errors import ask_to_confirm, read_service
from peerdesk.ui.i18n import QT_TRANSLATE_NOOP, plural
from peerdesk.ui.page_header import ReloadWhenSeen, ShownReloads
from peerdesk.ui.peers.forms import CASELOAD
from peerdesk.ui.table_model import ROW_ROLE, Column, RowTableModel, attribute_column
from peerdesk.ui.table_view import Selection, list_view

DueColumn = IntEnum("DueColumn", "REF NAME CLOSED CASEWORKER", start=0)


class DueModel(RowTableModel[retention.ClosedPeer]):
    columns = (
        Column(QT_TRANSLATE_NOOP("TableHeader", "Reference"), attrgetter("ref")),
        Column(QT_TRANSLATE_NOOP("TableHeader", "Name"), attrgetter("preferred_name"),
               stretch=True),
        Column(QT_TRANSLATE_NOOP("TableHeader", "Closed on"), lambda r: r.closed_on.isoformat()),
        attribute_column(QT_TRANSLATE_NOOP("TableHeader", "Caseworker"), "caseworker"),
    )


class RetentionPage(ShownReloads, QWidget):
    def __init__(self, session: Session, bus: ChangeBus, parent: QWidget | None = None, *,
                 today: Callable[[], date] | None = None) -> None:
        super().__init__(parent)
        self.session: Session | None = session
        self.bus = bus
        self.today = today or (lambda: clock.today(None))
        self.job: BackgroundJob | None = None

        explain = QLabel(self.tr(
            "Closed records are kept for this many years after they were closed, then listed "
            "here for review. Deleting one removes the person and everything about them, as "
            "erasure does; meetings' anonymous head-counts stay. The audit log records how "
            "many were deleted and their reference codes, never a name."))
        explain.setWordWrap(True)
        self.years = QSpinBox()
        self.years.setRange(retention.MIN_YEARS, retention.MAX_YEARS)
        self.years.setSuffix(self.tr(" years"))
        self.years.setAccessibleName(self.tr("Keep closed records for this many years"))
        self.save_button = QPushButton(self.tr("&Save"))
        self.feedback = SaveFeedback()
        self.status, self.error = self.feedback.status, self.feedback.error
        form = QFormLayout()
        setting_row(form, self.tr("&Keep closed records for"), self.years, self.save_button)

        self.model = DueModel(self)
        self.view = list_view(self.model, self.tr("Closed records past the retention period"),
                              selection=Selection.ExtendedSelection)
        self.count = QLabel()
        self.select_all_button = QPushButton(self.tr("Select &all"))
        self.delete_button = QPushButton(self.tr("&Delete selected…"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.count, 1)
        buttons.addWidget(self.select_all_button)
        buttons.addWidget(self.delete_button)

        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(self.error)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        # Anonymous contacts have their own, shorter period (the listening service).
        self.contacts: ContactRetention | None = None
        if session.can(Permission.LOG_CONTACTS):
            self.contacts = ContactRetention(
                session, self.today, lambda: self.bus.changed.emit(change_bus.AUDIT))
            layout.addWidget(self.contacts)

        self.save_button.clicked.connect(self.save_years)
        self.select_all_button.clicked.connect(self.view.selectAll)
        self.delete_button.clicked.connect(self.delete_selected)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.when_seen = ReloadWhenSeen(self, self.reload, bus, (CASELOAD, change_bus.CONTACTS),
                                        stale=False)
        self.reload()

    # -- loading ------------------------------------------------------------------------

    def reload(self) -> None:
        read = read_service(self, self.session, lambda session: (
            retention.years(session), retention.due_for_review(session, self.today())),
            self.feedback.refused)
        if read is None:
            return
        years, due = read
        self.years.setValue(years)
        self.model.set_rows(due)
        self.view.resizeColumnToContents(DueColumn.REF)
        self.view.resizeColumnToContents(DueColumn.CLOSED)
        self.count.setText(plural(len(due), self.tr("1 closed record is past the period."),
                                  self.tr("{n} closed records are past the period.")))
        self._update_buttons()
        if self.contacts is not None:
            self.contacts.reload()

    def _update_buttons(self, *_args: object) -> None:
        self.delete_button.setEnabled(bool(self.selected_ids()))
        self.select_all_button.setEnabled(self.model.rowCount() > 0)

    def selected_ids(self) -> list[int]:
        rows = self.view.selectionModel().selectedRows()
        return [index.data(ROW_ROLE).id for index in rows]

    # -- actions --------------------------------------------------------------------------

    def save_years(self) -> None:
        if self.session is None:
            return
        session, chosen = self.session, self.years.value()

        def save() -> str:
            years = retention.set_years(session, chosen)
            return self.tr("Saved: closed records are kept for {years} years.").format(
                years=years)

        if not self.feedback.save(save):
            return
        self.bus.changed.emit(change_bus.AUDIT)
        self.reload()

    def delete_selected(self) -> None:
        ids = self.selected_ids()
        if self.session is None or not ids:
            return
        text = plural(
            len(ids),
            self.tr("Delete 1 closed record and everything about that person, for good? "
                    "Meetings' anonymous head-counts stay. This can't be undone."),
            self.tr("Delete {n} closed records and everything about those people, for good? "
                    "Meetings' anonymous head-counts stay. This can't be undone."))
        ask_to_confirm(self, self.tr("Delete closed records"), text,
                       self.tr("Delete for good"), lambda: self._delete(ids))

    def _delete(self, ids: list[int]) -> None:
        """One transaction, on a worker thread: rewriting the note index after the
        deletions takes a second or more on a large vault."""
        session = self.session
        if session is None:
            return
        self.status.setText(self.tr("Deleting…"))
        self.delete_button.setEnabled(False)
        self.select_all_button.setEnabled(False)
        today = self.today()

        work = on_own_connection(
            session, lambda db: retention.delete_past_retention(session, ids, today, db=db))
        self.job = run_in_background(work, "peerdesk-retention", self._deleted, self._failed)

    @Slot(object)
    def _deleted(self, count: object) -> None:
        QGuiApplication.restoreOverrideCursor()
        self.job = None
        deleted = count if isinstance(count, int) else 0
        self.status.setText(plural(deleted, self.tr("Deleted 1 record."),
                                   self.tr("Deleted {n} records.")))
        # The caseload views reload, and so does this list (it listens for CASELOAD).
        self.bus.changed.emit(CASELOAD)
        self.bus.changed.emit(change_bus.AUDIT)

    @Slot(object)
    def _failed(self, error: object) -> None:
        self.job = None
        nothing_deleted(self, self.status, error)
        self.reload()

    def clear_data(self) -> None:
        self.session = None
        if self.contacts is not None:
            self.contacts.clear_data()
        self.model.clear()
        self.count.clear()
        self.status.clear()
