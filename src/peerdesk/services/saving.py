"""Saving a file a person chose (a report, a handout, an export): whole or not at all."""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from peerdesk.domain.errors import DiskFull, Message, PeerDeskError

T = TypeVar("T")

REPORT_DISK_FULL = Message("There is not enough space to save the report there. "
                           "Nothing was saved.")
# {why} is filled in with the system's reason.
REPORT_NOT_SAVED = Message("The report could not be saved there ({why}). Choose another folder.")


def write_safely(path: Path, write: Callable[[Path], T], *,
                 disk_full: Message = REPORT_DISK_FULL,
                 not_saved: Message = REPORT_NOT_SAVED) -> T:
    """Write beside the target and rename, so a full disk never leaves half a file.
    `disk_full` and `not_saved` (given {why}) are the messages when it can't be saved."""
    temp = path.with_name(f".{path.name}.partial")
    try:
        result = write(temp)
        os.replace(temp, path)
    except OSError as exc:
        temp.unlink(missing_ok=True)
        if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
            raise DiskFull(disk_full.template, **disk_full.values) from exc
        raise PeerDeskError(not_saved.template, **not_saved.values,
                            why=exc.strerror) from exc
    except BaseException:
        temp.unlink(missing_ok=True)  # stopped part-way (Ctrl+C): no half file left
        raise
    return result

