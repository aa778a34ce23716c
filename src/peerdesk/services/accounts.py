"""Admin › Staff, and each person's own password.

Every change that takes a key from someone rotates the keys it opened
(docs/security.md §3). By default the rotation happens before the call
returns (the command line, tests); the GUI passes `settle=False` and runs
`services.keys` work on a worker thread with progress instead.
"""

from __future__ import annotations

from collections.abc import Iterable

from peerdesk.domain.audit import AuditAction
from peerdesk.domain.errors import PermissionDenied, ValidationError, WrongCredentials
from peerdesk.domain.staff import Permission, Role, Staff, StaffStatus
from peerdesk.domain.validation import check_new_password, clean_name
from peerdesk.services import key_changes, keys
from peerdesk.services.session import Session
from peerdesk.storage import crypto, keyslots
from peerdesk.storage.repositories import staff as staff_repo


def list_staff(session: Session, *, include_removed: bool = False) -> list[Staff]:
    session.require(Permission.MANAGE_STAFF)
    return staff_repo.list_all(session.db, include_removed=include_removed)


def _roles(role: Role | None, roles: Iterable[Role] | None) -> frozenset[Role]:
    chosen = frozenset(roles) if roles is not None else frozenset({role} if role else ())
    if not chosen:
        raise ValidationError("Choose at least one role.", field="role")
    return chosen


def add_staff(session: Session, *, name: str, role: Role | None = None,
              roles: Iterable[Role] | None = None, password: str, confirm: str,
              must_change_password: bool = True) -> Staff:
    """A new account. The admin sets a first password the person changes at sign-in."""
    session.require(Permission.MANAGE_STAFF)
    chosen = _roles(role, roles)
    clean = clean_name(name)
    if staff_repo.by_name(session.db, clean) is not None:
        raise ValidationError(
            "There is already an account with that name (perhaps a removed one). "
            "Choose another name.", field="name")
    check_new_password(password, confirm, account_name=clean)
    return key_changes.add_account(session, name=clean, roles=chosen, password=password,
                                   must_change=must_change_password)


def _other_staff(session: Session, staff_id: int) -> Staff:
    session.require(Permission.MANAGE_STAFF)
    staff = staff_repo.get(session.db, staff_id)
    if staff.status is StaffStatus.REMOVED:
        raise ValidationError("That account has been removed.")
    return staff


def _keep_an_admin(session: Session, staff: Staff) -> None:
    if staff.id == session.staff.id:
        raise PermissionDenied("You can't do that to your own account while signed in with it.")
    if Role.ADMIN in staff.roles and staff.is_active and staff_repo.count_active_with_role(
            session.db, Role.ADMIN) <= 1:
        raise PermissionDenied("This is the last active administrator; add another one first.")


def _finish(session: Session, settle: bool) -> None:
    if settle:
        keys.settle(session)


def reset_password(session: Session, staff_id: int, password: str, confirm: str, *,
                   settle: bool = True) -> None:
    """Give someone a new password (they forgot theirs); reactivates a deactivated account."""
    staff = _other_staff(session, staff_id)
    check_new_password(password, confirm, account_name=staff.name)
    key_changes.replace_password(session, staff, password, must_change=True,
                                 action=AuditAction.STAFF_PASSWORD_RESET)
    _finish(session, settle)


def change_roles(session: Session, staff_id: int, roles: Iterable[Role], *,
                 settle: bool = True) -> None:
    staff = _other_staff(session, staff_id)
    chosen = _roles(None, roles)
    if staff.roles == chosen:
        return
    if Role.ADMIN in staff.roles and Role.ADMIN not in chosen:
        _keep_an_admin(session, staff)
    key_changes.change_roles(session, staff, chosen)
    _finish(session, settle)


def change_role(session: Session, staff_id: int, role: Role, *, settle: bool = True) -> None:
    change_roles(session, staff_id, {role}, settle=settle)


def deactivate(session: Session, staff_id: int, *, settle: bool = True) -> None:
    """Stop someone signing in: their slot goes and the keys it opened are rotated."""
    staff = _other_staff(session, staff_id)
    _keep_an_admin(session, staff)
    if staff.status is StaffStatus.DEACTIVATED:
        return
    key_changes.end_access(session, staff, StaffStatus.DEACTIVATED,
                           AuditAction.STAFF_DEACTIVATED)
    _finish(session, settle)


def remove(session: Session, staff_id: int, *, settle: bool = True) -> None:
    """Someone leaves: their slot goes and the vault moves to new keys.

    Their name stays in the staff table so the audit trail still reads.
    Other connections to the vault must be closed first.
    """
    staff = _other_staff(session, staff_id)
    _keep_an_admin(session, staff)
    key_changes.end_access(session, staff, StaffStatus.REMOVED, AuditAction.STAFF_REMOVED)
    _finish(session, settle)


def change_own_password(session: Session, current: str, new: str, confirm: str, *,
                        settle: bool = True) -> None:
    """A new slot for this person, then every key they held moves on."""
    slot_id = session.staff.slot_id
    slot = session.vault.keyslots.slot(slot_id) if slot_id else None
    if slot is None:
        raise WrongCredentials
    check_new_password(new, confirm, account_name=session.staff.name)
    if new == current:
        raise ValidationError("The new password must be different from the current one.",
                              field="password")
    try:
        private = session.vault.keyslots.open_private_key(
            slot, keyslots.password_bytes(current))
    except crypto.UnwrapFailed as exc:
        raise WrongCredentials("The current password is not right.") from exc
    crypto.wipe(private)
    key_changes.change_own_password(session, new)
    session.must_change_password = False
    _finish(session, settle)
