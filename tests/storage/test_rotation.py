"""Revocation revokes (issue 12, item 1): every way someone loses access moves the
keys on, so no earlier key file with any earlier password opens the live vault —
not through PeerDesk, and not by unwrapping the key by hand and opening the
database with sqlcipher3. A crash at any step of a rotation leaves a vault that
opens, and the owed rotation is finished later; it never blocks sign-in.
"""

from __future__ import annotations

import errno
import json
import shutil
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import sqlcipher3

from peerdesk.domain.errors import PeerDeskError
from peerdesk.domain.staff import Role
from peerdesk.services import accounts, keys
from peerdesk.services.auth import SignIn
from peerdesk.services.vault_check import check_vault
from peerdesk.storage import crypto, rotation
from peerdesk.storage import keyslots as keyslots_module
from peerdesk.storage.paths import VaultPaths
from peerdesk.storage.repositories import audit as audit_repo
from peerdesk.storage.vault import LockedVault
from tests.fixtures.vaults import (
    ADMIN_NAME,
    PASSWORDS,
    can_sign_in,
    close,
    sign_in,
)

LEAVER = "Cal Worker"
LEAD = "Lee Lead"


# -- the attacker's tools: plain Python, sqlcipher3, file copies --------------------

def keys_by_hand(key_file: bytes, account: str, password: str) -> dict[str, list[bytes]]:
    """Unwrap an account's slot from a key file, as an insider with Python would."""
    found: dict[str, list[bytes]] = {}
    slots = keyslots_module.KeySlotFile.load_bytes(key_file)
    for slot in slots.slots_for(account):
        private = slots.open_private_key(slot, keyslots_module.password_bytes(password))
        opened = slots.open_slot(slot, private)
        for what, entries in opened.secrets.items():
            found.setdefault(what, []).extend(bytes(k) for _g, k in entries)
    return found


def opens_by_hand(path: Path, key: bytes) -> bool:
    """Does `key` decrypt the database file at `path`? (a copy, read-only)"""
    conn = sqlcipher3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return True
    except sqlcipher3.DatabaseError:
        return False
    finally:
        conn.close()


def live_files_opened_by(paths: VaultPaths, old_keys: bytes, account: str,
                         password: str, tmp_path: Path) -> set[str]:
    """Which live database files the old key file and old password still open:
    through PeerDesk (old key file beside a copy of the live files), and by hand."""
    opened: set[str] = set()
    stolen = tmp_path / f"stolen-{len(list(tmp_path.glob('stolen-*')))}"
    stolen.mkdir()
    copy = VaultPaths.at(stolen / paths.database.name)
    for source, target in ((paths.database, copy.database), (paths.casework, copy.casework)):
        shutil.copyfile(source, target)
    copy.keys.write_bytes(old_keys)
    locked = LockedVault.open(copy)
    try:
        locked.unlock(account, password).close()
        opened.add("peerdesk")
    except PeerDeskError:
        pass
    finally:
        locked.release()
    by_hand = keys_by_hand(old_keys, account, password)
    for what, path in (("main", copy.database), ("casework", copy.casework)):
        if any(opens_by_hand(path, key) for key in by_hand.get(what, [])):
            opened.add(what)
    return opened


def _staff_id(paths: VaultPaths, name: str) -> int:
    session = sign_in(paths, ADMIN_NAME)
    try:
        return next(s.id for s in accounts.list_staff(session) if s.name == name)
    finally:
        close(session)


def _as(paths: VaultPaths, name: str, action: Callable, password: str | None = None) -> None:
    session = sign_in(paths, name, password)
    try:
        action(session)
    finally:
        close(session)


def _lead_settles(paths: VaultPaths) -> None:
    _as(paths, LEAD, keys.settle)


# -- each revocation, each attacker route -----------------------------------------------

REVOCATIONS = {
    "removed": lambda s, who: accounts.remove(s, who),
    "deactivated": lambda s, who: accounts.deactivate(s, who),
    "password reset": lambda s, who: accounts.reset_password(
        s, who, "a new first password", "a new first password"),
    "role changed to administrator": lambda s, who: accounts.change_roles(s, who, {Role.ADMIN}),
}
# What they still open with their old key file when they keep some access:
# made an administrator, they still hold the main key, not casework (and once
# casework has moved on, that old key file no longer signs in at all).
STILL_THEIRS = {"role changed to administrator": ({"peerdesk", "main"}, {"main"})}


@pytest.mark.parametrize("how", list(REVOCATIONS))
def test_an_administrator_revokes_and_no_old_key_file_opens_the_live_vault(
        how, vault, tmp_path):
    old_keys = vault.keys.read_bytes()
    password = PASSWORDS[LEAVER]
    assert live_files_opened_by(vault, old_keys, LEAVER, password, tmp_path) == {
        "peerdesk", "main", "casework"}  # the attack works before
    leaver = _staff_id(vault, LEAVER)
    _as(vault, ADMIN_NAME, lambda s: REVOCATIONS[how](s, leaver))
    # The administrator holds no casework key: main moved on at once, casework
    # waits for the next casework sign-in (docs/security.md says so).
    kept_before, kept_after = STILL_THEIRS.get(how, (set(), set()))
    assert live_files_opened_by(vault, old_keys, LEAVER, password, tmp_path) == kept_before | {
        "casework"}
    _lead_settles(vault)
    assert live_files_opened_by(vault, old_keys, LEAVER, password, tmp_path) == kept_after
    # Everyone who stays still signs in, and the vault checks clean.
    for name in (ADMIN_NAME, "Bea Second", "Pia Peer", LEAD):
        assert can_sign_in(vault, name), name
    report = check_vault(vault, LEAD, PASSWORDS[LEAD])
    assert report.ok, report.problems


def test_changing_ones_own_password_moves_every_key_on_at_once(vault, tmp_path):
    old_keys = vault.keys.read_bytes()
    old = PASSWORDS[LEAVER]
    _as(vault, LEAVER, lambda s: accounts.change_own_password(
        s, old, "cal's brand new words", "cal's brand new words"))
    assert live_files_opened_by(vault, old_keys, LEAVER, old, tmp_path) == set()
    assert can_sign_in(vault, LEAVER, "cal's brand new words")
    assert not can_sign_in(vault, LEAVER, old)
    # The same key file with the *new* password opens nothing either: the
    # old slot is gone from it, and the new one was never in it.
    with pytest.raises(crypto.UnwrapFailed):
        keys_by_hand(old_keys, LEAVER, "cal's brand new words")


def test_a_deactivated_persons_old_key_file_decrypts_nothing_by_hand(vault, tmp_path):
    """The attack as it was run: a deactivated person's password, with the key
    file from before, decrypted the vault directly."""
    old_keys = vault.keys.read_bytes()
    by_hand = keys_by_hand(old_keys, "Pia Peer", PASSWORDS["Pia Peer"])
    pia = _staff_id(vault, "Pia Peer")
    _as(vault, ADMIN_NAME, lambda s: accounts.deactivate(s, pia))
    _lead_settles(vault)
    for what, path in (("main", vault.database), ("casework", vault.casework)):
        assert by_hand[what]
        assert not any(opens_by_hand(path, key) for key in by_hand[what])


def test_an_old_key_file_put_back_beside_the_vault_gives_no_sign_in(vault, tmp_path):
    """The attack as it was run: copy the key file from the backup folder back
    beside the vault and sign in with the superseded password."""
    old_keys = vault.keys.read_bytes()
    old = PASSWORDS[LEAVER]
    _as(vault, LEAVER, lambda s: accounts.change_own_password(
        s, old, "cal's brand new words", "cal's brand new words"))
    vault.keys.write_bytes(old_keys)
    assert not can_sign_in(vault, LEAVER, old)


# -- crashes -----------------------------------------------------------------------------

def _fail_once(real: Callable, should_fail: Callable[..., bool]) -> Callable:
    state = {"fired": False}

    def wrapper(*args, **kwargs):
        if not state["fired"] and should_fail(*args):
            state["fired"] = True
            raise OSError(errno.EIO, "injected failure")
        return real(*args, **kwargs)

    return wrapper


STEPS = ["export", "verify", "save-before-swap", "swap", "save-after-swap"]


def _inject(step: str, monkeypatch: pytest.MonkeyPatch) -> None:
    saves = {"n": 0}
    if step == "export":
        real_query = rotation.Database.query

        def query(self, sql, *args):
            if "sqlcipher_export" in sql:
                raise OSError(errno.EIO, "injected failure")
            return real_query(self, sql, *args)

        monkeypatch.setattr(rotation.Database, "query", query)
    elif step == "verify":
        monkeypatch.setattr(rotation, "_verify_copy", _fail_once(
            rotation._verify_copy, lambda *a: True))
    elif step in ("save-before-swap", "save-after-swap"):
        wanted = 1 if step == "save-before-swap" else 2

        def should_fail(*args):
            saves["n"] += 1
            return saves["n"] == wanted

        real_commit = rotation.commit

        def commit(vault, prepared, recipients):
            monkeypatch.setattr(keyslots_module.KeySlotFile, "save", _fail_once(
                keyslots_module.KeySlotFile.save, should_fail))
            try:
                return real_commit(vault, prepared, recipients)
            finally:
                monkeypatch.setattr(keyslots_module.KeySlotFile, "save", real_save)

        real_save = keyslots_module.KeySlotFile.save
        monkeypatch.setattr(rotation, "commit", commit)
    elif step == "swap":
        monkeypatch.setattr(rotation.os, "replace", _fail_once(
            rotation.os.replace, lambda src, *a: str(src).endswith(".rekey")))


@pytest.mark.parametrize("step", STEPS)
def test_a_rotation_interrupted_at_each_step_leaves_a_vault_that_opens(
        step, vault, tmp_path, monkeypatch):
    old_keys = vault.keys.read_bytes()
    old = PASSWORDS[LEAVER]
    session = sign_in(vault, LEAVER)
    _inject(step, monkeypatch)
    with pytest.raises((OSError, PeerDeskError)):
        accounts.change_own_password(session, old, "cal's brand new words",
                                     "cal's brand new words")
    monkeypatch.undo()
    # The session that saw the failure can still be ended cleanly.
    close(session)
    # Nobody is locked out by the failed rotation; it is still owed.
    for name in (ADMIN_NAME, LEAD, "Pia Peer"):
        assert can_sign_in(vault, name), name
    assert can_sign_in(vault, LEAVER, "cal's brand new words")
    lead = sign_in(vault, LEAD)
    try:
        owed = keys.owed(lead)
        assert owed.rotations and owed.doable
        keys.settle(lead)
        assert keys.owed(lead).rotations == ()
    finally:
        close(lead)
    assert live_files_opened_by(vault, old_keys, LEAVER, old, tmp_path) == set()
    assert not vault.rotation_temp("main").exists()
    assert not vault.rotation_temp("casework").exists()
    report = check_vault(vault, LEAD, PASSWORDS[LEAD])
    assert report.ok, report.problems


KILLED_DURING_ROTATION = """
import os, signal, sys
os.environ["PEERDESK_KDF_TARGET_MS"] = "0"
from peerdesk.services import accounts
from peerdesk.services.auth import SignIn
from peerdesk.storage import rotation
from peerdesk.storage.paths import VaultPaths
from peerdesk.storage.vault import LockedVault

def die(*args, **kwargs):
    os.kill(os.getpid(), signal.SIGKILL)

paths = VaultPaths.at(sys.argv[1])
if sys.argv[4] == "after-export":
    rotation._verify_copy = die
else:
    rotation.fsync_directory = die  # called right after the swap
session = SignIn(LockedVault.open(paths)).sign_in(sys.argv[2], sys.argv[3])
accounts.change_own_password(session, sys.argv[3], "cal's brand new words",
                             "cal's brand new words")
print("not killed")
"""


@pytest.mark.parametrize("where", ["after-export", "after-swap"])
def test_a_rotation_killed_with_sigkill_is_finished_later(where, vault, tmp_path):
    old_keys = vault.keys.read_bytes()
    done = subprocess.run(
        [sys.executable, "-c", KILLED_DURING_ROTATION, str(vault.database), LEAVER,
         PASSWORDS[LEAVER], where], capture_output=True, text=True, timeout=120)
    assert done.returncode == -signal.SIGKILL, done.stderr
    assert can_sign_in(vault, LEAVER, "cal's brand new words")
    _lead_settles(vault)
    assert live_files_opened_by(vault, old_keys, LEAVER, PASSWORDS[LEAVER], tmp_path) == set()
    session = sign_in(vault, LEAD)
    try:
        assert keys.owed(session).rotations == ()
        assert audit_repo.verify_chain(session.db).ok
    finally:
        close(session)


def test_the_key_file_keeps_both_generations_only_while_a_swap_is_pending(vault):
    """Crash after the key file was saved but before the swap: the old file and the
    new key file together still open (the old generation is kept), and the next
    unlock drops the generation that doesn't open its file."""
    session = sign_in(vault, LEAVER)
    real_replace = rotation.os.replace

    def crash(src, dst):
        if str(src).endswith(".rekey"):
            raise KeyboardInterrupt  # stands for the power going off
        return real_replace(src, dst)

    rotation.os.replace = crash
    try:
        with pytest.raises(KeyboardInterrupt):
            accounts.change_own_password(session, PASSWORDS[LEAVER], "cal's brand new words",
                                         "cal's brand new words")
    finally:
        rotation.os.replace = real_replace
    data = json.loads(vault.keys.read_text())
    casework = {k["generation"] for s in data["slots"] for k in s["keys"]
                if k["what"] == "casework"}
    assert len(casework) == 2
    session.vault.close()
    session.vault.locked.release()
    assert can_sign_in(vault, "Pia Peer")
    data = json.loads(vault.keys.read_text())
    assert len({k["generation"] for s in data["slots"] for k in s["keys"]
                if k["what"] == "casework"}) == 1
    assert not vault.rotation_temp("casework").exists()


def test_signing_in_with_a_rotation_owed_offers_to_finish_it(vault):
    """Loose end of issue 17: a rekey that failed blocked every sign-in."""
    pia = _staff_id(vault, "Pia Peer")
    _as(vault, ADMIN_NAME, lambda s: accounts.remove(s, pia))
    vault.rotation_temp("casework").write_bytes(b"half a copy left by a crash")
    session = sign_in(vault, LEAD)
    try:
        assert not vault.rotation_temp("casework").exists()
        owed = keys.owed(session)
        assert owed.rotations == (keys.Compartment.CASEWORK,) and owed.doable
        assert keys.settle(session) == [keys.Compartment.CASEWORK]
    finally:
        close(session)
    session = sign_in(vault, ADMIN_NAME)
    try:
        owed = keys.owed(session)
        assert owed.rotations == ()
    finally:
        close(session)


def test_who_may_sign_in_after_the_recovery_key_still_opens(vault, template):
    leaver = _staff_id(vault, LEAVER)
    _as(vault, ADMIN_NAME, lambda s: accounts.remove(s, leaver))
    _lead_settles(vault)
    locked = LockedVault.open(vault)
    try:
        session = SignIn(locked).open_with_recovery_key(template.recovery_key)
        assert session.recovery_only
        session.vault.close()
    finally:
        locked.release()
    assert not can_sign_in(vault, LEAVER)
