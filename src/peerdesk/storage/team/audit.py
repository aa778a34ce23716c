"""The audit chain on the team server, checked by a client.

The server keeps the order (main.audit_event.id, its sequence) and refuses an
append that doesn't chain to the current head (main.append_audit_event); it
can't check hashes or signatures of what it can't read (each event's detail
is sealed). A client with the main key does: it reads the log in order, opens
each detail, and walks it with the vault's own checker
(storage.repositories.audit.walk): numbering, chain, each event's hash, and
each signature against the signing keys the authority granted (the role
grants on the server, their names opened and their signatures checked):
a vault's chain moved in as `peerdesk check` checks a vault, the team's own
events against the grant valid at each event's time (storage/team/grants.py).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import psycopg

from peerdesk.domain.audit import AuditAction
from peerdesk.storage.repositories import audit as audit_repo
from peerdesk.storage.signer import Signer
from peerdesk.storage.team import grants
from peerdesk.storage.team.errors import TeamServerError
from peerdesk.storage.team.fieldcrypt import FieldCipher
from peerdesk.storage.team.schema import Conn
from peerdesk.storage.vault import utc_now


def _rows(conn: Conn, main: FieldCipher) -> Iterator[tuple[Any, ...]]:
    with conn.cursor(name="audit_chain") as cursor:
        cursor.itersize = 5000
        cursor.execute("SELECT id, at, actor_id, action, target_kind, target_id, detail, "
                       "prev_hash, hash, signer_id, signing_key, signature "
                       "FROM main.audit_event ORDER BY id")
        for row in cursor:
            detail = main.open("audit_event", "detail", str(row[0]), row[6])
            yield (*row[:6], detail, *row[7:])


def verify_chain(conn: Conn, main: FieldCipher) -> audit_repo.ChainReport:
    """The whole log on the server, walked as `peerdesk check` walks a vault's.

    Run by a login that may read the log (an administrator or a programme
    lead), or by the set-up account during a move; in a transaction (the
    rows are read through a server-side cursor).
    """
    keys, timeline = grants.signature_keys(conn, main)
    origin = audit_repo.parse_origin(grants.meta(conn).get("audit_origin"), keys)
    judge = grants.TeamSignatures(keys, timeline, origin[0] if origin else 0,
                                  grants.signed_from(conn))
    report = audit_repo.walk(_rows(conn, main), keys, signatures=judge)
    if origin is None:
        report.problems.insert(0, "the record of where the audit log's signatures begin is "
                                  "missing or was not signed by the vault's authority")
    return report


# -- appending (a client's own events) ------------------------------------------------

# main.append_audit_event's own lock: the chain is a line, whoever appends.
_CHAIN_LOCK = 1346717010


def _head_from(row: tuple[Any, ...] | None) -> tuple[int, bytes]:
    if row is None or row[0] is None:
        return 0, audit_repo.GENESIS
    return int(row[0]), bytes(row[1])


def head(conn: Conn) -> tuple[int, bytes]:
    """(events in the server's audit log, the newest's hash), read without the lock."""
    return _head_from(conn.execute("SELECT head_id, head_hash FROM main.audit_head()").fetchone())


def _locked_head(conn: Conn) -> tuple[int, bytes]:
    """The chain's lock taken, then the head read, sent together (pipelined where
    the driver can): the server reads the head the moment it grants the lock,
    not a round trip later, and every PC waiting for the lock waits that much less."""
    pipelined = conn.pipeline() if psycopg.Pipeline.is_supported() else contextlib.nullcontext()
    with pipelined:
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (_CHAIN_LOCK,))
        head = conn.execute("SELECT head_id, head_hash FROM main.audit_head()")
    return _head_from(head.fetchone())


@dataclass(frozen=True, slots=True)
class _NextEvent:
    """The event after `head`, made as the vault's `audit_repo.append` makes one:
    numbered head + 1, its hash over the event and the head's hash, its detail
    sealed with the main key bound to its id, signed when a signer is given."""

    event_id: int
    at: str
    prev_hash: bytes
    digest: bytes
    sealed: bytes
    signing_key: bytes | None
    signature: bytes | None

    @classmethod
    def after(cls, head: tuple[int, bytes], main: FieldCipher, *, actor_id: int,
              action: AuditAction, target_kind: str, target_id: str, detail: str,
              signer: Signer | None) -> _NextEvent:
        head_id, head_hash = head
        event_id, at = head_id + 1, utc_now()
        digest = audit_repo.event_digest(head_hash, event_id, at, actor_id, action.value,
                                         target_kind, target_id, detail)
        key = signature = None
        if signer is not None:
            key, signature = signer.public_key, signer.sign_event(digest)
        return cls(event_id, at, head_hash, digest,
                   main.seal("audit_event", "detail", str(event_id), detail), key, signature)


def append_event(conn: Conn, main: FieldCipher, *, actor_id: int, action: AuditAction,
                 target_kind: str = "", target_id: str = "", detail: str = "",
                 signer: Signer | None = None) -> int:
    """Chain one event to the server's log; its id.

    Made as the vault's `audit_repo.append` makes it: the hash covers the
    event (numbered head + 1) and the head's hash, and it is signed by the
    signed-in person when `signer` is given. The detail is sealed with the main
    key, bound to the event's id. Inside the caller's transaction, so the event
    lands with the change it records or not at all.

    The chain's lock (the one main.append_audit_event takes) is taken first,
    so the head read is still the head when the event is appended: with many
    PCs saving at once (or sending their outboxes as a server comes back),
    reading the head unlocked made most tries lose the race until the tries
    ran out. The lock is held to the end of the transaction, so every PC's
    save waits while it is held: an event is the last thing a save writes,
    and nothing more than the append is done under it (no savepoint and no
    retry: under the lock the head can't move; should the server still refuse
    the event as a fork, the save is refused whole, AuditBusy).
    """
    event = _NextEvent.after(_locked_head(conn), main, actor_id=actor_id, action=action,
                             target_kind=target_kind, target_id=target_id, detail=detail,
                             signer=signer)
    try:
        row = conn.execute(
            "SELECT main.append_audit_event(%s, %s, %s, %s, %s, %s, %s, %s, %s)",
            (event.at, action.value, target_kind, target_id, event.sealed, event.prev_hash,
             event.digest, event.signing_key, event.signature)).fetchone()
    except psycopg.errors.SerializationFailure:
        raise AuditBusy from None
    assert row is not None
    return int(row[0])


def append_as_owner(conn: Conn, main: FieldCipher, *, actor_id: int, action: AuditAction,
                    target_kind: str = "", target_id: str = "", detail: str = "",
                    signer: Signer | None = None) -> int:
    """Chain one event as the set-up account (the tables' owner), for what only
    it does: `team init` making the first administrator, `team migrate` and the
    logins it gives. It is no PeerDesk login, so main.append_audit_event refuses
    it; as the owner it inserts directly (the log's `appender` policy), under
    the same lock and made exactly as `append_event` makes an event, in the
    caller's transaction. `actor_id` is the person it acts for (the first
    administrator, the programme lead moving the vault).
    """
    conn.execute("SELECT pg_advisory_xact_lock(%s)", (_CHAIN_LOCK,))
    head = _head_from(conn.execute("SELECT id, hash FROM main.audit_event ORDER BY id DESC "
                                   "LIMIT 1").fetchone())
    event = _NextEvent.after(head, main, actor_id=actor_id, action=action,
                             target_kind=target_kind, target_id=target_id, detail=detail,
                             signer=signer)
    conn.execute(
        "INSERT INTO main.audit_event (id, at, actor_id, action, target_kind, target_id, "
        "detail, prev_hash, hash, signer_id, signing_key, signature) "
        "VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
        (event.event_id, event.at, actor_id, action.value, target_kind, target_id,
         event.sealed, event.prev_hash, event.digest, actor_id, event.signing_key,
         event.signature))
    return event.event_id


class AuditBusy(TeamServerError):
    default_message = ("The team server's audit log was too busy to record this; nothing "
                       "was saved. Try again.")
