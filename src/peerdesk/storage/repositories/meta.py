"""Vault metadata (written by storage) and settings (changed by people)."""

from __future__ import annotations

from peerdesk.storage.database import Database


def get_meta(db: Database, key: str) -> str | None:
    value = db.scalar("SELECT value FROM meta WHERE key = ?", (key,))
    return None if value is None else str(value)


def set_meta(db: Database, key: str, value: str) -> None:
    db.execute(
        "INSERT INTO meta (key, value) VALUES (?, ?) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (key, value),
    )


def get_setting(db: Database, key: str, default: str | None = None) -> str | None:
    value = db.scalar("SELECT value FROM settings WHERE key = ?", (key,))
    return default if value is None else str(value)


def set_setting(db: Database, key: str, value: str) -> None:
    db.execute(
        "INSERT INTO settings (key, value) VALUES (?, ?) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (key, value),
    )
