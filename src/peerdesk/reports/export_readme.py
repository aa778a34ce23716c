"""The README.txt inside an export: what it is, what it holds, how to open it."""

from __future__ import annotations

import textwrap
from collections.abc import Mapping, Sequence
from typing import Any

from peerdesk.storage.dictionary import Table
from peerdesk.storage.export_source import SourceTable

_MAIN_ONLY = (
    "THIS EXPORT HOLDS THE MAIN DATABASE ONLY: the centre's settings, the staff "
    "accounts and the audit log. It holds no peer's record, session, note, group, "
    "attendance, referral or rating. It was made by an account whose roles ({roles}) "
    "hold no key to peers' records: PeerDesk keeps those in a separate database that "
    "administrators can't decrypt. For an export of everything, a programme lead "
    "makes it.")
_BOTH = (
    "This export holds both of the vault's databases: the main database (settings, "
    "staff accounts, the audit log) and the casework database (everything about "
    "peers: their records, safe-contact wishes, consent, sessions and notes, "
    "referrals, ratings, groups, meetings and attendance, and unfinished drafts). "
    "It was made by an account holding: {roles}.")


def _wrap(text: str) -> str:
    return "\n".join(textwrap.fill(p, 78) for p in text.split("\n"))


def readme(header: Mapping[str, Any], tables: Sequence[SourceTable], counts: Mapping[str, int],
           described: Mapping[str, Table], *, roles: str) -> str:
    both = "casework" in header["databases"]
    lines = [
        "PeerDesk export",
        "===============",
        "",
        _wrap(f"Everything this PeerDesk vault held, exported {header['exported_at']} (UTC) by "
              f"PeerDesk {header['peerdesk_version']}, export format "
              f"{header['format_version']}."),
        "",
        _wrap((_BOTH if both else _MAIN_ONLY).format(roles=roles)),
        "",
        _wrap("It is not anonymised: it holds names, notes and everything else, exactly "
              "as the vault did. Keep it as carefully as the vault, and delete it when it "
              "is no longer needed."),
        "",
        "Opening it",
        "----------",
        _wrap("The zip is encrypted with AES-256 (WinZip's AES format). Open it with the "
              "passphrase in 7-Zip (Windows), Keka or The Unarchiver (macOS), PeaZip, "
              "WinZip, or `7z x export.zip` (Linux). The zip support built into Windows "
              "Explorer can't open AES zips and says the file is invalid. Anyone who "
              "sees the zip can read the file names and sizes inside it (table names, "
              "never a person's), but not their contents."),
        "",
        "What is inside",
        "--------------",
        _wrap("README.txt - this file. data-dictionary.csv - every table and column: "
              "what it holds, its type, whether it is required, and its codes. "
              "codes.csv - each code a column uses and what it means. centre.json - "
              "every table in one file, with exact values (for databases and scripts; "
              "PeerDesk imports this file). main/TABLE.csv and casework/TABLE.csv - "
              "one spreadsheet per table. manifest.json - the list of tables, their row "
              "counts and a SHA-256 of every file, to check nothing was changed."),
        "",
        "The CSV files",
        "-------------",
        _wrap("UTF-8 with a byte-order mark, so that Excel shows names in every script "
              "correctly; the first row names the columns. An empty cell means no value. "
              "Dates are YYYY-MM-DD and times are ISO 8601 in UTC "
              "(2026-03-01T14:05:00+00:00). Yes/no columns hold 1 or 0. Keys, hashes and "
              "signatures are hexadecimal. A text cell that a spreadsheet would run as a "
              "formula (one starting with = + - @, a tab or a carriage return) starts "
              "with an added ' here; centre.json has the exact text. Excel opens at most "
              "1,048,576 rows per sheet and shows at most 32,767 characters in a cell: "
              "for a bigger table, use centre.json or a database (LibreOffice Base, "
              "DB Browser for SQLite, DuckDB, …)."),
        "",
        "centre.json",
        "-----------",
        _wrap('{"header": {...}, "tables": [{"database": ..., "table": ..., "columns": '
              '[...], "rows": [{column: value, ...}, ...]}, ...]}, one row per line. '
              "Missing values are null; numbers are numbers; text is exact."),
        "",
        "The audit log",
        "-------------",
        _wrap(f"audit_event holds the vault's audit log: {header['audit']['events']} events, "
              f"the newest with hash {header['audit']['head']}. Each event is chained to "
              "the one before by its hash and signed by the person whose session wrote "
              "it (their public signing keys are in role_grant, signed by the vault's "
              "authority key in meta). A report printed by PeerDesk shows the log's count "
              "and the start of this hash in its footer. The export itself is recorded "
              "in the log after this point, so it is not in here."),
        "",
        "Into PeerDesk again",
        "-------------------",
        _wrap("peerdesk import-export EXPORT.zip NEWPATH --user NAME makes a new vault "
              "from this export (see docs/export.md in PeerDesk). NAME is an "
              "administrator in the export, who chooses a new password; everyone else "
              "is given a new password by them. The old audit log is kept, checked, "
              "beside the new one."),
        "",
        "Tables",
        "------",
    ]
    for table in tables:
        doc = described.get(table.name)
        lines.append(f"{table.database}/{table.name}.csv - {counts[table.name]} rows")
        if doc is not None:
            lines.append(textwrap.fill(doc.description, 78, initial_indent="    ",
                                       subsequent_indent="    "))
    return "\r\n".join("\n".join(lines).split("\n")) + "\r\n"
