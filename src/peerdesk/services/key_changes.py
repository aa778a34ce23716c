"""The key side of account changes: new slots, grants, retiring slots, owed rotations.

One place for each sequence (services/accounts.py and services/auth.py both
use them). Every change that takes a key away from someone — a removal, a
deactivation, a password reset or change, a role that no longer opens a
compartment — records the rotations it owes in its own transaction, so a
crash can't lose them; `keys.settle` (or the GUI's background step) then
does them.
"""

from __future__ import annotations

from dataclasses import replace

from peerdesk.domain.audit import AuditAction
from peerdesk.domain.errors import VaultDamaged
from peerdesk.domain.staff import (
    Compartment,
    Role,
    Staff,
    StaffStatus,
    compartments_for,
    roles_code,
)
from peerdesk.services import keys
from peerdesk.services.session import Session
from peerdesk.storage import crypto, keyslots, sealed_notes
from peerdesk.storage.repositories import grants, key_tasks
from peerdesk.storage.repositories import staff as staff_repo
from peerdesk.storage.vault import utc_now


def _authority(session: Session) -> bytearray:
    seed = session.vault.authority_seed
    if seed is None:
        raise VaultDamaged("This account holds no authority key, so it can't change accounts.")
    return seed


def issue_grant(session: Session, staff: Staff, *, roles: frozenset[Role], status: StaffStatus,
                signing_key: bytes) -> None:
    """Sign and store a new grant, and name it in a signed audit event; inside the
    caller's transaction. The event is what makes the grant count: a grant row
    written or removed outside PeerDesk no longer matches the log."""
    grant = grants.issue(
        session.db, vault_id=session.vault.vault_id, authority_seed=_authority(session),
        staff_id=staff.id, name_key=staff_repo.name_key(staff.name), roles=roles, status=status,
        signing_key=signing_key, issued_at=utc_now(), issued_by=session.staff.id or None,
    )
    session.audit(AuditAction.GRANT_ISSUED, "staff", str(staff.id), grants.event_detail(grant))


def current_grant(session: Session, staff_id: int) -> grants.Grant:
    grant = grants.newest_valid(session.db, session.vault.vault_id,
                                session.vault.trusted_authority, staff_id)
    if grant is None:
        raise VaultDamaged("That account's record could not be verified; run a check of the "
                           "vault. Nothing was changed.")
    return grant


def _give(session: Session, roles: frozenset[Role]) -> tuple[set[str], set[Compartment]]:
    """What a new slot for these roles can be given now, and what must wait."""
    wanted = compartments_for(roles) | {Compartment.MAIN}
    now = {c.value for c in wanted if session.holds(c)}
    later = {c for c in wanted if not session.holds(c)}
    return now, later


def new_slot(session: Session, name: str, password: str, roles: frozenset[Role],
             signing_seed: bytearray) -> tuple[keyslots.Slot, set[Compartment]]:
    give, later = _give(session, roles)
    slot = session.vault.new_slot(
        kind=keyslots.PASSWORD, account=name, secret=keyslots.password_bytes(password),
        params=crypto.calibrate(), give=give, signing_seed=signing_seed,
    )
    return slot, later


def owe_seals(session: Session, slot_id: str, later: set[Compartment]) -> None:
    for compartment in later:
        if compartment is not Compartment.AUTHORITY:
            key_tasks.owe_seal(session.db, compartment.value, slot_id, utc_now())


def add_account(session: Session, *, name: str, roles: frozenset[Role], password: str,
                must_change: bool) -> Staff:
    seed = crypto.new_signing_seed()
    try:
        slot, later = new_slot(session, name, password, roles, seed)
        try:
            with session.db.transaction():
                staff = staff_repo.insert(session.db, name=name, roles=roles, slot_id=slot.id,
                                          created_at=utc_now())
                staff_repo.set_slot(session.db, staff.id, slot.id, must_change=must_change)
                session.vault.register_slot(slot, staff_id=staff.id, certify_with=seed)
                issue_grant(session, staff, roles=roles, status=StaffStatus.ACTIVE,
                            signing_key=crypto.signing_public_key(seed))
                # Their key for sealed notes, so notes can reach them before they sign in.
                sealed_notes.register_own(session.db, session.vault.vault_id, staff.id, seed,
                                          utc_now())
                owe_seals(session, slot.id, later)
                session.audit(AuditAction.STAFF_ADDED, "staff", str(staff.id),
                              roles_code(roles))
        except BaseException:
            session.vault.forget_slot_file_only(slot.id)
            raise
    finally:
        crypto.wipe(seed)
    return staff


# Forgetting a key slot is one sequence, written only here (a password reset, a
# password change, a deactivation and a removal all use it): `_retire` inside the
# change's transaction, then `_drop_from_key_file` once it has committed. In that
# order a crash leaves at worst a key-file slot with no registration, which opens
# nothing (auth refuses a slot with no account; a rotation seals only to slots in
# both places), never a registered slot whose keys were already dropped.


def _retire(session: Session, slot_id: str | None) -> None:
    """Unregister a slot; inside the caller's transaction (the key file after)."""
    if slot_id:
        session.db.execute("DELETE FROM key_slot WHERE slot_id = ?", (slot_id,))
        key_tasks.forget_seals_for(session.db, slot_id)


def _drop_from_key_file(session: Session, slot_id: str | None) -> None:
    if slot_id and session.vault.keyslots.slot(slot_id) is not None:
        session.vault.keyslots.remove(slot_id)
        session.vault.keyslots.save(session.vault.paths.keys)


def _held_by(session: Session, slot_id: str | None) -> set[Compartment]:
    """The compartments a slot holds a key to (what its owner could read)."""
    slot = session.vault.keyslots.slot(slot_id) if slot_id else None
    if slot is None:
        return set()
    return {Compartment(k.what) for k in slot.keys
            if k.what in (Compartment.MAIN.value, Compartment.CASEWORK.value)}


def replace_password(session: Session, staff: Staff, password: str, *, must_change: bool,
                     action: AuditAction, detail: str = "") -> None:
    """A new slot and signing key for someone who forgot their password (or
    with the recovery key); their old slot goes and every key it held is owed
    a rotation. Reactivates a deactivated account."""
    grant = current_grant(session, staff.id)
    seed = crypto.new_signing_seed()
    old = _held_by(session, staff.slot_id)
    try:
        slot, later = new_slot(session, staff.name, password, grant.roles, seed)
        try:
            with session.db.transaction():
                _retire(session, staff.slot_id)
                staff_repo.set_slot(session.db, staff.id, slot.id, must_change=must_change)
                session.vault.register_slot(slot, staff_id=staff.id, certify_with=seed)
                if staff.status is StaffStatus.DEACTIVATED:
                    staff_repo.set_status(session.db, staff.id, StaffStatus.ACTIVE)
                    action = AuditAction.STAFF_REACTIVATED
                issue_grant(session, staff, roles=grant.roles, status=StaffStatus.ACTIVE,
                            signing_key=crypto.signing_public_key(seed))
                sealed_notes.register_own(session.db, session.vault.vault_id, staff.id, seed,
                                          utc_now())
                owe_seals(session, slot.id, later)
                keys.owe_rotation(session, old, "password reset")
                session.audit(action, "staff", str(staff.id), detail)
        except BaseException:
            session.vault.forget_slot_file_only(slot.id)
            raise
    finally:
        crypto.wipe(seed)
    _drop_from_key_file(session, staff.slot_id)


def end_access(session: Session, staff: Staff, status: StaffStatus,
               action: AuditAction) -> None:
    """Deactivate or remove: the slot goes, the grant says so, and every key
    the slot held is owed a rotation."""
    grant = current_grant(session, staff.id)
    old = _held_by(session, staff.slot_id)
    with session.db.transaction():
        staff_repo.set_status(session.db, staff.id, status)
        staff_repo.set_slot(session.db, staff.id, None, must_change=False)
        _retire(session, staff.slot_id)
        issue_grant(session, staff, roles=grant.roles, status=status,
                    signing_key=grant.signing_key)
        keys.owe_rotation(session, old, status.value)
        session.audit(action, "staff", str(staff.id))
    _drop_from_key_file(session, staff.slot_id)


def change_roles(session: Session, staff: Staff, roles: frozenset[Role]) -> None:
    grant = current_grant(session, staff.id)
    before, after = compartments_for(grant.roles), compartments_for(roles)
    lost, gained = before - after, after - before
    vault = session.vault
    try:
        with session.db.transaction():
            staff_repo.set_roles(session.db, staff.id, roles)
            issue_grant(session, staff, roles=roles, status=grant.status,
                        signing_key=grant.signing_key)
            if staff.slot_id:
                slot = vault.keyslots.slot(staff.slot_id)
                waiting = {c for c in gained if not vault.seal_to(staff.slot_id, c.value)}
                owe_seals(session, staff.slot_id, waiting)
                for compartment in lost:
                    if slot is not None:
                        vault.keyslots.unseal(slot, compartment.value)
                # They may have kept a copy of a key they no longer hold.
                keys.owe_rotation(session, set(lost), "role changed")
            session.audit(AuditAction.STAFF_ROLE_CHANGED, "staff", str(staff.id),
                          f"{','.join(sorted(r.value for r in grant.roles))} -> "
                          f"{','.join(sorted(r.value for r in roles))}")
        vault.keyslots.save(vault.paths.keys)
    except BaseException:
        vault.locked.reload_keys()
        raise


def change_own_password(session: Session, new_password: str) -> None:
    """A new slot for the same person (same signing key, same grant), holding
    what the old one held; the old slot goes and everything it opened is
    owed a rotation, so an old key file with the old password opens nothing."""
    vault = session.vault
    staff = session.staff
    seed = vault.signing_seed
    if seed is None:
        raise VaultDamaged
    give = {what for what in (Compartment.MAIN.value, Compartment.CASEWORK.value)
            if vault.holds(what)}
    if vault.holds(Compartment.AUTHORITY.value):
        give.add(Compartment.AUTHORITY.value)
    old_slot = staff.slot_id
    old = _held_by(session, old_slot)
    grant = current_grant(session, staff.id)
    # What the grant opens that this session doesn't hold yet (a new caseworker
    # whose key a colleague has still to give): owed to the new slot.
    waiting = {c for c in compartments_for(grant.roles) if not session.holds(c)}
    slot = vault.new_slot(kind=keyslots.PASSWORD, account=staff.name,
                          secret=keyslots.password_bytes(new_password),
                          params=crypto.calibrate(), give=give, signing_seed=seed, adopt=True)
    try:
        with session.db.transaction():
            _retire(session, old_slot)
            staff_repo.set_slot(session.db, staff.id, slot.id, must_change=False)
            vault.register_slot(slot, staff_id=staff.id, certify_with=seed)
            owe_seals(session, slot.id, waiting)
            keys.owe_rotation(session, old, "password changed")
            session.audit(AuditAction.PASSWORD_CHANGED, "staff", str(staff.id))
    except BaseException:
        vault.forget_slot_file_only(slot.id)
        raise
    _drop_from_key_file(session, old_slot)
    session.staff = replace(staff, slot_id=slot.id)
