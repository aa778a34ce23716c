"""`peerdesk check`: unlock, then check pages, structure and the audit chain."""

from __future__ import annotations

from peerdesk.domain.errors import VaultDamaged
from peerdesk.services.auth import SignIn
from peerdesk.storage import integrity
from peerdesk.storage.paths import VaultPaths
from peerdesk.storage.vault import LockedVault


def check_vault(paths: VaultPaths, account: str, password: str) -> integrity.IntegrityReport:
    locked = LockedVault.open(paths)
    try:
        try:
            vault = SignIn(locked).unlock(account, password)
        except VaultDamaged:
            return integrity.IntegrityReport(
                problems=["the vault file is damaged: its first pages can't be read"])
        try:
            return integrity.check(vault.db)
        finally:
            vault.close()
    finally:
        locked.release()
