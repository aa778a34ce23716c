"""Where a big import keeps each person's details while the sheet is checked.

The people seen most recently stay in memory (rows of one person are usually
near each other); the rest go to a scratch SQLCipher file under a random key
that only this process ever holds, so a person's name is never on disk in
the clear and a file left by a crash can't be read by anyone. The file is
made only when the memory part fills, and deleted with the check it belongs
to (or, if PeerDesk died, by the next import beside the same vault).
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
import weakref
from collections.abc import Iterator
from itertools import islice
from pathlib import Path

from peerdesk.domain.errors import DiskFull, VaultError
from peerdesk.domain.import_plans import PeerPlan
from peerdesk.storage import crypto
from peerdesk.storage.database import Database

# About 2 KB each in memory: 20,000 people is ~40 MB, and every sheet a centre
# kept by hand fits without touching the disk.
HOT_PLANS = 20_000
_PAGE = 2_000
_SUFFIX = ".tmp"
# Scratch files of this process, still wanted: never swept up as left behind.
_live: set[Path] = set()

_SCHEMA = """
CREATE TABLE plan (
    seq  INTEGER PRIMARY KEY,
    key  TEXT NOT NULL UNIQUE,
    line INTEGER NOT NULL,
    body TEXT NOT NULL
);
"""


class ScratchPlans:
    """A `PlanStore` (domain.import_plans) that spills to an encrypted scratch file.

    Used by one thread while rows are checked; after `in_order` has sealed it,
    any thread may read it back (each read opens its own connection).
    """

    def __init__(self, folder: Path | None = None, *, prefix: str = "peerdesk-import-",
                 hot_limit: int | None = None, sweep: bool = False) -> None:
        self._folder = folder
        self._prefix = prefix
        self._limit = max(2, HOT_PLANS if hot_limit is None else hot_limit)
        # Only a folder that one PeerDesk owns (beside its locked vault) may be swept.
        self._sweep = sweep
        self._hot: dict[str, PeerPlan] = {}
        self._count = 0
        self._db: Database | None = None
        self._file: Path | None = None
        self._key: bytearray | None = None
        self._sealed = False
        self._discarded = False
        self._cleanup: weakref.finalize[[Path, bytearray], ScratchPlans] | None = None

    # -- the PlanStore protocol --------------------------------------------------------

    def get(self, key: str) -> PeerPlan | None:
        plan = self._hot.pop(key, None)
        if plan is None:
            if self._db is None:
                return None
            with _scratch_errors():
                found = self._db.query("SELECT seq, line, body FROM plan WHERE key = ?",
                                       (key,))
            if not found:
                return None
            seq, line, body = found[0]
            plan = PeerPlan.from_plain(key, int(seq), int(line), json.loads(body))
            self._make_room()
        self._hot[key] = plan  # the most recently used last
        return plan

    def new(self, key: str, line: int) -> PeerPlan:
        self._make_room()
        plan = self._hot[key] = PeerPlan(key, self._count, line)
        self._count += 1
        return plan

    def __len__(self) -> int:
        return self._count

    def in_order(self) -> Iterator[PeerPlan]:
        self.seal()
        if self._file is None:
            return iter(sorted(self._hot.values(), key=lambda plan: plan.seq))
        return self._read_back()

    # -- lifetime ------------------------------------------------------------------------

    @property
    def spilled(self) -> bool:
        """Whether some people went to the scratch file (the sheet was that big)."""
        return self._file is not None

    @property
    def file(self) -> Path | None:
        return self._file

    def seal(self) -> None:
        """No more rows: write what is in memory out, and let go of this thread's connection."""
        if self._sealed:
            return
        self._sealed = True
        if self._db is not None:
            try:
                self._write(list(self._hot.values()))
                self._hot.clear()
            finally:
                self._db.close()
                self._db = None

    @property
    def discarded(self) -> bool:
        return self._discarded

    def discard(self) -> None:
        """Forget everything now (also done when the store is garbage-collected)."""
        self._discarded = True
        if self._db is not None:
            self._db.close()
            self._db = None
        self._hot.clear()
        if self._cleanup is not None:
            self._cleanup()

    # -- the scratch file ------------------------------------------------------------------

    def _make_room(self) -> None:
        if len(self._hot) < self._limit:
            return
        if self._sealed:
            raise RuntimeError("import plans are sealed")
        if self._db is None:
            with _scratch_errors():
                self._open()
        # The least recently used half: people whose rows have probably ended.
        victims = [self._hot.pop(key) for key in list(islice(self._hot, self._limit // 2))]
        self._write(victims)

    def _write(self, plans: list[PeerPlan]) -> None:
        assert self._db is not None
        with _scratch_errors(), self._db.transaction():
            self._db.executemany(
                "INSERT INTO plan (seq, key, line, body) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (seq) DO UPDATE SET body = excluded.body",
                [(p.seq, p.key, p.line, json.dumps(p.to_plain(), ensure_ascii=False,
                                                   separators=(",", ":"))) for p in plans])

    def _open(self) -> None:
        folder = self._folder if self._folder is not None else Path(tempfile.gettempdir())
        if self._sweep:
            _sweep(folder, self._prefix)
        handle, name = tempfile.mkstemp(prefix=self._prefix, suffix=_SUFFIX, dir=folder)
        os.close(handle)
        path = Path(name)
        key = crypto.new_data_key()
        _live.add(path)
        self._file, self._key = path, key
        self._cleanup = weakref.finalize(self, _remove, path, key)
        self._db = _connect(path, key)
        self._db.executescript(_SCHEMA)

    def _read_back(self) -> Iterator[PeerPlan]:
        assert self._file is not None and self._key is not None
        with _scratch_errors():
            db = _connect(self._file, self._key)
        try:
            after = -1
            while True:
                with _scratch_errors():
                    page = db.query("SELECT seq, key, line, body FROM plan WHERE seq > ? "
                                    "ORDER BY seq LIMIT ?", (after, _PAGE))
                for seq, key, line, body in page:
                    yield PeerPlan.from_plain(key, int(seq), int(line), json.loads(body))
                if len(page) < _PAGE:
                    return
                after = int(page[-1][0])
        finally:
            db.close()


@contextlib.contextmanager
def _scratch_errors() -> Iterator[None]:
    """Name the scratch file, not the vault, when it fails (the vault is untouched)."""
    try:
        yield
    except DiskFull:
        raise DiskFull("There is not enough free disk space beside the vault for checking "
                       "this sheet. Nothing was imported and the vault is unchanged. Free "
                       "some space and check the file again.") from None
    except VaultError:
        raise VaultError("PeerDesk's temporary file for checking this sheet could not be "
                         "used. Nothing was imported and the vault is unchanged. Check the "
                         "file again.") from None
    except OSError:
        raise VaultError("PeerDesk could not make its temporary file for checking this sheet "
                         "beside the vault (the folder may be full or read-only). Nothing was "
                         "imported and the vault is unchanged.") from None


def _connect(path: Path, key: bytearray) -> Database:
    db = Database(path, key, create=True)
    # Thrown away after use and unreadable once the key is gone: no journal, no syncing.
    db.execute("PRAGMA journal_mode = OFF")
    db.execute("PRAGMA synchronous = OFF")
    db.execute("PRAGMA secure_delete = OFF")
    db.execute("PRAGMA cache_size = -8192")
    return db


def _remove(path: Path, key: bytearray) -> None:
    crypto.wipe(key)
    _live.discard(path)
    for leftover in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        with contextlib.suppress(OSError):
            leftover.unlink()


def _sweep(folder: Path, prefix: str) -> None:
    """Delete scratch files a crashed PeerDesk left (unreadable, but they take space)."""
    with contextlib.suppress(OSError):
        for path in folder.glob(f"{_glob_escape(prefix)}*{_SUFFIX}"):
            if path not in _live:
                with contextlib.suppress(OSError):
                    path.unlink()


def _glob_escape(text: str) -> str:
    return "".join(f"[{c}]" if c in "*?[" else c for c in text)
