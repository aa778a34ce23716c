"""Identifying columns sealed on the client before they are sent (docs/team-server.md).

Each value is AES-256-GCM under the compartment's key (casework's for peers'
records, main's for staff names), in an envelope the server's `main.sealed`
type checks the shape of:

    1 byte format (1) | 4 bytes key generation | 12 bytes nonce | ciphertext+tag

The associated data binds a value to its place: compartment, table, column and
the row's id. A value moved to another row or column by someone with the
server (a host, a backup) fails to open instead of showing one person's name
against another's record. The text is padded to a multiple of 32 bytes first,
so a ciphertext's length tells only roughly how long the text was.
"""

from __future__ import annotations

import os
import struct
from collections.abc import Mapping

from peerdesk.storage.team.errors import TeamServerError

FORMAT = 1
KEY_BYTES = 32
NONCE_BYTES = 12
BLOCK = 32
_HEADER = struct.Struct(">BI")  # format, key generation


class SealedValueError(TeamServerError):
    default_message = ("A record on the team server could not be opened with this "
                       "centre's key: it was changed on the server, or belongs to another "
                       "centre.")


def _pad(text: str) -> bytes:
    data = text.encode("utf-8")
    framed = struct.pack(">I", len(data)) + data
    return framed + b"\0" * (-len(framed) % BLOCK)


def _unpad(padded: bytes) -> str:
    (length,) = struct.unpack(">I", padded[:4])
    if length > len(padded) - 4:
        raise SealedValueError
    return padded[4:4 + length].decode("utf-8")


class FieldCipher:
    """Seals and opens one compartment's column values.

    It seals with `key` (generation `generation`) and opens a value of that
    generation or of any in `older` (generation -> key): while the casework
    key is being changed, rows of the old and the new generation are read side
    by side (storage/team/rotation.py)."""

    def __init__(self, key: bytes | bytearray, *, compartment: str, generation: int = 1,
                 older: Mapping[int, bytes | bytearray] | None = None) -> None:
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        if len(key) != KEY_BYTES or any(len(k) != KEY_BYTES for k in (older or {}).values()):
            raise ValueError("a compartment key is 32 bytes")
        self._aead = AESGCM(bytes(key))
        self._by_generation = {g: AESGCM(bytes(k)) for g, k in (older or {}).items()
                               if g != generation}
        self._by_generation[generation] = self._aead
        self.compartment = compartment
        self.generation = generation

    @property
    def generations(self) -> frozenset[int]:
        """The generations this cipher opens."""
        return frozenset(self._by_generation)

    def _aad(self, table: str, column: str, row: object) -> bytes:
        return "\0".join(("peerdesk-team", self.compartment, table, column,
                          str(row))).encode("utf-8")

    def seal(self, table: str, column: str, row: object, text: str) -> bytes:
        header = _HEADER.pack(FORMAT, self.generation)
        nonce = os.urandom(NONCE_BYTES)
        body = self._aead.encrypt(nonce, _pad(text), header + self._aad(table, column, row))
        return header + nonce + body

    def open(self, table: str, column: str, row: object, sealed: bytes | memoryview) -> str:
        from cryptography.exceptions import InvalidTag

        blob = bytes(sealed)
        if len(blob) < _HEADER.size + NONCE_BYTES + 16:
            raise SealedValueError
        header = blob[:_HEADER.size]
        fmt, generation = _HEADER.unpack(header)
        aead = self._by_generation.get(generation)
        if fmt != FORMAT or aead is None:
            raise SealedValueError
        nonce = blob[_HEADER.size:_HEADER.size + NONCE_BYTES]
        try:
            padded = aead.decrypt(nonce, blob[_HEADER.size + NONCE_BYTES:],
                                        header + self._aad(table, column, row))
        except InvalidTag as exc:
            raise SealedValueError from exc
        return _unpad(padded)


def generation_of(sealed: bytes | memoryview) -> int:
    """The key generation a sealed value's envelope names."""
    blob = bytes(sealed)
    if len(blob) < _HEADER.size:
        raise SealedValueError
    return int(_HEADER.unpack(blob[:_HEADER.size])[1])
