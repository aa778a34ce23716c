"""First run: a new vault, the centre's name and the first administrator."""

from __future__ import annotations

from dataclasses import dataclass

from peerdesk.domain.audit import AuditAction
from peerdesk.domain.staff import Role
from peerdesk.domain.validation import CENTRE_NAME_MAX, check_new_password, clean_name
from peerdesk.services.session import Session
from peerdesk.storage import crypto, keyslots
from peerdesk.storage.paths import VaultPaths
from peerdesk.storage.repositories import audit as audit_repo
from peerdesk.storage.repositories import staff as staff_repo
from peerdesk.storage.repositories.meta import set_setting
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
                  confirm: str) -> NewCentre:
    check_setup_form(centre_name, admin_name, password, confirm)
    centre = clean_name(centre_name, what="The centre's name", maximum=CENTRE_NAME_MAX)
    name = clean_name(admin_name)
    vault, recovery_key = create_vault(paths)
    try:
        slot = vault.add_slot(kind=keyslots.PASSWORD, account=name,
                              secret=keyslots.password_bytes(password), params=crypto.calibrate())
        with vault.db.transaction():
            set_setting(vault.db, "centre_name", centre)
            staff = staff_repo.insert(vault.db, name=name, role=Role.ADMIN, slot_id=slot.id,
                                      created_at=utc_now())
            audit_repo.append(vault.db, at=utc_now(), actor_id=staff.id,
                              action=AuditAction.VAULT_CREATED)
            audit_repo.append(vault.db, at=utc_now(), actor_id=staff.id,
                              action=AuditAction.SIGNED_IN)
    except BaseException:
        locked = vault.close()
        locked.release()
        for path in (paths.database, paths.keys):
            path.unlink(missing_ok=True)
        raise
    return NewCentre(Session(vault=vault, staff=staff), recovery_key)
