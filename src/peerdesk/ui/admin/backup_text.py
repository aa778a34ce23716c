"""Sentences about a backup, shared by the Backups tab and the restore dialog."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def size_text(size: int) -> str:
    if size >= 1024 * 1024:
        return QCoreApplication.translate("BackupText", "{mb} MB").format(
            mb=f"{size / (1024 * 1024):.1f}")
    return QCoreApplication.translate("BackupText", "{kb} KB").format(
        kb=max(1, round(size / 1024)))


def counts_text(counts: dict[str, int]) -> str:
    return QCoreApplication.translate(
        "BackupText", "{peers} peers, {sessions} one-to-one sessions, {groups} groups, "
        "{meetings} meetings and {staff} staff accounts").format(
        **{label: f"{counts.get(label, 0):,}"
           for label in ("peers", "sessions", "groups", "meetings", "staff")})
