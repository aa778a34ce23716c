"""Reading a spreadsheet saved as CSV: its encoding, its delimiter, then its rows, streamed.

Spreadsheet programs save CSV in UTF-8 (often with a byte-order mark) or, on
older Windows machines, in Windows-1252; with commas, or semicolons where the
comma is the decimal mark; some export tab-separated text. All of these are
read. A file that is none of them (a saved workbook, a picture) is refused
with a message instead of being imported as junk.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from peerdesk.domain.errors import Message, PeerDeskError
from peerdesk.domain.import_rows import Problem

_SAMPLE = 64 * 1024
_CHUNK = 1024 * 1024
DELIMITERS = ",;\t"

Progress = Callable[[int, int], None]


class ImportRefused(PeerDeskError):
    """The file can't be imported at all (empty, not text, changed since it was checked)."""


@dataclass(frozen=True, slots=True)
class FileFormat:
    encoding: str
    delimiter: str
    size: int
    # sha256 of the bytes: the import writes exactly the file that was checked.
    fingerprint: str
    notes: tuple[Message, ...] = ()  # shown with str(): in the person's language

    @property
    def delimiter_name(self) -> str:
        return {",": "comma", ";": "semicolon", "\t": "tab"}[self.delimiter]


_NOT_TEXT = ("This file doesn't look like a spreadsheet saved as CSV text. In the "
             "spreadsheet program choose “Save as” → “CSV”, then import that file.")


def _decodes(path: Path, encoding: str) -> tuple[bool, str]:
    """Whether the whole file decodes; its sha256 either way. Streamed, never all in memory."""
    decoder = codecs.getincrementaldecoder(encoding)()
    digest = hashlib.sha256()
    ok = True
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
            if ok:
                try:
                    decoder.decode(chunk)
                except UnicodeDecodeError:
                    ok = False
        if ok:
            try:
                decoder.decode(b"", final=True)
            except UnicodeDecodeError:
                ok = False
    return ok, digest.hexdigest()


def fingerprint(path: Path) -> str:
    return _decodes(path, "latin-1")[1]


@dataclass(frozen=True, slots=True)
class CheckedFile:
    """What every check of a file to import says (each kind of import adds its own)."""

    path: Path
    format: FileFormat
    headers: list[str]
    row_count: int
    problems: list[Problem]
    problem_count: int
    notes: list[Message]  # shown with str(): in the person's language
    first_rows: list[list[str]]
    importer_id: int

    @property
    def ok(self) -> bool:
        return self.problem_count == 0


def refuse_unless_ready(checked: CheckedFile, importer_id: int, *, spent: bool = False) -> None:
    """Before writing a checked file: it had no problems, this account checked it, the
    check was not used already, and the file is still the one checked."""
    if not checked.ok:
        raise ImportRefused(
            "The file has 1 problem; nothing was imported. Correct it and check the file "
            "again." if checked.problem_count == 1 else
            "The file has {count:,} problems; nothing was imported. Correct them and check "
            "the file again.", count=checked.problem_count)
    if checked.importer_id != importer_id:
        raise ImportRefused("This file was checked by another account; check it again.")
    if spent:
        raise ImportRefused("This check of the file has been used already; check the file "
                            "again before importing. Nothing was imported.")
    if fingerprint(checked.path) != checked.format.fingerprint:
        raise ImportRefused("The file has changed since it was checked. Check it again "
                            "before importing; nothing was imported.")


def _delimiter(sample: str) -> str:
    try:
        found = csv.Sniffer().sniff(sample, delimiters=DELIMITERS).delimiter
        if found in DELIMITERS:
            return found
    except csv.Error:
        pass
    first = sample.splitlines()[0] if sample.splitlines() else ""
    # The sniffer gives up on one-column or irregular files: count instead.
    return max(DELIMITERS, key=lambda d: (first.count(d), d == ","))


def detect(path: Path) -> FileFormat:
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(_SAMPLE)
    except FileNotFoundError:
        raise ImportRefused("That file no longer exists.") from None
    except IsADirectoryError:
        raise ImportRefused("That is a folder; choose a CSV file.") from None
    except OSError:
        raise ImportRefused("That file can't be read. Check that it is not open in "
                            "another program and that you may read it.") from None
    if not head.strip():
        raise ImportRefused("The file is empty: there is nothing to import.")
    notes: list[Message] = []
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        # Excel's "Unicode text": UTF-16 with a byte-order mark, usually tab-separated.
        encoding = "utf-16"
        ok, digest = _decodes(path, encoding)
        if not ok:
            raise ImportRefused(_NOT_TEXT)
        sample = head.decode(encoding, errors="ignore")
        if not sample.strip():
            raise ImportRefused("The file is empty: there is nothing to import.")
        return FileFormat(encoding, _delimiter(sample), size, digest, ())
    if b"\x00" in head:
        raise ImportRefused(_NOT_TEXT)
    ok, digest = _decodes(path, "utf-8-sig")
    encoding = "utf-8-sig"
    if not ok:
        ok, digest = _decodes(path, "cp1252")
        encoding = "cp1252"
        if not ok:
            raise ImportRefused(_NOT_TEXT)
        notes.append(Message("The file is not in UTF-8, so it was read as Windows-1252 "
                             "(Western European). Check that accented letters look right in "
                             "the preview; if not, save it again as “CSV UTF-8”."))
    sample = head.decode(encoding, errors="ignore")
    return FileFormat(encoding, _delimiter(sample), size, digest, tuple(notes))


class _CountingReader(io.RawIOBase):
    """Counts (and hashes) bytes read, so progress can be shown through a text stream
    and the bytes read proved to be the ones that were checked."""

    def __init__(self, raw: io.BufferedReader, digest: Any = None) -> None:
        self.raw = raw
        self.count = 0
        self.digest = digest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        n = self.raw.readinto(buffer)
        self.count += n
        if self.digest is not None and n:
            self.digest.update(memoryview(buffer)[:n])
        return n


class UnreadableRow(Exception):
    """The CSV structure broke at `line`; nothing after it can be trusted."""

    def __init__(self, line: int, reason: Message) -> None:
        self.line = line
        self.reason = reason
        super().__init__(reason.english)


def rows(path: Path, fmt: FileFormat, progress: Progress | None = None, *,
         digest: Any = None) -> Generator[tuple[int, list[str]], None, None]:
    """(line as a spreadsheet numbers it, cells) for every record, the headings as line 1.

    A cell with line breaks inside quotes is still one spreadsheet row, so
    lines count records, not text lines. `digest` (a hashlib object) is fed
    every byte read, for comparing with the fingerprint once the last row is in.
    """
    with path.open("rb") as raw:
        counting = _CountingReader(raw, digest)
        text = io.TextIOWrapper(io.BufferedReader(counting), encoding=fmt.encoding,
                                newline="")
        reader = csv.reader(text, delimiter=fmt.delimiter, quotechar='"', doublequote=True,
                            strict=False)
        line = 0
        while True:
            try:
                cells = next(reader)
            except StopIteration:
                break
            except csv.Error as exc:
                raise UnreadableRow(line + 1, _reason(exc)) from None
            line += 1
            if progress is not None and line % 1000 == 0:
                progress(counting.count, fmt.size)
            yield line, cells
        if progress is not None:
            progress(fmt.size, fmt.size)


def _reason(exc: csv.Error) -> Message:
    text = str(exc)
    if "field larger than field limit" in text:
        return Message("a cell holds more than {limit:,} characters, far more than any note; "
                       "the rest of the file was not read.", limit=csv.field_size_limit())
    return Message("this row can't be read as CSV (often a stray quote mark); the rest of "
                   "the file was not read.")


def is_blank(cells: list[str]) -> bool:
    """A row with nothing in it, as spreadsheets often leave between records."""
    return not any(c.strip() for c in cells)


class HeadedRows:
    """A file whose first line holds the column headings, then one record a row.

    Made, it has read the headings (each shown through `heading`), or refused the
    file: empty, a first line that can't be read as CSV, or a blank first line
    (`blank_headings`, which names the template to follow). `data()` then yields the
    rows after it, blank ones included; a row that breaks the CSV ends them, and is
    kept in `unreadable` for the caller to report as a problem at its own field.
    Both imports read their files this way: peers (services.importer) and call logs
    (services.contact_import).
    """

    def __init__(self, path: Path, fmt: FileFormat, progress: Progress | None, *,
                 heading: Callable[[str], str], blank_headings: ImportRefused) -> None:
        self._rows = rows(path, fmt, progress)
        self.unreadable: UnreadableRow | None = None
        try:
            _line, cells = next(self._rows)
        except StopIteration:
            raise ImportRefused("The file is empty: there is nothing to import.") from None
        except UnreadableRow:
            raise ImportRefused("The first line of the file can't be read as CSV.") from None
        self.headers = [heading(h) for h in cells]
        if not any(self.headers):
            self._rows.close()  # the file is let go now, not when this is collected
            raise blank_headings

    def data(self) -> Iterator[tuple[int, list[str]]]:
        try:
            yield from self._rows
        except UnreadableRow as exc:
            self.unreadable = exc
