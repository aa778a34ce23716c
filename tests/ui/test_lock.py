"""Lock (Ctrl+L), sign out and closing: nothing decrypted stays, the vault stays reserved."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from peerdesk.domain.errors import VaultInUse
from peerdesk.services import audit_log
from peerdesk.storage.vault import LockedVault
from peerdesk.ui.admin.staff_dialogs import AddStaffDialog
from peerdesk.ui.password_dialog import ChangePasswordDialog
from tests.fixtures.vaults import sign_in as service_sign_in
from tests.ui.conftest import ADMIN_NAME, ADMIN_PASSWORD, one_visible, sign_in, visible


def _signed_in_admin(qtbot, start_gui, vault):
    gui = start_gui(vault)
    sign_in(qtbot, gui.sign_in_window, ADMIN_NAME, ADMIN_PASSWORD)
    assert gui.main_window is not None
    return gui


def test_ctrl_l_empties_models_and_shows_sign_in(qtbot, start_gui, vault):
    gui = _signed_in_admin(qtbot, start_gui, vault)
    main = gui.main_window
    main.show_page("Admin")
    staff_model = main.admin_page.staff_page.model
    audit_page = main.admin_page.audit_page
    main.admin_page.show_audit_log()
    assert staff_model.rowCount() == 5
    assert audit_page.model.rowCount() > 0
    locked_before = gui.locked

    qtbot.keyClick(main, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)

    assert gui.session is None
    assert staff_model.rowCount() == 0
    assert audit_page.model.rowCount() == 0
    assert main.who.text() == ""
    assert not main.isVisible()
    window = gui.sign_in_window
    assert window is not None and window.isVisible()
    assert gui.locked is locked_before, "the same reservation is kept"
    # Still reserved: a second PeerDesk can't open it while locked.
    try:
        LockedVault.open(vault).release()
        raise AssertionError("the vault should still be reserved")
    except VaultInUse:
        pass

    sign_in(qtbot, window, ADMIN_NAME, ADMIN_PASSWORD)
    assert gui.session is not None
    assert gui.main_window is not main
    gui.main_window.show_page("Admin")
    assert gui.main_window.admin_page.staff_page.model.rowCount() == 5
    actions = [r.action.value for r in audit_log.recent_events(gui.session)]
    assert "locked" in actions


def test_lock_closes_open_dialogs_even_from_inside_one(qtbot, start_gui, vault):
    gui = _signed_in_admin(qtbot, start_gui, vault)
    main = gui.main_window
    main.show_page("Admin")
    qtbot.mouseClick(main.admin_page.staff_page.add_button, Qt.MouseButton.LeftButton)
    dialog = one_visible(AddStaffDialog)
    qtbot.keyClicks(dialog.name, "Half Typed")
    qtbot.keyClick(dialog.name, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert gui.session is None
    assert not visible(AddStaffDialog)
    assert not visible(QMessageBox)
    assert gui.sign_in_window.isVisible()


def test_locking_a_forced_password_change_does_not_sign_out(qtbot, start_gui, vault):
    # Reset someone's password so they must change it at sign-in.
    from peerdesk.services import accounts

    session = service_sign_in(vault, ADMIN_NAME)
    cal = next(s for s in accounts.list_staff(session) if s.name == "Cal Worker")
    accounts.reset_password(session, cal.id, "given first password", "given first password")
    session.end().release()

    gui = start_gui(vault)
    sign_in(qtbot, gui.sign_in_window, "Cal Worker", "given first password")
    assert one_visible(ChangePasswordDialog).required
    gui.main_window.lock_action.trigger()
    assert not visible(ChangePasswordDialog)
    assert gui.sign_in_window.isVisible()
    # Signing in again asks again, because the password was not changed.
    sign_in(qtbot, gui.sign_in_window, "Cal Worker", "given first password")
    dialog = one_visible(ChangePasswordDialog)
    # Refusing to choose one signs out.
    dialog.reject()
    assert gui.session is None and gui.sign_in_window.isVisible()


def test_sign_out_audits_and_returns_to_sign_in(qtbot, start_gui, vault):
    gui = _signed_in_admin(qtbot, start_gui, vault)
    qtbot.mouseClick(gui.main_window.sign_out_button, Qt.MouseButton.LeftButton)
    assert gui.session is None and gui.sign_in_window.isVisible()
    sign_in(qtbot, gui.sign_in_window, ADMIN_NAME, ADMIN_PASSWORD)
    actions = [r.action.value for r in audit_log.recent_events(gui.session)]
    assert "signed_out" in actions


def test_closing_the_main_window_ends_the_session_and_releases_the_vault(
        qtbot, start_gui, vault, monkeypatch):
    exits: list[int] = []
    monkeypatch.setattr("peerdesk.app.gui.QApplication.exit", lambda code=0: exits.append(code))
    gui = _signed_in_admin(qtbot, start_gui, vault)
    gui.main_window.close()
    assert exits == [0]
    assert gui.session is None and gui.locked is None
    # Released: it opens again and the sign-out was recorded.
    session = service_sign_in(vault, ADMIN_NAME)
    try:
        actions = [r.action.value for r in audit_log.recent_events(session)]
        assert actions.count("signed_out") >= 1
    finally:
        session.end().release()


def test_change_my_password_from_the_menu(qtbot, start_gui, vault):
    gui = _signed_in_admin(qtbot, start_gui, vault)
    dialog = gui.main_window.change_password()
    assert dialog is not None and not dialog.required
    qtbot.keyClicks(dialog.current, "not my password")
    qtbot.keyClicks(dialog.passwords.password, "a brand new pass phrase")
    qtbot.keyClicks(dialog.passwords.confirm, "a brand new pass phrase")
    qtbot.keyClick(dialog.passwords.confirm, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.current_error.text() == "The current password is not right."
    qtbot.keyClicks(dialog.current, ADMIN_PASSWORD)
    qtbot.keyClick(dialog.current, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert any("has been changed" in box.text() for box in visible(QMessageBox))
    gui.sign_out()
    sign_in(qtbot, gui.sign_in_window, ADMIN_NAME, "a brand new pass phrase")
    assert gui.session is not None


def test_idle_time_locks_and_input_postpones_it(qtbot, start_gui, vault):
    gui = start_gui(vault, idle_lock_ms=800)
    sign_in(qtbot, gui.sign_in_window, ADMIN_NAME, ADMIN_PASSWORD)
    main = gui.main_window
    # Typing keeps it open past the idle time...
    for _ in range(5):
        qtbot.wait(200)
        qtbot.keyClick(main.sidebar, Qt.Key.Key_Down)
    assert gui.session is not None
    # ...and leaving it alone locks it.
    qtbot.waitUntil(lambda: gui.session is None, timeout=3000)
    assert gui.sign_in_window.isVisible() and not main.isVisible()
    # Nothing more fires while locked; signing in starts the clock again.
    qtbot.wait(900)
    assert gui.session is None and gui.sign_in_window.isVisible()
    sign_in(qtbot, gui.sign_in_window, ADMIN_NAME, ADMIN_PASSWORD)
    assert gui.session is not None
    qtbot.waitUntil(lambda: gui.session is None, timeout=3000)

