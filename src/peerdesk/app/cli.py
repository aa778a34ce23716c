"""The command line (DESIGN.md §7).

Headless commands never import Qt; the GUI is imported only to start it.
Every command exits 0 on success, or non-zero with one clear line on
standard error; a traceback only with --debug.
"""

from __future__ import annotations

import argparse
import getpass
import os
import shutil
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from peerdesk import __version__
from peerdesk.app.paths import default_vault_path
from peerdesk.domain.errors import PeerDeskError

PASSWORD_ENV = "PEERDESK_PASSWORD"
EXIT_FAILED = 1
EXIT_UNEXPECTED = 2
EXIT_USAGE = 64


class CommandError(PeerDeskError):
    """A problem with how a command was called."""


def read_password(prompt: str = "Password: ") -> str:
    """From PEERDESK_PASSWORD, else a prompt; never from an argument."""
    from_env = os.environ.get(PASSWORD_ENV)
    if from_env is not None:
        return from_env
    if not sys.stdin or not sys.stdin.isatty():
        raise CommandError(f"No password: set {PASSWORD_ENV} or run this in a terminal.")
    return getpass.getpass(prompt)


def _cmd_gui(args: argparse.Namespace) -> int:
    from peerdesk.app.gui import DEBUG_ENV, run_gui

    if args.debug:
        os.environ[DEBUG_ENV] = "1"

    if args.demo:
        from peerdesk.services.demo import create_demo_vault
        from peerdesk.storage.paths import VaultPaths

        folder = Path(tempfile.mkdtemp(prefix="peerdesk-demo-"))
        try:
            paths = VaultPaths.at(folder / "demo.peerdesk")
            sign_in = create_demo_vault(paths)
            return int(run_gui(paths, demo_sign_in=(sign_in.user, sign_in.password)))
        finally:
            shutil.rmtree(folder, ignore_errors=True)
    from peerdesk.storage.paths import VaultPaths

    vault = Path(args.vault) if args.vault else default_vault_path()
    return int(run_gui(VaultPaths.at(vault)))


def _cmd_demo(args: argparse.Namespace) -> int:
    from peerdesk.services.demo import create_demo_vault
    from peerdesk.storage.paths import VaultPaths

    def progress(done: int, total: int) -> None:
        if sys.stderr.isatty():
            print(f"\rcreating demo peers: {done:,} of {total:,}", end="", file=sys.stderr)

    sign_in = create_demo_vault(VaultPaths.at(args.path), scale=args.scale, seed=args.seed,
                                progress=progress)
    if sys.stderr.isatty():
        print(file=sys.stderr)
    print(f"user: {sign_in.user}")
    print(f"password: {sign_in.password}")
    return 0


def _cmd_check(args: argparse.Namespace) -> int:
    from peerdesk.services.vault_check import check_vault
    from peerdesk.storage.paths import VaultPaths

    paths = VaultPaths.at(args.path)
    if not paths.database.exists():
        raise CommandError(f"There is no PeerDesk vault at {paths.database}.")
    if args.anchor:
        from peerdesk.storage.anchors import parse_printed

        try:
            parse_printed(args.anchor)
        except ValueError as exc:
            raise CommandError("Give the anchor as printed in a report's footer, for example "
                               "--anchor 1234·9f2c1a0b.") from exc
    report = check_vault(paths, args.user, read_password(), printed_anchor=args.anchor)
    for part in report.not_checked:
        print(f"not checked: {part}")
    if report.unsigned_events:
        print(f"note: {report.unsigned_events} audit events from before this version are "
              "chained but not signed")
    if report.ok:
        print(f"ok: encrypted pages, schema, signed audit chain ({report.audit_events} events, "
              f"head {report.anchor}) and account grants all check out")
        return 0
    # The details on standard output; one line on standard error (§7).
    for problem in report.problems:
        print(f"problem: {problem}")
    count = len(report.problems)
    print(f"peerdesk: the vault failed its checks ({count} problem{'s' * (count != 1)}); "
          "restore it from a backup.", file=sys.stderr)
    return EXIT_FAILED


def _period(args: argparse.Namespace) -> Any:
    import re

    from peerdesk.reports.period import Period

    if args.month:
        return Period.parse_month(args.month)
    if args.quarter:
        match = re.fullmatch(r"(\d{4})-Q([1-4])", args.quarter.strip(), re.IGNORECASE)
        if not match:
            raise CommandError("Give the quarter as YYYY-Qn, for example 2026-Q3.")
        return Period.quarter(int(match.group(1)), int(match.group(2)))
    if not re.fullmatch(r"\d{4}", args.year.strip()):
        raise CommandError("Give the year as YYYY, for example 2026.")
    return Period.year(int(args.year))


def _cmd_report(args: argparse.Namespace) -> int:
    from peerdesk.services import reports
    from peerdesk.services.auth import SignIn
    from peerdesk.storage.paths import VaultPaths
    from peerdesk.storage.vault import LockedVault

    if not args.pdf and not args.csv:
        raise CommandError("Say where to save the report: --pdf FILE and/or --csv FILE.")
    period = _period(args)
    paths = VaultPaths.at(args.path)
    if not paths.database.exists():
        raise CommandError(f"There is no PeerDesk vault at {paths.database}.")
    locked = LockedVault.open(paths)
    try:
        session = SignIn(locked).sign_in(args.user, read_password())
        try:
            report = reports.build(session, period)
            if args.pdf:
                pages = reports.save_pdf(session, report, Path(args.pdf))
                print(f"saved {report.title.lower()} for {report.period_label}: "
                      f"{args.pdf} ({pages} pages)")
            if args.csv:
                reports.save_csv(session, report, Path(args.csv))
                print(f"saved the same figures as CSV: {args.csv}")
        finally:
            session.end()
    finally:
        locked.release()
    return 0


def _cmd_self_check(args: argparse.Namespace) -> int:
    """For packagers: prove this install or bundle has all its parts (app/self_check.py)."""
    from peerdesk.app.self_check import OK_LINE, SelfCheckFailed, run_self_check

    try:
        run_self_check()
    except SelfCheckFailed as exc:
        if args.debug:
            raise
        print(f"peerdesk: self-check failed at {exc}", file=sys.stderr)
        return EXIT_FAILED
    print(OK_LINE)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="peerdesk",
        description="PeerDesk: encrypted records and anonymised reports for peer-support centres.",
    )
    parser.add_argument("--version", action="version", version=f"PeerDesk {__version__}")
    parser.add_argument("--debug", action="store_true", help="show full error details")
    # Not in --help: for packagers checking a build (packaging/README.md).
    parser.add_argument("--self-check", dest="func", action="store_const",
                        const=_cmd_self_check, help=argparse.SUPPRESS)
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--vault", metavar="PATH", help="open the vault at PATH")
    where.add_argument("--demo", action="store_true",
                       help="open a throwaway vault of made-up data and show its sign-in")
    parser.set_defaults(func=_cmd_gui)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    demo = commands.add_parser("demo", help="create a demo vault and print its sign-in")
    demo.add_argument("path", metavar="PATH")
    demo.add_argument("--scale", choices=("small", "large", "huge"), default="small",
                      help="small: 300 peers; large: 20,000; huge: 100,000")
    demo.add_argument("--seed", type=int, default=1)
    demo.set_defaults(func=_cmd_demo)

    check = commands.add_parser(
        "check", help="check the vault's encrypted pages, structure and audit chain")
    check.add_argument("path", metavar="PATH")
    check.add_argument("--user", required=True, metavar="NAME",
                       help="account to unlock with (password from PEERDESK_PASSWORD or a prompt)")
    check.add_argument("--anchor", metavar="COUNT·HASH",
                       help="also check against the audit anchor printed in a report's footer "
                            "(e.g. 1234·9f2c1a0b): names a vault put back from an older copy")
    check.set_defaults(func=_cmd_check)

    report = commands.add_parser(
        "report", help="save the anonymised report for a month, quarter or year")
    report.add_argument("path", metavar="PATH")
    when = report.add_mutually_exclusive_group(required=True)
    when.add_argument("--month", metavar="YYYY-MM")
    when.add_argument("--quarter", metavar="YYYY-Qn")
    when.add_argument("--year", metavar="YYYY")
    report.add_argument("--pdf", metavar="FILE", help="save the printable report here")
    report.add_argument("--csv", metavar="FILE", help="save the same figures as CSV here")
    report.add_argument("--user", required=True, metavar="NAME",
                        help="a programme lead's account (password from PEERDESK_PASSWORD "
                             "or a prompt)")
    report.set_defaults(func=_cmd_report)

    from peerdesk.app.cli_backup import add_backup_commands

    add_backup_commands(commands)

    from peerdesk.app.cli_import import add_import_command

    add_import_command(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    from peerdesk.app.hardening import refuse_core_dumps

    # Before anything is unlocked: a crash must never write keys or records to disk.
    refuse_core_dumps()
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except PeerDeskError as exc:
        if args.debug:
            raise
        print(f"peerdesk: {exc.user_message}", file=sys.stderr)
        return EXIT_USAGE if isinstance(exc, CommandError) else EXIT_FAILED
    except KeyboardInterrupt:
        return 130
    except Exception:
        if args.debug:
            raise
        print("peerdesk: stopped by an unexpected problem; nothing further was changed. "
              "Run again with --debug for details.", file=sys.stderr)
        return EXIT_UNEXPECTED
