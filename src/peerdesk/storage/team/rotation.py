"""A new key generation when someone who held the key leaves (the team
migrations `casework_rotation` and `main_key_rotation`; docs/architecture.md,
"Team mode"). Told here for casework; the main key goes the same way with the
main schema's tables, done by an administrator (`MAIN_KEY`, below).

Deactivating a person records a rotation as owed on the server for each key
they held: casework, when they held it, and the main key, which everyone
holds (main.deactivate_staff_login). The server can't re-encrypt what it
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

The main key (staff names, audit details, role grants' names, the supporters
register) is changed by an administrator: they hold it and already read every
row it seals, and the server lets them seal it to people. The audit chain's
hashes and the grants' signatures cover the plain text, so re-sealing breaks
neither (team migration `main_key_rotation`).
"""

from __future__ import annotations

import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from peerdesk.domain.audit import AuditAction
from peerdesk.domain.staff import Compartment, Role
from peerdesk.storage import crypto
from peerdesk.storage.team.audit import append_event
from peerdesk.storage.team.errors import TeamServerError
from peerdesk.storage.team.fieldcrypt import KEY_BYTES
from peerdesk.storage.team.keys import TeamKeys, seal_to_directory
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


class MainRotationNotAllowed(TeamServerError):
    default_message = ("Only an administrator can change the main key: it will be done at "
                       "the next sign-in of one of them.")


class MainRotationStalled(TeamServerError):
    default_message = ("The change of the main key made no progress on {table}: some of its "
                       "rows could not be written back. It will be tried again at the next "
                       "sign-in.")


class StaleMainKey(TeamServerError):
    default_message = ("The main key was changed on another PC since you signed in: sign in "
                       "again to continue the change.")


@dataclass(frozen=True, slots=True)
class RotatedKey:
    """One key the server can owe a change of: what differs between the two
    changes is the key, its schema's tables, who may do it and what they are told."""

    compartment: Compartment
    rotators: frozenset[Role]
    refused: type[TeamServerError]
    stalled: type[TeamServerError]
    stale: type[TeamServerError]

    @property
    def what(self) -> str:
        """The server's name for the key, which is also its schema's."""
        return self.compartment.value


CASEWORK_KEY = RotatedKey(Compartment.CASEWORK, ROTATORS, RotationNotAllowed,
                          RotationStalled, StaleKeys)
MAIN_KEY = RotatedKey(Compartment.MAIN, frozenset({Role.ADMIN}), MainRotationNotAllowed,
                      MainRotationStalled, StaleMainKey)


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


def _audit(conn: Conn, keys: TeamKeys, kind: RotatedKey, detail: str) -> None:
    """A step of a key change on the audit chain, in its transaction (sealed
    with the newest main key this person holds)."""
    append_event(conn, keys.cipher(Compartment.MAIN), actor_id=keys.staff_id,
                 action=AuditAction.KEY_CHANGED, target_kind="compartment",
                 target_id=kind.what, detail=detail, signer=keys.signer)


def pending(conn: Conn, kind: RotatedKey = CASEWORK_KEY) -> list[Rotation]:
    """Changes of `kind`'s key not finished yet, oldest first (any signed-in
    person may ask)."""
    rows = conn.execute("SELECT id, what, owed_at, to_generation, started_by, rows_resealed, "
                        "finished_at IS NOT NULL FROM main.team_rotation "
                        "WHERE finished_at IS NULL AND what = %s ORDER BY id",
                        (kind.what,)).fetchall()
    return [Rotation(*row) for row in rows]


def owed(conn: Conn, kind: RotatedKey) -> bool:
    """Whether a change of `kind`'s key is owed and not yet started."""
    row = conn.execute("SELECT EXISTS (SELECT 1 FROM main.team_rotation "
                       "WHERE what = %s AND started_at IS NULL)", (kind.what,)).fetchone()
    return bool(row and row[0])


def casework_owed(conn: Conn) -> bool:
    """Whether a change of the casework key is owed and not yet started."""
    return owed(conn, CASEWORK_KEY)


def may_rotate(keys: TeamKeys, kind: RotatedKey = CASEWORK_KEY) -> bool:
    return keys.holds(kind.compartment) and bool(keys.roles & kind.rotators)


def _require(keys: TeamKeys, kind: RotatedKey) -> None:
    if not may_rotate(keys, kind):
        raise kind.refused


def _sealed_tables(kind: RotatedKey) -> list[TeamTable]:
    return [t for t in TABLES if t.schema == kind.what and t.sealed]


def _binds(table: TeamTable) -> list[str]:
    return [table.sealed_by] if table.sealed_by else list(table.key)


def start(conn: Conn, keys: TeamKeys, rotation_id: int,
          kind: RotatedKey = CASEWORK_KEY) -> int | None:
    """Make the new generation and seal it to everyone who holds the key; the
    generation, or None when someone else started it meanwhile. `keys` then
    seals with the new one and still opens the old."""
    _require(keys, kind)
    centre = centre_id(conn)
    new_key = bytearray(secrets.token_bytes(KEY_BYTES))
    try:
        with conn.transaction():
            row = conn.execute("SELECT main.claim_rotation(%s)", (rotation_id,)).fetchone()
            generation = row[0] if row else None
            if generation is None:
                crypto.wipe(new_key)
                return None
            # Those who hold the key and whose roles still open it.
            given = seal_to_directory(conn, centre, kind.what, generation, new_key,
                                      keys.staff_id, only_holders=True)
            conn.execute("SELECT main.start_rotation(%s, %s)", (rotation_id, generation))
            # Adopted before the event, so a main key change's own event is
            # sealed with the new main key.
            adopt(keys, generation, new_key, kind)
            _audit(conn, keys, kind, f"{kind.what} key generation {generation} made and "
                                     f"sealed to {given} people (change {rotation_id} started)")
    except BaseException:
        if keys.keys.get(kind.what, (0, None))[1] is new_key:
            unadopt(keys, kind)
        crypto.wipe(new_key)
        raise
    return int(generation)


def adopt(keys: TeamKeys, generation: int, key: bytearray,
          kind: RotatedKey = CASEWORK_KEY) -> None:
    """Seal with `key` from now on; keep the one it replaces for reading."""
    old_generation, old_key = keys.keys[kind.what]
    keys.older.setdefault(kind.what, {})[old_generation] = old_key
    keys.keys[kind.what] = (generation, key)


def unadopt(keys: TeamKeys, kind: RotatedKey) -> None:
    """Back to the key `adopt` replaced (the change's transaction failed)."""
    older = keys.older[kind.what]
    newest = max(older)
    keys.keys[kind.what] = (newest, older.pop(newest))
    if not older:
        del keys.older[kind.what]


def reseal(conn: Conn, keys: TeamKeys, generation: int, *, batch: int = BATCH,
           progress: Callable[[Progress], None] | None = None,
           kind: RotatedKey = CASEWORK_KEY) -> int:
    """Seal every sealed value of `kind`'s schema again with `generation`, in
    batches of `batch` rows, each batch one transaction; how many rows this PC
    wrote."""
    _require(keys, kind)
    if keys.generation(kind.compartment) != generation:
        raise kind.stale
    cipher = keys.cipher(kind.compartment)
    done = 0
    for table in _sealed_tables(kind):
        columns, binds = list(table.sealed), _binds(table)
        while True:
            rows = conn.execute(
                "SELECT row_tid::text, row_ref, sealed "
                "FROM main.rotation_batch(%s, %s, %s, %s, %s, %s)",
                (kind.what, table.name, binds, columns, generation, batch)).fetchall()
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
            found = conn.execute("SELECT main.rotation_reseal(%s, %s, %s, %s, "
                                 "%s::text[]::tid[], %s, %s)",
                                 (kind.what, table.name, columns, generation, tids, old,
                                  resealed)).fetchone()
            written = int(found[0]) if found else 0
            if not written:
                raise kind.stalled(table=table.name)
            done += written
            if progress is not None:
                progress(Progress(table.name, done))
    return done


def finish(conn: Conn, keys: TeamKeys, generation: int, *, keep_older: bool = False,
           kind: RotatedKey = CASEWORK_KEY) -> int:
    """Have the server check every row is of `generation` and delete the older
    keys of `kind`; how many it deleted. `keys` then holds only the new one,
    unless `keep_older` (for this PC's own use: its outbox may be under one)."""
    _require(keys, kind)
    with conn.transaction():
        row = conn.execute("SELECT main.finish_rotation(%s, %s)",
                           (kind.what, generation)).fetchone()
        _audit(conn, keys, kind, f"{kind.what} key generation {generation} in use for every "
                                 f"record; {int(row[0]) if row else 0} older sealed keys "
                                 "deleted")
    if not keep_older:
        for key in keys.older.pop(kind.what, {}).values():
            crypto.wipe(key)
    return int(row[0]) if row else 0


def rotate_owed(conn: Conn, keys: TeamKeys, *, batch: int = BATCH,
                progress: Callable[[Progress], None] | None = None,
                keep_older: bool = False, kind: RotatedKey = CASEWORK_KEY
                ) -> list[RotationDone]:
    """Do the changes of `kind`'s key the server has owed or under way (at the
    sign-in of someone who may); what was done. Nothing for anyone who may
    not. `keep_older`: see `finish`."""
    if not may_rotate(keys, kind):
        return []
    done = []
    for _ in range(4):   # one under way, then one owed meanwhile; never loops forever
        waiting = pending(conn, kind)
        if not waiting:
            break
        began = time.perf_counter()
        running = next((r for r in waiting if r.started), None)
        if running is not None and running.to_generation is not None:
            generation: int | None = running.to_generation
            if keys.generation(kind.compartment) != generation:
                break   # started on another PC after these keys were opened: theirs to do
        else:
            generation = start(conn, keys, waiting[0].id, kind)
            if generation is None:
                continue
        assert generation is not None
        rows = reseal(conn, keys, generation, batch=batch, progress=progress, kind=kind)
        deleted = finish(conn, keys, generation, keep_older=keep_older, kind=kind)
        done.append(RotationDone(generation, rows, deleted, time.perf_counter() - began))
    return done
