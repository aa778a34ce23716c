"""Every page of a vault file (or its write-ahead log) decrypted, free pages included.

SQLCipher 4 with a raw key: each 4096-byte page is AES-256-CBC under the data
key, with a 16-byte IV and a 64-byte HMAC in an 80-byte tail; page 1 begins
with the file's 16-byte salt, in the clear. Reading the pages ourselves sees
what SQL can't: freed pages, unused space in live pages, old page versions in
the log. A search through SQL would only prove the rows are unlinked.
"""

from __future__ import annotations

import struct
from collections.abc import Iterator
from pathlib import Path

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

PAGE = 4096
RESERVE = 80  # IV (16) + HMAC-SHA512 (64)
WAL_HEADER = 32
FRAME_HEADER = 24


def decrypt_page(raw: bytes, key: bytes, *, first: bool) -> bytes:
    iv = raw[PAGE - RESERVE:PAGE - RESERVE + 16]
    body = raw[16 if first else 0:PAGE - RESERVE]
    decryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
    return decryptor.update(body) + decryptor.finalize()


def database_pages(path: Path, key: bytes) -> Iterator[bytes]:
    data = path.read_bytes()
    for number in range(len(data) // PAGE):
        yield decrypt_page(data[number * PAGE:(number + 1) * PAGE], key, first=number == 0)


def wal_pages(path: Path, key: bytes) -> Iterator[bytes]:
    if not path.exists():
        return
    data = path.read_bytes()
    offset = WAL_HEADER
    while offset + FRAME_HEADER + PAGE <= len(data):
        number = struct.unpack(">I", data[offset:offset + 4])[0]
        start = offset + FRAME_HEADER
        yield decrypt_page(data[start:start + PAGE], key, first=number == 1)
        offset = start + PAGE


def words_found(pages: Iterator[bytes], words: list[str]) -> set[str]:
    """Which of `words` appear in any page, as typed or casefolded (the search index's form)."""
    found: set[str] = set()
    for page in pages:
        lowered = page.lower()
        for word in words:
            if word.encode() in page or word.casefold().encode() in lowered:
                found.add(word)
    return found


def page_one_is_sqlite(path: Path, key: bytes) -> bool:
    """True when the key decrypts the file: page 1 then holds a b-tree header with the page size."""
    first = next(database_pages(path, key))
    return first[:2] == b"\x10\x00"  # 4096, big-endian, right after the salt
