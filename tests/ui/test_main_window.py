"""The shell per role: what each person sees, and that no window names anyone."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWizard

from peerdesk.storage.paths import VaultPaths
from tests.ui.conftest import PASSWORDS, sign_in


def _titles() -> set[str]:
    return {w.windowTitle() for w in QApplication.topLevelWidgets()
            if w.isVisible() and w.isWindow() and w.windowTitle()}


@pytest.mark.parametrize(("name", "role_label", "staff_tab", "audit_tab"), [
    ("Ada Admin", "Administrator", True, True),
    ("Lee Lead", "Programme lead", False, True),
    ("Cal Worker", "Caseworker", False, False),
    ("Pia Peer", "Peer supporter", False, False),
])
def test_each_role_sees_its_own_admin_tabs(qtbot, start_gui, vault, name, role_label,
                                           staff_tab, audit_tab):
    gui = start_gui(vault)
    sign_in(qtbot, gui.sign_in_window, name, PASSWORDS[name])
    main = gui.main_window
    assert main.who.text() == f"{name} · {role_label}"
    assert _titles() == {"PeerDesk"}, "no one's name in any window title"
    if not (staff_tab or audit_tab):
        assert main.admin_page is None and "Admin" not in main.pages
        return
    assert (main.admin_page.staff_page is not None) is staff_tab
    assert (main.admin_page.audit_page is not None) is audit_tab
    tabs = [main.admin_page.tabs.tabText(i) for i in range(main.admin_page.tabs.count())]
    # Other tabs (backups, retention, …) follow their own permissions.
    assert ("&Staff" in tabs) is staff_tab and ("Screen lo&ck" in tabs) is staff_tab
    assert ("Audit &log" in tabs) is audit_tab


def test_wizard_moves_on_with_the_enter_key(qtbot, start_gui, tmp_path):
    gui = start_gui(VaultPaths.at(tmp_path / "centre.peerdesk"))
    wizard = gui.wizard
    qtbot.keyClicks(wizard.centre_page.centre, "Keyboard Centre")
    qtbot.keyClick(wizard.centre_page.centre, Qt.Key.Key_Return)
    assert wizard.currentPage() is wizard.admin_page
    assert wizard.button(QWizard.WizardButton.CommitButton).text() == "&Create vault"
    # A centre name of only spaces is refused, beside the field.
    wizard.back()
    wizard.centre_page.centre.setText("   ")
    assert not wizard.centre_page.validatePage()
    assert wizard.centre_page.error.text() == "The centre's name can't be empty."
