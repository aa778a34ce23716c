"""What a host with a database superuser's access sees: no name, no note.

Canary names go in through the client path (storage/team/casework.py) as a
caseworker would write them; then, as the server's superuser, `pg_dump` of the
whole database and a SELECT of every row of every table (the catalogue's
excepted) must not show any of them: not as text, not as the bytes of a bytea
column, not in the server's statement log.
"""

from __future__ import annotations

import os
import subprocess
import uuid
from datetime import date

import psycopg
import pytest
from psycopg import sql

from peerdesk.storage.team.casework import (
    SEALED_COLUMNS,
    TeamCasework,
    TeamPeer,
    TeamSafeContact,
    TeamSession,
)
from peerdesk.storage.team.fieldcrypt import FieldCipher
from peerdesk.storage.team.staff import create_staff_login
from peerdesk.storage.team.tables import sealed_columns

# Held out: nothing else in the test centre contains these.
CANARIES = {
    "preferred_name": "Quennarix",
    "full_name": "Quennarix Vellothorpe",
    "gender_description": "Zyndral-fluid",
    "closed_reason": "moved to Brackwhistle",
    "safe_times": "after Plimbury o'clock",
    "code_word": "Marzipantheon",
    "other": "ring Osgrelda first",
    "notes": "told me about Fennimoravia",
    "next_steps": "call Dravvenholt shelter",
    "staff": "Wilhelmina Thrushcombe",
}
# Written into a vault that `team migrate` then moves onto the server.
MOVED_CANARIES = {
    ("peer", "preferred_name", "id = 1"): "Ysoldravine",
    ("peer", "full_name", "id = 1"): "Ysoldravine Kettlebarrow",
    ("safe_contact", "code_word", "peer_id = 1"): "Crumpetorium",
    ("one_to_one_note", "notes", "rowid = (SELECT min(rowid) FROM one_to_one_note)"):
        "spoke about Hollowmere Street",
    ("contact_note", "notes", "rowid = (SELECT min(rowid) FROM contact_note)"):
        "caller from Quillbottom Lane",
    ("known_caller", "nickname", "id = (SELECT min(id) FROM known_caller)"): "Zephyrandine",
    ("callback_reach", "reach", "rowid = (SELECT min(rowid) FROM callback_reach)"):
        "07700 900461 Pemberglass",
    ("quote", "words", "id = (SELECT min(id) FROM quote)"): "Thistlewick changed my life",
    ("consultation", "said", "id = (SELECT min(id) FROM consultation)"):
        "Marrowdene asked for evenings",
    ("feedback", "comments", "id = (SELECT min(id) FROM feedback)"): "thanks to Glimmerholt",
    ("meeting", "notes", "id = (SELECT min(id) FROM meeting)"): "Brindlewhisk led it",
    ("referral", "destination_name", "id = (SELECT min(id) FROM referral)"):
        "Oakhaven Vexmoor Clinic",
    ("supporter", "preferred_name", "id = (SELECT min(id) FROM supporter)"): "Fennodrake",
    ("staff", "name", "id = 3"): "Priya Quorvantley",
}
CANARIES.update({f"moved {i}": word for i, word in enumerate(MOVED_CANARIES.values())})


def _forms(word: str) -> list[bytes]:
    """How a word could show: as text, and as the hex pg_dump and psql print bytea in."""
    raw = word.encode("utf-8")
    return [raw, raw.lower(), raw.hex().encode("ascii")]


def _leaks(blob: bytes) -> list[str]:
    lowered = blob.lower()
    return [word for word in CANARIES.values()
            if any(form.lower() in lowered for form in _forms(word))]


def _write_canaries(centre) -> None:
    cipher = FieldCipher(centre.casework_key, compartment="casework")
    peer = TeamPeer(id=uuid.uuid4(), ref_number=42, preferred_name=CANARIES["preferred_name"],
                    full_name=CANARIES["full_name"], first_contact=date(2026, 2, 3),
                    contact_route="phone", gender="self_described",
                    gender_description=CANARIES["gender_description"], status="closed",
                    closed_on=date(2026, 9, 1), closed_reason=CANARIES["closed_reason"],
                    caseworker_id=centre.staff_ids["caseworker"])
    with centre.connect("caseworker") as conn:
        store = TeamCasework(conn, cipher)
        store.add_peer(peer)
        store.set_safe_contact(TeamSafeContact(peer.id, calls_ok=True,
                                               safe_times=CANARIES["safe_times"],
                                               code_word=CANARIES["code_word"],
                                               other=CANARIES["other"]))
        store.add_session(TeamSession(uuid.uuid4(), peer.id, centre.staff_ids["caseworker"],
                                      date(2026, 3, 1), 45, "phone", "peer_support",
                                      notes=CANARIES["notes"],
                                      next_steps=CANARIES["next_steps"]))
        conn.commit()
        # What the client reads back is the text itself: the encryption is real.
        assert store.peer(peer.id).full_name == CANARIES["full_name"]
    with centre.connect("admin", autocommit=True) as conn:
        create_staff_login(conn, FieldCipher(centre.main_key, compartment="main"),
                           f"{centre.database}_s77", ["caseworker"], "pw for the canary",
                           CANARIES["staff"])


def _every_row(conn: psycopg.Connection) -> bytes:
    """Every row of every table outside the catalogue, as text and raw bytes."""
    tables = conn.execute(
        "SELECT schemaname, tablename FROM pg_tables "
        "WHERE schemaname NOT IN ('pg_catalog', 'information_schema')").fetchall()
    assert ("casework", "peer") in tables
    out = []
    for schema_name, table in tables:
        for row in conn.execute(sql.SQL("SELECT * FROM {}.{}").format(
                sql.Identifier(schema_name), sql.Identifier(table))):
            for value in row:
                out.append(bytes(value) if isinstance(value, (bytes, memoryview))
                           else str(value).encode("utf-8"))
    return b"\n".join(out)


def _pg_dump(centre) -> bytes:
    server = centre.server
    pg_dump = server.program("pg_dump")
    if not pg_dump.is_file():
        pytest.skip(f"no pg_dump beside initdb in {server.bin_dir}")
    done = subprocess.run(
        [str(pg_dump), "--host", str(server.socket_dir), "--port", str(server.port),
         "--username", server.superuser, "--no-password", centre.database],
        capture_output=True, check=True, env={**os.environ, "PGPASSWORD": server.password})
    return done.stdout


def test_a_superuser_reads_no_canary_in_any_table_in_pg_dump_or_in_the_log(team_centre):
    log_from = team_centre.server.log.stat().st_size
    _write_canaries(team_centre)
    with team_centre.superuser() as conn:
        rows = _every_row(conn)
        sealed = conn.execute("SELECT count(*) FROM casework.peer").fetchone()[0]
    assert sealed == 1
    dump = _pg_dump(team_centre)
    assert b"COPY casework.peer" in dump and b"COPY casework.one_to_one_note" in dump
    assert _leaks(rows) == []
    assert _leaks(dump) == []
    with team_centre.server.log.open("rb") as log:
        log.seek(log_from)
        written = log.read()
    assert b"INSERT INTO casework.peer" in written  # every statement is logged
    assert _leaks(written) == []


def test_the_scan_finds_a_canary_written_in_the_clear(team_centre):
    """The check above can fail: a name stored as text or as bytea is found."""
    with team_centre.superuser(autocommit=True) as conn:
        conn.execute("CREATE TABLE public.clear (name text, raw bytea)")
        conn.execute("INSERT INTO public.clear VALUES (%s, %s)",
                     (CANARIES["code_word"], CANARIES["notes"].encode()))
        assert set(_leaks(_every_row(conn))) == {CANARIES["code_word"], CANARIES["notes"]}
    assert set(_leaks(_pg_dump(team_centre))) == {CANARIES["code_word"], CANARIES["notes"]}


def test_the_server_refuses_plain_text_in_a_sealed_column(team_centre):
    """A client bug that sent a name unsealed is refused, not stored."""
    with team_centre.connect("caseworker") as conn, \
            pytest.raises(psycopg.errors.CheckViolation):
        conn.execute(
            "INSERT INTO casework.peer (id, ref_number, preferred_name, full_name, "
            "gender_description, closed_reason, contact_route, first_contact) VALUES "
            "(%s, 7, %s, %s, %s, %s, 'phone', '2026-01-01')",
            (uuid.uuid4(), *(word.encode() * 8 for word in list(CANARIES.values())[:4])))


def test_every_sealed_column_is_of_the_sealed_type_on_the_server(team_centre):
    with team_centre.superuser() as conn:
        found = {(row[0], row[1]) for row in conn.execute(
            "SELECT table_name, column_name FROM information_schema.columns "
            "WHERE domain_schema = 'main' AND domain_name = 'sealed' "
            "AND table_schema = 'casework'")}
    assert found == sealed_columns("casework")
    assert {(table, column) for table, columns in SEALED_COLUMNS.items()
            for column in columns} <= found


def test_a_sealed_value_moved_to_another_row_does_not_open(team_centre):
    """A host swapping two peers' names gets a refusal, not a wrong name shown."""
    cipher = FieldCipher(team_centre.casework_key, compartment="casework")
    first = TeamPeer(uuid.uuid4(), 1, "Aster", date(2026, 1, 1), "phone")
    second = TeamPeer(uuid.uuid4(), 2, "Birch", date(2026, 1, 2), "phone")
    with team_centre.connect("caseworker") as conn:
        store = TeamCasework(conn, cipher)
        store.add_peer(first)
        store.add_peer(second)
        conn.commit()
    with team_centre.superuser(autocommit=True) as conn:
        conn.execute("UPDATE casework.peer SET preferred_name = (SELECT preferred_name FROM "
                     "casework.peer WHERE id = %s) WHERE id = %s", (second.id, first.id))
    from peerdesk.storage.team.fieldcrypt import SealedValueError

    with team_centre.connect("caseworker") as conn, pytest.raises(SealedValueError):
        TeamCasework(conn, cipher).peer(first.id)


def test_a_moved_vault_leaves_no_canary_readable_to_the_superuser(pg_server, team_db, demo_vault):
    """`team migrate` of a vault holding canaries in every kind of identifying
    column: as the server's superuser, no table, no pg_dump and no log line
    shows one (and the client reads them back: they are really there)."""
    from types import SimpleNamespace

    from peerdesk.services.demo import DEMO_LEAD, DEMO_PASSWORD
    from peerdesk.storage.team import schema
    from peerdesk.storage.team.connection import ConnectionFile, connect
    from peerdesk.storage.team.move import ciphers_for, move_vault
    from peerdesk.storage.team.vault_source import open_read_only
    from peerdesk.storage.vault import LockedVault

    locked = LockedVault.open(demo_vault)
    vault = locked.unlock(DEMO_LEAD, DEMO_PASSWORD)
    try:
        for (table, column, where), word in MOVED_CANARIES.items():
            changed = vault.db.execute(f"UPDATE {table} SET {column} = ? WHERE {where}",
                                       (word,))
            assert changed.rowcount == 1, table
    finally:
        vault.close()
        locked.release()
    log_from = pg_server.log.stat().st_size
    info = ConnectionFile(host=str(pg_server.socket_dir), port=pg_server.port,
                          database=team_db)
    with open_read_only(demo_vault, DEMO_LEAD, DEMO_PASSWORD) as source, \
            connect(info, pg_server.superuser, pg_server.password, autocommit=True) as conn:
        schema.migrate(conn)
        move_vault(conn, source)
        casework = ciphers_for(source)["casework"]
        with conn.transaction():
            conn.execute("ALTER TABLE casework.peer NO FORCE ROW LEVEL SECURITY")
            peer_id, sealed = conn.execute(
                "SELECT id, full_name FROM casework.peer WHERE ref_number = "
                "(SELECT min(ref_number) FROM casework.peer)").fetchone()
            conn.execute("ALTER TABLE casework.peer FORCE ROW LEVEL SECURITY")
        assert casework.open("peer", "full_name", str(peer_id), sealed) == \
            "Ysoldravine Kettlebarrow"
    with pg_server.connect(team_db) as conn:
        rows = _every_row(conn)
    dump = _pg_dump(SimpleNamespace(server=pg_server, database=team_db))
    assert b"COPY casework.contact_note" in dump and b"COPY main.supporter" in dump
    assert _leaks(rows) == []
    assert _leaks(dump) == []
    with pg_server.log.open("rb") as log:
        log.seek(log_from)
        assert _leaks(log.read()) == []
