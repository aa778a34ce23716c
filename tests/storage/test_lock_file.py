"""One PeerDesk per vault; a lock left by a killed process is recovered."""

from __future__ import annotations

import os
import signal
import subprocess
import sys

import pytest

from peerdesk.domain.errors import VaultInUse
from peerdesk.storage.vault import LockedVault
from tests.fixtures.vaults import ADMIN_NAME, can_sign_in

HOLD = """
import sys, time
from peerdesk.storage.paths import VaultPaths
from peerdesk.storage.vault import LockedVault
held = LockedVault.open(VaultPaths.at(sys.argv[1]))
print("locked", flush=True)
time.sleep(120)
"""


def test_second_open_in_the_same_process_is_refused(vault):
    first = LockedVault.open(vault)
    try:
        with pytest.raises(VaultInUse) as caught:
            LockedVault.open(vault)
        assert "already open" in caught.value.user_message
    finally:
        first.release()
    LockedVault.open(vault).release()


def test_lock_held_by_another_process_then_killed(vault):
    child = subprocess.Popen([sys.executable, "-c", HOLD, str(vault.database)],
                             stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "locked"
        with pytest.raises(VaultInUse):
            LockedVault.open(vault)
        assert not can_sign_in(vault, ADMIN_NAME)
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        child.stdout.close()
    assert vault.lock.exists()  # stale: the file stays, the lock went with the process
    assert vault.lock.read_text().strip() == str(child.pid)
    assert can_sign_in(vault, ADMIN_NAME)
