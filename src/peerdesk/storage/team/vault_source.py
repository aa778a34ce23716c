"""A vault opened strictly read-only, to be moved onto the team server.

Signing in the usual way writes (an audit event, a pin, an upgrade), and a
move must leave the vault exactly as it was. So this unlocks the person's key
slot with their password, picks each file's key by a read-only look
(storage.database.verify_key_read_only), and opens both files with SQLite's
`mode=ro`: nothing is written to the vault, its casework file or its key file.
A vault from an older PeerDesk is refused (upgrading it would be a write): it
is opened once in PeerDesk first.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from peerdesk.domain.errors import PeerDeskError, VaultTooNew, WrongCredentials
from peerdesk.storage import crypto, keyslots
from peerdesk.storage.database import _driver, _keyspec, translate, verify_key_read_only
from peerdesk.storage.migrations import latest_version
from peerdesk.storage.paths import VaultPaths
from peerdesk.storage.vault import LockedVault


class VaultNotMovable(PeerDeskError):
    default_message = "This vault can't be moved into the team as it is."


@dataclass
class VaultSource:
    """The open vault: its id, both compartment keys and a read-only connection."""

    vault_id: str
    account: str
    slot_id: str
    main_key: bytearray
    main_generation: int
    casework_key: bytearray
    casework_generation: int
    conn: Any  # the driver's read-only connection, casework attached
    # The mover's own signing seed (their slot's), to sign the move's event on the
    # team's audit chain as the vault would sign it; None when the slot has none.
    signing_seed: bytearray | None = None
    # The vault, held locked while the source is open (to open another
    # account's slot: `authority_seed`).
    locked: LockedVault | None = None

    def authority_seed(self, account: str, password: str) -> bytearray:
        """A vault administrator's copy of the authority seed, opened with their
        password, to bring to the team (storage/team/grants.py); the caller
        wipes it."""
        assert self.locked is not None
        _slot, opened = _open_account(self.locked, account, password)
        try:
            authority = opened.secrets.get(keyslots.AUTHORITY)
            if not authority:
                raise VaultNotMovable("{account}'s sign-in holds no authority key of the vault. "
                                      "Nothing was changed.", account=account)
            return bytearray(authority[0][1])
        finally:
            opened.wipe()

    def rows(self, sql: str) -> Iterator[tuple[Any, ...]]:
        cursor = self.conn.execute(sql)
        while True:
            batch = cursor.fetchmany(2000)
            if not batch:
                return
            yield from batch

    def scalar(self, sql: str) -> Any:
        return self.conn.execute(sql).fetchone()[0]

    def wipe(self) -> None:
        crypto.wipe(self.main_key)
        crypto.wipe(self.casework_key)
        if self.signing_seed is not None:
            crypto.wipe(self.signing_seed)


def _open_account(locked: LockedVault, account: str,
                  password: str) -> tuple[keyslots.Slot, keyslots.OpenedSlot]:
    """`account`'s slot in the vault's key file, opened with `password` (the
    caller wipes what it holds), or WrongCredentials."""
    keys = locked.keyslots
    secret = keyslots.password_bytes(password)
    slots = keys.slots_for(account)
    for slot in slots:
        with contextlib.suppress(crypto.UnwrapFailed):
            private, _ = keys.open_private(slot, secret)
            try:
                return slot, keys.open_slot(slot, private)
            finally:
                crypto.wipe(private)
    if not slots:
        locked.decoy_derivation(secret)
    raise WrongCredentials


def _pick(path: Path, candidates: list[tuple[int, bytearray]]) -> tuple[int, bytearray, int]:
    for generation, key in candidates:
        with contextlib.suppress(PeerDeskError):
            version = verify_key_read_only(path, key)
            return generation, bytearray(key), version
    raise VaultNotMovable("The key this account holds doesn't open {name}; open the vault in "
                          "PeerDesk once, then move it.", name=path.name)


def _side_files(path: Path) -> dict[Path, bool]:
    return {side: side.exists() for side in (path.with_name(path.name + "-wal"),
                                             path.with_name(path.name + "-shm"))}


def _connect_read_only(paths: VaultPaths, main_key: bytearray, casework_key: bytearray) -> Any:
    driver = _driver()
    spec = _keyspec(main_key)
    conn = None
    try:
        conn = driver.connect(paths.database.absolute().as_uri() + "?mode=ro", uri=True,
                              isolation_level=None)
        conn.set_key(spec)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        case_spec = _keyspec(casework_key)
        try:
            conn.execute("ATTACH DATABASE ? AS casework KEY ?",
                         (paths.casework.absolute().as_uri() + "?mode=ro", bytes(case_spec)))
        finally:
            crypto.wipe(case_spec)
        conn.execute("SELECT count(*) FROM casework.sqlite_master").fetchone()
        conn.execute("PRAGMA query_only = ON")
        # One snapshot of both files for the whole copy.
        conn.execute("BEGIN")
        conn.execute("SELECT count(*) FROM main.sqlite_master").fetchone()
        conn.execute("SELECT count(*) FROM casework.sqlite_master").fetchone()
        return conn
    except driver.Error as exc:
        if conn is not None:
            conn.close()
        raise translate(exc, paths.database) from exc
    finally:
        crypto.wipe(spec)


@contextlib.contextmanager
def open_read_only(paths: VaultPaths, account: str, password: str) -> Iterator[VaultSource]:
    """The vault, unlocked with `account`'s password, without a byte written to it.

    Holds the vault's lock file meanwhile, so PeerDesk can't change it during
    the move. Needs both keys: a person whose slot holds no casework key (an
    administrator) can't move the centre's records.
    """
    if not paths.database.exists():
        from peerdesk.domain.errors import VaultNotFound

        raise VaultNotFound(file=paths.database)
    locked = LockedVault.open(paths)
    sides = {**_side_files(paths.database), **_side_files(paths.casework)}
    source: VaultSource | None = None
    try:
        keys = locked.keyslots
        slot, opened = _open_account(locked, account, password)
        try:
            main_generation, main_key, version = _pick(paths.database,
                                                       opened.secrets.get(keyslots.MAIN, []))
            if version > latest_version():
                raise VaultTooNew
            if version < latest_version():
                raise VaultNotMovable(
                    "This vault was last opened by an older PeerDesk. Open it once in this "
                    "PeerDesk (which brings it up to date), then move it. Nothing was changed.")
            if not opened.secrets.get(keyslots.CASEWORK):
                raise VaultNotMovable(
                    "Moving a centre into the team copies peers' records, and {account}'s "
                    "sign-in holds no key to them. A programme lead moves the vault. Nothing "
                    "was changed.", account=account)
            case_generation, casework_key, case_version = _pick(
                paths.casework, opened.secrets[keyslots.CASEWORK])
            if case_version != latest_version(compartment=keyslots.CASEWORK):
                crypto.wipe(casework_key)
                crypto.wipe(main_key)
                if case_version > latest_version(compartment=keyslots.CASEWORK):
                    raise VaultTooNew
                raise VaultNotMovable(
                    "This vault's casework was last opened by an older PeerDesk. Open it "
                    "once in this PeerDesk, then move it. Nothing was changed.")
            signing = opened.secrets.get(keyslots.SIGNING)
            signing_seed = bytearray(signing[0][1]) if signing else None
        finally:
            opened.wipe()
        conn = _connect_read_only(paths, main_key, casework_key)
        source = VaultSource(keys.vault_id, account, slot.id, main_key, main_generation,
                             casework_key, case_generation, conn, signing_seed, locked)
        yield source
    finally:
        if source is not None:
            with contextlib.suppress(Exception):
                source.conn.close()
            source.wipe()
        locked.release()
        # A read-only look at a WAL database can leave its -wal and -shm beside
        # it; those this made are taken away again.
        for side, existed in sides.items():
            if not existed:
                with contextlib.suppress(OSError):
                    side.unlink()
