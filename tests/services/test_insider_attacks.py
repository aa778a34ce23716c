"""Issue 12, items 2 and 3: the attacks of a signed-in insider with Python, run
against a real vault as they were run — their own password, the files on the
PC, plain sqlcipher3 — each now failing or found by `check`.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import shutil
from pathlib import Path

import pytest
import sqlcipher3

from peerdesk.domain.errors import PeerDeskError, PermissionDenied
from peerdesk.domain.staff import Role
from peerdesk.reports.period import Period
from peerdesk.services import audit_log, keys, peers, reports
from peerdesk.services.auth import SignIn
from peerdesk.services.vault_check import check_vault
from peerdesk.storage import keyslots
from peerdesk.storage.paths import VaultPaths
from peerdesk.storage.repositories.peers import PeerFilter
from peerdesk.storage.vault import LockedVault
from tests.fixtures.vaults import ADMIN_NAME, ADMIN_PASSWORD, PASSWORDS, close, sign_in

from .erasure_helpers import full_record
from .vault_pages import database_pages, wal_pages, words_found

LEAD = "Lee Lead"
SUPPORTER = "Pia Peer"


def _secrets(key_file: bytes, account: str | None, password: str) -> dict[str, list[bytes]]:
    """Every secret an account's slot gives up, unwrapped by hand."""
    slots = keyslots.KeySlotFile.load_bytes(key_file)
    chosen = slots.recovery_slots() if account is None else slots.slots_for(account)
    found: dict[str, list[bytes]] = {}
    for slot in chosen:
        private = slots.open_private_key(slot, keyslots.password_bytes(password))
        for what, entries in slots.open_slot(slot, private).secrets.items():
            found.setdefault(what, []).extend(bytes(k) for _g, k in entries)
    return found


def _raw(path: Path, key: bytes) -> sqlcipher3.Connection:
    conn = sqlcipher3.connect(str(path), isolation_level=None)
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    return conn


def _opens(path: Path, key: bytes) -> bool:
    conn = _raw(path, key)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return True
    except sqlcipher3.DatabaseError:
        return False
    finally:
        conn.close()


def _every_text_value(path: Path, key: bytes) -> str:
    """Everything SQL can read from a database: every table, every column."""
    conn = _raw(path, key)
    try:
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()]
        values = []
        for table in tables:
            for row in conn.execute(f'SELECT * FROM "{table}"').fetchall():
                values += [v.decode("utf-8", "replace") if isinstance(v, bytes) else str(v)
                           for v in row]
        return "\n".join(values)
    finally:
        conn.close()


# -- keys follow roles -----------------------------------------------------------------

def test_an_administrator_with_every_file_recovers_no_canary(tmp_path):
    """A new centre as it really starts: the administrator sets it up (and so
    once held the casework key), adds a programme lead, who records people.
    With the administrator's password and full file access, no canary name,
    alias, code word or note word is recoverable by any means tried here."""
    from peerdesk.services import accounts
    from peerdesk.services.setup import create_centre

    paths = VaultPaths.at(tmp_path / "centre.peerdesk")
    admin = create_centre(paths, centre_name="C", admin_name=ADMIN_NAME,
                          password=ADMIN_PASSWORD, confirm=ADMIN_PASSWORD).session
    accounts.add_staff(admin, name=LEAD, role=Role.PROGRAMME_LEAD, password=PASSWORDS[LEAD],
                       confirm=PASSWORDS[LEAD], must_change_password=False)
    locked = admin.end()
    keys_while_setting_up = paths.keys.read_bytes()  # kept by the administrator
    lead = SignIn(locked).sign_in(LEAD, PASSWORDS[LEAD])
    keys.settle(lead)  # the first casework sign-in moves casework off the setup key
    canaries = full_record(lead, "zephyrquill").words + full_record(lead, "morvantle").words
    lead.end()
    admin = SignIn(locked).sign_in(ADMIN_NAME, ADMIN_PASSWORD)
    try:
        # Through PeerDesk: refused.
        with pytest.raises(PermissionDenied):
            peers.find(admin, PeerFilter())
        assert not admin.holds(keys.Compartment.CASEWORK)
    finally:
        admin.end()
        locked.release()

    held = [_secrets(k, ADMIN_NAME, ADMIN_PASSWORD)
            for k in (keys_while_setting_up, paths.keys.read_bytes())]
    every_key = {k for found in held for entries in found.values() for k in entries}
    assert every_key  # the slot really opened
    casework_files = [paths.casework, paths.casework.with_name(paths.casework.name + "-wal")]
    for key in every_key:
        # No key the administrator ever held opens the casework file, and none
        # decrypts a canary from any page of any file, free pages included.
        assert not _opens(paths.casework, key)
        for path in (paths.database, *casework_files):
            if path.exists():
                pages = (wal_pages(path, key) if path.name.endswith("-wal")
                         else database_pages(path, key))
                assert words_found(pages, canaries) == set(), (path.name, key.hex()[:8])
    main_key = held[1]["main"][0]
    readable = _every_text_value(paths.database, main_key)
    assert not any(w.casefold() in readable.casefold() for w in canaries)
    # Nor in plain bytes of any file beside the vault.
    for path in tmp_path.iterdir():
        if path.is_file():
            raw = path.read_bytes().lower()
            assert not any(w.casefold().encode() in raw for w in canaries), path.name


def test_a_peer_supporter_holds_the_casework_key_as_documented(vault, tmp_path):
    """What keys don't stop (docs/security.md): a peer supporter's slot opens
    casework, because they write sessions. Their services refuse what isn't theirs."""
    found = _secrets(vault.keys.read_bytes(), SUPPORTER, PASSWORDS[SUPPORTER])
    assert any(_opens(vault.casework, k) for k in found["casework"])
    assert not found.get("authority")


# -- roles can't be raised by SQL ------------------------------------------------------

def _as_supporter_with_python(vault: VaultPaths, sql: list[str]) -> None:
    key = _secrets(vault.keys.read_bytes(), SUPPORTER, PASSWORDS[SUPPORTER])["main"][0]
    conn = _raw(vault.database, key)
    try:
        for statement in sql:
            conn.execute(statement)
    finally:
        conn.close()


def test_a_role_raised_with_sql_grants_nothing_and_check_names_it(vault, tmp_path):
    """The attack as it was run: UPDATE staff SET role='programme_lead', after
    which `peerdesk report` and `import` worked for the peer supporter."""
    _as_supporter_with_python(vault, [
        "UPDATE staff SET role = 'programme_lead', roles = 'programme_lead' "
        "WHERE name = 'Pia Peer'"])
    session = sign_in(vault, SUPPORTER)
    try:
        assert session.staff.roles == frozenset({Role.PEER_SUPPORTER})
        assert any("changed outside PeerDesk" in n for n in session.notices)
        with pytest.raises(PermissionDenied):
            reports.build(session, Period.month(2026, 10))
    finally:
        close(session)
    report = check_vault(vault, LEAD, PASSWORDS[LEAD])
    assert any("roles were changed outside PeerDesk" in p for p in report.problems), \
        report.problems
    lead = sign_in(vault, LEAD)
    try:
        actions = {row.what for row in audit_log.recent_events(lead)}
        assert "Account record changed outside PeerDesk" in actions
    finally:
        close(lead)


def test_a_forged_grant_is_passed_over_and_named(vault):
    """A grant row written with SQL (an insider can't sign as the authority)."""
    _as_supporter_with_python(vault, [
        "INSERT INTO role_grant SELECT staff_id, serial + 1, name_key, 'admin', status, "
        "signing_key, issued_at, issued_by, signature FROM role_grant "
        "WHERE staff_id = (SELECT id FROM staff WHERE name = 'Pia Peer')"])
    session = sign_in(vault, SUPPORTER)
    try:
        assert session.staff.roles == frozenset({Role.PEER_SUPPORTER})
    finally:
        close(session)
    report = check_vault(vault, LEAD, PASSWORDS[LEAD])
    assert any("did not sign" in p for p in report.problems), report.problems


def test_reactivating_a_deactivated_account_with_sql_does_not_sign_in(vault):
    from peerdesk.services import accounts

    admin = sign_in(vault, ADMIN_NAME)
    try:
        cal = next(s for s in accounts.list_staff(admin) if s.name == "Cal Worker")
        old_slot = admin.vault.keyslots.slot(cal.slot_id).to_json()
        accounts.deactivate(admin, cal.id)
    finally:
        close(admin)
    # The insider puts the old slot back in the key file and the row back to active.
    data = json.loads(vault.keys.read_text())
    data["slots"].append(old_slot)
    vault.keys.write_text(json.dumps(data))
    _as_supporter_with_python(vault, [
        f"UPDATE staff SET status = 'active', slot_id = '{old_slot['id']}' "
        "WHERE name = 'Cal Worker'"])
    locked = LockedVault.open(vault)
    try:
        with pytest.raises(PeerDeskError):
            SignIn(locked).sign_in("Cal Worker", PASSWORDS["Cal Worker"])
    finally:
        locked.release()


# -- the audit trail ---------------------------------------------------------------------

def _digest(prev: bytes, row: tuple) -> bytes:
    """The chain's hash, as anyone reading the code can compute it (it is not keyed)."""
    canonical = json.dumps(list(row), ensure_ascii=False, separators=(",", ":")).encode()
    return hashlib.sha256(prev + canonical).digest()


def _rewrite_chain_by_hand(vault: VaultPaths, delete_where: str, *,
                           recreate_triggers: bool = True) -> int:
    """The attack as it was run: drop the two triggers, delete another person's
    events, recompute the chain, fix the head and count, recreate the triggers."""
    key = _secrets(vault.keys.read_bytes(), SUPPORTER, PASSWORDS[SUPPORTER])["main"][0]
    conn = _raw(vault.database, key)
    try:
        # The two it drops (the imported log's own triggers stay in place).
        triggers = [r[0] for r in conn.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' "
            "AND tbl_name = 'audit_event'").fetchall()]
        conn.execute("DROP TRIGGER audit_event_no_update")
        conn.execute("DROP TRIGGER audit_event_no_delete")
        deleted = conn.execute(f"DELETE FROM audit_event WHERE {delete_where}").rowcount
        rows = conn.execute("SELECT id, at, actor_id, action, target_kind, target_id, detail "
                            "FROM audit_event ORDER BY id").fetchall()
        conn.execute("DELETE FROM audit_event")
        prev = b"\0" * 32
        for new_id, row in zip(itertools.count(1), rows, strict=False):
            fields = (new_id, *row[1:])
            digest = _digest(prev, fields)
            conn.execute("INSERT INTO audit_event (id, at, actor_id, action, target_kind, "
                         "target_id, detail, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?)",
                         (*fields, prev, digest))
            prev = digest
        conn.execute("UPDATE meta SET value = ? WHERE key = 'audit_head'", (prev.hex(),))
        conn.execute("UPDATE meta SET value = ? WHERE key = 'audit_count'", (str(len(rows)),))
        if recreate_triggers:
            for sql in triggers:
                conn.execute(sql)
        return deleted
    finally:
        conn.close()


def _lead_views_a_peer(vault: VaultPaths) -> None:
    lead = sign_in(vault, LEAD)
    try:
        record = full_record(lead, "vexmarrow")
        peers.open_page(lead, record.peer_id)
    finally:
        close(lead)


def test_deleting_anothers_views_and_rechaining_is_found_by_check(vault):
    _lead_views_a_peer(vault)
    assert _rewrite_chain_by_hand(vault, "action = 'viewed'") > 0
    report = check_vault(vault, LEAD, PASSWORDS[LEAD])
    assert not report.ok
    assert any("signature" in p or "not signed" in p for p in report.problems), report.problems


def test_triggers_left_dropped_are_found_by_check(vault):
    _lead_views_a_peer(vault)
    _rewrite_chain_by_hand(vault, "0", recreate_triggers=False)
    report = check_vault(vault, LEAD, PASSWORDS[LEAD])
    assert any("trigger audit_event_no_delete is missing" in p for p in report.problems), \
        report.problems


def test_an_older_copy_put_back_is_named_at_sign_in_and_by_check_anchor(vault, tmp_path):
    """The attack as it was run: an older copy of the vault and key file put back
    silently removed later events. Found against the newest backup at sign-in,
    and against an anchor printed on a report made since."""
    from peerdesk.storage import anchors

    older = tmp_path / "older"
    older.mkdir()
    for path in (vault.database, vault.casework, vault.keys):
        shutil.copyfile(path, older / path.name)
    _lead_views_a_peer(vault)
    lead = sign_in(vault, LEAD)
    try:
        printed = anchors.current(lead.db).printed  # as a report's footer shows it
    finally:
        close(lead)
    # Put the older copy back, key file and all.
    for path in older.iterdir():
        shutil.copyfile(path, vault.database.parent / path.name)
    report = check_vault(vault, LEAD, PASSWORDS[LEAD], printed_anchor=printed)
    assert any("against the anchor given" in p for p in report.problems), report.problems


def test_an_older_copy_is_named_at_sign_in_when_a_newer_backup_exists(vault, tmp_path):
    from peerdesk.services import backups

    stick = tmp_path / "stick"
    stick.mkdir()
    admin = sign_in(vault, ADMIN_NAME)
    try:
        backups.save_backup_settings(admin, backups.BackupSettings(folder=stick, keep=3))
    finally:
        close(admin)
    older = tmp_path / "older"
    older.mkdir()
    for path in (vault.database, vault.casework, vault.keys):
        shutil.copyfile(path, older / path.name)
    _lead_views_a_peer(vault)
    admin = sign_in(vault, ADMIN_NAME)
    try:
        backups.back_up_now(admin, stick)
    finally:
        close(admin)
    for path in older.iterdir():
        shutil.copyfile(path, vault.database.parent / path.name)
    session = sign_in(vault, LEAD)
    try:
        assert any("older than what was recorded" in n for n in session.notices), \
            session.notices
        actions = [e.action.value for e in audit_log.audit_repo.recent(session.db, limit=5)]
        assert "vault_older_than_recorded" in actions
    finally:
        close(session)
