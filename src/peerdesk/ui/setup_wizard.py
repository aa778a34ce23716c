"""First start: the centre's name, the first administrator, then the recovery key (once)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from peerdesk.domain.errors import PeerDeskError, ValidationError
from peerdesk.domain.staff import Role
from peerdesk.domain.validation import CENTRE_NAME_MAX, clean_name
from peerdesk.services.vault_files import VaultPaths
from peerdesk.ui.errors import show_error
from peerdesk.ui.fields import keep_long_text
from peerdesk.ui.password_fields import NewPasswordFields, error_label, set_message
from peerdesk.ui.printing import PrinterChooser, choose_printer, print_recovery_key
from peerdesk.ui.theme import colour

if TYPE_CHECKING:
    from peerdesk.services.setup import NewCentre
    from peerdesk.services.team import TeamPlace
    from peerdesk.ui.team.join_dialog import JoinTeamDialog

# The services (and the storage and crypto behind them) load when the vault is
# created, not before the wizard's first paint.


def _intro(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label


def key_in_two_lines(key: str) -> str:
    """Eight groups read more easily as two rows of four."""
    groups = key.split("-")
    half = len(groups) // 2
    return "-".join(groups[:half]) + "-\n" + "-".join(groups[half:])


class CentrePage(QWizardPage):
    join_requested = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Welcome to PeerDesk"))
        self.setSubTitle(self.tr("Let's set up this computer for your centre. It takes a minute."))
        # No cap on the field: a long name arrives whole and is refused with the limit named.
        self.centre = QLineEdit()
        self.centre.setPlaceholderText(self.tr("e.g. Harbour Lane Peer Support"))
        self.error = error_label()
        layout = QVBoxLayout(self)
        layout.addWidget(_intro(
            self.tr("PeerDesk keeps your centre's records in one encrypted file on this computer. "
                    "It never sends anything over the internet.")))
        form = QFormLayout()
        form.addRow(self.tr("Centre &name:"), self.centre)
        form.addRow("", self.error)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(_intro(self.tr(
            "Does your centre already use PeerDesk on its own team server? Join it instead, "
            "with the connection file you were given.")))
        self.join_button = QPushButton(self.tr("&Join my centre's team…"))
        self.join_button.clicked.connect(self.join_requested)
        layout.addWidget(self.join_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.registerField("centre*", self.centre)
        keep_long_text(self)

    def validatePage(self) -> bool:
        try:
            # The domain's messages are in English; a translated word inside one would not help.
            clean_name(self.centre.text(), what="The centre's name", maximum=CENTRE_NAME_MAX)
        except ValidationError as exc:
            set_message(self.error, exc.user_message)
            return False
        set_message(self.error, None)
        return True


class AdminPage(QWizardPage):
    """Creating the vault happens when this page is left (it is the commit page)."""

    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(self.tr("The first person"))
        self.setSubTitle(self.tr("Your own account: you will add your colleagues from it. "
                                 "Use your own name."))
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Create vault"))
        self.name = QLineEdit()
        self.name_error = error_label()
        self.passwords = NewPasswordFields()
        self.error = error_label()
        # What the first person does: in a small centre one person often runs it all.
        self.also_lead = QRadioButton(self.tr(
            "I run the centre and &work with peers (administrator and programme lead)"))
        self.also_lead.setToolTip(self.tr(
            "You add staff and look after backups, and you also record peers, sessions "
            "and reports. Usual when the centre is small."))
        self.admin_only = QRadioButton(self.tr(
            "I only look after &accounts and backups (administrator; a programme lead will "
            "be added for peers' records)"))
        self.also_lead.setChecked(True)
        roles_box = QVBoxLayout()
        roles_box.setSpacing(2)
        roles_box.addWidget(self.also_lead)
        roles_box.addWidget(self.admin_only)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.addRow(self.tr("Your &name:"), self.name)
        form.addRow("", self.name_error)
        form.addRow(self.tr("What you do:"), roles_box)
        layout.addLayout(form)
        layout.addWidget(self.passwords)
        layout.addWidget(self.error)
        layout.addStretch(1)
        self.registerField("admin*", self.name)
        self.name.textChanged.connect(self.passwords.set_account_name)
        keep_long_text(self)

    def roles(self) -> frozenset[Role]:
        if self.also_lead.isChecked():
            return frozenset({Role.ADMIN, Role.PROGRAMME_LEAD})
        return frozenset({Role.ADMIN})

    def validatePage(self) -> bool:
        from peerdesk.services.setup import check_setup_form, create_centre

        centre = self.field("centre")
        for label in (self.name_error, self.error):
            set_message(label, None)
        password, confirm = self.passwords.password.text(), self.passwords.confirm.text()
        try:
            check_setup_form(str(centre), self.name.text(), password, confirm)
            self._wizard.new_centre = create_centre(
                self._wizard.paths, centre_name=str(centre), admin_name=self.name.text(),
                password=password, confirm=confirm, roles=self.roles())
        except ValidationError as exc:
            if not self.passwords.show_account_problem(exc.field, exc.user_message, self.name,
                                                       self.name_error):
                set_message(self.error, exc.user_message)
            return False
        except PeerDeskError as exc:
            show_error(self, exc)
            return False
        self.passwords.clear()
        return True


class RecoveryKeyPage(QWizardPage):
    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(self.tr("Your recovery key"))
        self.setSubTitle(self.tr("It is shown only this once."))
        self.key = QLabel()
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSize(max(font.pointSize(), 10) + 6)
        font.setWeight(QFont.Weight.Bold)
        self.key.setFont(font)
        self.key.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.key.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.key.setStyleSheet(
            f"padding: 12px; border: 1px solid {colour('#9e9e9e', 'window-text')};"
            f" border-radius: 4px; background: {colour('#fafafa', 'base')};")
        self.key.setAccessibleName(self.tr("Recovery key"))
        self.print_button = QPushButton(self.tr("&Print the key…"))
        self.print_button.clicked.connect(self.print_key)
        self.print_note = QLabel()
        self.printed = False
        self.stored = QCheckBox(self.tr("I have &stored the recovery key safely"))
        layout = QVBoxLayout(self)
        layout.addWidget(_intro(
            self.tr("If every staff password is forgotten, this key is the only way back into the "
                    "records. Print it or write it down exactly.")))
        layout.addWidget(self.key)
        row = QVBoxLayout()
        row.addWidget(self.print_button, 0, Qt.AlignmentFlag.AlignLeft)
        row.addWidget(self.print_note)
        layout.addLayout(row)
        self.notice = _intro("")
        self.notice.setStyleSheet("font-weight: bold;")
        layout.addWidget(self.notice)
        layout.addStretch(1)
        layout.addWidget(self.stored)
        self.registerField("stored*", self.stored)

    def initializePage(self) -> None:
        from peerdesk.services.setup import NO_BACKDOOR_NOTICE

        self.notice.setText(NO_BACKDOOR_NOTICE)
        new = self._wizard.new_centre
        self.key.setText(key_in_two_lines(new.recovery_key) if new else "")
        self.print_button.setFocus()

    def print_key(self) -> None:
        from peerdesk.services.setup import NO_BACKDOOR_NOTICE

        new = self._wizard.new_centre
        if new is None:
            return
        if print_recovery_key(self, new.session.centre_name, new.recovery_key,
                              NO_BACKDOOR_NOTICE, self._wizard.printer_chooser):
            self.printed = True
            self.print_note.setText(self.tr("Sent to the printer. Check the page before you store "
                                            "it."))


class SetupWizard(QWizard):
    """Emits `centre_created(session)` when finished; the admin is then signed in.
    Or, when the person joins their centre's team instead, `team_joined(desk)`."""

    centre_created = Signal(object)
    team_joined = Signal(object)

    def __init__(self, paths: VaultPaths, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.paths = paths
        self.new_centre: NewCentre | None = None
        self.printer_chooser: PrinterChooser = choose_printer
        self.setWindowTitle("PeerDesk")
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.centre_page = CentrePage()
        self.centre_page.join_requested.connect(self.open_join)
        self.team_place: TeamPlace | None = None  # None: this PC's usual folders
        self.join_dialog: JoinTeamDialog | None = None
        self.admin_page = AdminPage(self)
        self.recovery_page = RecoveryKeyPage(self)
        for page in (self.centre_page, self.admin_page, self.recovery_page):
            self.addPage(page)
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Finish and sign in"))
        self.currentIdChanged.connect(self._page_changed)
        self.resize(620, 520)

    def open_join(self) -> JoinTeamDialog:
        from peerdesk.services.team import TeamPlace
        from peerdesk.ui.team.join_dialog import JoinTeamDialog

        self.join_dialog = JoinTeamDialog(self.team_place or TeamPlace.default(), self)
        self.join_dialog.accepted.connect(self._joined)
        self.join_dialog.open()
        return self.join_dialog

    def _joined(self) -> None:
        desk = self.join_dialog.desk if self.join_dialog is not None else None
        if desk is None:
            return
        self.hide()
        self.team_joined.emit(desk)

    def _page_changed(self, _page_id: int) -> None:
        # Once the vault exists the only way on is to confirm the key is stored.
        on_key_page = self.currentPage() is self.recovery_page
        self.setOption(QWizard.WizardOption.NoCancelButton, on_key_page)

    def reject(self) -> None:
        if self.new_centre is not None:
            return  # the vault exists; leaving now would lose the only view of the key
        super().reject()

    def accept(self) -> None:
        if self.new_centre is None:
            return
        from peerdesk.services import first_steps

        try:  # the first step on Today, ticked off
            first_steps.confirm_recovery_key_stored(self.new_centre.session,
                                                    printed=self.recovery_page.printed)
        except PeerDeskError as exc:
            show_error(self, exc)
            return
        super().accept()
        self.centre_created.emit(self.new_centre.session)
