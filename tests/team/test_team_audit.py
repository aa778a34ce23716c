"""What a team PC does is on the server's audit chain, each event in the
transaction of what it records, with ids and counts only (issue 18: "every
view, change, export and print of a peer's record is audited", "the signed
audit chain works across clients").

Read back with plain psycopg sessions (the superuser, as a host would read the
table), each detail opened with the centre's main key, and the chain walked
with the vault's own checker.
"""

from __future__ import annotations

import itertools
import threading
import uuid
from datetime import date

import pytest

from peerdesk.domain.audit import AuditAction
from peerdesk.storage.repositories import audit as audit_repo
from peerdesk.storage.team.casework import Refused, TeamPeer
from peerdesk.storage.team.fieldcrypt import FieldCipher
from peerdesk.storage.team.groupwork import TeamContact, TeamMark, TeamRegister

Event = tuple[int, int | None, str, str, str, str]  # id, actor, action, kind, target, detail


def _events(centre) -> list[Event]:
    """Every event on the server, its detail opened with the main key."""
    main = FieldCipher(centre.main_key, compartment="main")
    with centre.server.connect(centre.database) as conn:
        rows = conn.execute("SELECT id, actor_id, action, target_kind, target_id, detail "
                            "FROM main.audit_event ORDER BY id").fetchall()
    return [(i, actor, action, kind, target, main.open("audit_event", "detail", str(i), sealed))
            for i, actor, action, kind, target, sealed in rows]


def _walk(centre) -> audit_repo.ChainReport:
    """The chain as the vault's checker walks it: numbering, each link, each hash."""
    main = FieldCipher(centre.main_key, compartment="main")
    with centre.server.connect(centre.database) as conn:
        rows = conn.execute("SELECT id, at, actor_id, action, target_kind, target_id, detail, "
                            "prev_hash, hash, signer_id, signing_key, signature "
                            "FROM main.audit_event ORDER BY id").fetchall()
    opened = [(*r[:6], main.open("audit_event", "detail", str(r[0]), r[6]), *r[7:])
              for r in rows]
    return audit_repo.walk(opened, None)


def _count(centre, table: str) -> int:
    with centre.server.connect(centre.database) as conn:
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def _contact(taker: int, peer: uuid.UUID | None = None, note: str = "") -> TeamContact:
    return TeamContact(uuid.uuid4(), date(2026, 5, 4), "10:15", "phone", 20, taker,
                       peer_id=peer, notes=note)


def _peer(ref: int, name: str) -> TeamPeer:
    return TeamPeer(uuid.uuid4(), ref, name, date(2026, 3, 1), "walk_in")


def test_contacts_registers_and_groups_are_on_the_chain_with_no_names(joined_centre,
                                                                       tmp_path):
    centre = joined_centre
    desk = centre.sign_in("caseworker", tmp_path)
    me = desk.staff_id
    try:
        peer, other = _peer(1, "Oriel Quandt"), _peer(2, "Pasco Ubeda")
        desk.add_peer(peer)
        desk.add_peer(other)
        before = len(_events(centre))
        anonymous = _contact(me, note="said Oriel Quandt was worried")
        about_peer = _contact(me, peer.id)
        assert desk.add_contact(anonymous).sent and desk.add_contact(about_peer).sent
        groups = desk._groupwork()
        group, meeting = uuid.uuid4(), uuid.uuid4()
        groups.add_group(group, "Tuesday circle", (me,))
        groups.add_member(group, peer.id, date(2026, 4, 1))
        groups.add_meeting(meeting, group, date(2026, 5, 5), facilitators=(me,))
        register = TeamRegister(uuid.uuid4(), meeting, (TeamMark(peer.id, "attended"),
                                                       TeamMark(other.id, "absent", True)))
        assert desk.take_register(register).sent
        # Sent again, and a weaker mark from another PC: the register doesn't
        # change, so nothing more is recorded.
        desk.take_register(register)
        desk.take_register(TeamRegister(uuid.uuid4(), meeting, (TeamMark(peer.id, "absent"),)))
        desk.correct_mark(meeting, peer.id, "apologies")
        assert [m.mark for m in desk.register(meeting)] != []
        assert len(desk.contacts(date(2026, 5, 4))) == 2
    finally:
        desk.close()
    new = [(actor, action, kind, target, detail)
           for _, actor, action, kind, target, detail in _events(centre)[before:]]
    assert all(actor == me for actor, *_ in new)
    assert [e[1:] for e in new] == [
        ("created", "contact", str(anonymous.id), ""),
        ("created", "peer", str(peer.id), f"contact {about_peer.id}"),
        ("created", "group", str(group), ""),
        ("changed", "peer", str(peer.id), f"joined group {group}"),
        ("created", "group", str(group), f"meeting {meeting}"),
        *sorted([("changed", "peer", str(peer.id), f"marked attended at meeting {meeting}"),
                 ("changed", "peer", str(other.id),
                  f"marked absent (walk-in) at meeting {meeting}")],
                key=lambda e: e[2]),
        ("changed", "peer", str(peer.id), f"mark corrected to apologies at meeting {meeting}"),
        ("viewed", "meeting", str(meeting), "register"),
        ("viewed", "contacts", "", "contacts of 2026-05-04, 2 results"),
    ]
    text = repr(_events(centre))
    assert "Oriel" not in text and "Pasco" not in text and "Tuesday" not in text
    report = _walk(centre)
    assert report.ok, report.problems


def test_a_refused_register_leaves_no_event_and_no_mark(joined_centre, tmp_path):
    """The event is in the save's transaction: what the server refuses is not
    recorded as done, and what is recorded was done."""
    centre = joined_centre
    lead = centre.sign_in("lead", tmp_path / "lead")
    peer = _peer(1, "Someone")
    lead.add_peer(peer)
    group, meeting = uuid.uuid4(), uuid.uuid4()
    lead._groupwork().add_group(group, "A group", (lead.staff_id,))
    lead._groupwork().add_meeting(meeting, group, date(2026, 5, 5))
    lead.close()
    before = len(_events(centre))
    supporter = centre.sign_in("supporter", tmp_path / "supporter")
    try:
        with pytest.raises(Refused):
            supporter.take_register(TeamRegister(uuid.uuid4(), meeting,
                                                 (TeamMark(peer.id, "attended"),)))
    finally:
        supporter.close()
    assert len(_events(centre)) == before
    assert _count(centre, "casework.attendance") == 0


def test_two_desks_writing_at_once_make_one_chain_that_verifies(joined_centre, tmp_path):
    """Two PCs logging contacts at the same time, each chaining to the head it read:
    one line of events, every link and hash intact, each PC's events all there,
    and the log's own check (a programme lead's) finds nothing but that the
    desks' events are not signed yet."""
    centre = joined_centre
    desks = [centre.sign_in(who, tmp_path / who) for who in ("caseworker", "other_caseworker")]
    peer = _peer(1, "Shared")
    desks[0].add_peer(peer)
    before = len(_events(centre))
    each = 15
    logged: dict[int, list[str]] = {d.staff_id: [] for d in desks}
    failures: list[BaseException] = []
    together = threading.Barrier(2)

    def work(desk, groups) -> None:
        try:
            together.wait(timeout=60)
            for n in range(each):
                contact = _contact(desk.staff_id, peer.id if n % 2 else None)
                assert groups.add_contact(contact)
                logged[desk.staff_id].append(str(contact.id))
        except BaseException as exc:  # reported below, in the test's thread
            failures.append(exc)

    # Each PC's own connection and audit, as its desk saves a contact (the outbox,
    # a file of this PC's, is not what is raced here).
    threads = [threading.Thread(target=work, args=(d, d._groupwork())) for d in desks]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    assert not failures, failures
    events = _events(centre)[before:]
    assert len(events) == 2 * each
    for staff_id, ids in logged.items():
        mine = [e for e in events if e[1] == staff_id]
        assert sorted(e[4] if e[3] == "contact" else e[5].split()[1] for e in mine) \
            == sorted(ids)
    # Interleaved: both PCs wrote while the other did (not one after the other).
    actors = [e[1] for e in events]
    assert sum(1 for a, b in itertools.pairwise(actors) if a != b) > 1
    report = _walk(centre)
    assert report.ok and report.events == len(_events(centre)), report.problems
    lead = centre.sign_in("lead", tmp_path / "lead")
    try:
        checked = lead.check_audit()
    finally:
        for desk in desks:
            desk.close()
        lead.close()
    assert checked.events == report.events
    unsigned = {p for p in checked.problems if p.endswith("is not signed")}
    # A centre started on the server has no signed origin yet (no authority).
    assert set(checked.problems) - unsigned <= {
        "the record of where the audit log's signatures begin is missing or was not signed "
        "by the vault's authority"}


def test_deactivating_someone_and_the_key_change_it_owes_are_audited(joined_centre,
                                                                      tmp_path):
    centre = joined_centre
    admin = centre.sign_in("admin", tmp_path / "admin")
    gone = centre.staff_ids["caseworker"]
    try:
        before = len(_events(centre))
        admin.deactivate(centre.names["caseworker"])
        with pytest.raises(Refused):  # one's own: the event could not be written
            admin.deactivate(centre.names["admin"])
    finally:
        admin.close()
    [(_, actor, action, kind, target, detail)] = _events(centre)[before:]
    assert (actor, action, kind, target) == (centre.staff_ids["admin"], "staff_deactivated",
                                             "staff", str(gone))
    assert detail == ("login and key slot removed; a change of the casework key is owed; "
                      "a change of the main key is owed")
    # The next casework holder to sign in changes the key: both steps recorded.
    centre.sign_in("lead", tmp_path / "lead").close()
    changes = [e for e in _events(centre) if e[2] == AuditAction.KEY_CHANGED.value]
    assert [(e[1], e[3], e[4]) for e in changes] == [
        (centre.staff_ids["lead"], "compartment", "casework")] * 2
    assert changes[0][5].startswith("casework key generation 2 made and sealed to ")
    assert changes[1][5].startswith("casework key generation 2 in use for every record")
    assert _walk(centre).ok
