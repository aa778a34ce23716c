"""A new main key generation when someone leaves (issue 18, "a former staff
member with old copies"): the attack is a former member who kept a copy of
their key slot on the server (and knows their old password) reading a later
superuser's dump of the server. The main key seals staff names, the audit
events' details, the role grants' names and the supporters register."""

from __future__ import annotations

import threading
import time
import uuid

import psycopg
import pytest

from peerdesk.domain.audit import AuditAction
from peerdesk.domain.staff import Compartment, Role
from peerdesk.services.team import Phase
from peerdesk.storage import crypto, keyslots
from peerdesk.storage.team import keys as team_keys
from peerdesk.storage.team import rotation
from peerdesk.storage.team.audit import append_event
from peerdesk.storage.team.fieldcrypt import generation_of
from peerdesk.storage.team.schema import centre_id
from tests.team.test_key_rotation import _dump, _fill, _login_conn, _opens_with


def _copy_slot(centre, who) -> tuple[dict, list[dict]]:
    """What a person could keep of their own keys: their slot's row and the keys
    sealed to it (they read both with their own login; a superuser copy here)."""
    with centre.server.connect(centre.database) as conn:
        (slot,) = conn.execute("SELECT slot FROM main.team_slot WHERE staff_id = %s",
                               (centre.staff_ids[who],)).fetchone()
        entries = [e for (e,) in conn.execute(
            "SELECT entry FROM main.team_sealed_key WHERE staff_id = %s",
            (centre.staff_ids[who],))]
    return slot, entries


def _main_keys_of(centre, copy, password) -> list[bytes]:
    """The main keys a copied slot gives up with the old password, offline."""
    with centre.server.connect(centre.database) as conn:
        centre_key = centre_id(conn)
    book = team_keys._book(centre_key)
    slot = team_keys._slot_from(*copy)
    private = team_keys._open_private_key(book, slot, password)
    try:
        opened = book.open_slot(slot, private)
    finally:
        crypto.wipe(private)
    return [bytes(key) for _generation, key in opened.secrets.get(keyslots.MAIN, [])]


def _opened_by(stolen: list[bytes], dump) -> list[str]:
    return [text for key in stolen for text in _opens_with(key, dump, "main")]


def _old_values(centre) -> int:
    """How many rows hold a main-sealed value of generation 1 (one value a row
    in this centre's tables)."""
    return sum(generation_of(value) == 1 for *_, value in _dump(centre, "main"))


def _main_generations(centre) -> set[int]:
    with centre.server.connect(centre.database) as conn:
        return {g for (g,) in conn.execute(
            "SELECT generation FROM main.team_sealed_key WHERE what = 'main'")}


def _verifies(report) -> bool:
    """The chain checks out: order, links and hashes. Events PCs write on the team
    are not signed yet, and a centre started on the server has no signed origin."""
    return report.events > 0 and all(
        p.endswith("is not signed") or p.startswith("the record of where the audit log's")
        for p in report.problems)


def _leave(centre, who, folder):
    """`who` works a little (audited), keeps a copy of their slot, and an
    administrator deactivates them; the administrator's desk and the copy."""
    leaving = centre.sign_in(who, folder / "leaving")
    if leaving.roles & {Role.PROGRAMME_LEAD, Role.CASEWORKER}:
        _fill(leaving, 3)
    leaving.close()
    copy = _copy_slot(centre, who)
    admin = centre.sign_in("admin", folder / "admin")
    admin.deactivate(centre.names[who])
    return admin, copy


def test_a_former_members_copied_slot_opens_nothing_main_sealed_after_the_change(
        joined_centre, tmp_path):
    centre = joined_centre
    admin, copy = _leave(centre, "caseworker", tmp_path)
    stolen = _main_keys_of(centre, copy, centre.passwords["caseworker"])
    # What is at stake: with the copy, a later dump gives staff names and details.
    before = _opened_by(stolen, _dump(centre, "main"))
    assert {"Ana Admin", "Lena Lead", "Sam Supporter"} <= set(before)
    assert any("login and key slot removed" in text for text in before)
    assert admin.key_changes_done == []       # owed: done at an administrator's sign-in
    admin.close()

    to_reseal = _old_values(centre)
    again = centre.sign_in("admin", tmp_path / "admin2")
    [done] = again.key_changes_done
    assert done.generation == 2 and done.rows == to_reseal
    assert again.keys.generation(Compartment.MAIN) == 2 and not again.keys.older
    assert again.preparation.phase is Phase.READY
    again.close()

    dump = _dump(centre, "main")
    assert {generation_of(value) for *_, value in dump} == {2}
    assert _opened_by(stolen, dump) == []
    # Generation 1 is gone from the server: no slot opens it any more, and every
    # remaining person holds the new one.
    assert _main_generations(centre) == {2}
    with centre.server.connect(centre.database) as conn:
        holders = {s for (s,) in conn.execute(
            "SELECT staff_id FROM main.team_sealed_key WHERE what = 'main'")}
    assert holders == {centre.staff_ids[w] for w in
                       ("admin", "lead", "other_caseworker", "supporter")}


def test_the_chain_verifies_after_the_change_with_both_steps_on_it(joined_centre, tmp_path):
    centre = joined_centre
    admin, _copy = _leave(centre, "supporter", tmp_path)
    assert _verifies(admin.check_audit())
    admin.close()
    centre.sign_in("admin", tmp_path / "admin2").close()
    lead = centre.sign_in("lead", tmp_path / "lead")
    report = lead.check_audit()
    assert _verifies(report), report.problems
    with _login_conn(centre, "lead") as conn:
        rows = conn.execute("SELECT id, detail FROM main.audit_event WHERE action = %s "
                            "AND target_id = 'main' ORDER BY id",
                            (AuditAction.KEY_CHANGED.value,)).fetchall()
    main = lead.keys.cipher(Compartment.MAIN)
    details = [main.open("audit_event", "detail", str(i), d) for i, d in rows]
    assert len(details) == 2
    assert details[0].startswith("main key generation 2 made and sealed to 4 people")
    assert details[1].startswith("main key generation 2 in use for every record; 4 older")
    # Everyone remaining reads the names with the new key.
    assert {p.name for p in lead.people()} >= {"Ana Admin", "Lena Lead"}
    lead.close()


def test_an_interrupted_change_resumes_and_every_row_opens_with_the_new_key(
        joined_centre, tmp_path):
    centre = joined_centre
    admin, copy = _leave(centre, "caseworker", tmp_path)
    admin.close()
    conn = _login_conn(centre, "admin")
    keys = team_keys.open_keys(conn, centre.passwords["admin"])
    pid = conn.info.backend_pid
    failed: list[BaseException] = []
    # The superuser holds the 7th audit event (of 7: six saves and the
    # deactivation) so the administrator's write of the second batch of events
    # blocks; then its connection is dropped.
    with centre.server.connect(centre.database) as holder:
        assert holder.execute("SELECT max(id) FROM main.audit_event").fetchone() == (7,)
        holder.execute("SELECT 1 FROM main.audit_event WHERE id = 7 FOR UPDATE")

        def rotate() -> None:
            try:
                rotation.rotate_owed(conn, keys, batch=5, kind=rotation.MAIN_KEY)
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
                pytest.fail("the change never reached the held row")
            watch.execute("SELECT pg_terminate_backend(%s)", (pid,))
        worker.join(30)
        holder.rollback()
    assert failed and isinstance(failed[0], psycopg.OperationalError)
    keys.wipe()
    with centre.server.connect(centre.database) as su:
        started, resealed = su.execute("SELECT started_at IS NOT NULL, rows_resealed "
                                       "FROM main.team_rotation WHERE what = 'main'"
                                       ).fetchone()
        events = [generation_of(d) for (d,) in su.execute(
            "SELECT detail FROM main.audit_event ORDER BY id")]
    # Half done: the staff names and the first batch of events; the batch that
    # was cut off left nothing (one transaction). The window meanwhile: rows of
    # generation 1 still open with the copy.
    assert started and resealed == 5 + 5
    # Events 1 to 5 re-sealed, 6 and 7 not; 8 (the change's start) made new.
    assert events == [2] * 5 + [1] * 2 + [2]
    stolen = _main_keys_of(centre, copy, centre.passwords["caseworker"])
    assert _opened_by(stolen, _dump(centre, "main"))
    # Old and new read side by side meanwhile.
    with _login_conn(centre, "lead") as lead_conn:
        lead_keys = team_keys.open_keys(lead_conn, centre.passwords["lead"])
        assert sorted(lead_keys.cipher(Compartment.MAIN).generations) == [1, 2]
        lead_keys.wipe()

    left = _old_values(centre)
    resumed = centre.sign_in("admin", tmp_path / "resume")
    [done] = resumed.key_changes_done
    assert done.generation == 2 and done.rows == left
    assert _verifies(resumed.check_audit())
    resumed.close()
    dump = _dump(centre, "main")
    assert {generation_of(v) for *_, v in dump} == {2}
    assert _opened_by(stolen, dump) == []


def test_only_an_administrator_changes_the_main_key(joined_centre, tmp_path):
    centre = joined_centre
    admin, _copy = _leave(centre, "supporter", tmp_path)
    admin.close()
    lead = centre.sign_in("lead", tmp_path / "lead")
    assert lead.keys.generation(Compartment.MAIN) == 1   # it did casework's change only
    assert "The main key is due to be changed" in (lead.key_change_status() or "")
    lead.close()
    with _login_conn(centre, "lead") as conn:
        keys = team_keys.open_keys(conn, centre.passwords["lead"])
        [owed] = rotation.pending(conn, rotation.MAIN_KEY)
        assert not owed.started
        with pytest.raises(rotation.MainRotationNotAllowed):
            rotation.start(conn, keys, owed.id, rotation.MAIN_KEY)
        assert rotation.rotate_owed(conn, keys, kind=rotation.MAIN_KEY) == []
        keys.wipe()
        # Nor does the server let a holder of the main key who isn't an
        # administrator claim, re-seal or finish it.
        for statement, args in (
                ("SELECT main.claim_rotation(%s)", (owed.id,)),
                ("SELECT main.start_rotation(%s, 2)", (owed.id,)),
                ("SELECT * FROM main.rotation_batch('main', 'staff', ARRAY['login_name'], "
                 "ARRAY['display_name'], 2, 10)", ()),
                ("SELECT main.finish_rotation('main', 2)", ())):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(statement, args)
    # An administrator's login is handed only the main schema's sealed columns.
    with _login_conn(centre, "admin") as conn:
        keys = team_keys.open_keys(conn, centre.passwords["admin"])
        generation = rotation.start(conn, keys, owed.id, rotation.MAIN_KEY)
        for schema, table, binds, column in (
                ("main", "staff", "login_name", "roles"),
                ("casework", "peer", "id", "full_name"),
                ("main", "staff", "roles", "display_name")):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute("SELECT * FROM main.rotation_batch(%s, %s, %s, %s, %s, 10)",
                             (schema, table, [binds], [column], generation))
        keys.wipe()


def test_the_window_before_the_change(joined_centre, tmp_path):
    """Documented: from the deactivation until an administrator signs in again
    (and while the re-sealing runs), a copy of the old slot with the old
    password still opens what the main key sealed. The server records the
    change as owed meanwhile, and the status says so."""
    centre = joined_centre
    admin, copy = _leave(centre, "lead", tmp_path)
    assert "The main key is due to be changed" in admin.status()
    with _login_conn(centre, "admin") as conn:
        [owed] = rotation.pending(conn, rotation.MAIN_KEY)
    assert (owed.what, owed.started) == ("main", False)
    stolen = _main_keys_of(centre, copy, centre.passwords["lead"])
    assert "Ana Admin" in _opened_by(stolen, _dump(centre, "main"))
    admin.close()


def test_a_pc_signed_in_before_the_change_cannot_write_with_the_old_key(
        joined_centre, tmp_path):
    centre = joined_centre
    with _login_conn(centre, "lead") as stale_conn:
        stale = team_keys.open_keys(stale_conn, centre.passwords["lead"])
        admin, _copy = _leave(centre, "supporter", tmp_path)
        admin.close()
        centre.sign_in("admin", tmp_path / "admin2").close()
        with pytest.raises(psycopg.errors.InvalidParameterValue, match="sign in again"):
            append_event(stale_conn, stale.cipher(Compartment.MAIN),
                         actor_id=stale.staff_id, action=AuditAction.VIEWED,
                         target_kind="peer", target_id=str(uuid.uuid4()))
        stale.wipe()
    fresh = centre.sign_in("lead", tmp_path / "fresh")
    assert fresh.keys.generation(Compartment.MAIN) == 2
    assert _verifies(fresh.check_audit())
    fresh.close()


def test_the_administrators_window_shows_the_change_as_it_goes(qtbot, joined_centre,
                                                               tmp_path, monkeypatch):
    from peerdesk.ui.team.status_window import TeamStatusWindow

    monkeypatch.setattr(rotation, "BATCH", 2)
    centre = joined_centre
    admin, _copy = _leave(centre, "caseworker", tmp_path)
    admin.close()
    desk = centre.sign_in("admin", tmp_path / "pc", prepare=False)
    assert desk.needs_preparation and desk.preparation.phase is Phase.WAITING
    window = TeamStatusWindow(desk, prepare=False)
    qtbot.addWidget(window)
    window.show()
    shown: list[str] = []
    window.start_preparing()
    assert window.job is not None
    window.job.progress.connect(lambda _t: shown.append(window.preparing.text()))
    qtbot.waitUntil(lambda: not window.is_preparing, timeout=60_000)
    assert any(text.startswith("Changing the main key, because someone has left: ")
               for text in shown), shown
    assert desk.keys.generation(Compartment.MAIN) == 2
    assert not window.progress.isVisible() and not window.preparing.isVisible()
    assert "main key" not in window.state.text()   # nothing owed any more
    window.close()
