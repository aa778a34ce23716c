"""Password-derived keys (Argon2id) and key wrapping (AES-256-GCM).

argon2 and cryptography are imported on first use so that the sign-in
window paints before they load.
"""

from __future__ import annotations

import os
import secrets
import time
from dataclasses import asdict, dataclass

DATA_KEY_BYTES = 32
SALT_BYTES = 16
NONCE_BYTES = 12

# DESIGN.md §3 floor; calibration only ever raises these.
FLOOR_MEMORY_KIB = 64 * 1024
FLOOR_TIME_COST = 3
FLOOR_PARALLELISM = 4
MAX_TIME_COST = 24
DEFAULT_TARGET_SECONDS = 0.5
# Operators on a slow PC (and the test suite) can set the unlock target;
# the floor above still applies.
TARGET_ENV = "PEERDESK_KDF_TARGET_MS"


class UnwrapFailed(Exception):
    """The wrapping key was wrong or the slot was changed (GCM tag mismatch)."""


@dataclass(frozen=True, slots=True)
class KdfParams:
    time_cost: int = FLOOR_TIME_COST
    memory_kib: int = FLOOR_MEMORY_KIB
    parallelism: int = FLOOR_PARALLELISM

    def as_dict(self) -> dict[str, int]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> KdfParams:
        params = cls(
            time_cost=int(data["time_cost"]),  # type: ignore[call-overload]
            memory_kib=int(data["memory_kib"]),  # type: ignore[call-overload]
            parallelism=int(data["parallelism"]),  # type: ignore[call-overload]
        )
        params.check_floor()
        return params

    def check_floor(self) -> None:
        if (
            self.time_cost < FLOOR_TIME_COST
            or self.memory_kib < FLOOR_MEMORY_KIB
            or self.parallelism < FLOOR_PARALLELISM
        ):
            raise ValueError("key derivation parameters below the floor")
        # A damaged or tampered key file must not stall sign-in for minutes
        # or exhaust memory: nothing we write comes near these.
        if (
            self.time_cost > MAX_TIME_COST * 4
            or self.memory_kib > 4 * 1024 * 1024
            or self.parallelism > 64
        ):
            raise ValueError("key derivation parameters beyond any PeerDesk writes")


def derive_key(secret: bytes, salt: bytes, params: KdfParams) -> bytearray:
    from argon2.low_level import Type, hash_secret_raw

    raw = hash_secret_raw(
        secret=secret,
        salt=salt,
        time_cost=params.time_cost,
        memory_cost=params.memory_kib,
        parallelism=params.parallelism,
        hash_len=DATA_KEY_BYTES,
        type=Type.ID,
    )
    return bytearray(raw)


def target_seconds() -> float:
    raw = os.environ.get(TARGET_ENV)
    if raw is None:
        return DEFAULT_TARGET_SECONDS
    try:
        return max(0.0, int(raw) / 1000)
    except ValueError:
        return DEFAULT_TARGET_SECONDS


_calibrated: dict[float, KdfParams] = {}


def calibrate(target: float | None = None) -> KdfParams:
    """Raise the pass count from the floor until one derivation takes `target`.

    Measured once per process and target: the PC does not get faster.
    """
    goal = target_seconds() if target is None else target
    if goal not in _calibrated:
        _calibrated[goal] = _measure(goal)
    return _calibrated[goal]


def _measure(goal: float) -> KdfParams:
    params = KdfParams()
    if goal <= 0:
        return params
    start = time.perf_counter()
    derive_key(b"calibration", b"\0" * SALT_BYTES, params)
    per_pass = (time.perf_counter() - start) / params.time_cost
    if per_pass <= 0:
        return params
    passes = min(MAX_TIME_COST, max(FLOOR_TIME_COST, round(goal / per_pass)))
    return KdfParams(time_cost=passes)


def new_data_key() -> bytearray:
    return bytearray(secrets.token_bytes(DATA_KEY_BYTES))


def new_salt() -> bytes:
    return secrets.token_bytes(SALT_BYTES)


def wrap(
    key_encryption_key: bytes | bytearray, data_key: bytes | bytearray, aad: bytes
) -> tuple[bytes, bytes]:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    nonce = secrets.token_bytes(NONCE_BYTES)
    sealed = AESGCM(bytes(key_encryption_key)).encrypt(nonce, bytes(data_key), aad)
    return nonce, sealed


def unwrap(
    key_encryption_key: bytes | bytearray, nonce: bytes, sealed: bytes, aad: bytes
) -> bytearray:
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    try:
        return bytearray(AESGCM(bytes(key_encryption_key)).decrypt(nonce, sealed, aad))
    except InvalidTag as exc:
        raise UnwrapFailed from exc


def wipe(buffer: bytearray) -> None:
    """Overwrite key material we hold (best effort: Python may have copies)."""
    for i in range(len(buffer)):
        buffer[i] = 0


# -- sealing to a slot's public key -------------------------------------------
#
# Each key slot owns an X25519 key pair. The private key is wrapped under the
# password-derived key; the data key is sealed to the public key. Sealing
# needs no password, so a rekey can reseal the new data key for every slot
# that stays, and a removed person's old slot no longer opens anything.


def new_keypair() -> tuple[bytearray, bytes]:
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
    from cryptography.hazmat.primitives.serialization import (
        Encoding,
        NoEncryption,
        PrivateFormat,
        PublicFormat,
    )

    private = X25519PrivateKey.generate()
    private_raw = private.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
    public_raw = private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    return bytearray(private_raw), public_raw


def _sealing_key(
    shared: bytes, ephemeral_public: bytes, recipient_public: bytes, aad: bytes
) -> bytes:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    return HKDF(
        algorithm=hashes.SHA256(),
        length=DATA_KEY_BYTES,
        salt=ephemeral_public + recipient_public,
        info=b"peerdesk-seal|" + aad,
    ).derive(shared)


def seal(
    recipient_public: bytes, secret: bytes | bytearray, aad: bytes
) -> tuple[bytes, bytes, bytes]:
    """Encrypt `secret` so only the holder of the matching private key can read it."""
    from cryptography.hazmat.primitives.asymmetric.x25519 import (
        X25519PrivateKey,
        X25519PublicKey,
    )
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    ephemeral = X25519PrivateKey.generate()
    ephemeral_public = ephemeral.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(recipient_public))
    key = _sealing_key(shared, ephemeral_public, recipient_public, aad)
    nonce, sealed = wrap(key, secret, aad)
    return ephemeral_public, nonce, sealed


def open_sealed(
    private_raw: bytes | bytearray,
    recipient_public: bytes,
    ephemeral_public: bytes,
    nonce: bytes,
    sealed: bytes,
    aad: bytes,
) -> bytearray:
    from cryptography.hazmat.primitives.asymmetric.x25519 import (
        X25519PrivateKey,
        X25519PublicKey,
    )

    private = X25519PrivateKey.from_private_bytes(bytes(private_raw))
    shared = private.exchange(X25519PublicKey.from_public_bytes(ephemeral_public))
    key = _sealing_key(shared, ephemeral_public, recipient_public, aad)
    return unwrap(key, nonce, sealed, aad)


# -- signing (Ed25519) -----------------------------------------------------------
#
# Each person has a signing key; the vault has an authority key that signs
# role grants. Keys are handled as raw 32-byte seeds in bytearrays we wipe.

SIGNATURE_BYTES = 64


class BadSignature(Exception):
    """A signature that does not verify under the key it names."""


def new_signing_seed() -> bytearray:
    return bytearray(secrets.token_bytes(32))


def signing_public_key(seed: bytes | bytearray) -> bytes:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    private = Ed25519PrivateKey.from_private_bytes(bytes(seed))
    return private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)


def sign(seed: bytes | bytearray, message: bytes) -> bytes:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    return Ed25519PrivateKey.from_private_bytes(bytes(seed)).sign(message)


def verify(public_key: bytes, signature: bytes, message: bytes) -> None:
    """Raises BadSignature unless `signature` is `public_key`'s over `message`."""
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    try:
        Ed25519PublicKey.from_public_bytes(bytes(public_key)).verify(bytes(signature), message)
    except (InvalidSignature, ValueError) as exc:
        raise BadSignature from exc


def fingerprint(public_key: bytes) -> str:
    """A short, printable name for a public key (first 16 bytes of its SHA-256)."""
    import hashlib

    return hashlib.sha256(bytes(public_key)).hexdigest()[:32]


def mac(key: bytes | bytearray, message: bytes) -> bytes:
    import hashlib
    import hmac

    return hmac.new(bytes(key), message, hashlib.sha256).digest()


def mac_matches(key: bytes | bytearray, message: bytes, tag: bytes) -> bool:
    import hmac

    return hmac.compare_digest(mac(key, message), bytes(tag))


def derive_subkey(secret: bytes | bytearray, purpose: bytes) -> bytearray:
    """A key for one purpose from a secret we hold (HKDF-SHA256)."""
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    return bytearray(HKDF(algorithm=hashes.SHA256(), length=DATA_KEY_BYTES, salt=None,
                          info=b"peerdesk|" + purpose).derive(bytes(secret)))


def personal_keypair(signing_seed: bytes | bytearray) -> tuple[bytearray, bytes]:
    """A person's X25519 key pair for notes sealed to them, derived from their
    signing seed: it survives their own password changes (the seed is carried
    to the new slot) and is gone when an administrator resets their password."""
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    private = derive_subkey(signing_seed, b"personal-seal")
    public = X25519PrivateKey.from_private_bytes(bytes(private)).public_key().public_bytes(
        Encoding.Raw, PublicFormat.Raw)
    return private, public
