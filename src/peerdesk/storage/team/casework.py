"""Peers, safe-contact details and one-to-one sessions on the team server.

The client path: every identifying column (names, free text, safe-contact
details, notes) is sealed here with the casework key before it is sent and
opened here after it comes back, so the server only ever holds ciphertext for
them. Codes, dates and counts stay plain, for the server to aggregate in
reports. Given an `audit` (services.team gives one that chains to the
server's audit log, storage/team/audit.py), every change is recorded in the
transaction that makes it, and `open_peer` records the view with the read.
Which rows come back is the server's row-level security's doing: a peer
supporter's login gets only the peers assigned to them.
"""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

import psycopg

from peerdesk.domain.audit import AuditAction
from peerdesk.storage.team.errors import TeamServerError
from peerdesk.storage.team.fieldcrypt import FieldCipher
from peerdesk.storage.team.schema import Conn

# The columns sealed per table: the reason this module exists.
SEALED_COLUMNS: dict[str, tuple[str, ...]] = {
    "peer": ("preferred_name", "full_name", "gender_description", "closed_reason"),
    "safe_contact": ("safe_times", "code_word", "other"),
    "one_to_one_note": ("notes", "next_steps"),
}


# A new peer's reference number before the server gave it (a peer not yet sent,
# or about to be): the server's sequence gives it as the row is inserted.
NUMBER_FROM_SERVER = 0


@dataclass(frozen=True, slots=True)
class TeamPeer:
    id: uuid.UUID
    ref_number: int
    preferred_name: str
    first_contact: date
    contact_route: str
    full_name: str = ""
    birth_year: int | None = None
    age_band: str = ""
    gender: str = ""
    gender_description: str = ""
    languages: str = ""
    nationality: str = ""
    status: str = "active"
    closed_on: date | None = None
    closed_reason: str = ""
    caseworker_id: int | None = None
    supporter_id: int | None = None
    # The server's row version when read (team migration 3): a save names it, and a
    # save over a newer one is refused (RowChanged).
    row_version: int = 1


@dataclass(frozen=True, slots=True)
class TeamSafeContact:
    peer_id: uuid.UUID
    do_not_contact: bool = False
    # Three states per channel, as in the vault (domain/safe_contact.py): None is
    # "not asked yet" (NULL on the server, team migration 2), never read as no.
    calls_ok: bool | None = None
    texts_ok: bool | None = None
    email_ok: bool | None = None
    voicemail_ok: bool | None = None
    safe_times: str = ""
    code_word: str = ""
    other: str = ""


@dataclass(frozen=True, slots=True)
class NewPeer:
    """A peer to add with their safe-contact details, saved in one transaction (as
    the outbox keeps and sends them: both land, once, or neither)."""

    peer: TeamPeer
    safe_contact: TeamSafeContact | None = None

    @property
    def id(self) -> uuid.UUID:
        return self.peer.id


@dataclass(frozen=True, slots=True)
class TeamSession:
    id: uuid.UUID
    peer_id: uuid.UUID
    worker_id: int | None
    held_on: date
    minutes: int
    mode: str
    kind: str
    follow_up_on: date | None = None
    notes: str = ""
    next_steps: str = ""


_PEER_PLAIN = ("ref_number", "birth_year", "age_band", "gender", "languages", "nationality",
               "contact_route", "first_contact", "status", "closed_on", "caseworker_id",
               "supporter_id")
_PEER_COLUMNS = ("id", *_PEER_PLAIN, *SEALED_COLUMNS["peer"])
_PEER_READ = (*_PEER_COLUMNS, "row_version")
# What an edit may change (the id and reference number never change).
PEER_EDITABLE = tuple(c for c in (*_PEER_PLAIN, *SEALED_COLUMNS["peer"]) if c != "ref_number")


class RowChanged(TeamServerError):
    """Someone saved the row since it was read: `current` is theirs, as it is now."""

    default_message = ("Someone else saved this record after you opened it.")

    def __init__(self, current: TeamPeer) -> None:
        super().__init__()
        self.current = current


class RowGone(TeamServerError):
    default_message = ("This record is no longer on the team server, or you may no longer "
                       "see it.")


class ConnectionLost(TeamServerError):
    default_message = ("The connection to the team server was lost before this was saved, "
                       "so none of it was kept there. Save it again when the server can be "
                       "reached.")


class Refused(TeamServerError):
    """The server refused the save (its row-level security or a constraint)."""

    default_message = ("The team server refused this ({reason}); nothing of it was saved.")


@contextlib.contextmanager
def _saving(conn: Conn) -> Iterator[None]:
    """One save, all or nothing: a dropped connection rolls all of it back."""
    try:
        with conn.transaction():
            yield
    except psycopg.OperationalError as exc:
        raise ConnectionLost from exc
    except psycopg.DatabaseError as exc:
        reason = (exc.diag.message_primary if exc.diag else None) or type(exc).__name__
        raise Refused(reason=reason) from exc


# Records one event: (action, target kind, target id, detail), as the vault's log
# has them ("peer" and the peer's id for a peer's record). Called inside the
# transaction of what it records; details never carry names or note text.
Audit = Callable[[AuditAction, str, str, str], None]


class TeamCasework:
    """Casework on the team server for one connection (one person's login)."""

    def __init__(self, conn: Conn, cipher: FieldCipher, audit: Audit | None = None) -> None:
        self.conn = conn
        self.cipher = cipher
        self.audit = audit

    def _audit(self, action: AuditAction, peer_id: object, detail: str = "") -> None:
        if self.audit is not None:
            self.audit(action, "peer", str(peer_id), detail)

    def record(self, action: AuditAction, peer_id: uuid.UUID, detail: str = "") -> None:
        """An event about a peer on its own (a view that reads nothing else here)."""
        with _saving(self.conn):
            self._audit(action, peer_id, detail)

    def open_peer(self, peer_id: uuid.UUID) -> tuple[TeamPeer, TeamSafeContact | None] | None:
        """A peer and their safe-contact details, the view recorded in the same
        transaction (nothing is shown that wasn't recorded); None when this
        login may not see them (row security) or they are gone."""
        with _saving(self.conn):
            peer = self.peer(peer_id)
            if peer is None:
                return None
            contact = self.safe_contact(peer_id)
            self._audit(AuditAction.VIEWED, peer_id)
        return peer, contact

    def _seal(self, table: str, row: object, values: dict[str, str]) -> dict[str, bytes]:
        return {column: self.cipher.seal(table, column, row, values[column])
                for column in SEALED_COLUMNS[table]}

    def _open(self, table: str, row: object, found: dict[str, Any]) -> dict[str, str]:
        return {column: self.cipher.open(table, column, row, found[column])
                for column in SEALED_COLUMNS[table]}

    def add_peer(self, new: TeamPeer | NewPeer) -> int | None:
        """Insert a new peer (and their safe-contact details, in the same
        transaction); their reference number, or None when a row with their id is
        already there (a resend from the outbox: the id is made on the client, so
        it lands once, and the details with it). A `ref_number` of
        NUMBER_FROM_SERVER leaves the number to the server's sequence (team
        migration 14), as new peers are added."""
        peer, contact = (new.peer, new.safe_contact) if isinstance(new, NewPeer) else (new, None)
        columns = _PEER_COLUMNS if peer.ref_number != NUMBER_FROM_SERVER else tuple(
            c for c in _PEER_COLUMNS if c != "ref_number")
        values = {column: getattr(peer, column) for column in _PEER_PLAIN}
        values.update(self._seal("peer", peer.id, {c: getattr(peer, c)
                                                   for c in SEALED_COLUMNS["peer"]}))
        values["id"] = peer.id
        with _saving(self.conn):
            row = self.conn.execute(
                "INSERT INTO casework.peer (" + ", ".join(columns) + ") VALUES ("
                + ", ".join(f"%({c})s" for c in columns) + ") ON CONFLICT (id) DO NOTHING "
                "RETURNING ref_number", values).fetchone()
            if row is None:
                return None
            self._audit(AuditAction.CREATED, peer.id)
            if contact is not None:
                self.set_safe_contact(contact)   # a savepoint within this transaction
        return int(row[0])

    def update_peer(self, peer: TeamPeer) -> int:
        """Save an edit made to the peer as read at `peer.row_version`; the new
        version. RowChanged (with the row as it now is) when someone saved it
        since; RowGone when it isn't there for this login."""
        values: dict[str, Any] = {c: getattr(peer, c) for c in _PEER_PLAIN}
        values.update(self._seal("peer", peer.id, {c: getattr(peer, c)
                                                   for c in SEALED_COLUMNS["peer"]}))
        values.update(id=peer.id, row_version=peer.row_version)
        with _saving(self.conn):
            row = self.conn.execute(
                "UPDATE casework.peer SET " + ", ".join(f"{c} = %({c})s" for c in PEER_EDITABLE)
                + ", updated_at = now() WHERE id = %(id)s AND row_version = %(row_version)s "
                "RETURNING row_version", values).fetchone()
            if row is not None:
                self._audit(AuditAction.CHANGED, peer.id, "details")
        if row is not None:
            return int(row[0])
        current = self.peer(peer.id)
        if current is None:
            raise RowGone
        raise RowChanged(current)

    def _peer_from(self, row: tuple[Any, ...]) -> TeamPeer:
        found = dict(zip(_PEER_READ, row, strict=True))
        values: dict[str, Any] = {c: found[c] for c in ("id", *_PEER_PLAIN, "row_version")}
        values.update(self._open("peer", found["id"], found))
        return TeamPeer(**values)

    def peer(self, peer_id: uuid.UUID) -> TeamPeer | None:
        row = self.conn.execute("SELECT " + ", ".join(_PEER_READ)
                                + " FROM casework.peer WHERE id = %s", (peer_id,)).fetchone()
        return None if row is None else self._peer_from(row)

    def assignment(self, peer_id: uuid.UUID) -> tuple[int | None, int | None] | None:
        """(caseworker_id, supporter_id), for permission checks (nothing is
        opened, so nothing to audit); None when this login may not see them."""
        row = self.conn.execute("SELECT caseworker_id, supporter_id FROM casework.peer "
                                "WHERE id = %s", (peer_id,)).fetchone()
        return None if row is None else (row[0], row[1])

    def peers(self) -> list[TeamPeer]:
        """Every peer this login may see, ordered by name (on the client: the
        server can't sort what it can't read)."""
        rows = self.conn.execute("SELECT " + ", ".join(_PEER_READ)
                                 + " FROM casework.peer").fetchall()
        found = [self._peer_from(row) for row in rows]
        return sorted(found, key=lambda p: (p.preferred_name.casefold(), p.ref_number))

    def set_safe_contact(self, contact: TeamSafeContact) -> None:
        sealed = self._seal("safe_contact", contact.peer_id,
                            {c: getattr(contact, c) for c in SEALED_COLUMNS["safe_contact"]})
        with _saving(self.conn):
            self.conn.execute(
                "INSERT INTO casework.safe_contact (peer_id, do_not_contact, calls_ok, texts_ok, "
                "email_ok, voicemail_ok, safe_times, code_word, other) VALUES (%(peer_id)s, "
                "%(do_not_contact)s, %(calls_ok)s, %(texts_ok)s, %(email_ok)s, %(voicemail_ok)s, "
                "%(safe_times)s, %(code_word)s, %(other)s) ON CONFLICT (peer_id) DO UPDATE SET "
                "do_not_contact = excluded.do_not_contact, calls_ok = excluded.calls_ok, "
                "texts_ok = excluded.texts_ok, email_ok = excluded.email_ok, "
                "voicemail_ok = excluded.voicemail_ok, safe_times = excluded.safe_times, "
                "code_word = excluded.code_word, other = excluded.other",
                {"peer_id": contact.peer_id, "do_not_contact": contact.do_not_contact,
                 "calls_ok": contact.calls_ok, "texts_ok": contact.texts_ok,
                 "email_ok": contact.email_ok, "voicemail_ok": contact.voicemail_ok, **sealed})
            self._audit(AuditAction.CHANGED, contact.peer_id, "safe contact")

    def safe_contact(self, peer_id: uuid.UUID) -> TeamSafeContact | None:
        row = self.conn.execute(
            "SELECT do_not_contact, calls_ok, texts_ok, email_ok, voicemail_ok, safe_times, "
            "code_word, other FROM casework.safe_contact WHERE peer_id = %s",
            (peer_id,)).fetchone()
        if row is None:
            return None
        found = dict(zip(("do_not_contact", "calls_ok", "texts_ok", "email_ok", "voicemail_ok",
                          "safe_times", "code_word", "other"), row, strict=True))
        found.update(self._open("safe_contact", peer_id, found))
        return TeamSafeContact(peer_id=peer_id, **found)

    def add_session(self, session: TeamSession) -> bool:
        """The session and its note in one transaction; False when a session with
        its id is already there (a resend: it lands exactly once)."""
        return self.save_session(session) is not None

    def save_session(self, session: TeamSession) -> str | None:
        """As `add_session`; the change stamp the search cache keeps for the row
        (search_cache.SearchCache.put_saved_session), None when it was there."""
        sealed = self._seal("one_to_one_note", session.id,
                            {"notes": session.notes, "next_steps": session.next_steps})
        with _saving(self.conn):
            row = self.conn.execute(
                "INSERT INTO casework.one_to_one (id, peer_id, worker_id, held_on, minutes, "
                "mode, kind, follow_up_on) VALUES (%s, %s, %s, %s, %s, %s, %s, %s) "
                "ON CONFLICT (id) DO NOTHING RETURNING changed_xid::text",
                (session.id, session.peer_id, session.worker_id, session.held_on,
                 session.minutes, session.mode, session.kind, session.follow_up_on)).fetchone()
            if row is None:
                return None
            self.conn.execute(
                "INSERT INTO casework.one_to_one_note (session_id, notes, next_steps) "
                "VALUES (%s, %s, %s)", (session.id, sealed["notes"], sealed["next_steps"]))
            self._audit(AuditAction.CREATED, session.peer_id, f"one-to-one session {session.id}")
        # Both rows carry this transaction's id: the stamp as a refresh reads it.
        return f"{row[0]}|{row[0]}"

    def sessions(self, peer_id: uuid.UUID) -> list[TeamSession]:
        """A peer's sessions, newest first; notes this login may not read come back empty."""
        rows = self.conn.execute(
            "SELECT s.id, s.worker_id, s.held_on, s.minutes, s.mode, s.kind, s.follow_up_on, "
            "n.notes, n.next_steps FROM casework.one_to_one s "
            "LEFT JOIN casework.one_to_one_note n ON n.session_id = s.id "
            "WHERE s.peer_id = %s ORDER BY s.held_on DESC, s.id", (peer_id,)).fetchall()
        found = []
        for sid, worker, held_on, minutes, mode, kind, follow_up, notes, steps in rows:
            opened = ({"notes": "", "next_steps": ""} if notes is None else
                      self._open("one_to_one_note", sid,
                                 {"notes": notes, "next_steps": steps}))
            found.append(TeamSession(sid, peer_id, worker, held_on, minutes, mode, kind,
                                     follow_up, **opened))
        return found
