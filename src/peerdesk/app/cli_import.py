"""`peerdesk import` (DESIGN.md §7): peers and their sessions from a spreadsheet, added by cli.py.

Prints the column mapping, then either what was imported or every problem
with its line number; with any problem nothing is imported and the exit
status is non-zero.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from peerdesk.app.cli_common import EXIT_FAILED, UsageError, add_command, require_vault, signed_in


def _map_pairs(pairs: list[str]) -> dict[str, str]:
    from peerdesk.domain.import_columns import FIELD_BY_KEY

    found: dict[str, str] = {}
    for pair in pairs:
        ours, sep, theirs = pair.partition("=")
        if not sep or not ours.strip():
            raise UsageError(f"Give --map as ourfield=theircolumn (not “{pair}”); for "
                               "example --map peer_key=\"Client No\".")
        if ours.strip() not in FIELD_BY_KEY:
            raise UsageError(f"“{ours.strip()}” is not one of PeerDesk's import fields: "
                             f"{', '.join(FIELD_BY_KEY)}.")
        found[ours.strip()] = theirs.strip()
    return found


def _print_preview(checked: Any) -> None:
    fmt = checked.format
    print(f"file: {fmt.encoding.replace('-sig', '')}, {fmt.delimiter_name}-separated, "
          f"{checked.row_count:,} rows")
    print("mapping (PeerDesk field ← column in the file):")
    for line in checked.mapping_lines():
        print(f"  {line}")
    for note in checked.notes:
        print(f"note: {note}")


def _cmd_import(args: argparse.Namespace) -> int:
    from peerdesk.services import importer

    names = _map_pairs(args.map or [])
    paths = require_vault(args.path)
    source = Path(args.file).expanduser()
    with signed_in(paths, args.user) as session:
        mapping = None
        if names:
            mapping = importer.mapping_from_names(importer.headers_of(source), names)
        checked = importer.preview(session, source, mapping)
        _print_preview(checked)
        if not checked.ok:
            for problem in checked.problems:
                print(problem)
            hidden = checked.problem_count - len(checked.problems)
            if hidden:
                print(f"… and {hidden:,} more problems")
            count = checked.problem_count
            print(f"peerdesk: {count:,} problem{'s' * (count != 1)} in the file; nothing "
                  "was imported.", file=sys.stderr)
            return EXIT_FAILED
        if args.dry_run:
            print(f"dry run: would import {checked.peer_count:,} peers and "
                  f"{checked.session_count:,} sessions; nothing was imported")
            return 0
        result = importer.apply_import(session, checked)
        print(f"imported {result.peers:,} peers and {result.sessions:,} sessions")
    return 0


def add_import_command(commands: Any) -> None:
    from peerdesk.domain.import_columns import FIELD_BY_KEY

    command = add_command(
        commands, "import", "add peers and their sessions from a spreadsheet saved as CSV",
        description="Add peers and their one-to-one sessions from a spreadsheet saved as CSV. "
                    "Every row is checked first; if any has a problem, nothing is imported. "
                    f"Fields: {', '.join(FIELD_BY_KEY)}.",
        func=_cmd_import, account="a programme lead's account")
    command.add_argument("file", metavar="FILE.csv", help="the spreadsheet, saved as CSV")
    command.add_argument("--map", action="append", metavar="OURFIELD=THEIRCOLUMN",
                         help="use this column of the file for this field (repeatable); "
                              "an empty column name leaves the field out")
    command.add_argument("--dry-run", action="store_true",
                         help="check the file and show the mapping; import nothing")
