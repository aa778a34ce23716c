"""Shared by the export tests: export a vault, import it, compare the two."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from peerdesk.services import export, import_export
from peerdesk.services.auth import SignIn
from peerdesk.services.demo import DEMO_ADMIN, DEMO_LEAD, DEMO_PASSWORD
from peerdesk.services.session import Session
from peerdesk.storage.database import Database
from peerdesk.storage.export_source import list_tables, rows
from peerdesk.storage.paths import VaultPaths
from peerdesk.storage.vault import LockedVault

PASSPHRASE = "four words make a passphrase"
NEW_PASSWORD = "the importer's new password"


@contextmanager
def signed_in(paths: VaultPaths, name: str, password: str = DEMO_PASSWORD) -> Iterator[Session]:
    locked = LockedVault.open(paths)
    try:
        session = SignIn(locked).sign_in(name, password)
        try:
            yield session
        finally:
            session.end()
    finally:
        locked.release()


def export_as(paths: VaultPaths, name: str, out: Path, *,
              password: str = DEMO_PASSWORD) -> export.ExportResult:
    with signed_in(paths, name, password) as session:
        return export.export_centre(session, out, PASSPHRASE, PASSPHRASE)


def import_into(archive: Path, paths: VaultPaths, *, account: str = DEMO_ADMIN,
                passphrase: str = PASSPHRASE) -> import_export.ImportResult:
    return import_export.import_export(archive, paths, account=account, password=NEW_PASSWORD,
                                       passphrase=passphrase, confirm=NEW_PASSWORD)


def table_rows(db: Database, schema: str) -> dict[str, list[tuple[Any, ...]]]:
    """Every exported table of one database, every row, in its own order."""
    return {table.name: list(rows(db, table)) for table in list_tables(db, schema)}


def snapshot(paths: VaultPaths, name: str, password: str = DEMO_PASSWORD
             ) -> dict[str, list[tuple[Any, ...]]]:
    with signed_in(paths, name, password) as session:
        db = session.db
        tables = table_rows(db, "main")
        if "casework" in db.attached:
            tables.update(table_rows(db, "casework"))
        tables["_vault_id"] = [(session.vault.vault_id,)]
        return tables


__all__ = ["DEMO_ADMIN", "DEMO_LEAD", "DEMO_PASSWORD", "NEW_PASSWORD", "PASSPHRASE",
           "export_as", "import_into", "signed_in", "snapshot"]
