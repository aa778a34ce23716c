"""Row-level security on every table of team migration 2, from plain psycopg
sessions as each role, on the small demo centre moved in with `team migrate`:
what the services hide, the server refuses. The expected rows are worked out
from the vault itself."""

from __future__ import annotations

import itertools
import shutil
from datetime import UTC, datetime

import psycopg
import pytest

from peerdesk.services.demo import DEMO_LEAD, DEMO_PASSWORD
from peerdesk.storage.paths import VaultPaths
from peerdesk.storage.repositories.audit import _digest
from peerdesk.storage.team import schema
from peerdesk.storage.team.audit import verify_chain
from peerdesk.storage.team.connection import ConnectionFile, connect
from peerdesk.storage.team.move import ciphers_for, move_vault
from peerdesk.storage.team.staff import scram_verifier
from peerdesk.storage.team.vault_source import open_read_only

SETUP, SETUP_PASSWORD = "rls_setup", "rls setup pw"
# Demo staff ids: the administrator, the programme lead, a caseworker, and two
# peer supporters (7 keeps a journal; 8 supervises and is shared two entries).
PEOPLE = {"admin": 1, "lead": 2, "caseworker": 3, "supporter": 7, "supervisor": 8}
_numbers = itertools.count(1)


class Centre:
    def __init__(self, server, database, expected, ciphers):
        self.server, self.database, self.expected, self.ciphers = (server, database, expected,
                                                                    ciphers)

    def connect(self, who: str, **kwargs: object) -> psycopg.Connection:
        return self.server.connect(self.database, user=f"{self.database}_s{PEOPLE[who]}",
                                   password=f"pw {who}", **kwargs)


def _expected(source) -> dict[str, int]:
    """What each person may see, by the vault's own data and the services' rules."""
    q = {
        "peers": "SELECT count(*) FROM peer",
        "consents": "SELECT count(*) FROM consent",
        # The vault's log, and the move's own event chained after it.
        "audit": "SELECT count(*) + 1 FROM audit_event",
        "notes_all": "SELECT count(*) FROM supervision_session WHERE notes_sealed IS NOT NULL",
        "supporters": "SELECT count(*) FROM supporter",
        "modules": "SELECT count(*) FROM course_module",
        "module_links": "SELECT count(*) FROM module_competency",
        "module_done": "SELECT count(*) FROM module_completion",
        "s7_module_done": "SELECT count(*) FROM module_completion WHERE supporter_id = "
                          "(SELECT id FROM supporter WHERE staff_id = 7)",
        "s8_module_done": "SELECT count(*) FROM module_completion WHERE supporter_id = "
                          "(SELECT id FROM supporter WHERE staff_id = 8)",
        "pairs": "SELECT count(*) FROM mentoring_pair",
        "s7_peers": "SELECT count(*) FROM peer WHERE 7 IN (caseworker_id, supporter_id)",
        "s7_consents": "SELECT count(*) FROM consent WHERE peer_id IN (SELECT id FROM peer "
                       "WHERE 7 IN (caseworker_id, supporter_id))",
        "s7_referrals": "SELECT count(*) FROM referral WHERE peer_id IN (SELECT id FROM peer "
                        "WHERE 7 IN (caseworker_id, supporter_id))",
        "s7_ratings": "SELECT count(*) FROM rating WHERE peer_id IN (SELECT id FROM peer "
                      "WHERE 7 IN (caseworker_id, supporter_id))",
        "s7_groups": "SELECT count(*) FROM group_facilitator WHERE staff_id = 7",
        "s7_meetings": "SELECT count(*) FROM meeting WHERE group_id IN (SELECT group_id FROM "
                       "group_facilitator WHERE staff_id = 7) OR id IN (SELECT meeting_id "
                       "FROM meeting_facilitator WHERE staff_id = 7)",
        "s7_contacts": "SELECT count(*) FROM anonymous_contact WHERE peer_id IS NULL OR "
                       "peer_id IN (SELECT id FROM peer WHERE 7 IN (caseworker_id, "
                       "supporter_id))",
        # Their own contacts' notes, but not of one who has since become a peer
        # assigned to someone else (services/listening.py checks the peer first).
        "s7_contact_notes": "SELECT count(*) FROM contact_note WHERE contact_id IN (SELECT id "
                            "FROM anonymous_contact WHERE taken_by = 7 AND (peer_id IS NULL "
                            "OR peer_id IN (SELECT id FROM peer WHERE 7 IN (caseworker_id, "
                            "supporter_id))))",
        "s7_journal": "SELECT count(*) FROM journal_entry WHERE 7 IN (author_id, "
                      "coalesce(shared_with, 0))",
        "s7_hours": "SELECT count(*) FROM hours_entry WHERE supporter_id = (SELECT id FROM "
                    "supporter WHERE staff_id = 7)",
        "s8_journal": "SELECT count(*) FROM journal_entry WHERE 8 IN (author_id, "
                      "coalesce(shared_with, 0))",
        "s8_notes": "SELECT count(*) FROM supervision_session WHERE notes_sealed IS NOT NULL "
                    "AND supervisor_id = (SELECT id FROM supporter WHERE staff_id = 8)",
    }
    return {name: int(source.scalar(sql)) for name, sql in q.items()}


@pytest.fixture(scope="module")
def centre(pg_server, demo_template, tmp_path_factory):
    folder = tmp_path_factory.mktemp("moved")
    shutil.copytree(demo_template, folder / "demo")
    paths = VaultPaths.at(folder / "demo" / "demo.peerdesk")
    database = f"rls{next(_numbers)}"
    with pg_server.connect(autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (SETUP,)).fetchone():
            conn.execute(f"CREATE ROLE {SETUP} LOGIN CREATEROLE PASSWORD '{SETUP_PASSWORD}'")
        conn.execute(f'CREATE DATABASE "{database}" OWNER {SETUP}')
    info = ConnectionFile(host=str(pg_server.socket_dir), port=pg_server.port, database=database)
    with open_read_only(paths, DEMO_LEAD, DEMO_PASSWORD) as source, \
            connect(info, SETUP, SETUP_PASSWORD, autocommit=True) as conn:
        schema.migrate(conn)
        move_vault(conn, source)
        expected = _expected(source)
        ciphers = ciphers_for(source)
        for who, staff_id in PEOPLE.items():
            conn.execute("SELECT main.enable_staff_login(%s, %s)",
                         (staff_id, scram_verifier(f"pw {who}")))
    yield Centre(pg_server, database, expected, ciphers)
    with pg_server.connect(autocommit=True) as conn:
        conn.execute(f'DROP DATABASE "{database}" WITH (FORCE)')


def count(conn, table: str) -> int:
    return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def refused(conn, table: str) -> bool:
    try:
        with conn.transaction():
            conn.execute(f"SELECT 1 FROM {table} LIMIT 1")
    except psycopg.errors.InsufficientPrivilege:
        return True
    return False


def test_a_programme_lead_sees_all_casework_the_audit_log_and_supervision_notes(centre):
    e = centre.expected
    with centre.connect("lead") as conn:
        assert count(conn, "casework.peer") == e["peers"] == 300
        assert count(conn, "casework.consent") == e["consents"]
        assert count(conn, "casework.mentoring_pair") == e["pairs"]
        assert count(conn, "main.audit_event") == e["audit"]
        assert count(conn, "main.supervision_note") == e["notes_all"] > 0
        assert not refused(conn, "casework.report_release")
        # Not other people's journals, whatever the role.
        assert count(conn, "main.journal_entry") == 0


def test_a_caseworker_sees_all_peers_but_not_releases_audit_or_supervision_notes(centre):
    e = centre.expected
    with centre.connect("caseworker") as conn:
        assert count(conn, "casework.peer") == e["peers"]
        assert count(conn, "casework.consent") == e["consents"]
        assert count(conn, "casework.mentoring_pair") == e["pairs"]
        for table in ("casework.report_release", "main.audit_event"):
            assert refused(conn, table), table
        assert count(conn, "main.supervision_note") == 0
        assert count(conn, "main.journal_entry") == 0
        assert count(conn, "main.supporter") == 0  # no supporter record of their own


def test_a_peer_supporter_sees_only_their_peers_groups_and_own_notes(centre):
    e = centre.expected
    with centre.connect("supporter") as conn:
        assert count(conn, "casework.peer") == e["s7_peers"] > 0
        assert count(conn, "casework.consent") == e["s7_consents"] < e["consents"]
        assert count(conn, "casework.referral") == e["s7_referrals"]
        assert count(conn, "casework.rating") == e["s7_ratings"]
        assert count(conn, "casework.peer_group") == e["s7_groups"] > 0
        assert count(conn, "casework.meeting") == e["s7_meetings"]
        assert count(conn, "casework.anonymous_contact") == e["s7_contacts"]
        assert count(conn, "casework.contact_note") == e["s7_contact_notes"] > 0
        assert count(conn, "main.journal_entry") == e["s7_journal"] > 0
        assert count(conn, "main.hours_entry") == e["s7_hours"] > 0
        assert count(conn, "main.supporter") == 1
        assert count(conn, "main.supervision_note") == 0
        for table in ("casework.mentoring_pair", "casework.consultation", "casework.feedback",
                      "casework.quote", "casework.report_release", "main.audit_event"):
            assert refused(conn, table), table


def test_a_supervisor_reads_the_notes_of_their_supervisions_and_journals_shared_with_them(
        centre):
    e = centre.expected
    with centre.connect("supervisor", autocommit=True) as conn:
        assert count(conn, "main.supervision_note") == e["s8_notes"] > 0
        assert count(conn, "main.journal_entry") == e["s8_journal"]
        # A shared entry is read, never changed, by the one it is shared with.
        changed = conn.execute("UPDATE main.journal_entry SET written_on = written_on "
                               "WHERE author_id <> 8")
        assert changed.rowcount == 0


def test_an_administrator_has_no_casework_and_no_one_elses_notes(centre):
    e = centre.expected
    with centre.connect("admin") as conn:
        for table in ("casework.consent", "casework.anonymous_contact", "casework.draft",
                      "casework.attendance"):
            assert refused(conn, table), table
        assert count(conn, "main.supervision_note") == 0
        assert count(conn, "main.journal_entry") == 0
        assert count(conn, "main.audit_event") == e["audit"]
        assert count(conn, "main.supporter") == e["supporters"]


def test_a_peer_supporter_cant_write_outside_their_own(centre):
    with centre.connect("supporter", autocommit=True) as conn:
        theirs = conn.execute("SELECT id FROM casework.peer LIMIT 1").fetchone()[0]
        with centre.connect("lead") as lead:
            other = lead.execute("SELECT id FROM casework.peer WHERE supporter_id IS DISTINCT "
                                 "FROM 7 AND caseworker_id IS DISTINCT FROM 7 LIMIT 1"
                                 ).fetchone()[0]
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("INSERT INTO casework.consent (id, peer_id, scope, given_on) VALUES "
                         "(gen_random_uuid(), %s, 'contact', '2026-01-01')", (other,))
        conn.execute("INSERT INTO casework.consent (id, peer_id, scope, given_on) VALUES "
                     "(gen_random_uuid(), %s, 'contact', '2026-01-01')", (theirs,))
        changed = conn.execute("UPDATE casework.anonymous_contact SET minutes = 1 "
                               "WHERE taken_by <> 7")
        assert changed.rowcount == 0
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("INSERT INTO casework.anonymous_contact (id, contacted_on, "
                         "contacted_time, channel, minutes, taken_by) VALUES "
                         "(gen_random_uuid(), '2026-01-01', '10:00', 'phone', 5, 3)")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("DELETE FROM casework.attendance")


def test_the_audit_log_is_append_only_and_chains_across_clients(centre):
    main = centre.ciphers["main"]
    with centre.connect("lead", autocommit=True) as conn:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("UPDATE main.audit_event SET action = 'x'")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("DELETE FROM main.audit_event")
    with centre.connect("caseworker", autocommit=True) as conn:
        head_id, head_hash = conn.execute("SELECT * FROM main.audit_head()").fetchone()
        at = datetime.now(UTC).isoformat(timespec="seconds")
        detail = "opened the caseload"
        digest = _digest(bytes(head_hash), head_id + 1, at, PEOPLE["caseworker"], "viewed",
                         "caseload", "", detail)
        sealed = main.seal("audit_event", "detail", str(head_id + 1), detail)
        # An event chained to an old head is refused: the chain never forks.
        with pytest.raises(psycopg.errors.SerializationFailure):
            conn.execute("SELECT main.append_audit_event(%s, 'viewed', 'caseload', '', %s, "
                         "%s, %s, NULL, NULL)", (at, sealed, bytes(32), digest))
        new_id = conn.execute("SELECT main.append_audit_event(%s, 'viewed', 'caseload', '', "
                              "%s, %s, %s, NULL, NULL)",
                              (at, sealed, bytes(head_hash), digest)).fetchone()[0]
        assert new_id == head_id + 1
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("SELECT * FROM main.audit_event")
    with centre.connect("lead") as conn:
        report = verify_chain(conn, main)
    # Read back by another client: in order, every hash and link intact; the
    # one event this test didn't sign is named.
    assert report.events == centre.expected["audit"] + 1
    assert report.problems == [f"audit event {new_id} is not signed"]


def test_the_move_is_the_last_event_moved_in_signed_by_the_programme_lead(centre):
    """`team migrate` records itself on the chain it moved in, as the programme
    lead who ran it, signed with their granted key (the chain's check above
    names no problem with it), with counts only."""
    main = centre.ciphers["main"]
    with centre.server.connect(centre.database) as conn:
        moves = conn.execute("SELECT id, actor_id, target_kind, target_id, detail, signature "
                             "FROM main.audit_event WHERE action = 'team_moved_in'").fetchall()
        centre_id = conn.execute("SELECT centre_id::text FROM main.centre").fetchone()[0]
    [(event_id, actor, kind, target, sealed, signature)] = moves
    # The last of what was moved in: the vault's events come first.
    assert event_id == centre.expected["audit"]
    assert (actor, kind, target) == (PEOPLE["lead"], "team", centre_id)
    assert signature is not None
    detail = main.open("audit_event", "detail", str(event_id), sealed)
    assert detail.startswith("vault ") and "rows in" in detail


def test_course_modules_are_the_registers_keepers_and_each_supporters_own(centre):
    """Team migration 6, as the course and training tables of migration 2: the
    lists to everyone signed in, completions to the register's keepers (an
    administrator, a programme lead) and each supporter's own."""
    e = centre.expected
    assert e["modules"] > 0 and e["module_done"] > e["s7_module_done"] + e["s8_module_done"]
    assert e["s7_module_done"] + e["s8_module_done"] > 0
    for who in ("admin", "lead"):
        with centre.connect(who) as conn:
            assert count(conn, "main.course_module") == e["modules"]
            assert count(conn, "main.module_competency") == e["module_links"]
            assert count(conn, "main.module_completion") == e["module_done"]
    with centre.connect("caseworker") as conn:
        assert count(conn, "main.course_module") == e["modules"]
        assert count(conn, "main.module_completion") == 0  # no supporter record
    with centre.connect("supervisor") as conn:
        assert count(conn, "main.module_completion") == e["s8_module_done"]
    with centre.connect("supporter", autocommit=True) as conn:
        assert count(conn, "main.course_module") == e["modules"]
        assert count(conn, "main.module_completion") == e["s7_module_done"]
        # Reading the list is not keeping it.
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("UPDATE main.course_module SET retired = true")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("INSERT INTO main.module_completion (supporter_id, module_id, "
                         "completed_on) VALUES (main.own_supporter_id(), (SELECT min(id) "
                         "FROM main.course_module), '2026-01-05')")
