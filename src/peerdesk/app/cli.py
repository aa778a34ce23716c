"""The command line (DESIGN.md §7).

Headless commands never import Qt; the GUI is imported only to start it.
Every command exits with a status from app/exit_codes.py: 0 on success, or
non-zero with one clear line on standard error; a traceback is added only
with --debug, which never changes the status.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from peerdesk import __version__
from peerdesk.app.cli_common import (
    PASSWORD_ENV,
    add_command,
    read_password,
    require_vault,
    signed_in,
)
from peerdesk.app.exit_codes import (
    EXIT_FAILED,
    EXIT_INTERRUPTED,
    EXIT_TERMINATED,
    EXIT_UNEXPECTED,
    EXIT_USAGE,
    CommandError,
    Terminated,
    UsageError,
    exit_code_table,
)
from peerdesk.app.paths import default_vault_path
from peerdesk.domain.errors import PeerDeskError

if TYPE_CHECKING:
    from peerdesk.storage.paths import VaultPaths

__all__ = ["EXIT_FAILED", "EXIT_USAGE", "PASSWORD_ENV", "CommandError", "UsageError", "main",
           "read_password", "require_vault"]


def _cmd_gui(args: argparse.Namespace) -> int:
    from peerdesk.app.gui import DEBUG_ENV, run_gui

    if args.debug:
        os.environ[DEBUG_ENV] = "1"

    if args.demo:
        import shutil
        import tempfile

        from peerdesk.services.demo import create_demo_vault
        from peerdesk.storage.paths import VaultPaths

        folder = Path(tempfile.mkdtemp(prefix="peerdesk-demo-"))
        try:
            paths = VaultPaths.at(folder / "demo.peerdesk")
            sign_in = create_demo_vault(paths)
            # In the terminal too: the window may open behind another one.
            print("PeerDesk demo: made-up people only; deleted when PeerDesk closes.")
            print(f"demo vault: {paths.database}")
            print(f"user: {sign_in.user}")
            print(f"password: {sign_in.password}", flush=True)
            return int(run_gui(paths, demo_sign_in=(sign_in.user, sign_in.password)))
        finally:
            shutil.rmtree(folder, ignore_errors=True)
    from peerdesk.storage.paths import VaultPaths

    if args.vault:
        # A typed path: if nothing is there, the app names it and asks first.
        return int(run_gui(VaultPaths.at(args.vault), ask_before_creating=True))
    return int(run_gui(VaultPaths.at(default_vault_path())))




def _remove_new_vault(paths: VaultPaths) -> None:
    """The files of a vault this command was still creating when it stopped."""
    for path in (*paths.database_files(), paths.keys, paths.lock, paths.signin_log,
                 *(paths.rotation_temp(c) for c in ("main", "casework"))):
        path.unlink(missing_ok=True)


def _cmd_demo(args: argparse.Namespace) -> int:
    from peerdesk.services.demo import create_demo_vault
    from peerdesk.storage.paths import VaultPaths

    def progress(done: int, total: int) -> None:
        if sys.stderr.isatty():
            print(f"\rcreating demo peers: {done:,} of {total:,}", end="", file=sys.stderr)

    paths = VaultPaths.at(args.path)
    existed = paths.exists()
    try:
        sign_in = create_demo_vault(paths, scale=args.scale, seed=args.seed, progress=progress)
    except BaseException:
        # Stopped (Ctrl+C, SIGTERM, a full disk): no half-made vault is left behind.
        if not existed:
            _remove_new_vault(paths)
        raise
    if sys.stderr.isatty():
        print(file=sys.stderr)
    print(f"user: {sign_in.user}")
    print(f"password: {sign_in.password}")
    return 0


def _cmd_check(args: argparse.Namespace) -> int:
    from peerdesk.services.vault_check import check_vault

    paths = require_vault(args.path)
    if args.anchor:
        from peerdesk.storage.anchors import parse_printed

        try:
            parse_printed(args.anchor)
        except ValueError as exc:
            raise UsageError("Give the anchor as printed in a report's footer, for example "
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


def _cmd_report(args: argparse.Namespace) -> int:
    from datetime import date

    from peerdesk.app.cli_period import check_started, parse_period, say_published
    from peerdesk.services import reports

    if not args.pdf and not args.csv:
        raise UsageError("Say where to save the report: --pdf FILE and/or --csv FILE.")
    period = parse_period(args)
    note = check_started(period, date.today())
    paths = require_vault(args.path)
    with signed_in(paths, args.user) as session:
        if note:
            print(f"note: {note}")
        if args.publish:
            done = reports.publish(session, period)
            report = done.report
            say_published(done)
        else:
            report = reports.build(session, period)
            print("preview, not for publication (add --publish to publish and record it)")
        if args.pdf:
            pages = reports.save_pdf(session, report, Path(args.pdf))
            print(f"saved {report.title.lower()} for {report.period_label}: "
                  f"{args.pdf} ({pages} pages)")
        if args.csv:
            reports.save_csv(session, report, Path(args.csv))
            print(f"saved the same figures as CSV: {args.csv}")
    return 0


def _cmd_self_check(args: argparse.Namespace) -> int:
    """For packagers: prove this install or bundle has all its parts (app/self_check.py)."""
    from peerdesk.app.self_check import OK_LINE, SelfCheckFailed, run_self_check

    try:
        run_self_check()
    except SelfCheckFailed as exc:
        if args.debug:
            import traceback

            traceback.print_exception(exc, file=sys.stderr)
        print(f"peerdesk: self-check failed at {exc}", file=sys.stderr)
        return EXIT_FAILED
    print(OK_LINE)
    return 0


def usage_line(message: str, prog: str) -> str:
    """A usage error as one sentence that says where the help is."""
    return f"{message[:1].upper()}{message[1:].rstrip('.')} (see {prog} --help)."


class _Parser(argparse.ArgumentParser):
    """Usage errors as one line on standard error and exit status 2, like every failure."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"peerdesk: {usage_line(message, self.prog)}\n")


def starts_the_app(argv: Sequence[str]) -> bool:
    """Arguments that only start the app (`--vault PATH`, `--demo`, `--debug`): then
    the commands' parsers, and the modules they need, are not built (start-up speed)."""
    rest = list(argv)
    while rest:
        arg = rest.pop(0)
        if arg == "--vault" and rest and not rest[0].startswith("-"):
            rest.pop(0)
        elif not (arg in ("--demo", "--debug") or arg.startswith("--vault=")):
            return False
    return True


def app_arguments(argv: Sequence[str]) -> argparse.Namespace | None:
    """The arguments that only start the app, read without building a parser
    (start-up speed: argparse's set-up costs milliseconds before the first
    paint); None for anything else, which the full parser reads and explains
    (`--vault` and `--demo` together, `--vault` without a path, a repeat)."""
    if not starts_the_app(argv):
        return None
    vault: str | None = None
    flags: list[str] = []
    rest = list(argv)
    while rest:
        arg = rest.pop(0)
        if arg == "--vault":
            if vault is not None:
                return None
            vault = rest.pop(0)
        elif arg.startswith("--vault="):
            if vault is not None:
                return None
            vault = arg[len("--vault="):]
        else:
            flags.append(arg)
    demo = "--demo" in flags
    if (demo and vault is not None) or vault == "":
        return None
    return argparse.Namespace(debug="--debug" in flags, demo=demo, vault=vault,
                              func=_cmd_gui, command=None)


def build_parser(*, commands: bool = True) -> argparse.ArgumentParser:
    """The whole command line; with `commands` False only what starts the app."""
    if not commands:
        # Starting the app: no help text to format (start-up speed).
        parser = _Parser(prog="peerdesk")
    else:
        import textwrap

        parser = _Parser(
            prog="peerdesk",
            description=textwrap.fill(
                "PeerDesk: encrypted records and anonymised reports for peer-support centres. "
                "Without a command it starts the app. Commands that unlock read the password "
                f"from {PASSWORD_ENV} or ask for it, never from an argument.", 79),
            epilog=exit_code_table(),
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
    parser.add_argument("--version", action="version", version=f"PeerDesk {__version__}",
                        help="print the version and exit")
    parser.add_argument("--debug", action="store_true",
                        help="show full error details (the exit status stays the same)")
    parser.add_argument("--self-check", dest="func", action="store_const",
                        const=_cmd_self_check,
                        help="for packagers and support: check that this install has all its "
                             "parts, in a throwaway vault, and exit")
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--vault", metavar="PATH",
                       help="start the app on the vault at PATH (if there is none, it asks "
                            "before setting up a new centre there)")
    where.add_argument("--demo", action="store_true",
                       help="start the app on a throwaway vault of made-up people; prints "
                            "where it is and its sign-in, and deletes it on closing")
    parser.set_defaults(func=_cmd_gui, command=None)
    if not commands:
        return parser
    return _add_commands(parser)


def _add_commands(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    commands = parser.add_subparsers(dest="command", metavar="COMMAND",
                                     title="commands (peerdesk COMMAND --help for each)")

    demo = add_command(
        commands, "demo", "create a demo vault and print its sign-in",
        description="Create a vault full of made-up people, for trying PeerDesk out, and "
                    "print the programme lead's sign-in as two lines, user: … and password: ….",
        func=_cmd_demo)
    demo.add_argument("path", metavar="PATH",
                      help="where to create it: a new .peerdesk file (never over a vault)")
    demo.add_argument("--scale", choices=("small", "large", "huge"), default="small",
                      help="small: 300 peers; large: 20,000; huge: 100,000")
    demo.add_argument("--seed", type=int, default=1, metavar="N",
                      help="the same N makes the same people (default 1)")

    check = add_command(
        commands, "check", "check the vault's encrypted pages, structure and audit chain",
        description="Check every encrypted page, the database's structure and the audit "
                    "log's hash chain. Prints ok, or each problem.",
        func=_cmd_check, account="account to unlock with")
    check.add_argument("--anchor", metavar="COUNT·HASH",
                       help="also check against the audit anchor printed in a report's footer "
                            "(e.g. 1234·9f2c1a0b): names a vault put back from an older copy")

    report = add_command(
        commands, "report", "save the anonymised report for a month, quarter or year",
        description="Save the anonymised report (counts only, small numbers hidden) for a "
                    "month, a quarter, a year or a range. Without --publish it is a preview, "
                    "marked not for publication on every page; with --publish it is recorded "
                    "in the vault as a release, which prints the same figures every time "
                    "(figures that changed come out as a numbered revision). A period that "
                    "has not started is refused; the current one is allowed, with a note "
                    "that it is not over yet.",
        func=_cmd_report, account="a programme lead's account")
    from peerdesk.app.cli_period import add_period_options

    add_period_options(report)
    report.add_argument("--pdf", metavar="FILE", help="save the printable report here")
    report.add_argument("--csv", metavar="FILE", help="save the same figures as CSV here")
    report.add_argument("--publish", action="store_true",
                        help="publish: record the release in the vault (the same figures "
                             "every time; changes come out as a revision). Without it, a "
                             "preview marked not for publication")

    from peerdesk.app.cli_backup import add_backup_commands

    add_backup_commands(commands)

    from peerdesk.app.cli_import import add_import_command

    add_import_command(commands)

    from peerdesk.app.cli_export import add_export_commands

    add_export_commands(commands)

    from peerdesk.app.cli_team import add_team_commands

    add_team_commands(commands)
    return parser


def _say(message: str, *, debug: bool) -> None:
    if debug:
        import traceback

        traceback.print_exc(file=sys.stderr)
    print(f"peerdesk: {message}", file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; returns its exit status (app/exit_codes.py)."""
    from peerdesk.app.hardening import refuse_core_dumps
    from peerdesk.app.stop_signals import sigterm_raises, stopped_message

    # Before anything is unlocked: a crash must never write keys or records to disk.
    refuse_core_dumps()
    arguments = sys.argv[1:] if argv is None else list(argv)
    args = app_arguments(arguments)
    if args is None:
        parser = build_parser(commands=not starts_the_app(arguments))
        try:
            args = parser.parse_args(arguments)
        except SystemExit as exc:  # --help and --version (0), usage errors (2): already printed
            return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    debug = bool(args.debug)
    try:
        with sigterm_raises():
            code = int(args.func(args))
    except UsageError as exc:
        command = f"peerdesk {args.command}" if args.command else "peerdesk"
        _say(usage_line(exc.user_message, command), debug=debug)
        return EXIT_USAGE
    except PeerDeskError as exc:
        _say(exc.user_message, debug=debug)
        return EXIT_FAILED
    except KeyboardInterrupt:
        _say(stopped_message(EXIT_INTERRUPTED) + ".", debug=debug)
        return EXIT_INTERRUPTED
    except Terminated:
        _say(stopped_message(EXIT_TERMINATED) + ".", debug=debug)
        return EXIT_TERMINATED
    except Exception:
        _say("stopped by an unexpected problem; nothing further was changed. "
             "Run again with --debug for details.", debug=debug)
        return EXIT_UNEXPECTED
    if code in (EXIT_INTERRUPTED, EXIT_TERMINATED):  # the app, closed by a signal
        print(f"peerdesk: {stopped_message(code)}; PeerDesk was closed.", file=sys.stderr)
    return code
