"""Start-up: the first window, the benchmark's paint hook, and vaults that can't be opened."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest
from PySide6.QtWidgets import QMessageBox

from peerdesk.app import gui as gui_module
from peerdesk.domain.errors import KeyFileMissing, VaultInUse
from peerdesk.storage.vault import LockedVault
from peerdesk.ui.errors import UNEXPECTED_MESSAGE
from tests.ui.conftest import ADMIN_NAME, ADMIN_PASSWORD, sign_in, visible

# What only the commands need: starting the app doesn't build their parsers.
COMMAND_MODULES = ("peerdesk.app.cli_backup", "peerdesk.app.cli_import", "peerdesk.app.cli_export",
                   "peerdesk.domain.import_columns")
HEAVY = ("reportlab", "argon2", "cryptography", "sqlcipher3", "PySide6.QtPrintSupport")


def _run_to_first_paint(vault_path, **env_extra: str) -> subprocess.CompletedProcess[str]:
    """Start the GUI as `peerdesk --vault PATH` does (`peerdesk` alone if PATH is None),
    in a child, until its first paint."""
    args = [] if vault_path is None else ["--vault", str(vault_path)]
    script = textwrap.dedent(f"""
        import sys
        from peerdesk.app.cli import main
        code = main({args!r})
        loaded = [m for m in {HEAVY!r} if m in sys.modules]
        print("exit", code, "heavy-before-exit", ",".join(loaded) or "-")
        commands = [m for m in {COMMAND_MODULES!r} if m in sys.modules]
        print("command-modules", ",".join(commands) or "-")
        from PySide6.QtWidgets import QApplication
        print("shown", ",".join(sorted(type(w).__name__ for w in QApplication.topLevelWidgets()
                                       if w.isVisible())))
    """)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PEERDESK_EXIT_AFTER_FIRST_PAINT="1",
               **env_extra)
    return subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          env=env, timeout=60, check=False)


def test_first_paint_of_the_sign_in_window_prints_painted_and_exits(vault):
    result = _run_to_first_paint(vault.database)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "painted"
    assert lines[1].startswith("exit 0")
    assert lines[2] == "command-modules -"
    # The vault was given back: another PeerDesk can open it now.
    LockedVault.open(vault).release()


def test_a_typed_path_with_no_vault_first_paints_the_question_and_creates_nothing(tmp_path):
    path = tmp_path / "new.peerdesk"
    result = _run_to_first_paint(path)
    assert result.returncode == 0, result.stderr
    # Not the setup wizard: first the question naming the path (test_new_vault_question.py).
    assert result.stdout.splitlines() == ["painted", "exit 0 heavy-before-exit -",
                                          "command-modules -", "shown NewVaultQuestion"]
    assert not path.exists()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="XDG data folder")
def test_the_first_run_on_the_default_vault_goes_straight_to_setup(tmp_path):
    result = _run_to_first_paint(None, XDG_DATA_HOME=str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "shown SetupWizard"
    assert list(tmp_path.iterdir()) == []


def test_sign_in_window_paints_before_the_storage_loads(qtbot, vault):
    controller = gui_module.GuiController(vault)
    window = controller.start(open_after_paint=True)
    try:
        assert window is controller.sign_in_window
        assert window.service is None and not window.sign_in_button.isEnabled()
        qtbot.waitUntil(lambda: window.service is not None, timeout=3000)
        assert window.sign_in_button.isEnabled()
        assert window.account.count() == 5
        sign_in(qtbot, window, ADMIN_NAME, ADMIN_PASSWORD)
        assert controller.session is not None
    finally:
        controller.shutdown()
        for w in (controller.sign_in_window, controller.main_window):
            if w is not None:
                w.hide()
                w.deleteLater()


@pytest.fixture
def fatal_messages(monkeypatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical",
                        staticmethod(lambda _parent, _title, text, *a: shown.append(text)))
    return shown


def _break_key_file(paths) -> type[Exception]:
    paths.keys.unlink()
    return KeyFileMissing


@pytest.mark.parametrize("damage", [_break_key_file])
def test_a_vault_that_cannot_be_opened_is_explained_and_exits_non_zero(
        vault, fatal_messages, damage):
    error = damage(vault)
    controller = gui_module.GuiController(vault)
    assert controller.start() is None
    assert controller.exit_code != 0
    assert fatal_messages == [error(file=vault.keys).user_message]


def test_a_vault_open_elsewhere_is_explained_after_paint(qtbot, vault, fatal_messages,
                                                          monkeypatch):
    exits: list[int] = []
    monkeypatch.setattr(gui_module.QApplication, "exit", lambda code=0: exits.append(code))
    elsewhere = LockedVault.open(vault)
    try:
        controller = gui_module.GuiController(vault)
        window = controller.start(open_after_paint=True)
        qtbot.addWidget(window)
        qtbot.waitUntil(lambda: bool(exits), timeout=3000)
        assert exits == [gui_module.EXIT_OPEN_FAILED]
        assert fatal_messages == [VaultInUse.default_message]
        assert not window.isVisible()
        controller.shutdown()
    finally:
        elsewhere.release()


def test_run_gui_returns_non_zero_when_the_vault_is_in_use(vault, fatal_messages, monkeypatch):
    monkeypatch.delenv("PEERDESK_EXIT_AFTER_FIRST_PAINT", raising=False)
    elsewhere = LockedVault.open(vault)
    try:
        assert gui_module.run_gui(vault) == gui_module.EXIT_OPEN_FAILED
    finally:
        elsewhere.release()
        sys.excepthook = sys.__excepthook__
    assert fatal_messages == [VaultInUse.default_message]


def test_unexpected_errors_show_a_neutral_message_not_a_traceback(qtbot, start_gui, vault,
                                                                  monkeypatch):
    gui = start_gui(vault)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    gui_module._install_excepthook(gui)
    try:
        raise RuntimeError("internal detail that must not be shown")
    except RuntimeError:
        sys.excepthook(*sys.exc_info())
    texts = [box.text() for box in visible(QMessageBox)]
    assert texts == [UNEXPECTED_MESSAGE]
    # A PeerDeskError that slipped through shows its own words.
    try:
        raise VaultInUse
    except VaultInUse:
        sys.excepthook(*sys.exc_info())
    assert VaultInUse.default_message in [box.text() for box in visible(QMessageBox)]


# Loaded only after the sign-in window has painted, or on first use (issue 17).
DEFERRED_TO_AFTER_PAINT = (
    *HEAVY, "peerdesk.storage.database", "peerdesk.storage.vault", "peerdesk.storage.keyslots",
    "peerdesk.storage.migrations", "peerdesk.services", "peerdesk.reports",
    "peerdesk.ui.main_window", "peerdesk.ui.recovery_dialog", "peerdesk.ui.help_window",
    "dataclasses", "json", "hashlib")
# Not even once the window lists the accounts: they load at the first sign-in.
DEFERRED_TO_SIGN_IN = (
    *HEAVY, "peerdesk.services.session", "peerdesk.services.key_changes", "peerdesk.services.keys",
    "peerdesk.storage.sealed_notes", "peerdesk.storage.audit_rules",
    "peerdesk.storage.rotation", "peerdesk.storage.repositories.staff",
    "peerdesk.storage.repositories.grants", "peerdesk.reports", "peerdesk.ui.main_window")


def test_the_sign_in_path_leaves_the_heavy_modules_for_later(vault):
    """What the process has imported when the sign-in window first paints, and
    when it has then opened the vault and listed the accounts: a fresh child, so
    nothing this test run imported counts."""
    script = textwrap.dedent(f"""
        import sys
        from PySide6.QtCore import QEvent, QObject, QTimer
        from PySide6.QtWidgets import QApplication, QWidget

        app = QApplication(sys.argv[:1])
        seen = {{}}

        def loaded(prefixes):
            return ",".join(sorted(m for m in sys.modules
                                   if any(m == p or m.startswith(p + ".") for p in prefixes)))

        class FirstPaint(QObject):
            def eventFilter(self, watched, event):
                if event.type() == QEvent.Type.Paint and isinstance(watched, QWidget):
                    app.removeEventFilter(self)
                    seen["paint"] = loaded({DEFERRED_TO_AFTER_PAINT!r})
                return False

        def accounts_listed():
            window = next((w for w in QApplication.topLevelWidgets()
                           if type(w).__name__ == "SignInWindow"), None)
            if window is not None and window.service is not None:
                seen["listed"] = loaded({DEFERRED_TO_SIGN_IN!r})
                seen["accounts"] = window.account.count()
                QApplication.exit(0)

        app.installEventFilter(FirstPaint(app))
        poll = QTimer(interval=10, timeout=accounts_listed)
        poll.start()
        QTimer.singleShot(20000, lambda: QApplication.exit(1))
        from peerdesk.app.cli import main
        main(["--vault", {str(vault.database)!r}])
        for key in ("paint", "listed", "accounts"):
            print(key, seen.get(key, "never"))
    """)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("PEERDESK_EXIT_AFTER_FIRST_PAINT", None)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            env=env, timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    lines = dict(line.split(" ", 1) for line in result.stdout.splitlines())
    assert lines["paint"] == "", f"loaded before the first paint: {lines['paint']}"
    assert lines["accounts"] == "5"
    assert lines["listed"] == "", f"loaded to list the accounts: {lines['listed']}"
