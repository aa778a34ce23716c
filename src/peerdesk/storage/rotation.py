"""Moving one compartment's database to a new key (docs/security.md §3).

A rotation exports the database to a new file under a new random key (on a
connection of its own, so the GUI can run it on a worker thread), verifies
the copy, then — on the thread that owns the vault's main connection — seals
the new key to each slot that keeps access, swaps the files and drops the
old key. At every step a crash leaves a vault that opens: until the swap the
old file and its key are both still there; after it, the new ones are.

Whoever holds no key to a compartment can't rotate it; services record the
rotation as owed (the key_task table) and the next person who holds the key
does it.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from peerdesk.domain.errors import VaultDamaged, VaultError
from peerdesk.storage import crypto
from peerdesk.storage.atomic import fsync_directory, owner_only
from peerdesk.storage.database import Database, file_salt
from peerdesk.storage.keyslots import CASEWORK, MAIN
from peerdesk.storage.migrations import existing_backups
from peerdesk.storage.paths import VaultPaths
from peerdesk.storage.vault import HeldKey, UnlockedVault

Progress = Callable[[float], None]
COMPARTMENTS = (MAIN, CASEWORK)


def _schema(what: str) -> str:
    return "main" if what == MAIN else "casework"


def remove_leftovers(paths: VaultPaths) -> None:
    """Delete what a rotation cut off before its swap left behind."""
    for what in COMPARTMENTS:
        temp = paths.rotation_temp(what)
        for path in (temp, *(temp.with_name(temp.name + s) for s in ("-wal", "-shm", "-journal"))):
            with contextlib.suppress(OSError):
                path.unlink()


@dataclass(slots=True)
class PreparedRotation:
    """A verified copy under a new key, waiting to be swapped in."""

    what: str
    temp: Path
    key: bytearray
    generation: int

    def discard(self) -> None:
        self.temp.unlink(missing_ok=True)
        crypto.wipe(self.key)


def _tables(db: Database, schema: str) -> list[str]:
    return [str(r[0]) for r in db.query(
        f"SELECT name FROM {schema}.sqlite_master WHERE type = 'table' "
        "AND name NOT LIKE 'sqlite_%' ORDER BY name")]


def _counts(db: Database, schema: str) -> dict[str, int]:
    return {t: int(db.scalar(f'SELECT count(*) FROM {schema}."{t}"')) for t in _tables(db, schema)}


def prepare(vault: UnlockedVault, what: str, *, progress: Progress | None = None,
            done_tasks: list[int] | None = None) -> PreparedRotation:
    """Export `what` to a new file under a new key and verify it.

    Runs on a connection of its own (call from a worker thread if you like).
    Holds the write lock while it copies, so nothing saved meanwhile can be
    left behind in the old file. `done_tasks`: key_task rows this rotation
    settles, deleted in the copy of the main database (so a crash after the
    swap doesn't owe it again).
    """
    paths = vault.paths
    held = vault.key(what)
    new_key = crypto.new_data_key()
    generation = held.generation + 1
    temp = paths.rotation_temp(what)
    remove_leftovers(paths)
    schema = _schema(what)
    source = vault.connect()
    try:
        _watch(source, paths.file_of(what), temp, progress)
        spec = "x'" + bytes(new_key).hex() + "'"
        source.execute("ATTACH DATABASE ? AS rekeyed KEY ?", (str(temp), spec))
        try:
            with source.transaction():
                version = int(source.scalar(f"PRAGMA {schema}.user_version"))
                counts = _counts(source, schema)
                source.query(f"SELECT sqlcipher_export('rekeyed', '{schema}')")
                source.execute(f"PRAGMA rekeyed.user_version = {version}")
                if what == MAIN and done_tasks:
                    source.executemany("DELETE FROM rekeyed.key_task WHERE id = ?",
                                       [(t,) for t in done_tasks])
                    counts["key_task"] -= int(source.scalar(
                        f"SELECT count(*) FROM main.key_task WHERE id IN "
                        f"({','.join('?' * len(done_tasks))})", done_tasks))
        finally:
            with contextlib.suppress(Exception):
                source.execute("DETACH DATABASE rekeyed")
    except BaseException:
        source.close()
        temp.unlink(missing_ok=True)
        crypto.wipe(new_key)
        raise
    source.raw.set_progress_handler(None, 0)
    source.close()
    try:
        owner_only(temp)
        _verify_copy(temp, new_key, counts)
    except BaseException:
        temp.unlink(missing_ok=True)
        crypto.wipe(new_key)
        raise
    if progress:
        progress(1.0)
    return PreparedRotation(what, temp, new_key, generation)


def _watch(db: Database, source: Path, temp: Path, progress: Progress | None) -> None:
    """Report how far the copy has got, by its size against the source's."""
    if progress is None:
        return
    try:
        total = max(1, source.stat().st_size)
    except OSError:
        total = 1

    def tick() -> int:
        with contextlib.suppress(OSError):
            progress(min(0.95, temp.stat().st_size / total))
        return 0

    db.raw.set_progress_handler(tick, 200_000)


def _verify_copy(path: Path, key: bytearray, counts: dict[str, int]) -> None:
    bad = VaultDamaged("The re-encrypted copy did not verify; nothing was changed.")
    copy = Database(path, key)
    try:
        if copy.query("PRAGMA cipher_integrity_check"):
            raise bad
        if copy.scalar("PRAGMA integrity_check") != "ok":
            raise bad
        if _counts(copy, "main") != counts:
            raise VaultDamaged("The re-encrypted copy is incomplete; nothing was changed.")
    finally:
        copy.close()


def commit(vault: UnlockedVault, prepared: PreparedRotation,
           recipients: dict[str, bytes]) -> None:
    """Swap the verified copy in. Call on the thread that owns `vault.db`,
    with every other connection to the vault closed.

    `recipients`: slot id -> registered public key, of every slot that keeps
    access to this compartment. Every other slot loses it.
    """
    what = prepared.what
    keys = vault.keyslots
    path = vault.paths.file_of(what)
    for slot in keys.slots:
        if slot.id in recipients:
            keys.seal(slot, what, prepared.generation, prepared.key, recipients[slot.id])
        else:
            keys.unseal(slot, what)
    keys.record_salt(what, prepared.generation, file_salt(prepared.temp))
    keys.save(vault.paths.keys)
    vault.db.checkpoint()
    vault.db.close()
    wal = path.with_name(path.name + "-wal")
    try:
        if wal.exists() and wal.stat().st_size:
            # Another connection still has the old file open: swapping now
            # would leave its journal to be read against the new file.
            raise VaultError("The vault is busy with another task. Wait a moment and try "
                             "again.")
        os.replace(prepared.temp, path)
    except BaseException:
        # The old file is still the vault and every slot that kept access
        # still holds its key: reopen it so this session keeps working; the
        # owed rotation is still recorded and will be done again.
        vault.reopen()
        raise
    # From here the file is under the new key. Switch to it before anything
    # else can fail, so this session never holds a key that no longer opens it.
    old = vault.held[what]
    vault.held[what] = HeldKey(prepared.generation, prepared.key)
    crypto.wipe(old.key)
    fsync_directory(path.parent)
    vault.reopen()
    keys.keep_generations(what, [prepared.generation])
    keys.save(vault.paths.keys)
    # Pre-upgrade copies are under an old key. No slot opens them any more,
    # but an old copy of the key file would: kept, they would let the person
    # just revoked read everything up to the upgrade.
    for stale in existing_backups(path):
        stale.unlink(missing_ok=True)


def rotate(vault: UnlockedVault, what: str, recipients: dict[str, bytes], *,
           progress: Progress | None = None, done_tasks: list[int] | None = None) -> None:
    """Prepare and commit on this thread (the command line, tests)."""
    prepared = prepare(vault, what, progress=progress, done_tasks=done_tasks)
    try:
        commit(vault, prepared, recipients)
    except BaseException:
        prepared.discard()
        raise

