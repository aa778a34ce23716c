"""One SQLCipher connection, opened the way DESIGN.md §3 asks.

Every error the driver raises is turned into a PeerDeskError here, so no
caller above storage ever sees a driver exception or a traceback.
"""

from __future__ import annotations

import contextlib
import re
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


def translate(exc: Exception, file: object = None) -> VaultError:
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
        return VaultDamaged(file=file)
    message = str(exc).lower()
    if "full" in message or "no space" in message:
        return DiskFull()
    if "locked" in message or "busy" in message:
        return _busy()
    return VaultDamaged(file=file)


def _busy() -> VaultError:
    return VaultError("The vault is busy with another task. Wait a moment and try again.")


PAGE_BYTES = 4096  # SQLCipher 4's page size, which we never change
SALT_BYTES = 16  # the first bytes of every SQLCipher file: its random salt, not encrypted


def file_salt(path: Path) -> bytes | None:
    """The salt at the start of an encrypted database file (None if too short to have one).

    Not secret. A key file records it for each key, so that a key that does
    not open the file can be told apart as "the file is damaged" (same salt)
    or "this key file is for another copy" (another salt).
    """
    try:
        with path.open("rb") as handle:
            head = handle.read(SALT_BYTES)
    except OSError:
        return None
    return head if len(head) == SALT_BYTES else None


def check_file_shape(path: Path) -> None:
    """Refuse, without opening it, a file that can't be a whole vault database.

    An empty file would be given a new header by the first write; a file cut
    short would have its missing pages read as damage later. Either way,
    nothing must be written to it.
    """
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        from peerdesk.domain.errors import VaultNotFound

        raise VaultNotFound(file=path) from None
    if size < PAGE_BYTES or size % PAGE_BYTES:
        raise VaultDamaged(file=path)


def verify_key_read_only(path: Path, data_key: bytes | bytearray) -> int:
    """Open `path` read-only with `data_key` and read its schema: nothing is written.

    Returns the schema version. Raises VaultDamaged when the key does not
    open it (a wrong key and a damaged first page look the same).
    """
    driver = _driver()
    uri = path.absolute().as_uri() + "?mode=ro"
    # A read-only look at a WAL database makes its -wal and -shm files if
    # they are missing; those it made are taken away again.
    sides = [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm")]
    existed = {side: side.exists() for side in sides}
    try:
        conn = driver.connect(uri, uri=True, isolation_level=None)
    except driver.Error as exc:
        raise translate(exc, path) from exc
    spec = _keyspec(data_key)
    try:
        _silence_cipher_log(conn)
        conn.set_key(spec)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return int(conn.execute("PRAGMA user_version").fetchone()[0])
    except driver.Error as exc:
        raise translate(exc, path) from exc
    finally:
        crypto.wipe(spec)
        conn.close()
        for side in sides:
            if not existed[side]:
                with contextlib.suppress(OSError):
                    if side.stat().st_size == 0 or side.name.endswith("-shm"):
                        side.unlink()


class Database:
    """A keyed connection with explicit transactions.

    A casework database can be attached (`attach`): SQL names its tables
    without a schema and SQLite finds them, since no table name is in both.
    """

    def __init__(self, path: Path, data_key: bytes | bytearray, *, create: bool = False) -> None:
        driver = _driver()
        self._errors = (driver.DatabaseError, driver.OperationalError)
        if not create and not path.exists():
            from peerdesk.domain.errors import VaultNotFound

            raise VaultNotFound
        self.path = path
        self.attached: dict[str, Path] = {}
        # The session's storage.signer.Signer: audit events written on this
        # connection are signed with it (repositories/audit.py).
        self.signer: Any = None
        try:
            conn = driver.connect(str(path), isolation_level=None, check_same_thread=True)
        except driver.Error as exc:
            raise translate(exc, path) from exc
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
            raise translate(exc, path) from exc
        except BaseException:
            conn.close()
            raise
        self._conn = conn
        self.is_open = True
        _open_connections.add(self)

    def attach(self, schema: str, path: Path, data_key: bytes | bytearray, *,
               create: bool = False) -> None:
        """Attach another encrypted database under `schema`, with its own key."""
        if not create and not path.exists():
            from peerdesk.domain.errors import VaultNotFound

            raise VaultNotFound(file=path)
        spec = _keyspec(data_key)
        try:
            self._conn.execute(f"ATTACH DATABASE ? AS {schema} KEY ?", (str(path), bytes(spec)))
            self._conn.execute(f"SELECT count(*) FROM {schema}.sqlite_master").fetchone()
            self._conn.execute(f"PRAGMA {schema}.journal_mode = WAL")
            self._conn.execute(f"PRAGMA {schema}.secure_delete = ON")
            self._conn.execute(f"PRAGMA {schema}.synchronous = FULL")
            self._conn.execute(f"PRAGMA {schema}.cache_size = -{CACHE_KIB}")
        except self._errors as exc:
            with contextlib.suppress(Exception):
                self._conn.execute(f"DETACH DATABASE {schema}")
            raise translate(exc, path) from exc
        finally:
            crypto.wipe(spec)
        self.attached[schema] = path

    def detach(self, schema: str) -> None:
        if schema in self.attached:
            self.execute(f"DETACH DATABASE {schema}")
            del self.attached[schema]

    def _files(self) -> object:
        # Which file a failing statement read can't be known when two are
        # attached: the message names both (`peerdesk check` says which).
        if not self.attached:
            return self.path
        return " or ".join(p.name for p in (self.path, *self.attached.values()))

    def _failed(self, exc: Exception) -> VaultError:
        """Translate, and if the vault turns out damaged, write nothing more to it."""
        error = translate(exc, self._files())
        if not _is_damage(exc):
            return error
        if isinstance(error, VaultDamaged) and self.path in _written_vaults:
            # Something was saved before the damage showed: "nothing has been
            # changed" would not be true. Stop writing to it from now on.
            _damaged_vaults.add(self.path)
            files = self._files()
            error = VaultDamaged(DAMAGED_IN_USE.format(
                files=getattr(files, "name", files)))
        elif isinstance(error, VaultDamaged):
            _damaged_vaults.add(self.path)
        return error

    def _refuse_writes_if_damaged(self, sql: str) -> None:
        if self.path in _damaged_vaults and _WRITES.match(sql):
            files = self._files()
            raise VaultDamaged(DAMAGED_IN_USE.format(files=getattr(files, "name", files)))

    # -- statements ------------------------------------------------------------

    def execute(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> Any:
        self._refuse_writes_if_damaged(sql)
        try:
            cursor = self._conn.execute(sql, params)
        except self._errors as exc:
            raise self._failed(exc) from exc
        if not self._conn.in_transaction and _WRITES.match(sql) and not _BEGIN.match(sql):
            _written_vaults.add(self.path)  # a write that committed on its own
        return cursor

    def executemany(self, sql: str, rows: Any) -> None:
        self._refuse_writes_if_damaged(sql)
        try:
            self._conn.executemany(sql, rows)
        except self._errors as exc:
            raise self._failed(exc) from exc

    def query(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[Any]:
        self._refuse_writes_if_damaged(sql)
        try:
            return list(self._conn.execute(sql, params).fetchall())
        except self._errors as exc:
            raise self._failed(exc) from exc

    def iterate(self, sql: str, params: Sequence[Any] | dict[str, Any] = (), *,
                batch: int = 1000) -> Iterator[tuple[Any, ...]]:
        """Rows fetched as they are read, `batch` at a time (an export of a
        table of millions of rows holds one batch in memory, not the table)."""
        cursor = self.execute(sql, params)
        while True:
            try:
                rows = cursor.fetchmany(batch)
            except self._errors as exc:
                raise self._failed(exc) from exc
            if not rows:
                return
            for row in rows:
                yield tuple(row)

    def scalar(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> Any:
        rows = self.query(sql, params)
        return rows[0][0] if rows else None

    def executescript(self, sql: str) -> None:
        self._refuse_writes_if_damaged("CREATE")
        try:
            self._conn.executescript(sql)
        except self._errors as exc:
            self._rollback_quietly()
            raise self._failed(exc) from exc

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
            raise self._failed(exc) from exc
        if begin == "BEGIN IMMEDIATE":
            _written_vaults.add(self.path)

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
        if self.path in _damaged_vaults:
            return  # nothing more is written to a damaged vault, not even this
        self.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self._conn.close()
        self.is_open = False
        _open_connections.discard(self)


# Vaults found damaged while in use: nothing more is written to them in this
# process (the person is told, and a restore or a check comes next). A
# damaged page found at unlock never gets this far: unlocking reads each file
# read-only first (verify_key_read_only).
_damaged_vaults: set[Path] = set()
# Vaults this process has written to since it started: damage found later
# can't be reported with "nothing has been changed".
_written_vaults: set[Path] = set()
_WRITES = re.compile(
    r"\s*(INSERT|UPDATE|DELETE|REPLACE|CREATE|DROP|ALTER|BEGIN\s+IMMEDIATE|VACUUM|"
    r"PRAGMA\s+(\w+\.)?(wal_checkpoint|user_version\s*=|incremental_vacuum))",
    re.IGNORECASE)
_BEGIN = re.compile(r"\s*BEGIN", re.IGNORECASE)
DAMAGED_IN_USE = (
    "A file of this vault ({files}) is damaged or has been changed outside PeerDesk. "
    "PeerDesk has stopped writing to it. Close PeerDesk, then restore the vault from a "
    "backup, or ask for help (peerdesk check names the damaged file)."
)


_SQLITE_CORRUPT = 11
_SQLITE_NOTADB = 26


def _is_damage(exc: Exception) -> bool:
    """A page that failed its check or a broken structure (not a mistake in SQL)."""
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(code, int):
        return code & 0xFF in (_SQLITE_CORRUPT, _SQLITE_NOTADB)
    message = str(exc).lower()
    return "malformed" in message or "not a database" in message


def forget_damage(path: Path) -> None:
    """For a vault restored or replaced in place (and tests)."""
    _damaged_vaults.discard(path)
    _written_vaults.discard(path)


# Every connection still open in this process, so locking can be checked to
# leave none behind (worker threads open their own).
_open_connections: weakref.WeakSet[Database] = weakref.WeakSet()


def open_connections(path: Path) -> list[Database]:
    """The connections to the vault at `path` that have not been closed."""
    return [db for db in list(_open_connections) if db.is_open and db.path == path]
