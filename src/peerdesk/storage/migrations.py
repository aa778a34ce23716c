"""Numbered SQL migrations, one transaction each, version in user_version.

Each database of a vault has its own sequence: the main database's files are
in `migrations/`, the casework database's in `migrations/casework/`
(docs/security.md §2). Main version 8 is where casework moved out into its
own file (storage/split.py does the moving for an older vault).

Before an existing vault is upgraded, an encrypted copy of it is written
beside it (same key: it is the same bytes), so a failed or regretted upgrade
loses nothing.
"""

from __future__ import annotations

import errno
import glob
import shutil
from dataclasses import dataclass
from pathlib import Path

from peerdesk.domain.errors import DiskFull, VaultError, VaultTooNew
from peerdesk.storage.atomic import owner_only
from peerdesk.storage.database import Database
from peerdesk.storage.migration_files import Migration, numbered, shipped_files

MAIN = "main"
CASEWORK = "casework"
# The main version at which casework left the main database.
SPLIT_VERSION = 8


@dataclass(frozen=True, slots=True)
class MigrationResult:
    from_version: int
    to_version: int
    backup: Path | None


def load_migrations(folder: Path | None = None, compartment: str = MAIN) -> list[Migration]:
    if folder is None:
        folders = ("migrations",) if compartment == MAIN else ("migrations", compartment)
        files = shipped_files("peerdesk.storage", *folders)
    else:
        files = [(p.name, p.read_text(encoding="utf-8")) for p in folder.glob("*.sql")]
    return numbered(files)


def latest_version(folder: Path | None = None, compartment: str = MAIN) -> int:
    return len(load_migrations(folder, compartment))


def schema_version(db: Database) -> int:
    return int(db.scalar("PRAGMA user_version"))


def check_not_too_new(db: Database, folder: Path | None = None,
                      compartment: str = MAIN) -> int:
    current = schema_version(db)
    if current > latest_version(folder, compartment):
        raise VaultTooNew
    return current


def backup_path(database: Path, from_version: int) -> Path:
    return database.with_name(f"{database.name}.before-upgrade-from-v{from_version}")


def existing_backups(database: Path) -> list[Path]:
    """The pre-upgrade copies beside `database`, whatever version they came from."""
    pattern = glob.escape(database.name) + ".before-upgrade-from-v*"
    return sorted(database.parent.glob(pattern))


def migrate(db: Database, folder: Path | None = None, *, compartment: str = MAIN,
            stop_before: int | None = None, safety_copy: bool = True) -> MigrationResult:
    """Bring `db` (opened on its own, as main) up to date, or to `stop_before` - 1."""
    migrations = load_migrations(folder, compartment)
    current = check_not_too_new(db, folder, compartment)
    target = len(migrations) if stop_before is None else min(len(migrations), stop_before - 1)
    if current >= target:
        return MigrationResult(current, current, None)
    copy: Path | None = None
    if current > 0 and safety_copy:
        copy = backup_path(db.path, current)
        db.checkpoint()  # the main file then holds every committed page
        try:
            shutil.copyfile(db.path, copy)
            owner_only(copy)
        except OSError as exc:
            copy.unlink(missing_ok=True)
            # Only a full disk is a full disk: a permission problem or a
            # missing folder must not send people off to free space.
            if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
                raise DiskFull from exc
            raise VaultError(
                "PeerDesk could not make its safety copy of the vault before upgrading it, "
                "so it did not upgrade ({why}). Nothing has been changed.",
                why=exc.strerror or "the copy failed",
            ) from exc
    for migration in migrations[current:target]:
        # executescript runs the file's statements in our own transaction;
        # any failure rolls back this migration and leaves the version as it was.
        db.executescript(
            "BEGIN IMMEDIATE;\n"
            f"{migration.sql}\n;"
            f"PRAGMA user_version = {migration.version};\n"
            "COMMIT;"
        )
    return MigrationResult(current, target, copy)
