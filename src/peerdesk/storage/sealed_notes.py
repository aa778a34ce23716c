"""Notes sealed to people, not to a compartment (supervision notes, journal entries).

Each note is encrypted (AES-256-GCM) under a random key of its own; that key
is sealed (X25519 + HKDF + AES-GCM) to the personal public key of each reader.
A personal key pair is derived from its owner's signing seed, which only their
own key slot holds, and its public half is registered with a signature by
their signing key, which their signed role grant names: a key slipped into the
table with SQL is not believed. The main key and the casework key read none of
it (docs/security.md).
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from peerdesk.storage import crypto
from peerdesk.storage.database import Database
from peerdesk.storage.repositories import grants


class SealedUnreadable(Exception):
    """No key of this person's opens the note (not a reader, or their key changed)."""


def _register_message(vault_id: str, staff_id: int, public: bytes) -> bytes:
    return f"peerdesk-personal|{vault_id}|{staff_id}|{public.hex()}".encode("ascii")


def _aad(vault_id: str, kind: str, item_id: int) -> bytes:
    return f"peerdesk-note|{vault_id}|{kind}|{item_id}".encode()


def _key_aad(vault_id: str, kind: str, item_id: int, staff_id: int) -> bytes:
    return f"peerdesk-note-key|{vault_id}|{kind}|{item_id}|{staff_id}".encode()


def register_own(db: Database, vault_id: str, staff_id: int, signing_seed: bytearray,
                 now: str) -> bytes:
    """Register this person's personal public key (once per signing key); returns it."""
    private, public = crypto.personal_keypair(signing_seed)
    crypto.wipe(private)
    if db.scalar("SELECT 1 FROM personal_key WHERE staff_id = ? AND public_key = ?",
                 (staff_id, public)) is None:
        signature = crypto.sign(signing_seed, _register_message(vault_id, staff_id, public))
        db.execute("INSERT INTO personal_key (staff_id, public_key, signing_key, signature, "
                   "created_at) VALUES (?, ?, ?, ?, ?)",
                   (staff_id, public, crypto.signing_public_key(signing_seed), signature, now))
    return public


def public_keys(db: Database, vault_id: str, authority: bytes | None,
                staff_ids: set[int]) -> dict[int, bytes]:
    """Staff id -> their personal public key, for those whose key is registered and
    signed with the signing key their newest valid grant names."""
    found: dict[int, bytes] = {}
    for staff_id in staff_ids:
        grant = grants.newest_valid(db, vault_id, authority, staff_id)
        if grant is None:
            continue
        for public, signing_key, signature in db.query(
                "SELECT public_key, signing_key, signature FROM personal_key "
                "WHERE staff_id = ?", (staff_id,)):
            if bytes(signing_key) != grant.signing_key:
                continue
            try:
                crypto.verify(grant.signing_key, bytes(signature),
                              _register_message(vault_id, staff_id, bytes(public)))
            except crypto.BadSignature:
                continue
            found[staff_id] = bytes(public)
    return found


@dataclass(frozen=True, slots=True)
class Sealed:
    nonce: bytes
    ciphertext: bytes
    key: bytearray  # the note's own key: wipe after sealing it to the readers


def encrypt(vault_id: str, kind: str, item_id: int, body: str) -> Sealed:
    key = bytearray(secrets.token_bytes(crypto.DATA_KEY_BYTES))
    nonce, ciphertext = crypto.wrap(key, body.encode("utf-8"), _aad(vault_id, kind, item_id))
    return Sealed(nonce, ciphertext, key)


def seal_to(db: Database, vault_id: str, kind: str, item_id: int, key: bytes | bytearray,
            readers: dict[int, bytes]) -> None:
    """Give the note's key to each reader (staff id -> personal public key)."""
    for staff_id, public in readers.items():
        eph, nonce, sealed = crypto.seal(public, key,
                                         _key_aad(vault_id, kind, item_id, staff_id))
        db.execute("INSERT OR REPLACE INTO sealed_note_key (item_kind, item_id, staff_id, "
                   "public_key, ephemeral, nonce, sealed) VALUES (?, ?, ?, ?, ?, ?, ?)",
                   (kind, item_id, staff_id, public, eph, nonce, sealed))


def drop_keys(db: Database, kind: str, item_id: int, keep: set[int] | None = None) -> None:
    rows = db.query("SELECT staff_id FROM sealed_note_key WHERE item_kind = ? AND item_id = ?",
                    (kind, item_id))
    for (staff_id,) in rows:
        if keep is None or int(staff_id) not in keep:
            db.execute("DELETE FROM sealed_note_key WHERE item_kind = ? AND item_id = ? "
                       "AND staff_id = ?", (kind, item_id, staff_id))


def readers(db: Database, kind: str, item_id: int) -> set[int]:
    return {int(r[0]) for r in db.query(
        "SELECT staff_id FROM sealed_note_key WHERE item_kind = ? AND item_id = ?",
        (kind, item_id))}


def note_key(db: Database, vault_id: str, kind: str, item_id: int, staff_id: int,
             signing_seed: bytearray) -> bytearray:
    """The note's key, opened with this person's personal key."""
    private, public = crypto.personal_keypair(signing_seed)
    try:
        rows = db.query("SELECT ephemeral, nonce, sealed FROM sealed_note_key WHERE "
                        "item_kind = ? AND item_id = ? AND staff_id = ? AND public_key = ?",
                        (kind, item_id, staff_id, public))
        if not rows:
            raise SealedUnreadable
        eph, nonce, sealed = rows[0]
        try:
            return crypto.open_sealed(private, public, bytes(eph), bytes(nonce), bytes(sealed),
                                      _key_aad(vault_id, kind, item_id, staff_id))
        except crypto.UnwrapFailed as exc:
            raise SealedUnreadable from exc
    finally:
        crypto.wipe(private)


def decrypt(vault_id: str, kind: str, item_id: int, key: bytes | bytearray, nonce: bytes,
            ciphertext: bytes) -> str:
    try:
        return crypto.unwrap(key, nonce, ciphertext, _aad(vault_id, kind, item_id)).decode(
            "utf-8")
    except crypto.UnwrapFailed as exc:
        raise SealedUnreadable from exc
