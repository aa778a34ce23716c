"""Schema upgrades: the committed v1 vault opens, newer vaults are refused,
an upgrade is copied first and a failing one rolls back."""

from __future__ import annotations

import errno
import shutil
from importlib import resources
from pathlib import Path

import pytest

from peerdesk.domain.errors import DiskFull, PeerDeskError, VaultError, VaultTooNew
from peerdesk.services import accounts
from peerdesk.services.vault_check import check_vault
from peerdesk.storage import migrations
from peerdesk.storage.paths import VaultPaths
from peerdesk.storage.repositories import audit as audit_repo
from peerdesk.storage.repositories.meta import set_meta
from peerdesk.storage.vault import LockedVault
from tests.fixtures import make_vault_v1 as v1
from tests.fixtures.vaults import ADMIN_NAME, close, sign_in

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "vault_v1"


def _copy_v1(folder: Path) -> VaultPaths:
    folder.mkdir()
    paths = VaultPaths.at(folder / "centre.peerdesk")
    shutil.copyfile(FIXTURE / "centre.peerdesk", paths.database)
    shutil.copyfile(FIXTURE / "centre.peerdesk.keys", paths.keys)
    return paths


def test_v1_fixture_opens_upgrades_and_keeps_its_data(tmp_path):
    paths = _copy_v1(tmp_path / "v1")
    session = sign_in(paths, v1.ADMIN, v1.PASSWORD)
    try:
        assert migrations.schema_version(session.db) == migrations.latest_version()
        if migrations.latest_version() > v1.VERSION:
            assert session.vault.migration.from_version == v1.VERSION
            # Moving casework into its own file (version 8) kept the old file
            # untouched until the new ones verified, then removed it and every
            # pre-upgrade copy: they are under the old key, which the
            # administrator's old slot opens, and hold every peer's record.
            assert session.vault.migration.backup is None
            assert migrations.existing_backups(paths.database) == []
            assert paths.casework.exists()
        assert session.centre_name == v1.CENTRE
        staff = {s.name: (s.role, s.status.value)
                 for s in accounts.list_staff(session, include_removed=True)}
        assert {n: r for n, (r, _) in staff.items() if n in v1.STAFF} == v1.STAFF
        assert staff[v1.REMOVED][1] == "removed"
        assert audit_repo.verify_chain(session.db).ok
    finally:
        close(session)
    for name in v1.STAFF:
        close(sign_in(paths, name, v1.PASSWORD))
    assert check_vault(paths, v1.ADMIN, v1.PASSWORD).ok


def _make_too_new(vault: VaultPaths, *, rekey_pending: bool) -> None:
    session = sign_in(vault, ADMIN_NAME)
    try:
        session.db.execute(f"PRAGMA user_version = {migrations.latest_version() + 1}")
        if rekey_pending:
            set_meta(session.db, "rekey_pending", "1")
    finally:
        close(session)


@pytest.mark.parametrize("rekey_pending", [False, True])
def test_vault_from_a_newer_program_is_refused_untouched(vault, rekey_pending):
    _make_too_new(vault, rekey_pending=rekey_pending)
    before = (vault.database.read_bytes(), vault.keys.read_bytes())
    locked = LockedVault.open(vault)
    try:
        with pytest.raises(VaultTooNew, match="newer version of PeerDesk"):
            locked.unlock(ADMIN_NAME, "correct horse battery staple")
    finally:
        locked.release()
    assert (vault.database.read_bytes(), vault.keys.read_bytes()) == before
    assert not vault.rekey_temp.exists()


def _folder_with(tmp_path: Path, extra: str) -> Path:
    folder = tmp_path / "migrations"
    folder.mkdir()
    shipped = Path(str(resources.files("peerdesk.storage") / "migrations"))
    for sql in shipped.glob("*.sql"):
        shutil.copy(sql, folder)
    number = migrations.latest_version() + 1
    (folder / f"{number:04d}_extra.sql").write_text(extra, encoding="utf-8")
    return folder


def test_extra_migration_applies_after_an_encrypted_copy(vault, tmp_path):
    folder = _folder_with(tmp_path, "CREATE TABLE extra (x INTEGER);\n"
                                    "INSERT INTO extra VALUES (42);\n")
    old = migrations.latest_version()
    session = sign_in(vault, ADMIN_NAME)
    try:
        result = migrations.migrate(session.db, folder)
        assert (result.from_version, result.to_version) == (old, old + 1)
        assert migrations.schema_version(session.db) == old + 1
        assert session.db.scalar("SELECT x FROM extra") == 42
        copy = result.backup
        assert copy == migrations.backup_path(vault.database, old)
    finally:
        close(session)
    head = copy.read_bytes()[:16]
    assert head != b"SQLite format 3\0"
    # The copy is the vault as it was: same key, old version, no new table.
    restored = VaultPaths.at(tmp_path / "restored" / "centre.peerdesk")
    restored.database.parent.mkdir()
    shutil.copyfile(copy, restored.database)
    shutil.copyfile(vault.keys, restored.keys)
    session = sign_in(restored, ADMIN_NAME)
    try:
        assert migrations.schema_version(session.db) == old
        assert session.db.scalar("SELECT count(*) FROM sqlite_master WHERE name = 'extra'") == 0
    finally:
        close(session)


def test_failing_migration_rolls_back(vault, tmp_path):
    folder = _folder_with(tmp_path, "CREATE TABLE half_done (x INTEGER);\n"
                                    "INSERT INTO no_such_table VALUES (1);\n")
    session = sign_in(vault, ADMIN_NAME)
    try:
        old = migrations.schema_version(session.db)
        with pytest.raises(PeerDeskError):
            migrations.migrate(session.db, folder)
        assert migrations.schema_version(session.db) == old
        assert session.db.scalar(
            "SELECT count(*) FROM sqlite_master WHERE name = 'half_done'") == 0
        assert not session.db.in_transaction
        assert audit_repo.verify_chain(session.db).ok
    finally:
        close(session)


@pytest.mark.parametrize("error, expected", [
    (OSError(errno.ENOSPC, "No space left on device"), DiskFull),
    (OSError(errno.EFBIG, "File too large"), DiskFull),
    (PermissionError(errno.EACCES, "Permission denied"), VaultError),
    (FileNotFoundError(errno.ENOENT, "No such file or directory"), VaultError),
])
def test_a_failed_safety_copy_stops_the_upgrade_with_the_right_message(
        vault, tmp_path, monkeypatch, error, expected):
    folder = _folder_with(tmp_path, "CREATE TABLE extra (x INTEGER);\n")

    def copyfile(src, dst):
        Path(dst).write_bytes(b"partial")
        raise error

    session = sign_in(vault, ADMIN_NAME)
    try:
        old = migrations.schema_version(session.db)
        monkeypatch.setattr(migrations.shutil, "copyfile", copyfile)
        with pytest.raises(VaultError) as caught:
            migrations.migrate(session.db, folder)
        assert type(caught.value) is expected
        assert "Nothing" in caught.value.user_message
        assert migrations.schema_version(session.db) == old
        assert not migrations.backup_path(vault.database, old).exists()
    finally:
        monkeypatch.undo()
        close(session)


def test_rekey_deletes_pre_upgrade_copies_an_old_key_file_would_open(vault, tmp_path):
    old_keys = vault.keys.read_bytes()
    folder = _folder_with(tmp_path, "CREATE TABLE extra (x INTEGER);\n")
    session = sign_in(vault, ADMIN_NAME)
    try:
        copy = migrations.migrate(session.db, folder).backup
        assert copy is not None and copy.exists()
        assert migrations.existing_backups(vault.database) == [copy]
        copy_bytes = copy.read_bytes()
        leaver = next(s for s in accounts.list_staff(session) if s.name == "Cal Worker")
        accounts.remove(session, leaver.id)
    finally:
        close(session)
    assert migrations.existing_backups(vault.database) == []
    # Why: had the copy stayed, the removed person's old key file opens it.
    stolen = VaultPaths.at(tmp_path / "stolen" / "centre.peerdesk")
    stolen.database.parent.mkdir()
    stolen.keys.write_bytes(old_keys)
    stolen.database.write_bytes(copy_bytes)
    shutil.copyfile(vault.casework, stolen.casework)
    locked = LockedVault.open(stolen)
    try:
        locked.unlock("Cal Worker", "caseworker pass phrase 7").close()
        # While the rekeyed vault itself is closed to them.
        shutil.copyfile(vault.database, stolen.database)
        with pytest.raises(PeerDeskError):
            locked.unlock("Cal Worker", "caseworker pass phrase 7")
    finally:
        locked.release()
