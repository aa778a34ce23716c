"""Each person's key slot on the team server (team migration 3; docs/team-server.md).

The vault's own key-slot code (storage/keyslots.py) does the cryptography: a
slot is an X25519 key pair whose private half is wrapped under a key derived
from the person's password by Argon2id, and each compartment key is sealed to
its public half with the slot's id, kind, compartment and generation as
associated data. Here the slots live in the server's `main.team_slot` and
`main.team_sealed_key` instead of a file beside a vault, under a "vault id" made
from the centre's id, so a slot copied from another centre opens nothing.

So a person who signs in on any PC gets exactly the compartments sealed to
them: the main key from the administrator who added them, casework from the
first casework holder to sign in after that (`settle_casework`), never for an
administrator (the server's policies refuse it). On a centre started on the
server, the first programme lead or caseworker to sign in makes the casework
key (`make_first_casework_key`). Deactivation deletes the slot
(main.deactivate_staff_login).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from peerdesk.domain.staff import Compartment, Role, compartments_for
from peerdesk.storage import crypto, keyslots
from peerdesk.storage.signer import Signer
from peerdesk.storage.team.errors import TeamServerError
from peerdesk.storage.team.fieldcrypt import FieldCipher
from peerdesk.storage.team.schema import Conn, centre_id
from peerdesk.storage.team.staff import create_staff_login

FIRST_GENERATION = 1
# The authority and signing seeds too (team migration 12, storage/team/grants.py).
_SERVER_SECRETS = (keyslots.MAIN, keyslots.CASEWORK, keyslots.AUTHORITY, keyslots.SIGNING)
# Who may make a centre's first casework key (as who may change it: the
# server's main.require_rotator).
_KEY_MAKERS = frozenset({Role.PROGRAMME_LEAD, Role.CASEWORKER})


class NoKeySlot(TeamServerError):
    default_message = ("Your account on the team server has no keys yet: ask an "
                       "administrator to add you again.")


class SlotWontOpen(TeamServerError):
    default_message = ("Your keys on the team server did not open with this password. "
                       "If it was changed on another PC, use the new one.")


@dataclass(slots=True)
class TeamKeys:
    """The compartment keys one person's slot gave up: the newest generation
    each (`keys`, what new values are sealed with) and, while a key change is
    under way, the older ones still sealed to them (`older`, to read rows not
    re-sealed yet)."""

    staff_id: int
    roles: frozenset[Role]
    keys: dict[str, tuple[int, bytearray]] = field(default_factory=dict)
    older: dict[str, dict[int, bytearray]] = field(default_factory=dict)
    # Signs this person's audit events, from the signing key in their slot (None:
    # their slot holds none; storage/team/grants.py).
    signer: Signer | None = None

    def holds(self, compartment: Compartment) -> bool:
        return compartment.value in self.keys

    def key(self, compartment: Compartment) -> bytearray:
        return self.keys[compartment.value][1]

    def cipher(self, compartment: Compartment) -> FieldCipher:
        generation, key = self.keys[compartment.value]
        return FieldCipher(key, compartment=compartment.value, generation=generation,
                           older=self.older.get(compartment.value))

    def generation(self, compartment: Compartment) -> int:
        return self.keys[compartment.value][0]

    def wipe(self) -> None:
        for _generation, key in self.keys.values():
            crypto.wipe(key)
        for listed in self.older.values():
            for key in listed.values():
                crypto.wipe(key)
        self.keys.clear()
        self.older.clear()
        if self.signer is not None:
            self.signer.wipe()
            self.signer = None


def _book(centre: str) -> keyslots.KeySlotFile:
    """A key-slot "file" for this centre: only its vault id (the AAD) matters."""
    return keyslots.KeySlotFile(vault_id=f"team-{centre}")


def _slot_row(slot: keyslots.Slot) -> dict[str, Any]:
    data = slot.to_json()
    data.pop("keys", None)
    data.pop("pin", None)
    data.pop("seen", None)
    return data


def _slot_from(row: dict[str, Any], entries: Sequence[dict[str, Any]] = ()) -> keyslots.Slot:
    return keyslots.Slot.from_json({**row, "keys": list(entries)})


def _open_private_key(book: keyslots.KeySlotFile, slot: keyslots.Slot,
                      password: str) -> bytearray:
    """The slot's private key (the caller wipes it), or SlotWontOpen."""
    try:
        return book.open_private_key(slot, keyslots.password_bytes(password))
    except crypto.UnwrapFailed:
        raise SlotWontOpen from None


def seal_to(conn: Conn, centre: str, staff_id: int, slot: keyslots.Slot, what: str,
             generation: int, key: bytes | bytearray, sealed_by: int | None) -> None:
    book = _book(centre)
    book.seal(slot, what, generation, key)
    entry = next(k for k in slot.keys if k.what == what and k.generation == generation)
    conn.execute("INSERT INTO main.team_sealed_key (staff_id, what, generation, entry, sealed_by) "
                 "VALUES (%s, %s, %s, %s, %s) ON CONFLICT DO NOTHING",
                 (staff_id, what, generation, json.dumps(entry.to_json()), sealed_by))


def create_person(conn: Conn, *, login: str, roles: Sequence[Role], password: str,
                  display_name: str, main_key: bytes | bytearray,
                  casework_key: bytes | bytearray | None = None,
                  sealed_by: int | None = None,
                  params: crypto.KdfParams | None = None) -> int:
    """A login for one person and their key slot holding the main key (and
    casework, when the caller holds it and the roles open it); their staff id.

    Run as an administrator's login (`sealed_by` their staff id) or the setup
    account. Without `casework_key`, casework is owed: `settle_casework`.
    """
    main_cipher = FieldCipher(main_key, compartment="main")
    with conn.transaction():
        staff_id = create_staff_login(conn, main_cipher, login, roles, password, display_name)
        add_slot(conn, staff_id=staff_id, login=login, roles=roles, password=password,
                 main_key=main_key, casework_key=casework_key, sealed_by=sealed_by,
                 params=params)
    return staff_id


def add_slot(conn: Conn, *, staff_id: int, login: str, roles: Sequence[Role], password: str,
             main_key: bytes | bytearray, main_generation: int = FIRST_GENERATION,
             casework_key: bytes | bytearray | None = None,
             casework_generation: int = FIRST_GENERATION,
             sealed_by: int | None = None,
             params: crypto.KdfParams | None = None) -> keyslots.Slot:
    """The key slot of a person who has a login and none yet: it opens with
    `password` and holds the main key (and casework, as create_person); the
    slot, to seal more to (a signing key: storage/team/grants.py)."""
    centre = centre_id(conn)
    with conn.transaction():
        slot, private = _book(centre).add(kind=keyslots.PASSWORD, account=login,
                                          secret=keyslots.password_bytes(password),
                                          params=params or crypto.calibrate())
        crypto.wipe(private)
        conn.execute("INSERT INTO main.team_slot (staff_id, slot_id, public_key, slot) "
                     "VALUES (%s, %s, %s, %s)",
                     (staff_id, slot.id, slot.public_key, json.dumps(_slot_row(slot))))
        seal_to(conn, centre, staff_id, slot, keyslots.MAIN, main_generation, main_key,
                sealed_by)
        if casework_key is not None and Compartment.CASEWORK in compartments_for(roles):
            seal_to(conn, centre, staff_id, slot, keyslots.CASEWORK, casework_generation,
                    casework_key, sealed_by)
    return slot


def change_own_password(conn: Conn, old_password: str, new_password: str, *,
                        params: crypto.KdfParams | None = None) -> None:
    """The signed-in person's new password: their login's verifier and their
    slot's wrapping both replaced (the same key pair, so every key sealed to it
    stays), and the server's "must change" mark cleared; one transaction."""
    from peerdesk.storage.team.staff import scram_verifier

    centre = centre_id(conn)
    found = conn.execute("SELECT slot FROM main.team_slot "
                         "WHERE staff_id = main.current_staff_id()").fetchone()
    if found is None:
        raise NoKeySlot
    slot = _slot_from(found[0])
    book = _book(centre)
    private = _open_private_key(book, slot, old_password)
    try:
        slot.kdf, slot.salt = params or crypto.calibrate(), crypto.new_salt()
        book.rewrap(slot, private, keyslots.password_bytes(new_password))
    finally:
        crypto.wipe(private)
    conn.execute("SELECT main.change_own_password(%s, %s)",
                 (scram_verifier(new_password), json.dumps(_slot_row(slot))))


def open_keys(conn: Conn, password: str) -> TeamKeys:
    """The signed-in person's compartment keys, opened with their password."""
    centre = centre_id(conn)
    found = conn.execute(
        "SELECT k.staff_id, k.slot, s.roles FROM main.team_slot k JOIN main.staff s "
        "ON s.id = k.staff_id WHERE k.staff_id = main.current_staff_id()").fetchone()
    if found is None:
        raise NoKeySlot
    staff_id, row, roles = found
    entries = [entry for (entry,) in conn.execute(
        "SELECT entry FROM main.team_sealed_key WHERE staff_id = %s", (staff_id,))]
    slot = _slot_from(row, entries)
    book = _book(centre)
    private = _open_private_key(book, slot, password)
    try:
        opened = book.open_slot(slot, private)
    finally:
        crypto.wipe(private)
    keys = TeamKeys(staff_id, frozenset(Role(r) for r in roles))
    allowed = {c.value for c in compartments_for(keys.roles)} | {keyslots.SIGNING}
    for what in _SERVER_SECRETS:
        entries_of = opened.secrets.get(what)  # newest first
        if entries_of and what in allowed:
            keys.keys[what] = entries_of[0]
            if len(entries_of) > 1:
                keys.older[what] = dict(entries_of[1:])
    signing = keys.keys.pop(keyslots.SIGNING, None)
    if signing is not None:
        from peerdesk.storage.team.grants import signer_for

        keys.signer = signer_for(conn, staff_id, signing[1])
        crypto.wipe(signing[1])
    # Anything opened that isn't kept is wiped now.
    for what, listed in opened.secrets.items():
        if what not in keys.keys:
            for _generation, key in listed:
                crypto.wipe(key)
    return keys


def settle_casework(conn: Conn, keys: TeamKeys) -> int:
    """Seal casework to every active person whose roles open it and who lacks it;
    how many. Run at sign-in by anyone holding casework (the administrator who
    added them can't)."""
    if not keys.holds(Compartment.CASEWORK):
        return 0
    centre = centre_id(conn)
    held = [keys.keys[keyslots.CASEWORK], *keys.older.get(keyslots.CASEWORK, {}).items()]
    rows = conn.execute("SELECT staff_id, slot_id, public_key, slot, roles, holds "
                        "FROM main.team_slot_directory()").fetchall()
    done = 0
    with conn.transaction():
        for staff_id, slot_id, public_key, brief, roles, holds in rows:
            if keyslots.CASEWORK in holds or Compartment.CASEWORK not in compartments_for(
                    Role(r) for r in roles):
                continue
            # Every generation held: during a key change rows of both are read.
            for generation, key in held:
                seal_to(conn, centre, staff_id, directory_slot(slot_id, brief, public_key),
                        keyslots.CASEWORK, generation, key, keys.staff_id)
            done += 1
    return done


def make_first_casework_key(conn: Conn, keys: TeamKeys) -> bool:
    """On a centre started on the server (`team init`, no vault moved in), the
    first programme lead or caseworker to sign in makes the casework key and
    seals it to every active person whose roles open casework, this person
    too (team migration "first casework key"); whether it was made here.
    Nothing happens when a key was ever made, by anyone. The key's making is
    chained onto the audit log (a key change: compartment, generation and how
    many it was sealed to) in the same transaction as the claim and the seals.
    """
    import secrets

    from peerdesk.domain.audit import AuditAction
    from peerdesk.storage.team.audit import append_event
    from peerdesk.storage.team.fieldcrypt import KEY_BYTES

    if keys.holds(Compartment.CASEWORK) or not keys.roles & _KEY_MAKERS:
        return False
    centre = centre_id(conn)
    new_key = bytearray(secrets.token_bytes(KEY_BYTES))
    try:
        with conn.transaction():
            row = conn.execute("SELECT main.claim_first_casework_key()").fetchone()
            if not (row and row[0]):
                crypto.wipe(new_key)
                return False
            sealed_to = seal_to_directory(conn, centre, keyslots.CASEWORK, FIRST_GENERATION,
                                          new_key, keys.staff_id, only_holders=False)
            append_event(conn, keys.cipher(Compartment.MAIN), actor_id=keys.staff_id,
                         signer=keys.signer,
                         action=AuditAction.KEY_CHANGED, target_kind="compartment",
                         target_id=keyslots.CASEWORK,
                         detail=f"casework key generation {FIRST_GENERATION} made and sealed to "
                                f"{sealed_to} people (the first casework key)")
    except BaseException:
        crypto.wipe(new_key)
        raise
    keys.keys[keyslots.CASEWORK] = (FIRST_GENERATION, new_key)
    return True


def seal_to_directory(conn: Conn, centre: str, what: str, generation: int,
                      key: bytes | bytearray, sealed_by: int, *, only_holders: bool) -> int:
    """Seal key `what` (main or casework) to everyone in the server's slot
    directory whose roles open it; with `only_holders`, only to those who hold
    it now (a key change: the server refuses casework to anyone else, and
    whoever lacks the main key gets it from an administrator). How many."""
    given = 0
    compartment = Compartment(what)
    for staff_id, slot_id, public_key, brief, roles, holds in conn.execute(
            "SELECT staff_id, slot_id, public_key, slot, roles, holds "
            "FROM main.team_slot_directory()").fetchall():
        if only_holders and what not in holds:
            continue
        if compartment in compartments_for(Role(r) for r in roles):
            seal_to(conn, centre, staff_id, directory_slot(slot_id, brief, public_key),
                    what, generation, key, sealed_by)
            given += 1
    return given


def casework_sealed_since(conn: Conn, keys: TeamKeys) -> bool:
    """Whether a casework key is sealed to this person on the server though the
    keys opened hold none (sealed meanwhile by a colleague)."""
    if keys.holds(Compartment.CASEWORK) or Compartment.CASEWORK not in compartments_for(
            keys.roles):
        return False
    row = conn.execute("SELECT EXISTS (SELECT 1 FROM main.team_sealed_key WHERE staff_id = %s "
                       "AND what = 'casework')", (keys.staff_id,)).fetchone()
    return bool(row and row[0])


def directory_slot(slot_id: str, brief: dict[str, Any], public_key: bytes) -> keyslots.Slot:
    """A colleague's slot as main.team_slot_directory gives it: enough to seal to."""
    return keyslots.Slot(id=slot_id, kind=str(brief["kind"]), account=None,
                         kdf=crypto.KdfParams(), salt=b"", public_key=bytes(public_key),
                         private_nonce=b"", private_sealed=b"")
