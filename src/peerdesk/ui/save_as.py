"""Saving a file a page writes (a PDF, a timesheet): ask where, then write it there."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from peerdesk.domain.errors import PeerDeskError
from peerdesk.ui.errors import show_error


def save_as(parent: QWidget, title: str, suggested: str, file_filter: str,
            write: Callable[[Path], object]) -> bool:
    """Ask where to save (`suggested` the file name offered), then `write(path)`. False
    when the person cancels or the service refuses (its message shown over `parent`)."""
    name, _ = QFileDialog.getSaveFileName(parent, title, suggested, file_filter)
    if not name:
        return False
    try:
        write(Path(name))
    except PeerDeskError as exc:
        show_error(parent, exc)
        return False
    return True
