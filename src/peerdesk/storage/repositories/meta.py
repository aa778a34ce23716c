"""Vault metadata (written by storage) and settings (changed by people)."""

from __future__ import annotations

from peerdesk.storage.database import Database

# Two key/value tables alike: `meta` for storage's own facts, `settings` for people's choices.


def _get(db: Database, table: str, key: str) -> str | None:
    value = db.scalar(f"SELECT value FROM {table} WHERE key = ?", (key,))
    return None if value is None else str(value)


def _put(db: Database, table: str, key: str, value: str) -> None:
    db.execute(
        f"INSERT INTO {table} (key, value) VALUES (?, ?) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (key, value),
    )


def get_meta(db: Database, key: str) -> str | None:
    return _get(db, "meta", key)


def set_meta(db: Database, key: str, value: str) -> None:
    _put(db, "meta", key, value)


def get_setting(db: Database, key: str, default: str | None = None) -> str | None:
    value = _get(db, "settings", key)
    return default if value is None else value


def set_setting(db: Database, key: str, value: str) -> None:
    _put(db, "settings", key, value)
