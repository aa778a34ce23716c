"""Backups and restore (DESIGN.md §6): on demand, daily on first unlock, keep the last N.

Everything that touches the vault here does so on a connection of its own
(`session.vault.connect()`), so the GUI can run it in a worker thread while
the main window keeps its connection.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from peerdesk.domain.audit import AuditAction
from peerdesk.domain.errors import ValidationError, VaultExists
from peerdesk.domain.staff import Permission
from peerdesk.services.clock import today as clock_today
from peerdesk.services.session import Session
from peerdesk.storage import backup as storage
from peerdesk.storage.backup import BackupFile, BackupInfo, BackupResult
from peerdesk.storage.database import Database
from peerdesk.storage.paths import VaultPaths
from peerdesk.storage.repositories import audit as audit_repo
from peerdesk.storage.repositories.meta import get_setting, set_setting
from peerdesk.storage.vault import LockedVault, utc_now

FOLDER_SETTING = "backup_folder"
KEEP_SETTING = "backup_keep"
AUTO_SETTING = "backup_auto"
LAST_SETTING = "last_backup_at"
DEFAULT_KEEP = 7
MAX_KEEP = 365

__all__ = [
    "BackupFile",
    "BackupInfo",
    "BackupResult",
    "BackupSettings",
    "RestoreResult",
    "accounts_in_backup",
    "auto_switched_on_without_folder",
    "back_up_now",
    "backup_due",
    "backup_settings",
    "last_backup_at",
    "list_backups",
    "preview",
    "restore",
    "run_due_backup",
    "save_backup_settings",
    "where_backups_go",
]


@dataclass(frozen=True, slots=True)
class BackupSettings:
    folder: Path | None
    keep: int = DEFAULT_KEEP
    auto: bool = True


@dataclass(frozen=True, slots=True)
class RestoreResult:
    vault: VaultPaths
    info: BackupInfo
    backup: Path  # the backup it was restored from


# -- settings -----------------------------------------------------------------------

def _read_settings(db: Database) -> BackupSettings:
    folder = get_setting(db, FOLDER_SETTING, "") or ""
    try:
        keep = int(get_setting(db, KEEP_SETTING, str(DEFAULT_KEEP)) or DEFAULT_KEEP)
    except ValueError:
        keep = DEFAULT_KEEP
    return BackupSettings(
        folder=Path(folder) if folder else None,
        keep=min(MAX_KEEP, max(1, keep)),
        # Never on without a folder: there would be nowhere for it to go.
        auto=_auto_switched_on(db) and bool(folder),
    )


def _auto_switched_on(db: Database) -> bool:
    return (get_setting(db, AUTO_SETTING, "1") or "1") != "0"


def auto_switched_on_without_folder(session: Session) -> bool:
    """A vault from before automatic backup needed a folder: switched on, nowhere to go."""
    return (_auto_switched_on(session.db)
            and not (get_setting(session.db, FOLDER_SETTING, "") or ""))


def backup_settings(session: Session) -> BackupSettings:
    session.require(Permission.MANAGE_BACKUPS)
    return _read_settings(session.db)


def where_backups_go(session: Session) -> BackupSettings:
    """For Help › About, which everyone signed in may read: only administrators change it."""
    return _read_settings(session.db)


def save_backup_settings(session: Session, settings: BackupSettings) -> None:
    session.require(Permission.MANAGE_BACKUPS)
    if not 1 <= settings.keep <= MAX_KEEP:
        raise ValidationError("Keep between 1 and {most} backups.", field="keep",
                              most=MAX_KEEP)
    folder = settings.folder
    if folder is not None and not folder.is_absolute():
        raise ValidationError("Choose the backup folder with its full location.",
                              field="folder")
    if settings.auto and folder is None:
        raise ValidationError("Choose a folder first: automatic backups need somewhere to "
                              "go.", field="auto")
    with session.db.transaction():
        set_setting(session.db, FOLDER_SETTING, str(folder) if folder else "")
        set_setting(session.db, KEEP_SETTING, str(settings.keep))
        set_setting(session.db, AUTO_SETTING, "1" if settings.auto else "0")
        session.audit(AuditAction.CHANGED, "backup_settings", "",
                      f"keep {settings.keep}, automatic {'on' if settings.auto else 'off'}")


def _last_backup(db: Database) -> datetime | None:
    value = get_setting(db, LAST_SETTING)
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def last_backup_at(session: Session) -> datetime | None:
    """When the last successful backup of this vault was made (UTC), if ever."""
    return _last_backup(session.db)


def _due(db: Database, today: date | None) -> bool:
    settings = _read_settings(db)
    if not settings.auto or settings.folder is None:
        return False
    last = _last_backup(db)
    # "Today" is the centre's own day, so compare in local time.
    return last is None or last.astimezone().date() != clock_today(today)


def backup_due(session: Session, *, today: date | None = None) -> bool:
    """Automatic backups are on, a folder is set, and none succeeded today."""
    if session.recovery_only:
        return False
    return _due(session.db, today)


# -- making backups ---------------------------------------------------------------------

def _back_up(session: Session, folder: Path, keep: int, *, detail: str,
             now: datetime | None, progress: storage.Progress | None) -> BackupResult:
    db = session.vault.connect()
    try:
        result = storage.write_backup(session.vault, folder, now=now, progress=progress)
        with db.transaction():
            set_setting(db, LAST_SETTING, utc_now())
            audit_repo.append(db, at=utc_now(), actor_id=session.staff.id,
                              action=AuditAction.EXPORTED, target_kind="backup",
                              target_id=result.path.name, detail=detail)
    finally:
        db.close()
    # Pruning comes last: a failed backup never costs an older good one.
    with contextlib.suppress(OSError):
        storage.prune(result.path.parent, keep)
    return result


def back_up_now(session: Session, folder: Path | None = None, *, keep: int | None = None,
                now: datetime | None = None,
                progress: storage.Progress | None = None) -> BackupResult:
    """Make a verified backup now (in the saved folder unless another is given)."""
    session.require(Permission.MANAGE_BACKUPS)
    db = session.vault.connect()
    try:
        settings = _read_settings(db)
    finally:
        db.close()
    where = folder or settings.folder
    if where is None:
        raise ValidationError("Choose a folder for the backups first.", field="folder")
    return _back_up(session, Path(where), keep or settings.keep, detail="on demand", now=now,
                    progress=progress)


def run_due_backup(session: Session, *, today: date | None = None,
                   now: datetime | None = None) -> BackupResult | None:
    """The daily automatic backup, if one is due; None if not.

    Called after sign-in whoever signs in first that day (the settings are
    an administrator's; the backup protects everyone's work), off the GUI thread.
    """
    if session.recovery_only:
        return None
    db = session.vault.connect()
    try:
        if not _due(db, today):
            return None
        settings = _read_settings(db)
    finally:
        db.close()
    assert settings.folder is not None
    return _back_up(session, settings.folder, settings.keep, detail="automatic", now=now,
                    progress=None)


def list_backups(session: Session, folder: Path | None = None) -> list[BackupFile]:
    """The finished backups in the folder, newest first."""
    session.require(Permission.MANAGE_BACKUPS)
    where = folder or _read_settings(session.db).folder
    return storage.list_backups(where) if where is not None else []


# -- restore ------------------------------------------------------------------------------

def accounts_in_backup(backup_path: Path) -> list[str]:
    """The accounts whose password opens a backup (as they were when it was made)."""
    return storage.backup_accounts(Path(backup_path))


def preview(backup_path: Path, account: str | None, secret: str) -> BackupInfo:
    """What a backup holds: a password of an account in it, or (account None) its
    recovery key. A backup from a newer PeerDesk is refused as a newer vault is."""
    with storage.open_backup(Path(backup_path), account, secret) as conn:
        return storage.read_info(conn)


def _same_file(a: Path, b: Path) -> bool:
    a, b = Path(a).expanduser().absolute(), Path(b).expanduser().absolute()
    if a == b:
        return True
    with contextlib.suppress(OSError):
        return a.exists() and b.exists() and a.samefile(b)
    return False


def restore(backup_path: Path, target_path: Path, account: str | None, secret: str, *,
            live: VaultPaths | None = None,
            progress: Callable[[str], None] | None = None) -> RestoreResult:
    """Restore a backup as a NEW vault at `target_path`, then open and check it.

    Never writes over a vault: an existing target, the live vault, or the
    backup itself are refused. If the copy does not open and check out, it
    is removed again.
    """
    step = progress or (lambda _text: None)
    target = VaultPaths.at(target_path)
    if live is not None and (_same_file(target.database, live.database)
                             or _same_file(target.keys, live.keys)):
        raise VaultExists("That is the vault in use. Restore into a new location; a "
                          "restore never writes over a vault.")
    if _same_file(target.database, Path(backup_path)):
        raise VaultExists("Choose a new location for the restored vault, not the backup itself.")
    if target.database.is_dir():
        raise ValidationError("That is a folder. Give the restored vault a file name in it, "
                              "for example restored.peerdesk.", field="target")
    if target.exists():
        raise VaultExists("There is already a vault at that location. Choose a new name; a "
                          "restore never writes over a vault.")
    step("Checking the backup…")
    info = preview(backup_path, account, secret)
    step("Copying…")
    storage.copy_out(Path(backup_path), target)
    try:
        step("Opening the restored vault…")
        _open_and_check(target, account, secret, info)
    except BaseException:
        storage.remove_vault_files(target)
        raise
    return RestoreResult(target, info, Path(backup_path))


def record_restore(session: Session, backup_path: Path) -> None:
    """The vault in use records that a backup was restored from it (by file name:
    a full path can hold a person's name)."""
    session.audit(AuditAction.EXPORTED, "backup", Path(backup_path).name,
                  "restored as a new vault")


def _open_and_check(target: VaultPaths, account: str | None, secret: str,
                    info: BackupInfo) -> None:
    from peerdesk.services.auth import SignIn
    from peerdesk.services.vault_check import check_session

    locked = LockedVault.open(target)
    try:
        sign = SignIn(locked)
        # Signing in to the restored copy starts its new history with where it
        # came from and who opened it (no one, by name, with the recovery key),
        # and upgrades a backup from an older PeerDesk.
        detail = f"restored from a backup taken {info.taken_at}"
        session = (sign.open_with_recovery_key(secret, detail=detail, restored=True)
                   if account is None else
                   sign.sign_in(account, secret, action=AuditAction.CREATED, detail=detail,
                                restored=True))
        vault = session.vault
        try:
            report = check_session(session, audit=False)
            if not report.ok:
                raise storage.BackupFailed(
                    "The restored copy did not pass its checks, so it was removed: "
                    "{problem}. Try an older backup.", problem=report.problems[0])
            # Counted afresh, not read from the manifest: the rows must really be
            # there (what the person who made the backup could see of them).
            found = storage.summary(vault.db)
            if any(found.get(label) != count for label, count in info.counts.items()):
                raise storage.BackupFailed(
                    "The restored copy does not hold what the backup said it holds, so it "
                    "was removed. Try an older backup.")
            with vault.db.transaction():
                storage.drop_manifest(vault.db)
        finally:
            vault.close()
    finally:
        locked.release()
