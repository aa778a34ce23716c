"""A new casework key generation when someone who held casework leaves (issue 18,
"rotation on revocation"): the attacks are a former caseworker who kept a copy
of their casework key and a superuser's dump of the server."""

from __future__ import annotations

import contextlib
import threading
import time
import uuid
from datetime import date

import psycopg
import pytest

from peerdesk.domain.staff import Compartment
from peerdesk.storage.team import keys as team_keys
from peerdesk.storage.team import rotation
from peerdesk.storage.team.casework import Refused, TeamCasework, TeamPeer, TeamSession
from peerdesk.storage.team.fieldcrypt import FieldCipher, SealedValueError, generation_of
from peerdesk.storage.team.staff import deactivate_staff_login
from peerdesk.storage.team.tables import TABLES

NOTE = "canary note about a peer"


def _peer(ref: int) -> TeamPeer:
    return TeamPeer(uuid.uuid4(), ref, f"Peer {ref}", date(2026, 3, 1), "walk_in",
                    full_name=f"Full name {ref}")


def _session(peer: TeamPeer, worker: int, note: str = NOTE) -> TeamSession:
    return TeamSession(uuid.uuid4(), peer.id, worker, date(2026, 4, 1), 30, "phone",
                       "peer_support", notes=note, next_steps="call back")


def _fill(desk, count: int) -> list[TeamPeer]:
    peers = [_peer(n) for n in range(1, count + 1)]
    for peer in peers:
        assert desk.add_peer(peer).sent
        assert desk.add_session(_session(peer, desk.staff_id)).sent
    return peers


def _login_conn(centre, who):
    return centre.server.connect(centre.database, user=centre.logins[who],
                                 password=centre.passwords[who], autocommit=True)


def _deactivate(centre, who, folder):
    """An administrator deactivates `who` (the usual case: the revoker holds no casework)."""
    admin = centre.sign_in("admin", folder)
    with _login_conn(centre, "admin") as conn:
        deactivate_staff_login(conn, centre.logins[who])
    return admin


def _dump(centre, schema: str = "casework") -> list[tuple[str, str, str, bytes]]:
    """Every value sealed with `schema`'s key, as the server's superuser reads
    it: (table, column, the value binding the row, ciphertext)."""
    found = []
    with centre.server.connect(centre.database) as conn:
        for table in TABLES:
            if table.schema != schema or not table.sealed:
                continue
            binds = [table.sealed_by] if table.sealed_by else list(table.key)
            for row in conn.execute(
                    f"SELECT concat_ws('/', {', '.join(b + '::text' for b in binds)}), "
                    f"{', '.join(table.sealed)} FROM {table.qualified}"):
                for column, value in zip(table.sealed, row[1:], strict=True):
                    if value is not None:
                        found.append((table.name, column, row[0], bytes(value)))
    return found


def _opens_with(key: bytes, dump, compartment: str = "casework") -> list[str]:
    """What a stolen key opens of the dump (trying whatever generation each envelope names)."""
    opened = []
    for table, column, ref, value in dump:
        cipher = FieldCipher(key, compartment=compartment, generation=generation_of(value))
        with contextlib.suppress(SealedValueError):
            opened.append(cipher.open(table, column, ref, value))
    return opened


def _sealed_keys(centre) -> list[tuple[int, int]]:
    with centre.server.connect(centre.database) as conn:
        return conn.execute("SELECT staff_id, generation FROM main.team_sealed_key "
                            "WHERE what = 'casework' ORDER BY 1, 2").fetchall()


def test_a_former_caseworkers_copy_of_the_key_opens_nothing_after_the_rotation(
        joined_centre, tmp_path):
    centre = joined_centre
    leaving = centre.sign_in("caseworker", tmp_path / "leaving")
    _fill(leaving, 3)
    stolen = bytes(leaving.keys.key(Compartment.CASEWORK))   # taken while they had it
    leaving.close()
    assert NOTE in _opens_with(stolen, _dump(centre))         # what is at stake

    _deactivate(centre, "caseworker", tmp_path / "admin").close()
    lead = centre.sign_in("lead", tmp_path / "lead")          # does the owed rotation
    assert [c.generation for c in lead.key_changes_done] == [2]
    peer = lead.peers()[0]
    lead.add_session(_session(peer, lead.staff_id, "a new note after the rotation"))
    lead.close()

    dump = _dump(centre)
    assert {generation_of(value) for *_, value in dump} == {2}
    assert len(dump) == 3 * 4 + 4 * 2   # every peer's and every note's sealed columns
    assert _opens_with(stolen, dump) == []
    # Generation 1 is gone from the server: no slot opens it any more.
    assert {generation for _staff, generation in _sealed_keys(centre)} == {2}


def test_the_window_before_the_rotation_is_done(joined_centre, tmp_path):
    """Documented: until a programme lead or caseworker signs in, or while the
    re-sealing runs, rows still sealed with the old generation open with a copy
    of the old key. The server records the rotation as owed meanwhile."""
    centre = joined_centre
    leaving = centre.sign_in("caseworker", tmp_path / "leaving")
    _fill(leaving, 2)
    stolen = bytes(leaving.keys.key(Compartment.CASEWORK))
    leaving.close()
    admin = _deactivate(centre, "caseworker", tmp_path / "admin")
    assert "due to be changed" in (admin.key_change_status() or "")
    assert "The casework key is due to be changed" in admin.status()
    with _login_conn(centre, "admin") as conn:
        [owed] = rotation.pending(conn)
    assert (owed.what, owed.started) == ("casework", False)
    assert _opens_with(stolen, _dump(centre)).count(NOTE) == 2
    admin.close()


def test_an_interrupted_rotation_resumes_and_every_row_opens_with_the_new_key(
        joined_centre, tmp_path):
    centre = joined_centre
    lead_desk = centre.sign_in("lead", tmp_path / "lead")
    peers = _fill(lead_desk, 12)
    lead_desk.close()
    _deactivate(centre, "supporter", tmp_path / "admin").close()
    conn = _login_conn(centre, "caseworker")
    keys = team_keys.open_keys(conn, centre.passwords["caseworker"])
    pid = conn.info.backend_pid
    failed: list[BaseException] = []
    # The superuser holds one note row (the 8th written) so the rotator's
    # write of that batch blocks mid-batch; then its connection is dropped.
    with centre.server.connect(centre.database) as holder:
        holder.execute("SELECT 1 FROM casework.one_to_one_note n JOIN casework.one_to_one s "
                       "ON s.id = n.session_id WHERE s.peer_id = %s FOR UPDATE",
                       (peers[7].id,))

        def rotate() -> None:
            try:
                rotation.rotate_owed(conn, keys, batch=5)
            except BaseException as exc:  # handed to the test thread
                failed.append(exc)

        worker = threading.Thread(target=rotate)
        worker.start()
        with centre.server.connect(centre.database, autocommit=True) as watch:
            for _ in range(200):
                waiting = watch.execute("SELECT wait_event_type FROM pg_stat_activity "
                                        "WHERE pid = %s", (pid,)).fetchone()
                if waiting and waiting[0] == "Lock":
                    break
                time.sleep(0.05)
            else:
                pytest.fail("the rotation never reached the held row")
            watch.execute("SELECT pg_terminate_backend(%s)", (pid,))
        worker.join(30)
        holder.rollback()
    assert failed and isinstance(failed[0], psycopg.OperationalError)
    keys.wipe()
    with centre.server.connect(centre.database) as su:
        started, resealed = su.execute("SELECT started_at IS NOT NULL, rows_resealed "
                                       "FROM main.team_rotation WHERE what = 'casework'"
                                       ).fetchone()
        notes = [generation_of(n) for (n,) in su.execute(
            "SELECT notes FROM casework.one_to_one_note")]
    # Half done: the peers re-sealed, the notes' first batch too; the batch that
    # was cut off left nothing (it was one transaction).
    assert started and resealed == 12 + 5
    assert sorted(notes) == [1] * 7 + [2] * 5
    # Old and new read side by side meanwhile.
    with _login_conn(centre, "lead") as lead_conn:
        lead_keys = team_keys.open_keys(lead_conn, centre.passwords["lead"])
        assert sorted(lead_keys.cipher(Compartment.CASEWORK).generations) == [1, 2]
        # Reading without rotating: every note opens, of either generation.
        store = TeamCasework(lead_conn, lead_keys.cipher(Compartment.CASEWORK))
        assert all(s.notes == NOTE for p in peers for s in store.sessions(p.id))
        lead_keys.wipe()

    resumed = centre.sign_in("other_caseworker", tmp_path / "resume")
    [done] = resumed.key_changes_done
    assert done.generation == 2 and done.rows == 7
    resumed.close()
    with _login_conn(centre, "caseworker") as again:
        after = team_keys.open_keys(again, centre.passwords["caseworker"])
        assert after.generation(Compartment.CASEWORK) == 2 and not after.older
        only_new = FieldCipher(after.key(Compartment.CASEWORK), compartment="casework",
                               generation=2)
        store = TeamCasework(again, only_new)
        assert sorted(p.preferred_name for p in store.peers()) == sorted(
            p.preferred_name for p in peers)
        assert all(s.notes == NOTE for p in peers for s in store.sessions(p.id))
        after.wipe()
    assert all(generation_of(v) == 2 for *_, v in _dump(centre))


def test_remaining_casework_holders_read_everything_after_the_rotation(
        joined_centre, tmp_path):
    centre = joined_centre
    lead = centre.sign_in("lead", tmp_path / "lead")
    peers = _fill(lead, 4)
    # A peer editing a record across the rotation: re-sealing is not an edit.
    before = lead.peer(peers[0].id)
    lead.close()
    _deactivate(centre, "caseworker", tmp_path / "admin").close()
    centre.sign_in("other_caseworker", tmp_path / "rotator").close()
    for who in ("lead", "other_caseworker", "supporter"):
        desk = centre.sign_in(who, tmp_path / who)
        assert desk.keys.generation(Compartment.CASEWORK) == 2
        if who != "supporter":   # a supporter sees only the peers assigned to them
            assert [p.full_name for p in desk.peers()] == [p.full_name for p in peers]
            assert all(s.notes == NOTE for p in peers for s in desk.sessions(p.id))
        desk.close()
    lead = centre.sign_in("lead", tmp_path / "lead2")
    assert lead.peer(peers[0].id).row_version == before.row_version
    lead.close()
    # Everyone remaining who held casework holds generation 2 only; the one who
    # left holds nothing.
    holders = {staff for staff, _ in _sealed_keys(centre)}
    assert centre.staff_ids["caseworker"] not in holders
    assert {g for _, g in _sealed_keys(centre)} == {2}


def test_an_administrator_cannot_rotate_and_the_rotation_waits_for_a_casework_holder(
        joined_centre, tmp_path):
    centre = joined_centre
    lead = centre.sign_in("lead", tmp_path / "lead")
    _fill(lead, 1)
    lead.close()
    admin = _deactivate(centre, "caseworker", tmp_path / "admin")
    assert admin.key_changes_done == []
    assert not admin.keys.holds(Compartment.CASEWORK)
    with _login_conn(centre, "admin") as conn:
        [owed] = rotation.pending(conn)
        with pytest.raises(rotation.RotationNotAllowed):
            rotation.start(conn, admin.keys, owed.id)
        # Nor does the server let an administrator's login claim or re-seal.
        for statement, args in (
                ("SELECT main.claim_rotation(%s)", (owed.id,)),
                ("SELECT main.start_rotation(%s, 2)", (owed.id,)),
                ("SELECT * FROM main.rotation_batch('casework', 'one_to_one_note', "
                 "ARRAY['session_id'], ARRAY['notes'], 2, 10)", ()),
                ("SELECT main.finish_rotation('casework', 2)", ())):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(statement, args)
    admin.close()
    # A peer supporter's sign-in leaves it owed too (it would show every row).
    centre.sign_in("supporter", tmp_path / "supporter").close()
    with _login_conn(centre, "supporter") as conn:
        assert [r.started for r in rotation.pending(conn)] == [False]
    centre.sign_in("other_caseworker", tmp_path / "rotator").close()
    with _login_conn(centre, "admin") as conn:
        assert rotation.pending(conn) == []


def test_the_server_hands_out_only_sealed_casework_columns(joined_centre, tmp_path):
    centre = joined_centre
    _deactivate(centre, "supporter", tmp_path / "admin").close()
    with _login_conn(centre, "lead") as conn:
        keys = team_keys.open_keys(conn, centre.passwords["lead"])
        [owed] = rotation.pending(conn)
        generation = rotation.start(conn, keys, owed.id)
        for table, column, binds in (("peer", "ref_number", "id"),
                                     ("staff", "display_name", "login_name"),
                                     ("peer", "full_name", "ref_number")):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute("SELECT * FROM main.rotation_batch('casework', %s, %s, %s, %s, 10)",
                             (table, [binds], [column], generation))
        keys.wipe()


def test_a_pc_signed_in_before_the_rotation_cannot_write_with_the_old_key(
        joined_centre, tmp_path):
    centre = joined_centre
    stale = centre.sign_in("other_caseworker", tmp_path / "stale")
    peer = _peer(1)
    stale.add_peer(peer)
    _deactivate(centre, "caseworker", tmp_path / "admin").close()
    centre.sign_in("lead", tmp_path / "lead").close()
    with pytest.raises(Refused, match="sign in again"):
        stale.add_session(_session(peer, stale.staff_id, "written with generation 1"))
    stale.close()
    fresh = centre.sign_in("other_caseworker", tmp_path / "fresh")
    assert fresh.add_session(_session(peer, fresh.staff_id)).sent
    fresh.close()


def test_an_outbox_made_under_the_old_key_is_moved_across_or_kept_aside(
        joined_centre, tmp_path):
    centre = joined_centre
    folder = tmp_path / "pc"
    before = centre.sign_in("other_caseworker", folder)
    peer = _peer(1)
    before.add_peer(peer)
    queued = _session(peer, before.staff_id, "queued while the server was away")
    before.outbox().put(queued)   # as if saved offline
    before.close()
    _deactivate(centre, "caseworker", tmp_path / "admin").close()
    # The change has started (generation 2 sealed to everyone) but not finished.
    with _login_conn(centre, "lead") as conn:
        lead_keys = team_keys.open_keys(conn, centre.passwords["lead"])
        [owed] = rotation.pending(conn)
        assert rotation.start(conn, lead_keys, owed.id) == 2
        lead_keys.wipe()
    during = centre.sign_in("other_caseworker", folder)
    assert during.waiting() == 1
    assert during.send_waiting().left == 0
    during.close()
    centre.sign_in("lead", tmp_path / "lead").close()   # finishes it
    after = centre.sign_in("other_caseworker", folder)
    assert [s.notes for s in after.sessions(peer.id)] == [queued.notes]
    assert after.add_session(_session(peer, after.staff_id)).sent
    after.close()
    outboxes = sorted(p.name.rsplit(".", 1)[-1]
                      for p in (folder / "data" / "team-outbox").iterdir())
    assert outboxes == ["generation-1", "peerdesk-outbox"]


def test_an_outbox_no_held_key_opens_is_kept_aside(joined_centre, tmp_path):
    centre = joined_centre
    folder = tmp_path / "pc"
    before = centre.sign_in("other_caseworker", folder)
    assert before.waiting() == 0   # the outbox file exists, under generation 1
    before.close()
    _deactivate(centre, "caseworker", tmp_path / "admin").close()
    centre.sign_in("lead", tmp_path / "lead").close()
    after = centre.sign_in("other_caseworker", folder)
    peer = _peer(1)
    assert after.add_peer(peer).sent and after.waiting() == 0
    after.close()
    assert sorted(p.name.rsplit(".", 1)[-1] for p in (folder / "data" / "team-outbox").iterdir()
                  ) == ["peerdesk-outbox", "replaced-key"]


def test_a_published_release_stays_frozen_but_its_note_is_resealed(joined_centre, tmp_path):
    centre = joined_centre
    with _login_conn(centre, "lead") as conn:
        keys = team_keys.open_keys(conn, centre.passwords["lead"])
        note = keys.cipher(Compartment.CASEWORK).seal("report_release", "note", "7",
                                                      "a note on the release")
        conn.execute("INSERT INTO casework.report_release (id, code, period_kind, start_on, "
                     "end_on, revision, published_at, published_by, k, rounding, counts, "
                     "hidden, printed, note) VALUES (7, 'R-1', 'month', '2026-03-01', "
                     "'2026-03-31', 1, now(), %s, 5, 'none', '{}', '[]', '[]', %s)",
                     (keys.staff_id, note))
        keys.wipe()
    _deactivate(centre, "caseworker", tmp_path / "admin").close()
    centre.sign_in("lead", tmp_path / "lead").close()
    with centre.server.connect(centre.database) as conn:
        code, sealed = conn.execute("SELECT code, note FROM casework.report_release").fetchone()
        assert code == "R-1" and generation_of(sealed) == 2
        # Frozen otherwise, for the owner too.
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="append-only"):
            conn.execute("UPDATE casework.report_release SET code = 'R-2'")
    with _login_conn(centre, "lead") as conn:
        keys = team_keys.open_keys(conn, centre.passwords["lead"])
        assert keys.cipher(Compartment.CASEWORK).open(
            "report_release", "note", "7", sealed) == "a note on the release"
        keys.wipe()


def test_two_pcs_make_one_new_key(joined_centre, tmp_path):
    centre = joined_centre
    _deactivate(centre, "supporter", tmp_path / "admin").close()
    with _login_conn(centre, "lead") as first, _login_conn(centre, "other_caseworker") as second:
        first_keys = team_keys.open_keys(first, centre.passwords["lead"])
        second_keys = team_keys.open_keys(second, centre.passwords["other_caseworker"])
        [owed] = rotation.pending(first)
        assert rotation.start(first, first_keys, owed.id) == 2
        # The second PC's claim finds it started; its keys predate the new one,
        # so it leaves the re-sealing to the first.
        assert rotation.start(second, second_keys, owed.id) is None
        assert rotation.rotate_owed(second, second_keys) == []
        [done] = rotation.rotate_owed(first, first_keys)
        assert done.generation == 2
        first_keys.wipe()
        second_keys.wipe()
    assert sorted({g for _, g in _sealed_keys(centre)}) == [2]
