"""Key work after a change of staff runs on a worker with progress, never on the GUI
thread, and never stops anyone signing in (issue 12 item 1; issue 17's loose end:
a rekey that failed earlier blocked every sign-in)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QProgressDialog

from peerdesk.services import accounts, keys
from tests.fixtures.vaults import close
from tests.fixtures.vaults import sign_in as service_sign_in
from tests.ui.conftest import ADMIN_NAME, PASSWORDS, message_texts, sign_in, visible


def _remove(vault, name: str) -> None:
    admin = service_sign_in(vault, ADMIN_NAME)
    try:
        who = next(s for s in accounts.list_staff(admin) if s.name == name)
        accounts.remove(admin, who.id)  # main now; casework waits for a casework sign-in
        assert keys.owed(admin).rotations == (keys.Compartment.CASEWORK,)
    finally:
        close(admin)


def test_the_next_casework_sign_in_finishes_the_work_with_progress(qtbot, start_gui, vault):
    _remove(vault, "Cal Worker")
    gui = start_gui(vault)
    sign_in(qtbot, gui.sign_in_window, "Lee Lead", PASSWORDS["Lee Lead"])
    assert gui.main_window is not None and gui.main_window.isVisible()
    qtbot.waitUntil(lambda: gui.key_work is not None and gui.key_work.dialog is None,
                    timeout=20000)
    assert not visible(QProgressDialog)
    assert message_texts() == []
    assert keys.owed(gui.session).rotations == ()


def test_a_rotation_that_cannot_finish_says_so_and_sign_in_goes_on(
        qtbot, start_gui, vault, monkeypatch):
    _remove(vault, "Cal Worker")
    vault.rotation_temp("casework").write_bytes(b"left by a crash")
    from peerdesk.storage import rotation

    def full_disk(*_args, **_kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(rotation, "_verify_copy", full_disk)
    gui = start_gui(vault)
    sign_in(qtbot, gui.sign_in_window, "Lee Lead", PASSWORDS["Lee Lead"])
    assert gui.session is not None and gui.main_window.isVisible()
    qtbot.waitUntil(lambda: any("could not finish" in t for t in message_texts()),
                    timeout=20000)
    assert keys.owed(gui.session).rotations == (keys.Compartment.CASEWORK,)
    monkeypatch.undo()
    gui.lock()
    sign_in(qtbot, gui.sign_in_window, "Lee Lead", PASSWORDS["Lee Lead"])
    qtbot.waitUntil(lambda: keys.owed(gui.session).rotations == (), timeout=20000)


def test_a_rotation_cut_off_at_its_swap_still_signs_in_and_is_finished(
        qtbot, start_gui, vault, monkeypatch):
    """A re-key interrupted between saving the key file and swapping the file in
    (the power going off): the GUI signs in, and the owed work is offered and done."""
    from peerdesk.storage import rotation

    cal = service_sign_in(vault, "Cal Worker")
    real_replace = rotation.os.replace

    def power_cut(src, dst):
        if str(src).endswith(".rekey"):
            raise KeyboardInterrupt
        return real_replace(src, dst)

    monkeypatch.setattr(rotation.os, "replace", power_cut)
    with pytest.raises(KeyboardInterrupt):
        accounts.change_own_password(cal, PASSWORDS["Cal Worker"], "cal's brand new words",
                                     "cal's brand new words")
    monkeypatch.undo()
    cal.vault.close()
    cal.vault.locked.release()
    gui = start_gui(vault)
    sign_in(qtbot, gui.sign_in_window, "Lee Lead", PASSWORDS["Lee Lead"])
    assert gui.session is not None and gui.main_window.isVisible()
    qtbot.waitUntil(lambda: gui.key_work is not None and gui.key_work.dialog is None,
                    timeout=20000)
    assert message_texts() == []
    assert keys.owed(gui.session).rotations == ()


def test_after_a_failed_rotation_the_person_can_try_again_now(
        qtbot, start_gui, vault, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from peerdesk.storage import rotation

    _remove(vault, "Cal Worker")

    def full_disk(*_args, **_kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(rotation, "_verify_copy", full_disk)
    gui = start_gui(vault)
    sign_in(qtbot, gui.sign_in_window, "Lee Lead", PASSWORDS["Lee Lead"])
    qtbot.waitUntil(lambda: any("could not finish" in t for t in message_texts()),
                    timeout=20000)
    assert keys.owed(gui.session).rotations == (keys.Compartment.CASEWORK,)
    monkeypatch.undo()  # space freed
    box = next(b for b in visible(QMessageBox) if "could not finish" in b.text())
    next(b for b in box.buttons() if b.text() == "Try again now").click()
    qtbot.waitUntil(lambda: keys.owed(gui.session).rotations == (), timeout=20000)
    assert gui.session is not None and gui.main_window.isVisible()
