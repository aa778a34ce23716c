"""Shared by the backup tests: a fingerprint of a vault's content."""

from __future__ import annotations

import hashlib

from peerdesk.services.demo import DEMO_ADMIN, DEMO_LEAD, DEMO_PASSWORD
from peerdesk.storage.database import Database
from peerdesk.storage.paths import VaultPaths
from peerdesk.storage.vault import LockedVault

__all__ = ["DEMO_ADMIN", "DEMO_LEAD", "DEMO_PASSWORD", "fingerprint", "fingerprint_of"]

# A restore adds one audit event to the restored vault saying so (and with it
# moves the chain's head and count). Everything else must be the same row for
# row; the events before it, hashes and all, still are.
_LEFT_OUT = {
    "audit_event": "WHERE NOT (target_kind = 'vault' AND target_id = 'restored')",
    "meta": "WHERE key NOT IN ('audit_head', 'audit_count', 'sign_in_attempts_seen')",
}


def fingerprint(db: Database) -> dict[str, tuple[int, str]]:
    """Per table of both databases (those the keys open): row count and a hash of
    every row, in rowid order (less the restore's own audit lines)."""
    schemas = ["main"] + (["casework"] if "casework" in db.attached else [])
    tables = [(schema, str(r[0])) for schema in schemas for r in db.query(
        f"SELECT name FROM {schema}.sqlite_master WHERE type = 'table' "
        "AND name NOT LIKE 'sqlite_%' ORDER BY name")]
    found = {}
    for schema, table in tables:
        digest = hashlib.sha256()
        sql = str(db.scalar(f"SELECT sql FROM {schema}.sqlite_master WHERE name = ?", (table,)))
        # WITHOUT ROWID tables have no rowid: their primary key orders them, and
        # ordering by every column is that order or a finer one.
        width = len(db.query(f'PRAGMA table_info("{table}")'))
        order = ("rowid" if "WITHOUT ROWID" not in sql.upper()
                 else ", ".join(str(i) for i in range(1, width + 1)))
        rows = db.query(f'SELECT * FROM {schema}."{table}" {_LEFT_OUT.get(table, "")} '
                        f"ORDER BY {order}")
        for row in rows:
            digest.update(repr(tuple(row)).encode("utf-8"))
        found[table] = (len(rows), digest.hexdigest())
    return found


def fingerprint_of(paths: VaultPaths, account: str | None, secret: str) -> dict[str, tuple[int,
                                                                                          str]]:
    """Open a closed vault without signing in (no audit event is added) and fingerprint it."""
    locked = LockedVault.open(paths)
    try:
        vault = (locked.unlock_with_recovery_key(secret) if account is None
                 else locked.unlock(account, secret))
        try:
            return fingerprint(vault.db)
        finally:
            vault.close()
    finally:
        locked.release()
