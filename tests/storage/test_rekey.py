"""Removing someone rekeys the vault; a crash at any step leaves it openable."""

from __future__ import annotations

import errno
import json
import shutil

import pytest

from peerdesk.domain.errors import PeerDeskError
from peerdesk.domain.staff import StaffStatus
from peerdesk.services import accounts
from peerdesk.services.auth import SignIn, is_recovery
from peerdesk.services.vault_check import check_vault
from peerdesk.storage import keyslots as keyslots_module
from peerdesk.storage import vault as vault_module
from peerdesk.storage.paths import VaultPaths
from peerdesk.storage.repositories import audit as audit_repo
from peerdesk.storage.repositories.meta import get_meta
from peerdesk.storage.vault import LockedVault
from tests.fixtures.vaults import (
    ADMIN_NAME,
    ADMIN_PASSWORD,
    PASSWORDS,
    STAFF,
    can_sign_in,
    close,
    sign_in,
)

LEAVER = "Cal Worker"
STAYERS = [ADMIN_NAME, *(n for n in STAFF if n != LEAVER)]


def _remove_leaver(paths: VaultPaths) -> None:
    session = sign_in(paths, ADMIN_NAME)
    try:
        leaver = next(s for s in accounts.list_staff(session) if s.name == LEAVER)
        accounts.remove(session, leaver.id)
    finally:
        close(session)


def _old_keys_cannot_open(paths: VaultPaths, old_keys: bytes, tmp_path) -> None:
    """The leaver's slot from a key file copied before removal opens nothing now."""
    folder = tmp_path / "with-old-keys"
    folder.mkdir()
    stolen = VaultPaths.at(folder / paths.database.name)
    shutil.copyfile(paths.database, stolen.database)
    stolen.keys.write_bytes(old_keys)
    assert [s for s in keyslots_module.KeySlotFile.load(stolen.keys).slots
            if s.account == LEAVER]  # the copy really holds the leaver's slot
    for name in (LEAVER, ADMIN_NAME):
        locked = LockedVault.open(stolen)
        try:
            with pytest.raises(PeerDeskError):
                locked.unlock(name, PASSWORDS[name])
        finally:
            locked.release()


def _state_after_rekey(paths: VaultPaths, template, tmp_path, old_keys: bytes,
                       *, thorough: bool = False) -> None:
    """Every stayer (with `thorough`; else two of them) and the recovery key
    open it, the leaver does not, even with the old key file; it checks clean."""
    for name in STAYERS if thorough else [STAYERS[0], STAYERS[-1]]:
        assert can_sign_in(paths, name), name
    assert not can_sign_in(paths, LEAVER)
    keys = keyslots_module.KeySlotFile.load(paths.keys)
    assert LEAVER not in keys.accounts()
    assert all(len(slot.data_keys) == 1 for slot in keys.slots)
    assert not paths.rekey_temp.exists()
    _old_keys_cannot_open(paths, old_keys, tmp_path)
    if thorough:
        locked = LockedVault.open(paths)
        try:
            session = SignIn(locked).open_with_recovery_key(template.recovery_key)
            assert is_recovery(session)
            session.vault.close()
        finally:
            locked.release()
    report = check_vault(paths, ADMIN_NAME, ADMIN_PASSWORD)
    assert report.ok, report.problems
    session = sign_in(paths, ADMIN_NAME)
    try:
        assert get_meta(session.db, "rekey_pending") == "0"
        everyone = {s.name: s.status for s in accounts.list_staff(session, include_removed=True)}
        assert everyone == {**dict.fromkeys(STAYERS, StaffStatus.ACTIVE),
                            LEAVER: StaffStatus.REMOVED}
        assert audit_repo.verify_chain(session.db).ok
    finally:
        close(session)


def test_remove_rekeys_so_an_old_key_file_no_longer_opens(vault, template, tmp_path):
    old_keys = vault.keys.read_bytes()
    session = sign_in(vault, ADMIN_NAME)
    events_before = audit_repo.verify_chain(session.db).events
    close(session)
    _remove_leaver(vault)
    _state_after_rekey(vault, template, tmp_path, old_keys, thorough=True)
    session = sign_in(vault, ADMIN_NAME)
    try:
        # Nothing of the log was lost in the move to the new key.
        assert audit_repo.verify_chain(session.db).events > events_before
        generation = int(get_meta(session.db, "key_generation"))
        assert generation == 2
    finally:
        close(session)


def _FailOnce(real, should_fail):
    """Wraps `real` so that one chosen call raises, as a crash there would.

    A plain function, so it binds as a method when it replaces one.
    """
    state = {"calls": 0, "fired": False}

    def wrapper(*args, **kwargs):
        state["calls"] += 1
        if not state["fired"] and should_fail(state["calls"], *args):
            state["fired"] = True
            raise OSError(errno.EIO, "injected failure")
        return real(*args, **kwargs)

    return wrapper


STEPS = ["export", "verify", "save-before-swap", "swap", "fsync-after-swap", "save-after-swap"]


@pytest.mark.parametrize("step", STEPS)
def test_rekey_interrupted_at_each_step_is_finished_at_next_unlock(
        step, vault, template, tmp_path, monkeypatch):
    old_keys = vault.keys.read_bytes()
    session = sign_in(vault, ADMIN_NAME)
    leaver = next(s for s in accounts.list_staff(session) if s.name == LEAVER)
    in_rekey = {"on": False}
    real_rekey = vault_module.UnlockedVault.rekey

    def rekey(self):
        in_rekey["on"] = True
        try:
            real_rekey(self)
        finally:
            in_rekey["on"] = False

    monkeypatch.setattr(vault_module.UnlockedVault, "rekey", rekey)
    if step == "export":
        real_query = vault_module.Database.query

        def query(self, sql, *args):
            if "sqlcipher_export" in sql:
                raise OSError(errno.EIO, "injected failure")
            return real_query(self, sql, *args)

        monkeypatch.setattr(vault_module.Database, "query", query)
    elif step == "verify":
        monkeypatch.setattr(vault_module.UnlockedVault, "_verify_copy", _FailOnce(
            vault_module.UnlockedVault._verify_copy, lambda n, *a: True))
    elif step in ("save-before-swap", "save-after-swap"):
        wanted = 1 if step == "save-before-swap" else 2
        counter = {"n": 0}

        def should_fail(n, *args):  # args[0] is the KeySlotFile
            if not in_rekey["on"]:
                return False
            counter["n"] += 1
            return counter["n"] == wanted

        monkeypatch.setattr(keyslots_module.KeySlotFile, "save", _FailOnce(
            keyslots_module.KeySlotFile.save, should_fail))
    elif step == "swap":
        monkeypatch.setattr(vault_module.os, "replace", _FailOnce(
            vault_module.os.replace, lambda n, src, *a: str(src).endswith(".rekey")))
    elif step == "fsync-after-swap":
        monkeypatch.setattr(vault_module, "fsync_directory", _FailOnce(
            vault_module.fsync_directory, lambda n, *a: in_rekey["on"]))

    with pytest.raises((OSError, PeerDeskError)):
        accounts.remove(session, leaver.id)
    monkeypatch.undo()
    # The session that saw the failure can still be ended cleanly: it is
    # never left holding a closed connection or a key the file is not under.
    close(session)
    # A fresh start (as after a crash) finishes the job.
    _state_after_rekey(vault, template, tmp_path, old_keys)


def test_key_file_from_before_an_interrupted_rekey_still_opens_for_stayers(vault, tmp_path):
    """Crash after the key file was saved but before the swap: the old file and
    the new key file together still open (the old generation is kept)."""
    session = sign_in(vault, ADMIN_NAME)
    leaver = next(s for s in accounts.list_staff(session) if s.name == LEAVER)
    real_replace = vault_module.os.replace

    def crash(src, dst):
        if str(src).endswith(".rekey"):
            raise KeyboardInterrupt  # stands for the power going off
        return real_replace(src, dst)

    vault_module.os.replace = crash
    try:
        with pytest.raises(KeyboardInterrupt):
            accounts.remove(session, leaver.id)
    finally:
        vault_module.os.replace = real_replace
    keys = json.loads(vault.keys.read_text())
    assert {len(s["data_keys"]) for s in keys["slots"]} == {2}
    assert LEAVER not in [s["account"] for s in keys["slots"]]
    session.vault.close()
    session.vault.locked.release()
    assert vault.rekey_temp.exists()
    assert can_sign_in(vault, "Pia Peer")
    assert not vault.rekey_temp.exists()


KILLED_DURING_REKEY = """
import os, signal, sys
os.environ["PEERDESK_KDF_TARGET_MS"] = "0"
from peerdesk.services import accounts
from peerdesk.services.auth import SignIn
from peerdesk.storage import vault as vault_module
from peerdesk.storage.paths import VaultPaths
from peerdesk.storage.vault import LockedVault

def die(*args, **kwargs):
    os.kill(os.getpid(), signal.SIGKILL)

paths = VaultPaths.at(sys.argv[1])
where = sys.argv[4]
if where == "after-export":
    vault_module.UnlockedVault._verify_copy = die
else:
    vault_module.fsync_directory = die  # called right after the swap
session = SignIn(LockedVault.open(paths)).sign_in(sys.argv[2], sys.argv[3])
leaver = next(s for s in accounts.list_staff(session) if s.name == sys.argv[5])
accounts.remove(session, leaver.id)
print("not killed")
"""


@pytest.mark.parametrize("where", ["after-export", "after-swap"])
def test_rekey_killed_with_sigkill_is_finished_at_next_unlock(where, vault, template, tmp_path):
    import signal
    import subprocess
    import sys

    old_keys = vault.keys.read_bytes()
    done = subprocess.run(
        [sys.executable, "-c", KILLED_DURING_REKEY, str(vault.database), ADMIN_NAME,
         ADMIN_PASSWORD, where, LEAVER], capture_output=True, text=True, timeout=120)
    assert done.returncode == -signal.SIGKILL, done.stderr
    assert vault.rekey_temp.exists() == (where == "after-export")
    _state_after_rekey(vault, template, tmp_path, old_keys)
