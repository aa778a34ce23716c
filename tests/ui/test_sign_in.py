"""Sign-in: the neutral message, the wait after many tries, the demo banner, the notice."""

from __future__ import annotations

import contextlib
import time

from PySide6.QtCore import Qt

from peerdesk.domain.errors import WrongCredentials
from peerdesk.services.auth import FREE_TRIES, SignIn
from peerdesk.storage.vault import LockedVault
from peerdesk.ui.main_window import failed_sign_ins_notice
from peerdesk.ui.sign_in import SignInWindow
from tests.ui.conftest import ADMIN_NAME, ADMIN_PASSWORD, PASSWORDS, sign_in


def test_sign_in_window_lists_accounts_and_has_a_plain_title(start_gui, vault):
    gui = start_gui(vault)
    window = gui.sign_in_window
    assert window is not None and window.isVisible()
    assert window.windowTitle() == "PeerDesk"
    listed = {window.account.itemText(i) for i in range(window.account.count())}
    assert listed == set(PASSWORDS)
    assert window.account.currentText() == ""  # nobody's name shown until chosen
    assert not window.demo_banner.isVisibleTo(window)
    assert window.sign_in_button.isDefault()


def test_wrong_password_shows_the_neutral_message(qtbot, start_gui, vault):
    gui = start_gui(vault)
    window = gui.sign_in_window
    sign_in(qtbot, window, ADMIN_NAME, "not the password at all")
    assert window.message.text() == WrongCredentials.default_message
    assert window.password.text() == ""
    assert gui.session is None and gui.main_window is None
    # The same words for an account that does not exist.
    sign_in(qtbot, window, "Nobody Here", "not the password at all")
    assert window.message.text() == WrongCredentials.default_message
    assert window.sign_in_button.isEnabled()


def test_empty_account_is_explained_without_trying(qtbot, start_gui, vault):
    window = start_gui(vault).sign_in_window
    qtbot.keyClicks(window.password, "something")
    qtbot.keyClick(window.password, Qt.Key.Key_Return)
    assert window.message.text() == "Type or choose your account name."


def test_many_failures_disable_the_button_and_count_down(qtbot, vault):
    now = [time.time()]
    locked = LockedVault.open(vault)
    try:
        window = SignInWindow(SignIn(locked, clock=lambda: now[0]))
        qtbot.addWidget(window)
        window.show()
        for _ in range(FREE_TRIES):
            sign_in(qtbot, window, ADMIN_NAME, "wrong password again")
        # Three misses: a wait of 2 seconds, shown and enforced.
        assert not window.sign_in_button.isEnabled()
        assert window.message.text() == (
            "Too many unsuccessful tries. You can try again in 2 seconds.")
        # Enter does nothing while waiting.
        sign_in(qtbot, window, ADMIN_NAME, ADMIN_PASSWORD)
        assert not window.sign_in_button.isEnabled()

        now[0] += 1
        qtbot.waitUntil(lambda: window.message.text().endswith("in 1 second."), timeout=3000)
        now[0] += 1.5
        qtbot.waitUntil(window.sign_in_button.isEnabled, timeout=3000)
        assert not window.message.isVisibleTo(window)

        signed_in = []
        window.signed_in.connect(signed_in.append)
        sign_in(qtbot, window, ADMIN_NAME, ADMIN_PASSWORD)
        assert len(signed_in) == 1
        session = signed_in[0]
        assert session.failed_sign_ins_since_last == FREE_TRIES
        session.end()
    finally:
        locked.release()


def test_a_new_window_keeps_counting_the_wait(qtbot, vault):
    locked = LockedVault.open(vault)
    try:
        service = SignIn(locked)
        for _ in range(FREE_TRIES):
            with contextlib.suppress(WrongCredentials):
                service.sign_in(ADMIN_NAME, "wrong password again")
        window = SignInWindow(SignIn(locked))
        qtbot.addWidget(window)
        window.account.setCurrentText(ADMIN_NAME)
        assert not window.sign_in_button.isEnabled()
        assert window.message.text().startswith("Too many unsuccessful tries.")
        # Another account's name is not held up by them.
        window.account.setCurrentText("Cal Worker")
        assert window.sign_in_button.isEnabled()
    finally:
        locked.release()


def test_failed_attempts_are_announced_to_those_who_can_read_the_log(qtbot, start_gui, vault):
    gui = start_gui(vault)
    window = gui.sign_in_window
    sign_in(qtbot, window, ADMIN_NAME, "a wrong guess here")
    sign_in(qtbot, window, ADMIN_NAME, ADMIN_PASSWORD)
    main = gui.main_window
    assert main is not None
    assert main.notice.isVisibleTo(main)
    assert main.notice_text.text() == failed_sign_ins_notice(1)
    assert main.notice_text.text() == (
        "1 failed sign-in attempt since the last sign-in — see Admin › Audit log")
    main.show_audit_log()
    assert main.stack.currentWidget() is main.admin_page
    audit = main.admin_page.audit_page
    assert audit.isVisible()
    assert "Failed sign-in" in {row.what for row in audit.model.rows()}


def test_caseworker_is_not_told_about_failed_attempts(qtbot, start_gui, vault):
    gui = start_gui(vault)
    window = gui.sign_in_window
    sign_in(qtbot, window, "Cal Worker", "a wrong guess here")
    sign_in(qtbot, window, "Cal Worker", PASSWORDS["Cal Worker"])
    main = gui.main_window
    assert main is not None and gui.session.failed_sign_ins_since_last == 1
    assert not main.notice.isVisibleTo(main)


def test_demo_banner_prefills_the_account(qtbot, start_gui, vault):
    # As `peerdesk --demo` passes it; the demo vault itself is the services' business.
    user, password = "Lee Lead", PASSWORDS["Lee Lead"]
    gui = start_gui(vault, demo_sign_in=(user, password))
    window = gui.sign_in_window
    assert window.demo_banner.isVisibleTo(window)
    assert f"Sign in as {user} / password {password}" in window.demo_banner.text()
    assert window.account.currentText() == user
    assert window.password.hasFocus() or not window.isActiveWindow()
    qtbot.keyClicks(window.password, password)
    qtbot.keyClick(window.password, Qt.Key.Key_Return)
    assert gui.session is not None and gui.session.staff.name == user
    assert gui.main_window.who.text() == f"{user} · Programme lead"
