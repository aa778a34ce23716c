"""The exit statuses of every `peerdesk` command, in one table.

`--help` prints this table, the README's command-line section repeats it (a
test keeps the two the same), and every command returns one of these. The
rule that decides between 1 and 2: 2 when the command line itself can't be
understood (fix the command and run it again); 1 when it was understood but
PeerDesk refused or could not do it (the message says why). `--debug` adds
details; it never changes the status.
"""

from __future__ import annotations

from peerdesk.domain.errors import PeerDeskError

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_UNEXPECTED = 3
# The shell's convention: 128 + the signal's number (SIGINT 2, SIGTERM 15).
EXIT_INTERRUPTED = 130
EXIT_TERMINATED = 143

EXIT_CODES: tuple[tuple[int, str], ...] = (
    (EXIT_OK, "done"),
    (EXIT_FAILED, "refused or failed; one line on standard error says why (a wrong "
                  "password, a role that may not do this, no vault at PATH, a problem in "
                  "the file, a period that has not started)"),
    (EXIT_USAGE, "usage: the command line is wrong (an unknown command or option, a "
                 "missing or conflicting option, a value in the wrong form such as "
                 "--month 2026-13)"),
    (EXIT_UNEXPECTED, "an unexpected problem inside PeerDesk; run again with --debug "
                      "for details"),
    (EXIT_INTERRUPTED, "stopped by Ctrl+C (the app closes as if its window was closed)"),
    (EXIT_TERMINATED, "stopped by SIGTERM (likewise)"),
)


class UsageError(PeerDeskError):
    """The command line is wrong: exit status 2."""


class CommandError(PeerDeskError):
    """Understood, but refused or impossible (no vault at PATH, no password): status 1."""


class Terminated(BaseException):  # like KeyboardInterrupt: not an Exception
    """SIGTERM, raised in the main thread so `finally` blocks give the vault back."""


def exit_code_table(width: int = 79) -> str:
    """The table as --help and the README show it."""
    import textwrap

    lines = ["exit status:"]
    for code, meaning in EXIT_CODES:
        lines.extend(textwrap.wrap(meaning, width, initial_indent=f"  {code:<5}",
                                   subsequent_indent=" " * 7))
    return "\n".join(lines)


def exit_code_summary() -> str:
    """One line for each command's own --help."""
    short = {EXIT_OK: "done", EXIT_FAILED: "refused or failed", EXIT_USAGE: "usage",
             EXIT_UNEXPECTED: "unexpected problem", EXIT_INTERRUPTED: "Ctrl+C",
             EXIT_TERMINATED: "SIGTERM"}
    return ("exit status: " + ", ".join(f"{code} {short[code]}" for code, _ in EXIT_CODES)
            + " (peerdesk --help explains each)")
