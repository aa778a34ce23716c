"""A new casework key generation when someone who held casework leaves (the team
migration `casework_rotation`; docs/architecture.md, "Team mode").

Deactivating a person who held a casework key records a rotation as owed on
the server (main.deactivate_staff_login). The server can't re-encrypt what it
can't read, so the next programme lead or caseworker to sign in does it here:

1. `start`: make generation n+1 and seal it to every active slot that holds
   casework (main.team_sealed_key is keyed by generation), in one transaction
   with the claim, so two PCs signing in at once don't both make a key;
2. `reseal`: every sealed casework column (storage/team/tables.py), in
   batches: the server hands out rows whose envelope names another
   generation, they are opened and sealed again with n+1 here, and each row is
   written back only if nobody changed it meanwhile. Old and new generations
   read side by side meanwhile (FieldCipher opens both), and an interrupted
   rotation resumes from what is left: the rows themselves say which are done;
3. `finish`: the server checks no row still names an older generation and
   deletes the older sealed keys.

An administrator holds no casework and can't do any of it (the server refuses
too); a peer supporter's login sees only their assigned peers, so it doesn't
rotate either: the rotation waits, owed, with its progress on the server.
"""

from __future__ import annotations

import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from peerdesk.domain.audit import AuditAction
from peerdesk.domain.staff import Compartment, Role
from peerdesk.storage import crypto, keyslots
from peerdesk.storage.team.audit import append_event
from peerdesk.storage.team.errors import TeamServerError
from peerdesk.storage.team.fieldcrypt import KEY_BYTES
from peerdesk.storage.team.keys import TeamKeys, seal_casework_to_directory
from peerdesk.storage.team.schema import Conn, centre_id
from peerdesk.storage.team.tables import TABLES, TeamTable

BATCH = 500
ROTATORS = frozenset({Role.PROGRAMME_LEAD, Role.CASEWORKER})


class RotationNotAllowed(TeamServerError):
    default_message = ("Only a programme lead or a caseworker can change the casework key: "
                       "it will be done at the next sign-in of one of them.")


class RotationStalled(TeamServerError):
    default_message = ("The change of the casework key made no progress on {table}: some "
                       "of its rows could not be written back. It will be tried again at "
                       "the next sign-in.")


class StaleKeys(TeamServerError):
    default_message = ("The casework key was changed on another PC since you signed in: "
                       "sign in again to continue the change.")


@dataclass(frozen=True, slots=True)
class Rotation:
    """One rotation recorded on the server (started or still owed)."""

    id: int
    what: str
    owed_at: datetime
    to_generation: int | None
    started_by: int | None
    rows_resealed: int
    finished: bool

    @property
    def started(self) -> bool:
        return self.to_generation is not None


@dataclass(frozen=True, slots=True)
class Progress:
    """Where a rotation is: the table being re-sealed and the rows this PC has
    re-sealed so far (the server counts all of them: `Rotation.rows_resealed`)."""

    table: str
    rows_here: int


@dataclass(frozen=True, slots=True)
class RotationDone:
    generation: int
    rows: int            # re-sealed by this PC
    keys_deleted: int    # older sealed keys the server deleted
    seconds: float


def _audit(conn: Conn, keys: TeamKeys, detail: str) -> None:
    """A step of a key change on the audit chain, in its transaction."""
    append_event(conn, keys.cipher(Compartment.MAIN), actor_id=keys.staff_id,
                 action=AuditAction.KEY_CHANGED, target_kind="compartment",
                 target_id=keyslots.CASEWORK, detail=detail, signer=keys.signer)


def pending(conn: Conn) -> list[Rotation]:
    """Rotations not finished yet, oldest first (any signed-in person may ask)."""
    rows = conn.execute("SELECT id, what, owed_at, to_generation, started_by, rows_resealed, "
                        "finished_at IS NOT NULL FROM main.team_rotation "
                        "WHERE finished_at IS NULL ORDER BY id").fetchall()
    return [Rotation(*row) for row in rows]


def casework_owed(conn: Conn) -> bool:
    """Whether a change of the casework key is owed and not yet started."""
    row = conn.execute("SELECT EXISTS (SELECT 1 FROM main.team_rotation "
                       "WHERE what = 'casework' AND started_at IS NULL)").fetchone()
    return bool(row and row[0])


def may_rotate(keys: TeamKeys) -> bool:
    return keys.holds(Compartment.CASEWORK) and bool(keys.roles & ROTATORS)


def _require(keys: TeamKeys) -> None:
    if not may_rotate(keys):
        raise RotationNotAllowed


def _sealed_tables() -> list[TeamTable]:
    return [t for t in TABLES if t.schema == "casework" and t.sealed]


def _binds(table: TeamTable) -> list[str]:
    return [table.sealed_by] if table.sealed_by else list(table.key)


def start(conn: Conn, keys: TeamKeys, rotation_id: int) -> int | None:
    """Make the new generation and seal it to everyone who holds casework; the
    generation, or None when someone else started it meanwhile. `keys` then
    seals with the new one and still opens the old."""
    _require(keys)
    centre = centre_id(conn)
    new_key = bytearray(secrets.token_bytes(KEY_BYTES))
    try:
        with conn.transaction():
            row = conn.execute("SELECT main.claim_rotation(%s)", (rotation_id,)).fetchone()
            generation = row[0] if row else None
            if generation is None:
                crypto.wipe(new_key)
                return None
            # Those who hold casework and whose roles still open it.
            given = seal_casework_to_directory(conn, centre, generation, new_key, keys.staff_id,
                                               only_holders=True)
            conn.execute("SELECT main.start_rotation(%s, %s)", (rotation_id, generation))
            _audit(conn, keys, f"casework key generation {generation} made and sealed to "
                               f"{given} people (change {rotation_id} started)")
    except BaseException:
        crypto.wipe(new_key)
        raise
    adopt(keys, generation, new_key)
    return int(generation)


def adopt(keys: TeamKeys, generation: int, key: bytearray) -> None:
    """Seal with `key` from now on; keep the one it replaces for reading."""
    old_generation, old_key = keys.keys[keyslots.CASEWORK]
    keys.older.setdefault(keyslots.CASEWORK, {})[old_generation] = old_key
    keys.keys[keyslots.CASEWORK] = (generation, key)


def reseal(conn: Conn, keys: TeamKeys, generation: int, *, batch: int = BATCH,
           progress: Callable[[Progress], None] | None = None) -> int:
    """Seal every sealed casework value again with `generation`, in batches of
    `batch` rows, each batch one transaction; how many rows this PC wrote."""
    _require(keys)
    if keys.generation(Compartment.CASEWORK) != generation:
        raise StaleKeys
    cipher = keys.cipher(Compartment.CASEWORK)
    done = 0
    for table in _sealed_tables():
        columns, binds = list(table.sealed), _binds(table)
        while True:
            rows = conn.execute(
                "SELECT row_tid::text, row_ref, sealed "
                "FROM main.rotation_batch(%s, %s, %s, %s, %s)",
                (table.name, binds, columns, generation, batch)).fetchall()
            if not rows:
                break
            tids, old, resealed = [], [], []
            for tid, ref, values in rows:
                tids.append(tid)
                old.append(list(values))
                resealed.append([None if value is None else
                                 cipher.seal(table.name, column, ref,
                                             cipher.open(table.name, column, ref, value))
                                 for column, value in zip(columns, values, strict=True)])
            # One transaction, one statement: a dropped connection leaves the batch undone.
            found = conn.execute("SELECT main.rotation_reseal(%s, %s, %s, %s::text[]::tid[], "
                                 "%s, %s)", (table.name, columns, generation, tids, old,
                                             resealed)).fetchone()
            written = int(found[0]) if found else 0
            if not written:
                raise RotationStalled(table=table.name)
            done += written
            if progress is not None:
                progress(Progress(table.name, done))
    return done


def finish(conn: Conn, keys: TeamKeys, generation: int, *, keep_older: bool = False) -> int:
    """Have the server check every row is of `generation` and delete the older
    casework keys; how many it deleted. `keys` then holds only the new one,
    unless `keep_older` (for this PC's own use: its outbox may be under one)."""
    _require(keys)
    with conn.transaction():
        row = conn.execute("SELECT main.finish_rotation(%s)", (generation,)).fetchone()
        _audit(conn, keys, f"casework key generation {generation} in use for every record; "
                           f"{int(row[0]) if row else 0} older sealed keys deleted")
    if not keep_older:
        for key in keys.older.pop(keyslots.CASEWORK, {}).values():
            crypto.wipe(key)
    return int(row[0]) if row else 0


def rotate_owed(conn: Conn, keys: TeamKeys, *, batch: int = BATCH,
                progress: Callable[[Progress], None] | None = None,
                keep_older: bool = False) -> list[RotationDone]:
    """Do the casework rotations the server has owed or under way (at a casework
    holder's sign-in); what was done. Nothing for anyone who may not rotate.
    `keep_older`: see `finish`."""
    if not may_rotate(keys):
        return []
    done = []
    for _ in range(4):   # one under way, then one owed meanwhile; never loops forever
        waiting = [r for r in pending(conn) if r.what == keyslots.CASEWORK]
        if not waiting:
            break
        began = time.perf_counter()
        running = next((r for r in waiting if r.started), None)
        if running is not None and running.to_generation is not None:
            generation: int | None = running.to_generation
            if keys.generation(Compartment.CASEWORK) != generation:
                break   # started on another PC after these keys were opened: theirs to do
        else:
            generation = start(conn, keys, waiting[0].id)
            if generation is None:
                continue
        assert generation is not None
        rows = reseal(conn, keys, generation, batch=batch, progress=progress)
        deleted = finish(conn, keys, generation, keep_older=keep_older)
        done.append(RotationDone(generation, rows, deleted, time.perf_counter() - began))
    return done
