"""`peerdesk team migrate`: a vault's whole contents onto an empty team server.

One transaction, all or nothing. As the account that set the team up (the
tables' owner), it takes the set-up lock, lifts the forced row-level security
for itself inside the transaction (other sessions never see it lifted: the
change is not committed until it is put back), checks the server holds no
centre's records yet, COPYs every table described in storage/team/tables.py
in order (parents first), sealing identifying columns on the way with the
team's compartment keys, moves each identity sequence past the copied ids (and
the sequence of peers' reference numbers past the vault's, team migration 14),
then verifies before committing:

* the row count of every table, on the server and in the vault;
* a content hash of the plain columns computed by the server in SQL and
  the same hash computed here from the vault, from one canonical form;
* a content hash of every column, sealed ones opened here, of the rows read
  back from the server, against the vault's.

Any difference, a dropped connection or anything else rolls the whole
transaction back: the server is as it was, and the vault was only ever read.

The hashes are order-free (the sum, per 64-bit lane, of each row's SHA-256),
so neither side has to sort a million rows the same way.
"""

from __future__ import annotations

import hashlib
import struct
import time
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

import psycopg
from psycopg import sql

from peerdesk.domain.audit import AuditAction
from peerdesk.storage.signer import Signer
from peerdesk.storage.team import schema
from peerdesk.storage.team.audit import append_as_owner, verify_chain
from peerdesk.storage.team.errors import TeamServerError
from peerdesk.storage.team.fieldcrypt import FieldCipher
from peerdesk.storage.team.grants import signature_keys
from peerdesk.storage.team.schema import Conn
from peerdesk.storage.team.tables import (
    BOOL,
    BYTES,
    DATE,
    INT,
    ROLES,
    SEALED,
    TABLES,
    TEXT,
    TS,
    UUID,
    Col,
    TeamTable,
)
from peerdesk.storage.team.vault_source import VaultSource

_FIELD_KEY_INFO = b"peerdesk-team-field-key/"
_NULL = "~"
_LANES = 4
_MASK = (1 << 64) - 1


class ServerNotEmpty(TeamServerError):
    default_message = ("The team server already holds a centre's records ({table} has rows). "
                       "A vault is moved only into a team set up for it and still empty. "
                       "Nothing was changed.")


class MoveNotVerified(TeamServerError):
    default_message = ("The copy on the team server did not match the vault ({table}: "
                       "{what}), so none of it was kept. Nothing was changed.")


class MoveInterrupted(TeamServerError):
    default_message = ("The connection to the team server was lost during the move, so none "
                       "of it was kept there (it is one transaction). The vault is unchanged; "
                       "run the move again when the server can be reached.")


# -- keys ----------------------------------------------------------------------------------

def field_key(vault_key: bytes | bytearray, vault_id: str, compartment: str) -> bytes:
    """The team's key for one compartment's sealed columns, derived from the
    vault's compartment key (HKDF-SHA256): whoever's slot opens the vault's
    key can make it, and it is never the vault's database key itself."""
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    return HKDF(algorithm=hashes.SHA256(), length=32, salt=vault_id.encode("ascii"),
                info=_FIELD_KEY_INFO + compartment.encode("ascii")).derive(bytes(vault_key))


def ciphers_for(source: VaultSource) -> dict[str, FieldCipher]:
    return {
        "main": FieldCipher(field_key(source.main_key, source.vault_id, "main"),
                            compartment="main", generation=source.main_generation),
        "casework": FieldCipher(field_key(source.casework_key, source.vault_id, "casework"),
                                compartment="casework", generation=source.casework_generation),
    }


# -- canonical form and the order-free hash -------------------------------------------------

def _framed(text: str) -> str:
    return f"{len(text)}:{text}"


# How a server-side value is written for hashing, per kind (see _SQL_CANONICAL).
_TEXT_OF: dict[str, Callable[[Any], str]] = {
    BOOL: lambda v: "t" if v else "f",
    DATE: lambda v: v.isoformat(),
    TS: lambda v: v.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f"),
    BYTES: lambda v: bytes(v).hex(),
    ROLES: ",".join,
}


def canonical(kind: str, value: Any) -> str:
    if value is None:
        return _NULL
    return _framed(_TEXT_OF.get(kind, str)(value))


def _canonicals(kinds: list[str]) -> list[Callable[[Any], str]]:
    """One function per column, looked up once per table rather than per value."""
    def make(convert: Callable[[Any], str]) -> Callable[[Any], str]:
        return lambda v: _NULL if v is None else _framed(convert(v))
    return [make(_TEXT_OF.get(kind, str)) for kind in kinds]


_SQL_CANONICAL = {
    INT: "{}::text", TEXT: "{}", UUID: "{}::text", ROLES: "array_to_string({}, ',')",
    BOOL: "CASE WHEN {0} THEN 't' WHEN NOT {0} THEN 'f' END",  # NULL stays NULL
    DATE: "to_char({}, 'YYYY-MM-DD')",
    TS: "to_char({} AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US')",
    BYTES: "encode({}, 'hex')",
}


_LANES_OF = struct.Struct(">4q")  # the digest as four signed 64-bit lanes (bigint)


@dataclass
class TableHash:
    rows: int = 0
    lanes: list[int] = field(default_factory=lambda: [0] * _LANES)

    def add(self, values: Iterable[str]) -> None:
        self.rows += 1
        a, b, c, d = _LANES_OF.unpack(hashlib.sha256((",".join(values) + "\n").encode()).digest())
        lanes = self.lanes
        lanes[0] += a
        lanes[1] += b
        lanes[2] += c
        lanes[3] += d

    def hexdigest(self) -> str:
        text = f"{self.rows}:" + ":".join(str(v) for v in self.lanes)
        return hashlib.sha256(text.encode("ascii")).hexdigest()


def _plain(table: TeamTable) -> list[Col]:
    return [c for c in table.columns if c.kind != SEALED]


def server_plain_hash(conn: Conn, table: TeamTable) -> str:
    """The plain columns' hash, computed by the server itself, in SQL."""
    items = []
    for column in _plain(table):
        expr = sql.SQL(_SQL_CANONICAL[column.kind]).format(sql.Identifier(column.name))
        items.append(sql.SQL("coalesce(length({e})::text || ':' || {e}, {null})").format(
            e=expr, null=sql.Literal(_NULL)))
    line = sql.SQL("concat_ws(',', {}) || E'\\n'").format(sql.SQL(", ").join(items))
    lanes = sql.SQL(", ").join(
        sql.SQL("coalesce(sum(('x' || substr(h, {start}, 16))::bit(64)::bigint::numeric), 0)")
        .format(start=sql.Literal(1 + lane * 16)) for lane in range(_LANES))
    query = sql.SQL("SELECT count(*), {lanes} FROM (SELECT encode(sha256(convert_to({line}, "
                    "'UTF8')), 'hex') AS h FROM {schema}.{table}) AS rows").format(
        lanes=lanes, line=line, schema=sql.Identifier(table.schema),
        table=sql.Identifier(table.name))
    row = conn.execute(query).fetchone()
    assert row is not None
    found = TableHash(int(row[0]), [int(v) for v in row[1:]])
    return found.hexdigest()


# -- vault rows -> server rows ---------------------------------------------------------------

@dataclass
class _Mapper:
    source: VaultSource
    database: str
    namespace: uuid.UUID = field(init=False)

    def __post_init__(self) -> None:
        self.namespace = uuid.uuid5(uuid.NAMESPACE_URL, f"peerdesk:vault:{self.source.vault_id}")

    def uuid_for(self, table: str, vault_id: Any) -> uuid.UUID | None:
        return None if vault_id is None else uuid.uuid5(self.namespace, f"{table}:{vault_id}")

    def value(self, table: TeamTable, column: Col, raw: Any, row: dict[str, Any]) -> Any:
        if table.name == "staff":
            if column.name == "login_name":
                return f"{self.database}_s{raw}"
            if column.name == "roles":
                code = raw or row.get("role") or ""
                return sorted({part for part in str(code).split(",") if part})
            if column.name == "active":
                return raw == "active"
        if raw is None:
            return "" if column.kind == SEALED else None
        kind = column.kind
        if kind == UUID:
            assert column.ref is not None
            return self.uuid_for(column.ref, raw)
        if kind == DATE:
            return date.fromisoformat(str(raw))
        if kind == TS:
            found = datetime.fromisoformat(str(raw))
            return found if found.tzinfo else found.replace(tzinfo=UTC)
        if kind == BOOL:
            return bool(raw)
        if kind == BYTES:
            return bytes(raw)
        if kind == INT:
            return int(raw)
        return str(raw)


def _vault_query(table: TeamTable) -> tuple[str, list[str]]:
    sources = list(dict.fromkeys(c.vault_column for c in table.columns))
    columns = ", ".join(f'"{name}"' for name in sources)
    where = f" WHERE {table.where}" if table.where else ""
    return f'SELECT {columns} FROM {table.schema}."{table.source}"{where}', sources


@dataclass
class TableResult:
    table: str
    vault_rows: int
    server_rows: int
    plain_hash: str
    full_hash: str
    seconds: float


@dataclass
class MoveResult:
    tables: list[TableResult]
    seconds: float
    audit_events: int = 0
    audit_signed: int = 0
    # Whether the move's own event is signed by the mover (their slot's signing
    # key is one the vault's authority granted them).
    signed_by_mover: bool = False

    @property
    def rows(self) -> int:
        return sum(t.vault_rows for t in self.tables)


Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class _Layout:
    """A table's columns by position, worked out once per table."""

    plain: list[int]
    sealed: list[int]
    binds: list[int]   # the columns whose values bind a sealed value to its row
    plain_text: list[Callable[[Any], str]]
    full_text: list[Callable[[Any], str]]

    @classmethod
    def of(cls, table: TeamTable) -> _Layout:
        names = [c.name for c in table.columns]
        kinds = [c.kind for c in table.columns]
        plain = [i for i, kind in enumerate(kinds) if kind != SEALED]
        binds = [names.index(n) for n in ((table.sealed_by,) if table.sealed_by else table.key)]
        return cls(plain, [i for i, kind in enumerate(kinds) if kind == SEALED], binds,
                   _canonicals([kinds[i] for i in plain]),
                   _canonicals([TEXT if kind == SEALED else kind for kind in kinds]))

    def row_id(self, values: list[Any]) -> str:
        return "/".join(str(values[i]) for i in self.binds)

    def add(self, plain: TableHash | None, full: TableHash, values: list[Any]) -> None:
        if plain is not None:
            plain.add([text(values[i]) for text, i in zip(self.plain_text, self.plain,
                                                          strict=True)])
        full.add([text(value) for text, value in zip(self.full_text, values, strict=True)])


def _server_rows(source: VaultSource, mapper: _Mapper, table: TeamTable,
                 ciphers: dict[str, FieldCipher], plain: TableHash,
                 full: TableHash) -> Iterator[list[Any]]:
    query, sources = _vault_query(table)
    cipher = ciphers[table.schema]
    layout = _Layout.of(table)
    picks = [(column, sources.index(column.vault_column)) for column in table.columns]
    value = mapper.value
    for raw in source.rows(query):
        by_source = dict(zip(sources, raw, strict=True)) if table.name == "staff" else {}
        values = [value(table, column, raw[at], by_source) for column, at in picks]
        layout.add(plain, full, values)
        if layout.sealed:
            row_id = layout.row_id(values)
            for i in layout.sealed:
                values[i] = cipher.seal(table.name, table.columns[i].name, row_id, values[i])
        yield values


def _read_back(conn: Conn, table: TeamTable, ciphers: dict[str, FieldCipher]) -> TableHash:
    cipher = ciphers[table.schema]
    found = TableHash()
    layout = _Layout.of(table)
    names = [c.name for c in table.columns]
    query = sql.SQL("SELECT {} FROM {}.{}").format(
        sql.SQL(", ").join(sql.Identifier(n) for n in names), sql.Identifier(table.schema),
        sql.Identifier(table.name))
    with conn.cursor(name=f"read_{table.name}") as cursor:
        cursor.itersize = 5000
        cursor.execute(query)
        for row in cursor:
            values = list(row)
            if layout.sealed:
                row_id = layout.row_id(values)
                for i in layout.sealed:
                    values[i] = cipher.open(table.name, names[i], row_id, values[i])
            layout.add(None, found, values)
    return found


def _every_table(action: str) -> sql.Composed:
    return sql.SQL(" ").join(
        sql.SQL("ALTER TABLE {}.{} {};").format(sql.Identifier(t.schema), sql.Identifier(t.name),
                                                 sql.SQL(action))
        for t in TABLES)


def check_server_ready(conn: Conn) -> None:
    """The schema is this PeerDesk's, up to date."""
    schema.check_server(conn)
    version = schema.current_version(conn)
    latest = schema.latest_version()
    if version > latest:
        from peerdesk.storage.team.errors import TeamSchemaTooNew

        raise TeamSchemaTooNew(found=version, known=latest)
    if version < latest:
        raise TeamServerError("The team server's schema is not up to date (version {found}; "
                              "this PeerDesk needs {latest}): run `peerdesk team init` first. "
                              "Nothing was changed.", found=version, latest=latest)


def _check_mover(source: VaultSource) -> None:
    row = source.conn.execute("SELECT roles, role, status FROM main.staff WHERE slot_id = ?",
                              (source.slot_id,)).fetchone()
    roles = set(str(row[0] or row[1]).split(",")) if row else set()
    if not row or row[2] != "active" or "programme_lead" not in roles:
        raise TeamServerError("Moving the centre into the team is a programme lead's to do: it "
                              "copies every record. Nothing was changed.")


def _settle(conn: Conn) -> None:
    """VACUUM (ANALYZE) every table moved in, once the move is committed.

    A bulk load leaves the tables without planner statistics and without a
    visibility map, so index-only reads (the month report's, team migration 9)
    still read every row they match, and autovacuum then works through millions
    of rows in the background while the centre starts using the server. Done
    here, the first report and searches after a move run on settled tables.
    Needs a connection outside a transaction (VACUUM refuses to run in one)."""
    for table in TABLES:
        conn.execute(sql.SQL("VACUUM (ANALYZE) {}.{}").format(
            sql.Identifier(table.schema), sql.Identifier(table.name)))


def move_vault(conn: Conn, source: VaultSource, *, progress: Progress | None = None) -> MoveResult:
    """Copy and verify everything in one transaction; see the module's notes."""
    _check_mover(source)
    check_server_ready(conn)
    mapper = _Mapper(source, conn.info.dbname)
    ciphers = ciphers_for(source)
    started = time.perf_counter()
    results: list[TableResult] = []
    try:
        with conn.transaction():
            # The set-up's own lock: no `team init` or second move meanwhile.
            conn.execute("SELECT pg_advisory_xact_lock(%s)", (schema._LOCK_KEY,))
            try:
                conn.execute(_every_table("NO FORCE ROW LEVEL SECURITY"))
            except psycopg.errors.InsufficientPrivilege as exc:
                raise TeamServerError(
                    "Only the server account that set the team up (the owner of its tables) "
                    "can move a vault in. Nothing was changed.") from exc
            for table in TABLES:
                busy = conn.execute(sql.SQL("SELECT EXISTS (SELECT 1 FROM {}.{})").format(
                    sql.Identifier(table.schema), sql.Identifier(table.name))).fetchone()
                if busy and busy[0]:
                    raise ServerNotEmpty(table=table.qualified)
            for number, table in enumerate(TABLES, start=1):
                if progress:
                    progress(table.qualified, number, len(TABLES))
                results.append(_copy_table(conn, source, mapper, table, ciphers))
            _number_new_peers_on(conn, source)
            recorded = _record_move(conn, source, ciphers["main"], results)
            chain = verify_chain(conn, ciphers["main"])
            problems = [p for p in chain.problems if p != recorded]
            if problems:
                raise MoveNotVerified(table="main.audit_event",
                                      what=f"the audit chain, read back: {problems[0]}")
            conn.execute(_every_table("FORCE ROW LEVEL SECURITY"))
    except psycopg.OperationalError as exc:
        raise MoveInterrupted from exc
    if conn.autocommit:
        _settle(conn)
    return MoveResult(results, time.perf_counter() - started, chain.events,
                      chain.events - chain.unsigned, signed_by_mover=recorded is None)


def _number_new_peers_on(conn: Conn, source: VaultSource) -> None:
    """The server's sequence of reference numbers (team migration 14) moved on,
    so the next peer added on the team follows the highest moved in, or the
    vault's own next number when that is higher: a number the vault gave a
    peer since erased is never handed out again, as in the vault."""
    found = source.conn.execute("SELECT value FROM meta WHERE key = 'next_peer_ref'"
                                ).fetchone()
    vault_next = int(found[0]) if found and str(found[0]).isdigit() else 1
    conn.execute("SELECT setval('casework.peer_ref_number_seq', "
                 "greatest(%s, coalesce(max(ref_number), 0) + 1), false) FROM casework.peer",
                 (vault_next,))


def mover_id(source: VaultSource) -> int:
    """The staff id of the person moving the vault (the same on the server)."""
    row = source.conn.execute("SELECT id FROM main.staff WHERE slot_id = ?",
                              (source.slot_id,)).fetchone()
    return int(row[0])


def mover_signer(source: VaultSource, staff_id: int) -> Signer | None:
    """The mover's signer, from their slot's signing seed (None: it has none)."""
    if source.signing_seed is None:
        return None
    return Signer.from_seed(source.vault_id, staff_id, bytearray(source.signing_seed))


def _granted_signer(conn: Conn, source: VaultSource, main: FieldCipher,
                    staff_id: int) -> Signer | None:
    """The mover's signer, when their signing key is one the vault's authority
    granted them (then the chain's checker accepts their signature). Read
    during the move, while the set-up account reads the grants moved in."""
    signer = mover_signer(source, staff_id)
    if signer is None:
        return None
    if signer.public_key in signature_keys(conn, main)[0].by_staff.get(staff_id, set()):
        return signer
    signer.wipe()
    return None


def _record_move(conn: Conn, source: VaultSource, main: FieldCipher,
                 results: list[TableResult]) -> str | None:
    """The move itself, as the last event of the chain moved in, made as the
    programme lead moving it and signed by them as the vault would sign it;
    the problem the chain's check will name for it when it can't be signed
    (no granted key in their slot), which the move accepts: it is said, not
    hidden."""
    staff_id = mover_id(source)
    signer = _granted_signer(conn, source, main, staff_id)
    try:
        event_id = append_as_owner(
            conn, main, actor_id=staff_id, action=AuditAction.TEAM_MOVED_IN,
            target_kind="team", target_id=schema.centre_id(conn),
            detail=f"vault {source.vault_id} moved into the team: "
                   f"{sum(t.vault_rows for t in results)} rows in {len(results)} tables, "
                   "row counts and content hashes checked", signer=signer)
    finally:
        if signer is not None:
            signer.wipe()
    return None if signer is not None else f"audit event {event_id} is not signed"


def _copy_table(conn: Conn, source: VaultSource, mapper: _Mapper, table: TeamTable,
                ciphers: dict[str, FieldCipher]) -> TableResult:
    began = time.perf_counter()
    plain, full = TableHash(), TableHash()
    copy_sql = sql.SQL("COPY {}.{} ({}) FROM STDIN").format(
        sql.Identifier(table.schema), sql.Identifier(table.name),
        sql.SQL(", ").join(sql.Identifier(c.name) for c in table.columns))
    with conn.cursor() as cursor, cursor.copy(copy_sql) as copy:
        for row in _server_rows(source, mapper, table, ciphers, plain, full):
            copy.write_row(row)
    if table.identity:
        conn.execute(sql.SQL(
            "SELECT setval(pg_get_serial_sequence({name}, {column}), max({ident})) "
            "FROM {schema}.{table} HAVING count(*) > 0").format(
            name=sql.Literal(table.qualified), column=sql.Literal(table.identity),
            ident=sql.Identifier(table.identity), schema=sql.Identifier(table.schema),
            table=sql.Identifier(table.name)))
    count_row = conn.execute(sql.SQL("SELECT count(*) FROM {}.{}").format(
        sql.Identifier(table.schema), sql.Identifier(table.name))).fetchone()
    server_rows = int(count_row[0]) if count_row else -1
    if server_rows != plain.rows:
        raise MoveNotVerified(table=table.qualified,
                              what=f"{plain.rows} rows in the vault, {server_rows} on the server")
    on_server = server_plain_hash(conn, table)
    if on_server != plain.hexdigest():
        raise MoveNotVerified(table=table.qualified, what="the plain columns' hash differs")
    back = _read_back(conn, table, ciphers)
    if back.hexdigest() != full.hexdigest():
        raise MoveNotVerified(table=table.qualified, what="the content hash differs")
    return TableResult(table.qualified, plain.rows, server_rows, on_server, back.hexdigest(),
                       time.perf_counter() - began)


