"""Wrong passwords, awkward passwords, damaged files and password changes."""

from __future__ import annotations

import json
import unicodedata

import pytest

from peerdesk.domain.audit import AuditAction
from peerdesk.domain.errors import VaultDamaged, WrongCredentials
from peerdesk.domain.staff import Role
from peerdesk.services import accounts
from peerdesk.services.auth import SignIn
from peerdesk.services.vault_check import check_vault
from peerdesk.storage import crypto, keyslots
from peerdesk.storage.repositories import audit as audit_repo
from peerdesk.storage.vault import LockedVault
from tests.fixtures.vaults import (
    ADMIN_NAME,
    ADMIN_PASSWORD,
    PASSWORDS,
    can_sign_in,
    close,
    flip_byte,
    sign_in,
)

PAGE = 4096


@pytest.mark.parametrize("name", [ADMIN_NAME, "Nobody Here"])
def test_wrong_password_is_refused_neutrally_and_changes_nothing(vault, name):
    before = (vault.database.read_bytes(), vault.keys.read_bytes())
    locked = LockedVault.open(vault)
    try:
        with pytest.raises(WrongCredentials) as caught:
            SignIn(locked).sign_in(name, "not the password at all")
    finally:
        locked.release()
    assert caught.value.user_message == WrongCredentials.default_message
    assert vault.database.read_bytes() == before[0]
    # Counted in the key file's sign-in guard, and nothing else there changed.
    after, was = json.loads(vault.keys.read_bytes()), json.loads(before[1])
    assert after.pop("guard")["attempts"] == 1
    was.pop("guard", None)
    assert after == was


AWKWARD = {
    "quotes": "it's \"quoted\" '; DROP TABLE staff; --",
    "backslashes": r"C:\Users\x\new\table\0",
    "emoji": "🔐 safe house 🌱🏳️‍🌈 key",
    "combining": unicodedata.normalize("NFD", "café crème brûlée naïve"),
    "long": ("Zq9!" + "abcdefghijklmnopqrstuvwxyz0123456789" * 6)[:200],
}


def test_awkward_passwords_round_trip(vault):
    session = sign_in(vault, ADMIN_NAME)
    try:
        for label, password in AWKWARD.items():
            accounts.add_staff(session, name=f"User {label}", role=Role.CASEWORKER,
                               password=password, confirm=password)
    finally:
        close(session)
    assert len(AWKWARD["long"]) == 200
    for label, password in AWKWARD.items():
        assert can_sign_in(vault, f"User {label}", password), label
    # Typed composed or decomposed, the same password opens.
    nfc = unicodedata.normalize("NFC", AWKWARD["combining"])
    assert nfc != AWKWARD["combining"]
    assert can_sign_in(vault, "User combining", nfc)
    assert not can_sign_in(vault, "User quotes", AWKWARD["quotes"][:-1])


def _pages(vault) -> int:
    return vault.database.stat().st_size // PAGE


def test_flipped_byte_in_a_later_page_is_reported_never_raw(vault):
    pages = _pages(vault)
    assert pages > 3
    original = vault.database.read_bytes()
    # The first data page, one in the middle and the last (every page takes
    # two key derivations; the property is the same for all of them).
    for page in sorted({1, pages // 2, pages - 1}):
        vault.database.write_bytes(original)
        flip_byte(vault.database, page * PAGE + PAGE // 2)
        try:
            close(sign_in(vault, ADMIN_NAME))
        except VaultDamaged:
            pass
        except Exception as exc:  # a driver error must never get this far
            pytest.fail(f"page {page + 1}: {type(exc).__name__}: {exc}")
        report = check_vault(vault, ADMIN_NAME, ADMIN_PASSWORD)
        assert not report.ok, f"page {page + 1}"
        assert all(isinstance(p, str) and p for p in report.problems)


def test_flipped_byte_in_page_one_is_vault_damaged(vault):
    flip_byte(vault.database, PAGE // 2)
    locked = LockedVault.open(vault)
    try:
        with pytest.raises(VaultDamaged):
            locked.unlock(ADMIN_NAME, ADMIN_PASSWORD)
    finally:
        locked.release()
    report = check_vault(vault, ADMIN_NAME, ADMIN_PASSWORD)
    assert not report.ok


def test_change_secret_leaves_the_database_byte_identical(vault):
    session = sign_in(vault, ADMIN_NAME)
    wal = vault.database.with_name(vault.database.name + "-wal")
    try:
        db_before, wal_before = vault.database.read_bytes(), wal.read_bytes()
        keys_before = vault.keys.read_bytes()
        session.vault.change_secret(
            session.vault.slot, keyslots.password_bytes(ADMIN_PASSWORD),
            keyslots.password_bytes("a brand new password"), crypto.KdfParams())
        assert vault.database.read_bytes() == db_before
        assert wal.read_bytes() == wal_before
        assert vault.keys.read_bytes() != keys_before
    finally:
        close(session)
    assert not can_sign_in(vault, ADMIN_NAME, ADMIN_PASSWORD)
    assert can_sign_in(vault, ADMIN_NAME, "a brand new password")


def test_change_own_password_is_audited_with_the_rotations_it_causes(vault):
    session = sign_in(vault, "Cal Worker")
    try:
        before = audit_repo.verify_chain(session.db).events
        accounts.change_own_password(session, PASSWORDS["Cal Worker"], "fresh words for cal",
                                     "fresh words for cal")
        events = list(reversed(audit_repo.recent(session.db, limit=5)))
        assert audit_repo.verify_chain(session.db).events == before + 5
        # What is owed is said in the signed log, then settled there.
        assert [(e.action, e.target_id) for e in events] == [
            (AuditAction.ROTATION_OWED, "casework"), (AuditAction.ROTATION_OWED, "main"),
            (AuditAction.PASSWORD_CHANGED, str(session.staff.id)),
            (AuditAction.VAULT_REKEYED, "casework"), (AuditAction.VAULT_REKEYED, "main")]
        with pytest.raises(WrongCredentials):
            accounts.change_own_password(session, "not my password", "another new one",
                                         "another new one")
    finally:
        close(session)
    assert not can_sign_in(vault, "Cal Worker")
    assert can_sign_in(vault, "Cal Worker", "fresh words for cal")

