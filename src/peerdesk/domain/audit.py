"""What the audit log records. Details never carry a peer's name."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class AuditAction(StrEnum):
    VAULT_CREATED = "vault_created"
    SIGNED_IN = "signed_in"
    SIGNED_OUT = "signed_out"
    LOCKED = "locked"
    SIGN_IN_FAILED = "sign_in_failed"
    RECOVERY_USED = "recovery_key_used"
    STAFF_ADDED = "staff_added"
    STAFF_PASSWORD_RESET = "staff_password_reset"
    STAFF_DEACTIVATED = "staff_deactivated"
    STAFF_REACTIVATED = "staff_reactivated"
    STAFF_REMOVED = "staff_removed"
    STAFF_ROLE_CHANGED = "staff_role_changed"
    PASSWORD_CHANGED = "password_changed"
    VAULT_REKEYED = "vault_rekeyed"
    KEYS_GIVEN = "keys_given"
    ACCOUNT_RECORD_MISMATCH = "account_record_mismatch"
    VAULT_OLDER_THAN_RECORDED = "vault_older_than_recorded"
    SIGN_IN_RECORD_RESET = "sign_in_record_reset"
    VAULT_CHECKED = "vault_checked"
    AUTHORITY_TRUSTED = "authority_trusted"
    GRANT_ISSUED = "grant_issued"
    ROTATION_OWED = "rotation_owed"
    VAULT_MIGRATED = "vault_migrated"
    AUDIT_VIEWED = "audit_viewed"
    VIEWED = "viewed"
    CREATED = "created"
    CHANGED = "changed"
    DELETED = "deleted"
    EXPORTED = "exported"
    PRINTED = "printed"
    RATING_CORRECTED = "rating_corrected"
    RATING_DELETED = "rating_deleted"
    # Team mode (docs/team-server.md): the team made on the server with its first
    # administrator, a vault moved in, a joining password given, a compartment's
    # key changed after someone who held it left.
    TEAM_CREATED = "team_created"
    TEAM_MOVED_IN = "team_moved_in"
    LOGIN_ISSUED = "login_issued"
    KEY_CHANGED = "key_changed"
    # This vault was made from an export of another: the detail names the
    # old vault and the count and head of its audit log (docs/export.md).
    CREATED_FROM_EXPORT = "created_from_export"


@dataclass(frozen=True, slots=True)
class AuditEvent:
    id: int
    at: str  # UTC, ISO 8601
    actor_id: int | None
    action: AuditAction
    target_kind: str
    target_id: str
    detail: str
