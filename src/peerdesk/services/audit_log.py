"""Reading the audit log (programme leads and admins)."""

from __future__ import annotations

from dataclasses import dataclass

from peerdesk.domain.audit import AuditAction
from peerdesk.domain.staff import Permission, Role
from peerdesk.services.session import Session
from peerdesk.storage.repositories import audit as audit_repo
from peerdesk.storage.repositories import staff as staff_repo

ACTION_LABELS: dict[AuditAction, str] = {
    AuditAction.VAULT_CREATED: "Vault created",
    AuditAction.SIGNED_IN: "Signed in",
    AuditAction.SIGNED_OUT: "Signed out",
    AuditAction.LOCKED: "Locked",
    AuditAction.SIGN_IN_FAILED: "Failed sign-in",
    AuditAction.RECOVERY_USED: "Recovery key used",
    AuditAction.STAFF_ADDED: "Account added",
    AuditAction.STAFF_PASSWORD_RESET: "Password reset",
    AuditAction.STAFF_DEACTIVATED: "Account deactivated",
    AuditAction.STAFF_REACTIVATED: "Account reactivated",
    AuditAction.STAFF_REMOVED: "Account removed",
    AuditAction.STAFF_ROLE_CHANGED: "Role changed",
    AuditAction.PASSWORD_CHANGED: "Own password changed",
    AuditAction.VAULT_REKEYED: "Vault re-encrypted with a new key",
    AuditAction.KEYS_GIVEN: "Keys given to new accounts",
    AuditAction.ACCOUNT_RECORD_MISMATCH: "Account record changed outside PeerDesk",
    AuditAction.VAULT_OLDER_THAN_RECORDED: "Vault older than its last recorded state",
    AuditAction.SIGN_IN_RECORD_RESET: "Failed sign-in record was reset",
    AuditAction.VAULT_CHECKED: "Vault checked",
    AuditAction.AUTHORITY_TRUSTED: "Account now trusts the vault's authority key",
    AuditAction.GRANT_ISSUED: "Roles signed",
    AuditAction.ROTATION_OWED: "New keys owed",
    AuditAction.VAULT_MIGRATED: "Vault upgraded",
    AuditAction.AUDIT_VIEWED: "Audit log viewed",
    AuditAction.VIEWED: "Viewed",
    AuditAction.CREATED: "Created",
    AuditAction.CHANGED: "Changed",
    AuditAction.DELETED: "Deleted",
    AuditAction.EXPORTED: "Exported",
    AuditAction.PRINTED: "Printed",
    AuditAction.RATING_CORRECTED: "Rating corrected",
    AuditAction.RATING_DELETED: "Rating deleted",
    AuditAction.TEAM_CREATED: "Team created on the server",
    AuditAction.TEAM_MOVED_IN: "Vault moved into the team",
    AuditAction.LOGIN_ISSUED: "Joining password given",
    AuditAction.KEY_CHANGED: "Key changed",
}


@dataclass(frozen=True, slots=True)
class AuditRow:
    id: int
    at: str
    who: str
    action: AuditAction
    what: str
    target: str
    detail: str


def recent_events(session: Session, *, limit: int = 1000) -> list[AuditRow]:
    session.require(Permission.VIEW_AUDIT_LOG)
    session.audit_alone(AuditAction.AUDIT_VIEWED)
    names = {s.id: s.name for s in staff_repo.list_all(session.db, include_removed=True)}
    rows = []
    for event in audit_repo.recent(session.db, limit=limit):
        target = event.target_kind
        if event.target_kind == "staff" and event.target_id.isdigit():
            target = f"account: {names.get(int(event.target_id), event.target_id)}"
        elif event.target_id:
            target = f"{event.target_kind}: {event.target_id}"
        rows.append(AuditRow(
            id=event.id, at=event.at,
            who=names.get(event.actor_id, "—") if event.actor_id is not None else "—",
            action=event.action, what=ACTION_LABELS[event.action], target=target,
            detail=_readable_detail(event.action, event.detail),
        ))
    return rows


_ROLE_CODES = {role.value for role in Role}


def _readable_detail(action: AuditAction, detail: str) -> str:
    """Roles are stored by their code ("programme_lead", "admin -> caseworker"), which
    keeps the log stable if a label is reworded; people read the label."""
    if action not in (AuditAction.STAFF_ADDED, AuditAction.STAFF_ROLE_CHANGED):
        return detail
    parts = detail.split(" -> ")
    if not all(part in _ROLE_CODES for part in parts):
        return detail
    return " → ".join(Role(part).label for part in parts)


def peer_trail(session: Session, peer_id: int, *, limit: int = 500) -> list[AuditRow]:
    """Everything done to one peer's record (programme leads and admins)."""
    session.require(Permission.VIEW_AUDIT_LOG)
    names = {s.id: s.name for s in staff_repo.list_all(session.db, include_removed=True)}
    session.audit_alone(AuditAction.AUDIT_VIEWED, "peer", str(peer_id))
    return [
        AuditRow(id=e.id, at=e.at,
                 who=names.get(e.actor_id, "—") if e.actor_id is not None else "—",
                 action=e.action, what=ACTION_LABELS[e.action], target="", detail=e.detail)
        for e in audit_repo.recent(session.db, limit=limit, target_kind="peer",
                                   target_id=str(peer_id))
    ]
