"""A second PeerDesk on the same vault, from another process, and after a crash.

test_lock_file.py covers the same process and the storage refusal type; here
the second PeerDesk is a separate program: it gets the clear message (from
storage and from `peerdesk check`), and once the first one is killed with
SIGKILL in the middle of its work, the next start takes the vault over.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator

import pytest

from peerdesk.domain.errors import VaultInUse
from peerdesk.storage.paths import VaultPaths
from peerdesk.storage.vault import LockedVault
from tests.fixtures.vaults import ADMIN_NAME, ADMIN_PASSWORD

# A signed-in PeerDesk that has written (its sign-in is audited) and sits idle.
SIGNED_IN = """
import os, sys, time
from peerdesk.services.auth import SignIn
from peerdesk.storage.paths import VaultPaths
from peerdesk.storage.vault import LockedVault
# Kept in a name: the lock lives as long as the object holding it.
session = SignIn(LockedVault.open(VaultPaths.at(sys.argv[1]))).sign_in(
    sys.argv[2], os.environ["PEERDESK_PASSWORD"])
print("signed in", flush=True)
time.sleep(120)
"""

SECOND_OPEN = """
import sys
from peerdesk.domain.errors import PeerDeskError
from peerdesk.storage.paths import VaultPaths
from peerdesk.storage.vault import LockedVault
try:
    LockedVault.open(VaultPaths.at(sys.argv[1])).release()
except PeerDeskError as exc:
    print(type(exc).__name__)
    print(exc.user_message)
    sys.exit(3)
print("opened")
"""


def _env() -> dict[str, str]:
    return {**os.environ, "PEERDESK_PASSWORD": ADMIN_PASSWORD}


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, *args], env=_env(), stdin=subprocess.DEVNULL,
                          capture_output=True, text=True, timeout=120)


@pytest.fixture
def first_peerdesk(vault: VaultPaths) -> Iterator[subprocess.Popen[str]]:
    """Another process, signed in to `vault`; killed at the end if still alive."""
    child = subprocess.Popen([sys.executable, "-c", SIGNED_IN, str(vault.database), ADMIN_NAME],
                             env=_env(), stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "signed in"
        yield child
    finally:
        if child.poll() is None:
            child.kill()
        child.wait()
        if child.stdout is not None:
            child.stdout.close()


def _kill(child: subprocess.Popen[str]) -> None:
    os.kill(child.pid, signal.SIGKILL)
    assert child.wait(timeout=30) == -signal.SIGKILL


def test_a_second_process_gets_the_clear_message(vault):
    held = LockedVault.open(vault)
    try:
        done = _run("-c", SECOND_OPEN, str(vault.database))
    finally:
        held.release()
    assert done.returncode == 3, done.stderr
    assert done.stdout.splitlines() == ["VaultInUse", VaultInUse.default_message]
    assert "Traceback" not in done.stderr
    # Once the first one lets go, the second one opens.
    assert _run("-c", SECOND_OPEN, str(vault.database)).stdout.strip() == "opened"


def test_a_lock_left_by_a_killed_signed_in_process_is_taken_over(vault, first_peerdesk):
    with pytest.raises(VaultInUse):
        LockedVault.open(vault)
    _kill(first_peerdesk)
    # The dead process's lock file and write-ahead log are still there.
    assert vault.lock.read_text().strip() == str(first_peerdesk.pid)
    assert vault.database.with_name(vault.database.name + "-wal").exists()
    reopened = LockedVault.open(vault)
    try:
        assert vault.lock.read_text().strip() == str(os.getpid())
    finally:
        reopened.release()


def _check(vault: VaultPaths) -> subprocess.CompletedProcess[str]:
    return _run("-m", "peerdesk", "check", str(vault.database), "--user", ADMIN_NAME)


def test_check_refuses_a_vault_another_process_has_open_then_takes_it_over(
        vault, first_peerdesk):
    busy = _check(vault)
    assert busy.returncode == 1
    assert "Traceback" not in busy.stderr
    assert busy.stderr.splitlines() == [f"peerdesk: {VaultInUse.default_message}"]
    assert busy.stdout == ""
    _kill(first_peerdesk)
    after = _check(vault)
    assert after.returncode == 0, after.stderr
    assert after.stdout.splitlines()[-1].startswith("ok: ")
    assert after.stderr == ""
