"""Admin › Backups: back up now in the background, restore with a preview, the daily backup."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from peerdesk.domain.audit import AuditAction
from peerdesk.services import backups
from peerdesk.services.backups import BackupResult, BackupSettings, RestoreResult
from peerdesk.storage.paths import VaultPaths
from peerdesk.storage.repositories import audit as audit_repo
from peerdesk.ui.admin.auto_backup import SAVED_TEXT, AutoBackupNotifier
from peerdesk.ui.admin.restore_dialog import RECOVERY_CHOICE
from tests.fixtures.vaults import can_sign_in, close
from tests.fixtures.vaults import sign_in as open_session
from tests.ui.conftest import ADMIN_NAME, ADMIN_PASSWORD, PASSWORDS, message_texts, sign_in

TIMEOUT_MS = 60_000  # a bound for a stuck worker, not a speed test


def _backups_page(qtbot, start_gui, vault, name=ADMIN_NAME):
    gui = start_gui(vault)
    sign_in(qtbot, gui.sign_in_window, name, PASSWORDS[name])
    gui.main_window.show_page("Admin")
    admin = gui.main_window.admin_page
    admin.tabs.setCurrentWidget(admin.backups_page)
    return gui, admin.backups_page


def _back_up_by_click(qtbot, page):
    with qtbot.waitSignal(page.backup_finished, timeout=TIMEOUT_MS) as finished:
        qtbot.mouseClick(page.back_up_button, Qt.MouseButton.LeftButton)
    return finished.args[0]


def test_back_up_now_writes_a_verified_backup_and_lists_it(qtbot, start_gui, vault, tmp_path):
    stick = tmp_path / "stick"
    stick.mkdir()
    gui, page = _backups_page(qtbot, start_gui, vault)
    assert not page.back_up_button.isEnabled()  # no folder yet
    page.choose_directory = lambda *_args: str(stick)
    qtbot.mouseClick(page.choose_button, Qt.MouseButton.LeftButton)
    assert page.folder.text() == str(stick)
    assert backups.backup_settings(gui.session).folder == stick  # saved at once

    result = _back_up_by_click(qtbot, page)
    assert isinstance(result, BackupResult)
    assert "saved and checked" in page.result.text() and "5 staff" in page.result.text()
    assert page.model.rowCount() == 1
    assert page.model.rows()[0].path == result.path
    assert "none yet" not in page.last.text()
    # Only the finished pair is in the folder, and it opens with the same password.
    assert sorted(p.name for p in stick.iterdir()) == [
        result.path.name, result.path.name + ".casework", result.path.name + ".keys"]
    assert backups.preview(result.path, ADMIN_NAME, ADMIN_PASSWORD).counts["staff"] == 5


def test_a_failed_backup_says_so_and_leaves_nothing(qtbot, start_gui, vault, tmp_path):
    stick = tmp_path / "stick"
    stick.mkdir()
    _gui, page = _backups_page(qtbot, start_gui, vault)
    page.set_folder(stick)
    shutil.rmtree(stick)  # the stick was pulled out
    error = _back_up_by_click(qtbot, page)
    assert not isinstance(error, BackupResult)
    assert page.result.text().startswith("No backup was made.")
    assert any("can't be found" in text for text in message_texts())
    assert page.back_up_button.isEnabled()  # ready to try again


def test_settings_are_saved_from_the_tab(qtbot, start_gui, vault, tmp_path):
    gui, page = _backups_page(qtbot, start_gui, vault)
    page.set_folder(tmp_path)
    page.keep.setValue(3)
    page.auto.setChecked(False)
    assert page.save_button.isEnabled()
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert not page.save_button.isEnabled()
    assert backups.backup_settings(gui.session) == BackupSettings(tmp_path, 3, False)


def test_restore_shows_a_preview_then_restores_into_a_new_vault(qtbot, start_gui, vault,
                                                                 tmp_path):
    stick = tmp_path / "stick"
    stick.mkdir()
    gui, page = _backups_page(qtbot, start_gui, vault)
    page.set_folder(stick)
    _back_up_by_click(qtbot, page)
    page.table.selectRow(0)
    dialog = page.restore()
    assert dialog is not None and dialog.isVisible()
    accounts = [dialog.account.itemText(i) for i in range(dialog.account.count())]
    assert ADMIN_NAME in accounts and accounts[-1] == RECOVERY_CHOICE
    assert not dialog.restore_button.isEnabled()

    dialog.account.setCurrentText("Lee Lead")
    qtbot.keyClicks(dialog.secret, "not the password")
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    assert dialog.error.isVisibleTo(dialog) and "don't match" in dialog.error.text()
    assert not dialog.restore_button.isEnabled()

    dialog.secret.clear()
    qtbot.keyClicks(dialog.secret, PASSWORDS["Lee Lead"])
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    assert "5 staff accounts" in dialog.preview.text()
    assert "0 peers" in dialog.preview.text()
    target = tmp_path / "restored" / "centre.peerdesk"
    dialog.target.setText(str(target))
    assert dialog.restore_button.isEnabled()
    with qtbot.waitSignal(dialog.restore_finished, timeout=TIMEOUT_MS) as finished:
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert isinstance(finished.args[0], RestoreResult)
    assert f'peerdesk --vault "{target}"' in dialog.outcome.text()
    assert can_sign_in(VaultPaths.at(target), ADMIN_NAME)
    assert gui.session is not None  # this vault is still open and unchanged
    # ...but for the line in its audit log saying a backup was restored from it.
    latest = audit_repo.recent(gui.session.db, limit=1)[0]
    assert (latest.action, latest.target_kind, latest.detail) == (
        AuditAction.EXPORTED, "backup", "restored as a new vault")


def test_restore_refuses_the_vault_in_use(qtbot, start_gui, vault, tmp_path):
    stick = tmp_path / "stick"
    stick.mkdir()
    _gui, page = _backups_page(qtbot, start_gui, vault)
    page.set_folder(stick)
    result = _back_up_by_click(qtbot, page)
    dialog = page.restore()
    dialog.set_backup(result.path)
    dialog.account.setCurrentText(ADMIN_NAME)
    qtbot.keyClicks(dialog.secret, ADMIN_PASSWORD)
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    dialog.target.setText(str(vault.database))
    before = vault.keys.read_bytes()
    with qtbot.waitSignal(dialog.restore_finished, timeout=TIMEOUT_MS):
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert "Nothing was restored" in dialog.error.text()
    assert "in use" in dialog.error.text()
    assert vault.keys.read_bytes() == before


def test_lock_clears_the_tab(qtbot, start_gui, vault, tmp_path):
    gui, page = _backups_page(qtbot, start_gui, vault)
    page.set_folder(tmp_path)
    gui.lock()
    assert page.session is None
    assert page.folder.text() == "" and page.model.rowCount() == 0
    assert not page.back_up_button.isEnabled()


def test_roles_without_backups_have_no_tab(qtbot, start_gui, vault):
    gui = start_gui(vault)
    sign_in(qtbot, gui.sign_in_window, "Lee Lead", PASSWORDS["Lee Lead"])
    admin = gui.main_window.admin_page
    assert admin is None or admin.backups_page is None


def _auto_backup_to(vault, folder: Path) -> None:
    session = open_session(vault, ADMIN_NAME)
    try:
        backups.save_backup_settings(session, BackupSettings(folder=folder, keep=7, auto=True))
    finally:
        close(session)


def test_first_sign_in_of_the_day_backs_up_in_the_background(qtbot, start_gui, vault,
                                                             tmp_path):
    stick = tmp_path / "stick"
    stick.mkdir()
    _auto_backup_to(vault, stick)
    gui = start_gui(vault)
    sign_in(qtbot, gui.sign_in_window, "Pia Peer", PASSWORDS["Pia Peer"])
    assert gui.main_window.isVisible()  # signed in, whatever the backup is doing
    notifier = gui.main_window.findChild(AutoBackupNotifier)
    assert notifier is not None
    qtbot.waitUntil(lambda: notifier.done, timeout=TIMEOUT_MS)
    assert isinstance(notifier.outcome, BackupResult)
    assert gui.main_window.statusBar().currentMessage() == SAVED_TEXT
    assert len(list(stick.glob("peerdesk-backup-*.peerdesk"))) == 1

    # Signing in again the same day makes no second backup.
    gui.sign_out()
    sign_in(qtbot, gui.sign_in_window, ADMIN_NAME, ADMIN_PASSWORD)
    assert gui.main_window.findChild(AutoBackupNotifier) is None
    assert len(list(stick.glob("peerdesk-backup-*.peerdesk"))) == 1


def test_a_failed_automatic_backup_is_a_notice_not_a_stop(qtbot, start_gui, vault, tmp_path):
    stick = tmp_path / "stick"
    stick.mkdir()
    _auto_backup_to(vault, stick)
    stick.rmdir()  # the stick is not plugged in today
    gui = start_gui(vault)
    sign_in(qtbot, gui.sign_in_window, "Cal Worker", PASSWORDS["Cal Worker"])
    notifier = gui.main_window.findChild(AutoBackupNotifier)
    qtbot.waitUntil(lambda: notifier.done, timeout=TIMEOUT_MS)
    boxes = [w for w in gui.main_window.findChildren(QMessageBox) if w.isVisible()]
    assert len(boxes) == 1
    assert "Your work is safe" in boxes[0].text()
    assert boxes[0].windowModality() == Qt.WindowModality.NonModal
    assert gui.session is not None


def test_restore_dialog_names_a_missing_key_file(qtbot, start_gui, vault, tmp_path):
    stick = tmp_path / "stick"
    stick.mkdir()
    _gui, page = _backups_page(qtbot, start_gui, vault)
    page.set_folder(stick)
    result = _back_up_by_click(qtbot, page)
    dialog = page.restore()
    dialog.set_backup(result.path)
    dialog.account.setCurrentText("Cal Worker")
    dialog.set_backup(result.path)  # the same file again keeps the chosen account
    assert dialog.account.currentText() == "Cal Worker"
    VaultPaths(result.path).keys.unlink()
    lone = tmp_path / "lone.peerdesk"
    shutil.copyfile(result.path, lone)
    dialog.set_backup(lone)
    assert "lone.peerdesk.keys" in dialog.error.text()
    assert dialog.account.count() == 1  # only the recovery key is left to try
