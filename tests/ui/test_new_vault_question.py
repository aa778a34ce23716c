"""`peerdesk --vault PATH` where there is no vault: the path is shown and asked about
before the setup wizard (a typo or a missing USB stick must not start a new centre)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from peerdesk.app import gui as gui_module
from peerdesk.app.exit_codes import EXIT_FAILED
from peerdesk.storage.paths import VaultPaths
from peerdesk.ui.new_vault_question import NewVaultQuestion
from peerdesk.ui.setup_wizard import SetupWizard
from tests.ui.conftest import one_visible, visible


@pytest.fixture
def exits(monkeypatch) -> list[int]:
    codes: list[int] = []
    monkeypatch.setattr(gui_module.QApplication, "exit", lambda code=0: codes.append(code))
    return codes


def _start(tmp_path, **options):
    paths = VaultPaths.at(tmp_path / "usb" / "centre.peerdesk")
    controller = gui_module.GuiController(paths, **options)
    return paths, controller, controller.start()


def test_a_typed_path_with_no_vault_is_named_and_cancel_creates_nothing(
        qtbot, tmp_path, exits, capsys):
    paths, controller, first = _start(tmp_path, ask_before_creating=True)
    try:
        assert isinstance(first, NewVaultQuestion) and first.isVisible()
        assert str(paths.database) in first.text()
        assert not visible(SetupWizard)
        # Enter alone does not create: Cancel is the default button.
        qtbot.keyClick(first, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: bool(exits), timeout=3000)
    finally:
        controller.shutdown()
    assert exits == [EXIT_FAILED] and controller.exit_code == EXIT_FAILED
    assert controller.wizard is None and not visible(SetupWizard)
    assert not (tmp_path / "usb").exists()
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [f"peerdesk: there is no PeerDesk vault at {paths.database}; nothing was "
                   "created there."]


def test_choosing_to_set_up_opens_the_wizard_for_that_path(qtbot, tmp_path, exits):
    paths, controller, first = _start(tmp_path, ask_before_creating=True)
    try:
        qtbot.mouseClick(first.create_button, Qt.MouseButton.LeftButton)
        wizard = one_visible(SetupWizard)
        assert controller.wizard is wizard
        assert wizard.paths == paths
        assert exits == []
        assert not paths.exists()  # nothing until the wizard's own Create
    finally:
        controller.shutdown()
        if controller.wizard is not None:
            controller.wizard.hide()
            controller.wizard.deleteLater()


def test_the_default_vault_goes_straight_to_setup(qtbot, tmp_path, exits):
    """First run on the centre's own PC: nothing was typed, so nothing to check."""
    _paths, controller, first = _start(tmp_path)
    try:
        assert isinstance(first, SetupWizard)
        assert not visible(NewVaultQuestion)
    finally:
        controller.shutdown()
        first.hide()
        first.deleteLater()
