"""Who holds which key, and the key work revocations owe (docs/security.md §2-3).

Policy is here; storage seals and rotates. A slot is given a compartment's
key when the person's *signed* grant names a role that opens it — never on
the staff table's word. Work the signed-in person can't do (an
administrator holds no casework key) is recorded in key_task and done by
the next person who can: `settle` runs it, and the GUI runs it after sign-in
on a worker thread with progress.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from peerdesk.domain.audit import AuditAction
from peerdesk.domain.staff import Compartment, StaffStatus, compartments_for
from peerdesk.services.session import Session
from peerdesk.storage import audit_rules, crypto, rotation
from peerdesk.storage.keyslots import RECOVERY
from peerdesk.storage.repositories import grants, key_tasks
from peerdesk.storage.repositories import staff as staff_repo
from peerdesk.storage.vault import UnlockedVault

Progress = Callable[[str, float], None]
PreparedRotation = rotation.PreparedRotation
ROTATED = (Compartment.MAIN, Compartment.CASEWORK)

_LABELS = {
    Compartment.MAIN: "the centre's settings, accounts and audit log",
    Compartment.CASEWORK: "peers' records",
}


def label(compartment: Compartment) -> str:
    return _LABELS.get(compartment, compartment.value)


def _certified(vault: UnlockedVault, slot_id: str, staff_id: int, public: bytes,
               certificate: bytes | None, signed_by: bytes | None) -> bool:
    """Does the slot's registered key carry its owner's signature?"""
    if certificate is None or signed_by is None:
        return False
    try:
        crypto.verify(signed_by, certificate, grants.slot_certificate_message(
            vault.vault_id, staff_id, slot_id, public))
    except crypto.BadSignature:
        return False
    return True


def recipients(vault: UnlockedVault, compartment: Compartment) -> dict[str, bytes]:
    """Slot id -> public key of every slot that should hold `compartment`'s key:
    the recovery slot, and each active person whose signed grant opens it.

    Only keys their owner certified count: a key swapped into the database for
    someone else's gets nothing sealed to it.
    """
    db = vault.db
    registered = {str(r[0]): (str(r[1]), bytes(r[2]), r[3],
                              None if r[4] is None else bytes(r[4]))
                  for r in db.query("SELECT slot_id, kind, public_key, staff_id, certificate "
                                    "FROM key_slot")}
    found = {slot_id: public for slot_id, (kind, public, owner, cert) in registered.items()
             if kind == RECOVERY and owner == 0
             and _certified(vault, slot_id, 0, public, cert, vault.trusted_authority)}
    for staff in staff_repo.list_all(db):
        if staff.slot_id not in registered:
            continue
        grant = grants.newest_valid(db, vault.vault_id, vault.trusted_authority, staff.id)
        if grant is None or grant.status is not StaffStatus.ACTIVE:
            continue
        # The grant must be the one the signed log issued last, by an administrator:
        # a grant the authority's holder signed with Python alone gets no key.
        if audit_rules.newest_issued(db, staff.id) != (grant.serial, grant.fingerprint()) \
                or not audit_rules.issued_by_an_administrator(db, vault.vault_id,
                                                              vault.trusted_authority, staff.id):
            continue
        _kind, public, owner, cert = registered[staff.slot_id]
        if owner != staff.id or not _certified(vault, staff.slot_id, staff.id, public, cert,
                                              grant.signing_key):
            continue
        if compartment in compartments_for(grant.roles):
            found[staff.slot_id] = public
    return found


def owe_rotation(session: Session, compartments: set[Compartment], reason: str) -> None:
    """Record, as signed audit events, the rotations a revocation owes; call inside
    its transaction. Owed rotations are read back from the log, so deleting the
    record of one can't be done unseen."""
    for compartment in sorted(compartments & set(ROTATED)):
        session.audit(AuditAction.ROTATION_OWED, "compartment", compartment.value, reason)


@dataclass(frozen=True, slots=True)
class Owed:
    """Key work waiting, as the Staff page and the sign-in step describe it."""

    rotations: tuple[Compartment, ...]
    seals: int  # slots waiting for a key
    doable: bool  # this session holds what the work needs


def owed(session: Session) -> Owed:
    tasks = key_tasks.pending(session.db)
    owed_now = audit_rules.owed_rotations(session.db)
    rotations = tuple(c for c in ROTATED if c.value in owed_now)
    seals = sum(1 for t in tasks if t.kind == key_tasks.SEAL)
    doable = bool(rotations_doable(session)) or any(
        t.kind == key_tasks.SEAL and session.holds(Compartment(t.compartment)) for t in tasks)
    return Owed(rotations, seals, doable)


def settle_seals(session: Session) -> list[str]:
    """Give waiting slots the keys this session holds; returns who got one (names).

    Only a slot its owner certified, whose signed grant opens the compartment,
    gets a key; the event names who got it, so a colleague's sign-in can't hand
    peers' records over unseen.
    """
    vault = session.vault
    given: dict[int, str] = {}
    settled = []
    by_slot = {s.slot_id: s for s in staff_repo.list_all(session.db) if s.slot_id}
    for task in key_tasks.pending(session.db):
        if task.kind != key_tasks.SEAL or not session.holds(Compartment(task.compartment)):
            continue
        wanted = recipients(vault, Compartment(task.compartment))
        if task.slot_id in wanted and vault.seal_to(task.slot_id, task.compartment):
            owner = by_slot.get(task.slot_id)
            if owner is not None:
                given[owner.id] = owner.name
        settled.append(task.id)
    if settled:
        vault.keyslots.save(vault.paths.keys)
        with session.db.transaction():
            key_tasks.done(session.db, settled)
            for staff_id in sorted(given):
                session.audit(AuditAction.KEYS_GIVEN, "staff", str(staff_id))
    return sorted(given.values(), key=str.casefold)


def entitled(session: Session, compartment: Compartment) -> bool:
    """May this session's person hold `compartment`'s key by role (the recovery key may)?

    Only they rotate it: the new key passes through the process that makes it,
    so a rotation done by someone merely holding the key (the administrator
    who set the vault up) would hand it to them again.
    """
    return session.recovery_only or compartment in compartments_for(session.staff.roles)


def rotations_doable(session: Session) -> list[Compartment]:
    """Owed rotations (as the signed log says) this session can do now, main last."""
    owed_now = audit_rules.owed_rotations(session.db)
    return [c for c in (Compartment.CASEWORK, Compartment.MAIN)
            if c.value in owed_now and session.holds(c) and entitled(session, c)]


def prepare_rotation(session: Session, compartment: Compartment,
                     progress: Callable[[float], None] | None = None
                     ) -> rotation.PreparedRotation:
    """The long part of a rotation: safe on a worker thread (own connection)."""
    return rotation.prepare(session.vault, compartment.value, progress=progress)


def commit_rotation(session: Session, prepared: rotation.PreparedRotation) -> None:
    """The swap, on the thread that owns the session's connection; the signed
    event that settles what was owed. (A crash between the two owes it again:
    one rotation more, never one less.)"""
    compartment = Compartment(prepared.what)
    rotation.commit(session.vault, prepared, recipients(session.vault, compartment))
    session.audit_alone(AuditAction.VAULT_REKEYED, "compartment", compartment.value)


def settle(session: Session, progress: Progress | None = None) -> list[Compartment]:
    """Do every owed piece of key work this session can, here and now.

    For the command line and tests; the GUI runs the same steps with the
    long part on a worker thread (ui/key_work.py).
    """
    settle_seals(session)
    done = []
    for compartment in rotations_doable(session):
        def step(fraction: float, c: Compartment = compartment) -> None:
            if progress:
                progress(label(c), fraction)
        prepared = prepare_rotation(session, compartment, step)
        try:
            commit_rotation(session, prepared)
        except BaseException:
            prepared.discard()
            raise
        done.append(compartment)
    return done
