"""Signing in, slowing down guessing, and recovery (docs/security.md §3).

Who signed in is settled by keys, not by the staff table: the slot that
opened must hold the signing key that the person's authority-signed grant
names, and the grant (not the table) says which roles they have and whether
the account is active.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from peerdesk.domain.audit import AuditAction
from peerdesk.domain.errors import (
    AccountInactive,
    PeerDeskError,
    SignInDelayed,
    ValidationError,
    VaultDamaged,
    WrongCredentials,
)
from peerdesk.domain.staff import Role, Staff, StaffStatus
from peerdesk.storage import signin_guard
from peerdesk.storage.vault import LockedVault, UnlockedVault, utc_now

if TYPE_CHECKING:
    from peerdesk.services.session import Session

# The sign-in window builds a SignIn right after its first paint, to list the
# accounts: what starting a session needs (the session, the key changes, the
# audit log's rules, sealed notes) loads on the first sign-in instead
# (start-up speed; tests/ui/test_start.py keeps it so).

# Free tries before waiting; then the wait doubles from 2 s up to 5 minutes.
FREE_TRIES = 3
FIRST_DELAY_S = 2
MAX_DELAY_S = 300
_ATTEMPTS_SEEN = "sign_in_attempts_seen"


class AccountNotVerified(PeerDeskError):
    default_message = (
        "This account's record in the vault could not be verified (it may have been changed "
        "outside PeerDesk), so it can't sign in. Ask an administrator to run a check of the "
        "vault. Nothing has been changed."
    )


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

    def seconds_to_wait(self, account: str = "") -> int:
        """The wait before the next try at this account name (each name its own)."""
        failures, last = signin_guard.consecutive_failures(self.locked.keyslots, account)
        if not failures or last is None:
            return 0
        remaining = (datetime.fromisoformat(last).timestamp() + delay_after(failures)
                     - self._clock())
        # Capped: a time edited into the future must not lock anyone out for long.
        return max(0, min(MAX_DELAY_S, int(remaining + 0.999)))

    def unlock(self, account: str, password: str) -> UnlockedVault:
        """Unlock without starting a session; still counted and slowed."""
        wait = self.seconds_to_wait(account)
        if wait:
            raise SignInDelayed(wait)
        try:
            vault = self.locked.unlock(account, password)
        except WrongCredentials:
            keys = self.locked.keyslots
            signin_guard.record_failure(keys, account, datetime.fromtimestamp(
                self._clock(), UTC).isoformat(timespec="seconds"))
            keys.save(self.locked.paths.keys)
            raise
        signin_guard.record_success(self.locked.keyslots, account)
        return vault

    def sign_in(self, account: str, password: str, *,
                action: AuditAction = AuditAction.SIGNED_IN, detail: str = "",
                restored: bool = False) -> Session:
        """`restored`: the vault was just restored from a backup, so it is older
        than what was recorded about it on purpose; the event says so instead."""
        return self._start_session(self.unlock(account, password), action, detail, restored)

    def _start_session(self, vault: UnlockedVault, action: AuditAction,
                       detail: str = "", restored: bool = False) -> Session:
        from peerdesk.services.session import Session
        from peerdesk.storage import crypto, sealed_notes
        from peerdesk.storage.repositories import audit as audit_repo
        from peerdesk.storage.repositories import staff as staff_repo

        recovery = action is AuditAction.RECOVERY_USED
        try:
            staff, notices, mismatch = _verified_identity(vault, recovery)
            keys = self.locked.keyslots
            failures = signin_guard.unrecorded(keys)
            with vault.db.transaction():
                if _just_split(vault):
                    _issue_upgrade_grants(vault, staff.id)
                for failure in failures:
                    audit_repo.append(
                        vault.db, at=failure.at, actor_id=None,
                        action=AuditAction.SIGN_IN_FAILED, target_kind="account",
                        target_id=failure.account,
                    )
                actor = staff.id or None
                if mismatch:
                    audit_repo.append(vault.db, at=utc_now(), actor_id=actor,
                                      action=AuditAction.ACCOUNT_RECORD_MISMATCH,
                                      target_kind="staff", target_id=str(staff.id),
                                      detail=mismatch)
                if vault.pinned_now:
                    # An account from before pins trusts the authority from now on:
                    # recorded, so a later look at the log can tell which it trusted.
                    audit_repo.append(vault.db, at=utc_now(), actor_id=actor,
                                      action=AuditAction.AUTHORITY_TRUSTED,
                                      detail=crypto.fingerprint(vault.trusted_authority or b""))
                notices += _guard_reset(vault, actor)
                if not restored:
                    notices += _older_than_recorded(vault, actor)
                    notices += _older_than_seen(vault, actor)
                # Work the unlock itself did is recorded under the person who unlocked.
                upgrade = vault.migration
                if upgrade is not None and upgrade.to_version > upgrade.from_version:
                    audit_repo.append(vault.db, at=utc_now(), actor_id=actor,
                                      action=AuditAction.VAULT_MIGRATED,
                                      detail=f"schema {upgrade.from_version} -> "
                                             f"{upgrade.to_version}")
                target = ("vault", "restored") if restored else ("", "")
                audit_repo.append(vault.db, at=utc_now(), actor_id=actor, action=action,
                                  target_kind=target[0], target_id=target[1], detail=detail)
                if not recovery and vault.signing_seed is not None:
                    # So notes can be sealed to this person (supervision, journals).
                    sealed_notes.register_own(vault.db, vault.vault_id, staff.id,
                                              vault.signing_seed, utc_now())
            signin_guard.clear_unrecorded(keys)
            keys.save(self.locked.paths.keys)
        except BaseException:
            vault.close()
            raise
        if recovery:
            return Session(vault=vault, staff=staff, recovery_only=True,
                           failed_sign_ins_since_last=len(failures), notices=notices)
        return Session(
            vault=vault,
            staff=staff,
            must_change_password=staff_repo.must_change_password(vault.db, staff.id),
            failed_sign_ins_since_last=len(failures),
            notices=notices,
        )

    # -- recovery -----------------------------------------------------------------

    def open_with_recovery_key(self, typed_key: str, *, detail: str = "",
                               restored: bool = False) -> Session:
        """A session that may only set a new admin password (see recover_admin)."""
        vault = self.locked.unlock_with_recovery_key(typed_key)
        return self._start_session(vault, AuditAction.RECOVERY_USED, detail, restored)


# Stands for "whoever holds the recovery key" until they choose an admin account.
_RECOVERY_STAFF = Staff(
    id=0, name="Recovery key", roles=frozenset({Role.ADMIN}), status=StaffStatus.ACTIVE,
    slot_id=None, created_at="",
)


def _verified_identity(vault: UnlockedVault, recovery: bool) -> tuple[Staff, list[str], str]:
    """The signed-in person as their grant says, the notices for them, and
    what the staff table says differently ("" when nothing)."""
    from peerdesk.storage import audit_rules, crypto
    from peerdesk.storage.repositories import grants
    from peerdesk.storage.repositories import staff as staff_repo
    from peerdesk.storage.signer import AUTHORITY_SIGNER, Signer

    if not vault.authority_pin_ok or vault.trusted_authority is None:
        raise AccountNotVerified(
            "The vault's authority key is not the one your account trusts: the vault may "
            "have been changed outside PeerDesk, so it won't sign you in. Ask an "
            "administrator to run a check of the vault. Nothing has been changed.")
    if recovery:
        if vault.authority_seed is None:
            raise VaultDamaged
        vault.set_signer(Signer.from_seed(vault.vault_id, AUTHORITY_SIGNER,
                                          bytearray(vault.authority_seed)))
        return _RECOVERY_STAFF, [], ""
    staff = staff_repo.by_slot(vault.db, vault.slot.id)
    if staff is None:
        # A slot with no account behind it (left by an interrupted change)
        # opens nothing.
        raise WrongCredentials
    grant = grants.newest_valid(vault.db, vault.vault_id, vault.trusted_authority, staff.id)
    seed = vault.signing_seed
    if grant is None or seed is None or crypto.signing_public_key(seed) != grant.signing_key:
        raise AccountNotVerified
    # The newest grant the signed log issued must be the one in force: a newer
    # one deleted (a demotion or a deactivation undone) leaves them unequal.
    issued = audit_rules.newest_issued(vault.db, staff.id)
    if issued != (grant.serial, grant.fingerprint()) and not (issued is None
                                                               and _just_split(vault)):
        raise AccountNotVerified
    # ...and issued by someone who was an administrator then (a demoted one who
    # kept the authority key could sign grants, but not as an administrator).
    if issued is not None and not audit_rules.issued_by_an_administrator(
            vault.db, vault.vault_id, vault.trusted_authority, staff.id):
        raise AccountNotVerified
    if grant.status is not StaffStatus.ACTIVE:
        raise AccountInactive
    mismatch = ""
    if staff.roles != grant.roles or staff.status is not grant.status:
        mismatch = (f"table says {','.join(sorted(r.value for r in staff.roles))}/"
                    f"{staff.status.value}; signed grant says "
                    f"{','.join(sorted(r.value for r in grant.roles))}/{grant.status.value}")
    vault.set_signer(Signer.from_seed(vault.vault_id, staff.id, bytearray(seed)))
    notices = []
    if mismatch:
        notices.append("Your account's record was changed outside PeerDesk; you are signed in "
                       "with the roles an administrator gave you. It has been noted in the "
                       "audit log.")
    return replace(staff, roles=grant.roles, status=grant.status), notices, mismatch


def _just_split(vault: UnlockedVault) -> bool:
    from peerdesk.storage.migrations import SPLIT_VERSION

    upgrade = vault.migration
    return upgrade is not None and upgrade.from_version < SPLIT_VERSION <= upgrade.to_version


def _issue_upgrade_grants(vault: UnlockedVault, upgrader: int) -> None:
    """An upgraded vault's grants were made all at once; their signed events are
    the first of its signed log, the upgrader's own first."""
    from peerdesk.storage.repositories import audit as audit_repo
    from peerdesk.storage.repositories import grants

    made = [g for g in grants.history(vault.db) if g.serial == 1 and g.issued_by is None]
    made.sort(key=lambda g: (g.staff_id != upgrader, g.staff_id))
    for grant in made:
        audit_repo.append(vault.db, at=utc_now(), actor_id=upgrader,
                          action=AuditAction.GRANT_ISSUED, target_kind="staff",
                          target_id=str(grant.staff_id), detail=grants.event_detail(grant))


def _older_than_seen(vault: UnlockedVault, actor: int | None) -> list[str]:
    """The log against what this person saw when they last signed out (kept in
    their own slot, where only their password's key can vouch for it)."""
    from peerdesk.storage import anchors
    from peerdesk.storage.repositories import audit as audit_repo

    problem = None
    if vault.seen_forged:
        problem = ("the record in your key slot of what you saw last time was changed outside "
                   "PeerDesk")
    elif vault.last_seen is not None:
        problem = anchors.contradiction(vault.db, anchors.Anchor(
            int(vault.last_seen["count"]), str(vault.last_seen["head"])))
    if problem is None:
        return []
    audit_repo.append(vault.db, at=utc_now(), actor_id=actor,
                      action=AuditAction.VAULT_OLDER_THAN_RECORDED,
                      detail=f"against what this account last saw: {problem}")
    return [f"The audit log is not as you left it: {problem}. It has been noted in the audit "
            "log; tell your programme lead."]


def _guard_reset(vault: UnlockedVault, actor: int | None) -> list[str]:
    """A key file put back from an older copy (or its failed-sign-in record
    edited out) is noticed by its attempt counter going backwards."""
    from peerdesk.storage.repositories import audit as audit_repo
    from peerdesk.storage.repositories.meta import get_meta, set_meta

    seen = int(get_meta(vault.db, _ATTEMPTS_SEEN) or 0)
    now = signin_guard.attempts(vault.keyslots)
    set_meta(vault.db, _ATTEMPTS_SEEN, str(now))
    if now >= seen:
        return []
    audit_repo.append(vault.db, at=utc_now(), actor_id=actor,
                      action=AuditAction.SIGN_IN_RECORD_RESET,
                      detail=f"{seen} failed tries recorded before, {now} now")
    return ["The record of failed sign-ins was reset since the last sign-in (the key file "
            "may have been replaced). It has been noted in the audit log."]


def _older_than_recorded(vault: UnlockedVault, actor: int | None) -> list[str]:
    """The vault against the head kept in its key file and in the newest backup."""
    from peerdesk.storage import anchors
    from peerdesk.storage.backup import list_backups
    from peerdesk.storage.repositories import audit as audit_repo
    from peerdesk.storage.repositories.meta import get_setting

    found = []
    mirrored = anchors.in_key_file(vault.keyslots)
    if mirrored is not None:
        problem = anchors.contradiction(vault.db, mirrored)
        if problem:
            found.append(("key file", problem))
    folder = get_setting(vault.db, "backup_folder", "") or ""
    if folder:
        from pathlib import Path

        newest = next(iter(list_backups(Path(folder))), None)
        anchor = anchors.in_backup(newest.paths.keys) if newest else None
        if anchor is not None:
            problem = anchors.contradiction(vault.db, anchor)
            if problem:
                found.append((f"newest backup ({newest.path.name})", problem))  # type: ignore[union-attr]
    for source, problem in found:
        audit_repo.append(vault.db, at=utc_now(), actor_id=actor,
                          action=AuditAction.VAULT_OLDER_THAN_RECORDED,
                          detail=f"against the {source}: {problem}")
    if not found:
        return []
    return ["This vault is older than what was recorded about it "
            f"({'; '.join(f'{s}: {p}' for s, p in found)}). It may have been put back from "
            "an older copy. It has been noted in the audit log; tell your programme lead."]


def is_recovery(session: Session) -> bool:
    return session.recovery_only


def recovery_admin_choices(session: Session) -> list[Staff]:
    from peerdesk.storage.repositories import staff as staff_repo

    if not is_recovery(session):
        raise WrongCredentials
    return [s for s in staff_repo.list_all(session.db) if Role.ADMIN in s.roles]


def recover_admin(session: Session, staff_id: int, new_password: str, confirm: str) -> Session:
    """Set a new password for an admin account after unlocking with the recovery key.

    Returns a normal session signed in as that admin.
    """
    from peerdesk.domain.validation import check_new_password
    from peerdesk.services import key_changes
    from peerdesk.services.session import Session
    from peerdesk.storage.repositories import grants
    from peerdesk.storage.repositories import staff as staff_repo

    if not is_recovery(session):
        raise WrongCredentials
    staff = staff_repo.get(session.db, staff_id)
    if Role.ADMIN not in staff.roles or staff.status is StaffStatus.REMOVED:
        raise ValidationError("Choose an administrator account.", field="account")
    check_new_password(new_password, confirm, account_name=staff.name)
    key_changes.replace_password(session, staff, new_password, must_change=False,
                                 action=AuditAction.STAFF_PASSWORD_RESET,
                                 detail="with the recovery key")
    vault = session.vault
    fresh = staff_repo.get(vault.db, staff.id)
    if fresh.slot_id is None:
        raise VaultDamaged
    grant = grants.newest_valid(vault.db, vault.vault_id, vault.trusted_authority, staff.id)
    if grant is None:
        raise VaultDamaged
    return Session(vault=vault, staff=replace(fresh, roles=grant.roles, status=grant.status))
