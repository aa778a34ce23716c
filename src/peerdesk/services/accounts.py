"""Admin › Staff, and each person's own password."""

from __future__ import annotations

from peerdesk.domain.audit import AuditAction
from peerdesk.domain.errors import PermissionDenied, ValidationError, WrongCredentials
from peerdesk.domain.staff import Permission, Role, Staff, StaffStatus
from peerdesk.domain.validation import check_new_password, clean_name
from peerdesk.services.session import Session
from peerdesk.storage import crypto, keyslots
from peerdesk.storage.repositories import staff as staff_repo
from peerdesk.storage.vault import utc_now


def list_staff(session: Session, *, include_removed: bool = False) -> list[Staff]:
    session.require(Permission.MANAGE_STAFF)
    return staff_repo.list_all(session.db, include_removed=include_removed)


def _new_slot(session: Session, name: str, password: str) -> str:
    return session.vault.add_slot(
        kind=keyslots.PASSWORD, account=name, secret=keyslots.password_bytes(password),
        params=crypto.calibrate(),
    ).id


def add_staff(session: Session, *, name: str, role: Role, password: str, confirm: str,
              must_change_password: bool = True) -> Staff:
    """A new account. The admin sets a first password the person changes at sign-in."""
    session.require(Permission.MANAGE_STAFF)
    clean = clean_name(name)
    if staff_repo.by_name(session.db, clean) is not None:
        raise ValidationError(
            "There is already an account with that name (perhaps a removed one). "
            "Choose another name.", field="name")
    check_new_password(password, confirm, account_name=clean)
    slot_id = _new_slot(session, clean, password)
    try:
        with session.db.transaction():
            staff = staff_repo.insert(session.db, name=clean, role=role, slot_id=slot_id,
                                      created_at=utc_now())
            staff_repo.set_slot(session.db, staff.id, slot_id, must_change=must_change_password)
            session.audit(AuditAction.STAFF_ADDED, "staff", str(staff.id), role.value)
    except BaseException:
        session.vault.forget_slot(slot_id)
        raise
    return staff


def _other_staff(session: Session, staff_id: int) -> Staff:
    session.require(Permission.MANAGE_STAFF)
    staff = staff_repo.get(session.db, staff_id)
    if staff.status is StaffStatus.REMOVED:
        raise ValidationError("That account has been removed.")
    return staff


def _keep_an_admin(session: Session, staff: Staff) -> None:
    if staff.id == session.staff.id:
        raise PermissionDenied("You can't do that to your own account while signed in with it.")
    if staff.role is Role.ADMIN and staff.is_active and staff_repo.count_active_with_role(
            session.db, Role.ADMIN) <= 1:
        raise PermissionDenied("This is the last active administrator; add another one first.")


def reset_password(session: Session, staff_id: int, password: str, confirm: str) -> None:
    """Give someone a new password (they forgot theirs); reactivates a deactivated account."""
    staff = _other_staff(session, staff_id)
    check_new_password(password, confirm, account_name=staff.name)
    new_slot = _new_slot(session, staff.name, password)
    try:
        with session.db.transaction():
            if staff.slot_id:
                session.db.execute("DELETE FROM key_slot WHERE slot_id = ?", (staff.slot_id,))
            staff_repo.set_slot(session.db, staff.id, new_slot, must_change=True)
            action = AuditAction.STAFF_PASSWORD_RESET
            if staff.status is StaffStatus.DEACTIVATED:
                staff_repo.set_status(session.db, staff.id, StaffStatus.ACTIVE)
                action = AuditAction.STAFF_REACTIVATED
            session.audit(action, "staff", str(staff.id))
    except BaseException:
        session.vault.forget_slot(new_slot)
        raise
    if staff.slot_id:
        session.vault.keyslots.remove(staff.slot_id)
        session.vault.keyslots.save(session.vault.paths.keys)


def change_role(session: Session, staff_id: int, role: Role) -> None:
    staff = _other_staff(session, staff_id)
    if staff.role is role:
        return
    if staff.role is Role.ADMIN:
        _keep_an_admin(session, staff)
    with session.db.transaction():
        staff_repo.set_role(session.db, staff.id, role)
        session.audit(AuditAction.STAFF_ROLE_CHANGED, "staff", str(staff.id),
                      f"{staff.role.value} -> {role.value}")


def deactivate(session: Session, staff_id: int) -> None:
    """Stop someone signing in, quickly; their slot goes but the vault is not rekeyed."""
    staff = _other_staff(session, staff_id)
    _keep_an_admin(session, staff)
    if staff.status is StaffStatus.DEACTIVATED:
        return
    with session.db.transaction():
        staff_repo.set_status(session.db, staff.id, StaffStatus.DEACTIVATED)
        staff_repo.set_slot(session.db, staff.id, None, must_change=False)
        if staff.slot_id:
            session.db.execute("DELETE FROM key_slot WHERE slot_id = ?", (staff.slot_id,))
        session.audit(AuditAction.STAFF_DEACTIVATED, "staff", str(staff.id))
    if staff.slot_id:
        session.vault.keyslots.remove(staff.slot_id)
        session.vault.keyslots.save(session.vault.paths.keys)


def remove(session: Session, staff_id: int) -> None:
    """Someone leaves: their slot goes and the whole vault moves to a new key.

    Their name stays in the staff table so the audit trail still reads.
    Other connections to the vault must be closed first.
    """
    staff = _other_staff(session, staff_id)
    _keep_an_admin(session, staff)
    with session.db.transaction():
        staff_repo.set_status(session.db, staff.id, StaffStatus.REMOVED)
        staff_repo.set_slot(session.db, staff.id, None, must_change=False)
        if staff.slot_id:
            session.db.execute("DELETE FROM key_slot WHERE slot_id = ?", (staff.slot_id,))
        session.audit(AuditAction.STAFF_REMOVED, "staff", str(staff.id))
        session.vault.mark_rekey_pending()
    session.vault.rekey()
    with session.db.transaction():
        session.audit(AuditAction.VAULT_REKEYED)


def change_own_password(session: Session, current: str, new: str, confirm: str) -> None:
    """Re-wrap this person's slot; the database file is not touched."""
    slot_id = session.staff.slot_id
    slot = session.vault.keyslots.slot(slot_id) if slot_id else None
    if slot is None:
        raise WrongCredentials
    check_new_password(new, confirm, account_name=session.staff.name)
    if new == current:
        raise ValidationError("The new password must be different from the current one.",
                              field="password")
    try:
        session.vault.change_secret(slot, keyslots.password_bytes(current),
                                    keyslots.password_bytes(new), crypto.calibrate())
    except crypto.UnwrapFailed as exc:
        raise WrongCredentials("The current password is not right.") from exc
    with session.db.transaction():
        staff_repo.set_slot(session.db, session.staff.id, slot.id, must_change=False)
        session.audit(AuditAction.PASSWORD_CHANGED, "staff", str(session.staff.id))
    session.must_change_password = False
