"""Team mode on a PC: joining the centre's team, signing in, and saving to the
team server — through the offline outbox when it can't be reached
(docs/architecture.md, "Team mode"; docs/team-server.md).

The team store (storage.team, psycopg) is imported only when a team function
runs, so a single-PC centre never loads the driver. The UI calls these; it
never touches storage.

What this PC keeps (platformdirs): the connection file it joined with, in the
config folder, and per person, in the data folder, one encrypted outbox and
one encrypted search cache (what that login may see, for search as you type
and for the read-only list when the server can't be reached).
"""

from __future__ import annotations

import contextlib
import dataclasses
import threading
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from peerdesk.domain.audit import AuditAction
from peerdesk.domain.errors import Message, PeerDeskError, PermissionDenied
from peerdesk.domain.staff import Compartment, Role

if TYPE_CHECKING:
    from peerdesk.storage.repositories.audit import ChainReport
    from peerdesk.storage.signer import Signer
    from peerdesk.storage.team.casework import (
        Audit,
        NewPeer,
        TeamCasework,
        TeamPeer,
        TeamSafeContact,
        TeamSession,
    )
    from peerdesk.storage.team.connection import ConnectionFile
    from peerdesk.storage.team.groupwork import (
        RegisterName,
        TeamContact,
        TeamGroupwork,
        TeamMark,
        TeamRegister,
    )
    from peerdesk.storage.team.keys import TeamKeys
    from peerdesk.storage.team.outbox import Outbox, SendResult
    from peerdesk.storage.team.people import Person
    from peerdesk.storage.team.rotation import RotationDone
    from peerdesk.storage.team.schema import Conn
    from peerdesk.storage.team.search_cache import CachedPeer, Refreshed, SearchCache

_Read = TypeVar("_Read")

APP_NAME = "PeerDesk"
CONNECTION_FILE_NAME = "team-connection.json"


class Offline(PeerDeskError):
    default_message = ("The team server can't be reached. New sessions and new peers are "
                       "kept on this PC, encrypted, and sent when it is back; changes to "
                       "records already on the server have to wait until then.")


class OfflineEdit(PeerDeskError):
    default_message = ("The team server can't be reached, so this change can't be saved "
                       "now: a change to a record already on the server must be checked "
                       "against what colleagues saved meanwhile. Try again when the server "
                       "is back; new sessions can still be logged.")


class WrongServerVersion(PeerDeskError):
    default_message = ("The team server was set up by an older PeerDesk (schema version "
                       "{found}; this PeerDesk needs {known}). Ask whoever runs the server "
                       "to run `peerdesk team init` with this PeerDesk. Nothing was changed.")


class PasswordChangeRequired(PeerDeskError):
    default_message = ("You signed in with a joining password an administrator gave you. "
                       "Choose your own password now; the joining one then stops working.")


class NotInitialised(PeerDeskError):
    default_message = ("This connection file has not been set up with `peerdesk team init` "
                       "yet: ask whoever runs the server for the file it wrote.")


@dataclass(frozen=True, slots=True)
class TeamPlace:
    """Where this PC keeps its team connection file and outboxes."""

    config_dir: Path
    data_dir: Path

    @classmethod
    def default(cls) -> TeamPlace:
        from platformdirs import user_config_path, user_data_path

        return cls(user_config_path(APP_NAME, appauthor=False, roaming=False),
                   user_data_path(APP_NAME, appauthor=False, roaming=False))

    @property
    def connection_file(self) -> Path:
        return self.config_dir / CONNECTION_FILE_NAME

    def outbox_path(self, centre: str, login: str) -> Path:
        return self.data_dir / "team-outbox" / f"{centre}-{login}.peerdesk-outbox"

    def search_cache_path(self, centre: str, login: str) -> Path:
        return self.data_dir / "team-search" / f"{centre}-{login}.peerdesk-search"


def has_joined(place: TeamPlace) -> bool:
    return place.connection_file.is_file()


def _login(info: ConnectionFile, name: str) -> str:
    from peerdesk.storage.team.staff import login_for

    return login_for(info.database, info.name_key, info.centre_id or info.database, name)


def _check_server(conn: Conn, info: ConnectionFile) -> None:
    from peerdesk.storage.team import schema
    from peerdesk.storage.team.connection import check_centre
    from peerdesk.storage.team.errors import TeamSchemaTooNew

    schema.check_server(conn)
    found, known = schema.current_version(conn), schema.latest_version()
    if found > known:
        raise TeamSchemaTooNew(found=found, known=known)
    if found < known:
        raise WrongServerVersion(found=found, known=known)
    check_centre(conn, info)


def load_connection_file(path: Path) -> ConnectionFile:
    from peerdesk.storage.team.connection import ConnectionFile

    info = ConnectionFile.load(path)
    if not info.centre_id:
        raise NotInitialised
    return info


def join(place: TeamPlace, connection_file: Path, name: str, password: str, *,
         new_password: str | None = None) -> TeamDesk:
    """Check the file by signing in with it; keep it on this PC only if that works."""
    info = load_connection_file(connection_file)
    desk = sign_in(place, name, password, info=info, new_password=new_password)
    try:
        place.connection_file.parent.mkdir(parents=True, exist_ok=True)
        info.save(place.connection_file)
    except BaseException:
        desk.close()
        raise
    return desk


def _must_change_password(conn: Conn) -> bool:
    row = conn.execute("SELECT must_change_password FROM main.staff "
                       "WHERE id = main.current_staff_id()").fetchone()
    return bool(row and row[0])


def sign_in(place: TeamPlace, name: str, password: str, *,
            info: ConnectionFile | None = None, new_password: str | None = None) -> TeamDesk:
    """Sign in to the team server with a PeerDesk name and password, at once.

    Someone signing in with a joining password (issue_login) must choose their
    own: without `new_password` this raises PasswordChangeRequired, with it
    the password is changed (login and key slot) before anything else.

    On a centre started on the server, the first programme lead or caseworker
    to sign in makes its casework key here (quick). The long work a casework
    holder's sign-in may bring — a change of the casework key owed since
    someone left, and the first fill of this PC's search cache — is not done
    here: `TeamDesk.prepare` does it, in the background (search says it is
    still being prepared until then).
    """
    from peerdesk.domain.errors import ValidationError
    from peerdesk.domain.validation import password_problem
    from peerdesk.storage.team import keys as team_keys
    from peerdesk.storage.team.connection import connect, lost_as_unreachable

    info = info or load_connection_file(place.connection_file)
    login = _login(info, name)
    conn = connect(info, login, password, autocommit=True)
    try:
        with lost_as_unreachable(info):
            _check_server(conn, info)
            if _must_change_password(conn):
                if new_password is None:
                    raise PasswordChangeRequired
                problem = password_problem(new_password, account_name=name)
                if problem is None and new_password == password:
                    problem = Message(
                        "Choose a password of your own, not the joining one.")
                if problem is not None:
                    raise ValidationError(problem.template, field="new_password",
                                          **problem.values)
                team_keys.change_own_password(conn, password, new_password)
                password = new_password
            try:
                keys = team_keys.open_keys(conn, password)
            except team_keys.NoKeySlot:
                # The slot went (the person was deactivated): so does this PC's copy.
                forget_search_cache(place, info, login)
                raise
            if not team_keys.make_first_casework_key(conn, keys) and \
                    team_keys.casework_sealed_since(conn, keys):
                # A colleague signing in at the same moment made it (and sealed
                # it to this person too): open it now rather than next time.
                keys.wipe()
                keys = team_keys.open_keys(conn, password)
            team_keys.settle_casework(conn, keys)
    except BaseException:
        conn.close()
        raise
    desk = TeamDesk(place, info, login, password, conn, keys)
    try:
        if keys.older.get(Compartment.CASEWORK.value) and desk.place.outbox_path(
                str(info.centre_id), login).is_file():
            # A key change under way: this PC's outbox may be under the generation
            # being replaced, so it moves across while that still opens.
            desk.outbox()
        desk.preparation = desk._prepared_already()
    except BaseException:
        desk.close()
        raise
    return desk


class SearchNotReady(PeerDeskError):
    default_message = ("Search is still being prepared ({percent} %). It works as soon as "
                       "this PC has its copy of the records you may see.")


class Phase(StrEnum):
    WAITING = "waiting"          # not started (or stopped, to go on at the next sign-in)
    KEY_CHANGE = "key change"    # re-sealing casework under a new key
    MAIN_KEY_CHANGE = "main key change"   # re-sealing what the main key seals
    SEARCH = "search"            # filling this PC's search cache
    READY = "ready"
    FAILED = "failed"


@dataclass(slots=True)
class Preparation:
    """Where the background work after a sign-in is. Written by the worker,
    read by the window (single attribute writes: no lock needed)."""

    phase: Phase = Phase.WAITING
    percent: int = 0                # of the search cache's first fill
    rows_resealed: int = 0          # by this PC, in a key change
    search_ready: bool = False      # search can use the cache now

    @property
    def done(self) -> bool:
        return self.phase is Phase.READY


class PreparationStopped(Exception):
    """Asked to stop (the window closed): the work goes on at the next sign-in."""


def forget_search_cache(place: TeamPlace, info: ConnectionFile, login: str) -> None:
    """Remove a person's search cache from this PC."""
    from peerdesk.storage.team.search_cache import wipe

    wipe(place.search_cache_path(str(info.centre_id), login))


@dataclass(frozen=True, slots=True)
class CachedList:
    """The peers list from this PC's search cache."""

    peers: list[CachedPeer]
    read_only: bool                 # the server can't be reached: nothing can be changed
    in_step_at: datetime | None     # when the cache was last in step with the server


@dataclass(frozen=True, slots=True)
class KeyChangeDone:
    generation: int
    rows: int
    seconds: float


class Pick(StrEnum):
    MINE = "mine"
    THEIRS = "theirs"


@dataclass(frozen=True, slots=True)
class FieldChange:
    """One field of a record two people changed: as it was, theirs, and mine."""

    field: str
    before: Any
    theirs: Any
    mine: Any

    @property
    def both_changed(self) -> bool:
        return bool(self.theirs != self.before and self.mine != self.before)


class EditConflict(PeerDeskError):
    """Someone saved the record after it was opened here (a second save)."""

    default_message = ("Someone else saved this record after you opened it. Choose, field "
                       "by field, what to keep.")

    def __init__(self, before: TeamPeer, theirs: TeamPeer, mine: TeamPeer) -> None:
        super().__init__()
        self.before, self.theirs, self.mine = before, theirs, mine

    @property
    def changes(self) -> list[FieldChange]:
        """Every field either side changed, in form order."""
        from peerdesk.storage.team.casework import PEER_EDITABLE

        found = []
        for name in PEER_EDITABLE:
            before, theirs, mine = (getattr(p, name) for p in (self.before, self.theirs,
                                                                 self.mine))
            if theirs != before or mine != before:
                found.append(FieldChange(name, before, theirs, mine))
        return found

    def merged(self, picks: Mapping[str, Pick]) -> TeamPeer:
        """Theirs, with mine where I changed a field they didn't, or where I picked mine
        over theirs; against their version."""
        chosen: dict[str, Any] = {}
        for change in self.changes:
            if change.theirs == change.before or (
                    change.both_changed and picks.get(change.field) is Pick.MINE):
                chosen[change.field] = change.mine
        return dataclasses.replace(self.theirs, **chosen)


@dataclass(frozen=True, slots=True)
class Saved:
    sent: bool  # False: kept in the outbox until the server is back


class TeamDesk:
    """One signed-in person's team work on this PC."""

    def __init__(self, place: TeamPlace, info: ConnectionFile, login: str, password: str,
                 conn: Conn | None, keys: TeamKeys) -> None:
        self.place, self.info, self.login = place, info, login
        self._password = password  # to reconnect when the server is back
        self._conn = conn
        self.keys = keys
        self._outbox: Outbox | None = None
        self.key_changes_done: list[KeyChangeDone] = []
        self._cache: SearchCache | None = None
        self._cache_generation: int | None = None
        self.preparation = Preparation()
        # `prepare` runs on a worker with these keys: closing asks it to stop
        # after its batch and waits for it, so keys are never wiped under it.
        self._closing = threading.Event()
        self._not_preparing = threading.Event()
        self._not_preparing.set()

    @property
    def staff_id(self) -> int:
        return self.keys.staff_id

    @property
    def roles(self) -> frozenset[Role]:
        return self.keys.roles

    @property
    def signer(self) -> Signer | None:
        """Signs this person's audit events with the key the authority granted
        them (storage/team/grants.py); None when their slot holds none."""
        return self.keys.signer

    # -- the connection ------------------------------------------------------------

    def _store(self) -> TeamCasework | None:
        """The casework store on a live connection, reconnecting if need be; None
        when the server can't be reached."""
        from peerdesk.storage.team.casework import TeamCasework

        conn = self._live()
        if conn is None:
            return None
        return TeamCasework(conn, self.keys.cipher(Compartment.CASEWORK), self._audit_on(conn))

    def _live(self) -> Conn | None:
        """The connection, reconnecting if need be; None when the server can't be
        reached."""
        from peerdesk.storage.team.errors import ServerUnreachable

        try:
            return self._connection()
        except ServerUnreachable:
            return None

    def _audit_on(self, conn: Conn) -> Audit:
        """Every view and change of a peer's record, chained onto the server's audit
        log in the transaction of what it records (storage/team/audit.py)."""
        from peerdesk.storage.team.audit import append_event

        main = self.keys.cipher(Compartment.MAIN)

        def record(action: AuditAction, target_kind: str, target_id: str, detail: str) -> None:
            append_event(conn, main, actor_id=self.staff_id, action=action,
                         target_kind=target_kind, target_id=target_id, detail=detail,
                         signer=self.signer)

        return record

    def _drop(self) -> None:
        if self._conn is not None:
            with contextlib.suppress(Exception):
                self._conn.close()
        self._conn = None

    def is_online(self) -> bool:
        """Whether the server answers now (reconnecting if it had gone)."""
        from peerdesk.storage.team.connection import answers

        if self._conn is not None and not (self._conn.closed or self._conn.broken):
            if answers(self._conn):
                return True
            self._drop()
        return self._live() is not None

    def server_check(self) -> Callable[[], bool]:
        """A check whether the server answers, for a worker thread (the GUI's never
        waits on the network: a host that drops packets holds a connect for its
        whole timeout). It asks on a connection of its own, opened and closed at
        once, so the desk's connection stays the desk thread's alone. What it
        signs in with is taken now: a sign-out meanwhile wipes the desk, not it."""
        from peerdesk.storage.team.connection import answers
        from peerdesk.storage.team.errors import ServerUnreachable

        connect = self.own_connection()

        def check() -> bool:
            try:
                conn = connect()
            except ServerUnreachable:
                return False
            with contextlib.closing(conn):
                return answers(conn)

        return check

    def own_connection(self) -> Callable[[], Conn]:
        """Opens a connection of its own at each call (autocommit; ServerUnreachable
        when the server can't be reached), for work off the desk's thread, such as
        a report counted on a worker. What it signs in with is taken now."""
        from peerdesk.storage.team.connection import connect

        info, login, password = self.info, self.login, self._password
        return lambda: connect(info, login, password, autocommit=True)

    def apart(self) -> TeamDesk:
        """This person's desk again, for one worker thread (services/team_sending.py)."""
        from peerdesk.services.team_sending import desk_apart

        return desk_apart(self, self._password)

    def server_away(self) -> None:
        """Told (on the desk's thread) that `server_check` found the server away:
        the desk's connection is dropped as `is_online` would, so what comes next
        reconnects, or works from the cache and the outbox."""
        self._drop()

    def status(self) -> str:
        """What the PC says about the server, plainly."""
        if self.is_online():
            said = "Connected to the team server."
            waiting = self.waiting()
            if waiting:
                said += (f" {waiting} saved while it couldn't be reached are waiting to be "
                         "sent.")
            key_change = self.key_change_status()
            return f"{said} {key_change}" if key_change else said
        return Offline.default_message

    def key_change_status(self) -> str | None:
        """What the server says of key changes owed or under way (for anyone
        signed in, administrators too); None when there is none."""
        from peerdesk.services import team_main_key

        store_conn = self._conn
        if store_conn is None or store_conn.closed or store_conn.broken:
            return None
        return team_main_key.status(store_conn)

    # -- people --------------------------------------------------------------------

    def issue_login(self, name: str) -> str:
        """A one-time joining password for `name`, someone moved in from a vault who
        has no login yet (administrators only): their login, and a key slot holding
        the main key; casework is sealed to them by the next casework holder to
        sign in. They must choose their own password when they first sign in."""
        from peerdesk.storage.team import people

        if Role.ADMIN not in self.roles:
            raise PermissionDenied("Only an administrator gives people their logins.")
        store = self._connection()
        generation, main_key = self.keys.keys[Compartment.MAIN.value]
        person = people.find(store, self.keys.cipher(Compartment.MAIN), name)
        record = self._audit_on(store)
        return people.issue_login(
            store, person=person, login=_login(self.info, person.name), main_key=main_key,
            main_generation=generation, sealed_by=self.staff_id,
            record=lambda p, what: record(AuditAction.LOGIN_ISSUED, "staff", str(p.staff_id),
                                          what), authority_seed=self._authority_seed())

    def deactivate(self, name: str) -> None:
        """End `name`'s access to the team (administrators only): their login can't
        sign in, their key slot goes, and a change of the main key is owed (and
        of the casework key, when they held it: storage/team/rotation.py; the
        main key's is done by `prepare`, services/team_main_key.py); audited in the same
        transaction. The server refuses it for one's own login (a deactivated
        login can't write the event that records it)."""
        from peerdesk.storage.team import grants, people, rotation
        from peerdesk.storage.team.casework import _saving
        from peerdesk.storage.team.staff import deactivate_staff_login

        if Role.ADMIN not in self.roles:
            raise PermissionDenied(
                "Only an administrator can manage staff accounts and the screen-lock setting.")
        store = self._connection()
        person = people.find(store, self.keys.cipher(Compartment.MAIN), name)
        record = self._audit_on(store)
        with _saving(store):
            deactivate_staff_login(store, person.login)
            authority = self._authority_seed()
            if authority is not None:
                # A grant saying so: an event signed with their key after it fails.
                grants.revoke(store, self.keys.cipher(Compartment.MAIN),
                              authority_seed=authority, staff_id=person.staff_id,
                              issued_by=self.staff_id)
            record(AuditAction.STAFF_DEACTIVATED, "staff", str(person.staff_id),
                   "login and key slot removed" + "".join(
                       f"; a change of the {kind.what} key is owed"
                       for kind in (rotation.CASEWORK_KEY, rotation.MAIN_KEY)
                       if rotation.owed(store, kind)))

    def add_person(self, name: str, roles: list[Role]) -> str:
        """A new person on the team (administrators only): their login and a
        one-time joining password, returned to hand over; they choose their own
        password at their first sign-in. Casework is sealed to them by the next
        casework holder to sign in; on a centre started on the server the first
        programme lead or caseworker to sign in makes the casework key."""
        from peerdesk.domain.staff import roles_code
        from peerdesk.domain.validation import clean_name
        from peerdesk.storage.team import people

        if Role.ADMIN not in self.roles:
            raise PermissionDenied("Only an administrator gives people their logins.")
        name = clean_name(name, what="The person's name")
        store = self._connection()
        generation, main_key = self.keys.keys[Compartment.MAIN.value]
        record = self._audit_on(store)
        # As a vault records an account added: the staff id and the roles'
        # codes, never the name.
        _staff_id, password = people.add_person(
            store, self.keys.cipher(Compartment.MAIN), name=name, roles=roles,
            login=_login(self.info, name), main_key=main_key, main_generation=generation,
            sealed_by=self.staff_id,
            record=lambda staff_id: record(AuditAction.STAFF_ADDED, "staff", str(staff_id),
                                           roles_code(roles)),
            authority_seed=self._authority_seed())
        return password

    def _authority_seed(self) -> bytearray | None:
        """The centre's authority key, when this administrator's slot holds it:
        people they add get a signing key it grants (storage/team/grants.py)."""
        return (self.keys.key(Compartment.AUTHORITY) if self.keys.holds(Compartment.AUTHORITY)
                else None)

    def people(self) -> list[Person]:
        """Every active person of the centre, their names opened (for choosing who
        works with a peer); empty when the server can't be reached."""
        from peerdesk.storage.team import people

        conn = self._live()
        if conn is None:
            return []
        return people.people(conn, self.keys.cipher(Compartment.MAIN))

    def _connection(self) -> Conn:
        """The connection, reconnecting if it had gone (ServerUnreachable when the
        server can't be reached)."""
        from peerdesk.storage.team.connection import connect

        if self._conn is not None and (self._conn.closed or self._conn.broken):
            self._drop()
        if self._conn is None:
            self._conn = connect(self.info, self.login, self._password, autocommit=True)
        return self._conn

    # -- casework ------------------------------------------------------------------

    def _require_casework(self) -> None:
        if not self.keys.holds(Compartment.CASEWORK):
            raise PermissionDenied("Your role does not open peers' records.")

    def outbox(self) -> Outbox:
        self._require_casework()
        if self._outbox is None:
            self._outbox = self._open_outbox(
                self.place.outbox_path(str(self.info.centre_id), self.login))
        return self._outbox

    def _open_outbox(self, path: Path) -> Outbox:
        """The outbox, under the newest casework key. One made under a generation
        since replaced (a key change after someone left) is moved across when
        this person still holds that generation: what it holds unsent, refused
        ones too (the old key may be why), goes into a new one, and the old file
        is kept beside it. One no key held opens any more is kept aside too
        (`.replaced-key`), never deleted."""
        from peerdesk.domain.errors import VaultDamaged
        from peerdesk.storage.team.outbox import Outbox, unsent_records

        newest = self.keys.key(Compartment.CASEWORK)
        try:
            return Outbox(path, newest)
        except VaultDamaged:
            if not path.is_file():
                raise
        moved: list[Any] = []
        older = self.keys.older.get(Compartment.CASEWORK.value, {})
        for generation in sorted(older, reverse=True):
            try:
                old = Outbox(path, older[generation])
            except VaultDamaged:
                continue
            try:
                moved = unsent_records(old)
            finally:
                old.close()
            path.replace(path.with_name(f"{path.name}.generation-{generation}"))
            break
        else:
            path.replace(path.with_name(f"{path.name}.replaced-key"))
        outbox = Outbox(path, newest)
        for record in moved:
            outbox.put(record)
        return outbox

    def search_cache(self) -> SearchCache:
        self._require_casework()
        generation = self.keys.generation(Compartment.CASEWORK)
        if self._cache is not None and self._cache_generation != generation:
            # The key changed (in the background): the file was made again under it.
            self._cache.close()
            self._cache = None
        if self._cache is None:
            self._cache = self._open_cache()
            self._cache_generation = generation
        return self._cache

    def _open_cache(self) -> SearchCache:
        """This person's search cache file, under the newest casework key; one a
        key since replaced made (a key change after someone left) is a copy of
        the server's, so made again. Each thread opens its own."""
        from peerdesk.domain.errors import VaultDamaged
        from peerdesk.storage.team.search_cache import SearchCache, wipe

        path = self.place.search_cache_path(str(self.info.centre_id), self.login)
        try:
            return SearchCache(path, self.keys.key(Compartment.CASEWORK))
        except VaultDamaged:
            if not path.is_file():
                raise
            wipe(path)
            return SearchCache(path, self.keys.key(Compartment.CASEWORK))

    # -- after signing in: the long work, in the background ---------------------------

    def _rotation_mine(self) -> bool:
        """Whether a casework key change waits for this person to do it."""
        from peerdesk.storage.team import rotation

        if not rotation.may_rotate(self.keys) or self._conn is None:
            return False
        return any(r.what == Compartment.CASEWORK.value for r in rotation.pending(self._conn))

    def _prepared_already(self) -> Preparation:
        """At sign-in: whether search can use this PC's cache at once (filled
        before, under this key, and no key change for this person to do)."""
        if not self.keys.holds(Compartment.CASEWORK):
            return Preparation(Phase.WAITING if self._main_key_change_mine() else Phase.READY,
                               100, 0, search_ready=False)
        if self._rotation_mine():
            return Preparation()
        from peerdesk.domain.errors import VaultDamaged
        from peerdesk.storage.team.search_cache import SearchCache

        path = self.place.search_cache_path(str(self.info.centre_id), self.login)
        if not path.is_file():
            return Preparation()
        try:
            # Opened and closed here: sign-in may run on a worker thread, and a
            # cache connection belongs to the thread that opened it.
            cache = SearchCache(path, self.keys.key(Compartment.CASEWORK))
        except VaultDamaged:
            return Preparation()
        try:
            filled = cache.filled
        finally:
            cache.close()
        return Preparation(percent=100 if filled else 0, search_ready=filled)

    def _main_key_change_mine(self) -> bool:
        from peerdesk.services import team_main_key

        return team_main_key.change_mine(self._conn, self.keys)

    @property
    def needs_preparation(self) -> bool:
        return not self.preparation.done and (self.keys.holds(Compartment.CASEWORK)
                                              or self._main_key_change_mine())

    def prepare(self, progress: Callable[[Preparation], None] | None = None,
                should_stop: Callable[[], bool] = lambda: False) -> Preparation:
        """The long work after a casework holder signs in, meant for a background
        job: a change of the casework key owed since someone left (or one cut
        off), then the first fill of this PC's search cache (or bringing it in
        step). On a connection and a cache file of its own, so the person can
        work meanwhile. `progress` is told as it goes; `should_stop` is asked
        after each batch: stopped (the window closing, say), everything done so
        far stays done and the rest goes on at the next sign-in. The
        Preparation; Offline when the server can't be reached."""
        state = self.preparation
        # Cleared before `_closing` is looked at, as close() sets it before
        # waiting: either close waits for this, or this sees it closing.
        self._not_preparing.clear()
        try:
            if self._closing.is_set():
                return state
            if not self.keys.holds(Compartment.CASEWORK) and not self._main_key_change_mine():
                state.phase = Phase.READY
                return state
            return self._prepare(state, progress,
                                 lambda: should_stop() or self._closing.is_set())
        finally:
            self._not_preparing.set()

    def _prepare(self, state: Preparation, progress: Callable[[Preparation], None] | None,
                 should_stop: Callable[[], bool]) -> Preparation:
        from peerdesk.services import team_main_key
        from peerdesk.storage.team import rotation
        from peerdesk.storage.team.connection import connect, lost_as_unreachable
        from peerdesk.storage.team.errors import ServerUnreachable
        from peerdesk.storage.team.search_cache import FillProgress, NoLongerActive

        def tell() -> None:
            if progress is not None:
                progress(state)

        def resealed(done: rotation.Progress) -> None:
            state.rows_resealed = done.rows_here
            tell()
            if should_stop():
                raise PreparationStopped

        def filled(done: FillProgress) -> None:
            state.phase, state.percent = Phase.SEARCH, done.percent
            tell()

        try:
            conn = connect(self.info, self.login, self._password, autocommit=True)
        except ServerUnreachable:
            raise Offline from None
        cache: SearchCache | None = None
        try:
            with lost_as_unreachable(self.info):
                if team_main_key.change_mine(conn, self.keys):
                    state.phase = Phase.MAIN_KEY_CHANGE
                    tell()
                    self._changed(team_main_key.change_owed(conn, self.keys, resealed))
                if self.keys.holds(Compartment.CASEWORK):
                    if rotation.may_rotate(self.keys) and rotation.pending(conn):
                        state.search_ready = False
                        state.phase = Phase.KEY_CHANGE
                        tell()
                        self._changed(rotation.rotate_owed(
                            conn, self.keys, batch=rotation.BATCH, progress=resealed,
                            keep_older=True))
                    state.phase = Phase.SEARCH
                    tell()
                    cache = self._open_cache()
                    if not cache.fill(conn, self.keys.cipher(Compartment.CASEWORK),
                                      progress=filled, should_stop=should_stop):
                        raise PreparationStopped
                    cache.refresh(conn, self.keys.cipher(Compartment.CASEWORK))
        except PreparationStopped:
            state.phase = Phase.WAITING
            return state
        except NoLongerActive:
            state.phase = Phase.FAILED
            if cache is not None:
                cache.close()
                cache = None
            forget_search_cache(self.place, self.info, self.login)
            raise PermissionDenied(NoLongerActive.default_message) from None
        except BaseException:
            state.phase = Phase.FAILED
            raise
        finally:
            if cache is not None:
                cache.close()
            with contextlib.suppress(Exception):
                conn.close()
        state.percent, state.phase = 100, Phase.READY
        state.search_ready = self.keys.holds(Compartment.CASEWORK)
        tell()
        return state

    def _changed(self, changes: list[RotationDone]) -> None:
        self.key_changes_done += [KeyChangeDone(c.generation, c.rows, c.seconds)
                                  for c in changes]

    def _settle_outbox(self) -> None:
        """After a key change this PC made: its outbox moved across to the new key
        while the older one is still in memory, then the older one wiped."""
        from peerdesk.storage.crypto import wipe as crypto_wipe

        older = self.keys.older.get(Compartment.CASEWORK.value)
        if not older or not self.key_changes_done:
            return
        if self.place.outbox_path(str(self.info.centre_id), self.login).is_file():
            if self._outbox is not None:
                self._outbox.close()
                self._outbox = None
            self.outbox()
        for key in self.keys.older.pop(Compartment.CASEWORK.value).values():
            crypto_wipe(key)

    def prepared(self) -> None:
        """Called on the thread that uses this desk once `prepare` has ended."""
        self._settle_outbox()

    def _search_ready(self) -> SearchCache:
        self._require_casework()
        if not self.preparation.search_ready:
            raise SearchNotReady(percent=self.preparation.percent)
        return self.search_cache()

    def refresh_cache(self) -> Refreshed | None:
        """Bring the search cache in step with the server; None when it can't be
        reached (the cache keeps what it had). A person no longer active loses
        this PC's copy at once."""
        from peerdesk.storage.team.casework import ConnectionLost
        from peerdesk.storage.team.search_cache import NoLongerActive

        if not self.preparation.search_ready:
            return None  # the background job fills it (`prepare`)
        cache = self.search_cache()
        store = self._store()
        if store is None:
            return None
        try:
            return cache.refresh(store.conn, store.cipher)
        except ConnectionLost:
            self._drop()
            return None
        except NoLongerActive:
            self._cache = None
            cache.close()
            forget_search_cache(self.place, self.info, self.login)
            raise PermissionDenied(NoLongerActive.default_message) from None

    def find_peers(self, text: str) -> list[uuid.UUID]:
        """Search as you type, on this PC's cache: peers whose names start with the
        words typed or whose notes (those this login may read) hold them, ordered as
        the vault orders its peers list (name, then reference)."""
        return self._search_ready().find(text)

    def peer_rows(self, ids: list[uuid.UUID]) -> list[CachedPeer]:
        """The list's rows for these ids (a screenful), from the cache, in that order."""
        return self._search_ready().peers(ids)

    def cached_peers(self) -> CachedList:
        """The peers list from the cache, brought in step first when the server
        answers; read-only (and saying since when) when it doesn't."""
        cache = self._search_ready()
        online = self.refresh_cache() is not None
        return CachedList(cache.peers(), read_only=not online, in_step_at=cache.in_step_at)

    def waiting(self) -> int:
        return self.outbox().count_waiting() if self.keys.holds(Compartment.CASEWORK) else 0

    def _save_new(self, record: TeamPeer | NewPeer | TeamSession) -> Saved:
        """Straight to the server when it answers (anything queued before goes
        first, so the order holds); otherwise into the outbox."""
        from peerdesk.storage.team.casework import ConnectionLost, TeamSession

        self._require_casework()
        outbox = self.outbox()
        store = self._store()
        if store is not None and outbox.count_waiting():
            self.send_waiting()
            store = self._store()
        if store is not None and not outbox.count_waiting():
            try:
                if isinstance(record, TeamSession):
                    stamp = store.save_session(record)
                    if stamp is not None and self.preparation.search_ready:
                        # Into the cache as the next refresh would bring it: a save
                        # waits for no round of the server's changes (the lists do).
                        self.search_cache().put_saved_session(record, stamp, store.cipher)
                else:
                    store.add_peer(record)
                    self.refresh_cache()
                return Saved(sent=True)
            except ConnectionLost:
                self._drop()
        outbox.put(record)
        return Saved(sent=False)

    def add_session(self, session: TeamSession) -> Saved:
        if Role.PEER_SUPPORTER in self.roles and not (
                self.roles & {Role.CASEWORKER, Role.PROGRAMME_LEAD}) \
                and session.worker_id != self.staff_id:
            raise PermissionDenied("A peer supporter logs only their own sessions.")
        return self._save_new(session)

    def add_peer(self, peer: TeamPeer | NewPeer) -> Saved:
        """A new peer (with their safe-contact details); kept in the outbox when the
        server can't be reached, and findable meanwhile in this PC's search cache,
        without a reference number until the server gives one as it lands."""
        from peerdesk.storage.team.casework import NewPeer

        saved = self._save_new(peer)
        if not saved.sent:
            self.search_cache().put_waiting(peer.peer if isinstance(peer, NewPeer) else peer)
        return saved

    def send_waiting(self) -> SendResult:
        """Send what the outbox holds, if the server answers."""
        from peerdesk.storage.team.outbox import SendResult

        outbox = self.outbox()
        store = self._store()
        if store is None:
            return SendResult(left=outbox.count_waiting())
        result = outbox.send(store)
        if result.left:
            self._drop()
        elif result.sent:
            self.refresh_cache()
        return result

    def _read_casework(self, read: Callable[[TeamCasework], _Read]) -> _Read:
        """A read on the server (an audited view too); see `_read_on`."""
        return self._read_on(self._store, read)

    def read_casework(self, read: Callable[[TeamCasework], _Read]) -> _Read:
        """`_read_casework` for the modules beside the desk (services/team_sessions.py)."""
        return self._read_casework(read)

    def _read_on(self, reach: Callable[[], Any], read: Callable[[Any], _Read]) -> _Read:
        """A read on what `reach` opens on the server; a connection the server
        ended since (a restart, or it stopped) is made again once; Offline when
        it can't be."""
        from peerdesk.storage.team.casework import ConnectionLost
        from peerdesk.storage.team.connection import lost_as_unreachable
        from peerdesk.storage.team.errors import ServerUnreachable

        self._require_casework()
        for _attempt in range(2):
            where = reach()
            if where is None:
                raise Offline
            try:
                with lost_as_unreachable(self.info):
                    return read(where)
            except (ServerUnreachable, ConnectionLost):
                self._drop()
        raise Offline

    def peer(self, peer_id: Any) -> TeamPeer | None:
        """A peer as this login may see them (None: not theirs, or gone); audited."""
        opened = self.open_peer(peer_id)
        return None if opened is None else opened[0]

    def open_peer(self, peer_id: Any) -> tuple[TeamPeer, TeamSafeContact | None] | None:
        """A peer and their safe-contact details, the view audited on the server."""
        return self._read_casework(lambda store: store.open_peer(peer_id))

    def assignment(self, peer_id: Any) -> tuple[int | None, int | None] | None:
        """Who works with a peer (caseworker, supporter), or None when this login
        may not see them; for the services' permission checks."""
        return self._read_casework(lambda store: store.assignment(peer_id))

    def record_view(self, peer_id: Any, detail: str) -> None:
        """Audit a view of part of a peer's record (their sessions, say)."""
        self._read_casework(lambda store: store.record(AuditAction.VIEWED, peer_id, detail))

    def set_safe_contact(self, contact: TeamSafeContact) -> None:
        """Save a peer's safe-contact details (audited); never queued offline."""
        from peerdesk.storage.team.casework import ConnectionLost

        self._require_casework()
        store = self._store()
        if store is None:
            raise OfflineEdit
        try:
            store.set_safe_contact(contact)
        except ConnectionLost:
            self._drop()
            raise OfflineEdit from None

    def check_audit(self) -> ChainReport:
        """The server's whole audit log walked and checked (administrators and
        programme leads, who may read it)."""
        from peerdesk.storage.team.audit import verify_chain

        if not self.roles & {Role.ADMIN, Role.PROGRAMME_LEAD}:
            raise PermissionDenied("Only an administrator or a programme lead can check the "
                                   "audit log.")
        if self._store_connection() is None:
            raise Offline
        conn = self._conn
        assert conn is not None
        with conn.transaction():
            return verify_chain(conn, self.keys.cipher(Compartment.MAIN))

    def _store_connection(self) -> Conn | None:
        return self._conn if self.is_online() else None

    def peers(self) -> list[TeamPeer]:
        return self._read_casework(lambda store: store.peers())

    def sessions(self, peer_id: Any) -> list[TeamSession]:
        return self._read_casework(lambda store: store.sessions(peer_id))

    def save_peer(self, before: TeamPeer, edited: TeamPeer) -> TeamPeer:
        """Save an edit of `before` (as it was read); the saved record. Raises
        EditConflict when someone saved it meanwhile, OfflineEdit when the
        server can't be reached (edits are never queued)."""
        from peerdesk.storage.team.casework import ConnectionLost, RowChanged

        self._require_casework()
        store = self._store()
        if store is None:
            raise OfflineEdit
        try:
            version = store.update_peer(dataclasses.replace(edited,
                                                            row_version=before.row_version))
        except RowChanged as changed:
            raise EditConflict(before, changed.current, edited) from None
        except ConnectionLost:
            self._drop()
            raise OfflineEdit from None
        self.refresh_cache()
        return dataclasses.replace(edited, row_version=version)

    def resolve(self, conflict: EditConflict, picks: Mapping[str, Pick]) -> TeamPeer:
        """Save the merge the person chose (another EditConflict if it moved again)."""
        return self.save_peer(conflict.theirs, conflict.merged(picks))

    # -- contacts and registers (storage/team/groupwork.py) --------------------------

    def _groupwork(self) -> TeamGroupwork | None:
        from peerdesk.storage.team.groupwork import TeamGroupwork

        store = self._store()
        return None if store is None else TeamGroupwork(store.conn, store.cipher, store.audit)

    def _only_supporter(self) -> bool:
        return Role.PEER_SUPPORTER in self.roles and not (
            self.roles & {Role.CASEWORKER, Role.PROGRAMME_LEAD})

    def _save_new_groupwork(self, record: TeamContact | TeamRegister) -> Saved:
        """As _save_new, for a contact or a register: the outbox goes first, so the
        order holds; offline (or dropped mid-save), into the outbox."""
        from peerdesk.storage.team.casework import ConnectionLost
        from peerdesk.storage.team.groupwork import TeamContact

        self._require_casework()
        outbox = self.outbox()
        if self._store() is not None and outbox.count_waiting():
            self.send_waiting()
        groups = self._groupwork()
        if groups is not None and not outbox.count_waiting():
            try:
                if isinstance(record, TeamContact):
                    groups.add_contact(record)
                else:
                    groups.take_register(record)
                return Saved(sent=True)
            except ConnectionLost:
                self._drop()
        outbox.put(record)
        return Saved(sent=False)

    def add_contact(self, contact: TeamContact) -> Saved:
        """Log a contact of the listening service (kept in the outbox when offline)."""
        from peerdesk.storage.team.groupwork import TeamContact

        if not isinstance(contact, TeamContact):
            raise TypeError("a TeamContact")
        if self._only_supporter() and contact.taken_by != self.staff_id:
            raise PermissionDenied("A peer supporter logs only the contacts they took.")
        return self._save_new_groupwork(contact)

    def take_register(self, register: TeamRegister) -> Saved:
        """Mark a meeting's register (all of it or some people). Merged by person with
        what other PCs marked: the stronger mark stays (attended > apologies >
        absent), so two PCs' registers make one, and an outbox sent later merges
        the same way."""
        from peerdesk.domain.errors import ValidationError
        from peerdesk.storage.team.groupwork import MARKS

        for mark in register.marks:
            if mark.mark not in MARKS:
                raise ValidationError("Not a register mark: {mark}.", field="mark",
                                      mark=mark.mark)
        if len({m.peer_id for m in register.marks}) != len(register.marks):
            raise ValidationError("A person is marked twice on one register.", field="mark")
        return self._save_new_groupwork(register)

    def mark_attendance(self, meeting_id: Any, peer_id: Any, mark: str, *,
                        walk_in: bool = False) -> Saved:
        """One person's mark: a register of one."""
        import uuid

        from peerdesk.storage.team.groupwork import TeamMark, TeamRegister

        return self.take_register(TeamRegister(uuid.uuid4(), meeting_id,
                                               (TeamMark(peer_id, mark, walk_in),)))

    def correct_mark(self, meeting_id: Any, peer_id: Any, mark: str) -> None:
        """Put a mark right (say a person marked present by mistake): an edit, so
        online only, and it sets the mark as given, weaker or not."""
        from peerdesk.domain.errors import ValidationError
        from peerdesk.storage.team.casework import ConnectionLost
        from peerdesk.storage.team.groupwork import MARKS

        self._require_casework()
        if mark not in MARKS:
            raise ValidationError("Not a register mark: {mark}.", field="mark", mark=mark)
        if self.outbox().count_waiting():
            self.send_waiting()  # what waits is older than this correction
        for _attempt in range(2):  # setting a mark twice is the same as once
            groups = self._groupwork()
            if groups is None or self.outbox().count_waiting():
                raise OfflineEdit
            try:
                changed = groups.correct_mark(meeting_id, peer_id, mark)
            except ConnectionLost:
                self._drop()  # the server ended it (a restart): connect again, once
                continue
            if not changed:
                raise PermissionDenied("That person is not on this register, or you may "
                                       "not change it.")
            return
        raise OfflineEdit

    def _read_groupwork(self, read: Callable[[TeamGroupwork], Any]) -> Any:
        """A read of groups, registers or contacts on the server; see `_read_on`."""
        return self._read_on(self._groupwork, read)

    def read_groupwork(self, read: Callable[[TeamGroupwork], _Read]) -> _Read:
        """A read of the listening service's lists for the contact form
        (services/listening_store.py); see `_read_on`."""
        return self._read_on(self._groupwork, read)

    def register(self, meeting_id: Any) -> list[TeamMark]:
        found: list[TeamMark] = self._read_groupwork(lambda g: g.register(meeting_id))
        return found

    def register_names(self) -> list[RegisterName]:
        """The names on the registers of the meetings (and in the groups) this
        person facilitates, for taking a register: ids and names, nothing else."""
        found: list[RegisterName] = self._read_groupwork(lambda g: g.register_names())
        return found

    def contacts(self, on: Any = None) -> list[TeamContact]:
        found: list[TeamContact] = self._read_groupwork(lambda g: g.contacts(on))
        return found

    def leave_local_files(self) -> None:
        """Close this PC's outbox and search cache, to be opened again at their
        next use: a desk signed in on a worker thread hands them over so (an
        SQLite connection serves only the thread that opened it)."""
        if self._outbox is not None:
            self._outbox.close()
            self._outbox = None
        if self._cache is not None:
            self._cache.close()
            self._cache = None

    def close(self) -> None:
        """Sign out. A `prepare` running is asked to stop after its batch, and
        waited for: it uses these keys."""
        self._closing.set()
        self._not_preparing.wait()
        with contextlib.suppress(Exception):
            self._settle_outbox()
        self._drop()
        if self._outbox is not None:
            self._outbox.close()
            self._outbox = None
        if self._cache is not None:
            self._cache.close()
            self._cache = None
        self.keys.wipe()
        self._password = ""
