"""Team mode on a PC: joining the centre's team, signing in, and saving to the
team server — through the offline outbox when it can't be reached
(docs/architecture.md, "Team mode"; docs/team-server.md).

The team store (storage.team, psycopg) is imported only when a team function
runs, so a single-PC centre never loads the driver. The UI calls these; it
never touches storage.

What this PC keeps (platformdirs): the connection file it joined with, in the
config folder, and one encrypted outbox per person, in the data folder.
"""

from __future__ import annotations

import contextlib
import dataclasses
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from peerdesk.domain.errors import PeerDeskError, PermissionDenied
from peerdesk.domain.staff import Compartment, Role

if TYPE_CHECKING:
    from peerdesk.storage.team.casework import TeamCasework, TeamPeer, TeamSession
    from peerdesk.storage.team.connection import ConnectionFile
    from peerdesk.storage.team.keys import TeamKeys
    from peerdesk.storage.team.outbox import Outbox, SendResult
    from peerdesk.storage.team.schema import Conn

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


def join(place: TeamPlace, connection_file: Path, name: str, password: str) -> TeamDesk:
    """Check the file by signing in with it; keep it on this PC only if that works."""
    info = load_connection_file(connection_file)
    desk = sign_in(place, name, password, info=info)
    try:
        place.connection_file.parent.mkdir(parents=True, exist_ok=True)
        info.save(place.connection_file)
    except BaseException:
        desk.close()
        raise
    return desk


def sign_in(place: TeamPlace, name: str, password: str, *,
            info: ConnectionFile | None = None,
            progress: Callable[[KeyChangeProgress], None] | None = None) -> TeamDesk:
    """Sign in to the team server with a PeerDesk name and password.

    A programme lead or caseworker signing in also does any change of the
    casework key the server has owed since someone who held it left (or
    finishes one that was interrupted), reporting `progress` as it goes.
    """
    from peerdesk.storage.crypto import wipe as crypto_wipe
    from peerdesk.storage.team import keys as team_keys
    from peerdesk.storage.team import rotation
    from peerdesk.storage.team.connection import connect, lost_as_unreachable

    info = info or load_connection_file(place.connection_file)
    login = _login(info, name)
    conn = connect(info, login, password, autocommit=True)
    try:
        with lost_as_unreachable(info):
            _check_server(conn, info)
            keys = team_keys.open_keys(conn, password)
            team_keys.settle_casework(conn, keys)
            report = None if progress is None else (
                lambda p: progress(KeyChangeProgress(p.table, p.rows_here)))
            changes = rotation.rotate_owed(conn, keys, progress=report, keep_older=True)
    except BaseException:
        conn.close()
        raise
    desk = TeamDesk(place, info, login, password, conn, keys)
    desk.key_changes_done = [KeyChangeDone(c.generation, c.rows, c.seconds) for c in changes]
    if keys.older.get(Compartment.CASEWORK.value):
        # This PC's outbox may be under a generation being replaced: move it
        # across while it still opens.
        try:
            if desk.place.outbox_path(str(info.centre_id), login).is_file():
                desk.outbox()
        except BaseException:
            desk.close()
            raise
        if changes:   # this sign-in finished the change: the older keys are gone
            for key in keys.older.pop(Compartment.CASEWORK.value).values():
                crypto_wipe(key)
    return desk


@dataclass(frozen=True, slots=True)
class KeyChangeProgress:
    """A casework key change under way at sign-in: the table being re-sealed and
    the rows this PC has re-sealed so far."""

    table: str
    rows: int


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

    @property
    def staff_id(self) -> int:
        return self.keys.staff_id

    @property
    def roles(self) -> frozenset[Role]:
        return self.keys.roles

    # -- the connection ------------------------------------------------------------

    def _store(self) -> TeamCasework | None:
        """The casework store on a live connection, reconnecting if need be; None
        when the server can't be reached."""
        from peerdesk.storage.team.casework import TeamCasework
        from peerdesk.storage.team.connection import connect
        from peerdesk.storage.team.errors import ServerUnreachable

        if self._conn is not None and (self._conn.closed or self._conn.broken):
            self._drop()
        if self._conn is None:
            try:
                self._conn = connect(self.info, self.login, self._password, autocommit=True)
            except ServerUnreachable:
                return None
        return TeamCasework(self._conn, self.keys.cipher(Compartment.CASEWORK))

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
        if not self.keys.holds(Compartment.CASEWORK):
            from peerdesk.storage.team.connection import connect
            from peerdesk.storage.team.errors import ServerUnreachable

            try:
                self._conn = connect(self.info, self.login, self._password, autocommit=True)
            except ServerUnreachable:
                return False
            return True
        return self._store() is not None

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
        """What the server says of a casework key change owed or under way (for
        anyone signed in, administrators too); None when there is none."""
        from peerdesk.storage.team import rotation

        store_conn = self._conn
        if store_conn is None or store_conn.closed or store_conn.broken:
            return None
        waiting = [r for r in rotation.pending(store_conn) if r.what == "casework"]
        if not waiting:
            return None
        running = next((r for r in waiting if r.started), None)
        if running is not None:
            return (f"The casework key is being changed: {running.rows_resealed} records "
                    "re-sealed so far. It continues at the next sign-in of a programme lead "
                    "or caseworker.")
        return ("The casework key is due to be changed, because someone who held it has "
                "left. It happens at the next sign-in of a programme lead or caseworker.")

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

    def waiting(self) -> int:
        return self.outbox().count_waiting() if self.keys.holds(Compartment.CASEWORK) else 0

    def _save_new(self, record: TeamPeer | TeamSession) -> Saved:
        """Straight to the server when it answers (anything queued before goes
        first, so the order holds); otherwise into the outbox."""
        from peerdesk.storage.team.casework import ConnectionLost, TeamPeer

        self._require_casework()
        outbox = self.outbox()
        store = self._store()
        if store is not None and outbox.count_waiting():
            self.send_waiting()
            store = self._store()
        if store is not None and not outbox.count_waiting():
            try:
                if isinstance(record, TeamPeer):
                    store.add_peer(record)
                else:
                    store.add_session(record)
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

    def add_peer(self, peer: TeamPeer) -> Saved:
        return self._save_new(peer)

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
        return result

    def peer(self, peer_id: Any) -> TeamPeer | None:
        self._require_casework()
        store = self._store()
        if store is None:
            raise Offline
        return store.peer(peer_id)

    def peers(self) -> list[TeamPeer]:
        self._require_casework()
        store = self._store()
        if store is None:
            raise Offline
        return store.peers()

    def sessions(self, peer_id: Any) -> list[TeamSession]:
        self._require_casework()
        store = self._store()
        if store is None:
            raise Offline
        return store.sessions(peer_id)

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
        return dataclasses.replace(edited, row_version=version)

    def resolve(self, conflict: EditConflict, picks: Mapping[str, Pick]) -> TeamPeer:
        """Save the merge the person chose (another EditConflict if it moved again)."""
        return self.save_peer(conflict.theirs, conflict.merged(picks))

    def close(self) -> None:
        self._drop()
        if self._outbox is not None:
            self._outbox.close()
            self._outbox = None
        self.keys.wipe()
        self._password = ""
