"""Saving a chosen file whole or not at all, with the caller's words when it can't be."""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from peerdesk.domain.errors import DiskFull, Message, PeerDeskError
from peerdesk.services.saving import write_safely
from peerdesk.storage.atomic import write_private


def _fail(code: int) -> Callable[[Path], None]:
    def write(target: Path) -> None:
        target.write_bytes(b"half")
        raise OSError(code, os.strerror(code))
    return write


def test_writes_whole_file_and_returns_what_the_writer_returned(tmp_path: Path) -> None:
    out = tmp_path / "report.pdf"
    assert write_safely(out, lambda target: target.write_bytes(b"%PDF")) == 4
    assert out.read_bytes() == b"%PDF"
    assert [p.name for p in tmp_path.iterdir()] == ["report.pdf"]


def test_full_disk_leaves_nothing_and_says_so_in_the_report_words(tmp_path: Path) -> None:
    out = tmp_path / "report.pdf"
    with pytest.raises(DiskFull) as caught:
        write_safely(out, _fail(errno.ENOSPC))
    assert caught.value.template.startswith("There is not enough space to save the report")
    assert list(tmp_path.iterdir()) == []


def test_other_failures_use_the_callers_message_with_the_reason(tmp_path: Path) -> None:
    out = tmp_path / "export.pdf"
    with pytest.raises(PeerDeskError) as caught:
        write_safely(out, _fail(errno.EACCES),
                     disk_full=Message("No room for the export."),
                     not_saved=Message("The export could not be saved there ({why})."))
    assert not isinstance(caught.value, DiskFull)
    assert caught.value.template == "The export could not be saved there ({why})."
    assert caught.value.values["why"] == os.strerror(errno.EACCES)
    assert list(tmp_path.iterdir()) == []


def test_stopped_part_way_leaves_no_half_file(tmp_path: Path) -> None:
    def interrupted(target: Path) -> None:
        target.write_bytes(b"half")
        raise KeyboardInterrupt
    with pytest.raises(KeyboardInterrupt):
        write_safely(tmp_path / "r.csv", interrupted)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_write_private_is_owner_only(tmp_path: Path) -> None:
    out = tmp_path / "record.pdf"
    write_private(out, b"secret")
    assert out.read_bytes() == b"secret"
    assert out.stat().st_mode & 0o777 == 0o600
    write_private(out, b"again")
    assert out.read_bytes() == b"again"
    with pytest.raises(FileExistsError):
        write_private(out, b"over", new=True)
    assert out.read_bytes() == b"again"
