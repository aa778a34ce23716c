"""Creating, unlocking, locking and rekeying a vault (DESIGN.md §3).

`LockedVault` holds the files for this process (the lock file) but no key:
it is what the sign-in screen talks to. Unlocking returns an
`UnlockedVault`, which holds the data key and the main-thread connection;
closing it wipes the key and goes back to the locked state.
"""

from __future__ import annotations

import contextlib
import os
from datetime import UTC, datetime
from pathlib import Path

from peerdesk.domain.errors import (
    PeerDeskError,
    VaultDamaged,
    VaultExists,
    VaultNotFound,
    WrongCredentials,
)
from peerdesk.storage import crypto, keyslots, recovery
from peerdesk.storage.atomic import fsync_directory, owner_only
from peerdesk.storage.database import Database
from peerdesk.storage.keyslots import KeySlotFile, Slot
from peerdesk.storage.lockfile import VaultLock
from peerdesk.storage.migrations import (
    MigrationResult,
    check_not_too_new,
    existing_backups,
    migrate,
)
from peerdesk.storage.paths import VaultPaths
from peerdesk.storage.repositories.meta import get_meta, set_meta

_GENERATION = "key_generation"
_REKEY_PENDING = "rekey_pending"


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class LockedVault:
    """A vault reserved for this process, waiting for a password."""

    def __init__(self, paths: VaultPaths, lock: VaultLock, slots: KeySlotFile) -> None:
        self.paths = paths
        self._lock = lock
        self.keyslots = slots

    @classmethod
    def open(cls, paths: VaultPaths) -> LockedVault:
        if not paths.database.exists():
            raise VaultNotFound
        lock = VaultLock(paths.lock)
        lock.acquire()
        try:
            slots = KeySlotFile.load(paths.keys)
        except BaseException:
            lock.release()
            raise
        return cls(paths, lock, slots)

    @property
    def vault_id(self) -> str:
        return self.keyslots.vault_id

    def accounts(self) -> list[str]:
        return self.keyslots.accounts()

    def unlock(self, account: str, password: str) -> UnlockedVault:
        """Open with an account's password; WrongCredentials names neither part."""
        secret = keyslots.password_bytes(password)
        slots = self.keyslots.slots_for(account)
        if not slots:
            # Spend the same time as a real try, so timing doesn't reveal
            # which account names exist.
            crypto.derive_key(secret, b"\0" * crypto.SALT_BYTES, crypto.KdfParams())
            raise WrongCredentials
        for slot in slots:
            with contextlib.suppress(crypto.UnwrapFailed):
                return self._open_with(slot, secret)
        raise WrongCredentials

    def unlock_with_recovery_key(self, typed_key: str) -> UnlockedVault:
        canonical = recovery.normalise(typed_key)
        for slot in self.keyslots.recovery_slots():
            with contextlib.suppress(crypto.UnwrapFailed):
                return self._open_with(slot, recovery.secret_bytes(canonical))
        raise WrongCredentials("That recovery key does not open this vault.")

    def _open_with(self, slot: Slot, secret: bytes) -> UnlockedVault:
        private = self.keyslots.open_private_key(slot, secret)
        try:
            candidates = self.keyslots.data_key_candidates(slot, private)
        finally:
            crypto.wipe(private)
        opened: UnlockedVault | None = None
        for generation, data_key in candidates:
            if opened is None:
                try:
                    db = Database(self.paths.database, data_key)
                except VaultDamaged:
                    crypto.wipe(data_key)
                    continue
                opened = UnlockedVault(self, slot, data_key, db, generation)
            else:
                crypto.wipe(data_key)
        if opened is None:
            raise VaultDamaged
        try:
            # Refuse a newer vault before anything is written: finishing a
            # pending rekey would otherwise rewrite it with this older program.
            check_not_too_new(opened.db)
            opened.finish_interrupted_rekey()
            opened.migration = migrate(opened.db)
        except BaseException:
            opened.close()
            raise
        return opened

    def release(self) -> None:
        self._lock.release()


class UnlockedVault:
    """An open vault: the data key, the main connection, and slot management."""

    def __init__(self, locked: LockedVault, slot: Slot, data_key: bytearray, db: Database,
                 generation: int) -> None:
        self.locked = locked
        self.paths = locked.paths
        self.keyslots = locked.keyslots
        self.slot = slot
        self._data_key = data_key
        self.db = db
        self.generation = generation
        self.migration: MigrationResult | None = None
        # Set when this unlock finished a rekey that a crash interrupted.
        self.rekeyed_on_open = False

    # -- connections ----------------------------------------------------------

    def connect(self) -> Database:
        """Another connection on the same vault, for a worker thread."""
        return Database(self.paths.database, self._data_key)

    def close(self) -> LockedVault:
        """Drop the connection and the key; the files stay reserved."""
        self.db.close()
        crypto.wipe(self._data_key)
        return self.locked

    # -- key slots --------------------------------------------------------------

    def add_slot(self, *, kind: str, account: str | None, secret: bytes,
                 params: crypto.KdfParams) -> Slot:
        """A new slot, saved to the sidecar and registered in the database."""
        slot = self.keyslots.add(
            kind=kind, account=account, secret=secret, data_key=self._data_key,
            generation=self.generation, params=params,
        )
        self._save_slots_or_forget(slot.id)
        try:
            self.db.execute(
                "INSERT INTO key_slot (slot_id, kind, public_key) VALUES (?, ?, ?)",
                (slot.id, kind, slot.public_key),
            )
        except BaseException:
            # Without this the saved slot stayed in the key file, listed on
            # the sign-in screen with no account behind it.
            self.keyslots.remove(slot.id)
            with contextlib.suppress(PeerDeskError):
                self.keyslots.save(self.paths.keys)
            raise
        return slot

    def _save_slots_or_forget(self, slot_id: str) -> None:
        try:
            self.keyslots.save(self.paths.keys)
        except BaseException:
            self.keyslots.remove(slot_id)
            raise

    def change_secret(self, slot: Slot, old_secret: bytes, new_secret: bytes,
                      params: crypto.KdfParams) -> None:
        """A password change: one slot re-wrapped, the database untouched."""
        private = self.keyslots.open_private_key(slot, old_secret)
        backup = self.keyslots.to_bytes()
        try:
            self.keyslots.change_secret(slot, private, new_secret, params)
            self.keyslots.save(self.paths.keys)
        except BaseException:
            self.locked.keyslots = self.keyslots = KeySlotFile.load_bytes(backup)
            raise
        finally:
            crypto.wipe(private)

    def forget_slot(self, slot_id: str) -> None:
        """Remove a slot from the sidecar and the database (no rekey).

        The sidecar goes first: it is what opens the vault. When the disk is
        full the database delete fails too, and a row left in key_slot alone
        opens nothing (a rekey seals only to slots in both places).
        """
        self.keyslots.remove(slot_id)
        self.keyslots.save(self.paths.keys)
        self.db.execute("DELETE FROM key_slot WHERE slot_id = ?", (slot_id,))

    # -- rekeying -----------------------------------------------------------------

    def mark_rekey_pending(self) -> None:
        """Called inside the transaction that removes someone, so a crash before
        the rekey finishes is completed at the next unlock."""
        set_meta(self.db, _REKEY_PENDING, "1")

    def finish_interrupted_rekey(self) -> None:
        if self.paths.rekey_temp.exists():
            self.paths.rekey_temp.unlink()
        newest = max((k.generation for s in self.keyslots.slots for k in s.data_keys), default=1)
        if newest != self.generation:
            # The database swap did not happen (or did, for the other case):
            # keep only the generation the database is actually under.
            for slot in self.keyslots.slots:
                slot.data_keys = [k for k in slot.data_keys if k.generation == self.generation]
            self.keyslots.save(self.paths.keys)
        elif any(len(s.data_keys) > 1 for s in self.keyslots.slots):
            self.keyslots.drop_generations_before(self.generation)
            self.keyslots.save(self.paths.keys)
        if get_meta(self.db, _REKEY_PENDING) == "1":
            self.rekey()
            self.rekeyed_on_open = True

    def rekey(self) -> None:
        """Move the whole database to a new data key (DESIGN.md §3).

        Export to a new file under the new key, verify it, seal the new key
        to every slot registered in the database, swap the files, then drop
        the old key. At every step a crash leaves a vault that opens.
        Other connections must be closed first.
        """
        new_key = crypto.new_data_key()
        new_generation = self.generation + 1
        temp = self.paths.rekey_temp
        temp.unlink(missing_ok=True)
        spec = "x'" + bytes(new_key).hex() + "'"
        version = int(self.db.scalar("PRAGMA user_version"))
        try:
            self.db.execute("ATTACH DATABASE ? AS rekeyed KEY ?", (str(temp), spec))
            try:
                self.db.query("SELECT sqlcipher_export('rekeyed')")
                self.db.execute(f"PRAGMA rekeyed.user_version = {version}")
                # Only the copy is marked done: if we crash before the swap,
                # the old file still says a rekey is owed.
                for key, value in ((_REKEY_PENDING, "0"), (_GENERATION, str(new_generation))):
                    self.db.execute(
                        "INSERT INTO rekeyed.meta (key, value) VALUES (?, ?) "
                        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                        (key, value),
                    )
            finally:
                self.db.execute("DETACH DATABASE rekeyed")
            owner_only(temp)
            self._verify_copy(temp, new_key)
        except BaseException:
            temp.unlink(missing_ok=True)
            raise
        registered = {
            str(row[0]): bytes(row[1])
            for row in self.db.query("SELECT slot_id, public_key FROM key_slot")
        }
        # Slots not registered in the database (a removed person's) go now.
        self.keyslots.slots = [s for s in self.keyslots.slots if s.id in registered]
        for slot in self.keyslots.slots:
            self.keyslots.seal_data_key(slot, new_key, new_generation, registered[slot.id])
        self.keyslots.save(self.paths.keys)
        # The swap: close, rename, reopen under the new key.
        self.db.checkpoint()
        self.db.close()
        try:
            os.replace(temp, self.paths.database)
        except BaseException:
            # The old file is still the vault and every slot still holds its
            # key: reopen it so this session keeps working (it was left with
            # a closed connection), and the next unlock finishes the rekey.
            self.db = Database(self.paths.database, self._data_key)
            raise
        # From here the file is under the new key. Switch to it before
        # anything else can fail, so this session never holds a connection
        # or key that no longer matches the file.
        crypto.wipe(self._data_key)
        self._data_key = new_key
        self.generation = new_generation
        self.db = Database(self.paths.database, new_key)
        fsync_directory(self.paths.database.parent)
        self.keyslots.drop_generations_before(new_generation)
        self.keyslots.save(self.paths.keys)
        # Pre-upgrade copies are under an old data key. No slot in the key
        # file opens them any more, but an old copy of the key file would:
        # kept, they would let the person just removed read everything up to
        # the upgrade. They are of no use to anyone else now.
        for stale in existing_backups(self.paths.database):
            stale.unlink(missing_ok=True)

    def _verify_copy(self, path: Path, key: bytearray) -> None:
        copy = Database(path, key)
        try:
            if copy.query("PRAGMA cipher_integrity_check"):
                raise VaultDamaged("The re-encrypted copy did not verify; nothing was changed.")
            if copy.scalar("PRAGMA integrity_check") != "ok":
                raise VaultDamaged("The re-encrypted copy did not verify; nothing was changed.")
            tables = [r[0] for r in self.db.query(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )]
            for table in tables:
                quoted = '"' + table.replace('"', '""') + '"'
                if self.db.scalar(f"SELECT count(*) FROM {quoted}") != copy.scalar(
                    f"SELECT count(*) FROM {quoted}"
                ):
                    raise VaultDamaged("The re-encrypted copy is incomplete; nothing was changed.")
        finally:
            copy.close()


def create_vault(paths: VaultPaths) -> tuple[UnlockedVault, str]:
    """A new, empty vault with only its recovery slot. Returns it and the recovery key."""
    if paths.exists():
        raise VaultExists
    if not paths.database.parent.exists():
        paths.database.parent.mkdir(parents=True, mode=0o700)
    lock = VaultLock(paths.lock)
    lock.acquire()
    slots = KeySlotFile.new()
    data_key = crypto.new_data_key()
    recovery_key = recovery.generate()
    try:
        recovery_slot = slots.add(
            kind=keyslots.RECOVERY, account=None, secret=recovery.secret_bytes(recovery_key),
            data_key=data_key, generation=1, params=crypto.calibrate(),
        )
        slots.save(paths.keys)
        db = Database(paths.database, data_key, create=True)
        owner_only(paths.database)
        try:
            result = migrate(db)
            with db.transaction():
                set_meta(db, "vault_id", slots.vault_id)
                set_meta(db, "created_at", utc_now())
                set_meta(db, _GENERATION, "1")
                db.execute(
                    "INSERT INTO key_slot (slot_id, kind, public_key) VALUES (?, ?, ?)",
                    (recovery_slot.id, recovery_slot.kind, recovery_slot.public_key),
                )
        except BaseException:
            db.close()
            raise
    except BaseException:
        crypto.wipe(data_key)
        for leftover in (paths.database, paths.keys, paths.database.with_name(
                paths.database.name + "-wal"), paths.database.with_name(
                paths.database.name + "-shm")):
            with contextlib.suppress(OSError):
                leftover.unlink()
        lock.release()
        raise
    locked = LockedVault(paths, lock, slots)
    vault = UnlockedVault(locked, recovery_slot, data_key, db, 1)
    vault.migration = result
    return vault, recovery_key


__all__ = ["LockedVault", "PeerDeskError", "UnlockedVault", "create_vault", "utc_now"]
