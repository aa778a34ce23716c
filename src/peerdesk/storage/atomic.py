"""Write a small file so that readers see the old or the new, never half."""

from __future__ import annotations

import contextlib
import errno
import os
from pathlib import Path

from peerdesk.domain.errors import DiskFull


def fsync_path(path: Path) -> None:
    """Flushes what was written to this file (or, on POSIX, folder) to the disk."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_directory(directory: Path) -> None:
    # Makes the rename itself durable; not possible (or needed) on Windows.
    if os.name == "posix":
        fsync_path(directory)


def owner_only(path: Path) -> None:
    """Readable and writable by this account alone (SQLite gives -wal and -shm
    files the main file's mode, so setting it on the database covers them)."""
    if os.name == "posix" and path.exists():
        os.chmod(path, 0o600)


def write_private(path: Path, data: bytes, *, new: bool = False) -> None:
    """The bytes in a file only this account may read (from the first byte: other
    accounts on a shared PC must not copy key slots or records), flushed to the disk.
    `new`: refuse to write over a file already there (FileExistsError)."""
    flags = os.O_WRONLY | os.O_CREAT | (os.O_EXCL if new else os.O_TRUNC)
    fd = os.open(path, flags, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def write_atomically(path: Path, data: bytes) -> None:
    tmp = path.with_name(path.name + ".tmp")
    try:
        write_private(tmp, data)
        os.replace(tmp, path)
        fsync_directory(path.parent)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
            raise DiskFull from exc
        raise
