"""`peerdesk export` and `peerdesk import-export` (docs/export.md), added to the parser by cli.py.

The export's passphrase comes from PEERDESK_EXPORT_PASSPHRASE or a prompt
(asked twice for a new export), never from an argument, like passwords.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path
from typing import Any

from peerdesk.app.cli_common import (
    CommandError,
    add_command,
    read_password,
    require_vault,
    signed_in,
)

PASSPHRASE_ENV = "PEERDESK_EXPORT_PASSPHRASE"


def read_passphrase(*, confirm: bool) -> tuple[str, str | None]:
    """(passphrase, confirmation or None): from the environment, else typed twice."""
    from_env = os.environ.get(PASSPHRASE_ENV)
    if from_env is not None:
        return from_env, None
    if not sys.stdin or not sys.stdin.isatty():
        raise CommandError(f"No export passphrase: set {PASSPHRASE_ENV} or run this in a "
                           "terminal.")
    first = getpass.getpass("Export passphrase: ")
    if not confirm:
        return first, None
    return first, getpass.getpass("The same passphrase again: ")


def _progress_printer(verb: str) -> Any:
    if not sys.stderr.isatty():
        return None

    def show(step: Any) -> None:
        if step.total:
            print(f"\r{verb}: {step.done * 100 // step.total:3d}% ({step.text})".ljust(78),
                  end="", file=sys.stderr, flush=True)
    return show


def _done_progress() -> None:
    if sys.stderr.isatty():
        print(file=sys.stderr)


def _size(size: int) -> str:
    for unit in ("bytes", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:,} {unit}" if unit == "bytes" else f"{size:,.1f} {unit}"
        size /= 1024  # type: ignore[assignment]
    return f"{size} bytes"


def _cmd_export(args: argparse.Namespace) -> int:
    from peerdesk.services import export

    paths = require_vault(args.path)
    out = Path(args.out)
    with signed_in(paths, args.user) as session:
        # Refuse before asking for a passphrase: the role, then the file.
        export.export_databases(session)
        export.check_destination(out, replace=args.replace)
        passphrase, confirm = read_passphrase(confirm=True)
        result = export.export_centre(session, out, passphrase, confirm,
                                      replace=args.replace,
                                      progress=_progress_printer("exporting"))
        _done_progress()
    both = len(result.databases) > 1
    print(f"saved the export to {result.path} ({_size(result.size)}): "
          f"{'main and casework databases' if both else 'main database'}, "
          f"{result.tables} tables, {result.rows:,} rows; encrypted (AES-256 zip) with the "
          "passphrase")
    if not both:
        print("note: this account's roles hold no key to peers' records, so the export "
              "holds the main database only (settings, staff, the audit log); a programme "
              "lead's export holds everything")
    return 0


def _cmd_import_export(args: argparse.Namespace) -> int:
    from peerdesk.services import import_export
    from peerdesk.services.setup import NO_BACKDOOR_NOTICE
    from peerdesk.storage.paths import VaultPaths

    source = Path(args.export).expanduser().absolute()
    if not source.is_file():
        raise CommandError(f"There is no export at {source}.")
    paths = VaultPaths.at(args.path)
    if paths.exists():
        raise CommandError(f"There is already a vault at {paths.database}; an export is "
                           "only ever imported into a new one.")
    passphrase, _ = read_passphrase(confirm=False)
    password = read_password(f"New password for {args.user}: ")
    confirm = None
    if os.environ.get("PEERDESK_PASSWORD") is None:
        confirm = getpass.getpass("The same password again: ")
    result = import_export.import_export(
        source, paths, account=args.user, password=password, passphrase=passphrase,
        confirm=confirm, progress=_progress_printer("importing"))
    _done_progress()
    counts = result.counts
    print(f"imported into {result.vault.database}: "
          + ", ".join(f"{counts.get(table, 0):,} {label}" for table, label in (
              ("peer", "peers"), ("one_to_one", "sessions"), ("meeting", "meetings"),
              ("attendance", "attendance marks"), ("staff", "staff"))))
    print(f"the old audit log: {result.old_audit_events:,} events, checked and kept beside "
          f"the new one (anchor {result.old_audit_events}·{result.old_audit_head[:8]}, as on "
          "the old vault's reports)")
    if result.to_reactivate:
        print(f"note: {result.to_reactivate} other account(s) can't sign in until "
              f"{result.account} gives each a new password (Admin › Staff)")
    print(f"recovery key: {result.recovery_key}")
    print(f"note: {NO_BACKDOOR_NOTICE}")
    print(f"open it with: peerdesk --vault {result.vault.database}")
    return 0


def add_export_commands(commands: Any) -> None:
    export = add_command(
        commands, "export", "export the whole centre in open formats, encrypted",
        description="Export everything the account's keys open — every table as CSV and in "
                    "one JSON file, with a data dictionary and a README — into a zip "
                    "encrypted with AES-256 that 7-Zip and other tools open with the "
                    f"passphrase (from {PASSPHRASE_ENV} or asked twice). A programme "
                    "lead's export holds everything; an administrator's holds the main "
                    "database only (settings, staff, the audit log). Audited.",
        func=_cmd_export, account="a programme lead's or an administrator's account")
    export.add_argument("out", metavar="OUT",
                        help="the zip file to write (refused if it exists, unless --replace)")
    export.add_argument("--replace", action="store_true",
                        help="write over OUT if it is already there")

    imported = add_command(
        commands, "import-export", "make a new vault from an export (never over a vault)",
        description="Make a new vault at NEWPATH from a PeerDesk export: every record as it "
                    "was, the old audit log checked and kept beside the new one. NAME, an "
                    "administrator in the export, chooses a new password (from "
                    "PEERDESK_PASSWORD or asked twice) and gives everyone else a new one. "
                    f"The export's passphrase comes from {PASSPHRASE_ENV} or a prompt. "
                    "Prints the new vault's recovery key once.",
        func=_cmd_import_export)
    imported.add_argument("export", metavar="EXPORT", help="the export's .zip file")
    imported.add_argument("path", metavar="NEWPATH",
                          help="where the new vault goes (a new .peerdesk file)")
    imported.add_argument("--user", required=True, metavar="NAME",
                          help="an administrator's account in the export, who signs in first")
