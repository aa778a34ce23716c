"""The offline outbox: what was saved while the team server couldn't be reached.

An SQLCipher file on this PC (in its data folder), keyed by a subkey of the
casework key (HKDF), so it opens only for someone holding casework, on any PC
that has the file. It holds new records only — a peer (with their safe-contact
details, and no reference number yet: the server gives it when it lands), a one-to-one session
and its note, a contact of the listening service and its note, a register
taken (storage/team/groupwork.py) — each under the id the client made for it. `send` writes them to
the server in the order they were saved, one transaction each, with
ON CONFLICT DO NOTHING on that id, and marks each sent only after the server
has committed it: a connection lost between the two sends it again, and the
server keeps the first. So each lands exactly once, and nothing typed is lost.
A register's marks merge by person on the server (the stronger mark stays), so
sending one again changes nothing either.

Edits to existing records are never queued: offline, the service refuses them
and says why (an edit needs the row as it is on the server to be checked for
someone else's change).
"""

from __future__ import annotations

import json
import uuid
from dataclasses import asdict, dataclass, fields
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import psycopg

from peerdesk.storage import crypto
from peerdesk.storage.database import Database
from peerdesk.storage.team import groupwork
from peerdesk.storage.team.casework import (
    ConnectionLost,
    NewPeer,
    Refused,
    TeamCasework,
    TeamPeer,
    TeamSafeContact,
    TeamSession,
)
from peerdesk.storage.team.groupwork import TeamContact, TeamGroupwork, TeamRegister

PEER = "peer"
SESSION = "session"
CONTACT = "contact"
REGISTER = "register"
_KINDS = {PEER: TeamPeer, SESSION: TeamSession}
_UUIDS = {"id", "peer_id"}

Record = TeamPeer | NewPeer | TeamSession | TeamContact | TeamRegister

_SCHEMA = """
CREATE TABLE IF NOT EXISTS outbox (
    seq       INTEGER PRIMARY KEY AUTOINCREMENT,
    id        TEXT NOT NULL UNIQUE,
    kind      TEXT NOT NULL CHECK (kind IN ('peer', 'session', 'contact', 'register')),
    body      TEXT NOT NULL,
    queued_at TEXT NOT NULL,
    sent_at   TEXT,
    refused   TEXT
);
"""

# An outbox made before contacts and registers could wait in it: its kind check
# knew peers and sessions only. Rebuilt with every row kept (same seq order).
_WIDEN = """
BEGIN IMMEDIATE;
ALTER TABLE outbox RENAME TO outbox_before;
""" + _SCHEMA + """
INSERT INTO outbox (seq, id, kind, body, queued_at, sent_at, refused)
    SELECT seq, id, kind, body, queued_at, sent_at, refused FROM outbox_before;
DROP TABLE outbox_before;
COMMIT;
"""


def _kind(record: Record) -> str:
    if isinstance(record, TeamPeer | NewPeer):
        return PEER
    if isinstance(record, TeamSession):
        return SESSION
    return CONTACT if isinstance(record, TeamContact) else REGISTER


def _encode(record: Record) -> str:
    if isinstance(record, TeamContact | TeamRegister):
        return groupwork.encode(record)
    def plain(value: Any) -> Any:
        if isinstance(value, uuid.UUID):
            return str(value)
        if isinstance(value, date):
            return value.isoformat()
        return value

    def as_json(item: TeamPeer | TeamSafeContact | TeamSession) -> dict[str, Any]:
        return {k: plain(v) for k, v in asdict(item).items()}

    if isinstance(record, NewPeer):
        # The peer's own keys, and their safe-contact details beside them: a body
        # an older outbox wrote (a peer alone) reads the same way.
        contact = record.safe_contact
        return json.dumps({**as_json(record.peer),
                           "safe_contact": None if contact is None else as_json(contact)},
                          sort_keys=True)
    return json.dumps(as_json(record), sort_keys=True)


def _decode(kind: str, body: str) -> Record:
    if kind == CONTACT:
        return groupwork.decode_contact(body)
    if kind == REGISTER:
        return groupwork.decode_register(body)
    raw = json.loads(body)
    made: TeamPeer | TeamSession = _from_json(_KINDS[kind], raw)
    if kind == PEER and raw.get("safe_contact") is not None:
        assert isinstance(made, TeamPeer)
        return NewPeer(made, _from_json(TeamSafeContact, raw["safe_contact"]))
    return made


def _from_json(cls: Any, raw: dict[str, Any]) -> Any:
    values: dict[str, Any] = {}
    for item in fields(cls):
        if item.name not in raw:
            continue
        value = raw[item.name]
        if value is not None and item.name in _UUIDS:
            value = uuid.UUID(value)
        elif value is not None and "date" in str(item.type):
            value = date.fromisoformat(value)
        values[item.name] = value
    return cls(**values)


@dataclass(frozen=True, slots=True)
class SendResult:
    sent: int = 0            # written to the server now
    already_there: int = 0   # sent before (a resend); the server kept the first
    refused: int = 0         # the server refused them (kept here, with the reason)
    left: int = 0            # still waiting: the server went away again


class Outbox:
    """One person's outbox file."""

    def __init__(self, path: Path, casework_key: bytes | bytearray) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        key = crypto.derive_subkey(casework_key, b"peerdesk-team-outbox")
        try:
            self.db = Database(path, key, create=True)
        finally:
            crypto.wipe(key)
        made = self.db.scalar("SELECT sql FROM sqlite_master WHERE name = 'outbox'")
        if made is not None and "'register'" not in str(made):
            self.db.executescript(_WIDEN)  # one transaction: all of it or none
        self.db.executescript(_SCHEMA)
        self.path = path

    def close(self) -> None:
        self.db.close()

    def put(self, record: Record) -> None:
        kind = _kind(record)
        with self.db.transaction():
            self.db.execute("INSERT OR IGNORE INTO outbox (id, kind, body, queued_at) "
                            "VALUES (?, ?, ?, ?)",
                            (str(record.id), kind, _encode(record),
                             datetime.now(UTC).isoformat()))

    def waiting(self) -> list[Record]:
        rows = self.db.query("SELECT kind, body FROM outbox WHERE sent_at IS NULL AND "
                             "refused IS NULL ORDER BY seq")
        return [_decode(kind, body) for kind, body in rows]

    def count_waiting(self) -> int:
        return int(self.db.scalar("SELECT count(*) FROM outbox WHERE sent_at IS NULL AND "
                                  "refused IS NULL"))

    def refusals(self) -> list[tuple[str, str]]:
        return [(str(a), str(b)) for a, b in self.db.query(
            "SELECT id, refused FROM outbox WHERE refused IS NOT NULL ORDER BY seq")]

    def _mark(self, record_id: uuid.UUID, column: str, value: str) -> None:
        with self.db.transaction():
            self.db.execute(f"UPDATE outbox SET {column} = ? WHERE id = ?",
                            (value, str(record_id)))

    def send(self, store: TeamCasework) -> SendResult:
        """Send what waits, oldest first, stopping if the server goes away."""
        sent = already = refused = 0
        waiting = self.waiting()
        groups = TeamGroupwork(store.conn, store.cipher, store.audit)
        for done, record in enumerate(waiting):
            try:
                landed: bool | int
                if isinstance(record, TeamPeer | NewPeer):
                    landed = store.add_peer(record) is not None
                elif isinstance(record, TeamSession):
                    landed = store.add_session(record)
                elif isinstance(record, TeamContact):
                    landed = groups.add_contact(record)
                else:
                    # Merged by person: a resend, or marks the register already
                    # had from another PC, change nothing (counted as sent).
                    groups.take_register(record)
                    landed = True
            except (ConnectionLost, psycopg.OperationalError):
                return SendResult(sent, already, refused, len(waiting) - done)
            except Refused as exc:
                # Refused by the server (its rules, say a peer no longer
                # assigned): kept here with the reason, never dropped.
                self._mark(record.id, "refused", str(exc.values.get("reason", "refused")))
                refused += 1
                continue
            self._mark(record.id, "sent_at", datetime.now(UTC).isoformat())
            if landed:
                sent += 1
            else:
                already += 1
        return SendResult(sent, already, refused, 0)


def unsent_records(outbox: Outbox) -> list[Record]:
    """Everything not sent yet, refused ones too, oldest first (to move an outbox
    made under a casework key since replaced into a new one)."""
    rows = outbox.db.query("SELECT kind, body FROM outbox WHERE sent_at IS NULL ORDER BY seq")
    return [_decode(kind, body) for kind, body in rows]
