"""The export's container: a zip whose every file is AES-256 encrypted (docs/export.md).

WinZip's AES format (AE-2), which 7-Zip, WinZip, PeaZip, Keka and `7z` open
with the passphrase. Each file is written as a stream, so a table of millions
of rows never sits in memory or on disk unencrypted. Every file's SHA-256 is
recorded in `manifest.json`, checked on reading.

What the format does not hide: the names of the files inside (table names,
never a person's) and their sizes. Its key derivation is fixed by the format
(PBKDF2-SHA1, 1,000 rounds), which is why the passphrase rules ask for more
than a password's (domain/validation.py).
"""

from __future__ import annotations

import hashlib
import io
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from peerdesk.domain.errors import PeerDeskError, WrongCredentials

_AES_256 = 3  # WinZip AES key strength 3: AES-256
_CHUNK = 1024 * 1024


class ExportDamaged(PeerDeskError):
    default_message = (
        "This export is damaged or incomplete (or was changed after it was made), so "
        "nothing was imported. Use another copy of the export.")


WRONG_PASSPHRASE = "That passphrase does not open this export."


def _pyzipper() -> Any:
    import pyzipper

    return pyzipper


class _Hashing(io.RawIOBase):
    """Passes bytes on to a zip entry and keeps their SHA-256 and count."""

    def __init__(self, sink: IO[bytes]) -> None:
        super().__init__()
        self._sink = sink
        self.sha256 = hashlib.sha256()
        self.size = 0

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        chunk = bytes(data)
        self.sha256.update(chunk)
        self.size += len(chunk)
        self._sink.write(chunk)
        return len(chunk)


class ArchiveWriter:
    """Write entries one at a time into a new AES zip at `path`."""

    def __init__(self, path: Path, passphrase: str) -> None:
        zipper = _pyzipper()
        self._zip = zipper.AESZipFile(path, "x", compression=zipper.ZIP_DEFLATED,
                                      compresslevel=6, allowZip64=True)
        self._zip.setpassword(passphrase.encode("utf-8"))
        self._zip.setencryption(zipper.WZ_AES, nbits=256)
        self.hashes: dict[str, str] = {}

    @contextmanager
    def binary(self, name: str) -> Iterator[io.RawIOBase]:
        """A write stream for one entry; its SHA-256 is kept under its name."""
        with self._zip.open(name, "w", force_zip64=True) as sink:
            hashing = _Hashing(sink)
            yield hashing
        self.hashes[name] = hashing.sha256.hexdigest()

    @contextmanager
    def text(self, name: str, *, bom: bool = False) -> Iterator[IO[str]]:
        """A UTF-8 text stream for one entry (newlines written as given)."""
        with self.binary(name) as raw:
            buffered = io.BufferedWriter(raw, buffer_size=256 * 1024)
            wrapper = io.TextIOWrapper(buffered, encoding="utf-8-sig" if bom else "utf-8",
                                       newline="")
            try:
                yield wrapper
            finally:
                wrapper.flush()
                wrapper.detach()
                buffered.flush()

    def write_text(self, name: str, content: str, *, bom: bool = False) -> None:
        with self.text(name, bom=bom) as out:
            out.write(content)

    def close(self) -> None:
        self._zip.close()


class ArchiveReader:
    """An export opened with its passphrase; every entry must be AES encrypted."""

    def __init__(self, path: Path, passphrase: str) -> None:
        zipper = _pyzipper()
        try:
            self._zip = zipper.AESZipFile(path, "r")
        except (zipper.BadZipFile, OSError, EOFError, ValueError) as exc:
            raise ExportDamaged from exc
        self._zip.setpassword(passphrase.encode("utf-8"))
        try:
            self._check_encrypted()
        except BaseException:
            self._zip.close()
            raise

    def _check_encrypted(self) -> None:
        # An entry stored without encryption was not written by PeerDesk:
        # whoever repacked it could have changed it without the passphrase.
        for info in self._zip.infolist():
            if not info.flag_bits & 0x1 or getattr(info, "wz_aes_strength", None) != _AES_256:
                raise ExportDamaged(
                    "This file is not a PeerDesk export: a file inside it is not "
                    "encrypted. Nothing was imported.")

    def names(self) -> list[str]:
        return list(self._zip.namelist())

    @contextmanager
    def binary(self, name: str) -> Iterator[IO[bytes]]:
        zipper = _pyzipper()
        try:
            handle = self._zip.open(name, "r")
        except KeyError as exc:
            raise ExportDamaged from exc
        except RuntimeError as exc:  # the entry's password check
            raise WrongCredentials(WRONG_PASSPHRASE) from exc
        except (zipper.BadZipFile, zlib.error, EOFError, OSError) as exc:
            raise ExportDamaged from exc
        try:
            yield io.BufferedReader(_Checked(handle), buffer_size=256 * 1024)
        finally:
            handle.close()

    @contextmanager
    def text(self, name: str) -> Iterator[IO[str]]:
        with self.binary(name) as raw:
            yield io.TextIOWrapper(raw, encoding="utf-8-sig", newline="\n")

    def read_text(self, name: str) -> str:
        with self.text(name) as handle:
            return handle.read()

    def sha256(self, name: str) -> str:
        digest = hashlib.sha256()
        with self.binary(name) as raw:
            while chunk := raw.read(_CHUNK):
                digest.update(chunk)
        return digest.hexdigest()

    def close(self) -> None:
        self._zip.close()


class _Checked(io.RawIOBase):
    """Reading an entry, with the format's own damage reports made ours.

    The AES entry's HMAC is checked at its end; a wrong passphrase that got
    past the format's 2-byte check fails there too, so that case names both.
    """

    def __init__(self, handle: IO[bytes]) -> None:
        super().__init__()
        self._handle = handle

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        zipper = _pyzipper()
        try:
            data = self._handle.read(len(buffer))
        except (zipper.BadZipFile, zlib.error, EOFError, OSError, RuntimeError) as exc:
            raise ExportDamaged(
                "This export is damaged, or the passphrase is not the one it was made "
                "with. Nothing was imported.") from exc
        buffer[:len(data)] = data
        return len(data)
