"""The key file beside the database: one slot per person (docs/security.md §2).

A slot belongs to one account (or to the recovery key) and holds:
- an X25519 key pair whose private half is sealed with AES-256-GCM under a
  key derived from the password by Argon2id;
- sealed to its public half, every secret the person holds: the key of each
  compartment their roles open (main, casework), per key generation; the
  vault's authority key for administrators; their own signing key;
- a pin of the authority's public key, authenticated with a key derived from
  the slot's private key, so that nobody without this person's password can
  make them trust another authority.

Sealing to a public key needs no password, so a colleague can hand the
casework key to a new person and a rotation can re-seal new keys to everyone
who stays. The public keys are also kept inside the encrypted main database,
and a rotation seals only to those, so an edited key file can't slip in a
reader. The vault id, slot id, kind, compartment and generation are GCM
associated data: a sealed key moved to another slot, compartment or
generation does not open.

The file also carries the audit anchor (the newest audit event's count and
hash, see anchors.py) and the sign-in guard (failed tries per account, see
signin_guard.py). Version 1 files (one "data_keys" list, the key of a vault
that had only one database) are read and written back as version 2.
"""

from __future__ import annotations

import base64
import json
import secrets
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from peerdesk.domain.errors import KeyFileDamaged, KeyFileMissing, VaultTooNew
from peerdesk.storage import crypto
from peerdesk.storage.atomic import write_atomically

FORMAT = "peerdesk-keys"
FORMAT_VERSION = 2

PASSWORD = "password"
RECOVERY = "recovery"

# What a slot can hold, besides its own private key.
MAIN = "main"
CASEWORK = "casework"
AUTHORITY = "authority"  # the vault's Ed25519 authority seed
SIGNING = "signing"  # the person's own Ed25519 signing seed
SECRETS = (MAIN, CASEWORK, AUTHORITY, SIGNING)


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


_KEY = 32  # X25519 keys, Ed25519 seeds and public keys, database keys
_SEALED = _KEY + 16  # AES-GCM adds a 16-byte tag


def password_bytes(password: str) -> bytes:
    # The same password typed on another keyboard may arrive composed or
    # decomposed; NFC makes both derive the same key.
    return unicodedata.normalize("NFC", password).encode("utf-8")


@dataclass(slots=True)
class SealedKey:
    what: str  # one of SECRETS
    generation: int
    ephemeral: bytes
    nonce: bytes
    sealed: bytes
    # Read from a version 1 file: sealed with that version's associated data.
    legacy: bool = False

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "what": self.what,
            "generation": self.generation,
            "ephemeral": _b64(self.ephemeral),
            "nonce": _b64(self.nonce),
            "sealed": _b64(self.sealed),
        }
        if self.legacy:
            data["legacy"] = True
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any], *, legacy: bool = False) -> SealedKey:
        what = str(data.get("what", MAIN))
        if what not in SECRETS:
            raise ValueError("unknown sealed secret")
        return cls(
            what=what,
            generation=int(data["generation"]),
            ephemeral=_unb64(data["ephemeral"], _KEY),
            nonce=_unb64(data["nonce"], crypto.NONCE_BYTES),
            sealed=_unb64(data["sealed"], _SEALED),
            legacy=legacy or bool(data.get("legacy", False)),
        )


@dataclass(slots=True)
class Pin:
    """What this slot's owner trusts — the vault's authority key, and where the
    audit log's signatures begin — and the tag that proves they set it."""

    authority: bytes
    origin: int
    tag: bytes

    def to_json(self) -> dict[str, Any]:
        return {"authority": _b64(self.authority), "origin": self.origin,
                "tag": _b64(self.tag)}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Pin:
        return cls(authority=_unb64(data["authority"], _KEY), origin=int(data.get("origin", -1)),
                   tag=_unb64(data["tag"], _KEY))


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
    keys: list[SealedKey] = field(default_factory=list)
    pin: Pin | None = None
    # The audit head its owner last saw, with a tag only their private key can
    # make: a log rewritten or cut back since is named at their next sign-in.
    seen: dict[str, Any] | None = None

    def private_aad(self, vault_id: str, *, pinned: bool = True) -> bytes:
        # "pinned": the slot carries a pin. It is in the associated data, which
        # only the password can change, so deleting a pin from the file can't
        # make its owner fall back to trusting whatever the database says.
        marker = "|pinned" if pinned else ""
        return f"peerdesk-slot-private|{vault_id}|{self.id}|{self.kind}{marker}".encode()

    def sealed_aad(self, vault_id: str, entry: SealedKey) -> bytes:
        if entry.legacy:
            return (f"peerdesk-slot-data|{vault_id}|{self.id}|{self.kind}|"
                    f"{entry.generation}").encode()
        return (f"peerdesk-slot-key|{vault_id}|{self.id}|{self.kind}|{entry.what}|"
                f"{entry.generation}").encode()

    def generations(self, what: str) -> list[int]:
        return sorted({k.generation for k in self.keys if k.what == what}, reverse=True)

    def holds(self, what: str) -> bool:
        return any(k.what == what for k in self.keys)

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": self.id,
            "kind": self.kind,
            "account": self.account,
            "kdf": self.kdf.as_dict(),
            "salt": _b64(self.salt),
            "public_key": _b64(self.public_key),
            "private_nonce": _b64(self.private_nonce),
            "private_sealed": _b64(self.private_sealed),
            "keys": [k.to_json() for k in self.keys],
        }
        if self.pin is not None:
            data["pin"] = self.pin.to_json()
        if self.seen is not None:
            data["seen"] = self.seen
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Slot:
        kind = data["kind"]
        if kind not in (PASSWORD, RECOVERY):
            raise ValueError("unknown slot kind")
        account = data.get("account")
        if "keys" in data:
            keys = [SealedKey.from_json(k) for k in data["keys"]]
        else:  # version 1
            keys = [SealedKey.from_json(k, legacy=True) for k in data["data_keys"]]
        pin = Pin.from_json(data["pin"]) if data.get("pin") else None
        seen = data.get("seen")
        if seen is not None and not isinstance(seen, dict):
            raise ValueError("seen is not an object")
        return cls(
            id=str(data["id"]),
            kind=kind,
            account=None if account is None else str(account),
            kdf=crypto.KdfParams.from_dict(data["kdf"]),
            salt=_unb64(data["salt"], crypto.SALT_BYTES),
            public_key=_unb64(data["public_key"], _KEY),
            private_nonce=_unb64(data["private_nonce"], crypto.NONCE_BYTES),
            private_sealed=_unb64(data["private_sealed"], _SEALED),
            keys=keys,
            pin=pin,
            seen=seen,
        )


@dataclass(slots=True)
class OpenedSlot:
    """What one slot gave up to its password: each secret, newest generation first."""

    slot: Slot
    secrets: dict[str, list[tuple[int, bytearray]]]

    def newest(self, what: str) -> bytearray | None:
        found = self.secrets.get(what)
        return found[0][1] if found else None

    def wipe(self) -> None:
        for entries in self.secrets.values():
            for _generation, key in entries:
                crypto.wipe(key)
        self.secrets.clear()


@dataclass(slots=True)
class KeySlotFile:
    vault_id: str
    slots: list[Slot] = field(default_factory=list)
    # Mirrors of state kept outside the database (anchors.py, signin_guard.py):
    # plain JSON objects here, interpreted by their own modules.
    anchor: dict[str, Any] | None = None
    guard: dict[str, Any] = field(default_factory=dict)
    # The salt (the first, unencrypted bytes) of the database file each key
    # generation was made for, "main:3" -> base64: when no key opens a file,
    # this tells a damaged file from a key file that belongs to another copy.
    salts: dict[str, str] = field(default_factory=dict)

    # -- reading and writing -------------------------------------------------

    @classmethod
    def new(cls) -> KeySlotFile:
        return cls(vault_id=secrets.token_hex(16))

    @classmethod
    def load(cls, path: Path) -> KeySlotFile:
        try:
            raw = path.read_bytes()
        except FileNotFoundError as exc:
            raise KeyFileMissing(file=path) from exc
        try:
            return cls.load_bytes(raw)
        except KeyFileDamaged as exc:
            raise KeyFileDamaged(file=path) from exc

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
            anchor = data.get("anchor")
            guard = data.get("guard") or {}
            salts = {str(k): str(v) for k, v in dict(data.get("salts") or {}).items()}
            if anchor is not None and not isinstance(anchor, dict):
                raise ValueError("anchor is not an object")
            if not isinstance(guard, dict):
                raise ValueError("guard is not an object")
        except VaultTooNew:
            raise
        except (ValueError, KeyError, TypeError, AttributeError, UnicodeDecodeError) as exc:
            raise KeyFileDamaged from exc
        return cls(vault_id=vault_id, slots=slots, anchor=anchor, guard=guard, salts=salts)

    def to_bytes(self) -> bytes:
        payload: dict[str, Any] = {
            "format": FORMAT,
            "version": FORMAT_VERSION,
            "vault_id": self.vault_id,
            "slots": [slot.to_json() for slot in self.slots],
        }
        if self.anchor is not None:
            payload["anchor"] = self.anchor
        if self.guard:
            payload["guard"] = self.guard
        if self.salts:
            payload["salts"] = self.salts
        return json.dumps(payload, indent=1, ensure_ascii=True).encode("ascii")

    def save(self, path: Path) -> None:
        write_atomically(path, self.to_bytes())

    def copy(self) -> KeySlotFile:
        return KeySlotFile.load_bytes(self.to_bytes())

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

    def generations(self, what: str) -> list[int]:
        """Every generation of a compartment key any slot holds, newest first."""
        return sorted({k.generation for s in self.slots for k in s.keys if k.what == what},
                      reverse=True)

    # -- changes (callers save afterwards) ------------------------------------

    def add(self, *, kind: str, account: str | None, secret: bytes,
            params: crypto.KdfParams) -> tuple[Slot, bytearray]:
        """A new slot whose private key opens with `secret`; holds nothing yet.

        Returns the slot and its private key (the caller seals to it, pins the
        authority with it, and wipes it).
        """
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
        except BaseException:
            crypto.wipe(private)
            raise
        self.slots.append(slot)
        return slot, private

    def _protect_private_key(self, slot: Slot, private: bytearray, secret: bytes) -> None:
        kek = crypto.derive_key(secret, slot.salt, slot.kdf)
        try:
            slot.private_nonce, slot.private_sealed = crypto.wrap(
                kek, private, slot.private_aad(self.vault_id)
            )
        finally:
            crypto.wipe(kek)

    def seal(self, slot: Slot, what: str, generation: int, secret: bytes | bytearray,
             public_key: bytes | None = None) -> None:
        """Seal `secret` to the slot (to `public_key` when given: the one the
        database registers), replacing what it held of that kind and generation."""
        entry = SealedKey(what, generation, b"", b"", b"")
        ephemeral, nonce, sealed = crypto.seal(
            public_key or slot.public_key, secret, slot.sealed_aad(self.vault_id, entry)
        )
        entry.ephemeral, entry.nonce, entry.sealed = ephemeral, nonce, sealed
        slot.keys = [k for k in slot.keys if not (k.what == what and k.generation == generation)]
        slot.keys.append(entry)

    def unseal(self, slot: Slot, what: str) -> None:
        """The slot no longer holds any generation of `what`."""
        slot.keys = [k for k in slot.keys if k.what != what]

    def keep_generations(self, what: str, keep: Iterable[int]) -> None:
        wanted = set(keep)
        for slot in self.slots:
            slot.keys = [k for k in slot.keys if k.what != what or k.generation in wanted]
        for name in list(self.salts):
            kind, _, generation = name.partition(":")
            if kind == what and int(generation) not in wanted:
                del self.salts[name]

    def record_salt(self, what: str, generation: int, salt: bytes | None) -> None:
        if salt is not None:
            self.salts[f"{what}:{generation}"] = _b64(salt)

    def salt_of(self, what: str, generation: int) -> bytes | None:
        recorded = self.salts.get(f"{what}:{generation}")
        try:
            return _unb64(recorded) if recorded else None
        except ValueError:
            return None

    def remove(self, slot_id: str) -> None:
        self.slots = [s for s in self.slots if s.id != slot_id]

    def set_pin(self, slot: Slot, private: bytearray, authority: bytes, origin: int) -> None:
        slot.pin = Pin(authority, origin, _pin_tag(self.vault_id, slot, private, authority,
                                                   origin))

    # -- opening ----------------------------------------------------------------

    def open_private_key(self, slot: Slot, secret: bytes) -> bytearray:
        """Raises crypto.UnwrapFailed when the secret is wrong or the slot was changed."""
        return self.open_private(slot, secret)[0]

    def open_private(self, slot: Slot, secret: bytes) -> tuple[bytearray, bool]:
        """The slot's private key, and whether the slot is a pinned one (every slot
        made by this version is; one from before pins is pinned at its owner's
        first sign-in). Raises crypto.UnwrapFailed when the secret is wrong."""
        kek = crypto.derive_key(secret, slot.salt, slot.kdf)
        try:
            for pinned in (True, False):
                try:
                    return crypto.unwrap(kek, slot.private_nonce, slot.private_sealed,
                                         slot.private_aad(self.vault_id, pinned=pinned)), pinned
                except crypto.UnwrapFailed:
                    continue
            raise crypto.UnwrapFailed
        finally:
            crypto.wipe(kek)

    def rewrap(self, slot: Slot, private: bytearray, secret: bytes) -> None:
        """Wrap an older slot's private key again as a pinned slot (at its owner's
        sign-in, the only time the password is at hand)."""
        self._protect_private_key(slot, private, secret)

    def open_slot(self, slot: Slot, private: bytearray) -> OpenedSlot:
        """Every secret the slot holds that opens; an entry that doesn't is skipped
        (a damaged or planted entry opens nothing, it never raises)."""
        found: dict[str, list[tuple[int, bytearray]]] = {}
        for entry in sorted(slot.keys, key=lambda k: -k.generation):
            try:
                key = crypto.open_sealed(
                    private, slot.public_key, entry.ephemeral, entry.nonce, entry.sealed,
                    slot.sealed_aad(self.vault_id, entry),
                )
            except crypto.UnwrapFailed:
                continue
            found.setdefault(entry.what, []).append((entry.generation, key))
        return OpenedSlot(slot, found)

    def verified_pin(self, slot: Slot, private: bytearray) -> Pin | None:
        """The pin this slot's owner set, or None (none, or forged)."""
        pin = slot.pin
        if pin is None:
            return None
        expected = _pin_tag(self.vault_id, slot, private, pin.authority, pin.origin)
        if not secrets.compare_digest(expected, pin.tag):
            return None
        return pin


    def record_seen(self, slot: Slot, seen_key: bytes | bytearray, count: int,
                    head: str) -> None:
        slot.seen = {"count": count, "head": head,
                     "tag": _b64(crypto.mac(seen_key, _seen_message(self.vault_id, slot, count,
                                                                     head)))}

    def verified_seen(self, slot: Slot, seen_key: bytes | bytearray | None
                      ) -> tuple[dict[str, Any] | None, bool]:
        """(what the owner last saw, or None; whether a record there fails to verify)."""
        seen = slot.seen
        if seen is None or seen_key is None:
            return None, False
        try:
            count, head = int(seen["count"]), str(seen["head"])
            ok = crypto.mac_matches(seen_key, _seen_message(self.vault_id, slot, count, head),
                                    _unb64(str(seen["tag"]), _KEY))
        except (KeyError, TypeError, ValueError):
            ok = False
        if not ok:
            return None, True
        return {"count": count, "head": head}, False


def _seen_message(vault_id: str, slot: Slot, count: int, head: str) -> bytes:
    return f"peerdesk-seen|{vault_id}|{slot.id}|{count}|{head}".encode("ascii")


def _pin_tag(vault_id: str, slot: Slot, private: bytearray, authority: bytes,
             origin: int) -> bytes:
    key = crypto.derive_subkey(private, b"authority-pin")
    try:
        return crypto.mac(key, f"{vault_id}|{slot.id}|{origin}|".encode() + authority)
    finally:
        crypto.wipe(key)
