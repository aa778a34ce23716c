"""First run: a new vault, the centre's name and the first administrator."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from peerdesk.domain.audit import AuditAction
from peerdesk.domain.staff import Compartment, Role, StaffStatus, compartments_for
from peerdesk.domain.validation import CENTRE_NAME_MAX, check_new_password, clean_name
from peerdesk.services.session import Session
from peerdesk.storage import crypto, keyslots, sealed_notes
from peerdesk.storage.paths import VaultPaths
from peerdesk.storage.repositories import audit as audit_repo
from peerdesk.storage.repositories import grants
from peerdesk.storage.repositories import staff as staff_repo
from peerdesk.storage.repositories.meta import set_setting
from peerdesk.storage.signer import Signer
from peerdesk.storage.vault import create_vault, utc_now

NO_BACKDOOR_NOTICE = (
    "PeerDesk encrypts everything it stores. Without a staff password or this recovery "
    "key, nobody can read the data — not your IT support, and not the people who make "
    "PeerDesk. Print it or write it down, and keep it somewhere safe away from this computer."
)


@dataclass(frozen=True, slots=True)
class NewCentre:
    session: Session
    recovery_key: str


def check_setup_form(centre_name: str, admin_name: str, password: str, confirm: str) -> None:
    """Everything the wizard can check before it spends time creating files."""
    clean_name(centre_name, what="The centre's name", maximum=CENTRE_NAME_MAX)
    name = clean_name(admin_name)
    check_new_password(password, confirm, account_name=name)


def create_centre(paths: VaultPaths, *, centre_name: str, admin_name: str, password: str,
                  confirm: str, roles: Iterable[Role] = (Role.ADMIN,)) -> NewCentre:
    """A new vault whose first person is its administrator (and may hold other
    roles too: in a small centre one person is often also the programme lead).

    The first person is given the casework key even as an administrator only,
    so that they can hand it to the colleagues they add; if their roles don't
    open casework, it is rotated away from them at the first casework sign-in
    (docs/security.md §2).
    """
    chosen = frozenset(roles) | {Role.ADMIN}
    check_setup_form(centre_name, admin_name, password, confirm)
    centre = clean_name(centre_name, what="The centre's name", maximum=CENTRE_NAME_MAX)
    name = clean_name(admin_name)
    vault, recovery_key = create_vault(paths)
    seed = crypto.new_signing_seed()
    try:
        slot = vault.new_slot(
            kind=keyslots.PASSWORD, account=name, secret=keyslots.password_bytes(password),
            params=crypto.calibrate(), signing_seed=seed, adopt=True,
            give={Compartment.MAIN.value, Compartment.CASEWORK.value,
                  Compartment.AUTHORITY.value},
        )
        with vault.db.transaction():
            set_setting(vault.db, "centre_name", centre)
            # Automatic backup starts off: it has no folder yet (first steps on Today).
            set_setting(vault.db, "backup_auto", "0")
            # Confirmed when the wizard's last page is finished.
            set_setting(vault.db, "recovery_key_stored", "")
            staff = staff_repo.insert(vault.db, name=name, roles=chosen, slot_id=slot.id,
                                      created_at=utc_now())
            vault.register_slot(slot, staff_id=staff.id, certify_with=seed)
            sealed_notes.register_own(vault.db, vault.vault_id, staff.id, seed, utc_now())
            assert vault.authority_seed is not None
            grant = grants.issue(
                vault.db, vault_id=vault.vault_id, authority_seed=vault.authority_seed,
                staff_id=staff.id, name_key=staff_repo.name_key(name), roles=chosen,
                status=StaffStatus.ACTIVE, signing_key=crypto.signing_public_key(seed),
                issued_at=utc_now(), issued_by=None)
            vault.set_signer(Signer.from_seed(vault.vault_id, staff.id, bytearray(seed)))
            # The vault's first event: its first person's grant, signed by them.
            audit_repo.append(vault.db, at=utc_now(), actor_id=staff.id,
                              action=AuditAction.GRANT_ISSUED, target_kind="staff",
                              target_id=str(staff.id), detail=grants.event_detail(grant))
            audit_repo.append(vault.db, at=utc_now(), actor_id=staff.id,
                              action=AuditAction.VAULT_CREATED)
            if Compartment.CASEWORK not in compartments_for(chosen):
                audit_repo.append(vault.db, at=utc_now(), actor_id=staff.id,
                                  action=AuditAction.ROTATION_OWED, target_kind="compartment",
                                  target_id=Compartment.CASEWORK.value,
                                  detail="held by the administrator who set up the vault")
            audit_repo.append(vault.db, at=utc_now(), actor_id=staff.id,
                              action=AuditAction.SIGNED_IN)
        vault.signing_seed = bytearray(seed)
    except BaseException:
        locked = vault.close()
        locked.release()
        for path in (*paths.database_files(), paths.keys):
            path.unlink(missing_ok=True)
        raise
    finally:
        crypto.wipe(seed)
    return NewCentre(Session(vault=vault, staff=staff), recovery_key)
