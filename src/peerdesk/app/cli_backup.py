"""`peerdesk backup` and `peerdesk restore` (DESIGN.md §7), added to the parser by cli.py."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path
from typing import Any

from peerdesk.app.cli_common import (
    CommandError,
    UsageError,
    add_command,
    read_password,
    require_vault,
    signed_in,
)

RECOVERY_ENV = "PEERDESK_RECOVERY_KEY"


def _cmd_backup(args: argparse.Namespace) -> int:
    from peerdesk.services import backups

    if args.keep is not None and args.keep < 1:
        raise UsageError("--keep needs a number of backups, 1 or more.")
    paths = require_vault(args.path)
    with signed_in(paths, args.user) as session:
        result = backups.back_up_now(session, Path(args.dest).expanduser().absolute(),
                                     keep=args.keep)
    # Only the path, so a script can use it as it is.
    print(result.path)
    return 0


def _read_recovery_key() -> str:
    from_env = os.environ.get(RECOVERY_ENV)
    if from_env is not None:
        return from_env
    if not sys.stdin or not sys.stdin.isatty():
        raise CommandError(f"No recovery key: set {RECOVERY_ENV} or run this in a terminal.")
    return getpass.getpass("Recovery key: ")


def _cmd_restore(args: argparse.Namespace) -> int:
    from peerdesk.services import backups

    if args.user is None and not args.recovery_key:
        raise UsageError("Say how to open the backup: --user NAME (password from "
                           "PEERDESK_PASSWORD or a prompt) or --recovery-key.")
    secret = _read_recovery_key() if args.recovery_key else read_password()
    backup = Path(args.backup).expanduser().absolute()
    if not backup.is_file():
        raise CommandError(f"There is no backup at {backup}.")
    account = None if args.recovery_key else args.user
    result = backups.restore(backup, Path(args.path), account, secret)
    counts = result.info.counts
    print(f"restored into {result.vault.database}: "
          + ", ".join(f"{counts.get(k, 0):,} {k}" for k in
                      ("peers", "sessions", "groups", "meetings", "staff")))
    print(f"backup taken {result.info.taken_at}; open it with: "
          f"peerdesk --vault {result.vault.database}")
    return 0


def add_backup_commands(commands: Any) -> None:
    backup = add_command(
        commands, "backup", "make a verified encrypted backup of the vault in a folder",
        description="Make an encrypted backup of the vault in a folder, check it by opening "
                    "it, and print its path. It opens with the passwords and recovery key "
                    "valid now.",
        func=_cmd_backup, account="an administrator's account")
    backup.add_argument("dest", metavar="DEST", help="the folder to put the backup in")
    backup.add_argument("--keep", type=int, metavar="N",
                        help="keep the newest N backups in DEST (default: the vault's setting, 7)")

    restore = add_command(
        commands, "restore", "restore a backup as a new vault (never over an existing one)",
        description="Restore a backup as a new vault at PATH; never over an existing vault. "
                    "Opens the backup with a password valid when it was made, or the "
                    "recovery key.",
        func=_cmd_restore)
    restore.add_argument("backup", metavar="BACKUP", help="the backup's .peerdesk file")
    restore.add_argument("path", metavar="PATH", help="where the restored vault goes (new)")
    how = restore.add_mutually_exclusive_group()
    how.add_argument("--user", metavar="NAME",
                     help="an account in the backup (password from PEERDESK_PASSWORD or a "
                          "prompt)")
    how.add_argument("--recovery-key", action="store_true",
                     help=f"open it with the recovery key (from {RECOVERY_ENV} or a prompt)")
