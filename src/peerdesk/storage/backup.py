"""Encrypted backups of a vault, and copying one back out (DESIGN.md §6).

A backup is itself a vault under the same keys: a consistent copy of both
databases plus the key file as it was, so any password that opened the vault
then, or the recovery key, opens the backup. The copies are written under
names that do not look like a backup, synced, opened again and checked
(every encrypted page, the structure, row counts of every table) and only
then renamed to `peerdesk-backup-YYYYMMDD-HHMMSS.peerdesk` (+ `.casework`,
`.keys`). An administrator who holds no casework key can still back it up:
its file is copied byte for byte and checked against the original. Anything
that fails on the way removes what was written; the live vault is only ever
read. The key file copied carries the audit log's head (anchors.py).
"""

from __future__ import annotations

import contextlib
import errno
import glob
import json
import os
import re
import shutil
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from peerdesk.domain.errors import (
    DiskFull,
    KeyFileMissing,
    PeerDeskError,
    VaultDamaged,
    VaultError,
    VaultExists,
    VaultTooNew,
    WrongCredentials,
)
from peerdesk.storage import crypto, keyslots, recovery
from peerdesk.storage.atomic import fsync_directory, fsync_path, owner_only, write_private
from peerdesk.storage.database import Database, translate
from peerdesk.storage.keyslots import CASEWORK, MAIN, KeySlotFile, Slot
from peerdesk.storage.migrations import latest_version
from peerdesk.storage.paths import VAULT_SUFFIX, VaultPaths
from peerdesk.storage.vault import UnlockedVault

PREFIX = "peerdesk-backup-"
# A finished backup, and only a finished one: the temporary names start
# differently, so pruning and listing never see a half-written copy.
_FINISHED = re.compile(r"^peerdesk-backup-(\d{8}-\d{6})(?:-(\d+))?" + re.escape(VAULT_SUFFIX) + "$")
_TEMP_PREFIX = "incomplete-"
_STALE_AFTER_S = 24 * 3600
_INFO_KEY = "backup_info"
_GENERATION_KEY = "key_generation"

# What the preview shows: label -> (table, condition).
COUNTED: dict[str, tuple[str, str]] = {
    "peers": ("peer", ""),
    "sessions": ("one_to_one", ""),
    "groups": ("peer_group", ""),
    "meetings": ("meeting", ""),
    "staff": ("staff", " WHERE status <> 'removed'"),
}


class BackupFailed(VaultError):
    default_message = (
        "The backup could not be made. Nothing was left in the backup folder and the "
        "vault is unchanged."
    )


BACKUP_DISK_FULL = (
    "There is not enough free space in the backup folder for a backup (or the disk was "
    "removed). No backup was made and the vault is unchanged. Free some space or choose "
    "another folder, then try again."
)


@dataclass(frozen=True, slots=True)
class BackupFile:
    """A finished backup in a folder."""

    path: Path
    taken: datetime  # local time, from the file name
    size: int  # database and key file together, in bytes

    @property
    def paths(self) -> VaultPaths:
        return VaultPaths(self.path)


@dataclass(frozen=True, slots=True)
class BackupInfo:
    """What a backup holds, for the restore preview."""

    taken_at: str  # UTC, ISO 8601
    schema_version: int
    counts: dict[str, int] = field(default_factory=dict)

    def to_json(self) -> str:
        return json.dumps({"taken_at": self.taken_at, "schema_version": self.schema_version,
                           "counts": self.counts}, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> BackupInfo:
        data = json.loads(text)
        return cls(taken_at=str(data["taken_at"]), schema_version=int(data["schema_version"]),
                   counts={str(k): int(v) for k, v in dict(data["counts"]).items()})


# -- names and folders ---------------------------------------------------------------

def backup_name(taken: datetime, serial: int = 0) -> str:
    stamp = taken.strftime("%Y%m%d-%H%M%S")
    return f"{PREFIX}{stamp}{f'-{serial}' if serial else ''}{VAULT_SUFFIX}"


def _free_name(folder: Path, taken: datetime) -> Path:
    # Two backups in the same second get a serial rather than overwriting.
    serial = 0
    while True:
        candidate = folder / backup_name(taken, serial)
        if not VaultPaths(candidate).exists():
            return candidate
        serial += 1


def list_backups(folder: Path) -> list[BackupFile]:
    """Finished backups (database and key file both there), newest first."""
    found = []
    try:
        entries = list(folder.iterdir())
    except OSError:
        return []
    for entry in entries:
        match = _FINISHED.match(entry.name)
        keys = VaultPaths(entry).keys
        if not match or not entry.is_file() or not keys.is_file():
            continue
        taken = datetime.strptime(match.group(1), "%Y%m%d-%H%M%S")
        try:
            size = sum(p.stat().st_size for p in _files_of(VaultPaths(entry)) if p.exists())
        except OSError:
            continue
        found.append((taken, int(match.group(2) or 0), BackupFile(entry, taken, size)))
    found.sort(key=lambda item: (item[0], item[1]), reverse=True)
    return [item[2] for item in found]


def prune(folder: Path, keep: int, *, now: float | None = None) -> list[Path]:
    """Delete all but the newest `keep` backups; other files are never touched.

    Also removes what a backup cut off by a crash or power cut left behind,
    once it is a day old (a younger one may be another backup still writing).
    """
    removed = []
    for old in list_backups(folder)[max(1, keep):]:
        for path in _files_of(old.paths):
            path.unlink(missing_ok=True)
        removed.append(old.path)
    cutoff = (time.time() if now is None else now) - _STALE_AFTER_S
    for leftover in folder.glob(glob.escape(_TEMP_PREFIX + PREFIX) + "*"):
        with contextlib.suppress(OSError):
            if leftover.is_file() and leftover.stat().st_mtime < cutoff:
                leftover.unlink()
                removed.append(leftover)
    return removed


def _files_of(paths: VaultPaths) -> list[Path]:
    """A backup's files: the databases (and a casework journal copied as it was) and keys."""
    casework_wal = paths.casework.with_name(paths.casework.name + "-wal")
    return [paths.database, paths.casework, casework_wal, paths.keys]


# -- making a backup -------------------------------------------------------------------

def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _tables(db: Database | _ReadOnly, schema: str) -> list[str]:
    return [str(r[0]) for r in db.query(
        f"SELECT name FROM {schema}.sqlite_master "
        "WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]


def _row_counts(db: Database, schema: str) -> dict[str, int]:
    return {t: int(db.scalar(f"SELECT count(*) FROM {schema}.{_quoted(t)}"))
            for t in _tables(db, schema)}


def _summary(db: Database | _ReadOnly, schema: str = "main") -> dict[str, int]:
    """What the preview shows, from whichever database holds each table.

    A vault from before compartments holds them all in its main file. What
    the reader's keys don't open (peers' records, for an administrator) is
    left out rather than counted as none.
    """
    tables = set(_tables(db, schema))
    attached = {str(r[1]) for r in db.query("PRAGMA database_list")}
    if "casework" in attached:
        tables |= set(_tables(db, "casework"))
    if "peer" not in tables and "staff" in tables:
        return {label: int(db.scalar(f"SELECT count(*) FROM {table}{where}"))
                for label, (table, where) in COUNTED.items() if table in tables}
    # An old vault may not have every table yet.
    return {label: int(db.scalar(f"SELECT count(*) FROM {table}{where}"))
            if table in tables else 0
            for label, (table, where) in COUNTED.items()}


def summary(db: Database) -> dict[str, int]:
    """The preview's counts, counted now in an open vault."""
    return _summary(db)


def drop_manifest(db: Database) -> None:
    """A restored vault keeps no trace of having been a backup: it is the vault as it was."""
    db.execute("DELETE FROM meta WHERE key = ?", (_INFO_KEY,))


def _new_private_file(path: Path) -> None:
    # Owner-only from the start: a backup is as sensitive as the vault.
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.close(fd)


def _as_user_error(exc: BaseException) -> PeerDeskError:
    if isinstance(exc, DiskFull):
        return DiskFull(BACKUP_DISK_FULL)
    if isinstance(exc, OSError):
        if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
            return DiskFull(BACKUP_DISK_FULL)
        return BackupFailed(
            "The backup could not be written to that folder ({why}). Nothing was left there "
            "and the vault is unchanged. Check the folder (is the USB stick plugged in?) and "
            "try again.", why=exc.strerror or "the disk refused it")
    if isinstance(exc, PeerDeskError):
        return exc
    return BackupFailed()


@dataclass(frozen=True, slots=True)
class BackupResult:
    path: Path
    info: BackupInfo
    size: int


Progress = Callable[[str], None]


def write_backup(vault: UnlockedVault, folder: Path, *, now: datetime | None = None,
                 progress: Progress | None = None) -> BackupResult:
    """Back up `vault` into `folder` on this thread's own connections."""
    from peerdesk.storage import anchors

    step = progress or (lambda _text: None)
    folder = Path(folder).expanduser().absolute()
    if not folder.is_dir():
        raise BackupFailed(
            "The backup folder {folder} can't be found. If it is on a USB stick, plug it "
            "in; or choose another folder. No backup was made.", folder=str(folder))
    taken = now or datetime.now().astimezone()
    final = VaultPaths(_free_name(folder, taken.replace(tzinfo=None)))
    temp = VaultPaths(folder / (_TEMP_PREFIX + final.database.name))
    renamed: list[Path] = []
    # Both connections are opened first: if the vault is locked meanwhile, the
    # keys are gone and a connection opened later would fail halfway.
    writer = vault.connect()
    try:
        checker = vault.connect()
    except BaseException:
        writer.close()
        raise
    written = [*_files_of(temp), *(p.with_name(p.name + "-journal")
                                   for p in (temp.database, temp.casework))]
    try:
        step("Copying the vault…")
        _new_private_file(temp.database)
        holds_casework = vault.holds(CASEWORK)
        if holds_casework:
            _new_private_file(temp.casework)
        info, counts = _export(writer, temp, taken, vault.key(CASEWORK).key
                               if holds_casework else None)
        fsync_path(temp.database)
        if holds_casework:
            fsync_path(temp.casework)
        else:
            step("Copying peers' records as they are…")
            _copy_sealed_casework(vault.paths, temp)
        step("Copying the key file…")
        anchors.record_in_key_file(vault, writer)
        raw_keys = _copy_keys(vault, temp.keys)
        step("Checking the backup…")
        _verify(checker, temp, counts, info, vault)
        if temp.keys.read_bytes() != raw_keys:
            raise BackupFailed("The backup's key file did not check out after writing, so "
                               "the backup was deleted. The vault is unchanged.")
        # Key file first: a database without its key file is never listed.
        for source, target in ((temp.keys, final.keys), (temp.casework, final.casework),
                               (_wal(temp.casework), _wal(final.casework)),
                               (temp.database, final.database)):
            if source.exists():
                os.replace(source, target)
                renamed.append(target)
        fsync_directory(folder)
    except BaseException as exc:
        for leftover in (*written, *renamed):
            with contextlib.suppress(OSError):
                leftover.unlink()
        if isinstance(exc, Exception):
            raise _as_user_error(exc) from exc
        raise
    finally:
        writer.close()
        checker.close()
    size = sum(p.stat().st_size for p in _files_of(final) if p.exists())
    return BackupResult(final.database, info, size)


def _wal(path: Path) -> Path:
    return path.with_name(path.name + "-wal")


def _copy_sealed_casework(live: VaultPaths, temp: VaultPaths) -> None:
    """Copy the casework file without its key, byte for byte (with its journal, if
    the last session that had it open ended without writing it back) — once what
    can be told of it without the key says it is the vault's own, whole file."""
    from peerdesk.storage.integrity import casework_file_problems
    from peerdesk.storage.keyslots import KeySlotFile

    problems = casework_file_problems(live, KeySlotFile.load(live.keys))
    if problems:
        raise BackupFailed("No backup was made: {problem}. The vault is unchanged; run a "
                           "check of the vault.", problem=problems[0])
    for source, target in ((live.casework, temp.casework),
                           (_wal(live.casework), _wal(temp.casework))):
        if source.exists() and source.stat().st_size:
            if not target.exists():
                _new_private_file(target)
            shutil.copyfile(source, target)
            fsync_path(target)
            if _digest(source) != _digest(target):
                raise BackupFailed("The copy of peers' records did not match the original, so "
                                   "the backup was deleted. The vault is unchanged.")


def _digest(path: Path) -> str:
    import hashlib

    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _export(db: Database, temp: VaultPaths, taken: datetime, casework_key: bytearray | None
            ) -> tuple[BackupInfo, dict[str, dict[str, int]]]:
    """Copy both databases in one read transaction, so the copy is one moment's state."""
    # No KEY clause: SQLCipher gives the attached file the main key.
    db.execute("ATTACH DATABASE ? AS backup", (str(temp.database),))
    if casework_key is not None:
        spec = "x'" + bytes(casework_key).hex() + "'"
        db.execute("ATTACH DATABASE ? AS backup_cw KEY ?", (str(temp.casework), spec))
    try:
        # One snapshot: the counts, the copy and its manifest all see the same vault.
        with db.read_snapshot():
            version = int(db.scalar("PRAGMA main.user_version"))
            counts = {"main": _row_counts(db, "main")}
            if casework_key is not None:
                counts["casework"] = _row_counts(db, "casework")
            db.query("SELECT sqlcipher_export('backup')")
            db.execute(f"PRAGMA backup.user_version = {version}")
            if casework_key is not None:
                db.query("SELECT sqlcipher_export('backup_cw', 'casework')")
                db.execute("PRAGMA backup_cw.user_version = "
                           f"{int(db.scalar('PRAGMA casework.user_version'))}")
            if db.scalar("SELECT 1 FROM main.meta WHERE key = ?", (_INFO_KEY,)) is None:
                counts["main"]["meta"] += 1  # the manifest below is the copy's one extra row
            info = BackupInfo(
                taken_at=taken.astimezone(UTC).isoformat(timespec="seconds"),
                schema_version=version, counts=_summary(db, "main"))
            db.execute(
                "INSERT INTO backup.meta (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (_INFO_KEY, info.to_json()))
    finally:
        for schema in ("backup", *(("backup_cw",) if casework_key is not None else ())):
            with contextlib.suppress(PeerDeskError):
                db.execute(f"DETACH DATABASE {schema}")
    owner_only(temp.database)
    owner_only(temp.casework)
    return info, counts


def _copy_keys(vault: UnlockedVault, temp_keys: Path) -> bytes:
    raw = vault.paths.keys.read_bytes()
    slots = KeySlotFile.load_bytes(raw)
    # The copies are under the keys of the generations this session holds; a
    # key file from after a rotation would not open them.
    for what, held in vault.held.items():
        if held.generation not in slots.generations(what):
            raise BackupFailed("The vault's key changed while the backup was made. "
                               "No backup was made; try again.")
    write_private(temp_keys, raw, new=True)
    return raw


def _verify(db: Database, temp: VaultPaths, counts: dict[str, dict[str, int]],
            info: BackupInfo, vault: UnlockedVault) -> None:
    """Open the written copies again and check every page, the structure and the rows."""
    bad = BackupFailed("The backup did not check out after writing, so it was deleted. "
                       "The vault is unchanged. Try again, or use another folder or stick.")
    db.execute("ATTACH DATABASE ? AS written", (str(temp.database),))
    checked = ["written"]
    try:
        if "casework" in counts:
            spec = "x'" + bytes(vault.key(CASEWORK).key).hex() + "'"
            db.execute("ATTACH DATABASE ? AS written_cw KEY ?", (str(temp.casework), spec))
            checked.append("written_cw")
        for schema in checked:
            if db.query(f"PRAGMA {schema}.cipher_integrity_check"):
                raise bad
            if db.scalar(f"PRAGMA {schema}.integrity_check") != "ok":
                raise bad
        if _row_counts(db, "written") != counts["main"]:
            raise bad
        if "casework" in counts and _row_counts(db, "written_cw") != counts["casework"]:
            raise bad
        if int(db.scalar("PRAGMA written.user_version")) != info.schema_version:
            raise bad
        stored = db.scalar("SELECT value FROM written.meta WHERE key = ?", (_INFO_KEY,))
        if stored is None or BackupInfo.from_json(str(stored)) != info:
            raise bad
    except VaultDamaged as exc:
        raise bad from exc
    finally:
        for schema in checked:
            with contextlib.suppress(PeerDeskError):
                db.execute(f"DETACH DATABASE {schema}")


# -- reading a backup ----------------------------------------------------------------------

class _ReadOnly:
    """A read-only connection on a backup (or any vault file), opened with its data key.

    Database would switch the file to WAL and write beside it; a backup is
    only read, and may sit on a stick that is read-only.
    """

    def __init__(self, path: Path, data_key: bytes | bytearray) -> None:
        import sqlcipher3

        self._errors = (sqlcipher3.DatabaseError, sqlcipher3.OperationalError)
        uri = path.absolute().as_uri() + "?mode=ro"
        try:
            conn = sqlcipher3.connect(uri, uri=True, isolation_level=None)
            # ATTACH of a read-only "file:" URI needs URI filenames on.
        except sqlcipher3.Error as exc:
            raise translate(exc, path) from exc
        spec = bytearray(b"x'") + bytearray(bytes(data_key).hex().encode("ascii")) + b"'"
        try:
            conn.execute("PRAGMA cipher_log_level = NONE")
            conn.set_key(spec)
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlcipher3.Error as exc:
            conn.close()
            raise translate(exc, path) from exc
        finally:
            crypto.wipe(spec)
        self._conn = conn
        self.casework: Path | None = None

    def attach_casework(self, path: Path, data_key: bytes | bytearray) -> None:
        """Peers' records too, when the slot that opened the backup holds their key."""
        import sqlcipher3

        uri = path.absolute().as_uri() + "?mode=ro"
        spec = "x'" + bytes(data_key).hex() + "'"
        try:
            self._conn.execute("ATTACH DATABASE ? AS casework KEY ?", (uri, spec))
            self._conn.execute("SELECT count(*) FROM casework.sqlite_master").fetchone()
        except sqlcipher3.Error as exc:
            with contextlib.suppress(sqlcipher3.Error):
                self._conn.execute("DETACH DATABASE casework")
            raise translate(exc, path) from exc
        self.casework = path

    def query(self, sql: str, params: tuple[Any, ...] = ()) -> list[Any]:
        try:
            return list(self._conn.execute(sql, params).fetchall())
        except self._errors as exc:
            raise translate(exc) from exc

    def scalar(self, sql: str, params: tuple[Any, ...] = ()) -> Any:
        rows = self.query(sql, params)
        return rows[0][0] if rows else None

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self._conn.close()


def _unwrap(slots: KeySlotFile, candidates: list[Slot],
            secret: bytes) -> dict[str, list[bytearray]]:
    """The keys of each database (newest first) the first slot that opens gives."""
    for slot in candidates:
        try:
            private = slots.open_private_key(slot, secret)
        except crypto.UnwrapFailed:
            continue
        try:
            opened = slots.open_slot(slot, private)
        finally:
            crypto.wipe(private)
        keys = {what: [key for _generation, key in opened.secrets.get(what, [])]
                for what in (MAIN, CASEWORK)}
        for what, entries in opened.secrets.items():
            if what not in keys:
                for _generation, key in entries:
                    crypto.wipe(key)
        return keys
    return {}


def _backup_keys(paths: VaultPaths) -> KeySlotFile:
    try:
        return KeySlotFile.load(paths.keys)
    except KeyFileMissing as exc:
        raise BackupFailed(
            "The backup's key file ({name}) is missing, so the backup can't be opened. A "
            "backup is two files: put the key file back beside it.",
            name=paths.keys.name) from exc


def backup_accounts(path: Path) -> list[str]:
    """The accounts whose password opens a backup (as they were when it was made)."""
    paths = VaultPaths(Path(path).expanduser().absolute())
    if not paths.database.is_file():
        raise BackupFailed("There is no backup at {path}.", path=str(paths.database))
    return _backup_keys(paths).accounts()


@contextlib.contextmanager
def open_backup(path: Path, account: str | None, secret: str) -> Iterator[_ReadOnly]:
    """A read-only connection on a backup, unlocked with a password or (account None)
    the recovery key from the backup's own key file. Refuses a newer schema."""
    paths = VaultPaths(Path(path).expanduser().absolute())
    if not paths.database.is_file():
        raise BackupFailed("There is no backup at {path}.", path=str(paths.database))
    slots = _backup_keys(paths)
    if account is None:
        # A mistyped key gets the checksum's own message (which group is wrong).
        canonical = recovery.normalise(secret)
        keys = _unwrap(slots, slots.recovery_slots(), recovery.secret_bytes(canonical))
        refused = WrongCredentials("That recovery key does not open this backup.")
    else:
        keys = _unwrap(slots, slots.slots_for(account), keyslots.password_bytes(secret))
        refused = WrongCredentials()
    if not keys.get(MAIN):
        raise refused
    conn: _ReadOnly | None = None
    try:
        for key in keys[MAIN]:
            if conn is None:
                with contextlib.suppress(VaultDamaged):
                    conn = _ReadOnly(paths.database, key)
        if conn is not None and paths.casework.is_file():
            for key in keys.get(CASEWORK, []):
                if conn.casework is None:
                    with contextlib.suppress(VaultDamaged):
                        conn.attach_casework(paths.casework, key)
    finally:
        for entries in keys.values():
            for key in entries:
                crypto.wipe(key)
    if conn is None:
        raise VaultDamaged("This backup ({name}) is damaged or was changed, so it can't be "
                           "opened.", name=paths.database.name)
    try:
        if int(conn.scalar("PRAGMA user_version")) > latest_version():
            raise VaultTooNew
        yield conn
    finally:
        conn.close()


def read_info(conn: _ReadOnly) -> BackupInfo:
    """The manifest written into the backup; counted afresh if it has none."""
    stored = conn.scalar("SELECT value FROM meta WHERE key = ?", (_INFO_KEY,))
    if stored is not None:
        with contextlib.suppress(ValueError, KeyError, TypeError):
            return BackupInfo.from_json(str(stored))
    counts = _summary(conn, "main")
    created = conn.scalar("SELECT value FROM meta WHERE key = 'created_at'")
    return BackupInfo(taken_at=str(created or ""),
                      schema_version=int(conn.scalar("PRAGMA user_version")), counts=counts)


# -- restoring -------------------------------------------------------------------------------

def copy_out(backup: Path, target: VaultPaths) -> None:
    """Copy a backup's two files to a new vault location (which must not exist yet)."""
    source = VaultPaths(Path(backup).expanduser().absolute())
    if target.exists():
        raise VaultExists("There is already a vault at that location. Choose a new name; a "
                          "restore never writes over a vault.")
    folder = target.database.parent
    copies = [(src, dst) for src, dst in (
        (source.keys, target.keys), (source.casework, target.casework),
        (_wal(source.casework), _wal(target.casework)), (source.database, target.database))
        if src.exists()]
    written: list[Path] = []
    try:
        if not folder.exists():
            folder.mkdir(parents=True, mode=0o700)
        for src, dst in copies:
            temp = dst.with_name(_TEMP_PREFIX + dst.name)
            written.append(temp)
            _new_private_file(temp)
            shutil.copyfile(src, temp)
            fsync_path(temp)
        for _src, dst in copies:
            temp = dst.with_name(_TEMP_PREFIX + dst.name)
            os.replace(temp, dst)
            written.append(dst)
        fsync_directory(folder)
    except BaseException as exc:
        for path in written:
            with contextlib.suppress(OSError):
                path.unlink()
        if isinstance(exc, OSError):
            if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
                raise DiskFull("There is not enough free space there to restore the backup. "
                               "Nothing was restored.") from exc
            raise BackupFailed(
                "The backup could not be copied there ({why}). Nothing was restored.",
                why=exc.strerror or "refused") from exc
        raise


def remove_vault_files(target: VaultPaths) -> None:
    """Undo a restore that did not verify (only ever on files the restore made)."""
    for path in (*target.database_files(), target.keys, target.lock, target.signin_log):
        with contextlib.suppress(OSError):
            path.unlink()
