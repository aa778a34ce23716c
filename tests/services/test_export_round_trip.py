"""Export everything and back (issue 14 item 9): a demo vault, exported by its
programme lead, imported into a new vault, matches record for record.

What is allowed to differ is exactly what docs/export.md says can't come
across: keys, slots, grants and the vault's bookkeeping (new vault, new
keys), staff accounts' sign-in state, the settings about the old vault's own
files, and the audit log, which is kept as the old vault's log beside the new one.
"""

from __future__ import annotations

import json
import shutil

import pytest

from peerdesk.domain.audit import AuditAction
from peerdesk.domain.errors import PeerDeskError
from peerdesk.services import accounts, casework, keys, peers, vault_check
from peerdesk.services.backups import FOLDER_SETTING, LAST_SETTING
from peerdesk.storage.paths import VaultPaths
from peerdesk.storage.repositories.meta import get_meta, set_setting
from tests.services.export_helpers import (
    DEMO_ADMIN,
    DEMO_LEAD,
    NEW_PASSWORD,
    export_as,
    import_into,
    signed_in,
    snapshot,
)

NOT_CARRIED = {"meta", "key_slot", "key_task", "role_grant", "personal_key", "audit_event",
               "imported_audit_event", "staff", "settings", "_vault_id"}


def _staff_without_sign_in(rows):
    # id, name, name_key, role, status, slot_id, must_change_password, created_at, roles
    return sorted((r[0], r[1], r[2], r[3], r[7], r[8]) for r in rows)


@pytest.fixture(scope="module")
def round_trip(demo_template, tmp_path_factory):
    # Built once for the module (an export and an import of the demo vault);
    # the tests read it, and those that change the new vault change nothing
    # the others look at.
    tmp_path = tmp_path_factory.mktemp("round-trip")
    shutil.copytree(demo_template, tmp_path / "demo")
    demo_vault = VaultPaths.at(tmp_path / "demo" / "demo.peerdesk")
    with signed_in(demo_vault, DEMO_LEAD) as session:
        # Things the demo lacks: a draft, a note a spreadsheet would run, a
        # backup folder (left behind), text in several scripts.
        db = session.db
        with db.transaction():
            db.execute("INSERT INTO draft (staff_id, kind, saved_at, payload) VALUES "
                       "(?, 'session', '2026-01-02T03:04:05+00:00', ?)",
                       (session.staff.id, json.dumps({"notes": "половина — 半分 🙂"})))
            db.execute("UPDATE one_to_one_note SET notes = '=HYPERLINK(\"x\")' WHERE "
                       "session_id = (SELECT min(session_id) FROM one_to_one_note)")
    with signed_in(demo_vault, DEMO_ADMIN) as session, session.db.transaction():
        set_setting(session.db, FOLDER_SETTING, "/media/usb/backups")
        set_setting(session.db, LAST_SETTING, "2026-01-01T00:00:00+00:00")
    before = snapshot(demo_vault, DEMO_LEAD)
    exported = export_as(demo_vault, DEMO_LEAD, tmp_path / "centre.zip")
    new = VaultPaths.at(tmp_path / "new" / "centre.peerdesk")
    result = import_into(exported.path, new)
    after = snapshot(new, DEMO_ADMIN, NEW_PASSWORD)
    old_log = snapshot(demo_vault, DEMO_LEAD)["audit_event"]
    return before, after, result, new, old_log


def test_every_record_note_and_attendance_comes_back_unchanged(round_trip):
    before, after, _result, _new, _log = round_trip
    compared = sorted(set(before) - NOT_CARRIED)
    assert {"peer", "one_to_one", "one_to_one_note", "attendance", "meeting", "rating",
            "referral", "consent", "safe_contact", "draft", "group_member"} <= set(compared)
    for table in compared:
        assert after[table] == before[table], table
    assert len(before["attendance"]) > 10_000 and len(before["one_to_one_note"]) > 5_000


def test_every_audit_entry_comes_back_as_the_old_vault_s_log(round_trip):
    before, after, result, _new, old_log = round_trip
    old_id = before["_vault_id"][0][0]
    assert result.source_vault == old_id
    kept = [r[1:] for r in after["imported_audit_event"] if r[0] == old_id]
    # The log as it was when exported: the export itself is recorded after that.
    assert kept == old_log[:result.old_audit_events]
    assert len(kept) > len(before["audit_event"])
    assert bytes(kept[-1][8]).hex() == result.old_audit_head
    exported = old_log[result.old_audit_events]
    assert (exported[3], exported[4]) == ("exported", "centre")
    assert "main and casework databases" in exported[6] and "/" not in exported[6]


def test_the_new_log_begins_by_saying_where_it_came_from_and_checks_out(round_trip):
    _before, after, result, new, _log = round_trip
    actions = [r[3] for r in after["audit_event"]]
    # First the signed grants of every account (the importer's own first), then
    # where the vault came from.
    grants_first = actions.index("vault_created")
    issued = [a for a in actions[:grants_first] if a == AuditAction.GRANT_ISSUED.value]
    assert len(issued) == len(after["staff"])
    # The demo's administrator holds no casework role: the key they imported
    # with is owed a rotation at the first casework sign-in.
    assert set(actions[:grants_first]) - {AuditAction.GRANT_ISSUED.value} <= {
        AuditAction.ROTATION_OWED.value}
    assert actions[grants_first:grants_first + 3] == [
        "vault_created", AuditAction.CREATED_FROM_EXPORT.value, "signed_in"]
    detail = json.loads(after["audit_event"][grants_first + 1][6])
    assert detail["source_vault"] == result.source_vault
    assert detail["events"] == result.old_audit_events
    assert detail["head"] == result.old_audit_head
    report = vault_check.check_vault(new, DEMO_ADMIN, NEW_PASSWORD)
    assert report.ok, report.problems


def test_staff_come_across_with_their_roles_and_only_the_importer_can_sign_in(round_trip):
    before, after, result, new, _log = round_trip
    assert _staff_without_sign_in(after["staff"]) == _staff_without_sign_in(before["staff"])
    status = {r[1]: r[4] for r in after["staff"]}
    assert status[DEMO_ADMIN] == "active"
    assert {s for n, s in status.items() if n != DEMO_ADMIN} == {"deactivated"}
    assert result.to_reactivate == len(status) - 1
    with pytest.raises(PeerDeskError), signed_in(new, DEMO_LEAD):
        pass


def test_settings_come_across_except_the_old_vault_s_own_backups(round_trip):
    before, after, _result, _new, _log = round_trip
    left = {FOLDER_SETTING, LAST_SETTING}
    assert {k for k, _ in before["settings"]} >= left
    assert after["settings"] == [r for r in before["settings"] if r[0] not in left]


def test_colleagues_get_new_passwords_then_find_peers_and_notes_by_search(round_trip):
    before, _after, _result, new, _log = round_trip
    highest = max(r[1] for r in before["peer"])
    some_name = next(r[2] for r in before["peer"] if r[2].isascii() and len(r[2]) > 3)
    lead_password = "the lead's second password"
    with signed_in(new, DEMO_ADMIN, NEW_PASSWORD) as session:
        assert int(get_meta(session.db, "next_peer_ref") or 0) > highest
        lead = next(s for s in accounts.list_staff(session) if s.name == DEMO_LEAD)
        accounts.reset_password(session, lead.id, lead_password, lead_password)
    # The search indexes were rebuilt: names and notes are found.
    with signed_in(new, DEMO_LEAD, lead_password) as session:
        keys.settle(session)
        assert peers.find(session, peers.PeerFilter(text=some_name))
        assert casework.search_notes(session, "HYPERLINK")


def test_a_new_vault_made_from_an_imported_one_keeps_both_old_logs(round_trip, tmp_path):
    _before, _after, first, new, _log = round_trip
    with signed_in(new, DEMO_ADMIN, NEW_PASSWORD) as session:
        from peerdesk.services import export

        again = export.export_centre(session, tmp_path / "again.zip",
                                     "another long passphrase 7", replace=False)
    third = VaultPaths.at(tmp_path / "third" / "centre.peerdesk")
    from peerdesk.services import import_export

    result = import_export.import_export(again.path, third, account=DEMO_ADMIN,
                                         password=NEW_PASSWORD,
                                         passphrase="another long passphrase 7")
    with signed_in(third, DEMO_ADMIN, NEW_PASSWORD) as session:
        sources = {r[0] for r in session.db.query(
            "SELECT DISTINCT source_vault FROM imported_audit_event")}
    assert sources == {first.source_vault, result.source_vault}
    assert vault_check.check_vault(third, DEMO_ADMIN, NEW_PASSWORD).ok


@pytest.mark.parametrize("attack", ["change", "delete"])
def test_an_old_event_changed_or_removed_after_the_import_is_found_by_check(round_trip,
                                                                           tmp_path, attack):
    """An insider with the new vault's key edits the kept old log (dropping its
    triggers, re-chaining what follows): the new log's signed record of the
    old log's head no longer matches."""
    _before, _after, result, new, _log = round_trip
    copy = tmp_path / "copy"
    shutil.copytree(new.database.parent, copy)
    paths = VaultPaths.at(copy / new.database.name)
    with signed_in(paths, DEMO_ADMIN, NEW_PASSWORD) as session:
        db = session.db
        db.execute("DROP TRIGGER imported_audit_event_no_update")
        db.execute("DROP TRIGGER imported_audit_event_no_delete")
        if attack == "change":
            db.execute("UPDATE imported_audit_event SET detail = 'nothing to see' "
                       "WHERE source_vault = ? AND id = 3", (result.source_vault,))
        else:
            db.execute("DELETE FROM imported_audit_event WHERE source_vault = ? AND id = "
                       "(SELECT max(id) FROM imported_audit_event WHERE source_vault = ?)",
                       (result.source_vault, result.source_vault))
    report = vault_check.check_vault(paths, DEMO_ADMIN, NEW_PASSWORD)
    assert any("imported audit log" in p for p in report.problems), report.problems
