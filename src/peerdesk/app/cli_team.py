"""`peerdesk team init` and `team migrate` (docs/team-server.md), added to the parser by cli.py.

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

from peerdesk.app.cli_common import (
    PASSWORD_ENV,
    CommandError,
    UsageError,
    add_command,
    read_password,
    require_vault,
)

SERVER_PASSWORD_ENV = "PEERDESK_SERVER_PASSWORD"
DEFAULT_PORT = 5432


def _read_server_password(user: str) -> str:
    from_env = os.environ.get(SERVER_PASSWORD_ENV)
    if from_env is not None:
        return from_env
    if not sys.stdin or not sys.stdin.isatty():
        raise CommandError(f"No password for the server account: set {SERVER_PASSWORD_ENV} "
                           "or run this in a terminal.")
    return getpass.getpass(f"Server password for {user}: ")


def _wanted_file(args: argparse.Namespace, path: Path) -> Any:
    """The connection file to use: the one at PATH, or one made from the options."""
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
    admin_password = None
    if args.admin_name is not None:  # checked before anything is changed
        from peerdesk.domain.validation import clean_name

        args.admin_name = clean_name(args.admin_name, what="The administrator's name")
        admin_password = _new_password(args.admin_name)
    password = _read_server_password(args.setup_user)
    admin: tuple[str, str] | None = None
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
        wanted = replace(wanted, centre_id=centre,
                         name_key=wanted.name_key or secrets.token_hex(32))
        admin = _first_administrator(args, conn, wanted, admin_password)
    wanted.save(path)
    if result.from_version == result.to_version:
        print(f"team schema already up to date (version {result.to_version}); nothing changed")
    elif result.from_version == 0:
        print(f"team schema created (version {result.to_version}), with its roles and "
              "row-level security")
    else:
        print(f"team schema upgraded from version {result.from_version} to "
              f"{result.to_version}")
    if admin is not None:
        print("first administrator made: they sign in with the name and password just given "
              "(their key slot on the server holds the centre's main key)")
    elif not args.admin_name:
        print("no first administrator made: run again with --admin-name NAME to make one "
              "(or move a vault in with `peerdesk team migrate`)")
    print(f"connection file for each PC: {path}")
    return 0


def _ask(prompt: str) -> str:
    if not sys.stdin or not sys.stdin.isatty():
        return ""
    return input(prompt).strip()


def _new_password(name: str) -> str:
    """A new password for `name`: from PEERDESK_PASSWORD, else asked twice; checked
    as PeerDesk checks every new password."""
    from peerdesk.domain.validation import password_problem

    password = read_password(f"Password for {name}: ")
    if os.environ.get(PASSWORD_ENV) is None and read_password("Again: ") != password:
        raise CommandError("The two passwords differ. Nothing was changed.")
    problem = password_problem(password, account_name=name)
    if problem is not None:
        raise CommandError(f"That password won't do: {problem.text} Nothing was changed.")
    return password


def _first_administrator(args: argparse.Namespace, conn: Any, info: Any,
                         password: str | None) -> tuple[str, str] | None:
    """Make the first administrator when the team has nobody yet and a name is
    given (--admin-name, or asked in a terminal); their name and login."""
    from peerdesk.domain.validation import clean_name
    from peerdesk.storage.team import people
    from peerdesk.storage.team.staff import login_for

    name = args.admin_name
    if name is None:
        if people.has_people(conn):
            return None
        name = _ask("First administrator's PeerDesk name (Enter for none, e.g. to move a "
                    "vault in next): ")
        if not name:
            return None
    elif people.has_people(conn):
        raise people.TeamHasPeople
    name = clean_name(name, what="The administrator's name")
    if password is None:
        password = _new_password(name)
    login = login_for(info.database, info.name_key, info.centre_id, name)
    people.first_administrator(conn, login=login, name=name, password=password)
    return name, login


def _cmd_team_migrate(args: argparse.Namespace) -> int:
    _require_driver()
    from peerdesk.storage import crypto
    from peerdesk.storage.team.connection import ConnectionFile, check_centre, connect
    from peerdesk.storage.team.move import move_vault
    from peerdesk.storage.team.vault_source import open_read_only

    paths = require_vault(args.vault)
    info = ConnectionFile.load(Path(args.connection).expanduser().absolute())
    if not info.centre_id:
        raise CommandError(f"{args.connection} names no centre yet: run `peerdesk team init "
                           "--connection FILE` on it first.")
    password = read_password(f"Password for {args.user}: ")
    admin_password = _admin_vault_password(args.admin)
    with open_read_only(paths, args.user, password) as source:
        # Before anything is sent: a wrong password or key refuses the whole move.
        authority = _vault_authority(source, args.admin, admin_password)
        try:
            server_password = _read_server_password(args.setup_user)
            with connect(info, args.setup_user, server_password, autocommit=True) as conn:
                check_centre(conn, info)
                result = move_vault(conn, source, progress=_progress())
                joining = _logins_after_move(conn, info, source, password, args.admin,
                                             signed=result.signed_by_mover, authority=authority)
        finally:
            if authority is not None:
                crypto.wipe(authority)
    if sys.stderr.isatty():
        print(file=sys.stderr)
    width = max(len(t.table) for t in result.tables)
    for table in result.tables:
        print(f"{table.table.ljust(width)}  {table.vault_rows:>9,} rows  "
              f"hash {table.full_hash[:12]}  ok")
    print(f"audit chain read back from the server and checked: {result.audit_events:,} events "
          f"in order, each hash and the chain intact, {result.audit_signed:,} signed by "
          "their writers")
    print(f"moved {result.rows:,} rows in {len(result.tables)} tables to the team server in "
          f"{result.seconds:.1f} s; every table's row count and content hash match the vault "
          "(identifying columns sealed with the centre's keys). The vault is unchanged.")
    print("you can sign in to the team with your PeerDesk name and password (your key slot "
          "holds the centre's keys); everyone else moved in needs a joining password from an "
          "administrator: peerdesk team issue-login NAME")
    if joining is not None:
        print(f"joining password for the administrator named with --admin, to give them "
              f"once: {joining}")
        print("(they choose their own password when they first sign in)")
    return 0


ADMIN_PASSWORD_ENV = "PEERDESK_ADMIN_PASSWORD"


def _admin_vault_password(admin: str | None) -> str | None:
    """The vault password of the administrator named with --admin, which brings
    the centre's authority key to the team (from PEERDESK_ADMIN_PASSWORD, or
    typed by them in a terminal); None to bring none."""
    if admin is None:
        return None
    from_env = os.environ.get(ADMIN_PASSWORD_ENV)
    if from_env is not None:
        return from_env or None
    if not sys.stdin or not sys.stdin.isatty():
        return None
    return getpass.getpass(f"{admin}'s vault password, to bring the centre's authority key "
                           "to the team (Enter to skip): ") or None


def _vault_authority(source: Any, admin: str | None,
                     admin_password: str | None) -> bytearray | None:
    """The vault's authority seed from `admin`'s slot, checked against the vault's
    own record of its authority key; None when no password was given."""
    from peerdesk.storage import crypto
    from peerdesk.storage.vault import AUTHORITY_META

    if admin is None or admin_password is None:
        return None
    authority: bytearray = source.authority_seed(admin, admin_password)
    recorded = source.conn.execute("SELECT value FROM main.meta WHERE key = ?",
                                   (AUTHORITY_META,)).fetchone()
    if recorded is None or recorded[0] != crypto.signing_public_key(authority).hex():
        crypto.wipe(authority)
        raise CommandError("That administrator's authority key is not the one the vault's "
                           "grants were signed with. Nothing was changed.")
    return authority


def _logins_after_move(conn: Any, info: Any, source: Any, password: str,
                       admin: str | None, *, signed: bool,
                       authority: bytearray | None = None) -> str | None:
    """The mover's own login and key slot (both compartments), and a joining
    password for a moved administrator when asked; run as the setup account.
    Each on the audit chain, signed by the mover when the move's event was.
    With the vault's `authority` (from the administrator's slot), their team
    slot also holds it, and a signing key it grants them."""
    from peerdesk.domain.audit import AuditAction
    from peerdesk.domain.staff import Role
    from peerdesk.storage import crypto
    from peerdesk.storage.team import people
    from peerdesk.storage.team.audit import append_as_owner
    from peerdesk.storage.team.fieldcrypt import FieldCipher
    from peerdesk.storage.team.move import field_key, mover_id, mover_signer
    from peerdesk.storage.team.staff import login_for

    main_key = bytearray(field_key(source.main_key, source.vault_id, "main"))
    casework_key = bytearray(field_key(source.casework_key, source.vault_id, "casework"))
    signer = None
    try:
        main = FieldCipher(main_key, compartment="main",
                                  generation=source.main_generation)
        everyone = people.people(conn, main)
        mover = next(p for p in everyone if p.staff_id == mover_id(source))
        signer = mover_signer(source, mover.staff_id) if signed else None

        def record(person: Any, what: str) -> None:
            # On the chain as the programme lead who moved the vault in, signed by
            # them as the move's own event is.
            append_as_owner(conn, main, actor_id=mover.staff_id,
                            action=AuditAction.LOGIN_ISSUED, target_kind="staff",
                            target_id=str(person.staff_id), detail=what, signer=signer)

        people.give_login(conn, person=mover,
                          login=login_for(info.database, info.name_key, info.centre_id,
                                          mover.name),
                          password=password, main_key=main_key,
                          main_generation=source.main_generation, casework_key=casework_key,
                          casework_generation=source.casework_generation, must_change=False,
                          record=record,
                          # Their own key the vault's authority granted: they sign on the team.
                          signing_seed=source.signing_seed if signed else None)
        if admin is None:
            return None
        person = people.find(conn, main, admin)
        if Role.ADMIN.value not in person.roles:
            raise CommandError(f"{admin} is not an administrator in the vault; give them a "
                               "joining password later with `peerdesk team issue-login`.")
        return people.issue_login(conn, person=person,
                                  login=login_for(info.database, info.name_key,
                                                  info.centre_id, person.name),
                                  main_key=main_key, main_generation=source.main_generation,
                                  sealed_by=None, record=record, authority_seed=authority,
                                  keep_authority=True)
    finally:
        crypto.wipe(main_key)
        crypto.wipe(casework_key)
        if signer is not None:
            signer.wipe()


def _signed_in_desk(args: argparse.Namespace) -> Any:
    """The team desk of `--user` on the team `--connection` names (their own new
    password asked for when they signed in with a joining one)."""
    from peerdesk.services import team

    info = team.load_connection_file(Path(args.connection).expanduser().absolute())
    password = read_password(f"Password for {args.user}: ")
    try:
        return team.sign_in(team.TeamPlace.default(), args.user, password, info=info)
    except team.PasswordChangeRequired:
        return team.sign_in(team.TeamPlace.default(), args.user, password, info=info,
                            new_password=_changed_password(args.user))


def _cmd_team_issue_login(args: argparse.Namespace) -> int:
    _require_driver()
    desk = _signed_in_desk(args)
    try:
        joining = desk.issue_login(args.name)
    finally:
        desk.close()
    print(f"joining password for the person named, to give them once: {joining}")
    print("(they sign in with their PeerDesk name and it, and choose their own password "
          "then; it works for nothing else)")
    return 0


def _cmd_team_add_person(args: argparse.Namespace) -> int:
    _require_driver()
    from peerdesk.domain.staff import Role

    desk = _signed_in_desk(args)
    try:
        joining = desk.add_person(args.name, [Role(r) for r in args.role])
    finally:
        desk.close()
    print(f"joining password for the person added, to give them once: {joining}")
    print("(they sign in with their PeerDesk name and it, and choose their own password "
          "then; a programme lead or caseworker signing in first on a new team makes "
          "its casework key)")
    return 0


def _cmd_team_report(args: argparse.Namespace) -> int:
    """`peerdesk report` on the team server: a preview, or published into its register."""
    _require_driver()
    from datetime import date

    from peerdesk.app.cli_period import check_started, parse_period, say_published
    from peerdesk.services.team_publish import TeamReports

    period = parse_period(args)
    note = check_started(period, date.today())
    desk = _signed_in_desk(args)
    try:
        if note:
            print(f"note: {note}")
        reports = TeamReports(desk)
        if args.publish:
            done = reports.publish(period)
            report = done.report
            say_published(done)
        else:
            report = reports.preview(period)
            print("preview, not for publication (add --publish to publish and record it)")
        pages = reports.save_pdf(report, Path(args.pdf))
    finally:
        desk.close()
    print(f"saved {report.title.lower()} for {report.period_label}: {args.pdf} ({pages} pages)")
    return 0


NEW_PASSWORD_ENV = "PEERDESK_NEW_PASSWORD"


def _changed_password(name: str) -> str:
    """The own password someone chooses after signing in with a joining one: from
    PEERDESK_NEW_PASSWORD, else asked twice."""
    from_env = os.environ.get(NEW_PASSWORD_ENV)
    if from_env is not None:
        return from_env
    if not sys.stdin or not sys.stdin.isatty():
        raise CommandError(f"{name} signed in with a joining password and must choose their "
                           f"own: set {NEW_PASSWORD_ENV} or run this in a terminal.")
    first = getpass.getpass("Choose your own password: ")
    if getpass.getpass("Again: ") != first:
        raise CommandError("The two passwords differ. Nothing was changed.")
    return first


def _progress() -> Any:
    if not sys.stderr.isatty():
        return None

    def show(table: str, number: int, total: int) -> None:
        print(f"\rmoving: {number}/{total} {table}".ljust(78), end="", file=sys.stderr,
              flush=True)
    return show


def _add_who_and_where(action: argparse.ArgumentParser, *, connection: str,
                       user: str | None = None, setup_user: str | None = None) -> None:
    """What every team action needs: the connection file, and the sign-ins it uses (a
    PeerDesk --user, the server's --setup-user), each given with what it must be."""
    action.add_argument("--connection", required=True, metavar="FILE", help=connection)
    for option, needed in (("--user", user), ("--setup-user", setup_user)):
        if needed is not None:
            action.add_argument(option, required=True, metavar="NAME", help=needed)


def add_team_commands(commands: Any) -> None:
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
                    "PeerDesk is refused unchanged.",
        func=_cmd_team_init)
    _add_who_and_where(init, connection="the connection file: read if it exists, written "
                                        "(with the centre's id) when done",
                       setup_user="the server account to set up with (owns the database, "
                                  "may create roles)")
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
    init.add_argument("--admin-name", metavar="NAME",
                      help="the first administrator's PeerDesk name, on a team with nobody "
                           "in it yet (their password from PEERDESK_PASSWORD or a "
                           "prompt); asked in a terminal when left out")

    migrate = add_command(
        actions, "migrate", "move a vault's records into the team server, verified",
        description="Copy everything a vault holds (peers, notes, contacts, groups, "
                    "supporters, releases, the audit chain) into a team server set up with "
                    "`team init` and still empty, sealing names and notes with the centre's "
                    "keys, then check every table's row count and content hash against the "
                    "vault. One transaction: all of it is kept, or none. The vault is only "
                    "read, never changed. A programme lead's sign-in unlocks the vault "
                    "(password from PEERDESK_PASSWORD or a prompt); the setup account's "
                    f"password comes from {SERVER_PASSWORD_ENV} or a prompt.",
        func=_cmd_team_migrate)
    migrate.add_argument("vault", metavar="VAULT", help="the vault to move")
    _add_who_and_where(migrate, connection="the connection file `team init` wrote",
                       user="a programme lead's PeerDesk account in the vault",
                       setup_user="the server account the team was set up with")
    migrate.add_argument("--admin", metavar="NAME",
                         help="an administrator in the vault to give a one-time joining "
                              "password to, printed once (they choose their own at their "
                              "first sign-in); with it they give everyone else theirs. Their "
                              "vault password (PEERDESK_ADMIN_PASSWORD, or typed when asked) "
                              "brings the vault's authority key to the team, so everyone "
                              "they give a login signs their audit events")

    issue = add_command(
        actions, "issue-login", "give someone moved in from a vault a joining password",
        description="For a person moved in by `team migrate`, who has records but no "
                    "login yet: make their login and key slot, and print a one-time "
                    "joining password to give them. They sign in with their PeerDesk name "
                    "and it, and must then choose their own password; the next casework "
                    "holder to sign in gives them the casework key if their role opens it. "
                    "An administrator's sign-in (password from PEERDESK_PASSWORD or a "
                    "prompt).",
        func=_cmd_team_issue_login)
    issue.add_argument("name", metavar="NAME", help="the person's PeerDesk name")
    _add_who_and_where(issue, connection="the team's connection file",
                       user="an administrator's PeerDesk name")

    from peerdesk.domain.staff import Role

    add = add_command(
        actions, "add-person", "add a person to the team, with a joining password",
        description="Make a login and key slot for someone new (not moved in from a "
                    "vault) and print a one-time joining password to give them. They sign "
                    "in with their PeerDesk name and it, and must then choose their own "
                    "password. On a team started with `team init`, the first programme "
                    "lead or caseworker to sign in makes the casework key. An "
                    "administrator's sign-in (password from PEERDESK_PASSWORD or a "
                    "prompt).",
        func=_cmd_team_add_person)
    add.add_argument("name", metavar="NAME", help="the person's PeerDesk name")
    add.add_argument("--role", required=True, action="append",
                     choices=[r.value for r in Role], help="their role (repeat for more)")
    _add_who_and_where(add, connection="the team's connection file",
                       user="an administrator's PeerDesk name")

    report = add_command(
        actions, "report", "save the team's report for a period, or publish it",
        description="`peerdesk report` on the team server: the anonymised report counted "
                    "on the server, saved as a PDF. Without --publish it is a preview, "
                    "marked not for publication; with --publish it is recorded in the "
                    "server's release register (protected against every release any PC "
                    "published). A programme lead's sign-in (password from "
                    "PEERDESK_PASSWORD or a prompt).",
        func=_cmd_team_report)
    from peerdesk.app.cli_period import add_period_options

    add_period_options(report)
    report.add_argument("--pdf", required=True, metavar="FILE",
                        help="save the printable report here")
    report.add_argument("--publish", action="store_true",
                        help="publish: record the release in the team server's register")
    _add_who_and_where(report, connection="the team's connection file",
                       user="a programme lead's PeerDesk name")
