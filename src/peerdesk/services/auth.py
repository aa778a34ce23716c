"""Signing in, slowing down guessing, and recovery."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, datetime

from peerdesk.domain.audit import AuditAction
from peerdesk.domain.errors import (
    AccountInactive,
    SignInDelayed,
    ValidationError,
    VaultDamaged,
    WrongCredentials,
)
from peerdesk.domain.staff import Role, Staff, StaffStatus
from peerdesk.domain.validation import check_new_password
from peerdesk.services.session import Session
from peerdesk.storage import crypto, keyslots, signin_log
from peerdesk.storage.repositories import audit as audit_repo
from peerdesk.storage.repositories import staff as staff_repo
from peerdesk.storage.vault import LockedVault, UnlockedVault, utc_now

# Free tries before waiting; then the wait doubles from 2 s up to 5 minutes.
FREE_TRIES = 3
FIRST_DELAY_S = 2
MAX_DELAY_S = 300


def delay_after(consecutive_failures: int) -> int:
    if consecutive_failures < FREE_TRIES:
        return 0
    return int(min(MAX_DELAY_S, FIRST_DELAY_S * 2 ** (consecutive_failures - FREE_TRIES)))


class SignIn:
    """What the sign-in screen talks to. `clock` is injectable for tests."""

    def __init__(self, locked: LockedVault, clock: Callable[[], float] = time.time) -> None:
        self.locked = locked
        self._clock = clock

    def accounts(self) -> list[str]:
        return self.locked.accounts()

    def seconds_to_wait(self) -> int:
        failures = signin_log.read(self.locked.paths.signin_log)
        if not failures:
            return 0
        last = datetime.fromisoformat(failures[-1].at).timestamp()
        remaining = last + delay_after(len(failures)) - self._clock()
        # Capped: a time edited into the future must not lock everyone out.
        return max(0, min(MAX_DELAY_S, int(remaining + 0.999)))

    def unlock(self, account: str, password: str) -> UnlockedVault:
        """Unlock without starting a session (for `peerdesk check`); still counted and slowed."""
        wait = self.seconds_to_wait()
        if wait:
            raise SignInDelayed(wait)
        try:
            return self.locked.unlock(account, password)
        except WrongCredentials:
            # The account's own spelling, not as typed (" ada admin "), so the
            # audit log names one account one way.
            slots = self.locked.keyslots.slots_for(account)
            known = (slots[0].account or "") if slots else ""
            signin_log.record(self.locked.paths.signin_log, signin_log.FailedSignIn(
                at=datetime.fromtimestamp(self._clock(), UTC).isoformat(timespec="seconds"),
                account=known))
            raise

    def sign_in(self, account: str, password: str) -> Session:
        return self._start_session(self.unlock(account, password), AuditAction.SIGNED_IN)

    def _start_session(self, vault: UnlockedVault, action: AuditAction) -> Session:
        try:
            staff = staff_repo.by_slot(vault.db, vault.slot.id)
            if staff is None and action is not AuditAction.RECOVERY_USED:
                # A slot with no account behind it (left by an interrupted
                # change) opens nothing.
                raise WrongCredentials
            if staff is not None and not staff.is_active:
                raise AccountInactive
            failures = signin_log.read(self.locked.paths.signin_log)
            with vault.db.transaction():
                for failure in failures:
                    audit_repo.append(
                        vault.db, at=failure.at, actor_id=None,
                        action=AuditAction.SIGN_IN_FAILED, target_kind="account",
                        target_id=failure.account,
                    )
                actor = staff.id if staff else None
                # Work the unlock itself did is recorded under the person who unlocked.
                upgrade = vault.migration
                if upgrade is not None and upgrade.to_version > upgrade.from_version:
                    audit_repo.append(vault.db, at=utc_now(), actor_id=actor,
                                      action=AuditAction.VAULT_MIGRATED,
                                      detail=f"schema {upgrade.from_version} -> "
                                             f"{upgrade.to_version}")
                if vault.rekeyed_on_open:
                    audit_repo.append(vault.db, at=utc_now(), actor_id=actor,
                                      action=AuditAction.VAULT_REKEYED,
                                      detail="finished after an interruption")
                audit_repo.append(vault.db, at=utc_now(), actor_id=actor, action=action)
            signin_log.clear(self.locked.paths.signin_log)
        except BaseException:
            vault.close()
            raise
        if staff is None:
            # Recovery: the caller will set an admin password next.
            return Session(vault=vault, staff=_RECOVERY_STAFF, recovery_only=True,
                           failed_sign_ins_since_last=len(failures))
        return Session(
            vault=vault,
            staff=staff,
            must_change_password=staff_repo.must_change_password(vault.db, staff.id),
            failed_sign_ins_since_last=len(failures),
        )

    # -- recovery -----------------------------------------------------------------

    def open_with_recovery_key(self, typed_key: str) -> Session:
        """A session that may only set a new admin password (see recover_admin)."""
        vault = self.locked.unlock_with_recovery_key(typed_key)
        return self._start_session(vault, AuditAction.RECOVERY_USED)


# Stands for "whoever holds the recovery key" until they choose an admin account.
_RECOVERY_STAFF = Staff(
    id=0, name="Recovery key", role=Role.ADMIN, status=StaffStatus.ACTIVE, slot_id=None,
    created_at="",
)


def is_recovery(session: Session) -> bool:
    return session.recovery_only


def recovery_admin_choices(session: Session) -> list[Staff]:
    if not is_recovery(session):
        raise WrongCredentials
    return [s for s in staff_repo.list_all(session.db) if s.role is Role.ADMIN]


def recover_admin(session: Session, staff_id: int, new_password: str, confirm: str) -> Session:
    """Set a new password for an admin account after unlocking with the recovery key.

    Returns a normal session signed in as that admin.
    """
    if not is_recovery(session):
        raise WrongCredentials
    staff = staff_repo.get(session.db, staff_id)
    if staff.role is not Role.ADMIN or staff.status is StaffStatus.REMOVED:
        raise ValidationError("Choose an administrator account.", field="account")
    check_new_password(new_password, confirm, account_name=staff.name)
    vault = session.vault
    old_slot = staff.slot_id
    slot = vault.add_slot(kind=keyslots.PASSWORD, account=staff.name,
                          secret=keyslots.password_bytes(new_password), params=crypto.calibrate())
    try:
        with vault.db.transaction():
            if old_slot:
                vault.db.execute("DELETE FROM key_slot WHERE slot_id = ?", (old_slot,))
            staff_repo.set_slot(vault.db, staff.id, slot.id, must_change=False)
            staff_repo.set_status(vault.db, staff.id, StaffStatus.ACTIVE)
            audit_repo.append(vault.db, at=utc_now(), actor_id=staff.id,
                              action=AuditAction.STAFF_PASSWORD_RESET, target_kind="staff",
                              target_id=str(staff.id), detail="with the recovery key")
    except BaseException:
        vault.forget_slot(slot.id)
        raise
    if old_slot:
        vault.keyslots.remove(old_slot)
        vault.keyslots.save(vault.paths.keys)
    fresh = staff_repo.get(vault.db, staff.id)
    if fresh.slot_id is None:
        raise VaultDamaged
    return Session(vault=vault, staff=fresh)
