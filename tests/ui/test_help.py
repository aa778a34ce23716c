"""Help inside the app: the guides shipped with PeerDesk, shown offline, from every window
that needs them; About names the version, the vault and where backups go."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QApplication, QFileDialog

from peerdesk import __version__
from peerdesk.services import backups
from peerdesk.ui import help_window as help_module
from peerdesk.ui.about_dialog import AboutDialog
from peerdesk.ui.help_window import IMPORT_GUIDE, USER_GUIDE, HelpWindow
from peerdesk.ui.peers.import_dialog import ImportDialog
from tests.fixtures.vaults import close
from tests.fixtures.vaults import sign_in as open_session
from tests.ui.conftest import PASSWORDS, one_visible, sign_in, visible
from tests.ui.peers_helpers import signed_in


def _press_f1(qtbot, window) -> None:
    with qtbot.waitActive(window):
        window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_F1)


def _text(help_window: HelpWindow) -> str:
    return help_window.browser.toPlainText()


@pytest.mark.parametrize("name", ["Ada Admin", "Lee Lead", "Cal Worker", "Pia Peer"])
def test_every_role_has_the_help_menu_and_f1_opens_the_user_guide(qtbot, start_gui, vault,
                                                                  name):
    gui = start_gui(vault)
    sign_in(qtbot, gui.sign_in_window, name, PASSWORDS[name])
    main = gui.main_window
    menus = {a.text(): a.menu() for a in main.menuBar().actions()}
    assert list(menus) == ["&Account", "&Help"]
    assert [a.text() for a in menus["&Help"].actions() if not a.isSeparator()] == [
        "&User guide", "&Importing from a spreadsheet", "&About PeerDesk"]
    _press_f1(qtbot, main)
    shown = one_visible(HelpWindow)
    assert shown.current_guide == USER_GUIDE
    text = _text(shown)
    assert text.startswith("PeerDesk: a guide for centre staff")
    assert "Keys at a glance" in text and "**" not in text  # rendered, not raw Markdown
    assert shown.browser.document().rootFrame().childFrames(), "the tables are tables"
    # Not modal: the main window still takes input while the guide is open.
    assert not shown.isModal() and QApplication.activeModalWidget() is None
    # F1 again brings the same window forward rather than a second one.
    _press_f1(qtbot, main)
    assert visible(HelpWindow) == [shown]


def test_the_guides_link_to_each_other_and_back(qtbot, start_gui, vault):
    gui = start_gui(vault)
    sign_in(qtbot, gui.sign_in_window, "Lee Lead", PASSWORDS["Lee Lead"])
    shown = gui.main_window.help_menu.show_guide(USER_GUIDE)
    shown.browser.anchorClicked.emit(QUrl("import.md"))
    assert shown.current_guide == IMPORT_GUIDE
    assert _text(shown).startswith("Importing peers from an old spreadsheet")
    assert shown.guide_choice.currentData() == IMPORT_GUIDE
    assert shown.back_button.isEnabled()
    qtbot.mouseClick(shown.back_button, Qt.MouseButton.LeftButton)
    assert shown.current_guide == USER_GUIDE


def test_a_website_link_is_not_opened_and_its_address_is_shown(qtbot):
    shown = HelpWindow()
    qtbot.addWidget(shown)
    shown.show()
    shown.browser.anchorClicked.emit(QUrl("https://example.org/page"))
    assert shown.current_guide == USER_GUIDE
    assert shown.note.isVisible()
    assert "doesn't open websites" in shown.note.text()
    assert "https://example.org/page" in shown.note.text()
    shown.browser.anchorClicked.emit(QUrl("../../../../etc/passwd"))
    assert shown.current_guide == USER_GUIDE
    assert "outside the guides" in shown.note.text()


def test_the_template_link_saves_a_copy(qtbot, tmp_path):
    shown = HelpWindow(IMPORT_GUIDE)
    qtbot.addWidget(shown)
    shown.show()
    shown.browser.anchorClicked.emit(QUrl("import-template.csv"))
    chooser = one_visible(QFileDialog)
    target = tmp_path / "our-sheet.csv"
    chooser.fileSelected.emit(str(target))
    chooser.close()
    assert target.read_bytes() == (help_module.help_folder() / "import-template.csv").read_bytes()
    assert shown.note.text() == f"Saved a copy: {target}"


def test_find_in_the_guide(qtbot):
    shown = HelpWindow()
    qtbot.addWidget(shown)
    shown.show()
    qtbot.keyClicks(shown.find_field, "recovery key")
    qtbot.keyClick(shown.find_field, Qt.Key.Key_Return)
    assert shown.browser.textCursor().selectedText().lower() == "recovery key"
    shown.find_field.setText("zebra crossing")
    shown.find_next()
    assert "“zebra crossing” is not in this guide." in shown.note.text()


def test_a_missing_guide_says_so(qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(help_module, "help_folder", lambda: tmp_path)
    shown = HelpWindow()
    qtbot.addWidget(shown)
    assert "missing from this installation" in _text(shown)


def test_the_sign_in_window_opens_the_guide_with_f1_or_its_link(qtbot, start_gui, vault):
    gui = start_gui(vault)
    window = gui.sign_in_window
    _press_f1(qtbot, window)
    shown = one_visible(HelpWindow)
    assert shown.current_guide == USER_GUIDE and shown.parent() is window
    shown.close()
    qtbot.mouseClick(window.help_link, Qt.MouseButton.LeftButton)
    assert one_visible(HelpWindow).current_guide == USER_GUIDE


def test_the_import_dialog_opens_the_import_guide_beside_it(qtbot, vault):
    with signed_in(vault, "Lee Lead") as lead:
        dialog = ImportDialog(lead)
        qtbot.addWidget(dialog)
        dialog.show()
        assert "import guide that comes with PeerDesk (F1)" in dialog.summary.text()
        _press_f1(qtbot, dialog)
        shown = one_visible(HelpWindow)
        assert shown.current_guide == IMPORT_GUIDE and shown.parent() is dialog
        assert "## The columns" not in _text(shown) and "The columns" in _text(shown)
        shown.close()
        qtbot.mouseClick(dialog.guide_button, Qt.MouseButton.LeftButton)
        assert one_visible(HelpWindow).current_guide == IMPORT_GUIDE


def test_locking_closes_the_help(qtbot, start_gui, vault):
    gui = start_gui(vault)
    sign_in(qtbot, gui.sign_in_window, "Cal Worker", PASSWORDS["Cal Worker"])
    gui.main_window.help_menu.guide_action.trigger()
    assert visible(HelpWindow)
    qtbot.keyClick(one_visible(HelpWindow), Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert gui.session is None
    assert not visible(HelpWindow)


# -- About -----------------------------------------------------------------------------

def _about(qtbot, start_gui, vault, name) -> AboutDialog:
    gui = start_gui(vault)
    sign_in(qtbot, gui.sign_in_window, name, PASSWORDS[name])
    gui.main_window.help_menu.about_action.trigger()
    return one_visible(AboutDialog)


def test_about_names_the_version_the_vault_and_that_no_backup_folder_is_set(qtbot, start_gui,
                                                                           vault):
    about = _about(qtbot, start_gui, vault, "Pia Peer")
    assert about.version.text().startswith(f"PeerDesk {__version__} (Qt ")
    assert about.vault.text().startswith(f"{vault.database}\n")
    assert about.vault.text().endswith(f"\n{vault.keys}")
    assert about.backups.text() == (
        "No backup folder has been chosen yet: an administrator chooses one in "
        "Admin › Backups. No backup has been made yet.")


def test_about_says_where_backups_go_to_every_role(qtbot, start_gui, vault, tmp_path):
    stick = tmp_path / "stick"
    stick.mkdir()
    admin = open_session(vault, "Ada Admin")
    try:
        backups.save_backup_settings(admin, backups.BackupSettings(folder=stick, keep=3,
                                                                   auto=True))
        backups.back_up_now(admin)
    finally:
        close(admin)
    about = _about(qtbot, start_gui, vault, "Cal Worker")  # may not change backups
    lines = about.backups.text().splitlines()
    assert lines[0] == str(stick)
    assert lines[1].startswith("Automatically once a day, and when someone presses Back up "
                               "now. Last backup: ")
    assert len(lines) == 2


def test_about_says_when_the_backup_folder_is_not_there(qtbot, start_gui, vault, tmp_path):
    stick = tmp_path / "unplugged"
    admin = open_session(vault, "Ada Admin")
    try:
        backups.save_backup_settings(admin, backups.BackupSettings(folder=stick, keep=3,
                                                                   auto=False))
    finally:
        close(admin)
    text = _about(qtbot, start_gui, vault, "Ada Admin").backups.text()
    assert "Only when someone presses Back up now (automatic backups are off)." in text
    assert text.endswith("can't be found right now (is the USB stick plugged in?).")


def test_the_guide_shows_its_picture_of_the_peers_voice_page(qtbot):
    """The picture ships beside the guide, so the Help window (offline) can show it."""
    from PySide6.QtGui import QImage, QTextDocument

    window = HelpWindow(USER_GUIDE)
    qtbot.addWidget(window)
    url = window.browser.source().resolved(QUrl("peers-voice.png"))
    picture = window.browser.loadResource(QTextDocument.ResourceType.ImageResource.value, url)
    image = QImage.fromData(picture) if not isinstance(picture, QImage) else picture
    assert not image.isNull() and image.width() > 800
