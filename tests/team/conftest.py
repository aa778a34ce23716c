"""A throwaway PostgreSQL cluster for the team-mode tests.

One cluster per test run: `initdb` in a temporary folder, SCRAM passwords for
every connection, listening on a Unix socket in that folder only
(listen_addresses=''), so nothing outside this machine's file system can reach
it. Each test gets its own database in it. Every statement the server receives
is written to its log (log_statement=all), so the tests can also read what a
host's logs would hold.

When no PostgreSQL 15+ server programs are found (on PATH, or in Debian's
/usr/lib/postgresql/N/bin), every test here is skipped and says why. As root
(CI runs so), the server runs as the `postgres` account, since PostgreSQL
refuses to run as root.
"""

from __future__ import annotations

import contextlib
import glob
import itertools
import os
import pwd
import secrets
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

psycopg = pytest.importorskip("psycopg", reason="psycopg is not installed (pip install "
                                                "-e '.[test]' installs it)")

SERVER_PROGRAMS = ("initdb", "pg_ctl", "postgres")
SUPERUSER = "peerdesk_super"
MINIMUM_MAJOR = 15
REQUIRE_ENV = "PEERDESK_REQUIRE_POSTGRES"


def find_server_bin() -> Path | None:
    """The folder holding initdb, pg_ctl and postgres (15 or newer), or None."""
    candidates: list[Path] = []
    on_path = shutil.which("initdb")
    if on_path:
        candidates.append(Path(on_path).resolve().parent)
    debian = sorted(glob.glob("/usr/lib/postgresql/*/bin"),
                    key=lambda p: int(Path(p).parent.name) if Path(p).parent.name.isdigit()
                    else 0, reverse=True)
    candidates.extend(Path(p) for p in debian)
    for folder in candidates:
        if all((folder / name).is_file() for name in SERVER_PROGRAMS):
            version = subprocess.run([str(folder / "postgres"), "--version"],
                                     capture_output=True, text=True, check=False).stdout
            major = next((int(word.split(".")[0]) for word in version.split()
                          if word[:1].isdigit()), 0)
            if major >= MINIMUM_MAJOR:
                return folder
    return None


@dataclass(frozen=True)
class PgServer:
    bin_dir: Path
    socket_dir: Path
    port: int
    superuser: str
    password: str
    log: Path
    data: Path | None = None
    account: tuple[int, int] | None = None

    def _pg_ctl(self, *argv: str) -> None:
        as_account: dict[str, object] = {}
        if self.account is not None:
            as_account = {"user": self.account[0], "group": self.account[1],
                          "extra_groups": []}
        done = subprocess.run([str(self.bin_dir / "pg_ctl"), "-D", str(self.data), *argv],
                              capture_output=True, text=True, check=False, cwd=self.socket_dir,
                              env={**os.environ, "LC_ALL": "C"},
                              **as_account)  # type: ignore[call-overload]
        if done.returncode != 0:
            raise RuntimeError(f"pg_ctl {argv[0]} failed: {done.stdout}\n{done.stderr}")

    def stop(self) -> None:
        """Stop the server (fast: open connections are ended), as an outage would."""
        self._pg_ctl("-m", "fast", "-w", "stop")

    def start(self) -> None:
        self._pg_ctl("-l", str(self.log), "-w", "-t", "60", "start")

    def connect(self, dbname: str = "postgres", *, user: str | None = None,
                password: str | None = None, **kwargs: object) -> psycopg.Connection:
        return psycopg.connect(host=str(self.socket_dir), port=self.port, dbname=dbname,
                               user=user or self.superuser,
                               password=self.password if password is None else password,
                               **kwargs)

    def program(self, name: str) -> Path:
        return self.bin_dir / name

    def log_text(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")


def _server_account() -> tuple[int, int] | None:
    """(uid, gid) to run the server as: ourselves, or `postgres`/`nobody` when root."""
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        with contextlib.suppress(KeyError):
            entry = pwd.getpwnam(name)
            return entry.pw_uid, entry.pw_gid
    pytest.skip("running as root and there is no postgres or nobody account to run "
                "PostgreSQL as (it refuses to run as root)")


def require_server_bin() -> Path:
    bin_dir = find_server_bin()
    if bin_dir is None:
        # .ci/run sets it where the programs are, so that this never skips there.
        if os.environ.get(REQUIRE_ENV) == "1":
            pytest.fail(f"{REQUIRE_ENV}=1 but no PostgreSQL 15+ server programs were found")
        pytest.skip("no PostgreSQL 15+ server programs (initdb, pg_ctl, postgres) on PATH or "
                    "in /usr/lib/postgresql/*/bin: install Debian's postgresql package to run "
                    "the team-mode tests")
    return bin_dir


@dataclass(frozen=True)
class TlsFiles:
    """PEM files for a server listening on 127.0.0.1 with TLS (written into its folder)."""

    certificate: bytes
    key: bytes
    tcp_port: int


@contextlib.contextmanager
def cluster(*, tls: TlsFiles | None = None,
            tcp_without_tls: int | None = None) -> Iterator[PgServer]:
    """A new cluster in a temporary folder: a Unix socket there, and TCP on
    127.0.0.1 only when `tls` is given (then only TLS connections are accepted)
    or, to test that a client refuses it, `tcp_without_tls` names a port."""
    bin_dir = require_server_bin()
    account = _server_account()
    # Not under pytest's own temporary folder: as root that is 0700 and the
    # server's account could not reach its socket or data.
    base = Path(tempfile.mkdtemp(prefix="peerdesk-pg-"))
    data, log = base / "data", base / "server.log"
    password = secrets.token_urlsafe(24)
    pwfile = base / "pwfile"
    pwfile.write_text(password + "\n", encoding="utf-8")
    owned = [base, pwfile]
    if tls is not None:
        for name, pem in (("server.crt", tls.certificate), ("server.key", tls.key)):
            (base / name).write_bytes(pem)
            (base / name).chmod(0o600)
            owned.append(base / name)
    as_account: dict[str, object] = {}
    if account is not None:
        uid, gid = account
        for path in owned:
            os.chown(path, uid, gid)
        as_account = {"user": uid, "group": gid, "extra_groups": []}
    env = {**os.environ, "LC_ALL": "C"}

    def run(*argv: str) -> None:
        done = subprocess.run(argv, capture_output=True, text=True, check=False, cwd=base,
                              env=env, **as_account)  # type: ignore[call-overload]
        if done.returncode != 0:
            raise RuntimeError(f"{argv[0]} failed: {done.stdout}\n{done.stderr}")

    run(str(bin_dir / "initdb"), "-D", str(data), "-U", SUPERUSER, f"--pwfile={pwfile}",
        "--auth=scram-sha-256", "--encoding=UTF8", "--locale=C", "--no-sync")
    port = tls.tcp_port if tls else tcp_without_tls or 5432
    on_tcp = tls is not None or tcp_without_tls is not None
    settings = (f"\nlisten_addresses = '{'127.0.0.1' if on_tcp else ''}'\n"
                f"unix_socket_directories = '{base}'\nport = {port}\nfsync = off\n"
                "synchronous_commit = off\nfull_page_writes = off\nlog_statement = 'all'\n"
                "max_connections = 40\nshared_buffers = 16MB\n")
    if tls is not None:
        settings += (f"ssl = on\nssl_cert_file = '{base / 'server.crt'}'\n"
                     f"ssl_key_file = '{base / 'server.key'}'\n")
        with (data / "pg_hba.conf").open("w", encoding="utf-8") as hba:
            hba.write("local all all scram-sha-256\n"
                      "hostssl all all 127.0.0.1/32 scram-sha-256\n")
    with (data / "postgresql.conf").open("a", encoding="utf-8") as conf:
        conf.write(settings)
    run(str(bin_dir / "pg_ctl"), "-D", str(data), "-l", str(log), "-w", "-t", "60", "start")
    try:
        yield PgServer(bin_dir, base, port, SUPERUSER, password, log, data, account)
    finally:
        with contextlib.suppress(RuntimeError):
            run(str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop")
        shutil.rmtree(base, ignore_errors=True)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    with cluster() as server:
        yield server


_numbers = itertools.count(1)


@contextlib.contextmanager
def new_database(server: PgServer) -> Iterator[str]:
    """A new, empty database in `server`; dropped afterwards."""
    name = f"centre{next(_numbers)}"
    with server.connect(autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield name
    finally:
        with server.connect(autocommit=True) as conn:
            conn.execute(f'DROP DATABASE "{name}" WITH (FORCE)')


@pytest.fixture
def team_db(pg_server: PgServer) -> Iterator[str]:
    """A new, empty database of this test's own; dropped afterwards."""
    with new_database(pg_server) as name:
        yield name


@dataclass
class TeamCentre:
    """A database set up by `schema.migrate`, with one login per role."""

    server: PgServer
    database: str
    main_key: bytes
    casework_key: bytes
    logins: dict[str, str]      # who -> login name
    staff_ids: dict[str, int]   # who -> staff id
    passwords: dict[str, str]   # who -> password

    def connect(self, who: str, **kwargs: object) -> psycopg.Connection:
        return self.server.connect(self.database, user=self.logins[who],
                                   password=self.passwords[who], **kwargs)

    def superuser(self, **kwargs: object) -> psycopg.Connection:
        return self.server.connect(self.database, **kwargs)


# Who the test centre has: a login each, with their PeerDesk roles.
PEOPLE = {
    "admin": ("admin",),
    "lead": ("programme_lead",),
    "caseworker": ("caseworker",),
    "supporter": ("peer_supporter",),
    "other_supporter": ("peer_supporter",),
}


@pytest.fixture
def team_centre(pg_server: PgServer, team_db: str) -> TeamCentre:
    from peerdesk.storage.team import schema
    from peerdesk.storage.team.fieldcrypt import FieldCipher
    from peerdesk.storage.team.staff import create_staff_login, login_name

    main_key, casework_key = secrets.token_bytes(32), secrets.token_bytes(32)
    main_cipher = FieldCipher(main_key, compartment="main")
    centre = TeamCentre(pg_server, team_db, main_key, casework_key, {}, {}, {})
    with pg_server.connect(team_db, autocommit=True) as conn:
        schema.migrate(conn)
        for number, (who, roles) in enumerate(PEOPLE.items(), start=1):
            login = login_name(team_db, number)
            password = secrets.token_urlsafe(12)
            centre.logins[who], centre.passwords[who] = login, password
            centre.staff_ids[who] = create_staff_login(conn, main_cipher, login, roles,
                                                       password, f"Staff member {who}")
    return centre


@dataclass
class JoinedCentre:
    """A migrated centre, its connection file, and people with key slots whose
    logins come from their PeerDesk names (as PCs that join sign in)."""

    server: PgServer
    database: str
    connection_file: Path
    main_key: bytes
    casework_key: bytes
    names: dict[str, str]        # who -> PeerDesk name
    passwords: dict[str, str]
    staff_ids: dict[str, int]
    logins: dict[str, str]

    def place(self, folder: Path):
        from peerdesk.services.team import TeamPlace

        return TeamPlace(folder / "config", folder / "data")

    def sign_in(self, who: str, folder: Path, *, prepare: bool = True):
        """Signed in; with `prepare`, the background work after it done too (a
        key change owed, the search cache filled), here, before returning."""
        from peerdesk.services import team

        desk = team.sign_in(self.place(folder), self.names[who], self.passwords[who],
                            info=team.load_connection_file(self.connection_file))
        if prepare:
            desk.prepare()
            desk.prepared()
        return desk


DESK_PEOPLE = {
    "admin": ("Ana Admin", "admin"),
    "lead": ("Lena Lead", "programme_lead"),
    "caseworker": ("Cas Worker", "caseworker"),
    "other_caseworker": ("Cai Worker", "caseworker"),
    "supporter": ("Sam Supporter", "peer_supporter"),
}


@pytest.fixture
def joined_centre(pg_server: PgServer, team_db: str, tmp_path: Path) -> JoinedCentre:
    return join_centre(pg_server, team_db, tmp_path)


def join_centre(pg_server: PgServer, team_db: str, tmp_path: Path) -> JoinedCentre:
    """`team_db` migrated, its connection file in `tmp_path`, DESK_PEOPLE given
    logins and key slots (also for tests outside this folder)."""
    from peerdesk.domain.staff import Role
    from peerdesk.storage.team import keys, schema
    from peerdesk.storage.team.connection import ConnectionFile
    from peerdesk.storage.team.staff import login_for

    main_key, casework_key = secrets.token_bytes(32), secrets.token_bytes(32)
    path = tmp_path / "centre.peerdesk-team"
    centre = JoinedCentre(pg_server, team_db, path, main_key, casework_key, {}, {}, {}, {})
    with pg_server.connect(team_db, autocommit=True) as conn:
        schema.migrate(conn)
        info = ConnectionFile(host=str(pg_server.socket_dir), port=pg_server.port,
                              database=team_db, centre_id=schema.centre_id(conn),
                              name_key=secrets.token_hex(32))
        info.save(path)
        for who, (name, role) in DESK_PEOPLE.items():
            login = login_for(team_db, info.name_key, "", name)
            password = secrets.token_urlsafe(12)
            centre.staff_ids[who] = keys.create_person(
                conn, login=login, roles=[Role(role)], password=password, display_name=name,
                main_key=main_key, casework_key=casework_key)
            centre.names[who], centre.passwords[who], centre.logins[who] = name, password, login
    return centre
