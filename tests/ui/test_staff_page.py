"""Admin › Staff: each action through its dialog or confirmation, and its refusals."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox, QProgressDialog

from peerdesk.domain.staff import Role, StaffStatus
from peerdesk.ui.admin.staff_dialogs import AddStaffDialog, ChangeRoleDialog, ResetPasswordDialog
from tests.fixtures.vaults import can_sign_in
from tests.ui.conftest import ADMIN_NAME, ADMIN_PASSWORD, PASSWORDS, one_visible, sign_in, visible


def _staff_page(qtbot, start_gui, vault):
    gui = start_gui(vault)
    sign_in(qtbot, gui.sign_in_window, ADMIN_NAME, ADMIN_PASSWORD)
    gui.main_window.show_page("Admin")
    return gui, gui.main_window.admin_page.staff_page


def _status(page, name):
    return next(s for s in page.model.rows() if s.name == name)


def _ok(qtbot, dialog):
    button = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _answer(qtbot, label: str) -> None:
    box = one_visible(QMessageBox)
    button = next(b for b in box.buttons() if b.text() == label)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_buttons_follow_the_selection(qtbot, start_gui, vault):
    _gui, page = _staff_page(qtbot, start_gui, vault)
    assert page.add_button.isEnabled() and not page.remove_button.isEnabled()
    assert page.select_name(ADMIN_NAME)
    # Nobody removes, demotes or deactivates themselves from here.
    for button in (page.reset_button, page.role_button, page.deactivate_button,
                   page.remove_button):
        assert not button.isEnabled()
    assert page.select_name("Cal Worker")
    for button in (page.reset_button, page.role_button, page.deactivate_button,
                   page.remove_button):
        assert button.isEnabled()


def test_search_filters_the_table(qtbot, start_gui, vault):
    _gui, page = _staff_page(qtbot, start_gui, vault)
    assert page.proxy.rowCount() == 5
    qtbot.keyClicks(page.search, "caseWORKER")
    assert page.proxy.rowCount() == 1
    assert page.proxy.index(0, 0).data() == "Cal Worker"
    page.search.clear()
    assert page.proxy.rowCount() == 5


def test_duplicate_name_is_refused_beside_the_name(qtbot, start_gui, vault):
    _gui, page = _staff_page(qtbot, start_gui, vault)
    page.add_staff()
    dialog = one_visible(AddStaffDialog)
    qtbot.keyClicks(dialog.name, "cal worker")
    dialog.passwords.password.setText("a perfectly fine phrase")
    dialog.passwords.confirm.setText("a perfectly fine phrase")
    _ok(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.name_error.text().startswith("There is already an account with that name")
    dialog.reject()
    assert page.model.rowCount() == 5


def test_reset_password_and_change_role(qtbot, start_gui, vault):
    gui, page = _staff_page(qtbot, start_gui, vault)
    page.select_name("Pia Peer")
    qtbot.mouseClick(page.reset_button, Qt.MouseButton.LeftButton)
    dialog = one_visible(ResetPasswordDialog)
    qtbot.keyClicks(dialog.passwords.password, "a new first password")
    qtbot.keyClicks(dialog.passwords.confirm, "a new first password")
    qtbot.keyClick(dialog.passwords.confirm, Qt.Key.Key_Return)
    assert not dialog.isVisible()

    page.select_name("Pia Peer")
    qtbot.mouseClick(page.role_button, Qt.MouseButton.LeftButton)
    dialog = one_visible(ChangeRoleDialog)
    dialog.roles.set_roles(frozenset({Role.CASEWORKER}))
    _ok(qtbot, dialog)
    assert _status(page, "Pia Peer").role is Role.CASEWORKER

    gui.shutdown()
    assert not can_sign_in(vault, "Pia Peer", PASSWORDS["Pia Peer"])
    assert can_sign_in(vault, "Pia Peer", "a new first password")


def test_deactivate_asks_first_and_can_be_cancelled(qtbot, start_gui, vault):
    gui, page = _staff_page(qtbot, start_gui, vault)
    page.select_name("Cal Worker")
    qtbot.mouseClick(page.deactivate_button, Qt.MouseButton.LeftButton)
    box = one_visible(QMessageBox)
    assert "will not be able to sign in" in box.text()
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel)
    _answer(qtbot, "Cancel")
    qtbot.wait(20)
    assert _status(page, "Cal Worker").status is StaffStatus.ACTIVE

    page.select_name("Cal Worker")
    page.deactivate()
    _answer(qtbot, "Deactivate")
    qtbot.waitUntil(lambda: _status(page, "Cal Worker").status is StaffStatus.DEACTIVATED)
    gui.shutdown()
    assert not can_sign_in(vault, "Cal Worker")


def test_remove_explains_re_encryption_then_does_it(qtbot, start_gui, vault, monkeypatch):
    gui, page = _staff_page(qtbot, start_gui, vault)
    before = vault.database.read_bytes()
    page.select_name("Lee Lead")
    page.remove()
    box = one_visible(QMessageBox)
    assert "re-encrypted" in box.text() and "can't be undone" in box.text()
    shown: list[bool] = []
    # The busy dialog is up while the vault is re-encrypted.
    original = QProgressDialog.show

    def spy(self):
        original(self)
        shown.append(True)

    monkeypatch.setattr(QProgressDialog, "show", spy)
    _answer(qtbot, "Remove and re-encrypt")
    qtbot.waitUntil(lambda: "Lee Lead" not in {s.name for s in page.model.rows()})
    # The re-encryption runs on a worker with progress; the window stays alive.
    qtbot.waitUntil(lambda: shown == [True] and not visible(QProgressDialog), timeout=20000)
    assert "Lee Lead" not in {s.name for s in page.model.rows()}
    assert [box.text() for box in visible(QMessageBox)] == []
    gui.shutdown()
    assert vault.database.read_bytes() != before
    assert not can_sign_in(vault, "Lee Lead")
    assert can_sign_in(vault, "Cal Worker")


def test_service_refusal_is_shown_as_its_message(qtbot, start_gui, vault):
    """The row on screen is stale (removed meanwhile): the service refuses, in words."""
    from peerdesk.services import accounts

    gui, page = _staff_page(qtbot, start_gui, vault)

    bea = _status(page, "Bea Second")
    accounts.remove(gui.session, bea.id)
    page._run(accounts.deactivate, bea)
    assert "That account has been removed." in [b.text() for b in visible(QMessageBox)]
