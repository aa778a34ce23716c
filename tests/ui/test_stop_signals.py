"""Ctrl+C and SIGTERM close the app through its normal path (app/gui_signals.py).

In this process with qtbot (a real signal to ourselves, the controller signed
in), and as a person meets it: `peerdesk --demo` in a terminal, stopped with
Ctrl+C or SIGTERM, prints where the demo was and leaves nothing behind.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from peerdesk.app import gui as gui_module
from peerdesk.app.exit_codes import EXIT_INTERRUPTED, EXIT_TERMINATED
from peerdesk.app.gui_signals import StopSignals
from peerdesk.domain.audit import AuditAction
from peerdesk.storage.vault import LockedVault
from tests.fixtures.vaults import close, sign_in
from tests.ui.conftest import ADMIN_NAME, ADMIN_PASSWORD
from tests.ui.conftest import sign_in as type_sign_in

pytestmark = pytest.mark.skipif(sys.platform == "win32",
                                reason="sends POSIX signals to a process")


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_a_signal_reaches_the_gui_thread_and_the_old_handlers_come_back(qtbot, signum):
    before = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM)}
    received: list[int] = []
    stop = StopSignals(received.append)
    try:
        os.kill(os.getpid(), signum)
        qtbot.waitUntil(lambda: received == [signum], timeout=5000)
    finally:
        stop.uninstall()
    assert {s: signal.getsignal(s) for s in before} == before
    stop.uninstall()  # twice is harmless


def test_sigterm_signs_out_and_gives_the_vault_back(qtbot, start_gui, vault, monkeypatch):
    exits: list[int] = []
    monkeypatch.setattr(gui_module.QApplication, "exit", lambda code=0: exits.append(code))
    controller = start_gui(vault)
    type_sign_in(qtbot, controller.sign_in_window, ADMIN_NAME, ADMIN_PASSWORD)
    assert controller.session is not None
    stop = StopSignals(controller.stop_on_signal)
    try:
        os.kill(os.getpid(), signal.SIGTERM)
        qtbot.waitUntil(lambda: bool(exits), timeout=5000)
    finally:
        stop.uninstall()
    assert exits == [EXIT_TERMINATED]
    assert controller.session is None and controller.locked is None
    assert not controller.main_window.isVisible()
    # Signed out the normal way: audited, and another PeerDesk may open the vault.
    session = sign_in(vault, ADMIN_NAME)
    try:
        from peerdesk.services import audit_log

        actions = [e.action for e in audit_log.recent_events(session, limit=5)]
    finally:
        close(session)
    assert AuditAction.SIGNED_OUT in actions


# -- as a person meets it --------------------------------------------------------------

def _holds_flock(pid: int, path: Path) -> bool:
    """Whether process `pid` holds a lock on `path` (Linux's /proc/locks; read only)."""
    try:
        inode = path.stat().st_ino
        lines = Path("/proc/locks").read_text().splitlines()
    except OSError:
        return False
    for line in lines:
        fields = line.split()
        if "->" in fields:
            continue  # waiting, not holding
        if len(fields) >= 6 and fields[4] == str(pid) and fields[5].endswith(f":{inode}"):
            return True
    return False


@pytest.mark.skipif(not Path("/proc/locks").exists(), reason="needs Linux's /proc/locks")
@pytest.mark.parametrize(("signum", "code", "words"), [
    (signal.SIGINT, EXIT_INTERRUPTED, "stopped by Ctrl+C"),
    (signal.SIGTERM, EXIT_TERMINATED, "stopped by SIGTERM"),
])
def test_demo_prints_where_it_is_then_a_signal_closes_it_and_removes_it(signum, code, words):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("PEERDESK_EXIT_AFTER_FIRST_PAINT", None)
    child = subprocess.Popen([sys.executable, "-m", "peerdesk", "--demo"], env=env,
                             stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None
        lines = [child.stdout.readline().rstrip("\n") for _ in range(4)]
        assert lines[0] == "PeerDesk demo: made-up people only; deleted when PeerDesk closes."
        assert lines[1].startswith("demo vault: ")
        assert lines[2].startswith("user: ") and lines[3].startswith("password: ")
        database = Path(lines[1].removeprefix("demo vault: "))
        assert database.exists()
        # The app is running once its sign-in window has opened the vault.
        lock = database.with_name(database.name + ".lock")
        deadline = time.monotonic() + 60
        while not _holds_flock(child.pid, lock):
            assert child.poll() is None, child.stderr.read() if child.stderr else ""
            assert time.monotonic() < deadline, "the app never opened the demo vault"
            time.sleep(0.05)
        child.send_signal(signum)
        assert child.wait(timeout=60) == code
        stderr = child.stderr.read() if child.stderr else ""
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        for stream in (child.stdout, child.stderr):
            if stream is not None:
                stream.close()
    assert "Traceback" not in stderr
    assert stderr.strip().splitlines()[-1] == f"peerdesk: {words}; PeerDesk was closed."
    assert not database.parent.exists()


@pytest.mark.skipif(not Path("/proc/locks").exists(), reason="needs Linux's /proc/locks")
def test_nothing_is_left_open_after_the_app_is_stopped(vault):
    """The vault opened by `peerdesk --vault PATH` is free again after SIGTERM."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("PEERDESK_EXIT_AFTER_FIRST_PAINT", None)
    child = subprocess.Popen([sys.executable, "-m", "peerdesk", "--vault", str(vault.database)],
                             env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while not _holds_flock(child.pid, vault.lock):
            assert child.poll() is None
            assert time.monotonic() < deadline, "the app never opened the vault"
            time.sleep(0.05)
        child.send_signal(signal.SIGTERM)
        assert child.wait(timeout=60) == EXIT_TERMINATED
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        if child.stderr is not None:
            child.stderr.close()
    LockedVault.open(vault).release()
