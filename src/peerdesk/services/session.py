"""A signed-in person and the vault they opened."""

from __future__ import annotations

from dataclasses import dataclass, field

from peerdesk.domain.audit import AuditAction
from peerdesk.domain.errors import PermissionDenied
from peerdesk.domain.staff import (
    PERMISSION_COMPARTMENT,
    Compartment,
    Permission,
    Role,
    Staff,
    needs_role_message,
    roles_allow,
)
from peerdesk.storage.database import Database
from peerdesk.storage.repositories import audit as audit_repo
from peerdesk.storage.repositories.meta import get_setting
from peerdesk.storage.repositories.search import purge_pending
from peerdesk.storage.vault import LockedVault, UnlockedVault, utc_now

ACCESS_BEING_SET_UP = (
    "Your access to peers' records is being set up: it is ready after a colleague who "
    "already has it (a programme lead, caseworker or peer supporter) next signs in."
)


@dataclass(slots=True)
class Session:
    vault: UnlockedVault
    staff: Staff  # roles and status as the signed grant gives them
    must_change_password: bool = False
    failed_sign_ins_since_last: int = 0
    # Opened with the recovery key: may only choose an admin account and set
    # its password (services.auth.recover_admin), and finish owed key work;
    # every role permission is off.
    recovery_only: bool = False
    # Things the person must be told after signing in (a vault older than its
    # newest backup, a staff record changed outside PeerDesk, …).
    notices: list[str] = field(default_factory=list)

    @property
    def db(self) -> Database:
        return self.vault.db

    def holds(self, compartment: Compartment) -> bool:
        return self.vault.holds(compartment.value)

    def role_allows(self, permission: Permission) -> bool:
        return not self.recovery_only and roles_allow(self.staff.roles, permission)

    def can(self, permission: Permission) -> bool:
        return self.role_allows(permission) and self.holds(PERMISSION_COMPARTMENT[permission])

    def require(self, permission: Permission) -> None:
        if self.can(permission):
            return
        if self.recovery_only:
            raise PermissionDenied("Opened with the recovery key, PeerDesk only sets a new "
                                   "password for an administrator. Sign in with a password "
                                   "to do anything else.")
        if self.role_allows(permission):
            # The role allows it but the key hasn't reached this person yet.
            raise PermissionDenied(ACCESS_BEING_SET_UP)
        raise PermissionDenied(needs_role_message(permission))

    def has_role(self, role: Role) -> bool:
        return not self.recovery_only and role in self.staff.roles

    def audit(self, action: AuditAction, target_kind: str = "", target_id: str = "",
              detail: str = "") -> None:
        """Record an event; call inside the transaction of the change it describes."""
        audit_repo.append(
            self.vault.db, at=utc_now(), actor_id=self.staff.id or None, action=action,
            target_kind=target_kind, target_id=target_id, detail=detail,
        )

    def audit_alone(self, action: AuditAction, target_kind: str = "", target_id: str = "",
                    detail: str = "") -> None:
        """Record an event in a transaction of its own: one that changes nothing in the
        vault (a record or a list viewed, a file exported or printed) or follows a step
        already committed another way (a re-key)."""
        with self.db.transaction():
            self.audit(action, target_kind, target_id, detail)

    @property
    def centre_name(self) -> str:
        return get_setting(self.vault.db, "centre_name", "") or ""

    def end(self, action: AuditAction = AuditAction.SIGNED_OUT) -> LockedVault:
        """Sign out or lock: audit it, mirror the log's head, close, drop the keys.

        Signing out also finishes removing deleted words from the search
        indexes on a very large vault (locking must be instant, so it doesn't).
        """
        from peerdesk.domain.errors import VaultDamaged
        from peerdesk.storage import anchors

        try:
            if action is AuditAction.SIGNED_OUT and self.holds(Compartment.CASEWORK):
                purge_pending(self.vault.db)
            with self.vault.db.transaction():
                self.audit(action)
            anchors.record_in_key_file(self.vault, seen_by=self.vault)
        except VaultDamaged:
            pass  # found damaged while in use: nothing more is written to it
        return self.vault.close()
