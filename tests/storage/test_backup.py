"""Encrypted backups: same data key, verified before being named; restore into a new vault."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from peerdesk.domain.errors import (
    PeerDeskError,
    ValidationError,
    VaultDamaged,
    VaultExists,
    VaultTooNew,
    WrongCredentials,
)
from peerdesk.services import backups
from peerdesk.services.vault_check import check_vault
from peerdesk.storage import backup, recovery
from peerdesk.storage.migrations import latest_version
from peerdesk.storage.paths import VaultPaths
from peerdesk.storage.vault import LockedVault, UnlockedVault
from tests.fixtures.vaults import ADMIN_NAME, ADMIN_PASSWORD, PASSWORDS, Template, flip_byte
from tests.storage.backup_helpers import (
    DEMO_ADMIN,
    DEMO_LEAD,
    DEMO_PASSWORD,
    fingerprint,
    fingerprint_of,
)

NAME = re.compile(r"^peerdesk-backup-\d{8}-\d{6}\.peerdesk$")


def _unlock(paths: VaultPaths, account: str, password: str) -> UnlockedVault:
    return LockedVault.open(paths).unlock(account, password)


def _close(vault: UnlockedVault) -> None:
    vault.close().release()


def _back_up(paths: VaultPaths, folder: Path, account: str = ADMIN_NAME,
             password: str = ADMIN_PASSWORD, **kwargs) -> tuple[backup.BackupResult, dict]:
    vault = _unlock(paths, account, password)
    try:
        before = fingerprint(vault.db)
        result = backup.write_backup(vault, folder, **kwargs)
        assert fingerprint(vault.db) == before  # the live vault was only read
        return result, before
    finally:
        _close(vault)


def test_a_backup_that_fails_midway_leaves_the_live_connection_as_it_was(
        vault, tmp_path, monkeypatch):
    """The copy runs in one read snapshot (Database.read_snapshot): a failure inside it
    ends the transaction and detaches the copy, and the next backup goes through."""
    folder = tmp_path / "backups"
    folder.mkdir()
    unlocked = _unlock(vault, ADMIN_NAME, ADMIN_PASSWORD)
    attached = unlocked.db.query("PRAGMA database_list")
    try:
        def broken(*_args, **_kwargs):
            raise OSError("disk gone")

        monkeypatch.setattr(backup, "_summary", broken)
        with pytest.raises((OSError, PeerDeskError)):
            backup.write_backup(unlocked, folder)
        monkeypatch.undo()
        assert not unlocked.db.in_transaction
        assert unlocked.db.query("PRAGMA database_list") == attached
        assert backup.list_backups(folder) == []  # nothing half-made is left
        result = backup.write_backup(unlocked, folder)
        assert result.info.counts == backup.summary(unlocked.db)
    finally:
        _close(unlocked)


@pytest.mark.parametrize("who", [DEMO_LEAD, DEMO_ADMIN])
def test_round_trip_restores_every_row_of_every_table(who, demo_vault, tmp_path):
    """A programme lead's backup exports both databases under their keys; an
    administrator, who holds no casework key, copies that file as it is. Either
    way the restore holds every row of every table."""
    folder = tmp_path / "stick"
    folder.mkdir()
    live = fingerprint_of(demo_vault, DEMO_LEAD, DEMO_PASSWORD)
    result, _ = _back_up(demo_vault, folder, who, DEMO_PASSWORD)
    assert NAME.match(result.path.name)
    assert VaultPaths(result.path).keys.is_file()
    assert sorted(p.name for p in folder.iterdir()) == [
        result.path.name, result.path.name + ".casework", result.path.name + ".keys"]
    if who == DEMO_LEAD:
        assert result.info.counts["peers"] > 0 and result.info.counts["sessions"] > 0
        assert result.info.counts["meetings"] > 0
    else:  # what the administrator's keys open, and nothing they don't
        assert set(result.info.counts) == {"staff"}

    target = tmp_path / "restored" / "centre.peerdesk"
    restored = backups.restore(result.path, target, who, DEMO_PASSWORD, live=demo_vault)
    assert restored.info == result.info
    copy = fingerprint_of(restored.vault, DEMO_LEAD, DEMO_PASSWORD)
    assert {t: c for t, (c, _h) in copy.items()} == {t: c for t, (c, _h) in live.items()}
    assert copy == live
    # Another account's password opens it too, and it passes the full check.
    assert check_vault(restored.vault, "Jordan Okafor", DEMO_PASSWORD).ok


def test_backup_and_restore_open_with_the_recovery_key(vault, template: Template, tmp_path):
    folder = tmp_path / "stick"
    folder.mkdir()
    live = fingerprint_of(vault, None, template.recovery_key)  # both databases
    result, _ = _back_up(vault, folder)
    info = backups.preview(result.path, None, template.recovery_key)
    assert info.counts["staff"] == 5
    restored = backups.restore(result.path, tmp_path / "new" / "v.peerdesk", None,
                               template.recovery_key)
    assert fingerprint_of(restored.vault, None, template.recovery_key) == live
    assert fingerprint_of(restored.vault, "Cal Worker", PASSWORDS["Cal Worker"]) == live
    # The administrator's password opens only what their slot opens.
    admin_view = fingerprint_of(restored.vault, ADMIN_NAME, ADMIN_PASSWORD)
    assert admin_view == {t: v for t, v in live.items() if t in admin_view}
    assert "peer" not in admin_view


def test_preview_shows_date_schema_and_counts(vault, tmp_path):
    folder = tmp_path / "stick"
    folder.mkdir()
    taken = datetime(2026, 3, 4, 9, 15, 30).astimezone()
    result, _ = _back_up(vault, folder, "Lee Lead", PASSWORDS["Lee Lead"], now=taken)
    assert result.path.name == "peerdesk-backup-20260304-091530.peerdesk"
    info = backups.preview(result.path, ADMIN_NAME, ADMIN_PASSWORD)
    assert datetime.fromisoformat(info.taken_at) == taken
    assert info.schema_version == latest_version()
    assert info.counts == {"peers": 0, "sessions": 0, "groups": 0, "meetings": 0, "staff": 5}
    listed = backup.list_backups(folder)
    assert [b.path for b in listed] == [result.path]
    assert listed[0].taken == datetime(2026, 3, 4, 9, 15, 30)
    assert listed[0].size == result.size > 0


def test_wrong_password_or_recovery_key_opens_nothing(vault, tmp_path):
    folder = tmp_path / "stick"
    folder.mkdir()
    result, _ = _back_up(vault, folder)
    with pytest.raises(WrongCredentials):
        backups.preview(result.path, ADMIN_NAME, "not the password at all")
    with pytest.raises(WrongCredentials):
        backups.preview(result.path, None, recovery.generate())  # another vault's key
    with pytest.raises(ValidationError):
        backups.preview(result.path, None, "ABCD-EFGH")  # not a recovery key at all
    target = tmp_path / "new" / "v.peerdesk"
    with pytest.raises(WrongCredentials):
        backups.restore(result.path, target, ADMIN_NAME, "not the password at all")
    assert not VaultPaths.at(target).exists()



def test_a_backup_without_its_key_file_says_which_file_is_missing(vault, tmp_path):
    folder = tmp_path / "stick"
    folder.mkdir()
    result, _ = _back_up(vault, folder)
    VaultPaths(result.path).keys.unlink()
    assert backup.list_backups(folder) == []  # half a pair is not listed as a backup
    with pytest.raises(backup.BackupFailed) as refused:
        backups.preview(result.path, ADMIN_NAME, ADMIN_PASSWORD)
    assert result.path.name + ".keys" in refused.value.user_message


def test_two_backups_in_one_second_both_kept(vault, tmp_path):
    folder = tmp_path / "stick"
    folder.mkdir()
    taken = datetime(2026, 3, 4, 9, 15, 30)
    first, _ = _back_up(vault, folder, now=taken)
    second, _ = _back_up(vault, folder, now=taken)
    assert first.path != second.path
    assert [b.path for b in backup.list_backups(folder)] == [second.path, first.path]


def test_prune_keeps_the_newest_pairs_and_nothing_else_is_touched(vault, tmp_path):
    folder = tmp_path / "stick"
    folder.mkdir()
    other = [folder / "notes.txt", folder / "peerdesk-backup-notes.txt",
             folder / "centre.peerdesk"]
    for path in other:
        path.write_text("not ours")
    made = [_back_up(vault, folder, now=datetime(2026, 3, day, 8, 0, 0))[0].path
            for day in (1, 2, 3, 4)]
    removed = backup.prune(folder, keep=2)
    assert sorted(removed) == sorted(made[:2])
    assert [b.path for b in backup.list_backups(folder)] == [made[3], made[2]]
    for path in made[:2]:
        assert not path.exists() and not VaultPaths(path).keys.exists()
    for path in other:
        assert path.read_text() == "not ours"


def test_prune_clears_a_day_old_cut_off_backup_only(vault, tmp_path):
    folder = tmp_path / "stick"
    folder.mkdir()
    cut_off = folder / "incomplete-peerdesk-backup-20260301-080000.peerdesk"
    cut_off.write_bytes(b"half a backup")
    day_old = cut_off.stat().st_mtime + 24 * 3600 + 1
    assert backup.prune(folder, keep=2, now=day_old - 3600) == []
    assert cut_off.exists()  # perhaps still being written
    assert backup.prune(folder, keep=2, now=day_old) == [cut_off]
    assert not cut_off.exists()


def test_restore_refuses_an_existing_target_and_the_live_vault(vault, tmp_path):
    folder = tmp_path / "stick"
    folder.mkdir()
    result, _ = _back_up(vault, folder)
    before = vault.database.read_bytes()
    with pytest.raises(VaultExists):
        backups.restore(result.path, vault.database, ADMIN_NAME, ADMIN_PASSWORD, live=vault)
    with pytest.raises(VaultExists):
        backups.restore(result.path, vault.database, ADMIN_NAME, ADMIN_PASSWORD)
    with pytest.raises(VaultExists):
        backups.restore(result.path, result.path, ADMIN_NAME, ADMIN_PASSWORD)
    with pytest.raises(ValidationError) as folder:
        backups.restore(result.path, tmp_path, ADMIN_NAME, ADMIN_PASSWORD)
    assert "file name" in folder.value.user_message
    existing = tmp_path / "other.peerdesk"
    existing.with_name("other.peerdesk.keys").write_text("someone's key file")
    with pytest.raises(VaultExists):
        backups.restore(result.path, existing, ADMIN_NAME, ADMIN_PASSWORD)
    assert existing.with_name("other.peerdesk.keys").read_text() == "someone's key file"
    assert vault.database.read_bytes() == before


def test_backup_of_a_newer_vault_gets_the_newer_vault_message(vault, tmp_path):
    folder = tmp_path / "stick"
    folder.mkdir()
    live = _unlock(vault, ADMIN_NAME, ADMIN_PASSWORD)
    try:
        # As if a newer PeerDesk had upgraded it.
        live.db.execute("PRAGMA user_version = 99")
        result = backup.write_backup(live, folder)
    finally:
        _close(live)
    with pytest.raises(VaultTooNew) as refused:
        backups.preview(result.path, ADMIN_NAME, ADMIN_PASSWORD)
    assert refused.value.user_message == VaultTooNew().user_message
    target = tmp_path / "new" / "v.peerdesk"
    with pytest.raises(VaultTooNew):
        backups.restore(result.path, target, ADMIN_NAME, ADMIN_PASSWORD)
    assert not VaultPaths.at(target).exists()


def test_a_damaged_backup_is_not_restored(vault, tmp_path):
    folder = tmp_path / "stick"
    folder.mkdir()
    result, _ = _back_up(vault, folder)
    flip_byte(result.path, result.path.stat().st_size - 200)
    target = tmp_path / "new" / "v.peerdesk"
    with pytest.raises((VaultDamaged, backup.BackupFailed)):
        backups.restore(result.path, target, ADMIN_NAME, ADMIN_PASSWORD)
    assert not VaultPaths.at(target).exists()
    assert not any(target.parent.glob("*.peerdesk*"))


def test_missing_folder_is_a_clear_message(vault, tmp_path):
    with pytest.raises(backup.BackupFailed) as refused:
        _back_up(vault, tmp_path / "unplugged")
    assert "can't be found" in refused.value.user_message


CHILD = """
import json, os, resource, signal, sys
os.environ["PEERDESK_KDF_TARGET_MS"] = "0"
from peerdesk.domain.errors import PeerDeskError
from peerdesk.storage import backup, recovery
from peerdesk.storage.migrations import latest_version
from peerdesk.storage.paths import VaultPaths
from peerdesk.storage.vault import LockedVault

paths = VaultPaths.at(sys.argv[1])
vault = LockedVault.open(paths).unlock(sys.argv[2], sys.argv[3])
limit = int(sys.argv[5])
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
resource.setrlimit(resource.RLIMIT_FSIZE, (limit, resource.RLIM_INFINITY))
try:
    backup.write_backup(vault, sys.argv[4])
except PeerDeskError as exc:
    outcome = {"error": type(exc).__name__, "message": exc.user_message}
else:
    outcome = {"error": None}
resource.setrlimit(resource.RLIMIT_FSIZE, (resource.RLIM_INFINITY, resource.RLIM_INFINITY))
vault.close().release()
print(json.dumps(outcome))
"""


@pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_FSIZE is POSIX")
def test_disk_full_during_backup_leaves_nothing_that_looks_like_a_backup(demo_vault, tmp_path):
    folder = tmp_path / "stick"
    folder.mkdir()
    (folder / "keep-me.txt").write_text("not ours")
    live = fingerprint_of(demo_vault, DEMO_ADMIN, DEMO_PASSWORD)
    limit = demo_vault.database.stat().st_size // 2
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(demo_vault.database), DEMO_ADMIN, DEMO_PASSWORD,
         str(folder), str(limit)],
        capture_output=True, text=True, timeout=120, env={**os.environ})
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    outcome = json.loads(done.stdout.strip().splitlines()[-1])
    assert outcome["error"] == "DiskFull", outcome
    assert "space" in outcome["message"] and "No backup was made" in outcome["message"]
    assert sorted(p.name for p in folder.iterdir()) == ["keep-me.txt"]
    assert backup.list_backups(folder) == []
    assert fingerprint_of(demo_vault, DEMO_ADMIN, DEMO_PASSWORD) == live
    assert check_vault(demo_vault, DEMO_ADMIN, DEMO_PASSWORD).ok
