"""Signed grants and signing keys on the team server (team migration 12).

As on a vault (storage/repositories/grants.py, docs/security.md §3), each
person signs their audit events with their own Ed25519 key, and a key counts
only when the centre's authority granted it: a row of `main.role_grant`
signed with the authority key. The server can't check a signature, so it
only refuses grants from logins that hold no authority key (row-level
security); every client checks the signatures themselves.

Private halves live in key slots, sealed as the compartment keys are
(storage/team/keys.py): `signing` in each person's slot, `authority` in the
administrators'. Where they come from:

* `team init` makes the authority key with the first administrator
  (`start_authority`), and the centre's audit origin (nothing before it);
* a vault moved in brings its grants and authority's public key; the person
  moving it brings their own granted key into their slot;
* an administrator holding the authority gives each new person (`team
  add-person`, a joining login) a signing key and its grant
  (`give_signing_key`), and a deactivation is a grant saying so (`revoke`).

The checker (`TeamSignatures`) takes the grants valid at each event's time.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from peerdesk.domain.audit import AuditAction
from peerdesk.domain.staff import Role, StaffStatus, parse_roles, roles_code
from peerdesk.storage import crypto, keyslots
from peerdesk.storage.repositories import audit as audit_repo
from peerdesk.storage.repositories.grants import Grant
from peerdesk.storage.repositories.staff import name_key
from peerdesk.storage.signer import Signer
from peerdesk.storage.team.fieldcrypt import FieldCipher
from peerdesk.storage.team.keys import seal_to
from peerdesk.storage.team.schema import Conn, centre_id
from peerdesk.storage.vault import AUTHORITY_META, utc_now

_VAULT_ID = "vault_id"
_ORIGIN = "audit_origin"
# Where the team's own part of the log begins: a team made on the server, or
# the move of a vault (before it, the vault's chain, checked by the vault's rules).
_TEAM_BEGINS = frozenset({AuditAction.TEAM_CREATED.value, AuditAction.TEAM_MOVED_IN.value})


def meta(conn: Conn) -> dict[str, str]:
    return {str(k): str(v) for k, v in conn.execute("SELECT key, value FROM main.meta")}


def every_grant(conn: Conn, main: FieldCipher) -> list[Grant]:
    """Every grant on the server, oldest first per person, names opened (as signed)."""
    found = []
    for row in conn.execute(
            "SELECT staff_id, serial, name_key, roles, status, signing_key, issued_at, "
            "issued_by, signature FROM main.role_grant ORDER BY staff_id, serial"):
        staff_id, serial = int(row[0]), int(row[1])
        found.append(Grant(
            staff_id, serial, main.open("role_grant", "name_key", f"{staff_id}/{serial}", row[2]),
            parse_roles(str(row[3])), StaffStatus(row[4]), bytes(row[5]), str(row[6]),
            None if row[7] is None else int(row[7]), bytes(row[8])))
    return found


def signature_keys(conn: Conn, main: FieldCipher) -> tuple[audit_repo.SignatureKeys,
                                                           dict[int, list[Grant]]]:
    """What the authority granted: each person's keys (the vault's checker's
    form) and their grants in order (for which was valid when)."""
    found = meta(conn)
    vault_id = found.get(_VAULT_ID, "")
    authority_hex = found.get(AUTHORITY_META) or ""
    authority = bytes.fromhex(authority_hex) if authority_hex else None
    by_staff: dict[int, set[bytes]] = {}
    timeline: dict[int, list[Grant]] = {}
    for grant in every_grant(conn, main):
        if grant.verifies(vault_id, authority):
            by_staff.setdefault(grant.staff_id, set()).add(grant.signing_key)
            timeline.setdefault(grant.staff_id, []).append(grant)
    return audit_repo.SignatureKeys(vault_id, by_staff, authority), timeline


def signed_from(conn: Conn) -> int:
    """The first event that had to be signed (team migration 12)."""
    row = conn.execute("SELECT signed_from FROM main.team_audit_signing").fetchone()
    return 1 if row is None else int(row[0])


# -- issuing -------------------------------------------------------------------------------

def issue(conn: Conn, main: FieldCipher, *, authority_seed: bytes | bytearray, staff_id: int,
          name_key_of: str, roles: frozenset[Role], status: StaffStatus, signing_key: bytes,
          issued_by: int | None) -> Grant:
    """Sign and store `staff_id`'s next grant, as the vault's grants.issue does;
    inside the caller's transaction."""
    vault_id = meta(conn).get(_VAULT_ID, "")
    row = conn.execute("SELECT coalesce(max(serial), 0) + 1 FROM main.role_grant "
                       "WHERE staff_id = %s", (staff_id,)).fetchone()
    assert row is not None
    serial = int(row[0])
    unsigned = Grant(staff_id, serial, name_key_of, roles, status, signing_key, utc_now(),
                     issued_by, b"")
    grant = replace(unsigned, signature=crypto.sign(authority_seed, unsigned.message(vault_id)))
    conn.execute(
        "INSERT INTO main.role_grant (staff_id, serial, name_key, roles, status, signing_key, "
        "issued_at, issued_by, signature) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s)",
        (staff_id, serial, main.seal("role_grant", "name_key", f"{staff_id}/{serial}",
                                     name_key_of),
         roles_code(roles), status.value, signing_key, grant.issued_at, issued_by,
         grant.signature))
    return grant


def give_signing_key(conn: Conn, main: FieldCipher, *, slot: keyslots.Slot, staff_id: int,
                     name: str, roles: Sequence[Role], authority_seed: bytes | bytearray,
                     issued_by: int | None) -> Signer:
    """A new signing key for `staff_id`, sealed to their slot, and the grant
    naming it; their signer (the caller wipes it). In the caller's transaction."""
    seed = crypto.new_signing_seed()
    try:
        seal_to(conn, centre_id(conn), staff_id, slot, keyslots.SIGNING, 1, seed, issued_by)
        signer = Signer.from_seed(meta(conn).get(_VAULT_ID, ""), staff_id, bytearray(seed))
        issue(conn, main, authority_seed=authority_seed, staff_id=staff_id,
              name_key_of=name_key(name), roles=frozenset(roles), status=StaffStatus.ACTIVE,
              signing_key=signer.public_key, issued_by=issued_by)
        return signer
    finally:
        crypto.wipe(seed)


def start_authority(conn: Conn, main: FieldCipher, *, slot: keyslots.Slot, staff_id: int,
                    name: str) -> Signer:
    """A centre made on the server: its authority key, sealed to the first
    administrator's slot, the audit origin (nothing before the first event),
    and the administrator's own signing key and grant; their signer. Run as
    the set-up account, in `team init`'s transaction."""
    centre = centre_id(conn)
    vault_id = f"team-{centre}"
    authority = crypto.new_signing_seed()
    try:
        conn.execute(
            "INSERT INTO main.meta (key, value) VALUES (%s, %s), (%s, %s), (%s, %s)",
            (_VAULT_ID, vault_id, AUTHORITY_META, crypto.signing_public_key(authority).hex(),
             _ORIGIN, audit_repo.origin_record(vault_id, authority, 0, audit_repo.GENESIS)))
        seal_to(conn, centre, staff_id, slot, keyslots.AUTHORITY, 1, authority, None)
        return give_signing_key(conn, main, slot=slot, staff_id=staff_id, name=name,
                                roles=[Role.ADMIN], authority_seed=authority, issued_by=None)
    finally:
        crypto.wipe(authority)


def revoke(conn: Conn, main: FieldCipher, *, authority_seed: bytes | bytearray, staff_id: int,
           issued_by: int) -> Grant | None:
    """A grant saying `staff_id` was deactivated (same key, so an event they
    sign after it fails the check); None when they had no valid grant."""
    _keys, timeline = signature_keys(conn, main)
    current = timeline.get(staff_id)
    if not current:
        return None
    newest = current[-1]
    return issue(conn, main, authority_seed=authority_seed, staff_id=staff_id,
                 name_key_of=newest.name_key, roles=newest.roles,
                 status=StaffStatus.DEACTIVATED, signing_key=newest.signing_key,
                 issued_by=issued_by)


def signer_for(conn: Conn, staff_id: int, seed: bytes | bytearray | None) -> Signer | None:
    """The signed-in person's signer from the signing seed their slot gave (None: none)."""
    if seed is None:
        return None
    return Signer.from_seed(meta(conn).get(_VAULT_ID, ""), staff_id, bytearray(seed))


# -- checking ------------------------------------------------------------------------------

@dataclass
class TeamSignatures:
    """Judges each event's signature as the log is walked in order.

    Before the team's own part (a vault's chain moved in): the vault's rules,
    unchanged. From `team init`'s or the move's event on: every event signed
    by the person it names (the server sets both from the login), with the key
    of their grant valid at the event's time, an active one; events before
    team migration 12 may be unsigned (counted, not failed).
    """

    keys: audit_repo.SignatureKeys
    timeline: dict[int, list[Grant]]
    vault_unsigned_until: int
    signed_from: int
    team_part: bool = False

    def __call__(self, row: Sequence[Any]) -> str | None:
        event_id, at, actor, action = int(row[0]), str(row[1]), row[2], str(row[3])
        digest, signer, key, signature = row[8], row[9], row[10], row[11]
        self.team_part = self.team_part or action in _TEAM_BEGINS
        if signature is None:
            allowed = self.signed_from if self.team_part else self.vault_unsigned_until + 1
            return None if event_id < allowed else f"audit event {event_id} is not signed"
        if self.team_part:
            problem = self._team_problem(event_id, at, actor, signer, bytes(key or b""))
            if problem:
                return problem
        return audit_repo.signature_problem(self.keys, event_id, signer, key, signature,
                                            digest)

    def _team_problem(self, event_id: int, at: str, actor: Any, signer: Any,
                      key: bytes) -> str | None:
        if signer is None or signer != actor:
            return f"audit event {event_id} is signed by someone other than the person it names"
        grant = self.in_force(int(signer), at)
        if grant is None or grant.signing_key != key:
            return f"audit event {event_id} is signed with a key that is not its writer's"
        if grant.status is not StaffStatus.ACTIVE:
            return (f"audit event {event_id} was signed after its writer's access was "
                    "withdrawn")
        return None

    def in_force(self, staff_id: int, at: str) -> Grant | None:
        """The grant valid at `at`: the newest issued by then (one withdrawing
        access counts from the second after it was issued)."""
        found = None
        for grant in self.timeline.get(staff_id, []):
            if grant.issued_at < at or (grant.issued_at == at
                                        and grant.status is StaffStatus.ACTIVE):
                found = grant
        return found
