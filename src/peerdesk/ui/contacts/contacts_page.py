"""The Contacts page: the listening service's contacts, known callers and directory, and
the dialogs between them (log, open, became a peer, call back)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QPushButton, QTabWidget, QWidget

from peerdesk.domain.errors import PeerDeskError
from peerdesk.domain.staff import Permission
from peerdesk.services import listening
from peerdesk.services.became_peer import Source
from peerdesk.services.session import Session
from peerdesk.ui import change_bus
from peerdesk.ui.change_bus import ChangeBus
from peerdesk.ui.contacts.callers_tab import CallersTab
from peerdesk.ui.contacts.contacts_list import ContactsList
from peerdesk.ui.contacts.directory_tab import DirectoryTab
from peerdesk.ui.errors import show_error
from peerdesk.ui.page_header import (
    MainPage,
    PageHeader,
    Present,
    ReloadWhenSeen,
    ShownReloads,
    page_layout,
)
from peerdesk.ui.peers.forms import CASELOAD

LOG_CONTACT_KEYS = "Ctrl+Shift+C"


def announce(bus: ChangeBus, *, caseload: bool = False) -> None:
    bus.changed.emit(change_bus.CONTACTS)
    if caseload:
        bus.changed.emit(CASELOAD)
    bus.changed.emit(change_bus.AUDIT)


class ContactsPage(ShownReloads, MainPage):
    def __init__(self, session: Session, bus: ChangeBus, present: Present,
                 parent: QWidget | None = None) -> None:
        super().__init__(session, bus, present, parent)
        self.contacts = ContactsList(session)
        self.callers = CallersTab(session)
        self.directory = DirectoryTab(session)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.contacts, self.tr("Con&tacts"))
        self.tabs.addTab(self.callers, self.tr("&Known callers"))
        self.tabs.addTab(self.directory, self.tr("&Directory"))
        self.log_button = QPushButton(self.tr("&Log a contact…"))
        self.log_button.setToolTip(self.tr("Log a contact ({keys})").format(
            keys=LOG_CONTACT_KEYS))
        self.log_button.setStyleSheet("font-weight: bold;")
        self.settings_button = QPushButton(self.tr("Lists and office &hours…"))
        self.settings_button.setVisible(session.can(Permission.EDIT_CONTACT_LISTS))
        self.import_button = QPushButton(self.tr("&Import a call log…"))
        self.import_button.setVisible(session.can(Permission.IMPORT_DATA))
        self.header = PageHeader(self.tr("Contacts"), actions=(
            self.import_button, self.settings_button, self.log_button))
        layout = page_layout(self, self.header)
        layout.addWidget(self.tabs, 1)
        self.log_button.clicked.connect(self.log_contact)
        self.settings_button.clicked.connect(self.open_settings)
        self.import_button.clicked.connect(self.open_import)
        self.contacts.open_contact.connect(self.open_contact)
        self.callers.open_caller.connect(self.open_caller)
        self.callers.add_requested.connect(self.add_caller)
        self.directory.changed.connect(lambda: announce(self.bus))
        self.tabs.currentChanged.connect(lambda _i: self._load_tab())
        self.when_seen = ReloadWhenSeen(self, self._load_tab, bus,
                                        (change_bus.CONTACTS, CASELOAD))

    def _load_tab(self) -> None:
        if self.session is None:
            return
        current = self.tabs.currentWidget()
        if current is self.contacts:
            self.contacts.reload()
        elif current is self.callers:
            self.callers.reload()
        else:
            self.directory.reload()

    # -- dialogs ------------------------------------------------------------------------

    def log_contact(self) -> QDialog | None:
        from peerdesk.ui.contacts.contact_dialog import ContactDialog

        if self.session is None:
            return None
        try:
            dialog = ContactDialog(self.session, parent=self)
        except PeerDeskError as exc:
            show_error(self, exc)
            return None
        self._wire(dialog)
        self.present(dialog)
        return dialog

    def open_contact(self, contact_id: int) -> QDialog | None:
        from peerdesk.ui.contacts.contact_dialog import ContactDialog

        if self.session is None:
            return None
        try:
            stored = listening.get_contact(self.session, contact_id)
            dialog = ContactDialog(self.session, stored, parent=self)
        except PeerDeskError as exc:
            show_error(self, exc)
            return None
        self._wire(dialog)
        dialog.deleted.connect(lambda _id: announce(self.bus, caseload=True))
        self.present(dialog)
        self.bus.changed.emit(change_bus.AUDIT)  # the opening is in the audit log now
        return dialog

    def _wire(self, dialog: QDialog) -> None:
        dialog.saved.connect(lambda _id: announce(self.bus, caseload=True))  # type: ignore[attr-defined]
        dialog.became_peer.connect(  # type: ignore[attr-defined]
            lambda contact_id: self.became_peer(Source(contact_id=contact_id)))
        dialog.callback_wanted.connect(self.call_back)  # type: ignore[attr-defined]

    def became_peer(self, source: Source) -> QDialog | None:
        from peerdesk.ui.contacts.became_peer_dialog import BecamePeerDialog

        if self.session is None:
            return None
        try:
            dialog = BecamePeerDialog(self.session, source, self)
        except PeerDeskError as exc:
            show_error(self, exc)
            return None
        dialog.saved.connect(lambda _id: announce(self.bus, caseload=True))
        self.present(dialog)
        return dialog

    def call_back(self, contact_id: int | None = None) -> QDialog | None:
        from peerdesk.ui.contacts.callback_dialog import CallbackDialog

        if self.session is None:
            return None
        caller = None
        if contact_id is not None:
            try:
                caller = listening.get_contact(self.session, contact_id).draft.known_caller_id
            except PeerDeskError:
                caller = None
        dialog = CallbackDialog(self.session, contact_id=contact_id, caller_id=caller,
                                parent=self)
        dialog.saved.connect(lambda _id: announce(self.bus, caseload=True))
        self.present(dialog)
        return dialog

    def add_caller(self) -> QDialog | None:
        from peerdesk.ui.contacts.caller_dialogs import KnownCallerDialog

        if self.session is None:
            return None
        dialog = KnownCallerDialog(self.session, parent=self)
        dialog.saved.connect(lambda _id: announce(self.bus))
        self.present(dialog)
        return dialog

    def open_caller(self, caller_id: int) -> QDialog | None:
        from peerdesk.ui.contacts.caller_dialogs import CallerPageDialog

        if self.session is None:
            return None
        dialog = CallerPageDialog(self.session, caller_id, self)
        if not dialog.load():
            dialog.deleteLater()
            return None
        dialog.changed.connect(lambda: announce(self.bus))
        dialog.open_contact.connect(self.open_contact)
        dialog.became_peer.connect(lambda cid: self._caller_became_peer(dialog, cid))
        self.present(dialog)
        self.bus.changed.emit(change_bus.AUDIT)
        return dialog

    def _caller_became_peer(self, page: QDialog, caller_id: int) -> None:
        page.accept()
        self.became_peer(Source(caller_id=caller_id))

    def open_settings(self) -> QDialog | None:
        from peerdesk.ui.contacts.settings_dialog import ListeningSettingsDialog

        if self.session is None or not self.session.can(Permission.EDIT_CONTACT_LISTS):
            return None
        dialog = ListeningSettingsDialog(self.session, self)
        dialog.changed.connect(self._lists_changed)
        self.present(dialog)
        return dialog

    def _lists_changed(self) -> None:
        self.contacts.fill_choices()
        self.directory.fill_choices()
        announce(self.bus)

    def open_import(self) -> QDialog | None:
        from peerdesk.ui.contacts.import_dialog import ContactImportDialog

        if self.session is None or not self.session.can(Permission.IMPORT_DATA):
            return None
        dialog = ContactImportDialog(self.session, self)
        dialog.imported.connect(lambda _n: announce(self.bus))
        self.present(dialog)
        return dialog

    def clear_data(self) -> None:
        self.session = None
        self.contacts.clear_data()
        self.callers.clear_data()
        self.directory.clear_data()
        self.tabs.setCurrentWidget(self.contacts)


__all__ = ["LOG_CONTACT_KEYS", "ContactsPage"]
