"""People on the team server: the first administrator, and logins for people
moved in from a vault (docs/team-server.md, "People and their logins").

`first_administrator` is what `peerdesk team init` runs on a team with nobody
in it yet: it makes the centre's main key, and the administrator's login and
key slot holding it. `issue_login` is an administrator's (or the move's): a
person moved in by `team migrate` gets the login their PeerDesk name gives,
a one-time joining password, and a key slot holding the main key; they must
choose their own password at their first sign-in (keys.change_own_password),
and casework is sealed to them by the next casework holder to sign in
(keys.settle_casework).
"""

from __future__ import annotations

import secrets
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from peerdesk.domain.audit import AuditAction
from peerdesk.domain.staff import Role
from peerdesk.storage import crypto, keyslots
from peerdesk.storage.team import grants, keys
from peerdesk.storage.team.audit import append_as_owner
from peerdesk.storage.team.errors import TeamServerError
from peerdesk.storage.team.fieldcrypt import FieldCipher
from peerdesk.storage.team.schema import Conn, centre_id
from peerdesk.storage.team.staff import create_staff_login, scram_verifier

# A joining password: 5 groups of 4 from an alphabet without look-alikes
# (about 100 bits), read out or handed over on paper once.
_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"


class TeamHasPeople(TeamServerError):
    default_message = ("The team server already has people in it, so `team init` makes no "
                       "first administrator there: an administrator adds people from "
                       "PeerDesk (people moved in from a vault get a joining password with "
                       "`peerdesk team issue-login`). Nothing was changed.")


class NoSuchPerson(TeamServerError):
    default_message = ("Nobody active on the team server has that PeerDesk name. Nothing "
                       "was changed.")


class SeveralPeople(TeamServerError):
    default_message = ("More than one active person on the team server has that PeerDesk "
                       "name. Nothing was changed.")


class NameTaken(TeamServerError):
    default_message = ("Someone on the team server already has that PeerDesk name: give "
                       "this person another (a second name or an initial). Nothing was "
                       "changed.")


class AlreadyHasLogin(TeamServerError):
    default_message = ("That person can already sign in to the team server: a joining password "
                       "is only for someone moved in from a vault who has no login yet. "
                       "Nothing was changed.")


@dataclass(frozen=True, slots=True)
class Person:
    staff_id: int
    login: str
    name: str
    roles: tuple[str, ...]
    can_sign_in: bool


def joining_password() -> str:
    return "-".join("".join(secrets.choice(_ALPHABET) for _ in range(4)) for _ in range(5))


def _folded(name: str) -> str:
    return unicodedata.normalize("NFC", " ".join(name.split())).casefold()


def has_people(conn: Conn) -> bool:
    row = conn.execute("SELECT EXISTS (SELECT 1 FROM main.staff)").fetchone()
    return bool(row and row[0])


def first_administrator(conn: Conn, *, login: str, name: str, password: str,
                        params: crypto.KdfParams | None = None) -> int:
    """The centre's main key, made here, and the first administrator holding
    it; their staff id. Run as the setup account on a team with nobody in it
    (refused otherwise, under the set-up lock). No casework key is made: an
    administrator holds none. The centre's authority key is made too, held
    by the administrator, who signs the chain's first event with a signing
    key it granted (storage/team/grants.py)."""
    from peerdesk.storage.team.schema import _LOCK_KEY, current_version

    main_key = bytearray(secrets.token_bytes(32))
    try:
        with conn.transaction():
            conn.execute("SELECT pg_advisory_xact_lock(%s)", (_LOCK_KEY,))
            if has_people(conn):
                raise TeamHasPeople
            main = FieldCipher(main_key, compartment="main")
            staff_id = create_staff_login(conn, main, login, [Role.ADMIN], password, name)
            slot = keys.add_slot(conn, staff_id=staff_id, login=login, roles=[Role.ADMIN],
                                 password=password, main_key=main_key, params=params)
            # The centre's authority key, and the administrator's signing key
            # granted by it: the chain is signed from its first event.
            signer = grants.start_authority(conn, main, slot=slot, staff_id=staff_id,
                                            name=name)
            try:
                # The chain's first event, with the key just made (nothing is sealed
                # before it): the team began here, not by moving a vault in.
                append_as_owner(conn, main, actor_id=staff_id,
                                action=AuditAction.TEAM_CREATED, target_kind="staff",
                                target_id=str(staff_id),
                                detail=f"team created on the server (schema version "
                                       f"{current_version(conn)}), first administrator "
                                       f"{staff_id}", signer=signer)
            finally:
                signer.wipe()
            return staff_id
    finally:
        crypto.wipe(main_key)


def people(conn: Conn, main: FieldCipher) -> list[Person]:
    """Every active person, their name opened with the main key."""
    rows = conn.execute(
        "SELECT s.id, s.login_name, s.display_name, s.roles, "
        "EXISTS (SELECT 1 FROM pg_roles r WHERE r.rolname = s.login_name AND r.rolcanlogin) "
        "FROM main.staff s WHERE s.status = 'active' ORDER BY s.id").fetchall()
    return [Person(int(staff_id), str(login),
                   main.open("staff", "display_name", str(login), sealed),
                   tuple(roles), bool(can))
            for staff_id, login, sealed, roles, can in rows]


def find(conn: Conn, main: FieldCipher, name: str) -> Person:
    wanted = _folded(name)
    found = [p for p in people(conn, main) if _folded(p.name) == wanted]
    if not found:
        raise NoSuchPerson
    if len(found) > 1:
        raise SeveralPeople
    return found[0]


def add_person(conn: Conn, main: FieldCipher, *, name: str, roles: Sequence[Role],
               login: str, main_key: bytes | bytearray, main_generation: int,
               sealed_by: int, params: crypto.KdfParams | None = None,
               record: Callable[[int], None] | None = None,
               authority_seed: bytes | bytearray | None = None) -> tuple[int, str]:
    """A new person on a centre started on the server (an administrator's): their
    login with a one-time joining password, which they replace with their own at
    their first sign-in, and a key slot holding the main key; casework is
    sealed to them by the next casework holder to sign in (or made for them,
    the first time: keys.make_first_casework_key). Their staff id and the
    joining password; one transaction, in which `record` is given the new
    staff id to chain its audit event (services.team chains one as the
    administrator), so the person is added with their event or not at all.
    With `authority_seed` (the administrator holds the authority key), their
    signing key and its grant too."""
    if any(_folded(p.name) == _folded(name) for p in people(conn, main)):
        raise NameTaken
    password = joining_password()
    sealed_name = FieldCipher(main_key, compartment="main", generation=main_generation).seal(
        "staff", "display_name", login, name)
    with conn.transaction():
        row = conn.execute("SELECT main.create_joining_login(%s, %s, %s, %s)",
                           (login, [r.value for r in roles], scram_verifier(password),
                            sealed_name)).fetchone()
        assert row is not None
        staff_id = int(row[0])
        slot = keys.add_slot(conn, staff_id=staff_id, login=login, roles=roles,
                             password=password, main_key=main_key,
                             main_generation=main_generation, sealed_by=sealed_by,
                             params=params)
        _give_signing_key(conn, main, slot, staff_id, name, roles, authority_seed, sealed_by)
        if record is not None:
            record(staff_id)
    return staff_id, password


def _give_signing_key(conn: Conn, main: FieldCipher, slot: keyslots.Slot, staff_id: int,
                      name: str, roles: Sequence[Role],
                      authority_seed: bytes | bytearray | None, issued_by: int | None) -> None:
    """A signing key and its grant, when whoever gives the login holds the authority."""
    if authority_seed is None:
        return
    grants.give_signing_key(conn, main, slot=slot, staff_id=staff_id, name=name, roles=roles,
                            authority_seed=authority_seed, issued_by=issued_by).wipe()


# Records, in the transaction that gives it, that `person` was given a login
# (an audit event: services.team chains one as the administrator, the move as
# the set-up account).
Recorder = Callable[["Person", str], None]


def issue_login(conn: Conn, *, person: Person, login: str, main_key: bytes | bytearray,
                main_generation: int, sealed_by: int | None,
                params: crypto.KdfParams | None = None,
                record: Recorder | None = None,
                authority_seed: bytes | bytearray | None = None,
                keep_authority: bool = False) -> str:
    """A one-time joining password for `person` (moved in, no login yet), who
    will sign in as `login` and must then choose their own; their key slot
    holds the main key (and, with `authority_seed`, a signing key the
    authority granted them). One transaction."""
    password = joining_password()
    give_login(conn, person=person, login=login, password=password, main_key=main_key,
               main_generation=main_generation, sealed_by=sealed_by, params=params,
               record=record, authority_seed=authority_seed, keep_authority=keep_authority)
    return password


def give_login(conn: Conn, *, person: Person, login: str, password: str,
               main_key: bytes | bytearray, main_generation: int,
               casework_key: bytes | bytearray | None = None, casework_generation: int = 1,
               must_change: bool = True, sealed_by: int | None = None,
               params: crypto.KdfParams | None = None, record: Recorder | None = None,
               authority_seed: bytes | bytearray | None = None,
               signing_seed: bytes | bytearray | None = None,
               keep_authority: bool = False) -> None:
    """`person`'s login (moved in, none yet) as `login`, with `password`, and
    their key slot; `must_change` False only for the person moving the vault,
    whose own vault password it is (run as the setup account then), and whose
    own signing key, granted in the vault, comes in `signing_seed`. With
    `authority_seed`, a new signing key and its grant instead; with
    `keep_authority` too, the authority key sealed to their slot (a vault's
    administrator bringing it to the team at the move)."""
    if person.can_sign_in:
        raise AlreadyHasLogin
    main = FieldCipher(main_key, compartment="main", generation=main_generation)
    sealed_name = main.seal("staff", "display_name", login, person.name)
    with conn.transaction():
        conn.execute("SELECT main.issue_staff_login(%s, %s, %s, %s)",
                     (person.staff_id, login, sealed_name, scram_verifier(password)))
        roles = [Role(r) for r in person.roles]
        slot = keys.add_slot(conn, staff_id=person.staff_id, login=login, roles=roles,
                             password=password, main_key=main_key,
                             main_generation=main_generation, casework_key=casework_key,
                             casework_generation=casework_generation, sealed_by=sealed_by,
                             params=params)
        if signing_seed is not None:
            keys.seal_to(conn, centre_id(conn), person.staff_id, slot, keyslots.SIGNING, 1,
                         signing_seed, sealed_by)
        _give_signing_key(conn, main, slot, person.staff_id, person.name, roles,
                          authority_seed, sealed_by)
        if keep_authority and authority_seed is not None:
            keys.seal_to(conn, centre_id(conn), person.staff_id, slot, keyslots.AUTHORITY, 1,
                         authority_seed, sealed_by)
        if not must_change:
            conn.execute("UPDATE main.staff SET must_change_password = false WHERE id = %s",
                         (person.staff_id,))
        if record is not None:
            record(person, "joining password given" if must_change
                   else "login with their own password, moving the vault in")
