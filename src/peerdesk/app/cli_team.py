"""`peerdesk team init` (docs/team-server.md), added to the parser by cli.py.

The setup account's password comes from PEERDESK_SERVER_PASSWORD or a prompt,
never from an argument. psycopg is imported only when a team command runs.
"""

from __future__ import annotations

import argparse
import getpass
import os
import secrets
import sys
from pathlib import Path
from typing import Any

SERVER_PASSWORD_ENV = "PEERDESK_SERVER_PASSWORD"
DEFAULT_PORT = 5432


def _read_server_password(user: str) -> str:
    from peerdesk.app.cli_common import CommandError

    from_env = os.environ.get(SERVER_PASSWORD_ENV)
    if from_env is not None:
        return from_env
    if not sys.stdin or not sys.stdin.isatty():
        raise CommandError(f"No password for the server account: set {SERVER_PASSWORD_ENV} "
                           "or run this in a terminal.")
    return getpass.getpass(f"Server password for {user}: ")


def _wanted_file(args: argparse.Namespace, path: Path) -> Any:
    """The connection file to use: the one at PATH, or one made from the options."""
    from peerdesk.app.cli_common import CommandError, UsageError
    from peerdesk.storage.team.connection import ConnectionFile

    if args.host is None:
        if args.database or args.ca_file or args.port is not None:
            raise UsageError("--database, --port and --ca-file go with --host.")
        return ConnectionFile.load(path)
    if not args.database:
        raise UsageError("Give the team's database with --database NAME.")
    ca = ""
    if not args.host.startswith("/"):
        if not args.ca_file:
            raise UsageError("Give the server's CA certificate with --ca-file PEM: PeerDesk "
                             "checks the server's certificate against it (TLS verify-full).")
        try:
            ca = Path(args.ca_file).read_text(encoding="ascii")
        except (OSError, UnicodeDecodeError) as exc:
            raise CommandError(f"The CA certificate {args.ca_file} can't be read.") from exc
    made = ConnectionFile(host=args.host, port=args.port or DEFAULT_PORT,
                          database=args.database, ca_certificate=ca)
    made.check()
    if path.exists():
        existing = ConnectionFile.load(path)
        if (existing.host, existing.port, existing.database) != (made.host, made.port,
                                                                  made.database):
            raise CommandError(f"{path} is already a connection file for another server "
                               f"or database; give --connection a new file.")
        return existing
    return made


def _require_driver() -> None:
    """Team mode is an optional extra: say how to add it, rather than fail oddly."""
    from peerdesk.app.cli_common import CommandError

    try:
        import psycopg  # noqa: F401
    except ImportError as exc:
        raise CommandError("Team mode needs the PostgreSQL driver, which this PeerDesk was "
                           "installed without: pip install 'peerdesk[team]'.") from exc


def _cmd_team_init(args: argparse.Namespace) -> int:
    from dataclasses import replace

    _require_driver()
    from peerdesk.storage.team import schema
    from peerdesk.storage.team.connection import check_centre, connect
    from peerdesk.storage.team.errors import ConnectionFileError

    path = Path(args.connection).expanduser().absolute()
    wanted = _wanted_file(args, path)
    password = _read_server_password(args.setup_user)
    with connect(wanted, args.setup_user, password, autocommit=True) as conn:
        if wanted.centre_id:
            if schema.current_version(conn) == 0:
                raise ConnectionFileError(
                    "This connection file is for another centre's team: the database "
                    "{database} on the server is empty. Nothing was changed.",
                    database=wanted.database)
            check_centre(conn, wanted)
        result = schema.migrate(conn)
        centre = schema.centre_id(conn)
    replace(wanted, centre_id=centre,
            name_key=wanted.name_key or secrets.token_hex(32)).save(path)
    if result.from_version == result.to_version:
        print(f"team schema already up to date (version {result.to_version}); nothing changed")
    elif result.from_version == 0:
        print(f"team schema created (version {result.to_version}), with its roles and "
              "row-level security")
    else:
        print(f"team schema upgraded from version {result.from_version} to "
              f"{result.to_version}")
    print(f"connection file for each PC: {path}")
    return 0


def add_team_commands(commands: Any) -> None:
    from peerdesk.app.cli_common import add_command

    team = add_command(
        commands, "team", "set up team mode on the centre's own PostgreSQL server",
        description="Team mode: PeerDesk's records on a PostgreSQL 15+ server the centre "
                    "runs (docs/team-server.md).")
    actions = team.add_subparsers(dest="team_command", metavar="ACTION", required=True,
                                  title="actions (peerdesk team ACTION --help for each)")
    init = add_command(
        actions, "init", "create or upgrade the team schema and write the connection file",
        description="Create the team's schema on a reachable PostgreSQL 15+ server (or bring "
                    "it up to date: running it again changes nothing), with PeerDesk's "
                    "database roles and row-level security, then write the connection file "
                    "to hand to each PC. Connects as the server account that owns the "
                    "database and may create roles; its password comes from "
                    f"{SERVER_PASSWORD_ENV} or a prompt. A server set up by a newer "
                    "PeerDesk is refused unchanged.")
    init.add_argument("--connection", required=True, metavar="FILE",
                      help="the connection file: read if it exists, written (with the "
                           "centre's id) when done")
    init.add_argument("--setup-user", required=True, metavar="NAME",
                      help="the server account to set up with (owns the database, may "
                           "create roles)")
    init.add_argument("--host", metavar="HOST",
                      help="the server's host name (or a Unix socket folder on the server "
                           "itself); with it, the connection file is made from these options")
    init.add_argument("--port", type=int, metavar="N",
                      help=f"the server's port (default {DEFAULT_PORT})")
    init.add_argument("--database", metavar="NAME",
                      help="the team's database, already made by whoever runs the server")
    init.add_argument("--ca-file", metavar="PEM",
                      help="the CA certificate the server's TLS certificate is checked "
                           "against (needed for a host name; copied into the file)")
    init.set_defaults(func=_cmd_team_init)
