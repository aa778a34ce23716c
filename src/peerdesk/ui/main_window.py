"""The shell: who is signed in, Lock and Sign out, a sidebar of pages over a stack."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from peerdesk.domain.staff import Permission
from peerdesk.services import listening
from peerdesk.services.session import Session
from peerdesk.ui import theme
from peerdesk.ui.admin.admin_page import AdminPage, can_see_admin
from peerdesk.ui.change_bus import ChangeBus
from peerdesk.ui.contacts.contacts_page import LOG_CONTACT_KEYS, ContactsPage
from peerdesk.ui.groups.section import GroupsSection
from peerdesk.ui.help_menu import HelpMenu
from peerdesk.ui.i18n import QT_TRANSLATE_NOOP, plural
from peerdesk.ui.password_dialog import ChangePasswordDialog
from peerdesk.ui.peers.pages import CaseloadPages
from peerdesk.ui.reports.reports_page import ReportsPage
from peerdesk.ui.supporters.page import SupportersPage
from peerdesk.ui.supporters.page import can_see as can_see_supporters
from peerdesk.ui.voice.page import VoicePage
from peerdesk.ui.voice.page import can_see as can_see_voice


def failed_sign_ins_notice(count: int) -> str:
    return plural(
        count,
        QCoreApplication.translate("MainWindow", "{n} failed sign-in attempt since the last "
                                                 "sign-in — see Admin › Audit log"),
        QCoreApplication.translate("MainWindow", "{n} failed sign-in attempts since the last "
                                                 "sign-in — see Admin › Audit log"))


def band(name: str, style: str, margin: int) -> tuple[QFrame, QHBoxLayout]:
    """A full-width band across the window (the top bar, the notice under it): `style`
    addresses it by `name`; its row of widgets sits `margin` from its top and bottom."""
    bar = QFrame()
    bar.setObjectName(name)
    bar.setStyleSheet(style)
    layout = QHBoxLayout(bar)
    layout.setContentsMargins(14, margin, 14, margin)
    return bar, layout


class MainWindow(QMainWindow):
    """Emits `lock_requested`, `sign_out_requested`, and `closed` (window closed by a person)."""

    lock_requested = Signal()
    sign_out_requested = Signal()
    hide_requested = Signal()  # quick hide: the button here, or Shift pressed three times
    closed = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session: Session | None = session
        self.bus = ChangeBus(self)
        self.setWindowTitle("PeerDesk")  # never anyone's name (shared screen, taskbar)
        self.resize(1000, 680)

        self.lock_action = QAction(self.tr("&Lock"), self)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.lock_action.setToolTip(self.tr("Lock PeerDesk now (Ctrl+L)"))
        self.lock_action.triggered.connect(self.lock_requested.emit)
        self.sign_out_action = QAction(self.tr("Sign &out"), self)
        self.sign_out_action.triggered.connect(self.sign_out_requested.emit)
        self.password_action = QAction(self.tr("&Change my password…"), self)
        self.password_action.triggered.connect(self.change_password)
        menu = self.menuBar().addMenu(self.tr("&Account"))
        menu.addAction(self.password_action)
        menu.addSeparator()
        menu.addAction(self.lock_action)
        menu.addAction(self.sign_out_action)
        self.addAction(self.lock_action)
        self.help_menu = HelpMenu(self)  # Help: the user guide (F1), About PeerDesk

        central = QWidget()
        outer = QVBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(self._top_bar(session))
        self.notice = self._notice_bar(session)
        outer.addWidget(self.notice)

        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(0)
        self.sidebar = QListWidget()
        self.sidebar.setFixedWidth(170)
        self.sidebar.setAccessibleName(self.tr("Sections"))
        self.sidebar.setStyleSheet(theme.sidebar_style())
        self.stack = QStackedWidget()
        self.pages: dict[str, QWidget] = {}
        # The listening service (anonymous contacts), for the roles that log contacts.
        self.contacts_page: ContactsPage | None = None
        self.log_contact_action = QAction(self.tr("Log a &contact…"), self)
        self.log_contact_action.setShortcut(QKeySequence(LOG_CONTACT_KEYS))
        self.log_contact_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.log_contact_action.setEnabled(False)
        if listening.can_log(session):
            self.contacts_page = ContactsPage(session, self.bus, self.present)
            self.log_contact_action.setEnabled(True)
            self.log_contact_action.triggered.connect(self.log_contact)
            self.addAction(self.log_contact_action)
        # Today, Peers and Sessions (a plain sentence instead for roles without peers).
        self.caseload = CaseloadPages(session, self.bus, self.present, self.show_page,
                                      self.contacts_page)
        for title, page in self.caseload.pages():
            self._add_page(title, page)
        self.groups = GroupsSection(session, self.bus, self.present)
        self._add_page(QT_TRANSLATE_NOOP("MainWindow", "Groups"), self.groups)
        if self.contacts_page is not None:
            self._add_page(QT_TRANSLATE_NOOP("MainWindow", "Contacts"), self.contacts_page)
        self.reports_page: ReportsPage | None = None
        if session.can(Permission.RUN_REPORTS):  # programme leads
            self.reports_page = ReportsPage(session, self.bus, self.present)
            self._add_page(QT_TRANSLATE_NOOP("MainWindow", "Reports"), self.reports_page)
        self.supporters_page: SupportersPage | None = None
        if can_see_supporters(session):  # leads and admins; a supporter sees their own
            self.supporters_page = SupportersPage(session, self.bus, self.present)
            self._add_page(QT_TRANSLATE_NOOP("MainWindow", "Supporters"), self.supporters_page)
        self.voice_page: VoicePage | None = None
        if can_see_voice(session):  # programme leads and caseworkers
            self.voice_page = VoicePage(session, self.bus, self.present)
            self._add_page(QT_TRANSLATE_NOOP("MainWindow", "Peers' voice"), self.voice_page)
        self.admin_page: AdminPage | None = None
        if can_see_admin(session):
            self.admin_page = AdminPage(session, self.bus, self.present)
            self._add_page(QT_TRANSLATE_NOOP("MainWindow", "Admin"), self.admin_page)
        body.addWidget(self.sidebar)
        body.addWidget(self.stack, 1)
        outer.addLayout(body, 1)
        self.setCentralWidget(central)

        self.sidebar.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.sidebar.setCurrentRow(0)
        first_steps = self.caseload.first_steps()
        if first_steps is not None:
            first_steps.go.connect(self.go_to_step)

    # -- building -----------------------------------------------------------------

    def _top_bar(self, session: Session) -> QWidget:
        bar, layout = band("topBar", theme.top_bar_style(), 8)
        brand = QLabel("PeerDesk")
        brand.setStyleSheet(theme.brand_style())
        self.who = QLabel(f"{session.staff.name} · {session.staff.roles_label}")
        self.who.setAccessibleName(self.tr("Signed in as"))
        self.hide_button = QToolButton()
        self.hide_button.setText(self.tr("&Hide"))
        self.hide_button.setToolTip(self.tr("Hide PeerDesk at once and lock it (or press Shift "
                                            "three times)"))
        self.hide_button.setAccessibleName(self.tr("Quick hide"))
        self.hide_button.setAccessibleDescription(
            self.tr("Blanks every PeerDesk window at once and locks. Shift pressed three times "
                    "does the same."))
        self.hide_button.clicked.connect(self.hide_requested.emit)
        self.lock_button = QToolButton()
        self.lock_button.setDefaultAction(self.lock_action)
        self.lock_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.sign_out_button = QToolButton()
        self.sign_out_button.setDefaultAction(self.sign_out_action)
        for button in (self.hide_button, self.lock_button, self.sign_out_button):
            button.setStyleSheet(theme.top_bar_button_style())
        layout.addWidget(brand)
        layout.addSpacing(16)
        layout.addWidget(self.who)
        layout.addStretch(1)
        layout.addWidget(self.hide_button)
        layout.addWidget(self.lock_button)
        layout.addWidget(self.sign_out_button)
        return bar

    def _notice_bar(self, session: Session) -> QWidget:
        bar, layout = band("noticeBar", theme.notice_bar_style(), 6)
        self.notice_text = QLabel()
        self.notice_text.setWordWrap(True)
        show = QPushButton(self.tr("Show the audit log"))
        show.clicked.connect(self.show_audit_log)
        dismiss = QPushButton(self.tr("Dismiss"))
        dismiss.clicked.connect(bar.hide)
        layout.addWidget(self.notice_text, 1)
        layout.addWidget(show)
        layout.addWidget(dismiss)
        count = session.failed_sign_ins_since_last
        if count > 0 and session.can(Permission.VIEW_AUDIT_LOG):
            self.notice_text.setText(failed_sign_ins_notice(count))
        else:
            bar.setVisible(False)
        return bar

    def _add_page(self, title: str, page: QWidget) -> None:
        self.pages[title] = page
        self.stack.addWidget(page)
        # `title` stays the page's key (show_page("Peers")); the sidebar shows it translated.
        QListWidgetItem(self.tr(title), self.sidebar)

    # -- behaviour ------------------------------------------------------------------

    def show_page(self, title: str) -> None:
        page = self.pages[title]
        self.sidebar.setCurrentRow(self.stack.indexOf(page))

    def go_to_step(self, step: str) -> QWidget | None:
        """Where a first step (Today) is done: the tab, or the dialog, that does it."""
        admin = self.admin_page
        if step == "backup_folder" and admin is not None and admin.backups_page is not None:
            self.show_page("Admin")
            admin.tabs.setCurrentWidget(admin.backups_page)
            admin.backups_page.choose_button.setFocus()
            return admin.backups_page
        if step == "staff" and admin is not None and admin.staff_page is not None:
            self.show_page("Admin")
            admin.tabs.setCurrentWidget(admin.staff_page)
            admin.staff_page.add_button.setFocus()
            return admin.staff_page
        if step == "import" and self.caseload.peers is not None:
            self.show_page("Peers")
            self.caseload.peers.show_list()
            return self.caseload.peers.list_page.open_import()
        if step == "report" and self.reports_page is not None:
            self.show_page("Reports")
            return self.reports_page.open_settings()
        return None

    def show_audit_log(self) -> None:
        if self.admin_page is not None:
            self.show_page("Admin")
            self.admin_page.show_audit_log()

    def present(self, dialog: QDialog) -> None:
        """Open a dialog without blocking; Ctrl+L still locks while it is open."""
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.addAction(self.lock_action)
        dialog.open()

    def log_contact(self) -> QDialog | None:
        """The contact form, from anywhere (Ctrl+Shift+C): Ctrl+L already locks."""
        if self.contacts_page is None or self.session is None:
            return None
        return self.contacts_page.log_contact()

    def change_password(self, *, required: bool = False) -> ChangePasswordDialog | None:
        if self.session is None:
            return None
        dialog = ChangePasswordDialog(self.session, required=required, parent=self)
        dialog.changed.connect(self._password_changed)
        if required:
            dialog.rejected.connect(self.sign_out_requested.emit)
        self.present(dialog)
        return dialog

    def _password_changed(self) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, "PeerDesk",
                          self.tr("Your password has been changed. Use it from now on."),
                          QMessageBox.StandardButton.Ok, self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def close_dialogs(self, also: Iterable[QWidget] = ()) -> None:
        """Close every dialog and message box (locking); nothing they held is kept.

        `also`: dialogs quick hide has already blanked (hidden, still open).
        """
        hidden = list(also)
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QDialog) and (widget.isVisible() or widget in hidden):
                # Their answers no longer matter: a forced password change closed by
                # locking is not a request to sign out, a confirmation is not a yes.
                widget.blockSignals(True)
                widget.reject()
                widget.close()

    def clear_data(self) -> None:
        """Empty every model and forget the session: nothing decrypted stays on screen."""
        self.session = None
        self.caseload.clear_data()
        self.groups.clear_data()
        if self.contacts_page is not None:
            self.contacts_page.clear_data()
        if self.reports_page is not None:
            self.reports_page.clear_data()
        if self.supporters_page is not None:
            self.supporters_page.clear_data()
        if self.voice_page is not None:
            self.voice_page.clear_data()
        if self.admin_page is not None:
            self.admin_page.clear_data()
        self.who.clear()
        self.notice.hide()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.session is not None:
            self.closed.emit()
        super().closeEvent(event)
