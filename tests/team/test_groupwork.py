"""Contacts and group registers on the team server, through the outbox when it
can't be reached (issue 18): exactly once on resend, a register taken on two PCs
merged by person, and a facilitator reading the names on their registers only."""

from __future__ import annotations

import uuid
from datetime import date

import psycopg
import pytest

from peerdesk.domain.errors import PermissionDenied, ValidationError
from peerdesk.services import team
from peerdesk.storage.team.casework import TeamCasework, TeamPeer, TeamSafeContact
from peerdesk.storage.team.fieldcrypt import FieldCipher
from peerdesk.storage.team.groupwork import (
    TeamContact,
    TeamGroupwork,
    TeamMark,
    TeamRegister,
    merged,
)


def _contact(taken_by: int, note: str, **extra: object) -> TeamContact:
    return TeamContact(uuid.uuid4(), date(2026, 4, 2), "10:30", "phone", 20, taken_by,
                       notes=note, **extra)  # type: ignore[arg-type]


def _count(centre, table: str, where: str = "") -> int:
    with centre.server.connect(centre.database) as conn:
        return conn.execute(f"SELECT count(*) FROM casework.{table} {where}").fetchone()[0]


def _marks(centre, meeting: uuid.UUID) -> dict[uuid.UUID, tuple[str, bool]]:
    with centre.server.connect(centre.database) as conn:
        return {p: (m, w) for p, m, w in conn.execute(
            "SELECT peer_id, mark, walk_in FROM casework.attendance WHERE meeting_id = %s",
            (meeting,))}


def _group_with_meeting(centre, peers: int, facilitators: tuple[int, ...] = ()):
    """Peers, a group and a held meeting, made by the set-up account."""
    cipher = FieldCipher(centre.casework_key, compartment="casework")
    made = [TeamPeer(uuid.uuid4(), n, f"Peer {n}", date(2026, 1, 5), "walk_in")
            for n in range(1, peers + 1)]
    group, meeting = uuid.uuid4(), uuid.uuid4()
    with centre.server.connect(centre.database, autocommit=True) as conn:
        store, groups = TeamCasework(conn, cipher), TeamGroupwork(conn, cipher)
        for peer in made:
            store.add_peer(peer)
        groups.add_group(group, "Tuesday group", facilitators)
        groups.add_meeting(meeting, group, date(2026, 4, 7))
    return made, group, meeting


def test_the_stronger_mark_stays_whatever_the_order():
    for a in ("attended", "apologies", "absent"):
        for b in ("attended", "apologies", "absent"):
            assert merged(a, b) == merged(b, a)
    assert merged("absent", "attended") == "attended"
    assert merged("apologies", "absent") == "apologies"


def test_contacts_are_logged_offline_and_land_exactly_once(joined_centre, tmp_path):
    desk = joined_centre.sign_in("caseworker", tmp_path)
    me = desk.staff_id
    assert desk.add_contact(_contact(me, "online call", first_time="first")).sent
    joined_centre.server.stop()
    try:
        typed = [_contact(me, f"offline call {n}", safety_concern=n == 1) for n in range(4)]
        for contact in typed:
            assert desk.add_contact(contact) == team.Saved(sent=False)
        assert desk.waiting() == 4
        with pytest.raises(team.Offline):
            desk.contacts()
        outbox_file = desk.place.outbox_path(str(desk.info.centre_id), desk.login)
        desk.close()
    finally:
        joined_centre.server.start()
    assert b"offline call" not in outbox_file.read_bytes()
    desk = joined_centre.sign_in("caseworker", tmp_path)
    result = desk.send_waiting()
    assert (result.sent, result.already_there, result.left) == (4, 0, 0)
    # The PC lost track after the server's commit: sent again, kept once.
    desk.outbox().db.execute("UPDATE outbox SET sent_at = NULL")
    again = desk.send_waiting()
    assert (again.sent, again.already_there) == (0, 4)
    assert _count(joined_centre, "anonymous_contact") == 5
    assert _count(joined_centre, "contact_note") == 5
    found = desk.contacts(date(2026, 4, 2))
    assert sorted(c.notes for c in found) == sorted(
        ["online call"] + [f"offline call {n}" for n in range(4)])
    assert {c.id for c in found if c.safety_concern} == {typed[1].id}
    desk.close()
    # The server holds the note sealed, never the words.
    with joined_centre.server.connect(joined_centre.database) as conn:
        raw = b"".join(bytes(r[0]) for r in conn.execute(
            "SELECT notes FROM casework.contact_note"))
    assert b"call" not in raw


def test_a_peer_supporter_logs_only_the_contacts_they_took(joined_centre, tmp_path):
    supporter = joined_centre.sign_in("supporter", tmp_path)
    with pytest.raises(PermissionDenied, match="only the contacts they took"):
        supporter.add_contact(_contact(joined_centre.staff_ids["caseworker"], "x"))
    assert supporter.waiting() == 0
    assert supporter.add_contact(_contact(supporter.staff_id, "mine")).sent
    supporter.close()
    admin = joined_centre.sign_in("admin", tmp_path)
    with pytest.raises(PermissionDenied):
        admin.add_contact(_contact(admin.staff_id, "x"))
    admin.close()


def test_a_register_taken_on_two_pcs_merges_by_person(joined_centre, tmp_path):
    (a, b, c, d, e), _group, meeting = _group_with_meeting(joined_centre, 5)
    first = joined_centre.sign_in("caseworker", tmp_path / "pc1")
    second = joined_centre.sign_in("other_caseworker", tmp_path / "pc2")
    assert first.take_register(TeamRegister(uuid.uuid4(), meeting, (
        TeamMark(a.id, "attended"), TeamMark(b.id, "absent"),
        TeamMark(c.id, "apologies")))).sent
    # The other PC took the same register: a not ticked, b seen, d walked in.
    assert second.take_register(TeamRegister(uuid.uuid4(), meeting, (
        TeamMark(a.id, "absent"), TeamMark(b.id, "attended"),
        TeamMark(d.id, "attended", walk_in=True)))).sent
    expected = {a.id: ("attended", False), b.id: ("attended", False),
                c.id: ("apologies", False), d.id: ("attended", True)}
    assert _marks(joined_centre, meeting) == expected
    # Offline, the second PC marks again; sent later, it merges the same way.
    joined_centre.server.stop()
    try:
        assert not second.take_register(TeamRegister(uuid.uuid4(), meeting, (
            TeamMark(c.id, "absent"), TeamMark(a.id, "absent"),
            TeamMark(e.id, "apologies")))).sent
        assert not second.mark_attendance(meeting, d.id, "absent").sent
        assert second.waiting() == 2
    finally:
        joined_centre.server.start()
    assert second.send_waiting().sent == 2
    expected[e.id] = ("apologies", False)
    assert _marks(joined_centre, meeting) == expected
    assert _count(joined_centre, "attendance") == 5  # one row a person, nothing twice
    # Sent once more: nothing changes.
    second.outbox().db.execute("UPDATE outbox SET sent_at = NULL")
    assert second.send_waiting().left == 0
    assert _marks(joined_centre, meeting) == expected
    assert {m.peer_id: (m.mark, m.walk_in) for m in first.register(meeting)} == expected
    # A mistaken "attended" is put right by an edit, online only.
    first.correct_mark(meeting, a.id, "absent")
    assert _marks(joined_centre, meeting)[a.id] == ("absent", False)
    joined_centre.server.stop()
    try:
        with pytest.raises(team.OfflineEdit):
            first.correct_mark(meeting, b.id, "absent")
    finally:
        joined_centre.server.start()
    assert _marks(joined_centre, meeting)[b.id] == ("attended", False)
    # Bad marks: a clear message, nothing queued or sent.
    with pytest.raises(ValidationError) as bad:
        first.mark_attendance(meeting, a.id, "late")
    assert bad.value.field == "mark"
    with pytest.raises(ValidationError, match="marked twice"):
        first.take_register(TeamRegister(uuid.uuid4(), meeting, (
            TeamMark(a.id, "attended"), TeamMark(a.id, "absent"))))
    assert first.waiting() == 0
    first.close()
    second.close()


def test_an_outbox_made_before_registers_is_widened_with_its_rows_kept(tmp_path):
    import json
    import secrets

    from peerdesk.storage import crypto
    from peerdesk.storage.database import Database
    from peerdesk.storage.team.outbox import Outbox

    key = secrets.token_bytes(32)
    path = tmp_path / "old.peerdesk-outbox"
    sub = crypto.derive_subkey(key, b"peerdesk-team-outbox")
    old = Database(path, sub, create=True)
    old.executescript("CREATE TABLE outbox (seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT "
                      "NOT NULL UNIQUE, kind TEXT NOT NULL CHECK (kind IN ('peer', "
                      "'session')), body TEXT NOT NULL, queued_at TEXT NOT NULL, sent_at "
                      "TEXT, refused TEXT);")
    peer = TeamPeer(uuid.uuid4(), 1, "Kept", date(2026, 1, 1), "phone")
    old.execute("INSERT INTO outbox (id, kind, body, queued_at) VALUES (?, 'peer', ?, 'x')",
                (str(peer.id), json.dumps({
                    "id": str(peer.id), "ref_number": 1, "preferred_name": "Kept",
                    "first_contact": "2026-01-01", "contact_route": "phone"})))
    old.close()
    box = Outbox(path, key)
    register = TeamRegister(uuid.uuid4(), uuid.uuid4(), (TeamMark(peer.id, "attended"),))
    contact = _contact(3, "later")
    box.put(register)
    box.put(contact)
    assert box.waiting() == [peer, register, contact]
    box.close()


def test_a_facilitator_reads_the_names_on_their_registers_and_nothing_more(team_centre):
    supporter = team_centre.staff_ids["supporter"]
    cipher = FieldCipher(team_centre.casework_key, compartment="casework")
    (on_register, member, stranger, walk_in), group, meeting = _group_with_meeting(
        team_centre, 4, facilitators=(supporter,))
    with team_centre.connect("lead", autocommit=True) as conn:
        store, groups = TeamCasework(conn, cipher), TeamGroupwork(conn, cipher)
        for peer in (on_register, member, stranger):
            store.set_safe_contact(TeamSafeContact(peer.id, safe_times="evenings only",
                                                   code_word="bluebird"))
        groups.add_member(group, member.id, date(2026, 2, 1))
        groups.take_register(TeamRegister(uuid.uuid4(), meeting, (
            TeamMark(on_register.id, "attended"),)))
        # A meeting of another group, not theirs, with the stranger on it.
        other_group, other_meeting = uuid.uuid4(), uuid.uuid4()
        groups.add_group(other_group, "Thursday group")
        groups.add_meeting(other_meeting, other_group, date(2026, 4, 9))
        groups.take_register(TeamRegister(uuid.uuid4(), other_meeting, (
            TeamMark(stranger.id, "attended"),)))
    # A meeting they facilitate on its own (not the group's): its register counts too.
    with team_centre.superuser(autocommit=True) as conn:
        extra = uuid.uuid4()
        TeamGroupwork(conn, cipher).add_meeting(extra, other_group, date(2026, 4, 10),
                                                facilitators=(supporter,))
        TeamGroupwork(conn, cipher).take_register(TeamRegister(uuid.uuid4(), extra, (
            TeamMark(walk_in.id, "attended", walk_in=True),)))
    with team_centre.connect("supporter") as conn:
        rows = conn.execute("SELECT peer_id, preferred_name FROM casework.register_names()"
                            ).fetchall()
        names = {p: cipher.open("peer", "preferred_name", p, sealed) for p, sealed in rows}
        assert names == {on_register.id: "Peer 1", member.id: "Peer 2", walk_in.id: "Peer 4"}
        # Nothing else about them: not their peer rows, not their safe contact.
        for peer in (on_register, member, stranger):
            assert conn.execute("SELECT count(*) FROM casework.peer WHERE id = %s",
                                (peer.id,)).fetchone() == (0,)
            assert conn.execute("SELECT count(*) FROM casework.safe_contact "
                                "WHERE peer_id = %s", (peer.id,)).fetchone() == (0,)
            assert conn.execute("UPDATE casework.safe_contact SET code_word = code_word "
                                "WHERE peer_id = %s", (peer.id,)).rowcount == 0
        assert stranger.id not in names
        # The function gives two columns, whatever is asked of it.
        columns = conn.execute("SELECT * FROM casework.register_names() LIMIT 1").description
        assert [c.name for c in columns] == ["peer_id", "preferred_name"]
        conn.rollback()
    with team_centre.connect("other_supporter") as conn:
        assert conn.execute("SELECT count(*) FROM casework.register_names()").fetchone() \
            == (0,)
    with team_centre.connect("admin") as conn, pytest.raises(
            psycopg.errors.InsufficientPrivilege):
        conn.execute("SELECT * FROM casework.register_names()")
