"""What every command-line module shares: the password, the vault, a command's help.

Its own module so the command modules (cli_backup, cli_import, cli_export) and
cli.py all import it, and none of them imports cli.py: no import circle in app/.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import TYPE_CHECKING, Any

from peerdesk.app.exit_codes import EXIT_FAILED, CommandError, UsageError, exit_code_summary

if TYPE_CHECKING:
    from peerdesk.storage.paths import VaultPaths

__all__ = ["EXIT_FAILED", "PASSWORD_ENV", "CommandError", "UsageError", "add_command",
           "read_password", "require_vault"]

PASSWORD_ENV = "PEERDESK_PASSWORD"


def read_password(prompt: str = "Password: ") -> str:
    """From PEERDESK_PASSWORD, else a prompt; never from an argument."""
    from_env = os.environ.get(PASSWORD_ENV)
    if from_env is not None:
        return from_env
    if not sys.stdin or not sys.stdin.isatty():
        raise CommandError(f"No password: set {PASSWORD_ENV} or run this in a terminal.")
    import getpass

    return getpass.getpass(prompt)


def require_vault(path: str) -> VaultPaths:
    """The vault at PATH, or a refusal naming where it looked."""
    from peerdesk.storage.paths import VaultPaths

    paths = VaultPaths.at(path)
    if not paths.database.exists():
        raise CommandError(f"There is no PeerDesk vault at {paths.database}.")
    return paths


def add_command(commands: Any, name: str, summary: str,
                description: str) -> argparse.ArgumentParser:
    """A command with its one-line summary, a description and the exit statuses."""
    command: argparse.ArgumentParser = commands.add_parser(
        name, help=summary, description=description, epilog=exit_code_summary())
    return command
