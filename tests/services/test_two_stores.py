"""The casework core's service tests, run against both stores: the SQLite vault
and the team server (issue 18; services/casework_store.py).

One suite, parametrised by the `world` fixture ("vault" / "team"). The team
world is a throwaway PostgreSQL cluster with a joined centre, made as
tests/team makes it: skipped when no PostgreSQL 15+ is installed, failed
then under PEERDESK_REQUIRE_POSTGRES=1.
"""

from __future__ import annotations

import contextlib
import secrets
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from peerdesk.domain.audit import AuditAction
from peerdesk.domain.errors import PermissionDenied
from peerdesk.domain.one_to_one import SessionKind, SessionMode
from peerdesk.domain.peer import PeerDraft, PeerStatus
from peerdesk.domain.safe_contact import SafeContact
from peerdesk.services import access
from peerdesk.services.casework_store import (
    OWN_SESSIONS_ONLY,
    CaseworkStore,
    NewSession,
    TeamStore,
    VaultStore,
)
from peerdesk.services.session import Session
from peerdesk.storage.paths import VaultPaths
from tests.fixtures.vaults import ADMIN_NAME, close, sign_in

TODAY = date(2026, 11, 22)
# Who the scenarios need, and their accounts in each world.
VAULT_NAMES = {"admin": ADMIN_NAME, "lead": "Lee Lead", "caseworker": "Cal Worker",
               "supporter": "Pia Peer"}


@dataclass
class World:
    """One store's world: a store per person, their staff ids, and the peer's
    audit trail as the store's own log holds it."""

    kind: str
    staff_ids: dict[str, int]
    _as: Any
    _audit: Any
    _opened: list[Any] = field(default_factory=list)

    def store(self, who: str) -> CaseworkStore:
        store: CaseworkStore = self._as(who)
        return store

    def audit_for(self, peer_id: object) -> list[tuple[AuditAction, str]]:
        """(action, detail) of every event about the peer, oldest first."""
        found: list[tuple[AuditAction, str]] = self._audit(peer_id)
        return found


@contextlib.contextmanager
def _vault_world(paths: VaultPaths) -> Iterator[World]:
    from peerdesk.storage.repositories import audit as audit_repo
    from peerdesk.storage.repositories import staff as staff_repo

    current: list[Session] = []

    def signed_in(who: str) -> Session:
        # One PeerDesk, one signed-in person: the last one signs out first.
        if current and current[0].staff.name == VAULT_NAMES[who]:
            return current[0]
        if current:
            close(current.pop())
        current.append(sign_in(paths, VAULT_NAMES[who]))
        return current[0]

    lead = signed_in("lead")
    ids = {s.name: s.id for s in staff_repo.list_all(lead.db)}

    def audit(peer_id: object) -> list[tuple[AuditAction, str]]:
        # Read straight from the log (whoever is signed in), not through a
        # service: reading it as a service would switch people.
        db = current[0].db
        events = audit_repo.recent(db, limit=10_000, target_kind="peer",
                                   target_id=str(peer_id))
        return [(e.action, e.detail) for e in reversed(events)]

    world = World("vault", {who: ids[name] for who, name in VAULT_NAMES.items()},
                  lambda who: VaultStore(signed_in(who)), audit)
    try:
        yield world
    finally:
        if current:
            close(current.pop())


@pytest.fixture(scope="module")
def pg(request: pytest.FixtureRequest) -> Iterator[Any]:
    """One throwaway cluster for this module's team tests (tests/team's own)."""
    from tests.team import conftest as team  # skips when psycopg is not installed

    with team.cluster() as server:
        yield server


@contextlib.contextmanager
def _team_world(server: Any, folder: Path) -> Iterator[World]:
    from tests.team import conftest as team

    with team.new_database(server) as database:
        centre = team.join_centre(server, database, folder)
        desks: dict[str, Any] = {}

        def desk(who: str) -> Any:
            if who not in desks:
                desks[who] = centre.sign_in(who, folder / who)
            return desks[who]

        def audit(peer_id: object) -> list[tuple[AuditAction, str]]:
            from peerdesk.storage.team.fieldcrypt import FieldCipher

            main = FieldCipher(centre.main_key, compartment="main")
            with server.connect(database) as conn:
                rows = conn.execute("SELECT id, action, detail FROM main.audit_event "
                                    "WHERE target_kind = 'peer' AND target_id = %s "
                                    "ORDER BY id", (str(peer_id),)).fetchall()
            return [(AuditAction(action), main.open("audit_event", "detail", str(event_id),
                                                    detail))
                    for event_id, action, detail in rows]

        world = World("team", {who: centre.staff_ids[who] for who in VAULT_NAMES},
                      lambda who: TeamStore(desk(who)), audit)
        world._opened.append(centre)
        world._opened.append(desk)
        try:
            yield world
        finally:
            for opened in desks.values():
                opened.close()


@pytest.fixture(params=["vault", "team"])
def world(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[World]:
    if request.param == "vault":
        paths = request.getfixturevalue("vault")
        with _vault_world(paths) as found:
            yield found
    else:
        with _team_world(request.getfixturevalue("pg"), tmp_path) as found:
            yield found


def _draft(name: str = "Robin Example", **changes: Any) -> PeerDraft:
    fields: dict[str, Any] = {"preferred_name": name, "first_contact": date(2026, 3, 2)}
    fields.update(changes)
    return PeerDraft(**fields)


def _session(peer_id: object, held_on: date, notes: str = "", **changes: Any) -> NewSession:
    fields: dict[str, Any] = dict(peer_id=peer_id, held_on=held_on, minutes=45,
                                  mode=SessionMode.IN_PERSON, kind=SessionKind.PEER_SUPPORT,
                                  notes=notes)
    fields.update(changes)
    return NewSession(**fields)


def _no_names(world: World, peer_id: object, *names: str) -> None:
    for _action, detail in world.audit_for(peer_id):
        for name in names:
            assert name.casefold() not in detail.casefold()


def test_add_find_and_open_is_audited(world: World) -> None:
    store = world.store("caseworker")
    robin = store.add(_draft("Robin Example", full_name="Robin Q Example"),
                      safe_contact=SafeContact(texts_ok=True, code_word="bluebird"),
                      today=TODAY)
    sunny = store.add(_draft("Sunny Día"), today=TODAY)
    assert robin != sunny
    assert store.find("robin") == [robin]
    assert store.find("  EXAMPLE ") == [robin]           # the full name too
    assert store.find("rob ex") == [robin]                # the start of each word
    assert store.find("xample") == []                     # not the middle of one
    assert store.find("nobody like this") == []
    assert store.find() == [robin, sunny]                  # name order
    assert store.find("dia") == [sunny]                    # accents aside
    rows = store.rows([sunny, robin])
    assert [(r.id, r.preferred_name, r.status) for r in rows] == [
        (sunny, "Sunny Día", PeerStatus.ACTIVE), (robin, "Robin Example", PeerStatus.ACTIVE)]
    by_ref = store.find(rows[1].ref)
    assert by_ref == [robin]
    opened = store.open(robin)
    assert opened.record.id == robin
    assert opened.record.details.preferred_name == "Robin Example"
    assert opened.record.details.full_name == "Robin Q Example"
    assert opened.record.ref == rows[1].ref
    assert (opened.safe_contact.texts_ok, opened.safe_contact.code_word) == (True, "bluebird")
    trail = world.audit_for(robin)
    assert trail[0][0] is AuditAction.CREATED
    assert trail[-1] == (AuditAction.VIEWED, "")
    _no_names(world, robin, "Robin", "Example", "bluebird")


def test_an_edit_saves_and_a_stale_second_save_is_a_conflict_only_on_the_team_server(
        world: World) -> None:
    from peerdesk.services import team

    store = world.store("caseworker")
    peer = store.add(_draft("Robin"), today=TODAY)
    before = store.open(peer).record
    saved = store.edit(before, replace(before.details, preferred_name="Rob", languages="en"),
                       today=TODAY)
    assert (saved.details.preferred_name, saved.details.languages) == ("Rob", "en")
    assert store.open(peer).record.details.preferred_name == "Rob"
    assert (AuditAction.CHANGED, "details") in world.audit_for(peer)
    # A second save over the record as first read (someone saved since).
    stale = replace(before.details, preferred_name="Robbie", status=PeerStatus.PAUSED)
    if world.kind == "team":
        assert saved.version == before.version + 1
        with pytest.raises(team.EditConflict) as raised:
            store.edit(before, stale, today=TODAY)
        changed = {c.field: (c.theirs, c.mine) for c in raised.value.changes}
        assert changed["preferred_name"] == ("Rob", "Robbie")
        assert changed["status"] == ("active", "paused")
        assert store.open(peer).record.details.preferred_name == "Rob"  # nothing saved
    else:
        # One PC saves at a time: the vault saves it plainly.
        again = store.edit(before, stale, today=TODAY)
        assert again.details.preferred_name == "Robbie"
        assert store.open(peer).record.details.status is PeerStatus.PAUSED
    _no_names(world, peer, "Rob")


def test_safe_contact_is_kept_and_changing_it_is_audited(world: World) -> None:
    store = world.store("caseworker")
    peer = store.add(_draft(), today=TODAY)
    assert store.open(peer).safe_contact.code_word == ""
    store.set_safe_contact(peer, SafeContact(do_not_contact=True, calls_ok=False,
                                             safe_times="after 6 pm", code_word="heron"))
    found = store.open(peer).safe_contact
    assert (found.do_not_contact, found.calls_ok, found.safe_times, found.code_word) == (
        True, False, "after 6 pm", "heron")
    assert (AuditAction.CHANGED, "safe contact") in world.audit_for(peer)
    _no_names(world, peer, "heron", "6 pm")


def test_each_channel_keeps_its_three_states_not_asked_never_reads_as_no(
        world: World) -> None:
    """Not asked yet (None), OK and not OK round-trip on both stores: someone never
    asked must not come back as "not OK" (nor ever as OK)."""
    store = world.store("caseworker")
    peer = store.add(_draft(), today=TODAY)
    untouched = store.open(peer).safe_contact
    assert (untouched.calls_ok, untouched.texts_ok, untouched.email_ok,
            untouched.voicemail_ok) == (None, None, None, None)
    store.set_safe_contact(peer, SafeContact(calls_ok=False, texts_ok=True,
                                             code_word="wren"))
    found = store.open(peer).safe_contact
    assert (found.calls_ok, found.texts_ok, found.email_ok, found.voicemail_ok) == (
        False, True, None, None)
    store.set_safe_contact(peer, SafeContact(calls_ok=None, texts_ok=False, email_ok=True,
                                             voicemail_ok=None))
    again = store.open(peer).safe_contact
    assert (again.calls_ok, again.texts_ok, again.email_ok, again.voicemail_ok) == (
        None, False, True, None)


def test_sessions_are_logged_with_their_notes_and_listed_newest_first(world: World) -> None:
    store = world.store("caseworker")
    peer = store.add(_draft(), today=TODAY)
    older = store.log_session(_session(peer, date(2026, 10, 1), "first talk",
                                       next_steps="call back"), today=TODAY)
    newer = store.log_session(_session(peer, date(2026, 11, 2), "second talk"), today=TODAY)
    listed = store.sessions(peer)
    assert [s.id for s in listed] == [newer, older]
    assert [(s.notes, s.next_steps, s.worker_id) for s in listed] == [
        ("second talk", "", world.staff_ids["caseworker"]),
        ("first talk", "call back", world.staff_ids["caseworker"])]
    assert (listed[0].mode, listed[0].kind) == (SessionMode.IN_PERSON, SessionKind.PEER_SUPPORT)
    trail = world.audit_for(peer)
    assert (AuditAction.CREATED, f"one-to-one session {older}") in trail
    assert trail[-1] == (AuditAction.VIEWED, "one-to-one sessions")
    _no_names(world, peer, "talk", "call back")


def test_a_peer_supporter_sees_only_assigned_peers_and_logs_only_own_sessions(
        world: World) -> None:
    supporter_id = world.staff_ids["supporter"]
    lead = world.store("lead")
    theirs = lead.add(_draft("Assigned Person", supporter_id=supporter_id), today=TODAY)
    other = lead.add(_draft("Not Theirs"), today=TODAY)
    lead.log_session(_session(theirs, date(2026, 11, 1), "the lead's note"), today=TODAY)

    store = world.store("supporter")
    assert store.find() == [theirs]
    assert store.find("not theirs") == []
    assert [r.id for r in store.rows([theirs, other])] == [theirs]
    assert store.open(theirs).record.details.preferred_name == "Assigned Person"
    with pytest.raises(PermissionDenied, match=access.NOT_ASSIGNED):
        store.open(other)
    with pytest.raises(PermissionDenied, match=access.NOT_ASSIGNED):
        store.log_session(_session(other, date(2026, 11, 3)), today=TODAY)
    with pytest.raises(PermissionDenied, match=OWN_SESSIONS_ONLY):
        store.log_session(_session(theirs, date(2026, 11, 3),
                                   worker_id=world.staff_ids["caseworker"]), today=TODAY)
    mine = store.log_session(_session(theirs, date(2026, 11, 3), "my own note"), today=TODAY)
    # Both sessions are listed; only their own note can be read.
    listed = store.sessions(theirs)
    assert [(s.id == mine, s.notes) for s in listed] == [(True, "my own note"), (False, "")]
    # Who works with the peer isn't theirs to change.
    before = store.open(theirs).record
    saved = store.edit(before, replace(before.details, languages="es", supporter_id=None),
                       today=TODAY)
    assert (saved.details.languages, saved.details.supporter_id) == ("es", supporter_id)
    # A peer they add is assigned to them, so they can see them.
    added = store.add(_draft("Met Today"), today=TODAY)
    assert store.open(added).record.details.supporter_id == supporter_id
    assert set(store.find()) == {theirs, added}


def test_an_administrator_is_refused_casework_with_the_same_words(world: World) -> None:
    peer = world.store("lead").add(_draft(), today=TODAY)
    admin = world.store("admin")
    attempts = [
        lambda: admin.find(),
        lambda: admin.find("robin"),
        lambda: admin.rows([peer]),
        lambda: admin.open(peer),
        lambda: admin.add(_draft("Someone"), today=TODAY),
        lambda: admin.log_session(_session(peer, date(2026, 11, 3)), today=TODAY),
        lambda: admin.sessions(peer),
        lambda: admin.set_safe_contact(peer, SafeContact(code_word="x")),
    ]
    for attempt in attempts:
        with pytest.raises(PermissionDenied) as refused:
            attempt()
        assert str(refused.value) == access.NOT_CASEWORK
    assert world.store("lead").find() == [peer]


# -- the team server's audit chain ------------------------------------------------------


def _grant_signing_key(centre: Any, who: str, desk: Any) -> None:
    """What signed grants on the team server will do (not built yet): the
    authority's public key and the log's signed origin in main.meta, a grant
    naming the person's signing key, and that key given to their desk."""
    from peerdesk.domain.staff import Role, StaffStatus
    from peerdesk.storage import crypto
    from peerdesk.storage.repositories import audit as audit_repo
    from peerdesk.storage.repositories import grants
    from peerdesk.storage.signer import Signer
    from peerdesk.storage.team.fieldcrypt import FieldCipher

    main = FieldCipher(centre.main_key, compartment="main")
    authority = crypto.new_signing_seed()
    vault_id = f"team-{secrets.token_hex(8)}"
    staff_id = centre.staff_ids[who]
    seed = crypto.new_signing_seed()
    signer = Signer.from_seed(vault_id, staff_id, seed)
    name_key = centre.names[who].casefold()
    unsigned = grants.Grant(staff_id, 1, name_key, frozenset({Role.CASEWORKER}),
                            StaffStatus.ACTIVE, signer.public_key, "2026-11-22T10:00:00+00:00",
                            None, b"")
    grant = replace(unsigned, signature=crypto.sign(authority, unsigned.message(vault_id)))
    with centre.server.connect(centre.database, autocommit=True) as conn:
        head = conn.execute("SELECT count(*) FROM main.audit_event").fetchone()[0]
        assert head == 0
        origin = audit_repo.origin_record(vault_id, authority, 0, audit_repo.GENESIS)
        conn.cursor().executemany("INSERT INTO main.meta (key, value) VALUES (%s, %s)", [
            ("vault_id", vault_id), ("authority_public_key",
                                     crypto.signing_public_key(authority).hex()),
            ("audit_origin", origin)])
        conn.execute("INSERT INTO main.role_grant (staff_id, serial, name_key, roles, status, "
                     "signing_key, issued_at, issued_by, signature) VALUES "
                     "(%s, 1, %s, 'caseworker', 'active', %s, %s, NULL, %s)",
                     (staff_id, main.seal("role_grant", "name_key", f"{staff_id}/1", name_key),
                      grant.signing_key, grant.issued_at, grant.signature))
    desk.keys.signer = signer


def test_opening_a_peer_on_the_team_server_chains_a_signed_event_the_reader_verifies(
        pg: Any, tmp_path: Path) -> None:
    with _team_world(pg, tmp_path) as world:
        centre, desk_of = world._opened
        _grant_signing_key(centre, "caseworker", desk_of("caseworker"))
        store = world.store("caseworker")
        peer = store.add(_draft("Robin Example"), today=TODAY)
        store.open(peer)
        store.log_session(_session(peer, date(2026, 11, 1), "a note"), today=TODAY)
        assert [a for a, _ in world.audit_for(peer)] == [
            AuditAction.CREATED, AuditAction.VIEWED, AuditAction.CREATED]
        report = desk_of("lead").check_audit()
        assert report.problems == []
        assert report.events == 3
        # The server holds no name: the details are sealed, and the targets are ids.
        with centre.server.connect(centre.database) as conn:
            raw = conn.execute("SELECT string_agg(target_id || action, ',') || "
                               "string_agg(encode(detail::bytea, 'escape'), ',') "
                               "FROM main.audit_event").fetchone()[0]
        assert "Robin" not in raw and str(peer) in raw
        # Someone changing an event on the server is caught by the reader.
        with centre.server.connect(centre.database, autocommit=True) as conn:
            conn.execute("ALTER TABLE main.audit_event DISABLE TRIGGER USER")
            conn.execute("UPDATE main.audit_event SET action = 'changed' WHERE id = 2")
            conn.execute("ALTER TABLE main.audit_event ENABLE TRIGGER USER")
        assert desk_of("lead").check_audit().problems == ["audit event 2 has been changed"]
        # And only those who may read the log check it.
        with pytest.raises(PermissionDenied):
            desk_of("caseworker").check_audit()


def test_events_of_two_people_on_the_team_server_form_one_chain(pg: Any,
                                                                tmp_path: Path) -> None:
    with _team_world(pg, tmp_path) as world:
        lead, caseworker = world.store("lead"), world.store("caseworker")
        peer = lead.add(_draft(), today=TODAY)
        for _ in range(3):
            caseworker.open(peer)
            lead.open(peer)
        _centre, desk_of = world._opened
        report = desk_of("lead").check_audit()
        assert report.events == 7
        # Unsigned until signed grants reach the team server; the chain is whole.
        assert all("not signed" in p or "signatures begin" in p for p in report.problems)
        assert not any("changed" in p or "follow" in p for p in report.problems)


def test_sessions_across_peers_today_and_a_follow_up_marked_done(world: World) -> None:
    """The Sessions list (between dates, newest first, no notes, audited), Today
    (follow-ups due and overdue, sessions logged today) and a follow-up done by
    hand or by the peer's next session: the same on both stores."""
    store = world.store("caseworker")
    robin = store.add(_draft("Robin Example"), today=TODAY)
    ash = store.add(_draft("Ash Tree"), today=TODAY)
    kit = store.add(_draft("Kit Newcomer"), today=TODAY)
    overdue = store.log_session(_session(robin, date(2026, 11, 2), "robin's talk",
                                         follow_up_on=date(2026, 11, 9)), today=date(2026, 11, 2))
    due = store.log_session(_session(ash, TODAY, follow_up_on=TODAY, minutes=30), today=TODAY)
    settled = store.log_session(_session(kit, date(2026, 11, 1),
                                         follow_up_on=date(2026, 11, 5)), today=date(2026, 11, 1))
    later = store.log_session(_session(kit, date(2026, 11, 3)), today=TODAY)

    lines = store.session_list(held_from=date(2026, 11, 1), held_to=TODAY)
    assert [line.session_id for line in lines] == [due, later, overdue, settled]
    first = lines[0]
    assert (first.ref, first.preferred_name, first.minutes, first.follow_up_on) == (
        store.rows([ash])[0].ref, "Ash Tree", 30, TODAY)
    assert [line.follow_up_open for line in lines] == [True, False, True, False]
    assert lines[3].follow_up_done_on == date(2026, 11, 3)    # by Kit's next session
    assert [line.session_id for line in store.session_list(held_from=date(2026, 11, 3),
                                                   held_to=date(2026, 11, 3))] == [later]

    today = store.today(today=TODAY)
    assert today.on == TODAY
    assert [(i.item_id, i.preferred_name, i.when, i.overdue) for i in today.follow_ups] == [
        (overdue, "Robin Example", date(2026, 11, 9), True), (due, "Ash Tree", TODAY, False)]
    assert [(i.item_id, i.peer_id) for i in today.sessions_today] == [(due, ash)]
    assert [i.item_id for i in store.today(today=TODAY, mine=True).follow_ups] == [overdue, due]
    assert world.store("lead").today(today=TODAY, mine=True).follow_ups == []

    store = world.store("caseworker")   # (on the vault, the lead signed out first)
    store.mark_follow_up_done(overdue, today=TODAY)
    assert [i.item_id for i in store.today(today=TODAY).follow_ups] == [due]
    done = next(line for line in store.session_list() if line.session_id == overdue)
    assert (done.follow_up_open, done.follow_up_done_on) == (False, TODAY)
    assert (AuditAction.CHANGED, f"follow-up of session {overdue} done") \
        in world.audit_for(robin)
    _no_names(world, robin, "robin's talk")


def test_a_peer_supporter_lists_own_sessions_and_marks_only_own_follow_ups(
        world: World) -> None:
    supporter_id = world.staff_ids["supporter"]
    lead = world.store("lead")
    theirs = lead.add(_draft("Assigned Person", supporter_id=supporter_id), today=TODAY)
    other = lead.add(_draft("Not Theirs"), today=TODAY)
    leads = lead.log_session(_session(theirs, TODAY, follow_up_on=TODAY), today=TODAY)
    lead.log_session(_session(other, TODAY, follow_up_on=TODAY), today=TODAY)
    store = world.store("supporter")
    own = store.log_session(_session(theirs, TODAY), today=TODAY)
    assert [line.session_id for line in store.session_list()] == [own]
    today = store.today(today=TODAY)
    assert [i.item_id for i in today.follow_ups] == [leads]   # their peer's, anyone's
    assert [i.item_id for i in today.sessions_today] == [own]
    with pytest.raises(PermissionDenied):
        store.mark_follow_up_done(leads, today=TODAY)


def test_the_peers_list_filters_by_status_and_to_my_peers(world: World) -> None:
    me = world.staff_ids["caseworker"]
    store = world.store("caseworker")
    mine = store.add(_draft("Robin Example", caseworker_id=me), today=TODAY)
    paused = store.add(_draft("Ash Tree", status=PeerStatus.PAUSED), today=TODAY)
    theirs = store.add(_draft("Sunny Day", supporter_id=world.staff_ids["supporter"]),
                       today=TODAY)
    assert store.find() == [paused, mine, theirs]
    assert store.find(status=PeerStatus.PAUSED) == [paused]
    assert store.find(status=PeerStatus.ACTIVE) == [mine, theirs]
    assert store.find(mine=True) == [mine]
    assert store.find("sun", status=PeerStatus.ACTIVE) == [theirs]
    assert store.find("sun", mine=True) == []
    assert store.find("ash", status=PeerStatus.CLOSED) == []
    assert not store.assigned_only
    assert world.store("supporter").assigned_only
