"""New peers' reference numbers given by the team server (team migration 14):
unique across PCs adding at once, and whatever the login adding them may see."""

from __future__ import annotations

import threading
from datetime import date

from peerdesk.domain.audit import AuditAction
from peerdesk.domain.peer import ContactRoute, PeerDraft
from peerdesk.domain.safe_contact import SafeContact
from peerdesk.services.casework_store import TeamStore
from tests.team.test_migrate import SETUP, SETUP_PASSWORD, team  # noqa: F401 - a fixture

PER_DESK = 15
# More peers than the PCs' old way of choosing a number would try past (50).
HIDDEN = 60


def _draft(name: str, **kwargs: object) -> PeerDraft:
    return PeerDraft(preferred_name=name, first_contact=date(2026, 3, 1),
                     contact_route=ContactRoute.WALK_IN, **kwargs)


def _numbers(centre) -> dict[str, int]:
    """Every peer's number by name, as the server holds them (a superuser's read)."""
    with centre.server.connect(centre.database) as conn:
        ids = dict(conn.execute("SELECT id, ref_number FROM casework.peer").fetchall())
    lead = centre.sign_in("lead", centre.connection_file.parent / "reader")
    try:
        return {p.preferred_name: ids[p.id] for p in lead.peers()}
    finally:
        lead.close()


def test_two_desks_adding_at_once_get_distinct_numbers(joined_centre, tmp_path):
    desks = [joined_centre.sign_in(who, tmp_path / who)
             for who in ("caseworker", "other_caseworker")]
    start = threading.Barrier(len(desks))
    failures: list[BaseException] = []

    def add_many(desk, who: str) -> None:
        store = TeamStore(desk)
        try:
            start.wait()
            for n in range(PER_DESK):
                store.add(_draft(f"{who} {n}"))
        except BaseException as exc:  # reported below
            failures.append(exc)

    threads = [threading.Thread(target=add_many, args=(desk, f"Desk{i}"))
               for i, desk in enumerate(desks)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    for desk in desks:
        desk.close()
    assert failures == []
    numbers = _numbers(joined_centre)
    assert len(numbers) == 2 * PER_DESK
    # Each once, from 1 up, none skipped: no PC chose a number another had taken.
    assert sorted(numbers.values()) == list(range(1, 2 * PER_DESK + 1))


def test_a_peer_supporter_gets_a_number_above_peers_they_cannot_see(joined_centre, tmp_path):
    lead = joined_centre.sign_in("lead", tmp_path / "lead")
    store = TeamStore(lead)
    for n in range(HIDDEN):
        store.add(_draft(f"Hidden {n}"))            # nobody's supporter: not theirs to see
    lead.close()
    supporter = joined_centre.sign_in("supporter", tmp_path / "supporter")
    store = TeamStore(supporter)
    assert supporter.peers() == []
    mine = store.add(_draft("Damson"))
    # Added with themselves as supporter, so they see them, numbered after the rest
    # (a PC choosing from what it sees would have tried 1, 2, ... and given up).
    assert [row.ref for row in store.rows([mine])] == [f"P-{HIDDEN + 1:04d}"]
    assert [p.preferred_name for p in supporter.peers()] == ["Damson"]
    supporter.close()
    numbers = _numbers(joined_centre)
    assert numbers["Damson"] == HIDDEN + 1
    assert sorted(numbers.values()) == list(range(1, HIDDEN + 2))


def test_the_sequence_starts_above_numbers_already_on_the_server(pg_server, team):  # noqa: F811
    """A server set up before team migration 14 had peers numbered by the PCs: the
    migration, run by the set-up account (held to the tables' row security),
    starts the sequence above the highest of them."""
    from peerdesk.storage.team.schema import load_migrations, render

    database, _file = team
    sealed = "decode('01' || repeat('00', 64), 'hex')"
    with pg_server.connect(database, autocommit=True) as conn:   # as the host could
        conn.execute("INSERT INTO casework.peer (id, ref_number, preferred_name, full_name, "
                     "gender_description, contact_route, first_contact, closed_reason) "
                     f"VALUES (gen_random_uuid(), 41, {sealed}, {sealed}, {sealed}, "
                     f"'walk_in', '2026-03-01', {sealed})")
    migration = next(m for m in load_migrations() if m.version == 14)
    with pg_server.connect(database, user=SETUP, password=SETUP_PASSWORD) as conn:
        assert conn.execute("SELECT count(*) FROM casework.peer").fetchone()[0] == 0  # FORCE
        # The schema as it was before migration 14, then migration 14 again.
        conn.execute("ALTER TABLE casework.peer ALTER COLUMN ref_number DROP DEFAULT")
        conn.execute("DROP SEQUENCE casework.peer_ref_number_seq")
        conn.execute(render(migration.sql, database).encode("utf-8"))
        assert conn.execute("SELECT nextval('casework.peer_ref_number_seq')"
                            ).fetchone()[0] == 42
        forced = conn.execute("SELECT relforcerowsecurity FROM pg_class "
                              "WHERE oid = 'casework.peer'::regclass").fetchone()[0]
        assert forced


def test_a_peer_added_offline_waits_then_lands_once_numbered_by_the_server(
        joined_centre, tmp_path):
    desk = joined_centre.sign_in("caseworker", tmp_path / "caseworker")
    store = TeamStore(desk)
    store.add(_draft("Elm"))
    joined_centre.server.stop()
    try:
        fern = store.add(_draft("Fern", full_name="Fern Q Offline"),
                         safe_contact=SafeContact(texts_ok=True, code_word="wren"))
        assert desk.waiting() == 1
        # Found in this PC's cache meanwhile (by either name), without a number yet.
        assert store.find("offline") == [fern]
        assert [row.ref for row in store.rows([fern])] == ["Number given when sent"]
    finally:
        joined_centre.server.start()
    assert desk.send_waiting().sent == 1
    # As if the connection dropped after the server committed, before this PC
    # marked it sent: sent again, the server keeps the first.
    with desk.outbox().db.transaction():
        desk.outbox().db.execute("UPDATE outbox SET sent_at = NULL")
    again = desk.send_waiting()
    assert (again.sent, again.already_there, again.left) == (0, 1, 0)
    opened = store.open(fern)
    assert opened.record.ref == "P-0002"
    assert (opened.safe_contact.texts_ok, opened.safe_contact.code_word) == (True, "wren")
    desk.refresh_cache()
    assert [row.ref for row in store.rows([fern])] == ["P-0002"]
    desk.close()
    with joined_centre.server.connect(joined_centre.database) as conn:
        assert conn.execute("SELECT count(*) FROM casework.peer").fetchone()[0] == 2
        actions = [a for (a,) in conn.execute(
            "SELECT action FROM main.audit_event WHERE target_id = %s ORDER BY id",
            (str(fern),)).fetchall()]
    assert actions.count(AuditAction.CREATED.value) == 1
    assert actions.count(AuditAction.CHANGED.value) == 1          # the safe-contact details
