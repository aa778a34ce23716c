"""A signed-in person and the vault they opened."""

from __future__ import annotations

from dataclasses import dataclass

from peerdesk.domain.audit import AuditAction
from peerdesk.domain.errors import PermissionDenied
from peerdesk.domain.staff import Permission, Staff, needs_role_message, role_allows
from peerdesk.storage.database import Database
from peerdesk.storage.repositories import audit as audit_repo
from peerdesk.storage.repositories.meta import get_setting
from peerdesk.storage.repositories.search import purge_pending
from peerdesk.storage.vault import LockedVault, UnlockedVault, utc_now


@dataclass(slots=True)
class Session:
    vault: UnlockedVault
    staff: Staff
    must_change_password: bool = False
    failed_sign_ins_since_last: int = 0
    # Opened with the recovery key: may only choose an admin account and set
    # its password (services.auth.recover_admin); every role permission is off.
    recovery_only: bool = False

    @property
    def db(self) -> Database:
        return self.vault.db

    def can(self, permission: Permission) -> bool:
        return not self.recovery_only and role_allows(self.staff.role, permission)

    def require(self, permission: Permission) -> None:
        if not self.can(permission):
            if self.recovery_only:
                raise PermissionDenied("Opened with the recovery key, PeerDesk only sets a new "
                                       "password for an administrator. Sign in with a password "
                                       "to do anything else.")
            raise PermissionDenied(needs_role_message(permission))

    def audit(self, action: AuditAction, target_kind: str = "", target_id: str = "",
              detail: str = "") -> None:
        """Record an event; call inside the transaction of the change it describes."""
        audit_repo.append(
            self.vault.db, at=utc_now(), actor_id=self.staff.id, action=action,
            target_kind=target_kind, target_id=target_id, detail=detail,
        )

    @property
    def centre_name(self) -> str:
        return get_setting(self.vault.db, "centre_name", "") or ""

    def end(self, action: AuditAction = AuditAction.SIGNED_OUT) -> LockedVault:
        """Sign out or lock: audit it, close the connection, drop the key.

        Signing out also finishes removing deleted words from the search
        indexes on a very large vault (locking must be instant, so it doesn't).
        """
        if action is AuditAction.SIGNED_OUT:
            purge_pending(self.vault.db)
        with self.vault.db.transaction():
            self.audit(action)
        return self.vault.close()
