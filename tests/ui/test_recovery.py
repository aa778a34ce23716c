"""Every password forgotten: the recovery key, typed into the GUI, gives an admin a new one."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from peerdesk.domain.errors import PeerDeskError
from peerdesk.ui.recovery_dialog import RecoveryDialog
from tests.ui.conftest import ADMIN_NAME, one_visible, sign_in

NEW_PASSWORD = "a fresh start for ada"


def _mistype(key: str, group: int) -> str:
    """Change one character in the given (1-based) group."""
    index = (group - 1) * 6 + 2
    swap = "X" if key[index] != "X" else "Y"
    return key[:index] + swap + key[index + 1:]


def test_recovery_key_resets_an_admin_password(qtbot, start_gui, vault, template):
    gui = start_gui(vault)
    window = gui.sign_in_window
    qtbot.mouseClick(window.recovery_link, Qt.MouseButton.LeftButton)
    dialog = one_visible(RecoveryDialog)

    # A mistyped character: the message says which group.
    qtbot.keyClicks(dialog.key, _mistype(template.recovery_key, 3))
    qtbot.keyClick(dialog.key, Qt.Key.Key_Return)
    assert dialog.steps.currentIndex() == 0
    assert dialog.key_error.text().startswith("Group 3 has a typing mistake")
    assert "typing mistake" in dialog.key_error.text()

    # Typed in lower case with spaces instead of dashes: still accepted.
    dialog.key.setText(template.recovery_key.lower().replace("-", " "))
    qtbot.keyClick(dialog.key, Qt.Key.Key_Return)
    assert dialog.steps.currentIndex() == 1, dialog.key_error.text()
    admins = [dialog.admin.itemText(i) for i in range(dialog.admin.count())]
    assert sorted(admins) == ["Ada Admin", "Bea Second"]
    dialog.admin.setCurrentIndex(admins.index(ADMIN_NAME))

    qtbot.keyClicks(dialog.passwords.password, "too short")
    qtbot.keyClicks(dialog.passwords.confirm, "too short")
    qtbot.mouseClick(dialog.finish_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert "at least 10 characters" in dialog.passwords.reason.text()

    dialog.passwords.password.setText(NEW_PASSWORD)
    dialog.passwords.confirm.setText(NEW_PASSWORD)
    qtbot.keyClick(dialog.passwords.confirm, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert gui.session is not None and gui.session.staff.name == ADMIN_NAME
    assert gui.main_window.who.text() == f"{ADMIN_NAME} · Administrator"

    gui.sign_out()
    sign_in(qtbot, gui.sign_in_window, ADMIN_NAME, NEW_PASSWORD)
    assert gui.session is not None and gui.session.staff.name == ADMIN_NAME


def test_a_key_that_is_well_formed_but_wrong_is_refused(qtbot, start_gui, vault, template):
    from peerdesk.storage import recovery

    gui = start_gui(vault)
    gui.sign_in_window.open_recovery()
    dialog = one_visible(RecoveryDialog)
    other = recovery.generate()
    assert other != template.recovery_key
    dialog.key.setText(other)
    dialog.unlock()
    assert dialog.steps.currentIndex() == 0
    assert dialog.key_error.text() == "That recovery key does not open this vault."


def test_cancelling_after_unlocking_closes_the_vault_again(qtbot, start_gui, vault, template):
    gui = start_gui(vault)
    gui.sign_in_window.open_recovery()
    dialog = one_visible(RecoveryDialog)
    dialog.key.setText(template.recovery_key)
    dialog.unlock()
    session = dialog.recovery_session
    assert session is not None
    dialog.reject()
    assert dialog.recovery_session is None and gui.session is None
    # The connection is closed: the key is gone with it.
    with pytest.raises(PeerDeskError):
        session.db.scalar("SELECT 1")
    # And an ordinary sign-in still works.
    sign_in(qtbot, gui.sign_in_window, ADMIN_NAME, "correct horse battery staple")
    assert gui.session is not None


def test_closing_the_window_mid_recovery_closes_the_vault_again(
        qtbot, start_gui, vault, template, monkeypatch):
    exits: list[int] = []
    monkeypatch.setattr("peerdesk.app.gui.QApplication.exit", lambda code=0: exits.append(code))
    gui = start_gui(vault)
    gui.sign_in_window.open_recovery()
    dialog = one_visible(RecoveryDialog)
    dialog.key.setText(template.recovery_key)
    dialog.unlock()
    assert dialog.recovery_session is not None
    gui.sign_in_window.close()
    assert dialog.recovery_session is None and not dialog.isVisible()
    assert exits == [0] and gui.locked is None
