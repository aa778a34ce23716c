"""PeerDesk never opens a network socket (DESIGN.md §4): a whole GUI session, watched two ways.

1. The process's own sockets (/proc/self/fd -> socket:[inode]) matched against the
   kernel's AF_INET/AF_INET6 tables (/proc/net/tcp, tcp6, udp, udp6), sampled at
   every step, so a socket opened by Qt or any C library is seen too.
2. Python's socket.socket wrapped, recording every AF_INET/AF_INET6 socket made.

The guard test opens sockets on purpose and proves both detectors see them.
"""

from __future__ import annotations

import os
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QWizard

from peerdesk.storage.paths import VaultPaths
from peerdesk.ui.admin.staff_dialogs import AddStaffDialog
from peerdesk.ui.recovery_dialog import RecoveryDialog
from tests.ui.conftest import one_visible, sign_in

INET_TABLES = ("tcp", "tcp6", "udp", "udp6")

pytestmark = pytest.mark.skipif(not Path("/proc/net/tcp").exists(),
                                reason="needs Linux /proc to see the process's sockets")


def _inet_inodes() -> set[str]:
    inodes: set[str] = set()
    for table in INET_TABLES:
        path = Path("/proc/self/net") / table
        if not path.exists():
            continue
        for line in path.read_text().splitlines()[1:]:
            fields = line.split()
            if len(fields) > 9:
                inodes.add(fields[9])
    return inodes


def _own_socket_inodes() -> set[str]:
    inodes: set[str] = set()
    for fd in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:
            continue  # closed meanwhile (the listing's own fd, say)
        if target.startswith("socket:[") and target.endswith("]"):
            inodes.add(target[len("socket:["):-1])
    return inodes


def open_inet_sockets() -> set[str]:
    """Inodes of the AF_INET/AF_INET6 sockets this process holds open right now."""
    return _own_socket_inodes() & _inet_inodes()


class SocketWatch:
    """Samples the process's internet sockets and records Python-made ones."""

    def __init__(self) -> None:
        self.baseline = open_inet_sockets()
        self.seen: set[str] = set()
        self.created: list[tuple[int, int]] = []

    def sample(self) -> None:
        self.seen |= open_inet_sockets() - self.baseline

    @property
    def anything(self) -> bool:
        self.sample()
        return bool(self.seen or self.created)


@pytest.fixture
def watch(monkeypatch) -> Iterator[SocketWatch]:
    watcher = SocketWatch()
    real_socket = socket.socket

    class RecordingSocket(real_socket):  # type: ignore[misc, valid-type]
        def __init__(self, family: int = -1, type: int = -1, proto: int = -1,
                     fileno: int | None = None) -> None:
            super().__init__(family, type, proto, fileno)
            if self.family in (socket.AF_INET, socket.AF_INET6):
                watcher.created.append((int(self.family), int(self.type)))

    monkeypatch.setattr(socket, "socket", RecordingSocket)
    yield watcher


def test_the_detectors_do_see_a_socket_opened_on_purpose(watch):
    assert not watch.anything
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        server.bind(("127.0.0.1", 0))
        server.listen(1)
        udp.bind(("127.0.0.1", 0))
        watch.sample()
        assert len(watch.seen) == 2, "the /proc detector must see both sockets"
        assert len(watch.created) == 2, "the socket.socket wrapper must see both"
    finally:
        server.close()
        udp.close()
    # And a socket made and closed between samples is still caught by the wrapper.
    fresh = SocketWatch()
    assert not fresh.anything
    assert watch.anything


def _press_ok(qtbot, dialog) -> None:
    button = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_a_whole_gui_session_opens_no_network_socket(qtbot, start_gui, tmp_path, watch):
    paths = VaultPaths.at(tmp_path / "centre.peerdesk")
    gui = start_gui(paths)
    watch.sample()

    wizard = gui.wizard
    qtbot.keyClicks(wizard.centre_page.centre, "No Network Centre")
    wizard.next()
    qtbot.keyClicks(wizard.admin_page.name, "Ada Admin")
    wizard.admin_page.passwords.password.setText("correct horse battery staple")
    wizard.admin_page.passwords.confirm.setText("correct horse battery staple")
    wizard.next()
    watch.sample()
    recovery_key = wizard.new_centre.recovery_key
    wizard.recovery_page.stored.setChecked(True)
    wizard.button(QWizard.WizardButton.FinishButton).click()
    main = gui.main_window
    assert main is not None
    watch.sample()

    for title in main.pages:
        main.show_page(title)
        qtbot.wait(5)
        watch.sample()
    main.admin_page.show_audit_log()
    main.show_page("Admin")
    main.admin_page.staff_page.add_staff()
    dialog = one_visible(AddStaffDialog)
    qtbot.keyClicks(dialog.name, "Cal Worker")
    dialog.passwords.password.setText("caseworker pass phrase 7")
    dialog.passwords.confirm.setText("caseworker pass phrase 7")
    _press_ok(qtbot, dialog)
    watch.sample()

    qtbot.keyClick(main, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    window = gui.sign_in_window
    assert window.isVisible()
    watch.sample()
    sign_in(qtbot, window, "Ada Admin", "wrong password here")
    watch.sample()
    window.open_recovery()
    recovery = one_visible(RecoveryDialog)
    recovery.key.setText(recovery_key)
    recovery.unlock()
    recovery.reject()
    watch.sample()
    sign_in(qtbot, window, "Cal Worker", "caseworker pass phrase 7")
    assert gui.session is not None
    watch.sample()
    gui.sign_out()
    gui.shutdown()
    qtbot.wait(20)

    assert not watch.anything, (
        f"internet sockets seen: {sorted(watch.seen)}; created: {watch.created}")
