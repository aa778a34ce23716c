"""Who may have written each audit event, walked through the log in order.

A signature alone proves only that some holder of some granted key wrote an
event. These rules tie each key to the stretch of the log where it was valid
(docs/security.md §3):

- a person's signing key is valid from the signed `grant_issued` event that
  gave it to them until a later one replaced it or ended their account, so a
  removed person's key, or one minted later, can't sign earlier or later events;
- an event that names an actor is signed by that actor (nobody writes in a
  colleague's name);
- a grant is issued by someone who was an administrator when they issued it
  (or by the recovery key), and every grant row is named by exactly one such
  event, so a grant deleted to undo a demotion, or added with SQL, shows;
- the authority key itself signs only inside a session opened with the
  recovery key.

The first account of a vault grants itself (the vault's first event), and an
upgraded vault's grants are all issued at once by whoever upgraded it.
"""

from __future__ import annotations

from dataclasses import dataclass

from peerdesk.domain.audit import AuditAction
from peerdesk.domain.staff import Role, StaffStatus
from peerdesk.storage.database import Database
from peerdesk.storage.repositories import grants
from peerdesk.storage.repositories.audit import recorded_origin_count
from peerdesk.storage.signer import AUTHORITY_SIGNER

# What a session opened with the recovery key may record before it says so.
_SIGN_IN_BOOKKEEPING = {
    AuditAction.SIGN_IN_FAILED.value, AuditAction.SIGN_IN_RECORD_RESET.value,
    AuditAction.VAULT_OLDER_THAN_RECORDED.value, AuditAction.AUTHORITY_TRUSTED.value,
    AuditAction.VAULT_MIGRATED.value,
}
_SESSION_ENDS = {AuditAction.SIGNED_OUT.value, AuditAction.LOCKED.value}


@dataclass(slots=True)
class _Held:
    key: bytes
    status: StaffStatus
    roles: frozenset[Role]


def check(db: Database, vault_id: str, authority: bytes | None) -> list[str]:
    problems: list[str] = []
    origin = max(0, recorded_origin_count(db))
    current: dict[int, _Held] = {}
    named: set[tuple[int, int]] = set()
    recovery_run = False  # inside a run of authority-signed events that is a recovery session
    bootstrap = True  # still in the block of grants a new or upgraded vault starts with
    rows = db.execute(
        "SELECT id, actor_id, action, target_kind, target_id, detail, signer_id, signing_key "
        "FROM audit_event WHERE id > ? ORDER BY id", (origin,))
    pending_authority: list[int] = []
    for event_id, actor, action, _kind, target, detail, signer, key in rows:
        key = bytes(key or b"")
        if signer is None:
            continue  # verify_chain reports unsigned events after the origin
        if signer == AUTHORITY_SIGNER:
            bootstrap = False
            if key != authority:
                problems.append(f"audit event {event_id} claims the vault's authority key "
                                "but is signed with another")
            if action == AuditAction.RECOVERY_USED.value:
                recovery_run, pending_authority = True, []
            elif not recovery_run:
                pending_authority.append(event_id)
                if action not in _SIGN_IN_BOOKKEEPING:
                    problems.append(f"audit event {event_id} is signed by the vault's "
                                    "authority outside a session opened with the recovery key")
            if action == AuditAction.GRANT_ISSUED.value:
                _take_grant(db, vault_id, authority, event_id, target, detail, current, named,
                            problems)
            if action in _SESSION_ENDS:
                recovery_run = False
            continue
        if pending_authority:
            problems.append(f"audit events {pending_authority[0]}–{pending_authority[-1]} are "
                            "signed by the vault's authority outside a recovery session")
            pending_authority = []
        recovery_run = False
        staff = int(signer)
        if action == AuditAction.GRANT_ISSUED.value and bootstrap:
            grant = _take_grant(db, vault_id, authority, event_id, target, detail, current,
                                named, problems)
            if grant is None or grant.issued_by is not None or (
                    grant.staff_id != staff and staff not in current):
                problems.append(f"audit event {event_id} issues a grant no one could issue")
            continue
        bootstrap = False
        held = current.get(staff)
        if held is None or held.key != key:
            problems.append(f"audit event {event_id} is signed with a key its writer did not "
                            "hold at that point of the log")
        elif held.status is not StaffStatus.ACTIVE:
            problems.append(f"audit event {event_id} is signed by an account that had been "
                            f"{held.status.value}")
        if actor is not None and int(actor) != staff:
            problems.append(f"audit event {event_id} names someone other than the person "
                            "who wrote it")
        if action == AuditAction.GRANT_ISSUED.value:
            if held is None or Role.ADMIN not in held.roles:
                problems.append(f"audit event {event_id} issues a role grant, but its writer "
                                "was not an administrator then")
            _take_grant(db, vault_id, authority, event_id, target, detail, current, named,
                        problems)
    if pending_authority:
        problems.append(f"audit events {pending_authority[0]}–{pending_authority[-1]} are "
                        "signed by the vault's authority outside a recovery session")
    problems += _every_grant_named(db, named)
    return problems


def _take_grant(db: Database, vault_id: str, authority: bytes | None, event_id: int,
                target: str, detail: str, current: dict[int, _Held],
                named: set[tuple[int, int]], problems: list[str]) -> grants.Grant | None:
    parsed = grants.parse_event_detail(detail)
    grant = None
    if parsed is not None and target.isdigit():
        grant = grants.by_serial(db, int(target), parsed[0])
    if grant is None or parsed is None or grant.fingerprint() != parsed[1] or \
            not grant.verifies(vault_id, authority):
        problems.append(f"audit event {event_id} names a role grant that is not there as "
                        "signed")
        return None
    if (grant.staff_id, grant.serial) in named:
        problems.append(f"audit event {event_id} names a role grant already issued")
    named.add((grant.staff_id, grant.serial))
    current[grant.staff_id] = _Held(grant.signing_key, grant.status, grant.roles)
    return grant


def _every_grant_named(db: Database, named: set[tuple[int, int]]) -> list[str]:
    problems = []
    by_staff: dict[int, list[int]] = {}
    for grant in grants.history(db):
        by_staff.setdefault(grant.staff_id, []).append(grant.serial)
        if (grant.staff_id, grant.serial) not in named:
            problems.append(f"role grant {grant.serial} of account {grant.staff_id} is in no "
                            "signed audit event (written outside PeerDesk)")
    for staff_id, serials in by_staff.items():
        if serials != list(range(1, len(serials) + 1)):
            problems.append(f"the role grants of account {staff_id} have a gap (one was "
                            "removed outside PeerDesk)")
    return problems


def newest_issued(db: Database, staff_id: int) -> tuple[int, str] | None:
    """The grant the newest grant_issued event for this person names (serial, fingerprint)."""
    detail = db.scalar(
        "SELECT detail FROM audit_event WHERE target_kind = 'staff' AND target_id = ? "
        "AND action = ? ORDER BY id DESC LIMIT 1",
        (str(staff_id), AuditAction.GRANT_ISSUED.value))
    return grants.parse_event_detail(str(detail)) if detail is not None else None


def issued_by_an_administrator(db: Database, vault_id: str, authority: bytes | None,
                                staff_id: int) -> bool:
    """Was this person's newest grant_issued event written by someone who was an
    administrator then (or by the recovery key, or as a vault's first grants)?

    The cheap check made at sign-in; `check` walks the whole log.
    """
    rows = db.query(
        "SELECT id, signer_id FROM audit_event WHERE target_kind = 'staff' AND target_id = ? "
        "AND action = ? ORDER BY id DESC LIMIT 1",
        (str(staff_id), AuditAction.GRANT_ISSUED.value))
    if not rows:
        return False
    event_id, signer = int(rows[0][0]), rows[0][1]
    if signer == AUTHORITY_SIGNER:
        return True
    # A vault's first grants (its first person's, or all of an upgraded vault's)
    # come before any other signed event.
    others_before = int(db.scalar(
        "SELECT count(*) FROM audit_event WHERE id > ? AND id < ? AND action != ?",
        (max(0, recorded_origin_count(db)), event_id, AuditAction.GRANT_ISSUED.value)))
    if others_before == 0:
        return True
    previous = db.scalar(
        "SELECT detail FROM audit_event WHERE target_kind = 'staff' AND target_id = ? "
        "AND action = ? AND id < ? ORDER BY id DESC LIMIT 1",
        (str(signer), AuditAction.GRANT_ISSUED.value, event_id))
    if previous is None:
        return False
    parsed = grants.parse_event_detail(str(previous))
    grant = grants.by_serial(db, int(signer), parsed[0]) if parsed else None
    return grant is not None and grant.verifies(vault_id, authority) and \
        Role.ADMIN in grant.roles and grant.status is StaffStatus.ACTIVE


def owed_rotations(db: Database) -> set[str]:
    """Compartments some revocation in the signed log still owes a new key."""
    owed = set()
    for compartment in ("main", "casework"):
        last: dict[str, int] = {}
        for action in (AuditAction.ROTATION_OWED.value, AuditAction.VAULT_REKEYED.value):
            last[action] = int(db.scalar(
                "SELECT coalesce(max(id), 0) FROM audit_event WHERE target_kind = 'compartment' "
                "AND target_id = ? AND action = ?", (compartment, action)))
        if last[AuditAction.ROTATION_OWED.value] > last[AuditAction.VAULT_REKEYED.value]:
            owed.add(compartment)
    return owed
