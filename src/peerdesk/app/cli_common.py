"""What every command-line module shares: the password, the vault, a command's help.

Its own module so the command modules (cli_backup, cli_import, cli_export) and
cli.py all import it, and none of them imports cli.py: no import circle in app/.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from peerdesk.app.exit_codes import EXIT_FAILED, CommandError, UsageError, exit_code_summary

if TYPE_CHECKING:
    from peerdesk.services.session import Session
    from peerdesk.storage.paths import VaultPaths

__all__ = ["EXIT_FAILED", "PASSWORD_ENV", "CommandError", "UsageError", "add_command",
           "add_vault_and_account", "read_password", "require_vault", "signed_in"]

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


def add_command(commands: Any, name: str, summary: str, description: str, *,
                func: Callable[[argparse.Namespace], int] | None = None,
                account: str | None = None) -> argparse.ArgumentParser:
    """A command with its one-line summary, a description and the exit statuses; `func`
    runs it (left out for a group of actions), and `account`, when given, says whose
    sign-in it needs: the vault's PATH and --user NAME come first (add_vault_and_account)."""
    command: argparse.ArgumentParser = commands.add_parser(
        name, help=summary, description=description, epilog=exit_code_summary())
    if account is not None:
        add_vault_and_account(command, account)
    if func is not None:
        command.set_defaults(func=func)
    return command


@contextlib.contextmanager
def signed_in(paths: VaultPaths, account: str) -> Iterator[Session]:
    """Open the vault and sign in as `account` (password from read_password); the
    session is ended and the vault released afterwards, however the command ends."""
    from peerdesk.services.auth import SignIn
    from peerdesk.storage.vault import LockedVault

    locked = LockedVault.open(paths)
    try:
        session = SignIn(locked).sign_in(account, read_password())
        try:
            yield session
        finally:
            session.end()
    finally:
        locked.release()


def add_vault_and_account(command: argparse.ArgumentParser, account: str) -> None:
    """The vault's PATH and --user NAME, `account` saying whose account it must be."""
    command.add_argument("path", metavar="PATH", help="the vault (its .peerdesk file)")
    command.add_argument("--user", required=True, metavar="NAME",
                         help=f"{account} (password from {PASSWORD_ENV} or a prompt)")
