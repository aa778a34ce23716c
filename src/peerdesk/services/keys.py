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
from peerdesk.storage import rotation
from peerdesk.storage.keyslots import RECOVERY
from peerdesk.storage.repositories import grants, key_tasks
from peerdesk.storage.repositories import staff as staff_repo
from peerdesk.storage.vault import UnlockedVault, utc_now

Progress = Callable[[str, float], None]
PreparedRotation = rotation.PreparedRotation
ROTATED = (Compartment.MAIN, Compartment.CASEWORK)

_LABELS = {
    Compartment.MAIN: "the centre's settings, accounts and audit log",
    Compartment.CASEWORK: "peers' records",
}


def label(compartment: Compartment) -> str:
    return _LABELS.get(compartment, compartment.value)


def recipients(vault: UnlockedVault, compartment: Compartment) -> dict[str, bytes]:
    """Slot id -> public key of every slot that should hold `compartment`'s key:
    the recovery slot, and each active person whose signed grant opens it."""
    db = vault.db
    registered = {str(r[0]): (str(r[1]), bytes(r[2]))
                  for r in db.query("SELECT slot_id, kind, public_key FROM key_slot")}
    found = {slot_id: public for slot_id, (kind, public) in registered.items()
             if kind == RECOVERY}
    for staff in staff_repo.list_all(db):
        if staff.slot_id not in registered:
            continue
        grant = grants.newest_valid(db, vault.vault_id, vault.trusted_authority, staff.id)
        if grant is None or grant.status is not StaffStatus.ACTIVE:
            continue
        if compartment in compartments_for(grant.roles):
            found[staff.slot_id] = registered[staff.slot_id][1]
    return found


def owe_rotation(session: Session, compartments: set[Compartment], reason: str) -> None:
    """Record rotations owed by a revocation; call inside its transaction."""
    for compartment in compartments & set(ROTATED):
        key_tasks.owe_rotation(session.db, compartment.value, reason, utc_now())


@dataclass(frozen=True, slots=True)
class Owed:
    """Key work waiting, as the Staff page and the sign-in step describe it."""

    rotations: tuple[Compartment, ...]
    seals: int  # slots waiting for a key
    doable: bool  # this session holds what the work needs


def owed(session: Session) -> Owed:
    tasks = key_tasks.pending(session.db)
    rotations = tuple(dict.fromkeys(
        Compartment(t.compartment) for t in tasks if t.kind == key_tasks.ROTATE))
    seals = sum(1 for t in tasks if t.kind == key_tasks.SEAL)
    doable = bool(rotations_doable(session)) or any(
        t.kind == key_tasks.SEAL and session.holds(Compartment(t.compartment)) for t in tasks)
    return Owed(rotations, seals, doable)


def settle_seals(session: Session) -> int:
    """Give waiting slots the keys this session holds; returns how many were given."""
    vault = session.vault
    given, settled = 0, []
    for task in key_tasks.pending(session.db):
        if task.kind != key_tasks.SEAL or not session.holds(Compartment(task.compartment)):
            continue
        wanted = recipients(vault, Compartment(task.compartment))
        if task.slot_id in wanted and vault.seal_to(task.slot_id, task.compartment):
            given += 1
        settled.append(task.id)
    if settled:
        vault.keyslots.save(vault.paths.keys)
        with session.db.transaction():
            key_tasks.done(session.db, settled)
            if given:
                session.audit(AuditAction.KEYS_GIVEN, detail=f"{given}")
    return given


def entitled(session: Session, compartment: Compartment) -> bool:
    """May this session's person hold `compartment`'s key by role (the recovery key may)?

    Only they rotate it: the new key passes through the process that makes it,
    so a rotation done by someone merely holding the key (the administrator
    who set the vault up) would hand it to them again.
    """
    return session.recovery_only or compartment in compartments_for(session.staff.roles)


def rotations_doable(session: Session) -> list[Compartment]:
    """Owed rotations this session can do now, main last (its file holds the tasks)."""
    owed_now = {Compartment(t.compartment) for t in key_tasks.pending(session.db)
                if t.kind == key_tasks.ROTATE}
    return [c for c in (Compartment.CASEWORK, Compartment.MAIN)
            if c in owed_now and session.holds(c) and entitled(session, c)]


def _task_ids(session: Session, compartment: Compartment) -> list[int]:
    return [t.id for t in key_tasks.pending(session.db)
            if t.kind == key_tasks.ROTATE and t.compartment == compartment.value]


def tasks_settled_by(session: Session, compartment: Compartment) -> list[int]:
    """The owed rotations a rotation of `compartment` settles (read on the
    session's own thread, before the work goes to a worker)."""
    return _task_ids(session, compartment)


def prepare_rotation(session: Session, compartment: Compartment,
                     progress: Callable[[float], None] | None = None, *,
                     settles: list[int] | None = None) -> rotation.PreparedRotation:
    """The long part of a rotation: safe on a worker thread (own connection).

    `settles`: from `tasks_settled_by`; the main database's copy is made
    without them, so a crash after its swap doesn't owe it again."""
    done = (settles if settles is not None else _task_ids(session, compartment)) \
        if compartment is Compartment.MAIN else None
    return rotation.prepare(session.vault, compartment.value, progress=progress,
                            done_tasks=done)


def commit_rotation(session: Session, prepared: rotation.PreparedRotation) -> None:
    """The swap, on the thread that owns the session's connection."""
    compartment = Compartment(prepared.what)
    tasks = _task_ids(session, compartment)
    rotation.commit(session.vault, prepared, recipients(session.vault, compartment))
    with session.db.transaction():
        if compartment is not Compartment.MAIN:
            key_tasks.done(session.db, tasks)
        session.audit(AuditAction.VAULT_REKEYED, detail=label(compartment))


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
