"""The append-only, hash-chained, signed audit log (docs/security.md §3).

Each event's hash covers its own fields and the previous event's hash, and
each event is signed (Ed25519) by the person whose session wrote it, with
the signing key their authority-signed grant names. So changing or removing
anyone else's event, or re-chaining the log after doing so, needs keys the
insider doesn't have. The newest hash and the count are kept in `meta` and,
outside the database, in the key file, in backups and on printed reports
(anchors.py), because cutting off the newest events leaves a chain that
verifies. Triggers refuse UPDATE and DELETE; `check` also checks they are there.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from peerdesk.domain.audit import AuditAction, AuditEvent
from peerdesk.storage import crypto
from peerdesk.storage.database import Database
from peerdesk.storage.repositories.meta import get_meta, set_meta
from peerdesk.storage.signer import AUTHORITY_SIGNER, event_message

GENESIS = b"\0" * 32
_HEAD = "audit_head"
_COUNT = "audit_count"
# Where signing began, signed by the vault's authority: a new vault's log is
# signed from its first event; an upgraded vault's from the first event after
# the upgrade. Without it, re-chaining the whole log unsigned would pass for
# a log from before signing.
_ORIGIN = "audit_origin"


def _digest(prev: bytes, event_id: int, at: str, actor: int | None, action: str,
            target_kind: str, target_id: str, detail: str) -> bytes:
    canonical = json.dumps(
        [event_id, at, actor, action, target_kind, target_id, detail],
        ensure_ascii=False, separators=(",", ":"),
    ).encode("utf-8")
    return hashlib.sha256(prev + canonical).digest()


def event_digest(prev: bytes, event_id: int, at: str, actor: int | None, action: str,
                 target_kind: str, target_id: str, detail: str) -> bytes:
    """An event's hash, as the log's checker computes it (also for the team server's log)."""
    return _digest(prev, event_id, at, actor, action, target_kind, target_id, detail)


def append(db: Database, *, at: str, actor_id: int | None, action: AuditAction,
           target_kind: str = "", target_id: str = "", detail: str = "") -> int:
    """Add one event; the caller's transaction makes it atomic with the change it records.

    Signed with the connection's signer (the signed-in person); a vault whose
    log is signed refuses an unsigned event, so nothing can slip in unsigned.
    """
    head = get_meta(db, _HEAD)
    prev = bytes.fromhex(head) if head else GENESIS
    count = int(get_meta(db, _COUNT) or 0)
    event_id = int(db.scalar("SELECT coalesce(max(id), 0) + 1 FROM audit_event"))
    digest = _digest(prev, event_id, at, actor_id, action.value, target_kind, target_id, detail)
    signer = db.signer
    if signer is None:
        raise RuntimeError("audit events are written by a signed-in session only")
    db.execute(
        "INSERT INTO audit_event (id, at, actor_id, action, target_kind, target_id, detail,"
        " prev_hash, hash, signer_id, signing_key, signature)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (event_id, at, actor_id, action.value, target_kind, target_id, detail, prev, digest,
         signer.staff_id, signer.public_key, signer.sign_event(digest)),
    )
    set_meta(db, _HEAD, digest.hex())
    set_meta(db, _COUNT, str(count + 1))
    return event_id


def _origin_message(vault_id: str, count: int, head_hash: bytes) -> bytes:
    return f"peerdesk-audit-origin|{vault_id}|{count}|{head_hash.hex()}".encode("ascii")


def origin_record(vault_id: str, authority_seed: bytes | bytearray, count: int,
                  head_hash: bytes) -> str:
    """The signed statement "events 1..count are from before signing, ending in head"."""
    signature = crypto.sign(authority_seed, _origin_message(vault_id, count, head_hash))
    return json.dumps({"count": count, "head": head_hash.hex(), "signature": signature.hex()})


def set_origin(db: Database, vault_id: str, authority_seed: bytes | bytearray) -> None:
    """Mark the log's present end as where signing begins; inside a transaction."""
    count, head_hash = head(db)
    set_meta(db, _ORIGIN, origin_record(vault_id, authority_seed, count, head_hash))


def recorded_origin_count(db: Database) -> int:
    """Where the database says signing begins (not yet verified; -1 when it says nothing)."""
    raw = get_meta(db, _ORIGIN)
    try:
        return int(json.loads(raw)["count"]) if raw else -1
    except (ValueError, KeyError, TypeError):
        return -1


def _origin(db: Database, keys: SignatureKeys) -> tuple[int, bytes] | None:
    """The authority-signed count and head of the unsigned part, or None if absent or forged."""
    return parse_origin(get_meta(db, _ORIGIN), keys)


def parse_origin(raw: str | None, keys: SignatureKeys) -> tuple[int, bytes] | None:
    """An origin record (as `meta` keeps it) checked against `keys`' authority."""
    if not raw or keys.authority is None:
        return None
    try:
        data = json.loads(raw)
        count, head_hash = int(data["count"]), bytes.fromhex(data["head"])
        crypto.verify(keys.authority, bytes.fromhex(data["signature"]),
                      _origin_message(keys.vault_id, count, head_hash))
    except (ValueError, KeyError, TypeError, crypto.BadSignature):
        return None
    return count, head_hash


def head(db: Database) -> tuple[int, bytes]:
    """The log's count and newest hash, as `meta` records them."""
    recorded = get_meta(db, _HEAD)
    return int(get_meta(db, _COUNT) or 0), bytes.fromhex(recorded) if recorded else GENESIS


def hash_at(db: Database, event_id: int) -> bytes | None:
    value = db.scalar("SELECT hash FROM audit_event WHERE id = ?", (event_id,))
    return None if value is None else bytes(value)


def _event(row: Any) -> AuditEvent:
    return AuditEvent(
        id=int(row[0]), at=str(row[1]), actor_id=row[2], action=AuditAction(row[3]),
        target_kind=str(row[4]), target_id=str(row[5]), detail=str(row[6]),
    )


def recent(db: Database, *, limit: int = 500, target_kind: str | None = None,
           target_id: str | None = None) -> list[AuditEvent]:
    where, params = "", []
    if target_kind is not None:
        where = "WHERE target_kind = ? AND target_id = ?"
        params = [target_kind, target_id or ""]
    rows = db.query(
        f"SELECT id, at, actor_id, action, target_kind, target_id, detail FROM audit_event "
        f"{where} ORDER BY id DESC LIMIT ?",
        (*params, limit),
    )
    return [_event(r) for r in rows]


@dataclass(frozen=True, slots=True)
class ChainReport:
    events: int
    problems: list[str]
    unsigned: int = 0  # events from before the log was signed
    head: bytes = GENESIS
    hashes: dict[int, bytes] = field(default_factory=dict, repr=False, compare=False)

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass(frozen=True, slots=True)
class SignatureKeys:
    """What event signatures are checked against: the vault's id, each person's
    granted signing keys, and the authority's public key."""

    vault_id: str
    by_staff: dict[int, set[bytes]]
    authority: bytes | None
    # Where signing begins, as the checker's own slot pinned it (None: not pinned).
    pinned_origin: int | None = None


def verify_chain(db: Database, keys: SignatureKeys | None = None, *,
                 keep_hashes: set[int] | None = None) -> ChainReport:
    """Walk the whole log: order, chain, each event's hash and (given `keys`) signature.

    `keep_hashes`: event ids whose hashes the caller wants back (to compare
    with anchors kept outside the database).
    """
    problems: list[str] = []
    # Events up to this id may be unsigned (from before signing began).
    unsigned_until = 0
    if keys is not None:
        origin = _origin(db, keys)
        if origin is None:
            problems.append("the record of where the audit log's signatures begin is missing "
                            "or was not signed by the vault's authority")
        else:
            unsigned_until = origin[0]
            if keys.pinned_origin is not None and keys.pinned_origin != origin[0]:
                problems.append("the record of where the audit log's signatures begin is not "
                                "the one your account trusts (it was rewritten)")
            if origin[0] and hash_at(db, origin[0]) != origin[1]:
                problems.append(f"audit event {origin[0]} is not the one the log's signed "
                                "origin names (events before signing began were changed)")
    walked = walk(db.iterate(
        "SELECT id, at, actor_id, action, target_kind, target_id, detail, prev_hash, hash, "
        "signer_id, signing_key, signature FROM audit_event ORDER BY id"),
        keys, unsigned_until=unsigned_until, keep_hashes=keep_hashes)
    problems += walked.problems
    count, unsigned, prev, hashes = walked.events, walked.unsigned, walked.head, walked.hashes
    recorded = get_meta(db, _HEAD)
    if count and recorded != prev.hex():
        problems.append("the newest audit events have been removed or replaced")
    if int(get_meta(db, _COUNT) or 0) != count:
        problems.append("the number of audit events does not match the log's record")
    return ChainReport(events=count, problems=problems, unsigned=unsigned, head=prev,
                       hashes=hashes)


def walk(rows: Iterable[Sequence[Any]], keys: SignatureKeys | None, *,
         unsigned_until: int = 0, keep_hashes: set[int] | None = None,
         signatures: Callable[[Sequence[Any]], str | None] | None = None) -> ChainReport:
    """Check a log's rows in id order: numbering, chain, hashes and (given
    `keys`) signatures. Rows are (id, at, actor_id, action, target_kind,
    target_id, detail, prev_hash, hash, signer_id, signing_key, signature).
    Also walks an imported log (repositories/imported_audit.py).

    `signatures`, when given, judges each row's signature (or its absence)
    in place of the vault's rule: the team server's log has rules of its own
    (storage/team/grants.py)."""
    problems: list[str] = []
    prev = GENESIS
    expected_id = 1
    count = unsigned = 0
    signed_seen = False
    hashes: dict[int, bytes] = {}
    for row in rows:
        count += 1
        event_id = int(row[0])
        if event_id != expected_id:
            problems.append(f"audit event {expected_id} is missing")
        if bytes(row[7]) != prev:
            problems.append(f"audit event {event_id} does not follow the one before it")
        digest = _digest(bytes(row[7]), event_id, row[1], row[2], row[3], row[4], row[5], row[6])
        if digest != bytes(row[8]):
            problems.append(f"audit event {event_id} has been changed")
        if signatures is not None:
            unsigned += row[11] is None
            problem = signatures(row)
            if problem:
                problems.append(problem)
        elif row[11] is None:
            unsigned += 1
            if signed_seen or (keys is not None and event_id > unsigned_until):
                problems.append(f"audit event {event_id} is not signed")
        else:
            signed_seen = True
            if keys is not None:
                problem = signature_problem(keys, event_id, row[9], row[10], row[11], row[8])
                if problem:
                    problems.append(problem)
        if keep_hashes is not None and event_id in keep_hashes:
            hashes[event_id] = bytes(row[8])
        prev = bytes(row[8])
        expected_id = event_id + 1
    return ChainReport(events=count, problems=problems, unsigned=unsigned, head=prev,
                       hashes=hashes)


def signature_problem(keys: SignatureKeys, event_id: int, signer: Any, signing_key: Any,
                       signature: Any, digest: Any) -> str | None:
    """Why an event's signature doesn't stand (its key isn't its signer's, or it
    doesn't match), or None."""
    public = bytes(signing_key or b"")
    if signer == AUTHORITY_SIGNER:
        allowed = keys.authority is not None and public == keys.authority
    else:
        allowed = signer is not None and public in keys.by_staff.get(int(signer), set())
    if not allowed:
        return f"audit event {event_id} is signed with a key that is not its writer's"
    try:
        crypto.verify(public, bytes(signature), event_message(keys.vault_id, bytes(digest)))
    except crypto.BadSignature:
        return f"audit event {event_id} has a signature that does not match it"
    return None
