"""Issue 14 item 3: a new centre is not left alone — what the first person does, first
steps on Today that tick themselves off, and automatic backup never on without a folder."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from peerdesk.domain.audit import AuditAction
from peerdesk.domain.errors import PermissionDenied, ValidationError
from peerdesk.domain.peer import PeerDraft
from peerdesk.domain.staff import Compartment, Role
from peerdesk.services import accounts, backups, first_steps, peers, reports
from peerdesk.services.backups import BackupSettings
from peerdesk.services.first_steps import Step
from peerdesk.storage.paths import VaultPaths
from peerdesk.storage.repositories import audit as audit_repo
from peerdesk.storage.repositories.meta import set_setting
from peerdesk.ui.admin.backups_page import BackupsPage
from peerdesk.ui.peers.no_access import NoAccessPage
from peerdesk.ui.reports.settings_dialog import ReportSettingsDialog
from peerdesk.ui.setup_wizard import SetupWizard
from peerdesk.ui.today.today_page import TodayPage
from tests.fixtures.vaults import close
from tests.fixtures.vaults import sign_in as open_session
from tests.ui.conftest import ADMIN_NAME, PASSWORDS, sign_in
from tests.ui.test_reports_page import picture_bytes

PASSWORD = "a long first password 7"
NAME = "Sam Founder"


def _through_the_wizard(qtbot, start_gui, folder: Path, *, admin_only: bool = False):
    paths = VaultPaths.at(folder / "centre.peerdesk")
    gui = start_gui(paths)
    wizard = gui.wizard
    assert isinstance(wizard, SetupWizard)
    qtbot.keyClicks(wizard.centre_page.centre, "Harbour Lane")
    wizard.next()
    page = wizard.admin_page
    assert page.also_lead.isChecked()  # the usual small centre: one person does both
    if admin_only:
        qtbot.mouseClick(page.admin_only, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(page.name, NAME)
    qtbot.keyClicks(page.passwords.password, PASSWORD)
    qtbot.keyClicks(page.passwords.confirm, PASSWORD)
    wizard.button(QWizard.WizardButton.CommitButton).click()
    assert wizard.currentPage() is wizard.recovery_page
    wizard.recovery_page.stored.setChecked(True)
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert gui.main_window is not None and gui.session is not None
    return gui, paths


def test_one_person_can_be_administrator_and_programme_lead_with_both_keys(tmp_path):
    from peerdesk.services.setup import create_centre

    paths = VaultPaths.at(tmp_path / "c.peerdesk")
    new = create_centre(paths, centre_name="C", admin_name=NAME, password=PASSWORD,
                        confirm=PASSWORD, roles={Role.ADMIN, Role.PROGRAMME_LEAD})
    session = new.session
    assert session.staff.roles == {Role.ADMIN, Role.PROGRAMME_LEAD}
    for compartment in (Compartment.MAIN, Compartment.CASEWORK, Compartment.AUTHORITY):
        assert session.holds(compartment)
    # Nothing owed: their roles keep the casework key.
    assert not [e for e in audit_repo.recent(session.db)
                if e.action is AuditAction.ROTATION_OWED]
    peer_id = peers.create(session, PeerDraft("Amara", first_contact=date(2026, 3, 2)))
    accounts.add_staff(session, name="Cal Worker", role=Role.CASEWORKER, password=PASSWORD,
                       confirm=PASSWORD, must_change_password=False)
    close(session)
    # Signed in again, the same person still holds every key and sees the peer.
    again = open_session(paths, NAME, PASSWORD)
    try:
        assert again.holds(Compartment.CASEWORK) and again.holds(Compartment.AUTHORITY)
        assert peers.open_page(again, peer_id).peer.details.preferred_name == "Amara"
    finally:
        close(again)


def test_setup_as_admin_and_lead_lands_on_today_with_first_steps(qtbot, start_gui,
                                                                  tmp_path):
    gui, _paths = _through_the_wizard(qtbot, start_gui, tmp_path)
    window = gui.main_window
    today = window.pages["Today"]
    assert isinstance(today, TodayPage)  # not "nothing to show here"
    assert "Reports" in window.pages and "Admin" in window.pages
    assert window.who.text() == f"{NAME} · Programme lead, Administrator"
    panel = today.first_steps
    assert panel is not None
    qtbot.waitUntil(panel.isVisible)
    done = {s.step: s.done for s in panel.steps}
    assert done == {Step.RECOVERY_KEY: True, Step.BACKUP_FOLDER: False, Step.STAFF: False,
                    Step.IMPORT: False, Step.REPORT: False}
    assert panel.marks[Step.RECOVERY_KEY].text() == "✓"
    assert not panel.buttons[Step.RECOVERY_KEY].isVisible()
    assert not panel.hide_button.isEnabled()
    # A new vault's automatic backup is off until it has a folder: no warning.
    assert not panel.backup_warning.isVisible()
    # They can record a peer at once.
    peer_id = peers.create(gui.session, PeerDraft("Amara", first_contact=date(2026, 3, 2)))
    assert window.caseload.open_peer(peer_id)

    # Backup folder: the button goes to Admin › Backups; choosing one ticks the step.
    window.show_page("Today")
    qtbot.mouseClick(panel.buttons[Step.BACKUP_FOLDER], Qt.MouseButton.LeftButton)
    backups_page = window.admin_page.backups_page
    assert window.stack.currentWidget() is window.admin_page
    assert window.admin_page.tabs.currentWidget() is backups_page
    stick = tmp_path / "stick"
    stick.mkdir()
    backups_page.set_folder(stick)
    assert backups.backup_settings(gui.session) == BackupSettings(stick, 7, True)

    # Staff: the button goes to Admin › Staff; adding someone ticks it.
    window.show_page("Today")
    qtbot.mouseClick(panel.buttons[Step.STAFF], Qt.MouseButton.LeftButton)
    assert window.admin_page.tabs.currentWidget() is window.admin_page.staff_page
    accounts.add_staff(gui.session, name="Cal Worker", role=Role.CASEWORKER,
                       password=PASSWORD, confirm=PASSWORD, must_change_password=False)

    # Import: nothing to bring in here.
    window.show_page("Today")
    qtbot.mouseClick(panel.skip_buttons[Step.IMPORT], Qt.MouseButton.LeftButton)

    # Report: the button opens the report settings; a logo ticks it.
    qtbot.mouseClick(panel.buttons[Step.REPORT], Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.reports_page
    dialog = next(d for d in window.findChildren(ReportSettingsDialog) if d.isVisible())
    dialog.reject()
    reports.set_logo(gui.session, picture_bytes())

    window.show_page("Today")
    today.reload()
    state = {s.step: (s.done, s.set_aside) for s in panel.steps}
    assert state == {Step.RECOVERY_KEY: (True, False), Step.BACKUP_FOLDER: (True, False),
                     Step.STAFF: (True, False), Step.IMPORT: (False, True),
                     Step.REPORT: (True, False)}
    assert all(not b.isVisible() for b in panel.buttons.values())
    assert panel.hide_button.isEnabled()
    qtbot.mouseClick(panel.hide_button, Qt.MouseButton.LeftButton)
    assert not panel.isVisible()
    # Kept in the vault: hidden at the next sign-in too.
    assert first_steps.steps(gui.session).hidden


def test_setup_as_administrator_only_still_shows_first_steps(qtbot, start_gui, tmp_path):
    gui, _paths = _through_the_wizard(qtbot, start_gui, tmp_path, admin_only=True)
    assert gui.session.staff.roles == {Role.ADMIN}
    today = gui.main_window.pages["Today"]
    assert isinstance(today, NoAccessPage)
    panel = today.first_steps
    assert panel is not None
    qtbot.waitUntil(panel.isVisible)
    # A programme lead imports and sets up reports: shown, without a button here.
    for step in (Step.IMPORT, Step.REPORT):
        assert not panel.buttons[step].isVisible()
        assert panel.labels[step].toolTip()
    assert panel.buttons[Step.BACKUP_FOLDER].isVisible()
    with pytest.raises(PermissionDenied):
        first_steps.set_aside(gui.session, Step.IMPORT)


@pytest.mark.parametrize("name", ["Cal Worker", "Pia Peer"])
def test_other_roles_get_no_first_steps(qtbot, start_gui, vault, name):
    gui = start_gui(vault)
    sign_in(qtbot, gui.sign_in_window, name, PASSWORDS[name])
    today = gui.main_window.pages["Today"]
    assert isinstance(today, TodayPage) and today.first_steps is None
    with pytest.raises(PermissionDenied):
        first_steps.steps(gui.session)
    with pytest.raises(PermissionDenied):
        first_steps.hide(gui.session)


def test_the_list_cannot_be_hidden_while_a_step_is_left(vault):
    session = open_session(vault, ADMIN_NAME)
    try:
        with pytest.raises(ValidationError):
            first_steps.hide(session)
        with pytest.raises(ValidationError):
            first_steps.set_aside(session, Step.BACKUP_FOLDER)
    finally:
        close(session)


def test_automatic_backup_needs_a_folder_at_the_service(vault, tmp_path):
    session = open_session(vault, ADMIN_NAME)
    try:
        with pytest.raises(ValidationError) as refused:
            backups.save_backup_settings(session, BackupSettings(folder=None, auto=True))
        assert refused.value.field == "auto" and "folder" in refused.value.user_message
        backups.save_backup_settings(session, BackupSettings(folder=None, auto=False))
        backups.save_backup_settings(session, BackupSettings(folder=tmp_path, auto=True))
        assert backups.backup_settings(session).auto
    finally:
        close(session)


def test_ticking_automatic_backup_with_no_folder_says_why_at_the_box(qtbot, start_gui, vault):
    gui = start_gui(vault)
    sign_in(qtbot, gui.sign_in_window, ADMIN_NAME, PASSWORDS[ADMIN_NAME])
    gui.main_window.show_page("Admin")
    admin = gui.main_window.admin_page
    admin.tabs.setCurrentWidget(admin.backups_page)
    page = admin.backups_page
    assert isinstance(page, BackupsPage)
    assert page.folder.text() == "" and not page.auto.isChecked()
    qtbot.mouseClick(page.auto, Qt.MouseButton.LeftButton)
    assert not page.auto.isChecked()
    assert page.auto_error.isVisible() and "Choose a folder first" in page.auto_error.text()
    assert not backups.backup_settings(gui.session).auto


def test_an_older_vault_with_automatic_backup_and_no_folder_is_warned(qtbot, start_gui,
                                                                      vault):
    session = open_session(vault, ADMIN_NAME)
    try:  # as vaults made before this rule were: on by default, no folder
        with session.db.transaction():
            set_setting(session.db, "backup_auto", "1")
        assert backups.auto_switched_on_without_folder(session)
        assert not backups.backup_settings(session).auto  # and nothing pretends otherwise
    finally:
        close(session)
    gui = start_gui(vault)
    sign_in(qtbot, gui.sign_in_window, "Lee Lead", PASSWORDS["Lee Lead"])
    today = gui.main_window.pages["Today"]
    assert isinstance(today, TodayPage) and today.first_steps is not None
    qtbot.waitUntil(today.first_steps.backup_warning.isVisible)
    assert "no backup folder" in today.first_steps.backup_warning.text()
    gui.main_window.sign_out_requested.emit()
    sign_in(qtbot, gui.sign_in_window, ADMIN_NAME, PASSWORDS[ADMIN_NAME])
    admin = gui.main_window.admin_page
    gui.main_window.show_page("Admin")
    admin.tabs.setCurrentWidget(admin.backups_page)
    qtbot.waitUntil(admin.backups_page.no_folder_warning.isVisible)


def test_the_demo_centre_shows_no_first_steps(demo_vault):
    from peerdesk.services.demo import DEMO_ADMIN, DEMO_PASSWORD

    session = open_session(demo_vault, DEMO_ADMIN, DEMO_PASSWORD)
    try:
        found = first_steps.steps(session)
        assert found.hidden and not found.all_finished
    finally:
        close(session)
