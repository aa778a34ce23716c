"""One SQLCipher connection, opened the way DESIGN.md §3 asks.

Every error the driver raises is turned into a PeerDeskError here, so no
caller above storage ever sees a driver exception or a traceback.
"""

from __future__ import annotations

import contextlib
import threading
import weakref
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from peerdesk.domain.errors import DiskFull, StorageUnavailable, VaultDamaged, VaultError
from peerdesk.storage import crypto

BUSY_TIMEOUT_MS = 5000
# Pages kept decrypted in memory per connection (negative = KiB).
CACHE_KIB = 32 * 1024

_silenced = False
_silence_lock = threading.Lock()


def _driver() -> Any:
    try:
        import sqlcipher3
    except ImportError as exc:  # pragma: no cover - packaging fault
        raise StorageUnavailable from exc
    return sqlcipher3


def _silence_cipher_log(conn: Any) -> None:
    # SQLCipher writes decryption failures to stderr by default; its log
    # level is process-wide, so one PRAGMA on any connection is enough.
    global _silenced
    with _silence_lock:
        if not _silenced:
            conn.execute("PRAGMA cipher_log_level = NONE")
            _silenced = True


def cipher_version() -> str:
    conn = _driver().connect(":memory:")
    try:
        row = conn.execute("PRAGMA cipher_version").fetchone()
    finally:
        conn.close()
    return str(row[0]) if row and row[0] else ""


def _keyspec(data_key: bytes | bytearray) -> bytearray:
    # A raw key: SQLCipher skips its own KDF for x'<64 hex>'. Built in a
    # bytearray we can wipe, never formatted into SQL.
    return bytearray(b"x'") + bytearray(bytes(data_key).hex().encode("ascii")) + bytearray(b"'")


# SQLite result codes (primary codes are the low byte of extended codes).
_SQLITE_BUSY = 5
_SQLITE_LOCKED = 6
_SQLITE_FULL = 13
_SQLITE_CONSTRAINT = 19
_SQLITE_IOERR = 10


def translate(exc: Exception) -> VaultError:
    """Map a driver exception to a user-facing vault error.

    Decided by SQLite's result code where the driver gives one. Matching on
    the message alone called a failed write (a full disk or a file-size limit
    shows up as "disk I/O error", SQLITE_IOERR_WRITE) and a refused change
    (a constraint or the audit log's append-only trigger) "damaged", which
    tells people to restore a backup of a vault that is fine. (The driver
    reports only the primary code, so a write error can't be told from a
    read error; either way nothing half-written is kept.)
    """
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(code, int):
        primary = code & 0xFF
        if primary == _SQLITE_FULL:
            return DiskFull()
        if primary == _SQLITE_IOERR:
            return DiskFull(
                "PeerDesk could not write to the vault file, usually because the disk is "
                "full (or was removed). Nothing more was saved. Free some space or check "
                "the disk, then try again."
            )
        if primary in (_SQLITE_BUSY, _SQLITE_LOCKED):
            return _busy()
        if primary == _SQLITE_CONSTRAINT:
            return VaultError(
                "That change was refused because it would break the vault's own rules. "
                "Nothing was changed."
            )
        return VaultDamaged()
    message = str(exc).lower()
    if "full" in message or "no space" in message:
        return DiskFull()
    if "locked" in message or "busy" in message:
        return _busy()
    return VaultDamaged()


def _busy() -> VaultError:
    return VaultError("The vault is busy with another task. Wait a moment and try again.")


class Database:
    """A keyed connection with explicit transactions."""

    def __init__(self, path: Path, data_key: bytes | bytearray, *, create: bool = False) -> None:
        driver = _driver()
        self._errors = (driver.DatabaseError, driver.OperationalError)
        if not create and not path.exists():
            from peerdesk.domain.errors import VaultNotFound

            raise VaultNotFound
        try:
            conn = driver.connect(str(path), isolation_level=None, check_same_thread=True)
        except driver.Error as exc:
            raise translate(exc) from exc
        try:
            _silence_cipher_log(conn)
            if not conn.execute("PRAGMA cipher_version").fetchone():
                raise StorageUnavailable
            spec = _keyspec(data_key)
            try:
                conn.set_key(spec)
            finally:
                crypto.wipe(spec)
            # A wrong key only shows on the first real read.
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            conn.execute("PRAGMA temp_store = MEMORY")
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA secure_delete = ON")
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = FULL")
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
        except driver.Error as exc:
            conn.close()
            raise translate(exc) from exc
        except BaseException:
            conn.close()
            raise
        self._conn = conn
        self.path = path
        self.is_open = True
        _open_connections.add(self)

    # -- statements ------------------------------------------------------------

    def execute(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> Any:
        try:
            return self._conn.execute(sql, params)
        except self._errors as exc:
            raise translate(exc) from exc

    def executemany(self, sql: str, rows: Any) -> None:
        try:
            self._conn.executemany(sql, rows)
        except self._errors as exc:
            raise translate(exc) from exc

    def query(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[Any]:
        try:
            return list(self._conn.execute(sql, params).fetchall())
        except self._errors as exc:
            raise translate(exc) from exc

    def scalar(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> Any:
        rows = self.query(sql, params)
        return rows[0][0] if rows else None

    def executescript(self, sql: str) -> None:
        try:
            self._conn.executescript(sql)
        except self._errors as exc:
            self._rollback_quietly()
            raise translate(exc) from exc

    def transaction(self) -> contextlib.AbstractContextManager[Database]:
        """BEGIN IMMEDIATE … COMMIT, or ROLLBACK on any error."""
        return self._between("BEGIN IMMEDIATE")

    def read_snapshot(self) -> contextlib.AbstractContextManager[Database]:
        """BEGIN (deferred) … COMMIT: every read inside sees the vault as it was at
        the first one, even while another connection commits (WAL keeps that
        version for us). A report's statements then add up with each other."""
        return self._between("BEGIN")

    @contextlib.contextmanager
    def _between(self, begin: str) -> Iterator[Database]:
        self.execute(begin)
        try:
            yield self
        except BaseException:
            self._rollback_quietly()
            raise
        try:
            self._conn.execute("COMMIT")
        except self._errors as exc:
            self._rollback_quietly()
            raise translate(exc) from exc

    def _rollback_quietly(self) -> None:
        if self._conn.in_transaction:
            with contextlib.suppress(Exception):
                self._conn.execute("ROLLBACK")

    @property
    def in_transaction(self) -> bool:
        return bool(self._conn.in_transaction)

    @property
    def raw(self) -> Any:
        """The driver connection, for storage internals (rekey, export)."""
        return self._conn

    def checkpoint(self) -> None:
        self.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self._conn.close()
        self.is_open = False
        _open_connections.discard(self)


# Every connection still open in this process, so locking can be checked to
# leave none behind (worker threads open their own).
_open_connections: weakref.WeakSet[Database] = weakref.WeakSet()


def open_connections(path: Path) -> list[Database]:
    """The connections to the vault at `path` that have not been closed."""
    return [db for db in list(_open_connections) if db.is_open and db.path == path]
