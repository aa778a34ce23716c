"""The whole first-day flow, driven as a person would: set up, add a caseworker, hand over."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QWizard

from peerdesk.domain.staff import Role
from peerdesk.services.setup import NO_BACKDOOR_NOTICE
from peerdesk.storage.paths import VaultPaths
from peerdesk.ui.admin.staff_dialogs import AddStaffDialog
from peerdesk.ui.password_dialog import ChangePasswordDialog
from tests.ui.conftest import one_visible, sign_in, visible

CENTRE = "Harbour Lane Peer Support"
ADMIN = "Ada Admin"
ADMIN_PW = "correct horse battery staple"
WORKER = "Cal Worker"
WORKER_FIRST_PW = "first password from ada"
WORKER_OWN_PW = "cal's own words 2024"


def _pdf_printer(path: Path):
    def choose(_parent):
        from PySide6.QtPrintSupport import QPrinter

        printer = QPrinter()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(path))
        return printer

    return choose


def _press_ok(qtbot, dialog) -> None:
    box = dialog.findChild(QDialogButtonBox)
    qtbot.mouseClick(box.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def test_setup_add_caseworker_and_hand_over(qtbot, start_gui, tmp_path):
    paths = VaultPaths.at(tmp_path / "centre.peerdesk")
    gui = start_gui(paths)

    # -- the setup wizard ------------------------------------------------------
    wizard = gui.wizard
    assert wizard is not None and wizard.isVisible()
    assert wizard.windowTitle() == "PeerDesk"
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    assert not next_button.isEnabled()  # the centre's name is required
    qtbot.keyClicks(wizard.centre_page.centre, CENTRE)
    assert next_button.isEnabled()
    qtbot.mouseClick(next_button, Qt.MouseButton.LeftButton)
    assert wizard.currentPage() is wizard.admin_page

    page = wizard.admin_page
    # A centre where someone else leads the programme: the administrator alone.
    qtbot.mouseClick(page.admin_only, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(page.name, ADMIN)
    qtbot.keyClicks(page.passwords.password, "short")
    qtbot.keyClicks(page.passwords.confirm, "short")
    # The reason shows as the person types, next to the field.
    assert page.passwords.reason.isVisibleTo(wizard)
    assert "at least 10 characters" in page.passwords.reason.text()
    assert page.passwords.strength.value() <= 1
    create = wizard.button(QWizard.WizardButton.CommitButton)
    qtbot.mouseClick(create, Qt.MouseButton.LeftButton)
    assert wizard.currentPage() is page, "a weak password must be refused"
    assert not paths.exists(), "nothing is created until the form is acceptable"

    # A password containing the account name has its own reason.
    page.passwords.password.setText("ada admin is here 42")
    assert "account name" in page.passwords.reason.text()

    page.passwords.password.setText(ADMIN_PW)
    page.passwords.confirm.setText(ADMIN_PW)
    assert not page.passwords.reason.isVisibleTo(wizard)
    assert page.passwords.strength.value() >= 3
    qtbot.mouseClick(create, Qt.MouseButton.LeftButton)
    assert wizard.currentPage() is wizard.recovery_page
    assert paths.database.exists()

    key_page = wizard.recovery_page
    assert wizard.new_centre is not None
    shown_key = key_page.key.text().replace("\n", "")
    assert shown_key == wizard.new_centre.recovery_key
    assert NO_BACKDOOR_NOTICE in [w.text() for w in key_page.findChildren(type(key_page.key))]
    buttons = key_page.findChildren(type(key_page.print_button))
    assert not any("copy" in b.text().lower() for b in buttons)  # no clipboard on a shared PC

    pdf = tmp_path / "key.pdf"
    wizard.printer_chooser = _pdf_printer(pdf)
    qtbot.mouseClick(key_page.print_button, Qt.MouseButton.LeftButton)
    assert pdf.exists() and pdf.read_bytes().startswith(b"%PDF")

    finish = wizard.button(QWizard.WizardButton.FinishButton)
    assert not finish.isEnabled(), "Finish waits for 'I have stored it safely'"
    wizard.reject()  # Cancel/close can't drop the only view of the key
    assert wizard.isVisible()
    key_page.stored.setFocus()
    qtbot.keyClick(key_page.stored, Qt.Key.Key_Space)
    assert finish.isEnabled()
    qtbot.mouseClick(finish, Qt.MouseButton.LeftButton)

    # -- the admin is signed in -----------------------------------------------------
    main = gui.main_window
    assert main is not None and main.isVisible()
    assert main.windowTitle() == "PeerDesk"
    assert main.who.text() == f"{ADMIN} · Administrator"
    assert main.admin_page is not None and main.admin_page.staff_page is not None

    # -- Admin › Staff: add a caseworker ---------------------------------------------
    main.show_page("Admin")
    staff_page = main.admin_page.staff_page
    assert staff_page.model.rowCount() == 1
    qtbot.mouseClick(staff_page.add_button, Qt.MouseButton.LeftButton)
    dialog = one_visible(AddStaffDialog)
    qtbot.keyClicks(dialog.name, WORKER)
    dialog.roles.set_roles(frozenset({Role.CASEWORKER}))
    qtbot.keyClicks(dialog.passwords.password, WORKER_FIRST_PW)
    qtbot.keyClicks(dialog.passwords.confirm, "not the same one")
    _press_ok(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.passwords.confirm_error.text() == "The two passwords are not the same."
    dialog.passwords.confirm.setText(WORKER_FIRST_PW)
    _press_ok(qtbot, dialog)
    assert not visible(AddStaffDialog)
    names = {s.name: s.role for s in staff_page.model.rows()}
    assert names == {ADMIN: Role.ADMIN, WORKER: Role.CASEWORKER}

    # -- sign out; the caseworker signs in -------------------------------------------
    main.sign_out_action.trigger()
    window = gui.sign_in_window
    assert window is not None and window.isVisible() and not main.isVisible()
    assert gui.session is None
    accounts = [window.account.itemText(i) for i in range(window.account.count())]
    assert WORKER in accounts
    sign_in(qtbot, window, WORKER, WORKER_FIRST_PW)

    main = gui.main_window
    assert main is not None and main.isVisible() and not window.isVisible()
    change = one_visible(ChangePasswordDialog)
    assert change.required
    qtbot.keyClicks(change.current, WORKER_FIRST_PW)
    qtbot.keyClicks(change.passwords.password, WORKER_OWN_PW)
    qtbot.keyClicks(change.passwords.confirm, WORKER_OWN_PW)
    qtbot.keyClick(change.passwords.confirm, Qt.Key.Key_Return)
    assert not change.isVisible()
    assert gui.session is not None and not gui.session.must_change_password

    assert main.who.text() == f"{WORKER} · Caseworker"
    assert main.admin_page is None and "Admin" not in main.pages
    sidebar = [main.sidebar.item(i).text() for i in range(main.sidebar.count())]
    # Reports: programme leads; Contacts (the listening service): casework roles;
    # Peers' voice (mentoring, consultations, feedback, quotes): leads and caseworkers.
    assert sidebar == ["Today", "Peers", "Sessions", "Groups", "Contacts", "Peers' voice"]

    # Their own password works from now on.
    main.sign_out_action.trigger()
    sign_in(qtbot, gui.sign_in_window, WORKER, WORKER_OWN_PW)
    assert gui.session is not None and gui.session.staff.name == WORKER
    assert not visible(ChangePasswordDialog)
