"""Creating, unlocking and locking a vault (docs/security.md §2).

`LockedVault` holds the files for this process (the lock file) but no key:
it is what the sign-in screen talks to. Unlocking returns an
`UnlockedVault`, which holds the keys the person's slot gave up and the
main-thread connection (the main database, with the casework database
attached when the slot holds its key); closing it wipes the keys and goes
back to the locked state.

Nothing is written before every file has been opened read-only with its key:
a damaged or mismatched file is refused unchanged.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from peerdesk.domain.errors import (
    KeyFileMismatch,
    PeerDeskError,
    VaultDamaged,
    VaultExists,
    VaultNotFound,
    VaultTooNew,
    WrongCredentials,
)
from peerdesk.storage import crypto, keyslots, recovery
from peerdesk.storage.atomic import owner_only
from peerdesk.storage.database import (
    Database,
    check_file_shape,
    file_salt,
    forget_damage,
    verify_key_read_only,
)
from peerdesk.storage.keyslots import AUTHORITY, CASEWORK, MAIN, SIGNING, KeySlotFile, Slot
from peerdesk.storage.lockfile import VaultLock
from peerdesk.storage.migrations import (
    SPLIT_VERSION,
    MigrationResult,
    latest_version,
    migrate,
)
from peerdesk.storage.paths import VaultPaths
from peerdesk.storage.repositories import audit as audit_repo
from peerdesk.storage.repositories.meta import get_meta, set_meta
from peerdesk.storage.signer import Signer

AUTHORITY_META = "authority_public_key"


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass(slots=True)
class HeldKey:
    generation: int
    key: bytearray


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

    def reload_keys(self) -> None:
        """Read the key file again (another step of this process may have changed it)."""
        self.keyslots = KeySlotFile.load(self.paths.keys)

    def decoy_derivation(self, secret: bytes) -> None:
        """Spend what a real try at an account costs, for a name that is none.

        The parameters are a real slot's, so an unknown name takes as long as
        a known one with a wrong password: timing doesn't tell which exist.
        """
        real = next((s for s in self.keyslots.slots if s.kind == keyslots.PASSWORD), None)
        params = real.kdf if real else crypto.calibrate()
        with contextlib.suppress(crypto.UnwrapFailed):
            crypto.unwrap(crypto.derive_key(secret, b"\0" * crypto.SALT_BYTES, params),
                          b"\0" * crypto.NONCE_BYTES, b"\0" * 48, b"decoy")

    def unlock(self, account: str, password: str) -> UnlockedVault:
        """Open with an account's password; WrongCredentials names neither part."""
        secret = keyslots.password_bytes(password)
        slots = self.keyslots.slots_for(account)
        if not slots:
            self.decoy_derivation(secret)
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
        private, pinned = self.keyslots.open_private(slot, secret)
        try:
            return _Opener(self, slot, private, pinned, secret).open()
        finally:
            crypto.wipe(private)

    def release(self) -> None:
        self._lock.release()


class _Opener:
    """One unlock: pick each file's key read-only, upgrade, attach, pin."""

    def __init__(self, locked: LockedVault, slot: Slot, private: bytearray, pinned: bool,
                 secret: bytes) -> None:
        self.locked = locked
        self.paths = locked.paths
        self.slot = slot
        self.private = private
        self.pinned = pinned  # opened as a pinned slot: it must carry a valid pin
        self.secret = secret

    def open(self) -> UnlockedVault:
        from peerdesk.storage import rotation, split

        rotation.remove_leftovers(self.paths)
        # A new unlock reads every file read-only before it writes again; what
        # this process saw and wrote before starts afresh.
        forget_damage(self.paths.database)
        opened = self.locked.keyslots.open_slot(self.slot, self.private)
        try:
            main = self._pick(MAIN, opened.secrets.get(MAIN, []))
            version = verify_key_read_only(self.paths.database, main.key)
            if version > latest_version():
                raise VaultTooNew
            if version < SPLIT_VERSION:
                # An older vault: everything was in one file. Move casework
                # into its own under new keys, then open what that made.
                result = split.split_legacy(self.locked, self.slot, main.key)
                opened.wipe()
                self.locked.reload_keys()
                self.slot = self.locked.keyslots.slot(self.slot.id) or self.slot
                vault = _Opener(self.locked, self.slot, self.private, self.pinned,
                                self.secret).open()
                vault.migration = result
                return vault
            return self._open_current(opened, main)
        finally:
            opened.wipe()

    def _pick(self, what: str, candidates: list[tuple[int, bytearray]]) -> HeldKey:
        """The generation whose key opens the file, tried read-only, newest first."""
        path = self.paths.file_of(what)
        check_file_shape(path)
        for generation, key in candidates:
            with contextlib.suppress(VaultDamaged):
                verify_key_read_only(path, key)
                return HeldKey(generation, bytearray(key))
        salt = file_salt(path)
        recorded = [self.locked.keyslots.salt_of(what, g) for g, _ in candidates]
        if salt is not None and any(r is not None for r in recorded) and salt not in recorded:
            if what != MAIN:
                # Main opened with this key file, so the key file is current:
                # it is the casework file that is another copy.
                raise KeyFileMismatch(
                    "The casework file {name} does not belong with the vault as it is "
                    "now (it may be an older copy, or from another vault). Nothing has been "
                    "changed. Put back the casework file that belongs with it, or restore "
                    "the vault from a backup.", name=path.name)
            raise KeyFileMismatch(file=self.paths.keys)
        raise VaultDamaged(file=path)

    def _open_current(self, opened: keyslots.OpenedSlot, main: HeldKey) -> UnlockedVault:
        keys = self.locked.keyslots
        held = {MAIN: main}
        casework: HeldKey | None = None
        if opened.secrets.get(CASEWORK):
            if not self.paths.casework.exists():
                raise VaultNotFound(
                    "The vault's casework file ({name}) is missing, so peers' records can't be "
                    "opened. Nothing has been changed. Put it back beside the vault, or "
                    "restore both from a backup.", name=self.paths.casework.name)
            casework = self._pick(CASEWORK, opened.secrets[CASEWORK])
            held[CASEWORK] = casework
        changed = _keep_only_opened_generations(keys, held)
        migration = self._migrate(main, casework)
        db = Database(self.paths.database, main.key)
        try:
            if casework is not None:
                db.attach("casework", self.paths.casework, casework.key)
            authority_public = _authority_public(db)
            seed = opened.newest(AUTHORITY)
            if seed is not None and (authority_public is None
                                     or crypto.signing_public_key(seed) != authority_public):
                seed = None  # a planted or stale authority key is no authority
            origin = audit_repo.recorded_origin_count(db)
            trusted, pin_ok, pinned_now = self._trusted_authority(authority_public, origin)
            changed = changed or pinned_now
            if changed:
                keys.save(self.paths.keys)
        except BaseException:
            db.close()
            for key in held.values():
                crypto.wipe(key.key)
            raise
        signing = opened.newest(SIGNING)
        vault = UnlockedVault(
            self.locked, self.slot, held, db,
            authority_seed=bytearray(seed) if seed is not None else None,
            signing_seed=bytearray(signing) if signing is not None else None,
            trusted_authority=trusted, authority_pin_ok=pin_ok,
            trusted_origin=origin if pin_ok else None,
        )
        vault.migration = migration
        vault.pinned_now = pinned_now
        vault._set_seen_key(self.private)
        vault.last_seen, vault.seen_forged = keys.verified_seen(self.slot, vault.seen_key)
        return vault

    def _migrate(self, main: HeldKey, casework: HeldKey | None) -> MigrationResult:
        """Upgrade each file this slot opens; casework on a connection of its own
        (its migrations name its tables without a schema)."""
        db = Database(self.paths.database, main.key)
        try:
            result = migrate(db)
        finally:
            db.close()
        if casework is not None:
            cw = Database(self.paths.casework, casework.key)
            try:
                migrate(cw, compartment=CASEWORK)
            finally:
                cw.close()
        return result

    def _trusted_authority(self, in_database: bytes | None,
                           origin: int) -> tuple[bytes | None, bool, bool]:
        """The authority this person trusts: (key, pin matches the database, pinned now).

        A slot made by this version is pinned from the start, and its private
        key opens only as a pinned slot's: a pin missing or forged is refused.
        A slot from before pins (an upgraded vault) trusts what the database
        says, once — at its owner's first sign-in — and from then on is pinned
        like the others (its private key wrapped again, as only the password can).
        """
        keys = self.locked.keyslots
        if self.pinned:
            pin = keys.verified_pin(self.slot, self.private)
            if pin is None:
                return None, False, False
            return pin.authority, pin.authority == in_database and pin.origin == origin, False
        if in_database is None:
            return None, False, False
        keys.set_pin(self.slot, self.private, in_database, origin)
        keys.rewrap(self.slot, self.private, self.secret)
        return in_database, True, True


def _keep_only_opened_generations(keys: KeySlotFile, held: dict[str, HeldKey]) -> bool:
    """Drop key generations that don't open their file (an interrupted rotation's)."""
    changed = False
    for what, key in held.items():
        if keys.generations(what) != [key.generation]:
            keys.keep_generations(what, [key.generation])
            changed = True
    return changed


def _authority_public(db: Database) -> bytes | None:
    value = get_meta(db, AUTHORITY_META)
    try:
        return bytes.fromhex(value) if value else None
    except ValueError:
        return None


class UnlockedVault:
    """An open vault: the keys this slot holds, the main connection, and slot management."""

    def __init__(self, locked: LockedVault, slot: Slot, held: dict[str, HeldKey],
                 db: Database, *, authority_seed: bytearray | None,
                 signing_seed: bytearray | None, trusted_authority: bytes | None,
                 authority_pin_ok: bool, trusted_origin: int | None = None) -> None:
        self.locked = locked
        self.paths = locked.paths
        self.slot = slot
        self.held = held
        self.db = db
        self.authority_seed = authority_seed
        self.signing_seed = signing_seed
        # The authority's public key as this person's own slot vouches for it.
        self.trusted_authority = trusted_authority
        self.authority_pin_ok = authority_pin_ok
        # Where the audit log's signatures begin, as the same slot vouches for it.
        self.trusted_origin = trusted_origin
        # This unlock trusted the authority for the first time (an upgraded slot).
        self.pinned_now = False
        self.migration: MigrationResult | None = None
        self.signer: Signer | None = None
        # The audit head this person's own slot says they last saw (verified), or
        # None; `seen_forged` when the slot's record of it does not verify.
        self.last_seen: dict[str, Any] | None = None
        self.seen_forged = False
        # Authenticates this person's record of what they last saw (keyslots: seen).
        self.seen_key: bytearray | None = None

    @property
    def keyslots(self) -> KeySlotFile:
        return self.locked.keyslots

    @property
    def vault_id(self) -> str:
        return self.locked.keyslots.vault_id

    def holds(self, what: str) -> bool:
        if what == AUTHORITY:
            return self.authority_seed is not None
        return what in self.held

    def key(self, what: str) -> HeldKey:
        return self.held[what]

    def set_signer(self, signer: Signer | None) -> None:
        self.signer = signer
        self.db.signer = signer

    # -- connections ----------------------------------------------------------

    def connect(self) -> Database:
        """Another connection on the same vault, for a worker thread."""
        db = Database(self.paths.database, self.held[MAIN].key)
        try:
            if CASEWORK in self.held:
                db.attach("casework", self.paths.casework, self.held[CASEWORK].key)
        except BaseException:
            db.close()
            raise
        db.signer = self.signer
        return db

    def reopen(self) -> None:
        """Reconnect the main connection (after a rotation swapped a file)."""
        with contextlib.suppress(Exception):
            self.db.close()
        self.db = self.connect()

    def close(self) -> LockedVault:
        """Drop the connection and every key; the files stay reserved."""
        self.db.close()
        for held in self.held.values():
            crypto.wipe(held.key)
        self.held = {}
        for secret in (self.authority_seed, self.signing_seed, self.seen_key):
            if secret is not None:
                crypto.wipe(secret)
        self.seen_key = None
        if self.signer is not None:
            self.signer.wipe()
        self.authority_seed = self.signing_seed = None
        return self.locked

    # -- key slots --------------------------------------------------------------

    def registered_public_keys(self) -> dict[str, bytes]:
        """Slot id -> public key, as the main database registers them."""
        return {str(r[0]): bytes(r[1])
                for r in self.db.query("SELECT slot_id, public_key FROM key_slot")}

    def new_slot(self, *, kind: str, account: str | None, secret: bytes,
                 params: crypto.KdfParams, give: set[str], signing_seed: bytes | bytearray | None,
                 adopt: bool = False) -> Slot:
        """A new slot holding the keys in `give` (of those this session holds) and
        `signing_seed`, pinned to the authority this session trusts, and saved to
        the key file. The caller registers it (`register_slot`) in the transaction
        that uses it, and forgets it if that fails. `adopt`: it is this session's
        own new slot (a password change)."""
        keys = self.keyslots
        slot, private = keys.add(kind=kind, account=account, secret=secret, params=params)
        try:
            for what in give:
                if what == AUTHORITY and self.authority_seed is not None:
                    keys.seal(slot, AUTHORITY, 1, self.authority_seed)
                elif what in self.held:
                    keys.seal(slot, what, self.held[what].generation, self.held[what].key)
            if signing_seed is not None:
                keys.seal(slot, SIGNING, 1, signing_seed)
            if self.trusted_authority is not None and self.trusted_origin is not None:
                keys.set_pin(slot, private, self.trusted_authority, self.trusted_origin)
            if adopt:
                self.slot = slot
                self._set_seen_key(private)
        except BaseException:
            keys.remove(slot.id)
            raise
        finally:
            crypto.wipe(private)
        try:
            keys.save(self.paths.keys)
        except BaseException:
            keys.remove(slot.id)
            raise
        return slot

    def register_slot(self, slot: Slot, *, staff_id: int, certify_with: bytes | bytearray,
                      db: Database | None = None) -> None:
        """Register a slot's public key in the database, certified by its owner's
        signing key (or the authority's, for the recovery slot: staff id 0)."""
        from peerdesk.storage.repositories.grants import slot_certificate_message

        certificate = crypto.sign(certify_with, slot_certificate_message(
            self.vault_id, staff_id, slot.id, slot.public_key))
        (db or self.db).execute(
            "INSERT INTO key_slot (slot_id, kind, public_key, staff_id, certificate) "
            "VALUES (?, ?, ?, ?, ?)",
            (slot.id, slot.kind, slot.public_key, staff_id, certificate))

    def _set_seen_key(self, private: bytearray) -> None:
        if self.seen_key is not None:
            crypto.wipe(self.seen_key)
        self.seen_key = crypto.derive_subkey(private, b"last-seen")

    def seal_to(self, slot_id: str, what: str) -> bool:
        """Give an existing slot a key this session holds (sealed to the public
        key the database registers for it). Returns False when it can't."""
        slot = self.keyslots.slot(slot_id)
        public = self.registered_public_keys().get(slot_id)
        if slot is None or public is None or public != slot.public_key:
            return False
        if what == AUTHORITY:
            if self.authority_seed is None:
                return False
            self.keyslots.seal(slot, AUTHORITY, 1, self.authority_seed, public)
        else:
            if what not in self.held:
                return False
            held = self.held[what]
            self.keyslots.seal(slot, what, held.generation, held.key, public)
        return True

    def forget_slot_file_only(self, slot_id: str) -> None:
        self.keyslots.remove(slot_id)
        with contextlib.suppress(PeerDeskError):
            self.keyslots.save(self.paths.keys)

    def change_secret(self, slot: Slot, old_secret: bytes, new_secret: bytes,
                      params: crypto.KdfParams) -> None:
        """Re-wrap one slot's private key under a new password (no rotation:
        services.accounts rotates after a password change)."""
        private = self.keyslots.open_private_key(slot, old_secret)
        backup = self.keyslots.to_bytes()
        try:
            slot.salt = crypto.new_salt()
            slot.kdf = params
            self.keyslots._protect_private_key(slot, private, new_secret)
            self.keyslots.save(self.paths.keys)
        except BaseException:
            self.locked.keyslots = KeySlotFile.load_bytes(backup)
            raise
        finally:
            crypto.wipe(private)


# -- a new vault -------------------------------------------------------------------


@dataclass(slots=True)
class NewVault:
    vault: UnlockedVault
    recovery_key: str


def create_vault(paths: VaultPaths, *,
                 versions: dict[str, int] | None = None) -> tuple[UnlockedVault, str]:
    """A new, empty vault with only its recovery slot. Returns it and the recovery key.

    The recovery slot holds every key; the session that made the vault signs
    as the authority until the first account is added. `versions`: build a
    database at an older schema version than the newest (main, casework), to
    load an export made by that version before upgrading it as any vault is.
    """
    stop = {what: version + 1 for what, version in (versions or {}).items()}
    if paths.exists():
        raise VaultExists
    if not paths.database.parent.exists():
        paths.database.parent.mkdir(parents=True, mode=0o700)
    lock = VaultLock(paths.lock)
    lock.acquire()
    slots = KeySlotFile.new()
    main_key, casework_key = crypto.new_data_key(), crypto.new_data_key()
    authority = crypto.new_signing_seed()
    authority_public = crypto.signing_public_key(authority)
    recovery_key = recovery.generate()
    db: Database | None = None
    try:
        recovery_slot, private = slots.add(
            kind=keyslots.RECOVERY, account=None, secret=recovery.secret_bytes(recovery_key),
            params=crypto.calibrate(),
        )
        try:
            slots.seal(recovery_slot, MAIN, 1, main_key)
            slots.seal(recovery_slot, CASEWORK, 1, casework_key)
            slots.seal(recovery_slot, AUTHORITY, 1, authority)
            slots.set_pin(recovery_slot, private, authority_public, 0)
        finally:
            crypto.wipe(private)
        cw = Database(paths.casework, casework_key, create=True)
        try:
            owner_only(paths.casework)
            migrate(cw, compartment=CASEWORK, stop_before=stop.get(CASEWORK))
        finally:
            cw.close()
        db = Database(paths.database, main_key, create=True)
        owner_only(paths.database)
        result = migrate(db, stop_before=stop.get(MAIN))
        with db.transaction():
            set_meta(db, "vault_id", slots.vault_id)
            set_meta(db, "created_at", utc_now())
            set_meta(db, AUTHORITY_META, authority_public.hex())
            audit_repo.set_origin(db, slots.vault_id, authority)
            from peerdesk.storage.repositories.grants import slot_certificate_message

            db.execute(
                "INSERT INTO key_slot (slot_id, kind, public_key, staff_id, certificate) "
                "VALUES (?, ?, ?, 0, ?)",
                (recovery_slot.id, recovery_slot.kind, recovery_slot.public_key,
                 crypto.sign(authority, slot_certificate_message(
                     slots.vault_id, 0, recovery_slot.id, recovery_slot.public_key))),
            )
        db.attach("casework", paths.casework, casework_key)
        slots.record_salt(MAIN, 1, file_salt(paths.database))
        slots.record_salt(CASEWORK, 1, file_salt(paths.casework))
        slots.save(paths.keys)
    except BaseException:
        if db is not None:
            db.close()
        for key in (main_key, casework_key, authority):
            crypto.wipe(key)
        for leftover in (*paths.database_files(), paths.keys):
            with contextlib.suppress(OSError):
                leftover.unlink()
        lock.release()
        raise
    locked = LockedVault(paths, lock, slots)
    vault = UnlockedVault(
        locked, recovery_slot, {MAIN: HeldKey(1, main_key), CASEWORK: HeldKey(1, casework_key)},
        db, authority_seed=authority, signing_seed=None, trusted_authority=authority_public,
        authority_pin_ok=True, trusted_origin=0,
    )
    vault.migration = result
    vault.set_signer(Signer.from_seed(slots.vault_id, 0, bytearray(authority)))
    return vault, recovery_key


__all__ = ["HeldKey", "LockedVault", "PeerDeskError", "UnlockedVault", "create_vault",
           "utc_now"]
