"""Admin: tabs for staff, the audit log, backups, retention and the export, each shown
only to roles allowed it."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QWidget

from peerdesk.domain.staff import Permission
from peerdesk.services.session import Session
from peerdesk.ui.admin.audit_page import AuditPage
from peerdesk.ui.admin.backups_page import BackupsPage
from peerdesk.ui.admin.export_page import ExportPage
from peerdesk.ui.admin.lock_settings_page import LockSettingsPage
from peerdesk.ui.admin.retention_page import RetentionPage
from peerdesk.ui.admin.staff_page import StaffPage
from peerdesk.ui.change_bus import ChangeBus
from peerdesk.ui.page_header import PageHeader, Present, page_layout


def can_see_admin(session: Session) -> bool:
    return (session.can(Permission.MANAGE_STAFF) or session.can(Permission.VIEW_AUDIT_LOG)
            or session.can(Permission.MANAGE_BACKUPS))


class AdminPage(QWidget):
    def __init__(self, session: Session, bus: ChangeBus, present: Present,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tabs = QTabWidget()
        self.staff_page: StaffPage | None = None
        self.audit_page: AuditPage | None = None
        self.lock_settings_page: LockSettingsPage | None = None
        self.backups_page: BackupsPage | None = None
        self.retention_page: RetentionPage | None = None
        self.export_page: ExportPage | None = None
        # The services check permissions too; this only keeps the screen honest.
        if session.can(Permission.MANAGE_STAFF):
            self.staff_page = StaffPage(session, bus, present)
            self.tabs.addTab(self.staff_page, self.tr("&Staff"))
            self.lock_settings_page = LockSettingsPage(session)
            self.tabs.addTab(self.lock_settings_page, self.tr("Screen lo&ck"))
        if session.can(Permission.VIEW_AUDIT_LOG):
            self.audit_page = AuditPage(session, bus)
            self.tabs.addTab(self.audit_page, self.tr("Audit &log"))
        if session.can(Permission.MANAGE_BACKUPS):
            self.backups_page = BackupsPage(session, bus, present)
            self.tabs.addTab(self.backups_page, self.tr("&Backups"))
        if session.can(Permission.MANAGE_RETENTION):
            self.retention_page = RetentionPage(session, bus)
            self.tabs.addTab(self.retention_page, self.tr("&Retention"))
        if session.can(Permission.EXPORT_CENTRE):
            self.export_page = ExportPage(session, bus)
            self.tabs.addTab(self.export_page, self.tr("E&xport"))
        layout = page_layout(self, PageHeader(self.tr("Admin")))
        layout.addWidget(self.tabs, 1)

    def show_audit_log(self) -> None:
        if self.audit_page is not None:
            self.tabs.setCurrentWidget(self.audit_page)

    def clear_data(self) -> None:
        for page in (self.staff_page, self.audit_page, self.lock_settings_page,
                     self.backups_page, self.retention_page, self.export_page):
            if page is not None:
                page.clear_data()
