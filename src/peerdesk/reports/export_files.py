"""The files inside an export: a CSV per table, one JSON file, the data dictionary.

CSV (for spreadsheets): UTF-8 **with** a byte-order mark, because Excel reads
a CSV without one in the PC's legacy code page and turns every name in
another script into question marks; LibreOffice and most tools take the mark
in their stride. Dates are stored as ISO 8601 text and written as they are.
An empty cell is a missing value (NULL). A text cell that a spreadsheet would
run as a formula (starting with = + - @, a tab or a carriage return) gets a
' in front (reports/csv_writer.py); numbers are never changed. Binary values
(keys, hashes, signatures) are hex.

JSON (for databases and scripts, and what an import reads): the exact values
— no ' added, null for missing — one row per line, so that a reader can
stream it. Its layout is fixed (see `JsonWriter`).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import IO, Any

from peerdesk.reports.csv_writer import neutralise
from peerdesk.reports.export_archive import ExportDamaged
from peerdesk.storage.dictionary import Table
from peerdesk.storage.export_source import SourceTable

Tick = Callable[[int], None]  # called with the rows written so far in this table
TICK_EVERY = 5000

_HEAD = '{"header": '
_TABLES_OPEN = ', "tables": [\n'
_ROWS_OPEN = ', "rows": [\n'


def csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bytes | bytearray | memoryview):
        return bytes(value).hex()
    if isinstance(value, str):
        return neutralise(value)
    return str(value)


def json_value(value: Any) -> Any:
    if isinstance(value, bytes | bytearray | memoryview):
        return bytes(value).hex()
    return value


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def write_csv(out: IO[str], columns: Sequence[str], rows: Iterable[Sequence[Any]],
              tick: Tick | None = None) -> int:
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
    count = 0
    for row in rows:
        writer.writerow([csv_cell(v) for v in row])
        count += 1
        if tick is not None and count % TICK_EVERY == 0:
            tick(count)
    return count


class JsonWriter:
    """centre.json, streamed:

        {"header": {…}, "tables": [
        {"database": "main", "table": "staff", "columns": […], "rows": [
        {"id":1,"name":…},
        {"id":2,"name":…}
        ]},
        …
        ]}

    Valid JSON for any reader; PeerDesk reads it back a line at a time.
    """

    def __init__(self, out: IO[str], header: dict[str, Any]) -> None:
        self._out = out
        self._tables = 0
        out.write(_HEAD + _dumps(header) + _TABLES_OPEN)

    def table(self, table: SourceTable, rows: Iterable[Sequence[Any]],
              tick: Tick | None = None) -> int:
        out = self._out
        if self._tables:
            out.write(",\n")
        self._tables += 1
        columns = table.column_names
        out.write(_dumps({"database": table.database, "table": table.name,
                          "columns": columns})[:-1] + _ROWS_OPEN)
        count = 0
        for row in rows:
            if count:
                out.write(",\n")
            out.write(_dumps({c: json_value(v) for c, v in zip(columns, row, strict=True)}))
            count += 1
            if tick is not None and count % TICK_EVERY == 0:
                tick(count)
        out.write("\n]}" if count else "]}")
        return count

    def close(self) -> None:
        self._out.write("\n]}\n")


class JsonTable:
    """One table as read back: its database, name, columns, and its rows (read once)."""

    def __init__(self, info: dict[str, Any], rows: Iterator[dict[str, Any]]) -> None:
        try:
            self.database = str(info["database"])
            self.name = str(info["table"])
            self.columns = [str(c) for c in info["columns"]]
        except (KeyError, TypeError) as exc:
            raise ExportDamaged from exc
        self.rows = rows


def read_json(handle: IO[str]) -> tuple[dict[str, Any], Iterator[JsonTable]]:
    """The header, and the tables in order; each table's rows must be read
    (or are skipped) before the next table comes."""
    first = handle.readline()
    if not (first.startswith(_HEAD) and first.endswith(_TABLES_OPEN)):
        raise ExportDamaged
    header = _loads(first[len(_HEAD):-len(_TABLES_OPEN)])
    if not isinstance(header, dict):
        raise ExportDamaged
    return header, _tables(handle)


def _loads(text: str) -> Any:
    try:
        return json.loads(text)
    except ValueError as exc:
        raise ExportDamaged from exc


def _tables(handle: IO[str]) -> Iterator[JsonTable]:
    while True:
        line = handle.readline()
        if line == "]}\n":
            if handle.read(1):
                raise ExportDamaged  # something after the end
            return
        if not line.endswith(_ROWS_OPEN):
            raise ExportDamaged
        info = _loads(line[:-len(_ROWS_OPEN)] + "}")
        if not isinstance(info, dict):
            raise ExportDamaged
        state = _RowReader(handle)
        yield JsonTable(info, iter(state))
        for _ in state:  # whatever the caller left unread
            pass


class _RowReader:
    def __init__(self, handle: IO[str]) -> None:
        self._handle = handle
        self._done = False

    def __iter__(self) -> Iterator[dict[str, Any]]:
        while not self._done:
            line = self._handle.readline()
            if not line:
                raise ExportDamaged  # cut short
            if line.startswith("]}"):
                self._done = True
                if line[2:] not in ("\n", ",\n"):
                    raise ExportDamaged
                return
            if not line.endswith("\n"):
                raise ExportDamaged  # cut short
            row = _loads(line[:-2] if line.endswith(",\n") else line[:-1])
            if not isinstance(row, dict):
                raise ExportDamaged
            yield row


# -- the data dictionary ------------------------------------------------------------------

def dictionary_rows(tables: Sequence[SourceTable],
                    described: dict[str, Table]) -> Iterator[list[str]]:
    yield ["database", "table", "column", "type", "required", "primary_key", "description",
           "codes"]
    for table in tables:
        doc = described.get(table.name)
        yield [table.database, table.name, "", "", "", "",
               doc.description if doc else "(no description)", ""]
        for column in table.columns:
            codes = doc.codes.get(column.name, {}) if doc else {}
            yield [table.database, table.name, column.name, column.type or "ANY",
                   "yes" if column.not_null else "no", "yes" if column.primary_key else "no",
                   doc.columns.get(column.name, "(no description)") if doc else "",
                   "; ".join(f"{code or '(empty)'} = {meaning}"
                             for code, meaning in codes.items())]


def code_rows(tables: Sequence[SourceTable], described: dict[str, Table]) -> Iterator[list[str]]:
    yield ["table", "column", "code", "meaning"]
    for table in tables:
        doc = described.get(table.name)
        if doc is None:
            continue
        for column in table.column_names:
            for code, meaning in doc.codes.get(column, {}).items():
                yield [table.name, column, code, meaning]


def write_rows(out: IO[str], rows: Iterable[Sequence[str]]) -> None:
    writer = csv.writer(out, lineterminator="\r\n")
    for row in rows:
        writer.writerow([neutralise(cell) for cell in row])


def pretty_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=1) + "\n"
