"""The key-slot sidecar beside the database (DESIGN.md §3, with one change).

A slot belongs to one account (or to the recovery key) and holds:
- an X25519 key pair whose private half is sealed with AES-256-GCM under a
  key derived from the password by Argon2id;
- the vault's data key sealed to the slot's public key, once per key
  generation.

Why not wrap the data key directly under the password key, as DESIGN.md
first said: removing a person must rekey the vault, and a rekey has to
re-wrap the new data key for everyone who stays, whose passwords we don't
have. Sealing to a public key needs no password. The public keys are also
kept inside the encrypted database, and a rekey seals only to those, so an
edited sidecar can't slip in a key of someone else's.

The vault id, slot id, kind and generation are the GCM associated data, so a
slot copied from another vault, or moved to another generation, does not open.
A password change re-wraps one private key and leaves the database untouched.
"""

from __future__ import annotations

import base64
import json
import secrets
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from peerdesk.domain.errors import KeyFileDamaged, KeyFileMissing, VaultTooNew
from peerdesk.storage import crypto
from peerdesk.storage.atomic import write_atomically

FORMAT = "peerdesk-keys"
FORMAT_VERSION = 1

PASSWORD = "password"
RECOVERY = "recovery"


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str, length: int | None = None) -> bytes:
    data = base64.b64decode(text.encode("ascii"), validate=True)
    # A field of the wrong length is damage too. Caught here it reads as a
    # damaged key file; caught later, the crypto library's ValueError
    # escaped sign-in as an unexpected error.
    if length is not None and len(data) != length:
        raise ValueError("key file field has the wrong length")
    return data


_KEY = 32  # X25519 keys and the data key
_SEALED = _KEY + 16  # AES-GCM adds a 16-byte tag


def password_bytes(password: str) -> bytes:
    # The same password typed on another keyboard may arrive composed or
    # decomposed; NFC makes both derive the same key.
    return unicodedata.normalize("NFC", password).encode("utf-8")


@dataclass(slots=True)
class SealedDataKey:
    generation: int
    ephemeral: bytes
    nonce: bytes
    sealed: bytes

    def to_json(self) -> dict[str, Any]:
        return {
            "generation": self.generation,
            "ephemeral": _b64(self.ephemeral),
            "nonce": _b64(self.nonce),
            "sealed": _b64(self.sealed),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> SealedDataKey:
        return cls(
            generation=int(data["generation"]),
            ephemeral=_unb64(data["ephemeral"], _KEY),
            nonce=_unb64(data["nonce"], crypto.NONCE_BYTES),
            sealed=_unb64(data["sealed"], _SEALED),
        )


@dataclass(slots=True)
class Slot:
    id: str
    kind: str
    account: str | None
    kdf: crypto.KdfParams
    salt: bytes
    public_key: bytes
    private_nonce: bytes
    private_sealed: bytes
    data_keys: list[SealedDataKey] = field(default_factory=list)

    def private_aad(self, vault_id: str) -> bytes:
        return f"peerdesk-slot-private|{vault_id}|{self.id}|{self.kind}".encode()

    def data_key_aad(self, vault_id: str, generation: int) -> bytes:
        return f"peerdesk-slot-data|{vault_id}|{self.id}|{self.kind}|{generation}".encode()

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "account": self.account,
            "kdf": self.kdf.as_dict(),
            "salt": _b64(self.salt),
            "public_key": _b64(self.public_key),
            "private_nonce": _b64(self.private_nonce),
            "private_sealed": _b64(self.private_sealed),
            "data_keys": [k.to_json() for k in self.data_keys],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Slot:
        kind = data["kind"]
        if kind not in (PASSWORD, RECOVERY):
            raise ValueError("unknown slot kind")
        account = data.get("account")
        return cls(
            id=str(data["id"]),
            kind=kind,
            account=None if account is None else str(account),
            kdf=crypto.KdfParams.from_dict(data["kdf"]),
            salt=_unb64(data["salt"], crypto.SALT_BYTES),
            public_key=_unb64(data["public_key"], _KEY),
            private_nonce=_unb64(data["private_nonce"], crypto.NONCE_BYTES),
            private_sealed=_unb64(data["private_sealed"], _SEALED),
            data_keys=[SealedDataKey.from_json(k) for k in data["data_keys"]],
        )


@dataclass(slots=True)
class KeySlotFile:
    vault_id: str
    slots: list[Slot] = field(default_factory=list)

    # -- reading and writing -------------------------------------------------

    @classmethod
    def new(cls) -> KeySlotFile:
        return cls(vault_id=secrets.token_hex(16))

    @classmethod
    def load(cls, path: Path) -> KeySlotFile:
        try:
            raw = path.read_bytes()
        except FileNotFoundError as exc:
            raise KeyFileMissing from exc
        return cls.load_bytes(raw)

    @classmethod
    def load_bytes(cls, raw: bytes) -> KeySlotFile:
        try:
            data = json.loads(raw.decode("utf-8"))
            if data.get("format") != FORMAT:
                raise ValueError("not a key file")
            if int(data["version"]) > FORMAT_VERSION:
                raise VaultTooNew
            vault_id = str(data["vault_id"])
            slots = [Slot.from_json(item) for item in data["slots"]]
        except VaultTooNew:
            raise
        except (ValueError, KeyError, TypeError, AttributeError, UnicodeDecodeError) as exc:
            raise KeyFileDamaged from exc
        return cls(vault_id=vault_id, slots=slots)

    def to_bytes(self) -> bytes:
        payload = {
            "format": FORMAT,
            "version": FORMAT_VERSION,
            "vault_id": self.vault_id,
            "slots": [slot.to_json() for slot in self.slots],
        }
        return json.dumps(payload, indent=1, ensure_ascii=True).encode("ascii")

    def save(self, path: Path) -> None:
        write_atomically(path, self.to_bytes())

    # -- queries --------------------------------------------------------------

    def accounts(self) -> list[str]:
        """Account names that can sign in, for the sign-in screen's list."""
        names = {s.account for s in self.slots if s.kind == PASSWORD and s.account}
        return sorted(names, key=str.casefold)

    def slot(self, slot_id: str) -> Slot | None:
        return next((s for s in self.slots if s.id == slot_id), None)

    def slots_for(self, account: str) -> list[Slot]:
        wanted = account.strip().casefold()
        return [
            s for s in self.slots if s.kind == PASSWORD and (s.account or "").casefold() == wanted
        ]

    def recovery_slots(self) -> list[Slot]:
        return [s for s in self.slots if s.kind == RECOVERY]

    # -- changes (callers save afterwards) ------------------------------------

    def add(
        self,
        *,
        kind: str,
        account: str | None,
        secret: bytes,
        data_key: bytes | bytearray,
        generation: int,
        params: crypto.KdfParams,
    ) -> Slot:
        """A new slot whose private key opens with `secret` and holds `data_key`."""
        private, public = crypto.new_keypair()
        slot = Slot(
            id=secrets.token_hex(8),
            kind=kind,
            account=account,
            kdf=params,
            salt=crypto.new_salt(),
            public_key=public,
            private_nonce=b"",
            private_sealed=b"",
        )
        try:
            self._protect_private_key(slot, private, secret)
        finally:
            crypto.wipe(private)
        self.seal_data_key(slot, data_key, generation)
        self.slots.append(slot)
        return slot

    def _protect_private_key(self, slot: Slot, private: bytearray, secret: bytes) -> None:
        kek = crypto.derive_key(secret, slot.salt, slot.kdf)
        try:
            slot.private_nonce, slot.private_sealed = crypto.wrap(
                kek, private, slot.private_aad(self.vault_id)
            )
        finally:
            crypto.wipe(kek)

    def change_secret(self, slot: Slot, old_private: bytearray, new_secret: bytes,
                      params: crypto.KdfParams) -> None:
        """Re-wrap one slot's private key under a new password; data keys untouched."""
        slot.salt = crypto.new_salt()
        slot.kdf = params
        self._protect_private_key(slot, old_private, new_secret)

    def seal_data_key(self, slot: Slot, data_key: bytes | bytearray, generation: int,
                      public_key: bytes | None = None) -> None:
        ephemeral, nonce, sealed = crypto.seal(
            public_key or slot.public_key, data_key, slot.data_key_aad(self.vault_id, generation)
        )
        slot.data_keys = [k for k in slot.data_keys if k.generation != generation]
        slot.data_keys.append(SealedDataKey(generation, ephemeral, nonce, sealed))

    def drop_generations_before(self, generation: int) -> None:
        for slot in self.slots:
            slot.data_keys = [k for k in slot.data_keys if k.generation >= generation]

    def remove(self, slot_id: str) -> None:
        self.slots = [s for s in self.slots if s.id != slot_id]

    # -- opening ----------------------------------------------------------------

    def open_private_key(self, slot: Slot, secret: bytes) -> bytearray:
        """Raises crypto.UnwrapFailed when the secret is wrong or the slot was changed."""
        kek = crypto.derive_key(secret, slot.salt, slot.kdf)
        try:
            return crypto.unwrap(
                kek, slot.private_nonce, slot.private_sealed, slot.private_aad(self.vault_id)
            )
        finally:
            crypto.wipe(kek)

    def data_key_candidates(self, slot: Slot, private: bytearray) -> list[tuple[int, bytearray]]:
        """Every data key this slot holds, newest generation first."""
        found = []
        for entry in sorted(slot.data_keys, key=lambda k: -k.generation):
            try:
                key = crypto.open_sealed(
                    private, slot.public_key, entry.ephemeral, entry.nonce, entry.sealed,
                    slot.data_key_aad(self.vault_id, entry.generation),
                )
            except crypto.UnwrapFailed:
                continue
            found.append((entry.generation, key))
        return found
