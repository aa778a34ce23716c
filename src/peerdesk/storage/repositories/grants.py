"""Role grants signed by the vault's authority key (docs/security.md §3).

A grant says: staff member N, named so, holds these roles with this status,
and signs with this key. Only a holder of the authority key (an
administrator, or the recovery key) can issue one, so a role written into
the staff table with plain SQL grants nothing: sign-in and `check` believe
the newest grant whose signature verifies.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from peerdesk.domain.staff import Role, StaffStatus, parse_roles, roles_code
from peerdesk.storage import crypto
from peerdesk.storage.database import Database
from peerdesk.storage.repositories.rows import one_or_none

_COLUMNS = ("staff_id, serial, name_key, roles, status, signing_key, issued_at, issued_by, "
            "signature")


@dataclass(frozen=True, slots=True)
class Grant:
    staff_id: int
    serial: int
    name_key: str
    roles: frozenset[Role]
    status: StaffStatus
    signing_key: bytes
    issued_at: str
    issued_by: int | None
    signature: bytes

    def message(self, vault_id: str) -> bytes:
        return _message(vault_id, self.staff_id, self.serial, self.name_key, self.roles,
                        self.status, self.signing_key, self.issued_at, self.issued_by)

    def fingerprint(self) -> str:
        """Names this exact grant in the audit log (grant_issued events)."""
        import hashlib

        return hashlib.sha256(self.signature).hexdigest()[:24]

    def verifies(self, vault_id: str, authority: bytes | None) -> bool:
        if authority is None:
            return False
        try:
            crypto.verify(authority, self.signature, self.message(vault_id))
        except crypto.BadSignature:
            return False
        return True


def _message(vault_id: str, staff_id: int, serial: int, name_key: str,
             roles: frozenset[Role], status: StaffStatus, signing_key: bytes, issued_at: str,
             issued_by: int | None) -> bytes:
    return json.dumps(
        ["peerdesk-grant", vault_id, staff_id, serial, name_key, roles_code(roles),
         status.value, signing_key.hex(), issued_at, issued_by],
        ensure_ascii=True, separators=(",", ":"),
    ).encode("ascii")


def _row(row: Any) -> Grant:
    return Grant(
        staff_id=int(row[0]), serial=int(row[1]), name_key=str(row[2]),
        roles=parse_roles(str(row[3])), status=StaffStatus(row[4]),
        signing_key=bytes(row[5]), issued_at=str(row[6]),
        issued_by=None if row[7] is None else int(row[7]), signature=bytes(row[8]),
    )


def issue(db: Database, *, vault_id: str, authority_seed: bytes | bytearray, staff_id: int,
          name_key: str, roles: frozenset[Role], status: StaffStatus, signing_key: bytes,
          issued_at: str, issued_by: int | None) -> Grant:
    """Sign and store the next grant for `staff_id`; call inside the change's transaction."""
    serial = int(db.scalar("SELECT coalesce(max(serial), 0) + 1 FROM role_grant "
                           "WHERE staff_id = ?", (staff_id,)))
    signature = crypto.sign(authority_seed, _message(
        vault_id, staff_id, serial, name_key, roles, status, signing_key, issued_at, issued_by))
    db.execute(
        f"INSERT INTO role_grant ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (staff_id, serial, name_key, roles_code(roles), status.value, signing_key, issued_at,
         issued_by, signature),
    )
    return Grant(staff_id, serial, name_key, roles, status, signing_key, issued_at, issued_by,
                 signature)


def history(db: Database, staff_id: int | None = None) -> list[Grant]:
    """Every grant, oldest first (of one person, or of everyone)."""
    if staff_id is None:
        rows = db.query(f"SELECT {_COLUMNS} FROM role_grant ORDER BY staff_id, serial")
    else:
        rows = db.query(f"SELECT {_COLUMNS} FROM role_grant WHERE staff_id = ? ORDER BY serial",
                        (staff_id,))
    return [_row(r) for r in rows]


def newest_valid(db: Database, vault_id: str, authority: bytes | None,
                 staff_id: int) -> Grant | None:
    """The newest of this person's grants that the authority really signed.

    A newer grant that does not verify (written with SQL) is passed over, so
    it can neither raise nor lower anyone's roles.
    """
    for grant in reversed(history(db, staff_id)):
        if grant.verifies(vault_id, authority):
            return grant
    return None


def by_serial(db: Database, staff_id: int, serial: int) -> Grant | None:
    return one_or_none(db.query(
        f"SELECT {_COLUMNS} FROM role_grant WHERE staff_id = ? AND serial = ?",
        (staff_id, serial)), _row)


def event_detail(grant: Grant) -> str:
    """The grant_issued event's detail: which grant, exactly."""
    return f"{grant.serial} {grant.fingerprint()}"


def parse_event_detail(detail: str) -> tuple[int, str] | None:
    serial, _, fingerprint = detail.partition(" ")
    try:
        return int(serial), fingerprint
    except ValueError:
        return None


def slot_certificate_message(vault_id: str, staff_id: int, slot_id: str,
                             public_key: bytes) -> bytes:
    return f"peerdesk-slot|{vault_id}|{staff_id}|{slot_id}|{public_key.hex()}".encode("ascii")


def valid_signing_keys(db: Database, vault_id: str,
                       authority: bytes | None) -> dict[int, set[bytes]]:
    """Every signing key each person was ever granted: their audit events
    verify under any of them (a password reset gives a new one)."""
    keys: dict[int, set[bytes]] = {}
    for grant in history(db):
        if grant.verifies(vault_id, authority):
            keys.setdefault(grant.staff_id, set()).add(grant.signing_key)
    return keys
