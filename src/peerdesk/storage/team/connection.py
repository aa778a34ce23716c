"""The connection file handed to each PC, and connecting with it.

A small JSON file: where the server is, which database, the server's CA
certificate (its content, so the file is all a PC needs) and which centre it
is for. Over TCP, TLS is required and checked in full (`verify-full`: the
certificate must chain to that CA and name the host); only a Unix socket on
the server's own machine goes without.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

import psycopg

from peerdesk.storage.atomic import write_atomically
from peerdesk.storage.team.errors import (
    ConnectionFileError,
    ServerUnreachable,
    TeamServerError,
)
from peerdesk.storage.team.schema import Conn, centre_id

FILE_FORMAT = "peerdesk-team-connection"
FILE_VERSION = 1
VERIFY_FULL = "verify-full"
CONNECT_TIMEOUT_SECONDS = 10


@dataclass(frozen=True, slots=True)
class ConnectionFile:
    host: str
    port: int
    database: str
    sslmode: str = VERIFY_FULL
    ca_certificate: str = ""        # PEM text; empty only for a Unix socket
    centre_id: str | None = None    # filled in by `team init`
    # Hex; the key that turns a person's PeerDesk name into their login name
    # (staff.login_for), made by `team init`. Not on the server, so its host
    # can't test guessed names against the logins.
    name_key: str = ""

    @property
    def over_socket(self) -> bool:
        return self.host.startswith("/")

    def check(self, where: Path | None = None) -> None:
        shown = str(where) if where else "the connection file"
        if not self.host or not self.database or not 0 < self.port < 65536:
            raise ConnectionFileError("{path} needs a host, a port and a database.", path=shown)
        if not self.over_socket:
            if self.sslmode != VERIFY_FULL:
                raise ConnectionFileError(
                    "{path} asks for sslmode {mode}; PeerDesk connects over the network only "
                    "with verify-full (TLS, with the server's certificate checked).",
                    path=shown, mode=self.sslmode)
            if "BEGIN CERTIFICATE" not in self.ca_certificate:
                raise ConnectionFileError(
                    "{path} has no CA certificate for the server; PeerDesk needs it to check "
                    "the server is the centre's own (TLS verify-full).", path=shown)

    def save(self, path: Path) -> None:
        body = {"format": FILE_FORMAT, "version": FILE_VERSION, **asdict(self)}
        write_atomically(path, (json.dumps(body, indent=2) + "\n").encode("utf-8"))

    @classmethod
    def load(cls, path: Path) -> ConnectionFile:
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            raise ConnectionFileError("There is no team connection file at {path}.",
                                      path=str(path)) from None
        except OSError as exc:
            raise ConnectionFileError("The team connection file {path} can't be read ({why}).",
                                      path=str(path), why=exc.strerror or "unreadable") from exc
        not_ours = ConnectionFileError("{path} is not a PeerDesk team connection file.",
                                       path=str(path))
        try:
            body = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            raise not_ours from None
        if not isinstance(body, dict) or body.get("format") != FILE_FORMAT:
            raise not_ours
        if body.get("version") != FILE_VERSION:
            raise ConnectionFileError("{path} was written by a newer PeerDesk; update PeerDesk "
                                      "on this PC.", path=str(path))
        try:
            found = cls(host=str(body["host"]), port=int(body["port"]),
                        database=str(body["database"]),
                        sslmode=str(body.get("sslmode", VERIFY_FULL)),
                        ca_certificate=str(body.get("ca_certificate", "")),
                        centre_id=(str(body["centre_id"]) if body.get("centre_id") else None),
                        name_key=str(body.get("name_key", "")))
        except (KeyError, TypeError, ValueError):
            raise ConnectionFileError("{path} needs a host, a port and a database.",
                                      path=str(path)) from None
        found.check(path)
        return found


@contextlib.contextmanager
def _ca_file(pem: str) -> Iterator[str]:
    """libpq reads the CA from a file: a private one, removed once connected."""
    folder = tempfile.mkdtemp(prefix="peerdesk-ca-")
    path = os.path.join(folder, "root.crt")
    try:
        with open(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "w",
                  encoding="ascii") as handle:
            handle.write(pem)
        yield path
    finally:
        with contextlib.suppress(OSError):
            os.unlink(path)
        with contextlib.suppress(OSError):
            os.rmdir(folder)


def _explain(exc: psycopg.OperationalError, info: ConnectionFile, user: str) -> TeamServerError:
    text = str(exc).lower()
    where = info.host if info.over_socket else f"{info.host}:{info.port}"
    if "password authentication failed" in text or "no password supplied" in text:
        return TeamServerError("The team server refused the sign-in for {user}: the name or "
                               "password is wrong.", user=user)
    if "does not support ssl" in text:
        return TeamServerError("The team server at {where} does not offer TLS; PeerDesk "
                               "connects to it over the network only with TLS. Nothing was "
                               "sent.", where=where)
    if "certificate" in text or "ssl" in text:
        return TeamServerError(
            "PeerDesk could not check the team server's certificate at {where} against the "
            "CA certificate in the connection file (expired, for another host, or not from "
            "that CA). Nothing was sent.", where=where)
    if "database" in text and "does not exist" in text:
        return TeamServerError("The team server at {where} has no database {database}.",
                               where=where, database=info.database)
    if "permission denied for database" in text:
        return TeamServerError("{user} may not connect to the team database {database}.",
                               user=user, database=info.database)
    return ServerUnreachable("PeerDesk could not reach the team server at {where}: check that "
                             "it is running and that this PC can reach it.", where=where)


def connect(info: ConnectionFile, user: str, password: str, *,
            autocommit: bool = False) -> Conn:
    """A connection as `user`, or a TeamServerError that says what to check."""
    params: dict[str, object] = {
        "host": info.host, "port": info.port, "dbname": info.database, "user": user,
        "password": password, "connect_timeout": CONNECT_TIMEOUT_SECONDS,
        "application_name": "peerdesk", "autocommit": autocommit,
    }
    with contextlib.ExitStack() as stack:
        if not info.over_socket:
            params["sslmode"] = VERIFY_FULL
            params["sslrootcert"] = stack.enter_context(_ca_file(info.ca_certificate))
        try:
            return psycopg.connect(**params)  # type: ignore[arg-type]
        except psycopg.OperationalError as exc:
            raise _explain(exc, info, user) from exc
    raise AssertionError("unreachable")  # pragma: no cover


def check_centre(conn: Conn, info: ConnectionFile) -> None:
    """Refuse a connection file written for another centre's server."""
    if info.centre_id and centre_id(conn) != info.centre_id:
        raise ConnectionFileError(
            "This connection file is for another centre's team: the server at {host} holds a "
            "different centre. Ask whoever runs the server for this centre's file.",
            host=info.host)


def answers(conn: Conn) -> bool:
    """Whether the server still answers on this connection."""
    try:
        conn.execute("SELECT 1")
    except psycopg.OperationalError:
        return False
    return True


@contextlib.contextmanager
def lost_as_unreachable(info: ConnectionFile) -> Iterator[None]:
    """A connection that drops while signing in reads as the server gone away."""
    try:
        yield
    except psycopg.OperationalError as exc:
        where = info.host if info.over_socket else f"{info.host}:{info.port}"
        raise ServerUnreachable("The connection to the team server at {where} was lost; "
                                "check that it is running and that this PC can reach it.",
                                where=where) from exc
